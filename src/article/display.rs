//! The text of a unit as people read it.

use std::borrow::Cow;

/// Folds whitespace runs (hard wraps included) to single spaces and replaces control characters,
/// so the result is safe to put on a terminal.
pub fn display_text(source: &str) -> Cow<'_, str> {
    let mut out = String::with_capacity(source.len());
    for word in source.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(
            word.chars()
                .map(|c| if c.is_control() { '\u{FFFD}' } else { c }),
        );
    }
    Cow::Owned(out)
}
