//! The book's glossary: its terms shown to translators in the PO files,
//! XLIFF and OmegaT, and `check` holding translations to it, with the
//! suffixes of Turkish and Azerbaijani and the spellings of Persian allowed.

use std::path::Path;

use crate::support::*;

/// `check --json`'s findings as (file, rule, message).
fn findings(root: &Path, args: &[&str]) -> Vec<(String, String, String)> {
    let mut all = vec!["check", "--json"];
    all.extend_from_slice(args);
    let out = tercuman(root, &all);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                format!("{}:{}", f["file"].as_str().unwrap(), f["line"]),
                f["rule"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_shipped_book_is_check_clean_against_its_glossary_and_shows_its_terms() {
    let book = shipped_book();
    let root = book.path();
    assert_eq!(
        findings(root, &[]),
        Vec::new(),
        "no false alarm on the shipped book"
    );
    let po = std::fs::read_to_string(root.join("locales/tr/military-tensions.po")).unwrap();
    assert!(
        po.contains("#. glossary: Mighty Power = İktidar (the May 2023 drill"),
        "{po}"
    );
    let hints: usize = ["az", "fa", "tr"]
        .iter()
        .flat_map(|l| std::fs::read_dir(root.join("locales").join(l)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "po"))
        .map(|p| count(&std::fs::read_to_string(p).unwrap(), "#. glossary: "))
        .sum();
    assert!(
        hints > 200,
        "{hints} glossary hints in the shipped PO files"
    );

    let text = export(root, "xliff", "tr", &root.join("tr.xlf"));
    assert!(
        text.contains(
            "<note from=\"glossary\" annotates=\"source\">glossary: Mighty Power = İktidar"
        ),
        "{text}"
    );
    let omegat = root.join("omegat-fa");
    ok(
        root,
        &[
            "export",
            "--format",
            "omegat",
            "--locale",
            "fa",
            "--out",
            omegat.to_str().unwrap(),
        ],
    );
    let glossary = std::fs::read_to_string(omegat.join("glossary/glossary.txt")).unwrap();
    assert!(glossary.contains("Mighty Power\tاقتدار\t"), "{glossary}");
}

/// Replaces the `nth` `msgstr` following `msgid "<msgid>"` in a PO file.
fn translate_nth(po: &Path, msgid: &str, nth: usize, msgstr: &str) {
    let text = std::fs::read_to_string(po).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let at = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| **l == format!("msgid \"{msgid}\""))
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("no {nth}th {msgid}"));
    lines[at + 1] = format!("msgstr \"{msgstr}\"");
    std::fs::write(po, lines.join("\n") + "\n").unwrap();
}

#[test]
fn check_holds_translations_to_the_glossary_and_to_each_other() {
    let book = fixture("small");
    let root = book.path();
    std::fs::write(
        root.join("source/glossary.tsv"),
        "en\taz\tfa\ttr\tkind\tnote\n\
         Baku\tBakı\tباکو\tBakü\t\tthe capital\n\
         world\t\t\tdünya; âlem\n\
         world\t\t\tcihan\tforbidden\n\
         Smith\t\t\t\tdo-not-translate\ta name\n\
         item\t\t\tmadde\n",
    )
    .unwrap();
    ok(root, &["sync"]);
    let (tr, az, fa) = (
        root.join("locales/tr/first.po"),
        root.join("locales/az/second.po"),
        root.join("locales/fa/second.po"),
    );
    translate(&tr, "Hello, world.", "Merhaba, cihan.");
    translate(
        &tr,
        "This is the *first* paragraph of Mr. Smith's book.",
        "Bu, Bay Smit'in kitabının *ilk* paragrafı.",
    );
    translate(&root.join("locales/tr/second.po"), "Baku", "Bakü’nün");
    translate(&az, "Baku", "Baki");
    translate(&tr, "A second item", "İkinci maddemiz");
    translate(&fa, "Baku", "باكو"); // Arabic kaf: the same word
    translate_nth(&root.join("locales/tr/second.po"), "Yes.", 0, "Evet.");
    translate_nth(&root.join("locales/tr/second.po"), "Yes.", 1, "Tamam.");
    ok(root, &["sync"]);

    let found = findings(root, &[]);
    let rules: Vec<(&str, &str)> = found
        .iter()
        .map(|(f, r, _)| (f.as_str(), r.as_str()))
        .collect();
    let line = |po: &Path, msgid: &str| {
        format!(
            "{}:{}",
            po.strip_prefix(root).unwrap().display(),
            msgstr_line(po, msgid)
        )
    };
    let hello = line(&tr, "Hello, world.");
    assert!(rules.contains(&(&hello, "term")), "{found:#?}");
    assert!(rules.contains(&(&hello, "forbidden-term")), "{found:#?}");
    let smith = line(&tr, "This is the *first* paragraph of Mr. Smith's book.");
    assert!(rules.contains(&(&smith, "do-not-translate")), "{found:#?}");
    assert!(rules.contains(&(&line(&az, "Baku"), "term")), "{found:#?}");
    let inconsistent = rules
        .iter()
        .filter(|(f, r)| f.starts_with("locales/tr/second.po") && *r == "inconsistent")
        .count();
    assert_eq!(inconsistent, 2, "both twins are named: {found:#?}");
    // Suffixes and spellings are not alarms.
    assert!(
        !found.iter().any(|(f, _, _)| f.starts_with("locales/fa/")),
        "{found:#?}"
    );
    assert!(
        !rules.contains(&(&line(&root.join("locales/tr/second.po"), "Baku"), "term")),
        "{found:#?}"
    );
    let item = line(&tr, "A second item");
    assert!(!rules.contains(&(&item, "term")), "{found:#?}");
    let message = &found
        .iter()
        .find(|(f, r, _)| *f == hello && r == "term")
        .unwrap()
        .2;
    assert!(
        message.contains("source/glossary.tsv:3"),
        "the glossary line is named: {message}"
    );

    // The PO entry shows the terms.
    let po = std::fs::read_to_string(&tr).unwrap();
    assert!(po.contains("#. glossary: world = dünya / âlem\n"), "{po}");
}

#[test]
fn a_bad_glossary_line_is_named_and_nothing_changes() {
    let book = fixture("small");
    let root = book.path();
    ok(root, &["sync"]);
    std::fs::write(
        root.join("source/glossary.tsv"),
        "en\ttr\tkind\nBaku\tBakü\tmaybe\n",
    )
    .unwrap();
    let before = snapshot(&root.join("locales"));
    let out = tercuman(root, &["sync"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{said}");
    assert!(
        said.contains("glossary.tsv:2") && said.contains("kind `maybe`"),
        "{said}"
    );
    assert_eq!(before, snapshot(&root.join("locales")));
}

#[test]
fn the_glossary_travels_as_tbx_that_translate_toolkit_reads_and_comes_back_whole() {
    let book = shipped_book();
    let root = book.path();
    let tbx = root.join("glossary.tbx");
    ok(
        root,
        &["glossary", "export", "--out", tbx.to_str().unwrap()],
    );
    // translate-toolkit's TBX reader (Weblate's): every entry, its English
    // first and the Azerbaijani after it.
    let script = "import sys\nfrom translate.storage import tbx\nf = tbx.tbxfile.parsefile(sys.argv[1])\nprint(len(f.units))\nprint(f.units[0].source)\nprint(f.units[0].target)";
    let out = std::process::Command::new("/usr/bin/python3")
        .args(["-c", script])
        .arg(&tbx)
        .output()
        .expect("Debian's python3");
    let said = String::from_utf8_lossy(&out.stdout);
    let shipped = std::fs::read_to_string(root.join("source/glossary.tsv")).unwrap();
    let entries = shipped.lines().filter(|l| !l.starts_with('#')).count() - 1;
    if out.status.success() || std::env::var_os("TERCUMAN_REQUIRE_VALIDATORS").is_some() {
        assert_eq!(
            said.lines().collect::<Vec<_>>(),
            [entries.to_string().as_str(), "Mighty Power", "İqtidar"],
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    // Into a book with no glossary: the same entries, then nothing more.
    let other = fixture("small");
    let dest = other.path();
    let out = tercuman(dest, &["glossary", "import", tbx.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && said.contains(&format!("{entries} entries added")),
        "{said}"
    );
    let imported = std::fs::read_to_string(dest.join("source/glossary.tsv")).unwrap();
    let rows = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| !l.starts_with('#'))
            .skip(1)
            .map(|l| l.replace('|', ""))
            .collect()
    };
    assert_eq!(rows(&imported), rows(&shipped));
    let out = tercuman(dest, &["glossary", "import", tbx.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 entries added"));
    assert_eq!(
        std::fs::read_to_string(dest.join("source/glossary.tsv")).unwrap(),
        imported
    );
    ok(dest, &["check"]);
}
