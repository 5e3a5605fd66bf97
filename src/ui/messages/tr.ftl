# tercuman'ın kendi iletileri, Türkçe.

severity-error = hata
severity-warning = uyarı
severity-hint = ipucu
caused-by = nedeni

## Kütüphanenin hatalarını saran hatalar
error-load-book = `{ $dir }` içindeki kitap yüklenemedi
error-io = `{ $path }` dosyasına erişilemedi: { $reason }
error-utf8 = { $path }: geçerli UTF-8 değil (ilk hatalı bayt { $line }. satırda)
error-memory = çeviri belleği `{ $path }`: { $message }
error-not-a-locale = `{ $code }` kitabın dillerinden biri değil
error-xliff-needs-locale = XLIFF tek bir dil taşır: `--locale` verin ({ $locales } dillerinden biri)
error-write = `{ $path }` yazılamadı
error-source-date-epoch = SOURCE_DATE_EPOCH bir saniye sayısı değil: `{ $value }`
error-init-not-empty = `{ $dir }` zaten bir kitap içeriyor (`source/book.toml`); başka bir dizin seçin
error-status-below-minimum = { $locale } dilinin %{ $percent } kadarı çevrildi; alt sınır %{ $min }
error-status-below-reviewed = { $locale } dilinin %{ $percent } kadarı gözden geçirildi; alt sınır %{ $min }
error-no-segment = bellekte `{ $segment }` diye bir bölüt yok (kimlikler PO girdilerinin msgctxt değeridir)

## sync
sync-report = sync: { $new } yeni ve { $retired } emekli bölüt, { $imported } çeviri alındı, { $exact } tam eşleşme kullanıldı, { $fuzzy } bulanık öneri, { $written } dosya yazıldı
sync-locale-imported =   { $locale }: { $count } çeviri alındı
sync-conflict = { $file }:{ $line }: `{ $segment }` dosya yazıldıktan sonra hem bu dosyada hem bellekte değişti
sync-conflict-hint = belleğin sürümü bulanık olarak korundu; sizinki `tercuman tm log { $segment }` içinde
sync-merge-conflict = { $file }:{ $line }: `{ $segment }` sonradan birleştirilen iki klonda farklı çevrildi: { $texts }
sync-merge-conflict-hint = en yeni metin bulanık olarak korundu; her iki tarafın metni `tercuman tm log { $segment }` içinde
sync-segmentation-changed = bölütleme değişti: { $old } → { $new }
sync-segmentation-changed-hint = böldüğü ya da birleştirdiği bölütler eski çeviriyi İngilizcesi aynıysa tam eşleşme olarak, değilse bölme ya da birleştirme önerisi olarak aldı (bulanık, eski İngilizcesiyle); onları `tercuman status --by-chapter` ile gözden geçirin
sync-bom = { $file }: başındaki bayt sırası işareti (U+FEFF) atlandı ve yeniden yazılan dosyadan çıkarılıyor
sync-cleared = { $file }:{ $line }: `{ $segment }` çevirisi silindi; eskisi `tercuman tm log { $segment }` içinde
sync-obsolete-edit = { $file }:{ $line }: `{ $segment }` eskimiş (İngilizcesi kaynaktan çıkmış), bu yüzden salt okunur: düzenlemeniz uygulanmadı, `tercuman tm log { $segment }` içinde saklandı
sync-po-verdict = { $file }:{ $line }: `{ $segment }` { $verdict } (dosyadaki gözden geçiren işareti)
sync-marker-no-reviewer = { $file }:{ $line }: `{ $segment }` üzerinde bir gözden geçirme işareti var, ama dosyanın Last-Translator alanı kimseyi adlandırmıyor: onu ayarlayın (Poedit: Ayarlar, Kimlik) ya da `tercuman review` kullanın; işaret yerinde kalır
sync-marker-nothing = { $file }:{ $line }: `{ $segment }` üzerinde bir gözden geçirme işareti var, ama gözden geçirilecek bir çevirisi yok; işaret yerinde kalır
sync-marker-conflict = { $file }:{ $line }: `{ $segment }` üzerinde bir gözden geçirme işareti var, ama düzenlemesi bellekle çakışıyor; önce çakışmayı çözün, işaret yerinde kalır
sync-marker-no-reason = { $file }:{ $line }: `{ $segment }` üzerindeki `# rejected` bir gerekçe ister (`# rejected: neden`); işaret yerinde kalır
sync-marker-fuzzy = { $file }:{ $line }: `{ $segment }` üzerinde `# reviewed` var, ama girdi belirsiz: yalnızca çevrilmiş bir girdi onaylanabilir; işaret yerinde kalır
sync-kept = { $file } eşitleme sürerken kaydedildi: kaydedildiği gibi bırakıldı, yeniden yazılmadı
sync-kept-hint = içe aktarmak için `tercuman sync` komutunu yeniden çalıştırın
sync-orphan = { $file } hiçbir bölüme ait değil: ondan { $imported } çeviri alındı, { $unmatched } girdi hiçbir bölütle eşleşmiyor
sync-orphan-hint = tercuman bu tür dosyaları okur ama asla yeniden yazmaz; içerikleri bölüm dosyalarına geçince onları silin
progress-sync = bellek ve bölüt dosyaları eşitleniyor…
progress-build = basımlar oluşturuluyor…
progress-import = içe aktarılıyor…

## serve
serve-serving = { $url } sunuluyor (durdurmak için Ctrl-C)
serve-rebuilt = { $ms } ms içinde yeniden oluşturuldu
serve-chapters-first = değişen bölümler { $ms } ms sonra yeniden sunuluyor
serve-stopped = durduruldu
serve-wide = { $address } üzerinde sunuluyor: bu makineye o adresten ulaşabilen herkes kitabı ve yayımlanmamış çevirilerini okuyabilir
serve-no-browser = bir tarayıcı açılamıyor; { $url } adresini kendiniz açın
serve-running = `tercuman serve` bu kitabı zaten sunuyor{ $at }
serve-running-hint = onu kullanın ya da önce onu durdurun (Ctrl-C)
serve-cannot-listen = { $address } dinlenemiyor
serve-cannot-listen-hint = bağlantı noktasını başka bir program kullanıyor olabilir; `--port N` ile başkasını seçin (0: herhangi boş bir bağlantı noktası)
serve-cannot-watch = `{ $path }` izlenemiyor
serve-cannot-catch-interrupt = Ctrl-C yakalanamıyor; serve temiz biçimde duramazdı
init-mdbook-source = mdBook { $lang } dilinde yazılmış: bu, kitabın kaynak dilidir, çeviri dillerinden biri değil

## build
build-up-to-date = { $dir } içindeki basımlar güncel: oluşturulduklarından beri hiçbir şey değişmedi
build-built = { $locale } oluşturuldu: { $outputs }
build-built-fallbacks = { $locale } oluşturuldu: { $outputs } ({ $count } bölüt kaynak dilde gösteriliyor)
build-failed-checks = { $count } { $locale } çevirisi bir denetimden geçemedi ve kaynak dilde gösteriliyor: { $segments }
build-failed-checks-hint = `tercuman check --locale { $locale }` çalıştırın ya da --allow-check-errors ile oluşturun
build-unreviewed = hiçbir gözden geçirenin onaylamadığı { $count } { $locale } çevirisi kaynak dilde, işaretli olarak gösteriliyor: book.toml yalnızca gözden geçirilmiş çevirileri yayımlıyor (`publish = "reviewed"`)
build-script-removed = { $file }:{ $line }: buradaki ham HTML betik çalıştırıyor (`<script>`, bir `on…=` özniteliği ya da `javascript:` adresi); basımlar bunu dışarıda bırakır
build-script-removed-hint = EPUB okuyucuları betik çalıştırmaz, HTML basımı da çalıştırmaz; HTML'nin geri kalanı yazıldığı gibi yayımlanır
build-remote-image = { $file }:{ $line }: `{ $url }` görseli web üzerinde; bir EPUB kendi görsellerini taşımalıdır, bu yüzden EPUB onun yerine görsele bağlantı verir (HTML sitesi onu gösterir)
build-remote-image-hint = görseli source/ altına kaydedin (ör. source/images/) ve bölümü o dosyaya yönlendirin
build-status-page = durum sayfası: { $path }

## check
check-summary = { $errors } hata, { $warnings } uyarı

## tm, export, import
tm-search-none = %{ $min } ya da daha yüksek puan alan bölüt yok
progress-concordance = bellekte aranıyor
concordance-none = hiçbir bölütte “{ $text }” yok
concordance-more = { $total } bölütten { $shown } tanesi gösterildi; daha fazlası için --limit
concordance-retired = (kaynaktan çıktı)
tm-no-longer-in-source = , artık kaynakta yok
wrote-file = { $path } yazıldı
tmx-import-report = içe aktarma: { $filled } bölüt çevrildi, { $history } farklı çeviri geçmişte saklandı, { $stored } birim eşleştirme için saklandı, { $skipped } birim atlandı
tmx-import-hint = bölüt dosyalarını güncellemek için `tercuman sync` çalıştırın
xliff-import-report = içe aktarma: { $locale }: { $updated } çeviri güncellendi, { $unchanged } değişmedi, { $conflicts } çakışma, { $stale } eski İngilizce metne göre, { $empty } hedefsiz
xliff-import-conflict = { $file }:{ $line }: `{ $segment }` bu dosya dışa aktarıldıktan sonra bellekte değişti
xliff-import-conflict-hint = belleğin sürümü korundu; dosyanınki `tercuman tm log { $segment }` içinde
paragraph-import-report = içe aktarma: { $file } ({ $origin }) → { $locale }: { $translated } çevrildi, { $fuzzy } bir gözden geçirenin bakması için belirsiz, { $untranslated } çevrilmeden kaldı, { $kept } zaten çevrilmişti ve korundu
paragraph-import-unmatched = kitabın { $count } paragrafı katalogda karşılık bulamadı, ilki { $first }
paragraph-import-unused = { $count } çevrilmiş girdi kitabın hiçbir paragrafına uymadı
error-import-po-locale = { $file } başlığında dilini belirtmiyor; hangi yerel ayar olduğunu --locale ile söyleyin
omegat-custom-tags = OmegaT, Markdown işaretlerini { $config } klasöründeki özel etiketlerle korur: OmegaT'yi `--config-dir={ $config }` ile başlatın ya da { $file } dosyasındaki satırı { $menu } alanına yapıştırın
error-omegat-no-target = { $dir } klasöründe çevrilmiş dosya yok; önce OmegaT'de "{ $menu }" komutunu çalıştırın
xliff-import-reviewed =   dosyanın onaylı olarak işaretlediği { $count } çeviri artık gözden geçirilmiş (--by ile verilen adla ya da git'in user.name değeriyle)
tm-rebuild-moved = eski bellek { $path } konumuna taşındı

## init
init-created = { $dir } içinde bir kitap oluşturuldu: source/book.toml, source/{ $chapter } ve { $locales } için Fluent dosyaları
init-next = sırada: source/ içinde yazın, locales/<dil>/*.po içinde çevirin, sonra `tercuman --project { $dir } build` çalıştırın
git-setup-nothing = bu klon birleştirmeler için zaten hazır
git-setup-changed = kuruldu: { $what }
git-setup-commit-hint = her klon günlüğü aynı biçimde birleştirsin diye `.gitattributes` dosyasını commit edin
git-not-set-up = bu klon birleştirmeler için hazır değil ({ $missing }): iki klonda düzenlenen PO dosyaları birleştirmeyi çakışma işaretleriyle durdurur
git-not-set-up-hint = bu klonda bir kez `tercuman git-setup` çalıştırın
git-merge-po-by-lines = { $file }: her paragrafta bir girdi değil, bu yüzden satır satır birleştirildi

review-no-reviewer = gözden geçireni `--by AD` ile belirtin (ya da bu kitapta git'in `user.name` ayarını yapın)
review-approved = gözden geçirme: { $count } { $locale } çevirisi { $by } tarafından onaylandı
review-rejected = gözden geçirme: { $count } { $locale } çevirisi { $by } tarafından reddedildi, notla birlikte artık belirsiz
review-unchanged =   { $count } çeviri aynı metin için bu kararı zaten almıştı
review-skipped-fuzzy =   { $count } belirsiz çeviriye dokunulmadı: önce bir çevirmen onaylamalı
review-skipped-untranslated =   { $count } çevrilmemiş girdiye dokunulmadı
review-files-written =   { $count } PO dosyası kararlarla yeniden yazıldı

## glossary
glossary-exported = { $count } sözlük girdisi TBX-Basic olarak { $path } dosyasına yazıldı
glossary-imported = sözlük: { $path } dosyasına { $added } girdi eklendi, zaten var olan { $known } girdiye dokunulmadı, kaynak dilde ya da kitabın bir dilinde terimi olmayan { $skipped } girdi atlandı
glossary-import-missing-columns = { $count } çeviri, sözlüğün başlığında sütunu olmayan dillerde ve eklenmedi; sütunu başlığa ekleyip yeniden içe aktarın

## status table
status-locale = dil
status-done = tamam
status-translated = çevrilmiş bölüt/kelime
status-reviewed = onaylı bölüt/kelime
status-fuzzy = belirsiz bölüt/kelime
status-untranslated = çevrilmemiş bölüt/kelime
status-total = toplam: dil başına { $segments } bölüt, { $words } kaynak kelime

## Numbers and the memory's history (`tm log`, `tm search`, `tm concordance`)
percent = %{ $value }
revision-status = { $status ->
    [translated] çevrilmiş
    [fuzzy] belirsiz
   *[untranslated] çevrilmemiş
}
log-empty = (boş)
log-matched = ({ $from } bölütünden, %{ $score })
log-from = ({ $from } bölütünden)
band-context = bağlam

## `--help`
help-examples = Örnekler:
help-example-init = yeni bir kitap başlatır
help-example-sync = source/ ya da bir PO dosyası düzenlendikten sonra
help-example-status = her dilin ne kadar tamamlandığı
help-example-build = her dil için EPUB 3 ve HTML
help-languages = İletiler LC_ALL, LC_MESSAGES ya da LANG değişkenine uyar (İngilizce, Azerbaycanca, Farsça, Türkçe).

## `check`: what a finding says (English comes from the library)
check-identical = çeviri İngilizce kaynakla aynı
check-length = çeviri kaynağın { $ratio } katı uzunlukta (beklenen: { $low }–{ $high })
check-blank = çeviri yalnızca boşluktan oluşuyor
check-block = çeviri, İngilizcede olmayan { $kind ->
        [heading] bir başlık
        [list-item] bir liste öğesi
        [code-block] bir kod bloğu
        [table] bir tablo
        [block-quote] bir alıntı bloğu
        [html-block] bir HTML bloğu
        [footnote-definition] bir dipnot tanımı
       *[thematic-break] bir yatay çizgi
    } başlatıyor (`#`, `-`, `1.`, `|`, `>`, bir kod çiti, `---` ya da bir HTML etiketiyle başlayan satır blok başlatır; önüne bir karakter ekleyin ya da satırları birleştirin)
check-bidi-open = { $count } yön gömmesi, geçersiz kılması ya da yalıtımı (U+202A–U+202E, U+2066–U+2068) açık kalmış: ardından gelen metni ters çevirir; U+202C (PDF) ya da U+2069 (PDI) ile kapatın
check-bidi-unmatched = kapatacak bir şeyi olmayan { $count } yön kapatma işareti (U+202C PDF ya da U+2069 PDI)
check-long-run = { $length } karakterlik kesintisiz bir dizi (`{ $start }…`); boşluklarla bölün
check-script = `{ $locale }` çevirisinde { $script ->
        [arabic] Arap alfabesi
       *[cyrillic] Kiril alfabesi
    } harfleri (`{ $letters }`)
check-script-not-persian = Farsça çeviride hiç Arap alfabesi harfi yok: hâlâ İngilizce mi, yoksa başka bir dilde mi?
check-markup = { $kind ->
        [emphasis] vurgu
        [strong] kalın yazı
        [strikethrough] üstü çizili yazı
        [inline-code] satır içi kod
        [footnote-reference] dipnot göndermesi
        [inline-html] satır içi HTML
        [link] bağlantı
       *[image] görsel
    }: kaynakta { $source }, çeviride { $translation }
check-targets = hedefler farklı: kaynakta { $source }, çeviride { $translation }
check-numbers = sayılar farklı: kaynakta [{ $source }], çeviride [{ $translation }]
check-whitespace-edges = baştaki ya da sondaki boşluk kaynaktakinden farklı
check-doubled-space = çift boşluk
check-end-punctuation = kaynak { $source ->
        [full-stop] noktayla
        [question-mark] soru işaretiyle
        [exclamation-mark] ünlemle
        [colon] iki noktayla
        [semicolon] noktalı virgülle
        [comma] virgülle
        [ellipsis] üç noktayla
       *[none] noktalama işaretsiz
    }, çeviri { $translation ->
        [full-stop] noktayla
        [question-mark] soru işaretiyle
        [exclamation-mark] ünlemle
        [colon] iki noktayla
        [semicolon] noktalı virgülle
        [comma] virgülle
        [ellipsis] üç noktayla
       *[none] noktalama işaretsiz
    } bitiyor
check-brackets = çeviride dengesiz { $pair }
check-term = “{ $term }” İngilizcede geçiyor, ama sözlükteki çevirisi { $translations } çeviride yok ({ $at })
check-do-not-translate = “{ $term }” İngilizcede yazıldığı gibi kalmalı ({ $at })
check-forbidden-term = sözlük “{ $term }” için { $translations } kullanımını yasaklıyor ({ $at })
check-inconsistent-translation = aynı İngilizce farklı çevrilmiş: { $at }
check-inconsistent-source = aynı çeviri başka bir İngilizce metnin karşılığı: { $at }
