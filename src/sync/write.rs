//! Step 5 of a sync: the PO file of one chapter in one locale, made from
//! the memory: source order, the translator's comments and tool header
//! fields kept, fuzzy entries with the English they were made for.

use std::collections::HashMap;

use unic_langid::LanguageIdentifier;

use crate::formats::po;
use crate::locale;
use crate::project::{Chapter, Project};
use crate::source::ChapterDoc;
use crate::tm::{Status, StoredSegment, Suggestion, Translation};

/// What a PO file is written from, besides the source.
pub(super) struct CatalogSources<'a> {
    /// The chapter's segments that left the source, in file order.
    pub retired: &'a [&'a StoredSegment],
    pub translations: &'a HashMap<String, Translation>,
    /// Where leveraged translations came from, for `#| msgid` and a comment.
    pub suggestions: &'a HashMap<String, Suggestion>,
    /// Translator comments read from the existing files, by segment id.
    pub comments: &'a HashMap<String, Vec<String>>,
    /// Time of each segment's latest revision in this locale.
    pub revised: &'a HashMap<String, String>,
    /// The header of the file being replaced, whose translator fields are kept.
    pub previous_header: Option<&'a str>,
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

/// The PO file of one chapter in one locale, from the memory.
pub(super) fn catalog_for(
    project: &Project,
    lang: &LanguageIdentifier,
    chapter: &Chapter,
    doc: &ChapterDoc,
    src: &CatalogSources,
) -> po::Catalog {
    let (translations, comments) = (src.translations, src.comments);
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
            extracted_comments: suggestion.map(suggestion_comment).into_iter().collect(),
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
    let last_translator = kept(KEPT_HEADER_FIELDS[1]).unwrap_or_else(|| "none yet".into());
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
