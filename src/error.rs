//! Errors that say where: every variant a user can cause names its file,
//! and its line when there is one.

use std::path::{Path, PathBuf};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("failed to access `{}`: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{}{}: {message}", path.display(), line_suffix(*line))]
    Config {
        path: PathBuf,
        line: usize,
        message: String,
    },

    #[error("{}: not valid UTF-8 (first bad byte on line {line})", path.display())]
    Utf8 { path: PathBuf, line: usize },

    #[error("{}:{line}: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        message: String,
    },

    #[error("translation memory `{}`: {message}", path.display())]
    Memory { path: PathBuf, message: String },

    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),

    #[error("{0}")]
    Other(String),
}

fn line_suffix(line: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(":{line}")
    }
}

impl Error {
    pub fn io(path: &Path, source: std::io::Error) -> Error {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    pub fn parse(path: &Path, line: usize, message: impl Into<String>) -> Error {
        Error::Parse {
            path: path.to_path_buf(),
            line,
            message: message.into(),
        }
    }
}

/// Reads a file as UTF-8, naming the file and the line of the first bad byte.
pub fn read_utf8(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
        Error::Utf8 {
            path: path.to_path_buf(),
            line,
        }
    })
}

/// Writes a file only when its content changes, through a temporary file and a
/// rename, so a reader never sees half a file and an unchanged file keeps its mtime.
/// Returns whether the file was written.
pub fn write_if_changed(path: &Path, content: &[u8]) -> Result<bool> {
    if let Ok(existing) = std::fs::read(path) {
        if existing == content {
            return Ok(false);
        }
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{file_name}.tmp{}", std::process::id()));
    std::fs::write(&tmp, content).map_err(|e| Error::io(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(path, e)
    })?;
    Ok(true)
}
