"""Inference handlers for the LightGBM model (SageMaker inference-toolkit style).

The serving image (lightgbm-inference) loads this module as SAGEMAKER_PROGRAM
`transform.transform` from /opt/ml/model/code. ModelRepack is "False", so the
code is not packed into the model: the image (or model.tar.gz) must provide it.

Batch transform sends x_test.npy as application/x-npy and asks for
application/x-npy back; JSON ({"instances": [[...], ...]}) works for endpoints.
"""
import io
import json
import os

import lightgbm as lgb
import numpy as np

NPY = "application/x-npy"
JSON = "application/json"


def model_fn(model_dir):
    return lgb.Booster(model_file=os.path.join(model_dir, "model.txt"))


def input_fn(request_body, content_type=NPY):
    if content_type == NPY:
        return np.load(io.BytesIO(request_body), allow_pickle=False)
    if content_type == JSON:
        payload = json.loads(request_body)
        rows = payload["instances"] if isinstance(payload, dict) else payload
        return np.asarray(rows, dtype=np.float64)
    raise ValueError(f"unsupported content type: {content_type}")


def predict_fn(features, model):
    if features.ndim == 1:
        features = features.reshape(1, -1)
    # probability of the positive class (a purchase)
    return model.predict(features, num_iteration=model.best_iteration or None)


def output_fn(prediction, accept=NPY):
    if accept == NPY:
        buffer = io.BytesIO()
        np.save(buffer, np.asarray(prediction), allow_pickle=False)
        return buffer.getvalue()
    if accept in (JSON, "*/*"):
        return json.dumps({"predictions": np.asarray(prediction).tolist()})
    raise ValueError(f"unsupported accept type: {accept}")
