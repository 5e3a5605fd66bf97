//! The memory in and out as TMX (export for other CAT tools, import to seed
//! or enrich a book) and XLIFF (a locale's work out to a CAT tool and
//! back). An import never replaces a translation silently: it fills
//! segments that have none, and a different translation it brings for a
//! translated segment goes into that segment's history only.

use std::collections::HashMap;
use std::path::Path;

use unic_langid::LanguageIdentifier;

use super::{Changes, Memory, Origin, Status, StoredSegment, Translation, TranslationChange};
use crate::error::{Error, Result};
use crate::formats::{tmx, xliff};
use crate::project::Project;

/// Exports every translated segment of the given locales (all when empty),
/// current segments first in book order, then those that left the source.
/// With `codes`, inline Markdown travels as inline codes
/// ([`tmx::write_with_codes`]); without, as plain text (for tools that
/// work on the PO files, whose text has no tags).
pub fn export_tmx(
    memory: &Memory,
    project: &Project,
    locales: &[LanguageIdentifier],
    codes: bool,
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
    let doc = tmx::Document { source_lang, units };
    Ok(if codes {
        tmx::write_with_codes(&doc)
    } else {
        tmx::write(&doc)
    })
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
    let mut tm = TmxImport {
        by_source: HashMap::new(),
        segments: memory.segments()?,
        translations: HashMap::new(),
        report: ImportReport::default(),
        changes: Changes::default(),
    };
    for s in tm.segments.values() {
        tm.by_source
            .entry(s.source.clone())
            .or_default()
            .push(s.id.clone());
    }
    for ids in tm.by_source.values_mut() {
        ids.sort();
    }
    for lang in &project.book.locales {
        let code = lang.to_string();
        tm.translations
            .insert(code.clone(), memory.translations(&code)?);
    }
    for unit in &doc.units {
        let Some(english) = unit
            .variants
            .iter()
            .find(|v| same_language(&v.lang, source))
        else {
            tm.report.skipped += 1;
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
            tm.report.skipped += 1;
            continue;
        }
        let ids = tm.segments_for(english, unit.line, origin_file);
        for (locale, variant) in targets {
            for id in &ids {
                tm.offer(id, &locale, &variant.text);
            }
        }
    }
    memory.apply(&tm.changes, now)?;
    Ok(tm.report)
}

/// A TMX import under way.
struct TmxImport {
    /// Segment ids by English text, sorted.
    by_source: HashMap<String, Vec<String>>,
    segments: HashMap<String, StoredSegment>,
    /// Current translations by locale, as the import changes them.
    translations: HashMap<String, HashMap<String, Translation>>,
    report: ImportReport,
    changes: Changes,
}

impl TmxImport {
    /// The segments whose English is `english`'s; English the book never
    /// had is stored as a retired `tmx/…` segment, for later matches.
    fn segments_for(&mut self, english: &tmx::Variant, line: usize, file: &str) -> Vec<String> {
        if let Some(ids) = self.by_source.get(&english.text) {
            return ids.clone();
        }
        let id = format!("tmx/{:016x}", crate::source::fnv1a(english.text.as_bytes()));
        if !self.segments.contains_key(&id) {
            let row = StoredSegment {
                id: id.clone(),
                chapter: String::new(),
                position: None,
                kind: "tmx".into(),
                source: english.text.clone(),
                file: file.to_string(),
                line: line as i64,
            };
            self.changes.segments.push(row.clone());
            self.segments.insert(id.clone(), row);
            self.report.stored += 1;
        }
        self.by_source
            .insert(english.text.clone(), vec![id.clone()]);
        vec![id]
    }

    /// A TMX translation of segment `id`: it fills a segment with none, and
    /// goes to the history of one that has another.
    fn offer(&mut self, id: &str, locale: &str, text: &str) {
        let current = self
            .translations
            .get_mut(locale)
            .expect("every book locale was loaded");
        let incoming = Translation {
            text: text.to_string(),
            status: Status::Translated,
        };
        match current.get(id) {
            Some(t) if t.text == incoming.text && t.status == Status::Translated => {}
            Some(t) if !t.text.is_empty() => {
                let mut change = TranslationChange::new(id, locale, incoming, Origin::TmxImport);
                change.current = false;
                self.changes.translations.push(change);
                self.report.kept_as_history += 1;
            }
            _ => {
                current.insert(id.to_string(), incoming.clone());
                self.changes.translations.push(TranslationChange::new(
                    id,
                    locale,
                    incoming,
                    Origin::TmxImport,
                ));
                if self.segments.get(id).is_some_and(|s| s.position.is_some()) {
                    self.report.filled += 1;
                }
            }
        }
    }
}

/// Writes one locale's current segments as XLIFF, chapter by chapter in
/// book order, with each translation's state and, for fuzzy ones, the
/// English they were made for.
pub fn export_xliff(
    memory: &Memory,
    project: &Project,
    locale: &LanguageIdentifier,
    version: xliff::Version,
) -> Result<String> {
    Ok(xliff::write(
        &xliff_document(memory, project, locale)?,
        version,
    ))
}

/// One locale as an OmegaT project's files: XLIFF shaped for OmegaT
/// ([`xliff::write_for_omegat`]), and the locale's translations as a TMX in
/// OmegaT's tags ([`xliff::omegat_tags`]), which OmegaT applies as 100 %
/// matches from its `tm/auto/` folder.
pub fn export_omegat(
    memory: &Memory,
    project: &Project,
    locale: &LanguageIdentifier,
) -> Result<(String, String)> {
    let doc = xliff_document(memory, project, locale)?;
    let source_lang = project.book.source_language.to_string();
    let units = doc
        .files
        .iter()
        .flat_map(|f| &f.units)
        .filter(|u| u.status == Status::Translated && !u.target.is_empty())
        .filter_map(|u| {
            let source = xliff::omegat_tags(&u.source, &u.source)?;
            let target = xliff::omegat_tags(&u.target, &u.source)?;
            let variant = |lang: &str, text: String| tmx::Variant {
                lang: lang.to_string(),
                text,
                created: None,
                changed: None,
            };
            Some(tmx::Unit {
                id: Some(u.id.clone()),
                variants: vec![
                    variant(&source_lang, source),
                    variant(&doc.target_lang, target),
                ],
                line: 0,
            })
        })
        .collect();
    let tmx = tmx::write(&tmx::Document {
        source_lang: source_lang.clone(),
        units,
    });
    Ok((xliff::write_for_omegat(&doc), tmx))
}

/// One locale's current segments, chapter by chapter in book order.
fn xliff_document(
    memory: &Memory,
    project: &Project,
    locale: &LanguageIdentifier,
) -> Result<xliff::Document> {
    let code = locale.to_string();
    let segments = memory.segments()?;
    let translations = memory.translations(&code)?;
    let suggestions = memory.suggestions(&code)?;
    let reviews = memory.reviews(&code)?;
    let mut files: Vec<xliff::File> = project
        .chapters
        .iter()
        .map(|c| xliff::File {
            id: c.slug.clone(),
            original: project.display_path(&c.path),
            units: Vec::new(),
        })
        .collect();
    for seg in super::reading_order(&segments) {
        if seg.position.is_none() {
            break; // retired segments come last and are not for translation
        }
        let Some(file) = files.iter_mut().find(|f| f.id == seg.chapter) else {
            continue;
        };
        let t = translations
            .get(&seg.id)
            .cloned()
            .unwrap_or_else(Translation::untranslated);
        let previous_source = (t.status == Status::Fuzzy)
            .then(|| suggestions.get(&seg.id))
            .flatten()
            .map(|s| (s.previous_source.clone(), s.score));
        let verdict = reviews
            .get(&seg.id)
            .filter(|r| r.stands_for(&t))
            .map(|r| xliff::Verdict {
                rejected: r.rejected,
                by: r.by.clone(),
                comment: r.describe(),
            });
        file.units.push(xliff::Unit {
            id: seg.id.clone(),
            source: seg.source.clone(),
            target: t.text,
            status: t.status,
            previous_source,
            line: seg.line,
            verdict,
            glossary: project.glossary.hints(&seg.source, &code),
        });
    }
    files.retain(|f| !f.units.is_empty());
    let doc = xliff::Document {
        source_lang: project.book.source_language.to_string(),
        target_lang: code,
        memory_revision: memory.latest_revision()?,
        files,
    };
    Ok(doc)
}

/// What an XLIFF import did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct XliffReport {
    pub locale: String,
    /// Targets that became the current translation.
    pub updated: usize,
    /// Targets equal to the memory's.
    pub unchanged: usize,
    /// Targets not taken because the memory changed too (or, for a file
    /// without our revision marker, already had another translation): kept
    /// in the history, listed as (line, segment id).
    pub conflicts: Vec<(usize, String)>,
    /// Targets made for English that has changed since: kept in the
    /// history, or offered as fuzzy where the segment had nothing.
    pub stale: usize,
    /// Units without a target.
    pub empty: usize,
    /// Targets a reviewer approved in the file, now approved in the memory.
    pub reviewed: usize,
}

/// Imports a CAT tool's XLIFF for one locale. Every unit is checked before
/// anything is written: an unknown segment id or inline code stops the
/// import with the file and line, and the memory stays as it was. The
/// file's approvals are recorded as reviews by `reviewer` (XLIFF has no
/// attribute naming who approved a unit).
pub fn import_xliff(
    memory: &mut Memory,
    project: &Project,
    doc: &xliff::ReadDocument,
    path: &Path,
    reviewer: Option<&str>,
    now: i64,
) -> Result<XliffReport> {
    let locale = xliff_locale(project, doc, path)?;
    let segments = memory.segments()?;
    let translations = memory.translations(&locale)?;
    let reviews = memory.reviews(&locale)?;
    let revised = match doc.memory_revision {
        Some(r) => Some(memory.revised_since(&locale, r)?),
        None => None,
    };
    let mut report = XliffReport {
        locale: locale.clone(),
        ..XliffReport::default()
    };
    let mut changes = Changes::default();
    // Each unit back to Markdown on every core (the bulk of the work); the
    // first error in file order is the one reported.
    let converted = crate::parallel::map(&doc.units, |unit| convert_unit(unit, &segments, path));
    for (unit, converted) in doc.units.iter().zip(converted) {
        let Some((seg, text, file_source)) = converted? else {
            report.empty += 1;
            continue;
        };
        let incoming = Translation {
            text,
            status: unit.status,
        };
        let current = translations
            .get(&unit.id)
            .cloned()
            .unwrap_or_else(Translation::untranslated);
        let mut change =
            TranslationChange::new(&unit.id, &locale, incoming.clone(), Origin::XliffImport);
        if file_source.as_deref() != Some(seg.source.as_str()) {
            // Made for other English: never current unless there was nothing.
            report.stale += 1;
            if current.status == Status::Untranslated {
                change.translation.status = Status::Fuzzy;
                change.suggestion = file_source.map(|previous| super::Suggestion {
                    previous_source: previous,
                    score: None,
                    from: unit.id.clone(),
                });
            } else {
                change.current = false;
            }
            changes.translations.push(change);
            continue;
        }
        let approval = unit
            .reviewed
            .then(|| approval(&incoming, &unit.id, &locale));
        if current == incoming {
            report.unchanged += 1;
            let approved = reviews.get(&unit.id).is_some_and(|r| r.approves(&current));
            if let Some(approval) = approval.filter(|_| !approved) {
                changes.translations.push(approval);
            }
            continue;
        }
        let changed_here = match &revised {
            Some(revised) => revised.contains(&unit.id),
            None => current.status != Status::Untranslated,
        };
        if changed_here && current.status != Status::Untranslated {
            change.current = false;
            report.conflicts.push((unit.line, unit.id.clone()));
            changes.translations.push(change);
        } else {
            report.updated += 1;
            changes.translations.push(change);
            changes.translations.extend(approval);
        }
    }
    report.reviewed = sign_approvals(&mut changes, reviewer, path)?;
    memory.apply(&changes, now)?;
    Ok(report)
}

/// Names `reviewer` as the author of every approval in `changes`; approvals
/// with no reviewer known are an error. Returns how many there are.
fn sign_approvals(changes: &mut Changes, reviewer: Option<&str>, path: &Path) -> Result<usize> {
    let approvals: Vec<&mut TranslationChange> = changes
        .translations
        .iter_mut()
        .filter(|c| c.origin == Origin::Review)
        .collect();
    let count = approvals.len();
    if count == 0 {
        return Ok(0);
    }
    let Some(reviewer) = reviewer else {
        return Err(Error::parse(
            path,
            1,
            crate::said!("xliff-approvals-without-reviewer", "count" => count),
        ));
    };
    for approval in approvals {
        approval.author = Some(reviewer.to_string());
    }
    Ok(count)
}

/// A reviewer's approval of `translation` as it stands (its author is set
/// once the import knows every unit is good).
fn approval(translation: &Translation, segment: &str, locale: &str) -> TranslationChange {
    TranslationChange::new(segment, locale, translation.clone(), Origin::Review)
}

/// The book locale an XLIFF document is for; its source language must be
/// the book's.
fn xliff_locale(project: &Project, doc: &xliff::ReadDocument, path: &Path) -> Result<String> {
    if !same_language(&doc.source_lang, &project.book.source_language) {
        return Err(Error::parse(
            path,
            1,
            crate::said!(
                "xliff-source-language",
                "found" => &doc.source_lang,
                "book" => &project.book.source_language
            ),
        ));
    }
    project
        .book
        .locales
        .iter()
        .find(|l| same_language(&doc.target_lang, l))
        .map(|l| l.to_string())
        .ok_or_else(|| {
            Error::parse(
                path,
                1,
                crate::said!("xliff-target-language", "found" => &doc.target_lang),
            )
        })
}

/// A unit's segment, its target as Markdown and the English the file
/// carried (`None` when the unit has no target).
fn convert_unit<'a>(
    unit: &xliff::ReadUnit,
    segments: &'a HashMap<String, StoredSegment>,
    path: &Path,
) -> Result<Option<(&'a StoredSegment, String, Option<String>)>> {
    let seg = segments.get(&unit.id).ok_or_else(|| {
        Error::parse(
            path,
            unit.line,
            crate::said!("xliff-unknown-segment", "id" => &unit.id),
        )
    })?;
    let Some(target) = &unit.target else {
        return Ok(None);
    };
    let source_codes = crate::formats::inline_codes::split(&seg.source);
    let text = xliff::to_markdown(target, &source_codes)
        .map_err(|m| Error::parse(path, unit.line, m.about(format!("`{}`", unit.id))))?;
    let file_source = xliff::to_markdown(&unit.source, &source_codes).ok();
    Ok(Some((seg, text, file_source)))
}
