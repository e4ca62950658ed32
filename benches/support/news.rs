//! Large news texts for the benchmarks, generated from the sample articles.

/// `text` grown past `target` bytes with `paragraphs` in a pseudo-random but fixed order,
/// separated by blank lines, every digit of a copy rewritten so that no two copies are the same.
pub fn shuffled(paragraphs: &[&str], target: usize, mut text: String) -> String {
    text.reserve(target.saturating_sub(text.len()) + 4096);
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    while text.len() < target {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let paragraph = paragraphs[(state >> 33) as usize % paragraphs.len()];
        let digit = b'0' + (state >> 60) as u8 % 10;
        for c in paragraph.chars() {
            text.push(if c.is_ascii_digit() { digit as char } else { c });
        }
        text.push_str("\n\n");
    }
    text
}
