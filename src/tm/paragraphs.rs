//! Importing a gettext catalog another tool made from the same book
//! (mdbook-xgettext, po4a): one entry per paragraph, no `msgctxt`, its
//! Markdown possibly re-wrapped or normalized.
//!
//! An entry whose `msgid` is one of the book's paragraphs (whitespace
//! folded; failing that, emphasis and code marks ignored too) gives its
//! `msgstr`, split into sentences by the target language's rules and
//! aligned to the paragraph's segments ([`crate::align`]). A certain
//! alignment is a translation; any other is fuzzy, with a comment saying
//! why, for a reviewer. The old catalog's fuzzy and obsolete entries are
//! suggestions (fuzzy), never translations, and a translation the memory
//! already has is kept (the catalog's goes into the history).

use std::collections::HashMap;
use std::path::Path;

use super::{Changes, Memory, Origin, Status, Suggestion, Translation, TranslationChange};
use crate::error::{Error, Result};
use crate::formats::po::Catalog;
use crate::project::Project;
use crate::source::{ChapterDoc, Leaf};

/// What an import of a paragraph catalog did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParagraphReport {
    pub locale: String,
    /// `mdbook-po` or `po4a`, as recorded in the history.
    pub origin: String,
    /// Segments translated by a certain alignment.
    pub translated: usize,
    /// Segments given a fuzzy translation (an uncertain alignment, or a
    /// fuzzy or obsolete entry).
    pub fuzzy: usize,
    /// Segments of matched paragraphs that no sentence was aligned to.
    pub untranslated: usize,
    /// Segments whose translation in the memory was kept.
    pub kept: usize,
    /// Source paragraphs no entry matched: (file, line).
    pub unmatched: Vec<(String, usize)>,
    /// Translated entries that matched no paragraph of the book.
    pub unused: usize,
}

/// Which tool made the catalog: po4a marks each entry with `#. type:`.
fn origin_of(catalog: &Catalog) -> Origin {
    let po4a = catalog
        .entries
        .iter()
        .any(|e| e.extracted_comments.iter().any(|c| c.starts_with("type:")));
    if po4a {
        Origin::Po4a
    } else {
        Origin::MdbookPo
    }
}

/// Whitespace folded: how two tools' wrapping of a paragraph compare.
fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whitespace folded, emphasis and code marks and escapes dropped: what is
/// left when one tool writes `_a_` and another `*a*`.
fn loose(text: &str) -> String {
    folded(&text.replace(['*', '_', '`', '\\'], ""))
}

/// A paragraph's text as another tool extracts it: its segments joined.
fn leaf_text(leaf: &Leaf) -> String {
    leaf.segments
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The book's paragraphs (leaf blocks), found by their text as another
/// tool extracts it.
struct Paragraphs<'a> {
    leaves: Vec<(&'a ChapterDoc, &'a Leaf)>,
    by_text: HashMap<String, Vec<usize>>,
    by_loose: HashMap<String, Vec<usize>>,
}

impl<'a> Paragraphs<'a> {
    fn new(docs: &'a [ChapterDoc]) -> Paragraphs<'a> {
        let leaves: Vec<(&ChapterDoc, &Leaf)> = docs
            .iter()
            .flat_map(|doc| doc.leaves().map(move |leaf| (doc, leaf)))
            .collect();
        let mut by_text: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_loose: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, (_, leaf)) in leaves.iter().enumerate() {
            let text = leaf_text(leaf);
            by_text.entry(folded(&text)).or_default().push(i);
            by_loose.entry(loose(&text)).or_default().push(i);
        }
        Paragraphs {
            leaves,
            by_text,
            by_loose,
        }
    }

    /// The paragraphs whose text is `msgid`'s (whitespace folded, else
    /// marks ignored too).
    fn find(&self, msgid: &str) -> Option<&[usize]> {
        self.by_text
            .get(&folded(msgid))
            .or_else(|| self.by_loose.get(&loose(msgid)))
            .map(Vec::as_slice)
    }
}

/// A file's name, for the comments that point a reviewer to it.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Imports `catalog` (read from `path`) as `locale`'s translations of the
/// book's paragraphs, in one commit.
pub fn import_paragraph_catalog(
    memory: &mut Memory,
    project: &Project,
    docs: &[ChapterDoc],
    catalog: &Catalog,
    path: &Path,
    locale: &unic_langid::LanguageIdentifier,
    now: i64,
) -> Result<ParagraphReport> {
    let code = locale.to_string();
    if let Some(entry) = catalog.entries.iter().find(|e| e.msgctxt.is_some()) {
        return Err(Error::parse(
            path,
            entry.line,
            crate::said!("catalog-this-catalog-has-msgctxt"),
        ));
    }
    let origin = origin_of(catalog);
    let paragraphs = Paragraphs::new(docs);
    let leaves = &paragraphs.leaves;
    let rules = crate::source::sentence::Rules::for_language(&code, &[], &[]);
    let mut recorder = Recorder::new(memory, &code, origin)?;
    let mut matched = vec![false; leaves.len()];
    // Where a reviewer finds the entry: the catalog's name and line.
    let file = file_name(path);
    for entry in &catalog.entries {
        let msgstr = folded(&entry.msgstr);
        if entry.msgid.is_empty() {
            continue;
        }
        let Some(found) = paragraphs.find(&entry.msgid) else {
            recorder.report.unused += usize::from(!msgstr.is_empty());
            continue;
        };
        if msgstr.is_empty() {
            for &i in found {
                matched[i] = true;
                recorder.report.untranslated += leaves[i].1.segments.len();
            }
            continue;
        }
        let suggestion_only = entry.fuzzy || entry.obsolete;
        for &i in found {
            matched[i] = true;
            let leaf = leaves[i].1;
            let sources: Vec<&str> = leaf.segments.iter().map(|s| s.text.as_str()).collect();
            let aligned = if sources.len() == 1 {
                vec![crate::align::Aligned {
                    text: msgstr.clone(),
                    doubt: None,
                }]
            } else {
                crate::align::align(&sources, &crate::source::split_translation(&msgstr, &rules))
            };
            for (seg, aligned) in leaf.segments.iter().zip(aligned) {
                let doubt = match (suggestion_only, aligned.doubt) {
                    (true, _) => Some(if entry.obsolete {
                        "an obsolete entry of the old catalog".to_string()
                    } else {
                        "a fuzzy entry of the old catalog".to_string()
                    }),
                    (false, doubt) => doubt.map(|d| format!("aligned by length, check it: {d}")),
                };
                let at = format!("{file}:{}", entry.line);
                recorder.record(seg, aligned.text, doubt, &at);
            }
        }
    }
    for ((doc, leaf), matched) in leaves.iter().zip(&matched) {
        if !matched {
            let chapter = project.chapters.iter().find(|c| c.slug == doc.slug);
            let line = leaf.segments.first().map_or(0, |s| s.line);
            recorder.report.unmatched.push((
                chapter.map_or_else(|| doc.slug.clone(), |c| c.rel_path.clone()),
                line,
            ));
        }
    }
    recorder.commit(memory, now)
}

/// Imports a translated copy of the book in Markdown: in `dir`, each
/// chapter's translation under the path it has in `source/`. Blocks are
/// paired by their kind and order (a chapter whose blocks differ is paired
/// by the longest common sequence of kinds, and all its pairs are doubted),
/// then each pair's sentences are aligned as a catalog's are.
pub fn import_aligned_markdown(
    memory: &mut Memory,
    project: &Project,
    docs: &[ChapterDoc],
    dir: &Path,
    locale: &unic_langid::LanguageIdentifier,
    now: i64,
) -> Result<ParagraphReport> {
    let code = locale.to_string();
    let rules = crate::source::sentence::Rules::for_language(&code, &[], &[]);
    let mut recorder = Recorder::new(memory, &code, Origin::AlignedMarkdown)?;
    for (chapter, doc) in project.chapters.iter().zip(docs) {
        let rel = chapter
            .rel_path
            .strip_prefix("source/")
            .unwrap_or(&chapter.rel_path);
        let path = dir.join(rel);
        let sources: Vec<&Leaf> = doc.leaves().collect();
        if !path.exists() {
            let first = sources
                .first()
                .and_then(|l| l.segments.first())
                .map_or(1, |s| s.line);
            recorder
                .report
                .unmatched
                .push((chapter.rel_path.clone(), first));
            continue;
        }
        let text = crate::error::read_utf8(&path)?;
        let translated = crate::source::segment_chapter_with(
            &chapter.slug,
            &text,
            crate::project::Segmentation::Sentence,
            &rules,
        );
        let targets: Vec<&Leaf> = translated.leaves().collect();
        let pairs = pair_blocks(&sources, &targets);
        let same_shape = pairs.len() == sources.len() && sources.len() == targets.len();
        let mut paired = vec![false; sources.len()];
        for (i, j) in pairs {
            paired[i] = true;
            let (source, target) = (sources[i], targets[j]);
            let source_sentences: Vec<&str> =
                source.segments.iter().map(|s| s.text.as_str()).collect();
            let target_sentences: Vec<&str> =
                target.segments.iter().map(|s| s.text.as_str()).collect();
            let aligned = if source_sentences.len() == 1 {
                vec![crate::align::Aligned {
                    text: target_sentences.join(" "),
                    doubt: (target_sentences.len() > 1).then(|| {
                        format!(
                            "it is {} sentences in the translation",
                            target_sentences.len()
                        )
                    }),
                }]
            } else {
                crate::align::align(&source_sentences, &target_sentences)
            };
            let at = format!(
                "{}:{}",
                file_name(&path),
                target.segments.first().map_or(1, |s| s.line)
            );
            for (seg, aligned) in source.segments.iter().zip(aligned) {
                let doubt = match (same_shape, aligned.doubt) {
                    (true, None) => None,
                    (true, Some(d)) => Some(format!("aligned by length, check it: {d}")),
                    (false, d) => Some(format!(
                        "the chapter has {} blocks in the translation for {} in the source{}",
                        targets.len(),
                        sources.len(),
                        d.map(|d| format!("; {d}")).unwrap_or_default()
                    )),
                };
                recorder.record(seg, aligned.text, doubt, &at);
            }
        }
        for (leaf, paired) in sources.iter().zip(paired) {
            if !paired {
                let line = leaf.segments.first().map_or(0, |s| s.line);
                recorder
                    .report
                    .unmatched
                    .push((chapter.rel_path.clone(), line));
            }
        }
    }
    recorder.commit(memory, now)
}

/// Source and translated blocks paired in order: all of them when their
/// kinds agree one by one, else the longest common sequence of kinds.
fn pair_blocks(sources: &[&Leaf], targets: &[&Leaf]) -> Vec<(usize, usize)> {
    let (n, m) = (sources.len(), targets.len());
    if n == m && sources.iter().zip(targets).all(|(a, b)| a.kind == b.kind) {
        return (0..n).map(|i| (i, i)).collect();
    }
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if sources[i].kind == targets[j].kind {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut pairs) = (0, 0, Vec::new());
    while i < n && j < m {
        if sources[i].kind == targets[j].kind {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// Turns aligned texts into changes to the memory, counting them.
struct Recorder {
    code: String,
    origin: Origin,
    translations: HashMap<String, Translation>,
    changes: Changes,
    report: ParagraphReport,
}

impl Recorder {
    fn new(memory: &Memory, code: &str, origin: Origin) -> Result<Recorder> {
        Ok(Recorder {
            code: code.to_string(),
            origin,
            translations: memory.translations(code)?,
            changes: Changes::default(),
            report: ParagraphReport {
                locale: code.to_string(),
                origin: origin.as_str().to_string(),
                ..ParagraphReport::default()
            },
        })
    }

    /// One segment's aligned text: translated when there is no doubt,
    /// else fuzzy with the doubt and `at` (where it came from) as its
    /// comment; history only when the memory has a translation.
    fn record(
        &mut self,
        seg: &crate::source::Segment,
        text: String,
        doubt: Option<String>,
        at: &str,
    ) {
        if text.is_empty() {
            self.report.untranslated += 1;
            return;
        }
        let status = if doubt.is_some() {
            Status::Fuzzy
        } else {
            Status::Translated
        };
        let incoming = Translation { text, status };
        let current = self.translations.get(&seg.id);
        if current == Some(&incoming) {
            return;
        }
        // A fuzzy suggestion already there gives way; a translation does not.
        let has_translation =
            current.is_some_and(|t| !t.text.is_empty() && t.status == Status::Translated);
        let mut change = TranslationChange::new(&seg.id, &self.code, incoming, self.origin);
        change.suggestion = doubt.map(|why| Suggestion {
            previous_source: seg.text.clone(),
            score: None,
            from: format!("{at} ({}): {why}", self.origin.as_str()),
        });
        if has_translation {
            change.current = false;
            self.report.kept += 1;
        } else if status == Status::Translated {
            self.report.translated += 1;
        } else {
            self.report.fuzzy += 1;
        }
        self.changes.translations.push(change);
    }

    fn commit(self, memory: &mut Memory, now: i64) -> Result<ParagraphReport> {
        memory.apply(&self.changes, now)?;
        Ok(self.report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_tools_wrapping_and_marks_compare_equal() {
        assert_eq!(folded("One  two\nthree "), "One two three");
        assert_eq!(
            loose("An _emphasis_ and `code`"),
            loose("An *emphasis* and code")
        );
    }
}
