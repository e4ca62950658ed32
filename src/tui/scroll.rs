//! The reading pane's rows: how many rows each unit takes at a width, where the view's top must
//! be to keep the cursor in sight, and which unit a row shows.
//!
//! Every function walks at most about a screenful of units from a known position, so its cost
//! follows the pane's height and never the article's length.

use crate::article::Article;

use super::app::Top;
use super::wrap::wrap;

/// Rows of context kept between the cursor and the pane's edge when the pane is tall enough.
const CONTEXT: usize = 2;

/// The rows of an article's units at one text width.
#[derive(Debug, Clone, Copy)]
pub struct Rows<'a> {
    article: &'a Article,
    width: usize,
}

impl<'a> Rows<'a> {
    /// The rows of `article` wrapped to `width` cells.
    pub fn new(article: &'a Article, width: usize) -> Rows<'a> {
        Rows { article, width }
    }

    /// How many units there are.
    pub fn len(&self) -> usize {
        self.article.units().len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// 1 when `unit` starts a new paragraph after another (a blank row before it), else 0.
    pub fn separator(&self, unit: usize) -> usize {
        let units = self.article.units();
        match (
            unit.checked_sub(1).and_then(|p| units.get(p)),
            units.get(unit),
        ) {
            (Some(before), Some(this)) if before.paragraph != this.paragraph => 1,
            _ => 0,
        }
    }

    /// The rows `unit` takes: its separator and its wrapped lines.
    pub fn height(&self, unit: usize) -> usize {
        let lines = self
            .article
            .unit_text(unit)
            .map_or(1, |text| wrap(&text, self.width).len());
        self.separator(unit) + lines
    }

    /// The position `n` rows above `pos`, stopping at the article's start.
    pub fn back(&self, mut pos: Top, mut n: usize) -> Top {
        loop {
            if pos.row >= n {
                pos.row -= n;
                return pos;
            }
            n -= pos.row;
            if pos.unit == 0 {
                pos.row = 0;
                return pos;
            }
            pos.unit -= 1;
            pos.row = self.height(pos.unit);
        }
    }

    /// The top that keeps `cursor` in a pane `height` rows tall, moving `top` as little as
    /// possible and keeping a little context above and below the cursor.
    pub fn follow(&self, top: Top, cursor: usize, height: usize) -> Top {
        if self.is_empty() || height == 0 {
            return Top::default();
        }
        let cursor = cursor.min(self.len() - 1);
        let context = if height >= 4 * CONTEXT + 2 {
            CONTEXT
        } else {
            0
        };
        let start = Top {
            unit: cursor,
            row: self.separator(cursor),
        };
        let cursor_rows = self.height(cursor) - start.row;
        if cursor_rows + 2 * context > height {
            // Too tall to fit with context: show its beginning.
            return self.back(start, context.min(height.saturating_sub(cursor_rows)));
        }
        match self.rows_between(top, start, height) {
            None => self.back(start, context),
            Some(rows) if rows < context => self.back(start, context),
            Some(rows) if rows + cursor_rows + context <= height => top,
            Some(_) => {
                let end = Top {
                    unit: cursor,
                    row: self.height(cursor),
                };
                self.back(end, height - context)
            }
        }
    }

    /// Rows from `from` down to `to`, `None` when `to` is above `from`; stops counting past
    /// `cap`.
    fn rows_between(&self, from: Top, to: Top, cap: usize) -> Option<usize> {
        if (to.unit, to.row) < (from.unit, from.row) {
            return None;
        }
        let mut rows = 0;
        let mut unit = from.unit;
        let mut skip = from.row;
        while unit < to.unit {
            rows += self.height(unit).saturating_sub(skip);
            skip = 0;
            unit += 1;
            if rows > cap {
                return Some(rows);
            }
        }
        Some(rows + to.row.saturating_sub(skip))
    }

    /// The unit shown on row `row` of a pane whose first row is `top`; `None` on a blank row or
    /// past the end.
    pub fn unit_at(&self, top: Top, row: usize) -> Option<usize> {
        let mut unit = top.unit;
        let mut skip = top.row;
        let mut row = row;
        while unit < self.len() {
            let height = self.height(unit);
            let shown = height.saturating_sub(skip);
            if row < shown {
                return (row + skip >= self.separator(unit)).then_some(unit);
            }
            row -= shown;
            skip = 0;
            unit += 1;
        }
        None
    }

    /// The unit about half a pane of `height` rows below (or above) `cursor`.
    pub fn half_page(&self, cursor: usize, height: usize, down: bool) -> usize {
        let target = (height / 2).max(1);
        let mut rows = 0;
        let mut unit = cursor;
        if down {
            while unit + 1 < self.len() && rows < target {
                unit += 1;
                rows += self.height(unit);
            }
        } else {
            while unit > 0 && rows < target {
                rows += self.height(unit);
                unit -= 1;
            }
        }
        unit
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Paragraphs of one to three sentences of varying length.
    fn article() -> Article {
        let mut text = String::new();
        for p in 0..60 {
            for s in 0..(p % 3 + 1) {
                text.push_str(&format!(
                    "Sentence {p}-{s} {} ends here. ",
                    "word ".repeat(p % 7 * 3)
                ));
            }
            text.push_str("\n\n");
        }
        Article::parse("t.txt", text.as_bytes()).unwrap()
    }

    /// The rows of the pane showing `unit`, found by asking `unit_at` for each row.
    fn rows_of(rows: &Rows, top: Top, unit: usize, height: usize) -> Vec<usize> {
        (0..height)
            .filter(|&r| rows.unit_at(top, r) == Some(unit))
            .collect()
    }

    proptest! {
        #[test]
        fn the_cursor_stays_in_sight_with_context(
            width in 10usize..60,
            height in 1usize..30,
            moves in proptest::collection::vec(0usize..200, 1..20),
        ) {
            let article = article();
            let rows = Rows::new(&article, width);
            let mut top = Top::default();
            for target in moves {
                let cursor = target % rows.len();
                top = rows.follow(top, cursor, height);
                let shown = rows_of(&rows, top, cursor, height);
                prop_assert!(!shown.is_empty(), "unit {cursor} not shown from {top:?}");
                let tall = rows.height(cursor) - rows.separator(cursor);
                if tall + 2 * CONTEXT <= height && height >= 4 * CONTEXT + 2 {
                    let first = shown[0];
                    let last = shown[shown.len() - 1];
                    prop_assert!(first >= CONTEXT || top == Top::default() || cursor == 0,
                        "no context above: {first} {top:?}");
                    prop_assert!(last + CONTEXT < height, "no context below: {last}");
                }
            }
        }
    }

    #[test]
    fn unit_at_skips_paragraph_gaps() {
        let article = article();
        let rows = Rows::new(&article, 200);
        let top = Top::default();
        assert_eq!(rows.unit_at(top, 0), Some(0));
        assert_eq!(
            rows.unit_at(top, 1),
            None,
            "the blank row between paragraphs"
        );
        assert_eq!(rows.unit_at(top, 2), Some(1));
    }
}
