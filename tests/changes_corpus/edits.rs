//! The edits of the corpus, made on any article: each takes the article as a list of pieces
//! (the text between units, and the units) and changes it as a newsroom would, saying for each
//! tagged unit where a person would put its tag afterwards.

use std::collections::BTreeMap;

use sidenote::article::{Article, UnitKind};

/// Where a person would put the tag of an old unit after the edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// The sentence did not change: on it, found exactly.
    Exact,
    /// The sentence was edited: on what it became (the piece that carries its unit).
    Edited,
    /// The sentence is gone: nowhere, the tag kept as an orphan.
    Orphan,
    /// The sentence was merged into the one of this old unit: on the merged sentence, or kept
    /// as an orphan for the person to re-attach (two tags cannot share one unit).
    MergedInto(usize),
}

/// A run of text: between units (`unit: None`) or the text that carries old unit `unit`.
#[derive(Debug, Clone)]
pub struct Seg {
    pub text: String,
    pub unit: Option<usize>,
}

/// An article being edited.
#[derive(Debug, Clone)]
pub struct Doc {
    pub segs: Vec<Seg>,
    pub wants: BTreeMap<usize, Want>,
    /// The paragraph of each old unit.
    pub paragraph: Vec<usize>,
}

/// Whether a unit is worth tagging in the corpus: a sentence of four words or more.
pub fn taggable(article: &Article, unit: usize) -> bool {
    article.units()[unit].kind == UnitKind::Sentence
        && article
            .unit_text(unit)
            .is_some_and(|text| text.split_whitespace().count() >= 4)
}

impl Doc {
    pub fn new(article: &Article) -> Doc {
        let text = article.text();
        let mut segs = Vec::new();
        let mut at = 0;
        let mut wants = BTreeMap::new();
        for (index, unit) in article.units().iter().enumerate() {
            segs.push(Seg {
                text: text[at..unit.start].to_owned(),
                unit: None,
            });
            segs.push(Seg {
                text: text[unit.range()].to_owned(),
                unit: Some(index),
            });
            at = unit.end;
            if taggable(article, index) {
                wants.insert(index, Want::Exact);
            }
        }
        segs.push(Seg {
            text: text[at..].to_owned(),
            unit: None,
        });
        let paragraph = article.units().iter().map(|u| u.paragraph).collect();
        Doc {
            segs,
            wants,
            paragraph,
        }
    }

    pub fn text(&self) -> String {
        self.segs.iter().map(|seg| seg.text.as_str()).collect()
    }

    /// The byte range in [`Doc::text`] of the piece carrying old unit `unit`.
    pub fn range_of(&self, unit: usize) -> Option<std::ops::Range<usize>> {
        let mut at = 0;
        for seg in &self.segs {
            if seg.unit == Some(unit) {
                return Some(at..at + seg.text.len());
            }
            at += seg.text.len();
        }
        None
    }

    fn seg_of(&self, unit: usize) -> usize {
        self.segs
            .iter()
            .position(|seg| seg.unit == Some(unit))
            .expect("the unit is in the text")
    }

    fn tagged(&self) -> Vec<usize> {
        self.wants.keys().copied().collect()
    }

    /// The tagged units that satisfy `pick`, in order.
    fn tagged_where(&self, pick: impl Fn(&str) -> bool) -> Vec<usize> {
        self.tagged()
            .into_iter()
            .filter(|&unit| pick(&self.segs[self.seg_of(unit)].text))
            .collect()
    }

    /// Replaces the text of old unit `unit`, marking it edited.
    fn rewrite(&mut self, unit: usize, text: String) {
        let at = self.seg_of(unit);
        self.segs[at].text = text;
        self.wants.insert(unit, Want::Edited);
    }

    /// Removes old unit `unit` and the text between it and the unit before it.
    fn delete(&mut self, unit: usize) {
        let at = self.seg_of(unit);
        // The space before it goes with it, unless it opens a paragraph: then the space after.
        let opens = self.segs[at - 1].text.contains('\n');
        let inside = self
            .segs
            .get(at + 1)
            .is_some_and(|gap| !gap.text.contains('\n') && at + 2 < self.segs.len());
        if opens && inside {
            self.segs.drain(at..=at + 1);
        } else {
            self.segs.drain(at - 1..=at);
        }
        if self.wants.contains_key(&unit) {
            self.wants.insert(unit, Want::Orphan);
        }
    }

    /// The old units of paragraph `paragraph`.
    fn units_of(&self, paragraph: usize) -> Vec<usize> {
        (0..self.paragraph.len())
            .filter(|&unit| self.paragraph[unit] == paragraph)
            .collect()
    }

    /// Paragraphs (numbered as in the old text) holding tagged units, in order.
    fn tagged_paragraphs(&self) -> Vec<usize> {
        let mut out: Vec<usize> = self.tagged().iter().map(|&u| self.paragraph[u]).collect();
        out.dedup();
        out
    }

    /// The segs from the first unit of `paragraph` to its last, inclusive.
    fn span_of(&self, paragraph: usize) -> std::ops::Range<usize> {
        let units = self.units_of(paragraph);
        let first = self.seg_of(units[0]);
        let last = self.seg_of(*units.last().expect("a paragraph has units"));
        first..last + 1
    }

    /// The text between the last unit of `paragraph` and the next, as the file separates them.
    fn separator_after(&self, paragraph: usize) -> String {
        let span = self.span_of(paragraph);
        self.segs[span.end].text.clone()
    }
}

/// One edit: its name and what it does to a document; `None` when the article offers nothing
/// to make it on (no figure to change, no quotation).
pub type Edit = (&'static str, fn(&mut Doc) -> Option<()>);

/// Every edit of the corpus.
pub const EDITS: [Edit; 14] = [
    ("figure changed", figure_changed),
    ("word changed", word_changed),
    ("spelling changed", spelling_changed),
    ("quoted word changed", quoted_word_changed),
    ("sentence deleted", sentence_deleted),
    ("sentence split", sentence_split),
    ("sentences merged", sentences_merged),
    ("paragraph inserted", paragraph_inserted),
    ("paragraphs swapped", paragraphs_swapped),
    ("paragraph removed", paragraph_removed),
    ("pull quote", pull_quote),
    ("pull quote just before", pull_quote_before),
    ("several at once", several_at_once),
    ("whole article rewritten", rewritten),
];

fn figure_changed(doc: &mut Doc) -> Option<()> {
    let unit = *doc
        .tagged_where(|text| text.chars().any(|c| c.is_ascii_digit()))
        .first()?;
    let text = doc.segs[doc.seg_of(unit)].text.clone();
    let at = text.find(|c: char| c.is_ascii_digit())?;
    let digit = text[at..].chars().next()?;
    let other = if digit == '9' {
        '1'
    } else {
        (digit as u8 + 1) as char
    };
    let changed = format!("{}{other}{}", &text[..at], &text[at + 1..]);
    doc.rewrite(unit, changed);
    Some(())
}

/// Words a desk swaps for one another.
const SYNONYMS: [(&str, &str); 8] = [
    ("killed", "slain"),
    ("said", "stated"),
    ("soldiers", "troops"),
    ("troops", "soldiers"),
    ("injured", "wounded"),
    ("wounded", "injured"),
    ("claimed", "asserted"),
    ("revealed", "disclosed"),
];

fn word_changed(doc: &mut Doc) -> Option<()> {
    let tagged = doc.tagged();
    // Not the first tagged sentence, which the figure edit takes.
    for &unit in tagged.iter().skip(1) {
        let text = doc.segs[doc.seg_of(unit)].text.clone();
        for (from, to) in SYNONYMS {
            if let Some(at) = text.find(&format!(" {from} ")) {
                let changed = format!("{} {to} {}", &text[..at], &text[at + from.len() + 2..]);
                doc.rewrite(unit, changed);
                return Some(());
            }
        }
    }
    let unit = *tagged.get(1)?;
    let text = doc.segs[doc.seg_of(unit)].text.clone();
    let at = text.find(' ')?;
    doc.rewrite(unit, format!("{} reportedly{}", &text[..at], &text[at..]));
    Some(())
}

fn spelling_changed(doc: &mut Doc) -> Option<()> {
    let tagged = doc.tagged();
    let unit = tagged[tagged.len() / 2];
    let text = doc.segs[doc.seg_of(unit)].text.clone();
    // A long word loses a letter: the desk fixes (or makes) a misspelling.
    let word = text
        .split(|c: char| !c.is_alphabetic())
        .find(|word| word.chars().count() >= 7)?;
    let at = text.find(word)?;
    let cut = word.char_indices().nth(3)?.0;
    let next = word[cut..].chars().next()?.len_utf8();
    let changed = format!(
        "{}{}{}{}",
        &text[..at],
        &word[..cut],
        &word[cut + next..],
        &text[at + word.len()..]
    );
    doc.rewrite(unit, changed);
    Some(())
}

fn quoted_word_changed(doc: &mut Doc) -> Option<()> {
    let unit = *doc
        .tagged_where(|text| text.contains('“') && text.contains('”'))
        .first()?;
    let text = doc.segs[doc.seg_of(unit)].text.clone();
    let open = text.find('“')? + '“'.len_utf8();
    let close = open + text[open..].find('”')?;
    let quote = &text[open..close];
    let word = quote.split_whitespace().find(|w| w.len() >= 4)?;
    let at = open + quote.find(word)?;
    let changed = format!("{}much {}", &text[..at], &text[at..]);
    doc.rewrite(unit, changed);
    Some(())
}

fn sentence_deleted(doc: &mut Doc) -> Option<()> {
    let tagged = doc.tagged();
    // Not the first unit of the file: the text before a unit goes with it.
    let unit = *tagged
        .iter()
        .find(|&&u| u > 0 && u * 3 >= doc.paragraph.len())?;
    doc.delete(unit);
    Some(())
}

fn sentence_split(doc: &mut Doc) -> Option<()> {
    let unit = *doc
        .tagged_where(|text| text.split_whitespace().count() >= 16 && text.contains(", "))
        .first()?;
    let text = doc.segs[doc.seg_of(unit)].text.clone();
    // The comma nearest the middle becomes a full stop.
    let middle = text.len() / 2;
    let at = text
        .match_indices(", ")
        .map(|(at, _)| at)
        .min_by_key(|&at| at.abs_diff(middle))?;
    let rest = &text[at + 2..];
    let mut chars = rest.chars();
    let first = chars.next()?.to_uppercase().collect::<String>();
    doc.rewrite(unit, format!("{}. {first}{}", &text[..at], chars.as_str()));
    Some(())
}

fn sentences_merged(doc: &mut Doc) -> Option<()> {
    let tagged = doc.tagged();
    let (first, second) = tagged
        .windows(2)
        .map(|pair| (pair[0], pair[1]))
        .find(|&(a, b)| b == a + 1 && doc.paragraph[a] == doc.paragraph[b])?;
    let a = doc.segs[doc.seg_of(first)].text.clone();
    let b = doc.segs[doc.seg_of(second)].text.clone();
    let a = a.trim_end_matches(['.', '!', '?']);
    let mut chars = b.chars();
    let lower = chars.next()?.to_lowercase().collect::<String>();
    doc.rewrite(first, format!("{a}, and {lower}{}", chars.as_str()));
    doc.delete(second);
    doc.wants.insert(second, Want::MergedInto(first));
    Some(())
}

fn paragraph_inserted(doc: &mut Doc) -> Option<()> {
    let paragraphs = doc.tagged_paragraphs();
    let before = paragraphs[paragraphs.len() / 2];
    let previous = *paragraphs.iter().rev().find(|&&p| p < before)?;
    let separator = doc.separator_after(previous);
    let at = doc.span_of(before).start;
    doc.segs.insert(
        at,
        Seg {
            text: format!(
                "An update was added here by the editors. It gives the reaction of the ministry in full.{separator}"
            ),
            unit: None,
        },
    );
    Some(())
}

fn paragraphs_swapped(doc: &mut Doc) -> Option<()> {
    let paragraphs = doc.tagged_paragraphs();
    let first = paragraphs[paragraphs.len() / 2];
    let second = *paragraphs.iter().find(|&&p| p > first)?;
    let (a, b) = (doc.span_of(first), doc.span_of(second));
    if a.end + 1 != b.start {
        return None;
    }
    let b_segs: Vec<Seg> = doc.segs[b.clone()].to_vec();
    let gap = doc.segs[a.end].clone();
    let a_segs: Vec<Seg> = doc.segs[a.clone()].to_vec();
    let mut swapped = b_segs;
    swapped.push(gap);
    swapped.extend(a_segs);
    doc.segs.splice(a.start..b.end, swapped);
    Some(())
}

fn paragraph_removed(doc: &mut Doc) -> Option<()> {
    let paragraphs = doc.tagged_paragraphs();
    let gone = paragraphs[paragraphs.len() * 2 / 3];
    let span = doc.span_of(gone);
    for unit in doc.units_of(gone) {
        if doc.wants.contains_key(&unit) {
            doc.wants.insert(unit, Want::Orphan);
        }
    }
    // With the text between it and the paragraph before.
    doc.segs.drain(span.start - 1..span.end);
    Some(())
}

fn pull_quote(doc: &mut Doc) -> Option<()> {
    let paragraphs = doc.tagged_paragraphs();
    let quoted = *doc.tagged().last()?;
    let after = *paragraphs.first()?;
    if doc.paragraph[quoted] == after {
        return None;
    }
    let text = doc.segs[doc.seg_of(quoted)].text.clone();
    let separator = doc.separator_after(after);
    let at = doc.span_of(after).end + 1;
    // The same sentence again, as its own paragraph: a copy nobody tagged.
    doc.segs.insert(
        at,
        Seg {
            text: format!("{text}{separator}"),
            unit: None,
        },
    );
    Some(())
}

fn pull_quote_before(doc: &mut Doc) -> Option<()> {
    let quoted = *doc.tagged().last()?;
    let paragraph = doc.paragraph[quoted];
    let previous = *doc
        .tagged_paragraphs()
        .iter()
        .rev()
        .find(|&&p| p < paragraph)?;
    let text = doc.segs[doc.seg_of(quoted)].text.clone();
    let separator = doc.separator_after(previous);
    let at = doc.span_of(paragraph).start;
    // The copy stands right before the paragraph of the sentence it repeats.
    doc.segs.insert(
        at,
        Seg {
            text: format!("{text}{separator}"),
            unit: None,
        },
    );
    Some(())
}

fn several_at_once(doc: &mut Doc) -> Option<()> {
    figure_changed(doc)?;
    paragraph_inserted(doc)?;
    sentence_deleted(doc)
}

fn rewritten(doc: &mut Doc) -> Option<()> {
    let units: Vec<usize> = doc.segs.iter().filter_map(|seg| seg.unit).collect();
    for (n, unit) in units.into_iter().enumerate() {
        let at = doc.seg_of(unit);
        doc.segs[at].text = format!(
            "Line {n} of a story written afresh by another desk, about {} other things.",
            n * 7 + 3
        );
        if doc.wants.contains_key(&unit) {
            doc.wants.insert(unit, Want::Orphan);
        }
    }
    Some(())
}
