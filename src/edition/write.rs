//! Writing prepared editions: each edition's files spread over the cores
//! in tasks, then what follows them (the dashboard, the site's landing
//! page, the removal of what no edition has any more, the fingerprint).

use std::path::PathBuf;

use super::outputs::{build_fingerprint, build_stamp, remove_stale, OLD_BUILD_STAMP};
use super::{epub, file_slug, html, BuildOptions, Edition, EditionReport};
use crate::error::{write_if_changed, Result};
use crate::project::Project;

/// What was written for one edition: its report and the files that make
/// up its HTML pages.
type Written = (EditionReport, Vec<PathBuf>);

/// Writes prepared editions into `options.out_dir`, each file only if its
/// bytes changed, removes what no edition has any more, and records the
/// build's fingerprint. Hands the editions back.
/// `only` says, of an edition whose whole need not be written, which
/// chapters to write ([`html::write_edition`]).
pub(super) fn write_editions<'a>(
    project: &'a Project,
    editions: Vec<Edition<'a>>,
    options: &BuildOptions,
    only: &(dyn Fn(&Edition) -> Option<Vec<usize>> + Sync),
) -> Result<(Vec<EditionReport>, Vec<Edition<'a>>)> {
    let stamp = begin_writing(project, options);
    let html_root = options.out_dir.join("html");
    let t = crate::timings::phase(|| "build: write editions".into());
    let tasks = write_tasks(&editions, options, only);
    let mut done = crate::parallel::map(&tasks, |(i, task)| {
        write_task(&editions[*i], task, options, &html_root)
    })
    .into_iter();
    let mut written: Vec<Written> = editions
        .iter()
        .map(|edition| (edition_report(edition, options, &html_root), Vec::new()))
        .collect();
    for (i, _) in &tasks {
        written[*i]
            .1
            .extend(done.next().expect("one result per task")?);
    }
    drop(t);
    let reports = finish_writing(project, &editions, written, options, &stamp)?;
    Ok((reports, editions))
}

/// A share of writing one edition.
enum WriteTask {
    Epub,
    /// A part of a whole edition's HTML pages.
    Html(html::Part),
    /// An edition's HTML pages, but of its chapters only these.
    SomeHtml(Vec<usize>),
}

/// What writing `editions` takes, as (edition, task), the largest
/// tasks first so that the cores finish together.
fn write_tasks(
    editions: &[Edition],
    options: &BuildOptions,
    only: &(dyn Fn(&Edition) -> Option<Vec<usize>> + Sync),
) -> Vec<(usize, WriteTask)> {
    let mut tasks = Vec::new();
    if options.formats.epub {
        tasks.extend((0..editions.len()).map(|i| (i, WriteTask::Epub)));
    }
    if !options.formats.html {
        return tasks;
    }
    let mut whole = Vec::new();
    for (i, edition) in editions.iter().enumerate() {
        match only(edition) {
            Some(chapters) => tasks.push((i, WriteTask::SomeHtml(chapters))),
            None => whole.push(i),
        }
    }
    for part in [html::Part::Chapters, html::Part::Search, html::Part::Front] {
        tasks.extend(whole.iter().map(|&i| (i, WriteTask::Html(part))));
    }
    tasks
}

/// Does one task of writing `edition`; returns the HTML files it wrote.
fn write_task(
    edition: &Edition,
    task: &WriteTask,
    options: &BuildOptions,
    html_root: &std::path::Path,
) -> Result<Vec<PathBuf>> {
    match task {
        WriteTask::Epub => {
            epub::write(edition, &epub_path(edition, options))?;
            Ok(Vec::new())
        }
        WriteTask::Html(part) => html::write_part(edition, html_root, *part),
        WriteTask::SomeHtml(chapters) => html::write_edition(edition, html_root, Some(chapters)),
    }
}

/// Where `edition`'s EPUB is written.
fn epub_path(edition: &Edition, options: &BuildOptions) -> PathBuf {
    options.out_dir.join("epub").join(format!(
        "{}.{}.epub",
        file_slug(&edition.project.book.title),
        edition.lang
    ))
}

/// What is reported of `edition`'s build.
fn edition_report(
    edition: &Edition,
    options: &BuildOptions,
    html_root: &std::path::Path,
) -> EditionReport {
    EditionReport {
        lang: edition.lang.to_string(),
        fallbacks: edition.fallbacks(),
        failed_checks: edition.failed_checks.clone(),
        unreviewed: edition.unreviewed,
        epub: epub_path(edition, options),
        html_dir: html_root.join(edition.lang.to_string()),
    }
}

/// The build's fingerprint file, removed before anything is written: a
/// failed or interrupted build leaves no stamp behind.
fn begin_writing(project: &Project, options: &BuildOptions) -> PathBuf {
    let stamp = build_stamp(project, options);
    let _ = std::fs::remove_file(&stamp);
    let _ = std::fs::remove_file(options.out_dir.join(OLD_BUILD_STAMP));
    stamp
}

/// What follows the editions' own files: the dashboard and the site's
/// landing page, from what the editions counted; the removal of what no
/// edition has any more (the editions of a chapter or a locale that left
/// the book, and files an interrupted build left half-written); and the
/// build's fingerprint in `stamp`.
fn finish_writing(
    project: &Project,
    editions: &[Edition],
    written: Vec<Written>,
    options: &BuildOptions,
    stamp: &std::path::Path,
) -> Result<Vec<EditionReport>> {
    let status = crate::status::StatusReport {
        locales: editions
            .iter()
            .filter_map(|e| e.completeness.clone())
            .collect(),
    };
    write_if_changed(
        &options.out_dir.join("status.html"),
        crate::status::dashboard::render(
            &status,
            &project.book.title,
            options.formats.html.then_some("html/"),
        )
        .as_bytes(),
    )?;
    let html_root = options.out_dir.join("html");
    let mut html_files = Vec::new();
    if options.formats.html {
        html_files = html::write_site_root(editions, &html_root)?;
    }
    let mut reports = Vec::with_capacity(written.len());
    for (report, pages) in written {
        html_files.extend(pages);
        reports.push(report);
    }
    if options.formats.epub {
        let epubs: Vec<PathBuf> = reports.iter().map(|r| r.epub.clone()).collect();
        remove_stale(&options.out_dir.join("epub"), &epubs)?;
    }
    if options.formats.html {
        remove_stale(&html_root, &html_files)?;
    }
    let outputs = crate::fingerprint::of_dir(project, &options.out_dir);
    crate::fingerprint::record(
        stamp,
        &format!("{}{outputs}", build_fingerprint(project, options)),
    )?;
    Ok(reports)
}
