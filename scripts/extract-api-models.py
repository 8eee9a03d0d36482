#!/usr/bin/env python3
"""Extract trimmed AWS API models from a botocore wheel into test fixtures.

Maintainer script, not run in CI. Usage:

    python3 scripts/extract-api-models.py /path/to/botocore-X.Y.Z-py3-none-any.whl [out_dir]

out_dir defaults to __tests__/fixtures/api-models (relative to the repository root).

For each service below it reads botocore/data/<service>/<api-version>/service-2.json.gz
from the wheel, keeps only the listed operations and every shape reachable from their
input, output and error shapes (transitively), and drops documentation and SDK-only
traits. Standard library only (zipfile, gzip, json).

The botocore models are Apache-2.0 (Copyright Amazon.com, Inc. or its affiliates).
"""

import gzip
import json
import os
import re
import sys
import zipfile

OPERATIONS = {
    "sagemaker": [
        "CreateProcessingJob",
        "CreateTrainingJob",
        "CreateModel",
        "CreateTransformJob",
        "CreateModelPackage",
        "CreatePipeline",
        "UpdatePipeline",
        "DescribePipeline",
        "DeletePipeline",
        "StartPipelineExecution",
        "StopPipelineExecution",
        "DescribePipelineExecution",
        "ListPipelineExecutions",
        "ListPipelineExecutionSteps",
        "DescribePipelineDefinitionForExecution",
        "DescribeModelPackage",
        "DescribeModelPackageGroup",
        "CreateModelPackageGroup",
        "ListModelPackages",
        "AddTags",
        "ListTags",
        "DescribeProcessingJob",
        "DescribeTrainingJob",
        "DescribeTransformJob",
        "DescribeModel",
        "UpdatePipelineVersion",
    ],
    "sts": ["AssumeRoleWithWebIdentity", "GetCallerIdentity"],
    "s3": [
        "HeadObject",
        "PutObject",
        "GetObject",
        "HeadBucket",
        "CreateMultipartUpload",
        "UploadPart",
        "CompleteMultipartUpload",
        "AbortMultipartUpload",
    ],
    "scheduler": ["GetSchedule", "CreateSchedule", "UpdateSchedule", "DeleteSchedule"],
}

# Service metadata kept in the fixture header (only those present are written).
METADATA_KEYS = [
    "apiVersion",
    "protocol",
    "protocols",
    "jsonVersion",
    "targetPrefix",
    "signingName",
    "signatureVersion",
    "endpointPrefix",
    "globalEndpoint",
    "serviceId",
    "xmlNamespace",
    "uid",
]

# Shape-level traits kept. The first group is what the validator uses; the second
# describes the wire format (needed by a fake server speaking rest-xml / query).
SHAPE_KEYS = [
    "type",
    "required",
    "members",
    "member",
    "key",
    "value",
    "min",
    "max",
    "pattern",
    "enum",
    "exception",
    "error",
    "union",
    "payload",
    "flattened",
    "locationName",
    "xmlNamespace",
    "timestampFormat",
    "streaming",
]

# Member-level traits kept (member of a structure, and list member / map key / value refs).
MEMBER_KEYS = [
    "shape",
    "location",
    "locationName",
    "xmlNamespace",
    "flattened",
    "xmlAttribute",
    "streaming",
    "timestampFormat",
    "jsonvalue",
]

# Operation input/output reference traits kept.
OP_REF_KEYS = ["shape", "resultWrapper", "locationName", "xmlNamespace"]


def pick(src, keys):
    return {k: src[k] for k in keys if k in src}


def trim_shape(shape):
    out = pick(shape, SHAPE_KEYS)
    if "members" in out:
        out["members"] = {name: pick(ref, MEMBER_KEYS) for name, ref in shape["members"].items()}
    for ref_key in ("member", "key", "value"):
        if ref_key in out:
            out[ref_key] = pick(shape[ref_key], MEMBER_KEYS)
    return out


def referenced_shapes(shape):
    refs = []
    for ref in shape.get("members", {}).values():
        refs.append(ref["shape"])
    for ref_key in ("member", "key", "value"):
        if ref_key in shape:
            refs.append(shape[ref_key]["shape"])
    return refs


def find_service_file(wheel, service):
    pattern = re.compile(r"^botocore/data/%s/([0-9]{4}-[0-9]{2}-[0-9]{2})/service-2\.json\.gz$" % re.escape(service))
    versions = sorted(m.group(1) for m in map(pattern.match, wheel.namelist()) if m)
    if not versions:
        raise SystemExit("no service-2.json.gz for %s in wheel" % service)
    api_version = versions[-1]
    return api_version, "botocore/data/%s/%s/service-2.json.gz" % (service, api_version)


def botocore_version(wheel, wheel_path):
    for name in wheel.namelist():
        if name.endswith(".dist-info/METADATA"):
            for line in wheel.read(name).decode("utf-8").splitlines():
                if line.startswith("Version:"):
                    return line.split(":", 1)[1].strip()
    match = re.match(r"botocore-([^-]+)-", os.path.basename(wheel_path))
    if match:
        return match.group(1)
    raise SystemExit("cannot determine botocore version")


def extract(wheel, wheel_path, service, operations):
    api_version, member = find_service_file(wheel, service)
    model = json.loads(gzip.decompress(wheel.read(member)).decode("utf-8"))
    all_shapes = model["shapes"]

    ops = {}
    roots = []
    for name in operations:
        if name not in model["operations"]:
            raise SystemExit("%s: operation %s not in model" % (service, name))
        op = model["operations"][name]
        entry = {}
        for ref_key in ("input", "output"):
            if ref_key in op:
                entry[ref_key] = pick(op[ref_key], OP_REF_KEYS)
                roots.append(op[ref_key]["shape"])
        entry["errors"] = [{"shape": e["shape"]} for e in op.get("errors", [])]
        roots.extend(e["shape"] for e in op.get("errors", []))
        entry["http"] = op["http"]
        ops[name] = entry

    seen = set()
    stack = list(roots)
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        if name not in all_shapes:
            raise SystemExit("%s: dangling shape reference %s" % (service, name))
        seen.add(name)
        stack.extend(referenced_shapes(all_shapes[name]))

    version = botocore_version(wheel, wheel_path)
    return {
        "source": "botocore %s (%s), data/%s/%s/service-2.json.gz"
        % (version, os.path.basename(wheel_path), service, api_version),
        "license": "Apache-2.0 (botocore, Copyright Amazon.com, Inc. or its affiliates)",
        "metadata": pick(model["metadata"], METADATA_KEYS),
        "operations": ops,
        "shapes": {name: trim_shape(all_shapes[name]) for name in sorted(seen)},
    }


def main(argv):
    if len(argv) < 2 or len(argv) > 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    wheel_path = argv[1]
    repo_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_dir = argv[2] if len(argv) == 3 else os.path.join(repo_root, "__tests__", "fixtures", "api-models")
    os.makedirs(out_dir, exist_ok=True)
    with zipfile.ZipFile(wheel_path) as wheel:
        for service, operations in OPERATIONS.items():
            trimmed = extract(wheel, wheel_path, service, operations)
            path = os.path.join(out_dir, "%s.json" % service)
            with open(path, "w", encoding="utf-8") as fh:
                json.dump(trimmed, fh, indent=1, ensure_ascii=False)
                fh.write("\n")
            print(
                "%s: %d operations, %d shapes, %d bytes -> %s"
                % (service, len(trimmed["operations"]), len(trimmed["shapes"]), os.path.getsize(path), path)
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
