//! Markdown inline markup inside one unit: emphasis, code spans, links, images, escapes, and the
//! block-quote markers of continuation lines.
//!
//! Understood well enough that the text reads cleanly, not to the letter of CommonMark: the
//! markup is dropped, the words stay. Used only for display; unit offsets keep pointing at the
//! markup in the file.

/// Whether `source` holds any character that may be markup.
pub fn has_markup(source: &str) -> bool {
    source
        .bytes()
        .any(|b| matches!(b, b'*' | b'_' | b'`' | b'[' | b'<' | b'>' | b'\\' | b'~'))
}

/// How far a link's text or destination, or an autolink, may reach. Real ones are far shorter;
/// the bound keeps a unit full of unmatched brackets linear to display.
const REACH: usize = 2048;

/// `source` with inline markup removed; newlines are kept for the whitespace fold that follows.
pub fn strip(source: &str) -> String {
    let bytes = source.as_bytes();
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    let mut line_start = true;
    // Byte ranges of link destinations `(url)` still to skip, found when their `[` was read.
    let mut skips: Vec<(usize, usize)> = Vec::new();
    let pairs = Pairs::new(bytes);
    while at < bytes.len() {
        if let Some(&(from, to)) = skips.last()
            && at == from
        {
            skips.pop();
            at = to;
            continue;
        }
        let b = bytes[at];
        if line_start {
            if b == b' ' || b == b'\t' {
                out.push(b as char);
                at += 1;
                continue;
            }
            line_start = false;
            if b == b'>' {
                // A block-quote marker on a continuation line.
                at += 1;
                line_start = true;
                continue;
            }
        }
        match b {
            b'\n' => {
                out.push('\n');
                line_start = true;
                at += 1;
            }
            b'\\' if bytes.get(at + 1).is_some_and(u8::is_ascii_punctuation) => {
                out.push(bytes[at + 1] as char);
                at += 2;
            }
            b'`' | b'~' if b == b'`' || bytes.get(at + 1) == Some(&b'~') => {
                // Code-span backticks and ~~strikethrough~~ delimiters.
                while bytes.get(at) == Some(&b) {
                    at += 1;
                }
            }
            b'*' | b'_' => {
                let run_end = at + bytes[at..].iter().take_while(|&&c| c == b).count();
                if is_delimiter(source, at, run_end, b) {
                    at = run_end;
                } else {
                    out.push_str(&source[at..run_end]);
                    at = run_end;
                }
            }
            b'!' if bytes.get(at + 1) == Some(&b'[') && pairs.link_end(bytes, at + 1).is_some() => {
                at += 1;
            }
            b'[' => {
                match pairs.link_end(bytes, at) {
                    Some(skip) => skips.push(skip),
                    None => out.push('['),
                }
                at += 1;
            }
            b'<' => {
                if let Some(len) = autolink_len(&bytes[at..]) {
                    out.push_str(&source[at + 1..at + len - 1]);
                    at += len;
                } else {
                    out.push('<');
                    at += 1;
                }
            }
            _ => {
                let Some(c) = source[at..].chars().next() else {
                    break;
                };
                out.push(c);
                at += c.len_utf8();
            }
        }
    }
    out
}

/// Whether the run of `*` or `_` at `start..end` opens or closes emphasis: it touches a word on
/// one side and not whitespace on both. `_` inside a word (snake_case) is not emphasis.
fn is_delimiter(source: &str, start: usize, end: usize, mark: u8) -> bool {
    let before = source[..start].chars().next_back();
    let after = source[end..].chars().next();
    let is_space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    if is_space(before) && is_space(after) {
        return false;
    }
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    !(mark == b'_' && is_word(before) && is_word(after))
}

/// The matching closer of every bracket and parenthesis that has one, found in one pass so
/// that a unit full of unmatched brackets stays linear to display.
struct Pairs(Vec<(usize, usize)>);

impl Pairs {
    fn new(bytes: &[u8]) -> Pairs {
        let mut pairs = Vec::new();
        let (mut squares, mut rounds) = (Vec::new(), Vec::new());
        let mut at = 0;
        while at < bytes.len() {
            match bytes[at] {
                b'\\' => at += 1,
                b'[' => squares.push(at),
                b'(' => rounds.push(at),
                b']' => {
                    if let Some(open) = squares.pop() {
                        pairs.push((open, at));
                    }
                }
                b')' => {
                    if let Some(open) = rounds.pop() {
                        pairs.push((open, at));
                    }
                }
                _ => {}
            }
            at += 1;
        }
        pairs.sort_unstable();
        Pairs(pairs)
    }

    /// The closer matching the opener at `open`.
    fn get(&self, open: usize) -> Option<usize> {
        let index = self.0.binary_search_by_key(&open, |&(o, _)| o).ok()?;
        Some(self.0[index].1)
    }

    /// For a `[` at `open` that starts a link `[text](dest)` or `[text][ref]`, the offset of its
    /// `]` and the offset just past the destination.
    fn link_end(&self, bytes: &[u8], open: usize) -> Option<(usize, usize)> {
        let close = self.get(open)?;
        if !matches!(bytes.get(close + 1), Some(b'(' | b'[')) {
            return None;
        }
        let dest_close = self.get(close + 1)?;
        Some((close, dest_close + 1))
    }
}

/// The length of an autolink `<scheme:...>` or `<user@host>` at the start of `bytes`.
fn autolink_len(bytes: &[u8]) -> Option<usize> {
    let end = bytes
        .iter()
        .take(REACH)
        .skip(1)
        .position(|&b| matches!(b, b'>' | b' ' | b'\n' | b'<'))?
        + 1;
    if bytes[end] != b'>' || end < 3 {
        return None;
    }
    let inner = &bytes[1..end];
    let is_link = inner.windows(3).any(|w| w == b"://") || inner.contains(&b'@');
    is_link.then_some(end + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case::emphasis(
        "Some *very* important **bold** words.",
        "Some very important bold words."
    )]
    #[case::underscores(
        "An _emphatic_ __strong__ snake_case_name.",
        "An emphatic strong snake_case_name."
    )]
    #[case::lone_star("5 * 3 is 15.", "5 * 3 is 15.")]
    #[case::code("Run `sidenote segment` now.", "Run sidenote segment now.")]
    #[case::link(
        "See [the report](https://example.com/a.b) here.",
        "See the report here."
    )]
    #[case::reference_link("See [the report][1] here.", "See the report here.")]
    #[case::image(
        "A ![photo of Seoul](img/seoul.jpg) caption.",
        "A photo of Seoul caption."
    )]
    #[case::nested_brackets("[a [b] c](x)", "a [b] c")]
    #[case::not_a_link("Array [1] and [2].", "Array [1] and [2].")]
    #[case::autolink(
        "Mail <desk@example.com> or <https://x.org>.",
        "Mail desk@example.com or https://x.org."
    )]
    #[case::less_than("If a < b then.", "If a < b then.")]
    #[case::escape("Not \\*emphasis\\*.", "Not *emphasis*.")]
    #[case::quote_continuation("First line\n> second line.", "First line\n second line.")]
    #[case::strike("It was ~~wrong~~ right.", "It was wrong right.")]
    fn strips(#[case] source: &str, #[case] expected: &str) {
        assert_eq!(strip(source), expected);
    }
}
