//! Reading the rest of a big file in two halves on two threads: the copy from the page cache,
//! and the faulting in of the buffer's fresh pages that goes with it, take twice as long on one
//! core as on two, and nothing else can start before the file is read.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::thread;

/// Files with at least this many bytes left after their head are read in two halves.
pub const FROM: usize = 4 << 20;

/// Appends to `bytes` (the file's first `bytes.len()` bytes, the cursor just after them) the
/// rest of `file`, of `rest` bytes when its size was taken; a file that has grown or shrunk
/// since is read to its end all the same, as `read_to_end` reads it.
pub fn read_rest(file: &mut File, bytes: &mut Vec<u8>, rest: usize) -> io::Result<()> {
    let head = bytes.len();
    // Zeroed memory of this size comes fresh from the system, untouched until it is read into.
    let mut whole = vec![0; head + rest];
    whole[..head].copy_from_slice(bytes);
    let (first, second) = whole[head..].split_at_mut(rest / 2);
    let offset = (head + rest / 2) as u64;
    let (file_ref, head_offset) = (&*file, head as u64);
    let (done_first, done_second) = thread::scope(|scope| {
        let helper = scope.spawn(move || fill_at(file_ref, second, offset));
        let done_first = fill_at(file_ref, first, head_offset);
        (done_first, helper.join().unwrap_or(Ok(0)))
    });
    let (done_first, done_second) = (done_first?, done_second?);
    if done_first < rest / 2 {
        // The file has shrunk: what the second half read may not follow the first.
        whole.truncate(head + done_first);
    } else {
        whole.truncate(head + rest / 2 + done_second);
    }
    file.seek(SeekFrom::Start(whole.len() as u64))?;
    file.read_to_end(&mut whole)?;
    *bytes = whole;
    Ok(())
}

/// Reads into `buffer` from `offset` until it is full or the file ends; how many bytes it read.
fn fill_at(file: &File, buffer: &mut [u8], offset: u64) -> io::Result<usize> {
    let mut done = 0;
    while done < buffer.len() {
        match read_at(file, &mut buffer[done..], offset + done as u64) {
            Ok(0) => break,
            Ok(read) => done += read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok(done)
}

#[cfg(unix)]
fn read_at(file: &File, buffer: &mut [u8], offset: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buffer, offset)
}

#[cfg(windows)]
fn read_at(file: &File, buffer: &mut [u8], offset: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buffer, offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// The halves read make the file's bytes in order, whatever the head already read.
    #[test]
    fn halves_make_the_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        let content: Vec<u8> = (0..1_000_003u32).map(|i| (i % 251) as u8).collect();
        File::create(&path).unwrap().write_all(&content).unwrap();
        for head in [0, 1, 4096] {
            let mut file = File::open(&path).unwrap();
            let mut bytes = vec![0; head];
            file.read_exact(&mut bytes).unwrap();
            read_rest(&mut file, &mut bytes, content.len() - head).unwrap();
            assert_eq!(bytes, content, "head of {head} bytes");
        }
        // A size taken too small or too big still ends with the file's bytes.
        for rest in [10, 2_000_000] {
            let mut file = File::open(&path).unwrap();
            let mut bytes = Vec::new();
            read_rest(&mut file, &mut bytes, rest).unwrap();
            assert_eq!(bytes, content, "rest of {rest} bytes");
        }
    }
}
