//! Any bytes as a PO file: the reader returns entries or an error with a
//! line inside the file, never panics; what it reads writes back and reads
//! again the same.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let path = std::path::Path::new("fuzz.po");
    match tercuman::formats::po::parse(text, path) {
        Ok(catalog) => {
            let written = tercuman::formats::po::write(&catalog);
            let again = tercuman::formats::po::parse(&written, path).expect("our own output parses");
            assert_eq!(again.entries.len(), catalog.entries.len());
            for (a, b) in again.entries.iter().zip(&catalog.entries) {
                assert_eq!((&a.msgctxt, &a.msgid, &a.msgstr, a.fuzzy, a.obsolete), (&b.msgctxt, &b.msgid, &b.msgstr, b.fuzzy, b.obsolete));
            }
        }
        Err(tercuman::Error::Parse { line, .. }) => {
            assert!(line >= 1 && line <= text.split('\n').count(), "line {line}");
        }
        Err(e) => panic!("unexpected error kind: {e}"),
    }
});
