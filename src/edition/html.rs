//! The HTML edition: a static site per language under `dist/html/<lang>/`,
//! an index (title page, contents, colophon) and one page per chapter, with
//! previous/next links and a language switcher pointing at the same page in
//! every other language. No scripts, no external resources.

use std::path::{Path, PathBuf};

use super::{escape, Edition, Page, BASE_CSS};
use crate::error::{write_if_changed, Result};
use crate::project::page_stem;

/// Extra rules for the site only (navigation and print).
const SITE_CSS: &str = "
nav.site { display: flex; flex-wrap: wrap; gap: 0.5em 1em; justify-content: space-between;
  max-inline-size: 40rem; margin: 0 auto; padding-block: 0.75em; border-block-end: 1px solid #ccc; }
nav.site ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.75em; }
nav.pager { display: flex; justify-content: space-between; max-inline-size: 40rem; margin: 2em auto; }
@media print {
  nav.site, nav.pager { display: none; }
  body { font-size: 11pt; }
  .fallback { background: none; text-decoration: underline dotted; }
}
";

/// The site's shared files: the style sheet and the language chooser.
/// Returns the files that make it up.
pub fn write_site_root(editions: &[Edition], root: &Path) -> Result<Vec<PathBuf>> {
    let files = vec![root.join("style.css"), root.join("index.html")];
    let fonts: String = editions
        .iter()
        .map(|e| e.font_css(&format!("{}/fonts/", e.lang), true))
        .collect();
    write_if_changed(
        &files[0],
        format!("{BASE_CSS}{fonts}{SITE_CSS}{PROOF_CSS}").as_bytes(),
    )?;
    write_if_changed(&files[1], languages_page(editions).as_bytes())?;
    Ok(files)
}

/// One language's pages (and proofs) under `root/<lang>/`. Returns the
/// files that make it up.
pub fn write_edition(edition: &Edition, root: &Path) -> Result<Vec<PathBuf>> {
    let dir = root.join(edition.lang.to_string());
    let mut files = vec![dir.join("index.html")];
    write_if_changed(&files[0], index_page(edition).as_bytes())?;
    for (i, chapter) in edition.chapters.iter().enumerate() {
        let body = format!(
            "{nav}<main id=\"content\">\n{body}</main>\n{pager}",
            nav = site_nav(edition, &format!("{}.html", page_stem(&chapter.slug))),
            body = chapter.html_body,
            pager = pager(edition, i),
        );
        let page = Page {
            lang: &edition.lang.to_string(),
            dir: edition.dir(),
            title: &format!("{} · {}", chapter.title, edition.title()),
            stylesheet: "../style.css",
            head: head_extra(edition, &format!("{}.html", page_stem(&chapter.slug))),
            body,
        };
        if !edition.is_source {
            let proof = dir
                .join("proof")
                .join(format!("{}.html", page_stem(&chapter.slug)));
            write_if_changed(&proof, proof_page(edition, i).as_bytes())?;
            files.push(proof);
        }
        let path = dir.join(format!("{}.html", page_stem(&chapter.slug)));
        write_if_changed(&path, page.render(false).as_bytes())?;
        files.push(path);
    }
    for figure in &edition.figures {
        let path = dir.join(&figure.published);
        write_if_changed(&path, &read_figure(figure)?)?;
        files.push(path);
    }
    if let Some(font) = &edition.font {
        files.extend(write_font(edition, font, &dir)?);
    }
    Ok(files)
}

/// The page of the embedded font's licence.
const FONT_LICENSE: &str = "font-license.html";

/// The embedded font's files under `<lang>/fonts/` and its licence page.
fn write_font(edition: &Edition, font: &super::fonts::Font, dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for face in &font.faces {
        let path = dir.join("fonts").join(&face.published);
        write_if_changed(&path, &face.bytes)?;
        files.push(path);
    }
    let title = edition.chrome.get("font-license");
    let page = Page {
        lang: &edition.lang.to_string(),
        dir: edition.dir(),
        title: &format!("{title} · {}", edition.title()),
        stylesheet: "../style.css",
        // Other languages may embed no font: their switcher links go home.
        head: "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n".into(),
        body: format!(
            "{nav}<main id=\"content\">\n{body}</main>\n",
            nav = site_nav(edition, "index.html"),
            body = super::fonts::license_markup(font, &title),
        ),
    };
    let path = dir.join(FONT_LICENSE);
    write_if_changed(&path, page.render(false).as_bytes())?;
    files.push(path);
    Ok(files)
}

/// An image file's bytes, its path in the error.
pub(super) fn read_figure(figure: &super::figures::Figure) -> Result<Vec<u8>> {
    std::fs::read(&figure.file).map_err(|e| crate::Error::Io {
        path: figure.file.clone(),
        source: e,
    })
}

/// Viewport and `hreflang` alternates for `page` in every language.
fn head_extra(edition: &Edition, page: &str) -> String {
    let mut head = String::from(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n",
    );
    for (lang, _) in &edition.languages {
        head.push_str(&format!(
            "<link rel=\"alternate\" hreflang=\"{lang}\" href=\"../{lang}/{page}\" />\n",
            lang = escape(&lang.to_string()),
            page = escape(page)
        ));
    }
    head
}

/// The top bar: the book's title (home) and the language switcher.
fn site_nav(edition: &Edition, page: &str) -> String {
    let mut links = String::new();
    for (lang, name) in &edition.languages {
        let code = escape(&lang.to_string());
        let dir = crate::locale::direction(lang);
        let name = escape(name);
        if *lang == edition.lang {
            links.push_str(&format!(
                "<li><span lang=\"{code}\" dir=\"{dir}\" aria-current=\"page\">{name}</span></li>"
            ));
        } else {
            links.push_str(&format!(
                "<li><a href=\"../{code}/{page}\" hreflang=\"{code}\" lang=\"{code}\" dir=\"{dir}\">{name}</a></li>",
                page = escape(page)
            ));
        }
    }
    format!(
        "<nav class=\"site\"><a href=\"index.html\">{title}</a><ul aria-label=\"{languages}\">{links}</ul></nav>\n",
        title = escape(&edition.title()),
        languages = escape(&edition.chrome.get("languages")),
    )
}

fn pager(edition: &Edition, i: usize) -> String {
    let mut out = String::from("<nav class=\"pager\">");
    if i > 0 {
        let prev = &edition.chapters[i - 1];
        out.push_str(&format!(
            "<a rel=\"prev\" href=\"{}.html\">{}: {}</a>",
            escape(&page_stem(&prev.slug)),
            escape(&edition.chrome.get("nav-previous")),
            prev.title_markup(&edition.source_attributes())
        ));
    } else {
        out.push_str(&format!(
            "<a rel=\"prev\" href=\"index.html\">{}</a>",
            escape(&edition.chrome.get("contents"))
        ));
    }
    if let Some(next) = edition.chapters.get(i + 1) {
        out.push_str(&format!(
            "<a rel=\"next\" href=\"{}.html\">{}: {}</a>",
            escape(&page_stem(&next.slug)),
            escape(&edition.chrome.get("nav-next")),
            next.title_markup(&edition.source_attributes())
        ));
    }
    out.push_str("</nav>\n");
    out
}

/// Extra rules for the bilingual proof.
const PROOF_CSS: &str = "
table.proof { border-collapse: collapse; inline-size: 100%; display: block; overflow-x: auto; }
table.proof td, table.proof th { vertical-align: top; padding: 0.4em 0.6em; border: 1px solid #ccc; }
table.proof tr.translated td.status { background: #d8f0d8; }
table.proof tr.fuzzy td { background: #fff1cc; }
table.proof tr.untranslated td { background: #fde0e0; }
table.proof tr.check-failed td { background: #ecdcf7; }
table.proof tr.reviewed td.status { background: #9fd89f; font-weight: bold; }
table.proof tr.unreviewed td { background: #e4ecf7; }
table.proof small.verdict { font-weight: normal; }
table.proof td.fix { white-space: nowrap; font-family: monospace; font-size: 0.85em; }
main.proof { max-inline-size: none; }
";

/// A proof row's class and its status label.
fn proof_state(row: &crate::edition::ProofRow) -> (&'static str, &'static str) {
    use crate::edition::Withheld;
    use crate::tm::Status;
    let approved = matches!(row.verdict, Some((_, true)));
    match (row.withheld, row.status) {
        (Some(Withheld::FailedCheck), _) => ("check-failed", "check failed: not published"),
        (Some(Withheld::Unreviewed), _) => ("unreviewed", "not reviewed: not published"),
        (None, Status::Translated) if approved => ("reviewed", "reviewed"),
        (None, Status::Translated) => ("translated", "translated"),
        (None, Status::Fuzzy) if row.verdict.is_some() => ("fuzzy", "rejected: not published"),
        (None, Status::Fuzzy) => ("fuzzy", "fuzzy: not published"),
        (None, Status::Untranslated) => ("untranslated", "untranslated"),
    }
}

/// One chapter of a translated edition, English beside the translation,
/// each row naming the PO file and line where it is fixed. The page frame is
/// English (for reviewers); translation cells carry their language.
fn proof_page(edition: &Edition, i: usize) -> String {
    let chapter = &edition.chapters[i];
    let code = escape(&edition.lang.to_string());
    let dir = edition.dir();
    let source = &edition.project.book.source_language;
    let source_cell = format!(
        " lang=\"{}\" dir=\"{}\"",
        escape(&source.to_string()),
        crate::locale::direction(source)
    );
    let mut rows = String::new();
    for (n, row) in chapter.proof.iter().enumerate() {
        let (class, label) = proof_state(row);
        let label = match &row.verdict {
            Some((verdict, _)) => format!(
                "{}<br /><small class=\"verdict\">{}</small>",
                escape(label),
                escape(verdict)
            ),
            None => escape(label),
        };
        let fix = match row.po_line {
            Some(line) => format!("{}:{line}", chapter.po_file),
            None => chapter.po_file.clone(),
        };
        // A translated row no approval stands for: the command that
        // approves it, to copy.
        let approve = if row.status == crate::tm::Status::Translated
            && !matches!(row.verdict, Some((_, true)))
        {
            format!(
                "<br /><code class=\"approve\">tercuman review --locale {code} --segment {}</code>",
                escape(&row.segment)
            )
        } else {
            String::new()
        };
        let fix = format!("{}{approve}", escape(&fix));
        rows.push_str(&format!(
            "<tr class=\"{class}\" id=\"{id}\"><td>{n}</td><td{source_attributes}>{source}</td><td lang=\"{code}\" dir=\"{dir}\">{translation}</td><td class=\"status\">{label}</td><td class=\"fix\">{fix}</td></tr>\n",
            id = escape(&row.segment.replace('/', "-")),
            n = n + 1,
            source = row.source_html,
            translation = row.translation_html,
            source_attributes = source_cell,
        ));
    }
    let body = format!(
        "<main id=\"content\" class=\"proof\">\n<h1>Proof: <bdi lang=\"{code}\" dir=\"{dir}\">{title}</bdi> ({code})</h1>\n<p>{source_name} beside the translation. Rows: reviewed (with who and when), translated, <span class=\"fuzzy\">fuzzy</span> (a rejection with its reason), untranslated, check failed, not reviewed (where only reviewed text is published). Fix a row in the PO file and line it names, then run <code>tercuman sync</code>; approve a translated row with the command it shows.</p>\n<table class=\"proof\">\n<thead><tr><th>#</th><th>{source_name}</th><th>{name}</th><th>Status</th><th>Fix in</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n</main>\n",
        title = escape(&chapter.title),
        name = escape(&crate::locale::english_name(&edition.lang)),
        source_name = escape(&crate::locale::english_name(source)),
    );
    Page {
        lang: "en",
        dir: "ltr",
        title: &format!("Proof · {} · {}", chapter.title, edition.lang),
        stylesheet: "../../style.css",
        head: "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n".into(),
        body,
    }
    .render(false)
}

/// Title page, contents and colophon of one language.
fn index_page(edition: &Edition) -> String {
    let c = &edition.chrome;
    let mut body = site_nav(edition, "index.html");
    body.push_str("<main id=\"content\">\n<header class=\"book title-page\">\n");
    body.push_str(&format!("<h1>{}</h1>\n", escape(&edition.title())));
    body.push_str(&format!(
        "<p class=\"subtitle\">{}</p>\n",
        escape(&c.get("book-subtitle"))
    ));
    body.push_str(&format!(
        "<p class=\"author\">{}</p>\n",
        escape(&edition.author())
    ));
    body.push_str("</header>\n<nav class=\"toc\">\n");
    body.push_str(&format!("<h2>{}</h2>\n<ol>\n", escape(&c.get("contents"))));
    for chapter in &edition.chapters {
        body.push_str(&format!(
            "<li><a href=\"{}.html\">{}</a></li>\n",
            escape(&page_stem(&chapter.slug)),
            chapter.title_markup(&edition.source_attributes())
        ));
    }
    body.push_str("</ol>\n</nav>\n");
    if !edition.is_source {
        body.push_str("<nav class=\"toc proof-links\" lang=\"en\" dir=\"ltr\">\n<h2>Bilingual proof (for reviewers)</h2>\n<ul>\n");
        for chapter in &edition.chapters {
            body.push_str(&format!(
                "<li><a href=\"proof/{}.html\">{}</a></li>\n",
                escape(&page_stem(&chapter.slug)),
                escape(&chapter.slug)
            ));
        }
        body.push_str("</ul>\n</nav>\n");
    }
    body.push_str("<section class=\"colophon\">\n");
    body.push_str(&format!("<h2>{}</h2>\n", escape(&c.get("colophon"))));
    for line in edition.colophon() {
        body.push_str(&format!("<p>{}</p>\n", escape(&line)));
    }
    if edition.font.is_some() {
        body.push_str(&format!(
            "<p><a href=\"{FONT_LICENSE}\">{}</a></p>\n",
            escape(&c.get("font-license"))
        ));
    }
    body.push_str("</section>\n</main>\n");
    Page {
        lang: &edition.lang.to_string(),
        dir: edition.dir(),
        title: &edition.title(),
        stylesheet: "../style.css",
        head: head_extra(edition, "index.html"),
        body,
    }
    .render(false)
}

/// `dist/html/index.html`: every language, each named in itself.
fn languages_page(editions: &[Edition]) -> String {
    let mut body = String::from("<main id=\"content\">\n<ul class=\"languages\">\n");
    for edition in editions {
        let code = escape(&edition.lang.to_string());
        body.push_str(&format!(
            "<li lang=\"{code}\" dir=\"{dir}\"><a href=\"{code}/index.html\" hreflang=\"{code}\">{title}</a> ({name})</li>\n",
            dir = edition.dir(),
            title = escape(&edition.title()),
            name = escape(&edition.chrome.get("language-name")),
        ));
    }
    body.push_str("</ul>\n</main>\n");
    let source = editions
        .first()
        .map(|e| e.lang.to_string())
        .unwrap_or_else(|| "en".into());
    let title = editions.first().map(|e| e.title()).unwrap_or_default();
    Page {
        lang: &source,
        dir: "ltr",
        title: &title,
        stylesheet: "style.css",
        head: "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n".into(),
        body,
    }
    .render(false)
}
