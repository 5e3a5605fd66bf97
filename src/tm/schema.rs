//! Schema migrations: an append-only list; `PRAGMA user_version` counts how
//! many have been applied. Never edit a released migration, add one.

use rusqlite::Connection;

use crate::error::{Error, Result};

const MIGRATIONS: &[&str] = &[
    // 1: segments, current translations, revisions, last-exported state.
    "CREATE TABLE segment (
        id       TEXT PRIMARY KEY,
        chapter  TEXT NOT NULL,
        position INTEGER,
        kind     TEXT NOT NULL,
        source   TEXT NOT NULL,
        file     TEXT NOT NULL,
        line     INTEGER NOT NULL
     );
     CREATE INDEX segment_source ON segment(source);
     CREATE TABLE translation (
        segment_id TEXT NOT NULL REFERENCES segment(id),
        locale     TEXT NOT NULL,
        text       TEXT NOT NULL,
        status     TEXT NOT NULL CHECK (status IN ('untranslated', 'fuzzy', 'translated')),
        PRIMARY KEY (segment_id, locale)
     );
     CREATE TABLE revision (
        id         INTEGER PRIMARY KEY,
        segment_id TEXT NOT NULL REFERENCES segment(id),
        locale     TEXT NOT NULL,
        text       TEXT NOT NULL,
        status     TEXT NOT NULL,
        origin     TEXT NOT NULL,
        created    TEXT NOT NULL
     );
     CREATE INDEX revision_segment ON revision(segment_id, locale, id);
     CREATE TABLE exported (
        segment_id TEXT NOT NULL REFERENCES segment(id),
        locale     TEXT NOT NULL,
        text       TEXT NOT NULL,
        status     TEXT NOT NULL,
        PRIMARY KEY (segment_id, locale)
     );",
    // 2: where a leveraged translation came from: the English it was made
    // for, the match score, and the segment it was taken from.
    "ALTER TABLE translation ADD COLUMN previous_source TEXT;
     ALTER TABLE translation ADD COLUMN match_score INTEGER;
     ALTER TABLE translation ADD COLUMN match_from TEXT;
     ALTER TABLE revision ADD COLUMN match_score INTEGER;
     ALTER TABLE revision ADD COLUMN match_from TEXT;",
    // 3: segment files written by a sync that committed but had not yet
    // moved them into place (finished by the next run).
    "CREATE TABLE pending_file (
        target    TEXT PRIMARY KEY,
        temporary TEXT NOT NULL
     );",
    // 4: the index on segment.source was never queried (matching happens in
    // memory) and held a copy of every sentence; maintaining it was a third
    // of a first sync's time on a 1M-word book.
    "DROP INDEX IF EXISTS segment_source;",
    // 5: what each pending file's target held when the sync read it
    // (length and CRC-32, or `absent`), so that a target a translator saved
    // meanwhile is never overwritten. Empty for rows written before.
    "ALTER TABLE pending_file ADD COLUMN original TEXT NOT NULL DEFAULT '';",
    // 6: where each entry's msgstr stands in each chapter's PO file as the
    // last sync left it (`segment id<TAB>line` per line), so that the proof
    // pages name PO lines without the editions parsing PO files.
    "CREATE TABLE po_lines (
        locale  TEXT NOT NULL,
        chapter TEXT NOT NULL,
        lines   TEXT NOT NULL,
        PRIMARY KEY (locale, chapter)
    );",
    // 7: settings the memory's contents depend on, such as the sentence
    // rules its segments were made with (`segmentation`).
    "CREATE TABLE setting (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );",
    // 8: the memory becomes a local index of the journal (`tm/journal.rs`):
    // each revision's content hash, the heads it replaced and whether it
    // became current; each translation's heads; the journal files as the
    // index last read or wrote them; journal files written but not yet
    // renamed into place.
    "ALTER TABLE revision ADD COLUMN hash TEXT;
     ALTER TABLE revision ADD COLUMN parents TEXT NOT NULL DEFAULT '';
     ALTER TABLE revision ADD COLUMN current INTEGER NOT NULL DEFAULT 1;
     ALTER TABLE revision ADD COLUMN previous_source TEXT;
     ALTER TABLE translation ADD COLUMN heads TEXT NOT NULL DEFAULT '';
     CREATE TABLE journal_file (
        path   TEXT PRIMARY KEY,
        size   INTEGER,
        mtime  INTEGER,
        digest TEXT NOT NULL
     );
     CREATE TABLE journal_pending (
        target    TEXT PRIMARY KEY,
        temporary TEXT NOT NULL
     );",
    // 9: current translations and the exported state as tables keyed by
    // (segment, locale) alone (WITHOUT ROWID): one B-tree each instead of a
    // table and its primary-key index, which halves what an index rebuilt
    // from the journal inserts for them.
    "CREATE TABLE translation_keyed (
        segment_id      TEXT NOT NULL,
        locale          TEXT NOT NULL,
        text            TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('untranslated', 'fuzzy', 'translated')),
        previous_source TEXT,
        match_score     INTEGER,
        match_from      TEXT,
        heads           TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (segment_id, locale)
     ) WITHOUT ROWID;
     INSERT INTO translation_keyed
        SELECT segment_id, locale, text, status, previous_source, match_score, match_from, heads
        FROM translation;
     DROP TABLE translation;
     ALTER TABLE translation_keyed RENAME TO translation;
     CREATE TABLE exported_keyed (
        segment_id TEXT NOT NULL,
        locale     TEXT NOT NULL,
        text       TEXT NOT NULL,
        status     TEXT NOT NULL,
        PRIMARY KEY (segment_id, locale)
     ) WITHOUT ROWID;
     INSERT INTO exported_keyed SELECT segment_id, locale, text, status FROM exported;
     DROP TABLE exported;
     ALTER TABLE exported_keyed RENAME TO exported;",
    // 10: who made a revision, where the tool knows (a reviewer), and a
    // note beside it (why a reviewer rejected a translation).
    "ALTER TABLE revision ADD COLUMN author TEXT;
     ALTER TABLE revision ADD COLUMN note TEXT;",
    // 11: an identity for this index, new whenever it is built (a fresh
    // clone, `tm rebuild`): caches keyed by its row ids (the concordance)
    // know they belong to another index when it changes.
    "INSERT OR REPLACE INTO setting (key, value) VALUES ('index-id', lower(hex(randomblob(8))));",
    // 12: partial indexes over the few rows three of a sync's per-locale
    // reads want (leveraged translations, translations with two heads,
    // reviewers' verdicts): each was a scan of a whole table, the revisions
    // for the reviews, in every locale of every sync (about 0.1 s each at
    // 1M words). Only matching rows are kept in them.
    "CREATE INDEX translation_suggested ON translation(locale, segment_id)
        WHERE previous_source IS NOT NULL;
     CREATE INDEX translation_merged ON translation(locale, segment_id)
        WHERE heads LIKE '%,%';
     CREATE INDEX revision_reviewed ON revision(locale, segment_id)
        WHERE origin IN ('review', 'rejected');",
    // 13: a translation whose PO entry says what it says (`exported_same`)
    // needs no `exported` row: an index rebuilt from the journal wrote one
    // copy of every translation there, a sixth of a fresh clone's rebuild.
    // The triggers keep what the files said whatever statement changes a
    // translation: before it changes or goes, its text becomes an
    // `exported` row; a key has an `exported` row or the flag, never both.
    "ALTER TABLE translation ADD COLUMN exported_same INTEGER NOT NULL DEFAULT 0;
     CREATE TRIGGER translation_changed_keeps_exported
        AFTER UPDATE OF text, status ON translation WHEN OLD.exported_same = 1
        BEGIN
          INSERT INTO exported (segment_id, locale, text, status)
            VALUES (OLD.segment_id, OLD.locale, OLD.text, OLD.status)
            ON CONFLICT(segment_id, locale) DO NOTHING;
          UPDATE translation SET exported_same = 0
            WHERE segment_id = OLD.segment_id AND locale = OLD.locale;
        END;
     CREATE TRIGGER translation_deleted_keeps_exported
        AFTER DELETE ON translation WHEN OLD.exported_same = 1
        BEGIN
          INSERT INTO exported (segment_id, locale, text, status)
            VALUES (OLD.segment_id, OLD.locale, OLD.text, OLD.status)
            ON CONFLICT(segment_id, locale) DO NOTHING;
        END;
     CREATE TRIGGER exported_stored_clears_same
        AFTER INSERT ON exported
        BEGIN
          UPDATE translation SET exported_same = 0
            WHERE segment_id = NEW.segment_id AND locale = NEW.locale AND exported_same = 1;
        END;",
];

/// Brings the database to the latest schema in one transaction. A database
/// from a newer tercuman is refused, never downgraded or overwritten.
pub fn migrate(conn: &Connection) -> Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let latest = MIGRATIONS.len() as i64;
    if version > latest {
        return Err(Error::Other(crate::said!(
            "memory-schema-newer",
            "version" => version,
            "latest" => latest
        )));
    }
    if version == latest {
        return Ok(());
    }
    if version == 0 {
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        if tables > 0 {
            return Err(Error::Other(crate::said!("memory-not-ours")));
        }
    }
    let tx = conn.unchecked_transaction()?;
    for (n, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", n as i64 + 1)?;
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrating_twice_is_a_no_op() {
        let conn = Connection::open_in_memory().unwrap();
        migrate(&conn).unwrap();
        migrate(&conn).unwrap();
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, MIGRATIONS.len() as i64);
    }

    #[test]
    fn keying_translations_by_segment_and_locale_keeps_every_row() {
        let conn = Connection::open_in_memory().unwrap();
        for (n, sql) in MIGRATIONS.iter().enumerate().take(8) {
            conn.execute_batch(sql).unwrap();
            conn.pragma_update(None, "user_version", n as i64 + 1)
                .unwrap();
        }
        conn.execute_batch(
            "INSERT INTO segment (id, chapter, kind, source, file, line)
                 VALUES ('c/1', 'c', 'paragraph', 'Hello.', 'c.md', 1);
             INSERT INTO translation (segment_id, locale, text, status, match_score, heads)
                 VALUES ('c/1', 'tr', 'Merhaba.', 'fuzzy', 91, 'abc');
             INSERT INTO exported (segment_id, locale, text, status)
                 VALUES ('c/1', 'tr', 'Merhaba.', 'fuzzy');",
        )
        .unwrap();
        migrate(&conn).unwrap();
        let row: (String, String, i64, String) = conn
            .query_row(
                "SELECT t.text, t.status, t.match_score, e.text FROM translation t
                 JOIN exported e USING (segment_id, locale)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
        assert_eq!(
            row,
            ("Merhaba.".into(), "fuzzy".into(), 91, "Merhaba.".into())
        );
        let duplicate = conn.execute(
            "INSERT INTO translation (segment_id, locale, text, status) VALUES ('c/1', 'tr', 'x', 'translated')",
            [],
        );
        assert!(duplicate.is_err(), "the key stays unique");
    }

    /// What the Turkish PO files said, through the query `Memory::exported`
    /// runs (an `exported` row, or a translation flagged the same).
    fn files_said(conn: &Connection) -> Vec<(String, String)> {
        let mut stmt = conn
            .prepare(&super::super::EXPORTED_SQL.replace("{among}", ""))
            .unwrap();
        let mut said: Vec<(String, String)> = stmt
            .query_map(["tr"], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        said.sort();
        said
    }

    #[test]
    fn what_the_files_said_survives_any_change_to_a_translation_flagged_the_same() {
        let conn = Connection::open_in_memory().unwrap();
        migrate(&conn).unwrap();
        conn.execute_batch(
            "INSERT INTO translation (segment_id, locale, text, status, exported_same) VALUES
                ('c/1', 'tr', 'Bir.', 'translated', 1),
                ('c/2', 'tr', 'İki.', 'translated', 1),
                ('c/3', 'tr', 'Üç.', 'translated', 1),
                ('c/4', 'tr', 'Dört.', 'translated', 1);
             -- a sync imports a new translation, as an upsert does
             INSERT INTO translation (segment_id, locale, text, status) VALUES ('c/1', 'tr', 'Bir!', 'fuzzy')
                ON CONFLICT(segment_id, locale) DO UPDATE SET text = excluded.text, status = excluded.status;
             -- a pull re-indexes a chapter
             DELETE FROM translation WHERE segment_id = 'c/2';
             -- a sync writes a PO file that now says something else
             INSERT INTO exported (segment_id, locale, text, status) VALUES ('c/3', 'tr', 'Üç!', 'translated');
             -- only the heads change: the text the files said is the same
             UPDATE translation SET heads = 'a,b' WHERE segment_id = 'c/4';",
        )
        .unwrap();
        let said = |id: &str, text: &str| (id.to_string(), text.to_string());
        assert_eq!(
            files_said(&conn),
            [
                said("c/1", "Bir."),
                said("c/2", "İki."),
                said("c/3", "Üç!"),
                said("c/4", "Dört.")
            ],
            "each key once, with what its PO entry said"
        );
        let flagged: i64 = conn
            .query_row(
                "SELECT count(*) FROM translation WHERE exported_same = 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(
            flagged, 1,
            "only the untouched translation is still flagged"
        );
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        let err = migrate(&conn).unwrap_err().to_string();
        assert!(err.contains("newer"), "{err}");
    }
}
