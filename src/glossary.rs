//! The book's glossary (`source/glossary.tsv`): terms, their approved
//! translations per locale, and what kind of entry each is. Sync shows the
//! terms of a segment in its PO entry (`#. glossary: …`) and the XLIFF
//! export as notes; `check` tests translations against them.
//!
//! Matching is locale-aware. Text is folded first ([`fold`]): Turkish and
//! Azerbaijani case with `İ/i` and `I/ı`, Persian without ZWNJ, tatweel or
//! vowel marks and with Arabic `ي`/`ك` read as Persian `ی`/`ک`. A term then
//! matches at the start of a word; in Turkish, Azerbaijani and Persian any
//! suffix may follow (`İktidar` matches `İktidar'ın`, `iktidarda`), and a
//! `|` in a translation marks where the stem ends when the dictionary form
//! changes under suffixes (`kita|p` matches `kitabı`). English terms match
//! whole words, plurals and possessives included.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::formats::tbx;

/// The glossary's file, relative to the book's root.
pub const FILE: &str = "source/glossary.tsv";

/// What a glossary entry asks of translations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Translate the term with one of the given translations.
    Preferred,
    /// The given translations must not be used.
    Forbidden,
    /// Keep the term as the source writes it (a name, a brand).
    DoNotTranslate,
}

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        match s.trim() {
            "" | "preferred" => Some(Kind::Preferred),
            "forbidden" => Some(Kind::Forbidden),
            "do-not-translate" => Some(Kind::DoNotTranslate),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Preferred => "preferred",
            Kind::Forbidden => "forbidden",
            Kind::DoNotTranslate => "do-not-translate",
        }
    }
}

/// One entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The term in the source language.
    pub source: String,
    /// Translations by locale code, as written (with any `|` stem marker);
    /// a cell lists alternatives separated by `;`.
    pub targets: BTreeMap<String, Vec<String>>,
    pub kind: Kind,
    pub note: Option<String>,
    /// Line in the glossary file.
    pub line: usize,
    /// `source` folded, as matching compares it.
    folded_source: String,
}

/// The glossary of a book; empty when it has none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Glossary {
    pub terms: Vec<Term>,
    /// Where it was read from.
    pub path: PathBuf,
    /// The source language's code.
    pub source_lang: String,
    /// The file's columns, as its header names them (empty without a file).
    pub columns: Vec<String>,
}

impl Glossary {
    /// Reads `path` when it exists. Its header names the columns: language
    /// codes (the source language first), then optionally `kind` and
    /// `note`. A bad line is an error naming the file and the line.
    pub fn load(path: &Path, source_lang: &str, locales: &[String]) -> Result<Glossary> {
        let text = match std::fs::read(path) {
            Ok(bytes) => String::from_utf8(bytes)
                .map_err(|_| Error::parse(path, 1, crate::said!("glossary-not-utf8")))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Glossary {
                    path: path.to_path_buf(),
                    source_lang: source_lang.to_string(),
                    ..Glossary::default()
                })
            }
            Err(e) => return Err(Error::io(path, e)),
        };
        parse(&text, path, source_lang, locales)
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The terms whose source-language form is in `source`, in file order.
    pub fn terms_in<'a>(&'a self, source: &str) -> Vec<&'a Term> {
        if self.terms.is_empty() {
            return Vec::new();
        }
        let folded = fold(&self.source_lang, source);
        self.terms
            .iter()
            .filter(|t| contains_term(&folded, &t.folded_source, Suffixes::of(&self.source_lang)))
            .collect()
    }

    /// What a translator into `locale` should know about the terms of
    /// `source`, one line per term (PO `#.` comments, XLIFF notes).
    pub fn hints(&self, source: &str, locale: &str) -> Vec<String> {
        self.terms_in(source)
            .into_iter()
            .filter_map(|t| t.hint(locale))
            .collect()
    }
}

impl Glossary {
    /// The preferred terms for `locale` as OmegaT reads a glossary
    /// (`glossary/glossary.txt`: source, target and comment separated by
    /// tabs, one line per translation).
    pub fn to_omegat(&self, locale: &str) -> String {
        let mut out = String::new();
        for t in self.terms.iter().filter(|t| t.kind == Kind::Preferred) {
            for target in t.shown(locale) {
                let note = t.note.as_deref().unwrap_or("");
                out.push_str(&format!("{}\t{target}\t{note}\n", t.source));
            }
        }
        out
    }
}

/// The note that marks a do-not-translate entry in TBX, which has no kind
/// for it: the English stands as every locale's term.
const DO_NOT_TRANSLATE_NOTE: &str = "do-not-translate";

impl Glossary {
    /// The glossary as TBX-Basic entries for `locales`: a preferred entry's
    /// translations preferred, a forbidden entry's deprecated, and a
    /// do-not-translate entry with its English as every locale's term.
    pub fn to_tbx(&self, locales: &[String]) -> Vec<tbx::Entry> {
        self.terms
            .iter()
            .map(|t| {
                let term = |lang: &str, text: &str, status| tbx::EntryTerm {
                    lang: lang.to_string(),
                    text: text.to_string(),
                    status,
                };
                let mut terms = vec![term(
                    &self.source_lang,
                    &t.source,
                    tbx::TermStatus::Preferred,
                )];
                for locale in locales {
                    let targets = match t.kind {
                        Kind::DoNotTranslate => vec![t.source.clone()],
                        _ => t.shown(locale),
                    };
                    let status = match t.kind {
                        Kind::Forbidden => tbx::TermStatus::Deprecated,
                        _ => tbx::TermStatus::Preferred,
                    };
                    terms.extend(targets.iter().map(|x| term(locale, x, status)));
                }
                let note = match (t.kind, &t.note) {
                    (Kind::DoNotTranslate, Some(n)) => {
                        Some(format!("{DO_NOT_TRANSLATE_NOTE}: {n}"))
                    }
                    (Kind::DoNotTranslate, None) => Some(DO_NOT_TRANSLATE_NOTE.to_string()),
                    (_, note) => note.clone(),
                };
                tbx::Entry {
                    id: Some(format!("t{}", t.line)),
                    terms,
                    note,
                    line: t.line,
                }
            })
            .collect()
    }

    /// TBX entries as glossary entries for this book: each entry's term in
    /// the source language, its preferred translations in the book's
    /// locales as one entry and its deprecated ones as a forbidden entry.
    /// Entries with no source-language term, or nothing for any locale,
    /// are counted as skipped.
    pub fn terms_from_tbx(&self, entries: &[tbx::Entry], locales: &[String]) -> (Vec<Term>, usize) {
        let mut terms = Vec::new();
        let mut skipped = 0;
        for entry in entries {
            let of = |lang: &str, status| -> Vec<String> {
                entry
                    .terms
                    .iter()
                    .filter(|t| same_language(&t.lang, lang) && t.status == status)
                    .map(|t| t.text.clone())
                    .collect()
            };
            let Some(source) = entry
                .terms
                .iter()
                .find(|t| same_language(&t.lang, &self.source_lang))
                .map(|t| t.text.clone())
            else {
                skipped += 1;
                continue;
            };
            let (dnt, note) = match entry.note.as_deref() {
                Some(n) if n.starts_with(DO_NOT_TRANSLATE_NOTE) => {
                    let rest = n[DO_NOT_TRANSLATE_NOTE.len()..]
                        .trim_start_matches(':')
                        .trim();
                    (true, (!rest.is_empty()).then(|| rest.to_string()))
                }
                other => (false, other.map(str::to_string)),
            };
            let new_term = |kind, targets: BTreeMap<String, Vec<String>>| Term {
                source: source.clone(),
                targets,
                kind,
                note: note.clone(),
                line: entry.line,
                folded_source: fold(&self.source_lang, &source),
            };
            if dnt {
                terms.push(new_term(Kind::DoNotTranslate, BTreeMap::new()));
                continue;
            }
            let mut found = false;
            for (kind, status) in [
                (Kind::Preferred, tbx::TermStatus::Preferred),
                (Kind::Forbidden, tbx::TermStatus::Deprecated),
            ] {
                let targets: BTreeMap<String, Vec<String>> = locales
                    .iter()
                    .map(|l| (l.clone(), of(l, status)))
                    .filter(|(_, v)| !v.is_empty())
                    .collect();
                if !targets.is_empty() {
                    found = true;
                    terms.push(new_term(kind, targets));
                }
            }
            if !found {
                skipped += 1;
            }
        }
        (terms, skipped)
    }

    /// Whether the glossary has an entry for `term`'s source of its kind.
    pub fn has_entry_like(&self, term: &Term) -> bool {
        self.terms
            .iter()
            .any(|t| t.folded_source == term.folded_source && t.kind == term.kind)
    }

    /// `terms` as lines of this glossary's file, in its columns (a new
    /// file's header first when it has none): what an import appends.
    /// Entries of another kind than preferred need a `kind` column.
    pub fn rows_for(&self, terms: &[Term], locales: &[String]) -> Result<String> {
        let mut columns = self.columns.clone();
        let mut out = String::new();
        let kinded = terms.iter().filter(|t| t.kind != Kind::Preferred).count();
        if !columns.is_empty() && kinded > 0 && !columns.iter().any(|c| c == "kind") {
            return Err(Error::parse(
                &self.path,
                1,
                crate::said!("glossary-no-kind-column", "count" => kinded),
            ));
        }
        if columns.is_empty() {
            columns.push(self.source_lang.clone());
            columns.extend(locales.iter().cloned());
            columns.extend(["kind".to_string(), "note".to_string()]);
            out.push_str(&columns.join("\t"));
            out.push('\n');
        }
        let clean = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        for t in terms {
            let cells: Vec<String> = columns
                .iter()
                .map(|c| match c.as_str() {
                    "kind" => t.kind.as_str().to_string(),
                    "note" => t.note.as_deref().map(clean).unwrap_or_default(),
                    c if c == self.source_lang => clean(&t.source),
                    c => t
                        .targets
                        .get(c)
                        .map(|v| {
                            v.iter()
                                .map(|x| clean(&x.replace(';', ",")))
                                .collect::<Vec<_>>()
                                .join("; ")
                        })
                        .unwrap_or_default(),
                })
                .collect();
            out.push_str(cells.join("\t").trim_end_matches('\t'));
            out.push('\n');
        }
        Ok(out)
    }
}

/// Whether a language tag (`tr-TR`, `FA_ir`) names `locale` (`tr`, `fa`).
fn same_language(tag: &str, locale: &str) -> bool {
    let tag = tag.to_ascii_lowercase().replace('_', "-");
    let locale = locale.to_ascii_lowercase();
    tag == locale || (!locale.contains('-') && tag.split('-').next() == Some(locale.as_str()))
}

impl Term {
    /// The translations for `locale`, without stem markers.
    pub fn shown(&self, locale: &str) -> Vec<String> {
        self.targets
            .get(locale)
            .map(|v| v.iter().map(|t| t.replace('|', "")).collect())
            .unwrap_or_default()
    }

    /// `glossary: Mighty Power = İktidar (the 2023 drill)`, or `None` when
    /// the entry says nothing for `locale`.
    pub fn hint(&self, locale: &str) -> Option<String> {
        let shown = self.shown(locale);
        let text = match self.kind {
            Kind::Preferred if shown.is_empty() => return None,
            Kind::Preferred => format!("glossary: {} = {}", self.source, shown.join(" / ")),
            Kind::Forbidden if shown.is_empty() => return None,
            Kind::Forbidden => format!(
                "glossary: {}: do not use {}",
                self.source,
                shown
                    .iter()
                    .map(|s| format!("“{s}”"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Kind::DoNotTranslate => format!("glossary: keep “{}” as it is", self.source),
        };
        Some(match &self.note {
            Some(note) => format!("{text} ({note})"),
            None => text,
        })
    }

    /// Whether one of this entry's `locale` translations is in `translation`.
    pub fn translated_in(&self, locale: &str, translation: &str) -> bool {
        let folded = fold(locale, translation);
        self.targets.get(locale).is_some_and(|alternatives| {
            alternatives.iter().any(|t| {
                let stem = t.split('|').next().unwrap_or(t);
                contains_term(&folded, &fold(locale, stem), Suffixes::of(locale))
            })
        })
    }

    /// Whether the source form stands in `translation` as it is.
    pub fn kept_in(&self, locale: &str, translation: &str) -> bool {
        contains_term(
            &fold(locale, translation),
            &fold(locale, &self.source),
            Suffixes::of(locale),
        )
    }
}

/// What may follow a term inside a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Suffixes {
    /// Any letters: agglutinative languages, and Persian's attached endings.
    Any,
    /// `s`, `es`, `'s`: English plurals and possessives.
    English,
    /// Nothing: the term ends the word.
    None,
}

impl Suffixes {
    fn of(locale: &str) -> Suffixes {
        match primary(locale) {
            "tr" | "az" | "fa" => Suffixes::Any,
            "en" => Suffixes::English,
            _ => Suffixes::None,
        }
    }
}

fn primary(locale: &str) -> &str {
    locale.split(['-', '_']).next().unwrap_or(locale)
}

/// Whether `term` (folded) occurs in `text` (folded) at the start of a
/// word, followed by what `suffixes` allows.
fn contains_term(text: &str, term: &str, suffixes: Suffixes) -> bool {
    let term = term.trim();
    if term.is_empty() {
        return false;
    }
    text.match_indices(term).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        if before.is_some_and(is_word_char) {
            return false;
        }
        let rest = &text[at + term.len()..];
        let word_ends = |s: &str| !s.chars().next().is_some_and(is_word_char);
        match suffixes {
            Suffixes::Any => true,
            Suffixes::None => word_ends(rest),
            Suffixes::English => ["", "s", "es", "'s", "’s"]
                .iter()
                .any(|suffix| rest.strip_prefix(suffix).is_some_and(word_ends)),
        }
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\u{200C}'
}

/// Text as matching compares it in `locale`: lowercased by the locale's
/// rules, and for Persian without the differences that do not change a word.
pub fn fold(locale: &str, text: &str) -> String {
    let lang = primary(locale);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match (lang, c) {
            // A line break inside a paragraph is a space; runs are one.
            (_, c) if c.is_whitespace() => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            ("tr" | "az", 'İ') => out.push('i'),
            ("tr" | "az", 'I') => out.push('ı'),
            // Persian: ZWNJ and ZWJ, tatweel, vowel marks and the dagger alef
            // do not change a word; Arabic letter forms read as Persian.
            ("fa", '\u{200C}' | '\u{200D}' | '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}') => {
            }
            ("fa", 'ي' | 'ى') => out.push('ی'),
            ("fa", 'ك') => out.push('ک'),
            ("fa", 'ۀ' | 'ة') => out.push('ه'),
            ("fa", 'أ' | 'إ') => out.push('ا'),
            (_, '’') => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Parses a glossary file's text.
pub fn parse(text: &str, path: &Path, source_lang: &str, locales: &[String]) -> Result<Glossary> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    let Some((header_line, header)) = lines.next() else {
        return Ok(Glossary {
            path: path.to_path_buf(),
            source_lang: source_lang.to_string(),
            ..Glossary::default()
        });
    };
    let columns = columns(header, path, header_line, source_lang, locales)?;
    let mut terms = Vec::new();
    for (line, row) in lines {
        let mut term = term(row, &columns, path, line)?;
        term.folded_source = fold(source_lang, &term.source);
        terms.push(term);
    }
    Ok(Glossary {
        terms,
        path: path.to_path_buf(),
        source_lang: source_lang.to_string(),
        columns: header.split('\t').map(|c| c.trim().to_string()).collect(),
    })
}

/// What a column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Column {
    Source,
    Locale(String),
    Kind,
    Note,
}

fn columns(
    header: &str,
    path: &Path,
    line: usize,
    source_lang: &str,
    locales: &[String],
) -> Result<Vec<Column>> {
    let mut columns = Vec::new();
    for name in header.split('\t').map(str::trim) {
        let column = match name {
            "kind" => Column::Kind,
            "note" => Column::Note,
            _ if name == source_lang => Column::Source,
            _ if locales.iter().any(|l| l == name) => Column::Locale(name.to_string()),
            _ => {
                return Err(Error::parse(
                    path,
                    line,
                    crate::said!(
                        "glossary-unknown-column",
                        "name" => name,
                        "source" => source_lang,
                        "locales" => locales.join(", ")
                    ),
                ))
            }
        };
        if columns.contains(&column) {
            return Err(Error::parse(
                path,
                line,
                crate::said!("glossary-column-twice", "name" => name),
            ));
        }
        columns.push(column);
    }
    if !columns.contains(&Column::Source) {
        return Err(Error::parse(
            path,
            line,
            crate::said!(
                "glossary-no-source-column",
                "source" => source_lang,
                "example" => format!("{source_lang}\\t{}\\tkind\\tnote", locales.join("\\t"))
            ),
        ));
    }
    Ok(columns)
}

fn term(row: &str, columns: &[Column], path: &Path, line: usize) -> Result<Term> {
    let cells: Vec<&str> = row.split('\t').map(str::trim).collect();
    if cells.len() > columns.len() {
        return Err(Error::parse(
            path,
            line,
            crate::said!(
                "glossary-too-many-cells",
                "cells" => cells.len(),
                "columns" => columns.len()
            ),
        ));
    }
    let mut term = Term {
        source: String::new(),
        targets: BTreeMap::new(),
        kind: Kind::Preferred,
        note: None,
        line,
        folded_source: String::new(),
    };
    for (column, cell) in columns.iter().zip(cells) {
        match column {
            Column::Source => term.source = cell.to_string(),
            Column::Locale(code) => {
                let alternatives: Vec<String> = cell
                    .split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect();
                if !alternatives.is_empty() {
                    term.targets.insert(code.clone(), alternatives);
                }
            }
            Column::Kind => {
                term.kind = Kind::parse(cell).ok_or_else(|| {
                    Error::parse(
                        path,
                        line,
                        crate::said!("glossary-unknown-kind", "kind" => cell),
                    )
                })?
            }
            Column::Note => term.note = (!cell.is_empty()).then(|| cell.to_string()),
        }
    }
    if term.source.is_empty() {
        return Err(Error::parse(
            path,
            line,
            crate::said!("glossary-term-without-source"),
        ));
    }
    Ok(term)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glossary(text: &str) -> Glossary {
        let locales = ["az", "fa", "tr"].map(String::from);
        parse(text, Path::new("glossary.tsv"), "en", &locales).unwrap()
    }

    #[test]
    fn turkish_and_azerbaijani_terms_match_with_suffixes_and_dotted_i() {
        let g = glossary("en\ttr\taz\nMighty Power\tİktidar\tİqtidar\nbook\tkita|p\n");
        let t = &g.terms[0];
        for tr in [
            "İktidar'ın gücü",
            "İKTİDAR",
            "iktidarda",
            "İktidarı gördük",
            "“İktidar” tatbikatı",
        ] {
            assert!(t.translated_in("tr", tr), "{tr}");
        }
        for tr in ["Iktidar", "muktidar", "güç"] {
            assert!(
                !t.translated_in("tr", tr),
                "{tr}: dotless I and a word's middle do not match"
            );
        }
        assert!(t.translated_in("az", "“İqtidar” təlimləri"));
        assert!(g.terms[1].translated_in("tr", "kitabı okudum"));
        assert_eq!(g.terms[1].shown("tr"), ["kitap"]);
    }

    #[test]
    fn persian_ignores_zwnj_and_arabic_letter_forms() {
        let g =
            glossary("en\tfa\nSecond Karabakh War\tجنگ دوم قره‌باغ\nKarabakh\tقره باغ; قره‌باغ\n");
        assert!(g.terms[0].translated_in("fa", "در جنگ دوم قرهباغ"));
        assert!(g.terms[0].translated_in("fa", "در جنگ دوم قره‌باغ هرگز"));
        let arabic = "جنگ دوم قره\u{200C}باغ".replace('ی', "ي");
        assert!(g.terms[0].translated_in("fa", &arabic));
        assert_eq!(fold("fa", "كتاب‌ها"), "کتابها");
    }

    #[test]
    fn english_terms_match_whole_words_plurals_and_possessives() {
        let g = glossary("en\ttr\nPower\tGüç\n");
        assert_eq!(g.terms_in("The **Power's** reach and two powers.").len(), 1);
        assert!(g.terms_in("A powerful drill.").is_empty());
        assert_eq!(g.hints("Power", "tr"), ["glossary: Power = Güç"]);
        assert!(
            g.hints("Power", "fa").is_empty(),
            "nothing for a locale without a translation"
        );
    }

    #[test]
    fn a_bad_glossary_names_its_line() {
        let locales = ["tr".to_string()];
        let err = |text: &str| {
            parse(text, Path::new("g.tsv"), "en", &locales)
                .unwrap_err()
                .to_string()
        };
        assert!(err("en\tde\n").contains("g.tsv:1"), "{}", err("en\tde\n"));
        assert!(err("en\ttr\tkind\n# c\nx\ty\tnever\n").contains("g.tsv:3"));
        assert!(err("en\ttr\nx\ty\tz\n").contains("g.tsv:2"));
        assert!(err("tr\n").contains("no `en` column"));
        let g = parse(
            "en\ttr\tkind\tnote\ntercuman\t\tdo-not-translate\tthe tool\n",
            Path::new("g"),
            "en",
            &locales,
        )
        .unwrap();
        assert_eq!(
            g.terms[0].hint("tr").unwrap(),
            "glossary: keep “tercuman” as it is (the tool)"
        );
    }
}
