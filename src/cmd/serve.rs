//! `tercuman serve`: the HTML editions on a local address, rebuilt as the
//! book's files are saved, with the pages reloading themselves.
//!
//! Each change runs what `build --only html` runs, into `dist/preview/`
//! with every segment marked (never into `dist/html/`): a sync, which
//! refuses a broken file and leaves the memory and files as they were, then
//! the build, which rewrites only the pages whose bytes changed. A failure
//! is shown on every open page; the pages served stay the last good ones.

use std::io::{Read as _, Seek as _, Write as _};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use notify_debouncer_mini::{new_debouncer, notify::RecursiveMode, DebounceEventResult};
use tercuman::edition::warm::{MemoryMark, Warm};
use tercuman::edition::{BuildOptions, Formats};
use tercuman::project::Project;
use tercuman::serve::{Hub, News, Server};

use crate::t;
use crate::ui;

/// What `tercuman serve` was asked for.
pub struct ServeArgs {
    pub locale: Option<String>,
    pub port: u16,
    pub bind: Option<IpAddr>,
    pub open: bool,
}

/// What wakes the serving loop.
enum Wake {
    /// Files under `source/` or `locales/` changed.
    Changed(Vec<PathBuf>),
    Stop,
}

/// Folders whose files the book is built from.
const WATCHED: [&str; 2] = ["source", "locales"];

pub fn run(root: &Path, args: &ServeArgs) -> anyhow::Result<()> {
    let project = super::load(root)?;
    let only_locale = super::locale_arg(&project, args.locale.as_deref())?.pop();
    let dist = project.root.join("dist");
    let site = dist.join("preview");
    std::fs::create_dir_all(&dist)
        .with_context(|| t!("error-write", "path" => dist.display().to_string()))?;
    let mut serving = serving_lock(&dist)?;

    let ip = args.bind.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    if !ip.is_loopback() {
        ui::warning(&t!("serve-wide", "address" => ip.to_string()));
    }
    let hub = Arc::new(Hub::default());
    let mut build = Rebuild {
        root: project.root.clone(),
        site: site.clone(),
        only_locale,
        last_inputs: None,
        warm: Warm::default(),
    };
    build.run(&hub);
    let (wake, woken) = mpsc::channel();
    let stop = wake.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(Wake::Stop);
    })
    .with_context(|| t!("serve-cannot-catch-interrupt"))?;
    let server = listen(SocketAddr::new(ip, args.port), &site, &hub, &project.root)?;
    let url = format!("http://{}/", server.addr);
    let _ = serving.set_len(0);
    let _ = serving.write_all(url.as_bytes());
    crate::outln!("{}", t!("serve-serving", "url" => format!("{url}html/")));
    if args.open {
        open_in_browser(&format!("{url}html/"));
    }

    let watcher = watch(&project.root, wake)?;
    while let Ok(Wake::Changed(paths)) = woken.recv() {
        if paths.iter().any(|p| counts(p)) {
            build.run(&hub);
        }
    }
    drop(watcher);
    server.stop();
    crate::outln!("{}", t!("serve-stopped"));
    Ok(())
}

/// The server on `addr`, serving `site` and the memory's concordance.
fn listen(addr: SocketAddr, site: &Path, hub: &Arc<Hub>, root: &Path) -> anyhow::Result<Server> {
    Server::start(
        addr,
        site,
        Arc::clone(hub),
        concordance_lookup(root.to_path_buf()),
    )
    .with_context(|| {
        format!(
            "{}\nhint: {}",
            t!("serve-cannot-listen", "address" => addr.to_string()),
            t!("serve-cannot-listen-hint")
        )
    })
}

/// Watches the folders the book is built from; each batch of changes
/// (debounced 40 ms) wakes the serving loop.
fn watch(
    root: &Path,
    wake: mpsc::Sender<Wake>,
) -> anyhow::Result<
    notify_debouncer_mini::Debouncer<notify_debouncer_mini::notify::RecommendedWatcher>,
> {
    let mut watcher = new_debouncer(
        Duration::from_millis(40),
        move |events: DebounceEventResult| {
            if let Ok(events) = events {
                let _ = wake.send(Wake::Changed(events.into_iter().map(|e| e.path).collect()));
            }
        },
    )
    .with_context(|| t!("serve-cannot-watch", "path" => root.display().to_string()))?;
    for dir in WATCHED {
        let dir = root.join(dir);
        if dir.is_dir() {
            watcher
                .watcher()
                .watch(&dir, RecursiveMode::Recursive)
                .with_context(|| t!("serve-cannot-watch", "path" => dir.display().to_string()))?;
        }
    }
    Ok(watcher)
}

/// The concordance page for a request: the memory looked up as `tm
/// concordance` does (without the sync: the rebuilds sync), in the
/// page's locale when it names one.
fn concordance_lookup(root: PathBuf) -> tercuman::serve::Lookup {
    Arc::new(move |target: &str| {
        let (text, locale) = tercuman::serve::concordance::parameters(target);
        let page = || -> anyhow::Result<String> {
            let (project, mut memory, _lock) = super::open(&root)?;
            let locale =
                locale.filter(|l| project.book.locales.iter().any(|b| b.to_string() == *l));
            let query = tercuman::tm::concordance::Query {
                text: text.clone(),
                source_lang: project.book.source_language.to_string(),
                locales: project.book.locales.iter().map(|l| l.to_string()).collect(),
                locale,
                history: false,
                limit: 100,
            };
            let found = memory.concordance(&query)?;
            let direction = |lang: &str| match lang.parse::<unic_langid::LanguageIdentifier>() {
                Ok(l) => tercuman::locale::direction(&l),
                Err(_) => "ltr",
            };
            Ok(tercuman::serve::concordance::page(
                &text,
                &query.source_lang,
                &found,
                direction,
            ))
        };
        page().map_err(|e| format!("{e:#}"))
    })
}

/// Whether a changed file can change the book: not an editor's swap,
/// backup or lock file, nor one of tercuman's own staged files.
fn counts(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    !(name.starts_with(".#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tercuman-tmp"))
}

/// `dist/.serve.lock`, held while serving: a second `serve` of the same
/// book is told where the first one serves.
fn serving_lock(dist: &Path) -> anyhow::Result<std::fs::File> {
    let path = dist.join(".serve.lock");
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)
        .with_context(|| t!("error-write", "path" => path.display().to_string()))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut at = String::new();
            let _ = file.rewind();
            let _ = file.read_to_string(&mut at);
            let at = match at.trim() {
                "" => String::new(),
                url => format!(" at {url}html/"),
            };
            anyhow::bail!(
                "{}\nhint: {}",
                t!("serve-running", "at" => at),
                t!("serve-running-hint")
            )
        }
        Err(std::fs::TryLockError::Error(e)) => {
            Err(e).with_context(|| t!("error-write", "path" => path.display().to_string()))
        }
    }
}

/// How an attempt to rebuild the preview ended.
enum Attempt {
    Failed,
    /// Built (or up to date) from inputs that are still on disk: these.
    Settled(String),
    /// Built, but a file changed while the sync read the book.
    Unsettled,
}

impl From<Option<String>> for Attempt {
    fn from(settled: Option<String>) -> Attempt {
        match settled {
            Some(inputs) => Attempt::Settled(inputs),
            None => Attempt::Unsettled,
        }
    }
}

/// One rebuild of the preview: sync, then the HTML editions with marks.
struct Rebuild {
    root: PathBuf,
    site: PathBuf,
    only_locale: Option<unic_langid::LanguageIdentifier>,
    /// The inputs' fingerprint after the last attempt. Watchers also report
    /// files being read (by the sync itself), so a wake-up whose inputs
    /// have not changed since is ignored; a broken file is tried again
    /// only once it is saved again.
    last_inputs: Option<String>,
    /// The editions as last built, kept so that a saved PO file
    /// re-renders only its chapter.
    warm: Warm,
}

impl Rebuild {
    /// The book's inputs now: path, size and modification time of every
    /// file under the watched folders and of the memory. Read without
    /// loading the book, which may be what is broken.
    fn inputs(&self) -> String {
        fn walk(dir: &Path, out: &mut Vec<(PathBuf, u64, std::time::SystemTime)>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                match entry.metadata() {
                    Ok(meta) if meta.is_dir() => walk(&path, out),
                    Ok(meta) => out.push((
                        path,
                        meta.len(),
                        meta.modified().unwrap_or(std::time::UNIX_EPOCH),
                    )),
                    Err(_) => {}
                }
            }
        }
        let mut files = Vec::new();
        for dir in WATCHED {
            walk(&self.root.join(dir), &mut files);
        }
        walk(&self.root.join("tm"), &mut files);
        // Not the build's own stamps: outputs, written after the inputs
        // were taken.
        files.retain(|(path, _, _)| {
            counts(path)
                && !path
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(".build-stamp-"))
        });
        files.sort();
        format!("{files:?}")
    }

    /// Rebuilds and tells the pages (reload, or the error), unless the
    /// inputs are as the last attempt left them.
    fn run(&mut self, hub: &Hub) {
        let before = self.inputs();
        if Some(&before) == self.last_inputs.as_ref() {
            return;
        }
        self.last_inputs = match self.attempt(hub) {
            // A failed attempt writes nothing: a file saved while it ran
            // differs from what it started from, and is tried.
            Attempt::Failed => Some(before),
            Attempt::Settled(inputs) => Some(inputs),
            // The sync saw a file change while it ran (it recorded no
            // stamp): the wake-up that change brings tries again.
            Attempt::Unsettled => None,
        };
    }

    fn attempt(&mut self, hub: &Hub) -> Attempt {
        let started = Instant::now();
        match self.build(hub, started) {
            Ok((false, settled)) => Attempt::from(settled),
            Ok((true, settled)) => {
                let ms = started.elapsed().as_millis() as u64;
                crate::outln!("{}", t!("serve-rebuilt", "ms" => ms));
                Attempt::from(settled)
            }
            Err(e) => {
                let message = format!("{e:#}");
                ui::error(&message);
                hub.tell(&News::Failed(message));
                Attempt::Failed
            }
        }
    }

    /// Whether anything was rebuilt (false: the pages were up to date),
    /// and the inputs as the sync left them, if they are still what it
    /// read (taken before the editions are built: a file saved meanwhile
    /// is tried at the next wake-up). The pages of
    /// the chapters made again are announced as soon as they are written,
    /// then every other page that changed.
    fn build(&mut self, hub: &Hub, started: Instant) -> anyhow::Result<(bool, Option<String>)> {
        // The book is read again each time: `book.toml` may have changed.
        let project = super::load(&self.root)?;
        let _lock = project.lock()?;
        let mut memory = tercuman::tm::Memory::open(&project.tm_path())?;
        let before_sync = MemoryMark::now(&project);
        let report = tercuman::sync::sync(&project, &mut memory, tercuman::date::now())?;
        // Taken first, then checked against the sync's stamp: a save in
        // between makes the stamp differ.
        let inputs = self.inputs();
        let settled = tercuman::fingerprint::matches(
            &project.root.join("tm").join(".sync-stamp"),
            &tercuman::fingerprint::of_sync_inputs(&project),
        )
        .then_some(inputs);
        let options = self.options(&project)?;
        // Up to date, but nothing kept yet: built all the same (writing
        // nothing new), so that the next save re-renders only its chapter.
        if self.warm.is_warm() && tercuman::edition::up_to_date(&project, &options) {
            return Ok((false, settled));
        }
        super::sync::print_report(&report);
        let mut told = Vec::new();
        let mut first = |pages: &[String]| {
            hub.tell(&News::Rebuilt(pages.to_vec()));
            let ms = started.elapsed().as_millis() as u64;
            crate::outln!("{}", t!("serve-chapters-first", "ms" => ms));
            told = pages.to_vec();
        };
        let since = (before_sync, report.narrowed_to.as_ref());
        // A sync that failed wrote nothing, and what is kept stays good; a
        // build that failed may have left it half made.
        let rebuilt = match self
            .warm
            .build(&project, &memory, &options, since, &mut first)
        {
            Ok(rebuilt) => rebuilt,
            Err(e) => {
                self.warm = Warm::default();
                return Err(e.into());
            }
        };
        let rest: Vec<String> = rebuilt
            .changed
            .into_iter()
            .filter(|page| !told.contains(page))
            .collect();
        // Every page when none was announced yet (the banner of a failure
        // goes from every page); else those changed since.
        if told.is_empty() || !rest.is_empty() {
            hub.tell(&News::Rebuilt(rest));
        }
        Ok((true, settled))
    }

    fn options(&self, project: &Project) -> anyhow::Result<BuildOptions> {
        Ok(BuildOptions {
            build_time: super::build::build_time(project)?,
            out_dir: self.site.clone(),
            allow_check_errors: false,
            formats: Formats {
                epub: false,
                html: true,
            },
            preview: true,
            only_locale: self.only_locale.clone(),
        })
    }
}

/// Opens `url` in the desktop's browser, reporting (not failing) when none
/// can be started.
fn open_in_browser(url: &str) {
    let program: &[&str] = if cfg!(target_os = "macos") {
        &["open"]
    } else if cfg!(windows) {
        &["cmd", "/C", "start", ""]
    } else {
        &["xdg-open"]
    };
    let started = std::process::Command::new(program[0])
        .args(&program[1..])
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if started.is_err() {
        ui::warning(&t!("serve-no-browser", "url" => url));
    }
}
