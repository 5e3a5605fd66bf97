//! Coming from mdBook: `init --from-mdbook` brings an mdBook's chapters,
//! images and metadata over, and names what it could not keep.

use crate::support::*;

#[test]
fn an_mdbook_becomes_a_book_with_its_chapters_images_and_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("caspian");
    let mdbook = repo_root().join("tests/fixtures/mdbook");
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
    let root = dir.path().join("new");
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
