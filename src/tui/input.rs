//! What wakes the event loop: terminal events, read on a thread of their own, the results of
//! background work and the signal to end arrive on one channel, so the loop sleeps until one
//! comes and draws a result the moment it arrives, with no polling.
//!
//! The reading thread hands over one event at a time and reads the next only when the loop says
//! it has handled the last: after the key that quits or suspends, nothing reads the terminal, so
//! no byte meant for the shell is eaten. It must not decide what keys mean (the keymap does, in
//! the loop, where the input mode is known).

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;
use std::time::Duration;

use ratatui::crossterm::event::Event;

use super::outcome::Outcome;
use super::runtime::EventSource;

/// How long one wait for input lasts before the reading thread looks whether it must stop. Only
/// a stop while no key has come waits for it: quitting and suspending follow a key, when the
/// thread is already waiting for the loop.
const SLICE: Duration = Duration::from_millis(250);

/// One thing the loop wakes for.
pub(crate) enum Wake {
    /// An event from the terminal.
    Event(Event),
    /// Reading the terminal failed; the loop ends with this error.
    Failed(io::Error),
    /// The process was told to end (SIGTERM, SIGHUP, SIGINT).
    Terminate,
    /// A result or progress report that ends no counted job: the library's batches, and what
    /// is sent through [`Runtime::sender`](super::runtime::Runtime::sender).
    Report(Outcome),
    /// The last result of a job the runtime started for an effect and counts as running.
    Finished(Outcome),
}

/// Where an event source with a thread of its own sends the events it reads.
#[derive(Clone)]
pub struct Inbox(Sender<Wake>);

impl Inbox {
    /// The inbox that feeds `sender`'s loop.
    pub(crate) fn new(sender: Sender<Wake>) -> Inbox {
        Inbox(sender)
    }

    /// Hands `event` to the loop; false when the loop is gone.
    pub fn send(&self, event: Event) -> bool {
        self.0.send(Wake::Event(event)).is_ok()
    }

    /// Tells the loop that reading failed.
    pub fn fail(&self, error: io::Error) {
        let _ = self.0.send(Wake::Failed(error));
    }

    /// Tells the loop that the process was told to end; false when the loop is gone.
    pub fn terminate(&self) -> bool {
        self.0.send(Wake::Terminate).is_ok()
    }
}

/// A thread that reads events and sends them to an inbox, one at a time.
pub struct Reader {
    /// One message per event the loop is ready for; dropped to stop the thread.
    permits: Option<Sender<()>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Reader {
    /// Starts a thread that calls `read` (an event, or `None` when its timeout passes first) and
    /// sends what it reads to `inbox`, the first event at once and each next one after
    /// [`Reader::ready`].
    pub fn spawn<F>(read: F, inbox: Inbox) -> io::Result<Reader>
    where
        F: FnMut(Duration) -> io::Result<Option<Event>> + Send + 'static,
    {
        let (permits, waiting) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        // The first event needs no permission.
        let _ = permits.send(());
        let thread = std::thread::Builder::new()
            .name("terminal input".to_owned())
            .spawn(move || read_events(read, &inbox, &waiting, &stopped))?;
        Ok(Reader {
            permits: Some(permits),
            stop,
            thread: Some(thread),
        })
    }

    /// The loop has handled the last event: read the next.
    pub fn ready(&self) {
        if let Some(permits) = &self.permits {
            let _ = permits.send(());
        }
    }

    /// Stops reading and waits for the thread to end. Immediate when the thread waits for the
    /// loop; otherwise it ends within one wait for input, reading nothing more.
    pub fn stop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        self.permits = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        self.stop();
    }
}

/// An event source that reads with `read` on a thread of its own (the terminal's events, or a
/// test's), handing the events to the loop one at a time.
pub struct Threaded<F> {
    read: Option<F>,
    reader: Option<Reader>,
}

impl<F> Threaded<F> {
    /// A source reading with `read` (an event, or `None` when its timeout passes first) once
    /// the loop starts.
    pub fn new(read: F) -> Threaded<F> {
        Threaded {
            read: Some(read),
            reader: None,
        }
    }
}

impl<F> EventSource for Threaded<F>
where
    F: FnMut(Duration) -> io::Result<Option<Event>> + Send + 'static,
{
    fn start(&mut self, inbox: Inbox) -> io::Result<()> {
        if let Some(read) = self.read.take() {
            self.reader = Some(Reader::spawn(read, inbox)?);
        }
        Ok(())
    }

    fn next(&mut self) -> io::Result<Option<Event>> {
        // Every event comes through the inbox.
        Ok(None)
    }

    fn ready(&mut self) {
        if let Some(reader) = &self.reader {
            reader.ready();
        }
    }

    fn stop(&mut self) {
        if let Some(mut reader) = self.reader.take() {
            reader.stop();
        }
    }
}

/// The reading thread: waits for permission, reads one event, hands it over, and again.
fn read_events<F>(mut read: F, inbox: &Inbox, waiting: &Receiver<()>, stop: &AtomicBool)
where
    F: FnMut(Duration) -> io::Result<Option<Event>>,
{
    while waiting.recv().is_ok() {
        let event = loop {
            if stop.load(Ordering::SeqCst) {
                return;
            }
            match read(SLICE) {
                Ok(Some(event)) => break event,
                Ok(None) => {}
                Err(error) => {
                    inbox.fail(error);
                    return;
                }
            }
        };
        if !inbox.send(event) {
            return;
        }
    }
}

/// A sender for results whose every message is forwarded to `wake`: the library loader sends
/// plain outcomes, and the loop still sleeps on the one channel its events come on. The thread
/// ends when every sender is gone or the loop is.
pub(crate) fn forward_results(wake: Sender<Wake>) -> Sender<Outcome> {
    let (sender, results) = channel();
    std::thread::spawn(move || {
        for outcome in results {
            if wake.send(Wake::Report(outcome)).is_err() {
                return;
            }
        }
    });
    sender
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent};
    use std::sync::Mutex;
    use std::sync::mpsc::RecvTimeoutError;

    /// Far longer than any step here takes; reached only when the behaviour is broken.
    const GUARD: Duration = Duration::from_secs(30);

    fn key(c: char) -> Event {
        Event::Key(KeyEvent::from(KeyCode::Char(c)))
    }

    /// Events typed ahead on a fake terminal; reading takes from the front.
    type Typed = Arc<Mutex<Vec<Event>>>;

    /// A terminal that has `events` typed ahead, and its read function.
    fn terminal(
        events: &[Event],
    ) -> (
        Typed,
        impl FnMut(Duration) -> io::Result<Option<Event>> + Send + 'static,
    ) {
        let typed: Typed = Arc::new(Mutex::new(events.to_vec()));
        let source = Arc::clone(&typed);
        let read = move |timeout: Duration| {
            let next = {
                let mut typed = source.lock().unwrap();
                (!typed.is_empty()).then(|| typed.remove(0))
            };
            if next.is_none() {
                // Nothing typed: wait as a terminal would, without spinning.
                std::thread::sleep(timeout.min(Duration::from_millis(5)));
            }
            Ok(next)
        };
        (typed, read)
    }

    fn received(inbox: &Receiver<Wake>) -> Event {
        match inbox.recv_timeout(GUARD) {
            Ok(Wake::Event(event)) => event,
            Ok(Wake::Failed(error)) => panic!("reading failed: {error}"),
            Ok(Wake::Report(_) | Wake::Finished(_) | Wake::Terminate) => {
                panic!("not an event: only the reader sends here")
            }
            Err(error) => panic!("no event came: {error}"),
        }
    }

    #[test]
    fn events_are_handed_over_one_at_a_time() {
        let (typed, read) = terminal(&[key('a'), key('b'), key('c')]);
        let (sender, inbox) = channel();
        let mut reader = Reader::spawn(read, Inbox::new(sender)).unwrap();
        assert_eq!(received(&inbox), key('a'));
        reader.ready();
        assert_eq!(received(&inbox), key('b'));
        // Not ready for a third: once stopped, the thread has read nothing more.
        reader.stop();
        assert_eq!(*typed.lock().unwrap(), vec![key('c')]);
        assert!(matches!(
            inbox.recv_timeout(Duration::ZERO),
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected)
        ));
    }

    #[test]
    fn stopping_while_nothing_is_typed_ends_the_thread() {
        let (typed, read) = terminal(&[]);
        let (sender, inbox) = channel();
        let mut reader = Reader::spawn(read, Inbox::new(sender)).unwrap();
        reader.stop();
        typed.lock().unwrap().push(key('x'));
        assert!(matches!(
            inbox.recv_timeout(Duration::ZERO),
            Err(RecvTimeoutError::Disconnected)
        ));
        assert_eq!(
            typed.lock().unwrap().len(),
            1,
            "nothing read after the stop"
        );
    }

    #[test]
    fn a_read_error_reaches_the_loop() {
        let (sender, inbox) = channel();
        let _reader = Reader::spawn(
            |_| Err(io::Error::other("the terminal is gone")),
            Inbox::new(sender),
        )
        .unwrap();
        match inbox.recv_timeout(GUARD) {
            Ok(Wake::Failed(error)) => assert_eq!(error.to_string(), "the terminal is gone"),
            _ => panic!("the error was not sent"),
        }
    }
}
