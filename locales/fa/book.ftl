# متن‌های پیرامونی ویراست فارسی.
language-name = فارسی
book-title = ایران و آذربایجان: همسایگانی در بی‌اعتمادی
book-subtitle = تحریک‌ها، رزمایش‌ها و دری شکسته در سفارت
book-author = ناشناس
contents = فهرست مطالب
title-page = صفحهٔ عنوان
cover = جلد
colophon = شناسنامه
languages = زبان‌ها
nav-previous = قبلی
nav-next = بعدی
colophon-source = ترجمه از متن اصلی انگلیسی، «{ $title }».
translator-name = پروژهٔ ترجمان (پیش‌نویس نخست با کمک هوش مصنوعی)
translator-credit = ترجمه: پیش‌نویس نخستی که با یک مدل زبانی هوش مصنوعی برای پروژهٔ ترجمان فراهم شده است.
colophon-completeness = { $translated } بخش از { $total } بخش ترجمه شده است ({ $percent }٪).
colophon-fallback = { $count ->
    [0] همهٔ بخش‌های این ویراست ترجمه شده است.
   *[other] { $count } بخشِ هنوز ترجمه‌نشده به انگلیسی و با نشانه نمایش داده می‌شود.
}
colophon-reviewed = { $reviewed ->
    [0] هنوز هیچ بخشی از این ترجمه به تأیید بازبین نرسیده است.
   *[other] { $reviewed } بخش به تأیید بازبین رسیده است ({ $percent }٪ از این ویراست).
}
colophon-built = تاریخ ساخت: { $date }.
colophon-generator = ساخته‌شده با ترجمان از یک حافظهٔ ترجمه.
colophon-font = این کتاب با قلم { $family } حروف‌چینی شده است؛ قلم با پروانه‌اش در کتاب آمده است.
font-license = پروانهٔ قلم
accessibility-summary = کتابی فقط متنی با فهرست مطالب پیمایش‌پذیر و سرفصل‌هایی به ترتیب خواندن؛ بدون هیچ خطری.
landmarks = بخش‌های اصلی
task-done = انجام شده
task-open = انجام نشده
skip-to-content = رفتن به متن
theme-dark = پوستهٔ تیره
search = جست‌وجو در این کتاب
search-placeholder = جست‌وجو…
search-loading = در حال جست‌وجو…
search-no-results = چیزی پیدا نشد.
search-results = یافته‌ها:
print-book = همهٔ کتاب در یک صفحه
chapters = فصل‌ها
fallback-notice = { $count ->
    [one] یک بخش از این فصل هنوز ترجمه نشده است؛ به زبان اصلی نشان داده می‌شود و این‌گونه علامت می‌خورد:
   *[other] { $count } بخش از این فصل هنوز ترجمه نشده است؛ به زبان اصلی نشان داده می‌شوند و این‌گونه علامت می‌خورند:
}
fallback-sample = متن اصلی
edition-original = نسخهٔ اصلی
edition-translated = { $percent }٪ ترجمه شده
