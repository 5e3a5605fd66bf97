//! Step 5 of a sync: the PO file of one chapter in one locale, made from
//! the memory: source order, the translator's comments and tool header
//! fields kept, fuzzy entries with the English they were made for.

use std::collections::HashMap;
use std::path::PathBuf;

use unic_langid::LanguageIdentifier;

use crate::formats::po;
use crate::locale;
use crate::project::{Chapter, Project};
use crate::source::ChapterDoc;
use crate::tm::{Status, StoredSegment, Suggestion, Translation};

use super::import::entry_status;
use super::{FileInputs, LocaleEdits};

/// What a PO file is written from, besides the source.
pub(super) struct CatalogSources<'a> {
    /// The chapter's segments that left the source, in file order.
    pub retired: &'a [&'a StoredSegment],
    pub translations: &'a HashMap<String, Translation>,
    /// Where leveraged translations came from, for `#| msgid` and a comment.
    pub suggestions: &'a HashMap<String, Suggestion>,
    /// Translator comments read from the existing files, by segment id.
    pub comments: &'a HashMap<String, Vec<String>>,
    /// Reviewers' verdicts, by segment id.
    pub reviews: &'a HashMap<String, crate::tm::Review>,
    /// Time of each segment's latest revision in this locale.
    pub revised: &'a HashMap<String, String>,
    /// The header of the file being replaced, whose translator fields are kept.
    pub previous_header: Option<&'a str>,
}

/// `#.` comment of an entry a reviewer gave a verdict on, while the entry
/// still holds the text (and state) the verdict was given on.
fn review_comment(review: &crate::tm::Review, t: &Translation) -> Option<String> {
    if !review.stands_for(t) {
        return None;
    }
    Some(review.describe())
}

/// `#.` comment of a fuzzy entry: where its suggestion came from.
fn suggestion_comment(s: &Suggestion) -> String {
    match s.score {
        Some(score) => {
            let band = match score {
                101.. => "context",
                100 => "100",
                95..=99 => "95-99",
                85..=94 => "85-94",
                75..=84 => "75-84",
                50..=74 => "50-74",
                _ => "below 50",
            };
            format!("tercuman: {score}% match (band {band}) from {}", s.from)
        }
        None => format!("tercuman: suggested from {}", s.from),
    }
}

/// `Last-Translator` of a file no translator's tool has saved yet.
pub(super) const NO_TRANSLATOR: &str = "none yet";

/// Header fields that belong to the translator's tools and survive a rewrite.
pub(super) const KEPT_HEADER_FIELDS: &[&str] =
    &["PO-Revision-Date", "Last-Translator", "Language-Team"];

/// A translator-tool header field worth keeping: set, and not a template's placeholder.
pub(super) fn kept_header_field<'h>(header: &'h str, field: &str) -> Option<&'h str> {
    header
        .lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(k, v)| {
            k.trim() == field
                && !v.trim().is_empty()
                && !v.contains("YEAR-MO-DA")
                && !v.contains("FULL NAME")
        })
        .map(|(_, v)| v.trim())
}

/// `file:line`, as PO references write it.
fn reference(file: &str, line: usize) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(file.len() + 8);
    out.push_str(file);
    let _ = write!(out, ":{line}");
    out
}

/// Where each current entry's `msgstr` stands in `text`, the file written
/// from `catalog`: `segment id<TAB>line` per entry, for the proof pages.
/// The header's `msgstr` comes first; obsolete entries (`#~`) are skipped.
pub(super) fn msgstr_lines(catalog: &po::Catalog, text: &str) -> String {
    let msgstr_lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with("msgstr "))
        .map(|(i, _)| i + 1)
        .skip(1);
    let ids = catalog
        .entries
        .iter()
        .filter(|e| !e.obsolete)
        .map(|e| e.msgctxt.as_deref().unwrap_or_default());
    let mut out = String::new();
    for (id, line) in ids.zip(msgstr_lines) {
        out.push_str(id);
        out.push('\t');
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

/// The PO file of one chapter in one locale, from the memory.
pub(super) fn catalog_for(
    project: &Project,
    lang: &LanguageIdentifier,
    chapter: &Chapter,
    doc: &ChapterDoc,
    src: &CatalogSources,
) -> po::Catalog {
    let (translations, comments) = (src.translations, src.comments);
    let (glossary, code) = (&project.glossary, lang.to_string());
    let entry = |id: &str, source: &str, obsolete: bool, reference: Option<String>| {
        let t = translations
            .get(id)
            .cloned()
            .unwrap_or_else(Translation::untranslated);
        let fuzzy = t.status == Status::Fuzzy && !t.text.is_empty();
        // A fuzzy suggestion shows the English it was made for and its score.
        let suggestion = src.suggestions.get(id).filter(|_| fuzzy);
        po::Entry {
            translator_comments: comments.get(id).cloned().unwrap_or_default(),
            extracted_comments: src
                .reviews
                .get(id)
                .and_then(|r| review_comment(r, &t))
                .into_iter()
                .chain(glossary.hints(source, &code))
                .chain(suggestion.map(suggestion_comment))
                .collect(),
            previous_msgid: suggestion
                .map(|s| s.previous_source.clone())
                .filter(|prev| prev != source),
            references: reference.into_iter().collect(),
            fuzzy,
            msgctxt: Some(id.to_string()),
            msgid: source.to_string(),
            msgstr: t.text,
            obsolete,
            ..Default::default()
        }
    };
    let mut entries: Vec<po::Entry> = doc
        .segments()
        .map(|s| {
            entry(
                &s.id,
                &s.text,
                false,
                Some(reference(&chapter.rel_path, s.line)),
            )
        })
        .collect();
    // Segments that left this chapter's source keep their translations visible.
    entries.extend(
        src.retired
            .iter()
            .filter(|s| translations.get(&s.id).is_some_and(|t| !t.text.is_empty()))
            .map(|s| entry(&s.id, &s.source, true, None)),
    );

    let name = locale::english_name(lang);
    let kept = |field: &str| {
        src.previous_header
            .and_then(|h| kept_header_field(h, field))
            .map(str::to_string)
    };
    // Deterministic when nobody set it: the newest revision of an entry in this file.
    let revision_date = kept(KEPT_HEADER_FIELDS[0]).unwrap_or_else(|| {
        entries
            .iter()
            .filter_map(|e| e.msgctxt.as_ref().and_then(|id| src.revised.get(id)))
            .max()
            .map(|t| format!("{} {}+0000", &t[..10], &t[11..16]))
            .unwrap_or_else(|| "1970-01-01 00:00+0000".into())
    });
    let last_translator = kept(KEPT_HEADER_FIELDS[1]).unwrap_or_else(|| NO_TRANSLATOR.into());
    let team = kept(KEPT_HEADER_FIELDS[2]).unwrap_or_else(|| name.clone());
    po::Catalog {
        header_comments: vec![
            format!("{name} translation of “{}”, chapter `{}`.", project.book.title, chapter.rel_path),
            "Written by `tercuman sync`: translate the msgstr lines; msgctxt is the segment's identity.".into(),
        ],
        header: format!(
            "Project-Id-Version: {}\nPO-Revision-Date: {revision_date}\nLast-Translator: {last_translator}\nLanguage-Team: {team}\nLanguage: {lang}\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\nPlural-Forms: {}\nX-Generator: tercuman\n",
            project.book.identifier,
            locale::plural_forms(lang)
        ),
        entries,
        byte_order_mark: false,
    }
}

/// Step 5 for one locale: each chapter's PO text, made on every core in
/// book order, with the entries whose exported state changes.
pub(super) fn write_locale(
    inputs: &FileInputs,
    lang: &unic_langid::LanguageIdentifier,
    locale: &LocaleEdits,
    retired: &HashMap<&str, Vec<&StoredSegment>>,
    range: std::ops::Range<usize>,
) -> Vec<ChapterFile> {
    let project = inputs.project;
    let chapters: Vec<_> = project.chapters[range.clone()]
        .iter()
        .zip(&inputs.docs[range])
        .collect();
    crate::parallel::map(&chapters, |(chapter, doc)| {
        let sources = CatalogSources {
            retired: retired
                .get(chapter.slug.as_str())
                .map_or(&[], Vec::as_slice),
            translations: &locale.translations,
            suggestions: &locale.suggestions,
            comments: &locale.comments,
            reviews: &locale.reviews,
            revised: &locale.revised,
            previous_header: locale.headers.get(&chapter.slug).map(String::as_str),
        };
        let catalog = catalog_for(project, lang, chapter, doc, &sources);
        let mut exported = Vec::new();
        for e in &catalog.entries {
            let id = e.msgctxt.as_deref().unwrap_or_default();
            let status = entry_status(e);
            let last = locale.exported.get(id).unwrap_or(&crate::tm::UNTRANSLATED);
            // Compared before anything is copied: most entries are unchanged.
            if last.status != status || last.text != e.msgstr {
                let state = Translation {
                    text: e.msgstr.clone(),
                    status,
                };
                exported.push((locale.code.to_string(), id.to_string(), state));
            }
        }
        let text = po::write(&catalog);
        ChapterFile {
            exported,
            path: project.po_path(lang, chapter),
            lines: msgstr_lines(&catalog, &text),
            text,
        }
    })
}

/// A chapter's PO file as a sync makes it.
pub(super) struct ChapterFile {
    /// (locale, segment id, state) of each entry whose state the file changes.
    pub(super) exported: Vec<(String, String, Translation)>,
    pub(super) path: PathBuf,
    pub(super) text: String,
    /// Where its entries stand in `text` ([`msgstr_lines`]).
    pub(super) lines: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines the proof pages show are the lines a PO reader finds:
    /// past multi-line headers and texts, comments and obsolete entries.
    #[test]
    fn msgstr_lines_are_where_a_reader_finds_each_msgstr() {
        let entry = |id: &str, msgstr: &str, obsolete: bool| po::Entry {
            msgctxt: Some(id.to_string()),
            msgid: format!("English of {id}.\nSecond line."),
            msgstr: msgstr.to_string(),
            obsolete,
            translator_comments: vec!["msgstr in a comment".into()],
            references: vec!["source/a.md:1".into()],
            ..po::Entry::default()
        };
        let catalog = po::Catalog {
            header_comments: vec!["A header comment".into()],
            header: "Language: fa\nContent-Type: text/plain; charset=UTF-8\n".into(),
            entries: vec![
                entry("a/1", "یک\nدو", false),
                entry("a/old", "کهنه", true),
                entry("a/2", "", false),
                entry("a/3", "سه", false),
            ],
            ..po::Catalog::default()
        };
        let text = po::write(&catalog);
        let read = po::parse(&text, std::path::Path::new("a.po")).unwrap();
        let expected: String = read
            .entries
            .iter()
            .filter(|e| !e.obsolete)
            .map(|e| format!("{}\t{}\n", e.msgctxt.as_deref().unwrap(), e.msgstr_line))
            .collect();
        assert_eq!(msgstr_lines(&catalog, &text), expected);
        assert_eq!(expected.lines().count(), 3);
    }
}
