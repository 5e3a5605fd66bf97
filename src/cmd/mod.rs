//! One small file per subcommand: load, call the library, print.

pub mod build;
pub mod check;
pub mod exchange;
pub mod git;
pub mod glossary;
pub mod init;
pub mod review;
pub mod serve;
pub mod status;
pub mod sync;
pub mod tm;

use anyhow::Context;

use crate::t;

use tercuman::project::{Project, ProjectLock};
use tercuman::tm::Memory;

/// Loads the project, takes its lock and opens its memory: the start of
/// every command that writes.
pub fn open(root: &std::path::Path) -> anyhow::Result<(Project, Memory, ProjectLock)> {
    let project = load(root)?;
    let lock = project.lock()?;
    let memory = Memory::open(&project.tm_path())?;
    Ok((project, memory, lock))
}

/// Loads the project and its memory without creating anything on disk: a
/// clone whose index was never built reads its journal; a project never
/// synced reads as an empty memory.
pub fn open_read_only(root: &std::path::Path) -> anyhow::Result<(Project, Memory)> {
    let project = load(root)?;
    let path = project.tm_path();
    let memory = if path.exists() {
        Memory::open(&path)?
    } else if let Some(tm) = path.parent().filter(|tm| tm.is_dir()) {
        Memory::read_journal(tm)?
    } else {
        Memory::open_in_memory()?
    };
    let mut memory = memory;
    tercuman::sync::place_segments(&project, &mut memory)?;
    Ok((project, memory))
}

pub fn load(root: &std::path::Path) -> anyhow::Result<Project> {
    Project::load(root).with_context(|| t!("error-load-book", "dir" => root.display().to_string()))
}

/// A `--locale` option: validated, and one of the book's locales. Empty
/// when the option is absent (meaning every locale).
pub fn locale_arg(
    project: &Project,
    code: Option<&str>,
) -> anyhow::Result<Vec<unic_langid::LanguageIdentifier>> {
    let Some(code) = code else {
        return Ok(Vec::new());
    };
    let lang = tercuman::project::parse_locale(code).map_err(tercuman::Error::Other)?;
    if !project.book.locales.contains(&lang) {
        anyhow::bail!(t!("error-not-a-locale", "code" => code));
    }
    Ok(vec![lang])
}
