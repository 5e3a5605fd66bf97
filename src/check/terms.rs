//! The rules that look beyond one entry's own text: the book's glossary
//! (`term`, `do-not-translate`, `forbidden-term`) and consistency across a
//! locale's files (`inconsistent`).

use std::collections::BTreeMap;

use super::{issue, Finding, Issue, Severity, Wording};
use crate::formats::po;
use crate::glossary::{self, Glossary};

/// The glossary's rules on one translation: `term` (a preferred term of
/// the English without any of its translations), `do-not-translate` (a
/// term that must stand as the English writes it) and `forbidden-term` (a
/// translation the glossary forbids for a term of the English).
pub fn terms(glossary: &Glossary, locale: &str, source: &str, translation: &str) -> Vec<Issue> {
    let mut out = Vec::new();
    let at = |t: &glossary::Term| format!("{}:{}", glossary::FILE, t.line);
    for t in glossary.terms_in(source) {
        let shown = t.shown(locale);
        match t.kind {
            glossary::Kind::Preferred
                if !shown.is_empty() && !t.translated_in(locale, translation) =>
            {
                out.push(issue(
                    "term",
                    Severity::Warning,
                    format!(
                        "“{}” is in the English, but not its glossary translation {} ({})",
                        t.source,
                        quoted(&shown),
                        at(t)
                    ),
                    "check-term",
                    vec![
                        ("term", t.source.clone()),
                        ("translations", alternatives(&shown)),
                        ("at", at(t)),
                    ],
                ))
            }
            glossary::Kind::DoNotTranslate if !t.kept_in(locale, translation) => out.push(issue(
                "do-not-translate",
                Severity::Warning,
                format!(
                    "“{}” should stand as the English writes it ({})",
                    t.source,
                    at(t)
                ),
                "check-do-not-translate",
                vec![("term", t.source.clone()), ("at", at(t))],
            )),
            glossary::Kind::Forbidden if t.translated_in(locale, translation) => out.push(issue(
                "forbidden-term",
                Severity::Warning,
                format!(
                    "the glossary forbids {} for “{}” ({})",
                    quoted(&shown),
                    t.source,
                    at(t)
                ),
                "check-forbidden-term",
                vec![
                    ("term", t.source.clone()),
                    ("translations", alternatives(&shown)),
                    ("at", at(t)),
                ],
            )),
            _ => {}
        }
    }
    out
}

/// Terms for a message in any language: `“a” / “b”`.
fn alternatives(terms: &[String]) -> String {
    terms
        .iter()
        .map(|t| format!("“{t}”"))
        .collect::<Vec<_>>()
        .join(" / ")
}

fn quoted(terms: &[String]) -> String {
    terms
        .iter()
        .map(|t| format!("“{t}”"))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// An entry as `inconsistent` compares it: where it is and what it says.
struct Said<'a> {
    file: &'a str,
    entry: &'a po::Entry,
}

/// `inconsistent`: across one locale's files, the same English translated
/// differently, and the same translation standing for different English
/// (the reviewer's consistency checks of Xbench and Verifika). Each entry
/// involved is named with another entry it disagrees with.
pub(super) fn inconsistencies(locale: &str, catalogs: &[(String, po::Catalog)]) -> Vec<Finding> {
    let said: Vec<Said> = catalogs
        .iter()
        .flat_map(|(file, c)| c.entries.iter().map(move |entry| Said { file, entry }))
        .filter(|s| !s.entry.obsolete && !s.entry.fuzzy && !s.entry.msgstr.is_empty())
        .filter(|s| s.entry.msgstr != s.entry.msgid)
        .collect();
    let mut by_source: BTreeMap<&str, Vec<&Said>> = BTreeMap::new();
    let mut by_translation: BTreeMap<&str, Vec<&Said>> = BTreeMap::new();
    for s in &said {
        by_source.entry(&s.entry.msgid).or_default().push(s);
        by_translation.entry(&s.entry.msgstr).or_default().push(s);
    }
    let mut findings = Vec::new();
    let mut disagree = |group: &[&Said],
                        differ: fn(&po::Entry, &po::Entry) -> bool,
                        what: &str,
                        id: &'static str| {
        for s in group {
            let Some(other) = group.iter().find(|o| differ(s.entry, o.entry)) else {
                continue;
            };
            findings.push(Finding {
                locale: locale.to_string(),
                file: s.file.to_string(),
                line: s.entry.msgstr_line,
                segment: s.entry.msgctxt.clone().unwrap_or_default(),
                rule: "inconsistent",
                severity: Severity::Warning,
                message: format!("{what} at {}:{}", other.file, other.entry.msgstr_line),
                wording: Wording {
                    id,
                    args: vec![("at", format!("{}:{}", other.file, other.entry.msgstr_line))],
                },
            });
        }
    };
    for group in by_source.values().filter(|g| g.len() > 1) {
        disagree(
            group,
            |a, b| a.msgstr != b.msgstr,
            "the same English is translated differently",
            "check-inconsistent-translation",
        );
    }
    for group in by_translation.values().filter(|g| g.len() > 1) {
        disagree(
            group,
            |a, b| a.msgid != b.msgid,
            "the same translation stands for other English",
            "check-inconsistent-source",
        );
    }
    findings.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    findings
}
