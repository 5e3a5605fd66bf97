//! The EPUB 3 edition of one language.
//!
//! epub-builder (pinned, see Cargo.toml) assembles package, navigation and
//! archive; [`finish_archive`] then rewrites what it gets wrong in 0.8.3, so
//! the book passes epubcheck and is reproducible:
//! - `dc:language` shares an `id` with the author (`RSC-005`): the id goes;
//! - random UUID identifier: replaced by one derived from the book and locale;
//! - no `xml:lang`/`dir` on `<package>` or the navigation document: added;
//! - metadata it cannot write (publisher, source, accessibility): added;
//! - zip entries stamped with the current time: rewritten with the build time,
//!   `mimetype` first and stored.

use std::io::{Cursor, Read, Write};
use std::path::Path;

use epub_builder::{EpubBuilder, EpubContent, EpubVersion, ReferenceType, ZipLibrary};

use super::{escape, Edition, Page, BASE_CSS};
use crate::error::{write_if_changed, Error, Result};

/// Builds the EPUB and writes it to `path` (only if its bytes changed).
pub fn write(edition: &Edition, path: &Path) -> Result<()> {
    let bytes = build(edition).map_err(|e| {
        Error::Other(crate::said!("epub-build", "path" => path.display(), "reason" => e))
    })?;
    write_if_changed(path, &bytes)?;
    Ok(())
}

/// The finished EPUB archive, in memory.
pub fn build(edition: &Edition) -> std::result::Result<Vec<u8>, String> {
    let mut builder = new_builder(edition)?;
    add_front_matter(&mut builder, edition)?;
    add_chapters(&mut builder, edition)?;
    add_figures(&mut builder, edition)?;
    add_colophon(&mut builder, edition)?;
    add_font(&mut builder, edition)?;
    let mut raw = Vec::new();
    builder.generate(&mut raw).map_err(|e| e.to_string())?;
    finish_archive(&raw, edition)
}

type Builder = EpubBuilder<ZipLibrary>;

/// A builder holding the edition's metadata and stylesheet.
fn new_builder(edition: &Edition) -> std::result::Result<Builder, String> {
    let c = &edition.chrome;
    let mut builder = EpubBuilder::new(ZipLibrary::new().map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    builder.epub_version(EpubVersion::V30);
    // We escape every string ourselves, so TOC titles can carry `lang` markup.
    builder.escape_html(false);
    let meta = |b: &mut Builder, k: &str, v: String| {
        b.metadata(k, v).map(|_| ()).map_err(|e| e.to_string())
    };
    meta(&mut builder, "title", escape(&edition.title()))?;
    meta(&mut builder, "author", escape(&edition.author()))?;
    meta(&mut builder, "lang", edition.lang.to_string())?;
    if let Some(description) = edition
        .project
        .book
        .description
        .as_deref()
        .filter(|_| edition.is_source)
    {
        meta(&mut builder, "description", escape(description))?;
    }
    meta(&mut builder, "generator", "tercuman".into())?;
    meta(&mut builder, "toc_name", escape(&c.get("contents")))?;
    meta(&mut builder, "direction", edition.dir().into())?;
    let css = format!("{BASE_CSS}{}", edition.font_css("fonts/", false));
    builder
        .stylesheet(css.as_bytes())
        .map_err(|e| e.to_string())?;
    Ok(builder)
}

/// An XHTML document of this edition around `body`.
fn document(edition: &Edition, title: &str, body: String) -> String {
    Page {
        lang: &edition.lang.to_string(),
        dir: edition.dir(),
        title,
        stylesheet: "stylesheet.css",
        head: String::new(),
        body,
    }
    .render(true)
}

/// The cover (image and page) and the title page.
fn add_front_matter(builder: &mut Builder, edition: &Edition) -> std::result::Result<(), String> {
    let c = &edition.chrome;
    // The author's own cover, or one drawn from the title.
    let (path, bytes, media_type) = match &edition.cover {
        Some(figure) => (
            figure.published.clone(),
            super::html::read_figure(figure).map_err(|e| e.to_string())?,
            figure.media_type,
        ),
        None => (
            "cover.svg".to_string(),
            super::cover::svg(edition).into_bytes(),
            "image/svg+xml",
        ),
    };
    builder
        .add_cover_image(&path, bytes.as_slice(), media_type)
        .map_err(|e| e.to_string())?;
    let cover_page = format!(
        "<section epub:type=\"cover\" class=\"cover\">\n<img src=\"{}\" alt=\"{}\" />\n</section>\n",
        escape(&path),
        escape(&format!("{} — {}", edition.title(), edition.author()))
    );
    add(
        builder,
        "cover.xhtml",
        &c.get("cover"),
        ReferenceType::Cover,
        document(edition, &edition.title(), cover_page),
    )?;
    let title_page = format!(
        "<section class=\"title-page\" epub:type=\"titlepage\">\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n<p class=\"author\">{}</p>\n</section>\n",
        escape(&edition.title()),
        escape(&c.get("book-subtitle")),
        escape(&edition.author())
    );
    add(
        builder,
        "title.xhtml",
        &c.get("title-page"),
        ReferenceType::TitlePage,
        document(edition, &edition.title(), title_page),
    )
}

/// Each chapter's page, the first marked as where the text starts.
fn add_chapters(builder: &mut Builder, edition: &Edition) -> std::result::Result<(), String> {
    for (i, chapter) in edition.chapters.iter().enumerate() {
        let body = format!(
            "<section epub:type=\"chapter\" role=\"doc-chapter\">\n{}</section>\n",
            chapter.xhtml_body
        );
        let mut content = EpubContent::new(
            format!("{}.xhtml", crate::project::page_stem(&chapter.slug)),
            Cursor::new(document(edition, &chapter.title, body)),
        )
        .title(chapter.title_markup(&edition.source_attributes()))
        .raw_title(escape(&chapter.title));
        if i == 0 {
            content = content.reftype(ReferenceType::Text);
        }
        builder.add_content(content).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The edition's images, beside the chapters that show them.
fn add_figures(builder: &mut Builder, edition: &Edition) -> std::result::Result<(), String> {
    let cover = edition.cover.as_ref().map(|c| c.published.as_str());
    for figure in edition
        .figures
        .iter()
        .filter(|f| Some(f.published.as_str()) != cover)
    {
        let bytes = super::html::read_figure(figure).map_err(|e| e.to_string())?;
        builder
            .add_resource(&figure.published, Cursor::new(bytes), figure.media_type)
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn add_colophon(builder: &mut Builder, edition: &Edition) -> std::result::Result<(), String> {
    let c = &edition.chrome;
    let mut colophon = format!(
        "<section epub:type=\"colophon\" role=\"doc-colophon\">\n<h1>{}</h1>\n",
        escape(&c.get("colophon"))
    );
    for line in edition.colophon() {
        colophon.push_str(&format!("<p>{}</p>\n", escape(&line)));
    }
    if edition.font.is_some() {
        colophon.push_str(&format!(
            "<p><a href=\"{FONT_LICENSE}\">{}</a></p>\n",
            escape(&c.get("font-license"))
        ));
    }
    colophon.push_str("</section>\n");
    add(
        builder,
        "colophon.xhtml",
        &c.get("colophon"),
        ReferenceType::Colophon,
        document(edition, &c.get("colophon"), colophon),
    )
}

/// The licence page of the embedded font, last in the book.
const FONT_LICENSE: &str = "font-license.xhtml";

/// The locale's embedded font: its files, and its licence as a page.
fn add_font(builder: &mut Builder, edition: &Edition) -> std::result::Result<(), String> {
    let Some(font) = &edition.font else {
        return Ok(());
    };
    for face in &font.faces {
        builder
            .add_resource(
                format!("fonts/{}", face.published),
                Cursor::new(face.bytes.clone()),
                face.media_type,
            )
            .map_err(|e| e.to_string())?;
    }
    let title = edition.chrome.get("font-license");
    let body = super::fonts::license_markup(font, &title);
    builder
        .add_content(
            EpubContent::new(FONT_LICENSE, Cursor::new(document(edition, &title, body)))
                .title(escape(&title)),
        )
        .map(|_| ())
        .map_err(|e| e.to_string())
}

fn add(
    builder: &mut EpubBuilder<ZipLibrary>,
    file: &str,
    title: &str,
    reftype: ReferenceType,
    xhtml: String,
) -> std::result::Result<(), String> {
    builder
        .add_content(
            EpubContent::new(file, Cursor::new(xhtml))
                .title(escape(title))
                .reftype(reftype),
        )
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// A stable UUID (RFC 9562 version 8) for an edition: the same book and
/// locale always give the same identifier.
pub fn edition_uuid(book_identifier: &str, locale: &str) -> String {
    let a = crate::source::fnv1a(format!("{book_identifier}\u{0}{locale}").as_bytes());
    let b = crate::source::fnv1a(format!("{locale}\u{0}{book_identifier}\u{0}edition").as_bytes());
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&a.to_be_bytes());
    bytes[8..].copy_from_slice(&b.to_be_bytes());
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// Rewrites epub-builder's archive (see the module comment).
fn finish_archive(raw: &[u8], edition: &Edition) -> std::result::Result<Vec<u8>, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(raw)).map_err(|e| e.to_string())?;
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| e.to_string())?;
        let mut data = Vec::new();
        entry.read_to_end(&mut data).map_err(|e| e.to_string())?;
        files.push((entry.name().to_string(), data));
    }
    let opf = files
        .iter()
        .find(|(n, _)| n.ends_with("content.opf"))
        .map(|(_, d)| String::from_utf8_lossy(d).into_owned())
        .ok_or("epub-builder wrote no content.opf")?;
    let random_id = between(&opf, "<dc:identifier id=\"epub-id-1\">", "</dc:identifier>")
        .ok_or("no dc:identifier in content.opf")?
        .to_string();
    let identifier = edition_uuid(&edition.project.book.identifier, &edition.lang.to_string());
    let lang = escape(&edition.lang.to_string());
    let dir = edition.dir();

    let mut out = Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let time = zip_time(edition.build_time);
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored)
            .last_modified_time(time);
        // The fastest level: epub-builder has already spent the time on
        // its own deflate, which this rewrite has to undo.
        let deflated = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(1))
            .last_modified_time(time);
        files.sort_by_key(|(name, _)| name != "mimetype");
        for (name, data) in files {
            let data = if name == "mimetype" {
                data
            } else {
                let mut text = match String::from_utf8(data) {
                    Ok(text) => text,
                    Err(e) => {
                        zip.start_file(name.as_str(), deflated)
                            .map_err(|e| e.to_string())?;
                        zip.write_all(e.as_bytes()).map_err(|e| e.to_string())?;
                        continue;
                    }
                };
                text = text.replace(&random_id, &identifier);
                if name.ends_with("content.opf") {
                    text = fix_package(&text, edition, &lang, dir)?;
                } else if name.ends_with("nav.xhtml") {
                    text = fix_nav(&text, edition, &lang, dir);
                }
                text.into_bytes()
            };
            let options = if name == "mimetype" { stored } else { deflated };
            zip.start_file(name.as_str(), options)
                .map_err(|e| e.to_string())?;
            zip.write_all(&data).map_err(|e| e.to_string())?;
        }
        zip.finish().map_err(|e| e.to_string())?;
    }
    Ok(out.into_inner())
}

/// The navigation document fixes: its language and direction, and the
/// roles and distinct labels assistive technology needs to tell the table
/// of contents from the landmarks (DAISY Ace: `epub-type-has-matching-role`,
/// `landmark-unique`).
fn fix_nav(nav: &str, edition: &Edition, lang: &str, dir: &str) -> String {
    let attributes = format!("lang=\"{lang}\" xml:lang=\"{lang}\" dir=\"{dir}\"");
    nav.replacen(
        "<html xmlns=\"http://www.w3.org/1999/xhtml\"",
        &format!("<html {attributes} xmlns=\"http://www.w3.org/1999/xhtml\""),
        1,
    )
    .replacen("<body>", &format!("<body {attributes}>"), 1)
    .replacen(
        "<nav epub:type = \"toc\" id=\"toc\">",
        "<nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\" aria-labelledby=\"toc-title\">",
        1,
    )
    .replacen(
        "<nav epub:type = \"landmarks\">",
        &format!(
            "<nav epub:type=\"landmarks\" aria-label=\"{}\" hidden=\"hidden\">",
            escape(&edition.chrome.get("landmarks"))
        ),
        1,
    )
}

/// The package document fixes: language ids, package language and
/// direction, modification date, and the metadata epub-builder cannot write.
fn fix_package(
    opf: &str,
    edition: &Edition,
    lang: &str,
    dir: &str,
) -> std::result::Result<String, String> {
    let mut text = opf.to_string();
    // `<dc:language id="epub-creator-N">` collides with the author's id.
    while let Some(start) = text.find("<dc:language id=\"") {
        let end = text[start..].find('>').ok_or("unterminated dc:language")? + start;
        text.replace_range(start..=end, "<dc:language>");
    }
    text = text.replacen(
        "<package version=\"3.0\"",
        &format!("<package version=\"3.0\" xml:lang=\"{lang}\" dir=\"{dir}\""),
        1,
    );
    let modified = between(&text, "<meta property=\"dcterms:modified\">", "</meta>")
        .ok_or("no dcterms:modified in content.opf")?
        .to_string();
    text = text.replacen(
        &format!("<meta property=\"dcterms:modified\">{modified}</meta>"),
        &format!(
            "<meta property=\"dcterms:modified\">{}</meta>",
            crate::date::rfc3339(edition.build_time)
        ),
        1,
    );
    let book = &edition.project.book;
    let mut extra = String::new();
    if let Some(publisher) = &book.publisher {
        extra.push_str(&format!(
            "    <dc:publisher>{}</dc:publisher>\n",
            escape(publisher)
        ));
    }
    if !edition.is_source {
        extra.push_str(&format!(
            "    <dc:source>{}</dc:source>\n",
            escape(&book.identifier)
        ));
        extra.push_str(&format!(
            "    <dc:contributor id=\"translator\">{}</dc:contributor>\n    <meta refines=\"#translator\" property=\"role\" scheme=\"marc:relators\">trl</meta>\n",
            escape(&edition.chrome.get("translator-name"))
        ));
    }
    for (property, value) in [
        ("schema:accessMode", "textual"),
        ("schema:accessModeSufficient", "textual"),
        ("schema:accessibilityFeature", "structuralNavigation"),
        ("schema:accessibilityFeature", "tableOfContents"),
        ("schema:accessibilityFeature", "readingOrder"),
        ("schema:accessibilityHazard", "none"),
        (
            "dcterms:conformsTo",
            "EPUB Accessibility 1.1 - WCAG 2.1 Level AA",
        ),
    ] {
        extra.push_str(&format!(
            "    <meta property=\"{property}\">{value}</meta>\n"
        ));
    }
    extra.push_str(&format!(
        "    <meta property=\"schema:accessibilitySummary\">{}</meta>\n",
        escape(&edition.chrome.get("accessibility-summary"))
    ));
    text = text.replacen("  </metadata>", &format!("{extra}  </metadata>"), 1);
    Ok(text)
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let to = text[from..].find(end)? + from;
    Some(&text[from..to])
}

/// Zip timestamps cannot go before 1980; the build time is clamped there.
fn zip_time(secs: i64) -> zip::DateTime {
    let stamp = crate::date::rfc3339(secs.max(315_532_800));
    let num = |r: std::ops::Range<usize>| stamp[r].parse::<u16>().unwrap_or(0);
    zip::DateTime::from_date_and_time(
        num(0..4),
        num(5..7) as u8,
        num(8..10) as u8,
        num(11..13) as u8,
        num(14..16) as u8,
        num(17..19) as u8,
    )
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edition_identifiers_are_stable_and_distinct() {
        let fa = edition_uuid("urn:uuid:book", "fa");
        assert_eq!(fa, edition_uuid("urn:uuid:book", "fa"));
        assert_ne!(fa, edition_uuid("urn:uuid:book", "tr"));
        assert_eq!(fa.len(), "urn:uuid:".len() + 36);
        assert_eq!(&fa[23..24], "8", "version nibble");
    }
}
