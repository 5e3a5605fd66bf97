//! `tercuman build`

use anyhow::Context;
use tercuman::edition::{build, BuildOptions};
use tercuman::sync::{load_chapters, sync};

pub fn run(
    root: &std::path::Path,
    out: Option<std::path::PathBuf>,
    allow_check_errors: bool,
) -> anyhow::Result<()> {
    let (project, mut memory, _lock) = super::open(root)?;
    let report = sync(&project, &mut memory, tercuman::date::now())?;
    super::sync::print_report(&report);
    let build_time = build_time(&project)?;
    let out_dir = out.unwrap_or_else(|| project.root.join("dist"));
    let options = BuildOptions {
        build_time,
        out_dir,
        allow_check_errors,
    };
    if tercuman::edition::up_to_date(&project, &options) {
        eprintln!(
            "editions in {} are up to date: nothing changed since they were built",
            project.display_path(&options.out_dir)
        );
        return Ok(());
    }
    let docs = load_chapters(&project)?;
    let editions = build(&project, &docs, &memory, &options)?;
    for e in &editions {
        let note = if e.fallbacks > 0 {
            format!(" ({} segments shown in English)", e.fallbacks)
        } else {
            String::new()
        };
        eprintln!(
            "built {}: {} and {}/{}",
            e.lang,
            project.display_path(&e.epub),
            project.display_path(&e.html_dir),
            note
        );
        if !e.failed_checks.is_empty() {
            eprintln!(
                "warning: {} {} translations fail a check and are shown in English: {}",
                e.failed_checks.len(),
                e.lang,
                summarize(&e.failed_checks)
            );
            eprintln!(
                "hint: run `tercuman check --locale {}`, or build with --allow-check-errors",
                e.lang
            );
        }
    }
    eprintln!(
        "status page: {}",
        project.display_path(&options.out_dir.join("status.html"))
    );
    Ok(())
}

/// `SOURCE_DATE_EPOCH` when set, else the newest change among the inputs.
fn build_time(project: &tercuman::project::Project) -> anyhow::Result<i64> {
    if let Ok(value) = std::env::var("SOURCE_DATE_EPOCH") {
        return value
            .trim()
            .parse()
            .with_context(|| format!("SOURCE_DATE_EPOCH is not a number of seconds: `{value}`"));
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
