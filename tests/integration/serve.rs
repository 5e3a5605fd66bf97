//! `tercuman serve`: a translator saves a PO file and sees the page change;
//! a broken save shows its file and line and keeps the last good page; the
//! server answers nothing outside `dist/preview/`, and one book has one
//! server.

use std::io::{Read, Write};

use crate::support::*;

const PAGE: &str = "/html/tr/first.html";

#[test]
fn a_saved_translation_shows_in_the_served_page_and_a_broken_save_keeps_the_last_good_one() {
    let book = fixture("small");
    let root = book.path();
    let mut server = serve(root, &[]);
    let first = server.wait_for_page(PAGE, |page| page.contains("Hello, world."));
    assert!(
        first.contains("/__tercuman/live.js"),
        "pages are served with the reload script"
    );

    let po = root.join("locales/tr/first.po");
    translate(&po, "Hello, world.", "Merhaba, dünya.");
    let page = server.wait_for_page(PAGE, |page| page.contains("Merhaba, dünya."));
    assert!(
        page.contains("data-state=\"translated\" data-po=\"locales/tr/first.po:"),
        "each segment is marked with its state and PO line: {page}"
    );
    let translated = locale_status(root, "tr")["segments"]["translated"].clone();

    // A page listening for news, then a save that cannot be read.
    let mut events = std::net::TcpStream::connect(server.addr).unwrap();
    events
        .set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .unwrap();
    write!(
        events,
        "GET /__tercuman/events HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.addr
    )
    .unwrap();
    let mut text = std::fs::read_to_string(&po).unwrap();
    text.push_str("msgstr \"a second msgstr\"\n");
    let broken_line = text.lines().count();
    std::fs::write(&po, &text).unwrap();
    let mut heard = String::new();
    let mut buf = [0u8; 4096];
    while !heard.contains("event: failure") || !heard.ends_with("\n\n") {
        let n = events.read(&mut buf).expect("news of the failure");
        assert!(n > 0, "the stream closed: {heard}");
        heard.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    assert!(
        heard.contains(&format!("locales/tr/first.po:{broken_line}")),
        "the failure names the file and line: {heard}"
    );
    let (status, page) = server.get(PAGE);
    assert_eq!(status, 200);
    assert!(page.contains("Merhaba, dünya."), "the last good page stays");
    assert_eq!(
        locale_status(root, "tr")["segments"]["translated"],
        translated,
        "nothing in the memory changed"
    );

    // Fixed again: the page follows.
    let fixed = text.replace("msgstr \"a second msgstr\"\n", "");
    let fixed = fixed.replace("Merhaba, dünya.", "Selam, dünya.");
    std::fs::write(&po, fixed).unwrap();
    server.wait_for_page(PAGE, |page| page.contains("Selam, dünya."));

    assert!(server.interrupt().success(), "{:?}", server.printed);
    assert!(
        server.printed.iter().any(|l| l == "stopped"),
        "{:?}",
        server.printed
    );

    // `build` publishes none of it.
    ok(root, &["build", "--only", "html"]);
    let published = std::fs::read_to_string(root.join("dist/html/tr/first.html")).unwrap();
    assert!(published.contains("Selam, dünya."));
    assert!(!published.contains("tercuman-segment") && !published.contains("__tercuman"));
}

#[test]
fn the_server_refuses_everything_outside_the_preview() {
    let book = fixture("small");
    let root = book.path();
    let server = serve(root, &[]);
    server.wait_for_page(PAGE, |_| true);
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        root.join("source/book.toml"),
        root.join("dist/preview/html/leak.txt"),
    )
    .unwrap();
    for target in [
        "/../source/book.toml",
        "/html/../../source/book.toml",
        "/%2e%2e/source/book.toml",
        "/html/%2E%2E%2F%2E%2E%2Fsource%2Fbook.toml",
        "/html/..%5c..%5csource%5cbook.toml",
        "/html/%00",
        #[cfg(unix)]
        "/html/leak.txt",
    ] {
        let (status, body) = server.get(target);
        assert!(status == 403 || status == 404, "{target}: {status} {body}");
        assert!(
            !body.contains("[book]") && !body.contains("title"),
            "{target}: {body}"
        );
    }
    assert_eq!(server.get("/html/missing.html").0, 404);
    assert_eq!(server.get("/").0, 302, "the root leads to the editions");
    assert_eq!(server.get(&format!("/{}", "a".repeat(5000))).0, 414);

    // A page elsewhere whose name resolves here (DNS rebinding) is refused.
    let mut rebound = std::net::TcpStream::connect(server.addr).unwrap();
    write!(
        rebound,
        "GET {PAGE} HTTP/1.0\r\nHost: evil.example:{}\r\n\r\n",
        server.addr.port()
    )
    .unwrap();
    let mut answer = String::new();
    rebound.read_to_string(&mut answer).unwrap();
    assert!(answer.split_whitespace().nth(1) == Some("421"), "{answer}");
    let mut post = std::net::TcpStream::connect(server.addr).unwrap();
    write!(post, "POST {PAGE} HTTP/1.0\r\nContent-Length: 0\r\n\r\n").unwrap();
    let mut answer = String::new();
    post.read_to_string(&mut answer).unwrap();
    assert!(
        answer.starts_with("HTTP/1.0 405") || answer.starts_with("HTTP/1.1 405"),
        "{answer}"
    );
}

#[test]
fn a_second_server_on_the_same_book_is_told_where_the_first_one_is() {
    let book = fixture("small");
    let root = book.path();
    let mut server = serve(root, &["--locale", "tr"]);
    let out = tercuman(root, &["serve", "--port", "0"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "already serving this book at http://{}/html/",
            server.addr
        )),
        "{stderr}"
    );
    // `--locale tr` previews the source and Turkish only.
    server.wait_for_page(PAGE, |_| true);
    assert_eq!(server.get("/html/fa/first.html").0, 404);
    assert!(server.interrupt().success());
    // Once stopped, the book can be served again.
    let mut again = serve(root, &[]);
    assert!(again.interrupt().success());
}

#[test]
fn another_address_than_this_machine_is_served_only_when_asked_with_a_warning() {
    let book = fixture("small");
    let root = book.path();
    let mut server = serve(root, &[]);
    assert!(server.addr.ip().is_loopback(), "{}", server.addr);
    assert!(server.interrupt().success());
    let mut wide = serve(root, &["--bind", "0.0.0.0"]);
    let warned = |l: &str| l.contains("warning") && l.contains("0.0.0.0");
    if !wide.printed.iter().any(|l| warned(l)) {
        wide.wait_for_line(warned);
    }
    assert!(wide.interrupt().success());
}

#[test]
fn a_word_looked_up_in_the_preview_shows_how_it_was_translated_before() {
    let book = fixture("small");
    let root = book.path();
    ok(root, &["sync"]);
    let po = root.join("locales/tr/first.po");
    translate(
        &po,
        "Hello, world.",
        "Merhaba, <script>alert(1)</script> dünya.",
    );
    let server = serve(root, &[]);
    // A check withholds that translation from the page; the memory has it.
    server.wait_for_page(PAGE, |_| true);
    let (status, page) = server.get("/__tercuman/concordance?q=hello&locale=tr");
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("<mark>Hello</mark>, world."), "{page}");
    assert!(
        page.contains("Merhaba, &lt;script&gt;alert(1)&lt;/script&gt; dünya."),
        "a translation is text on the page: {page}"
    );
    assert!(
        page.contains("/__tercuman/live.js"),
        "the page is a preview page too"
    );
    let (_, nothing) = server.get("/__tercuman/concordance?q=zzyzx");
    assert!(
        nothing.contains("No segment holds these words."),
        "{nothing}"
    );
}

/// An open page's event stream.
fn listen(server: &Serving) -> std::net::TcpStream {
    let mut events = std::net::TcpStream::connect(server.addr).unwrap();
    events
        .set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .unwrap();
    write!(
        events,
        "GET /__tercuman/events HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.addr
    )
    .unwrap();
    events
}

/// The data of the next `reload` event: the files it names.
fn next_reload(events: &mut std::net::TcpStream, heard: &mut String) -> Vec<String> {
    let mut buf = [0u8; 4096];
    loop {
        if let Some(start) = heard.find("event: reload\n") {
            if let Some(end) = heard[start..].find("\n\n") {
                let event = heard[start..start + end].to_string();
                heard.replace_range(..start + end + 2, "");
                return event
                    .lines()
                    .filter_map(|l| l.strip_prefix("data: "))
                    .filter(|f| !f.is_empty())
                    .map(str::to_string)
                    .collect();
            }
        }
        let n = events.read(&mut buf).expect("a reload event");
        assert!(n > 0, "the stream closed: {heard}");
        heard.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
}

#[test]
fn a_saved_po_file_shows_its_chapter_first_and_the_preview_stays_what_a_fresh_start_serves() {
    let book = fixture("small");
    let root = book.path();
    let mut server = serve(root, &[]);
    let preview = root.join("dist/preview");
    let other_chapter = preview.join("html/fa/second.html");
    let untouched = std::fs::metadata(&other_chapter)
        .unwrap()
        .modified()
        .unwrap();
    let mut events = listen(&server);
    let mut heard = String::new();
    std::thread::sleep(std::time::Duration::from_millis(200));

    translate(
        &root.join("locales/fa/first.po"),
        "Hello, world.",
        "سلام، دنیا.",
    );
    let first = next_reload(&mut events, &mut heard);
    assert_eq!(
        first,
        ["/html/fa/proof/first.html", "/html/fa/first.html"].map(String::from),
        "the edited chapter's pages come first"
    );
    server.wait_for_line(|l| l.starts_with("rebuilt in"));
    let (_, page) = server.get("/html/fa/first.html");
    assert!(page.contains("سلام، دنیا."));
    assert_eq!(
        std::fs::metadata(&other_chapter)
            .unwrap()
            .modified()
            .unwrap(),
        untouched,
        "another chapter's page is not written again"
    );

    // A chapter title, which every page of the edition lists, and then a
    // Fluent file, which every page's chrome comes from.
    translate(
        &root.join("locales/tr/second.po"),
        "Second Chapter",
        "İkinci Bölüm",
    );
    server.wait_for_line(|l| l.starts_with("rebuilt in"));
    let (_, page) = server.get("/html/tr/first.html");
    assert!(
        page.contains("İkinci Bölüm"),
        "the other pages follow: {page}"
    );
    let ftl = root.join("locales/tr/book.ftl");
    let chrome = std::fs::read_to_string(&ftl).unwrap_or_default();
    std::fs::write(&ftl, format!("{chrome}\nprint-book = Kitabın tamamı\n")).unwrap();
    server.wait_for_line(|l| l.starts_with("rebuilt in"));
    translate(&root.join("locales/fa/second.po"), "Baku", "باکو");
    server.wait_for_line(|l| l.starts_with("rebuilt in"));
    // The author's English, then one more translation.
    let chapter = root.join("source/second.md");
    let english = std::fs::read_to_string(&chapter).unwrap();
    std::fs::write(&chapter, english.replace("Yes. Yes.", "Yes. Yes. No.")).unwrap();
    server.wait_for_line(|l| l.starts_with("rebuilt in"));
    translate(&root.join("locales/fa/second.po"), "No.", "نه.");
    server.wait_for_line(|l| l.starts_with("rebuilt in"));
    assert!(server.interrupt().success());
    let served = snapshot(&preview);

    // The same book served from nothing.
    std::fs::remove_dir_all(&preview).unwrap();
    for stamp in std::fs::read_dir(root.join("tm")).unwrap().flatten() {
        if stamp
            .file_name()
            .to_string_lossy()
            .starts_with(".build-stamp-")
        {
            std::fs::remove_file(stamp.path()).unwrap();
        }
    }
    let mut fresh = serve(root, &[]);
    assert!(fresh.interrupt().success());
    let fresh = snapshot(&preview);
    let names = |files: &[(std::path::PathBuf, Vec<u8>)]| -> Vec<std::path::PathBuf> {
        files.iter().map(|(p, _)| p.clone()).collect()
    };
    assert_eq!(names(&served), names(&fresh));
    for ((path, kept), (_, made)) in served.iter().zip(&fresh) {
        assert!(
            kept == made,
            "{} differs from a fresh start's:\n{}\n---\n{}",
            path.display(),
            String::from_utf8_lossy(kept),
            String::from_utf8_lossy(made)
        );
    }
}
