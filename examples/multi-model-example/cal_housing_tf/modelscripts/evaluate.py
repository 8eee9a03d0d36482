"""Compare the batch-transform predictions with the held-out targets.

Run by the Metrics step as `python -m evaluate evaluate.py`. The evaluate channel is
the bare string `train`, so each chained input lands in <source step>-train:
  /opt/ml/processing/input/<...>-Preprocessing-train/test/y_test.csv
  /opt/ml/processing/input/<...>-Transform-train/x_test.csv.out
Writes /opt/ml/processing/output/model_evaluation_metrics.json (model-quality format).
"""
import glob
import json
import os

import numpy as np

INPUT = "/opt/ml/processing/input"
OUTPUT = "/opt/ml/processing/output"


def one(pattern):
    matches = sorted(glob.glob(os.path.join(INPUT, pattern)))
    if not matches:
        raise FileNotFoundError(f"nothing matches {INPUT}/{pattern}")
    return matches[0]


def bootstrap_std(fn, y, p, rounds=50, seed=0):
    rng = np.random.default_rng(seed)
    return float(np.std([fn(y[i], p[i]) for i in (rng.integers(0, len(y), len(y)) for _ in range(rounds))]))


def main():
    y_true = np.loadtxt(one("*-Preprocessing-train/test/y_test.csv"), delimiter=",").ravel()
    y_pred = np.loadtxt(one("*-Transform-train/*.out"), delimiter=",").ravel()
    if y_true.shape != y_pred.shape:
        raise ValueError(f"{y_true.size} targets but {y_pred.size} predictions")

    fns = {
        "mse": lambda y, p: np.mean((y - p) ** 2),
        "rmse": lambda y, p: np.sqrt(np.mean((y - p) ** 2)),
        "mae": lambda y, p: np.mean(np.abs(y - p)),
        "r2": lambda y, p: 1.0 - np.sum((y - p) ** 2) / np.sum((y - y.mean()) ** 2),
    }
    report = {"regression_metrics": {
        name: {"value": float(fn(y_true, y_pred)), "standard_deviation": bootstrap_std(fn, y_true, y_pred)}
        for name, fn in fns.items()
    }}

    os.makedirs(OUTPUT, exist_ok=True)
    with open(os.path.join(OUTPUT, "model_evaluation_metrics.json"), "w") as f:
        json.dump(report, f, indent=2)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
