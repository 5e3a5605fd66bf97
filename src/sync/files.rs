//! A sync's file moves: staging the rewritten PO files beside their targets,
//! moving them into place after the memory commits, and never over a file
//! that changed after the sync read it.
//!
//! A translator's editor can save at any moment, also while a sync runs.
//! Every staged file carries a digest of the target as the sync read it (or
//! "absent"); just before the rename the target is compared with it, and a
//! target that changed is left alone: the translator's file stays, the staged
//! one is removed, and the sync reports it so that the next run imports it.
//! The sync then sets the exported states of that file's entries back to
//! what it read (see `exported_as_read`). A run killed between the commit
//! and that fix-up still keeps the translator's file, and the next run
//! imports it; only a memory-side change to the same file made by that
//! sync (a TMX import) could then be overridden by the file's older text,
//! which stays in the history.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::project::Project;
use crate::tm::{Memory, PendingFile};

/// What a file held when a sync read it: its length and CRC-32, `absent`
/// when there was no file. Stored with each pending file, so that a run
/// finishing an interrupted sync's moves can tell too.
pub(super) fn digest(content: Option<&[u8]>) -> String {
    match content {
        Some(bytes) => format!("{}:{:08x}", bytes.len(), crc32fast::hash(bytes)),
        None => ABSENT.to_string(),
    }
}

const ABSENT: &str = "absent";

/// Whether `path` still holds what a sync read (`expected`, from [`digest`]).
/// An empty `expected` (a pending file recorded before digests existed)
/// always matches.
pub(super) fn still_as_read(path: &Path, expected: &str) -> bool {
    if expected.is_empty() {
        return true;
    }
    match std::fs::read(path) {
        Ok(bytes) => digest(Some(&bytes)) == expected,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => expected == ABSENT,
        Err(_) => false,
    }
}

/// A failure injected by the tests (`TERCUMAN_FAIL_AT=<point>`), to prove
/// that a sync failing at any step leaves the memory and the files alone.
/// `TERCUMAN_FAIL_AT=panic:<point>` panics there instead, to prove that a
/// bug never leaves a sync hanging or half-written.
pub(super) fn fault(point: &str) -> Result<()> {
    pause(point);
    match std::env::var("TERCUMAN_FAIL_AT") {
        Ok(p) if p == point => Err(Error::Other(format!("injected failure at {point}").into())),
        Ok(p) if p.strip_prefix("panic:") == Some(point) => panic!("injected panic at {point}"),
        _ => Ok(()),
    }
}

/// A pause injected by the tests (`TERCUMAN_PAUSE_AT=<point>` with
/// `TERCUMAN_PAUSE_MARKER=<file>`), to reproduce a race deterministically:
/// at `point` the sync creates the marker and waits (at most a minute)
/// until the test has removed it.
pub(super) fn pause(point: &str) {
    if std::env::var("TERCUMAN_PAUSE_AT").ok().as_deref() != Some(point) {
        return;
    }
    let Some(marker) = std::env::var_os("TERCUMAN_PAUSE_MARKER").map(PathBuf::from) else {
        return;
    };
    if std::fs::write(&marker, point).is_err() {
        return;
    }
    let started = std::time::Instant::now();
    while marker.exists() && started.elapsed() < std::time::Duration::from_secs(60) {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// Writes each changed file beside its target under a temporary name.
/// `original` gives the digest of what each target held when it was read;
/// `first` is how many files this sync staged before (the test's fault
/// points count them all).
pub(super) fn stage(
    project: &Project,
    files: &[(PathBuf, String)],
    first: usize,
    original: impl Fn(&Path) -> Option<String> + Sync,
) -> Result<Vec<PendingFile>> {
    let numbered: Vec<(usize, &(PathBuf, String))> = files
        .iter()
        .enumerate()
        .map(|(n, f)| (first + n, f))
        .collect();
    // Written on every core; if any fails, every one written is removed.
    let written = crate::parallel::map(&numbered, |&(n, (path, text))| {
        let tmp = path.with_file_name(format!(
            ".{}.tercuman-tmp",
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        let result = fault(&format!("stage:{n}")).and_then(|()| {
            if let Some(dir) = tmp.parent() {
                std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            }
            std::fs::write(&tmp, text.as_bytes()).map_err(|e| Error::io(&tmp, e))
        });
        let file = PendingFile {
            target: project.display_path(path),
            temporary: project.display_path(&tmp),
            original: original(path).unwrap_or_else(|| digest(None)),
        };
        (file, result)
    });
    let mut staged = Vec::with_capacity(written.len());
    let mut first_error = None;
    for (file, result) in written {
        match result {
            Ok(()) => staged.push(file),
            Err(e) => {
                let _ = std::fs::remove_file(project.root.join(&file.temporary));
                first_error.get_or_insert(e);
            }
        }
    }
    match first_error {
        Some(e) => {
            discard(project, &staged);
            Err(e)
        }
        None => Ok(staged),
    }
}

/// Removes staged files that will not be moved into place.
pub(super) fn discard(project: &Project, staged: &[PendingFile]) {
    for file in staged {
        let _ = std::fs::remove_file(project.root.join(&file.temporary));
    }
}

/// Moves staged files into place and forgets them. A target that changed
/// since the sync read it is kept as it is and its staged file removed;
/// those targets are returned (relative to the project).
pub(super) fn finish_pending(
    project: &Project,
    memory: &mut Memory,
    staged: &[PendingFile],
) -> Result<Vec<String>> {
    let mut kept = Vec::new();
    for (n, file) in staged.iter().enumerate() {
        fault(&format!("rename:{n}"))?;
        let (target, tmp) = (
            project.root.join(&file.target),
            project.root.join(&file.temporary),
        );
        if !tmp.exists() {
            continue;
        }
        if !still_as_read(&target, &file.original) {
            let _ = std::fs::remove_file(&tmp);
            kept.push(file.target.clone());
            continue;
        }
        std::fs::rename(&tmp, &target).map_err(|e| Error::io(&target, e))?;
    }
    if !staged.is_empty() {
        memory.clear_pending()?;
    }
    Ok(kept)
}

/// Finishes the file moves of a sync that was interrupted after its commit,
/// and removes staged files of one interrupted before it. Returns the
/// targets kept because they changed after that sync read them.
pub fn recover(project: &Project, memory: &mut Memory) -> Result<Vec<String>> {
    let pending = memory.pending_files()?;
    let known: std::collections::HashSet<&str> =
        pending.iter().map(|f| f.temporary.as_str()).collect();
    let locales = project.root.join("locales");
    if let Ok(dirs) = std::fs::read_dir(&locales) {
        for dir in dirs.flatten() {
            let Ok(files) = std::fs::read_dir(dir.path()) else {
                continue;
            };
            for f in files.flatten() {
                let name = f.file_name().to_string_lossy().into_owned();
                if name.starts_with('.')
                    && name.ends_with(".tercuman-tmp")
                    && !known.contains(project.display_path(&f.path()).as_str())
                {
                    let _ = std::fs::remove_file(f.path());
                }
            }
        }
    }
    finish_pending(project, memory, &pending)
}

/// The PO files a sync has staged so far: every one is removed again
/// unless the sync gets as far as its commit (an error or a panic in a
/// later locale drops it unfinished).
pub(super) struct Staging<'a> {
    project: &'a Project,
    staged: Vec<PendingFile>,
    /// The staged files, each with a digest of the text it will hold.
    changed: Vec<(PathBuf, String)>,
    finished: bool,
}

impl<'a> Staging<'a> {
    pub(super) fn new(project: &'a Project) -> Staging<'a> {
        Staging {
            project,
            staged: Vec::new(),
            changed: Vec::new(),
            finished: false,
        }
    }

    /// Stages the files of `outputs` whose text changes beside the files
    /// they replace; the texts are dropped once written.
    pub(super) fn add(
        &mut self,
        outputs: Vec<(PathBuf, String)>,
        originals: &HashMap<PathBuf, String>,
    ) -> Result<()> {
        let changed: Vec<(PathBuf, String)> = crate::parallel::map(&outputs, |(path, text)| {
            !unchanged(path, text, originals.get(path))
        })
        .into_iter()
        .zip(outputs)
        .filter_map(|(changes, output)| changes.then_some(output))
        .collect();
        let staged = stage(self.project, &changed, self.staged.len(), |path| {
            originals.get(path).cloned()
        })?;
        self.staged.extend(staged);
        self.changed.extend(
            changed
                .into_iter()
                .map(|(path, text)| (path, digest(Some(text.as_bytes())))),
        );
        Ok(())
    }

    /// What was staged, now to be committed.
    pub(super) fn finish(mut self) -> (Vec<PendingFile>, Vec<(PathBuf, String)>) {
        self.finished = true;
        (
            std::mem::take(&mut self.staged),
            std::mem::take(&mut self.changed),
        )
    }
}

impl Drop for Staging<'_> {
    fn drop(&mut self) {
        if !self.finished {
            discard(self.project, &self.staged);
        }
    }
}

/// Whether `text` is what `path` holds: its digest as read (`as_read`)
/// matches, and the file says so byte for byte. A file saved since it was
/// read counts as changed, and is then kept, not overwritten, by the move
/// into place ([`finish_pending`]).
fn unchanged(path: &Path, text: &str, as_read: Option<&String>) -> bool {
    as_read.is_some_and(|d| *d == digest(Some(text.as_bytes())))
        && std::fs::read(path).is_ok_and(|bytes| bytes == text.as_bytes())
}
