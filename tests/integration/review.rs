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

/// `export` of `lang` in `format` to a file in `dir`, read back.
fn export(root: &Path, format: &str, lang: &str, out: &Path) -> String {
    ok(
        root,
        &[
            "export",
            "--format",
            format,
            "--locale",
            lang,
            "--out",
            out.to_str().unwrap(),
        ],
    );
    std::fs::read_to_string(out).unwrap()
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
        assert!(out.status.success() && said.contains("1 targets"), "{said}");
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
