//! The translator's and the editor's workflow on a small fixture book:
//! sync, translate in a PO file, sync, status, build.

use crate::support::*;

#[test]
fn a_translation_made_in_a_po_file_reaches_status_and_the_html_edition() {
    let book = fixture("small");
    let root = book.path();
    ok(root, &["sync"]);
    for lang in ["az", "fa", "tr"] {
        for chapter in ["first", "second"] {
            assert!(
                root.join(format!("locales/{lang}/{chapter}.po")).exists(),
                "{lang}/{chapter}.po written"
            );
        }
    }
    let po = root.join("locales/tr/first.po");
    translate(&po, "Hello, world.", "Merhaba, dünya.");
    ok(root, &["sync"]);

    let tr = locale_status(root, "tr");
    assert_eq!(tr["segments"]["translated"], 1);
    assert_eq!(
        tr["words"]["translated"], 2,
        "\"Hello, world.\" is two source words"
    );
    let total = tr["segments"]["total"].as_u64().unwrap();
    assert_eq!(tr["segments"]["untranslated"].as_u64().unwrap(), total - 1);
    let az = locale_status(root, "az");
    assert_eq!(az["segments"]["translated"], 0);

    let out = tercuman(root, &["build"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("built tr: "), "{stderr}");

    let first = std::fs::read_to_string(root.join("dist/html/tr/first.html")).unwrap();
    assert!(
        first.contains("<p>Merhaba, dünya. <span class=\"fallback\" lang=\"en\""),
        "{first}"
    );
    assert!(
        !first.contains(">Hello, world.<"),
        "the translated sentence is not also shown in English"
    );
    // Every other segment of the chapter is English, marked as such.
    let second = std::fs::read_to_string(root.join("dist/html/tr/second.html")).unwrap();
    let tr_fallbacks = count(&first, "class=\"fallback\" lang=\"en\"")
        + count(&second, "class=\"fallback\" lang=\"en\"");
    assert_eq!(
        tr_fallbacks as u64,
        total - 1 + 2 + 4,
        "segments, the two chapter titles in the pager, and both in each page's contents"
    );
    assert!(
        stderr.contains(&format!("({} segments shown in English)", total - 1)),
        "{stderr}"
    );
    // Code and raw HTML blocks come through untouched and unmarked.
    assert!(
        first.contains("<code class=\"language-sh\">echo \"never translated\"\n</code>"),
        "{first}"
    );
    assert!(
        first.contains("<div class=\"raw\">Never offered.</div>"),
        "{first}"
    );
}

#[test]
fn two_syncs_in_a_row_leave_every_file_byte_identical() {
    let book = fixture("small");
    let root = book.path();
    ok(root, &["sync"]);
    translate(
        &root.join("locales/fa/first.po"),
        "Hello, world.",
        "سلام، دنیا.",
    );
    ok(root, &["sync"]);
    let before = snapshot(root);
    let out = tercuman(root, &["sync"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 files written"));
    assert_eq!(
        snapshot(root),
        before,
        "a sync with nothing to do changes nothing, the memory included"
    );
}

#[test]
fn a_repeated_sentence_reuses_the_translation_of_its_twin() {
    let book = fixture("small");
    let root = book.path();
    ok(root, &["sync"]);
    let po = root.join("locales/az/second.po");
    let text = std::fs::read_to_string(&po).unwrap();
    assert_eq!(
        count(&text, "msgid \"Yes.\""),
        2,
        "identical sentences are two entries"
    );
    assert_eq!(
        count(&text, "msgctxt \"second/"),
        9,
        "each segment with its own identity"
    );
    translate(&po, "Yes.", "Bəli.");
    ok(root, &["sync"]);
    let text = std::fs::read_to_string(&po).unwrap();
    assert_eq!(count(&text, "msgstr \"Bəli.\""), 2, "{text}");
}

#[test]
fn editions_of_the_fixture_pass_epubcheck_and_persian_is_right_to_left() {
    let book = fixture("small");
    let root = book.path();
    ok(root, &["sync"]);
    translate(
        &root.join("locales/fa/first.po"),
        "The First Chapter",
        "فصل نخست",
    );
    ok(root, &["build"]);
    let epubs: Vec<_> = std::fs::read_dir(root.join("dist/epub"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(epubs.len(), 4, "{epubs:?}");
    for epub in &epubs {
        if let Some((errors, warnings, text)) = epubcheck(epub) {
            assert_eq!((errors, warnings), (0, 0), "{}:\n{text}", epub.display());
        }
    }
    let fa = epubs
        .iter()
        .find(|p| p.to_string_lossy().ends_with(".fa.epub"))
        .unwrap();
    let files = epub_files(fa);
    let opf = &files["OEBPS/content.opf"];
    assert!(opf.contains("page-progression-direction=\"rtl\""), "{opf}");
    for (name, text) in files.iter().filter(|(n, _)| n.ends_with(".xhtml")) {
        assert!(
            text.contains("lang=\"fa\" xml:lang=\"fa\" dir=\"rtl\""),
            "{name} is not RTL Persian:\n{text}"
        );
    }
    assert!(files["OEBPS/first.xhtml"].contains("<h1 id=\"the-first-chapter\">فصل نخست</h1>"));
    let html = std::fs::read_to_string(root.join("dist/html/fa/first.html")).unwrap();
    assert!(html.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"fa\" xml:lang=\"fa\" dir=\"rtl\">"));
    assert!(
        html.contains("hreflang=\"tr\" href=\"../tr/first.html\""),
        "language switcher links the same page"
    );
}

#[test]
fn hostile_markup_in_a_translation_is_escaped_in_every_edition() {
    let book = fixture("small");
    let root = book.path();
    ok(root, &["sync"]);
    let po = root.join("locales/tr/first.po");
    translate(
        &po,
        "Hello, world.",
        "<script>alert(1)</script> [tıkla](javascript:alert(1))",
    );
    // The checks would keep it out of the edition; publish it anyway to
    // show the renderer itself neutralizes it.
    ok(root, &["build", "--allow-check-errors"]);
    let html = std::fs::read_to_string(root.join("dist/html/tr/first.html")).unwrap();
    assert!(!without_site_script(&html).contains("<script"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(!html.contains("javascript:"), "{html}");
    let epub = root.join("dist/epub/a-small-fixture-book.tr.epub");
    let files = epub_files(&epub);
    assert!(!files["OEBPS/first.xhtml"].contains("<script"));
    if let Some((errors, warnings, text)) = epubcheck(&epub) {
        assert_eq!((errors, warnings), (0, 0), "{text}");
    }
}

#[test]
fn written_po_files_pass_msgfmt_check() {
    let book = fixture("small");
    let root = book.path();
    ok(root, &["sync"]);
    translate(&root.join("locales/fa/second.po"), "Yes.", "بله.");
    ok(root, &["sync"]);
    for lang in ["az", "fa", "tr"] {
        for chapter in ["first", "second"] {
            let po = root.join(format!("locales/{lang}/{chapter}.po"));
            if let Some((passed, stderr)) = msgfmt_check(&po) {
                assert!(passed, "{}: {stderr}", po.display());
            }
        }
    }
}

/// The files of an EPUB, by name, as text (`<binary>` for fonts and images).
pub fn epub_files(epub: &std::path::Path) -> std::collections::BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(epub).unwrap()).unwrap();
    let mut files = std::collections::BTreeMap::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut bytes).unwrap();
        let text = String::from_utf8(bytes).unwrap_or_else(|_| "<binary>".into());
        files.insert(f.name().to_string(), text);
    }
    files
}

#[test]
fn a_po_file_keeps_its_locale_whatever_its_tool_writes_in_the_header() {
    let book = fixture("small");
    let root = book.path();
    ok(root, &["sync"]);
    let po = root.join("locales/fa/first.po");
    let text = std::fs::read_to_string(&po).unwrap();
    std::fs::write(
        &po,
        text.replace("\"Language: fa\\n\"", "\"Language: fa_IR\\n\""),
    )
    .unwrap();
    translate(&po, "Hello, world.", "سلام، دنیا.");
    ok(root, &["sync"]);
    let fa = locale_status(root, "fa");
    assert_eq!(
        fa["segments"]["translated"], 1,
        "imported into fa, not into fa_IR"
    );
    let text = std::fs::read_to_string(&po).unwrap();
    assert!(
        text.contains("\"Language: fa\\n\""),
        "tercuman writes the book's own code back"
    );
}

#[test]
fn a_new_books_repository_stays_clean_after_a_build() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("book");
    ok(
        dir.path(),
        &["init", root.to_str().unwrap(), "--locales", "fa,tr"],
    );
    assert!(
        root.join(".gitignore").is_file(),
        "init writes a .gitignore"
    );
    git(&root, &["init", "-q"]);
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-q", "-m", "A new book"]);
    ok(&root, &["build"]);
    ok(&root, &["build"]);
    assert_eq!(
        git(&root, &["status", "--porcelain"]),
        "",
        "nothing to commit after a build"
    );
    // The shipped book's repository ignores the same.
    let ours = std::fs::read_to_string(repo_root().join(".gitignore")).unwrap();
    for line in [
        "/dist",
        "/tm/memory.sqlite*",
        "/tm/.lock",
        "/tm/.sync-stamp",
        "/tm/.build-stamp-*",
        "*.tercuman-tmp",
    ] {
        assert!(
            ours.lines().any(|l| l.trim_end_matches('/') == line),
            "{line} in .gitignore"
        );
    }
}

/// A translation that reaches the memory by another road than its PO
/// file (here an XLIFF import) fills its twin in another chapter, as the
/// sync of every file would, though only its own chapter changed.
#[test]
fn a_translation_imported_from_xliff_fills_its_twin_in_another_chapter() {
    let book = fixture("small");
    let root = book.path();
    let second = root.join("source/second.md");
    let text = std::fs::read_to_string(&second).unwrap();
    std::fs::write(&second, format!("{text}\nA quoted line.\n")).unwrap();
    ok(root, &["sync"]);
    let xliff = root.join("fa.xlf");
    ok(
        root,
        &[
            "export",
            "--format",
            "xliff",
            "--locale",
            "fa",
            "--out",
            xliff.to_str().unwrap(),
        ],
    );
    let exported = std::fs::read_to_string(&xliff).unwrap();
    let unit = exported.find("<trans-unit id=\"second/").unwrap();
    let unit = unit
        + exported[unit..]
            .find("<source>A quoted line.</source>")
            .unwrap();
    let end = unit + "<source>A quoted line.</source>".len();
    let translated = format!(
        "{}<target state=\"translated\">یک سطر نقل‌شده.</target>{}",
        &exported[..end],
        &exported[end..]
    );
    std::fs::write(&xliff, translated).unwrap();
    ok(root, &["import", xliff.to_str().unwrap()]);
    for chapter in ["first", "second"] {
        let po = std::fs::read_to_string(root.join(format!("locales/fa/{chapter}.po"))).unwrap();
        assert!(
            po.contains("msgid \"A quoted line.\"\nmsgstr \"یک سطر نقل‌شده.\""),
            "{chapter}.po:\n{po}"
        );
    }
}

#[test]
fn a_sync_of_the_po_files_that_changed_leaves_what_a_sync_of_every_file_leaves() {
    let book = fixture("small");
    let narrow = book.path();
    let second = narrow.join("source/second.md");
    let text = std::fs::read_to_string(&second).unwrap();
    std::fs::write(&second, format!("{text}\nA quoted line.\n")).unwrap();
    ok(narrow, &["sync"]);
    let fa_first = |root: &std::path::Path| root.join("locales/fa/first.po");
    translate(&fa_first(narrow), "Hello, world.", "سلام، دنیا.");
    ok(narrow, &["sync"]);
    // The same book twice, stamps and memory included: `full` is made to
    // read every file each time, by touching a chapter it does not change.
    let copy = tempfile::tempdir().unwrap();
    let full = copy.path().join("book");
    let copied = std::process::Command::new("cp")
        .arg("-a")
        .arg(narrow)
        .arg(&full)
        .status()
        .unwrap();
    assert!(copied.success());

    type Edit = fn(&std::path::Path);
    let edits: [(&str, Edit, bool); 7] = [
        (
            "a translation edited",
            |root| {
                translate(
                    &root.join("locales/fa/first.po"),
                    "Hello, world.",
                    "درود، جهان.",
                )
            },
            true,
        ),
        (
            "a new translation",
            |root| {
                translate(
                    &root.join("locales/fa/first.po"),
                    "Two sentences.",
                    "دو جمله.",
                )
            },
            true,
        ),
        (
            "a translation marked fuzzy",
            |root| mark_fuzzy(&root.join("locales/fa/first.po"), "Two sentences."),
            true,
        ),
        (
            "a translation emptied",
            |root| translate(&root.join("locales/fa/first.po"), "Hello, world.", ""),
            true,
        ),
        (
            "two locales and two chapters",
            |root| {
                translate(
                    &root.join("locales/tr/second.po"),
                    "Second Chapter",
                    "İkinci Bölüm",
                );
                translate(
                    &root.join("locales/fa/first.po"),
                    "A second item",
                    "مورد دوم",
                );
            },
            true,
        ),
        // Its twin in the same chapter takes it as an exact match, as the
        // sync of every file gives it.
        (
            "a sentence with a twin in its chapter",
            |root| translate(&root.join("locales/fa/second.po"), "Yes.", "بله."),
            true,
        ),
        // Its twin in another chapter too: only the sync of every file
        // reads that one.
        (
            "a sentence with a twin in another chapter",
            |root| {
                translate(
                    &root.join("locales/fa/first.po"),
                    "A quoted line.",
                    "یک سطر نقل‌شده.",
                )
            },
            false,
        ),
    ];
    for (what, edit, narrowed) in edits {
        edit(narrow);
        edit(&full);
        let chapter = full.join("source/second.md");
        let text = std::fs::read(&chapter).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(10));
        std::fs::write(&chapter, text).unwrap();

        let timed = tercuman_with_env(narrow, &["sync"], &[("TERCUMAN_TIMINGS", "1")]);
        assert!(timed.status.success(), "{what}: {timed:?}");
        let phases = String::from_utf8_lossy(&timed.stderr);
        assert_eq!(
            !phases.contains("read and segment chapters"),
            narrowed,
            "{what}: read only the files that changed? {phases}"
        );
        let full_out = tercuman(&full, &["sync"]);
        let report = |out: &std::process::Output| {
            let printed = String::from_utf8_lossy(&out.stderr).into_owned();
            printed
                .lines()
                .filter(|l| !l.starts_with("timing:"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(report(&timed), report(&full_out), "{what}: the same report");
        assert!(
            snapshot(&narrow.join("locales")) == snapshot(&full.join("locales")),
            "{what}: the same PO files"
        );
        assert_eq!(
            memory_state(narrow),
            memory_state(&full),
            "{what}: the same memory"
        );
        let again = report(&tercuman(narrow, &["sync"]));
        assert!(
            again.contains(" 0 translations imported") && again.contains(" 0 files written"),
            "{what}: nothing left for the next sync: {again}"
        );
    }
}
