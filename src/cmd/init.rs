//! `tercuman init DIR`

use std::path::Path;

use tercuman::scaffold::{create, NewBook, SAMPLE_CHAPTER};

use crate::t;
use crate::ui;

pub fn run(
    dir: &Path,
    locales: &[String],
    title: Option<&str>,
    author: Option<&str>,
    from_mdbook: Option<&Path>,
) -> anyhow::Result<()> {
    let mut locales = locales
        .iter()
        .map(|code| tercuman::project::parse_locale(code.trim()).map_err(tercuman::Error::Other))
        .collect::<tercuman::Result<Vec<_>>>()?;
    if dir.join("source/book.toml").exists() {
        anyhow::bail!(t!("error-init-not-empty", "dir" => dir.display().to_string()));
    }
    let mdbook = from_mdbook.map(tercuman::mdbook::read).transpose()?;
    let source_language = match &mdbook {
        Some(book) => {
            tercuman::project::parse_locale(&book.language).map_err(tercuman::Error::Other)?
        }
        None => "en".parse().expect("en"),
    };
    // An mdBook in Persian keeps `fa` out of the default locales.
    if mdbook.is_some() && locales.contains(&source_language) {
        locales.retain(|l| *l != source_language);
        ui::note(&t!("init-mdbook-source", "lang" => source_language.to_string()));
    }
    let mut chapters = Vec::new();
    if let Some(book) = &mdbook {
        let (names, notes) = tercuman::mdbook::copy_into(book, dir)?;
        for note in book.notes.iter().chain(&notes) {
            ui::warning(&format!(
                "{}:{}: {}",
                note.file.display(),
                note.line,
                ui::said(&note.message)
            ));
        }
        chapters = names;
    }
    let authors = mdbook
        .as_ref()
        .map(|b| b.authors.join(", "))
        .filter(|a| !a.is_empty());
    let title = title
        .map(str::to_string)
        .or_else(|| mdbook.as_ref().map(|b| b.title.clone()))
        .unwrap_or_else(|| "A New Book".to_string());
    let author = author
        .map(str::to_string)
        .or(authors)
        .unwrap_or_else(|| "Anonymous".to_string());
    create(
        dir,
        &NewBook {
            title: &title,
            author: &author,
            description: mdbook.as_ref().and_then(|b| b.description.as_deref()),
            source_language: &source_language,
            locales: &locales,
            chapters: &chapters,
            now: tercuman::date::now(),
        },
    )?;
    let names = locales
        .iter()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    ui::note(&t!(
        "init-created",
        "dir" => dir.display().to_string(),
        "chapter" => chapters.first().map_or(SAMPLE_CHAPTER, String::as_str),
        "locales" => names
    ));
    super::sync::run(dir)?;
    // An mdBook translated with mdbook-i18n-helpers keeps `po/<lang>.po`.
    if let Some(mdbook_dir) = from_mdbook {
        for lang in &locales {
            let catalog = mdbook_dir.join("po").join(format!("{lang}.po"));
            if catalog.is_file() {
                super::exchange::import_paragraphs(dir, &catalog, Some(&lang.to_string()))?;
            }
        }
    }
    ui::hint(&t!("init-next", "dir" => dir.display().to_string()));
    Ok(())
}
