//! `tercuman tm …`: the memory's history, search, TMX exchange and rebuild.

use std::path::{Path, PathBuf};

use anyhow::Context;
use tercuman::formats::tmx;

use crate::cli::TmCommand;
use crate::t;
use crate::ui::{self, progress::Progress};

use tercuman::tm::exchange::{export_tmx, import_tmx};
use tercuman::tm::matching::MatchIndex;
use tercuman::tm::Memory;

/// `tm log SEGMENT [--locale L]`: every revision of a segment's translations.
pub fn log(root: &Path, segment: &str, locale: Option<&str>) -> anyhow::Result<()> {
    let (project, memory) = super::open_read_only(root)?;
    let locales = super::locale_arg(&project, locale)?;
    let segments = memory.segments()?;
    let seg = segments
        .get(segment)
        .with_context(|| t!("error-no-segment", "segment" => segment))?;
    let place = if seg.position.is_some() {
        String::new()
    } else {
        t!("tm-no-longer-in-source")
    };
    crate::outln!("{} ({}:{}{place})", seg.id, seg.file, seg.line);
    crate::outln!("  {}: {}", project.book.source_language, seg.source);
    let code = locales.first().map(|l| l.to_string());
    for r in memory.history(segment, code.as_deref())? {
        let matched = match (&r.score, &r.from) {
            (Some(score), Some(from)) => format!(
                " {}",
                t!("log-matched", "score" => *score, "from" => from.as_str())
            ),
            (None, Some(from)) => format!(" {}", t!("log-from", "from" => from.as_str())),
            _ => String::new(),
        };
        let by = match (&r.author, &r.note) {
            (Some(by), Some(note)) => format!(" [{by}: {note}]"),
            (Some(by), None) => format!(" [{by}]"),
            (None, Some(note)) => format!(" [{note}]"),
            (None, None) => String::new(),
        };
        let matched = matched + &by;
        crate::outln!(
            "  {}  {}  {:<13} {:<12} {}{matched}",
            r.created,
            r.locale,
            r.origin,
            t!("revision-status", "status" => r.status.as_str()),
            if r.text.is_empty() {
                t!("log-empty")
            } else {
                r.text.clone()
            }
        );
    }
    Ok(())
}

/// `tm search TEXT`: the closest English segments and their translations.
pub fn search(
    root: &Path,
    text: &str,
    locale: Option<&str>,
    min: u32,
    limit: usize,
) -> anyhow::Result<()> {
    let (project, memory) = super::open_read_only(root)?;
    let locales = match super::locale_arg(&project, locale)? {
        l if l.is_empty() => project.book.locales.clone(),
        l => l,
    };
    let segments = memory.segments()?;
    let mut ids: Vec<&String> = segments.keys().collect();
    ids.sort();
    let mut index = MatchIndex::new(&project.book.source_language.to_string());
    let texts: Vec<&str> = ids.iter().map(|id| segments[*id].source.as_str()).collect();
    index.add_all(&texts);
    let mut translations = Vec::new();
    for lang in &locales {
        translations.push((lang.to_string(), memory.translations(&lang.to_string())?));
    }
    let matches = index.top(text, min, limit);
    if matches.is_empty() {
        crate::outln!("{}", t!("tm-search-none", "min" => min));
    }
    for m in matches {
        let seg = &segments[ids[m.unit]];
        crate::outln!(
            "{:>3}% [{}] {}  {}",
            m.score.percent,
            match m.score.band {
                tercuman::tm::matching::Band::Context => t!("band-context"),
                band => band.label().to_string(),
            },
            seg.id,
            seg.source
        );
        for (code, t) in &translations {
            if let Some(t) = t.get(&seg.id).filter(|t| !t.text.is_empty()) {
                crate::outln!(
                    "      {code} ({}): {}",
                    t!("revision-status", "status" => t.status.as_str()),
                    t.text
                );
            }
        }
    }
    Ok(())
}

/// `tm export --tmx FILE [--locale L]`.
pub fn export(root: &Path, file: &Path, locale: Option<&str>, plain: bool) -> anyhow::Result<()> {
    let (project, memory) = super::open_read_only(root)?;
    let locales = super::locale_arg(&project, locale)?;
    let text = export_tmx(&memory, &project, &locales, !plain)?;
    tercuman::error::write_if_changed(file, text.as_bytes())?;
    ui::note(&t!("wrote-file", "path" => file.display().to_string()));
    Ok(())
}

/// `tm import FILE`: fills untranslated segments, keeps the rest as history.
pub fn import(root: &Path, file: &Path) -> anyhow::Result<()> {
    import_text(root, file, &tercuman::error::read_utf8(file)?)
}

/// `tm import` of a file already read (`import` tells TMX from XLIFF).
pub fn import_text(root: &Path, file: &Path, text: &str) -> anyhow::Result<()> {
    let (project, mut memory, _lock) = super::open(root)?;
    let doc = tmx::parse(text, file)?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let report = {
        let _progress = Progress::spinner(t!("progress-import"));
        import_tmx(&mut memory, &project, &doc, &name, tercuman::date::now())?
    };
    ui::note(&t!(
        "tmx-import-report",
        "filled" => report.filled,
        "history" => report.kept_as_history,
        "stored" => report.stored,
        "skipped" => report.skipped
    ));
    ui::hint(&t!("tmx-import-hint"));
    Ok(())
}

/// `tm rebuild`: set the current index aside (never deleted) and rebuild it
/// from the journal, `source/` and the segment files.
pub fn rebuild(root: &Path) -> anyhow::Result<()> {
    let project = super::load(root)?;
    let _lock = project.lock()?;
    let path = project.tm_path();
    if path.exists() {
        let aside = free_name(&path);
        std::fs::rename(&path, &aside)
            .with_context(|| format!("failed to move `{}` aside", path.display()))?;
        ui::note(&t!("tm-rebuild-moved", "path" => project.display_path(&aside)));
    }
    let mut memory = Memory::open(&path)?;
    let report = super::sync::sync_now(&project, &mut memory)?;
    super::sync::print_report(&report);
    Ok(())
}

/// `memory.sqlite.bak`, or `.bak-2`, `.bak-3`… if taken.
fn free_name(path: &Path) -> PathBuf {
    let base = path.with_extension("sqlite.bak");
    let mut candidate = base.clone();
    let mut n = 2;
    while candidate.exists() {
        candidate = PathBuf::from(format!("{}-{n}", base.display()));
        n += 1;
    }
    candidate
}

/// What `tm concordance` was asked for.
pub struct ConcordanceArgs {
    pub text: String,
    pub locale: Option<String>,
    pub history: bool,
    pub limit: usize,
    pub json: bool,
}

/// `tm concordance TEXT`: the segments holding the words, English and
/// translations, the words highlighted on a terminal.
pub fn concordance(root: &Path, args: &ConcordanceArgs) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    let (project, mut memory, _lock) = super::open(root)?;
    let locale = super::locale_arg(&project, args.locale.as_deref())?
        .first()
        .map(|l| l.to_string());
    let query = tercuman::tm::concordance::Query {
        text: args.text.clone(),
        source_lang: project.book.source_language.to_string(),
        locales: project.book.locales.iter().map(|l| l.to_string()).collect(),
        locale,
        history: args.history,
        limit: args.limit,
    };
    // Synced first, so that what translators saved a moment ago is found
    // and the segments of a fresh clone have their places.
    super::sync::sync_now(&project, &mut memory)?;
    let found = {
        let _progress = crate::ui::progress::Progress::spinner(t!("progress-concordance"));
        memory.concordance(&query)?
    };
    if args.json {
        let out = serde_json::json!({
            "query": args.text,
            "total": found.total,
            "matches": found.matches,
        });
        crate::outln!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(());
    }
    let color = std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mark = |lang: &str, text: &str| marked(lang, text, &args.text, color);
    for f in &found.matches {
        let retired = if f.current {
            String::new()
        } else {
            format!(" {}", t!("concordance-retired"))
        };
        crate::outln!("{}  {}:{}{retired}", f.segment, f.file, f.line);
        crate::outln!(
            "  {}: {}",
            query.source_lang,
            mark(&query.source_lang, &f.source)
        );
        for (lang, text) in &f.translations {
            crate::outln!("  {lang}: {}", mark(lang, text));
        }
        for old in &f.history {
            crate::outln!(
                "  {} ({} {}): {}",
                old.locale,
                old.origin,
                old.created.get(..10).unwrap_or(&old.created),
                mark(&old.locale, &old.text)
            );
        }
    }
    if found.total == 0 {
        crate::outln!("{}", t!("concordance-none", "text" => args.text.as_str()));
    } else if found.total > found.matches.len() {
        crate::outln!(
            "{}",
            t!("concordance-more", "shown" => found.matches.len(), "total" => found.total)
        );
    }
    Ok(())
}

/// `text` with the words the query begins in bold, on a terminal.
fn marked(lang: &str, text: &str, query: &str, color: bool) -> String {
    if !color {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for range in tercuman::tm::concordance::highlights(lang, text, query) {
        out.push_str(&text[at..range.start]);
        out.push_str("\x1b[1;33m");
        out.push_str(&text[range.clone()]);
        out.push_str("\x1b[0m");
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// `tm …`: one subcommand of the memory's.
pub fn run(root: &Path, command: TmCommand) -> anyhow::Result<()> {
    match command {
        TmCommand::Log { segment, locale } => log(root, &segment, locale.as_deref()),
        TmCommand::Search {
            text,
            locale,
            min,
            limit,
        } => search(root, &text, locale.as_deref(), min, limit),
        TmCommand::Concordance {
            text,
            locale,
            history,
            limit,
            json,
        } => concordance(
            root,
            &ConcordanceArgs {
                text,
                locale,
                history,
                limit,
                json,
            },
        ),
        TmCommand::Export { tmx, locale, plain } => export(root, &tmx, locale.as_deref(), plain),
        TmCommand::Import { file } => import(root, &file),
        TmCommand::Rebuild => rebuild(root),
    }
}
