//! Whether a "he" or a "she" can mean a name: the given names of `assets/suggest/` borne mostly
//! by men or by women. A name whose given name is in neither list (a surname alone, a name
//! borne by both, a body) agrees with both pronouns.

use std::collections::HashMap;
use std::sync::OnceLock;

const MEN: &str = include_str!("../../assets/suggest/given_names_men.txt");
const WOMEN: &str = include_str!("../../assets/suggest/given_names_women.txt");

/// Whom a pronoun or a given name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// "He", "him", "his", "Tom".
    Man,
    /// "She", "her", "Ana".
    Woman,
}

fn given_names() -> &'static HashMap<&'static str, Gender> {
    static NAMES: OnceLock<HashMap<&'static str, Gender>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = HashMap::new();
        for (list, gender) in [(MEN, Gender::Man), (WOMEN, Gender::Woman)] {
            for line in list.lines().map(str::trim) {
                if !line.is_empty() && !line.starts_with('#') {
                    names.insert(line, gender);
                }
            }
        }
        names
    })
}

/// The gender of a singular pronoun, `None` for any other word.
pub fn of_pronoun(word: &str) -> Option<Gender> {
    const MAN: [&str; 3] = ["he", "him", "his"];
    const WOMAN: [&str; 2] = ["she", "her"];
    if MAN.iter().any(|pronoun| pronoun.eq_ignore_ascii_case(word)) {
        Some(Gender::Man)
    } else if WOMAN
        .iter()
        .any(|pronoun| pronoun.eq_ignore_ascii_case(word))
    {
        Some(Gender::Woman)
    } else {
        None
    }
}

/// The gender of a person's name by its given name, the first of two words or more: `None` for
/// one word ("Clinton"), or a given name in neither list.
pub fn of_name(name: &str) -> Option<Gender> {
    let (first, _) = name.split_once(' ')?;
    if first.len() > 16 || !first.is_ascii() {
        return None;
    }
    let mut lower = [0u8; 16];
    let lower = &mut lower[..first.len()];
    lower.copy_from_slice(first.as_bytes());
    lower.make_ascii_lowercase();
    let lower = std::str::from_utf8(lower).ok()?;
    given_names().get(lower).copied()
}

/// Whether a pronoun of `pronoun`'s gender can mean the person named `name`: never the writer
/// ("I", "we"), whom a "he" or "she" does not mean.
pub fn agree(pronoun: Option<Gender>, name: &str) -> bool {
    if pronoun.is_some() && ["i", "we"].iter().any(|own| own.eq_ignore_ascii_case(name)) {
        return false;
    }
    match (pronoun, of_name(name)) {
        (Some(pronoun), Some(named)) => pronoun == named,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_tell_a_gender_and_surnames_do_not() {
        assert_eq!(of_name("Donald Trump"), Some(Gender::Man));
        assert_eq!(of_name("hillary Rodham Clinton"), Some(Gender::Woman));
        assert_eq!(of_name("Clinton"), None);
        assert_eq!(of_name("Chris Christie"), None);
        assert_eq!(of_name("Zoë Ruiz"), None);
        assert_eq!(of_name("National Intelligence Service"), None);
    }

    #[test]
    fn a_pronoun_agrees_with_a_name_of_its_gender_or_of_none() {
        assert!(agree(of_pronoun("He"), "Tom Reyes"));
        assert!(!agree(of_pronoun("she"), "Tom Reyes"));
        assert!(!agree(of_pronoun("he"), "Ana Gil"));
        assert!(agree(of_pronoun("she"), "Reyes"));
        assert!(agree(of_pronoun("they"), "Ana Gil"));
        assert!(!agree(of_pronoun("he"), "I"));
        assert!(!agree(of_pronoun("she"), "We"));
    }

    #[test]
    fn no_given_name_is_in_both_lists() {
        let men: Vec<&str> = MEN.lines().filter(|line| !line.starts_with('#')).collect();
        for line in WOMEN.lines().filter(|line| !line.starts_with('#')) {
            assert!(!men.contains(&line), "{line} is in both lists");
        }
    }
}
