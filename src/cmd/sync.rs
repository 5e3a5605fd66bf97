//! `tercuman sync`

use tercuman::sync::{sync, SyncReport};

pub fn run(root: &std::path::Path) -> anyhow::Result<()> {
    let (project, mut memory) = super::open(root)?;
    let report = sync(&project, &mut memory, tercuman::date::now())?;
    print_report(&report);
    Ok(())
}

pub fn print_report(report: &SyncReport) {
    let imported: usize = report.imported.values().sum();
    eprintln!(
        "sync: {} new and {} retired segments, {} translations imported, {} exact matches reused, {} files written",
        report.new_segments,
        report.retired_segments,
        imported,
        report.leveraged,
        report.written.len()
    );
    for (locale, n) in &report.imported {
        eprintln!("  {locale}: {n} translations imported");
    }
}
