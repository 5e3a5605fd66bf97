//! Bad input gets an error naming the file and line, and changes nothing.

use crate::support::*;

/// The memory and the segment files, to compare before and after a failure.
fn state(root: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files = snapshot(&root.join("locales"));
    files.extend(snapshot(&root.join("tm")));
    files
}

fn fails_with(root: &std::path::Path, args: &[&str], needles: &[&str]) {
    let out = tercuman(root, args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    for needle in needles {
        assert!(stderr.contains(needle), "expected {needle:?} in:\n{stderr}");
    }
}

#[test]
fn a_po_syntax_error_names_file_and_line_and_nothing_is_imported() {
    let book = fixture("small");
    let root = book.path();
    ok(root, &["sync"]);
    let po = root.join("locales/tr/first.po");
    // A good edit and a broken one in the same file.
    translate(&po, "Hello, world.", "Merhaba, dünya.");
    let text = std::fs::read_to_string(&po).unwrap();
    let broken_line = text
        .lines()
        .position(|l| l == "msgid \"A second item\"")
        .unwrap()
        + 2;
    let text = text.replacen(
        "msgid \"A second item\"\nmsgstr \"\"",
        "msgid \"A second item\"\nmsgstr \"unterminated",
        1,
    );
    std::fs::write(&po, &text).unwrap();
    let before = state(root);
    fails_with(
        root,
        &["sync"],
        &[&format!(
            "locales/tr/first.po:{broken_line}: unterminated string"
        )],
    );
    assert_eq!(state(root), before, "memory and segment files unchanged");
    let status: serde_json::Value = serde_json::from_str(&ok(root, &["status", "--json"])).unwrap();
    assert_eq!(status["locales"][2]["locale"], "tr");
    assert_eq!(
        status["locales"][2]["segments"]["translated"], 0,
        "the good edit was not imported either"
    );
}

#[test]
fn an_unknown_segment_id_is_rejected_with_its_line() {
    let book = fixture("small");
    let root = book.path();
    ok(root, &["sync"]);
    let po = root.join("locales/az/second.po");
    let text = std::fs::read_to_string(&po).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("msgctxt \"second/"))
        .unwrap()
        + 2;
    let ctxt = text.lines().nth(line - 2).unwrap().to_string();
    std::fs::write(&po, text.replacen(&ctxt, "msgctxt \"second/deadbeef\"", 1)).unwrap();
    let before = state(root);
    fails_with(
        root,
        &["sync"],
        &[&format!(
            "locales/az/second.po:{line}: unknown segment id `second/deadbeef`"
        )],
    );
    assert_eq!(state(root), before);
}

#[test]
fn invalid_utf8_in_a_po_file_names_the_file_and_line() {
    let book = fixture("small");
    let root = book.path();
    ok(root, &["sync"]);
    let po = root.join("locales/fa/first.po");
    let mut bytes = std::fs::read(&po).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let line = text
        .lines()
        .position(|l| l == "msgid \"Hello, world.\"")
        .unwrap()
        + 2;
    let at = text.find("msgid \"Hello, world.\"\nmsgstr \"").unwrap()
        + "msgid \"Hello, world.\"\nmsgstr \"".len();
    bytes.splice(at..at, [0xff, 0xfe]);
    std::fs::write(&po, &bytes).unwrap();
    let before = state(root);
    fails_with(
        root,
        &["sync"],
        &["locales/fa/first.po", &format!("line {line}"), "UTF-8"],
    );
    assert_eq!(state(root), before);
}

#[test]
fn a_corrupt_memory_is_reported_and_left_alone() {
    let book = fixture("small");
    let root = book.path();
    ok(root, &["sync"]);
    let tm = root.join("tm/memory.sqlite");
    std::fs::write(&tm, b"this is not a database, just some text that is long enough to look like a header......................").unwrap();
    let before = state(root);
    fails_with(root, &["sync"], &["memory.sqlite", "hint:"]);
    assert_eq!(state(root), before);
}

#[test]
fn a_bad_locale_code_in_book_toml_is_named() {
    let book = fixture("small");
    let root = book.path();
    let config = root.join("source/book.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text.replace("\"tr\"]", "\"../tr\"]")).unwrap();
    fails_with(
        root,
        &["sync"],
        &["book.toml", "`../tr` is not a valid language tag"],
    );
    assert!(
        !root.join("tm").exists() && !root.join("locales/az").exists(),
        "nothing written"
    );
}

/// A character XML cannot carry in the author's source would have to be
/// dropped or rejected by every edition, XLIFF and TMX file: it is refused
/// at the start, with its line.
#[test]
fn a_source_character_xml_cannot_carry_is_refused_with_its_line() {
    let book = fixture("small");
    let root = book.path();
    let source = root.join("source/second.md");
    let text = std::fs::read_to_string(&source).unwrap();
    std::fs::write(&source, format!("{text}\nA bad \u{FFFF} character.\n")).unwrap();
    let out = tercuman(root, &["sync"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let line = text.lines().count() + 2;
    assert!(
        stderr.contains(&format!("source/second.md:{line}")),
        "{stderr}"
    );
    assert!(
        stderr.contains("U+FFFF") && stderr.contains("hint: "),
        "{stderr}"
    );
    assert!(
        !root.join("locales/fa/second.po").exists(),
        "no segment file was written"
    );
}

#[test]
fn a_journal_line_moved_to_another_chapters_file_is_named_and_nothing_changes() {
    let book = shipped_book();
    let root = book.path();
    let from = root.join("tm/revisions/tr/introduction.tsv");
    let to = root.join("tm/revisions/tr/military-tensions.tsv");
    let line = std::fs::read_to_string(&from)
        .unwrap()
        .lines()
        .find(|l| !l.starts_with('#'))
        .unwrap()
        .to_string();
    let mut target = std::fs::read_to_string(&to).unwrap();
    target.push_str(&line);
    target.push('\n');
    std::fs::write(&to, &target).unwrap();
    let at = target.lines().count();
    let before = state(root);
    fails_with(
        root,
        &["sync"],
        &[
            &format!("tm/revisions/tr/military-tensions.tsv:{at}"),
            "belongs in chapter `introduction`",
        ],
    );
    assert_eq!(state(root), before);
}

#[test]
fn a_journal_line_edited_by_hand_is_named_and_nothing_changes() {
    let book = shipped_book();
    let root = book.path();
    let journal = root.join("tm/revisions/tr/introduction.tsv");
    let text = std::fs::read_to_string(&journal).unwrap();
    // A hand edit of one translation's text: its line no longer matches its id.
    let edited = text.replacen("Giriş", "Girş", 1);
    assert_ne!(edited, text);
    std::fs::write(&journal, &edited).unwrap();
    let line = edited.lines().position(|l| l.contains("Girş")).unwrap() + 1;
    let before = state(root);
    fails_with(
        root,
        &["sync"],
        &[
            &format!("tm/revisions/tr/introduction.tsv:{line}"),
            "does not match its id",
            "git checkout",
        ],
    );
    assert_eq!(state(root), before);
}

/// A font the Persian edition cannot use (not a font, or one from a
/// subsetter that dropped the tables that join letters) stops the build
/// before anything is written, naming book.toml and the file.
#[test]
fn a_font_the_persian_edition_cannot_use_is_refused_before_anything_is_built() {
    let book = shipped_book();
    let root = book.path();
    let fonts = root.join("source/fonts");
    std::fs::write(fonts.join("notes.ttf"), "this is not a font\n").unwrap();
    let mut unjoined = std::fs::read(fonts.join("Vazirmatn-Regular.ttf")).unwrap();
    let at = unjoined.windows(4).position(|w| w == b"GSUB").unwrap();
    unjoined[at..at + 4].copy_from_slice(b"XSUB");
    std::fs::write(fonts.join("subset.ttf"), unjoined).unwrap();
    let config = root.join("source/book.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    for (file, complaint) in [
        (
            "notes.ttf",
            "`fonts/notes.ttf` is not a TrueType or OpenType font",
        ),
        (
            "subset.ttf",
            "`fonts/subset.ttf` cannot join Arabic-script letters",
        ),
    ] {
        std::fs::write(
            &config,
            text.replace("fonts/Vazirmatn-Regular.ttf", &format!("fonts/{file}")),
        )
        .unwrap();
        let out = tercuman(root, &["build"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        let error = format!("source/book.toml: [locale.fa] font: {complaint}");
        assert!(stderr.contains(&error), "expected {error:?} in:\n{stderr}");
        assert!(!root.join("dist").exists(), "nothing built");
    }
    std::fs::write(&config, text.replace("fonts/OFL.txt", "../OFL.txt")).unwrap();
    fails_with(
        root,
        &["status"],
        &[
            "book.toml",
            "license: `../OFL.txt` must be a relative path inside `source/`",
        ],
    );
}

/// The clone as git leaves it: the memory's local index (and its SQLite
/// side files) gone, the journal there.
fn remove_the_index(root: &std::path::Path) {
    for file in std::fs::read_dir(root.join("tm")).unwrap() {
        let path = file.unwrap().path();
        if path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("memory.sqlite")
        {
            std::fs::remove_file(path).unwrap();
        }
    }
}

/// A segment's line lost from `tm/source/` (a hand-made merge) while its
/// revisions stay: a clone rebuilding its index names the revision file
/// and the segment, and writes nothing. The segments are read while the
/// first chapters' revisions go in, so both the first chapter and the
/// last are tried, by a command that only reads and by a sync.
#[test]
fn a_revision_of_a_segment_the_journal_lost_is_named_when_the_index_is_rebuilt() {
    for (chapter, command) in [("introduction", "status"), ("the-terror-in-tehran", "sync")] {
        let book = shipped_book();
        let root = book.path();
        remove_the_index(root);
        let segments = root.join(format!("tm/source/{chapter}.tsv"));
        let text = std::fs::read_to_string(&segments).unwrap();
        let lost = text.lines().nth(1).unwrap();
        let id = lost.split('\t').next().unwrap().to_string();
        std::fs::write(&segments, text.replacen(&format!("{lost}\n"), "", 1)).unwrap();
        let before = state(root);
        fails_with(
            root,
            &[command],
            &[
                &format!("/{chapter}.tsv: a revision of segment"),
                &format!("`{id}`, which no line of tm/source/ names"),
            ],
        );
        assert_eq!(
            state(root),
            before,
            "{command} with {chapter} wrote nothing"
        );
    }
}

/// A fresh clone whose journal holds a file as git's union merge leaves
/// it (lines out of order) and, in a later chapter, a line edited by hand:
/// the rebuild names the bad line and rewrites no file, though it reads
/// the chapters one after another; once the line is restored, the sync
/// puts the merged file in order.
#[test]
fn a_fresh_clone_with_a_bad_journal_line_rewrites_no_journal_file() {
    let book = shipped_book();
    let root = book.path();
    remove_the_index(root);
    let merged = root.join("tm/revisions/tr/introduction.tsv");
    let tidy = std::fs::read_to_string(&merged).unwrap();
    let mut lines: Vec<&str> = tidy.lines().collect();
    let last = lines.pop().unwrap();
    lines.insert(1, last);
    let untidy = format!("{}\n", lines.join("\n"));
    std::fs::write(&merged, &untidy).unwrap();
    let later = root.join("tm/revisions/tr/the-terror-in-tehran.tsv");
    let good = std::fs::read_to_string(&later).unwrap();
    let line = good.lines().count();
    let edited = format!("{}x\n", good.trim_end());
    std::fs::write(&later, &edited).unwrap();
    let journal = |root: &std::path::Path| {
        let mut files = snapshot(&root.join("tm/revisions"));
        files.extend(snapshot(&root.join("tm/source")));
        files.extend(snapshot(&root.join("locales")));
        files
    };
    let before = journal(root);
    fails_with(
        root,
        &["sync"],
        &[
            &format!("tm/revisions/tr/the-terror-in-tehran.tsv:{line}"),
            "does not match its id",
        ],
    );
    assert_eq!(journal(root), before, "no journal or PO file rewritten");
    assert_eq!(std::fs::read_to_string(&merged).unwrap(), untidy);

    std::fs::write(&later, &good).unwrap();
    ok(root, &["sync"]);
    assert_eq!(std::fs::read_to_string(&merged).unwrap(), tidy);
}
