//! `cargo xtask demo`: builds the component, then runs the reference collector, which serves
//! the demo page and the component and stores its events, until Ctrl-C.

use std::net::{TcpStream, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::cmd::step;
use crate::workspace::Workspace;

/// Builds, starts the collector on `addr` (with `extra` arguments; on a throw-away PostgreSQL
/// when `postgres`) and waits for it to exit.
/// Returns `Ok` when it was stopped with Ctrl-C (the collector gets Ctrl-C too and shuts
/// down); any other exit of the collector is an error.
pub fn run(ws: &Workspace, addr: &str, postgres: bool, extra: &[String]) -> Result<()> {
    crate::build_component(ws)?;
    if is_listening(addr) {
        bail!("something is already listening on {addr}: stop it or pass `--addr <host:port>`");
    }
    step("building the collector (release)…");
    ws.cargo()
        .args(["build", "--release", "-p", "riskguard-collector"])
        .run()?;

    // Ctrl-C reaches the whole process group: the collector shuts down on it, and xtask
    // only notes it, waits for the collector, and then exits as interrupted.
    let interrupted = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&interrupted);
    ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst))
        .context("cannot install the Ctrl-C handler")?;

    // Stopped and removed when this function returns.
    let database = postgres
        .then(|| crate::postgres::Postgres::start(ws, false))
        .transpose()?;
    let database_args: Vec<String> = database
        .iter()
        .flat_map(|db| ["--database-url".to_owned(), db.url()])
        .collect();

    step(format!("starting the collector on {addr}…"));
    let mut child = ws
        .cargo()
        .args([
            "run",
            "--quiet",
            "--release",
            "-p",
            "riskguard-collector",
            "--",
        ])
        .args(["--addr", addr])
        // Live text preview: saving a .ftl file updates the open demo page.
        .args(["--locales-dir", "locales"])
        .args(&database_args)
        .args(extra)
        .spawn()?;

    let exited = Arc::new(AtomicBool::new(false));
    let announce = {
        let exited = Arc::clone(&exited);
        let addr = addr.to_owned();
        std::thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(120);
            while Instant::now() < deadline && !exited.load(Ordering::SeqCst) {
                if is_listening(&addr) {
                    eprintln!(
                        "\n    riskguard demo: http://{addr}/\n    dashboard:      \
                         http://{addr}/dashboard\n    (Ctrl-C to stop)\n"
                    );
                    return;
                }
                std::thread::sleep(Duration::from_millis(200));
            }
        })
    };

    let status = child.wait().context("lost the collector process")?;
    exited.store(true, Ordering::SeqCst);
    let _ = announce.join();
    if interrupted.load(Ordering::SeqCst) {
        step("stopped (Ctrl-C)");
        return Ok(());
    }
    if status.success() {
        bail!("the collector exited unexpectedly ({status})");
    }
    bail!("the collector failed ({status})")
}

/// Whether a TCP server accepts connections on `addr`.
fn is_listening(addr: &str) -> bool {
    addr.to_socket_addrs()
        .map(|mut addrs| {
            addrs.any(|a| TcpStream::connect_timeout(&a, Duration::from_millis(300)).is_ok())
        })
        .unwrap_or(false)
}
