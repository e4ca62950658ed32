//! Cutting one line of text to a width in cells, with "…" where it was cut, so a reader can tell
//! a cut title from a short one.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` in at most `width` cells: whole when it fits, else its start and "…".
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let Some(room) = width.checked_sub(1) else {
        return String::new();
    };
    let mut used = 0;
    let mut out = String::new();
    for c in text.chars() {
        let cells = c.width().unwrap_or(0);
        if used + cells > room {
            break;
        }
        used += cells;
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[rstest::rstest]
    #[case("short", 10, "short")]
    #[case("exactly10!", 10, "exactly10!")]
    #[case("Around 300 North Korean soldiers", 12, "Around 300 …")]
    #[case("北朝鮮の兵士", 5, "北朝…")]
    #[case("anything", 0, "")]
    #[case("anything", 1, "…")]
    fn cuts_with_an_ellipsis(#[case] text: &str, #[case] width: usize, #[case] expected: &str) {
        assert_eq!(fit(text, width), expected);
    }
}
