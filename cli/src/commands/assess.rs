//! `riskguard assess`: JSON Lines in, one assessment (or error object) per line out.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use riskguard_core::risk::{assess, Rules, TransferContext};
use serde::Serialize;

/// What a line that cannot be read becomes on stdout.
#[derive(Debug, Serialize)]
pub struct LineError<'a> {
    /// 1-based line number on stdin.
    pub line: usize,
    /// The transfer's `id`, when the line is JSON with a string `id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What is wrong, naming the field.
    pub error: &'a str,
}

/// Assesses every line of `input` into `output`; returns how many lines failed.
pub fn assess_lines(
    rules: &Rules,
    input: impl BufRead,
    mut output: impl Write,
) -> io::Result<usize> {
    let mut failed = 0;
    for (index, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let json = match TransferContext::from_json(&line) {
            Ok(context) => serde_json::to_string(&assess(&context, rules)),
            Err(e) => {
                failed += 1;
                let message = e.to_string();
                serde_json::to_string(&LineError {
                    line: index + 1,
                    id: id_of(&line),
                    error: &message,
                })
            }
        }
        .map_err(io::Error::other)?;
        output.write_all(json.as_bytes())?;
        output.write_all(b"\n")?;
    }
    output.flush()?;
    Ok(failed)
}

/// The string `id` of a JSON object line, if it has one.
fn id_of(line: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(line).ok()?;
    value.get("id")?.as_str().map(str::to_owned)
}

/// Runs the command on stdin and stdout.
pub fn run(rules: &Rules) -> Result<ExitCode, String> {
    let stdin = io::stdin().lock();
    let stdout = BufWriter::new(io::stdout().lock());
    match assess_lines(rules, stdin, stdout) {
        Ok(0) => Ok(ExitCode::SUCCESS),
        Ok(failed) => {
            eprintln!("riskguard: {failed} line(s) could not be assessed");
            Ok(ExitCode::FAILURE)
        }
        // The reader of stdout went away (`| head`): stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(format!("cannot read stdin or write stdout: {e}")),
    }
}
