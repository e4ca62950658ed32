//! What a figure measures when the figure itself says so: a percentage ("58%", "58 percent",
//! "58 per cent"), told apart as a level ("58% of voters", "rose to 61%") or a change ("fell
//! 6%", "closed 6% lower"), and a unit of measure written after it ("180 mm", "200
//! millimetres", "12 km", "70 km/h", "4,200 hectares", "38 degrees"). Each unit is a quantity of
//! its own, never converted: "200 mm" and "200 km" never meet, and neither do "18 cm" and "180
//! mm". Also the vague figures read as ranges ("several hundred" = 200 to 999, "dozens" = 24 to
//! 99).

use super::numbers::Quantity;
use super::terms::stem;
use super::words::{Kind, Token};

/// The measure named right after the number that ends at token `end` (byte `at` in `text`),
/// with the tokens it takes: a percent sign or word, or a unit.
pub fn measure_after(
    text: &str,
    tokens: &[Token<'_>],
    end: usize,
    at: usize,
) -> Option<(Quantity, usize)> {
    let rest = text.get(at..).unwrap_or_default();
    if rest.trim_start().starts_with('%') {
        return Some((Quantity::Percent, 0));
    }
    if rest.trim_start().starts_with('°') {
        return Some((Quantity::Degrees, 0));
    }
    let word = |k: usize| {
        tokens
            .get(end + k)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.lower.as_str())
    };
    match (word(0), word(1)) {
        (Some("percent"), _) => return Some((Quantity::Percent, 1)),
        (Some("per"), Some("cent")) => return Some((Quantity::Percent, 2)),
        _ => {}
    }
    let first = tokens.get(end)?;
    let unit = unit(word(0)?)?;
    // "km/h", "km per hour": a speed, not a length.
    let after = text.get(first.range.end..).unwrap_or_default();
    if unit == Quantity::Kilometres {
        if after.starts_with("/h") {
            return Some((Quantity::KilometresPerHour, 2));
        }
        if (word(1), word(2)) == (Some("per"), Some("hour"))
            || word(1) == Some("an") && word(2) == Some("hour")
        {
            return Some((Quantity::KilometresPerHour, 3));
        }
    }
    Some((unit, 1))
}

/// The unit a word names.
fn unit(word: &str) -> Option<Quantity> {
    const UNITS: [(&[&str], Quantity); 11] = [
        (
            &[
                "mm",
                "millimetre",
                "millimetres",
                "millimeter",
                "millimeters",
            ],
            Quantity::Millimetres,
        ),
        (
            &[
                "cm",
                "centimetre",
                "centimetres",
                "centimeter",
                "centimeters",
            ],
            Quantity::Centimetres,
        ),
        (&["metre", "metres", "meter", "meters"], Quantity::Metres),
        (
            &["km", "kilometre", "kilometres", "kilometer", "kilometers"],
            Quantity::Kilometres,
        ),
        (&["kph", "km/h"], Quantity::KilometresPerHour),
        (&["mile", "miles"], Quantity::Miles),
        (&["mph"], Quantity::MilesPerHour),
        (&["hectare", "hectares", "ha"], Quantity::Hectares),
        (
            &["kg", "kilogram", "kilograms", "kilogrammes"],
            Quantity::Kilograms,
        ),
        (&["tonne", "tonnes", "ton", "tons"], Quantity::Tonnes),
        (&["degree", "degrees", "°c", "celsius"], Quantity::Degrees),
    ];
    UNITS
        .iter()
        .find(|(words, _)| words.contains(&word))
        .map(|(_, q)| *q)
}

/// Words that make a percentage a change when they stand right before it ("fell 6%", "down 6
/// percent", "by 6%").
const CHANGE_BEFORE: &[&str] = &[
    "fell",
    "fall",
    "falls",
    "fallen",
    "falling",
    "dropped",
    "drop",
    "drops",
    "rose",
    "rise",
    "rises",
    "risen",
    "rising",
    "lost",
    "lose",
    "loses",
    "gained",
    "gain",
    "gains",
    "declined",
    "decline",
    "declines",
    "climbed",
    "climbs",
    "slumped",
    "slid",
    "jumped",
    "plunged",
    "surged",
    "increased",
    "decreased",
    "grew",
    "shrank",
    "down",
    "up",
    "by",
    "cut",
];

/// Words that make a percentage a change when they follow it ("6% lower", "a 6% drop").
const CHANGE_AFTER: &[&str] = &[
    "lower", "higher", "drop", "fall", "rise", "increase", "decrease", "decline", "down", "up",
    "jump", "gain", "loss", "cut", "more", "less", "fewer",
];

/// Whether a percentage is a change rather than a level, from the words just `before` it (its
/// hedge left out, nearest last) and just `after` it: "rose to 61%" is a level, "rose 6%" and
/// "rose by 6%" changes, "6% of voters" a level.
pub fn is_change(before: &[&str], after: &[&str]) -> bool {
    if after.first() == Some(&"of") || before.last() == Some(&"to") {
        return false;
    }
    before
        .iter()
        .rev()
        .take(2)
        .any(|w| CHANGE_BEFORE.contains(w))
        || after.iter().take(2).any(|w| CHANGE_AFTER.contains(w))
}

/// How many words on each side of a percentage say what it is a percentage of.
const SUBJECT_WORDS: usize = 4;

/// The stems of the content words around a percentage (up to [`SUBJECT_WORDS`] each side), what
/// it is a percentage of: "turnout" in "Turnout was 58%", "forest" and "park" in "15% of the
/// park's forest". Two percentages are about the same thing only when these meet.
pub fn subject(before: &[&str], after: &[&str]) -> Vec<String> {
    let near = before
        .iter()
        .rev()
        .take(SUBJECT_WORDS)
        .chain(after.iter().take(SUBJECT_WORDS));
    let mut found: Vec<String> = near
        .filter(|w| !CHANGE_BEFORE.contains(w) && !CHANGE_AFTER.contains(w))
        .filter(|w| !matches!(**w, "percent" | "per" | "cent"))
        .filter_map(|w| stem(w))
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// A vague figure starting at token `i`: its first and last value and the index past it.
/// "dozens" (or "several dozen"): 24 to 99; "hundreds", "several hundred", "a few hundred": 200 to
/// 999; "thousands", "several thousand": 2,000 to 9,999; "tens of thousands": 20,000 to 99,999;
/// "hundreds of thousands": 200,000 to 999,999. Such a figure agrees with every figure inside
/// its range and conflicts only with figures wholly outside it.
/// A scale of a thousand or more ("thousand", "million", "billion"), as a number reads it.
fn big_scale(word: &str) -> Option<u64> {
    super::numbers::scale(word).filter(|&times| times >= 1_000)
}

pub fn vague_at(tokens: &[Token<'_>], i: usize) -> Option<(usize, u64, u64)> {
    let word = |k: usize| {
        tokens
            .get(i + k)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.lower.as_str())
    };
    let plural = |w: &str| match w {
        "dozens" => Some((24, 99)),
        "hundreds" => Some((200, 999)),
        "thousands" => Some((2_000, 9_999)),
        _ => None,
    };
    let single = |w: &str| match w {
        "dozen" => Some((24, 99)),
        "hundred" => Some((200, 999)),
        "thousand" => Some((2_000, 9_999)),
        _ => None,
    };
    // "tens of thousands", "hundreds of millions": the range of tens or hundreds times the
    // scale.
    let scales = |w: &str| w.strip_suffix('s').and_then(big_scale);
    let (next, (low, high)) = match (word(0)?, word(1), word(2)) {
        ("tens", Some("of"), Some(w)) if scales(w).is_some() => (i + 2, (20, 99)),
        ("hundreds", Some("of"), Some(w)) if scales(w).is_some() => (i + 2, (200, 999)),
        ("several", Some(w), _) => (i + 2, single(w)?),
        ("a", Some("few"), Some(w)) => (i + 3, single(w)?),
        (w, _, _) => (i + 1, plural(w)?),
    };
    // "several hundred thousand", "tens of thousands": the range times the scale after it.
    let times = match tokens.get(next).map(|t| t.lower.as_str()) {
        Some(w) => match big_scale(w).or_else(|| scales(w)) {
            Some(times) => times,
            None => return Some((next, low, high)),
        },
        None => return Some((next, low, high)),
    };
    Some((next + 1, low * times, (high + 1) * times - 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::words::tokens;

    fn measure(text: &str) -> Option<Quantity> {
        let tokens = tokens(text);
        let end = tokens.iter().position(|t| t.kind == Kind::Numeral)?;
        measure_after(text, &tokens, end + 1, tokens[end].range.end).map(|(q, _)| q)
    }

    #[rstest::rstest]
    #[case("a rise of 12% in rents", Some(Quantity::Percent))]
    #[case("12 percent of tenants", Some(Quantity::Percent))]
    #[case("12 per cent of tenants", Some(Quantity::Percent))]
    #[case("snow lay 40 cm deep", Some(Quantity::Centimetres))]
    #[case("a 40cm layer", Some(Quantity::Centimetres))]
    #[case("the road runs 40 kilometres", Some(Quantity::Kilometres))]
    #[case("gusts of 90 km/h", Some(Quantity::KilometresPerHour))]
    #[case("gusts of 90 km per hour", Some(Quantity::KilometresPerHour))]
    #[case("the ship carried 900 tonnes of grain", Some(Quantity::Tonnes))]
    #[case("it was minus 12 degrees", Some(Quantity::Degrees))]
    #[case("it was 12°C at noon", Some(Quantity::Degrees))]
    #[case("a 300-metre tower", Some(Quantity::Metres))]
    #[case("40 climbers", None)]
    fn a_unit_or_a_percent_after_the_number_is_its_measure(
        #[case] text: &str,
        #[case] expected: Option<Quantity>,
    ) {
        assert_eq!(measure(text), expected);
    }

    #[rstest::rstest]
    #[case(&["sales", "fell"], &["in", "march"], true)]
    #[case(&["sales", "fell", "by"], &["in", "march"], true)]
    #[case(&["prices", "closed"], &["higher"], true)]
    #[case(&["a"], &["drop", "in", "sales"], true)]
    #[case(&["support", "rose", "to"], &["in", "may"], false)]
    #[case(&["won"], &["of", "the", "seats"], false)]
    #[case(&["support", "fell"], &["of", "the", "members"], false)]
    #[case(&["attendance", "was"], &[], false)]
    fn a_percentage_is_a_change_or_a_level(
        #[case] before: &[&str],
        #[case] after: &[&str],
        #[case] change: bool,
    ) {
        assert_eq!(is_change(before, after), change);
    }

    #[test]
    fn the_subject_of_a_percentage_is_its_neighbouring_content_words() {
        assert_eq!(
            subject(&["attendance", "was"], &["the", "best", "since"]),
            ["attenda", "best"]
        );
        assert_eq!(
            subject(&["rents", "rose"], &["of", "income"]),
            ["income", "rent"]
        );
    }

    fn vague(text: &str) -> Option<(u64, u64)> {
        vague_at(&tokens(text), 0).map(|(_, low, high)| (low, high))
    }

    #[rstest::rstest]
    #[case("dozens of pilgrims", Some((24, 99)))]
    #[case("several dozen pilgrims", Some((24, 99)))]
    #[case("hundreds of pilgrims", Some((200, 999)))]
    #[case("several hundred pilgrims", Some((200, 999)))]
    #[case("a few hundred pilgrims", Some((200, 999)))]
    #[case("thousands of pilgrims", Some((2_000, 9_999)))]
    #[case("tens of thousands of pilgrims", Some((20_000, 99_999)))]
    #[case("hundreds of thousands of pilgrims", Some((200_000, 999_999)))]
    #[case("several hundred thousand pilgrims", Some((200_000, 999_999)))]
    #[case("hundreds of millions of euros", Some((200_000_000, 999_999_999)))]
    #[case("tens of millions of euros", Some((20_000_000, 99_999_999)))]
    #[case("several million euros", None)]
    #[case("tens of pilgrims", None)]
    #[case("several pilgrims", None)]
    #[case("a few pilgrims", None)]
    fn a_vague_figure_is_a_range(#[case] text: &str, #[case] range: Option<(u64, u64)>) {
        assert_eq!(vague(text), range);
    }
}
