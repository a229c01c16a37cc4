//! The lifecycle of one `check()` as an I/O-free machine, in the style of the outbox: the web
//! adapter hands it the assessment, the device's [`ExposureLog`], the user's actions and the
//! time, and carries out what it returns — the events to send, whether the log must be saved,
//! the value the host's promise resolves to. What the user sees and what is recorded is decided
//! here, and tested natively (`core/tests/check.rs`).

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::exposure::{payee_key, Exposure, ExposureLog};
use crate::events::{
    Decision, Interaction, WarningDecided, WarningInteracted, WarningReported, WarningShown,
};
use crate::risk::{Assessment, Category, Level, TransferContext};

/// What a new check calls for.
#[derive(Debug, PartialEq)]
pub enum Opening {
    /// Nothing interrupts the user: the check resolves [`Decision::Allowed`] at once. `hint`
    /// is a `low` assessment, shown inline next to the host's button.
    Allowed {
        /// The assessment whose inline hint shows, if it is `low`.
        hint: Option<Assessment>,
    },
    /// The warning would open, but another dialog (a waiting check, the quiz) is open: the
    /// check is refused and nothing is recorded.
    Busy,
    /// The warning opens and the check waits for the user. The exposure log changed (this
    /// showing is counted) and must be saved.
    Warn {
        /// The waiting check (boxed: it holds the transfer and its assessment).
        check: Box<Check>,
        /// The event that records the showing.
        shown: WarningShown,
        /// Which presentation of the warning to use (see [`super::VARIANTS`]).
        variant: u32,
    },
}

/// A check whose warning is open, waiting for the user's decision. Ends only through
/// [`Check::decide`], which consumes it: a check ends once.
#[derive(Debug, PartialEq)]
pub struct Check {
    transfer: TransferContext,
    assessment: Assessment,
    exposure: Exposure,
    shown_at: DateTime<Utc>,
}

/// How a check ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Ended {
    /// The event that records it.
    pub event: WarningDecided,
    /// The exposure log changed (a confirmed payee is remembered) and must be saved.
    pub log_changed: bool,
}

/// What the host's `onReport` hook receives when the user says a warning is wrong: codes and
/// the host's own transfer id, never memo or payee text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// The warning's main reason.
    pub category: Option<Category>,
    /// How strong it was.
    pub level: Level,
    /// The rules that produced it.
    pub rules_version: String,
    /// The host's id of the transfer, if it gave one.
    pub transfer_id: Option<String>,
}

impl Check {
    /// Decides what `assessment` of `transfer` calls for at `now`: below `medium`, or for a
    /// payee the user already confirmed a larger amount to within `confirmed_window`, nothing
    /// interrupts; otherwise, unless `busy` (another dialog is open, and the check is refused
    /// without touching `log`), the warning opens and the showing is recorded in `log`.
    pub fn open(
        transfer: TransferContext,
        assessment: Assessment,
        log: &mut ExposureLog,
        locale: &str,
        now: DateTime<Utc>,
        confirmed_window: Duration,
        busy: bool,
    ) -> Opening {
        if assessment.level == Level::Low {
            return Opening::Allowed {
                hint: Some(assessment),
            };
        }
        let confirmed = || {
            payee_key(&transfer.payee).is_some_and(|key| {
                log.already_confirmed(
                    assessment.level,
                    &key,
                    &transfer.currency,
                    transfer.amount_minor,
                    now,
                    confirmed_window,
                )
            })
        };
        if !assessment.level.interrupts() || confirmed() {
            return Opening::Allowed { hint: None };
        }
        if busy {
            return Opening::Busy;
        }
        let exposure = log.exposure(assessment.category);
        let variant = log.variant(assessment.category);
        log.record_shown(assessment.category);
        let shown = WarningShown {
            level: assessment.level,
            category: assessment.category,
            locale: locale.to_owned(),
            rules_version: assessment.rules_version.clone(),
            exposure,
        };
        Opening::Warn {
            check: Box::new(Check {
                transfer,
                assessment,
                exposure,
                shown_at: now,
            }),
            shown,
            variant,
        }
    }

    /// The transfer being checked.
    pub fn transfer(&self) -> &TransferContext {
        &self.transfer
    }

    /// Its assessment.
    pub fn assessment(&self) -> &Assessment {
        &self.assessment
    }

    /// The event for something the user did inside the open warning.
    pub fn interacted(&self, interaction: Interaction, locale: &str) -> WarningInteracted {
        WarningInteracted {
            level: self.assessment.level,
            category: self.assessment.category,
            locale: locale.to_owned(),
            interaction,
            exposure: self.exposure,
        }
    }

    /// "This warning is wrong": the event for the risk team and what the host's hook gets.
    pub fn report(&self, locale: &str) -> (WarningReported, Report) {
        let a = &self.assessment;
        let event = WarningReported {
            level: a.level,
            category: a.category,
            locale: locale.to_owned(),
            rule_ids: a.reasons.iter().map(|r| r.rule_id.clone()).collect(),
            rules_version: a.rules_version.clone(),
            exposure: self.exposure,
        };
        let report = Report {
            category: a.category,
            level: a.level,
            rules_version: a.rules_version.clone(),
            transfer_id: self.transfer.id.clone(),
        };
        (event, report)
    }

    /// The check ends with `decision` at `now`. Going ahead after a `low`/`medium` warning
    /// remembers the payee in `log`, so smaller amounts to it are not warned about again.
    pub fn decide(
        self,
        decision: Decision,
        log: &mut ExposureLog,
        locale: &str,
        now: DateTime<Utc>,
    ) -> Ended {
        let log_changed = decision == Decision::Proceeded
            && payee_key(&self.transfer.payee).is_some_and(|key| {
                log.record_confirmation(
                    self.assessment.level,
                    &key,
                    &self.transfer.currency,
                    self.transfer.amount_minor,
                    now,
                )
            });
        let duration_ms = (now - self.shown_at)
            .num_milliseconds()
            .max(0)
            .unsigned_abs();
        Ended {
            event: WarningDecided {
                level: self.assessment.level,
                category: self.assessment.category,
                locale: locale.to_owned(),
                decision,
                duration_ms,
                exposure: self.exposure,
            },
            log_changed,
        }
    }
}
