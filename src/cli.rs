//! Command-line definitions only (clap derive); doc comments become `--help`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// tercuman: publish a Markdown book in several languages from one translation memory.
#[derive(Debug, Parser)]
#[command(name = "tercuman", version, about, long_about = None)]
pub struct Cli {
    /// The book project (holding `source/book.toml`).
    #[arg(long, global = true, value_name = "DIR", default_value = ".")]
    pub project: PathBuf,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Update the memory from `source/` and the translators' PO files, then rewrite the PO files.
    ///
    /// Example: `tercuman sync` after editing `locales/fa/introduction.po`.
    Sync,

    /// Show how complete each locale is, in segments and source words.
    ///
    /// Example: `tercuman status --by-chapter`, or `tercuman status --json`.
    Status {
        /// Print JSON (the shape is documented in README.md).
        #[arg(long)]
        json: bool,
        /// Add a row per chapter.
        #[arg(long)]
        by_chapter: bool,
    },

    /// Sync, then build the EPUB 3 and HTML editions of every language into `dist/`.
    ///
    /// Example: `SOURCE_DATE_EPOCH=1767225600 tercuman build` for a reproducible build.
    Build {
        /// Output directory (default: `dist/` in the project).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}
