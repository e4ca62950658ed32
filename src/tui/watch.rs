//! Watching the sidecars for other writers: a thread that looks every half second at the
//! sidecars of the open article and of the library's articles (a [`Stamp`] each: no reading), and reads a sidecar again only when it changed, reporting what it
//! holds as [`Outcome::SidecarChanged`]. `update` adopts it the way it adopts a save's result,
//! so a `sidenote tag` from a shell shows on the screen and in the list's counts within a second.
//!
//! Part of the runtime: no decision about what to show is made here, and nothing is written.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::sidecar::{self, Stamp};

use super::outcome::Outcome;

/// How often the sidecars are looked at.
pub const EVERY: Duration = Duration::from_millis(500);

/// The watching thread; stopped when dropped.
pub struct Watcher {
    articles: Arc<Mutex<Vec<PathBuf>>>,
    /// Dropped to stop the thread at once, also in the middle of its pause.
    stop: Option<Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Watcher {
    /// Starts watching, reporting to `report`; the articles to watch are given by [`Watcher::watch`].
    pub fn start(report: Sender<Outcome>) -> std::io::Result<Watcher> {
        let articles = Arc::new(Mutex::new(Vec::new()));
        let (stop, stopped) = channel();
        let watched = Arc::clone(&articles);
        let thread = std::thread::Builder::new()
            .name("sidecar watch".to_owned())
            .spawn(move || watch(&watched, &stopped, &report))?;
        Ok(Watcher {
            articles,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// Watches the sidecars of `articles` from now on (the open one first).
    pub fn watch(&self, articles: Vec<PathBuf>) {
        if let Ok(mut watched) = self.articles.lock() {
            *watched = articles;
        }
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.stop = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn watch(articles: &Mutex<Vec<PathBuf>>, stop: &Receiver<()>, report: &Sender<Outcome>) {
    let mut seen: HashMap<PathBuf, Option<Stamp>> = HashMap::new();
    loop {
        let paths = articles.lock().map(|a| a.clone()).unwrap_or_default();
        for path in paths {
            let now = Stamp::of(&path);
            // A sidecar seen for the first time is read too: it may have changed between the
            // screen's reading it and this look. `update` finds nothing new when it has not.
            let before = seen.insert(path.clone(), now).flatten();
            if before == now || now.is_none() {
                continue;
            }
            // A sidecar that does not parse is left alone here; a save reports it.
            if let Ok(Some(read)) = sidecar::load(&path) {
                let changed = Outcome::SidecarChanged {
                    path,
                    annotations: read.annotations,
                };
                if report.send(changed).is_err() {
                    return;
                }
            }
        }
        match stop.recv_timeout(EVERY) {
            Err(RecvTimeoutError::Timeout) => {}
            Ok(()) | Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}
