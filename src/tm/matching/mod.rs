//! Fuzzy matching, as CAT tools score it: a Levenshtein distance over tokens
//! (words, numbers, punctuation and Markdown markup, case-folded with the
//! language's rules), `score = 100 · (max − LD) / max`, reported with a band.
//!
//! [`MatchIndex`] finds the best match in a large memory without comparing
//! against every unit. Token postings, kept sorted by unit length, give the
//! units of a length a match can have; a prefix filter keeps those holding
//! one of the query's `k + 1` rarest tokens (a unit within distance `k`
//! lacks at most `k` of them); the lists read also tell how many query
//! tokens each candidate lacks, a lower bound on its distance. Candidates
//! are then scored with bit-parallel Levenshtein, most promising first,
//! until none left can beat what was found. Every filter is exact, so the
//! index finds what brute force finds (the tests compare them).

use rapidfuzz::distance::levenshtein;

mod index;

pub use index::{Match, MatchIndex};

/// What a token is, to tell "only numbers, markup or punctuation differ".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punctuation,
    Markup,
}

/// Case folding that knows the language: Turkish and Azerbaijani map `I` to
/// `ı` and `İ` to `i`; every other language uses Unicode's default.
pub fn fold_case(text: &str, lang: &str) -> String {
    if matches!(lang, "tr" | "az" | "crh" | "tt" | "kk") {
        let mapped: String = text
            .chars()
            .map(|c| match c {
                'I' => 'ı',
                'İ' => 'i',
                c => c,
            })
            .collect();
        mapped.to_lowercase()
    } else {
        text.to_lowercase()
    }
}

/// Splits inline Markdown into tokens: a link destination `](…)` and an
/// HTML tag are one markup token each; `*`, `_`, `` ` ``, `[`, `]` are markup;
/// digit runs (with inner separators) are numbers; letter runs are words.
pub fn tokenize(text: &str, lang: &str) -> Vec<(String, TokenKind)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == ']' && chars.get(i + 1) == Some(&'(') {
            let end = chars[i..]
                .iter()
                .position(|&c| c == ')')
                .map_or(chars.len(), |p| i + p + 1);
            out.push((chars[i..end].iter().collect(), TokenKind::Markup));
            i = end;
        } else if c == '<'
            && chars
                .get(i + 1)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == '/')
        {
            let end = chars[i..]
                .iter()
                .position(|&c| c == '>')
                .map_or(chars.len(), |p| i + p + 1);
            out.push((chars[i..end].iter().collect(), TokenKind::Markup));
            i = end;
        } else if matches!(c, '*' | '_' | '`' | '[' | ']' | '~') {
            let end = chars[i..]
                .iter()
                .position(|&d| d != c)
                .map_or(chars.len(), |p| i + p);
            out.push((chars[i..end].iter().collect(), TokenKind::Markup));
            i = end;
        } else if c.is_numeric() {
            let mut end = i;
            while end < chars.len()
                && (chars[end].is_numeric()
                    || (matches!(chars[end], '.' | ',' | '٫' | '٬')
                        && chars.get(end + 1).is_some_and(|c| c.is_numeric())))
            {
                end += 1;
            }
            out.push((chars[i..end].iter().collect(), TokenKind::Number));
            i = end;
        } else if c.is_alphabetic() {
            let mut end = i;
            // Letters, with inner apostrophes and zero-width joiners (`it’s`, `می‌شود`).
            while end < chars.len()
                && (chars[end].is_alphanumeric()
                    || chars[end] == '\u{200C}'
                    || chars[end] == '\u{200D}'
                    || (matches!(chars[end], '\'' | '’')
                        && chars.get(end + 1).is_some_and(|c| c.is_alphabetic())))
            {
                end += 1;
            }
            let word: String = chars[i..end].iter().collect();
            out.push((fold_case(&word, lang), TokenKind::Word));
            i = end;
        } else {
            out.push((c.to_string(), TokenKind::Punctuation));
            i += 1;
        }
    }
    out
}

/// How close a match is, as CAT tools group scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum Band {
    /// 50–74
    Low,
    /// 75–84
    Medium,
    /// 85–94
    High,
    /// 95–99: only numbers, markup, punctuation or spaces differ.
    Formatting,
    /// 100: the same text.
    Exact,
    /// 101: the same text, and the neighbouring segments match too.
    Context,
}

impl Band {
    pub fn label(self) -> &'static str {
        match self {
            Band::Low => "50-74",
            Band::Medium => "75-84",
            Band::High => "85-94",
            Band::Formatting => "95-99",
            Band::Exact => "100",
            Band::Context => "context",
        }
    }
}

/// A match's score (percent) and band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub percent: u32,
    pub band: Band,
}

/// Raw token score: `100 · (max − LD) / max`, rounded down.
fn raw_percent(distance: usize, n: usize, m: usize) -> u32 {
    let max = n.max(m);
    if max == 0 {
        return 100;
    }
    (100 * (max - distance.min(max)) / max) as u32
}

/// Turns a raw score into a reported one: identical text is 100; when only
/// numbers, markup, punctuation or spacing differ the score is 95–99; any
/// other difference is at most 94.
fn banded(raw: u32, identical: bool, same_words: bool) -> Option<Score> {
    let (percent, band) = if identical {
        (100, Band::Exact)
    } else if same_words {
        (raw.clamp(95, 99), Band::Formatting)
    } else {
        let p = raw.min(94);
        let band = match p {
            85.. => Band::High,
            75.. => Band::Medium,
            50.. => Band::Low,
            _ => return None,
        };
        (p, band)
    };
    Some(Score { percent, band })
}

/// The reported score for a token distance between texts of `n` and `m`
/// tokens; `identical` texts score 100, texts with the `same_words` 95–99.
pub fn score_from_distance(
    distance: usize,
    n: usize,
    m: usize,
    identical: bool,
    same_words: bool,
) -> Option<Score> {
    banded(raw_percent(distance, n, m), identical, same_words)
}

/// Scores two texts directly (no index): the reference the index must agree with.
pub fn score(a: &str, b: &str, lang: &str) -> Option<Score> {
    let ta = tokenize(a, lang);
    let tb = tokenize(b, lang);
    let ids = |t: &[(String, TokenKind)]| t.iter().map(|(s, _)| s.clone()).collect::<Vec<_>>();
    let (ia, ib) = (ids(&ta), ids(&tb));
    let distance = levenshtein::distance(
        ia.iter().map(|s| hash_token(s)),
        ib.iter().map(|s| hash_token(s)),
    );
    let words = |t: &[(String, TokenKind)]| {
        t.iter()
            .filter(|(_, k)| *k == TokenKind::Word)
            .map(|(s, _)| s.clone())
            .collect::<Vec<_>>()
    };
    banded(
        raw_percent(distance, ia.len(), ib.len()),
        a == b,
        words(&ta) == words(&tb),
    )
}

fn hash_token(s: &str) -> u64 {
    crate::source::fnv1a(s.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turkish_and_azerbaijani_fold_dotted_and_dotless_i() {
        assert_eq!(fold_case("İSTANBUL ILIK", "tr"), "istanbul ılık");
        assert_eq!(fold_case("İLHAM ƏLİYEV", "az"), "ilham əliyev");
        assert_eq!(fold_case("ILHAM", "en"), "ilham");
    }

    #[test]
    fn tokens_are_words_numbers_punctuation_and_markup() {
        let t: Vec<String> = tokenize("**Lead:** It’s 3.5 [here](https://x.org/a b).", "en")
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        assert_eq!(
            t,
            [
                "**",
                "lead",
                ":",
                "**",
                "it’s",
                "3.5",
                "[",
                "here",
                "](https://x.org/a b)",
                "."
            ]
        );
    }

    #[test]
    fn scores_and_bands_follow_cat_conventions() {
        let s = |a, b| score(a, b, "en").map(|s| (s.percent, s.band));
        assert_eq!(
            s("Baku noticed.", "Baku noticed."),
            Some((100, Band::Exact))
        );
        assert_eq!(
            s("The war lasted 44 days.", "The war lasted 45 days."),
            Some((95, Band::Formatting))
        );
        assert_eq!(
            s("**Baku** noticed.", "Baku noticed!"),
            Some((95, Band::Formatting))
        );
        // One word of 10 tokens changed: 90.
        assert_eq!(
            s(
                "And it didn’t start out of nowhere at all.",
                "And it didn’t start out of somewhere at all."
            ),
            Some((90, Band::High))
        );
        assert_eq!(
            s("Baku noticed.", "Tehran did not notice anything at all."),
            None
        );
    }

    #[test]
    fn the_index_finds_what_brute_force_finds() {
        let texts = [
            "Azerbaijan has tried, time and time again, to reach out.",
            "It’s extended its hand in the hope of building bridges.",
            "But every gesture is met with silence or, worse, sabotage.",
            "Tehran, it seems, would rather burn those bridges than cross them.",
            "Azerbaijan has tried, time and again, to reach out to Iran.",
        ];
        let mut index = MatchIndex::new("en");
        for t in texts {
            index.add(t);
        }
        let queries = [
            "Azerbaijan has tried, time and time again, to reach out!",
            "Tehran, it seems, would rather burn the bridges than cross them.",
            "Every gesture is met with silence.",
            "Nothing like anything here.",
        ];
        for q in queries {
            let brute = texts
                .iter()
                .enumerate()
                .filter_map(|(i, t)| {
                    score(q, t, "en")
                        .filter(|s| s.percent >= 50)
                        .map(|s| (s.percent, i))
                })
                .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            let indexed = index
                .best(q, 50, |_| true)
                .map(|m| (m.score.percent, m.unit));
            assert_eq!(indexed, brute, "query {q:?}");
        }
        assert_eq!(
            index.top(
                "Azerbaijan has tried, time and time again, to reach out.",
                50,
                5
            )[0]
            .score
            .band,
            Band::Exact
        );
    }

    #[test]
    fn a_match_outside_the_rarest_tokens_list_is_still_the_best() {
        // The query's rarest word is one its best match lacks; a weaker
        // match has it. The search must look past that word's list.
        let mut index = MatchIndex::new("en");
        let best = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima.";
        let decoy = "alpha bravo charlie delta echo foxtrot golf hotel india zulu mike november.";
        index.add(best);
        index.add(decoy);
        for _ in 0..5 {
            // Make every other word common, so `zulu` is the rarest.
            index.add("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar.");
        }
        let query = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo zulu.";
        let found = index.best(query, 75, |u| u < 2).unwrap();
        assert_eq!((found.unit, found.score.percent), (0, 92));
    }

    #[test]
    fn a_tie_goes_to_the_earliest_unit_even_when_found_later() {
        // Unit 1 (words swapped) looks better before it is scored, so it is
        // scored first; unit 0 (two words changed) scores the same, 81, and
        // is earlier, so it must still be looked at and win.
        let mut index = MatchIndex::new("en");
        index.add("alpha bravo charlie delta echo foxtrot golf hotel xray yankee.");
        index.add("bravo alpha charlie delta echo foxtrot golf hotel india juliet.");
        for _ in 0..5 {
            index.add("alpha bravo charlie delta echo foxtrot golf hotel zulu.");
        }
        let query = "alpha bravo charlie delta echo foxtrot golf hotel india juliet.";
        let found = index.best(query, 75, |_| true).unwrap();
        assert_eq!((found.unit, found.score.percent), (0, 81));
        let top: Vec<(usize, u32)> = index
            .top(query, 75, 2)
            .iter()
            .map(|m| (m.unit, m.score.percent))
            .collect();
        assert_eq!(top, [(0, 81), (1, 81)]);
    }

    /// The early stop of a single-best search (and the prefix filter) must
    /// never change the answer: random near-duplicates against brute force.
    /// Rare words make the query's rarest token often the one it changed,
    /// which its best match lacks.
    #[test]
    fn a_single_best_search_agrees_with_brute_force_on_random_sentences() {
        let common = [
            "the", "border", "minister", "treaty", "signed", "rejected", "a", "new", "old", "of",
            "in", "Baku", "Tehran", "report", "drill", "quietly", "north", "south",
        ];
        let rare: Vec<String> = (0..60).map(|i| format!("rare{i}")).collect();
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let word = |next: &mut dyn FnMut(usize) -> usize| -> String {
            if next(5) == 0 {
                rare[next(rare.len())].clone()
            } else {
                common[next(common.len())].to_string()
            }
        };
        let texts: Vec<String> = (0..600)
            .map(|_| {
                let len = 5 + next(12);
                let words: Vec<String> = (0..len).map(|_| word(&mut next)).collect();
                words.join(" ") + "."
            })
            .collect();
        let mut index = MatchIndex::new("en");
        for t in &texts {
            index.add(t);
        }
        for q in 0..120 {
            let mut tokens: Vec<String> = texts[q * 5]
                .trim_end_matches('.')
                .split(' ')
                .map(str::to_string)
                .collect();
            let at = next(tokens.len());
            tokens[at] = format!("rare{}", next(60));
            if q % 3 == 0 {
                tokens.push(word(&mut next));
            }
            let query = tokens.join(" ") + ".";
            // Every unit scoring 75 or more, best first (ties: earliest unit).
            let mut ranked: Vec<(u32, Band, usize)> = texts
                .iter()
                .enumerate()
                .filter_map(|(i, t)| {
                    score(&query, t, "en")
                        .filter(|s| s.percent >= 75)
                        .map(|s| (s.percent, s.band, i))
                })
                .collect();
            ranked.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
            let brute = ranked.first().copied();
            let best = index
                .best(&query, 75, |_| true)
                .map(|m| (m.score.percent, m.score.band, m.unit));
            assert_eq!(best, brute, "query {query:?}");
            let top = index
                .top(&query, 75, 1)
                .first()
                .map(|m| (m.score.percent, m.score.band, m.unit));
            assert_eq!(top, brute, "query {query:?}");
            let top3: Vec<_> = index
                .top(&query, 75, 3)
                .iter()
                .map(|m| (m.score.percent, m.score.band, m.unit))
                .collect();
            assert_eq!(top3, ranked.iter().copied().take(3).collect::<Vec<_>>());
            // Only some units eligible, as when a locale lacks translations.
            let odd = index
                .best(&query, 75, |u| u % 2 == 1)
                .map(|m| (m.score.percent, m.score.band, m.unit));
            assert_eq!(odd, ranked.iter().copied().find(|r| r.2 % 2 == 1));
        }
    }
}
