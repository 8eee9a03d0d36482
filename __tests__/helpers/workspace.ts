// Temporary workspaces built from a map of relative path → file content.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function makeWorkspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'smp-ws-'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return root;
}

/** Settings that look real, so tests do not depend on placeholder warnings. */
export const TEST_ENV = {
  SMP_S3BUCKETNAME: 'example-bucket',
  SMP_ROLE: 'arn:aws:iam::111122223333:role/SageMakerExecution',
  SMP_REGION: 'us-east-1',
  SMP_ACCOUNTID: '111122223333',
} as const;

/** A minimal valid single-model project: preprocess → train → create → transform → metrics → register. */
export function fullUnitFiles(overrides: { conf?: string } = {}): Record<string, string> {
  return {
    'm/conf/conf.yaml':
      overrides.conf ??
      `conf:
  models:
    m:
      source_directory: m/src
      preprocess:
        image_uri: img:1
        entry_point: prep.py
        channels:
          train:
            dataFiles:
              - sourceName: raw
                fileName: s3://SMP_S3BUCKETNAME/raw/data.csv
      train:
        image_uri: img:1
        entry_point: train.py
      transform:
        entry_point: inference.py
      evaluate:
        image_uri: img:1
        entry_point: evaluate.py
        channels: train
      registry:
        ModelRepack: "False"
        InferenceSpecification:
          image_uri: inf:1
  sagemakerPipeline:
    pipelineName: p-test
    models:
      m:
        steps:
          - step_name: prep
            step_class: Processing
            step_type: preprocess
          - step_name: train
            step_class: Training
            chain_input_source_step: [prep]
          - step_name: create
            step_class: CreateModel
          - step_name: transform
            step_class: Transform
            chain_input_source_step: [prep]
            chain_input_additional_prefix: test/x.csv
          - step_name: metrics
            step_class: Metrics
            chain_input_source_step: [prep, transform]
          - step_name: register
            step_class: RegisterModel
    dependencies:
      - prep >> train >> create >> transform >> metrics >> register
`,
    'm/src/prep.py': 'print("prep")\n',
    'm/src/train.py': 'print("train")\n',
    'm/src/inference.py': 'def model_fn(d):\n    return d\n',
    'm/src/evaluate.py': 'print("eval")\n',
  };
}
