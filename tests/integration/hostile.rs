//! Untrusted translations and bad runs: hostile text never becomes active
//! content, a failing or killed sync loses nothing, two runs at once wait
//! for each other, and files outside the project are refused.

use std::path::Path;

use crate::support::*;
use crate::workflow::epub_files;

/// Translations a hostile or careless translator might send.
const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[a](javascript:alert(1))",
    "[b](JaVaScRiPt:alert(1))",
    "[c](<javascript:alert(1)>)",
    "[d](&#106;avascript:alert(1))",
    "[e](java&#x09;script:alert(1))",
    "[f](data:text/html;base64,PHNjcmlwdD4=)",
    "[g](vbscript:msgbox(1))",
    "![h](javascript:alert(1))",
    "<a href=\"javascript:alert(1)\">i</a>",
    "<svg onload=alert(1)>",
    "\"><script>alert(1)</script>",
    "</p><p onclick=\"alert(1)\">j",
    "<style>body{display:none}</style>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<object data=\"x\"></object><embed src=\"x\">",
    "<!-- unclosed comment",
    "<p>unclosed <b>markup <i>everywhere",
    "\u{202E}reversed text\u{202C} with bidi controls",
    "nul \u{0} and \u{1} control characters",
];

/// Elements and attributes that would make a page do something.
/// The HTML site's own script and search form, which every page has: the
/// script by its exact address, the form by its exact attributes.
fn is_the_sites_own(name: &str, e: &quick_xml::events::BytesStart) -> bool {
    let attributes: Vec<(String, String)> = e
        .attributes()
        .flatten()
        .map(|a| {
            (
                String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                String::from_utf8_lossy(&a.value).into_owned(),
            )
        })
        .collect();
    let only = |wanted: &[(&str, &str)]| {
        attributes.len() == wanted.len()
            && wanted
                .iter()
                .all(|(k, v)| attributes.iter().any(|(a, b)| a == k && b == v))
    };
    match name {
        "script" => {
            only(&[("src", "../site.js")])
                || only(&[("src", "../../site.js")])
                || only(&[("src", "site.js")])
        }
        "form" => {
            attributes
                .iter()
                .any(|(k, v)| k == "class" && v == "search")
                && attributes.iter().any(|(k, v)| k == "action" && v == "#")
        }
        _ => false,
    }
}

fn active_content(xml: &str, file: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e)) | Ok(quick_xml::events::Event::Empty(e)) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).to_lowercase();
                if is_the_sites_own(&name, &e) {
                    continue;
                }
                if [
                    "script", "iframe", "object", "embed", "style", "frame", "applet", "base",
                    "form",
                ]
                .contains(&name.as_str())
                {
                    found.push(format!("{file}: <{name}>"));
                }
                for a in e.attributes().flatten() {
                    let key = String::from_utf8_lossy(a.key.as_ref()).to_lowercase();
                    let value: String = String::from_utf8_lossy(&a.value)
                        .chars()
                        .filter(|c| !c.is_whitespace() && !c.is_control())
                        .collect::<String>()
                        .to_lowercase();
                    if key.starts_with("on") {
                        found.push(format!("{file}: {key}= on <{name}>"));
                    }
                    if ["href", "src", "data", "action", "xlink:href"].contains(&key.as_str())
                        && ["javascript:", "data:", "vbscript:"]
                            .iter()
                            .any(|s| value.starts_with(s))
                    {
                        found.push(format!("{file}: {key}=\"{value}\""));
                    }
                }
            }
            Ok(quick_xml::events::Event::Eof) => break,
            Err(e) => {
                found.push(format!("{file}: not well-formed XML: {e}"));
                break;
            }
            _ => {}
        }
    }
    found
}

#[test]
fn hostile_translations_never_become_active_content() {
    let book = fixture("small");
    let root = book.path();
    ok(root, &["sync"]);
    let long = "long ".repeat(20_000);
    // Every segment of the tr and az editions gets one of the corpus.
    let mut targets: Vec<(std::path::PathBuf, String)> = Vec::new();
    for lang in ["tr", "az"] {
        for chapter in ["first", "second"] {
            let po = root.join(format!("locales/{lang}/{chapter}.po"));
            let text = std::fs::read_to_string(&po).unwrap();
            for msgid in text
                .lines()
                .filter_map(|l| l.strip_prefix("msgid \"").and_then(|l| l.strip_suffix('"')))
            {
                if !msgid.is_empty() {
                    targets.push((po.clone(), msgid.replace("\\\"", "\"")));
                }
            }
        }
    }
    let mut corpus: Vec<String> = HOSTILE.iter().map(|s| s.to_string()).collect();
    corpus.push(long);
    assert!(
        targets.len() >= corpus.len(),
        "every item of the corpus is used"
    );
    for ((file, msgid), hostile) in targets.iter().zip(corpus.iter().cycle()) {
        translate(file, msgid, hostile);
    }
    // Published despite failing checks, to test the renderer itself.
    ok(root, &["build", "--allow-check-errors"]);
    let mut pages = 0;
    for dir in [
        "dist/html/tr",
        "dist/html/tr/proof",
        "dist/html/az",
        "dist/html/az/proof",
    ] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "html") {
                let xml = std::fs::read_to_string(&path).unwrap();
                let found = active_content(&xml, &path.display().to_string());
                assert!(found.is_empty(), "{found:#?}");
                pages += 1;
            }
        }
    }
    assert!(pages >= 5);
    let epub = root.join("dist/epub/a-small-fixture-book.tr.epub");
    for (name, text) in epub_files(&epub)
        .iter()
        .filter(|(n, _)| n.ends_with(".xhtml"))
    {
        let found = active_content(text, name);
        assert!(found.is_empty(), "{found:#?}");
    }
    if let Some((errors, warnings, text)) = epubcheck(&epub) {
        assert_eq!((errors, warnings), (0, 0), "{text}");
    }
    // Without --allow-check-errors, the markup-breaking ones are not even published.
    let out = tercuman(root, &["build"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("fail a check and are shown in English"));
}

/// The memory and segment files, to compare across runs.
fn state(root: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files = snapshot(&root.join("locales"));
    files.extend(snapshot(&root.join("tm")));
    files
}

/// PO files without their PO-Revision-Date (it carries the time of the run).
fn po_files(root: &Path) -> Vec<(std::path::PathBuf, String)> {
    snapshot(&root.join("locales"))
        .into_iter()
        .map(|(p, bytes)| {
            let text = String::from_utf8(bytes).unwrap();
            (
                p,
                text.lines()
                    .filter(|l| !l.starts_with("\"PO-Revision-Date:"))
                    .collect::<Vec<_>>()
                    .join("\n"),
            )
        })
        .collect()
}

/// A book whose next sync has work to do: an edited sentence and new translations.
fn book_with_pending_work() -> tempfile::TempDir {
    let book = fixture("small");
    let root = book.path();
    ok(root, &["sync"]);
    for lang in ["az", "fa", "tr"] {
        translate(
            &root.join(format!("locales/{lang}/first.po")),
            "Hello, world.",
            &format!("[{lang}] Hello."),
        );
    }
    let source = root.join("source/first.md");
    let text = std::fs::read_to_string(&source).unwrap();
    std::fs::write(&source, text.replace("Hello, world.", "Hello, wide world.")).unwrap();
    book
}

#[test]
fn a_sync_failing_before_its_commit_changes_nothing() {
    // `state:tr`: the last locale's state, read by the thread that has
    // already written the segment rows, after the first locales' files
    // were staged.
    for point in ["stage:0", "stage:1", "stage:2", "state:tr", "commit"] {
        let book = book_with_pending_work();
        let root = book.path();
        let before = state(root);
        let out = tercuman_with_env(root, &["sync"], &[("TERCUMAN_FAIL_AT", point)]);
        assert_eq!(out.status.code(), Some(2), "{point}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(&format!("injected failure at {point}"))
        );
        assert_eq!(
            state(root),
            before,
            "failing at {point} changed the memory or a file"
        );
    }
}

/// A panic while the PO files are made, with the segment rows already
/// written in the open transaction: the run ends (it does not wait forever
/// for the rest of its commit) and nothing has changed.
#[test]
fn a_sync_panicking_before_its_commit_ends_and_changes_nothing() {
    let book = book_with_pending_work();
    let root = book.path();
    let before = state(root);
    let mut child = command(root, &["sync"])
        .env("TERCUMAN_FAIL_AT", "panic:commit")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > std::time::Duration::from_secs(60) {
            let _ = child.kill();
            panic!("a sync that panicked before its commit did not end");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(!status.success());
    assert!(stderr.contains("injected panic at commit"), "{stderr}");
    // Files staged before the panic may be left beside their targets; the
    // next run removes them.
    let staged = |files: Vec<(std::path::PathBuf, Vec<u8>)>| {
        files
            .into_iter()
            .filter(|(p, _)| !p.to_string_lossy().contains("tercuman-tmp"))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        staged(state(root)),
        before,
        "a panicking sync changed the memory or a file"
    );
    ok(root, &["sync"]);
    let leftovers: Vec<_> = snapshot(&root.join("locales"))
        .into_iter()
        .filter(|(p, _)| p.to_string_lossy().contains("tercuman-tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_sync_failing_after_its_commit_is_finished_by_the_next_run() {
    let clean = book_with_pending_work();
    ok(clean.path(), &["sync"]);
    let expected = po_files(clean.path());
    for point in ["rename:0", "rename:2"] {
        let book = book_with_pending_work();
        let root = book.path();
        let out = tercuman_with_env(root, &["sync"], &[("TERCUMAN_FAIL_AT", point)]);
        assert_eq!(out.status.code(), Some(2), "{point}");
        ok(root, &["sync"]);
        assert_eq!(po_files(root), expected, "after failing at {point}");
        let leftovers: Vec<_> = snapshot(&root.join("locales"))
            .into_iter()
            .filter(|(p, _)| p.to_string_lossy().contains("tercuman-tmp"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }
}

#[test]
fn a_killed_sync_loses_nothing() {
    let clean = book_with_pending_work();
    ok(clean.path(), &["sync"]);
    let expected = po_files(clean.path());
    for delay_ms in [0u64, 2, 5, 10, 20, 40] {
        let book = book_with_pending_work();
        let root = book.path();
        let mut child = command(root, &["sync"])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        ok(root, &["sync"]);
        assert_eq!(po_files(root), expected, "killed after {delay_ms} ms");
    }
}

#[test]
fn two_syncs_at_once_wait_for_each_other() {
    let book = book_with_pending_work();
    let root = book.path();
    let children: Vec<_> = (0..2)
        .map(|_| {
            command(root, &["sync"])
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = tercuman(root, &["sync"]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("0 files written"),
        "the two runs left a consistent state"
    );
    let status: serde_json::Value = serde_json::from_str(&ok(root, &["status", "--json"])).unwrap();
    for locale in status["locales"].as_array().unwrap() {
        assert_eq!(
            locale["segments"]["fuzzy"], 1,
            "the edited sentence is fuzzy exactly once: {locale}"
        );
    }
}

#[cfg(unix)]
#[test]
fn files_outside_the_project_are_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.md"),
        "# Secret\n\nDo not read me.\n",
    )
    .unwrap();
    let book = fixture("small");
    let root = book.path();
    let chapter = root.join("source/second.md");
    std::fs::remove_file(&chapter).unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.md"), &chapter).unwrap();
    let out = tercuman(root, &["sync"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("`source/second.md` points outside the project"));
    assert!(!root.join("locales/az").exists(), "nothing written");
}

const ONE_UNIT_TMX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="en" datatype="plaintext"/>
<body><tu><tuv xml:lang="en"><seg>Another quoted line.</seg></tuv><tuv xml:lang="fa"><seg>[fa] From the TMX.</seg></tuv></tu></body></tmx>
"#;

/// A translator's editor saves a PO file while a sync runs, at each moment
/// that matters: before the memory commits, between the commit and the
/// file moves, and after the moves but before the run stamps its inputs.
/// The save is never overwritten, and the next sync imports it.
#[test]
fn an_edit_saved_while_a_sync_runs_is_never_lost() {
    for point in ["commit", "rename:0", "stamp"] {
        let book = book_with_pending_work();
        let root = book.path();
        // A TMX import the sync will write into the same file.
        let tmx = root.join("from-a-cat-tool.tmx");
        std::fs::write(&tmx, ONE_UNIT_TMX).unwrap();
        ok(root, &["tm", "import", tmx.to_str().unwrap()]);
        let marker = root.join("paused");
        let po = root.join("locales/fa/first.po");
        let child = command(root, &["sync"])
            .env("TERCUMAN_PAUSE_AT", point)
            .env("TERCUMAN_PAUSE_MARKER", &marker)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        while !marker.exists() {
            assert!(
                started.elapsed() < std::time::Duration::from_secs(60),
                "the sync never reached {point}"
            );
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        // The save: the translator's editor writes the whole file anew.
        translate(&po, "A quoted line.", "[fa] Saved during the sync.");
        std::fs::remove_file(&marker).unwrap();
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{point}: {stderr}");
        let text = std::fs::read_to_string(&po).unwrap();
        assert!(
            text.contains("[fa] Saved during the sync."),
            "{point}: the save was overwritten\n{text}"
        );
        if point != "stamp" {
            assert!(
                stderr.contains("locales/fa/first.po was saved while the sync ran"),
                "{point}: {stderr}"
            );
        }
        // The next sync imports the save and keeps what the first one did.
        let out = tercuman(root, &["sync"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{point}: {stderr}");
        assert!(
            stderr.contains("fa: 1 translation imported"),
            "{point}: {stderr}"
        );
        let text = std::fs::read_to_string(&po).unwrap();
        assert!(
            text.contains("[fa] Saved during the sync."),
            "{point}\n{text}"
        );
        // The edited English still has its fuzzy suggestion, for every locale.
        for lang in ["az", "fa", "tr"] {
            let text =
                std::fs::read_to_string(root.join(format!("locales/{lang}/first.po"))).unwrap();
            assert!(
                text.contains("#| msgid \"Hello, world.\""),
                "{point}: {lang} lost its suggestion\n{text}"
            );
        }
        assert!(text.contains("[fa] From the TMX."), "{point}\n{text}");
        let log = ok(
            root,
            &[
                "tm",
                "log",
                &segment_id(&po, "A quoted line."),
                "--locale",
                "fa",
            ],
        );
        assert!(log.contains("Saved during the sync."), "{point}: {log}");
        // And a third has nothing left to do.
        let out = tercuman(root, &["sync"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("0 translations imported") && stderr.contains("0 files written"),
            "{point}: {stderr}"
        );
    }
}

/// A sync that reads only the PO files that changed, while another file is
/// saved: that one is not taken as synced, and the next sync imports it.
#[test]
fn a_file_saved_beside_a_sync_of_the_files_that_changed_is_imported_next() {
    let book = fixture("small");
    let root = book.path();
    ok(root, &["sync"]);
    translate(
        &root.join("locales/tr/first.po"),
        "Hello, world.",
        "Merhaba, dünya.",
    );
    let marker = root.join("paused");
    let child = command(root, &["sync"])
        .env("TERCUMAN_PAUSE_AT", "commit")
        .env("TERCUMAN_PAUSE_MARKER", &marker)
        .env("TERCUMAN_TIMINGS", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while !marker.exists() {
        assert!(started.elapsed() < std::time::Duration::from_secs(60));
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    translate(&root.join("locales/fa/second.po"), "Baku", "باکو");
    std::fs::remove_file(&marker).unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("sync of the PO files that changed")
            && stderr.contains("tr: 1 translation imported"),
        "{stderr}"
    );
    let next = tercuman(root, &["sync"]);
    let stderr = String::from_utf8_lossy(&next.stderr);
    assert!(stderr.contains("fa: 1 translation imported"), "{stderr}");
    assert!(std::fs::read_to_string(root.join("locales/fa/second.po"))
        .unwrap()
        .contains("باکو"));
}
