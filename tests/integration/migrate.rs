//! Coming from mdBook: `init --from-mdbook` brings an mdBook's chapters,
//! images and metadata over, and names what it could not keep.

use crate::support::*;

#[test]
fn an_mdbook_becomes_a_book_with_its_chapters_images_and_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let (root, out) = init_from_mdbook(dir.path(), &repo_root().join("tests/fixtures/mdbook"));
    let said = String::from_utf8_lossy(&out.stderr);
    for (file, line, what) in [
        ("src/SUMMARY.md", 5, "part title `Travelling`"),
        ("src/SUMMARY.md", 8, "nested chapters"),
        ("src/SUMMARY.md", 9, "draft chapter `Weather`"),
        ("src/guide/install.md", 9, "{{#include"),
        ("src/guide/usage.md", 8, "hidden lines"),
    ] {
        assert!(
            said.lines()
                .any(|l| l.contains(&format!("{file}:{line}: ")) && l.contains(what)),
            "{file}:{line} {what} is reported: {said}"
        );
    }

    let config = std::fs::read_to_string(root.join("source/book.toml")).unwrap();
    for kept in [
        "title = \"The Caspian Handbook\"",
        "author = \"Leyla Mammadova, Arash Karimi\"",
        "description = \"A short guide to the Caspian region, written with mdBook.\"",
        "source-language = \"en\"",
        "chapters = [\n    \"intro.md\",\n    \"guide/install.md\",\n    \"guide/usage.md\",\n    \"credits.md\",\n]",
    ] {
        assert!(config.contains(kept), "{kept} in {config}");
    }
    assert!(root.join("source/guide/img/diagram.png").exists());
    assert!(
        !root.join("source/chapter-1.md").exists(),
        "no sample chapter"
    );
    assert!(root.join("locales/fa/usage.po").exists(), "synced");
    // Its `po/fa.po` (mdbook-i18n-helpers' place) came along.
    assert!(
        said.contains("(mdbook-po) into fa: 14 translated"),
        "{said}"
    );
    assert_eq!(locale_status(&root, "fa")["segments"]["translated"], 14);

    ok(&root, &["build"]);
    let intro = std::fs::read_to_string(root.join("dist/html/en/intro.html")).unwrap();
    assert!(
        intro.contains("<a href=\"install.html\">Getting there</a>"),
        "a link into a chapter folder reaches its page: {intro}"
    );
    let install = std::fs::read_to_string(root.join("dist/html/en/install.html")).unwrap();
    let image = install
        .split("<img src=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("the image");
    assert!(
        root.join("dist/html/en").join(image).exists(),
        "the image is published where the page points: {image}"
    );
    // The English edition carries the description; epubcheck accepts it.
    let epub = root.join("dist/epub/the-caspian-handbook.en.epub");
    assert!(epub.exists(), "{}", epub.display());
    let opf = std::process::Command::new("unzip")
        .args(["-p", epub.to_str().unwrap(), "OEBPS/content.opf"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&opf.stdout).contains(
            "<dc:description>A short guide to the Caspian region, written with mdBook.</dc:description>"
        ),
        "{}",
        String::from_utf8_lossy(&opf.stdout)
    );
    if let Some((errors, _, report)) = epubcheck(&epub) {
        assert_eq!(errors, 0, "{report}");
    }
}

#[test]
fn a_chapter_name_no_page_can_have_is_renamed_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let mdbook = dir.path().join("book");
    std::fs::create_dir_all(mdbook.join("src/a")).unwrap();
    std::fs::create_dir_all(mdbook.join("src/b")).unwrap();
    std::fs::write(
        mdbook.join("book.toml"),
        "[book]\ntitle = \"Two Readmes\"\n",
    )
    .unwrap();
    std::fs::write(
        mdbook.join("src/SUMMARY.md"),
        "- [A](a/README.md)\n- [B](b/README.md)\n- [Ç](b/çay.md)\n",
    )
    .unwrap();
    for (file, text) in [
        ("a/README.md", "# A\n\nOne.\n"),
        ("b/README.md", "# B\n\nTwo.\n"),
        ("b/çay.md", "# Ç\n\nTea.\n"),
    ] {
        std::fs::write(mdbook.join("src").join(file), text).unwrap();
    }
    let (root, out) = init_from_mdbook(dir.path(), &mdbook);
    let config = std::fs::read_to_string(root.join("source/book.toml")).unwrap();
    assert!(
        config.contains("\"a/README.md\",\n    \"b/b-readme.md\",\n    \"b/b--ay.md\","),
        "{config}"
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("copied as `source/b/b-readme.md`"), "{said}");
    assert_eq!(
        std::fs::read_to_string(root.join("source/b/b-readme.md")).unwrap(),
        "# B\n\nTwo.\n"
    );
}

/// The mdBook fixture brought into a new book in a temporary directory.
fn book_from_mdbook() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    // The mdBook without its catalogs: the tests import them themselves.
    let mdbook = dir.path().join("mdbook");
    copy_dir(&repo_root().join("tests/fixtures/mdbook"), &mdbook);
    std::fs::remove_dir_all(mdbook.join("po")).unwrap();
    let (root, _) = init_from_mdbook(dir.path(), &mdbook);
    (dir, root)
}

/// `tercuman init <dir>/caspian --from-mdbook <mdbook>`, asserted to succeed.
fn init_from_mdbook(
    dir: &std::path::Path,
    mdbook: &std::path::Path,
) -> (std::path::PathBuf, std::process::Output) {
    let root = dir.join("caspian");
    let out = command(
        &root,
        &[
            "init",
            root.to_str().unwrap(),
            "--from-mdbook",
            mdbook.to_str().unwrap(),
        ],
    )
    .output()
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (root, out)
}

/// The `msgstr` of the entry whose `msgid` is `msgid`, and whether it is fuzzy.
fn entry(po: &std::path::Path, msgid: &str) -> (String, bool, String) {
    let text = std::fs::read_to_string(po).unwrap();
    let block = text
        .split("\n\n")
        .find(|b| b.contains(&format!("msgid \"{msgid}\"")))
        .unwrap_or_else(|| panic!("no entry {msgid} in {text}"));
    let msgstr = block
        .lines()
        .find_map(|l| l.strip_prefix("msgstr \""))
        .map(|s| s.trim_end_matches('"').to_string())
        .unwrap();
    (msgstr, block.contains("#, fuzzy"), block.to_string())
}

#[test]
fn a_po4a_catalog_lands_sentence_by_sentence_with_doubtful_alignments_fuzzy() {
    let (_dir, root) = book_from_mdbook();
    // A translator already gave the first title its Turkish.
    let intro = root.join("locales/tr/intro.po");
    translate(&intro, "Introduction", "Önsöz");
    ok(&root, &["sync"]);
    let catalog = repo_root().join("tests/fixtures/mdbook/po4a/tr.po");
    let out = tercuman(&root, &["import", catalog.to_str().unwrap()]);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains("(po4a) into tr: 13 translated, 2 fuzzy for a reviewer to check, 4 left untranslated, 1 already translated and kept"),
        "the catalog's own Language names the locale: {said}"
    );
    // The translator's stays; the catalog's is in the history.
    assert_eq!(entry(&intro, "Introduction").0, "Önsöz");
    let title = segment_id(&intro, "Introduction");
    assert!(ok(&root, &["tm", "log", &title]).contains("Giriş"));

    let install = root.join("locales/tr/install.po");
    // As many sentences, lengths consistent: translated.
    let (text, fuzzy, block) = entry(&install, "Most visitors arrive by air.");
    assert_eq!(
        (text.as_str(), fuzzy),
        ("Çoğu ziyaretçi havayoluyla gelir.", false),
        "{block}"
    );
    assert_eq!(
        entry(
            &install,
            "The airport in Baku is the largest in the region."
        )
        .0,
        "Bakü'deki havalimanı bölgenin en büyüğüdür."
    );
    // Two sentences made one: fuzzy on the first, with why; the second left.
    let (text, fuzzy, block) = entry(&intro, "Baku, Aktau and Anzali are its busiest ports.");
    assert!(text.starts_with("Bakü, Aktav ve Enzeli"), "{block}");
    assert!(fuzzy, "{block}");
    assert!(
        block.contains("tr.po:35 (po4a)") && block.contains("this sentence and the next"),
        "{block}"
    );
    assert_eq!(entry(&intro, "Each has a long history of trade.").0, "");
    // A fuzzy entry of the old catalog is a suggestion, never a translation.
    let (text, fuzzy, block) = entry(&root.join("locales/tr/credits.po"), "Credits");
    assert_eq!((text.as_str(), fuzzy), ("Emeği geçenler", true), "{block}");
    assert!(
        block.contains("a fuzzy entry of the old catalog"),
        "{block}"
    );

    let status = locale_status(&root, "tr");
    assert_eq!(status["segments"]["translated"], 14, "{status}");
    assert_eq!(status["segments"]["fuzzy"], 2, "{status}");
    let segment = segment_id(&install, "Most visitors arrive by air.");
    let log = ok(&root, &["tm", "log", &segment]);
    assert!(log.contains("po4a") && log.contains("translated"), "{log}");
    for chapter in ["intro", "install", "usage", "credits"] {
        let po = root.join(format!("locales/tr/{chapter}.po"));
        if let Some((fine, report)) = msgfmt_check(&po) {
            assert!(fine, "{chapter}: {report}");
        }
    }

    // Imported again: nothing changes, nothing is counted twice.
    ok(&root, &["import", catalog.to_str().unwrap()]);
    assert_eq!(locale_status(&root, "tr")["segments"], status["segments"]);
}

#[test]
fn a_broken_catalog_changes_nothing_and_a_tercuman_catalog_is_pointed_to_sync() {
    let (_dir, root) = book_from_mdbook();
    let before = snapshot(&root);
    let broken = root.join("broken.po");
    std::fs::write(
        &broken,
        "msgid \"Introduction\"\nmsgstr \"Giriş\"\nmsgstr \"again\"\n",
    )
    .unwrap();
    let out = tercuman(
        &root,
        &["import", broken.to_str().unwrap(), "--locale", "tr"],
    );
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("broken.po:3"), "{said}");
    std::fs::remove_file(&broken).unwrap();
    assert!(snapshot(&root) == before, "memory and files as they were");

    let ours = root.join("locales/tr/intro.po");
    let out = tercuman(&root, &["import", ours.to_str().unwrap()]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("tercuman sync"), "{said}");
}

/// Each entry's (msgctxt, msgid, msgstr) in a PO file, in file order.
fn po_entries(po: &std::path::Path) -> Vec<(String, String, String, bool)> {
    let text = std::fs::read_to_string(po).unwrap();
    let catalog = tercuman::formats::po::parse(&text, po).unwrap();
    catalog
        .entries
        .into_iter()
        .filter(|e| !e.obsolete && e.msgctxt.is_some())
        .map(|e| (e.msgctxt.unwrap(), e.msgid, e.msgstr, e.fuzzy))
        .collect()
}

#[test]
fn the_shipped_books_translations_as_markdown_import_back_to_the_same_translations() {
    let shipped = shipped_book();
    let dir = tempfile::tempdir().unwrap();
    let chapters = [
        "introduction",
        "the-terror-in-tehran",
        "military-tensions",
        "iranian-propaganda",
    ];
    // A translator's copy of each chapter, reassembled from our PO files:
    // the English with each sentence replaced by its translation.
    for lang in ["az", "fa", "tr"] {
        let out = dir.path().join(lang);
        std::fs::create_dir_all(&out).unwrap();
        for chapter in chapters {
            let english =
                std::fs::read_to_string(shipped.path().join(format!("source/{chapter}.md")))
                    .unwrap();
            let mut markdown = String::new();
            let mut rest = english.as_str();
            for (_, msgid, msgstr, _) in
                po_entries(&shipped.path().join(format!("locales/{lang}/{chapter}.po")))
            {
                let at = rest
                    .find(&msgid)
                    .unwrap_or_else(|| panic!("{chapter}: {msgid}"));
                markdown.push_str(&rest[..at]);
                markdown.push_str(&msgstr);
                rest = &rest[at + msgid.len()..];
            }
            markdown.push_str(rest);
            std::fs::write(out.join(format!("{chapter}.md")), markdown).unwrap();
        }
    }
    // The same book with no translation at all.
    let book = tempfile::tempdir().unwrap();
    copy_dir(&shipped.path().join("source"), &book.path().join("source"));
    copy_dir(
        &shipped.path().join("locales"),
        &book.path().join("locales"),
    );
    for lang in ["az", "fa", "tr"] {
        for chapter in chapters {
            let po = book.path().join(format!("locales/{lang}/{chapter}.po"));
            let text = std::fs::read_to_string(&po).unwrap();
            let mut catalog = tercuman::formats::po::parse(&text, &po).unwrap();
            for e in &mut catalog.entries {
                e.msgstr.clear();
                e.fuzzy = false;
            }
            std::fs::write(&po, tercuman::formats::po::write(&catalog)).unwrap();
        }
    }
    let root = book.path();
    ok(root, &["sync"]);
    assert_eq!(locale_status(root, "fa")["segments"]["translated"], 0);

    for lang in ["az", "fa", "tr"] {
        let copy = dir.path().join(lang);
        ok(
            root,
            &[
                "import",
                "--aligned-markdown",
                copy.to_str().unwrap(),
                "--locale",
                lang,
            ],
        );
        let (mut correct, mut fuzzy, mut wrong, mut total) = (0, 0, Vec::new(), 0);
        for chapter in chapters {
            let expected = po_entries(&shipped.path().join(format!("locales/{lang}/{chapter}.po")));
            let got = po_entries(&root.join(format!("locales/{lang}/{chapter}.po")));
            for ((id, _, want, _), (got_id, _, text, is_fuzzy)) in expected.iter().zip(&got) {
                assert_eq!(id, got_id);
                total += 1;
                if *is_fuzzy {
                    fuzzy += 1;
                } else if text == want {
                    correct += 1;
                } else {
                    wrong.push((id.clone(), text.clone()));
                }
            }
        }
        eprintln!(
            "{lang}: {correct} correct, {fuzzy} fuzzy, {} wrong of {total}",
            wrong.len()
        );
        assert!(wrong.is_empty(), "{lang}: translated but wrong: {wrong:?}");
        assert!(
            correct * 100 >= total * 95,
            "{lang}: {correct} of {total} correct"
        );
        let log = ok(
            root,
            &["tm", "log", &format!("introduction/{}", "205412b9")],
        );
        assert!(log.contains("aligned-markdown"), "{log}");
    }
}

#[test]
fn an_mdbook_xgettext_catalog_brings_its_translations_and_its_doubts() {
    let (_dir, root) = book_from_mdbook();
    let catalog = repo_root().join("tests/fixtures/mdbook/po/fa.po");
    let out = tercuman(&root, &["import", catalog.to_str().unwrap()]);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains("(mdbook-po) into fa: 14 translated, 2 fuzzy for a reviewer to check, 3 left untranslated"),
        "{said}"
    );
    // The include mdBook expanded has no paragraph here: named.
    assert!(
        said.contains("1 paragraph of the book found no entry in the catalog, first source/guide/install.md:9"),
        "{said}"
    );
    let install = root.join("locales/fa/install.po");
    let (text, fuzzy, block) = entry(&install, "Trains also run from Tbilisi.");
    assert!(fuzzy && text.starts_with("از تفلیس"), "{block}");
    assert!(
        block.contains("fa.po:") && block.contains("(mdbook-po)"),
        "{block}"
    );
    let (text, fuzzy, _) = entry(&install, "Most visitors arrive by air.");
    assert_eq!(
        (text.as_str(), fuzzy),
        ("بیشتر بازدیدکنندگان با هواپیما می‌رسند.", false)
    );
    // The obsolete entry's text is nowhere a translation.
    let all: String = ["intro", "install", "usage", "credits"]
        .iter()
        .map(|c| std::fs::read_to_string(root.join(format!("locales/fa/{c}.po"))).unwrap())
        .collect();
    assert!(!all.contains("msgstr \"خزر یک دریاچه است.\""), "{all}");

    ok(&root, &["build", "--only", "html"]);
    let page = std::fs::read_to_string(root.join("dist/html/fa/install.html")).unwrap();
    assert!(
        page.contains("بیشتر بازدیدکنندگان با هواپیما می‌رسند."),
        "{page}"
    );
    let segment = segment_id(&install, "Most visitors arrive by air.");
    assert!(ok(&root, &["tm", "log", &segment]).contains("mdbook-po"));
}
