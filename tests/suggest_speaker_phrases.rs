//! How a speaker's phrase is read and carried, past what `suggest_speakers` covers: initials and
//! departments inside names, shares of a group, relative words and "you", participles and
//! "told" after a comma, a quotation attributed where it ends, and pronouns in a row. One table
//! row per rule, on sentences written for these tests.
#![allow(clippy::unwrap_used)]

use rstest::rstest;

#[path = "support/suggest.rs"]
mod support;

use support::check;

#[rstest]
// An initial is part of the name, before the verb and after it.
#[case(
    "Paul H. Smith, a lawyer, said the ferry was late.",
    0,
    "claim",
    Some("Paul H. Smith")
)]
#[case(
    "The ferry is late, said Ines K. Dahl, the harbour master.",
    0,
    "claim",
    Some("Ines K. Dahl")
)]
// A minister or secretary "of" a department is the person, not the department.
#[case(
    "Former Secretary of State Mara Lind urged voters to turn out.",
    0,
    "claim",
    Some("Mara Lind")
)]
#[case(
    "Minister of Finance Tor Haug said the budget would balance.",
    0,
    "claim",
    Some("Tor Haug")
)]
// ... and with no name after it, the title speaks, not the department.
#[case(
    "The Secretary of State said the talks would go on.",
    0,
    "claim",
    Some("Secretary of State")
)]
// ... while a body "of" something keeps its whole name.
#[case(
    "The Ministry of Health said the clinics would open.",
    0,
    "claim",
    Some("Ministry of Health")
)]
// A share of a group speaks as that share, counted or not, with or without "the".
#[case(
    "Just 28 percent of voters said the plan was fair.",
    0,
    "claim",
    Some("28 percent of voters")
)]
#[case(
    "Half of Vermont farmers say the subsidy came too late.",
    0,
    "claim",
    Some("Half of Vermont farmers")
)]
#[case(
    "Most of the dockers said the strike would go on.",
    0,
    "claim",
    Some("Most of the dockers")
)]
// A place set off after a place that a preposition governs is part of that phrase: what the
// phrase hangs on speaks, never the place.
#[case(
    "A woman in Dover, Delaware, told reporters she was worried.",
    0,
    "claim",
    Some("woman")
)]
#[case(
    "Ana Gil in Oslo, Norway, said the port was closed.",
    0,
    "claim",
    Some("Ana Gil")
)]
#[case(
    "\"We lost the harvest,\" a farmer in Salem, Oregon, said.",
    0,
    "quote,claim",
    Some("farmer")
)]
// A relative word or "you" is nobody: "which critics said" is the critics'.
#[case(
    "The toll, which critics said was unfair, was cut.",
    0,
    "claim",
    Some("critics")
)]
#[case(
    "The toll, which you said was unfair, was cut.",
    0,
    "claim",
    Some("outlet")
)]
// Sentence openers that are no names: a gerund, an adverb.
#[case(
    "Having lost the vote, Dana Ruiz said she would resign.",
    0,
    "claim",
    Some("Dana Ruiz")
)]
// A participle or "told" after a comma goes on with the sentence's subject: whom something was
// told to, or what was said, is not the speaker.
#[case(
    "Ana Gil attacked the plan on Tuesday, telling Radio Nord that it was a disgrace.",
    0,
    "claim",
    Some("Ana Gil")
)]
#[case(
    "Rui Costa refused to concede, saying the count was flawed.",
    0,
    "claim",
    Some("Rui Costa")
)]
#[case(
    "The mayor spoke for an hour, claiming Eva Berg had misled the council.",
    0,
    "claim",
    Some("mayor")
)]
// A time that opens the sentence is read past: "Hours later" is nobody.
#[case(
    "Hours later, Ana Gil returned the favour, telling reporters the deal was done.",
    0,
    "claim",
    Some("Ana Gil")
)]
// ... while an inverted "said" keeps the name after it.
#[case("The toll is unfair, said Eva Berg.", 0, "claim", Some("Eva Berg"))]
// A body whose statement speaks is the body, named by a noun as well as by a name.
#[case(
    "The town released a statement saying the remarks were false.",
    0,
    "claim",
    Some("town")
)]
#[case(
    "Later, the town released a statement saying the remarks were false.",
    0,
    "claim",
    Some("town")
)]
// A quotation of several sentences is the words of whom it is attributed to where it ends,
// from its first sentence on.
#[case(
    "The council met on Monday. \"We will rebuild the pier. It will take years,\" said Ana Gil.",
    1,
    "quote,claim",
    Some("Ana Gil")
)]
#[case(
    "The council met on Monday. \"We will rebuild the pier. It will take years,\" said Ana Gil.",
    2,
    "quote,claim",
    Some("Ana Gil")
)]
// A "he" means the person named in the two sentences before it, or whom a "he" among them
// meant.
#[case(
    "Ana Roe said the port had closed. Rain fell. She said the docks flooded.",
    2,
    "claim",
    Some("Ana Roe")
)]
#[case(
    "Ana Roe said the port had closed. Rain fell. She said the docks flooded. Wind rose. She added that it would open in May.",
    4,
    "claim",
    Some("Ana Roe")
)]
#[case(
    "Ana Roe said the port had closed. Rain fell. Snow fell. She said the docks flooded.",
    3,
    "claim",
    None
)]
// The sentences of a quotation that goes on are its speaker's words, not counted between a
// "she" and the name.
#[case(
    "\"We need time,\" said Mira Holt. \"The costs rose. The ferry is old. Nobody saw the report.\" She added that a vote would come in June.",
    4,
    "claim",
    Some("Mira Holt")
)]
fn speakers_of_phrases_participles_quotations_and_pronouns(
    #[case] text: &str,
    #[case] index: usize,
    #[case] tags: &str,
    #[case] speaker: Option<&str>,
) {
    check(text, index, tags, speaker);
}

/// A sentence of places set off by commas, each after a preposition, as long as a file may make
/// it: the places are read in a bounded number of steps, on a test thread's small stack.
#[test]
fn a_long_chain_of_places_is_read_in_bounded_depth() {
    let mut text = String::from("A woman");
    for _ in 0..60_000 {
        text.push_str(" in Dover, Delaware,");
    }
    text.push_str(" said the port was closed.");
    let (tags, speaker) = support::proposal(&text, 0);
    assert_eq!(tags, "claim");
    assert_ne!(speaker.as_deref(), Some("Delaware"));
}
