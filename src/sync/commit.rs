//! Step 6 of a sync, and what follows it. The segment rows, the bulk of a
//! first sync's writing, go into an open transaction on a thread of their
//! own while the PO files are made; then the changed files are staged, the
//! rest of the changes are committed with the list of staged files, and
//! the files are moved into place. Killed before the commit, nothing has
//! changed; killed after it, the next run finishes the moves
//! ([`super::recover`]). An error before the commit rolls the transaction
//! back.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::mpsc::{Sender, TryRecvError};

use super::files::{discard, fault};
use super::plan::{stored_state, StoredState};
use super::{MadeFiles, ReadFiles, SyncReport};
use crate::error::{Error, Result};
use crate::project::Project;
use crate::tm::{Among, Changes, Memory, StoredSegment, Translation};

/// What the thread that writes the memory is asked while the files are
/// made: one locale's state (with whether some file of it is new), or
/// the rest of the changes to commit (none: roll back).
enum ToWriter {
    State(String, bool, Sender<Result<StoredState>>),
    Commit(Option<Changes>),
}

/// Reads a locale's state from the memory while its thread writes it.
pub(super) struct StateReader<'a>(&'a Sender<ToWriter>);

impl StateReader<'_> {
    /// The memory's state for `code`, as it was before this sync.
    pub(super) fn read(&self, code: &str, new_file: bool) -> Result<StoredState> {
        let (reply, answer) = std::sync::mpsc::channel();
        let stopped = || Error::Other(crate::said!("sync-stopped-before-commit"));
        self.0
            .send(ToWriter::State(code.to_string(), new_file, reply))
            .map_err(|_| stopped())?;
        answer.recv().map_err(|_| stopped())?
    }
}

/// Runs `make` (which makes and stages the PO files) on this thread while
/// the `changed` segment rows are written beside it, then commits what
/// `make` returned. `make` reads the locales' states from the memory
/// through the writing thread, one at a time, so that a big book's
/// locales are not all held at once. Returns what `make` made, holding
/// the changes as committed.
pub(super) fn commit_while_making(
    project: &Project,
    memory: &mut Memory,
    segments: &HashMap<String, StoredSegment>,
    changed: &[String],
    now: i64,
    make: impl FnOnce(&StateReader) -> Result<MadeFiles>,
) -> Result<MadeFiles> {
    let (send_rest, rest) = std::sync::mpsc::channel::<ToWriter>();
    let (made, written) = std::thread::scope(|scope| {
        // Owned here, so that a panic while making the files drops it and
        // the writer, seeing the channel closed, rolls back instead of
        // waiting forever.
        let send_rest = send_rest;
        let writer = scope.spawn(move || {
            let changed_rows: Vec<&StoredSegment> =
                changed.iter().filter_map(|id| segments.get(id)).collect();
            // A locale's state is read as soon as it is asked for, between
            // batches of segment rows: making the files never waits for them.
            memory.apply_staged(&changed_rows, now, |memory, wait| {
                let message = if wait {
                    rest.recv().ok()
                } else {
                    match rest.try_recv() {
                        Ok(message) => Some(message),
                        Err(TryRecvError::Empty) => return Ok(None),
                        Err(TryRecvError::Disconnected) => None,
                    }
                };
                match message {
                    Some(ToWriter::State(code, new_file, reply)) => {
                        let state = fault(&format!("state:{code}"))
                            .and_then(|()| stored_state(memory, &code, new_file, Among::All));
                        let _ = reply.send(state);
                        Ok(None)
                    }
                    Some(ToWriter::Commit(Some(changes))) => Ok(Some(changes)),
                    Some(ToWriter::Commit(None)) | None => {
                        Err(Error::Other(crate::said!("sync-stopped-before-commit")))
                    }
                }
            })
        });
        let made = match make(&StateReader(&send_rest)) {
            Ok(mut made) => {
                let changes = std::mem::take(&mut made.changes);
                let _ = send_rest.send(ToWriter::Commit(Some(changes)));
                Ok(made)
            }
            Err(e) => {
                let _ = send_rest.send(ToWriter::Commit(None));
                Err(e)
            }
        };
        let written = writer
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (made, written)
    });
    let made = made?;
    match written {
        Ok(changes) => Ok(MadeFiles { changes, ..made }),
        Err(e) => {
            discard(project, &made.staged);
            Err(e)
        }
    }
}

/// What a PO file said, as the sync read it, of the entries whose exported
/// states it changes (`exported`; untranslated where it had no such
/// entry, or did not exist): set back if the file is kept because someone
/// saved it during the sync, so that the next sync tells the edits made
/// in it from the memory's own changes.
pub(super) fn exported_as_read(
    as_read: Option<&HashMap<String, Translation>>,
    exported: &[(String, String, Translation)],
) -> Vec<(String, String, Translation)> {
    exported
        .iter()
        .map(|(locale, id, _)| {
            let state = as_read
                .and_then(|states| states.get(id))
                .cloned()
                .unwrap_or_else(Translation::untranslated);
            (locale.clone(), id.clone(), state)
        })
        .collect()
}

/// Every file the sync leaves as it read or wrote it, with its digest:
/// the files it rewrote (but those kept because someone saved them) and
/// the ones it left alone. Rewritten files are named in the report.
pub(super) fn files_as_left(
    project: &Project,
    changed: &[(PathBuf, String)],
    originals: &HashMap<PathBuf, String>,
    kept: &[String],
    report: &mut SyncReport,
) -> ReadFiles {
    let mut read = Vec::new();
    let rewritten: HashSet<&PathBuf> = changed.iter().map(|(path, _)| path).collect();
    for (path, written) in changed {
        let display = project.display_path(path);
        if !kept.contains(&display) {
            read.push((path.clone(), written.clone()));
            report.written.push(display);
        }
    }
    for (path, as_read) in originals
        .iter()
        .filter(|(path, _)| !rewritten.contains(path))
    {
        read.push((path.clone(), as_read.clone()));
    }
    read
}
