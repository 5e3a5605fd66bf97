//! Unicode bidirectional controls in untrusted text (UAX #9): embeddings
//! and overrides (LRE, RLE, LRO, RLO, closed by PDF) and isolates (LRI,
//! RLI, FSI, closed by PDI). Right-to-left text may use them legitimately,
//! but one left open reverses everything after it in its paragraph, other
//! translators' sentences included. `check` reports an unbalanced segment;
//! the editions close whatever a segment left open, at its end.

const PDF: char = '\u{202C}';
const PDI: char = '\u{2069}';

#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Embedding,
    Isolate,
}

fn opener(c: char) -> Option<Open> {
    match c {
        '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' => Some(Open::Embedding),
        '\u{2066}' | '\u{2067}' | '\u{2068}' => Some(Open::Isolate),
        _ => None,
    }
}

/// The balance of a text's bidi controls.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Balance {
    /// Embeddings, overrides and isolates left open at the end.
    pub unclosed: usize,
    /// PDF or PDI with nothing to close.
    pub unmatched: usize,
}

impl Balance {
    pub fn is_balanced(&self) -> bool {
        self.unclosed == 0 && self.unmatched == 0
    }
}

/// Walks `text` as UAX #9 matches controls; returns the stack left open,
/// and calls `keep` for every character that is not an unmatched closer.
fn walk(text: &str, mut keep: impl FnMut(char)) -> (Vec<Open>, usize) {
    let mut stack: Vec<Open> = Vec::new();
    let mut unmatched = 0;
    for c in text.chars() {
        if let Some(open) = opener(c) {
            stack.push(open);
        } else if c == PDF {
            // Closes the latest embedding, unless an isolate opened after it.
            if stack.last() == Some(&Open::Embedding) {
                stack.pop();
            } else {
                unmatched += 1;
                continue;
            }
        } else if c == PDI {
            // Closes the latest isolate and every embedding opened inside it.
            match stack.iter().rposition(|o| *o == Open::Isolate) {
                Some(at) => stack.truncate(at),
                None => {
                    unmatched += 1;
                    continue;
                }
            }
        }
        keep(c);
    }
    (stack, unmatched)
}

pub fn balance(text: &str) -> Balance {
    if !text.chars().any(is_control) {
        return Balance::default();
    }
    let (stack, unmatched) = walk(text, |_| {});
    Balance {
        unclosed: stack.len(),
        unmatched,
    }
}

/// Whether `c` is one of the controls this module balances.
pub fn is_control(c: char) -> bool {
    opener(c).is_some() || c == PDF || c == PDI
}

/// `text` with unmatched closers dropped and every control it left open
/// closed at its end, so it cannot change the direction of what follows.
pub fn balanced(text: &str) -> std::borrow::Cow<'_, str> {
    if balance(text).is_balanced() {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let (stack, _) = walk(text, |c| out.push(c));
    for open in stack.iter().rev() {
        out.push(match open {
            Open::Embedding => PDF,
            Open::Isolate => PDI,
        });
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_left_open_are_found_and_closed() {
        let cases = [
            // (text, unclosed, unmatched, balanced)
            ("plain", 0, 0, "plain"),
            ("\u{202E}reversed", 1, 0, "\u{202E}reversed\u{202C}"),
            ("\u{202B}ok\u{202C}", 0, 0, "\u{202B}ok\u{202C}"),
            ("\u{2067}isolate", 1, 0, "\u{2067}isolate\u{2069}"),
            ("stray\u{202C} close", 0, 1, "stray close"),
            (
                "\u{2068}a\u{202B}b\u{2069}",
                0,
                0,
                "\u{2068}a\u{202B}b\u{2069}",
            ),
            (
                "\u{202B}a\u{2067}b\u{202C}",
                2,
                1,
                "\u{202B}a\u{2067}b\u{2069}\u{202C}",
            ),
            ("\u{2069}", 0, 1, ""),
        ];
        for (text, unclosed, unmatched, fixed) in cases {
            assert_eq!(
                balance(text),
                Balance {
                    unclosed,
                    unmatched
                },
                "{text:?}"
            );
            assert_eq!(balanced(text), fixed, "{text:?}");
            assert!(balance(&balanced(text)).is_balanced(), "{text:?}");
        }
    }
}
