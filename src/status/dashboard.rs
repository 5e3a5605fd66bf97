//! `status --html`: a self-contained page (no scripts, no external files)
//! with a bar per locale and per chapter.

use super::{Counts, StatusReport};
use crate::formats::xml::escape;

const CSS: &str = "
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-inline-size: 60rem; padding: 0 1rem; }
table { border-collapse: collapse; inline-size: 100%; margin-block-end: 2rem; }
th, td { text-align: start; padding: 0.3em 0.6em; border-block-end: 1px solid #ddd; }
td.num { text-align: end; font-variant-numeric: tabular-nums; }
.bar { display: flex; inline-size: 16rem; block-size: 0.9rem; background: #eee; }
.bar span { display: block; block-size: 100%; }
.translated { background: #2e7d32; } .fuzzy { background: #f9a825; }
tr.locale th { font-size: 1.1em; }
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
        "<div class=\"bar\" role=\"img\" aria-label=\"{t} translated, {f} fuzzy, {u} untranslated of {total}\"><span class=\"translated\" style=\"inline-size: {:.1}%\"></span><span class=\"fuzzy\" style=\"inline-size: {:.1}%\"></span></div>",
        pct(c.translated),
        pct(c.fuzzy),
        t = c.translated,
        f = c.fuzzy,
        u = c.untranslated,
        total = c.total
    )
}

fn row(class: &str, name: &str, segments: &Counts, words: &Counts, percent: f64) -> String {
    format!(
        "<tr class=\"{class}\"><th scope=\"row\">{}</th><td>{}</td><td class=\"num\">{percent:.1}%</td><td class=\"num\">{}/{}/{}</td><td class=\"num\">{}/{}/{}</td></tr>\n",
        escape(name),
        bar(segments),
        segments.translated,
        segments.fuzzy,
        segments.untranslated,
        words.translated,
        words.fuzzy,
        words.untranslated,
    )
}

/// The dashboard page for a book titled `title`.
pub fn render(report: &StatusReport, title: &str) -> String {
    let mut rows = String::new();
    for l in &report.locales {
        rows.push_str(&row(
            "locale",
            &l.locale,
            &l.segments,
            &l.words,
            l.percent_translated,
        ));
        for c in &l.chapters {
            rows.push_str(&row(
                "chapter",
                &format!("{} · {}", l.locale, c.chapter),
                &c.segments,
                &c.words,
                c.percent_translated,
            ));
        }
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>Translation status · {title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>Translation status</h1>\n<p>{title}</p>\n<table>\n<thead><tr><th scope=\"col\">Locale · chapter</th><th scope=\"col\">Progress</th><th scope=\"col\">Translated</th><th scope=\"col\">Segments translated/fuzzy/untranslated</th><th scope=\"col\">Source words translated/fuzzy/untranslated</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n</body>\n</html>\n",
        title = escape(title),
    )
}
