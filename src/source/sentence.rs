//! Sentence boundaries inside one block of inline Markdown, with rules per
//! source language (English, Azerbaijani, Persian, Turkish; any other
//! language gets the language-neutral part).
//!
//! Rule-based, like the segmenters CAT tools use (SRX-style break and
//! no-break rules), after the Pragmatic Segmenter's catalogue of traps: a
//! terminator (`.`, `!`, `?`, `…`, `؟`) with any closing quotes or
//! brackets, then whitespace, then something that can start a sentence (a
//! capital, a digit, or any letter of a script without case, as Persian).
//! What keeps a full stop from ending a sentence is decided from the word
//! before it and from what follows: titles never end one (`Mr.`), number
//! words do not before a number (`p. 55`), abbreviations that can end a
//! sentence (`U.S.`, `Inc.`, `P.M.`) do when a sentence plainly starts
//! after them, initials do not, list markers (`1.`, `a.`, `2.)`) start items
//! and never end them, and spaced ellipses (`. . .`) are one mark. Nothing
//! inside inline code, links, images or emphasis ever breaks (the caller
//! passes those spans). Authors adjust a book with `no-break-after` and
//! `break-after` in `book.toml`.

use std::ops::Range;

/// The rules' version, stored in the memory: a sync that finds another
/// one says that segments changed because the rules did.
pub const RULES_VERSION: u32 = 2;

/// One language's abbreviation lists (`abbreviations/<lang>.txt`).
#[derive(Debug, Default, Clone)]
struct Abbreviations {
    /// Never end a sentence (`Mr.`, `e.g.`).
    never: Vec<String>,
    /// Do not end one before a number (`p. 55`, `No. 5`).
    before_number: Vec<String>,
    /// May end one: they do when a sentence plainly starts next (`Inc.`).
    ambiguous: Vec<String>,
}

impl Abbreviations {
    fn parse(data: &str) -> Abbreviations {
        let mut list = Abbreviations::default();
        for line in data.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(word) = line.strip_suffix("#num") {
                list.before_number.push(word.trim().to_lowercase());
            } else if let Some(word) = line.strip_suffix("#ambiguous") {
                list.ambiguous.push(word.trim().to_lowercase());
            } else {
                list.never.push(line.to_lowercase());
            }
        }
        list
    }
}

/// How one book's sentences are split.
#[derive(Debug, Clone)]
pub struct Rules {
    language: String,
    abbreviations: Abbreviations,
    /// From `book.toml`: words after which a full stop never ends a sentence…
    no_break_after: Vec<String>,
    /// …and words after which it always does (when a sentence can start).
    break_after: Vec<String>,
}

impl Default for Rules {
    fn default() -> Rules {
        Rules::for_language("en", &[], &[])
    }
}

impl Rules {
    /// The rules for a source language (a BCP 47 tag; its primary subtag
    /// chooses), with a book's own exceptions (`Fig.` or `Fig`).
    pub fn for_language(tag: &str, no_break_after: &[String], break_after: &[String]) -> Rules {
        let language = tag.split(['-', '_']).next().unwrap_or(tag).to_lowercase();
        let data = match language.as_str() {
            "en" => include_str!("abbreviations/en.txt"),
            "tr" => include_str!("abbreviations/tr.txt"),
            "az" => include_str!("abbreviations/az.txt"),
            "fa" => include_str!("abbreviations/fa.txt"),
            _ => "",
        };
        let words = |list: &[String]| {
            list.iter()
                .map(|w| w.trim().trim_end_matches('.').to_lowercase())
                .filter(|w| !w.is_empty())
                .collect()
        };
        Rules {
            abbreviations: Abbreviations::parse(data),
            no_break_after: words(no_break_after),
            break_after: words(break_after),
            language,
        }
    }

    /// What the memory records of these rules: a change (new rules, new
    /// exceptions) explains segments that changed with it.
    pub fn signature(&self) -> String {
        let list = |words: &[String]| {
            if words.is_empty() {
                "none".to_string()
            } else {
                words.join(", ")
            }
        };
        format!(
            "sentence rules v{RULES_VERSION} ({}); no-break-after: {}; break-after: {}",
            self.language,
            list(&self.no_break_after),
            list(&self.break_after)
        )
    }

    /// Turkish and Azerbaijani write ordinals as `2. baskı`, `19. yüzyıl`.
    fn ordinals_with_full_stop(&self) -> bool {
        matches!(self.language.as_str(), "tr" | "az")
    }
}

const TERMINATORS: &[char] = &['.', '!', '?', '…', '؟', '۔', '‼', '⁇', '⁈', '⁉'];
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', '›', ')', ']', '}'];
const OPENERS: &[char] = &[
    '"', '\'', '“', '‘', '«', '‹', '(', '[', '*', '_', '`', '¿', '¡', '•', '⁃', '-', '–', '—',
];

/// Splits `text` into sentences; returns byte ranges with surrounding
/// whitespace excluded. `protected` spans are never split.
pub fn split_sentences(text: &str, protected: &[Range<usize>], rules: &Rules) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut breaks: Vec<usize> = list_item_starts(text, protected);
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if !TERMINATORS.contains(&c) || in_spans(pos, protected) {
            i += 1;
            continue;
        }
        let (decision, resume) = decide(text, &chars, i, rules, &breaks);
        if let Some(at) = decision {
            breaks.push(at);
        }
        i = resume.max(i + 1);
    }
    breaks.sort_unstable();
    breaks.dedup();
    let mut out = Vec::new();
    let mut start = 0;
    for at in breaks.into_iter().filter(|&b| b > 0 && b < text.len()) {
        if text[start..at].chars().any(|c| !c.is_whitespace()) {
            out.push(trimmed(text, start..at));
            start = at;
        }
    }
    if text[start..].chars().any(|c| !c.is_whitespace()) {
        out.push(trimmed(text, start..text.len()));
    }
    out
}

/// Whether the terminator at `chars[i]` ends a sentence: the byte offset
/// where the next one starts, if so, and the index to go on scanning from.
fn decide(
    text: &str,
    chars: &[(usize, char)],
    i: usize,
    rules: &Rules,
    breaks: &[usize],
) -> (Option<usize>, usize) {
    let (pos, c) = chars[i];
    if c == '.' {
        if let Some(ellipsis) = spaced_ellipsis(chars, i) {
            return (ellipsis_break(text, chars, &ellipsis), ellipsis.end);
        }
    }
    // The whole run of terminators and closing punctuation.
    let mut j = i + 1;
    while j < chars.len() && (TERMINATORS.contains(&chars[j].1) || CLOSERS.contains(&chars[j].1)) {
        j += 1;
    }
    let Some(next) = next_start(chars, j) else {
        return (None, j);
    };
    let rest = &text[chars[next].0..];
    let sentence_start = last_break_before(breaks, pos);
    let sentence = &text[sentence_start..pos];
    let with_stop = &text[sentence_start..chars.get(j).map_or(text.len(), |c| c.0)];
    if !starts_sentence(rest) || !has_words(with_stop) {
        return (None, j);
    }
    let dots = chars[i..j].iter().filter(|(_, c)| *c == '.').count();
    let single_stop =
        c == '.' && dots == 1 && chars[i + 1..j].iter().all(|(_, c)| CLOSERS.contains(c));
    if single_stop && !stop_ends_sentence(sentence, rest, rules) {
        return (None, j);
    }
    // `[...]` and `[…]` mark an omission inside a quotation.
    if dots >= 2 || c == '…' {
        let before = text[..pos].trim_end_matches(['.', '…']);
        if before.ends_with('[') {
            return (None, j);
        }
    }
    (Some(chars[next].0), j)
}

/// A run `. . .` of full stops each after one space: where it starts and
/// ends (char indices), how many stops, and whether the first is attached
/// to the word before it (`word. . . .`).
struct SpacedEllipsis {
    start: usize,
    end: usize,
    dots: usize,
    attached: bool,
}

fn spaced_ellipsis(chars: &[(usize, char)], i: usize) -> Option<SpacedEllipsis> {
    let mut dots = 1;
    let mut k = i + 1;
    while k + 1 < chars.len() && chars[k].1 == ' ' && chars[k + 1].1 == '.' {
        dots += 1;
        k += 2;
    }
    let attached = i > 0 && !chars[i - 1].1.is_whitespace();
    (dots >= 3).then_some(SpacedEllipsis {
        start: i,
        end: k,
        dots,
        attached,
    })
}

/// Spaced ellipses: ` . . . ` inside a sentence is an omission and never
/// ends it; ` . . . . ` is an omission and a full stop, and ends it; a
/// full stop on a word followed by ` . . .` ends the sentence there, the
/// omission opening the next one.
fn ellipsis_break(text: &str, chars: &[(usize, char)], e: &SpacedEllipsis) -> Option<usize> {
    let mut j = e.end;
    while j < chars.len() && CLOSERS.contains(&chars[j].1) {
        j += 1;
    }
    let next = next_start(chars, j)?;
    let rest = &text[chars[next].0..];
    if !starts_sentence(rest) {
        return None;
    }
    match (e.attached, e.dots) {
        (true, 4..) => Some(chars[e.start + 1].0),
        (false, 4..) => Some(chars[next].0),
        _ => None,
    }
}

/// Whether a single full stop after `sentence` ends it, `rest` being what
/// follows (already known to look like a sentence start).
fn stop_ends_sentence(sentence: &str, rest: &str, rules: &Rules) -> bool {
    let word = last_word(sentence);
    let lower = word.to_lowercase();
    if rules.no_break_after.contains(&lower) {
        return false;
    }
    if rules.break_after.contains(&lower) {
        return true;
    }
    let list = &rules.abbreviations;
    let next_is_number = rest.starts_with(|c: char| c.is_numeric());
    if list.never.contains(&lower) {
        return false;
    }
    if list.before_number.contains(&lower) {
        return !next_is_number;
    }
    if list.ambiguous.contains(&lower) || is_acronym(word) {
        return plainly_starts_sentence(sentence, rest, rules);
    }
    if is_number(word) {
        return !(rules.ordinals_with_full_stop() && rest.starts_with(char::is_alphabetic));
    }
    let mut letters = word.chars();
    if let (Some(first), None) = (letters.next(), letters.next()) {
        if first == 'I' && rules.language == "en" {
            // `you and I.` ends a sentence; `Albert I. Jones` does not.
            return !word_before_is_capitalized(sentence);
        }
        // Other single capitals are initials (`J. R. R. Tolkien`).
        return !first.is_uppercase();
    }
    true
}

/// After an abbreviation that can end a sentence: a new one plainly starts
/// when the next word is one that begins sentences (a pronoun, article,
/// question word or title), and the sentence so far is more than a short
/// phrase (`At 5 a.m. Mr. Smith…` is one sentence; `…at 6 P.M. Mr. Smith
/// then…` is two). In languages without such a list, a capital is enough.
fn plainly_starts_sentence(sentence: &str, rest: &str, rules: &Rules) -> bool {
    let next: String = rest
        .trim_start_matches(OPENERS)
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '\'' || *c == '’' || *c == '.')
        .collect();
    let next = next.trim_end_matches('.');
    if rules.language != "en" {
        return next.starts_with(char::is_uppercase);
    }
    const STARTERS: &[&str] = &[
        "I",
        "It",
        "He",
        "She",
        "They",
        "We",
        "You",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "The",
        "A",
        "An",
        "How",
        "What",
        "When",
        "Where",
        "Why",
        "Who",
        "Which",
        "But",
        "And",
        "So",
        "Then",
        "If",
        "In",
        "On",
        "At",
        "As",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Prof",
        "His",
        "Her",
        "Its",
        "Our",
        "Their",
        "My",
        "Your",
        "Let's",
        "Is",
        "Are",
        "Was",
        "Were",
        "Do",
        "Does",
        "Did",
        "Can",
        "Will",
        "After",
        "Before",
        "Today",
        "Yesterday",
    ];
    let words_before = sentence.split_whitespace().count();
    STARTERS.contains(&next) && words_before > 3
}

/// Whether the word before the last one starts with a capital.
fn word_before_is_capitalized(sentence: &str) -> bool {
    let mut words = sentence.split_whitespace().rev();
    words.next();
    words
        .next()
        .and_then(|w| w.trim_start_matches(OPENERS).chars().next())
        .is_some_and(char::is_uppercase)
}

/// `U.S`, `E.U`, `U.S.A`: single letters joined by full stops.
fn is_acronym(word: &str) -> bool {
    let parts: Vec<&str> = word.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

/// `2023`, `1026.253.553`, `۱۲٫۵`, `$100.00`.
fn is_number(word: &str) -> bool {
    let digits = word.trim_start_matches(['$', '€', '£', '#', '№']);
    !digits.is_empty()
        && digits.chars().next().is_some_and(char::is_numeric)
        && digits
            .chars()
            .all(|c| c.is_numeric() || matches!(c, '.' | ',' | '٫' | '٬'))
}

/// The last word of `sentence`, without the openers before it.
fn last_word(sentence: &str) -> &str {
    let word = sentence.rsplit(char::is_whitespace).next().unwrap_or("");
    word.trim_start_matches(OPENERS)
}

/// Whether `sentence` has more than a list marker: a letter or a digit
/// outside its leading `1.`, `a)`, `•`.
fn has_words(sentence: &str) -> bool {
    let s = sentence.trim_start();
    let s = match list_marker(s) {
        Some(len) => &s[len..],
        None => s,
    };
    s.chars().any(char::is_alphanumeric)
}

/// The char index after the whitespace following `j`, if there is
/// whitespace and then something.
fn next_start(chars: &[(usize, char)], j: usize) -> Option<usize> {
    let mut k = j;
    while k < chars.len() && chars[k].1.is_whitespace() {
        k += 1;
    }
    (k > j && k < chars.len()).then_some(k)
}

/// Whether `rest` begins like a sentence: after opening punctuation, a
/// capital, a digit, a terminator (`...`), or a letter of a script that
/// has no case (Persian, Arabic).
fn starts_sentence(rest: &str) -> bool {
    rest.chars()
        .find(|c| !OPENERS.contains(c))
        .is_some_and(|c| {
            c.is_uppercase()
                || c.is_numeric()
                || TERMINATORS.contains(&c)
                || (c.is_alphabetic() && !c.is_lowercase())
        })
}

fn last_break_before(breaks: &[usize], pos: usize) -> usize {
    breaks
        .iter()
        .copied()
        .filter(|&b| b <= pos)
        .max()
        .unwrap_or(0)
}

/// A list marker at the start of `s`: `1.`, `12)`, `3.)`, `a.`, `b)`, with
/// a bullet (`•`, `⁃`) before it or not, then whitespace. Its length.
fn list_marker(s: &str) -> Option<usize> {
    let body = s.trim_start_matches(['•', '⁃']).trim_start();
    let bullet = s.len() - body.len();
    let label: String = body.chars().take_while(|c| c.is_alphanumeric()).collect();
    let numbered =
        !label.is_empty() && label.len() <= 2 && label.chars().all(|c| c.is_ascii_digit());
    let lettered = label.chars().count() == 1 && label.chars().all(|c| c.is_lowercase());
    if !numbered && !lettered {
        return None;
    }
    let after = &body[label.len()..];
    let punct = [".)", ")", "."]
        .into_iter()
        .find(|p| after.starts_with(p))?;
    let end = bullet + label.len() + punct.len();
    let rest = &s[end..];
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then_some(end)
}

/// The value of a list marker's label, to tell a sequence (`1.`, `2.`;
/// `a.`, `b.`) from a stray number.
fn marker_value(s: &str) -> Option<u32> {
    let body = s.trim_start_matches(['•', '⁃']).trim_start();
    let label: String = body.chars().take_while(|c| c.is_alphanumeric()).collect();
    label.parse().ok().or_else(|| {
        let c = label.chars().next()?;
        c.is_ascii_lowercase().then(|| c as u32 - 'a' as u32 + 1)
    })
}

/// Where the items of an inline list start (`1.) The first item 2.) The
/// second item`): markers in sequence, the first at the start of the text,
/// each followed by a capital. Items break before their marker.
fn list_item_starts(text: &str, protected: &[Range<usize>]) -> Vec<usize> {
    if list_marker(text).is_none() {
        return Vec::new();
    }
    let mut markers: Vec<(usize, u32)> = Vec::new();
    let candidates = std::iter::once(0).chain(
        text.char_indices()
            .filter(|(_, c)| c.is_whitespace())
            .map(|(i, c)| i + c.len_utf8()),
    );
    for at in candidates {
        let s = &text[at..];
        let (Some(len), Some(value)) = (list_marker(s), marker_value(s)) else {
            continue;
        };
        if in_spans(at, protected) || !starts_sentence(s[len..].trim_start()) {
            continue;
        }
        let follows = markers.last().is_none_or(|&(_, last)| value == last + 1);
        if follows && (markers.is_empty() || at > 0) {
            markers.push((at, value));
        }
    }
    if markers.len() < 2 {
        return Vec::new();
    }
    markers.into_iter().skip(1).map(|(at, _)| at).collect()
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

#[cfg(test)]
mod tests;
