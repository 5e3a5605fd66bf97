//! The book this repository publishes: its files are in sync, its PO files
//! pass msgfmt, its four EPUBs pass epubcheck, its Persian edition is RTL.

use crate::support::*;
use crate::workflow::epub_files;

#[test]
fn the_shipped_memory_and_segment_files_are_in_sync_with_the_source() {
    let book = shipped_book();
    let before = snapshot(book.path());
    let out = tercuman(book.path(), &["sync"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        snapshot(book.path()),
        before,
        "run `tercuman sync` and commit its output"
    );
}

#[test]
fn the_shipped_po_files_pass_msgfmt_check() {
    let mut checked = 0;
    for lang in ["az", "fa", "tr"] {
        let dir = repo_root().join("locales").join(lang);
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "po") {
                checked += 1;
                if let Some((passed, stderr)) = msgfmt_check(&path) {
                    assert!(passed, "{}: {stderr}", path.display());
                }
            }
        }
    }
    assert_eq!(checked, 12, "four chapters in three locales");
}

#[test]
fn the_shipped_editions_pass_epubcheck_and_persian_is_right_to_left() {
    let book = shipped_book();
    let root = book.path();
    ok(root, &["build"]);
    for lang in ["en", "az", "fa", "tr"] {
        let epub = root.join(format!(
            "dist/epub/iran-and-azerbaijan-neighbors-in-distrust.{lang}.epub"
        ));
        assert!(epub.exists(), "{}", epub.display());
        if let Some((errors, warnings, text)) = epubcheck(&epub) {
            assert_eq!((errors, warnings), (0, 0), "{}:\n{text}", epub.display());
        }
        let files = epub_files(&epub);
        let opf = &files["OEBPS/content.opf"];
        assert!(
            opf.contains(&format!("<dc:language>{lang}</dc:language>")),
            "{opf}"
        );
        for (name, text) in files.iter().filter(|(n, _)| n.ends_with(".xhtml")) {
            assert!(
                text.contains(&format!("lang=\"{lang}\"")),
                "{lang}: {name} has no lang"
            );
        }
        let html =
            std::fs::read_to_string(root.join(format!("dist/html/{lang}/index.html"))).unwrap();
        assert!(html.contains(&format!("lang=\"{lang}\" xml:lang=\"{lang}\"")));
    }
    let fa = epub_files(&root.join("dist/epub/iran-and-azerbaijan-neighbors-in-distrust.fa.epub"));
    assert!(
        fa["OEBPS/content.opf"].contains("<spine toc=\"ncx\" page-progression-direction=\"rtl\">")
    );
    for (name, text) in fa.iter().filter(|(n, _)| n.ends_with(".xhtml")) {
        assert!(text.contains("dir=\"rtl\""), "{name} is not right-to-left");
    }
    let chapters = [
        "introduction",
        "the-terror-in-tehran",
        "military-tensions",
        "iranian-propaganda",
    ];
    for chapter in chapters {
        assert!(fa.contains_key(&format!("OEBPS/{chapter}.xhtml")));
        assert!(root.join(format!("dist/html/fa/{chapter}.html")).exists());
    }
}

#[test]
fn the_shipped_translations_are_complete_and_pass_every_check() {
    let book = shipped_book();
    let root = book.path();
    let status: serde_json::Value =
        serde_json::from_str(&ok(root, &["status", "--json", "--min", "100"])).unwrap();
    for locale in status["locales"].as_array().unwrap() {
        assert_eq!(locale["percent_translated"], 100.0, "{locale}");
        assert_eq!(locale["segments"]["fuzzy"], 0);
    }
    let out = tercuman(root, &["check", "--json", "--length-ratio"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["errors"], 0, "{report}");
    assert_eq!(report["warnings"], 0, "{report}");
    assert_eq!(out.status.code(), Some(0));
    // Persian is written with Persian letters and keeps its zero-width non-joiners.
    let fa = std::fs::read_to_string(repo_root().join("locales/fa/introduction.po")).unwrap();
    assert!(
        !fa.contains('ي') && !fa.contains('ك'),
        "Arabic yeh/kaf instead of Persian ی/ک"
    );
    assert!(fa.contains("می\u{200c}"), "ZWNJ kept");
    ok(root, &["build"]);
    let html = std::fs::read_to_string(root.join("dist/html/fa/introduction.html")).unwrap();
    assert!(
        html.contains("می\u{200c}"),
        "ZWNJ survives into the edition"
    );
    assert!(
        !html.contains("class=\"fallback"),
        "nothing shown in English"
    );
}
