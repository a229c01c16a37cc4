//! How long `GET /v1/stats` takes at scale: stores N synthetic events (default 5 000 000) in a
//! fresh SQLite database under `target/` (or in the PostgreSQL database at URL), then times
//! `/v1/stats` over HTTP on loopback, for all time and for a period with bounds inside hours.
//!
//! `cargo run --release -p riskguard-collector --example stats_latency -- [N [URL]]`
//! (`cargo xtask bench collector-stats` runs it on both stores).

use std::time::{Duration, Instant};

use riskguard_collector::{open_store, router_with, serve, synthetic, Config};

type Failure = Box<dyn std::error::Error>;

#[tokio::main]
async fn main() -> Result<(), Failure> {
    let wanted: usize = match std::env::args().nth(1) {
        Some(n) => n.parse()?,
        None => 5_000_000,
    };
    let dir = tempfile::Builder::new()
        .prefix("stats-latency-")
        .tempdir_in(std::env::var_os("CARGO_TARGET_DIR").unwrap_or_else(|| "target".into()))?;
    let config = Config {
        db_path: dir.path().join("events.sqlite3"),
        database_url: std::env::args().nth(2).map(|url| url.parse()).transpose()?,
        ..Config::default()
    };
    let store = open_store(&config).await?;
    let end = chrono::Utc::now();
    let started = Instant::now();
    let mut stored = 0;
    let mut seed = 1;
    while stored < wanted {
        // About 2.4 events per warning episode.
        let events = synthetic::events(seed, 40_000, end);
        for chunk in events.chunks(1_000) {
            stored += store.insert_all(chunk.to_vec()).await?.stored;
        }
        seed += 1;
    }
    let kind = match config.database_url {
        Some(_) => "PostgreSQL",
        None => "SQLite",
    };
    println!(
        "{kind}: stored {stored} events in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    let app = router_with(&config, store)?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    tokio::spawn(serve(listener, app));
    let client = reqwest::Client::new();
    let since = (end - chrono::Duration::days(20) + chrono::Duration::seconds(1_397))
        .format("%Y-%m-%dT%H:%M:%S%.3fZ");
    let until = (end - chrono::Duration::days(2) - chrono::Duration::seconds(2_461))
        .format("%Y-%m-%dT%H:%M:%S%.3fZ");
    for query in [String::new(), format!("?since={since}&until={until}")] {
        let mut times = Vec::new();
        for _ in 0..11 {
            let started = Instant::now();
            let response = client.get(format!("{base}/v1/stats{query}")).send().await?;
            let status = response.status();
            let body = response.bytes().await?;
            times.push(started.elapsed());
            if !status.is_success() {
                return Err(format!("/v1/stats{query}: {status}").into());
            }
            if times.len() == 1 {
                println!("/v1/stats{query}: {} bytes", body.len());
            }
        }
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{kind} /v1/stats{query} at {stored} events: median {:.1} ms, max {:.1} ms (11 runs)",
            ms(times[5]),
            ms(times[10])
        );
    }
    Ok(())
}
