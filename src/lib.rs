//! tercuman: a multilingual publication pipeline with a translation memory.
//!
//! The pipeline, stage by stage (each a module; the CLI in `cmd/` only wires them):
//!
//! 1. [`project`]: `source/book.toml` -> [`project::Project`] (validated locales, chapters).
//! 2. [`source`]: Markdown chapter -> [`source::ChapterDoc`] with sentence [`source::Segment`]s.
//! 3. [`tm`]: the SQLite translation memory: source segments, translations per locale
//!    with a status, and every revision.
//! 4. [`formats::po`]: gettext PO segment files, one per chapter per locale.
//! 5. [`sync`]: source -> memory, translators' PO edits -> memory, memory -> PO files.
//! 6. [`status`]: completeness per locale and chapter; [`check`]: quality checks on
//!    translations, with the book's [`glossary`].
//! 7. [`edition`]: memory + source -> HTML site and EPUB 3 per locale, chrome from Fluent.

pub mod align;
pub mod bidi;
pub mod check;
pub mod date;
pub mod edition;
pub mod error;
pub mod fingerprint;
pub mod formats;
pub mod git;
pub mod glossary;
pub mod locale;
pub mod mdbook;
pub mod parallel;
pub mod project;
pub mod review;
pub mod scaffold;
pub mod serve;
pub mod source;
pub mod status;
pub mod sync;
pub mod timings;
pub mod tm;

pub use error::{Error, Result};
