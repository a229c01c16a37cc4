//! `riskguard-collector`: runs the collector on an address until Ctrl-C.

use std::io::{IsTerminal, Write};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, ValueEnum};
use riskguard_collector::{
    AllowedOrigin, BearerToken, Config, DatabaseUrl, Fault, Limits, DEFAULT_BODY_TIMEOUT_MS,
    DEFAULT_HEADER_TIMEOUT_MS, DEFAULT_MAX_CONNECTIONS, DEFAULT_MIN_FREE_DISK_MB,
};
use tracing_subscriber::EnvFilter;

/// The riskguard collector: stores the component's events in SQLite, reports on them and
/// serves the demo.
///
/// Endpoints: POST /v1/events (CloudEvents, one or a batch of up to 500, at most 64 KiB),
/// GET /v1/stats (warning adherence and quiz results as JSON; ?since=&until= in RFC 3339),
/// GET /dashboard (the same as a page with charts), GET /healthz (liveness), GET /readyz
/// (readiness: the database takes writes and its disk has room), and the demo's static files.
#[derive(Debug, Parser)]
#[command(name = "riskguard-collector", version, about, long_about)]
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
    /// Store events in this PostgreSQL database instead of SQLite, e.g.
    /// `postgres://riskguard:secret@db.internal:5432/riskguard`: for several collectors behind
    /// a load balancer. Migrations are applied at start. Never logged.
    #[arg(
        long,
        env = "RISKGUARD_DATABASE_URL",
        hide_env_values = true,
        value_name = "URL"
    )]
    database_url: Option<DatabaseUrl>,
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
    /// Require `Authorization: Bearer <TOKEN>` on POST /v1/events (401 otherwise). Visible
    /// ASCII, no spaces. Never logged. /v1/stats and /dashboard stay open: put them behind
    /// your own access control.
    #[arg(long, env = "RISKGUARD_TOKEN", hide_env_values = true)]
    token: Option<BearerToken>,
    /// Let pages of this origin call the API from the browser (CORS), e.g.
    /// `https://pay.example` (scheme, host and port only). Repeat for more origins; in the
    /// environment, separate them with commas. Other origins get no CORS headers.
    #[arg(
        long = "allow-origin",
        value_name = "ORIGIN",
        env = "RISKGUARD_ALLOW_ORIGINS",
        value_delimiter = ','
    )]
    allow_origins: Vec<AllowedOrigin>,
    /// Log format: one line per request, as text or as JSON objects. `auto`: text when
    /// standard error is a terminal, JSON otherwise (for log collectors). RUST_LOG filters.
    #[arg(long, env = "RISKGUARD_LOG_FORMAT", value_enum, default_value_t = LogFormat::Auto)]
    log_format: LogFormat,
    /// How long a client may take to send a request's headers, in milliseconds; also how long
    /// an idle keep-alive connection is kept.
    #[arg(
        long,
        env = "RISKGUARD_HEADER_TIMEOUT_MS",
        value_name = "MS",
        default_value_t = DEFAULT_HEADER_TIMEOUT_MS
    )]
    header_timeout_ms: u64,
    /// How long a client may take to send the body of POST /v1/events once its headers are
    /// in, in milliseconds (408 after that).
    #[arg(
        long,
        env = "RISKGUARD_BODY_TIMEOUT_MS",
        value_name = "MS",
        default_value_t = DEFAULT_BODY_TIMEOUT_MS
    )]
    body_timeout_ms: u64,
    /// The most connections open at once; more clients wait until one closes. Keep it below
    /// the open-file limit (`ulimit -n`).
    #[arg(
        long,
        env = "RISKGUARD_MAX_CONNECTIONS",
        value_name = "N",
        default_value_t = DEFAULT_MAX_CONNECTIONS
    )]
    max_connections: usize,
    /// GET /readyz fails (503) when the database's disk has less free space than this, in MiB.
    #[arg(
        long,
        env = "RISKGUARD_MIN_FREE_DISK_MB",
        value_name = "MIB",
        default_value_t = DEFAULT_MIN_FREE_DISK_MB
    )]
    min_free_disk_mb: u64,
    /// Fault mode for tests: the probability (0–1) that POST /v1/events fails on purpose —
    /// 503 without storing, 503 after storing (a lost acknowledgement), or a stall of
    /// --latency-ms then 503.
    #[arg(long, value_name = "RATE", value_parser = parse_rate)]
    fail_rate: Option<f64>,
    /// Fault mode for tests: stalls last this long, and other POST /v1/events requests wait a
    /// random time up to it.
    #[arg(long, value_name = "MS")]
    latency_ms: Option<u64>,
    /// Fault mode for tests: seed of the fault sequence, to reproduce a run (a random seed is
    /// logged otherwise).
    #[arg(long, value_name = "SEED")]
    fault_seed: Option<u64>,
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LogFormat {
    /// Text on a terminal, JSON otherwise.
    Auto,
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

fn parse_rate(text: &str) -> Result<f64, String> {
    let rate: f64 = text
        .parse()
        .map_err(|_| format!("`{text}` is not a number"))?;
    if (0.0..=1.0).contains(&rate) {
        Ok(rate)
    } else {
        Err(format!("the fail rate must be from 0 to 1, not {text}"))
    }
}

fn init_logging(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let terminal = std::io::stderr().is_terminal();
    let json = match format {
        LogFormat::Auto => !terminal,
        LogFormat::Text => false,
        LogFormat::Json => true,
    };
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .init();
    } else {
        builder.with_ansi(terminal).init();
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    init_logging(args.log_format);
    match run(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("riskguard-collector: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<(), String> {
    let fault = match (args.fail_rate, args.latency_ms, args.fault_seed) {
        (None, None, None) => None,
        (None, None, Some(_)) => {
            return Err("--fault-seed needs --fail-rate or --latency-ms".to_owned());
        }
        (rate, latency, seed) => Some(Fault {
            fail_rate: rate.unwrap_or(0.0),
            latency_ms: latency.unwrap_or(0),
            seed: seed.unwrap_or_else(Fault::random_seed),
        }),
    };
    let config = Config {
        db_path: args
            .db
            .unwrap_or_else(|| args.data_dir.join("events.sqlite3")),
        database_url: args.database_url,
        public_dir: args.public_dir,
        pkg_dir: args.pkg_dir,
        style_dir: args.style_dir,
        locales_dir: args.locales_dir,
        token: args.token,
        allowed_origins: args.allow_origins,
        fault,
        limits: Limits {
            header_timeout: Duration::from_millis(args.header_timeout_ms),
            body_timeout: Duration::from_millis(args.body_timeout_ms),
            max_connections: args.max_connections,
        },
        min_free_bytes: args.min_free_disk_mb.saturating_mul(1024 * 1024),
    };
    let store = riskguard_collector::open_store(&config)
        .await
        .map_err(|e| e.to_string())?;
    let router = riskguard_collector::router_with(&config, store).map_err(|e| e.to_string())?;
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", args.addr))?;
    let addr = listener
        .local_addr()
        .map_err(|e| format!("cannot read the listening address: {e}"))?;
    // A closed standard output (a parent that read the first line and went) is no reason to
    // stop serving: ignore write errors rather than panic like `println!`.
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "riskguard collector listening on http://{addr}/");
    let _ = writeln!(out, "dashboard: http://{addr}/dashboard");
    let _ = out.flush();
    drop(out);
    let origins: Vec<&str> = config
        .allowed_origins
        .iter()
        .map(AllowedOrigin::as_str)
        .collect();
    tracing::info!(
        %addr,
        db = %match config.database_url {
            Some(_) => "postgresql".to_owned(),
            None => config.db_path.display().to_string(),
        },
        token_required = config.token.is_some(),
        allowed_origins = ?origins,
        "collector started"
    );
    riskguard_collector::serve_with(
        listener,
        router,
        config.limits,
        riskguard_collector::shutdown_signal(),
    )
    .await
    .map_err(|e| format!("the server stopped: {e}"))
}
