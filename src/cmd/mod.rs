//! One small file per subcommand: load, call the library, print.

pub mod build;
pub mod status;
pub mod sync;

use anyhow::Context;

use tercuman::project::Project;
use tercuman::tm::Memory;

/// Loads the project and opens its memory, the start of every command.
pub fn open(root: &std::path::Path) -> anyhow::Result<(Project, Memory)> {
    let project = Project::load(root)
        .with_context(|| format!("failed to load the book in `{}`", root.display()))?;
    let memory = Memory::open(&project.tm_path())?;
    Ok((project, memory))
}
