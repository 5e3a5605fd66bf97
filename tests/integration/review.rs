//! A reviewer's work: approving a chapter, rejecting a sentence with a
//! note the translator sees, and what an edit after the verdict does.

use std::path::Path;

use crate::support::*;

const INTRO_TR: &str = "locales/tr/introduction.po";
const APPROVE_INTRODUCTION: &[&str] = &[
    "review",
    "--locale",
    "tr",
    "--chapter",
    "introduction",
    "--by",
    "Ayşe",
];

/// The entry of `id` in a PO file, as text.
fn entry(root: &Path, po: &str, id: &str) -> String {
    std::fs::read_to_string(root.join(po))
        .unwrap()
        .split("\n\n")
        .find(|e| e.contains(&format!("msgctxt \"{id}\"")))
        .unwrap_or_else(|| panic!("no entry {id} in {po}"))
        .to_string()
}

/// The msgctxt of the `nth` entry of a PO file.
fn nth_id(root: &Path, po: &str, nth: usize) -> String {
    std::fs::read_to_string(root.join(po))
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix("msgctxt \""))
        .nth(nth)
        .unwrap()
        .trim_end_matches('"')
        .to_string()
}

#[test]
fn a_reviewer_approves_a_chapter_and_status_counts_it() {
    let book = shipped_book();
    let root = book.path();
    let before = locale_status(root, "tr");
    assert_eq!(before["segments"]["reviewed"], 0, "nothing reviewed yet");

    let said = ok(root, APPROVE_INTRODUCTION);
    let id = nth_id(root, INTRO_TR, 1);
    let e = entry(root, INTRO_TR, &id);
    assert!(e.contains("#. reviewed by Ayşe on "), "{e}");
    assert!(!e.contains("#, fuzzy"), "{e}");
    let after = locale_status(root, "tr");
    let reviewed = after["segments"]["reviewed"].as_u64().unwrap();
    let chapter = after["chapters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["chapter"] == "introduction")
        .unwrap()["segments"]["translated"]
        .as_u64()
        .unwrap();
    assert_eq!(
        reviewed, chapter,
        "every translated segment of the chapter: {said}"
    );
    assert!(after["percent_reviewed"].as_f64().unwrap() > 0.0);
    assert!(ok(root, &["tm", "log", &id, "--locale", "tr"]).contains("review"));

    // Asked again: nothing new in the history.
    let journal = std::fs::read_to_string(root.join("tm/revisions/tr/introduction.tsv")).unwrap();
    ok(root, APPROVE_INTRODUCTION);
    let again = std::fs::read_to_string(root.join("tm/revisions/tr/introduction.tsv")).unwrap();
    assert_eq!(journal, again);
}

#[test]
fn an_edit_after_the_review_makes_the_translation_unreviewed() {
    let book = shipped_book();
    let root = book.path();
    let id = nth_id(root, INTRO_TR, 1);
    ok(
        root,
        &["review", "--locale", "tr", "--segment", &id, "--by", "Ayşe"],
    );
    assert_eq!(locale_status(root, "tr")["segments"]["reviewed"], 1);

    let po = std::fs::read_to_string(root.join(INTRO_TR)).unwrap();
    let old = entry(root, INTRO_TR, &id);
    let msgstr = old.lines().position(|l| l.starts_with("msgstr ")).unwrap();
    let mut lines: Vec<&str> = old.lines().take(msgstr).collect();
    lines.push("msgstr \"Başka bir çeviri.\"");
    std::fs::write(root.join(INTRO_TR), po.replace(&old, &lines.join("\n"))).unwrap();
    ok(root, &["sync"]);

    assert_eq!(locale_status(root, "tr")["segments"]["reviewed"], 0);
    let e = entry(root, INTRO_TR, &id);
    assert!(!e.contains("reviewed by"), "{e}");
}

#[test]
fn a_rejected_translation_turns_fuzzy_with_the_reviewers_note() {
    let book = shipped_book();
    let root = book.path();
    let id = nth_id(root, INTRO_TR, 2);
    ok(
        root,
        &[
            "review",
            "--locale",
            "tr",
            "--segment",
            &id,
            "--reject",
            "--note",
            "The term is wrong:\nuse İktidar",
            "--by",
            "Mehmet",
        ],
    );
    let e = entry(root, INTRO_TR, &id);
    assert!(e.contains("#, fuzzy"), "{e}");
    assert!(
        e.contains("#. rejected by Mehmet on ") && e.contains(": The term is wrong: use İktidar"),
        "the note on one comment line: {e}"
    );
    let check = std::process::Command::new("msgfmt")
        .args(["--check", "-o", "/dev/null"])
        .arg(root.join(INTRO_TR))
        .status()
        .expect("msgfmt (gettext) is installed");
    assert!(check.success(), "msgfmt --check");
    let log = ok(root, &["tm", "log", &id, "--locale", "tr"]);
    assert!(
        log.contains("rejected") && log.contains("[Mehmet: The term is wrong:"),
        "{log}"
    );

    // A reject needs its reason; an unknown segment is named.
    let out = tercuman(
        root,
        &[
            "review",
            "--locale",
            "tr",
            "--segment",
            &id,
            "--reject",
            "--by",
            "M",
        ],
    );
    assert!(!out.status.success());
    let out = tercuman(
        root,
        &[
            "review",
            "--locale",
            "tr",
            "--segment",
            "nope/123",
            "--by",
            "M",
        ],
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && said.contains("`nope/123`"),
        "{said}"
    );
}

/// The unit of segment `id` in an XLIFF file, as text.
fn unit<'a>(xliff: &'a str, id: &str) -> &'a str {
    let start = xliff
        .find(&format!("resname=\"{id}\""))
        .or_else(|| xliff.find(&format!("name=\"{id}\"")))
        .unwrap_or_else(|| panic!("no unit {id}"));
    let start = xliff[..start].rfind('<').unwrap();
    let end = start
        + xliff[start..]
            .find("</trans-unit>")
            .or_else(|| xliff[start..].find("</unit>"))
            .unwrap();
    &xliff[start..end]
}

#[test]
fn review_states_travel_to_a_cat_tool_in_xliff_and_come_back() {
    let dir = tempfile::tempdir().unwrap();
    for (format, approved, file) in [
        ("xliff", "approved=\"yes\"", "tr.xlf"),
        ("xliff2", "state=\"reviewed\"", "tr.xliff"),
    ] {
        let book = shipped_book();
        let root = book.path();
        ok(root, APPROVE_INTRODUCTION);
        let rejected = nth_id(root, "locales/tr/military-tensions.po", 0);
        ok(
            root,
            &[
                "review",
                "--locale",
                "tr",
                "--segment",
                &rejected,
                "--reject",
                "--note",
                "Use İktidar",
                "--by",
                "Ayşe",
            ],
        );
        let reviewed = locale_status(root, "tr")["segments"]["reviewed"]
            .as_u64()
            .unwrap() as usize;
        let path = dir.path().join(file);
        let xliff = export(root, format, "tr", &path);

        // Only what a reviewer approved is approved in the file, and the
        // translator sees the rejection's reason beside the target.
        assert_eq!(count(&xliff, approved), reviewed, "{format}");
        assert!(
            unit(&xliff, &rejected).contains("rejected by Ayşe on ")
                && unit(&xliff, &rejected).contains(": Use İktidar"),
            "{}",
            unit(&xliff, &rejected)
        );
        let schema = match format {
            "xliff" => "tests/schemas/xliff/xliff-core-1.2-strict.xsd",
            _ => "tests/schemas/xliff/xliff_core_2.0.xsd",
        };
        let schema = repo_root().join(schema);
        if let Some(report) = run_validator(
            "xmllint",
            &["--noout", "--schema", schema.to_str().unwrap()],
            &path,
        ) {
            assert!(report.contains("validates"), "{format}: {report}");
        }

        // A reviewer approves one more unit in the CAT tool.
        let more = nth_id(root, "locales/tr/iranian-propaganda.po", 1);
        let old = unit(&xliff, &more).to_string();
        assert!(!old.contains(approved), "{old}");
        let new = match format {
            "xliff" => old
                .replacen(" xml:space=", " approved=\"yes\" xml:space=", 1)
                .replace("state=\"translated\"", "state=\"signed-off\""),
            _ => old.replace("state=\"translated\"", "state=\"reviewed\""),
        };
        std::fs::write(&path, xliff.replace(&old, &new)).unwrap();
        let out = tercuman(root, &["import", path.to_str().unwrap(), "--by", "Murat"]);
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success()
                && said.contains("1 target the file marks approved is now reviewed"),
            "{said}"
        );
        let now = locale_status(root, "tr")["segments"]["reviewed"]
            .as_u64()
            .unwrap() as usize;
        assert_eq!(now, reviewed + 1, "{format}: {said}");
        let e = entry(root, "locales/tr/iranian-propaganda.po", &more);
        assert!(e.contains("#. reviewed by Murat on "), "{e}");
        assert!(entry(root, "locales/tr/military-tensions.po", &rejected).contains("#, fuzzy"));

        // The same file again changes nothing.
        let journal = snapshot(&root.join("tm/revisions"));
        ok(root, &["import", path.to_str().unwrap(), "--by", "Murat"]);
        assert_eq!(journal, snapshot(&root.join("tm/revisions")), "{format}");
    }
}

/// Appends TOML to the book's `book.toml`.
fn configure(root: &Path, toml: &str) {
    let path = root.join("source/book.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}\n{toml}\n")).unwrap();
}

#[test]
fn a_locale_can_require_a_reviewed_share() {
    let book = shipped_book();
    let root = book.path();
    configure(root, "[locale.tr]\nmin-reviewed = 10");
    let out = tercuman(root, &["status"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains("tr is 0.0% reviewed, below the minimum of 10%"),
        "{said}"
    );

    ok(root, APPROVE_INTRODUCTION);
    let reviewed = locale_status(root, "tr")["percent_reviewed"]
        .as_f64()
        .unwrap();
    assert!(reviewed >= 10.0, "{reviewed}");
    ok(root, &["status"]);
    // The command line's minimum replaces the book's.
    let out = tercuman(root, &["status", "--min-reviewed", "90"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_locale_that_publishes_only_reviewed_text_shows_the_rest_in_english_marked() {
    let book = shipped_book();
    let root = book.path();
    configure(root, "[locale.tr]\npublish = \"reviewed\"");
    ok(root, APPROVE_INTRODUCTION);
    let built = tercuman(root, &["build", "--only", "html"]);
    let said = String::from_utf8_lossy(&built.stderr);
    assert!(built.status.success(), "{said}");
    let tr = locale_status(root, "tr");
    let unreviewed = tr["segments"]["translated"].as_u64().unwrap()
        - tr["segments"]["reviewed"].as_u64().unwrap();
    assert!(
        said.contains(&format!(
            "{unreviewed} tr translations no reviewer has approved are shown in English"
        )),
        "{said}"
    );

    // The approved chapter is published; the others stand in English, marked.
    let intro = std::fs::read_to_string(root.join("dist/html/tr/introduction.html")).unwrap();
    assert!(
        !intro.contains("fallback unreviewed"),
        "the reviewed chapter is published"
    );
    let other = std::fs::read_to_string(root.join("dist/html/tr/military-tensions.html")).unwrap();
    assert!(
        other.contains("<span class=\"fallback unreviewed\" lang=\"en\""),
        "{other}"
    );
    let id = nth_id(root, "locales/tr/military-tensions.po", 1);
    let e = entry(root, "locales/tr/military-tensions.po", &id);
    let quoted = |key: &str| {
        e.lines()
            .find_map(|l| l.strip_prefix(key))
            .unwrap()
            .trim_end_matches('"')
            .to_string()
    };
    let (en, tr_text) = (quoted("msgid \""), quoted("msgstr \""));
    assert!(
        !tr_text.is_empty() && !other.contains(&tr_text),
        "{tr_text}"
    );
    assert!(other.contains(&en), "{en}");

    // The proof page says who reviewed a row and which rows wait for review.
    let proof = std::fs::read_to_string(root.join("dist/html/tr/proof/introduction.html")).unwrap();
    assert!(proof.contains("<tr class=\"reviewed\""), "{proof}");
    assert!(proof.contains("reviewed by Ayşe on "), "{proof}");
    let proof =
        std::fs::read_to_string(root.join("dist/html/tr/proof/military-tensions.html")).unwrap();
    assert!(proof.contains("not reviewed: not published"), "{proof}");

    // Each row waiting for review shows the command that approves it; the
    // command works as shown.
    let intro = std::fs::read_to_string(root.join("dist/html/tr/proof/introduction.html")).unwrap();
    assert!(
        !intro.contains("class=\"approve\""),
        "every row there is approved"
    );
    let start = proof.find("<code class=\"approve\">").expect("a command")
        + "<code class=\"approve\">".len();
    let command = &proof[start..start + proof[start..].find("</code>").unwrap()];
    let args: Vec<&str> = command
        .split_whitespace()
        .skip(1)
        .chain(["--by", "Ayşe"])
        .collect();
    assert_eq!(args[..3], ["review", "--locale", "tr"], "{command}");
    let before = locale_status(root, "tr")["segments"]["reviewed"]
        .as_u64()
        .unwrap();
    ok(root, &args);
    assert_eq!(
        locale_status(root, "tr")["segments"]["reviewed"]
            .as_u64()
            .unwrap(),
        before + 1
    );
}

#[test]
fn the_colophon_states_the_reviewed_share_from_the_memory() {
    let book = shipped_book();
    let root = book.path();
    ok(root, &["build", "--only", "html"]);
    let index = std::fs::read_to_string(root.join("dist/html/tr/index.html")).unwrap();
    assert!(
        index.contains(
            "Bu çevirinin hiçbir bölütü henüz bir gözden geçiren tarafından onaylanmadı."
        ),
        "nothing is reviewed, and the colophon says so: {index}"
    );
    ok(root, APPROVE_INTRODUCTION);
    ok(root, &["build", "--only", "html"]);
    let reviewed = locale_status(root, "tr")["segments"]["reviewed"]
        .as_u64()
        .unwrap();
    let index = std::fs::read_to_string(root.join("dist/html/tr/index.html")).unwrap();
    assert!(
        index.contains(&format!(
            "{reviewed} bölüt bir gözden geçiren tarafından onaylandı"
        )),
        "{index}"
    );
    let dashboard = std::fs::read_to_string(root.join("dist/status.html")).unwrap();
    assert!(
        dashboard.contains("<th scope=\"col\">Reviewed</th>"),
        "{dashboard}"
    );
}

#[test]
fn a_book_made_before_the_reviewed_colophon_gets_tercumans_own_message() {
    let book = fixture("small");
    let root = book.path();
    let en = std::fs::read_to_string(root.join("locales/en/book.ftl")).unwrap();
    assert!(!en.contains("colophon-reviewed"), "the fixture predates it");
    ok(root, &["build", "--only", "html"]);
    for lang in ["tr", "fa"] {
        let index =
            std::fs::read_to_string(root.join(format!("dist/html/{lang}/index.html"))).unwrap();
        assert!(!index.contains("colophon-reviewed"), "{lang}: {index}");
    }
    let tr = std::fs::read_to_string(root.join("dist/html/tr/index.html")).unwrap();
    assert!(
        tr.contains("henüz bir gözden geçiren tarafından onaylanmadı"),
        "{tr}"
    );
}

/// Puts translator comment `comment` above the entry of `id`.
fn add_comment(root: &Path, po: &str, id: &str, comment: &str) {
    let path = root.join(po);
    let text = std::fs::read_to_string(&path).unwrap();
    let old = entry(root, po, id);
    std::fs::write(&path, text.replace(&old, &format!("# {comment}\n{old}"))).unwrap();
}

#[test]
fn a_reviewer_marks_entries_in_the_po_file_itself() {
    let book = shipped_book();
    let root = book.path();
    let po = root.join(INTRO_TR);
    let (good, bad, fuzzy) = (
        nth_id(root, INTRO_TR, 1),
        nth_id(root, INTRO_TR, 2),
        nth_id(root, INTRO_TR, 3),
    );
    mark_fuzzy(
        &po,
        entry(root, INTRO_TR, &fuzzy)
            .lines()
            .find_map(|l| l.strip_prefix("msgid \""))
            .unwrap()
            .trim_end_matches('"'),
    );
    ok(root, &["sync"]);
    // What Poedit does: the reviewer's name in the header, comments on entries.
    let text = std::fs::read_to_string(&po).unwrap();
    std::fs::write(
        &po,
        text.replace(
            "Last-Translator: none yet",
            "Last-Translator: Leyla Əliyeva <leyla@example.org>",
        ),
    )
    .unwrap();
    add_comment(root, INTRO_TR, &good, "reviewed");
    add_comment(root, INTRO_TR, &bad, "rejected: use the official title");
    add_comment(root, INTRO_TR, &fuzzy, "reviewed");
    // msgcat keeps the markers.
    let copy = root.join("copy.po");
    let status = std::process::Command::new("msgcat")
        .arg(&po)
        .arg("-o")
        .arg(&copy)
        .status()
        .expect("msgcat (gettext) is installed");
    assert!(status.success());
    std::fs::rename(&copy, &po).unwrap();

    let out = tercuman(root, &["sync"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains(&format!("`{good}` reviewed by Leyla Əliyeva on ")),
        "{said}"
    );
    let e = entry(root, INTRO_TR, &good);
    assert!(
        e.contains("#. reviewed by Leyla Əliyeva on ") && !e.contains("# reviewed\n"),
        "{e}"
    );
    let e = entry(root, INTRO_TR, &bad);
    assert!(
        e.contains("#, fuzzy")
            && e.contains(": use the official title")
            && !e.contains("# rejected"),
        "{e}"
    );
    // A fuzzy entry cannot be approved: the marker stays and is named.
    let e = entry(root, INTRO_TR, &fuzzy);
    assert!(
        e.contains("# reviewed\n") && !e.contains("#. reviewed"),
        "{e}"
    );
    assert!(
        said.contains(&format!("`# reviewed` on `{fuzzy}`, which is fuzzy")),
        "{said}"
    );
    assert_eq!(locale_status(root, "tr")["segments"]["reviewed"], 1);
    let log = ok(root, &["tm", "log", &bad, "--locale", "tr"]);
    assert!(
        log.contains("[Leyla Əliyeva: use the official title]"),
        "{log}"
    );

    // Without a reviewer's name in the header, a marker waits.
    let other = "locales/tr/military-tensions.po";
    let id = nth_id(root, other, 1);
    add_comment(root, other, &id, "reviewed");
    let out = tercuman(root, &["sync"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("Last-Translator names no one"), "{said}");
    assert!(entry(root, other, &id).contains("# reviewed\n"));
    assert_eq!(locale_status(root, "tr")["segments"]["reviewed"], 1);
}
