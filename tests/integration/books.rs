//! Real books: figures, footnotes, tables, task lists, escapes and links
//! between chapters, in every edition of the kitchen-sink fixture (English,
//! Azerbaijani, Persian and Turkish translations).

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::*;

/// The EPUB's entries: text ones with their text, others as `<binary>`.
fn entries(epub: &Path) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(epub).unwrap()).unwrap();
    let mut files = BTreeMap::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut bytes).unwrap();
        let text = String::from_utf8(bytes).unwrap_or_else(|_| "<binary>".into());
        files.insert(f.name().to_string(), text);
    }
    files
}

fn epub(root: &Path, lang: &str) -> BTreeMap<String, String> {
    entries(&root.join(format!("dist/epub/kitchen-sink.{lang}.epub")))
}

fn page(root: &Path, path: &str) -> String {
    std::fs::read_to_string(root.join("dist/html").join(path)).unwrap()
}

#[test]
fn every_edition_of_a_real_book_passes_epubcheck_with_nothing_to_report() {
    let book = fixture("kitchen-sink");
    let root = book.path();
    ok(root, &["build"]);
    for lang in ["en", "az", "fa", "tr"] {
        let path = root.join(format!("dist/epub/kitchen-sink.{lang}.epub"));
        if let Some((errors, warnings, out)) = epubcheck(&path) {
            assert_eq!((errors, warnings), (0, 0), "{lang}: {out}");
            if std::env::var_os(REQUIRE_VALIDATORS).is_some() {
                assert!(
                    out.contains("EPUB version 3.3 rules"),
                    "epubcheck 5 ran too: {out}"
                );
            }
        }
    }
}

#[test]
fn figures_are_published_with_every_edition_and_a_locale_can_replace_one() {
    let book = fixture("kitchen-sink");
    let root = book.path();
    ok(root, &["build"]);
    for lang in ["en", "az", "fa", "tr"] {
        let files = epub(root, lang);
        assert_eq!(files["OEBPS/images/map.png"], "<binary>", "{lang}");
        let opf = &files["OEBPS/content.opf"];
        assert!(
            opf.contains("media-type=\"image/png\"") && opf.contains("href=\"images/map.png\""),
            "{lang}: {opf}"
        );
        assert!(opf.contains("href=\"images/diagram.svg\""), "{lang}: {opf}");
        // Beside the HTML pages, where the pages' relative paths find them.
        assert!(root
            .join(format!("dist/html/{lang}/images/map.png"))
            .is_file());
        let first = page(root, &format!("{lang}/first.html"));
        assert!(
            first.contains("<img src=\"images/diagram.svg\""),
            "{lang}: {first}"
        );
    }
    // The Persian diagram is the locale's own; the others show the source's.
    let fa_svg = std::fs::read_to_string(root.join("dist/html/fa/images/diagram.svg")).unwrap();
    let en_svg = std::fs::read_to_string(root.join("dist/html/en/images/diagram.svg")).unwrap();
    assert!(fa_svg.contains("همگام‌سازی") && !en_svg.contains("همگام‌سازی"));
    assert!(epub(root, "fa")["OEBPS/images/diagram.svg"].contains("همگام‌سازی"));
    assert!(!epub(root, "tr")["OEBPS/images/diagram.svg"].contains("همگام‌سازی"));
    // An image with a title is a figure whose caption is translated.
    let fa = page(root, "fa/first.html");
    assert!(
        fa.contains("<figure>\n<img src=\"images/map.png\" alt=\"نقشهٔ منطقه\" />\n<figcaption>منطقه در سال ۲۰۲۰</figcaption>\n</figure>"),
        "{fa}"
    );
    // Proof pages, a folder down, show the figures too.
    let proof = page(root, "fa/proof/first.html");
    assert!(proof.contains("src=\"../images/map.png\""), "{proof}");
}

#[test]
fn footnotes_link_both_ways_and_pop_up_in_epub_readers() {
    let book = fixture("kitchen-sink");
    let root = book.path();
    ok(root, &["build"]);
    for lang in ["en", "az", "fa", "tr"] {
        let files = epub(root, lang);
        let first = &files["OEBPS/first.xhtml"];
        // Numbered in the edition's digits; ids stay ASCII.
        let one = if lang == "fa" { "۱" } else { "1" };
        assert!(
            first.contains(&format!("<a class=\"noteref\" id=\"fnref-1\" href=\"#fn-1\" epub:type=\"noteref\" role=\"doc-noteref\">{one}</a>")),
            "{lang}: {first}"
        );
        assert!(
            first.contains("<aside class=\"footnote\" id=\"fn-1\" epub:type=\"footnote\" role=\"doc-footnote\">"),
            "{lang}: {first}"
        );
        assert!(
            first.contains("href=\"#fnref-1\" role=\"doc-backlink\""),
            "{lang}"
        );
        // Numbered per chapter: the second chapter's note is its first.
        assert!(
            files["OEBPS/second.xhtml"].contains("id=\"fn-1\""),
            "{lang}"
        );
        let html = page(root, &format!("{lang}/first.html"));
        assert!(
            html.contains("href=\"#fn-1\"") && !html.contains("epub:type"),
            "{lang}"
        );
    }
    assert!(page(root, "tr/first.html")
        .contains("<p>Not, bir <a href=\"https://example.org/\">bağlantıyla</a>.</p>"));
    let proof = page(root, "fa/proof/first.html");
    assert!(proof.contains("<sup class=\"noteref\">1</sup>"), "{proof}");
}

#[test]
fn what_the_author_wrote_keeps_its_meaning_in_every_language() {
    let book = fixture("kitchen-sink");
    let root = book.path();
    ok(root, &["build"]);
    let en = page(root, "en/first.html");
    let fa = page(root, "fa/first.html");
    let tr = page(root, "tr/first.html");
    // Escapes stay literal characters.
    assert!(en.contains("Escapes stay literal: *not emphasis*, [not a link], ![not an image] and 5 * 3 &amp; more."), "{en}");
    assert!(
        tr.contains("*vurgu değil*, [bağlantı değil], ![görsel değil] ve 5 * 3 &amp; fazlası."),
        "{tr}"
    );
    // A code span a hard-wrapped line breaks keeps one space, no backslash.
    assert!(en.contains("<code>wraps across lines</code>"), "{en}");
    // Table alignment, an escaped pipe, code in a cell.
    assert!(
        fa.contains("<td style=\"text-align: right\">۱۰|۰۰۰</td>"),
        "{fa}"
    );
    assert!(
        fa.contains("<td style=\"text-align: right\"><code dir=\"ltr\">n/a</code></td>"),
        "{fa}"
    );
    // Task lists, nested lists and quotes, strikethrough.
    assert!(
        fa.contains("<input type=\"checkbox\" disabled=\"disabled\" checked=\"checked\" aria-label=\"انجام شده\" />\nنقشه بازبینی شده است"),
        "{fa}"
    );
    assert!(
        fa.contains("<blockquote>\n<p>نقل‌قولی تودرتو.</p>\n</blockquote>"),
        "{fa}"
    );
    assert!(fa.contains("<del>متن قدیمی</del>"), "{fa}");
    // A heading id the author gave, and a link to it from another chapter.
    assert!(page(root, "az/second.html").contains("<h1 id=\"details\">Təfərrüatlar</h1>"));
    assert!(
        fa.contains("<a href=\"second.html#details\">جزئیات</a>"),
        "{fa}"
    );
    assert!(epub(root, "fa")["OEBPS/first.xhtml"].contains("<a href=\"second.xhtml#details\">"));
    // A hard break.
    assert!(page(root, "tr/second.html")
        .contains("Burada zorunlu satır sonu<br />\nve ikinci bir satır."));
}

#[test]
fn a_missing_image_is_an_error_naming_the_chapter_and_line() {
    let book = fixture("kitchen-sink");
    let root = book.path();
    std::fs::remove_file(root.join("source/images/map.png")).unwrap();
    let out = tercuman(root, &["build"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("source/first.md:3:") && err.contains("image `images/map.png` not found"),
        "{err}"
    );
    assert!(!root.join("dist/epub").exists(), "nothing built");
}

#[test]
fn a_remote_image_is_reported_and_the_epub_links_to_it() {
    let book = fixture("kitchen-sink");
    let root = book.path();
    let chapter = root.join("source/second.md");
    let text = std::fs::read_to_string(&chapter).unwrap();
    std::fs::write(
        &chapter,
        format!("{text}\nA logo: ![the logo](https://example.org/logo.png)\n"),
    )
    .unwrap();
    let out = tercuman(root, &["build"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("source/second.md:10: the image `https://example.org/logo.png` is on the web"),
        "{err}"
    );
    let xhtml = &epub(root, "en")["OEBPS/second.xhtml"];
    assert!(
        xhtml.contains("<a href=\"https://example.org/logo.png\">the logo</a>"),
        "{xhtml}"
    );
    assert!(page(root, "en/second.html").contains("<img src=\"https://example.org/logo.png\""));
    if let Some((errors, warnings, out)) = epubcheck(&root.join("dist/epub/kitchen-sink.en.epub")) {
        assert_eq!((errors, warnings), (0, 0), "{out}");
    }
}

#[test]
fn a_translation_cannot_show_an_image_the_source_does_not() {
    let book = fixture("kitchen-sink");
    let root = book.path();
    translate(
        &root.join("locales/tr/first.po"),
        "![How a book is made](images/diagram.svg)",
        "![Bir kitap nasıl yapılır](../../secret.png)",
    );
    ok(root, &["build", "--allow-check-errors"]);
    let tr = page(root, "tr/first.html");
    assert!(!tr.contains("secret.png"), "{tr}");
    assert!(
        tr.contains("Bir kitap nasıl yapılır"),
        "the alt text stays: {tr}"
    );
}

#[test]
fn the_authors_own_cover_image_replaces_the_drawn_one() {
    let book = fixture("kitchen-sink");
    let root = book.path();
    let toml = root.join("source/book.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    let text = text.replace("[book]\n", "[book]\ncover = \"images/map.png\"\n");
    std::fs::write(&toml, text).unwrap();
    // Turkish has its own cover.
    let own = root.join("locales/tr/images");
    std::fs::create_dir_all(&own).unwrap();
    std::fs::copy(root.join("source/images/diagram.svg"), own.join("map.png")).unwrap();
    ok(root, &["build", "--only", "epub"]);
    let en = epub(root, "en");
    let opf = &en["OEBPS/content.opf"];
    assert!(
        opf.contains("properties=\"cover-image\"") && opf.contains("href=\"images/map.png\""),
        "{opf}"
    );
    assert!(!en.contains_key("OEBPS/cover.svg"), "no drawn cover");
    assert_eq!(
        opf.matches("href=\"images/map.png\"").count(),
        1,
        "listed once: {opf}"
    );
    assert!(en["OEBPS/cover.xhtml"].contains("<img src=\"images/map.png\""));
    assert!(
        epub(root, "tr")["OEBPS/images/map.png"].contains("<svg"),
        "the locale's own"
    );
    if let Some((errors, warnings, out)) = epubcheck(&root.join("dist/epub/kitchen-sink.en.epub")) {
        assert_eq!((errors, warnings), (0, 0), "{out}");
    }
    // A cover that is not there is an error naming book.toml.
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, text.replace("images/map.png", "images/none.png")).unwrap();
    let out = tercuman(root, &["build"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success()
            && err.contains("source/book.toml")
            && err.contains("cover: image `images/none.png` not found"),
        "{err}"
    );
}

#[test]
fn a_book_written_in_persian_is_split_translated_and_published() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("book");
    ok(
        dir.path(),
        &["init", root.to_str().unwrap(), "--locales", "fa,tr"],
    );
    // Persian becomes the source, English a target.
    let toml = root.join("source/book.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    let text = text
        .replace("source-language = \"en\"", "source-language = \"fa\"")
        .replace("locales = [\"fa\", \"tr\"]", "locales = [\"en\", \"tr\"]");
    std::fs::write(&toml, text).unwrap();
    for po in ["locales/fa/chapter-1.po", "locales/tr/chapter-1.po"] {
        std::fs::remove_file(root.join(po)).unwrap();
    }
    std::fs::remove_dir_all(root.join("tm")).unwrap();
    std::fs::write(
        root.join("source/chapter-1.md"),
        "# رزمایش‌ها\n\nاین یک جمله است. آیا این جمله دوم است؟ بله!\n\nرشد ۳٫۵ درصد بود. سپس باکو پاسخ داد.\n",
    )
    .unwrap();
    ok(&root, &["sync"]);
    let po = root.join("locales/en/chapter-1.po");
    let ids: Vec<String> = std::fs::read_to_string(&po)
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix("msgid \""))
        .map(|l| l.trim_end_matches('"').to_string())
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        ids,
        [
            "رزمایش‌ها",
            "این یک جمله است.",
            "آیا این جمله دوم است؟",
            "بله!",
            "رشد ۳٫۵ درصد بود.",
            "سپس باکو پاسخ داد."
        ]
    );
    translate(&po, "این یک جمله است.", "This is a sentence.");
    ok(&root, &["sync"]);
    let status = ok(&root, &["status", "--json"]);
    assert!(status.contains("\"locale\": \"en\""), "{status}");
    ok(&root, &["check", "--locale", "en"]);
    let out = tercuman(&root, &["build"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && said.contains("(5 segments shown in Persian)"),
        "{said}"
    );
    let en = std::fs::read_to_string(root.join("dist/html/en/chapter-1.html")).unwrap();
    assert!(en.contains("<p>This is a sentence. <span class=\"fallback\" lang=\"fa\" xml:lang=\"fa\" dir=\"rtl\">آیا این جمله دوم است؟</span>"), "{en}");
    let fa = std::fs::read_to_string(root.join("dist/html/fa/chapter-1.html")).unwrap();
    assert!(
        fa.contains("dir=\"rtl\""),
        "the source edition is right to left"
    );
    for lang in ["fa", "en", "tr"] {
        let epub = root.join(format!("dist/epub/a-new-book.{lang}.epub"));
        if let Some((errors, warnings, out)) = epubcheck(&epub) {
            assert_eq!((errors, warnings), (0, 0), "{lang}: {out}");
        }
    }
}
