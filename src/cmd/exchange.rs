//! `tercuman export` and `tercuman import`: a locale's work out to a CAT
//! tool as XLIFF and back, or the memory as TMX.

use std::path::{Path, PathBuf};

use crate::cli::ExportFormat;
use crate::t;
use crate::ui::{self, progress::Progress};
use tercuman::formats::xliff;
use tercuman::tm::exchange::{export_tmx, export_xliff, import_xliff};

/// `export --format F [--locale L] [--out FILE]`
pub fn export(
    root: &Path,
    format: ExportFormat,
    locale: Option<&str>,
    out: Option<PathBuf>,
) -> anyhow::Result<()> {
    let (project, memory) = super::open_read_only(root)?;
    let locales = super::locale_arg(&project, locale)?;
    let (text, default_name) = match format {
        ExportFormat::Tmx => (
            export_tmx(&memory, &project, &locales)?,
            "memory.tmx".to_string(),
        ),
        ExportFormat::Xliff | ExportFormat::Xliff2 => {
            let Some(lang) = locales.first() else {
                anyhow::bail!(t!("error-xliff-needs-locale", "locales" => locale_list(&project)));
            };
            let (version, ext) = if format == ExportFormat::Xliff {
                (xliff::Version::V1_2, "xlf")
            } else {
                (xliff::Version::V2_1, "xliff")
            };
            (
                export_xliff(&memory, &project, lang, version)?,
                format!("{lang}.{ext}"),
            )
        }
    };
    let file = out.unwrap_or_else(|| PathBuf::from(default_name));
    tercuman::error::write_if_changed(&file, text.as_bytes())?;
    ui::note(&t!("wrote-file", "path" => file.display().to_string()));
    Ok(())
}

fn locale_list(project: &tercuman::project::Project) -> String {
    project
        .book
        .locales
        .iter()
        .map(|l| format!("`{l}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `import FILE`: XLIFF (or TMX, told apart by the root element). PO edits
/// are synced first so that a conflict with them is seen, and the PO files
/// are rewritten after.
pub fn import(root: &Path, file: &Path) -> anyhow::Result<()> {
    let text = tercuman::error::read_utf8(file)?;
    if is_tmx(&text) {
        return super::tm::import_text(root, file, &text);
    }
    let t = tercuman::timings::phase(|| "import: read XLIFF".into());
    let doc = xliff::parse(&text, file)?;
    drop(t);
    let (project, mut memory, _lock) = super::open(root)?;
    let (before, report) = {
        let _progress = Progress::spinner(t!("progress-import"));
        let before = tercuman::sync::sync(&project, &mut memory, tercuman::date::now())?;
        let _t = tercuman::timings::phase(|| "import: XLIFF into the memory".into());
        let report = import_xliff(&mut memory, &project, &doc, file, tercuman::date::now())?;
        (before, report)
    };
    // The sync before the import speaks only when it did or found something.
    let quiet_sync = before.imported.is_empty()
        && before.written.is_empty()
        && before.kept.is_empty()
        && before.orphans.is_empty()
        && before.conflicts.is_empty();
    if !quiet_sync {
        super::sync::print_report(&before);
    }
    ui::note(&t!(
        "xliff-import-report",
        "locale" => report.locale.as_str(),
        "updated" => report.updated,
        "unchanged" => report.unchanged,
        "conflicts" => report.conflicts.len(),
        "stale" => report.stale,
        "empty" => report.empty
    ));
    for (line, segment) in &report.conflicts {
        ui::warning(&t!(
            "xliff-import-conflict",
            "file" => file.display().to_string(),
            "line" => *line,
            "segment" => segment.as_str()
        ));
        ui::hint(&t!("xliff-import-conflict-hint", "segment" => segment.as_str()));
    }
    let after = super::sync::sync_now(&project, &mut memory)?;
    super::sync::print_report(&after);
    Ok(())
}

/// Whether a document's root element is `<tmx>`.
fn is_tmx(text: &str) -> bool {
    let mut rest = text;
    // Skip the declaration, comments and DOCTYPE before the root.
    while let Some(i) = rest.find('<') {
        rest = &rest[i..];
        if rest.starts_with("<?") || rest.starts_with("<!") {
            rest = &rest[1..];
            continue;
        }
        return rest.starts_with("<tmx");
    }
    false
}
