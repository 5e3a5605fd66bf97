//! Quality checks on translations: each finding has a rule id, a severity,
//! and (from `check_catalog`) the PO file and line to fix.
//!
//! Errors are what would break or falsify an edition (markup that no longer
//! matches the source, numbers that changed, a blank "translation"); `build`
//! does not publish a segment with an error. Warnings are for a reviewer.

use std::collections::BTreeMap;

use pulldown_cmark::{Event, Parser, Tag};
use serde::Serialize;

use crate::formats::po;
use crate::glossary::Glossary;
use crate::source;

pub mod passed;
mod terms;
use terms::inconsistencies;
pub use terms::terms;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Which checks to run beyond the defaults.
#[derive(Debug, Clone, Copy, Default)]
pub struct CheckOptions {
    /// Warn when the translation's length is outside this ratio of the source's.
    pub length_ratio: Option<(f64, f64)>,
}

/// The default bounds of `--length-ratio`: a translation a third of the
/// source or three times longer is worth a look.
pub const DEFAULT_LENGTH_RATIO: (f64, f64) = (0.33, 3.0);

/// One problem in one translation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    pub rule: &'static str,
    pub severity: Severity,
    /// In English, as `check --json`, the proofs and English runs give it.
    pub message: String,
    #[serde(skip)]
    pub wording: Wording,
}

/// What an issue says, for a console in another language: a message id
/// of its catalog (`check-…`) and the values it takes. Kinds of markup,
/// punctuation and scripts travel as ids (`heading`, `full-stop`), which
/// the catalog names in its language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Wording {
    pub id: &'static str,
    pub args: Vec<(&'static str, String)>,
}

/// An issue located in a segment file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub locale: String,
    pub file: String,
    pub line: usize,
    pub segment: String,
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    #[serde(skip)]
    pub wording: Wording,
}

fn issue(
    rule: &'static str,
    severity: Severity,
    message: String,
    id: &'static str,
    args: Vec<(&'static str, String)>,
) -> Issue {
    Issue {
        rule,
        severity,
        message,
        wording: Wording { id, args },
    }
}

/// Runs every rule on one translation of `source`.
pub fn check_translation(source: &str, translation: &str, options: &CheckOptions) -> Vec<Issue> {
    let mut out = Vec::new();
    if !error_rules(source, translation, &mut out) {
        return out;
    }
    if translation == source && source.chars().any(char::is_alphabetic) {
        out.push(issue(
            "identical",
            Severity::Warning,
            "the translation is identical to the English source".into(),
            "check-identical",
            vec![],
        ));
    }
    whitespace(source, translation, &mut out);
    end_punctuation(source, translation, &mut out);
    brackets(source, translation, &mut out);
    if let Some((low, high)) = options.length_ratio {
        let ratio = translation.chars().count() as f64 / source.chars().count().max(1) as f64;
        if ratio < low || ratio > high {
            out.push(issue(
                "length",
                Severity::Warning,
                format!("the translation is {ratio:.2} times the length of the source (expected {low}–{high})"),
                "check-length",
                vec![
                    ("ratio", format!("{ratio:.2}")),
                    ("low", low.to_string()),
                    ("high", high.to_string()),
                ],
            ));
        }
    }
    out
}

/// The rules that can find errors (blank, markup, numbers); false when the
/// translation is blank, so nothing else is worth checking.
fn error_rules(source: &str, translation: &str, out: &mut Vec<Issue>) -> bool {
    if translation.trim().is_empty() {
        if !translation.is_empty() {
            out.push(issue(
                "blank",
                Severity::Error,
                "the translation is only whitespace".into(),
                "check-blank",
                vec![],
            ));
        }
        return false;
    }
    markup_parity(source, translation, out);
    numbers(source, translation, out);
    block_structure(source, translation, out);
    bidi_controls(translation, out);
    long_runs(source, translation, out);
    true
}

/// Block-level Markdown a segment's text parses into: a translation that
/// starts a heading, a list, a fence, a table, a thematic break or an HTML
/// block where the English has none would put that block inside a
/// paragraph, which breaks the page and the EPUB.
fn blocks(text: &str) -> BTreeMap<(&'static str, &'static str), usize> {
    if is_unmarked(text) {
        return BTreeMap::new();
    }
    parsed_blocks(text)
}

/// Text the checks' parser finds no markup in: plain, or with brackets
/// that make no link (the checks resolve no reference: `links` is empty).
fn is_unmarked(text: &str) -> bool {
    source::is_plain(text) || source::is_plain_but_brackets(text, &[])
}

fn parsed_blocks(text: &str) -> BTreeMap<(&'static str, &'static str), usize> {
    let (wrapped, _, end) = source::wrap_inline(text);
    let mut found = BTreeMap::new();
    let parser = Parser::new_ext(&wrapped, source::markdown_options());
    for (event, _) in parser.into_offset_iter().take_while(|(_, r)| r.start < end) {
        let kind = match event {
            Event::Start(Tag::Heading { .. }) => ("heading", "a heading"),
            Event::Start(Tag::Item) => ("list-item", "a list item"),
            Event::Start(Tag::CodeBlock(_)) => ("code-block", "a code block"),
            Event::Start(Tag::Table(_)) => ("table", "a table"),
            Event::Start(Tag::BlockQuote(_)) => ("block-quote", "a block quote"),
            Event::Start(Tag::HtmlBlock) => ("html-block", "an HTML block"),
            Event::Start(Tag::FootnoteDefinition(_)) => {
                ("footnote-definition", "a footnote definition")
            }
            Event::Rule => ("thematic-break", "a thematic break"),
            _ => continue,
        };
        *found.entry(kind).or_insert(0) += 1;
    }
    found
}

fn block_structure(source: &str, translation: &str, out: &mut Vec<Issue>) {
    let theirs = blocks(translation);
    if theirs.is_empty() {
        return;
    }
    let ours = blocks(source);
    for ((id, kind), n) in theirs {
        if n > ours.get(&(id, kind)).copied().unwrap_or(0) {
            out.push(issue(
                "block",
                Severity::Error,
                format!("the translation starts {kind}, which the English does not have (a line that begins with `#`, `-`, `1.`, `|`, `>`, a fence, `---` or an HTML tag starts a block; add a character before it or join the lines)"),
                "check-block",
                vec![("kind", id.to_string())],
            ));
        }
    }
}

fn bidi_controls(translation: &str, out: &mut Vec<Issue>) {
    let balance = crate::bidi::balance(translation);
    if balance.unclosed > 0 {
        out.push(issue(
            "bidi",
            Severity::Error,
            format!("{} bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2068) left open: it would reverse the text after it; close it with U+202C (PDF) or U+2069 (PDI)", balance.unclosed),
            "check-bidi-open",
            vec![("count", balance.unclosed.to_string())],
        ));
    }
    if balance.unmatched > 0 {
        out.push(issue(
            "bidi",
            Severity::Error,
            format!(
                "{} bidirectional closing mark (U+202C PDF or U+2069 PDI) with nothing to close",
                balance.unmatched
            ),
            "check-bidi-unmatched",
            vec![("count", balance.unmatched.to_string())],
        ));
    }
}

/// The longest run of visible characters without a break opportunity that
/// a translation may add: longer runs (a pasted hash, a string of one
/// letter) overflow a phone's screen in readers that do not break words.
pub const LONG_RUN: usize = 60;

fn long_runs(source: &str, translation: &str, out: &mut Vec<Issue>) {
    let visible = source::plain_text(translation, &[]);
    let english = source::plain_text(source, &[]);
    for run in visible.split(|c: char| c.is_whitespace() || c == '\u{200B}') {
        let length = run.chars().count();
        if length > LONG_RUN && !english.contains(run) {
            let start: String = run.chars().take(20).collect();
            out.push(issue(
                "long-run",
                Severity::Error,
                format!(
                    "an unbroken run of {length} characters (`{start}…`); break it with spaces"
                ),
                "check-long-run",
                vec![("length", length.to_string()), ("start", start)],
            ));
            return;
        }
    }
}

/// Letters of a script the locale is not written in (beyond what the
/// English itself has, such as names): Arabic script in Azerbaijani or
/// Turkish, Cyrillic in any of the book's languages, or a Persian
/// translation with no Arabic-script letter at all.
pub fn script(locale: &str, source: &str, translation: &str) -> Option<Issue> {
    let arabic = |c: char| {
        matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
            && c.is_alphabetic()
    };
    let cyrillic = |c: char| matches!(c as u32, 0x0400..=0x052F) && c.is_alphabetic();
    let foreign = |test: &dyn Fn(char) -> bool, name: &str, id: &str| {
        let letters: String = translation
            .chars()
            .filter(|&c| test(c) && !source.contains(c))
            .take(12)
            .collect();
        (!letters.is_empty()).then(|| {
            issue(
                "script",
                Severity::Warning,
                format!("{name} letters (`{letters}`) in a `{locale}` translation"),
                "check-script",
                vec![
                    ("script", id.to_string()),
                    ("letters", letters),
                    ("locale", locale.to_string()),
                ],
            )
        })
    };
    let primary = locale.split('-').next().unwrap_or(locale);
    match primary {
        "az" | "tr" => foreign(&arabic, "Arabic-script", "arabic")
            .or_else(|| foreign(&cyrillic, "Cyrillic", "cyrillic")),
        "fa" => {
            let english_words: Vec<&str> = source.split(|c: char| !c.is_alphabetic()).collect();
            let unexplained_latin = translation
                .split(|c: char| !c.is_alphabetic())
                .any(|w| w.chars().any(|c| c.is_ascii_alphabetic()) && !english_words.contains(&w));
            if !translation.chars().any(arabic) && unexplained_latin {
                Some(issue(
                    "script",
                    Severity::Warning,
                    "the Persian translation has no Arabic-script letter: is it still English, or in another language?".into(),
                    "check-script-not-persian",
                    vec![],
                ))
            } else {
                foreign(&cyrillic, "Cyrillic", "cyrillic")
            }
        }
        _ => None,
    }
}

/// Only the error-level issues: what `build` refuses to publish. Runs only
/// the rules that can find one (a build checks every translation).
pub fn errors(source: &str, translation: &str) -> Vec<Issue> {
    let mut out = Vec::new();
    error_rules(source, translation, &mut out);
    out.retain(|i| i.severity == Severity::Error);
    out
}

/// Inline markup of a segment: counts per kind, and link and image targets.
#[derive(Debug, Default, PartialEq)]
struct Markup {
    /// (id, English name) of each kind, and how many.
    kinds: BTreeMap<(&'static str, &'static str), usize>,
    /// Each link and image: `link to URL` or `image URL`, and the URL.
    targets: Vec<(String, String)>,
}

fn markup(text: &str) -> Markup {
    if is_unmarked(text) {
        return Markup::default();
    }
    parsed_markup(text)
}

fn parsed_markup(text: &str) -> Markup {
    let (wrapped, _, end) = source::wrap_inline(text);
    // `[x][ref]` and `[x][]` count as links whether or not the definition is
    // known here; a bare `[x]` is text unless defined (CommonMark).
    let mut callback = |link: pulldown_cmark::BrokenLink<'_>| match link.link_type {
        pulldown_cmark::LinkType::Shortcut | pulldown_cmark::LinkType::ShortcutUnknown => None,
        _ => Some((link.reference.to_string().into(), "".into())),
    };
    let parser = Parser::new_with_broken_link_callback(
        &wrapped,
        source::markdown_options(),
        Some(&mut callback),
    );
    let mut m = Markup::default();
    for (event, _) in parser.into_offset_iter().take_while(|(_, r)| r.start < end) {
        let kind = match event {
            Event::Start(Tag::Emphasis) => ("emphasis", "emphasis"),
            Event::Start(Tag::Strong) => ("strong", "strong"),
            Event::Start(Tag::Strikethrough) => ("strikethrough", "strikethrough"),
            Event::Code(_) => ("inline-code", "inline code"),
            Event::FootnoteReference(_) => ("footnote-reference", "footnote reference"),
            Event::InlineHtml(_) => ("inline-html", "inline HTML"),
            Event::Start(Tag::Link { dest_url, .. }) => {
                m.targets
                    .push((format!("link to {dest_url}"), dest_url.to_string()));
                ("link", "link")
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                m.targets
                    .push((format!("image {dest_url}"), dest_url.to_string()));
                ("image", "image")
            }
            _ => continue,
        };
        *m.kinds.entry(kind).or_default() += 1;
    }
    m.targets.sort();
    m
}

fn markup_parity(source: &str, translation: &str, out: &mut Vec<Issue>) {
    let (s, t) = (markup(source), markup(translation));
    let kinds: std::collections::BTreeSet<(&str, &str)> =
        s.kinds.keys().chain(t.kinds.keys()).copied().collect();
    for (id, kind) in kinds {
        let (a, b) = (
            s.kinds.get(&(id, kind)).copied().unwrap_or(0),
            t.kinds.get(&(id, kind)).copied().unwrap_or(0),
        );
        if a != b {
            out.push(issue(
                "markup",
                Severity::Error,
                format!("{kind}: the source has {a}, the translation {b}"),
                "check-markup",
                vec![
                    ("kind", id.to_string()),
                    ("source", a.to_string()),
                    ("translation", b.to_string()),
                ],
            ));
        }
    }
    let count = |m: &Markup, id: &'static str| m.kinds.get(&(id, id)).copied();
    if count(&s, "link") == count(&t, "link")
        && count(&s, "image") == count(&t, "image")
        && s.targets != t.targets
    {
        let list = |m: &Markup, bare: bool| {
            m.targets
                .iter()
                .map(|(named, url)| if bare { url.as_str() } else { named.as_str() })
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push(issue(
            "markup",
            Severity::Error,
            format!(
                "targets differ: the source has {}, the translation {}",
                list(&s, false),
                list(&t, false)
            ),
            "check-targets",
            vec![("source", list(&s, true)), ("translation", list(&t, true))],
        ));
    }
}

/// The numbers in a text, digits normalized to ASCII (Persian `۰–۹` and
/// Arabic-Indic `٠–٩` included) and group separators dropped, so `1,000`,
/// `1.000` and `۱٬۰۰۰` are the same number. Link targets are not text.
fn number_tokens(text: &str) -> Vec<String> {
    let visible = strip_urls(text);
    let digit = |c: char| -> Option<char> {
        match c {
            '0'..='9' => Some(c),
            '۰'..='۹' => char::from_digit(c as u32 - '۰' as u32, 10),
            '٠'..='٩' => char::from_digit(c as u32 - '٠' as u32, 10),
            _ => None,
        }
    };
    let separator = |c: char| matches!(c, ',' | '.' | '٫' | '٬' | '\u{202F}' | '\u{00A0}' | '\'');
    let chars: Vec<char> = visible.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if digit(chars[i]).is_none() {
            i += 1;
            continue;
        }
        let mut token = String::new();
        while i < chars.len() {
            if let Some(d) = digit(chars[i]) {
                token.push(d);
                i += 1;
            } else if separator(chars[i]) && chars.get(i + 1).and_then(|&c| digit(c)).is_some() {
                i += 1;
            } else {
                break;
            }
        }
        tokens.push(token);
    }
    tokens.sort();
    tokens
}

/// Text without link destinations (`](…)`), which hold no translatable numbers.
fn strip_urls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("](") {
        out.push_str(&rest[..i + 1]);
        match rest[i + 2..].find(')') {
            Some(end) => rest = &rest[i + 2 + end + 1..],
            None => {
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn numbers(source: &str, translation: &str, out: &mut Vec<Issue>) {
    let (s, t) = (number_tokens(source), number_tokens(translation));
    if s != t {
        out.push(issue(
            "numbers",
            Severity::Error,
            format!(
                "numbers differ: the source has [{}], the translation [{}]",
                s.join(", "),
                t.join(", ")
            ),
            "check-numbers",
            vec![("source", s.join(", ")), ("translation", t.join(", "))],
        ));
    }
}

fn whitespace(source: &str, translation: &str, out: &mut Vec<Issue>) {
    let lead = |s: &str| s.len() - s.trim_start().len();
    let trail = |s: &str| s.len() - s.trim_end().len();
    if lead(source) != lead(translation) || trail(source) != trail(translation) {
        out.push(issue(
            "whitespace",
            Severity::Warning,
            "leading or trailing whitespace differs from the source".into(),
            "check-whitespace-edges",
            vec![],
        ));
    }
    if translation.contains("  ") && !source.contains("  ") {
        out.push(issue(
            "whitespace",
            Severity::Warning,
            "doubled space".into(),
            "check-doubled-space",
            vec![],
        ));
    }
}

/// The class of a text's final punctuation, closing quotes and markup ignored.
fn end_class(text: &str) -> Option<(&'static str, &'static str)> {
    let last = text.trim_end().chars().rev().find(|c| {
        !matches!(
            c,
            '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '*' | '_' | '`'
        )
    })?;
    Some(match last {
        '.' | '۔' | '。' => ("full-stop", "full stop"),
        '?' | '؟' => ("question-mark", "question mark"),
        '!' => ("exclamation-mark", "exclamation mark"),
        ':' => ("colon", "colon"),
        ';' | '؛' => ("semicolon", "semicolon"),
        ',' | '،' => ("comma", "comma"),
        '…' => ("ellipsis", "ellipsis"),
        _ => return None,
    })
}

fn end_punctuation(source: &str, translation: &str, out: &mut Vec<Issue>) {
    let (s, t) = (end_class(source), end_class(translation));
    // An ellipsis written as three full stops is still an ellipsis.
    let norm = |text: &str, class: Option<(&'static str, &'static str)>| {
        if text.trim_end().ends_with("...") {
            Some(("ellipsis", "ellipsis"))
        } else {
            class
        }
    };
    let (s, t) = (norm(source, s), norm(translation, t));
    if s != t {
        let id = |c: Option<(&str, &str)>| c.map_or("none", |c| c.0).to_string();
        let name = |c: Option<(&str, &str)>| c.map_or("no punctuation", |c| c.1).to_string();
        out.push(issue(
            "end-punctuation",
            Severity::Warning,
            format!(
                "the source ends with {}, the translation with {}",
                name(s),
                name(t)
            ),
            "check-end-punctuation",
            vec![("source", id(s)), ("translation", id(t))],
        ));
    }
}

/// Pairs that must balance, and quote characters that come in pairs.
const PAIRS: &[(char, char)] = &[
    ('(', ')'),
    ('[', ']'),
    ('{', '}'),
    ('«', '»'),
    ('“', '”'),
    ('‹', '›'),
];

fn balanced(text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for &(open, close) in PAIRS {
        let mut depth = 0i64;
        let mut ok = true;
        for c in text.chars() {
            if c == open {
                depth += 1;
            } else if c == close {
                depth -= 1;
                ok &= depth >= 0;
            }
        }
        if depth != 0 || !ok {
            problems.push(format!("{open}{close}"));
        }
    }
    if text.matches('"').count() % 2 == 1 {
        problems.push("\"\"".into());
    }
    problems
}

fn brackets(source: &str, translation: &str, out: &mut Vec<Issue>) {
    let unbalanced_in_source = balanced(source);
    for pair in balanced(translation) {
        if !unbalanced_in_source.contains(&pair) {
            out.push(issue(
                "brackets",
                Severity::Warning,
                format!("unbalanced {pair} in the translation"),
                "check-brackets",
                vec![("pair", pair.clone())],
            ));
        }
    }
}

/// Checks every translated or fuzzy entry of a parsed PO file, against
/// the book's glossary too.
pub fn check_catalog(
    catalog: &po::Catalog,
    locale: &str,
    display: &str,
    options: &CheckOptions,
    glossary: &Glossary,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for e in catalog
        .entries
        .iter()
        .filter(|e| !e.obsolete && !e.msgstr.is_empty())
    {
        let issues = check_translation(&e.msgid, &e.msgstr, options);
        let script = script(locale, &e.msgid, &e.msgstr);
        let terms = terms(glossary, locale, &e.msgid, &e.msgstr);
        for i in issues.into_iter().chain(script).chain(terms) {
            findings.push(Finding {
                locale: locale.to_string(),
                file: display.to_string(),
                line: e.msgstr_line,
                segment: e.msgctxt.clone().unwrap_or_default(),
                rule: i.rule,
                severity: i.severity,
                message: i.message,
                wording: i.wording,
            });
        }
    }
    findings
}

/// Checks the PO files of the given locales (every target locale when empty).
/// A PO file that cannot be read is an error naming its file and line.
pub fn check_project(
    project: &crate::project::Project,
    locales: &[unic_langid::LanguageIdentifier],
    options: &CheckOptions,
) -> crate::Result<Vec<Finding>> {
    let locales = if locales.is_empty() {
        &project.book.locales[..]
    } else {
        locales
    };
    let mut findings = Vec::new();
    for lang in locales {
        let code = lang.to_string();
        let mut catalogs = Vec::new();
        for chapter in &project.chapters {
            let path = project.po_path(lang, chapter);
            if !path.exists() {
                continue;
            }
            let text = po::read(&path)?;
            let catalog = po::parse(&text, &path)?;
            po::check_language(&text, &catalog, &code, &path)?;
            let display = project.display_path(&path);
            findings.extend(check_catalog(
                &catalog,
                &code,
                &display,
                options,
                &project.glossary,
            ));
            catalogs.push((display, catalog));
        }
        let mut across = inconsistencies(&code, &catalogs);
        findings.append(&mut across);
    }
    Ok(findings)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`source::is_plain`] lets a build skip: texts made of everything it
    /// allows (list and heading markers, numbers, bare URLs, Persian and
    /// Turkish letters, ZWNJ, quotes) parse into no markup and no block.
    #[test]
    fn plain_text_parses_into_no_markup_and_no_block() {
        let pieces = [
            "1. ",
            "1) ",
            "# ",
            "## ",
            "- ",
            "+ ",
            "---",
            "===",
            "> ",
            "= ",
            "a",
            "İstanbul'da",
            "ı",
            "می\u{200c}خواهم",
            "۱۲۳",
            "٫",
            "؟",
            ":",
            ";",
            "(x)",
            "\"q\"",
            "'",
            "%",
            "$5",
            "@",
            "/",
            "?",
            "http://example.org/a_b",
            "www.example.org",
            "a@b.org",
            "—",
            "…",
            " ",
            "  ",
            ".",
            ",",
            "x:",
            "[",
            "2026-12-07",
            "\u{2067}",
            "\u{a0}",
        ];
        let mut checked = 0;
        for text in source::texts_of(&pieces, 7, 3000) {
            if !source::is_plain(&text) {
                continue;
            }
            checked += 1;
            assert_eq!(parsed_markup(&text), Markup::default(), "{text:?}");
            assert!(parsed_blocks(&text).is_empty(), "{text:?}");
            assert_eq!(
                source::parsed_plain_text(&text, &[]),
                source::plain_text(&text, &[]),
                "{text:?}"
            );
        }
        assert!(checked > 2000, "{checked}");
        let brackets = [
            "a", "[", "]", "[az] ", "[1]", "] (", "][", "](", "[x]: ", " ", "متن", ".",
        ];
        let mut unmarked = 0;
        for text in source::texts_of(&brackets, 9, 3000) {
            if !is_unmarked(&text) {
                continue;
            }
            unmarked += 1;
            assert_eq!(parsed_markup(&text), Markup::default(), "{text:?}");
            assert!(parsed_blocks(&text).is_empty(), "{text:?}");
        }
        assert!(unmarked > 1000, "{unmarked}");
        for marked in [
            "*a*", "a_b_", "`c`", "[l](u)", "<b>", "&amp;", "~~s~~", "a\n- b", "x\\*",
        ] {
            assert!(!source::is_plain(marked), "{marked:?}");
        }
    }

    fn rules(source: &str, translation: &str) -> Vec<&'static str> {
        check_translation(
            source,
            translation,
            &CheckOptions {
                length_ratio: Some(DEFAULT_LENGTH_RATIO),
            },
        )
        .into_iter()
        .map(|i| i.rule)
        .collect()
    }

    #[test]
    fn each_rule_fires_on_its_own_fault_and_only_there() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "The **war** lasted 44 days.",
                "Müharibə **44 gün** davam etdi.",
                &[],
            ),
            (
                "The **war** lasted 44 days.",
                "Müharibə 44 gün davam etdi.",
                &["markup"],
            ),
            (
                "See [this](https://a.org).",
                "Bax [bura](https://b.org).",
                &["markup"],
            ),
            ("Run `ls` now.", "İndi ls işlət.", &["markup"]),
            ("See the [site][s] now.", "Bax [sayt][s] indi.", &[]),
            ("Plain words here.", "[az] Plain words here.", &[]),
            (
                "In January 2023, 40 minutes.",
                "در ژانویهٔ ۲۰۲۳، ۴۰ دقیقه.",
                &[],
            ),
            (
                "In January 2023, 40 minutes.",
                "در ژانویهٔ ۲۰۲۴، ۴۰ دقیقه.",
                &["numbers"],
            ),
            ("It cost 1,000 manat.", "Bu 1.000 manata başa gəldi.", &[]),
            ("Hello.", "   ", &["blank"]),
            ("Baku noticed.", "Baku noticed.", &["identical"]),
            ("Baku noticed.", "Bakı  fərqinə vardı.", &["whitespace"]),
            ("Baku noticed.", " Bakı fərqinə vardı.", &["whitespace"]),
            ("The message?", "پیام؟", &[]),
            ("The message?", "پیام.", &["end-punctuation"]),
            ("Clear, and consistent", "روشن، و پیوسته", &[]),
            ("A “quote” here.", "Bir “alıntı burada.", &["brackets"]),
            ("A (note) here.", "Bir (not burada.", &["brackets"]),
            (
                "Short sentence here.",
                "Bu çox, çox, çox, çox, çox, çox, çox, çox, çox, çox, çox, çox, çox uzundur.",
                &["length"],
            ),
        ];
        for (source, translation, expected) in cases {
            assert_eq!(
                &rules(source, translation),
                expected,
                "{source:?} -> {translation:?}"
            );
        }
    }

    #[test]
    fn errors_are_markup_numbers_and_blank_only() {
        assert_eq!(errors("A **b** 5.", "A b 6!").len(), 2);
        assert!(errors("Baku noticed.", "Baku noticed.").is_empty());
    }
}
