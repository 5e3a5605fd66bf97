//! The status dashboard (`status --html`, and `dist/status.html` at each
//! build): a self-contained page, no scripts or external files, with a card
//! per locale and a table of its chapters. It fits a phone: cards stack and
//! tables scroll inside their own box.

use super::{Counts, StatusReport};
use crate::formats::xml::escape;

const CSS: &str = "
:root { color-scheme: light dark; --bg: #fff; --fg: #1b1b1b; --muted: #555; --panel: #f5f5f2; --border: #c7c7c7;
  --link: #0b57d0; --track: #e2e2de; --reviewed: #1b5e20; --translated: #66bb6a; --fuzzy: #f9a825; }
@media (prefers-color-scheme: dark) { :root { --bg: #15171b; --fg: #e8e6e3; --muted: #b0b3b8; --panel: #1e2127;
  --border: #41454d; --link: #8ab4f8; --track: #33363d; --reviewed: #81c784; --translated: #2e7d32; --fuzzy: #c49000; } }
body { font-family: system-ui, sans-serif; margin: 0 auto; max-inline-size: 60rem; padding: 1rem; background: var(--bg); color: var(--fg); }
a { color: var(--link); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 1rem; margin-block: 1rem 2rem; }
.card { border: 1px solid var(--border); border-radius: 6px; padding: 0.8rem 1rem; background: var(--panel); }
.card h2 { margin: 0 0 0.5rem; font-size: 1.2em; }
.card dl { display: grid; grid-template-columns: auto auto; gap: 0.2em 1em; margin: 0.6em 0 0; }
.card dd { margin: 0; text-align: end; font-variant-numeric: tabular-nums; }
.scroll { max-inline-size: 100%; overflow-x: auto; margin-block-end: 2rem; }
table { border-collapse: collapse; inline-size: 100%; }
th, td { text-align: start; padding: 0.3em 0.6em; border-block-end: 1px solid var(--border); }
td.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
.bar { display: flex; inline-size: 100%; min-inline-size: 6rem; block-size: 0.9rem; background: var(--track); border-radius: 0.45rem; overflow: hidden; }
.bar span { display: block; block-size: 100%; }
.reviewed { background: var(--reviewed); } .translated { background: var(--translated); } .fuzzy { background: var(--fuzzy); }
.key span { display: inline-block; inline-size: 0.8em; block-size: 0.8em; margin-inline: 0.8em 0.3em; vertical-align: -0.05em; }
";

fn bar(c: &Counts) -> String {
    let pct = |n: usize| {
        if c.total == 0 {
            0.0
        } else {
            n as f64 * 100.0 / c.total as f64
        }
    };
    format!(
        "<div class=\"bar\" role=\"img\" aria-label=\"{t} translated ({r} reviewed), {f} fuzzy, {u} untranslated of {total}\"><span class=\"reviewed\" style=\"inline-size: {:.1}%\"></span><span class=\"translated\" style=\"inline-size: {:.1}%\"></span><span class=\"fuzzy\" style=\"inline-size: {:.1}%\"></span></div>",
        pct(c.reviewed),
        pct(c.translated - c.reviewed),
        pct(c.fuzzy),
        t = c.translated,
        r = c.reviewed,
        f = c.fuzzy,
        u = c.untranslated,
        total = c.total
    )
}

/// One locale's card: its bar and its counts of segments and words.
fn card(locale: &str, segments: &Counts, words: &Counts) -> String {
    format!(
        "<section class=\"card\" aria-labelledby=\"card-{id}\"><h2 id=\"card-{id}\">{locale}</h2>{bar}<dl><dt>Translated</dt><dd>{t:.1}%</dd><dt>Reviewed</dt><dd>{r:.1}%</dd><dt>Fuzzy</dt><dd>{f}</dd><dt>Untranslated</dt><dd>{u}</dd><dt>Words translated</dt><dd>{wt} of {wa}</dd></dl></section>\n",
        id = escape(locale),
        locale = escape(locale),
        bar = bar(segments),
        t = segments.percent(),
        r = segments.percent_reviewed(),
        f = segments.fuzzy,
        u = segments.untranslated,
        wt = words.translated,
        wa = words.total,
    )
}

/// One chapter's row: its bar, the shares translated and reviewed, and the
/// counts; its name links to the chapter's proof page when there is one.
fn chapter_row(name: &str, proof: Option<String>, s: &Counts, w: &Counts) -> String {
    let name = match proof {
        Some(href) => format!("<a href=\"{}\">{}</a>", escape(&href), escape(name)),
        None => escape(name),
    };
    format!(
        "<tr><th scope=\"row\">{name}</th><td>{}</td><td class=\"num\">{:.1}%</td><td class=\"num\">{:.1}%</td><td class=\"num\">{}/{}/{}/{}</td><td class=\"num\">{}/{}/{}/{}</td></tr>\n",
        bar(s),
        s.percent(),
        s.percent_reviewed(),
        s.translated,
        s.reviewed,
        s.fuzzy,
        s.untranslated,
        w.translated,
        w.reviewed,
        w.fuzzy,
        w.untranslated,
    )
}

/// The dashboard page for a book titled `title`. `proofs` is where the
/// HTML editions are, relative to the page (`html/` beside `status.html`
/// in `dist/`), to link each chapter to its bilingual proof.
pub fn render(report: &StatusReport, title: &str, proofs: Option<&str>) -> String {
    let mut cards = String::new();
    let mut tables = String::new();
    for l in &report.locales {
        cards.push_str(&card(&l.locale, &l.segments, &l.words));
        let mut rows = String::new();
        for c in &l.chapters {
            let proof = proofs.map(|base| {
                format!(
                    "{base}{}/proof/{}.html",
                    l.locale,
                    crate::project::page_stem(&c.chapter)
                )
            });
            rows.push_str(&chapter_row(&c.chapter, proof, &c.segments, &c.words));
        }
        tables.push_str(&format!(
            "<h2>{locale}: chapters</h2>\n<div class=\"scroll\">\n<table>\n<thead><tr><th scope=\"col\">Chapter</th><th scope=\"col\">Progress</th><th scope=\"col\">Translated</th><th scope=\"col\">Reviewed</th><th scope=\"col\">Segments translated/reviewed/fuzzy/untranslated</th><th scope=\"col\">Source words translated/reviewed/fuzzy/untranslated</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n</div>\n",
            locale = escape(&l.locale),
        ));
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>Translation status · {title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n<h1>Translation status</h1>\n<p>{title}</p>\n<p class=\"key\" aria-hidden=\"true\"><span class=\"reviewed\"></span>reviewed<span class=\"translated\"></span>translated<span class=\"fuzzy\"></span>fuzzy</p>\n<div class=\"cards\">\n{cards}</div>\n{tables}</main>\n</body>\n</html>\n",
        title = escape(title),
    )
}
