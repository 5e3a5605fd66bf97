//! What `serve` keeps between its rebuilds, so that saving one PO file
//! re-renders one chapter, not the book: the segmented chapters, the
//! memory's state for each edition, and each edition's chapters as
//! prepared. A rebuild then writes the pages of the chapters it made again
//! first (the page a translator is looking at), says so, and then writes
//! everything else a build writes (the one-page book, the search index,
//! the dashboard), each file only if its bytes changed.
//!
//! What is kept is dropped as soon as it may be stale: the chapters when
//! anything but a PO file or the memory changed (the source, `book.toml`,
//! a Fluent file, a figure, the options), the memory's state when the
//! memory changed in a way the sync cannot account for (another program
//! wrote it). A sync narrowed to some chapters' PO files
//! ([`crate::sync::SyncReport::narrowed_to`]) says which chapters of
//! which locales the memory changed for; only those are read again.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::write::write_editions;
use super::{count_completeness, languages, prepare_editions, BuildOptions, EditionInputs, Stored};
use crate::check::passed::Passed;
use crate::error::Result;
use crate::project::Project;
use crate::source::ChapterDoc;
use crate::sync::Narrowed;
use crate::tm::{Among, Memory};

/// The memory file as seen at one moment: its length and modification time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemoryMark(Option<(u64, u128)>);

impl MemoryMark {
    /// The memory of `project` as it is now.
    pub fn now(project: &Project) -> MemoryMark {
        let meta = std::fs::metadata(project.tm_path()).ok();
        MemoryMark(meta.map(|m| {
            let mtime = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            (m.len(), mtime)
        }))
    }
}

/// The editions as last prepared, and what they were made from.
#[derive(Default)]
pub struct Warm {
    /// Every input but PO files and the memory, and the options, as the
    /// kept chapters were made from.
    others: Option<String>,
    docs: Vec<ChapterDoc>,
    outline: crate::status::Outline,
    /// The memory as last read into `stored`.
    memory_seen: Option<MemoryMark>,
    /// The memory's state, by language code (`None` for the source).
    stored: HashMap<String, Option<Stored>>,
    /// Each edition's chapters as last prepared, by language code and slug.
    prepared: HashMap<String, HashMap<String, super::EditionChapter>>,
    /// Each edition's chapter titles as last written, by language code.
    titles: HashMap<String, Vec<(String, bool)>>,
    /// The pairs known to pass the error checks, read at the first build.
    passed: Option<Passed>,
}

/// What every page's contents list shows of the chapters.
fn chapter_titles(edition: &super::Edition) -> Vec<(String, bool)> {
    edition
        .chapters
        .iter()
        .map(|c| (c.title.clone(), c.title_is_fallback))
        .collect()
}

/// What a warm rebuild wrote.
#[derive(Debug, Default)]
pub struct Rebuilt {
    /// Chapters made again, as `language/slug`.
    pub chapters: Vec<String>,
    /// Files whose bytes changed, relative to the output folder.
    pub changed: Vec<String>,
}

/// Which chapters must be made again.
enum Again {
    All,
    Some(HashSet<(String, String)>),
}

impl Warm {
    /// Builds the HTML editions as [`super::build`] does, from what is kept
    /// where it is still good. `before_sync` is the memory as it was before
    /// the sync that preceded, and `narrowed_to` what that sync said it
    /// changed. `first` is told the files of the chapters made again, once
    /// they are written and before anything else is.
    pub fn build(
        &mut self,
        project: &Project,
        memory: &Memory,
        options: &BuildOptions,
        (before_sync, narrowed_to): (MemoryMark, Option<&Narrowed>),
        first: &mut dyn FnMut(&[String]),
    ) -> Result<Rebuilt> {
        let mut again = self.keep_chapters(project, options)?;
        let languages = languages(project, options);
        let t = crate::timings::phase(|| "build: read the memory".into());
        let memory_again =
            self.read_memory(project, memory, &languages, before_sync, narrowed_to)?;
        drop(t);
        match (&mut again, memory_again) {
            (Again::All, _) => {}
            (_, Again::All) => again = Again::All,
            (Again::Some(set), Again::Some(more)) => set.extend(more),
        }
        let inputs: Vec<EditionInputs> = languages
            .iter()
            .map(|lang| {
                let code = lang.to_string();
                EditionInputs {
                    project,
                    lang,
                    stored: self.stored.get(&code).and_then(Option::as_ref),
                    prepared: std::sync::Mutex::new(
                        self.prepared.remove(&code).unwrap_or_default(),
                    ),
                }
            })
            .collect();
        let is_again = |lang: &str, slug: &str| match &again {
            Again::All => true,
            Again::Some(set) => set.contains(&(lang.to_string(), slug.to_string())),
        };
        let record = super::checks_record(project);
        let passed = self.passed.get_or_insert_with(|| Passed::load(&record));
        let t = crate::timings::phase(|| "build: prepare editions".into());
        let mut editions =
            prepare_editions(project, &self.docs, &inputs, options, &is_again, passed)?;
        drop(t);
        // Only a cache: a record that cannot be written costs time, later.
        let _ = passed.save(&record, matches!(again, Again::Some(_)));
        let mut rebuilt = Rebuilt::default();
        let html_root = options.out_dir.join("html");
        let before = crate::fingerprint::of_dir(project, &options.out_dir);
        if let Again::Some(_) = &again {
            let mut written = Vec::new();
            for edition in &editions {
                let code = edition.lang.to_string();
                for (i, chapter) in edition.chapters.iter().enumerate() {
                    if is_again(&code, &chapter.slug) {
                        rebuilt.chapters.push(format!("{code}/{}", chapter.slug));
                        for path in super::html::write_chapter(edition, &html_root, i)? {
                            written.push(relative(&options.out_dir, &path));
                        }
                    }
                }
            }
            if !written.is_empty() {
                first(&written);
            }
        }
        let t = crate::timings::phase(|| "build: count completeness".into());
        count_completeness(&mut editions, &inputs, &self.outline);
        drop(t);
        let titles = &self.titles;
        let only = |edition: &super::Edition| -> Option<Vec<usize>> {
            let Again::Some(set) = &again else {
                return None;
            };
            // A changed title changes every page's contents list.
            let code = edition.lang.to_string();
            (titles.get(&code) == Some(&chapter_titles(edition))).then(|| {
                let made =
                    |c: &&super::EditionChapter| set.contains(&(code.clone(), c.slug.clone()));
                (0..edition.chapters.len())
                    .filter(|&i| made(&&edition.chapters[i]))
                    .collect()
            })
        };
        let (_, editions) = write_editions(project, editions, options, &only)?;
        let after = crate::fingerprint::of_dir(project, &options.out_dir);
        let prefix = format!("{}/", project.display_path(&options.out_dir));
        rebuilt.changed = changed_files(&before, &after)
            .into_iter()
            .map(|path| {
                path.strip_prefix(&prefix)
                    .map_or(path.clone(), str::to_string)
            })
            .collect();
        for edition in editions {
            self.titles
                .insert(edition.lang.to_string(), chapter_titles(&edition));
            let chapters = edition
                .chapters
                .into_iter()
                .map(|c| (c.slug.clone(), c))
                .collect();
            self.prepared.insert(edition.lang.to_string(), chapters);
        }
        Ok(rebuilt)
    }

    /// Whether anything is kept yet.
    pub fn is_warm(&self) -> bool {
        !self.prepared.is_empty()
    }

    /// Keeps the chapters as prepared if nothing they are made from changed
    /// but PO files and the memory; otherwise reads the source again.
    fn keep_chapters(&mut self, project: &Project, options: &BuildOptions) -> Result<Again> {
        let others = other_inputs(project, options);
        if self.others.as_ref() == Some(&others) {
            return Ok(Again::Some(HashSet::new()));
        }
        self.others = None;
        self.prepared.clear();
        self.titles.clear();
        self.docs = crate::sync::load_chapters(project)?;
        self.outline = crate::status::Outline::of(&self.docs);
        self.others = Some(others);
        Ok(Again::All)
    }

    /// Brings the memory's state up to date: the chapters a narrowed sync
    /// changed, or everything when the memory changed otherwise. Returns
    /// the chapters whose state was read again.
    fn read_memory(
        &mut self,
        project: &Project,
        memory: &Memory,
        languages: &[unic_langid::LanguageIdentifier],
        before_sync: MemoryMark,
        narrowed_to: Option<&Narrowed>,
    ) -> Result<Again> {
        let now = MemoryMark::now(project);
        let seen = self.memory_seen.take();
        let all_read = languages
            .iter()
            .all(|l| self.stored.contains_key(&l.to_string()));
        let again = match (seen == Some(before_sync) && all_read, narrowed_to) {
            (true, _) if now == before_sync => Again::Some(HashSet::new()),
            (true, Some(Narrowed { locales, chapters })) => {
                self.read_chapters_state(memory, locales, chapters)?;
                Again::Some(
                    locales
                        .iter()
                        .flat_map(|l| chapters.iter().map(move |c| (l.clone(), c.clone())))
                        .collect(),
                )
            }
            _ => {
                self.stored.clear();
                for lang in languages {
                    self.stored
                        .insert(lang.to_string(), Stored::read(project, memory, lang)?);
                }
                Again::All
            }
        };
        self.memory_seen = Some(now);
        Ok(again)
    }

    /// Reads again the memory's state for `chapters` in `locales`.
    fn read_chapters_state(
        &mut self,
        memory: &Memory,
        locales: &[String],
        chapters: &[String],
    ) -> Result<()> {
        let among = Among::Chapters(chapters);
        let covered: HashSet<&str> = chapters.iter().map(String::as_str).collect();
        let outside = |id: &String| !covered.contains(crate::tm::journal::chapter_of(id));
        for code in locales {
            let Some(Some(stored)) = self.stored.get_mut(code) else {
                continue;
            };
            stored.translations.retain(|id, _| outside(id));
            stored
                .translations
                .extend(memory.translations_among(code, among)?);
            stored.reviews.retain(|id, _| outside(id));
            stored.reviews.extend(memory.reviews_among(code, among)?);
            stored
                .po_lines
                .retain(|chapter, _| !covered.contains(chapter.as_str()));
            stored
                .po_lines
                .extend(memory.po_line_numbers_among(code, among)?);
            // Oldest first, as the dashboard replays them; a stable sort of
            // runs already in order.
            stored.changes.retain(|c| outside(&c.segment_id));
            stored
                .changes
                .extend(memory.state_changes_among(code, among)?);
            stored.changes.sort_by(|a, b| a.at.cmp(&b.at));
        }
        Ok(())
    }
}

/// The fingerprint of every input but PO files and the memory, with the
/// options: what a kept chapter must have been made from.
fn other_inputs(project: &Project, options: &BuildOptions) -> String {
    let memory = project.display_path(&project.tm_path());
    // Not the build time: it is the newest input's, which a saved PO file
    // moves, and only the colophon shows it.
    let options = format!(
        "{:?} {} {:?} {} {:?}",
        options.out_dir,
        options.allow_check_errors,
        options.formats,
        options.preview,
        options.only_locale
    );
    let all = crate::fingerprint::of_inputs(project, &options);
    all.lines()
        .filter(|line| {
            let path = line.split_once('\t').map_or("", |(path, _)| path);
            !(path == memory || (path.starts_with("locales/") && path.ends_with(".po")))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The files whose lines differ between two fingerprints of a folder.
fn changed_files(before: &str, after: &str) -> Vec<String> {
    let before: HashSet<&str> = before.lines().collect();
    let mut changed: Vec<String> = after
        .lines()
        .filter(|line| !before.contains(line))
        .filter_map(|line| line.split_once('\t').map(|(path, _)| path.to_string()))
        .collect();
    changed.sort();
    changed
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .map(PathBuf::from)
        .unwrap_or_else(|_| path.to_path_buf())
        .to_string_lossy()
        .replace('\\', "/")
}
