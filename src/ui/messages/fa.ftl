# پیام‌های خود tercuman، به فارسی.

severity-error = خطا
severity-warning = هشدار
severity-hint = راهنما
caused-by = علت

## خطاهایی که خطاهای کتابخانه را در بر می‌گیرند
error-load-book = بارگذاری کتاب در `{ $dir }` ممکن نشد
error-io = دسترسی به `{ $path }` ممکن نشد: { $reason }
error-utf8 = { $path }: UTF-8 معتبر نیست (نخستین بایت نادرست در سطر { $line })
error-memory = حافظهٔ ترجمه `{ $path }`: { $message }
error-not-a-locale = `{ $code }` یکی از زبان‌های کتاب نیست
error-xliff-needs-locale = هر فایل XLIFF یک زبان دارد: `--locale` را بدهید (یکی از { $locales })
error-write = نوشتن `{ $path }` ممکن نشد
error-source-date-epoch = SOURCE_DATE_EPOCH عددی از ثانیه‌ها نیست: `{ $value }`
error-init-not-empty = `{ $dir }` از پیش یک کتاب دارد (`source/book.toml`)؛ پوشهٔ دیگری برگزینید
error-status-below-minimum = { $locale } { $percent }٪ ترجمه شده است، کمتر از کمینهٔ { $min }٪
error-status-below-reviewed = { $locale } { $percent }٪ بازبینی شده است، کمتر از کمینهٔ { $min }٪
error-no-segment = در حافظه بخشی با شناسهٔ `{ $segment }` نیست (شناسه‌ها همان msgctxt مدخل‌های PO هستند)

## sync
sync-report = sync: { $new } بخش تازه و { $retired } بخش کنارگذاشته، { $imported } ترجمهٔ واردشده، { $exact } تطابق کامل به‌کاررفته، { $fuzzy } پیشنهاد نزدیک، { $written } فایل نوشته‌شده
sync-locale-imported =   { $locale }: { $count } ترجمه وارد شد
sync-conflict = { $file }:{ $line }: `{ $segment }` پس از نوشتن فایل، هم در این فایل و هم در حافظه تغییر کرده است
sync-conflict-hint = نسخهٔ حافظه با نشان «نزدیک» نگه داشته شد؛ نسخهٔ شما در `tercuman tm log { $segment }` است
sync-merge-conflict = { $file }:{ $line }: `{ $segment }` در دو نسخهٔ مخزن که سپس ادغام شدند، به دو گونه ترجمه شده است: { $texts }
sync-merge-conflict-hint = تازه‌ترین متن با نشان «نزدیک» نگه داشته شد؛ متن هر دو سو در `tercuman tm log { $segment }` است
sync-segmentation-changed = بخش‌بندی تغییر کرد: { $old } → { $new }
sync-segmentation-changed-hint = بخش‌هایی که شکسته یا یکی شدند، ترجمهٔ قدیم را جایی که انگلیسی یکسان است به‌صورت تطابق دقیق، وگرنه به‌صورت پیشنهاد شکستن یا ادغام گرفتند (نزدیک، با انگلیسی قدیم)؛ با `tercuman status --by-chapter` بازبینی‌شان کنید
sync-bom = { $file }: نشانهٔ ترتیب بایت (U+FEFF) در آغاز آن نادیده گرفته شد و از فایل بازنویسی‌شده حذف می‌شود
sync-cleared = { $file }:{ $line }: ترجمهٔ `{ $segment }` پاک شد؛ ترجمهٔ پیشین در `tercuman tm log { $segment }` است
sync-obsolete-edit = { $file }:{ $line }: `{ $segment }` منسوخ است (متن انگلیسی‌اش از منبع رفته) و فقط‌خواندنی است: ویرایش شما اعمال نشد و در `tercuman tm log { $segment }` نگه داشته شد
sync-po-verdict = { $file }:{ $line }: `{ $segment }` { $verdict } (نشانهٔ بازبین در فایل)
sync-marker-no-reviewer = { $file }:{ $line }: روی `{ $segment }` نشانهٔ بازبینی هست، اما Last-Translator فایل کسی را نام نمی‌برد: آن را تنظیم کنید (Poedit: تنظیمات، هویت) یا از `tercuman review` استفاده کنید؛ نشانه می‌ماند
sync-marker-nothing = { $file }:{ $line }: روی `{ $segment }` نشانهٔ بازبینی هست، اما ترجمه‌ای برای بازبینی ندارد؛ نشانه می‌ماند
sync-marker-conflict = { $file }:{ $line }: روی `{ $segment }` نشانهٔ بازبینی هست، اما ویرایشش با حافظه تعارض دارد؛ نخست تعارض را حل کنید، نشانه می‌ماند
sync-marker-no-reason = { $file }:{ $line }: `# rejected` روی `{ $segment }` دلیل می‌خواهد (`# rejected: دلیل`)؛ نشانه می‌ماند
sync-marker-fuzzy = { $file }:{ $line }: روی `{ $segment }` نشانهٔ `# reviewed` هست، اما مدخل مبهم است: فقط مدخل ترجمه‌شده تأییدپذیر است؛ نشانه می‌ماند
sync-kept = { $file } هنگام همگام‌سازی ذخیره شد: همان‌گونه که ذخیره شده بود ماند و بازنویسی نشد
sync-kept-hint = برای وارد کردن آن، `tercuman sync` را دوباره اجرا کنید
sync-orphan = { $file } به هیچ فصلی تعلق ندارد: { $imported } ترجمه از آن برداشته شد و { $unmatched } مدخل با هیچ بخشی جور نیست
sync-orphan-hint = tercuman چنین فایل‌هایی را می‌خواند اما هرگز بازنویسی نمی‌کند؛ وقتی کارشان به فایل‌های فصل رسید، پاکشان کنید
progress-sync = همگام‌سازی حافظه و فایل‌های بخش‌ها…
progress-build = ساختن ویراست‌ها…
progress-import = در حال ورود…

## serve
serve-serving = در حال ارائهٔ { $url } (برای توقف Ctrl-C)
serve-rebuilt = در { $ms } میلی‌ثانیه دوباره ساخته شد
serve-chapters-first = فصل‌های تغییرکرده پس از { $ms } میلی‌ثانیه دوباره ارائه می‌شوند
serve-stopped = متوقف شد
serve-wide = ارائه روی { $address }: هر کسی که از آن نشانی به این رایانه برسد می‌تواند کتاب و ترجمه‌های منتشرنشده‌اش را بخواند
serve-no-browser = نمی‌توان مرورگری باز کرد؛ { $url } را خودتان باز کنید
serve-running = `tercuman serve` همین حالا این کتاب را ارائه می‌کند{ $at }
serve-running-hint = از همان استفاده کنید، یا نخست آن را متوقف کنید (Ctrl-C)
serve-cannot-listen = نمی‌توان روی { $address } گوش داد
serve-cannot-listen-hint = شاید برنامهٔ دیگری از این درگاه استفاده می‌کند؛ با `--port N` درگاه دیگری برگزینید (۰: هر درگاه آزاد)
serve-cannot-watch = نمی‌توان `{ $path }` را پایید
serve-cannot-catch-interrupt = نمی‌توان Ctrl-C را گرفت، پس serve نمی‌توانست به‌سامان بایستد
init-mdbook-source = این mdBook به { $lang } نوشته شده است: این زبان مبدأ کتاب است، نه یکی از زبان‌های ترجمه

## build
build-up-to-date = ویراست‌های { $dir } به‌روزند: از زمان ساختشان چیزی تغییر نکرده است
build-built = { $locale } ساخته شد: { $outputs }
build-built-fallbacks = { $locale } ساخته شد: { $outputs } ({ $count } بخش به زبان مبدأ نمایش داده می‌شود)
build-failed-checks = { $count } ترجمهٔ { $locale } از یک بررسی رد شد و به زبان مبدأ نمایش داده می‌شود: { $segments }
build-failed-checks-hint = `tercuman check --locale { $locale }` را اجرا کنید، یا با --allow-check-errors بسازید
build-unreviewed = { $count } ترجمهٔ { $locale } که هیچ بازبینی تأییدشان نکرده، به زبان مبدأ و نشان‌دار نمایش داده می‌شود: book.toml فقط ترجمه‌های بازبینی‌شده را منتشر می‌کند (`publish = "reviewed"`)
build-script-removed = { $file }:{ $line }: HTML خام اینجا اسکریپت اجرا می‌کند (`<script>`، ویژگی `on…=` یا نشانی `javascript:`)؛ ویراست‌ها آن را کنار می‌گذارند
build-script-removed-hint = کتاب‌خوان‌های EPUB هیچ اسکریپتی اجرا نمی‌کنند و ویراست HTML هم اجرا نمی‌کند؛ بقیهٔ HTML همان‌گونه که نوشته شده منتشر می‌شود
build-remote-image = { $file }:{ $line }: تصویر `{ $url }` روی وب است؛ EPUB باید تصویرهای خودش را همراه داشته باشد، پس EPUB به‌جای آن به تصویر پیوند می‌دهد (سایت HTML آن را نشان می‌دهد)
build-remote-image-hint = تصویر را زیر source/ ذخیره کنید (مثلاً source/images/) و فصل را به آن پرونده ارجاع دهید
build-status-page = صفحهٔ وضعیت: { $path }

## check
check-summary = { $errors } خطا، { $warnings } هشدار

## tm, export, import
tm-search-none = هیچ بخشی امتیاز { $min }٪ یا بیشتر ندارد
progress-concordance = جست‌وجو در حافظه
concordance-none = هیچ بخشی «{ $text }» را ندارد
concordance-more = { $shown } از { $total } بخش نشان داده شد؛ برای بیشتر --limit
concordance-retired = (از متن مبدأ بیرون رفته)
tm-no-longer-in-source = ، دیگر در متن مبدأ نیست
wrote-file = { $path } نوشته شد
tmx-import-report = ورود: { $filled } بخش ترجمه شد، { $history } ترجمهٔ متفاوت در تاریخچه نگه داشته شد، { $stored } واحد برای تطبیق ذخیره شد، { $skipped } واحد نادیده گرفته شد
tmx-import-hint = برای به‌روزرسانی فایل‌های بخش‌ها `tercuman sync` را اجرا کنید
xliff-import-report = ورود: { $locale }: { $updated } ترجمه به‌روز شد، { $unchanged } بی‌تغییر، { $conflicts } ناسازگاری، { $stale } برای انگلیسی قدیمی‌تر، { $empty } بی‌مقصد
xliff-import-conflict = { $file }:{ $line }: `{ $segment }` پس از برون‌بری این فایل در حافظه تغییر کرده است
xliff-import-conflict-hint = نسخهٔ حافظه نگه داشته شد؛ نسخهٔ فایل در `tercuman tm log { $segment }` است
paragraph-import-report = درون‌ریزی: { $file } ({ $origin }) به { $locale }: { $translated } ترجمه شد، { $fuzzy } نامطمئن برای بررسی ویراستار، { $untranslated } ترجمه‌نشده ماند، { $kept } از پیش ترجمه شده بود و نگه داشته شد
paragraph-import-unmatched = { $count } بند از کتاب در فهرست پیامی نیافت، نخستین: { $first }
paragraph-import-unused = { $count } مدخل ترجمه‌شده با هیچ بندی از کتاب جور نشد
error-import-po-locale = { $file } زبانش را در سرآیند نمی‌گوید؛ با --locale بگویید کدام زبان است
omegat-custom-tags = OmegaT نشانه‌های Markdown را با برچسب‌های سفارشیِ { $config } محافظت می‌کند: OmegaT را با `--config-dir={ $config }` باز کنید، یا سطر { $file } را در { $menu } بچسبانید
error-omegat-no-target = در { $dir } هیچ فایل ترجمه‌شده‌ای نیست؛ نخست در OmegaT فرمان «{ $menu }» را اجرا کنید
xliff-import-reviewed =   { $count } ترجمه که فایل آن‌ها را تأییدشده نشان می‌دهد اکنون بازبینی‌شده است (به نامی که با --by داده شد، یا user.name در git)
tm-rebuild-moved = حافظهٔ قدیمی به { $path } منتقل شد

## init
init-created = کتابی در { $dir } ساخته شد: source/book.toml، source/{ $chapter } و فایل‌های Fluent برای { $locales }
init-next = گام بعد: در source/ بنویسید، در locales/<زبان>/*.po ترجمه کنید، سپس `tercuman --project { $dir } build` را اجرا کنید
git-setup-nothing = این نسخهٔ مخزن از پیش برای ادغام آماده است
git-setup-changed = آماده شد: { $what }
git-setup-commit-hint = `.gitattributes` را commit کنید تا هر نسخهٔ مخزن دفتر ثبت را به یک شیوه ادغام کند
git-not-set-up = این نسخهٔ مخزن برای ادغام آماده نیست ({ $missing }): فایل‌های PO که در دو نسخه ویرایش شده‌اند ادغام را با نشانه‌های تعارض متوقف می‌کنند
git-not-set-up-hint = یک بار در این نسخهٔ مخزن `tercuman git-setup` را اجرا کنید
git-merge-po-by-lines = { $file }: هر بند یک مدخل نیست، پس خط به خط ادغام شد

review-no-reviewer = بازبین را با `--by NAME` نام ببرید (یا `user.name` گیت را در این کتاب تنظیم کنید)
review-approved = بازبینی: { $count } ترجمهٔ { $locale } را { $by } تأیید کرد
review-rejected = بازبینی: { $count } ترجمهٔ { $locale } را { $by } رد کرد؛ اکنون با یادداشت، مبهم (fuzzy) است
review-unchanged =   { $count } ترجمه پیش‌تر همین حکم را برای همین متن داشت
review-skipped-fuzzy =   به { $count } ترجمهٔ مبهم دست زده نشد: نخست مترجم باید آن‌ها را تأیید کند
review-skipped-untranslated =   به { $count } مدخل ترجمه‌نشده دست زده نشد
review-files-written =   { $count } پروندهٔ PO با حکم‌ها بازنویسی شد

## glossary
glossary-exported = { $count } مدخل واژه‌نامه به‌صورت TBX-Basic در { $path } نوشته شد
glossary-imported = واژه‌نامه: { $added } مدخل به { $path } افزوده شد، به { $known } مدخلی که از پیش داشت دست زده نشد، { $skipped } مدخل بی‌اصطلاح در زبان مبدأ یا یکی از زبان‌های کتاب کنار گذاشته شد
glossary-import-missing-columns = { $count } ترجمه به زبان‌هایی است که سرآیند واژه‌نامه ستونی برایشان ندارد و افزوده نشد؛ ستون را به سرآیند بیفزایید و دوباره وارد کنید

## status table
status-locale = زبان
status-done = انجام
status-translated = ترجمه‌شده بخش/واژه
status-reviewed = بازبینی‌شده بخش/واژه
status-fuzzy = مبهم بخش/واژه
status-untranslated = ترجمه‌نشده بخش/واژه
status-total = جمع: برای هر زبان { $segments } بخش و { $words } واژهٔ مبدأ

## Numbers and the memory's history (`tm log`, `tm search`, `tm concordance`)
percent = { $value }٪
revision-status = { $status ->
    [translated] ترجمه‌شده
    [fuzzy] مبهم
   *[untranslated] ترجمه‌نشده
}
log-empty = (خالی)
log-matched = ({ $score }٪ از { $from })
log-from = (از { $from })
band-context = بافت

## `--help`
help-examples = نمونه‌ها:
help-example-init = آغاز یک کتاب
help-example-sync = پس از ویرایش source/ یا یک پروندهٔ PO
help-example-status = هر زبان چقدر کامل است
help-example-build = EPUB 3 و HTML برای هر زبان
help-languages = پیام‌ها از LC_ALL، LC_MESSAGES یا LANG پیروی می‌کنند (انگلیسی، آذربایجانی، فارسی، ترکی).

## `check`: what a finding says (English comes from the library)
check-identical = ترجمه با متن انگلیسی یکی است
check-length = ترجمه { $ratio } برابر متن مبدأ است (انتظار: { $low } تا { $high })
check-blank = ترجمه فقط فاصله است
check-block = ترجمه با { $kind ->
        [heading] یک سرفصل
        [list-item] یک بند فهرست
        [code-block] یک قطعهٔ کد
        [table] یک جدول
        [block-quote] یک نقل‌قول
        [html-block] یک بلوک HTML
        [footnote-definition] تعریف یک پانوشت
       *[thematic-break] یک خط جداکننده
    } آغاز می‌شود که در انگلیسی نیست (سطری که با `#`، `-`، `1.`، `|`، `>`، حصار کد، `---` یا یک برچسب HTML آغاز شود بلوک می‌سازد؛ پیش از آن نویسه‌ای بگذارید یا سطرها را یکی کنید)
check-bidi-open = { $count } نشانهٔ جاسازی، لغو یا جداسازی جهت (U+202A–U+202E، U+2066–U+2068) باز مانده است: متن پس از آن را وارونه می‌کند؛ با U+202C (PDF) یا U+2069 (PDI) ببندید
check-bidi-unmatched = { $count } نشانهٔ بستن جهت (U+202C PDF یا U+2069 PDI) که چیزی برای بستن ندارد
check-long-run = رشته‌ای پیوسته از { $length } نویسه (`{ $start }…`)؛ با فاصله بشکنید
check-script = حروف { $script ->
        [arabic] عربی‌نویس
       *[cyrillic] سیریلیک
    } (`{ $letters }`) در ترجمهٔ `{ $locale }`
check-script-not-persian = ترجمهٔ فارسی هیچ حرف فارسی ندارد: هنوز انگلیسی است یا به زبانی دیگر؟
check-markup = { $kind ->
        [emphasis] تأکید
        [strong] درشت‌نویسی
        [strikethrough] خط‌خوردگی
        [inline-code] کد درون‌خطی
        [footnote-reference] ارجاع پانوشت
        [inline-html] HTML درون‌خطی
        [link] پیوند
       *[image] تصویر
    }: در مبدأ { $source }، در ترجمه { $translation }
check-targets = مقصدها فرق دارند: در مبدأ { $source }، در ترجمه { $translation }
check-numbers = عددها فرق دارند: در مبدأ [{ $source }]، در ترجمه [{ $translation }]
check-whitespace-edges = فاصلهٔ آغاز یا پایان با مبدأ فرق دارد
check-doubled-space = فاصلهٔ دوتایی
check-end-punctuation = مبدأ با { $source ->
        [full-stop] نقطه
        [question-mark] علامت پرسش
        [exclamation-mark] علامت تعجب
        [colon] دونقطه
        [semicolon] نقطه‌ویرگول
        [comma] ویرگول
        [ellipsis] سه‌نقطه
       *[none] بی‌نشانه
    } پایان می‌یابد و ترجمه با { $translation ->
        [full-stop] نقطه
        [question-mark] علامت پرسش
        [exclamation-mark] علامت تعجب
        [colon] دونقطه
        [semicolon] نقطه‌ویرگول
        [comma] ویرگول
        [ellipsis] سه‌نقطه
       *[none] بی‌نشانه
    }
check-brackets = { $pair } ناجفت در ترجمه
check-term = «{ $term }» در انگلیسی هست، اما ترجمهٔ واژه‌نامه‌ای آن { $translations } در ترجمه نیست ({ $at })
check-do-not-translate = «{ $term }» باید همان‌گونه که در انگلیسی نوشته شده بماند ({ $at })
check-forbidden-term = واژه‌نامه { $translations } را برای «{ $term }» ممنوع کرده است ({ $at })
check-inconsistent-translation = همین متن انگلیسی جای دیگری به گونه‌ای دیگر ترجمه شده است: { $at }
check-inconsistent-source = همین ترجمه جای دیگری برای متن انگلیسی دیگری آمده است: { $at }
