//! Special files that only root can make or meet: device nodes where an export goes, and a
//! sidecar owned by someone else saved by root. Each test says "ignored" when not run as root
//! (this file runs its own harness so that it can decide at run time); CI runs as root.
#![allow(clippy::unwrap_used)]

#[path = "support/special.rs"]
mod special;

use std::ffi::CString;
use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt, symlink};
use std::path::Path;

use libtest_mimic::{Arguments, Failed, Trial};

use special::Setup;

/// One test: `Err` or a panic fails it.
type Test = fn() -> Result<(), Failed>;

fn main() {
    let args = Arguments::from_args();
    // SAFETY: geteuid has no preconditions.
    let not_root = unsafe { libc::geteuid() } != 0;
    let tests: [(&str, Test); 3] = [
        (
            "export_writes_into_a_character_device_and_leaves_it_there",
            export_writes_into_a_character_device_and_leaves_it_there,
        ),
        (
            "export_refuses_a_block_device",
            export_refuses_a_block_device,
        ),
        (
            "a_save_by_root_keeps_the_owner_and_the_mode",
            a_save_by_root_keeps_the_owner_and_the_mode,
        ),
    ];
    let trials = tests
        .into_iter()
        .map(|(name, test)| Trial::test(name, test).with_ignored_flag(not_root))
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

/// Makes a device node at `path`: `kind` is `libc::S_IFCHR` or `libc::S_IFBLK`.
fn mknod(path: &Path, kind: libc::mode_t, major: u32, minor: u32) -> Result<(), Failed> {
    let name = CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string; mknod only creates the node.
    let made = unsafe { libc::mknod(name.as_ptr(), kind | 0o666, libc::makedev(major, minor)) };
    if made != 0 {
        return Err(format!(
            "mknod: {} (this test needs root)",
            std::io::Error::last_os_error()
        )
        .into());
    }
    Ok(())
}

fn is_char_device(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_char_device())
}

/// `-o /dev/null` as root once put a plain file in place of the system's device: a node like it
/// in a temp dir, and a link to it, must still be the device afterwards.
fn export_writes_into_a_character_device_and_leaves_it_there() -> Result<(), Failed> {
    let setup = Setup::new();
    setup.tag().ok();
    let null = setup.path("null");
    mknod(&null, libc::S_IFCHR, 1, 3)?;
    symlink(&null, setup.path("link")).unwrap();
    for out in ["null", "link"] {
        setup.run(&["export", "a.txt", "-o", out]).ok();
        assert!(is_char_device(&null), "-o {out}: the device was replaced");
    }
    assert!(special::is_link(&setup.path("link")));
    Ok(())
}

fn export_refuses_a_block_device() -> Result<(), Failed> {
    let setup = Setup::new();
    let disk = setup.path("disk");
    mknod(&disk, libc::S_IFBLK, 7, 200)?;
    setup
        .run(&["export", "a.txt", "-o", "disk"])
        .refused("is a block device; an export is written to a regular file");
    let meta = fs::symlink_metadata(&disk).unwrap();
    assert!(
        meta.file_type().is_block_device(),
        "the device was replaced"
    );
    Ok(())
}

/// A shared folder edited as root: the sidecar stays its owner's, with its mode.
fn a_save_by_root_keeps_the_owner_and_the_mode() -> Result<(), Failed> {
    let setup = Setup::new();
    setup.tag().ok();
    let sidecar = setup.sidecar();
    std::os::unix::fs::chown(&sidecar, Some(4242), Some(4343)).unwrap();
    fs::set_permissions(&sidecar, fs::Permissions::from_mode(0o640)).unwrap();
    setup
        .run(&["tag", "a.txt", "--sentence", "1", "--tag", "quote"])
        .ok();
    let meta = fs::metadata(&sidecar).unwrap();
    assert_eq!(setup.run(&["list", "a.txt"]).stdout.lines().count(), 2);
    assert_eq!((meta.uid(), meta.gid()), (4242, 4343), "the owner changed");
    assert_eq!(meta.permissions().mode() & 0o7777, 0o640);
    Ok(())
}
