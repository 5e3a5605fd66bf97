//! Errors that say where: every variant a user can cause names its file,
//! and its line when there is one. What they say is a [`Message`] of the
//! library's own Fluent catalogs (`error/*.ftl`, in English, Azerbaijani,
//! Persian and Turkish): `Display` gives the English, and the CLI says it
//! in the user's language.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

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
        message: Message,
    },

    #[error("{}: not valid UTF-8 (first bad byte on line {line})", path.display())]
    Utf8 { path: PathBuf, line: usize },

    #[error("{}:{line}: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        message: Message,
    },

    #[error("translation memory `{}`: {message}", path.display())]
    Memory { path: PathBuf, message: Message },

    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),

    #[error("{0}")]
    Other(Message),
}

/// The library's messages, by language, for a program that speaks them
/// (ids are unique across them and the CLI's own catalogs).
pub const CATALOGS: &[(&str, &str)] = &[
    ("en", include_str!("error/en.ftl")),
    ("az", include_str!("error/az.ftl")),
    ("fa", include_str!("error/fa.ftl")),
    ("tr", include_str!("error/tr.ftl")),
];

/// What an error says: a catalog message and its values. Its hint, when
/// it has one, is the message `<id>-hint` with the same values. Text from
/// elsewhere (another library's reason) is the message `plain`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, String)>,
    /// What the message is about, said before it as is (a `book.toml`
    /// key such as `[locale.fa] font`).
    pub about: Option<String>,
    /// A hint other than the message's own `<id>-hint`.
    pub hint: Option<&'static str>,
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
            about: None,
            hint: None,
        }
    }

    /// The message with hint `id` (said with the message's values).
    pub fn hinted(mut self, id: &'static str) -> Message {
        self.hint = Some(id);
        self
    }

    /// The message about `subject`, which prefixes it (`subject: …`).
    pub fn about(mut self, subject: impl fmt::Display) -> Message {
        self.about = Some(match self.about.take() {
            Some(inner) => format!("{subject}: {inner}"),
            None => subject.to_string(),
        });
        self
    }

    /// The message with one more value.
    pub fn with(mut self, key: &'static str, value: impl fmt::Display) -> Message {
        self.args.push((key, value.to_string()));
        self
    }

    /// The message and its hint formatted by `bundle` (`None` when the
    /// bundle lacks the message).
    pub fn format(
        &self,
        bundle: &FluentBundle<FluentResource>,
    ) -> Option<(String, Option<String>)> {
        let mut args = FluentArgs::new();
        for (key, value) in &self.args {
            // Counts are numbers, so that plural variants are chosen.
            match value.parse::<i64>() {
                Ok(n) if value.bytes().all(|b| b.is_ascii_digit()) => args.set(*key, n),
                _ => args.set(*key, FluentValue::from(value.as_str())),
            }
        }
        let say = |id: &str| {
            let pattern = bundle.get_message(id)?.value()?;
            let mut errors = Vec::new();
            Some(
                bundle
                    .format_pattern(pattern, Some(&args), &mut errors)
                    .into_owned(),
            )
        };
        let text = say(self.id)?;
        let text = match &self.about {
            Some(subject) => format!("{subject}: {text}"),
            None => text,
        };
        let hint = match self.hint {
            Some(id) => say(id),
            None => say(&format!("{}-hint", self.id)),
        };
        Some((text, hint))
    }
}

/// `said!("id", "key" => value, …)`: a [`Message`] of the library's catalogs.
#[macro_export]
macro_rules! said {
    ($id:literal $(, $key:literal => $value:expr)* $(,)?) => {
        $crate::error::Message::new($id)$(.with($key, $value))*
    };
}

impl From<String> for Message {
    fn from(text: String) -> Message {
        Message::new("plain").with("text", text)
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Message {
        Message::from(text.to_string())
    }
}

/// English, with the hint on a line of its own.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.format(english()) {
            Some((text, None)) => f.write_str(&text),
            Some((text, Some(hint))) => write!(f, "{text}\nhint: {hint}"),
            None => f.write_str(self.id),
        }
    }
}

/// One language's catalog as a Fluent bundle. Isolation marks only where
/// they help: around left-to-right values in Persian.
pub fn catalog(code: &str) -> FluentBundle<FluentResource> {
    let lang: unic_langid::LanguageIdentifier = code.parse().expect("a known language");
    let (_, text) = CATALOGS
        .iter()
        .find(|(c, _)| *c == code)
        .expect("a shipped language");
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    bundle.set_use_isolating(code == "fa");
    let resource = FluentResource::try_new(text.to_string())
        .unwrap_or_else(|(_, errors)| panic!("error/{code}.ftl: {errors:?}"));
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("error/{code}.ftl: {errors:?}"));
    bundle
}

static LANGUAGE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();

/// The language the library speaks in what it prints itself (a notice
/// that it waits for a lock): set once by the program, English otherwise.
pub fn set_language(code: &str) {
    if CATALOGS.iter().any(|(c, _)| *c == code) {
        let _ = LANGUAGE.set(catalog(code));
    }
}

/// A notice on stderr, in the language [`set_language`] chose. A closed
/// stderr is no reason to stop.
pub fn notice(message: &Message) {
    use std::io::Write as _;
    let text = LANGUAGE
        .get()
        .and_then(|bundle| message.format(bundle))
        .map_or_else(|| message.to_string(), |(text, _)| text);
    let _ = writeln!(std::io::stderr(), "{text}");
}

fn english() -> &'static FluentBundle<FluentResource> {
    static ENGLISH: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    ENGLISH.get_or_init(|| catalog("en"))
}

fn line_suffix(line: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(":{line}")
    }
}

impl Error {
    /// An error that names no file: what it says, and its hint.
    pub fn other(message: impl Into<Message>) -> Error {
        Error::Other(message.into())
    }

    pub fn io(path: &Path, source: std::io::Error) -> Error {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    pub fn parse(path: &Path, line: usize, message: impl Into<Message>) -> Error {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The ids of a catalog's messages.
    fn ids(text: &str) -> Vec<&str> {
        text.lines()
            .filter_map(|l| l.split_once(" = ").map(|(id, _)| id))
            .filter(|id| !id.starts_with([' ', '#']))
            .collect()
    }

    #[test]
    fn every_catalog_says_every_message_and_formats_it_without_error() {
        let english = ids(CATALOGS[0].1);
        for (code, text) in CATALOGS {
            assert_eq!(ids(text), english, "error/{code}.ftl has other ids");
            let bundle = catalog(code);
            for id in &english {
                let pattern = bundle.get_message(id).and_then(|m| m.value()).unwrap();
                let mut args = FluentArgs::new();
                for key in [
                    "text", "path", "line", "count", "name", "file", "reason", "lang", "code",
                ] {
                    args.set(key, "x");
                }
                let mut errors = Vec::new();
                bundle.format_pattern(pattern, Some(&args), &mut errors);
                let unknown: Vec<_> = errors
                    .iter()
                    .filter(|e| !e.to_string().contains("Unknown variable"))
                    .collect();
                assert!(unknown.is_empty(), "{code} {id}: {unknown:?}");
            }
        }
    }

    #[test]
    fn every_message_the_library_says_is_in_the_catalog() {
        let english = ids(CATALOGS[0].1);
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![src];
        let mut said = Vec::new();
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for (marker, end) in [("said!(\"", '"'), (".hinted(\"", '"')] {
                    for part in text.split(marker).skip(1) {
                        let id = part.split(end).next().unwrap().to_string();
                        said.push((path.display().to_string(), id));
                    }
                }
            }
        }
        assert!(said.len() > 100, "{}", said.len());
        for (file, id) in said.iter().filter(|(_, id)| id != "id") {
            assert!(
                english.contains(&id.as_str()),
                "{file}: `{id}` is in no catalog"
            );
        }
    }

    #[test]
    fn a_message_reads_in_english_with_its_subject_and_hint() {
        let m = said!("config-not-a-percentage", "value" => 140).about("[locale.fa] min-reviewed");
        assert_eq!(
            m.to_string(),
            "[locale.fa] min-reviewed: 140 is not a percentage (0 to 100)"
        );
        let m = said!("review-no-segment", "id" => "a/1");
        assert!(m.to_string().contains("`a/1`\nhint: segment ids"), "{m}");
        let m = said!("font-missing-letters", "file" => "f.ttf", "lang" => "fa", "count" => 1, "letters" => "پ");
        assert!(m.to_string().contains("no glyph for a letter of"), "{m}");
    }
}
