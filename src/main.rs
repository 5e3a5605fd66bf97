//! The `tercuman` binary: parse arguments, run one command, print the error
//! chain once. Exit codes: 0 success, 2 error.

mod cli;
mod cmd;

use clap::Parser;

fn main() {
    let cli = cli::Cli::parse();
    let result = match cli.command {
        cli::Command::Sync => cmd::sync::run(&cli.project),
        cli::Command::Status { json, by_chapter } => {
            cmd::status::run(&cli.project, json, by_chapter)
        }
        cli::Command::Build { out } => cmd::build::run(&cli.project, out),
    };
    if let Err(err) = result {
        let mut message = format!("error: {err}");
        for cause in err.chain().skip(1) {
            message.push_str(&format!("\n  caused by: {cause}"));
        }
        eprintln!("{message}");
        std::process::exit(2);
    }
}
