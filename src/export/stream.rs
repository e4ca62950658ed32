//! Exports written one article at a time: a [`Writer`] takes the articles in path order and hands
//! each article's part of the output to a [`Sink`] before it sees the next, so a caller can read
//! one article, write it, and let it go. Memory follows the largest article, not the library.
//!
//! Two formats sum up every article before the first one: the Markdown report opens with a table
//! of counts, and the W3C collection opens with its id (a hash of every annotation id) and its
//! total. For them the caller makes a first pass, giving each article to [`Writer::outline`],
//! then writes them all. The writer checks that the second pass saw what the first one did, so a
//! file changed in between gives an error, never a summary that disagrees with its contents.

use std::collections::BTreeSet;
use std::io::{self, Write};

use xxhash_rust::xxh3::Xxh3Default;

use super::pretty::Array;
use super::{ExportError, Format, Item, Options, brat, csv, json, jsonl, markdown, w3c};

/// Where an export goes: one text (every format but brat) or the files of a folder (brat).
pub trait Sink {
    /// Appends `bytes` to the export's text.
    fn text(&mut self, bytes: &[u8]) -> io::Result<()>;
    /// Writes the whole file `path` (relative, `/`-separated, never leaving the folder).
    fn file(&mut self, path: &str, contents: &[u8]) -> io::Result<()>;
}

/// A sink for the text formats over any [`Write`]: a file, stdout, a `Vec<u8>`.
#[derive(Debug)]
pub struct Text<W>(pub W);

impl<W: Write> Sink for Text<W> {
    fn text(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.0.write_all(bytes)
    }

    fn file(&mut self, _path: &str, _contents: &[u8]) -> io::Result<()> {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "this format writes a folder, not one text",
        ))
    }
}

/// What the summarising formats must know of every article before writing the first.
#[derive(Clone, Default)]
struct Outline {
    /// Articles seen, for the Markdown totals line.
    articles: usize,
    /// Title and counts of each annotated article, for the Markdown table.
    annotated: Vec<(String, [usize; 4])>,
    /// Annotations seen, for the W3C total.
    annotations: usize,
    /// The W3C collection's identity: every annotation id, in export order.
    identity: Xxh3Default,
    /// The claim groups, each a W3C `linking` annotation after the articles' annotations.
    groups: w3c::Groups,
}

impl Outline {
    fn add(&mut self, format: Format, item: &Item) {
        match format {
            Format::Markdown => {
                self.articles += 1;
                self.annotated.extend(markdown::summary(item));
            }
            Format::W3c => {
                self.annotations += w3c::identity(&mut self.identity, item);
                w3c::add_groups(&mut self.groups, item);
            }
            Format::Json | Format::Jsonl | Format::Csv | Format::Brat => {}
        }
    }

    /// Whether two passes saw the same articles.
    fn agrees(&self, other: &Outline) -> bool {
        self.articles == other.articles
            && self.annotated == other.annotated
            && self.annotations == other.annotations
            && self.identity.digest() == other.identity.digest()
            && self.groups == other.groups
    }
}

/// The part of the output between the articles, by format.
enum State {
    /// Not begun yet.
    New,
    /// The JSON document, its array of articles open.
    Json(Array),
    /// The W3C collection, its array of annotations open.
    W3c(Array),
    /// The brat folder: file names taken so far.
    Brat(BTreeSet<String>),
    /// Formats with nothing to close.
    Jsonl,
    Csv,
    Markdown,
}

/// Writes an export one article at a time into a [`Sink`].
pub struct Writer<S> {
    format: Format,
    options: Options,
    sink: S,
    state: State,
    /// The first pass's outline, for the formats that need one.
    expected: Outline,
    /// What the articles written so far add up to.
    seen: Outline,
    /// One article's output, reused.
    buffer: Vec<u8>,
}

impl<S> std::fmt::Debug for Writer<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer")
            .field("format", &self.format)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl<S: Sink> Writer<S> {
    /// A writer of `format` into `sink`; nothing is written before [`Writer::begin`].
    pub fn new(format: Format, options: Options, sink: S) -> Writer<S> {
        Writer {
            format,
            options,
            sink,
            state: State::New,
            expected: Outline::default(),
            seen: Outline::default(),
            buffer: Vec::new(),
        }
    }

    /// The format being written.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Whether this format sums up every article first, so every article must go through
    /// [`Writer::outline`] before [`Writer::begin`].
    pub fn needs_outline(&self) -> bool {
        self.format.needs_outline()
    }

    /// The first pass: takes note of `item` for the summary the output opens with. Only the
    /// formats that [need an outline](Writer::needs_outline) keep anything, and an article
    /// without annotations may be left out unless
    /// [`Format::outline_counts_every_article`].
    pub fn outline(&mut self, item: &Item) {
        self.expected.add(self.format, item);
    }

    /// Writes what comes before the first article. Called by [`Writer::article`] and
    /// [`Writer::finish`] when the caller has not.
    pub fn begin(&mut self) -> Result<(), ExportError> {
        if !matches!(self.state, State::New) {
            return Ok(());
        }
        self.buffer.clear();
        let options = &self.options;
        self.state = match self.format {
            Format::Json => {
                let array = json::array(options)?;
                self.buffer.extend_from_slice(array.opening().as_bytes());
                State::Json(array)
            }
            Format::W3c => {
                let total = self.expected.annotations + self.expected.groups.len();
                let array = w3c::array(total, self.expected.identity.digest())?;
                self.buffer.extend_from_slice(array.opening().as_bytes());
                State::W3c(array)
            }
            Format::Csv => {
                csv::header(&mut self.buffer, options)?;
                State::Csv
            }
            Format::Markdown => {
                let text = markdown::opening(self.expected.articles, &self.expected.annotated);
                self.buffer.extend_from_slice(text.as_bytes());
                State::Markdown
            }
            Format::Jsonl => State::Jsonl,
            Format::Brat => {
                self.sink
                    .file("annotation.conf", brat::ANNOTATION_CONF.as_bytes())?;
                State::Brat(brat::taken())
            }
        };
        self.flush_buffer()
    }

    /// Writes `item`'s part of the output. Articles must come in path order (sort the paths
    /// first); each one's output reaches the sink before this returns.
    pub fn article(&mut self, item: &Item) -> Result<(), ExportError> {
        self.begin()?;
        if self.format.needs_outline() {
            self.seen.add(self.format, item);
        }
        self.buffer.clear();
        let options = &self.options;
        match &mut self.state {
            // `begin` above has left this state.
            State::New => {}
            State::Json(array) => {
                array.element(&mut self.buffer, &json::ArticleRecord::new(item, options)?)?;
            }
            State::W3c(array) => w3c::article(array, &mut self.buffer, item, options)?,
            State::Brat(taken) => {
                for (path, contents) in brat::files(item, taken)? {
                    self.sink.file(&path, &contents)?;
                }
            }
            State::Jsonl => jsonl::article(&mut self.buffer, item, options)?,
            State::Csv => csv::article(&mut self.buffer, item, options)?,
            State::Markdown => {
                self.buffer
                    .extend_from_slice(markdown::article(item).as_bytes());
            }
        }
        self.flush_buffer()
    }

    /// Writes what comes after the last article and gives the sink back. Fails, having written
    /// the end all the same, when the articles differ from those of the first pass.
    pub fn finish(mut self) -> Result<S, ExportError> {
        self.begin()?;
        self.buffer.clear();
        if let State::W3c(array) = &mut self.state {
            w3c::groups(array, &mut self.buffer, &self.seen.groups)?;
        }
        if let State::Json(array) | State::W3c(array) = &self.state {
            array.finish(&mut self.buffer);
            self.buffer.push(b'\n');
        }
        self.flush_buffer()?;
        if self.format.needs_outline() && !self.expected.agrees(&self.seen) {
            return Err(ExportError::Changed);
        }
        Ok(self.sink)
    }

    /// The sink, to flush it between articles.
    pub fn sink_mut(&mut self) -> &mut S {
        &mut self.sink
    }

    fn flush_buffer(&mut self) -> Result<(), ExportError> {
        if !self.buffer.is_empty() {
            self.sink.text(&self.buffer)?;
            self.buffer.clear();
        }
        Ok(())
    }
}
