//! The top of an article: front matter, date lines, and the forms a title takes in real files.
//!
//! Recognises, in this order and only before the first paragraph of the body: a front-matter
//! block between `---` lines; a "date 2025-01-13 Title" line; a date line such as
//! "January 13, 2025"; a title line repeated twice; a one-line summary followed by such a repeated
//! title; a Markdown `#` heading; a lone short line without final punctuation. Metadata lines and
//! duplicates are not units; the title becomes a [`UnitKind::Title`] unit pointing at its line.

use super::lines::{self, Line};
use super::metadata::Found;
use super::{Unit, UnitKind, dates, segment};

/// How many lines a front-matter block may span before it is taken for ordinary text.
const FRONT_MATTER_LINES: usize = 64;
/// How long a repeated line may be and still be a title.
const TITLE_MAX_BYTES: usize = 600;

/// What the top of the file holds.
#[derive(Debug, Default)]
pub struct TopMatter {
    /// Metadata found.
    pub found: Found,
    /// Units of the top matter in document order: a summary's sentences, then the title.
    pub units: Vec<Unit>,
    /// Paragraphs the top matter used.
    pub paragraphs: usize,
    /// Byte offset where the body starts.
    pub body: usize,
}

/// Reads the top matter of `text`. `wrapped` says whether the body is hard-wrapped, in which case a
/// lone title line must stand in its own block.
pub fn read(text: &str, wrapped: bool) -> TopMatter {
    let mut top = TopMatter::default();
    let mut at = next_content(text, 0);
    if let Some(after) = front_matter(text, at, &mut top.found) {
        at = next_content(text, after);
    }
    top.body = at;
    let mut titled = false;
    while at < text.len() {
        let line = lines::line_at(text, at);
        let (s, e) = lines::trim(text, line.start, line.end);
        if top.found.date.is_none()
            && !titled
            && let Some((date, title)) = dates::date_title_line(&text[s..e])
        {
            top.found.date = Some(date.to_owned());
            let title_start = s + title;
            push_title(&mut top, title_start, e);
            titled = true;
            at = skip_duplicate(text, line, &text[title_start..e]);
        } else if dates::is_date_line(&text[s..e]) {
            // A second date (front matter and a date line, say) keeps the first.
            top.found.date.get_or_insert_with(|| text[s..e].to_owned());
            at = line.next;
        } else if titled {
            break;
        } else if let Some(after) = repeated_title(text, &mut top, line) {
            titled = true;
            at = after;
        } else if let Some((hs, he)) = lines::atx_heading(text, line) {
            if !matches_found_title(&top.found, &text[hs..he]) {
                break;
            }
            push_title(&mut top, hs, he);
            titled = true;
            at = line.next;
        } else if lines::is_heading_like(text, s, e)
            && lines::list_item(text, line).is_none()
            && (!wrapped || stands_alone(text, line))
            && !continues_lower(text, line)
            && matches_found_title(&top.found, &text[s..e])
        {
            push_title(&mut top, s, e);
            titled = true;
            at = line.next;
        } else {
            break;
        }
        at = next_content(text, at);
        top.body = at;
    }
    top
}

/// The offset of the first non-blank line at or after `at`, or the text's length.
fn next_content(text: &str, at: usize) -> usize {
    lines::lines_from(text, at)
        .find(|&line| !lines::is_blank(text, line))
        .map_or(text.len(), |line| line.start)
}

/// Parses a front-matter block starting at `at` into `found`; returns where the body starts, or
/// `None` when there is no closed block.
fn front_matter(text: &str, at: usize, found: &mut Found) -> Option<usize> {
    let first = lines::line_at(text, at);
    if trimmed(text, first) != "---" {
        return None;
    }
    let mut fields = Found::default();
    for line in lines::lines_from(text, first.next).take(FRONT_MATTER_LINES) {
        let content = trimmed(text, line);
        if content == "---" || content == "..." {
            *found = fields;
            return Some(line.next);
        }
        let Some((key, value)) = content.split_once(':') else {
            continue;
        };
        let value = unquote(value.trim());
        let value = (!value.is_empty()).then(|| value.to_owned());
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => fields.title = value,
            "date" => fields.date = value,
            "source" | "publisher" | "outlet" => fields.source = value,
            "url" | "link" => fields.url = value,
            "author" | "by" => fields.author = value,
            _ => {}
        }
    }
    None
}

fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|v| v.strip_suffix(quote))
        {
            return inner;
        }
    }
    value
}

fn trimmed(text: &str, line: Line) -> &str {
    let (s, e) = lines::trim(text, line.start, line.end);
    &text[s..e]
}

/// A line repeated on the next non-blank line is the title, the copy skipped; a line followed by
/// a repeated pair is a summary before the title. Returns where the top goes on.
fn repeated_title(text: &str, top: &mut TopMatter, line: Line) -> Option<usize> {
    let first = trimmed(text, line);
    let second = lines::line_at(text, next_content(text, line.next));
    let second_text = trimmed(text, second);
    if second_text.is_empty() || first.len() > TITLE_MAX_BYTES {
        return None;
    }
    if first == second_text && matches_found_title(&top.found, first) {
        let (s, e) = lines::trim(text, line.start, line.end);
        push_title(top, s, e);
        return Some(second.next);
    }
    let third = lines::line_at(text, next_content(text, second.next));
    if second_text == trimmed(text, third)
        && second_text.len() <= TITLE_MAX_BYTES
        && matches_found_title(&top.found, second_text)
    {
        let (s, e) = lines::trim(text, line.start, line.end);
        let paragraph = top.paragraphs;
        for range in segment::sentences(&text[s..e]) {
            top.units.push(Unit {
                kind: UnitKind::Sentence,
                paragraph,
                start: s + range.start,
                end: s + range.end,
            });
        }
        top.paragraphs += 1;
        let (s, e) = lines::trim(text, second.start, second.end);
        push_title(top, s, e);
        return Some(third.next);
    }
    None
}

/// Skips the next non-blank line when it repeats `title`; returns where the top goes on.
fn skip_duplicate(text: &str, line: Line, title: &str) -> usize {
    let next = lines::line_at(text, next_content(text, line.next));
    if next.start < text.len() && trimmed(text, next) == title {
        next.next
    } else {
        line.next
    }
}

/// Whether the line is followed by a blank line, a date line or the end of the text.
fn stands_alone(text: &str, line: Line) -> bool {
    if line.next >= text.len() {
        return true;
    }
    let next = lines::line_at(text, line.next);
    lines::is_blank(text, next) || dates::is_date_line(trimmed(text, next))
}

/// Whether the next line goes on in lower case, so that the line is the start of a sentence.
fn continues_lower(text: &str, line: Line) -> bool {
    line.next < text.len() && {
        let next = lines::line_at(text, line.next);
        lines::starts_lower(text, lines::trim(text, next.start, next.end).0)
    }
}

/// Whether a title candidate agrees with the front-matter title, when there is one.
fn matches_found_title(found: &Found, candidate: &str) -> bool {
    found.title.as_deref().is_none_or(|title| {
        let fold = |s: &str| {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        };
        fold(title) == fold(candidate)
    })
}

fn push_title(top: &mut TopMatter, start: usize, end: usize) {
    if start >= end {
        return;
    }
    top.units.push(Unit {
        kind: UnitKind::Title,
        paragraph: top.paragraphs,
        start,
        end,
    });
    top.paragraphs += 1;
}
