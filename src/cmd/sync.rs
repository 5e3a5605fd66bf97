//! `tercuman sync`

use tercuman::sync::{sync, SyncReport};

use crate::t;
use crate::ui::{self, progress::Progress};

pub fn run(root: &std::path::Path) -> anyhow::Result<()> {
    let (project, mut memory, _lock) = super::open(root)?;
    let report = sync_now(&project, &mut memory)?;
    print_report(&report);
    super::git::warn_if_not_set_up(root);
    Ok(())
}

/// A sync stamped now, with a spinner while it works: what every command
/// that syncs runs.
pub fn sync_now(
    project: &tercuman::project::Project,
    memory: &mut tercuman::tm::Memory,
) -> tercuman::Result<SyncReport> {
    let _progress = Progress::spinner(t!("progress-sync"));
    sync(project, memory, tercuman::date::now())
}

pub fn print_report(report: &SyncReport) {
    let imported: usize = report.imported.values().sum();
    ui::note(&t!(
        "sync-report",
        "new" => report.new_segments,
        "retired" => report.retired_segments,
        "imported" => imported,
        "exact" => report.exact,
        "fuzzy" => report.fuzzy,
        "written" => report.written.len()
    ));
    for (locale, n) in &report.imported {
        ui::note(&t!("sync-locale-imported", "locale" => locale.as_str(), "count" => *n));
    }
    if let Some((old, new)) = &report.segmentation_changed {
        ui::note(&t!("sync-segmentation-changed", "old" => old.as_str(), "new" => new.as_str()));
        ui::hint(&t!("sync-segmentation-changed-hint"));
    }
    for c in &report.conflicts {
        segment_warning("sync-conflict", c);
        ui::hint(&t!("sync-conflict-hint", "segment" => c.segment.as_str()));
    }
    for (c, texts) in &report.merge_conflicts {
        let quoted: Vec<String> = texts.iter().map(|t| format!("«{t}»")).collect();
        ui::warning(&t!(
            "sync-merge-conflict",
            "file" => c.file.as_str(),
            "line" => c.line,
            "segment" => c.segment.as_str(),
            "texts" => quoted.join(" / ")
        ));
        ui::hint(&t!("sync-merge-conflict-hint", "segment" => c.segment.as_str()));
    }
    for file in &report.byte_order_marks {
        ui::note(&t!("sync-bom", "file" => file.as_str()));
    }
    for c in &report.cleared {
        segment_warning("sync-cleared", c);
    }
    for c in &report.obsolete_edits {
        segment_warning("sync-obsolete-edit", c);
    }
    for (c, verdict) in &report.po_verdicts {
        ui::note(&t!(
            "sync-po-verdict",
            "file" => c.file.as_str(),
            "line" => c.line,
            "segment" => c.segment.as_str(),
            "verdict" => verdict.as_str()
        ));
    }
    for (c, why) in &report.markers_left {
        segment_warning(why.message_id(), c);
    }
    for file in &report.kept {
        ui::warning(&t!("sync-kept", "file" => file.as_str()));
    }
    if !report.kept.is_empty() {
        ui::hint(&t!("sync-kept-hint"));
    }
    for o in &report.orphans {
        ui::warning(&t!(
            "sync-orphan",
            "file" => o.file.as_str(),
            "imported" => o.imported,
            "unmatched" => o.unmatched
        ));
    }
    if !report.orphans.is_empty() {
        ui::hint(&t!("sync-orphan-hint"));
    }
}

/// `file:line: …` about one segment of a PO file.
fn segment_warning(id: &str, at: &tercuman::sync::Conflict) {
    ui::warning(&t!(
        id,
        "file" => at.file.as_str(),
        "line" => at.line,
        "segment" => at.segment.as_str()
    ));
}
