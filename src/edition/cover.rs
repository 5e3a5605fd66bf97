//! A generated cover: an SVG with the edition's title, subtitle and author,
//! in a font stack that can shape the edition's script (Arabic script for
//! Persian). Text is wrapped into lines by words; no raster images.

use super::{escape, Edition};

/// Splits `text` into lines of at most `width` characters, by words.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The cover of an edition as an SVG document.
pub fn svg(edition: &Edition) -> String {
    let fonts = if edition.dir() == "rtl" {
        "'Noto Naskh Arabic', 'Vazirmatn', 'Noto Sans Arabic', 'Tahoma', serif"
    } else {
        "'Noto Serif', 'DejaVu Serif', Georgia, serif"
    };
    let lang = escape(&edition.lang.to_string());
    let mut text = String::new();
    let mut y = 260;
    for line in wrap(&edition.title(), 18) {
        text.push_str(&format!(
            "<text x=\"300\" y=\"{y}\" font-size=\"46\" font-weight=\"bold\">{}</text>\n",
            escape(&line)
        ));
        y += 64;
    }
    y += 30;
    for line in wrap(&edition.chrome.get("book-subtitle"), 30) {
        text.push_str(&format!(
            "<text x=\"300\" y=\"{y}\" font-size=\"26\">{}</text>\n",
            escape(&line)
        ));
        y += 40;
    }
    text.push_str(&format!(
        "<text x=\"300\" y=\"800\" font-size=\"28\">{}</text>\n",
        escape(&edition.author())
    ));
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 600 900\" width=\"600\" height=\"900\" xml:lang=\"{lang}\">\n<title>{title}</title>\n<rect width=\"600\" height=\"900\" fill=\"#1f3a4d\"/>\n<rect x=\"30\" y=\"30\" width=\"540\" height=\"840\" fill=\"none\" stroke=\"#d9b45a\" stroke-width=\"3\"/>\n<g fill=\"#f6f1e4\" font-family=\"{fonts}\" text-anchor=\"middle\">\n{text}</g>\n</svg>\n",
        title = escape(&edition.title()),
    )
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn titles_wrap_by_words() {
        assert_eq!(
            wrap("Iran and Azerbaijan: Neighbors in Distrust", 18),
            ["Iran and", "Azerbaijan:", "Neighbors in", "Distrust"]
        );
        assert_eq!(wrap("ایران و آذربایجان", 40), ["ایران و آذربایجان"]);
    }
}
