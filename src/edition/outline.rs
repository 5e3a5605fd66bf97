//! What the site shows of a chapter besides its body: its title, its
//! headings and the plain text of every segment as the edition publishes
//! it (translated, or the source standing in), for the contents and search.

use std::collections::HashMap;

use super::Withheld;
use crate::source::{plain_text, BlockKind, ChapterDoc, LinkDefinition, Node, Segment};
use crate::status::effective_status;
use crate::tm::{Status, Translation};

/// A heading of a chapter as the edition shows it.
pub struct Section {
    pub level: u8,
    /// Its `id`, the same in every language.
    pub anchor: String,
    /// Plain text in the edition's language (or the source's standing in).
    pub title: String,
}

/// One segment's published plain text, for the search index.
pub struct Passage {
    /// The section it is in (index into [`EditionChapter::sections`]).
    pub section: Option<usize>,
    pub text: String,
}

/// A segment's text as the edition publishes it (inline Markdown): its
/// translation, or the source standing in for it; and whether it stands in.
fn published_text<'d>(
    segment: &'d Segment,
    translations: Option<&'d HashMap<String, Translation>>,
    withheld: &HashMap<String, Withheld>,
) -> (&'d str, bool) {
    match translations.and_then(|t| t.get(&segment.id)) {
        Some(t)
            if effective_status(Some(t)) == Status::Translated
                && !withheld.contains_key(&segment.id) =>
        {
            (&t.text, false)
        }
        _ => (&segment.text, translations.is_some()),
    }
}

/// A chapter's title: its first heading, translated when it is; and whether
/// any of it is English standing in for a missing translation.
pub(super) fn chapter_title(
    doc: &ChapterDoc,
    translations: Option<&HashMap<String, Translation>>,
    withheld: &HashMap<String, Withheld>,
) -> (String, bool) {
    let heading = doc.nodes.iter().find_map(|n| match n {
        Node::Leaf(l) if l.anchor.is_some() => Some(l),
        _ => None,
    });
    let Some(heading) = heading else {
        return (doc.slug.clone(), false);
    };
    let mut fallback = false;
    let text: Vec<String> = heading
        .segments
        .iter()
        .map(|s| {
            let (text, stands_in) = published_text(s, translations, withheld);
            fallback |= stands_in;
            plain_text(text, &doc.links)
        })
        .collect();
    (text.join(" "), fallback)
}

/// The visible text of inline Markdown: the text itself when it has no
/// character Markdown could give a meaning to (most sentences), else what
/// the parser makes of it.
fn plain(text: &str, links: &[LinkDefinition]) -> String {
    const MARKUP: &[char] = &[
        '\\', '`', '*', '_', '[', ']', '<', '>', '&', '!', '~', '|', '\n', '$', '^',
    ];
    if text.contains(MARKUP) {
        plain_text(text, links)
    } else {
        text.to_string()
    }
}

/// A chapter's headings and the plain text of every segment as the edition
/// publishes them, for the site's navigation and search.
pub(super) fn outline(
    doc: &ChapterDoc,
    translations: Option<&HashMap<String, Translation>>,
    withheld: &HashMap<String, Withheld>,
) -> (Vec<Section>, Vec<Passage>) {
    let mut sections: Vec<Section> = Vec::new();
    let mut passages = Vec::new();
    for leaf in doc.leaves() {
        let texts: Vec<String> = leaf
            .segments
            .iter()
            .map(|s| plain(published_text(s, translations, withheld).0, &doc.links))
            .collect();
        if let (BlockKind::Heading(level), Some(anchor)) = (leaf.kind, &leaf.anchor) {
            sections.push(Section {
                level,
                anchor: anchor.clone(),
                title: texts.join(" "),
            });
        }
        let section = sections.len().checked_sub(1);
        passages.extend(
            texts
                .into_iter()
                .filter(|t| !t.trim().is_empty())
                .map(|text| Passage { section, text }),
        );
    }
    (sections, passages)
}
