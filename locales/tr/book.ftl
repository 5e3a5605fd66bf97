# Türkçe baskının çerçeve metinleri.
language-name = Türkçe
book-title = İran ve Azerbaycan: Güvensizlik İçindeki Komşular
book-subtitle = Provokasyonlar, tatbikatlar ve kırılan bir büyükelçilik kapısı
book-author = Anonim
contents = İçindekiler
title-page = Başlık sayfası
cover = Kapak
colophon = Künye
languages = Diller
nav-previous = Önceki
nav-next = Sonraki
colophon-source = İngilizce aslından çevrilmiştir: “{ $title }”.
translator-name = tercuman projesi (yapay zekâ destekli ilk taslak)
translator-credit = Çeviri: tercuman projesi için bir yapay zekâ dil modeliyle hazırlanmış ilk taslak.
colophon-completeness = { $total } bölütten { $translated } tanesi çevrildi (%{ $percent }).
colophon-fallback = { $count ->
    [0] Bu baskının bütün bölütleri çevrildi.
   *[other] Henüz çevrilmemiş { $count } bölüt İngilizce olarak, işaretli biçimde gösteriliyor.
}
colophon-reviewed = { $reviewed ->
    [0] Bu çevirinin hiçbir bölütü henüz bir gözden geçiren tarafından onaylanmadı.
   *[other] { $reviewed } bölüt bir gözden geçiren tarafından onaylandı (baskının %{ $percent } kadarı).
}
colophon-built = Derleme tarihi: { $date }.
colophon-generator = tercuman ile bir çeviri belleğinden hazırlandı.
colophon-font = Bu kitap { $family } yazı tipiyle dizildi; yazı tipi, lisansıyla birlikte kitaba eklendi.
font-license = Yazı tipi lisansı
accessibility-summary = Gezinilebilir içindekiler tablosu ve okuma sırasında başlıkları olan, yalnızca metinden oluşan bir kitap; hiçbir tehlike içermez.
landmarks = Önemli bölümler
task-done = tamamlandı
task-open = tamamlanmadı
skip-to-content = İçeriğe geç
theme-dark = Koyu tema
search = Bu kitapta ara
search-placeholder = Ara…
search-loading = Aranıyor…
search-no-results = Hiçbir şey bulunamadı.
search-results = Bulunan:
print-book = Kitabın tamamı tek sayfada
chapters = Bölümler
fallback-notice = { $count ->
    [one] Bu bölümün bir parçası henüz çevrilmedi; özgün dilinde gösterilir ve şöyle işaretlenir:
   *[other] Bu bölümün { $count } parçası henüz çevrilmedi; özgün dilinde gösterilir ve şöyle işaretlenir:
}
fallback-sample = özgün metin
edition-original = Özgün baskı
edition-translated = %{ $percent } çevrildi
