//! Sentence alignment: which sentences of a translated paragraph render
//! which sentences of its source, for translations made outside tercuman
//! (a paragraph-level PO catalog from mdbook-xgettext or po4a).
//!
//! Gale & Church's length-based method ("A program for aligning sentences
//! in bilingual corpora", 1993): a dynamic programme over beads of 1-1,
//! 1-0, 0-1, 2-1, 1-2 and 2-2 sentences, each costing the improbability of
//! its length difference (characters; the expected ratio is the
//! paragraph's own, so a language that writes longer still aligns) plus
//! that of the bead's kind. The result says whether it is *certain*: as
//! many sentences on both sides, each matched one to one, with lengths
//! consistent with the paragraph's ratio. Anything else is for a reviewer.

/// How one source sentence came out of the alignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aligned {
    /// The target text for this sentence (empty: none aligned to it).
    pub text: String,
    /// Why a reviewer should check it, when the alignment is not certain
    /// for it.
    pub doubt: Option<String>,
}

/// Variance of the length difference per source character (Gale & Church's
/// estimate for characters).
const VARIANCE: f64 = 6.8;
/// Sentence pairs whose length ratio differs from the paragraph's by more
/// than this factor make the alignment uncertain.
const RATIO_TOLERANCE: f64 = 1.8;

/// Bead kinds: sentences taken from the source and from the target, and
/// the cost of the kind itself (-ln of Gale & Church's prior).
const BEADS: [(usize, usize, f64); 6] = [
    (1, 1, 0.1165), // 0.89
    (1, 0, 5.3),    // 0.0099 / 2
    (0, 1, 5.3),
    (2, 1, 3.11), // 0.089 / 2
    (1, 2, 3.11),
    (2, 2, 4.51), // 0.011
];

/// Aligns a paragraph's target sentences to its source sentences: one
/// [`Aligned`] per source sentence, in order.
pub fn align(sources: &[&str], targets: &[&str]) -> Vec<Aligned> {
    let len = |s: &&str| s.chars().count().max(1) as f64;
    let source_lengths: Vec<f64> = sources.iter().map(len).collect();
    let target_lengths: Vec<f64> = targets.iter().map(len).collect();
    let ratio = target_lengths.iter().sum::<f64>() / source_lengths.iter().sum::<f64>().max(1.0);
    let beads = best_beads(&source_lengths, &target_lengths, ratio);
    let equal_counts = sources.len() == targets.len();
    let mut out: Vec<Aligned> = Vec::with_capacity(sources.len());
    // Target sentences before any source sentence's bead.
    let mut leading: Vec<String> = Vec::new();
    let (mut i, mut j) = (0, 0);
    for (di, dj) in beads {
        let target = targets[j..j + dj].join(" ");
        let consistent = di == 1 && dj == 1 && {
            let pair = target_lengths[j] / source_lengths[i] / ratio.max(f64::MIN_POSITIVE);
            (1.0 / RATIO_TOLERANCE..=RATIO_TOLERANCE).contains(&pair)
        };
        match (di, dj) {
            (1, 1) if equal_counts && consistent => out.push(Aligned {
                text: target,
                doubt: None,
            }),
            (1, 1) => out.push(Aligned {
                text: target,
                doubt: Some(if equal_counts {
                    "its length is far from what the paragraph's ratio expects".to_string()
                } else {
                    format!(
                        "the paragraph has {} sentences in the translation for {} in the source",
                        targets.len(),
                        sources.len()
                    )
                }),
            }),
            (1, 0) => out.push(Aligned {
                text: String::new(),
                doubt: None,
            }),
            (0, _) => {
                // A target sentence with no source: with the sentence
                // before, or the first one.
                let unmatched =
                    "it also holds a sentence of the translation no source sentence matched";
                match out.last_mut() {
                    Some(last) => {
                        if !last.text.is_empty() {
                            last.text.push(' ');
                        }
                        last.text.push_str(&target);
                        last.doubt = Some(unmatched.to_string());
                    }
                    None => leading.push(target),
                }
            }
            (1, _) => out.push(Aligned {
                text: target,
                doubt: Some(format!("it is {dj} sentences in the translation")),
            }),
            (_, _) => {
                out.push(Aligned {
                    text: target,
                    doubt: Some(match di {
                        2 => "this translation renders this sentence and the next together"
                            .to_string(),
                        _ => format!(
                            "this translation renders this sentence and the next {} together",
                            di - 1
                        ),
                    }),
                });
                for _ in 1..di {
                    out.push(Aligned {
                        text: String::new(),
                        doubt: None,
                    });
                }
            }
        }
        i += di;
        j += dj;
    }
    if let (false, Some(first)) = (leading.is_empty(), out.first_mut()) {
        leading.push(std::mem::take(&mut first.text));
        first.text = leading.join(" ").trim().to_string();
        first.doubt = Some(
            "it also holds a sentence of the translation no source sentence matched".to_string(),
        );
    }
    out
}

/// The cheapest sequence of beads covering both sides, as (source,
/// target) sentence counts.
fn best_beads(sources: &[f64], targets: &[f64], ratio: f64) -> Vec<(usize, usize)> {
    let (n, m) = (sources.len(), targets.len());
    let mut cost = vec![vec![f64::INFINITY; m + 1]; n + 1];
    let mut back = vec![vec![(0usize, 0usize); m + 1]; n + 1];
    cost[0][0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            if cost[i][j].is_infinite() {
                continue;
            }
            for &(di, dj, prior) in &BEADS {
                if i + di > n || j + dj > m {
                    continue;
                }
                let ls: f64 = sources[i..i + di].iter().sum();
                let lt: f64 = targets[j..j + dj].iter().sum();
                let c = cost[i][j] + prior + length_cost(ls, lt, ratio);
                if c < cost[i + di][j + dj] {
                    cost[i + di][j + dj] = c;
                    back[i + di][j + dj] = (di, dj);
                }
            }
        }
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (di, dj) = back[i][j];
        beads.push((di, dj));
        i -= di;
        j -= dj;
    }
    beads.reverse();
    beads
}

/// -ln of the probability of a length difference at least this large.
fn length_cost(source: f64, target: f64, ratio: f64) -> f64 {
    if source == 0.0 && target == 0.0 {
        return 0.0;
    }
    let mean = (source + target / ratio.max(f64::MIN_POSITIVE)) / 2.0;
    let delta = (target - source * ratio) / (mean.max(1.0) * VARIANCE).sqrt();
    let p = 2.0 * (1.0 - normal_cdf(delta.abs()));
    -(p.max(1e-12)).ln()
}

/// The standard normal distribution function (Abramowitz and Stegun
/// 26.2.17, error below 7.5e-8).
fn normal_cdf(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.231_641_9 * x.abs());
    let poly = t
        * (0.319_381_530
            + t * (-0.356_563_782
                + t * (1.781_477_937 + t * (-1.821_255_978 + t * 1.330_274_429))));
    let upper = (-x * x / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt() * poly;
    if x >= 0.0 {
        1.0 - upper
    } else {
        upper
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(out: &[Aligned]) -> Vec<(&str, bool)> {
        out.iter()
            .map(|a| (a.text.as_str(), a.doubt.is_none()))
            .collect()
    }

    #[test]
    fn as_many_sentences_of_consistent_lengths_align_one_to_one_with_certainty() {
        let out = align(
            &[
                "The ferry leaves when it is full.",
                "Bring food and water for two days.",
            ],
            &[
                "Feribot dolunca kalkar.",
                "İki günlük yiyecek ve su getirin.",
            ],
        );
        assert_eq!(
            texts(&out),
            [
                ("Feribot dolunca kalkar.", true),
                ("İki günlük yiyecek ve su getirin.", true)
            ]
        );
    }

    #[test]
    fn two_source_sentences_made_one_are_given_to_the_first_with_a_doubt() {
        let out = align(
            &[
                "Tickets are sold at the port.",
                "Ask for a cabin.",
                "The crossing takes a day and a night in good weather.",
            ],
            &[
                "Biletler limanda satılır, bir kamara isteyin.",
                "Geçiş iyi havada bir gün bir gece sürer.",
            ],
        );
        assert_eq!(out.len(), 3);
        assert_eq!(out[0].text, "Biletler limanda satılır, bir kamara isteyin.");
        assert!(
            out[0].doubt.as_deref().unwrap().contains("and the next"),
            "{out:?}"
        );
        assert_eq!(out[1].text, "");
        assert_eq!(out[2].text, "Geçiş iyi havada bir gün bir gece sürer.");
        assert!(out[2].doubt.is_some(), "counts differ: nothing is certain");
    }

    #[test]
    fn one_sentence_made_two_is_joined() {
        let out = align(
            &["Most visitors arrive by air, and the airport in Baku is the largest in the region."],
            &["Çoğu ziyaretçi havayoluyla gelir.", "Bakü'deki havalimanı bölgenin en büyüğüdür."],
        );
        assert_eq!(
            out[0].text,
            "Çoğu ziyaretçi havayoluyla gelir. Bakü'deki havalimanı bölgenin en büyüğüdür."
        );
        assert!(out[0].doubt.is_some());
    }

    #[test]
    fn a_pair_far_from_the_paragraphs_ratio_is_doubted() {
        let out = align(
            &[
                "Yes.",
                "The journey by train from Tbilisi takes one whole night.",
            ],
            &[
                "Evet, Tiflis'ten trenle yolculuk bütün bir gece sürer.",
                "Evet.",
            ],
        );
        assert!(out.iter().any(|a| a.doubt.is_some()), "{out:?}");
    }

    #[test]
    fn the_normal_distribution_is_right() {
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-7);
        assert!((normal_cdf(1.96) - 0.975).abs() < 1e-4);
        assert!((normal_cdf(-1.0) - 0.158_655).abs() < 1e-5);
    }
}
