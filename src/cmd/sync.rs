//! `tercuman sync`

use tercuman::sync::{sync, SyncReport};

pub fn run(root: &std::path::Path) -> anyhow::Result<()> {
    let (project, mut memory, _lock) = super::open(root)?;
    let report = sync(&project, &mut memory, tercuman::date::now())?;
    print_report(&report);
    Ok(())
}

pub fn print_report(report: &SyncReport) {
    let imported: usize = report.imported.values().sum();
    eprintln!(
        "sync: {} new and {} retired segments, {} translations imported, {} exact matches reused, {} fuzzy suggestions, {} files written",
        report.new_segments,
        report.retired_segments,
        imported,
        report.exact,
        report.fuzzy,
        report.written.len()
    );
    for (locale, n) in &report.imported {
        eprintln!("  {locale}: {n} translations imported");
    }
    for c in &report.conflicts {
        eprintln!(
            "warning: {}:{}: `{}` was changed in this file and in the memory since the file was written",
            c.file, c.line, c.segment
        );
        eprintln!(
            "hint: the memory's version is kept, marked fuzzy; yours is in `tercuman tm log {}`",
            c.segment
        );
    }
}
