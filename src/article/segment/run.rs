//! A run of terminators and closing marks, and the decision whether a sentence ends after it.
//!
//! Reads "?”", ".”." or ". . ." as one run, then weighs what the run is (a plain full stop, a
//! question, a quotation closing) against the word before it and the word after it.

use super::char_at;
use super::next::{Next, NextKind, is_speech_tag};
use super::previous::{Previous, is_list_number};
use super::words::{self, Abbreviation};

/// A run of terminators and closing marks that may end a sentence, such as `.`, `?”` or `.”.`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Run {
    /// Byte offset just past the run.
    pub(super) end: usize,
    /// A single full stop, nothing else: the only case where abbreviations matter.
    plain_stop: bool,
    /// A closing quote, bracket or emphasis mark follows the terminator.
    closed: bool,
    /// A question or exclamation mark, which may stand in for the comma before a speech tag.
    exclaims: bool,
    /// A CJK full stop, which ends a sentence with no space after it.
    cjk: bool,
}

/// What one character of a terminator run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Stop,
    Ellipsis,
    Exclaim,
    Cjk,
    Closer,
}

/// The part `c` can play in a terminator run, if any.
fn mark(c: char) -> Option<Mark> {
    match c {
        '.' => Some(Mark::Stop),
        '…' => Some(Mark::Ellipsis),
        '!' | '?' | '‼' | '⁇' | '⁈' | '⁉' | '؟' | '۔' | '।' | '॥' | '።' | '။' => {
            Some(Mark::Exclaim)
        }
        '。' | '！' | '？' | '｡' => Some(Mark::Cjk),
        '"' | '\'' | ')' | ']' | '*' | '_' | '”' | '’' | '»' | '›' | '」' | '』' | '）' | '】'
        | '〕' | '〉' | '》' => Some(Mark::Closer),
        _ => None,
    }
}

impl Run {
    /// Reads the run starting at `at`, or `None` when the character there is not a terminator.
    pub(super) fn scan(text: &str, at: usize) -> Option<Run> {
        let bytes = text.as_bytes();
        let first = char_at(text, at)?;
        if mark(first)? == Mark::Closer {
            return None;
        }
        let (mut stops, mut other, mut closed, mut cjk) = (0usize, false, false, false);
        let mut exclaims = false;
        let mut end = at;
        while let Some(c) = char_at(text, end) {
            match mark(c) {
                Some(Mark::Stop) => stops += 1,
                Some(Mark::Ellipsis) => other = true,
                Some(Mark::Exclaim) => {
                    other = true;
                    exclaims = true;
                }
                Some(Mark::Cjk) => cjk = true,
                Some(Mark::Closer) => closed = true,
                None if c == ' ' && stops > 0 && is_spaced_ellipsis(bytes, end) => {
                    // ". . ." is one ellipsis; keep its dots together.
                    other = true;
                    end += 2;
                    continue;
                }
                None if c == ' ' && matches!(char_at(text, end + 1), Some('”' | '»')) => {
                    // Nested quotes set apart by a space: ‘no.’ ” closes both.
                    closed = true;
                    end += 1;
                    continue;
                }
                None if c == '[' => match citation_len(&bytes[end..]) {
                    Some(len) => {
                        end += len;
                        continue;
                    }
                    None => break,
                },
                None if c == '(' && bytes[end - 1] == b']' => {
                    match link_target_len(&bytes[end..]) {
                        // "[Read more.](https://…)": the link's target belongs to the run.
                        Some(len) => {
                            closed = true;
                            end += len;
                            continue;
                        }
                        None => break,
                    }
                }
                None => break,
            }
            end += c.len_utf8();
        }
        Some(Run {
            end,
            plain_stop: stops == 1 && !other && !cjk,
            closed,
            exclaims,
            cjk,
        })
    }

    /// Whether the sentence ends after this run, given the text around it; the sentence began at
    /// `start` and the run starts at `at`.
    pub(super) fn ends_sentence(&self, text: &str, start: usize, at: usize) -> bool {
        let next = Next::read(text, self.end);
        if self.cjk {
            // 「…。」と言った: a quotation particle after the closing bracket continues it.
            return !(self.closed && matches!(next.first, Some('と' | 'っ' | '、')));
        }
        if next.kind == NextKind::End {
            return false;
        }
        if next.kind == NextKind::Glued {
            return self.plain_stop
                && !self.closed
                && is_missing_space(text.as_bytes(), at, self.end);
        }
        let bytes = text.as_bytes();
        if bytes[at..self.end] == *b".)" && is_list_number(text, start, at) {
            // "1.)" and "b.)" number list items.
            return false;
        }
        if at > 0 && bytes[at - 1] == b'[' && is_elision(&bytes[at..self.end]) {
            // "[...]" marks words left out of a quotation, not an end.
            return false;
        }
        if !self.plain_stop || self.closed {
            // After ?, !, an ellipsis or a closing quote a lower-case word continues the sentence
            // ("Why?" he asked) unless it is a brand such as iPhone. So does a speech tag after a
            // quoted question ("Why?" Lee asked); after a quoted full stop ("We are ready." Lee
            // said talks…) a new sentence begins, since a tag would have followed a comma.
            let tagged = self.closed && self.exclaims && is_speech_tag(bytes, next.at);
            return match next.kind {
                NextKind::Lower { camel } => camel,
                NextKind::Upper { .. } => !tagged,
                _ => true,
            };
        }
        match Previous::before(text, start, at) {
            Previous::Word => true,
            Previous::Title | Previous::Abbreviation(Abbreviation::Title) => false,
            Previous::Abbreviation(Abbreviation::NumberPrefix) => {
                !matches!(next.kind, NextKind::Digit | NextKind::Lower { .. })
            }
            Previous::Abbreviation(Abbreviation::Ender) => match next.kind {
                NextKind::Upper { word, .. } => !words::continues_name(word),
                // "3 ft. 5 in.": a number after a unit or suffix rarely opens a sentence.
                NextKind::Lower { .. } | NextKind::Digit => false,
                NextKind::Other | NextKind::End | NextKind::Glued => true,
            },
            Previous::Abbreviation(Abbreviation::Weak) => match next.kind {
                NextKind::Upper { word, initial } => {
                    !initial && words::is_sentence_starter(word) && !is_fragment(&text[start..at])
                }
                _ => false,
            },
            Previous::Abbreviation(Abbreviation::Month) => match next.kind {
                NextKind::Upper { initial, .. } => !initial && !is_fragment(&text[start..at]),
                _ => false,
            },
            Previous::Time => match next.kind {
                NextKind::Upper { word, .. } => {
                    !words::continues_time(word) && !is_fragment(&text[start..at])
                }
                _ => false,
            },
        }
    }
}

/// Where the terminator run that ends `text[start..end]` begins: at its first terminator, since a
/// run never opens with a closing mark (`said.”` gives the stop, `(see above).` the stop after
/// the bracket).
pub(super) fn start_of_run_ending(text: &str, start: usize, end: usize) -> Option<usize> {
    let mut first = None;
    for (index, c) in text[start..end].char_indices().rev() {
        match mark(c) {
            None => break,
            Some(Mark::Closer) => {}
            Some(_) => first = Some(start + index),
        }
    }
    first
}

/// Whether `bytes[at..]` reads " ." closing a spaced ellipsis (". . ."), not a new sentence
/// that happens to start with a dot.
fn is_spaced_ellipsis(bytes: &[u8], at: usize) -> bool {
    bytes.get(at + 1) == Some(&b'.')
        && bytes
            .get(at + 2)
            .is_none_or(|after| !after.is_ascii_alphanumeric())
}

/// Whether a run read after "[" is an elision mark: dots or "…", then "]".
fn is_elision(run: &[u8]) -> bool {
    let dots = run.iter().take_while(|&&byte| byte == b'.').count();
    let rest = &run[dots..];
    let rest = rest.strip_prefix("…".as_bytes()).unwrap_or(rest);
    (dots > 0 || rest.len() < run.len()) && rest.first() == Some(&b']')
}

/// The length of a Markdown link target "(…)" at the start of `bytes`: up to the first `)`, with
/// no whitespace inside, looked for within a bounded distance so that text full of unclosed "]("
/// stays linear.
fn link_target_len(bytes: &[u8]) -> Option<usize> {
    const LONGEST_URL: usize = 2048;
    let window = &bytes[..bytes.len().min(LONGEST_URL)];
    let end = memchr::memchr3(b')', b' ', b'\n', window)?;
    (bytes[end] == b')').then_some(end + 1)
}

/// The length of a citation mark such as "[12]" at the start of `bytes`, which belongs to the
/// sentence it follows.
fn citation_len(bytes: &[u8]) -> Option<usize> {
    let digits = bytes
        .iter()
        .skip(1)
        .take_while(|byte| byte.is_ascii_digit())
        .count();
    (digits > 0 && digits <= 3 && bytes.get(digits + 1) == Some(&b']')).then_some(digits + 2)
}

/// Whether a stop with no space after it still ends a sentence because the space was forgotten:
/// "were killed.The soldiers" (a lower-case word, then a capitalised sentence opener).
fn is_missing_space(bytes: &[u8], at: usize, end: usize) -> bool {
    let lower_before = bytes[..at]
        .iter()
        .rev()
        .take_while(|byte| byte.is_ascii_lowercase())
        .count();
    let word_len = bytes[end..]
        .iter()
        .take_while(|byte| byte.is_ascii_alphabetic())
        .count();
    let word = &bytes[end..end + word_len];
    lower_before >= 2
        && word_len >= 2
        && words::is_sentence_starter(word)
        && bytes.get(end + word_len) == Some(&b' ')
}

/// Whether `sentence` is too short to stand alone: a phrase such as "At 5 a.m" or "In the U.S"
/// opening a longer sentence, whose stop belongs to the abbreviation.
fn is_fragment(sentence: &str) -> bool {
    let mut words = sentence.split_whitespace();
    words.next().is_some_and(words::opens_phrase) && words.take(4).count() <= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_take_closing_marks_and_spaced_ellipses() {
        let text = "stage.”. Next";
        let run = Run::scan(text, 5).unwrap();
        assert_eq!(&text[..run.end], "stage.”.");
        assert!(!run.plain_stop && run.closed && !run.exclaims);

        let text = "wait . . . then";
        let run = Run::scan(text, 5).unwrap();
        assert_eq!(&text[..run.end], "wait . . .");
        assert!(!run.plain_stop);

        let text = "好。下";
        let run = Run::scan(text, 3).unwrap();
        assert!(run.cjk);
        assert_eq!(&text[..run.end], "好。");

        assert_eq!(Run::scan("a”b", 1), None);
    }
}
