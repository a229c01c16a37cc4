//! The collector's error type.

use std::path::PathBuf;

/// Why the collector could not open its database or store events.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The directory that should hold the database could not be created.
    #[error("cannot create the directory {}: {source}", path.display())]
    CreateDir {
        /// The directory.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The database could not be opened, configured or given its schema.
    #[error("cannot open the database {}: {source}", path.display())]
    Open {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        #[source]
        source: rusqlite::Error,
    },
    /// A query or write failed on an open database.
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
    /// PostgreSQL (or its connection pool) failed. The message is the server's or the
    /// pool's; it never holds the database URL or bound values.
    #[error("PostgreSQL error: {0}")]
    Postgres(String),
    /// A setting of [`crate::Config`] is out of range.
    #[error("invalid configuration: {0}")]
    Config(String),
    /// A transaction holding several batches could not be committed: none of them is stored.
    #[error("the database could not commit: {0}")]
    Commit(String),
    /// A readiness check failed: the store cannot take writes now.
    #[error("not ready: {0}")]
    NotReady(String),
    /// The blocking task that ran a database operation did not finish.
    #[error("the database task did not finish: {0}")]
    Task(String),
}
