//! Fuzzy lookup on a large memory: median and 95th-percentile lookup time,
//! and recall against brute force. Run with `cargo bench --bench fuzzy_lookup`
//! (`FUZZY_UNITS=100000` for a quicker run; default 1,000,000 units).

use std::time::Instant;

use rapidfuzz::distance::levenshtein;
use tercuman::tm::matching::{score_from_distance, tokenize, MatchIndex, TokenKind};

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

/// A vocabulary of pronounceable words and a Zipf sampler over it.
struct Words {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Words {
    fn new(rng: &mut Rng, size: usize) -> Words {
        let syllables = [
            "ba", "ku", "te", "hran", "az", "er", "bai", "jan", "ir", "an", "dip", "lo", "ma",
            "cy", "tru", "st", "bor", "der", "se", "cu", "ri", "ty", "pro", "vo", "ca", "tion",
            "al", "li", "ance", "sov", "er", "eign",
        ];
        let mut words = Vec::with_capacity(size);
        let mut seen = std::collections::HashSet::new();
        while words.len() < size {
            let len = 1 + rng.below(4);
            let w: String = (0..len)
                .map(|_| syllables[rng.below(syllables.len())])
                .collect();
            if seen.insert(w.clone()) {
                words.push(w);
            }
        }
        let mut total = 0.0;
        let cumulative = (1..=size)
            .map(|r| {
                total += 1.0 / r as f64;
                total
            })
            .collect();
        Words { words, cumulative }
    }

    fn sample(&self, rng: &mut Rng) -> &str {
        let total = *self.cumulative.last().unwrap();
        let x = (rng.next() as f64 / u64::MAX as f64) * total;
        let i = self
            .cumulative
            .partition_point(|&c| c < x)
            .min(self.words.len() - 1);
        &self.words[i]
    }
}

fn sentence(rng: &mut Rng, words: &Words) -> String {
    let len = 6 + rng.below(25);
    let mut s = String::new();
    for i in 0..len {
        if i > 0 {
            s.push(if rng.below(12) == 0 { ',' } else { ' ' });
            if s.ends_with(',') {
                s.push(' ');
            }
        }
        let w = words.sample(rng);
        if i == 0 {
            let mut c = w.chars();
            s.extend(c.next().unwrap().to_uppercase());
            s.push_str(c.as_str());
        } else if rng.below(40) == 0 {
            s.push_str(&format!("{}", 1900 + rng.below(130)));
        } else {
            s.push_str(w);
        }
    }
    s.push('.');
    s
}

/// A query near `text`: one to three words replaced, inserted or deleted.
fn perturb(rng: &mut Rng, words: &Words, text: &str) -> String {
    let mut tokens: Vec<String> = text
        .trim_end_matches('.')
        .split(' ')
        .map(str::to_string)
        .collect();
    for _ in 0..1 + rng.below(3) {
        let at = rng.below(tokens.len());
        match rng.below(3) {
            0 => tokens[at] = words.sample(rng).to_string(),
            1 => tokens.insert(at, words.sample(rng).to_string()),
            _ if tokens.len() > 3 => {
                tokens.remove(at);
            }
            _ => {}
        }
    }
    tokens.join(" ") + "."
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let units: usize = std::env::var("FUZZY_UNITS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let queries: usize = 1000;
    let recall_queries: usize = std::env::var("FUZZY_RECALL_QUERIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let words = Words::new(&mut rng, 30_000);

    let started = Instant::now();
    let texts: Vec<String> = (0..units).map(|_| sentence(&mut rng, &words)).collect();
    let generated = started.elapsed();
    let started = Instant::now();
    let mut index = MatchIndex::new("en");
    for t in &texts {
        index.add(t);
    }
    let built = started.elapsed();
    println!(
        "memory: {units} units (generated in {:.1} s), index built in {:.1} s",
        generated.as_secs_f64(),
        built.as_secs_f64()
    );

    let query_texts: Vec<String> = (0..queries)
        .map(|_| {
            let source = rng.below(units);
            perturb(&mut rng, &words, &texts[source])
        })
        .collect();
    let mut times = Vec::with_capacity(queries);
    let mut results = Vec::with_capacity(queries);
    for q in &query_texts {
        let t = Instant::now();
        let m = index.best(q, 75, |_| true);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        results.push(m);
    }
    let found = results.iter().filter(|m| m.is_some()).count();
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "lookup (threshold 75%): median {:.2} ms, p95 {:.2} ms, max {:.2} ms over {queries} queries; {found} found a match",
        percentile(&sorted, 0.5),
        percentile(&sorted, 0.95),
        sorted[sorted.len() - 1]
    );

    // Recall: the indexed best score equals brute force's best score.
    let started = Instant::now();
    let hashed = |t: &str| -> (Vec<u64>, Vec<u64>) {
        let tokens = tokenize(t, "en");
        let all = tokens
            .iter()
            .map(|(s, _)| tercuman::source::fnv1a(s.as_bytes()))
            .collect();
        let words = tokens
            .iter()
            .filter(|(_, k)| *k == TokenKind::Word)
            .map(|(s, _)| tercuman::source::fnv1a(s.as_bytes()))
            .collect();
        (all, words)
    };
    let memory: Vec<(Vec<u64>, Vec<u64>)> = texts.iter().map(|t| hashed(t)).collect();
    let mut relevant = 0;
    let mut agreed = 0;
    for (q, indexed) in query_texts.iter().zip(&results).take(recall_queries) {
        let (qt, qw) = hashed(q);
        let comparator = levenshtein::BatchComparator::new(qt.iter().copied());
        let mut brute: Option<u32> = None;
        for (i, (ut, uw)) in memory.iter().enumerate() {
            let d = comparator.distance(ut.iter().copied());
            if let Some(s) = score_from_distance(d, qt.len(), ut.len(), texts[i] == *q, *uw == qw) {
                if s.percent >= 75 && brute.is_none_or(|b| s.percent > b) {
                    brute = Some(s.percent);
                }
            }
        }
        if let Some(best) = brute {
            relevant += 1;
            if indexed.map(|m| m.score.percent) == Some(best) {
                agreed += 1;
            }
        }
    }
    println!(
        "recall: {agreed}/{relevant} queries whose brute-force best is >= 75% got a match of that score ({:.1}%), brute force took {:.0} s",
        100.0 * agreed as f64 / relevant.max(1) as f64,
        started.elapsed().as_secs_f64()
    );
}
