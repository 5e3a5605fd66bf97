//! Any bytes as a TMX file: read or rejected with a line, never a panic;
//! what it reads writes back and reads again the same.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let path = std::path::Path::new("fuzz.tmx");
    if let Ok(doc) = tercuman::formats::tmx::parse(text, path) {
        let written = tercuman::formats::tmx::write(&doc);
        let again = tercuman::formats::tmx::parse(&written, path).expect("our own output parses");
        assert_eq!(again.units.len(), doc.units.len());
        for (a, b) in again.units.iter().zip(&doc.units) {
            assert_eq!(a.variants, b.variants);
        }
    }
});
