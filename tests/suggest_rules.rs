//! The suggester's rules, one table row per rule or trap, on sentences written for these tests
//! (none is taken from the sample articles or the hand-tagged data), and the properties every
//! proposal keeps on any text: no panic, cues inside their unit, the same proposals twice and in
//! any window. The conventions of who speaks are in `suggest_speakers.rs`.
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use rstest::rstest;
use sidenote::article::Article;
use sidenote::suggest::{
    CueKind, PRONOUN_BACK, PRONOUN_CHAIN, Suggestion, suggest_all, suggest_units,
};

#[path = "support/suggest.rs"]
mod support;

use support::{article, check, proposal};

#[rstest]
// Straight and curly double quotes, attributed after the quotation.
#[case(
    "\"We will play the final on Sunday,\" said Maria Lopez, the team's coach.",
    0,
    "quote,claim",
    Some("Maria Lopez")
)]
#[case(
    "“The harbour will reopen in spring,” port director Anya Berg told reporters.",
    0,
    "quote,claim",
    Some("Anya Berg")
)]
// Single quotes as headlines use them, around two words or more; one word alone is a label.
// The name that opens the headline is whose words they are.
#[case(
    "Mayor ‘fully confident’ of budget deal\n\nThe council meets on Friday.",
    0,
    "quote",
    Some("Mayor")
)]
#[case(
    "Mayor ‘confident’ of budget deal\n\nThe council meets on Friday.",
    0,
    "",
    None
)]
// A one-word quotation is a scare quote even when the sentence attributes something.
#[case(
    "The minister said the plan was \"flexible\" and would be reviewed.",
    0,
    "claim",
    Some("minister")
)]
// Apostrophes of possession are no quotation marks.
#[case(
    "The farmers' union has opposed the city's plan since 2019.",
    0,
    "",
    None
)]
// A scare quote nobody is said to have said.
#[case(
    "Critics call the new tower a \"vanity project\" for the city.",
    0,
    "",
    None
)]
// A short quotation the sentence attributes.
#[case(
    "The minister said the deal was \"a fair compromise\" for both sides.",
    0,
    "quote,claim",
    Some("minister")
)]
// British single quotes around a whole quotation: a closing mark after its comma, or before one.
#[case(
    "Mayor 'ready to sign budget deal', says aide\n\nThe council meets on Friday.",
    0,
    "quote,claim",
    Some("aide")
)]
#[case(
    "'We have no plans to sell the club,' the chairman told fans.",
    0,
    "quote,claim",
    Some("chairman")
)]
// A quotation over several sentences keeps its speaker.
#[case(
    "Ines Sato said: \"The tunnel is safe. Every bolt was checked twice. We stand by it.\"",
    1,
    "quote",
    Some("Ines Sato")
)]
#[case(
    "Ines Sato said: \"The tunnel is safe. Every bolt was checked twice. We stand by it.\"",
    2,
    "quote",
    Some("Ines Sato")
)]
fn quotes(
    #[case] text: &str,
    #[case] index: usize,
    #[case] tags: &str,
    #[case] speaker: Option<&str>,
) {
    check(text, index, tags, speaker);
}

#[rstest]
// "according to" with a title dropped.
#[case(
    "Farmers will receive 300 euros per hectare, according to Sen. Rosa Vidal of the farm committee.",
    0,
    "claim",
    Some("Rosa Vidal")
)]
// "He added" and "According to him" carry the last name.
#[case(
    "Tomas Ek said the plant will hire 400 workers. He added that building starts in June.",
    1,
    "claim",
    Some("Tomas Ek")
)]
#[case(
    "Mayor Paolo Neri said the dam had cracked. According to him, repairs will cost 12 million.",
    1,
    "claim",
    Some("Paolo Neri")
)]
// A definite role after a name is that person.
#[case(
    "Rep. Ida Moss said the bill failed by 3 votes. The lawmaker added that she would try again.",
    1,
    "claim",
    Some("Ida Moss")
)]
// A sentence the next one points back at gets that one's speaker; the pointer itself states
// nothing to check.
#[case(
    "Around 40 ferries were cancelled on Friday. A port official revealed this information at a briefing.",
    0,
    "claim",
    Some("port official")
)]
#[case(
    "Around 40 ferries were cancelled on Friday. A port official revealed this information at a briefing.",
    1,
    "",
    None
)]
// "said X, a spokeswoman", "X told lawmakers", a role before a name.
#[case(
    "The border stays closed, said Lena Holm, a spokeswoman for the ministry.",
    0,
    "claim",
    Some("Lena Holm")
)]
#[case(
    "Defence Minister Karl Dunn told lawmakers that 12 drones were shot down.",
    0,
    "claim",
    Some("Karl Dunn")
)]
#[case(
    "Spokesman Omar Haddad said the visit was postponed.",
    0,
    "claim",
    Some("Omar Haddad")
)]
// A description when no name is given.
#[case(
    "Fuel prices rose 9 percent in March, a Chilean lawmaker said.",
    0,
    "claim",
    Some("Chilean lawmaker")
)]
#[case(
    "Inflation will ease next year, the statistics agency said.",
    0,
    "claim",
    Some("statistics agency")
)]
// A pronoun with nobody named before it.
#[case("She said the results would come later.", 0, "claim", None)]
// A sentence given to someone states something whatever its verb's tense.
#[case(
    "The mayor leads by 6 points, according to two recent polls.",
    0,
    "claim",
    Some("outlet")
)]
#[case(
    "Water bills double next year, according to the utility board.",
    0,
    "claim",
    Some("utility board")
)]
fn attribution(
    #[case] text: &str,
    #[case] index: usize,
    #[case] tags: &str,
    #[case] speaker: Option<&str>,
) {
    check(text, index, tags, speaker);
}

#[rstest]
// Numbers written as words are figures.
#[case("The club suspended the keeper for four matches.", "claim")]
// Irregular past forms show a clause.
#[case("A painting by Ada Moss sold for 1.2 million at auction.", "claim")]
// A clausal headline asserts something even without a name or a figure.
#[case(
    "Ferry sinks off the coast, dozens missing\n\nRescuers searched all night.",
    "claim"
)]
fn claim_signals(#[case] text: &str, #[case] tags: &str) {
    let (found, _) = proposal(text, 0);
    assert_eq!(found, tags, "{text:?}");
}

#[test]
fn a_speaker_is_carried_to_a_pronoun_a_bounded_number_of_units() {
    let filler = ["Rain fell.", "Wind rose.", "Roads froze.", "Schools shut."];
    let mut text = String::from("Ana Roe said the port closed.");
    for (count, sentence) in filler.iter().enumerate() {
        text.push(' ');
        text.push_str(sentence);
        let near = format!("{text} She added that it would open in May.");
        let expected = (count + 1 < PRONOUN_BACK).then_some("Ana Roe");
        check(&near, count + 2, "claim", expected);
    }
    text.push_str(" Docks flooded. She added that it would open in May.");
    check(&text, filler.len() + 2, "claim", None);
}

/// A "he" passes on the person it means: each "he" in a row reaches back [`PRONOUN_BACK`]
/// units from itself, at most [`PRONOUN_CHAIN`] times, so a speaker goes further than one
/// pronoun's reach, and no further than the chain's.
#[test]
fn a_pronoun_passes_its_person_on_to_the_next_pronoun() {
    let mut text = String::from("Ana Roe said the port closed. Rain fell.");
    let mut units = 2;
    for link in 0..=PRONOUN_CHAIN + 1 {
        text.push_str(" She said the docks flooded. Wind rose.");
        let expected = (link <= PRONOUN_CHAIN).then_some("Ana Roe");
        check(&text, units, "claim", expected);
        units += 2;
    }
    // Without a "he" between them, the same distance carries nobody.
    check(
        "Ana Roe said the port closed. Rain fell. Snow fell. Wind rose. She said the docks flooded.",
        4,
        "claim",
        None,
    );
}

#[rstest]
#[case(
    "The company denied that it had dumped waste in the river.",
    "denial",
    Some("company")
)]
#[case("Lima rejected the claims as baseless.", "denial", Some("Lima"))]
// The party that denies speaks, named by a role or by any noun.
#[case(
    "The union disputes the account given by the owners.",
    "denial",
    Some("union")
)]
#[case(
    "The club declined to comment on the transfer.",
    "denial",
    Some("club")
)]
#[case(
    "Hotel owners flatly rejected the allegations.",
    "denial",
    Some("Hotel owners")
)]
#[case(
    "Police would neither confirm nor deny that a drone was found.",
    "denial",
    Some("Police")
)]
// A denial that opens the sentence names its subject before a later reporting verb.
#[case(
    "Lisbon and Porto deny harbour closure claims\n\nThe ports stay open.",
    "denial",
    Some("Lisbon and Porto")
)]
// What follows a denial is what is denied, not a claim; what comes before it may be one.
#[case(
    "The council has not confirmed that 300 trees were felled.",
    "denial",
    Some("council")
)]
#[case(
    "Despite reports that 300 trees were felled, the council has not confirmed the figure.",
    "denial,claim",
    Some("council")
)]
// A reply awaited from someone: that party is the silent one.
#[case(
    "A reply from the embassy is still awaited.",
    "denial",
    Some("embassy")
)]
#[case(
    "Comment from the city council is still awaited.",
    "denial",
    Some("city council")
)]
#[case(
    "The firm declined to give details of the deal.",
    "denial",
    Some("firm")
)]
#[case(
    "\"We cannot comment on an ongoing inquiry,\" said Chief Inspector Ruth Kane.",
    "quote,denial",
    Some("Ruth Kane")
)]
#[case(
    "The ministry has not confirmed the figure.",
    "denial",
    Some("ministry")
)]
#[case(
    "Neither Oslo nor Bern has acknowledged the agreement.",
    "denial",
    Some("Oslo and Bern")
)]
// "Neither X nor Y": both are silent, the second as the text writes it.
#[case(
    "Neither the union nor the rail operator has confirmed the strike dates.",
    "denial",
    Some("union and the rail operator")
)]
#[case(
    "Confirmation or denial of the merger is still awaited from both firms.",
    "denial",
    Some("outlet")
)]
#[case(
    "Both Quito and Lima have yet to acknowledge the treaty.",
    "denial",
    Some("Quito and Lima")
)]
// Look-alikes: the outlet's own checking, missing details, unwillingness, a denial negated.
#[case("The figures could not be independently verified.", "", None)]
#[case("Exact costs were not provided by the council.", "", None)]
#[case("The sailors have yet to show any sign of illness.", "", None)]
#[case("The mayor did not deny the meeting took place.", "", None)]
#[case(
    "Rescuers could not immediately confirm the number of victims.",
    "",
    None
)]
fn denials(#[case] text: &str, #[case] tags: &str, #[case] speaker: Option<&str>) {
    check(text, 0, tags, speaker);
}

#[rstest]
// Section labels, noun-phrase headings, headings of a few words.
#[case(
    "Harbour news\n\nThe port will close on Monday.\n\nRelated article: Ferry strike ends\n\nIt opens again in June.",
    2,
    ""
)]
#[case(
    "Harbour news\n\nThe port will close on Monday.\n\nBudget details\n\nIt opens again in June.",
    2,
    ""
)]
#[case(
    "Harbour news\n\nThe port will close on Monday.\n\nRising costs for island families\n\nIt opens again in June.",
    2,
    ""
)]
// A clausal headline with a figure.
#[case(
    "Storm cuts power to 20,000 homes\n\nCrews worked through the night.",
    0,
    "claim"
)]
// Figures and named actions.
#[case("Ticket sales fell by 12 percent last year.", 0, "claim")]
#[case("Governor Tim Ruiz ordered the evacuation of the coast.", 0, "claim")]
// Where the information came from, and nothing else.
#[case("These figures were shared with reporters on Monday.", 0, "")]
// Generic background with nothing in it to check.
#[case("Ferries have long been part of life on the island.", 0, "")]
fn claims(#[case] text: &str, #[case] index: usize, #[case] tags: &str) {
    let (found, _) = proposal(text, index);
    assert_eq!(found, tags, "unit {index} of {text:?}");
}

#[test]
fn a_dateline_inside_the_text_is_no_claim() {
    let text = "Harbour news\n\nThe port will close on Monday.\n\nOctober 12, 2025\n\nIt opens again in June.";
    let article = article(text);
    let all = suggest_all(&article);
    let dateline = all
        .iter()
        .find(|s| article.unit_source(s.index) == Some("October 12, 2025"))
        .unwrap();
    assert!(dateline.tags.is_empty());
    assert!(
        dateline
            .cues
            .iter()
            .any(|cue| cue.kind == CueKind::Dateline)
    );
}

#[test]
fn cues_name_the_words_behind_a_proposal() {
    let text = "\"Prices will fall,\" said Lena Holm. The agency has not confirmed it.";
    let article = article(text);
    let all = suggest_all(&article);
    let cues = |unit: &Suggestion| -> Vec<(CueKind, &str)> {
        unit.cues
            .iter()
            .map(|cue| (cue.kind, &text[cue.start..cue.end]))
            .collect()
    };
    let first = cues(&all[0]);
    assert!(first.contains(&(CueKind::Quote, "\"Prices will fall,\"")));
    assert!(first.contains(&(CueKind::Attribution, "said")));
    assert!(first.contains(&(CueKind::Speaker, "Lena Holm")));
    assert!(cues(&all[1]).contains(&(CueKind::Denial, "not confirmed")));
    assert!(all[0].score > 0.9 && all[1].score > 0.5);
}

/// Text made of the pieces the rules look at, in any order.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "said",
        "Lee",
        "Rep.",
        "according to",
        "him",
        "He added",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "denied",
        "not",
        "confirmed",
        "yet to",
        "300",
        "2,700",
        "Related article:",
        "this information",
        "the lawmaker",
        ".",
        ",",
        ":",
        "\n",
        "\n\n",
        " ",
        "é",
        "\u{202E}",
        "spokesman",
        "killed",
        "Neither",
        "nor",
        "January 13, 2025",
        "#",
        "*",
        "\t",
        "\r\n",
    ]);
    prop::collection::vec(piece, 1..80).prop_map(|pieces| pieces.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn proposals_hold_on_any_text(text in newsy()) {
        let Ok(article) = Article::parse("story.txt", text.as_bytes()) else {
            return Ok(());
        };
        let all = suggest_all(&article);
        prop_assert_eq!(all.len(), article.units().len());
        for (index, suggestion) in all.iter().enumerate() {
            prop_assert_eq!(suggestion.index, index);
            let unit = article.units()[index];
            for cue in &suggestion.cues {
                prop_assert!(unit.start <= cue.start && cue.start < cue.end && cue.end <= unit.end);
                prop_assert!(article.text().get(cue.start..cue.end).is_some());
            }
            prop_assert!((0.0..=1.0).contains(&suggestion.score));
            prop_assert_eq!(suggestion.score > 0.0, suggestion.proposes());
            prop_assert!(suggestion.speaker.is_none() || suggestion.proposes());
            let mut sorted = suggestion.tags.clone();
            sorted.sort_by_key(|tag| std::cmp::Reverse(*tag));
            sorted.dedup();
            prop_assert_eq!(&sorted, &suggestion.tags);
        }
        prop_assert_eq!(&suggest_all(&article), &all);
        // Any window gives the same proposals as the whole article.
        let count = all.len();
        for start in [0, count / 3, count / 2] {
            for len in [1, 2, 7] {
                let end = (start + len).min(count);
                prop_assert_eq!(&suggest_units(&article, start..end)[..], &all[start..end]);
            }
        }
        prop_assert!(suggest_units(&article, count..count + 5).is_empty());
    }
}
