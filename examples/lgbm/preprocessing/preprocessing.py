"""Prepare the online-shoppers data for training (no pipeline step runs this yet).

Its outputs are the data the Training step reads from s3://<bucket>/lightGBM/{train,test}.
To run it in the pipeline, add a `preprocess` section with channels `train` (one
dataFile: sourceName `online_shoppers_intention`, the UCI CSV) and `test` (empty),
and a Processing step with step_type `preprocess`.
Reads:  /opt/ml/processing/input/online_shoppers_intention/*.csv
Writes: /opt/ml/processing/output/train/{x_train,y_train}.npy
        /opt/ml/processing/output/test/{x_test,y_test}.npy
"""
import glob
import os

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

INPUT = "/opt/ml/processing/input/online_shoppers_intention"
OUTPUT = "/opt/ml/processing/output"
CATEGORICAL = ["Month", "VisitorType", "OperatingSystems", "Browser", "Region", "TrafficType"]


def main():
    csv = sorted(glob.glob(os.path.join(INPUT, "*.csv")))[0]
    df = pd.read_csv(csv)
    y = df.pop("Revenue").astype(int).to_numpy()
    df["Weekend"] = df["Weekend"].astype(int)
    x = pd.get_dummies(df, columns=CATEGORICAL, dtype=float).to_numpy(dtype=np.float64)

    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2, stratify=y, random_state=42)
    for split, xs, ys in (("train", x_train, y_train), ("test", x_test, y_test)):
        folder = os.path.join(OUTPUT, split)
        os.makedirs(folder, exist_ok=True)
        np.save(os.path.join(folder, f"x_{split}.npy"), xs)
        np.save(os.path.join(folder, f"y_{split}.npy"), ys)
        print(f"{split}: {xs.shape[0]} rows, {xs.shape[1]} features, {ys.mean():.1%} positive")


if __name__ == "__main__":
    main()
