//! Figures in a unit's text: numerals and number words normalised to one value ("2,700",
//! "2700", "some 2,700", "three hundred", "1.5 million"), the hedge before each, and the
//! quantity it counts (killed, injured, arrested...) read from the words around it, or the
//! measure written after it (a percentage, a unit: see `measures`). Vague figures ("several
//! hundred", "dozens") are ranges. Years and a lone "one" are not figures.

use std::ops::Range;

use super::hedges::{Hedge, hedge_before};
use super::measures::{is_change, measure_after, subject, vague_at};
pub use super::quantity::Quantity;
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
    let named: Vec<(Quantity, usize)> = (0..words.len())
        .filter_map(|i| named_at(words, i).map(|q| (q, i + 1)))
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
    (0..words.len())
        .rev()
        .find_map(|i| named_at(words, i).map(|q| (q, words.len() - i)))
}

/// The quantity word `i` of `words` names: a quantity's word ("killed", "evacuated"), or "homes"
/// after "their" and a word of leaving ("forced 600 people from their homes", "5,000 have left
/// their homes"), which counts people displaced, where "300 homes" alone counts houses and
/// "kept their homes" nobody displaced.
fn named_at(words: &[&str], i: usize) -> Option<Quantity> {
    const LEAVING: [&str; 8] = [
        "from", "left", "leave", "leaving", "fled", "flee", "fleeing", "of",
    ];
    let their_homes = matches!(words[i], "home" | "homes")
        && i > 1
        && words[i - 1] == "their"
        && LEAVING.contains(&words[i - 2]);
    Quantity::of_word(words[i]).or(their_homes.then_some(Quantity::Displaced))
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

pub(super) fn scale(word: &str) -> Option<u64> {
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

    /// The value (or range), the hedge and the quantity of the only figure of `text`.
    fn measured(text: &str) -> (String, String, Option<Quantity>) {
        let found = figures(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let f = &found[0];
        (f.amount.to_string(), f.high.to_string(), f.quantity)
    }

    #[rstest]
    // Percentages: a level or a change.
    #[case(
        "Support for the plan was 44% in May",
        "44",
        "44",
        Some(Quantity::Percent)
    )]
    #[case(
        "44 percent of members backed the plan",
        "44",
        "44",
        Some(Quantity::Percent)
    )]
    #[case(
        "44 per cent of members backed it",
        "44",
        "44",
        Some(Quantity::Percent)
    )]
    #[case(
        "Membership fell 6% last year",
        "6",
        "6",
        Some(Quantity::PercentChange)
    )]
    #[case("6% of members left last year", "6", "6", Some(Quantity::Percent))]
    #[case("Support rose to 61% in June", "61", "61", Some(Quantity::Percent))]
    #[case(
        "Support rose 6.5% in June",
        "6.5",
        "6.5",
        Some(Quantity::PercentChange)
    )]
    #[case("The index closed 2% higher", "2", "2", Some(Quantity::PercentChange))]
    #[case(
        "25% of the injured were children",
        "25",
        "25",
        Some(Quantity::Percent)
    )]
    // Units.
    #[case(
        "Snow lay 40 cm deep in the pass",
        "40",
        "40",
        Some(Quantity::Centimetres)
    )]
    #[case(
        "the pass lies 40 km north of the city",
        "40",
        "40",
        Some(Quantity::Kilometres)
    )]
    #[case("the sea rose 2.5 metres", "2.5", "2.5", Some(Quantity::Metres))]
    #[case(
        "gusts reached 110 km/h",
        "110",
        "110",
        Some(Quantity::KilometresPerHour)
    )]
    #[case(
        "the ship spilled 2,000 tonnes of oil",
        "2,000",
        "2,000",
        Some(Quantity::Tonnes)
    )]
    #[case(
        "it hit 2000 km of coast",
        "2,000",
        "2,000",
        Some(Quantity::Kilometres)
    )]
    #[case("it was 41 degrees in the shade", "41", "41", Some(Quantity::Degrees))]
    // Vague figures: ranges, with the quantity they count.
    #[case(
        "several hundred miners were evacuated",
        "200",
        "999",
        Some(Quantity::Displaced)
    )]
    #[case("dozens of miners were injured", "24", "99", Some(Quantity::Injured))]
    #[case(
        "thousands of miners were evacuated",
        "2,000",
        "9,999",
        Some(Quantity::Displaced)
    )]
    fn percentages_units_and_vague_figures_are_measured(
        #[case] text: &str,
        #[case] low: &str,
        #[case] high: &str,
        #[case] quantity: Option<Quantity>,
    ) {
        assert_eq!(measured(text), (low.to_owned(), high.to_owned(), quantity));
    }

    #[rstest]
    #[case("The mine opened in 1998.")]
    #[case("Since 2019, the mine has doubled its output.")]
    #[case("Several miners spoke to reporters.")]
    #[case("A few miners stayed.")]
    fn years_and_vague_words_without_a_figure_are_not_figures(#[case] text: &str) {
        assert_eq!(figures(text), []);
    }

    #[rstest]
    #[case(
        "The blaze forced 80 families from their homes",
        Some(Quantity::Displaced)
    )]
    #[case("Some 2,000 villagers fled the lava", Some(Quantity::Displaced))]
    #[case("the quake left 900 people homeless", Some(Quantity::Displaced))]
    #[case("some 900 homes were damaged", None)]
    #[case("900 tenants kept their homes", None)]
    #[case(
        "900 tenants were driven out of their homes",
        Some(Quantity::Displaced)
    )]
    #[case("1,200 residents have left their homes", Some(Quantity::Displaced))]
    fn people_out_of_their_homes_are_displaced(
        #[case] text: &str,
        #[case] quantity: Option<Quantity>,
    ) {
        assert_eq!(figures(text)[0].quantity, quantity);
    }
}
