#!/usr/bin/env python3
"""The character n-gram memo model measured in docs/risk-engine.md (Known limits), reproducible.

Not part of the product: an experiment that says whether a statistical model would earn its
bytes. It trains a character 1-3-gram logistic regression (16,384 hashed buckets, L2, C = 16,
balanced classes) on the memos of every corpus file except the test file and the final sets,
then scores the test file alone, or'd with the rules' levels, and pruned to its largest weights.

    pip install scikit-learn numpy
    git worktree add /tmp/at 1f70da1 && (cd /tmp/at && cargo build --release -p riskguard-cli)
    python3 tools/ngram_experiment.py tests/corpus/measured/blind-10.jsonl \
        --riskguard /tmp/at/target/release/riskguard
    python3 tools/ngram_experiment.py tests/corpus/measured/final-3.jsonl \
        --riskguard target/release/riskguard

`--riskguard` is the engine whose levels stand for "the rules" (its first run on the file).
"""

import argparse
import glob
import gzip
import json
import os
import subprocess

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression

CORPUS = os.path.join(os.path.dirname(__file__), "..", "tests", "corpus")


def load(path):
    memos, labels, contexts = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            case = json.loads(line)
            memos.append((case["context"].get("memo") or "").lower())
            labels.append({"risky": 1, "benign": 0, "blocked": 2}[case["expect"]])
            contexts.append(json.dumps(case["context"], ensure_ascii=False))
    return memos, np.array(labels), contexts


def rule_levels(riskguard, contexts):
    out = subprocess.run(
        [riskguard, "assess"], input="\n".join(contexts) + "\n",
        capture_output=True, text=True, check=False,
    ).stdout
    return np.array([json.loads(line).get("level", "error") for line in out.splitlines()])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("test")
    parser.add_argument("--riskguard", required=True)
    args = parser.parse_args()
    test = os.path.abspath(args.test)
    train = [
        f for f in sorted(glob.glob(os.path.join(CORPUS, "*.jsonl")) + glob.glob(os.path.join(CORPUS, "measured", "*.jsonl")))
        if os.path.abspath(f) != test and not os.path.basename(f).startswith("final-")
    ]
    x_train, y_train = [], []
    for f in train:
        memos, labels, _ = load(f)
        keep = labels != 2
        x_train += [m for m, k in zip(memos, keep) if k]
        y_train += list(labels[keep])
    memos, labels, contexts = load(test)
    levels = rule_levels(args.riskguard, contexts)
    keep = labels != 2
    memos = [m for m, k in zip(memos, keep) if k]
    labels, levels = labels[keep], levels[keep]
    risky, benign = labels == 1, labels == 0
    rules = np.isin(levels, ["medium", "high", "blocked"])
    low = levels == "low"

    def rate(flagged):
        return f"{(flagged & risky).sum() / risky.sum():.1%} / {(flagged & benign).sum() / benign.sum():.1%}"

    hashing = HashingVectorizer(analyzer="char", ngram_range=(1, 3), n_features=16384,
                                alternate_sign=False, norm="l2")
    model = LogisticRegression(C=16, max_iter=3000, class_weight="balanced")
    model.fit(hashing.transform(x_train), y_train)
    features = hashing.transform(memos)
    print(f"trained on {len(x_train)} memos from {len(train)} files; testing {os.path.basename(test)}")
    print(f"rules alone (recall / false positives): {rate(rules)}")
    weights, bias = model.coef_[0], model.intercept_[0]
    for kept in (16384, 2000, 1000):
        w = weights.copy()
        if kept < len(w):
            w[np.abs(w) < np.sort(np.abs(w))[-kept]] = 0
        scale = np.abs(w).max() / 127
        q = np.round(w / scale).astype(np.int8)  # 8-bit weights
        w = q.astype(float) * scale
        # Stored sparse: delta-coded 16-bit bucket numbers, then the weights.
        at = np.nonzero(q)[0]
        table = np.diff(np.concatenate([[0], at])).astype(np.uint16).tobytes() + q[at].tobytes()
        size = len(gzip.compress(table, 9))
        p = 1 / (1 + np.exp(-(features @ w + bias)))
        print(f"{kept} weights ({size:,} bytes gzip): model alone at 0.7 {rate(p >= 0.7)}; "
              f"rules or model at 0.7 {rate(rules | (p >= 0.7))}, at 0.8 {rate(rules | (p >= 0.8))}; "
              f"rules or (low and p >= 0.7) or p >= 0.85 {rate(rules | (low & (p >= 0.7)) | (p >= 0.85))}")


if __name__ == "__main__":
    main()
