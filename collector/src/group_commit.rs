//! Group commit for SQLite: requests hand their batches to one writer thread, which writes
//! everything waiting in one transaction (each batch in its own savepoint, so still all or
//! nothing) and answers each request once that transaction is committed. Under load, the
//! pages shared by many batches (indexes, rollups) are written once per transaction instead of
//! once per batch, and requests stop queueing on the database lock one by one.

use riskguard_core::events::Event;
use tokio::sync::{mpsc, oneshot};

use crate::{Error, Inserted, Store};

/// The most batches written in one transaction.
const MAX_GROUP: usize = 64;

/// Batches waiting for the writer, at most; senders wait beyond that.
const QUEUE: usize = 1024;

/// A batch and where to send what became of it.
type Job = (Vec<Event>, oneshot::Sender<Result<Inserted, Error>>);

/// The handle of the writer thread; cheap to clone. The thread ends when the last handle is
/// dropped.
#[derive(Debug, Clone)]
pub(crate) struct GroupCommit {
    jobs: mpsc::Sender<Job>,
}

impl GroupCommit {
    /// Starts the writer thread on `store`.
    pub(crate) fn start(store: Store) -> Result<GroupCommit, Error> {
        let (jobs, queue) = mpsc::channel(QUEUE);
        std::thread::Builder::new()
            .name("sqlite-writer".to_owned())
            .spawn(move || write_groups(&store, queue))
            .map_err(|e| Error::Task(format!("cannot start the writer thread: {e}")))?;
        Ok(GroupCommit { jobs })
    }

    /// Stores `events` (see [`Store::insert_all`]) and returns once they are committed.
    pub(crate) async fn insert(&self, events: Vec<Event>) -> Result<Inserted, Error> {
        let (answer, answered) = oneshot::channel();
        let gone = || Error::Task("the writer thread stopped".to_owned());
        self.jobs.send((events, answer)).await.map_err(|_| gone())?;
        answered.await.map_err(|_| gone())?
    }
}

/// The writer thread: takes whatever is waiting (up to [`MAX_GROUP`] batches) and writes it in
/// one transaction, until every handle is gone.
fn write_groups(store: &Store, mut queue: mpsc::Receiver<Job>) {
    while let Some(first) = queue.blocking_recv() {
        let mut group = vec![first];
        while group.len() < MAX_GROUP {
            match queue.try_recv() {
                Ok(job) => group.push(job),
                Err(_) => break,
            }
        }
        let batches: Vec<&[Event]> = group.iter().map(|(events, _)| events.as_slice()).collect();
        let results = store.insert_batches(&batches);
        for ((_, answer), result) in group.into_iter().zip(results) {
            // A client that left does not wait for its answer; its batch is stored all the same.
            let _ = answer.send(result);
        }
    }
}
