#!/usr/bin/env python3
"""Fits the weights of `align::restate` (does a group member restate its
base?) on labelled pairs, and reports how well the fit generalises.

    cargo run --release --example pair_eval -- --features PAIRS.tsv /tmp/restate-features.tsv
    python3 tools/msr/fit_restates.py /tmp/restate-features.tsv

The input is `pair_eval --features`' table: per pair, a label, whether the
analysis aligns the two sentences, whether the guards of `align::restate`
rule a restatement out (a negation on one side only, a value stated
otherwise), and four features. The model is fitted on the pairs the guards
leave to it: a vetoed pair is never a restatement, whatever the model
would say. It is a logistic regression on the standardised features
(full-batch gradient descent, L2 0.001, 3,000 steps: deterministic); the
weights it prints are mapped back to the raw features, for
`src/align/restate.rs`. Before it, ten-fold cross-validation repeated over
ten shuffles estimates the accuracy on pairs the fit did not see, of the
model alone and of what `pair_eval` counts as a paraphrase: aligned and
restating. Fit only on MSR's train split; the test split is for
evaluation. Needs numpy.
"""
import sys

import numpy as np

L2, STEPS, RATE = 1e-3, 3000, 0.5


def fit(x, y):
    """Weights and bias on the raw features."""
    mean, sd = x.mean(0), x.std(0) + 1e-9
    z = np.column_stack([(x - mean) / sd, np.ones(len(x))])
    w = np.zeros(z.shape[1])
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-z @ w))
        w -= RATE * (z.T @ (p - y) / len(y) + L2 * w)
    weights = w[:-1] / sd
    return weights, w[-1] - (weights * mean).sum()


def scores(predicted, y):
    tp = ((predicted == 1) & (y == 1)).sum()
    return (predicted == y).mean(), tp / max(predicted.sum(), 1), tp / y.sum()


def main():
    table = np.genfromtxt(sys.argv[1], delimiter="\t", names=True)
    names = table.dtype.names[3:]
    y, aligned, open_ = table["label"], table["aligned"], 1 - table["vetoed"]
    x = np.column_stack([table[n] for n in names])
    alone, both = [], []
    for seed in range(10):
        order = np.random.RandomState(seed).permutation(len(y))
        predicted = np.zeros(len(y))
        for fold in np.array_split(order, 10):
            train = np.setdiff1d(order, fold)
            train = train[open_[train] == 1]
            weights, bias = fit(x[train], y[train])
            predicted[fold] = (x[fold] @ weights + bias > 0) * open_[fold]
        alone.append(scores(predicted, y))
        both.append(scores(predicted * aligned, y))
    print(f"pairs {len(y)}, paraphrases {int(y.sum())}")
    print("aligned alone: accuracy %.3f, precision %.3f, recall %.3f" % scores(aligned, y))
    for name, runs in (("restates", alone), ("aligned and restates", both)):
        runs = np.array(runs)
        print("%s, 10-fold CV x 10 shuffles: accuracy %.3f (%.3f-%.3f), precision %.3f, recall %.3f"
              % (name, runs[:, 0].mean(), runs[:, 0].min(), runs[:, 0].max(), runs[:, 1].mean(), runs[:, 2].mean()))
    print(f"vetoed by the guards: {int((1 - open_).sum())} pairs, {int(((1 - open_) * y).sum())} of them paraphrases")
    weights, bias = fit(x[open_ == 1], y[open_ == 1])
    fitted = (x @ weights + bias > 0) * open_
    print("fitted on all pairs: restates: accuracy %.3f, precision %.3f, recall %.3f" % scores(fitted, y))
    print("fitted on all pairs: aligned and restates: accuracy %.3f, precision %.3f, recall %.3f"
          % scores(fitted * aligned, y))
    print("// " + ", ".join(names))
    print("const WEIGHTS: Features = [%s];" % ", ".join("%.4f" % w for w in weights))
    print("const BIAS: f32 = %.4f;" % bias)


if __name__ == "__main__":
    main()
