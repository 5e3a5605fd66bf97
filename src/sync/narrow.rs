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

/// The chapter PO files that changed since the last sync, when nothing
/// else did.
pub(super) struct Scope {
    /// The locales with a changed file, in book order.
    locales: Vec<LanguageIdentifier>,
    /// The chapters with a changed file in some locale, in book order.
    chapters: Vec<Chapter>,
    /// The files that changed (relative to the project).
    changed: HashSet<String>,
}

/// The scope of a narrowed sync: the chapter PO files whose lines differ
/// between the fingerprint the last sync `recorded` and the one taken
/// `now`, if every differing line is such a file's, present in both.
pub(super) fn scope(project: &Project, recorded: &str, now: &str) -> Option<Scope> {
    let before: HashSet<&str> = recorded.lines().collect();
    let after: HashSet<&str> = now.lines().collect();
    let mut po_files = HashMap::new();
    for lang in &project.book.locales {
        for (i, chapter) in project.chapters.iter().enumerate() {
            let path = project.display_path(&project.po_path(lang, chapter));
            po_files.insert(path, (lang, i));
        }
    }
    let paths = |lines: &HashSet<&str>, others: &HashSet<&str>| -> Option<HashSet<String>> {
        lines
            .difference(others)
            .map(|line| {
                let (path, state) = line.split_once('\t')?;
                (state != "missing" && po_files.contains_key(path)).then(|| path.to_string())
            })
            .collect()
    };
    let changed = paths(&after, &before)?;
    if changed.is_empty() || paths(&before, &after)? != changed {
        return None;
    }
    let mut locales: Vec<LanguageIdentifier> = Vec::new();
    let mut chapters = Vec::new();
    for path in &changed {
        let (lang, chapter) = po_files[path];
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

/// Whether the fingerprints taken before and after a narrowed sync differ
/// only in the files it read and in the memory: a file outside its scope
/// saved meanwhile must not be taken as synced.
pub(super) fn only_scope_changed(
    project: &Project,
    scope: &Scope,
    before: &str,
    after: &str,
) -> bool {
    let memory = project.display_path(&project.tm_path());
    let (before, after): (HashSet<&str>, HashSet<&str>) =
        (before.lines().collect(), after.lines().collect());
    before.symmetric_difference(&after).all(|line| {
        let path = line.split_once('\t').map_or(*line, |(path, _)| path);
        path == memory || scope.changed.contains(path)
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
    if memory.setting(crate::tm::UNPLACED)?.as_deref() == Some("1") {
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
    let read_state = |code: &str, new_file| stored_state(memory, code, new_file, among);
    let made = make_files(&inputs, (None, &read_state), HashMap::new(), &mut report)?;
    let t = timings::phase(|| "look for exact matches beyond them".into());
    let lends = lends_beyond_scope(memory, &made.changes, &segments)?;
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

/// Whether a translation these changes make could be lent as an exact
/// match to a segment outside them with no translation in its locale: the
/// full sync would fill that segment, wherever it is. Only a segment
/// translated now that was not before can lend: the last sync lent the
/// others. (Within the scope, `make_files` lent them as the full sync does.)
fn lends_beyond_scope(
    memory: &Memory,
    changes: &Changes,
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
