//! gettext PO segment files: read what translators' tools write, write a
//! deterministic form (stable order, no dates, no re-wrapping of anyone's text).
//!
//! The reader accepts any valid PO (wrapped strings, comments of every kind,
//! obsolete entries) and rejects anything else with the file and line.

use std::collections::HashSet;
use std::path::Path;

use crate::error::{Error, Result};

/// One PO entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// Translator comments (`# `), kept verbatim.
    pub translator_comments: Vec<String>,
    /// Extracted comments (`#.`).
    pub extracted_comments: Vec<String>,
    /// References (`#:`), e.g. `source/intro.md:3`.
    pub references: Vec<String>,
    pub fuzzy: bool,
    /// Other flags (`#, c-format`…), kept in order.
    pub other_flags: Vec<String>,
    /// Previous source text (`#| msgid`), shown for fuzzy entries.
    pub previous_msgid: Option<String>,
    pub msgctxt: Option<String>,
    pub msgid: String,
    pub msgstr: String,
    /// `#~` entry: no longer in the source, kept so its translation is not lost.
    pub obsolete: bool,
    /// 1-based line of the entry's `msgid` in the file it was read from.
    pub line: usize,
    /// 1-based line of its `msgstr`: where a translator fixes the translation.
    pub msgstr_line: usize,
}

/// A PO file: its header's fields and entries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    /// Comment lines above the header entry, without their `# `.
    pub header_comments: Vec<String>,
    /// The header entry's `msgstr` (`Name: value\n` lines).
    pub header: String,
    pub entries: Vec<Entry>,
    /// The file began with a UTF-8 byte-order mark (read past, never written).
    pub byte_order_mark: bool,
}

impl Catalog {
    /// The language the header's `Language:` line names, if it names one.
    pub fn language(&self) -> Option<&str> {
        self.header
            .lines()
            .filter_map(|l| l.split_once(':'))
            .find(|(k, _)| k.trim() == "Language")
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }
}

/// Which keyword a string continuation belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Ctxt,
    Id,
    Str,
    PrevId,
}

/// A segment file larger than this is refused rather than read: a book's
/// chapter is far smaller, and a huge file is a mistake or an attack.
pub const MAX_BYTES: usize = 256 * 1024 * 1024;

/// Reads a PO file as UTF-8, the only encoding tercuman writes. A file in
/// another encoding (UTF-16 from some Windows editors, or a legacy charset
/// its header declares) is refused with a message naming the encoding and
/// how to convert it, rather than as "invalid UTF-8".
pub fn read(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::parse(
            path,
            1,
            crate::said!("po-utf16", "path" => path.display()),
        ));
    }
    match String::from_utf8(bytes) {
        Ok(text) => {
            refuse_declared_charset(&text, path)?;
            Ok(text)
        }
        Err(e) => {
            let raw = e.as_bytes();
            let header = String::from_utf8_lossy(&raw[..raw.len().min(4096)]);
            if let Some((line, charset)) = declared_charset(&header) {
                if !is_utf8_name(&charset) {
                    return Err(charset_error(path, line, &charset));
                }
            }
            crate::error::read_utf8(path)
        }
    }
}

/// `charset=` of the header's Content-Type, with its 1-based line.
fn declared_charset(text: &str) -> Option<(usize, String)> {
    text.lines().enumerate().find_map(|(n, l)| {
        let l = l.trim_start().trim_start_matches('"');
        let value = l.strip_prefix("Content-Type:")?;
        let charset = value.split("charset=").nth(1)?;
        let charset: String = charset
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
            .collect();
        Some((n + 1, charset))
    })
}

fn is_utf8_name(charset: &str) -> bool {
    let lower = charset.to_ascii_lowercase();
    matches!(lower.as_str(), "utf-8" | "utf8" | "charset" | "")
}

fn refuse_declared_charset(text: &str, path: &Path) -> Result<()> {
    let end = (0..=text.len().min(8192))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    match declared_charset(&text[..end]) {
        // ASCII-only text is the same in every ASCII-compatible charset.
        Some((line, charset)) if !is_utf8_name(&charset) && !text.is_ascii() => {
            Err(charset_error(path, line, &charset))
        }
        _ => Ok(()),
    }
}

fn charset_error(path: &Path, line: usize, charset: &str) -> Error {
    Error::parse(
        path,
        line,
        crate::said!("po-charset", "charset" => charset, "path" => path.display()),
    )
}

/// Parses PO text. `path` only names the file in errors.
pub fn parse(text: &str, path: &Path) -> Result<Catalog> {
    if text.len() > MAX_BYTES {
        return Err(Error::parse(
            path,
            1,
            crate::said!("po-file-larger-than-256"),
        ));
    }
    // Some Windows editors start a UTF-8 file with a byte-order mark; it
    // carries nothing, and tercuman's rewrite of the file drops it.
    let (text, byte_order_mark) = match text.strip_prefix('\u{FEFF}') {
        Some(rest) => (rest, true),
        None => (text, false),
    };
    let mut reader = PoReader {
        path,
        catalog: Catalog {
            byte_order_mark,
            ..Catalog::default()
        },
        entry: Entry::default(),
        field: None,
        seen_header: false,
        keys: HashSet::new(),
        has_id: false,
        has_str: false,
    };
    for (index, raw_line) in text.split('\n').enumerate() {
        reader.line(raw_line.strip_suffix('\r').unwrap_or(raw_line), index + 1)?;
    }
    if reader.has_id && !reader.has_str {
        return Err(reader.entry_without_msgstr());
    }
    reader.finish()?;
    if !reader.seen_header {
        return Err(Error::parse(path, 1, crate::said!("po-header-entry-msgid")));
    }
    Ok(reader.catalog)
}

/// A PO file read line by line into entries.
struct PoReader<'a> {
    path: &'a Path,
    catalog: Catalog,
    /// The entry being read.
    entry: Entry,
    /// The string a continuation line (`"…"`) extends.
    field: Option<Field>,
    seen_header: bool,
    /// (obsolete, msgctxt, msgid) of the entries read: each once.
    keys: HashSet<(bool, Option<String>, String)>,
    /// Whether the entry being read has its msgid/msgstr yet.
    has_id: bool,
    has_str: bool,
}

impl PoReader<'_> {
    fn error(&self, line: usize, message: impl Into<crate::error::Message>) -> Error {
        Error::parse(self.path, line, message)
    }

    fn entry_without_msgstr(&self) -> Error {
        self.error(self.entry.line, crate::said!("po-entry-has-msgid-but"))
    }

    /// Line `n`, without its line end.
    fn line(&mut self, line: &str, n: usize) -> Result<()> {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            self.finish()?;
            self.field = None;
            return Ok(());
        }
        // Obsolete entries: `#~ msgid "…"`, `#~| msgid "…"`.
        let (obsolete, body) = match trimmed.strip_prefix("#~") {
            Some(rest) => (true, rest.trim_start()),
            None => (false, trimmed),
        };
        let previous = body
            .strip_prefix("#|")
            .or_else(|| body.strip_prefix('|').filter(|_| obsolete));
        if let Some(rest) = previous {
            return self.previous(rest.trim_start(), n);
        }
        if !obsolete && body.starts_with('#') {
            self.comment(body)
        } else if obsolete && body.is_empty() {
            Ok(())
        } else {
            self.keyword_line(body, obsolete, n)
        }
    }

    /// A new keyword after a complete entry starts the next entry.
    fn finish_if_complete(&mut self) -> Result<()> {
        if self.has_str {
            self.finish()?;
        }
        Ok(())
    }

    /// `#| msgid "…"` and its continuations: the English a fuzzy entry was
    /// made for. `#| msgctxt` and `#| msgid_plural` carry nothing we use.
    fn previous(&mut self, rest: &str, n: usize) -> Result<()> {
        self.finish_if_complete()?;
        if let Some(s) = rest.strip_prefix("msgid ") {
            self.entry.previous_msgid = Some(parse_string(s, self.path, n)?);
            self.field = Some(Field::PrevId);
        } else if rest.starts_with('"') && self.field == Some(Field::PrevId) {
            let s = parse_string(rest, self.path, n)?;
            self.entry
                .previous_msgid
                .get_or_insert_with(String::new)
                .push_str(&s);
        }
        Ok(())
    }

    /// Comment kinds by their marker; never sliced by bytes, the comment
    /// may start with any character.
    fn comment(&mut self, body: &str) -> Result<()> {
        self.finish_if_complete()?;
        self.field = None;
        let entry = &mut self.entry;
        if let Some(rest) = body.strip_prefix("#,") {
            for flag in rest.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                if flag == "fuzzy" {
                    entry.fuzzy = true;
                } else {
                    entry.other_flags.push(flag.to_string());
                }
            }
        } else if let Some(rest) = body.strip_prefix("#:") {
            entry
                .references
                .extend(rest.split_whitespace().map(str::to_string));
        } else if let Some(rest) = body.strip_prefix("#.") {
            entry.extracted_comments.push(rest.trim_start().to_string());
        } else {
            let comment = &body[1..];
            entry
                .translator_comments
                .push(comment.strip_prefix(' ').unwrap_or(comment).to_string());
        }
        Ok(())
    }

    /// `msgctxt`, `msgid`, `msgstr` or a continuation string.
    fn keyword_line(&mut self, body: &str, obsolete: bool, n: usize) -> Result<()> {
        let keyword_end = body.find(|c: char| c.is_whitespace()).unwrap_or(body.len());
        let (keyword, rest) = body.split_at(keyword_end);
        let rest = rest.trim_start();
        match keyword {
            "msgctxt" => {
                self.finish_if_complete()?;
                if self.has_id || self.entry.msgctxt.is_some() {
                    return Err(self.error(n, crate::said!("po-msgctxt-after-msgid")));
                }
                self.entry.msgctxt = Some(parse_string(rest, self.path, n)?);
                self.entry.obsolete = obsolete;
                self.field = Some(Field::Ctxt);
            }
            "msgid" => {
                self.finish_if_complete()?;
                if self.has_id {
                    return Err(self.error(n, crate::said!("po-two-msgid-lines-one")));
                }
                self.entry.msgid = parse_string(rest, self.path, n)?;
                self.entry.obsolete = obsolete;
                self.entry.line = n;
                self.has_id = true;
                self.field = Some(Field::Id);
            }
            "msgid_plural" => {
                return Err(self.error(n, crate::said!("po-plural-entries-msgid-plural")));
            }
            "msgstr" => {
                if !self.has_id {
                    return Err(self.error(n, crate::said!("po-msgstr-without-msgid-before")));
                }
                if self.has_str {
                    return Err(self.error(n, crate::said!("po-two-msgstr-lines-one")));
                }
                self.entry.msgstr = parse_string(rest, self.path, n)?;
                self.entry.msgstr_line = n;
                self.has_str = true;
                self.field = Some(Field::Str);
            }
            _ if keyword.starts_with("msgstr[") => {
                return Err(self.error(n, crate::said!("po-plural-entries-msgstr-n")));
            }
            _ if body.starts_with('"') => self.continuation(body, n)?,
            _ => return Err(self.error(n, unexpected(body))),
        }
        Ok(())
    }

    /// `"…"` on its own line extends the string of the keyword before it.
    fn continuation(&mut self, body: &str, n: usize) -> Result<()> {
        let s = parse_string(body, self.path, n)?;
        match self.field {
            Some(Field::Ctxt) => self
                .entry
                .msgctxt
                .get_or_insert_with(String::new)
                .push_str(&s),
            Some(Field::Id) => self.entry.msgid.push_str(&s),
            Some(Field::Str) => self.entry.msgstr.push_str(&s),
            Some(Field::PrevId) | None => {
                return Err(self.error(n, crate::said!("po-string-continuation-with-keyword")))
            }
        }
        Ok(())
    }

    /// Ends the entry being read, if it has begun: the header goes to the
    /// catalog's header, any other entry to its entries, each once.
    fn finish(&mut self) -> Result<()> {
        if !self.has_id {
            return Ok(());
        }
        if !self.has_str {
            return Err(self.entry_without_msgstr());
        }
        let done = std::mem::take(&mut self.entry);
        self.has_id = false;
        self.has_str = false;
        if done.msgid.is_empty() && done.msgctxt.is_none() && !done.obsolete {
            if self.seen_header {
                return Err(self.error(done.line, crate::said!("po-second-header-entry-empty")));
            }
            self.seen_header = true;
            self.catalog.header_comments = done.translator_comments;
            self.catalog.header = done.msgstr;
            return Ok(());
        }
        let key = (done.obsolete, done.msgctxt.clone(), done.msgid.clone());
        if !self.keys.insert(key) {
            return Err(self.error(
                done.line,
                crate::said!(
                    "po-duplicate-entry",
                    "msgctxt" => format!("{:?}", done.msgctxt.as_deref().unwrap_or("")),
                    "msgid" => format!("{:?}", done.msgid)
                ),
            ));
        }
        self.catalog.entries.push(done);
        Ok(())
    }
}

/// A PO file whose header names another language than its directory's is
/// refused: a Persian file copied into `locales/az/` must not be imported
/// as Azerbaijani.
pub fn check_language(text: &str, catalog: &Catalog, locale: &str, path: &Path) -> Result<()> {
    let Some(declared) = catalog.language() else {
        return Ok(());
    };
    let primary = |tag: &str| {
        tag.split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    if primary(declared) == primary(locale) {
        return Ok(());
    }
    let line = text
        .lines()
        .position(|l| l.trim_start().starts_with("\"Language:"))
        .map_or(1, |n| n + 1);
    Err(Error::parse(
        path,
        line,
        crate::said!(
            "po-other-language",
            "declared" => declared,
            "locale" => locale,
            "primary" => primary(declared)
        ),
    ))
}

/// "unexpected `…`", with invisible characters named, since a message
/// cannot show them.
fn unexpected(body: &str) -> crate::error::Message {
    let invisible = |c: char| {
        c.is_control()
            || matches!(c, '\u{FEFF}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}')
    };
    let shown: String = truncate(body, 40)
        .chars()
        .map(|c| {
            if invisible(c) {
                format!("<U+{:04X}>", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect();
    if body.contains('\u{FEFF}') {
        crate::said!("po-unexpected-bom", "text" => shown)
    } else if body.chars().any(invisible) {
        crate::said!("po-unexpected-invisible", "text" => shown)
    } else {
        crate::said!("po-unexpected", "text" => shown)
    }
}

fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Parses one quoted PO string (`"…"`), with its escapes.
fn parse_string(s: &str, path: &Path, line: usize) -> Result<String> {
    let s = s.trim();
    let inner = s
        .strip_prefix('"')
        .ok_or_else(|| Error::parse(path, line, crate::said!("po-expected-quoted-string")))?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    loop {
        match chars.next() {
            None => {
                return Err(Error::parse(
                    path,
                    line,
                    crate::said!("po-unterminated-string"),
                ))
            }
            Some('"') => {
                let rest: String = chars.collect();
                if !rest.trim().is_empty() {
                    return Err(Error::parse(
                        path,
                        line,
                        crate::said!("po-text-after-quote", "text" => truncate(rest.trim(), 20)),
                    ));
                }
                return Ok(out);
            }
            Some('\\') => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('"') => out.push('"'),
                Some('\\') => out.push('\\'),
                Some('a') => out.push('\u{07}'),
                Some('b') => out.push('\u{08}'),
                Some('f') => out.push('\u{0C}'),
                Some('v') => out.push('\u{0B}'),
                Some(c) => {
                    return Err(Error::parse(
                        path,
                        line,
                        crate::said!("po-invalid-escape", "escape" => format!("\\{c}")),
                    ))
                }
                None => {
                    return Err(Error::parse(
                        path,
                        line,
                        crate::said!("po-unterminated-string"),
                    ))
                }
            },
            Some(c) => out.push(c),
        }
    }
}

/// Escapes a string for a PO file.
/// Appends `s` escaped as in a PO string; plain runs are copied whole.
fn escape_into(out: &mut String, s: &str) {
    super::push_replacing_ascii(out, s, |b| match b {
        b'"' => Some("\\\""),
        b'\\' => Some("\\\\"),
        b'\n' => Some("\\n"),
        b'\t' => Some("\\t"),
        b'\r' => Some("\\r"),
        0x07 => Some("\\a"),
        0x08 => Some("\\b"),
        0x0B => Some("\\v"),
        0x0C => Some("\\f"),
        _ => None,
    });
}

/// Writes `keyword "value"`; a value with newlines is split after each one,
/// as gettext does, but never wrapped by width.
fn write_field(out: &mut String, prefix: &str, keyword: &str, value: &str) {
    let mut line = |text: &str| {
        out.push_str(prefix);
        out.push_str(keyword);
        out.push_str(" \"");
        escape_into(out, text);
        out.push_str("\"\n");
    };
    // One line unless a newline comes before the last character.
    if value.find('\n').is_none_or(|i| i + 1 == value.len()) {
        line(value);
        return;
    }
    line("");
    for part in value.split_inclusive('\n') {
        out.push_str(prefix);
        out.push('"');
        escape_into(out, part);
        out.push_str("\"\n");
    }
}

/// Serializes a catalog deterministically.
pub fn write(catalog: &Catalog) -> String {
    // Sized once up front: the text plus its keywords and quoting. Growing a
    // chapter-sized string by doubling copied it over and over.
    let size: usize = catalog
        .entries
        .iter()
        .map(|e| {
            let texts = [e.msgctxt.as_deref(), Some(&e.msgid), Some(&e.msgstr)];
            let comments = e.translator_comments.iter().chain(&e.extracted_comments);
            texts.iter().flatten().map(|t| t.len() + 12).sum::<usize>()
                + e.previous_msgid.as_ref().map_or(0, |p| p.len() + 16)
                + comments.map(|c| c.len() + 4).sum::<usize>()
                + e.references.iter().map(|r| r.len() + 4).sum::<usize>()
                + 32
        })
        .sum();
    let mut out = String::with_capacity(size + catalog.header.len() * 2 + 256);
    let line = |out: &mut String, start: &str, text: &str| {
        out.push_str(start);
        out.push_str(text);
        out.push('\n');
    };
    for c in &catalog.header_comments {
        if c.is_empty() {
            out.push_str("#\n");
        } else {
            line(&mut out, "# ", c);
        }
    }
    out.push_str("msgid \"\"\n");
    write_field(&mut out, "", "msgstr", &catalog.header);
    for e in &catalog.entries {
        out.push('\n');
        let prefix = if e.obsolete { "#~ " } else { "" };
        for c in &e.translator_comments {
            line(&mut out, "# ", c);
        }
        for c in &e.extracted_comments {
            line(&mut out, "#. ", c);
        }
        if !e.references.is_empty() && !e.obsolete {
            out.push_str("#:");
            for r in &e.references {
                out.push(' ');
                out.push_str(r);
            }
            out.push('\n');
        }
        let flags = e.fuzzy.then_some("fuzzy").into_iter();
        let mut flags = flags
            .chain(e.other_flags.iter().map(String::as_str))
            .peekable();
        if flags.peek().is_some() {
            out.push_str("#, ");
            for (i, flag) in flags.enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(flag);
            }
            out.push('\n');
        }
        if let Some(prev) = &e.previous_msgid {
            let prev_prefix = if e.obsolete { "#~| " } else { "#| " };
            write_field(&mut out, prev_prefix, "msgid", prev);
        }
        if let Some(ctxt) = &e.msgctxt {
            write_field(&mut out, prefix, "msgctxt", ctxt);
        }
        write_field(&mut out, prefix, "msgid", &e.msgid);
        write_field(&mut out, prefix, "msgstr", &e.msgstr);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"# Header comment
msgid ""
msgstr ""
"Language: fa\n"
"Content-Type: text/plain; charset=UTF-8\n"

# a translator's note
#: source/a.md:3
#, fuzzy
#| msgid "Old "
#| "text."
msgctxt "a/1"
msgid "Wrapped "
"source with \"quotes\"."
msgstr "ترجمه‌ی نو"

#~ msgctxt "a/2"
#~ msgid "Gone."
#~ msgstr "رفته."
"#;

    #[test]
    fn reads_wrapped_fuzzy_and_obsolete_entries() {
        let cat = parse(SAMPLE, Path::new("fa/a.po")).unwrap();
        assert_eq!(
            cat.header,
            "Language: fa\nContent-Type: text/plain; charset=UTF-8\n"
        );
        assert_eq!(cat.entries.len(), 2);
        let e = &cat.entries[0];
        assert_eq!(e.msgctxt.as_deref(), Some("a/1"));
        assert_eq!(e.msgid, "Wrapped source with \"quotes\".");
        assert_eq!(e.previous_msgid.as_deref(), Some("Old text."));
        assert!(e.fuzzy);
        assert_eq!(e.line, 13);
        assert_eq!(e.translator_comments, ["a translator's note"]);
        assert!(cat.entries[1].obsolete);
        assert_eq!(cat.entries[1].msgstr, "رفته.");
    }

    #[test]
    fn writing_then_reading_round_trips() {
        let cat = parse(SAMPLE, Path::new("fa/a.po")).unwrap();
        let text = write(&cat);
        let mut again = parse(&text, Path::new("fa/a.po")).unwrap();
        for (a, b) in again.entries.iter_mut().zip(&cat.entries) {
            a.line = b.line;
            a.msgstr_line = b.msgstr_line;
        }
        assert_eq!(again, cat);
        assert_eq!(write(&again), text, "writing is deterministic");
    }

    #[test]
    fn comments_may_start_with_any_character() {
        // Found by the po_reader fuzz target: a comment starting `#ی` was cut
        // inside the letter.
        let text =
            "#ی یادداشت\n#\u{200c}x\nmsgid \"\"\nmsgstr \"\"\n\n#ب\nmsgid \"a\"\nmsgstr \"b\"\n";
        let cat = parse(text, Path::new("x.po")).unwrap();
        assert_eq!(cat.header_comments, ["ی یادداشت", "\u{200c}x"]);
        assert_eq!(cat.entries[0].translator_comments, ["ب"]);
    }

    #[test]
    fn errors_name_the_line() {
        let cases = [
            ("msgid \"\"\nmsgstr \"\"\n\nmsgid \"a\nmsgstr \"b\"\n", 4, "unterminated"),
            ("msgid \"\"\nmsgstr \"\"\n\nmsgid \"a\"\nmsgstr \"\\q\"\n", 5, "invalid escape"),
            ("msgid \"\"\nmsgstr \"\"\n\nmsgid \"a\"\n", 4, "no msgstr"),
            ("msgid \"\"\nmsgstr \"\"\n\nmsgid \"a\"\nmsgstr \"\"\n\nmsgid \"a\"\nmsgstr \"x\"\n", 7, "duplicate"),
            ("msgid \"\"\nmsgstr \"\"\n\nbogus line\n", 4, "unexpected"),
        ];
        for (text, line, needle) in cases {
            let err = parse(text, Path::new("x.po")).unwrap_err().to_string();
            assert!(err.starts_with(&format!("x.po:{line}: ")), "{err}");
            assert!(err.contains(needle), "{err}");
        }
    }
}
