//! Embedded fonts: the typeface a locale's editions carry (`font` in
//! `[locale.<code>]` of book.toml), for readers with no good font for its
//! script (Kindle, Kobo and older readers have poor Persian fonts).
//!
//! Every file is read before anything is written and checked as a client
//! would use it: it must be a TrueType or OpenType font, all files one
//! family with one file per weight and style, with a glyph for every letter
//! of the locale's alphabet, and for a script whose letters join (Arabic,
//! Persian) the substitutions that join them. The files are embedded whole:
//! subsetting tools that drop the shaping tables would break joining.

use std::path::Path;

use ttf_parser::{name_id, Face, Tag};
use unic_langid::LanguageIdentifier;

use crate::error::{Error, Message, Result};
use crate::formats::xml::escape;
use crate::project::{FontChoice, Project};
use crate::said;

/// A locale's font, read and checked.
#[derive(Debug, Clone)]
pub struct Font {
    /// The family name the font gives itself (`Vazirmatn`).
    pub family: String,
    pub faces: Vec<FontFace>,
    /// The licence text, published as a page of the book.
    pub license: String,
}

/// One file of the font: a weight and a style.
#[derive(Debug, Clone)]
pub struct FontFace {
    /// Its file name in the editions' `fonts/` folder.
    pub published: String,
    pub bytes: Vec<u8>,
    /// CSS weight (400 regular, 700 bold).
    pub weight: u16,
    pub italic: bool,
    pub media_type: &'static str,
}

/// The font `[locale.<lang>]` names, if any, read and checked.
pub fn load(project: &Project, lang: &LanguageIdentifier) -> Result<Option<Font>> {
    let settings = project.book.locale_settings.get(&lang.to_string());
    let Some(choice) = settings.and_then(|s| s.font.as_ref()) else {
        return Ok(None);
    };
    let book_toml = project.root.join("source").join("book.toml");
    let config_error = |message: Message| Error::Config {
        path: book_toml.clone(),
        line: 0,
        message: message.about(format!("[locale.{lang}] font")),
    };
    read_font(project, choice, lang)
        .map(Some)
        .map_err(config_error)
}

fn read_font(
    project: &Project,
    choice: &FontChoice,
    lang: &LanguageIdentifier,
) -> std::result::Result<Font, Message> {
    let source = project.root.join("source");
    let mut family: Option<String> = None;
    let mut faces: Vec<FontFace> = Vec::new();
    for file in &choice.files {
        let path = source.join(file);
        let bytes = read(&path, file)?;
        let (face, face_family) = read_face(&bytes, file, lang)?;
        match &family {
            Some(first) if *first != face_family => {
                return Err(said!(
                    "font-other-family",
                    "file" => file,
                    "family" => &face_family,
                    "first" => first
                ))
            }
            _ => family = Some(face_family),
        }
        if let Some(twin) = faces
            .iter()
            .find(|f| (f.weight, f.italic) == (face.weight, face.italic))
        {
            return Err(said!(
                "font-same-weight",
                "file" => file,
                "other" => &twin.published,
                "weight" => face.weight,
                "italic" => if face.italic { "yes" } else { "no" }
            ));
        }
        if faces.iter().any(|f| f.published == face.published) {
            return Err(said!("font-same-name", "name" => &face.published));
        }
        faces.push(FontFace { bytes, ..face });
    }
    let license_path = source.join(&choice.license);
    let license_bytes = read(&license_path, &choice.license)?;
    let license = String::from_utf8(license_bytes)
        .map_err(|_| said!("font-license-not-utf8", "file" => &choice.license).about("license"))?
        .replace("\r\n", "\n");
    if license.trim().is_empty() {
        return Err(said!("font-license-empty", "file" => &choice.license).about("license"));
    }
    Ok(Font {
        family: family.unwrap_or_default(),
        faces,
        license,
    })
}

fn read(path: &Path, name: &str) -> std::result::Result<Vec<u8>, Message> {
    std::fs::read(path).map_err(|e| said!("font-cannot-read", "file" => name, "reason" => e))
}

/// One font file's face (without its bytes) and family, or why the locale
/// cannot use it.
fn read_face(
    bytes: &[u8],
    file: &str,
    lang: &LanguageIdentifier,
) -> std::result::Result<(FontFace, String), Message> {
    let face = Face::parse(bytes, 0)
        .map_err(|e| said!("font-not-a-font", "file" => file, "reason" => e))?;
    let family = family_name(&face).ok_or_else(|| said!("font-no-family", "file" => file))?;
    let missing = missing_letters(&face, crate::locale::alphabet(lang));
    if !missing.is_empty() {
        return Err(said!(
            "font-missing-letters",
            "file" => file,
            "lang" => lang,
            "count" => missing.len(),
            "letters" => missing.iter().collect::<String>()
        ));
    }
    if crate::locale::letters_join(lang) && !joins_letters(&face) {
        return Err(said!("font-cannot-join", "file" => file));
    }
    let is_otf = bytes.starts_with(b"OTTO");
    Ok((
        FontFace {
            published: published_name(file),
            bytes: Vec::new(),
            weight: face.weight().to_number(),
            italic: face.is_italic() || face.is_oblique(),
            media_type: if is_otf { "font/otf" } else { "font/ttf" },
        },
        family,
    ))
}

/// The typographic family (name 16), else the family (name 1): a
/// Bold file's family is `Vazirmatn`, not `Vazirmatn Bold`.
fn family_name(face: &Face) -> Option<String> {
    let names: Vec<_> = face
        .names()
        .into_iter()
        .filter(|n| n.is_unicode())
        .collect();
    [name_id::TYPOGRAPHIC_FAMILY, name_id::FAMILY]
        .iter()
        .find_map(|id| {
            names
                .iter()
                .filter(|n| n.name_id == *id)
                .find_map(|n| n.to_string())
        })
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
}

/// Letters of `alphabet` the font has no glyph for.
fn missing_letters(face: &Face, alphabet: &str) -> Vec<char> {
    alphabet
        .chars()
        .filter(|c| face.glyph_index(*c).is_none())
        .collect()
}

/// Whether the font's glyph substitutions give Arabic-script letters
/// their initial, medial and final forms.
fn joins_letters(face: &Face) -> bool {
    let Some(gsub) = face.tables().gsub else {
        return false;
    };
    let has_script = gsub.scripts.find(Tag::from_bytes(b"arab")).is_some();
    has_script
        && [b"init", b"medi", b"fina"].iter().all(|tag| {
            gsub.features
                .into_iter()
                .any(|f| f.tag == Tag::from_bytes(tag) && !f.lookup_indices.is_empty())
        })
}

/// A file's name as published: its base name, with anything but ASCII
/// letters, digits, `.`, `-` and `_` replaced, so it needs no escaping in
/// a URL, a zip entry or CSS.
fn published_name(file: &str) -> String {
    let base = Path::new(file)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    base.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// A CSS string literal.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\{:x} ", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `@font-face` rules for the font, its files under `folder` (relative to
/// the style sheet), and the rule that sets the locale's text in it, the
/// base style sheet's fonts behind it for what it lacks.
pub fn css(font: &Font, folder: &str, lang: &LanguageIdentifier, web: bool) -> String {
    let family = css_string(&font.family);
    let mut out = format!("/* {lang}: the embedded font */\n");
    for face in &font.faces {
        let format = if face.media_type == "font/otf" {
            "opentype"
        } else {
            "truetype"
        };
        out.push_str(&format!(
            "@font-face {{ font-family: {family}; src: url(\"{folder}{}\") format(\"{format}\"); font-weight: {}; font-style: {};{} }}\n",
            face.published,
            face.weight,
            if face.italic { "italic" } else { "normal" },
            // A web page shows text at once in a fallback font; an EPUB
            // reader has the file at hand.
            if web { " font-display: swap;" } else { "" },
        ));
    }
    let fallbacks = if crate::locale::direction(lang) == "rtl" {
        "\"Noto Naskh Arabic\", \"Noto Sans Arabic\", \"Tahoma\", serif"
    } else {
        "\"Noto Serif\", \"DejaVu Serif\", Georgia, serif"
    };
    // On the elements that carry the language, as the base style sheet's
    // own rule for it (which this one follows, and so overrides).
    out.push_str(&format!(
        "[lang|=\"{lang}\"] {{ font-family: {family}, {fallbacks}; }}\n"
    ));
    out
}

/// The licence page's body: its heading and the licence, line for line
/// (taken to be English, as font licences almost always are).
pub fn license_markup(font: &Font, heading: &str) -> String {
    let mut out = format!(
        "<section class=\"font-license\" aria-labelledby=\"font-license\">\n<h1 id=\"font-license\">{}</h1>\n<div lang=\"en\" xml:lang=\"en\" dir=\"ltr\">\n",
        escape(heading)
    );
    for paragraph in font
        .license
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let lines: Vec<String> = paragraph.lines().map(|l| escape(l.trim_end())).collect();
        out.push_str(&format!("<p>{}</p>\n", lines.join("<br />\n")));
    }
    out.push_str("</div>\n</section>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vazirmatn(weight: &str) -> Vec<u8> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("source/fonts/Vazirmatn-{weight}.ttf"));
        std::fs::read(path).unwrap()
    }

    fn lang(code: &str) -> LanguageIdentifier {
        code.parse().unwrap()
    }

    #[test]
    fn the_shipped_persian_font_is_read_as_a_client_reads_it() {
        let (regular, family) = read_face(
            &vazirmatn("Regular"),
            "fonts/Vazirmatn-Regular.ttf",
            &lang("fa"),
        )
        .unwrap();
        assert_eq!(family, "Vazirmatn");
        assert_eq!((regular.weight, regular.italic), (400, false));
        assert_eq!(regular.media_type, "font/ttf");
        let (bold, family) =
            read_face(&vazirmatn("Bold"), "fonts/Vazirmatn-Bold.ttf", &lang("fa")).unwrap();
        assert_eq!(
            family, "Vazirmatn",
            "the typographic family, not `Vazirmatn Bold`"
        );
        assert_eq!(bold.weight, 700);
    }

    #[test]
    fn a_font_without_joining_forms_is_refused_for_persian() {
        // Vazirmatn with its substitution table renamed away, as a careless
        // subsetter leaves a font.
        let mut bytes = vazirmatn("Regular");
        let at = bytes.windows(4).position(|w| w == b"GSUB").unwrap();
        bytes[at..at + 4].copy_from_slice(b"XSUB");
        let error = read_face(&bytes, "fonts/subset.ttf", &lang("fa")).unwrap_err();
        assert!(error.to_string().contains("cannot join"), "{error}");
        // Turkish letters do not join: the same file serves Turkish.
        assert!(read_face(&bytes, "fonts/subset.ttf", &lang("tr")).is_ok());
    }

    #[test]
    fn a_font_missing_letters_is_refused_naming_them() {
        let bytes = vazirmatn("Regular");
        let face = Face::parse(&bytes, 0).unwrap();
        assert_eq!(missing_letters(&face, "پچژگ"), Vec::<char>::new());
        // Vazirmatn writes Persian and Latin, not Armenian or Georgian.
        assert_eq!(missing_letters(&face, "aԱბ"), vec!['Ա', 'ბ']);
        let error = read_face(b"not a font at all", "fonts/x.ttf", &lang("fa")).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("`fonts/x.ttf` is not a TrueType or OpenType font"),
            "{error}"
        );
    }

    #[test]
    fn css_names_the_family_safely_and_every_face() {
        let font = Font {
            family: "Evil\" } body { color: red".into(),
            faces: vec![FontFace {
                published: "a.ttf".into(),
                bytes: Vec::new(),
                weight: 700,
                italic: false,
                media_type: "font/ttf",
            }],
            license: "OFL".into(),
        };
        let css = css(&font, "fonts/", &lang("fa"), false);
        assert!(
            css.contains("font-family: \"Evil\\\" } body { color: red\";"),
            "{css}"
        );
        assert!(
            css.contains(
                "url(\"fonts/a.ttf\") format(\"truetype\"); font-weight: 700; font-style: normal;"
            ),
            "{css}"
        );
        assert!(
            css.contains("[lang|=\"fa\"] { font-family: \"Evil"),
            "{css}"
        );
    }

    #[test]
    fn published_names_need_no_escaping() {
        assert_eq!(
            published_name("fonts/Vazir matn(1).ttf"),
            "Vazir-matn-1-.ttf"
        );
        assert_eq!(published_name("Vazirmatn-Bold.ttf"), "Vazirmatn-Bold.ttf");
    }
}
