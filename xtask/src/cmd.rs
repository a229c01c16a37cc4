//! Running external commands: every command is echoed before it runs, and a failure to start
//! or a non-zero exit becomes an error naming the command (never a panic).

use std::ffi::{OsStr, OsString};
use std::fmt::Display;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use anyhow::{bail, Context, Result};

/// Prints what xtask is doing now, e.g. `xtask: installing wasm32-unknown-unknown target…`.
pub fn step(message: impl Display) {
    eprintln!("xtask: {message}");
}

/// A wall time for humans: `9.2s`, `1m 23s`.
pub fn format_duration(d: std::time::Duration) -> String {
    let secs = d.as_secs_f64();
    if secs < 60.0 {
        format!("{secs:.1}s")
    } else {
        let whole = d.as_secs();
        format!("{}m {:02}s", whole / 60, whole % 60)
    }
}

/// An external command, echoed as `xtask: $ program args…` when it runs.
///
/// Paths under the workspace root are shown relative to it, so the echo can be pasted into a
/// shell at the root.
pub struct Cmd {
    command: Command,
    program: OsString,
    args: Vec<OsString>,
    envs: Vec<(OsString, OsString)>,
    root: Option<PathBuf>,
}

impl Cmd {
    /// A command that runs `program` (looked up on `PATH` unless it is a path).
    pub fn new(program: impl AsRef<OsStr>) -> Self {
        Self {
            command: Command::new(program.as_ref()),
            program: program.as_ref().to_owned(),
            args: Vec::new(),
            envs: Vec::new(),
            root: None,
        }
    }

    /// Runs the command in `dir`, and shows paths under `dir` relative to it in the echo.
    pub fn root(mut self, dir: &Path) -> Self {
        self.command.current_dir(dir);
        self.root = Some(dir.to_owned());
        self
    }

    /// Adds one argument.
    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.command.arg(arg.as_ref());
        self.args.push(arg.as_ref().to_owned());
        self
    }

    /// Adds several arguments.
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        for arg in args {
            self = self.arg(arg);
        }
        self
    }

    /// Sets an environment variable for the command (shown in the echo, verbatim).
    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Self {
        self.command.env(key.as_ref(), value.as_ref());
        self.envs
            .push((key.as_ref().to_owned(), value.as_ref().to_owned()));
        self
    }

    /// The command line as echoed, e.g. `CHROMEDRIVER=/usr/bin/chromedriver cargo test`.
    pub fn display(&self) -> String {
        let mut words: Vec<String> = self
            .envs
            .iter()
            .map(|(k, v)| {
                format!(
                    "{}={}",
                    k.to_string_lossy(),
                    shell_quote(&v.to_string_lossy())
                )
            })
            .collect();
        words.push(self.shown(&self.program));
        words.extend(self.args.iter().map(|a| self.shown(a)));
        words.join(" ")
    }

    fn shown(&self, word: &OsStr) -> String {
        let text = word.to_string_lossy();
        let text = match &self.root {
            Some(root) => {
                let prefix = format!("{}/", root.display());
                match text.strip_prefix(&prefix) {
                    Some(rest) if !rest.is_empty() => rest.to_owned(),
                    _ => text.into_owned(),
                }
            }
            None => text.into_owned(),
        };
        shell_quote(&text)
    }

    /// Runs the command with the terminal attached; fails unless it exits with status 0.
    pub fn run(mut self) -> Result<()> {
        let shown = self.display();
        eprintln!("xtask: $ {shown}");
        let status = self
            .command
            .status()
            .with_context(|| format!("could not start `{shown}`"))?;
        if !status.success() {
            bail!("`{shown}` failed ({status})");
        }
        Ok(())
    }

    /// Runs the command and returns its standard output; fails unless it exits with status 0.
    pub fn read(mut self) -> Result<String> {
        let shown = self.display();
        eprintln!("xtask: $ {shown}");
        let output = self
            .command
            .stdin(Stdio::null())
            .stderr(Stdio::inherit())
            .output()
            .with_context(|| format!("could not start `{shown}`"))?;
        if !output.status.success() {
            bail!("`{shown}` failed ({})", output.status);
        }
        String::from_utf8(output.stdout).with_context(|| format!("`{shown}` printed non-UTF-8"))
    }

    /// Runs the command to ask a question: its standard output if it started and exited with
    /// status 0, `None` otherwise (missing program, non-zero exit). Standard error is hidden.
    pub fn probe(mut self) -> Option<String> {
        eprintln!("xtask: $ {}", self.display());
        let output = self
            .command
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .ok()?;
        if !output.status.success() {
            return None;
        }
        String::from_utf8(output.stdout).ok()
    }

    /// Starts the command without waiting for it (the terminal stays attached).
    pub fn spawn(mut self) -> Result<Child> {
        let shown = self.display();
        eprintln!("xtask: $ {shown}");
        self.command
            .spawn()
            .with_context(|| format!("could not start `{shown}`"))
    }
}

/// Quotes a word for display the way a POSIX shell would need it.
pub fn shell_quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_=./:,+@%".contains(c));
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// Whether `program` can be found on `PATH` (or exists, if it is a path).
pub fn on_path(program: &str) -> bool {
    if program.contains('/') {
        return Path::new(program).is_file();
    }
    std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_durations() {
        use std::time::Duration;
        assert_eq!(format_duration(Duration::from_millis(9_240)), "9.2s");
        assert_eq!(format_duration(Duration::from_secs(83)), "1m 23s");
        assert_eq!(format_duration(Duration::from_secs(3_605)), "60m 05s");
    }

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(shell_quote("--profile"), "--profile");
        assert_eq!(shell_quote("=0.2.130"), "=0.2.130");
        assert_eq!(shell_quote("a b"), "'a b'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote(""), "''");
    }

    #[test]
    fn echo_shows_env_and_paths_relative_to_root() {
        let root = Path::new("/w/main");
        let cmd = Cmd::new("/w/main/node_modules/.bin/wasm-opt")
            .root(root)
            .env("RISKGUARD_ROOT", root)
            .arg("-Oz")
            .arg(root.join("target/dist/pkg/x.wasm"));
        assert_eq!(
            cmd.display(),
            "RISKGUARD_ROOT=/w/main node_modules/.bin/wasm-opt -Oz target/dist/pkg/x.wasm"
        );
    }
}
