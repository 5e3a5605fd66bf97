//! TBX-Basic: the terminology exchange format of Weblate, memoQ, Trados
//! MultiTerm and translate-toolkit. One `<termEntry>` per concept, one
//! `<langSet>` per language, one `<tig>` per term; a term's
//! `administrativeStatus` says whether it is preferred or deprecated, and a
//! `<note>` carries the entry's note.
//!
//! The reader takes TBX-Basic as those tools write it: TBX 2008
//! (`termEntry`/`langSet`/`tig`, or `ntig`/`termGrp`) and TBX 2019
//! (`conceptEntry`/`langSec`/`termSec`). Entity declarations are refused
//! and a document that is not well-formed is named with its line.

use std::path::Path;

use super::xml::{self, Node, Reader};
use crate::error::Result;

/// One concept: its terms in every language, and a note.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    pub id: Option<String>,
    pub terms: Vec<EntryTerm>,
    pub note: Option<String>,
    /// Line of the entry in the file it was read from.
    pub line: usize,
}

/// One term of an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryTerm {
    /// Its language tag, as the file writes it.
    pub lang: String,
    pub text: String,
    pub status: TermStatus,
}

/// A term's `administrativeStatus`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TermStatus {
    /// Preferred or admitted, or not said.
    #[default]
    Preferred,
    /// Deprecated or superseded: not to be used.
    Deprecated,
}

impl TermStatus {
    fn from_tbx(value: &str) -> TermStatus {
        match value.trim() {
            "deprecatedTerm-admn-sts"
            | "supersededTerm-admn-sts"
            | "deprecatedTerm"
            | "supersededTerm"
            | "notRecommended" => TermStatus::Deprecated,
            _ => TermStatus::Preferred,
        }
    }

    fn as_tbx(self) -> &'static str {
        match self {
            TermStatus::Preferred => "preferredTerm-admn-sts",
            TermStatus::Deprecated => "deprecatedTerm-admn-sts",
        }
    }
}

/// Writes entries as a TBX-Basic (2008) document, `source_lang` as the
/// document's language and `title` in its header.
pub fn write(entries: &[Entry], source_lang: &str, title: &str) -> String {
    let esc = xml::escape;
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<martif type=\"TBX-Basic\" xml:lang=\"{}\">\n  <martifHeader>\n    <fileDesc>\n      <titleStmt><title>{}</title></titleStmt>\n      <sourceDesc><p>tercuman {}</p></sourceDesc>\n    </fileDesc>\n    <encodingDesc><p type=\"XCSURI\">TBXBasicXCSV02.xcs</p></encodingDesc>\n  </martifHeader>\n  <text>\n    <body>\n",
        esc(source_lang),
        esc(title),
        env!("CARGO_PKG_VERSION")
    );
    for entry in entries {
        let id = entry
            .id
            .as_ref()
            .map(|id| format!(" id=\"{}\"", esc(id)))
            .unwrap_or_default();
        out.push_str(&format!("      <termEntry{id}>\n"));
        if let Some(note) = &entry.note {
            out.push_str(&format!("        <note>{}</note>\n", esc(note)));
        }
        let mut langs: Vec<&str> = Vec::new();
        for t in &entry.terms {
            if !langs.contains(&t.lang.as_str()) {
                langs.push(&t.lang);
            }
        }
        for lang in langs {
            out.push_str(&format!("        <langSet xml:lang=\"{}\">\n", esc(lang)));
            for t in entry.terms.iter().filter(|t| t.lang == lang) {
                out.push_str(&format!(
                    "          <tig>\n            <term>{}</term>\n            <termNote type=\"administrativeStatus\">{}</termNote>\n          </tig>\n",
                    esc(&t.text),
                    t.status.as_tbx()
                ));
            }
            out.push_str("        </langSet>\n");
        }
        out.push_str("      </termEntry>\n");
    }
    out.push_str("    </body>\n  </text>\n</martif>\n");
    out
}

/// Where the reader is.
#[derive(Default)]
struct TbxReader {
    entries: Vec<Entry>,
    entry: Option<Entry>,
    lang: Option<String>,
    /// The term being read: its text and status.
    term: Option<(String, TermStatus)>,
    /// Text being collected, and what it is for.
    collecting: Option<(Collect, String)>,
    seen_root: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Collect {
    Term,
    Status,
    Note,
    Definition,
}

/// Reads a TBX document's entries.
pub fn parse(text: &str, path: &Path) -> Result<Vec<Entry>> {
    let mut reader = Reader::new(text, path)?;
    let mut tbx = TbxReader::default();
    loop {
        let (node, line) = reader.read_node()?;
        match node {
            Node::End => break,
            Node::Open { element, empty } => {
                let name = element.local_name().to_vec();
                tbx.open(&name, &element, line)?;
                if empty {
                    tbx.close(&name);
                }
            }
            Node::Close(name) => tbx.close(&name),
            Node::Text(t) => {
                if let Some((_, buffer)) = tbx.collecting.as_mut() {
                    buffer.push_str(&t);
                }
            }
        }
    }
    if !tbx.seen_root {
        return Err(reader.error(1, crate::said!("tbx-not-tbx-document-martif")));
    }
    Ok(tbx.entries)
}

impl TbxReader {
    fn open(&mut self, name: &[u8], e: &xml::Element, line: usize) -> Result<()> {
        match name {
            b"martif" | b"tbx" => self.seen_root = true,
            b"termEntry" | b"conceptEntry" => {
                self.entry = Some(Entry {
                    id: e.attr("id")?,
                    line,
                    ..Entry::default()
                })
            }
            b"langSet" | b"langSec" => self.lang = e.attr("lang")?,
            b"tig" | b"ntig" | b"termSec" => {
                self.term = Some((String::new(), TermStatus::default()))
            }
            b"term" => self.collecting = Some((Collect::Term, String::new())),
            b"termNote" if e.attr("type")?.as_deref() == Some("administrativeStatus") => {
                self.collecting = Some((Collect::Status, String::new()))
            }
            b"note" => self.collecting = Some((Collect::Note, String::new())),
            b"descrip" if e.attr("type")?.as_deref() == Some("definition") => {
                self.collecting = Some((Collect::Definition, String::new()))
            }
            _ => {}
        }
        Ok(())
    }

    fn close(&mut self, name: &[u8]) {
        match name {
            b"term" | b"termNote" | b"note" | b"descrip" => self.finish_text(),
            b"tig" | b"ntig" | b"termSec" => {
                if let (Some((text, status)), Some(lang), Some(entry)) =
                    (self.term.take(), self.lang.clone(), self.entry.as_mut())
                {
                    let text = text.trim().to_string();
                    if !text.is_empty() {
                        entry.terms.push(EntryTerm { lang, text, status });
                    }
                }
            }
            b"langSet" | b"langSec" => self.lang = None,
            b"termEntry" | b"conceptEntry" => self.entries.extend(self.entry.take()),
            _ => {}
        }
    }

    fn finish_text(&mut self) {
        let Some((what, text)) = self.collecting.take() else {
            return;
        };
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        match what {
            Collect::Term => {
                if let Some(term) = self.term.as_mut() {
                    term.0 = text;
                }
            }
            Collect::Status => {
                if let Some(term) = self.term.as_mut() {
                    term.1 = TermStatus::from_tbx(&text);
                }
            }
            // A note of the term or the entry, or a definition: the entry's
            // note (the first one).
            Collect::Note | Collect::Definition => {
                if let Some(entry) = self.entry.as_mut().filter(|_| !text.is_empty()) {
                    entry.note.get_or_insert(text);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_we_write_reads_back_and_so_does_tbx_2019() {
        let entries = vec![Entry {
            id: Some("t1".into()),
            terms: vec![
                EntryTerm {
                    lang: "en".into(),
                    text: "Mighty Power".into(),
                    status: TermStatus::Preferred,
                },
                EntryTerm {
                    lang: "tr".into(),
                    text: "Kudretli Güç & <x>".into(),
                    status: TermStatus::Deprecated,
                },
            ],
            note: Some("the 2023 drill".into()),
            line: 0,
        }];
        let text = write(&entries, "en", "A book");
        let mut read = parse(&text, Path::new("g.tbx")).unwrap();
        read[0].line = 0;
        assert_eq!(read, entries, "{text}");

        let tbx3 = "<?xml version=\"1.0\"?>\n<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body>\n<conceptEntry id=\"c1\"><descrip type=\"definition\">A drill</descrip>\n<langSec xml:lang=\"en\"><termSec><term>Mighty Power</term></termSec></langSec>\n<langSec xml:lang=\"fa\"><termSec><term>اقتدار</term><termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote></termSec></langSec>\n</conceptEntry></body></text></tbx>";
        let read = parse(tbx3, Path::new("g.tbx")).unwrap();
        assert_eq!(read[0].terms[1].text, "اقتدار");
        assert_eq!(read[0].note.as_deref(), Some("A drill"));
        assert_eq!(read[0].line, 3);
    }

    #[test]
    fn entity_declarations_and_broken_files_are_refused_with_their_line() {
        let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE martif [<!ENTITY a \"aaaa\">]>\n<martif/>";
        let err = parse(bomb, Path::new("g.tbx")).unwrap_err().to_string();
        assert!(err.contains("g.tbx:2"), "{err}");
        let broken = "<martif>\n<text><body><termEntry>\n</body></martif>";
        let err = parse(broken, Path::new("g.tbx")).unwrap_err().to_string();
        assert!(
            err.contains("g.tbx:3") && err.contains("not well-formed"),
            "{err}"
        );
        let err = parse("<tmx/>", Path::new("g.tbx")).unwrap_err().to_string();
        assert!(err.contains("not a TBX document"), "{err}");
    }
}
