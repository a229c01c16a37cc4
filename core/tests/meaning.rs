//! The built-in rules on the evidence that is not a listed word: shapes, misspellings, coin
//! nicknames and intent patterns — each with the everyday text that shares its characters and
//! must stay below the interstitial. And the grammar an analyst writes new patterns in.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

use riskguard_core::risk::{assess, Assessment, Level, Rules, TextSource, TransferContext};
use serde_json::json;

fn transfer(memo: &str, amount_minor: u64, currency: &str) -> TransferContext {
    TransferContext::from_json(
        &json!({
            "amount_minor": amount_minor, "currency": currency, "memo": memo,
            "payee": { "display_name": "陈先生", "is_new": false, "account_age_days": 900 },
            "initiated_at": "2026-11-21T14:00:00+08:00",
        })
        .to_string(),
    )
    .expect("valid transfer")
}

fn check(memo: &str, amount_minor: u64) -> Assessment {
    assess(&transfer(memo, amount_minor, "CNY"), Rules::builtin())
}

/// Each memo interrupts (`medium`+, no behaviour needed: an old payee at 14:00) with `rule`.
fn risky(cases: &[(&str, u64, &str)]) {
    for &(memo, amount, rule) in cases {
        let a = check(memo, amount);
        assert!(a.level >= Level::Medium, "{memo}: {a:?}");
        assert!(
            a.reasons.iter().any(|r| r.rule_id == rule),
            "{memo}: {rule} not in {a:?}"
        );
    }
}

/// Each memo stays below the interstitial.
fn benign(cases: &[(&str, u64)]) {
    for &(memo, amount) in cases {
        let a = check(memo, amount);
        assert!(a.level < Level::Medium, "{memo}: {a:?}");
    }
}

#[test]
fn rates_counts_and_addresses_beside_the_amount() {
    risky(&[
        ("1000个 按7.2", 720_000, "otc.priced_count"),
        ("老规矩 7.15", 500_000, "otc.rate_marked"),
        ("7.15*3000", 2_145_000, "otc.priced_count"),
        ("大饼 0.05个", 2_000_000, "otc.nickname_deal"),
        ("TQ8sXn4Vm3rK9pLw2YbZcJ7hF5dGt1aEuA", 300_000, "otc.address"),
        ("打到TQ8s…Vm3那个", 300_000, "otc.address"),
        ("0x3f9a...c21e 打这个地址", 300_000, "otc.address"),
    ]);
    benign(&[
        ("葱油饼30个 单价7.5", 22_500),
        ("7.15 房租", 300_000),
        ("按今天汇率7.1 还你美金", 71_000),
        ("2026.7.15 会费", 20_000),
        ("苹果10斤 7.5一斤", 7_500),
        ("订单号 SF1234567890123", 8_800),
    ]);
}

#[test]
fn misspelt_tickers_and_pinyin() {
    risky(&[
        ("收uzdt 800", 80_000, "otc.usdt"),
        ("usdtt到了吗", 80_000, "otc.usdt"),
        ("ustd 800", 80_000, "otc.usdt"),
        ("etherium 0.5", 800_000, "otc.bitcoin"),
        ("bitebi 代买", 800_000, "otc.bitcoin"),
        ("kuangji dingjin", 800_000, "mining_scheme.machine"),
    ]);
    benign(&[
        ("usda organic 订单", 8_000),
        ("finance dept 报销", 8_000),
        ("used iphone", 300_000),
        ("must pay rent", 300_000),
    ]);
}

#[test]
fn coin_nicknames_and_their_everyday_meanings() {
    risky(&[
        ("姨太2个 老价格", 3_000_000, "otc.nickname_deal"),
        ("大饼 收 0.1个", 4_000_000, "otc.nickname_deal"),
        ("乙太 買 3個", 3_000_000, "otc.nickname_deal"),
        // `美金币` holds the guard `金币` (game gold) and is the more specific word.
        ("美金币1500个", 1_080_000, "otc.nickname_deal"),
    ]);
    benign(&[
        ("大饼 两个 早餐", 1_000),
        ("烧饼 10个", 2_000),
        ("二饼图 做PPT", 5_000),
        ("打麻将 二饼 输的", 5_000),
        ("以太网 布线", 50_000),
        ("花生油 5升", 9_900),
        ("bnb 3晚 房费", 120_000),
        ("游戏金币 1500个", 15_000),
        ("TRX 悬挂训练带", 29_900),
    ]);
}

#[test]
fn intent_patterns_mean_a_scheme_without_a_scheme_word() {
    risky(&[
        ("老师说今天必须补仓", 5_000_000, "intent.authority_topup"),
        ("哥哥说今天点位好 加仓", 5_000_000, "intent.authority_topup"),
        ("top up per mentor Lisa", 500_000, "intent.authority_topup"),
        ("公证费 交完才放款", 300_000, "intent.pay_then_release"),
        ("放款前 工本费", 30_000, "intent.fee_before_release"),
        ("扣完提成 余款 转回", 1_000_000, "intent.forward_for_cut"),
        ("U盾 寄过来 1500一套", 150_000, "intent.cards_shipped"),
        ("上线前内部价 预售", 1_000_000, "intent.before_listing"),
        ("追回被骗的钱 律师费", 500_000, "intent.recovery_fee"),
    ]);
    benign(&[
        ("老师 充值饭卡", 20_000),
        ("导师让交的版面费 论文", 150_000),
        ("班费 收齐 转给班长", 5_000),
        ("银行卡 挂失 补办", 1_000),
        ("预售房 认购定金", 5_000_000),
        ("vehicle recovery fee", 30_000),
        ("房租 交完了", 300_000),
    ]);
}

#[test]
fn every_text_reason_names_its_span_in_the_normalized_memo() {
    let a = check("老师说今天必须補倉", 5_000_000);
    let reason = a
        .reasons
        .iter()
        .find(|r| r.rule_id == "intent.authority_topup")
        .expect("the intent pattern fired");
    let span = reason.span.as_ref().expect("a span");
    assert_eq!(span.source, TextSource::Memo);
    assert_eq!(span.text, "老师说今天必须补仓");
    assert_eq!((span.start, span.end), (0, 9));
    let a = check("已付 U-S-D-T", 500_000);
    let span = a.reasons[0].span.as_ref().expect("a span");
    assert_eq!(span.text, "u s d t");
    let normalized: Vec<char> = Rules::builtin().normalize("已付 U-S-D-T").chars().collect();
    let shown: String = normalized[span.start as usize..span.end as usize]
        .iter()
        .collect();
    assert_eq!(shown, "u s d t");
}

/// The example of `docs/risk-engine.md`: an analyst adds an intent pattern as data.
#[test]
fn an_analyst_adds_an_ordered_intent_pattern() {
    let rules = Rules::from_json(
        &json!({
            "version": "analyst-1",
            "term_sets": {
                "asker": ["客服", "专员", "agent"],
                "shield": ["安全账户", "保险柜", "safe account"]
            },
            "combinations": [{
                "id": "intent.move_to_safe_account",
                "category": "unlock_fee",
                "weight": 45,
                "all": [["@asker"], ["转", "转入", "move*"], ["@shield"]],
                "within": 4,
                "ordered": true
            }]
        })
        .to_string(),
    )
    .expect("valid rules");
    let fired = |memo: &str| {
        assess(&transfer(memo, 100_000, "CNY"), &rules)
            .reasons
            .iter()
            .any(|r| r.rule_id == "intent.move_to_safe_account")
    };
    assert!(fired("客服让转入保险柜"));
    assert!(fired("agent said move it to a safe account"));
    assert!(!fired("保险柜 转入 客服"), "out of order");
    assert!(
        !fired("客服 说了很多很多很多话 转入 保险柜"),
        "too far apart"
    );
}

/// A shop's name is context for its memo: goods priced by the piece stay below the
/// interstitial when a shop sends or takes them, and still interrupt between people; explicit
/// words interrupt whoever the payee is.
#[test]
fn a_shop_named_as_payee_sets_aside_piece_prices_and_the_model() {
    let to = |memo: &str, payee: &str| {
        let mut t = transfer(memo, 720_000, "CNY");
        t.payee.display_name = Some(payee.to_owned());
        assess(&t, Rules::builtin())
    };
    for (memo, shop) in [
        ("1000个 按7.2", "义乌文具批发"),
        ("单价7.2 500个", "东莞纸品厂-李"),
        ("u", "U站文具店"),
    ] {
        let person = to(memo, "陈先生");
        let a = to(memo, shop);
        assert!(a.level < Level::Medium, "{memo} to {shop}: {a:?}");
        if memo != "u" {
            assert!(
                person.level >= Level::Medium,
                "{memo} to a person: {person:?}"
            );
        }
    }
    let explicit = to("收U 1000个 按7.2", "义乌文具批发");
    assert!(explicit.level >= Level::Medium, "{explicit:?}");
}

/// `payee_name` is a switch on context guards only, and the memo model can be named in
/// `applies_to`; a guard naming a rule that does not exist is refused with its place.
#[test]
fn payee_name_guards_are_checked_when_the_rules_load() {
    let with_guard = |guard: serde_json::Value| {
        Rules::from_json(
            &json!({
                "version": "t",
                "keywords": [{ "id": "k", "category": "otc_trading", "weight": 45, "terms": ["abc"] }],
                "guards": [guard],
            })
            .to_string(),
        )
    };
    let err = with_guard(json!({ "id": "g", "terms": ["店"], "payee_name": true }))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("guards[0].payee_name") && err.contains("anywhere"),
        "{err}"
    );
    let err =
        with_guard(json!({ "id": "g", "terms": ["店"], "anywhere": true, "applies_to": ["kk"] }))
            .unwrap_err()
            .to_string();
    assert!(
        err.contains("guards[0].applies_to[0]") && err.contains("`kk`"),
        "{err}"
    );
    let rules = with_guard(json!({
        "id": "g", "terms": ["店"], "anywhere": true, "payee_name": true,
        "applies_to": ["k", "model.memo_ngrams"],
    }))
    .expect("a file without a model may name one");
    let mut t = transfer("abc", 100_000, "CNY");
    assert!(assess(&t, &rules).level >= Level::Medium);
    t.payee.display_name = Some("abc 小店".to_owned());
    assert_eq!(
        assess(&t, &rules).level,
        Level::None,
        "the name sets aside the memo's `abc`"
    );
}
