//! The CLI's voice. Its messages are Fluent strings in English,
//! Azerbaijani, Persian and Turkish, chosen from `LC_ALL`, `LC_MESSAGES` or
//! `LANG` (in that order, as POSIX does) and negotiated with fluent-langneg,
//! falling back to English. Diagnostics read `error:`, `warning:`, `hint:`,
//! then `file:line:` where there is one; colour only on a terminal and never
//! with `NO_COLOR`. Persian output wraps file names, ids and numbers in
//! Unicode isolates so that they stay left-to-right inside right-to-left
//! lines in terminals that apply the bidi algorithm (but not between
//! backquotes, where a command must copy as it is).

use std::io::IsTerminal;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use unic_langid::LanguageIdentifier;

pub mod progress;

/// The languages the CLI speaks, with their messages.
const MESSAGES: &[(&str, &str)] = &[
    ("en", include_str!("messages/en.ftl")),
    ("az", include_str!("messages/az.ftl")),
    ("fa", include_str!("messages/fa.ftl")),
    ("tr", include_str!("messages/tr.ftl")),
];

struct Ui {
    /// The language negotiated (`en`, `az`, `fa`, `tr`).
    code: &'static str,
    bundle: FluentBundle<FluentResource>,
    english: FluentBundle<FluentResource>,
    color: bool,
}

static UI: OnceLock<Ui> = OnceLock::new();

fn bundle(code: &str) -> FluentBundle<FluentResource> {
    let text = MESSAGES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, text)| *text)
        .expect("a shipped language");
    let resource = FluentResource::try_new(text.to_string())
        .unwrap_or_else(|(_, errors)| panic!("messages/{code}.ftl: {errors:?}"));
    // The library's messages (its errors), then the CLI's own.
    let mut bundle = tercuman::error::catalog(code);
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("messages/{code}.ftl: {errors:?}"));
    bundle
}

/// A library message in the user's language, its hint (if any) on a line
/// of its own under the user's word for `hint`.
pub fn said(what: &tercuman::error::Message) -> String {
    let ui = ui();
    let Some((text, hint)) = what.format(&ui.bundle).or_else(|| what.format(&ui.english)) else {
        return what.to_string();
    };
    match hint {
        Some(hint) => format!(
            "{}\n{}: {}",
            copyable(text),
            styled(&message("severity-hint", &[]), "1;36"),
            copyable(hint)
        ),
        None => copyable(text),
    }
}

/// `fa_IR.UTF-8@calendar` -> `fa-IR`; `C` and `POSIX` mean no preference.
fn parse_posix_locale(value: &str) -> Option<LanguageIdentifier> {
    let base = value.split(['.', '@']).next()?.replace('_', "-");
    if base.is_empty() || base == "C" || base == "POSIX" {
        return None;
    }
    base.parse().ok()
}

/// The language the environment asks for, as POSIX orders the variables.
pub fn requested_language() -> Option<LanguageIdentifier> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|key| std::env::var(key).ok().filter(|v| !v.is_empty()))
        .and_then(|v| parse_posix_locale(&v))
}

/// The shipped language that best serves `requested`, English by default.
pub fn negotiate(requested: Option<&LanguageIdentifier>) -> &'static str {
    let available: Vec<LanguageIdentifier> = MESSAGES
        .iter()
        .map(|(c, _)| c.parse().expect("a known language"))
        .collect();
    let english: LanguageIdentifier = "en".parse().expect("en");
    let requested: Vec<LanguageIdentifier> = requested.into_iter().cloned().collect();
    let chosen = negotiate_languages(
        &requested,
        &available,
        Some(&english),
        NegotiationStrategy::Filtering,
    );
    let code = chosen.first().map(|l| l.language.as_str()).unwrap_or("en");
    MESSAGES
        .iter()
        .map(|(c, _)| *c)
        .find(|c| *c == code)
        .unwrap_or("en")
}

/// Whether `--quiet` was given: set once the arguments are parsed, after
/// `--help` (worded in the user's language) may already have needed the
/// messages.
static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Sets the verbosity; language and colour come from the environment on
/// first use.
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, std::sync::atomic::Ordering::Relaxed);
}

fn from_env() -> Ui {
    let code = negotiate(requested_language().as_ref());
    tercuman::error::set_language(code);
    Ui {
        code,
        bundle: bundle(code),
        english: bundle("en"),
        color: std::io::stderr().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

fn ui() -> &'static Ui {
    UI.get_or_init(from_env)
}

/// Whether `--quiet` was given: reports and progress stay silent.
pub fn quiet() -> bool {
    QUIET.load(std::sync::atomic::Ordering::Relaxed)
}

/// Message `id` in the user's language, when that is not English and its
/// catalog has it: how `check`'s findings, worded in English by the
/// library, reach other languages.
pub fn localized(id: &str, args: &[(&str, String)]) -> Option<String> {
    let ui = ui();
    if ui.code == "en" {
        return None;
    }
    let pattern = ui.bundle.get_message(id)?.value()?;
    let mut fluent_args = FluentArgs::new();
    for (key, value) in args {
        fluent_args.set(*key, FluentValue::from(value.as_str()));
    }
    let mut errors = Vec::new();
    let text = ui
        .bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// A share with one decimal, as the user's language writes it: `93.2`,
/// `93,2` in Azerbaijani and Turkish (a decimal comma).
pub fn decimal(value: f64) -> String {
    let text = format!("{value:.1}");
    match ui().code {
        "az" | "tr" => text.replace('.', ","),
        _ => text,
    }
}

/// A percentage as the user's language writes it: `93.2%`, `%93,2`
/// (Turkish puts the sign first), `93.2٪`.
pub fn percent(value: f64) -> String {
    message("percent", &[("value", FluentValue::from(decimal(value)))])
}

/// A message in the user's language (English when that language lacks it).
pub fn message(id: &str, args: &[(&str, FluentValue)]) -> String {
    let ui = ui();
    let mut fluent_args = FluentArgs::new();
    for (key, value) in args {
        fluent_args.set(*key, value.clone());
    }
    for bundle in [&ui.bundle, &ui.english] {
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
            return copyable(text.into_owned());
        }
    }
    id.to_string()
}

/// Isolation marks keep a file name left to right inside a Persian line,
/// but inside a command a user may copy (`` `iconv … file` ``) they
/// would become part of it: between backquotes they are dropped, and the
/// backquotes keep the command apart.
fn copyable(text: String) -> String {
    if !text.contains('`') || !text.contains(['\u{2068}', '\u{2069}']) {
        return text;
    }
    let mut in_code = false;
    text.chars()
        .filter(|&c| {
            in_code ^= c == '`';
            !(in_code && matches!(c, '\u{2068}' | '\u{2069}'))
        })
        .collect()
}

/// `t!("id")`, `t!("id", "name" => value, …)`: a message in the user's language.
#[macro_export]
macro_rules! t {
    ($id:expr) => {
        $crate::ui::message($id, &[])
    };
    ($id:expr, $($key:literal => $value:expr),+ $(,)?) => {
        $crate::ui::message($id, &[$(($key, fluent_bundle::FluentValue::from($value))),+])
    };
}

fn styled(text: &str, code: &str) -> String {
    if ui().color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// Writes a command's output to stdout. A reader that went away (`| head`)
/// ends the run quietly with exit 0, as other command-line tools do; any
/// other write error ends it with exit 2.
pub fn out(text: &str) {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        error(&format!("stdout: {e}"));
        std::process::exit(2);
    }
}

/// [`out`] with `format!` arguments and a newline.
#[macro_export]
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::ui::out(&format!("{}\n", format_args!($($arg)*)))
    };
}

/// One diagnostic line on stderr. A closed stderr is no reason to stop
/// (nor to panic, as `eprintln!` does): the line is dropped.
fn diagnostic(line: &str) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// `error: …` on stderr (always shown).
pub fn error(text: &str) {
    diagnostic(&format!(
        "{}: {text}",
        styled(&message("severity-error", &[]), "1;31")
    ));
}

/// `warning: …` on stderr (always shown).
pub fn warning(text: &str) {
    diagnostic(&format!(
        "{}: {text}",
        styled(&message("severity-warning", &[]), "1;33")
    ));
}

/// `hint: …` on stderr (not with --quiet).
pub fn hint(text: &str) {
    if !quiet() {
        diagnostic(&format!(
            "{}: {text}",
            styled(&message("severity-hint", &[]), "1;36")
        ));
    }
}

/// A report line on stderr (not with --quiet).
pub fn note(text: &str) {
    if !quiet() {
        diagnostic(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_in_a_persian_line_can_be_copied_as_it_is() {
        let line = "با `iconv -f UTF-16 \u{2068}a.po\u{2069} > \u{2068}a.po\u{2069}.utf8` تبدیل کنید: \u{2068}a.po\u{2069}";
        assert_eq!(
            copyable(line.to_string()),
            "با `iconv -f UTF-16 a.po > a.po.utf8` تبدیل کنید: \u{2068}a.po\u{2069}"
        );
    }

    fn lang(s: &str) -> LanguageIdentifier {
        s.parse().unwrap()
    }

    #[test]
    fn posix_locales_pick_a_shipped_language_or_english() {
        assert_eq!(parse_posix_locale("fa_IR.UTF-8"), Some(lang("fa-IR")));
        assert_eq!(parse_posix_locale("C.UTF-8"), None);
        assert_eq!(negotiate(Some(&lang("fa-IR"))), "fa");
        assert_eq!(negotiate(Some(&lang("tr-TR"))), "tr");
        assert_eq!(negotiate(Some(&lang("az-Latn-AZ"))), "az");
        assert_eq!(negotiate(Some(&lang("de-DE"))), "en");
        assert_eq!(negotiate(None), "en");
    }

    #[test]
    fn every_language_has_every_message_english_has() {
        let ids: Vec<&str> = MESSAGES[0]
            .1
            .lines()
            .filter_map(|l| l.split_once(" =").map(|(id, _)| id))
            .filter(|id| id.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
            .collect();
        assert!(ids.len() > 20);
        for (code, _) in &MESSAGES[1..] {
            let b = bundle(code);
            for id in &ids {
                assert!(b.has_message(id), "messages/{code}.ftl lacks `{id}`");
            }
        }
    }
}
