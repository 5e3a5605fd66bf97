//! Levenshtein distance between a short query (at most 64 tokens, which is
//! nearly every sentence) and many candidate texts, over token ids:
//! Hyyrö's bit-parallel algorithm, one machine word per query, with the
//! query's tokens in a tiny open-addressing table that stays in L1 cache.
//!
//! rapidfuzz's generic comparator does the same work but looks each text
//! token up in a general hash map; with a memory's worth of candidates per
//! sync, that lookup was most of the fuzzy search's time. Longer queries
//! still go to rapidfuzz.

/// Slots of the token table: twice the longest query, a power of two.
const SLOTS: usize = 128;
const EMPTY: u32 = u32::MAX;

/// A query prepared for many distance computations.
pub struct ShortQuery {
    /// Token id per slot (`EMPTY` when free) and the bit mask of the query
    /// positions holding it.
    keys: [u32; SLOTS],
    masks: [u64; SLOTS],
    len: usize,
}

fn slot(token: u32) -> usize {
    (token.wrapping_mul(0x9E37_79B1) >> (32 - SLOTS.trailing_zeros())) as usize
}

impl ShortQuery {
    /// Prepares `tokens` (1 to 64 of them); ids at or above `known` never
    /// occur in a text and are left out of the table (they can only mismatch).
    pub fn new(tokens: &[u32], known: u32) -> Option<ShortQuery> {
        if tokens.is_empty() || tokens.len() > 64 {
            return None;
        }
        let mut query = ShortQuery {
            keys: [EMPTY; SLOTS],
            masks: [0; SLOTS],
            len: tokens.len(),
        };
        for (position, &token) in tokens.iter().enumerate() {
            if token >= known || token == EMPTY {
                continue;
            }
            let mut i = slot(token);
            while query.keys[i] != EMPTY && query.keys[i] != token {
                i = (i + 1) % SLOTS;
            }
            query.keys[i] = token;
            query.masks[i] |= 1 << position;
        }
        Some(query)
    }

    /// The query positions holding `token`, as bits.
    fn mask(&self, token: u32) -> u64 {
        let mut i = slot(token);
        loop {
            let key = self.keys[i];
            if key == token {
                return self.masks[i];
            }
            if key == EMPTY {
                return 0;
            }
            i = (i + 1) % SLOTS;
        }
    }

    /// The distance to `text`, or `None` when it exceeds `cutoff`; stops as
    /// soon as the rest of the text could no longer bring it under.
    pub fn distance(&self, text: &[u32], cutoff: usize) -> Option<usize> {
        if self.len.abs_diff(text.len()) > cutoff {
            return None;
        }
        let last = 1u64 << (self.len - 1);
        let (mut vp, mut vn) = (!0u64, 0u64);
        let mut distance = self.len;
        for (j, &token) in text.iter().enumerate() {
            let x = self.mask(token);
            let d0 = (((x & vp).wrapping_add(vp)) ^ vp) | x | vn;
            let hp = vn | !(d0 | vp);
            let hn = d0 & vp;
            distance += usize::from(hp & last != 0);
            distance -= usize::from(hn & last != 0);
            let hp = (hp << 1) | 1;
            vp = (hn << 1) | !(d0 | hp);
            vn = hp & d0;
            // Each remaining token lowers the distance by one at most.
            if distance > cutoff + (text.len() - j - 1) {
                return None;
            }
        }
        (distance <= cutoff).then_some(distance)
    }
}

#[cfg(test)]
mod tests {
    use super::ShortQuery;
    use rapidfuzz::distance::levenshtein;

    #[test]
    fn agrees_with_rapidfuzz_on_random_token_strings() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        for round in 0..3000 {
            // Small alphabets make many matches; large ones collide in the table.
            let alphabet = [3, 8, 40, 5000][round % 4];
            let n = 1 + next(64) as usize;
            let m = next(80) as usize;
            let query: Vec<u32> = (0..n).map(|_| next(alphabet) as u32).collect();
            let text: Vec<u32> = (0..m).map(|_| next(alphabet) as u32).collect();
            let exact = levenshtein::distance(query.iter().copied(), text.iter().copied());
            let q = ShortQuery::new(&query, u32::MAX).unwrap();
            assert_eq!(
                q.distance(&text, usize::MAX / 2),
                Some(exact),
                "{query:?} / {text:?}"
            );
            let cutoff = next(12) as usize;
            let expected = (exact <= cutoff).then_some(exact);
            assert_eq!(q.distance(&text, cutoff), expected, "cutoff {cutoff}");
        }
    }

    #[test]
    fn unknown_query_tokens_only_mismatch() {
        // Ids at or above `known` are the query's words the memory never saw.
        let q = ShortQuery::new(&[1, 2, u32::MAX - 1, 3], 10).unwrap();
        assert_eq!(q.distance(&[1, 2, 3], 5), Some(1));
        assert_eq!(q.distance(&[1, 2, 9, 3], 5), Some(1));
        assert_eq!(q.distance(&[1, 2, 3, 4, 5, 6, 7], 2), None);
    }

    #[test]
    fn queries_outside_one_word_are_refused() {
        assert!(ShortQuery::new(&[], 10).is_none());
        assert!(ShortQuery::new(&[1; 65], 10).is_none());
        assert!(ShortQuery::new(&[1; 64], 10).is_some());
    }
}
