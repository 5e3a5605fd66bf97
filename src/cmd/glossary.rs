//! `tercuman glossary export` and `tercuman glossary import`: the book's
//! glossary out as TBX-Basic, and another tool's terms into it.

use std::path::{Path, PathBuf};

use crate::{t, ui};
use tercuman::formats::tbx;

/// `glossary export [--out FILE]`
pub fn export(root: &Path, out: Option<PathBuf>) -> anyhow::Result<()> {
    let project = super::load(root)?;
    let locales = locale_codes(&project);
    let entries = project.glossary.to_tbx(&locales);
    let text = tbx::write(
        &entries,
        &project.book.source_language.to_string(),
        &project.book.title,
    );
    let file = out.unwrap_or_else(|| PathBuf::from("glossary.tbx"));
    tercuman::error::write_if_changed(&file, text.as_bytes())?;
    ui::note(
        &t!("glossary-exported", "count" => entries.len(), "path" => file.display().to_string()),
    );
    Ok(())
}

/// `glossary import FILE`: every entry is read and checked before the
/// glossary file is touched; only entries it lacks are appended.
pub fn import(root: &Path, file: &Path) -> anyhow::Result<()> {
    let project = super::load(root)?;
    let _lock = project.lock()?;
    let text = tercuman::error::read_utf8(file)?;
    let entries = tbx::parse(&text, file)?;
    let locales = locale_codes(&project);
    let glossary = &project.glossary;
    let (terms, skipped) = glossary.terms_from_tbx(&entries, &locales);
    let (known, new): (Vec<_>, Vec<_>) =
        terms.into_iter().partition(|t| glossary.has_entry_like(t));
    let missing_columns = new
        .iter()
        .flat_map(|t| t.targets.keys())
        .filter(|l| !glossary.columns.is_empty() && !glossary.columns.contains(l))
        .count();
    let rows = glossary.rows_for(&new, &locales)?;
    if !new.is_empty() {
        let path = project.root.join(tercuman::glossary::FILE);
        let mut text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(tercuman::Error::io(&path, e).into()),
        };
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&rows);
        tercuman::error::write_if_changed(&path, text.as_bytes())?;
    }
    ui::note(&t!(
        "glossary-imported",
        "added" => new.len(),
        "known" => known.len(),
        "skipped" => skipped,
        "path" => tercuman::glossary::FILE
    ));
    if missing_columns > 0 {
        ui::warning(&t!("glossary-import-missing-columns", "count" => missing_columns));
    }
    Ok(())
}

fn locale_codes(project: &tercuman::project::Project) -> Vec<String> {
    project.book.locales.iter().map(|l| l.to_string()).collect()
}
