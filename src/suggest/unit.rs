//! One unit judged alone, given whether a quotation is open where it starts: its tags, cues,
//! score, the speaker its own words name and whether it points back at the unit before.
//! Carrying speakers between units is `carry`'s job.

use std::ops::Range;

use crate::annotation::Tag;

use super::claim::{self, Context, Shape};
use super::names::{self, Who};
use super::quotes::{self, Weight};
use super::sources;
use super::tokens::{Token, tokenize};
use super::words::{
    ACCORDING, ADVERB, CLAUSE, DENY, Lexicon, NEGATION, NON_CONFIRM, OPENS_DENIAL, REPORT, TITLE,
};
use super::{Cue, CueKind};

/// What one unit says by itself.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// Proposed tags in the order quote, denial, claim.
    pub tags: Tags,
    /// Where its cues are in the window's [`Scratch::cues`]; each in byte offsets of the article.
    pub cues: Range<usize>,
    /// Confidence of the strongest tag.
    pub score: f32,
    /// The speaker the unit's own words name.
    pub who: Option<Who>,
    /// Whether it points back at the unit before ("revealed this information").
    pub back_reference: bool,
    /// Whether it goes on with a quotation opened before it.
    pub continues_quote: bool,
    /// The first person it mentions by title and name, outside quotation marks.
    pub mention: Option<String>,
    /// The name that opens it as the subject of its verb, when it attributes nothing ("Reid
    /// raised the example of Lincoln"): whom a "he" in the next unit most often means.
    pub subject: Option<String>,
    /// Whether it passes on a report nobody is named for ("reportedly", "allegedly"), outside
    /// quotation marks.
    pub hearsay: bool,
    /// Whether it is a quotation with at most a word or two outside its marks ("“We will
    /// rebuild.”"), which goes on with whoever spoke just before; one with words of its own
    /// around it names its speaker in them, found or not.
    pub bare_quote: bool,
    /// The first body it introduces by initials in brackets ("Service (NIS)").
    pub initials: Option<String>,
    /// The lexicon id of the role word of `who`: before its name ("lawmaker Ana Gil said") or
    /// ending its description ("a city lawmaker said").
    pub role: Option<u16>,
}

/// The most words outside its marks a quotation may have and still go on with the speaker
/// before it.
const BARE: usize = 2;

/// The tags a unit proposes, in the order quote, denial, claim, kept without allocating: a
/// window's facts are many, and only the proposals made of them need a list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tags {
    list: [Option<Tag>; 3],
}

impl Tags {
    fn push(&mut self, tag: Tag) {
        if let Some(slot) = self.list.iter_mut().find(|slot| slot.is_none()) {
            *slot = Some(tag);
        }
    }

    /// Whether no tag is proposed.
    pub fn is_empty(&self) -> bool {
        self.list[0].is_none()
    }

    /// The first tag proposed.
    pub fn first(&self) -> Option<&Tag> {
        self.list[0].as_ref()
    }

    /// The tags in order, for a proposal.
    pub fn iter(self) -> impl Iterator<Item = Tag> {
        self.list.into_iter().flatten()
    }
}

/// What judging a unit works in, kept from one unit to the next so that a window of units
/// allocates it once: the tokens, the quoted spans and the claim rule's findings; and the cues
/// of every unit judged, which their facts point into.
#[derive(Debug, Default)]
pub struct Scratch {
    tokens: Vec<Token>,
    quoted: quotes::Quotes,
    claim: claim::Judgement,
    cues: Vec<Cue>,
}

impl Scratch {
    /// The cues of a unit judged in this scratch space.
    pub fn cues(&self, facts: &Facts) -> &[Cue] {
        self.cues.get(facts.cues.clone()).unwrap_or_default()
    }
}

/// Judges the unit whose text is `source`, at byte `base` of the article, with a double
/// quotation `open` where it starts.
pub fn judge(
    source: &str,
    base: usize,
    headline: bool,
    open: bool,
    lexicon: &Lexicon,
    scratch: &mut Scratch,
) -> Facts {
    let first = scratch.cues.len();
    let mut facts = judge_in(source, base, headline, open, lexicon, scratch);
    facts.cues = first..scratch.cues.len();
    facts
}

/// [`judge`], its cues appended to `scratch.cues`.
fn judge_in(
    source: &str,
    base: usize,
    headline: bool,
    open: bool,
    lexicon: &Lexicon,
    scratch: &mut Scratch,
) -> Facts {
    let Scratch {
        tokens,
        quoted,
        claim,
        cues,
    } = scratch;
    tokenize(source, lexicon, tokens);
    let tokens = tokens.as_slice();
    // The classes of all its words: a rule whose trigger words are missing finds nothing, and
    // most units have none of most rules' triggers. Each guard below names every word a rule
    // starts from (attribution: a reporting verb or "according"; denial: a denial or
    // confirmation verb or the first word of a denial phrase or look-alike; a mention: a title;
    // hearsay: an adverb; initials: a bracket): a rule given a new trigger needs it added here.
    let present = tokens.iter().fold(0, |all, token| all | token.flags);
    let has = |flags: u32| present & flags != 0;
    let mut facts = Facts {
        continues_quote: open,
        ..Facts::default()
    };
    let cue = |cues: &mut Vec<Cue>, kind: CueKind, (start, end): (usize, usize)| {
        cues.push(Cue {
            kind,
            start: base + start,
            end: base + end,
        });
    };
    quotes::find_into(source, tokens, open, quoted);
    let quoted = &*quoted;
    let mut attribution = if has(REPORT | ACCORDING) {
        super::attribution::find(source, tokens, quoted)
    } else {
        super::attribution::Attribution::default()
    };
    let denials = if has(DENY | NON_CONFIRM | OPENS_DENIAL) {
        super::denial::find(tokens, lexicon)
    } else {
        super::denial::Denials::default()
    };
    let shape = if headline {
        Shape::Headline
    } else {
        Shape::Sentence
    };
    claim::judge(
        source,
        tokens,
        lexicon,
        Context {
            shape,
            attributed: attribution.any(),
            denial_at: denials.cues.first().map(|&(start, _, _)| start),
        },
        claim,
    );
    let claim = &*claim;
    if let Some(label) = claim.label {
        // Page furniture ("Related article: ...") proposes nothing, whatever it quotes.
        cue(cues, CueKind::Label, label);
        return facts;
    }
    let mut quote_score: f32 = 0.0;
    for span in &quoted.spans {
        // A single quoted word is a label or a scare quote, attributed or not.
        let score = match span.weight {
            _ if span.continued => 0.9,
            Weight::Full if span.single => 0.85,
            Weight::Full => 0.95,
            Weight::Short if span.words < 2 => 0.0,
            Weight::Short if span.single && headline => 0.7,
            Weight::Short if attribution.any() => 0.75,
            Weight::Short => 0.0,
        };
        let kind = if score > 0.0 {
            CueKind::Quote
        } else {
            CueKind::ScareQuote
        };
        cue(cues, kind, (span.start, span.end));
        quote_score = quote_score.max(score);
    }
    for &range in &attribution.cues {
        cue(cues, CueKind::Attribution, range);
    }
    let mut who = attribution.speaker.take();
    let mut denial_score: f32 = 0.0;
    let first_attribution = attribution
        .cues
        .first()
        .map_or(usize::MAX, |&(start, _)| start);
    for &(start, end, at) in &denials.cues {
        cue(cues, CueKind::Denial, (start, end));
        denial_score = 0.85;
        // The subject of a denial verb denies, and a denial before any attribution is the main
        // verb ("Russia and North Korea deny troop deployment claims"); a phrase that opens with
        // no verb ("confirmation or denial", "still awaited", "no comment") has no subject.
        let opener = &tokens[at];
        let word = &source[opener.start..opener.end];
        let verb = opener.is(DENY | NEGATION | CLAUSE) || word.ends_with("ed");
        let noun = word.eq_ignore_ascii_case("no");
        // A quotation's speaker is whom the sentence gives it to, even after a denial ("the
        // club kept quiet, with its coach saying, “...”").
        let first = start < first_attribution && !(quote_score > 0.0 && who.is_some());
        // Inside a quotation the subject is the quoted speaker's "we", not a speaker.
        if (who.is_none() || first)
            && verb
            && !noun
            && !quoted.inside(start)
            && let Some(subject) = names::before(source, tokens, at)
        {
            who = Some(subject);
        }
        // "A reply from the embassy is still awaited": the embassy is silent.
        if who.is_none() && (!verb || noun) && !quoted.inside(start) {
            who = sources::awaited_from(source, tokens, |offset| !quoted.inside(offset));
        }
    }
    if headline && who.is_none() {
        let quote = quoted.spans.first().map(|span| span.start);
        who = sources::headline_source(source, tokens, quote);
    }
    // "“Out!” the crowd yelled": a quotation whose closing mark a subject and a verb follow is
    // that subject's, whatever the verb.
    if who.is_none() && quote_score > 0.0 && !headline {
        who = super::openers::after_quote(source, tokens, &quoted.spans);
    }
    if has(TITLE) {
        facts.mention = names::mention(source, tokens, |offset| !quoted.inside(offset));
    }
    // The name that opens a unit naming no speaker, outside quotation marks: the speaker of a
    // quotation no verb gives to anyone ("Ana Gil called the plan “a disgrace”"), or else whom
    // a "he" in the next unit may mean.
    if who.is_none()
        && !open
        && !headline
        && let Some(found) = super::attribution::opening_subject(source, tokens)
        && !quoted.inside(found.start)
        && let Who::Named(name) = &found.who
    {
        if quote_score > 0.0 {
            who = Some(found);
        } else {
            facts.subject = Some(name.clone());
        }
    }
    if memchr::memchr(b'(', source.as_bytes()).is_some() {
        facts.initials = sources::initials(source, tokens);
    }
    if let Some(found) = &who {
        facts.role = sources::role(tokens, &found.who, found.start, found.end);
    }
    facts.hearsay =
        has(ADVERB) && sources::hearsay(source, tokens, |offset| !quoted.inside(offset));
    facts.bare_quote = quote_score > 0.0
        && tokens
            .iter()
            .filter(|token| token.is_word() && !quoted.inside(token.start))
            .nth(BARE)
            .is_none();
    for &range in &denials.look_alikes {
        cue(cues, CueKind::LookAlike, range);
    }
    if let Some(found) = &who {
        cue(cues, CueKind::Speaker, (found.start, found.end));
    }
    for &range in &claim.figures {
        cue(cues, CueKind::Figure, range);
    }
    for &range in &claim.actions {
        cue(cues, CueKind::Action, range);
    }
    if let Some(range) = claim.back_reference {
        cue(cues, CueKind::BackReference, range);
        facts.back_reference = true;
    }
    if let Some(range) = claim.dateline {
        cue(cues, CueKind::Dateline, range);
    }
    for (tag, score) in [
        (Tag::Quote, quote_score),
        (Tag::Denial, denial_score),
        (Tag::Claim, claim.confidence),
    ] {
        if score > 0.0 {
            facts.tags.push(tag);
            facts.score = facts.score.max(score);
        }
    }
    facts.who = who.map(|found| found.who);
    facts
}
