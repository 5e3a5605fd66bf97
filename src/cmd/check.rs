//! `tercuman check`

use std::path::Path;

use crate::t;
use tercuman::check::{check_project, CheckOptions, Severity, DEFAULT_LENGTH_RATIO};

/// What `tercuman check` was asked for.
pub struct CheckArgs {
    pub locale: Option<String>,
    pub json: bool,
    pub length_ratio: bool,
}

/// Returns the exit code: 0 when no check found an error, 1 when one did.
pub fn run(root: &Path, args: &CheckArgs) -> anyhow::Result<i32> {
    let project = super::load(root)?;
    let locales = super::locale_arg(&project, args.locale.as_deref())?;
    let options = CheckOptions {
        length_ratio: args.length_ratio.then_some(DEFAULT_LENGTH_RATIO),
    };
    let findings = check_project(&project, &locales, &options)?;
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    if args.json {
        let out =
            serde_json::json!({ "findings": findings, "errors": errors, "warnings": warnings });
        crate::outln!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        for f in &findings {
            let severity = match f.severity {
                Severity::Error => t!("severity-error"),
                Severity::Warning => t!("severity-warning"),
            };
            let message = crate::ui::localized(f.wording.id, &f.wording.args)
                .unwrap_or_else(|| f.message.clone());
            crate::outln!(
                "{}:{}: {severity}[{}]: {message} ({})",
                f.file,
                f.line,
                f.rule,
                f.segment
            );
        }
        crate::outln!(
            "{}",
            t!("check-summary", "errors" => errors, "warnings" => warnings)
        );
    }
    Ok(if errors > 0 { 1 } else { 0 })
}
