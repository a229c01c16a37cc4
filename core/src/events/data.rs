//! The typed `data` of each event type. Only codes, scores, locales and durations: never memo
//! text, payee names or amounts.

use serde::{Deserialize, Serialize};

use crate::quiz::QuestionId;
use crate::risk::{Category, Level};
use crate::warning::Exposure;

/// What the user did with a checked transfer; also what `check()` resolves to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// No warning was needed; the host may go on.
    Allowed,
    /// The user took the safe action (or pressed Escape).
    Cancelled,
    /// The user deliberately went on despite the warning.
    Proceeded,
    /// The payee is restricted; the user acknowledged that the transfer cannot be made.
    Blocked,
}

impl Decision {
    /// The string hosts see, for example `"cancelled"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Allowed => "allowed",
            Decision::Cancelled => "cancelled",
            Decision::Proceeded => "proceeded",
            Decision::Blocked => "blocked",
        }
    }
}

/// `riskguard.warning.shown`: an interstitial was put in front of the user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WarningShown {
    /// How strong the warning was.
    pub level: Level,
    /// The main reason for it.
    pub category: Option<Category>,
    /// The locale the warning was shown in, for example `zh-Hans`.
    pub locale: String,
    /// The version of the rules that produced the assessment.
    pub rules_version: String,
    /// First or repeat exposure to this category on this device.
    pub exposure: Exposure,
}

/// `riskguard.warning.decided`: the user left the interstitial.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WarningDecided {
    /// How strong the warning was.
    pub level: Level,
    /// The main reason for it.
    pub category: Option<Category>,
    /// The locale the warning was shown in.
    pub locale: String,
    /// What the user chose.
    pub decision: Decision,
    /// Time from the warning appearing to the decision.
    pub duration_ms: u64,
    /// First or repeat exposure to this category on this device.
    pub exposure: Exposure,
}

/// Something the user did inside the warning besides deciding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Interaction {
    /// Opened "I understand the risks" (Chromium's SHOW_ADVANCED).
    DetailsOpened,
    /// Started the quiz from the warning (learn more).
    QuizStarted,
    /// Answered the purpose question with an answer that does not escalate.
    PurposeAnswered,
    /// Answered the purpose question with a scam pattern: the warning escalated.
    PurposeEscalated,
}

/// `riskguard.warning.interacted`: an interaction inside an open warning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WarningInteracted {
    /// How strong the warning was.
    pub level: Level,
    /// The main reason for it.
    pub category: Option<Category>,
    /// The locale the warning was shown in.
    pub locale: String,
    /// What the user did.
    pub interaction: Interaction,
    /// First or repeat exposure to this category on this device.
    pub exposure: Exposure,
}

/// `riskguard.warning.reported`: the user said "this warning is wrong".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WarningReported {
    /// How strong the warning was.
    pub level: Level,
    /// The main reason for it.
    pub category: Option<Category>,
    /// The locale the warning was shown in.
    pub locale: String,
    /// The rules that fired, for the risk team (`reasons[].rule_id` of the assessment).
    pub rule_ids: Vec<String>,
    /// The version of the rules that produced the assessment.
    pub rules_version: String,
    /// First or repeat exposure to this category on this device.
    pub exposure: Exposure,
}

/// `riskguard.quiz.started`: a quiz attempt began (its first question is on screen).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizStarted {
    /// Identifies this quiz session; constant across its events and attempts.
    pub session_id: String,
    /// 1 for the first run, 2 for the first retry of the missed questions, and so on.
    pub attempt: u32,
    /// The questions this attempt asks, in order.
    pub question_ids: Vec<QuestionId>,
    /// The locale the quiz is taken in.
    pub locale: String,
    /// The warning category that led to the quiz; absent when the quiz was started on its own.
    pub category: Option<Category>,
}

/// `riskguard.quiz.completed`: the user answered the last question of a quiz attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizCompleted {
    /// Identifies this quiz session; constant across its events and attempts.
    pub session_id: String,
    /// 1 for the first run, 2 for the first retry of the missed questions, and so on.
    pub attempt: u32,
    /// Questions answered correctly.
    pub score: u32,
    /// Questions asked.
    pub max_score: u32,
    /// Whether the score reached the pass threshold.
    pub passed: bool,
    /// Time from the attempt's first question appearing to its last answer.
    pub duration_ms: u64,
    /// The questions this attempt asked, in order.
    pub question_ids: Vec<QuestionId>,
    /// The locale the quiz was taken in.
    pub locale: String,
    /// The warning category that led to the quiz, if it was started from a warning.
    pub category: Option<Category>,
}

/// The typed data of an event; the variant decides the CloudEvents `type`.
#[derive(Debug, Clone, PartialEq)]
pub enum EventData {
    /// `riskguard.warning.shown`
    WarningShown(WarningShown),
    /// `riskguard.warning.decided`
    WarningDecided(WarningDecided),
    /// `riskguard.warning.interacted`
    WarningInteracted(WarningInteracted),
    /// `riskguard.warning.reported`
    WarningReported(WarningReported),
    /// `riskguard.quiz.started`
    QuizStarted(QuizStarted),
    /// `riskguard.quiz.completed`
    QuizCompleted(QuizCompleted),
}

impl EventData {
    /// Every event type this version knows, as CloudEvents `type` strings.
    pub const TYPES: [&'static str; 6] = [
        "riskguard.warning.shown",
        "riskguard.warning.decided",
        "riskguard.warning.interacted",
        "riskguard.warning.reported",
        "riskguard.quiz.started",
        "riskguard.quiz.completed",
    ];

    /// The CloudEvents `type` of this data.
    pub fn event_type(&self) -> &'static str {
        match self {
            EventData::WarningShown(_) => Self::TYPES[0],
            EventData::WarningDecided(_) => Self::TYPES[1],
            EventData::WarningInteracted(_) => Self::TYPES[2],
            EventData::WarningReported(_) => Self::TYPES[3],
            EventData::QuizStarted(_) => Self::TYPES[4],
            EventData::QuizCompleted(_) => Self::TYPES[5],
        }
    }

    /// The data as a JSON value, for the envelope's `data` member.
    pub fn to_value(&self) -> serde_json::Value {
        let value = match self {
            EventData::WarningShown(d) => serde_json::to_value(d),
            EventData::WarningDecided(d) => serde_json::to_value(d),
            EventData::WarningInteracted(d) => serde_json::to_value(d),
            EventData::WarningReported(d) => serde_json::to_value(d),
            EventData::QuizStarted(d) => serde_json::to_value(d),
            EventData::QuizCompleted(d) => serde_json::to_value(d),
        };
        // These structs hold only strings, numbers, bools and enums: serializing cannot fail.
        value.unwrap_or(serde_json::Value::Null)
    }

    /// Reads `data` for the given `type`. `Ok(None)` means the type is unknown.
    pub fn from_value(
        event_type: &str,
        data: serde_json::Value,
    ) -> Result<Option<Self>, serde_path_to_error::Error<serde_json::Error>> {
        fn typed<T: serde::de::DeserializeOwned>(
            data: serde_json::Value,
        ) -> Result<T, serde_path_to_error::Error<serde_json::Error>> {
            serde_path_to_error::deserialize(data)
        }
        Ok(Some(match event_type {
            "riskguard.warning.shown" => EventData::WarningShown(typed(data)?),
            "riskguard.warning.decided" => EventData::WarningDecided(typed(data)?),
            "riskguard.warning.interacted" => EventData::WarningInteracted(typed(data)?),
            "riskguard.warning.reported" => EventData::WarningReported(typed(data)?),
            "riskguard.quiz.started" => EventData::QuizStarted(typed(data)?),
            "riskguard.quiz.completed" => EventData::QuizCompleted(typed(data)?),
            _ => return Ok(None),
        }))
    }
}
