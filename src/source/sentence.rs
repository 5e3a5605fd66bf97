//! English sentence boundaries inside one block of inline Markdown.
//!
//! Rule-based, like the segmenters CAT tools use (SRX-style break and
//! no-break rules): a terminator (`.`, `!`, `?`, `…`) plus any closing quotes
//! or brackets, then whitespace, then something that can start a sentence.
//! Abbreviations, initials and decimals do not break; nothing inside inline
//! code, links, images or emphasis ever breaks (the caller passes those spans).

use std::ops::Range;

/// Abbreviation lists, one file per language (`abbreviations/<lang>.txt`).
const ENGLISH_ABBREVIATIONS: &str = include_str!("abbreviations/en.txt");

/// An abbreviation list: words that never end a sentence, and words that do
/// not when a number follows.
struct Abbreviations {
    always: Vec<String>,
    before_number: Vec<String>,
}

fn abbreviations() -> &'static Abbreviations {
    static LIST: std::sync::OnceLock<Abbreviations> = std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        let mut list = Abbreviations {
            always: Vec::new(),
            before_number: Vec::new(),
        };
        for line in ENGLISH_ABBREVIATIONS.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match line.strip_suffix("#num") {
                Some(word) => list.before_number.push(word.trim().to_string()),
                None => list.always.push(line.to_string()),
            }
        }
        list
    })
}

const TERMINATORS: &[char] = &['.', '!', '?', '…'];
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']', '}'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '«', '(', '[', '*', '_', '`', '¿', '¡'];

/// Splits `text` into sentences; returns byte ranges with surrounding
/// whitespace excluded. `protected` spans are never split.
pub fn split_sentences(text: &str, protected: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if !TERMINATORS.contains(&c) || in_spans(pos, protected) {
            i += 1;
            continue;
        }
        // Take the whole run of terminators and closing punctuation.
        let mut j = i + 1;
        while j < chars.len()
            && (TERMINATORS.contains(&chars[j].1) || CLOSERS.contains(&chars[j].1))
        {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
        // A break needs whitespace after it, then a sentence start.
        let mut k = j;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        if k == j || k == chars.len() {
            i = j;
            continue;
        }
        let next_start = chars[k].0;
        let candidate = &text[start..end];
        if starts_sentence(&text[next_start..])
            && candidate.chars().any(char::is_alphanumeric)
            && !(c == '.' && j == i + 1 && is_abbreviation(&text[start..pos], &text[next_start..]))
        {
            out.push(trimmed(text, start..end));
            start = next_start;
        }
        i = k;
    }
    if text[start..].chars().any(|c| !c.is_whitespace()) {
        out.push(trimmed(text, start..text.len()));
    }
    out
}

fn in_spans(pos: usize, spans: &[Range<usize>]) -> bool {
    spans.iter().any(|s| s.start <= pos && pos < s.end)
}

fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    range.start + lead..range.end - trail
}

/// Whether `rest` begins like a sentence: after opening punctuation, an
/// uppercase letter or a digit.
fn starts_sentence(rest: &str) -> bool {
    rest.chars()
        .find(|c| !OPENERS.contains(c))
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || TERMINATORS.contains(&c))
}

/// Whether the word just before a full stop is an abbreviation or an initial.
fn is_abbreviation(before: &str, after: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if word.is_empty() {
        return false;
    }
    let mut letters = word.chars();
    if let (Some(first), None) = (letters.next(), letters.next()) {
        // A single capital letter: an initial (`J. R. R. Tolkien`).
        return first.is_uppercase();
    }
    let lower = word.to_lowercase();
    let list = abbreviations();
    if list.before_number.contains(&lower) {
        return after.starts_with(|c: char| c.is_ascii_digit());
    }
    list.always.contains(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text, &[])
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn splits_at_sentence_ends_but_not_inside_known_traps() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Baku noticed. And Baku responded.",
                &["Baku noticed.", "And Baku responded."],
            ),
            (
                "The message? Crystal clear: no.",
                &["The message?", "Crystal clear: no."],
            ),
            (
                "A shrug and a “he’s mentally ill.” That’s not accountability.",
                &[
                    "A shrug and a “he’s mentally ill.”",
                    "That’s not accountability.",
                ],
            ),
            (
                "... The crisis has evolved. It is now high-stakes.",
                &["... The crisis has evolved.", "It is now high-stakes."],
            ),
            (
                "Mr. Smith met Dr. Jones at 5 p.m. on Friday.",
                &["Mr. Smith met Dr. Jones at 5 p.m. on Friday."],
            ),
            (
                "The U.S. Senate met. It voted.",
                &["The U.S. Senate met.", "It voted."],
            ),
            (
                "It grew 3.5 percent. Then it fell.",
                &["It grew 3.5 percent.", "Then it fell."],
            ),
            (
                "Written by J. R. R. Tolkien. Read it.",
                &["Written by J. R. R. Tolkien.", "Read it."],
            ),
            (
                "See e.g. Smith for details.",
                &["See e.g. Smith for details."],
            ),
            (
                "See No. 5 on the list. Fine.",
                &["See No. 5 on the list.", "Fine."],
            ),
            (
                "He said no. Then he left.",
                &["He said no.", "Then he left."],
            ),
            (
                "(It ended.) Then it began.",
                &["(It ended.)", "Then it began."],
            ),
            ("Wait... what happened?", &["Wait... what happened?"]),
            (
                "It was 2023. Two years later, nothing.",
                &["It was 2023.", "Two years later, nothing."],
            ),
            ("one sentence without end", &["one sentence without end"]),
        ];
        for (text, expected) in cases {
            assert_eq!(&sentences(text), expected, "input: {text}");
        }
    }

    #[test]
    fn never_splits_inside_protected_spans() {
        let text = "Run `a. B` now. Done.";
        let code = text.find('`').unwrap()..text.rfind('`').unwrap() + 1;
        let got: Vec<&str> = split_sentences(text, &[code])
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(got, ["Run `a. B` now.", "Done."]);
    }
}
