//! Which annotation an edit of some units changes, and the refusal of a selection whose edit
//! would change units or tags the person did not choose.
//!
//! The rule: a tag or note applies to the annotation over exactly the units given (a single unit
//! inside a longer annotation, as the cursor gives it, means that annotation). A selection that
//! touches other annotations joins them only when that gives no unit a tag it did not have or
//! was not given: when each of them has just the tag pressed (extending a claim with more
//! claims), or, for a note, no tag at all. Anything else is refused with a [`Spread`] that names
//! the annotation in the way, and nothing changes.

use std::fmt;

use super::AnnotationSet;
use crate::annotation::Tag;

/// What an edit does to the units it is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Toggles a tag: adds it, or removes it where it is.
    Toggle(Tag),
    /// Adds a tag.
    Add(Tag),
    /// Sets the note.
    Note,
}

/// Why an edit of a selection was refused: the annotation it would have joined or cut into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spread {
    /// The units of the annotation in the way.
    pub units: (usize, usize),
    /// Its tags.
    pub tags: Vec<Tag>,
    /// What the refused edit was.
    pub edit: Edit,
}

impl Spread {
    /// The annotation in the way, as people read it: "units 14-15 are one annotation (claim)".
    pub fn in_the_way(&self) -> String {
        let (first, last) = self.units;
        let names: Vec<&str> = self.tags.iter().map(|tag| tag.name()).collect();
        let what = if names.is_empty() {
            "a note".to_owned()
        } else {
            names.join(" and ")
        };
        format!("units {first}-{last} are one annotation ({what})")
    }
}

impl fmt::Display for Spread {
    /// The annotation in the way and what to select instead, for the reading screen.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.in_the_way())?;
        match self.edit {
            Edit::Toggle(tag) if self.tags == [tag] => write!(
                f,
                "select exactly those units to take the {tag} off, so it stays on the units you did not select"
            ),
            Edit::Toggle(_) | Edit::Add(_) => write!(
                f,
                "select exactly those units to tag them, or leave them out, so no unit gets a tag it was not given"
            ),
            Edit::Note => write!(
                f,
                "select exactly those units to write its note, or leave them out, so its tags do not spread"
            ),
        }
    }
}

impl std::error::Error for Spread {}

/// The annotation an edit changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Target {
    /// The annotation at this position.
    At(usize),
    /// A new annotation over these units, absorbing the annotations at these positions (in
    /// order; none may spread a tag).
    New((usize, usize), Vec<usize>),
}

impl AnnotationSet {
    /// Whether `edit` on units `first..=last` is allowed: `Err` names the annotation it would
    /// spread tags from or into (see the module's rule). Units that do not exist are not checked
    /// here; the edit itself reports them.
    pub fn check(&self, units: (usize, usize), edit: Edit) -> Result<(), Spread> {
        self.target(units, edit).map(|_| ())
    }

    /// The annotation `edit` on units `first..=last` changes, the units it will cover, and the
    /// note it starts from (those of the annotations a new one absorbs, one after the other).
    pub fn note_for(&self, units: (usize, usize)) -> Result<((usize, usize), String), Spread> {
        Ok(match self.target(units, Edit::Note)? {
            Target::At(index) => {
                let placed = self.store.placement(index).units;
                (
                    placed.unwrap_or(units),
                    self.store.annotation(index).note.clone(),
                )
            }
            Target::New(units, absorbed) => (units, self.joined_notes(&absorbed)),
        })
    }

    /// The notes of the annotations at `indexes`, one after the other.
    pub(super) fn joined_notes(&self, indexes: &[usize]) -> String {
        let mut note = String::new();
        for &i in indexes {
            let old = &self.store.annotation(i).note;
            if !old.is_empty() {
                if !note.is_empty() {
                    note.push('\n');
                }
                note.push_str(old);
            }
        }
        note
    }

    /// The different speakers of the annotations at `indexes`, in order, joined by ` / `.
    pub(super) fn joined_speakers(&self, indexes: &[usize]) -> String {
        let mut speakers: Vec<&str> = Vec::new();
        for &i in indexes {
            let old = self.store.annotation(i).speaker.as_str();
            if !old.is_empty() && !speakers.contains(&old) {
                speakers.push(old);
            }
        }
        speakers.join(" / ")
    }

    /// What `edit` on units `first..=last` changes, or why it is refused.
    pub(super) fn target(&self, units: (usize, usize), edit: Edit) -> Result<Target, Spread> {
        let (first, last) = (units.0.min(units.1), units.0.max(units.1));
        if let Some(index) = self.index_at_unit(first) {
            let units = self.store.placement(index).units;
            if units == Some((first, last)) || (first == last && units.is_some()) {
                return Ok(Target::At(index));
            }
        }
        let (mut grown_first, mut grown_last) = (first, last);
        let mut touched = self.overlapping((first, last));
        loop {
            for &i in &touched {
                if let Some((a, b)) = self.store.placement(i).units {
                    grown_first = grown_first.min(a);
                    grown_last = grown_last.max(b);
                }
            }
            let grown = self.overlapping((grown_first, grown_last));
            if grown.len() == touched.len() {
                break;
            }
            touched = grown;
        }
        let mut covered = vec![false; last - first + 1];
        for &i in &touched {
            let tags = &self.store.annotation(i).tags;
            let Some((a, b)) = self.store.placement(i).units else {
                continue;
            };
            let spreads = match edit {
                Edit::Note => !tags.is_empty(),
                Edit::Toggle(tag) | Edit::Add(tag) => {
                    let inside = first <= a && b <= last;
                    !(tags == &[tag] || (tags.is_empty() && inside))
                }
            };
            let refused = Spread {
                units: (a, b),
                tags: tags.clone(),
                edit,
            };
            if spreads {
                return Err(refused);
            }
            if !tags.is_empty() {
                for unit in a.max(first)..=b.min(last) {
                    covered[unit - first] = true;
                }
            }
        }
        // Every selected unit has the tag already: taking it off would take it off the units of
        // those annotations outside the selection too.
        if let (Edit::Toggle(_), Some(&i)) = (edit, touched.first())
            && covered.iter().all(|&c| c)
        {
            let annotation = self.store.annotation(i);
            return Err(Spread {
                units: self.store.placement(i).units.unwrap_or((first, last)),
                tags: annotation.tags.clone(),
                edit,
            });
        }
        Ok(Target::New((grown_first, grown_last), touched))
    }

    /// The positions of the placed annotations that cover any of units `first..=last`, in order.
    pub(super) fn overlapping(&self, (first, last): (usize, usize)) -> Vec<usize> {
        let placements = self.store.placements();
        let placed = placements.partition_point(|p| p.units.is_some());
        let mut index = placements[..placed]
            .partition_point(|p| p.units.is_some_and(|(start, _)| start <= last));
        let mut found = Vec::new();
        // Those starting after `last` cannot touch the range; walking back, those before the
        // first whose reach falls short of `first` cannot either.
        while index > 0 && self.store.reach(index - 1) >= first {
            index -= 1;
            if placements[index].units.is_some_and(|(_, end)| first <= end) {
                found.push(index);
            }
        }
        found.reverse();
        found
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{Row, article, ranges, stamp};
    use super::*;
    use Tag::{Claim, Denial, Quote};
    use pretty_assertions::assert_eq;

    /// A set of annotations over `made` (units, tags, note), each with its own id.
    fn made(made: &[Made]) -> AnnotationSet {
        let article = article();
        let mut set = AnnotationSet::new(&article, Vec::new());
        for (n, (units, tags, note)) in made.iter().enumerate() {
            let id = format!("a{n}");
            for &tag in tags {
                assert!(set.add_tag(&article, *units, tag, &stamp(&id)));
            }
            if !note.is_empty() {
                assert!(set.set_note(&article, *units, note, &stamp(&id)));
            }
        }
        set.take_change();
        set
    }

    /// Units, tags and note of an annotation to start from.
    type Made = ((usize, usize), Vec<Tag>, &'static str);

    fn row(units: (usize, usize), tags: &[Tag], id: &str) -> Row {
        (Some(units), tags.to_vec(), id.to_owned())
    }

    #[rstest::rstest]
    #[case::a_claim_grows_by_more_claim(
        vec![((1, 2), vec![Claim], "")], (0, 1), Claim,
        Some(vec![row((0, 2), &[Claim], "a0")]),
    )]
    #[case::a_selection_over_part_of_a_claim_is_no_denial(
        vec![((1, 2), vec![Claim], "")], (0, 1), Denial, None,
    )]
    #[case::a_selection_over_all_of_a_claim_and_more_is_no_denial(
        vec![((1, 2), vec![Claim], "")], (0, 2), Denial, None,
    )]
    #[case::a_selection_inside_a_quote_is_no_claim(
        vec![((0, 3), vec![Quote], "")], (1, 2), Claim, None,
    )]
    #[case::a_claim_is_not_taken_off_outside_the_selection(
        vec![((0, 1), vec![Claim], ""), ((2, 3), vec![Claim], "")], (1, 2), Claim, None,
    )]
    #[case::a_note_inside_the_selection_joins_it(
        vec![((1, 1), vec![], "why")], (0, 2), Quote,
        Some(vec![row((0, 2), &[Quote], "a0")]),
    )]
    #[case::a_note_reaching_outside_the_selection_would_tag_it(
        vec![((1, 2), vec![], "why")], (0, 1), Quote, None,
    )]
    #[case::exactly_an_annotation_toggles_its_tag(
        vec![((1, 2), vec![Claim, Quote], "")], (1, 2), Claim,
        Some(vec![row((1, 2), &[Quote], "a0")]),
    )]
    fn a_selection_never_spreads_a_tag(
        #[case] start: Vec<Made>,
        #[case] selection: (usize, usize),
        #[case] tag: Tag,
        #[case] expected: Option<Vec<Row>>,
    ) {
        let article = article();
        let mut set = made(&start);
        let before = ranges(&set);
        let refused = set.check(selection, Edit::Toggle(tag)).err();
        let done = set.toggle_tag(&article, selection, tag, &stamp("new"));
        assert_eq!(done, refused.is_none());
        match expected {
            Some(rows) => assert_eq!(ranges(&set), rows),
            None => {
                assert_eq!(ranges(&set), before, "a refused edit changes nothing");
                assert!(set.take_change().is_empty());
            }
        }
    }

    #[test]
    fn the_refusal_names_the_annotation_in_the_way() {
        let set = made(&[((1, 2), vec![Claim], "")]);
        let refused = set.check((0, 1), Edit::Toggle(Denial)).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "units 1-2 are one annotation (claim): select exactly those units to tag them, or leave them out, so no unit gets a tag it was not given"
        );
    }

    #[test]
    fn a_note_on_a_selection_starts_from_the_notes_it_joins() {
        let set = made(&[((1, 1), vec![], "first"), ((2, 3), vec![], "second")]);
        assert_eq!(
            set.note_for((0, 2)),
            Ok(((0, 3), "first\nsecond".to_owned()))
        );
        let set = made(&[((2, 3), vec![Claim], "why")]);
        assert_eq!(set.note_for((2, 3)), Ok(((2, 3), "why".to_owned())));
        assert_eq!(set.note_for((3, 3)), Ok(((2, 3), "why".to_owned())));
        assert!(set.note_for((1, 2)).is_err(), "the claim would spread to 1");
    }
}
