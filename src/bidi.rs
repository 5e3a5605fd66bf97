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

/// Whether `c` is a letter of a right-to-left script (Hebrew, Arabic,
/// Syriac, Thaana, N'Ko and their presentation forms).
fn is_rtl_letter(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// What starts and ends a left-to-right run: a letter of a left-to-right
/// script, or a Latin digit.
fn is_ltr_anchor(c: char) -> bool {
    c.is_ascii_digit() || (c.is_alphabetic() && !is_rtl_letter(c))
}

/// What a left-to-right run may hold between its anchors: spaces,
/// punctuation that joins words and numbers, combining marks. Brackets and
/// quotes end a run, so a pair never straddles its edge.
fn continues_ltr_run(c: char) -> bool {
    c == ' ' || ".,:;/\\-_@#%+&'’=*~^|!?".contains(c) || matches!(c as u32, 0x0300..=0x036F)
}

/// `text` cut into runs, each with whether it is a left-to-right run
/// (Latin words, numbers in Latin digits with their sign and `%`) inside
/// text that is not. Concatenated, the runs are `text`.
pub fn ltr_runs(text: &str) -> Vec<(&str, bool)> {
    let mut runs = Vec::new();
    let mut done = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if !is_ltr_anchor(c) {
            i += 1;
            continue;
        }
        // A sign or currency just before a number belongs to it.
        let start = match i.checked_sub(1).map(|p| chars[p]) {
            Some((p, '+' | '-' | '$' | '€' | '£')) if c.is_ascii_digit() && p >= done => p,
            _ => at,
        };
        let mut end = at + c.len_utf8();
        let mut j = i + 1;
        let mut last = c;
        while j < chars.len() {
            let (at, c) = chars[j];
            if is_ltr_anchor(c) || (last.is_ascii_digit() && matches!(c, '%' | '‰' | '°')) {
                end = at + c.len_utf8();
            } else if !continues_ltr_run(c) {
                break;
            }
            last = c;
            j += 1;
        }
        if start > done {
            runs.push((&text[done..start], false));
        }
        runs.push((&text[start..end], true));
        done = end;
        i = chars.partition_point(|(at, _)| *at < end);
    }
    if done < text.len() {
        runs.push((&text[done..], false));
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn left_to_right_runs_inside_persian_are_found_whole() {
        let runs = |t| {
            ltr_runs(t)
                .into_iter()
                .filter(|(_, ltr)| *ltr)
                .map(|(r, _)| r)
                .collect::<Vec<_>>()
        };
        assert_eq!(runs("سفر به Baku City در سال 2024."), ["Baku City", "2024"]);
        assert_eq!(runs("رشد 50% و -3 درصد"), ["50%", "-3"]);
        assert_eq!(
            runs("نشانی www.example.com/a-b است"),
            ["www.example.com/a-b"]
        );
        assert_eq!(runs("(UN) و «NATO»"), ["UN", "NATO"]);
        assert_eq!(runs("می‌خواهم ۱۲۳"), Vec::<&str>::new());
        assert_eq!(runs("İlham Əliyev"), ["İlham Əliyev"]);
        let text = "الف Tehran, ب 1990-1995 ج";
        let whole: String = ltr_runs(text).into_iter().map(|(r, _)| r).collect();
        assert_eq!(whole, text);
        assert_eq!(runs(text), ["Tehran", "1990-1995"]);
    }

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
