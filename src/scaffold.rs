//! `tercuman init`: a new book with everything a first sync and build need:
//! `source/book.toml` with comments, a sample chapter, and Fluent chrome per
//! locale (the shipped chrome, where tercuman has one for the language, with
//! this book's own title and credits left for the editor to fill in).

use std::path::Path;

use unic_langid::LanguageIdentifier;

use crate::error::{write_if_changed, Error, Result};

/// The sample chapter's file name.
pub const SAMPLE_CHAPTER: &str = "chapter-1.md";

const SAMPLE: &str = "# Chapter One

This is the first paragraph of your book. Each sentence becomes a segment that translators fill in.

Write your chapters in Markdown under `source/` and list them in `source/book.toml`.
";

/// What to create.
pub struct NewBook<'a> {
    pub title: &'a str,
    pub author: &'a str,
    pub description: Option<&'a str>,
    pub source_language: &'a LanguageIdentifier,
    pub locales: &'a [LanguageIdentifier],
    /// Chapter files under `source/`, in reading order; empty for the
    /// sample chapter.
    pub chapters: &'a [String],
    /// Seconds since the epoch, to make the book's identifier.
    pub now: i64,
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Creates the book in `root`, refusing a directory that already has one.
pub fn create(root: &Path, book: &NewBook) -> Result<()> {
    let config_path = root.join("source/book.toml");
    if config_path.exists() {
        return Err(Error::Other(crate::said!(
            "init-book-exists",
            "path" => config_path.display()
        )));
    }
    let locales = book
        .locales
        .iter()
        .map(|l| toml_string(&l.to_string()))
        .collect::<Vec<_>>()
        .join(", ");
    // A name-based identifier (from the title and the time), made as the
    // editions' own are.
    let identifier = crate::edition::epub::edition_uuid(book.title, &book.now.to_string());
    let config = format!(
        "# A book tercuman publishes. Paths are relative to this directory.
# Unknown keys are errors, so a typo never passes silently.

[book]
# English title; each edition's localized title comes from `locales/<lang>/book.ftl`.
title = {title}
author = {author}
publisher = {author}{description}
# Stable identifier of the book; each edition derives its own from it and its locale.
identifier = \"{identifier}\"
source-language = {source_language}
# Languages to translate into (BCP 47 tags); each gets `locales/<lang>/`.
locales = [{locales}]
# Chapters in reading order, Markdown files in this directory.
chapters = [
{chapters}]
# segmentation = \"sentence\"   # or \"paragraph\"
# cover = \"images/cover.png\"  # your own EPUB cover (below source/); else one is drawn

# [memory]
# fuzzy-threshold = 75         # lowest score (percent) offered as a fuzzy match

# Per-locale settings, for example:
# [locale.fa]
# min-translated = 90          # `tercuman status` exits 1 below this share
# untranslated = \"english\"     # or \"refuse\": never publish English in this edition
# calendar = \"persian\"         # colophon date in the Solar Hijri calendar
# font = {{ files = [\"fonts/Vazirmatn-Regular.ttf\"], license = \"fonts/OFL.txt\" }}  # embedded
",
        title = toml_string(book.title),
        author = toml_string(book.author),
        description = book
            .description
            .map(|d| format!("\ndescription = {}", toml_string(d)))
            .unwrap_or_default(),
        source_language = toml_string(&book.source_language.to_string()),
        chapters = chapter_list(book.chapters),
    );
    // The book is checked as `sync` will load it before anything is written:
    // a bad locale list leaves no half-made book behind.
    crate::project::Project::from_config(root, &config_path, &config)?;
    let sample = root.join("source").join(SAMPLE_CHAPTER);
    let mut files = vec![(config_path, config)];
    if book.chapters.is_empty() && !sample.exists() {
        files.push((sample, SAMPLE.to_string()));
    }
    for (name, text) in [
        (".gitignore", crate::git::GITIGNORE),
        (".gitattributes", crate::git::GITATTRIBUTES),
    ] {
        let path = root.join(name);
        if !path.exists() {
            files.push((path, text.to_string()));
        }
    }
    let source = std::iter::once(book.source_language.clone());
    for lang in source.chain(book.locales.iter().cloned()) {
        let path = root.join("locales").join(lang.to_string()).join("book.ftl");
        if !path.exists() {
            let is_source = lang == *book.source_language;
            files.push((path, chrome_for(&lang, is_source)));
        }
    }
    for (path, text) in files {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        write_if_changed(&path, text.as_bytes())?;
    }
    Ok(())
}

/// `chapters = [...]`'s lines: the sample chapter when there are none.
fn chapter_list(chapters: &[String]) -> String {
    if chapters.is_empty() {
        return format!("    {},\n", toml_string(SAMPLE_CHAPTER));
    }
    chapters
        .iter()
        .map(|c| format!("    {},\n", toml_string(c)))
        .collect()
}

/// A locale's chrome: tercuman's own for its language, minus another book's
/// particulars, plus a place for this book's title.
fn chrome_for(lang: &LanguageIdentifier, is_source: bool) -> String {
    let mut out = format!(
        "# Edition chrome for `{lang}` (Fluent). Messages missing here are shown\n# from locales/en/book.ftl.\n"
    );
    if is_source {
        out.push_str("# The title and the author come from source/book.toml.\n");
    } else {
        out.push_str("# book-title = (the title in this language)\n");
    }
    out.push_str(&crate::locale::generic_chrome(lang));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_keeps_the_generic_messages_and_drops_another_books() {
        let fa: LanguageIdentifier = "fa".parse().unwrap();
        let text = chrome_for(&fa, false);
        assert!(text.contains("contents = "), "{text}");
        assert!(text.contains("colophon-fallback = "), "{text}");
        assert!(!text.contains("\nbook-author"), "{text}");
        assert!(!text.contains("translator-credit"), "{text}");
        fluent_bundle::FluentResource::try_new(text).expect("valid Fluent");
        let de: LanguageIdentifier = "de".parse().unwrap();
        assert!(chrome_for(&de, false).starts_with("# Edition chrome for `de`"));
    }
}
