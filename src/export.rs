//! Exports of annotations to the formats people take them to: JSON, JSON Lines, CSV, a Markdown
//! report, a W3C Web Annotation collection and a brat standoff folder.
//!
//! Pure: articles and their placed annotations in, text out. No files, no terminal, no clock, so
//! the command line and the reading screen produce the same bytes for the same input. Every format
//! reads positions from [`row`], so they all agree on where an annotation sits.
//!
//! [`Writer`] writes an export one article at a time into a [`Sink`] (the caller's file, pipe or
//! folder), so a library of any size is exported in the memory of its largest article;
//! [`render`] is the same writer with everything held in memory.

mod brat;
mod csv;
mod json;
mod jsonl;
mod markdown;
mod pretty;
mod row;
mod stream;
mod w3c;

pub use row::{Row, rows};
pub use stream::{Sink, Text, Writer};

use crate::annotation::AnnotationSet;
use crate::article::Article;

/// One article and its annotations, as an export sees them.
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    /// The article's file path as it should appear in the export. For [`Format::W3c`] give an
    /// absolute path (or a URI): the W3C model needs an absolute IRI as the target's source.
    pub file: &'a str,
    /// The article.
    pub article: &'a Article,
    /// Its annotations, placed in the current text.
    pub annotations: &'a AnnotationSet,
}

/// An article and its annotations held by the caller, lending an [`Item`]; the article may be
/// owned or shared (`Arc<Article>`).
#[derive(Debug, Clone)]
pub struct OwnedItem<A> {
    /// The article's file path as it should appear in the export.
    pub file: String,
    /// The article.
    pub article: A,
    /// Its annotations, placed in the current text.
    pub annotations: AnnotationSet,
}

impl<A: std::borrow::Borrow<Article>> OwnedItem<A> {
    /// The export's view of this article.
    pub fn item(&self) -> Item<'_> {
        Item {
            file: &self.file,
            article: self.article.borrow(),
            annotations: &self.annotations,
        }
    }
}

/// The formats an export can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One JSON document: the articles, each with its annotations.
    Json,
    /// One JSON object per annotation and line, with its article's file and title.
    Jsonl,
    /// RFC 4180 CSV, one row per annotation and tag.
    Csv,
    /// A readable report: counts per article and tag, then the tagged text as block quotes.
    Markdown,
    /// A W3C Web Annotation Data Model `AnnotationCollection` in JSON-LD.
    W3c,
    /// A brat standoff folder: `.txt` and `.ann` per article plus `annotation.conf`.
    Brat,
}

impl Format {
    /// Every format, in the order menus list them.
    pub const ALL: [Format; 6] = [
        Format::Json,
        Format::Jsonl,
        Format::Csv,
        Format::Markdown,
        Format::W3c,
        Format::Brat,
    ];

    /// The name the command line and menus use.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Markdown => "markdown",
            Format::W3c => "w3c",
            Format::Brat => "brat",
        }
    }

    /// A file name for the export: `annotations.csv`, or `annotations-brat` for the folder.
    pub fn default_file_name(self) -> &'static str {
        match self {
            Format::Json => "annotations.json",
            Format::Jsonl => "annotations.jsonl",
            Format::Csv => "annotations.csv",
            Format::Markdown => "annotations.md",
            Format::W3c => "annotations.jsonld",
            Format::Brat => "annotations-brat",
        }
    }

    /// Whether the format is a folder of files rather than one text.
    pub fn is_folder(self) -> bool {
        self == Format::Brat
    }

    /// Whether the output opens with a summary of every article (the Markdown report's counts,
    /// the W3C collection's id and total), so a [`Writer`] needs a first pass over them.
    pub fn needs_outline(self) -> bool {
        matches!(self, Format::Markdown | Format::W3c)
    }

    /// Whether the first pass must see every article, or only those with annotations: the
    /// Markdown report counts all articles, the W3C collection only annotations.
    pub fn outline_counts_every_article(self) -> bool {
        self == Format::Markdown
    }
}

/// The unit the offsets of an export count in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Offsets {
    /// Unicode code points (Rust `chars`, Python `str` indices, the W3C model).
    #[default]
    CodePoints,
    /// UTF-16 code units (JavaScript string indices).
    Utf16,
}

impl Offsets {
    /// The name written into exports that record their offset unit.
    pub fn name(self) -> &'static str {
        match self {
            Offsets::CodePoints => "code_points",
            Offsets::Utf16 => "utf16",
        }
    }
}

/// Choices that change an export's bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// What offsets count in (brat always counts code points, as the brat tool does).
    pub offsets: Offsets,
    /// Start CSV output with a UTF-8 byte-order mark so Excel reads it as UTF-8.
    pub bom: bool,
}

/// One file of a folder export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to the export folder, `/`-separated, never leaving the folder.
    pub path: String,
    /// The file's contents.
    pub contents: String,
}

/// What an export produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// One text, for the standard output or a file.
    Text(String),
    /// Several files, for a folder.
    Files(Vec<OutputFile>),
}

/// Why an export could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A time cannot be written as RFC 3339 (a year past 9999, say).
    #[error("annotation {id}: its time cannot be written as RFC 3339: {source}")]
    Time {
        /// The annotation's id.
        id: String,
        /// What the formatter said.
        source: time::error::Format,
    },
    /// The JSON serializer failed.
    #[error("writing JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The CSV writer failed.
    #[error("writing CSV: {0}")]
    Csv(#[from] ::csv::Error),
    /// The sink refused the output.
    #[error("writing the export: {0}")]
    Io(#[from] std::io::Error),
    /// The second pass over the articles found other annotations than the first.
    #[error(
        "an article or sidecar changed while it was being exported, so the summary at the top \
         would not match; export again"
    )]
    Changed,
}

/// Renders `items` as `format`. Articles come out sorted by path and annotations in document
/// order (orphans last), whatever order `items` is in.
pub fn render(items: &[Item], format: Format, options: &Options) -> Result<Output, ExportError> {
    let items = sorted(items);
    let mut writer = Writer::new(format, *options, Memory::default());
    if writer.needs_outline() {
        for item in &items {
            writer.outline(item);
        }
    }
    writer.begin()?;
    for item in &items {
        writer.article(item)?;
    }
    let memory = writer.finish()?;
    Ok(if format.is_folder() {
        Output::Files(memory.files)
    } else {
        Output::Text(String::from_utf8_lossy(&memory.text).into_owned())
    })
}

/// A sink that keeps everything, for [`render`].
#[derive(Default)]
struct Memory {
    text: Vec<u8>,
    files: Vec<OutputFile>,
}

impl Sink for Memory {
    fn text(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.text.extend_from_slice(bytes);
        Ok(())
    }

    fn file(&mut self, path: &str, contents: &[u8]) -> std::io::Result<()> {
        self.files.push(OutputFile {
            path: path.to_owned(),
            contents: String::from_utf8_lossy(contents).into_owned(),
        });
        Ok(())
    }
}

/// The items in path order, so output never depends on the order they were found in.
fn sorted<'a>(items: &[Item<'a>]) -> Vec<Item<'a>> {
    let mut items = items.to_vec();
    items.sort_by(|a, b| std::path::Path::new(a.file).cmp(std::path::Path::new(b.file)));
    items
}

/// An annotation time as RFC 3339 text.
fn rfc3339(id: &str, time: crate::annotation::Timestamp) -> Result<String, ExportError> {
    time.format(&time::format_description::well_known::Rfc3339)
        .map_err(|source| ExportError::Time {
            id: id.to_owned(),
            source,
        })
}
