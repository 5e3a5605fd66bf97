//! The HTML editions in a real browser: Debian's Chromium, driven through
//! chromedriver's WebDriver API (a few JSON requests over a plain socket).
//! Screenshots are saved under `target/tmp/screenshots/` to be looked at.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::support::*;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// A chromedriver process and one browser session.
struct Browser {
    driver: Child,
    port: u16,
    session: String,
    _profile: tempfile::TempDir,
}

/// One HTTP/1.1 request to chromedriver; returns the JSON body's `value`.
fn request(port: u16, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let payload = body.map(|b| b.to_string()).unwrap_or_default();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{payload}",
        payload.len()
    )
    .map_err(|e| e.to_string())?;
    // chromedriver keeps connections open: read the head, then exactly the body.
    let mut raw = Vec::new();
    let mut buf = [0u8; 65536];
    let head_end = loop {
        let n = stream.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            return Err("connection closed".into());
        }
        raw.extend_from_slice(&buf[..n]);
        if let Some(i) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let head = String::from_utf8_lossy(&raw[..head_end]).to_ascii_lowercase();
    let body = if let Some(len) = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok())
    {
        while raw.len() < head_end + len {
            let n = stream.read(&mut buf).map_err(|e| e.to_string())?;
            if n == 0 {
                break;
            }
            raw.extend_from_slice(&buf[..n]);
        }
        String::from_utf8_lossy(&raw[head_end..head_end + len]).into_owned()
    } else {
        // Chunked: read until the terminating chunk.
        while !raw.ends_with(b"0\r\n\r\n") {
            let n = stream.read(&mut buf).map_err(|e| e.to_string())?;
            if n == 0 {
                break;
            }
            raw.extend_from_slice(&buf[..n]);
        }
        dechunk(&String::from_utf8_lossy(&raw[head_end..]))
    };
    let json: Value = serde_json::from_str(&body).map_err(|e| format!("{e}: {body}"))?;
    if let Some(error) = json["value"].get("error") {
        return Err(format!("{error}: {}", json["value"]["message"]));
    }
    Ok(json["value"].clone())
}

fn dechunk(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some((size, after)) = rest.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&after[..n]);
        rest = after[n..].trim_start_matches("\r\n");
    }
    out
}

fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> = text
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
        .collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let v: Vec<u32> = chunk.iter().map(|&c| value(c) as u32).collect();
        let n = v.iter().fold(0u32, |acc, x| acc << 6 | x) << (6 * (4 - v.len()));
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..v.len() - 1]);
    }
    out
}

impl Browser {
    /// Starts chromedriver and a headless Chromium, or `None` when they are
    /// not installed and not required.
    fn start() -> Option<Browser> {
        let available = Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists();
        if !available {
            assert!(
                std::env::var_os(REQUIRE_VALIDATORS).is_none(),
                "chromium and chromium-driver are required ({REQUIRE_VALIDATORS} is set)"
            );
            eprintln!("skipping browser checks: chromium or chromedriver not installed");
            return None;
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let started = Instant::now();
        while request(port, "GET", "/status", None).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().unwrap();
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         format!("--user-data-dir={}", profile.path().display()), "--window-size=1200,900"]
            },
            "goog:loggingPrefs": {"browser": "ALL"}
        }}});
        let session = request(port, "POST", "/session", Some(&capabilities))
            .expect("start a browser session");
        let session = session["sessionId"]
            .as_str()
            .expect("a session id")
            .to_string();
        Some(Browser {
            driver,
            port,
            session,
            _profile: profile,
        })
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.session);
        request(self.port, method, &path, body.as_ref())
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    fn open(&self, file: &Path) {
        self.call(
            "POST",
            "/url",
            Some(json!({"url": format!("file://{}", file.display())})),
        );
    }

    fn open_url(&self, url: &str) {
        self.call("POST", "/url", Some(json!({"url": url})));
    }

    fn eval(&self, script: &str) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
    }

    /// Console messages at level SEVERE since the last call.
    fn console_errors(&self) -> Vec<String> {
        let logs = self.call("POST", "/se/log", Some(json!({"type": "browser"})));
        logs.as_array()
            .map(|a| {
                a.iter()
                    .filter(|l| l["level"] == "SEVERE")
                    .map(|l| l["message"].to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Types `text` into the first element `css` selects.
    fn type_into(&self, css: &str, text: &str) {
        let element = self.call(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        let id = element["element-6066-11e4-a52e-4f735466cecf"]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}: {element}"))
            .to_string();
        self.call("POST", &format!("/element/{id}/clear"), Some(json!({})));
        self.call(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({"text": text})),
        );
    }

    /// Presses a key (a WebDriver key code such as `\u{E014}`, right arrow)
    /// on the page.
    fn press(&self, key: &str) {
        self.call(
            "POST",
            "/actions",
            Some(
                json!({"actions": [{"type": "key", "id": "keyboard", "actions": [
                {"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]}]}),
            ),
        );
    }

    /// Evaluates `script` until it returns something other than null, for
    /// up to ten seconds.
    fn wait_for(&self, script: &str) -> Value {
        let started = Instant::now();
        loop {
            let value = self.eval(script);
            if !value.is_null() {
                return value;
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "waited in vain for: {script}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn resize(&self, width: u32, height: u32) {
        self.call(
            "POST",
            "/window/rect",
            Some(json!({"width": width, "height": height})),
        );
    }

    fn screenshot(&self, name: &str) -> PathBuf {
        let data = self.call("GET", "/screenshot", None);
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, base64_decode(data.as_str().unwrap())).unwrap();
        path
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = request(
            self.port,
            "DELETE",
            &format!("/session/{}", self.session),
            None,
        );
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

#[test]
fn every_edition_reads_well_in_a_real_browser() {
    let Some(browser) = Browser::start() else {
        return;
    };
    let book = shipped_book();
    let root = book.path();
    ok(root, &["build"]);
    let site = root.join("dist/html");
    for lang in ["en", "az", "fa", "tr"] {
        for page in ["index", "the-terror-in-tehran"] {
            let file = site.join(lang).join(format!("{page}.html"));
            browser.resize(1200, 900);
            browser.open(&file);
            let errors = browser.console_errors();
            assert!(
                errors.is_empty(),
                "{lang}/{page}: console errors {errors:?}"
            );
            let facts = browser.eval(
                "const p = document.querySelector('article.chapter > p, main .colophon p'); // body text, not the centred title page
                 const range = document.createRange(); range.selectNodeContents(p);
                 const rects = Array.from(range.getClientRects());
                 const line = rects.filter(r => Math.abs(r.top - rects[0].top) < 2);
                 const first = { right: Math.max(...line.map(r => r.right)), left: Math.min(...line.map(r => r.left)) };
                 const box = p.getBoundingClientRect();
                 return {
                   lang: document.documentElement.lang,
                   direction: getComputedStyle(p).direction,
                   firstLineRight: first.right, firstLineLeft: first.left,
                   boxRight: box.right, boxLeft: box.left,
                   stylesheets: document.styleSheets.length,
                   switcher: Array.from(document.querySelectorAll('nav.site a[hreflang]')).map(a => a.href),
                 };",
            );
            assert_eq!(facts["lang"], lang);
            assert_eq!(
                facts["stylesheets"], 1,
                "{lang}/{page}: the style sheet loaded"
            );
            let (first_right, first_left) = (
                facts["firstLineRight"].as_f64().unwrap(),
                facts["firstLineLeft"].as_f64().unwrap(),
            );
            let (box_right, box_left) = (
                facts["boxRight"].as_f64().unwrap(),
                facts["boxLeft"].as_f64().unwrap(),
            );
            if lang == "fa" {
                assert_eq!(facts["direction"], "rtl", "{lang}/{page}");
                assert!(
                    (box_right - first_right).abs() < 2.0,
                    "{lang}/{page}: paragraphs start at the right: {facts}"
                );
            } else {
                assert_eq!(facts["direction"], "ltr", "{lang}/{page}");
                assert!(
                    (first_left - box_left).abs() < 2.0,
                    "{lang}/{page}: paragraphs start at the left: {facts}"
                );
            }
            let links = facts["switcher"].as_array().unwrap();
            assert_eq!(
                links.len(),
                3,
                "{lang}/{page}: a link to each other language"
            );
            for link in links {
                let target = link.as_str().unwrap().trim_start_matches("file://");
                assert!(
                    Path::new(target).exists(),
                    "{lang}/{page}: switcher link {target} resolves"
                );
            }
            browser.screenshot(&format!("{lang}-{page}"));

            // A phone: no horizontal scrolling at 375 px.
            browser.resize(375, 800);
            browser.open(&file);
            let widths =
                browser.eval("return [document.documentElement.scrollWidth, window.innerWidth];");
            let (scroll, inner) = (widths[0].as_f64().unwrap(), widths[1].as_f64().unwrap());
            assert!(inner <= 400.0, "the window really is narrow: {widths}");
            assert!(
                scroll <= inner,
                "{lang}/{page}: scrolls sideways at {inner}px ({scroll}px wide)"
            );
            browser.screenshot(&format!("{lang}-{page}-375"));
        }
    }
}

#[test]
fn base64_decoding_matches_known_values() {
    assert_eq!(base64_decode("aGVsbG8="), b"hello");
    assert_eq!(base64_decode("aGk="), b"hi");
    assert_eq!(base64_decode("YWJj"), b"abc");
}

/// Every HTML file under `dir`.
fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(html_files(&path));
        } else if path.extension().is_some_and(|e| e == "html") {
            files.push(path);
        }
    }
    files.sort();
    files
}

#[test]
fn a_real_books_site_has_no_broken_image_or_link() {
    let Some(browser) = Browser::start() else {
        return;
    };
    let book = fixture("kitchen-sink");
    let root = book.path();
    ok(root, &["build", "--only", "html"]);
    let pages = html_files(&root.join("dist/html"));
    assert!(
        pages.len() >= 4 * 3 + 3 * 2,
        "chapters, indexes, proofs: {pages:?}"
    );
    let mut images = 0;
    for page in &pages {
        browser.open(page);
        let facts = browser.eval(
            "return {
               images: Array.from(document.images).map(i => [i.getAttribute('src'), i.complete && i.naturalWidth > 0]),
               links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href),
             };",
        );
        for image in facts["images"].as_array().unwrap() {
            images += 1;
            assert_eq!(
                image[1],
                true,
                "{}: image {} does not load",
                page.display(),
                image[0]
            );
        }
        for link in facts["links"].as_array().unwrap() {
            let Some(target) = link.as_str().unwrap().strip_prefix("file://") else {
                continue; // the web
            };
            let (file, fragment) = target.split_once('#').unwrap_or((target, ""));
            let file = Path::new(file);
            assert!(
                file.is_file(),
                "{}: link to {target} is broken",
                page.display()
            );
            if !fragment.is_empty() {
                let text = std::fs::read_to_string(file).unwrap();
                assert!(
                    text.contains(&format!("id=\"{fragment}\"")),
                    "{}: link to {target}: no such anchor",
                    page.display()
                );
            }
        }
    }
    // Two figures in each chapter page, one in each translated proof.
    assert!(images >= 4 * 2 + 3 * 2, "{images} images checked");
}

/// What Chromium makes of the Persian text on the page open: whether the
/// embedded faces loaded, the font a paragraph asks for, and whether the
/// font joins letters (a joined word is narrower than the same letters
/// kept apart by zero-width non-joiners).
fn persian_font_facts(browser: &Browser) -> Value {
    let started = Instant::now();
    loop {
        let facts = browser.eval(
            "const faces = Array.from(document.fonts).filter(f => f.family.replace(/\"/g, '') === 'Vazirmatn');
             const width = text => {
               const span = document.createElement('span');
               span.style.fontFamily = 'Vazirmatn'; span.style.fontSize = '40px'; span.textContent = text;
               document.body.appendChild(span);
               const w = span.getBoundingClientRect().width; span.remove(); return w;
             };
             return {
               faces: faces.map(f => f.weight + ' ' + f.status),
               paragraph: getComputedStyle(document.querySelector('main p, section p')).fontFamily,
               joined: width('بببب'), apart: width('ب\\u200cب\\u200cب\\u200cب'),
               ready: document.fonts.status,
             };",
        );
        let loaded = facts["faces"]
            .as_array()
            .is_some_and(|f| f.iter().any(|s| s.as_str().unwrap().ends_with("loaded")));
        if (loaded && facts["ready"] == "loaded") || started.elapsed() > Duration::from_secs(20) {
            return facts;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn the_persian_editions_are_set_in_their_embedded_font_and_its_letters_join() {
    let Some(browser) = Browser::start() else {
        return;
    };
    let book = shipped_book();
    let root = book.path();
    ok(root, &["build"]);
    let epub = root.join("dist/epub/iran-and-azerbaijan-neighbors-in-distrust.fa.epub");
    let unpacked = tempfile::tempdir().unwrap();
    zip::ZipArchive::new(std::fs::File::open(&epub).unwrap())
        .unwrap()
        .extract(unpacked.path())
        .unwrap();
    for page in [
        root.join("dist/html/fa/the-terror-in-tehran.html"),
        unpacked.path().join("OEBPS/the-terror-in-tehran.xhtml"),
    ] {
        browser.open(&page);
        let facts = persian_font_facts(&browser);
        let where_ = page.display();
        assert!(
            facts["paragraph"]
                .as_str()
                .unwrap()
                .starts_with("Vazirmatn"),
            "{where_}: paragraphs ask for the embedded font: {facts}"
        );
        let faces = facts["faces"].as_array().unwrap();
        assert!(
            faces.iter().any(|f| f == "400 loaded"),
            "{where_}: the regular face loaded from the book: {facts}"
        );
        let (joined, apart) = (
            facts["joined"].as_f64().unwrap(),
            facts["apart"].as_f64().unwrap(),
        );
        assert!(
            joined > 0.0 && joined < apart * 0.9,
            "{where_}: joined letters take their joining forms: {facts}"
        );
        assert!(browser.console_errors().is_empty(), "{where_}");
        browser.screenshot(&format!(
            "fa-font-{}",
            page.extension().unwrap().to_string_lossy()
        ));
    }
}

/// Searches the page open for `query`; returns each result's link and text.
fn search(browser: &Browser, query: &str) -> Vec<(String, String)> {
    browser.type_into("form.search input", query);
    // The results box names the query it shows the results of.
    let results = browser.wait_for(&format!(
        "const box = document.querySelector('.search-results');
         if (box.getAttribute('data-query') !== {query}) return null;
         return Array.from(box.querySelectorAll('li a')).map(a => [a.getAttribute('href'), a.textContent]);",
        query = json!(query)
    ));
    results
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r[0].as_str().unwrap().into(), r[1].as_str().unwrap().into()))
        .collect()
}

#[test]
fn readers_search_every_language_by_its_own_rules_offline() {
    let Some(browser) = Browser::start() else {
        return;
    };
    let book = shipped_book();
    let root = book.path();
    ok(root, &["build", "--only", "html"]);
    let site = root.join("dist/html");
    // Turkish: `iran` finds `İran` (dotted capital), as does `İRAN`;
    // `ıran` (dotless) is another word.
    browser.open(&site.join("tr/index.html"));
    let found = search(&browser, "iran");
    assert!(!found.is_empty(), "tr: iran finds İran");
    assert!(
        found.iter().all(|(_, text)| text.contains("İran")),
        "{found:?}"
    );
    assert_eq!(search(&browser, "İRAN").len(), found.len());
    assert!(
        search(&browser, "ıran").is_empty(),
        "dotless ı is another letter"
    );
    assert!(
        search(&browser, "IRAN").is_empty(),
        "Turkish I is dotless ı"
    );
    // Persian: Arabic yeh and kaf, ZWNJ left out, and Arabic-Indic digits
    // find the Persian spelling.
    browser.open(&site.join("fa/index.html"));
    let persian = search(&browser, "ایران");
    assert!(!persian.is_empty(), "fa: ایران is in the book");
    assert_eq!(search(&browser, "ايران").len(), persian.len(), "Arabic yeh");
    let with_zwnj = search(&browser, "تنش‌های");
    assert!(!with_zwnj.is_empty(), "fa: تنش‌های is in the book");
    assert_eq!(search(&browser, "تنشهای").len(), with_zwnj.len(), "ZWNJ");
    // English, two words, the second a prefix.
    browser.open(&site.join("en/index.html"));
    assert!(!search(&browser, "IRAN").is_empty(), "English I is i");
    let english = search(&browser, "embassy atta");
    assert!(!english.is_empty(), "en: embassy … attack");
    let (link, text) = &english[0];
    assert!(text.to_lowercase().contains("embassy"), "{text}");
    // A result opens its chapter at the section, the words marked.
    let target = site.join("en").join(link.split(['?', '#']).next().unwrap());
    assert!(target.is_file(), "{link}");
    browser.call(
        "POST",
        "/url",
        Some(json!({"url": format!("file://{}/en/{link}", site.display())})),
    );
    let marks = browser.wait_for(
        "const m = document.querySelectorAll('main mark'); return m.length ? m.length : null;",
    );
    assert!(
        marks.as_u64().unwrap() >= 2,
        "the words are marked: {marks}"
    );
    assert!(browser.console_errors().is_empty());
    // Nothing was asked of the network.
    let remote = browser.eval(
        "return performance.getEntriesByType('resource').map(r => r.name).filter(n => !n.startsWith('file:'));",
    );
    assert_eq!(remote, json!([]), "only local files are loaded");
}

#[test]
fn the_site_navigates_by_keys_themes_and_sidebar_in_both_directions() {
    let Some(browser) = Browser::start() else {
        return;
    };
    let book = shipped_book();
    let root = book.path();
    ok(root, &["build", "--only", "html"]);
    let site = root.join("dist/html");
    for lang in ["en", "fa"] {
        let chapter = site.join(lang).join("the-terror-in-tehran.html");
        browser.resize(1200, 900);
        browser.open(&chapter);
        // The contents beside the text: left in English, right in Persian;
        // the current chapter marked.
        let facts = browser.eval(
            "const side = document.getElementById('sidebar').getBoundingClientRect();
             const main = document.getElementById('content').getBoundingClientRect();
             return { sideLeft: side.left, mainLeft: main.left,
                      current: document.querySelector('#sidebar a[aria-current]').getAttribute('href') };",
        );
        let (side, main) = (
            facts["sideLeft"].as_f64().unwrap(),
            facts["mainLeft"].as_f64().unwrap(),
        );
        if lang == "fa" {
            assert!(side > main, "fa: the sidebar is on the right: {facts}");
        } else {
            assert!(side < main, "en: the sidebar is on the left: {facts}");
        }
        assert_eq!(facts["current"], "the-terror-in-tehran.html");
        // The arrow toward the reading's end turns to the next chapter:
        // right in English, left in Persian.
        let next = if lang == "fa" { "\u{E012}" } else { "\u{E014}" };
        browser.press(next);
        browser.wait_for(
            "return location.pathname.endsWith('/military-tensions.html') ? true : null;",
        );
        let back = if lang == "fa" { "\u{E014}" } else { "\u{E012}" };
        browser.press(back);
        browser.wait_for(
            "return location.pathname.endsWith('/the-terror-in-tehran.html') ? true : null;",
        );
        // The theme toggle switches and is remembered on the next page.
        let background = "return getComputedStyle(document.body).backgroundColor;";
        let light = browser.eval(background);
        browser.eval("document.querySelector('.theme-toggle').click(); return null;");
        let dark = browser.eval(background);
        assert_ne!(light, dark, "{lang}: the theme changed");
        browser.open(&site.join(lang).join("index.html"));
        assert_eq!(browser.eval(background), dark, "{lang}: the choice is kept");
        assert_eq!(
            browser.eval(
                "return document.querySelector('.theme-toggle').getAttribute('aria-pressed');"
            ),
            "true"
        );
        browser.eval("document.querySelector('.theme-toggle').click(); return null;");
        // On a phone the contents are behind a button.
        browser.resize(375, 800);
        browser.open(&chapter);
        let hidden = "return getComputedStyle(document.getElementById('sidebar')).display;";
        assert_eq!(
            browser.eval(hidden),
            "none",
            "{lang}: phone: contents folded"
        );
        browser.eval("document.querySelector('.menu-toggle').click(); return null;");
        assert_eq!(
            browser.eval(hidden),
            "block",
            "{lang}: the button opens them"
        );
        browser.screenshot(&format!("{lang}-menu-375"));
        assert!(browser.console_errors().is_empty(), "{lang}");
    }
}

/// The contrast ratio of every text's colour with the background it is
/// drawn on, the lowest found, and where.
const LOWEST_CONTRAST: &str = "
const lum = c => { const v = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(x => x / 255)
  .map(x => x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4));
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
const opaque = c => { const m = c.match(/[\\d.]+/g); return m && (m.length < 4 || Number(m[3]) > 0); };
const background = el => { for (; el; el = el.parentElement) { const b = getComputedStyle(el).backgroundColor;
  if (opaque(b)) return b; } return 'rgb(255, 255, 255)'; };
let lowest = { ratio: 99, where: '' };
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const node = walker.currentNode; const el = node.parentElement;
  if (!node.nodeValue.trim() || !el.getClientRects().length) continue;
  const style = getComputedStyle(el);
  if (style.visibility === 'hidden' || el.closest('[hidden], .skip-link, .label')) continue;
  const a = lum(style.color), b = lum(background(el));
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  if (ratio < lowest.ratio) lowest = { ratio, where: el.tagName + '.' + el.className + ': ' + node.nodeValue.trim().slice(0, 40) };
}
return lowest;";

#[test]
fn every_page_fits_a_phone_and_keeps_its_contrast_in_both_themes() {
    let Some(browser) = Browser::start() else {
        return;
    };
    let book = fixture("kitchen-sink");
    let root = book.path();
    ok(root, &["build"]);
    let mut pages = html_files(&root.join("dist/html"));
    pages.push(root.join("dist/status.html"));
    for width in [320, 375] {
        browser.resize(width, 800);
        for page in &pages {
            browser.open(page);
            let widths =
                browser.eval("return [document.documentElement.scrollWidth, window.innerWidth];");
            let (scroll, inner) = (widths[0].as_f64().unwrap(), widths[1].as_f64().unwrap());
            assert!(
                scroll <= inner,
                "{}: scrolls sideways at {inner}px ({scroll}px wide)",
                page.display()
            );
        }
    }
    browser.resize(1200, 900);
    for theme in ["light", "dark"] {
        for page in &pages {
            browser.open(page);
            browser.eval(&format!(
                "document.documentElement.setAttribute('data-theme', '{theme}'); return null;"
            ));
            let lowest = browser.eval(LOWEST_CONTRAST);
            assert!(
                lowest["ratio"].as_f64().unwrap() >= 4.5,
                "{} ({theme}): contrast below WCAG AA: {lowest}",
                page.display()
            );
        }
    }
}

#[test]
fn a_page_served_by_serve_reloads_on_save_shows_a_broken_save_and_marks_segments() {
    let Some(browser) = Browser::start() else {
        return;
    };
    let book = fixture("small");
    let root = book.path();
    let server = serve(root, &[]);
    server.wait_for_page("/html/fa/first.html", |_| true);
    browser.open_url(&format!("http://{}/html/fa/first.html", server.addr));
    browser.wait_for("return document.readyState === 'complete' ? true : null");
    // The page is listening before the save.
    std::thread::sleep(Duration::from_millis(300));

    let po = root.join("locales/fa/first.po");
    translate(&po, "Hello, world.", "سلام، دنیا.");
    browser.wait_for("return document.body.textContent.includes('سلام، دنیا.') ? true : null");
    assert_eq!(
        browser.eval("return document.querySelector('[dir=rtl], html[dir=rtl]') !== null"),
        json!(true),
        "still the Persian page"
    );

    let mut text = std::fs::read_to_string(&po).unwrap();
    text.push_str("msgstr \"<script>alert(1)</script>\"\n");
    std::fs::write(&po, &text).unwrap();
    let banner = browser.wait_for(
        "const b = document.getElementById('tercuman-failure'); return b ? b.textContent : null",
    );
    let banner = banner.as_str().unwrap();
    assert!(banner.contains("locales/fa/first.po:"), "{banner}");
    assert_eq!(
        browser.eval("return document.querySelectorAll('#tercuman-failure script').length"),
        json!(0),
        "the message is text"
    );
    assert_eq!(
        browser.eval("return document.body.textContent.includes('سلام، دنیا.')"),
        json!(true),
        "the last good page stays"
    );

    // The marks: off until asked, then each segment shows its state.
    assert_eq!(
        browser.eval("return document.documentElement.classList.contains('tercuman-marks')"),
        json!(false)
    );
    browser.eval("document.getElementById('tercuman-marks-toggle').click(); return null");
    let marked = browser.eval(
        "const s = document.querySelector('.tercuman-segment[data-state~=translated]'); return [document.documentElement.classList.contains('tercuman-marks'), s.title, getComputedStyle(s).backgroundColor]",
    );
    assert_eq!(marked[0], json!(true), "{marked}");
    assert!(
        marked[1].as_str().unwrap().contains("locales/fa/first.po:"),
        "{marked}"
    );
    assert_ne!(
        marked[2],
        json!("rgba(0, 0, 0, 0)"),
        "a translated segment is tinted: {marked}"
    );
    browser.eval("document.querySelector('.tercuman-segment').click(); return null");
    let card = browser.wait_for(
        "const c = document.getElementById('tercuman-segment-card'); return c ? c.textContent : null",
    );
    assert!(
        card.as_str().unwrap().contains("locales/fa/first.po"),
        "{card}"
    );
    browser.screenshot("serve-fa-marks");
    // A word double-clicked on the proof page leads to how it was
    // translated before.
    browser.open_url(&format!("http://{}/html/fa/proof/first.html", server.addr));
    browser.wait_for("return document.readyState === 'complete' ? true : null");
    browser.eval(
        "const cell = [...document.querySelectorAll('td')].find(td => td.textContent.includes('Hello'));
         const text = [...cell.childNodes].find(n => n.nodeType === 3 && n.textContent.includes('Hello'));
         const at = text.textContent.indexOf('Hello');
         const range = document.createRange();
         range.setStart(text, at); range.setEnd(text, at + 5);
         getSelection().removeAllRanges(); getSelection().addRange(range);
         cell.dispatchEvent(new MouseEvent('dblclick', {bubbles: true}));
         return null",
    );
    let href = browser.wait_for(
        "const a = document.querySelector('#tercuman-lookup a'); return a ? a.getAttribute('href') : null",
    );
    assert_eq!(href, json!("/__tercuman/concordance?q=Hello&locale=fa"));
    browser.eval("document.querySelector('#tercuman-lookup a').click(); return null");
    let found = browser.wait_for(
        "return location.pathname === '/__tercuman/concordance' && document.querySelector('.found') ? document.querySelector('.found').textContent : null",
    );
    assert!(found.as_str().unwrap().contains("سلام، دنیا."), "{found}");
    let errors = browser.console_errors();
    assert!(errors.is_empty(), "{errors:?}");
}
