//! `tercuman status`

use tercuman::status::{completeness, StatusReport, Table};
use tercuman::sync::load_chapters;

pub fn run(root: &std::path::Path, json: bool, by_chapter: bool) -> anyhow::Result<()> {
    let (project, memory) = super::open_read_only(root)?;
    let docs = load_chapters(&project)?;
    let mut locales = Vec::new();
    for lang in &project.book.locales {
        let translations = memory.translations(&lang.to_string())?;
        locales.push(completeness(&project, &docs, lang, &translations));
    }
    let report = StatusReport { locales };
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!(
            "{}",
            Table {
                report: &report,
                by_chapter
            }
        );
    }
    Ok(())
}
