## tercuman kitaplığının hata iletileri (`tercuman::error::Message`).

plain = { $text }
catalog-this-catalog-has-msgctxt = bu katalogda msgctxt var: mdbook-xgettext ya da po4a'nın yaptığı bir katalog değil, bir tercuman PO dosyası
catalog-this-catalog-has-msgctxt-hint = bölümün locales/<lang>/ içindeki dosyasının üzerine kopyalayın ve `tercuman sync` çalıştırın
config-chapter-ascii = `{ $name }` dosya adı ASCII olmalı (harf, rakam, `-`, `_`)
config-chapter-path = `{ $name }`, `source/` içinde göreli bir `.md` yolu olmalı
config-chapter-same-page = `{ $name }` ve `{ $other }` ikisi de `{ $page }` olarak yayımlanırdı
config-chapter-same-page-hint = birinin adını değiştirin
config-chapter-twice = `{ $name }` iki kez listelenmiş
config-font-license = `{ $file }`, `source/` içinde göreli bir yol olmalı
config-font-no-files = `files` hiçbir yazı tipi dosyası adlandırmıyor
config-font-path = `{ $file }`, `source/` içinde göreli bir `.ttf` ya da `.otf` yolu olmalı
config-fuzzy-threshold = { $value } değeri 50 ile 100 arasında olmalı
config-locale-twice = `{ $code }` iki kez listelenmiş ya da kaynak dil
config-locale-unknown = `{ $code }` kitabın yerel ayarlarından biri değil
config-no-chapters = kitabın hiç bölümü yok
config-not-a-percentage = { $value } bir yüzde değil (0 ile 100 arası)
edition-out-is-a-file = `{ $path }` bir dosya, ama baskıların orada bir klasöre ihtiyacı var
edition-out-is-a-file-hint = dosyayı başka yere taşıyın ya da `--out DIR` ile başka bir yerde derleyin
edition-refuses-untranslated = { $lang } baskısında yayımlanmış çevirisi olmayan { $count } bölüt var ve book.toml onun için `untranslated = "refuse"` diyor
edition-refuses-untranslated-hint = `tercuman status --by-chapter` ve `tercuman check --locale { $lang }` çalıştırın
epub-build = `{ $path }` oluşturulurken: { $reason }
fluent-syntax = Fluent söz dizimi hatası: { $reason }
font-cannot-join = `{ $file }` Arap alfabesindeki harfleri birleştiremiyor (`arab` yazısı için `init`, `medi` ve `fina` ikameleri yok): bu yazı için yapılmış bir yazı tipi seçin
font-cannot-read = `source/{ $file }` okunamıyor: { $reason }
font-license-empty = `{ $file }` boş
font-license-not-utf8 = `{ $file }` UTF-8 metin değil
font-missing-letters = `{ $file }` dosyasında { $lang } alfabesinin { $count ->
    [one] bir harfi
   *[other] bazı harfleri
    } için glif yok: { $letters }
font-no-family = `{ $file }` bir yazı tipi ailesi adlandırmıyor
font-not-a-font = `{ $file }` bir TrueType ya da OpenType yazı tipi değil ({ $reason })
font-other-family = `{ $file }` `{ $first }` değil `{ $family }` ailesinden: tek bir ailenin dosyalarını listeleyin
font-same-name = iki dosya da `fonts/{ $name }` olarak yayımlanırdı: birinin adını değiştirin
font-same-weight = `{ $file }` ve `{ $other }` ikisi de { $weight } kalınlığında{ $italic ->
    [yes] {" "}ve italik
   *[no] {""}
    }: her kalınlık ve stil için bir dosya listeleyin
git-config-failed = `git config { $key }` { $path } içinde başarısız oldu
git-not-a-work-tree = { $path } bir git çalışma ağacında değil
git-not-a-work-tree-hint = önce `git init` çalıştırın ya da kitabı git ile klonlayın
glossary-column-twice = `{ $name }` sütunu iki kez adlandırılmış
glossary-no-kind-column = eklenecek girdilerden { $count } tanesi yasak ya da çevrilmeyecek, ama başlıkta bunu söyleyecek bir `kind` sütunu yok
glossary-no-kind-column-hint = başlığa bir `kind` sütunu ekleyin
glossary-no-source-column = başlıkta `{ $source }` sütunu (kaynak dil) yok: başlık sütunları adlandırır, örneğin `{ $example }`
glossary-not-utf8 = sözlük UTF-8 değil
glossary-term-without-source = kaynak dildeki biçimi olmayan bir terim
glossary-too-many-cells = { $cells } hücre var, ama başlık { $columns } sütun adlandırıyor
glossary-unknown-column = `{ $name }` sütunu ne kaynak dil (`{ $source }`), ne kitabın bir yerel ayarı ({ $locales }), ne `kind` ne de `note`
glossary-unknown-kind = `{ $kind }` türü: `preferred`, `forbidden` ya da `do-not-translate` kullanın
image-kind = `{ $url }` görseli: EPUB okuyucuları PNG, JPEG, GIF, SVG ve WebP görselleri gösterir, bu türü göstermez
image-not-found = `{ $url }` görseli bulunamadı ({ $path } arandı)
image-outside-source = `{ $url }` görseli source/ dışında
image-outside-source-hint = kitabın görsellerini source/ altında tutun (örneğin source/images/)
index-rows-failed = dizinin satırları çıkarılamadı
init-book-exists = `{ $path }` zaten var; bir kitabın üzerine yazılmıyor
journal-escape = hatalı kaçış dizisi `{ $escape }`
journal-fields = { $expected } sekmeyle ayrılmış alan bekleniyordu, { $found } bulundu
journal-hash = satır kimliğiyle ({ $hash }) uyuşmuyor (elle mi düzenlendi?)
journal-line-number = hatalı satır numarası `{ $number }`
journal-misplaced = `{ $id }` bölütü `{ $chapter }` bölümünün değil, `{ $right }` bölümünün dosyasına ait
journal-previous = önceki İngilizce `=` ile başlamalı
journal-restore-hint = günlük dosyalarını tercuman yazar; bunu sürüm denetiminden geri yükleyin (`git checkout -- { $journal }`)
journal-revision-of-no-segment = tm/revisions/{ $locale }/{ $chapter }.tsv: tm/source/ içinde hiçbir satırın adlandırmadığı `{ $id }` bölütünün bir revizyonu
journal-revision-of-no-segment-hint = bölütün satırını git'ten geri yükleyin (`git log -p tm/source/`) ya da revizyonun satırını silin
journal-role = bilinmeyen rol `{ $role }` (c ya da h bekleniyordu)
journal-score = hatalı puan `{ $score }`
journal-status = bilinmeyen durum `{ $status }`
locale-invalid = `{ $code }` geçerli bir dil etiketi değil
locale-not-canonical = `{ $code }` kurallı biçimde değil; `{ $canonical }` yazın
lock-waiting = bu kitap üzerinde çalışan başka bir tercuman'ın bitirmesi bekleniyor…
mdbook-draft = taslak bölüm `{ $title }` için dosya yok: atlandı
mdbook-hidden-lines = Rust kod bloklarının gizli satırları (`# `) tercuman baskılarında gösterilir
mdbook-nested = iç içe bölümler (`{ $title }` ile başlayarak) aynı sırayla kendi başlarına bölüm olur
mdbook-outside = `{ $path }` bölümü kitabın klasörü dışında: atlandı
mdbook-part-title = `{ $title }` kısım başlığı korunmuyor: tercuman kitaplarında kısım yoktur; bölümleri sırayla gelir
mdbook-preprocessor-link = mdBook'un `{ $link }` bağlantısı desteklenmiyor: baskılar onu yazıldığı gibi gösterir
mdbook-renamed = `source/{ $name }` olarak kopyalandı: sayfasının ASCII harfleri, rakamlar, `-` ve `_` ile kendine ait bir adı olmalı; ona giden bağlantılara yeni ad gerekir
mdbook-separator = ayırıcı korunmadı
memory-busy-hint = başka bir program (başka bir tercuman, bir veritabanı tarayıcısı) 30 saniye sonra hâlâ onu tutuyor; onu kapatıp yeniden çalıştırın
memory-cannot-open-hint = `tm/` klasörünün var olduğunu ve tercuman'ın oraya yazabildiğini denetleyin
memory-corrupt-hint = dosya bozuk ya da bir tercuman belleği değil; onu günlükten (`tm/revisions/`, `tm/source/`) ve PO dosyalarından yeniden kurmak için `tercuman tm rebuild` çalıştırın, hiçbir şey kaybolmaz
memory-disk-full-hint = disk dolu; biraz yer açıp yeniden çalıştırın; hiçbir şey değişmedi
memory-not-ours = bir tercuman belleği değil (tabloları var ama şema sürümü yok)
memory-read-only-hint = tercuman ona yazamıyor; dosyanın ve `tm/` klasörünün izinlerini (ve diskin salt okunur bağlanmadığını) denetleyin; hiçbir şey değişmedi
memory-schema-newer = şema sürümü { $version }, bu tercuman'ın anladığından ({ $latest }) daha yeni
memory-schema-newer-hint = tercuman'ı güncelleyin
memory-waiting = çeviri belleğini (tm/memory.sqlite) açık tutan başka bir programın onu bırakması bekleniyor…
po-charset = başlık `charset={ $charset }` bildiriyor; tercuman PO dosyalarını UTF-8 olarak okur
po-charset-hint = gettext'in `msgconv --to-code=UTF-8 { $path } -o { $path }` komutuyla dönüştürün
po-duplicate-entry = msgctxt { $msgctxt } ve msgid { $msgid } için yinelenen girdi
po-entry-has-msgid-but = girdide msgid var ama msgstr yok
po-expected-quoted-string = tırnak içinde bir dize bekleniyordu
po-file-larger-than-256 = dosya 256 MiB'tan büyük; okunmuyor
po-header-entry-msgid = başlık girdisi (msgid "") yok
po-invalid-escape = geçersiz kaçış dizisi `{ $escape }`
po-msgctxt-after-msgid = msgid'den sonra msgctxt
po-msgstr-without-msgid-before = öncesinde msgid olmayan bir msgstr
po-other-language = başlık `Language: { $declared }` diyor, ama dosya `locales/{ $locale }/` içinde
po-other-language-hint = onu `locales/{ $primary }/` içine taşıyın ya da gerçekten `{ $locale }` ise `Language:` satırını düzeltin
po-plural-entries-msgid-plural = çoğul girdiler (msgid_plural) bölüt dosyalarında kullanılmaz
po-plural-entries-msgstr-n = çoğul girdiler (msgstr[N]) bölüt dosyalarında kullanılmaz
po-second-header-entry-empty = ikinci bir başlık girdisi (boş msgid)
po-string-continuation-with-keyword = öncesinde anahtar sözcük olmayan bir dize devamı
po-text-after-quote = kapanış tırnağından sonra metin: `{ $text }`
po-two-msgid-lines-one = bir girdide iki msgid satırı
po-two-msgstr-lines-one = bir girdide iki msgstr satırı
po-unexpected = beklenmeyen `{ $text }`
po-unexpected-bom = beklenmeyen `{ $text }` (U+FEFF bir bayt sırası işaretidir, burada dosyanın ortasında; belki iki dosya birleştirildi)
po-unexpected-bom-hint = o görünmez karakteri silin ya da dosyayı BOM'suz UTF-8 olarak yeniden kaydedin
po-unexpected-invisible = beklenmeyen `{ $text }`
po-unexpected-invisible-hint = <U+…> olarak gösterilen görünmez karakteri silin
po-unterminated-string = kapanmamış dize
po-utf16 = dosya UTF-16; tercuman PO dosyalarını UTF-8 olarak okur
po-utf16-hint = `iconv -f UTF-16 -t UTF-8 { $path } > { $path }.utf8` ile dönüştürüp onun üzerine taşıyın ya da düzenleyicinizde UTF-8 olarak kaydedin
review-no-chapter = kitabın `{ $chapter }` adlı bölümü yok
review-no-chapter-hint = bölümler `.md` olmadan dosya adlarıyla anılır, `tercuman status --by-chapter` çıktısındaki gibi
review-no-segment = kitabın `{ $id }` adlı bölütü yok
review-no-segment-hint = bölüt kimlikleri PO girdilerinin `msgctxt` değerleridir; prova sayfaları da onları gösterir
sync-entry-has-msgctxt-so = girdinin msgctxt'i yok, bu yüzden hiçbir bölüte ait değil
sync-msgid-edited = `{ $id }` bölütünün msgid'i İngilizce kaynağından farklı; yalnızca msgstr'yi düzenleyin
sync-stopped-before-commit = eşitleme, kaydetmeden önce durdu
sync-symlink-out = `{ $path }` projenin dışını gösteriyor; okunmuyor
sync-unknown-segment = bilinmeyen bölüt kimliği `{ $id }` (msgctxt)
sync-unpublishable-character = { $character }, XML'in izin vermediği { $control ->
    [yes] bir denetim karakteri
   *[no] bir karakter olmayan kod noktası
    }: EPUB, XLIFF ve TMX onu taşıyamaz
sync-unpublishable-character-hint = onu silin (çoğu düzenleyicide görünmez)
tbx-not-tbx-document-martif = bir TBX belgesi değil (<martif> ya da <tbx> ögesi yok)
tmx-not-tmx-document-tmx = bir TMX belgesi değil (<tmx> ögesi yok)
tmx-seg-outside-tuv = <tuv> dışında bir <seg>
tmx-tuv-without-lang = xml:lang olmayan bir <tuv>
xliff-approvals-without-reviewer = { $count } onaylı hedef var ve onları kaydedecek bir gözden geçiren bilinmiyor
xliff-approvals-without-reviewer-hint = gözden geçireni `--by NAME` ile adlandırın (ya da git'in `user.name` ayarını yapın)
xliff-bad-cp = hatalı <cp hex="{ $hex }">
xliff-code-not-in-source = `{ $id }` satır içi kodu kaynakta yok
xliff-code-without-id = kimliği olmayan bir satır içi kod
xliff-not-xliff-document-xliff = bir XLIFF belgesi değil (<xliff> ögesi yok)
xliff-source-language = `{ $found }` kaynak dili kitabınki (`{ $book }`) değil
xliff-target-language = `{ $found }` hedef dili kitabın yerel ayarlarından biri değil
xliff-unit-without-id = kimliği olmayan bir birim
xliff-unknown-segment = bilinmeyen bölüt kimliği `{ $id }` (bu kitabın belleğinde yok)
xliff-version = XLIFF sürümü `{ $version }` desteklenmiyor (1.1, 1.2 ve 2.x destekleniyor)
xml-bad-attribute = hatalı öznitelik: { $reason }
xml-bad-attribute-value = hatalı öznitelik değeri: { $reason }
xml-bad-text = hatalı metin: { $reason }
xml-doctype-with-declarations-entities = bildirimler (varlıklar) içeren bir DOCTYPE kabul edilmez
xml-file-larger-than-512 = dosya 512 MiB'tan büyük
xml-forbidden-character = { $character }, XML'in izin vermediği { $control ->
    [yes] bir denetim karakteri
   *[no] bir karakter olmayan kod noktası
    }
xml-forbidden-reference = XML'in izin vermediği { $control ->
    [yes] bir denetim karakterine
   *[no] bir karakter olmayan kod noktasına
    }, { $character } karakterine bir karakter başvurusu
xml-not-well-formed = iyi biçimli XML değil: { $reason }
