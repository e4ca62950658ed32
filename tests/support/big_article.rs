//! A big article for the tests of the staged opening: the sample articles one after the other,
//! over and over, until the file has the size asked for.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use sidenote::library::Staging;

/// A head of 16 KiB from 64 KiB on: small enough that a test file of a few hundred KB is big.
pub const SMALL: Staging = Staging {
    from_size: 64 * 1024,
    preview: 16 * 1024,
};

/// The samples' text, repeated until it has at least `bytes` bytes, each copy a paragraph apart.
pub fn big_text(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 8192);
    while text.len() < bytes {
        for (_, sample) in sidenote::library::SAMPLES {
            text.push_str(sample.trim_end());
            text.push_str("\n\n");
        }
    }
    text
}

/// Writes [`big_text`] of `bytes` bytes to `name` in `dir`.
pub fn write_big(dir: &Path, name: &str, bytes: usize) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, big_text(bytes)).unwrap();
    path
}
