//! Stage 5: keep the source, the memory and the segment files in step.
//!
//! In: the project's chapters, its memory and its PO files. Out: a memory
//! that knows every current segment and every translator edit, and PO files
//! rewritten from the memory. Everything is read and checked before anything
//! is written: a bad PO file stops the sync with its file and line, and the
//! memory and every file stay exactly as they were. A sync with nothing to do
//! writes nothing at all.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use crate::error::{read_utf8, Error, Result};
use crate::formats::po;
use crate::project::{Chapter, Project};
use crate::source::{self, ChapterDoc};
use crate::timings;
use crate::tm::{
    Changes, Memory, Origin, PendingFile, StoredSegment, Suggestion, Translation, TranslationChange,
};

mod files;
mod import;
mod leverage;
mod orphans;
mod write;
pub use files::recover;
use files::{digest, discard, fault, finish_pending, pause, stage, still_as_read};
use import::{entry_state, entry_status, import_catalog};
use leverage::Leverage;
pub use orphans::OrphanFile;
use po::check_language;
use write::{catalog_for, kept_header_field, CatalogSources, KEPT_HEADER_FIELDS};

/// The PO files a sync made, staged, with the memory changes they go with.
struct MadeFiles {
    changes: Changes,
    staged: Vec<PendingFile>,
    /// The files whose text changed, with that text.
    changed: Vec<(PathBuf, String)>,
}

/// One locale's state in the memory, as a sync starts.
struct StoredState {
    translations: HashMap<String, Translation>,
    exported: HashMap<String, Translation>,
    suggestions: HashMap<String, Suggestion>,
    /// Time of each segment's latest revision; read only when some file is new.
    revised: HashMap<String, String>,
}

/// What a sync did.
#[derive(Debug, Default)]
pub struct SyncReport {
    pub new_segments: usize,
    pub retired_segments: usize,
    /// Translator edits imported from PO files, per locale.
    pub imported: BTreeMap<String, usize>,
    /// Segments filled from an identical English segment (translated).
    pub exact: usize,
    /// Segments given a fuzzy suggestion (similar sentence, split or merge).
    pub fuzzy: usize,
    /// PO edits to segments the memory changed too: both kept, memory's current.
    pub conflicts: Vec<Conflict>,
    /// Files written (relative to the project root).
    pub written: Vec<String>,
    /// PO files saved by someone else while this sync ran (relative to the
    /// project root): left as they were, not rewritten; the next sync
    /// imports them.
    pub kept: Vec<String>,
    /// PO files in `locales/` that belong to no chapter, and what was taken from them.
    pub orphans: Vec<OrphanFile>,
    /// PO files that began with a byte-order mark, read past and dropped
    /// when the file is rewritten.
    pub byte_order_marks: Vec<String>,
    /// Translations a translator emptied in a PO file: cleared in the memory
    /// too (the old text stays in the history), and named.
    pub cleared: Vec<Conflict>,
    /// Edits to obsolete (`#~`) entries, which are read-only: kept in the
    /// history, reverted in the file, and named.
    pub obsolete_edits: Vec<Conflict>,
}

/// A segment changed both in a PO file and in the memory since the file was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub file: String,
    pub line: usize,
    pub segment: String,
}

/// Reads and segments every chapter, in book order.
pub fn load_chapters(project: &Project) -> Result<Vec<ChapterDoc>> {
    Ok(read_chapters(project)?
        .into_iter()
        .map(|(doc, _)| doc)
        .collect())
}

/// Every chapter segmented, with a digest of the text it was made from.
fn read_chapters(project: &Project) -> Result<Vec<(ChapterDoc, String)>> {
    crate::parallel::map(&project.chapters, |chapter| {
        refuse_symlink_out(project, &chapter.path)?;
        let text = read_utf8(&chapter.path)?;
        refuse_unpublishable(&text, &chapter.path)?;
        let doc = source::segment_chapter_with(&chapter.slug, &text, project.book.segmentation);
        Ok((doc, digest(Some(text.as_bytes()))))
    })
    .into_iter()
    .collect()
}

/// A character XML cannot carry (a C0 control but tab and line ends,
/// U+FFFE, U+FFFF) in a chapter is refused with its line: every edition,
/// XLIFF and TMX file would otherwise have to drop or reject it.
fn refuse_unpublishable(text: &str, path: &std::path::Path) -> Result<()> {
    let Some(pos) = text.find(crate::formats::xml::forbidden) else {
        return Ok(());
    };
    let c = text[pos..].chars().next().unwrap_or('\0');
    Err(Error::parse(
        path,
        crate::project::line_of(text, pos),
        format!(
            "{}: EPUB, XLIFF and TMX cannot carry it\nhint: delete it (it is invisible in most editors)",
            crate::formats::xml::describe(c)
        ),
    ))
}

/// A chapter that is a symlink pointing outside the project is refused.
pub(super) fn refuse_symlink_out(project: &Project, path: &std::path::Path) -> Result<()> {
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
    // Nothing changed since the last sync: nothing to read, nothing to write.
    let stamp = project.root.join("tm").join(".sync-stamp");
    if crate::fingerprint::matches(&stamp, &crate::fingerprint::of_inputs(project, "sync")) {
        return Ok(SyncReport::default());
    }
    let (report, read) = sync_inputs(project, memory, now)?;
    // The stamp says "nothing changed since": it is recorded only if every
    // file still holds what this sync read or wrote, checked after the
    // fingerprint is taken, so that a file saved at any moment of the run
    // is imported by the next one.
    let fingerprint = crate::fingerprint::of_inputs(project, "sync");
    pause("stamp");
    let t = timings::phase(|| "check nothing changed meanwhile".into());
    let untouched = report.kept.is_empty()
        && crate::parallel::map(&read, |(path, expected)| still_as_read(path, expected))
            .into_iter()
            .all(|same| same);
    drop(t);
    if untouched {
        crate::fingerprint::record(&stamp, &fingerprint)?;
    }
    Ok(report)
}

/// Every file a sync read or wrote, with what it held then ([`digest`]).
type ReadFiles = Vec<(PathBuf, String)>;

fn sync_inputs(
    project: &Project,
    memory: &mut Memory,
    now: i64,
) -> Result<(SyncReport, ReadFiles)> {
    let _whole = timings::phase(|| "sync".into());
    let mut report = SyncReport::default();
    let t = timings::phase(|| "recover".into());
    report.kept = recover(project, memory)?;
    drop(t);
    let t = timings::phase(|| "read and segment chapters".into());
    let (docs, mut read): (Vec<ChapterDoc>, ReadFiles) = read_chapters(project)?
        .into_iter()
        .zip(&project.chapters)
        .map(|((doc, digest), chapter)| (doc, (chapter.path.clone(), digest)))
        .unzip();
    drop(t);

    // 1. Source segments -> memory.
    let t = timings::phase(|| "load segments from memory".into());
    let mut segments = memory.segments()?;
    drop(t);
    let t = timings::phase(|| "compare segments".into());
    let SegmentChanges {
        new: new_ids,
        retired: retired_now,
        changed: mut changed_segments,
    } = update_segments(project, &docs, &mut segments);
    drop(t);
    report.new_segments = new_ids.len();
    report.retired_segments = retired_now.len();

    // 2. Read every PO file before changing anything: one bad file stops the sync.
    let mut catalogs: HashMap<(String, String), (PathBuf, po::Catalog)> = HashMap::new();
    // Their text as read, to tell later which rewritten files really change.
    let mut originals: HashMap<PathBuf, String> = HashMap::new();
    let t = timings::phase(|| "read PO files".into());
    let files: Vec<(String, &Chapter, PathBuf)> = project
        .book
        .locales
        .iter()
        .flat_map(|lang| {
            project
                .chapters
                .iter()
                .map(move |c| (lang.to_string(), c, project.po_path(lang, c)))
        })
        .filter(|(_, _, path)| path.exists())
        .collect();
    // Parsed on every core; the first bad file in book order is the one reported.
    let parsed = crate::parallel::map(&files, |(lang, _, path)| {
        refuse_symlink_out(project, path)?;
        let text = po::read(path)?;
        let catalog = po::parse(&text, path)?;
        check_language(&text, &catalog, lang, path)?;
        Ok::<_, Error>((text, catalog))
    });
    for ((lang, chapter, path), read) in files.into_iter().zip(parsed) {
        let (text, catalog) = read?;
        if catalog.byte_order_mark {
            report.byte_order_marks.push(project.display_path(&path));
        }
        originals.insert(path.clone(), text);
        catalogs.insert((lang, chapter.slug.clone()), (path, catalog));
    }
    drop(t);
    // Obsolete entries the memory does not know (a lost or rebuilt memory):
    // their segments come back as retired ones, so their translations survive.
    let mut restored: HashMap<String, Vec<(String, Translation)>> = HashMap::new();
    let mut keys: Vec<&(String, String)> = catalogs.keys().collect();
    keys.sort();
    for key in keys {
        for e in catalogs[key]
            .1
            .entries
            .iter()
            .filter(|e| e.obsolete && !e.msgstr.is_empty())
        {
            if let Some(id) = e.msgctxt.as_ref().filter(|id| !segments.contains_key(*id)) {
                restored
                    .entry(key.0.clone())
                    .or_default()
                    .push((id.clone(), entry_state(e)));
            }
        }
    }
    for ((_, slug), (_, catalog)) in &catalogs {
        let chapter = project
            .chapters
            .iter()
            .find(|c| &c.slug == slug)
            .expect("catalogs are keyed by chapters");
        for e in catalog.entries.iter().filter(|e| e.obsolete) {
            if let Some(id) = e.msgctxt.as_ref().filter(|id| !segments.contains_key(*id)) {
                let row = StoredSegment {
                    id: id.clone(),
                    chapter: slug.clone(),
                    position: None,
                    kind: "paragraph".into(),
                    source: e.msgid.clone(),
                    file: chapter.rel_path.clone(),
                    line: 0,
                };
                changed_segments.push(id.clone());
                segments.insert(id.clone(), row);
            }
        }
    }

    let t = timings::phase(|| "read PO files of no chapter".into());
    let orphans = orphans::read(project)?;
    let seen = orphans::states_seen(memory, &orphans, &segments)?;
    for orphan in &orphans {
        read.push((orphan.path.clone(), digest(Some(orphan.text.as_bytes()))));
    }
    drop(t);

    // What the memory holds for each locale, read before anything is
    // written: the memory is then written on its own thread while the
    // files are made (see step 6).
    let t = timings::phase(|| "load translations from memory".into());
    let mut stored_states = Vec::new();
    for lang in &project.book.locales {
        let code = lang.to_string();
        // Only a file written for the first time takes its date from the memory.
        let new_file = project.chapters.iter().any(|c| {
            catalogs
                .get(&(code.clone(), c.slug.clone()))
                .is_none_or(|(_, catalog)| {
                    kept_header_field(&catalog.header, KEPT_HEADER_FIELDS[0]).is_none()
                })
        });
        stored_states.push(StoredState {
            translations: memory.translations(&code)?,
            exported: memory.exported(&code)?,
            suggestions: memory.suggestions(&code)?,
            revised: if new_file {
                memory.last_revisions(&code)?
            } else {
                HashMap::new()
            },
        });
    }
    drop(t);

    // Steps 3 to 5 run on this thread (`make_files`); step 6 starts beside them.
    let inputs = FileInputs {
        project,
        docs: &docs,
        segments: &segments,
        new_ids: &new_ids,
        retired_now: &retired_now,
        catalogs: &catalogs,
        originals: &originals,
        orphans: &orphans,
        seen: &seen,
    };
    // 6. Commit. The segment rows, the bulk of a first sync's writing, go
    // into an open transaction on a thread of their own while the PO files
    // are made; then the changed files are staged, and the rest of the
    // changes are committed with the list of staged files, then the files
    // are moved into place. Killed before the commit, nothing has changed;
    // killed after it, the next run finishes the moves (see `recover`).
    // An error before the commit rolls the transaction back.
    let (send_rest, rest) = std::sync::mpsc::channel::<Option<Changes>>();
    let memory_writer = &mut *memory;
    let (made, written) = std::thread::scope(|scope| {
        // Owned here, so that a panic while making the files drops it and
        // the writer, seeing the channel closed, rolls back instead of
        // waiting forever.
        let send_rest = send_rest;
        let segments = &segments;
        let changed_segments = &changed_segments;
        let writer = scope.spawn(move || {
            let changed_rows: Vec<&StoredSegment> = changed_segments
                .iter()
                .filter_map(|id| segments.get(id))
                .collect();
            memory_writer.apply_staged(&changed_rows, now, || {
                rest.recv()
                    .ok()
                    .flatten()
                    .ok_or_else(|| Error::Other("the sync stopped before its commit".into()))
            })
        });
        let made = match make_files(&inputs, stored_states, restored, &mut report) {
            Ok(MadeFiles {
                changes,
                staged,
                changed,
            }) => {
                let _ = send_rest.send(Some(changes));
                Ok((staged, changed))
            }
            Err(e) => {
                let _ = send_rest.send(None);
                Err(e)
            }
        };
        let written = writer
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (made, written)
    });
    let (staged, changed) = made?;
    let committed = match written {
        Ok(committed) => committed,
        Err(e) => {
            discard(project, &staged);
            return Err(e);
        }
    };
    let t = timings::phase(|| "move files into place".into());
    let kept = finish_pending(project, memory, &staged)?;
    drop(t);
    if !kept.is_empty() {
        let exported = exported_as_read(project, &kept, &catalogs, &segments, &committed);
        let fix = Changes {
            exported,
            ..Changes::default()
        };
        memory.apply(&fix, now)?;
    }
    let rewritten: HashSet<&PathBuf> = changed.iter().map(|(path, _)| path).collect();
    for (path, text) in &changed {
        let display = project.display_path(path);
        if !kept.contains(&display) {
            read.push((path.clone(), digest(Some(text.as_bytes()))));
            report.written.push(display);
        }
    }
    for (path, text) in originals
        .iter()
        .filter(|(path, _)| !rewritten.contains(path))
    {
        read.push((path.clone(), digest(Some(text.as_bytes()))));
    }
    report.kept.extend(kept);
    // Freeing a big book's segments, documents and file texts takes tens
    // of milliseconds; a thread does it while the caller goes on (for the
    // CLI: prints its report and exits).
    let garbage = (segments, docs, catalogs, originals, changed);
    // (If no thread can be started, the closure and the garbage are
    // dropped right here.)
    let _ = std::thread::Builder::new().spawn(move || drop(garbage));
    Ok((report, read))
}

/// The exported states of the entries of PO files that were kept because
/// someone saved them during the sync: what those files said as the sync
/// read them (untranslated where they had no such entry), so that the next
/// sync tells the edits made in them from the memory's own changes.
fn exported_as_read(
    project: &Project,
    kept: &[String],
    catalogs: &HashMap<(String, String), (PathBuf, po::Catalog)>,
    segments: &HashMap<String, StoredSegment>,
    committed: &Changes,
) -> Vec<(String, String, Translation)> {
    let mut out = Vec::new();
    for lang in &project.book.locales {
        let code = lang.to_string();
        for chapter in &project.chapters {
            if !kept.contains(&project.display_path(&project.po_path(lang, chapter))) {
                continue;
            }
            let as_read: HashMap<&str, Translation> = catalogs
                .get(&(code.clone(), chapter.slug.clone()))
                .map(|(_, catalog)| {
                    catalog
                        .entries
                        .iter()
                        .filter(|e| !e.obsolete)
                        .filter_map(|e| Some((e.msgctxt.as_deref()?, entry_state(e))))
                        .collect()
                })
                .unwrap_or_default();
            for (locale, id, _) in &committed.exported {
                let in_chapter = segments.get(id).is_some_and(|s| s.chapter == chapter.slug);
                if *locale == code && in_chapter {
                    let state = as_read
                        .get(id.as_str())
                        .cloned()
                        .unwrap_or_else(Translation::untranslated);
                    out.push((code.clone(), id.clone(), state));
                }
            }
        }
    }
    out
}

/// What a sync's PO files are made from: everything read and compared before.
struct FileInputs<'a> {
    project: &'a Project,
    docs: &'a [ChapterDoc],
    segments: &'a HashMap<String, StoredSegment>,
    /// Segments new in this sync, in book order.
    new_ids: &'a [String],
    /// Segments that left the source in this sync.
    retired_now: &'a [String],
    /// Every PO file read, by (locale, chapter slug).
    catalogs: &'a HashMap<(String, String), (PathBuf, po::Catalog)>,
    /// Their text as read, to tell which rewritten files really change.
    originals: &'a HashMap<PathBuf, String>,
    /// PO files no chapter owns, and every state the memory held for the
    /// segments they name.
    orphans: &'a [orphans::Orphan],
    seen: &'a HashMap<(String, String), HashSet<Translation>>,
}

/// Steps 3 to 5 of a sync: translators' edits -> memory, reuse of the
/// memory, memory -> PO text, staged beside the files it replaces. Returns
/// the memory changes that go with the staged files.
fn make_files(
    inputs: &FileInputs,
    stored_states: Vec<StoredState>,
    mut restored: HashMap<String, Vec<(String, Translation)>>,
    report: &mut SyncReport,
) -> Result<MadeFiles> {
    let mut changes = Changes::default();
    let FileInputs {
        project,
        docs,
        segments,
        new_ids,
        retired_now,
        catalogs,
        originals,
        orphans,
        seen,
    } = *inputs;
    let mut leverage = Leverage::new(
        segments,
        new_ids,
        retired_now,
        project.book.fuzzy_threshold,
        &project.book.source_language.to_string(),
    );
    let mut outputs: Vec<(PathBuf, String)> = Vec::new();
    // Segments that left the source, by chapter, in the order their files list them.
    let t = timings::phase(|| "group retired segments by chapter".into());
    let mut retired_by_chapter: HashMap<&str, Vec<&StoredSegment>> = HashMap::new();
    for s in segments.values().filter(|s| s.position.is_none()) {
        retired_by_chapter.entry(&s.chapter).or_default().push(s);
    }
    for list in retired_by_chapter.values_mut() {
        list.sort_by(|a, b| (a.line, &a.id).cmp(&(b.line, &b.id)));
    }
    drop(t);
    for (lang, stored) in project.book.locales.iter().zip(stored_states) {
        let code = lang.to_string();
        let StoredState {
            mut translations,
            exported,
            mut suggestions,
            revised,
        } = stored;
        for (id, t) in restored.remove(&code).unwrap_or_default() {
            translations.insert(id.clone(), t.clone());
            changes
                .translations
                .push(TranslationChange::new(&id, &code, t, Origin::PoImport));
        }
        let mut comments: HashMap<String, Vec<String>> = HashMap::new();
        let mut headers: HashMap<String, String> = HashMap::new();
        let t = timings::phase(|| format!("{code}: import PO edits"));
        for chapter in &project.chapters {
            let Some((path, catalog)) = catalogs.get(&(code.clone(), chapter.slug.clone())) else {
                continue;
            };
            let display = project.display_path(path);
            let imported = import_catalog(
                catalog,
                &code,
                path,
                &display,
                segments,
                &exported,
                &mut translations,
            )?;
            for change in imported.changes {
                if change.origin == Origin::PoImport {
                    *report.imported.entry(code.clone()).or_default() += 1;
                }
                if change.current {
                    match &change.suggestion {
                        Some(s) => suggestions.insert(change.segment_id.clone(), s.clone()),
                        None => suggestions.remove(&change.segment_id),
                    };
                }
                changes.translations.push(change);
            }
            report.conflicts.extend(imported.conflicts);
            report.cleared.extend(imported.cleared);
            report.obsolete_edits.extend(imported.obsolete_edits);
            headers.insert(chapter.slug.clone(), catalog.header.clone());
            for e in catalog
                .entries
                .iter()
                .filter(|e| !e.translator_comments.is_empty())
            {
                if let Some(id) = &e.msgctxt {
                    comments.insert(id.clone(), e.translator_comments.clone());
                }
            }
        }
        // Segments the chapter files changed, which win over an orphan's
        // text: collected only for a locale that has orphans.
        let mut edited: Option<HashSet<String>> = None;
        for orphan in orphans.iter().filter(|o| o.locale == code) {
            let edited = edited.get_or_insert_with(|| {
                changes
                    .translations
                    .iter()
                    .filter(|c| c.locale == code && c.origin == Origin::PoImport)
                    .map(|c| c.segment_id.clone())
                    .collect()
            });
            let imported =
                orphans::import(project, orphan, segments, seen, &mut translations, edited);
            for change in imported.changes {
                if change.current {
                    *report.imported.entry(code.clone()).or_default() += 1;
                    suggestions.remove(&change.segment_id);
                }
                changes.translations.push(change);
            }
            report.conflicts.extend(imported.conflicts);
            report.orphans.push(imported.report);
        }
        drop(t);
        let t = timings::phase(|| format!("{code}: leverage"));
        let suggested = leverage.suggest(&code, &translations);
        drop(t);
        for change in suggested {
            if change.origin == Origin::ExactMatch {
                report.exact += 1;
            } else {
                report.fuzzy += 1;
            }
            translations.insert(change.segment_id.clone(), change.translation.clone());
            match &change.suggestion {
                Some(s) => suggestions.insert(change.segment_id.clone(), s.clone()),
                None => suggestions.remove(&change.segment_id),
            };
            changes.translations.push(change);
        }
        // Each chapter's file on every core, in book order.
        let t = timings::phase(|| format!("{code}: write PO text"));
        let chapters: Vec<_> = project.chapters.iter().zip(docs).collect();
        let written = crate::parallel::map(&chapters, |(chapter, doc)| {
            let sources = CatalogSources {
                retired: retired_by_chapter
                    .get(chapter.slug.as_str())
                    .map_or(&[], Vec::as_slice),
                translations: &translations,
                suggestions: &suggestions,
                comments: &comments,
                revised: &revised,
                previous_header: headers.get(&chapter.slug).map(String::as_str),
            };
            let catalog = catalog_for(project, lang, chapter, doc, &sources);
            let mut changed = Vec::new();
            for e in &catalog.entries {
                let id = e.msgctxt.as_deref().unwrap_or_default();
                let status = entry_status(e);
                let last = exported.get(id).unwrap_or(&crate::tm::UNTRANSLATED);
                // Compared before anything is copied: most entries are unchanged.
                if last.status != status || last.text != e.msgstr {
                    let state = Translation {
                        text: e.msgstr.clone(),
                        status,
                    };
                    changed.push((code.clone(), id.to_string(), state));
                }
            }
            (changed, project.po_path(lang, chapter), po::write(&catalog))
        });
        for (changed, path, text) in written {
            changes.exported.extend(changed);
            outputs.push((path, text));
        }
        drop(t);
    }
    let changed: Vec<(PathBuf, String)> = outputs
        .into_iter()
        .filter(|(path, text)| originals.get(path) != Some(text))
        .collect();
    let t = timings::phase(|| "stage files".into());
    let staged = stage(project, &changed, |path| {
        originals
            .get(path)
            .map(|text| digest(Some(text.as_bytes())))
    })?;
    drop(t);
    changes.pending = staged.clone();
    if let Err(e) = fault("commit") {
        discard(project, &staged);
        return Err(e);
    }
    Ok(MadeFiles {
        changes,
        staged,
        changed,
    })
}

/// The current source's segments, compared with the memory's.
struct SegmentChanges {
    /// Segments new in this sync, in book order.
    new: Vec<String>,
    /// Segments that left the source in this sync, in their old order.
    retired: Vec<String>,
    /// Every segment whose stored row changes (new, moved, edited, retired).
    changed: Vec<String>,
}

/// Updates `segments` to the current source and says what changed. Rows
/// are compared field by field, so an unchanged segment costs no allocation.
fn update_segments(
    project: &Project,
    docs: &[ChapterDoc],
    segments: &mut HashMap<String, StoredSegment>,
) -> SegmentChanges {
    let mut out = SegmentChanges {
        new: Vec::new(),
        retired: Vec::new(),
        changed: Vec::new(),
    };
    // Each chapter's rows that differ from the memory's, on every core; a
    // chapter's first position is the count of segments before it.
    let mut starts = Vec::with_capacity(docs.len());
    let mut total = 0usize;
    for doc in docs {
        starts.push(total as i64);
        total += doc.segments().count();
    }
    let chapters: Vec<(&Chapter, &ChapterDoc, i64)> = project
        .chapters
        .iter()
        .zip(docs)
        .zip(starts)
        .map(|((c, d), start)| (c, d, start))
        .collect();
    let stored: &HashMap<String, StoredSegment> = segments;
    let stored_current = stored.values().filter(|s| s.position.is_some()).count();
    let changed_rows = crate::parallel::map(&chapters, |&(chapter, doc, start)| {
        let mut rows = Vec::new();
        let mut kept = 0;
        for (seg, position) in doc.segments().zip(start..) {
            let here = Some(position);
            let old = stored.get(&seg.id);
            kept += usize::from(old.is_some_and(|s| s.position.is_some()));
            let unchanged = old.is_some_and(|s| {
                s.position == here
                    && s.line == seg.line as i64
                    && s.source == seg.text
                    && s.kind == seg.kind.as_str()
                    && s.chapter == chapter.slug
                    && s.file == chapter.rel_path
            });
            if unchanged {
                continue;
            }
            // New to the memory, or back in the source after leaving it.
            let new = old.is_none_or(|s| s.position.is_none());
            let row = StoredSegment {
                id: seg.id.clone(),
                chapter: chapter.slug.clone(),
                position: here,
                kind: seg.kind.as_str().to_string(),
                source: seg.text.clone(),
                file: chapter.rel_path.clone(),
                line: seg.line as i64,
            };
            rows.push((row, new));
        }
        (rows, kept)
    });
    let kept_current: usize = changed_rows.iter().map(|(_, kept)| kept).sum();
    segments.reserve(total.saturating_sub(segments.len()));
    for (row, new) in changed_rows.into_iter().flat_map(|(rows, _)| rows) {
        if new {
            out.new.push(row.id.clone());
        }
        out.changed.push(row.id.clone());
        segments.insert(row.id.clone(), row);
    }
    // Segments that were in the source and are no longer. None when every
    // segment the memory had in the source still is (always on a first sync).
    let was_current = stored_current - kept_current;
    if was_current == 0 {
        return out;
    }
    let current_ids: HashSet<&str> = docs
        .iter()
        .flat_map(|d| d.segments().map(|s| s.id.as_str()))
        .collect();
    let mut retired: Vec<&mut StoredSegment> = segments
        .values_mut()
        .filter(|s| s.position.is_some() && !current_ids.contains(s.id.as_str()))
        .collect();
    // In their old reading order, which split and merge suggestions follow.
    retired.sort_by(|a, b| (a.position, &a.id).cmp(&(b.position, &b.id)));
    for s in retired {
        s.position = None;
        out.retired.push(s.id.clone());
        out.changed.push(s.id.clone());
    }
    out
}
