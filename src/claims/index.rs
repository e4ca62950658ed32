//! The similarity of units, found through an inverted index: every unit a TF-IDF vector of its
//! terms, and the candidates of a unit only the units of other articles that share one of its
//! terms rarer than [`COMMON`]. No pair of units is compared unless they share such a term, so
//! the work grows with the postings of rare terms, not with the square of the units.

use std::collections::HashMap;

use super::numbers::Quantity;
use super::terms::terms;

/// A term in more units than this is too common to propose candidates (its weight is low
/// anyway); the similarity of two units that share rarer terms still counts it.
pub const COMMON: usize = 48;

/// The most candidates one unit is compared with on average: [`COMMON`] bounds each rare term's
/// postings, and a unit holds few rare terms.
pub const CANDIDATES: usize = 64;

/// Two units of different articles and how alike they are (cosine of their TF-IDF vectors).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    /// The lower unit index.
    pub a: usize,
    /// The higher unit index.
    pub b: usize,
    /// Cosine similarity, 0 to 1.
    pub score: f32,
    /// Whether they share words, not only figures: a word in at most [`COMMON`] units (a
    /// quantity's word such as "injured" counts), and a content word (of any frequency) that is
    /// not a quantity's word. Two units that share only a figure and what it counts, or only
    /// words found all over the library and a rare figure, may be about different events.
    pub words: bool,
}

/// The vectors of the units, their articles, and the index over them.
pub struct Index {
    /// Per unit: (term id, weight), sorted by term id, unit length.
    vectors: Vec<Vec<(u32, f32)>>,
    /// Per term id: the units holding it.
    postings: Vec<Vec<u32>>,
    /// Per unit: its article.
    articles: Vec<usize>,
    /// Per term id: whether it is a figure (`#300`).
    figure: Vec<bool>,
    /// Per term id: whether it is a content word (not a figure, not a quantity's word).
    content: Vec<bool>,
}

impl Index {
    /// Indexes `texts`, the unit texts, each with its article.
    pub fn new<'a>(units: impl IntoIterator<Item = (usize, &'a str)>) -> Index {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut raw: Vec<Vec<(u32, f32)>> = Vec::new();
        let mut articles = Vec::new();
        for (article, text) in units {
            let mut counts: HashMap<u32, f32> = HashMap::new();
            for term in terms(text) {
                let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
                let id = *ids.entry(term.text).or_insert(next);
                *counts.entry(id).or_default() += term.weight;
            }
            let mut vector: Vec<(u32, f32)> = counts.into_iter().collect();
            vector.sort_unstable_by_key(|(id, _)| *id);
            raw.push(vector);
            articles.push(article);
        }
        let (mut figure, mut content) = (vec![false; ids.len()], vec![false; ids.len()]);
        for (text, id) in &ids {
            figure[*id as usize] = text.starts_with('#');
            content[*id as usize] = !text.starts_with('#') && Quantity::of_word(text).is_none();
        }
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); ids.len()];
        for (unit, vector) in raw.iter().enumerate() {
            for (id, _) in vector {
                postings[*id as usize].push(u32::try_from(unit).unwrap_or(u32::MAX));
            }
        }
        let n = raw.len() as f32;
        let vectors = raw
            .into_iter()
            .map(|vector| {
                let mut weighted: Vec<(u32, f32)> = vector
                    .into_iter()
                    .map(|(id, tf)| {
                        let df = postings[id as usize].len() as f32;
                        (id, (1.0 + tf.ln()) * (1.0 + n / df).ln())
                    })
                    .collect();
                let norm = weighted.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
                if norm > 0.0 {
                    weighted.iter_mut().for_each(|(_, w)| *w /= norm);
                }
                weighted
            })
            .collect();
        Index {
            vectors,
            postings,
            articles,
            figure,
            content,
        }
    }

    /// How many units are indexed.
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.vectors.len()
    }

    /// The article of unit `unit`.
    pub fn article(&self, unit: usize) -> usize {
        self.articles[unit]
    }

    /// Every pair of units of different articles that share a rare term and score at least
    /// `floor`, in index order.
    #[cfg(test)]
    pub fn pairs(&self, floor: f32) -> Vec<Pair> {
        self.pairs_counted(floor).0
    }

    /// Like [`Index::pairs`], with the number of candidate pairs compared.
    pub fn pairs_counted(&self, floor: f32) -> (Vec<Pair>, usize) {
        let mut compared = 0;
        let mut found = Vec::new();
        let mut seen: Vec<u32> = vec![u32::MAX; self.len()];
        for (a, vector) in self.vectors.iter().enumerate() {
            let tag = u32::try_from(a).unwrap_or(u32::MAX);
            let mut candidates = Vec::new();
            for (id, _) in vector {
                let posting = &self.postings[*id as usize];
                if posting.len() > COMMON {
                    continue;
                }
                for &b in posting {
                    let b = b as usize;
                    if b > a && seen[b] != tag && self.articles[b] != self.articles[a] {
                        seen[b] = tag;
                        candidates.push(b);
                    }
                }
            }
            candidates.sort_unstable();
            compared += candidates.len();
            for b in candidates {
                let (score, words) = self.compare(a, b);
                if score >= floor {
                    found.push(Pair { a, b, score, words });
                }
            }
        }
        (found, compared)
    }

    /// The cosine similarity of two units, and whether they share words ([`Pair::words`]).
    fn compare(&self, a: usize, b: usize) -> (f32, bool) {
        let (x, y) = (&self.vectors[a], &self.vectors[b]);
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        let (mut rare_word, mut content) = (false, false);
        while i < x.len() && j < y.len() {
            match x[i].0.cmp(&y[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += x[i].1 * y[j].1;
                    let id = x[i].0 as usize;
                    rare_word |= !self.figure[id] && self.postings[id].len() <= COMMON;
                    content |= self.content[id];
                    i += 1;
                    j += 1;
                }
            }
        }
        (sum, rare_word && content)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_of_one_article_are_never_paired_and_alike_units_score_high() {
        let index = Index::new([
            (0, "Around 300 soldiers were killed in Kursk"),
            (0, "About 300 soldiers died in Kursk"),
            (1, "Some 300 troops were killed in Kursk"),
            (2, "The weather in Paris was mild"),
        ]);
        let pairs = index.pairs(0.3);
        let got: Vec<(usize, usize)> = pairs.iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(got, [(0, 2), (1, 2)]);
        assert!(pairs[0].score > 0.9, "{pairs:?}");
    }
}
