//! A bounded load generator for the collector, on loopback only: starts the collector binary
//! on a free 127.0.0.1 port (SQLite in a fresh directory under `target/`, or the PostgreSQL
//! database given), sends batches of synthetic events from N connections for a fixed time,
//! optionally `kill -9`s and restarts the collector during the run, then compares every
//! acknowledged event with the stored rows.
//!
//! Prints events/s, p50/p99 latency of acknowledged requests, errors, and acknowledged events
//! missing from the database (must be 0). `cargo xtask bench collector` runs it on both stores.
//!
//! ```text
//! cargo run --release -p riskguard-collector --example load -- \
//!     --collector target/release/riskguard-collector [--database-url postgres://…] \
//!     [--connections 64] [--batch 100] [--seconds 15] [--kills 5]
//! ```

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;
use riskguard_collector::synthetic;
use riskguard_core::events::{Event, BATCH_CONTENT_TYPE};
use serde_json::Value;

type Failure = Box<dyn std::error::Error + Send + Sync>;

/// Load on loopback, then a check that nothing acknowledged was lost.
#[derive(Debug, Parser)]
struct Args {
    /// The collector binary.
    #[arg(long)]
    collector: PathBuf,
    /// Store in this PostgreSQL database (default: SQLite under target/).
    #[arg(long)]
    database_url: Option<String>,
    /// Concurrent connections.
    #[arg(long, default_value_t = 64)]
    connections: usize,
    /// Events per request.
    #[arg(long, default_value_t = 100)]
    batch: usize,
    /// How long to send, in seconds (the run is bounded by this).
    #[arg(long, default_value_t = 15)]
    seconds: u64,
    /// `kill -9` the collector this many times, evenly spread over the run, restarting it
    /// each time.
    #[arg(long, default_value_t = 0)]
    kills: u32,
}

/// The collector process under test.
struct Collector {
    child: Child,
    args: Vec<String>,
    bin: PathBuf,
}

impl Collector {
    fn start(bin: &Path, args: Vec<String>) -> Result<Collector, Failure> {
        let child = Command::new(bin)
            .args(&args)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        Ok(Collector {
            child,
            args,
            bin: bin.to_owned(),
        })
    }

    /// SIGKILL, then start again with the same arguments.
    fn crash_and_restart(&mut self) -> Result<(), Failure> {
        self.child.kill()?;
        self.child.wait()?;
        *self = Collector::start(&self.bin, self.args.clone())?;
        Ok(())
    }
}

impl Drop for Collector {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits until `/readyz` answers 200 (at most 60 s).
async fn wait_ready(client: &reqwest::Client, base: &str) -> Result<(), Failure> {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Ok(response) = client.get(format!("{base}/readyz")).send().await {
            if response.status().is_success() {
                return Ok(());
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err("the collector did not become ready within 60 s".into())
}

/// What one connection did.
#[derive(Default)]
struct Tally {
    latencies: Vec<Duration>,
    acknowledged: Vec<String>,
    errors: u64,
}

/// Sends batches until `deadline`, resending a batch until it is acknowledged (as the
/// component does).
async fn connection(
    base: String,
    template: Arc<Vec<Event>>,
    task: usize,
    batch: usize,
    deadline: Instant,
) -> Tally {
    let mut tally = Tally::default();
    let client = match reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
    {
        Ok(client) => client,
        Err(_) => return tally,
    };
    let mut seq = 0usize;
    while Instant::now() < deadline {
        let events: Vec<Event> = (0..batch)
            .map(|i| {
                let mut event = template[(task * 7919 + seq * batch + i) % template.len()].clone();
                event.id = format!("t{task}-{seq}-{i}");
                event
            })
            .collect();
        let body = Value::Array(events.iter().map(Event::to_json).collect()).to_string();
        seq += 1;
        while Instant::now() < deadline {
            let started = Instant::now();
            let response = client
                .post(format!("{base}/v1/events"))
                .header("content-type", BATCH_CONTENT_TYPE)
                .body(body.clone())
                .send()
                .await;
            match response {
                Ok(response) if response.status().is_success() => {
                    tally.latencies.push(started.elapsed());
                    tally
                        .acknowledged
                        .extend(events.iter().map(|e| e.id.clone()));
                    break;
                }
                _ => {
                    tally.errors += 1;
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            }
        }
    }
    tally
}

/// The ids stored, read straight from the database.
async fn stored_ids(sqlite: &Path, url: Option<&str>) -> Result<HashSet<String>, Failure> {
    match url {
        Some(url) => {
            let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls).await?;
            tokio::spawn(connection);
            Ok(client
                .query("SELECT id FROM events", &[])
                .await?
                .into_iter()
                .map(|row| row.get(0))
                .collect())
        }
        None => {
            let connection = rusqlite::Connection::open(sqlite)?;
            let mut statement = connection.prepare("SELECT id FROM events")?;
            let ids = statement
                .query_map([], |row| row.get(0))?
                .collect::<Result<HashSet<String>, _>>()?;
            Ok(ids)
        }
    }
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)].as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() -> Result<(), Failure> {
    let args = Args::parse();
    let dir = tempfile::Builder::new()
        .prefix("load-")
        .tempdir_in(std::env::var_os("CARGO_TARGET_DIR").unwrap_or_else(|| "target".into()))?;
    let db = dir.path().join("events.sqlite3");
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let mut collector_args = vec![
        "--addr".to_owned(),
        format!("127.0.0.1:{port}"),
        "--public-dir".to_owned(),
        dir.path().display().to_string(),
        "--db".to_owned(),
        db.display().to_string(),
    ];
    if let Some(url) = &args.database_url {
        collector_args.extend(["--database-url".to_owned(), url.clone()]);
    }
    let mut collector = Collector::start(&args.collector, collector_args)?;
    let probe = reqwest::Client::new();
    wait_ready(&probe, &base).await?;

    let template = Arc::new(synthetic::events_until_now(42, 4_000));
    let started = Instant::now();
    let deadline = started + Duration::from_secs(args.seconds);
    let tasks: Vec<_> = (0..args.connections)
        .map(|task| {
            tokio::spawn(connection(
                base.clone(),
                Arc::clone(&template),
                task,
                args.batch,
                deadline,
            ))
        })
        .collect();
    let kills = Arc::new(AtomicU64::new(0));
    if args.kills > 0 {
        let every = Duration::from_secs(args.seconds) / (args.kills + 1);
        for _ in 0..args.kills {
            tokio::time::sleep(every).await;
            collector.crash_and_restart()?;
            kills.fetch_add(1, Ordering::Relaxed);
            wait_ready(&probe, &base).await?;
        }
    }
    let mut total = Tally::default();
    for task in tasks {
        let tally = task.await?;
        total.latencies.extend(tally.latencies);
        total.acknowledged.extend(tally.acknowledged);
        total.errors += tally.errors;
    }
    let elapsed = started.elapsed().as_secs_f64();
    // The last word: a crash, so that only what was committed counts.
    collector.crash_and_restart()?;
    wait_ready(&probe, &base).await?;
    drop(collector);
    let stored = stored_ids(&db, args.database_url.as_deref()).await?;
    let lost = total
        .acknowledged
        .iter()
        .filter(|id| !stored.contains(*id))
        .count();
    total.latencies.sort();
    let store = if args.database_url.is_some() {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    println!(
        "{store}: {} connections, batches of {}, {:.0} s, {} kill -9: {:.0} events/s acknowledged, \
         p50 {:.1} ms, p99 {:.1} ms, {} failed requests (retried), {} acknowledged, {} stored, \
         {lost} acknowledged events lost",
        args.connections,
        args.batch,
        elapsed,
        kills.load(Ordering::Relaxed),
        total.acknowledged.len() as f64 / elapsed,
        percentile(&total.latencies, 0.5),
        percentile(&total.latencies, 0.99),
        total.errors,
        total.acknowledged.len(),
        stored.len(),
    );
    if lost > 0 {
        return Err(format!("{lost} acknowledged events are not in the database").into());
    }
    Ok(())
}
