//! Where each annotation sits now, in the offsets an export asks for.
//!
//! The one place that turns a placement into positions, so every format agrees: a placed
//! annotation (anchored, moved, fuzzy) is located by its current units in the current text; an
//! orphaned one keeps its stored anchor (exact text, old offsets) and says so in its status.

use std::ops::Range;

use super::Offsets;
use crate::annotation::{Annotation, AnnotationSet, Placement, Status};
use crate::article::Article;

/// Code points of context on each side of a quote, as the sidecar's anchors keep.
const CONTEXT: usize = 32;

/// One annotation as every export sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row<'a> {
    /// The annotation as the sidecar holds it.
    pub annotation: &'a Annotation,
    /// How it was found in the current text.
    pub status: Status,
    /// First unit it covers (the stored hint when orphaned).
    pub first_unit: usize,
    /// Last unit it covers (the stored hint when orphaned).
    pub last_unit: usize,
    /// Start offset in the chosen unit; `None` when it cannot be known (an orphan in UTF-16,
    /// whose old text is gone).
    pub start: Option<usize>,
    /// End offset, exclusive, like `start`.
    pub end: Option<usize>,
    /// Byte range in the current text; `None` when orphaned.
    pub bytes: Option<Range<usize>>,
    /// The annotated text: the current text at `bytes`, or the stored exact text of an orphan.
    pub text: &'a str,
    /// Up to 32 code points before `text`.
    pub prefix: &'a str,
    /// Up to 32 code points after `text`.
    pub suffix: &'a str,
}

impl Row<'_> {
    /// The status's name: anchored, moved, fuzzy or orphaned.
    pub fn status_name(&self) -> &'static str {
        match self.status {
            Status::Anchored => "anchored",
            Status::Moved => "moved",
            Status::Fuzzy(_) => "fuzzy",
            Status::Orphaned => "orphaned",
        }
    }

    /// The similarity score of a fuzzy match, in 0..=1.
    pub fn score(&self) -> Option<f32> {
        match self.status {
            Status::Fuzzy(score) => Some(score),
            _ => None,
        }
    }
}

/// The rows of `set` in document order, orphans last.
pub fn rows<'a>(article: &'a Article, set: &'a AnnotationSet, offsets: Offsets) -> Vec<Row<'a>> {
    let mut cursor = Utf16Cursor::default();
    set.iter()
        .map(|(annotation, placement)| row(article, annotation, placement, offsets, &mut cursor))
        .collect()
}

/// The row of one annotation; `cursor` carries UTF-16 counting from one row to the next.
fn row<'a>(
    article: &'a Article,
    annotation: &'a Annotation,
    placement: &Placement,
    offsets: Offsets,
    cursor: &mut Utf16Cursor,
) -> Row<'a> {
    let text = article.text();
    let units = article.units();
    let placed = placement.units.and_then(|(first, last)| {
        let (from, to) = (units.get(first)?, units.get(last)?);
        let bytes = from.start..to.end;
        text.get(bytes.clone())?;
        Some((first, last, bytes))
    });
    match placed {
        Some((first, last, bytes)) => {
            let (start, end) = match offsets {
                Offsets::CodePoints => {
                    let chars = article.chars();
                    (
                        chars.char_of_byte(text, bytes.start),
                        chars.char_of_byte(text, bytes.end),
                    )
                }
                Offsets::Utf16 => (cursor.at(text, bytes.start), cursor.at(text, bytes.end)),
            };
            let (prefix, suffix) = context(text, &bytes);
            Row {
                annotation,
                status: placement.status,
                first_unit: first,
                last_unit: last,
                start: Some(start),
                end: Some(end),
                text: &text[bytes.clone()],
                prefix,
                suffix,
                bytes: Some(bytes),
            }
        }
        None => {
            let anchor = &annotation.anchor;
            let known = offsets == Offsets::CodePoints;
            Row {
                annotation,
                status: Status::Orphaned,
                first_unit: anchor.first_unit,
                last_unit: anchor.last_unit,
                start: known.then_some(anchor.start),
                end: known.then_some(anchor.end),
                bytes: None,
                text: &anchor.exact,
                prefix: &anchor.prefix,
                suffix: &anchor.suffix,
            }
        }
    }
}

/// Up to [`CONTEXT`] code points of `text` on each side of `bytes`.
fn context<'a>(text: &'a str, bytes: &Range<usize>) -> (&'a str, &'a str) {
    let before = &text[..bytes.start];
    let from = before
        .char_indices()
        .rev()
        .nth(CONTEXT - 1)
        .map_or(0, |(at, _)| at);
    let after = &text[bytes.end..];
    let to = after
        .char_indices()
        .nth(CONTEXT)
        .map_or(after.len(), |(at, _)| at);
    (&before[from..], &after[..to])
}

/// Counts UTF-16 code units up to byte offsets that mostly increase, so converting every row of
/// an article walks its text about once rather than once per row.
#[derive(Debug, Default)]
struct Utf16Cursor {
    byte: usize,
    units: usize,
}

impl Utf16Cursor {
    /// The UTF-16 offset of byte offset `byte` (a char boundary) of `text`.
    fn at(&mut self, text: &str, byte: usize) -> usize {
        if byte < self.byte {
            *self = Utf16Cursor::default();
        }
        let step = text.get(self.byte..byte).unwrap_or_default();
        self.units += step.encode_utf16().count();
        self.byte = byte;
        self.units
    }
}

/// Rows in states the anchoring code does not produce on demand, for the formats' unit tests.
#[cfg(test)]
pub mod sample {
    use super::*;

    /// An annotation on unit 1 of `article`, tagged claim and quote, with a two-line note.
    pub fn annotation(article: &Article) -> Annotation {
        let when = time::macros::datetime!(2025-01-02 03:04:05 UTC);
        let tags = vec![crate::annotation::Tag::Claim, crate::annotation::Tag::Quote];
        let anchor = crate::annotation::anchor_for(article, 1, 1).expect("unit 1 exists");
        Annotation {
            note: "two\nlines".into(),
            author: "me".into(),
            ..Annotation::new("0190a1b2-c3d4-7e5f-8a9b-000000000009", tags, anchor, when)
        }
    }

    /// The row of `annotation` placed on unit 1 with `status` (orphaned: not placed).
    pub fn row<'a>(article: &'a Article, annotation: &'a Annotation, status: Status) -> Row<'a> {
        let placement = Placement {
            status,
            units: (status != Status::Orphaned).then_some((1, 1)),
        };
        super::row(
            article,
            annotation,
            &placement,
            Offsets::CodePoints,
            &mut Utf16Cursor::default(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{Anchor, anchor_for};
    use crate::article::Article;
    use rstest::rstest;

    fn annotation(anchor: Anchor) -> Annotation {
        let when = time::macros::datetime!(2025-01-02 03:04:05 UTC);
        Annotation {
            author: "me".into(),
            ..Annotation::new("a", vec![], anchor, when)
        }
    }

    const TEXT: &str = "Hé said 😀 this. Then 𝄞 that one. Last.";

    #[rstest]
    #[case(Offsets::CodePoints, 1, 16, 32)]
    #[case(Offsets::Utf16, 1, 17, 34)]
    fn placed_rows_count_in_the_chosen_unit(
        #[case] offsets: Offsets,
        #[case] unit: usize,
        #[case] start: usize,
        #[case] end: usize,
    ) {
        let article = Article::parse("a.txt", TEXT.as_bytes()).unwrap();
        let anchor = anchor_for(&article, unit, unit).unwrap();
        let a = annotation(anchor);
        let placement = Placement {
            status: Status::Fuzzy(0.75),
            units: Some((unit, unit)),
        };
        let row = row(
            &article,
            &a,
            &placement,
            offsets,
            &mut Utf16Cursor::default(),
        );
        assert_eq!((row.start, row.end), (Some(start), Some(end)));
        assert_eq!(row.text, "Then 𝄞 that one.");
        assert_eq!((row.status_name(), row.score()), ("fuzzy", Some(0.75)));
        let units: Vec<u16> = TEXT.encode_utf16().collect();
        let chars: Vec<char> = TEXT.chars().collect();
        let quoted = match offsets {
            Offsets::CodePoints => chars[start..end].iter().collect::<String>(),
            Offsets::Utf16 => String::from_utf16(&units[start..end]).unwrap(),
        };
        assert_eq!(quoted, row.text);
        assert_eq!(row.prefix, "Hé said 😀 this. ");
        assert_eq!(row.suffix, " Last.");
    }

    #[test]
    fn orphans_keep_their_stored_anchor_and_lose_utf16_offsets() {
        let article = Article::parse("a.txt", TEXT.as_bytes()).unwrap();
        let mut anchor = anchor_for(&article, 0, 0).unwrap();
        anchor.exact = "gone".into();
        let a = annotation(anchor);
        let placement = Placement {
            status: Status::Orphaned,
            units: None,
        };
        let mut cursor = Utf16Cursor::default();
        let cp = row(&article, &a, &placement, Offsets::CodePoints, &mut cursor);
        assert_eq!(
            (cp.text, cp.start, cp.end, cp.bytes),
            ("gone", Some(0), Some(15), None)
        );
        let utf16 = row(&article, &a, &placement, Offsets::Utf16, &mut cursor);
        assert_eq!((utf16.start, utf16.end), (None, None));
        assert_eq!(utf16.status_name(), "orphaned");
    }

    proptest::proptest! {
        #[test]
        fn every_row_quotes_the_text_at_its_offsets(
            sentences in proptest::collection::vec("[^\\x00]{1,40}", 1..8),
        ) {
            let text = sentences.join(". ");
            let Ok(article) = Article::parse("a.txt", text.as_bytes()) else {
                return Ok(());
            };
            let when = time::macros::datetime!(2025-01-02 03:04:05 UTC);
            let mut set = AnnotationSet::new(&article, Vec::new());
            for unit in (0..article.units().len()).step_by(2) {
                let stamp = crate::annotation::Stamp {
                    author: "me".into(),
                    now: when,
                    new_id: format!("id-{unit}"),
                };
                set.toggle_tag(&article, (unit, unit), crate::annotation::Tag::Claim, &stamp);
            }
            let chars: Vec<char> = article.text().chars().collect();
            let units: Vec<u16> = article.text().encode_utf16().collect();
            for row in rows(&article, &set, Offsets::CodePoints) {
                let (start, end) = (row.start.unwrap(), row.end.unwrap());
                proptest::prop_assert_eq!(chars[start..end].iter().collect::<String>(), row.text);
            }
            for row in rows(&article, &set, Offsets::Utf16) {
                let (start, end) = (row.start.unwrap(), row.end.unwrap());
                proptest::prop_assert_eq!(String::from_utf16(&units[start..end]).unwrap(), row.text);
            }
        }
    }

    #[test]
    fn context_stops_at_32_code_points() {
        let text = format!("{}X{}", "é".repeat(40), "ü".repeat(40));
        let at = text.find('X').unwrap();
        let (prefix, suffix) = context(&text, &(at..at + 1));
        assert_eq!(prefix, "é".repeat(32));
        assert_eq!(suffix, "ü".repeat(32));
    }
}
