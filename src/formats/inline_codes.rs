//! Inline Markdown as XLIFF inline codes: a segment's text split into the
//! words a translator translates and the markup a CAT tool must protect
//! (`**`, `[`…`](url)`, `` `code` ``, inline HTML, autolinks, hard breaks).
//!
//! Every byte of the segment is either text or the `data` of one code, so
//! joining the pieces gives the Markdown back byte for byte. Paired codes
//! (emphasis, strong, strikethrough, links, images) keep the text between
//! their two halves translatable; everything else is a standalone code.

use pulldown_cmark::{Event, LinkType, Parser, Tag};

use crate::source::{markdown_options, wrap_inline};

/// What a code stands for, to tell CAT tools how to show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    Strong,
    Emphasis,
    Strikethrough,
    Link,
    Image,
    /// Inline code, HTML, autolinks, footnote references: kept whole.
    Protected,
    LineBreak,
}

impl CodeKind {
    /// The code's type as XLIFF 1.2 (`ctype`) and TMX (`type`) name it:
    /// their recommended values where one fits, `x-` names otherwise.
    pub fn type_name(self) -> &'static str {
        match self {
            CodeKind::Strong => "bold",
            CodeKind::Emphasis => "italic",
            CodeKind::Strikethrough => "x-strikethrough",
            CodeKind::Link => "link",
            CodeKind::Image => "x-image",
            CodeKind::Protected => "x-markdown",
            CodeKind::LineBreak => "lb",
        }
    }
}

/// A piece of a segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// The first half of a paired code; `id` is shared with its `Close`.
    Open {
        id: u32,
        kind: CodeKind,
        data: String,
    },
    Close {
        id: u32,
        kind: CodeKind,
        data: String,
    },
    Standalone {
        id: u32,
        kind: CodeKind,
        data: String,
    },
}

/// The Markdown the pieces stand for.
pub fn join(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Open { data, .. }
            | Piece::Close { data, .. }
            | Piece::Standalone { data, .. } => out.push_str(data),
        }
    }
    out
}

/// A markup span found in the text: byte range, kind, and for paired codes
/// the index of its other half.
struct Span {
    start: usize,
    end: usize,
    kind: CodeKind,
    role: Role,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Standalone,
}

/// Splits a segment's Markdown into text and codes, numbering codes from 1 in
/// reading order (a pair takes one number).
pub fn split(markdown: &str) -> Vec<Piece> {
    let spans = markup_spans(markdown);
    let mut pieces = Vec::new();
    let mut cursor = 0;
    let mut next_id = 1;
    let mut open_ids: Vec<u32> = Vec::new();
    for span in spans {
        if span.start > cursor {
            pieces.push(Piece::Text(markdown[cursor..span.start].to_string()));
        }
        let data = markdown[span.start..span.end].to_string();
        let kind = span.kind;
        pieces.push(match span.role {
            Role::Open => {
                open_ids.push(next_id);
                next_id += 1;
                Piece::Open {
                    id: next_id - 1,
                    kind,
                    data,
                }
            }
            Role::Close => Piece::Close {
                id: open_ids.pop().expect("spans come from a tree"),
                kind,
                data,
            },
            Role::Standalone => {
                next_id += 1;
                Piece::Standalone {
                    id: next_id - 1,
                    kind,
                    data,
                }
            }
        });
        cursor = span.end;
    }
    if cursor < markdown.len() {
        pieces.push(Piece::Text(markdown[cursor..].to_string()));
    }
    pieces
}

/// Splits a translation like [`split`], numbering its codes after the source
/// codes they repeat (same markup, in order), so that a CAT tool sees the
/// same code in source and target. Markup the source does not have gets
/// numbers after the source's.
pub fn split_like(translation: &str, source: &[Piece]) -> Vec<Piece> {
    let mut pieces = split(translation);
    // Source codes not yet matched: (id, open data or whole data, close data).
    let mut free: Vec<(u32, bool, String, String)> = Vec::new();
    for piece in source {
        match piece {
            Piece::Open { id, data, .. } => free.push((*id, true, data.clone(), String::new())),
            Piece::Close { id, data, .. } => {
                if let Some(f) = free.iter_mut().find(|f| f.0 == *id) {
                    f.3 = data.clone();
                }
            }
            Piece::Standalone { id, data, .. } => {
                free.push((*id, false, data.clone(), String::new()))
            }
            Piece::Text(_) => {}
        }
    }
    let mut next_new = free.iter().map(|f| f.0).max().unwrap_or(0) + 1;
    // Close data of each target pair, to match pairs on both halves.
    let mut close_of = std::collections::HashMap::new();
    for piece in &pieces {
        if let Piece::Close { id, data, .. } = piece {
            close_of.insert(*id, data.clone());
        }
    }
    let mut renumber = std::collections::HashMap::new();
    for piece in &pieces {
        let (old, paired, open, close) = match piece {
            Piece::Open { id, data, .. } => (*id, true, data, close_of.get(id).cloned()),
            Piece::Standalone { id, data, .. } => (*id, false, data, None),
            _ => continue,
        };
        let close = close.unwrap_or_default();
        let found = free
            .iter()
            .position(|f| f.1 == paired && &f.2 == open && f.3 == close);
        let new = match found {
            Some(i) => free.remove(i).0,
            None => {
                next_new += 1;
                next_new - 1
            }
        };
        renumber.insert(old, new);
    }
    for piece in &mut pieces {
        match piece {
            Piece::Open { id, .. } | Piece::Close { id, .. } | Piece::Standalone { id, .. } => {
                *id = renumber[id]
            }
            Piece::Text(_) => {}
        }
    }
    pieces
}

/// The markup of one segment, in order, from pulldown-cmark's event ranges.
/// Text that does not parse as one inline paragraph is all text.
fn markup_spans(markdown: &str) -> Vec<Span> {
    let (wrapped, offset, end) = wrap_inline(markdown);
    let events: Vec<(Event, std::ops::Range<usize>)> =
        Parser::new_ext(&wrapped, markdown_options())
            .into_offset_iter()
            .take_while(|(_, r)| r.start < end)
            .collect();
    // Expect Start(Paragraph) … End(Paragraph) around everything.
    let inner = match events.as_slice() {
        [(Event::Start(Tag::Paragraph), _), inner @ .., (Event::End(_), _)] => inner,
        _ => return Vec::new(),
    };
    if inner.iter().any(|(e, _)| {
        matches!(
            e,
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::List(_) | Tag::Item)
        )
    }) {
        return Vec::new();
    }
    let mut spans = Vec::new();
    let mut i = 0;
    collect(inner, &wrapped, &mut i, &mut spans);
    if spans.iter().any(|s| s.start < offset || s.end > end) {
        return Vec::new();
    }
    for s in &mut spans {
        s.start -= offset;
        s.end -= offset;
    }
    spans.retain(|s| s.end > s.start);
    spans
}

/// Walks events from `*i` until the end of the current level, pushing spans.
/// Returns the (start, end) extent of what it walked, if anything.
fn collect(
    events: &[(Event, std::ops::Range<usize>)],
    text: &str,
    i: &mut usize,
    spans: &mut Vec<Span>,
) -> Option<(usize, usize)> {
    let mut extent: Option<(usize, usize)> = None;
    let widen = |extent: &mut Option<(usize, usize)>, r: &std::ops::Range<usize>| {
        *extent = Some(match *extent {
            None => (r.start, r.end),
            Some((s, e)) => (s.min(r.start), e.max(r.end)),
        });
    };
    while *i < events.len() {
        let (event, range) = &events[*i];
        *i += 1;
        match event {
            Event::End(_) => {
                *i -= 1;
                return extent;
            }
            Event::Start(tag) => {
                collect_element(events, text, i, spans, tag, range);
                widen(&mut extent, range);
            }
            Event::Code(_)
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_) => {
                spans.push(Span {
                    start: range.start,
                    end: range.end,
                    kind: CodeKind::Protected,
                    role: Role::Standalone,
                });
                widen(&mut extent, range);
            }
            Event::HardBreak => {
                spans.push(Span {
                    start: range.start,
                    end: range.end,
                    kind: CodeKind::LineBreak,
                    role: Role::Standalone,
                });
                widen(&mut extent, range);
            }
            _ => widen(&mut extent, range),
        }
    }
    extent
}

/// An inline element whose start was just read: a pair of codes around
/// its content, or one code for the whole of it when it has no content to
/// translate (an autolink, an empty element, a tag we do not translate
/// inside).
fn collect_element(
    events: &[(Event, std::ops::Range<usize>)],
    text: &str,
    i: &mut usize,
    spans: &mut Vec<Span>,
    tag: &Tag,
    range: &std::ops::Range<usize>,
) {
    let kind = match tag {
        Tag::Strong => Some(CodeKind::Strong),
        Tag::Emphasis => Some(CodeKind::Emphasis),
        Tag::Strikethrough => Some(CodeKind::Strikethrough),
        Tag::Link {
            link_type: LinkType::Autolink | LinkType::Email,
            ..
        } => None,
        Tag::Link { .. } => Some(CodeKind::Link),
        Tag::Image { .. } => Some(CodeKind::Image),
        _ => None,
    };
    let at = spans.len();
    let inner = collect(events, text, i, spans);
    *i += 1; // the End
    match (kind, inner) {
        (Some(kind), Some((first, last))) => {
            spans.insert(
                at,
                Span {
                    start: range.start,
                    end: first,
                    kind,
                    role: Role::Open,
                },
            );
            // A title (`[a](url "title")`) is words to translate: the
            // close stops before it, and its end quote is a code of its own.
            let title = match tag {
                Tag::Link { title, .. } | Tag::Image { title, .. } if !title.is_empty() => {
                    title_within(&text[last..range.end]).map(|(s, e)| (last + s, last + e))
                }
                _ => None,
            };
            let (close_end, rest) = match title {
                Some((start, end)) => (start, Some(end)),
                None => (range.end, None),
            };
            spans.push(Span {
                start: last,
                end: close_end,
                kind,
                role: Role::Close,
            });
            if let Some(end) = rest {
                spans.push(Span {
                    start: end,
                    end: range.end,
                    kind: CodeKind::Protected,
                    role: Role::Standalone,
                });
            }
        }
        (kind, _) => {
            spans.truncate(at);
            spans.push(Span {
                start: range.start,
                end: range.end,
                kind: kind.unwrap_or(CodeKind::Protected),
                role: Role::Standalone,
            });
        }
    }
}

/// Where the title stands in the end of an inline link or image
/// (`](url "title")`, `'title'` or `(title)`): the byte range of its
/// words, between the quotes. `None` when there is none to translate.
fn title_within(close: &str) -> Option<(usize, usize)> {
    let body = close.strip_suffix(')')?.trim_end();
    let quote = body.chars().last()?;
    let opener = match quote {
        '"' | '\'' => quote,
        ')' => '(',
        _ => return None,
    };
    let end = body.len() - 1;
    let bytes = body.as_bytes();
    let mut at = end;
    while at > 0 {
        at -= 1;
        if bytes[at] != opener as u8 {
            continue;
        }
        let escapes = bytes[..at]
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count();
        if escapes % 2 == 0 {
            let spaced = at > 0 && bytes[at - 1].is_ascii_whitespace();
            return (spaced && at + 1 < end).then_some((at + 1, end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(pieces: &[Piece]) -> Vec<String> {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) => format!("T({t})"),
                Piece::Open { id, data, .. } => format!("O{id}({data})"),
                Piece::Close { id, data, .. } => format!("C{id}({data})"),
                Piece::Standalone { id, data, .. } => format!("S{id}({data})"),
            })
            .collect()
    }

    #[test]
    fn markup_becomes_codes_and_text_stays_text() {
        let md = "Read **the [report](https://example.org/a_b \"T\")** and `run --fast`, see <https://x.org>.";
        let pieces = split(md);
        assert_eq!(
            codes(&pieces),
            [
                "T(Read )",
                "O1(**)",
                "T(the )",
                "O2([)",
                "T(report)",
                "C2(](https://example.org/a_b \")",
                "T(T)",
                "S3(\"))",
                "C1(**)",
                "T( and )",
                "S4(`run --fast`)",
                "T(, see )",
                "S5(<https://x.org>)",
                "T(.)",
            ]
            .map(String::from)
        );
        assert_eq!(join(&pieces), md);
    }

    #[test]
    fn a_title_is_text_to_translate_in_any_of_its_three_quotes() {
        for (md, close, title, end) in [
            (
                "![A map](m.png \"The region\")",
                "](m.png \"",
                "The region",
                "\")",
            ),
            ("[a](u 'say \\'hi\\'' )", "](u '", "say \\'hi\\'", "' )"),
            ("[a](<u v> (old))", "](<u v> (", "old", "))"),
        ] {
            let pieces = split(md);
            assert_eq!(
                codes(&pieces)[2..],
                [
                    format!("C1({close})"),
                    format!("T({title})"),
                    format!("S2({end})")
                ],
                "{md}"
            );
            assert_eq!(join(&pieces), md);
        }
        // No title, or one in a reference's definition: the close is whole.
        assert_eq!(codes(&split("[a](u)"))[2], "C1(](u))");
        assert_eq!(codes(&split("[a][r]\n\n[r]: u \"T\""))[2], "C1(][r])");
    }

    #[test]
    fn every_byte_comes_back() {
        for md in [
            "",
            "plain",
            "1. not a list",
            "# not a heading",
            "*a* _b_ ~~c~~ ***d*** \\*e\\* &amp; <b>f</b> ![alt](x.png) [ref][r] [^1]",
            "line  \nbreak\\\nagain",
            "unbalanced **bold",
            "[](empty)",
            "یک **متن**\u{200c}ها",
        ] {
            assert_eq!(join(&split(md)), md, "{md:?}");
        }
    }

    #[test]
    fn a_translation_reuses_the_source_numbers() {
        let source = split("A *b* and **c** [d](u).");
        let target = split_like("[D](u) **C**, *B* [new](v).", &source);
        let ids: Vec<String> = codes(&target);
        assert_eq!(
            ids,
            [
                "O3([)", "T(D)", "C3(](u))", "T( )", "O2(**)", "T(C)", "C2(**)", "T(, )", "O1(*)",
                "T(B)", "C1(*)", "T( )", "O4([)", "T(new)", "C4(](v))", "T(.)",
            ]
            .map(String::from)
        );
    }
}
