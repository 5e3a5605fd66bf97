//! TMX 1.4b: exchanging the memory with OmegaT, Trados, memoQ and others.
//!
//! The writer produces documents valid against the TMX 1.4b DTD. The reader
//! takes what other tools write (any `xml:lang` spelling, inline codes inside
//! `<seg>`), and refuses documents that declare entities (no entity
//! expansion, no external files) or are not well-formed, naming the line.

use std::path::Path;

use super::inline_codes::Piece;
use super::xml::{Element, Node, Reader};
use crate::error::Result;

/// A variant of a unit in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub lang: String,
    pub text: String,
    /// `YYYYMMDDThhmmssZ`, as TMX writes dates.
    pub created: Option<String>,
    pub changed: Option<String>,
}

/// A translation unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub id: Option<String>,
    pub variants: Vec<Variant>,
    /// Line of the `<tu>` in the file it was read from.
    pub line: usize,
}

/// A TMX document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub source_lang: String,
    pub units: Vec<Unit>,
}

/// RFC 3339 (`2026-11-28T10:02:00Z`) -> TMX (`20261128T100200Z`).
pub fn tmx_date(rfc3339: &str) -> String {
    rfc3339
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

fn escape(s: &str) -> String {
    crate::formats::xml::escape(s)
}

/// Writes a TMX 1.4b document, each variant's text as it is.
pub fn write(doc: &Document) -> String {
    write_as(doc, |_, text| escape(text))
}

/// Writes a TMX 1.4b document whose texts are inline Markdown, its markup
/// as inline codes the way our XLIFF carries it: `<bpt>`/`<ept>` around
/// emphasis, strong, strikethrough, links and images, `<ph>` for code,
/// HTML and line breaks, each holding its Markdown, numbered from the
/// first (source) variant. CAT tools protect them as tags; reading the
/// file back (ours or theirs) gives the Markdown byte for byte.
pub fn write_with_codes(doc: &Document) -> String {
    write_as(doc, |source, text| {
        let source_pieces = super::inline_codes::split(source);
        let pieces = if text == source {
            source_pieces
        } else {
            super::inline_codes::split_like(text, &source_pieces)
        };
        inline_codes(&pieces)
    })
}

/// A segment's pieces as TMX 1.4b inline content.
fn inline_codes(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(&escape(t)),
            Piece::Open { id, kind, data } => out.push_str(&format!(
                "<bpt i=\"{id}\" type=\"{}\">{}</bpt>",
                kind.type_name(),
                escape(data)
            )),
            Piece::Close { id, data, .. } => {
                out.push_str(&format!("<ept i=\"{id}\">{}</ept>", escape(data)))
            }
            Piece::Standalone { id, kind, data } => out.push_str(&format!(
                "<ph x=\"{id}\" type=\"{}\">{}</ph>",
                kind.type_name(),
                escape(data)
            )),
        }
    }
    out
}

/// The document, with `seg(source text, text)` giving each `<seg>`'s content.
fn write_as(doc: &Document, seg: impl Fn(&str, &str) -> String) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">\n");
    out.push_str(&format!(
        "  <header creationtool=\"tercuman\" creationtoolversion=\"{}\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" srclang=\"{}\" o-tmf=\"tercuman\"/>\n  <body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(&doc.source_lang)
    ));
    for unit in &doc.units {
        out.push_str("    <tu");
        if let Some(id) = &unit.id {
            out.push_str(&format!(" tuid=\"{}\"", escape(id)));
        }
        out.push_str(">\n");
        let source = unit.variants.first().map_or("", |v| v.text.as_str());
        for v in &unit.variants {
            out.push_str(&format!("      <tuv xml:lang=\"{}\"", escape(&v.lang)));
            if let Some(d) = &v.created {
                out.push_str(&format!(" creationdate=\"{}\"", escape(d)));
            }
            if let Some(d) = &v.changed {
                out.push_str(&format!(" changedate=\"{}\"", escape(d)));
            }
            out.push_str(&format!("><seg>{}</seg></tuv>\n", seg(source, &v.text)));
        }
        out.push_str("    </tu>\n");
    }
    out.push_str("  </body>\n</tmx>\n");
    out
}

/// Reads a TMX document. `path` names the file in errors.
pub fn parse(text: &str, path: &Path) -> Result<Document> {
    let mut reader = Reader::new(text, path)?;
    let mut tmx = TmxReader::default();
    loop {
        match reader.read_node()? {
            (Node::Open { element, empty }, line) => tmx.open(&element, empty, line, &reader)?,
            (Node::Close(_), _) => tmx.close(),
            (Node::Text(t), _) => tmx.text(&t),
            (Node::End, _) => break,
        }
    }
    if !tmx.seen_root {
        return Err(reader.error(1, crate::said!("tmx-not-tmx-document-tmx")));
    }
    Ok(tmx.doc)
}

/// Where the reader is: the unit and variant being read, and how deep
/// inside a `<seg>` (inline codes keep their text, their tags are dropped).
#[derive(Default)]
struct TmxReader {
    doc: Document,
    seen_root: bool,
    unit: Option<Unit>,
    variant: Option<Variant>,
    /// 1 inside `<seg>`, more inside its inline codes.
    seg_depth: usize,
    /// Names of the open elements above the current one that matter to
    /// `close`: `tu`, `tuv` or nothing.
    open: Vec<&'static str>,
}

impl TmxReader {
    fn open(&mut self, e: &Element, empty: bool, line: usize, reader: &Reader) -> Result<()> {
        if self.seg_depth > 0 {
            if !empty {
                self.seg_depth += 1;
            }
            return Ok(());
        }
        let mut role = "";
        match e.local_name() {
            b"tmx" => self.seen_root = true,
            b"header" => self.doc.source_lang = e.attr("srclang")?.unwrap_or_default(),
            b"tu" if !empty => {
                role = "tu";
                self.unit = Some(Unit {
                    id: e.attr("tuid")?,
                    variants: Vec::new(),
                    line,
                });
            }
            b"tuv" if !empty => {
                role = "tuv";
                self.variant = Some(Variant {
                    lang: e.required("lang", crate::said!("tmx-tuv-without-lang"))?,
                    text: String::new(),
                    created: e.attr("creationdate")?,
                    changed: e.attr("changedate")?,
                });
            }
            b"seg" if !empty => {
                if self.variant.is_none() {
                    return Err(reader.error(line, crate::said!("tmx-seg-outside-tuv")));
                }
                self.seg_depth = 1;
                return Ok(());
            }
            _ => {}
        }
        if !empty {
            self.open.push(role);
        }
        Ok(())
    }

    fn text(&mut self, text: &str) {
        if self.seg_depth > 0 {
            if let Some(v) = self.variant.as_mut() {
                v.text.push_str(text);
            }
        }
    }

    fn close(&mut self) {
        if self.seg_depth > 0 {
            self.seg_depth -= 1;
            return;
        }
        match self.open.pop() {
            Some("tuv") => {
                if let (Some(v), Some(u)) = (self.variant.take(), self.unit.as_mut()) {
                    u.variants.push(v);
                }
            }
            Some("tu") => {
                if let Some(u) = self.unit.take() {
                    self.doc.units.push(u);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A character XML forbids is refused with its line, whether the file
    /// holds it raw or as a character reference (in text or in an attribute).
    #[test]
    fn forbidden_characters_are_refused_however_they_are_written() {
        let cases = [
            ("<tmx><tu><tuv lang=\";&#4;\"></tuv></tu></tmx>", 1),
            (
                "<tmx>\n<tu>\n<tuv xml:lang=\"en\"><seg>a &#x1; b</seg></tuv></tu></tmx>",
                3,
            ),
            (
                "<tmx>\n\n<tu><tuv xml:lang=\"en\"><seg>a \u{1} b</seg></tuv></tu></tmx>",
                3,
            ),
            (
                "<tmx><tu><tuv xml:lang=\"en\"><seg>&#xFFFF;</seg></tuv></tu></tmx>",
                1,
            ),
        ];
        for (text, line) in cases {
            let err = parse(text, Path::new("m.tmx")).unwrap_err().to_string();
            assert!(err.contains(&format!("m.tmx:{line}")), "{text}: {err}");
            assert!(err.contains("XML does not allow"), "{text}: {err}");
        }
    }

    #[test]
    fn written_documents_read_back_unchanged() {
        let doc = Document {
            source_lang: "en".into(),
            units: vec![Unit {
                id: Some("intro/1".into()),
                variants: vec![
                    Variant {
                        lang: "en".into(),
                        text: "A **bold** <tag> & more.".into(),
                        created: None,
                        changed: None,
                    },
                    Variant {
                        lang: "fa".into(),
                        text: "یک متن\u{200c}ها «نمونه».".into(),
                        created: Some("20261128T100200Z".into()),
                        changed: Some("20261128T100500Z".into()),
                    },
                ],
                line: 6,
            }],
        };
        let text = write(&doc);
        assert_eq!(parse(&text, Path::new("x.tmx")).unwrap(), doc);
    }

    /// Markup travels as inline codes holding their Markdown, numbered
    /// alike in source and translation, and reads back byte for byte.
    #[test]
    fn markdown_travels_as_inline_codes_and_comes_back() {
        let source = "**Lead:** see `code`, [a link](https://x.org/a) and ~~old~~ text.";
        let target = "**Başlık:** `code`, [bir bağlantı](https://x.org/a) ve ~~eski~~ metin.";
        let doc = Document {
            source_lang: "en".into(),
            units: vec![Unit {
                id: Some("c/1".into()),
                variants: [("en", source), ("tr", target)]
                    .into_iter()
                    .map(|(lang, text)| Variant {
                        lang: lang.into(),
                        text: text.into(),
                        created: None,
                        changed: None,
                    })
                    .collect(),
                line: 0,
            }],
        };
        let text = write_with_codes(&doc);
        assert!(
            text.contains("<seg><bpt i=\"1\" type=\"bold\">**</bpt>Lead:<ept i=\"1\">**</ept> see <ph x=\"2\" type=\"x-markdown\">`code`</ph>"),
            "{text}"
        );
        assert!(
            text.contains("<seg><bpt i=\"1\" type=\"bold\">**</bpt>Başlık:<ept i=\"1\">**</ept>"),
            "{text}"
        );
        let read = parse(&text, Path::new("x.tmx")).unwrap();
        assert_eq!(read.units[0].variants[0].text, source);
        assert_eq!(read.units[0].variants[1].text, target);
    }

    #[test]
    fn inline_codes_of_other_tools_keep_their_text() {
        let text = "<tmx version=\"1.4\"><header srclang=\"EN-US\"/><body><tu><tuv lang=\"en-US\"><seg>Click <bpt i=\"1\">&lt;b&gt;</bpt>here<ept i=\"1\">&lt;/b&gt;</ept><ph/>.</seg></tuv></tu></body></tmx>";
        let doc = parse(text, Path::new("x.tmx")).unwrap();
        assert_eq!(doc.source_lang, "EN-US");
        assert_eq!(doc.units[0].variants[0].text, "Click <b>here</b>.");
    }

    #[test]
    fn entities_and_broken_xml_are_refused_with_a_line() {
        let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;\">]>\n<tmx><body/></tmx>";
        let err = parse(bomb, Path::new("x.tmx")).unwrap_err().to_string();
        assert!(
            err.starts_with("x.tmx:2: ") && err.contains("entities"),
            "{err}"
        );
        let external = "<!DOCTYPE tmx SYSTEM \"file:///etc/passwd\" [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><tmx/>";
        assert!(parse(external, Path::new("x.tmx")).is_err());
        // Found by the tmx_reader fuzz target: a control character in an attribute.
        let control = "<tmx version=\"1.4\">\n<body>\n<tu><tuv xml:lang=\"fa\u{1b}\"><seg>x</seg></tuv></tu>\n</body></tmx>";
        let err = parse(control, Path::new("x.tmx")).unwrap_err().to_string();
        assert!(
            err.starts_with("x.tmx:3: ") && err.contains("control character"),
            "{err}"
        );
        let broken = "<tmx version=\"1.4\">\n<body>\n<tu><tuv xml:lang=\"en\"><seg>x</tuv></tu>\n</body></tmx>";
        let err = parse(broken, Path::new("x.tmx")).unwrap_err().to_string();
        assert!(err.starts_with("x.tmx:3: "), "{err}");
    }
}
