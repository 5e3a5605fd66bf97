//! `tercuman init DIR`

use std::path::Path;

use tercuman::scaffold::{create, NewBook, SAMPLE_CHAPTER};

use crate::t;
use crate::ui;

pub fn run(dir: &Path, locales: &[String], title: &str, author: &str) -> anyhow::Result<()> {
    let locales = locales
        .iter()
        .map(|code| tercuman::project::parse_locale(code.trim()).map_err(anyhow::Error::msg))
        .collect::<anyhow::Result<Vec<_>>>()?;
    if dir.join("source/book.toml").exists() {
        anyhow::bail!(t!("error-init-not-empty", "dir" => dir.display().to_string()));
    }
    create(
        dir,
        &NewBook {
            title,
            author,
            locales: &locales,
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
        "chapter" => SAMPLE_CHAPTER,
        "locales" => names
    ));
    super::sync::run(dir)?;
    ui::hint(&t!("init-next", "dir" => dir.display().to_string()));
    Ok(())
}
