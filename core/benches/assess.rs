//! Criterion benchmark of `assess` on a realistic mix: every transfer of the labelled corpus
//! (`tests/corpus/cases.jsonl`: everyday memos, look-alikes, risky memos, evasions, flags and
//! behavioural cases, Chinese and English), plus a few single transfers.
//!
//! `cargo bench -p riskguard-core --bench assess`. For assessments per second and latency
//! percentiles, `cargo xtask bench engine`.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)] // criterion's macros; a bench may panic

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use riskguard_core::risk::eval::Case;
use riskguard_core::risk::{assess, Rules, TransferContext};

const CORPUS: &str = include_str!("../../tests/corpus/cases.jsonl");

fn mix() -> Vec<TransferContext> {
    CORPUS
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| Case::from_json(l).ok())
        .map(|case| case.context)
        .collect()
}

fn single(memo: &str) -> TransferContext {
    let json = serde_json::json!({
        "amount_minor": 500_000, "currency": "CNY", "memo": memo,
        "payee": { "display_name": "王磊", "is_new": true, "flags": [] },
        "initiated_at": "2026-11-21T23:05:00+08:00",
    });
    TransferContext::from_json(&json.to_string()).expect("valid transfer")
}

fn bench(c: &mut Criterion) {
    let rules = Rules::builtin();
    let transfers = mix();
    let mut group = c.benchmark_group("assess");
    group.throughput(Throughput::Elements(transfers.len() as u64));
    group.bench_function("corpus mix", |b| {
        b.iter(|| {
            for t in &transfers {
                black_box(assess(black_box(t), rules));
            }
        })
    });
    group.finish();
    let mut group = c.benchmark_group("assess one");
    group.throughput(Throughput::Elements(1));
    for (name, memo) in [
        ("benign zh", "房租 11月"),
        ("risky zh", "USDT承兑 5000"),
        ("evasion", "U S D T 承兑 穩賺不賠"),
        ("english", "guaranteed returns 20% monthly"),
    ] {
        let t = single(memo);
        group.bench_function(name, |b| b.iter(|| black_box(assess(black_box(&t), rules))));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
