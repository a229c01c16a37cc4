#!/usr/bin/env python3
"""Trains the memo model (docs/risk-engine.md, "The memo model") and writes it into a rules file.

The features are the engine's own: `riskguard features --slots N` prints, for each memo, the
hashed character 1-3-gram slots the engine computes in `core/src/risk/memo_model.rs`, so the
weights fit exactly what the component will score. The model is a logistic regression (L2,
balanced classes) on the memos of labelled corpus files (risky = 1, benign = 0; blocked cases
and cases with payee flags are left out: their memos say nothing). Its weights are quantized to -7..7, one character each
(`1`..`f`, `8` = 0), and the probability thresholds become score thresholds:

    score = 100 * sum(weights of the memo's slots) / sqrt(number of slots)
    logit = scale * score / 100 + bias   =>   score >= 100 * (logit(p) - bias) / scale

Usage (needs scikit-learn and numpy; `pip install scikit-learn`):

    cargo build --release -p riskguard-cli
    # the shipped model: every corpus file but the final set (NEVER_TRAINED below)
    python3 tools/train_memo_model.py
    # to measure on a file the model has never seen: hold it out and write another rules file
    python3 tools/train_memo_model.py --hold-out tests/corpus/measured/final-3.jsonl \\
        --out /tmp/rules-without-final-3.json
    target/release/riskguard eval --rules /tmp/rules-without-final-3.json \\
        --cases tests/corpus/measured/final-3.jsonl
    # the same for several files, with totals (settings such as --slots apply to each run)
    python3 tools/train_memo_model.py --report-held-out tests/corpus/measured/final-*.jsonl

Deterministic: the same files give the same weights (lbfgs, no random state).
"""

import argparse
import glob
import gzip
import json
import math
import os
import re
import subprocess
import sys
import tempfile

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
LABELS = {"risky": 1, "benign": 0}
# The final set of the shipped engine: run once, never trained on, so its floor in
# core/tests/corpus.rs stays a measurement. Replace it when a new final set is written.
NEVER_TRAINED = [os.path.join(ROOT, "tests", "corpus", "measured", "final-7.jsonl")]


def corpus_files():
    pattern = os.path.join(ROOT, "tests", "corpus")
    return sorted(glob.glob(os.path.join(pattern, "*.jsonl")) + glob.glob(os.path.join(pattern, "*", "*.jsonl")))


def memos_and_labels(paths):
    memos, labels = [], []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                case = json.loads(line)
                # Blocked cases, and cases a payee flag decides, say nothing about their memos.
                if case["expect"] not in LABELS or case["context"]["payee"].get("flags"):
                    continue
                memo = (case["context"].get("memo") or "").replace("\n", " ").replace("\r", " ")
                memos.append(memo)
                labels.append(LABELS[case["expect"]])
    return memos, np.array(labels)


def features(riskguard, rules, memos, slots):
    out = subprocess.run(
        [riskguard, "features", "--slots", str(slots), "--rules", rules],
        input="\n".join(memos) + "\n", capture_output=True, text=True, check=True,
    ).stdout.split("\n")
    rows, cols, vals = [], [], []
    for row, line in enumerate(out[: len(memos)]):
        found = [int(x) for x in line.split()]
        for col in found:
            rows.append(row)
            cols.append(col)
            vals.append(1 / math.sqrt(len(found)))
    return csr_matrix((vals, (rows, cols)), shape=(len(memos), slots))


def section(weights, alone, with_evidence, doubt_below, note):
    body = {
        "id": "model.memo_ngrams",
        "note": note,
        "alone": alone,
        "with_evidence": with_evidence,
        "doubt_below": doubt_below,
        "weights": weights,
    }
    lines = ["  \"memo_model\": {"]
    items = list(body.items())
    for i, (key, value) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        lines.append(f"    {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    lines.append("  }")
    return "\n".join(lines)


def write_rules(source, target, text_section):
    with open(source, encoding="utf-8") as f:
        text = f.read()
    # Drop an existing section (it is always the last one, as this script writes it).
    text = re.sub(r",\n  \"memo_model\": \{.*?\n  \}(?=\n\}\s*$)", "", text, flags=re.S)
    end = text.rstrip().rfind("}")
    text = text[:end].rstrip() + ",\n" + text_section + "\n}\n"
    json.loads(text)  # still one valid JSON document
    with open(target, "w", encoding="utf-8") as f:
        f.write(text)


def report_held_out(args):
    """For each file: this script with the same settings and `--hold-out FILE` into a temporary
    rules file, then `riskguard eval --json` of that file with those rules."""
    settings = ["--riskguard", args.riskguard, "--rules", args.rules, "--slots", str(args.slots),
                "--c", str(args.c), "--alone", str(args.alone),
                "--with-evidence", str(args.with_evidence), "--doubt", str(args.doubt),
                "--max-weight", str(args.max_weight)] + (["--l1"] if args.l1 else [])
    caught = risky = alarms = benign = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in args.report_held_out:
            rules = os.path.join(tmp, "rules.json")
            subprocess.run([sys.executable, __file__, *settings, "--hold-out", path, "--out", rules],
                           check=True, stdout=subprocess.DEVNULL)
            report = json.loads(subprocess.run(
                [args.riskguard, "eval", "--json", "--rules", rules, "--cases", path],
                capture_output=True, text=True, check=True).stdout)
            r, b = report["risky"], report["benign"]
            caught, risky = caught + r["met"], risky + r["cases"]
            alarms, benign = alarms + b["cases"] - b["met"], benign + b["cases"]
            print(f"{os.path.relpath(path, ROOT)}: recall {r['met'] / r['cases']:.1%} "
                  f"({r['met']}/{r['cases']}), false positives "
                  f"{(b['cases'] - b['met']) / b['cases']:.1%} ({b['cases'] - b['met']}/{b['cases']})")
    print(f"total: recall {caught / risky:.1%} ({caught}/{risky}), "
          f"false positives {alarms / benign:.1%} ({alarms}/{benign})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--riskguard", default=os.path.join(ROOT, "target", "release", "riskguard"))
    parser.add_argument("--rules", default=os.path.join(ROOT, "rules", "default.json"),
                        help="the rules file to add the model to")
    parser.add_argument("--out", help="where to write (default: --rules, in place)")
    parser.add_argument("--hold-out", nargs="*", default=[],
                        help="corpus files not to train on, besides the final set (NEVER_TRAINED)")
    parser.add_argument("--slots", type=int, default=4096)
    parser.add_argument("--c", type=float, default=16.0, help="inverse L2 strength")
    parser.add_argument("--alone", type=float, default=0.92,
                        help="probability at which the model alone calls for medium")
    parser.add_argument("--with-evidence", type=float, default=0.7,
                        help="probability at which it lifts low evidence to medium")
    parser.add_argument("--doubt", type=float, default=0.3,
                        help="probability below which it holds a words-only medium at low")
    parser.add_argument("--max-weight", type=int, default=7, choices=range(1, 8),
                        help="weights are quantized to -N..N (fewer levels: fewer bytes)")
    parser.add_argument("--l1", action="store_true",
                        help="L1 instead of L2 regularization (sparser weights)")
    parser.add_argument("--report-held-out", nargs="+", metavar="FILE",
                        help="write nothing: for each FILE, train without it and print the "
                             "engine's recall and false positives on it, then the totals")
    args = parser.parse_args()
    if args.report_held_out:
        return report_held_out(args)

    files = corpus_files()
    known = {os.path.abspath(p) for p in files}
    unknown = [p for p in args.hold_out if os.path.abspath(p) not in known]
    if unknown:
        sys.exit(f"--hold-out: not one of tests/corpus/**/*.jsonl: {', '.join(unknown)}")
    # The final set is held out even before it is added, so adding it never changes the weights.
    held = {os.path.abspath(p) for p in args.hold_out + NEVER_TRAINED} & known
    train = [p for p in files if os.path.abspath(p) not in held]
    memos, labels = memos_and_labels(train)
    x = features(args.riskguard, args.rules, memos, args.slots)
    penalty = {"penalty": "l1", "solver": "liblinear"} if args.l1 else {}
    model = LogisticRegression(C=args.c, max_iter=5000, class_weight="balanced", **penalty)
    model.fit(x, labels)
    raw, bias = model.coef_[0], float(model.intercept_[0])
    scale = float(np.abs(raw).max()) / args.max_weight
    quantized = np.clip(np.round(raw / scale), -args.max_weight, args.max_weight).astype(int)
    weights = "".join("0123456789abcdef"[q + 8] for q in quantized)

    def threshold(p, may_be_negative=False):
        logit = math.log(p / (1 - p))
        value = math.ceil(100 * (logit - bias) / scale)
        if value < 0 and not may_be_negative:
            sys.exit(f"the threshold for p = {p} is below 0 ({value}); raise it")
        return value

    alone, with_evidence = threshold(args.alone), threshold(args.with_evidence)
    doubt_below = threshold(args.doubt, may_be_negative=True)
    # Training accuracy of the quantized model, as a sanity check (not a measure of quality).
    score = 100 * (x @ quantized.astype(float))
    flagged = score >= alone
    risky, benign = labels == 1, labels == 0
    note = (
        f"Trained by tools/train_memo_model.py on {len(memos)} memos of {len(train)} corpus files "
        f"({int(risky.sum())} risky, {int(benign.sum())} benign); {args.slots} slots, C = {args.c}; "
        f"alone at p >= {args.alone}, with low evidence at p >= {args.with_evidence}, "
        f"doubting words-only medium at p < {args.doubt}."
    )
    write_rules(args.rules, args.out or args.rules, section(weights, alone, with_evidence, doubt_below, note))
    print(note)
    print(f"training set, model alone: {flagged[risky].mean():.1%} of risky, "
          f"{flagged[benign].mean():.1%} of benign memos")
    print(f"weights: {len(weights)} characters, {len(gzip.compress(weights.encode(), 9))} bytes gzip; "
          f"alone = {alone}, with_evidence = {with_evidence}, doubt_below = {doubt_below}")
    print(f"held out: {', '.join(os.path.relpath(p, ROOT) for p in sorted(held)) or 'nothing'}")


if __name__ == "__main__":
    main()
