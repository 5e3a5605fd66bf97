//! A deterministic book generator for benchmarks.
//!
//! `cargo run --release --example corpus -- OUT WORDS [--revised]` writes a
//! book of about WORDS words to OUT (`source/book.toml` and chapters of about
//! 20,000 words): headings, multi-sentence paragraphs with abbreviations,
//! numbers, emphasis and links, lists, block quotes, tables and code blocks.
//! With `--revised`, the same book with about 5 % of its sentences edited,
//! 2 % deleted and 2 % inserted; the edited sentences are listed in
//! OUT/revision-edits.txt.
//!
//! `cargo run --release --example corpus -- --pseudo-translate OUT` fills
//! every empty msgstr of OUT's PO files with a pseudo-translation (the
//! English with the locale as a prefix), so that a memory can be filled.

use std::fmt::Write as _;
use std::path::Path;

#[path = "../benches/support/rng.rs"]
mod rng;
use rng::Rng;

const NOUNS: &[&str] = &[
    "border",
    "embassy",
    "treaty",
    "minister",
    "corridor",
    "region",
    "alliance",
    "pipeline",
    "river",
    "city",
    "report",
    "delegation",
    "summit",
    "agreement",
    "province",
    "market",
    "railway",
    "harbour",
    "council",
    "archive",
    "village",
    "mountain",
    "garrison",
    "negotiation",
    "statement",
    "investigation",
    "neighbour",
    "economy",
    "festival",
    "museum",
];
const VERBS: &[&str] = &[
    "announced",
    "rejected",
    "welcomed",
    "questioned",
    "signed",
    "delayed",
    "approved",
    "described",
    "visited",
    "reviewed",
    "challenged",
    "supported",
    "opened",
    "closed",
    "measured",
    "documented",
    "praised",
    "criticised",
];
const ADJECTIVES: &[&str] = &[
    "new",
    "old",
    "northern",
    "southern",
    "regional",
    "formal",
    "quiet",
    "long",
    "brief",
    "public",
    "private",
    "historic",
    "difficult",
    "careful",
    "joint",
    "bilateral",
    "cautious",
    "open",
    "strategic",
    "local",
];
const NAMES: &[&str] = &[
    "Mr. Aliyev",
    "Dr. Karimova",
    "Prof. Hasanov",
    "Ms. Rahimi",
    "Mr. Demir",
    "the U.S. envoy",
    "the U.N. team",
];
const CONNECTORS: &[&str] = &[
    "however",
    "meanwhile",
    "in 2021",
    "by March",
    "e.g. in Baku",
    "at 9 a.m.",
    "after 40 minutes",
];

/// A Zipf-distributed vocabulary of 20,000 pronounceable words, so that
/// word frequencies look like a real book's (a few very common words, a long
/// tail of rare ones).
struct Vocabulary {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY: std::sync::OnceLock<Vocabulary> = std::sync::OnceLock::new();
    VOCABULARY.get_or_init(|| {
        const SYLLABLES: &[&str] = &[
            "ba", "ku", "te", "hran", "az", "er", "bai", "jan", "ir", "an", "dip", "lo", "ma",
            "cy", "tru", "st", "bor", "der", "se", "cu", "ri", "ty", "pro", "vo", "ca", "tion",
            "al", "li", "ance", "sov", "eign", "mon", "tel",
        ];
        let mut rng = Rng(0x7777_1234_4321_7777);
        let mut seen = std::collections::HashSet::new();
        let mut words = Vec::new();
        while words.len() < 20_000 {
            let word: String = (0..2 + rng.below(3))
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect();
            if seen.insert(word.clone()) {
                words.push(word);
            }
        }
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|rank| {
                total += 1.0 / rank as f64;
                total
            })
            .collect();
        Vocabulary { words, cumulative }
    })
}

/// A noun: half the time a common one, else one from the long tail.
fn noun(rng: &mut Rng) -> String {
    if rng.chance(50) {
        return pick(rng, NOUNS).to_string();
    }
    let v = vocabulary();
    let total = *v.cumulative.last().expect("a vocabulary");
    let x = (rng.next() as f64 / u64::MAX as f64) * total;
    let i = v
        .cumulative
        .partition_point(|&c| c < x)
        .min(v.words.len() - 1);
    v.words[i].clone()
}

fn pick<'a>(rng: &mut Rng, list: &[&'a str]) -> &'a str {
    list[rng.below(list.len())]
}

/// One English sentence, 8 to 30 words, sometimes with inline markup.
fn sentence(rng: &mut Rng) -> String {
    let mut s = String::new();
    let subject = if rng.chance(30) {
        pick(rng, NAMES).to_string()
    } else {
        format!("The {} {}", pick(rng, ADJECTIVES), noun(rng))
    };
    s.push_str(&subject);
    s.push(' ');
    s.push_str(pick(rng, VERBS));
    s.push_str(&format!(" the {} {}", pick(rng, ADJECTIVES), noun(rng)));
    for _ in 0..rng.below(4) {
        match rng.below(6) {
            0 => {
                let _ = write!(s, ", {}", pick(rng, CONNECTORS));
            }
            1 => {
                let _ = write!(s, " with *{}* {}", pick(rng, ADJECTIVES), noun(rng));
            }
            2 => {
                let _ = write!(
                    s,
                    " near the [{}](https://example.org/{})",
                    noun(rng),
                    rng.below(1000)
                );
            }
            3 => {
                let _ = write!(
                    s,
                    " for {}.{} percent of the {}",
                    rng.below(90) + 1,
                    rng.below(10),
                    noun(rng)
                );
            }
            4 => {
                let _ = write!(s, " and the **{}** {}", noun(rng), pick(rng, VERBS));
            }
            _ => {
                let _ = write!(
                    s,
                    " in the {} of the {} {}",
                    noun(rng),
                    pick(rng, ADJECTIVES),
                    noun(rng)
                );
            }
        }
    }
    s.push(if rng.chance(8) { '?' } else { '.' });
    s
}

/// What the revision does to one sentence.
enum Revision {
    Keep,
    Edit,
    Delete,
    InsertAfter,
}

struct Generator {
    text: Rng,
    revision: Option<Rng>,
    /// The edited sentences as they read after the revision.
    edited: Vec<String>,
}

impl Generator {
    /// The next sentence, revised when generating the revised variant. The
    /// base text comes from its own stream, so both variants share it.
    fn sentences(&mut self, out: &mut Vec<String>) -> usize {
        let base = sentence(&mut self.text);
        let words = base.split_whitespace().count();
        let change = match self.revision.as_mut() {
            None => Revision::Keep,
            Some(r) => match r.below(100) {
                0..=4 => Revision::Edit,
                5..=6 => Revision::Delete,
                7..=8 => Revision::InsertAfter,
                _ => Revision::Keep,
            },
        };
        match change {
            Revision::Keep => out.push(base),
            Revision::Edit => {
                let r = self.revision.as_mut().expect("revising");
                let mut tokens: Vec<String> = base.split(' ').map(str::to_string).collect();
                let at = 1 + r.below(tokens.len().saturating_sub(2).max(1));
                tokens[at] = pick(r, ADJECTIVES).to_string();
                let edited = tokens.join(" ");
                if edited != base {
                    self.edited.push(edited.clone());
                }
                out.push(edited);
            }
            Revision::Delete => {}
            Revision::InsertAfter => {
                out.push(base);
                out.push(sentence(self.revision.as_mut().expect("revising")));
            }
        }
        words
    }
}

fn generate(out: &Path, words: usize, revised: bool) -> std::io::Result<()> {
    let source = out.join("source");
    std::fs::create_dir_all(&source)?;
    let mut gen = Generator {
        text: Rng(0x1234_5678_9abc_def1),
        revision: revised.then_some(Rng(0x0fed_cba9_8765_4321)),
        edited: Vec::new(),
    };
    let mut shape = Rng(0x5151_5151_5151_5151);
    let per_chapter = 20_000usize;
    let chapters = words.div_ceil(per_chapter).max(1);
    let mut names = Vec::new();
    let mut total = 0;
    for c in 0..chapters {
        let name = format!("chapter-{:03}.md", c + 1);
        let mut md = format!(
            "# Chapter {}: The {} {}\n\n",
            c + 1,
            pick(&mut shape, ADJECTIVES),
            pick(&mut shape, NOUNS)
        );
        let mut chapter_words = 0;
        let target = per_chapter.min(words.saturating_sub(total)).max(50);
        while chapter_words < target {
            let mut sentences = Vec::new();
            match shape.below(20) {
                0 => {
                    let _ = write!(
                        md,
                        "## The {} {}\n\n",
                        pick(&mut shape, ADJECTIVES),
                        pick(&mut shape, NOUNS)
                    );
                    chapter_words += 3;
                }
                1 => {
                    for _ in 0..3 {
                        sentences.clear();
                        chapter_words += gen.sentences(&mut sentences);
                        if !sentences.is_empty() {
                            let _ = writeln!(md, "- {}", sentences.join(" "));
                        }
                    }
                    md.push('\n');
                }
                2 => {
                    chapter_words += gen.sentences(&mut sentences);
                    if !sentences.is_empty() {
                        let _ = write!(md, "> {}\n\n", sentences.join(" "));
                    }
                }
                3 => {
                    let _ = write!(
                        md,
                        "| {} | Year | Share |\n|---|---|---|\n| {} | {} | {}% |\n| {} | {} | {}% |\n\n",
                        pick(&mut shape, NOUNS),
                        pick(&mut shape, NOUNS),
                        1990 + shape.below(35),
                        shape.below(100),
                        pick(&mut shape, NOUNS),
                        1990 + shape.below(35),
                        shape.below(100)
                    );
                    chapter_words += 12;
                }
                4 => {
                    let _ = write!(
                        md,
                        "```text\nrecord {} = {}\n```\n\n",
                        pick(&mut shape, NOUNS),
                        shape.below(10_000)
                    );
                }
                _ => {
                    for _ in 0..3 + shape.below(4) {
                        chapter_words += gen.sentences(&mut sentences);
                    }
                    if !sentences.is_empty() {
                        let _ = write!(md, "{}\n\n", sentences.join(" "));
                    }
                }
            }
        }
        total += chapter_words;
        std::fs::write(source.join(&name), md)?;
        names.push(format!("    \"{name}\","));
    }
    let config = format!(
        "[book]\ntitle = \"Benchmark Book ({words} words)\"\nauthor = \"tercuman corpus generator\"\nidentifier = \"urn:uuid:00000000-0000-4000-8000-0000000b0000\"\nsource-language = \"en\"\nlocales = [\"az\", \"fa\", \"tr\"]\nchapters = [\n{}\n]\n",
        names.join("\n")
    );
    std::fs::write(source.join("book.toml"), config)?;
    let en = out.join("locales/en");
    std::fs::create_dir_all(&en)?;
    std::fs::write(
        en.join("book.ftl"),
        "book-title = Benchmark Book\ncontents = Contents\n",
    )?;
    if revised {
        // For benchmarks that compare fuzzy suggestions on edited sentences.
        std::fs::write(out.join("revision-edits.txt"), gen.edited.join("\n") + "\n")?;
    }
    eprintln!(
        "wrote {} chapters, about {total} words, to {}",
        chapters,
        out.display()
    );
    Ok(())
}

/// Fills empty msgstrs with `[lang] <msgid>`.
fn pseudo_translate(out: &Path) -> std::io::Result<()> {
    for lang in std::fs::read_dir(out.join("locales"))? {
        let lang = lang?;
        let code = lang.file_name().to_string_lossy().into_owned();
        for file in std::fs::read_dir(lang.path())? {
            let path = file?.path();
            if path.extension().is_none_or(|e| e != "po") {
                continue;
            }
            let text = std::fs::read_to_string(&path)?;
            let mut result = String::with_capacity(text.len() * 2);
            let mut last_msgid: Option<&str> = None;
            for line in text.lines() {
                if let Some(id) = line
                    .strip_prefix("msgid \"")
                    .and_then(|l| l.strip_suffix('"'))
                {
                    last_msgid = Some(id);
                }
                match last_msgid {
                    Some(id) if line == "msgstr \"\"" && !id.is_empty() => {
                        let _ = writeln!(result, "msgstr \"[{code}] {id}\"");
                    }
                    _ => {
                        result.push_str(line);
                        result.push('\n');
                    }
                }
            }
            std::fs::write(&path, result)?;
        }
    }
    Ok(())
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [flag, out] if flag == "--pseudo-translate" => pseudo_translate(Path::new(out)),
        [out, words] => generate(
            Path::new(out),
            words.parse().expect("WORDS is a number"),
            false,
        ),
        [out, words, flag] if flag == "--revised" => generate(
            Path::new(out),
            words.parse().expect("WORDS is a number"),
            true,
        ),
        _ => {
            eprintln!("usage: corpus OUT WORDS [--revised] | corpus --pseudo-translate OUT");
            std::process::exit(2);
        }
    }
}
