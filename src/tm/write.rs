//! Writing a batch of changes: segment rows, translations with their
//! revisions (each replacing the heads current when it is made), exported
//! states, pending files, and the journal lines they add, staged in the
//! same transaction.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{params, OptionalExtension};

use super::bulk::{Inserts, ROWS_PER_STATEMENT};
use super::{index, journal, Changes, StoredSegment, TranslationChange};
use crate::error::Result;

/// A revision row: segment, locale, text, status, origin, created, match
/// score and source, hash, parents, current, previous English, author, note.
pub(super) const INSERT_REVISION_COLUMNS: &str =
    "INSERT INTO revision (segment_id, locale, text, status, origin, created,
    match_score, match_from, hash, parents, current, previous_source, author, note)";

/// What a commit adds to the journal.
#[derive(Default)]
pub(super) struct Records {
    pub(super) segments: Vec<journal::SegmentRecord>,
    pub(super) revisions: Vec<journal::RevisionRecord>,
    /// Journal files already staged for the first `staged_segments`
    /// segment records (beside a sync's PO files).
    pub(super) staged: Vec<journal::StagedFile>,
    pub(super) staged_segments: usize,
}

impl Records {
    /// Stages what is not staged yet: the revisions, and the segments,
    /// all of them again if some came after the early staging (its files
    /// would be staged twice, the second time without the first's lines).
    fn stage_the_rest(mut self, tm: &Path) -> Result<Vec<journal::StagedFile>> {
        if self.segments.len() != self.staged_segments {
            journal::discard(&std::mem::take(&mut self.staged));
            return journal::stage(tm, &self.segments, &self.revisions);
        }
        let mut staged = self.staged;
        match journal::stage(tm, &[], &self.revisions) {
            Ok(more) => staged.extend(more),
            Err(e) => {
                journal::discard(&staged);
                return Err(e);
            }
        }
        Ok(staged)
    }
}

/// Writes `changes` in `tx`, stages the journal files they add to (when
/// the memory has a journal) and commits: the journal files are renamed
/// into place after the commit ([`Memory::finish_journal`]), so a run
/// killed before it changed nothing, and one killed after it is finished
/// by the next. On an error no staged file is left.
pub(super) fn commit_changes(
    tx: rusqlite::Transaction,
    changes: &Changes,
    now: i64,
    mut records: Records,
    journal: Option<&Path>,
) -> Result<()> {
    let written = write_segments(
        &tx,
        changes.segments.iter(),
        &mut records.segments,
        &mut || Ok(()),
    )
    .and_then(|()| write_changes(&tx, changes, now));
    match written {
        Ok(revisions) => records.revisions = revisions,
        Err(e) => {
            journal::discard(&records.staged);
            return Err(e);
        }
    }
    let staged = match journal {
        Some(tm) => {
            let _t = crate::timings::phase(|| "commit: journal".into());
            records.stage_the_rest(tm)?
        }
        None => Vec::new(),
    };
    let committed = index::note_staged(&tx, &staged).and_then(|()| {
        let _t = crate::timings::phase(|| "commit: write".into());
        Ok(tx.commit()?)
    });
    if committed.is_err() {
        journal::discard(&staged);
    }
    committed
}

/// Stores segment rows (new or changed) in an open transaction, with the
/// journal records of those new to the memory or that left the source,
/// calling `between` after each batch of rows.
pub(super) fn write_segments<'r>(
    tx: &rusqlite::Transaction,
    rows: impl Iterator<Item = &'r StoredSegment>,
    records: &mut Vec<journal::SegmentRecord>,
    between: &mut dyn FnMut() -> Result<()>,
) -> Result<()> {
    // Whole statements only: a batch's last rows would otherwise need a
    // statement of their own, prepared for each batch.
    const BATCH: usize = 40 * ROWS_PER_STATEMENT;
    let mut known = tx.prepare("SELECT 1 FROM segment WHERE id = ?1")?;
    // A first sync's memory knows no segment: nothing to look up.
    let none_known: bool = tx.query_row("SELECT NOT EXISTS (SELECT 1 FROM segment)", [], |r| {
        r.get(0)
    })?;
    // In key order: B-tree inserts then touch each page once.
    let mut rows: Vec<&StoredSegment> = rows.collect();
    rows.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    let mut previous: Option<&str> = None;
    for s in &rows {
        let new = previous != Some(s.id.as_str()) && (none_known || !known.exists([&s.id])?);
        if s.position.is_none() || new {
            records.push(journal::SegmentRecord {
                id: s.id.clone(),
                kind: s.kind.clone(),
                file: s.file.clone(),
                line: s.line,
                source: s.source.clone(),
            });
        }
        previous = Some(&s.id);
    }
    let mut inserts = Inserts::new(tx);
    for batch in rows.chunks(BATCH) {
        inserts.rows(
            "INSERT INTO segment (id, chapter, position, kind, source, file, line)",
            "(?, ?, ?, ?, ?, ?, ?)",
            "ON CONFLICT(id) DO UPDATE SET chapter = excluded.chapter, position = excluded.position,
               kind = excluded.kind, source = excluded.source, file = excluded.file, line = excluded.line",
            batch,
            |s| [&s.id, &s.chapter, &s.position, &s.kind, &s.source, &s.file, &s.line],
        )?;
        between()?;
    }
    Ok(())
}

/// Stores translations with their revisions, exported states and pending
/// files in an open transaction; returns the revisions as journal records.
/// Each revision replaces the heads current when it is made (all of them,
/// so a merge's conflict is settled by the next change).
fn write_changes(
    tx: &rusqlite::Transaction,
    changes: &Changes,
    now: i64,
) -> Result<Vec<journal::RevisionRecord>> {
    let created = crate::date::rfc3339(now);
    let t = crate::timings::phase(|| "commit: translations and revisions".into());
    let mut upsert_translation = tx.prepare(
        "INSERT INTO translation (segment_id, locale, text, status, previous_source, match_score, match_from, heads)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT(segment_id, locale) DO UPDATE SET text = excluded.text, status = excluded.status,
           previous_source = excluded.previous_source, match_score = excluded.match_score,
           match_from = excluded.match_from, heads = excluded.heads",
    )?;
    let mut insert_revision = tx.prepare(&format!(
        "{INSERT_REVISION_COLUMNS} VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
    ))?;
    let mut stored_heads =
        tx.prepare("SELECT heads FROM translation WHERE segment_id = ?1 AND locale = ?2")?;
    let mut heads: HashMap<(&str, &str), Vec<String>> = HashMap::new();
    let mut records = Vec::with_capacity(changes.translations.len());
    for t in &changes.translations {
        let key = (t.segment_id.as_str(), t.locale.as_str());
        let parents = match heads.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => e.get().clone(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let stored: Option<String> = stored_heads
                    .query_row(params![t.segment_id, t.locale], |r| r.get(0))
                    .optional()?;
                e.insert(index::split_heads(stored.as_deref().unwrap_or("")))
                    .clone()
            }
        };
        let record = revision_record(t, &created, parents);
        let (previous, score, from) = (
            record.previous_source.as_deref(),
            record.score,
            record.from.as_deref(),
        );
        if t.current {
            upsert_translation.execute(params![
                t.segment_id,
                t.locale,
                t.translation.text,
                t.translation.status.as_str(),
                previous,
                score,
                from,
                record.hash
            ])?;
            heads.insert(key, vec![record.hash.clone()]);
        }
        insert_revision.execute(params![
            t.segment_id,
            t.locale,
            t.translation.text,
            t.translation.status.as_str(),
            t.origin.as_str(),
            created,
            score,
            from,
            record.hash,
            record.parents.join(","),
            t.current,
            previous,
            t.author,
            t.note
        ])?;
        records.push(record);
    }
    drop(t);
    let t = crate::timings::phase(|| "commit: exported".into());
    let mut upsert_exported = tx.prepare(
        "INSERT INTO exported (segment_id, locale, text, status) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(segment_id, locale) DO UPDATE SET text = excluded.text, status = excluded.status",
    )?;
    for (locale, id, t) in &changes.exported {
        upsert_exported.execute(params![id, locale, t.text, t.status.as_str()])?;
    }
    drop(t);
    let mut insert_pending = tx.prepare(
        "INSERT OR REPLACE INTO pending_file (target, temporary, original) VALUES (?1, ?2, ?3)",
    )?;
    for f in &changes.pending {
        insert_pending.execute(params![f.target, f.temporary, f.original])?;
    }
    let mut upsert_lines =
        tx.prepare("INSERT OR REPLACE INTO po_lines (locale, chapter, lines) VALUES (?1, ?2, ?3)")?;
    for (locale, chapter, lines) in &changes.po_lines {
        upsert_lines.execute(params![locale, chapter, lines])?;
    }
    let mut upsert_setting =
        tx.prepare("INSERT OR REPLACE INTO setting (key, value) VALUES (?1, ?2)")?;
    for (key, value) in &changes.settings {
        upsert_setting.execute(params![key, value])?;
    }
    Ok(records)
}

/// The journal record of one change, made at `created`, replacing `parents`.
fn revision_record(
    t: &TranslationChange,
    created: &str,
    parents: Vec<String>,
) -> journal::RevisionRecord {
    let suggestion = t.suggestion.as_ref();
    let mut record = journal::RevisionRecord {
        segment_id: t.segment_id.clone(),
        locale: t.locale.clone(),
        created: created.to_string(),
        hash: String::new(),
        parents,
        current: t.current,
        origin: t.origin.as_str().to_string(),
        status: t.translation.status,
        score: suggestion.and_then(|g| g.score),
        from: suggestion.map(|g| g.from.clone()),
        previous_source: suggestion.map(|g| g.previous_source.clone()),
        text: t.translation.text.clone(),
        author: t.author.clone(),
        note: t.note.clone(),
    };
    record.hash = record.content_hash();
    record
}
