//! TMX 1.4b: exchanging the memory with OmegaT, Trados, memoQ and others.
//!
//! The writer produces documents valid against the TMX 1.4b DTD. The reader
//! takes what other tools write (any `xml:lang` spelling, inline codes inside
//! `<seg>`), and refuses documents that declare entities (no entity
//! expansion, no external files) or are not well-formed, naming the line.

use std::path::Path;

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::error::{Error, Result};

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
#[derive(Debug, Clone, PartialEq, Eq)]
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
    crate::edition::escape(s)
}

/// Writes a TMX 1.4b document.
pub fn write(doc: &Document) -> String {
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
        for v in &unit.variants {
            out.push_str(&format!("      <tuv xml:lang=\"{}\"", escape(&v.lang)));
            if let Some(d) = &v.created {
                out.push_str(&format!(" creationdate=\"{}\"", escape(d)));
            }
            if let Some(d) = &v.changed {
                out.push_str(&format!(" changedate=\"{}\"", escape(d)));
            }
            out.push_str(&format!("><seg>{}</seg></tuv>\n", escape(&v.text)));
        }
        out.push_str("    </tu>\n");
    }
    out.push_str("  </body>\n</tmx>\n");
    out
}

/// Files larger than this are refused rather than read into memory.
const MAX_BYTES: usize = 512 * 1024 * 1024;

/// Reads a TMX document. `path` names the file in errors.
pub fn parse(text: &str, path: &Path) -> Result<Document> {
    if text.len() > MAX_BYTES {
        return Err(Error::parse(path, 1, "file is larger than 512 MiB"));
    }
    let lines = super::xml::Lines::new(text);
    let line_at = |pos: u64| lines.line_at(pos as usize);
    super::xml::refuse_forbidden_characters(text, path, &lines)?;
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut doc = Document {
        source_lang: String::new(),
        units: Vec::new(),
    };
    let mut seen_root = false;
    let mut unit: Option<Unit> = None;
    let mut variant: Option<Variant> = None;
    let mut in_seg = 0usize;
    loop {
        let pos = reader.buffer_position();
        let event = reader.read_event().map_err(|e| {
            Error::parse(
                path,
                line_at(reader.error_position().max(pos)),
                format!("not well-formed XML: {e}"),
            )
        })?;
        let line = line_at(pos);
        match event {
            Event::DocType(d) => super::xml::refuse_declarations(&d, path, line)?,
            // Inline codes inside <seg>: their text is kept, tags dropped.
            Event::Start(_) if in_seg > 0 => in_seg += 1,
            Event::Empty(_) if in_seg > 0 => {}
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = e.local_name().as_ref().to_vec();
                let attr = |key: &[u8]| -> Result<Option<String>> {
                    for a in e.attributes() {
                        let a = a.map_err(|err| {
                            Error::parse(path, line, format!("bad attribute: {err}"))
                        })?;
                        let k = a.key.as_ref();
                        if k == key || (key == b"xml:lang" && k == b"lang") {
                            let v = a.unescape_value().map_err(|err| {
                                Error::parse(path, line, format!("bad attribute value: {err}"))
                            })?;
                            super::xml::refuse_forbidden_references(&v, path, line)?;
                            return Ok(Some(v.into_owned()));
                        }
                    }
                    Ok(None)
                };
                match name.as_slice() {
                    b"tmx" => seen_root = true,
                    b"header" => doc.source_lang = attr(b"srclang")?.unwrap_or_default(),
                    b"tu" if !empty => {
                        unit = Some(Unit {
                            id: attr(b"tuid")?,
                            variants: Vec::new(),
                            line,
                        });
                    }
                    b"tuv" if !empty => {
                        let lang = attr(b"xml:lang")?
                            .ok_or_else(|| Error::parse(path, line, "<tuv> without xml:lang"))?;
                        variant = Some(Variant {
                            lang,
                            text: String::new(),
                            created: attr(b"creationdate")?,
                            changed: attr(b"changedate")?,
                        });
                    }
                    b"seg" if !empty => {
                        if variant.is_none() {
                            return Err(Error::parse(path, line, "<seg> outside a <tuv>"));
                        }
                        in_seg = 1;
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_seg > 0 => {
                let s = t
                    .unescape()
                    .map_err(|e| Error::parse(path, line, format!("bad text: {e}")))?;
                super::xml::refuse_forbidden_references(&s, path, line)?;
                if let Some(v) = variant.as_mut() {
                    v.text.push_str(&s);
                }
            }
            Event::CData(t) if in_seg > 0 => {
                if let Some(v) = variant.as_mut() {
                    v.text.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::End(e) => {
                if in_seg > 0 {
                    in_seg -= 1;
                    continue;
                }
                match e.local_name().as_ref() {
                    b"tuv" => {
                        if let (Some(v), Some(u)) = (variant.take(), unit.as_mut()) {
                            u.variants.push(v);
                        }
                    }
                    b"tu" => {
                        if let Some(u) = unit.take() {
                            doc.units.push(u);
                        }
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_root {
        return Err(Error::parse(
            path,
            1,
            "not a TMX document (no <tmx> element)",
        ));
    }
    Ok(doc)
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
