//! Figures: the local images a chapter shows, found before anything is
//! written and published with every edition.
//!
//! An image written `![alt](images/map.png "title")` is the file beside the
//! chapter, published under its path below `source/` (`images/map.png`) in
//! each language's HTML folder and EPUB, so that relative paths work from
//! every page. A locale may replace it with its own version, at the same
//! path below `locales/<lang>/` (for figures with text in them). A missing
//! image, one outside `source/` or of a kind EPUB readers cannot show is an
//! error naming the chapter file and line. Remote images stay in the HTML
//! site; the EPUB, which must carry its resources, links to them instead
//! ([`remote`] names them so that `build` can say so).

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use unic_langid::LanguageIdentifier;

use crate::error::{Error, Message, Result};
use crate::project::{Chapter, Project};
use crate::said;
use crate::source::ChapterDoc;

/// An image file one edition publishes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// Where it is published, relative to the edition's pages (`images/map.png`).
    pub published: String,
    /// The file: the locale's own version, or the source's.
    pub file: PathBuf,
    pub media_type: &'static str,
}

/// Every local image of one edition: by URL as each chapter writes it, the
/// published path; and the files, each once.
#[derive(Debug, Default)]
pub struct Figures {
    /// (chapter slug, URL as written) → published path.
    pub paths: HashMap<(String, String), String>,
    pub files: Vec<Figure>,
}

impl Figures {
    /// The published path of `url` in chapter `slug`, if it is a local image.
    pub fn published(&self, slug: &str, url: &str) -> Option<&str> {
        self.paths
            .get(&(slug.to_string(), url.to_string()))
            .map(String::as_str)
    }
}

/// Finds every local image of the book for the edition in `lang` (the
/// source language when `lang` is `None`).
pub fn collect(
    project: &Project,
    docs: &[ChapterDoc],
    lang: Option<&LanguageIdentifier>,
) -> Result<Figures> {
    let mut figures = Figures::default();
    for (chapter, doc) in project.chapters.iter().zip(docs) {
        for image in &doc.images {
            if !is_local(&image.url) {
                continue;
            }
            let figure = resolve(project, chapter, &image.url, lang)
                .map_err(|message| Error::parse(&chapter.path, image.line, message))?;
            figures.paths.insert(
                (doc.slug.clone(), image.url.clone()),
                figure.published.clone(),
            );
            if !figures
                .files
                .iter()
                .any(|f| f.published == figure.published)
            {
                figures.files.push(figure);
            }
        }
    }
    Ok(figures)
}

/// The author's cover image (`cover` in book.toml, relative to `source/`)
/// for the edition in `lang`: a locale's own version first.
pub fn cover(project: &Project, lang: Option<&LanguageIdentifier>) -> Result<Option<Figure>> {
    let Some(url) = &project.book.cover else {
        return Ok(None);
    };
    let book = Chapter {
        slug: String::new(),
        rel_path: "source/book.toml".into(),
        path: project.root.join("source").join("book.toml"),
    };
    let figure = resolve(project, &book, url, lang).map_err(|message| Error::Config {
        path: book.path.clone(),
        line: 0,
        message: message.about("cover"),
    })?;
    Ok(Some(figure))
}

/// Remote images of a chapter, with their lines: an EPUB cannot show them.
pub fn remote(doc: &ChapterDoc) -> Vec<(usize, &str)> {
    doc.images
        .iter()
        .filter(|i| is_remote(&i.url))
        .map(|i| (i.line, i.url.as_str()))
        .collect()
}

/// A URL with a scheme (`https:`, `data:`…) or a host (`//…`).
fn has_scheme(url: &str) -> bool {
    url.starts_with("//")
        || url
            .split_once(':')
            .is_some_and(|(scheme, _)| !scheme.is_empty() && !scheme.contains(['/', '?', '#']))
}

/// An image on the web, which an EPUB would have to fetch.
pub fn is_remote(url: &str) -> bool {
    has_scheme(url) && !url.to_ascii_lowercase().starts_with("data:")
}

/// A path to a file of the book.
fn is_local(url: &str) -> bool {
    !url.is_empty() && !has_scheme(url) && !url.starts_with('/') && !url.starts_with('#')
}

/// The file `url` names from `chapter`, and where it is published.
fn resolve(
    project: &Project,
    chapter: &Chapter,
    url: &str,
    lang: Option<&LanguageIdentifier>,
) -> std::result::Result<Figure, Message> {
    let path = percent_decoded(url.split(['?', '#']).next().unwrap_or_default());
    let source = project.root.join("source");
    let dir = chapter.path.parent().unwrap_or(&source);
    let relative = dir
        .strip_prefix(&source)
        .unwrap_or(Path::new(""))
        .join(&path);
    let Some(published) = normalized(&relative) else {
        return Err(said!("image-outside-source", "url" => url));
    };
    let media_type = media_type(&published).ok_or_else(|| said!("image-kind", "url" => url))?;
    let in_source = source.join(&published);
    if !in_source.is_file() {
        return Err(said!(
            "image-not-found",
            "url" => url,
            "path" => project.display_path(&in_source)
        ));
    }
    let own = lang.map(|l| project.locale_dir(l).join(&published));
    let file = own.filter(|p| p.is_file()).unwrap_or(in_source);
    Ok(Figure {
        published,
        file,
        media_type,
    })
}

/// `a/./b/../c.png` → `a/c.png`; `None` if it climbs out of its root.
fn normalized(path: &Path) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for component in path.components() {
        match component {
            Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// `%20` and the like, as a browser reads a URL path.
fn percent_decoded(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// EPUB 3 core media types of images, by extension.
fn media_type(path: &str) -> Option<&'static str> {
    let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match ext.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        "webp" => "image/webp",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_local_remote_or_neither() {
        assert!(is_local("images/map.png") && is_local("../art/a%20b.svg"));
        assert!(!is_local("https://example.org/a.png") && is_remote("https://example.org/a.png"));
        assert!(is_remote("//cdn.example.org/a.png"));
        assert!(
            !is_local("data:image/png;base64,AAAA") && !is_remote("data:image/png;base64,AAAA")
        );
        assert!(!is_local("/abs.png") && !is_local("#frag"));
    }

    #[test]
    fn paths_are_normalized_and_kept_inside() {
        assert_eq!(
            normalized(Path::new("part/../images/./a.png")).as_deref(),
            Some("images/a.png")
        );
        assert_eq!(normalized(Path::new("../a.png")), None);
        assert_eq!(percent_decoded("my%20map.png"), "my map.png");
        assert_eq!(media_type("A.JPG"), Some("image/jpeg"));
        assert_eq!(media_type("a.bmp"), None);
    }
}
