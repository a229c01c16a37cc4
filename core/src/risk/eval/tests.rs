use super::*;
use crate::risk::Rules;

const CORPUS: &str = r#"
{"expect": "risky", "category": "otc_trading", "context": {"amount_minor": 100, "currency": "CNY", "memo": "USDT承兑", "payee": {"is_new": true}, "initiated_at": "2026-11-21T14:00:00+08:00"}}
{"expect": "benign", "context": {"amount_minor": 100, "currency": "CNY", "memo": "房租 11月", "payee": {"is_new": true}, "initiated_at": "2026-11-21T14:00:00+08:00"}}
// a comment
{"expect": "blocked", "context": {"amount_minor": 100, "currency": "CNY", "payee": {"is_new": false, "flags": ["collection_restricted"]}, "initiated_at": "2026-11-21T14:00:00+08:00"}}
{"expect": "benign", "context": {"amount_minor": 100, "currency": "CNY", "payee": {"is_new": "yes"}, "initiated_at": "2026-11-21T14:00:00+08:00"}}
"#;

#[test]
fn counts_and_names_bad_lines() {
    let report = evaluate(CORPUS, Rules::builtin());
    assert_eq!(report.outcomes.len(), 3);
    assert_eq!(report.errors.len(), 1);
    assert_eq!(report.errors[0].line, 6);
    assert!(
        report.errors[0].message.contains("context.payee.is_new"),
        "{}",
        report.errors[0].message
    );
    assert_eq!(report.recall(), 1.0);
    assert_eq!(report.false_positive_rate(), 0.0);
    assert_eq!(report.blocked_accuracy(), 1.0);
    let text = report.render();
    assert!(text.contains("recall"), "{text}");
    assert!(text.contains("UNREADABLE LINES (1)"), "{text}");
}

#[test]
fn rules_that_fired_are_counted_per_kind_of_case() {
    let report = evaluate(CORPUS, Rules::builtin());
    let counts = report.rule_counts();
    assert_eq!(counts.get("otc.usdt"), Some(&[1, 0, 0]));
    assert_eq!(counts.get("flag.collection_restricted"), Some(&[0, 0, 1]));
    assert!(
        !counts.contains_key("signal.new_payee"),
        "behaviour is not a rule's text"
    );
    assert!(report.render().contains("RULES THAT FIRED"));
}

#[test]
fn tags_are_tallied_per_expectation() {
    let corpus = r#"
{"expect": "risky", "tags": ["slang"], "context": {"amount_minor": 100, "currency": "CNY", "memo": "USDT承兑", "payee": {"is_new": true}, "initiated_at": "2026-11-21T14:00:00+08:00"}}
{"expect": "risky", "tags": ["slang"], "context": {"amount_minor": 100, "currency": "CNY", "memo": "房租", "payee": {"is_new": false}, "initiated_at": "2026-11-21T14:00:00+08:00"}}
{"expect": "benign", "tags": ["slang"], "context": {"amount_minor": 100, "currency": "CNY", "memo": "房租", "payee": {"is_new": false}, "initiated_at": "2026-11-21T14:00:00+08:00"}}
"#;
    let report = evaluate(corpus, Rules::builtin());
    let by_tag = report.by_tag();
    let risky = by_tag[&("slang".to_owned(), Expect::Risky)];
    assert_eq!((risky.met, risky.cases), (1, 2));
    let benign = by_tag[&("slang".to_owned(), Expect::Benign)];
    assert_eq!((benign.met, benign.cases), (1, 1));
    assert!(report.render().contains("BY TAG"));
}
