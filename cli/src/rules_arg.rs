//! `--rules FILE`: the rules to use, or the built-in ones.

use std::borrow::Cow;
use std::path::Path;

use riskguard_core::risk::Rules;

/// Reads and compiles `path`, or borrows the built-in rules when there is none. The error
/// names the file and the line, column or field at fault.
pub fn load(path: Option<&Path>) -> Result<Cow<'static, Rules>, String> {
    let Some(path) = path else {
        return Ok(Cow::Borrowed(Rules::builtin()));
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Rules::from_json(&text)
        .map(Cow::Owned)
        .map_err(|e| format!("{}: {e}", path.display()))
}
