//! The bilingual proof of a translated chapter: each segment's English
//! beside its translation, with its state, its reviewer's verdict and the
//! PO line where it is fixed.

use std::collections::HashMap;

use super::{figures, render, ProofRow, Withheld};
use crate::source::ChapterDoc;
use crate::status::effective_status;
use crate::tm::{Review, Translation};

/// What a chapter's proof rows are made from.
pub(super) struct ProofInputs<'a> {
    pub translations: &'a HashMap<String, Translation>,
    pub reviews: Option<&'a HashMap<String, Review>>,
    pub withheld: &'a HashMap<String, Withheld>,
    /// Line of each segment's msgstr as the last sync left the PO file.
    pub po_lines: Option<&'a HashMap<String, usize>>,
    pub figures: &'a figures::Figures,
}

/// The `id` of a segment's row on its proof page (`ch-1a2b` for `ch/1a2b`),
/// what the preview's marks link to.
pub(super) fn row_id(segment: &str) -> String {
    segment.replace('/', "-")
}

/// The proof rows of one chapter. `parsed` holds translations' events as
/// the HTML page parsed them (`render::RenderOptions::parsed`), by segment.
pub(super) fn proof_rows(
    doc: &ChapterDoc,
    inputs: &ProofInputs,
    mut parsed: HashMap<String, Vec<pulldown_cmark::Event<'static>>>,
) -> Vec<ProofRow> {
    let inline_html = |text: &str, source: Option<&str>, parsed: Option<Vec<_>>| {
        let mut html = String::new();
        let events =
            parsed.unwrap_or_else(|| render::inline_events(text, &doc.links, source, "html"));
        let events = render::footnotes(events, &doc.footnotes, render::NoteStyle::Plain, |n| {
            n.to_string()
        });
        // Proof pages are one folder down from the edition's pages.
        let events = render::images(events, &doc.slug, Some(inputs.figures), false, "../");
        let events = render::links_from_subfolder(events);
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        html
    };
    doc.segments()
        .map(|seg| {
            let t = inputs.translations.get(&seg.id);
            let status = effective_status(t);
            let verdict = t
                .zip(inputs.reviews.and_then(|r| r.get(&seg.id)))
                .filter(|(t, r)| r.stands_for(t))
                .map(|(_, r)| (r.describe(), !r.rejected));
            ProofRow {
                segment: seg.id.clone(),
                source_html: inline_html(&seg.text, None, None),
                translation_html: t
                    .filter(|t| !t.text.is_empty())
                    .map(|t| inline_html(&t.text, Some(&seg.text), parsed.remove(&seg.id)))
                    .unwrap_or_default(),
                status,
                withheld: inputs.withheld.get(&seg.id).copied(),
                verdict,
                po_line: inputs.po_lines.and_then(|l| l.get(&seg.id)).copied(),
            }
        })
        .collect()
}
