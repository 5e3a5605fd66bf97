//! Review: a reviewer's verdict on translations as they stand, kept in the
//! memory as revisions like every other (origin `review` or `rejected`,
//! with the reviewer and a note). A translation is reviewed while such a
//! revision is its newest: any edit after it, or a change of the English,
//! makes a newer revision and the translation is unreviewed again.

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::tm::{Memory, Origin, Status, StoredSegment, Translation, TranslationChange};

/// What a reviewer gives a verdict on, and the verdict.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub locale: String,
    /// Chapter slugs; with `segments` empty and this empty, the whole book.
    pub chapters: Vec<String>,
    pub segments: Vec<String>,
    pub by: String,
    pub note: Option<String>,
    /// Rejected translations become fuzzy, with the note, until a
    /// translator changes them.
    pub reject: bool,
}

/// What a review changed, and what it left alone and why.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Segments given the verdict, in reading order.
    pub marked: Vec<String>,
    /// Already given this verdict on the same text.
    pub unchanged: usize,
    /// Not translated yet (nothing to review).
    pub untranslated: usize,
    /// Fuzzy: a translator must confirm them before they are approved.
    pub fuzzy: usize,
}

/// Records the verdict on every selected segment of the current source.
pub fn review(memory: &mut Memory, request: &Request, now: i64) -> Result<Outcome> {
    let segments = memory.segments()?;
    let selected = select(&segments, request)?;
    let translations = memory.translations(&request.locale)?;
    let reviews = memory.reviews(&request.locale)?;
    let mut outcome = Outcome::default();
    let mut changes = crate::tm::Changes::default();
    for segment in selected {
        let Some(current) = translations.get(&segment.id).filter(|t| !t.text.is_empty()) else {
            outcome.untranslated += 1;
            continue;
        };
        if current.status == Status::Fuzzy && !request.reject {
            let rejected_before = reviews.get(&segment.id).is_some_and(|r| r.rejected);
            if !rejected_before {
                outcome.fuzzy += 1;
                continue;
            }
            // A rejected text approved after all.
        }
        let same = reviews.get(&segment.id).is_some_and(|r| {
            r.rejected == request.reject && r.text == current.text && r.note == request.note
        });
        if same {
            outcome.unchanged += 1;
            continue;
        }
        let status = if request.reject {
            Status::Fuzzy
        } else {
            Status::Translated
        };
        let origin = if request.reject {
            Origin::Rejected
        } else {
            Origin::Review
        };
        let translation = Translation {
            text: current.text.clone(),
            status,
        };
        let mut change = TranslationChange::new(&segment.id, &request.locale, translation, origin);
        change.author = Some(request.by.clone());
        change.note = request.note.clone();
        changes.translations.push(change);
        outcome.marked.push(segment.id.clone());
    }
    memory.apply(&changes, now)?;
    Ok(outcome)
}

/// The current segments a request names, in reading order; a chapter or
/// segment the book does not have is an error naming it.
fn select<'a>(
    segments: &'a HashMap<String, StoredSegment>,
    request: &Request,
) -> Result<Vec<&'a StoredSegment>> {
    let current: Vec<&StoredSegment> = crate::tm::reading_order(segments)
        .into_iter()
        .filter(|s| s.position.is_some())
        .collect();
    for chapter in &request.chapters {
        if !current.iter().any(|s| &s.chapter == chapter) {
            return Err(Error::Other(
                crate::said!("review-no-chapter", "chapter" => chapter),
            ));
        }
    }
    for id in &request.segments {
        if !current.iter().any(|s| &s.id == id) {
            return Err(Error::Other(crate::said!("review-no-segment", "id" => id)));
        }
    }
    let whole_book = request.chapters.is_empty() && request.segments.is_empty();
    Ok(current
        .into_iter()
        .filter(|s| {
            whole_book || request.chapters.contains(&s.chapter) || request.segments.contains(&s.id)
        })
        .collect())
}
