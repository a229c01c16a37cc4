//! A throw-away PostgreSQL server for tests, benchmarks and `cargo xtask demo --postgres`:
//! Debian's server binaries (installed with apt-get as root when missing), a fresh data
//! directory under /tmp, trust authentication on 127.0.0.1 and a free port, run as a non-root
//! user (the server refuses root). Stopped and deleted when dropped.

use std::net::TcpListener;
use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::cmd::step;
use crate::tools::{apt_install, is_root};
use crate::workspace::Workspace;

/// Where Debian puts the server binaries (`/usr/lib/postgresql/<major>/bin`).
const DEBIAN_BINARIES: &str = "/usr/lib/postgresql";

/// The user the server runs as when xtask runs as root; created if missing.
const SERVER_USER: &str = "postgres";

/// A running throw-away server.
pub struct Postgres {
    bin: PathBuf,
    data: PathBuf,
    /// Who runs the server commands: `Some(user)` through `runuser` when xtask is root.
    user: Option<String>,
    /// The port on 127.0.0.1.
    pub port: u16,
}

impl Postgres {
    /// Installs (if needed), initialises and starts a server; `durable` keeps `fsync` on (for
    /// benchmarks and crash tests), otherwise it is off (tests, the demo).
    pub fn start(ws: &Workspace, durable: bool) -> Result<Postgres> {
        let bin = ensure_installed(ws)?;
        let root = is_root(ws);
        let user = if root {
            ensure_user(ws)?;
            Some(SERVER_USER.to_owned())
        } else {
            None
        };
        let data = std::env::temp_dir().join(format!(
            "riskguard-pg-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0)
        ));
        std::fs::create_dir_all(&data)
            .with_context(|| format!("cannot create {}", data.display()))?;
        let server = Postgres {
            bin,
            data,
            user,
            port: free_port()?,
        };
        if root {
            ws.cmd("chown")
                .arg(format!("{SERVER_USER}:"))
                .arg(&server.data)
                .run()?;
        }
        step(format!(
            "starting a throw-away PostgreSQL on 127.0.0.1:{} ({})…",
            server.port,
            server.data.display()
        ));
        server
            .as_user(ws, "initdb")
            .args([
                "--auth=trust",
                "--username=postgres",
                "--encoding=UTF8",
                "--no-sync",
            ])
            .arg("-D")
            .arg(server.pgdata())
            .run()?;
        let fsync = if durable { "on" } else { "off" };
        server
            .as_user(ws, "pg_ctl")
            .arg("-D")
            .arg(server.pgdata())
            .arg("-l")
            .arg(server.data.join("server.log"))
            .arg("-o")
            .arg(format!(
                "-h 127.0.0.1 -p {} -k {} -c fsync={fsync} -c max_connections=200",
                server.port,
                server.data.display()
            ))
            .args(["-w", "-t", "60", "start"])
            .run()
            .with_context(|| {
                format!(
                    "PostgreSQL did not start; its log is {}",
                    server.data.join("server.log").display()
                )
            })?;
        Ok(server)
    }

    /// The base URL, without a database name: append `/<database>`.
    pub fn base_url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}", self.port)
    }

    /// The URL of the `postgres` database.
    pub fn url(&self) -> String {
        format!("{}/postgres", self.base_url())
    }

    fn pgdata(&self) -> PathBuf {
        self.data.join("pgdata")
    }

    fn as_user(&self, ws: &Workspace, program: &str) -> crate::cmd::Cmd {
        let program = self.bin.join(program);
        match &self.user {
            Some(user) => ws.cmd("runuser").args(["-u", user, "--"]).arg(program),
            None => ws.cmd(program),
        }
    }

    /// Stops the server at once and deletes its data.
    fn stop(&self) {
        // Plain `std::process::Command`: `Drop` has no `Workspace` for `as_user`.
        let pg_ctl = self.bin.join("pg_ctl");
        let mut command = match &self.user {
            Some(user) => {
                let mut runuser = std::process::Command::new("runuser");
                runuser.args(["-u", user, "--"]).arg(pg_ctl);
                runuser
            }
            None => std::process::Command::new(pg_ctl),
        };
        let stopped = command
            .arg("-D")
            .arg(self.pgdata())
            .args(["-m", "immediate", "-w", "stop"])
            .stdout(std::process::Stdio::null())
            .status();
        if let Err(error) = stopped {
            eprintln!("xtask: cannot stop PostgreSQL: {error}");
        }
        if let Err(error) = std::fs::remove_dir_all(&self.data) {
            eprintln!("xtask: cannot remove {}: {error}", self.data.display());
        }
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The newest `/usr/lib/postgresql/<major>/bin` with `initdb`.
fn find_binaries() -> Option<PathBuf> {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir(DEBIAN_BINARIES)
        .ok()?
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let major = entry.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").is_file().then_some((major, bin))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, bin)| bin)
}

/// The server binaries, installed with apt-get (as root) when missing.
fn ensure_installed(ws: &Workspace) -> Result<PathBuf> {
    if let Some(bin) = find_binaries() {
        return Ok(bin);
    }
    apt_install(ws, "PostgreSQL tests", &["postgresql"])?;
    find_binaries().context("apt-get installed postgresql, but no initdb was found")
}

/// Makes sure the server's user exists (Debian's package creates it; a bare machine may not).
fn ensure_user(ws: &Workspace) -> Result<()> {
    if ws.cmd("id").arg(SERVER_USER).probe().is_some() {
        return Ok(());
    }
    step(format!("creating the system user `{SERVER_USER}`…"));
    ws.cmd("useradd")
        .args([
            "--system",
            "--no-create-home",
            "--shell",
            "/usr/sbin/nologin",
        ])
        .arg(SERVER_USER)
        .run()
}

/// A port on 127.0.0.1 that nothing listens on now.
fn free_port() -> Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").context("cannot find a free port")?;
    Ok(listener.local_addr()?.port())
}

/// `cargo xtask postgres`: starts a server, prints its URL and waits for Ctrl-C.
pub fn serve_until_interrupted(ws: &Workspace) -> Result<()> {
    let server = Postgres::start(ws, false)?;
    let (interrupted, wait) = std::sync::mpsc::channel();
    ctrlc::set_handler(move || {
        let _ = interrupted.send(());
    })
    .context("cannot install the Ctrl-C handler")?;
    println!("{}", server.base_url());
    step(format!(
        "PostgreSQL is running: {}=$URL cargo test -p riskguard-collector (Ctrl-C to stop)",
        crate::test::TEST_POSTGRES_ENV
    ));
    let _ = wait.recv();
    step("stopping PostgreSQL…");
    Ok(())
}
