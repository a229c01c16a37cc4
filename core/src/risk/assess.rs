//! `assess`: from a transfer and the rules to an [`Assessment`].

use super::normalize::normalize;
use super::{Assessment, Level, Reason, Rules, TransferContext};

/// Assesses one transfer. Pure and deterministic: the same input always gives the same output.
///
/// Each memo keyword rule and each payee flag rule that fires adds a [`Reason`]; the level is
/// the strongest reason's level and the category is that reason's category.
pub fn assess(context: &TransferContext, rules: &Rules) -> Assessment {
    let mut reasons: Vec<Reason> = Vec::new();

    if let Some(memo) = context.memo.as_deref() {
        let text = normalize(memo);
        for found in rules.matcher.find_iter(&text) {
            let Some(rule_index) = rules.pattern_rule[found.pattern().as_usize()] else {
                continue; // a guard: benign look-alike text
            };
            let rule = &rules.keywords[rule_index];
            if !reasons.iter().any(|r| r.rule_id == rule.id) {
                reasons.push(Reason {
                    code: "memo_keyword".to_owned(),
                    rule_id: rule.id.clone(),
                    category: rule.category,
                    level: rule.level,
                });
            }
        }
    }

    for rule in &rules.flags {
        if context.payee.flags.iter().any(|f| f == &rule.flag) {
            reasons.push(Reason {
                code: "payee_flag".to_owned(),
                rule_id: rule.id.clone(),
                category: rule.category,
                level: rule.level,
            });
        }
    }

    // Strongest first; the sort is stable, so ties keep the order the rules fired in.
    reasons.sort_by_key(|r| std::cmp::Reverse(r.level));
    Assessment {
        id: context.id.clone(),
        level: reasons.first().map_or(Level::None, |r| r.level),
        category: reasons.first().map(|r| r.category),
        reasons,
        rules_version: rules.version().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::risk::Category;

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
        assert_eq!(a.level, Level::Medium);
        assert_eq!(a.category, Some(Category::OtcTrading));
        assert_eq!(a.reasons[0].rule_id, "otc.usdt");
        assert_eq!(a.id.as_deref(), Some("t-1"));
    }

    #[test]
    fn full_width_disguise_still_matches() {
        assert_eq!(
            assess(&transfer("收ＵＳＤＴ", &[]), Rules::builtin()).level,
            Level::Medium
        );
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
}
