//! Where to cut the head of a big file so that it can be parsed alone as a preview of the whole:
//! at a paragraph break, so that no unit is cut and the head's units are the whole file's first
//! units.
//!
//! Works on the raw bytes before decoding; reading them is the library's job.

/// The length of the prefix of `bytes` (the start of a file) that can be parsed alone as a
/// preview of the whole file: up to the end of the line before the first blank line at or after
/// byte `at_least`, or, when no blank line follows in `bytes`, the last line break after it.
///
/// `None` when there is no line break after `at_least`, or when the bytes may be UTF-16 or binary
/// (a byte-order mark, a NUL byte): their decoding, and where a line ends, need the whole file.
pub fn preview_len(bytes: &[u8], at_least: usize) -> Option<usize> {
    if bytes.len() <= at_least
        || matches!(bytes, [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..])
        || memchr::memchr(0, bytes).is_some()
    {
        return None;
    }
    // A line break at a byte index of at least `at_least - 1` ends a head of `at_least` bytes or
    // more.
    let from = at_least.saturating_sub(1);
    let rest = &bytes[from..];
    for newline in memchr::memchr_iter(b'\n', rest) {
        let after = &rest[newline + 1..];
        let blank = after
            .iter()
            .position(|&b| !matches!(b, b' ' | b'\t' | b'\r'))
            .is_some_and(|end| after[end] == b'\n');
        if blank {
            return Some(from + newline + 1);
        }
    }
    // One paragraph per line, or a very long paragraph: a line break is the best cut left.
    memchr::memrchr(b'\n', rest).map(|newline| from + newline + 1)
}

#[cfg(test)]
mod tests {
    use super::preview_len;
    use rstest::rstest;

    #[rstest]
    #[case::blank_line_after_the_minimum(b"aaaa\nbb\ncc\n\ndd\n\nee", 6, Some(11))]
    #[case::break_right_at_the_minimum(b"aaaa\n\nbb\n\ncc", 5, Some(5))]
    #[case::blank_line_before_the_minimum_is_not_used(b"a\n\nbbbbbb\ncc\n\ndd", 4, Some(13))]
    #[case::crlf_blank_line(b"aaaa\r\nbb\r\n\r\ncc", 3, Some(10))]
    #[case::whitespace_only_line(b"aaaa\nbb\n \t \ncc", 3, Some(8))]
    #[case::no_blank_line_takes_the_last_line_break(b"aaaa\nbb\ncc\ndd", 3, Some(11))]
    #[case::no_line_break_after_the_minimum(b"aaaa\nbbbbbbbbbb", 6, None)]
    #[case::shorter_than_the_minimum(b"aaaa\n\nbb", 20, None)]
    #[case::a_nul_byte(b"aaaa\n\nbb\0\n\ncc", 3, None)]
    #[case::utf16_le_bom(b"\xFF\xFEa\x00\n\x00\n\x00b\x00", 2, None)]
    #[case::utf16_be_bom(b"\xFE\xFF\x00a\x00\n\x00\n\x00b", 2, None)]
    fn cuts(#[case] bytes: &[u8], #[case] at_least: usize, #[case] expected: Option<usize>) {
        assert_eq!(preview_len(bytes, at_least), expected);
    }

    #[test]
    fn a_cut_is_a_char_boundary_of_utf8() {
        let text = "Señor Müller sagte «ja».\n\nÜber 300 Tote.\n\nEnde.";
        let len = preview_len(text.as_bytes(), 10).unwrap();
        assert!(text.is_char_boundary(len));
        assert_eq!(&text[..len], "Señor Müller sagte «ja».\n");
    }
}
