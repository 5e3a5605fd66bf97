//! A sync of only the PO files that changed. When the last sync's stamp
//! shows that nothing but some chapters' PO files changed since (not the
//! source, not `book.toml`, not the memory, no file added or removed), a
//! full sync would read every file and the memory's whole state to import
//! the edits of those few, and rewrite the others as they are. This one
//! reads the memory's state for those chapters only and takes the same
//! steps (`make_files`) on their files, in every locale that changed.
//!
//! It gives way to the full sync whenever what it does could differ from
//! what the full sync does: an edit that makes a translation whose English
//! stands untranslated elsewhere (the full sync would fill that segment as
//! an exact match), an obsolete entry the memory does not know, a PO file
//! of no chapter, a memory not placed in the source yet.

use std::collections::{HashMap, HashSet};

use super::files::discard;
use super::plan::{obsolete_unknown, read_chapters, stored_state};
use super::{make_files, move_into_place, FileInputs, ReadFiles, SyncReport};
use crate::error::Result;
use crate::project::{Chapter, Project};
use crate::timings;
use crate::tm::{Among, Changes, Memory, Status, StoredSegment};
use unic_langid::LanguageIdentifier;

/// The chapters whose PO files or journal records changed since the last
/// sync, when nothing else did.
pub(super) struct Scope {
    /// The locales with a changed file, in book order.
    locales: Vec<LanguageIdentifier>,
    /// The chapters with a changed file in some locale, in book order.
    chapters: Vec<Chapter>,
    /// The files that changed (relative to the project).
    changed: HashSet<String>,
}

/// What a line of the fingerprint names, where a narrowed sync may follow it.
#[derive(Clone, Copy)]
enum Named<'a> {
    /// A chapter's PO file in a locale (by chapter index).
    PoFile(&'a LanguageIdentifier, usize),
    /// A chapter's revisions in a locale: a merge, a pull or another
    /// command recorded translations there.
    Revisions(&'a LanguageIdentifier, usize),
}

/// The book's chapter PO files and journal revision files, by the path a
/// fingerprint names them by.
struct ChapterFiles<'a> {
    project: &'a Project,
    po_files: HashMap<String, (&'a LanguageIdentifier, usize)>,
    /// The journal folder's path in a fingerprint, with a trailing `/`.
    journal: String,
}

impl<'a> ChapterFiles<'a> {
    fn of(project: &'a Project) -> ChapterFiles<'a> {
        let mut po_files = HashMap::new();
        for lang in &project.book.locales {
            for (i, chapter) in project.chapters.iter().enumerate() {
                po_files.insert(
                    project.display_path(&project.po_path(lang, chapter)),
                    (lang, i),
                );
            }
        }
        let tm = project.tm_path();
        let journal = project.display_path(tm.parent().unwrap_or(&project.root)) + "/";
        ChapterFiles {
            project,
            po_files,
            journal,
        }
    }

    /// What `path` is, if a narrowed sync may follow it.
    fn named(&self, path: &str) -> Option<Named<'a>> {
        if let Some(&(lang, i)) = self.po_files.get(path) {
            return Some(Named::PoFile(lang, i));
        }
        let rel = path.strip_prefix(&self.journal)?;
        let (locale, slug) = crate::tm::journal::revision_file_key(rel)?;
        let lang = self
            .project
            .book
            .locales
            .iter()
            .find(|l| l.to_string() == locale)?;
        let i = self.project.chapters.iter().position(|c| c.slug == slug)?;
        Some(Named::Revisions(lang, i))
    }
}

/// The scope of a narrowed sync, from the lines that differ between the
/// fingerprint the last sync `recorded` and the one taken `now`: each must
/// be a chapter's PO file present in both, a chapter's revision file
/// present now (a merge may add one), or the memory, which may differ only
/// with some revision file (the index took in what they record).
pub(super) fn scope(project: &Project, recorded: &str, now: &str) -> Option<Scope> {
    let before: HashSet<&str> = recorded.lines().collect();
    let after: HashSet<&str> = now.lines().collect();
    let (present_before, present_after) = (present(&before), present(&after));
    let files = ChapterFiles::of(project);
    let memory = project.display_path(&project.tm_path());
    let (mut memory_changed, mut revisions_changed) = (false, false);
    let mut changed = HashSet::new();
    let mut keys = Vec::new();
    for line in before.symmetric_difference(&after) {
        let (path, _) = line.split_once('\t')?;
        if !present_after.contains(path) {
            return None;
        }
        if path == memory {
            memory_changed = true;
            continue;
        }
        match files.named(path)? {
            Named::PoFile(lang, i) if present_before.contains(path) => keys.push((lang, i)),
            Named::PoFile(..) => return None,
            Named::Revisions(lang, i) => {
                revisions_changed = true;
                keys.push((lang, i));
            }
        }
        changed.insert(path.to_string());
    }
    if changed.is_empty() || (memory_changed && !revisions_changed) {
        return None;
    }
    let mut locales: Vec<LanguageIdentifier> = Vec::new();
    let mut chapters = Vec::new();
    for (lang, chapter) in keys {
        if !locales.contains(lang) {
            locales.push(lang.clone());
        }
        if !chapters.contains(&chapter) {
            chapters.push(chapter);
        }
    }
    locales.sort_by_key(|l| project.book.locales.iter().position(|b| b == l));
    chapters.sort_unstable();
    Some(Scope {
        locales,
        chapters: chapters
            .into_iter()
            .map(|i| project.chapters[i].clone())
            .collect(),
        changed,
    })
}

/// The files a fingerprint's lines name as present.
fn present<'a>(lines: &HashSet<&'a str>) -> HashSet<&'a str> {
    lines
        .iter()
        .filter_map(|l| l.split_once('\t'))
        .filter(|(_, state)| *state != "missing")
        .map(|(path, _)| path)
        .collect()
}

/// Whether the fingerprints taken before and after a narrowed sync differ
/// only in the files it read or wrote (its chapters' PO files and
/// revisions) and in the memory: a file outside its scope saved meanwhile
/// must not be taken as synced.
pub(super) fn only_scope_changed(
    project: &Project,
    scope: &Scope,
    before: &str,
    after: &str,
) -> bool {
    let memory = project.display_path(&project.tm_path());
    let files = ChapterFiles::of(project);
    let in_scope = |lang: &LanguageIdentifier, i: usize| {
        scope.locales.contains(lang)
            && scope
                .chapters
                .iter()
                .any(|c| c.slug == project.chapters[i].slug)
    };
    let (before, after): (HashSet<&str>, HashSet<&str>) =
        (before.lines().collect(), after.lines().collect());
    before.symmetric_difference(&after).all(|line| {
        let path = line.split_once('\t').map_or(*line, |(path, _)| path);
        path == memory
            || scope.changed.contains(path)
            || matches!(files.named(path), Some(Named::Revisions(lang, i)) if in_scope(lang, i))
    })
}

/// The sync of `scope`, or `None` when it must give way to the full sync
/// (then nothing was written).
pub(super) fn sync(
    project: &Project,
    memory: &mut Memory,
    now: i64,
    scope: &Scope,
) -> Result<Option<(SyncReport, ReadFiles)>> {
    let _whole = timings::phase(|| "sync of the PO files that changed".into());
    // Files a killed run left to move into place: the full sync finishes them.
    if memory.setting(crate::tm::UNPLACED)?.as_deref() == Some("1")
        || !memory.pending_files()?.is_empty()
    {
        return Ok(None);
    }
    let scoped = Project {
        chapters: scope.chapters.clone(),
        book: crate::project::Book {
            locales: scope.locales.clone(),
            ..project.book.clone()
        },
        ..project.clone()
    };
    let slugs: Vec<String> = scope.chapters.iter().map(|c| c.slug.clone()).collect();
    let among = Among::Chapters(&slugs);
    let mut report = SyncReport {
        narrowed_to: Some(super::Narrowed {
            locales: scope.locales.iter().map(|l| l.to_string()).collect(),
            chapters: slugs.clone(),
        }),
        ..SyncReport::default()
    };
    let t = timings::phase(|| "read and segment their chapters".into());
    let (docs, mut read): (Vec<_>, ReadFiles) = read_chapters(&scoped)?
        .into_iter()
        .zip(&scoped.chapters)
        .map(|((doc, digest), chapter)| (doc, (chapter.path.clone(), digest)))
        .unzip();
    drop(t);
    let t = timings::phase(|| "load their segments from memory".into());
    let segments = memory.segments_among(among)?;
    drop(t);
    let placed = docs.iter().flat_map(|d| d.segments()).all(|s| {
        segments
            .get(&s.id)
            .is_some_and(|row| row.position.is_some())
    });
    if !placed || !obsolete_unknown(&scoped, &scope.locales, &segments).is_empty() {
        return Ok(None);
    }
    let seen = HashMap::new();
    let inputs = FileInputs {
        project: &scoped,
        docs: &docs,
        segments: &segments,
        new_ids: &[],
        retired_now: &[],
        orphans: &[],
        seen: &seen,
        now,
    };
    // Translations the files do not hold yet (a merge or a pull brought
    // them into the memory) may lend too, as the full sync would let them.
    let arrived = std::sync::Mutex::new(Vec::new());
    let read_state = |code: &str, new_file| {
        let state = stored_state(memory, code, new_file, among)?;
        arrived
            .lock()
            .expect("no panic holds it")
            .extend(not_yet_exported(code, &state));
        Ok(state)
    };
    let made = make_files(&inputs, (None, &read_state), HashMap::new(), &mut report)?;
    let t = timings::phase(|| "look for exact matches beyond them".into());
    let arrived = arrived.into_inner().expect("no panic holds it");
    let lends = lends_beyond_scope(memory, (&made.changes, &arrived), &segments)?;
    drop(t);
    if lends {
        discard(project, &made.staged);
        return Ok(None);
    }
    let t = timings::phase(|| "commit".into());
    if let Err(e) = memory.apply(&made.changes, now) {
        discard(project, &made.staged);
        return Err(e);
    }
    drop(t);
    read.extend(move_into_place(project, memory, made, &mut report, now)?);
    Ok(Some((report, read)))
}

/// The (segment, locale) of each translation in `state` that its PO file
/// was not last written with: the last sync did not lend it.
fn not_yet_exported(code: &str, state: &super::plan::StoredState) -> Vec<(String, String)> {
    state
        .translations
        .iter()
        .filter(|(id, t)| {
            t.status == Status::Translated
                && !t.text.is_empty()
                && state.exported.get(*id) != Some(*t)
        })
        .map(|(id, _)| (id.clone(), code.to_string()))
        .collect()
}

/// Whether a translation these changes make, or one that `arrived` in the
/// memory since the last sync, could be lent as an exact match to a
/// segment outside them with no translation in its locale: the full sync
/// would fill that segment, wherever it is. Only a segment translated now
/// that was not before can lend: the last sync lent the others. (Within
/// the scope, `make_files` lent them as the full sync does.)
fn lends_beyond_scope(
    memory: &Memory,
    (changes, arrived): (&Changes, &[(String, String)]),
    segments: &HashMap<String, StoredSegment>,
) -> Result<bool> {
    let changed: HashSet<(&str, &str)> = changes
        .translations
        .iter()
        .map(|c| (c.segment_id.as_str(), c.locale.as_str()))
        .collect();
    let mut lenders: HashMap<&str, HashSet<&str>> = HashMap::new();
    for change in changes.translations.iter().filter(|c| {
        c.current && c.translation.status == Status::Translated && !c.translation.text.is_empty()
    }) {
        if memory.is_translated(&change.segment_id, &change.locale)? {
            continue;
        }
        if let Some(segment) = segments.get(&change.segment_id) {
            lenders
                .entry(segment.source.as_str())
                .or_default()
                .insert(change.locale.as_str());
        }
    }
    for (id, locale) in arrived {
        if let Some(segment) = segments.get(id) {
            lenders
                .entry(segment.source.as_str())
                .or_default()
                .insert(locale.as_str());
        }
    }
    if lenders.is_empty() {
        return Ok(false);
    }
    let sources = lenders.keys().copied().collect();
    for (id, source) in memory.current_with_source(&sources)? {
        for locale in &lenders[source.as_str()] {
            if !changed.contains(&(id.as_str(), *locale)) && !memory.has_translation(&id, locale)? {
                return Ok(true);
            }
        }
    }
    Ok(false)
}
