//! The check lifecycle (`riskguard_core::warning::Check`) as the user and the host see it:
//! when a transfer interrupts, what each event carries, what the device remembers. A small
//! harness plays the web adapter's part (keeps the log, collects the events).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;
use riskguard_core::events::{Decision, EventData, Interaction};
use riskguard_core::risk::{assess, Level, Rules, TransferContext};
use riskguard_core::warning::{Check, Exposure, ExposureLog, Opening};

const WINDOW_DAYS: i64 = 30;

fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0)
        .single()
        .expect("valid time")
        + Duration::minutes(minutes)
}

fn transfer(memo: &str, payee: &str, amount_minor: u64) -> TransferContext {
    let json = serde_json::json!({
        "id": "t-1",
        "amount_minor": amount_minor,
        "currency": "CNY",
        "memo": memo,
        "payee": { "display_name": payee, "is_new": false, "account_age_days": 900 },
        "initiated_at": "2026-11-21T14:00:00+08:00",
    });
    TransferContext::from_json(&json.to_string()).expect("valid transfer")
}

/// The web adapter's part: the device's log and the events sent.
#[derive(Default)]
struct Device {
    log: ExposureLog,
    events: Vec<EventData>,
    saves: usize,
}

impl Device {
    fn open(&mut self, transfer: TransferContext, now: DateTime<Utc>) -> Opening {
        self.open_while(false, transfer, now)
    }

    /// Opens a check while another dialog is open (`busy`) or not.
    fn open_while(&mut self, busy: bool, transfer: TransferContext, now: DateTime<Utc>) -> Opening {
        let assessment = assess(&transfer, Rules::builtin());
        let opening = Check::open(
            transfer,
            assessment,
            &mut self.log,
            "zh-Hans",
            now,
            Duration::days(WINDOW_DAYS),
            busy,
        );
        if let Opening::Warn { shown, .. } = &opening {
            self.events.push(EventData::WarningShown(shown.clone()));
            self.saves += 1;
        }
        opening
    }

    fn warn(&mut self, transfer: TransferContext, now: DateTime<Utc>) -> Check {
        match self.open(transfer, now) {
            Opening::Warn { check, .. } => *check,
            other => panic!("expected a warning, got {other:?}"),
        }
    }

    fn decide(&mut self, check: Check, decision: Decision, now: DateTime<Utc>) {
        let ended = check.decide(decision, &mut self.log, "zh-Hans", now);
        self.saves += usize::from(ended.log_changed);
        self.events.push(EventData::WarningDecided(ended.event));
    }
}

#[test]
fn a_low_assessment_shows_the_hint_and_lets_the_transfer_go() {
    let mut device = Device::default();
    // A weak word alone is `low`.
    let opening = device.open(transfer("保证金", "王芳", 50_000), at(0));
    match opening {
        Opening::Allowed { hint: Some(a) } => assert_eq!(a.level, Level::Low),
        other => panic!("expected a hint, got {other:?}"),
    }
    assert!(device.events.is_empty(), "a hint is not a shown warning");
    assert_eq!(device.saves, 0);
}

#[test]
fn an_ordinary_transfer_is_allowed_without_a_hint_or_an_event() {
    let mut device = Device::default();
    let opening = device.open(transfer("房租 11月", "李雷", 300_000), at(0));
    assert_eq!(opening, Opening::Allowed { hint: None });
    assert!(device.events.is_empty());
}

#[test]
fn a_risky_transfer_opens_the_warning_and_repeats_change_its_look() {
    let mut device = Device::default();
    let first = match device.open(transfer("买USDT 汇率7.2", "币商老王", 720_000), at(0)) {
        Opening::Warn {
            check,
            shown,
            variant,
        } => {
            assert_eq!(shown.exposure, Exposure::First);
            assert_eq!(variant, 0);
            assert!(shown.level.interrupts());
            *check
        }
        other => panic!("expected a warning, got {other:?}"),
    };
    device.decide(first, Decision::Cancelled, at(1));
    match device.open(transfer("收U 老价格", "阿强", 100_000), at(2)) {
        Opening::Warn { shown, variant, .. } => {
            assert_eq!(
                shown.exposure,
                Exposure::Repeat,
                "second warning of the category"
            );
            assert_eq!(
                variant, 1,
                "a repeated warning never looks exactly like the last"
            );
        }
        other => panic!("expected a warning, got {other:?}"),
    }
}

#[test]
fn going_ahead_after_a_medium_warning_spares_smaller_amounts_to_that_payee_for_the_window() {
    let mut device = Device::default();
    let memo = "USDT";
    let check = device.warn(transfer(memo, "张老师", 500_000), at(0));
    assert_eq!(check.assessment().level, Level::Medium);
    device.decide(check, Decision::Proceeded, at(1));
    assert_eq!(
        device.saves, 2,
        "the showing and the confirmation are saved"
    );
    // Same payee, smaller amount, inside the window: no second interruption.
    assert_eq!(
        device.open(transfer(memo, "张老师", 400_000), at(60)),
        Opening::Allowed { hint: None }
    );
    // A larger amount, another payee, or after the window: the warning again.
    assert!(matches!(
        device.open(transfer(memo, "张老师", 600_000), at(61)),
        Opening::Warn { .. }
    ));
    assert!(matches!(
        device.open(transfer(memo, "李老师", 100_000), at(62)),
        Opening::Warn { .. }
    ));
    let later = at(WINDOW_DAYS * 24 * 60 + 2);
    assert!(matches!(
        device.open(transfer(memo, "张老师", 100_000), later),
        Opening::Warn { .. }
    ));
}

#[test]
fn cancelling_or_a_high_warning_remembers_no_payee() {
    let mut device = Device::default();
    let memo = "USDT";
    let check = device.warn(transfer(memo, "张老师", 500_000), at(0));
    device.decide(check, Decision::Cancelled, at(1));
    assert!(matches!(
        device.open(transfer(memo, "张老师", 100_000), at(2)),
        Opening::Warn { .. }
    ));

    let mut device = Device::default();
    let high = "USDT 7.2一个 来1000个";
    let check = device.warn(transfer(high, "币商老王", 720_000), at(0));
    assert_eq!(check.assessment().level, Level::High);
    device.decide(check, Decision::Proceeded, at(1));
    assert_eq!(
        device.saves, 1,
        "only the showing: high confirmations are not kept"
    );
    assert!(matches!(
        device.open(transfer(high, "币商老王", 720_000), at(2)),
        Opening::Warn { .. }
    ));
}

#[test]
fn while_a_dialog_is_open_a_check_that_would_warn_is_refused_and_records_nothing() {
    let mut device = Device::default();
    let memo = "USDT";
    let check = device.warn(transfer(memo, "张老师", 500_000), at(0));
    device.decide(check, Decision::Proceeded, at(1));
    let (log, events, saves) = (device.log.clone(), device.events.len(), device.saves);

    assert_eq!(
        device.open_while(true, transfer("买USDT 汇率7.2", "币商老王", 720_000), at(2)),
        Opening::Busy
    );
    assert_eq!(device.log, log, "the refused showing is not counted");
    assert_eq!((device.events.len(), device.saves), (events, saves));

    // What would not interrupt still goes through: the hint, a remembered payee.
    assert!(matches!(
        device.open_while(true, transfer("保证金", "王芳", 50_000), at(3)),
        Opening::Allowed { hint: Some(_) }
    ));
    assert_eq!(
        device.open_while(true, transfer(memo, "张老师", 400_000), at(4)),
        Opening::Allowed { hint: None }
    );
    assert_eq!(device.log, log);

    // Once the dialog is closed the same transfer warns, as the category's second showing.
    match device.open(transfer("买USDT 汇率7.2", "币商老王", 720_000), at(5)) {
        Opening::Warn { variant, .. } => assert_eq!(variant, 1),
        other => panic!("expected a warning, got {other:?}"),
    }
}

#[test]
fn the_decision_event_measures_the_time_the_warning_was_open_and_never_goes_negative() {
    let mut device = Device::default();
    let check = device.warn(transfer("买USDT", "币商", 720_000), at(0));
    device.decide(check, Decision::Cancelled, at(3));
    let check = device.warn(transfer("买USDT", "币商", 720_000), at(10));
    // The clock went back (a device time change): zero, not a huge number.
    device.decide(check, Decision::Proceeded, at(9));
    let durations: Vec<u64> = device
        .events
        .iter()
        .filter_map(|e| match e {
            EventData::WarningDecided(d) => Some(d.duration_ms),
            _ => None,
        })
        .collect();
    assert_eq!(durations, [180_000, 0]);
}

#[test]
fn a_report_gives_the_host_codes_and_its_own_id_and_the_risk_team_the_rules() {
    let mut device = Device::default();
    let check = device.warn(transfer("买USDT 汇率7.2", "币商老王", 720_000), at(0));
    let (event, report) = check.report("en-US");
    assert_eq!(report.transfer_id.as_deref(), Some("t-1"));
    assert!(event.rule_ids.iter().any(|id| id.starts_with("otc.")));
    let host = serde_json::to_string(&report).expect("serializes");
    assert!(host.contains("\"rulesVersion\"") && host.contains("\"transferId\""));
    assert!(!host.contains("USDT") && !host.contains("币商"), "{host}");
    let interacted = check.interacted(Interaction::DetailsOpened, "en-US");
    assert_eq!(interacted.locale, "en-US");
    assert_eq!(interacted.exposure, Exposure::First);
}

/// Memos with something to warn about and without, and payee names, for the property test.
const MEMOS: &[&str] = &[
    "买USDT 汇率7.2",
    "老师说今天必须补仓",
    "解冻费 交完才能提现",
    "房租 11月",
    "保证金",
    "帮忙收款 扣2个点",
    "午饭 AA",
    "",
];
const PAYEES: &[&str] = &["币商老王", "张老师", "李雷", "客服小美", "妈妈"];

proptest! {
    /// Whatever the transfers and decisions, no event (shown or decided) carries memo or payee
    /// text.
    #[test]
    fn no_event_carries_memo_or_payee_text(
        steps in prop::collection::vec(
            (0..MEMOS.len(), 0..PAYEES.len(), 1u64..2_000_000, 0..3u8),
            1..40,
        )
    ) {
        let mut device = Device::default();
        for (minute, (memo, payee, amount, choice)) in steps.into_iter().enumerate() {
            let now = at(minute as i64 * 10);
            if let Opening::Warn { check, .. } = device.open(transfer(MEMOS[memo], PAYEES[payee], amount), now) {
                let decision = [Decision::Cancelled, Decision::Proceeded, Decision::Blocked][usize::from(choice)];
                device.decide(*check, decision, now + Duration::seconds(5));
            }
        }
        for event in &device.events {
            let json = event.to_value().to_string();
            for text in MEMOS.iter().chain(PAYEES).filter(|t| t.chars().count() > 1) {
                prop_assert!(!json.contains(text), "{} in {}", text, json);
            }
        }
    }
}
