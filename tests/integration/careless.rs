//! Careless users: files renamed, copied into the wrong place, emptied;
//! whatever they do, no translation is lost without a word.

use std::path::Path;

use crate::support::*;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// Runs tercuman, asserts it succeeded, and returns what it said on stderr.
fn succeeds(root: &Path, args: &[&str]) -> String {
    let out = tercuman(root, args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{args:?}: {stderr}");
    stderr
}

/// Runs tercuman, asserts it stopped with an error (exit 2), and returns its stderr.
fn refused(root: &Path, args: &[&str]) -> String {
    let out = tercuman(root, args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    stderr
}

fn synced_small_book() -> tempfile::TempDir {
    let book = fixture("small");
    ok(book.path(), &["sync"]);
    book
}

#[test]
fn edits_in_a_po_file_a_translator_renamed_are_imported_and_the_file_is_named() {
    let book = synced_small_book();
    let root = book.path();
    let renamed = root.join("locales/fa/intro.po");
    std::fs::rename(root.join("locales/fa/first.po"), &renamed).unwrap();
    translate(
        &renamed,
        "A quoted line.",
        "[fa] Typed in the renamed file.",
    );
    let stderr = succeeds(root, &["sync"]);
    assert!(
        stderr.contains("locales/fa/intro.po belongs to no chapter: 1 translations taken from it"),
        "{stderr}"
    );
    let chapter_file = read(&root.join("locales/fa/first.po"));
    assert!(
        chapter_file.contains("[fa] Typed in the renamed file."),
        "{chapter_file}"
    );
    // tercuman never rewrites a file it does not own.
    assert!(read(&renamed).contains("[fa] Typed in the renamed file."));
}

#[test]
fn a_stale_copy_of_a_po_file_never_undoes_newer_work() {
    let book = synced_small_book();
    let root = book.path();
    let po = root.join("locales/tr/first.po");
    translate(&po, "A quoted line.", "[tr] First draft.");
    ok(root, &["sync"]);
    std::fs::copy(&po, root.join("locales/tr/first-backup.po")).unwrap();
    translate(&po, "A quoted line.", "[tr] Second draft.");
    for run in 0..2 {
        let stderr = succeeds(root, &["sync"]);
        assert!(
            run > 0 // the second run has nothing to do
                || stderr
                    .contains("locales/tr/first-backup.po belongs to no chapter: 0 translations"),
            "{stderr}"
        );
        let text = read(&po);
        assert!(text.contains("[tr] Second draft."), "{text}");
    }
}

#[test]
fn a_po_file_in_another_languages_directory_is_refused() {
    let book = synced_small_book();
    let root = book.path();
    translate(
        &root.join("locales/fa/first.po"),
        "A quoted line.",
        "[fa] سطر",
    );
    let memory = std::fs::read(root.join("tm/memory.sqlite")).unwrap();
    let az = root.join("locales/az/first.po");
    let az_before = read(&az);
    std::fs::copy(root.join("locales/fa/first.po"), &az).unwrap();
    let stderr = refused(root, &["sync"]);
    assert!(
        stderr.contains("locales/az/first.po:") && stderr.contains("`Language: fa`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: move it to `locales/fa/`"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(root.join("tm/memory.sqlite")).unwrap(),
        memory
    );
    assert_ne!(
        read(&az),
        az_before,
        "the copied file is left for the user to move"
    );
    let stderr = refused(root, &["check", "--locale", "az"]);
    assert!(stderr.contains("`Language: fa`"), "{stderr}");
    // Put back, the book syncs again.
    std::fs::write(&az, az_before).unwrap();
    ok(root, &["sync"]);
}

/// `tercuman status | head -1` and the like: the reader goes away, and the
/// run ends quietly with exit 0 instead of panicking.
#[test]
fn output_to_a_closed_pipe_ends_quietly() {
    let book = shipped_book();
    let root = book.path();
    let po = root.join("locales/fa/introduction.po");
    let id = segment_id(&po, "Introduction");
    let commands: &[&[&str]] = &[
        &["tm", "log", &id],
        &["status", "--json"],
        &["status", "--by-chapter"],
        &["check", "--json"],
        &["man"],
    ];
    for args in commands {
        let mut child = command(root, args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take()); // the reader is gone before the first write
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    }
}

/// An author's book written as authors write: front matter, pasted HTML
/// with a script, and chapters that happen to be called `index`, `cover`
/// and `colophon`. Every edition builds, passes epubcheck, runs no script,
/// and keeps its own contents page.
#[test]
fn the_authors_own_source_cannot_break_an_edition() {
    let book = tempfile::tempdir().unwrap();
    let root = book.path();
    std::fs::create_dir_all(root.join("source")).unwrap();
    std::fs::write(
        root.join("source/book.toml"),
        r#"[book]
title = "Reserved Names"
author = "An Author"
identifier = "urn:uuid:00000000-0000-4000-8000-000000000022"
source-language = "en"
locales = ["az", "fa", "tr"]
chapters = ["index.md", "cover.md", "colophon.md"]
"#,
    )
    .unwrap();
    std::fs::write(
        root.join("source/index.md"),
        "---\ntitle: Front matter title\ntags: [a, b]\n---\n\n# The Index Chapter\n\nA sentence with <b onclick=\"alert(1)\">bold</b> HTML.\n\n<script>\nalert(1)\n</script>\n\n<div class=\"box\" onmouseover=\"x()\">Boxed.</div>\n\nSee [the cover chapter](cover.md#the-cover-chapter).\n",
    )
    .unwrap();
    std::fs::write(
        root.join("source/cover.md"),
        "# The Cover Chapter\n\nBack to [the index chapter](index.md).\n",
    )
    .unwrap();
    std::fs::write(
        root.join("source/colophon.md"),
        "# The Colophon Chapter\n\nLast words.\n",
    )
    .unwrap();
    let stderr = succeeds(root, &["build"]);
    for line in [8, 10, 14] {
        assert!(
            stderr.contains(&format!(
                "source/index.md:{line}: raw HTML here runs a script"
            )),
            "line {line}: {stderr}"
        );
    }
    // Front matter is neither a segment nor the title.
    let po = read(&root.join("locales/fa/index.po"));
    assert!(
        !po.contains("Front matter") && !po.contains("tags:"),
        "{po}"
    );
    for lang in ["en", "az", "fa", "tr"] {
        let epub = root.join(format!("dist/epub/reserved-names.{lang}.epub"));
        if let Some((errors, warnings, report)) = epubcheck(&epub) {
            assert_eq!((errors, warnings), (0, 0), "{lang}: {report}");
        }
        for (name, text) in crate::workflow::epub_files(&epub) {
            let lower = text.to_lowercase();
            assert!(
                !lower.contains("<script")
                    && !lower.contains("onclick")
                    && !lower.contains("onmouseover"),
                "{lang} {name}: {text}"
            );
        }
        let dir = root.join(format!("dist/html/{lang}"));
        let index = read(&dir.join("index.html"));
        assert!(
            index.contains("class=\"toc\""),
            "{lang}: the contents page was overwritten"
        );
        assert!(index.contains("href=\"index-chapter.html\""), "{index}");
        let chapter = read(&dir.join("index-chapter.html"));
        assert!(
            chapter.contains("<b>bold</b>") && chapter.contains("Boxed."),
            "{chapter}"
        );
        assert!(
            !without_site_script(&chapter)
                .to_lowercase()
                .contains("<script"),
            "{chapter}"
        );
        assert!(
            chapter.contains("href=\"cover-chapter.html#the-cover-chapter\""),
            "{chapter}"
        );
        assert!(chapter.contains("<title>The Index Chapter"), "{chapter}");
        let cover = read(&dir.join("cover-chapter.html"));
        assert!(cover.contains("href=\"index-chapter.html\""), "{cover}");
        assert!(dir.join("colophon-chapter.html").exists());
    }
}

#[test]
fn emptying_a_translation_is_reported_by_name_and_kept_in_the_history() {
    let book = synced_small_book();
    let root = book.path();
    let po = root.join("locales/az/first.po");
    translate(&po, "A quoted line.", "[az] Sitat.");
    ok(root, &["sync"]);
    translate(&po, "A quoted line.", "");
    let stderr = succeeds(root, &["sync"]);
    let id = segment_id(&po, "A quoted line.");
    let line = msgstr_line(&po, "A quoted line.");
    assert!(
        stderr.contains(&format!(
            "locales/az/first.po:{line}: the translation of `{id}` was cleared"
        )),
        "{stderr}"
    );
    let log = ok(root, &["tm", "log", &id, "--locale", "az"]);
    assert!(log.contains("[az] Sitat."), "{log}");
}

#[test]
fn an_edit_to_an_obsolete_entry_is_reported_kept_in_the_history_and_reverted() {
    let book = synced_small_book();
    let root = book.path();
    let po = root.join("locales/tr/first.po");
    translate(&po, "A quoted line.", "[tr] Alıntı.");
    ok(root, &["sync"]);
    let id = segment_id(&po, "A quoted line.");
    let source = root.join("source/first.md");
    std::fs::write(&source, read(&source).replace("A quoted line. ", "")).unwrap();
    ok(root, &["sync"]);
    let text = read(&po);
    assert!(text.contains("#~ msgstr \"[tr] Alıntı.\""), "{text}");
    std::fs::write(
        &po,
        text.replace(
            "#~ msgstr \"[tr] Alıntı.\"",
            "#~ msgstr \"[tr] Edited too late.\"",
        ),
    )
    .unwrap();
    let stderr = succeeds(root, &["sync"]);
    assert!(
        stderr.contains("locales/tr/first.po:") && stderr.contains(&format!("`{id}` is obsolete")),
        "{stderr}"
    );
    assert!(read(&po).contains("#~ msgstr \"[tr] Alıntı.\""), "reverted");
    let log = ok(root, &["tm", "log", &id, "--locale", "tr"]);
    assert!(log.contains("[tr] Edited too late."), "{log}");
}

/// `#| msgid` and the match comment of fuzzy entries survive a lost memory:
/// rebuilt from the PO files, the files come out byte for byte as before.
#[test]
fn a_rebuilt_memory_keeps_the_fuzzy_context_of_every_entry() {
    let book = synced_small_book();
    let root = book.path();
    for lang in ["az", "fa", "tr"] {
        translate(
            &root.join(format!("locales/{lang}/first.po")),
            "Hello, world.",
            &format!("[{lang}] Hello."),
        );
    }
    ok(root, &["sync"]);
    let source = root.join("source/first.md");
    std::fs::write(
        &source,
        read(&source).replace("Hello, world.", "Hello, wide world."),
    )
    .unwrap();
    ok(root, &["sync"]);
    let before = snapshot(&root.join("locales"));
    let fa = read(&root.join("locales/fa/first.po"));
    assert!(
        fa.contains("#| msgid \"Hello, world.\"") && fa.contains("#. tercuman: "),
        "{fa}"
    );
    ok(root, &["tm", "rebuild"]);
    assert_eq!(
        snapshot(&root.join("locales")),
        before,
        "a rebuild changed the PO files"
    );
}

/// What a careless or hostile translator can type that breaks a page:
/// `check` names each one at its file and line, the default build does not
/// publish it, and even a build told to publish it stays well-formed.
#[test]
fn check_catches_translations_that_would_break_a_page_and_the_editions_contain_them() {
    let book = synced_small_book();
    let root = book.path();
    let tr = root.join("locales/tr/first.po");
    let az = root.join("locales/az/first.po");
    translate(
        &tr,
        "A quoted line.",
        "Bir satır.\n\n# Fake heading\n\n- injected item",
    );
    translate(&tr, "Another quoted line.", "\u{202E}Ters çevrilmiş satır.");
    translate(&az, "A quoted line.", &"ə".repeat(5000));
    translate(&az, "Another quoted line.", "یک خط دیگر.");
    ok(root, &["sync"]);
    let out = tercuman(root, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8_lossy(&out.stdout);
    let at = |po: &Path, msgid: &str, rule: &str| {
        format!(
            "{}:{}: error[{rule}]",
            project_path(root, po),
            msgstr_line(po, msgid)
        )
    };
    for expected in [
        at(&tr, "A quoted line.", "block"),
        at(&tr, "Another quoted line.", "bidi"),
        at(&az, "A quoted line.", "long-run"),
    ] {
        assert!(report.contains(&expected), "{expected}\n{report}");
    }
    assert!(
        report.contains(&format!(
            "{}:{}: warning[script]",
            project_path(root, &az),
            msgstr_line(&az, "Another quoted line.")
        )),
        "{report}"
    );

    ok(root, &["build", "--allow-check-errors"]);
    let page = read(&root.join("dist/html/tr/first.html"));
    assert!(
        page.contains("Fake heading") && !page.contains("<h1>Fake heading"),
        "{page}"
    );
    assert!(!page.contains("<li>injected item"), "{page}");
    assert!(
        page.contains("\u{202E}Ters çevrilmiş satır.\u{202C}"),
        "{page}"
    );
    let css = read(&root.join("dist/html/style.css"));
    assert!(css.contains("overflow-wrap: break-word"), "{css}");
    for lang in ["az", "tr"] {
        let epub = root.join(format!("dist/epub/a-small-fixture-book.{lang}.epub"));
        if let Some((errors, warnings, report)) = epubcheck(&epub) {
            assert_eq!((errors, warnings), (0, 0), "{lang}: {report}");
        }
    }
}

fn project_path(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap().display().to_string()
}

#[test]
fn a_build_leaves_exactly_the_current_editions_in_dist() {
    let book = synced_small_book();
    let root = book.path();
    ok(root, &["build"]);
    // Leftovers of a build killed half-way, and editions that will go stale.
    std::fs::write(root.join("dist/html/fa/.index.html.tmp4242"), "half").unwrap();
    std::fs::write(root.join("dist/epub/.a.epub.tmp4242"), "half").unwrap();
    assert!(root.join("dist/html/tr/second.html").exists());
    let config = root.join("source/book.toml");
    std::fs::write(
        &config,
        read(&config)
            .replace(
                "locales = [\"az\", \"fa\", \"tr\"]",
                "locales = [\"az\", \"fa\"]",
            )
            .replace(
                "chapters = [\"first.md\", \"second.md\"]",
                "chapters = [\"first.md\"]",
            ),
    )
    .unwrap();
    ok(root, &["build"]);
    let mut files: Vec<String> = snapshot(&root.join("dist"))
        .into_iter()
        .map(|(p, _)| p.display().to_string())
        // The search indexes' chunks follow the words; their entry files
        // are listed below.
        .filter(|p| !p.contains("/search/") || p.ends_with("/search/index.js"))
        .collect();
    files.sort();
    let mut expected: Vec<String> = [
        "epub/a-small-fixture-book.az.epub",
        "epub/a-small-fixture-book.en.epub",
        "epub/a-small-fixture-book.fa.epub",
        "html/index.html",
        "html/site.js",
        "html/style.css",
        "status.html",
    ]
    .map(String::from)
    .to_vec();
    for lang in ["en", "az", "fa"] {
        expected.push(format!("html/{lang}/index.html"));
        expected.push(format!("html/{lang}/print.html"));
        expected.push(format!("html/{lang}/search/index.js"));
        expected.push(format!("html/{lang}/first.html"));
        if lang != "en" {
            expected.push(format!("html/{lang}/proof/first.html"));
        }
    }
    expected.sort();
    assert_eq!(files, expected);
}

#[test]
fn dist_being_a_file_is_named_with_a_hint() {
    let book = synced_small_book();
    let root = book.path();
    std::fs::write(root.join("dist"), "not a folder").unwrap();
    let stderr = refused(root, &["build"]);
    assert!(
        stderr.contains("`dist` is a file") && stderr.contains("hint: "),
        "{stderr}"
    );
}

#[test]
fn init_checks_the_book_before_writing_anything() {
    let dir = tempfile::tempdir().unwrap();
    for locales in ["fa,fa", "en", "az,en"] {
        let book = dir.path().join("book");
        let out = command(
            dir.path(),
            &["init", book.to_str().unwrap(), "--locales", locales],
        )
        .output()
        .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{locales}: {stderr}");
        assert!(
            stderr.contains("listed twice or is the source language"),
            "{stderr}"
        );
        assert!(
            !book.exists(),
            "{locales}: init wrote a book it then refused"
        );
    }
}

/// book.toml is where the title and author live; a translated edition's
/// own Fluent file may give them in its language.
#[test]
fn the_title_and_author_in_book_toml_reach_the_metadata() {
    let book = synced_small_book();
    let root = book.path();
    let config = root.join("source/book.toml");
    std::fs::write(
        &config,
        read(&config)
            .replace("A Small Fixture Book", "A Renamed Book")
            .replace("Test Author", "Renamed Author"),
    )
    .unwrap();
    ok(root, &["build"]);
    let files = crate::workflow::epub_files(&root.join("dist/epub/a-renamed-book.en.epub"));
    let opf = files
        .iter()
        .find(|(name, _)| name.ends_with(".opf"))
        .map(|(_, text)| text.clone())
        .unwrap();
    assert!(opf.contains(">A Renamed Book</dc:title>"), "{opf}");
    assert!(opf.contains(">Renamed Author</dc:creator>"), "{opf}");
    assert!(read(&root.join("dist/html/en/index.html")).contains("A Renamed Book"));
}

#[test]
fn a_byte_order_mark_is_read_past_and_dropped_and_one_mid_file_is_named() {
    let book = synced_small_book();
    let root = book.path();
    let po = root.join("locales/fa/first.po");
    translate(&po, "A quoted line.", "[fa] سطر نقل‌شده.");
    let text = read(&po);
    std::fs::write(&po, format!("\u{FEFF}{text}")).unwrap();
    let stderr = succeeds(root, &["sync"]);
    assert!(
        stderr.contains("locales/fa/first.po: the byte-order mark"),
        "{stderr}"
    );
    assert!(stderr.contains("fa: 1 translation imported"), "{stderr}");
    let rewritten = read(&po);
    assert!(!rewritten.starts_with('\u{FEFF}') && rewritten.contains("سطر نقل‌شده"));

    // Two files joined: the second one's mark lands mid-file.
    std::fs::write(&po, format!("{rewritten}\u{FEFF}# joined\n")).unwrap();
    let stderr = refused(root, &["sync"]);
    let line = rewritten.lines().count() + 1;
    assert!(
        stderr.contains(&format!("locales/fa/first.po:{line}")),
        "{stderr}"
    );
    assert!(
        stderr.contains("<U+FEFF>") && stderr.contains("byte-order mark"),
        "{stderr}"
    );
    assert!(stderr.contains("hint: "), "{stderr}");
}

#[test]
fn a_po_file_saved_in_nfd_is_the_same_text() {
    use unicode_normalization::UnicodeNormalization as _;
    let book = fixture("small");
    let root = book.path();
    let source = root.join("source/second.md");
    std::fs::write(&source, format!("{}\nA café in Tiflis.\n", read(&source))).unwrap();
    ok(root, &["sync"]);
    let po = root.join("locales/tr/second.po");
    translate(&po, "A café in Tiflis.", "Tiflis'te bir kafe, çok güzel.");
    let decomposed: String = read(&po).nfd().collect();
    assert!(!decomposed.contains("café"), "the file is in NFD");
    std::fs::write(&po, decomposed).unwrap();
    let stderr = succeeds(root, &["sync"]);
    assert!(stderr.contains("tr: 1 translation imported"), "{stderr}");
    let text = read(&po);
    assert!(text.contains("msgid \"A café in Tiflis.\""), "{text}");
    assert!(
        text.contains("msgstr \"Tiflis'te bir kafe, çok güzel.\""),
        "NFC: {text}"
    );
}

/// Another program (a database browser, a backup tool) holds the memory:
/// sync says it is waiting, then goes on once the memory is free.
#[test]
fn a_memory_held_by_another_program_is_announced_while_sync_waits() {
    let book = synced_small_book();
    let root = book.path();
    translate(
        &root.join("locales/az/first.po"),
        "A quoted line.",
        "[az] Sitat.",
    );
    let holder = rusqlite::Connection::open(root.join("tm/memory.sqlite")).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let child = command(root, &["sync"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Long enough for a slow machine to start the sync and wait a second.
    std::thread::sleep(std::time::Duration::from_millis(4000));
    holder.execute_batch("COMMIT").unwrap();
    drop(holder);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("waiting for another program"), "{stderr}");
    assert!(stderr.contains("az: 1 translation imported"), "{stderr}");
}

/// The author renames a chapter; a translator who still has the old PO
/// file open saves an edit in it. The edit reaches the renamed chapter.
#[test]
fn an_edit_in_the_old_po_file_of_a_renamed_chapter_reaches_the_new_one() {
    let book = synced_small_book();
    let root = book.path();
    let old = root.join("locales/fa/first.po");
    translate(&old, "A quoted line.", "[fa] Before the rename.");
    ok(root, &["sync"]);
    std::fs::rename(root.join("source/first.md"), root.join("source/opening.md")).unwrap();
    let config = root.join("source/book.toml");
    std::fs::write(
        &config,
        read(&config).replace("\"first.md\"", "\"opening.md\""),
    )
    .unwrap();
    ok(root, &["sync"]);
    let new = root.join("locales/fa/opening.po");
    assert!(read(&new).contains("[fa] Before the rename."));
    translate(&old, "A quoted line.", "[fa] Saved in the old file.");
    let stderr = succeeds(root, &["sync"]);
    assert!(
        stderr.contains("locales/fa/first.po belongs to no chapter: 1 translations taken from it"),
        "{stderr}"
    );
    let text = read(&new);
    assert!(text.contains("[fa] Saved in the old file."), "{text}");
}

/// PO files in another encoding than UTF-8: named, with how to convert them.
#[test]
fn a_po_file_in_another_encoding_is_refused_with_how_to_convert_it() {
    let book = synced_small_book();
    let root = book.path();
    let po = root.join("locales/tr/first.po");
    let text = read(&po);
    // UTF-16, as some Windows editors save.
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    std::fs::write(&po, utf16).unwrap();
    let stderr = refused(root, &["sync"]);
    assert!(
        stderr.contains("locales/tr/first.po:1") && stderr.contains("UTF-16"),
        "{stderr}"
    );
    assert!(stderr.contains("hint: convert it with `iconv"), "{stderr}");
    // Latin-5 (Turkish), declared in the header.
    let latin5: Vec<u8> = text
        .replace("charset=UTF-8", "charset=ISO-8859-9")
        .replace(
            "msgid \"A quoted line.\"\nmsgstr \"\"",
            "msgid \"A quoted line.\"\nmsgstr \"Alıntı\"",
        )
        .chars()
        .map(|c| match c {
            'ı' => 0xFD,
            c => c as u8,
        })
        .collect();
    std::fs::write(&po, latin5).unwrap();
    let stderr = refused(root, &["sync"]);
    assert!(
        stderr.contains("`charset=ISO-8859-9`") && stderr.contains("msgconv --to-code=UTF-8"),
        "{stderr}"
    );
}
