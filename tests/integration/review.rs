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
