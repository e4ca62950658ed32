//! A small multi-line text editor for notes: a string and a cursor, edited by [`Input`]s.
//!
//! Pure: no terminal, no keys (the keymap turns keys into inputs).

use super::action::Input;

/// Text being edited, with the cursor as a byte offset on a char boundary.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Editor {
    text: String,
    cursor: usize,
    /// The text it was opened with.
    original: String,
}

impl Editor {
    /// An editor holding `text`, the cursor at its end.
    pub fn new(text: &str) -> Editor {
        Editor {
            text: text.to_owned(),
            cursor: text.len(),
            original: text.to_owned(),
        }
    }

    /// Whether the text differs from the one it was opened with.
    pub fn is_changed(&self) -> bool {
        self.text != self.original
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor's byte offset.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The cursor as (line, column in chars).
    pub fn position(&self) -> (usize, usize) {
        let before = &self.text[..self.cursor];
        let line = before.matches('\n').count();
        let start = before.rfind('\n').map_or(0, |at| at + 1);
        (line, before[start..].chars().count())
    }

    /// Applies one edit; `Enter` inserts a line break.
    pub fn apply(&mut self, input: Input) {
        match input {
            Input::Char(c) => self.insert(c),
            Input::Enter => self.insert('\n'),
            Input::Backspace => {
                if let Some(c) = self.text[..self.cursor].chars().next_back() {
                    self.cursor -= c.len_utf8();
                    self.text.remove(self.cursor);
                }
            }
            Input::Delete => {
                if self.cursor < self.text.len() {
                    self.text.remove(self.cursor);
                }
            }
            Input::Left => {
                if let Some(c) = self.text[..self.cursor].chars().next_back() {
                    self.cursor -= c.len_utf8();
                }
            }
            Input::Right => {
                if let Some(c) = self.text[self.cursor..].chars().next() {
                    self.cursor += c.len_utf8();
                }
            }
            Input::Home => self.cursor = self.line_start(self.cursor),
            Input::End => self.cursor = self.line_end(self.cursor),
            Input::Tab | Input::BackTab => {}
            Input::Up => {
                let start = self.line_start(self.cursor);
                if start > 0 {
                    let column = self.text[start..self.cursor].chars().count();
                    let above = self.line_start(start - 1);
                    self.cursor = self.at_column(above, column);
                }
            }
            Input::Down => {
                let end = self.line_end(self.cursor);
                if end < self.text.len() {
                    let column = self.text[self.line_start(self.cursor)..self.cursor]
                        .chars()
                        .count();
                    self.cursor = self.at_column(end + 1, column);
                }
            }
        }
    }

    fn insert(&mut self, c: char) {
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
    }

    fn line_start(&self, at: usize) -> usize {
        self.text[..at].rfind('\n').map_or(0, |i| i + 1)
    }

    fn line_end(&self, at: usize) -> usize {
        self.text[at..]
            .find('\n')
            .map_or(self.text.len(), |i| at + i)
    }

    /// The offset `column` chars into the line starting at `start`, or that line's end.
    fn at_column(&self, start: usize, column: usize) -> usize {
        let end = self.line_end(start);
        self.text[start..end]
            .char_indices()
            .nth(column)
            .map_or(end, |(i, _)| start + i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Input::*;

    fn typed(start: &str, inputs: &[Input]) -> (String, usize) {
        let mut editor = Editor::new(start);
        for input in inputs {
            editor.apply(*input);
        }
        (editor.text().to_owned(), editor.cursor())
    }

    #[rstest::rstest]
    #[case("", &[Char('a'), Char('é'), Enter, Char('b')], "aé\nb", 5)]
    #[case("ab", &[Backspace, Backspace, Backspace], "", 0)]
    #[case("ab", &[Left, Left, Left, Delete], "b", 0)]
    #[case("abc\nd", &[Up, Char('x')], "axbc\nd", 2)]
    #[case("abc\nd", &[Home, Up, Down, End, Char('!')], "abc\nd!", 6)]
    #[case("漢字\n", &[Up, End, Left, Char('-')], "漢-字\n", 4)]
    fn edits(
        #[case] start: &str,
        #[case] inputs: &[Input],
        #[case] text: &str,
        #[case] cursor: usize,
    ) {
        assert_eq!(typed(start, inputs), (text.to_owned(), cursor));
    }
}
