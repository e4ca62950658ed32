//! Speakers on the reading screen: the speakers already used in the library, kept sorted for the
//! speaker prompt's completion, and the prompt itself (`S`): a line prefilled with the speaker of
//! the annotation under the cursor, where Tab cycles through the known speakers that start with
//! what was typed.
//!
//! The known speakers grow as sidecars are read (the library's loading, an article opened,
//! another writer's sidecar) and as speakers are set; they are never read again from disk. A
//! completion costs a binary search and the matches it steps through, whatever the library's
//! size.

use crate::annotation::Annotation;

/// The speakers used in the library, without repeats, in order of their case-folded names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Speakers {
    /// (case-folded name, name), sorted.
    sorted: Vec<(String, String)>,
}

impl Speakers {
    /// Adds `name`, unless it is empty or known already.
    pub fn add(&mut self, name: &str) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        let key = (fold(name), name.to_owned());
        if let Err(at) = self.sorted.binary_search(&key) {
            self.sorted.insert(at, key);
        }
    }

    /// Adds the speakers of `annotations`.
    pub fn add_all<'a>(&mut self, annotations: impl IntoIterator<Item = &'a Annotation>) {
        for annotation in annotations {
            self.add(&annotation.speaker);
        }
    }

    /// How many are known.
    pub fn len(&self) -> usize {
        self.sorted.len()
    }

    /// Whether none is known.
    pub fn is_empty(&self) -> bool {
        self.sorted.is_empty()
    }

    /// The known speakers whose names start with `prefix`, ignoring case, in order.
    pub fn starting_with(&self, prefix: &str) -> impl ExactSizeIterator<Item = &str> + '_ {
        let prefix = fold(prefix);
        let first = self
            .sorted
            .partition_point(|(key, _)| key.as_str() < prefix.as_str());
        let count =
            self.sorted[first..].partition_point(|(key, _)| key.starts_with(prefix.as_str()));
        self.sorted[first..first + count]
            .iter()
            .map(|(_, name)| name.as_str())
    }
}

/// `name` as completion compares it: lower case.
fn fold(name: &str) -> String {
    name.to_lowercase()
}

/// The speaker prompt: the line being typed and the annotation it is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerPrompt {
    /// The speaker typed so far.
    pub input: String,
    /// The annotation's id, which finds it again if the set changed meanwhile.
    pub id: String,
    /// Its position when the prompt opened.
    pub index: usize,
    /// While Tab cycles: what was typed before the first Tab, and the position of the completion
    /// shown among the speakers that start with it.
    pub completing: Option<(String, usize)>,
}

impl SpeakerPrompt {
    /// A prompt for the annotation `id` at `index`, prefilled with its speaker.
    pub fn new(id: &str, index: usize, speaker: &str) -> SpeakerPrompt {
        SpeakerPrompt {
            input: speaker.to_owned(),
            id: id.to_owned(),
            index,
            completing: None,
        }
    }

    /// Tab (or Shift-Tab, `back`): the next (previous) known speaker that starts with what was
    /// typed, round and round; nothing changes when none does.
    pub fn complete(&mut self, known: &Speakers, back: bool) {
        let typed = match &self.completing {
            Some((typed, _)) => typed.clone(),
            None => self.input.clone(),
        };
        let matches = known.starting_with(&typed);
        let count = matches.len();
        if count == 0 {
            return;
        }
        let next = match self.completing {
            Some((_, at)) if back => (at + count - 1) % count,
            Some((_, at)) => (at + 1) % count,
            None if back => count - 1,
            None => 0,
        };
        if let Some(name) = known.starting_with(&typed).nth(next) {
            self.input = name.to_owned();
        }
        self.completing = Some((typed, next));
    }

    /// Any other edit ends the cycling: the next Tab completes what the line then holds.
    pub fn typed(&mut self) {
        self.completing = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(names: &[&str]) -> Speakers {
        let mut speakers = Speakers::default();
        for name in names {
            speakers.add(name);
        }
        speakers
    }

    #[test]
    fn names_are_kept_once_in_case_blind_order() {
        let speakers = known(&[
            "NIS",
            "Dmitry Peskov",
            "",
            "  ",
            "nis",
            "NIS",
            "Lee Seong-kweun",
        ]);
        let all: Vec<&str> = speakers.starting_with("").collect();
        assert_eq!(all, ["Dmitry Peskov", "Lee Seong-kweun", "NIS", "nis"]);
        assert_eq!(speakers.len(), 4);
    }

    #[test]
    fn the_prefix_matches_without_regard_to_case() {
        let speakers = known(&["Dmitry Peskov", "Defence ministry", "dpa", "NIS", "outlet"]);
        let matches: Vec<&str> = speakers.starting_with("d").collect();
        assert_eq!(matches, ["Defence ministry", "Dmitry Peskov", "dpa"]);
        let matches: Vec<&str> = speakers.starting_with("DM").collect();
        assert_eq!(matches, ["Dmitry Peskov"]);
        assert_eq!(speakers.starting_with("z").len(), 0);
    }

    #[test]
    fn tab_cycles_through_the_matches_and_back() {
        let speakers = known(&["Dmitry Peskov", "Defence ministry", "NIS"]);
        let mut prompt = SpeakerPrompt::new("a", 0, "d");
        prompt.complete(&speakers, false);
        assert_eq!(prompt.input, "Defence ministry");
        prompt.complete(&speakers, false);
        assert_eq!(prompt.input, "Dmitry Peskov");
        prompt.complete(&speakers, false);
        assert_eq!(prompt.input, "Defence ministry", "round again");
        prompt.complete(&speakers, true);
        assert_eq!(prompt.input, "Dmitry Peskov", "Shift-Tab goes back");
        prompt.typed();
        prompt.input.push('!');
        prompt.complete(&speakers, false);
        assert_eq!(prompt.input, "Dmitry Peskov!", "nothing starts with it");
    }
}
