"""Split and scale the California housing data.

Run by the preprocess step as `python -m preprocess preprocess.py`.
Reads:  /opt/ml/processing/input/raw_data/cal_housing.data   (static input `raw_data`)
Writes: /opt/ml/processing/output/train/train/{x_train,y_train}.csv
        /opt/ml/processing/output/train/test/{x_test,y_test}.csv
(one output, `train`; Training reads all of it, Transform reads test/x_test.csv)
"""
import glob
import os

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

INPUT = "/opt/ml/processing/input/raw_data"
OUTPUT = "/opt/ml/processing/output/train"
COLUMNS = ["longitude", "latitude", "housing_median_age", "total_rooms", "total_bedrooms",
           "population", "households", "median_income", "median_house_value"]


def write(folder, name, array):
    os.makedirs(folder, exist_ok=True)
    np.savetxt(os.path.join(folder, name), array, delimiter=",", fmt="%.6f")


def main():
    path = sorted(glob.glob(os.path.join(INPUT, "*")))[0]
    df = pd.read_csv(path, header=None, names=COLUMNS).dropna()
    y = df.pop("median_house_value").to_numpy() / 100_000.0  # in units of $100k
    x = df.to_numpy(dtype=np.float64)

    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2, random_state=42)
    mean, std = x_train.mean(axis=0), x_train.std(axis=0)
    x_train, x_test = (x_train - mean) / std, (x_test - mean) / std

    write(os.path.join(OUTPUT, "train"), "x_train.csv", x_train)
    write(os.path.join(OUTPUT, "train"), "y_train.csv", y_train)
    write(os.path.join(OUTPUT, "test"), "x_test.csv", x_test)
    write(os.path.join(OUTPUT, "test"), "y_test.csv", y_test)
    print(f"train {x_train.shape}, test {x_test.shape}")


if __name__ == "__main__":
    main()
