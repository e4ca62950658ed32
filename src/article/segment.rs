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

mod next;
mod previous;
mod run;
mod words;

use std::ops::Range;

use run::Run;

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

/// The character starting at byte `at`, which must be a char boundary.
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|rest| rest.chars().next())
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

    #[test]
    fn link_targets_are_skipped_whole() {
        let text = b"[a](http://x.y/?. Z) rest";
        assert_eq!(skip_link_target(text, 2), 20);
        assert_eq!(skip_link_target(b"[a] b", 2), 3);
        assert_eq!(skip_link_target(b"[a](open", 2), 3);
    }
}
