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
    /// `n` counted untranslated so far are in `status`.
    fn settle(&mut self, status: Status, n: usize) {
        self.untranslated -= n;
        self.total -= n;
        self.add(status, n);
    }

    /// How many are in `status`.
    fn of(&self, status: Status) -> usize {
        match status {
            Status::Translated => self.translated,
            Status::Fuzzy => self.fuzzy,
            Status::Untranslated => self.untranslated,
        }
    }

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

/// The current source as completeness counts it: how many segments and
/// source words each chapter has, and where each segment stands. Built
/// once and shared by every locale.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    /// Each chapter's segments and source words.
    chapters: Vec<(usize, usize)>,
    /// Each segment by id: a million-word book's 80,000 segments take a
    /// few MB. Looked up once per translation, change and locale, so by
    /// hash (FxHash: the ids are the source's, a hex digest after the
    /// chapter's slug) rather than by a binary search comparing ids that
    /// share their first dozen bytes.
    places: HashMap<Box<str>, Place, rustc_hash::FxBuildHasher>,
}

/// Where a segment stands in the book, and its source words.
#[derive(Debug, Clone, Copy)]
struct Place {
    chapter: u32,
    /// Its place in reading order, counted over the whole book.
    order: u32,
    words: u32,
}

impl Outline {
    /// The outline of chapters already read.
    pub fn of(docs: &[ChapterDoc]) -> Outline {
        Outline::from_chapters(docs.iter().map(summarize).collect())
    }

    /// Reads the book's chapters one at a time per core, keeping only their
    /// outline: the whole book is never in memory at once.
    pub fn read(project: &Project) -> crate::Result<Outline> {
        Ok(Outline::from_chapters(crate::sync::summarize_chapters(
            project, summarize,
        )?))
    }

    fn from_chapters(chapters: Vec<Vec<(Box<str>, u32)>>) -> Outline {
        let mut outline = Outline {
            chapters: Vec::with_capacity(chapters.len()),
            places: HashMap::with_capacity_and_hasher(
                chapters.iter().map(Vec::len).sum(),
                rustc_hash::FxBuildHasher,
            ),
        };
        for (chapter, segments) in chapters.into_iter().enumerate() {
            let words = segments.iter().map(|&(_, n)| n as usize).sum();
            outline.chapters.push((segments.len(), words));
            for (id, words) in segments {
                let order = outline.places.len() as u32;
                let chapter = chapter as u32;
                outline.places.insert(
                    id,
                    Place {
                        chapter,
                        order,
                        words,
                    },
                );
            }
        }
        outline
    }

    fn place(&self, id: &str) -> Option<&Place> {
        self.places.get(id)
    }

    /// How many segments the book has.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// A segment's place in reading order (`None` for one the source no
    /// longer has).
    pub fn order(&self, id: &str) -> Option<usize> {
        self.place(id).map(|p| p.order as usize)
    }
}

fn summarize(doc: &ChapterDoc) -> Vec<(Box<str>, u32)> {
    doc.segments()
        .map(|s| (s.id.as_str().into(), words::count_words(&s.text) as u32))
        .collect()
}

/// One locale's counts as its segments' states come in, in any order:
/// every segment starts untranslated, and segments the source no longer
/// has are not counted.
pub struct Tally<'a> {
    outline: &'a Outline,
    /// Per chapter: (segments, words).
    chapters: Vec<(Counts, Counts)>,
}

impl<'a> Tally<'a> {
    pub fn new(outline: &'a Outline) -> Tally<'a> {
        let untranslated = |n| Counts {
            total: n,
            untranslated: n,
            ..Counts::default()
        };
        Tally {
            outline,
            chapters: outline
                .chapters
                .iter()
                .map(|&(segments, words)| (untranslated(segments), untranslated(words)))
                .collect(),
        }
    }

    /// Segment `id` is in `status` as an edition would use it, and
    /// `approved` when a reviewer's approval stands for it.
    pub fn record(&mut self, id: &str, status: Status, approved: bool) {
        let Some(place) = self.outline.place(id) else {
            return;
        };
        let n = place.words as usize;
        let (segments, words) = &mut self.chapters[place.chapter as usize];
        segments.settle(status, 1);
        words.settle(status, n);
        if approved && status == Status::Translated {
            segments.reviewed += 1;
            words.reviewed += n;
        }
    }

    /// The locale's completeness, chapter by chapter.
    pub fn finish(
        self,
        project: &Project,
        locale: &unic_langid::LanguageIdentifier,
    ) -> Completeness {
        let mut total_segments = Counts::default();
        let mut total_words = Counts::default();
        let mut chapters = Vec::new();
        for (chapter, (segments, words)) in project.chapters.iter().zip(self.chapters) {
            total_segments.reviewed += segments.reviewed;
            total_words.reviewed += words.reviewed;
            for status in [Status::Translated, Status::Fuzzy, Status::Untranslated] {
                total_segments.add(status, segments.of(status));
                total_words.add(status, words.of(status));
            }
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
}

/// Counts one locale over the current source from translations and
/// reviews already loaded (as the editions have them).
pub fn completeness(
    project: &Project,
    outline: &Outline,
    locale: &unic_langid::LanguageIdentifier,
    translations: &HashMap<String, Translation>,
    reviews: &HashMap<String, crate::tm::Review>,
) -> Completeness {
    let mut tally = Tally::new(outline);
    for (id, t) in translations {
        let approved = is_approved(Some(t), reviews.get(id));
        tally.record(id, effective_status(Some(t)), approved);
    }
    tally.finish(project, locale)
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
    outline: &Outline,
    memory: &crate::tm::Memory,
    progress: bool,
) -> crate::Result<StatusReport> {
    let mut locales = Vec::new();
    for lang in &project.book.locales {
        let code = lang.to_string();
        // Each segment's state as SQLite reads it, never the whole locale.
        let mut tally = Tally::new(outline);
        memory.for_each_completion_state(&code, |id, status, approved| {
            tally.record(id, status, approved)
        })?;
        let mut locale = tally.finish(project, lang);
        if progress {
            locale.progress = history::progress(outline, &memory.state_changes(&code)?);
        }
        locales.push(locale);
    }
    Ok(StatusReport { locales })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tally_counts_states_in_any_order_over_todays_segments_only() {
        let docs = vec![
            crate::source::segment_chapter("a", "One two. Three.\n"),
            crate::source::segment_chapter("b", "Four five six.\n"),
        ];
        let outline = Outline::of(&docs);
        let ids: Vec<String> = docs
            .iter()
            .flat_map(|d| d.segments().map(|s| s.id.clone()))
            .collect();
        assert_eq!(outline.len(), 3);
        assert_eq!(
            outline.order(&ids[2]),
            Some(2),
            "reading order, not id order"
        );
        let mut tally = Tally::new(&outline);
        tally.record(&ids[2], Status::Translated, true);
        tally.record("a/gone", Status::Translated, true);
        tally.record(&ids[0], Status::Fuzzy, true);
        let counts: Vec<(Counts, Counts)> = tally.chapters.clone();
        let (a, b) = (counts[0], counts[1]);
        assert_eq!(
            (a.0.total, a.0.fuzzy, a.0.untranslated, a.0.reviewed),
            (2, 1, 1, 0)
        );
        assert_eq!((a.1.total, a.1.fuzzy, a.1.untranslated), (3, 2, 1));
        assert_eq!((b.0.translated, b.0.reviewed, b.1.reviewed), (1, 1, 3));
    }
}
