//! Stage 5: keep the source, the memory and the segment files in step.
//!
//! In: the project's chapters, its memory and its PO files. Out: a memory
//! that knows every current segment and every translator edit, and PO files
//! rewritten from the memory. Everything is read and checked before anything
//! is written: a bad PO file stops the sync with its file and line, and the
//! memory and every file stay exactly as they were. A sync with nothing to do
//! writes nothing at all.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use unic_langid::LanguageIdentifier;

use crate::error::{read_utf8, write_if_changed, Error, Result};
use crate::formats::po;
use crate::locale;
use crate::project::{Chapter, Project};
use crate::source::{self, ChapterDoc};
use crate::tm::{Changes, Memory, Origin, Status, StoredSegment, Translation, TranslationChange};

/// What a sync did.
#[derive(Debug, Default)]
pub struct SyncReport {
    pub new_segments: usize,
    pub retired_segments: usize,
    /// Translator edits imported from PO files, per locale.
    pub imported: BTreeMap<String, usize>,
    /// Untranslated segments filled from an identical English segment.
    pub leveraged: usize,
    /// Files written (relative to the project root).
    pub written: Vec<String>,
}

/// Reads and segments every chapter, in book order.
pub fn load_chapters(project: &Project) -> Result<Vec<ChapterDoc>> {
    project
        .chapters
        .iter()
        .map(|chapter| {
            refuse_symlink_out(project, &chapter.path)?;
            let text = read_utf8(&chapter.path)?;
            Ok(source::segment_chapter(&chapter.slug, &text))
        })
        .collect()
}

/// A chapter that is a symlink pointing outside the project is refused.
fn refuse_symlink_out(project: &Project, path: &std::path::Path) -> Result<()> {
    let (Ok(real), Ok(root)) = (path.canonicalize(), project.root.canonicalize()) else {
        return Ok(()); // a missing file is reported by the read that follows
    };
    if !real.starts_with(&root) {
        return Err(Error::Other(format!(
            "`{}` points outside the project; refusing to read it",
            project.display_path(path)
        )));
    }
    Ok(())
}

/// Brings memory and segment files up to date with the source. `now` stamps revisions.
pub fn sync(project: &Project, memory: &mut Memory, now: i64) -> Result<SyncReport> {
    let docs = load_chapters(project)?;
    let mut report = SyncReport::default();
    let mut changes = Changes::default();

    // 1. Source segments -> memory.
    let mut segments = memory.segments()?;
    let mut position = 0i64;
    let mut current_ids = std::collections::HashSet::new();
    for (chapter, doc) in project.chapters.iter().zip(&docs) {
        for seg in doc.segments() {
            let row = StoredSegment {
                id: seg.id.clone(),
                chapter: chapter.slug.clone(),
                position: Some(position),
                kind: seg.kind.as_str().to_string(),
                source: seg.text.clone(),
                file: chapter.rel_path.clone(),
                line: seg.line as i64,
            };
            position += 1;
            current_ids.insert(seg.id.clone());
            match segments.get(&seg.id) {
                Some(stored) if *stored == row => {}
                stored => {
                    if stored.is_none_or(|s| s.position.is_none()) {
                        report.new_segments += 1;
                    }
                    changes.segments.push(row.clone());
                    segments.insert(row.id.clone(), row);
                }
            }
        }
    }
    let mut retired: Vec<&mut StoredSegment> = segments
        .values_mut()
        .filter(|s| s.position.is_some() && !current_ids.contains(&s.id))
        .collect();
    retired.sort_by(|a, b| a.id.cmp(&b.id));
    for s in retired {
        s.position = None;
        report.retired_segments += 1;
        changes.segments.push(s.clone());
    }

    // 2. Translators' edits -> memory, 3. exact matches, 4. memory -> PO text.
    let mut outputs: Vec<(PathBuf, String)> = Vec::new();
    for lang in &project.book.locales {
        let code = lang.to_string();
        let mut translations = memory.translations(&code)?;
        let exported = memory.exported(&code)?;
        let mut comments: HashMap<String, Vec<String>> = HashMap::new();
        let mut headers: HashMap<String, String> = HashMap::new();
        let revised = memory.last_revisions(&code)?;
        for chapter in &project.chapters {
            let path = project.po_path(lang, chapter);
            if !path.exists() {
                continue;
            }
            refuse_symlink_out(project, &path)?;
            let catalog = po::parse(&read_utf8(&path)?, &path)?;
            let imported =
                import_catalog(&catalog, &path, &segments, &exported, &mut translations)?;
            for (id, translation) in imported {
                *report.imported.entry(code.clone()).or_default() += 1;
                changes.translations.push(TranslationChange {
                    segment_id: id,
                    locale: code.clone(),
                    translation,
                    origin: Origin::PoImport,
                });
            }
            headers.insert(chapter.slug.clone(), catalog.header.clone());
            for e in catalog.entries {
                if let (Some(id), false) = (e.msgctxt, e.translator_comments.is_empty()) {
                    comments.insert(id, e.translator_comments);
                }
            }
        }
        for (id, translation) in leverage_exact(&segments, &translations) {
            report.leveraged += 1;
            translations.insert(id.clone(), translation.clone());
            changes.translations.push(TranslationChange {
                segment_id: id,
                locale: code.clone(),
                translation,
                origin: Origin::ExactMatch,
            });
        }
        for (chapter, doc) in project.chapters.iter().zip(&docs) {
            let sources = CatalogSources {
                segments: &segments,
                translations: &translations,
                comments: &comments,
                revised: &revised,
                previous_header: headers.get(&chapter.slug).map(String::as_str),
            };
            let catalog = catalog_for(project, lang, chapter, doc, &sources);
            for e in &catalog.entries {
                let id = e.msgctxt.clone().unwrap_or_default();
                let state = entry_state(e);
                if exported.get(&id) != Some(&state) {
                    changes.exported.push((code.clone(), id, state));
                }
            }
            outputs.push((project.po_path(lang, chapter), po::write(&catalog)));
        }
    }

    memory.apply(&changes, now)?;
    for (path, text) in outputs {
        if write_if_changed(&path, text.as_bytes())? {
            report.written.push(project.display_path(&path));
        }
    }
    Ok(report)
}

/// The translation state a PO entry expresses.
fn entry_state(e: &po::Entry) -> Translation {
    let status = if e.msgstr.is_empty() {
        Status::Untranslated
    } else if e.fuzzy {
        Status::Fuzzy
    } else {
        Status::Translated
    };
    Translation {
        text: e.msgstr.clone(),
        status,
    }
}

/// Checks a parsed PO file against the memory and returns the translator's
/// edits in it: entries that differ from what tercuman last wrote. Any
/// unknown or altered segment is an error, and then nothing is imported.
fn import_catalog(
    catalog: &po::Catalog,
    path: &std::path::Path,
    segments: &HashMap<String, StoredSegment>,
    exported: &HashMap<String, Translation>,
    translations: &mut HashMap<String, Translation>,
) -> Result<Vec<(String, Translation)>> {
    let mut edits = Vec::new();
    for e in catalog.entries.iter().filter(|e| !e.obsolete) {
        let id = e.msgctxt.as_ref().ok_or_else(|| {
            Error::parse(
                path,
                e.line,
                "entry has no msgctxt, so it belongs to no segment",
            )
        })?;
        let seg = segments.get(id).ok_or_else(|| {
            Error::parse(path, e.line, format!("unknown segment id `{id}` (msgctxt)"))
        })?;
        if seg.source != e.msgid {
            return Err(Error::parse(
                path,
                e.line,
                format!("msgid of `{id}` differs from its English source; edit only msgstr"),
            ));
        }
        let state = entry_state(e);
        if exported.get(id) == Some(&state) {
            continue; // unchanged since tercuman wrote it
        }
        let current = translations
            .get(id)
            .cloned()
            .unwrap_or_else(Translation::untranslated);
        if current != state {
            edits.push((id.clone(), state));
        }
    }
    for (id, t) in &edits {
        translations.insert(id.clone(), t.clone());
    }
    Ok(edits)
}

/// Current segments never translated in this locale get the translation of an
/// identical English segment elsewhere in the memory, if one is translated.
fn leverage_exact(
    segments: &HashMap<String, StoredSegment>,
    translations: &HashMap<String, Translation>,
) -> Vec<(String, Translation)> {
    let mut by_source: BTreeMap<&str, (&str, &Translation)> = BTreeMap::new();
    for (id, t) in translations {
        if t.status != Status::Translated {
            continue;
        }
        if let Some(seg) = segments.get(id) {
            // Deterministic choice among several: the smallest id.
            let slot = by_source.entry(seg.source.as_str()).or_insert((id, t));
            if id.as_str() < slot.0 {
                *slot = (id, t);
            }
        }
    }
    let mut out: Vec<(String, Translation)> = segments
        .values()
        .filter(|s| s.position.is_some() && !translations.contains_key(&s.id))
        .filter_map(|s| {
            by_source
                .get(s.source.as_str())
                .map(|(_, t)| (s.id.clone(), (*t).clone()))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// What a PO file is written from, besides the source.
struct CatalogSources<'a> {
    segments: &'a HashMap<String, StoredSegment>,
    translations: &'a HashMap<String, Translation>,
    /// Translator comments read from the existing files, by segment id.
    comments: &'a HashMap<String, Vec<String>>,
    /// Time of each segment's latest revision in this locale.
    revised: &'a HashMap<String, String>,
    /// The header of the file being replaced, whose translator fields are kept.
    previous_header: Option<&'a str>,
}

/// Header fields that belong to the translator's tools and survive a rewrite.
const KEPT_HEADER_FIELDS: &[&str] = &["PO-Revision-Date", "Last-Translator", "Language-Team"];

/// The PO file of one chapter in one locale, from the memory.
fn catalog_for(
    project: &Project,
    lang: &LanguageIdentifier,
    chapter: &Chapter,
    doc: &ChapterDoc,
    src: &CatalogSources,
) -> po::Catalog {
    let (segments, translations, comments) = (src.segments, src.translations, src.comments);
    let entry = |id: &str, source: &str, obsolete: bool, reference: Option<String>| {
        let t = translations
            .get(id)
            .cloned()
            .unwrap_or_else(Translation::untranslated);
        po::Entry {
            translator_comments: comments.get(id).cloned().unwrap_or_default(),
            references: reference.into_iter().collect(),
            fuzzy: t.status == Status::Fuzzy && !t.text.is_empty(),
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
                Some(format!("{}:{}", chapter.rel_path, s.line)),
            )
        })
        .collect();
    // Segments that left this chapter's source keep their translations visible.
    let mut gone: Vec<&StoredSegment> = segments
        .values()
        .filter(|s| s.position.is_none() && s.chapter == chapter.slug)
        .filter(|s| translations.get(&s.id).is_some_and(|t| !t.text.is_empty()))
        .collect();
    gone.sort_by(|a, b| (a.line, &a.id).cmp(&(b.line, &b.id)));
    entries.extend(
        gone.into_iter()
            .map(|s| entry(&s.id, &s.source, true, None)),
    );

    let name = locale::english_name(lang);
    let kept = |field: &str| {
        src.previous_header.and_then(|h| {
            h.lines()
                .filter_map(|l| l.split_once(':'))
                .find(|(k, v)| {
                    k.trim() == field
                        && !v.trim().is_empty()
                        && !v.contains("YEAR-MO-DA")
                        && !v.contains("FULL NAME")
                })
                .map(|(_, v)| v.trim().to_string())
        })
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
    }
}
