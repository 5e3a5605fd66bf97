//! The frame around every page of a language's site: a skip link, the top
//! bar (contents button, title, search, theme, languages), the sidebar with
//! the table of contents, and the pager. Everything works without scripts;
//! `site.js` adds the menu button, search, the theme toggle and arrow keys.

use super::super::{escape, Edition};
use crate::project::page_stem;
use std::fmt::Write as _;

/// Which page of the site is being framed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The language's index (title page, contents, colophon).
    Index,
    /// Chapter `n`.
    Chapter(usize),
    /// The whole book on one page.
    Print,
    /// Another page of the language's own (the font's licence).
    Other,
}

impl Place {
    /// The page's file name in the language's folder; what the language
    /// switcher links to in the others.
    pub fn file(self, edition: &Edition) -> String {
        match self {
            Place::Chapter(n) => format!("{}.html", page_stem(&edition.chapters[n].slug)),
            Place::Print => "print.html".into(),
            Place::Index | Place::Other => "index.html".into(),
        }
    }
}

/// The `<head>` extras every page of the site has: viewport, both colour
/// schemes, and the site's script at `script` (it sets the chosen theme
/// before the page is drawn).
pub fn basic_head(script: &str) -> String {
    format!(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<meta name=\"color-scheme\" content=\"light dark\" />\n<script src=\"{}\"></script>\n",
        escape(script)
    )
}

/// A language page's `<head>` extras: the basic ones and the `hreflang`
/// alternates.
pub fn head(edition: &Edition, place: Place) -> String {
    let mut head = basic_head("../site.js");
    if place != Place::Other {
        for (lang, _) in &edition.languages {
            head.push_str(&format!(
                "<link rel=\"alternate\" hreflang=\"{lang}\" href=\"../{lang}/{page}\" />\n",
                lang = escape(&lang.to_string()),
                page = escape(&place.file(edition))
            ));
        }
    }
    head
}

/// The page's body: skip link, top bar, sidebar, then `main`.
pub fn frame(edition: &Edition, place: Place, main: &str) -> String {
    let c = &edition.chrome;
    let bar = top_bar(edition, place);
    let sidebar = sidebar(edition, place);
    let mut page = String::with_capacity(bar.len() + sidebar.len() + main.len() + 200);
    let _ = write!(
        page,
        "<a class=\"skip-link\" href=\"#content\">{skip}</a>\n{bar}<div class=\"layout\">\n{sidebar}<main id=\"content\" tabindex=\"-1\">\n{main}</main>\n</div>\n",
        skip = escape(&c.get("skip-to-content")),
    );
    page
}

/// Title (home), search, theme toggle and the language switcher.
fn top_bar(edition: &Edition, place: Place) -> String {
    let c = &edition.chrome;
    format!(
        "<header class=\"bar\">\n<button type=\"button\" class=\"menu-toggle\" aria-controls=\"sidebar\" aria-expanded=\"false\" hidden=\"hidden\"><svg aria-hidden=\"true\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\"><path d=\"M2 3.5h12M2 8h12M2 12.5h12\" stroke=\"currentColor\" stroke-width=\"1.6\" /></svg> <span class=\"label\">{contents}</span></button>\n<a class=\"book-title\" href=\"index.html\">{title}</a>\n{search}<button type=\"button\" class=\"theme-toggle\" hidden=\"hidden\" aria-pressed=\"false\" title=\"{theme}\"><svg aria-hidden=\"true\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\"><circle cx=\"8\" cy=\"8\" r=\"6.3\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" /><path d=\"M8 1.7a6.3 6.3 0 0 1 0 12.6z\" fill=\"currentColor\" /></svg><span class=\"label\">{theme}</span></button>\n{languages}</header>\n",
        contents = escape(&c.get("contents")),
        title = escape(&edition.title()),
        search = search_form(edition),
        theme = escape(&c.get("theme-dark")),
        languages = language_switcher(edition, place),
    )
}

/// The search box (shown by `site.js`, which reads `search/index.js`), with
/// the words its results need in the page's language.
fn search_form(edition: &Edition) -> String {
    let c = &edition.chrome;
    format!(
        "<form class=\"search\" role=\"search\" action=\"#\" hidden=\"hidden\" data-index=\"search/\" data-no-results=\"{none}\" data-results=\"{results}\" data-loading=\"{loading}\">\n<input type=\"search\" name=\"q\" autocomplete=\"off\" aria-label=\"{label}\" placeholder=\"{placeholder}\" aria-controls=\"search-results\" />\n<div id=\"search-results\" class=\"search-results\" aria-live=\"polite\" hidden=\"hidden\"></div>\n</form>\n",
        none = escape(&c.get("search-no-results")),
        results = escape(&c.get("search-results")),
        loading = escape(&c.get("search-loading")),
        label = escape(&c.get("search")),
        placeholder = escape(&c.get("search-placeholder")),
    )
}

/// Links to the same page in every other language, each named in itself.
fn language_switcher(edition: &Edition, place: Place) -> String {
    let page = escape(&place.file(edition));
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
                "<li><a href=\"../{code}/{page}\" hreflang=\"{code}\" lang=\"{code}\" dir=\"{dir}\">{name}</a></li>"
            ));
        }
    }
    format!(
        "<nav class=\"site languages\" aria-label=\"{label}\"><ul>{links}</ul></nav>\n",
        label = escape(&edition.chrome.get("languages")),
    )
}

/// The table of contents: every chapter, the current one marked and opened
/// to its headings, then the print page.
fn sidebar(edition: &Edition, place: Place) -> String {
    let c = &edition.chrome;
    let attributes = edition.source_attributes();
    let mut out = format!(
        "<nav id=\"sidebar\" class=\"sidebar\" aria-label=\"{contents}\">\n<ol class=\"chapters\">\n",
        contents = escape(&c.get("contents"))
    );
    for (n, chapter) in edition.chapters.iter().enumerate() {
        let file = escape(&page_stem(&chapter.slug));
        let current = place == Place::Chapter(n);
        let marker = if current {
            " aria-current=\"page\""
        } else {
            ""
        };
        out.push_str(&format!(
            "<li><a href=\"{file}.html\"{marker}>{title}</a>",
            title = chapter.title_markup(&attributes)
        ));
        let sections: Vec<_> = chapter
            .sections
            .iter()
            .filter(|s| (2..=3).contains(&s.level))
            .collect();
        if current && !sections.is_empty() {
            out.push_str("\n<ol class=\"sections\">\n");
            for section in sections {
                out.push_str(&format!(
                    "<li class=\"level-{level}\"><a href=\"#{anchor}\">{title}</a></li>\n",
                    level = section.level,
                    anchor = escape(&section.anchor),
                    title = escape(&section.title),
                ));
            }
            out.push_str("</ol>\n");
        }
        out.push_str("</li>\n");
    }
    let print_marker = if place == Place::Print {
        " aria-current=\"page\""
    } else {
        ""
    };
    out.push_str(&format!(
        "</ol>\n<p class=\"print-link\"><a href=\"print.html\"{print_marker}>{print}</a></p>\n</nav>\n",
        print = escape(&c.get("print-book"))
    ));
    out
}

/// Previous and next chapter (the contents before the first).
pub fn pager(edition: &Edition, i: usize) -> String {
    let c = &edition.chrome;
    let attributes = edition.source_attributes();
    let mut out = format!(
        "<nav class=\"pager\" aria-label=\"{}\">",
        escape(&c.get("chapters"))
    );
    if i > 0 {
        let prev = &edition.chapters[i - 1];
        out.push_str(&format!(
            "<a rel=\"prev\" href=\"{}.html\"><span class=\"direction\">{}</span> {}</a>",
            escape(&page_stem(&prev.slug)),
            escape(&c.get("nav-previous")),
            prev.title_markup(&attributes)
        ));
    } else {
        out.push_str(&format!(
            "<a rel=\"prev\" href=\"index.html\">{}</a>",
            escape(&c.get("contents"))
        ));
    }
    if let Some(next) = edition.chapters.get(i + 1) {
        out.push_str(&format!(
            "<a rel=\"next\" href=\"{}.html\"><span class=\"direction\">{}</span> {}</a>",
            escape(&page_stem(&next.slug)),
            escape(&c.get("nav-next")),
            next.title_markup(&attributes)
        ));
    }
    out.push_str("</nav>\n");
    out
}

/// A notice at the top of a chapter some of which is shown in the source
/// language, with a sample of how that text is marked.
pub fn fallback_notice(edition: &Edition, fallbacks: usize) -> String {
    if edition.is_source || fallbacks == 0 {
        return String::new();
    }
    let c = &edition.chrome;
    format!(
        "<p class=\"notice\" role=\"note\">{text} <span class=\"fallback sample\"{attributes}>{sample}</span></p>\n",
        text = escape(&c.format(
            "fallback-notice",
            &[("count", fluent_bundle::FluentValue::from(fallbacks))]
        )),
        attributes = edition.source_attributes(),
        sample = escape(&c.get("fallback-sample")),
    )
}
