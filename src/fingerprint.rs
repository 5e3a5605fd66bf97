//! Skipping work whose inputs did not change: a fingerprint of every input
//! file (path, size, modification time to the nanosecond), the program
//! itself, and the options. A sync or build whose fingerprint equals the one
//! it left last time has nothing to do.

use std::fmt::Write as _;
use std::path::Path;

use crate::error::{write_if_changed, Result};
use crate::project::Project;

/// Files whose changes do not count: stamps, the lock, staged files.
fn ignored(name: &str) -> bool {
    matches!(name, ".lock" | ".sync-stamp" | ".tercuman-build")
        || name.starts_with(".build-stamp-")
        || name.starts_with(crate::tm::concordance::FILE)
        || name.ends_with(".tercuman-tmp")
}

fn add_file(out: &mut String, project: &Project, path: &Path) {
    if let Ok(meta) = std::fs::metadata(path) {
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        let _ = writeln!(
            out,
            "{}\t{}\t{mtime}",
            project.display_path(path),
            meta.len()
        );
    } else {
        let _ = writeln!(out, "{}\tmissing", project.display_path(path));
    }
}

fn add_dir(out: &mut String, project: &Project, dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        let _ = writeln!(out, "{}\tmissing", project.display_path(dir));
        return;
    };
    let mut paths: Vec<_> = entries
        .flatten()
        .filter(|e| !ignored(&e.file_name().to_string_lossy()))
        .map(|e| e.path())
        .collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            add_dir(out, project, &path);
        } else {
            add_file(out, project, &path);
        }
    }
}

/// The fingerprint of a project's inputs (`source/`, `locales/`, the
/// memory), this program, and `extra` (the options of the run).
pub fn of_inputs(project: &Project, extra: &str) -> String {
    let mut out = format!("tercuman {}\n{extra}\n", env!("CARGO_PKG_VERSION"));
    if let Ok(exe) = std::env::current_exe() {
        add_file(&mut out, project, &exe);
    }
    add_dir(&mut out, project, &project.root.join("source"));
    add_dir(&mut out, project, &project.root.join("locales"));
    add_file(&mut out, project, &project.tm_path());
    out
}

/// The fingerprint a sync records: its inputs and the memory's journal, so
/// that the next sync sees which records a merge or a pull changed (and
/// so which chapters it must read again).
pub fn of_sync_inputs(project: &Project) -> String {
    let mut out = of_inputs(project, "sync");
    if let Some(tm) = project.tm_path().parent() {
        // No line for a folder not made yet: its first file is then the
        // one line that changes.
        for dir in [
            crate::tm::journal::REVISIONS_DIR,
            crate::tm::journal::SOURCE_DIR,
        ] {
            let dir = tm.join(dir);
            if dir.is_dir() {
                add_dir(&mut out, project, &dir);
            }
        }
    }
    out
}

/// The fingerprint of a directory's files (a build's outputs), so that an
/// edited or deleted output is rebuilt.
pub fn of_dir(project: &Project, dir: &Path) -> String {
    let mut out = String::new();
    add_dir(&mut out, project, dir);
    out
}

/// Whether `stamp` holds exactly `fingerprint`.
pub fn matches(stamp: &Path, fingerprint: &str) -> bool {
    std::fs::read_to_string(stamp).is_ok_and(|s| s == fingerprint)
}

/// Records the fingerprint a run left behind.
pub fn record(stamp: &Path, fingerprint: &str) -> Result<()> {
    write_if_changed(stamp, fingerprint.as_bytes()).map(|_| ())
}
