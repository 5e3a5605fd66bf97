//! Reading a sync's inputs before anything is written: chapters
//! segmented, segment rows compared with the memory's, every PO file read
//! and checked, obsolete entries the memory lost taken back, and what the
//! memory holds for each locale. A bad file stops the sync here.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::files::digest;
use super::import::entry_state;
use super::orphans::{self, Orphan};
use super::write::{kept_header_field, KEPT_HEADER_FIELDS};
use super::{ReadFiles, SyncReport};
use crate::error::{read_utf8, Error, Result};
use crate::formats::po::{self, check_language};
use crate::project::{Chapter, Project};
use crate::source::{self, ChapterDoc};
use crate::timings;
use crate::tm::{Among, Memory, StoredSegment, Suggestion, Translation};
use unic_langid::LanguageIdentifier;

/// Chapter PO files as read, by (locale, chapter slug).
pub(super) type Catalogs = HashMap<(String, String), (PathBuf, po::Catalog)>;

/// Everything a sync reads before it writes anything (steps 1 and 2).
pub(super) struct Plan {
    pub docs: Vec<ChapterDoc>,
    /// Every segment row, updated to the current source.
    pub segments: HashMap<String, StoredSegment>,
    /// Segments new in this sync, in book order.
    pub new_ids: Vec<String>,
    /// Segments that left the source in this sync.
    pub retired_now: Vec<String>,
    /// Every segment whose stored row changes.
    pub changed: Vec<String>,
    pub catalogs: Catalogs,
    /// What each PO file held as read ([`digest`]).
    pub originals: HashMap<PathBuf, String>,
    /// Translations of obsolete entries the memory had lost, by locale.
    pub restored: HashMap<String, Vec<(String, Translation)>>,
    pub orphans: Vec<Orphan>,
    /// Every state the memory held for the segments orphan files name.
    pub seen: HashMap<(String, String), HashSet<Translation>>,
    /// What the memory holds for the first locale; the others are read
    /// when their turn comes ([`stored_state`]), one locale at a time.
    pub first_state: Option<StoredState>,
}

/// Steps 1 and 2: source segments compared with the memory's, then every
/// PO file read and checked. Also returns every file read, with its digest.
pub(super) fn read_inputs(
    project: &Project,
    memory: &Memory,
    report: &mut SyncReport,
) -> Result<(Plan, ReadFiles)> {
    let t = timings::phase(|| "read and segment chapters".into());
    let (docs, mut read): (Vec<ChapterDoc>, ReadFiles) = read_chapters(project)?
        .into_iter()
        .zip(&project.chapters)
        .map(|((doc, digest), chapter)| (doc, (chapter.path.clone(), digest)))
        .unzip();
    drop(t);

    // 1. Source segments -> memory.
    let t = timings::phase(|| "load segments from memory".into());
    let mut segments = memory.segments()?;
    let unplaced = memory.setting(crate::tm::UNPLACED)?.as_deref() == Some("1");
    drop(t);
    let t = timings::phase(|| "compare segments".into());
    let SegmentChanges {
        new: new_ids,
        retired: retired_now,
        changed: mut changed_segments,
    } = update_segments(project, &docs, &mut segments, unplaced);
    drop(t);
    report.new_segments = new_ids.len();
    report.retired_segments = retired_now.len();

    // 2. The first locale's PO files, read and checked; the others are read
    // when their turn comes (`make_files`), each locale's files dropped
    // after it, so that a big book's locales are not all held at once.
    // Nothing is written before all are read: a bad file stops the sync.
    let t = timings::phase(|| "read PO files".into());
    let first_locale = &project.book.locales[..project.book.locales.len().min(1)];
    let PoFiles {
        catalogs,
        originals,
    } = read_po_files(project, first_locale, report)?;
    drop(t);
    let t = timings::phase(|| "look for obsolete entries the memory lost".into());
    let later = &project.book.locales[first_locale.len()..];
    let lost = obsolete_unknown(project, later, &segments);
    drop(t);
    let restored = restore_obsolete(
        project,
        &[&catalogs, &lost],
        &mut segments,
        &mut changed_segments,
    );
    drop(lost);

    let t = timings::phase(|| "read PO files of no chapter".into());
    let orphans = orphans::read(project)?;
    let seen = orphans::states_seen(memory, &orphans, &segments)?;
    for orphan in &orphans {
        read.push((orphan.path.clone(), digest(Some(orphan.text.as_bytes()))));
    }
    drop(t);

    // What the memory holds for the first locale, read before anything is
    // written: the memory is then written on its own thread while the
    // files are made (see step 6), and that thread reads the next ones.
    let t = timings::phase(|| "load translations from memory".into());
    let first_state = match project.book.locales.first() {
        Some(lang) => {
            let code = lang.to_string();
            let new_file = has_new_file(project, &catalogs, &code);
            Some(stored_state(memory, &code, new_file, Among::All)?)
        }
        None => None,
    };
    drop(t);

    Ok((
        Plan {
            docs,
            segments,
            new_ids,
            retired_now,
            changed: changed_segments,
            catalogs,
            originals,
            restored,
            orphans,
            seen,
            first_state,
        },
        read,
    ))
}

/// Every chapter segmented, with a digest of the text it was made from.
pub(super) fn read_chapters(project: &Project) -> Result<Vec<(ChapterDoc, String)>> {
    crate::parallel::map(&project.chapters, |chapter| {
        read_chapter(project, chapter).map(|(doc, text)| (doc, digest(Some(text.as_bytes()))))
    })
    .into_iter()
    .collect()
}

/// One chapter, segmented, and its text.
pub(super) fn read_chapter(
    project: &Project,
    chapter: &crate::project::Chapter,
) -> Result<(ChapterDoc, String)> {
    refuse_symlink_out(project, &chapter.path)?;
    let text = read_utf8(&chapter.path)?;
    refuse_unpublishable(&text, &chapter.path)?;
    let doc = source::segment_chapter_with(
        &chapter.slug,
        &text,
        project.book.segmentation,
        &project.book.sentence_rules,
    );
    Ok((doc, text))
}

/// A character XML cannot carry (a C0 control but tab and line ends,
/// U+FFFE, U+FFFF) in a chapter is refused with its line: every edition,
/// XLIFF and TMX file would otherwise have to drop or reject it.
fn refuse_unpublishable(text: &str, path: &Path) -> Result<()> {
    let Some(pos) = text.find(crate::formats::xml::forbidden) else {
        return Ok(());
    };
    let c = text[pos..].chars().next().unwrap_or('\0');
    Err(Error::parse(
        path,
        crate::project::line_of(text, pos),
        crate::formats::xml::naming(crate::said!("sync-unpublishable-character"), c),
    ))
}

/// A chapter that is a symlink pointing outside the project is refused.
pub(super) fn refuse_symlink_out(project: &Project, path: &Path) -> Result<()> {
    let (Ok(real), Ok(root)) = (path.canonicalize(), project.root.canonicalize()) else {
        return Ok(()); // a missing file is reported by the read that follows
    };
    if !real.starts_with(&root) {
        return Err(Error::Other(crate::said!(
            "sync-symlink-out",
            "path" => project.display_path(path)
        )));
    }
    Ok(())
}

/// Every PO file of a chapter, by (locale, chapter slug), with a digest of
/// its text as read (to tell later which rewritten files really change;
/// the texts themselves are not kept, a sixth of a big sync's memory).
#[derive(Default)]
pub(super) struct PoFiles {
    pub catalogs: Catalogs,
    pub originals: HashMap<PathBuf, String>,
}

/// Reads and checks every chapter's PO file in `locales`, on every core;
/// the first bad file in book order is the one reported.
pub(super) fn read_po_files(
    project: &Project,
    locales: &[LanguageIdentifier],
    report: &mut SyncReport,
) -> Result<PoFiles> {
    let files = existing_po_files(project, locales);
    let parsed = crate::parallel::map(&files, |(lang, _, path)| {
        refuse_symlink_out(project, path)?;
        let text = po::read(path)?;
        let catalog = po::parse(&text, path)?;
        check_language(&text, &catalog, lang, path)?;
        Ok::<_, Error>((digest(Some(text.as_bytes())), catalog))
    });
    let mut out = PoFiles::default();
    for ((lang, chapter, path), read) in files.into_iter().zip(parsed) {
        let (as_read, catalog) = read?;
        if catalog.byte_order_mark {
            report.byte_order_marks.push(project.display_path(&path));
        }
        out.originals.insert(path.clone(), as_read);
        out.catalogs
            .insert((lang, chapter.slug.clone()), (path, catalog));
    }
    Ok(out)
}

/// Each chapter's PO file in `locales` that exists, with its locale and
/// chapter, locale by locale in book order.
fn existing_po_files<'p>(
    project: &'p Project,
    locales: &[LanguageIdentifier],
) -> Vec<(String, &'p Chapter, PathBuf)> {
    locales
        .iter()
        .flat_map(|lang| {
            project
                .chapters
                .iter()
                .map(move |c| (lang.to_string(), c, project.po_path(lang, c)))
        })
        .filter(|(_, _, path)| path.exists())
        .collect()
}

/// The PO files of `locales` with an obsolete entry the memory may not
/// know, parsed, for [`restore_obsolete`] (which must see them all before
/// anything is written). Each file's obsolete contexts are looked up
/// without parsing it; only a file naming an unknown segment, or one that
/// cannot be read that way, is parsed. A file that fails to read or parse
/// here is left out: its own turn reports it.
pub(super) fn obsolete_unknown(
    project: &Project,
    locales: &[LanguageIdentifier],
    segments: &HashMap<String, StoredSegment>,
) -> Catalogs {
    let files = existing_po_files(project, locales);
    let parsed = crate::parallel::map(&files, |(_, _, path)| {
        let text = po::read(path).ok()?;
        names_unknown_obsolete(&text, segments)
            .then(|| po::parse(&text, path).ok())
            .flatten()
    });
    files
        .into_iter()
        .zip(parsed)
        .filter_map(|((lang, chapter, path), catalog)| {
            Some(((lang, chapter.slug.clone()), (path, catalog?)))
        })
        .collect()
}

/// Whether a PO text may hold an obsolete entry for a segment `segments`
/// lacks: an `#~ msgctxt "…"` line naming an unknown id, or one not in the
/// one-line, unescaped form tercuman writes.
fn names_unknown_obsolete(text: &str, segments: &HashMap<String, StoredSegment>) -> bool {
    text.lines()
        .filter_map(|line| line.strip_prefix("#~ msgctxt "))
        .any(|value| {
            let id = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .filter(|id| !id.is_empty() && !id.contains(['"', '\\']));
            id.is_none_or(|id| !segments.contains_key(id))
        })
}

/// Obsolete entries the memory does not know (a lost or rebuilt memory):
/// their segments come back as retired rows (added to `segments` and
/// `changed`), and their translations are returned by locale, so that
/// they survive.
pub(super) fn restore_obsolete(
    project: &Project,
    catalogs: &[&Catalogs],
    segments: &mut HashMap<String, StoredSegment>,
    changed: &mut Vec<String>,
) -> HashMap<String, Vec<(String, Translation)>> {
    let mut restored: HashMap<String, Vec<(String, Translation)>> = HashMap::new();
    let mut files: Vec<(&(String, String), &po::Catalog)> = catalogs
        .iter()
        .flat_map(|c| c.iter())
        .map(|(key, (_, catalog))| (key, catalog))
        .collect();
    files.sort_by(|a, b| a.0.cmp(b.0));
    for (key, catalog) in &files {
        for e in catalog
            .entries
            .iter()
            .filter(|e| e.obsolete && !e.msgstr.is_empty())
        {
            if let Some(id) = e.msgctxt.as_ref().filter(|id| !segments.contains_key(*id)) {
                restored
                    .entry(key.0.clone())
                    .or_default()
                    .push((id.clone(), entry_state(e)));
            }
        }
    }
    for ((_, slug), catalog) in files {
        let chapter = project
            .chapters
            .iter()
            .find(|c| &c.slug == slug)
            .expect("catalogs are keyed by chapters");
        for e in catalog.entries.iter().filter(|e| e.obsolete) {
            if let Some(id) = e.msgctxt.as_ref().filter(|id| !segments.contains_key(*id)) {
                let row = StoredSegment {
                    id: id.clone(),
                    chapter: slug.clone(),
                    position: None,
                    kind: "paragraph".into(),
                    source: e.msgid.clone(),
                    file: chapter.rel_path.clone(),
                    line: 0,
                };
                changed.push(id.clone());
                segments.insert(id.clone(), row);
            }
        }
    }
    restored
}

/// Whether some chapter's PO file in `code` is written for the first time
/// (missing, or with no creation date in its header): only such a file
/// takes its date from the memory.
pub(super) fn has_new_file(project: &Project, catalogs: &Catalogs, code: &str) -> bool {
    project.chapters.iter().any(|c| {
        catalogs
            .get(&(code.to_string(), c.slug.clone()))
            .is_none_or(|(_, catalog)| {
                kept_header_field(&catalog.header, KEPT_HEADER_FIELDS[0]).is_none()
            })
    })
}

/// What the memory holds for one locale; the latest revisions' times only
/// when some file of it is new ([`has_new_file`]).
pub(super) fn stored_state(
    memory: &Memory,
    code: &str,
    new_file: bool,
    among: Among,
) -> Result<StoredState> {
    let (translations, exported) = memory.translations_and_exported_among(code, among)?;
    Ok(StoredState {
        translations,
        exported,
        suggestions: memory.suggestions_among(code, among)?,
        po_lines: memory.po_lines_among(code, among)?,
        merge_conflicts: memory.merge_conflicts_among(code, among)?,
        reviews: memory.reviews_among(code, among)?,
        revised: if new_file {
            memory.last_revisions_among(code, among)?
        } else {
            HashMap::new()
        },
    })
}

/// One locale's state in the memory, as a sync starts.
pub(super) struct StoredState {
    pub translations: HashMap<String, Translation>,
    pub exported: HashMap<String, Translation>,
    pub suggestions: HashMap<String, Suggestion>,
    /// Time of each segment's latest revision; read only when some file is new.
    pub revised: HashMap<String, String>,
    /// Where each chapter file's entries stood after the last sync.
    pub po_lines: HashMap<String, String>,
    /// Segments edited in two clones since merged.
    pub merge_conflicts: Vec<crate::tm::MergeConflict>,
    /// Reviewers' verdicts standing, by segment id.
    pub reviews: HashMap<String, crate::tm::Review>,
}

/// The current source's segments, compared with the memory's.
pub(super) struct SegmentChanges {
    /// Segments new in this sync, in book order.
    pub new: Vec<String>,
    /// Segments that left the source in this sync, in their old order.
    pub retired: Vec<String>,
    /// Every segment whose stored row changes (new, moved, edited, retired).
    pub changed: Vec<String>,
}

/// Updates `segments` to the current source and says what changed. Rows
/// are compared field by field, so an unchanged segment costs no allocation.
/// In an index just built from the journal (`unplaced`), no segment has a
/// place yet, and one the source holds is not new.
pub(super) fn update_segments(
    project: &Project,
    docs: &[ChapterDoc],
    segments: &mut HashMap<String, StoredSegment>,
    unplaced: bool,
) -> SegmentChanges {
    let mut out = SegmentChanges {
        new: Vec::new(),
        retired: Vec::new(),
        changed: Vec::new(),
    };
    // Each chapter's rows that differ from the memory's, on every core; a
    // chapter's first position is the count of segments before it.
    let mut starts = Vec::with_capacity(docs.len());
    let mut total = 0usize;
    for doc in docs {
        starts.push(total as i64);
        total += doc.segments().count();
    }
    let chapters: Vec<(&Chapter, &ChapterDoc, i64)> = project
        .chapters
        .iter()
        .zip(docs)
        .zip(starts)
        .map(|((c, d), start)| (c, d, start))
        .collect();
    let stored_current = segments.values().filter(|s| s.position.is_some()).count();
    let changed_rows = crate::parallel::map(&chapters, |&(chapter, doc, start)| {
        changed_rows(chapter, doc, start, segments, unplaced)
    });
    let kept_current: usize = changed_rows.iter().map(|(_, kept)| kept).sum();
    segments.reserve(total.saturating_sub(segments.len()));
    for (row, new) in changed_rows.into_iter().flat_map(|(rows, _)| rows) {
        if new {
            out.new.push(row.id.clone());
        }
        out.changed.push(row.id.clone());
        segments.insert(row.id.clone(), row);
    }
    // Segments that were in the source and are no longer. None when every
    // segment the memory had in the source still is (always on a first sync).
    if stored_current > kept_current {
        retire_missing(docs, segments, &mut out);
    }
    out
}

/// One chapter's rows that differ from the memory's (with whether each is
/// new to the source), and how many of its segments the memory already
/// had in the source.
fn changed_rows(
    chapter: &Chapter,
    doc: &ChapterDoc,
    start: i64,
    stored: &HashMap<String, StoredSegment>,
    unplaced: bool,
) -> (Vec<(StoredSegment, bool)>, usize) {
    let mut rows = Vec::new();
    let mut kept = 0;
    for (seg, position) in doc.segments().zip(start..) {
        let here = Some(position);
        let old = stored.get(&seg.id);
        kept += usize::from(old.is_some_and(|s| s.position.is_some()));
        let unchanged = old.is_some_and(|s| {
            s.position == here
                && s.line == seg.line as i64
                && s.source == seg.text
                && s.kind == seg.kind.as_str()
                && s.chapter == chapter.slug
                && s.file == chapter.rel_path
        });
        if unchanged {
            continue;
        }
        // New to the memory, or back in the source after leaving it.
        let new = old.is_none_or(|s| s.position.is_none() && !unplaced);
        let row = StoredSegment {
            id: seg.id.clone(),
            chapter: chapter.slug.clone(),
            position: here,
            kind: seg.kind.as_str().to_string(),
            source: seg.text.clone(),
            file: chapter.rel_path.clone(),
            line: seg.line as i64,
        };
        rows.push((row, new));
    }
    (rows, kept)
}

/// Marks retired the segments the memory had in the source that no
/// chapter holds now.
fn retire_missing(
    docs: &[ChapterDoc],
    segments: &mut HashMap<String, StoredSegment>,
    out: &mut SegmentChanges,
) {
    let current_ids: HashSet<&str> = docs
        .iter()
        .flat_map(|d| d.segments().map(|s| s.id.as_str()))
        .collect();
    let mut retired: Vec<&mut StoredSegment> = segments
        .values_mut()
        .filter(|s| s.position.is_some() && !current_ids.contains(s.id.as_str()))
        .collect();
    // In their old reading order, which split and merge suggestions follow.
    retired.sort_by(|a, b| (a.position, &a.id).cmp(&(b.position, &b.id)));
    for s in retired {
        s.position = None;
        out.retired.push(s.id.clone());
        out.changed.push(s.id.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_file_naming_an_unknown_obsolete_segment_is_parsed_again() {
        let known = |id: &str| StoredSegment {
            id: id.into(),
            chapter: "one".into(),
            position: None,
            kind: "paragraph".into(),
            source: "Hello.".into(),
            file: "source/one.md".into(),
            line: 1,
        };
        let segments: HashMap<String, StoredSegment> =
            [("one/a".to_string(), known("one/a"))].into();
        let file = |ctxt: &str| {
            format!("msgctxt \"one/b\"\nmsgid \"x\"\nmsgstr \"\"\n\n#~ msgctxt {ctxt}\n#~ msgid \"Hello.\"\n#~ msgstr \"Merhaba.\"\n")
        };
        assert!(!names_unknown_obsolete(&file("\"one/a\""), &segments));
        assert!(names_unknown_obsolete(&file("\"one/z\""), &segments));
        // Not in the form tercuman writes: parsed, to be sure.
        assert!(names_unknown_obsolete(&file("\"one/\\\"a\""), &segments));
        assert!(names_unknown_obsolete(&file("\"\""), &segments));
        assert!(!names_unknown_obsolete(
            "msgctxt \"one/z\"\nmsgid \"x\"\nmsgstr \"\"\n",
            &segments
        ));
    }
}
