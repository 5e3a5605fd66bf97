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
.reviewed { background: #1b5e20; } .translated { background: #66bb6a; } .fuzzy { background: #f9a825; }
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

/// One row: its bar, the shares translated and reviewed, and the counts.
struct Row<'a> {
    class: &'a str,
    name: &'a str,
    segments: &'a Counts,
    words: &'a Counts,
}

impl Row<'_> {
    fn html(&self) -> String {
        let (s, w) = (self.segments, self.words);
        format!(
            "<tr class=\"{}\"><th scope=\"row\">{}</th><td>{}</td><td class=\"num\">{:.1}%</td><td class=\"num\">{:.1}%</td><td class=\"num\">{}/{}/{}/{}</td><td class=\"num\">{}/{}/{}/{}</td></tr>\n",
            self.class,
            escape(self.name),
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
}

/// The dashboard page for a book titled `title`.
pub fn render(report: &StatusReport, title: &str) -> String {
    let mut rows = String::new();
    for l in &report.locales {
        rows.push_str(
            &Row {
                class: "locale",
                name: &l.locale,
                segments: &l.segments,
                words: &l.words,
            }
            .html(),
        );
        for c in &l.chapters {
            rows.push_str(
                &Row {
                    class: "chapter",
                    name: &format!("{} · {}", l.locale, c.chapter),
                    segments: &c.segments,
                    words: &c.words,
                }
                .html(),
            );
        }
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>Translation status · {title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>Translation status</h1>\n<p>{title}</p>\n<table>\n<thead><tr><th scope=\"col\">Locale · chapter</th><th scope=\"col\">Progress</th><th scope=\"col\">Translated</th><th scope=\"col\">Reviewed</th><th scope=\"col\">Segments translated/reviewed/fuzzy/untranslated</th><th scope=\"col\">Source words translated/reviewed/fuzzy/untranslated</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n</body>\n</html>\n",
        title = escape(title),
    )
}
