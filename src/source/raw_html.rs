//! Raw HTML an author writes in a chapter, made safe for every edition.
//!
//! EPUB reading systems run no scripts unless a document declares the
//! `scripted` property, and epubcheck refuses a book whose documents script
//! without it; a web edition should not run an author's pasted widget
//! either. So `<script>` elements, event-handler attributes (`onclick=`…)
//! and script URLs (`javascript:`, `vbscript:`, `data:text/html`) are
//! removed from raw HTML; everything else stays exactly as written. The
//! segmenter reports each removal with its line, so the author knows.

use std::borrow::Cow;

/// `html` without scripting. Borrowed when there was nothing to remove.
pub fn sanitize(html: &str) -> Cow<'_, str> {
    if !may_script(html) {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tag = &rest[start..];
        let opens_tag = tag[1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'));
        if !opens_tag {
            out.push('<');
            rest = &tag[1..];
            continue;
        }
        let Some(end) = tag_end(tag) else {
            out.push_str(tag);
            return Cow::Owned(out);
        };
        let name = tag_name(&tag[1..end]);
        if name.eq_ignore_ascii_case("script") && !tag.starts_with("</") {
            // The element and its content, up to its end tag (or the end).
            rest = match find_ignore_case(&tag[end..], "</script") {
                Some(close) => {
                    let after = &tag[end + close..];
                    tag_end(after).map_or("", |e| &after[e..])
                }
                None => "",
            };
            continue;
        }
        if name.eq_ignore_ascii_case("script") {
            rest = &tag[end..]; // a stray end tag
            continue;
        }
        out.push_str(&clean_tag(&tag[..end]));
        rest = &tag[end..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Whether [`sanitize`] would change `html`.
pub fn scripts(html: &str) -> bool {
    matches!(sanitize(html), Cow::Owned(ref s) if s != html)
}

/// A cheap first look: no `<script`, no `on…=` and no `script:`/`data:` means nothing to do.
fn may_script(html: &str) -> bool {
    let lower = html.to_ascii_lowercase();
    lower.contains("script")
        || lower.contains("data:")
        || lower.contains("on") && lower.contains('=')
}

/// The byte just after the `>` closing the tag `tag` starts with, quotes respected.
fn tag_end(tag: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in tag.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// The element name of a tag's inside (`/div`, `a href=…`).
fn tag_name(inside: &str) -> &str {
    let inside = inside.trim_start_matches('/');
    let end = inside
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
        .unwrap_or(inside.len());
    &inside[..end]
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .to_ascii_lowercase()
        .find(&needle.to_ascii_lowercase())
}

/// A start tag without its event-handler attributes and script URLs;
/// comments, end tags and declarations are returned as they are.
fn clean_tag(tag: &str) -> Cow<'_, str> {
    let inside = &tag[1..tag.len() - 1];
    if inside.starts_with(['/', '!', '?']) {
        return Cow::Borrowed(tag);
    }
    let name = tag_name(inside);
    let mut out = format!("<{name}");
    let mut rest = &inside[name.len()..];
    let mut changed = false;
    loop {
        let trimmed = rest.trim_start();
        let space = &rest[..rest.len() - trimmed.len()];
        if trimmed.is_empty() || trimmed == "/" {
            out.push_str(rest);
            break;
        }
        let (attribute, after) = split_attribute(trimmed);
        if is_scripting(attribute) {
            changed = true;
        } else {
            out.push_str(space);
            out.push_str(attribute);
        }
        rest = after;
    }
    out.push('>');
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(tag)
    }
}

/// One attribute (`name`, `name=value`, `name="v a l"`) and what follows it.
fn split_attribute(text: &str) -> (&str, &str) {
    let name_end = text
        .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
        .unwrap_or(text.len())
        .max(1);
    let after_name = &text[name_end..];
    let trimmed = after_name.trim_start();
    let Some(value) = trimmed.strip_prefix('=') else {
        return (&text[..name_end], after_name);
    };
    let value = value.trim_start();
    let value_start = text.len() - value.len();
    let value_len = match value.chars().next() {
        Some(q @ ('"' | '\'')) => value[1..].find(q).map_or(value.len(), |i| i + 2),
        _ => value.find(char::is_whitespace).unwrap_or(value.len()),
    };
    let end = value_start + value_len;
    (&text[..end], &text[end..])
}

/// `onclick=…`, or a URL attribute whose value runs a script.
fn is_scripting(attribute: &str) -> bool {
    let (name, value) = attribute.split_once('=').unwrap_or((attribute, ""));
    let name = name.trim().to_ascii_lowercase();
    if name.starts_with("on") {
        return true;
    }
    let value: String = decode_entities(value.trim().trim_matches(['"', '\'']))
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    value.starts_with("javascript:")
        || value.starts_with("vbscript:")
        || value.starts_with("data:text/html")
}

/// Numeric character references (`&#106;`, `&#x6A;`) and `&colon;`, which
/// browsers decode in attribute values before looking at a URL's scheme.
fn decode_entities(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let entity = &rest[i + 1..];
        let end = entity.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let body = &entity[..e];
            let code = if let Some(hex) = body
                .strip_prefix(['#'])
                .and_then(|b| b.strip_prefix(['x', 'X']))
            {
                u32::from_str_radix(hex, 16).ok()
            } else if let Some(dec) = body.strip_prefix('#') {
                dec.parse().ok()
            } else if body.eq_ignore_ascii_case("colon") {
                Some(u32::from(':'))
            } else {
                None
            };
            code.and_then(char::from_u32).map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &entity[len..];
            }
            None => {
                out.push('&');
                rest = entity;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn scripting_is_removed_and_everything_else_kept() {
        let cases = [
            (
                "<div class=\"raw\">Never offered.</div>",
                "<div class=\"raw\">Never offered.</div>",
            ),
            ("<script>alert(1)</script>", ""),
            ("<SCRIPT src=x.js></SCRIPT><p>after</p>", "<p>after</p>"),
            ("<script>unclosed", ""),
            ("<p onclick=\"alert(1)\" class=a>x</p>", "<p class=a>x</p>"),
            (
                "<img src=x ONERROR=alert(1) alt='a b'>",
                "<img src=x alt='a b'>",
            ),
            ("<a href=\"javascript:alert(1)\">i</a>", "<a>i</a>"),
            ("<a href=\"&#106;avascript:alert(1)\">i</a>", "<a>i</a>"),
            ("<a href=\" java\tscript:x\">i</a>", "<a>i</a>"),
            (
                "<a href=\"https://example.org/?on=1\">ok</a>",
                "<a href=\"https://example.org/?on=1\">ok</a>",
            ),
            (
                "<iframe src=\"data:text/html,<b>\"></iframe>",
                "<iframe></iframe>",
            ),
            (
                "<!-- a comment onclick=x -->",
                "<!-- a comment onclick=x -->",
            ),
            ("<br/>", "<br/>"),
            ("<input disabled onfocus=x />", "<input disabled />"),
            ("x < y and y > z", "x < y and y > z"),
            ("1 < 2 <b onclick=x>b</b> 3 > 2", "1 < 2 <b>b</b> 3 > 2"),
        ];
        for (input, expected) in cases {
            assert_eq!(sanitize(input), expected, "{input}");
        }
    }
}
