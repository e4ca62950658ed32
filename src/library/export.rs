//! Exporting articles from disk: the one driver behind `sidenote export` and the reading screen's
//! export. It reads each article and its sidecar, writes them through the pure
//! [`crate::export::Writer`] and lets them go before the next is read, so a library of any size
//! is exported in the memory of its largest article; formats that open with a summary get a
//! first pass over the articles. Where the output goes (a pipe, a file, a folder) is the
//! caller's [`Sink`]; [`Job::write_to`] writes a file or folder atomically through
//! `crate::atomic_file`.
//!
//! What the shells choose is a parameter: how articles are named ([`Names`]), what an article
//! that cannot be read does to the export ([`OnError`]), and an article held in memory that is
//! exported as edited instead of from its files ([`Edited`]). No terminal here, no messages
//! written: problems go back to the caller as values.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::annotation::{Annotation, AnnotationSet};
use crate::article::Article;
use crate::atomic_file::Folder;
use crate::export::{ExportError, Format, Options, OwnedItem, Sink, Text, Writer};
use crate::export_output;
use crate::sidecar::{self, SidecarError};

use super::{ReadError, read_article};

/// How the articles are named in an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Names {
    /// As the caller gave the paths, except in a W3C collection, whose sources must be absolute.
    AsGiven,
    /// Every path made absolute.
    Absolute,
}

/// What an article that cannot be read, or whose sidecar cannot be, does to the export.
pub enum OnError<'a> {
    /// It is left out and handed to the function, which reports it; the export goes on.
    Skip(&'a mut dyn FnMut(&Path, Unreadable)),
    /// The export stops with [`Error::Read`].
    Stop,
}

/// An article held in memory, exported as it is instead of from its file and sidecar: the one
/// open on the reading screen, with its edits saved or not.
#[derive(Debug, Clone, Copy)]
pub struct Edited<'a> {
    /// The article's path.
    pub path: &'a Path,
    /// The article.
    pub article: &'a Arc<Article>,
    /// Its annotations as edited.
    pub annotations: &'a [Annotation],
}

/// Why an article was not exported.
#[derive(Debug, thiserror::Error)]
pub enum Unreadable {
    /// The article file cannot be read.
    #[error(transparent)]
    Article(#[from] ReadError),
    /// Its sidecar cannot be read (the sidecar is kept as it is).
    #[error(transparent)]
    Sidecar(#[from] SidecarError),
}

/// Why an export was not written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An article or its sidecar cannot be read, under [`OnError::Stop`].
    #[error("{error}")]
    Read {
        /// The article's path.
        path: PathBuf,
        /// What is wrong.
        error: Unreadable,
    },
    /// The export could not be produced or written into the sink.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// The caller's function run after each article (a flush) failed.
    #[error(transparent)]
    After(io::Error),
    /// The target file or folder of [`Job::write_to`] could not be started.
    #[error(transparent)]
    Create(io::Error),
    /// The target file or folder of [`Job::write_to`] could not be put in place.
    #[error(transparent)]
    Commit(io::Error),
}

/// An export of articles on disk, in the order it writes them.
#[derive(Debug)]
pub struct Job<'a> {
    articles: Vec<PathBuf>,
    format: Format,
    options: Options,
    names: Names,
    edited: Option<Edited<'a>>,
}

impl<'a> Job<'a> {
    /// The export of `articles` as `format`. They are written in the order
    /// [`crate::export::render`] gives: by the name each is shown under.
    pub fn new(articles: &[PathBuf], format: Format, options: Options, names: Names) -> Job<'a> {
        let mut articles = articles.to_vec();
        articles.sort_by_cached_key(|path| PathBuf::from(shown(path, format, names)));
        Job {
            articles,
            format,
            options,
            names,
            edited: None,
        }
    }

    /// Takes the article at `edited.path` from memory instead of from its files.
    pub fn with_edited(mut self, edited: Option<Edited<'a>>) -> Job<'a> {
        self.edited = edited;
        self
    }

    /// The articles, in the order they are written.
    pub fn articles(&self) -> &[PathBuf] {
        &self.articles
    }

    /// Writes the export into a new file (a folder for a folder format) at `target`, which
    /// appears only once complete; on an error the target is left as it was.
    pub fn write_to(&self, target: &Path, on_error: OnError) -> Result<(), Error> {
        // What is there is checked before anything is read: a pipe or a device is written
        // into, a link or another article's sidecar is never replaced (`crate::export_output`).
        if self.format.is_folder() {
            export_output::check_folder(target).map_err(Error::Create)?;
            let folder = Folder::create(target).map_err(Error::Create)?;
            let folder = self.write(folder, on_error, |_| Ok(()))?;
            folder.commit().map_err(Error::Commit)
        } else {
            let file = export_output::open_file(target).map_err(Error::Create)?;
            let Text(file) = self.write(Text(file), on_error, |_| Ok(()))?;
            file.commit().map_err(Error::Commit)
        }
    }

    /// Writes every article into `sink`: each is read, written, and let go before the next is
    /// read, and `after` runs once it is written (to flush a pipe, say). Returns the sink.
    pub fn write<S: Sink>(
        &self,
        sink: S,
        mut on_error: OnError,
        mut after: impl FnMut(&mut S) -> io::Result<()>,
    ) -> Result<S, Error> {
        let mut writer = Writer::new(self.format, self.options, sink);
        // Articles the first pass could not read are left out of the second without a second
        // report.
        let mut readable = vec![true; self.articles.len()];
        if writer.needs_outline() {
            for (path, readable) in self.articles.iter().zip(&mut readable) {
                // Without a sidecar (and not edited) an article adds nothing to a W3C outline:
                // read it once.
                let skip = !self.format.outline_counts_every_article()
                    && !self.is_edited(path)
                    && !sidecar::path_for(path).exists();
                if skip {
                    continue;
                }
                match self.load(path) {
                    Ok(loaded) => writer.outline(&loaded.item()),
                    Err(error) => {
                        *readable = false;
                        problem(&mut on_error, path, error)?;
                    }
                }
            }
        }
        writer.begin()?;
        for (path, _) in self.articles.iter().zip(&readable).filter(|(_, ok)| **ok) {
            match self.load(path) {
                Ok(loaded) => {
                    writer.article(&loaded.item())?;
                    after(writer.sink_mut()).map_err(Error::After)?;
                }
                Err(error) => problem(&mut on_error, path, error)?,
            }
        }
        Ok(writer.finish()?)
    }

    fn is_edited(&self, path: &Path) -> bool {
        self.edited.is_some_and(|edited| edited.path == path)
    }

    /// The article at `path` with its annotations: the edited one from memory, others from
    /// their files.
    fn load(&self, path: &Path) -> Result<OwnedItem<Arc<Article>>, Unreadable> {
        let (article, annotations) = match self.edited {
            Some(edited) if edited.path == path => {
                (edited.article.clone(), edited.annotations.to_vec())
            }
            _ => {
                let article = read_article(path)?;
                let annotations = sidecar::load(path)?
                    .map(|sidecar| sidecar.annotations)
                    .unwrap_or_default();
                (Arc::new(article), annotations)
            }
        };
        let annotations = AnnotationSet::new(&article, annotations);
        Ok(OwnedItem {
            file: shown(path, self.format, self.names),
            article,
            annotations,
        })
    }
}

/// Hands `error` to the caller's function under [`OnError::Skip`]; stops the export otherwise.
fn problem(on_error: &mut OnError, path: &Path, error: Unreadable) -> Result<(), Error> {
    match on_error {
        OnError::Skip(report) => {
            report(path, error);
            Ok(())
        }
        OnError::Stop => Err(Error::Read {
            path: path.to_owned(),
            error,
        }),
    }
}

/// The name `path` is shown under in the export. W3C sources must be absolute IRIs, so that
/// format always gets absolute paths.
fn shown(path: &Path, format: Format, names: Names) -> String {
    let absolute = names == Names::Absolute || format == Format::W3c;
    if absolute {
        std::path::absolute(path)
            .unwrap_or_else(|_| path.to_owned())
            .display()
            .to_string()
    } else {
        path.display().to_string()
    }
}

/// A folder export (brat) writes its files into the folder; it has no single text.
impl Sink for Folder {
    fn text(&mut self, _bytes: &[u8]) -> io::Result<()> {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "this format writes one text, not a folder",
        ))
    }

    fn file(&mut self, path: &str, contents: &[u8]) -> io::Result<()> {
        Folder::file(self, Path::new(path), contents)
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use time::macros::datetime;

    use super::*;
    use crate::annotation::{Stamp, Tag};

    const TEXT: &str = "Officials said the bridge was closed.\n\nThe ministry denied it.\n";

    /// Writes an article named `name` into `dir`, with a sidecar tagging its first sentence
    /// when `tagged`; returns its path.
    fn article(dir: &Path, name: &str, tagged: bool) -> PathBuf {
        let path = dir.join(name);
        fs::write(&path, TEXT).unwrap();
        if tagged {
            let parsed = read_article(&path).unwrap();
            let annotations = tag_first(&parsed);
            sidecar::save(&path, &parsed, &[], &annotations).unwrap();
        }
        path
    }

    fn tag_first(article: &Article) -> Vec<Annotation> {
        let mut set = AnnotationSet::new(article, Vec::new());
        let stamp = Stamp {
            author: "tester".to_owned(),
            now: datetime!(2025-01-13 09:00 UTC),
            new_id: "0195a3c2-0000-7000-8000-000000000001".to_owned(),
        };
        set.add_tag(article, (0, 0), Tag::Claim, &stamp);
        set.into_annotations()
    }

    /// A sink that keeps the text in memory.
    fn memory() -> Text<Vec<u8>> {
        Text(Vec::new())
    }

    fn text(memory: Text<Vec<u8>>) -> String {
        String::from_utf8(memory.0).unwrap()
    }

    #[test]
    fn stop_ends_the_export_at_an_unreadable_sidecar_and_skip_reports_it_once() {
        let dir = tempfile::tempdir().unwrap();
        let good = article(dir.path(), "a.txt", true);
        let broken = article(dir.path(), "b.txt", false);
        fs::write(sidecar::path_for(&broken), "(version: oops").unwrap();
        // Markdown reads every article twice: the broken one must be reported once all the same.
        let job = Job::new(
            &[broken.clone(), good.clone()],
            Format::Markdown,
            Options::default(),
            Names::AsGiven,
        );
        assert_eq!(job.articles(), [good.clone(), broken.clone()]);

        let stopped = job.write(memory(), OnError::Stop, |_| Ok(()));
        let Err(Error::Read { path, error }) = stopped else {
            panic!("the export should stop: {stopped:?}");
        };
        assert_eq!(path, broken);
        assert!(matches!(error, Unreadable::Sidecar(_)), "{error}");

        let mut reported = Vec::new();
        let mut report = |path: &Path, error: Unreadable| reported.push((path.to_owned(), error));
        let out = job
            .write(memory(), OnError::Skip(&mut report), |_| Ok(()))
            .unwrap();
        assert_eq!(reported.len(), 1, "{reported:?}");
        assert_eq!(reported[0].0, broken);
        let out = text(out);
        assert!(out.contains("a.txt") && !out.contains("b.txt"), "{out}");
    }

    #[test]
    fn an_edited_article_is_exported_as_edited_even_without_a_sidecar() {
        let dir = tempfile::tempdir().unwrap();
        let path = article(dir.path(), "open.txt", false);
        let parsed = Arc::new(read_article(&path).unwrap());
        let annotations = tag_first(&parsed);
        let edited = Edited {
            path: &path,
            article: &parsed,
            annotations: &annotations,
        };
        // W3C's first pass skips articles without a sidecar; the edited one has annotations all
        // the same, and a summary without them would not match the second pass.
        let job = Job::new(
            std::slice::from_ref(&path),
            Format::W3c,
            Options::default(),
            Names::AsGiven,
        )
        .with_edited(Some(edited));
        let out = job.write(memory(), OnError::Stop, |_| Ok(())).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text(out)).unwrap();
        assert_eq!(json["total"], 1, "{json}");
    }

    #[test]
    fn names_are_absolute_where_asked_and_always_for_w3c() {
        let relative = Path::new("news/a.txt");
        let absolute = std::path::absolute(relative).unwrap().display().to_string();
        assert_eq!(shown(relative, Format::Csv, Names::AsGiven), "news/a.txt");
        assert_eq!(shown(relative, Format::W3c, Names::AsGiven), absolute);
        assert_eq!(shown(relative, Format::Csv, Names::Absolute), absolute);
    }

    #[test]
    fn a_text_format_written_to_a_folder_sink_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut folder = Folder::create(&dir.path().join("out")).unwrap();
        assert_eq!(
            folder.text(b"x").unwrap_err().kind(),
            io::ErrorKind::InvalidInput
        );
        Sink::file(&mut folder, "a.ann", b"T1").unwrap();
        folder.commit().unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("out/a.ann")).unwrap(),
            "T1"
        );
    }
}
