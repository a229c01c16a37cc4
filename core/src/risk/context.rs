//! `TransferContext`: the transfer the host is about to make, as described in `docs/architecture.md`
//! and `schemas/transfer-context.schema.json`. Unknown fields are ignored; a wrong type is an
//! error naming the field.

use std::fmt;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// A transfer the user is about to make, as the host describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TransferContext {
    /// The host's reference, echoed back in the assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Amount in minor units (fen, cents).
    pub amount_minor: u64,
    /// ISO 4217 code such as `CNY` or `USD`.
    pub currency: String,
    /// What the user typed. Never leaves the browser.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memo: Option<String>,
    /// Who receives the money.
    pub payee: Payee,
    /// When the user started the transfer, with their UTC offset.
    pub initiated_at: DateTime<FixedOffset>,
    /// How the transfer was started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// Recent behaviour the host already knows.
    #[serde(default)]
    pub history: History,
}

/// The receiving side of a transfer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Payee {
    /// Shown in the warning, always as text. Never leaves the browser.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// First transfer to this payee.
    pub is_new: bool,
    /// Age of the payee's account in days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_age_days: Option<u32>,
    /// Set by the host's backend, for example `otc_suspected` or `collection_restricted`.
    #[serde(default)]
    pub flags: Vec<String>,
}

/// How a transfer was started.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Person to person.
    P2p,
    /// Payment to a merchant.
    Merchant,
    /// Scanned QR code.
    Qr,
}

/// Recent behaviour of the paying user, as the host knows it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct History {
    /// Transfers in the last 24 hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfers_24h: Option<u32>,
    /// Distinct new payees in the last 24 hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_payees_24h: Option<u32>,
    /// Amount sent in the last 24 hours, in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_24h_minor: Option<u64>,
}

/// A transfer that could not be read, with the field at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextError {
    /// Dotted path of the field, for example `payee.is_new`; `.` for the whole value.
    pub field: String,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for ContextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid transfer: field `{}`: {}",
            self.field, self.message
        )
    }
}

impl std::error::Error for ContextError {}

impl TransferContext {
    /// Reads a transfer from JSON, naming the field at fault on error.
    pub fn from_json(json: &str) -> Result<Self, ContextError> {
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let context: TransferContext = serde_path_to_error::deserialize(&mut deserializer)
            .map_err(|e| ContextError {
                field: e.path().to_string(),
                message: e.inner().to_string(),
            })?;
        context.validate()?;
        Ok(context)
    }

    /// Checks what the types alone cannot.
    fn validate(&self) -> Result<(), ContextError> {
        let currency_ok =
            self.currency.len() == 3 && self.currency.bytes().all(|b| b.is_ascii_uppercase());
        if !currency_ok {
            return Err(ContextError {
                field: "currency".to_owned(),
                message: format!(
                    "`{}` is not an ISO 4217 code (three capital letters, like CNY)",
                    self.currency
                ),
            });
        }
        Ok(())
    }
}
