//! Pretty-printed JSON written one array element at a time, byte for byte what
//! `serde_json::to_string_pretty` gives for the whole document.
//!
//! The document is serialized once with the array empty and cut at the array: the part before it
//! is written first, each element is serialized on its own and indented to its depth, and the
//! part after it closes the document. Cutting serde's own output keeps the surrounding keys,
//! their order and their escaping exactly as the one-piece serialization had them.

use serde::Serialize;

use super::ExportError;

/// One pretty-printed JSON document whose array under one key is written element by element.
#[derive(Debug)]
pub struct Array {
    /// The document up to and including the array's `[`.
    opening: String,
    /// The document after the array's `[` when the array is empty: `]` and what follows.
    tail: String,
    /// The indentation of the line that opens the array.
    indent: String,
    /// Elements written so far.
    count: usize,
}

impl Array {
    /// Cuts `document`, which holds an empty array under `key`, around that array.
    pub fn new(document: &impl Serialize, key: &str) -> Result<Array, ExportError> {
        let text = serde_json::to_string_pretty(document)?;
        let opening = format!("{}: [", serde_json::to_string(key)?);
        // The key must open its line: the same characters inside a string value do not.
        let (at, indent) = text
            .match_indices(&opening)
            .find_map(|(at, _)| {
                let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
                let indent = &text[line_start..at];
                indent
                    .bytes()
                    .all(|b| b == b' ')
                    .then_some((at + opening.len(), indent.len()))
            })
            .ok_or_else(|| {
                ExportError::Json(serde::ser::Error::custom(format!(
                    "no array under {key:?} in the document"
                )))
            })?;
        Ok(Array {
            opening: text[..at].to_owned(),
            tail: text[at..].to_owned(),
            indent: " ".repeat(indent),
            count: 0,
        })
    }

    /// The document's beginning, up to the array's first element.
    pub fn opening(&self) -> &str {
        &self.opening
    }

    /// Appends `element`, indented to its depth, to `out`.
    pub fn element(
        &mut self,
        out: &mut Vec<u8>,
        element: &impl Serialize,
    ) -> Result<(), ExportError> {
        let separator = if self.count == 0 { "\n" } else { ",\n" };
        out.extend_from_slice(separator.as_bytes());
        let inner = format!("{}  ", self.indent);
        out.extend_from_slice(inner.as_bytes());
        let text = serde_json::to_string_pretty(element)?;
        // JSON strings escape their line breaks, so every line break is between two tokens.
        for (n, line) in text.split('\n').enumerate() {
            if n > 0 {
                out.push(b'\n');
                out.extend_from_slice(inner.as_bytes());
            }
            out.extend_from_slice(line.as_bytes());
        }
        self.count += 1;
        Ok(())
    }

    /// Appends the end of the document, after the last element, to `out`.
    pub fn finish(&self, out: &mut Vec<u8>) {
        if self.count > 0 {
            out.push(b'\n');
            out.extend_from_slice(self.indent.as_bytes());
        }
        out.extend_from_slice(self.tail.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn whole(elements: &[serde_json::Value]) -> String {
        let document = json!({
            "name": "x \"items\": [",
            "outer": { "items": elements, "after": [1, {"b": []}] },
        });
        serde_json::to_string_pretty(&document).unwrap()
    }

    #[test]
    fn element_by_element_is_the_whole_document() {
        let elements = [
            json!({"a": [1, 2], "s": "line\nbreak", "e": {}}),
            json!("plain"),
            json!([]),
        ];
        for n in 0..=elements.len() {
            let empty = json!({
                "name": "x \"items\": [",
                "outer": { "items": [], "after": [1, {"b": []}] },
            });
            let mut array = Array::new(&empty, "items").unwrap();
            let mut out = array.opening().as_bytes().to_vec();
            for element in &elements[..n] {
                array.element(&mut out, element).unwrap();
            }
            array.finish(&mut out);
            assert_eq!(String::from_utf8(out).unwrap(), whole(&elements[..n]));
        }
    }
}
