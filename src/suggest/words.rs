//! The suggester's vocabulary: the word lists of `assets/suggest/` (built into the binary) and the
//! closed classes (negations, pronouns, determiners, auxiliaries, months) kept here, read once
//! into one table from a lower-case word to its classes and to the phrases it opens.
//!
//! Looking a word up is a check of its length and first and last letters (which rules out most
//! words of news text), then one slot of a flat table keyed by the word padded to four machine
//! words; a word with other letters is in no list (every list is ASCII), so it costs nothing.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A reporting verb ("said", "told").
pub const REPORT: u32 = 1;
/// A verb of denial ("denied", "rejects").
pub const DENY: u32 = 1 << 1;
/// A verb that a negation before it turns into a non-confirmation ("confirmed").
pub const NON_CONFIRM: u32 = 1 << 2;
/// A negation ("not", "never", "neither", "cannot", "hasn't").
pub const NEGATION: u32 = 1 << 3;
/// A title or role that stands before a name ("Rep.", "spokesman").
pub const TITLE: u32 = 1 << 4;
/// A noun that can name a speaker by itself ("lawmaker", "agency").
pub const ROLE: u32 = 1 << 5;
/// A verb of a named action or order ("ordered", "captured").
pub const ACTION: u32 = 1 << 6;
/// A personal pronoun that can stand for a speaker ("he", "him", "they").
pub const PRONOUN: u32 = 1 << 7;
/// A determiner ("the", "a", "this").
pub const DETERMINER: u32 = 1 << 8;
/// An auxiliary or modal verb, a sign of a clause ("has", "were", "will").
pub const AUXILIARY: u32 = 1 << 9;
/// A word that may stand between a subject and its verb ("also", "further", "later").
pub const ADVERB: u32 = 1 << 10;
/// A month's name, for datelines.
pub const MONTH: u32 = 1 << 11;
/// A capitalised word that opens sentences without being a name ("The", "However").
pub const STARTER: u32 = 1 << 12;

/// A body or document that can speak without a name ("agency", "ministry", "report").
pub const BODY: u32 = 1 << 13;

/// A verb form that shows a clause ("sold", "won").
pub const CLAUSE: u32 = 1 << 14;

/// A number written as a word ("four", "dozens"): a figure.
pub const NUMBER: u32 = 1 << 15;

/// A day or a time of day ("Thursday", "tonight", "earlier"): when something was said, never
/// who said it.
pub const TIME: u32 = 1 << 16;

/// The word "according", which opens an attribution ("according to").
pub const ACCORDING: u32 = 1 << 30;

/// A word that opens a denial phrase or a look-alike of one: a unit with none of them, no verb of
/// denial and no verb of confirmation holds no denial.
pub const OPENS_DENIAL: u32 = 1 << 31;

/// What a phrase of several words (or a word on a phrase list) says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseKind {
    /// A denial or refusal ("declined to comment").
    Denial,
    /// A look-alike of a denial, which cancels denial cues inside it.
    NotDenial,
    /// A section label at the start of a unit ("related article").
    Label,
    /// A pointer back at the sentence before ("this information").
    BackReference,
}

/// A phrase: its words as table ids, and what it says.
#[derive(Debug)]
pub struct Phrase {
    /// The ids of its words, in order.
    pub words: Box<[u16]>,
    /// What it says.
    pub kind: PhraseKind,
}

/// One word of the table.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// Its id, for phrase matching.
    pub id: u16,
    /// Its classes, `REPORT | ...`.
    pub flags: u32,
}

impl Entry {
    /// The entry of a word in no list.
    pub fn none() -> Entry {
        Entry {
            id: UNKNOWN,
            flags: 0,
        }
    }
}

/// The longest word the quick check of [`Lexicon::get`] tells apart by length.
const CHECKED: usize = 40;

/// The table of every listed word.
#[derive(Debug)]
pub struct Lexicon {
    /// Every listed word, as the lists are read (and for a word longer than [`PADDED`]).
    words: HashMap<&'static [u8], Entry, BuildHasherDefault<WordHasher>>,
    /// For each word id, the phrases it opens.
    starts: Vec<Vec<Phrase>>,
    /// For each length and first byte (modulo 64), the last bytes (modulo 64, as bits) of the
    /// listed words of that length and first byte: a word whose three are not among them is in
    /// no list, known without copying or hashing it (most words of news text are in no list).
    pairs: Box<[u64]>,
    /// Open addressing from a word's [`Key::slot`] to its id ([`UNKNOWN`] for a free slot), filled
    /// once every list is read; a power of two long, at most a quarter full.
    slots: Box<[u16]>,
    /// Each id's word and entry, for the table of slots.
    by_id: Vec<(Key, Entry)>,
    /// The words of at most eight bytes by [`short_key`], in open addressing with their entries
    /// in place (a key of 0 is a free slot): a word of news text is most often that short, and
    /// found or ruled out in one or two reads.
    short: Box<[(u64, Entry)]>,
}

/// The key of a word of at most eight bytes in [`Lexicon::short`]: its bytes, little-endian.
pub fn short_key(word: &[u8]) -> Option<u64> {
    let mut bytes = [0u8; 8];
    bytes.get_mut(..word.len())?.copy_from_slice(word);
    Some(u64::from_le_bytes(bytes))
}

/// The slot of a short key in a table of `1 << bits`.
fn short_slot(key: u64, bits: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

/// The bit of a byte in [`Lexicon::pairs`].
fn bit(byte: u8) -> u64 {
    1 << (byte & 63)
}

/// Where a word's bits of last bytes are in [`Lexicon::pairs`].
fn pair(length: usize, first: u8) -> usize {
    length.min(CHECKED) * 64 + usize::from(first & 63)
}

/// The longest word the table of slots holds, in bytes; a longer listed word is found in the
/// map alone.
pub const PADDED: usize = 32;

/// A lower-case word of at most [`PADDED`] bytes, zero-padded, read as four machine words:
/// compared in four steps, without a call to compare bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Key([u64; 4]);

impl Key {
    /// The key of `word` padded in `buffer`: `word` is `buffer`'s first bytes, the rest zero.
    pub fn of(buffer: &[u8; PADDED]) -> Key {
        let mut words = [0u64; 4];
        for (word, chunk) in words.iter_mut().zip(buffer.chunks_exact(8)) {
            let mut bytes = [0u8; 8];
            bytes.copy_from_slice(chunk);
            *word = u64::from_le_bytes(bytes);
        }
        Key(words)
    }

    /// The key of `word`, if it is short enough to have one.
    fn from_word(word: &[u8]) -> Option<Key> {
        let mut buffer = [0u8; PADDED];
        buffer.get_mut(..word.len())?.copy_from_slice(word);
        Some(Key::of(&buffer))
    }

    /// Its slot in a table of `1 << bits`: the words folded by multiply and xor, the top bits
    /// of the product by the golden ratio.
    fn slot(&self, bits: u32) -> usize {
        let [a, b, c, d] = self.0;
        let hash = a.wrapping_mul(0x0100_0000_01b3)
            ^ b.rotate_left(17).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ (c ^ d.rotate_left(31));
        (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
    }
}

/// An id no listed word has.
pub const UNKNOWN: u16 = u16::MAX;

const REPORTING_VERBS: &str = include_str!("../../assets/suggest/reporting_verbs.txt");
const DENIAL_PHRASES: &str = include_str!("../../assets/suggest/denial_phrases.txt");
const NON_CONFIRMATION_VERBS: &str =
    include_str!("../../assets/suggest/non_confirmation_verbs.txt");
const NON_DENIAL_PHRASES: &str = include_str!("../../assets/suggest/non_denial_phrases.txt");
const TITLES: &str = include_str!("../../assets/suggest/titles.txt");
const ROLES: &str = include_str!("../../assets/suggest/roles.txt");
const BODIES: &str = include_str!("../../assets/suggest/bodies.txt");
const CLAUSE_VERBS: &str = include_str!("../../assets/suggest/clause_verbs.txt");
const ACTION_VERBS: &str = include_str!("../../assets/suggest/action_verbs.txt");
const LABELS: &str = include_str!("../../assets/suggest/labels.txt");
const BACK_REFERENCES: &str = include_str!("../../assets/suggest/back_references.txt");

/// Closed classes: small, fixed sets of grammar words, kept here rather than in data files.
const NEGATIONS: &str = "not never no neither nor cannot can't won't yet without";
const PRONOUNS: &str = "he she they him her them";
const DETERMINERS: &str = "the a an this that these those its their his any every each";
const AUXILIARIES: &str = "is are was were be been being has have had will would can could \
     may might must should shall do does did is's";
const ADVERBS: &str = "also further later then previously reportedly separately earlier \
     recently had has have was were is are would will again once first now often long still \
     already just even ever always sometimes usually soon however too";
/// "One" is left out: it is far more often a pronoun ("one of the soldiers") than a count.
const NUMBERS: &str = "two three four five six seven eight nine ten eleven twelve thirteen \
     fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty \
     seventy eighty ninety hundred thousand million billion dozen dozens hundreds thousands \
     millions billions half quarter";
const MONTHS: &str = "january february march april may june july august september october \
     november december jan feb mar apr jun jul aug sep sept oct nov dec";
const TIMES: &str = "monday tuesday wednesday thursday friday saturday sunday today yesterday \
     tomorrow tonight morning afternoon evening night week weekend earlier later minutes hours \
     days weeks months years decades";
const STARTERS: &str = "the this that these those it its however but and meanwhile while \
     in on at over after before during since despite although though as for of a an there here \
     what when where who why how if some many most one two three several other others both \
     either so even ever still moreover whenever to none more all maybe beyond yet thus then also \
     instead perhaps having being which whom whose you similarly additionally finally ultimately \
     separately consequently accordingly notably importantly interestingly unfortunately \
     fortunately surprisingly ironically likewise nonetheless nevertheless otherwise indeed";

/// A hasher for short words: eight bytes at a time, multiplied and rotated (the scheme of
/// rustc's FxHasher). Lists are fixed and written here, so no input can be chosen to collide, and
/// a general-purpose hasher would cost more than the rest of a word's lookup.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher(u64);

impl WordHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The table, built on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::build)
}

/// The lines of a list that hold a word or phrase.
fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut lexicon = Lexicon {
            words: HashMap::default(),
            starts: Vec::new(),
            pairs: vec![0; (CHECKED + 1) * 64].into_boxed_slice(),
            slots: Box::default(),
            by_id: Vec::new(),
            short: Box::default(),
        };
        for (list, flag) in [
            (REPORTING_VERBS, REPORT),
            (NON_CONFIRMATION_VERBS, NON_CONFIRM),
            (TITLES, TITLE),
            (ROLES, ROLE),
            (BODIES, ROLE | BODY),
            (CLAUSE_VERBS, CLAUSE),
            (ACTION_VERBS, ACTION),
        ] {
            for word in entries(list) {
                lexicon.add(word, flag);
            }
        }
        for (list, flag) in [
            (NEGATIONS, NEGATION),
            (PRONOUNS, PRONOUN),
            (DETERMINERS, DETERMINER),
            (AUXILIARIES, AUXILIARY),
            (ADVERBS, ADVERB),
            (MONTHS, MONTH),
            (NUMBERS, NUMBER),
            (TIMES, TIME),
            (STARTERS, STARTER),
        ] {
            for word in list.split_whitespace() {
                lexicon.add(word, flag);
            }
        }
        lexicon.add("according", ACCORDING);
        for (list, kind) in [
            (DENIAL_PHRASES, PhraseKind::Denial),
            (NON_DENIAL_PHRASES, PhraseKind::NotDenial),
            (LABELS, PhraseKind::Label),
            (BACK_REFERENCES, PhraseKind::BackReference),
        ] {
            for line in entries(list) {
                let words: Vec<&'static str> = line.split_whitespace().collect();
                if words.len() == 1 && kind == PhraseKind::Denial {
                    lexicon.add(line, DENY);
                    continue;
                }
                let ids: Box<[u16]> = words.iter().map(|word| lexicon.add(word, 0)).collect();
                if matches!(kind, PhraseKind::Denial | PhraseKind::NotDenial) {
                    lexicon.add(words[0], OPENS_DENIAL);
                }
                let first = usize::from(ids[0]);
                lexicon.starts[first].push(Phrase { words: ids, kind });
            }
        }
        lexicon.index();
        lexicon
    }

    /// Adds `flag` to `word`, giving it an id if it is new; returns the id.
    fn add(&mut self, word: &'static str, flag: u32) -> u16 {
        let next = u16::try_from(self.starts.len()).unwrap_or(UNKNOWN);
        let entry = self
            .words
            .entry(word.as_bytes())
            .or_insert(Entry { id: next, flags: 0 });
        entry.flags |= flag;
        let id = entry.id;
        let bytes = word.as_bytes();
        if let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) {
            let length = bytes.len().min(CHECKED);
            self.pairs[pair(length, first)] |= bit(last);
        }
        if usize::from(id) == self.starts.len() {
            self.starts.push(Vec::new());
        }
        id
    }

    /// The entry of a lower-case word, or an empty one.
    pub fn get(&self, lower: impl AsRef<[u8]>) -> Entry {
        let lower = lower.as_ref();
        if let (Some(&first), Some(&last)) = (lower.first(), lower.last())
            && !self.may_hold(lower.len(), first, last)
        {
            return Entry::none();
        }
        match Key::from_word(lower) {
            Some(key) => self.find(key),
            // Longer than any word a unit's tokens look up.
            None => self.words.get(lower).copied().unwrap_or_else(Entry::none),
        }
    }

    /// The entry of the word of `key` (see [`Key::of`]), or an empty one.
    pub fn find(&self, key: Key) -> Entry {
        let mask = self.slots.len().wrapping_sub(1);
        let mut slot = key.slot(self.slots.len().trailing_zeros()) & mask;
        while let Some(&id) = self.slots.get(slot) {
            match self.by_id.get(usize::from(id)) {
                Some(&(word, entry)) if word == key => return entry,
                Some(_) => slot = (slot + 1) & mask,
                None => break,
            }
        }
        Entry::none()
    }

    /// Fills [`Lexicon::slots`] and [`Lexicon::by_id`] from the lists read.
    fn index(&mut self) {
        let size = (self.words.len() * 4).next_power_of_two().max(16);
        let mut slots = vec![UNKNOWN; size].into_boxed_slice();
        let mut by_id = vec![(Key::default(), Entry::none()); self.words.len()];
        for (&word, &entry) in &self.words {
            let Some(key) = Key::from_word(word) else {
                continue;
            };
            if let Some(place) = by_id.get_mut(usize::from(entry.id)) {
                *place = (key, entry);
            }
            let mut slot = key.slot(size.trailing_zeros());
            while slots[slot] != UNKNOWN {
                slot = (slot + 1) & (size - 1);
            }
            slots[slot] = entry.id;
        }
        self.slots = slots;
        self.by_id = by_id;
        let mut short = vec![(0, Entry::none()); size].into_boxed_slice();
        for (&word, &entry) in &self.words {
            let Some(key) = short_key(word).filter(|&key| key != 0) else {
                continue;
            };
            let mut slot = short_slot(key, size.trailing_zeros());
            while short[slot].0 != 0 {
                slot = (slot + 1) & (size - 1);
            }
            short[slot] = (key, entry);
        }
        self.short = short;
    }

    /// The entry of the lower-case word of at most eight bytes whose [`short_key`] is `key`, or
    /// an empty one.
    pub fn find_short(&self, key: u64) -> Entry {
        let mask = self.short.len().wrapping_sub(1);
        let mut slot = short_slot(key, self.short.len().trailing_zeros()) & mask;
        while let Some(&(listed, entry)) = self.short.get(slot) {
            if listed == key {
                return entry;
            }
            if listed == 0 {
                break;
            }
            slot = (slot + 1) & mask;
        }
        Entry::none()
    }

    /// Whether a lower-case word of `length` bytes from `first` to `last` may be listed: when
    /// not, [`Lexicon::get`] finds nothing, known before the word is copied or hashed.
    pub fn may_hold(&self, length: usize, first: u8, last: u8) -> bool {
        self.pairs
            .get(pair(length, first))
            .is_some_and(|lasts| lasts & bit(last) != 0)
    }

    /// The phrases that word `id` opens.
    pub fn phrases(&self, id: u16) -> &[Phrase] {
        self.starts.get(usize::from(id)).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_read() {
        let lexicon = lexicon();
        assert_ne!(lexicon.get("said").flags & REPORT, 0);
        assert_ne!(lexicon.get("denied").flags & DENY, 0);
        assert_ne!(lexicon.get("acknowledged").flags & NON_CONFIRM, 0);
        assert_ne!(lexicon.get("rep").flags & TITLE, 0);
        assert_ne!(lexicon.get("lawmaker").flags & ROLE, 0);
        assert_ne!(lexicon.get("ordered").flags & ACTION, 0);
        assert_ne!(lexicon.get("neither").flags & NEGATION, 0);
        let declined = lexicon.get("declined");
        assert!(
            lexicon
                .phrases(declined.id)
                .iter()
                .any(|phrase| phrase.kind == PhraseKind::Denial)
        );
        assert_eq!(lexicon.get("zelensky").id, UNKNOWN);
    }

    #[test]
    fn every_word_is_found_by_its_slot_and_no_other() {
        let lexicon = lexicon();
        for (word, entry) in &lexicon.words {
            let found = lexicon.get(word);
            assert_eq!((found.id, found.flags), (entry.id, entry.flags));
            // Off by a letter at either end, or one letter longer: in no list, unless listed.
            let mut longer = word.to_vec();
            longer.push(b'q');
            let mut changed = word.to_vec();
            changed[0] = b'#';
            for other in [longer, changed] {
                let expected = lexicon.words.get(&other[..]).map_or(UNKNOWN, |e| e.id);
                assert_eq!(lexicon.get(&other).id, expected);
            }
        }
        for (word, entry) in &lexicon.words {
            if let Some(key) = short_key(word) {
                let found = lexicon.find_short(key);
                assert_eq!((found.id, found.flags), (entry.id, entry.flags));
                let mut changed = word.to_vec();
                changed[0] = b'#';
                let expected = lexicon.words.get(&changed[..]).map_or(UNKNOWN, |e| e.id);
                let other = short_key(&changed).map(|key| lexicon.find_short(key).id);
                assert_eq!(other, Some(expected));
            }
        }
        assert_eq!(lexicon.get("").id, UNKNOWN);
        assert_ne!(lexicon.get("according").flags & ACCORDING, 0);
        assert_ne!(lexicon.get("declined").flags & OPENS_DENIAL, 0);
        // "this information" points back; it opens no denial.
        assert_eq!(lexicon.get("this").flags & OPENS_DENIAL, 0);
    }
}
