//! The `tercuman` binary: parse arguments, run one command, print the error
//! chain once. Exit codes: 0 success, 1 a gate not met (`status --min`,
//! `check` errors), 2 error.

mod cli;
mod cmd;
mod ui;

/// mimalloc instead of glibc's malloc: a sync or build allocates millions of
/// small strings from several threads, where glibc's arenas were a fifth of
/// the profile.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

// mimalloc's C API (the vendored v3 of libmimalloc-sys 0.1.49, whose Rust
// bindings do not name this option).
unsafe extern "C" {
    fn mi_option_set_default(option: std::ffi::c_int, value: std::ffi::c_long);
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    #[cfg(test)]
    fn mi_option_get(option: std::ffi::c_int) -> std::ffi::c_long;
}

/// `mi_option_purge_delay` in mimalloc v3's `mi_option_e`.
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

/// Memory freed is given back to the system after 10 ms instead of v3's
/// 1 s: a sync frees one locale's files before it reads the next, and
/// with the long delay they overlapped (revised sync at 1M words: 275 MB
/// peak instead of 305-315 MB, in the same time). `MIMALLOC_PURGE_DELAY`
/// still wins if set.
fn return_freed_memory_sooner() {
    // SAFETY: both functions only read or set mimalloc's option table,
    // before any thread is started.
    unsafe { mi_option_set_default(MI_OPTION_PURGE_DELAY, 10) }
}

/// A build's editions free a chapter's pages and make the next one's at
/// once: with the 10 ms delay, a tenth of a 1M-word build's time went to
/// giving pages back to the system and faulting them in again. After the
/// build's sync, memory freed is given back after 100 ms (the build's
/// peak rises by 40-70 MB; 1 s saved a few percent more for 60 MB more).
/// `MIMALLOC_PURGE_DELAY` still wins if set.
pub(crate) fn keep_freed_memory_for_a_build() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: sets one entry of mimalloc's option table, which its
        // purging reads each time.
        unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 100) }
    }
}

fn main() {
    return_freed_memory_sooner();
    let command = <cli::Cli as clap::CommandFactory>::command().after_help(cli::examples());
    let cli = match <cli::Cli as clap::FromArgMatches>::from_arg_matches(&command.get_matches()) {
        Ok(cli) => cli,
        Err(err) => err.exit(),
    };
    ui::set_quiet(cli.quiet);
    match run(cli) {
        Ok(code) => std::process::exit(code),
        Err(err) => {
            ui::error(&error_chain(&err));
            std::process::exit(2);
        }
    }
}

/// Runs one command; `Ok` holds the exit code. One arm per command, each
/// handing its arguments to `cmd/`: kept whole, as the table of commands.
fn run(cli: cli::Cli) -> anyhow::Result<i32> {
    match cli.command {
        cli::Command::Init {
            dir,
            locales,
            title,
            author,
            from_mdbook,
        } => cmd::init::run(
            &dir,
            &locales,
            title.as_deref(),
            author.as_deref(),
            from_mdbook.as_deref(),
        )
        .map(|()| 0),
        cli::Command::Completions { shell } => {
            let mut command =
                <cli::Cli as clap::CommandFactory>::command().after_help(cli::examples());
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command, "tercuman", &mut script);
            ui::out(&String::from_utf8_lossy(&script));
            Ok(0)
        }
        cli::Command::Man => {
            let command = <cli::Cli as clap::CommandFactory>::command().after_help(cli::examples());
            let mut page = Vec::new();
            clap_mangen::Man::new(command)
                .render(&mut page)
                .map(|()| {
                    ui::out(&String::from_utf8_lossy(&page));
                    0
                })
                .map_err(Into::into)
        }
        cli::Command::Sync => cmd::sync::run(&cli.project).map(|()| 0),
        cli::Command::GitSetup => cmd::git::setup(&cli.project).map(|()| 0),
        cli::Command::GitMergePo {
            base,
            ours,
            theirs,
            path,
        } => cmd::git::merge_po(&base, &ours, &theirs, path.as_deref()),
        cli::Command::Status {
            json,
            by_chapter,
            html,
            min,
            min_reviewed,
        } => cmd::status::run(
            &cli.project,
            &cmd::status::StatusArgs {
                json,
                by_chapter,
                html,
                min: tercuman::status::Minimums {
                    translated: min,
                    reviewed: min_reviewed,
                },
            },
        ),
        cli::Command::Check {
            locale,
            json,
            length_ratio,
        } => cmd::check::run(
            &cli.project,
            &cmd::check::CheckArgs {
                locale,
                json,
                length_ratio,
            },
        ),
        cli::Command::Export {
            format,
            locale,
            out,
        } => cmd::exchange::export(&cli.project, format, locale.as_deref(), out).map(|()| 0),
        cli::Command::Import {
            file,
            aligned_markdown,
            by,
            locale,
        } => {
            cmd::exchange::import_any(&cli.project, file, aligned_markdown, by, locale).map(|()| 0)
        }
        cli::Command::Review {
            locale,
            chapter,
            segment,
            by,
            reject,
            note,
        } => cmd::review::run(
            &cli.project,
            tercuman::review::Request {
                locale,
                chapters: chapter,
                segments: segment,
                by: by.unwrap_or_default(),
                note,
                reject,
            },
        )
        .map(|()| 0),
        cli::Command::Glossary(command) => match command {
            cli::GlossaryCommand::Export { out } => cmd::glossary::export(&cli.project, out),
            cli::GlossaryCommand::Import { file } => cmd::glossary::import(&cli.project, &file),
        }
        .map(|()| 0),
        cli::Command::Tm(command) => cmd::tm::run(&cli.project, command).map(|()| 0),
        cli::Command::Build {
            out,
            allow_check_errors,
            only,
        } => {
            let formats = tercuman::edition::Formats {
                epub: only != Some(cli::EditionFormat::Html),
                html: only != Some(cli::EditionFormat::Epub),
            };
            cmd::build::run(&cli.project, out, allow_check_errors, formats).map(|()| 0)
        }
        cli::Command::Serve {
            locale,
            port,
            bind,
            open,
        } => cmd::serve::run(
            &cli.project,
            &cmd::serve::ServeArgs {
                locale,
                port,
                bind,
                open,
            },
        )
        .map(|()| 0),
    }
}

/// An error and its causes, each said once, in the user's language.
fn error_chain(err: &anyhow::Error) -> String {
    let mut message = describe(err.chain().next().expect("an error"));
    let mut previous = err.to_string();
    for cause in err.chain().skip(1) {
        // An error that quotes its cause (as I/O errors do) says it once.
        let text = cause.to_string();
        if !previous.contains(&text) {
            message.push_str(&format!("\n  {}: {}", t!("caused-by"), describe(cause)));
        }
        previous = text;
    }
    message
}

/// One error of a chain, in the user's language where the library's error
/// says what happened (its parser details stay in English).
fn describe(err: &(dyn std::error::Error + 'static)) -> String {
    use tercuman::Error;
    match err.downcast_ref::<Error>() {
        Some(Error::Io { path, source }) => t!(
            "error-io",
            "path" => path.display().to_string(),
            "reason" => source.to_string()
        ),
        Some(Error::Utf8 { path, line }) => t!(
            "error-utf8",
            "path" => path.display().to_string(),
            "line" => *line
        ),
        Some(Error::Memory { path, message }) => t!(
            "error-memory",
            "path" => path.display().to_string(),
            "message" => ui::said(message)
        ),
        Some(Error::Parse {
            path,
            line,
            message,
        }) => format!("{}:{line}: {}", path.display(), ui::said(message)),
        Some(Error::Config {
            path,
            line,
            message,
        }) => {
            let at = if *line == 0 {
                String::new()
            } else {
                format!(":{line}")
            };
            format!("{}{at}: {}", path.display(), ui::said(message))
        }
        Some(Error::Other(message)) => ui::said(message),
        _ => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    /// Fails if a mimalloc update moved the option: its default
    /// (1,000 ms in v3) is what the index must read before it is set.
    #[test]
    fn the_purge_delay_option_is_the_one_set() {
        // SAFETY: reads mimalloc's option table.
        let before = unsafe { super::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        assert!(
            before == 1000 || before == 10,
            "option {} reads {before}",
            super::MI_OPTION_PURGE_DELAY
        );
        super::return_freed_memory_sooner();
        // SAFETY: as above.
        let after = unsafe { super::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(after, 10);
        }
    }
}
