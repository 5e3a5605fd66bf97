## Messages of the library's errors (`tercuman::error::Message`): each
## `<id>-hint` is the hint said under its message.

plain = { $text }
catalog-this-catalog-has-msgctxt = this catalog has msgctxt: it is a tercuman PO file, not one made by mdbook-xgettext or po4a
catalog-this-catalog-has-msgctxt-hint = copy it over the chapter's file in locales/<lang>/ and run `tercuman sync`
config-chapter-ascii = `{ $name }` must have an ASCII file name (letters, digits, `-`, `_`)
config-chapter-path = `{ $name }` must be a relative `.md` path inside `source/`
config-chapter-same-page = `{ $name }` and `{ $other }` would both be published as `{ $page }`
config-chapter-same-page-hint = rename one of them
config-chapter-twice = `{ $name }` is listed twice
config-font-license = `{ $file }` must be a relative path inside `source/`
config-font-no-files = `files` names no font file
config-font-path = `{ $file }` must be a relative `.ttf` or `.otf` path inside `source/`
config-fuzzy-threshold = { $value } must be between 50 and 100
config-locale-twice = `{ $code }` is listed twice or is the source language
config-locale-unknown = `{ $code }` is not one of the book's locales
config-no-chapters = the book has no chapters
config-not-a-percentage = { $value } is not a percentage (0 to 100)
edition-out-is-a-file = `{ $path }` is a file, but the editions need a folder there
edition-out-is-a-file-hint = move the file away, or build elsewhere with `--out DIR`
edition-refuses-untranslated = the { $lang } edition has { $count } segments without a published translation, and book.toml sets `untranslated = "refuse"` for it
edition-refuses-untranslated-hint = run `tercuman status --by-chapter` and `tercuman check --locale { $lang }`
epub-build = building `{ $path }`: { $reason }
fluent-syntax = Fluent syntax error: { $reason }
font-cannot-join = `{ $file }` cannot join Arabic-script letters (no `init`, `medi` and `fina` substitutions for the `arab` script): choose a font made for the script
font-cannot-read = cannot read `source/{ $file }`: { $reason }
font-license-empty = `{ $file }` is empty
font-license-not-utf8 = `{ $file }` is not UTF-8 text
font-missing-letters = `{ $file }` has no glyph for { $count ->
    [one] a letter
   *[other] letters
    } of the { $lang } alphabet: { $letters }
font-no-family = `{ $file }` names no font family
font-not-a-font = `{ $file }` is not a TrueType or OpenType font ({ $reason })
font-other-family = `{ $file }` is of the family `{ $family }`, not `{ $first }`: list one family's files
font-same-name = two files would be published as `fonts/{ $name }`: rename one
font-same-weight = `{ $file }` and `{ $other }` are both weight { $weight }{ $italic ->
    [yes] {" "}italic
   *[no] {""}
    }: list one file per weight and style
git-config-failed = `git config { $key }` failed in { $path }
git-not-a-work-tree = { $path } is not in a git work tree
git-not-a-work-tree-hint = run `git init` first, or clone the book with git
glossary-column-twice = column `{ $name }` is named twice
glossary-no-kind-column = { $count } of the entries to add are forbidden or do-not-translate, and the header has no `kind` column to say so
glossary-no-kind-column-hint = add a `kind` column to the header
glossary-no-source-column = the header has no `{ $source }` column (the source language): it names the columns, e.g. `{ $example }`
glossary-not-utf8 = the glossary is not UTF-8
glossary-term-without-source = a term without its source-language form
glossary-too-many-cells = { $cells } cells, but the header names { $columns } columns
glossary-unknown-column = column `{ $name }` is neither the source language (`{ $source }`), a locale of the book ({ $locales }), `kind` nor `note`
glossary-unknown-kind = kind `{ $kind }`: use `preferred`, `forbidden` or `do-not-translate`
image-kind = image `{ $url }`: EPUB readers show PNG, JPEG, GIF, SVG and WebP images, not this kind
image-not-found = image `{ $url }` not found (looked for { $path })
image-outside-source = image `{ $url }` is outside source/
image-outside-source-hint = keep a book's images under source/ (e.g. source/images/)
index-rows-failed = working out the index's rows failed
init-book-exists = `{ $path }` already exists; refusing to overwrite a book
journal-escape = bad escape `{ $escape }`
journal-fields = expected { $expected } tab-separated fields, found { $found }
journal-hash = the line does not match its id { $hash } (edited by hand?)
journal-line-number = bad line number `{ $number }`
journal-misplaced = segment `{ $id }` belongs in chapter `{ $right }`'s file, not `{ $chapter }`'s
journal-previous = previous English must start with `=`
journal-restore-hint = journal files are written by tercuman; restore this one from version control (`git checkout -- { $journal }`)
journal-revision-of-no-segment = tm/revisions/{ $locale }/{ $chapter }.tsv: a revision of segment `{ $id }`, which no line of tm/source/ names
journal-revision-of-no-segment-hint = restore the segment's line from git (`git log -p tm/source/`), or remove the revision's line
journal-role = unknown role `{ $role }` (expected c or h)
journal-score = bad score `{ $score }`
journal-status = unknown status `{ $status }`
locale-invalid = `{ $code }` is not a valid language tag
locale-not-canonical = `{ $code }` is not in canonical form; write `{ $canonical }`
lock-waiting = waiting for another tercuman working on this book to finish…
mdbook-draft = draft chapter `{ $title }` has no file: skipped
mdbook-hidden-lines = hidden lines of Rust code blocks (`# `) are shown in tercuman's editions
mdbook-nested = nested chapters (from `{ $title }` on) become chapters of their own, in the same order
mdbook-outside = chapter `{ $path }` is outside the book's folder: skipped
mdbook-part-title = part title `{ $title }` is not kept: tercuman's books have no parts; its chapters follow in order
mdbook-preprocessor-link = mdBook's `{ $link }` is not supported: the editions show it as written
mdbook-renamed = copied as `source/{ $name }`: its page needs a name of its own in ASCII letters, digits, `-` and `_`; links to it need the new name
mdbook-separator = separator not kept
memory-busy-hint = another program (another tercuman, a database browser) still holds it after 30 s; close it and run again
memory-cannot-open-hint = check that `tm/` exists and that tercuman may write in it
memory-corrupt-hint = the file is corrupt or not a tercuman memory; run `tercuman tm rebuild` to rebuild it from the journal (`tm/revisions/`, `tm/source/`) and the PO files, which loses nothing
memory-disk-full-hint = the disk is full; free some space and run again; nothing was changed
memory-not-ours = not a tercuman memory (it has tables but no schema version)
memory-read-only-hint = tercuman may not write it; check the permissions of the file and of `tm/` (and that the disk is not mounted read-only); nothing was changed
memory-schema-newer = schema version { $version } is newer than this tercuman understands ({ $latest })
memory-schema-newer-hint = upgrade tercuman
memory-waiting = waiting for another program that has the translation memory (tm/memory.sqlite) open to release it…
po-charset = the header declares `charset={ $charset }`; tercuman reads PO files in UTF-8
po-charset-hint = convert it with gettext's `msgconv --to-code=UTF-8 { $path } -o { $path }`
po-duplicate-entry = duplicate entry for msgctxt { $msgctxt } and msgid { $msgid }
po-entry-has-msgid-but = entry has a msgid but no msgstr
po-expected-quoted-string = expected a quoted string
po-file-larger-than-256 = file is larger than 256 MiB; refusing to read it
po-header-entry-msgid = no header entry (msgid "")
po-invalid-escape = invalid escape `{ $escape }`
po-msgctxt-after-msgid = msgctxt after msgid
po-msgstr-without-msgid-before = msgstr without a msgid before it
po-other-language = the header says `Language: { $declared }`, but the file is in `locales/{ $locale }/`
po-other-language-hint = move it to `locales/{ $primary }/`, or correct its `Language:` line if it really is `{ $locale }`
po-plural-entries-msgid-plural = plural entries (msgid_plural) are not used in segment files
po-plural-entries-msgstr-n = plural entries (msgstr[N]) are not used in segment files
po-second-header-entry-empty = a second header entry (empty msgid)
po-string-continuation-with-keyword = a string continuation with no keyword before it
po-text-after-quote = text after the closing quote: `{ $text }`
po-two-msgid-lines-one = two msgid lines in one entry
po-two-msgstr-lines-one = two msgstr lines in one entry
po-unexpected = unexpected `{ $text }`
po-unexpected-bom = unexpected `{ $text }` (U+FEFF is a byte-order mark, here in the middle of the file, perhaps where two files were joined)
po-unexpected-bom-hint = delete that invisible character, or save the file again as UTF-8 without BOM
po-unexpected-invisible = unexpected `{ $text }`
po-unexpected-invisible-hint = delete the invisible character shown as <U+…>
po-unterminated-string = unterminated string
po-utf16 = the file is UTF-16; tercuman reads PO files in UTF-8
po-utf16-hint = convert it with `iconv -f UTF-16 -t UTF-8 { $path } > { $path }.utf8` and move that over it, or save it as UTF-8 in your editor
review-no-chapter = the book has no chapter `{ $chapter }`
review-no-chapter-hint = chapters are named by their file name without `.md`, as in `tercuman status --by-chapter`
review-no-segment = the book has no segment `{ $id }`
review-no-segment-hint = segment ids are the PO entries' `msgctxt`, and the proof pages show them
sync-entry-has-msgctxt-so = entry has no msgctxt, so it belongs to no segment
sync-msgid-edited = msgid of `{ $id }` differs from its English source; edit only msgstr
sync-stopped-before-commit = the sync stopped before its commit
sync-symlink-out = `{ $path }` points outside the project; refusing to read it
sync-unknown-segment = unknown segment id `{ $id }` (msgctxt)
sync-unpublishable-character = { $character }, { $control ->
    [yes] a control character
   *[no] a noncharacter
    } XML does not allow: EPUB, XLIFF and TMX cannot carry it
sync-unpublishable-character-hint = delete it (it is invisible in most editors)
tbx-not-tbx-document-martif = not a TBX document (no <martif> or <tbx> element)
tmx-not-tmx-document-tmx = not a TMX document (no <tmx> element)
tmx-seg-outside-tuv = <seg> outside a <tuv>
tmx-tuv-without-lang = <tuv> without xml:lang
xliff-approvals-without-reviewer = { $count } approved targets, and no reviewer is known to record them for
xliff-approvals-without-reviewer-hint = name the reviewer with `--by NAME` (or set git's `user.name`)
xliff-bad-cp = bad <cp hex="{ $hex }">
xliff-code-not-in-source = inline code `{ $id }` is not in the source
xliff-code-without-id = an inline code without an id
xliff-not-xliff-document-xliff = not an XLIFF document (no <xliff> element)
xliff-source-language = source language `{ $found }` is not the book's (`{ $book }`)
xliff-target-language = target language `{ $found }` is not one of the book's locales
xliff-unit-without-id = a unit without an id
xliff-unknown-segment = unknown segment id `{ $id }` (not in this book's memory)
xliff-version = XLIFF version `{ $version }` is not supported (1.1, 1.2 and 2.x are)
xml-bad-attribute = bad attribute: { $reason }
xml-bad-attribute-value = bad attribute value: { $reason }
xml-bad-text = bad text: { $reason }
xml-doctype-with-declarations-entities = a DOCTYPE with declarations (entities) is not accepted
xml-file-larger-than-512 = file is larger than 512 MiB
xml-forbidden-character = { $character }, { $control ->
    [yes] a control character
   *[no] a noncharacter
    } XML does not allow
xml-forbidden-reference = a character reference to { $character }, { $control ->
    [yes] a control character
   *[no] a noncharacter
    } XML does not allow
xml-not-well-formed = not well-formed XML: { $reason }
