//! `tercuman export` and `tercuman import`: a locale's work out to a CAT
//! tool as XLIFF and back, or the memory as TMX.

use std::path::{Path, PathBuf};

use crate::cli::ExportFormat;
use crate::t;
use crate::ui::{self, progress::Progress};
use tercuman::formats::{omegat, xliff};
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
    if matches!(format, ExportFormat::Omegat | ExportFormat::OmegatPo) {
        let Some(lang) = locales.first() else {
            anyhow::bail!(t!("error-xliff-needs-locale", "locales" => locale_list(&project)));
        };
        let dir = out.unwrap_or_else(|| PathBuf::from(format!("omegat-{lang}")));
        return match format {
            ExportFormat::Omegat => export_omegat_project(&project, &memory, lang, &dir),
            _ => export_omegat_po_project(&project, &memory, lang, &dir),
        };
    }
    let (text, default_name) = match format {
        ExportFormat::Tmx => (
            export_tmx(&memory, &project, &locales, true)?,
            "memory.tmx".to_string(),
        ),
        ExportFormat::Omegat | ExportFormat::OmegatPo => unreachable!("handled above"),
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

/// An OmegaT project in `dir`: `omegat.project`, the XLIFF in `source/`,
/// the translations in `tm/auto/`. The translator opens it in OmegaT,
/// translates, creates the translated documents, and imports the folder
/// with `tercuman import`.
fn export_omegat_project(
    project: &tercuman::project::Project,
    memory: &tercuman::tm::Memory,
    lang: &unic_langid::LanguageIdentifier,
    dir: &Path,
) -> anyhow::Result<()> {
    let (xliff, tmx) = tercuman::tm::exchange::export_omegat(memory, project, lang)?;
    let name = omegat_file_name(project, lang);
    write_omegat_folders(project, lang, dir)?;
    write(&dir.join("source").join(format!("{name}.xlf")), &xliff)?;
    write(&dir.join("tm/auto").join(format!("{name}.tmx")), &tmx)?;
    ui::note(&t!("wrote-file", "path" => dir.display().to_string()));
    Ok(())
}

/// An OmegaT project on the locale's PO files: copies of them in
/// `source/` (kept, so that `import` takes only what OmegaT changed), the
/// translations as plain text in `tm/auto/` (PO text has no tags), and in
/// `config/` the custom tags that make OmegaT protect the Markdown.
fn export_omegat_po_project(
    project: &tercuman::project::Project,
    memory: &tercuman::tm::Memory,
    lang: &unic_langid::LanguageIdentifier,
    dir: &Path,
) -> anyhow::Result<()> {
    let tmx = export_tmx(memory, project, std::slice::from_ref(lang), false)?;
    write_omegat_folders(project, lang, dir)?;
    for chapter in &project.chapters {
        let po = project.po_path(lang, chapter);
        let text = std::fs::read(&po).map_err(|e| tercuman::Error::io(&po, e))?;
        let copy = dir.join("source").join(po.file_name().expect("a file"));
        tercuman::error::write_if_changed(&copy, &text)?;
    }
    let name = omegat_file_name(project, lang);
    write(&dir.join("tm/auto").join(format!("{name}.tmx")), &tmx)?;
    let config = dir.join("config");
    write(&config.join("omegat.prefs"), &omegat::preferences())?;
    let tags = config.join("custom-tags.txt");
    write(&tags, &format!("{}\n", omegat::MARKDOWN_TAGS))?;
    ui::note(&t!("wrote-file", "path" => dir.display().to_string()));
    ui::hint(&t!(
        "omegat-custom-tags",
        "config" => config.display().to_string(),
        "file" => tags.display().to_string(),
        // OmegaT's own names, as its English menus show them.
        "menu" => "Options › Preferences › Tag Processing › Custom tags"
    ));
    Ok(())
}

/// `<book>.<lang>`, the name of the project's XLIFF and TMX files.
fn omegat_file_name(
    project: &tercuman::project::Project,
    lang: &unic_langid::LanguageIdentifier,
) -> String {
    format!(
        "{}.{lang}",
        tercuman::edition::file_slug(&project.book.title)
    )
}

/// The folders every OmegaT project has, its glossary and `omegat.project`.
fn write_omegat_folders(
    project: &tercuman::project::Project,
    lang: &unic_langid::LanguageIdentifier,
    dir: &Path,
) -> anyhow::Result<()> {
    for sub in [
        "source",
        "target",
        "tm/auto",
        "glossary",
        "dictionary",
        "omegat",
    ] {
        let sub = dir.join(sub);
        std::fs::create_dir_all(&sub).map_err(|e| tercuman::Error::io(&sub, e))?;
    }
    write(
        &dir.join("glossary/glossary.txt"),
        &project.glossary.to_omegat(&lang.to_string()),
    )?;
    write(
        &dir.join("omegat.project"),
        &omegat::project_file(&project.book.source_language.to_string(), &lang.to_string()),
    )?;
    Ok(())
}

fn write(path: &Path, text: &str) -> tercuman::Result<bool> {
    tercuman::error::write_if_changed(path, text.as_bytes())
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

/// `tercuman import`: a translated copy in Markdown, a paragraph catalog
/// (`.po`), or an XLIFF or TMX file.
pub fn import_any(
    root: &Path,
    file: Option<std::path::PathBuf>,
    aligned_markdown: Option<std::path::PathBuf>,
    by: Option<String>,
    locale: Option<String>,
) -> anyhow::Result<()> {
    match (file, aligned_markdown) {
        (_, Some(dir)) => import_aligned_markdown(root, &dir, locale.as_deref()),
        (Some(dir), None) if dir.join("omegat.project").is_file() => {
            import_omegat_project(root, &dir, by.as_deref())
        }
        (Some(file), None)
            if file
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("po")) =>
        {
            import_paragraphs(root, &file, locale.as_deref())
        }
        (Some(file), None) => import(root, &file, by.as_deref()),
        (None, None) => unreachable!("clap requires one"),
    }
}

/// `import FILE`: XLIFF (or TMX, told apart by the root element). PO edits
/// are synced first so that a conflict with them is seen, and the PO files
/// are rewritten after.
pub fn import(root: &Path, file: &Path, by: Option<&str>) -> anyhow::Result<()> {
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
        let reviewer = by
            .filter(|b| !b.trim().is_empty())
            .map(str::to_string)
            .or_else(|| tercuman::git::user_name(root));
        let report = import_xliff(
            &mut memory,
            &project,
            &doc,
            file,
            reviewer.as_deref(),
            tercuman::date::now(),
        )?;
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
    print_xliff_report(file, &report);
    let after = super::sync::sync_now(&project, &mut memory)?;
    super::sync::print_report(&after);
    Ok(())
}

/// What an XLIFF (or an OmegaT project's PO file) brought in, and where
/// each conflict is.
fn print_xliff_report(file: &Path, report: &tercuman::tm::exchange::XliffReport) {
    ui::note(&t!(
        "xliff-import-report",
        "locale" => report.locale.as_str(),
        "updated" => report.updated,
        "unchanged" => report.unchanged,
        "conflicts" => report.conflicts.len(),
        "stale" => report.stale,
        "empty" => report.empty
    ));
    if report.reviewed > 0 {
        ui::note(&t!("xliff-import-reviewed", "count" => report.reviewed));
    }
    for (line, segment) in &report.conflicts {
        ui::warning(&t!(
            "xliff-import-conflict",
            "file" => file.display().to_string(),
            "line" => *line,
            "segment" => segment.as_str()
        ));
        ui::hint(&t!("xliff-import-conflict-hint", "segment" => segment.as_str()));
    }
}

/// OmegaT's own name for writing a project's translated files.
const CREATE_TRANSLATED: &str = "Create Translated Documents";

/// `tercuman import FOLDER`: an OmegaT project `export` wrote. On XLIFF
/// (`--format omegat`), its translated XLIFF; on PO files (`--format
/// omegat-po`), what OmegaT changed in them since the export.
fn import_omegat_project(root: &Path, dir: &Path, by: Option<&str>) -> anyhow::Result<()> {
    use tercuman::sync::omegat::files_with_extension;
    if files_with_extension(&dir.join("source"), "po")?.is_empty() {
        let target = dir.join("target");
        let xliffs = files_with_extension(&target, "xlf")?;
        if xliffs.is_empty() {
            anyhow::bail!(t!(
                "error-omegat-no-target",
                "dir" => target.display().to_string(),
                "menu" => CREATE_TRANSLATED
            ));
        }
        for file in xliffs {
            import(root, &file, by)?;
        }
        return Ok(());
    }
    import_omegat_po(root, dir)
}

/// The PO files of an OmegaT project, in the language their copies
/// declare: synced first (so edits made meanwhile are in the memory), then
/// what OmegaT changed, then the PO files rewritten.
fn import_omegat_po(root: &Path, dir: &Path) -> anyhow::Result<()> {
    let files = tercuman::sync::omegat::read_returned_po(dir)?;
    let Some(first) = files.first() else {
        let target = dir.join("target");
        anyhow::bail!(t!(
            "error-omegat-no-target",
            "dir" => target.display().to_string(),
            "menu" => CREATE_TRANSLATED
        ));
    };
    let (project, mut memory, _lock) = super::open(root)?;
    let declared = catalog_language(&first.exported).unwrap_or_default();
    let code = super::locale_arg(&project, Some(&declared))?
        .into_iter()
        .next()
        .expect("one locale")
        .to_string();
    for file in &files {
        tercuman::formats::po::check_language(&file.text, &file.translated, &code, &file.path)?;
    }
    let before = tercuman::sync::sync(&project, &mut memory, tercuman::date::now())?;
    if !before.imported.is_empty() || !before.conflicts.is_empty() {
        super::sync::print_report(&before);
    }
    let now = tercuman::date::now();
    let reports = tercuman::sync::omegat::import_returned_po(&mut memory, &code, &files, now)?;
    for returned in &reports {
        print_xliff_report(&returned.path, &returned.report);
    }
    let after = super::sync::sync_now(&project, &mut memory)?;
    super::sync::print_report(&after);
    Ok(())
}

/// A catalog header's `Language:`, as a locale code.
fn catalog_language(catalog: &tercuman::formats::po::Catalog) -> Option<String> {
    catalog.language().map(|l| l.replace('_', "-"))
}

/// `tercuman import FILE.po`: a paragraph-level catalog made by
/// mdbook-xgettext or po4a, aligned to the book's sentences, then a sync
/// to write the PO files.
pub fn import_paragraphs(root: &Path, file: &Path, locale: Option<&str>) -> anyhow::Result<()> {
    let text = tercuman::formats::po::read(file)?;
    let catalog = tercuman::formats::po::parse(&text, file)?;
    let (project, mut memory, _lock) = super::open(root)?;
    let Some(code) = locale
        .map(|l| l.replace('_', "-"))
        .or_else(|| catalog_language(&catalog))
    else {
        anyhow::bail!(t!("error-import-po-locale", "file" => file.display().to_string()));
    };
    let (lang, docs) = before_paragraph_import(&project, &mut memory, &code)?;
    let report = tercuman::tm::paragraphs::import_paragraph_catalog(
        &mut memory,
        &project,
        &docs,
        &catalog,
        file,
        &lang,
        tercuman::date::now(),
    )?;
    finish_paragraph_import(&project, &mut memory, file, &report)
}

/// `tercuman import --aligned-markdown DIR --locale LANG`.
pub fn import_aligned_markdown(
    root: &Path,
    dir: &Path,
    locale: Option<&str>,
) -> anyhow::Result<()> {
    let (project, mut memory, _lock) = super::open(root)?;
    let Some(code) = locale else {
        anyhow::bail!(t!("error-import-po-locale", "file" => dir.display().to_string()));
    };
    let (lang, docs) = before_paragraph_import(&project, &mut memory, code)?;
    let report = tercuman::tm::paragraphs::import_aligned_markdown(
        &mut memory,
        &project,
        &docs,
        dir,
        &lang,
        tercuman::date::now(),
    )?;
    finish_paragraph_import(&project, &mut memory, dir, &report)
}

/// The locale checked, then a sync (so the PO files' latest edits are in
/// the memory first), and the chapters the translations are aligned to.
fn before_paragraph_import(
    project: &tercuman::project::Project,
    memory: &mut tercuman::tm::Memory,
    code: &str,
) -> anyhow::Result<(
    unic_langid::LanguageIdentifier,
    Vec<tercuman::source::ChapterDoc>,
)> {
    let lang = super::locale_arg(project, Some(code))?
        .pop()
        .expect("one locale");
    let before = tercuman::sync::sync(project, memory, tercuman::date::now())?;
    if !before.imported.is_empty() || !before.conflicts.is_empty() {
        super::sync::print_report(&before);
    }
    Ok((lang, tercuman::sync::load_chapters(project)?))
}

/// Reports an import of translations made elsewhere, then syncs.
fn finish_paragraph_import(
    project: &tercuman::project::Project,
    memory: &mut tercuman::tm::Memory,
    file: &Path,
    report: &tercuman::tm::paragraphs::ParagraphReport,
) -> anyhow::Result<()> {
    ui::note(&t!(
        "paragraph-import-report",
        "file" => file.display().to_string(),
        "origin" => report.origin.as_str(),
        "locale" => report.locale.as_str(),
        "translated" => report.translated,
        "fuzzy" => report.fuzzy,
        "untranslated" => report.untranslated,
        "kept" => report.kept
    ));
    if let Some((first_file, first_line)) = report.unmatched.first() {
        ui::note(&t!(
            "paragraph-import-unmatched",
            "count" => report.unmatched.len(),
            "first" => format!("{first_file}:{first_line}")
        ));
        for (file, line) in report.unmatched.iter().skip(1).take(9) {
            ui::note(&format!("  {file}:{line}"));
        }
    }
    if report.unused > 0 {
        ui::note(&t!("paragraph-import-unused", "count" => report.unused));
    }
    let after = super::sync::sync_now(project, memory)?;
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
