//! Criterion benchmark of compiling rules: the built-in file (a DFA), and a 1 MB file at the
//! limits (about 2 600 rules and 13 000 terms: a contiguous NFA). The bound is ≤ 1 s for
//! the 1 MB file, natively.
//!
//! `cargo bench -p riskguard-core --bench rules`.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)] // criterion's macros; a bench may panic

#[path = "../tests/common/large_rules.rs"]
mod large_rules;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use riskguard_core::risk::Rules;

const BUILTIN: &str = include_str!("../../rules/default.json");

fn bench(c: &mut Criterion) {
    let large = large_rules::keyword_file(1_000_000);
    let mut group = c.benchmark_group("compile rules");
    group.sample_size(10);
    group.bench_function("built-in", |b| {
        b.iter(|| Rules::from_json(black_box(BUILTIN)).map(|r| r.version().len()))
    });
    group.bench_function("1 MB at the limits", |b| {
        b.iter(|| Rules::from_json(black_box(&large)).map(|r| r.version().len()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
