//! Writing an export from the reading screen: the pure `crate::export::render` gives the text,
//! `crate::atomic_file` writes it under a new name in the exports folder, never over an existing
//! file.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::annotation::AnnotationSet;
use crate::article::Article;
use crate::atomic_file;
use crate::export::{self, Format, Item, Options, Output, OwnedItem};
use crate::library::read_article;
use crate::sidecar;

use super::effect::ExportedDoc;

/// One article ready for export, shared with the open document when it is the open one.
type Loaded = OwnedItem<std::sync::Arc<Article>>;

/// Exports `articles` as `format` into a new file (a folder for brat) in `dir` whose name starts
/// with `name`; the open article is taken as edited from `open`, the others from their files and
/// sidecars. Returns the path written, or why nothing was.
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
    let mut loaded = Vec::with_capacity(articles.len());
    for path in articles {
        // The W3C model needs an absolute source; the others read better with it too.
        let file = std::path::absolute(path)
            .unwrap_or_else(|_| path.clone())
            .display()
            .to_string();
        let (article, annotations) = match &open {
            Some(doc) if doc.path == *path => (doc.article.clone(), doc.annotations.clone()),
            _ => {
                let article = read_article(path).map_err(|e| e.to_string())?;
                let annotations = sidecar::load(path)
                    .map_err(|e| e.to_string())?
                    .map(|sidecar| sidecar.annotations)
                    .unwrap_or_default();
                (std::sync::Arc::new(article), annotations)
            }
        };
        let annotations = AnnotationSet::new(&article, annotations);
        loaded.push(Loaded {
            file,
            article,
            annotations,
        });
    }
    let items: Vec<Item> = loaded.iter().map(OwnedItem::item).collect();
    let output = export::render(&items, format, &Options::default()).map_err(|e| e.to_string())?;
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let target = free_name(dir, &format!("{name}.{}", format.default_file_name()))
        .map_err(|e| format!("{}: {e}", dir.display()))?;
    let written = match &output {
        Output::Text(text) => atomic_file::write(&target, text.as_bytes()),
        Output::Files(files) => atomic_file::write_folder(
            &target,
            files
                .iter()
                .map(|file| (Path::new(file.path.as_str()), file.contents.as_bytes())),
        ),
    };
    written
        .map(|()| target.clone())
        .map_err(|e| format!("{}: {e}", target.display()))
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

/// The first of `name`, `name-1`, `name-2`... that does not exist in `dir`.
fn free_name(dir: &Path, name: &str) -> io::Result<PathBuf> {
    candidates(dir, name)
        .find(|path| !path.exists())
        .ok_or_else(|| {
            io::Error::other("too many exports with this name; clear the exports folder")
        })
}
