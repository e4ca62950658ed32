//! How far ahead of the writer `suggest`'s workers may run: a worker starts a window only while
//! fewer than a fixed number of windows lie between it and the next window to write, so the
//! windows done and waiting for a slow one stay that many, whatever the article's size.

use std::sync::{Condvar, Mutex, MutexGuard};

/// The next window to write, and whether the writer has stopped, shared by the writer and the
/// workers.
pub struct Gate {
    state: Mutex<State>,
    moved: Condvar,
    ahead: usize,
}

#[derive(Debug, Default)]
struct State {
    due: usize,
    stopped: bool,
}

impl Gate {
    /// A gate that lets a worker start window `w` once `w < due + ahead`.
    pub fn new(ahead: usize) -> Gate {
        Gate {
            state: Mutex::new(State::default()),
            moved: Condvar::new(),
            ahead: ahead.max(1),
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A worker that panicked holding the lock left the state whole: it only reads it.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Waits until window `window` may be started; `false` when the writer has stopped, and the
    /// worker should stop too.
    pub fn wait_for(&self, window: usize) -> bool {
        let mut state = self.state();
        while !state.stopped && window >= state.due + self.ahead {
            state = self
                .moved
                .wait(state)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        !state.stopped
    }

    /// The writer has written every window before `due`.
    pub fn written(&self, due: usize) {
        self.state().due = due;
        self.moved.notify_all();
    }

    /// The writer has stopped, done or failed: no worker waits any longer.
    pub fn stop(&self) {
        self.state().stopped = true;
        self.moved.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::thread;

    /// Workers taking windows in turn never start one more than `ahead` past the next to write,
    /// and every window is started once.
    #[test]
    fn workers_stay_within_reach_of_the_writer() {
        let (count, ahead) = (200, 3);
        let gate = Gate::new(ahead);
        let next = AtomicUsize::new(0);
        let due = AtomicUsize::new(0);
        let furthest = AtomicUsize::new(0);
        let (done, finished) = std::sync::mpsc::channel();
        thread::scope(|scope| {
            for _ in 0..4 {
                let (gate, next, due, furthest, done) =
                    (&gate, &next, &due, &furthest, done.clone());
                scope.spawn(move || {
                    loop {
                        let window = next.fetch_add(1, Ordering::SeqCst);
                        if window >= count || !gate.wait_for(window) {
                            break;
                        }
                        let lead = window - due.load(Ordering::SeqCst);
                        furthest.fetch_max(lead, Ordering::SeqCst);
                        if done.send(window).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(done);
            let mut waiting = std::collections::BTreeSet::new();
            let mut written = 0;
            for window in finished {
                waiting.insert(window);
                while waiting.remove(&written) {
                    written += 1;
                    due.store(written, Ordering::SeqCst);
                    gate.written(written);
                }
            }
            gate.stop();
            assert_eq!(written, count);
        });
        assert!(furthest.load(Ordering::SeqCst) < ahead);
    }

    /// A writer that stops early releases every waiting worker.
    #[test]
    fn a_stopped_writer_releases_the_workers() {
        let gate = Gate::new(1);
        thread::scope(|scope| {
            let waiting = scope.spawn(|| gate.wait_for(5));
            gate.stop();
            assert!(!waiting.join().unwrap());
        });
        assert!(!gate.wait_for(0));
    }
}
