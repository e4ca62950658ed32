//! The review of the tags an article's changes touched: a queue of every fuzzy or orphaned tag
//! (and, on request, the moved ones), one at a time, each with its text as it was and as it is
//! now. Which tag comes next and which were settled; the decisions themselves are edits in
//! `update/review.rs`. Nothing is decided without the person: a tag leaves the queue only by a
//! key.

use std::sync::Arc;

use crate::annotation::Status;
use crate::changes::{Report, TagChange};

/// The review as it stands: the report it was opened on and where the person is in it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewView {
    /// The report of the open article.
    pub report: Arc<Report>,
    /// Whether tags that only moved are in the queue.
    pub show_moved: bool,
    /// The position in [`ReviewView::queue`] of the tag shown.
    pub current: usize,
    /// The ids of the tags settled so far (accepted, re-attached, kept or deleted).
    pub settled: Vec<String>,
}

impl ReviewView {
    /// The review of `report`, on its first tag, moved ones left out.
    pub fn new(report: Arc<Report>) -> ReviewView {
        ReviewView {
            report,
            show_moved: false,
            current: 0,
            settled: Vec::new(),
        }
    }

    /// The tags waiting for a decision, in the report's order.
    pub fn queue(&self) -> Vec<&TagChange> {
        self.report
            .tags
            .iter()
            .filter(|tag| self.show_moved || tag.status != Status::Moved)
            .filter(|tag| !self.settled.contains(&tag.id))
            .collect()
    }

    /// The tag shown, if any is left.
    pub fn shown(&self) -> Option<&TagChange> {
        let queue = self.queue();
        queue
            .get(self.current.min(queue.len().saturating_sub(1)))
            .copied()
    }

    /// Moves to the next (or previous) tag of the queue, wrapping around.
    pub fn step(&mut self, forward: bool) {
        let len = self.queue().len();
        if len == 0 {
            return;
        }
        let at = self.current.min(len - 1);
        self.current = if forward {
            (at + 1) % len
        } else {
            (at + len - 1) % len
        };
    }

    /// Takes the tag shown out of the queue; the next one comes to its place.
    pub fn settle(&mut self) {
        if let Some(id) = self.shown().map(|tag| tag.id.clone()) {
            self.settled.push(id);
        }
        let len = self.queue().len();
        if self.current >= len {
            self.current = 0;
        }
    }

    /// Shows or hides the tags that only moved, staying on the tag shown when it stays.
    pub fn toggle_moved(&mut self) {
        let id = self.shown().map(|tag| tag.id.clone());
        self.show_moved = !self.show_moved;
        self.current = id
            .and_then(|id| self.queue().iter().position(|tag| tag.id == id))
            .unwrap_or(0);
    }
}
