//! The memory's durable record, as text files git can merge.
//!
//! `tm/memory.sqlite` is a local index (ignored by git, rebuilt when the
//! journal changes); what a team shares is the journal under `tm/`:
//!
//! - `tm/revisions/<locale>/<chapter>.tsv`: every revision of every
//!   translation, one line each, sorted, never edited once written;
//! - `tm/source/<chapter>.tsv`: the English of every segment the memory has
//!   seen, so translations of segments that left the source keep their text.
//!
//! Lines are independent records, so two clones' additions merge with git's
//! built-in `union` driver (`.gitattributes`), with no setup per clone; a
//! line both sides added is one line. Each revision names the revisions it
//! replaced (`parents`, by content hash): the current translation is the one
//! revision no other replaced, and two such heads mean two clones edited the
//! same segment — a conflict the next sync reports, with both texts kept.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::error::{Error, Message, Result};
use crate::formats::Status;
use crate::said;

/// Kept as first written, so that files never change for their header; a
/// review's line adds two fields after the text: reviewer and note.
const REVISIONS_HEADER: &str = "# tercuman revisions, one per line, sorted: segment, time, id, replaces, role, origin, status, score, from, previous English, text";
const SOURCE_HEADER: &str =
    "# tercuman segments, one per line, sorted: id, kind, file, line, English";

/// The two directories of the journal, under `tm/`.
pub const REVISIONS_DIR: &str = "revisions";
pub const SOURCE_DIR: &str = "source";

/// One revision as the journal keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionRecord {
    pub segment_id: String,
    pub locale: String,
    /// RFC 3339 UTC.
    pub created: String,
    /// Content hash of every other field: what `parents` refer to.
    pub hash: String,
    /// The heads this revision replaced (empty for a first translation).
    pub parents: Vec<String>,
    /// False for a revision kept as history only (a conflicting edit, an
    /// import that did not replace a translation).
    pub current: bool,
    pub origin: String,
    pub status: Status,
    pub score: Option<u32>,
    pub from: Option<String>,
    pub previous_source: Option<String>,
    pub text: String,
    /// Who made it, where the tool knows (a reviewer).
    pub author: Option<String>,
    /// A note beside it (a reviewer's reason for rejecting).
    pub note: Option<String>,
}

impl RevisionRecord {
    /// The content hash of a record's fields (all but `hash`).
    pub fn content_hash(&self) -> String {
        // Sized once: growing it was a fifth of a rebuild's reallocations.
        let mut key = String::with_capacity(
            self.text.len() + self.previous_source.as_ref().map_or(0, String::len) + 160,
        );
        for field in [
            self.segment_id.as_str(),
            &self.locale,
            &self.created,
            &self.parents.join(","),
            if self.current { "c" } else { "h" },
            &self.origin,
            self.status.as_str(),
            &self.score.map(|s| s.to_string()).unwrap_or_default(),
            self.from.as_deref().unwrap_or(""),
            self.previous_source.as_deref().unwrap_or("\u{0}"),
            &self.text,
        ] {
            key.push_str(field);
            key.push('\u{1f}');
        }
        // Absent from lines written before reviews existed, whose ids stay.
        if self.author.is_some() || self.note.is_some() {
            for field in [&self.author, &self.note] {
                key.push_str(field.as_deref().unwrap_or(""));
                key.push('\u{1f}');
            }
        }
        format!("{:016x}", crate::source::fnv1a(key.as_bytes()))
    }

    fn line(&self) -> String {
        let mut out = String::new();
        let fields = [
            escape(&self.segment_id),
            escape(&self.created),
            self.hash.clone(),
            self.parents.join(","),
            (if self.current { "c" } else { "h" }).to_string(),
            escape(&self.origin),
            self.status.as_str().to_string(),
            self.score.map(|s| s.to_string()).unwrap_or_default(),
            self.from.as_deref().map(escape).unwrap_or_default(),
            self.previous_source
                .as_deref()
                .map(|p| format!("={}", escape(p)))
                .unwrap_or_default(),
            escape(&self.text),
        ];
        for (n, f) in fields.iter().enumerate() {
            if n > 0 {
                out.push('\t');
            }
            out.push_str(f);
        }
        if self.author.is_some() || self.note.is_some() {
            for field in [&self.author, &self.note] {
                out.push('\t');
                out.push_str(&field.as_deref().map(escape).unwrap_or_default());
            }
        }
        out
    }

    fn parse(line: &str, locale: &str) -> std::result::Result<RevisionRecord, Message> {
        let fields: Vec<&str> = line.split('\t').collect();
        let (fields, by, note) = match fields[..] {
            [ref first @ .., by, note] if fields.len() == 13 => (first, by, note),
            _ => (&fields[..], "", ""),
        };
        let [id, created, hash, parents, role, origin, status, score, from, previous, text] =
            fields[..]
        else {
            return Err(said!("journal-fields", "expected" => "11 / 13", "found" => fields.len()));
        };
        let optional = |field: &str| (!field.is_empty()).then(|| unescape(field)).transpose();
        let record = RevisionRecord {
            segment_id: unescape(id)?,
            locale: locale.to_string(),
            created: unescape(created)?,
            hash: hash.to_string(),
            parents: parents
                .split(',')
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect(),
            current: match role {
                "c" => true,
                "h" => false,
                other => return Err(said!("journal-role", "role" => other)),
            },
            origin: unescape(origin)?,
            status: match status {
                "translated" | "fuzzy" | "untranslated" => Status::from_stored(status),
                other => return Err(said!("journal-status", "status" => other)),
            },
            score: match score {
                "" => None,
                s => Some(
                    s.parse()
                        .map_err(|_| said!("journal-score", "score" => s))?,
                ),
            },
            from: (!from.is_empty()).then(|| unescape(from)).transpose()?,
            previous_source: match previous.strip_prefix('=') {
                Some(p) => Some(unescape(p)?),
                None if previous.is_empty() => None,
                None => return Err(said!("journal-previous")),
            },
            text: unescape(text)?,
            author: optional(by)?,
            note: optional(note)?,
        };
        if record.content_hash() != record.hash {
            return Err(said!("journal-hash", "hash" => &record.hash));
        }
        Ok(record)
    }
}

/// One segment's English as the journal keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentRecord {
    pub id: String,
    pub kind: String,
    /// `source/<chapter>.md`
    pub file: String,
    /// Its line in the source when first seen, or when it left the source.
    pub line: i64,
    pub source: String,
}

impl SegmentRecord {
    fn line(&self) -> String {
        format!(
            "{}\t{}\t{}\t{}\t{}",
            escape(&self.id),
            escape(&self.kind),
            escape(&self.file),
            self.line,
            escape(&self.source)
        )
    }

    fn parse(line: &str) -> std::result::Result<SegmentRecord, Message> {
        let fields: Vec<&str> = line.split('\t').collect();
        let [id, kind, file, number, source] = fields[..] else {
            return Err(said!("journal-fields", "expected" => 5, "found" => fields.len()));
        };
        Ok(SegmentRecord {
            id: unescape(id)?,
            kind: unescape(kind)?,
            file: unescape(file)?,
            line: number
                .parse()
                .map_err(|_| said!("journal-line-number", "number" => number))?,
            source: unescape(source)?,
        })
    }
}

/// The heads of one segment's revisions in one locale: the revisions that
/// became current and that no later one replaced, newest first (by time,
/// then hash, so every clone picks the same one first). One head is the
/// current translation; more are edits made apart, in clones since merged.
pub fn heads<'a>(revisions: &[&'a RevisionRecord]) -> Vec<&'a RevisionRecord> {
    let replaced: std::collections::HashSet<&str> = revisions
        .iter()
        .filter(|r| r.current)
        .flat_map(|r| r.parents.iter().map(String::as_str))
        .collect();
    let mut heads: Vec<&RevisionRecord> = revisions
        .iter()
        .copied()
        .filter(|r| r.current && !replaced.contains(r.hash.as_str()))
        .collect();
    heads.sort_by(|a, b| (&b.created, &b.hash).cmp(&(&a.created, &a.hash)));
    heads.dedup_by(|a, b| a.hash == b.hash);
    heads
}

/// The chapter slug of a segment id (`chapter/hash`).
pub fn chapter_of(segment_id: &str) -> &str {
    segment_id
        .split_once('/')
        .map_or(segment_id, |(chapter, _)| chapter)
}

/// Backslash escapes for the four characters a field cannot hold raw.
fn escape(text: &str) -> String {
    if !text.contains(['\\', '\t', '\n', '\r']) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

fn unescape(field: &str) -> std::result::Result<String, Message> {
    if !field.contains('\\') {
        return Ok(field.to_string());
    }
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            other => {
                let escape = format!("\\{}", other.unwrap_or(' '));
                return Err(said!("journal-escape", "escape" => escape));
            }
        }
    }
    Ok(out)
}

/// The record lines of a journal file: its header, comments and blank
/// lines skipped, and conflict markers too, for a file git merged without
/// the `union` driver: both sides' lines are records, so keeping both is
/// the merge.
fn record_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(n, l)| {
        let marker = ["<<<<<<<", "=======", ">>>>>>>", "|||||||"]
            .iter()
            .any(|m| l.starts_with(m));
        (!(l.is_empty() || l.starts_with('#') || marker)).then_some((n + 1, l))
    })
}

/// Journal files under `dir` (recursively), sorted, relative to `tm`.
fn files_under(tm: &Path, dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        if path.is_dir() {
            files_under(tm, &path, out)?;
        } else if path.extension().is_some_and(|e| e == "tsv") {
            out.push(path.strip_prefix(tm).unwrap_or(&path).to_path_buf());
        }
    }
    Ok(())
}

/// Every journal file, relative to `tm/`, in a stable order.
pub fn files(tm: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    files_under(tm, &tm.join(REVISIONS_DIR), &mut out)?;
    files_under(tm, &tm.join(SOURCE_DIR), &mut out)?;
    out.sort();
    Ok(out)
}

/// Size and modification time (ns) of a file, to tell cheaply that it is
/// as the index last saw it.
pub fn stat(path: &Path) -> Option<(i64, i64)> {
    let meta = std::fs::metadata(path).ok()?;
    let mtime = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_nanos() as i64;
    Some((meta.len() as i64, mtime))
}

/// The content digest of a journal file's text.
pub fn digest(text: &[u8]) -> String {
    format!("{:016x}", crate::source::fnv1a(text))
}

/// Everything the journal holds.
#[derive(Debug, Default)]
pub struct Journal {
    pub segments: Vec<SegmentRecord>,
    pub revisions: Vec<RevisionRecord>,
    /// (path relative to `tm/`, digest) of every file read.
    pub files: Vec<(String, String)>,
    /// Files read that are not in the form tercuman writes ([`tidy`]).
    pub untidy: Vec<String>,
}

/// Reads some of the journal's files (paths relative to `tm/`); a bad
/// line is an error naming its file and line.
pub fn read_files(tm: &Path, files: &[String]) -> Result<Journal> {
    let read = crate::parallel::map(files, |rel| read_file(tm, rel));
    let read = read.into_iter().collect::<Result<Vec<_>>>()?;
    let mut journal = Journal {
        revisions: Vec::with_capacity(read.iter().map(|f| f.revisions.len()).sum()),
        segments: Vec::with_capacity(read.iter().map(|f| f.segments.len()).sum()),
        files: Vec::with_capacity(read.len()),
        untidy: Vec::new(),
    };
    for file in read {
        journal.revisions.extend(file.revisions);
        journal.segments.extend(file.segments);
        if file.untidy {
            journal.untidy.push(file.digest.0.clone());
        }
        journal.files.push(file.digest);
    }
    Ok(journal)
}

/// Reads groups of files one after another on another thread, making each
/// group into `T` there (`prepare`), and hands them to `use_them` as they
/// are ready, so that a caller can index one group while the next is
/// parsed. The first bad file ends the reading. What `use_them` gives back
/// is dropped on the reading thread, which allocated it: the caller's
/// thread is the busy one, and a thread frees its own allocations fastest.
pub fn with_files_read<T: Send, R>(
    tm: &Path,
    groups: &[Vec<String>],
    prepare: impl Fn(Vec<FileRecords>) -> T + Sync,
    use_them: impl FnOnce(&mut dyn Iterator<Item = Result<T>>, &dyn Fn(T)) -> Result<R>,
) -> Result<R> {
    std::thread::scope(|scope| {
        // A few groups ahead, so that the reader never holds the journal.
        let (sender, received) = std::sync::mpsc::sync_channel(2);
        let (give_back, given_back) = std::sync::mpsc::channel::<T>();
        let prepare = &prepare;
        scope.spawn(move || {
            for group in groups {
                let read: Result<Vec<FileRecords>> =
                    group.iter().map(|rel| read_file(tm, rel)).collect();
                let failed = read.is_err();
                if sender.send(read.map(prepare)).is_err() || failed {
                    break;
                }
                given_back.try_iter().for_each(drop);
            }
            drop(sender);
            given_back.iter().for_each(drop);
        });
        let give_back = move |used: T| {
            let _ = give_back.send(used);
        };
        // Returning drops the receiver, which stops the reader, and the
        // giver, which lets it end.
        use_them(&mut received.into_iter(), &give_back)
    })
}

/// One journal file's records, its (path, digest), and whether it is in
/// the form tercuman writes.
pub struct FileRecords {
    pub revisions: Vec<RevisionRecord>,
    pub segments: Vec<SegmentRecord>,
    pub digest: (String, String),
    pub untidy: bool,
}

/// The locale and chapter of a revision file's path (`revisions/fa/intro.tsv`).
pub fn revision_file_key(rel: &str) -> Option<(&str, &str)> {
    let rest = rel.strip_prefix(REVISIONS_DIR)?.strip_prefix('/')?;
    let (locale, file) = rest.split_once('/')?;
    Some((locale, file.strip_suffix(".tsv")?))
}

fn read_file(tm: &Path, rel: &str) -> Result<FileRecords> {
    let path = tm.join(rel);
    let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Error::Utf8 {
            path: path.clone(),
            line,
        }
    })?;
    let bad = |line: usize, message: Message| {
        let message = message
            .with("journal", path.display())
            .hinted("journal-restore-hint");
        Error::parse(&path, line, message)
    };
    let mut records = FileRecords {
        revisions: Vec::new(),
        segments: Vec::new(),
        digest: (rel.to_string(), digest(&bytes)),
        untidy: tidied(rel, text) != text,
    };
    // A record in another chapter's file (a line moved by hand) would be
    // indexed twice, or lost when its own file changes.
    let misplaced = |n: usize, id: &str, chapter: &str| -> Result<()> {
        if chapter_of(id) == chapter {
            return Ok(());
        }
        Err(bad(
            n,
            said!(
                "journal-misplaced",
                "id" => id,
                "right" => chapter_of(id),
                "chapter" => chapter
            ),
        ))
    };
    if let Some((locale, chapter)) = revision_file_key(rel) {
        for (n, line) in record_lines(text) {
            let record = RevisionRecord::parse(line, locale).map_err(|m| bad(n, m))?;
            misplaced(n, &record.segment_id, chapter)?;
            records.revisions.push(record);
        }
    } else {
        let chapter = rel
            .strip_prefix(SOURCE_DIR)
            .and_then(|r| r.strip_prefix('/'))
            .and_then(|r| r.strip_suffix(".tsv"))
            .unwrap_or(rel);
        for (n, line) in record_lines(text) {
            let record = SegmentRecord::parse(line).map_err(|m| bad(n, m))?;
            misplaced(n, &record.id, chapter)?;
            records.segments.push(record);
        }
    }
    Ok(records)
}

/// A path relative to `tm/` with `/` separators.
pub fn rel_string(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// A journal file's new text, written beside it, to be renamed into place
/// once the index has committed.
#[derive(Debug, Clone)]
pub struct StagedFile {
    /// Relative to `tm/`.
    pub target: String,
    pub temporary: PathBuf,
    pub digest: String,
}

/// Stages the journal files `records` add to: each file's lines and the
/// new ones, sorted and without repeats, written beside it, a file per
/// core at a time. Segment lines replace older lines of the same id (a
/// segment that left the source records the line it left from). If any
/// file fails, none is left staged.
pub fn stage(
    tm: &Path,
    segments: &[SegmentRecord],
    revisions: &[RevisionRecord],
) -> Result<Vec<StagedFile>> {
    let mut by_file: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for s in segments {
        let file = format!("{SOURCE_DIR}/{}.tsv", chapter_of(&s.id));
        by_file.entry(file).or_default().push(s.line());
    }
    for r in revisions {
        let file = format!(
            "{REVISIONS_DIR}/{}/{}.tsv",
            r.locale,
            chapter_of(&r.segment_id)
        );
        by_file.entry(file).or_default().push(r.line());
    }
    let files: Vec<(String, Vec<String>)> = by_file.into_iter().collect();
    let results = crate::parallel::map(&files, |(file, lines)| stage_file(tm, file, lines));
    let mut staged = Vec::new();
    let mut failure = None;
    for result in results {
        match result {
            Ok(file) => staged.extend(file),
            Err(e) => {
                failure.get_or_insert(e);
            }
        }
    }
    match failure {
        Some(e) => {
            discard(&staged);
            Err(e)
        }
        None => Ok(staged),
    }
}

/// Stages one journal file with `new_lines` added, unless that changes
/// nothing.
fn stage_file(tm: &Path, file: &str, new_lines: &[String]) -> Result<Option<StagedFile>> {
    let path = tm.join(file);
    let old = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(Error::io(&path, e)),
    };
    let is_source = file.starts_with(SOURCE_DIR);
    // The ids of the new segment lines, whose old lines they replace.
    let replaced: HashSet<&str> = if is_source && !old.is_empty() {
        new_lines.iter().filter_map(|l| record_id(l)).collect()
    } else {
        HashSet::new()
    };
    let mut lines: Vec<&str> = record_lines(&old)
        .map(|(_, l)| l)
        .filter(|l| replaced.is_empty() || record_id(l).is_none_or(|id| !replaced.contains(id)))
        .collect();
    lines.extend(new_lines.iter().map(String::as_str));
    let header = if is_source {
        SOURCE_HEADER
    } else {
        REVISIONS_HEADER
    };
    let text = sorted_text(header, lines);
    if text == old {
        return Ok(None);
    }
    let temporary = path.with_extension("tsv.tercuman-tmp");
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    std::fs::write(&temporary, &text).map_err(|e| Error::io(&temporary, e))?;
    Ok(Some(StagedFile {
        target: file.to_string(),
        temporary,
        digest: digest(text.as_bytes()),
    }))
}

/// Removes staged journal files a failed commit leaves behind.
pub fn discard(staged: &[StagedFile]) {
    for s in staged {
        let _ = std::fs::remove_file(&s.temporary);
    }
}

/// A line's first field, escaped as it is written: a record's id.
fn record_id(line: &str) -> Option<&str> {
    line.split_once('\t').map(|(id, _)| id)
}

/// Rewrites a journal file git merged into the form tercuman writes
/// (sorted, no repeats, one line per segment id in `source/`), so that
/// clones that merged the same work in any order hold the same bytes.
/// Returns whether it changed the file.
pub fn tidy(tm: &Path, rel: &str) -> Result<bool> {
    let path = tm.join(rel);
    let old = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    let text = tidied(rel, &old);
    if text == old {
        return Ok(false);
    }
    let temporary = path.with_extension("tsv.tercuman-tmp");
    std::fs::write(&temporary, &text).map_err(|e| Error::io(&temporary, e))?;
    std::fs::rename(&temporary, &path).map_err(|e| Error::io(&path, e))?;
    Ok(true)
}

/// A journal file's text in the form tercuman writes.
fn tidied(rel: &str, text: &str) -> String {
    let lines: Vec<&str> = record_lines(text).map(|(_, l)| l).collect();
    if rel.starts_with(SOURCE_DIR) {
        sorted_text(SOURCE_HEADER, one_line_per_id(lines))
    } else {
        sorted_text(REVISIONS_HEADER, lines)
    }
}

/// Tidies the files of `untidy` among `files` (path, digest), and notes
/// the digests of those it rewrote.
pub fn tidy_files(tm: &Path, files: &mut [(String, String)], untidy: &[String]) -> Result<()> {
    for (rel, known) in files.iter_mut() {
        if untidy.contains(rel) && tidy(tm, rel)? {
            let path = tm.join(&*rel);
            *known = digest(&std::fs::read(&path).map_err(|e| Error::io(&path, e))?);
        }
    }
    Ok(())
}

/// Segment lines with one per id: of two (a merge of two clones that each
/// saw the segment leave the source), the one with the later line.
fn one_line_per_id(lines: Vec<&str>) -> Vec<&str> {
    let line_number = |l: &str| -> i64 {
        l.split('\t')
            .nth(3)
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    let mut by_id: HashMap<&str, &str> = HashMap::new();
    for l in lines {
        let id = l.split_once('\t').map_or(l, |(id, _)| id);
        let keep = by_id
            .get(id)
            .is_none_or(|k| (line_number(l), l) > (line_number(k), *k));
        if keep {
            by_id.insert(id, l);
        }
    }
    by_id.into_values().collect()
}

/// A journal file's text: its header, then its lines sorted (the segment
/// id leads each line, then the time) with repeats dropped.
fn sorted_text(header: &str, mut lines: Vec<&str>) -> String {
    lines.sort_unstable();
    lines.dedup();
    let mut text = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum::<usize>() + 200);
    let _ = writeln!(text, "{header}");
    for l in lines {
        text.push_str(l);
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn revision(text: &str, parents: &[&str]) -> RevisionRecord {
        let mut r = RevisionRecord {
            segment_id: "ch/0a1b2c3d".into(),
            locale: "tr".into(),
            created: "2026-12-02T10:00:00Z".into(),
            hash: String::new(),
            parents: parents.iter().map(|p| p.to_string()).collect(),
            current: true,
            origin: "po-import".into(),
            status: Status::Translated,
            score: Some(87),
            from: Some("ch/99".into()),
            previous_source: Some("Old\tEnglish".into()),
            text: text.into(),
            author: None,
            note: None,
        };
        r.hash = r.content_hash();
        r
    }

    #[test]
    fn a_revision_line_reads_back_as_written() {
        let r = revision("İki\nsatır \\ ve\tsekme", &["00000000000000aa"]);
        let line = r.line();
        assert!(!line.contains('\n'));
        assert_eq!(RevisionRecord::parse(&line, "tr").unwrap(), r);
    }

    #[test]
    fn a_review_line_carries_its_reviewer_and_note_and_older_lines_keep_their_ids() {
        let plain = revision("Merhaba.", &[]);
        assert_eq!(plain.line().split('\t').count(), 11);
        // A line from before reviews keeps its id: the shipped book's
        // journal, written then, is read (ids checked) by every test on it.
        let shipped = include_str!("../../tm/revisions/tr/introduction.tsv");
        for line in shipped.lines().filter(|l| !l.starts_with('#')) {
            RevisionRecord::parse(line, "tr").unwrap();
        }
        let mut review = revision("Merhaba.", &[&plain.hash]);
        review.origin = "rejected".into();
        review.author = Some("Ayşe".into());
        review.note = Some("two\tlines\nhere".into());
        review.hash = review.content_hash();
        assert_ne!(review.hash, revision("Merhaba.", &[&plain.hash]).hash);
        let line = review.line();
        assert_eq!(line.split('\t').count(), 13);
        assert_eq!(RevisionRecord::parse(&line, "tr").unwrap(), review);
    }

    #[test]
    fn an_edited_line_is_refused() {
        let line = revision("Doğru", &[]).line().replace("Doğru", "Yanlış");
        let err = RevisionRecord::parse(&line, "tr").unwrap_err();
        assert!(err.to_string().contains("does not match"), "{err}");
    }

    #[test]
    fn conflict_markers_are_read_as_both_sides() {
        let text = "# header\n<<<<<<< ours\na\n=======\nb\n>>>>>>> theirs\n";
        let lines: Vec<&str> = record_lines(text).map(|(_, l)| l).collect();
        assert_eq!(lines, ["a", "b"]);
    }

    #[test]
    fn staging_merges_sorts_and_drops_repeats() {
        let dir = tempfile::tempdir().unwrap();
        let a = revision("A", &[]);
        let b = revision("B", &[&a.hash]);
        let staged = stage(dir.path(), &[], &[b.clone(), a.clone(), a.clone()]).unwrap();
        assert_eq!(staged.len(), 1);
        let text = std::fs::read_to_string(&staged[0].temporary).unwrap();
        assert_eq!(text.lines().count(), 3, "{text}");
        std::fs::rename(&staged[0].temporary, dir.path().join(&staged[0].target)).unwrap();
        assert!(
            stage(dir.path(), &[], &[a]).unwrap().is_empty(),
            "nothing new, nothing staged"
        );
        let read = read_files(dir.path(), &[staged[0].target.clone()]).unwrap();
        assert_eq!(read.revisions.len(), 2);
    }
}
