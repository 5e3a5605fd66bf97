//! PO files in `locales/<lang>/` that belong to no chapter: a file a
//! translator renamed (`intro.po`), a copy, or the old file of a chapter the
//! author renamed. tercuman never writes them, but it never ignores them
//! either: their entries are imported where their ids name a segment, and
//! each file is reported with its path.
//!
//! Such a file has no record of what tercuman last wrote into it, so a
//! translation in it counts as an edit only if the memory has never held it
//! (neither now nor in any revision): a stale copy cannot undo newer work,
//! and a blank msgstr never erases anything.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crate::error::Result;
use crate::formats::po;
use crate::project::Project;
use crate::tm::{Memory, Origin, StoredSegment, Translation, TranslationChange};

use super::{entry_state, Conflict};

/// A PO file no chapter owns, read and parsed.
pub(super) struct Orphan {
    pub locale: String,
    pub path: PathBuf,
    pub text: String,
    pub catalog: po::Catalog,
}

/// What a sync did with one such file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrphanFile {
    /// Relative to the project root.
    pub file: String,
    /// Translations taken from it.
    pub imported: usize,
    /// Entries whose id names no segment, or whose msgid is not that segment's English.
    pub unmatched: usize,
}

/// The `.po` files of each locale directory that no chapter owns, sorted.
fn find(project: &Project) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for lang in &project.book.locales {
        let owned: HashSet<PathBuf> = project
            .chapters
            .iter()
            .map(|c| project.po_path(lang, c))
            .collect();
        let Ok(entries) = std::fs::read_dir(project.locale_dir(lang)) else {
            continue;
        };
        let mut found: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.extension().is_some_and(|x| x == "po")
                    && !p
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                    && p.is_file()
                    && !owned.contains(p)
            })
            .collect();
        found.sort();
        out.extend(found.into_iter().map(|p| (lang.to_string(), p)));
    }
    out
}

/// Reads every PO file no chapter owns. One that cannot be read stops the
/// sync with its file and line, like any other PO file.
pub(super) fn read(project: &Project) -> Result<Vec<Orphan>> {
    let files = find(project);
    crate::parallel::map(&files, |(locale, path)| {
        super::plan::refuse_symlink_out(project, path)?;
        let text = po::read(path)?;
        let catalog = po::parse(&text, path)?;
        po::check_language(&text, &catalog, locale, path)?;
        Ok(Orphan {
            locale: locale.clone(),
            path: path.clone(),
            text,
            catalog,
        })
    })
    .into_iter()
    .collect()
}

/// The entries of an orphan that can be imported: a known segment, its
/// English unchanged, a non-empty translation.
fn importable<'o>(
    orphan: &'o Orphan,
    segments: &'o HashMap<String, StoredSegment>,
) -> impl Iterator<Item = (&'o String, &'o po::Entry)> + 'o {
    orphan.catalog.entries.iter().filter_map(move |e| {
        let id = e.msgctxt.as_ref()?;
        let seg = segments.get(id)?;
        (seg.source == e.msgid && !e.msgstr.is_empty()).then_some((id, e))
    })
}

/// Every state the memory ever held for the segments the orphans name, by
/// (locale, segment id).
pub(super) fn states_seen(
    memory: &Memory,
    orphans: &[Orphan],
    segments: &HashMap<String, StoredSegment>,
) -> Result<HashMap<(String, String), HashSet<Translation>>> {
    let mut seen: HashMap<(String, String), HashSet<Translation>> = HashMap::new();
    for orphan in orphans {
        for (id, _) in importable(orphan, segments) {
            let key = (orphan.locale.clone(), id.clone());
            if let std::collections::hash_map::Entry::Vacant(slot) = seen.entry(key) {
                let states = memory.states_seen(id, &orphan.locale)?;
                slot.insert(states.into_iter().collect());
            }
        }
    }
    Ok(seen)
}

/// What one orphan brought in.
pub(super) struct Imported {
    pub changes: Vec<TranslationChange>,
    pub conflicts: Vec<Conflict>,
    pub report: OrphanFile,
}

/// Takes the translations of `orphan` that the memory has never held.
/// `edited` are the segments a chapter's own file changed in this sync:
/// there the chapter file wins, and the orphan's text goes into the history
/// as a conflict.
pub(super) fn import(
    project: &Project,
    orphan: &Orphan,
    segments: &HashMap<String, StoredSegment>,
    seen: &HashMap<(String, String), HashSet<Translation>>,
    translations: &mut HashMap<String, Translation>,
    edited: &HashSet<String>,
) -> Imported {
    let display = project.display_path(&orphan.path);
    let matched = importable(orphan, segments).count();
    let active = orphan
        .catalog
        .entries
        .iter()
        .filter(|e| !e.msgstr.is_empty());
    let mut out = Imported {
        changes: Vec::new(),
        conflicts: Vec::new(),
        report: OrphanFile {
            file: display.clone(),
            imported: 0,
            unmatched: active.count() - matched,
        },
    };
    // Current segments by English, built only if an edit lands on a
    // segment that left the source (the old file of a renamed chapter).
    let mut current_by_source: Option<HashMap<&str, Vec<&str>>> = None;
    for (id, e) in importable(orphan, segments) {
        let state = entry_state(e);
        let key = (orphan.locale.clone(), id.clone());
        let known = seen.get(&key).is_some_and(|s| s.contains(&state))
            || translations.get(id) == Some(&state);
        if known {
            continue;
        }
        let mut change =
            TranslationChange::new(id, &orphan.locale, state.clone(), Origin::PoImport);
        if edited.contains(id) {
            change.origin = Origin::PoConflict;
            change.current = false;
            out.conflicts.push(Conflict {
                file: display.clone(),
                line: e.msgstr_line,
                segment: id.clone(),
            });
        } else {
            let before = translations.insert(id.clone(), state.clone());
            out.report.imported += 1;
            if segments[id].position.is_none() {
                let index = current_by_source.get_or_insert_with(|| current_index(segments));
                let followers = follow_to_current(
                    &segments[id].source,
                    before.as_ref(),
                    &state,
                    index,
                    translations,
                    edited,
                );
                for twin in followers {
                    out.changes.push(TranslationChange::new(
                        twin,
                        &orphan.locale,
                        state.clone(),
                        Origin::PoImport,
                    ));
                }
            }
        }
        out.changes.push(change);
    }
    out
}

fn current_index(segments: &HashMap<String, StoredSegment>) -> HashMap<&str, Vec<&str>> {
    let mut index: HashMap<&str, Vec<&str>> = HashMap::new();
    for s in segments.values().filter(|s| s.position.is_some()) {
        index
            .entry(s.source.as_str())
            .or_default()
            .push(s.id.as_str());
    }
    index
}

/// An edit to a segment that left the source reaches the current segments
/// with the same English that still hold what it held before (its
/// translation reused when the chapter was renamed), or nothing: the old
/// file of a renamed chapter keeps working for the translator who has it
/// open. Returns the segments updated in `translations`.
fn follow_to_current<'s>(
    source: &str,
    before: Option<&Translation>,
    state: &Translation,
    index: &HashMap<&str, Vec<&'s str>>,
    translations: &mut HashMap<String, Translation>,
    edited: &HashSet<String>,
) -> Vec<&'s str> {
    let mut updated = Vec::new();
    for &twin in index.get(source).into_iter().flatten() {
        let current = translations.get(twin);
        let follows = current.is_none_or(|t| t.text.is_empty()) || current == before;
        if follows && !edited.contains(twin) && current != Some(state) {
            translations.insert(twin.to_string(), state.clone());
            updated.push(twin);
        }
    }
    updated
}
