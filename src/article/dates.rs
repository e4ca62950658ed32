//! Recognising the date lines news files open with: "January 13, 2025", "Mon, 13 Jan 2025",
//! "2025-01-13", and the "date 2025-01-13 Title" line some exports write.

/// The longest line taken for a date line; longer lines are text.
const DATE_LINE_MAX: usize = 64;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
/// Words that may introduce a date line.
const LEADS: [&str; 5] = ["published", "updated", "posted", "date", "dated"];

/// For a "date 2025-01-13 Title" line, the date and the byte offset of the title in `line`.
pub fn date_title_line(line: &str) -> Option<(&str, usize)> {
    let rest = line
        .strip_prefix("date")
        .or_else(|| line.strip_prefix("Date"))?;
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = rest.trim_start();
    let date_len = rest.find(char::is_whitespace)?;
    let date = &rest[..date_len];
    if !is_iso_date(date) {
        return None;
    }
    let title = rest[date_len..].trim_start();
    if title.is_empty() {
        return None;
    }
    Some((date, line.len() - title.len()))
}

/// Whether the whole (trimmed) line is a date, possibly with a weekday, a lead word such as
/// "Published:" and a time.
pub fn is_date_line(line: &str) -> bool {
    if line.len() > DATE_LINE_MAX || line.is_empty() {
        return false;
    }
    let words = words(line);
    let mut words = date_words(&words);
    let Some(first) = words.next() else {
        return false;
    };
    let dated = if is_iso_date(first) {
        true
    } else if is_month(first) {
        words.next().is_some_and(is_day) && words.next().is_some_and(is_year)
    } else if is_day(first) {
        words.next().is_some_and(is_month) && words.next().is_some_and(is_year)
    } else {
        false
    };
    // What may follow: a time and a zone, as in "10:31 a.m. KST" or "09:00 GMT+9".
    dated && words.all(|w| w.len() <= 6 && !w.chars().all(char::is_alphabetic) || is_zone(w))
}

/// The date `written` names, as ISO 8601 (`2025-01-13`), when it is one of the forms a date line
/// may take ("January 13, 2025", "Mon, 13 Jan 2025", "2025/01/13", "Published: Jan. 13, 2025
/// 10:31 a.m. KST") and names a real day; `None` for anything else, so a date is never guessed.
pub fn iso_date(written: &str) -> Option<String> {
    // Front matter writes a timestamp ("2025-01-13T09:00:00Z"), which is no date line.
    let timestamp = written.trim().split_once(['T', 't']).map(|(date, _)| date);
    if !is_date_line(written) && !timestamp.is_some_and(is_iso_date) {
        return None;
    }
    let words = words(written);
    let mut words = date_words(&words);
    let first = words.next()?;
    let first = timestamp.filter(|date| is_iso_date(date)).unwrap_or(first);
    let (year, month, day) = if is_iso_date(first) {
        let date = first.split('T').next().unwrap_or(first);
        let mut parts = date.split(['-', '/', '.']).map(str::parse::<u32>);
        (
            parts.next()?.ok()?,
            parts.next()?.ok()?,
            parts.next()?.ok()?,
        )
    } else if is_month(first) {
        let day = day_number(words.next()?)?;
        (words.next()?.parse().ok()?, month_number(first)?, day)
    } else {
        let month = month_number(words.next()?)?;
        (words.next()?.parse().ok()?, month, day_number(first)?)
    };
    let month = time::Month::try_from(u8::try_from(month).ok()?).ok()?;
    let date =
        time::Date::from_calendar_date(i32::try_from(year).ok()?, month, u8::try_from(day).ok()?)
            .ok()?;
    Some(format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    ))
}

/// The words of a date line, lower case, without the commas, bars, full stops and colons
/// around them.
fn words(line: &str) -> Vec<String> {
    line.split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .map(|w| w.trim_end_matches(['.', ':']).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// `words` from the date on: past lead words ("Published:") and a weekday.
fn date_words(words: &[String]) -> std::iter::Peekable<impl Iterator<Item = &str>> {
    let mut words = words.iter().map(String::as_str).peekable();
    while words.next_if(|w| LEADS.contains(w)).is_some() {}
    words.next_if(|w| is_weekday(w));
    words
}

/// The number (1-12) of a month name or its abbreviation, as [`is_month`] accepts them.
fn month_number(word: &str) -> Option<u32> {
    if !is_month(word) {
        return None;
    }
    let index = MONTHS.iter().position(|month| month.starts_with(word))?;
    u32::try_from(index + 1).ok()
}

/// The number of a day as [`is_day`] accepts it ("13", "13th").
fn day_number(word: &str) -> Option<u32> {
    if !is_day(word) {
        return None;
    }
    let digits = word.trim_end_matches(char::is_alphabetic);
    digits.parse().ok()
}

fn is_iso_date(word: &str) -> bool {
    let date = word.split('T').next().unwrap_or(word);
    let parts: Vec<&str> = date.split(['-', '/', '.']).collect();
    matches!(parts.as_slice(), [y, m, d]
        if y.len() == 4 && is_number(y, 1000, 9999)
            && is_number(m, 1, 12) && m.len() <= 2
            && is_number(d, 1, 31) && d.len() <= 2)
}

fn is_number(word: &str, low: u32, high: u32) -> bool {
    word.bytes().all(|b| b.is_ascii_digit())
        && word.parse::<u32>().is_ok_and(|n| (low..=high).contains(&n))
}

fn is_month(word: &str) -> bool {
    word.len() >= 3
        && MONTHS
            .iter()
            .any(|month| *month == word || (word.len() <= 4 && month.starts_with(word)))
}

fn is_weekday(word: &str) -> bool {
    word.len() >= 3
        && WEEKDAYS
            .iter()
            .any(|day| *day == word || (word.len() <= 4 && day.starts_with(word)))
}

fn is_day(word: &str) -> bool {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .unwrap_or(word);
    digits.len() <= 2 && is_number(digits, 1, 31)
}

fn is_year(word: &str) -> bool {
    word.len() == 4 && is_number(word, 1000, 9999)
}

fn is_zone(word: &str) -> bool {
    matches!(
        word,
        "am" | "pm" | "a.m" | "p.m" | "utc" | "gmt" | "kst" | "est" | "edt" | "cet"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("January 13, 2025", true)]
    #[case("Jan. 13, 2025", true)]
    #[case("Sept. 3, 2025", true)]
    #[case("13 January 2025", true)]
    #[case("Monday, January 13, 2025", true)]
    #[case("Published: January 13, 2025 10:31 a.m. KST", true)]
    #[case("Updated 2025-01-13", true)]
    #[case("2025-01-13", true)]
    #[case("2025/01/13", true)]
    #[case("May 2025 was hot", false)]
    #[case("March on Washington, 1963", false)]
    #[case("January 13, 2025 was the day the news broke.", false)]
    #[case("2025", false)]
    #[case("Around 300 N.K. soldiers killed", false)]
    fn date_lines(#[case] line: &str, #[case] expected: bool) {
        assert_eq!(is_date_line(line), expected, "{line}");
    }

    #[rstest]
    #[case("January 13, 2025", Some("2025-01-13"))]
    #[case("Jan. 13, 2025", Some("2025-01-13"))]
    #[case("Sept. 3, 2025", Some("2025-09-03"))]
    #[case("13 January 2025", Some("2025-01-13"))]
    #[case("3rd March 2024", Some("2024-03-03"))]
    #[case("Monday, January 13, 2025", Some("2025-01-13"))]
    #[case("Mon, 13 Jan 2025", Some("2025-01-13"))]
    #[case("Published: January 13, 2025 10:31 a.m. KST", Some("2025-01-13"))]
    #[case("Updated 2025-01-13", Some("2025-01-13"))]
    #[case("2025/1/3", Some("2025-01-03"))]
    #[case("2025-01-13T09:00:00Z", Some("2025-01-13"))]
    #[case("February 30, 2025", None)]
    #[case("February 29, 2024", Some("2024-02-29"))]
    #[case("February 29, 2025", None)]
    #[case("May 2025 was hot", None)]
    #[case("Around 300 N.K. soldiers killed", None)]
    #[case("", None)]
    fn iso_dates(#[case] written: &str, #[case] expected: Option<&str>) {
        assert_eq!(iso_date(written).as_deref(), expected, "{written}");
    }

    #[rstest]
    #[case("date 2025-01-13 300 North Korean soldiers killed", Some(("2025-01-13", "300 North Korean soldiers killed")))]
    #[case("Date 2025-01-13  Title", Some(("2025-01-13", "Title")))]
    #[case("date: 2025-01-13 Title", Some(("2025-01-13", "Title")))]
    #[case("date 2025-01-13", None)]
    #[case("dated 2025-01-13 Title", None)]
    #[case("date night in Seoul", None)]
    fn date_title(#[case] line: &str, #[case] expected: Option<(&str, &str)>) {
        assert_eq!(
            date_title_line(line).map(|(date, at)| (date, &line[at..])),
            expected
        );
    }
}
