//! `riskguard-collector`: runs the collector on an address until Ctrl-C.

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use riskguard_collector::Config;
use tracing_subscriber::EnvFilter;

/// The riskguard collector: stores the component's events in SQLite and serves the demo.
#[derive(Debug, Parser)]
#[command(name = "riskguard-collector", version, about)]
struct Args {
    /// Address to listen on.
    #[arg(long, env = "RISKGUARD_ADDR", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Directory for the collector's data.
    #[arg(long, env = "RISKGUARD_DATA_DIR", default_value = "data")]
    data_dir: PathBuf,
    /// The SQLite database file [default: <DATA_DIR>/events.sqlite3].
    #[arg(long, env = "RISKGUARD_DB")]
    db: Option<PathBuf>,
    /// Directory served at `/` (the demo page).
    #[arg(long, default_value = "public")]
    public_dir: PathBuf,
    /// Directory served at `/pkg` (the built component).
    #[arg(long, default_value = "target/dist/pkg")]
    pkg_dir: PathBuf,
    /// Directory served at `/style` (the component's CSS).
    #[arg(long, default_value = "style")]
    style_dir: PathBuf,
    /// Demo mode for content editors: serve this `locales/` folder for the live text preview.
    #[arg(long)]
    locales_dir: Option<PathBuf>,
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    match run(Args::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("riskguard-collector: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<(), String> {
    let config = Config {
        db_path: args
            .db
            .unwrap_or_else(|| args.data_dir.join("events.sqlite3")),
        public_dir: args.public_dir,
        pkg_dir: args.pkg_dir,
        style_dir: args.style_dir,
        locales_dir: args.locales_dir,
    };
    let router = riskguard_collector::router(&config).map_err(|e| e.to_string())?;
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", args.addr))?;
    let addr = listener
        .local_addr()
        .map_err(|e| format!("cannot read the listening address: {e}"))?;
    println!("riskguard collector listening on http://{addr}/");
    tracing::info!(%addr, db = %config.db_path.display(), "collector started");
    riskguard_collector::serve(listener, router)
        .await
        .map_err(|e| format!("the server stopped: {e}"))
}
