//! What every XML reader (TMX, XLIFF, later TBX) shares: a [`Reader`] of
//! nodes that each carry their line, attribute lookup by local name, and
//! the refusals that keep untrusted files from doing harm: files over
//! 512 MiB, characters XML 1.0 forbids (literal or as character
//! references), declarations in a DOCTYPE (no entity expansion, no external
//! files). Format readers see only well-formed, checked text.

use std::path::Path;

use quick_xml::events::{BytesStart, Event};

use crate::error::{Error, Result};

/// Files larger than this are refused rather than read into memory.
pub const MAX_BYTES: usize = 512 * 1024 * 1024;

/// One step through a document, in document order.
pub enum Node<'a> {
    /// A start tag; `empty` for `<x/>`, which has no matching [`Node::Close`].
    Open { element: Element<'a>, empty: bool },
    /// An end tag, by local name.
    Close(Vec<u8>),
    /// Character data with references expanded (CDATA sections too).
    Text(String),
    /// The end of the document.
    End,
}

/// A start tag, with what its attribute errors need to name.
pub struct Element<'a> {
    start: BytesStart<'a>,
    path: &'a Path,
    line: usize,
}

impl Element<'_> {
    /// The name without its namespace prefix.
    pub fn local_name(&self) -> &[u8] {
        self.start.local_name().into_inner()
    }

    /// The value of attribute `key`, matched by local name (`lang` finds
    /// `xml:lang`) or in full, with references expanded and checked.
    pub fn attr(&self, key: &str) -> Result<Option<String>> {
        let (path, line) = (self.path, self.line);
        for a in self.start.attributes() {
            let a = a.map_err(|err| {
                Error::parse(
                    path,
                    line,
                    crate::said!("xml-bad-attribute", "reason" => err),
                )
            })?;
            let k = a.key.as_ref();
            let local = k.rsplit(|b| *b == b':').next().unwrap_or(k);
            if local == key.as_bytes() || k == key.as_bytes() {
                let v = a.unescape_value().map_err(|err| {
                    Error::parse(
                        path,
                        line,
                        crate::said!("xml-bad-attribute-value", "reason" => err),
                    )
                })?;
                refuse_forbidden_references(&v, path, line)?;
                return Ok(Some(v.into_owned()));
            }
        }
        Ok(None)
    }

    /// An attribute the format requires: its absence is an error with the
    /// line, worded as `missing`.
    pub fn required(&self, key: &str, missing: crate::error::Message) -> Result<String> {
        self.attr(key)?.ok_or_else(|| self.error(missing))
    }

    /// An error at this element's line.
    pub fn error(&self, message: impl Into<crate::error::Message>) -> Error {
        Error::parse(self.path, self.line, message)
    }

    /// The line the start tag begins on.
    pub fn line(&self) -> usize {
        self.line
    }
}

/// Reads a checked document node by node; every node comes with its line.
pub struct Reader<'a> {
    inner: quick_xml::Reader<&'a [u8]>,
    lines: Lines,
    path: &'a Path,
}

impl<'a> Reader<'a> {
    /// Refuses an oversized file or one holding a character XML forbids
    /// before any parsing; `path` names the file in every error.
    pub fn new(text: &'a str, path: &'a Path) -> Result<Reader<'a>> {
        if text.len() > MAX_BYTES {
            return Err(Error::parse(
                path,
                1,
                crate::said!("xml-file-larger-than-512"),
            ));
        }
        let lines = Lines::new(text);
        refuse_forbidden_characters(text, path, &lines)?;
        let mut inner = quick_xml::Reader::from_str(text);
        inner.config_mut().check_end_names = true;
        Ok(Reader { inner, lines, path })
    }

    /// The next node and the line it starts on. Declarations, comments and
    /// processing instructions are passed over; a DOCTYPE that declares
    /// anything is refused.
    pub fn read_node(&mut self) -> Result<(Node<'a>, usize)> {
        loop {
            let pos = self.inner.buffer_position() as usize;
            let event = self.inner.read_event().map_err(|e| {
                let at = (self.inner.error_position() as usize).max(pos);
                Error::parse(
                    self.path,
                    self.lines.line_at(at),
                    crate::said!("xml-not-well-formed", "reason" => e),
                )
            })?;
            let line = self.lines.line_at(pos);
            let node = match event {
                Event::Start(start) => self.open(start, line, false),
                Event::Empty(start) => self.open(start, line, true),
                Event::End(end) => Node::Close(end.local_name().into_inner().to_vec()),
                Event::Text(t) => {
                    let text = t.unescape().map_err(|e| {
                        Error::parse(self.path, line, crate::said!("xml-bad-text", "reason" => e))
                    })?;
                    refuse_forbidden_references(&text, self.path, line)?;
                    Node::Text(text.into_owned())
                }
                Event::CData(t) => Node::Text(String::from_utf8_lossy(&t).into_owned()),
                Event::DocType(d) => {
                    refuse_declarations(&d, self.path, line)?;
                    continue;
                }
                Event::Eof => Node::End,
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => continue,
            };
            return Ok((node, line));
        }
    }

    fn open(&self, start: BytesStart<'a>, line: usize, empty: bool) -> Node<'a> {
        let element = Element {
            start,
            path: self.path,
            line,
        };
        Node::Open { element, empty }
    }

    /// An error at `line` of this document.
    pub fn error(&self, line: usize, message: impl Into<crate::error::Message>) -> Error {
        Error::parse(self.path, line, message)
    }
}

/// Escapes text for XML content and attribute values (and so for HTML):
/// every writer of XML or HTML uses this one, and drops the control
/// characters XML forbids.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    super::push_replacing_ascii(&mut out, s, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#39;"),
        b if b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r') => Some(""),
        _ => None,
    });
    out
}

/// Line numbers of byte offsets in one document, in O(log n) each: readers
/// ask for the line of every event, so counting newlines from the start
/// each time made reading quadratic in the file's size.
pub struct Lines {
    /// Byte offset where each line after the first starts.
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        Lines {
            starts: newline_ends(text.as_bytes()),
        }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line_at(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) + 1
    }
}

/// The offset just after each newline.
fn newline_ends(bytes: &[u8]) -> Vec<usize> {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b'\n')
        .map(|(i, _)| i + 1)
        .collect()
}

/// Whether XML 1.0 forbids `c` in a document (C0 controls but tab and
/// line ends, U+FFFE, U+FFFF; surrogates cannot occur in a `str`).
pub fn forbidden(c: char) -> bool {
    ((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Characters XML 1.0 forbids make a document not well-formed: refused
/// with their line before parsing.
pub fn refuse_forbidden_characters(text: &str, path: &Path, lines: &Lines) -> Result<()> {
    match text.find(forbidden) {
        Some(pos) => Err(Error::parse(
            path,
            lines.line_at(pos),
            describe(text[pos..].chars().next().unwrap_or('\0')),
        )),
        None => Ok(()),
    }
}

/// A text or attribute value after its references were expanded: `&#4;`
/// names a character XML forbids as surely as a raw one does.
pub fn refuse_forbidden_references(value: &str, path: &Path, line: usize) -> Result<()> {
    match value.chars().find(|&c| forbidden(c)) {
        Some(c) => Err(Error::parse(
            path,
            line,
            naming(crate::said!("xml-forbidden-reference"), c),
        )),
        None => Ok(()),
    }
}

/// `U+0004, a control character XML does not allow`.
pub fn describe(c: char) -> crate::error::Message {
    naming(crate::said!("xml-forbidden-character"), c)
}

/// `message` with the values that name a character XML forbids: its code
/// point (`character`), and `control` (`yes` for a C0 control, `no` for a
/// noncharacter), which the catalogs word.
pub fn naming(message: crate::error::Message, c: char) -> crate::error::Message {
    let control = if (c as u32) < 0x20 { "yes" } else { "no" };
    message
        .with("character", format!("U+{:04X}", c as u32))
        .with("control", control)
}

/// A DOCTYPE may name a DTD but not declare anything: no entity expansion,
/// no external files.
pub fn refuse_declarations(doctype: &[u8], path: &Path, line: usize) -> Result<()> {
    let decl = String::from_utf8_lossy(doctype);
    if decl.contains('[') || decl.contains("ENTITY") {
        return Err(Error::parse(
            path,
            line,
            crate::said!("xml-doctype-with-declarations-entities"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_counted_as_a_reader_sees_them() {
        let text = "a\nbc\n\nd";
        let lines = Lines::new(text);
        let expected = [1, 1, 2, 2, 2, 3, 4, 4];
        for (offset, line) in expected.iter().enumerate() {
            assert_eq!(lines.line_at(offset), *line, "offset {offset}");
        }
        assert_eq!(lines.line_at(1000), 4);
    }

    #[test]
    fn escaping_makes_text_safe_anywhere_in_markup_and_keeps_the_rest() {
        assert_eq!(
            escape("a<b>&\"c'\u{1}\td\nمی\u{200c}خواهم\u{7}"),
            "a&lt;b&gt;&amp;&quot;c&#39;\td\nمی\u{200c}خواهم"
        );
        assert_eq!(escape(""), "");
        assert_eq!(escape("&"), "&amp;");
    }
}
