//! The content terms of a unit, the vocabulary grouping compares: stop words and reporting verbs
//! dropped, words folded to a stem (with a small table of news synonyms: "wounded" and "injured",
//! "troops" and "soldiers"), names (capitalised words inside a sentence) weighted up, and every
//! figure a term of its own ("#300") so that shared figures count.

use super::numbers::figures;
use super::words::{Kind, tokens};

/// A term and how much it weighs before rarity is taken into account.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// The stem, or `#` and a figure.
    pub text: String,
    /// 1 for a word, more for a name or a figure.
    pub weight: f32,
}

/// Weight of a name (a capitalised word that does not open the text).
const NAME: f32 = 1.5;
/// Weight of a figure.
const FIGURE: f32 = 2.0;

/// The terms of `text`, repeats included (term frequency counts them).
pub fn terms(text: &str) -> Vec<Term> {
    let mut out = Vec::new();
    for (i, token) in tokens(text).iter().enumerate() {
        if token.kind != Kind::Word {
            continue;
        }
        let Some(stem) = stem(&token.lower) else {
            continue;
        };
        let name = i > 0 && token.text.chars().next().is_some_and(char::is_uppercase);
        out.push(Term {
            text: stem,
            weight: if name { NAME } else { 1.0 },
        });
    }
    for figure in figures(text) {
        out.push(Term {
            text: format!("#{}", figure.amount),
            weight: FIGURE,
        });
    }
    out
}

/// Words that say nothing about the proposition.
const STOP: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "added",
    "adding",
    "after",
    "again",
    "against",
    "all",
    "almost",
    "along",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "either",
    "even",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "it's",
    "just",
    "least",
    "less",
    "many",
    "may",
    "might",
    "more",
    "most",
    "much",
    "must",
    "near",
    "nearly",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "out",
    "over",
    "own",
    "per",
    "quite",
    "rather",
    "reportedly",
    "reported",
    "reports",
    "report",
    "said",
    "say",
    "says",
    "saying",
    "several",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "suggested",
    "suggesting",
    "than",
    "that",
    "the",
    "their",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "to",
    "told",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "would",
    "yet",
    "you",
    "your",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "weekend",
    "earlier",
    "recent",
    "recently",
    "approximately",
    "roughly",
    "estimated",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "hundred",
    "thousand",
    "million",
    "billion",
    "like",
    "well",
    "being",
    "made",
    "make",
    "new",
    "said",
    "just",
    "around",
];

/// Words news reports use for the same thing, folded to one stem.
const SYNONYMS: &[(&str, &str)] = &[
    ("wounded", "injur"),
    ("wounds", "injur"),
    ("injured", "injur"),
    ("injuries", "injur"),
    ("injury", "injur"),
    ("killed", "kill"),
    ("killing", "kill"),
    ("dead", "kill"),
    ("deaths", "kill"),
    ("death", "kill"),
    ("died", "kill"),
    ("deceased", "kill"),
    ("fatalities", "kill"),
    ("troops", "soldier"),
    ("troop", "soldier"),
    ("soldiers", "soldier"),
    ("combatants", "soldier"),
    ("fighters", "soldier"),
    ("personnel", "soldier"),
    ("casualty", "casualt"),
    ("casualties", "casualt"),
    ("swap", "exchang"),
    ("exchange", "exchang"),
    ("exchanges", "exchang"),
    ("captives", "captur"),
    ("captive", "captur"),
    ("captivity", "captur"),
    ("prisoner", "captur"),
    ("prisoners", "captur"),
    ("pows", "captur"),
    ("captured", "captur"),
    ("capture", "captur"),
    ("suicide", "suicid"),
    ("self-detonate", "suicid"),
    ("self-explode", "suicid"),
    ("deployment", "deploy"),
    ("deployments", "deploy"),
    ("deployed", "deploy"),
    ("dispatched", "deploy"),
    ("sent", "deploy"),
    ("sending", "deploy"),
    ("korean", "korea"),
    ("koreans", "korea"),
    ("korea's", "korea"),
    ("n.k", "korea"),
    ("spy", "intellig"),
    ("intelligence", "intellig"),
    ("nis", "intellig"),
    ("legislator", "lawmak"),
    ("lawmakers", "lawmak"),
    ("lawmaker", "lawmak"),
    ("mp", "lawmak"),
    ("arrested", "arrest"),
    ("detained", "arrest"),
    ("detention", "arrest"),
];

/// The longest stem kept: "zelensky" and "zelenskyy" meet at "zelensk".
const STEM_CHARS: usize = 7;

/// The stem of a lower-case word, or `None` for a stop word.
pub(super) fn stem(word: &str) -> Option<String> {
    let word = word.strip_suffix("'s").unwrap_or(word);
    if word.chars().count() < 2 || STOP.contains(&word) {
        return None;
    }
    if let Some((_, stem)) = SYNONYMS.iter().find(|(w, _)| *w == word) {
        return Some((*stem).to_owned());
    }
    let mut base = word;
    for suffix in ["ies", "ing", "ed", "es", "s"] {
        if let Some(rest) = base.strip_suffix(suffix).filter(|r| r.chars().count() >= 4) {
            base = rest;
            break;
        }
    }
    Some(base.chars().take(STEM_CHARS).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        terms(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn stop_words_go_and_synonyms_meet() {
        assert_eq!(
            texts("Around 300 troops were killed and 2,700 wounded"),
            ["soldier", "kill", "injur", "#300", "#2,700"]
        );
        assert_eq!(
            texts("about 300 soldiers dead, some 2700 injured"),
            ["soldier", "kill", "injur", "#300", "#2,700"]
        );
    }

    #[test]
    fn names_weigh_more_and_spellings_meet() {
        let found = terms("President Zelenskyy met Zelensky");
        let got: Vec<(&str, f32)> = found.iter().map(|t| (t.text.as_str(), t.weight)).collect();
        assert_eq!(
            got,
            [
                ("preside", 1.0),
                ("zelensk", NAME),
                ("met", 1.0),
                ("zelensk", NAME)
            ]
        );
    }
}
