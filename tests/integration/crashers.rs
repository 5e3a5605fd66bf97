//! Inputs that once crashed a fuzz target (`fuzz/`), kept under
//! `tests/fixtures/fuzz-crashers/<target>/`: each must now be read or
//! rejected with a located error, never a panic.

use std::path::Path;

use crate::support::repo_root;

/// Runs `read` on every crasher of `target`: it must succeed (checking its
/// own round trip) or fail with an error that names a line.
fn each_crasher(target: &str, read: impl Fn(&str) -> tercuman::Result<()>) {
    let dir = repo_root()
        .join("tests/fixtures/fuzz-crashers")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    assert!(
        !files.is_empty(),
        "the crashers found by fuzzing {target} are kept"
    );
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        match read(text) {
            Ok(()) => {}
            Err(tercuman::Error::Parse { line, .. }) => assert!(line >= 1, "{}", file.display()),
            Err(e) => panic!("{}: unexpected error {e}", file.display()),
        }
    }
}

#[test]
fn po_reader_crashers_are_read_or_rejected() {
    use tercuman::formats::po;
    each_crasher("po_reader", |text| {
        let catalog = po::parse(text, Path::new("crasher.po"))?;
        let again = po::parse(&po::write(&catalog), Path::new("again.po"))
            .expect("our own output reads back");
        assert_eq!(again.entries.len(), catalog.entries.len());
        Ok(())
    });
}

#[test]
fn tmx_reader_crashers_are_read_or_rejected() {
    use tercuman::formats::tmx;
    each_crasher("tmx_reader", |text| {
        let doc = tmx::parse(text, Path::new("crasher.tmx"))?;
        let again = tmx::parse(&tmx::write(&doc), Path::new("again.tmx"))
            .expect("our own output reads back");
        let variants = |d: &tmx::Document| {
            d.units
                .iter()
                .map(|u| u.variants.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            variants(&again),
            variants(&doc),
            "a round trip keeps every variant"
        );
        Ok(())
    });
}
