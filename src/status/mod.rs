//! Stage 6: how complete each locale is.
//!
//! In: the segmented chapters and the memory's translations. Out: a
//! [`Completeness`] per locale (and per chapter), counted in segments and in
//! source words, shown as a table for people and serialized for `--json`.

use std::collections::HashMap;
use std::fmt;

use serde::Serialize;

use crate::project::Project;
use crate::source::ChapterDoc;

pub mod dashboard;
pub mod history;
pub mod words;
use crate::tm::{Status, Translation};

/// Counts by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub total: usize,
    pub translated: usize,
    pub fuzzy: usize,
    pub untranslated: usize,
    /// Translated and approved by a reviewer (counted in `translated` too).
    pub reviewed: usize,
}

impl Counts {
    fn add(&mut self, status: Status, n: usize) {
        self.total += n;
        match status {
            Status::Translated => self.translated += n,
            Status::Fuzzy => self.fuzzy += n,
            Status::Untranslated => self.untranslated += n,
        }
    }

    /// Share reviewed, in percent with one decimal (100 for an empty book).
    pub fn percent_reviewed(&self) -> f64 {
        if self.total == 0 {
            100.0
        } else {
            (self.reviewed as f64 * 1000.0 / self.total as f64).floor() / 10.0
        }
    }

    /// Share translated, in percent with one decimal (100 for an empty book).
    pub fn percent(&self) -> f64 {
        if self.total == 0 {
            100.0
        } else {
            (self.translated as f64 * 1000.0 / self.total as f64).floor() / 10.0
        }
    }
}

/// Completeness of one chapter in one locale.
#[derive(Debug, Clone, Serialize)]
pub struct ChapterCompleteness {
    pub chapter: String,
    /// The PO file to work on.
    pub file: String,
    pub segments: Counts,
    pub words: Counts,
    pub percent_translated: f64,
    pub percent_reviewed: f64,
}

/// Completeness of one locale.
#[derive(Debug, Clone, Serialize)]
pub struct Completeness {
    pub locale: String,
    pub segments: Counts,
    pub words: Counts,
    pub percent_translated: f64,
    /// Share of segments a reviewer approved.
    pub percent_reviewed: f64,
    pub chapters: Vec<ChapterCompleteness>,
    /// The locale's counts at each moment its memory changed, oldest
    /// first ([`history::progress`]); empty when not asked for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<history::Moment>,
}

/// The whole report, as `status --json` prints it.
#[derive(Debug, Clone, Serialize)]
pub struct StatusReport {
    pub locales: Vec<Completeness>,
}

/// The status of a translation as an edition would use it: an empty text is untranslated.
pub fn effective_status(t: Option<&Translation>) -> Status {
    match t {
        Some(t) if !t.text.is_empty() => t.status,
        _ => Status::Untranslated,
    }
}

/// Whether a segment counts as reviewed: translated as an edition would use
/// it, with a reviewer's approval standing for that text.
pub fn is_approved(t: Option<&Translation>, review: Option<&crate::tm::Review>) -> bool {
    effective_status(t) == Status::Translated && t.zip(review).is_some_and(|(t, r)| r.approves(t))
}

/// Source words of every segment, chapter by chapter: counted once and
/// shared by every locale's [`completeness`].
pub fn segment_words(docs: &[ChapterDoc]) -> Vec<Vec<usize>> {
    docs.iter()
        .map(|doc| {
            doc.segments()
                .map(|s| words::count_words(&s.text))
                .collect()
        })
        .collect()
}

/// Counts one locale over the current source: segments and words per
/// chapter; `words` from [`segment_words`].
pub fn completeness(
    project: &Project,
    docs: &[ChapterDoc],
    words: &[Vec<usize>],
    locale: &unic_langid::LanguageIdentifier,
    translations: &HashMap<String, Translation>,
    reviews: &HashMap<String, crate::tm::Review>,
) -> Completeness {
    let mut total_segments = Counts::default();
    let mut total_words = Counts::default();
    let mut chapters = Vec::new();
    for ((chapter, doc), chapter_words) in project.chapters.iter().zip(docs).zip(words) {
        let mut segments = Counts::default();
        let mut words = Counts::default();
        for (seg, n) in doc.segments().zip(chapter_words) {
            let translation = translations.get(&seg.id);
            let status = effective_status(translation);
            segments.add(status, 1);
            words.add(status, *n);
            if is_approved(translation, reviews.get(&seg.id)) {
                segments.reviewed += 1;
                words.reviewed += *n;
            }
        }
        total_segments.reviewed += segments.reviewed;
        total_words.reviewed += words.reviewed;
        total_segments.add(Status::Translated, segments.translated);
        total_segments.add(Status::Fuzzy, segments.fuzzy);
        total_segments.add(Status::Untranslated, segments.untranslated);
        total_words.add(Status::Translated, words.translated);
        total_words.add(Status::Fuzzy, words.fuzzy);
        total_words.add(Status::Untranslated, words.untranslated);
        chapters.push(ChapterCompleteness {
            chapter: chapter.slug.clone(),
            file: project.display_path(&project.po_path(locale, chapter)),
            percent_translated: segments.percent(),
            percent_reviewed: segments.percent_reviewed(),
            segments,
            words,
        });
    }
    Completeness {
        locale: locale.to_string(),
        percent_translated: total_segments.percent(),
        percent_reviewed: total_segments.percent_reviewed(),
        segments: total_segments,
        words: total_words,
        chapters,
        progress: Vec::new(),
    }
}

/// A terminal table; `by_chapter` adds a row per chapter, `color` uses ANSI
/// colours (only for a terminal, and never when `NO_COLOR` is set).
pub struct Table<'a> {
    pub report: &'a StatusReport,
    pub by_chapter: bool,
    pub color: bool,
    /// The words of the table, in the user's language.
    pub labels: &'a Labels,
}

/// The headers of the table's columns, and its last line.
#[derive(Debug, Clone)]
pub struct Labels {
    pub locale: String,
    pub done: String,
    pub translated: String,
    pub reviewed: String,
    pub fuzzy: String,
    pub untranslated: String,
    /// `total: N segments, M source words per locale`, given the counts.
    pub total: fn(usize, usize) -> String,
    /// A share in percent, as the reader's language writes it.
    pub percent: fn(f64) -> String,
}

impl Default for Labels {
    fn default() -> Labels {
        Labels {
            locale: "locale".into(),
            done: "done".into(),
            translated: "translated seg/words".into(),
            reviewed: "reviewed seg/words".into(),
            fuzzy: "fuzzy seg/words".into(),
            untranslated: "untranslated seg/words".into(),
            total: |segments, words| {
                format!("total: {segments} segments, {words} source words per locale")
            },
            percent: |p| format!("{p:.1}%"),
        }
    }
}

/// A bar of `width` cells: translated `█`, fuzzy `▒`, untranslated `░`.
fn bar(counts: &Counts, width: usize, color: bool) -> String {
    let cells = |n: usize| {
        (n * width + counts.total / 2)
            .checked_div(counts.total)
            .unwrap_or(0)
    };
    let done = cells(counts.translated).min(width);
    let fuzzy = cells(counts.fuzzy).min(width - done);
    let rest = width - done - fuzzy;
    let (green, yellow, dim, reset) = if color {
        ("\x1b[32m", "\x1b[33m", "\x1b[2m", "\x1b[0m")
    } else {
        ("", "", "", "")
    };
    format!(
        "{green}{}{reset}{yellow}{}{reset}{dim}{}{reset}",
        "█".repeat(done),
        "▒".repeat(fuzzy),
        "░".repeat(rest)
    )
}

impl fmt::Display for Table<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let l = self.labels;
        writeln!(
            f,
            "{:<24} {:>6}  {:>22}  {:>22}  {:>22}  {:>22}",
            l.locale, l.done, l.translated, l.reviewed, l.fuzzy, l.untranslated
        )?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, s: &Counts, w: &Counts, pct: f64| {
            writeln!(
                f,
                "{:<24} {:>6}  {:>22}  {:>22}  {:>22}  {:>22}",
                name,
                (self.labels.percent)(pct),
                format!("{}/{}", s.translated, w.translated),
                format!("{}/{}", s.reviewed, w.reviewed),
                format!("{}/{}", s.fuzzy, w.fuzzy),
                format!("{}/{}", s.untranslated, w.untranslated),
            )
        };
        for l in &self.report.locales {
            row(f, &l.locale, &l.segments, &l.words, l.percent_translated)?;
            writeln!(f, "{:<24} {}", "", bar(&l.segments, 40, self.color))?;
            if self.by_chapter {
                for c in &l.chapters {
                    row(
                        f,
                        &format!("  {}", c.chapter),
                        &c.segments,
                        &c.words,
                        c.percent_translated,
                    )?;
                }
            }
        }
        if let Some(first) = self.report.locales.first() {
            writeln!(
                f,
                "{}",
                (self.labels.total)(first.segments.total, first.words.total)
            )?;
        }
        Ok(())
    }
}

/// A locale below one of its minimums.
#[derive(Debug, Clone, PartialEq)]
pub struct GateFailure {
    pub locale: String,
    /// Which share: translated or reviewed.
    pub share: Share,
    pub percent: f64,
    pub min: f64,
}

/// The shares a locale can be required to reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Share {
    Translated,
    Reviewed,
}

/// Minimums given on the command line; each replaces the book's.
#[derive(Debug, Clone, Copy, Default)]
pub struct Minimums {
    pub translated: Option<f64>,
    pub reviewed: Option<f64>,
}

/// Checks every locale against its minimums: those of `cli` when given,
/// else the locale's `min-translated` and `min-reviewed` in `book.toml`.
/// Returns each share below its minimum.
pub fn gate(report: &StatusReport, project: &Project, cli: Minimums) -> Vec<GateFailure> {
    let mut failures = Vec::new();
    for l in &report.locales {
        let settings = project.book.locale_settings.get(&l.locale);
        let shares = [
            (
                Share::Translated,
                l.percent_translated,
                cli.translated.or(settings.and_then(|s| s.min_translated)),
            ),
            (
                Share::Reviewed,
                l.percent_reviewed,
                cli.reviewed.or(settings.and_then(|s| s.min_reviewed)),
            ),
        ];
        for (share, percent, min) in shares {
            if let Some(min) = min.filter(|&min| percent < min) {
                failures.push(GateFailure {
                    locale: l.locale.clone(),
                    share,
                    percent,
                    min,
                });
            }
        }
    }
    failures
}

/// Completeness of every target locale; with `progress`, also its
/// progress over time (a scan of every revision: 0.3 s per locale at 1M
/// words, so only for the pages and scripts that show it).
pub fn report(
    project: &Project,
    docs: &[ChapterDoc],
    memory: &crate::tm::Memory,
    progress: bool,
) -> crate::Result<StatusReport> {
    let words = segment_words(docs);
    let mut locales = Vec::new();
    for lang in &project.book.locales {
        let translations = memory.translations(&lang.to_string())?;
        let reviews = memory.reviews(&lang.to_string())?;
        let mut locale = completeness(project, docs, &words, lang, &translations, &reviews);
        if progress {
            locale.progress = history::progress(docs, &memory.state_changes(&lang.to_string())?);
        }
        locales.push(locale);
    }
    Ok(StatusReport { locales })
}
