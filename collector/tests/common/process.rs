//! The collector binary as a child process, for tests of the command line and of what only a
//! separate process can show (a read-only or full file system of its own).

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use serde_json::Value;

/// The collector binary.
pub const BIN: &str = env!("CARGO_BIN_EXE_riskguard-collector");

/// A collector process; killed on drop.
pub struct Running {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    /// Its standard output, kept open.
    _stdout: BufReader<std::process::ChildStdout>,
    _dir: tempfile::TempDir,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A fresh directory under `target/`.
pub fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("cli-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .unwrap()
}

/// The collector's own arguments for a database at `db` with JSON logs, on a free port.
pub fn collector_args(db: &Path, public_dir: &Path) -> Vec<String> {
    vec![
        "--addr".to_owned(),
        "127.0.0.1:0".to_owned(),
        "--log-format".to_owned(),
        "json".to_owned(),
        "--db".to_owned(),
        db.display().to_string(),
        "--public-dir".to_owned(),
        public_dir.display().to_string(),
    ]
}

impl Running {
    /// The binary with a database in a fresh directory and `args`.
    pub fn start(args: &[&str]) -> Running {
        let dir = temp_dir();
        let mut command = Command::new(BIN);
        command
            .args(collector_args(
                &dir.path().join("events.sqlite3"),
                dir.path(),
            ))
            .args(args);
        Running::spawn(command, dir)
    }

    /// Runs `command` (which starts the collector, perhaps through a wrapper) and waits for
    /// its first line, the address it listens on; `dir` is removed when it stops.
    pub fn spawn(mut command: Command, dir: tempfile::TempDir) -> Running {
        let mut child = command
            .env("RUST_LOG", "info")
            .env_remove("RISKGUARD_TOKEN")
            .env_remove("RISKGUARD_ALLOW_ORIGINS")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        stdout.read_line(&mut line).unwrap();
        let Some(base) = line
            .trim()
            .strip_prefix("riskguard collector listening on ")
            .map(|base| base.trim_end_matches('/').to_owned())
        else {
            let _ = child.kill();
            let mut errors = String::new();
            if let Some(mut stderr) = child.stderr.take() {
                let _ = stderr.read_to_string(&mut errors);
            }
            panic!("the collector did not start: {line}\n{errors}");
        };
        Running {
            child,
            base,
            _stdout: stdout,
            _dir: dir,
        }
    }

    /// Stops the process and returns its log lines, each parsed as JSON.
    pub fn logs(mut self) -> (String, Vec<Value>) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let mut text = String::new();
        self.child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        let lines = text
            .lines()
            .map(|line| {
                serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"))
            })
            .collect();
        (text, lines)
    }
}
