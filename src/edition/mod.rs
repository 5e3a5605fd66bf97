//! Stage 7: editions. Memory + source -> one HTML site and one EPUB 3 per
//! language (the English source edition and every target locale).
//!
//! Everything outside the inputs is passed in ([`BuildOptions`]: build time,
//! output directory), so the same inputs give byte-identical outputs.

pub mod cover;
pub mod epub;
pub mod figures;
pub mod fonts;
pub mod html;
mod outline;
mod outputs;
mod proof;
mod render;
pub mod warm;
mod write;

use crate::formats::xml::escape;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use fluent_bundle::FluentValue;
use unic_langid::LanguageIdentifier;

use crate::check::passed::Passed;
use crate::error::Result;
use crate::locale::{self, Chrome};
use crate::project::{Calendar, Project};
use crate::source::ChapterDoc;
use crate::status::{completeness, effective_status, Completeness};
use crate::tm::{Memory, Review, Status, Translation};
pub use outline::{Passage, Section};
pub use outputs::up_to_date;
pub use render::Withheld;

/// What a build needs from outside its inputs.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Seconds since the epoch stamped as the editions' modification date.
    pub build_time: i64,
    /// Where editions go (`dist/`).
    pub out_dir: PathBuf,
    /// Publish translations that fail an error-level check (normally they
    /// are shown in English and reported).
    pub allow_check_errors: bool,
    /// Which editions to write.
    pub formats: Formats,
    /// `serve`'s preview: every segment of the HTML pages marked with its
    /// state and its PO line. Never set by `build`.
    pub preview: bool,
    /// Only the source and this locale (`serve --locale`); `None`: all.
    pub only_locale: Option<LanguageIdentifier>,
}

/// Which editions a build writes (both by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    pub epub: bool,
    pub html: bool,
}

impl Default for Formats {
    fn default() -> Formats {
        Formats {
            epub: true,
            html: true,
        }
    }
}

/// A percentage as Fluent shows it, with one decimal.
fn one_decimal(percent: f64) -> FluentValue<'static> {
    FluentValue::Number(fluent_bundle::types::FluentNumber::new(
        percent,
        fluent_bundle::types::FluentNumberOptions {
            minimum_fraction_digits: Some(1),
            ..Default::default()
        },
    ))
}

/// One language's edition, ready to be written in any format.
pub struct Edition<'a> {
    pub project: &'a Project,
    pub lang: LanguageIdentifier,
    /// The English source edition, not a translation.
    pub is_source: bool,
    pub chrome: Chrome,
    pub chapters: Vec<EditionChapter>,
    /// How complete the translation is (`None` for the source edition).
    pub completeness: Option<Completeness>,
    /// Translated segments not published because a check found an error in them.
    pub failed_checks: Vec<String>,
    /// Translated segments not published because the locale publishes only
    /// reviewed translations.
    pub unreviewed: usize,
    pub build_time: i64,
    /// Every language of the book, source first, with its own name, for language switchers.
    pub languages: Vec<(LanguageIdentifier, String)>,
    /// The image files this edition publishes.
    pub figures: Vec<figures::Figure>,
    /// The author's cover image, if book.toml names one.
    pub cover: Option<figures::Figure>,
    /// The font the locale embeds, if book.toml names one.
    pub font: Option<fonts::Font>,
}

/// One chapter of an edition.
pub struct EditionChapter {
    pub slug: String,
    /// Plain-text title in the edition's language (English if untranslated).
    pub title: String,
    /// The title is still English in a translated edition.
    pub title_is_fallback: bool,
    /// Body for the HTML site (chapter links to `.html`).
    pub html_body: String,
    /// Body for the EPUB (chapter links to `.xhtml`).
    pub xhtml_body: String,
    pub fallbacks: usize,
    /// The bilingual proof of a translated edition: one row per segment.
    pub proof: Vec<ProofRow>,
    /// The PO file a reviewer fixes this chapter in (`locales/<lang>/<chapter>.po`).
    pub po_file: String,
    /// Headings, for the site's per-chapter list (HTML only).
    pub sections: Vec<Section>,
    /// Every segment's text, for the site's search (HTML only).
    pub passages: Vec<Passage>,
    /// Its translated segments shown in English because a check failed.
    pub failed_checks: Vec<String>,
    /// How many of its translations are withheld as not reviewed.
    pub unreviewed: usize,
}

/// One segment in the bilingual proof.
pub struct ProofRow {
    pub segment: String,
    /// The English, rendered (escaped inline HTML): the same text in
    /// every locale's proof.
    pub source_html: std::sync::Arc<str>,
    /// The translation, rendered and sanitized; empty when there is none.
    pub translation_html: String,
    pub status: Status,
    /// Translated, but not published, and why.
    pub withheld: Option<Withheld>,
    /// The reviewer's verdict that stands for this translation
    /// (`reviewed by Leyla on 2026-12-02`), and whether it approves it.
    pub verdict: Option<(String, bool)>,
    /// Line of the msgstr in the PO file, when the file has the entry.
    pub po_line: Option<usize>,
}

impl EditionChapter {
    /// The title as escaped markup, a fallback marked with the source's
    /// language (`source_attributes`).
    pub fn title_markup(&self, source_attributes: &str) -> String {
        if self.title_is_fallback {
            format!(
                "<span class=\"fallback\"{source_attributes}>{}</span>",
                escape(&self.title)
            )
        } else {
            escape(&self.title)
        }
    }
}

/// What was built for one language.
#[derive(Debug)]
pub struct EditionReport {
    pub lang: String,
    pub fallbacks: usize,
    /// Segments whose translation failed a check and was not published.
    pub failed_checks: Vec<String>,
    /// Translations not published because no reviewer approved them.
    pub unreviewed: usize,
    pub epub: PathBuf,
    pub html_dir: PathBuf,
}

impl Edition<'_> {
    /// `lang`/`dir` attributes for source-language text on this edition's pages.
    pub fn source_attributes(&self) -> String {
        let source = &self.project.book.source_language;
        render::source_attributes(
            &source.to_string(),
            locale::direction(source) == "rtl",
            self.dir() == "rtl",
        )
    }

    pub fn dir(&self) -> &'static str {
        locale::direction(&self.lang)
    }

    pub fn fallbacks(&self) -> usize {
        self.chapters.iter().map(|c| c.fallbacks).sum()
    }

    /// The title: `book.toml`'s, unless this translated edition's own Fluent
    /// file gives it in its language (`book-title`). The source edition
    /// always takes `book.toml`'s, so changing it there changes every place
    /// the title appears.
    pub fn title(&self) -> String {
        if !self.is_source && self.chrome.has("book-title") {
            self.chrome.get("book-title")
        } else {
            self.project.book.title.clone()
        }
    }

    /// Book title as the source edition has it, for "translated from".
    pub fn source_title(&self) -> &str {
        &self.project.book.title
    }

    /// The author as the edition names them: `book.toml`'s, unless this
    /// translated edition's own Fluent file writes the name its way
    /// (`book-author`, e.g. transliterated).
    pub fn author(&self) -> String {
        if !self.is_source && self.chrome.has("book-author") {
            self.chrome.get("book-author")
        } else {
            self.project.book.author.clone()
        }
    }

    /// The build's date in the locale's calendar and digits: `2026-12-03`,
    /// or `۱۲ آذر ۱۴۰۵` where the locale asks for the Solar Hijri calendar.
    pub fn build_date(&self) -> String {
        let calendar = self
            .project
            .book
            .locale_settings
            .get(&self.lang.to_string())
            .map(|s| s.calendar)
            .unwrap_or_default();
        let text = match calendar {
            Calendar::Gregorian => crate::date::ymd(self.build_time),
            Calendar::Persian => {
                crate::date::solar_hijri_long(self.build_time, self.lang.language.as_str() == "fa")
            }
        };
        locale::localize_digits(&text, &self.lang)
    }

    /// The colophon's paragraphs, localized.
    pub fn colophon(&self) -> Vec<String> {
        let c = &self.chrome;
        let mut lines = Vec::new();
        if self.is_source {
            lines.push(c.get("colophon-original"));
        } else {
            lines.push(c.format(
                "colophon-source",
                // Isolated (FSI…PDI): an English title inside right-to-left text.
                &[(
                    "title",
                    FluentValue::from(format!("\u{2068}{}\u{2069}", self.source_title())),
                )],
            ));
            lines.push(c.get("translator-credit"));
        }
        if let Some(done) = &self.completeness {
            lines.push(c.format(
                "colophon-completeness",
                &[
                    ("translated", FluentValue::from(done.segments.translated)),
                    ("total", FluentValue::from(done.segments.total)),
                    ("percent", one_decimal(done.percent_translated)),
                ],
            ));
            // Counted from the memory: only approvals that stand for the
            // text published.
            lines.push(c.format(
                "colophon-reviewed",
                &[
                    ("reviewed", FluentValue::from(done.segments.reviewed)),
                    ("total", FluentValue::from(done.segments.total)),
                    ("percent", one_decimal(done.percent_reviewed)),
                ],
            ));
            lines.push(c.format(
                "colophon-fallback",
                &[("count", FluentValue::from(self.fallbacks()))],
            ));
        }
        lines.push(c.format(
            "colophon-built",
            &[("date", FluentValue::from(self.build_date()))],
        ));
        if let Some(font) = &self.font {
            lines.push(c.format(
                "colophon-font",
                &[(
                    "family",
                    FluentValue::from(format!("\u{2068}{}\u{2069}", font.family)),
                )],
            ));
        }
        lines.push(c.get("colophon-generator"));
        lines
    }

    /// The edition's style sheet: the shared one, and the locale's font
    /// with its files in `folder` (relative to the style sheet).
    pub fn font_css(&self, folder: &str, web: bool) -> String {
        self.font
            .as_ref()
            .map(|font| fonts::css(font, folder, &self.lang, web))
            .unwrap_or_default()
    }
}

/// Prepares the editions of every language: renders each chapter once.
fn prepare<'a>(
    project: &'a Project,
    docs: &[ChapterDoc],
    memory: &Memory,
    options: &BuildOptions,
) -> Result<Vec<Edition<'a>>> {
    let languages = languages(project, options);
    let record = checks_record(project);
    let passed = Passed::load(&record);
    let sources = proof::SourceColumns::of(docs);
    let outline = crate::status::Outline::of(docs);
    // Each language's state is read from the memory on this thread, the
    // editions prepared and counted on the other cores as soon as theirs
    // is read (the source's, which needs none, while the first locale's
    // is read).
    let fed = crate::parallel::map_fed(
        &languages,
        |lang| {
            let _t = crate::timings::phase(|| format!("build: {lang}: read the memory"));
            Stored::read(project, memory, lang)
        },
        |lang, stored| {
            let edition = (lang, stored.as_ref(), HashMap::new());
            let mut edition = prepare_edition(
                project,
                docs,
                edition,
                Reuse {
                    keep: &|_| true,
                    passed: &passed,
                    sources: &sources,
                },
                options,
            )?;
            let _t = crate::timings::phase(|| format!("build: {lang}: completeness"));
            edition.completeness = stored
                .as_ref()
                .map(|stored| completeness_of(project, &outline, lang, stored));
            Ok(edition)
        },
    )?;
    let t = crate::timings::phase(|| "build: record the checks that passed".into());
    // Only a cache: a record that cannot be written costs the next build time.
    let _ = passed.save(&record, false);
    drop(t);
    let mut editions = fed
        .into_iter()
        .map(|(_, edition)| edition)
        .collect::<Result<Vec<_>>>()?;
    name_languages(&mut editions);
    Ok(editions)
}

/// How complete one locale's edition is, from the memory's state it was
/// prepared with.
fn completeness_of(
    project: &Project,
    outline: &crate::status::Outline,
    lang: &LanguageIdentifier,
    stored: &Stored,
) -> Completeness {
    crate::status::Completeness {
        progress: crate::status::history::progress(outline, &stored.changes),
        ..completeness(
            project,
            outline,
            lang,
            &stored.translations,
            &stored.reviews,
        )
    }
}

/// How complete each translated edition is, from the memory's state it
/// was prepared with (`inputs`, in the same order), on every core.
fn count_completeness(
    editions: &mut [Edition],
    inputs: &[EditionInputs],
    outline: &crate::status::Outline,
) {
    let counted = crate::parallel::map(inputs, |inputs| {
        inputs
            .stored
            .map(|s| completeness_of(inputs.project, outline, inputs.lang, s))
    });
    for (edition, completeness) in editions.iter_mut().zip(counted) {
        edition.completeness = completeness;
    }
}

/// The languages of the editions `options` asks for, source first.
fn languages(project: &Project, options: &BuildOptions) -> Vec<LanguageIdentifier> {
    let source_lang = &project.book.source_language;
    let mut languages = vec![source_lang.clone()];
    let wanted =
        |lang: &&LanguageIdentifier| options.only_locale.as_ref().is_none_or(|l| l == *lang);
    languages.extend(project.book.locales.iter().filter(wanted).cloned());
    languages
}

/// What one edition is prepared from: its language, the memory's state
/// for it (`None` for the source), and its chapters as prepared before,
/// if any (by slug), which are kept unless they must be made again.
struct EditionInputs<'i> {
    project: &'i Project,
    lang: &'i LanguageIdentifier,
    stored: Option<&'i Stored>,
    prepared: std::sync::Mutex<HashMap<String, EditionChapter>>,
}

/// Where a build records the pairs that passed its error checks.
fn checks_record(project: &Project) -> PathBuf {
    project.tm_path().with_file_name(crate::check::passed::FILE)
}

/// The editions of `inputs`, on every core. A chapter prepared before is
/// kept unless `again(language, slug)` says it must be made again; the
/// error checks skip the pairs `passed` knows.
/// Their completeness is left to [`count_completeness`].
fn prepare_editions<'a>(
    project: &'a Project,
    docs: &[ChapterDoc],
    inputs: &[EditionInputs],
    options: &BuildOptions,
    again: &(dyn Fn(&str, &str) -> bool + Sync),
    passed: &Passed,
) -> Result<Vec<Edition<'a>>> {
    let sources = proof::SourceColumns::of(docs);
    let mut editions = crate::parallel::map(inputs, |inputs| {
        let prepared = std::mem::take(&mut *inputs.prepared.lock().expect("not poisoned"));
        let code = inputs.lang.to_string();
        let keep = |slug: &str| !again(&code, slug);
        let edition = (inputs.lang, inputs.stored, prepared);
        let reuse = Reuse {
            keep: &keep,
            passed,
            sources: &sources,
        };
        prepare_edition(project, docs, edition, reuse, options)
    })
    .into_iter()
    .collect::<Result<Vec<_>>>()?;
    name_languages(&mut editions);
    Ok(editions)
}

/// Tells each edition every edition's language and its name, for the
/// language menus.
fn name_languages(editions: &mut [Edition]) {
    let names: Vec<(LanguageIdentifier, String)> = editions
        .iter()
        .map(|e| (e.lang.clone(), e.chrome.get("language-name")))
        .collect();
    for edition in editions {
        edition.languages = names.clone();
    }
}

/// What preparing an edition may reuse: the chapters prepared before that
/// `keep` keeps (by slug), the pairs that passed the error checks, and the
/// proofs' English columns.
struct Reuse<'r> {
    keep: &'r dyn Fn(&str) -> bool,
    passed: &'r Passed,
    sources: &'r proof::SourceColumns,
}

/// One language's edition: its chrome, and every chapter rendered with
/// the memory's state (`None` for the source language), but those of
/// `prepared` that `reuse` keeps.
fn prepare_edition<'a>(
    project: &'a Project,
    docs: &[ChapterDoc],
    (lang, stored, mut prepared): (
        &LanguageIdentifier,
        Option<&Stored>,
        HashMap<String, EditionChapter>,
    ),
    reuse: Reuse,
    options: &BuildOptions,
) -> Result<Edition<'a>> {
    let translations = stored.map(|s| &s.translations);
    let is_source = translations.is_none();
    let chrome = load_chrome(project, lang, is_source)?;
    let t = crate::timings::phase(|| format!("build: {lang}: figures"));
    let figures = figures::collect(project, docs, (!is_source).then_some(lang))?;
    drop(t);
    let t = crate::timings::phase(|| format!("build: {lang}: chapters"));
    let task_labels = [chrome.get("task-done"), chrome.get("task-open")];
    let kept: Vec<Option<EditionChapter>> = docs
        .iter()
        .map(|doc| {
            prepared
                .remove(&doc.slug)
                .filter(|_| (reuse.keep)(&doc.slug))
        })
        .collect();
    let to_make: Vec<&ChapterDoc> = docs
        .iter()
        .zip(&kept)
        .filter(|(_, kept)| kept.is_none())
        .map(|(doc, _)| doc)
        .collect();
    // Chapter by chapter on every core, so that the editions that take
    // longest (right-to-left ones) do not finish alone on one core.
    let made = crate::parallel::map(&to_make, |doc| {
        let labels = [task_labels[0].as_str(), task_labels[1].as_str()];
        let edition = (lang, stored, &figures, labels);
        prepare_chapter_of(
            project,
            doc,
            edition,
            (reuse.passed, reuse.sources),
            options,
        )
    });
    let mut made = made.into_iter();
    let chapters = kept
        .into_iter()
        .map(|kept| kept.map_or_else(|| made.next().expect("one per chapter made"), Ok))
        .collect::<Result<Vec<_>>>()?;
    drop(t);
    let fallbacks: usize = chapters.iter().map(|c| c.fallbacks).sum();
    refuse_untranslated(project, lang, fallbacks)?;
    Ok(Edition {
        project,
        lang: lang.clone(),
        is_source,
        chrome,
        failed_checks: chapters
            .iter()
            .flat_map(|c| c.failed_checks.iter().cloned())
            .collect(),
        unreviewed: chapters.iter().map(|c| c.unreviewed).sum(),
        chapters,
        completeness: None,
        build_time: options.build_time,
        languages: Vec::new(),
        figures: figures.files,
        cover: figures::cover(project, (!is_source).then_some(lang))?,
        font: fonts::load(project, lang)?,
    })
}

/// What the memory holds for a translated edition.
#[derive(Default)]
struct Stored {
    translations: HashMap<String, Translation>,
    reviews: HashMap<String, crate::tm::Review>,
    /// Line of each entry's `msgstr` in its PO file, by chapter and segment.
    po_lines: HashMap<String, HashMap<String, usize>>,
    /// Every change that made a translation current, for the dashboard.
    changes: Vec<crate::tm::StateChange>,
}

impl Stored {
    /// The memory's state for `lang` (`None` for the source language).
    fn read(
        project: &Project,
        memory: &Memory,
        lang: &LanguageIdentifier,
    ) -> Result<Option<Stored>> {
        if *lang == project.book.source_language {
            return Ok(None);
        }
        let code = lang.to_string();
        Ok(Some(Stored {
            translations: memory.translations(&code)?,
            reviews: memory.reviews(&code)?,
            po_lines: memory.po_line_numbers(&code)?,
            changes: memory.state_changes(&code)?,
        }))
    }
}

/// What every chapter of one edition is rendered with.
struct RenderSettings<'a> {
    translations: Option<&'a HashMap<String, Translation>>,
    po_lines: Option<&'a HashMap<String, HashMap<String, usize>>>,
    rtl: bool,
    reviews: Option<&'a HashMap<String, Review>>,
    /// Translated segments shown in English (a failed check, or unreviewed
    /// where the locale publishes only reviewed text).
    withheld: &'a HashMap<String, Withheld>,
    figures: &'a figures::Figures,
    task_labels: [&'a str; 2],
    /// The proofs' English column, shared by every locale.
    sources: &'a proof::SourceColumns,
}

/// The language's Fluent chrome; a translation's falls back to the
/// source language's for messages it lacks.
fn load_chrome(project: &Project, lang: &LanguageIdentifier, is_source: bool) -> Result<Chrome> {
    let locales_dir = project.root.join("locales");
    let source_lang = &project.book.source_language;
    let source = Chrome::load(
        &locales_dir.join(source_lang.to_string()),
        source_lang,
        Some(Chrome::builtin(source_lang, None)?),
    )?;
    if is_source {
        return Ok(source);
    }
    // The book's messages for the locale, then tercuman's own for it, then
    // the source language's.
    let builtin = Chrome::builtin(lang, Some(source))?;
    Chrome::load(&project.locale_dir(lang), lang, Some(builtin))
}

/// One chapter of one language's edition, with what it withholds and why.
fn prepare_chapter_of(
    project: &Project,
    doc: &ChapterDoc,
    (lang, stored, figures, task_labels): (
        &LanguageIdentifier,
        Option<&Stored>,
        &figures::Figures,
        [&str; 2],
    ),
    (passed, sources): (&Passed, &proof::SourceColumns),
    options: &BuildOptions,
) -> Result<EditionChapter> {
    let translations = stored.map(|s| &s.translations);
    // Withheld segments are the chapter's own: a chapter is made from
    // its own segments' states alone.
    let failed_checks = match (translations, options.allow_check_errors) {
        (Some(t), false) => failing_checks(std::slice::from_ref(doc), t, passed),
        _ => Vec::new(),
    };
    let withheld = withheld(
        project,
        std::slice::from_ref(doc),
        lang,
        stored,
        &failed_checks,
    );
    let render = RenderSettings {
        task_labels,
        translations,
        po_lines: stored.map(|s| &s.po_lines),
        rtl: locale::direction(lang) == "rtl",
        reviews: stored.map(|s| &s.reviews),
        withheld: &withheld,
        figures,
        sources,
    };
    let mut chapter = prepare_chapter(project, doc, lang, &render, options)?;
    chapter.unreviewed = withheld
        .values()
        .filter(|w| **w == Withheld::Unreviewed)
        .count();
    chapter.failed_checks = failed_checks;
    Ok(chapter)
}

/// One chapter's bodies for the editions being written, its title and its
/// proof rows.
fn prepare_chapter(
    project: &Project,
    doc: &ChapterDoc,
    lang: &LanguageIdentifier,
    settings: &RenderSettings,
    options: &BuildOptions,
) -> Result<EditionChapter> {
    let source_lang = project.book.source_language.to_string();
    let chapter = project
        .chapters
        .iter()
        .find(|c| c.slug == doc.slug)
        .expect("docs follow chapters");
    let po_file = project.display_path(&project.po_path(lang, chapter));
    let proof_page = format!("proof/{}.html", crate::project::page_stem(&doc.slug));
    let marks = options.preview.then(|| render::SegmentMarks {
        reviews: settings.reviews,
        po_file: &po_file,
        po_lines: settings.po_lines.and_then(|l| l.get(&doc.slug)),
        proof_page: &proof_page,
    });
    // The HTML page leaves its translations' events for the proof rows.
    let parsed = std::cell::RefCell::new(HashMap::new());
    let render = |chapter_ext| {
        render::render_chapter(
            doc,
            &render::RenderOptions {
                translations: settings.translations,
                rtl: settings.rtl,
                source_lang: &source_lang,
                source_rtl: locale::direction(&project.book.source_language) == "rtl",
                chapter_ext,
                withheld: settings.withheld,
                figures: Some(settings.figures),
                task_labels: settings.task_labels,
                native_digits: locale::uses_arabic_indic_digits(lang),
                marks: marks.as_ref().filter(|_| chapter_ext == "html"),
                parsed: Some(&parsed).filter(|_| chapter_ext == "html"),
            },
        )
    };
    // Only the bodies of the editions being written.
    let html = options.formats.html.then(|| render("html"));
    let xhtml = options.formats.epub.then(|| render("xhtml"));
    let fallbacks = html.as_ref().or(xhtml.as_ref()).map_or(0, |r| r.fallbacks);
    let (title, title_is_fallback) =
        outline::chapter_title(doc, settings.translations, settings.withheld);
    let (sections, passages) = if options.formats.html {
        outline::outline(doc, settings.translations, settings.withheld)
    } else {
        Default::default()
    };
    let po_path = project.po_path(lang, chapter);
    let proof = match settings.translations {
        Some(t) if options.formats.html => {
            let lines = settings.po_lines.and_then(|l| l.get(&doc.slug));
            let rows = proof::ProofInputs {
                translations: t,
                reviews: settings.reviews,
                withheld: settings.withheld,
                po_lines: lines,
                figures: settings.figures,
                sources: settings.sources,
            };
            proof::proof_rows(doc, &rows, parsed.take())
        }
        _ => Vec::new(),
    };
    Ok(EditionChapter {
        slug: doc.slug.clone(),
        title,
        title_is_fallback,
        html_body: html.map(|r| r.body).unwrap_or_default(),
        xhtml_body: xhtml.map(|r| r.body).unwrap_or_default(),
        fallbacks,
        proof,
        po_file: project.display_path(&po_path),
        sections,
        passages,
        failed_checks: Vec::new(),
        unreviewed: 0,
    })
}

/// A locale whose book.toml settings refuse English stand-ins gets no
/// edition while it has any.
fn refuse_untranslated(
    project: &Project,
    lang: &LanguageIdentifier,
    fallbacks: usize,
) -> Result<()> {
    let refuses = project
        .book
        .locale_settings
        .get(&lang.to_string())
        .is_some_and(|s| s.untranslated == crate::project::Untranslated::Refuse);
    if refuses && fallbacks > 0 {
        return Err(crate::Error::Other(crate::said!(
            "edition-refuses-untranslated",
            "lang" => lang,
            "count" => fallbacks
        )));
    }
    Ok(())
}

/// Translated segments an edition shows in English instead: those failing
/// an error-level check, and where the locale publishes only reviewed
/// translations, those no reviewer's approval stands for.
fn withheld(
    project: &Project,
    docs: &[ChapterDoc],
    lang: &LanguageIdentifier,
    stored: Option<&Stored>,
    failed_checks: &[String],
) -> HashMap<String, Withheld> {
    let mut withheld: HashMap<String, Withheld> = failed_checks
        .iter()
        .map(|id| (id.clone(), Withheld::FailedCheck))
        .collect();
    let only_reviewed = project
        .book
        .locale_settings
        .get(&lang.to_string())
        .is_some_and(|s| s.publish == crate::project::Publish::Reviewed);
    let Some(stored) = stored.filter(|_| only_reviewed) else {
        return withheld;
    };
    for seg in docs.iter().flat_map(|d| d.segments()) {
        let Some(t) = stored.translations.get(&seg.id) else {
            continue;
        };
        let approved = stored.reviews.get(&seg.id).is_some_and(|r| r.approves(t));
        if effective_status(Some(t)) == Status::Translated && !approved {
            withheld
                .entry(seg.id.clone())
                .or_insert(Withheld::Unreviewed);
        }
    }
    withheld
}

/// Current segments whose translation fails an error-level check, in book order.
fn failing_checks(
    docs: &[ChapterDoc],
    translations: &HashMap<String, Translation>,
    passed: &Passed,
) -> Vec<String> {
    let mut round = passed.round();
    docs.iter()
        .flat_map(|d| d.segments())
        .filter(|s| {
            let t = translations.get(&s.id);
            effective_status(t) == Status::Translated
                && t.is_some_and(|t| round.has_errors(&s.text, &t.text))
        })
        .map(|s| s.id.clone())
        .collect()
}

/// Lowercase ASCII words joined by `-`, for file names.
pub fn file_slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "book".into()
    } else {
        out
    }
}

/// Builds every edition (HTML and EPUB, every language) into `options.out_dir`.
pub fn build(
    project: &Project,
    docs: &[ChapterDoc],
    memory: &Memory,
    options: &BuildOptions,
) -> Result<Vec<EditionReport>> {
    if options.out_dir.exists() && !options.out_dir.is_dir() {
        return Err(crate::Error::Other(crate::said!(
            "edition-out-is-a-file",
            "path" => project.display_path(&options.out_dir)
        )));
    }
    let t = crate::timings::phase(|| "build: prepare editions".into());
    let editions = prepare(project, docs, memory, options)?;
    drop(t);
    Ok(write::write_editions(project, editions, options, &|_| None)?.0)
}

/// A page's frame, shared by the HTML site and the EPUB's documents.
pub struct Page<'a> {
    pub lang: &'a str,
    pub dir: &'a str,
    pub title: &'a str,
    pub stylesheet: &'a str,
    /// Extra `<head>` elements, already escaped.
    pub head: String,
    /// The `<body>` content, already escaped.
    pub body: String,
}

impl Page<'_> {
    /// Polyglot XHTML5; `xml_declaration` for EPUB content documents.
    /// `lang` and `dir` are on `<body>` as well as `<html>`: converters
    /// (calibre to Kindle's AZW3) keep only the body's.
    pub fn render(&self, xml_declaration: bool) -> String {
        let decl = if xml_declaration {
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        } else {
            ""
        };
        let mut page = String::with_capacity(self.head.len() + self.body.len() + 600);
        let _ = write!(
            page,
            "{decl}<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"{lang}\" xml:lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\" />\n<title>{title}</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"{css}\" />\n{head}</head>\n<body lang=\"{lang}\" xml:lang=\"{lang}\" dir=\"{dir}\">\n{body}</body>\n</html>\n",
            lang = escape(self.lang),
            dir = self.dir,
            title = escape(self.title),
            css = escape(self.stylesheet),
            head = self.head,
            body = self.body,
        );
        page
    }
}

/// The style sheet both formats share: logical properties only, so margins,
/// lists and quotes mirror in right-to-left editions (EPUB forbids `direction`).
pub const BASE_CSS: &str = include_str!("style.css");
