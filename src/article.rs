//! An article: its decoded text, metadata and units (title, headings, sentences).
//!
//! Owns the model every other module reads. Built from bytes, never from a path: reading files is
//! the library's job. Every offset in a [`Unit`] is a byte offset into [`Article::text`], the
//! file's text as decoded (BOM and CR included), so that it points into the file; code-point
//! offsets for the outside world come from [`CharIndex`].

mod char_index;
mod chunks;
mod dates;
mod decode;
mod display;
mod fingerprint;
mod inline;
mod lines;
mod metadata;
mod outlet;
mod preview;
pub mod segment;
mod structure;
mod top_matter;

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

pub use char_index::{CharIndex, count_chars, line_column};
pub use decode::{HEAD_BYTES, SourceEncoding, check_head};
pub use fingerprint::Fingerprint;
pub use metadata::Metadata;
pub use preview::preview_len;

/// What a unit is: the article's title, a heading, or a sentence of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// The article's title (at most one; the first unit, unless a one-line summary stands
    /// before the title line in the file, since units keep document order).
    Title,
    /// A heading inside the article.
    Heading,
    /// A sentence of a paragraph.
    Sentence,
}

/// One unit of reading and tagging, located by byte offsets into [`Article::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    /// Title, heading or sentence.
    pub kind: UnitKind,
    /// Index of the paragraph (block) the unit belongs to, counting from 0.
    pub paragraph: usize,
    /// Byte offset of the unit's first character.
    pub start: usize,
    /// Byte offset just past the unit's last character.
    pub end: usize,
}

impl Unit {
    /// The unit's byte range in the article text.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Why an article could not be loaded.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ArticleError {
    /// The file has no bytes, or nothing but whitespace.
    #[error("{name}: the file is empty; an article needs some text")]
    Empty {
        /// The file name.
        name: String,
    },
    /// The file holds NUL bytes, so it is not text.
    #[error(
        "{name}: this looks like a binary file (a NUL byte at byte {offset}); sidenote reads .txt and .md articles"
    )]
    Binary {
        /// The file name.
        name: String,
        /// Byte offset of the first NUL.
        offset: usize,
    },
}

/// A loaded article: text, metadata, units, and the offset index between bytes and code points.
#[derive(Debug, Clone)]
pub struct Article {
    text: String,
    encoding: SourceEncoding,
    metadata: Metadata,
    units: Vec<Unit>,
    /// Built on first use: printing units in order needs no index, and building one is a pass
    /// over the whole text.
    chars: OnceLock<CharIndex>,
    markdown: bool,
}

impl Article {
    /// Decodes, reads metadata from and segments the bytes of the file called `name`.
    pub fn parse(name: &str, bytes: &[u8]) -> Result<Article, ArticleError> {
        let (text, encoding) = decode::decode(name, bytes)?;
        Ok(Article::from_text(name, text, encoding))
    }

    /// Like [`Article::parse`], but takes the buffer so that UTF-8 files are not copied.
    pub fn parse_owned(name: &str, bytes: Vec<u8>) -> Result<Article, ArticleError> {
        let (text, encoding) = decode::decode_owned(name, bytes)?;
        Ok(Article::from_text(name, text, encoding))
    }

    /// Like [`Article::parse_owned`], with a big plain-text file's paragraphs segmented on up to
    /// `threads` threads; the article is the same.
    pub fn parse_owned_on(
        name: &str,
        bytes: Vec<u8>,
        threads: usize,
    ) -> Result<Article, ArticleError> {
        let (text, encoding) = decode::decode_owned(name, bytes)?;
        Ok(Article::from_text_on(name, text, encoding, threads))
    }

    /// Builds an article from text that is already decoded.
    pub fn from_text(name: &str, text: String, encoding: SourceEncoding) -> Article {
        Article::from_text_on(name, text, encoding, 1)
    }

    /// Like [`Article::from_text`], on up to `threads` threads.
    fn from_text_on(name: &str, text: String, encoding: SourceEncoding, threads: usize) -> Article {
        let markdown = is_markdown(name, &text);
        let layout = structure::layout(&text, markdown, threads);
        let units = layout.units;
        let metadata = Metadata::resolve(name, &text, markdown, &layout.metadata, &units);
        Article {
            text,
            encoding,
            metadata,
            units,
            chars: OnceLock::new(),
            markdown,
        }
    }

    /// The file's text as decoded, BOM and CR included: every offset points here.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The encoding the file was decoded from; anything but UTF-8 deserves a warning.
    pub fn encoding(&self) -> SourceEncoding {
        self.encoding
    }

    /// Title, date, source and the other metadata found at the top of the file.
    pub fn metadata(&self) -> &Metadata {
        &self.metadata
    }

    /// The units in document order.
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// The raw source slice of unit `index`, as it stands in the file.
    pub fn unit_source(&self, index: usize) -> Option<&str> {
        let unit = self.units.get(index)?;
        self.text.get(unit.range())
    }

    /// The text of unit `index` as people read it: hard wraps and whitespace runs folded to single
    /// spaces, markup removed, control characters replaced so they never reach a terminal.
    pub fn unit_text(&self, index: usize) -> Option<Cow<'_, str>> {
        self.unit_source(index)
            .map(|source| display::display_text(source, self.markdown))
    }

    /// Like [`Article::unit_text`], but writes into `buffer` when the text needs changing, so
    /// that going through every unit of a large article allocates once.
    pub fn unit_text_in<'a>(&'a self, index: usize, buffer: &'a mut String) -> Option<&'a str> {
        let source = self.unit_source(index)?;
        Some(display::display_text_in(source, self.markdown, buffer))
    }

    /// The index of the unit that contains byte `offset`, or the first unit after it.
    pub fn unit_at_byte(&self, offset: usize) -> Option<usize> {
        let index = self.units.partition_point(|unit| unit.end <= offset);
        (index < self.units.len()).then_some(index)
    }

    /// The offset index between bytes and code points of [`Article::text`].
    pub fn chars(&self) -> &CharIndex {
        self.chars.get_or_init(|| CharIndex::new(&self.text))
    }

    /// Whether the article's inline Markdown markup is dropped from display text.
    pub fn is_markdown(&self) -> bool {
        self.markdown
    }
}

/// How many leading bytes of a file without a Markdown extension are searched for markup.
const MARKDOWN_SNIFF: usize = 1 << 20;

/// Whether the file is Markdown: by its extension, or because its text uses the markup that
/// plain text hardly ever holds (headings, links, strong emphasis, fences, quotes).
fn is_markdown(name: &str, text: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        return true;
    }
    // Markup shows near the top of a file that uses it; scanning a prefix keeps this cheap on
    // huge plain-text files.
    let mut end = text.len().min(MARKDOWN_SNIFF);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let bytes = &text.as_bytes()[..end];
    let starts = |prefix: &[u8]| bytes.starts_with(prefix);
    starts(b"# ")
        || starts(b"> ")
        || ["\n# ", "\n## ", "](", "**", "\n```", "\n> "]
            .iter()
            .any(|needle| memchr::memmem::find(bytes, needle.as_bytes()).is_some())
}
