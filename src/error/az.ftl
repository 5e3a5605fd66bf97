## tercuman kitabxanasının xəta mesajları (`tercuman::error::Message`).

plain = { $text }
catalog-this-catalog-has-msgctxt = bu kataloqda msgctxt var: bu, mdbook-xgettext və ya po4a-nın yaratdığı kataloq deyil, tercuman PO faylıdır
catalog-this-catalog-has-msgctxt-hint = onu fəslin locales/<lang>/ qovluğundakı faylının üzərinə köçürün və `tercuman sync` işə salın
config-chapter-ascii = `{ $name }` faylının adı ASCII olmalıdır (hərflər, rəqəmlər, `-`, `_`)
config-chapter-path = `{ $name }` `source/` daxilində nisbi `.md` yolu olmalıdır
config-chapter-same-page = `{ $name }` və `{ $other }` hər ikisi `{ $page }` kimi dərc olunardı
config-chapter-same-page-hint = onlardan birinin adını dəyişin
config-chapter-twice = `{ $name }` iki dəfə sadalanıb
config-font-license = `{ $file }` `source/` daxilində nisbi yol olmalıdır
config-font-no-files = `files` heç bir şrift faylı göstərmir
config-font-path = `{ $file }` `source/` daxilində nisbi `.ttf` və ya `.otf` yolu olmalıdır
config-fuzzy-threshold = { $value } 50 ilə 100 arasında olmalıdır
config-locale-twice = `{ $code }` iki dəfə sadalanıb və ya mənbə dilidir
config-locale-unknown = `{ $code }` kitabın dillərindən biri deyil
config-no-chapters = kitabın heç bir fəsli yoxdur
config-not-a-percentage = { $value } faiz deyil (0-dan 100-ə qədər)
edition-out-is-a-file = `{ $path }` fayldır, amma nəşrlərə orada qovluq lazımdır
edition-out-is-a-file-hint = faylı başqa yerə köçürün və ya `--out DIR` ilə başqa yerdə qurun
edition-refuses-untranslated = { $lang } nəşrində dərc olunmuş tərcüməsi olmayan { $count } seqment var və book.toml onun üçün `untranslated = "refuse"` təyin edir
edition-refuses-untranslated-hint = `tercuman status --by-chapter` və `tercuman check --locale { $lang }` işə salın
epub-build = `{ $path }` qurularkən: { $reason }
fluent-syntax = Fluent sintaksis xətası: { $reason }
font-cannot-join = `{ $file }` ərəb əlifbasının hərflərini birləşdirə bilmir (`arab` yazısı üçün `init`, `medi` və `fina` əvəzləmələri yoxdur): bu yazı üçün hazırlanmış şrift seçin
font-cannot-read = `source/{ $file }` oxunmur: { $reason }
font-license-empty = `{ $file }` boşdur
font-license-not-utf8 = `{ $file }` UTF-8 mətni deyil
font-missing-letters = `{ $file }` faylında { $lang } əlifbasının { $count ->
    [one] bir hərfi
   *[other] bəzi hərfləri
    } üçün qlif yoxdur: { $letters }
font-no-family = `{ $file }` heç bir şrift ailəsi göstərmir
font-not-a-font = `{ $file }` TrueType və ya OpenType şrifti deyil ({ $reason })
font-other-family = `{ $file }` `{ $first }` deyil, `{ $family }` ailəsindəndir: bir ailənin fayllarını sadalayın
font-same-name = iki fayl `fonts/{ $name }` kimi dərc olunardı: birinin adını dəyişin
font-same-weight = `{ $file }` və `{ $other }` hər ikisi { $weight } qalınlığındadır{ $italic ->
    [yes] {" "}və kursivdir
   *[no] {""}
    }: hər qalınlıq və üslub üçün bir fayl sadalayın
git-config-failed = `git config { $key }` { $path } daxilində alınmadı
git-not-a-work-tree = { $path } git iş ağacında deyil
git-not-a-work-tree-hint = əvvəlcə `git init` işə salın və ya kitabı git ilə klonlayın
glossary-column-twice = `{ $name }` sütunu iki dəfə adlandırılıb
glossary-no-kind-column = əlavə olunacaq qeydlərdən { $count } qadağan və ya tərcümə olunmayandır, amma başlıqda bunu bildirən `kind` sütunu yoxdur
glossary-no-kind-column-hint = başlığa `kind` sütunu əlavə edin
glossary-no-source-column = başlıqda `{ $source }` sütunu (mənbə dili) yoxdur: başlıq sütunları adlandırır, məsələn `{ $example }`
glossary-not-utf8 = lüğət UTF-8 deyil
glossary-term-without-source = mənbə dilindəki forması olmayan termin
glossary-too-many-cells = { $cells } xana var, amma başlıq { $columns } sütun adlandırır
glossary-unknown-column = `{ $name }` sütunu nə mənbə dili (`{ $source }`), nə kitabın dili ({ $locales }), nə `kind`, nə də `note`-dur
glossary-unknown-kind = `{ $kind }` növü: `preferred`, `forbidden` və ya `do-not-translate` yazın
image-kind = `{ $url }` şəkli: EPUB oxuyucuları PNG, JPEG, GIF, SVG və WebP şəkillərini göstərir, bu növü yox
image-not-found = `{ $url }` şəkli tapılmadı ({ $path } axtarıldı)
image-outside-source = `{ $url }` şəkli source/ xaricindədir
image-outside-source-hint = kitabın şəkillərini source/ altında saxlayın (məsələn, source/images/)
index-rows-failed = indeksin sətirlərini çıxarmaq alınmadı
init-book-exists = `{ $path }` artıq mövcuddur; kitabın üzərinə yazılmır
journal-escape = səhv qaçış ardıcıllığı `{ $escape }`
journal-fields = { $expected } tabla ayrılmış sahə gözlənilirdi, { $found } tapıldı
journal-hash = sətir öz identifikatoruna ({ $hash }) uyğun gəlmir (əllə dəyişdirilib?)
journal-line-number = səhv sətir nömrəsi `{ $number }`
journal-misplaced = `{ $id }` seqmenti `{ $chapter }` fəslinin deyil, `{ $right }` fəslinin faylına aiddir
journal-previous = əvvəlki ingiliscə mətn `=` ilə başlamalıdır
journal-restore-hint = jurnal fayllarını tercuman yazır; bunu versiya nəzarətindən bərpa edin (`git checkout -- { $journal }`)
journal-revision-of-no-segment = tm/revisions/{ $locale }/{ $chapter }.tsv: tm/source/ daxilində heç bir sətrin adlandırmadığı `{ $id }` seqmentinin redaksiyası
journal-revision-of-no-segment-hint = seqmentin sətrini git-dən bərpa edin (`git log -p tm/source/`) və ya redaksiyanın sətrini silin
journal-role = naməlum rol `{ $role }` (c və ya h gözlənilirdi)
journal-score = səhv bal `{ $score }`
journal-status = naməlum vəziyyət `{ $status }`
locale-invalid = `{ $code }` düzgün dil teqi deyil
locale-not-canonical = `{ $code }` kanonik formada deyil; `{ $canonical }` yazın
lock-waiting = bu kitab üzərində işləyən başqa tercuman-ın bitirməsi gözlənilir…
mdbook-draft = `{ $title }` qaralama fəslinin faylı yoxdur: buraxıldı
mdbook-hidden-lines = Rust kod bloklarının gizli sətirləri (`# `) tercuman nəşrlərində göstərilir
mdbook-nested = iç-içə fəsillər (`{ $title }`-dan başlayaraq) eyni ardıcıllıqla ayrıca fəsil olur
mdbook-outside = `{ $path }` fəsli kitabın qovluğundan kənardadır: buraxıldı
mdbook-part-title = `{ $title }` hissə başlığı saxlanmır: tercuman kitablarında hissə yoxdur; onun fəsilləri ardıcıl gəlir
mdbook-preprocessor-link = mdBook-un `{ $link }` keçidi dəstəklənmir: nəşrlər onu yazıldığı kimi göstərir
mdbook-renamed = `source/{ $name }` kimi köçürüldü: onun səhifəsinə ASCII hərfləri, rəqəmlər, `-` və `_` ilə özünəməxsus ad lazımdır; ona gedən keçidlərə yeni ad lazımdır
mdbook-separator = ayırıcı saxlanmadı
memory-busy-hint = başqa proqram (başqa tercuman, verilənlər bazası brauzeri) 30 saniyədən sonra da onu tutur; onu bağlayıb yenidən işə salın
memory-cannot-open-hint = `tm/` qovluğunun mövcud olduğunu və tercuman-ın ora yaza bildiyini yoxlayın
memory-corrupt-hint = fayl zədələnib və ya tercuman yaddaşı deyil; onu jurnaldan (`tm/revisions/`, `tm/source/`) və PO fayllarından yenidən qurmaq üçün `tercuman tm rebuild` işə salın, heç nə itmir
memory-disk-full-hint = disk doludur; bir az yer boşaldıb yenidən işə salın; heç nə dəyişmədi
memory-not-ours = tercuman yaddaşı deyil (cədvəlləri var, amma sxem versiyası yoxdur)
memory-read-only-hint = tercuman ona yaza bilmir; faylın və `tm/` qovluğunun icazələrini (və diskin yalnız oxumaq üçün qoşulmadığını) yoxlayın; heç nə dəyişmədi
memory-schema-newer = sxem versiyası { $version } bu tercuman-ın başa düşdüyündən ({ $latest }) yenidir
memory-schema-newer-hint = tercuman-ı yeniləyin
memory-waiting = tərcümə yaddaşını (tm/memory.sqlite) açıq saxlayan başqa proqramın onu buraxması gözlənilir…
po-charset = başlıq `charset={ $charset }` bildirir; tercuman PO fayllarını UTF-8 kimi oxuyur
po-charset-hint = gettext-in `msgconv --to-code=UTF-8 { $path } -o { $path }` əmri ilə çevirin
po-duplicate-entry = msgctxt { $msgctxt } və msgid { $msgid } üçün təkrarlanan qeyd
po-entry-has-msgid-but = qeydin msgid-i var, amma msgstr-i yoxdur
po-expected-quoted-string = dırnaq içində sətir gözlənilirdi
po-file-larger-than-256 = fayl 256 MiB-dan böyükdür; oxunmur
po-header-entry-msgid = başlıq qeydi (msgid "") yoxdur
po-invalid-escape = yanlış qaçış ardıcıllığı `{ $escape }`
po-msgctxt-after-msgid = msgid-dən sonra msgctxt
po-msgstr-without-msgid-before = əvvəlində msgid olmayan msgstr
po-other-language = başlıq `Language: { $declared }` deyir, amma fayl `locales/{ $locale }/` daxilindədir
po-other-language-hint = onu `locales/{ $primary }/` qovluğuna köçürün və ya həqiqətən `{ $locale }`-dirsə `Language:` sətrini düzəldin
po-plural-entries-msgid-plural = cəm qeydləri (msgid_plural) seqment fayllarında istifadə olunmur
po-plural-entries-msgstr-n = cəm qeydləri (msgstr[N]) seqment fayllarında istifadə olunmur
po-second-header-entry-empty = ikinci başlıq qeydi (boş msgid)
po-string-continuation-with-keyword = əvvəlində açar söz olmayan sətir davamı
po-text-after-quote = bağlayan dırnaqdan sonra mətn: `{ $text }`
po-two-msgid-lines-one = bir qeyddə iki msgid sətri
po-two-msgstr-lines-one = bir qeyddə iki msgstr sətri
po-unexpected = gözlənilməz `{ $text }`
po-unexpected-bom = gözlənilməz `{ $text }` (U+FEFF bayt sırası işarəsidir, burada faylın ortasındadır; bəlkə iki fayl birləşdirilib)
po-unexpected-bom-hint = o görünməz simvolu silin və ya faylı BOM-suz UTF-8 kimi yenidən saxlayın
po-unexpected-invisible = gözlənilməz `{ $text }`
po-unexpected-invisible-hint = <U+…> kimi göstərilən görünməz simvolu silin
po-unterminated-string = bağlanmamış sətir
po-utf16 = fayl UTF-16-dır; tercuman PO fayllarını UTF-8 kimi oxuyur
po-utf16-hint = `iconv -f UTF-16 -t UTF-8 { $path } > { $path }.utf8` ilə çevirib onun üzərinə köçürün və ya redaktorunuzda UTF-8 kimi saxlayın
review-no-chapter = kitabda `{ $chapter }` fəsli yoxdur
review-no-chapter-hint = fəsillər `.md` olmadan fayl adları ilə adlanır, `tercuman status --by-chapter` çıxışında olduğu kimi
review-no-segment = kitabda `{ $id }` seqmenti yoxdur
review-no-segment-hint = seqment identifikatorları PO qeydlərinin `msgctxt` dəyərləridir; korrektura səhifələri də onları göstərir
sync-entry-has-msgctxt-so = qeydin msgctxt-i yoxdur, ona görə heç bir seqmentə aid deyil
sync-msgid-edited = `{ $id }` seqmentinin msgid-i ingiliscə mənbədən fərqlidir; yalnız msgstr-i dəyişin
sync-stopped-before-commit = sinxronlaşdırma yadda saxlamadan əvvəl dayandı
sync-symlink-out = `{ $path }` layihədən kənarı göstərir; oxunmur
sync-unknown-segment = naməlum seqment identifikatoru `{ $id }` (msgctxt)
sync-unpublishable-character = { $character }, XML-in icazə vermədiyi { $control ->
    [yes] idarəetmə simvolu
   *[no] qeyri-simvol kod nöqtəsi
    }: EPUB, XLIFF və TMX onu daşıya bilməz
sync-unpublishable-character-hint = onu silin (əksər redaktorlarda görünmür)
tbx-not-tbx-document-martif = TBX sənədi deyil (<martif> və ya <tbx> elementi yoxdur)
tmx-not-tmx-document-tmx = TMX sənədi deyil (<tmx> elementi yoxdur)
tmx-seg-outside-tuv = <tuv> xaricində <seg>
tmx-tuv-without-lang = xml:lang olmayan <tuv>
xliff-approvals-without-reviewer = { $count } təsdiqlənmiş hədəf var və onları qeyd etmək üçün redaktor məlum deyil
xliff-approvals-without-reviewer-hint = redaktoru `--by NAME` ilə göstərin (və ya git-in `user.name` ayarını təyin edin)
xliff-bad-cp = səhv <cp hex="{ $hex }">
xliff-code-not-in-source = `{ $id }` sətirdaxili kodu mənbədə yoxdur
xliff-code-without-id = identifikatoru olmayan sətirdaxili kod
xliff-not-xliff-document-xliff = XLIFF sənədi deyil (<xliff> elementi yoxdur)
xliff-source-language = `{ $found }` mənbə dili kitabınkı (`{ $book }`) deyil
xliff-target-language = `{ $found }` hədəf dili kitabın dillərindən biri deyil
xliff-unit-without-id = identifikatoru olmayan vahid
xliff-unknown-segment = naməlum seqment identifikatoru `{ $id }` (bu kitabın yaddaşında yoxdur)
xliff-version = XLIFF versiyası `{ $version }` dəstəklənmir (1.1, 1.2 və 2.x dəstəklənir)
xml-bad-attribute = səhv atribut: { $reason }
xml-bad-attribute-value = səhv atribut dəyəri: { $reason }
xml-bad-text = səhv mətn: { $reason }
xml-doctype-with-declarations-entities = elanları (obyektləri) olan DOCTYPE qəbul edilmir
xml-file-larger-than-512 = fayl 512 MiB-dan böyükdür
xml-forbidden-character = { $character }, XML-in icazə vermədiyi { $control ->
    [yes] idarəetmə simvolu
   *[no] qeyri-simvol kod nöqtəsi
    }
xml-forbidden-reference = XML-in icazə vermədiyi { $character } { $control ->
    [yes] idarəetmə simvoluna
   *[no] qeyri-simvol kod nöqtəsinə
    } simvol istinadı
xml-not-well-formed = düzgün qurulmuş XML deyil: { $reason }
