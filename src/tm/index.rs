//! `tm/memory.sqlite` as a local index of the journal (`journal.rs`): kept
//! in step with it on every open, rebuilt from it when git (a merge, a
//! pull, a checkout) changed it, and written from it for a memory made
//! before the journal existed.
//!
//! The journal is the truth for segments' English and for revisions; the
//! index alone holds what belongs to this clone: what its PO files said
//! when it last wrote them (`exported`), where their entries stand, pending
//! file moves, settings.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rusqlite::{params, OptionalExtension};

use super::bulk::Inserts;
use super::journal::{self, Journal, RevisionRecord, SegmentRecord, StagedFile};
use super::rows::{
    by_chapter, check_segments_known, insert_revisions, insert_segments, ChapterRows, FilesSay,
};
use super::{Memory, Status};
use crate::error::{Error, Result};

/// The hashes of a `heads` column.
pub(super) fn split_heads(heads: &str) -> Vec<String> {
    heads
        .split(',')
        .filter(|h| !h.is_empty())
        .map(str::to_string)
        .collect()
}

/// Records staged journal files in the open transaction: to be renamed into
/// place, and the digest the index will then know them by.
pub(super) fn note_staged(tx: &rusqlite::Transaction, staged: &[StagedFile]) -> Result<()> {
    let mut pending =
        tx.prepare("INSERT OR REPLACE INTO journal_pending (target, temporary) VALUES (?1, ?2)")?;
    let mut file = tx.prepare(
        "INSERT OR REPLACE INTO journal_file (path, size, mtime, digest) VALUES (?1, NULL, NULL, ?2)",
    )?;
    for s in staged {
        pending.execute(params![s.target, s.temporary.to_string_lossy()])?;
        file.execute(params![s.target, s.digest])?;
    }
    Ok(())
}

/// A merge conflict: one segment edited in two clones since merged.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeConflict {
    pub segment_id: String,
    /// The heads' texts, the one kept current first.
    pub texts: Vec<String>,
}

/// Whether a rebuild puts the journal files it read in the form tercuman
/// writes (a command that only reads leaves them as they are).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tidy {
    Files,
    LeaveAlone,
}

/// Translations with more than one head in a locale: found through the
/// partial index `translation_merged`, whose condition this must repeat.
pub(super) const MERGED_SQL: &str = "SELECT segment_id, heads FROM translation
     WHERE locale = ?1 AND heads LIKE '%,%' {among} ORDER BY segment_id";

impl Memory {
    /// Renames committed journal files into place and notes how they now
    /// stand on disk.
    pub(super) fn finish_journal(&mut self) -> Result<()> {
        let Some(tm) = self.journal.clone() else {
            return Ok(());
        };
        let pending: Vec<(String, String)> = {
            let mut stmt = self
                .conn
                .prepare("SELECT target, temporary FROM journal_pending ORDER BY target")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        if pending.is_empty() {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        for (target, temporary) in &pending {
            let path = tm.join(target);
            if Path::new(temporary).exists() {
                std::fs::rename(temporary, &path).map_err(|e| Error::io(&path, e))?;
            }
            restamp(&tx, &tm, target)?;
        }
        tx.execute("DELETE FROM journal_pending", [])?;
        tx.commit()?;
        Ok(())
    }

    /// Brings the index in step with the journal on open: finishes an
    /// interrupted commit's renames, writes the journal of a memory made
    /// before it existed, and rebuilds the index if the journal changed.
    pub(super) fn settle_journal(&mut self) -> Result<()> {
        let Some(tm) = self.journal.clone() else {
            return Ok(());
        };
        self.finish_journal()?;
        let files = journal::files(&tm)?;
        if files.is_empty() {
            let has_rows: bool =
                self.conn
                    .query_row("SELECT EXISTS (SELECT 1 FROM segment)", [], |r| r.get(0))?;
            if has_rows {
                self.write_whole_journal()?;
            }
            return Ok(());
        }
        let changes = self.journal_changes(&tm, &files)?;
        if changes.is_none() {
            return self.note_restamped(&changes.restamped);
        }
        if changes.all {
            let rels: Vec<String> = files.iter().map(|rel| journal::rel_string(rel)).collect();
            return self.rebuild_index(&rels, Tidy::Files);
        }
        let t = crate::timings::phase(|| "index: read the journal".into());
        // Every line is checked before any file is tidied: a bad line is
        // named where it stands, and nothing is rewritten.
        let mut journal = journal::read_files(&tm, &changes.changed)?;
        journal::tidy_files(&tm, &mut journal.files, &journal.untidy)?;
        drop(t);
        self.update_index(&changes, journal)
    }

    /// Files whose content is as the index knows it but whose size or time
    /// changed (a checkout rewrote them): noted, so that the next open
    /// does not read them again.
    fn note_restamped(&mut self, restamped: &[String]) -> Result<()> {
        let Some(tm) = self.journal.clone() else {
            return Ok(());
        };
        if restamped.is_empty() {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        for rel in restamped {
            restamp(&tx, &tm, rel)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// How the journal's files differ from those the index last read or
    /// wrote: by size and time, or else by content.
    fn journal_changes(&self, tm: &Path, files: &[std::path::PathBuf]) -> Result<JournalChanges> {
        let mut known: HashMap<String, (Option<i64>, Option<i64>, String)> = {
            let mut stmt = self
                .conn
                .prepare("SELECT path, size, mtime, digest FROM journal_file")?;
            let rows =
                stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let mut changes = JournalChanges {
            all: known.is_empty(),
            ..JournalChanges::default()
        };
        for rel in files {
            let name = journal::rel_string(rel);
            let Some((size, mtime, digest)) = known.remove(&name) else {
                changes.changed.push(name);
                continue;
            };
            let path = tm.join(rel);
            let now = journal::stat(&path);
            if now.is_some() && now == size.zip(mtime) {
                continue;
            }
            let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
            if journal::digest(&bytes) == digest {
                changes.restamped.push(name);
            } else {
                changes.changed.push(name);
            }
        }
        changes.gone = known.into_keys().collect();
        changes.gone.sort();
        Ok(changes)
    }

    /// Re-indexes the journal files git changed (a merge, a pull, a
    /// checkout), leaving the rows of every other file as they are: a pull
    /// that brings one translated chapter costs that chapter.
    fn update_index(&mut self, changes: &JournalChanges, journal: Journal) -> Result<()> {
        let Some(tm) = self.journal.clone() else {
            return Ok(());
        };
        let _t = crate::timings::phase(|| "index: update from the journal".into());
        let tx = self.conn.transaction()?;
        insert_segments(&tx, &journal.segments)?;
        for rel in changes.changed.iter().chain(&changes.gone) {
            if let Some((locale, chapter)) = journal::revision_file_key(rel) {
                forget_revisions(&tx, locale, chapter)?;
            }
        }
        insert_revisions(&tx, &journal.revisions)?;
        for rel in &changes.gone {
            tx.execute("DELETE FROM journal_file WHERE path = ?1", [rel])?;
        }
        note_files(&tx, &tm, &journal.files)?;
        for rel in &changes.restamped {
            restamp(&tx, &tm, rel)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Rebuilds the segments' English, the revisions and the current
    /// translations from the journal's files `rels` (relative to `tm/`). A
    /// translation with two heads (edited in two clones) is the newest
    /// head, as fuzzy, until a sync settles it. An index that never knew
    /// what its PO files said takes the journal's translations for it, as
    /// the files committed with it hold.
    pub(super) fn rebuild_index(&mut self, rels: &[String], tidy: Tidy) -> Result<()> {
        let Some(tm) = self.journal.clone() else {
            return Ok(());
        };
        let _t = crate::timings::phase(|| "index: rebuild from the journal".into());
        // Every revision's segment is checked once, in Rust, instead of by
        // a foreign-key lookup per inserted row (a fifth of the rebuild).
        self.conn.pragma_update(None, "foreign_keys", false)?;
        let rebuilt = self.rebuild_rows(&tm, rels, tidy);
        self.conn.pragma_update(None, "foreign_keys", true)?;
        rebuilt
    }

    /// Each chapter's revision files' rows while the next chapter's files
    /// are read on the other core (reading the whole journal first was a
    /// fifth of a fresh clone's rebuild, with one core idle), and the
    /// segments ([`insert_journal_rows`]).
    fn rebuild_rows(&mut self, tm: &Path, rels: &[String], tidy: Tidy) -> Result<()> {
        let (revision_files, source_files): (Vec<String>, Vec<String>) = rels
            .iter()
            .cloned()
            .partition(|rel| journal::revision_file_key(rel).is_some());
        let chapters = by_chapter(revision_files);
        let tx = self.conn.transaction()?;
        let fresh: bool = tx.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM exported) AND NOT EXISTS (SELECT 1 FROM revision)",
            [],
            |r| r.get(0),
        )?;
        // An index that never knew what its PO files said takes the
        // journal's translations for it, as the files committed with it hold.
        let files_say = if fresh {
            FilesSay::Translations
        } else {
            FilesSay::AsExported
        };
        let FilesRead { mut files, untidy } =
            journal::with_files_read(tm, &chapters, ChapterRows::of, |read, give_back| {
                insert_journal_rows(&tx, tm, &source_files, read, give_back, files_say)
            })?;
        // Only once every line was read and checked: a bad line is named
        // where it stands, and nothing is rewritten.
        if tidy == Tidy::Files {
            journal::tidy_files(tm, &mut files, &untidy)?;
        }
        if fresh {
            tx.execute(
                "INSERT OR REPLACE INTO setting (key, value) VALUES (?1, '1')",
                [super::UNPLACED],
            )?;
        }
        tx.execute("DELETE FROM journal_file", [])?;
        note_files(&tx, tm, &files)?;
        let _t = crate::timings::phase(|| "index: commit".into());
        tx.commit()?;
        Ok(())
    }

    /// Writes the journal of a memory made before it existed: every segment
    /// and every revision, each revision replacing the one before it (a
    /// conflicting edit, and whatever followed the current translation,
    /// as history).
    fn write_whole_journal(&mut self) -> Result<()> {
        let Some(tm) = self.journal.clone() else {
            return Ok(());
        };
        let segments: Vec<SegmentRecord> = self
            .segments()?
            .into_values()
            .map(|s| SegmentRecord {
                id: s.id,
                kind: s.kind,
                file: s.file,
                line: s.line,
                source: s.source,
            })
            .collect();
        let revisions = self.chained_revisions()?;
        let tx = self.conn.transaction()?;
        for r in &revisions {
            tx.execute(
                "UPDATE revision SET hash = ?2, parents = ?3, current = ?4, previous_source = ?5 WHERE id = ?1",
                params![r.0, r.1.hash, r.1.parents.join(","), r.1.current, r.1.previous_source],
            )?;
        }
        let mut heads: HashMap<(&str, &str), Vec<&str>> = HashMap::new();
        for (_, r) in &revisions {
            if r.current {
                heads.insert((&r.segment_id, &r.locale), vec![&r.hash]);
            }
        }
        for ((segment, locale), h) in &heads {
            tx.execute(
                "UPDATE translation SET heads = ?3 WHERE segment_id = ?1 AND locale = ?2",
                params![segment, locale, h.join(",")],
            )?;
        }
        let records: Vec<RevisionRecord> = revisions.into_iter().map(|(_, r)| r).collect();
        let staged = journal::stage(&tm, &segments, &records)?;
        if let Err(e) = note_staged(&tx, &staged).and_then(|()| Ok(tx.commit()?)) {
            journal::discard(&staged);
            return Err(e);
        }
        self.finish_journal()
    }

    /// The index's revisions (with their row ids) as journal records, in
    /// order, each replacing the one before it in its segment and locale.
    fn chained_revisions(&self) -> Result<Vec<(i64, RevisionRecord)>> {
        let current: HashMap<(String, String), (String, String)> = {
            let mut stmt = self
                .conn
                .prepare("SELECT segment_id, locale, text, status FROM translation")?;
            let rows =
                stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), (r.get(2)?, r.get(3)?))))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let mut stmt = self.conn.prepare(
            "SELECT id, segment_id, locale, created, origin, status, match_score, match_from, text,
                    author, note
             FROM revision ORDER BY segment_id, locale, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                RevisionRecord {
                    segment_id: r.get(1)?,
                    locale: r.get(2)?,
                    created: r.get(3)?,
                    hash: String::new(),
                    parents: Vec::new(),
                    current: true,
                    origin: r.get(4)?,
                    status: Status::from_stored(&r.get::<_, String>(5)?),
                    score: r.get(6)?,
                    from: r.get(7)?,
                    previous_source: None,
                    text: r.get(8)?,
                    author: r.get(9)?,
                    note: r.get(10)?,
                },
            ))
        })?;
        let mut all: Vec<(i64, RevisionRecord)> = rows.collect::<rusqlite::Result<_>>()?;
        for group in all
            .chunk_by_mut(|a, b| (&a.1.segment_id, &a.1.locale) == (&b.1.segment_id, &b.1.locale))
        {
            chain(group, &current);
        }
        Ok(all)
    }

    /// Segments of one locale edited in two clones since merged, with the
    /// texts of both (every) side. Heads that agree on the text are no
    /// conflict.
    pub fn merge_conflicts(&self, locale: &str) -> Result<Vec<MergeConflict>> {
        self.merge_conflicts_among(locale, super::Among::All)
    }

    /// [`Memory::merge_conflicts`] among `among`.
    pub fn merge_conflicts_among(
        &self,
        locale: &str,
        among: super::Among,
    ) -> Result<Vec<MergeConflict>> {
        let rows: Vec<(String, String)> =
            self.query_among(MERGED_SQL, "segment_id", Some(locale), among, |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        let mut text_of = self
            .conn
            .prepare("SELECT text, created FROM revision WHERE hash = ?1 AND segment_id = ?2 AND locale = ?3")?;
        let mut out = Vec::new();
        for (segment_id, heads) in rows {
            let mut texts: Vec<String> = Vec::new();
            for h in split_heads(&heads) {
                let text: Option<String> = text_of
                    .query_row(params![h, segment_id, locale], |r| r.get(0))
                    .optional()?;
                if let Some(t) = text.filter(|t| !texts.contains(t)) {
                    texts.push(t);
                }
            }
            if texts.len() > 1 {
                out.push(MergeConflict { segment_id, texts });
            }
        }
        Ok(out)
    }
}

/// The journal's files a rebuild read, (path, digest) each, and those not
/// in the form tercuman writes.
#[derive(Default)]
struct FilesRead {
    files: Vec<(String, String)>,
    untidy: Vec<String>,
}

impl FilesRead {
    fn take_from(&mut self, chapter: &mut ChapterRows) {
        self.files.append(&mut chapter.files);
        self.untidy.append(&mut chapter.untidy);
    }
}

/// Inserts the journal's rows: each chapter's revisions and translations
/// as `read` hands them over, and the segments, read on a third thread
/// meanwhile. The chapters that go in before the segments are read wait
/// only for the check that their segments exist.
fn insert_journal_rows(
    tx: &rusqlite::Transaction,
    tm: &Path,
    source_files: &[String],
    read: &mut dyn Iterator<Item = Result<ChapterRows>>,
    give_back: &dyn Fn(ChapterRows),
    files_say: FilesSay,
) -> Result<FilesRead> {
    tx.execute("DELETE FROM revision", [])?;
    tx.execute("DELETE FROM translation", [])?;
    std::thread::scope(|scope| {
        let reading = scope.spawn(|| {
            let _t = crate::timings::phase(|| "index: read the segments".into());
            journal::read_files(tm, source_files)
        });
        let _t = crate::timings::phase(|| "index: revisions and translations".into());
        let mut inserts = Inserts::new(tx);
        let mut chapters_read = FilesRead::default();
        let mut unchecked: Vec<(String, String)> = Vec::new();
        while !reading.is_finished() {
            let Some(chapter) = read.next() else { break };
            let mut chapter = chapter?;
            let keys = chapter.segment_keys();
            unchecked.extend(keys.map(|(l, id)| (l.to_string(), id.to_string())));
            chapter.insert(&mut inserts, files_say)?;
            chapters_read.take_from(&mut chapter);
            give_back(chapter);
        }
        let sources = reading.join().expect("reading the segments")?;
        let t = crate::timings::phase(|| "index: segments".into());
        insert_segments(tx, &sources.segments)?;
        drop(t);
        let mut known: HashSet<&str> = HashSet::with_capacity(sources.segments.len());
        known.extend(sources.segments.iter().map(|s| s.id.as_str()));
        let unchecked = unchecked.iter().map(|(l, id)| (l.as_str(), id.as_str()));
        check_segments_known(tx, &known, unchecked)?;
        for chapter in read {
            let mut chapter = chapter?;
            check_segments_known(tx, &known, chapter.segment_keys())?;
            chapter.insert(&mut inserts, files_say)?;
            chapters_read.take_from(&mut chapter);
            give_back(chapter);
        }
        // The segments' files first, as they were read before.
        let mut all = FilesRead {
            files: sources.files,
            untidy: sources.untidy,
        };
        all.files.append(&mut chapters_read.files);
        all.untidy.append(&mut chapters_read.untidy);
        Ok(all)
    })
}

/// Gives one segment's revisions (in the order they were made) hashes and
/// parents: each current one replaces the one before; a conflicting PO
/// edit, and any revision after the last that holds the current
/// translation, is history only.
fn chain(
    group: &mut [(i64, RevisionRecord)],
    current: &HashMap<(String, String), (String, String)>,
) {
    let key = (group[0].1.segment_id.clone(), group[0].1.locale.clone());
    let last_current = current.get(&key).and_then(|(text, status)| {
        group
            .iter()
            .rposition(|(_, r)| r.text == *text && r.status.as_str() == status)
    });
    let mut head: Option<String> = None;
    for (n, (_, r)) in group.iter_mut().enumerate() {
        r.current = r.origin != super::Origin::PoConflict.as_str()
            && last_current.is_none_or(|last| n <= last);
        r.parents = head.iter().cloned().collect();
        r.hash = r.content_hash();
        if r.current {
            head = Some(r.hash.clone());
        }
    }
}

/// How the journal on disk differs from what the index knows.
#[derive(Default)]
struct JournalChanges {
    /// The index knows no file: it is new, or was made before the journal.
    all: bool,
    /// New or changed files, relative to `tm/`.
    changed: Vec<String>,
    /// Files the index knew that are gone.
    gone: Vec<String>,
    /// Files with new sizes or times but the content the index knows.
    restamped: Vec<String>,
}

impl JournalChanges {
    fn is_none(&self) -> bool {
        !self.all && self.changed.is_empty() && self.gone.is_empty()
    }
}

/// Notes a known journal file's size and time as they now are on disk.
fn restamp(tx: &rusqlite::Transaction, tm: &Path, rel: &str) -> Result<()> {
    let (size, mtime) = journal::stat(&tm.join(rel)).unzip();
    tx.execute(
        "UPDATE journal_file SET size = ?2, mtime = ?3 WHERE path = ?1",
        params![rel, size, mtime],
    )?;
    Ok(())
}

/// Records how journal files stand on disk, with their digests.
fn note_files(tx: &rusqlite::Transaction, tm: &Path, files: &[(String, String)]) -> Result<()> {
    let mut note = tx.prepare(
        "INSERT OR REPLACE INTO journal_file (path, size, mtime, digest) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (rel, digest) in files {
        let (size, mtime) = journal::stat(&tm.join(rel)).unzip();
        note.execute(params![rel, size, mtime, digest])?;
    }
    Ok(())
}

/// Removes a chapter's revisions and current translations in one locale
/// (its revision file is read again). Segment ids are `chapter/hash`, so
/// the chapter's rows are one range of each table's key.
fn forget_revisions(tx: &rusqlite::Transaction, locale: &str, chapter: &str) -> Result<()> {
    let (from, to) = (format!("{chapter}/"), format!("{chapter}0"));
    tx.execute(
        "DELETE FROM revision WHERE segment_id >= ?1 AND segment_id < ?2 AND locale = ?3",
        params![from, to, locale],
    )?;
    tx.execute(
        "DELETE FROM translation WHERE segment_id >= ?1 AND segment_id < ?2 AND locale = ?3",
        params![from, to, locale],
    )?;
    Ok(())
}
