//! Exchange formats: gettext PO segment files, TMX translation memories,
//! XLIFF 1.2 and 2.1 for CAT tools (with inline Markdown as inline codes),
//! and the translation [`Status`] they all carry. Nothing here knows the
//! memory or the editions.

pub mod inline_codes;
pub mod omegat;
pub mod po;
pub mod tbx;
pub mod tmx;
pub mod xliff;
pub mod xml;

/// A segment's translation status in one locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Untranslated,
    Fuzzy,
    Translated,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Untranslated => "untranslated",
            Status::Fuzzy => "fuzzy",
            Status::Translated => "translated",
        }
    }

    /// As the memory stores it (`as_str`); anything else is untranslated.
    pub fn from_stored(s: &str) -> Status {
        match s {
            "translated" => Status::Translated,
            "fuzzy" => Status::Fuzzy,
            _ => Status::Untranslated,
        }
    }
}

/// Appends `s` to `out` with each ASCII byte that `replacement` names
/// replaced (by `""` to drop it), the runs between them copied whole.
/// Only ASCII is replaced, so every run ends on a character boundary.
pub(crate) fn push_replacing_ascii(
    out: &mut String,
    s: &str,
    replacement: impl Fn(u8) -> Option<&'static str>,
) {
    let mut run = 0;
    for (i, b) in s.bytes().enumerate() {
        let Some(with) = b.is_ascii().then(|| replacement(b)).flatten() else {
            continue;
        };
        out.push_str(&s[run..i]);
        out.push_str(with);
        run = i + 1;
    }
    out.push_str(&s[run..]);
}
