//! A team on many machines: clones of one book, each translator syncing
//! and committing, merged with real git. Nothing may be lost and no merge
//! may need hand-work in a binary file.

use std::path::{Path, PathBuf};

use crate::support::*;

const INTRO_TR: &str = "locales/tr/introduction.po";
const INTRO_FA: &str = "locales/fa/introduction.po";

/// The shipped book as a fresh repository (`.gitignore` and
/// `.gitattributes` as `init` writes them), set up and committed.
fn repository(dir: &Path) -> PathBuf {
    let root = dir.join("alice");
    let book = shipped_book();
    copy_dir(book.path(), &root);
    std::fs::write(root.join(".gitignore"), tercuman::git::GITIGNORE).unwrap();
    git(&root, &["init", "-q"]);
    ok(&root, &["git-setup"]);
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-q", "-m", "The book"]);
    root
}

/// A clone of `from` named `name` beside it, set up for merges unless
/// `set_up` is false.
fn clone(from: &Path, name: &str, set_up: bool) -> PathBuf {
    let to = from.parent().unwrap().join(name);
    git(
        from.parent().unwrap(),
        &["clone", "-q", from.to_str().unwrap(), to.to_str().unwrap()],
    );
    if set_up {
        ok(&to, &["git-setup"]);
    }
    to
}

/// Sets the msgstr of the `nth` entry of a PO file; returns its segment id.
fn translate_entry(root: &Path, po: &str, nth: usize, text: &str) -> String {
    let path = root.join(po);
    let old = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = old.lines().map(str::to_string).collect();
    let at = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("msgctxt "))
        .nth(nth)
        .map(|(n, _)| n)
        .expect("the entry");
    let id = lines[at]["msgctxt ".len()..].trim_matches('"').to_string();
    let msgstr = (at..lines.len())
        .find(|&n| lines[n].starts_with("msgstr "))
        .unwrap();
    lines[msgstr] = format!("msgstr \"{text}\"");
    // Continuation lines of the old msgstr go with it.
    while lines.get(msgstr + 1).is_some_and(|l| l.starts_with('"')) {
        lines.remove(msgstr + 1);
    }
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    id
}

/// A translator's day: edit, sync, commit.
fn edit_and_commit(root: &Path, po: &str, nth: usize, text: &str) -> String {
    let id = translate_entry(root, po, nth, text);
    ok(root, &["sync"]);
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", &format!("Translate {id}")]);
    id
}

/// `git pull` of `from`'s main branch (a merge, or a rebase).
fn pull(root: &Path, from: &Path, how: &str) -> std::process::Output {
    git_command(root, &["pull", "-q", how, from.to_str().unwrap(), "main"])
        .output()
        .unwrap()
}

/// A pull that must need no hand-work.
fn pulled(root: &Path, from: &Path, how: &str) {
    let out = pull(root, from, how);
    assert!(
        out.status.success(),
        "the merge needs no hand-work: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn log(root: &Path, id: &str, locale: &str) -> String {
    ok(root, &["tm", "log", id, "--locale", locale])
}

/// Every record line of the journal, sorted: what the memory durably holds.
fn journal_lines(root: &Path) -> Vec<String> {
    let mut lines = Vec::new();
    for dir in ["tm/revisions", "tm/source"] {
        collect_lines(&root.join(dir), &mut lines);
    }
    lines.sort();
    lines
}

fn collect_lines(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_lines(&path, out);
        } else {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(
                !text.contains("<<<<<<<"),
                "{}: conflict markers",
                path.display()
            );
            out.extend(
                text.lines()
                    .filter(|l| !l.starts_with('#'))
                    .map(str::to_string),
            );
        }
    }
}

/// Asserts that two directories hold the same files, naming the first line
/// that differs.
fn same_files(one: &Path, two: &Path) {
    let (a, b) = (snapshot(one), snapshot(two));
    assert_eq!(
        a.iter().map(|f| &f.0).collect::<Vec<_>>(),
        b.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for ((path, x), (_, y)) in a.iter().zip(&b) {
        let (x, y) = (String::from_utf8_lossy(x), String::from_utf8_lossy(y));
        if let Some((l, r)) = x.lines().zip(y.lines()).find(|(l, r)| l != r) {
            panic!("{}: `{l}` against `{r}`", path.display());
        }
        assert_eq!(x.lines().count(), y.lines().count(), "{}", path.display());
    }
}

#[test]
fn two_translators_merge_with_nothing_lost() {
    let dir = tempfile::tempdir().unwrap();
    let alice = repository(dir.path());
    let bob = clone(&alice, "bob", true);
    let turkish = edit_and_commit(&alice, INTRO_TR, 2, "Alice'in çevirisi.");
    let persian = edit_and_commit(&bob, INTRO_FA, 3, "ترجمهٔ باب.");
    let alice_log = log(&alice, &turkish, "tr");

    pulled(&bob, &alice, "--no-rebase");
    assert!(log(&bob, &turkish, "tr").contains("Alice'in çevirisi."));
    assert!(
        log(&bob, &turkish, "tr").contains(alice_log.lines().last().unwrap()),
        "Alice's revision keeps its time and origin:\n{alice_log}"
    );
    assert!(log(&bob, &persian, "fa").contains("ترجمهٔ باب."));
    ok(&bob, &["sync"]);
    assert_eq!(
        git(&bob, &["status", "--porcelain"]),
        "",
        "a merge then a sync leaves nothing to commit"
    );
    let po = std::fs::read_to_string(bob.join(INTRO_TR)).unwrap();
    assert!(po.contains("msgstr \"Alice'in çevirisi.\""));

    // Back the other way: Alice gets Bob's work, and both hold the same memory.
    pulled(&alice, &bob, "--no-rebase");
    ok(&alice, &["sync"]);
    assert_eq!(journal_lines(&alice), journal_lines(&bob));
    same_files(&alice.join("locales"), &bob.join("locales"));
}

#[test]
fn the_same_segment_edited_in_two_clones_is_a_conflict_with_both_texts_kept() {
    let dir = tempfile::tempdir().unwrap();
    let alice = repository(dir.path());
    let bob = clone(&alice, "bob", true);
    let id = edit_and_commit(&alice, INTRO_TR, 2, "Alice böyle çevirdi.");
    edit_and_commit(&bob, INTRO_TR, 2, "Bob şöyle çevirdi.");

    pulled(&bob, &alice, "--no-rebase");
    let out = tercuman(&bob, &["sync"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(said.contains(&id) && said.contains("two clones"), "{said}");
    assert!(
        said.contains("Alice böyle çevirdi.") && said.contains("Bob şöyle çevirdi."),
        "{said}"
    );
    let history = log(&bob, &id, "tr");
    assert!(
        history.contains("Alice böyle çevirdi.") && history.contains("Bob şöyle çevirdi."),
        "{history}"
    );
    let entry = std::fs::read_to_string(bob.join(INTRO_TR)).unwrap();
    let entry = entry
        .split("\n\n")
        .find(|e| e.contains(&id))
        .unwrap()
        .to_string();
    assert!(entry.contains("#, fuzzy"), "kept for review: {entry}");

    // Settled once: the next sync, and Alice after pulling, report nothing.
    let again = tercuman(&bob, &["sync"]);
    assert!(!String::from_utf8_lossy(&again.stderr).contains("two clones"));
    git(&bob, &["add", "-A"]);
    git(&bob, &["commit", "-q", "-m", "Merge settled"]);
    pulled(&alice, &bob, "--no-rebase");
    let out = tercuman(&alice, &["sync"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("two clones"));
    same_files(&alice.join("locales"), &bob.join("locales"));
}

/// A fresh clone's index takes its PO files to say what the journal says;
/// a pull that re-indexes their chapter must not forget what they said, or
/// the next sync takes the unchanged PO entry for an edit and fights the
/// pulled translation.
#[test]
fn a_pull_that_brings_only_the_memory_updates_a_fresh_clones_po_file() {
    let dir = tempfile::tempdir().unwrap();
    let alice = repository(dir.path());
    let bob = clone(&alice, "bob", true);
    ok(&bob, &["sync"]);
    let before = std::fs::read_to_string(bob.join(INTRO_TR)).unwrap();

    // Alice commits the journal of her edit, not her PO file.
    let id = translate_entry(&alice, INTRO_TR, 2, "Yalnız hafızada.");
    ok(&alice, &["sync"]);
    git(&alice, &["add", "tm"]);
    git(&alice, &["commit", "-q", "-m", "The memory only"]);

    pulled(&bob, &alice, "--no-rebase");
    assert_eq!(
        std::fs::read_to_string(bob.join(INTRO_TR)).unwrap(),
        before,
        "the merge brought no PO file"
    );
    let out = tercuman(&bob, &["sync"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(!said.contains(&id), "no conflict, no edit of Bob's: {said}");
    let po = std::fs::read_to_string(bob.join(INTRO_TR)).unwrap();
    assert!(po.contains("msgstr \"Yalnız hafızada.\""), "{po}");
    let history = log(&bob, &id, "tr");
    assert_eq!(
        history.matches("Yalnız hafızada.").count(),
        1,
        "one revision, Alice's: {history}"
    );
}

#[test]
fn three_clones_merged_in_any_order_give_the_same_memory() {
    let dir = tempfile::tempdir().unwrap();
    let base = repository(dir.path());
    let a = clone(&base, "a", true);
    let b = clone(&base, "b", true);
    let c = clone(&base, "c", true);
    edit_and_commit(&a, INTRO_TR, 1, "A'nın çevirisi.");
    edit_and_commit(&b, INTRO_TR, 1, "B'nin çevirisi.");
    edit_and_commit(&b, INTRO_FA, 2, "ترجمهٔ ب.");
    edit_and_commit(&c, "locales/az/introduction.po", 4, "C-nin tərcüməsi.");

    let one = clone(&base, "one", true);
    let two = clone(&base, "two", true);
    for (into, order) in [(&one, [&a, &b, &c]), (&two, [&c, &b, &a])] {
        for from in order {
            let out = pull(into, from, "--no-rebase");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    assert_eq!(
        journal_lines(&one),
        journal_lines(&two),
        "the same revisions"
    );
    assert_eq!(
        ok(&one, &["status", "--json"]),
        ok(&two, &["status", "--json"])
    );
    ok(&one, &["sync"]);
    ok(&two, &["sync"]);
    same_files(&one.join("locales"), &two.join("locales"));
}

#[test]
fn an_index_updated_by_a_pull_answers_as_one_rebuilt_from_the_journal() {
    // A pull re-indexes only the journal files it changed; what the clone
    // then says must be what a clone rebuilding everything says.
    let dir = tempfile::tempdir().unwrap();
    let alice = repository(dir.path());
    let bob = clone(&alice, "bob", true);
    ok(&bob, &["status"]); // Bob's index knows every journal file.
    let both = edit_and_commit(&alice, INTRO_TR, 2, "Alice böyle çevirdi.");
    let hers = edit_and_commit(&alice, INTRO_FA, 1, "ترجمهٔ آلیس.");
    edit_and_commit(&bob, INTRO_TR, 2, "Bob şöyle çevirdi.");
    let his = edit_and_commit(&bob, "locales/az/introduction.po", 4, "Bobun tərcüməsi.");
    pulled(&bob, &alice, "--no-rebase");

    let rebuilt = dir.path().join("rebuilt");
    copy_dir(&bob, &rebuilt);
    assert!(
        !rebuilt.join("tm/memory.sqlite").exists(),
        "copied without its index"
    );
    for args in [
        vec!["status", "--json"],
        vec!["tm", "log", &both, "--locale", "tr"],
        vec!["tm", "log", &hers, "--locale", "fa"],
        vec!["tm", "log", &his, "--locale", "az"],
    ] {
        assert_eq!(ok(&bob, &args), ok(&rebuilt, &args), "{args:?}");
    }
    let (pulled, fresh) = (tercuman(&bob, &["sync"]), tercuman(&rebuilt, &["sync"]));
    assert_eq!(
        String::from_utf8_lossy(&pulled.stderr),
        String::from_utf8_lossy(&fresh.stderr)
    );
    same_files(&bob.join("locales"), &rebuilt.join("locales"));
    // The syncs just run settle the merge's conflict each at its own time
    // (and so with its own revision hash): compare what they recorded.
    let untimed = |lines: Vec<String>| -> Vec<String> {
        lines
            .into_iter()
            .map(|l| {
                let mut fields: Vec<&str> = l.split('\t').collect();
                if fields.len() > 3 && fields[1].ends_with('Z') {
                    fields[1] = "(time)";
                    fields[2] = "(hash)";
                }
                fields.join("\t")
            })
            .collect()
    };
    let (pulled, fresh) = (
        untimed(journal_lines(&bob)),
        untimed(journal_lines(&rebuilt)),
    );
    let only = |a: &[String], b: &[String]| -> Vec<String> {
        a.iter().filter(|l| !b.contains(l)).cloned().collect()
    };
    assert_eq!(
        (only(&pulled, &fresh), only(&fresh, &pulled)),
        (Vec::new(), Vec::new()),
        "journal lines only the pulled clone has, and only the rebuilt one"
    );
}

#[test]
fn a_sync_after_a_merge_reads_only_the_chapters_the_merge_changed() {
    let dir = tempfile::tempdir().unwrap();
    let alice = repository(dir.path());
    let bob = clone(&alice, "bob", true);
    ok(&bob, &["sync"]);
    edit_and_commit(&alice, INTRO_TR, 2, "Alice'in çevirisi.");
    edit_and_commit(
        &alice,
        "locales/tr/military-tensions.po",
        1,
        "Alice'in sonu.",
    );
    edit_and_commit(&bob, INTRO_FA, 3, "ترجمهٔ باب.");
    pulled(&bob, &alice, "--no-rebase");
    // The same clone, made to read every file: a chapter rewritten as it was.
    let full = dir.path().join("full");
    let copied = std::process::Command::new("cp")
        .args(["-a", bob.to_str().unwrap(), full.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(copied.success());
    let chapter = full.join("source/introduction.md");
    let text = std::fs::read(&chapter).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(10));
    std::fs::write(&chapter, text).unwrap();

    let timed = tercuman_with_env(&bob, &["sync"], &[("TERCUMAN_TIMINGS", "1")]);
    assert!(timed.status.success(), "{timed:?}");
    let said = String::from_utf8_lossy(&timed.stderr);
    assert!(
        said.contains("sync of the PO files that changed")
            && !said.contains("read and segment chapters"),
        "only the merged chapters are read: {said}"
    );
    let report = |said: &str| -> String {
        said.lines()
            .filter(|l| !l.starts_with("timing:"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let every_file = tercuman(&full, &["sync"]);
    assert_eq!(
        report(&said),
        report(&String::from_utf8_lossy(&every_file.stderr))
    );
    same_files(&bob.join("locales"), &full.join("locales"));
    assert_eq!(journal_lines(&bob), journal_lines(&full));
    assert_eq!(memory_state(&bob), memory_state(&full));
    assert!(log(
        &bob,
        &entry_id(&bob, "locales/tr/military-tensions.po", 1),
        "tr"
    )
    .contains("Alice'in sonu."));
}

/// The segment id of the `nth` entry of a PO file.
fn entry_id(root: &Path, po: &str, nth: usize) -> String {
    let text = std::fs::read_to_string(root.join(po)).unwrap();
    let line = text
        .lines()
        .filter(|l| l.starts_with("msgctxt "))
        .nth(nth)
        .expect("the entry");
    line["msgctxt ".len()..].trim_matches('"').to_string()
}

#[test]
fn a_rebase_keeps_both_sides_work() {
    let dir = tempfile::tempdir().unwrap();
    let alice = repository(dir.path());
    let bob = clone(&alice, "bob", true);
    let first = edit_and_commit(&alice, INTRO_TR, 1, "Alice'in cümlesi.");
    let second = edit_and_commit(&bob, INTRO_TR, 3, "Bob'un cümlesi.");

    pulled(&bob, &alice, "--rebase");
    assert_eq!(
        git(&bob, &["log", "--merges", "--oneline"]),
        "",
        "history stays linear"
    );
    assert!(log(&bob, &first, "tr").contains("Alice'in cümlesi."));
    assert!(log(&bob, &second, "tr").contains("Bob'un cümlesi."));
    ok(&bob, &["sync"]);
    let po = std::fs::read_to_string(bob.join(INTRO_TR)).unwrap();
    assert!(po.contains("Alice'in cümlesi.") && po.contains("Bob'un cümlesi."));
}

#[test]
fn a_clone_that_skipped_the_setup_is_warned_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let alice = repository(dir.path());
    let bob = clone(&alice, "bob", false);
    let id = edit_and_commit(&alice, INTRO_TR, 2, "Alice böyle çevirdi.");
    translate_entry(&bob, INTRO_TR, 2, "Bob şöyle çevirdi.");
    let out = tercuman(&bob, &["sync"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("tercuman git-setup"), "{said}");
    git(&bob, &["add", "-A"]);
    git(&bob, &["commit", "-q", "-m", "Bob's version"]);

    // Without the PO driver, git stops on the PO file, never on the memory.
    let out = pull(&bob, &alice, "--no-rebase");
    assert!(!out.status.success());
    let conflicted = git(&bob, &["diff", "--name-only", "--diff-filter=U"]);
    assert_eq!(conflicted.trim(), INTRO_TR, "only the PO file needs a hand");
    journal_lines(&bob); // and the journal holds no conflict markers
    git(&bob, &["checkout", "--theirs", INTRO_TR]);
    git(&bob, &["add", "-A"]);
    git(&bob, &["commit", "-q", "--no-edit"]);
    let out = tercuman(&bob, &["sync"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let history = log(&bob, &id, "tr");
    assert!(
        history.contains("Alice böyle çevirdi.") && history.contains("Bob şöyle çevirdi."),
        "{history}"
    );
}
