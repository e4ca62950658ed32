//! Reading articles off disk for the reading screen: one article with its sidecar (a big one
//! first as its head, so its first screen never waits for the whole file), and the whole
//! library's titles, dates, tag counts and speakers on a background thread that feeds batches back as
//! outcomes, so the first frame never waits for the library; and the change report of an
//! article opened, made on a runtime thread.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use crate::annotation::Annotation;
use crate::annotation::{Snapshot, place_all};
use crate::article::{Article, Fingerprint};
use crate::changes;
use crate::library::{self, Staging};
use crate::rejections;
use crate::sidecar;
use crate::tagged_text::{self, TextStore};

use super::app::{Entry, count_tags};
use super::outcome::{Opened, Outcome, Preview};

/// Entries sent at most this often, so a big library does not flood the screen with redraws.
const BATCH_EVERY: Duration = Duration::from_millis(100);

/// The head of the article at `path` as an `ArticlePreview`, when the file is big enough under
/// `staging` and its head can stand alone; `None` otherwise (then [`open_article`] decides, and
/// reports any problem, such as a directory or a pipe, which the head refuses too).
pub fn preview(path: &Path, staging: Staging) -> Option<Outcome> {
    let preview = library::read_article_preview(path, staging).ok()??;
    Some(Outcome::ArticlePreview(Preview {
        path: path.to_owned(),
        article: Arc::new(preview.article),
        size: preview.size,
    }))
}

/// Opens the article at `path` in stages: `send` gets the head of a big file first (see
/// [`preview`]), then what [`open_article`] answers.
pub fn open_staged(path: &Path, staging: Staging, mut send: impl FnMut(Outcome)) {
    if let Some(preview) = preview(path, staging) {
        send(preview);
    }
    send(open_article(path));
}

/// Reads the article at `path` and its sidecar.
pub fn open_article(path: &Path) -> Outcome {
    match library::read_article(path) {
        Ok(article) => {
            let (annotations, sidecar_error) = match sidecar::load(path) {
                Ok(Some(sidecar)) => (sidecar.annotations, None),
                Ok(None) => (Vec::new(), None),
                Err(error) => (Vec::new(), Some(error.to_string())),
            };
            Outcome::ArticleOpened(Opened {
                path: path.to_owned(),
                rejections_key: rejections::key(&Fingerprint::of(&article)),
                article: Arc::new(article),
                annotations,
                sidecar_error,
            })
        }
        Err(error) => Outcome::OpenFailed {
            path: path.to_owned(),
            message: error.to_string(),
        },
    }
}

/// The change report of the open article, as `ChangesReported`: its sidecar's fingerprint read
/// again (a small file) and compared with the text; when they differ, or when `unsettled` says
/// some tags were not found where they were, the tags are placed again and compared. No report
/// when nothing changed or the sidecar cannot be read (the screen says so already).
pub fn changes(
    path: PathBuf,
    article: &Article,
    annotations: &Snapshot,
    unsettled: bool,
    store: Option<&TextStore>,
) -> Outcome {
    let report = sidecar::load(&path).ok().flatten().and_then(|sidecar| {
        let annotations: Vec<_> = annotations.iter().cloned().collect();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        tagged_text::changes_since(article, &name, &sidecar.fingerprint, &annotations, store)
            .or_else(|| {
                unsettled.then(|| {
                    let placements = place_all(article, &annotations);
                    changes::report(article, annotations.iter().zip(&placements), None)
                })
            })
    });
    Outcome::ChangesReported {
        path,
        report: report.map(Arc::new),
    }
}

/// The list entry of the article at `path`.
pub fn entry(path: &Path) -> Entry {
    let mut entry = Entry {
        path: path.to_owned(),
        title: path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default(),
        date: None,
        source: None,
        counts: [0; 3],
        speakers: Vec::new(),
        error: None,
    };
    // Title, date and source stand at the top of a file, so of a big one the head is enough: a
    // library holding whole books lists as fast as one of short reports. A problem further
    // down (a NUL byte, say) shows when the article is opened.
    let article = match library::read_article_preview(path, Staging::DEFAULT) {
        Ok(Some(preview)) => Ok(preview.article),
        Ok(None) => library::read_article(path),
        Err(error) => Err(error),
    };
    match article {
        Ok(article) => {
            let metadata = article.metadata();
            entry.title = metadata.title.clone();
            entry.date = metadata.date.clone();
            entry.source = metadata.source.clone();
        }
        Err(error) => entry.error = Some(error.to_string()),
    }
    match sidecar::load(path) {
        Ok(Some(sidecar)) => {
            entry.counts = count_tags(sidecar.annotations.iter());
            entry.speakers = speakers_of(&sidecar.annotations);
        }
        Ok(None) => {}
        Err(error) => entry.error = Some(format!("sidecar: {error}")),
    }
    entry
}

/// The speakers `annotations` name, each once.
fn speakers_of(annotations: &[Annotation]) -> Vec<String> {
    let mut speakers: Vec<String> = annotations
        .iter()
        .filter(|annotation| !annotation.speaker.is_empty())
        .map(|annotation| annotation.speaker.clone())
        .collect();
    speakers.sort();
    speakers.dedup();
    speakers
}

/// The list entry of an article already opened, without reading its file again.
pub fn opened_entry(opened: &Opened) -> Entry {
    let metadata = opened.article.metadata();
    Entry {
        path: opened.path.clone(),
        title: metadata.title.clone(),
        date: metadata.date.clone(),
        source: metadata.source.clone(),
        counts: count_tags(opened.annotations.iter()),
        speakers: speakers_of(&opened.annotations),
        error: opened
            .sidecar_error
            .as_ref()
            .map(|error| format!("sidecar: {error}")),
    }
}

/// Reads the library found under `paths` on a new thread, sending `LibraryLoaded` batches.
pub fn spawn_library(paths: Vec<PathBuf>, sender: Sender<Outcome>) {
    spawn_library_with(paths, sender, Vec::new());
}

/// Like [`spawn_library`], but takes the entries in `known` as they are instead of reading
/// their articles: the article opened at start is not read and parsed a second time, which for
/// a big file would double the memory and the work while its first screen is being drawn.
pub fn spawn_library_with(paths: Vec<PathBuf>, sender: Sender<Outcome>, known: Vec<Entry>) {
    spawn_library_after(None, paths, sender, known);
}

/// Like [`spawn_library_with`], but first reads the whole article at `open`, whose head is
/// already on screen, and sends it (`ArticleOpened` or `OpenFailed`): the library's reading
/// then takes its entry from memory instead of reading the big file a second time in parallel.
pub fn spawn_library_after(
    open: Option<PathBuf>,
    paths: Vec<PathBuf>,
    sender: Sender<Outcome>,
    mut known: Vec<Entry>,
) {
    std::thread::spawn(move || {
        if let Some(path) = open {
            let outcome = open_article(&path);
            if let Outcome::ArticleOpened(opened) = &outcome {
                known.push(opened_entry(opened));
            }
            if sender.send(outcome).is_err() {
                return;
            }
        }
        // An unreadable folder must not hide the rest of the library: it becomes an entry that
        // says what is wrong, beside the articles that could be found.
        let mut articles = Vec::new();
        let mut problems = Vec::new();
        for path in &paths {
            library::find_articles(path, &mut articles, &mut problems);
        }
        if !problems.is_empty() {
            let entries = problems
                .iter()
                .map(|problem| Entry {
                    // Keyed by its own path, so one problem never replaces another in the list.
                    path: problem.path().map(Path::to_owned).unwrap_or_default(),
                    title: "(unreadable)".to_owned(),
                    date: None,
                    source: None,
                    counts: [0; 3],
                    speakers: Vec::new(),
                    error: Some(problem.to_string()),
                })
                .collect();
            if sender
                .send(Outcome::LibraryLoaded {
                    entries,
                    done: false,
                })
                .is_err()
            {
                return;
            }
        }
        // First every path under its file name, at once, so the list is usable immediately; the
        // entries read later replace these, which is what the list's progress counts.
        let placeholders = articles.iter().map(|path| {
            let mut entry = entry_stub(path);
            entry.title = path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            entry
        });
        if sender
            .send(Outcome::LibraryLoaded {
                entries: placeholders.collect(),
                done: articles.is_empty(),
            })
            .is_err()
        {
            return;
        }
        let mut batch = Vec::new();
        let mut last = Instant::now();
        let total = articles.len();
        for (i, path) in articles.iter().enumerate() {
            batch.push(match known.iter().find(|entry| entry.path == *path) {
                Some(known) => known.clone(),
                None => entry(path),
            });
            if last.elapsed() >= BATCH_EVERY || i + 1 == total {
                let done = i + 1 == total;
                let entries = std::mem::take(&mut batch);
                if sender
                    .send(Outcome::LibraryLoaded { entries, done })
                    .is_err()
                {
                    return;
                }
                last = Instant::now();
            }
        }
    });
}

fn entry_stub(path: &Path) -> Entry {
    Entry {
        path: path.to_owned(),
        title: String::new(),
        date: None,
        source: None,
        counts: [0; 3],
        speakers: Vec::new(),
        error: None,
    }
}
