"""Extract the eight numeric features of the California housing data for the PCA.

Run by calhousing-pca-Preprocessing as `python -m preprocess preprocess.py`.
Reads:  /opt/ml/processing/input/raw_data/cal_housing.data   (static input `raw_data`)
Writes: /opt/ml/processing/output/train/features.csv         (output `train`, no header)
The PCA is unsupervised, so the target column is dropped here.
"""
import glob
import os

import pandas as pd

INPUT = "/opt/ml/processing/input/raw_data"
OUTPUT = "/opt/ml/processing/output/train"
COLUMNS = ["longitude", "latitude", "housing_median_age", "total_rooms", "total_bedrooms",
           "population", "households", "median_income", "median_house_value"]


def main():
    path = sorted(glob.glob(os.path.join(INPUT, "*")))[0]
    df = pd.read_csv(path, header=None, names=COLUMNS).dropna()
    features = df.drop(columns=["median_house_value"])
    os.makedirs(OUTPUT, exist_ok=True)
    features.to_csv(os.path.join(OUTPUT, "features.csv"), header=False, index=False)
    print(f"wrote {len(features)} rows x {features.shape[1]} features")


if __name__ == "__main__":
    main()
