//! [`MatchIndex`]: the best matches in a large memory without comparing
//! against every unit (see the module above for how its filters work).

use std::collections::HashMap;

use rapidfuzz::distance::levenshtein;

use super::super::edit_distance::ShortQuery;
use super::{banded, raw_percent, tokenize, Score, TokenKind};

/// One unit of the index.
struct Unit {
    tokens: Box<[u32]>,
    text_hash: u64,
}

/// A match found by the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// The unit's number, in the order units were added.
    pub unit: usize,
    pub score: Score,
}

/// An in-memory index of texts for fuzzy lookup.
pub struct MatchIndex {
    lang: String,
    vocabulary: HashMap<String, u32>,
    /// The units holding each token, in the order they were added.
    postings: Vec<Vec<u32>>,
    /// The same lists ordered by unit length, so that a search reads only
    /// the units whose length can match; made by the first search after an add.
    by_length: std::sync::OnceLock<Vec<Box<[u32]>>>,
    units: Vec<Unit>,
    /// Each unit's token count, apart from `units` so that the length
    /// filter reads a small array instead of every candidate's record.
    lengths: Vec<u32>,
    by_words: HashMap<u64, Vec<u32>>,
}

impl MatchIndex {
    /// An empty index; `lang` selects the case-folding rules.
    pub fn new(lang: &str) -> MatchIndex {
        MatchIndex {
            lang: lang.to_string(),
            vocabulary: HashMap::new(),
            postings: Vec::new(),
            by_length: std::sync::OnceLock::new(),
            units: Vec::new(),
            lengths: Vec::new(),
            by_words: HashMap::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.units.len()
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// Adds a text; returns its unit number.
    pub fn add(&mut self, text: &str) -> usize {
        let tokens = tokenize(text, &self.lang);
        self.insert(&tokens, crate::source::fnv1a(text.as_bytes()))
    }

    /// Adds many texts, tokenized on every core; units are numbered in order.
    /// A batch at a time: the tokens as strings take several times the
    /// index's own size, so a whole memory's would double a sync's peak.
    pub fn add_all(&mut self, texts: &[&str]) {
        const BATCH: usize = 4096;
        let lang = self.lang.clone();
        for batch in texts.chunks(BATCH) {
            let tokenized = crate::parallel::map(batch, |text| {
                (tokenize(text, &lang), crate::source::fnv1a(text.as_bytes()))
            });
            for (tokens, text_hash) in &tokenized {
                self.insert(tokens, *text_hash);
            }
        }
    }

    fn insert(&mut self, tokens: &[(String, TokenKind)], text_hash: u64) -> usize {
        let id = self.units.len() as u32;
        self.by_length.take();
        let mut ids = Vec::with_capacity(tokens.len());
        let mut words = 0xcbf2_9ce4_8422_2325u64;
        for (token, kind) in tokens {
            let next = self.vocabulary.len() as u32;
            let tid = match self.vocabulary.get(token) {
                Some(&tid) => tid,
                None => *self.vocabulary.entry(token.clone()).or_insert(next),
            };
            if tid as usize == self.postings.len() {
                self.postings.push(Vec::new());
            }
            let list = &mut self.postings[tid as usize];
            if list.last() != Some(&id) {
                list.push(id);
            }
            ids.push(tid);
            if *kind == TokenKind::Word {
                words = (words ^ tid as u64).wrapping_mul(0x0100_0000_01b3);
            }
        }
        self.by_words.entry(words).or_default().push(id);
        self.lengths.push(ids.len() as u32);
        self.units.push(Unit {
            tokens: ids.into_boxed_slice(),
            text_hash,
        });
        id as usize
    }

    /// The best match for `query` scoring at least `min_percent`, among units
    /// `accept` allows; ties go to the earliest unit.
    pub fn best(
        &self,
        query: &str,
        min_percent: u32,
        accept: impl Fn(usize) -> bool,
    ) -> Option<Match> {
        self.search(query, min_percent, 1, &accept)
            .into_iter()
            .next()
    }

    /// Up to `limit` matches scoring at least `min_percent`, best first.
    pub fn top(&self, query: &str, min_percent: u32, limit: usize) -> Vec<Match> {
        self.search(query, min_percent, limit, &|_| true)
    }

    fn search(
        &self,
        query: &str,
        min_percent: u32,
        limit: usize,
        accept: &dyn Fn(usize) -> bool,
    ) -> Vec<Match> {
        let min_percent = min_percent.clamp(1, 100) as usize;
        if limit == 0 {
            return Vec::new();
        }
        let Some(mut q) = self.query(query, min_percent) else {
            return Vec::new();
        };
        let mut found: Vec<Match> = Vec::new();
        let mut state = vec![0u32; self.units.len()];
        self.same_words(&q, accept, &mut state, &mut found);
        if q.unknown > q.max_distance {
            return finish(found, limit);
        }
        let (candidates, scanned_weight) = self.prefix_candidates(&mut q, accept, &mut state);
        for (best, u) in self.rank(&q, candidates, scanned_weight, &state) {
            // Stop once `limit` matches beat anything the rest could score.
            if found.len() >= limit
                && found.iter().filter(|m| m.score.percent > best).count() >= limit
            {
                break;
            }
            self.verify(&q, u, false, &mut found);
        }
        finish(found, limit)
    }

    /// The query as token ids, with the bounds a match at `min_percent`
    /// must keep; `None` for a query with no tokens.
    fn query(&self, query: &str, min_percent: usize) -> Option<Query> {
        let tokens = tokenize(query, &self.lang);
        let n = tokens.len();
        if n == 0 {
            return None;
        }
        let mut words = 0xcbf2_9ce4_8422_2325u64;
        let mut known: Vec<u32> = Vec::with_capacity(n);
        let mut unknown = 0usize;
        let mut ids: Vec<u32> = Vec::with_capacity(n);
        for (token, kind) in &tokens {
            match self.vocabulary.get(token) {
                Some(&tid) => {
                    known.push(tid);
                    ids.push(tid);
                    if *kind == TokenKind::Word {
                        words = (words ^ tid as u64).wrapping_mul(0x0100_0000_01b3);
                    }
                }
                None => {
                    unknown += 1;
                    // Never equal to a vocabulary id, so it always counts as an edit.
                    ids.push(u32::MAX - unknown as u32);
                    if *kind == TokenKind::Word {
                        words = 0; // no unit has this word: no 95–99 match
                    }
                }
            }
        }
        // Lengths and distances a match at `min_percent` can have.
        let max_len = n * 100 / min_percent;
        // Nearly every sentence fits one machine word; longer ones go to rapidfuzz.
        let scorer = match ShortQuery::new(&ids, self.vocabulary.len() as u32) {
            Some(short) => Scorer::Short(short),
            None => Scorer::Long(levenshtein::BatchComparator::new(ids.iter().copied())),
        };
        Some(Query {
            n,
            hash: crate::source::fnv1a(query.as_bytes()),
            words,
            known,
            unknown,
            min_percent,
            min_len: (n * min_percent).div_ceil(100),
            max_len,
            max_distance: max_len * (100 - min_percent) / 100,
            scorer,
        })
    }

    /// Scores `unit` against the query and keeps it if it reaches the
    /// query's `min_percent`.
    fn verify(&self, q: &Query, unit: u32, same_words: bool, found: &mut Vec<Match>) {
        let u = &self.units[unit as usize];
        let (n, m) = (q.n, u.tokens.len());
        let allowed = n.max(m) * (100 - q.min_percent) / 100;
        let cutoff = if same_words { n.max(m) } else { allowed };
        let distance = match &q.scorer {
            Scorer::Short(short) => short.distance(&u.tokens, cutoff),
            Scorer::Long(comparator) => comparator.distance_with_args(
                u.tokens.iter().copied(),
                &levenshtein::Args::default().score_cutoff(cutoff),
            ),
        };
        let Some(distance) = distance else { return };
        let identical = u.text_hash == q.hash && distance == 0;
        if let Some(score) = banded(raw_percent(distance, n, m), identical, same_words) {
            if score.percent as usize >= q.min_percent {
                found.push(Match {
                    unit: unit as usize,
                    score,
                });
            }
        }
    }

    /// 95–99 candidates: the same words in the same order. Each is verified
    /// and marked `DONE` in `state`.
    fn same_words(
        &self,
        q: &Query,
        accept: &dyn Fn(usize) -> bool,
        state: &mut [u32],
        found: &mut Vec<Match>,
    ) {
        if q.words == 0 {
            return;
        }
        for &u in self.by_words.get(&q.words).into_iter().flatten() {
            state[u as usize] = DONE;
            if accept(u as usize) {
                self.verify(q, u, true, found);
            }
        }
    }

    /// Prefix filter: a unit within `max_distance` misses at most that many
    /// query tokens, so it holds one of the `max_distance - unknown + 1`
    /// rarest distinct ones. Only units in those lists are candidates.
    /// Returns them, and the weight of the query positions scanned; `state`
    /// holds 1 + the weight each candidate holds.
    fn prefix_candidates(
        &self,
        q: &mut Query,
        accept: &dyn Fn(usize) -> bool,
        state: &mut [u32],
    ) -> (Vec<u32>, u32) {
        let by_length = self.by_length.get_or_init(|| {
            crate::parallel::map(&self.postings, |list| {
                let mut list = list.clone().into_boxed_slice();
                list.sort_by_key(|&u| (self.lengths[u as usize], u));
                list
            })
        });
        // The part of a list whose units have a length a match can have.
        let in_range = |t: u32| -> &[u32] {
            let list = &by_length[t as usize];
            let from = list.partition_point(|&u| (self.lengths[u as usize] as usize) < q.min_len);
            let to = list.partition_point(|&u| (self.lengths[u as usize] as usize) <= q.max_len);
            &list[from..to]
        };
        // The query's distinct known tokens with how many of its positions
        // each fills, rarest (among units of a matching length) first.
        q.known.sort_unstable();
        let mut distinct: Vec<(&[u32], u32, u32)> = Vec::with_capacity(q.known.len());
        for &t in &q.known {
            match distinct.last_mut() {
                Some((_, last, count)) if *last == t => *count += 1,
                _ => distinct.push((in_range(t), t, 1)),
            }
        }
        distinct.sort_by_key(|&(list, t, _)| (list.len(), t));
        let probes = (q.max_distance - q.unknown + 1).min(distinct.len());
        let mut candidates: Vec<u32> = Vec::new();
        let mut scanned_weight = q.unknown as u32;
        for &(list, _, count) in &distinct[..probes] {
            scanned_weight += count;
            for &u in list {
                let s = &mut state[u as usize];
                if *s == DONE {
                    continue;
                }
                if *s == 0 {
                    if !accept(u as usize) {
                        *s = DONE;
                        continue;
                    }
                    candidates.push(u);
                    *s = 1;
                }
                *s += count;
            }
        }
        (candidates, scanned_weight)
    }

    /// The least distance each candidate can have: the query positions
    /// whose tokens it lacks stay unmatched. Keeps those that can still
    /// reach `min_percent`, most promising first, with the best score each
    /// could reach.
    fn rank(
        &self,
        q: &Query,
        candidates: Vec<u32>,
        scanned_weight: u32,
        state: &[u32],
    ) -> Vec<(u32, u32)> {
        let n = q.n;
        let mut ranked: Vec<(u32, u32)> = candidates
            .into_iter()
            .filter_map(|u| {
                let missing = (scanned_weight - (state[u as usize] - 1)) as usize;
                let m = self.lengths[u as usize] as usize;
                let matchable = (n - missing).min(m);
                let least = n.max(m) - matchable;
                let allowed = n.max(m) * (100 - q.min_percent) / 100;
                (least <= allowed).then(|| {
                    let best = raw_percent(least, n, m).min(94);
                    (best, u)
                })
            })
            .collect();
        ranked.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked
    }
}

/// A unit's state in one search: 0 not met yet, `DONE` verified or ruled
/// out, otherwise 1 + how many query tokens its scanned lists hold.
const DONE: u32 = u32::MAX;

/// A search's query, tokenized against the index's vocabulary.
struct Query {
    /// Tokens in the query.
    n: usize,
    /// Of its text, to tell an identical unit from one equal in tokens.
    hash: u64,
    /// Of its word ids in order (0 when a word is unknown): the key of
    /// units with the same words.
    words: u64,
    /// Ids of its tokens the vocabulary knows.
    known: Vec<u32>,
    /// How many of its tokens the vocabulary does not know.
    unknown: usize,
    min_percent: usize,
    /// Unit lengths a match can have, and the distance it may be at.
    min_len: usize,
    max_len: usize,
    max_distance: usize,
    scorer: Scorer,
}

/// How a search computes distances to its query. One lives on the stack
/// per search, so its size does not matter; boxing the short variant
/// would cost an allocation per lookup.
#[allow(clippy::large_enum_variant)]
enum Scorer {
    /// Up to 64 tokens: one machine word.
    Short(ShortQuery),
    Long(levenshtein::BatchComparator<u32>),
}

/// The best `limit` matches: by score, then band, then the earliest unit.
fn finish(mut found: Vec<Match>, limit: usize) -> Vec<Match> {
    found.sort_by(|a, b| {
        b.score
            .percent
            .cmp(&a.score.percent)
            .then(b.score.band.cmp(&a.score.band))
            .then(a.unit.cmp(&b.unit))
    });
    found.truncate(limit);
    found
}
