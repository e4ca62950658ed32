//! Denials: verbs of denial ("denied", "rejects", "disputed", "refuted"), refusals and
//! non-confirmations ("declined to comment", "cannot comment", "has not confirmed", "neither
//! Moscow nor Pyongyang has acknowledged", "confirmation or denial is still awaited"), and the
//! look-alikes that are none of these ("not independently verified", "specific numbers were not
//! provided", "have yet to show any willingness", "did not deny"), which cancel any cue inside
//! them.

use super::tokens::Token;
use super::words::{DENY, Lexicon, NEGATION, NON_CONFIRM, OPENS_DENIAL, PhraseKind};

/// How far before a verb a negation still turns it into a non-confirmation: "neither Moscow nor
/// Pyongyang has acknowledged" puts three words between, "nor the player's agent has confirmed"
/// four.
const NEGATION_REACH: usize = 5;

/// A unit's denial cues and the look-alikes found, in byte ranges of the unit, with the index of
/// the first token of each denial cue (where its subject is looked for).
#[derive(Debug, Default, Clone)]
pub struct Denials {
    /// Denial cues that stand.
    pub cues: Vec<(usize, usize, usize)>,
    /// Look-alike phrases found.
    pub look_alikes: Vec<(usize, usize)>,
}

/// Whether the phrase starting at token `at` has its words in a row; returns its last token.
fn phrase_end(tokens: &[Token], at: usize, words: &[u16]) -> Option<usize> {
    let slice = tokens.get(at..at + words.len())?;
    slice
        .iter()
        .zip(words)
        .all(|(token, id)| token.id == *id)
        .then_some(at + words.len() - 1)
}

/// Finds a unit's denials.
pub fn find(tokens: &[Token], lexicon: &Lexicon) -> Denials {
    let mut denials = Denials::default();
    for (at, token) in tokens.iter().enumerate() {
        if !token.is_word() {
            continue;
        }
        // Only the first word of a denial phrase or of a look-alike opens one this rule reads
        // (the lexicon marks them); the phrases other words open are other rules'.
        let phrases = if token.is(OPENS_DENIAL) {
            lexicon.phrases(token.id)
        } else {
            &[]
        };
        for phrase in phrases {
            let Some(last) = phrase_end(tokens, at, &phrase.words) else {
                continue;
            };
            let range = (token.start, tokens[last].end);
            match phrase.kind {
                PhraseKind::Denial => denials.cues.push((range.0, range.1, at)),
                PhraseKind::NotDenial => denials.look_alikes.push(range),
                PhraseKind::Label | PhraseKind::BackReference => {}
            }
        }
        if token.is(DENY) {
            // "did not deny" is no denial; "neither confirm nor deny" still is.
            let nor_id = lexicon.get("nor").id;
            let negation = (at.saturating_sub(2)..at)
                .rev()
                .take_while(|&before| tokens[before].is_word())
                .find(|&before| tokens[before].is(NEGATION) && tokens[before].id != nor_id);
            match negation {
                Some(negation) => denials
                    .look_alikes
                    .push((tokens[negation].start, token.end)),
                None => denials.cues.push((token.start, token.end, at)),
            }
        } else if token.is(NON_CONFIRM) {
            // The negation must be in the same clause: no comma or full stop between.
            let negation = (at.saturating_sub(NEGATION_REACH)..at)
                .rev()
                .take_while(|&before| tokens[before].is_word())
                .find(|&before| tokens[before].is(NEGATION));
            if let Some(negation) = negation {
                denials
                    .cues
                    .push((tokens[negation].start, token.end, negation));
            }
        }
    }
    let look_alikes = &denials.look_alikes;
    denials.cues.retain(|&(start, end, _)| {
        !look_alikes
            .iter()
            .any(|&(from, to)| start < to && from < end)
    });
    // Overlapping cues ("cannot comment" as a phrase and as a negated verb) count once.
    denials.cues.sort_unstable();
    denials
        .cues
        .dedup_by(|later, earlier| later.0 < earlier.1 && earlier.0 < later.1);
    denials
}
