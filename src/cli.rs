//! Command-line definitions only (clap derive); doc comments become `--help`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// tercuman: publish a Markdown book in several languages from one translation memory.
#[derive(Debug, Parser)]
#[command(
    name = "tercuman",
    version,
    about,
    long_about = None,
)]
pub struct Cli {
    /// The book project (holding `source/book.toml`).
    #[arg(long, global = true, value_name = "DIR", default_value = ".")]
    pub project: PathBuf,

    /// Print only warnings and errors: no reports, hints or progress.
    #[arg(long, short, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new book in DIR: `source/book.toml` with comments, a sample
    /// chapter, Fluent chrome for each locale, then a first sync.
    ///
    /// Example: `tercuman init my-book --locales az,fa,tr --title "My Book"`.
    Init {
        /// The directory to create the book in (created if missing).
        dir: PathBuf,
        /// Languages to translate into, as BCP 47 tags.
        #[arg(
            long,
            value_delimiter = ',',
            default_value = "az,fa,tr",
            value_name = "LANG,…"
        )]
        locales: Vec<String>,
        /// The book's title, in its source language (default: "A New Book",
        /// or the mdBook's).
        #[arg(long)]
        title: Option<String>,
        /// The book's author (default: "Anonymous", or the mdBook's authors).
        #[arg(long)]
        author: Option<String>,
        /// Start from an existing mdBook: its title, authors, language,
        /// description, chapters in `SUMMARY.md` order and their images.
        /// What tercuman does not keep as mdBook has it is reported with
        /// file and line.
        #[arg(long, value_name = "MDBOOK_DIR")]
        from_mdbook: Option<PathBuf>,
    },

    /// Update the memory from `source/` and the translators' PO files, then rewrite the PO files.
    ///
    /// Example: `tercuman sync` after editing `locales/fa/introduction.po`.
    Sync,

    /// Show how complete each locale is, in segments and source words.
    ///
    /// Exit code 0 when every locale meets its minimum (`--min`, or
    /// `min-translated` in book.toml), 1 when one does not, 2 on error.
    ///
    /// Example: `tercuman status --by-chapter`, `tercuman status --json --min 90`.
    Status {
        /// Print JSON (the shape is documented in README.md).
        #[arg(long)]
        json: bool,
        /// Add a row per chapter.
        #[arg(long)]
        by_chapter: bool,
        /// Also write a self-contained HTML dashboard to FILE.
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
        /// Fail (exit 1) if any locale has less than PERCENT of its segments translated.
        #[arg(long, value_name = "PERCENT", value_parser = parse_percent)]
        min: Option<f64>,
        /// Fail (exit 1) if any locale has less than PERCENT of its segments reviewed.
        #[arg(long, value_name = "PERCENT", value_parser = parse_percent)]
        min_reviewed: Option<f64>,
    },

    /// Check translations: markup and numbers as in the source, blank or
    /// untranslated text, whitespace, end punctuation, brackets and quotes.
    ///
    /// Reports `file:line: severity[rule]: message`; exit code 1 when any
    /// check finds an error, 0 otherwise, 2 when a file cannot be read.
    ///
    /// Example: `tercuman check --locale fa`.
    Check {
        /// Only this locale.
        #[arg(long, value_name = "LANG")]
        locale: Option<String>,
        /// Print JSON: `{"findings": [...], "errors": N, "warnings": N}`.
        #[arg(long)]
        json: bool,
        /// Also warn about translations less than a third or more than three times as long as the source.
        #[arg(long)]
        length_ratio: bool,
    },

    /// Record a reviewer's verdict: approve translations, or reject them with a note.
    ///
    /// A rejected entry turns fuzzy, with the note, until a translator
    /// changes it. Syncs first, so the verdict is on the text the PO files
    /// hold, and again after, so they show it.
    ///
    /// A reviewed translation is unreviewed again as soon as anyone edits
    /// it or its English changes. Only translated entries can be approved.
    ///
    /// Example: `tercuman review --locale fa --chapter introduction --by "Leyla"`.
    Review {
        /// The locale reviewed.
        #[arg(long, value_name = "LANG")]
        locale: String,
        /// Only this chapter (its file name without `.md`); repeatable.
        #[arg(long, value_name = "SLUG")]
        chapter: Vec<String>,
        /// Only this segment (a PO entry's msgctxt); repeatable.
        #[arg(long, value_name = "ID")]
        segment: Vec<String>,
        /// The reviewer's name (default: git's `user.name` in this book).
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
        /// Reject instead of approving (needs `--note`).
        #[arg(long, requires = "note")]
        reject: bool,
        /// A note kept with the verdict (why it was rejected).
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },

    /// Write one locale's segments for a CAT tool (XLIFF 1.2 or 2.1) or the memory as TMX.
    ///
    /// XLIFF carries inline Markdown as inline codes, each translation's
    /// state, and for fuzzy ones the English they were made for. Bring the
    /// file back with `tercuman import`. `--format omegat` writes a whole
    /// OmegaT project folder on XLIFF, `--format omegat-po` one on the
    /// locale's PO files (bring either back with `tercuman import FOLDER`).
    ///
    /// Example: `tercuman export --format xliff --locale fa --out fa.xlf`.
    Export {
        /// `xliff` (1.2: Trados, OmegaT, Okapi, Weblate), `xliff2` (2.1),
        /// `tmx` (1.4b), or an OmegaT project (`omegat`, `omegat-po`).
        #[arg(long, value_enum, default_value_t = ExportFormat::Xliff)]
        format: ExportFormat,
        /// The locale to export (required for XLIFF; TMX defaults to every locale).
        #[arg(long, value_name = "LANG")]
        locale: Option<String>,
        /// The file to write (default: `<locale>.xlf`, `<locale>.xliff` or
        /// `memory.tmx`; for a project, the folder: `omegat-<locale>`).
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
    },

    /// Import an XLIFF file from a CAT tool (or a TMX file), then sync the PO files.
    ///
    /// A target replaces the memory's translation unless that segment was
    /// changed in the memory (a PO edit) since the export: then both are
    /// kept, the memory's is current and the file's is in the history.
    ///
    /// Units a reviewer approved in the file (1.2 `approved="yes"`, 2.x
    /// `state="reviewed"`) are recorded as reviewed by `--by`.
    ///
    /// Example: `tercuman import fa.xlf`.
    Import {
        /// The `.xlf`/`.xliff` or `.tmx` file to read, a `.po` catalog
        /// that mdbook-xgettext or po4a made (one entry per paragraph), or
        /// an OmegaT project folder `export` wrote.
        #[arg(required_unless_present = "aligned_markdown")]
        file: Option<PathBuf>,
        /// A translated copy of the book in Markdown: a folder with each
        /// chapter's translation under its path in `source/` (needs
        /// `--locale`). Blocks, then sentences, are aligned to the book's.
        #[arg(long, value_name = "DIR", conflicts_with = "file")]
        aligned_markdown: Option<PathBuf>,
        /// Who approved the file's approved units (default: git's `user.name` in this book).
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
        /// The locale of a `.po` catalog (default: its header's `Language`)
        /// or of `--aligned-markdown`.
        #[arg(long, value_name = "LANG")]
        locale: Option<String>,
    },

    /// Set this clone up for merges: `.gitattributes` and the PO merge driver in git's config.
    ///
    /// The memory's journal merges with git's own `union` driver; PO files
    /// merge entry by entry with tercuman's, which each clone names once.
    /// Running it again changes nothing.
    ///
    /// Example: `git clone URL book && cd book && tercuman git-setup`.
    GitSetup,

    /// Merge two versions of a PO file entry by entry (run by git, set up by `git-setup`).
    #[command(hide = true)]
    GitMergePo {
        /// The common ancestor's version (git's %O).
        base: PathBuf,
        /// Ours (%A), where the result is written.
        ours: PathBuf,
        /// Theirs (%B).
        theirs: PathBuf,
        /// The file's path in the work tree (%P), for messages.
        path: Option<String>,
    },

    /// Print a completion script for a shell.
    ///
    /// Example: `tercuman completions bash > ~/.local/share/bash-completion/completions/tercuman`.
    Completions {
        /// bash, elvish, fish, powershell or zsh.
        shell: clap_complete::Shell,
    },

    /// Print the manual page (roff), generated from these definitions.
    ///
    /// Example: `tercuman man > tercuman.1 && man ./tercuman.1`.
    Man,

    /// Work with the translation memory: history, search, TMX, rebuild.
    #[command(subcommand)]
    Tm(TmCommand),

    /// Exchange the book's glossary (`source/glossary.tsv`) as TBX-Basic.
    #[command(subcommand)]
    Glossary(GlossaryCommand),

    /// Sync, then build the EPUB 3 and HTML editions of every language into `dist/`.
    ///
    /// Example: `SOURCE_DATE_EPOCH=1767225600 tercuman build` for a reproducible build.
    Build {
        /// Output directory (default: `dist/` in the project).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Publish translations even when a check finds an error in them
        /// (by default they are shown in English and reported).
        #[arg(long)]
        allow_check_errors: bool,
        /// Write only the EPUB or only the HTML editions (default: both).
        #[arg(long, value_enum, value_name = "FORMAT")]
        only: Option<EditionFormat>,
    },

    /// Preview the HTML editions while you translate: serves them on this
    /// machine and rebuilds them as the book's files are saved.
    ///
    /// Saving a chapter, a PO file, a Fluent file, `book.toml` or the
    /// glossary syncs and rebuilds the pages, and the browser reloads the
    /// page it shows. A file that cannot be read is shown as a banner on the
    /// page, with its file and line; the last good pages stay, and the
    /// memory is left as it was. The pages (under `dist/preview/`) can mark
    /// each segment with its state and its PO line; `build` never does.
    ///
    /// Example: `tercuman serve --locale fa --open`.
    Serve {
        /// Preview one locale only (and the source), to rebuild faster.
        #[arg(long, value_name = "LANG")]
        locale: Option<String>,
        /// The port to listen on (0: any free port, printed at start).
        #[arg(long, default_value_t = 3000)]
        port: u16,
        /// The address to listen on. The default, 127.0.0.1, lets only this
        /// machine in; another address serves the unpublished book to
        /// whoever can reach it.
        #[arg(long, value_name = "ADDRESS")]
        bind: Option<std::net::IpAddr>,
        /// Open the preview in the desktop's browser.
        #[arg(long)]
        open: bool,
    },
}

/// One kind of edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EditionFormat {
    Epub,
    Html,
}

/// What `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// XLIFF 1.2
    Xliff,
    /// XLIFF 2.1
    Xliff2,
    /// TMX 1.4b
    Tmx,
    /// An OmegaT project folder: XLIFF shaped for OmegaT, the locale's
    /// translations as 100 % matches (tm/auto/), omegat.project
    Omegat,
    /// An OmegaT project folder on the locale's PO files, the memory as a
    /// TMX of plain text, and the custom tags that protect Markdown
    OmegatPo,
}

/// The examples under `--help`, their comments in the user's language
/// (clap's own text stays English). Built before `--quiet` is known,
/// which messages do not depend on.
pub fn examples() -> String {
    let examples = [
        (
            "tercuman init my-book --locales az,fa,tr",
            "help-example-init",
        ),
        ("tercuman sync", "help-example-sync"),
        ("tercuman status --by-chapter", "help-example-status"),
        ("tercuman build", "help-example-build"),
    ];
    let mut text = format!("{}\n", crate::t!("help-examples"));
    for (command, comment) in examples {
        text.push_str(&format!("  {command:<41} # {}\n", crate::t!(comment)));
    }
    text.push('\n');
    text.push_str(&crate::t!("help-languages"));
    text
}

fn parse_percent(s: &str) -> Result<f64, String> {
    let value: f64 = s
        .trim_end_matches('%')
        .parse()
        .map_err(|_| format!("`{s}` is not a number"))?;
    if (0.0..=100.0).contains(&value) {
        Ok(value)
    } else {
        Err(format!("`{s}` is not between 0 and 100"))
    }
}

#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// Write the glossary as TBX-Basic, for Weblate, memoQ, Trados MultiTerm or translate-toolkit.
    ///
    /// Example: `tercuman glossary export --out glossary.tbx`.
    Export {
        /// The file to write (default: `glossary.tbx`).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Add a TBX file's terms to the glossary: entries it lacks are appended, others left as they are.
    ///
    /// Example: `tercuman glossary import weblate-glossary.tbx`.
    Import {
        /// The `.tbx` file to read.
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum TmCommand {
    /// Show every revision of a segment's translations, with time and origin.
    ///
    /// Example: `tercuman tm log introduction/205412b9 --locale fa` (the id is the PO msgctxt).
    Log {
        /// Segment id (the msgctxt of its PO entries).
        segment: String,
        /// Only this locale.
        #[arg(long, value_name = "LANG")]
        locale: Option<String>,
    },
    /// List the English segments closest to TEXT, with scores and translations.
    ///
    /// Example: `tercuman tm search "the embassy attack" --locale tr`.
    Search {
        text: String,
        /// Only show this locale's translations.
        #[arg(long, value_name = "LANG")]
        locale: Option<String>,
        /// Lowest score to list, in percent.
        #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=100))]
        min: u32,
        /// How many matches to list.
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// Find every segment whose English or translation holds a word or phrase (concordance).
    ///
    /// Words match the words they begin (`Tahran` finds `Tahran'ın`), with
    /// Turkish/Azerbaijani İ/ı, Persian ی/ي, ک/ك and ZWNJ, and diacritics
    /// folded. Syncs first; the index is built on the first search and kept
    /// up to date.
    ///
    /// Example: `tercuman tm concordance "Mighty Power" --locale tr`.
    Concordance {
        text: String,
        /// Only this locale's translations.
        #[arg(long, value_name = "LANG")]
        locale: Option<String>,
        /// Also segments that left the source, and earlier revisions.
        #[arg(long)]
        history: bool,
        /// How many segments to list.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write the memory as TMX 1.4b (translated segments only).
    ///
    /// Example: `tercuman tm export --tmx book.tmx --locale fa`.
    Export {
        /// The TMX file to write.
        #[arg(long, value_name = "FILE")]
        tmx: PathBuf,
        /// Only this locale (default: every locale).
        #[arg(long, value_name = "LANG")]
        locale: Option<String>,
        /// Inline Markdown as plain text, not as inline codes: for a CAT tool
        /// working on the PO files, whose text has no tags (OmegaT's PO filter).
        #[arg(long)]
        plain: bool,
    },
    /// Import a TMX file: fills untranslated segments; other translations go to the history.
    ///
    /// Example: `tercuman tm import omegat-project-save.tmx`, then `tercuman sync`.
    Import {
        /// The TMX file to read.
        file: PathBuf,
    },
    /// Set the memory's index aside (as memory.sqlite.bak) and rebuild it from the journal and the PO files.
    ///
    /// Example: `tercuman tm rebuild` after a corrupt-memory error. The journal
    /// (`tm/revisions/`, `tm/source/`) keeps every revision, so nothing is lost.
    Rebuild,
}
