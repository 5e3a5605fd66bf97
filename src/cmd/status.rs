//! `tercuman status`

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::t;
use anyhow::Context;
use tercuman::status::{dashboard, gate, report, Minimums, Outline, Share, Table};

/// What `tercuman status` was asked for.
pub struct StatusArgs {
    pub json: bool,
    pub by_chapter: bool,
    pub html: Option<PathBuf>,
    pub min: Minimums,
}

/// Returns the exit code: 0 when every locale meets its minimum, 1 when not.
pub fn run(root: &Path, args: &StatusArgs) -> anyhow::Result<i32> {
    let (project, memory) = super::open_read_only(root)?;
    // A count reads each row once: a small page cache keeps it small.
    memory.limit_cache_kib(1024)?;
    let outline = Outline::read(&project)?;
    let report = report(
        &project,
        &outline,
        &memory,
        args.json || args.html.is_some(),
    )?;
    if let Some(path) = &args.html {
        std::fs::write(path, dashboard::render(&report, &project.book.title, None))
            .with_context(|| t!("error-write", "path" => path.display().to_string()))?;
    }
    if args.json {
        crate::outln!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        let color = std::io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        crate::ui::out(&format!(
            "{}",
            Table {
                report: &report,
                by_chapter: args.by_chapter,
                color,
                labels: &labels(),
            }
        ));
    }
    let failures = gate(&report, &project, args.min);
    for f in &failures {
        let key = match f.share {
            Share::Translated => "error-status-below-minimum",
            Share::Reviewed => "error-status-below-reviewed",
        };
        crate::ui::error(&t!(
            key,
            "locale" => f.locale.as_str(),
            "percent" => crate::ui::decimal(f.percent),
            "min" => f.min.to_string()
        ));
    }
    Ok(if failures.is_empty() { 0 } else { 1 })
}

/// The table's words in the user's language.
fn labels() -> tercuman::status::Labels {
    tercuman::status::Labels {
        locale: t!("status-locale"),
        done: t!("status-done"),
        translated: t!("status-translated"),
        reviewed: t!("status-reviewed"),
        fuzzy: t!("status-fuzzy"),
        untranslated: t!("status-untranslated"),
        total: |segments, words| t!("status-total", "segments" => segments, "words" => words),
        percent: crate::ui::percent,
    }
}
