//! What real reading systems and checkers make of the editions: DAISY Ace
//! finds nothing to report, and a conversion to Kindle's format (calibre)
//! keeps Persian right to left and Latin runs left to right inside it.

use std::path::Path;

use crate::support::*;

/// Every EPUB of a built book, by language.
fn epubs(root: &Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(root.join("dist/epub"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "epub"))
        .collect();
    found.sort();
    found
}

#[test]
fn daisy_ace_reports_nothing_on_any_edition_of_the_shipped_and_kitchen_sink_books() {
    let shipped = shipped_book();
    let kitchen = fixture("kitchen-sink");
    let mut books = Vec::new();
    for book in [shipped.path(), kitchen.path()] {
        ok(book, &["build"]);
        books.extend(epubs(book));
    }
    assert_eq!(books.len(), 8, "four editions of each book");
    // Two at a time: each run starts its own browser.
    let reports: Vec<_> = std::thread::scope(|s| {
        books
            .chunks(4)
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|e| (e, ace_violations(e)))
                        .collect::<Vec<_>>()
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    for (epub, violations) in reports {
        if let Some(violations) = violations {
            assert!(
                violations.is_empty(),
                "{}:\n{}",
                epub.display(),
                violations.join("\n")
            );
        }
    }
}

/// The XHTML documents of an EPUB calibre wrote, with their text.
fn converted_pages(epub: &Path) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(epub).unwrap()).unwrap();
    let mut pages = Vec::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let name = f.name().to_string();
        if name.starts_with("text/") && name.ends_with(".html") {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut f, &mut text).unwrap();
            pages.push((name, text));
        }
    }
    pages
}

fn body_tag(page: &str) -> &str {
    let start = page.find("<body").expect("a body");
    &page[start..start + page[start..].find('>').unwrap() + 1]
}

#[test]
fn direction_survives_a_conversion_to_kindle_and_back_with_calibre() {
    let book = fixture("kitchen-sink");
    let root = book.path();
    ok(root, &["build"]);
    let work = tempfile::tempdir().unwrap();
    for (lang, dir) in [("fa", "rtl"), ("tr", "ltr")] {
        let epub = root.join(format!("dist/epub/kitchen-sink.{lang}.epub"));
        let azw3 = work.path().join(format!("{lang}.azw3"));
        let back = work.path().join(format!("{lang}.epub"));
        if ebook_convert(&epub, &azw3).is_none() {
            return;
        }
        ebook_convert(&azw3, &back).unwrap();
        let pages = converted_pages(&back);
        assert!(pages.len() >= 4, "{lang}: {pages:?}");
        for (name, page) in &pages {
            let body = body_tag(page);
            assert!(
                body.contains(&format!("lang=\"{lang}\"")),
                "{lang} {name}: {body}"
            );
            if dir == "rtl" {
                assert!(body.contains("dir=\"rtl\""), "{lang} {name}: {body}");
            } else {
                assert!(!body.contains("dir=\"rtl\""), "{lang} {name}: {body}");
            }
        }
        if lang == "fa" {
            // The Latin runs of the Persian chapters stay isolated.
            let ltr: usize = pages.iter().map(|(_, p)| count(p, "dir=\"ltr\"")).sum();
            assert!(ltr >= 3, "Latin runs kept left to right: {ltr}");
        }
    }
}

/// The EPUB's entries, by name, as bytes.
fn entries(epub: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(epub).unwrap()).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
            (entry.name().to_string(), bytes)
        })
        .collect()
}

fn text(entries: &std::collections::BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(entries[name].clone()).unwrap()
}

#[test]
fn the_persian_edition_carries_its_font_and_licence_and_dates_itself_in_the_solar_hijri_calendar() {
    let book = shipped_book();
    let root = book.path();
    ok(root, &["build"]);
    let fa = entries(&root.join("dist/epub/iran-and-azerbaijan-neighbors-in-distrust.fa.epub"));
    for weight in ["Regular", "Bold"] {
        let file = format!("Vazirmatn-{weight}.ttf");
        let shipped = std::fs::read(root.join("source/fonts").join(&file)).unwrap();
        assert!(
            fa[&format!("OEBPS/fonts/{file}")] == shipped,
            "{file} embedded whole, not obfuscated"
        );
        assert_eq!(
            std::fs::read(root.join("dist/html/fa/fonts").join(&file)).unwrap(),
            shipped,
            "the HTML edition serves the same file"
        );
        let opf = text(&fa, "OEBPS/content.opf");
        assert!(
            opf.contains(&format!(
                "media-type=\"font/ttf\" id=\"id_fonts_{file}\" href=\"fonts/{file}\""
            )),
            "{opf}"
        );
    }
    let css = text(&fa, "OEBPS/stylesheet.css");
    assert!(css.contains("@font-face { font-family: \"Vazirmatn\"; src: url(\"fonts/Vazirmatn-Bold.ttf\") format(\"truetype\"); font-weight: 700;"), "{css}");
    assert!(
        css.contains("[lang|=\"fa\"] { font-family: \"Vazirmatn\","),
        "{css}"
    );
    let site_css = std::fs::read_to_string(root.join("dist/html/style.css")).unwrap();
    assert!(
        site_css.contains("url(\"fa/fonts/Vazirmatn-Regular.ttf\")"),
        "{site_css}"
    );
    assert!(
        text(&fa, "META-INF/com.apple.ibooks.display-options.xml")
            .contains("<option name=\"specified-fonts\">true</option>"),
        "Apple Books uses the embedded font"
    );
    // The licence is the book's last page, reachable from the colophon.
    let opf = text(&fa, "OEBPS/content.opf");
    let spine = &opf[opf.find("<spine").unwrap()..];
    let last = spine.rsplit("<itemref ").next().unwrap();
    assert!(
        last.starts_with("idref=\"id_font-license.xhtml\""),
        "{spine}"
    );
    let license = text(&fa, "OEBPS/font-license.xhtml");
    assert!(
        license.contains("SIL OPEN FONT LICENSE Version 1.1"),
        "{license}"
    );
    assert!(
        license.contains("<div lang=\"en\" xml:lang=\"en\" dir=\"ltr\">"),
        "{license}"
    );
    let colophon = text(&fa, "OEBPS/colophon.xhtml");
    // SOURCE_DATE_EPOCH is 2026-01-01, the 11th of Dey 1404.
    assert!(colophon.contains("تاریخ ساخت: ۱۱ دی ۱۴۰۴."), "{colophon}");
    assert!(
        colophon.contains("قلم \u{2068}Vazirmatn\u{2069}"),
        "{colophon}"
    );
    assert!(
        colophon.contains("<a href=\"font-license.xhtml\">"),
        "{colophon}"
    );
    let html_colophon = std::fs::read_to_string(root.join("dist/html/fa/index.html")).unwrap();
    assert!(
        html_colophon.contains("<a href=\"font-license.html\">"),
        "{html_colophon}"
    );
    assert!(root.join("dist/html/fa/font-license.html").is_file());

    // Turkish asks for neither: no font, a Gregorian date.
    let tr = entries(&root.join("dist/epub/iran-and-azerbaijan-neighbors-in-distrust.tr.epub"));
    assert!(!tr
        .keys()
        .any(|k| k.contains("fonts/") || k.contains("font-license")));
    assert!(text(&tr, "OEBPS/colophon.xhtml").contains("Derleme tarihi: 2026-01-01."));
}
