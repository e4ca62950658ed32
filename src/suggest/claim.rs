//! Claims: whether a unit states a checkable proposition (a figure, a named action or order, an
//! attributed assessment, a clausal headline), as opposed to a section label ("Related article:"),
//! a noun-phrase heading ("Training gap"), a dateline, a sentence that only says where the
//! information came from ("A lawmaker revealed this information") or generic background with
//! nothing in it to check.

use super::tokens::{Kind, Token};
use super::words::{
    ACTION, AUXILIARY, CLAUSE, DENY, DETERMINER, Lexicon, MONTH, NON_CONFIRM, NUMBER, PhraseKind,
    REPORT, STARTER, UNKNOWN,
};

/// What a unit is, for the claim rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A sentence of a paragraph.
    Sentence,
    /// A title or heading, or a line that reads like one.
    Headline,
}

/// Why a unit is, or is not, a claim: cues in byte ranges of the unit.
#[derive(Debug, Default, Clone)]
pub struct Judgement {
    /// Confidence that the unit is a claim; 0 when it is not one.
    pub confidence: f32,
    /// Figures ("2,700"; a year alone is no figure).
    pub figures: Vec<(usize, usize)>,
    /// Verbs of named actions and orders.
    pub actions: Vec<(usize, usize)>,
    /// A section label that opens the unit.
    pub label: Option<(usize, usize)>,
    /// The unit is a dateline: a date and nothing that states anything.
    pub dateline: Option<(usize, usize)>,
    /// A phrase pointing back at the sentence before ("this information").
    pub back_reference: Option<(usize, usize)>,
}

/// What the other rules found in the unit, which the claim rule weighs.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// Whether the unit reads as a title or heading.
    pub shape: Shape,
    /// Whether it attributes something to someone.
    pub attributed: bool,
    /// Where its first denial cue starts, if it holds one.
    pub denial_at: Option<usize>,
}

/// A headline shorter than this, without a figure, is a topic, not a claim.
const HEADING_WORDS: usize = 4;

fn is_year(text: &str) -> bool {
    text.len() == 4
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text.starts_with("19") || text.starts_with("20"))
}

/// Whether a word is a verb by its form: a past tense or participle of some length ("killed",
/// "surpassed"), which headlines use without an auxiliary.
fn is_past_form(text: &str, token: &Token) -> bool {
    let word = &text[token.start..token.end];
    !token.capital && word.len() >= 5 && word.ends_with("ed")
}

impl Judgement {
    /// Empties it for the next unit, keeping the room its lists took.
    fn clear(&mut self) {
        self.confidence = 0.0;
        self.figures.clear();
        self.actions.clear();
        self.label = None;
        self.dateline = None;
        self.back_reference = None;
    }
}

/// Judges a unit into `judgement`, cleared first (a caller judging many units keeps one).
pub fn judge(
    text: &str,
    tokens: &[Token],
    lexicon: &Lexicon,
    context: Context,
    judgement: &mut Judgement,
) {
    judgement.clear();
    if tokens.iter().all(|t| matches!(t.kind, Kind::Punct(_))) {
        return;
    }
    let mut clausal = false;
    let mut months = 0;
    let mut named = false;
    for (at, token) in tokens.iter().enumerate() {
        match token.kind {
            // A word in no list, as most are: only its form and its capital count.
            Kind::Word if token.flags == 0 && token.id == UNKNOWN => {
                clausal = clausal || is_past_form(text, token);
                named |= at > 0 && token.capital;
            }
            Kind::Word if token.is(NUMBER) => {
                judgement.figures.push((token.start, token.end));
            }
            Kind::Number => {
                let figure = &text[token.start..token.end];
                if !is_year(figure) {
                    judgement.figures.push((token.start, token.end));
                }
            }
            Kind::Word => {
                // After a determiner an action word is a noun: "any sign", "the exchange".
                if token.is(ACTION) && !(at > 0 && tokens[at - 1].is(DETERMINER)) {
                    judgement.actions.push((token.start, token.end));
                }
                // Once a unit is known to be clausal, its other words need not be read for it.
                clausal = clausal
                    || token.is(AUXILIARY | REPORT | ACTION | DENY | NON_CONFIRM | CLAUSE)
                    || is_past_form(text, token);
                months += usize::from(token.is(MONTH));
                named |= at > 0 && token.capital && !token.is(STARTER | MONTH);
                if token.id == UNKNOWN {
                    continue;
                }
                for phrase in lexicon.phrases(token.id) {
                    let ids = tokens.get(at..at + phrase.words.len());
                    let matched = ids.is_some_and(|ids| {
                        ids.iter()
                            .zip(phrase.words.iter())
                            .all(|(t, id)| t.id == *id)
                    });
                    if !matched {
                        continue;
                    }
                    let last = &tokens[at + phrase.words.len() - 1];
                    match phrase.kind {
                        PhraseKind::Label if at == 0 => {
                            let rest = &tokens[at + phrase.words.len()..];
                            let alone = rest.iter().all(|t| t.kind != Kind::Word);
                            let colon = rest.first().is_some_and(|t| t.is_punct(':'));
                            if alone || colon {
                                judgement.label = Some((token.start, last.end));
                            }
                        }
                        PhraseKind::BackReference => {
                            judgement.back_reference = Some((token.start, last.end));
                        }
                        PhraseKind::Label | PhraseKind::Denial | PhraseKind::NotDenial => {}
                    }
                }
            }
            Kind::Punct(_) => {}
        }
    }
    if judgement.label.is_some() {
        return;
    }
    // Headlines drop auxiliaries and use the present ("Storm cuts power to 20,000 homes"): a
    // figure in one says how many of something did something.
    clausal |= context.shape == Shape::Headline && months == 0 && !judgement.figures.is_empty();
    // A sentence given to someone ("..., according to two polls") states something, whatever
    // the tense of its verb ("The mayor leads by 6 points").
    clausal |= context.shape == Shape::Sentence && context.attributed;
    if !clausal {
        if months > 0 || tokens.iter().any(|t| t.kind == Kind::Number) {
            let (first, last) = (&tokens[0], &tokens[tokens.len() - 1]);
            judgement.dateline = Some((first.start, last.end));
        }
        // A heading with no verb names a topic; a sentence with none states nothing either.
        return;
    }
    let has_figure = !judgement.figures.is_empty();
    // A heading of a few words names a topic ("Prisoner exchange", "Training gap").
    let words = || {
        tokens
            .iter()
            .filter(|t| !matches!(t.kind, Kind::Punct(_)))
            .count()
    };
    if context.shape == Shape::Headline && !has_figure && words() < HEADING_WORDS {
        return;
    }
    let has_action = !judgement.actions.is_empty();
    // Only where the information came from: "A lawmaker revealed this information."
    if judgement.back_reference.is_some() && !has_figure {
        return;
    }
    // What follows a denial is what is denied: a denial states a claim of its own only with a
    // figure or an action before it ("Despite accusations of sending 10,000 troops, neither
    // ... has confirmed").
    if let Some(at) = context.denial_at {
        let before = |cues: &[(usize, usize)]| cues.iter().any(|&(start, _)| start < at);
        if !before(&judgement.figures) && !before(&judgement.actions) {
            return;
        }
    }
    let headline = context.shape == Shape::Headline;
    judgement.confidence = if has_figure {
        0.8
    } else if has_action || context.attributed {
        0.7
    } else if named || headline {
        // A clausal headline asserts something ("Ferry capsizes off coast").
        0.55
    } else {
        0.0
    };
    if context.shape == Shape::Headline && judgement.confidence > 0.0 {
        judgement.confidence = judgement.confidence.min(0.6);
    }
}
