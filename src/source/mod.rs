//! Stage 1: Markdown chapter -> translatable segments.
//!
//! In: one chapter's Markdown text. Out: a [`ChapterDoc`], the chapter's
//! event stream in which every translatable leaf block (heading, paragraph,
//! list item, block-quote paragraph, table cell) is replaced by a [`Leaf`]
//! holding its inline Markdown exactly as written, split into sentences, each
//! with its line. Code blocks, raw HTML, link definitions and URLs stay in the
//! event stream and are never offered for translation. Pure: no I/O.
//!
//! The same structure drives rendering (`edition::render`), so segments and
//! the blocks they are put back into can never disagree.

pub mod raw_html;
pub mod sentence;

use std::ops::Range;

use pulldown_cmark::{BrokenLink, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Markdown extensions every stage parses with.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// What kind of block a segment comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Heading(u8),
    Paragraph,
    ListItem,
    Quote,
    TableCell,
}

impl BlockKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Heading(_) => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::ListItem => "list-item",
            BlockKind::Quote => "quote",
            BlockKind::TableCell => "table-cell",
        }
    }

    /// Headings are one segment; other blocks are split into sentences.
    fn splits_into_sentences(self) -> bool {
        matches!(
            self,
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Quote
        )
    }
}

/// One translatable unit: a sentence, or a whole heading or table cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Stable identity (`chapter/hash`, PO `msgctxt`), derived from the English text.
    pub id: String,
    pub kind: BlockKind,
    /// Inline Markdown as written in the source.
    pub text: String,
    /// 1-based line in the chapter file.
    pub line: usize,
}

/// A translatable leaf block and its segments, in order.
#[derive(Debug, Clone)]
pub struct Leaf {
    pub kind: BlockKind,
    pub segments: Vec<Segment>,
    /// Heading anchor, derived from the English text so links work in every language.
    pub anchor: Option<String>,
}

/// One piece of a parsed chapter.
#[derive(Debug, Clone)]
pub enum Node {
    /// Structure (or untranslatable content) passed through unchanged.
    Event(Event<'static>),
    Leaf(Leaf),
}

/// A link reference definition (`[label]: url "title"`), kept so that a
/// sentence using `[text][label]` renders on its own.
#[derive(Debug, Clone)]
pub struct LinkDefinition {
    pub label: String,
    pub url: String,
    pub title: String,
}

/// A chapter, parsed.
#[derive(Debug, Clone)]
pub struct ChapterDoc {
    pub slug: String,
    pub nodes: Vec<Node>,
    pub links: Vec<LinkDefinition>,
    /// Text of the first heading, the chapter's title.
    pub title: Option<String>,
    /// Lines of raw HTML that scripts (see [`raw_html`]): the editions drop
    /// the scripting, and the build names these lines.
    pub scripting_lines: Vec<usize>,
    /// Labels of the footnotes the chapter defines, numbered in this order
    /// (by first reference in the source, then the unreferenced ones) in
    /// every language.
    pub footnotes: Vec<String>,
    /// Every image the chapter shows, as written, with its line.
    pub images: Vec<ImageRef>,
}

/// An image in a chapter: its URL as the Markdown gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRef {
    pub url: String,
    pub line: usize,
}

impl ChapterDoc {
    pub fn leaves(&self) -> impl Iterator<Item = &Leaf> {
        self.nodes.iter().filter_map(|n| match n {
            Node::Leaf(l) => Some(l),
            Node::Event(_) => None,
        })
    }

    pub fn segments(&self) -> impl Iterator<Item = &Segment> {
        self.leaves().flat_map(|l| l.segments.iter())
    }
}

/// A leaf being collected: its kind and the byte range of its inline content.
struct OpenLeaf {
    kind: BlockKind,
    /// Whether it was opened by an event (paragraph, heading, cell) rather than
    /// by inline content directly inside a tight list item.
    explicit: bool,
    range: Option<Range<usize>>,
    heading_event: Option<usize>,
    /// Code spans and inline HTML in it, whose line breaks are not soft or
    /// hard breaks: a code span's becomes a space, raw HTML keeps its own.
    verbatim: Vec<(Range<usize>, Verbatim)>,
}

/// Inline content whose line breaks belong to it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Verbatim {
    Code,
    Html,
}

/// Parses one chapter into sentence segments. `slug` prefixes segment identities.
pub fn segment_chapter(slug: &str, markdown: &str) -> ChapterDoc {
    segment_chapter_with(
        slug,
        markdown,
        crate::project::Segmentation::Sentence,
        &sentence::Rules::default(),
    )
}

/// Parses one chapter, splitting blocks into sentences or not.
pub fn segment_chapter_with(
    slug: &str,
    markdown: &str,
    mode: crate::project::Segmentation,
    rules: &sentence::Rules,
) -> ChapterDoc {
    // Front matter (`---` YAML or `+++` TOML at the top) is metadata, never a segment.
    let options = markdown_options()
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let parser = Parser::new_ext(markdown, options);
    let mut chapter = Segmenter {
        markdown,
        sentences: (mode == crate::project::Segmentation::Sentence).then_some(rules),
        whole_next: false,
        line_starts: line_starts(markdown),
        links: link_definitions(&parser),
        nodes: Vec::new(),
        containers: Vec::new(),
        quote_depth: 0,
        open: None,
        depth_inline: 0,
        ids: IdAllocator::new(slug),
        anchors: AnchorAllocator::default(),
        title: None,
        verbatim: false,
        scripting_lines: Vec::new(),
        referenced: Vec::new(),
        defined: Vec::new(),
        images: Vec::new(),
    };
    for (event, range) in parser.into_offset_iter() {
        chapter.event(event, range);
    }
    chapter.close();
    let footnotes = chapter.footnotes();
    ChapterDoc {
        slug: slug.to_string(),
        nodes: chapter.nodes,
        links: chapter.links,
        title: chapter.title,
        scripting_lines: chapter.scripting_lines,
        footnotes,
        images: chapter.images,
    }
}

/// The chapter's link reference definitions, by label.
fn link_definitions(parser: &Parser) -> Vec<LinkDefinition> {
    let mut links: Vec<LinkDefinition> = parser
        .reference_definitions()
        .iter()
        .map(|(label, def)| LinkDefinition {
            label: label.to_string(),
            url: def.dest.to_string(),
            title: def
                .title
                .as_ref()
                .map(|t| t.to_string())
                .unwrap_or_default(),
        })
        .collect();
    links.sort_by(|a, b| a.label.cmp(&b.label));
    links
}

/// One chapter's event stream being turned into nodes and leaves.
struct Segmenter<'a> {
    markdown: &'a str,
    /// How leaves split into sentences (`None`: a block is one segment).
    sentences: Option<&'a sentence::Rules>,
    /// The author marked the next block to stay one segment
    /// (`<!-- tercuman: whole -->` before it).
    whole_next: bool,
    line_starts: Vec<usize>,
    links: Vec<LinkDefinition>,
    nodes: Vec<Node>,
    /// Containers that decide a paragraph's kind: list items and block quotes.
    containers: Vec<BlockKind>,
    quote_depth: usize,
    open: Option<OpenLeaf>,
    /// Depth inside inline elements (emphasis, links) of the open leaf.
    depth_inline: usize,
    ids: IdAllocator,
    anchors: AnchorAllocator,
    title: Option<String>,
    /// Inside a code block, raw HTML block or metadata: events pass through.
    verbatim: bool,
    scripting_lines: Vec<usize>,
    /// Footnote labels in order of first reference, and of definition.
    referenced: Vec<String>,
    defined: Vec<String>,
    images: Vec<ImageRef>,
}

impl<'a> Segmenter<'a> {
    /// The labels of defined footnotes: referenced ones first.
    fn footnotes(&self) -> Vec<String> {
        let referenced = self.referenced.iter().filter(|l| self.defined.contains(l));
        let unreferenced = self.defined.iter().filter(|l| !self.referenced.contains(l));
        referenced.chain(unreferenced).cloned().collect()
    }

    fn event(&mut self, event: Event, range: Range<usize>) {
        match &event {
            Event::FootnoteReference(label) if !self.referenced.iter().any(|l| l == &**label) => {
                self.referenced.push(label.to_string())
            }
            Event::Start(Tag::FootnoteDefinition(label)) => self.defined.push(label.to_string()),
            Event::Html(html) if html.contains("tercuman: whole") => self.whole_next = true,
            Event::Start(Tag::Image { dest_url, .. }) => self.images.push(ImageRef {
                url: dest_url.to_string(),
                line: line_at(&self.line_starts, range.start),
            }),
            _ => {}
        }
        if let Event::Html(h) | Event::InlineHtml(h) = &event {
            if raw_html::scripts(h) {
                self.scripting_lines
                    .push(line_at(&self.line_starts, range.start));
            }
        }
        // Code blocks, raw HTML blocks and metadata pass through untouched.
        match &event {
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_)) => {
                self.verbatim = true
            }
            Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_)) => {
                self.verbatim = false
            }
            _ if self.verbatim => {
                self.nodes.push(Node::Event(event.into_static()));
                return;
            }
            _ => {}
        }
        if is_inline_event(&event) {
            self.inline(&event, range);
        } else {
            self.block(event);
        }
    }

    /// Inline content widens the open leaf's range (opening one for
    /// content straight inside a tight list item).
    fn inline(&mut self, event: &Event, range: Range<usize>) {
        let depth_inline = self.depth_inline;
        let leaf = self.open.get_or_insert(OpenLeaf {
            kind: BlockKind::ListItem,
            explicit: false,
            range: None,
            heading_event: None,
            verbatim: Vec::new(),
        });
        match event {
            Event::Code(_) => leaf.verbatim.push((range.clone(), Verbatim::Code)),
            Event::InlineHtml(_) => leaf.verbatim.push((range.clone(), Verbatim::Html)),
            _ => {}
        }
        if depth_inline == 0 {
            leaf.range = Some(match &leaf.range {
                Some(r) => r.start..range.end.max(r.end),
                None => with_escape(self.markdown, range),
            });
        }
        match event {
            Event::Start(_) => self.depth_inline += 1,
            Event::End(_) => self.depth_inline = self.depth_inline.saturating_sub(1),
            _ => {}
        }
    }

    /// A block event: opens or closes a leaf, or tracks a container.
    fn block(&mut self, event: Event) {
        // An implicit (tight item) leaf ends here.
        if self.open.as_ref().is_some_and(|l| !l.explicit) {
            self.close();
        }
        let opens = match &event {
            Event::Start(Tag::Paragraph) => Some(match self.containers.last() {
                Some(BlockKind::ListItem) => BlockKind::ListItem,
                Some(BlockKind::Quote) => BlockKind::Quote,
                _ => BlockKind::Paragraph,
            }),
            Event::Start(Tag::Heading { level, .. }) => {
                Some(BlockKind::Heading(heading_number(*level)))
            }
            Event::Start(Tag::TableCell) => Some(BlockKind::TableCell),
            _ => None,
        };
        if let Some(kind) = opens {
            self.nodes.push(Node::Event(event.into_static()));
            self.open = Some(OpenLeaf {
                kind,
                explicit: true,
                range: None,
                heading_event: matches!(kind, BlockKind::Heading(_)).then(|| self.nodes.len() - 1),
                verbatim: Vec::new(),
            });
            return;
        }
        match &event {
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell) => {
                self.close();
                self.depth_inline = 0;
            }
            Event::Start(Tag::Item) => self.containers.push(BlockKind::ListItem),
            Event::Start(Tag::BlockQuote(_)) => {
                self.containers.push(BlockKind::Quote);
                self.quote_depth += 1;
            }
            Event::End(TagEnd::Item) => {
                self.containers.pop();
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                self.containers.pop();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            _ => {}
        }
        self.nodes.push(Node::Event(event.into_static()));
    }

    /// Ends the open leaf: its inline Markdown split into segments; a
    /// heading also gets its anchor (from the source text) and may give
    /// the chapter its title.
    fn close(&mut self) {
        let Some(leaf) = self.open.take() else {
            return;
        };
        let Some(range) = leaf.range else {
            return;
        };
        let (text, line_map) = normalize_inline(
            self.markdown,
            range,
            &leaf.verbatim,
            &self.line_starts,
            self.quote_depth,
        );
        let built = build_leaf(
            leaf.kind,
            &text,
            &line_map,
            &self.links,
            &mut self.ids,
            if std::mem::take(&mut self.whole_next) {
                None
            } else {
                self.sentences
            },
        );
        let (Some(index), BlockKind::Heading(_)) = (leaf.heading_event, leaf.kind) else {
            self.nodes.push(Node::Leaf(built));
            return;
        };
        let plain = plain_text(&text, &self.links);
        // An id the author gave (`# Title {#id}`) is kept; others come from
        // the English text.
        let mut anchor = None;
        if let Node::Event(Event::Start(Tag::Heading { id, .. })) = &mut self.nodes[index] {
            let chosen = match id {
                Some(given) => given.to_string(),
                None => self.anchors.allocate(&plain),
            };
            *id = Some(CowStr::from(chosen.clone()));
            anchor = Some(chosen);
        }
        let anchor = anchor.unwrap_or_else(|| self.anchors.allocate(&plain));
        if self.title.is_none() {
            self.title = Some(plain);
        }
        self.nodes.push(Node::Leaf(Leaf {
            anchor: Some(anchor),
            ..built
        }));
    }
}

fn heading_number(level: HeadingLevel) -> u8 {
    level as u8
}

/// The range of a leaf's first inline event, with the backslash before it
/// when it escapes its first character: pulldown-cmark's text event for
/// `\*not emphasis\*` starts at the `*`, and a segment without the
/// backslash would render as emphasis.
fn with_escape(markdown: &str, range: Range<usize>) -> Range<usize> {
    let escaped = markdown[..range.start].ends_with('\\')
        && markdown[range.start..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_punctuation());
    if escaped {
        range.start - 1..range.end
    } else {
        range
    }
}

/// Events that belong inside a leaf block's inline content.
fn is_inline_event(event: &Event) -> bool {
    match event {
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. }
        ),
        Event::End(tag) => matches!(
            tag,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image
        ),
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineMath(_)
        | Event::InlineHtml(_)
        | Event::FootnoteReference(_)
        | Event::SoftBreak
        | Event::HardBreak => true,
        Event::TaskListMarker(_) | Event::Html(_) | Event::DisplayMath(_) | Event::Rule => false,
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

fn line_at(line_starts: &[usize], offset: usize) -> usize {
    line_starts.partition_point(|&s| s <= offset)
}

/// The inline source of a block on one line: continuation lines lose their
/// indentation and block-quote markers, soft line breaks become spaces, hard
/// breaks stay as a backslash and a newline. A line break inside a code
/// span becomes the space CommonMark makes of it (the spaces before it
/// kept); one inside raw HTML stays. Returns the text and, for each source
/// line it spans, the text offset where that line starts.
fn normalize_inline(
    markdown: &str,
    range: Range<usize>,
    verbatim: &[(Range<usize>, Verbatim)],
    line_starts: &[usize],
    quote_depth: usize,
) -> (String, Vec<(usize, usize)>) {
    let raw = &markdown[range.clone()];
    let first_line = line_at(line_starts, range.start);
    let mut text = String::with_capacity(raw.len());
    let mut map = Vec::new();
    // Where the line being read starts in `markdown`.
    let mut line_start = range.start;
    for (n, line) in raw.split('\n').enumerate() {
        let newline = line_start.wrapping_sub(1);
        line_start += line.len() + 1;
        let mut line = line.strip_suffix('\r').unwrap_or(line);
        if n > 0 {
            line = line.trim_start();
            for _ in 0..quote_depth {
                line = line.strip_prefix('>').map(str::trim_start).unwrap_or(line);
            }
            let inside = verbatim
                .iter()
                .find(|(r, _)| r.start < newline && newline < r.end)
                .map(|(_, kind)| *kind);
            if let Some(kind) = inside {
                text.push(if kind == Verbatim::Code { ' ' } else { '\n' });
                map.push((text.len(), first_line + n));
                text.push_str(line);
                continue;
            }
            let hard = text.ends_with("  ") || text.ends_with('\\');
            let kept = text.trim_end_matches(' ').len();
            text.truncate(kept);
            if hard {
                if !text.ends_with('\\') {
                    text.push('\\');
                }
                text.push('\n');
            } else {
                text.push(' ');
            }
        }
        map.push((text.len(), first_line + n));
        text.push_str(line);
    }
    (text, map)
}

/// The sentences of a translated paragraph (inline Markdown on one line),
/// split by `rules` (the target language's), markup never split.
pub fn split_translation<'a>(text: &'a str, rules: &sentence::Rules) -> Vec<&'a str> {
    sentence::split_sentences(text, &protected_spans(text, &[]), rules)
        .into_iter()
        .map(|r| text[r].trim())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Byte spans of inline code, links, images, emphasis and raw HTML in a
/// single-line inline Markdown string: sentence breaks never fall inside them.
fn protected_spans(text: &str, links: &[LinkDefinition]) -> Vec<Range<usize>> {
    let (wrapped, offset, end) = wrap_inline(text);
    let mut callback = |link: BrokenLink<'_>| {
        resolve_link(links, &link.reference).or_else(|| Some(("".into(), "".into())))
    };
    let parser =
        Parser::new_with_broken_link_callback(&wrapped, markdown_options(), Some(&mut callback));
    let mut spans = Vec::new();
    for (event, range) in parser.into_offset_iter().take_while(|(_, r)| r.start < end) {
        let protect = match &event {
            Event::Start(tag) => !matches!(tag, Tag::Paragraph),
            Event::Code(_)
            | Event::InlineHtml(_)
            | Event::InlineMath(_)
            | Event::FootnoteReference(_) => true,
            _ => false,
        };
        if protect && range.start >= offset {
            spans.push(range.start - offset..range.end - offset);
        }
    }
    spans
}

/// Inline Markdown parsed on its own could read as a block (`1. `, `# `, `- `):
/// a leading letter keeps it a paragraph. A footnote reference (`[^note]`)
/// parses only where its note is defined, so a stub definition follows for
/// each label the text names. Returns the text, where the segment starts in
/// it, and where it ends: events starting at or after the end belong to the
/// stubs, and every caller stops there.
pub fn wrap_inline(text: &str) -> (String, usize, usize) {
    let mut wrapped = format!("x {text}");
    let end = wrapped.len();
    for label in footnote_labels(text) {
        wrapped.push_str("\n\n[^");
        wrapped.push_str(label);
        wrapped.push_str("]: .");
    }
    (wrapped, 2, end)
}

/// Labels written as footnote references (`[^label]`) in inline Markdown,
/// each once, in order.
pub fn footnote_labels(text: &str) -> Vec<&str> {
    let mut labels = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("[^") {
        rest = &rest[at + 2..];
        let Some(close) = rest.find(']') else { break };
        let label = &rest[..close];
        let plausible = !label.is_empty()
            && label.len() <= 999
            && !label.contains(|c: char| c.is_whitespace() || c == '[');
        if plausible && !labels.contains(&label) {
            labels.push(label);
        }
    }
    labels
}

/// Looks up a reference link label as CommonMark does: Unicode case
/// folding, runs of whitespace as one space.
pub fn resolve_link<'a>(
    links: &[LinkDefinition],
    reference: &str,
) -> Option<(CowStr<'a>, CowStr<'a>)> {
    let label = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let wanted = unicase::UniCase::new(label(reference));
    links
        .iter()
        .find(|d| unicase::UniCase::new(label(&d.label)) == wanted)
        .map(|d| (CowStr::from(d.url.clone()), CowStr::from(d.title.clone())))
}

/// The visible text of inline Markdown, for anchors and titles.
pub fn plain_text(text: &str, links: &[LinkDefinition]) -> String {
    if is_plain(text) || is_plain_but_brackets(text, links) {
        // A paragraph's final spaces are not its text (CommonMark 4.8).
        return text.trim_end_matches(' ').to_string();
    }
    parsed_plain_text(text, links)
}

/// Text in which Markdown finds nothing but words: one line (which
/// [`wrap_inline`] starts with a letter, so no block begins) with
/// no character that opens inline markup, an escape, an entity or HTML.
/// Most sentences of a book are; a build checks and renders every
/// translation of every locale, and skips their parse.
pub(crate) fn is_plain(text: &str) -> bool {
    !text.bytes().any(|b| PLAIN_STOPS[b as usize])
}

/// The bytes that end plain text: controls (a line break above all) and
/// the ASCII punctuation Markdown reads.
const PLAIN_STOPS: [bool; 256] = {
    let mut stops = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        stops[b] = true;
        b += 1;
    }
    stops[0x7f] = true;
    let marks = b"\\`*_[]!<>&~^|{}";
    let mut i = 0;
    while i < marks.len() {
        stops[marks[i] as usize] = true;
        i += 1;
    }
    stops
};

/// Plain text ([`is_plain`]) but for square brackets that cannot make a
/// link, which Markdown leaves as they are: `[sic]`, `[1]`, `[az] `. None
/// closes right before `(` or `[` (an inline link, a full or collapsed
/// reference; CommonMark allows nothing between), and the chapter defines
/// no link (`links`) a bracketed text could name as a shortcut reference.
pub(crate) fn is_plain_but_brackets(text: &str, links: &[LinkDefinition]) -> bool {
    if !links.is_empty() {
        return false;
    }
    let bytes = text.as_bytes();
    bytes.iter().enumerate().all(|(i, &b)| match b {
        b'[' => true,
        b']' => !matches!(bytes.get(i + 1), Some(b'(' | b'[')),
        _ => !PLAIN_STOPS[b as usize],
    })
}

/// [`plain_text`] as Markdown parses it.
pub(crate) fn parsed_plain_text(text: &str, links: &[LinkDefinition]) -> String {
    let (wrapped, offset, end) = wrap_inline(text);
    let mut callback = |link: BrokenLink<'_>| resolve_link(links, &link.reference);
    let parser =
        Parser::new_with_broken_link_callback(&wrapped, markdown_options(), Some(&mut callback));
    let mut out = String::new();
    for (event, _) in parser.into_offset_iter().take_while(|(_, r)| r.start < end) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out.get(offset..).unwrap_or_default().to_string()
}

fn build_leaf(
    kind: BlockKind,
    text: &str,
    line_map: &[(usize, usize)],
    links: &[LinkDefinition],
    ids: &mut IdAllocator,
    sentences: Option<&sentence::Rules>,
) -> Leaf {
    let ranges = if let Some(rules) = sentences.filter(|_| kind.splits_into_sentences()) {
        sentence::split_sentences(text, &protected_spans(text, links), rules)
    } else {
        std::iter::once(0..text.len()).collect()
    };
    let segments = ranges
        .into_iter()
        .filter(|r| !text[r.clone()].trim().is_empty())
        .map(|r| {
            let line = line_map
                .iter()
                .take_while(|(offset, _)| *offset <= r.start)
                .last()
                .map_or(1, |(_, line)| *line);
            let text = text[r].to_string();
            Segment {
                id: ids.allocate(&text),
                kind,
                text,
                line,
            }
        })
        .collect();
    Leaf {
        kind,
        segments,
        anchor: None,
    }
}

/// Segment identities: `chapter/` and a hash of the English text, with `-2`,
/// `-3`… for repeats in the chapter, so each repeat can be translated apart.
struct IdAllocator {
    slug: String,
    used: std::collections::HashSet<String>,
    next_suffix: std::collections::HashMap<String, usize>,
}

impl IdAllocator {
    fn new(slug: &str) -> Self {
        IdAllocator {
            slug: slug.to_string(),
            used: Default::default(),
            next_suffix: Default::default(),
        }
    }

    fn allocate(&mut self, text: &str) -> String {
        let base = format!("{}/{:08x}", self.slug, fnv1a(text.as_bytes()) as u32);
        unique(&mut self.used, &mut self.next_suffix, base)
    }
}

/// Heading anchors from the English text: lowercase ASCII words joined by `-`.
#[derive(Default)]
struct AnchorAllocator {
    used: std::collections::HashSet<String>,
    next_suffix: std::collections::HashMap<String, usize>,
}

impl AnchorAllocator {
    fn allocate(&mut self, plain: &str) -> String {
        let mut slug = String::new();
        for c in plain.chars() {
            if c.is_ascii_alphanumeric() {
                slug.push(c.to_ascii_lowercase());
            } else if (c.is_whitespace() || c == '-' || c == '_')
                && !slug.ends_with('-')
                && !slug.is_empty()
            {
                slug.push('-');
            }
        }
        let slug = slug.trim_end_matches('-');
        let base = if slug.is_empty() {
            "section".to_string()
        } else {
            slug.to_string()
        };
        unique(&mut self.used, &mut self.next_suffix, base)
    }
}

/// `base`, or `base-2`, `base-3`… the first not yet used. Each base
/// remembers where its count stopped, so a sentence repeated a thousand
/// times costs a thousand steps, not half a million.
fn unique(
    used: &mut std::collections::HashSet<String>,
    next_suffix: &mut std::collections::HashMap<String, usize>,
    base: String,
) -> String {
    if used.insert(base.clone()) {
        return base;
    }
    let n = next_suffix.entry(base.clone()).or_insert(2);
    loop {
        let candidate = format!("{base}-{n}");
        *n += 1;
        if used.insert(candidate.clone()) {
            return candidate;
        }
    }
}

/// FNV-1a: a stable, dependency-free hash (std's hasher may change between releases).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `count` texts of one to nine of `pieces` each, drawn by a fixed
/// generator from `seed`: the same texts at every run, for tests that
/// hold a fast path against the parser.
#[cfg(test)]
pub(crate) fn texts_of(pieces: &[&str], seed: u64, count: usize) -> Vec<String> {
    let mut seed = seed;
    (0..count)
        .map(|_| {
            let mut text = String::new();
            for _ in 0..(seed % 9 + 1) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            text
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extracted(markdown: &str) -> Vec<(usize, &'static str, String)> {
        segment_chapter("ch", markdown)
            .segments()
            .map(|s| (s.line, s.kind.as_str(), s.text.clone()))
            .collect()
    }

    #[test]
    fn blocks_are_split_into_sentences_with_their_lines() {
        let md =
            "# A *title*. Not split\n\nFirst one. Second **bold. still** here.\nThird on line 4.\n";
        assert_eq!(
            extracted(md),
            vec![
                (1, "heading", "A *title*. Not split".to_string()),
                (3, "paragraph", "First one.".to_string()),
                (3, "paragraph", "Second **bold. still** here.".to_string()),
                (4, "paragraph", "Third on line 4.".to_string()),
            ]
        );
    }

    #[test]
    fn list_items_quotes_and_table_cells_are_blocks() {
        let md = "- **Lead:** One. Two.\n- Tight item\n\n> Quoted. Text\n> continues.\n\n| Head | B |\n|---|---|\n| cell | x |\n";
        assert_eq!(
            extracted(md),
            vec![
                (1, "list-item", "**Lead:** One.".to_string()),
                (1, "list-item", "Two.".to_string()),
                (2, "list-item", "Tight item".to_string()),
                (4, "quote", "Quoted.".to_string()),
                (4, "quote", "Text continues.".to_string()),
                (7, "table-cell", "Head".to_string()),
                (7, "table-cell", "B".to_string()),
                (9, "table-cell", "cell".to_string()),
                (9, "table-cell", "x".to_string()),
            ]
        );
    }

    #[test]
    fn code_html_and_link_definitions_are_not_offered() {
        let md = "```rust\nlet x = 1;\n```\n\n<div>raw</div>\n\nSee [the site][s] and [x](https://e.org/a.b).\n\n[s]: https://example.org\n";
        assert_eq!(
            extracted(md),
            vec![(
                7,
                "paragraph",
                "See [the site][s] and [x](https://e.org/a.b).".to_string()
            )]
        );
    }

    #[test]
    fn paragraph_segmentation_keeps_blocks_whole() {
        let doc = segment_chapter_with(
            "ch",
            "One. Two.\n\n- Three. Four.\n",
            crate::project::Segmentation::Paragraph,
            &sentence::Rules::default(),
        );
        let texts: Vec<_> = doc.segments().map(|s| s.text.clone()).collect();
        assert_eq!(texts, ["One. Two.", "Three. Four."]);
    }

    #[test]
    fn an_author_can_keep_one_block_whole() {
        let doc = segment_chapter(
            "ch",
            "One. Two.\n\n<!-- tercuman: whole -->\nThree. Four.\n\nFive. Six.\n",
        );
        let texts: Vec<&str> = doc.segments().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["One.", "Two.", "Three. Four.", "Five.", "Six."]);
    }

    #[test]
    fn repeated_text_gets_distinct_stable_identities() {
        let doc = segment_chapter("ch", "Yes. Yes.\n\nYes.\n");
        let ids: Vec<_> = doc.segments().map(|s| s.id.clone()).collect();
        assert_eq!(ids.len(), 3);
        assert_eq!(ids[1], format!("{}-2", ids[0]));
        assert_eq!(ids[2], format!("{}-3", ids[0]));
        let again = segment_chapter("ch", "Yes. Yes.\n\nYes.\n");
        assert_eq!(
            ids,
            again.segments().map(|s| s.id.clone()).collect::<Vec<_>>()
        );
    }

    #[test]
    fn heading_anchors_come_from_the_english_text() {
        let doc = segment_chapter(
            "ch",
            "# Mullah Amoli: The Voice\n\n## Mullah Amoli: The Voice\n",
        );
        let anchors: Vec<_> = doc.leaves().filter_map(|l| l.anchor.clone()).collect();
        assert_eq!(
            anchors,
            ["mullah-amoli-the-voice", "mullah-amoli-the-voice-2"]
        );
        assert_eq!(doc.title.as_deref(), Some("Mullah Amoli: The Voice"));
    }
}
