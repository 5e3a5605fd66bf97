//! The HTML edition: a static site per language under `dist/html/<lang>/`:
//! an index (title page, contents, colophon), one page per chapter, the
//! whole book on one page for printing, a search index, and bilingual
//! proofs. Pages work without scripts; `site.js` adds search, the theme
//! toggle, the menu on narrow screens and arrow-key paging. Nothing is
//! fetched from elsewhere, so the site works from `file://` and any host.

mod layout;
pub mod search;

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use layout::Place;

use super::{escape, Edition, Page, BASE_CSS};
use crate::error::{write_if_changed, Result};
use crate::project::page_stem;

/// Rules for the site only: themes, layout, search, proofs, print.
const SITE_CSS: &str = include_str!("site.css");

/// The site's script: theme, menu, keys, search.
const SITE_JS: &str = include_str!("site.js");

/// The site's shared files: the style sheet, the script and the landing
/// page. Returns the files that make it up.
pub fn write_site_root(editions: &[Edition], root: &Path) -> Result<Vec<PathBuf>> {
    let files = vec![
        root.join("style.css"),
        root.join("site.js"),
        root.join("index.html"),
    ];
    let fonts: String = editions
        .iter()
        .map(|e| e.font_css(&format!("{}/fonts/", e.lang), true))
        .collect();
    write_if_changed(&files[0], format!("{BASE_CSS}{fonts}{SITE_CSS}").as_bytes())?;
    write_if_changed(&files[1], SITE_JS.as_bytes())?;
    write_if_changed(&files[2], landing_page(editions).as_bytes())?;
    Ok(files)
}

/// One language's pages, proofs and search index under `root/<lang>/`,
/// each written only if its bytes changed. Returns the files that make it
/// up. With `only`, nothing the whole edition is made from changed since
/// it was last written but these chapters (and what counts them): only
/// the index, and if any chapter changed the one-page book, the search
/// index and those chapters' pages, are made again; every file the
/// edition's folder holds is kept.
pub fn write_edition(
    edition: &Edition,
    root: &Path,
    only: Option<&[usize]>,
) -> Result<Vec<PathBuf>> {
    let Some(chapters) = only else {
        return write_whole_edition(edition, root);
    };
    let dir = root.join(edition.lang.to_string());
    write_if_changed(&dir.join("index.html"), index_page(edition).as_bytes())?;
    let mut files = Vec::new();
    files_under(&dir, &mut files);
    if !chapters.is_empty() {
        write_if_changed(&dir.join("print.html"), print_page(edition).as_bytes())?;
        for &i in chapters {
            write_chapter(edition, root, i)?;
        }
        // The index's chunks are the terms it has now: the others go.
        let search = dir.join("search");
        files.retain(|f| !f.starts_with(&search));
        files.extend(write_search_index(edition, &dir)?);
    }
    Ok(files)
}

/// Every file under `dir`.
fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The search index's files under `dir/search/`, returned.
fn write_search_index(edition: &Edition, dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for (name, content) in search::files(edition) {
        let path = dir.join("search").join(name);
        write_if_changed(&path, content.as_bytes())?;
        files.push(path);
    }
    Ok(files)
}

fn write_whole_edition(edition: &Edition, root: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for part in Part::ALL {
        files.extend(write_part(edition, root, part)?);
    }
    Ok(files)
}

/// A share of an edition's pages, so that a build can spread the
/// editions' writing over the cores in pieces of similar size.
#[derive(Clone, Copy, Debug)]
pub enum Part {
    /// Every chapter's page and proof page.
    Chapters,
    /// The search index, the figures and the font.
    Search,
    /// The edition's index page and the one-page book.
    Front,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::Front, Part::Chapters, Part::Search];
}

/// One part of a whole edition's pages under `root/<lang>/`. Returns the
/// files it wrote.
pub fn write_part(edition: &Edition, root: &Path, part: Part) -> Result<Vec<PathBuf>> {
    let dir = root.join(edition.lang.to_string());
    let lang = &edition.lang;
    let mut files = Vec::new();
    match part {
        Part::Front => {
            files = vec![dir.join("index.html"), dir.join("print.html")];
            write_if_changed(&files[0], index_page(edition).as_bytes())?;
            let _t = crate::timings::phase(|| format!("build: {lang}: print page"));
            write_if_changed(&files[1], print_page(edition).as_bytes())?;
        }
        Part::Chapters => {
            let _t = crate::timings::phase(|| format!("build: {lang}: chapter and proof pages"));
            for i in 0..edition.chapters.len() {
                files.extend(write_chapter(edition, root, i)?);
            }
        }
        Part::Search => {
            let _t =
                crate::timings::phase(|| format!("build: {lang}: search index, figures, fonts"));
            files.extend(write_search_index(edition, &dir)?);
            for figure in &edition.figures {
                let path = dir.join(&figure.published);
                write_if_changed(&path, &read_figure(figure)?)?;
                files.push(path);
            }
            if let Some(font) = &edition.font {
                files.extend(write_font(edition, font, &dir)?);
            }
        }
    }
    Ok(files)
}

/// Chapter `i`'s page and, in a translation, its proof page, under
/// `root/<lang>/`. Returns both files.
pub fn write_chapter(edition: &Edition, root: &Path, i: usize) -> Result<Vec<PathBuf>> {
    let dir = root.join(edition.lang.to_string());
    let stem = page_stem(&edition.chapters[i].slug);
    let mut files = Vec::with_capacity(2);
    if !edition.is_source {
        let proof = dir.join("proof").join(format!("{stem}.html"));
        write_if_changed(&proof, proof_page(edition, i).as_bytes())?;
        files.push(proof);
    }
    let path = dir.join(format!("{stem}.html"));
    write_if_changed(&path, chapter_page(edition, i).as_bytes())?;
    files.push(path);
    Ok(files)
}

/// One chapter's page: the notice of untranslated text, the body, the pager.
fn chapter_page(edition: &Edition, i: usize) -> String {
    let chapter = &edition.chapters[i];
    let notice = layout::fallback_notice(edition, chapter.fallbacks);
    let pager = layout::pager(edition, i);
    let mut main = String::with_capacity(notice.len() + chapter.html_body.len() + pager.len() + 40);
    main.push_str(&notice);
    main.push_str("<article class=\"chapter\">\n");
    main.push_str(&chapter.html_body);
    main.push_str("</article>\n");
    main.push_str(&pager);
    Page {
        lang: &edition.lang.to_string(),
        dir: edition.dir(),
        title: &format!("{} · {}", chapter.title, edition.title()),
        stylesheet: "../style.css",
        head: layout::head(edition, Place::Chapter(i)),
        body: layout::frame(edition, Place::Chapter(i), &main),
    }
    .render(false)
}

/// Every chapter on one page, for printing or reading offline as one file.
/// Ids and links between chapters are prefixed with the chapter's page
/// name, so that headings and notes of different chapters never collide.
fn print_page(edition: &Edition) -> String {
    let stems: Vec<String> = edition
        .chapters
        .iter()
        .map(|c| page_stem(&c.slug).into_owned())
        .collect();
    let known: HashSet<&str> = stems.iter().map(String::as_str).collect();
    let bodies: usize = edition.chapters.iter().map(|c| c.html_body.len()).sum();
    let mut main = String::with_capacity(bodies + bodies / 8);
    for (chapter, stem) in edition.chapters.iter().zip(&stems) {
        let _ = write!(
            main,
            "<article class=\"chapter\" id=\"{id}\">\n{body}</article>\n",
            id = escape(stem),
            body = one_page_links(&chapter.html_body, stem, &known),
        );
    }
    let title = edition.chrome.get("print-book");
    Page {
        lang: &edition.lang.to_string(),
        dir: edition.dir(),
        title: &format!("{title} · {}", edition.title()),
        stylesheet: "../style.css",
        head: layout::head(edition, Place::Print),
        body: layout::frame(edition, Place::Print, &main),
    }
    .render(false)
}

/// A chapter body's ids and links as the one-page book has them: `id="x"`
/// becomes `id="<stem>--x"`, `#x` becomes `#<stem>--x`, and a link to
/// another chapter's page (`other.html#x`) points into the same page.
/// The body is the renderer's own output, where translated text is escaped,
/// so these attribute patterns occur only as attributes.
fn one_page_links(body: &str, stem: &str, stems: &HashSet<&str>) -> String {
    let body = body.replace(" id=\"", &format!(" id=\"{stem}--"));
    let mut pieces = body.split(" href=\"");
    let mut out = String::with_capacity(body.len() + 256);
    out.push_str(pieces.next().unwrap_or_default());
    for piece in pieces {
        out.push_str(" href=\"");
        let end = piece.find('"').unwrap_or(piece.len());
        let (url, rest) = piece.split_at(end);
        let (page, fragment) = url.split_once('#').unwrap_or((url, ""));
        match page.strip_suffix(".html") {
            _ if page.is_empty() => out.push_str(&format!("#{stem}--{fragment}")),
            Some(other) if stems.contains(other) && fragment.is_empty() => {
                out.push_str(&format!("#{other}"))
            }
            Some(other) if stems.contains(other) => out.push_str(&format!("#{other}--{fragment}")),
            _ => out.push_str(url),
        }
        out.push_str(rest);
    }
    out
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
        head: layout::head(edition, Place::Other),
        body: layout::frame(
            edition,
            Place::Other,
            &super::fonts::license_markup(font, &title),
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
    let cells: usize = chapter
        .proof
        .iter()
        .map(|r| r.source_html.len() + r.translation_html.len() + 400)
        .sum();
    let mut rows = String::with_capacity(cells);
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
        let _ = writeln!(
            rows,
            "<tr class=\"{class}\" id=\"{id}\"><td>{n}</td><td{source_attributes}>{source}</td><td lang=\"{code}\" dir=\"{dir}\">{translation}</td><td class=\"status\">{label}</td><td class=\"fix\">{fix}</td></tr>",
            id = escape(&super::proof::row_id(&row.segment)),
            n = n + 1,
            source = row.source_html,
            translation = row.translation_html,
            source_attributes = source_cell,
        );
    }
    let body = format!(
        "<a class=\"skip-link\" href=\"#content\">Skip to content</a>\n<header class=\"bar\"><a class=\"book-title\" href=\"../index.html\" lang=\"{code}\" dir=\"{dir}\">{book}</a></header>\n<main id=\"content\" class=\"proof\" tabindex=\"-1\">\n<h1>Proof: <bdi lang=\"{code}\" dir=\"{dir}\">{title}</bdi> ({code})</h1>\n<p>{source_name} beside the translation. Rows: reviewed (with who and when), translated, <span class=\"fuzzy\">fuzzy</span> (a rejection with its reason), untranslated, check failed, not reviewed (where only reviewed text is published). Fix a row in the PO file and line it names, then run <code>tercuman sync</code>; approve a translated row with the command it shows.</p>\n<table class=\"proof\">\n<thead><tr><th>#</th><th>{source_name}</th><th>{name}</th><th>Status</th><th>Fix in</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n</main>\n",
        title = escape(&chapter.title),
        book = escape(&edition.title()),
        name = escape(&crate::locale::english_name(&edition.lang)),
        source_name = escape(&crate::locale::english_name(source)),
    );
    Page {
        lang: "en",
        dir: "ltr",
        title: &format!("Proof · {} · {}", chapter.title, edition.lang),
        stylesheet: "../../style.css",
        head: layout::basic_head("../../site.js"),
        body,
    }
    .render(false)
}

/// Title page, contents and colophon of one language.
fn index_page(edition: &Edition) -> String {
    let c = &edition.chrome;
    let mut body = String::from("<header class=\"book title-page\">\n");
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
    body.push_str("</section>\n");
    Page {
        lang: &edition.lang.to_string(),
        dir: edition.dir(),
        title: &edition.title(),
        stylesheet: "../style.css",
        head: layout::head(edition, Place::Index),
        body: layout::frame(edition, Place::Index, &body),
    }
    .render(false)
}

/// `dist/html/index.html`: the book's landing page, every edition named in
/// its own language with how much of it is translated.
fn landing_page(editions: &[Edition]) -> String {
    let Some(source) = editions.first() else {
        return String::new();
    };
    let c = &source.chrome;
    let mut main = format!(
        "<header class=\"book title-page\">\n<h1>{title}</h1>\n<p class=\"subtitle\">{subtitle}</p>\n<p class=\"author\">{author}</p>\n</header>\n<h2>{languages}</h2>\n<ul class=\"editions\">\n",
        title = escape(&source.title()),
        subtitle = escape(&c.get("book-subtitle")),
        author = escape(&source.author()),
        languages = escape(&c.get("languages")),
    );
    for edition in editions {
        main.push_str(&edition_card(edition));
    }
    main.push_str("</ul>\n");
    Page {
        lang: &source.lang.to_string(),
        dir: source.dir(),
        title: &source.title(),
        stylesheet: "style.css",
        head: layout::basic_head("site.js"),
        body: format!(
            "<a class=\"skip-link\" href=\"#content\">{skip}</a>\n<main id=\"content\" class=\"landing\" tabindex=\"-1\">\n{main}</main>\n",
            skip = escape(&c.get("skip-to-content")),
        ),
    }
    .render(false)
}

/// One edition on the landing page, in its own language: title, language,
/// and a bar of how much is translated.
fn edition_card(edition: &Edition) -> String {
    let c = &edition.chrome;
    let code = escape(&edition.lang.to_string());
    let (percent, label) = match &edition.completeness {
        Some(done) => (
            done.percent_translated,
            c.format(
                "edition-translated",
                &[("percent", super::one_decimal(done.percent_translated))],
            ),
        ),
        None => (100.0, c.get("edition-original")),
    };
    format!(
        "<li class=\"edition\" lang=\"{code}\" dir=\"{dir}\"><a href=\"{code}/index.html\" hreflang=\"{code}\"><span class=\"edition-title\">{title}</span> <span class=\"edition-language\">{name}</span></a>\n<span class=\"meter\" aria-hidden=\"true\"><span style=\"inline-size: {percent:.1}%\"></span></span> <span class=\"edition-progress\">{label}</span></li>\n",
        dir = edition.dir(),
        title = escape(&edition.title()),
        name = escape(&c.get("language-name")),
        label = escape(&label),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_one_page_book_keeps_links_inside_itself() {
        let stems: HashSet<&str> = ["a", "b"].into_iter().collect();
        let body = "<h2 id=\"x\">X</h2><a href=\"#x\">self</a> <a href=\"b.html#y\">other</a> <a href=\"b.html\">top</a> <a href=\"https://e.org/a.html#x\">web</a> <a href=\"fig.png\">file</a>";
        assert_eq!(
            one_page_links(body, "a", &stems),
            "<h2 id=\"a--x\">X</h2><a href=\"#a--x\">self</a> <a href=\"#b--y\">other</a> <a href=\"#b\">top</a> <a href=\"https://e.org/a.html#x\">web</a> <a href=\"fig.png\">file</a>"
        );
    }
}
