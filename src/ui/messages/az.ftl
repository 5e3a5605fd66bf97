# tercuman-ın öz mesajları, Azərbaycan dilində.

severity-error = xəta
severity-warning = xəbərdarlıq
severity-hint = ipucu
caused-by = səbəb

## Kitabxananın xətalarını saran xətalar
error-load-book = `{ $dir }` içindəki kitab yüklənə bilmədi
error-io = `{ $path }` faylına müraciət alınmadı: { $reason }
error-utf8 = { $path }: düzgün UTF-8 deyil (ilk səhv bayt { $line }-ci sətirdə)
error-memory = tərcümə yaddaşı `{ $path }`: { $message }
error-not-a-locale = `{ $code }` kitabın dillərindən biri deyil
error-xliff-needs-locale = XLIFF bir dil daşıyır: `--locale` verin ({ $locales } dillərindən biri)
error-write = `{ $path }` yazıla bilmədi
error-source-date-epoch = SOURCE_DATE_EPOCH saniyə sayı deyil: `{ $value }`
error-init-not-empty = `{ $dir }` artıq bir kitab saxlayır (`source/book.toml`); başqa qovluq seçin
error-status-below-minimum = { $locale } { $percent }% tərcümə olunub, minimum { $min }% həddindən aşağıdır
error-status-below-reviewed = { $locale } { $percent }% yoxlanılıb, minimum { $min }% həddindən aşağıdır
error-no-segment = yaddaşda `{ $segment }` seqmenti yoxdur (identifikatorlar PO yazılarının msgctxt dəyəridir)

## sync
sync-report = sync: { $new } yeni və { $retired } təqaüdə çıxmış seqment, { $imported } tərcümə idxal edildi, { $exact } dəqiq uyğunluq istifadə edildi, { $fuzzy } qeyri-dəqiq təklif, { $written } fayl yazıldı
sync-locale-imported =   { $locale }: { $count } tərcümə idxal edildi
sync-conflict = { $file }:{ $line }: `{ $segment }` fayl yazılandan sonra həm bu faylda, həm də yaddaşda dəyişib
sync-conflict-hint = yaddaşın versiyası qeyri-dəqiq kimi saxlanıldı; sizinki `tercuman tm log { $segment }` içindədir
sync-merge-conflict = { $file }:{ $line }: `{ $segment }` sonradan birləşdirilmiş iki klonda fərqli tərcümə edilib: { $texts }
sync-merge-conflict-hint = ən yeni mətn qeyri-dəqiq kimi saxlanıldı; hər tərəfin mətni `tercuman tm log { $segment }` içindədir
sync-segmentation-changed = seqmentləşdirmə dəyişdi: { $old } → { $new }
sync-segmentation-changed-hint = onun böldüyü və ya birləşdirdiyi seqmentlər köhnə tərcüməni ingiliscə eyni olduqda dəqiq uyğunluq kimi, əks halda bölmə və ya birləşmə təklifi kimi aldı (qeyri-dəqiq, köhnə ingiliscə ilə); onlara `tercuman status --by-chapter` ilə baxın
sync-bom = { $file }: əvvəlindəki bayt sırası işarəsi (U+FEFF) nəzərə alınmadı və yenidən yazılan fayldan çıxarılır
sync-cleared = { $file }:{ $line }: `{ $segment }` tərcüməsi silindi; köhnəsi `tercuman tm log { $segment }` içindədir
sync-obsolete-edit = { $file }:{ $line }: `{ $segment }` köhnəlib (ingiliscə mətni mənbədən çıxıb), ona görə yalnız oxunur: düzəlişiniz tətbiq olunmadı, `tercuman tm log { $segment }` içində saxlanıldı
sync-po-verdict = { $file }:{ $line }: `{ $segment }` { $verdict } (fayldakı yoxlayıcı işarəsi)
sync-marker-no-reviewer = { $file }:{ $line }: `{ $segment }` üzərində yoxlama işarəsi var, amma faylın Last-Translator sahəsi heç kimi adlandırmır: onu təyin edin (Poedit: Ayarlar, Kimlik) və ya `tercuman review` istifadə edin; işarə yerində qalır
sync-marker-nothing = { $file }:{ $line }: `{ $segment }` üzərində yoxlama işarəsi var, amma yoxlanılacaq tərcüməsi yoxdur; işarə yerində qalır
sync-marker-conflict = { $file }:{ $line }: `{ $segment }` üzərində yoxlama işarəsi var, amma redaktəsi yaddaşla toqquşur; əvvəlcə toqquşmanı həll edin, işarə yerində qalır
sync-marker-no-reason = { $file }:{ $line }: `{ $segment }` üzərindəki `# rejected` səbəb tələb edir (`# rejected: səbəb`); işarə yerində qalır
sync-marker-fuzzy = { $file }:{ $line }: `{ $segment }` üzərində `# reviewed` var, amma girdi qeyri-dəqiqdir: yalnız tərcümə olunmuş girdi təsdiqlənə bilər; işarə yerində qalır
sync-kept = { $file } sinxronlaşdırma gedərkən saxlanıldı: saxlandığı kimi qaldı, yenidən yazılmadı
sync-kept-hint = onu idxal etmək üçün `tercuman sync` əmrini yenidən işlədin
sync-orphan = { $file } heç bir fəslə aid deyil: ondan { $imported } tərcümə götürüldü, { $unmatched } qeyd heç bir seqmentə uyğun gəlmir
sync-orphan-hint = tercuman belə faylları oxuyur, amma heç vaxt yenidən yazmır; işləri fəsil fayllarına keçəndən sonra onları silin
progress-sync = yaddaş və seqment faylları sinxronlaşdırılır…
progress-build = nəşrlər qurulur…
progress-import = idxal edilir…

## serve
serve-serving = { $url } təqdim olunur (dayandırmaq üçün Ctrl-C)
serve-rebuilt = { $ms } ms ərzində yenidən quruldu
serve-chapters-first = dəyişən fəsillər { $ms } ms sonra yenidən təqdim olunur
serve-stopped = dayandırıldı
serve-wide = { $address } üzərində təqdim olunur: bu maşına həmin ünvandan çata bilən hər kəs kitabı və dərc olunmamış tərcümələrini oxuya bilər
serve-no-browser = brauzer açmaq mümkün deyil; { $url } ünvanını özünüz açın
serve-running = `tercuman serve` bu kitabı artıq təqdim edir{ $at }
serve-running-hint = ondan istifadə edin və ya əvvəlcə onu dayandırın (Ctrl-C)
serve-cannot-listen = { $address } dinlənilə bilmir
serve-cannot-listen-hint = portu başqa proqram istifadə edə bilər; `--port N` ilə başqasını seçin (0: istənilən boş port)
serve-cannot-watch = `{ $path }` izlənilə bilmir
serve-cannot-catch-interrupt = Ctrl-C tutula bilmir; serve təmiz dayana bilməzdi
init-mdbook-source = mdBook { $lang } dilində yazılıb: bu, kitabın mənbə dilidir, tərcümə dillərindən biri deyil

## build
build-up-to-date = { $dir } içindəki nəşrlər aktualdır: qurulandan bəri heç nə dəyişməyib
build-built = { $locale } quruldu: { $outputs }
build-built-fallbacks = { $locale } quruldu: { $outputs } ({ $count } seqment mənbə dilində göstərilir)
build-failed-checks = { $count } { $locale } tərcüməsi yoxlamadan keçmədi və mənbə dilində göstərilir: { $segments }
build-failed-checks-hint = `tercuman check --locale { $locale }` işə salın və ya --allow-check-errors ilə qurun
build-unreviewed = heç bir yoxlayıcının təsdiqləmədiyi { $count } { $locale } tərcüməsi mənbə dilində, işarələnmiş göstərilir: book.toml yalnız yoxlanılmışları dərc edir (`publish = "reviewed"`)
build-script-removed = { $file }:{ $line }: buradakı xam HTML skript işlədir (`<script>`, `on…=` atributu və ya `javascript:` ünvanı); nəşrlər onu daxil etmir
build-script-removed-hint = EPUB oxuyucuları skript işlətmir, HTML nəşri də işlətmir; HTML-in qalanı yazıldığı kimi dərc olunur
build-remote-image = { $file }:{ $line }: `{ $url }` şəkli internetdədir; EPUB öz şəkillərini daşımalıdır, ona görə EPUB onun yerinə ona keçid verir (HTML saytı onu göstərir)
build-remote-image-hint = şəkli source/ altında saxlayın (məs. source/images/) və fəsli o fayla yönəldin
build-status-page = status səhifəsi: { $path }

## check
check-summary = { $errors } xəta, { $warnings } xəbərdarlıq

## tm, export, import
tm-search-none = { $min }% və ya daha yüksək bal alan seqment yoxdur
progress-concordance = yaddaşda axtarılır
concordance-none = heç bir seqmentdə “{ $text }” yoxdur
concordance-more = { $total } seqmentdən { $shown } göstərildi; daha çoxu üçün --limit
concordance-retired = (mənbədən çıxıb)
tm-no-longer-in-source = , artıq mənbədə yoxdur
wrote-file = { $path } yazıldı
tmx-import-report = idxal: { $filled } seqment tərcümə olundu, { $history } fərqli tərcümə tarixçədə saxlanıldı, { $stored } vahid uyğunlaşdırma üçün saxlanıldı, { $skipped } vahid buraxıldı
tmx-import-hint = seqment fayllarını yeniləmək üçün `tercuman sync` işə salın
xliff-import-report = idxal: { $locale }: { $updated } tərcümə yeniləndi, { $unchanged } dəyişmədi, { $conflicts } münaqişə, { $stale } köhnə ingilis mətni üçün, { $empty } hədəfsiz
xliff-import-conflict = { $file }:{ $line }: `{ $segment }` bu fayl ixrac ediləndən sonra yaddaşda dəyişib
xliff-import-conflict-hint = yaddaşın versiyası saxlanıldı; faylınkı `tercuman tm log { $segment }` içindədir
paragraph-import-report = idxal: { $file } ({ $origin }) → { $locale }: { $translated } tərcümə edildi, { $fuzzy } rəyçinin yoxlaması üçün qeyri-müəyyən, { $untranslated } tərcüməsiz qaldı, { $kept } artıq tərcümə olunmuşdu və saxlanıldı
paragraph-import-unmatched = kitabın { $count } paraqrafı kataloqda qarşılıq tapmadı, birincisi { $first }
paragraph-import-unused = { $count } tərcümə olunmuş giriş kitabın heç bir paraqrafına uyğun gəlmədi
error-import-po-locale = { $file } başlığında dilini göstərmir; hansı dil olduğunu --locale ilə deyin
omegat-custom-tags = OmegaT Markdown işarələrini { $config } qovluğundakı xüsusi teqlərlə qoruyur: OmegaT-ni `--config-dir={ $config }` ilə başladın, ya da { $file } faylındakı sətri { $menu } sahəsinə yapışdırın
error-omegat-no-target = { $dir } qovluğunda tərcümə olunmuş fayl yoxdur; əvvəlcə OmegaT-də "{ $menu }" əmrini işə salın
xliff-import-reviewed =   faylın təsdiqlənmiş kimi işarələdiyi { $count } tərcümə indi yoxlanılmışdır (--by ilə verilən adla və ya git-in user.name dəyəri ilə)
tm-rebuild-moved = köhnə yaddaş { $path } yerinə köçürüldü

## init
init-created = { $dir } içində kitab yaradıldı: source/book.toml, source/{ $chapter } və { $locales } üçün Fluent faylları
init-next = sonra: source/ içində yazın, locales/<dil>/*.po içində tərcümə edin, sonra `tercuman --project { $dir } build` işə salın
git-setup-nothing = bu klon artıq birləşdirmələr üçün qurulub
git-setup-changed = quruldu: { $what }
git-setup-commit-hint = `.gitattributes` faylını commit edin ki, hər klon jurnalı eyni cür birləşdirsin
git-not-set-up = bu klon birləşdirmələr üçün qurulmayıb ({ $missing }): iki klonda redaktə edilmiş PO faylları birləşdirməni münaqişə işarələri ilə dayandıracaq
git-not-set-up-hint = bu klonda bir dəfə `tercuman git-setup` işlədin
git-merge-po-by-lines = { $file }: hər abzasda bir giriş deyil, ona görə sətir-sətir birləşdirildi

review-no-reviewer = yoxlayanı `--by AD` ilə göstərin (və ya bu kitabda git-in `user.name` ayarını edin)
review-approved = yoxlama: { $count } { $locale } tərcüməsi { $by } tərəfindən təsdiqləndi
review-rejected = yoxlama: { $count } { $locale } tərcüməsi { $by } tərəfindən rədd edildi, qeydlə birlikdə indi qeyri-dəqiqdir
review-unchanged =   { $count } tərcümə eyni mətn üçün bu qərarı artıq almışdı
review-skipped-fuzzy =   { $count } qeyri-dəqiq tərcüməyə toxunulmadı: əvvəlcə tərcüməçi təsdiqləməlidir
review-skipped-untranslated =   { $count } tərcümə olunmamış girişə toxunulmadı
review-files-written =   { $count } PO faylı qərarlarla yenidən yazıldı

## glossary
glossary-exported = { $count } lüğət girdisi TBX-Basic kimi { $path } faylına yazıldı
glossary-imported = lüğət: { $path } faylına { $added } girdi əlavə olundu, artıq olan { $known } girdiyə toxunulmadı, mənbə dilində və ya kitabın bir dilində termini olmayan { $skipped } girdi buraxıldı
glossary-import-missing-columns = { $count } tərcümə lüğətin başlığında sütunu olmayan dillərdədir və əlavə olunmadı; sütunu başlığa əlavə edib yenidən idxal edin

## status table
status-locale = dil
status-done = hazır
status-translated = tərcümə seq/söz
status-reviewed = təsdiqli seq/söz
status-fuzzy = qeyri-dəqiq seq/söz
status-untranslated = tərcüməsiz seq/söz
status-total = cəmi: hər dil üçün { $segments } seqment, { $words } mənbə sözü

## Numbers and the memory's history (`tm log`, `tm search`, `tm concordance`)
percent = { $value }%
revision-status = { $status ->
    [translated] tərcümə olunub
    [fuzzy] qeyri-dəqiq
   *[untranslated] tərcüməsiz
}
log-empty = (boş)
log-matched = ({ $from } seqmentindən, { $score }%)
log-from = ({ $from } seqmentindən)
band-context = kontekst

## `--help`
help-examples = Nümunələr:
help-example-init = yeni kitab başlatmaq
help-example-sync = source/ və ya PO faylı dəyişdikdən sonra
help-example-status = hər dilin nə qədər hazır olduğu
help-example-build = hər dil üçün EPUB 3 və HTML
help-languages = Mesajlar LC_ALL, LC_MESSAGES və ya LANG dəyişəninə uyur (ingilis, azərbaycan, fars, türk dilləri).

## `check`: what a finding says (English comes from the library)
check-identical = tərcümə ingilis mənbəsi ilə eynidir
check-length = tərcümə mənbədən { $ratio } dəfə uzundur (gözlənilən: { $low }–{ $high })
check-blank = tərcümə yalnız boşluqdan ibarətdir
check-block = tərcümə ingilis mətnində olmayan { $kind ->
        [heading] başlıq
        [list-item] siyahı bəndi
        [code-block] kod bloku
        [table] cədvəl
        [block-quote] sitat bloku
        [html-block] HTML bloku
        [footnote-definition] haşiyə tərifi
       *[thematic-break] üfüqi xətt
    } ilə başlayır (`#`, `-`, `1.`, `|`, `>`, kod hasarı, `---` və ya HTML teqi ilə başlayan sətir blok açır; qabağına bir simvol əlavə edin və ya sətirləri birləşdirin)
check-bidi-open = { $count } istiqamət daxiletməsi, üstələməsi və ya təcridi (U+202A–U+202E, U+2066–U+2068) açıq qalıb: ondan sonrakı mətni tərsinə çevirər; U+202C (PDF) və ya U+2069 (PDI) ilə bağlayın
check-bidi-unmatched = bağlayacağı heç nə olmayan { $count } istiqamət bağlama işarəsi (U+202C PDF və ya U+2069 PDI)
check-long-run = { $length } simvolluq fasiləsiz sıra (`{ $start }…`); boşluqlarla bölün
check-script = `{ $locale }` tərcüməsində { $script ->
        [arabic] ərəb əlifbası
       *[cyrillic] kiril əlifbası
    } hərfləri (`{ $letters }`)
check-script-not-persian = fars tərcüməsində ərəb əlifbasından heç bir hərf yoxdur: hələ ingiliscədir, yoxsa başqa dildədir?
check-markup = { $kind ->
        [emphasis] vurğu
        [strong] qalın yazı
        [strikethrough] üstüxətli yazı
        [inline-code] sətirdaxili kod
        [footnote-reference] haşiyə istinadı
        [inline-html] sətirdaxili HTML
        [link] keçid
       *[image] şəkil
    }: mənbədə { $source }, tərcümədə { $translation }
check-targets = hədəflər fərqlidir: mənbədə { $source }, tərcümədə { $translation }
check-numbers = rəqəmlər fərqlidir: mənbədə [{ $source }], tərcümədə [{ $translation }]
check-whitespace-edges = əvvəldəki və ya sondakı boşluq mənbədəkindən fərqlidir
check-doubled-space = ikiqat boşluq
check-end-punctuation = mənbə { $source ->
        [full-stop] nöqtə ilə
        [question-mark] sual işarəsi ilə
        [exclamation-mark] nida işarəsi ilə
        [colon] iki nöqtə ilə
        [semicolon] nöqtəli vergül ilə
        [comma] vergül ilə
        [ellipsis] üç nöqtə ilə
       *[none] durğu işarəsi olmadan
    }, tərcümə isə { $translation ->
        [full-stop] nöqtə ilə
        [question-mark] sual işarəsi ilə
        [exclamation-mark] nida işarəsi ilə
        [colon] iki nöqtə ilə
        [semicolon] nöqtəli vergül ilə
        [comma] vergül ilə
        [ellipsis] üç nöqtə ilə
       *[none] durğu işarəsi olmadan
    } bitir
check-brackets = tərcümədə tarazlaşmamış { $pair }
check-term = “{ $term }” ingilis mətnində var, amma lüğətdəki tərcüməsi { $translations } tərcümədə yoxdur ({ $at })
check-do-not-translate = “{ $term }” ingilis mətnindəki kimi qalmalıdır ({ $at })
check-forbidden-term = lüğət “{ $term }” üçün { $translations } işlətməyi qadağan edir ({ $at })
check-inconsistent-translation = eyni ingilis mətni fərqli tərcümə olunub: { $at }
check-inconsistent-source = eyni tərcümə başqa ingilis mətninin qarşılığıdır: { $at }
