//! `tercuman git-setup` and the PO merge driver git runs.

use std::path::Path;

use anyhow::Context;
use tercuman::git::{self, Readiness};

use crate::t;
use crate::ui;

pub fn setup(root: &Path) -> anyhow::Result<()> {
    let project = super::load(root)?;
    let exe = std::env::current_exe().context("cannot find this program's own path")?;
    let changed = git::setup(&project.root, &exe)?;
    if changed.is_empty() {
        ui::note(&t!("git-setup-nothing"));
    }
    for what in &changed {
        ui::note(&t!("git-setup-changed", "what" => what.as_str()));
    }
    if changed.iter().any(|c| c == ".gitattributes") {
        ui::hint(&t!("git-setup-commit-hint"));
    }
    Ok(())
}

/// Warns, after a sync, a clone that is not ready for merges.
pub fn warn_if_not_set_up(root: &Path) {
    if let Readiness::Missing(missing) = git::readiness(root) {
        ui::warning(&t!("git-not-set-up", "missing" => missing.join(", ")));
        ui::hint(&t!("git-not-set-up-hint"));
    }
}

/// Git's merge driver: writes the merge of `ours` and `theirs` into
/// `ours`. A file that is not one entry per paragraph is merged line by
/// line by `git merge-file`, with conflict markers where it must. The exit
/// code tells git whether the merge is clean (0) or not.
pub fn merge_po(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    path: Option<&str>,
) -> anyhow::Result<i32> {
    let read = |p: &Path| std::fs::read_to_string(p).with_context(|| p.display().to_string());
    let (b, o, t) = (read(base)?, read(ours)?, read(theirs)?);
    if let Some(merged) = git::merge_po(&b, &o, &t) {
        std::fs::write(ours, merged).with_context(|| ours.display().to_string())?;
        return Ok(0);
    }
    let name = path.unwrap_or("PO file");
    ui::warning(&t!("git-merge-po-by-lines", "file" => name));
    let status = std::process::Command::new("git")
        .args(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs"])
        .args([ours, base, theirs])
        .status()
        .context("cannot run `git merge-file`")?;
    Ok(status.code().unwrap_or(1).min(1))
}
