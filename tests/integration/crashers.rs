//! Inputs that once crashed a fuzz target (`fuzz/`), kept under
//! `tests/fixtures/fuzz-crashers/<target>/`: each must now be read or
//! rejected with a located error, never a panic.

use std::path::Path;

use crate::support::repo_root;

fn crashers(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = repo_root()
        .join("tests/fixtures/fuzz-crashers")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
        .into_iter()
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect()
}

#[test]
fn po_reader_crashers_are_read_or_rejected() {
    let cases = crashers("po_reader");
    assert!(
        !cases.is_empty(),
        "the crasher found in this project's fuzzing is kept"
    );
    for (name, bytes) in cases {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        match tercuman::formats::po::parse(text, Path::new("crasher.po")) {
            Ok(catalog) => {
                let again = tercuman::formats::po::parse(
                    &tercuman::formats::po::write(&catalog),
                    Path::new("again.po"),
                );
                assert!(again.is_ok(), "{name}: our own output must read back");
            }
            Err(tercuman::Error::Parse { line, .. }) => assert!(line >= 1, "{name}"),
            Err(e) => panic!("{name}: unexpected error {e}"),
        }
    }
}

#[test]
fn tmx_reader_crashers_are_read_or_rejected() {
    let cases = crashers("tmx_reader");
    assert!(
        !cases.is_empty(),
        "the crasher found in this project's fuzzing is kept"
    );
    for (name, bytes) in cases {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        match tercuman::formats::tmx::parse(text, Path::new("crasher.tmx")) {
            Ok(doc) => {
                let written = tercuman::formats::tmx::write(&doc);
                let again = tercuman::formats::tmx::parse(&written, Path::new("again.tmx"))
                    .expect("our own output reads back");
                let variants = |d: &tercuman::formats::tmx::Document| {
                    d.units
                        .iter()
                        .map(|u| u.variants.clone())
                        .collect::<Vec<_>>()
                };
                assert_eq!(
                    variants(&again),
                    variants(&doc),
                    "{name}: a round trip keeps every variant"
                );
            }
            Err(tercuman::Error::Parse { line, .. }) => assert!(line >= 1, "{name}"),
            Err(e) => panic!("{name}: unexpected error {e}"),
        }
    }
}
