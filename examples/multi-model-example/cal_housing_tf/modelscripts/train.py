"""Train a small Keras regressor on the preprocessed California housing data.

The single input channel comes from the chain: `<preprocess step>-train`
(/opt/ml/input/data/<name>/{train,test}/...). The SavedModel goes to
SM_MODEL_DIR/1 (a TensorFlow Serving version folder), and inference.py is copied
to SM_MODEL_DIR/code so the serving container finds its handlers
(ModelRepack is "False": nothing else packs the code into the model).
"""
import argparse
import json
import os
import shutil

import numpy as np
import tensorflow as tf


def channel_dir(suffix="-train"):
    for name in json.loads(os.environ.get("SM_CHANNELS", "[]")):
        if name.endswith(suffix):
            return os.environ.get(f"SM_CHANNEL_{name.upper()}", f"/opt/ml/input/data/{name}")
    raise KeyError(f"no input channel ending in {suffix!r}")


def load(root, split):
    x = np.loadtxt(os.path.join(root, split, f"x_{split}.csv"), delimiter=",", ndmin=2)
    y = np.loadtxt(os.path.join(root, split, f"y_{split}.csv"), delimiter=",")
    return x, y


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--epochs", type=int, default=50)
    p.add_argument("--batch_size", type=int, default=64)
    p.add_argument("--learning_rate", type=float, default=1e-3)
    args, _ = p.parse_known_args()
    model_dir = os.environ.get("SM_MODEL_DIR", "/opt/ml/model")

    root = channel_dir()
    x_train, y_train = load(root, "train")
    x_test, y_test = load(root, "test")

    model = tf.keras.Sequential([
        tf.keras.layers.Input(shape=(x_train.shape[1],)),
        tf.keras.layers.Dense(64, activation="relu"),
        tf.keras.layers.Dense(32, activation="relu"),
        tf.keras.layers.Dense(1),
    ])
    model.compile(optimizer=tf.keras.optimizers.Adam(args.learning_rate), loss="mse", metrics=["mae"])
    model.fit(x_train, y_train, epochs=args.epochs, batch_size=args.batch_size,
              validation_data=(x_test, y_test), verbose=2,
              callbacks=[tf.keras.callbacks.EarlyStopping(patience=5, restore_best_weights=True)])
    print("test mse/mae:", model.evaluate(x_test, y_test, verbose=0))

    model.save(os.path.join(model_dir, "1"))  # SavedModel, version 1
    code_dir = os.path.join(model_dir, "code")
    os.makedirs(code_dir, exist_ok=True)
    shutil.copy(os.path.join(os.path.dirname(os.path.abspath(__file__)), "inference.py"), code_dir)


if __name__ == "__main__":
    main()
