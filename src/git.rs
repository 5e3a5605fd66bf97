//! A book shared in git: what a clone ignores, how git merges the book's
//! files, the one per-clone step (`tercuman git-setup`), and the PO merge
//! driver it declares.
//!
//! The journal (`tm/revisions/`, `tm/source/`) merges with git's built-in
//! `union` driver, declared in the committed `.gitattributes`, so it needs
//! nothing per clone. PO files need a driver of ours, which git only runs
//! once a clone's config names it: a clone without it still merges
//! correctly, but two edits of the same PO file near each other stop the
//! merge with conflict markers to resolve by hand.

use std::path::Path;
use std::process::Command;

use crate::error::{Error, Result};
use crate::formats::po;

/// What is local to a clone: editions, locks, stamps, staged files and the
/// memory's index, rebuilt from the journal.
pub const GITIGNORE: &str = "# Written by `tercuman init`: what is local to this clone.
/dist/
/tm/memory.sqlite*
/tm/concordance.sqlite*
/tm/.lock
/tm/.sync-stamp
/tm/.build-stamp-*
*.tercuman-tmp
";

/// How git merges a book's files.
pub const GITATTRIBUTES: &str =
    "# Written by `tercuman init` and `tercuman git-setup`: how git merges a book.
# The memory's journal: one independent record per line, so a merge keeps both sides' lines.
/tm/revisions/** merge=union
/tm/source/** merge=union
# PO files merge entry by entry (the driver is named per clone by `tercuman git-setup`).
/locales/**/*.po merge=tercuman-po
";

/// The name of the PO merge driver in `.gitattributes` and git's config.
pub const PO_DRIVER: &str = "tercuman-po";

/// Whether a book's clone is ready for merges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Readiness {
    /// Not in a git work tree (or git is not installed): nothing to do.
    NotGit,
    Ready,
    /// What `tercuman git-setup` would add.
    Missing(Vec<String>),
}

/// Runs git in `dir`; its trimmed output, or `None` if it failed.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// git's `user.name` where the book is, if set: who a reviewer is by default.
pub fn user_name(root: &Path) -> Option<String> {
    git(root, &["config", "user.name"]).filter(|n| !n.is_empty())
}

/// Whether `root` is in a git work tree.
fn in_work_tree(root: &Path) -> bool {
    git(root, &["rev-parse", "--is-inside-work-tree"]).as_deref() == Some("true")
}

/// Lines of [`GITATTRIBUTES`] that the book's `.gitattributes` lacks.
fn missing_attributes(root: &Path) -> Vec<&'static str> {
    let have = std::fs::read_to_string(root.join(".gitattributes")).unwrap_or_default();
    GITATTRIBUTES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter(|l| !have.lines().any(|h| h.trim() == *l))
        .collect()
}

/// Whether the clone at `root` merges the way a book needs.
pub fn readiness(root: &Path) -> Readiness {
    if !root.join(".git").exists() && !in_work_tree(root) {
        return Readiness::NotGit;
    }
    let mut missing: Vec<String> = missing_attributes(root)
        .into_iter()
        .map(|l| format!(".gitattributes: {l}"))
        .collect();
    let key = format!("merge.{PO_DRIVER}.driver");
    if git(root, &["config", "--get", &key]).is_none_or(|d| d.is_empty()) {
        missing.push(format!("git config {key}"));
    }
    if missing.is_empty() {
        Readiness::Ready
    } else {
        Readiness::Missing(missing)
    }
}

/// Sets up the clone at `root`: `.gitattributes` gets the lines it lacks,
/// and the clone's git config names the PO merge driver (`exe`, this
/// program). Running it again changes nothing. Returns what it changed.
pub fn setup(root: &Path, exe: &Path) -> Result<Vec<String>> {
    if !in_work_tree(root) {
        return Err(Error::Other(crate::said!(
            "git-not-a-work-tree",
            "path" => root.display()
        )));
    }
    let mut changed = Vec::new();
    let missing = missing_attributes(root);
    if !missing.is_empty() {
        let path = root.join(".gitattributes");
        let mut text = std::fs::read_to_string(&path).unwrap_or_default();
        if text.is_empty() {
            text = GITATTRIBUTES.to_string();
        } else {
            if !text.ends_with('\n') {
                text.push('\n');
            }
            for l in &missing {
                text.push_str(l);
                text.push('\n');
            }
        }
        std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
        changed.push(".gitattributes".to_string());
    }
    let driver = format!(
        "'{}' git-merge-po %O %A %B %P",
        exe.display().to_string().replace('\'', "'\\''")
    );
    let settings = [
        (
            format!("merge.{PO_DRIVER}.name"),
            "tercuman: PO files merged entry by entry".to_string(),
        ),
        (format!("merge.{PO_DRIVER}.driver"), driver),
    ];
    for (key, value) in settings {
        if git(root, &["config", "--get", &key]).as_deref() != Some(value.as_str()) {
            git(root, &["config", &key, &value]).ok_or_else(|| {
                Error::Other(crate::said!(
                    "git-config-failed",
                    "key" => &key,
                    "path" => root.display()
                ))
            })?;
            changed.push(format!("git config {key}"));
        }
    }
    Ok(changed)
}

/// One PO entry (or the header) as it stands in a file: its text exactly
/// as written, and its identity.
struct Block<'a> {
    /// `msgctxt`, `~` first for an obsolete entry; empty for the header.
    key: String,
    text: &'a str,
}

/// A PO text's entries, each a run of lines between blank lines, or `None`
/// if one is not exactly one entry with a `msgctxt` (or the header).
fn blocks(text: &str) -> Option<Vec<Block<'_>>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut spans = Vec::new();
    let mut start = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                spans.push((s, offset));
            }
        } else if start.is_none() {
            start = Some(offset);
        }
        offset += line.len();
    }
    if let Some(s) = start {
        spans.push((s, offset));
    }
    let mut out = Vec::new();
    for (s, e) in spans {
        let block = &text[s..e];
        let path = Path::new("merge");
        let catalog = match po::parse(block, path) {
            Ok(header) if header.entries.is_empty() => header,
            _ => po::parse(&format!("msgid \"\"\nmsgstr \"\"\n\n{block}"), path).ok()?,
        };
        let key = match catalog.entries.as_slice() {
            [] => String::new(),
            [e] => {
                let ctxt = e.msgctxt.clone()?;
                if e.obsolete {
                    format!("~{ctxt}")
                } else {
                    ctxt
                }
            }
            _ => return None,
        };
        out.push(Block { key, text: block });
    }
    let mut keys: Vec<&str> = out.iter().map(|b| b.key.as_str()).collect();
    keys.sort_unstable();
    let before = keys.len();
    keys.dedup();
    (keys.len() == before).then_some(out)
}

/// Merges two versions of a PO file (`ours`, `theirs`) made from `base`,
/// entry by entry: an entry one side changed takes that side's text; an
/// entry both changed keeps ours (the journal holds both sides'
/// translations, and the next sync reports the conflict); entries one
/// side added are kept, entries one side removed and the other left alone
/// are removed. `None` when a file is not one entry per paragraph, which
/// git then merges line by line.
pub fn merge_po(base: &str, ours: &str, theirs: &str) -> Option<String> {
    let (base, ours, theirs) = (blocks(base)?, blocks(ours)?, blocks(theirs)?);
    let index = |list: &[Block<'_>]| -> std::collections::HashMap<String, usize> {
        list.iter()
            .enumerate()
            .map(|(n, b)| (b.key.clone(), n))
            .collect()
    };
    let (base_at, theirs_at) = (index(&base), index(&theirs));
    let mut out: Vec<&str> = Vec::new();
    for b in &ours {
        let old = base_at.get(&b.key).map(|&n| base[n].text);
        let other = theirs_at.get(&b.key).map(|&n| theirs[n].text);
        match (old, other) {
            (Some(old), None) if old == b.text => {} // they removed it
            (Some(old), Some(other)) if old == b.text => out.push(other),
            _ => out.push(b.text),
        }
    }
    let ours_at = index(&ours);
    for t in &theirs {
        if !ours_at.contains_key(&t.key) && !base_at.contains_key(&t.key) {
            out.push(t.text); // they added it
        }
    }
    let mut text = String::new();
    for (n, block) in out.iter().enumerate() {
        if n > 0 {
            text.push('\n');
        }
        text.push_str(block);
        if !block.ends_with('\n') {
            text.push('\n');
        }
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "msgid \"\"\nmsgstr \"Language: tr\\n\"\n";

    fn file(entries: &[(&str, &str)]) -> String {
        let mut text = HEADER.to_string();
        for (id, msgstr) in entries {
            text.push_str(&format!(
                "\nmsgctxt \"{id}\"\nmsgid \"English {id}\"\nmsgstr \"{msgstr}\"\n"
            ));
        }
        text
    }

    #[test]
    fn edits_of_different_entries_both_land() {
        let base = file(&[("a/1", ""), ("a/2", "")]);
        let ours = file(&[("a/1", "Bir"), ("a/2", "")]);
        let theirs = file(&[("a/1", ""), ("a/2", "İki")]);
        let merged = merge_po(&base, &ours, &theirs).unwrap();
        assert_eq!(merged, file(&[("a/1", "Bir"), ("a/2", "İki")]));
    }

    #[test]
    fn an_entry_both_sides_edited_keeps_ours() {
        let base = file(&[("a/1", "")]);
        let merged = merge_po(&base, &file(&[("a/1", "Biz")]), &file(&[("a/1", "Onlar")]));
        assert_eq!(merged.unwrap(), file(&[("a/1", "Biz")]));
    }

    #[test]
    fn entries_added_and_removed_on_one_side_follow_that_side() {
        let base = file(&[("a/1", "Bir"), ("a/2", "İki")]);
        let ours = file(&[("a/1", "Bir"), ("a/2", "İki")]);
        let theirs = file(&[("a/1", "Bir"), ("a/3", "Üç")]);
        let merged = merge_po(&base, &ours, &theirs).unwrap();
        assert_eq!(merged, file(&[("a/1", "Bir"), ("a/3", "Üç")]));
    }

    #[test]
    fn a_file_that_is_not_one_entry_per_paragraph_is_left_to_git() {
        let odd = format!("{HEADER}\nmsgid \"no context\"\nmsgstr \"\"\n");
        assert!(merge_po(&odd, &odd, &odd).is_none());
    }
}
