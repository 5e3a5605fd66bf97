//! Micro-benchmarks of the pipeline's stages on the shipped book's text,
//! repeated to about PIPELINE_WORDS words (default 1,000,000): sentence
//! segmentation, PO writing and PO parsing. Each stage is timed as the
//! median of several runs beside a baseline measured in the same run
//! (pulldown-cmark's event stream alone; splitting the PO text into lines),
//! so the ratios hold on any machine. `cargo bench --bench pipeline`.

use std::time::{Duration, Instant};

use tercuman::formats::po;
use tercuman::source::{markdown_options, segment_chapter};

const RUNS: usize = 7;

fn median(mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn main() {
    let target: usize = std::env::var("PIPELINE_WORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("source");
    let mut chapters: Vec<_> = std::fs::read_dir(&source)
        .expect("source/")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    chapters.sort();
    let book: String = chapters
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("a chapter"))
        .collect::<Vec<_>>()
        .join("\n\n");
    let book_words = book.split_whitespace().count();
    let copies = target.div_ceil(book_words).max(1);
    let text = vec![book.as_str(); copies].join("\n\n");
    let words = text.split_whitespace().count();
    let mb = text.len() as f64 / 1e6;
    println!(
        "input: the shipped book ×{copies} = {words} words, {mb:.1} MB; median of {RUNS} runs\n"
    );

    let baseline_md = median(|| {
        let n = pulldown_cmark::Parser::new_ext(&text, markdown_options()).count();
        std::hint::black_box(n);
    });
    let mut doc = None;
    let segmentation = median(|| doc = Some(segment_chapter("bench", &text)));
    let doc = doc.expect("ran");
    let segments: Vec<_> = doc.segments().collect();

    let catalog = po::Catalog {
        header_comments: vec!["Benchmark".into()],
        header: "Content-Type: text/plain; charset=UTF-8\n".into(),
        entries: segments
            .iter()
            .map(|s| po::Entry {
                references: vec![format!("source/bench.md:{}", s.line)],
                msgctxt: Some(s.id.clone()),
                msgid: s.text.clone(),
                msgstr: format!("[tr] {}", s.text),
                ..po::Entry::default()
            })
            .collect(),
        byte_order_mark: false,
    };
    let mut written = String::new();
    let write = median(|| written = po::write(&catalog));
    let baseline_po = median(|| {
        std::hint::black_box(written.lines().count());
    });
    let path = std::path::Path::new("bench.po");
    let parse = median(|| {
        std::hint::black_box(po::parse(&written, path).expect("parses"));
    });
    let po_mb = written.len() as f64 / 1e6;

    let rate = |d: Duration, mb: f64| mb / d.as_secs_f64();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!("| stage | median ms | MB/s | ÷ baseline |");
    println!("| --- | ---: | ---: | ---: |");
    println!(
        "| baseline: pulldown-cmark events of the Markdown | {:.1} | {:.0} | 1.00 |",
        ms(baseline_md),
        rate(baseline_md, mb)
    );
    println!(
        "| segmentation into {} sentence segments | {:.1} | {:.0} | {:.2} |",
        segments.len(),
        ms(segmentation),
        rate(segmentation, mb),
        segmentation.as_secs_f64() / baseline_md.as_secs_f64()
    );
    println!(
        "| baseline: lines of the PO text ({po_mb:.1} MB) | {:.1} | {:.0} | 1.00 |",
        ms(baseline_po),
        rate(baseline_po, po_mb)
    );
    println!(
        "| PO write | {:.1} | {:.0} | {:.2} |",
        ms(write),
        rate(write, po_mb),
        write.as_secs_f64() / baseline_po.as_secs_f64()
    );
    println!(
        "| PO parse | {:.1} | {:.0} | {:.2} |",
        ms(parse),
        rate(parse, po_mb),
        parse.as_secs_f64() / baseline_po.as_secs_f64()
    );
}
