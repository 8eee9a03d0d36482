"""Score the batch-transform predictions against the held-out labels.

Run by the Metrics step as `python -m evaluate.evaluate evaluate/evaluate.py`.
Reads:
  /opt/ml/processing/input/online_shoppers_intention_ytest/y_test.npy   (static input)
  /opt/ml/processing/input/lgbm-Transform-test/*.out                    (transform output, .npy bytes)
Writes:
  /opt/ml/processing/output/model_evaluation_metrics.json  (SageMaker model-quality format)
"""
import glob
import io
import json
import os

import numpy as np
from sklearn import metrics

INPUT = "/opt/ml/processing/input"
OUTPUT = "/opt/ml/processing/output"
THRESHOLD = 0.5


def load_npy(path):
    with open(path, "rb") as f:
        return np.load(io.BytesIO(f.read()), allow_pickle=False).ravel()


def bootstrap_std(fn, y, p, rounds=50, seed=0):
    rng = np.random.default_rng(seed)
    idx = [rng.integers(0, len(y), len(y)) for _ in range(rounds)]
    return float(np.std([fn(y[i], p[i]) for i in idx]))


def main():
    y_true = load_npy(os.path.join(INPUT, "online_shoppers_intention_ytest", "y_test.npy")).astype(int)
    pred_files = sorted(glob.glob(os.path.join(INPUT, "lgbm-Transform-test", "*.out")))
    if not pred_files:
        raise FileNotFoundError("no transform output (*.out) under lgbm-Transform-test")
    proba = np.concatenate([load_npy(p) for p in pred_files])
    y_pred = (proba >= THRESHOLD).astype(int)

    scores = {
        "accuracy": (metrics.accuracy_score, y_pred),
        "precision": (lambda a, b: metrics.precision_score(a, b, zero_division=0), y_pred),
        "recall": (lambda a, b: metrics.recall_score(a, b, zero_division=0), y_pred),
        "f1": (lambda a, b: metrics.f1_score(a, b, zero_division=0), y_pred),
        "auc": (metrics.roc_auc_score, proba),
    }
    report = {"binary_classification_metrics": {}}
    for name, (fn, pred) in scores.items():
        report["binary_classification_metrics"][name] = {
            "value": float(fn(y_true, pred)),
            "standard_deviation": bootstrap_std(fn, y_true, pred),
        }

    os.makedirs(OUTPUT, exist_ok=True)
    with open(os.path.join(OUTPUT, "model_evaluation_metrics.json"), "w") as f:
        json.dump(report, f, indent=2)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
