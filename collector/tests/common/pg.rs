//! A fresh PostgreSQL database per test, on the server `cargo xtask test` starts
//! (`RISKGUARD_TEST_POSTGRES`, a URL without a database name). Without it the PostgreSQL half
//! of a test is skipped with a warning — except under `CI=true`, where it fails.

use std::sync::atomic::{AtomicU64, Ordering};

/// The variable naming the server.
pub const ENV: &str = "RISKGUARD_TEST_POSTGRES";

/// The URL of a new, empty database, or `None` (with a warning) when no server is configured
/// outside CI.
pub async fn fresh_database() -> Option<String> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let base = match std::env::var(ENV) {
        Ok(base) => base,
        Err(_) if std::env::var("CI").is_ok_and(|ci| ci == "true") => {
            panic!("{ENV} is not set: PostgreSQL tests cannot run (`cargo xtask test` starts one)")
        }
        Err(_) => {
            eprintln!(
                "warning: {ENV} is not set; the PostgreSQL half of this test did not run \
                 (`cargo xtask test --only native` starts a server)"
            );
            return None;
        }
    };
    let name = format!(
        "rg_{}_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_micros(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let (client, connection) =
        tokio_postgres::connect(&format!("{base}/postgres"), tokio_postgres::NoTls)
            .await
            .unwrap_or_else(|e| panic!("cannot reach PostgreSQL at {base}: {e}"));
    tokio::spawn(connection);
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .await
        .unwrap();
    Some(format!("{base}/{name}"))
}
