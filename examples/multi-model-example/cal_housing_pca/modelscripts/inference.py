"""Serving handlers for the PCA model (scikit-learn inference container).

Request (application/json): {"instances": [[8 raw feature values], ...]} or text/csv rows.
Response (application/json): {"components": [[...], ...]}
"""
import io
import json
import os

import joblib
import numpy as np


def model_fn(model_dir):
    return joblib.load(os.path.join(model_dir, "model.joblib"))


def input_fn(request_body, content_type="application/json"):
    if isinstance(request_body, bytes):
        request_body = request_body.decode("utf-8")
    if content_type == "application/json":
        payload = json.loads(request_body)
        rows = payload["instances"] if isinstance(payload, dict) else payload
        return np.asarray(rows, dtype=np.float64).reshape(-1, 8)
    if content_type == "text/csv":
        return np.loadtxt(io.StringIO(request_body), delimiter=",", ndmin=2)
    raise ValueError(f"unsupported content type: {content_type}")


def predict_fn(features, model):
    return model.transform(features)


def output_fn(components, accept="application/json"):
    if accept not in ("application/json", "*/*"):
        raise ValueError(f"unsupported accept type: {accept}")
    return json.dumps({"components": np.round(components, 6).tolist()})
