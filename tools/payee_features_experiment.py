#!/usr/bin/env python3
"""Would the payee's display name help the memo model? Reproduces the numbers in
docs/risk-engine.md ("Measured, not shipped: the payee's name as model features").

For each of six development files, held out in turn (final-7, the shipped rules' final set,
is never trained on): a logistic regression (L2, C = 16, balanced classes; rows scaled by
1 / sqrt(features), as the engine scores) on
  - the memo's n-grams (the engine's 4,096 slots),
  - the memo's and the payee name's n-grams (2,048 slots of their own), free,
  - the same with the name's weights bounded at most 0 (a name may only make a memo read as
    ordinary),
and prints each variant's mean ROC AUC and mean recall at 2 % false positives — the model
alone, before any rule. Features come from `riskguard features`, the engine's own.

Usage (needs numpy, scipy and scikit-learn):

    cargo build --release -p riskguard-cli
    python3 tools/payee_features_experiment.py
"""

import glob
import json
import os
import subprocess

import numpy as np
from scipy.optimize import minimize
from scipy.sparse import csr_matrix, hstack
from sklearn.metrics import roc_auc_score

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
RISKGUARD = os.path.join(ROOT, "target", "release", "riskguard")
HELD_OUT = ["blind-11", "blind-12", "final-3", "final-4", "final-5", "final-6"]
NEVER_TRAINED = "final-7"


def cases():
    paths = glob.glob(os.path.join(ROOT, "tests", "corpus", "*.jsonl"))
    paths += glob.glob(os.path.join(ROOT, "tests", "corpus", "*", "*.jsonl"))
    for path in sorted(paths):
        name = os.path.basename(path)[: -len(".jsonl")]
        with open(path, encoding="utf-8") as f:
            for line in f:
                case = json.loads(line) if line.strip() else None
                if not case or case["expect"] not in ("risky", "benign"):
                    continue
                context = case["context"]
                if context["payee"].get("flags"):
                    continue
                memo = (context.get("memo") or "").replace("\n", " ")
                payee = (context["payee"].get("display_name") or "").replace("\n", " ")
                yield name, memo, payee, 1.0 if case["expect"] == "risky" else 0.0


def slots(texts, count):
    out = subprocess.run([RISKGUARD, "features", "--slots", str(count)],
                         input="\n".join(texts) + "\n", capture_output=True, text=True,
                         check=True).stdout.split("\n")
    rows, cols = [], []
    for row, line in enumerate(out[: len(texts)]):
        for col in line.split():
            rows.append(row)
            cols.append(int(col))
    return csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(texts), count))


def scaled(x):
    x = x.tocsr().astype(float)
    counts = np.diff(x.indptr)
    x.data /= np.repeat(np.sqrt(np.maximum(counts, 1)), counts)
    return x


def fit(x, y, c, free):
    """L2 logistic regression with balanced class weights; weights from `free` on are <= 0."""
    n, d = x.shape
    sample = np.where(y == 1, n / (2 * y.sum()), n / (2 * (1 - y).sum()))
    sign = 2 * y - 1

    def loss(theta):
        w, b = theta[:-1], theta[-1]
        margin = sign * (x @ w + b)
        slope = -sign * sample / (1 + np.exp(margin))
        value = c * np.sum(sample * np.logaddexp(0, -margin)) + 0.5 * w @ w
        return value, np.append(c * (x.T @ slope) + w, c * slope.sum())

    bounds = [(None, None)] * free + [(None, 0.0)] * (d - free) + [(None, None)]
    result = minimize(loss, np.zeros(d + 1), jac=True, method="L-BFGS-B", bounds=bounds,
                      options={"maxiter": 5000})
    return result.x[:-1], result.x[-1]


def main():
    rows = list(cases())
    source = np.array([r[0] for r in rows])
    y = np.array([r[3] for r in rows])
    memo = slots([r[1] for r in rows], 4096)
    both = scaled(hstack([memo, slots([r[2] for r in rows], 2048)]))
    variants = [("memo only", scaled(memo), 4096),
                ("memo + payee name, free", both, 6144),
                ("memo + payee name, name weights <= 0", both, 4096)]
    for label, x, free in variants:
        aucs, recalls = [], []
        for held in HELD_OUT:
            train, test = (source != held) & (source != NEVER_TRAINED), source == held
            w, b = fit(x[train], y[train], 16.0, free)
            score = x[test] @ w + b
            aucs.append(roc_auc_score(y[test], score))
            benign = np.sort(score[y[test] == 0])
            threshold = benign[int(len(benign) * 0.98)]
            recalls.append(float((score[y[test] == 1] > threshold).mean()))
        print(f"{label}: ROC AUC {np.mean(aucs):.3f}, recall at 2 % false positives "
              f"{np.mean(recalls):.1%} (means over {', '.join(HELD_OUT)})")


if __name__ == "__main__":
    main()
