//! `serve`'s preview server: the HTML editions of a folder under `dist/`,
//! on a local address, with a live-reload channel (server-sent events).
//!
//! Safe by default: only files inside the served folder are answered (a
//! path with `..`, an encoded one, or a symbolic link leading out is
//! refused), only `GET` and `HEAD`, bounded request lines and a bounded
//! number of requests at once. HTML pages get one script tag added as they
//! are sent; the files on disk are the build's, with no reload script.

use std::io::{Read, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub mod concordance;

/// Where the preview's own files are served; no edition uses this folder.
pub const OWN_PREFIX: &str = "/__tercuman/";
const LIVE_JS: &str = include_str!("live.js");
const LIVE_CSS: &str = include_str!("live.css");
/// Longest request target answered (a browser's longest is about 2 kB).
const MAX_TARGET: usize = 4096;
/// Requests handled at once; more wait for none and get a 503.
const MAX_IN_FLIGHT: usize = 64;
/// How often an idle event stream is pinged, to notice closed tabs.
const PING: Duration = Duration::from_secs(15);

/// Why a request path is not answered with a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// No such file in the served folder (404).
    NotFound,
    /// A path that tries to leave the served folder (403).
    Outside,
}

/// The file a request target names inside `root` (already canonical): the
/// percent-decoded path, a folder's `index.html`. Refuses `..`, `\`, NUL
/// and anything whose real path (after symbolic links) is outside `root`.
pub fn resolve(root: &Path, target: &str) -> Result<PathBuf, Refusal> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path).ok_or(Refusal::Outside)?;
    if !decoded.starts_with('/') || decoded.contains(['\\', '\0']) {
        return Err(Refusal::Outside);
    }
    let mut file = root.to_path_buf();
    for part in decoded.split('/').filter(|p| !p.is_empty() && *p != ".") {
        if part == ".." || part.contains(':') {
            return Err(Refusal::Outside);
        }
        file.push(part);
    }
    if file.is_dir() {
        file.push("index.html");
    }
    let real = file.canonicalize().map_err(|_| Refusal::NotFound)?;
    if !real.starts_with(root) {
        return Err(Refusal::Outside);
    }
    if !real.is_file() {
        return Err(Refusal::NotFound);
    }
    Ok(real)
}

/// `%XX` decoded; `None` for a malformed escape or text that is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// What the pages were last told: a new build, or an error to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum News {
    /// The pages changed: these files (relative to the served folder), or
    /// every page when the list is empty. A page reloads if it is one of them.
    Rebuilt(Vec<String>),
    /// The last change could not be built; the pages served are the last
    /// good ones. The message names the file and line.
    Failed(String),
}

impl News {
    /// As a server-sent event.
    fn event(&self) -> String {
        match self {
            News::Rebuilt(files) => {
                let data: String = files.iter().map(|f| format!("data: /{f}\n")).collect();
                let data = if data.is_empty() {
                    "data: \n".to_string()
                } else {
                    data
                };
                format!("event: reload\n{data}\n")
            }
            News::Failed(message) => {
                let data: String = message.lines().map(|l| format!("data: {l}\n")).collect();
                format!("event: failure\n{data}\n")
            }
        }
    }
}

/// The open event streams, and the error standing now (shown to a page
/// that connects after it was reported).
#[derive(Default)]
pub struct Hub {
    inner: Mutex<HubState>,
}

#[derive(Default)]
struct HubState {
    streams: Vec<Sender<String>>,
    failure: Option<String>,
    closed: bool,
}

impl Hub {
    /// Tells every open page.
    pub fn tell(&self, news: &News) {
        let mut state = self.inner.lock().expect("hub lock");
        state.failure = match news {
            News::Failed(message) => Some(message.clone()),
            News::Rebuilt(_) => None,
        };
        let event = news.event();
        state.streams.retain(|s| s.send(event.clone()).is_ok());
    }

    /// How many pages are listening.
    pub fn listeners(&self) -> usize {
        self.inner.lock().expect("hub lock").streams.len()
    }

    /// Ends every stream (at shutdown).
    fn close(&self) {
        let mut state = self.inner.lock().expect("hub lock");
        state.closed = true;
        state.streams.clear();
    }

    /// A new stream: its receiver, and the failure standing, if any.
    fn subscribe(&self) -> Option<(Receiver<String>, Option<String>)> {
        let mut state = self.inner.lock().expect("hub lock");
        if state.closed {
            return None;
        }
        let (tx, rx) = mpsc::channel();
        state.streams.push(tx);
        Some((rx, state.failure.clone()))
    }
}

/// Answers `/__tercuman/concordance?q=…` (the whole request target):
/// the page, or why there is none.
pub type Lookup = Arc<dyn Fn(&str) -> Result<String, String> + Send + Sync>;

/// A running preview server.
pub struct Server {
    http: Arc<tiny_http::Server>,
    hub: Arc<Hub>,
    accept: Option<std::thread::JoinHandle<()>>,
    pub addr: SocketAddr,
}

impl Server {
    /// Listens on `addr` (port 0: any free port) and serves `root`, with
    /// `lookup` answering concordance queries.
    pub fn start(
        addr: SocketAddr,
        root: &Path,
        hub: Arc<Hub>,
        lookup: Lookup,
    ) -> std::io::Result<Server> {
        std::fs::create_dir_all(root)?;
        let root = root.canonicalize()?;
        let http = tiny_http::Server::http(addr).map_err(std::io::Error::other)?;
        let addr = http
            .server_addr()
            .to_ip()
            .ok_or_else(|| std::io::Error::other("not an IP address"))?;
        let http = Arc::new(http);
        let accept = {
            let (http, hub) = (Arc::clone(&http), Arc::clone(&hub));
            std::thread::spawn(move || accept(&http, addr, &root, &hub, &lookup))
        };
        Ok(Server {
            http,
            hub,
            accept: Some(accept),
            addr,
        })
    }

    /// Stops listening and ends every open stream.
    pub fn stop(mut self) {
        self.shut();
    }

    fn shut(&mut self) {
        self.hub.close();
        self.http.unblock();
        if let Some(accept) = self.accept.take() {
            let _ = accept.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shut();
    }
}

/// Takes requests until the server is unblocked; each on its own thread,
/// at most [`MAX_IN_FLIGHT`] at once.
fn accept(
    http: &tiny_http::Server,
    addr: SocketAddr,
    root: &Path,
    hub: &Arc<Hub>,
    lookup: &Lookup,
) {
    let in_flight = Arc::new(AtomicUsize::new(0));
    for request in http.incoming_requests() {
        if in_flight.load(Ordering::SeqCst) >= MAX_IN_FLIGHT {
            let _ = request.respond(plain(503, "busy"));
            continue;
        }
        in_flight.fetch_add(1, Ordering::SeqCst);
        let (root, hub, in_flight) = (root.to_path_buf(), Arc::clone(hub), Arc::clone(&in_flight));
        let lookup = Arc::clone(lookup);
        std::thread::spawn(move || {
            answer(request, addr, &root, &hub, &lookup);
            in_flight.fetch_sub(1, Ordering::SeqCst);
        });
    }
}

/// Whether the request names this server as its host. On a loopback
/// address only `127.0.0.1`, `localhost` or `[::1]` with the port are
/// answered, so a web page elsewhere cannot read the preview through a
/// name of its own that resolves here (DNS rebinding); a server bound to
/// another address (`--bind`) was opened on purpose and answers any name.
fn host_allowed(request: &tiny_http::Request, addr: SocketAddr) -> bool {
    if !addr.ip().is_loopback() {
        return true;
    }
    let host = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_ascii_lowercase());
    let port = addr.port();
    host.is_some_and(|host| {
        [
            format!("127.0.0.1:{port}"),
            format!("localhost:{port}"),
            format!("[::1]:{port}"),
        ]
        .contains(&host)
    })
}

fn plain(status: u16, text: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    tiny_http::Response::from_string(text)
        .with_status_code(status)
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

/// Answers one request: the preview's own files, the event stream, or a
/// file of the served folder.
fn answer(request: tiny_http::Request, addr: SocketAddr, root: &Path, hub: &Hub, lookup: &Lookup) {
    let method = request.method().clone();
    if !matches!(method, tiny_http::Method::Get | tiny_http::Method::Head) {
        let _ = request
            .respond(plain(405, "only GET and HEAD").with_header(header("Allow", "GET, HEAD")));
        return;
    }
    if !host_allowed(&request, addr) {
        let _ = request.respond(plain(421, "this server answers only to its own address"));
        return;
    }
    let target = request.url().to_string();
    if target.len() > MAX_TARGET {
        let _ = request.respond(plain(414, "request target too long"));
        return;
    }
    let own = target.split('?').next().unwrap_or("");
    let response = match own {
        "/__tercuman/events" => return stream_events(request, hub),
        "/__tercuman/live.js" => bytes(
            LIVE_JS.as_bytes().to_vec(),
            "text/javascript; charset=utf-8",
        ),
        "/__tercuman/live.css" => bytes(LIVE_CSS.as_bytes().to_vec(), "text/css; charset=utf-8"),
        "/__tercuman/concordance" => match lookup(&target) {
            Ok(page) => file_response(Path::new("concordance.html"), page.into_bytes()),
            Err(why) => plain(500, &why),
        },
        _ if own.starts_with(OWN_PREFIX) => plain(404, "not found"),
        // Browsers ask for it on their own; the editions have none.
        "/favicon.ico" if !root.join("favicon.ico").exists() => plain(204, ""),
        // `dist/preview/` holds the dashboard and the editions' folder.
        "/" if !root.join("index.html").exists() => {
            plain(302, "see /html/").with_header(header("Location", "/html/"))
        }
        _ => match resolve(root, &target) {
            Ok(file) => match std::fs::read(&file) {
                Ok(body) => file_response(&file, body),
                Err(_) => plain(404, "not found"),
            },
            Err(Refusal::NotFound) => plain(404, "not found"),
            Err(Refusal::Outside) => plain(403, "outside the served folder"),
        },
    };
    let _ = request.respond(response.with_header(header("Cache-Control", "no-store")));
}

fn bytes(body: Vec<u8>, content_type: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    tiny_http::Response::from_data(body).with_header(header("Content-Type", content_type))
}

/// A file of the edition; an HTML page gets the preview's script and style.
fn file_response(file: &Path, body: Vec<u8>) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
    let content_type = match ext {
        "html" => "text/html; charset=utf-8",
        "xhtml" => "application/xhtml+xml; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "epub" => "application/epub+zip",
        "json" => "application/json",
        _ => "application/octet-stream",
    };
    let body = if ext == "html" {
        with_live_script(body)
    } else {
        body
    };
    bytes(body, content_type)
}

/// The page with the preview's style and script at the end of its head.
fn with_live_script(page: Vec<u8>) -> Vec<u8> {
    const TAGS: &str = "<link rel=\"stylesheet\" href=\"/__tercuman/live.css\" />\n<script src=\"/__tercuman/live.js\" defer=\"defer\"></script>\n";
    let Ok(text) = String::from_utf8(page.clone()) else {
        return page;
    };
    match text.find("</head>") {
        Some(at) => format!("{}{TAGS}{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{TAGS}{text}").into_bytes(),
    }
}

/// Holds the connection open and writes each piece of news as it comes,
/// with a ping now and then; ends when the page goes or the server stops.
fn stream_events(request: tiny_http::Request, hub: &Hub) {
    let Some((news, failure)) = hub.subscribe() else {
        let _ = request.respond(plain(503, "stopping"));
        return;
    };
    let mut out = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\nretry: 500\n\n";
    if out.write_all(head.as_bytes()).is_err() {
        return;
    }
    let first = failure.map(|m| News::Failed(m).event()).unwrap_or_default();
    if out
        .write_all(first.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        return;
    }
    loop {
        let event = match news.recv_timeout(PING) {
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) => ": ping\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if out
            .write_all(event.as_bytes())
            .and_then(|()| out.flush())
            .is_err()
        {
            return;
        }
    }
}

/// Reads a whole HTTP/1.0 response from `addr` for `target` (for tests and
/// the CLI's check that a port answers): status code and body.
pub fn get(addr: SocketAddr, target: &str) -> std::io::Result<(u16, String)> {
    let mut stream = std::net::TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(stream, "GET {target} HTTP/1.0\r\nHost: {addr}\r\n\r\n")?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    Ok((status, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_inside_the_folder_are_resolved() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("fa")).unwrap();
        std::fs::write(root.join("index.html"), "home").unwrap();
        std::fs::write(root.join("fa/intro.html"), "page").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("link.txt")).unwrap();
        let root = root.canonicalize().unwrap();

        assert_eq!(resolve(&root, "/"), Ok(root.join("index.html")));
        assert_eq!(
            resolve(&root, "/fa/intro.html?highlight=x#top"),
            Ok(root.join("fa/intro.html"))
        );
        assert_eq!(
            resolve(&root, "/f%61/intro.html"),
            Ok(root.join("fa/intro.html"))
        );
        for outside in [
            "/../secret.txt",
            "/fa/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/..%5csecret.txt",
            "/fa/%00",
            "/%zz",
            "/C:/secret.txt",
            "relative",
            #[cfg(unix)]
            "/link.txt",
        ] {
            assert_eq!(resolve(&root, outside), Err(Refusal::Outside), "{outside}");
        }
        assert_eq!(resolve(&root, "/missing.html"), Err(Refusal::NotFound));
    }

    #[test]
    fn a_page_gets_the_live_script_in_its_head() {
        let page =
            with_live_script(b"<html><head><title>t</title></head><body></body></html>".to_vec());
        let page = String::from_utf8(page).unwrap();
        assert!(
            page.contains("<script src=\"/__tercuman/live.js\" defer=\"defer\"></script>\n</head>"),
            "{page}"
        );
    }

    #[test]
    fn a_failure_is_one_event_however_many_lines_it_has() {
        let event = News::Failed("locales/fa/a.po:3: bad\nhint: fix it".into()).event();
        assert_eq!(
            event,
            "event: failure\ndata: locales/fa/a.po:3: bad\ndata: hint: fix it\n\n"
        );
    }
}
