//! `tercuman review`: sync, record the verdict, sync again so the PO files
//! show it.

use std::path::Path;

use crate::{t, ui};
use tercuman::review::{review, Request};

pub fn run(root: &Path, mut request: Request) -> anyhow::Result<()> {
    if request.by.trim().is_empty() {
        request.by = tercuman::git::user_name(root)
            .ok_or_else(|| anyhow::anyhow!(t!("review-no-reviewer")))?;
    }
    let (project, mut memory, _lock) = super::open(root)?;
    let lang = super::locale_arg(&project, Some(&request.locale))?;
    request.locale = lang[0].to_string();
    super::sync::sync_now(&project, &mut memory)?;
    let outcome = review(&mut memory, &request, tercuman::date::now())?;
    let report = super::sync::sync_now(&project, &mut memory)?;
    let key = if request.reject {
        "review-rejected"
    } else {
        "review-approved"
    };
    ui::note(
        &t!(key, "count" => outcome.marked.len(), "locale" => request.locale.as_str(), "by" => request.by.as_str()),
    );
    if outcome.unchanged > 0 {
        ui::note(&t!("review-unchanged", "count" => outcome.unchanged));
    }
    if outcome.fuzzy > 0 {
        ui::note(&t!("review-skipped-fuzzy", "count" => outcome.fuzzy));
    }
    if outcome.untranslated > 0 {
        ui::note(&t!("review-skipped-untranslated", "count" => outcome.untranslated));
    }
    if !report.written.is_empty() {
        ui::note(&t!("review-files-written", "count" => report.written.len()));
    }
    Ok(())
}
