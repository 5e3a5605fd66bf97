//! Reading an mdBook to bring it into tercuman's layout (`init
//! --from-mdbook`): its `book.toml` (title, authors, language,
//! description, source folder) and its `SUMMARY.md` (chapter order, nested
//! chapters, part titles, drafts), and what in its chapters tercuman does
//! not do the way mdBook does, with file and line.
//!
//! mdBook's structure is kept as far as tercuman's allows: chapters in
//! reading order (nesting flattened, each reported once), files and images
//! in the same folders, so relative paths keep working.

use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use serde::Deserialize;

use crate::error::{read_utf8, Error, Result};

/// An mdBook as tercuman reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MdBook {
    pub title: String,
    pub authors: Vec<String>,
    /// `[book] language`, `en` when absent (mdBook's default).
    pub language: String,
    pub description: Option<String>,
    /// The chapters' folder (`[book] src`, default `src/`).
    pub src: PathBuf,
    /// Chapters with a file, in reading order.
    pub chapters: Vec<SummaryChapter>,
    /// What is not carried over as mdBook has it, with file and line.
    pub notes: Vec<Note>,
}

/// One chapter `SUMMARY.md` lists with a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryChapter {
    pub title: String,
    /// Relative to `src`, with `/` separators.
    pub path: String,
    /// 0 for a top-level chapter, 1 for its sub-chapters, and so on.
    pub depth: usize,
}

/// Something of the mdBook that tercuman does not keep as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub file: PathBuf,
    pub line: usize,
    pub message: crate::error::Message,
}

#[derive(Deserialize)]
struct Config {
    #[serde(default)]
    book: BookSection,
}

#[derive(Deserialize, Default)]
struct BookSection {
    title: Option<String>,
    #[serde(default)]
    authors: Vec<String>,
    language: Option<String>,
    description: Option<String>,
    src: Option<String>,
}

/// Reads the mdBook in `dir`: `book.toml`, `SUMMARY.md`, and each listed
/// chapter for syntax only mdBook understands.
pub fn read(dir: &Path) -> Result<MdBook> {
    let config_path = dir.join("book.toml");
    let text = read_utf8(&config_path)?;
    let config: Config = toml::from_str(&text).map_err(|e| Error::Config {
        path: config_path.clone(),
        line: e
            .span()
            .map(|s| crate::project::line_of(&text, s.start))
            .unwrap_or(0),
        message: e.message().to_string().into(),
    })?;
    let src = dir.join(config.book.src.as_deref().unwrap_or("src"));
    let summary_path = src.join("SUMMARY.md");
    let summary = read_utf8(&summary_path)?;
    let (chapters, mut notes) = parse_summary(&summary, &summary_path);
    for chapter in &chapters {
        let path = src.join(&chapter.path);
        let text = read_utf8(&path)?;
        notes.extend(mdbook_only_syntax(&text, &path));
    }
    Ok(MdBook {
        title: config.book.title.unwrap_or_else(|| "Untitled".to_string()),
        authors: config.book.authors,
        language: config.book.language.unwrap_or_else(|| "en".to_string()),
        description: config.book.description,
        src,
        chapters,
        notes,
    })
}

/// `SUMMARY.md`'s chapters with files, in reading order, and notes on what
/// does not carry over: part titles, drafts, nesting, separators.
pub fn parse_summary(text: &str, file: &Path) -> (Vec<SummaryChapter>, Vec<Note>) {
    let line = |offset: usize| crate::project::line_of(text, offset);
    let note = |offset: usize, message: crate::error::Message| Note {
        file: file.to_path_buf(),
        line: line(offset),
        message,
    };
    let mut chapters = Vec::new();
    let mut notes = Vec::new();
    let mut depth = 0usize;
    let mut headings = 0usize;
    let mut link: Option<(String, String, usize)> = None;
    let mut heading: Option<(String, usize)> = None;
    let mut nested_reported = false;
    for (event, range) in Parser::new(text).into_offset_iter() {
        match event {
            Event::Start(Tag::List(_)) => depth += 1,
            Event::End(TagEnd::List(_)) => depth = depth.saturating_sub(1),
            Event::Start(Tag::Heading { level, .. }) => {
                heading = (level == HeadingLevel::H1).then(|| (String::new(), range.start))
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((title, at)) = heading.take() {
                    headings += 1;
                    // The first heading is the summary's own title.
                    if headings > 1 || !title.trim().eq_ignore_ascii_case("summary") {
                        notes.push(note(
                            at,
                            crate::said!("mdbook-part-title", "title" => title.trim()),
                        ));
                    }
                }
            }
            Event::Rule => notes.push(note(range.start, crate::said!("mdbook-separator"))),
            Event::Start(Tag::Link { dest_url, .. }) => {
                link = Some((dest_url.to_string(), String::new(), range.start))
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, title, _)) = link.as_mut() {
                    title.push_str(&t);
                } else if let Some((title, _)) = heading.as_mut() {
                    title.push_str(&t);
                }
            }
            Event::End(TagEnd::Link) => {
                let Some((dest, title, at)) = link.take() else {
                    continue;
                };
                let chapter_depth = depth.saturating_sub(1);
                let path = dest.split('#').next().unwrap_or("").trim().to_string();
                if path.is_empty() {
                    notes.push(note(at, crate::said!("mdbook-draft", "title" => &title)));
                    continue;
                }
                if chapter_depth > 0 && !nested_reported {
                    nested_reported = true;
                    notes.push(note(at, crate::said!("mdbook-nested", "title" => &title)));
                }
                chapters.push(SummaryChapter {
                    title,
                    path: path.trim_start_matches("./").to_string(),
                    depth: chapter_depth,
                });
            }
            _ => {}
        }
    }
    (chapters, notes)
}

/// mdBook's own syntax in a chapter, which tercuman's editions show as
/// written: `{{#include …}}` and the other preprocessor links, and the
/// hidden lines (`# `) of Rust code blocks, which mdBook hides.
pub fn mdbook_only_syntax(text: &str, file: &Path) -> Vec<Note> {
    let mut notes = Vec::new();
    let mut in_rust = false;
    let mut fence = String::new();
    let mut hidden_reported = false;
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if fence.is_empty() {
            if let Some(marker) = ["```", "~~~"].iter().find(|m| trimmed.starts_with(**m)) {
                fence = marker.to_string();
                let info = trimmed.trim_start_matches(['`', '~']).trim();
                in_rust = info.split([',', ' ']).next() == Some("rust");
                continue;
            }
        } else if trimmed.starts_with(fence.as_str()) {
            fence.clear();
            in_rust = false;
            continue;
        }
        if let Some(at) = line.find("{{#") {
            let what = line[at..]
                .split(['}', ' '])
                .next()
                .unwrap_or("{{#")
                .to_string();
            notes.push(Note {
                file: file.to_path_buf(),
                line: n + 1,
                message: crate::said!("mdbook-preprocessor-link", "link" => format!("{what} …}}}}")),
            });
        }
        if in_rust && (trimmed.starts_with("# ") || trimmed == "#") && !hidden_reported {
            hidden_reported = true;
            notes.push(Note {
                file: file.to_path_buf(),
                line: n + 1,
                message: crate::said!("mdbook-hidden-lines"),
            });
        }
    }
    notes
}

/// Copies the mdBook's chapters and its other files (images, listings)
/// into `root/source/`, keeping their folders, so that relative links and
/// images keep working. A chapter whose file name tercuman cannot use as a
/// page name (not ASCII, or the same as another chapter's) is renamed in
/// its folder, and reported. Returns the chapter paths for `book.toml`, in
/// reading order, and the notes.
pub fn copy_into(book: &MdBook, root: &Path) -> Result<(Vec<String>, Vec<Note>)> {
    let source = root.join("source");
    let mut names = Vec::new();
    let mut notes = Vec::new();
    let mut slugs = std::collections::HashSet::new();
    let mut chapter_files = std::collections::HashSet::new();
    let summary = book.src.join("SUMMARY.md");
    for chapter in &book.chapters {
        let rel = Path::new(&chapter.path);
        let plain = rel
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !plain {
            notes.push(Note {
                file: summary.clone(),
                line: 0,
                message: crate::said!("mdbook-outside", "path" => &chapter.path),
            });
            continue;
        }
        if !chapter_files.insert(chapter.path.clone()) {
            continue;
        }
        let slug = rel.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let usable = !slug.is_empty()
            && slug
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        let name = if usable && slugs.insert(slug.to_ascii_lowercase()) {
            chapter.path.clone()
        } else {
            let renamed = unique_slug(&chapter.path, &mut slugs);
            let parent = rel.parent().map(|p| p.to_string_lossy().replace('\\', "/"));
            let name = match parent.filter(|p| !p.is_empty()) {
                Some(dir) => format!("{dir}/{renamed}.md"),
                None => format!("{renamed}.md"),
            };
            notes.push(Note {
                file: book.src.join(&chapter.path),
                line: 1,
                message: crate::said!("mdbook-renamed", "name" => &name),
            });
            name
        };
        let from = book.src.join(&chapter.path);
        let to = source.join(&name);
        copy_file(&from, &to)?;
        names.push(name);
    }
    copy_other_files(&book.src, &book.src, &source)?;
    Ok((names, notes))
}

/// A page name for a chapter from its whole path (`guide/README.md` ->
/// `guide-readme`), made unique with a number when needed.
fn unique_slug(path: &str, taken: &mut std::collections::HashSet<String>) -> String {
    let stem = path.strip_suffix(".md").unwrap_or(path);
    let mut base: String = stem
        .chars()
        .map(|c| match c {
            'a'..='z' | '0'..='9' | '_' => c,
            'A'..='Z' => c.to_ascii_lowercase(),
            _ => '-',
        })
        .collect();
    base = base.trim_matches('-').to_string();
    if base.is_empty() {
        base = "chapter".to_string();
    }
    let mut candidate = base.clone();
    let mut n = 2;
    while !taken.insert(candidate.clone()) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}

fn copy_file(from: &Path, to: &Path) -> Result<()> {
    if let Some(dir) = to.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    std::fs::copy(from, to).map_err(|e| Error::io(from, e))?;
    Ok(())
}

/// Every file under `dir` that is not Markdown (images, listings, fonts),
/// to the same place under `to`.
fn copy_other_files(src: &Path, dir: &Path, to: &Path) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        let kind = entry.file_type().map_err(|e| Error::io(&path, e))?;
        if kind.is_dir() {
            copy_other_files(src, &path, to)?;
        } else if kind.is_file() && path.extension().and_then(|e| e.to_str()) != Some("md") {
            let rel = path.strip_prefix(src).expect("under src");
            copy_file(&path, &to.join(rel))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_gives_chapters_in_order_and_notes_what_is_not_kept() {
        let summary = "# Summary\n\n[Introduction](README.md)\n\n# Part One\n\n- [Getting started](start/index.md)\n    - [Installing](./start/install.md#top)\n- [Later]()\n\n---\n\n[Credits](credits.md)\n";
        let (chapters, notes) = parse_summary(summary, Path::new("src/SUMMARY.md"));
        let paths: Vec<(&str, usize)> = chapters
            .iter()
            .map(|c| (c.path.as_str(), c.depth))
            .collect();
        assert_eq!(
            paths,
            [
                ("README.md", 0),
                ("start/index.md", 0),
                ("start/install.md", 1),
                ("credits.md", 0)
            ]
        );
        assert_eq!(chapters[2].title, "Installing");
        let lines: Vec<(usize, &str)> = notes.iter().map(|n| (n.line, n.message.id)).collect();
        assert_eq!(
            lines,
            [
                (5, "mdbook-part-title"),
                (8, "mdbook-nested"),
                (9, "mdbook-draft"),
                (11, "mdbook-separator")
            ]
        );
    }

    #[test]
    fn mdbook_only_syntax_is_reported_with_its_line() {
        let text = "# T\n\n{{#include ../listing.rs}}\n\n```rust\n# fn main() {\nprintln!();\n# }\n```\n\n```python\n# a comment\n```\n";
        let notes = mdbook_only_syntax(text, Path::new("src/a.md"));
        let lines: Vec<usize> = notes.iter().map(|n| n.line).collect();
        assert_eq!(lines, [3, 6], "{notes:?}");
        assert!(
            notes[0].message.to_string().contains("{{#include"),
            "{notes:?}"
        );
    }
}
