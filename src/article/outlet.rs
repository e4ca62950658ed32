//! The outlet named in an article's own first lines, for files without front matter: a source
//! line ("Source: Reuters"), a dateline with a news agency ("SEOUL (Yonhap) -- ..."), or a byline
//! that names the outlet after the writer ("By Ana Ruiz, The Guardian"). Only the first lines are
//! read, and a line must look like one of these as a whole: "(NIS)" inside a sentence or "By the
//! time..." is text, not an outlet.

/// How many non-blank lines at the top are looked at.
const LINES: usize = 12;
/// How many bytes at the top are looked at, whatever the lines.
const BYTES: usize = 4096;
/// The longest outlet name taken.
const OUTLET_CHARS: usize = 60;

/// The outlet the first lines of `text` name, if they name one.
pub fn from_text(text: &str) -> Option<String> {
    let mut end = text.len().min(BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end]
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .take(LINES)
        .find_map(|line| {
            source_line(line)
                .or_else(|| dateline(line))
                .or_else(|| byline(line))
        })
        .map(str::to_owned)
}

/// "Source: Reuters", "Source - AP".
fn source_line(line: &str) -> Option<&str> {
    let rest = ["Source:", "SOURCE:", "Source -", "Source –", "Source —"]
        .iter()
        .find_map(|lead| line.strip_prefix(lead))?;
    name(rest)
}

/// "SEOUL (Yonhap) -- ...", "WASHINGTON (AP) — ...", "KYIV, Ukraine (Reuters) - ...": a city in
/// capitals, the agency in brackets, then a dash.
fn dateline(line: &str) -> Option<&str> {
    let open = line.find(" (")?;
    // The city in capitals, perhaps a region or country after a comma ("KYIV, Ukraine").
    let place = &line[..open];
    let (city, region) = place.split_once(", ").unwrap_or((place, ""));
    let is_place = city.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && city
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-')
        && region
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if !is_place {
        return None;
    }
    let inside = &line[open + 2..];
    let close = inside.find(')')?;
    let after = inside[close + 1..].trim_start();
    if !after.starts_with(['-', '–', '—']) {
        return None;
    }
    name(&inside[..close])
}

/// "By Ana Ruiz, The Guardian", "By Ana Ruiz | Reuters", "By Ana Ruiz for Al Jazeera": a short
/// line, no sentence, a writer's capitalised name, then the outlet.
fn byline(line: &str) -> Option<&str> {
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))?;
    if line.chars().count() > 100 || line.ends_with(['.', '?', '!']) && !line.ends_with(".com") {
        return None;
    }
    let (writer, outlet) = [", ", " | ", " for ", " – ", " — ", " - "]
        .iter()
        .find_map(|sep| rest.split_once(sep))?;
    let words: Vec<&str> = writer.split_whitespace().collect();
    let is_name = (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if !is_name {
        return None;
    }
    name(outlet)
}

/// `raw` trimmed, when it reads as a name: short, starting with a letter or digit, no sentence.
fn name(raw: &str) -> Option<&str> {
    let name = raw.trim().trim_end_matches(['.', ',', ';', ':']);
    let fits = !name.is_empty()
        && name.chars().count() <= OUTLET_CHARS
        && name.chars().next().is_some_and(char::is_alphanumeric)
        && name.split_whitespace().count() <= 6;
    fits.then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("Source: Reuters\n\nThe talks ended.", Some("Reuters"))]
    #[case("Title of the story\nSource - AP\nText follows here.", Some("AP"))]
    #[case(
        "SEOUL (Yonhap) -- Around 300 soldiers died, the agency said.",
        Some("Yonhap")
    )]
    #[case("Headline\n\nWASHINGTON (AP) — The deal was signed.", Some("AP"))]
    #[case("KYIV, Ukraine (Reuters) - Talks resumed.", Some("Reuters"))]
    #[case(
        "Headline\nBy Ana Ruiz, The Guardian\nGENEVA — Negotiators left.",
        Some("The Guardian")
    )]
    #[case("By Ana Ruiz | Reuters\n\nText.", Some("Reuters"))]
    #[case("By Lee Min-ji for Al Jazeera\nText.", Some("Al Jazeera"))]
    // Traps: none of these names an outlet.
    #[case("By Ana Ruiz\nGENEVA — Negotiators left on Friday.", None)]
    #[case("By the time the talks ended, 40 people had died.", None)]
    #[case("By the way, the minister said, nothing was signed.", None)]
    #[case(
        "The National Intelligence Service (NIS) shared the information - lawmakers said.",
        None
    )]
    #[case("Seoul (NIS) - a lower-case place is a sentence.", None)]
    #[case("Sources say the deal is off.", None)]
    #[case(
        "Source: a senior official who asked not to be named because the talks were secret",
        None
    )]
    #[case("", None)]
    fn outlets(#[case] text: &str, #[case] expected: Option<&str>) {
        assert_eq!(from_text(text).as_deref(), expected, "{text}");
    }

    #[test]
    fn only_the_first_lines_are_read() {
        let mut text = "Line of text.\n".repeat(LINES);
        text.push_str("Source: Reuters\n");
        assert_eq!(from_text(&text), None);
        let long = format!("{}\nSource: Reuters\n", "x".repeat(BYTES));
        assert_eq!(from_text(&long), None);
    }
}
