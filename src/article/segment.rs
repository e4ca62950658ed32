//! Sentence boundaries inside one paragraph of news text.
//!
//! Owns the decision "does a sentence end here?" and nothing else: paragraphs, headings and
//! markup blocks are found by the structure pass before text reaches this module. Works on bytes
//! and returns byte ranges; it allocates nothing but the output.
//!
//! The scan jumps from one candidate byte to the next (`.`, `!`, `?`, `]` and the lead bytes of
//! non-ASCII terminators), so ordinary letters cost one table look-up each. At a terminator it
//! reads the run of terminators and closing quotes, then weighs the word before it (an
//! abbreviation? an acronym? an initial?) against the word after it (capitalised? a typical
//! sentence opener? a name continuation?). Full stops of Chinese and Japanese end a sentence
//! without a following space; every other terminator needs whitespace after it, which keeps
//! decimals, URLs, e-mail addresses and file names whole.

mod words;

use std::ops::Range;

use words::Abbreviation;

/// The byte ranges of the sentences of `paragraph`, in order, trimmed of surrounding whitespace.
pub fn sentences(paragraph: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    sentences_into(paragraph, &mut out);
    out
}

/// Replaces the contents of `out` with the sentences of `paragraph`, reusing its allocation.
pub fn sentences_into(paragraph: &str, out: &mut Vec<Range<usize>>) {
    out.clear();
    let bytes = paragraph.as_bytes();
    let mut start = 0;
    let mut at = 0;
    while let Some(found) = next_candidate(bytes, at) {
        if bytes[found] == b']' {
            at = skip_link_target(bytes, found);
            continue;
        }
        let Some(run) = Run::scan(paragraph, found) else {
            at = found + 1;
            continue;
        };
        at = run.end;
        if run.ends_sentence(paragraph, start, found) && has_word(&paragraph[start..found]) {
            push_trimmed(paragraph, start..run.end, out);
            start = run.end;
        }
    }
    push_trimmed(paragraph, start..paragraph.len(), out);
}

/// Bytes worth a closer look: ASCII terminators, `]` (a Markdown link target may follow), and
/// the lead bytes of the non-ASCII terminators (… ‼ 。 ！ ？ ｡ ؟ ۔ । ። ။).
static CANDIDATE: [bool; 256] = {
    let mut table = [false; 256];
    let mut lead = 0;
    let bytes = *b".!?]\xD8\xDB\xE0\xE1\xE2\xE3\xEF";
    while lead < bytes.len() {
        table[bytes[lead] as usize] = true;
        lead += 1;
    }
    table
};

fn next_candidate(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    rest.iter()
        .position(|&byte| CANDIDATE[byte as usize])
        .map(|offset| from + offset)
}

/// Where to resume after the `]` at `at`: past the `(url)` of a Markdown link, so that nothing
/// inside a URL is taken for a sentence end.
fn skip_link_target(bytes: &[u8], at: usize) -> usize {
    if bytes.get(at + 1) != Some(&b'(') {
        return at + 1;
    }
    match memchr::memchr(b')', &bytes[at + 2..]) {
        Some(close) => at + 2 + close + 1,
        None => at + 1,
    }
}

/// A run of terminators and closing marks that may end a sentence, such as `.`, `?”` or `.”.`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Run {
    /// Byte offset just past the run.
    end: usize,
    /// A single full stop, nothing else: the only case where abbreviations matter.
    plain_stop: bool,
    /// A closing quote, bracket or emphasis mark follows the terminator.
    closed: bool,
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

/// The character starting at byte `at`, which must be a char boundary.
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|rest| rest.chars().next())
}

impl Run {
    /// Reads the run starting at `at`, or `None` when the character there is not a terminator.
    fn scan(text: &str, at: usize) -> Option<Run> {
        let bytes = text.as_bytes();
        let first = char_at(text, at)?;
        if mark(first)? == Mark::Closer {
            return None;
        }
        let (mut stops, mut other, mut closed, mut cjk) = (0usize, false, false, false);
        let mut end = at;
        while let Some(c) = char_at(text, end) {
            match mark(c) {
                Some(Mark::Stop) => stops += 1,
                Some(Mark::Ellipsis | Mark::Exclaim) => other = true,
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
                None => break,
            }
            end += c.len_utf8();
        }
        Some(Run {
            end,
            plain_stop: stops == 1 && !other && !cjk,
            closed,
            cjk,
        })
    }

    /// Whether the sentence ends after this run, given the text around it; the sentence began at
    /// `start` and the run starts at `at`.
    fn ends_sentence(&self, text: &str, start: usize, at: usize) -> bool {
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
        if bytes[at..self.end] == *b".)" && list_marker_start(bytes, at).is_some() {
            // "1.)" and "b.)" number list items.
            return false;
        }
        if at > 0 && bytes[at - 1] == b'[' && is_elision(&bytes[at..self.end]) {
            // "[...]" marks words left out of a quotation, not an end.
            return false;
        }
        if !self.plain_stop || self.closed {
            // After ?, !, an ellipsis or a closing quote a lower-case word continues the sentence
            // ("Why?" he asked) unless it is a brand such as iPhone, and so does a speech tag
            // ("Why?" Lee asked).
            return match next.kind {
                NextKind::Lower { camel } => camel,
                NextKind::Upper { .. } => !(self.closed && is_speech_tag(text.as_bytes(), next.at)),
                _ => true,
            };
        }
        match Previous::before(text, at) {
            Previous::Word => true,
            Previous::Title | Previous::Abbreviation(Abbreviation::Title) => false,
            Previous::Abbreviation(Abbreviation::NumberPrefix) => {
                !matches!(next.kind, NextKind::Digit | NextKind::Lower { .. })
            }
            Previous::Abbreviation(Abbreviation::Ender) => match next.kind {
                NextKind::Upper { word, .. } => !words::continues_name(word),
                NextKind::Lower { .. } => false,
                _ => true,
            },
            Previous::Abbreviation(Abbreviation::Weak) => match next.kind {
                NextKind::Upper { word, initial } => {
                    !initial && words::is_sentence_starter(word) && !is_fragment(&text[start..at])
                }
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

/// Whether the capitalised words at `at` are a speech tag such as "Lee said" or "Lee Seong-kweun
/// asked": up to four names, then a speech verb. A pronoun ("He said talks went on") opens a new
/// sentence instead, as does any sentence opener.
fn is_speech_tag(bytes: &[u8], at: usize) -> bool {
    let mut pos = at;
    for names in 0..5 {
        let len = bytes[pos..]
            .iter()
            .take_while(|&&byte| byte.is_ascii_alphabetic() || byte == b'-')
            .count();
        let word = &bytes[pos..pos + len];
        if names > 0 && words::is_speech_verb(word) {
            return true;
        }
        let capitalised = word.first().is_some_and(u8::is_ascii_uppercase);
        if !capitalised || words::is_sentence_starter(word) || bytes.get(pos + len) != Some(&b' ') {
            return false;
        }
        pos += len + 1;
    }
    false
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

/// What follows a terminator run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Next<'a> {
    kind: NextKind<'a>,
    /// The first character after the whitespace and opening marks, if any.
    first: Option<char>,
    /// Byte offset of that character.
    at: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NextKind<'a> {
    /// Nothing but whitespace is left.
    End,
    /// No whitespace after the run: "3.5", "U.S.-led", "example.com", "e.g.,".
    Glued,
    /// A word in lower case; `camel` for brands like iPhone and eBay.
    Lower { camel: bool },
    /// A capitalised word; `word` holds its ASCII letters, `initial` tells "A." from "A".
    Upper { word: &'a [u8], initial: bool },
    /// A digit.
    Digit,
    /// Anything else: a caseless script, a symbol, a dash.
    Other,
}

impl<'a> Next<'a> {
    fn read(text: &'a str, at: usize) -> Next<'a> {
        let bytes = text.as_bytes();
        let mut pos = at;
        let mut spaced = false;
        let mut first = None;
        while let Some(c) = char_at(text, pos) {
            if c.is_whitespace() {
                spaced = true;
            } else if !spaced || !is_opener(c) {
                first = Some(c);
                break;
            }
            pos += c.len_utf8();
        }
        let kind = match first {
            None => NextKind::End,
            Some(_) if !spaced => NextKind::Glued,
            Some(c) if c.is_ascii_digit() => NextKind::Digit,
            Some(c) if c.is_ascii_lowercase() => NextKind::Lower {
                camel: bytes.get(pos + 1).is_some_and(u8::is_ascii_uppercase),
            },
            Some(c) if c.is_ascii_uppercase() => {
                let len = bytes[pos..]
                    .iter()
                    .take_while(|byte| byte.is_ascii_alphabetic())
                    .count();
                NextKind::Upper {
                    word: &bytes[pos..pos + len],
                    initial: len == 1 && bytes.get(pos + 1) == Some(&b'.'),
                }
            }
            Some(c) if c.is_lowercase() => NextKind::Lower { camel: false },
            Some(c) if c.is_uppercase() => NextKind::Upper {
                word: &[],
                initial: false,
            },
            Some(_) => NextKind::Other,
        };
        Next {
            kind,
            first,
            at: pos,
        }
    }
}

/// Marks that may open a sentence before its first word: quotes, brackets, emphasis.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | '['
            | '*'
            | '_'
            | '“'
            | '‘'
            | '«'
            | '‹'
            | '„'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '（'
    )
}

/// What stands just before a single full stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Previous {
    /// An ordinary word, a number or a symbol: the stop ends the sentence.
    Word,
    /// A connector written with dots (e.g., i.e.) or a list number at the start of a line.
    Title,
    /// A known abbreviation, a dotted acronym (U.S., Ph.D.) or a single letter (J., S.).
    Abbreviation(Abbreviation),
    /// "a.m." or "p.m.": the sentence goes on only into a day, a time zone or a month.
    Time,
}

impl Previous {
    fn before(text: &str, at: usize) -> Previous {
        let bytes = text.as_bytes();
        let start = bytes[..at]
            .iter()
            .rposition(|byte| !byte.is_ascii_alphabetic())
            .map_or(0, |index| index + 1);
        let word = &bytes[start..at];
        if is_list_number(bytes, at) {
            return Previous::Title;
        }
        if word.is_empty() {
            return if text[..at].ends_with(['°', 'º']) {
                // "N°. 1026": a number sign.
                Previous::Title
            } else if is_single_letter(&text[..at]) {
                // "г. Москве", "Ł. Kowalski": an initial in another script.
                Previous::Abbreviation(Abbreviation::Weak)
            } else {
                Previous::Word
            };
        }
        match bytes[..start].last() {
            Some(b'.') => return Previous::dotted(bytes, start, at),
            Some(b'\'') => return Previous::Word,
            Some(&byte) if byte >= 0x80 => {
                // A word that merely ends in ASCII letters ("Müller", "don’t") is an ordinary
                // word, but an abbreviation may follow a curly quote or a dash.
                let before = text[..start].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '’') {
                    return Previous::Word;
                }
            }
            _ => {}
        }
        let before = token_before(bytes, start);
        if word == b"St" && before.first().is_some_and(u8::is_ascii_uppercase) {
            // "Main St." is a street and may end a sentence; "Mount St. Helens" is a saint.
            return if words::precedes_saint(before) {
                Previous::Abbreviation(Abbreviation::Weak)
            } else {
                Previous::Abbreviation(Abbreviation::Ender)
            };
        }
        if word == b"in" && !before.is_empty() && before.iter().all(u8::is_ascii_digit) {
            return Previous::Abbreviation(Abbreviation::Ender);
        }
        if let Some(class) = words::abbreviation(word) {
            return Previous::Abbreviation(class);
        }
        if word.len() == 1 && !text[..start].ends_with('°') {
            return Previous::Abbreviation(Abbreviation::Weak);
        }
        Previous::Word
    }

    /// Classifies a word that follows another dot: "U.S", "p.m", "e.g", "Ph.D", "example.com".
    fn dotted(bytes: &[u8], start: usize, at: usize) -> Previous {
        let token_start = bytes[..start]
            .iter()
            .rposition(|byte| !(byte.is_ascii_alphabetic() || *byte == b'.'))
            .map_or(0, |index| index + 1);
        let token = &bytes[token_start..at];
        if matches!(token, b"e.g" | b"i.e" | b"E.g" | b"I.e" | b"a.k.a") {
            return Previous::Title;
        }
        if matches!(token, b"a.m" | b"p.m" | b"A.M" | b"P.M") {
            return Previous::Time;
        }
        let short_parts = token
            .split(|&byte| byte == b'.')
            .all(|part| !part.is_empty() && part.len() <= 2);
        if short_parts {
            Previous::Abbreviation(Abbreviation::Weak)
        } else {
            Previous::Word
        }
    }
}

/// The whitespace-delimited token before the word starting at `start`, if a single space
/// separates them: "Main" in "Main St", "3" in "3 in".
fn token_before(bytes: &[u8], start: usize) -> &[u8] {
    let Some(end) = start.checked_sub(1).filter(|&end| bytes[end] == b' ') else {
        return &[];
    };
    let begin = bytes[..end]
        .iter()
        .rposition(|byte| byte.is_ascii_whitespace())
        .map_or(0, |index| index + 1);
    &bytes[begin..end]
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

/// Where the list marker before the full stop at `at` begins, if the stop follows 1 to 3
/// digits or a single letter that stand alone ("2.", "b.").
fn list_marker_start(bytes: &[u8], at: usize) -> Option<usize> {
    let digits = bytes[..at]
        .iter()
        .rev()
        .take_while(|byte| byte.is_ascii_digit())
        .count();
    let len = match digits {
        1..=3 => digits,
        0 if at > 0 && bytes[at - 1].is_ascii_alphabetic() => 1,
        _ => return None,
    };
    let begin = at - len;
    let alone = begin == 0 || bytes[begin - 1].is_ascii_whitespace();
    alone.then_some(begin)
}

/// Whether the full stop at `at` ends a list marker that opens a line ("1. The first").
fn is_list_number(bytes: &[u8], at: usize) -> bool {
    let Some(begin) = list_marker_start(bytes, at) else {
        return false;
    };
    let line = bytes[..begin]
        .iter()
        .rev()
        .find(|&&byte| byte != b' ' && byte != b'\t');
    matches!(line, None | Some(b'\n'))
}

/// Whether `sentence` is too short to stand alone: a phrase such as "At 5 a.m" or "In the U.S"
/// opening a longer sentence, whose stop belongs to the abbreviation.
fn is_fragment(sentence: &str) -> bool {
    let mut words = sentence.split_whitespace();
    let opens_with_preposition = words.next().is_some_and(|word| {
        matches!(
            word,
            "At" | "In"
                | "On"
                | "By"
                | "Until"
                | "Since"
                | "Before"
                | "After"
                | "From"
                | "Around"
                | "About"
                | "Near"
                | "Outside"
                | "Inside"
                | "Across"
                | "Throughout"
        )
    });
    opens_with_preposition && words.count() <= 3
}

/// Whether `text` ends in a lone letter, such as "г" in "в г", with no letter or digit before it.
fn is_single_letter(text: &str) -> bool {
    let mut chars = text.chars().rev();
    chars.next().is_some_and(char::is_alphabetic)
        && chars.next().is_none_or(|c| !c.is_alphanumeric())
}

/// Whether `text` holds a letter or digit, so that a lone "..." or "”" never becomes a sentence.
fn has_word(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn previous(text: &str) -> Previous {
        let at = text.rfind('.').unwrap();
        Previous::before(text, at)
    }

    #[test]
    fn the_word_before_a_stop_is_classified() {
        assert_eq!(
            previous("said Mr."),
            Previous::Abbreviation(Abbreviation::Title)
        );
        assert_eq!(
            previous("in the U.S."),
            Previous::Abbreviation(Abbreviation::Weak)
        );
        assert_eq!(previous("at 5 p.m."), Previous::Time);
        assert_eq!(
            previous("Ph.D."),
            Previous::Abbreviation(Abbreviation::Weak)
        );
        assert_eq!(previous("в г."), Previous::Abbreviation(Abbreviation::Weak));
        assert_eq!(previous("40 °C."), Previous::Word);
        assert_eq!(previous("fruit, e.g."), Previous::Title);
        assert_eq!(
            previous("by J."),
            Previous::Abbreviation(Abbreviation::Weak)
        );
        assert_eq!(previous("b."), Previous::Title);
        assert_eq!(previous("N°."), Previous::Title);
        assert_eq!(
            previous("Acme Inc."),
            Previous::Abbreviation(Abbreviation::Ender)
        );
        assert_eq!(previous("see example.com."), Previous::Word);
        assert_eq!(previous("I don’t."), Previous::Word);
        assert_eq!(previous("I don't."), Previous::Word);
        assert_eq!(previous("Herr Müller."), Previous::Word);
        assert_eq!(
            previous("(“Dr."),
            Previous::Abbreviation(Abbreviation::Title)
        );
        assert_eq!(previous("a sales rep."), Previous::Word);
        assert_eq!(previous("rose 5%."), Previous::Word);
        assert_eq!(previous("items\n 2."), Previous::Title);
        assert_eq!(previous("by 2."), Previous::Word);
    }

    #[test]
    fn runs_take_closing_marks_and_spaced_ellipses() {
        let text = "stage.”. Next";
        let run = Run::scan(text, 5).unwrap();
        assert_eq!(&text[..run.end], "stage.”.");
        assert!(!run.plain_stop && run.closed);

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

    #[test]
    fn link_targets_are_skipped_whole() {
        let text = b"[a](http://x.y/?. Z) rest";
        assert_eq!(skip_link_target(text, 2), 20);
        assert_eq!(skip_link_target(b"[a] b", 2), 3);
        assert_eq!(skip_link_target(b"[a](open", 2), 3);
    }
}
