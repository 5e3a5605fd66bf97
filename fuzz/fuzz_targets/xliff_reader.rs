//! Any bytes as an XLIFF file: read or rejected with a line, never a panic.
//! And any pair of strings (split at the first NUL) as a segment's English
//! and translation: written as XLIFF 1.2 and 2.1 and read back, the inline
//! codes give the same Markdown, byte for byte.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tercuman::formats::inline_codes::split;
use tercuman::formats::xliff::{self, Document, File, Unit, Version};
use tercuman::tm::Status;

fn xml_safe(s: &str) -> bool {
    !s.chars().any(|c| {
        ((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let path = std::path::Path::new("fuzz.xlf");
    if let Ok(doc) = xliff::parse(text, path) {
        for unit in &doc.units {
            if let Some(target) = &unit.target {
                let _ = xliff::to_markdown(target, &[]);
            }
        }
    }
    let (source, target) = text.split_once('\0').unwrap_or((text, text));
    if !xml_safe(source) || !xml_safe(target) {
        return;
    }
    let doc = Document {
        source_lang: "en".into(),
        target_lang: "fa".into(),
        memory_revision: 1,
        files: vec![File {
            id: "ch".into(),
            original: "source/ch.md".into(),
            units: vec![Unit {
                id: "ch/00000001".into(),
                source: source.to_string(),
                target: target.to_string(),
                status: Status::Translated,
                previous_source: None,
                line: 1,
            }],
        }],
    };
    let codes = split(source);
    for version in [Version::V1_2, Version::V2_1] {
        let written = xliff::write(&doc, version);
        let read = xliff::parse(&written, path).expect("our own output parses");
        let unit = &read.units[0];
        assert_eq!(xliff::to_markdown(&unit.source, &codes).unwrap(), source);
        if !target.is_empty() {
            let back = xliff::to_markdown(unit.target.as_ref().unwrap(), &codes).unwrap();
            assert_eq!(back, target, "{version:?}\n{written}");
        }
    }
});
