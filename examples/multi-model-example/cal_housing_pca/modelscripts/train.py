"""Fit StandardScaler + PCA on the housing features (scikit-learn script mode).

Input channel (from the chain): `calhousing-pca-Preprocessing-train`
  -> /opt/ml/input/data/<name>/features.csv
Writes SM_MODEL_DIR/model.joblib, and copies inference.py to SM_MODEL_DIR/code
(ModelRepack is "False": nothing else packs the serving code into the model).
"""
import argparse
import json
import os
import shutil

import joblib
import numpy as np
from sklearn.decomposition import PCA
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def channel_dir(suffix="-train"):
    for name in json.loads(os.environ.get("SM_CHANNELS", "[]")):
        if name.endswith(suffix):
            return os.environ.get(f"SM_CHANNEL_{name.upper()}", f"/opt/ml/input/data/{name}")
    raise KeyError(f"no input channel ending in {suffix!r}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--n_components", type=int, default=6)
    args, _ = p.parse_known_args()
    model_dir = os.environ.get("SM_MODEL_DIR", "/opt/ml/model")

    x = np.loadtxt(os.path.join(channel_dir(), "features.csv"), delimiter=",", ndmin=2)
    model = make_pipeline(StandardScaler(), PCA(n_components=args.n_components, random_state=0))
    model.fit(x)
    ratios = model.named_steps["pca"].explained_variance_ratio_
    print(f"explained variance by component: {np.round(ratios, 3).tolist()} (total {ratios.sum():.3f})")

    os.makedirs(model_dir, exist_ok=True)
    joblib.dump(model, os.path.join(model_dir, "model.joblib"))
    code_dir = os.path.join(model_dir, "code")
    os.makedirs(code_dir, exist_ok=True)
    shutil.copy(os.path.join(os.path.dirname(os.path.abspath(__file__)), "inference.py"), code_dir)


if __name__ == "__main__":
    main()
