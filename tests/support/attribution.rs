//! The suggester measured on a corpus of attribution annotations in brat standoff
//! (`text/NAME.txt`, `attributions/NAME_ANNOTATOR.ann`, and optionally CoreNLP's
//! `corenlp/NAME.txt.xml` for pronoun sources). The definitions are those of docs/suggest.md,
//! "Measured on an external corpus":
//!
//! - a unit is a gold quote when its part of an attribution's content holds quoted words (two
//!   or more, inside double quotation marks paired over the content); a proposed quote is the
//!   `quote` tag;
//! - an attribution is covered when a unit its content or cue overlaps has a proposed tag;
//! - an attribution with a source is named when the unit holding its cue has a proposed speaker
//!   other than the outlet, and that speaker is right when it matches the source's words or
//!   those of a non-pronoun mention of the source's CoreNLP coreference chain.
#![allow(dead_code)]

use std::fmt;
use std::path::Path;

use sidenote::annotation::Tag;
use sidenote::article::Article;
use sidenote::suggest::suggest_all;

use super::brat::{self, Span};
use super::corenlp::{self, Coref};

/// The figures over a set of articles.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Figures {
    pub articles: usize,
    pub units: usize,
    /// Units proposed as quotes that are gold quotes, that are not, and gold quotes not proposed.
    pub quote_right: usize,
    pub quote_wrong: usize,
    pub quote_missed: usize,
    /// Gold quotes whose quoted words are a single word in every attribution (not counted).
    pub single_words: usize,
    /// Attributions with a content or a cue, and those covered by a proposed tag.
    pub attributions: usize,
    pub covered: usize,
    /// Of those, the direct ones (quotation marks in their content), and those covered.
    pub direct: usize,
    pub direct_covered: usize,
    /// Attributions with a source, named by the proposal, and named right.
    pub sourced: usize,
    pub named: usize,
    pub named_right: usize,
    /// The same three, leaving out the attributions whose source is a pronoun that CoreNLP's
    /// chain gives no other mention (nobody can tell from the corpus whom it means, so no
    /// proposal can be counted right).
    pub judged: usize,
    pub judged_named: usize,
    pub judged_right: usize,
    /// Event lines with neither a content nor a cue, left out.
    pub empty: usize,
    /// Speaker misses, for reading: (article, proposed, source, resolved source).
    pub misses: Vec<String>,
    /// Units where the proposed and the gold quotes differ, for reading.
    pub quote_errors: Vec<String>,
    /// Attributions with a source the proposal names nobody for, for reading.
    pub unnamed: Vec<String>,
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

impl Figures {
    pub fn quote_precision(&self) -> f64 {
        ratio(self.quote_right, self.quote_right + self.quote_wrong)
    }
    pub fn quote_recall(&self) -> f64 {
        ratio(self.quote_right, self.quote_right + self.quote_missed)
    }
    pub fn quote_f1(&self) -> f64 {
        let (p, r) = (self.quote_precision(), self.quote_recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn coverage(&self) -> f64 {
        ratio(self.covered, self.attributions)
    }
    pub fn named_share(&self) -> f64 {
        ratio(self.named, self.sourced)
    }
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.named_right, self.named)
    }
    pub fn judged_named_share(&self) -> f64 {
        ratio(self.judged_named, self.judged)
    }
    pub fn judged_accuracy(&self) -> f64 {
        ratio(self.judged_right, self.judged_named)
    }
}

impl fmt::Display for Figures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} articles, {} units", self.articles, self.units)?;
        writeln!(
            f,
            "quote: P {:.3} R {:.3} F1 {:.3} ({} right, {} wrong, {} missed; {} single quoted words left out)",
            self.quote_precision(),
            self.quote_recall(),
            self.quote_f1(),
            self.quote_right,
            self.quote_wrong,
            self.quote_missed,
            self.single_words
        )?;
        writeln!(
            f,
            "coverage: {:.3} ({} of {} attributions; direct {} of {}, indirect {} of {}; {} empty events left out)",
            self.coverage(),
            self.covered,
            self.attributions,
            self.direct_covered,
            self.direct,
            self.covered - self.direct_covered,
            self.attributions - self.direct,
            self.empty
        )?;
        writeln!(
            f,
            "speakers: named {:.3} ({} of {} with a source), right {:.3} ({} of {})",
            self.named_share(),
            self.named,
            self.sourced,
            self.speaker_accuracy(),
            self.named_right,
            self.named
        )?;
        write!(
            f,
            "speakers, {} pronoun sources with no name in their chain left out: named {:.3} ({} of {}), right {:.3} ({} of {})",
            self.sourced - self.judged,
            self.judged_named_share(),
            self.judged_named,
            self.judged,
            self.judged_accuracy(),
            self.judged_right,
            self.judged_named
        )
    }
}

/// Scores every article of `dir` that has attributions: the first annotation file of each
/// article in sorted order (the annotator id sorting first).
pub fn score_dir(dir: &Path) -> Result<Figures, String> {
    let read =
        |path: &Path| std::fs::read(path).map_err(|error| format!("{}: {error}", path.display()));
    let listing = dir.join("attributions");
    let mut names: Vec<String> = std::fs::read_dir(&listing)
        .map_err(|error| format!("{}: {error}", listing.display()))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".ann"))
        .collect();
    names.sort();
    let mut figures = Figures::default();
    let mut last = String::new();
    for name in names {
        let Some((article, _annotator)) = name.trim_end_matches(".ann").rsplit_once('_') else {
            return Err(format!(
                "{}: not ARTICLE_ANNOTATOR.ann",
                listing.join(&name).display()
            ));
        };
        if article == last {
            continue;
        }
        last = article.to_owned();
        let text_path = dir.join("text").join(format!("{article}.txt"));
        let text = read(&text_path)?;
        let ann_path = listing.join(&name);
        let ann = String::from_utf8(read(&ann_path)?)
            .map_err(|_| format!("{}: not UTF-8", ann_path.display()))?;
        let xml_path = dir.join("corenlp").join(format!("{article}.txt.xml"));
        let coref = match std::fs::read_to_string(&xml_path) {
            Ok(xml) => Some(corenlp::parse(&xml_path.display().to_string(), &xml)?),
            Err(_) => None,
        };
        score_article(
            &mut figures,
            &text_path.display().to_string(),
            &text,
            &ann_path.display().to_string(),
            &ann,
            coref.as_ref(),
        )?;
    }
    Ok(figures)
}

/// Adds one article's figures.
pub fn score_article(
    figures: &mut Figures,
    name: &str,
    bytes: &[u8],
    ann_name: &str,
    ann: &str,
    coref: Option<&Coref>,
) -> Result<(), String> {
    let article = Article::parse(name, bytes).map_err(|error| format!("{name}: {error}"))?;
    let text = article.text();
    let chars: Vec<char> = text.chars().collect();
    let attributions = brat::parse(ann_name, ann, chars.len())?;
    let proposals = suggest_all(&article);
    let units: Vec<Span> = article
        .units()
        .iter()
        .map(|unit| Span {
            start: article.chars().char_of_byte(text, unit.start),
            end: article.chars().char_of_byte(text, unit.end),
        })
        .collect();
    figures.articles += 1;
    figures.units += units.len();
    let slice = |span: Span| chars[span.start..span.end].iter().collect::<String>();
    // Gold quotes: the quoted words of each content, per unit.
    let mut gold = vec![false; units.len()];
    let mut single = vec![false; units.len()];
    for attribution in &attributions {
        for region in quoted(&chars, &attribution.contents) {
            for (at, unit) in units.iter().enumerate() {
                if unit.overlaps(region) {
                    let inside = Span {
                        start: region.start.max(unit.start),
                        end: region.end.min(unit.end),
                    };
                    if words(&slice(inside)).len() >= 2 {
                        gold[at] = true;
                    } else {
                        single[at] = true;
                    }
                }
            }
        }
    }
    for (at, proposal) in proposals.iter().enumerate() {
        let proposed = proposal.tags.contains(&Tag::Quote);
        match (proposed, gold[at]) {
            (true, true) => figures.quote_right += 1,
            (true, false) => figures.quote_wrong += 1,
            (false, true) => figures.quote_missed += 1,
            (false, false) => {}
        }
        if proposed != gold[at] {
            let what = if proposed {
                "quote wrong"
            } else {
                "quote missed"
            };
            figures.quote_errors.push(format!(
                "{name} {what}: {}",
                slice(units[at]).replace('\n', " ")
            ));
        }
        figures.single_words += usize::from(single[at] && !gold[at]);
    }
    for attribution in &attributions {
        let spans: Vec<Span> = attribution
            .contents
            .iter()
            .chain(&attribution.cues)
            .copied()
            .collect();
        if spans.is_empty() {
            figures.empty += 1;
            continue;
        }
        figures.attributions += 1;
        let covered = units.iter().zip(&proposals).any(|(unit, proposal)| {
            proposal.proposes() && spans.iter().any(|span| span.overlaps(*unit))
        });
        figures.covered += usize::from(covered);
        let direct = attribution.contents.iter().any(|span| {
            (span.start..span.end).any(|at| double_mark_at(&chars, at, span.end).is_some())
        });
        figures.direct += usize::from(direct);
        figures.direct_covered += usize::from(direct && covered);
        if attribution.sources.is_empty() {
            continue;
        }
        figures.sourced += 1;
        let source = attribution
            .sources
            .iter()
            .map(|span| slice(*span))
            .collect::<Vec<_>>()
            .join(" ");
        // The source's coreference chain: its representative, then its other mentions.
        let chain: Vec<String> = coref
            .map(|coref| coref.chain(attribution.sources[0]))
            .unwrap_or_default()
            .into_iter()
            .map(slice)
            .collect();
        let judged = !is_pronoun(&source) || chain.iter().any(|mention| !is_pronoun(mention));
        figures.judged += usize::from(judged);
        let anchor = attribution.cues.first().unwrap_or(&spans[0]).start;
        let Some(at) = units
            .iter()
            .position(|unit| unit.start <= anchor && anchor < unit.end)
        else {
            continue;
        };
        let Some(speaker) = proposals[at]
            .speaker
            .as_deref()
            .filter(|speaker| *speaker != "outlet")
        else {
            let cue = attribution.cues.first().map(|span| slice(*span));
            figures.unnamed.push(format!(
                "{name} {}: cue {cue:?}, source {:?}, proposed {:?} {:?}: {}",
                attribution.id,
                slice(attribution.sources[0]),
                proposals[at].tags,
                proposals[at].speaker,
                slice(units[at]).replace('\n', " ")
            ));
            continue;
        };
        figures.named += 1;
        figures.judged_named += usize::from(judged);
        let resolved = chain.first();
        let right = same_speaker(speaker, &source)
            || chain.iter().any(|mention| same_speaker(speaker, mention));
        if right {
            figures.named_right += 1;
            figures.judged_right += usize::from(judged);
        } else {
            figures.misses.push(format!(
                "{name} {}: proposed {speaker:?}, source {source:?}, resolved {resolved:?}: {}",
                attribution.id,
                slice(units[at]).replace('\n', " ")
            ));
        }
    }
    Ok(())
}

fn is_double_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' | '\u{201E}'
    )
}

/// The quoted regions of an attribution's content (its fragments in order): double marks pair
/// up over the whole content, straight ones by turns, curly ones and guillemets by direction. A
/// closing mark with none open quotes from the content's start, and a mark left open quotes to
/// its end (a quotation the annotator cut at a sentence).
fn quoted(chars: &[char], contents: &[Span]) -> Vec<Span> {
    let mut regions = Vec::new();
    let Some(first) = contents.first() else {
        return regions;
    };
    let mut open: Option<usize> = None;
    let mut any = false;
    let mut last_end = first.end;
    for span in contents {
        last_end = span.end;
        let mut at = span.start;
        while at < span.end {
            let mark = double_mark_at(chars, at, span.end);
            let width = if mark == Some('\'') { 2 } else { 1 };
            let Some(c) = mark else {
                at += 1;
                continue;
            };
            any = true;
            let opens = match c {
                '"' | '\'' => open.is_none(),
                '\u{201C}' | '\u{00AB}' | '\u{201E}' => true,
                _ => false,
            };
            match (opens, open) {
                (true, None) => open = Some(at),
                (true, Some(_)) => {}
                (false, Some(from)) => {
                    regions.push(Span {
                        start: from,
                        end: at + width,
                    });
                    open = None;
                }
                (false, None) => regions.push(Span {
                    start: first.start,
                    end: at + width,
                }),
            }
            at += width;
        }
    }
    if let Some(from) = open.filter(|_| any) {
        regions.push(Span {
            start: from,
            end: last_end,
        });
    }
    regions
}

/// The double quotation mark at `at` (before `end`), if any: one of [`is_double_mark`], or two
/// straight apostrophes (`''`), which some archives write for a straight double mark (given as
/// `'\''`, two characters wide).
fn double_mark_at(chars: &[char], at: usize, end: usize) -> Option<char> {
    let c = chars[at];
    if is_double_mark(c) {
        return Some(c);
    }
    (c == '\'' && at + 1 < end && chars[at + 1] == '\'').then_some('\'')
}

/// Words, lower case, a possessive kept on its word ("trump's") so that an owner is not taken
/// for the speaker.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .map(|word| {
            word.trim_matches(['\'', '\u{2019}'])
                .replace('\u{2019}', "'")
        })
        .filter(|word| !word.is_empty())
        .map(|word| word.to_lowercase())
        .collect()
}

/// Words dropped before two speakers are compared: articles, and honorifics, which say nothing
/// of who someone is ("Mrs. Clinton" is Hillary Rodham Clinton).
const ARTICLES: &[&str] = &["the", "a", "an", "mr", "mrs", "ms", "dr"];

/// Words that stand for someone named elsewhere.
const PRONOUNS: &[&str] = &[
    "he",
    "she",
    "they",
    "him",
    "her",
    "them",
    "his",
    "hers",
    "their",
    "theirs",
    "i",
    "me",
    "my",
    "we",
    "us",
    "our",
    "you",
    "your",
    "it",
    "its",
    "who",
    "whom",
    "whose",
    "which",
    "that",
    "this",
    "these",
    "those",
    "himself",
    "herself",
    "themselves",
    "itself",
    "one",
];

/// Whether every word of `text` is a pronoun: a mention that names nobody by itself.
fn is_pronoun(text: &str) -> bool {
    let words = words(text);
    !words.is_empty() && words.iter().all(|word| PRONOUNS.contains(&word.as_str()))
}

/// Prepositions that put a name inside another's phrase ("supporters of Trump", "farmers in
/// Ohio"); "for" is not one of them ("a spokesman for the council" speaks for it).
const INSIDE: &[&str] = &["of", "in", "at", "from", "with", "to", "by", "on", "about"];

/// Whether a proposed speaker names the source: case aside, the words of one (articles
/// dropped) stand together in the other, not as an owner ("Trump's campaign" is not Trump) nor
/// after a preposition other than "for" ("supporters of Trump"). A surname names the full name, a full name the titled
/// one ("Ted Cruz" and "Sen. Ted Cruz"), a description the source it describes ("Republican
/// nominee" and "the Republican nominee").
pub fn same_speaker(proposed: &str, source: &str) -> bool {
    let strip = |words: Vec<String>| -> Vec<String> {
        words
            .into_iter()
            .filter(|word| !ARTICLES.contains(&word.as_str()))
            .collect()
    };
    let proposed = strip(words(proposed));
    // An apposition or a clause after a comma or in brackets is a part of its own: "Bush,
    // Florida's former governor," is Bush.
    std::iter::once(source)
        .chain(source.split([',', '(', ')']))
        .map(|part| strip(words(part)))
        .any(|source| contains(&source, &proposed) || contains(&proposed, &source))
}

fn contains(long: &[String], short: &[String]) -> bool {
    if short.is_empty() || short.len() > long.len() {
        return false;
    }
    (0..=long.len() - short.len()).any(|at| {
        long[at..at + short.len()] == *short
            && at
                .checked_sub(1)
                .is_none_or(|before| !INSIDE.contains(&long[before].as_str()))
    })
}
