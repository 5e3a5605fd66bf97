//! The translation memory through source edits: moves, edits, deletions,
//! insertions, splits and merges never lose a translation, and leave fuzzy
//! suggestions exactly where the source changed. TMX out and back in.

use std::path::Path;

use crate::support::*;

const LOCALES: [&str; 3] = ["az", "fa", "tr"];

/// Fills every empty msgstr of every PO file with `[lang] <msgid>`.
fn translate_everything(root: &Path) {
    for lang in LOCALES {
        for entry in std::fs::read_dir(root.join("locales").join(lang)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "po") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let mut out = Vec::new();
            let mut msgid = None;
            for line in text.lines() {
                if let Some(id) = line
                    .strip_prefix("msgid \"")
                    .and_then(|l| l.strip_suffix('"'))
                {
                    msgid = Some(id.to_string());
                }
                match (&msgid, line) {
                    (Some(id), "msgstr \"\"") if !id.is_empty() => {
                        out.push(format!("msgstr \"[{lang}] {id}\""))
                    }
                    _ => out.push(line.to_string()),
                }
            }
            std::fs::write(&path, out.join("\n") + "\n").unwrap();
        }
    }
}

/// A synced, fully translated copy of the alignment fixture.
fn translated_book() -> tempfile::TempDir {
    let book = fixture("alignment");
    ok(book.path(), &["sync"]);
    translate_everything(book.path());
    ok(book.path(), &["sync"]);
    book
}

fn edit_source(root: &Path, chapter: &str, from: &str, to: &str) {
    let path = root.join("source").join(chapter);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from:?} not in {chapter}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// The segment id of a PO text's last obsolete entry.
fn last_obsolete_id(po: &str) -> String {
    po.lines()
        .rev()
        .find_map(|l| l.strip_prefix("#~ msgctxt \""))
        .map(|l| l.trim_end_matches('"').to_string())
        .unwrap()
}

/// Every non-empty msgstr in a locale's PO files, obsolete entries included.
fn translations_in_files(root: &Path, lang: &str) -> Vec<String> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(root.join("locales").join(lang)).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "po") {
            let text = std::fs::read_to_string(&path).unwrap();
            for line in text.lines() {
                let line = line.strip_prefix("#~ ").unwrap_or(line);
                if let Some(s) = line
                    .strip_prefix("msgstr \"")
                    .and_then(|l| l.strip_suffix('"'))
                {
                    if !s.is_empty() {
                        all.push(s.to_string());
                    }
                }
            }
        }
    }
    all.sort();
    all
}

/// The entry (as text) whose msgid is `msgid`, from its comments to its msgstr.
fn entry_text(po: &Path, msgid: &str) -> String {
    let text = std::fs::read_to_string(po).unwrap();
    let wanted = format!("msgid \"{msgid}\"");
    text.split("\n\n")
        .find(|e| e.lines().any(|l| l == wanted))
        .unwrap_or_else(|| panic!("no {wanted} in {}", po.display()))
        .to_string()
}

fn status(root: &Path, lang: &str) -> serde_json::Value {
    locale_status(root, lang)["segments"].clone()
}

#[test]
fn a_paragraph_moved_to_another_chapter_keeps_its_translations() {
    let book = translated_book();
    let root = book.path();
    let before = translations_in_files(root, "fa");
    let paragraph = "Police arrived forty minutes after the first shots were fired.\n\n";
    edit_source(root, "one.md", paragraph, "");
    edit_source(
        root,
        "two.md",
        "The rhetoric",
        &format!("{paragraph}The rhetoric"),
    );
    let out = tercuman(root, &["sync"]);
    assert!(out.status.success());
    for lang in LOCALES {
        let two = entry_text(
            &root.join(format!("locales/{lang}/two.po")),
            "Police arrived forty minutes after the first shots were fired.",
        );
        assert!(
            two.contains(&format!("msgstr \"[{lang}] Police arrived")),
            "{two}"
        );
        assert!(
            !two.contains("fuzzy"),
            "an unchanged sentence is an exact match: {two}"
        );
        let seg = status(root, lang);
        assert_eq!(seg["translated"], seg["total"], "{lang}: {seg}");
    }
    // Its old place shows as obsolete, so nothing disappears from the files.
    let one = std::fs::read_to_string(root.join("locales/fa/one.po")).unwrap();
    assert!(
        one.contains("#~ msgid \"Police arrived forty minutes after the first shots were fired.\""),
        "{one}"
    );
    let after = translations_in_files(root, "fa");
    assert!(
        before.iter().all(|t| after.contains(t)),
        "no translation lost"
    );
}

#[test]
fn an_edited_sentence_gets_its_old_translation_as_fuzzy_with_the_old_english() {
    let book = translated_book();
    let root = book.path();
    edit_source(
        root,
        "one.md",
        "Guards held the gate for several minutes.",
        "Guards held the main gate for several minutes.",
    );
    ok(root, &["sync"]);
    for lang in LOCALES {
        let entry = entry_text(
            &root.join(format!("locales/{lang}/one.po")),
            "Guards held the main gate for several minutes.",
        );
        assert!(entry.contains("#, fuzzy"), "{entry}");
        assert!(
            entry.contains("#| msgid \"Guards held the gate for several minutes.\""),
            "{entry}"
        );
        assert!(
            entry.contains("#. tercuman: 88% match (band 85-94) from one/"),
            "{entry}"
        );
        assert!(
            entry.contains(&format!(
                "msgstr \"[{lang}] Guards held the gate for several minutes.\""
            )),
            "{entry}"
        );
        let seg = status(root, lang);
        assert_eq!(
            (seg["fuzzy"].as_u64(), seg["untranslated"].as_u64()),
            (Some(1), Some(0))
        );
    }
    // Only that entry changed: every other entry is still translated, not fuzzy.
    let one = std::fs::read_to_string(root.join("locales/tr/one.po")).unwrap();
    assert_eq!(one.matches("#, fuzzy").count(), 1);
    if let Some((passed, stderr)) = msgfmt_check(&root.join("locales/tr/one.po")) {
        assert!(passed, "{stderr}");
    }
}

#[test]
fn a_deleted_sentence_stays_in_the_memory_and_as_an_obsolete_entry() {
    let book = translated_book();
    let root = book.path();
    edit_source(root, "one.md", " Baku demanded answers from Tehran.", "");
    ok(root, &["sync"]);
    let one = std::fs::read_to_string(root.join("locales/az/one.po")).unwrap();
    assert!(one.contains("#~ msgid \"Baku demanded answers from Tehran.\"\n#~ msgstr \"[az] Baku demanded answers from Tehran.\""), "{one}");
    let id = last_obsolete_id(&one);
    let log = ok(root, &["tm", "log", &id, "--locale", "az"]);
    assert!(
        log.contains("no longer in the source") && log.contains("po-import"),
        "{log}"
    );
}

#[test]
fn an_inserted_sentence_gets_the_best_match_from_the_whole_memory() {
    let book = translated_book();
    let root = book.path();
    // Similar to a sentence of the other chapter.
    edit_source(root, "one.md", "Police arrived", "Military drills along the border became a recurring spectacle of danger.\n\nPolice arrived");
    ok(root, &["sync"]);
    let entry = entry_text(
        &root.join("locales/tr/one.po"),
        "Military drills along the border became a recurring spectacle of danger.",
    );
    assert!(entry.contains("#, fuzzy"), "{entry}");
    assert!(entry.contains("#| msgid \"Military drills along the border became a recurring spectacle of tension.\""), "{entry}");
    assert!(entry.contains("from two/"), "{entry}");
    // An inserted sentence with nothing like it in the memory stays untranslated.
    edit_source(
        root,
        "two.md",
        "# Two",
        "# Two\n\nCompletely unrelated words about bananas.",
    );
    ok(root, &["sync"]);
    let entry = entry_text(
        &root.join("locales/tr/two.po"),
        "Completely unrelated words about bananas.",
    );
    assert!(entry.ends_with("msgstr \"\""), "{entry}");
}

#[test]
fn splitting_and_merging_sentences_leave_fuzzy_suggestions() {
    let book = translated_book();
    let root = book.path();
    // Split one sentence in two.
    edit_source(
        root,
        "one.md",
        "The investigation dragged on for two long years without a result.",
        "The investigation dragged on for two long years. It was without a result.",
    );
    // Merge two into one.
    edit_source(
        root,
        "two.md",
        "The rhetoric was matched by action. The message was clear to everyone.",
        "The rhetoric was matched by action and the message was clear to everyone.",
    );
    ok(root, &["sync"]);
    let one = root.join("locales/fa/one.po");
    for part in [
        "The investigation dragged on for two long years.",
        "It was without a result.",
    ] {
        let entry = entry_text(&one, part);
        assert!(entry.contains("#, fuzzy"), "{entry}");
        assert!(
            entry.contains(
                "msgstr \"[fa] The investigation dragged on for two long years without a result.\""
            ),
            "{entry}"
        );
    }
    let merged = entry_text(
        &root.join("locales/fa/two.po"),
        "The rhetoric was matched by action and the message was clear to everyone.",
    );
    assert!(merged.contains("#, fuzzy"), "{merged}");
    assert!(
        merged.contains("msgstr \"[fa] The rhetoric was matched by action. [fa] The message was clear to everyone.\""),
        "{merged}"
    );
    assert!(
        merged.contains(
            "#| msgid \"The rhetoric was matched by action. The message was clear to everyone.\""
        ),
        "{merged}"
    );
}

#[test]
fn a_repeated_sentence_reuses_the_exact_match_as_translated() {
    let book = translated_book();
    let root = book.path();
    edit_source(
        root,
        "two.md",
        "# Two",
        "# Two\n\nBaku demanded answers from Tehran.",
    );
    ok(root, &["sync"]);
    let entry = entry_text(
        &root.join("locales/az/two.po"),
        "Baku demanded answers from Tehran.",
    );
    assert!(
        entry.ends_with("msgstr \"[az] Baku demanded answers from Tehran.\"")
            && !entry.contains("fuzzy"),
        "{entry}"
    );
}

/// The whole of `tm/` lost (index and journal), with a deleted sentence's
/// translation left only as an obsolete entry of the last locale's file:
/// it comes back, though a sync reads that locale's files only after the
/// first locale's are done.
#[test]
fn a_lost_memory_keeps_an_obsolete_translation_only_the_last_locale_has() {
    let book = translated_book();
    let root = book.path();
    edit_source(root, "one.md", " Baku demanded answers from Tehran.", "");
    ok(root, &["sync"]);
    for lang in ["az", "fa"] {
        let path = root.join(format!("locales/{lang}/one.po"));
        let text = std::fs::read_to_string(&path).unwrap();
        let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with("#~")).collect();
        std::fs::write(&path, kept.join("\n") + "\n").unwrap();
    }
    std::fs::remove_dir_all(root.join("tm")).unwrap();
    ok(root, &["sync"]);
    let tr = std::fs::read_to_string(root.join("locales/tr/one.po")).unwrap();
    assert!(
        tr.contains("#~ msgid \"Baku demanded answers from Tehran.\"\n#~ msgstr \"[tr] Baku demanded answers from Tehran.\""),
        "{tr}"
    );
    let id = last_obsolete_id(&tr);
    let log = ok(root, &["tm", "log", &id, "--locale", "tr"]);
    assert!(
        log.contains("[tr] Baku demanded answers from Tehran."),
        "{log}"
    );
}

#[test]
fn a_lost_memory_is_rebuilt_from_the_segment_files_with_every_translation() {
    let book = translated_book();
    let root = book.path();
    edit_source(root, "one.md", " Baku demanded answers from Tehran.", "");
    ok(root, &["sync"]);
    let before: Vec<_> = LOCALES
        .iter()
        .map(|l| (status(root, l), translations_in_files(root, l)))
        .collect();
    std::fs::remove_file(root.join("tm/memory.sqlite")).unwrap();
    ok(root, &["sync"]);
    let after: Vec<_> = LOCALES
        .iter()
        .map(|l| (status(root, l), translations_in_files(root, l)))
        .collect();
    assert_eq!(after, before, "translations and obsolete entries survive");

    // `tm rebuild` sets a broken memory aside instead of overwriting it.
    std::fs::write(
        root.join("tm/memory.sqlite"),
        b"garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage",
    )
    .unwrap();
    let out = tercuman(root, &["sync"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tercuman tm rebuild"));
    ok(root, &["tm", "rebuild"]);
    assert!(std::fs::read(root.join("tm/memory.sqlite.bak"))
        .unwrap()
        .starts_with(b"garbage"));
    let rebuilt: Vec<_> = LOCALES
        .iter()
        .map(|l| (status(root, l), translations_in_files(root, l)))
        .collect();
    assert_eq!(rebuilt, before);
}

#[test]
fn tm_search_lists_scored_matches_with_translations() {
    let book = translated_book();
    let out = ok(
        book.path(),
        &[
            "tm",
            "search",
            "Police arrived forty minutes after the shots were fired.",
            "--locale",
            "tr",
        ],
    );
    let first = out.lines().next().unwrap();
    assert!(first.starts_with(" 90% [85-94] one/"), "{out}");
    assert!(
        out.contains(
            "tr (translated): [tr] Police arrived forty minutes after the first shots were fired."
        ),
        "{out}"
    );
    assert!(!out.contains("fa ("), "only the asked locale");
}

#[test]
fn tmx_export_validates_reads_back_into_another_book_and_through_tmx2po() {
    let book = translated_book();
    let root = book.path();
    let tmx = root.join("book.tmx");
    ok(root, &["tm", "export", "--tmx", tmx.to_str().unwrap()]);
    let text = std::fs::read_to_string(&tmx).unwrap();
    assert_eq!(text.matches("<tu ").count(), 10, "every translated segment");
    assert_eq!(text.matches("<tuv xml:lang=\"fa\"").count(), 10);
    assert!(text.contains("creationdate=\"20"), "dates from the history");

    // Against the TMX 1.4b DTD (from OmegaT), with xmllint.
    match std::env::var_os("TMX14_DTD")
        .map(std::path::PathBuf::from)
        .filter(|p| p.exists())
    {
        Some(dtd) => {
            let out = std::process::Command::new("xmllint")
                .arg("--noout")
                .arg("--dtdvalid")
                .arg(&dtd)
                .arg(&tmx)
                .output()
                .expect("run xmllint");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        None => assert!(
            std::env::var_os(REQUIRE_VALIDATORS).is_none(),
            "TMX14_DTD must point at tmx14.dtd"
        ),
    }
    // translate-toolkit reads it (Debian's has no tmx2po script; its TMX
    // reader takes the first target variant, so export one locale).
    let tr_tmx = root.join("tr.tmx");
    ok(
        root,
        &[
            "tm",
            "export",
            "--tmx",
            tr_tmx.to_str().unwrap(),
            "--locale",
            "tr",
        ],
    );
    if let Some(pairs) = translate_toolkit_tmx_units(&tr_tmx) {
        assert_eq!(pairs.len(), 10, "{pairs:?}");
        assert!(pairs.contains(&(
            "Police arrived forty minutes after the first shots were fired.".to_string(),
            "[tr] Police arrived forty minutes after the first shots were fired.".to_string()
        )));
        assert!(
            pairs.iter().all(|(s, t)| *t == format!("[tr] {s}")),
            "{pairs:?}"
        );
    }

    // A new copy of the book with no translations is seeded from the TMX.
    let fresh = fixture("alignment");
    ok(fresh.path(), &["sync"]);
    let out = tercuman(fresh.path(), &["tm", "import", tmx.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("import: 30 segments translated"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    ok(fresh.path(), &["sync"]);
    for lang in LOCALES {
        assert_eq!(
            translations_in_files(fresh.path(), lang),
            translations_in_files(root, lang),
            "{lang}"
        );
    }
}

#[test]
fn an_edit_in_both_the_po_file_and_the_memory_is_a_reported_conflict() {
    let book = fixture("alignment");
    let root = book.path();
    ok(root, &["sync"]);
    // The memory gets a translation from a TMX...
    let tmx = root.join("seed.tmx");
    std::fs::write(
        &tmx,
        "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n<tu><tuv xml:lang=\"en\"><seg>Police arrived forty minutes after the first shots were fired.</seg></tuv><tuv xml:lang=\"tr\"><seg>Polis ilk kurşunlardan kırk dakika sonra geldi.</seg></tuv></tu>\n</body></tmx>\n",
    )
    .unwrap();
    ok(root, &["tm", "import", tmx.to_str().unwrap()]);
    // ...while a translator, working on the old file, translates the same entry.
    let po = root.join("locales/tr/one.po");
    translate(
        &po,
        "Police arrived forty minutes after the first shots were fired.",
        "Polis kırk dakika sonra geldi.",
    );
    let line = msgstr_line(
        &po,
        "Police arrived forty minutes after the first shots were fired.",
    );
    let out = tercuman(root, &["sync"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("warning: locales/tr/one.po:{line}: `one/")),
        "{stderr}"
    );
    let entry = entry_text(
        &po,
        "Police arrived forty minutes after the first shots were fired.",
    );
    assert!(
        entry.contains("#, fuzzy")
            && entry.contains("msgstr \"Polis ilk kurşunlardan kırk dakika sonra geldi.\""),
        "{entry}"
    );
    let id = entry
        .lines()
        .find_map(|l| l.strip_prefix("msgctxt \""))
        .unwrap()
        .trim_end_matches('"')
        .to_string();
    let log = ok(root, &["tm", "log", &id, "--locale", "tr"]);
    assert!(
        log.contains("po-conflict") && log.contains("Polis kırk dakika sonra geldi."),
        "both versions kept: {log}"
    );
}

/// Every current entry of a PO file: (msgid, msgstr, fuzzy).
fn entries_of(po: &std::path::Path) -> Vec<(String, String, bool)> {
    let text = std::fs::read_to_string(po).unwrap();
    let catalog = tercuman::formats::po::parse(&text, po).unwrap();
    catalog
        .entries
        .into_iter()
        .filter(|e| !e.obsolete)
        .map(|e| (e.msgid, e.msgstr, e.fuzzy))
        .collect()
}

#[test]
fn changing_the_sentence_rules_loses_no_translation() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("book");
    ok(
        dir.path(),
        &["init", root.to_str().unwrap(), "--locales", "tr"],
    );
    std::fs::write(
        root.join("source/chapter-1.md"),
        "# The treaty\n\nIt was signed by Gen. Bagheri and the minister. They met in Baku. See Sch. Two for the text.\n",
    )
    .unwrap();
    ok(&root, &["sync"]);
    let po = root.join("locales/tr/chapter-1.po");
    let before: Vec<String> = entries_of(&po).into_iter().map(|(id, _, _)| id).collect();
    assert_eq!(
        before,
        [
            "The treaty",
            "It was signed by Gen. Bagheri and the minister.",
            "They met in Baku.",
            "See Sch.",
            "Two for the text."
        ]
    );
    let turkish = [
        "Antlaşma",
        "Gen. Bagheri ve bakan tarafından imzalandı.",
        "Bakü'de buluştular.",
        "Bkz. Ek",
        "İki, metin için.",
    ];
    for (english, turkish) in before.iter().zip(turkish) {
        translate(&po, english, turkish);
    }
    ok(&root, &["sync"]);

    // The author corrects the segmenter: `Sch.` is an abbreviation here,
    // and `Gen.` ends a sentence in this book.
    let toml = root.join("source/book.toml");
    let original = std::fs::read_to_string(&toml).unwrap();
    let corrected = original.replace(
        "[book]\n",
        "[book]\nno-break-after = [\"Sch.\"]\nbreak-after = [\"Gen.\"]\n",
    );
    std::fs::write(&toml, &corrected).unwrap();
    let out = tercuman(&root, &["sync"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains("the segmentation changed: sentence rules v")
            && said.contains("no-break-after: sch; break-after: gen"),
        "{said}"
    );
    let after = entries_of(&po);
    let ids: Vec<&str> = after.iter().map(|(id, _, _)| id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "The treaty",
            "It was signed by Gen.",
            "Bagheri and the minister.",
            "They met in Baku.",
            "See Sch. Two for the text."
        ]
    );
    for (english, turkish, fuzzy) in &after {
        assert!(!turkish.is_empty(), "`{english}` lost its translation");
        let unchanged = before.contains(english);
        assert_eq!(
            *fuzzy, !unchanged,
            "`{english}`: exact when the English is the same, else fuzzy"
        );
    }
    let merged = &after[4].1;
    assert!(
        merged.contains("Bkz. Ek") && merged.contains("İki, metin için."),
        "{merged}"
    );

    // Back to the old rules: every old translation is current again.
    std::fs::write(&toml, &original).unwrap();
    ok(&root, &["sync"]);
    let back = entries_of(&po);
    for ((english, turkish, fuzzy), expected) in back.iter().zip(turkish) {
        assert_eq!((turkish.as_str(), *fuzzy), (expected, false), "{english}");
    }
}

/// `tm concordance ARGS --json`.
fn concordance(root: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["tm", "concordance"];
    all.extend_from_slice(args);
    all.push("--json");
    serde_json::from_str(&ok(root, &all)).unwrap()
}

fn segments_of(found: &serde_json::Value) -> Vec<String> {
    found["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["segment"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn concordance_finds_a_name_in_english_and_translations_with_suffixes_and_folding() {
    let book = shipped_book();
    let root = book.path();
    // Every current segment whose English names Tehran, and no other.
    let found = concordance(root, &["Tehran", "--limit", "500"]);
    let expected = [
        "introduction",
        "the-terror-in-tehran",
        "military-tensions",
        "iranian-propaganda",
    ]
    .iter()
    .map(|c| std::fs::read_to_string(root.join(format!("locales/tr/{c}.po"))).unwrap())
    .map(|po| {
        po.lines()
            .filter(|l| l.starts_with("msgid ") && l.contains("Tehran"))
            .count()
    })
    .sum::<usize>();
    assert_eq!(found["total"], expected, "{found}");

    // A Turkish word found whatever its case and suffix, where the English
    // says something else.
    let found = concordance(root, &["iktidar", "--locale", "tr"]);
    assert!(
        segments_of(&found).contains(&"military-tensions/6c52b9f0".to_string()),
        "{found}"
    );
    let m = &found["matches"][0];
    assert_eq!(m["matched"], serde_json::json!(["tr"]), "{found}");
    assert!(m["translations"]["tr"]
        .as_str()
        .unwrap()
        .contains("İktidar tatbikatlarıyla"));
    assert_eq!(
        m["translations"].as_object().unwrap().len(),
        1,
        "only the locale asked for"
    );
    let phrase = concordance(root, &["İKTİDAR tatbikat", "--locale", "tr"]);
    assert_eq!(
        segments_of(&phrase),
        segments_of(&found),
        "a phrase of word beginnings"
    );
    // Persian without its ZWNJ finds the word written with it.
    let found = concordance(root, &["قرهباغ", "--locale", "fa"]);
    assert!(found["total"].as_u64().unwrap() >= 2, "{found}");
    let none = concordance(root, &["Zanzibar"]);
    assert_eq!(none["total"], 0);
}

#[test]
fn concordance_finds_an_earlier_translation_with_history_and_a_new_one_at_once() {
    let book = shipped_book();
    let root = book.path();
    let po = root.join("locales/tr/military-tensions.po");
    let msgid = "In October 2021, Tehran launched the Zolfaghar exercises along the Araz River.";
    assert!(concordance(root, &["Zülfikar"])["total"].as_u64().unwrap() >= 1);
    translate(
        &po,
        msgid,
        "Ekim 2021'de Tahran, Aras Nehri boyunca yeni bir tatbikat başlattı.",
    );
    ok(root, &["sync"]);

    assert_eq!(
        concordance(root, &["Zülfikar", "--locale", "tr"])["total"],
        0,
        "no longer current"
    );
    let old = concordance(root, &["Zülfikar", "--locale", "tr", "--history"]);
    let history = &old["matches"][0]["history"];
    assert_eq!(history.as_array().unwrap().len(), 1, "{old}");
    assert!(
        history[0]["text"]
            .as_str()
            .unwrap()
            .contains("Zülfikar tatbikatlarını"),
        "{old}"
    );
    assert_eq!(history[0]["locale"], "tr");
    let new = concordance(root, &["yeni bir tatbikat"]);
    assert_eq!(
        new["matches"][0]["matched"],
        serde_json::json!(["tr"]),
        "{new}"
    );

    // A memory index rebuilt from the journal has new row ids: the cache
    // notices and answers as before.
    ok(root, &["tm", "rebuild"]);
    assert_eq!(concordance(root, &["yeni bir tatbikat"]), new);
    assert_eq!(
        concordance(root, &["Zülfikar", "--locale", "tr", "--history"]),
        old
    );
}
