//! PO files coming back from an OmegaT project (`export --format
//! omegat-po`). The project keeps the copies it started from in `source/`
//! and writes its work to `target/`, so each entry is read three ways: as
//! exported, as OmegaT left it, and as the memory has it now. Only what
//! OmegaT changed is taken, and a segment the memory changed too since the
//! export is a conflict: the memory's stays current, OmegaT's goes into the
//! history. Nothing a translator did elsewhere in the meantime is undone.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::formats::po;
use crate::tm::exchange::XliffReport;
use crate::tm::{Changes, Memory, Origin, Status, Suggestion, Translation, TranslationChange};

use super::import::{entry_state, nfc, same_text};

/// One chapter's PO file in an OmegaT project: the copy `export` wrote to
/// its `source/`, and OmegaT's translated one in `target/`.
pub struct ReturnedFile {
    pub exported: po::Catalog,
    pub translated: po::Catalog,
    /// The translated file as read, for errors that name its lines.
    pub text: String,
    pub path: PathBuf,
}

/// What came back in one file, as an XLIFF import reports it.
pub struct ReturnedReport {
    pub path: PathBuf,
    pub report: XliffReport,
}

/// Takes OmegaT's changes to `locale` into the memory, in one commit.
/// Every file is checked first: an entry without an id, or with an id the
/// memory does not know, stops the import with its file and line.
pub fn import_returned_po(
    memory: &mut Memory,
    locale: &str,
    files: &[ReturnedFile],
    now: i64,
) -> Result<Vec<ReturnedReport>> {
    let known = Known {
        segments: memory.segments()?,
        current: memory.translations(locale)?,
        locale,
    };
    let mut changes = Changes::default();
    let mut reports = Vec::new();
    for file in files {
        let exported: HashMap<&str, Translation> = file
            .exported
            .entries
            .iter()
            .filter(|e| !e.obsolete)
            .filter_map(|e| Some((e.msgctxt.as_deref()?, entry_state(e))))
            .collect();
        let mut report = XliffReport {
            locale: locale.to_string(),
            ..XliffReport::default()
        };
        for e in file.translated.entries.iter().filter(|e| !e.obsolete) {
            let change = known.take(e, &exported, &file.path, &mut report)?;
            changes.translations.extend(change);
        }
        reports.push(ReturnedReport {
            path: file.path.clone(),
            report,
        });
    }
    memory.apply(&changes, now)?;
    Ok(reports)
}

/// What the memory holds now, for one locale.
struct Known<'a> {
    segments: HashMap<String, crate::tm::StoredSegment>,
    current: HashMap<String, Translation>,
    locale: &'a str,
}

impl Known<'_> {
    /// The change one entry OmegaT wrote brings (`None` when OmegaT left it
    /// as exported, or blank), counted in `report`.
    fn take(
        &self,
        e: &po::Entry,
        exported: &HashMap<&str, Translation>,
        path: &Path,
        report: &mut XliffReport,
    ) -> Result<Option<TranslationChange>> {
        let id = e
            .msgctxt
            .as_deref()
            .ok_or_else(|| Error::parse(path, e.line, crate::said!("sync-entry-has-msgctxt-so")))?;
        let seg = self.segments.get(id).ok_or_else(|| {
            Error::parse(
                path,
                e.line,
                crate::said!("sync-unknown-segment", "id" => id),
            )
        })?;
        let incoming = Translation {
            text: nfc(&e.msgstr),
            status: entry_state(e).status,
        };
        let untranslated = Translation::untranslated;
        let before = exported.get(id).cloned().unwrap_or_else(untranslated);
        if incoming.status == Status::Untranslated {
            // A blank never erases.
            report.empty += 1;
            return Ok(None);
        }
        let now = self.current.get(id).cloned().unwrap_or_else(untranslated);
        if incoming == before || (incoming == now && same_text(&seg.source, &e.msgid)) {
            report.unchanged += 1;
            return Ok(None);
        }
        let mut change = TranslationChange::new(id, self.locale, incoming, Origin::PoImport);
        if !same_text(&seg.source, &e.msgid) {
            // Made for English that has changed since the export.
            report.stale += 1;
            if now.status == Status::Untranslated {
                change.translation.status = Status::Fuzzy;
                change.suggestion = Some(Suggestion {
                    previous_source: e.msgid.clone(),
                    score: None,
                    from: id.to_string(),
                });
            } else {
                change.current = false;
            }
        } else if now != before && now.status != Status::Untranslated {
            change.current = false;
            change.origin = Origin::PoConflict;
            report.conflicts.push((e.line, id.to_string()));
        } else {
            report.updated += 1;
        }
        Ok(Some(change))
    }
}

/// Reads the PO files of an OmegaT project's `target/` and their
/// exported copies in `source/` (a file OmegaT wrote without its copy is
/// an error naming it).
pub fn read_returned_po(project_dir: &Path) -> Result<Vec<ReturnedFile>> {
    files_with_extension(&project_dir.join("target"), "po")?
        .into_iter()
        .map(|path| {
            let copy = project_dir
                .join("source")
                .join(path.file_name().expect("a file"));
            let exported = po::parse(&po::read(&copy)?, &copy)?;
            let text = po::read(&path)?;
            Ok(ReturnedFile {
                exported,
                translated: po::parse(&text, &path)?,
                text,
                path,
            })
        })
        .collect()
}

/// The files of `dir` whose names end in `.ext`, in name order: an OmegaT
/// project's source or translated files.
pub fn files_with_extension(dir: &Path, ext: &str) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    Ok(files)
}
