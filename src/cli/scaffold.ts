// What `smp init` writes: a new model repository in the old framework's layout — `<model>/conf/conf.yaml` (the
// anchor model, with the sagemakerPipeline section and the optional keys as comments), `<model>/scripts/` stubs
// that read and write the container paths the compiled steps use, and the two workflow files. It plans cleanly
// as written (with placeholder settings).
export interface InitOptions {
  readonly workspace: string;
  /** Model name: folder, step-name prefix, pipeline name `<model>-pipeline`. */
  readonly model: string;
  /** `owner/repo@ref` of smp-action, for `uses:` and the editor-schema URL. */
  readonly action: string;
}

export interface InitFile {
  /** Workspace-relative, `/`-separated. */
  readonly path: string;
  readonly content: string;
}

/** The default model package group `<model>-pipeline-<model>` must fit SageMaker's 63 characters: ≤ 26. */
export const MODEL_NAME = /^[a-z0-9](?:[a-z0-9-]{0,24}[a-z0-9])?$/;
export const ACTION_REF = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)@([A-Za-z0-9_./-]+)$/;
export const DEFAULT_ACTION = 'OWNER/smp-action@v1';

// The scikit-learn container runs preprocessing, training (script mode), evaluation and inference alike; it is
// per region: for another region take the image URI from the SageMaker docs ("Docker registry paths").
const IMAGE = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3';

export function scaffold(opts: InitOptions): InitFile[] {
  const m = opts.model;
  const [, owner = '', repo = '', ref = ''] = ACTION_REF.exec(opts.action) ?? [];
  const schema = `https://raw.githubusercontent.com/${owner}/${repo}/${ref}/schema/conf.schema.json`;
  return [
    { path: `${m}/conf/conf.yaml`, content: confYaml(m, schema) },
    { path: `${m}/scripts/preprocess.py`, content: PREPROCESS },
    { path: `${m}/scripts/train.py`, content: TRAIN },
    { path: `${m}/scripts/inference.py`, content: INFERENCE },
    { path: `${m}/scripts/evaluate.py`, content: evaluatePy(m) },
    { path: `${m}/scripts/requirements.txt`, content: REQUIREMENTS },
    { path: '.github/workflows/smp-plan.yml', content: planWorkflow(opts.action) },
    { path: '.github/workflows/smp-run.yml', content: runWorkflow(opts.action) },
  ];
}

function confYaml(m: string, schema: string): string {
  return `# yaml-language-server: $schema=${schema}
#
# ${m}: preprocess -> train -> create model -> batch transform -> metrics -> register.
# Paths are relative to the repository root. Strings may name settings as path parts (SMP_S3BUCKETNAME,
# SMP_REGION, SMP_ACCOUNTID: set them as environment variables or action inputs) or use \${NAME}.
# Commented keys show the optional ones with their defaults; \`smp schema\` prints every key.
conf:
  models:
    ${m}:
      source_directory: ${m}/scripts # shipped to every job of this model

      preprocess:
        image_uri: ${IMAGE}
        entry_point: preprocess.py # runs as \`python -m preprocess preprocess.py\`
        # instance_type: ml.m5.2xlarge
        # instance_count: 1
        # volume_size_in_gb: 32
        # max_runtime_seconds: 3000
        # env:
        #   LOG_LEVEL: info
        channels:
          train:
            dataFiles:
              # at /opt/ml/processing/input/raw_data in the job
              - sourceName: raw_data
                fileName: s3://SMP_S3BUCKETNAME/${m}/data/train.csv

      train:
        image_uri: ${IMAGE}
        entry_point: train.py
        # instance_type: ml.m5.2xlarge
        # max_runtime_seconds: 3000
        # hyperparams:
        #   fit_intercept: true

      transform:
        image_uri: ${IMAGE}
        entry_point: inference.py # also the model's inference script
        content_type: text/csv
        # instance_type: ml.m5.2xlarge
        # an empty channel: the input is the preprocess output \`train\` joined with
        # chain_input_additional_prefix (below)
        channels:
          train:

      evaluate:
        image_uri: ${IMAGE}
        entry_point: evaluate.py
        # chained inputs land in /opt/ml/processing/input/<source step>-train
        channels: train

      registry:
        # ModelRepack: 'True' # repack the model with scripts/ so the serving container finds inference.py
        # ModelPackageGroupName: ${m}-pipeline-${m}
        InferenceSpecification:
          image_uri: ${IMAGE}
          supported_content_types:
            - text/csv
          supported_response_MIME_types:
            - text/csv
          approval_status: PendingManualApproval # smp never approves a model version

  # The anchor: exactly one config of the repository holds this section.
  sagemakerPipeline:
    pipelineName: ${m}-pipeline
    # pipelineDescription: what this pipeline is for
    models:
      ${m}:
        steps:
          - step_name: ${m}-Preprocessing
            step_class: Processing
            step_type: preprocess
            enable_cache: True
          - step_name: ${m}-Training
            step_class: Training
            enable_cache: True
            chain_input_source_step:
              - ${m}-Preprocessing
          - step_name: ${m}-CreateModel
            step_class: CreateModel
          - step_name: ${m}-Transform
            step_class: Transform
            chain_input_source_step:
              - ${m}-Preprocessing
            chain_input_additional_prefix: test/x_test.csv
          - step_name: ${m}-Metrics
            step_class: Metrics
            chain_input_source_step:
              - ${m}-Preprocessing
              - ${m}-Transform
          - step_name: ${m}-Register
            step_class: RegisterModel
    dependencies:
      - ${m}-Preprocessing >> ${m}-Training >> ${m}-CreateModel >> ${m}-Transform >> ${m}-Metrics >> ${m}-Register
`;
}

const PREPROCESS = `"""Split the raw data into a training set and a test set.

Reads:  /opt/ml/processing/input/raw_data/*.csv        (the static input \`raw_data\`; label in the first column)
Writes: /opt/ml/processing/output/train/train/train.csv (label first: what train.py fits)
        /opt/ml/processing/output/train/test/x_test.csv (features only: what the batch transform predicts)
        /opt/ml/processing/output/train/test/y_test.csv (labels: what evaluate.py scores against)
"""
import glob
import os

import pandas as pd

INPUT = "/opt/ml/processing/input/raw_data"
OUTPUT = "/opt/ml/processing/output/train"


def main():
    frames = [pd.read_csv(f, header=None) for f in sorted(glob.glob(os.path.join(INPUT, "*.csv")))]
    df = pd.concat(frames).dropna().sample(frac=1.0, random_state=42)
    cut = int(len(df) * 0.8)
    train, test = df.iloc[:cut], df.iloc[cut:]
    os.makedirs(os.path.join(OUTPUT, "train"), exist_ok=True)
    os.makedirs(os.path.join(OUTPUT, "test"), exist_ok=True)
    train.to_csv(os.path.join(OUTPUT, "train", "train.csv"), header=False, index=False)
    test.iloc[:, 1:].to_csv(os.path.join(OUTPUT, "test", "x_test.csv"), header=False, index=False)
    test.iloc[:, :1].to_csv(os.path.join(OUTPUT, "test", "y_test.csv"), header=False, index=False)
    print(f"train {train.shape}, test {test.shape}")


if __name__ == "__main__":
    main()
`;

const TRAIN = `"""Fit a model on the preprocess output (script mode).

Reads:  the chained channel (SM_CHANNELS; /opt/ml/input/data/<channel>/train/train.csv, label first)
Writes: SM_MODEL_DIR/model.joblib
"""
import json
import os

import joblib
import pandas as pd
from sklearn.linear_model import LinearRegression


def channel_dir():
    names = json.loads(os.environ.get("SM_CHANNELS", "[]"))
    return f"/opt/ml/input/data/{names[0]}" if names else "/opt/ml/input/data/train"


def main():
    df = pd.read_csv(os.path.join(channel_dir(), "train", "train.csv"), header=None)
    model = LinearRegression().fit(df.iloc[:, 1:], df.iloc[:, 0])
    model_dir = os.environ.get("SM_MODEL_DIR", "/opt/ml/model")
    joblib.dump(model, os.path.join(model_dir, "model.joblib"))
    print(f"trained on {len(df)} rows")


if __name__ == "__main__":
    main()
`;

const INFERENCE = `"""Serving handlers for the scikit-learn container (the batch transform and the registered model)."""
import io
import os

import joblib
import pandas as pd


def model_fn(model_dir):
    return joblib.load(os.path.join(model_dir, "model.joblib"))


def input_fn(body, content_type):
    if content_type != "text/csv":
        raise ValueError(f"unsupported content type {content_type}")
    text = body.decode("utf-8") if isinstance(body, bytes) else body
    return pd.read_csv(io.StringIO(text), header=None)


def predict_fn(data, model):
    return model.predict(data)


def output_fn(prediction, accept):
    return "\\n".join(str(p) for p in prediction), "text/csv"
`;

function evaluatePy(m: string): string {
  return `"""Score the batch transform's predictions against the test labels.

Reads:  /opt/ml/processing/input/${m}-Preprocessing-train/test/y_test.csv
        /opt/ml/processing/input/${m}-Transform-train/x_test.csv.out
Writes: /opt/ml/processing/output/model_evaluation_metrics.json (the model registry's model-quality format)
"""
import json
import os

import pandas as pd
from sklearn.metrics import mean_squared_error

INPUT = "/opt/ml/processing/input"
OUTPUT = "/opt/ml/processing/output"


def main():
    y_true = pd.read_csv(os.path.join(INPUT, "${m}-Preprocessing-train", "test", "y_test.csv"), header=None)
    y_pred = pd.read_csv(os.path.join(INPUT, "${m}-Transform-train", "x_test.csv.out"), header=None)
    mse = float(mean_squared_error(y_true.iloc[:, 0], y_pred.iloc[:, 0]))
    report = {"regression_metrics": {"mse": {"value": mse, "standard_deviation": "NaN"}}}
    os.makedirs(OUTPUT, exist_ok=True)
    with open(os.path.join(OUTPUT, "model_evaluation_metrics.json"), "w") as f:
        json.dump(report, f)
    print(f"mse {mse}")


if __name__ == "__main__":
    main()
`;
}

const REQUIREMENTS = `# Extra packages for every job of this model (pip install -r requirements.txt runs first).
# The scikit-learn image already has numpy, pandas, scikit-learn and joblib.
`;

// The README's quick-start workflows, with the glob of this layout.
function withSettings(action: string, role: string, extra = ''): string {
  return `      - uses: actions/checkout@v6
      - ${extra ? 'id: smp\n        ' : ''}uses: ${action}
        with:
          config: '*/conf/conf.yaml'
          s3-bucket: \${{ vars.SMP_BUCKET }}
          execution-role-arn: arn:aws:iam::\${{ vars.AWS_ACCOUNT_ID }}:role/SageMakerExecution
          aws-region: us-east-1
          role-to-assume: arn:aws:iam::\${{ vars.AWS_ACCOUNT_ID }}:role/${role}
${extra}`;
}

function planWorkflow(action: string): string {
  return `name: SageMaker pipeline plan
on: pull_request
concurrency: # a newer push cancels the older plan, so the comment never shows a stale plan
  group: smp-plan-\${{ github.event.pull_request.number }}
  cancel-in-progress: true
permissions:
  contents: read # checkout
  pull-requests: write # the plan comment
  id-token: write # OIDC, to read the deployed pipeline for the diff (without it the plan is offline)
jobs:
  plan:
    runs-on: ubuntu-latest
    steps:
${withSettings(action, 'smp-plan')}`;
}

function runWorkflow(action: string): string {
  return `name: SageMaker pipeline run
on:
  push:
    branches: [main]
permissions:
  contents: read
  id-token: write
  pull-requests: read # require-approved-plan reads the merged PR's plan comment
concurrency: smp-\${{ github.ref }} # one deploy at a time
jobs:
  run:
    runs-on: ubuntu-latest
    environment: model-registry # a protected environment: reviewers approve before AWS is touched
    timeout-minutes: 360
    steps:
${withSettings(
  action,
  'smp-deploy',
  `          require-approved-plan: true
          wait: true
          wait-timeout-minutes: 300
      - run: echo "registered $MODELS"
        env:
          MODELS: \${{ steps.smp.outputs.model-package-arns }}
`,
)}`;
}
