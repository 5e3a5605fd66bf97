//! A chapter's body in one language: the source's structure with each
//! segment replaced by its translation, or by the English text marked as a
//! fallback. Translations are untrusted: their raw HTML is escaped unless the
//! same HTML stands in the source segment, links and images keep only safe
//! URL schemes, and characters XML forbids are dropped, so the output is
//! always well-formed XHTML.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use pulldown_cmark::{BrokenLink, CowStr, Event, Parser, Tag, TagEnd};

use super::figures::{self, Figures};
use crate::formats::xml::escape;
use crate::source::{self, ChapterDoc, LinkDefinition, Node, Segment};
use crate::status::effective_status;
use crate::tm::{Status, Translation};

/// How to render one chapter.
pub struct RenderOptions<'a> {
    /// Translations by segment id; `None` renders the English source.
    pub translations: Option<&'a HashMap<String, Translation>>,
    /// Direction of the edition, to isolate fallback text of the other
    /// direction.
    pub rtl: bool,
    /// The source language, which fallback text is in, and its direction.
    pub source_lang: &'a str,
    pub source_rtl: bool,
    /// Extension of chapter files in this format (`html`, `xhtml`): links to
    /// `chapter.md` in the source are rewritten to it.
    pub chapter_ext: &'a str,
    /// Translated segments shown in English instead, and why.
    pub withheld: &'a HashMap<String, Withheld>,
    /// Where the edition publishes each local image (`None`: as written).
    pub figures: Option<&'a Figures>,
    /// What a task list's checked and unchecked boxes are called, in the
    /// edition's language (a box needs a name for screen readers).
    pub task_labels: [&'a str; 2],
    /// Footnote numbers in the edition's own digits (Persian `۱`).
    pub native_digits: bool,
    /// `serve`'s preview only: each segment wrapped with its state and
    /// where it is fixed. Never in a published edition.
    pub marks: Option<&'a SegmentMarks<'a>>,
    /// Where each published translation's events are left, by segment id,
    /// for the proof page to use instead of parsing the text again (only
    /// where it parses the same text: no direction control added, not a
    /// table cell's `\|`).
    pub parsed: Option<&'a RefCell<HashMap<String, Vec<Event<'static>>>>>,
}

/// What `serve`'s preview marks each segment with.
pub struct SegmentMarks<'a> {
    pub reviews: Option<&'a HashMap<String, crate::tm::Review>>,
    /// The chapter's PO file, as the user names it (`locales/fa/intro.po`).
    pub po_file: &'a str,
    /// Line of each segment's msgstr in it.
    pub po_lines: Option<&'a HashMap<String, usize>>,
    /// The chapter's proof page, relative to its page (`proof/intro.html`).
    pub proof_page: &'a str,
}

impl SegmentMarks<'_> {
    /// The opening tag around one segment: `data-state` lists its states
    /// (`translated reviewed`, `fuzzy`, `untranslated`, and why a
    /// translation is withheld), `data-po` its PO file and line,
    /// `data-proof` its proof row.
    fn open(&self, seg: &Segment, t: Option<&Translation>, withheld: Option<Withheld>) -> String {
        let mut state = effective_status(t).as_str().to_string();
        if crate::status::is_approved(t, self.reviews.and_then(|r| r.get(&seg.id))) {
            state.push_str(" reviewed");
        }
        if let Some(why) = withheld {
            state.push(' ');
            state.push_str(why.class());
        }
        let po = match self.po_lines.and_then(|l| l.get(&seg.id)) {
            Some(line) => format!("{}:{line}", self.po_file),
            None => self.po_file.to_string(),
        };
        format!(
            "<span class=\"tercuman-segment\" data-state=\"{}\" data-po=\"{}\" data-proof=\"{}#{}\">",
            escape(&state),
            escape(&po),
            escape(self.proof_page),
            escape(&super::proof::row_id(&seg.id)),
        )
    }
}

/// Why a translated segment is shown in the source language instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Withheld {
    /// An error-level check failed on it.
    FailedCheck,
    /// The locale publishes only reviewed translations, and no reviewer's
    /// approval stands for it.
    Unreviewed,
}

impl Withheld {
    /// The class its fallback text and proof row carry.
    pub fn class(self) -> &'static str {
        match self {
            Withheld::FailedCheck => "check-failed",
            Withheld::Unreviewed => "unreviewed",
        }
    }
}

/// A rendered chapter body.
pub struct RenderedChapter {
    pub body: String,
    /// Segments shown in English because they are untranslated or fuzzy.
    pub fallbacks: usize,
}

/// Renders a chapter's body as XHTML.
pub fn render_chapter(doc: &ChapterDoc, options: &RenderOptions) -> RenderedChapter {
    let mut events: Vec<Event<'static>> = Vec::new();
    let mut fallbacks = 0;
    for node in &doc.nodes {
        match node {
            Node::Event(e) => events.push(structure_event(without_scripts(e.clone()), options)),
            Node::Leaf(leaf) => {
                for (i, seg) in leaf.segments.iter().enumerate() {
                    if i > 0 {
                        events.push(Event::Text(" ".into()));
                    }
                    let marks = options.marks.zip(options.translations);
                    if let Some((marks, translations)) = marks {
                        let t = translations.get(&seg.id);
                        let withheld = options.withheld.get(&seg.id).copied();
                        events.push(Event::InlineHtml(marks.open(seg, t, withheld).into()));
                    }
                    fallbacks += usize::from(!push_segment(&mut events, seg, &doc.links, options));
                    if marks.is_some() {
                        events.push(Event::InlineHtml("</span>".into()));
                    }
                }
            }
        }
    }
    let style = if options.chapter_ext == "xhtml" {
        NoteStyle::Epub
    } else {
        NoteStyle::Html
    };
    let digits = if options.native_digits {
        |n: usize| crate::locale::persian_digits(&n.to_string())
    } else {
        |n: usize| n.to_string()
    };
    let events = footnotes(events, &doc.footnotes, style, digits);
    let events = images(
        events,
        &doc.slug,
        options.figures,
        style == NoteStyle::Epub,
        "",
    );
    let events = as_figures(events);
    let mut body = String::new();
    pulldown_cmark::html::push_html(&mut body, events.into_iter());
    if options.rtl && body.contains("<pre><code") {
        // Code blocks read left to right (EPUB style sheets may not set
        // `direction`).
        body = body.replace("<pre><code", "<pre dir=\"ltr\"><code");
    }
    RenderedChapter { body, fallbacks }
}

/// Local images point where the edition publishes them (`prefix` before
/// the path, for pages in a subfolder). In an EPUB, a remote image becomes
/// a link to it, its alt text the link's text: an EPUB carries its own
/// resources, and `build` names these images.
pub fn images(
    events: Vec<Event<'static>>,
    slug: &str,
    figures: Option<&Figures>,
    epub: bool,
    prefix: &str,
) -> Vec<Event<'static>> {
    let mut as_link: Vec<bool> = Vec::new();
    events
        .into_iter()
        .map(|event| match event {
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let remote = epub && figures::is_remote(&dest_url);
                as_link.push(remote);
                if remote {
                    return Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    });
                }
                let dest_url = match figures.and_then(|f| f.published(slug, &dest_url)) {
                    Some(path) => format!("{prefix}{path}").into(),
                    None => dest_url,
                };
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::End(TagEnd::Image) if as_link.pop().unwrap_or(false) => Event::End(TagEnd::Link),
            e => e,
        })
        .collect()
}

/// Relative links for a page one folder below the edition's pages (the
/// proofs): `second.html#part` becomes `../second.html#part`.
pub fn links_from_subfolder(events: Vec<Event<'static>>) -> Vec<Event<'static>> {
    events
        .into_iter()
        .map(|event| match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if !dest_url.is_empty()
                && !dest_url.starts_with(['#', '/'])
                && !dest_url.contains(':') =>
            {
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: format!("../{dest_url}").into(),
                    title,
                    id,
                })
            }
            e => e,
        })
        .collect()
}

/// A paragraph that is one image with a title is a figure, its title the
/// caption (translated with the rest of the segment).
fn as_figures(events: Vec<Event<'static>>) -> Vec<Event<'static>> {
    // Most chapters have no titled image: nothing to copy.
    let titled =
        |e: &Event| matches!(e, Event::Start(Tag::Image { title, .. }) if !title.is_empty());
    if !events.iter().any(titled) {
        return events;
    }
    let mut out = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        if let Some((figure, used)) = figure_at(&events[i..]) {
            out.push(figure);
            i += used;
        } else {
            out.push(events[i].clone());
            i += 1;
        }
    }
    out
}

/// `<p><img title="…"></p>` at the start of `events`, as one `<figure>`
/// event, and how many events it replaces.
fn figure_at(events: &[Event<'static>]) -> Option<(Event<'static>, usize)> {
    let [Event::Start(Tag::Paragraph), Event::Start(Tag::Image {
        dest_url, title, ..
    }), rest @ ..] = events
    else {
        return None;
    };
    if title.is_empty() {
        return None;
    }
    let mut alt = String::new();
    for (n, event) in rest.iter().enumerate() {
        match event {
            Event::Text(t) | Event::Code(t) => alt.push_str(t),
            Event::End(TagEnd::Image) => {
                if !matches!(rest.get(n + 1), Some(Event::End(TagEnd::Paragraph))) {
                    return None;
                }
                let html = format!(
                    "<figure>\n<img src=\"{}\" alt=\"{}\" />\n<figcaption>{}</figcaption>\n</figure>\n",
                    escape(dest_url),
                    escape(&alt),
                    escape(title)
                );
                return Some((Event::Html(html.into()), n + 4));
            }
            Event::SoftBreak | Event::HardBreak => alt.push(' '),
            Event::Start(_) | Event::End(_) => {}
            _ => return None,
        }
    }
    None
}

/// How footnotes are written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum NoteStyle {
    /// EPUB 3: `epub:type="noteref"` and `<aside epub:type="footnote">`,
    /// which Apple Books and Kobo show as pop-up notes.
    Epub,
    /// HTML: the same links and asides with their ARIA roles only.
    Html,
    /// The number alone, for a page that does not hold the notes (proofs).
    Plain,
}

/// Footnote references and definitions as links both ways, numbered by
/// the chapter's `notes` (the same in every language). A reference to a
/// label the chapter does not define stays the text it was.
pub fn footnotes(
    events: Vec<Event<'static>>,
    notes: &[String],
    style: NoteStyle,
    digits: fn(usize) -> String,
) -> Vec<Event<'static>> {
    let number = |label: &str| notes.iter().position(|l| l == label).map(|i| i + 1);
    let epub_type = |kind: &str| match style {
        NoteStyle::Epub => format!(" epub:type=\"{kind}\""),
        _ => String::new(),
    };
    let referenced: HashSet<usize> = events
        .iter()
        .filter_map(|e| match e {
            Event::FootnoteReference(label) => number(label),
            _ => None,
        })
        .collect();
    let mut seen: HashMap<usize, usize> = HashMap::new();
    events
        .into_iter()
        .map(|event| match event {
            Event::FootnoteReference(label) => match number(&label) {
                None => Event::Text(format!("[^{label}]").into()),
                Some(n) if style == NoteStyle::Plain => {
                    Event::InlineHtml(format!("<sup class=\"noteref\">{}</sup>", digits(n)).into())
                }
                Some(n) => {
                    let count = seen.entry(n).or_insert(0);
                    *count += 1;
                    let id = match *count {
                        1 => format!("fnref-{n}"),
                        k => format!("fnref-{n}-{k}"),
                    };
                    Event::InlineHtml(
                        format!(
                            "<sup><a class=\"noteref\" id=\"{id}\" href=\"#fn-{n}\"{} role=\"doc-noteref\">{}</a></sup>",
                            epub_type("noteref"),
                            digits(n)
                        )
                        .into(),
                    )
                }
            },
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let n = number(&label).unwrap_or_default();
                let shown = digits(n);
                let back = if style != NoteStyle::Plain && referenced.contains(&n) {
                    format!("<a class=\"footnote-back\" href=\"#fnref-{n}\" role=\"doc-backlink\">{shown}.</a> ")
                } else {
                    format!("{shown}. ")
                };
                Event::Html(
                    format!(
                        "<aside class=\"footnote\" id=\"fn-{n}\"{} role=\"doc-footnote\">\n{back}",
                        epub_type("footnote")
                    )
                    .into(),
                )
            }
            Event::End(TagEnd::FootnoteDefinition) => Event::Html("</aside>\n".into()),
            e => e,
        })
        .collect()
}

/// Pushes one segment's events; returns false when it fell back to English.
fn push_segment(
    events: &mut Vec<Event<'static>>,
    seg: &Segment,
    links: &[LinkDefinition],
    options: &RenderOptions,
) -> bool {
    let cell = seg.kind == source::BlockKind::TableCell;
    let Some(translations) = options.translations else {
        let source = inline_events(&in_block(&seg.text, cell), links, None, options.chapter_ext);
        events.extend(in_direction(source, options.rtl));
        return true;
    };
    let t = translations.get(&seg.id);
    let withheld = options.withheld.get(&seg.id).copied();
    if effective_status(t) == Status::Translated && withheld.is_none() {
        if let Some(t) = t {
            // Whatever direction controls it leaves open end with it.
            let balanced = crate::bidi::balanced(&t.text);
            let text = in_block(&balanced, cell);
            let translated = inline_events(&text, links, Some(&seg.text), options.chapter_ext);
            if let Some(parsed) = options.parsed.filter(|_| text == t.text.as_str()) {
                parsed
                    .borrow_mut()
                    .insert(seg.id.clone(), translated.clone());
            }
            events.extend(in_direction(translated, options.rtl));
            return true;
        }
    }
    let class = match withheld {
        Some(why) => format!("fallback {}", why.class()),
        None if effective_status(t) == Status::Fuzzy => "fallback fuzzy".to_string(),
        None => "fallback".to_string(),
    };
    events.push(Event::InlineHtml(
        format!(
            "<span class=\"{class}\"{}>",
            source_attributes(options.source_lang, options.source_rtl, options.rtl)
        )
        .into(),
    ));
    events.extend(inline_events(
        &in_block(&seg.text, cell),
        links,
        None,
        options.chapter_ext,
    ));
    events.push(Event::InlineHtml("</span>".into()));
    false
}

/// A structural event of the page as the edition writes it: a task list's
/// box with its name.
fn structure_event(event: Event<'static>, options: &RenderOptions) -> Event<'static> {
    match event {
        Event::TaskListMarker(checked) => {
            let (state, label) = if checked {
                (" checked=\"checked\"", options.task_labels[0])
            } else {
                ("", options.task_labels[1])
            };
            Event::Html(
                format!(
                    "<input type=\"checkbox\" disabled=\"disabled\"{state} aria-label=\"{}\" />\n",
                    escape(label)
                )
                .into(),
            )
        }
        e => e,
    }
}

/// In a right-to-left page, each run of left-to-right text (Latin words,
/// numbers in Latin digits, code) is isolated with `dir="ltr"`, so that it
/// keeps its order in readers whose bidirectional support is weak and
/// through conversions (calibre to Kindle). Image alt text is left as text.
fn in_direction(events: Vec<Event<'static>>, rtl: bool) -> Vec<Event<'static>> {
    if !rtl {
        return events;
    }
    let mut out = Vec::with_capacity(events.len());
    let mut in_image = 0usize;
    for event in events {
        match event {
            Event::Start(Tag::Image { .. }) => {
                in_image += 1;
                out.push(event);
            }
            Event::End(TagEnd::Image) => {
                in_image = in_image.saturating_sub(1);
                out.push(event);
            }
            Event::Text(text) if in_image == 0 => {
                for (run, ltr) in crate::bidi::ltr_runs(&text) {
                    if ltr {
                        out.push(Event::InlineHtml(
                            format!("<span dir=\"ltr\">{}</span>", escape_text(run)).into(),
                        ));
                    } else {
                        out.push(Event::Text(run.to_string().into()));
                    }
                }
            }
            Event::Code(code) if in_image == 0 => out.push(Event::InlineHtml(
                format!("<code dir=\"ltr\">{}</code>", escape_text(&code)).into(),
            )),
            e => out.push(e),
        }
    }
    out
}

/// Text content escaped as pulldown-cmark escapes it (quotes need no
/// escape outside attributes), so isolating a run changes nothing else.
fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `lang` (and `dir` when it differs from the page's) of text in the
/// source language standing in for a translation.
pub fn source_attributes(lang: &str, source_rtl: bool, page_rtl: bool) -> String {
    let lang = escape(lang);
    let dir = match (source_rtl, page_rtl) {
        (true, false) => " dir=\"rtl\"",
        (false, true) => " dir=\"ltr\"",
        _ => "",
    };
    format!(" lang=\"{lang}\" xml:lang=\"{lang}\"{dir}")
}

/// A segment's text as its block's parser reads it: in a table cell, `\|`
/// is a pipe before any inline parsing, even inside a code span (GFM).
fn in_block(text: &str, cell: bool) -> std::borrow::Cow<'_, str> {
    if cell && text.contains("\\|") {
        text.replace("\\|", "|").into()
    } else {
        text.into()
    }
}

/// Parses one segment's inline Markdown. `untrusted_against` is the English
/// source when the text is a translation: only what the source itself uses
/// (raw HTML, URL schemes) is let through. Links to `chapter.md` become
/// links to `chapter.<chapter_ext>`.
pub fn inline_events(
    text: &str,
    links: &[LinkDefinition],
    untrusted_against: Option<&str>,
    chapter_ext: &str,
) -> Vec<Event<'static>> {
    if source::is_plain(text) || source::is_plain_but_brackets(text, links) {
        // One text event, as the parser gives it (brackets it leaves alone
        // come as events of their own, which render the same): a
        // paragraph's final spaces are not its text (CommonMark 4.8).
        let text = text.trim_end_matches(' ');
        if text.is_empty() {
            return Vec::new();
        }
        return vec![xml_safe(Event::Text(text.to_string().into()))];
    }
    parsed_inline_events(text, links, untrusted_against, chapter_ext)
}

/// [`inline_events`] as the parser reads them.
fn parsed_inline_events(
    text: &str,
    links: &[LinkDefinition],
    untrusted_against: Option<&str>,
    chapter_ext: &str,
) -> Vec<Event<'static>> {
    let (wrapped, prefix, end) = source::wrap_inline(text);
    let mut callback = |link: BrokenLink<'_>| source::resolve_link(links, &link.reference);
    let parser = Parser::new_with_broken_link_callback(
        &wrapped,
        source::markdown_options(),
        Some(&mut callback),
    );
    let mut out = Vec::new();
    let mut dropped: Vec<bool> = Vec::new();
    // Parsed only if a translation links somewhere unusual.
    let source_urls = std::cell::OnceCell::new();
    let used_by_source = |url: &str| {
        let source = untrusted_against.unwrap_or_default();
        source_urls
            .get_or_init(|| urls_in(source, links))
            .contains(url)
    };
    let mut strip_prefix = prefix;
    for (event, _) in parser.into_offset_iter().take_while(|(_, r)| r.start < end) {
        let event = match event {
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => continue,
            Event::Text(t) if strip_prefix > 0 => {
                let rest = t.get(strip_prefix..).unwrap_or_default().to_string();
                strip_prefix = 0;
                if rest.is_empty() {
                    continue;
                }
                Event::Text(rest.into())
            }
            e => e,
        };
        strip_prefix = 0;
        if untrusted_against.is_some() && is_block_event(&event) {
            // A translation that starts a block (checked as an error) still
            // renders inline: the block's text stays, its structure goes.
            continue;
        }
        let event = match untrusted_against {
            Some(source) => match guard_untrusted(event, source, &used_by_source, &mut dropped) {
                Some(event) => event,
                None => continue,
            },
            None => event,
        };
        let event = match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url: chapter_link(dest_url, chapter_ext),
                title,
                id,
            }),
            e => e,
        };
        out.push(without_scripts(xml_safe(event).into_static()));
    }
    out
}

/// What a translation may not add to its source: raw HTML becomes text,
/// a link or image to an unsafe URL loses its tag (its text stays).
/// `dropped` pairs each open link or image with whether it was dropped.
fn guard_untrusted<'a>(
    event: Event<'a>,
    source: &str,
    used_by_source: &dyn Fn(&str) -> bool,
    dropped: &mut Vec<bool>,
) -> Option<Event<'a>> {
    match event {
        Event::InlineHtml(h) | Event::Html(h) if !source.contains(h.as_ref()) => {
            Some(Event::Text(h))
        }
        Event::Start(Tag::Link { ref dest_url, .. }) => {
            let safe = url_is_safe(dest_url, used_by_source);
            dropped.push(!safe);
            safe.then_some(event)
        }
        // An image only the translation shows would not be published: a
        // locale's own version of a figure goes in locales/<lang>/ instead.
        Event::Start(Tag::Image { ref dest_url, .. }) => {
            let safe = used_by_source(dest_url);
            dropped.push(!safe);
            safe.then_some(event)
        }
        Event::End(TagEnd::Link | TagEnd::Image) => {
            (!dropped.pop().unwrap_or(false)).then_some(event)
        }
        e => Some(e),
    }
}

/// A URL from a translation may use no scheme (relative, `#anchor`),
/// `http`, `https` or `mailto`, or be a URL the source segment itself
/// links to (however the source writes it: inline, autolink, reference).
fn url_is_safe(url: &str, used_by_source: &dyn Fn(&str) -> bool) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let scheme = cleaned
        .split_once(':')
        .map(|(s, _)| s)
        .filter(|s| !s.contains(['/', '?', '#']));
    match scheme {
        None => true,
        Some("http" | "https" | "mailto") => true,
        Some(_) => used_by_source(url),
    }
}

/// The destinations of the links and images in a source segment.
fn urls_in(source: &str, links: &[LinkDefinition]) -> HashSet<String> {
    let (wrapped, _, end) = source::wrap_inline(source);
    let mut callback = |link: BrokenLink<'_>| source::resolve_link(links, &link.reference);
    let parser = Parser::new_with_broken_link_callback(
        &wrapped,
        source::markdown_options(),
        Some(&mut callback),
    );
    parser
        .into_offset_iter()
        .take_while(|(_, r)| r.start < end)
        .filter_map(|(event, _)| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .collect()
}

/// `other.md#part` -> `other.html#part`: a relative link to a Markdown
/// chapter points at that chapter in the edition being built.
fn chapter_link<'a>(url: CowStr<'a>, ext: &str) -> CowStr<'a> {
    let (path, fragment) = match url.find('#') {
        Some(i) => (&url[..i], &url[i..]),
        None => (url.as_ref(), ""),
    };
    let relative = !path.contains(':') && !path.starts_with('/');
    match path.strip_suffix(".md") {
        Some(stem) if relative && !stem.is_empty() => {
            // The editions publish every chapter side by side under its
            // file name (unique in a book), whatever folder it is in.
            let name = stem.rsplit_once('/').map_or(stem, |(_, n)| n);
            let page = crate::project::page_stem(name);
            format!("{page}.{ext}{fragment}").into()
        }
        _ => url,
    }
}

/// Block structure inside a segment's text (never in the English, which
/// is inline content by construction).
fn is_block_event(event: &Event<'_>) -> bool {
    match event {
        Event::Start(tag) => !matches!(
            tag,
            Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. }
        ),
        Event::End(end) => !matches!(
            end,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image
        ),
        Event::Rule | Event::TaskListMarker(_) => true,
        _ => false,
    }
}

/// Raw HTML with its scripting removed ([`source::raw_html`]).
fn without_scripts(event: Event<'static>) -> Event<'static> {
    match event {
        Event::Html(h) => Event::Html(source::raw_html::sanitize(&h).into_owned().into()),
        Event::InlineHtml(h) => {
            Event::InlineHtml(source::raw_html::sanitize(&h).into_owned().into())
        }
        e => e,
    }
}

/// Drops characters XML 1.0 forbids (C0 controls but tab and newlines).
fn xml_safe(event: Event<'_>) -> Event<'_> {
    use crate::formats::xml::forbidden;
    fn clean(s: CowStr<'_>) -> CowStr<'_> {
        if s.chars().any(forbidden) {
            s.chars()
                .filter(|c| !forbidden(*c))
                .collect::<String>()
                .into()
        } else {
            s
        }
    }
    match event {
        Event::Text(t) => Event::Text(clean(t)),
        Event::Code(t) => Event::Code(clean(t)),
        Event::InlineHtml(t) => Event::InlineHtml(clean(t)),
        e => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::segment_chapter;

    /// Plain text skips the parser; it must come out as the parser gives
    /// it, for the source and for a translation, one text event or none.
    #[test]
    fn plain_text_renders_as_the_parser_renders_it() {
        let pieces = [
            "a",
            "İstanbul'da",
            "می\u{200c}خواهم",
            "۱۲۳",
            "1. ",
            "# ",
            "- ",
            "+ ",
            "---",
            "\"q\"",
            "(x)",
            "http://example.org/a",
            "a@b.org",
            " ",
            "  ",
            ".",
            "?",
            "\u{a0}",
            "\u{2067}",
            "\u{fffe}",
            "\u{85}",
            "x:",
            "—",
            "%",
            "$5",
            "=",
        ];
        let mut checked = 0;
        for text in source::texts_of(&pieces, 11, 3000) {
            assert!(source::is_plain(&text), "{text:?}");
            checked += 1;
            for against in [None, Some("Some English.")] {
                assert_eq!(
                    inline_events(&text, &[], against, "html"),
                    parsed_inline_events(&text, &[], against, "html"),
                    "{text:?}"
                );
            }
        }
        assert_eq!(checked, 3000);
    }

    /// Brackets that make no link skip the parser too: the page, left to
    /// right or right to left, is what the parser's events make of them.
    #[test]
    fn brackets_that_make_no_link_render_as_the_parser_renders_them() {
        let pieces = [
            "a",
            "[",
            "]",
            "[az] ",
            "[1]",
            "[sic]",
            "] (",
            "][",
            "](",
            "[x]: ",
            " ",
            "متن",
            "می\u{200c}خواهم",
            "۱۲",
            "42",
            ".",
            "(x)",
            "İ",
        ];
        let mut checked = 0;
        for text in source::texts_of(&pieces, 5, 4000) {
            if !source::is_plain_but_brackets(&text, &[]) {
                continue;
            }
            checked += 1;
            for rtl in [false, true] {
                for against in [None, Some("Some English.")] {
                    assert_eq!(
                        html(in_direction(
                            inline_events(&text, &[], against, "html"),
                            rtl
                        )),
                        html(in_direction(
                            parsed_inline_events(&text, &[], against, "html"),
                            rtl
                        )),
                        "{text:?}"
                    );
                }
            }
            assert_eq!(
                source::plain_text(&text, &[]),
                source::parsed_plain_text(&text, &[]),
                "{text:?}"
            );
        }
        assert!(checked > 1500, "{checked}");
        let link = [source::LinkDefinition {
            label: "AZ".into(),
            url: "https://example.org".into(),
            title: String::new(),
        }];
        assert!(
            !source::is_plain_but_brackets("[az] text", &link),
            "a shortcut reference"
        );
        for linked in ["[a](u)", "[a][b]", "[a][]"] {
            assert!(!source::is_plain_but_brackets(linked, &[]), "{linked}");
        }
    }

    fn html(events: Vec<Event<'static>>) -> String {
        let mut s = String::new();
        pulldown_cmark::html::push_html(&mut s, events.into_iter());
        s
    }

    #[test]
    fn translated_markup_renders_and_hostile_markup_does_not() {
        let src = "Read [the site](https://example.org) now.";
        let ok = html(inline_events(
            "Oku [siteyi](https://example.org) şimdi.",
            &[],
            Some(src),
            "html",
        ));
        assert_eq!(ok, "Oku <a href=\"https://example.org\">siteyi</a> şimdi.");
        let hostile = html(inline_events(
            "<script>alert(1)</script> [x]( JaVaScRiPt:alert(1)) <img src=x onerror=alert(1)>\u{0}",
            &[],
            Some(src),
            "html",
        ));
        assert!(!hostile.contains("<script"), "{hostile}");
        assert!(!hostile.contains("<img"), "{hostile}");
        assert!(!hostile.contains("href"), "{hostile}");
        assert!(!hostile.contains('\u{0}'));
    }

    #[test]
    fn links_to_chapters_follow_the_format() {
        let out = html(inline_events(
            "[a](other.md#part) [b](https://x.org/r.md) [c](notes.md) [d](../guide/install.md#top)",
            &[],
            None,
            "xhtml",
        ));
        assert_eq!(
            out,
            "<a href=\"other.xhtml#part\">a</a> <a href=\"https://x.org/r.md\">b</a> <a href=\"notes.xhtml\">c</a> <a href=\"install.xhtml#top\">d</a>"
        );
    }

    /// A right-to-left translated page of an English book, in XHTML.
    fn persian_page<'a>(
        translations: &'a HashMap<String, Translation>,
        withheld: &'a HashMap<String, Withheld>,
        task_labels: [&'a str; 2],
        native_digits: bool,
    ) -> RenderOptions<'a> {
        RenderOptions {
            translations: Some(translations),
            rtl: true,
            source_lang: "en",
            source_rtl: false,
            chapter_ext: "xhtml",
            withheld,
            figures: None,
            task_labels,
            native_digits,
            marks: None,
            parsed: None,
        }
    }

    #[test]
    fn untranslated_segments_fall_back_to_marked_english() {
        let doc = segment_chapter("ch", "# Title\n\nOne. Two.\n");
        let ids: Vec<String> = doc.segments().map(|s| s.id.clone()).collect();
        let mut translations = HashMap::new();
        translations.insert(
            ids[1].clone(),
            Translation {
                text: "Bir.".into(),
                status: Status::Translated,
            },
        );
        translations.insert(
            ids[2].clone(),
            Translation {
                text: "İki?".into(),
                status: Status::Fuzzy,
            },
        );
        let withheld = HashMap::new();
        let out = render_chapter(
            &doc,
            &persian_page(&translations, &withheld, ["done", "not done"], false),
        );
        assert_eq!(out.fallbacks, 2);
        assert!(out.body.contains("<h1 id=\"title\"><span class=\"fallback\" lang=\"en\" xml:lang=\"en\" dir=\"ltr\">Title</span></h1>"), "{}", out.body);
        // The page is right to left: the Latin word is isolated.
        assert!(out.body.contains("<p><span dir=\"ltr\">Bir</span>. <span class=\"fallback fuzzy\" lang=\"en\" xml:lang=\"en\" dir=\"ltr\">Two.</span></p>"), "{}", out.body);
    }

    #[test]
    fn a_preview_marks_each_segment_with_its_state_and_po_line() {
        let doc = segment_chapter("ch", "# Title\n\nOne. Two.\n");
        let ids: Vec<String> = doc.segments().map(|s| s.id.clone()).collect();
        let translations = HashMap::from([(
            ids[1].clone(),
            Translation {
                text: "Bir <b>.".into(),
                status: Status::Translated,
            },
        )]);
        let withheld = HashMap::new();
        let lines = HashMap::from([(ids[1].clone(), 12)]);
        let marks = SegmentMarks {
            reviews: None,
            po_file: "locales/fa/ch.po",
            po_lines: Some(&lines),
            proof_page: "proof/ch.html",
        };
        let options = RenderOptions {
            marks: Some(&marks),
            ..persian_page(&translations, &withheld, ["done", "not done"], false)
        };
        let body = render_chapter(&doc, &options).body;
        let id = ids[1].replace('/', "-");
        assert!(
            body.contains(&format!("<p><span class=\"tercuman-segment\" data-state=\"translated\" data-po=\"locales/fa/ch.po:12\" data-proof=\"proof/ch.html#{id}\"><span dir=\"ltr\">Bir</span> &lt;<span dir=\"ltr\">b</span>&gt;.</span> <span class=\"tercuman-segment\" data-state=\"untranslated\" data-po=\"locales/fa/ch.po\"")),
            "{body}"
        );
        assert_eq!(count_of(&body, "<span class=\"tercuman-segment\""), 3);
        let published = render_chapter(
            &doc,
            &persian_page(&translations, &withheld, ["done", "not done"], false),
        )
        .body;
        assert!(
            !published.contains("tercuman-segment"),
            "never in an edition"
        );
    }

    fn count_of(haystack: &str, needle: &str) -> usize {
        haystack.matches(needle).count()
    }

    #[test]
    fn right_to_left_pages_isolate_latin_code_and_name_task_boxes() {
        let doc = segment_chapter(
            "ch",
            "Visit Baku in 2024 with `cargo`.\n\n- [x] Packed\n\n```rust\nfn main() {}\n```\n\n![Map of Baku](map.png)\n",
        );
        let ids: Vec<String> = doc.segments().map(|s| s.id.clone()).collect();
        let mut translations = HashMap::new();
        for (id, text) in ids.iter().zip([
            "در سال 2024 با `cargo` به Baku بروید.",
            "بسته شد",
            "![نقشهٔ Baku](map.png)",
        ]) {
            translations.insert(
                id.clone(),
                Translation {
                    text: text.into(),
                    status: Status::Translated,
                },
            );
        }
        let withheld = HashMap::new();
        let out = render_chapter(
            &doc,
            &persian_page(&translations, &withheld, ["انجام شده", "انجام نشده"], true),
        );
        let body = &out.body;
        assert!(body.contains("<p>در سال <span dir=\"ltr\">2024</span> با <code dir=\"ltr\">cargo</code> به <span dir=\"ltr\">Baku</span> بروید.</p>"), "{body}");
        assert!(body.contains("<input type=\"checkbox\" disabled=\"disabled\" checked=\"checked\" aria-label=\"انجام شده\" />"), "{body}");
        assert!(
            body.contains(
                "<pre dir=\"ltr\"><code class=\"language-rust\">fn main() {}\n</code></pre>"
            ),
            "{body}"
        );
        // Alt text stays text.
        assert!(body.contains("alt=\"نقشهٔ Baku\""), "{body}");
    }
}
