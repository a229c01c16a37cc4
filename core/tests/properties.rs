//! Property tests: any transfer assesses without panicking and gives a consistent assessment;
//! normalization is idempotent and the single-pass pipeline equals its steps composed.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

use chrono::{DateTime, FixedOffset, TimeZone};
use proptest::prelude::*;
use riskguard_core::risk::normalize::{
    collapse_separators, fold_case, fold_compatibility, fold_confusables, strip_diacritics,
    to_simplified,
};
use riskguard_core::risk::{
    assess, normalize, Assessment, Channel, History, Level, Payee, Rules, TransferContext,
};

/// Characters from the ranges the pipeline treats specially, and anything else.
fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => any::<char>(),
        2 => proptest::char::range('a', 'z'),
        1 => proptest::char::range('A', 'Z'),
        1 => proptest::char::range('0', '9'),
        1 => proptest::sample::select(vec![' ', '.', '-', '_', '$', '@', '!', '·', '，', '\u{3000}']),
        2 => proptest::char::range('\u{4E00}', '\u{9FFF}'),
        1 => proptest::sample::select("币幣穩賺承兑汇票人民游戏盘型以太网坊矿机跑分解冻费个百千万".chars().collect::<Vec<_>>()),
        1 => proptest::char::range('\u{FF01}', '\u{FF5E}'),
        1 => proptest::char::range('\u{1D400}', '\u{1D7FF}'),
        1 => proptest::char::range('\u{2460}', '\u{24FF}'),
        1 => proptest::char::range('\u{0300}', '\u{036F}'),
        1 => proptest::char::range('\u{0400}', '\u{04FF}'),
        1 => proptest::char::range('\u{0370}', '\u{03FF}'),
        1 => proptest::char::range('\u{1F1E6}', '\u{1F1FF}'),
        1 => proptest::char::range('\u{1F300}', '\u{1F64F}'),
        1 => proptest::sample::select(vec!['\u{200B}', '\u{200D}', '\u{FE0F}', '\u{20E3}', 'İ', 'ǅ', 'ẞ', 'ß', '₮']),
    ]
}

fn text(max_chars: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(interesting_char(), 0..max_chars).prop_map(|chars| {
        let mut s: String = chars.into_iter().collect();
        // At most 10 KB, cut at a character boundary.
        let mut cut = s.len().min(10 * 1024);
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
        s
    })
}

fn flag() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(vec![
            "collection_restricted".to_owned(),
            "otc_suspected".to_owned(),
            "key_site_merchant".to_owned(),
        ]),
        text(12),
    ]
}

fn initiated_at() -> impl Strategy<Value = DateTime<FixedOffset>> {
    // Any instant chrono represents in the years 1–9999, at any whole-second offset.
    (
        -62_135_596_800i64..253_402_300_799i64,
        -86_399i32..=86_399i32,
    )
        .prop_map(|(secs, off)| {
            let offset =
                FixedOffset::east_opt(off).unwrap_or_else(|| FixedOffset::east_opt(0).unwrap());
            offset
                .timestamp_opt(secs, 0)
                .single()
                .unwrap_or_else(|| offset.timestamp_opt(0, 0).unwrap())
        })
}

fn context() -> impl Strategy<Value = TransferContext> {
    (
        proptest::option::of(text(20)),
        prop_oneof![Just(0u64), Just(u64::MAX), any::<u64>(), 0u64..10_000_000],
        text(4),
        proptest::option::of(text(2_600)),
        (
            proptest::option::of(text(40)),
            any::<bool>(),
            proptest::option::of(any::<u32>()),
            proptest::collection::vec(flag(), 0..4),
        ),
        initiated_at(),
        proptest::option::of(proptest::sample::select(vec![
            Channel::P2p,
            Channel::Merchant,
            Channel::Qr,
        ])),
        (
            proptest::option::of(any::<u32>()),
            proptest::option::of(any::<u32>()),
            proptest::option::of(any::<u64>()),
        ),
    )
        .prop_map(
            |(id, amount_minor, currency, memo, payee, initiated_at, channel, history)| {
                TransferContext {
                    id,
                    amount_minor,
                    currency,
                    memo,
                    payee: Payee {
                        display_name: payee.0,
                        is_new: payee.1,
                        account_age_days: payee.2,
                        flags: payee.3,
                    },
                    initiated_at,
                    channel,
                    history: History {
                        transfers_24h: history.0,
                        new_payees_24h: history.1,
                        amount_24h_minor: history.2,
                    },
                }
            },
        )
}

fn check_consistent(context: &TransferContext, a: &Assessment) {
    assert_eq!(a.id, context.id);
    assert_eq!(a.rules_version, Rules::builtin().version());
    assert_eq!(a.level == Level::None, a.reasons.is_empty());
    assert_eq!(a.category, a.reasons.first().map(|r| r.category));
    assert!(a
        .reasons
        .iter()
        .all(|r| !r.rule_id.is_empty() && !r.code.is_empty()));
    assert!(a.reasons.iter().all(|r| r.level <= a.level));
    if context
        .payee
        .flags
        .iter()
        .any(|f| f == "collection_restricted")
    {
        assert_eq!(a.level, Level::Blocked);
    } else {
        assert!(a.level < Level::Blocked);
    }
    let json = serde_json::to_string(a).expect("assessments serialize");
    let back: Assessment = serde_json::from_str(&json).expect("and read back");
    assert_eq!(&back, a);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_transfer_assesses_consistently(context in context()) {
        let a = assess(&context, Rules::builtin());
        check_consistent(&context, &a);
        prop_assert_eq!(assess(&context, Rules::builtin()), a, "deterministic");
    }

    #[test]
    fn normalization_is_idempotent(s in text(400)) {
        let once = normalize(&s);
        prop_assert_eq!(normalize(&once), once);
    }

    #[test]
    fn each_step_is_idempotent(s in text(200)) {
        let variants = Rules::builtin().normalizer().variants();
        for step in [fold_compatibility, fold_case, strip_diacritics, collapse_separators] {
            let once = step(&s);
            prop_assert_eq!(step(&once), once);
        }
        let once = to_simplified(&s, variants);
        prop_assert_eq!(to_simplified(&once, variants), once);
    }

    #[test]
    fn the_pipeline_is_its_steps_composed(s in text(200)) {
        let rules = Rules::builtin();
        let n = rules.normalizer();
        let steps = collapse_separators(&fold_confusables(
            &to_simplified(&strip_diacritics(&fold_case(&fold_compatibility(&s))), n.variants()),
            n.confusables(),
        ));
        prop_assert_eq!(rules.normalize(&s), steps);
    }

    #[test]
    fn any_rules_text_is_an_error_or_rules_never_a_panic(s in text(300)) {
        let _ = Rules::from_json(&s);
    }
}

#[test]
fn a_10_kb_memo_of_risky_words_is_fine() {
    let memo = "USDT承兑 收U 比特币 稳赚不赔 1000U u s d t ".repeat(200);
    let json = serde_json::json!({
        "amount_minor": u64::MAX, "currency": "CNY", "memo": memo,
        "payee": { "is_new": true, "account_age_days": 0, "flags": [] },
        "initiated_at": "2026-11-21T03:00:00+14:00",
        "history": { "transfers_24h": u32::MAX, "new_payees_24h": u32::MAX, "amount_24h_minor": u64::MAX },
    });
    let context = TransferContext::from_json(&json.to_string()).expect("valid");
    let a = assess(&context, Rules::builtin());
    check_consistent(&context, &a);
    assert_eq!(a.level, Level::High);
}
