//! The word-level difference between a tag's text as it was and as it is now, with the changed
//! figures and quoted words marked so that they stand out (`300 -> 400`).
//!
//! Words are runs of letters and digits, with the punctuation that sits inside a number or a
//! word (`2,700`, `3.5`, `don't`, `well-known`) kept in them; spaces and other punctuation are
//! tokens of their own. The difference is a longest common subsequence over the tokens, after
//! the common start and end are set aside; past a size bound the middle is reported as removed
//! and added whole rather than compared cell by cell. Pure: values in, values out.

/// Token pairs compared at most, after the common start and end are set aside.
const MAX_CELLS: usize = 1_000_000;

/// What a piece of the difference is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// In both texts.
    Same,
    /// Only in the old text.
    Removed,
    /// Only in the new text.
    Added,
}

/// A run of text that is the same, removed or added.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Piece {
    /// Same, removed or added.
    pub op: Op,
    /// The text of the run.
    pub text: String,
    /// Whether the run changes a figure or a quoted word, which a reader must not miss.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub notable: bool,
}

/// One token of a text, with whether it is a figure or stands inside quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Token<'a> {
    text: &'a str,
    notable: bool,
}

/// The word-level difference from `old` to `new`, whitespace runs folded to one space first.
pub fn diff(old: &str, new: &str) -> Vec<Piece> {
    let (old, new) = (fold(old), fold(new));
    let (a, b) = (tokens(&old), tokens(&new));
    let head = a
        .iter()
        .zip(&b)
        .take_while(|(x, y)| x.text == y.text)
        .count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x.text == y.text)
        .count();
    let (mid_a, mid_b) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut ops: Vec<(Op, Token)> = a[..head].iter().map(|&t| (Op::Same, t)).collect();
    if mid_a.len().saturating_mul(mid_b.len()) > MAX_CELLS {
        ops.extend(mid_a.iter().map(|&t| (Op::Removed, t)));
        ops.extend(mid_b.iter().map(|&t| (Op::Added, t)));
    } else {
        ops.extend(lcs(mid_a, mid_b));
    }
    ops.extend(a[a.len() - tail..].iter().map(|&t| (Op::Same, t)));
    merge(absorb_spaces(ops))
}

/// The changed figures and quoted words as `old -> new` lines: a removed run followed by an
/// added one makes one line; a run only removed or only added shows `(none)` on its other side.
pub fn highlights(pieces: &[Piece]) -> Vec<String> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < pieces.len() {
        let piece = &pieces[at];
        let next = pieces.get(at + 1);
        match (piece.op, next) {
            (Op::Removed, Some(added)) if added.op == Op::Added => {
                if piece.notable || added.notable {
                    out.push(format!("{} -> {}", piece.text.trim(), added.text.trim()));
                }
                at += 2;
                continue;
            }
            (Op::Removed, _) if piece.notable => {
                out.push(format!("{} -> (none)", piece.text.trim()));
            }
            (Op::Added, _) if piece.notable => {
                out.push(format!("(none) -> {}", piece.text.trim()));
            }
            _ => {}
        }
        at += 1;
    }
    out
}

/// The difference as plain text: removed runs as `[-old-]`, added ones as `{+new+}`, readable
/// without colour (`NO_COLOR`, a pipe).
pub fn marked(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece.op {
            Op::Same => out.push_str(&piece.text),
            Op::Removed => {
                out.push_str("[-");
                out.push_str(&piece.text);
                out.push_str("-]");
            }
            Op::Added => {
                out.push_str("{+");
                out.push_str(&piece.text);
                out.push_str("+}");
            }
        }
    }
    out
}

/// `text` with every whitespace run as one space and none at either end.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `c` opens or closes a quotation.
fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»' | '„')
}

/// Whether `c` may sit inside a word or number between two letters or digits.
fn joins(c: char) -> bool {
    matches!(c, '.' | ',' | '\'' | '’' | '-' | ':' | '/')
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(at, _)| at);
    let mut out = Vec::new();
    let mut quoted = false;
    let mut i = 0;
    while i < chars.len() {
        let (from, c) = chars[i];
        let mut j = i + 1;
        if c.is_alphanumeric() {
            while j < chars.len() {
                let d = chars[j].1;
                let inner = joins(d) && chars.get(j + 1).is_some_and(|&(_, e)| e.is_alphanumeric());
                if d.is_alphanumeric() || d == '%' {
                    j += 1;
                } else if inner {
                    j += 2;
                } else {
                    break;
                }
            }
        } else if c.is_whitespace() {
            while j < chars.len() && chars[j].1.is_whitespace() {
                j += 1;
            }
        }
        let word = &text[from..end_of(j)];
        if is_quote_mark(c) {
            quoted = match c {
                '“' | '«' | '„' => true,
                '”' | '»' => false,
                _ => !quoted,
            };
        }
        let figure = word.chars().any(|d| d.is_ascii_digit());
        out.push(Token {
            text: word,
            notable: figure || (quoted && c.is_alphanumeric()),
        });
        i = j;
    }
    out
}

/// The longest common subsequence of `a` and `b` as a sequence of operations.
fn lcs<'a>(a: &[Token<'a>], b: &[Token<'a>]) -> Vec<(Op, Token<'a>)> {
    let (n, m) = (a.len(), b.len());
    // lengths[i][j]: the LCS of a[i..] and b[j..], row-major in one vector.
    let width = m + 1;
    let mut lengths = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lengths[i * width + j] = if a[i].text == b[j].text {
                lengths[(i + 1) * width + j + 1] + 1
            } else {
                lengths[(i + 1) * width + j].max(lengths[i * width + j + 1])
            };
        }
    }
    let mut out = Vec::with_capacity(n + m);
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i].text == b[j].text {
            out.push((Op::Same, a[i]));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lengths[i * width + j + 1] >= lengths[(i + 1) * width + j]) {
            out.push((Op::Added, b[j]));
            j += 1;
        } else {
            out.push((Op::Removed, a[i]));
            i += 1;
        }
    }
    out
}

/// Folds a lone space kept between two changes into both sides, so `300 soldiers` replaced by
/// `400 troops` reads as one change rather than two.
fn absorb_spaces<'a>(ops: Vec<(Op, Token<'a>)>) -> Vec<(Op, Token<'a>)> {
    let changed = |op: Option<&(Op, Token)>| op.is_some_and(|(op, _)| *op != Op::Same);
    let mut out: Vec<(Op, Token)> = Vec::with_capacity(ops.len());
    let mut at = 0;
    while at < ops.len() {
        let (op, token) = ops[at];
        let lone_space = op == Op::Same && token.text.trim().is_empty();
        if lone_space && changed(out.last()) && changed(ops.get(at + 1)) {
            // Put the space into the removed and the added runs around it.
            let (mut removed, mut added) = (Vec::new(), Vec::new());
            while let Some(&(op, t)) = out.last() {
                if op == Op::Same {
                    break;
                }
                out.pop();
                if op == Op::Removed {
                    removed.push(t);
                } else {
                    added.push(t);
                }
            }
            removed.reverse();
            added.reverse();
            removed.push(token);
            added.push(token);
            out.extend(removed.into_iter().map(|t| (Op::Removed, t)));
            out.extend(added.into_iter().map(|t| (Op::Added, t)));
        } else {
            out.push((op, token));
        }
        at += 1;
    }
    // Removed before added within each changed run.
    let mut sorted = Vec::with_capacity(out.len());
    let mut run: Vec<(Op, Token)> = Vec::new();
    for item in out {
        if item.0 == Op::Same {
            sorted.extend(run.iter().filter(|(op, _)| *op == Op::Removed).copied());
            sorted.extend(run.iter().filter(|(op, _)| *op == Op::Added).copied());
            run.clear();
            sorted.push(item);
        } else {
            run.push(item);
        }
    }
    sorted.extend(run.iter().filter(|(op, _)| *op == Op::Removed).copied());
    sorted.extend(run.iter().filter(|(op, _)| *op == Op::Added).copied());
    sorted
}

/// Joins neighbouring tokens with the same operation into pieces.
fn merge(ops: Vec<(Op, Token)>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for (op, token) in ops {
        let notable = token.notable && op != Op::Same;
        match out.last_mut() {
            Some(last) if last.op == op => {
                last.text.push_str(token.text);
                last.notable |= notable;
            }
            _ => out.push(Piece {
                op,
                text: token.text.to_owned(),
                notable,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case::figure(
        "At least 300 soldiers died.",
        "At least 400 soldiers died.",
        "At least [-300-]{+400+} soldiers died."
    )]
    #[case::same(
        "Nothing changed here.",
        "Nothing changed here.",
        "Nothing changed here."
    )]
    #[case::two_words(
        "300 soldiers died.",
        "400 troops died.",
        "[-300 soldiers-]{+400 troops+} died."
    )]
    #[case::number_with_comma(
        "some 2,700 injured",
        "some 2,900 injured",
        "some [-2,700-]{+2,900+} injured"
    )]
    #[case::word_added("He said it.", "He reportedly said it.", "He {+reportedly +}said it.")]
    #[case::all_new(
        "Old text.",
        "Brand new words entirely!",
        "[-Old text.-]{+Brand new words entirely!+}"
    )]
    #[case::wraps_folded("a\n  b c", "a b c", "a b c")]
    fn marks_the_changed_words(#[case] old: &str, #[case] new: &str, #[case] want: &str) {
        assert_eq!(marked(&diff(old, new)), want);
    }

    #[rstest]
    #[case::figure("killed 300 people", "killed 400 people", vec!["300 -> 400"])]
    #[case::quoted_word("called it “a disaster” today", "called it “a setback” today", vec!["disaster -> setback"])]
    #[case::plain_word("the big dog", "the large dog", vec![])]
    #[case::figure_gone("up 5% this year", "up this year", vec!["5% -> (none)"])]
    fn figures_and_quoted_words_stand_out(
        #[case] old: &str,
        #[case] new: &str,
        #[case] want: Vec<&str>,
    ) {
        assert_eq!(highlights(&diff(old, new)), want);
    }

    #[test]
    fn a_huge_middle_is_removed_and_added_whole() {
        let old: String = (0..3000).map(|i| format!("w{i} ")).collect();
        let new: String = (0..3000).map(|i| format!("v{i} ")).collect();
        let pieces = diff(&old, &new);
        assert_eq!(pieces.len(), 2);
        assert_eq!(pieces[0].op, Op::Removed);
        assert_eq!(pieces[1].op, Op::Added);
    }
}
