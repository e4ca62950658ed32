//! Suggestions: tags (quote, denial, claim), a speaker, the cue words behind them and a score,
//! proposed for each unit of an article by fixed rules over its text: offline, deterministic, no
//! model. Nothing here reads files, a clock or a terminal.
//!
//! One file per idea: `words` (the word lists of `assets/suggest/`), `tokens`, `quotes`, `names`
//! (who a phrase names), `phrase_words` (what one word can be in such a phrase), `of_phrases`
//! (a speaker joined by "of": a share of a group, a person of a place), `asides` (a subject set
//! apart from its verb), `openers` (the subject that opens a unit, and the speaker named right
//! after a closing quotation mark), `sources` (sources named otherwise: headlines, initials,
//! hearsay), `attribution`, `denial`, `claim`, `genders` (whether "he" or "she" can mean a
//! name), and `carry` (what one unit hands the next: an open quotation, a speaker). A unit's
//! proposal depends only on itself, a bounded number of units before it and the
//! [`LOOK_AHEAD`] after it, so [`suggest_units`] on any window of units gives the same
//! proposals as on the whole article, and its cost is the window's size.

mod asides;
mod attribution;
mod carry;
mod claim;
mod denial;
mod genders;
mod names;
mod of_phrases;
mod openers;
mod phrase_words;
mod quotes;
mod sources;
mod tokens;
mod unit;
mod words;

use std::ops::Range;

use crate::annotation::Tag;
use crate::article::{Article, UnitKind};

pub use carry::{LOOK_AHEAD, LOOK_BACK, PRONOUN_BACK, PRONOUN_CHAIN};

/// What a cue is evidence of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CueKind {
    /// A quotation, its marks included.
    Quote,
    /// A short quoted span that nobody is said to have said: not a quotation.
    ScareQuote,
    /// A reporting verb or "according to".
    Attribution,
    /// The words naming the speaker.
    Speaker,
    /// A denial, refusal or non-confirmation.
    Denial,
    /// A phrase that looks like a denial and is not one.
    LookAlike,
    /// A figure.
    Figure,
    /// A named action or order.
    Action,
    /// A phrase pointing back at the sentence before ("this information").
    BackReference,
    /// A section label ("Related article:").
    Label,
    /// A dateline.
    Dateline,
}

impl CueKind {
    /// The name used in the command's output.
    pub fn name(self) -> &'static str {
        match self {
            CueKind::Quote => "quote",
            CueKind::ScareQuote => "scare_quote",
            CueKind::Attribution => "attribution",
            CueKind::Speaker => "speaker",
            CueKind::Denial => "denial",
            CueKind::LookAlike => "look_alike",
            CueKind::Figure => "figure",
            CueKind::Action => "action",
            CueKind::BackReference => "back_reference",
            CueKind::Label => "label",
            CueKind::Dateline => "dateline",
        }
    }
}

/// One cue: what it is and where, in byte offsets of [`Article::text`] (the command line turns
/// them into code points).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// What it is evidence of.
    pub kind: CueKind,
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
}

/// The proposal for one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The unit's index in the article.
    pub index: usize,
    /// The proposed tags, in the order quote, denial, claim; empty when none.
    pub tags: Vec<Tag>,
    /// Who speaks, for a unit with a proposed tag: a name, a description, or nothing known.
    pub speaker: Option<String>,
    /// The words behind the proposal, in the order they were found.
    pub cues: Vec<Cue>,
    /// Confidence of the strongest proposed tag, from 0 to 1; 0 when nothing is proposed.
    pub score: f32,
}

impl Suggestion {
    /// Whether anything is proposed.
    pub fn proposes(&self) -> bool {
        !self.tags.is_empty()
    }
}

/// The proposals for the units `range` of `article` (clipped to its units), in order.
pub fn suggest_units(article: &Article, range: Range<usize>) -> Vec<Suggestion> {
    let units = article.units();
    let end = range.end.min(units.len());
    let start = range.start.min(end);
    carry::Window::new(article, start..end).suggestions()
}

/// Hands the proposal for each unit of `range` of `article` (clipped to its units) to `each`, in
/// order, and stops at the first error it returns: [`suggest_units`] without holding a window's
/// proposals at once, and without allocating each one's lists anew.
pub fn each_suggestion<E>(
    article: &Article,
    range: Range<usize>,
    each: impl FnMut(&Suggestion) -> Result<(), E>,
) -> Result<(), E> {
    let units = article.units();
    let end = range.end.min(units.len());
    let start = range.start.min(end);
    carry::Window::new(article, start..end).each(each)
}

/// The proposals for every unit of `article`.
pub fn suggest_all(article: &Article) -> Vec<Suggestion> {
    suggest_units(article, 0..article.units().len())
}

/// Whether a unit reads as a title or heading: so marked, or a line without a sentence's closing
/// punctuation.
fn is_headline(kind: UnitKind, source: &str) -> bool {
    match kind {
        UnitKind::Title | UnitKind::Heading => true,
        UnitKind::Sentence => {
            let last = source
                .trim_end()
                .trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', ')'])
                .chars()
                .next_back();
            !matches!(last, Some('.' | '!' | '?' | ':' | ';' | ',' | '\u{2026}'))
        }
    }
}
