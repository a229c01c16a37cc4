//! A corpus case: what it should get ([`Expect`]) and how a line of JSON becomes a [`Case`].

use serde::{Deserialize, Serialize};

use crate::risk::{Category, Level, TransferContext};

/// What a case should get.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Expect {
    /// A warning: level `medium` or above.
    Risky,
    /// No interruption: level `none` or `low`.
    Benign,
    /// Level `blocked`.
    Blocked,
}

impl Expect {
    /// The snake_case name, as in the corpus.
    pub fn code(self) -> &'static str {
        match self {
            Expect::Risky => "risky",
            Expect::Benign => "benign",
            Expect::Blocked => "blocked",
        }
    }

    /// Whether `level` meets this expectation.
    pub fn is_met_by(self, level: Level) -> bool {
        match self {
            Expect::Risky => level.interrupts(),
            Expect::Benign => !level.interrupts(),
            Expect::Blocked => level == Level::Blocked,
        }
    }
}

/// One labelled case.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    /// What it should get.
    pub expect: Expect,
    /// The transfer.
    pub context: TransferContext,
    /// The category a risky case should get, if labelled.
    pub category: Option<Category>,
    /// Free labels (`evasion`, `look_alike`…), for counting the corpus' composition.
    pub tags: Vec<String>,
    /// Free text.
    pub note: Option<String>,
}

#[derive(Deserialize)]
struct RawCase {
    expect: Expect,
    context: serde_json::Value,
    #[serde(default)]
    category: Option<Category>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    note: Option<String>,
}

impl Case {
    /// Reads one corpus line; the error names the field at fault (`context.payee.is_new`).
    pub fn from_json(line: &str) -> Result<Case, String> {
        let mut deserializer = serde_json::Deserializer::from_str(line);
        let raw: RawCase = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
            let path = e.path().to_string();
            format!("field `{path}`: {}", e.into_inner())
        })?;
        let context = TransferContext::from_json(&raw.context.to_string()).map_err(|e| {
            let field = if e.field == "." {
                "context".to_owned()
            } else {
                format!("context.{}", e.field)
            };
            format!("invalid transfer: field `{field}`: {}", e.message)
        })?;
        Ok(Case {
            expect: raw.expect,
            context,
            category: raw.category,
            tags: raw.tags,
            note: raw.note,
        })
    }
}
