//! `serve`'s concordance page: how a word or a phrase was translated
//! before, the lookup `tm concordance` makes, for a reader of the preview
//! who double-clicks a word. The texts are translations, so untrusted:
//! every one is escaped, and the words found are marked with `<mark>`.

use crate::formats::xml::escape;
use crate::tm::concordance::{highlights, Concordance};

/// The `q` and `locale` parameters of a request target
/// (`/__tercuman/concordance?q=Tahran&locale=tr`), percent- and
/// plus-decoded.
pub fn parameters(target: &str) -> (String, Option<String>) {
    let query = target.split_once('?').map_or("", |(_, q)| q);
    let mut text = String::new();
    let mut locale = None;
    for pair in query.split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = super::percent_decode(&value.replace('+', " ")).unwrap_or_default();
        match key {
            "q" => text = value,
            "locale" if !value.is_empty() => locale = Some(value),
            _ => {}
        }
    }
    (text, locale)
}

/// `text` with the query's words in `<mark>`, escaped.
fn marked(lang: &str, text: &str, query: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for range in highlights(lang, text, query) {
        out.push_str(&escape(&text[at..range.start]));
        out.push_str("<mark>");
        out.push_str(&escape(&text[range.clone()]));
        out.push_str("</mark>");
        at = range.end;
    }
    out.push_str(&escape(&text[at..]));
    out
}

/// The page for `query`'s results. `direction` gives a language's
/// direction (`rtl`, `ltr`).
pub fn page(
    query: &str,
    source_lang: &str,
    found: &Concordance,
    direction: impl Fn(&str) -> &'static str,
) -> String {
    let mut rows = String::new();
    for f in &found.matches {
        let mut translations = String::new();
        for (lang, text) in &f.translations {
            translations.push_str(&format!(
                "<dt>{l}</dt><dd lang=\"{l}\" dir=\"{d}\">{}</dd>",
                marked(lang, text, query),
                l = escape(lang),
                d = direction(lang),
            ));
        }
        rows.push_str(&format!(
            "<li><p class=\"where\"><code>{}</code> {}:{}</p><p lang=\"{sl}\" dir=\"{sd}\">{}</p><dl>{translations}</dl></li>\n",
            escape(&f.segment),
            escape(&f.file),
            f.line,
            marked(source_lang, &f.source, query),
            sl = escape(source_lang),
            sd = direction(source_lang),
        ));
    }
    let shown = found.matches.len();
    let summary = match found.total {
        0 => "No segment holds these words.".to_string(),
        n if n == shown => format!("{n} segments, in book order."),
        n => format!("The first {shown} of {n} segments, in book order."),
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>“{q}” in the memory</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n<h1>“<bdi>{q}</bdi>” in the memory</h1>\n<form action=\"/__tercuman/concordance\"><input name=\"q\" value=\"{q}\" aria-label=\"Words to look up\" /> <button>Look up</button></form>\n<p>{summary}</p>\n<ol class=\"found\">\n{rows}</ol>\n</main>\n</body>\n</html>\n",
        q = escape(query),
    )
}

const CSS: &str = "
:root { color-scheme: light dark; }
body { font-family: system-ui, sans-serif; margin: 0 auto; max-inline-size: 50rem; padding: 1rem; line-height: 1.5; overflow-wrap: anywhere; }
.found { padding-inline-start: 1.5rem; }
.found li { margin-block-end: 1rem; }
.where { margin: 0; font-size: 0.85em; opacity: 0.8; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 0 0.8rem; margin: 0.2rem 0 0; }
dd { margin: 0; }
mark { padding: 0 0.1em; }
input { font: inherit; inline-size: min(20rem, 70vw); }
";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tm::concordance::Found;

    #[test]
    fn the_query_is_read_from_the_target() {
        assert_eq!(
            parameters("/__tercuman/concordance?q=Mighty+Power&locale=tr"),
            ("Mighty Power".to_string(), Some("tr".to_string()))
        );
        assert_eq!(
            parameters("/__tercuman/concordance?q=%D8%AA%D9%87%D8%B1%D8%A7%D9%86").0,
            "تهران"
        );
    }

    #[test]
    fn translations_are_escaped_and_the_words_marked() {
        let found = Concordance {
            total: 1,
            matches: vec![Found::sample(
                "ch/1",
                "Tehran <b>said</b> no.",
                "fa",
                "تهران <script>alert(1)</script> گفت نه.",
            )],
        };
        let html = page("Tehran", "en", &found, |l| {
            if l == "fa" {
                "rtl"
            } else {
                "ltr"
            }
        });
        assert!(html.contains("<mark>Tehran</mark> &lt;b&gt;said"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("dir=\"rtl\""));
    }
}
