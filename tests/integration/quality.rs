//! Completeness and quality: `status` agrees with msgfmt and pocount, its
//! gate's exit codes, `check` finds each rule at the right line, and `build`
//! does not publish a translation failing an error-level check.

use crate::support::*;
use std::path::Path;

/// A fixture with a few translations: tr has 3 translated and 1 fuzzy.
fn partly_translated() -> tempfile::TempDir {
    let book = fixture("small");
    let root = book.path();
    ok(root, &["sync"]);
    let first = root.join("locales/tr/first.po");
    translate(&first, "Hello, world.", "Merhaba, dünya.");
    translate(&first, "The First Chapter", "Birinci Bölüm");
    translate(&first, "A second item", "İkinci bir madde");
    translate(&first, "A quoted line.", "Alıntılanmış bir satır.");
    mark_fuzzy(&first, "A quoted line.");
    translate(
        &root.join("locales/fa/second.po"),
        "Second Chapter",
        "فصل دوم",
    );
    ok(root, &["sync"]);
    book
}

fn number_before(text: &str, label: &str) -> usize {
    text.find(label)
        .map(|i| {
            let head = text[..i].trim_end();
            let digits: String = head
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            digits.chars().rev().collect::<String>().parse().unwrap()
        })
        .unwrap_or(0)
}

#[test]
fn status_agrees_with_msgfmt_statistics_and_pocount() {
    let book = partly_translated();
    let root = book.path();
    let status: serde_json::Value = serde_json::from_str(&ok(root, &["status", "--json"])).unwrap();
    let mut compared = 0;
    for locale in status["locales"].as_array().unwrap() {
        for chapter in locale["chapters"].as_array().unwrap() {
            let po = root.join(chapter["file"].as_str().unwrap());
            let seg = &chapter["segments"];
            let words = &chapter["words"];
            if let Some(out) = run_validator("msgfmt", &["--statistics", "-o", "/dev/null"], &po) {
                assert_eq!(
                    seg["translated"],
                    number_before(&out, " translated message"),
                    "{out}"
                );
                assert_eq!(
                    seg["fuzzy"],
                    number_before(&out, " fuzzy translation"),
                    "{out}"
                );
                assert_eq!(
                    seg["untranslated"],
                    number_before(&out, " untranslated message"),
                    "{out}"
                );
                compared += 1;
            }
            if let Some(out) = run_validator("pocount", &["--csv"], &po) {
                let row = out.lines().find(|l| l.contains(".po,")).expect("a CSV row");
                let cells: Vec<usize> = row
                    .split(',')
                    .skip(1)
                    .filter_map(|c| c.trim().parse().ok())
                    .collect();
                // Translated msgs, words, target words, fuzzy msgs, words, untranslated msgs, words, total msgs, words.
                assert_eq!(seg["translated"], cells[0], "{row}");
                assert_eq!(words["translated"], cells[1], "{row}");
                assert_eq!(seg["fuzzy"], cells[3], "{row}");
                assert_eq!(words["fuzzy"], cells[4], "{row}");
                assert_eq!(seg["untranslated"], cells[5], "{row}");
                assert_eq!(words["untranslated"], cells[6], "{row}");
                assert_eq!(seg["total"], cells[7], "{row}");
                assert_eq!(words["total"], cells[8], "{row}");
                compared += 1;
            }
        }
    }
    let tr = &status["locales"][2];
    assert_eq!(
        (
            tr["segments"]["translated"].as_u64(),
            tr["segments"]["fuzzy"].as_u64()
        ),
        (Some(3), Some(1))
    );
    if std::env::var_os(REQUIRE_VALIDATORS).is_some() {
        assert_eq!(compared, 12, "two tools on six files");
    }
}

#[test]
fn the_completeness_gate_exits_0_when_met_1_when_not_and_2_on_error() {
    let book = partly_translated();
    let root = book.path();
    assert_eq!(
        tercuman(root, &["status", "--min", "0"]).status.code(),
        Some(0)
    );
    let out = tercuman(root, &["status", "--min", "10"]);
    assert_eq!(out.status.code(), Some(1), "az has nothing translated");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("az is 0.0% translated, below the minimum of 10%"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("tr is"),
        "tr (3 of 18) meets 10%: {stderr}"
    );
    assert_eq!(
        tercuman(root, &["status", "--min", "abc"]).status.code(),
        Some(2)
    );

    // Per-locale minimums in book.toml; the command line overrides them.
    let config = root.join("source/book.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        format!("{text}\n[locale.tr]\nmin-translated = 50\n"),
    )
    .unwrap();
    let out = tercuman(root, &["status"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("tr is 16.6% translated, below the minimum of 50%"));
    assert_eq!(
        tercuman(root, &["status", "--min", "0"]).status.code(),
        Some(0)
    );
    std::fs::write(
        &config,
        format!("{text}\n[locale.tr]\nmin-translated = 150\n"),
    )
    .unwrap();
    assert_eq!(
        tercuman(root, &["status"]).status.code(),
        Some(2),
        "a bad minimum is an error"
    );
    std::fs::write(
        &config,
        format!("{text}\n[locale.de]\nmin-translated = 5\n"),
    )
    .unwrap();
    let out = tercuman(root, &["status"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`de` is not one of the book's locales"));
}

#[test]
fn status_writes_a_dashboard_and_respects_no_color() {
    let book = partly_translated();
    let root = book.path();
    let page = root.join("status.html");
    let table = ok(
        root,
        &["status", "--by-chapter", "--html", page.to_str().unwrap()],
    );
    assert!(
        !table.contains('\x1b'),
        "no colour codes when stdout is not a terminal"
    );
    assert!(table.contains("  first "), "{table}");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains("aria-label=\"3 translated (0 reviewed), 1 fuzzy, 14 untranslated of 18\""),
        "{html}"
    );
    assert!(
        !html.contains("<script") && !html.contains("http"),
        "self-contained"
    );
    ok(root, &["build"]);
    assert!(
        root.join("dist/status.html").exists(),
        "build writes the dashboard"
    );
}

#[test]
fn the_dashboard_charts_each_locales_progress_from_its_history() {
    let book = partly_translated();
    let root = book.path();
    let before = locale_status(root, "tr")["segments"].clone();
    // Revision times are to the second: the review is a later moment.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    ok(
        root,
        &[
            "review",
            "--locale",
            "tr",
            "--chapter",
            "first",
            "--by",
            "Leyla",
        ],
    );
    ok(root, &["build", "--only", "html"]);

    let now = locale_status(root, "tr");
    let progress = now["progress"]
        .as_array()
        .expect("status --json has the history");
    assert_eq!(progress.len(), 2, "{progress:?}");
    let counts = |m: &serde_json::Value| {
        ["total", "translated", "reviewed", "fuzzy", "untranslated"].map(|k| m[k].as_u64().unwrap())
    };
    assert_eq!(counts(&progress[0]), counts(&before), "the sync's moment");
    assert_eq!(
        counts(&progress[1]),
        counts(&now["segments"]),
        "the last moment is today's card"
    );
    assert!(progress[1]["reviewed"].as_u64().unwrap() > 0);

    let dashboard = std::fs::read_to_string(root.join("dist/status.html")).unwrap();
    let tr = &dashboard[dashboard
        .find("<h2 id=\"locale-tr\">")
        .expect("a section for tr")..];
    let tr = &tr[..tr.find("</section>").unwrap()];
    assert_eq!(count(tr, "<svg "), 1, "one chart: {tr}");
    assert!(tr.contains("role=\"img\""), "{tr}");
    assert_eq!(
        count(tr, "<polygon "),
        3,
        "reviewed, translated and fuzzy: {tr}"
    );
    let table = &tr[tr.find("<tbody>").unwrap()..];
    let last_row = table
        .lines()
        .filter(|l| l.starts_with("<tr>"))
        .nth(1)
        .expect("two rows");
    let reviewed = now["percent_reviewed"].as_f64().unwrap();
    let translated = now["percent_translated"].as_f64().unwrap();
    assert!(
        last_row.contains(&format!(
            "<td class=\"num\">{translated:.1}%</td><td class=\"num\">{reviewed:.1}%</td>"
        )),
        "{last_row}"
    );
    assert!(!dashboard.contains("<script"), "the chart needs no script");
}

/// Sets up one violation per rule in `locales/tr/*.po`; returns (file, msgid, rule).
fn violate_every_rule(root: &Path) -> Vec<(&'static str, &'static str, &'static str)> {
    let first = root.join("locales/tr/first.po");
    let second = root.join("locales/tr/second.po");
    let edits: &[(&Path, &str, &str)] = &[
        (&first, "**Lead-in:** One item.", "Giriş: Bir madde."),
        (&first, "Hello, world.", "   "),
        (&first, "The First Chapter", "The First Chapter"),
        (&first, "Two sentences.", "İki  cümle."),
        (&first, "A quoted line.", "Alıntılanmış bir satır"),
        (&first, "Another quoted line.", "Başka (alıntılanmış satır."),
        (&second, "44 days", "45 gün"),
        (
            &second,
            "Baku",
            "Bakü, Azerbaycan'ın başkenti ve en büyük şehri",
        ),
    ];
    for (po, msgid, msgstr) in edits {
        translate(po, msgid, msgstr);
    }
    vec![
        ("first", "**Lead-in:** One item.", "markup"),
        ("first", "Hello, world.", "blank"),
        ("first", "The First Chapter", "identical"),
        ("first", "Two sentences.", "whitespace"),
        ("first", "A quoted line.", "end-punctuation"),
        ("first", "Another quoted line.", "brackets"),
        ("second", "44 days", "numbers"),
        ("second", "Baku", "length"),
    ]
}

#[test]
fn check_finds_each_rule_exactly_where_it_is_broken() {
    let book = fixture("small");
    let root = book.path();
    ok(root, &["sync"]);
    let expected_rules = violate_every_rule(root);
    let out = tercuman(
        root,
        &["check", "--locale", "tr", "--json", "--length-ratio"],
    );
    assert_eq!(out.status.code(), Some(1), "errors were found");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut found: Vec<(String, usize, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap() as usize,
                f["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    let mut expected: Vec<(String, usize, String)> = expected_rules
        .iter()
        .map(|(chapter, msgid, rule)| {
            let file = format!("locales/tr/{chapter}.po");
            (
                file.clone(),
                msgstr_line(&root.join(&file), msgid),
                rule.to_string(),
            )
        })
        .collect();
    expected.sort();
    assert_eq!(found, expected);
    assert_eq!(report["errors"], 3, "markup, blank and numbers are errors");
    assert_eq!(report["warnings"], 5);
    // Human output: file:line: severity[rule].
    let text = String::from_utf8(tercuman(root, &["check", "--locale", "tr"]).stdout).unwrap();
    let numbers_line = msgstr_line(&root.join("locales/tr/second.po"), "44 days");
    assert!(
        text.contains(&format!(
            "locales/tr/second.po:{numbers_line}: error[numbers]: "
        )),
        "{text}"
    );
    assert!(!text.contains("[length]"), "the length check is opt-in");
}

#[test]
fn check_exits_0_on_warnings_only_and_2_on_an_unreadable_file() {
    let book = fixture("small");
    let root = book.path();
    ok(root, &["sync"]);
    let first = root.join("locales/tr/first.po");
    translate(&first, "Hello, world.", "Merhaba dünya");
    let out = tercuman(root, &["check"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 errors, 1 warning"));
    assert_eq!(
        tercuman(root, &["check", "--locale", "xx-invalid-"])
            .status
            .code(),
        Some(2)
    );
    std::fs::write(&first, "msgid \"broken\n").unwrap();
    let out = tercuman(root, &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("locales/tr/first.po:1: unterminated string")
    );
}

#[test]
fn build_shows_a_translation_failing_a_check_in_english_unless_allowed() {
    let book = fixture("small");
    let root = book.path();
    ok(root, &["sync"]);
    translate(&root.join("locales/az/second.po"), "44 days", "45 gün");
    translate(&root.join("locales/az/second.po"), "Baku", "Bakı");
    let out = tercuman(root, &["build"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning: 1 az translation fails a check"),
        "{stderr}"
    );
    let html = std::fs::read_to_string(root.join("dist/html/az/second.html")).unwrap();
    assert!(html.contains("<td><span class=\"fallback check-failed\" lang=\"en\" xml:lang=\"en\">44 days</span></td>"), "{html}");
    assert!(html.contains("<td>Bakı</td>"));
    ok(root, &["build", "--allow-check-errors"]);
    let html = std::fs::read_to_string(root.join("dist/html/az/second.html")).unwrap();
    assert!(html.contains("<td>45 gün</td>"), "{html}");
}

/// translate-toolkit reads `approved="yes"` as the XLIFF spec means it
/// (passed review): pocount counts approved units as translated and
/// translated units waiting for review as fuzzy.
#[test]
fn pocount_counts_our_xliff_as_status_counts_the_locale_and_its_review() {
    let book = partly_translated();
    let root = book.path();
    let hello = segment_id(&root.join("locales/tr/first.po"), "Hello, world.");
    ok(
        root,
        &[
            "review",
            "--locale",
            "tr",
            "--segment",
            &hello,
            "--by",
            "Ayşe",
        ],
    );
    let tr = locale_status(root, "tr");
    let xliff = root.join("tr.xlf");
    export(root, "xliff", "tr", &xliff);
    let Some(out) = run_validator("pocount", &["--csv"], &xliff) else {
        return;
    };
    let row = out
        .lines()
        .find(|l| l.contains(".xlf,"))
        .expect("a CSV row");
    let cells: Vec<usize> = row
        .split(',')
        .skip(1)
        .filter_map(|c| c.trim().parse().ok())
        .collect();
    // Translated msgs, words, target words, fuzzy msgs, words, untranslated msgs, words, total.
    let seg = |k: &str| tr["segments"][k].as_u64().unwrap() as usize;
    assert_eq!((seg("reviewed"), cells[0]), (1, 1), "{row}");
    assert_eq!(
        seg("translated") - seg("reviewed") + seg("fuzzy"),
        cells[3],
        "{row}"
    );
    assert_eq!(seg("untranslated"), cells[5], "{row}");
    assert_eq!(seg("total"), cells[7], "{row}");
}

/// The memory (`status`), the PO files (`msgfmt --statistics`) and the
/// editions (segments shown in English) agree on every chapter's states.
fn assert_one_truth(root: &std::path::Path, after: &str) {
    let status: serde_json::Value = serde_json::from_str(&ok(root, &["status", "--json"])).unwrap();
    let built = tercuman(root, &["build", "--only", "html"]);
    let said = String::from_utf8_lossy(&built.stderr).to_string();
    assert!(built.status.success(), "{after}: {said}");
    for locale in status["locales"].as_array().unwrap() {
        for chapter in locale["chapters"].as_array().unwrap() {
            let po = root.join(chapter["file"].as_str().unwrap());
            let seg = &chapter["segments"];
            if let Some(out) = run_validator("msgfmt", &["--statistics", "-o", "/dev/null"], &po) {
                let counts = [
                    " translated message",
                    " fuzzy translation",
                    " untranslated message",
                ]
                .map(|label| number_before(&out, label));
                assert_eq!(
                    [&seg["translated"], &seg["fuzzy"], &seg["untranslated"]]
                        .map(|v| v.as_u64().unwrap() as usize),
                    counts,
                    "{after}: {} says {out}",
                    chapter["file"]
                );
            }
        }
        let lang = locale["locale"].as_str().unwrap();
        let shown_in_english = locale["segments"]["fuzzy"].as_u64().unwrap()
            + locale["segments"]["untranslated"].as_u64().unwrap();
        let line = said
            .lines()
            .find(|l| l.starts_with(&format!("built {lang}:")))
            .unwrap_or_else(|| panic!("{after}: no build line for {lang}: {said}"));
        let expected = if shown_in_english == 0 {
            !line.contains("shown in")
        } else {
            line.contains(&format!("({shown_in_english} segments shown in English)"))
        };
        assert!(
            expected,
            "{after}: {lang} has {shown_in_english} unpublished: {line}"
        );
    }
}

#[test]
fn every_kind_of_import_leaves_memory_po_files_and_editions_agreeing() {
    let book = partly_translated();
    let root = book.path();
    assert_one_truth(root, "a PO edit");
    // XLIFF: a translated target and a filled one still marked needs-translation.
    let xliff = root.join("tr.xlf");
    export(root, "xliff", "tr", &xliff);
    let mut text = std::fs::read_to_string(&xliff).unwrap();
    for (english, turkish, state) in [
        ("Yes.", "Evet.", "translated"),
        ("Second Chapter", "İkinci Bölüm", "needs-translation"),
    ] {
        let source = format!("<source>{english}</source>\n");
        let at = text.find(&source).unwrap() + source.len();
        text.insert_str(
            at,
            &format!("        <target state=\"{state}\">{turkish}</target>\n"),
        );
    }
    std::fs::write(&xliff, text).unwrap();
    ok(root, &["import", xliff.to_str().unwrap()]);
    assert_one_truth(root, "an XLIFF import");
    // TMX: a translation for a segment that has none.
    let tmx = root.join("other.tmx");
    std::fs::write(
        &tmx,
        "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"en\" creationtool=\"x\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"x\" adminlang=\"en\" datatype=\"plaintext\"/><body><tu><tuv xml:lang=\"en\"><seg>A Table</seg></tuv><tuv xml:lang=\"tr\"><seg>Bir Tablo</seg></tuv></tu></body></tmx>\n",
    )
    .unwrap();
    ok(root, &["tm", "import", tmx.to_str().unwrap()]);
    ok(root, &["sync"]);
    assert_one_truth(root, "a TMX import");
    let tr = locale_status(root, "tr");
    // 3 before, then Yes. ×2 (a repeated sentence) and A Table; the draft is fuzzy.
    assert_eq!(
        (
            tr["segments"]["translated"].as_u64(),
            tr["segments"]["fuzzy"].as_u64()
        ),
        (Some(6), Some(2)),
        "{tr}"
    );
}
