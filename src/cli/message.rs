//! What the command line says on stderr: one line per message, `sidenote: ` first, shown by the
//! rule of [`crate::safe_text`].
//!
//! File names, notes and quotes come from outside (a downloaded article, a merged sidecar) and may
//! hold escape sequences (a title change, a clipboard write, a screen clear), bidi overrides, or a
//! line feed that would start a forged `sidenote:` line. A message is one line: every control
//! character in it, a line feed included, is shown as U+FFFD and invisible formatting characters
//! are dropped.

use std::fmt::Display;
use std::io::{self, Write};

use crate::safe_text;

/// Prints `sidenote: MESSAGE` on stderr, on one line, shown by the rule of [`safe_text`].
pub fn warn(message: impl Display) {
    let message = message.to_string();
    let _ = writeln!(
        io::stderr(),
        "sidenote: {}",
        safe_text::for_terminal(&message)
    );
}

/// The message of `error` followed by those of its causes, leaving out a cause whose text the
/// message already holds (library errors often quote their source).
pub fn describe(error: &anyhow::Error) -> String {
    let mut out = error.to_string();
    for cause in error.chain().skip(1) {
        let cause = cause.to_string();
        if !out.contains(&cause) {
            out.push_str(": ");
            out.push_str(&cause);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cause_already_quoted_is_not_repeated() {
        let io = std::io::Error::other("Too many levels of symbolic links");
        let error =
            anyhow::Error::new(io).context("a.txt: cannot read: Too many levels of symbolic links");
        assert_eq!(
            describe(&error),
            "a.txt: cannot read: Too many levels of symbolic links"
        );
        let error = anyhow::anyhow!("inner").context("outer");
        assert_eq!(describe(&error), "outer: inner");
    }
}
