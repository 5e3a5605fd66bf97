//! Editions a publisher can ship: reproducible bytes, a cover, the bilingual
//! proof, and the per-locale choice between English fallback and refusal.

use crate::support::*;
use crate::workflow::epub_files;

#[test]
fn the_same_inputs_and_source_date_epoch_give_byte_identical_editions() {
    let book = shipped_book();
    let root = book.path();
    let (a, b) = (root.join("out-a"), root.join("out-b"));
    ok(root, &["build", "--out", a.to_str().unwrap()]);
    ok(root, &["build", "--out", b.to_str().unwrap()]);
    let (first, second) = (snapshot(&a), snapshot(&b));
    assert!(
        first.len() > 30,
        "EPUBs, HTML pages, proofs, dashboard: {}",
        first.len()
    );
    assert_eq!(first, second);
    // The date is SOURCE_DATE_EPOCH's (support sets 1767225600 = 2026-01-01).
    let opf = &epub_files(&a.join("epub/iran-and-azerbaijan-neighbors-in-distrust.tr.epub"))
        ["OEBPS/content.opf"];
    assert!(
        opf.contains("<meta property=\"dcterms:modified\">2026-01-01T00:00:00Z</meta>"),
        "{opf}"
    );
    assert!(opf.contains("<dc:source>urn:uuid:6f0f4d8e-2c1a-4b57-9a43-0d4c3e9b7a21</dc:source>"));
    assert!(
        opf.contains("property=\"role\" scheme=\"marc:relators\">trl</meta>"),
        "translator credited"
    );
    assert!(opf.contains("<meta property=\"schema:accessibilitySummary\">"));
}

/// Every file under `dir`, hidden ones too, with its bytes.
fn every_file(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                files.push((path.strip_prefix(dir).unwrap().to_path_buf(), bytes));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn two_checkouts_of_one_book_build_byte_identical_dist_folders() {
    let (one, two) = (shipped_book(), shipped_book());
    ok(one.path(), &["build"]);
    ok(two.path(), &["build"]);
    let (first, second) = (
        every_file(&one.path().join("dist")),
        every_file(&two.path().join("dist")),
    );
    let names: Vec<_> = first.iter().map(|(p, _)| p.display().to_string()).collect();
    assert!(
        names.iter().all(|n| !n.contains(".tercuman-build")),
        "no build fingerprint among what a publisher uploads: {names:?}"
    );
    assert_eq!(first, second);
    // The fingerprint still lets an unchanged book skip the build.
    let again = tercuman(one.path(), &["build"]);
    let said = String::from_utf8_lossy(&again.stderr);
    assert!(
        again.status.success() && said.contains("up to date"),
        "{said}"
    );
}

#[test]
fn every_epub_has_a_generated_cover_with_its_localized_title() {
    let book = shipped_book();
    let root = book.path();
    ok(root, &["build"]);
    let fa = epub_files(&root.join("dist/epub/iran-and-azerbaijan-neighbors-in-distrust.fa.epub"));
    let opf = &fa["OEBPS/content.opf"];
    assert!(
        opf.contains("href=\"cover.svg\"") && opf.contains("properties=\"cover-image\""),
        "{opf}"
    );
    let svg = &fa["OEBPS/cover.svg"];
    assert!(
        svg.contains("<title>ایران و آذربایجان: همسایگانی در بی\u{200c}اعتمادی</title>"),
        "{svg}"
    );
    assert!(
        svg.contains("Noto Naskh Arabic"),
        "an Arabic-script font stack for Persian"
    );
    assert!(
        fa["OEBPS/nav.xhtml"].contains("epub:type=\"cover\""),
        "a cover landmark"
    );
}

#[test]
fn the_bilingual_proof_shows_each_segment_with_its_status_and_po_line() {
    let book = fixture("small");
    let root = book.path();
    ok(root, &["sync"]);
    let po = root.join("locales/tr/first.po");
    translate(&po, "Hello, world.", "Merhaba, dünya.");
    translate(&po, "A quoted line.", "Alıntılanmış bir satır.");
    mark_fuzzy(&po, "A quoted line.");
    translate(&po, "A second item", "<script>x</script>");
    ok(root, &["build"]);
    let proof = std::fs::read_to_string(root.join("dist/html/tr/proof/first.html")).unwrap();
    let rows: Vec<&str> = proof
        .lines()
        .filter(|l| l.starts_with("<tr class="))
        .collect();
    assert_eq!(rows.len(), 9, "one row per segment of the chapter");
    let find = |english: &str| {
        *rows
            .iter()
            .find(|r| r.contains(english))
            .unwrap_or_else(|| panic!("no row for {english}"))
    };
    let hello = find(">Hello, world.<");
    assert!(hello.starts_with("<tr class=\"translated\""), "{hello}");
    assert!(
        hello.contains("<td lang=\"tr\" dir=\"ltr\">Merhaba, dünya.</td>"),
        "{hello}"
    );
    let line = msgstr_line(&root.join("locales/tr/first.po"), "Hello, world.");
    assert!(
        hello.contains(&format!(
            "<td class=\"fix\">locales/tr/first.po:{line}<br /><code class=\"approve\">tercuman review --locale tr --segment "
        )),
        "{hello}"
    );
    assert!(find(">A quoted line.<").starts_with("<tr class=\"fuzzy\""));
    assert!(find(">Two sentences.<").starts_with("<tr class=\"untranslated\""));
    let failed = find(">A second item<");
    assert!(failed.starts_with("<tr class=\"check-failed\""), "{failed}");
    assert!(
        failed.contains("&lt;script&gt;") && !failed.contains("<script>"),
        "untrusted text stays text: {failed}"
    );
    // The English edition has no proof; each translated one links its proofs.
    assert!(!root.join("dist/html/en/proof").exists());
    let index = std::fs::read_to_string(root.join("dist/html/tr/index.html")).unwrap();
    assert!(index.contains("<a href=\"proof/first.html\">"));
}

#[test]
fn a_locale_may_refuse_english_fallback() {
    let book = fixture("small");
    let root = book.path();
    let config = root.join("source/book.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        format!("{text}\n[locale.fa]\nuntranslated = \"refuse\"\n"),
    )
    .unwrap();
    let out = tercuman(root, &["build"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("the fa edition has 18 segments without a published translation"),
        "{stderr}"
    );
    assert!(
        !root.join("dist/epub").exists(),
        "no edition written when one is refused"
    );
    std::fs::write(
        &config,
        format!("{text}\n[locale.fa]\nuntranslated = \"maybe\"\n"),
    )
    .unwrap();
    let out = tercuman(root, &["build"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("book.toml"));
}

#[test]
fn an_unchanged_book_is_not_rebuilt_but_any_change_or_missing_output_is() {
    let book = fixture("small");
    let root = book.path();
    ok(root, &["build"]);
    let out = tercuman(root, &["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("are up to date"), "{stderr}");
    // A translation changes: sync and build run again.
    translate(
        &root.join("locales/tr/first.po"),
        "Hello, world.",
        "Merhaba, dünya.",
    );
    let out = tercuman(root, &["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("1 translation imported") && stderr.contains("built tr:"),
        "{stderr}"
    );
    let html = std::fs::read_to_string(root.join("dist/html/tr/first.html")).unwrap();
    assert!(html.contains("Merhaba, dünya."));
    // An output deleted by hand is rebuilt.
    std::fs::remove_file(root.join("dist/html/tr/first.html")).unwrap();
    let out = tercuman(root, &["build"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("built tr:"));
    assert!(root.join("dist/html/tr/first.html").exists());
    // Other options are another build.
    let out = tercuman(root, &["build", "--allow-check-errors"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("built tr:"));
}

#[test]
fn build_only_epub_or_only_html_writes_just_that_edition() {
    let book = fixture("small");
    let root = book.path();
    ok(root, &["build", "--only", "epub"]);
    assert!(root.join("dist/epub").read_dir().unwrap().count() == 4);
    assert!(!root.join("dist/html").exists(), "no HTML asked for");
    // Other options are another build, not a no-op.
    ok(root, &["build", "--only", "html"]);
    assert!(root.join("dist/html/fa/first.html").exists());
    for entry in root.join("dist/epub").read_dir().unwrap() {
        if let Some((errors, _, report)) = epubcheck(&entry.unwrap().path()) {
            assert_eq!(errors, 0, "{report}");
        }
    }
}

#[test]
fn a_translation_that_passed_a_build_is_checked_again_when_it_changes() {
    let book = fixture("small");
    let root = book.path();
    ok(root, &["sync"]);
    let po = root.join("locales/tr/first.po");
    let english = "This is the *first* paragraph of Mr. Smith's book.";
    let good = "Bu, Bay Smith'in kitabının *ilk* paragrafıdır.";
    let broken = "Bu, Bay Smith'in kitabının *ilk paragrafıdır.";
    let page = || std::fs::read_to_string(root.join("dist/html/tr/first.html")).unwrap();

    translate(&po, english, good);
    ok(root, &["build"]);
    assert!(page().contains("<em>ilk</em>"), "{}", page());
    let record = root.join("tm/.build-stamp-checks");
    assert!(record.exists(), "the build records what passed");

    // The same segment, now with broken markup: the record knows the pair
    // that passed, not this one.
    translate(&po, english, broken);
    let out = tercuman(root, &["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("fails a check and is shown in English"),
        "{stderr}"
    );
    assert!(!page().contains("*ilk paragraf"), "{}", page());
    assert!(
        page().contains("the <em>first</em> paragraph"),
        "{}",
        page()
    );

    // Back to the good text: published again.
    translate(&po, english, good);
    let out = tercuman(root, &["build"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("fails a check"));
    assert!(page().contains("<em>ilk</em>"));

    // A record garbled by hand decides nothing.
    std::fs::write(&record, b"tercuman build checks 1\nnonsense\n").unwrap();
    translate(&po, english, broken);
    let out = tercuman(root, &["build"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("fails a check"));
    assert!(!page().contains("*ilk paragraf"));
}
