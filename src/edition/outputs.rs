//! What a build leaves behind besides the editions: its fingerprint (so
//! an unchanged book is not rebuilt) and nothing stale in the folders it
//! writes.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::BuildOptions;
use crate::error::Result;
use crate::project::Project;

/// The fingerprint of the last build into `options.out_dir`, kept in
/// `tm/` beside the sync's, one per output folder: `dist/` holds only what
/// a publisher uploads, identical for the same book in any folder.
pub(super) fn build_stamp(project: &Project, options: &BuildOptions) -> PathBuf {
    let out = project.display_path(&options.out_dir);
    let name = format!(".build-stamp-{:016x}", crate::source::fnv1a(out.as_bytes()));
    project.root.join("tm").join(name)
}

/// Where tercuman 0.1 kept the build fingerprint: removed by the next build.
pub(super) const OLD_BUILD_STAMP: &str = ".tercuman-build";

pub(super) fn build_fingerprint(project: &Project, options: &BuildOptions) -> String {
    crate::fingerprint::of_inputs(
        project,
        &format!(
            "build {} {} {:?} {} {:?}",
            options.build_time,
            options.allow_check_errors,
            options.formats,
            options.preview,
            options.only_locale.as_ref().map(|l| l.to_string()),
        ),
    )
}

/// Whether the editions in `options.out_dir` were built from exactly the
/// current inputs with the same options (then `build` has nothing to do).
pub fn up_to_date(project: &Project, options: &BuildOptions) -> bool {
    let outputs = crate::fingerprint::of_dir(project, &options.out_dir);
    crate::fingerprint::matches(
        &build_stamp(project, options),
        &format!("{}{outputs}", build_fingerprint(project, options)),
    )
}

/// Removes every file under `dir` that is not in `keep`, and the folders
/// that leaves empty.
pub(super) fn remove_stale(dir: &Path, keep: &[PathBuf]) -> Result<()> {
    let keep: HashSet<&Path> = keep.iter().map(PathBuf::as_path).collect();
    remove_stale_in(dir, &keep).map(|_| ())
}

/// Returns whether `dir` is empty afterwards.
fn remove_stale_in(dir: &Path, keep: &HashSet<&Path>) -> Result<bool> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(false);
    };
    let mut empty = true;
    for entry in entries.flatten() {
        let path = entry.path();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir {
            if remove_stale_in(&path, keep)? {
                std::fs::remove_dir(&path).map_err(|e| crate::Error::io(&path, e))?;
            } else {
                empty = false;
            }
        } else if keep.contains(path.as_path()) {
            empty = false;
        } else {
            std::fs::remove_file(&path).map_err(|e| crate::Error::io(&path, e))?;
        }
    }
    Ok(empty)
}
