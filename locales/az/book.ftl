# Azərbaycanca nəşrin tərtibatı.
language-name = Azərbaycanca
book-title = İran və Azərbaycan: inamsızlıq içində qonşular
book-subtitle = Təxribatlar, təlimlər və səfirliyin sındırılmış qapısı
book-author = Anonim
contents = Mündəricat
title-page = Titul səhifəsi
cover = Üz qabığı
colophon = Kolofon
languages = Dillər
nav-previous = Əvvəlki
nav-next = Növbəti
colophon-source = İngilis dilindəki orijinaldan tərcümə: “{ $title }”.
translator-name = tercuman layihəsi (süni intellektlə hazırlanmış ilkin qaralama)
translator-credit = Tərcümə: tercuman layihəsi üçün süni intellekt dil modeli ilə hazırlanmış ilkin qaralama.
colophon-completeness = { $total } seqmentdən { $translated } seqment tərcümə olunub ({ $percent }%).
colophon-fallback = { $count ->
    [0] Bu nəşrin bütün seqmentləri tərcümə olunub.
   *[other] Hələ tərcümə olunmamış { $count } seqment ingiliscə, işarələnmiş şəkildə göstərilir.
}
colophon-reviewed = { $reviewed ->
    [0] Bu tərcümənin heç bir seqmenti hələ yoxlayıcı tərəfindən təsdiqlənməyib.
   *[other] { $reviewed } seqment yoxlayıcı tərəfindən təsdiqlənib (nəşrin { $percent }%-i).
}
colophon-built = Tərtib tarixi: { $date }.
colophon-generator = tercuman ilə tərcümə yaddaşından hazırlanıb.
colophon-font = Kitab { $family } şrifti ilə yığılıb; şrift öz lisenziyası ilə kitaba daxil edilib.
font-license = Şriftin lisenziyası
accessibility-summary = Naviqasiya edilə bilən mündəricatı və oxu ardıcıllığında başlıqları olan yalnız mətndən ibarət kitab; heç bir təhlükə yoxdur.
landmarks = Əsas bölmələr
task-done = tamamlanıb
task-open = tamamlanmayıb
skip-to-content = Məzmuna keç
theme-dark = Tünd mövzu
search = Bu kitabda axtar
search-placeholder = Axtar…
search-loading = Axtarılır…
search-no-results = Heç nə tapılmadı.
search-results = Tapıldı:
print-book = Bütün kitab bir səhifədə
chapters = Fəsillər
fallback-notice = { $count ->
    [one] Bu fəslin bir hissəsi hələ tərcümə olunmayıb; orijinal dildə göstərilir və belə işarələnir:
   *[other] Bu fəslin { $count } hissəsi hələ tərcümə olunmayıb; orijinal dildə göstərilir və belə işarələnir:
}
fallback-sample = orijinal mətn
edition-original = Orijinal nəşr
edition-translated = { $percent }% tərcümə olunub
