//! Stage 3: the translation memory, a SQLite database under `tm/`.
//!
//! It holds the source segments (with their place in the book; segments that
//! left the source keep their row with no position, so their translations are
//! never lost), the current translation of each segment per locale with a
//! status, every revision with its time and origin, and what the segment files
//! said when they were last written (to tell a translator's edit from a stale
//! file). The schema is versioned by `PRAGMA user_version`; see [`schema`].

mod bulk;
pub mod concordance;
mod edit_distance;
pub mod exchange;
mod index;
pub mod journal;
pub mod matching;
pub mod paragraphs;
mod rows;
pub mod schema;
mod write;

pub use index::MergeConflict;
use write::{commit_changes, write_segments, Records};

/// The setting an index built from the journal into an empty memory holds
/// (`1`) until a sync has placed its segments in the source.
pub const UNPLACED: &str = "unplaced";

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OpenFlags, OptionalExtension};

use crate::error::{Error, Result};

pub use crate::formats::Status;

/// Where a revision came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A translator's edit in a PO file.
    PoImport,
    /// An identical English segment's translation, reused.
    ExactMatch,
    /// A similar English segment's translation, offered as fuzzy.
    FuzzyMatch,
    /// The translation of the sentence this one was split from, as fuzzy.
    Split,
    /// The translations of the sentences merged into this one, as fuzzy.
    Merge,
    /// A translation unit from a TMX file.
    TmxImport,
    /// A unit's target from an XLIFF file (a CAT tool's work).
    XliffImport,
    /// A translator's PO edit that conflicted with a change in the memory:
    /// kept in the history, not made current.
    PoConflict,
    /// The memory's version kept, marked fuzzy, after a conflict.
    ConflictKept,
    /// A reviewer approved the translation as it stands.
    Review,
    /// A reviewer rejected the translation (with a note): fuzzy until a
    /// translator changes it.
    Rejected,
    /// One of the texts two clones gave a segment, kept current as fuzzy
    /// after their merge (the other stays in the history).
    MergeConflict,
    /// A paragraph's translation from mdbook-xgettext's catalog, aligned
    /// to its sentences.
    MdbookPo,
    /// The same from a po4a catalog.
    Po4a,
    /// A translated copy of the book in Markdown, aligned block by block
    /// and then sentence by sentence.
    AlignedMarkdown,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::PoImport => "po-import",
            Origin::ExactMatch => "exact-match",
            Origin::FuzzyMatch => "fuzzy-match",
            Origin::Split => "split",
            Origin::Merge => "merge",
            Origin::TmxImport => "tmx-import",
            Origin::XliffImport => "xliff-import",
            Origin::PoConflict => "po-conflict",
            Origin::ConflictKept => "conflict-kept",
            Origin::MergeConflict => "merge-conflict",
            Origin::Review => "review",
            Origin::Rejected => "rejected",
            Origin::MdbookPo => "mdbook-po",
            Origin::Po4a => "po4a",
            Origin::AlignedMarkdown => "aligned-markdown",
        }
    }
}

/// A reviewer's verdict on a translation as it stood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub rejected: bool,
    pub by: String,
    /// RFC 3339 UTC.
    pub at: String,
    pub note: Option<String>,
    /// The text the verdict was given on.
    pub text: String,
}

impl Review {
    /// Whether the verdict still stands for `t`: the same text, and the
    /// state the verdict gave it (approved: translated; rejected: fuzzy).
    pub fn stands_for(&self, t: &Translation) -> bool {
        let status = if self.rejected {
            Status::Fuzzy
        } else {
            Status::Translated
        };
        self.text == t.text && t.status == status
    }

    /// An approval that stands for `t`.
    pub fn approves(&self, t: &Translation) -> bool {
        !self.rejected && self.stands_for(t)
    }

    /// `reviewed by Leyla on 2026-11-02[: note]` or `rejected by Leyla on
    /// 2026-11-02: note`, on one line whatever the note holds: the PO
    /// comment and the XLIFF note.
    pub fn describe(&self) -> String {
        let what = if self.rejected {
            "rejected"
        } else {
            "reviewed"
        };
        let day = self.at.get(..10).unwrap_or(&self.at);
        let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        match self.note.as_deref().map(one_line) {
            Some(note) => format!("{what} by {} on {day}: {note}", one_line(&self.by)),
            None => format!("{what} by {} on {day}", one_line(&self.by)),
        }
    }
}

/// A translation's state from one moment on, as a revision set it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateChange {
    pub segment_id: String,
    /// RFC 3339 UTC.
    pub at: String,
    /// As an edition would use it: an empty text is untranslated.
    pub status: Status,
    /// A reviewer approved it.
    pub reviewed: bool,
}

/// A source segment as the memory knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSegment {
    pub id: String,
    pub chapter: String,
    /// Order in the book; `None` once the segment has left the source.
    pub position: Option<i64>,
    pub kind: String,
    pub source: String,
    /// `source/<chapter>.md`
    pub file: String,
    pub line: i64,
}

/// Segments in reading order: current ones as the book has them, then those
/// that left the source, by file and line.
pub fn reading_order(segments: &HashMap<String, StoredSegment>) -> Vec<&StoredSegment> {
    let mut ordered: Vec<&StoredSegment> = segments.values().collect();
    ordered.sort_by(|a, b| {
        (a.position.is_none(), a.position, &a.file, a.line, &a.id).cmp(&(
            b.position.is_none(),
            b.position,
            &b.file,
            b.line,
            &b.id,
        ))
    });
    ordered
}

/// A translation's current state.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Translation {
    pub text: String,
    pub status: Status,
}

/// No translation: also what a segment file says for a segment the memory
/// has no `exported` row for (rows are stored only once a file says
/// something else, which keeps a first sync small).
pub static UNTRANSLATED: Translation = Translation {
    text: String::new(),
    status: Status::Untranslated,
};

impl Translation {
    pub fn untranslated() -> Translation {
        UNTRANSLATED.clone()
    }
}

/// SQLite's page cache, in KiB, as a memory opens (the default is 2 MiB):
/// an index rebuilt from the journal, one big transaction, then spills
/// fewer pages to the file mid-way (a 16 MiB cache made it 15 % slower).
pub const CACHE_KIB: i64 = 65_536;

/// The condition `{among}` stands for when a query reads some chapters:
/// `column` in one chapter's id range, bound as parameters `first` and the
/// one after.
fn chapter_condition(column: &str, first: usize) -> String {
    format!(" AND {column} >= ?{first} AND {column} < ?{}", first + 1)
}

/// Current translations in a locale.
const TRANSLATION_SQL: &str =
    "SELECT segment_id, text, status FROM translation WHERE locale = ?1 {among}";

/// What a locale's PO files said when last written: an `exported` row, or
/// the translation itself where it is flagged the same (schema migration
/// 13, whose triggers keep the two apart).
const EXPORTED_SQL: &str = "SELECT segment_id, text, status FROM exported WHERE locale = ?1 {among}
     UNION ALL
     SELECT segment_id, text, status FROM translation WHERE locale = ?1 AND exported_same = 1 {among}";

/// The `exported` rows alone, for a caller that reads the flagged
/// translations with the others.
const EXPORTED_ROWS_SQL: &str =
    "SELECT segment_id, text, status FROM exported WHERE locale = ?1 {among}";

/// Leveraged translations in a locale, through the partial index
/// `translation_suggested`, whose condition this must repeat.
const SUGGESTED_SQL: &str = "SELECT segment_id, previous_source, match_score, match_from
     FROM translation WHERE locale = ?1 AND previous_source IS NOT NULL {among}";

/// Reviewers' verdicts standing in a locale, through the partial index
/// `revision_reviewed`, whose condition this must repeat.
const REVIEWED_SQL: &str = "SELECT t.segment_id, r.origin, r.author, r.created, r.note, r.text
     FROM translation t JOIN revision r
       ON r.segment_id = t.segment_id AND r.locale = t.locale AND r.hash = t.heads
     WHERE t.locale = ?1 AND r.origin IN ('review', 'rejected') {among}";

/// An open translation memory.
pub struct Memory {
    conn: Connection,
    path: PathBuf,
    /// `tm/`, where the journal lives; `None` for a throwaway memory.
    journal: Option<PathBuf>,
}

impl Memory {
    /// Opens (creating if missing) the memory at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Memory> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| memory_error(path, e))?;
        let mut memory = Memory::prepare(conn, path)?;
        memory.journal = path.parent().map(Path::to_path_buf);
        memory.settle_journal()?;
        Ok(memory)
    }

    /// Sets SQLite's page cache to `kib` KiB (a memory opens with
    /// [`CACHE_KIB`]), for a command that reads each row once.
    pub fn limit_cache_kib(&self, kib: i64) -> Result<()> {
        self.conn.pragma_update(None, "cache_size", -kib)?;
        Ok(())
    }

    /// A throwaway memory, for tests.
    pub fn open_in_memory() -> Result<Memory> {
        Memory::prepare(Connection::open_in_memory()?, Path::new(":memory:"))
    }

    /// A memory read from the journal in `tm` into a throwaway index, for
    /// commands that only read, in a clone whose index was never built.
    pub fn read_journal(tm: &Path) -> Result<Memory> {
        let mut memory = Memory::open_in_memory()?;
        memory.journal = Some(tm.to_path_buf());
        let files: Vec<String> = journal::files(tm)?
            .iter()
            .map(|rel| journal::rel_string(rel))
            .collect();
        memory.rebuild_index(&files, index::Tidy::LeaveAlone)?;
        memory.journal = None;
        Ok(memory)
    }

    fn prepare(conn: Connection, path: &Path) -> Result<Memory> {
        // Another program holding the database: wait for it (saying so)
        // rather than fail at once.
        conn.busy_handler(Some(wait_while_busy))
            .map_err(|e| memory_error(path, e))?;
        conn.pragma_update(None, "cache_size", -CACHE_KIB)
            .map_err(|e| memory_error(path, e))?;
        schema::migrate(&conn).map_err(|e| match e {
            Error::Sqlite(e) => memory_error(path, e),
            Error::Other(message) => Error::Memory {
                path: path.to_path_buf(),
                message,
            },
            other => other,
        })?;
        Ok(Memory {
            conn,
            path: path.to_path_buf(),
            journal: None,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every segment the memory has ever seen, by id.
    pub fn segments(&self) -> Result<HashMap<String, StoredSegment>> {
        self.segments_among(Among::All)
    }

    /// The segments the memory has seen among `among`, by id.
    pub fn segments_among(&self, among: Among) -> Result<HashMap<String, StoredSegment>> {
        let sql =
            "SELECT id, chapter, position, kind, source, file, line FROM segment WHERE 1 {among}";
        let rows = self.query_among(sql, "id", None, among, |r| {
            Ok(StoredSegment {
                id: r.get(0)?,
                chapter: r.get(1)?,
                position: r.get(2)?,
                kind: r.get(3)?,
                source: r.get(4)?,
                file: r.get(5)?,
                line: r.get(6)?,
            })
        })?;
        Ok(rows.into_iter().map(|s| (s.id.clone(), s)).collect())
    }

    /// Runs `sql` (whose `{among}` is where the segment condition goes,
    /// on column `column`) once for every segment, or once per chapter of
    /// `among`, with `locale` as `?1` when given.
    fn query_among<T>(
        &self,
        sql: &str,
        column: &str,
        locale: Option<&str>,
        among: Among,
        mut row: impl FnMut(&rusqlite::Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let first = if locale.is_some() { 2 } else { 1 };
        let mut out = Vec::new();
        match among {
            Among::All => {
                let mut stmt = self.conn.prepare(&sql.replace("{among}", ""))?;
                let params: Vec<&dyn rusqlite::ToSql> = locale.iter().map(|l| l as _).collect();
                let rows = stmt.query_map(params.as_slice(), |r| row(r))?;
                for r in rows {
                    out.push(r?);
                }
            }
            Among::Chapters(chapters) => {
                let mut stmt = self
                    .conn
                    .prepare(&sql.replace("{among}", &chapter_condition(column, first)))?;
                for chapter in chapters {
                    // Ids are `<slug>/<hash>`: '0' is the character after '/'.
                    let (from, to) = (format!("{chapter}/"), format!("{chapter}0"));
                    let mut params: Vec<&dyn rusqlite::ToSql> =
                        locale.iter().map(|l| l as _).collect();
                    params.push(&from);
                    params.push(&to);
                    let rows = stmt.query_map(params.as_slice(), |r| row(r))?;
                    for r in rows {
                        out.push(r?);
                    }
                }
            }
        }
        Ok(out)
    }

    /// The segments in the source whose English is one of `sources`, with
    /// it: one pass over the segment rows, no index kept for it.
    pub fn current_with_source(
        &self,
        sources: &std::collections::HashSet<&str>,
    ) -> Result<Vec<(String, String)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, source FROM segment WHERE position IS NOT NULL")?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let source = row.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
            if sources.contains(source) {
                out.push((row.get(0)?, source.to_string()));
            }
        }
        Ok(out)
    }

    /// Whether a segment has a translation row in `locale`, even an empty one.
    pub fn has_translation(&self, segment_id: &str, locale: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM translation WHERE segment_id = ?1 AND locale = ?2")?
            .exists(params![segment_id, locale])?)
    }

    /// Whether a segment's current translation in `locale` is a finished
    /// one: translated, and not empty.
    pub fn is_translated(&self, segment_id: &str, locale: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT 1 FROM translation WHERE segment_id = ?1 AND locale = ?2
                 AND status = 'translated' AND text <> ''",
            )?
            .exists(params![segment_id, locale])?)
    }

    /// Current translations in one locale, by segment id.
    pub fn translations(&self, locale: &str) -> Result<HashMap<String, Translation>> {
        self.states(TRANSLATION_SQL, locale, Among::All)
    }

    /// Current translations in one locale among `among`, by segment id.
    pub fn translations_among(
        &self,
        locale: &str,
        among: Among,
    ) -> Result<HashMap<String, Translation>> {
        self.states(TRANSLATION_SQL, locale, among)
    }

    /// Where the current translations of one locale came from, when leveraged.
    pub fn suggestions(&self, locale: &str) -> Result<HashMap<String, Suggestion>> {
        self.suggestions_among(locale, Among::All)
    }

    /// [`Memory::suggestions`] among `among`.
    pub fn suggestions_among(
        &self,
        locale: &str,
        among: Among,
    ) -> Result<HashMap<String, Suggestion>> {
        let rows = self.query_among(SUGGESTED_SQL, "segment_id", Some(locale), among, |r| {
            Ok((
                r.get::<_, String>(0)?,
                Suggestion {
                    previous_source: r.get(1)?,
                    score: r.get(2)?,
                    from: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                },
            ))
        })?;
        Ok(rows.into_iter().collect())
    }

    /// The reviews standing in one locale, by segment id: translations whose
    /// newest revision is a reviewer's verdict (an edit since, by anyone,
    /// is a newer revision, and the translation is unreviewed again).
    pub fn reviews(&self, locale: &str) -> Result<HashMap<String, Review>> {
        self.reviews_among(locale, Among::All)
    }

    /// [`Memory::reviews`] among `among`.
    pub fn reviews_among(&self, locale: &str, among: Among) -> Result<HashMap<String, Review>> {
        let rows = self.query_among(REVIEWED_SQL, "t.segment_id", Some(locale), among, |r| {
            Ok((
                r.get::<_, String>(0)?,
                Review {
                    rejected: r.get::<_, String>(1)? == Origin::Rejected.as_str(),
                    by: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                    at: r.get(3)?,
                    note: r.get(4)?,
                    text: r.get(5)?,
                },
            ))
        })?;
        Ok(rows.into_iter().collect())
    }

    /// Each segment's state in one locale as completeness counts it, one
    /// row at a time: its status as an edition would use it (an empty text
    /// is untranslated) and whether a reviewer's approval stands for it
    /// (the current head is an approval of this very text). No texts are
    /// read out and nothing is collected, so `status` stays small on a big
    /// book.
    pub fn for_each_completion_state(
        &self,
        locale: &str,
        mut each: impl FnMut(&str, Status, bool),
    ) -> Result<()> {
        let mut stmt = self.conn.prepare(
            "SELECT t.segment_id,
                    CASE WHEN t.text = '' THEN 'untranslated' ELSE t.status END,
                    t.text <> '' AND t.status = 'translated' AND EXISTS (
                        SELECT 1 FROM revision r
                        WHERE r.segment_id = t.segment_id AND r.locale = t.locale
                          AND r.hash = t.heads AND r.origin = 'review' AND r.text = t.text)
             FROM translation t WHERE t.locale = ?1",
        )?;
        let mut rows = stmt.query([locale])?;
        while let Some(row) = rows.next()? {
            let text = |i| row.get_ref(i).and_then(|v| v.as_str().map_err(Into::into));
            let (id, status) = (text(0)?, Status::from_stored(text(1)?));
            each(id, status, row.get(2)?);
        }
        Ok(())
    }

    /// What the segment files said for one locale when last written, by segment id.
    pub fn exported(&self, locale: &str) -> Result<HashMap<String, Translation>> {
        self.states(EXPORTED_SQL, locale, Among::All)
    }

    /// [`Memory::translations_among`] and what [`Memory::exported`] says of
    /// them, at once: the translations flagged as what their files say are read in
    /// the same pass, not in a second scan of the table.
    pub fn translations_and_exported_among(
        &self,
        locale: &str,
        among: Among,
    ) -> Result<(HashMap<String, Translation>, HashMap<String, Translation>)> {
        let sql = "SELECT segment_id, text, status, exported_same FROM translation
             WHERE locale = ?1 {among}";
        let rows = self.query_among(sql, "segment_id", Some(locale), among, |r| {
            let translation = Translation {
                text: r.get(1)?,
                status: Status::from_stored(&r.get::<_, String>(2)?),
            };
            Ok((r.get::<_, String>(0)?, translation, r.get::<_, bool>(3)?))
        })?;
        let mut translations = HashMap::with_capacity(rows.len());
        let mut exported = HashMap::new();
        for (id, translation, same) in rows {
            if same {
                exported.insert(id.clone(), translation.clone());
            }
            translations.insert(id, translation);
        }
        exported.extend(self.states(EXPORTED_ROWS_SQL, locale, among)?);
        Ok((translations, exported))
    }

    /// (text, status) by segment id, as `sql` (which selects those three
    /// columns for locale `?1` `{among}`) reads them.
    fn states(
        &self,
        sql: &str,
        locale: &str,
        among: Among,
    ) -> Result<HashMap<String, Translation>> {
        let rows = self.query_among(sql, "segment_id", Some(locale), among, |r| {
            Ok((
                r.get::<_, String>(0)?,
                Translation {
                    text: r.get(1)?,
                    status: Status::from_stored(&r.get::<_, String>(2)?),
                },
            ))
        })?;
        Ok(rows.into_iter().collect())
    }

    /// Every change that made a translation current in one locale, oldest
    /// first: what the status dashboard replays to draw progress over time.
    /// Revisions kept as history only (a losing edit, an import that did
    /// not replace a translation) never stood, so they are left out.
    pub fn state_changes(&self, locale: &str) -> Result<Vec<StateChange>> {
        self.state_changes_among(locale, Among::All)
    }

    /// [`Memory::state_changes`] among `among`, oldest first in each chapter.
    pub fn state_changes_among(&self, locale: &str, among: Among) -> Result<Vec<StateChange>> {
        // Sorted here rather than by SQLite, whose sorter copied every row:
        // half of the query's time at 1M words, in every build.
        let sql = "SELECT segment_id, created, status, origin, text = '', id FROM revision
             WHERE locale = ?1 AND current = 1 {among}";
        let read = |among: Among| {
            let mut rows = self.query_among(sql, "segment_id", Some(locale), among, |r| {
                let empty: bool = r.get(4)?;
                let status = Status::from_stored(r.get_ref(2)?.as_str()?);
                let change = StateChange {
                    segment_id: r.get(0)?,
                    at: r.get(1)?,
                    status: if empty { Status::Untranslated } else { status },
                    reviewed: !empty
                        && status == Status::Translated
                        && r.get_ref(3)?.as_str()? == Origin::Review.as_str(),
                };
                Ok((change, r.get::<_, i64>(5)?))
            })?;
            rows.sort_unstable_by(|a, b| (&a.0.at, a.1).cmp(&(&b.0.at, b.1)));
            Ok::<_, Error>(rows.into_iter().map(|(change, _)| change))
        };
        match among {
            Among::All => Ok(read(Among::All)?.collect()),
            Among::Chapters(chapters) => {
                let mut changes = Vec::new();
                for chapter in chapters {
                    changes.extend(read(Among::Chapters(std::slice::from_ref(chapter)))?);
                }
                Ok(changes)
            }
        }
    }

    /// First and latest revision time of each segment in one locale, by segment id.
    pub fn revision_spans(&self, locale: &str) -> Result<HashMap<String, (String, String)>> {
        let mut stmt = self.conn.prepare(
            "SELECT segment_id, min(created), max(created) FROM revision WHERE locale = ?1 GROUP BY segment_id",
        )?;
        let rows = stmt.query_map([locale], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
        rows.collect::<rusqlite::Result<_>>().map_err(Into::into)
    }

    /// A stored setting (`None` before it was ever stored).
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Where the entries of one locale's PO files stand, by chapter slug, as
    /// `segment id<TAB>line` lines (the line of each entry's `msgstr`).
    pub fn po_lines(&self, locale: &str) -> Result<HashMap<String, String>> {
        self.po_lines_among(locale, Among::All)
    }

    /// [`Memory::po_lines`] for the chapters of `among`.
    pub fn po_lines_among(&self, locale: &str, among: Among) -> Result<HashMap<String, String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT chapter, lines FROM po_lines WHERE locale = ?1")?;
        let rows = stmt.query_map([locale], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?;
        let mut out = HashMap::new();
        for row in rows {
            let (chapter, lines) = row?;
            if among.has_chapter(&chapter) {
                out.insert(chapter, lines);
            }
        }
        Ok(out)
    }

    /// The line of each entry's `msgstr` in one locale's PO files, by
    /// chapter slug and segment id (none for a file no sync has written).
    pub fn po_line_numbers(&self, locale: &str) -> Result<HashMap<String, HashMap<String, usize>>> {
        self.po_line_numbers_among(locale, Among::All)
    }

    /// [`Memory::po_line_numbers`] for the chapters of `among`.
    pub fn po_line_numbers_among(
        &self,
        locale: &str,
        among: Among,
    ) -> Result<HashMap<String, HashMap<String, usize>>> {
        let parse = |lines: String| {
            lines
                .lines()
                .filter_map(|l| {
                    let (id, line) = l.split_once('\t')?;
                    Some((id.to_string(), line.parse().ok()?))
                })
                .collect()
        };
        Ok(self
            .po_lines_among(locale, among)?
            .into_iter()
            .map(|(chapter, lines)| (chapter, parse(lines)))
            .collect())
    }

    /// Segment files a committed sync had not yet moved into place.
    pub fn pending_files(&self) -> Result<Vec<PendingFile>> {
        let mut stmt = self
            .conn
            .prepare("SELECT target, temporary, original FROM pending_file ORDER BY target")?;
        let rows = stmt.query_map([], |r| {
            Ok(PendingFile {
                target: r.get(0)?,
                temporary: r.get(1)?,
                original: r.get(2)?,
            })
        })?;
        rows.collect::<rusqlite::Result<_>>().map_err(Into::into)
    }

    /// Forgets the pending files once they are in place.
    pub fn clear_pending(&mut self) -> Result<()> {
        self.conn.execute("DELETE FROM pending_file", [])?;
        Ok(())
    }

    /// Time of each segment's latest revision in one locale, by segment id.
    pub fn last_revisions(&self, locale: &str) -> Result<HashMap<String, String>> {
        self.last_revisions_among(locale, Among::All)
    }

    /// [`Memory::last_revisions`] among `among`.
    pub fn last_revisions_among(
        &self,
        locale: &str,
        among: Among,
    ) -> Result<HashMap<String, String>> {
        let sql = "SELECT segment_id, max(created) FROM revision WHERE locale = ?1 {among} GROUP BY segment_id";
        let rows = self.query_among(sql, "segment_id", Some(locale), among, |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
        Ok(rows.into_iter().collect())
    }

    /// The id of the newest revision (0 for none): marks what an exported
    /// file was made from.
    pub fn latest_revision(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT coalesce(max(id), 0) FROM revision", [], |r| {
                r.get(0)
            })?)
    }

    /// Segments of one locale with a revision newer than `revision`.
    pub fn revised_since(
        &self,
        locale: &str,
        revision: i64,
    ) -> Result<std::collections::HashSet<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT DISTINCT segment_id FROM revision WHERE locale = ?1 AND id > ?2")?;
        let rows = stmt.query_map(params![locale, revision], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>().map_err(Into::into)
    }

    /// Every state (text and status) one segment has had in one locale.
    pub fn states_seen(&self, segment_id: &str, locale: &str) -> Result<Vec<Translation>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT text, status FROM revision WHERE segment_id = ?1 AND locale = ?2",
        )?;
        let rows = stmt.query_map(params![segment_id, locale], |r| {
            Ok(Translation {
                text: r.get(0)?,
                status: Status::from_stored(&r.get::<_, String>(1)?),
            })
        })?;
        rows.collect::<rusqlite::Result<_>>().map_err(Into::into)
    }

    /// Revisions of one segment, oldest first, in one locale or all.
    pub fn history(&self, segment_id: &str, locale: Option<&str>) -> Result<Vec<Revision>> {
        let mut stmt = self.conn.prepare(
            "SELECT locale, created, origin, status, text, match_score, match_from, author, note
             FROM revision WHERE segment_id = ?1 AND (?2 IS NULL OR locale = ?2) ORDER BY id",
        )?;
        let rows = stmt.query_map(params![segment_id, locale], |r| {
            Ok(Revision {
                locale: r.get(0)?,
                created: r.get(1)?,
                origin: r.get(2)?,
                status: Status::from_stored(&r.get::<_, String>(3)?),
                text: r.get(4)?,
                score: r.get(5)?,
                from: r.get(6)?,
                author: r.get(7)?,
                note: r.get(8)?,
            })
        })?;
        rows.collect::<rusqlite::Result<_>>().map_err(Into::into)
    }

    /// Applies a batch of changes atomically; an empty batch touches nothing,
    /// so a no-op `sync` leaves the database file byte-identical.
    pub fn apply(&mut self, changes: &Changes, now: i64) -> Result<()> {
        if changes.is_empty() {
            return Ok(());
        }
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| memory_error(&path, e))?;
        let journal = self.journal.as_deref();
        commit_changes(tx, changes, now, Records::default(), journal)
            .map_err(|e| with_path(&path, e))?;
        self.finish_journal()
    }

    /// Writes `segments` in a transaction left open until `rest` returns the
    /// remaining changes, which are then written and committed together, so
    /// a caller can make its files while the bulk of the rows is written.
    /// Between batches of rows `rest` is called with `wait` false, to
    /// answer its caller without waiting (it may read the memory: what it
    /// reads is not what the segment rows change); once they are written,
    /// with `wait` true, until it returns the changes. If `rest` fails, the
    /// transaction is rolled back: nothing changes. The committed changes
    /// are handed back.
    pub fn apply_staged(
        &mut self,
        segments: &[&StoredSegment],
        now: i64,
        mut rest: impl FnMut(&Memory, bool) -> Result<Option<Changes>>,
    ) -> Result<Changes> {
        if segments.is_empty() {
            let changes = self.wait_for(&mut rest, None)?;
            self.apply(&changes, now)?;
            return Ok(changes);
        }
        let path = self.path.clone();
        let tx = rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )
        .map_err(|e| memory_error(&path, e))?;
        let t = crate::timings::phase(|| "commit: segments (beside the files)".into());
        let mut records = Records::default();
        let mut changes = None;
        // What `rest` fails with is returned as it is, not as the memory's.
        let mut failed = None;
        let mut answer = || {
            if changes.is_none() {
                match rest(self, false) {
                    Ok(answered) => changes = answered,
                    Err(e) => return Err(Error::Other(failed.insert(e).to_string().into())),
                }
            }
            Ok(())
        };
        let written = write_segments(
            &tx,
            segments.iter().copied(),
            &mut records.segments,
            &mut answer,
        );
        if let Err(e) = written {
            return Err(failed.unwrap_or_else(|| with_path(&path, e)));
        }
        drop(t);
        // The segments' journal files are staged on another thread while
        // this one goes on answering the caller.
        let (changes, staged) = std::thread::scope(|scope| {
            let staging = self.journal.as_deref().map(|tm| {
                let segments = &records.segments;
                scope.spawn(move || {
                    let _t = crate::timings::phase(|| "commit: journal of the segments".into());
                    journal::stage(tm, segments, &[])
                })
            });
            let changes = self.wait_for(&mut rest, changes);
            let staged = staging.map_or(Ok(Vec::new()), |s| {
                s.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
            });
            (changes, staged)
        });
        // On an error the open transaction is dropped, which rolls it back.
        let changes = match (changes, staged) {
            (Ok(changes), Ok(staged)) => {
                records.staged = staged;
                records.staged_segments = records.segments.len();
                changes
            }
            (changes, staged) => {
                if let Ok(staged) = &staged {
                    journal::discard(staged);
                }
                return Err(changes.and(staged.map(|_| ())).unwrap_err());
            }
        };
        let journal = self.journal.as_deref();
        commit_changes(tx, &changes, now, records, journal).map_err(|e| with_path(&path, e))?;
        self.finish_journal()?;
        Ok(changes)
    }

    /// Calls `rest`, waiting, until it returns the changes (unless it did).
    fn wait_for(
        &self,
        rest: &mut impl FnMut(&Memory, bool) -> Result<Option<Changes>>,
        mut changes: Option<Changes>,
    ) -> Result<Changes> {
        loop {
            if let Some(changes) = changes {
                return Ok(changes);
            }
            changes = rest(self, true)?;
        }
    }

    /// The schema version, for diagnostics.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .optional()?
            .unwrap_or(0))
    }
}

/// Where a leveraged translation came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The English the translation was made for (PO `#| msgid`).
    pub previous_source: String,
    /// Match score in percent (101 for a context match).
    pub score: Option<u32>,
    /// The segment it was taken from.
    pub from: String,
}

/// One revision of a translation.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Revision {
    pub locale: String,
    /// RFC 3339 UTC.
    pub created: String,
    pub origin: String,
    pub status: Status,
    pub text: String,
    pub score: Option<u32>,
    pub from: Option<String>,
    /// Who made it, where known (a reviewer), and the note kept with it.
    pub author: Option<String>,
    pub note: Option<String>,
}

/// A new translation state and where it came from.
#[derive(Debug, Clone)]
pub struct TranslationChange {
    pub segment_id: String,
    pub locale: String,
    pub translation: Translation,
    pub origin: Origin,
    pub suggestion: Option<Suggestion>,
    /// False to record only a revision (history) without changing the current translation.
    pub current: bool,
    /// Who made it, where the tool knows (a reviewer).
    pub author: Option<String>,
    /// A note kept with it (a reviewer's reason for rejecting).
    pub note: Option<String>,
}

impl TranslationChange {
    /// A change that becomes the current translation.
    pub fn new(
        segment_id: &str,
        locale: &str,
        translation: Translation,
        origin: Origin,
    ) -> TranslationChange {
        TranslationChange {
            segment_id: segment_id.to_string(),
            locale: locale.to_string(),
            translation,
            origin,
            suggestion: None,
            current: true,
            author: None,
            note: None,
        }
    }
}

/// Which segments a read covers.
#[derive(Debug, Clone, Copy)]
pub enum Among<'a> {
    /// Every segment.
    All,
    /// The segments of these chapters (their ids are `<slug>/…`): what a
    /// sync of only the PO files that changed reads.
    Chapters(&'a [String]),
}

impl Among<'_> {
    /// Whether the chapter `slug` is covered.
    pub fn has_chapter(&self, slug: &str) -> bool {
        match self {
            Among::All => true,
            Among::Chapters(chapters) => chapters.iter().any(|c| c == slug),
        }
    }
}

/// Everything one `sync` changes in the memory.
#[derive(Debug, Default)]
pub struct Changes {
    pub segments: Vec<StoredSegment>,
    pub translations: Vec<TranslationChange>,
    /// (locale, segment id, what the PO file now says)
    pub exported: Vec<(String, String, Translation)>,
    /// Segment files staged to be moved into place.
    pub pending: Vec<PendingFile>,
    /// (locale, chapter slug, where its PO file's entries stand): see
    /// [`Memory::po_lines`].
    pub po_lines: Vec<(String, String, String)>,
    /// (key, value) settings to store ([`Memory::setting`]).
    pub settings: Vec<(String, String)>,
}

/// A segment file staged beside its target, to be moved into place once the
/// memory has committed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingFile {
    /// Relative to the project.
    pub target: String,
    /// Relative to the project.
    pub temporary: String,
    /// What the target held when the sync read it (`sync::files::digest`).
    pub original: String,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
            && self.translations.is_empty()
            && self.exported.is_empty()
            && self.pending.is_empty()
            && self.po_lines.is_empty()
            && self.settings.is_empty()
    }
}

/// SQLite errors on open or first read, with a hint for the ones users can fix.
/// SQLite's busy handler: waits up to 30 s for another program to release
/// the database, and says so once it has waited a second.
fn wait_while_busy(attempt: i32) -> bool {
    const STEP: std::time::Duration = std::time::Duration::from_millis(20);
    const ANNOUNCE: i32 = 50; // one second
    const GIVE_UP: i32 = 1_500; // thirty seconds
    if attempt == ANNOUNCE {
        crate::error::notice(&crate::said!("memory-waiting"));
    }
    if attempt >= GIVE_UP {
        return false;
    }
    std::thread::sleep(STEP);
    true
}

/// An SQLite error, named with the memory's path and a hint.
fn with_path(path: &Path, e: Error) -> Error {
    match e {
        Error::Sqlite(e) => memory_error(path, e),
        other => other,
    }
}

fn memory_error(path: &Path, e: rusqlite::Error) -> Error {
    // SQLite's own words, and what to do about them.
    let reason = crate::error::Message::from(e.to_string());
    let message = match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) | Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            reason.hinted("memory-corrupt-hint")
        }
        Some(rusqlite::ErrorCode::DatabaseBusy) | Some(rusqlite::ErrorCode::DatabaseLocked) => {
            reason.hinted("memory-busy-hint")
        }
        Some(rusqlite::ErrorCode::ReadOnly) => reason.hinted("memory-read-only-hint"),
        Some(rusqlite::ErrorCode::DiskFull) => reason.hinted("memory-disk-full-hint"),
        Some(rusqlite::ErrorCode::CannotOpen) => reason.hinted("memory-cannot-open-hint"),
        _ => reason,
    };
    Error::Memory {
        path: path.to_path_buf(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sync reads these per locale; each must stay a search of its
    /// partial index, not a scan of a whole table (which a change of the
    /// query's condition would silently bring back).
    #[test]
    fn the_per_locale_reads_of_few_rows_use_their_partial_indexes() {
        let memory = Memory::open_in_memory().unwrap();
        for (sql, column, index) in [
            (SUGGESTED_SQL, "segment_id", "translation_suggested"),
            (REVIEWED_SQL, "t.segment_id", "revision_reviewed"),
            (index::MERGED_SQL, "segment_id", "translation_merged"),
        ] {
            for among in [String::new(), chapter_condition(column, 2)] {
                let plan_sql = format!("EXPLAIN QUERY PLAN {}", sql.replace("{among}", &among));
                let mut stmt = memory.conn.prepare(&plan_sql).unwrap();
                let count = stmt.parameter_count();
                let params: Vec<&dyn rusqlite::ToSql> =
                    [&"fa" as &dyn rusqlite::ToSql, &"a/", &"a0"][..count].to_vec();
                let plan: Vec<String> = stmt
                    .query_map(params.as_slice(), |r| r.get::<_, String>(3))
                    .unwrap()
                    .collect::<rusqlite::Result<_>>()
                    .unwrap();
                let plan = plan.join("; ");
                assert!(plan.contains(index), "{index} unused: {plan}");
                assert!(!plan.contains("SCAN"), "a scan in: {plan}");
            }
        }
    }

    /// The sync reads what the files said with the translations, in one
    /// pass; it must say what `exported` says, in every chapter or some.
    #[test]
    fn what_the_files_said_reads_the_same_with_the_translations() {
        let memory = Memory::open_in_memory().unwrap();
        memory
            .conn
            .execute_batch(
                "INSERT INTO translation (segment_id, locale, text, status, exported_same) VALUES
                    ('a/1', 'tr', 'Bir.', 'translated', 1),
                    ('a/2', 'tr', 'İki.', 'fuzzy', 0),
                    ('b/1', 'tr', 'Üç.', 'translated', 1),
                    ('b/2', 'fa', 'سه.', 'translated', 1);
                 INSERT INTO exported (segment_id, locale, text, status) VALUES
                    ('a/2', 'tr', 'İki!', 'translated'),
                    ('b/3', 'tr', 'Dört.', 'translated');",
            )
            .unwrap();
        let b = ["b".to_string()];
        for (among, chapter) in [(Among::All, ""), (Among::Chapters(&b), "b/")] {
            let (translations, exported) =
                memory.translations_and_exported_among("tr", among).unwrap();
            let mut expected = memory.exported("tr").unwrap();
            expected.retain(|id, _| id.starts_with(chapter));
            assert_eq!(exported, expected, "{among:?}");
            assert_eq!(
                translations,
                memory.translations_among("tr", among).unwrap()
            );
        }
        assert_eq!(memory.exported("tr").unwrap().len(), 4);
    }

    fn segment(id: &str, position: Option<i64>) -> StoredSegment {
        StoredSegment {
            id: id.into(),
            chapter: "ch".into(),
            position,
            kind: "paragraph".into(),
            source: format!("Source of {id}."),
            file: "source/ch.md".into(),
            line: 1,
        }
    }

    /// The dashboard replays changes oldest first; rows are not stored in
    /// time order (a rebuilt index, an import of older work), so the
    /// order must come from their times.
    #[test]
    fn state_changes_come_oldest_first_whatever_order_they_were_stored_in() {
        let mut tm = Memory::open_in_memory().unwrap();
        let change = |id: &str, text: &str| Changes {
            segments: vec![segment("ch/1", Some(0)), segment("ch/2", Some(1))],
            translations: vec![TranslationChange::new(
                id,
                "tr",
                Translation {
                    text: text.into(),
                    status: Status::Translated,
                },
                Origin::PoImport,
            )],
            ..Default::default()
        };
        tm.apply(&change("ch/1", "Sonra"), 1_700_000_200).unwrap();
        tm.apply(&change("ch/2", "Önce"), 1_700_000_100).unwrap();
        tm.apply(&change("ch/1", "Aynı anda"), 1_700_000_100)
            .unwrap();
        let chapters = ["ch".to_string()];
        for changes in [
            tm.state_changes("tr").unwrap(),
            tm.state_changes_among("tr", Among::Chapters(&chapters))
                .unwrap(),
        ] {
            let order: Vec<(&str, &str)> = changes
                .iter()
                .map(|c| (c.segment_id.as_str(), c.at.as_str()))
                .collect();
            assert_eq!(
                order,
                [
                    ("ch/2", "2023-11-14T22:15:00Z"),
                    ("ch/1", "2023-11-14T22:15:00Z"),
                    ("ch/1", "2023-11-14T22:16:40Z"),
                ]
            );
        }
    }

    #[test]
    fn every_revision_is_kept_and_the_latest_is_current() {
        let mut tm = Memory::open_in_memory().unwrap();
        let mut changes = Changes {
            segments: vec![segment("ch/1", Some(0))],
            ..Default::default()
        };
        for (n, status) in [(1, Status::Fuzzy), (2, Status::Translated)] {
            changes.translations = vec![TranslationChange::new(
                "ch/1",
                "tr",
                Translation {
                    text: format!("Çeviri {n}"),
                    status,
                },
                Origin::PoImport,
            )];
            tm.apply(&changes, 1_700_000_000 + n).unwrap();
        }
        let current = &tm.translations("tr").unwrap()["ch/1"];
        assert_eq!(current.text, "Çeviri 2");
        assert_eq!(current.status, Status::Translated);
        let history = tm.history("ch/1", Some("tr")).unwrap();
        assert_eq!(history.len(), 2);
        assert_eq!(history[0].text, "Çeviri 1");
        assert_eq!(history[0].origin, "po-import");
        assert!(tm.translations("fa").unwrap().is_empty());
    }
}
