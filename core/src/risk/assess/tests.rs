use super::*;
use crate::risk::{Category, Level};

fn transfer(memo: &str, flags: &[&str]) -> TransferContext {
    let json = serde_json::json!({
        "id": "t-1",
        "amount_minor": 100_000,
        "currency": "CNY",
        "memo": memo,
        "payee": { "display_name": "张三", "is_new": true, "flags": flags },
        "initiated_at": "2026-11-21T14:00:00+08:00",
    });
    TransferContext::from_json(&json.to_string()).expect("valid transfer")
}

#[test]
fn otc_memo_is_medium_with_rule_id() {
    let a = assess(&transfer("USDT承兑", &[]), Rules::builtin());
    assert!(a.level >= Level::Medium, "{a:?}");
    assert_eq!(a.category, Some(Category::OtcTrading));
    assert_eq!(a.reasons[0].rule_id, "otc.usdt");
    assert_eq!(a.id.as_deref(), Some("t-1"));
}

#[test]
fn full_width_disguise_still_matches() {
    assert!(assess(&transfer("收ＵＳＤＴ", &[]), Rules::builtin()).level >= Level::Medium);
}

#[test]
fn benign_look_alikes_are_none() {
    for memo in [
        "房租 11月",
        "人民币现金",
        "充值游戏币",
        "买U盘两个",
        "银行承兑汇票贴现",
        "以太网线",
    ] {
        let a = assess(&transfer(memo, &[]), Rules::builtin());
        assert_eq!(a.level, Level::None, "{memo}: {a:?}");
        assert!(a.reasons.is_empty());
    }
}

#[test]
fn restricted_payee_is_blocked_whatever_the_memo() {
    let a = assess(
        &transfer("房租", &["collection_restricted"]),
        Rules::builtin(),
    );
    assert_eq!(a.level, Level::Blocked);
    assert_eq!(a.category, Some(Category::FlaggedPayee));
    let a = assess(
        &transfer("USDT", &["collection_restricted"]),
        Rules::builtin(),
    );
    assert_eq!(a.level, Level::Blocked, "the strongest reason wins");
}

#[test]
fn unknown_flags_are_ignored() {
    let a = assess(&transfer("房租", &["vip_customer"]), Rules::builtin());
    assert_eq!(a.level, Level::None);
}
