//! Locales: text direction, gettext plural rules, and the Fluent bundles
//! that localize edition chrome (`locales/<lang>/*.ftl`).

use std::path::Path;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::error::{Error, Result};

/// Scripts written right to left, by language subtag.
const RTL_LANGUAGES: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "he", "ks", "ku", "ps", "sd", "ug", "ur", "yi",
];

/// `ltr` or `rtl`, for `dir` attributes and the EPUB spine.
pub fn direction(lang: &LanguageIdentifier) -> &'static str {
    let rtl_script = lang.script.map(|s| {
        matches!(
            s.as_str(),
            "Arab" | "Hebr" | "Syrc" | "Thaa" | "Nkoo" | "Adlm" | "Rohg"
        )
    });
    let rtl = rtl_script.unwrap_or_else(|| RTL_LANGUAGES.contains(&lang.language.as_str()));
    if rtl {
        "rtl"
    } else {
        "ltr"
    }
}

/// The letters and digits a font must have to write the language (empty
/// for a language tercuman knows no alphabet of).
pub fn alphabet(lang: &LanguageIdentifier) -> &'static str {
    const LATIN: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let code = lang.language.as_str();
    let usual_script = if code == "fa" { "Arab" } else { "Latn" };
    if lang.script.is_some_and(|s| s.as_str() != usual_script) {
        return "";
    }
    match code {
        "fa" => "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیءأؤئۀ۰۱۲۳۴۵۶۷۸۹،؛؟«»",
        "tr" => "ABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZabcçdefgğhıijklmnoöprsştuüvyzÂâÎîÛû0123456789",
        "az" => "ABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZabcçdeəfgğhxıijkqlmnoöprsştuüvyz0123456789",
        "en" => LATIN,
        _ => "",
    }
}

/// Whether the language's letters join (Arabic script): a font for it
/// needs the substitutions that give letters their joining forms.
pub fn letters_join(lang: &LanguageIdentifier) -> bool {
    lang.script.map_or_else(
        || {
            matches!(
                lang.language.as_str(),
                "fa" | "ar" | "ur" | "ps" | "ckb" | "sd" | "ug"
            )
        },
        |s| s.as_str() == "Arab",
    )
}

/// The PO `Plural-Forms` header: gettext's and CLDR's rules for the language.
pub fn plural_forms(lang: &LanguageIdentifier) -> &'static str {
    match lang.language.as_str() {
        // CLDR: one = i = 0 or n = 1, as gettext writes it for Persian.
        "fa" => "nplurals=2; plural=(n > 1);",
        "ja" | "ko" | "zh" | "vi" | "th" | "id" | "ms" => "nplurals=1; plural=0;",
        "fr" | "pt" => "nplurals=2; plural=(n > 1);",
        _ => "nplurals=2; plural=(n != 1);",
    }
}

/// English name of a language, for PO headers and comments.
pub fn english_name(lang: &LanguageIdentifier) -> String {
    match lang.language.as_str() {
        "az" => "Azerbaijani".into(),
        "fa" => "Persian".into(),
        "tr" => "Turkish".into(),
        "en" => "English".into(),
        other => other.to_string(),
    }
}

/// Languages whose numbers are written with Extended Arabic-Indic digits.
pub fn uses_arabic_indic_digits(lang: &LanguageIdentifier) -> bool {
    matches!(lang.language.as_str(), "fa" | "ps" | "ur")
}

/// ASCII digits as Extended Arabic-Indic (Persian) ones, `.` as the Persian
/// decimal separator `٫`.
pub fn persian_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32('۰' as u32 + (c as u32 - '0' as u32)).unwrap_or(c),
            '.' => '٫',
            c => c,
        })
        .collect()
}

/// Digits written as the locale writes them (Persian digits for `fa`).
pub fn localize_digits(text: &str, lang: &LanguageIdentifier) -> String {
    if uses_arabic_indic_digits(lang) {
        persian_digits(text)
    } else {
        text.to_string()
    }
}

/// Fluent number formatter for Persian: Fluent itself writes ASCII digits.
fn persian_number<M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(persian_digits(&n.as_string())),
        _ => None,
    }
}

/// Fluent number formatter for Turkish and Azerbaijani, which write a
/// decimal comma (`%93,2`): Fluent itself writes a point.
fn decimal_comma_number<M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(n.as_string().replace('.', ",")),
        _ => None,
    }
}

/// Localized strings for one locale, with English as the fallback for any
/// message the locale lacks (so a missing string never breaks a build).
pub struct Chrome {
    pub lang: LanguageIdentifier,
    bundle: FluentBundle<FluentResource>,
    fallback: Option<Box<Chrome>>,
}

fn new_bundle(lang: &LanguageIdentifier) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new_concurrent(vec![lang.clone()]);
    // Isolation marks would end up in titles and metadata; direction is
    // handled with markup (`dir`, `<bdi>`) instead.
    bundle.set_use_isolating(false);
    if uses_arabic_indic_digits(lang) {
        bundle.set_formatter(Some(persian_number));
    } else if matches!(lang.language.as_str(), "tr" | "az") {
        bundle.set_formatter(Some(decimal_comma_number));
    }
    bundle
}

/// Parses Fluent `text` into `bundle`; an error names `path` and the line.
fn add_resource(
    bundle: &mut FluentBundle<FluentResource>,
    text: String,
    path: &Path,
) -> Result<()> {
    let resource = FluentResource::try_new(text).map_err(|(res, errors)| {
        let first = &errors[0];
        let line = crate::project::line_of(res.source(), first.pos.start);
        Error::parse(
            path,
            line,
            crate::said!("fluent-syntax", "reason" => &first.kind),
        )
    })?;
    bundle.add_resource(resource).map_err(|errors| {
        Error::parse(
            path,
            0,
            format!(
                "Fluent: {}",
                errors.first().map(|e| e.to_string()).unwrap_or_default()
            ),
        )
    })
}

/// Chrome messages tercuman ships, by language: the generic ones are
/// reused by new books and stand in for messages a book's files lack.
const SHIPPED_CHROME: &[(&str, &str)] = &[
    ("az", include_str!("../locales/az/book.ftl")),
    ("en", include_str!("../locales/en/book.ftl")),
    ("fa", include_str!("../locales/fa/book.ftl")),
    ("tr", include_str!("../locales/tr/book.ftl")),
];

/// Messages about one particular book, never used for another.
const BOOK_SPECIFIC: &[&str] = &[
    "book-title",
    "book-subtitle",
    "book-author",
    "translator-name",
    "translator-credit",
];

/// tercuman's own chrome messages for `lang`'s language, without the
/// shipped book's particulars and comments (empty for a language tercuman
/// has none for).
pub fn generic_chrome(lang: &LanguageIdentifier) -> String {
    let code = lang.language.as_str();
    let Some((_, shipped)) = SHIPPED_CHROME.iter().find(|(c, _)| *c == code) else {
        return String::new();
    };
    let mut out = String::new();
    let mut skipping = false;
    for line in shipped.lines() {
        let starts_message = line
            .split_once(" =")
            .filter(|(id, _)| !id.starts_with([' ', '#']) && !id.is_empty());
        if let Some((id, _)) = starts_message {
            skipping = BOOK_SPECIFIC.contains(&id);
        } else if line.starts_with('#') && !line.starts_with("# ") {
            skipping = false;
        }
        if !skipping && !line.starts_with('#') {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

impl Chrome {
    /// Loads every `.ftl` file in `dir` (sorted by name) into one bundle.
    pub fn load(dir: &Path, lang: &LanguageIdentifier, fallback: Option<Chrome>) -> Result<Chrome> {
        let mut bundle = new_bundle(lang);
        let mut files: Vec<_> = match std::fs::read_dir(dir) {
            Ok(entries) => entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("ftl"))
                .collect(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(Error::io(dir, e)),
        };
        files.sort();
        for path in files {
            add_resource(&mut bundle, crate::error::read_utf8(&path)?, &path)?;
        }
        Ok(Chrome {
            lang: lang.clone(),
            bundle,
            fallback: fallback.map(Box::new),
        })
    }

    /// tercuman's own generic messages for `lang` ([`generic_chrome`]): what
    /// stands in for a message a book's Fluent files lack (one added in a
    /// later version of tercuman, say), before the id itself would.
    pub fn builtin(lang: &LanguageIdentifier, fallback: Option<Chrome>) -> Result<Chrome> {
        let mut bundle = new_bundle(lang);
        let name = format!("tercuman's own locales/{lang}/book.ftl");
        add_resource(&mut bundle, generic_chrome(lang), Path::new(&name))?;
        Ok(Chrome {
            lang: lang.clone(),
            bundle,
            fallback: fallback.map(Box::new),
        })
    }

    /// Whether this locale (not its fallback) has the message.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// Formats message `id` with arguments; falls back to English, then to the id.
    pub fn format(&self, id: &str, args: &[(&str, FluentValue)]) -> String {
        if let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) {
            let mut fluent_args = FluentArgs::new();
            for (k, v) in args {
                fluent_args.set(*k, v.clone());
            }
            let mut errors = Vec::new();
            let text = self
                .bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors);
            if errors.is_empty() {
                return text.into_owned();
            }
        }
        match &self.fallback {
            Some(f) => f.format(id, args),
            None => id.to_string(),
        }
    }

    pub fn get(&self, id: &str) -> String {
        self.format(id, &[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(s: &str) -> LanguageIdentifier {
        s.parse().unwrap()
    }

    #[test]
    fn persian_is_right_to_left_and_turkic_languages_are_not() {
        assert_eq!(direction(&lang("fa")), "rtl");
        assert_eq!(direction(&lang("az")), "ltr");
        assert_eq!(direction(&lang("az-Arab")), "rtl");
        assert_eq!(direction(&lang("tr")), "ltr");
    }

    #[test]
    fn persian_numbers_use_persian_digits() {
        assert_eq!(persian_digits("128 of 100.0"), "۱۲۸ of ۱۰۰٫۰");
        assert_eq!(localize_digits("2025-11-28", &lang("tr")), "2025-11-28");
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.ftl"), "n = { $count } بخش\n").unwrap();
        let fa = Chrome::load(dir.path(), &lang("fa"), None).unwrap();
        assert_eq!(fa.format("n", &[("count", 44.into())]), "۴۴ بخش");
    }

    #[test]
    fn turkish_and_azerbaijani_numbers_use_a_decimal_comma() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.ftl"), "p = %{ $value }\n").unwrap();
        let value = [("value", FluentValue::from(93.25))];
        for code in ["tr", "az"] {
            let chrome = Chrome::load(dir.path(), &lang(code), None).unwrap();
            assert_eq!(chrome.format("p", &value), "%93,25", "{code}");
        }
        let en = Chrome::load(dir.path(), &lang("en"), None).unwrap();
        assert_eq!(en.format("p", &value), "%93.25");
    }

    #[test]
    fn fluent_plurals_follow_the_locale() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("book.ftl"),
            "segments = { $count ->\n    [one] one segment\n   *[other] { $count } segments\n}\n",
        )
        .unwrap();
        let en = Chrome::load(dir.path(), &lang("en"), None).unwrap();
        assert_eq!(en.format("segments", &[("count", 1.into())]), "one segment");
        assert_eq!(en.format("segments", &[("count", 3.into())]), "3 segments");
        assert_eq!(en.get("missing-id"), "missing-id");
    }
}
