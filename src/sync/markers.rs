//! A reviewer's verdict written in a PO file: a translator comment
//! `# reviewed` (or `# reviewed: a note`) approves the entry as it stands,
//! `# rejected: the reason` rejects it. PO editors (Poedit's comment field)
//! and `msgcat` keep translator comments, so the marker waits in the file
//! until a sync takes it: the reviewer is the file's `Last-Translator`
//! (what Poedit sets from its user's identity), the verdict becomes a
//! revision like `tercuman review`'s, and the marker gives way to the `#.`
//! comment that shows the verdict. A marker that cannot be taken stays in
//! the file and is reported with its line.

use std::collections::HashSet;

use super::{Conflict, LocaleEdits, SyncReport};
use crate::formats::po;
use crate::tm::{Changes, Origin, Review, Status, TranslationChange};

/// A verdict a translator comment asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Marker {
    Approve(Option<String>),
    /// The reason (empty when the comment gives none, which is refused).
    Reject(String),
}

/// The marker a translator comment is, if any: `reviewed[: note]` or
/// `rejected: reason`, in any case, with or without the colon's space.
fn marker(comment: &str) -> Option<Marker> {
    let comment = comment.trim();
    let word = |w: &str| {
        let head = comment.get(..w.len())?;
        let rest = &comment[w.len()..];
        (head.eq_ignore_ascii_case(w) && (rest.is_empty() || rest.starts_with(':')))
            .then(|| rest.trim_start_matches(':').trim().to_string())
    };
    if let Some(note) = word("reviewed") {
        return Some(Marker::Approve((!note.is_empty()).then_some(note)));
    }
    word("rejected").map(Marker::Reject)
}

/// Why a marker was left in its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerLeft {
    /// The file's `Last-Translator` is unset (or a template's placeholder).
    NoReviewer,
    /// The entry has no translation.
    NothingToReview,
    /// The entry's edit conflicts with the memory's.
    InConflict,
    /// `# rejected` without a reason.
    NoReason,
    /// `# reviewed` on a fuzzy entry.
    NotTranslated,
}

impl MarkerLeft {
    /// The id of the message that explains it.
    pub fn message_id(self) -> &'static str {
        match self {
            MarkerLeft::NoReviewer => "sync-marker-no-reviewer",
            MarkerLeft::NothingToReview => "sync-marker-nothing",
            MarkerLeft::InConflict => "sync-marker-conflict",
            MarkerLeft::NoReason => "sync-marker-no-reason",
            MarkerLeft::NotTranslated => "sync-marker-fuzzy",
        }
    }
}

/// Whether a translator comment is a verdict marker.
pub(super) fn is_marker(comment: &str) -> bool {
    marker(comment).is_some()
}

/// The reviewer a file names: its `Last-Translator`, without the address.
fn reviewer(catalog: &po::Catalog) -> Option<String> {
    let field = super::write::kept_header_field(&catalog.header, "Last-Translator")
        .filter(|f| *f != super::write::NO_TRANSLATOR)?;
    let name = field.split('<').next().unwrap_or(field).trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// Takes the verdict markers of one chapter file after its edits were
/// imported: each becomes a review revision in `changes` and in `locale`.
/// Returns the segments whose marker was taken (their comment is dropped
/// when the file is rewritten).
pub(super) fn take_verdicts(
    catalog: &po::Catalog,
    display: &str,
    locale: &mut LocaleEdits,
    changes: &mut Changes,
    report: &mut SyncReport,
    now: i64,
) -> HashSet<String> {
    let mut taken = HashSet::new();
    let at = |e: &po::Entry, id: &str| Conflict {
        file: display.to_string(),
        line: e.msgstr_line,
        segment: id.to_string(),
    };
    for e in catalog.entries.iter().filter(|e| !e.obsolete) {
        let (Some(id), Some(asked)) = (
            e.msgctxt.as_ref(),
            e.translator_comments.iter().find_map(|c| marker(c)),
        ) else {
            continue;
        };
        let refuse = |report: &mut SyncReport, why: MarkerLeft| {
            report.markers_left.push((at(e, id), why));
        };
        let Some(by) = reviewer(catalog) else {
            refuse(report, MarkerLeft::NoReviewer);
            continue;
        };
        let Some(current) = locale
            .translations
            .get(id)
            .filter(|t| !t.text.is_empty())
            .cloned()
        else {
            refuse(report, MarkerLeft::NothingToReview);
            continue;
        };
        if current != super::entry_state(e) {
            refuse(report, MarkerLeft::InConflict);
            continue;
        }
        let (rejected, note) = match asked {
            Marker::Reject(reason) if reason.is_empty() => {
                refuse(report, MarkerLeft::NoReason);
                continue;
            }
            Marker::Reject(reason) => (true, Some(reason)),
            Marker::Approve(_) if current.status != Status::Translated => {
                refuse(report, MarkerLeft::NotTranslated);
                continue;
            }
            Marker::Approve(note) => (false, note),
        };
        taken.insert(id.clone());
        let review = Review {
            rejected,
            by,
            at: crate::date::rfc3339(now),
            note,
            text: current.text.clone(),
        };
        let same = locale.reviews.get(id).is_some_and(|r| {
            r.rejected == review.rejected
                && r.by == review.by
                && r.note == review.note
                && r.stands_for(&current)
        });
        if same {
            continue;
        }
        let mut translation = current;
        if rejected {
            translation.status = Status::Fuzzy;
        }
        let origin = if rejected {
            Origin::Rejected
        } else {
            Origin::Review
        };
        let mut change = TranslationChange::new(id, locale.code, translation, origin);
        change.author = Some(review.by.clone());
        change.note = review.note.clone();
        locale.take(&change);
        changes.translations.push(change);
        report.po_verdicts.push((at(e, id), review.describe()));
        locale.reviews.insert(id.clone(), review);
    }
    taken
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_read_in_any_case_and_other_comments_are_not() {
        assert_eq!(marker("reviewed"), Some(Marker::Approve(None)));
        assert_eq!(
            marker(" Reviewed: fine now "),
            Some(Marker::Approve(Some("fine now".into())))
        );
        assert_eq!(
            marker("REJECTED:use İktidar"),
            Some(Marker::Reject("use İktidar".into()))
        );
        assert_eq!(marker("rejected"), Some(Marker::Reject(String::new())));
        assert_eq!(marker("reviewed the first half only"), None);
        assert_eq!(marker("a translator's note"), None);
    }
}
