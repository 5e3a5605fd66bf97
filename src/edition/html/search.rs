//! The site's search index: built with the edition, one per language, read
//! by `site.js` in the browser with no server and no network.
//!
//! The layout follows Pagefind's idea (a small entry file, then chunks of
//! terms and of texts loaded only when a query needs them), but each chunk
//! is a script that registers itself rather than a file to `fetch`: a
//! browser refuses `fetch` and WebAssembly from `file://`, and the site must
//! work from a USB stick. Words are cut at Unicode word boundaries (UAX #29,
//! the same rules the browser's `Intl.Segmenter` applies to the query) and
//! folded by [`fold`], whose table the entry file carries so that the page
//! folds a query exactly as the index was folded.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use serde_json::{json, Value};
use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
use unicode_segmentation::UnicodeSegmentation;

use super::super::Edition;
use crate::project::page_stem;

/// Texts per chunk of the text file set: a results page loads a few.
const TEXTS_PER_CHUNK: usize = 500;

/// Characters the folding replaces: Arabic letter forms by the Persian ones
/// a reader types (ي/ى → ی, ك → ک), hamza and madda forms of alef by alef,
/// teh marbuta by heh, the typographic apostrophe by `'`, and Persian and Arabic-Indic digits by ASCII ones.
fn replacements() -> Vec<(char, char)> {
    let mut map = vec![
        ('\u{064A}', 'ی'),
        ('\u{0649}', 'ی'),
        ('\u{0643}', 'ک'),
        ('\u{0623}', 'ا'),
        ('\u{0625}', 'ا'),
        ('\u{0671}', 'ا'),
        ('\u{0622}', 'ا'),
        ('\u{0629}', 'ه'),
        // A typographic apostrophe (`İstanbul’da`) as the one a reader types.
        ('\u{2019}', '\''),
    ];
    for (i, ascii) in ('0'..='9').enumerate() {
        let i = i as u32;
        map.push((char::from_u32(0x06F0 + i).unwrap(), ascii));
        map.push((char::from_u32(0x0660 + i).unwrap(), ascii));
    }
    // Sorted, for `fold`'s binary search.
    map.sort_unstable();
    map
}

/// Characters the folding drops: ZWNJ and ZWJ (Persian writes `می‌خواهم`
/// and `میخواهم` alike), tatweel, Arabic diacritics, the soft hyphen, and
/// the combining dot a default lower-casing leaves after `İ`.
const DROPPED: &[char] = &[
    '\u{200C}', '\u{200D}', '\u{0640}', '\u{00AD}', '\u{0307}', '\u{0670}',
];

/// The Arabic diacritics (fathatan to wavy hamza below), dropped too.
const DROPPED_RANGE: (char, char) = ('\u{064B}', '\u{065F}');

fn is_dropped(c: char) -> bool {
    DROPPED.contains(&c) || (DROPPED_RANGE.0..=DROPPED_RANGE.1).contains(&c)
}

/// Whether the language cases dotted and dotless i apart (İ/i, I/ı).
fn is_turkic(edition: &Edition) -> bool {
    matches!(edition.lang.language.as_str(), "tr" | "az")
}

/// One word as the index keeps it, written into `out` (cleared first, one
/// buffer for a book's million words): NFC, lower-cased by the language's
/// rules, with the replacements and drops above.
fn fold(word: &str, turkic: bool, map: &[(char, char)], out: &mut String) {
    out.clear();
    // Most words of most books: nothing to normalize, map or drop.
    if word.is_ascii() && !(turkic && word.contains('I')) {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    // Most words of a Persian book: already NFC, with no case.
    let nfc: Cow<str> = match is_nfc_quick(word.chars()) {
        IsNormalized::Yes => Cow::Borrowed(word),
        _ => Cow::Owned(word.nfc().collect()),
    };
    let cased: Cow<str> = if turkic {
        Cow::Owned(nfc.replace('I', "ı").replace('İ', "i").to_lowercase())
    } else if nfc.chars().any(changes_in_lower_case) {
        Cow::Owned(nfc.to_lowercase())
    } else {
        nfc
    };
    out.extend(cased.chars().filter(|c| !is_dropped(*c)).map(|c| {
        // Every replaced character is Arabic-script or the apostrophe.
        if c < '\u{0600}' {
            return c;
        }
        map.binary_search_by_key(&c, |(from, _)| *from)
            .map_or(c, |i| map[i].1)
    }));
}

/// Whether lower-casing changes `c` (`str::to_lowercase` changes a text
/// only where it has such a character).
fn changes_in_lower_case(c: char) -> bool {
    let mut lower = c.to_lowercase();
    lower.next() != Some(c) || lower.next().is_some()
}

/// Hands `take` each folded word of a text, in order.
fn each_word(text: &str, turkic: bool, map: &[(char, char)], mut take: impl FnMut(&str)) {
    let mut folded = String::new();
    for word in text.unicode_words() {
        fold(word, turkic, map, &mut folded);
        if !folded.is_empty() {
            take(&folded);
        }
    }
}

/// The chunk a folded word's postings are in: its first two characters, as
/// hexadecimal code points (`t-69-73` for `is…`).
pub fn term_chunk(word: &str) -> String {
    let mut name = String::from("t");
    for c in word.chars().take(2) {
        let _ = write!(name, "-{:x}", c as u32);
    }
    name
}

/// The index's files, relative to the language's `search/` folder, with
/// their contents.
pub fn files(edition: &Edition) -> Vec<(String, String)> {
    let turkic = is_turkic(edition);
    let map = replacements();
    let mut pages = Vec::new();
    let mut targets = Vec::new();
    // Each text's target and words, serialized as `[target, "text"]`.
    let mut texts: Vec<(usize, &str)> = Vec::new();
    // Each word's texts, found by the word alone: one hash lookup per
    // word of the book, and the chunks sorted once at the end.
    let mut postings: HashMap<String, Vec<u32>> = HashMap::new();
    for (page, chapter) in edition.chapters.iter().enumerate() {
        pages.push(json!([
            format!("{}.html", page_stem(&chapter.slug)),
            chapter.title
        ]));
        // Target 0 of a page is its top; then one per heading.
        let first_target = targets.len();
        targets.push(json!([page, "", ""]));
        for section in &chapter.sections {
            targets.push(json!([page, section.anchor, section.title]));
        }
        for passage in &chapter.passages {
            let id = texts.len() as u32;
            let target = first_target + passage.section.map_or(0, |s| s + 1);
            texts.push((target, &passage.text));
            each_word(&passage.text, turkic, &map, |word| {
                match postings.get_mut(word) {
                    Some(ids) if ids.last() == Some(&id) => {}
                    Some(ids) => ids.push(id),
                    None => {
                        postings.insert(word.to_string(), vec![id]);
                    }
                }
            });
        }
    }
    let mut terms: BTreeMap<String, Vec<(&str, &[u32])>> = BTreeMap::new();
    for (word, ids) in &postings {
        terms
            .entry(term_chunk(word))
            .or_default()
            .push((word.as_str(), ids.as_slice()));
    }
    let mut files = Vec::new();
    for (name, chunk) in &mut terms {
        chunk.sort_unstable_by(|a, b| a.0.cmp(b.0));
        files.push((format!("{name}.js"), term_registration(name, chunk)));
    }
    for (n, chunk) in texts.chunks(TEXTS_PER_CHUNK).enumerate() {
        let name = format!("d-{n}");
        files.push((format!("{name}.js"), registration(&name, chunk)));
    }
    let meta = json!({
        "lang": edition.lang.to_string(),
        "turkic": turkic,
        "map": map.iter().map(|(a, b)| (a.to_string(), json!(b.to_string()))).collect::<serde_json::Map<_, _>>(),
        "drop": DROPPED.iter().collect::<String>(),
        "dropRange": [DROPPED_RANGE.0.to_string(), DROPPED_RANGE.1.to_string()],
        "textsPerChunk": TEXTS_PER_CHUNK,
        "texts": texts.len(),
        "terms": terms.keys().collect::<Vec<_>>(),
        "pages": pages,
        "targets": targets,
    });
    files.push(("index.js".into(), registration("index", &meta)));
    files
}

/// A chunk as a script that hands its data to the page's search.
fn registration(name: &str, data: &(impl serde::Serialize + ?Sized)) -> String {
    let data = serde_json::to_string(data).expect("strings and numbers serialize");
    format!("tercumanSearch.add({},{data});\n", json!(name))
}

/// A chunk of terms (sorted words and the numbers of their texts) as the
/// script [`registration`] would make of it as a JSON object, written
/// directly: texts are numbered by their difference from the one before.
fn term_registration(name: &str, words: &[(&str, &[u32])]) -> String {
    let mut out = format!("tercumanSearch.add({},{{", json!(name));
    for (n, (word, ids)) in words.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        out.push_str(&Value::from(*word).to_string());
        out.push_str(":[");
        let mut last = 0;
        for (i, id) in ids.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let _ = write!(out, "{}", id - last);
            last = *id;
        }
        out.push(']');
    }
    out.push_str("});\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The chunks of terms are written by hand for speed; the page reads
    /// them as JSON, so they must be what serde_json writes (words sorted,
    /// as `files` sorts them).
    #[test]
    fn a_chunk_of_terms_is_the_json_serde_would_write() {
        let words: [(&str, &[u32]); 3] = [
            ("a\"b\\c", &[3, 7, 20]),
            ("tab\there\u{1}", &[5, 6]),
            ("می\u{200c}خواهم", &[0]),
        ];
        let as_json: serde_json::Map<String, Value> = words
            .iter()
            .map(|(w, ids)| {
                let mut last = 0;
                let deltas: Vec<u32> = ids
                    .iter()
                    .map(|id| {
                        let d = id - last;
                        last = *id;
                        d
                    })
                    .collect();
                (w.to_string(), json!(deltas))
            })
            .collect();
        assert_eq!(
            term_registration("t-61", &words),
            registration("t-61", &Value::Object(as_json))
        );
    }

    fn folded(text: &str, turkic: bool) -> Vec<String> {
        let mut words = Vec::new();
        each_word(text, turkic, &replacements(), |w| words.push(w.to_string()));
        words
    }

    /// `fold` as first written: every word normalized, lower-cased and
    /// looked up in the replacements one by one.
    fn folded_the_long_way(word: &str, turkic: bool) -> String {
        let nfc: String = word.nfc().collect();
        let cased = if turkic {
            nfc.replace('I', "ı").replace('İ', "i").to_lowercase()
        } else {
            nfc.to_lowercase()
        };
        let map = replacements();
        cased
            .chars()
            .filter(|c| !is_dropped(*c))
            .map(|c| {
                map.iter()
                    .find(|(from, _)| *from == c)
                    .map_or(c, |(_, to)| *to)
            })
            .collect()
    }

    #[test]
    fn words_fold_as_they_did_the_long_way() {
        let pieces = [
            "a", "A", "I", "İ", "ı", "ي", "ك", "أ", "ة", "۱", "٤", "\u{200c}", "ـ", "\u{064e}",
            "e\u{301}", "é", "Σ", "ǅ", "’", "ک", "می", "Ω", "ß", "ﬁ", "\u{0307}",
        ];
        let map = replacements();
        let mut out = String::new();
        for word in crate::source::texts_of(&pieces, 13, 4000) {
            for turkic in [false, true] {
                fold(&word, turkic, &map, &mut out);
                assert_eq!(out, folded_the_long_way(&word, turkic), "{word:?}");
            }
        }
    }

    #[test]
    fn turkish_folds_dotted_and_dotless_i_apart() {
        assert_eq!(folded("İstanbul'da IRMAK", true), ["istanbul'da", "ırmak"]);
        // English lower-cases I to i, and İ loses its dot.
        assert_eq!(folded("İstanbul IRMAK", false), ["istanbul", "irmak"]);
    }

    #[test]
    fn persian_folds_arabic_letter_forms_zwnj_diacritics_and_digits() {
        assert_eq!(folded("ايران", false), folded("ایران", false));
        assert_eq!(folded("كتاب", false), folded("کتاب", false));
        assert_eq!(folded("می‌خواهم", false), ["میخواهم"]);
        assert_eq!(folded("مُحَمَّد", false), ["محمد"]);
        assert_eq!(folded("۱۴۰۵ ١٤٠٥", false), ["1405", "1405"]);
    }

    #[test]
    fn words_split_at_unicode_boundaries_not_ascii_ones() {
        assert_eq!(folded("«آذربایجان»، ایران.", false), ["اذربایجان", "ایران"]);
        assert_eq!(folded("Bakı–Tehran", true), ["bakı", "tehran"]);
    }

    #[test]
    fn chunk_names_are_the_first_two_code_points() {
        assert_eq!(term_chunk("istanbul"), "t-69-73");
        assert_eq!(term_chunk("ı"), "t-131");
    }
}
