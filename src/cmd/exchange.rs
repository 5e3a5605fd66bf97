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
    if format == ExportFormat::Omegat {
        let Some(lang) = locales.first() else {
            anyhow::bail!(t!("error-xliff-needs-locale", "locales" => locale_list(&project)));
        };
        let dir = out.unwrap_or_else(|| PathBuf::from(format!("omegat-{lang}")));
        return export_omegat_project(&project, &memory, lang, &dir);
    }
    let (text, default_name) = match format {
        ExportFormat::Tmx => (
            export_tmx(&memory, &project, &locales, true)?,
            "memory.tmx".to_string(),
        ),
        ExportFormat::Omegat => unreachable!("handled above"),
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
/// translates, creates the translated documents, and imports
/// `target/<file>` with `tercuman import`.
fn export_omegat_project(
    project: &tercuman::project::Project,
    memory: &tercuman::tm::Memory,
    lang: &unic_langid::LanguageIdentifier,
    dir: &Path,
) -> anyhow::Result<()> {
    let (xliff, tmx) = tercuman::tm::exchange::export_omegat(memory, project, lang)?;
    let name = format!(
        "{}.{lang}",
        tercuman::edition::file_slug(&project.book.title)
    );
    for sub in [
        "source",
        "target",
        "tm/auto",
        "glossary",
        "dictionary",
        "omegat",
    ] {
        std::fs::create_dir_all(dir.join(sub))?;
    }
    let write =
        |path: PathBuf, text: &str| tercuman::error::write_if_changed(&path, text.as_bytes());
    write(dir.join("source").join(format!("{name}.xlf")), &xliff)?;
    write(dir.join("tm/auto").join(format!("{name}.tmx")), &tmx)?;
    write(
        dir.join("glossary/glossary.txt"),
        &project.glossary.to_omegat(&lang.to_string()),
    )?;
    write(
        dir.join("omegat.project"),
        &omegat_project(&project.book.source_language.to_string(), &lang.to_string()),
    )?;
    ui::note(&t!("wrote-file", "path" => dir.display().to_string()));
    Ok(())
}

/// OmegaT's project file: the folders above, and OmegaT's own sentence
/// segmentation off (the units are already sentences).
fn omegat_project(source: &str, target: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>
<omegat>
    <project version=\"1.0\">
        <source_dir>source</source_dir>
        <source_dir_excludes/>
        <target_dir>target</target_dir>
        <tm_dir>tm</tm_dir>
        <glossary_dir>glossary</glossary_dir>
        <glossary_file>glossary/glossary.txt</glossary_file>
        <dictionary_dir>dictionary</dictionary_dir>
        <source_lang>{source}</source_lang>
        <target_lang>{target}</target_lang>
        <source_tok>org.omegat.tokenizer.{}</source_tok>
        <target_tok>org.omegat.tokenizer.{}</target_tok>
        <sentence_seg>false</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
",
        tokenizer(source),
        tokenizer(target)
    )
}

/// OmegaT's tokenizer for a language (stemming for English, Unicode words
/// otherwise).
fn tokenizer(lang: &str) -> &'static str {
    if lang == "en" {
        "LuceneEnglishTokenizer"
    } else {
        "DefaultTokenizer"
    }
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
    let after = super::sync::sync_now(&project, &mut memory)?;
    super::sync::print_report(&after);
    Ok(())
}

/// `tercuman import FILE.po`: a paragraph-level catalog made by
/// mdbook-xgettext or po4a, aligned to the book's sentences, then a sync
/// to write the PO files.
pub fn import_paragraphs(root: &Path, file: &Path, locale: Option<&str>) -> anyhow::Result<()> {
    let text = tercuman::formats::po::read(file)?;
    let catalog = tercuman::formats::po::parse(&text, file)?;
    let (project, mut memory, _lock) = super::open(root)?;
    let declared = catalog
        .header
        .lines()
        .find_map(|l| l.strip_prefix("Language:"))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty());
    let Some(code) = locale.map(str::to_string).or(declared) else {
        anyhow::bail!(t!("error-import-po-locale", "file" => file.display().to_string()));
    };
    let (lang, docs) = before_paragraph_import(&project, &mut memory, &code.replace('_', "-"))?;
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
