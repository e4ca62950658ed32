#![allow(clippy::unwrap_used)]
//! The line rules on short and scraped articles: headings, bylines and datelines on lines of their
//! own with no blank line after them, sentences hard-wrapped at a line break, and list items.
//! Every case is a whole file; each unit is written "kind paragraph text", the kind as T(itle),
//! H(eading) or S(entence).

use pretty_assertions::assert_eq;
use rstest::rstest;
use sidenote::article::{Article, UnitKind};

/// Every unit of `text` read as a plain-text file, one "K<paragraph> <display text>" each.
fn units(text: &str) -> Vec<String> {
    let article = Article::parse("news.txt", text.as_bytes()).unwrap();
    (0..article.units().len())
        .map(|i| {
            let unit = article.units()[i];
            let kind = match unit.kind {
                UnitKind::Title => 'T',
                UnitKind::Heading => 'H',
                UnitKind::Sentence => 'S',
            };
            format!("{kind}{} {}", unit.paragraph, article.unit_text(i).unwrap())
        })
        .collect()
}

#[rstest]
// A short line without final punctuation, then a capitalised line: a unit of its own.
#[case::heading_then_sentence(
    "Casualty figures\nThe ministry said 40 people died.\n",
    &["T0 Casualty figures", "S1 The ministry said 40 people died."]
)]
#[case::heading_byline_dateline(
    "Analysis\nWhy the talks failed\nBy Ana Ruiz\nGENEVA — Negotiators left on Friday.\n",
    &["T0 Analysis", "H1 Why the talks failed", "H2 By Ana Ruiz", "S3 GENEVA — Negotiators left on Friday."]
)]
#[case::heading_between_sentences(
    "The ministry said 40 people died.\nCasualty figures\nThe toll is expected to rise.\n",
    &["S0 The ministry said 40 people died.", "H1 Casualty figures", "S2 The toll is expected to rise."]
)]
#[case::long_heading_in_a_two_line_file(
    "Casualty figures in the southern provinces of the country\nThe ministry said 40 people died.\n",
    &["T0 Casualty figures in the southern provinces of the country", "S1 The ministry said 40 people died."]
)]
#[case::byline_under_a_title_line(
    "Storm Corps ordered to fight to the death\nBy Kim Eun-jung\nSEOUL, Jan. 13 (Yonhap) -- At least 300 soldiers have been killed, the spy agency said.\nThe agency briefed lawmakers on Monday.\n",
    &[
        "T0 Storm Corps ordered to fight to the death",
        "H1 By Kim Eun-jung",
        "S2 SEOUL, Jan. 13 (Yonhap) -- At least 300 soldiers have been killed, the spy agency said.",
        "S3 The agency briefed lawmakers on Monday.",
    ]
)]
#[case::heading_above_a_wrapped_paragraph(
    "Deployment details\nNorth Korean forces reached the Kursk region early in the winter, and\ncasualties rose quickly.\n",
    &["T0 Deployment details", "S1 North Korean forces reached the Kursk region early in the winter, and casualties rose quickly."]
)]
// A sentence hard-wrapped at a line break goes on.
#[case::lower_case_after_an_abbreviation(
    "Diplomats met in Geneva, and the talks were hosted by the U.N.\nlast week, diplomats said.\n",
    &["S0 Diplomats met in Geneva, and the talks were hosted by the U.N. last week, diplomats said."]
)]
#[case::lower_case_after_a_short_line(
    "The crews were told to\nstay in port until Monday.\n",
    &["S0 The crews were told to stay in port until Monday."]
)]
#[case::lower_case_among_finished_lines(
    "Officials confirmed the figures on Monday.\nThe crews were told to\nstay in port until Monday.\nThe storm passed.\n",
    &[
        "S0 Officials confirmed the figures on Monday.",
        "S1 The crews were told to stay in port until Monday.",
        "S2 The storm passed.",
    ]
)]
#[case::title_abbreviation_then_a_name(
    "The talks began on Monday.\nThe envoy met Sen.\nWarren on Friday.\n",
    &["S0 The talks began on Monday.", "S1 The envoy met Sen. Warren on Friday."]
)]
#[case::acronym_then_a_name(
    "The talks began on Monday.\nThey were hosted by the U.N.\nSecurity Council in New York.\n",
    &["S0 The talks began on Monday.", "S1 They were hosted by the U.N. Security Council in New York."]
)]
#[case::acronym_then_a_new_sentence(
    "They were hosted by the U.N.\nThe talks ended on Friday.\n",
    &["S0 They were hosted by the U.N.", "S1 The talks ended on Friday."]
)]
#[case::unfinished_line_before_a_capital(
    "The two countries have boosted their military cooperation since the\n2022 invasion, officials said.\n",
    &["S0 The two countries have boosted their military cooperation since the 2022 invasion, officials said."]
)]
#[case::comma_at_the_line_end(
    "Officials confirmed the figures on Monday,\nSeoul's spy agency said.\n",
    &["S0 Officials confirmed the figures on Monday, Seoul's spy agency said."]
)]
#[case::finished_lines_stay_apart(
    "The ministry said 40 people died.\nRescue teams are still searching.\n",
    &["S0 The ministry said 40 people died.", "S1 Rescue teams are still searching."]
)]
// Lists.
#[case::bullets(
    "• 12 arrested\n• 3 injured\n",
    &["S0 12 arrested", "S1 3 injured"]
)]
#[case::bullets_under_a_heading(
    "Counts so far\n• 12 arrested\n• 3 injured\n",
    &["T0 Counts so far", "S1 12 arrested", "S2 3 injured"]
)]
#[case::bullets_after_an_unfinished_line(
    "Officials listed the toll across the region on Monday,\n• 12 arrested\n• 3 injured\n",
    &["S0 Officials listed the toll across the region on Monday,", "S1 12 arrested", "S2 3 injured"]
)]
#[case::letter_items(
    "a) schools closed\nb) roads blocked\n",
    &["S0 schools closed", "S1 roads blocked"]
)]
#[case::letter_items_after_a_colon(
    "The order had two parts:\na) schools closed\nb) roads blocked\n",
    &["S0 The order had two parts:", "S1 schools closed", "S2 roads blocked"]
)]
#[case::dashes_under_a_heading(
    "Key facts\n- 12 arrested\n- 3 injured\n",
    &["T0 Key facts", "S1 12 arrested", "S2 3 injured"]
)]
#[case::numbers_under_a_heading(
    "What happened\n1. Schools closed.\n2. Roads were blocked.\n",
    &["T0 What happened", "S1 Schools closed.", "S2 Roads were blocked."]
)]
#[case::a_wrapped_item_goes_on(
    "• 12 arrested after the protest\nin the capital\n• 3 injured\n",
    &["S0 12 arrested after the protest in the capital", "S1 3 injured"]
)]
#[case::an_initial_is_not_an_item(
    "The report was written by\nA. Smith and B. Jones on Friday.\n",
    &["S0 The report was written by A. Smith and B. Jones on Friday."]
)]
// A month abbreviation at a sentence's end.
#[case::month_at_the_end(
    "Aid arrived in Feb. Supplies ran out in March.\n",
    &["S0 Aid arrived in Feb.", "S0 Supplies ran out in March."]
)]
#[case::month_at_a_line_end(
    "Aid arrived in Feb.\nSupplies ran out in March.\n",
    &["S0 Aid arrived in Feb.", "S1 Supplies ran out in March."]
)]
#[case::month_before_a_date_at_a_line_end(
    "The vote is set for Feb.\n20 in the capital.\n",
    &["S0 The vote is set for Feb. 20 in the capital."]
)]
fn short_files_read_line_by_line(#[case] text: &str, #[case] expected: &[&str]) {
    assert_eq!(units(text), expected, "file: {text:?}");
}

/// The same rules inside a long hard-wrapped file, whose wrap width is known.
#[rstest]
#[case::lower_case_after_a_finished_line(
    "hosted by the U.N.\nlast week, diplomats said.",
    &["S3 They said the talks, which ran for three days in Geneva, were hosted by the U.N. last week, diplomats said."]
)]
#[case::title_abbreviation_then_a_name(
    "hosted by Sen.\nWarren on Friday.",
    &["S3 They said the talks, which ran for three days in Geneva, were hosted by Sen. Warren on Friday."]
)]
#[case::heading_and_byline(
    "hosted in Geneva.\n\nWhy the talks failed\nBy Ana Ruiz\nGENEVA — Negotiators left on Friday.",
    &[
        "S3 They said the talks, which ran for three days in Geneva, were hosted in Geneva.",
        "H4 Why the talks failed",
        "H5 By Ana Ruiz",
        "S6 GENEVA — Negotiators left on Friday.",
    ]
)]
#[case::bullets(
    "hosted in Geneva.\n• 12 arrested\n• 3 injured",
    &[
        "S3 They said the talks, which ran for three days in Geneva, were hosted in Geneva.",
        "S4 12 arrested",
        "S5 3 injured",
    ]
)]
fn wrapped_files_read_line_by_line_too(#[case] tail: &str, #[case] expected: &[&str]) {
    let wrapped = "Seoul has previously claimed North Korean leader Kim Jong Un sent more than\n\
10,000 soldiers to help Moscow fight Kyiv in return for Russian technical\n\
assistance for Pyongyang's heavily sanctioned weapons and satellite programs.\n\
\n\
Over the weekend, Ukrainian President Volodymyr Zelensky said Kyiv captured\n\
two North Korean soldiers, releasing a video of the injured combatants being\n\
interrogated and raising the possibility of a prisoner swap for captured troops.\n\
\n\
Officials in Seoul declined to comment on the video on Monday afternoon.\n\
\n\
They said the talks, which ran for three days in Geneva, were ";
    let text = format!("{wrapped}{tail}\n");
    let got = units(&text);
    assert_eq!(got.len(), 3 + expected.len(), "{got:#?}");
    assert_eq!(&got[3..], expected, "file: {text:?}");
}
