//! OmegaT, the free CAT tool, on our files: Debian's OmegaT 3.6 run
//! headless on `export --format omegat`, its translated XLIFF imported back.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::*;

const OMEGAT_JAR: &str = "/usr/share/omegat/OmegaT.jar";

/// Runs OmegaT on `project` in console mode `mode`; `None` when OmegaT is
/// not installed and not required.
fn omegat(project: &Path, mode: &str, extra: &[&str]) -> Option<String> {
    let config = tempfile::tempdir().unwrap();
    let (success, log) = omegat_with(project, config.path(), mode, extra)?;
    assert!(success, "OmegaT failed:\n{log}");
    Some(log)
}

/// Runs OmegaT with its preferences in `config` (`--config-dir`): whether
/// it succeeded, and what it printed.
fn omegat_with(
    project: &Path,
    config: &Path,
    mode: &str,
    extra: &[&str],
) -> Option<(bool, String)> {
    if !Path::new(OMEGAT_JAR).exists() {
        assert!(
            std::env::var_os(REQUIRE_VALIDATORS).is_none(),
            "OmegaT is required ({REQUIRE_VALIDATORS} is set): apt-get install omegat"
        );
        eprintln!("skipping OmegaT checks: not installed");
        return None;
    }
    let out = Command::new("java")
        .arg("-Djava.awt.headless=true")
        .arg("-jar")
        .arg(OMEGAT_JAR)
        .arg(project)
        .arg(format!("--mode={mode}"))
        .arg(format!("--config-dir={}", config.display()))
        .args(["--disable-project-locking", "--no-team"])
        .args(extra)
        .output()
        .expect("run OmegaT");
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Some((out.status.success(), log))
}

/// The (source, target) of every unit of an XLIFF file, as written.
fn units(xliff: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(xliff).unwrap();
    text.split("<trans-unit ")
        .skip(1)
        .map(|unit| {
            let part = |tag: &str| {
                let open = format!("<{tag}>");
                let start = unit.find(&open).map(|i| i + open.len()).unwrap_or(0);
                let end = unit[start..].find(&format!("</{tag}>")).unwrap_or(0) + start;
                unit[start..end].to_string()
            };
            (part("source"), part("target"))
        })
        .collect()
}

fn only_file(dir: &Path) -> PathBuf {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files.pop().unwrap()
}

/// `tercuman export --format omegat --locale tr --out project`.
fn export_omegat(root: &Path, project: &Path) {
    let out = project.to_str().unwrap();
    ok(
        root,
        &[
            "export", "--format", "omegat", "--locale", "tr", "--out", out,
        ],
    );
}

/// Empties two Turkish translations of the first chapter and syncs; the
/// chapter's PO file.
fn two_turkish_segments_untranslated(root: &Path) -> PathBuf {
    let po = root.join("locales/tr/first.po");
    translate(&po, "Drill", "");
    translate(&po, "A quote with *emphasis*.", "");
    ok(root, &["sync"]);
    po
}

#[test]
fn omegat_sees_every_segment_and_our_translations_as_exact_matches() {
    let book = fixture("kitchen-sink");
    let root = book.path();
    ok(root, &["sync"]);
    let project = root.join("omegat-tr");
    export_omegat(root, &project);
    let source = only_file(&project.join("source"));
    // What OmegaT reads: every unit's English, in every target.
    let exported = units(&source);
    assert_eq!(exported.len(), 27);
    assert!(
        exported.iter().all(|(s, t)| s == t),
        "targets are copies of the English"
    );
    let pseudo = root.join("seen.tmx");
    let pseudo_arg = format!("--pseudotranslatetmx={}", pseudo.display());
    let Some(_) = omegat(
        &project,
        "console-createpseudotranslatetmx",
        &[&pseudo_arg, "--pseudotranslatetype=equal"],
    ) else {
        return;
    };
    let seen = std::fs::read_to_string(&pseudo).unwrap();
    assert!(
        seen.contains("<seg>Code stays code: &lt;l0/&gt; and a span that &lt;w1/&gt; here.</seg>"),
        "inline markup is tags: {seen}"
    );
    assert!(
        !seen.contains("Kudretli"),
        "OmegaT offers the English, not the Turkish"
    );
    assert_eq!(
        seen.matches("<tu>").count(),
        27,
        "every segment, translated or not"
    );
    // OmegaT fills every segment from our TMX: the tags match.
    omegat(&project, "console-translate", &[]);
    let translated = units(&only_file(&project.join("target")));
    let filled = translated.iter().filter(|(s, t)| s != t).count();
    // 27 units: 4 Turkish translations are the English itself (years, a
    // number, code). The map's title is text between two tags, so its
    // translated title is a match too.
    assert_eq!(filled, 23, "{translated:#?}");
    assert!(
        translated
            .iter()
            .any(
                |(_, t)| t.contains("Bölgenin haritası") && t.contains("2020&apos;de bölge")
                    || t.contains("Bölgenin haritası") && t.contains("2020'de bölge")
            ),
        "{translated:#?}"
    );
    // Imported back, nothing changes.
    let before = snapshot(&root.join("locales"));
    let said = String::from_utf8(
        tercuman(
            root,
            &[
                "import",
                only_file(&project.join("target")).to_str().unwrap(),
            ],
        )
        .stderr,
    )
    .unwrap();
    assert!(said.contains("0 translations updated"), "{said}");
    assert_eq!(snapshot(&root.join("locales")), before);
}

#[test]
fn a_translation_made_in_omegat_comes_back_to_the_memory_and_the_po_files() {
    let book = fixture("kitchen-sink");
    let root = book.path();
    let po = two_turkish_segments_untranslated(root);
    let project = root.join("omegat-tr");
    export_omegat(root, &project);
    // The translator's own memory from another job, as OmegaT writes one.
    std::fs::write(
        project.join("tm/auto/earlier-job.tmx"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"OmegaT\" creationtoolversion=\"3.6\" segtype=\"sentence\" o-tmf=\"OmegaT TMX\" adminlang=\"EN-US\" srclang=\"en\" datatype=\"plaintext\"/><body>\n<tu><tuv xml:lang=\"en\"><seg>Drill</seg></tuv><tuv xml:lang=\"tr\"><seg>Tatbikat</seg></tuv></tu>\n<tu><tuv xml:lang=\"en\"><seg>A quote with &lt;g0&gt;emphasis&lt;/g0&gt;.</seg></tuv><tuv xml:lang=\"tr\"><seg>&lt;g0&gt;Vurgulu&lt;/g0&gt; bir alıntı.</seg></tuv></tu>\n</body></tmx>\n",
    )
    .unwrap();
    if omegat(&project, "console-translate", &[]).is_none() {
        return;
    }
    let target = only_file(&project.join("target"));
    let said =
        String::from_utf8(tercuman(root, &["import", target.to_str().unwrap()]).stderr).unwrap();
    assert!(said.contains("2 translations updated"), "{said}");
    let text = std::fs::read_to_string(&po).unwrap();
    assert!(
        text.contains("msgid \"Drill\"\nmsgstr \"Tatbikat\""),
        "{text}"
    );
    assert!(
        text.contains("msgstr \"*Vurgulu* bir alıntı.\""),
        "the markup comes back as Markdown: {text}"
    );
    let tr = locale_status(root, "tr");
    assert_eq!(
        tr["segments"]["translated"], tr["segments"]["total"],
        "{tr}"
    );
}

/// `tercuman export --format omegat-po --locale tr --out omegat-po`: the
/// project's folder.
fn export_omegat_po(root: &Path) -> PathBuf {
    let project = root.join("omegat-po");
    let out = project.to_str().unwrap();
    ok(
        root,
        &[
            "export",
            "--format",
            "omegat-po",
            "--locale",
            "tr",
            "--out",
            out,
        ],
    );
    project
}

/// The Turkish of `book`'s memory as a TMX of plain text, as a translator
/// working on PO files would have it.
fn plain_tmx(book: &Path, tmx: &Path) {
    let tmx = tmx.to_str().unwrap();
    ok(
        book,
        &["tm", "export", "--tmx", tmx, "--locale", "tr", "--plain"],
    );
}

/// A copy of OmegaT's preferences folder as `export` wrote it, for one
/// run (OmegaT writes its own settings into it).
fn exported_config(project: &Path) -> tempfile::TempDir {
    let config = tempfile::tempdir().unwrap();
    std::fs::copy(
        project.join("config/omegat.prefs"),
        config.path().join("omegat.prefs"),
    )
    .unwrap();
    config
}

#[test]
fn omegat_on_the_po_files_protects_the_markdown_as_tags() {
    let done = fixture("kitchen-sink");
    ok(done.path(), &["sync"]);
    let book = fixture("kitchen-sink");
    let root = book.path();
    two_turkish_segments_untranslated(root);
    let project = export_omegat_po(root);
    // The translator's memory from another job: the emphasis of one
    // translation lost, as a careless match would have it.
    let careless = project.join("tm/auto/careless.tmx");
    plain_tmx(done.path(), &careless);
    let text = std::fs::read_to_string(&careless).unwrap();
    assert!(text.contains("<seg>*Vurgulu* bir alıntı.</seg>"), "{text}");
    std::fs::write(
        &careless,
        text.replace(
            "<seg>*Vurgulu* bir alıntı.</seg>",
            "<seg>Vurgulu bir alıntı.</seg>",
        ),
    )
    .unwrap();
    let validate = ["--tag-validation=abort"];
    let config = exported_config(&project);
    let Some((passed, log)) = omegat_with(&project, config.path(), "console-translate", &validate)
    else {
        return;
    };
    assert!(!passed, "the lost emphasis is a tag error: {log}");
    assert!(log.contains("Missing: *@"), "{log}");
    assert!(log.contains("Vurgulu bir alıntı."), "{log}");
    // Without the custom tags, OmegaT sees plain text and lets it through.
    let plain = tempfile::tempdir().unwrap();
    let (passed, log) =
        omegat_with(&project, plain.path(), "console-translate", &validate).unwrap();
    assert!(passed, "{log}");
    // The memory's own matches carry every tag: links, code, images with
    // their titles, footnotes, escapes.
    std::fs::remove_file(&careless).unwrap();
    plain_tmx(done.path(), &careless);
    let config = exported_config(&project);
    let (passed, log) =
        omegat_with(&project, config.path(), "console-translate", &validate).unwrap();
    assert!(passed, "{log}");
    assert!(log.contains("Validating tags"), "{log}");
}

#[test]
fn omegat_work_on_the_po_files_comes_back_and_undoes_nothing_done_meanwhile() {
    let done = fixture("kitchen-sink");
    ok(done.path(), &["sync"]);
    let book = fixture("kitchen-sink");
    let root = book.path();
    let po = two_turkish_segments_untranslated(root);
    let project = export_omegat_po(root);
    plain_tmx(done.path(), &project.join("tm/auto/translator.tmx"));
    let config = exported_config(&project);
    let Some((passed, log)) = omegat_with(&project, config.path(), "console-translate", &[]) else {
        return;
    };
    assert!(passed, "{log}");
    // While OmegaT worked, someone edited two entries of the PO file: one
    // OmegaT left alone, one the translator then changed in OmegaT too.
    translate(&po, "Troops", "Askerî birlikler");
    translate(&po, "Drill", "Alıştırma");
    ok(root, &["sync"]);
    let target = project.join("target/first.po");
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(
        text.contains("msgid \"Drill\"\nmsgstr \"Tatbikat\""),
        "{text}"
    );
    let said =
        String::from_utf8(tercuman(root, &["import", project.to_str().unwrap()]).stderr).unwrap();
    assert!(
        said.contains("tr: 1 translation updated, 21 unchanged, 1 conflict,"),
        "{said}"
    );
    assert_eq!(
        said.matches("was changed in the memory since").count(),
        1,
        "{said}"
    );
    assert!(said.contains("omegat-po/target/first.po:"), "{said}");
    assert!(said.contains("was changed in the memory since"), "{said}");
    let text = std::fs::read_to_string(&po).unwrap();
    assert!(text.contains("msgstr \"*Vurgulu* bir alıntı.\""), "{text}");
    assert!(
        text.contains("msgid \"Troops\"\nmsgstr \"Askerî birlikler\""),
        "an edit OmegaT did not touch stays: {text}"
    );
    assert!(
        text.contains("msgid \"Drill\"\nmsgstr \"Alıştırma\""),
        "the memory's side of a conflict stays current: {text}"
    );
    let drill = segment_id(&po, "Drill");
    let log =
        String::from_utf8(tercuman(root, &["tm", "log", &drill, "--locale", "tr"]).stdout).unwrap();
    assert!(
        log.contains("Tatbikat"),
        "OmegaT's is in the history: {log}"
    );
    // Imported again, nothing changes.
    let before = snapshot(&root.join("locales"));
    let said =
        String::from_utf8(tercuman(root, &["import", project.to_str().unwrap()]).stderr).unwrap();
    assert!(said.contains("tr: 0 translations updated"), "{said}");
    assert_eq!(snapshot(&root.join("locales")), before);
}
