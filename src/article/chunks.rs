//! The body of a big plain-text article laid out in chunks on several threads.
//!
//! In plain text a blank line ends whatever paragraph is open and nothing carries past it (fences,
//! the one block that spans blank lines, are Markdown's): the lines after it are laid out as if the
//! text began there, given the file's [`Shape`]. So the body is cut just after blank lines into
//! chunks of about [`CHUNK`] bytes, each chunk laid out on its own with paragraphs numbered from
//! 0, and the chunks joined in order with their paragraph numbers shifted: the same units as one
//! pass over the whole body, at the same offsets.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use super::Unit;
use super::lines;
use super::structure::Shape;

/// About how many bytes one chunk holds (more where no blank line comes sooner).
const CHUNK: usize = 256 * 1024;

/// Appends to `units` the units of the plain-text body of `text` from byte `from` (a line's
/// start), numbering paragraphs from `paragraph`, on up to `threads` threads.
pub fn body(
    text: &str,
    shape: Shape,
    from: usize,
    paragraph: usize,
    threads: usize,
    units: &mut Vec<Unit>,
) {
    body_in_chunks(text, shape, (from, paragraph), threads, CHUNK, units);
}

/// [`body`] in chunks of about `size` bytes, from the byte and paragraph `at`.
fn body_in_chunks(
    text: &str,
    shape: Shape,
    (from, paragraph): (usize, usize),
    threads: usize,
    size: usize,
    units: &mut Vec<Unit>,
) {
    let chunks = cut(text, from, size);
    let threads = threads.min(chunks.len());
    if threads <= 1 {
        shape.body(text, from..text.len(), paragraph, units);
        return;
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, usize, Vec<Unit>)> = thread::scope(|scope| {
        let work = || {
            let mut done = Vec::new();
            loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(lines) = chunks.get(index) else {
                    break;
                };
                let mut units = Vec::with_capacity(lines.len() / 96);
                let paragraphs = shape.body(text, lines.clone(), 0, &mut units);
                done.push((index, paragraphs, units));
            }
            done
        };
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut done = work();
        for helper in helpers {
            // A helper that panicked leaves its chunks undone; they are laid out again below.
            done.extend(helper.join().unwrap_or_default());
        }
        done
    });
    done.sort_unstable_by_key(|&(index, ..)| index);
    let mut paragraph = paragraph;
    let mut done = done.into_iter().peekable();
    for (index, lines) in chunks.iter().enumerate() {
        match done.next_if(|&(at, ..)| at == index) {
            Some((_, paragraphs, chunk)) => {
                units.extend(chunk.into_iter().map(|unit| Unit {
                    paragraph: unit.paragraph + paragraph,
                    ..unit
                }));
                paragraph += paragraphs;
            }
            None => paragraph = shape.body(text, lines.clone(), paragraph, units),
        }
    }
}

/// The body from byte `from` cut into ranges of lines of about `size` bytes, each cut made at
/// the start of a line that follows a blank line.
fn cut(text: &str, from: usize, size: usize) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut chunks = Vec::new();
    let mut start = from;
    while let Some(end) = start
        .checked_add(size)
        .and_then(|at| after_blank_line(text, at))
    {
        chunks.push(start..end);
        start = end;
    }
    if start < bytes.len() {
        chunks.push(start..bytes.len());
    }
    chunks
}

/// Where the line after the first blank line starting at or after byte `at` starts, when there
/// is such a line before the end of the text.
fn after_blank_line(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut newline = at.checked_sub(1)?;
    loop {
        newline += memchr::memchr(b'\n', bytes.get(newline..)?)?;
        let line = lines::line_at(text, newline + 1);
        if line.next < bytes.len() && lines::is_blank(text, line) {
            return Some(line.next);
        }
        newline += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::structure::layout;
    use proptest::prelude::*;

    /// Lays out `text` in one pass and in chunks of `size` bytes on two threads, checking that
    /// every cut follows a blank line.
    fn both(text: &str, size: usize) -> (Vec<Unit>, Vec<Unit>) {
        let whole = layout(text, false, 1).units;
        let width = crate::article::structure::wrap_width(text);
        let top = crate::article::top_matter::read(text, width.is_some());
        for pair in cut(text, top.body, size).windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            let before = &text[..pair[0].end - 1];
            let last_line = before.rsplit('\n').next().unwrap_or("");
            let blank = last_line.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
            assert!(blank.is_empty(), "{last_line:?} is not blank");
        }
        let shape = Shape {
            markdown: false,
            width,
        };
        let mut chunked = top.units.clone();
        body_in_chunks(
            text,
            shape,
            (top.body, top.paragraphs),
            2,
            size,
            &mut chunked,
        );
        (whole, chunked)
    }

    #[test]
    fn big_text_on_threads_has_the_units_of_one_pass() {
        let paragraph = "The mayor said on Tuesday that 2,700 homes were flooded. “We will not \
                         leave,” she added.\r\n  \r\nSTORM\n\nA list:\n- one item\n- another \
                         item, which\ngoes on.\n\n> A quote\n> that goes on. And ends.\n\n";
        let text = format!("Title line\n\n{}", paragraph.repeat(40_000));
        let article = crate::article::Article::parse("big.txt", text.as_bytes()).unwrap();
        let chunked = layout(&text, false, 2).units;
        assert_eq!(article.units(), &chunked[..]);
        assert!(chunked.last().unwrap().paragraph > 100_000);
    }

    proptest! {
        #[test]
        fn chunked_layout_equals_one_pass(
            pieces in prop::collection::vec(
                prop::sample::select(vec![
                    "\n", "\n\n", "\r\n", "\r\n\r\n", " \n", "\n \t\n", "\u{2003}\n\n",
                    "Word", "word", "Dr.", "U.S.", "said.", "“Quote,” she said. ", "2022.",
                    "- item", "1. item", "> quote", "# Heading", "---", "```", "e.g.",
                    "é", "Ünter", ". ", "? ", "\u{FEFF}", "    indented", "(a) ", "a) ",
                    "A line of some length that ends without a stop and goes on",
                    "A full line of text that ends a sentence right here at the end.",
                ]),
                0..300,
            ),
            size in 1usize..200,
        ) {
            let text: String = pieces.concat();
            let (whole, chunked) = both(&text, size);
            prop_assert_eq!(whole, chunked);
        }
    }
}
