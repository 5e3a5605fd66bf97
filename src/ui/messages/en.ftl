# tercuman's own messages, in English (the fallback for every other language).
# Placeables: file names, segment ids, locale codes and numbers.

severity-error = error
severity-warning = warning
severity-hint = hint
caused-by = caused by

## Errors that wrap the library's
error-load-book = failed to load the book in `{ $dir }`
error-io = failed to access `{ $path }`: { $reason }
error-utf8 = { $path }: not valid UTF-8 (first bad byte on line { $line })
error-memory = translation memory `{ $path }`: { $message }
error-not-a-locale = `{ $code }` is not one of the book's locales
error-xliff-needs-locale = XLIFF holds one locale: give `--locale` (one of { $locales })
error-write = failed to write `{ $path }`
error-source-date-epoch = SOURCE_DATE_EPOCH is not a number of seconds: `{ $value }`
error-init-not-empty = `{ $dir }` already holds a book (`source/book.toml`); choose another directory
error-status-below-minimum = { $locale } is { $percent }% translated, below the minimum of { $min }%
error-status-below-reviewed = { $locale } is { $percent }% reviewed, below the minimum of { $min }%
error-no-segment = no segment `{ $segment }` in the memory (ids are the msgctxt of PO entries)

## sync
sync-report = sync: { $new } new and { $retired } retired { $retired ->
        [one] segment
       *[other] segments
    }, { $imported ->
        [one] { $imported } translation imported
       *[other] { $imported } translations imported
    }, { $exact ->
        [one] { $exact } exact match reused
       *[other] { $exact } exact matches reused
    }, { $fuzzy ->
        [one] { $fuzzy } fuzzy suggestion
       *[other] { $fuzzy } fuzzy suggestions
    }, { $written ->
        [one] { $written } file written
       *[other] { $written } files written
    }
sync-locale-imported =   { $locale }: { $count ->
        [one] { $count } translation imported
       *[other] { $count } translations imported
    }
sync-conflict = { $file }:{ $line }: `{ $segment }` was changed in this file and in the memory since the file was written
sync-conflict-hint = the memory's version is kept, marked fuzzy; yours is in `tercuman tm log { $segment }`
sync-merge-conflict = { $file }:{ $line }: `{ $segment }` was translated differently in two clones since merged: { $texts }
sync-merge-conflict-hint = the newest text is kept, marked fuzzy; every side's text is in `tercuman tm log { $segment }`
sync-segmentation-changed = the segmentation changed: { $old } → { $new }
sync-segmentation-changed-hint = segments it split or joined got their old translation as an exact match where the English is the same, otherwise as a split or merge suggestion (fuzzy, with the old English shown); review them with `tercuman status --by-chapter`
sync-bom = { $file }: the byte-order mark (U+FEFF) at its start was read past and is dropped from the rewritten file
sync-cleared = { $file }:{ $line }: the translation of `{ $segment }` was cleared; the old one is in `tercuman tm log { $segment }`
sync-obsolete-edit = { $file }:{ $line }: `{ $segment }` is obsolete (its English left the source), so it is read-only: your edit is kept in `tercuman tm log { $segment }`, not applied
sync-po-verdict = { $file }:{ $line }: `{ $segment }` { $verdict } (the reviewer's marker in the file)
sync-marker-no-reviewer = { $file }:{ $line }: a review marker on `{ $segment }`, but the file's Last-Translator names no one: set it (Poedit: Settings, Identity) or use `tercuman review`; the marker stays
sync-marker-nothing = { $file }:{ $line }: a review marker on `{ $segment }`, which has no translation to review; the marker stays
sync-marker-conflict = { $file }:{ $line }: a review marker on `{ $segment }`, whose edit conflicts with the memory; settle it first, the marker stays
sync-marker-no-reason = { $file }:{ $line }: `# rejected` on `{ $segment }` needs its reason (`# rejected: why`); the marker stays
sync-marker-fuzzy = { $file }:{ $line }: `# reviewed` on `{ $segment }`, which is fuzzy: only a translated entry can be approved; the marker stays
sync-kept = { $file } was saved while the sync ran: it is left as it was saved, not rewritten
sync-kept-hint = run `tercuman sync` again to import it
sync-orphan = { $file } belongs to no chapter: { $imported } translations taken from it, { $unmatched } entries match no segment
sync-orphan-hint = tercuman reads such files but never rewrites them; once their work is in the chapter files, delete them
progress-sync = syncing the memory and the segment files…
progress-build = building the editions…
progress-import = importing…

## serve
serve-serving = serving { $url } (Ctrl-C to stop)
serve-rebuilt = rebuilt in { $ms } ms
serve-chapters-first = the chapters that changed are served again after { $ms } ms
serve-stopped = stopped
serve-wide = serving on { $address }: anyone who can reach this machine on that address can read the book and its unpublished translations
serve-no-browser = cannot open a browser; open { $url } yourself
serve-running = `tercuman serve` is already serving this book{ $at }
serve-running-hint = use that one, or stop it (Ctrl-C) first
serve-cannot-listen = cannot listen on { $address }
serve-cannot-listen-hint = another program may use the port; choose another with `--port N` (0: any free port)
serve-cannot-watch = cannot watch `{ $path }`
serve-cannot-catch-interrupt = cannot catch Ctrl-C, so serve could not stop cleanly
init-mdbook-source = the mdBook is written in { $lang }: it is the book's source language, not one of its locales

## build
build-up-to-date = editions in { $dir } are up to date: nothing changed since they were built
build-built = built { $locale }: { $outputs }
build-built-fallbacks = built { $locale }: { $outputs } ({ $count ->
        [one] { $count } segment
       *[other] { $count } segments
    } shown in { $source })
build-failed-checks = { $count ->
        [one] { $count } { $locale } translation fails a check and is
       *[other] { $count } { $locale } translations fail a check and are
    } shown in { $source }: { $segments }
build-failed-checks-hint = run `tercuman check --locale { $locale }`, or build with --allow-check-errors
build-unreviewed = { $count ->
        [one] { $count } { $locale } translation no reviewer has approved is
       *[other] { $count } { $locale } translations no reviewer has approved are
    } shown in { $source }, marked: book.toml publishes only reviewed ones (`publish = "reviewed"`)
build-script-removed = { $file }:{ $line }: raw HTML here runs a script (`<script>`, an `on…=` attribute or a `javascript:` URL); the editions leave that out
build-script-removed-hint = EPUB readers run no scripts and the HTML edition runs none either; the rest of the HTML is published as written
build-remote-image = { $file }:{ $line }: the image `{ $url }` is on the web; an EPUB must carry its own images, so the EPUB links to it instead (the HTML site shows it)
build-remote-image-hint = save the image under source/ (e.g. source/images/) and point the chapter at that file
build-status-page = status page: { $path }

## check
check-summary = { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }

## tm, export, import
tm-search-none = no segment scores { $min }% or more
progress-concordance = searching the memory…
concordance-none = no segment holds “{ $text }”
concordance-more = { $shown } of { $total ->
        [one] { $total } segment
       *[other] { $total } segments
    } shown; use --limit for more
concordance-retired = (left the source)
tm-no-longer-in-source = , no longer in the source
wrote-file = wrote { $path }
tmx-import-report = import: { $filled ->
        [one] { $filled } segment translated
       *[other] { $filled } segments translated
    }, { $history ->
        [one] { $history } differing translation
       *[other] { $history } differing translations
    } kept in the history, { $stored ->
        [one] { $stored } unit
       *[other] { $stored } units
    } stored for matching, { $skipped ->
        [one] { $skipped } unit
       *[other] { $skipped } units
    } skipped
tmx-import-hint = run `tercuman sync` to update the segment files
xliff-import-report = import: { $locale }: { $updated ->
        [one] { $updated } translation updated
       *[other] { $updated } translations updated
    }, { $unchanged } unchanged, { $conflicts ->
        [one] { $conflicts } conflict
       *[other] { $conflicts } conflicts
    }, { $stale } made for older English, { $empty } without a target
xliff-import-conflict = { $file }:{ $line }: `{ $segment }` was changed in the memory since this file was exported
xliff-import-conflict-hint = the memory's version is kept; the file's is in `tercuman tm log { $segment }`
paragraph-import-report = import: { $file } ({ $origin }) into { $locale }: { $translated } translated, { $fuzzy } fuzzy for a reviewer to check, { $untranslated } left untranslated, { $kept } already translated and kept
paragraph-import-unmatched = { $count ->
        [one] { $count } paragraph of the book found no entry in the catalog
       *[other] { $count } paragraphs of the book found no entry in the catalog
    }, first { $first }
paragraph-import-unused = { $count ->
        [one] { $count } translated entry matched no paragraph of the book
       *[other] { $count } translated entries matched no paragraph of the book
    }
error-import-po-locale = { $file } does not name its language in its header; say which locale it is with --locale
omegat-custom-tags = OmegaT protects the Markdown as tags with the custom tags in { $config }: start OmegaT with `--config-dir={ $config }`, or paste the line of { $file } into { $menu }
error-omegat-no-target = { $dir } holds no translated file; in OmegaT, run "{ $menu }" first
xliff-import-reviewed =   { $count ->
        [one] { $count } target the file marks approved is
       *[other] { $count } targets the file marks approved are
    } now reviewed (by the name given with --by, or git's user.name)
tm-rebuild-moved = moved the old memory to { $path }

## init
init-created = created a book in { $dir }: source/book.toml, source/{ $chapter }, and Fluent files for { $locales }
init-next = next: write in source/, translate in locales/<lang>/*.po, then run `tercuman --project { $dir } build`
git-setup-nothing = this clone is already set up for merges
git-setup-changed = set up: { $what }
git-setup-commit-hint = commit `.gitattributes`, so that every clone merges the journal the same way
git-not-set-up = this clone is not set up for merges ({ $missing }): PO files edited in two clones will stop a merge with conflict markers
git-not-set-up-hint = run `tercuman git-setup` once in this clone
git-merge-po-by-lines = { $file }: not one entry per paragraph, so merged line by line

review-no-reviewer = name the reviewer with `--by NAME` (or set git's `user.name` in this book)
review-approved = review: { $count ->
        [one] { $count } { $locale } translation
       *[other] { $count } { $locale } translations
    } approved by { $by }
review-rejected = review: { $count ->
        [one] { $count } { $locale } translation
       *[other] { $count } { $locale } translations
    } rejected by { $by }, now fuzzy with the note
review-unchanged =   { $count } already had this verdict on the same text
review-skipped-fuzzy =   { $count } fuzzy ones left alone: a translator must confirm them first
review-skipped-untranslated =   { $count } untranslated ones left alone
review-files-written =   { $count ->
        [one] { $count } PO file
       *[other] { $count } PO files
    } rewritten with the verdicts

## glossary
glossary-exported = wrote { $count ->
        [one] { $count } glossary entry
       *[other] { $count } glossary entries
    } as TBX-Basic to { $path }
glossary-imported = glossary: { $added ->
        [one] { $added } entry
       *[other] { $added } entries
    } added to { $path }, { $known } it already had left as they are, { $skipped } without a term in the source language or a book locale skipped
glossary-import-missing-columns = { $count } translations are in locales the glossary's header has no column for, and were not added; add the column to the header and import again

## status table
status-locale = locale
status-done = done
status-translated = translated seg/words
status-reviewed = reviewed seg/words
status-fuzzy = fuzzy seg/words
status-untranslated = untranslated seg/words
status-total = total: { $segments ->
        [one] { $segments } segment
       *[other] { $segments } segments
    }, { $words ->
        [one] { $words } source word
       *[other] { $words } source words
    } per locale

## Numbers and the memory's history (`tm log`, `tm search`, `tm concordance`)
percent = { $value }%
revision-status = { $status ->
    [translated] translated
    [fuzzy] fuzzy
   *[untranslated] untranslated
}
log-empty = (empty)
log-matched = ({ $score }% from { $from })
log-from = (from { $from })
band-context = context

## `--help`
help-examples = Examples:
help-example-init = start a book
help-example-sync = after editing source/ or a PO file
help-example-status = how complete each locale is
help-example-build = EPUB 3 and HTML for every language
help-languages = Messages follow LC_ALL, LC_MESSAGES or LANG (English, Azerbaijani, Persian, Turkish).
