//! Lines of an article and what a single line looks like: blank, a Markdown heading, a list item,
//! a block quote, a rule, a fence, a heading-like short line.
//!
//! Works on byte offsets into the text and never allocates, so that the structure pass stays a
//! small cost next to sentence segmentation even on files of a hundred megabytes.

use super::char_index::count_chars;

/// One line of the text, located by byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// Offset of the line's first byte.
    pub start: usize,
    /// Offset just past the line's content, before any `\r\n` or `\n`.
    pub end: usize,
    /// Offset of the next line (past the newline), or the text's length.
    pub next: usize,
}

/// The line that starts at `start`.
pub fn line_at(text: &str, start: usize) -> Line {
    let bytes = text.as_bytes();
    let (mut end, next) = match memchr::memchr(b'\n', &bytes[start..]) {
        Some(at) => (start + at, start + at + 1),
        None => (bytes.len(), bytes.len()),
    };
    if end > start && bytes[end - 1] == b'\r' {
        end -= 1;
    }
    Line { start, end, next }
}

/// The lines of `text` from byte `start` on.
pub fn lines_from(text: &str, start: usize) -> impl Iterator<Item = Line> + '_ {
    let mut at = start;
    std::iter::from_fn(move || {
        (at < text.len()).then(|| {
            let line = line_at(text, at);
            at = line.next;
            line
        })
    })
}

/// The range of `start..end` without surrounding whitespace (and without a BOM at the front).
pub fn trim(text: &str, start: usize, end: usize) -> (usize, usize) {
    let slice = &text[start..end];
    let inner = slice.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let s = start + slice.len() - inner.len();
    let e = s + inner.trim_end().len();
    (s, e)
}

/// Whether the line holds nothing but whitespace.
pub fn is_blank(text: &str, line: Line) -> bool {
    let (s, e) = trim(text, line.start, line.end);
    s == e
}

/// Whether the line starts with a space or a tab, the mark of an indented first line.
pub fn is_indented(text: &str, line: Line) -> bool {
    matches!(text.as_bytes().get(line.start), Some(b' ' | b'\t'))
}

/// For a Markdown ATX heading (`## Text ##`), the range of its text.
pub fn atx_heading(text: &str, line: Line) -> Option<(usize, usize)> {
    let (s, e) = trim(text, line.start, line.end);
    let bytes = text.as_bytes();
    let hashes = bytes[s..e].iter().take_while(|&&b| b == b'#').count();
    if hashes == 0 || hashes > 6 || (s + hashes < e && !matches!(bytes[s + hashes], b' ' | b'\t')) {
        return None;
    }
    let (s, mut e) = trim(text, s + hashes, e);
    // An optional closing run of `#` after a space.
    let closing = bytes[s..e].iter().rev().take_while(|&&b| b == b'#').count();
    if closing > 0 && (closing == e - s || matches!(bytes[e - closing - 1], b' ' | b'\t')) {
        e = trim(text, s, e - closing).1;
    }
    Some((s, e))
}

/// Whether the line is a thematic break: three or more `-`, `*` or `_` and nothing else.
pub fn is_rule(text: &str, line: Line) -> bool {
    let (s, e) = trim(text, line.start, line.end);
    let bytes = &text.as_bytes()[s..e];
    let Some(&mark) = bytes.first() else {
        return false;
    };
    matches!(mark, b'-' | b'*' | b'_')
        && bytes.iter().all(|&b| b == mark || b == b' ' || b == b'\t')
        && bytes.iter().filter(|&&b| b == mark).count() >= 3
}

/// Whether the line underlines a Setext heading (`===` or `---`).
pub fn is_setext_underline(text: &str, line: Line) -> bool {
    let (s, e) = trim(text, line.start, line.end);
    let bytes = &text.as_bytes()[s..e];
    !bytes.is_empty() && (bytes.iter().all(|&b| b == b'=') || bytes.iter().all(|&b| b == b'-'))
}

/// Whether the line opens or closes a fenced code block (```` ``` ```` or `~~~`).
pub fn is_fence(text: &str, line: Line) -> bool {
    let (s, e) = trim(text, line.start, line.end);
    let bytes = &text.as_bytes()[s..e];
    bytes.starts_with(b"```") || bytes.starts_with(b"~~~")
}

/// Whether the text at `at` starts with a lower-case letter: such a line goes on with the
/// sentence of the line before it, whatever the shape of the file.
pub fn starts_lower(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_lowercase)
}

/// Whether the line opens with a bullet (`•`, `‣`, `◦`, `⁃`), which no wrapped sentence does by
/// accident, unlike `-` or `1.`.
pub fn is_bullet(text: &str, line: Line) -> bool {
    let rest = text[line.start..line.end].trim_start_matches([' ', '\t']);
    rest.starts_with(['•', '‣', '◦', '⁃'])
}

/// For a list item (`- `, `* `, `+ `, `• `, `1. `, `2) `, `a) `), the offset where its text
/// starts.
pub fn list_item(text: &str, line: Line) -> Option<usize> {
    let bytes = &text.as_bytes()[line.start..line.end];
    let indent = bytes
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    if indent > 8 {
        return None;
    }
    let rest = &bytes[indent..];
    let marker = match rest {
        [b'-' | b'*' | b'+', b' ' | b'\t', ..] => 1,
        // U+2022 BULLET, U+2023 TRIANGULAR BULLET, U+25E6 WHITE BULLET, U+2043 HYPHEN BULLET.
        [0xE2, 0x80, 0xA2 | 0xA3, b' ', ..] | [0xE2, 0x97, 0xA6, b' ', ..] => 3,
        [0xE2, 0x81, 0x83, b' ', ..] => 3,
        _ => {
            let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
            match (digits, rest.get(digits..digits + 2)) {
                (1..=3, Some([b'.' | b')', b' ' | b'\t'])) => digits + 1,
                // "a) " and "B) ", but not "a. ": "A. Smith" is an initial.
                (0, _) if matches!(rest, [letter, b')', b' ' | b'\t', ..] if letter.is_ascii_alphabetic()) => {
                    2
                }
                _ => return None,
            }
        }
    };
    let (s, e) = trim(text, line.start + indent + marker, line.end);
    (s < e).then_some(s)
}

/// For a block-quote line (`> text`, `> > text`), the offset where its text starts.
pub fn quote(text: &str, line: Line) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = line.start;
    while at < line.end && matches!(bytes[at], b' ' | b'\t') && at - line.start < 4 {
        at += 1;
    }
    if at >= line.end || bytes[at] != b'>' {
        return None;
    }
    while at < line.end && matches!(bytes[at], b'>' | b' ' | b'\t') {
        at += 1;
    }
    Some(at)
}

/// Whether the text in `start..end` ends a sentence: its last character, behind closing quotes
/// and brackets, is terminal punctuation.
pub fn ends_sentence(text: &str, start: usize, end: usize) -> bool {
    let last = text[start..end]
        .trim_end()
        .chars()
        .rev()
        .find(|&c| !is_closer(c) && c != '*' && c != '_');
    last.is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | ':' | '。' | '！' | '？'))
}

/// Whether `start..end` (trimmed) reads as a heading: short, with a letter, and without the
/// punctuation that ends or continues a sentence.
pub fn is_heading_like(text: &str, start: usize, end: usize) -> bool {
    const MAX_CHARS: usize = 100;
    let slice = text[start..end].trim();
    let Some(last) = slice.chars().next_back() else {
        return false;
    };
    // Punctuation first: it rules out most lines without counting their characters.
    let ends_open = matches!(
        last,
        '.' | '!' | '?' | '…' | ':' | ';' | ',' | '。' | '！' | '？' | '-' | '–' | '—'
    ) || (is_closer(last) && ends_sentence(text, start, end));
    !ends_open
        && !ends_in_joining_word(slice)
        && slice.len() <= MAX_CHARS * 4
        && count_chars(slice.as_bytes()) <= MAX_CHARS
        && slice.chars().any(char::is_alphabetic)
}

/// Whether `start..end` (trimmed) stops where a sentence cannot: after a comma, a semicolon, a
/// dash, or a word such as "the" or "of". Judged on the last characters only, so that it gives
/// the same answer whatever the line's length or encoding.
pub fn ends_mid_sentence(text: &str, start: usize, end: usize) -> bool {
    let slice = text[start..end].trim_end();
    slice.ends_with([',', ';', '-', '–', '—']) || ends_in_joining_word(slice)
}

/// Whether `line` ends in a word that a heading never ends in but a line cut in mid-sentence
/// often does: an article, a conjunction, a preposition that needs its object ("cooperation
/// since the", "were told to", "written by"). Particles that end headings ("on", "in", "for")
/// are left out.
fn ends_in_joining_word(line: &str) -> bool {
    let last = line.rsplit([' ', '\t']).next().unwrap_or(line);
    matches!(
        last,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "of"
            | "to"
            | "by"
            | "at"
            | "from"
            | "into"
            | "with"
            | "than"
            | "that"
            | "its"
            | "their"
    )
}

/// Closing quotes and brackets, which may follow a sentence's final punctuation.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '’' | '”' | '»' | '›' | '」' | '』' | '）'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn first(text: &str) -> Line {
        line_at(text, 0)
    }

    #[rstest]
    #[case("# Title", Some("Title"))]
    #[case("###  Deep heading ###", Some("Deep heading"))]
    #[case("## C# tips", Some("C# tips"))]
    #[case("#hashtag", None)]
    #[case("####### seven", None)]
    fn atx(#[case] text: &str, #[case] expected: Option<&str>) {
        assert_eq!(
            atx_heading(text, first(text)).map(|(s, e)| &text[s..e]),
            expected
        );
    }

    #[rstest]
    #[case("- item", Some("item"))]
    #[case("  * starred", Some("starred"))]
    #[case("• bullet", Some("bullet"))]
    #[case("12. twelfth", Some("twelfth"))]
    #[case("3) third", Some("third"))]
    #[case("2022. The year", None)]
    #[case("• 12 arrested", Some("12 arrested"))]
    #[case("a) schools closed", Some("schools closed"))]
    #[case("B) roads blocked", Some("roads blocked"))]
    #[case("A. Smith said so", None)]
    #[case("ab) no", None)]
    #[case("-dash", None)]
    #[case("5 p.m. Monday", None)]
    fn lists(#[case] text: &str, #[case] expected: Option<&str>) {
        assert_eq!(list_item(text, first(text)).map(|s| &text[s..]), expected);
    }

    #[rstest]
    #[case("What's the story", true)]
    #[case(
        "Related article: Zelensky ‘Ready’ to Hand North Korean POWs to Pyongyang",
        true
    )]
    #[case("He said so.", false)]
    #[case("He said “so.”", false)]
    #[case(
        "Russia's war against Ukraine, a South Korean lawmaker said Monday, citing",
        true
    )]
    #[case("The list:", false)]
    #[case("2025", false)]
    #[case("The two countries have boosted their cooperation since the", false)]
    #[case("The crews were told to", false)]
    #[case("Why the talks failed", true)]
    fn heading_like(#[case] text: &str, #[case] expected: bool) {
        assert_eq!(is_heading_like(text, 0, text.len()), expected);
    }

    #[test]
    fn crlf_is_not_content() {
        let text = "one\r\ntwo\r\n";
        let lines: Vec<_> = lines_from(text, 0).map(|l| &text[l.start..l.end]).collect();
        assert_eq!(lines, ["one", "two"]);
    }
}
