//! Figures in a unit's text: numerals and number words normalised to one value ("2,700",
//! "2700", "some 2,700", "three hundred", "1.5 million"), the hedge before each, and the
//! quantity it counts (killed, injured, arrested...) read from the words around it, or the
//! measure written after it (a percentage, a unit: see `measures`). Vague figures ("several
//! hundred", "dozens") are ranges. Years and a lone "one" are not figures.

use std::ops::Range;

use super::hedges::{Hedge, hedge_before};
use super::measures::{is_change, measure_after, subject, vague_at};
use super::words::{Kind, Token, tokens};

/// A figure's value in hundredths, so "1.5" and "1.5 million" stay exact and comparable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(pub u64);

impl Amount {
    /// A whole number.
    pub fn whole(n: u64) -> Amount {
        Amount(n.saturating_mul(100))
    }
}

impl std::fmt::Display for Amount {
    /// "2,700", "1.5", "1,500,000".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let whole = self.0 / 100;
        let digits = whole.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        let cents = self.0 % 100;
        match (cents, cents % 10) {
            (0, _) => f.write_str(&grouped),
            (_, 0) => write!(f, "{grouped}.{}", cents / 10),
            _ => write!(f, "{grouped}.{cents:02}"),
        }
    }
}

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Quantity {
    /// People killed, dead, who died or lost their lives.
    Killed,
    /// People injured or wounded.
    Injured,
    /// Casualties (killed and injured together).
    Casualties,
    /// People arrested or detained.
    Arrested,
    /// People missing.
    Missing,
    /// People displaced or evacuated.
    Displaced,
    /// People captured or taken prisoner.
    Captured,
    /// People sent or deployed.
    Deployed,
    /// Things recalled (cars, products).
    Recalled,
    /// A percentage level ("58% of voters", "turnout was 58%").
    Percent,
    /// A change in percent ("fell 6%", "closed 6% lower").
    PercentChange,
    /// Millimetres.
    Millimetres,
    /// Centimetres.
    Centimetres,
    /// Metres.
    Metres,
    /// Kilometres.
    Kilometres,
    /// Kilometres per hour.
    KilometresPerHour,
    /// Miles.
    Miles,
    /// Miles per hour.
    MilesPerHour,
    /// Hectares.
    Hectares,
    /// Kilograms.
    Kilograms,
    /// Tonnes.
    Tonnes,
    /// Degrees (of temperature or angle, as the text says).
    Degrees,
}

impl Quantity {
    /// The lower-case name used in exports and labels.
    pub fn name(self) -> &'static str {
        match self {
            Quantity::Killed => "killed",
            Quantity::Injured => "injured",
            Quantity::Casualties => "casualties",
            Quantity::Arrested => "arrested",
            Quantity::Missing => "missing",
            Quantity::Displaced => "displaced",
            Quantity::Captured => "captured",
            Quantity::Deployed => "deployed",
            Quantity::Recalled => "recalled",
            Quantity::Percent => "percent",
            Quantity::PercentChange => "percent_change",
            Quantity::Millimetres => "mm",
            Quantity::Centimetres => "cm",
            Quantity::Metres => "m",
            Quantity::Kilometres => "km",
            Quantity::KilometresPerHour => "km/h",
            Quantity::Miles => "miles",
            Quantity::MilesPerHour => "mph",
            Quantity::Hectares => "hectares",
            Quantity::Kilograms => "kg",
            Quantity::Tonnes => "tonnes",
            Quantity::Degrees => "degrees",
        }
    }

    /// Whether the quantity is a percentage (level or change): such figures are about the same
    /// thing only when the words around them meet (see [`Figure::subject`]).
    pub fn is_percent(self) -> bool {
        matches!(self, Quantity::Percent | Quantity::PercentChange)
    }

    /// A figure of this quantity as a label shows it: "300 killed", "58%", "6% change", "180 mm".
    pub fn label(self, amount: Amount) -> String {
        match self {
            Quantity::Percent => format!("{amount}%"),
            Quantity::PercentChange => format!("{amount}% change"),
            _ => format!("{amount} {}", self.name()),
        }
    }

    /// The quantity `word` (lower case) names, if any.
    pub fn of_word(word: &str) -> Option<Quantity> {
        const EXACT: [(&str, Quantity); 8] = [
            ("dead", Quantity::Killed),
            ("died", Quantity::Killed),
            ("lives", Quantity::Killed),
            ("hurt", Quantity::Injured),
            ("missing", Quantity::Missing),
            ("sent", Quantity::Deployed),
            ("pows", Quantity::Captured),
            ("jailed", Quantity::Arrested),
        ];
        const STEMS: [(&str, Quantity); 16] = [
            ("recall", Quantity::Recalled),
            ("kill", Quantity::Killed),
            ("death", Quantity::Killed),
            ("fatalit", Quantity::Killed),
            ("deceased", Quantity::Killed),
            ("injur", Quantity::Injured),
            ("wound", Quantity::Injured),
            ("casualt", Quantity::Casualties),
            ("arrest", Quantity::Arrested),
            ("detain", Quantity::Arrested),
            ("displac", Quantity::Displaced),
            ("evacuat", Quantity::Displaced),
            ("captur", Quantity::Captured),
            ("captive", Quantity::Captured),
            ("deploy", Quantity::Deployed),
            ("dispatch", Quantity::Deployed),
        ];
        EXACT
            .iter()
            .find(|(w, _)| *w == word)
            .or_else(|| STEMS.iter().find(|(stem, _)| word.starts_with(stem)))
            .map(|(_, q)| *q)
            .or_else(|| word.starts_with("send").then_some(Quantity::Deployed))
    }
}

/// One figure in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// Its value; for a vague figure ("several hundred"), the least value it stands for.
    pub amount: Amount,
    /// The greatest value it stands for: `amount` but for a vague figure (999 for "several
    /// hundred").
    pub high: Amount,
    /// For a percentage, the stems of the content words around it (what it is a percentage
    /// of); empty otherwise.
    pub subject: Vec<String>,
    /// The hedge before it.
    pub hedge: Hedge,
    /// What it counts, when the words around it say.
    pub quantity: Option<Quantity>,
    /// The hedge and the number as written (byte range in the text).
    pub range: Range<usize>,
}

/// How many words after a figure are searched for what it counts.
const AFTER: usize = 14;
/// How many words before it.
const BEFORE: usize = 8;
/// A quantity this close before a figure ("killed 300 people and injured 2,700") is the one it
/// counts, unless one stands closer after it ("300 killed and 2,700 injured").
const CLOSE: usize = 2;

/// The figures of `text`, in order.
pub fn figures(text: &str) -> Vec<Figure> {
    let tokens = tokens(text);
    let mut spans: Vec<(Range<usize>, Amount, Amount)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some((next, low, high)) = vague_at(&tokens, i) {
            spans.push((i..next, Amount::whole(low), Amount::whole(high)));
            i = next;
            continue;
        }
        match number_at(&tokens, i) {
            Some((next, amount)) => {
                spans.push((i..next, amount, amount));
                i = next;
            }
            None => i += 1,
        }
    }
    let lower: Vec<&str> = tokens.iter().map(|t| t.lower.as_str()).collect();
    let mut found = Vec::new();
    for (n, (span, amount, high)) in spans.iter().enumerate() {
        let from = if n == 0 { 0 } else { spans[n - 1].0.end };
        let hedge = hedge_before(&lower[from..span.start]);
        let hedge_words = hedge.words.split(' ').filter(|w| !w.is_empty()).count();
        let first = span.start - hedge_words;
        let until = spans.get(n + 1).map_or(tokens.len(), |(s, _, _)| s.start);
        let after = &lower[span.end..until.min(span.end + AFTER)];
        let before = &lower[from.max(first.saturating_sub(BEFORE))..first];
        let at = tokens[span.end - 1].range.end;
        let measure = measure_after(text, &tokens, span.end, at);
        let forward = quantity_after(after);
        let backward = quantity_before(before);
        if measure.is_none()
            && year_like(&tokens, span, hedge)
            && forward.is_none_or(|(_, d)| d > 2)
        {
            continue;
        }
        let quantity = match (measure, forward, backward) {
            (Some((q, _)), _, _) => Some(q),
            (None, f, Some((q, d))) if d <= CLOSE && f.is_none_or(|(_, fd)| d < fd) => Some(q),
            (None, Some((q, _)), _) => Some(q),
            (None, None, b) => b.map(|(q, _)| q),
        };
        let (quantity, subject) = match measure {
            Some((Quantity::Percent, taken)) => {
                let after = &after[taken.min(after.len())..];
                let near = &lower[from..first];
                let q = if is_change(near, after) {
                    Quantity::PercentChange
                } else {
                    Quantity::Percent
                };
                (Some(q), subject(near, after))
            }
            _ => (quantity, Vec::new()),
        };
        found.push(Figure {
            amount: *amount,
            high: *high,
            subject,
            hedge,
            quantity,
            range: tokens[first].range.start..tokens[span.end - 1].range.end,
        });
    }
    found
}

/// The first quantity named after a figure, with its distance in words; one that counts people
/// hurt beats "sent" or "dispatched" ("300 soldiers dispatched to Ukraine have been killed").
fn quantity_after(words: &[&str]) -> Option<(Quantity, usize)> {
    let named: Vec<(Quantity, usize)> = words
        .iter()
        .enumerate()
        .filter_map(|(i, w)| Quantity::of_word(w).map(|q| (q, i + 1)))
        .collect();
    named
        .iter()
        .find(|(q, _)| *q != Quantity::Deployed)
        .or(named.first())
        .copied()
}

/// The nearest quantity named before a figure, with its distance in words ("killed 300",
/// "casualties have surpassed 3,000").
fn quantity_before(words: &[&str]) -> Option<(Quantity, usize)> {
    words
        .iter()
        .rev()
        .enumerate()
        .find_map(|(i, w)| Quantity::of_word(w).map(|q| (q, i + 1)))
}

/// A bare four-digit numeral between 1800 and 2100 with no hedge: a year.
fn year_like(tokens: &[Token<'_>], span: &Range<usize>, hedge: Hedge) -> bool {
    let text = tokens[span.start].text;
    span.len() == 1
        && hedge == Hedge::NONE
        && text.len() == 4
        && text
            .parse::<u32>()
            .is_ok_and(|year| (1800..=2100).contains(&year))
}

/// The number starting at token `i`, with the index just past it.
fn number_at(tokens: &[Token<'_>], i: usize) -> Option<(usize, Amount)> {
    let token = &tokens[i];
    if token.kind == Kind::Numeral {
        let value = numeral(token.text)?;
        let (next, times) = multiplier(tokens, i + 1);
        return Some((next, Amount(value.saturating_mul(times))));
    }
    words_number(tokens, i)
}

/// "2,700" or "2700" → 270000 hundredths; "1.5" → 150.
fn numeral(text: &str) -> Option<u64> {
    let plain: String = text.chars().filter(|c| *c != ',').collect();
    let (whole, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
    let whole: u64 = whole.parse().ok()?;
    let mut cents: u64 = 0;
    for (k, c) in fraction.chars().take(2).enumerate() {
        let digit = u64::from(c.to_digit(10)?);
        cents += digit * if k == 0 { 10 } else { 1 };
    }
    whole.checked_mul(100)?.checked_add(cents)
}

/// A scale word after a numeral ("1.5 million"), with the index past it.
fn multiplier(tokens: &[Token<'_>], i: usize) -> (usize, u64) {
    match tokens.get(i).map(|t| t.lower.as_str()).and_then(scale) {
        Some(times) => (i + 1, times),
        None => (i, 1),
    }
}

fn scale(word: &str) -> Option<u64> {
    match word {
        "hundred" => Some(100),
        "thousand" => Some(1_000),
        "million" => Some(1_000_000),
        "billion" => Some(1_000_000_000),
        _ => None,
    }
}

fn small(word: &str) -> Option<u64> {
    const WORDS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(n) = WORDS.iter().position(|w| *w == word) {
        return u64::try_from(n).ok();
    }
    if let Some(n) = TENS.iter().position(|w| *w == word) {
        return u64::try_from(n + 2).ok().map(|n| n * 10);
    }
    // "twenty-five"
    let (tens, unit) = word.split_once('-')?;
    let tens = TENS.iter().position(|w| *w == tens)?;
    let unit = WORDS[1..10].iter().position(|w| *w == unit)?;
    u64::try_from((tens + 2) * 10 + unit + 1).ok()
}

/// Number words from token `i` ("three hundred", "two thousand seven hundred and fifty").
fn words_number(tokens: &[Token<'_>], i: usize) -> Option<(usize, Amount)> {
    let (mut total, mut current, mut j, mut words) = (0u64, 0u64, i, 0usize);
    let mut end = i;
    while let Some(token) = tokens.get(j) {
        let word = token.lower.as_str();
        if token.kind != Kind::Word {
            break;
        }
        if let Some(n) = small(word) {
            current = current.saturating_add(n);
        } else if word == "hundred" && words > 0 {
            current = current.max(1).saturating_mul(100);
        } else if let Some(times) = scale(word).filter(|_| words > 0) {
            total = total.saturating_add(current.max(1).saturating_mul(times));
            current = 0;
        } else if word == "and"
            && words > 0
            && tokens.get(j + 1).is_some_and(|t| small(&t.lower).is_some())
        {
            j += 1;
            continue;
        } else {
            break;
        }
        words += 1;
        j += 1;
        end = j;
    }
    let value = total.saturating_add(current);
    let lone_one = words == 1 && tokens[i].lower == "one";
    (words > 0 && !lone_one && value > 0).then(|| (end, Amount::whole(value)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::hedges::Bound;
    use rstest::rstest;

    fn one(text: &str) -> (String, &'static str, Option<Quantity>) {
        let found = figures(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let f = &found[0];
        (f.amount.to_string(), f.hedge.words, f.quantity)
    }

    #[rstest]
    #[case("2,700 injured", "2,700", "", Some(Quantity::Injured))]
    #[case("2700 wounded", "2,700", "", Some(Quantity::Injured))]
    #[case(
        "with some 2,700 others injured",
        "2,700",
        "some",
        Some(Quantity::Injured)
    )]
    #[case("three hundred soldiers died", "300", "", Some(Quantity::Killed))]
    #[case(
        "1.5 million people were displaced",
        "1,500,000",
        "",
        Some(Quantity::Displaced)
    )]
    #[case(
        "as many as 300 soldiers are said to have been killed",
        "300",
        "as many as",
        Some(Quantity::Killed)
    )]
    #[case(
        "At least 300 soldiers dispatched to support Moscow's war have been killed",
        "300",
        "at least",
        Some(Quantity::Killed)
    )]
    #[case(
        "total casualties could be over 3,000",
        "3,000",
        "over",
        Some(Quantity::Casualties)
    )]
    #[case(
        "Kim Jong Un has sent more than 10,000 troops to help Moscow",
        "10,000",
        "more than",
        Some(Quantity::Deployed)
    )]
    #[case("police arrested 45 protesters", "45", "", Some(Quantity::Arrested))]
    #[case(
        "two thousand seven hundred and fifty hurt",
        "2,750",
        "",
        Some(Quantity::Injured)
    )]
    #[case("twenty-five were detained", "25", "", Some(Quantity::Arrested))]
    #[case("it cost 1.5 dollars", "1.5", "", None)]
    #[case(
        "the attack killed 300 people and injured many",
        "300",
        "",
        Some(Quantity::Killed)
    )]
    #[case(
        "the fatalities, he noted that around 1,000 other troops have sustained injuries",
        "1,000",
        "around",
        Some(Quantity::Injured)
    )]
    #[case("the deaths of 40 miners", "40", "", Some(Quantity::Killed))]
    #[case("2000 killed", "2,000", "", Some(Quantity::Killed))]
    #[case(
        "at least 100 North Korean soldiers have reportedly lost their lives",
        "100",
        "at least",
        Some(Quantity::Killed)
    )]
    fn a_figure_is_normalised_with_its_hedge_and_quantity(
        #[case] text: &str,
        #[case] amount: &str,
        #[case] hedge: &str,
        #[case] quantity: Option<Quantity>,
    ) {
        assert_eq!(one(text), (amount.to_owned(), hedge, quantity));
    }

    #[test]
    fn two_figures_in_one_sentence_count_different_things() {
        let found = figures("Around 300 soldiers have been killed and 2,700 wounded in 2024.");
        let got: Vec<(String, Bound, Option<Quantity>)> = found
            .iter()
            .map(|f| (f.amount.to_string(), f.hedge.bound, f.quantity))
            .collect();
        assert_eq!(
            got,
            [
                ("300".to_owned(), Bound::About, Some(Quantity::Killed)),
                ("2,700".to_owned(), Bound::Exact, Some(Quantity::Injured)),
            ]
        );
    }

    #[rstest]
    #[case("One North Korean soldier shouted")]
    #[case("Russia invaded Ukraine in 2022.")]
    #[case("a nearly three-minute video")]
    #[case("No figures here.")]
    fn some_numbers_are_not_figures(#[case] text: &str) {
        assert_eq!(figures(text), []);
    }

    #[test]
    fn the_range_covers_the_hedge_and_the_number() {
        let text = "with some 2,700 others injured";
        let f = &figures(text)[0];
        assert_eq!(&text[f.range.clone()], "some 2,700");
    }
}
