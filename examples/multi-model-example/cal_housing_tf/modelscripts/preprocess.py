"""Project the California housing features onto the PCA fitted by the other model.

Run by calhousing-tf-Preprocessing as `python -m preprocess preprocess.py`.
Reads:  /opt/ml/processing/input/raw_data/cal_housing.data                         (static input)
        /opt/ml/processing/input/calhousing-pca-Training-input-train/model.tar.gz  (chained: the
        calhousingpca model artifact, a scaler + PCA pipeline saved as model.joblib)
Writes: /opt/ml/processing/output/train/train/{x_train,y_train}.csv
        /opt/ml/processing/output/train/test/{x_test,y_test}.csv
"""
import glob
import os
import tarfile
import tempfile

import joblib
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

INPUT = "/opt/ml/processing/input"
OUTPUT = "/opt/ml/processing/output/train"
COLUMNS = ["longitude", "latitude", "housing_median_age", "total_rooms", "total_bedrooms",
           "population", "households", "median_income", "median_house_value"]


def load_pca():
    artifact = sorted(glob.glob(os.path.join(INPUT, "*-Training-input-train", "model.tar.gz")))[0]
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(artifact) as tar:
            member = next(m for m in tar.getmembers() if os.path.basename(m.name) == "model.joblib")
            tar.extract(member, tmp)
        return joblib.load(os.path.join(tmp, member.name))


def write(folder, name, array):
    os.makedirs(folder, exist_ok=True)
    np.savetxt(os.path.join(folder, name), array, delimiter=",", fmt="%.6f")


def main():
    raw = sorted(glob.glob(os.path.join(INPUT, "raw_data", "*")))[0]
    df = pd.read_csv(raw, header=None, names=COLUMNS).dropna()
    y = df.pop("median_house_value").to_numpy() / 100_000.0  # in units of $100k
    pca = load_pca()
    x = pca.transform(df.to_numpy(dtype=np.float64))  # already standardised by the pipeline

    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2, random_state=42)
    write(os.path.join(OUTPUT, "train"), "x_train.csv", x_train)
    write(os.path.join(OUTPUT, "train"), "y_train.csv", y_train)
    write(os.path.join(OUTPUT, "test"), "x_test.csv", x_test)
    write(os.path.join(OUTPUT, "test"), "y_test.csv", y_test)
    print(f"{x.shape[1]} PCA components; train {x_train.shape}, test {x_test.shape}")


if __name__ == "__main__":
    main()
