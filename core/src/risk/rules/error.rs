//! `RulesError`: a rules file that cannot be used, and where the problem is.

use std::fmt;

/// A rules file that could not be used, with where the problem is. The caller keeps the rules
/// it had (the component keeps [`super::Rules::builtin`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulesError {
    /// 1-based line of the problem in the file, when known.
    pub line: Option<usize>,
    /// 1-based column of the problem, when known.
    pub column: Option<usize>,
    /// The field at fault, as a path such as `keywords[3].terms[0]`, when known.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl RulesError {
    /// An error about `field` (a path such as `keywords[3].weight`).
    pub(crate) fn at(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            line: None,
            column: None,
            field: Some(field.into()),
            message: message.into(),
        }
    }

    /// A syntax or type error from the JSON reader, with its position.
    pub(crate) fn from_json(error: serde_json::Error) -> Self {
        let message = error.to_string();
        // serde_json appends " at line L column C"; the position has its own fields.
        let message = match message.rfind(" at line ") {
            Some(at) if error.line() > 0 => message[..at].to_owned(),
            _ => message,
        };
        Self {
            line: (error.line() > 0).then_some(error.line()),
            column: (error.column() > 0).then_some(error.column()),
            field: None,
            message,
        }
    }
}

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("rules file")?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
            if let Some(column) = self.column {
                write!(f, ", column {column}")?;
            }
        }
        if let Some(field) = &self.field {
            write!(f, ", field `{field}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for RulesError {}
