//! `tercuman build`

use anyhow::Context;
use tercuman::edition::{build, BuildOptions};
use tercuman::sync::load_chapters;

use crate::t;
use crate::ui::{self, progress::Progress};

pub fn run(
    root: &std::path::Path,
    out: Option<std::path::PathBuf>,
    allow_check_errors: bool,
    formats: tercuman::edition::Formats,
) -> anyhow::Result<()> {
    let (project, mut memory, _lock) = super::open(root)?;
    let report = super::sync::sync_now(&project, &mut memory)?;
    super::sync::print_report(&report);
    crate::keep_freed_memory_for_a_build();
    let build_time = build_time(&project)?;
    let out_dir = out.unwrap_or_else(|| project.root.join("dist"));
    let options = BuildOptions {
        build_time,
        out_dir,
        allow_check_errors,
        formats,
        preview: false,
        only_locale: None,
    };
    if tercuman::edition::up_to_date(&project, &options) {
        ui::note(&t!("build-up-to-date", "dir" => project.display_path(&options.out_dir)));
        return Ok(());
    }
    let t = tercuman::timings::phase(|| "build: load chapters".into());
    let docs = load_chapters(&project)?;
    drop(t);
    for (doc, chapter) in docs.iter().zip(&project.chapters) {
        for line in &doc.scripting_lines {
            ui::warning(&t!(
                "build-script-removed",
                "file" => chapter.rel_path.as_str(),
                "line" => *line
            ));
        }
    }
    if docs.iter().any(|d| !d.scripting_lines.is_empty()) {
        ui::hint(&t!("build-script-removed-hint"));
    }
    if options.formats.epub {
        warn_remote_images(&project, &docs);
    }
    let editions = {
        let _progress = Progress::spinner(t!("progress-build"));
        build(&project, &docs, &memory, &options)?
    };
    let source = tercuman::locale::english_name(&project.book.source_language);
    for e in &editions {
        let mut outputs = Vec::new();
        if options.formats.epub {
            outputs.push(project.display_path(&e.epub));
        }
        if options.formats.html {
            outputs.push(format!("{}/", project.display_path(&e.html_dir)));
        }
        let outputs = outputs.join(", ");
        let locale = e.lang.to_string();
        ui::note(&if e.fallbacks > 0 {
            t!("build-built-fallbacks", "locale" => locale.as_str(), "outputs" => outputs, "count" => e.fallbacks, "source" => source.as_str())
        } else {
            t!("build-built", "locale" => locale.as_str(), "outputs" => outputs)
        });
        if !e.failed_checks.is_empty() {
            ui::warning(&t!(
                "build-failed-checks",
                "count" => e.failed_checks.len(),
                "locale" => locale.as_str(),
                "source" => source.as_str(),
                "segments" => summarize(&e.failed_checks)
            ));
            ui::hint(&t!("build-failed-checks-hint", "locale" => locale.as_str()));
        }
        if e.unreviewed > 0 {
            ui::note(&t!(
                "build-unreviewed",
                "count" => e.unreviewed,
                "locale" => locale.as_str(),
                "source" => source.as_str()
            ));
        }
    }
    ui::note(&t!(
        "build-status-page",
        "path" => project.display_path(&options.out_dir.join("status.html"))
    ));
    Ok(())
}

/// `SOURCE_DATE_EPOCH` when set, else the newest change among the inputs.
pub(crate) fn build_time(project: &tercuman::project::Project) -> anyhow::Result<i64> {
    if let Ok(value) = std::env::var("SOURCE_DATE_EPOCH") {
        return value
            .trim()
            .parse()
            .with_context(|| t!("error-source-date-epoch", "value" => value.as_str()));
    }
    let mut newest = 0i64;
    for dir in [project.root.join("source"), project.root.join("locales")] {
        newest = newest.max(newest_mtime(&dir));
    }
    Ok(if newest > 0 {
        newest
    } else {
        tercuman::date::now()
    })
}

fn newest_mtime(dir: &std::path::Path) -> i64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut newest = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(meta) = entry.metadata() else { continue };
        let t = if meta.is_dir() {
            newest_mtime(&path)
        } else {
            meta.modified()
                .ok()
                .and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_secs() as i64)
        };
        newest = newest.max(t);
    }
    newest
}

/// The first ids of a long list, and how many more there are.
fn summarize(ids: &[String]) -> String {
    const SHOWN: usize = 10;
    let head = ids
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    match ids.len().saturating_sub(SHOWN) {
        0 => head,
        more => format!("{head} … and {more} more"),
    }
}

/// Remote images, which the EPUB links to instead of showing.
fn warn_remote_images(project: &tercuman::project::Project, docs: &[tercuman::source::ChapterDoc]) {
    let mut any = false;
    for (doc, chapter) in docs.iter().zip(&project.chapters) {
        for (line, url) in tercuman::edition::figures::remote(doc) {
            any = true;
            ui::warning(&t!(
                "build-remote-image",
                "file" => chapter.rel_path.as_str(),
                "line" => line,
                "url" => url
            ));
        }
    }
    if any {
        ui::hint(&t!("build-remote-image-hint"));
    }
}
