//! Speakers found from the sentence around the attribution: whom a "he" or "she" can mean (the
//! pronoun's gender against a given name, the subject that opens a unit attributing nothing),
//! the subject read past an opening phrase, a bracket or an aside, and the speaker a quotation
//! names right after its closing mark. One table row per rule and per trap, on sentences written
//! for these tests.
#![allow(clippy::unwrap_used)]

use rstest::rstest;

#[path = "support/suggest.rs"]
mod support;

use support::check;

#[rstest]
// A "she" is not a man named last: the woman named before him.
#[case(
    "Ana Gil said the port had closed. Tom Reyes said it would open soon. She added that ships waited.",
    2,
    "claim",
    Some("Ana Gil")
)]
// ... and a "he" is not a woman named last.
#[case(
    "Tom Reyes said the port had closed. Ana Gil said it would open soon. He added that ships waited.",
    2,
    "claim",
    Some("Tom Reyes")
)]
// With only a man named, a "she" means nobody rather than him.
#[case(
    "Tom Reyes said the port had closed. She added that ships waited.",
    1,
    "claim",
    None
)]
// A surname alone, or a given name borne by both, agrees with either pronoun.
#[case(
    "Reyes said the port had closed. She added that ships waited.",
    1,
    "claim",
    Some("Reyes")
)]
#[case(
    "Chris Lane said the port had closed. She added that ships waited.",
    1,
    "claim",
    Some("Chris Lane")
)]
// ... as the full name a surname stands for decides: "Reyes" is Tom Reyes, so no "she".
#[case(
    "Tom Reyes runs the port. Reyes said it had closed. She added that ships waited.",
    2,
    "claim",
    None
)]
// A "he" in a chain that means a man does not pass him on to a "she".
#[case(
    "Tom Reyes said the port had closed. He said ships waited. She added that the docks flooded.",
    2,
    "claim",
    None
)]
// The writer ("I") is never a "he" or a "she".
#[case(
    "Ana Gil said the port had closed. I said it would open soon. She added that ships waited.",
    2,
    "claim",
    Some("Ana Gil")
)]
// A pronoun in a reporting clause set off by commas speaks what comes before it, so it is not
// the name that opens the sentence, as it is in "Tomas Lind won, and he said".
#[case(
    "Ana Gil said the port had closed. Norway would not pay for the repairs, she said.",
    1,
    "claim",
    Some("Ana Gil")
)]
#[case(
    "Ana Gil said the port had closed. Low rates, she says, would help the port.",
    1,
    "claim",
    Some("Ana Gil")
)]
fn a_pronoun_means_a_name_of_its_gender(
    #[case] text: &str,
    #[case] index: usize,
    #[case] tags: &str,
    #[case] speaker: Option<&str>,
) {
    check(text, index, tags, speaker);
}

#[rstest]
// The person who opens a unit attributing nothing is whom the next "he" means.
#[case(
    "Mayor Lena Ortiz spoke first. Tom Reyes toured the docks at dawn. He said the plan would cut costs by half.",
    2,
    "claim",
    Some("Tom Reyes")
)]
// ... before a person the unit mentions by title further on.
#[case(
    "Tom Reyes drove past the home of President Leo Ruiz. He said the plan would cut costs by half.",
    1,
    "claim",
    Some("Tom Reyes")
)]
// A subject that is no person's name (no given name, in full or shortened) is not a "he".
#[case(
    "Tom Reyes spoke first. The Senate passed the bill. Washington welcomed the vote. He said costs would fall.",
    3,
    "claim",
    None
)]
// A surname opening a unit is a person when it shortens a full name given before.
#[case(
    "Tom Reyes arrived late. Reyes praised the plan. He said it would cut costs by half.",
    2,
    "claim",
    Some("Tom Reyes")
)]
fn a_pronoun_means_the_subject_of_the_unit_before(
    #[case] text: &str,
    #[case] index: usize,
    #[case] tags: &str,
    #[case] speaker: Option<&str>,
) {
    check(text, index, tags, speaker);
}

#[rstest]
// The subject is read past an opening phrase up to its comma, and a quotation no verb gives to
// anyone is that subject's.
#[case(
    "On Friday, Tom Reyes endorsed the plan, calling it “a triumph of common sense.”",
    0,
    "quote,claim",
    Some("Tom Reyes")
)]
#[case(
    "Speaking in Salem, New Hampshire, Tom Reyes went after the mayor, calling him “a disgrace to the city.”",
    0,
    "quote,claim",
    Some("Tom Reyes")
)]
// ... past a bracket and an aside that opens with a small word, or a day after the name.
#[case(
    "Tom Reyes (D-Ohio), also a candidate, called the plan “a waste of good money.”",
    0,
    "quote,claim",
    Some("Tom Reyes")
)]
#[case(
    "Ana Gil, who chairs the board, called the plan “a waste of good money.”",
    0,
    "quote,claim",
    Some("Ana Gil")
)]
#[case(
    "Tom Reyes on Thursday stepped up his attacks, saying the plan was “a waste of money.”",
    0,
    "quote,claim",
    Some("Tom Reyes")
)]
// Traps: a place the opening phrase names is no subject; nor is a name in an aside that
// opens with a capital, which is a clause of its own.
#[case(
    "In Salem, New Hampshire, voters lined up early for the vote, “the most important in years.”",
    0,
    "quote,claim",
    None
)]
#[case(
    "Tom Reyes, Ana Gil said, called the plan “a waste of good money.”",
    0,
    "quote,claim",
    Some("Ana Gil")
)]
// A clause that "as" or "when" opens has a subject of its own; what a preposition opens has
// none ("In December" is a date).
#[case(
    "As Ana Gil put it, “the port will not reopen this year.”",
    0,
    "quote,claim",
    Some("Ana Gil")
)]
#[case(
    "In December, the mayor called for a new vote, calling the plan “a disgrace to the city.”",
    0,
    "quote,claim",
    Some("mayor")
)]
// Traps: a month, a sentence adverb and a participle that opens a sentence are no names, and
// "his" after a word is no verb ("Turning his attention").
#[case(
    "Many voters, according to a February survey, want the port reopened.",
    0,
    "claim",
    Some("outlet")
)]
#[case(
    "Similarly, Tom Reyes, a former port director, said he could not support the plan.",
    0,
    "claim",
    Some("Tom Reyes")
)]
#[case(
    "Turning his attention to the port, he said the docks would be rebuilt within a year.",
    0,
    "claim",
    None
)]
// A share with no "of" speaks with its count, not as "percent"; a plural noun before "of"
// heads a noun phrase and is no verb ("Small groups of protesters", not "Small").
#[case(
    "However, 63 percent said the plan was unfair.",
    0,
    "claim",
    Some("63 percent")
)]
#[case(
    "Small groups of protesters marched on, chanting “Hands up, do not shoot.”",
    0,
    "quote,claim",
    None
)]
fn the_subject_is_read_past_what_opens_or_follows_it(
    #[case] text: &str,
    #[case] index: usize,
    #[case] tags: &str,
    #[case] speaker: Option<&str>,
) {
    check(text, index, tags, speaker);
}

#[rstest]
// A subject and any verb right after a closing mark name the quotation's speaker.
#[case(
    "“They are all here for the free stuff,” Tom Reyes shot back with a laugh.",
    0,
    "quote,claim",
    Some("Tom Reyes")
)]
#[case("“Out, out, out!” the crowd yelled.", 0, "quote,claim", Some("crowd"))]
#[case(
    "Ana Gil said the port had closed. “To date,” she continued, “no ship has left.”",
    1,
    "quote",
    Some("Ana Gil")
)]
// Traps: a quotation that ends with no comma, "!" or "?" before its mark names nobody after
// it, and a name after the mark with no verb after it is not the speaker; with words of its
// own around it, such a quotation does not go on with the speaker before it either.
#[case(
    "Tom Reyes said the port had closed. “Make the Port Great” banners hung on every shop.",
    1,
    "quote",
    None
)]
#[case(
    "Tom Reyes said the port had closed. “We will reopen,” Ana Gil's sign read.",
    1,
    "quote,claim",
    None
)]
// A quotation with no more than a word or two outside its marks goes on with the speaker
// just before it.
#[case(
    "Tom Reyes said the port had closed. “We will reopen in May, whatever it costs.”",
    1,
    "quote,claim",
    Some("Tom Reyes")
)]
#[case(
    "Tom Reyes said the port had closed. “We will reopen in May,” he added.",
    1,
    "quote,claim",
    Some("Tom Reyes")
)]
fn a_quotation_names_its_speaker_after_its_closing_mark(
    #[case] text: &str,
    #[case] index: usize,
    #[case] tags: &str,
    #[case] speaker: Option<&str>,
) {
    check(text, index, tags, speaker);
}
