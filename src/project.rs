//! Stage 0: load a book project from disk.
//!
//! In: a project root holding `source/book.toml`, Markdown chapters under
//! `source/`, segment and Fluent files under `locales/<lang>/`, the memory
//! under `tm/`. Out: a [`Project`] with validated locales and chapter paths,
//! so later stages never touch unchecked user configuration.

use std::path::{Component, Path, PathBuf};

use serde::Deserialize;
use unic_langid::LanguageIdentifier;

use crate::error::{Error, Message, Result};
use crate::said;

/// The `source/book.toml` file as written by the editor.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BookFile {
    book: BookTable,
    #[serde(default)]
    memory: MemoryTable,
    /// Per-locale settings: `[locale.fa]`.
    #[serde(default)]
    locale: std::collections::BTreeMap<String, LocaleTable>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct MemoryTable {
    /// Lowest score (percent) of a fuzzy suggestion; default 75.
    #[serde(default)]
    fuzzy_threshold: Option<u32>,
}

/// How the source is cut into segments.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Segmentation {
    /// Paragraphs, list items and quotes are split into sentences.
    #[default]
    Sentence,
    /// Every block is one segment.
    Paragraph,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct LocaleTable {
    #[serde(default)]
    min_translated: Option<f64>,
    #[serde(default)]
    min_reviewed: Option<f64>,
    #[serde(default)]
    untranslated: Untranslated,
    #[serde(default)]
    publish: Publish,
    #[serde(default)]
    calendar: Calendar,
    #[serde(default)]
    font: Option<FontTable>,
}

/// `font = { files = [...], license = "..." }` in `[locale.<code>]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FontTable {
    files: Vec<String>,
    license: String,
}

/// The calendar an edition's colophon dates its build in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Calendar {
    /// `2026-12-03` (the default).
    #[default]
    Gregorian,
    /// The Solar Hijri calendar of Iran and Afghanistan: `۱۲ آذر ۱۴۰۵`.
    Persian,
}

/// A font a locale's editions embed, because readers may have none that
/// writes its script well.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FontChoice {
    /// Font files (TrueType or OpenType), relative to `source/`: one per
    /// weight and style the editions use.
    pub files: Vec<String>,
    /// The font's licence text, relative to `source/`: published in the book.
    pub license: String,
}

/// Which translations an edition publishes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Publish {
    /// Every translated segment (the default).
    #[default]
    Translated,
    /// Only translations a reviewer approved; the others are shown as the
    /// source text, marked, like untranslated ones.
    Reviewed,
}

/// What an edition does with a segment that has no published translation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Untranslated {
    /// Show the English, marked with its language (the default).
    #[default]
    English,
    /// Refuse to build the edition while any segment is untranslated.
    Refuse,
}

/// Settings of one target locale.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LocaleSettings {
    /// Percent of segments that must be translated for `status` to pass its gate.
    pub min_translated: Option<f64>,
    /// Percent of segments a reviewer must have approved, likewise.
    pub min_reviewed: Option<f64>,
    /// Fallback to English, or refusal, for untranslated segments.
    pub untranslated: Untranslated,
    pub publish: Publish,
    /// The colophon's calendar.
    pub calendar: Calendar,
    /// The font the editions embed for this locale, if any.
    pub font: Option<FontChoice>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct BookTable {
    title: String,
    author: String,
    #[serde(default)]
    publisher: Option<String>,
    /// A short description, for the EPUB's metadata and the site's pages.
    #[serde(default)]
    description: Option<String>,
    identifier: String,
    source_language: String,
    locales: Vec<String>,
    chapters: Vec<String>,
    #[serde(default)]
    segmentation: Segmentation,
    /// The author's own cover image, relative to `source/`.
    #[serde(default)]
    cover: Option<String>,
    /// Words after which a full stop never / always ends a sentence.
    #[serde(default)]
    no_break_after: Vec<String>,
    #[serde(default)]
    break_after: Vec<String>,
}

/// Book metadata from `book.toml`, with locales already validated.
#[derive(Debug, Clone)]
pub struct Book {
    pub title: String,
    pub author: String,
    pub publisher: Option<String>,
    /// A short description (`description`), in the source language.
    pub description: Option<String>,
    /// Stable identifier of the source edition (a URN or URL).
    pub identifier: String,
    pub source_language: LanguageIdentifier,
    pub locales: Vec<LanguageIdentifier>,
    /// `[locale.<code>]` settings, by locale code.
    pub locale_settings: std::collections::BTreeMap<String, LocaleSettings>,
    pub segmentation: Segmentation,
    /// Lowest score (percent) of a fuzzy suggestion (`[memory] fuzzy-threshold`).
    pub fuzzy_threshold: u32,
    /// The author's cover image, relative to `source/` (`None`: one is drawn).
    pub cover: Option<String>,
    /// How sentences are split: the source language's rules and the book's
    /// own exceptions (`no-break-after`, `break-after`).
    pub sentence_rules: crate::source::sentence::Rules,
}

/// One chapter of the book, in reading order.
#[derive(Debug, Clone)]
pub struct Chapter {
    /// File stem, e.g. `introduction`; names the PO file and the HTML page.
    pub slug: String,
    /// Path relative to the project root, e.g. `source/introduction.md`.
    pub rel_path: String,
    pub path: PathBuf,
}

/// A book project on disk.
#[derive(Debug, Clone)]
pub struct Project {
    pub root: PathBuf,
    pub book: Book,
    pub chapters: Vec<Chapter>,
    /// `source/glossary.tsv` (empty when the book has none).
    pub glossary: crate::glossary::Glossary,
}

impl Project {
    /// Reads and validates `source/book.toml` under `root`.
    pub fn load(root: &Path) -> Result<Project> {
        let config_path = root.join("source").join("book.toml");
        let text = std::fs::read_to_string(&config_path).map_err(|e| Error::io(&config_path, e))?;
        let mut project = Project::from_config(root, &config_path, &text)?;
        let locales: Vec<String> = project.book.locales.iter().map(|l| l.to_string()).collect();
        project.glossary = crate::glossary::Glossary::load(
            &root.join(crate::glossary::FILE),
            &project.book.source_language.to_string(),
            &locales,
        )?;
        Ok(project)
    }

    /// Validates `text` as the `book.toml` of a book in `root` (named
    /// `config_path` in errors), reading nothing: `init` checks the book it
    /// is about to write before it writes anything.
    pub fn from_config(root: &Path, config_path: &Path, text: &str) -> Result<Project> {
        let config_path = config_path.to_path_buf();
        let text = text.to_string();
        let file: BookFile = toml::from_str(&text).map_err(|e| {
            let line = e.span().map(|s| line_of(&text, s.start)).unwrap_or(0);
            Error::Config {
                path: config_path.clone(),
                line,
                message: e.message().to_string().into(),
            }
        })?;
        let config_error = |message: Message| Error::Config {
            path: config_path.clone(),
            line: 0,
            message,
        };
        let t = file.book;
        let source_language = parse_locale(&t.source_language)
            .map_err(|m| config_error(m.about("source-language")))?;
        let locales = parse_locales(&t.locales, &source_language).map_err(config_error)?;
        let locale_settings = locale_settings(file.locale, &locales).map_err(config_error)?;
        let fuzzy_threshold = file.memory.fuzzy_threshold.unwrap_or(75);
        if !(50..=100).contains(&fuzzy_threshold) {
            return Err(config_error(
                said!("config-fuzzy-threshold", "value" => fuzzy_threshold)
                    .about("[memory] fuzzy-threshold"),
            ));
        }
        let chapters = chapters(root, &t.chapters).map_err(config_error)?;
        let sentence_rules = crate::source::sentence::Rules::for_language(
            &source_language.to_string(),
            &t.no_break_after,
            &t.break_after,
        );
        Ok(Project {
            root: root.to_path_buf(),
            book: Book {
                title: t.title,
                author: t.author,
                publisher: t.publisher,
                description: t.description,
                identifier: t.identifier,
                source_language,
                locales,
                locale_settings,
                segmentation: t.segmentation,
                cover: t.cover,
                sentence_rules,
                fuzzy_threshold,
            },
            chapters,
            glossary: crate::glossary::Glossary::default(),
        })
    }

    /// `locales/<lang>/`, where a locale's segment and Fluent files live.
    pub fn locale_dir(&self, locale: &LanguageIdentifier) -> PathBuf {
        self.root.join("locales").join(locale.to_string())
    }

    /// The PO file holding one chapter's segments for one locale.
    pub fn po_path(&self, locale: &LanguageIdentifier, chapter: &Chapter) -> PathBuf {
        self.locale_dir(locale).join(format!("{}.po", chapter.slug))
    }

    /// The translation memory database.
    pub fn tm_path(&self) -> PathBuf {
        self.root.join("tm").join("memory.sqlite")
    }

    /// Path relative to the project root, with `/` separators, for messages and PO references.
    pub fn display_path(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// An exclusive lock on a project, held by every command that writes, so two
/// runs at once wait for each other instead of interleaving.
pub struct ProjectLock {
    _file: std::fs::File,
}

impl Project {
    /// Takes the project's lock (`tm/.lock`), waiting if another run holds it.
    pub fn lock(&self) -> Result<ProjectLock> {
        let dir = self.root.join("tm");
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let path = dir.join(".lock");
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                crate::error::notice(&said!("lock-waiting"));
                file.lock().map_err(|e| Error::io(&path, e))?;
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
        }
        Ok(ProjectLock { _file: file })
    }
}

/// File names the editions use for their own pages (HTML index, EPUB cover,
/// title page, colophon, navigation): a chapter with one of these names is
/// published under `<name>-chapter` instead, so it never overwrites them.
const RESERVED_PAGES: &[&str] = &[
    "index",
    "cover",
    "title",
    "colophon",
    "nav",
    "toc",
    "font-license",
    "print",
];

/// The file name (without extension) a chapter is published under in the
/// editions: its slug, unless that is one of the editions' own pages.
pub fn page_stem(slug: &str) -> std::borrow::Cow<'_, str> {
    if RESERVED_PAGES.contains(&slug.to_ascii_lowercase().as_str()) {
        format!("{slug}-chapter").into()
    } else {
        slug.into()
    }
}

/// Validates a language tag before it is used as a directory name.
pub fn parse_locale(code: &str) -> std::result::Result<LanguageIdentifier, Message> {
    let lang: LanguageIdentifier = code
        .parse()
        .map_err(|_| said!("locale-invalid", "code" => code))?;
    if lang.to_string().as_str() != code {
        return Err(said!("locale-not-canonical", "code" => code, "canonical" => &lang));
    }
    Ok(lang)
}

/// A chapter entry must be a plain `.md` file inside `source/`.
fn chapter_from_name(root: &Path, name: &str) -> std::result::Result<Chapter, Message> {
    let rel = Path::new(name);
    let plain = rel.components().all(|c| matches!(c, Component::Normal(_)));
    if !plain || rel.extension().and_then(|e| e.to_str()) != Some("md") {
        return Err(said!("config-chapter-path", "name" => name).about("chapters"));
    }
    let slug = rel
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| {
            s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
        .ok_or_else(|| said!("config-chapter-ascii", "name" => name).about("chapters"))?
        .to_string();
    Ok(Chapter {
        slug,
        rel_path: format!("source/{name}"),
        path: root.join("source").join(rel),
    })
}

/// 1-based line number of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// `locales`: each a valid tag, listed once, not the source language.
fn parse_locales(
    codes: &[String],
    source_language: &LanguageIdentifier,
) -> std::result::Result<Vec<LanguageIdentifier>, Message> {
    let mut locales = Vec::new();
    for code in codes {
        let lang = parse_locale(code).map_err(|m| m.about("locales"))?;
        if lang == *source_language || locales.contains(&lang) {
            return Err(said!("config-locale-twice", "code" => code).about("locales"));
        }
        locales.push(lang);
    }
    Ok(locales)
}

/// `[locale.<code>]` tables: each for one of the book's locales, with
/// percentages for `min-translated` and `min-reviewed`.
fn locale_settings(
    tables: std::collections::BTreeMap<String, LocaleTable>,
    locales: &[LanguageIdentifier],
) -> std::result::Result<std::collections::BTreeMap<String, LocaleSettings>, Message> {
    let mut settings = std::collections::BTreeMap::new();
    for (code, table) in tables {
        if !locales.iter().any(|l| l.to_string() == code) {
            return Err(
                said!("config-locale-unknown", "code" => &code).about(format!("[locale.{code}]"))
            );
        }
        for (key, min) in [
            ("min-translated", table.min_translated),
            ("min-reviewed", table.min_reviewed),
        ] {
            if let Some(min) = min.filter(|m| !(0.0..=100.0).contains(m)) {
                return Err(said!("config-not-a-percentage", "value" => min)
                    .about(format!("[locale.{code}] {key}")));
            }
        }
        let font = table
            .font
            .map(|f| font_choice(f).map_err(|m| m.about(format!("[locale.{code}] font"))))
            .transpose()?;
        settings.insert(
            code,
            LocaleSettings {
                min_translated: table.min_translated,
                min_reviewed: table.min_reviewed,
                untranslated: table.untranslated,
                publish: table.publish,
                calendar: table.calendar,
                font,
            },
        );
    }
    Ok(settings)
}

/// A font's files: at least one, each a TrueType or OpenType file, and
/// its licence, all plain relative paths inside `source/`.
fn font_choice(table: FontTable) -> std::result::Result<FontChoice, Message> {
    if table.files.is_empty() {
        return Err(said!("config-font-no-files"));
    }
    for file in &table.files {
        let extension = Path::new(file)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        if !is_inside_source(file) || !matches!(extension.as_deref(), Some("ttf" | "otf")) {
            return Err(said!("config-font-path", "file" => file));
        }
    }
    if !is_inside_source(&table.license) {
        return Err(said!("config-font-license", "file" => &table.license).about("license"));
    }
    Ok(FontChoice {
        files: table.files,
        license: table.license,
    })
}

/// A relative path with no `..`, `.` or root: it names a file under `source/`.
fn is_inside_source(path: &str) -> bool {
    !path.is_empty()
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// `chapters`: at least one, each listed once, no two published under one
/// page name.
fn chapters(root: &Path, names: &[String]) -> std::result::Result<Vec<Chapter>, Message> {
    if names.is_empty() {
        return Err(said!("config-no-chapters").about("chapters"));
    }
    let mut chapters: Vec<Chapter> = Vec::new();
    for name in names {
        let chapter = chapter_from_name(root, name)?;
        if chapters.iter().any(|c| c.slug == chapter.slug) {
            return Err(said!("config-chapter-twice", "name" => name).about("chapters"));
        }
        if let Some(other) = chapters
            .iter()
            .find(|c| page_stem(&c.slug) == page_stem(&chapter.slug))
        {
            return Err(said!(
                "config-chapter-same-page",
                "name" => name,
                "other" => &other.rel_path,
                "page" => page_stem(&chapter.slug)
            )
            .about("chapters"));
        }
        chapters.push(chapter);
    }
    Ok(chapters)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_codes_are_validated_and_canonical() {
        assert!(parse_locale("fa").is_ok());
        assert!(parse_locale("../etc").is_err());
        assert!(parse_locale("FA").is_err());
    }

    #[test]
    fn chapter_paths_cannot_escape_source() {
        let root = Path::new("/book");
        assert!(chapter_from_name(root, "../secret.md").is_err());
        assert!(chapter_from_name(root, "/etc/passwd.md").is_err());
        assert!(chapter_from_name(root, "notes.txt").is_err());
        assert_eq!(chapter_from_name(root, "intro.md").unwrap().slug, "intro");
    }
}
