//! Coreference chains of a CoreNLP XML document (`dcoref`): each chain's mentions as spans of
//! the article (code points, from the tokens' `CharacterOffsetBegin`/`End`) and which mention
//! represents it. Only the elements needed are read (`sentence`, `token`, the two offsets,
//! `coreference`, `mention` and its `sentence`, `start`, `end`); the rest is read past.
#![allow(dead_code)]

use super::brat::Span;

/// The chains of one document.
#[derive(Debug, Default)]
pub struct Coref {
    /// Every mention: its span and its chain's number.
    mentions: Vec<(Span, usize)>,
    /// Each chain's representative mention.
    representatives: Vec<Span>,
}

#[derive(Default)]
struct Mention {
    representative: bool,
    sentence: usize,
    start: usize,
    end: usize,
}

impl Coref {
    /// The chain of the mention that overlaps `span` most (the shortest of equals): its
    /// representative mention first, then the others; empty when no mention overlaps `span`.
    pub fn chain(&self, span: Span) -> Vec<Span> {
        let overlap = |mention: Span| {
            mention
                .end
                .min(span.end)
                .saturating_sub(mention.start.max(span.start))
        };
        let Some(&(_, chain)) = self
            .mentions
            .iter()
            .filter(|(mention, _)| mention.overlaps(span))
            .max_by_key(|(mention, _)| {
                (
                    overlap(*mention),
                    usize::MAX - (mention.end - mention.start),
                )
            })
        else {
            return Vec::new();
        };
        let representative = self.representatives[chain];
        std::iter::once(representative)
            .chain(
                self.mentions
                    .iter()
                    .filter(|&&(mention, of)| of == chain && mention != representative)
                    .map(|&(mention, _)| mention),
            )
            .collect()
    }

    /// The representative mention of the chain of the mention that overlaps `span` most.
    pub fn representative(&self, span: Span) -> Option<Span> {
        self.chain(span).first().copied()
    }
}

/// Reads the chains of `xml` (named `file` in errors).
pub fn parse(file: &str, xml: &str) -> Result<Coref, String> {
    // tokens[sentence - 1][token - 1] = (begin, end)
    let mut tokens: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut chains: Vec<Vec<Mention>> = Vec::new();
    let mut in_coref = false;
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        let at = xml.len() - rest.len() + open;
        let fail = |what: &str| {
            let line = xml[..at].matches('\n').count() + 1;
            format!("{file}:{line}: {what}")
        };
        let close = rest[open..]
            .find('>')
            .ok_or_else(|| fail("a tag is not closed"))?;
        let tag = &rest[open + 1..open + close];
        let after = &rest[open + close + 1..];
        let text_end = after.find('<').unwrap_or(after.len());
        let text = after[..text_end].trim();
        rest = &after[text_end..];
        let name = tag.split_whitespace().next().unwrap_or_default();
        let number = || {
            text.parse::<usize>()
                .map_err(|_| fail(&format!("<{name}> holds {text:?}, not a number")))
        };
        match name {
            "coreference" if in_coref => chains.push(Vec::new()),
            "coreference" => in_coref = true,
            "sentence" if !in_coref && tag.contains("id=") => tokens.push(Vec::new()),
            "token" if !in_coref => tokens
                .last_mut()
                .ok_or_else(|| fail("a token outside a sentence"))?
                .push((0, 0)),
            "CharacterOffsetBegin" | "CharacterOffsetEnd" if !in_coref => {
                let value = number()?;
                let token = tokens
                    .last_mut()
                    .and_then(|sentence| sentence.last_mut())
                    .ok_or_else(|| fail("an offset outside a token"))?;
                if name == "CharacterOffsetBegin" {
                    token.0 = value;
                } else {
                    token.1 = value;
                }
            }
            "mention" if in_coref => chains
                .last_mut()
                .ok_or_else(|| fail("a mention outside a chain"))?
                .push(Mention {
                    representative: tag.contains("representative=\"true\""),
                    ..Mention::default()
                }),
            "sentence" | "start" | "end" if in_coref => {
                let value = number()?;
                let mention = chains
                    .last_mut()
                    .and_then(|chain| chain.last_mut())
                    .ok_or_else(|| fail("a mention's field outside a mention"))?;
                match name {
                    "sentence" => mention.sentence = value,
                    "start" => mention.start = value,
                    _ => mention.end = value,
                }
            }
            _ => {}
        }
    }
    let mut coref = Coref::default();
    for (number, chain) in chains.iter().enumerate() {
        let mut representative = None;
        for mention in chain {
            let sentence = mention
                .sentence
                .checked_sub(1)
                .and_then(|at| tokens.get(at))
                .ok_or_else(|| format!("{file}: a mention names sentence {}", mention.sentence))?;
            let first = mention.start.checked_sub(1).and_then(|at| sentence.get(at));
            let last = mention.end.checked_sub(2).and_then(|at| sentence.get(at));
            let (Some(first), Some(last)) = (first, last) else {
                return Err(format!(
                    "{file}: a mention names tokens {}..{} of sentence {}",
                    mention.start, mention.end, mention.sentence
                ));
            };
            let span = Span {
                start: first.0,
                end: last.1,
            };
            coref.mentions.push((span, number));
            if mention.representative || representative.is_none() {
                representative = Some(span);
            }
        }
        coref
            .representatives
            .push(representative.unwrap_or(Span { start: 0, end: 0 }));
    }
    Ok(coref)
}
