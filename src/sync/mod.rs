//! Stage 5: keep the source, the memory and the segment files in step.
//!
//! In: the project's chapters, its memory and its PO files. Out: a memory
//! that knows every current segment and every translator edit, and PO files
//! rewritten from the memory. Everything is read and checked before anything
//! is written: a bad PO file stops the sync with its file and line, and the
//! memory and every file stay exactly as they were. A sync with nothing to do
//! writes nothing at all.
//!
//! The steps, each with plain data in and out: `recover` (`files.rs`) →
//! read the source and the first locale (`plan.rs`) → one locale at a
//! time, read its PO files and state, import edits (`import.rs`,
//! `orphans.rs`), leverage the memory (`leverage.rs`), write and stage PO
//! text (`write.rs`) → commit the memory beside it (`commit.rs`) → move
//! the files into place (`files.rs`) → stamp. Files are staged beside
//! their targets, so "read before anything is written" holds for every
//! locale: a bad file in the last one still leaves everything as it was.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use crate::error::Result;
use crate::project::Project;
use crate::source::ChapterDoc;
use crate::timings;
use crate::tm::{
    Changes, Memory, Origin, PendingFile, StoredSegment, Suggestion, Translation, TranslationChange,
};

mod commit;
mod files;
mod import;
mod leverage;
mod markers;
mod narrow;
pub mod omegat;
pub use markers::MarkerLeft;
mod orphans;
mod plan;
mod write;
use commit::{commit_while_making, exported_as_read, files_as_left};
pub use files::recover;
use files::{fault, finish_pending, pause, still_as_read, Staging};
use import::{entry_state, import_catalog};
use leverage::Leverage;
pub use orphans::OrphanFile;
use plan::{has_new_file, read_chapters, read_inputs, Catalogs, StoredState};

/// The PO files a sync made, staged, with the memory changes they go with.
pub(super) struct MadeFiles {
    changes: Changes,
    staged: Vec<PendingFile>,
    /// The files whose text changed, with a digest of their new text.
    changed: Vec<(PathBuf, String)>,
    /// Every chapter PO file read, with a digest of its text as read.
    originals: HashMap<PathBuf, String>,
    /// For each file whose entries' exported states change, what it said of
    /// those entries as read (see [`exported_as_read`]).
    as_read: HashMap<PathBuf, Vec<(String, String, Translation)>>,
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
    /// Segments edited in two clones since merged, with the texts of both
    /// sides: the first kept current as fuzzy, the others in the history.
    pub merge_conflicts: Vec<(Conflict, Vec<String>)>,
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
    /// The segmentation the memory's segments were made with, and the one
    /// this sync used, when they differ: the segments that changed did so
    /// (at least in part) because of it.
    pub segmentation_changed: Option<(String, String)>,
    /// Verdicts taken from reviewers' markers in PO files (`# reviewed`,
    /// `# rejected: why`), each with what the entry now says of it.
    pub po_verdicts: Vec<(Conflict, String)>,
    /// Markers that could not be taken, left in their file, and why.
    pub markers_left: Vec<(Conflict, MarkerLeft)>,
    /// When only some chapters' PO files had changed and the sync read
    /// only those: the locales and the chapters (slugs) it covered. The
    /// memory changed for no other segment.
    pub narrowed_to: Option<Narrowed>,
}

/// What a sync of only the PO files that changed covered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Narrowed {
    /// Locale codes, in book order.
    pub locales: Vec<String>,
    /// Chapter slugs, in book order.
    pub chapters: Vec<String>,
}

/// A segment changed both in a PO file and in the memory since the file was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub file: String,
    pub line: usize,
    pub segment: String,
}

/// Gives the segments of an index just built from the journal their place
/// in the current source, for commands that read the memory before any
/// sync has (an export in a fresh clone). Only segments the memory knows
/// are placed: one new to the source is left for a sync to find new.
pub fn place_segments(project: &Project, memory: &mut Memory) -> Result<()> {
    if memory.setting(crate::tm::UNPLACED)?.as_deref() != Some("1") {
        return Ok(());
    }
    let docs = load_chapters(project)?;
    let mut segments = memory.segments()?;
    let known: HashSet<String> = segments.keys().cloned().collect();
    let changed = plan::update_segments(project, &docs, &mut segments, true).changed;
    let rows = changed
        .iter()
        .filter(|id| known.contains(*id))
        .filter_map(|id| segments.get(id).cloned())
        .collect();
    let changes = Changes {
        segments: rows,
        settings: vec![(crate::tm::UNPLACED.into(), "0".into())],
        ..Changes::default()
    };
    memory.apply(&changes, crate::date::now())
}

/// Reads and segments every chapter, in book order.
/// What `summarize` makes of each chapter, in book order: the chapters are
/// read and segmented one at a time per core and dropped after, so a
/// whole book is never held at once.
pub fn summarize_chapters<T: Send>(
    project: &Project,
    summarize: impl Fn(&ChapterDoc) -> T + Sync,
) -> Result<Vec<T>> {
    crate::parallel::map(&project.chapters, |chapter| {
        plan::read_chapter(project, chapter).map(|(doc, _)| summarize(&doc))
    })
    .into_iter()
    .collect()
}

pub fn load_chapters(project: &Project) -> Result<Vec<ChapterDoc>> {
    Ok(read_chapters(project)?
        .into_iter()
        .map(|(doc, _)| doc)
        .collect())
}

/// Brings memory and segment files up to date with the source. `now` stamps revisions.
pub fn sync(project: &Project, memory: &mut Memory, now: i64) -> Result<SyncReport> {
    // Nothing changed since the last sync: nothing to read, nothing to write.
    let stamp = project.root.join("tm").join(".sync-stamp");
    let recorded = std::fs::read_to_string(&stamp).ok();
    let before = crate::fingerprint::of_sync_inputs(project);
    if recorded.as_deref() == Some(before.as_str()) {
        return Ok(SyncReport::default());
    }
    // Only some PO files changed: a sync of those, unless it gives way.
    let scope = recorded
        .as_deref()
        .and_then(|recorded| narrow::scope(project, recorded, &before));
    let narrowed = match &scope {
        Some(scope) => narrow::sync(project, memory, now, scope)?,
        None => None,
    };
    let ((report, read), narrowed) = match narrowed {
        Some(synced) => (synced, scope.as_ref()),
        None => (full_sync(project, memory, now)?, None),
    };
    // The stamp says "nothing changed since": it is recorded only if every
    // file still holds what this sync read or wrote, checked after the
    // fingerprint is taken, so that a file saved at any moment of the run
    // is imported by the next one. A narrowed sync read only its scope's
    // files: every other one must be as it was when it started.
    let fingerprint = crate::fingerprint::of_sync_inputs(project);
    pause("stamp");
    let t = timings::phase(|| "check nothing changed meanwhile".into());
    let untouched = report.kept.is_empty()
        && narrowed
            .is_none_or(|scope| narrow::only_scope_changed(project, scope, &before, &fingerprint))
        && crate::parallel::map(&read, |(path, expected)| still_as_read(path, expected))
            .into_iter()
            .all(|same| same);
    drop(t);
    if untouched {
        crate::fingerprint::record(&stamp, &fingerprint)?;
    }
    Ok(report)
}

/// The sync of every file.
fn full_sync(project: &Project, memory: &mut Memory, now: i64) -> Result<(SyncReport, ReadFiles)> {
    // A sync reads each locale's rows once and writes one transaction: a
    // 4 MiB page cache does the revised sync of a million words as fast as
    // 16 or 64 MiB and holds 20 and 70 MB less (the sync that imports
    // every translation may be a tenth slower, within the noise of 4 runs).
    memory.limit_cache_kib(SYNC_CACHE_KIB)?;
    let synced = sync_inputs(project, memory, now);
    memory.limit_cache_kib(crate::tm::CACHE_KIB)?;
    synced
}

/// SQLite's page cache during a sync, in KiB.
const SYNC_CACHE_KIB: i64 = 4_096;

/// The memory's setting for how its segments were made.
const SEGMENTATION: &str = "segmentation";

/// How this book's segments are made, as the memory records it.
fn segmentation(project: &Project) -> String {
    match project.book.segmentation {
        crate::project::Segmentation::Paragraph => "one segment per block".into(),
        crate::project::Segmentation::Sentence => project.book.sentence_rules.signature(),
    }
}

/// Every file a sync read or wrote, with what it held then ([`digest`]).
pub(super) type ReadFiles = Vec<(PathBuf, String)>;

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
    // 1 and 2: everything read and checked before anything is written.
    let (mut plan, mut read) = read_inputs(project, memory, &mut report)?;
    let segmentation = segmentation(project);
    let stored_segmentation = memory.setting(SEGMENTATION)?;
    if let Some(old) = stored_segmentation
        .as_ref()
        .filter(|old| **old != segmentation)
    {
        report.segmentation_changed = Some((old.clone(), segmentation.clone()));
    }
    let new_segmentation =
        (stored_segmentation.as_ref() != Some(&segmentation)).then_some(segmentation);
    let placed_now = memory.setting(crate::tm::UNPLACED)?.as_deref() == Some("1");
    let first = plan.first_state.take().map(|state| {
        let files = plan::PoFiles {
            catalogs: std::mem::take(&mut plan.catalogs),
            originals: std::mem::take(&mut plan.originals),
        };
        (state, files)
    });
    let restored = std::mem::take(&mut plan.restored);
    // Steps 3 to 5 run on this thread (`make_files`); step 6 starts beside them.
    let inputs = FileInputs {
        project,
        docs: &plan.docs,
        segments: &plan.segments,
        new_ids: &plan.new_ids,
        retired_now: &plan.retired_now,
        orphans: &plan.orphans,
        seen: &plan.seen,
        now,
    };
    // 6. Commit, the segment rows written beside steps 3 to 5 (`commit.rs`).
    let made = commit_while_making(
        project,
        memory,
        &plan.segments,
        &plan.changed,
        now,
        |states| {
            let read_state = |code: &str, new_file| states.read(code, new_file);
            let mut made = make_files(&inputs, (first, &read_state), restored, &mut report)?;
            if let Some(value) = new_segmentation {
                made.changes.settings.push((SEGMENTATION.into(), value));
            }
            if placed_now {
                made.changes
                    .settings
                    .push((crate::tm::UNPLACED.into(), "0".into()));
            }
            Ok(made)
        },
    )?;
    read.extend(move_into_place(project, memory, made, &mut report, now)?);
    // Freeing a big book's segments, documents and file texts takes tens
    // of milliseconds; a thread does it while the caller goes on (for the
    // CLI: prints its report and exits).
    let garbage = plan;
    // (If no thread can be started, the closure and the garbage are
    // dropped right here.)
    let _ = std::thread::Builder::new().spawn(move || drop(garbage));
    Ok((report, read))
}

/// Step 7, after the commit: the staged files moved into place. A file
/// someone saved meanwhile is kept as they saved it, and the memory's
/// record of what it exported set back to what it said as read. Returns
/// every PO file as the sync leaves it, with its digest.
fn move_into_place(
    project: &Project,
    memory: &mut Memory,
    made: MadeFiles,
    report: &mut SyncReport,
    now: i64,
) -> Result<ReadFiles> {
    let MadeFiles {
        changes: _,
        staged,
        changed,
        originals,
        mut as_read,
    } = made;
    let t = timings::phase(|| "move files into place".into());
    let kept = finish_pending(project, memory, &staged)?;
    drop(t);
    if !kept.is_empty() {
        let exported = kept
            .iter()
            .flat_map(|rel| as_read.remove(&project.root.join(rel)).unwrap_or_default())
            .collect();
        let fix = Changes {
            exported,
            ..Changes::default()
        };
        memory.apply(&fix, now)?;
    }
    let left = files_as_left(project, &changed, &originals, &kept, report);
    report.kept.extend(kept);
    Ok(left)
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
    /// PO files no chapter owns, and every state the memory held for the
    /// segments they name.
    orphans: &'a [orphans::Orphan],
    seen: &'a HashMap<(String, String), HashSet<Translation>>,
    /// When this sync runs (a verdict from a PO marker is dated by it).
    now: i64,
}

/// One locale's translations and suggestions while its translators' edits
/// are imported, with the comments and headers their files keep.
struct LocaleEdits<'a> {
    code: &'a str,
    /// This locale's chapter PO files as read, by (locale, chapter slug).
    catalogs: Catalogs,
    translations: HashMap<String, Translation>,
    suggestions: HashMap<String, Suggestion>,
    /// What each PO file said when last written, to tell edits from the memory's changes.
    exported: HashMap<String, Translation>,
    /// Time of each segment's latest revision (for files written the first time).
    revised: HashMap<String, String>,
    /// Where each chapter file's entries stood after the last sync.
    po_lines: HashMap<String, String>,
    /// Translator comments by segment id, kept when the file is rewritten.
    comments: HashMap<String, Vec<String>>,
    /// Each chapter file's header as read, by chapter slug.
    headers: HashMap<String, String>,
    /// Segments edited in two clones since merged, until settled.
    merge_conflicts: Vec<crate::tm::MergeConflict>,
    /// Reviewers' verdicts, shown in the entries whose text they were given on.
    reviews: HashMap<String, crate::tm::Review>,
}

impl<'a> LocaleEdits<'a> {
    /// The memory's state for `code`, with the translations of obsolete
    /// entries the memory had lost taken back (as PO imports).
    fn new(
        code: &'a str,
        catalogs: Catalogs,
        stored: StoredState,
        restored: Vec<(String, Translation)>,
        changes: &mut Changes,
    ) -> LocaleEdits<'a> {
        let mut locale = LocaleEdits {
            code,
            catalogs,
            translations: stored.translations,
            suggestions: stored.suggestions,
            exported: stored.exported,
            revised: stored.revised,
            po_lines: stored.po_lines,
            comments: HashMap::new(),
            headers: HashMap::new(),
            merge_conflicts: stored.merge_conflicts,
            reviews: stored.reviews,
        };
        for (id, t) in restored {
            locale.translations.insert(id.clone(), t.clone());
            changes
                .translations
                .push(TranslationChange::new(&id, code, t, Origin::PoImport));
        }
        locale
    }

    /// A change that becomes the current translation, with its suggestion.
    fn take(&mut self, change: &TranslationChange) {
        self.translations
            .insert(change.segment_id.clone(), change.translation.clone());
        match &change.suggestion {
            Some(s) => self
                .suggestions
                .insert(change.segment_id.clone(), s.clone()),
            None => self.suggestions.remove(&change.segment_id),
        };
    }
}

/// Step 3 for one locale's chapter files: translators' edits -> memory.
fn import_chapter_files(
    inputs: &FileInputs,
    locale: &mut LocaleEdits,
    changes: &mut Changes,
    report: &mut SyncReport,
) -> Result<()> {
    // Set aside while the locale's edits are taken from them.
    let catalogs = std::mem::take(&mut locale.catalogs);
    let imported = import_each_file(inputs, &catalogs, locale, changes, report);
    locale.catalogs = catalogs;
    imported
}

fn import_each_file(
    inputs: &FileInputs,
    catalogs: &Catalogs,
    locale: &mut LocaleEdits,
    changes: &mut Changes,
    report: &mut SyncReport,
) -> Result<()> {
    let (project, code) = (inputs.project, locale.code);
    for chapter in &project.chapters {
        let key = (code.to_string(), chapter.slug.clone());
        let Some((path, catalog)) = catalogs.get(&key) else {
            continue;
        };
        let display = project.display_path(path);
        let unsettled: HashMap<&str, &[String]> = locale
            .merge_conflicts
            .iter()
            .map(|c| (c.segment_id.as_str(), c.texts.as_slice()))
            .collect();
        let imported = import_catalog(
            catalog,
            code,
            (path, &display),
            inputs.segments,
            (&locale.exported, &unsettled),
            &mut locale.translations,
        )?;
        for change in imported.changes {
            if change.origin == Origin::PoImport {
                *report.imported.entry(code.to_string()).or_default() += 1;
            }
            if change.current {
                match &change.suggestion {
                    Some(s) => locale
                        .suggestions
                        .insert(change.segment_id.clone(), s.clone()),
                    None => locale.suggestions.remove(&change.segment_id),
                };
            }
            changes.translations.push(change);
        }
        report.conflicts.extend(imported.conflicts);
        report.cleared.extend(imported.cleared);
        report.obsolete_edits.extend(imported.obsolete_edits);
        locale
            .headers
            .insert(chapter.slug.clone(), catalog.header.clone());
        let taken = markers::take_verdicts(catalog, &display, locale, changes, report, inputs.now);
        for e in catalog
            .entries
            .iter()
            .filter(|e| !e.translator_comments.is_empty())
        {
            if let Some(id) = &e.msgctxt {
                let mut comments = e.translator_comments.clone();
                if taken.contains(id) {
                    comments.retain(|c| !markers::is_marker(c));
                }
                locale.comments.insert(id.clone(), comments);
            }
        }
    }
    Ok(())
}

/// Step 3 for one locale, after its files: each segment two clones edited
/// apart, and that no PO edit settled now, keeps the newest side's text as
/// fuzzy (a revision replacing both sides, whose texts stay in the
/// history) and is reported with both texts.
fn settle_merge_conflicts(
    inputs: &FileInputs,
    locale: &mut LocaleEdits,
    changes: &mut Changes,
    report: &mut SyncReport,
) {
    let code = locale.code;
    let settled: HashSet<&str> = changes
        .translations
        .iter()
        .filter(|c| c.current && c.locale == code)
        .map(|c| c.segment_id.as_str())
        .collect();
    let mut settling = Vec::new();
    for conflict in std::mem::take(&mut locale.merge_conflicts) {
        if settled.contains(conflict.segment_id.as_str()) {
            continue;
        }
        let chapter = crate::tm::journal::chapter_of(&conflict.segment_id);
        let file = inputs
            .project
            .chapters
            .iter()
            .find(|c| c.slug == chapter)
            .map(|c| {
                inputs
                    .project
                    .po_path(&code.parse().expect("a book locale"), c)
            });
        let line = file
            .as_ref()
            .and_then(|_| {
                locale
                    .catalogs
                    .get(&(code.to_string(), chapter.to_string()))
            })
            .and_then(|(_, catalog)| {
                catalog
                    .entries
                    .iter()
                    .find(|e| e.msgctxt.as_deref() == Some(&conflict.segment_id))
                    .map(|e| e.msgstr_line)
            })
            .unwrap_or(0);
        let kept = Translation {
            text: conflict.texts[0].clone(),
            status: crate::tm::Status::Fuzzy,
        };
        settling.push(TranslationChange::new(
            &conflict.segment_id,
            code,
            kept,
            Origin::MergeConflict,
        ));
        report.merge_conflicts.push((
            Conflict {
                file: file.map_or_else(|| chapter.to_string(), |f| inputs.project.display_path(&f)),
                line,
                segment: conflict.segment_id.clone(),
            },
            conflict.texts,
        ));
    }
    for change in settling {
        locale.take(&change);
        changes.translations.push(change);
    }
}

/// Step 3 for one locale's PO files of no chapter. Segments the chapter
/// files changed win over an orphan's text: collected only for a locale
/// that has orphans.
fn import_orphans(
    inputs: &FileInputs,
    locale: &mut LocaleEdits,
    changes: &mut Changes,
    report: &mut SyncReport,
) {
    let code = locale.code;
    let mut edited: Option<HashSet<String>> = None;
    for orphan in inputs.orphans.iter().filter(|o| o.locale == code) {
        let edited = edited.get_or_insert_with(|| {
            changes
                .translations
                .iter()
                .filter(|c| c.locale == code && c.origin == Origin::PoImport)
                .map(|c| c.segment_id.clone())
                .collect()
        });
        let imported = orphans::import(
            inputs.project,
            orphan,
            inputs.segments,
            inputs.seen,
            &mut locale.translations,
            edited,
        );
        for change in imported.changes {
            if change.current {
                *report.imported.entry(code.to_string()).or_default() += 1;
                locale.suggestions.remove(&change.segment_id);
            }
            changes.translations.push(change);
        }
        report.conflicts.extend(imported.conflicts);
        report.orphans.push(imported.report);
    }
}

/// Steps 3 to 5 of a sync: translators' edits -> memory, reuse of the
/// memory, memory -> PO text, staged beside the files it replaces. Returns
/// the memory changes that go with the staged files.
fn make_files(
    inputs: &FileInputs,
    (mut first, read_state): (Option<(StoredState, plan::PoFiles)>, ReadState),
    mut restored: HashMap<String, Vec<(String, Translation)>>,
    report: &mut SyncReport,
) -> Result<MadeFiles> {
    let project = inputs.project;
    let mut changes = Changes::default();
    let mut leverage = Leverage::new(
        inputs.segments,
        inputs.new_ids,
        inputs.retired_now,
        project.book.fuzzy_threshold,
        &project.book.source_language.to_string(),
    );
    let t = timings::phase(|| "group retired segments by chapter".into());
    let retired = retired_by_chapter(inputs.segments);
    drop(t);
    // Each locale's files are staged as soon as they are made, so that
    // one locale's texts are held at a time.
    let mut staging = Staging::new(project);
    let mut originals = HashMap::new();
    let mut as_read = HashMap::new();
    for lang in &project.book.locales {
        let code = lang.to_string();
        let (stored, files) = match first.take() {
            Some(first) => first,
            None => {
                let t = timings::phase(|| format!("{code}: read PO files"));
                let files = plan::read_po_files(project, std::slice::from_ref(lang), report)?;
                drop(t);
                let new_file = has_new_file(project, &files.catalogs, &code);
                (read_state(&code, new_file)?, files)
            }
        };
        originals.extend(files.originals);
        let restored = restored.remove(&code).unwrap_or_default();
        let mut locale = LocaleEdits::new(&code, files.catalogs, stored, restored, &mut changes);
        let t = timings::phase(|| format!("{code}: import PO edits"));
        import_chapter_files(inputs, &mut locale, &mut changes, report)?;
        import_orphans(inputs, &mut locale, &mut changes, report);
        settle_merge_conflicts(inputs, &mut locale, &mut changes, report);
        // From here on only the entries' states as read are needed, not
        // the parsed files (a third of a locale's peak at 1M words).
        let read_states = import::states_as_read(std::mem::take(&mut locale.catalogs));
        drop(t);
        let t = timings::phase(|| format!("{code}: leverage"));
        let suggested = leverage.suggest(&code, &locale.translations);
        drop(t);
        for change in suggested {
            if change.origin == Origin::ExactMatch {
                report.exact += 1;
            } else {
                report.fuzzy += 1;
            }
            locale.take(&change);
            changes.translations.push(change);
        }
        write_and_stage(
            inputs,
            (lang, &locale),
            &retired,
            &read_states,
            &mut staging,
            &originals,
            &mut changes,
            &mut as_read,
        )?;
    }
    fault("commit")?;
    let (staged, changed) = staging.finish();
    changes.pending = staged.clone();
    Ok(MadeFiles {
        changes,
        staged,
        changed,
        originals,
        as_read,
    })
}

/// Step 5 for one locale: its PO texts made a few chapters at a time on
/// every core, each batch staged and dropped (a locale's texts at 1M words
/// are tens of megabytes), with the exported states and PO lines they
/// change and, for each changed file, its entries as read.
#[allow(clippy::too_many_arguments)]
fn write_and_stage(
    inputs: &FileInputs,
    (lang, locale): (&unic_langid::LanguageIdentifier, &LocaleEdits),
    retired: &HashMap<&str, Vec<&StoredSegment>>,
    read_states: &HashMap<String, HashMap<String, Translation>>,
    staging: &mut Staging,
    originals: &HashMap<PathBuf, String>,
    changes: &mut Changes,
    as_read: &mut HashMap<PathBuf, Vec<(String, String, Translation)>>,
) -> Result<()> {
    let project = inputs.project;
    let code = locale.code;
    let batch = 4 * crate::parallel::cores();
    for first in (0..project.chapters.len()).step_by(batch) {
        let range = first..(first + batch).min(project.chapters.len());
        let t = timings::phase(|| format!("{code}: write PO text"));
        let mut outputs = Vec::with_capacity(range.len());
        for (file, chapter) in write::write_locale(inputs, lang, locale, retired, range.clone())
            .into_iter()
            .zip(&project.chapters[range])
        {
            if !file.exported.is_empty() {
                let read = read_states.get(&chapter.slug);
                as_read.insert(file.path.clone(), exported_as_read(read, &file.exported));
            }
            changes.exported.extend(file.exported);
            if locale.po_lines.get(&chapter.slug) != Some(&file.lines) {
                changes
                    .po_lines
                    .push((code.to_string(), chapter.slug.clone(), file.lines));
            }
            outputs.push((file.path, file.text));
        }
        drop(t);
        let t = timings::phase(|| format!("{code}: stage files"));
        staging.add(outputs, originals)?;
        drop(t);
    }
    Ok(())
}

/// Reads a locale's state from the memory (with whether some file of it is new).
type ReadState<'a> = &'a dyn Fn(&str, bool) -> Result<StoredState>;

/// Segments that left the source, by chapter, in the order their files list them.
fn retired_by_chapter(
    segments: &HashMap<String, StoredSegment>,
) -> HashMap<&str, Vec<&StoredSegment>> {
    let mut retired: HashMap<&str, Vec<&StoredSegment>> = HashMap::new();
    for s in segments.values().filter(|s| s.position.is_none()) {
        retired.entry(&s.chapter).or_default().push(s);
    }
    for list in retired.values_mut() {
        list.sort_by(|a, b| (a.line, &a.id).cmp(&(b.line, &b.id)));
    }
    retired
}
