//! The text of a unit as people read it, safe to put on a terminal.
//!
//! Reading text first: ANSI escape sequences (CSI, OSC, DCS and the rest) are dropped whole, as
//! markup is, so that their parameters and payloads do not show as words, and whitespace runs,
//! hard wraps included, fold to one space. What is left follows the one rule of
//! [`crate::safe_text`]: every other control character becomes U+FFFD and invisible formatting
//! characters (bidi controls, zero-width characters, the BOM) are dropped. Offsets are not this
//! module's business: it returns new text and leaves the article untouched.

use std::borrow::Cow;

use super::inline;
use crate::safe_text::{self, REPLACEMENT, Treatment};

/// The display text of `source`: markup dropped when `markdown`, whitespace folded, control
/// characters replaced. Borrows when nothing needs changing, which is the common case.
pub fn display_text(source: &str, markdown: bool) -> Cow<'_, str> {
    if markdown && inline::has_markup(source) {
        let plain = inline::strip(source);
        return Cow::Owned(clean(&plain).into_owned());
    }
    clean(source)
}

/// Folds whitespace and applies the rule for control and invisible formatting characters.
pub fn clean(source: &str) -> Cow<'_, str> {
    if is_clean(source) {
        return Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len());
    clean_into(source, &mut out);
    Cow::Owned(out)
}

/// The display text of `source`, either `source` itself or written into `buffer`, so that a
/// caller going through many units allocates once.
pub fn display_text_in<'a>(source: &'a str, markdown: bool, buffer: &'a mut String) -> &'a str {
    buffer.clear();
    if markdown && inline::has_markup(source) {
        clean_into(&inline::strip(source), buffer);
        return buffer;
    }
    if is_clean(source) {
        return source;
    }
    clean_into(source, buffer);
    buffer
}

/// Appends the display text of `source` to `out`, which must be empty.
fn clean_into(source: &str, out: &mut String) {
    let bytes = source.as_bytes();
    let mut space = false;
    // Copies runs of ordinary bytes whole; decodes only where a byte may start something special.
    let mut run = 0;
    let mut at = 0;
    // A run may start with one space (a space is only special before other whitespace or a
    // special character); that space joins the pending whitespace.
    let flush = |out: &mut String, space: &mut bool, run: &str| {
        let run = match run.strip_prefix(' ') {
            Some(rest) => {
                *space = true;
                rest
            }
            None => run,
        };
        if !run.is_empty() {
            if *space && !out.is_empty() {
                out.push(' ');
            }
            *space = false;
            out.push_str(run);
        }
    };
    while at < bytes.len() {
        if let Some(chunk) = bytes.get(at..at + 16)
            && is_ordinary_chunk(chunk)
        {
            at += 16;
            continue;
        }
        let b = bytes[at];
        if is_plain(b)
            || (b == b' ' && bytes.get(at + 1).is_some_and(|&next| is_plain(next)))
            || (b >= 0x80 && !may_be_special(bytes, at))
        {
            at += 1;
            continue;
        }
        if run < at {
            flush(out, &mut space, &source[run..at]);
        }
        let Some(c) = source[at..].chars().next() else {
            break;
        };
        at += c.len_utf8();
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if c == '\u{1B}' || c == '\u{9B}' || c == '\u{9D}' {
            at = skip_escape(source, c, at);
        } else {
            let shown = match safe_text::treatment(c) {
                Treatment::Kept => Some(c),
                Treatment::Replaced => Some(REPLACEMENT),
                Treatment::Dropped => None,
            };
            if let Some(shown) = shown {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(shown);
            }
        }
        run = at;
    }
    if run < bytes.len() {
        flush(out, &mut space, &source[run..]);
    }
}

/// Whether `source` already reads cleanly: no control, invisible formatting or unusual
/// whitespace characters, no doubled, leading or trailing spaces. Decides on the bytes alone,
/// eight at a time in a machine word, because this runs over every unit the command line
/// prints: a word of printable ASCII (most of news text) costs a few instructions, its spaces
/// found at once, and only a word with other bytes is looked at byte by byte.
fn is_clean(source: &str) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = source.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let special = |at: usize| {
        let b = bytes[at];
        b != b' ' && !is_plain(b) && may_be_special(bytes, at)
    };
    // Whether the byte before the current word is a space.
    let mut space = false;
    let mut at = 0;
    while let Some(eight) = bytes
        .get(at..at + 8)
        .and_then(|eight| <[u8; 8]>::try_from(eight).ok())
    {
        let word = u64::from_le_bytes(eight);
        let low = word & !HIGH;
        // The top bit of each byte that is a space (exactly: no carry crosses a byte).
        let other = word ^ (ONES * 0x20);
        let spaces = !(((other & !HIGH) + !HIGH) | other) & HIGH;
        if spaces & ((spaces << 8) | (u64::from(space) << 7)) != 0 {
            return false;
        }
        space = spaces >> 63 != 0;
        // The top bit of each byte of printable ASCII, 0x20..=0x7E.
        let printable = (low + ONES * 0x60) & !(low + ONES) & !word & HIGH;
        if printable != HIGH && (at..at + 8).any(special) {
            return false;
        }
        at += 8;
    }
    for (at, &b) in bytes.iter().enumerate().skip(at) {
        if (b == b' ' && space) || special(at) {
            return false;
        }
        space = b == b' ';
    }
    true
}

/// Whether 16 bytes are printable ASCII whose spaces are single and each followed by a
/// printable character within the chunk, so that display copies them unchanged. Written as a
/// branch-free fold so that it compiles to a few vector instructions.
#[inline]
fn is_ordinary_chunk(chunk: &[u8]) -> bool {
    let mut printable = true;
    let mut spaces = 0u32;
    for (i, &b) in chunk.iter().enumerate() {
        printable &= b.wrapping_sub(0x20) < 0x5F;
        spaces |= u32::from(b == b' ') << i;
    }
    let last = 1u32 << (chunk.len() - 1);
    printable && spaces & (spaces >> 1) == 0 && spaces & last == 0
}

/// Printable ASCII other than the space: never changed by display.
#[inline]
fn is_plain(b: u8) -> bool {
    (0x21..0x7F).contains(&b)
}

/// Whether the byte at `at` starts a character that display changes: whitespace (a space
/// included), a control, or an invisible formatting character (see [`safe_text`]). Only ever
/// true at a char boundary.
#[inline]
fn may_be_special(bytes: &[u8], at: usize) -> bool {
    let b = bytes[at];
    let next = |n: usize| bytes.get(at + 1..at + 1 + n);
    match b {
        0x21..=0x7E => false,
        0x00..=0x20 | 0x7F => true,
        // U+0080..U+00A0: C1 controls, NEL and the no-break space.
        0xC2 => bytes.get(at + 1).is_some_and(|&next| next <= 0xA0),
        // U+061C ARABIC LETTER MARK.
        0xD8 => bytes.get(at + 1) == Some(&0x9C),
        // U+1680 OGHAM SPACE MARK, U+180E MONGOLIAN VOWEL SEPARATOR.
        0xE1 => matches!(next(2), Some(&[0x9A, 0x80] | &[0xA0, 0x8E])),
        // U+2000..U+200B spaces and the zero-width space, U+200E and U+200F marks, U+2028..U+202F
        // separators, bidi controls and the narrow no-break space; U+205F, U+2060..U+2064
        // invisible operators, U+2066..U+206F isolates and deprecated format characters.
        0xE2 => match next(2) {
            Some(&[0x80, third]) => {
                third <= 0x8B || matches!(third, 0x8E | 0x8F) || (0xA8..=0xAF).contains(&third)
            }
            Some(&[0x81, third]) => {
                third == 0x9F || (0xA0..=0xA4).contains(&third) || (0xA6..=0xAF).contains(&third)
            }
            _ => false,
        },
        // U+3000 IDEOGRAPHIC SPACE.
        0xE3 => next(2) == Some(&[0x80, 0x80]),
        // U+FEFF, the byte-order mark; U+FFF9..U+FFFB interlinear annotation marks.
        0xEF => matches!(next(2), Some(&[0xBB, 0xBF] | &[0xBF, 0xB9..=0xBB])),
        _ => false,
    }
}

/// The offset just past the escape sequence whose introducer `first` ends at `at`, so that
/// neither its parameters nor its payload reach the screen as text.
fn skip_escape(source: &str, first: char, at: usize) -> usize {
    let mut chars = source[at..].char_indices().peekable();
    let end = |chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>| {
        chars
            .peek()
            .map_or(source.len(), |&(offset, _)| at + offset)
    };
    let csi = match first {
        '\u{1B}' => match chars.peek().map(|&(_, c)| c) {
            Some('[') => {
                chars.next();
                true
            }
            Some(']' | 'P' | 'X' | '^' | '_') => {
                chars.next();
                false
            }
            Some(c) if ('\u{20}'..='\u{7E}').contains(&c) => {
                // A two-character sequence such as ESC c (reset) or ESC 7.
                chars.next();
                return end(&mut chars);
            }
            _ => return at,
        },
        '\u{9B}' => true,
        _ => false,
    };
    if csi {
        // Parameter and intermediate bytes, then one final byte.
        for (_, c) in chars.by_ref() {
            if ('\u{40}'..='\u{7E}').contains(&c) || !('\u{20}'..='\u{7E}').contains(&c) {
                break;
            }
        }
        return end(&mut chars);
    }
    // OSC, DCS, SOS, PM, APC: a string ended by BEL, ST (ESC \) or U+009C.
    while let Some((_, c)) = chars.next() {
        match c {
            '\u{07}' | '\u{9C}' => break,
            '\u{1B}' => {
                chars.next_if(|&(_, c)| c == '\\');
                break;
            }
            _ => {}
        }
    }
    end(&mut chars)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case::plain("A plain sentence.", "A plain sentence.")]
    #[case::hard_wrap("A wrapped\nsentence.", "A wrapped sentence.")]
    #[case::crlf_wrap("A wrapped\r\nsentence.", "A wrapped sentence.")]
    #[case::spaces("  Lots   of\tspace  ", "Lots of space")]
    #[case::csi_colour("\u{1B}[31mred\u{1B}[0m text", "red text")]
    #[case::csi_clear("Clear\u{1B}[2J screen", "Clear screen")]
    #[case::osc_title("\u{1B}]0;pwned\u{07}Title", "Title")]
    #[case::osc_st("\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\ here", "link here")]
    #[case::two_char_escape("Reset\u{1B}c now", "Reset now")]
    #[case::lone_escape_at_end("End\u{1B}", "End")]
    #[case::bell("Ding\u{07} dong", "Ding\u{FFFD} dong")]
    #[case::backspace("ab\u{08}c", "ab\u{FFFD}c")]
    #[case::delete("a\u{7F}b", "a\u{FFFD}b")]
    #[case::c1_csi("x\u{9B}31my", "xy")]
    #[case::c1_other("x\u{85}y", "x y")]
    #[case::c1_nel_is_space("x\u{80}y", "x\u{FFFD}y")]
    #[case::bidi_override("abc\u{202E}fed", "abcfed")]
    #[case::bidi_isolate("a\u{2066}b\u{2069}c", "abc")]
    #[case::bidi_marks("a\u{200E}b\u{200F}c\u{61C}d", "abcd")]
    #[case::zero_width("a\u{200B}b\u{2060}c\u{180E}d\u{FFF9}e", "abcde")]
    #[case::joiners_kept("\u{915}\u{94D}\u{200D}\u{937}", "\u{915}\u{94D}\u{200D}\u{937}")]
    #[case::bom("\u{FEFF}Start", "Start")]
    #[case::nbsp_folds("10\u{A0}000", "10 000")]
    #[case::unicode_kept("Seoul’s “spy” agency — 北朝鮮。", "Seoul’s “spy” agency — 北朝鮮。")]
    fn cleans(#[case] source: &str, #[case] expected: &str) {
        assert_eq!(display_text(source, false), expected);
    }

    /// The byte test agrees with the definition by characters on every code point.
    #[test]
    fn byte_test_matches_char_test() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let source = format!("a{c}b");
            let by_chars = c == ' '
                || !(c.is_whitespace() || c.is_control() || safe_text::is_invisible_format(c));
            assert_eq!(is_clean(&source), by_chars, "U+{:04X}", c as u32);
        }
    }

    /// [`is_clean`] as it was written before, sixteen bytes at a time: the reference.
    /// Whether `source` already reads cleanly: no control, invisible formatting or unusual
    /// whitespace characters, no doubled, leading or trailing spaces. Decides on the bytes alone,
    /// sixteen at a time where they are printable ASCII, because this runs over every unit the
    /// command line prints.
    fn is_clean_sixteen_at_a_time(source: &str) -> bool {
        const CHUNK: usize = 16;
        let bytes = source.as_bytes();
        if bytes.first() == Some(&b' ')
            || bytes.last() == Some(&b' ')
            || bytes.windows(2).any(|pair| pair == b"  ")
        {
            return false;
        }
        let mut base = 0;
        while base < bytes.len() {
            let end = (base + CHUNK).min(bytes.len());
            // Printable ASCII and the space: 0x20..=0x7E.
            let printable = bytes[base..end]
                .iter()
                .fold(true, |ok, &b| ok & (b.wrapping_sub(0x20) < 0x5F));
            if !printable
                && (base..end).any(|at| {
                    bytes[at] != b' ' && !is_plain(bytes[at]) && may_be_special(bytes, at)
                })
            {
                return false;
            }
            base = end;
        }
        true
    }

    /// The definition by characters, for text without escape introducers.
    fn reference(source: &str) -> String {
        source
            .split(char::is_whitespace)
            .map(|word| {
                word.chars()
                    .filter(|&c| !safe_text::is_invisible_format(c))
                    .map(|c| if c.is_control() { REPLACEMENT } else { c })
                    .collect::<String>()
            })
            .filter(|word| !word.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    proptest::proptest! {
        #[test]
        fn byte_runs_agree_with_the_char_definition(
            source in "[a-z \t\n\r\u{7}\u{80}-\u{9A}\u{9C}\u{9E}-\u{A0}\u{2000}-\u{206F}\u{3000}\u{FEFF}\u{FFF9}-\u{FFFB}\u{61C}\u{180E}é北]{0,40}"
        ) {
            proptest::prop_assert_eq!(clean(&source), reference(&source));
        }

        #[test]
        fn a_word_at_a_time_tells_clean_text_as_sixteen_bytes_did(
            source in "[a-z ~\u{7F}\t\n\u{7}\u{80}-\u{A0}\u{2000}-\u{206F}\u{3000}\u{FEFF}\u{FFF9}-\u{FFFB}\u{61C}\u{180E}é北’]{0,40}|[ -~]{0,60}|\\PC{0,30}"
        ) {
            proptest::prop_assert_eq!(is_clean(&source), is_clean_sixteen_at_a_time(&source));
        }
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(
            display_text("Seoul’s spy agency said so.", false),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn markup_is_plain_text_outside_markdown() {
        assert_eq!(display_text("a *b* [c](d)", false), "a *b* [c](d)");
    }
}
