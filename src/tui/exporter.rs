//! Writing an export from the reading screen: the articles are read one at a time and written
//! through the pure `crate::export::Writer` into `crate::atomic_file`'s temporary file (or folder),
//! which takes a new name in the exports folder, never that of an existing file, once complete.
//! The name is claimed (created empty) when the export starts, so exports running at the same
//! time never share one; a process killed meanwhile leaves that empty file behind.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::annotation::AnnotationSet;
use crate::article::Article;
use crate::atomic_file::{self, AtomicFile};
use crate::export::{Format, Options, OwnedItem, Sink, Text, Writer};
use crate::library::read_article;
use crate::sidecar;

use super::effect::ExportedDoc;

/// One article ready for export, shared with the open document when it is the open one.
type Loaded = OwnedItem<std::sync::Arc<Article>>;

/// Exports `articles` as `format` into a new file (a folder for brat) in `dir` whose name starts
/// with `name`; the open article is taken as edited from `open`, the others from their files and
/// sidecars, one at a time. Returns the path written, or why nothing was.
pub fn write(
    dir: &Path,
    name: &str,
    articles: &[PathBuf],
    open: Option<ExportedDoc>,
    format: &str,
) -> Result<PathBuf, String> {
    let Some(format) = Format::ALL.into_iter().find(|f| f.name() == format) else {
        return Err(format!("unknown export format {format:?}"));
    };
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let folder = format.is_folder();
    let target = claim(
        dir,
        &format!("{name}.{}", format.default_file_name()),
        folder,
    )
    .map_err(|e| format!("{}: {e}", dir.display()))?;
    // Written in the order `export::render` gives: by the name each article is shown under.
    let mut articles = articles.to_vec();
    articles.sort_by_cached_key(|path| PathBuf::from(shown(path)));
    let source = Source {
        articles: &articles,
        open: open.as_ref(),
    };
    let written = write_into(&target, format, &source);
    if written.is_err() {
        // Give the claimed name back; the temporary file or folder is already gone.
        let _ = if folder {
            fs::remove_dir(&target)
        } else {
            fs::remove_file(&target)
        };
    }
    written.map(|()| target)
}

/// Writes the export into `target`, which this export has claimed, replacing it when complete.
fn write_into(target: &Path, format: Format, source: &Source) -> Result<(), String> {
    let in_target = |e: &dyn std::fmt::Display| format!("{}: {e}", target.display());
    let options = Options::default();
    if format.is_folder() {
        let folder = atomic_file::Folder::create(target).map_err(|e| in_target(&e))?;
        let folder = source.stream(Writer::new(format, options, folder))?;
        folder.commit().map_err(|e| in_target(&e))
    } else {
        let file = AtomicFile::create(target).map_err(|e| in_target(&e))?;
        let Text(file) = source.stream(Writer::new(format, options, Text(file)))?;
        file.commit().map_err(|e| in_target(&e))
    }
}

/// The articles of an export, in path order, read one at a time.
struct Source<'a> {
    articles: &'a [PathBuf],
    open: Option<&'a ExportedDoc>,
}

impl Source<'_> {
    /// Writes every article through `writer`, each read, written and let go before the next is
    /// read; formats that open with a summary get a first pass. An article that cannot be read
    /// stops the export (the temporary file goes with it).
    fn stream<S: Sink>(&self, mut writer: Writer<S>) -> Result<S, String> {
        if writer.needs_outline() {
            for path in self.articles {
                // Without a sidecar (and not open) an article adds nothing to a W3C outline.
                let is_open = self.open.is_some_and(|doc| doc.path == *path);
                let skip = !writer.format().outline_counts_every_article()
                    && !is_open
                    && !sidecar::path_for(path).exists();
                if !skip {
                    writer.outline(&self.load(path)?.item());
                }
            }
        }
        writer.begin().map_err(|e| e.to_string())?;
        for path in self.articles {
            writer
                .article(&self.load(path)?.item())
                .map_err(|e| e.to_string())?;
        }
        writer.finish().map_err(|e| e.to_string())
    }

    /// The article at `path` with its annotations: the open one from memory, others from disk.
    fn load(&self, path: &Path) -> Result<Loaded, String> {
        let file = shown(path);
        let (article, annotations) = match self.open {
            Some(doc) if doc.path == *path => (doc.article.clone(), doc.annotations.clone()),
            _ => {
                let article = read_article(path).map_err(|e| e.to_string())?;
                let annotations = sidecar::load_read_only(path)
                    .map_err(|e| e.to_string())?
                    .map(|sidecar| sidecar.annotations)
                    .unwrap_or_default();
                (std::sync::Arc::new(article), annotations)
            }
        };
        let annotations = AnnotationSet::new(&article, annotations);
        Ok(Loaded {
            file,
            article,
            annotations,
        })
    }
}

/// The name `path` is shown under: absolute, as the W3C model needs a source to be, and the
/// other formats read better with.
fn shown(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_owned())
        .display()
        .to_string()
}

/// `name` in `dir`, or `name-1`, `name-2`... when taken: an export never replaces a file.
fn candidates(dir: &Path, name: &str) -> impl Iterator<Item = PathBuf> {
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) => (stem.to_owned(), format!(".{ext}")),
        None => (name.to_owned(), String::new()),
    };
    let dir = dir.to_owned();
    (0..1000).map(move |n| match n {
        0 => dir.join(format!("{stem}{ext}")),
        n => dir.join(format!("{stem}-{n}{ext}")),
    })
}

/// The first of `name`, `name-1`, `name-2`... that does not exist in `dir`, claimed by creating
/// it empty (a file, or a `folder`): an export takes a while, and one started meanwhile must
/// take another name rather than write over this one.
fn claim(dir: &Path, name: &str, folder: bool) -> io::Result<PathBuf> {
    for path in candidates(dir, name) {
        let created = if folder {
            fs::create_dir(&path)
        } else {
            fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
                .map(drop)
        };
        match created {
            Ok(()) => return Ok(path),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::other(
        "too many exports with this name; clear the exports folder",
    ))
}
