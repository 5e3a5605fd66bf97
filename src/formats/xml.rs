//! What every XML reader (TMX, XLIFF) shares: line numbers for errors, and
//! the refusals that keep untrusted files from doing harm: characters XML
//! 1.0 forbids (literal or as character references), declarations in a
//! DOCTYPE (no entity expansion, no external files).

use std::path::Path;

use crate::error::{Error, Result};

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
            format!("a character reference to {}", describe(c)),
        )),
        None => Ok(()),
    }
}

/// `U+0004, a control character XML does not allow`.
pub fn describe(c: char) -> String {
    let kind = if (c as u32) < 0x20 {
        "a control character"
    } else {
        "a noncharacter"
    };
    format!("U+{:04X}, {kind} XML does not allow", c as u32)
}

/// A DOCTYPE may name a DTD but not declare anything: no entity expansion,
/// no external files.
pub fn refuse_declarations(doctype: &[u8], path: &Path, line: usize) -> Result<()> {
    let decl = String::from_utf8_lossy(doctype);
    if decl.contains('[') || decl.contains("ENTITY") {
        return Err(Error::parse(
            path,
            line,
            "a DOCTYPE with declarations (entities) is not accepted",
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
}
