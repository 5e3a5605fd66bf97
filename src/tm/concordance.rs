//! Concordance: every segment whose English or translation holds a word or
//! a phrase, the lookup translators make to see how a name or a term was
//! translated before (OmegaT's Search window, memoQ's concordance).
//!
//! An SQLite FTS5 index in its own file beside the memory's index
//! (`tm/concordance.sqlite`, attached; local to a clone like the index, and
//! no input of a sync) holds each segment's English and every revision's
//! text, folded the way the glossary folds
//! ([`crate::glossary::fold`], plus `ı` read as `i` so a query typed without
//! Turkish letters finds them) and tokenized by `unicode61` with diacritics
//! removed. It is a cache: built on the first query, brought up to date on
//! each later one from the rows added since (revisions and segments are
//! only ever appended, except by a pull, which the counts reveal and which
//! rebuilds it). Each query word matches words it begins, so `Tahran` finds
//! `Tahran'ın` and `iktidar` finds `iktidarda`.

use std::collections::{BTreeMap, HashMap};

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::Memory;
use crate::error::Result;

/// What a query asks for.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub text: String,
    /// The book's source language and locales, whose foldings the query is
    /// tried in.
    pub source_lang: String,
    pub locales: Vec<String>,
    /// Only this locale's translations (the English is always searched).
    pub locale: Option<String>,
    /// Also segments that left the source, and earlier revisions.
    pub history: bool,
    /// How many segments to return in full (all are counted).
    pub limit: usize,
}

/// What a query found: the first segments in book order, and how many
/// there are in all.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Concordance {
    pub total: usize,
    pub matches: Vec<Found>,
}

/// One segment the query found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Found {
    pub segment: String,
    /// `source/<chapter>.md`
    pub file: String,
    pub line: i64,
    /// Still in the source (false: it left the book, `--history` only).
    pub current: bool,
    pub source: String,
    /// Current translations by locale.
    pub translations: BTreeMap<String, String>,
    /// Where the query matched: the source language and locales.
    pub matched: Vec<String>,
    /// Earlier revisions that match (`--history` only), oldest first.
    pub history: Vec<OldText>,
    #[serde(skip)]
    position: Option<i64>,
}

#[cfg(test)]
impl Found {
    /// A found segment with one translation, for tests of what shows it.
    pub(crate) fn sample(segment: &str, source: &str, locale: &str, text: &str) -> Found {
        Found {
            segment: segment.into(),
            file: "source/ch.md".into(),
            line: 3,
            current: true,
            source: source.into(),
            translations: BTreeMap::from([(locale.to_string(), text.to_string())]),
            matched: vec!["en".into()],
            history: Vec::new(),
            position: Some(0),
        }
    }
}

/// A row of the full-text index that matched: the English (no locale)
/// or a revision of a translation.
struct Hit {
    locale: String,
    revision: Option<i64>,
}

/// An earlier revision's text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OldText {
    pub locale: String,
    pub created: String,
    pub origin: String,
    pub text: String,
}

/// Folded as the index stores text: the locale's folding, `ı` as `i`.
pub fn fold(locale: &str, text: &str) -> String {
    crate::glossary::fold(locale, text).replace('ı', "i")
}

/// The FTS5 expression for a query: its words as one phrase, each a prefix.
fn match_expression(folded: &str) -> Option<String> {
    let words: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" + "))
}

/// Where the index stands: the memory index it was made from, and the rows
/// it holds, as `segment` and `revision` rowids and counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Indexed {
    index_id: String,
    segment_rowid: i64,
    segments: i64,
    revision_id: i64,
    revisions: i64,
}

/// The cache's file name, beside `memory.sqlite`.
pub const FILE: &str = "concordance.sqlite";

/// The cache's tables: the full-text index and where it stands.
///
/// The words' index holds no text of its own (`content=''`): what a row is
/// stands in `conc.hit` under the same rowid, a narrow table that a common
/// word's 300,000 matches read in 0.1 s where the index's own stored
/// columns took 1.2 s. (A cache of tercuman 0.1 had `conc.concordance`,
/// dropped here.)
const CACHE_SCHEMA: &str = "DROP TABLE IF EXISTS conc.concordance;
     CREATE VIRTUAL TABLE IF NOT EXISTS conc.words USING fts5(
        text, content = '', tokenize = 'unicode61 remove_diacritics 2'
     );
     CREATE TABLE IF NOT EXISTS conc.hit (
        id INTEGER PRIMARY KEY, segment_id TEXT NOT NULL, locale TEXT NOT NULL, revision INTEGER
     );
     CREATE TABLE IF NOT EXISTS conc.state (key TEXT PRIMARY KEY, value TEXT NOT NULL);";

/// The key of the cache's state row; another name for another layout.
const STATE_KEY: &str = "indexed-2";

impl Memory {
    /// Every segment matching `query`, in book order (then segments that
    /// left it), with its translations.
    pub fn concordance(&mut self, query: &Query) -> Result<Concordance> {
        self.update_concordance(&query.source_lang)?;
        let Some(expression) = query_expression(query) else {
            return Ok(Concordance {
                total: 0,
                matches: Vec::new(),
            });
        };
        // One read transaction for the thousands of lookups below: each
        // statement outside one would begin its own, and SQLite checks
        // the files of both databases for a hot journal at every begin
        // (a fifth of a common word's query went to `stat`).
        let _reading = self.conn.unchecked_transaction()?;
        let mut hits = self.hits(&expression, query)?;
        hits.sort_by(|(a, _), (b, _)| {
            (a.position.is_none(), a.position, &a.file, a.line).cmp(&(
                b.position.is_none(),
                b.position,
                &b.file,
                b.line,
            ))
        });
        let total = hits.len();
        hits.truncate(query.limit);
        let mut found = Vec::with_capacity(hits.len());
        for (mut f, unresolved) in hits {
            self.resolve(&mut f, &unresolved, query)?;
            found.push(f);
        }
        // Translations only for the segments returned.
        let mut translations = self
            .conn
            .prepare("SELECT locale, text FROM translation WHERE segment_id = ?1 AND text != ''")?;
        for f in &mut found {
            let rows = translations.query_map([&f.segment], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?;
            for row in rows {
                let (locale, text) = row?;
                if query.locale.as_ref().is_none_or(|l| *l == locale) {
                    f.translations.insert(locale, text);
                }
            }
            f.history
                .sort_by(|a, b| (&a.created, &a.locale).cmp(&(&b.created, &b.locale)));
        }
        Ok(Concordance {
            total,
            matches: found,
        })
    }

    /// The segments the index rows matching `expression` belong to, each
    /// with the rows that matched in it. Only the full-text index is read
    /// here: a common word matches most of a book, and looking each row's
    /// segment, revision and translation up cost seconds at 1M words.
    fn hits(&self, expression: &str, query: &Query) -> Result<Vec<(Found, Vec<Hit>)>> {
        let mut stmt = self.conn.prepare(
            "SELECT h.segment_id, h.locale, h.revision FROM conc.words w
             CROSS JOIN conc.hit h ON h.id = w.rowid
             WHERE words MATCH ?1",
        )?;
        let mut rows = stmt.query([expression])?;
        let mut by_segment: HashMap<String, Vec<Hit>> = HashMap::new();
        while let Some(r) = rows.next()? {
            let (id, locale): (String, String) = (r.get(0)?, r.get(1)?);
            if !locale.is_empty() && query.locale.as_ref().is_some_and(|l| *l != locale) {
                continue;
            }
            let revision: Option<i64> = r.get(2)?;
            by_segment
                .entry(id)
                .or_default()
                .push(Hit { locale, revision });
        }
        let mut place = self
            .conn
            .prepare("SELECT position, source, file, line FROM segment WHERE id = ?1")?;
        let mut found = Vec::new();
        for (id, hits) in by_segment {
            let Some((position, source, file, line)) = place
                .query_row([&id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
                .optional()?
            else {
                continue;
            };
            let position: Option<i64> = position;
            if position.is_none() && !query.history {
                continue;
            }
            let mut f = Found {
                segment: id,
                file,
                line,
                current: position.is_some(),
                source,
                translations: BTreeMap::new(),
                matched: Vec::new(),
                history: Vec::new(),
                position,
            };
            if hits.iter().any(|h| h.locale.is_empty()) {
                // Found in the English: shown whatever its translations say,
                // which are looked up only if it is among those shown.
                f.matched.push(query.source_lang.clone());
                found.push((f, hits));
            } else {
                self.resolve(&mut f, &hits, query)?;
                if !f.matched.is_empty() || !f.history.is_empty() {
                    found.push((f, Vec::new()));
                }
            }
        }
        Ok(found)
    }

    /// Where a segment's translation rows matched: its current text
    /// (`matched`), or an earlier one (`history`, with `--history`).
    fn resolve(&self, f: &mut Found, hits: &[Hit], query: &Query) -> Result<()> {
        let mut revision = self.conn.prepare_cached(
            "SELECT r.text, r.created, r.origin,
                    (SELECT t.text FROM translation t WHERE t.segment_id = r.segment_id AND t.locale = r.locale)
             FROM revision r WHERE r.id = ?1",
        )?;
        for hit in hits.iter().filter(|h| !h.locale.is_empty()) {
            let Some(id) = hit.revision else { continue };
            let row = revision
                .query_row([id], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<String>>(3)?,
                    ))
                })
                .optional()?;
            let Some((text, created, origin, current)) = row else {
                continue;
            };
            if current.as_deref() == Some(text.as_str()) {
                push_unique(&mut f.matched, &hit.locale);
            } else if query.history
                && !f
                    .history
                    .iter()
                    .any(|h| h.locale == hit.locale && h.text == text)
            {
                f.history.push(OldText {
                    locale: hit.locale.clone(),
                    created,
                    origin,
                    text,
                });
            }
        }
        Ok(())
    }

    /// Brings the index up to date: rows added since the last query, or
    /// everything again when rows were removed (a pull re-indexed them).
    fn update_concordance(&mut self, source_lang: &str) -> Result<()> {
        self.attach_concordance()?;
        let now = self.indexed_now()?;
        let was: Option<Indexed> = self
            .conn
            .query_row(
                "SELECT value FROM conc.state WHERE key = ?1",
                [STATE_KEY],
                |r| r.get::<_, String>(0),
            )
            .optional()?
            .and_then(|s| parse_state(&s));
        if was.as_ref() == Some(&now) {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        let added_since = |was: &Indexed| -> rusqlite::Result<bool> {
            let (new_segments, new_revisions): (i64, i64) = tx.query_row(
                "SELECT (SELECT count(*) FROM segment WHERE rowid > ?1), (SELECT count(*) FROM revision WHERE id > ?2)",
                params![was.segment_rowid, was.revision_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            Ok(was.segments + new_segments == now.segments
                && was.revisions + new_revisions == now.revisions)
        };
        let from = match was {
            Some(was) if was.index_id == now.index_id && added_since(&was)? => was,
            _ => {
                tx.execute("INSERT INTO conc.words (words) VALUES ('delete-all')", [])?;
                tx.execute("DELETE FROM conc.hit", [])?;
                Indexed::default()
            }
        };
        {
            let mut hit = tx.prepare(
                "INSERT INTO conc.hit (segment_id, locale, revision) VALUES (?1, ?2, ?3)",
            )?;
            let mut words = tx.prepare("INSERT INTO conc.words (rowid, text) VALUES (?1, ?2)")?;
            let mut insert = |text: String, id: String, locale: &str, revision: Option<i64>| {
                hit.execute(params![id, locale, revision])?;
                words.execute(params![tx.last_insert_rowid(), text])
            };
            let mut segments = tx.prepare("SELECT id, source FROM segment WHERE rowid > ?1")?;
            let mut rows = segments.query([from.segment_rowid])?;
            while let Some(r) = rows.next()? {
                let (id, source): (String, String) = (r.get(0)?, r.get(1)?);
                insert(fold(source_lang, &source), id, "", None)?;
            }
            let mut revisions = tx.prepare(
                "SELECT id, segment_id, locale, text FROM revision WHERE id > ?1 AND text != ''",
            )?;
            let mut rows = revisions.query([from.revision_id])?;
            while let Some(r) = rows.next()? {
                let (rev, id, locale, text): (i64, String, String, String) =
                    (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
                insert(fold(&locale, &text), id, &locale, Some(rev))?;
            }
        }
        tx.execute(
            "INSERT INTO conc.state (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![STATE_KEY, format_state(&now)],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Attaches the cache (creating it) as `conc`, once per connection; a
    /// memory with no file of its own gets a cache in memory.
    fn attach_concordance(&self) -> Result<()> {
        let attached: bool = self
            .conn
            .query_row(
                "SELECT count(*) FROM pragma_database_list WHERE name = 'conc'",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n > 0)?;
        if attached {
            return Ok(());
        }
        let file = match self.path.parent() {
            Some(dir) if self.path.is_file() => dir.join(FILE).to_string_lossy().into_owned(),
            _ => ":memory:".to_string(),
        };
        self.conn.execute("ATTACH DATABASE ?1 AS conc", [file])?;
        self.conn.execute_batch(CACHE_SCHEMA)?;
        Ok(())
    }

    /// What the index must hold to be up to date.
    fn indexed_now(&self) -> Result<Indexed> {
        let mut now = self.conn.query_row(
            "SELECT (SELECT coalesce(max(rowid), 0) FROM segment), (SELECT count(*) FROM segment),
                    (SELECT coalesce(max(id), 0) FROM revision), (SELECT count(*) FROM revision)",
            [],
            |r| {
                Ok(Indexed {
                    index_id: String::new(),
                    segment_rowid: r.get(0)?,
                    segments: r.get(1)?,
                    revision_id: r.get(2)?,
                    revisions: r.get(3)?,
                })
            },
        )?;
        now.index_id = self.setting("index-id")?.unwrap_or_default();
        Ok(now)
    }
}

/// The FTS5 expression over every language searched: the query folded
/// per language can differ (Turkish `I`), so each folding is tried.
fn query_expression(query: &Query) -> Option<String> {
    let mut forms: Vec<String> = std::iter::once(&query.source_lang)
        .chain(&query.locales)
        .filter_map(|l| match_expression(&fold(l, &query.text)))
        .collect();
    forms.sort();
    forms.dedup();
    (!forms.is_empty()).then(|| {
        forms
            .into_iter()
            .map(|f| format!("({f})"))
            .collect::<Vec<_>>()
            .join(" OR ")
    })
}

fn push_unique(list: &mut Vec<String>, item: &str) {
    if !list.iter().any(|l| l == item) {
        list.push(item.to_string());
    }
}

fn format_state(s: &Indexed) -> String {
    format!(
        "{} {} {} {} {}",
        s.index_id, s.segment_rowid, s.segments, s.revision_id, s.revisions
    )
}

fn parse_state(s: &str) -> Option<Indexed> {
    let mut fields = s.split(' ');
    let index_id = fields.next()?.to_string();
    let n: Vec<i64> = fields.filter_map(|x| x.parse().ok()).collect();
    match n[..] {
        [segment_rowid, segments, revision_id, revisions] => Some(Indexed {
            index_id,
            segment_rowid,
            segments,
            revision_id,
            revisions,
        }),
        _ => None,
    }
}

/// The words of `text` a query's words begin, as byte ranges: what a
/// terminal highlights. Folding is the index's, diacritics aside.
pub fn highlights(locale: &str, text: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    use unicode_normalization::UnicodeNormalization;
    let plain = |s: &str| -> String {
        fold(locale, s)
            .nfd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .collect()
    };
    let wanted: Vec<String> = plain(query)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        let word_char = c.is_alphanumeric() || c == '\u{200C}';
        match (word_char, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let word = plain(&text[s..i]);
                if wanted.iter().any(|w| word.starts_with(w.as_str())) {
                    out.push(s..i);
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_words_become_a_phrase_of_prefixes() {
        assert_eq!(
            match_expression(&fold("tr", "İktidar tatbikatı")).unwrap(),
            "\"iktidar\"* + \"tatbikati\"*"
        );
        assert_eq!(match_expression("  -- "), None);
    }

    #[test]
    fn highlights_find_words_the_query_begins() {
        let text = "Tahran'ın İktidar tatbikatları";
        let ranges = highlights("tr", text, "iktidar tatbikat");
        let words: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(words, ["İktidar", "tatbikatları"]);
        assert_eq!(highlights("fa", "قره‌باغ و باکو", "قرهباغ").len(), 1);
    }
}
