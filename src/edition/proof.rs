//! The bilingual proof of a translated chapter: each segment's English
//! beside its translation, with its state, its reviewer's verdict and the
//! PO line where it is fixed.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

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
    pub sources: &'a SourceColumns,
}

/// The proofs' English column of each chapter, made once for every
/// locale's proof, where it is the same: but for a segment with an image,
/// which each locale may publish its own of, and which each locale's
/// proof makes for itself (`None`).
pub(super) struct SourceColumns(HashMap<String, OnceLock<Vec<Option<Arc<str>>>>>);

impl SourceColumns {
    pub fn of(docs: &[ChapterDoc]) -> SourceColumns {
        SourceColumns(
            docs.iter()
                .map(|doc| (doc.slug.clone(), OnceLock::new()))
                .collect(),
        )
    }

    /// `doc`'s column, one cell per segment; made by the first proof that
    /// asks for it (a chapter these columns were not made for gets its
    /// own).
    fn column(&self, doc: &ChapterDoc) -> std::borrow::Cow<'_, [Option<Arc<str>>]> {
        let make = || {
            doc.segments()
                .map(|seg| {
                    let events = source_events(doc, &seg.text);
                    let has_image = events.iter().any(|e| {
                        matches!(
                            e,
                            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Image { .. })
                        )
                    });
                    (!has_image).then(|| Arc::from(cell_html(events, doc, None)))
                })
                .collect()
        };
        match self.0.get(&doc.slug) {
            Some(column) => column.get_or_init(make).as_slice().into(),
            None => make().into(),
        }
    }
}

/// A source segment's events as a proof shows them, before its images
/// are pointed at the locale's.
fn source_events(doc: &ChapterDoc, text: &str) -> Vec<pulldown_cmark::Event<'static>> {
    let events = render::inline_events(text, &doc.links, None, "html");
    render::footnotes(events, &doc.footnotes, render::NoteStyle::Plain, |n| {
        n.to_string()
    })
}

/// One cell's HTML from its events (images pointed at `figures`, when
/// given), on a page one folder down from the edition's pages.
fn cell_html(
    events: Vec<pulldown_cmark::Event<'static>>,
    doc: &ChapterDoc,
    figures: Option<&figures::Figures>,
) -> String {
    let events = render::images(events, &doc.slug, figures, false, "../");
    let events = render::links_from_subfolder(events);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
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
    let translation_html = |text: &str, source: &str, parsed: Option<Vec<_>>| {
        let events =
            parsed.unwrap_or_else(|| render::inline_events(text, &doc.links, Some(source), "html"));
        let events = render::footnotes(events, &doc.footnotes, render::NoteStyle::Plain, |n| {
            n.to_string()
        });
        cell_html(events, doc, Some(inputs.figures))
    };
    let sources = inputs.sources.column(doc);
    doc.segments()
        .zip(sources.iter())
        .map(|(seg, source_html)| {
            let t = inputs.translations.get(&seg.id);
            let status = effective_status(t);
            let verdict = t
                .zip(inputs.reviews.and_then(|r| r.get(&seg.id)))
                .filter(|(t, r)| r.stands_for(t))
                .map(|(_, r)| (r.describe(), !r.rejected));
            ProofRow {
                segment: seg.id.clone(),
                source_html: source_html.clone().unwrap_or_else(|| {
                    let events = source_events(doc, &seg.text);
                    cell_html(events, doc, Some(inputs.figures)).into()
                }),
                translation_html: t
                    .filter(|t| !t.text.is_empty())
                    .map(|t| translation_html(&t.text, &seg.text, parsed.remove(&seg.id)))
                    .unwrap_or_default(),
                status,
                withheld: inputs.withheld.get(&seg.id).copied(),
                verdict,
                po_line: inputs.po_lines.and_then(|l| l.get(&seg.id)).copied(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::segment_chapter;

    fn figures(published: &str) -> figures::Figures {
        let mut figures = figures::Figures::default();
        figures.paths.insert(
            ("ch".to_string(), "map.png".to_string()),
            published.to_string(),
        );
        figures
    }

    fn source_column(
        doc: &ChapterDoc,
        sources: &SourceColumns,
        figures: &figures::Figures,
    ) -> Vec<String> {
        let inputs = ProofInputs {
            translations: &HashMap::new(),
            reviews: None,
            withheld: &HashMap::new(),
            po_lines: None,
            figures,
            sources,
        };
        proof_rows(doc, &inputs, HashMap::new())
            .into_iter()
            .map(|row| row.source_html.to_string())
            .collect()
    }

    #[test]
    fn every_locales_proof_shows_the_english_with_its_own_images() {
        let doc = segment_chapter("ch", "# Title\n\nSee *the map*. ![Map](map.png)\n");
        let sources = SourceColumns::of(std::slice::from_ref(&doc));
        let fa = source_column(&doc, &sources, &figures("images/fa-map.png"));
        let tr = source_column(&doc, &sources, &figures("images/tr-map.png"));
        assert_eq!(fa[0], tr[0], "the same heading");
        assert_eq!(fa[1], "See <em>the map</em>.");
        assert_eq!(fa[1], tr[1]);
        assert!(fa[2].contains("src=\"../images/fa-map.png\""), "{}", fa[2]);
        assert!(tr[2].contains("src=\"../images/tr-map.png\""), "{}", tr[2]);
    }
}
