//! Who speaks: the conventions of the suggester's speakers, one table row per rule, on sentences
//! written for these tests (none is taken from the sample articles or the hand-tagged data).
#![allow(clippy::unwrap_used)]

use rstest::rstest;

#[path = "support/suggest.rs"]
mod support;

use support::check;

#[rstest]
// The outlet speaks where nobody is named, and for hearsay that names nobody.
#[case(
    "The bridge reopened to traffic on 12 May.",
    0,
    "claim",
    Some("outlet")
)]
#[case(
    "Dozens of boats are said to have sunk in the storm.",
    0,
    "claim",
    Some("outlet")
)]
// A short name stands for the full one given a little earlier.
#[case(
    "Harbour master Ola Berg said 20 cranes were idle. Ships queued for days. Berg said the queue would clear.",
    2,
    "claim",
    Some("Ola Berg")
)]
// A reporting clause that ends the sentence is its main clause.
#[case(
    "Engineers think a cracked weld caused the leak, the pipeline regulator said.",
    0,
    "claim",
    Some("pipeline regulator")
)]
// An apposition between commas, and "of" a place or of a body.
#[case(
    "The port's new director, Ines Duarte, said 40 jobs would go.",
    0,
    "claim",
    Some("Ines Duarte")
)]
#[case(
    "Sen. Omar Diallo of Ohio said the levy raised 9 million.",
    0,
    "claim",
    Some("Omar Diallo")
)]
#[case(
    "Fares will rise 5 percent, according to the Ministry of Transport.",
    0,
    "claim",
    Some("Ministry of Transport")
)]
// A spokesperson speaks for the body.
#[case(
    "A Navy spokesman said 3 sailors were rescued.",
    0,
    "claim",
    Some("Navy")
)]
#[case(
    "Refunds will take 30 days, said a spokeswoman for the airline.",
    0,
    "claim",
    Some("airline")
)]
// A quotation with no attribution goes on with the last speaker.
#[case(
    "\"We are ready,\" said coach Lina Moretti. \"The team has trained for months and nobody is injured.\"",
    1,
    "quote,claim",
    Some("Lina Moretti")
)]
// A person mentioned by title and name is whom a later "according to her" means.
#[case(
    "The survey was led by geologist Mei Lin. According to her, the shelf moved 4 metres.",
    1,
    "claim",
    Some("Mei Lin")
)]
// A body's document speaks for the body.
#[case(
    "The Coast Guard analysis also concluded that 12 boats had sunk.",
    0,
    "claim",
    Some("Coast Guard")
)]
#[case(
    "A Treasury statement said 300 jobs would go.",
    0,
    "claim",
    Some("Treasury")
)]
// A surname alone takes the full name of a person mentioned by title before.
#[case(
    "The plan was drawn up by Mayor Ines Duarte last year. Duarte said 40 homes would be rebuilt.",
    1,
    "claim",
    Some("Ines Duarte")
)]
// A quotation's speaker is whom the sentence gives it to, also after a denial by a body; a
// following "he" is that person.
#[case(
    "The club declined to comment, with coach Ivo Petrov saying, “We will not talk about the signing today.” He added that the squad would travel on Friday.",
    0,
    "quote,denial",
    Some("Ivo Petrov")
)]
#[case(
    "The club declined to comment, with coach Ivo Petrov saying, “We will not talk about the signing today.” He added that 20 players would travel on Friday.",
    1,
    "claim",
    Some("Ivo Petrov")
)]
// A body named with its initials in brackets is named by them, and "the agency" after them is
// that body.
#[case(
    "The World Meteorological Organization (WMO) said 2024 was the warmest year on record.",
    0,
    "claim",
    Some("WMO")
)]
#[case(
    "The Coastal Safety Agency (CSA) said 14 ferries failed inspection. The agency also said 3 of them were withdrawn.",
    1,
    "claim",
    Some("CSA")
)]
// A description gives way to the name the next unit gives while pointing back at it.
#[case(
    "Ticket prices will rise 12 percent in May, a regional official said. Transport commissioner Ada Holm shared these figures on Monday.",
    0,
    "claim",
    Some("Ada Holm")
)]
// A person mentioned with an abbreviated title gives a later surname its full form.
#[case(
    "The bill was filed by Sen. Ana Gil on Monday. Gil said it would save 40 million dollars.",
    1,
    "claim",
    Some("Ana Gil")
)]
// Headlines: a source after a colon that ends the headline, a name before the quotation that
// opens it; a document after the colon is no speaker.
#[case(
    "Harbour traffic rose 8% in March: port authority\n\nShips queued all week.",
    0,
    "claim",
    Some("port authority")
)]
#[case(
    "Ferry fares to rise 5% next year: Nordlink\n\nShips queued all week.",
    0,
    "claim",
    Some("Nordlink")
)]
#[case(
    "Ferry fares to rise 5% next year: survey\n\nShips queued all week.",
    0,
    "claim",
    Some("outlet")
)]
#[case(
    "Goalkeeper ‘ready to leave’ as talks stall\n\nThe club met on Friday.",
    0,
    "quote",
    Some("Goalkeeper")
)]
// A list of names before the verb speaks together, as the text writes it.
#[case(
    "Britain, the Netherlands and Spain said on Monday that 40 ships would join the patrol.",
    0,
    "claim",
    Some("Britain, the Netherlands and Spain")
)]
// A body's kind before its name is dropped like a title; "reaffirmed" and "reiterated" report.
#[case(
    "The state news agency Tass reiterated that 12 drones were shot down.",
    0,
    "claim",
    Some("Tass")
)]
#[case(
    "Union leader Rosa Vidal reaffirmed that 3,000 workers would strike.",
    0,
    "claim",
    Some("Rosa Vidal")
)]
// "The report" is the body introduced by its initials just before; alone it names nobody.
#[case(
    "Inspectors from the Rail Safety Board (RSB) visited the depot in May. The report said 14 signals had failed.",
    1,
    "claim",
    Some("RSB")
)]
#[case(
    "Inspectors visited the depot in May. The report said 14 signals had failed.",
    1,
    "claim",
    Some("outlet")
)]
// A new quotation passed on as hearsay ("reportedly") is the outlet's report, not the last
// speaker's.
#[case(
    "Mayor Ana Ruiz said 20 roads were closed. At the barrier, “Open the roads now” was reportedly chanted for an hour.",
    1,
    "quote,claim",
    Some("outlet")
)]
// A person described by a role is the one named with that role a few sentences on (an MP is a
// lawmaker); further on, the description stays.
#[case(
    "Bus fares will rise 10 percent in June, a city lawmaker said. Commuters were not consulted. Lawmaker Ines Moro told reporters the rise would fund 30 new buses.",
    0,
    "claim",
    Some("Ines Moro")
)]
#[case(
    "Rents rose 9 percent this year, an opposition MP said. Tenants marched on Sunday. Legislator Hana Rask told a hearing that 400 families had been evicted.",
    0,
    "claim",
    Some("Hana Rask")
)]
#[case(
    "Bus fares will rise 10 percent, a city lawmaker said. Rain fell. Wind rose. Roads froze. Schools shut. Lawmaker Ines Moro told reporters the rise would fund 30 buses.",
    0,
    "claim",
    Some("city lawmaker")
)]
fn speaker_conventions(
    #[case] text: &str,
    #[case] index: usize,
    #[case] tags: &str,
    #[case] speaker: Option<&str>,
) {
    check(text, index, tags, speaker);
}

#[rstest]
// A name a relative clause hangs on ("X, who said") speaks.
#[case(
    "The plan was drafted with help from Transport Minister Lena Voss, who said the tunnel would open in 2027.",
    0,
    "claim",
    Some("Lena Voss")
)]
// A name opening the clause speaks past an aside the commas set off: an age, a role, a place.
#[case(
    "Omar Haddad, 41, a baker from Leeds, said flour prices had doubled.",
    0,
    "claim",
    Some("Omar Haddad")
)]
#[case(
    "\"We were never told about the rent rise,\" Rosa Lind, a tenant since 2009, said.",
    0,
    "quote,claim",
    Some("Rosa Lind")
)]
#[case(
    "Tarvik Rail, the line's operator, disputed the inspectors' account.",
    0,
    "denial",
    Some("Tarvik Rail")
)]
// A name inside the aside is not the speaker; a clause with no name opening it names nobody.
#[case(
    "Nadia Berg, a nurse from Dayton, Ohio, said the ward had 14 empty beds.",
    0,
    "claim",
    Some("Nadia Berg")
)]
#[case(
    "On Monday, after a long meeting, said to be tense, the 12 members left.",
    0,
    "claim",
    Some("outlet")
)]
// Beliefs, intentions and questions are attributed like words: "wants", "think", "asked".
#[case(
    "The drivers' union wants the talks to resume before the holidays.",
    0,
    "claim",
    Some("union")
)]
#[case(
    "Most growers think the frost damaged 30 percent of the crop.",
    0,
    "claim",
    Some("growers")
)]
#[case(
    "Senator Ivo Marsh asked whether the 12 new buses had been paid for.",
    0,
    "claim",
    Some("Ivo Marsh")
)]
// What a survey shows is the survey's.
#[case(
    "A new survey shows most tenants pay more than a third of their income in rent.",
    0,
    "claim",
    Some("new survey")
)]
// A passive names nobody before its verb: "were found" is no finding of the hikers'.
#[case(
    "Four hikers were found near the ridge on Sunday.",
    0,
    "claim",
    Some("outlet")
)]
#[case(
    "The two pilots were asked to wait at the gate for 20 minutes.",
    0,
    "claim",
    Some("outlet")
)]
// A second verb after "and" or "but" shares the clause's subject.
#[case(
    "Ada Roe closed the bakery in March but said she would reopen it in the spring.",
    0,
    "claim",
    Some("Ada Roe")
)]
// Campaign and courtroom roles before a name are dropped like titles.
#[case(
    "\"The count will take days,\" said election lawyer Ivo Marsh.",
    0,
    "quote,claim",
    Some("Ivo Marsh")
)]
// A title ending the sentence keeps its full stop out of the name: "an NRA spokeswoman." is
// the body's.
#[case(
    "The firm earns 30 million a year from the contract, according to an HTA spokeswoman.",
    0,
    "claim",
    Some("HTA")
)]
fn speakers_of_asides_beliefs_and_passives(
    #[case] text: &str,
    #[case] index: usize,
    #[case] tags: &str,
    #[case] speaker: Option<&str>,
) {
    check(text, index, tags, speaker);
}

#[rstest]
// A day names when, not who: "filed Thursday says" has no speaker in it.
#[case(
    "A filing made public Thursday says the port owed 2 million dollars.",
    0,
    "claim",
    Some("outlet")
)]
// Adverbs between a subject and its verb are read past: "has long said", "now says".
#[case(
    "The mayor has long said the tunnel would cost 90 million.",
    0,
    "claim",
    Some("mayor")
)]
#[case(
    "Harbour chief Nils Aro now says 30 berths are empty.",
    0,
    "claim",
    Some("Nils Aro")
)]
// "She's" is a pronoun; a count opening the sentence is nobody.
#[case(
    "Senator Ida Berg joined the board in 2019. She's argued the bridge needs 4 new piers.",
    1,
    "claim",
    Some("Ida Berg")
)]
#[case(
    "Eight weeks ago, the minister toured the plant and said 300 jobs were safe.",
    0,
    "claim",
    Some("outlet")
)]
// A participle opening the sentence is no subject; a document speaks for its issuer.
#[case(
    "Speaking to reporters in Oslo, the minister praised the crew and said 14 ships were repaired.",
    0,
    "claim",
    Some("minister")
)]
#[case(
    "The Norwegian Seamen's Union issued a statement saying 60 crossings were cancelled.",
    0,
    "claim",
    Some("Norwegian Seamen's Union")
)]
// A pronoun after the name that opens its sentence is that name's.
#[case(
    "Tomas Lind won the vote in 2020, and he said turnout reached 71 percent.",
    0,
    "claim",
    Some("Tomas Lind")
)]
// A quotation no verb gives to anyone is the words of the subject that opens the sentence.
#[case(
    "Ida Berg called the budget \"a recipe for ruin\" on Monday.",
    0,
    "quote,claim",
    Some("Ida Berg")
)]
// ... but a name that only modifies a noun is not that subject, and "adding that he" names
// nobody: the speaker is the one who said it.
#[case(
    "Board chairman Tomas Lind said 3 boats went out. One Norwegian sailor who was rescued shouted \"help us\" and waved a flag, Lind said, adding that he was treated for cold.",
    1,
    "quote,claim",
    Some("Tomas Lind")
)]
// "The mayor" after a port director is not that director.
#[case(
    "Port director Rui Costa said 12 cranes were idle. The mayor said the port would reopen on 3 May.",
    1,
    "claim",
    Some("mayor")
)]
// Modifiers before a name after an inverted verb, a bracket after a name, verbs of speech.
#[case(
    "\"We lost a week,\" said former harbour pilot Jon Vik.",
    0,
    "quote,claim",
    Some("Jon Vik")
)]
#[case(
    "Sen. Ana Gil (R-Ohio) has said the levy raised 9 million.",
    0,
    "claim",
    Some("Ana Gil")
)]
#[case(
    "Rep. Mo Tan (D-Iowa), who chairs the panel, said 40 firms had applied.",
    0,
    "claim",
    Some("Mo Tan")
)]
#[case(
    "\"Nobody reads the manual,\" joked fleet manager Eva Holm.",
    0,
    "quote,claim",
    Some("Eva Holm")
)]
// An owner is not a speaker: "Lena Roos's plan" says nothing, the outlet does.
#[case("President Lena Roos's plan cut 400 jobs.", 0, "claim", Some("outlet"))]
fn speakers_are_not_times_counts_owners_or_modifiers(
    #[case] text: &str,
    #[case] index: usize,
    #[case] tags: &str,
    #[case] speaker: Option<&str>,
) {
    check(text, index, tags, speaker);
}

#[rstest]
// "They" stands for a group named before, never for one person.
#[case(
    "Mayor Ana Gil said the dam held. They said 40 homes flooded.",
    1,
    "claim",
    None
)]
#[case(
    "Britain and France said 12 ships were seized. They added that 3 crews were freed.",
    1,
    "claim",
    Some("Britain and France")
)]
// A quotation nobody is said to have said is the speaker's of the unit just before it; with
// other sentences between, nobody is proposed.
#[case(
    "Port chief Ola Dahl said 8 berths were shut. \"It is a disaster for all of us.\"",
    1,
    "quote",
    Some("Ola Dahl")
)]
#[case(
    "Port chief Ola Dahl said 8 berths were shut. Ships waited for days. The tide turned on Friday. \"It is a disaster for all of us.\"",
    3,
    "quote",
    None
)]
fn plural_pronouns_and_quotations_with_nobody_named(
    #[case] text: &str,
    #[case] index: usize,
    #[case] tags: &str,
    #[case] speaker: Option<&str>,
) {
    check(text, index, tags, speaker);
}

#[rstest]
// A reporting word an adjective describes is a noun: "a subsequent tweet" names no speaker
// ("subsequent" was taken for one), the name after it does.
#[case(
    "In a subsequent tweet, Ana Gil said 30 roads were shut.",
    0,
    "claim",
    Some("Ana Gil")
)]
// A phrase a preposition governs is not the subject; the name it hangs on is.
#[case(
    "Mayor Ana Gil in Oslo said 30 roads were shut.",
    0,
    "claim",
    Some("Ana Gil")
)]
#[case(
    "Port director Rui Costa said the berths were full. Dock workers have in the past said the cranes were unsafe.",
    1,
    "claim",
    Some("outlet")
)]
fn reporting_nouns_and_prepositional_phrases(
    #[case] text: &str,
    #[case] index: usize,
    #[case] tags: &str,
    #[case] speaker: Option<&str>,
) {
    check(text, index, tags, speaker);
}
