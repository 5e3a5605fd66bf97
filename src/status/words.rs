//! Counting source words the way translators' tools do.
//!
//! The rule is translate-toolkit's `pocount`, so `tercuman status` and
//! `pocount` agree on the same PO files: `<br>` tags become line breaks, XML
//! tags are removed, a full stop between two non-digits becomes a space
//! (`\D\.\D`), the text is split at whitespace, punctuation is stripped from
//! both ends of each piece, and every non-empty piece is a word.

use std::borrow::Cow;

/// Punctuation `pocount` strips from word ends (translate-toolkit's `Common.punctuation`).
const PUNCTUATION: &str = concat!(
    ".,;:!?-@#$%^*_()[]{}/\\'`\"<>",
    "‘’‛“”„‟′″‴‵‶‷‹›«»",
    "¿¡",
    "،؟؛÷",
    "。、，；！？「」『』【】",
    "।॥॰",
    "።፤፣",
    "…±°¹²³·©®×£¥€",
);

/// Number of words in `text`, as `pocount` counts them.
pub fn count_words(text: &str) -> usize {
    let text = strip_tags(text);
    let text = split_dotted(&text);
    let text: &str = &text;
    text.split(char::is_whitespace)
        .map(|w| w.trim_matches(is_punctuation))
        .filter(|w| !w.is_empty())
        .count()
}

/// Whether `pocount` strips `c` from a word's ends: ASCII by a table (two
/// checks per word of the book), the rest by a search of [`PUNCTUATION`].
fn is_punctuation(c: char) -> bool {
    const ASCII: [bool; 128] = {
        let mut table = [false; 128];
        let bytes = PUNCTUATION.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] < 128 {
                table[bytes[i] as usize] = true;
            }
            i += 1;
        }
        table
    };
    match u32::from(c) {
        n if n < 128 => ASCII[n as usize],
        _ => PUNCTUATION.contains(c),
    }
}

/// Removes `<br>`-like and other XML tags (pocount's `brtagre` and `xmltagre`).
fn strip_tags(text: &str) -> Cow<'_, str> {
    if !text.contains('<') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let candidate = &rest[i..];
        match tag_len(candidate) {
            Some((len, is_br)) => {
                if is_br {
                    out.push('\n');
                }
                rest = &candidate[len..];
            }
            None => {
                out.push('<');
                rest = &candidate[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '.' || c == ':'
}

/// Length of the tag at the start of `s`, and whether it is a `<br>`.
fn tag_len(s: &str) -> Option<(usize, bool)> {
    let body = &s[1..];
    if let Some(close) = body.strip_prefix('/') {
        let name_len: usize = close
            .chars()
            .take_while(|&c| is_name_char(c) && c != ':')
            .map(char::len_utf8)
            .sum();
        if name_len > 0 && close[name_len..].starts_with('>') {
            return Some((2 + name_len + 1, false));
        }
        return None;
    }
    let name_len: usize = body
        .chars()
        .take_while(|&c| is_name_char(c))
        .map(char::len_utf8)
        .sum();
    if name_len == 0 {
        return None;
    }
    let is_br = &body[..name_len] == "br";
    let mut pos = name_len;
    // ( \s ( name=("…"|'…') )? )*
    loop {
        let rest = &body[pos..];
        let Some(space) = rest.chars().next().filter(|c| c.is_whitespace()) else {
            break;
        };
        let after_space = pos + space.len_utf8();
        pos = after_space;
        let rest = &body[pos..];
        let attr_len: usize = rest
            .chars()
            .take_while(|&c| is_name_char(c))
            .map(char::len_utf8)
            .sum();
        if attr_len > 0 && rest[attr_len..].starts_with('=') {
            let value = &rest[attr_len + 1..];
            if let Some(q) = value.chars().next().filter(|&q| q == '"' || q == '\'') {
                if let Some(end) = value[1..].find(q) {
                    pos += attr_len + 1 + 1 + end + 1;
                }
            }
        }
    }
    let rest = &body[pos..];
    let rest_trim = rest.strip_prefix('/').unwrap_or(rest);
    if rest_trim.starts_with('>') {
        let consumed = 1 + pos + (rest.len() - rest_trim.len()) + 1;
        return Some((consumed, is_br));
    }
    None
}

/// `\D\.\D` -> ` `, left to right without overlaps, as Python's `re.sub` does.
fn split_dotted(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return split_dotted_ascii(text);
    }
    Cow::Owned(split_dotted_chars(text))
}

/// [`split_dotted`] char by char.
fn split_dotted_chars(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let non_digit = |c: char| !c.is_numeric();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if i + 2 < chars.len()
            && non_digit(chars[i])
            && chars[i + 1] == '.'
            && non_digit(chars[i + 2])
        {
            out.push(' ');
            i += 3;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// [`split_dotted`] of ASCII text, by bytes, copied only if a full stop
/// between two non-digits is there to replace (most sentences end with
/// their only one).
fn split_dotted_ascii(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let matches_at = |i: usize| {
        i + 2 < bytes.len()
            && !bytes[i].is_ascii_digit()
            && bytes[i + 1] == b'.'
            && !bytes[i + 2].is_ascii_digit()
    };
    let Some(first) = (0..bytes.len()).find(|&i| matches_at(i)) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    let mut i = first;
    while i < bytes.len() {
        if matches_at(i) {
            out.push(' ');
            i += 3;
        } else {
            out.push(bytes[i] as char);
            i += 1;
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    /// Expected values are what translate-toolkit's `pocount` prints for the same text.
    fn counts_like_pocount() {
        let cases = [
            ("Hello, world.", 2),
            ("Iran and Azerbaijan—neighbors with a shared history", 7),
            ("... The crisis", 2),
            ("**Accountability is Non-Negotiable:** Those", 4),
            ("See [the site](https://example.org/a.b) now", 5),
            ("It grew 3.5 percent — a lot.", 7),
            ("Use <b>bold</b> and<br/>more", 4),
            ("The U.S. Senate", 2),
            ("", 0),
        ];
        for (text, expected) in cases {
            assert_eq!(count_words(text), expected, "{text:?}");
        }
    }

    #[test]
    fn punctuation_is_found_by_the_table_as_in_the_list() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_punctuation(c), PUNCTUATION.contains(c), "{c:?}");
        }
    }

    #[test]
    fn ascii_text_splits_at_full_stops_as_any_text_does() {
        let pieces = ["a", ".", "1", " ", "U.S.", "3.5", "x..y", ". ", "..", "9."];
        for text in crate::source::texts_of(&pieces, 3, 3000) {
            assert_eq!(
                split_dotted_ascii(&text),
                split_dotted_chars(&text),
                "{text:?}"
            );
        }
    }
}
