"""Pre/post-processing for the TensorFlow Serving container (tensorflow-inference image).

Batch transform posts test/x_test.csv as text/csv (one request, no header) and
expects text/csv back: one prediction per line, in the input row order.
JSON requests ({"instances": [[...], ...]}) are passed straight to TF Serving.
"""
import json


def input_handler(data, context):
    if context.request_content_type == "application/json":
        body = data.read().decode("utf-8")
        return body if body else json.dumps({"instances": []})
    if context.request_content_type == "text/csv":
        rows = [
            [float(value) for value in line.split(",")]
            for line in data.read().decode("utf-8").splitlines()
            if line.strip()
        ]
        return json.dumps({"instances": rows})
    raise ValueError(f"unsupported content type: {context.request_content_type}")


def output_handler(response, context):
    if response.status_code != 200:
        raise ValueError(response.content.decode("utf-8"))
    predictions = json.loads(response.content)["predictions"]
    accept = context.accept_header
    if accept == "text/csv":
        lines = [str(p[0] if isinstance(p, list) else p) for p in predictions]
        return "\n".join(lines) + "\n", accept
    return json.dumps({"predictions": predictions}), "application/json"
