//! Step 3 of a sync: a translator's PO file against the memory. An entry
//! that differs from what tercuman last wrote is an edit; one the memory
//! also changed since is a conflict (both kept); an emptied msgstr is
//! cleared and named; an edited obsolete entry is kept in the history and
//! named. A file in the wrong language, an unknown id or an edited msgid
//! stops the sync with its file and line.

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::formats::po;
use crate::tm::{Origin, Status, StoredSegment, Suggestion, Translation, TranslationChange};

use super::Conflict;

/// Whether two texts are the same once both are in Unicode's composed form (NFC).
pub(super) fn same_text(a: &str, b: &str) -> bool {
    use unicode_normalization::UnicodeNormalization as _;
    a.nfc().eq(b.nfc())
}

pub(super) fn nfc(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    text.nfc().collect()
}

/// The translation state a PO entry expresses.
pub(super) fn entry_state(e: &po::Entry) -> Translation {
    Translation {
        text: e.msgstr.clone(),
        status: entry_status(e),
    }
}

pub(super) fn entry_status(e: &po::Entry) -> Status {
    if e.msgstr.is_empty() {
        Status::Untranslated
    } else if e.fuzzy {
        Status::Fuzzy
    } else {
        Status::Translated
    }
}

/// What one PO file brought in.
pub(super) struct Imported {
    pub changes: Vec<TranslationChange>,
    pub conflicts: Vec<Conflict>,
    /// Translations a translator emptied (the old text stays in the history).
    pub cleared: Vec<Conflict>,
    /// Edits to obsolete (`#~`) entries: kept in the history, not applied.
    pub obsolete_edits: Vec<Conflict>,
}

/// Checks a parsed PO file against the memory and returns the translator's
/// edits in it: entries that differ from what tercuman last wrote. Any
/// unknown or altered segment is an error, and then nothing is imported.
/// An edit to a segment the memory also changed since the file was written
/// is a conflict: the translator's version goes into the history, the
/// memory's stays current but becomes fuzzy, and the conflict is reported.
/// A segment two clones edited apart (`unsettled`, with each side's text)
/// takes a translator's new text as what settles it, with no conflict; a
/// file that holds one side's text (as a merge left it) settles nothing,
/// since which side a merge leaves depends on the order of merges.
pub(super) fn import_catalog(
    catalog: &po::Catalog,
    locale: &str,
    (path, display): (&std::path::Path, &str),
    segments: &HashMap<String, StoredSegment>,
    (exported, unsettled): (&HashMap<String, Translation>, &HashMap<&str, &[String]>),
    translations: &mut HashMap<String, Translation>,
) -> Result<Imported> {
    let mut imported = Imported {
        changes: Vec::new(),
        conflicts: Vec::new(),
        cleared: Vec::new(),
        obsolete_edits: Vec::new(),
    };
    let at = |line: usize, segment: &str| Conflict {
        file: display.to_string(),
        line,
        segment: segment.to_string(),
    };
    for e in catalog.entries.iter().filter(|e| e.obsolete) {
        // Read-only: the English left the source, so an edit applies to
        // nothing; it is kept in the history and reported.
        let Some(id) = e.msgctxt.as_ref() else {
            continue;
        };
        let retired = segments.get(id).is_some_and(|s| s.position.is_none());
        let state = entry_state(e);
        if retired && exported.get(id).is_some_and(|last| *last != state) && !state.text.is_empty()
        {
            let mut kept = TranslationChange::new(id, locale, state, Origin::PoConflict);
            kept.current = false;
            imported.changes.push(kept);
            imported.obsolete_edits.push(at(e.msgstr_line, id));
        }
    }
    for e in catalog.entries.iter().filter(|e| !e.obsolete) {
        let (id, state) = checked_entry(e, segments, path)?;
        if unsettled
            .get(id.as_str())
            .is_some_and(|sides| sides.contains(&state.text))
        {
            continue;
        }
        let last_written = exported.get(id).unwrap_or(&crate::tm::UNTRANSLATED);
        if *last_written == state {
            continue; // unchanged since tercuman wrote it
        }
        let current = translations
            .get(id)
            .cloned()
            .unwrap_or_else(Translation::untranslated);
        if current == state {
            continue;
        }
        let memory_changed = *last_written != current
            && !current.text.is_empty()
            && !unsettled.contains_key(id.as_str());
        if memory_changed {
            let mut theirs = TranslationChange::new(id, locale, state, Origin::PoConflict);
            theirs.current = false;
            imported.changes.push(theirs);
            let kept = Translation {
                text: current.text.clone(),
                status: Status::Fuzzy,
            };
            imported.changes.push(TranslationChange::new(
                id,
                locale,
                kept.clone(),
                Origin::ConflictKept,
            ));
            translations.insert(id.clone(), kept);
            imported.conflicts.push(at(e.msgstr_line, id));
        } else {
            if state.text.is_empty() && !current.text.is_empty() {
                imported.cleared.push(at(e.msgstr_line, id));
            }
            let mut change = TranslationChange::new(id, locale, state.clone(), Origin::PoImport);
            change.suggestion = fuzzy_context(e);
            imported.changes.push(change);
            translations.insert(id.clone(), state);
        }
    }
    Ok(imported)
}

/// An entry's segment id and state, checked against the memory: it must
/// name a known segment and carry its English unchanged (in any Unicode
/// normalization form).
fn checked_entry<'a>(
    e: &'a po::Entry,
    segments: &HashMap<String, StoredSegment>,
    path: &std::path::Path,
) -> Result<(&'a String, Translation)> {
    let id = e
        .msgctxt
        .as_ref()
        .ok_or_else(|| Error::parse(path, e.line, crate::said!("sync-entry-has-msgctxt-so")))?;
    let seg = segments.get(id).ok_or_else(|| {
        Error::parse(
            path,
            e.line,
            crate::said!("sync-unknown-segment", "id" => id),
        )
    })?;
    let mut state = entry_state(e);
    if seg.source != e.msgid {
        // An editor that saves in another Unicode normalization form
        // (macOS tools may write NFD) changed nothing a reader sees.
        if !same_text(&seg.source, &e.msgid) {
            return Err(Error::parse(
                path,
                e.line,
                crate::said!("sync-msgid-edited", "id" => id),
            ));
        }
        state.text = nfc(&state.text);
    }
    Ok((id, state))
}

/// Where a fuzzy entry's suggestion came from, as tercuman wrote it (`#|
/// msgid` and its `#. tercuman:` comment): read back so that a memory
/// rebuilt from the PO files, or a translator's fuzzy edit, keeps it.
fn fuzzy_context(e: &po::Entry) -> Option<Suggestion> {
    if !e.fuzzy || e.msgstr.is_empty() {
        return None;
    }
    let comment = e
        .extracted_comments
        .iter()
        .find_map(|c| c.strip_prefix("tercuman: "));
    if comment.is_none() && e.previous_msgid.is_none() {
        return None;
    }
    let (score, from) = match comment {
        Some(c) => match c.split_once("% match") {
            Some((score, rest)) => (
                score.parse().ok(),
                rest.rsplit_once(" from ").map(|(_, f)| f.to_string()),
            ),
            None => (None, c.strip_prefix("suggested from ").map(str::to_string)),
        },
        None => (None, None),
    };
    Some(Suggestion {
        previous_source: e.previous_msgid.clone().unwrap_or_else(|| e.msgid.clone()),
        score,
        from: from.unwrap_or_default(),
    })
}

/// Each chapter file's entries (by segment id) as a locale's files were
/// read, which is all a sync needs of them once their edits are imported.
pub(super) fn states_as_read(
    catalogs: super::plan::Catalogs,
) -> HashMap<String, HashMap<String, Translation>> {
    catalogs
        .into_iter()
        .map(|((_, slug), (_, catalog))| {
            let states = catalog
                .entries
                .into_iter()
                .filter(|e| !e.obsolete)
                .filter_map(|e| {
                    let state = entry_state(&e);
                    Some((e.msgctxt?, state))
                })
                .collect();
            (slug, states)
        })
        .collect()
}
