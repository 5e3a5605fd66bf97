//! Any Markdown: segmenting never panics, segments lie within the input's
//! lines, and rendering the result never panics either.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let doc = tercuman::source::segment_chapter("fuzz", text);
    let lines = text.lines().count().max(1);
    for seg in doc.segments() {
        assert!(seg.line >= 1 && seg.line <= lines + 1, "line {} of {lines}", seg.line);
        assert!(!seg.text.trim().is_empty());
    }
    let translations = std::collections::HashMap::new();
    let blocked = std::collections::HashSet::new();
    let _ = tercuman::edition::render::render_chapter(
        &doc,
        &tercuman::edition::render::RenderOptions {
            translations: Some(&translations),
            rtl: true,
            chapter_ext: "xhtml",
            blocked: &blocked,
        },
    );
});
