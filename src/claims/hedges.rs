//! Hedges: the words before a figure that say how sure or how bounded it is ("around 300",
//! "at least 300", "as many as 300"). Two reports of the same figure with different hedges are
//! not a conflict, but the difference is worth showing.

/// How a hedge bounds the figure it stands before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// No hedge: the figure as it is.
    Exact,
    /// Roughly the figure: "around", "about", "some", "approximately".
    About,
    /// The figure or more: "at least", "over", "more than".
    AtLeast,
    /// The figure or less: "as many as", "up to", "almost", "nearly".
    AtMost,
}

/// A hedge as written, with what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Hedge {
    /// The words, lower case ("at least"); empty for [`Bound::Exact`].
    pub words: &'static str,
    /// What they mean.
    pub bound: Bound,
}

impl Hedge {
    /// No hedge.
    pub const NONE: Hedge = Hedge {
        words: "",
        bound: Bound::Exact,
    };
}

/// The hedges known, longest first so "just over" wins over "over".
const HEDGES: [(&str, Bound); 27] = [
    ("as many as", Bound::AtMost),
    ("as much as", Bound::AtMost),
    ("at least", Bound::AtLeast),
    ("more than", Bound::AtLeast),
    ("upwards of", Bound::AtLeast),
    ("well over", Bound::AtLeast),
    ("just over", Bound::AtLeast),
    ("in excess of", Bound::AtLeast),
    ("fewer than", Bound::AtMost),
    ("less than", Bound::AtMost),
    ("up to", Bound::AtMost),
    ("an estimated", Bound::About),
    ("some", Bound::About),
    ("around", Bound::About),
    ("about", Bound::About),
    ("approximately", Bound::About),
    ("roughly", Bound::About),
    ("nearly", Bound::AtMost),
    ("almost", Bound::AtMost),
    ("under", Bound::AtMost),
    ("over", Bound::AtLeast),
    ("exceeding", Bound::AtLeast),
    ("exceeded", Bound::AtLeast),
    ("surpassed", Bound::AtLeast),
    ("surpassing", Bound::AtLeast),
    ("topped", Bound::AtLeast),
    ("estimated", Bound::About),
];

/// The hedge that `before` (the lower-case words just before a figure, nearest last) ends with.
pub fn hedge_before(before: &[&str]) -> Hedge {
    for (words, bound) in HEDGES {
        let wanted: Vec<&str> = words.split(' ').collect();
        if before.len() >= wanted.len() && before[before.len() - wanted.len()..] == wanted[..] {
            return Hedge { words, bound };
        }
    }
    Hedge::NONE
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("killed", "", Bound::Exact)]
    #[case("around", "around", Bound::About)]
    #[case("were about", "about", Bound::About)]
    #[case("with some", "some", Bound::About)]
    #[case("as many as", "as many as", Bound::AtMost)]
    #[case("at least", "at least", Bound::AtLeast)]
    #[case("just over", "just over", Bound::AtLeast)]
    #[case("could be over", "over", Bound::AtLeast)]
    #[case("sent more than", "more than", Bound::AtLeast)]
    #[case("almost", "almost", Bound::AtMost)]
    #[case("nearly", "nearly", Bound::AtMost)]
    #[case("up to", "up to", Bound::AtMost)]
    #[case("have surpassed", "surpassed", Bound::AtLeast)]
    fn hedges_are_read_from_the_words_before(
        #[case] before: &str,
        #[case] words: &str,
        #[case] bound: Bound,
    ) {
        let before: Vec<&str> = before.split(' ').collect();
        let found = hedge_before(&before);
        assert_eq!((found.words, found.bound), (words, bound));
    }
}
