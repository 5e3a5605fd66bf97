//! Reusing the memory for segments that have no translation yet:
//! exact matches (translated, with a context score when the neighbours match
//! too), fuzzy matches above the book's threshold, and for a sentence split
//! in two or two merged into one, the translations of the sentences they came
//! from. Everything but an exact match arrives as *fuzzy*, with the English it
//! was made for, so the translator sees what changed.

use std::collections::{HashMap, HashSet};

use crate::tm::matching::{score, tokenize, Match, MatchIndex, TokenKind};

/// Share of a sentence's words that must be found in another for a split or merge.
const SPLIT_SHARE: f64 = 0.6;
use crate::tm::{Origin, Status, StoredSegment, Suggestion, Translation, TranslationChange};

/// Retired segments with their words, by file.
type RetiredByFile<'a> = HashMap<&'a str, Vec<(&'a StoredSegment, Vec<String>)>>;

type Neighbours<'a> = HashMap<&'a str, (Option<&'a str>, Option<&'a str>)>;

/// The memory's segments arranged for matching; built once per sync.
pub struct Leverage<'a> {
    segments: &'a HashMap<String, StoredSegment>,
    /// Neighbours of every segment (previous, next source), current and retired
    /// segments each in their own reading order.
    /// Made on first use: a first sync never needs them.
    neighbours: std::cell::OnceCell<Neighbours<'a>>,
    /// Segment ids by English text, for exact matches; made on first use.
    same_source: std::cell::OnceCell<HashMap<&'a str, Vec<&'a str>>>,
    /// Segments new in this sync, in book order: candidates for fuzzy matches.
    new_ids: &'a [String],
    /// Segments that left the source in this sync: candidates for split/merge.
    retired_now: &'a [String],
    /// The segments that just left the source, by file, with their words:
    /// made once, not for every sentence that looks for a split or merge.
    retired_by_file: std::cell::OnceCell<RetiredByFile<'a>>,
    threshold: u32,
    lang: String,
    index: Option<(MatchIndex, Vec<&'a str>)>,
    /// The best match of each looked-up segment, whatever the locale: one
    /// lookup serves every locale that has it translated (a single-best
    /// search can stop early; see `MatchIndex::search`). A locale that
    /// cannot use it searches again for its own best.
    best_any: HashMap<String, Option<Match>>,
}

impl<'a> Leverage<'a> {
    pub fn new(
        segments: &'a HashMap<String, StoredSegment>,
        new_ids: &'a [String],
        retired_now: &'a [String],
        threshold: u32,
        source_lang: &str,
    ) -> Leverage<'a> {
        Leverage {
            segments,
            neighbours: std::cell::OnceCell::new(),
            same_source: std::cell::OnceCell::new(),
            retired_by_file: std::cell::OnceCell::new(),
            new_ids,
            retired_now,
            threshold,
            lang: source_lang.to_string(),
            index: None,
            best_any: HashMap::new(),
        }
    }

    fn neighbours(&self) -> &Neighbours<'a> {
        self.neighbours.get_or_init(|| {
            let segments: &'a HashMap<String, StoredSegment> = self.segments;
            let ordered = crate::tm::reading_order(segments);
            let mut neighbours = HashMap::new();
            for (i, s) in ordered.iter().enumerate() {
                let same_group = |o: &&StoredSegment| {
                    o.position.is_some() == s.position.is_some() && o.file == s.file
                };
                let prev = i
                    .checked_sub(1)
                    .map(|j| ordered[j])
                    .filter(same_group)
                    .map(|o| o.source.as_str());
                let next = ordered
                    .get(i + 1)
                    .filter(|o| same_group(o))
                    .map(|o| o.source.as_str());
                neighbours.insert(s.id.as_str(), (prev, next));
            }
            neighbours
        })
    }

    /// Exact, fuzzy, then split/merge suggestions for one locale.
    pub fn suggest(
        &mut self,
        locale: &str,
        translations: &HashMap<String, Translation>,
    ) -> Vec<TranslationChange> {
        // Nothing translated in this locale (a first sync): nothing to lend.
        if !translations.values().any(|t| !t.text.is_empty()) {
            return Vec::new();
        }
        let t = crate::timings::phase(|| format!("{locale}: leverage: exact"));
        let mut out = self.exact(locale, translations);
        drop(t);
        let filled: HashSet<String> = out.iter().map(|c| c.segment_id.clone()).collect();
        let open: Vec<&String> = self
            .new_ids
            .iter()
            .filter(|id| !translations.contains_key(*id) && !filled.contains(*id))
            .collect();
        if open.is_empty() {
            return out;
        }
        // Which indexed segments can lend a translation in this locale,
        // decided once rather than for every candidate of every lookup.
        let t = crate::timings::phase(|| format!("{locale}: leverage: index"));
        self.ensure_index();
        drop(t);
        let accepted: Vec<bool> = self.index.as_ref().map_or_else(Vec::new, |(_, units)| {
            units
                .iter()
                .map(|u| {
                    translations
                        .get(*u)
                        .is_some_and(|t| t.status == Status::Translated && !t.text.is_empty())
                })
                .collect()
        });
        let t = crate::timings::phase(|| format!("{locale}: leverage: best matches"));
        self.prefetch_best(&open);
        drop(t);
        let t = crate::timings::phase(|| format!("{locale}: leverage: fuzzy"));
        let mut still_open = Vec::new();
        for id in open {
            match self.fuzzy(id, locale, translations, &accepted) {
                Some(change) => out.push(change),
                None => still_open.push(id),
            }
        }
        drop(t);
        let _t = crate::timings::phase(|| format!("{locale}: leverage: split/merge"));
        for id in still_open {
            if let Some(change) = self.split_or_merge(id, locale, translations) {
                out.push(change);
            }
        }
        out
    }

    /// Current segments never translated in this locale get the translation
    /// of an identical English segment, if one is translated.
    fn exact(
        &self,
        locale: &str,
        translations: &HashMap<String, Translation>,
    ) -> Vec<TranslationChange> {
        let translated = |id: &str| {
            translations
                .get(id)
                .is_some_and(|t| t.status == Status::Translated && !t.text.is_empty())
        };
        let mut out: Vec<TranslationChange> = self
            .segments
            .values()
            .filter(|s| s.position.is_some() && !translations.contains_key(&s.id))
            .filter_map(|s| {
                let candidates: Vec<&str> = self
                    .same_source()
                    .get(s.source.as_str())?
                    .iter()
                    .copied()
                    .filter(|c| translated(c))
                    .collect();
                if candidates.is_empty() {
                    return None;
                }
                // Prefer a context match: the neighbours' English matches too.
                let neighbours = self.neighbours();
                let context = candidates
                    .iter()
                    .find(|c| neighbours.get(**c) == neighbours.get(s.id.as_str()));
                let (from, score) = match context {
                    Some(c) => (*c, 101),
                    None => (candidates[0], 100),
                };
                let mut change = TranslationChange::new(
                    &s.id,
                    locale,
                    translations[from].clone(),
                    Origin::ExactMatch,
                );
                change.suggestion = Some(Suggestion {
                    previous_source: s.source.clone(),
                    score: Some(score),
                    from: from.to_string(),
                });
                Some(change)
            })
            .collect();
        out.sort_by(|a, b| a.segment_id.cmp(&b.segment_id));
        out
    }

    /// Every segment's id by its English, ids in order; built on first use.
    fn same_source(&self) -> &HashMap<&'a str, Vec<&'a str>> {
        self.same_source.get_or_init(|| {
            let segments: &'a HashMap<String, StoredSegment> = self.segments;
            let mut by_source: HashMap<&str, Vec<&str>> = HashMap::new();
            for s in segments.values() {
                by_source.entry(&s.source).or_default().push(&s.id);
            }
            for ids in by_source.values_mut() {
                ids.sort_unstable();
            }
            by_source
        })
    }

    /// The index of every segment but the new ones, built on first use.
    fn ensure_index(&mut self) {
        if self.index.is_some() {
            return;
        }
        let new: HashSet<&str> = self.new_ids.iter().map(String::as_str).collect();
        let mut ids: Vec<&'a str> = self
            .segments
            .keys()
            .map(String::as_str)
            .filter(|id| !new.contains(id))
            .collect();
        ids.sort_unstable();
        let mut index = MatchIndex::new(&self.lang);
        let texts: Vec<&str> = ids
            .iter()
            .map(|id| self.segments[*id].source.as_str())
            .collect();
        index.add_all(&texts);
        self.index = Some((index, ids));
    }

    /// Looks up, on every core, the best matches `fuzzy` will need.
    fn prefetch_best(&mut self, ids: &[&String]) {
        let Some((index, _)) = self.index.as_ref() else {
            return;
        };
        let missing: Vec<&str> = ids
            .iter()
            .map(|id| id.as_str())
            .filter(|id| !self.best_any.contains_key(*id))
            .collect();
        let found = crate::parallel::map(&missing, |id| {
            self.segments
                .get(*id)
                .and_then(|s| index.best(&s.source, self.threshold, |_| true))
        });
        for (id, best) in missing.into_iter().zip(found) {
            self.best_any.insert(id.to_string(), best);
        }
    }

    /// The best fuzzy match at or above the threshold, from any segment
    /// translated in this locale.
    fn fuzzy(
        &mut self,
        id: &str,
        locale: &str,
        translations: &HashMap<String, Translation>,
        accepted: &[bool],
    ) -> Option<TranslationChange> {
        let segments = self.segments;
        let (index, units) = self.index.as_ref()?;
        if index.is_empty() {
            return None;
        }
        let source = &segments.get(id)?.source;
        let best_any = *self
            .best_any
            .entry(id.to_string())
            .or_insert_with(|| index.best(source, self.threshold, |_| true));
        // Nothing at the threshold at all, or the best is usable here;
        // otherwise this locale's own best.
        let found = match best_any? {
            m if accepted[m.unit] => m,
            _ => index.best(source, self.threshold, |unit| accepted[unit])?,
        };
        let from = units[found.unit];
        let mut change = TranslationChange::new(
            id,
            locale,
            Translation {
                text: translations[from].text.clone(),
                status: Status::Fuzzy,
            },
            Origin::FuzzyMatch,
        );
        change.suggestion = Some(Suggestion {
            previous_source: segments[from].source.clone(),
            score: Some(found.score.percent),
            from: from.to_string(),
        });
        Some(change)
    }

    /// The words of a sentence (no numbers, markup or punctuation).
    fn words(&self, text: &str) -> Vec<String> {
        tokenize(text, &self.lang)
            .into_iter()
            .filter(|(_, k)| *k == TokenKind::Word)
            .map(|(w, _)| w)
            .collect()
    }

    /// The segments that left the source in this sync, by file, with
    /// their words; made on first use.
    fn retired_by_file(&self) -> &RetiredByFile<'a> {
        self.retired_by_file.get_or_init(|| {
            let segments: &'a HashMap<String, StoredSegment> = self.segments;
            let mut by_file: RetiredByFile<'a> = HashMap::new();
            for r in self.retired_now.iter().filter_map(|r| segments.get(r)) {
                by_file
                    .entry(r.file.as_str())
                    .or_default()
                    .push((r, self.words(&r.source)));
            }
            by_file
        })
    }

    /// A fuzzy suggestion for segment `id`: `text`, made for `previous`.
    fn suggestion(
        &self,
        id: &str,
        locale: &str,
        origin: Origin,
        text: String,
        previous: String,
        from: String,
    ) -> TranslationChange {
        let mut change = TranslationChange::new(
            id,
            locale,
            Translation {
                text,
                status: Status::Fuzzy,
            },
            origin,
        );
        let source = self.segments.get(id).map_or("", |s| s.source.as_str());
        change.suggestion = Some(Suggestion {
            score: score(source, &previous, &self.lang).map(|s| s.percent),
            previous_source: previous,
            from,
        });
        change
    }

    /// A sentence split off one that just left the source gets that
    /// sentence's translation; one that absorbed several gets theirs, joined.
    fn split_or_merge(
        &self,
        id: &str,
        locale: &str,
        translations: &HashMap<String, Translation>,
    ) -> Option<TranslationChange> {
        let seg = self.segments.get(id)?;
        let text = seg.source.trim();
        let gone: Vec<&(&StoredSegment, Vec<String>)> = self
            .retired_by_file()
            .get(seg.file.as_str())
            .map(|list| {
                list.iter()
                    .filter(|(r, _)| translations.get(&r.id).is_some_and(|t| !t.text.is_empty()))
                    .collect()
            })
            .unwrap_or_default();
        let mine = self.words(text);
        if mine.is_empty() {
            return None;
        }
        if let Some((whole, _)) = gone.iter().find(|(_, theirs)| {
            theirs.len() > mine.len() && word_share(&mine, theirs) >= SPLIT_SHARE
        }) {
            return Some(self.suggestion(
                id,
                locale,
                Origin::Split,
                translations[&whole.id].text.clone(),
                whole.source.clone(),
                whole.id.clone(),
            ));
        }
        let parts: Vec<&StoredSegment> = gone
            .iter()
            .filter(|(_, theirs)| {
                theirs.len() < mine.len() && word_share(theirs, &mine) >= SPLIT_SHARE
            })
            .map(|(r, _)| *r)
            .collect();
        if parts.len() >= 2 {
            let join = |f: &dyn Fn(&StoredSegment) -> String| {
                parts.iter().map(|p| f(p)).collect::<Vec<_>>().join(" ")
            };
            return Some(
                self.suggestion(
                    id,
                    locale,
                    Origin::Merge,
                    join(&|p| translations[&p.id].text.clone()),
                    join(&|p| p.source.clone()),
                    parts
                        .iter()
                        .map(|p| p.id.as_str())
                        .collect::<Vec<_>>()
                        .join(" + "),
                ),
            );
        }
        None
    }
}

/// The share of `part`'s words found in `whole` (each word used once): a
/// split part's words are mostly the old sentence's; a merged sentence
/// holds most of each old sentence's words.
fn word_share(part: &[String], whole: &[String]) -> f64 {
    let mut pool = whole.to_vec();
    let found = part
        .iter()
        .filter(|w| match pool.iter().position(|p| p == *w) {
            Some(i) => {
                pool.swap_remove(i);
                true
            }
            None => false,
        })
        .count();
    found as f64 / part.len().max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(id: &str, source: &str, position: Option<i64>) -> (String, StoredSegment) {
        let row = StoredSegment {
            id: id.into(),
            chapter: "one".into(),
            position,
            kind: "paragraph".into(),
            source: source.into(),
            file: "source/one.md".into(),
            line: 1,
        };
        (id.to_string(), row)
    }

    fn translated(pairs: &[(&str, &str)]) -> HashMap<String, Translation> {
        pairs
            .iter()
            .map(|(id, text)| {
                (
                    id.to_string(),
                    Translation {
                        text: text.to_string(),
                        status: Status::Translated,
                    },
                )
            })
            .collect()
    }

    #[test]
    fn each_locale_gets_its_own_best_eligible_fuzzy_match() {
        let segments: HashMap<String, StoredSegment> = [
            segment(
                "one/a",
                "The embassy in Tehran was attacked on a cold January evening!",
                None,
            ),
            segment(
                "one/b",
                "The embassy in Tehran was attacked on a cold February evening.",
                None,
            ),
            segment(
                "one/n",
                "The embassy in Tehran was attacked on a cold January evening.",
                Some(0),
            ),
        ]
        .into_iter()
        .collect();
        let new_ids = vec!["one/n".to_string()];
        let mut leverage = Leverage::new(&segments, &new_ids, &[], 75, "en");
        // tr has both: the closer one wins. fa has only the farther one.
        let tr = leverage.suggest("tr", &translated(&[("one/a", "A-tr"), ("one/b", "B-tr")]));
        let fa = leverage.suggest("fa", &translated(&[("one/b", "B-fa")]));
        let az = leverage.suggest("az", &translated(&[]));
        assert_eq!(tr.len(), 1);
        assert_eq!(
            (tr[0].translation.text.as_str(), tr[0].translation.status),
            ("A-tr", Status::Fuzzy)
        );
        assert_eq!(tr[0].suggestion.as_ref().unwrap().from, "one/a");
        assert_eq!(fa.len(), 1);
        assert_eq!(fa[0].translation.text, "B-fa");
        assert_eq!(
            fa[0].suggestion.as_ref().unwrap().previous_source,
            segments["one/b"].source
        );
        assert!(az.is_empty(), "nothing to lend in az");
    }
}
