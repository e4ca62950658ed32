//! Exports of annotations to the formats people take them to. Pure: values in, text out.
