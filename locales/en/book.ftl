# Edition chrome for the English source edition, and the fallback for every
# message a locale does not define.
language-name = English
book-title = Iran and Azerbaijan: Neighbors in Distrust
book-subtitle = Provocations, drills and a broken embassy door
book-author = Anonymous
contents = Contents
title-page = Title page
cover = Cover
colophon = Colophon
languages = Languages
nav-previous = Previous
nav-next = Next
colophon-original = This is the original English edition.
colophon-source = Translated from the English original, “{ $title }”.
translator-name = The tercuman project (AI-assisted first draft)
translator-credit = Translation: a first draft made with an AI language model for the tercuman project.
colophon-completeness = { $translated } of { $total } segments are translated ({ $percent }%).
colophon-fallback = { $count ->
    [0] Every segment of this edition is translated.
    [one] One segment not yet translated is shown in English, marked.
   *[other] { $count } segments not yet translated are shown in English, marked.
}
colophon-reviewed = { $reviewed ->
    [0] No segment of this translation has been approved by a reviewer yet.
    [one] One segment has been approved by a reviewer ({ $percent }% of the edition).
   *[other] { $reviewed } segments have been approved by a reviewer ({ $percent }% of the edition).
}
colophon-built = Built on { $date }.
colophon-generator = Made with tercuman from a translation memory.
colophon-font = Set in { $family }, a font embedded under its licence, which the book includes.
font-license = Font licence
accessibility-summary = A text-only book with a navigable table of contents and headings in reading order; no hazards.
landmarks = Landmarks
task-done = done
task-open = not done
skip-to-content = Skip to content
theme-dark = Dark theme
search = Search this book
search-placeholder = Search…
search-loading = Searching…
search-no-results = Nothing found.
search-results = Found:
print-book = The whole book on one page
chapters = Chapters
fallback-notice = { $count ->
    [one] One passage of this chapter is not translated yet; it is shown in the original language and marked like this:
   *[other] { $count } passages of this chapter are not translated yet; they are shown in the original language and marked like this:
}
fallback-sample = original text
edition-original = The original edition
edition-translated = { $percent }% translated
