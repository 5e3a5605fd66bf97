//! Progress over time: a locale's counts after each moment its memory
//! changed, replayed from the revision history.
//!
//! The counts are of today's segments: what share of the book as it stands
//! was translated, reviewed or fuzzy at each moment. Segments that have
//! left the source are not counted, so the last moment agrees with the
//! locale's card.

use serde::Serialize;

use super::Counts;
use crate::tm::{StateChange, Status};

/// The most moments a history keeps: enough for a chart's width, few
/// enough for a small page on a book synced thousands of times.
pub const MAX_MOMENTS: usize = 240;

/// The counts of a locale's segments after every change up to `at`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Moment {
    /// RFC 3339 UTC.
    pub at: String,
    #[serde(flatten)]
    pub segments: Counts,
}

/// One segment's state as the replay tracks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct State {
    status: Status,
    reviewed: bool,
}

impl Counts {
    fn remove(&mut self, state: State) {
        match state.status {
            Status::Translated => self.translated -= 1,
            Status::Fuzzy => self.fuzzy -= 1,
            Status::Untranslated => self.untranslated -= 1,
        }
        if state.reviewed {
            self.reviewed -= 1;
        }
    }

    fn insert(&mut self, state: State) {
        match state.status {
            Status::Translated => self.translated += 1,
            Status::Fuzzy => self.fuzzy += 1,
            Status::Untranslated => self.untranslated += 1,
        }
        if state.reviewed {
            self.reviewed += 1;
        }
    }
}

/// Replays `changes` (oldest first, as [`crate::tm::Memory::state_changes`]
/// gives them) over the segments of `outline`: one moment per distinct
/// time, thinned to at most [`MAX_MOMENTS`] spread evenly over the time span.
pub fn progress(outline: &super::Outline, changes: &[StateChange]) -> Vec<Moment> {
    let untranslated = State {
        status: Status::Untranslated,
        reviewed: false,
    };
    let mut states = vec![untranslated; outline.len()];
    let mut counts = Counts {
        total: outline.len(),
        untranslated: outline.len(),
        ..Counts::default()
    };
    let mut moments: Vec<Moment> = Vec::new();
    for change in changes {
        let Some(i) = outline.order(&change.segment_id) else {
            continue;
        };
        let state = State {
            status: change.status,
            reviewed: change.reviewed && change.status == Status::Translated,
        };
        counts.remove(states[i]);
        counts.insert(state);
        states[i] = state;
        match moments.last_mut() {
            Some(last) if last.at == change.at => last.segments = counts,
            _ => moments.push(Moment {
                at: change.at.clone(),
                segments: counts,
            }),
        }
    }
    thin(moments, MAX_MOMENTS)
}

/// At most `max` moments: the last of each of `max` equal spans of time,
/// always keeping the first and the last moment.
fn thin(moments: Vec<Moment>, max: usize) -> Vec<Moment> {
    if moments.len() <= max || max < 3 {
        return moments;
    }
    let secs = |m: &Moment| crate::date::parse_rfc3339(&m.at).unwrap_or(0);
    let (first, last) = (secs(&moments[0]), secs(&moments[moments.len() - 1]));
    let span = (last - first).max(1) as i128;
    // Buckets 0..=max-2, and the first moment kept apart: at most `max`.
    let bucket = |m: &Moment| ((secs(m) - first) as i128 * (max as i128 - 2) / span) as usize;
    let mut kept: Vec<Moment> = Vec::with_capacity(max);
    for m in moments {
        let replaces_last = kept.len() > 1 && kept.last().is_some_and(|k| bucket(k) == bucket(&m));
        if replaces_last {
            *kept.last_mut().expect("a kept moment") = m;
        } else {
            kept.push(m);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(segment: &str, at: &str, status: Status, reviewed: bool) -> StateChange {
        StateChange {
            segment_id: segment.into(),
            at: at.into(),
            status,
            reviewed,
        }
    }

    fn chapter(markdown: &str) -> Vec<crate::source::ChapterDoc> {
        vec![crate::source::segment_chapter("ch", markdown)]
    }

    #[test]
    fn replays_changes_over_todays_segments() {
        let docs = chapter("One. Two.\n\nThree.\n");
        let ids: Vec<String> = docs[0].segments().map(|s| s.id.clone()).collect();
        assert_eq!(ids.len(), 3);
        let changes = [
            change(&ids[0], "2026-11-01T09:00:00Z", Status::Translated, false),
            change(&ids[1], "2026-11-01T09:00:00Z", Status::Fuzzy, false),
            change("ch/gone", "2026-11-02T09:00:00Z", Status::Translated, false),
            change(&ids[0], "2026-11-03T09:00:00Z", Status::Translated, true),
            change(&ids[1], "2026-11-04T09:00:00Z", Status::Translated, false),
            // An edit after the review: translated, no longer reviewed.
            change(&ids[0], "2026-11-05T09:00:00Z", Status::Translated, false),
            // The English changed: fuzzy.
            change(&ids[1], "2026-11-05T09:00:00Z", Status::Fuzzy, false),
        ];
        let moments = progress(&super::super::Outline::of(&docs), &changes);
        let at: Vec<(&str, usize, usize, usize, usize)> = moments
            .iter()
            .map(|m| {
                let c = m.segments;
                (
                    &m.at[..10],
                    c.translated,
                    c.reviewed,
                    c.fuzzy,
                    c.untranslated,
                )
            })
            .collect();
        assert_eq!(
            at,
            [
                ("2026-11-01", 1, 0, 1, 1),
                ("2026-11-03", 1, 1, 1, 1),
                ("2026-11-04", 2, 1, 0, 1),
                ("2026-11-05", 1, 0, 1, 1),
            ],
            "a segment that left the source is not counted, and its moment is not a step"
        );
        assert!(moments.iter().all(|m| m.segments.total == 3));
    }

    #[test]
    fn thins_a_long_history_evenly_keeping_both_ends() {
        let moments: Vec<Moment> = (0..1000)
            .map(|i| Moment {
                at: crate::date::rfc3339(1_790_000_000 + i * 60),
                segments: Counts {
                    total: 1000,
                    translated: i as usize,
                    ..Counts::default()
                },
            })
            .collect();
        let kept = thin(moments.clone(), 100);
        assert!(kept.len() <= 100 && kept.len() >= 90, "{}", kept.len());
        assert_eq!(kept.first(), moments.first());
        assert_eq!(kept.last(), moments.last());
        assert!(kept.windows(2).all(|w| w[0].at < w[1].at));
    }
}
