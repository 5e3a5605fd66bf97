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
