//! Writing an export from the reading screen: the pure `crate::export::render` gives the text,
//! this writes it under a new name in the exports folder, never over an existing file.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::annotation::AnnotationSet;
use crate::article::Article;
use crate::export::{self, Format, Item, Options, Output};
use crate::library::read_article;
use crate::sidecar;

use super::effect::ExportedDoc;

/// One article ready for export.
struct Loaded {
    file: String,
    article: std::sync::Arc<Article>,
    annotations: AnnotationSet,
}

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
    let items: Vec<Item> = loaded
        .iter()
        .map(|l| Item {
            file: &l.file,
            article: &l.article,
            annotations: &l.annotations,
        })
        .collect();
    let output = export::render(&items, format, &Options::default()).map_err(|e| e.to_string())?;
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let base = format!("{name}.{}", format.default_file_name());
    match output {
        Output::Text(text) => {
            new_file(dir, &base, text.as_bytes()).map_err(|e| format!("{}: {e}", dir.display()))
        }
        Output::Files(files) => {
            let folder = new_folder(dir, &base).map_err(|e| format!("{}: {e}", dir.display()))?;
            for file in files {
                let target = folder.join(&file.path);
                if let Some(parent) = target.parent() {
                    fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
                }
                fs::write(&target, file.contents)
                    .map_err(|e| format!("{}: {e}", target.display()))?;
            }
            Ok(folder)
        }
    }
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

fn new_file(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    for path in candidates(dir, name) {
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                file.write_all(bytes)?;
                file.sync_all()?;
                return Ok(path);
            }
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::other(
        "too many exports with this name; clear the exports folder",
    ))
}

fn new_folder(dir: &Path, name: &str) -> io::Result<PathBuf> {
    for path in candidates(dir, name) {
        match fs::create_dir(&path) {
            Ok(()) => return Ok(path),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::other(
        "too many exports with this name; clear the exports folder",
    ))
}
