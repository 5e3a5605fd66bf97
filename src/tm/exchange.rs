//! The memory in and out as TMX: export for other CAT tools, import to seed
//! or enrich a book. An import never replaces a translation silently: it
//! fills segments that have none, and a different translation it brings for
//! a translated segment goes into that segment's history only.

use std::collections::HashMap;

use unic_langid::LanguageIdentifier;

use super::{Changes, Memory, Origin, Status, StoredSegment, Translation, TranslationChange};
use crate::error::Result;
use crate::formats::tmx;
use crate::project::Project;

/// Exports every translated segment of the given locales (all when empty),
/// current segments first in book order, then those that left the source.
pub fn export_tmx(
    memory: &Memory,
    project: &Project,
    locales: &[LanguageIdentifier],
) -> Result<String> {
    let locales = if locales.is_empty() {
        &project.book.locales[..]
    } else {
        locales
    };
    let segments = memory.segments()?;
    let mut per_locale = Vec::new();
    for lang in locales {
        let code = lang.to_string();
        per_locale.push((
            code.clone(),
            memory.translations(&code)?,
            memory.revision_spans(&code)?,
        ));
    }
    let ordered = super::reading_order(&segments);
    let source_lang = project.book.source_language.to_string();
    let mut units = Vec::new();
    for seg in ordered {
        let mut variants = vec![tmx::Variant {
            lang: source_lang.clone(),
            text: seg.source.clone(),
            created: None,
            changed: None,
        }];
        for (code, translations, spans) in &per_locale {
            if let Some(t) = translations
                .get(&seg.id)
                .filter(|t| t.status == Status::Translated && !t.text.is_empty())
            {
                let span = spans.get(&seg.id);
                variants.push(tmx::Variant {
                    lang: code.clone(),
                    text: t.text.clone(),
                    created: span.map(|s| tmx::tmx_date(&s.0)),
                    changed: span.map(|s| tmx::tmx_date(&s.1)),
                });
            }
        }
        if variants.len() > 1 {
            units.push(tmx::Unit {
                id: Some(seg.id.clone()),
                variants,
                line: 0,
            });
        }
    }
    Ok(tmx::write(&tmx::Document { source_lang, units }))
}

/// What an import did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Segments of the book that had no translation and got one.
    pub filled: usize,
    /// Translations unlike the memory's, kept in the segments' history.
    pub kept_as_history: usize,
    /// Units whose English is not in the book, kept for future matches.
    pub stored: usize,
    /// Units with no English variant or no variant in a book locale.
    pub skipped: usize,
}

/// Whether a TMX language tag (`fa-IR`, `EN-us`) names `lang`.
fn same_language(tag: &str, lang: &LanguageIdentifier) -> bool {
    let tag = tag.to_ascii_lowercase().replace('_', "-");
    let want = lang.to_string().to_ascii_lowercase();
    tag == want
        || (lang.region.is_none()
            && lang.script.is_none()
            && tag.split('-').next() == Some(lang.language.as_str()))
}

/// Imports a parsed TMX document; `origin_file` names it in new units' rows.
pub fn import_tmx(
    memory: &mut Memory,
    project: &Project,
    doc: &tmx::Document,
    origin_file: &str,
    now: i64,
) -> Result<ImportReport> {
    let source = &project.book.source_language;
    let mut segments = memory.segments()?;
    let mut by_source: HashMap<String, Vec<String>> = HashMap::new();
    for s in segments.values() {
        by_source
            .entry(s.source.clone())
            .or_default()
            .push(s.id.clone());
    }
    for ids in by_source.values_mut() {
        ids.sort();
    }
    let mut translations: HashMap<String, HashMap<String, Translation>> = HashMap::new();
    for lang in &project.book.locales {
        translations.insert(lang.to_string(), memory.translations(&lang.to_string())?);
    }
    let mut report = ImportReport::default();
    let mut changes = Changes::default();
    for unit in &doc.units {
        let Some(english) = unit
            .variants
            .iter()
            .find(|v| same_language(&v.lang, source))
        else {
            report.skipped += 1;
            continue;
        };
        let targets: Vec<(String, &tmx::Variant)> = project
            .book
            .locales
            .iter()
            .filter_map(|l| {
                unit.variants
                    .iter()
                    .find(|v| same_language(&v.lang, l) && !v.text.is_empty())
                    .map(|v| (l.to_string(), v))
            })
            .collect();
        if targets.is_empty() {
            report.skipped += 1;
            continue;
        }
        let ids = match by_source.get(&english.text) {
            Some(ids) => ids.clone(),
            None => {
                let id = format!("tmx/{:016x}", crate::source::fnv1a(english.text.as_bytes()));
                if !segments.contains_key(&id) {
                    let row = StoredSegment {
                        id: id.clone(),
                        chapter: String::new(),
                        position: None,
                        kind: "tmx".into(),
                        source: english.text.clone(),
                        file: origin_file.to_string(),
                        line: unit.line as i64,
                    };
                    changes.segments.push(row.clone());
                    segments.insert(id.clone(), row);
                    report.stored += 1;
                }
                by_source.insert(english.text.clone(), vec![id.clone()]);
                vec![id]
            }
        };
        for (locale, variant) in targets {
            let current = translations
                .get_mut(&locale)
                .expect("every book locale was loaded");
            for id in &ids {
                let incoming = Translation {
                    text: variant.text.clone(),
                    status: Status::Translated,
                };
                match current.get(id) {
                    Some(t) if t.text == incoming.text && t.status == Status::Translated => {}
                    Some(t) if !t.text.is_empty() => {
                        let mut change =
                            TranslationChange::new(id, &locale, incoming, Origin::TmxImport);
                        change.current = false;
                        changes.translations.push(change);
                        report.kept_as_history += 1;
                    }
                    _ => {
                        current.insert(id.clone(), incoming.clone());
                        changes.translations.push(TranslationChange::new(
                            id,
                            &locale,
                            incoming,
                            Origin::TmxImport,
                        ));
                        if segments.get(id).is_some_and(|s| s.position.is_some()) {
                            report.filled += 1;
                        }
                    }
                }
            }
        }
    }
    memory.apply(&changes, now)?;
    Ok(report)
}
