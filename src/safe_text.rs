//! The one rule for text from a file (an article, a note, a quote, a file name, a config) on its
//! way to a terminal: what is shown, what is shown as U+FFFD, what is dropped.
//!
//! - A control character (C0, DEL, C1) is shown as U+FFFD: sent as it is, it is a terminal
//!   command (an escape sequence, a title change, a clipboard write, a bell, a line overwritten
//!   by a lone CR, a forged line in a message). Where the output is lines of text (an export on a
//!   terminal), tab, line feed and the CR of a CRLF are kept; everywhere else they are controls
//!   like the rest.
//! - An invisible formatting character is dropped: the bidirectional embeddings, overrides,
//!   isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), which make a
//!   terminal show a line in another order than it reads (`report`, U+202E, `txt.exe` shown as
//!   `reportexe.txt`), and the zero-width characters that join nothing (U+200B, U+2060–U+2064,
//!   U+FEFF, U+180E and the deprecated U+206A–U+206F, U+FFF9–U+FFFB), whose width terminals do
//!   not agree on and which hide a difference between two names that look the same. The
//!   zero-width joiner and non-joiner stay: they are part of how emoji and several scripts are
//!   spelt, sit inside one character cell and move nothing.
//! - Everything else is shown as it is.
//!
//! Files and pipes get the exact text; this rule is only for what a terminal shows. JSON keeps
//! the text exact as well, by escaping what the rule would change ([`escape_json`]).
//!
//! Pure: no terminal, no files. The shells (messages, the reading screen, exports on a terminal)
//! and the core (display text) all judge characters here.

use std::borrow::Cow;

/// What a control character is shown as.
pub const REPLACEMENT: char = '\u{FFFD}';

/// What the rule does with one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Treatment {
    /// Shown as it is.
    Kept,
    /// A control character: shown as [`REPLACEMENT`], so that it is seen and does nothing.
    Replaced,
    /// An invisible formatting character: shows nothing, so it is dropped.
    Dropped,
}

/// What the rule does with `c` where no line structure is kept (a message, a screen span).
#[inline]
pub fn treatment(c: char) -> Treatment {
    if c.is_control() {
        Treatment::Replaced
    } else if is_invisible_format(c) {
        Treatment::Dropped
    } else {
        Treatment::Kept
    }
}

/// Whether `c` is one of the invisible formatting characters the rule drops: bidi controls and
/// the zero-width characters that join nothing.
#[inline]
pub fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
    )
}

/// `text` as a terminal may show it on one line: every control character (line breaks and tabs
/// included) as U+FFFD, invisible formatting characters dropped. Borrows when nothing changes.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| treatment(c) == Treatment::Kept) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_shown(&mut out, c);
    }
    Cow::Owned(out)
}

/// Appends `text` to `out` as a terminal may show it in lines: tab, line feed and the CR of a
/// CRLF kept, any other control as U+FFFD (a CR last in `text` too: its LF is not in sight),
/// invisible formatting characters dropped.
pub fn push_lines_for_terminal(out: &mut String, text: &str) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' if chars.peek() == Some(&'\n') => out.push(c),
            c => push_shown(out, c),
        }
    }
}

/// Appends `c` to `out` as the rule shows it: itself, U+FFFD or nothing.
#[inline]
fn push_shown(out: &mut String, c: char) {
    match treatment(c) {
        Treatment::Kept => out.push(c),
        Treatment::Replaced => out.push(REPLACEMENT),
        Treatment::Dropped => {}
    }
}

/// `json` with every character the rule would change written as a `\uXXXX` escape, except the
/// C0 controls: inside a string serde_json has escaped those already, and outside one they are
/// JSON's own whitespace. So DEL and the C1 controls (raw, a terminal obeys them) and the
/// invisible formatting characters are escaped. Outside strings JSON text is ASCII, so every
/// such character sits in a string, where the escape means the same character: the value reads
/// back exactly.
pub fn escape_json(json: &str) -> Cow<'_, str> {
    let special = |c: char| c >= '\u{7F}' && treatment(c) != Treatment::Kept;
    if !json.chars().any(special) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if special(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case::plain("plain é 北 👩\u{200D}💻", "plain é 北 👩\u{200D}💻")]
    #[case::escape("a\u{1b}]0;x\u{7}b", "a\u{FFFD}]0;x\u{FFFD}b")]
    #[case::c1_and_del("\u{9b}31m\u{7f}\u{85}", "\u{FFFD}31m\u{FFFD}\u{FFFD}")]
    #[case::line_breaks_and_tab("a\nsidenote: b\r\tc", "a\u{FFFD}sidenote: b\u{FFFD}\u{FFFD}c")]
    #[case::bidi_override("report\u{202E}txt.exe\u{202C}", "reporttxt.exe")]
    #[case::bidi_isolates("a\u{2066}b\u{2067}c\u{2068}d\u{2069}", "abcd")]
    #[case::bidi_marks("a\u{200E}b\u{200F}c\u{61C}d", "abcd")]
    #[case::zero_width("a\u{200B}b\u{2060}c\u{FEFF}d\u{180E}e", "abcde")]
    #[case::joiners_stay("\u{915}\u{94D}\u{200C}\u{937}", "\u{915}\u{94D}\u{200C}\u{937}")]
    fn one_line_follows_the_rule(#[case] text: &str, #[case] shown: &str) {
        assert_eq!(for_terminal(text), shown);
    }

    #[test]
    fn text_the_rule_keeps_is_borrowed() {
        assert!(matches!(
            for_terminal("Seoul’s “spy” agency"),
            Cow::Borrowed(_)
        ));
    }

    #[rstest]
    #[case::layout_kept("a\r\n\tb\nc", "a\r\n\tb\nc")]
    #[case::lone_cr("a\rb", "a\u{FFFD}b")]
    #[case::cr_last("a\r", "a\u{FFFD}")]
    #[case::controls("a\u{1b}[31mb\u{9b}c\u{7f}", "a\u{FFFD}[31mb\u{FFFD}c\u{FFFD}")]
    #[case::bidi_dropped("x\u{202E}y\u{2066}z\u{200F}", "xyz")]
    fn lines_keep_tab_lf_and_crlf(#[case] text: &str, #[case] shown: &str) {
        let mut out = String::new();
        push_lines_for_terminal(&mut out, text);
        assert_eq!(out, shown);
    }

    #[test]
    fn json_escapes_what_the_rule_changes_and_still_means_the_same() {
        let value =
            "x\u{7f}\u{80}\u{9b}31m\u{9f}\u{a0}é\u{202e}r\u{2066}\u{200e}\u{61c}\u{200b}\u{200d}";
        let json = serde_json::to_string(value).unwrap();
        let escaped = escape_json(&json);
        assert_eq!(
            escaped,
            "\"x\\u007f\\u0080\\u009b31m\\u009f\u{a0}é\\u202er\\u2066\\u200e\\u061c\\u200b\u{200d}\""
        );
        assert_eq!(serde_json::from_str::<String>(&escaped).unwrap(), value);
        assert!(escaped.chars().all(|c| treatment(c) == Treatment::Kept));
    }

    /// Every character is judged one way, and only controls and formatting characters are
    /// touched.
    #[test]
    fn only_controls_and_format_characters_are_changed() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            match treatment(c) {
                Treatment::Replaced => assert!(c.is_control(), "U+{:04X}", u32::from(c)),
                Treatment::Dropped => assert!(
                    !c.is_control() && !c.is_whitespace() && !c.is_alphanumeric(),
                    "U+{:04X}",
                    u32::from(c)
                ),
                Treatment::Kept => {}
            }
        }
    }
}
