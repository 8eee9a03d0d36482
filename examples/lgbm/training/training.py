"""Train a LightGBM binary classifier (will the session end in a purchase?).

SageMaker training conventions:
  SM_CHANNEL_TRAIN -> /opt/ml/input/data/train  (x_train.npy, y_train.npy)
  SM_CHANNEL_TEST  -> /opt/ml/input/data/test   (x_test.npy,  y_test.npy)
  SM_MODEL_DIR     -> /opt/ml/model             (model.txt is written here)
Hyperparameters arrive as command-line flags (--num_leaves 31 ...).
"""
import argparse
import json
import os

import lightgbm as lgb
import numpy as np


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--num_leaves", type=int, default=31)
    p.add_argument("--learning_rate", type=float, default=0.05)
    p.add_argument("--num_boost_round", type=int, default=200)
    p.add_argument("--model_dir", default=os.environ.get("SM_MODEL_DIR", "/opt/ml/model"))
    p.add_argument("--train", default=os.environ.get("SM_CHANNEL_TRAIN", "/opt/ml/input/data/train"))
    p.add_argument("--test", default=os.environ.get("SM_CHANNEL_TEST", "/opt/ml/input/data/test"))
    args, _unknown = p.parse_known_args()
    return args


def load(folder, split):
    x = np.load(os.path.join(folder, f"x_{split}.npy"))
    y = np.load(os.path.join(folder, f"y_{split}.npy"))
    return x, y.ravel()


def main():
    args = parse_args()
    x_train, y_train = load(args.train, "train")
    x_test, y_test = load(args.test, "test")

    params = {
        "objective": "binary",
        "metric": ["auc", "binary_logloss"],
        "num_leaves": args.num_leaves,
        "learning_rate": args.learning_rate,
        "is_unbalance": True,  # ~15% of sessions end with a purchase
        "verbose": -1,
    }
    train_set = lgb.Dataset(x_train, label=y_train)
    valid_set = lgb.Dataset(x_test, label=y_test, reference=train_set)
    booster = lgb.train(
        params,
        train_set,
        num_boost_round=args.num_boost_round,
        valid_sets=[valid_set],
        callbacks=[lgb.early_stopping(20), lgb.log_evaluation(20)],
    )

    os.makedirs(args.model_dir, exist_ok=True)
    booster.save_model(os.path.join(args.model_dir, "model.txt"))
    with open(os.path.join(args.model_dir, "training_summary.json"), "w") as f:
        json.dump({"best_iteration": booster.best_iteration, "best_score": booster.best_score["valid_0"]}, f)
    print(f"validation: {dict(booster.best_score['valid_0'])}")


if __name__ == "__main__":
    main()
