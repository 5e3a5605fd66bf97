//! The journal's records as index rows: the order they go into SQLite
//! in (a chapter at a time, each segment's revisions in the order they
//! were made), each key's current translation, and the inserts. Worked out
//! on the reading thread where it can be, so that the writing thread only
//! inserts.

use std::collections::{HashMap, HashSet};

use super::bulk::Inserts;
use super::journal::{self, RevisionRecord, SegmentRecord};
use super::Status;
use crate::error::{Error, Result};

/// Revision files (`revisions/<locale>/<chapter>.tsv`) grouped by chapter,
/// in the order of chapters: a chapter's rows in every locale are then
/// inserted together, in key order, as SQLite's B-trees take them fastest
/// (one locale's file after another's put each row between two others).
pub(super) fn by_chapter(revision_files: Vec<String>) -> Vec<Vec<String>> {
    let mut chapters: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for rel in revision_files {
        let chapter = journal::revision_file_key(&rel)
            .map_or("", |(_, c)| c)
            .to_string();
        chapters.entry(chapter).or_default().push(rel);
    }
    chapters.into_values().collect()
}

/// That every revision is of a segment the journal (`known`) or the index
/// knows: a revision line copied from another book, or a segment line lost
/// in a hand-made merge, is named with its file.
pub(super) fn check_segments_known<'a>(
    conn: &rusqlite::Connection,
    known: &HashSet<&str>,
    revisions: impl Iterator<Item = (&'a str, &'a str)>,
) -> Result<()> {
    let mut in_index =
        conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM segment WHERE id = ?1)")?;
    for (locale, id) in revisions {
        if known.contains(id) || in_index.query_row([id], |row| row.get::<_, bool>(0))? {
            continue;
        }
        return Err(Error::Other(crate::said!(
            "journal-revision-of-no-segment",
            "locale" => locale,
            "chapter" => journal::chapter_of(id),
            "id" => id
        )));
    }
    Ok(())
}

/// Segment rows from the journal: those the index lacks, as retired (a
/// sync places the ones in the source), and the line a retired one left
/// from. Two lines for one id (merged from two clones) keep the later line.
pub(super) fn insert_segments(
    tx: &rusqlite::Transaction,
    segments: &[SegmentRecord],
) -> Result<()> {
    let mut by_id: HashMap<&str, &SegmentRecord> = HashMap::with_capacity(segments.len());
    for s in segments {
        let keep = by_id.get(s.id.as_str()).is_none_or(|k| s.line > k.line);
        if keep {
            by_id.insert(&s.id, s);
        }
    }
    let mut ids: Vec<&&str> = by_id.keys().collect();
    ids.sort_unstable();
    let rows: Vec<(&SegmentRecord, &str)> = ids
        .into_iter()
        .map(|id| (by_id[*id], journal::chapter_of(id)))
        .collect();
    Inserts::new(tx).rows(
        "INSERT INTO segment (id, chapter, position, kind, source, file, line)",
        "(?, ?, NULL, ?, ?, ?, ?)",
        "ON CONFLICT(id) DO UPDATE SET line = excluded.line, file = excluded.file
           WHERE segment.position IS NULL",
        &rows,
        |(s, chapter)| [&s.id, chapter, &s.kind, &s.source, &s.file, &s.line],
    )?;
    Ok(())
}

/// The journal's revisions as index rows, and each segment's current
/// translation ([`IndexOrder::of`]).
pub(super) fn insert_revisions(
    tx: &rusqlite::Transaction,
    revisions: &[RevisionRecord],
) -> Result<()> {
    insert_index_rows(
        &mut Inserts::new(tx),
        IndexOrder::of(revisions).rows(revisions),
        FilesSay::AsExported,
    )
}

/// What the PO files say of the translations an index takes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FilesSay {
    /// What the `exported` rows record (an index that wrote the files).
    AsExported,
    /// The translations themselves: a fresh index takes the files committed
    /// with the journal to say what it says (`translation.exported_same`).
    Translations,
}

/// What the index holds of a set of revisions, worked out before any is
/// inserted (so that it can be done on another core).
struct IndexRows<'a> {
    /// Revision rows in insertion order, with their status and parents.
    revisions: Vec<(&'a RevisionRecord, &'static str, &'a str)>,
    /// Each key's current translation: its newest head, its status, and
    /// every head's hash.
    translations: Vec<(&'a RevisionRecord, Status, &'a str)>,
}

/// The order of a set of revisions' rows, by their indices
/// ([`IndexOrder::of`]).
struct IndexOrder {
    /// Revisions in insertion order, with their parents joined.
    revisions: Vec<(usize, String)>,
    /// Each key's current translation: its newest head, its status, and
    /// every head's hash joined.
    translations: Vec<(usize, Status, String)>,
}

impl IndexOrder {
    /// Revisions segment by segment in the order they were made (a
    /// revision after those it replaced), and each segment's current
    /// translation: its newest head, fuzzy while other heads disagree.
    fn of(records: &[RevisionRecord]) -> IndexOrder {
        let key = |i: &usize| {
            let r = &records[*i];
            (&r.segment_id, &r.locale, &r.hash)
        };
        let mut unique: Vec<usize> = (0..records.len()).collect();
        unique.sort_by(|a, b| key(a).cmp(&key(b)));
        unique.dedup_by(|a, b| key(a) == key(b));
        let mut ordered: Vec<(usize, usize)> = Vec::with_capacity(unique.len());
        let mut translations = Vec::new();
        let same_key = |a: &usize, b: &usize| {
            (&records[*a].segment_id, &records[*a].locale)
                == (&records[*b].segment_id, &records[*b].locale)
        };
        for group in unique.chunk_by(same_key) {
            let revisions: Vec<&RevisionRecord> = group.iter().map(|&i| &records[i]).collect();
            let depth = depths(&revisions);
            ordered.extend(group.iter().map(|&i| (depth[records[i].hash.as_str()], i)));
            let heads = journal::heads(&revisions);
            if let Some(first) = heads.first() {
                let agree = heads
                    .iter()
                    .all(|h| h.text == first.text && h.status == first.status);
                let status = if agree { first.status } else { Status::Fuzzy };
                let hashes: Vec<&str> = heads.iter().map(|h| h.hash.as_str()).collect();
                let at = group
                    .iter()
                    .find(|&&i| std::ptr::eq(&records[i], *first))
                    .copied()
                    .unwrap_or(group[0]);
                translations.push((at, status, hashes.join(",")));
            }
        }
        // Segment by segment (each one's history in one run of row ids);
        // within a segment, by time, and a revision after those it replaced.
        let order = |(depth, i): &(usize, usize)| {
            let r = &records[*i];
            (&r.segment_id, &r.locale, &r.created, *depth, &r.hash)
        };
        ordered.sort_by(|a, b| order(a).cmp(&order(b)));
        IndexOrder {
            revisions: ordered
                .into_iter()
                .map(|(_, i)| (i, records[i].parents.join(",")))
                .collect(),
            translations,
        }
    }

    /// The rows of `records`, the revisions this order was made of.
    fn rows<'a>(&'a self, records: &'a [RevisionRecord]) -> IndexRows<'a> {
        IndexRows {
            revisions: self
                .revisions
                .iter()
                .map(|(i, parents)| (&records[*i], records[*i].status.as_str(), parents.as_str()))
                .collect(),
            translations: self
                .translations
                .iter()
                .map(|(i, status, heads)| (&records[*i], *status, heads.as_str()))
                .collect(),
        }
    }
}

/// A chapter's revisions in every locale, ordered for the index, with
/// the files they were read from (path and digest) and those not in the
/// form tercuman writes.
pub(super) struct ChapterRows {
    pub(super) revisions: Vec<RevisionRecord>,
    order: IndexOrder,
    pub(super) files: Vec<(String, String)>,
    pub(super) untidy: Vec<String>,
}

impl ChapterRows {
    /// The segments the chapter's revisions are of, once each, with the
    /// locale of one of them (to name it if the segment is unknown).
    pub(super) fn segment_keys(&self) -> impl Iterator<Item = (&str, &str)> {
        let mut last: Option<&str> = None;
        self.order.revisions.iter().filter_map(move |(i, _)| {
            let r = &self.revisions[*i];
            (last != Some(r.segment_id.as_str())).then(|| {
                last = Some(&r.segment_id);
                (r.locale.as_str(), r.segment_id.as_str())
            })
        })
    }

    /// Inserts the chapter's revision and translation rows.
    pub(super) fn insert(&self, inserts: &mut Inserts, files_say: FilesSay) -> Result<()> {
        insert_index_rows(inserts, self.order.rows(&self.revisions), files_say)
    }

    pub(super) fn of(read: Vec<journal::FileRecords>) -> ChapterRows {
        let mut chapter = ChapterRows {
            revisions: Vec::with_capacity(read.iter().map(|f| f.revisions.len()).sum()),
            order: IndexOrder {
                revisions: Vec::new(),
                translations: Vec::new(),
            },
            files: Vec::with_capacity(read.len()),
            untidy: Vec::new(),
        };
        for mut file in read {
            chapter.revisions.append(&mut file.revisions);
            if file.untidy {
                chapter.untidy.push(file.digest.0.clone());
            }
            chapter.files.push(file.digest);
        }
        chapter.order = IndexOrder::of(&chapter.revisions);
        chapter
    }
}

fn insert_index_rows(inserts: &mut Inserts, rows: IndexRows, files_say: FilesSay) -> Result<()> {
    inserts.rows(
        super::write::INSERT_REVISION_COLUMNS,
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        "",
        &rows.revisions,
        |(r, status, parents)| {
            [
                &r.segment_id,
                &r.locale,
                &r.text,
                status,
                &r.origin,
                &r.created,
                &r.score,
                &r.from,
                &r.hash,
                parents,
                &r.current,
                &r.previous_source,
                &r.author,
                &r.note,
            ]
        },
    )?;
    insert_translations(inserts, rows.translations, files_say)
}

/// Each key's current translation: its newest head, with its status (fuzzy
/// while heads disagree), every head's hash, and whether its PO entry is
/// taken to say the same (an empty text says nothing).
fn insert_translations(
    inserts: &mut Inserts,
    translations: Vec<(&RevisionRecord, Status, &str)>,
    files_say: FilesSay,
) -> Result<()> {
    let rows: Vec<(&RevisionRecord, &str, &str, bool)> = translations
        .into_iter()
        .map(|(r, status, heads)| {
            let same = files_say == FilesSay::Translations && !r.text.is_empty();
            (r, status.as_str(), heads, same)
        })
        .collect();
    inserts.rows(
        "INSERT INTO translation (segment_id, locale, text, status, previous_source, match_score, match_from, heads, exported_same)",
        "(?, ?, ?, ?, ?, ?, ?, ?, ?)",
        "",
        &rows,
        |(r, status, heads, same)| {
            [
                &r.segment_id,
                &r.locale,
                &r.text,
                status,
                &r.previous_source,
                &r.score,
                &r.from,
                heads,
                same,
            ]
        },
    )?;
    Ok(())
}

/// How many revisions stand before each one in its chain (0 for a first
/// translation), to order revisions made in the same second.
fn depths<'a>(group: &[&'a RevisionRecord]) -> HashMap<&'a str, usize> {
    let by_hash: HashMap<&str, &RevisionRecord> =
        group.iter().map(|r| (r.hash.as_str(), *r)).collect();
    let mut depth: HashMap<&'a str, usize> = HashMap::new();
    fn visit<'a>(
        r: &'a RevisionRecord,
        by_hash: &HashMap<&str, &'a RevisionRecord>,
        depth: &mut HashMap<&'a str, usize>,
        guard: usize,
    ) -> usize {
        if let Some(d) = depth.get(r.hash.as_str()) {
            return *d;
        }
        let d = if guard > by_hash.len() {
            0 // a cycle: impossible for hashes, harmless if forged
        } else {
            r.parents
                .iter()
                .filter_map(|p| by_hash.get(p.as_str()))
                .map(|p| visit(p, by_hash, depth, guard + 1) + 1)
                .max()
                .unwrap_or(0)
        };
        depth.insert(&r.hash, d);
        d
    }
    for r in group {
        visit(r, &by_hash, &mut depth, 0);
    }
    depth
}
