//! Reading XLIFF 1.2 and 2.x back: a state machine over [`xml::Reader`]
//! nodes with one small method per kind of element. Inline codes come back
//! as [`Inline`] items; [`to_markdown`] turns them into the source's
//! Markdown.

use std::collections::HashMap;
use std::path::Path;

use super::super::inline_codes::Piece;
use super::super::xml::{self, Element, Node};
use super::Version;
use crate::error::Result;
use crate::formats::Status;

/// A code as a CAT tool wrote it back: its id and, when the file carries
/// it, its original Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Open { id: String, data: Option<String> },
    Close { id: String, data: Option<String> },
    Standalone { id: String, data: Option<String> },
}

/// A unit read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadUnit {
    /// Segment id.
    pub id: String,
    pub source: Vec<Inline>,
    /// `None` when the unit has no target (or an empty one).
    pub target: Option<Vec<Inline>>,
    pub status: Status,
    /// A reviewer approved the target: 1.2 `approved="yes"` or a target
    /// `state` of `signed-off`/`final` (unless `approved="no"`), 2.x every
    /// segment `reviewed` or `final`.
    pub reviewed: bool,
    /// Line of the target (of the unit when it has none).
    pub line: usize,
}

/// A document read back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadDocument {
    pub version: Version,
    pub source_lang: String,
    pub target_lang: String,
    /// From our own marker, when the tool kept it.
    pub memory_revision: Option<i64>,
    /// Written for OmegaT ([`super::write_for_omegat`]): a target still
    /// equal to its source was not translated.
    pub for_omegat: bool,
    pub units: Vec<ReadUnit>,
}

/// Rebuilds Markdown from inline content, taking each code's Markdown from
/// the source segment (so the markup comes back byte for byte), or from the
/// file for markup only the translation has.
pub fn to_markdown(
    inline: &[Inline],
    source: &[Piece],
) -> std::result::Result<String, crate::error::Message> {
    let mut known: HashMap<String, (&str, &str)> = HashMap::new();
    for piece in source {
        match piece {
            Piece::Open { id, data, .. } | Piece::Standalone { id, data, .. } => {
                known.insert(id.to_string(), (data.as_str(), ""));
            }
            Piece::Close { id, data, .. } => {
                if let Some(entry) = known.get_mut(&id.to_string()) {
                    entry.1 = data.as_str();
                }
            }
            Piece::Text(_) => {}
        }
    }
    let mut out = String::new();
    for item in inline {
        let (id, data, close) = match item {
            Inline::Text(t) => {
                out.push_str(t);
                continue;
            }
            Inline::Open { id, data } | Inline::Standalone { id, data } => (id, data, false),
            Inline::Close { id, data } => (id, data, true),
        };
        match (known.get(id), data) {
            (Some((open, end)), _) => out.push_str(if close { end } else { open }),
            (None, Some(data)) => out.push_str(data),
            (None, None) => return Err(crate::said!("xliff-code-not-in-source", "id" => id)),
        }
    }
    Ok(out)
}

/// Reads an XLIFF 1.2 or 2.x document. `path` names the file in errors.
pub fn parse(text: &str, path: &Path) -> Result<ReadDocument> {
    let mut reader = xml::Reader::new(text, path)?;
    let mut xliff = XliffReader::default();
    loop {
        match reader.read_node()? {
            (Node::Open { element, empty }, _) => xliff.open(&element, empty)?,
            (Node::Close(name), _) => xliff.close(&name),
            (Node::Text(t), _) => xliff.text(&t),
            (Node::End, _) => break,
        }
    }
    if !xliff.seen_root {
        return Err(reader.error(1, crate::said!("xliff-not-xliff-document-xliff")));
    }
    let mut doc = xliff.doc;
    if doc.for_omegat {
        for unit in &mut doc.units {
            if unit.target.as_ref() == Some(&unit.source) {
                unit.target = None;
                unit.status = Status::Untranslated;
            }
        }
    }
    Ok(doc)
}

/// Where the reader is inside a unit.
#[derive(Default)]
struct UnitState {
    id: String,
    line: usize,
    source: Vec<Inline>,
    target: Vec<Inline>,
    has_target: bool,
    target_line: usize,
    status: Option<Status>,
    /// 1.2 `approved`, when the unit has it.
    approved: Option<bool>,
    /// The target's (1.2) or every segment's (2.x) state says reviewed.
    reviewed_state: Option<bool>,
    /// 2.x `<originalData>`.
    data: HashMap<String, String>,
}

/// Which half of a code a 1.2 native-data element is.
#[derive(Clone, Copy)]
enum CodeRole {
    Open,
    Close,
    Standalone,
}

/// A 1.2 code whose content is its Markdown (`<ph>`, `<bpt>`, `<ept>`,
/// `<it>`), while its content is read.
struct NativeCode {
    id: String,
    data: String,
    role: CodeRole,
    /// Elements open inside it.
    depth: usize,
}

/// The reader's position in the document.
#[derive(Default)]
struct XliffReader {
    doc: ReadDocument,
    seen_root: bool,
    /// The current `<file>`'s id (2.x unit ids are relative to it).
    file_id: String,
    unit: Option<UnitState>,
    /// Inside the unit's `<source>` (false) or `<target>` (true).
    flow: Option<bool>,
    /// Depth inside elements whose content is not the unit's own
    /// (alt-trans, matches, notes, context).
    skip_depth: usize,
    native: Option<NativeCode>,
    /// Inside a 2.x `<data>`: its id.
    data_key: Option<String>,
    /// Open 2.x `<pc>`/1.2 `<g>` codes (and markers, with an empty id), to
    /// close them with their id and `dataRefEnd`.
    open_codes: Vec<(String, Option<String>)>,
}

impl XliffReader {
    fn open(&mut self, e: &Element, empty: bool) -> Result<()> {
        if self.skip_depth > 0 {
            self.skip_depth += usize::from(!empty);
            return Ok(());
        }
        if let Some(native) = self.native.as_mut() {
            native.depth += usize::from(!empty);
            return Ok(());
        }
        if self.flow.is_some() && self.unit.is_some() {
            return self.open_code(e, empty);
        }
        self.open_structure(e, empty)
    }

    /// The content being read: the unit's source or target.
    fn content(&mut self) -> Option<&mut Vec<Inline>> {
        let is_target = self.flow?;
        let unit = self.unit.as_mut()?;
        Some(if is_target {
            &mut unit.target
        } else {
            &mut unit.source
        })
    }

    /// An inline code or marker inside `<source>` or `<target>`.
    fn open_code(&mut self, e: &Element, empty: bool) -> Result<()> {
        let id = || e.required("id", crate::said!("xliff-code-without-id"));
        let item = match (e.local_name(), empty) {
            (b"g", false) => {
                let id = id()?;
                self.open_codes.push((id.clone(), None));
                Inline::Open { id, data: None }
            }
            (b"pc", false) => {
                let id = id()?;
                self.open_codes.push((id.clone(), e.attr("dataRefEnd")?));
                Inline::Open {
                    id,
                    data: e.attr("dataRefStart")?,
                }
            }
            (b"g" | b"pc", true) => {
                let id = id()?;
                self.push(Inline::Open {
                    id: id.clone(),
                    data: None,
                });
                Inline::Close { id, data: None }
            }
            (b"x" | b"ph", true) => Inline::Standalone {
                id: id()?,
                data: e.attr("dataRef")?,
            },
            (b"bx" | b"sc", true) => Inline::Open {
                id: id()?,
                data: e.attr("dataRef")?,
            },
            (b"ex" | b"ec", true) => Inline::Close {
                id: match e.attr("startRef")? {
                    Some(r) => r,
                    None => id()?,
                },
                data: e.attr("dataRef")?,
            },
            (b"ph" | b"it", false) => return self.open_native(id()?, CodeRole::Standalone),
            (b"bpt", false) => return self.open_native(id()?, CodeRole::Open),
            (b"ept", false) => return self.open_native(id()?, CodeRole::Close),
            (b"cp", true) => Inline::Text(code_point(e)?.to_string()),
            // <mrk>, <sm/>, <em/> and other markers: their text counts.
            _ => {
                self.open_codes.push((String::new(), None));
                return Ok(());
            }
        };
        self.push(item);
        Ok(())
    }

    fn open_native(&mut self, id: String, role: CodeRole) -> Result<()> {
        self.native = Some(NativeCode {
            id,
            data: String::new(),
            role,
            depth: 0,
        });
        Ok(())
    }

    fn push(&mut self, item: Inline) {
        if let Some(content) = self.content() {
            content.push(item);
        }
    }

    /// Elements outside inline content: document, file, unit, segment,
    /// source and target, 2.x original data, and what is skipped.
    fn open_structure(&mut self, e: &Element, empty: bool) -> Result<()> {
        let in_unit = self.unit.is_some();
        match e.local_name() {
            b"xliff" => self.open_root(e)?,
            b"file" => self.open_file(e)?,
            b"phase" => {
                if e.attr("process-name")?.as_deref() == Some(super::OMEGAT_PROCESS) {
                    self.doc.for_omegat = true;
                }
                if let Some(r) = e
                    .attr("job-id")?
                    .and_then(|j| j.strip_prefix("memory-revision-").map(str::to_string))
                {
                    self.doc.memory_revision = r.parse().ok();
                }
            }
            b"trans-unit" | b"unit" if !empty => self.open_unit(e)?,
            b"segment" | b"ignorable" if in_unit => self.open_segment(e)?,
            b"source" | b"target" if in_unit && !empty => self.open_flow(e)?,
            b"data" if in_unit && !empty => {
                let key = e.attr("id")?.unwrap_or_default();
                if let Some(u) = self.unit.as_mut() {
                    u.data.insert(key.clone(), String::new());
                }
                self.data_key = Some(key);
            }
            b"alt-trans" | b"matches" | b"notes" | b"note" | b"context-group" | b"seg-source"
                if !empty =>
            {
                self.skip_depth = 1
            }
            _ => {}
        }
        Ok(())
    }

    fn open_root(&mut self, e: &Element) -> Result<()> {
        self.seen_root = true;
        let version = e.attr("version")?.unwrap_or_default();
        self.doc.version = if version.starts_with('2') {
            Version::V2_1
        } else if version == "1.2" || version == "1.1" {
            // 1.1 (what translate-toolkit's po2xliff writes) reads as 1.2.
            Version::V1_2
        } else {
            return Err(e.error(crate::said!("xliff-version", "version" => version)));
        };
        if let Some(lang) = e.attr("srcLang")? {
            self.doc.source_lang = lang;
        }
        if let Some(lang) = e.attr("trgLang")? {
            self.doc.target_lang = lang;
        }
        Ok(())
    }

    fn open_file(&mut self, e: &Element) -> Result<()> {
        if let Some(lang) = e.attr("source-language")? {
            self.doc.source_lang = lang;
        }
        if let Some(lang) = e.attr("target-language")? {
            self.doc.target_lang = lang;
        }
        if let Some(r) = e.attr("memory-revision")? {
            self.doc.memory_revision = r.parse().ok();
        }
        self.file_id = e.attr("id")?.unwrap_or_default();
        Ok(())
    }

    /// The segment id: a 1.2 `name` holding it whole, or a 2.x unit id
    /// relative to its file's id, or the id itself.
    fn open_unit(&mut self, e: &Element) -> Result<()> {
        let is_2x = e.local_name() == b"unit";
        let id = match (e.attr("name")?, e.attr("id")?) {
            (Some(name), _) if name.contains('/') => name,
            (_, Some(id)) if is_2x && !self.file_id.is_empty() => {
                format!("{}/{id}", self.file_id)
            }
            (_, Some(id)) => id,
            (_, None) => return Err(e.error(crate::said!("xliff-unit-without-id"))),
        };
        self.unit = Some(UnitState {
            id,
            line: e.line(),
            approved: e.attr("approved")?.map(|a| a == "yes"),
            ..UnitState::default()
        });
        Ok(())
    }

    /// A 2.x segment's state; the least finished segment decides the unit.
    fn open_segment(&mut self, e: &Element) -> Result<()> {
        if let (Some(state), Some(u)) = (e.attr("state")?, self.unit.as_mut()) {
            // `initial` with a target: not confirmed, so fuzzy.
            let status = match state.as_str() {
                "translated" | "reviewed" | "final" => Status::Translated,
                _ => Status::Fuzzy,
            };
            u.status = Some(u.status.map_or(status, |s| s.min(status)));
            let reviewed = matches!(state.as_str(), "reviewed" | "final");
            u.reviewed_state = Some(u.reviewed_state.unwrap_or(true) && reviewed);
        }
        Ok(())
    }

    fn open_flow(&mut self, e: &Element) -> Result<()> {
        let is_target = e.local_name() == b"target";
        if is_target {
            let state = e.attr("state")?;
            if let Some(u) = self.unit.as_mut() {
                u.has_target = true;
                u.target_line = e.line();
                if let Some(state) = state {
                    u.reviewed_state = Some(matches!(state.as_str(), "signed-off" | "final"));
                    u.status = Some(match state.as_str() {
                        "translated" | "signed-off" | "final" => Status::Translated,
                        "new" | "needs-translation" => Status::Untranslated,
                        _ => Status::Fuzzy,
                    });
                }
            }
        }
        self.flow = Some(is_target);
        Ok(())
    }

    fn text(&mut self, s: &str) {
        if self.skip_depth > 0 || self.unit.is_none() {
            return;
        }
        if let Some(native) = self.native.as_mut() {
            native.data.push_str(s);
        } else if let Some(content) = self.content() {
            match content.last_mut() {
                Some(Inline::Text(t)) => t.push_str(s),
                _ => content.push(Inline::Text(s.to_string())),
            }
        } else if let (Some(key), Some(u)) = (&self.data_key, self.unit.as_mut()) {
            u.data.entry(key.clone()).or_default().push_str(s);
        }
    }

    fn close(&mut self, name: &[u8]) {
        if self.skip_depth > 0 {
            self.skip_depth -= 1;
        } else if self.native.is_some() {
            self.close_native();
        } else if self.flow.is_some() {
            self.close_in_flow(name);
        } else {
            match name {
                b"data" => self.data_key = None,
                b"trans-unit" | b"unit" => {
                    if let Some(u) = self.unit.take() {
                        self.doc.units.push(finish_unit(u, self.doc.version));
                    }
                }
                _ => {}
            }
        }
    }

    /// The end of an element inside a native-data code, or of the code.
    fn close_native(&mut self) {
        let Some(native) = self.native.as_mut() else {
            return;
        };
        if native.depth > 0 {
            native.depth -= 1;
            return;
        }
        let NativeCode { id, data, role, .. } = self.native.take().expect("checked");
        let data = Some(data);
        self.push(match role {
            CodeRole::Open => Inline::Open { id, data },
            CodeRole::Close => Inline::Close { id, data },
            CodeRole::Standalone => Inline::Standalone { id, data },
        });
    }

    /// The end of `<source>`/`<target>`, or of a paired code inside it.
    fn close_in_flow(&mut self, name: &[u8]) {
        if matches!(name, b"source" | b"target") && self.open_codes.is_empty() {
            self.flow = None;
            return;
        }
        let (id, data) = self.open_codes.pop().unwrap_or_default();
        if !id.is_empty() {
            self.push(Inline::Close { id, data });
        }
    }
}

/// `<cp hex="…"/>`: a character the file could not hold literally.
fn code_point(e: &Element) -> Result<char> {
    let hex = e.attr("hex")?.unwrap_or_default();
    u32::from_str_radix(&hex, 16)
        .ok()
        .and_then(char::from_u32)
        .ok_or_else(|| e.error(crate::said!("xliff-bad-cp", "hex" => hex)))
}

/// Resolves 2.x `dataRef`s into the Markdown they name (1.2 codes carry
/// their Markdown, if any, as content), and settles the status.
fn finish_unit(u: UnitState, version: Version) -> ReadUnit {
    let data = &u.data;
    let resolve = |items: Vec<Inline>| -> Vec<Inline> {
        if version == Version::V1_2 {
            return items;
        }
        let look = |d: Option<String>| d.and_then(|key| data.get(&key).cloned());
        items
            .into_iter()
            .map(|item| match item {
                Inline::Open { id, data } => Inline::Open {
                    id,
                    data: look(data),
                },
                Inline::Close { id, data } => Inline::Close {
                    id,
                    data: look(data),
                },
                Inline::Standalone { id, data } => Inline::Standalone {
                    id,
                    data: look(data),
                },
                text => text,
            })
            .collect()
    };
    let source = resolve(u.source);
    let target = resolve(u.target);
    let empty = target
        .iter()
        .all(|i| matches!(i, Inline::Text(t) if t.is_empty()));
    // A filled target whose state says it is not translated yet
    // (`needs-translation`, `new`) is a draft: fuzzy, which the PO files,
    // the memory and the editions can all say, rather than an untranslated
    // segment with text that a PO file could not show as such.
    let status = if !u.has_target || empty {
        Status::Untranslated
    } else if u.approved == Some(true) {
        Status::Translated
    } else {
        match u.status.unwrap_or(Status::Translated) {
            Status::Untranslated => Status::Fuzzy,
            status => status,
        }
    };
    let reviewed = status == Status::Translated
        && u.approved.unwrap_or_else(|| u.reviewed_state == Some(true));
    ReadUnit {
        id: u.id,
        source,
        target: (u.has_target && !empty).then_some(target),
        status,
        reviewed,
        line: if u.has_target { u.target_line } else { u.line },
    }
}
