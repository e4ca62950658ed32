//! The layout of an article: which lines form a paragraph, which are headings, and the units
//! inside them.
//!
//! Whether a line break joins two lines is decided line by line ([`Builder::joins`]): a line
//! going on in lower case or past an abbreviation continues, a short unfinished line on top
//! stands alone, any other unfinished line goes on. One figure comes from the whole file, the
//! wrap width of hard-wrapped text ([`wrap_width`]), which tells a line broken on purpose from a
//! full one; without it, a line that ends a sentence ends its paragraph. Blank lines, Markdown
//! headings, list items, block quotes, rules and fences end a paragraph in both. Sentences come
//! from [`segment::sentences`]; this module only hands it one paragraph at a time, so a unit never
//! crosses a paragraph break. Units hold offsets only.

use super::char_index::count_chars;
use super::lines::{self, Line};
use super::metadata::Found;
use super::{Unit, UnitKind, chunks, segment, top_matter};

/// How many leading bytes decide the shape of a file.
const SHAPE_SAMPLE: usize = 256 * 1024;
/// Lines shorter than this say little about wrapping: headings, short last lines.
const SHAPE_MIN_CHARS: usize = 40;
/// How many long lines followed by another line it takes to call a file hard-wrapped.
const SHAPE_MIN_LINES: usize = 3;

/// Units and the metadata found while laying out a text.
#[derive(Debug, Default)]
pub struct Layout {
    /// Units in document order.
    pub units: Vec<Unit>,
    /// Metadata found in the text.
    pub metadata: Found,
}

/// Lays out `text`: top matter (metadata and title), then paragraphs, headings and their sentences.
/// `markdown` turns on the block syntax that plain text never means (fences, Setext headings).
/// The body of a plain-text file is laid out in chunks on up to `threads` threads ([`chunks`]), to
/// the same units.
pub fn layout(text: &str, markdown: bool, threads: usize) -> Layout {
    let width = wrap_width(text);
    let top = top_matter::read(text, width.is_some());
    // News sentences average well over 96 bytes: one allocation for the whole text.
    let mut units = Vec::with_capacity(text.len() / 96 + top.units.len());
    units.extend_from_slice(&top.units);
    let shape = Shape { markdown, width };
    if markdown || threads <= 1 {
        shape.body(text, top.body..text.len(), top.paragraphs, &mut units);
    } else {
        chunks::body(text, shape, top.body, top.paragraphs, threads, &mut units);
    }
    Layout {
        units,
        metadata: top.found,
    }
}

/// What the whole file decides about how its lines are read.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Markdown block syntax (fences, Setext headings) is read.
    pub markdown: bool,
    /// The wrap width of a hard-wrapped file ([`wrap_width`]).
    pub width: Option<usize>,
}

impl Shape {
    /// Appends to `units` the units of the lines that start in `lines` (a range from a line's
    /// start), numbering paragraphs from `paragraph`; returns the number after the last one.
    pub fn body(
        self,
        text: &str,
        lines: std::ops::Range<usize>,
        paragraph: usize,
        units: &mut Vec<Unit>,
    ) -> usize {
        let mut builder = Builder {
            text,
            markdown: self.markdown,
            width: self.width,
            units: std::mem::take(units),
            paragraph,
            ranges: Vec::new(),
        };
        builder.body(lines.start, lines.end);
        *units = builder.units;
        builder.paragraph
    }
}

/// The wrap width in code points when the file is hard-wrapped, `None` when lines stand as
/// paragraphs of their own. A hard-wrapped file breaks most of its lines in mid-sentence; a file of
/// one paragraph per line ends nearly every line that has a successor with a sentence. Only lines
/// of some length count, and a few of them are not enough: in a short file the lines are
/// headings, a byline, a paragraph or two, and their widths say nothing of a wrap (the line
/// rules in [`Builder::joins`] still join what continues in lower case or stops mid-sentence).
pub fn wrap_width(text: &str) -> Option<usize> {
    let mut sample_end = text.len().min(SHAPE_SAMPLE);
    while !text.is_char_boundary(sample_end) {
        sample_end -= 1;
    }
    let sample = &text[..sample_end];
    let mut widths = Vec::new();
    let mut ended = 0;
    let mut previous: Option<Line> = None;
    for line in lines::lines_from(sample, 0) {
        let blank = lines::is_blank(sample, line);
        if let Some(prev) = previous
            && !blank
        {
            let chars = count_chars(&sample.as_bytes()[prev.start..prev.end]);
            if chars >= SHAPE_MIN_CHARS {
                widths.push(chars);
                ended += usize::from(lines::ends_sentence(sample, prev.start, prev.end));
            }
        }
        previous = (!blank).then_some(line);
    }
    let continued = widths.len();
    if continued < SHAPE_MIN_LINES || ended * 2 >= continued {
        return None;
    }
    // The wrap width is what nearly all lines reach; one overlong line (a URL, a table) must not
    // widen it, or every sentence ending at a line end would look like a paragraph end.
    widths.sort_unstable();
    Some(widths[(continued - 1) * 19 / 20])
}

/// A paragraph being gathered line by line.
#[derive(Debug, Clone, Copy)]
struct Open {
    start: usize,
    end: usize,
    last: Line,
    lines: usize,
    /// A list item: never a heading.
    item: bool,
    /// A block quote: continuation lines carry `>` markers to skip.
    quote: bool,
}

struct Builder<'a> {
    text: &'a str,
    markdown: bool,
    width: Option<usize>,
    units: Vec<Unit>,
    paragraph: usize,
    /// The splitter's output for one paragraph, reused from paragraph to paragraph.
    ranges: Vec<std::ops::Range<usize>>,
}

impl Builder<'_> {
    fn body(&mut self, from: usize, to: usize) {
        let text = self.text;
        let mut open: Option<Open> = None;
        let mut fenced = false;
        for line in lines::lines_from(text, from).take_while(|line| line.start < to) {
            if fenced {
                if lines::is_fence(text, line) {
                    fenced = false;
                } else {
                    self.lone_line(line, UnitKind::Sentence);
                }
                continue;
            }
            let (s, e) = lines::trim(text, line.start, line.end);
            if s == e {
                self.flush(open.take());
                continue;
            }
            // Most lines start with a letter or a quote: none of the block syntax below applies,
            // except for a letter item such as "a) ".
            let may_be_syntax = matches!(
                text.as_bytes()[s],
                b'#' | b'-' | b'*' | b'_' | b'+' | b'>' | b'`' | b'~' | b'=' | b'0'..=b'9' | 0xE2
            ) || text.as_bytes().get(s + 1) == Some(&b')');
            if !may_be_syntax {
                self.text_line(&mut open, line, s, e);
                continue;
            }
            if self.markdown && lines::is_fence(text, line) {
                self.flush(open.take());
                fenced = true;
                continue;
            }
            if let Some((s, e)) = lines::atx_heading(text, line) {
                self.flush(open.take());
                self.emit(UnitKind::Heading, s, e);
                continue;
            }
            if self.markdown
                && let Some(para) = open.filter(|p| p.lines == 1 && !p.item && !p.quote)
                && lines::is_setext_underline(text, line)
            {
                open = None;
                self.emit(UnitKind::Heading, para.start, para.end);
                continue;
            }
            if lines::is_rule(text, line) {
                self.flush(open.take());
                continue;
            }
            if let Some(content) = lines::quote(text, line) {
                let (s, e) = lines::trim(text, content, line.end);
                match open {
                    _ if s == e => self.flush(open.take()),
                    Some(ref mut para) if para.quote && self.joins(para, line, s) => {
                        extend(para, line, e);
                    }
                    _ => {
                        self.flush(open.take());
                        open = Some(start(line, s, e, false, true));
                    }
                }
                continue;
            }
            // In plain text a marker opens an item only where a new block may start anyway, so
            // that a wrapped line starting with "2022." stays text; a bullet always does.
            if let Some(item) = lines::list_item(text, line)
                && (self.markdown
                    || lines::is_bullet(text, line)
                    || open.is_none_or(|p| p.item || !self.continues(&p, line, s)))
            {
                self.flush(open.take());
                open = Some(start(
                    line,
                    item,
                    lines::trim(text, item, line.end).1,
                    true,
                    false,
                ));
                continue;
            }
            self.text_line(&mut open, line, s, e);
        }
        self.flush(open);
    }

    /// An ordinary line of text, its content at `s..e`: it continues the open paragraph or
    /// starts a new one.
    fn text_line(&mut self, open: &mut Option<Open>, line: Line, s: usize, e: usize) {
        match open {
            Some(para) if !para.quote && self.joins(para, line, s) => extend(para, line, e),
            _ => {
                self.flush(open.take());
                *open = Some(start(line, s, e, false, false));
            }
        }
    }

    /// Whether `line`, whose text starts at `content`, continues the paragraph `para`. Decided
    /// from the paragraph's last line and this one: a line going on in lower case always
    /// continues; so does one after an abbreviation that the sentence runs past.
    fn joins(&self, para: &Open, line: Line, content: usize) -> bool {
        lines::starts_lower(self.text, content) || self.continues(para, line, content)
    }

    /// Whether `line` continues `para` whatever its first letter: the rules for a line that
    /// starts with a capital, a digit or a list marker.
    fn continues(&self, para: &Open, line: Line, content: usize) -> bool {
        let last = para.last;
        let ended = self.ends(last);
        if ended {
            let (s, e) = lines::trim(self.text, last.start, last.end);
            if segment::goes_on_past(self.text, s, e) {
                return true;
            }
        }
        let Some(width) = self.width else {
            // One paragraph per line, unless the line stops where a sentence cannot (a comma,
            // "the"): a line without final punctuation (a heading, a byline) and a list item
            // stand alone. Length is not weighed, so that the answer never depends on how many
            // characters the encoding makes of the line.
            return !ended
                && !para.item
                && (para.quote
                    || para.lines > 1
                    || lines::ends_mid_sentence(self.text, last.start, last.end));
        };
        let fits = || {
            let last = count_chars(&self.text.as_bytes()[last.start..last.end]);
            let word = self.text[content..line.end]
                .split(' ')
                .next()
                .map_or(0, |w| count_chars(w.as_bytes()));
            last + 1 + word <= width
        };
        if ended && (lines::is_indented(self.text, line) || fits()) {
            // The writer broke the line on purpose: the paragraph ended there.
            return false;
        }
        // A short first line without final punctuation, well clear of the wrap width, is a
        // heading standing on top of its paragraph; a full-width one is just wrapped text.
        let heading = para.lines == 1
            && !para.item
            && !para.quote
            && count_chars(&self.text.as_bytes()[last.start..last.end]) * 3 <= width * 2
            && lines::is_heading_like(self.text, para.start, para.end);
        !(heading && fits())
    }

    fn ends(&self, line: Line) -> bool {
        lines::ends_sentence(self.text, line.start, line.end)
    }

    /// Emits the units of a finished paragraph.
    fn flush(&mut self, para: Option<Open>) {
        let Some(para) = para else {
            return;
        };
        if para.lines == 1
            && !para.item
            && !para.quote
            && lines::is_heading_like(self.text, para.start, para.end)
        {
            self.emit(UnitKind::Heading, para.start, para.end);
            return;
        }
        let slice = &self.text[para.start..para.end];
        let before = self.units.len();
        segment::sentences_into(slice, &mut self.ranges);
        for range in self.ranges.drain(..) {
            let mut start = para.start + range.start;
            let end = para.start + range.end;
            if para.quote {
                start = skip_quote_markers(self.text, start, end);
            }
            if start < end {
                self.units.push(Unit {
                    kind: UnitKind::Sentence,
                    paragraph: self.paragraph,
                    start,
                    end,
                });
            }
        }
        if self.units.len() > before {
            self.paragraph += 1;
        }
    }

    /// A line that is a paragraph of its own and is not segmented (a line of code).
    fn lone_line(&mut self, line: Line, kind: UnitKind) {
        let (s, e) = lines::trim(self.text, line.start, line.end);
        self.emit(kind, s, e);
    }

    fn emit(&mut self, kind: UnitKind, start: usize, end: usize) {
        if start < end {
            self.units.push(Unit {
                kind,
                paragraph: self.paragraph,
                start,
                end,
            });
            self.paragraph += 1;
        }
    }
}

fn start(line: Line, s: usize, e: usize, item: bool, quote: bool) -> Open {
    Open {
        start: s,
        end: e,
        last: line,
        lines: 1,
        item,
        quote,
    }
}

fn extend(para: &mut Open, line: Line, end: usize) {
    para.end = end;
    para.last = line;
    para.lines += 1;
}

/// A sentence of a block quote that begins on a continuation line starts after its `>` markers.
/// Looks back only over the whitespace before `start`, so that a long quoted line with many
/// sentences costs no more than its length.
fn skip_quote_markers(text: &str, start: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let at_line_start = bytes[..start]
        .iter()
        .rev()
        .find(|&&b| b != b' ' && b != b'\t')
        .is_none_or(|&b| b == b'\n');
    if !at_line_start {
        return start;
    }
    let mut at = start;
    while at < end && matches!(bytes[at], b'>' | b' ' | b'\t') {
        at += 1;
    }
    at
}
