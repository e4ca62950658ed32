//! The text of a unit as people read it, safe to put on a terminal.
//!
//! Owns the one rule that article text never reaches a terminal as control codes: ANSI escape
//! sequences (CSI, OSC, DCS and the rest) are dropped whole, every other C0 or C1 control becomes
//! U+FFFD, and bidirectional overrides and isolates, which can make a line read backwards, are
//! dropped. Whitespace runs, hard wraps included, fold to one space. Offsets are not this module's
//! business: it returns new text and leaves the article untouched.

use std::borrow::Cow;

use super::inline;

/// What a control character is shown as.
const REPLACEMENT: char = '\u{FFFD}';

/// The display text of `source`: markup dropped when `markdown`, whitespace folded, control
/// characters replaced. Borrows when nothing needs changing, which is the common case.
pub fn display_text(source: &str, markdown: bool) -> Cow<'_, str> {
    if markdown && inline::has_markup(source) {
        let plain = inline::strip(source);
        return Cow::Owned(clean(&plain).into_owned());
    }
    clean(source)
}

/// Folds whitespace and neutralises control and bidi characters.
pub fn clean(source: &str) -> Cow<'_, str> {
    if is_clean(source) {
        return Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len());
    let mut space = false;
    let mut chars = source.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if is_dropped(c) {
            continue;
        }
        if c == '\u{1B}' || c == '\u{9B}' || c == '\u{9D}' {
            skip_escape(c, &mut chars);
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(if c.is_control() { REPLACEMENT } else { c });
    }
    Cow::Owned(out)
}

/// Whether `source` already reads cleanly: no control, bidi or unusual whitespace characters, no
/// doubled, leading or trailing spaces. Decides on the bytes alone, without decoding, because
/// this runs over every unit the command line prints.
fn is_clean(source: &str) -> bool {
    let bytes = source.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if (0x21..0x7F).contains(&b) {
            at += 1;
            continue;
        }
        let suspicious = match b {
            b' ' => bytes.get(at + 1) == Some(&b' '),
            0x00..=0x1F | 0x7F => true,
            // U+0080..U+00A0: C1 controls, NEL and the no-break space.
            0xC2 => bytes.get(at + 1).is_some_and(|&next| next <= 0xA0),
            // U+1680 OGHAM SPACE MARK.
            0xE1 => bytes.get(at + 1..at + 3) == Some(&[0x9A, 0x80]),
            // U+2000..U+200A spaces, U+2028..U+202F separators, bidi controls and the narrow
            // no-break space, U+205F, U+2066..U+2069 isolates.
            0xE2 => match bytes.get(at + 1..at + 3) {
                Some(&[0x80, third]) => third <= 0x8A || (0xA8..=0xAF).contains(&third),
                Some(&[0x81, third]) => third == 0x9F || (0xA6..=0xA9).contains(&third),
                _ => false,
            },
            // U+3000 IDEOGRAPHIC SPACE.
            0xE3 => bytes.get(at + 1..at + 3) == Some(&[0x80, 0x80]),
            // U+FEFF, the byte-order mark.
            0xEF => bytes.get(at + 1..at + 3) == Some(&[0xBB, 0xBF]),
            _ => false,
        };
        if suspicious {
            return false;
        }
        at += 1;
    }
    true
}

/// Characters removed without a trace: bidi embeddings, overrides and isolates, and the BOM.
fn is_dropped(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Skips the rest of an escape sequence whose introducer `first` was just read, so that neither
/// its parameters nor its payload reach the screen as text.
fn skip_escape(first: char, chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>) {
    let kind = if first == '\u{1B}' {
        match chars.peek().map(|&(_, c)| c) {
            Some('[') => {
                chars.next();
                '['
            }
            Some(c @ (']' | 'P' | 'X' | '^' | '_')) => {
                chars.next();
                c
            }
            Some(c) if ('\u{20}'..='\u{7E}').contains(&c) => {
                // A two-character sequence such as ESC c (reset) or ESC 7.
                chars.next();
                return;
            }
            _ => return,
        }
    } else if first == '\u{9B}' {
        '['
    } else {
        ']'
    };
    if kind == '[' {
        // CSI: parameter and intermediate bytes, then one final byte.
        for (_, c) in chars.by_ref() {
            if ('\u{40}'..='\u{7E}').contains(&c) || !('\u{20}'..='\u{7E}').contains(&c) {
                return;
            }
        }
        return;
    }
    // OSC, DCS, SOS, PM, APC: a string ended by BEL, ST (ESC \) or U+009C.
    while let Some((_, c)) = chars.next() {
        match c {
            '\u{07}' | '\u{9C}' => return,
            '\u{1B}' => {
                if chars.peek().map(|&(_, c)| c) == Some('\\') {
                    chars.next();
                }
                return;
            }
            _ => {}
        }
    }
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
            let by_chars = c == ' ' || !(c.is_whitespace() || c.is_control() || is_dropped(c));
            assert_eq!(is_clean(&source), by_chars, "U+{:04X}", c as u32);
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
