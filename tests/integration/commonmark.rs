//! Nothing the author wrote changes meaning on the way through segments.
//!
//! Every example of the CommonMark spec (0.31.2, the version pulldown-cmark
//! 0.12 follows; `COMMONMARK_SPEC` names its `spec.txt`, which CI takes from
//! the npm package `commonmark-spec`) is a chapter of one book. The English
//! edition, and a Persian edition whose every translation is its own
//! English, must give for each chapter exactly the HTML pulldown-cmark gives
//! for the example on its own: segmenting, storing, translating and
//! reassembling change nothing. The few deliberate differences are listed
//! in `DELIBERATE`, each with its reason. The same holds for the GFM
//! extensions tercuman enables (tables, task lists, strikethrough) and for
//! footnotes, in `EXTENSIONS`.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::*;

/// Examples whose edition differs from pulldown-cmark's rendering on
/// purpose, by spec example number.
const DELIBERATE: &[(usize, &str)] = &[
    (
        170,
        "a <script> element is left out of every edition: EPUB readers do not run it, and `build` names its line",
    ),
    (178, "the same, for a <script> block followed by text"),
    (
        304,
        "two spaces between sentences become one: each sentence is its own segment, joined by a space (HTML shows both alike)",
    ),
    (
        484,
        "a relative link to a `.md` file is a link between chapters, rewritten to the page the edition publishes",
    ),
    (572, FIGURE),
    (573, FIGURE),
    (576, FIGURE),
    (577, FIGURE),
    (584, FIGURE),
    (585, FIGURE),
    (586, FIGURE),
    (588, FIGURE),
    (589, FIGURE),
    (591, FIGURE),
];

const FIGURE: &str =
    "an image alone in its paragraph with a title is a <figure>, the title its caption";

/// Examples with a local image of no kind EPUB readers show (`![foo](/url)`
/// is absolute, but `![foo](url)` names a file `url`): a book with one is
/// refused with the image's line, so these stay out of the book (the test
/// checks that this is the list).
const REFUSED_IMAGES: &[usize] = &[520, 580];

/// GFM and footnote examples (tercuman enables these extensions), written
/// as the GFM spec and pulldown-cmark's footnote tests write them.
const EXTENSIONS: &[&str] = &[
    "| foo | bar |\n| --- | --- |\n| baz | bim |\n",
    "| abc | defghi |\n:-: | -----------:\nbar | baz\n",
    "| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |\n",
    "| abc | def |\n| --- | --- |\n| bar | baz |\n> bar\n",
    "| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |\n",
    "- [ ] foo\n- [x] bar\n",
    "- [x] foo\n  - [ ] bar\n  - [x] baz\n- [ ] bim\n",
    "~~Hi~~ Hello, ~there~ world!\n",
    "This ~~has a\n\nnew paragraph~~.\n",
    "Here is a footnote reference,[^1] and another.[^longnote]\n\n[^1]: Here is the footnote.\n\n[^longnote]: Here's one with multiple blocks.\n\n    Subsequent paragraphs are indented.\n",
    "A note[^a] used twice.[^a] And one defined but not used.\n\n[^a]: The note.\n\n[^b]: Never referenced.\n",
    "An undefined note[^nope] stays text.\n",
];

/// The spec's examples: number, Markdown, expected HTML.
fn spec_examples(spec: &str) -> Vec<(usize, String, String)> {
    let fence = "`".repeat(32);
    let start = format!("{fence} example\n");
    let mut examples = Vec::new();
    let mut rest = spec;
    while let Some(at) = rest.find(&start) {
        rest = &rest[at + start.len()..];
        let end = rest.find(&format!("\n{fence}")).expect("an example ends");
        let body = &rest[..end + 1];
        let (markdown, html) = match body.find("\n.\n") {
            Some(dot) => (&body[..dot + 1], &body[dot + 3..]),
            None => (body.strip_prefix(".\n").unwrap_or(""), ""),
        };
        let markdown = if markdown == ".\n" { "" } else { markdown };
        examples.push((
            examples.len() + 1,
            markdown.replace('→', "\t"),
            html.replace('→', "\t"),
        ));
    }
    examples
}

/// What pulldown-cmark makes of `markdown` on its own, with the options
/// tercuman parses chapters with. One difference everywhere, on purpose: a
/// soft line break is a space, because a segment is one line (translators
/// never see, or have to keep, the author's hard wrapping), and HTML shows
/// both alike.
fn pulldown(markdown: &str) -> String {
    let options = tercuman::source::markdown_options()
        | pulldown_cmark::Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | pulldown_cmark::Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let events = pulldown_cmark::Parser::new_ext(markdown, options).map(|e| match e {
        pulldown_cmark::Event::SoftBreak => pulldown_cmark::Event::Text(" ".into()),
        e => e,
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// The chapter's body in an HTML page, heading anchors removed (the
/// editions add them; the examples have none).
fn body(page: &str) -> String {
    let start = page
        .find("<article class=\"chapter\">\n")
        .expect("an article element")
        + 26;
    let end = page.rfind("</article>").expect("an article element");
    let mut html = without_edition_additions(&page[start..end]);
    for level in 1..=6 {
        let open = format!("<h{level} id=\"");
        while let Some(at) = html.find(&open) {
            let close = html[at + open.len()..].find('"').expect("a closed id") + at + open.len();
            html.replace_range(at + 3..close + 1, "");
        }
    }
    html
}

/// `html` without what the editions add on purpose, each tested on its own
/// (`render` unit tests, `books.rs`): the isolation of Latin runs in a
/// right-to-left page, named task-list boxes, Persian footnote digits.
fn without_edition_additions(html: &str) -> String {
    let mut out = html
        .replace("<code dir=\"ltr\">", "<code>")
        .replace("<pre dir=\"ltr\">", "<pre>");
    let open = "<span dir=\"ltr\">";
    while let Some(at) = out.find(open) {
        let close = out[at..].find("</span>").expect("a closed isolate") + at;
        out.replace_range(close..close + "</span>".len(), "");
        out.replace_range(at..at + open.len(), "");
    }
    let boxes = "<input type=\"checkbox\" disabled=\"disabled\"";
    while let Some(at) = out.find(boxes) {
        let end = out[at..].find("/>").expect("a closed input") + at + 2;
        let checked = out[at..end].contains("checked=\"checked\"");
        let plain = if checked {
            "<input disabled=\"\" type=\"checkbox\" checked=\"\"/>"
        } else {
            "<input disabled=\"\" type=\"checkbox\"/>"
        };
        out.replace_range(at..end, plain);
    }
    out.chars()
        .map(|c| match c {
            '۰'..='۹' => char::from_u32(c as u32 - '۰' as u32 + '0' as u32).unwrap(),
            c => c,
        })
        .collect()
}

/// Fills every entry of the locale's PO files with its own English.
fn translate_as_english(book: &Path, locale: &str) {
    for entry in std::fs::read_dir(book.join("locales").join(locale)).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "po") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let mut catalog = tercuman::formats::po::parse(&text, &path).unwrap();
        for e in catalog.entries.iter_mut().filter(|e| !e.obsolete) {
            e.msgstr = e.msgid.clone();
            e.fuzzy = false;
            e.previous_msgid = None;
        }
        std::fs::write(&path, tercuman::formats::po::write(&catalog)).unwrap();
    }
}

/// A book with one chapter per example, built in English and in a Persian
/// that is its own English; each chapter's HTML in both, by example.
fn build_book(examples: &[(usize, String)]) -> BTreeMap<usize, (String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("book");
    ok(
        dir.path(),
        &["init", root.to_str().unwrap(), "--locales", "fa"],
    );
    let source = root.join("source");
    std::fs::remove_file(source.join("chapter-1.md")).unwrap();
    let mut names = Vec::new();
    for (n, markdown) in examples {
        let name = format!("example-{n:03}.md");
        std::fs::write(source.join(&name), markdown).unwrap();
        names.push(format!("    \"{name}\",\n"));
    }
    let toml = std::fs::read_to_string(source.join("book.toml")).unwrap();
    let toml = toml.replace("    \"chapter-1.md\",\n", &names.concat());
    std::fs::write(source.join("book.toml"), toml).unwrap();
    for (_, markdown) in examples {
        for image in local_images(markdown) {
            let path = source.join(image);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, b"an image").unwrap();
        }
    }
    ok(&root, &["sync"]);
    translate_as_english(&root, "fa");
    ok(&root, &["build", "--only", "html"]);
    let page = |lang: &str, n: usize| {
        let path = root.join(format!("dist/html/{lang}/example-{n:03}.html"));
        body(&std::fs::read_to_string(&path).unwrap())
    };
    examples
        .iter()
        .map(|(n, _)| (*n, (page("en", *n), page("fa", *n))))
        .collect()
}

/// The local image files `markdown` shows, as an author would have them
/// beside the chapter (`None` for an image of a kind no edition can carry).
fn image_files(markdown: &str) -> Vec<Option<String>> {
    let options = tercuman::source::markdown_options();
    pulldown_cmark::Parser::new_ext(markdown, options)
        .filter_map(|e| match e {
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Image { dest_url, .. }) => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .filter(|url| !url.is_empty() && !url.contains(':') && !url.starts_with(['/', '#']))
        .map(|url| {
            let path = url.split(['?', '#']).next().unwrap_or_default().to_string();
            let known = [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"];
            known
                .iter()
                .any(|e| path.to_ascii_lowercase().ends_with(e))
                .then_some(path)
        })
        .collect()
}

fn local_images(markdown: &str) -> Vec<String> {
    image_files(markdown).into_iter().flatten().collect()
}

/// The examples whose editions differ from pulldown-cmark, with what each gave.
fn differences(
    examples: &[(usize, String)],
    built: &BTreeMap<usize, (String, String)>,
) -> Vec<String> {
    let mut out = Vec::new();
    for (n, markdown) in examples {
        let expected = pulldown(markdown);
        let (en, fa) = &built[n];
        if *en != expected || *fa != expected {
            out.push(format!(
                "example {n}:\n{markdown}\nexpected:\n{expected}\nen:\n{en}\nfa:\n{fa}"
            ));
        }
    }
    out
}

#[test]
fn every_commonmark_example_survives_segmentation_and_translation() {
    let Some(spec) = std::env::var_os("COMMONMARK_SPEC") else {
        assert!(
            std::env::var_os(REQUIRE_VALIDATORS).is_none(),
            "COMMONMARK_SPEC must name the CommonMark spec.txt"
        );
        eprintln!("skipped: COMMONMARK_SPEC is not set");
        return;
    };
    let spec = std::fs::read_to_string(spec).unwrap();
    let examples = spec_examples(&spec);
    assert_eq!(examples.len(), 652, "the 0.31.2 spec has 652 examples");
    let refused: Vec<usize> = examples
        .iter()
        .filter(|(_, markdown, _)| image_files(markdown).contains(&None))
        .map(|(n, _, _)| *n)
        .collect();
    assert_eq!(
        refused, REFUSED_IMAGES,
        "examples with images no edition can carry"
    );
    let inputs: Vec<(usize, String)> = examples
        .iter()
        .filter(|(n, _, _)| !refused.contains(n))
        .map(|(n, markdown, _)| (*n, markdown.clone()))
        .collect();
    let built = build_book(&inputs);
    let differ = differences(&inputs, &built);
    let unexpected: Vec<&String> = differ
        .iter()
        .filter(|d| {
            !DELIBERATE
                .iter()
                .any(|(n, _)| d.starts_with(&format!("example {n}:\n")))
        })
        .collect();
    assert!(
        unexpected.is_empty(),
        "{} of 652 examples changed on the way through the book:\n\n{}",
        unexpected.len(),
        unexpected
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n----\n")
    );
}

#[test]
fn gfm_extensions_and_footnotes_survive_segmentation_and_translation() {
    let inputs: Vec<(usize, String)> = EXTENSIONS
        .iter()
        .enumerate()
        .map(|(i, m)| (i + 1, m.to_string()))
        .collect();
    let built = build_book(&inputs);
    let differ = differences(&inputs, &built);
    // Footnotes are written as links both ways, not as pulldown-cmark's
    // bare labels: checked apart below.
    let notes = |d: &&String| d.contains("[^");
    let unexpected: Vec<&String> = differ.iter().filter(|d| !notes(d)).collect();
    assert!(
        unexpected.is_empty(),
        "{}",
        unexpected
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n----\n")
    );
    let (en, fa) = &built[&10];
    for page in [en, fa] {
        assert!(
            page.contains("<a class=\"noteref\" id=\"fnref-1\" href=\"#fn-1\""),
            "{page}"
        );
        assert!(
            page.contains("<a class=\"noteref\" id=\"fnref-2\" href=\"#fn-2\""),
            "{page}"
        );
        assert!(
            page.contains("<aside class=\"footnote\" id=\"fn-2\" role=\"doc-footnote\">"),
            "{page}"
        );
        assert!(
            page.contains("<p>Subsequent paragraphs are indented.</p>"),
            "{page}"
        );
    }
    let (twice, _) = &built[&11];
    assert!(
        twice.contains("id=\"fnref-1\"") && twice.contains("id=\"fnref-1-2\""),
        "{twice}"
    );
    assert!(
        twice.contains("href=\"#fnref-1\" role=\"doc-backlink\""),
        "{twice}"
    );
    assert!(
        !twice.contains("href=\"#fnref-2\""),
        "no back link to a reference that is not there: {twice}"
    );
    let (undefined, _) = &built[&12];
    assert!(undefined.contains("note[^nope] stays"), "{undefined}");
}
