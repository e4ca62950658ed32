//! Exports of annotations to the formats people take them to. Pure: values in, text out.

use crate::annotation::AnnotationSet;
use crate::article::Article;

/// One article and its annotations, as an export sees them.
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    /// The article's file path as it should appear in the export.
    pub file: &'a str,
    /// The article.
    pub article: &'a Article,
    /// Its annotations, placed in the current text.
    pub annotations: &'a AnnotationSet,
}
