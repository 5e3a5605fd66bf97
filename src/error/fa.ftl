## پیام‌های خطای کتابخانهٔ tercuman (`tercuman::error::Message`).

plain = { $text }
catalog-this-catalog-has-msgctxt = این فهرست msgctxt دارد: فایل PO خودِ tercuman است، نه فهرستی که mdbook-xgettext یا po4a ساخته باشد
catalog-this-catalog-has-msgctxt-hint = آن را روی فایل فصل در locales/<lang>/ کپی کنید و `tercuman sync` را اجرا کنید
config-chapter-ascii = نام فایل `{ $name }` باید ASCII باشد (حرف، رقم، `-`، `_`)
config-chapter-path = `{ $name }` باید مسیری نسبی با پسوند `.md` درون `source/` باشد
config-chapter-same-page = `{ $name }` و `{ $other }` هر دو با نام `{ $page }` منتشر می‌شدند
config-chapter-same-page-hint = نام یکی را عوض کنید
config-chapter-twice = `{ $name }` دو بار آمده است
config-font-license = `{ $file }` باید مسیری نسبی درون `source/` باشد
config-font-no-files = `files` هیچ فایل قلمی را نام نمی‌برد
config-font-path = `{ $file }` باید مسیری نسبی با پسوند `.ttf` یا `.otf` درون `source/` باشد
config-fuzzy-threshold = { $value } باید میان ۵۰ و ۱۰۰ باشد
config-locale-twice = `{ $code }` دو بار آمده یا زبان مبدأ است
config-locale-unknown = `{ $code }` از زبان‌های کتاب نیست
config-no-chapters = کتاب هیچ فصلی ندارد
config-not-a-percentage = { $value } درصد نیست (۰ تا ۱۰۰)
edition-out-is-a-file = `{ $path }` یک فایل است، اما ویراست‌ها آن‌جا به پوشه نیاز دارند
edition-out-is-a-file-hint = فایل را جابه‌جا کنید، یا با `--out DIR` جای دیگری بسازید
edition-refuses-untranslated = ویراست { $lang } { $count } بخش بی ترجمهٔ منتشرشده دارد و book.toml برای آن `untranslated = "refuse"` گذاشته است
edition-refuses-untranslated-hint = `tercuman status --by-chapter` و `tercuman check --locale { $lang }` را اجرا کنید
epub-build = هنگام ساختن `{ $path }`: { $reason }
fluent-syntax = خطای نحوی Fluent: { $reason }
font-cannot-join = `{ $file }` نمی‌تواند حروف خط عربی را به هم بچسباند (جایگزینی‌های `init` و `medi` و `fina` برای خط `arab` را ندارد): قلمی ساخته‌شده برای این خط برگزینید
font-cannot-read = `source/{ $file }` خوانده نمی‌شود: { $reason }
font-license-empty = `{ $file }` خالی است
font-license-not-utf8 = `{ $file }` متن UTF-8 نیست
font-missing-letters = `{ $file }` برای { $count ->
    [one] یک حرف
   *[other] چند حرف
    } از الفبای { $lang } نگاره ندارد: { $letters }
font-no-family = `{ $file }` هیچ خانوادهٔ قلمی را نام نمی‌برد
font-not-a-font = `{ $file }` قلم TrueType یا OpenType نیست ({ $reason })
font-other-family = `{ $file }` از خانوادهٔ `{ $family }` است، نه `{ $first }`: فایل‌های یک خانواده را فهرست کنید
font-same-name = دو فایل با نام `fonts/{ $name }` منتشر می‌شدند: نام یکی را عوض کنید
font-same-weight = `{ $file }` و `{ $other }` هر دو وزن { $weight }{ $italic ->
    [yes] {" "}و ایتالیک
   *[no] {""}
    } دارند: برای هر وزن و سبک یک فایل فهرست کنید
git-config-failed = `git config { $key }` در { $path } ناموفق بود
git-not-a-work-tree = { $path } در درخت کاری git نیست
git-not-a-work-tree-hint = نخست `git init` را اجرا کنید، یا کتاب را با git کلون کنید
glossary-column-twice = ستون `{ $name }` دو بار نام برده شده است
glossary-no-kind-column = { $count } مدخل از مدخل‌های افزودنی ممنوع یا ترجمه‌نکردنی‌اند، اما سرآیند ستون `kind` برای گفتنش ندارد
glossary-no-kind-column-hint = به سرآیند ستون `kind` بیفزایید
glossary-no-source-column = سرآیند ستون `{ $source }` (زبان مبدأ) ندارد: سرآیند ستون‌ها را نام می‌برد، مثلاً `{ $example }`
glossary-not-utf8 = واژه‌نامه UTF-8 نیست
glossary-term-without-source = اصطلاحی بی صورتِ زبان مبدأ
glossary-too-many-cells = { $cells } خانه هست، اما سرآیند { $columns } ستون نام می‌برد
glossary-unknown-column = ستون `{ $name }` نه زبان مبدأ (`{ $source }`) است، نه از زبان‌های کتاب ({ $locales })، نه `kind` و نه `note`
glossary-unknown-kind = نوع `{ $kind }`: `preferred` یا `forbidden` یا `do-not-translate` بنویسید
image-kind = تصویر `{ $url }`: خواننده‌های EPUB تصویرهای PNG و JPEG و GIF و SVG و WebP را نشان می‌دهند، نه این نوع را
image-not-found = تصویر `{ $url }` پیدا نشد ({ $path } جست‌وجو شد)
image-outside-source = تصویر `{ $url }` بیرون از source/ است
image-outside-source-hint = تصویرهای کتاب را زیر source/ نگه دارید (مثلاً source/images/)
index-rows-failed = ساختن سطرهای نمایه ناموفق بود
init-book-exists = `{ $path }` از پیش هست؛ کتابی بازنویسی نمی‌شود
journal-escape = گریز نادرست `{ $escape }`
journal-fields = { $expected } فیلدِ جداشده با تب انتظار می‌رفت، { $found } پیدا شد
journal-hash = سطر با شناسه‌اش ({ $hash }) جور نیست (با دست ویرایش شده؟)
journal-line-number = شمارهٔ سطر نادرست `{ $number }`
journal-misplaced = بخش `{ $id }` به فایل فصل `{ $right }` تعلق دارد، نه فصل `{ $chapter }`
journal-previous = متن انگلیسی پیشین باید با `=` آغاز شود
journal-restore-hint = فایل‌های دفتر را tercuman می‌نویسد؛ این یکی را از کنترل نسخه برگردانید (`git checkout -- { $journal }`)
journal-revision-of-no-segment = tm/revisions/{ $locale }/{ $chapter }.tsv: بازبینی‌ای از بخش `{ $id }` که هیچ سطری از tm/source/ نامش را نمی‌برد
journal-revision-of-no-segment-hint = سطر بخش را از git برگردانید (`git log -p tm/source/`)، یا سطر بازبینی را پاک کنید
journal-role = نقش ناشناخته `{ $role }` (c یا h انتظار می‌رفت)
journal-score = امتیاز نادرست `{ $score }`
journal-status = وضعیت ناشناخته `{ $status }`
locale-invalid = `{ $code }` برچسب زبان معتبری نیست
locale-not-canonical = `{ $code }` به صورت استاندارد نیست؛ `{ $canonical }` بنویسید
lock-waiting = در انتظار پایان کار tercuman دیگری که روی این کتاب کار می‌کند…
mdbook-draft = فصل پیش‌نویس `{ $title }` فایلی ندارد: کنار گذاشته شد
mdbook-hidden-lines = سطرهای پنهان بلوک‌های کد Rust (`# `) در ویراست‌های tercuman نشان داده می‌شوند
mdbook-nested = فصل‌های تودرتو (از `{ $title }` به بعد) به همان ترتیب فصل‌هایی مستقل می‌شوند
mdbook-outside = فصل `{ $path }` بیرون از پوشهٔ کتاب است: کنار گذاشته شد
mdbook-part-title = عنوان بخش `{ $title }` نگه داشته نمی‌شود: کتاب‌های tercuman بخش ندارند؛ فصل‌هایش به ترتیب می‌آیند
mdbook-preprocessor-link = `{ $link }` از mdBook پشتیبانی نمی‌شود: ویراست‌ها آن را همان‌گونه که نوشته شده نشان می‌دهند
mdbook-renamed = با نام `source/{ $name }` کپی شد: صفحه‌اش نامی از خودش با حروف ASCII، رقم، `-` و `_` لازم دارد؛ پیوندهایش به نام تازه نیاز دارند
mdbook-separator = جداکننده نگه داشته نشد
memory-busy-hint = برنامهٔ دیگری (tercuman دیگر، مرورگر پایگاه داده) پس از ۳۰ ثانیه هنوز آن را در دست دارد؛ آن را ببندید و دوباره اجرا کنید
memory-cannot-open-hint = بررسی کنید که `tm/` هست و tercuman می‌تواند در آن بنویسد
memory-corrupt-hint = فایل خراب است یا حافظهٔ tercuman نیست؛ `tercuman tm rebuild` را اجرا کنید تا از دفتر (`tm/revisions/`، `tm/source/`) و فایل‌های PO دوباره ساخته شود، بی آن‌که چیزی از دست برود
memory-disk-full-hint = دیسک پر است؛ کمی جا باز کنید و دوباره اجرا کنید؛ چیزی تغییر نکرد
memory-not-ours = حافظهٔ tercuman نیست (جدول دارد اما نسخهٔ طرح‌واره ندارد)
memory-read-only-hint = tercuman نمی‌تواند در آن بنویسد؛ مجوزهای فایل و `tm/` را (و این‌که دیسک فقط‌خواندنی سوار نشده باشد) بررسی کنید؛ چیزی تغییر نکرد
memory-schema-newer = نسخهٔ طرح‌وارهٔ { $version } از آن‌چه این tercuman می‌فهمد ({ $latest }) تازه‌تر است
memory-schema-newer-hint = tercuman را به‌روز کنید
memory-waiting = در انتظار برنامهٔ دیگری که حافظهٔ ترجمه (tm/memory.sqlite) را باز نگه داشته تا رهایش کند…
po-charset = سرآیند `charset={ $charset }` اعلام می‌کند؛ tercuman فایل‌های PO را UTF-8 می‌خواند
po-charset-hint = با فرمان `msgconv --to-code=UTF-8 { $path } -o { $path }` از gettext تبدیلش کنید
po-duplicate-entry = مدخل تکراری برای msgctxt { $msgctxt } و msgid { $msgid }
po-entry-has-msgid-but = مدخل msgid دارد اما msgstr ندارد
po-expected-quoted-string = رشته‌ای میان گیومه انتظار می‌رفت
po-file-larger-than-256 = فایل بزرگ‌تر از ۲۵۶ مگابایت است؛ خوانده نمی‌شود
po-header-entry-msgid = مدخل سرآیند (msgid "") نیست
po-invalid-escape = گریز نامعتبر `{ $escape }`
po-msgctxt-after-msgid = msgctxt پس از msgid
po-msgstr-without-msgid-before = msgstr بی msgid پیش از آن
po-other-language = سرآیند می‌گوید `Language: { $declared }`، اما فایل در `locales/{ $locale }/` است
po-other-language-hint = آن را به `locales/{ $primary }/` ببرید، یا اگر واقعاً `{ $locale }` است سطر `Language:` را درست کنید
po-plural-entries-msgid-plural = مدخل‌های جمع (msgid_plural) در فایل‌های بخش به کار نمی‌روند
po-plural-entries-msgstr-n = مدخل‌های جمع (msgstr[N]) در فایل‌های بخش به کار نمی‌روند
po-second-header-entry-empty = مدخل سرآیند دوم (msgid خالی)
po-string-continuation-with-keyword = ادامهٔ رشته‌ای که پیش از آن کلیدواژه‌ای نیست
po-text-after-quote = متن پس از گیومهٔ بسته: `{ $text }`
po-two-msgid-lines-one = دو سطر msgid در یک مدخل
po-two-msgstr-lines-one = دو سطر msgstr در یک مدخل
po-unexpected = `{ $text }` نابه‌جا
po-unexpected-bom = `{ $text }` نابه‌جا (U+FEFF نشانهٔ ترتیب بایت است، این‌جا در میانهٔ فایل؛ شاید دو فایل به هم چسبانده شده‌اند)
po-unexpected-bom-hint = آن نویسهٔ نامرئی را پاک کنید، یا فایل را دوباره به صورت UTF-8 بی BOM ذخیره کنید
po-unexpected-invisible = `{ $text }` نابه‌جا
po-unexpected-invisible-hint = نویسهٔ نامرئی‌ای را که به صورت <U+…> نشان داده شده پاک کنید
po-unterminated-string = رشتهٔ بسته‌نشده
po-utf16 = فایل UTF-16 است؛ tercuman فایل‌های PO را UTF-8 می‌خواند
po-utf16-hint = با `iconv -f UTF-16 -t UTF-8 { $path } > { $path }.utf8` تبدیلش کنید و آن را جایگزین کنید، یا در ویرایشگرتان به صورت UTF-8 ذخیره کنید
review-no-chapter = کتاب فصلی به نام `{ $chapter }` ندارد
review-no-chapter-hint = فصل‌ها با نام فایلشان بی `.md` نامیده می‌شوند، مانند خروجی `tercuman status --by-chapter`
review-no-segment = کتاب بخشی به نام `{ $id }` ندارد
review-no-segment-hint = شناسه‌های بخش همان `msgctxt` مدخل‌های PO هستند و صفحه‌های نمونه‌خوانی نشانشان می‌دهند
sync-entry-has-msgctxt-so = مدخل msgctxt ندارد، پس به هیچ بخشی تعلق ندارد
sync-msgid-edited = msgid بخش `{ $id }` با متن انگلیسی‌اش فرق دارد؛ فقط msgstr را ویرایش کنید
sync-stopped-before-commit = همگام‌سازی پیش از ثبت متوقف شد
sync-symlink-out = `{ $path }` به بیرون از پروژه اشاره می‌کند؛ خوانده نمی‌شود
sync-unknown-segment = شناسهٔ بخش ناشناخته `{ $id }` (msgctxt)
sync-unpublishable-character = { $character }، { $control ->
    [yes] نویسهٔ کنترلی
   *[no] نانویسه‌ای
    } که XML اجازه نمی‌دهد: EPUB و XLIFF و TMX نمی‌توانند آن را حمل کنند
sync-unpublishable-character-hint = آن را پاک کنید (در بیشتر ویرایشگرها نامرئی است)
tbx-not-tbx-document-martif = سند TBX نیست (عنصر <martif> یا <tbx> ندارد)
tmx-not-tmx-document-tmx = سند TMX نیست (عنصر <tmx> ندارد)
tmx-seg-outside-tuv = <seg> بیرون از <tuv>
tmx-tuv-without-lang = <tuv> بی xml:lang
xliff-approvals-without-reviewer = { $count } مقصدِ تأییدشده هست و بازبینی شناخته نیست که به نامش ثبت شوند
xliff-approvals-without-reviewer-hint = بازبین را با `--by NAME` نام ببرید (یا `user.name` در git را تنظیم کنید)
xliff-bad-cp = <cp hex="{ $hex }"> نادرست
xliff-code-not-in-source = کد درون‌خطی `{ $id }` در مبدأ نیست
xliff-code-without-id = کد درون‌خطی بی شناسه
xliff-not-xliff-document-xliff = سند XLIFF نیست (عنصر <xliff> ندارد)
xliff-source-language = زبان مبدأ `{ $found }` زبان کتاب (`{ $book }`) نیست
xliff-target-language = زبان مقصد `{ $found }` از زبان‌های کتاب نیست
xliff-unit-without-id = واحدی بی شناسه
xliff-unknown-segment = شناسهٔ بخش ناشناخته `{ $id }` (در حافظهٔ این کتاب نیست)
xliff-version = نسخهٔ XLIFF `{ $version }` پشتیبانی نمی‌شود (1.1 و 1.2 و 2.x پشتیبانی می‌شوند)
xml-bad-attribute = ویژگی نادرست: { $reason }
xml-bad-attribute-value = مقدار ویژگی نادرست: { $reason }
xml-bad-text = متن نادرست: { $reason }
xml-doctype-with-declarations-entities = DOCTYPE با اعلان‌ها (موجودیت‌ها) پذیرفته نمی‌شود
xml-file-larger-than-512 = فایل بزرگ‌تر از ۵۱۲ مگابایت است
xml-forbidden-character = { $character }، { $control ->
    [yes] نویسهٔ کنترلی
   *[no] نانویسه‌ای
    } که XML اجازه نمی‌دهد
xml-forbidden-reference = ارجاع نویسه‌ای به { $character }، { $control ->
    [yes] نویسهٔ کنترلی
   *[no] نانویسه‌ای
    } که XML اجازه نمی‌دهد
xml-not-well-formed = XML خوش‌ساخت نیست: { $reason }
