//! A locale's work out to a CAT tool as XLIFF and back: schema-valid files,
//! inline Markdown protected as codes and restored byte for byte, states and
//! previous English carried, conflicts kept, bad files refused.

use std::path::{Path, PathBuf};

use crate::support::*;

const FIRST: &str = "This is the *first* paragraph of Mr. Smith's book.";
const LINK: &str = "It continues on a second line, with a [link](https://example.org/a.b).";

#[derive(Clone, Copy)]
enum V {
    One,
    Two,
}

impl V {
    fn format(self) -> &'static str {
        match self {
            V::One => "xliff",
            V::Two => "xliff2",
        }
    }
    fn schema(self) -> PathBuf {
        repo_root().join(match self {
            V::One => "tests/schemas/xliff/xliff-core-1.2-strict.xsd",
            V::Two => "tests/schemas/xliff/xliff_core_2.0.xsd",
        })
    }
}

fn export(root: &Path, lang: &str, v: V, out: &Path) -> String {
    ok(
        root,
        &[
            "export",
            "--format",
            v.format(),
            "--locale",
            lang,
            "--out",
            out.to_str().unwrap(),
        ],
    );
    std::fs::read_to_string(out).unwrap()
}

/// xmllint's verdict against an OASIS schema; `None` when xmllint is missing.
fn schema_check(file: &Path, v: V) -> Option<String> {
    let schema = v.schema();
    run_validator(
        "xmllint",
        &["--noout", "--schema", schema.to_str().unwrap()],
        file,
    )
}

/// Sets the target of unit `id` to `inner` (XLIFF markup), marked translated.
fn set_target(xliff: &str, id: &str, inner: &str, v: V) -> String {
    let key = match v {
        V::One => format!("<trans-unit id=\"{id}\""),
        V::Two => format!("name=\"{id}\""),
    };
    let start = xliff.find(&key).unwrap_or_else(|| panic!("no unit {id}"));
    let end = start
        + xliff[start..]
            .find(match v {
                V::One => "</trans-unit>",
                V::Two => "</unit>",
            })
            .unwrap();
    let mut unit = xliff[start..end].to_string();
    let new_target = match v {
        V::One => format!("<target state=\"translated\">{inner}</target>"),
        V::Two => format!("<target>{inner}</target>"),
    };
    if let (Some(a), Some(b)) = (unit.find("<target"), unit.find("</target>")) {
        unit.replace_range(a..b + "</target>".len(), &new_target);
    } else {
        let at = unit.find("</source>").unwrap() + "</source>".len();
        unit.insert_str(at, &new_target);
    }
    if let V::Two = v {
        unit = unit
            .replace(
                "state=\"initial\" subState=\"tercuman:fuzzy\"",
                "state=\"translated\"",
            )
            .replace("state=\"initial\"", "state=\"translated\"");
    }
    format!("{}{unit}{}", &xliff[..start], &xliff[end..])
}

fn synced_fixture() -> tempfile::TempDir {
    let book = fixture("small");
    ok(book.path(), &["sync"]);
    book
}

#[test]
fn exports_of_every_shipped_locale_validate_against_the_oasis_schemas() {
    let book = shipped_book();
    let out = tempfile::tempdir().unwrap();
    for lang in ["az", "fa", "tr"] {
        for v in [V::One, V::Two] {
            let file = out.path().join(format!("{lang}.{}", v.format()));
            let text = export(book.path(), lang, v, &file);
            assert_eq!(count(&text, "<source>"), 128, "one unit per segment");
            if let Some(report) = schema_check(&file, v) {
                assert!(report.contains("validates"), "{lang}: {report}");
            }
        }
    }
}

#[test]
fn fuzzy_and_untranslated_units_validate_and_carry_the_previous_english() {
    let book = synced_fixture();
    let root = book.path();
    let po = root.join("locales/fa/first.po");
    translate(&po, FIRST, "این بند *نخست* کتاب آقای اسمیت است.");
    ok(root, &["sync"]);
    let source = root.join("source/first.md");
    let md = std::fs::read_to_string(&source).unwrap();
    std::fs::write(
        &source,
        md.replace("of Mr. Smith's book", "of Mr. Smith's new book"),
    )
    .unwrap();
    ok(root, &["sync"]);
    let out = tempfile::tempdir().unwrap();
    for v in [V::One, V::Two] {
        let file = out.path().join("fa.x");
        let text = export(root, "fa", v, &file);
        if let Some(report) = schema_check(&file, v) {
            assert!(report.contains("validates"), "{report}\n{text}");
        }
        match v {
            V::One => {
                assert!(
                    text.contains("<target state=\"needs-review-translation\">"),
                    "{text}"
                );
                assert!(text.contains("alttranstype=\"previous-version\">\n          <source>This is the *first* paragraph of Mr. Smith&#39;s book.</source>"), "{text}");
            }
            V::Two => {
                assert!(
                    text.contains("state=\"initial\" subState=\"tercuman:fuzzy\""),
                    "{text}"
                );
                assert!(
                    text.contains("<mtc:match ref=\"#s1\" type=\"tm\" origin=\"tercuman\""),
                    "{text}"
                );
                assert!(
                    text.contains(
                        "<source>This is the *first* paragraph of Mr. Smith&#39;s book.</source>"
                    ),
                    "{text}"
                );
            }
        }
        // Brought back as it is, the fuzzy translation stays fuzzy.
        ok(root, &["import", file.to_str().unwrap()]);
        let fa = locale_status(root, "fa");
        assert_eq!(fa["segments"]["fuzzy"], 1, "{fa}");
    }
}

#[test]
fn an_unedited_round_trip_changes_no_file_and_no_translation() {
    let book = shipped_book();
    let root = book.path();
    ok(root, &["sync"]);
    let before = snapshot(root);
    let out = tempfile::tempdir().unwrap();
    for v in [V::One, V::Two] {
        let file = out.path().join("fa.x");
        export(root, "fa", v, &file);
        let stderr =
            String::from_utf8(tercuman(root, &["import", file.to_str().unwrap()]).stderr).unwrap();
        assert!(
            stderr.contains("0 translations updated, 128 unchanged, 0 conflicts"),
            "{stderr}"
        );
        assert!(
            snapshot(root) == before,
            "an unedited XLIFF changed the book"
        );
    }
}

#[test]
fn a_translation_made_in_xliff_reaches_the_memory_and_the_po_file_as_if_typed_there() {
    for v in [V::One, V::Two] {
        let via_xliff = synced_fixture();
        let out = tempfile::tempdir().unwrap();
        let file = out.path().join("fa.x");
        let text = export(via_xliff.path(), "fa", v, &file);
        let ids = |msgid: &str| -> String {
            let po = std::fs::read_to_string(via_xliff.path().join("locales/fa/first.po")).unwrap();
            let at = po.find(&format!("msgid \"{msgid}\"")).unwrap();
            let ctxt = po[..at].rfind("msgctxt \"").unwrap();
            po[ctxt + 9..at - 2].to_string()
        };
        // The translator moves the codes around and translates the words.
        let (first, link) = match v {
            V::One => (
                "این بند <g id=\"1\" ctype=\"italic\">نخست</g> کتاب آقای اسمیت است.",
                "با یک <g id=\"1\" ctype=\"link\">پیوند</g> در سطر دوم ادامه می‌یابد.",
            ),
            V::Two => (
                "این بند <pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d1e\">نخست</pc> کتاب آقای اسمیت است.",
                "با یک <pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d1e\">پیوند</pc> در سطر دوم ادامه می‌یابد.",
            ),
        };
        let edited = set_target(
            &set_target(&text, &ids(FIRST), first, v),
            &ids(LINK),
            link,
            v,
        );
        std::fs::write(&file, edited).unwrap();
        if let Some(report) = schema_check(&file, v) {
            assert!(report.contains("validates"), "{report}");
        }
        let stderr = String::from_utf8(
            tercuman(via_xliff.path(), &["import", file.to_str().unwrap()]).stderr,
        )
        .unwrap();
        assert!(stderr.contains("2 translations updated"), "{stderr}");

        // The same words typed into the PO file by another translator.
        let via_po = synced_fixture();
        let po = via_po.path().join("locales/fa/first.po");
        translate(&po, FIRST, "این بند *نخست* کتاب آقای اسمیت است.");
        translate(
            &po,
            LINK,
            "با یک [پیوند](https://example.org/a.b) در سطر دوم ادامه می‌یابد.",
        );
        ok(via_po.path(), &["sync"]);

        let read = |book: &Path| std::fs::read_to_string(book.join("locales/fa/first.po")).unwrap();
        assert_eq!(read(via_xliff.path()), read(via_po.path()));
        let export_of = |book: &Path| {
            let f = book.join("out.xlf");
            export(book, "fa", V::One, &f)
                .lines()
                .filter(|l| !l.contains("memory-revision"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(
            export_of(via_xliff.path()),
            export_of(via_po.path()),
            "same memory"
        );
        if let Some((clean, report)) = msgfmt_check(&via_xliff.path().join("locales/fa/first.po")) {
            assert!(clean, "{report}");
        }
    }
}

#[test]
fn a_segment_changed_in_the_po_file_since_the_export_is_a_reported_conflict() {
    for v in [V::One, V::Two] {
        let book = synced_fixture();
        let root = book.path();
        let out = tempfile::tempdir().unwrap();
        let file = out.path().join("fa.x");
        let text = export(root, "fa", v, &file);
        // After the export, someone translates the sentence in the PO file...
        let po = root.join("locales/fa/first.po");
        translate(&po, "Hello, world.", "سلام، دنیا.");
        ok(root, &["sync"]);
        // ...and the CAT tool brings another translation of it.
        let id = "first/44986ca9";
        std::fs::write(&file, set_target(&text, id, "درود بر جهان.", v)).unwrap();
        let out = tercuman(root, &["import", file.to_str().unwrap()]);
        assert!(out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        let line = std::fs::read_to_string(&file)
            .unwrap()
            .lines()
            .position(|l| l.contains("درود بر جهان."))
            .unwrap()
            + 1;
        assert!(
            stderr.contains(&format!("warning: {}:{line}: `{id}`", file.display())),
            "{stderr}"
        );
        assert!(std::fs::read_to_string(&po)
            .unwrap()
            .contains("msgstr \"سلام، دنیا.\""));
        let log = ok(root, &["tm", "log", id, "--locale", "fa"]);
        assert!(
            log.contains("xliff-import") && log.contains("درود بر جهان."),
            "{log}"
        );
    }
}

#[test]
fn a_bad_xliff_file_names_file_and_line_and_changes_nothing() {
    let book = synced_fixture();
    let root = book.path();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("fa.xlf");
    let text = export(root, "fa", V::One, &file);
    let before = snapshot(root);
    let target_line =
        |t: &str, needle: &str| t.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let cases: Vec<(String, String)> = vec![
        // A unit the book does not have.
        {
            let t = set_target(&text, "first/44986ca9", "سلام", V::One)
                .replace("id=\"first/44986ca9\"", "id=\"first/deadbeef\"");
            let line = target_line(&t, "<target state=\"translated\">سلام");
            (t, format!(":{line}: unknown segment id `first/deadbeef`"))
        },
        // An inline code the source does not have.
        {
            let t = set_target(&text, "first/158a2a86", "<g id=\"7\">x</g>", V::One);
            let line = target_line(&t, "<g id=\"7\">");
            (
                t,
                format!(":{line}: `first/158a2a86`: inline code `7` is not in the source"),
            )
        },
        // Not well-formed.
        {
            let t = text.replacen("</source>", "</target>", 1);
            let line = target_line(&t, "</target>");
            (t, format!(":{line}: not well-formed XML"))
        },
        // A language the book is not translated into.
        (
            text.replace("target-language=\"fa\"", "target-language=\"de\""),
            ":1: target language `de` is not one of the book's locales".to_string(),
        ),
    ];
    for (content, expected) in cases {
        std::fs::write(&file, &content).unwrap();
        let out = tercuman(root, &["import", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("{}{expected}", file.display())),
            "expected {expected}: {stderr}"
        );
        assert!(
            snapshot(root) == before,
            "a refused import changed the book"
        );
    }
}

/// The id of the segment whose English is `msgid` in the small fixture's
/// Persian first chapter.
fn segment_of(root: &Path, msgid: &str) -> String {
    segment_id(&root.join("locales/fa/first.po"), msgid)
}

#[test]
fn a_filled_target_marked_needs_translation_is_a_draft_everywhere() {
    let book = synced_fixture();
    let root = book.path();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("fa.xlf");
    let text = export(root, "fa", V::One, &file);
    let id = segment_of(root, FIRST);
    let edited = set_target(&text, &id, "پیش‌نویس بند نخست.", V::One).replace(
        "<target state=\"translated\">پیش‌نویس",
        "<target state=\"needs-translation\">پیش‌نویس",
    );
    assert!(edited.contains("state=\"needs-translation\">پیش‌نویس"));
    std::fs::write(&file, edited).unwrap();
    ok(root, &["import", file.to_str().unwrap()]);
    // The PO file, the memory (status) and the edition agree: a draft.
    let po = std::fs::read_to_string(root.join("locales/fa/first.po")).unwrap();
    let at = po
        .find("msgstr \"پیش‌نویس بند نخست.\"")
        .expect("the draft is in the PO file");
    let entry_start = po[..at].rfind("\n\n").unwrap();
    assert!(
        po[entry_start..at].contains("#, fuzzy"),
        "{}",
        &po[entry_start..at]
    );
    let fa = locale_status(root, "fa");
    assert_eq!(fa["segments"]["fuzzy"], 1, "{fa}");
    ok(root, &["build", "--only", "html"]);
    let page = std::fs::read_to_string(root.join("dist/html/fa/first.html")).unwrap();
    assert!(!page.contains("پیش‌نویس"), "a draft is not published");
}

#[test]
fn xliff_1_1_from_po2xliff_imports_like_1_2() {
    let book = synced_fixture();
    let root = book.path();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("fa.xlf");
    let text = export(root, "fa", V::One, &file);
    let id = segment_of(root, FIRST);
    let edited = set_target(
        &text,
        &id,
        "این بند <g id=\"1\" ctype=\"italic\">نخست</g> کتاب آقای اسمیت است.",
        V::One,
    )
    .replace("version=\"1.2\"", "version=\"1.1\"")
    .replace(
        "urn:oasis:names:tc:xliff:document:1.2",
        "urn:oasis:names:tc:xliff:document:1.1",
    );
    std::fs::write(&file, edited).unwrap();
    let said =
        String::from_utf8(tercuman(root, &["import", file.to_str().unwrap()]).stderr).unwrap();
    assert!(said.contains("1 translation updated"), "{said}");
    let po = std::fs::read_to_string(root.join("locales/fa/first.po")).unwrap();
    assert!(
        po.contains("msgstr \"این بند *نخست* کتاب آقای اسمیت است.\""),
        "{po}"
    );
}
