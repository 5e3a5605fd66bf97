//! XLIFF 1.2 and 2.1: the exchange format of CAT tools (Trados, memoQ,
//! OmegaT, Okapi, Weblate).
//!
//! One document per locale, one `<file>` per chapter, one unit per segment
//! with the segment id as its identity. Inline Markdown travels as inline
//! codes ([`inline_codes`]): 1.2 writes `<g>` for pairs, `<x/>` for line
//! breaks and `<ph>` for protected markup; 2.1 writes `<pc>` and `<ph>`
//! pointing into `<originalData>`. The writer's output validates against
//! the OASIS 1.2 strict and 2.0 core schemas.
//!
//! The reader takes what those tools write back, including codes they
//! rewrite as `<bpt>`/`<ept>`, `<bx/>`/`<ex/>` or `<sc/>`/`<ec/>` and
//! segments they mark with `<mrk>`. It refuses entity declarations and
//! documents that are not well-formed, naming the line.

mod read;

use std::collections::HashMap;

use super::inline_codes::{CodeKind, Piece};
use crate::formats::Status;

pub use read::{parse, to_markdown, Inline, ReadDocument, ReadUnit};

/// Which XLIFF.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Version {
    #[default]
    V1_2,
    V2_1,
}

const NS_1_2: &str = "urn:oasis:names:tc:xliff:document:1.2";
const NS_2: &str = "urn:oasis:names:tc:xliff:document:2.0";
const NS_MATCHES: &str = "urn:oasis:names:tc:xliff:matches:2.0";
/// Our own attributes in 2.1 (the core schema allows other namespaces).
const NS_TERCUMAN: &str = "urn:tercuman:xliff:1";

/// A document to write: one locale, chapters in book order.
#[derive(Debug, Clone)]
pub struct Document {
    pub source_lang: String,
    pub target_lang: String,
    /// The memory's latest revision when the file was written: on import,
    /// a segment revised after it has changed on both sides.
    pub memory_revision: i64,
    pub files: Vec<File>,
}

/// One chapter.
#[derive(Debug, Clone)]
pub struct File {
    /// Chapter slug.
    pub id: String,
    /// `source/<chapter>.md`
    pub original: String,
    pub units: Vec<Unit>,
}

/// One segment.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Segment id (`chapter/hash`), the PO msgctxt.
    pub id: String,
    pub source: String,
    pub target: String,
    pub status: Status,
    /// For a fuzzy target: the English it was made for, and the score.
    pub previous_source: Option<(String, Option<u32>)>,
    /// Line of the segment in its chapter file.
    pub line: i64,
    /// A reviewer's verdict that stands for this target.
    pub verdict: Option<Verdict>,
    /// What the book's glossary says of the source's terms, one per note.
    pub glossary: Vec<String>,
}

/// A reviewer's verdict on a target: 1.2 writes an approval as
/// `approved="yes"` with `state="signed-off"` (the XLIFF spec's "passed
/// its final review", which Weblate imports as Approved) and 2.1 as
/// `state="reviewed"`; a rejection leaves the target for review. Either
/// way a note names the reviewer, the date and the reason, so the
/// translator sees them in the CAT tool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub rejected: bool,
    pub by: String,
    /// The note's text: who, when and why.
    pub comment: String,
}

impl Verdict {
    fn approves(&self) -> bool {
        !self.rejected
    }
}

/// XML-escaped; a carriage return as `&#13;`, because XML parsers turn a
/// literal one (and CR LF) into a line feed.
fn esc(s: &str) -> String {
    let escaped = crate::formats::xml::escape(s);
    if escaped.contains('\r') {
        escaped.replace('\r', "&#13;")
    } else {
        escaped
    }
}

/// Writes a document in the given version.
pub fn write(doc: &Document, version: Version) -> String {
    match version {
        Version::V1_2 => write_1_2(doc, false),
        Version::V2_1 => write_2_1(doc),
    }
}

/// XLIFF 1.2 shaped the way OmegaT reads it: OmegaT translates what stands
/// in `<target>`, so every target is a copy of its source (translations
/// travel in the project's TMX instead, [`omegat_tags`]), with no states.
/// The `phase` says so, and [`parse`] reads a target still equal to its
/// source as no translation.
pub fn write_for_omegat(doc: &Document) -> String {
    write_1_2(doc, true)
}

/// The process name of the phase that marks an OmegaT-shaped file.
pub const OMEGAT_PROCESS: &str = "omegat";

/// A segment as OmegaT shows it: each inline code of our XLIFF as its tag,
/// numbered in order (`<g0>`…`</g0>` for a pair, `<x1/>` for a line break,
/// and for other codes the first letter of their Markdown, `<l2/>` for
/// `` `let x` ``), without the tags OmegaT moves out of a segment (those
/// leading or trailing it, and a pair around all of it). A TMX whose
/// segments are written this way gives OmegaT 100 % matches with matching
/// tags. `source` numbers the codes; `None` when `text` has markup the
/// source lacks (or changes a code's Markdown, as a translated image title
/// does), which OmegaT could not take as a match.
pub fn omegat_tags(text: &str, source: &str) -> Option<String> {
    let source_pieces = super::inline_codes::split(source);
    let names = omegat_names(&source_pieces);
    let outside = outside_tags(&omegat_tokens(&source_pieces, &names));
    let pieces = if text == source {
        source_pieces
    } else {
        super::inline_codes::split_like(text, &source_pieces)
    };
    let unknown = pieces.iter().any(|p| match p {
        Piece::Open { id, .. } | Piece::Close { id, .. } | Piece::Standalone { id, .. } => {
            !names.contains_key(id)
        }
        Piece::Text(_) => false,
    });
    if unknown {
        return None;
    }
    let tagged = omegat_tokens(&pieces, &names)
        .into_iter()
        .filter(|t| !matches!(t, Tag::Tag { name, .. } if outside.contains(name)))
        .map(|t| match t {
            Tag::Text(text) => text,
            Tag::Tag {
                name,
                kind: TagKind::Open,
            } => format!("<{name}>"),
            Tag::Tag {
                name,
                kind: TagKind::Close,
            } => format!("</{name}>"),
            Tag::Tag {
                name,
                kind: TagKind::Empty,
            } => format!("<{name}/>"),
        })
        .collect();
    Some(tagged)
}

/// A piece of a segment in OmegaT's view.
enum Tag {
    Text(String),
    Tag { name: String, kind: TagKind },
}

#[derive(PartialEq, Eq)]
enum TagKind {
    Open,
    Close,
    Empty,
}

/// OmegaT's tag name for each code id of a source segment.
fn omegat_names(source: &[Piece]) -> HashMap<u32, String> {
    let mut names = HashMap::new();
    let mut n = 0;
    for piece in source {
        let letter = match piece {
            Piece::Open { .. } => 'g',
            Piece::Standalone {
                kind: CodeKind::LineBreak,
                ..
            } => 'x',
            Piece::Standalone { data, .. } => data
                .chars()
                .find(|c| c.is_ascii_alphabetic())
                .map_or('f', |c| c.to_ascii_lowercase()),
            _ => continue,
        };
        let (Piece::Open { id, .. } | Piece::Standalone { id, .. }) = piece else {
            continue;
        };
        names.insert(*id, format!("{letter}{n}"));
        n += 1;
    }
    names
}

/// Pieces as OmegaT tags (codes `names` lacks stay Markdown text).
fn omegat_tokens(pieces: &[Piece], names: &HashMap<u32, String>) -> Vec<Tag> {
    pieces
        .iter()
        .map(|piece| {
            let (id, data, kind) = match piece {
                Piece::Text(t) => return Tag::Text(t.clone()),
                Piece::Open { id, data, .. } => (id, data, TagKind::Open),
                Piece::Close { id, data, .. } => (id, data, TagKind::Close),
                Piece::Standalone { id, data, .. } => (id, data, TagKind::Empty),
            };
            match names.get(id) {
                Some(name) => Tag::Tag {
                    name: name.clone(),
                    kind,
                },
                None => Tag::Text(data.clone()),
            }
        })
        .collect()
}

/// The tags OmegaT leaves outside a segment: standalone tags at either
/// end, and a pair that wraps all the rest, repeatedly.
fn outside_tags(tokens: &[Tag]) -> Vec<String> {
    let is_blank = |t: &Tag| matches!(t, Tag::Text(s) if s.trim().is_empty());
    let mut from = 0;
    let mut to = tokens.len();
    let mut outside = Vec::new();
    loop {
        while from < to && is_blank(&tokens[from]) {
            from += 1;
        }
        while to > from && is_blank(&tokens[to - 1]) {
            to -= 1;
        }
        if from >= to {
            break;
        }
        match (&tokens[from], &tokens[to - 1]) {
            (
                Tag::Tag {
                    name,
                    kind: TagKind::Empty,
                },
                _,
            ) => {
                outside.push(name.clone());
                from += 1;
            }
            (
                _,
                Tag::Tag {
                    name,
                    kind: TagKind::Empty,
                },
            ) => {
                outside.push(name.clone());
                to -= 1;
            }
            (
                Tag::Tag {
                    name: a,
                    kind: TagKind::Open,
                },
                Tag::Tag {
                    name: b,
                    kind: TagKind::Close,
                },
            ) if a == b && to - from >= 2 => {
                outside.push(a.clone());
                from += 1;
                to -= 1;
            }
            _ => break,
        }
    }
    outside
}

/// 1.2 inline content. Codes the source has (`id <= known`) are `<g>`,
/// `<x/>` and `<ph>`; markup only the translation has carries its Markdown
/// in `<bpt>`/`<ept>`/`<ph>` so that it comes back.
fn inline_1_2(pieces: &[Piece], known: u32) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(&esc(t)),
            Piece::Open { id, kind, .. } if *id <= known => {
                out.push_str(&format!("<g id=\"{id}\" ctype=\"{}\">", kind.type_name()))
            }
            Piece::Close { id, .. } if *id <= known => out.push_str("</g>"),
            Piece::Standalone {
                id,
                kind: CodeKind::LineBreak,
                ..
            } if *id <= known => out.push_str(&format!("<x id=\"{id}\" ctype=\"lb\"/>")),
            Piece::Standalone { id, kind, data } => out.push_str(&format!(
                "<ph id=\"{id}\" ctype=\"{}\">{}</ph>",
                kind.type_name(),
                esc(data)
            )),
            Piece::Open { id, kind, data } => out.push_str(&format!(
                "<bpt id=\"{id}\" rid=\"{id}\" ctype=\"{}\">{}</bpt>",
                kind.type_name(),
                esc(data)
            )),
            Piece::Close { id, data, .. } => out.push_str(&format!(
                "<ept id=\"{id}\" rid=\"{id}\">{}</ept>",
                esc(data)
            )),
        }
    }
    out
}

fn max_id(pieces: &[Piece]) -> u32 {
    pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Open { id, .. } | Piece::Standalone { id, .. } => Some(*id),
            _ => None,
        })
        .max()
        .unwrap_or(0)
}

fn state_1_2(status: Status, approved: bool) -> &'static str {
    match status {
        Status::Translated if approved => "signed-off",
        Status::Translated => "translated",
        Status::Fuzzy => "needs-review-translation",
        Status::Untranslated => "new",
    }
}

fn write_1_2(doc: &Document, for_omegat: bool) -> String {
    let process = if for_omegat {
        OMEGAT_PROCESS
    } else {
        "translation"
    };
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" xmlns=\"{NS_1_2}\">\n"
    );
    for file in &doc.files {
        out.push_str(&format!(
            "  <file original=\"{}\" source-language=\"{}\" target-language=\"{}\" datatype=\"x-markdown\" tool-id=\"tercuman\">\n",
            esc(&file.original),
            esc(&doc.source_lang),
            esc(&doc.target_lang)
        ));
        out.push_str(&format!(
            "    <header>\n      <phase-group>\n        <phase phase-name=\"export\" process-name=\"{process}\" tool-id=\"tercuman\" job-id=\"memory-revision-{}\"/>\n      </phase-group>\n      <tool tool-id=\"tercuman\" tool-name=\"tercuman\" tool-version=\"{}\"/>\n    </header>\n    <body>\n",
            doc.memory_revision,
            env!("CARGO_PKG_VERSION")
        ));
        for unit in &file.units {
            let source = super::inline_codes::split(&unit.source);
            let known = max_id(&source);
            // `approved="yes"` only where a reviewer approved the target,
            // as the spec means it (translate-toolkit counts the other
            // translated units as fuzzy: waiting for review).
            let approved = unit.status == Status::Translated
                && !for_omegat
                && unit.verdict.as_ref().is_some_and(Verdict::approves);
            let approved_attr = if approved { " approved=\"yes\"" } else { "" };
            out.push_str(&format!(
                "      <trans-unit id=\"{}\" resname=\"{}\"{approved_attr} xml:space=\"preserve\">\n        <source>{}</source>\n",
                esc(&unit.id),
                esc(&unit.id),
                inline_1_2(&source, known)
            ));
            if for_omegat {
                out.push_str(&format!(
                    "        <target>{}</target>\n",
                    inline_1_2(&source, known)
                ));
            } else if unit.status != Status::Untranslated {
                let target = super::inline_codes::split_like(&unit.target, &source);
                out.push_str(&format!(
                    "        <target state=\"{}\">{}</target>\n",
                    state_1_2(unit.status, approved),
                    inline_1_2(&target, known)
                ));
                if let Some(verdict) = &unit.verdict {
                    out.push_str(&format!(
                        "        <note from=\"{}\" annotates=\"target\">{}</note>\n",
                        esc(&verdict.by),
                        esc(&verdict.comment)
                    ));
                }
            }
            for hint in unit.glossary.iter().filter(|_| !for_omegat) {
                out.push_str(&format!(
                    "        <note from=\"glossary\" annotates=\"source\">{}</note>\n",
                    esc(hint)
                ));
            }
            out.push_str(&format!(
                "        <context-group purpose=\"location\">\n          <context context-type=\"sourcefile\">{}</context>\n          <context context-type=\"linenumber\">{}</context>\n        </context-group>\n",
                esc(&file.original),
                unit.line
            ));
            if let Some((previous, score)) = unit.previous_source.as_ref().filter(|_| !for_omegat) {
                let quality = score
                    .map(|s| format!(" match-quality=\"{s}\""))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "        <alt-trans{quality} origin=\"tercuman\" alttranstype=\"previous-version\">\n          <source>{}</source>\n          <target>{}</target>\n        </alt-trans>\n",
                    esc(previous),
                    esc(&unit.target)
                ));
            }
            out.push_str("      </trans-unit>\n");
        }
        out.push_str("    </body>\n  </file>\n");
    }
    out.push_str("</xliff>\n");
    out
}

/// 2.1 inline content; `data` collects the `<originalData>` entries.
fn inline_2_1(pieces: &[Piece], data: &mut Vec<(String, String)>) -> String {
    let mut add = |key: String, value: &str| {
        if !data.iter().any(|(k, _)| *k == key) {
            data.push((key.clone(), value.to_string()));
        }
        key
    };
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(&esc(t)),
            Piece::Open { id, kind, data } => {
                let start = add(format!("d{id}"), data);
                out.push_str(&format!(
                    "<pc id=\"{id}\" dataRefStart=\"{start}\" dataRefEnd=\"d{id}e\" type=\"{}\">",
                    if *kind == CodeKind::Link {
                        "link"
                    } else {
                        "fmt"
                    }
                ))
            }
            Piece::Close { id, data, .. } => {
                add(format!("d{id}e"), data);
                out.push_str("</pc>");
            }
            Piece::Standalone { id, kind, data } => {
                let r = add(format!("d{id}"), data);
                let kind = if *kind == CodeKind::LineBreak {
                    " type=\"fmt\" subType=\"xlf:lb\""
                } else {
                    ""
                };
                out.push_str(&format!("<ph id=\"{id}\" dataRef=\"{r}\"{kind}/>"))
            }
        }
    }
    out
}

fn state_2_1(status: Status, verdict: Option<&Verdict>) -> &'static str {
    match status {
        Status::Translated if verdict.is_some_and(Verdict::approves) => "reviewed",
        Status::Translated => "translated",
        Status::Fuzzy | Status::Untranslated => "initial",
    }
}

fn write_2_1(doc: &Document) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"2.1\" xmlns=\"{NS_2}\" xmlns:mtc=\"{NS_MATCHES}\" xmlns:tc=\"{NS_TERCUMAN}\" srcLang=\"{}\" trgLang=\"{}\">\n",
        esc(&doc.source_lang),
        esc(&doc.target_lang)
    );
    for file in &doc.files {
        out.push_str(&format!(
            "  <file id=\"{}\" original=\"{}\" canResegment=\"no\" tc:memory-revision=\"{}\">\n",
            esc(&nmtoken(&file.id)),
            esc(&file.original),
            doc.memory_revision
        ));
        for unit in &file.units {
            let source = super::inline_codes::split(&unit.source);
            let mut data = Vec::new();
            let source_xml = inline_2_1(&source, &mut data);
            let target_xml = (unit.status != Status::Untranslated).then(|| {
                inline_2_1(
                    &super::inline_codes::split_like(&unit.target, &source),
                    &mut data,
                )
            });
            let local = unit.id.rsplit('/').next().unwrap_or(&unit.id);
            out.push_str(&format!(
                "    <unit id=\"{}\" name=\"{}\" xml:space=\"preserve\">\n",
                esc(&nmtoken(local)),
                esc(&unit.id)
            ));
            if let Some((previous, score)) = &unit.previous_source {
                let similarity = score
                    .map(|s| format!(" similarity=\"{}\"", s.min(100)))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "      <mtc:matches>\n        <mtc:match ref=\"#s1\" type=\"tm\" origin=\"tercuman\"{similarity}>\n          <source>{}</source>\n          <target>{}</target>\n        </mtc:match>\n      </mtc:matches>\n",
                    esc(previous),
                    esc(&unit.target)
                ));
            }
            let verdict_note = unit
                .verdict
                .as_ref()
                .filter(|_| target_xml.is_some())
                .map(|v| {
                    format!(
                        "        <note category=\"review\" appliesTo=\"target\">{}</note>\n",
                        esc(&v.comment)
                    )
                })
                .unwrap_or_default();
            let glossary_notes: String = unit
                .glossary
                .iter()
                .map(|hint| {
                    format!(
                        "        <note category=\"glossary\" appliesTo=\"source\">{}</note>\n",
                        esc(hint)
                    )
                })
                .collect();
            out.push_str(&format!(
                "      <notes>\n        <note category=\"location\">{}:{}</note>\n{glossary_notes}{verdict_note}      </notes>\n",
                esc(&file.original),
                unit.line
            ));
            if !data.is_empty() {
                out.push_str("      <originalData>\n");
                for (key, value) in &data {
                    out.push_str(&format!(
                        "        <data id=\"{key}\">{}</data>\n",
                        esc(value)
                    ));
                }
                out.push_str("      </originalData>\n");
            }
            let rejected = unit.verdict.as_ref().is_some_and(|v| v.rejected);
            let sub_state = match unit.status {
                Status::Fuzzy if rejected => " subState=\"tercuman:rejected\"",
                Status::Fuzzy => " subState=\"tercuman:fuzzy\"",
                _ => "",
            };
            out.push_str(&format!(
                "      <segment id=\"s1\" state=\"{}\"{sub_state}>\n        <source>{source_xml}</source>\n",
                state_2_1(unit.status, unit.verdict.as_ref())
            ));
            if let Some(t) = target_xml {
                out.push_str(&format!("        <target>{t}</target>\n"));
            }
            out.push_str("      </segment>\n    </unit>\n");
        }
        out.push_str("  </file>\n");
    }
    out.push_str("</xliff>\n");
    out
}

/// An NMTOKEN (2.x ids): characters outside it become `_`.
fn nmtoken(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ':') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn forbidden_characters_are_refused_however_they_are_written() {
        let head = "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file original=\"a\" source-language=\"en\" target-language=\"fa\" datatype=\"plaintext\"><body>\n";
        let cases = [
            format!("{head}<trans-unit id=\"a/1\"><source>x</source><target>y &#4;</target></trans-unit></body></file></xliff>"),
            format!("{head}<trans-unit id=\"a/&#x1F;\"><source>x</source></trans-unit></body></file></xliff>"),
        ];
        for text in cases {
            let err = parse(&text, Path::new("fa.xlf")).unwrap_err().to_string();
            assert!(err.contains("fa.xlf:3"), "{text}: {err}");
            assert!(err.contains("XML does not allow"), "{text}: {err}");
        }
    }
    use crate::formats::inline_codes::split;

    fn doc(status: Status, target: &str) -> Document {
        Document {
            source_lang: "en".into(),
            target_lang: "fa".into(),
            memory_revision: 42,
            files: vec![File {
                id: "intro".into(),
                original: "source/intro.md".into(),
                units: vec![Unit {
                    id: "intro/0011aabb".into(),
                    source: "Read **the [report](https://e.org/x)** & `code`.".into(),
                    target: target.into(),
                    status,
                    previous_source: (status == Status::Fuzzy)
                        .then(|| ("Read the report.".to_string(), Some(80))),
                    line: 3,
                    verdict: None,
                    glossary: vec!["glossary: report = rapor".into()],
                }],
            }],
        }
    }

    #[test]
    fn both_versions_read_back_to_the_same_markdown() {
        let target = "[گزارش](https://e.org/x) را **بخوانید** و `code` <b>نو</b>.";
        for version in [Version::V1_2, Version::V2_1] {
            for status in [Status::Translated, Status::Fuzzy] {
                let text = write(&doc(status, target), version);
                let read = parse(&text, Path::new("x.xlf")).unwrap();
                assert_eq!(read.version, version);
                assert_eq!(read.memory_revision, Some(42), "{text}");
                assert_eq!(
                    (read.source_lang.as_str(), read.target_lang.as_str()),
                    ("en", "fa")
                );
                let unit = &read.units[0];
                assert_eq!(unit.id, "intro/0011aabb");
                assert_eq!(unit.status, status, "{text}");
                let source = split("Read **the [report](https://e.org/x)** & `code`.");
                assert_eq!(
                    to_markdown(&unit.source, &source).unwrap(),
                    "Read **the [report](https://e.org/x)** & `code`."
                );
                assert_eq!(
                    to_markdown(unit.target.as_ref().unwrap(), &source).unwrap(),
                    target,
                    "{text}"
                );
            }
            let untranslated = parse(
                &write(&doc(Status::Untranslated, ""), version),
                Path::new("x.xlf"),
            )
            .unwrap();
            assert_eq!(untranslated.units[0].target, None);
            assert_eq!(untranslated.units[0].status, Status::Untranslated);
        }
    }

    #[test]
    fn only_an_approval_reads_back_as_reviewed_in_both_versions() {
        let verdict = |rejected| Verdict {
            rejected,
            by: "Ayşe".into(),
            comment: "reviewed by Ayşe on 2026-12-01 <ok>".into(),
        };
        for version in [Version::V1_2, Version::V2_1] {
            let mut d = doc(Status::Translated, "Raporu oku.");
            let read = |d: &Document| parse(&write(d, version), Path::new("x.xlf")).unwrap();
            assert!(!read(&d).units[0].reviewed, "translated is not reviewed");
            d.files[0].units[0].verdict = Some(verdict(false));
            let text = write(&d, version);
            assert!(
                text.contains("reviewed by Ayşe on 2026-12-01 &lt;ok&gt;"),
                "{text}"
            );
            let unit = &read(&d).units[0];
            assert!(unit.reviewed && unit.status == Status::Translated, "{text}");
            let mut d = doc(Status::Fuzzy, "Raporu oku.");
            d.files[0].units[0].verdict = Some(verdict(true));
            let unit = &read(&d).units[0];
            assert!(!unit.reviewed && unit.status == Status::Fuzzy);
        }
        // A target's `signed-off` counts unless the unit says `approved="no"`.
        let unit = |attrs: &str| {
            let text = format!("<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"tr\"><body><trans-unit id=\"c/1\"{attrs}><source>x</source><target state=\"signed-off\">y</target></trans-unit></body></file></xliff>");
            parse(&text, Path::new("x.xlf")).unwrap().units[0].reviewed
        };
        assert!(unit(""));
        assert!(!unit(" approved=\"no\""));
    }

    #[test]
    fn whitespace_and_line_ends_survive_both_versions() {
        let source = "Line one  \nline *two*\twith a tab, \r\nand CR.";
        let target = "Satır bir  \nsatır *iki*\tsekme, \r\nve CR. ";
        let mut d = doc(Status::Translated, target);
        d.files[0].units[0].source = source.into();
        for version in [Version::V1_2, Version::V2_1] {
            let read = parse(&write(&d, version), Path::new("x.xlf")).unwrap();
            let codes = split(source);
            let unit = &read.units[0];
            assert_eq!(to_markdown(&unit.source, &codes).unwrap(), source);
            assert_eq!(
                to_markdown(unit.target.as_ref().unwrap(), &codes).unwrap(),
                target
            );
        }
    }

    #[test]
    fn codes_other_tools_write_come_back_as_markdown() {
        let source = split("A **b** [c](u) d.");
        // OmegaT-style 1.2 with <bx/>/<ex/> and a <mrk> segment.
        let text = "<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"tr\"><body>\n<trans-unit id=\"ch/1\"><source>x</source>\n<target state=\"translated\"><mrk mtype=\"seg\" mid=\"1\">A <bx id=\"1\"/>B<ex id=\"1\"/> <g id=\"2\">C</g> D.</mrk></target></trans-unit></body></file></xliff>";
        let read = parse(text, Path::new("t.xlf")).unwrap();
        let target = read.units[0].target.as_ref().unwrap();
        assert_eq!(to_markdown(target, &source).unwrap(), "A **B** [C](u) D.");
        assert_eq!(read.units[0].line, 3);
        // An id the source does not have and no Markdown for it.
        let bad = "<xliff version=\"1.2\"><file><body><trans-unit id=\"ch/1\"><source>x</source><target><g id=\"9\">C</g></target></trans-unit></body></file></xliff>";
        let read = parse(bad, Path::new("t.xlf")).unwrap();
        let err = to_markdown(read.units[0].target.as_ref().unwrap(), &source).unwrap_err();
        assert!(err.to_string().contains("`9`"), "{err}");
    }

    #[test]
    fn entities_and_broken_xml_are_refused_with_a_line() {
        let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY a \"aaaa\">]>\n<xliff version=\"1.2\"/>";
        let err = parse(bomb, Path::new("x.xlf")).unwrap_err().to_string();
        assert!(err.starts_with("x.xlf:2: "), "{err}");
        let broken = "<xliff version=\"1.2\">\n<file>\n<trans-unit id=\"a\"><source>x</target>\n</file></xliff>";
        let err = parse(broken, Path::new("x.xlf")).unwrap_err().to_string();
        assert!(err.starts_with("x.xlf:3: "), "{err}");
        let other = "<xliff version=\"3.0\"/>";
        assert!(parse(other, Path::new("x.xlf")).is_err());
    }
}
