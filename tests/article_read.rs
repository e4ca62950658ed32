#![allow(clippy::unwrap_used)]
//! Reading article files from disk: every failure names the file and says what went wrong.

use std::fs;

use sidenote::library::{ReadError, read_article};
use tempfile::TempDir;

#[test]
fn reads_an_article_file() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("report.txt");
    fs::write(&path, "A title line\n\nOne sentence. Two sentences.\n").unwrap();
    let article = read_article(&path).unwrap();
    assert_eq!(article.metadata().title, "A title line");
    assert_eq!(article.units().len(), 3);
}

#[test]
fn a_missing_file_is_named() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("gone.txt");
    let error = read_article(&path).unwrap_err();
    assert!(matches!(error, ReadError::Io { .. }), "{error:?}");
    let message = error.to_string();
    assert!(message.contains(&*path.to_string_lossy()), "{message}");
    assert!(message.contains("cannot read"), "{message}");
}

#[test]
fn a_directory_is_named() {
    let dir = TempDir::new().unwrap();
    let error = read_article(dir.path()).unwrap_err();
    assert!(matches!(error, ReadError::Directory { .. }), "{error:?}");
    assert!(error.to_string().contains(&*dir.path().to_string_lossy()));
}

#[cfg(unix)]
#[test]
fn a_device_is_not_read() {
    let error = read_article(std::path::Path::new("/dev/zero")).unwrap_err();
    assert!(matches!(error, ReadError::NotAFile { .. }), "{error:?}");
    assert!(error.to_string().contains("/dev/zero"));
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("secret.txt");
    fs::write(&path, "Text.\n").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&path).is_ok() {
        // Running with privileges that ignore permissions: nothing to check here.
        return;
    }
    let error = read_article(&path).unwrap_err();
    assert!(error.to_string().contains("secret.txt"), "{error}");
}

#[test]
fn bad_bytes_are_an_error_naming_the_file() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("photo.txt");
    fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let error = read_article(&path).unwrap_err();
    assert!(matches!(error, ReadError::Article(_)), "{error:?}");
    assert!(error.to_string().contains("photo.txt"));
}
