// Our steps against what the SageMaker Python SDK v2.257.6 emits for steps of the same kind
// (__tests__/fixtures/sdk-golden/, see SOURCE.md there): the same keys and nesting in Arguments for the keys
// both produce, the same container paths and encodings, and the SDK's ModelStep conventions for the repack
// sub-step (ModelRepack "True"). Values the fixture config sets to the SDK case's inputs (region us-west-2, image
// fakeimage, instance ml.m4.xlarge, the 03 hyperparameters) must come out identical.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileProject } from '../../../src/compile/compile.js';
import type { Plan } from '../../../src/compile/types.js';
import { loadProject } from '../../../src/config/load.js';
import { makeWorkspace } from '../../helpers/workspace.js';

const GOLDEN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/sdk-golden');

type Obj = Record<string, unknown>;

interface Step {
  readonly Name: string;
  readonly Type: string;
  readonly Arguments: Obj;
  readonly DependsOn?: readonly string[];
  readonly Description?: string;
  readonly CacheConfig?: Obj;
  readonly PropertyFiles?: readonly Obj[];
}

interface Definition {
  readonly Steps: readonly Step[];
  readonly [key: string]: unknown;
}

function golden(file: string): Definition {
  const raw = JSON.parse(readFileSync(path.join(GOLDEN, file), 'utf8')) as Definition | Step[];
  return Array.isArray(raw) ? { Steps: raw } : raw; // 07 is a list of step requests
}

function at(v: unknown, ...keys: readonly (string | number)[]): unknown {
  let cur = v;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
/** Sorted keys of an object (key order inside Arguments is not part of the contract). */
const keys = (v: unknown): string[] => Object.keys(obj(v)).sort();
const without = (ks: readonly string[], drop: readonly string[]): string[] =>
  ks.filter((k) => !drop.includes(k));

/** The step envelope key order the SDK writes (pipeline-definition.md §2). */
const ENVELOPE = [
  'Name',
  'Type',
  'Arguments',
  'DependsOn',
  'DisplayName',
  'Description',
  'RetryPolicies',
  'CacheConfig',
  'PropertyFiles',
];

function expectEnvelopeOrder(step: Step): void {
  const positions = Object.keys(step).map((k) => ENVELOPE.indexOf(k));
  expect({ step: step.Name, keys: Object.keys(step), known: positions.every((p) => p >= 0) }).toEqual({
    step: step.Name,
    keys: Object.keys(step),
    known: true,
  });
  expect({ step: step.Name, ordered: positions.every((p, i) => i === 0 || p > positions[i - 1]!) }).toEqual({
    step: step.Name,
    ordered: true,
  });
}

const codeKey = (file: string): RegExp =>
  new RegExp(`^s3://my-bucket/MyPipeline/code/[0-9a-f]{64}/${file.replace(/\./g, '\\.')}$`);

// ------------------------------------------------------------------------------------------ the fixture

/** The SDK cases' environment: region us-west-2, bucket my-bucket, pipeline MyPipeline; plus a VPC (real-looking ids: smp checks them). */
const ENV = {
  SMP_S3BUCKETNAME: 'my-bucket',
  SMP_ROLE: 'arn:aws:iam::111122223333:role/DummyRole',
  SMP_REGION: 'us-west-2',
  SMP_ACCOUNTID: '111122223333',
  SMP_SUBNETS: 'subnet-0aaa1111',
  SMP_SECURITYGROUPS: 'sg-0ccc3333',
} as const;

// Model m: a full unit with ModelRepack "True" (CreateModel gets the repack sub-step, RegisterModel reuses its
// container). Model r: Training → RegisterModel with ModelRepack "True" and no CreateModel (the register step
// gets its own repack sub-step), and `rregister >> register` checks DependsOn on a step with sub-steps.
const CONF = `conf:
  models:
    m:
      source_directory: m/src
      preprocess:
        image_uri: 763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-training:1.8-cpu-py3
        instance_type: ml.m4.xlarge
        entry_point: preprocessing.py
        channels:
          train:
            dataFiles:
              - sourceName: manifest
                fileName: s3://SMP_S3BUCKETNAME/processing_manifest
      train:
        image_uri: fakeimage
        instance_type: ml.m4.xlarge
        entry_point: train.py
        hyperparams:
          test-key: test-val
          epochs: 10
          learning-rate: 0.1
          use-gpu: false
        channels:
          training:
            dataFiles:
              - sourceName: input
                fileName: s3://SMP_S3BUCKETNAME/my-training-input
      transform:
        instance_type: ml.m5.xlarge
        entry_point: inference.py
        split_type: Line
        assemble_with: Line
      evaluate:
        image_uri: fakeimage
        entry_point: evaluate.py
        channels: train
      registry:
        ModelRepack: "True"
        InferenceSpecification:
          image_uri: fakeimage
          supported_content_types: [text/csv]
          supported_response_MIME_types: [text/csv]
    r:
      source_directory: r/src
      train:
        image_uri: fakeimage
        entry_point: train.py
      transform:
        entry_point: inference.py
      registry:
        ModelRepack: "True"
        ModelPackageGroupName: MyModelPackageGroup
        InferenceSpecification:
          image_uri: fakeimage
          supported_content_types: [text/csv]
          supported_response_MIME_types: [text/csv]
          SupportedRealtimeInferenceInstanceTypes: [ml.t2.medium, ml.m5.xlarge]
          SupportedTransformInstanceTypes: [ml.m5.xlarge]
  sagemakerPipeline:
    pipelineName: MyPipeline
    models:
      m:
        steps:
          - step_name: prep
            step_class: Processing
            step_type: preprocess
            enable_cache: True
          - step_name: train
            step_class: Training
            enable_cache: True
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
      r:
        steps:
          - step_name: rtrain
            step_class: Training
            enable_cache: False
          - step_name: rregister
            step_class: RegisterModel
    dependencies:
      - prep >> train >> create >> transform >> metrics >> register
      - rtrain >> rregister
      - rregister >> register
`;

const FILES: Record<string, string> = {
  'm/conf/conf.yaml': CONF,
  'm/src/preprocessing.py': 'print("prep")\n',
  'm/src/train.py': 'print("train")\n',
  'm/src/inference.py': 'def model_fn(d):\n    return d\n',
  'm/src/evaluate.py': 'print("eval")\n',
  'm/src/requirements.txt': 'numpy\n',
  'r/src/train.py': 'print("train r")\n',
  'r/src/inference.py': 'def model_fn(d):\n    return d\n',
};

const workspaces: string[] = [];

function compile(env: Readonly<Record<string, string>>): Plan {
  const ws = makeWorkspace(FILES);
  workspaces.push(ws);
  const loaded = loadProject({ workspace: ws, globs: ['m/conf/conf.yaml'], env, allowPlaceholders: false });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const compiled = compileProject(loaded.config!);
  expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return compiled.plan!;
}

let plan: Plan;
let ours: Definition;
/**
 * The same project with SMP_KMSKEY (the SDK 04 case sets the volume KMS key `volume-kms-key`, which the SDK
 * passes on unchecked; smp refuses what is not a key id, ARN or alias, so a real key id stands in).
 */
const KMS_KEY = '1234abcd-12ab-34cd-56ef-1234567890ab';
let oursKms: Definition;

beforeAll(() => {
  plan = compile(ENV);
  ours = JSON.parse(JSON.stringify(plan.definition)) as Definition;
  oursKms = JSON.parse(JSON.stringify(compile({ ...ENV, SMP_KMSKEY: KMS_KEY }).definition)) as Definition;
});

afterAll(() => {
  for (const ws of workspaces.splice(0)) rmSync(ws, { recursive: true, force: true });
});

function step(def: Definition, name: string): Step {
  const s = def.Steps.find((x) => x.Name === name);
  if (!s) throw new Error(`no step ${name} in ${def.Steps.map((x) => x.Name).join(', ')}`);
  return s;
}

// ------------------------------------------------------------------------------------------ top level

describe('top level (SDK 04)', () => {
  const sdk = golden('04_processing_framework_source_dir_property_file.json');

  it('writes Version, Metadata, Parameters, PipelineExperimentConfig, Steps in that order', () => {
    expect(Object.keys(plan.definition)).toEqual(Object.keys(sdk));
    expect(Object.keys(plan.definition)).toEqual([
      'Version',
      'Metadata',
      'Parameters',
      'PipelineExperimentConfig',
      'Steps',
    ]);
    expect(Object.keys(JSON.parse(plan.definitionJson) as Obj)).toEqual(Object.keys(sdk));
  });

  it('has the SDK values of Version, Metadata, Parameters and PipelineExperimentConfig', () => {
    expect(ours.Version).toEqual(sdk.Version);
    expect(ours.Metadata).toEqual(sdk.Metadata);
    expect(ours.Parameters).toEqual(sdk.Parameters);
    expect(ours.PipelineExperimentConfig).toEqual(sdk.PipelineExperimentConfig);
    expect(ours.PipelineExperimentConfig).toEqual({
      ExperimentName: { Get: 'Execution.PipelineName' },
      TrialName: { Get: 'Execution.PipelineExecutionId' },
    });
  });

  it('writes step keys in the SDK envelope order (checked against the SDK cases too)', () => {
    for (const f of [
      '02_training_step_parameters_cache.json',
      '03_training_step_source_dir_entry_point.json',
      '04_processing_framework_source_dir_property_file.json',
      '06_model_step_register_runtime_repack.json',
      '07_register_model_metrics.json',
    ])
      golden(f).Steps.forEach(expectEnvelopeOrder);
    ours.Steps.forEach(expectEnvelopeOrder);
  });

  it('has CacheConfig {Enabled, ExpireAfter} like the SDK, only on cached steps', () => {
    const sdkCache = at(sdk.Steps[0], 'CacheConfig');
    for (const s of ours.Steps) {
      if (['prep', 'train'].includes(s.Name)) expect(keys(s.CacheConfig)).toEqual(keys(sdkCache));
      else expect({ step: s.Name, cache: s.CacheConfig }).toEqual({ step: s.Name, cache: undefined });
    }
    expect(step(ours, 'train').CacheConfig).toEqual({ Enabled: true, ExpireAfter: 'P10D' });
  });
});

// ------------------------------------------------------------------------------------------ Processing

describe('Processing (SDK 04: FrameworkProcessor with source_dir, property file)', () => {
  const sdk = golden('04_processing_framework_source_dir_property_file.json').Steps[0]!;
  const sdkInputs = list(sdk.Arguments.ProcessingInputs);
  const sdkInput = (name: string): unknown => sdkInputs.find((i) => at(i, 'InputName') === name);

  it('has the SDK Arguments keys, plus only StoppingCondition (max runtime)', () => {
    for (const name of ['prep', 'metrics']) {
      const args = step(ours, name).Arguments;
      expect({ step: name, keys: without(keys(args), ['StoppingCondition']) }).toEqual({
        step: name,
        keys: keys(sdk.Arguments),
      });
      expect(keys(args.StoppingCondition)).toEqual(['MaxRuntimeInSeconds']);
    }
  });

  it('has ProcessingResources.ClusterConfig with the SDK keys (with and without a KMS key)', () => {
    const cluster = at(step(oursKms, 'prep').Arguments, 'ProcessingResources', 'ClusterConfig');
    expect(keys(at(step(oursKms, 'prep').Arguments, 'ProcessingResources'))).toEqual(['ClusterConfig']);
    expect(keys(cluster)).toEqual(keys(at(sdk.Arguments, 'ProcessingResources', 'ClusterConfig')));
    expect(cluster).toEqual({
      ...obj(at(sdk.Arguments, 'ProcessingResources', 'ClusterConfig')),
      VolumeSizeInGB: 32, // the old framework's default (contract), the SDK's is 30
      VolumeKmsKeyId: KMS_KEY,
    });
    expect(keys(at(step(ours, 'prep').Arguments, 'ProcessingResources', 'ClusterConfig'))).toEqual(
      without(keys(cluster), ['VolumeKmsKeyId']),
    );
  });

  it('has ProcessingInputs[i] = {InputName, AppManaged, S3Input{six keys}} with the SDK defaults', () => {
    for (const name of ['prep', 'metrics']) {
      for (const input of list(step(ours, name).Arguments.ProcessingInputs)) {
        expect(keys(input)).toEqual(keys(sdkInputs[0]));
        expect(keys(input)).toEqual(['AppManaged', 'InputName', 'S3Input']);
        expect(keys(at(input, 'S3Input'))).toEqual(keys(at(sdkInputs[0], 'S3Input')));
        expect(keys(at(input, 'S3Input'))).toEqual(
          [
            'S3Uri',
            'LocalPath',
            'S3DataType',
            'S3InputMode',
            'S3DataDistributionType',
            'S3CompressionType',
          ].sort(),
        );
        expect(at(input, 'AppManaged')).toBe(false);
      }
    }
    const manifest = list(step(ours, 'prep').Arguments.ProcessingInputs)[0];
    const { S3Uri: _a, LocalPath: _b, ...defaults } = obj(at(manifest, 'S3Input'));
    const { S3Uri: _c, LocalPath: _d, ...sdkDefaults } = obj(at(sdkInput('manifest'), 'S3Input'));
    expect(defaults).toEqual(sdkDefaults);
    expect(at(manifest, 'S3Input', 'S3Uri')).toBe(at(sdkInput('manifest'), 'S3Input', 'S3Uri'));
  });

  it('ends ProcessingInputs with code (trailing slash) and entrypoint, as the SDK does', () => {
    for (const name of ['prep', 'metrics']) {
      const inputs = list(step(ours, name).Arguments.ProcessingInputs);
      expect(inputs.slice(-2).map((i) => at(i, 'InputName'))).toEqual(
        sdkInputs.slice(-2).map((i) => at(i, 'InputName')),
      );
      for (const [input, file] of [
        [inputs.at(-2), 'sourcedir.tar.gz'],
        [inputs.at(-1), 'runproc.sh'],
      ] as const) {
        const sdkOne = sdkInput(at(input, 'InputName') as string);
        const { S3Uri, ...rest } = obj(at(input, 'S3Input'));
        const { S3Uri: sdkUri, ...sdkRest } = obj(at(sdkOne, 'S3Input'));
        expect(rest).toEqual(sdkRest);
        expect(S3Uri).toMatch(codeKey(file));
        expect(sdkUri).toMatch(codeKey(file));
        expect(plan.artifacts.map((a) => a.s3Uri)).toContain(S3Uri);
      }
      expect(at(inputs.at(-2), 'S3Input', 'LocalPath')).toBe('/opt/ml/processing/input/code/');
      expect(at(inputs.at(-1), 'S3Input', 'LocalPath')).toBe('/opt/ml/processing/input/entrypoint');
    }
  });

  it('runs runproc.sh through bash: the SDK ContainerEntrypoint', () => {
    for (const name of ['prep', 'metrics']) {
      const app = step(ours, name).Arguments.AppSpecification;
      expect(at(app, 'ContainerEntrypoint')).toEqual(
        at(sdk.Arguments, 'AppSpecification', 'ContainerEntrypoint'),
      );
      expect(at(app, 'ContainerEntrypoint')).toEqual([
        '/bin/bash',
        '/opt/ml/processing/input/entrypoint/runproc.sh',
      ]);
      // ContainerArguments is optional (the SDK case passes arguments; the config format has none).
      expect(without(keys(at(sdk.Arguments, 'AppSpecification')), ['ContainerArguments'])).toEqual(keys(app));
    }
    expect(at(step(ours, 'prep').Arguments, 'AppSpecification', 'ImageUri')).toBe(
      at(sdk.Arguments, 'AppSpecification', 'ImageUri'),
    );
  });

  it('has outputs {OutputName, AppManaged, S3Output{S3Uri, LocalPath, S3UploadMode}}, generated URIs as the SDK joins them', () => {
    const sdkOutput = list(at(sdk.Arguments, 'ProcessingOutputConfig', 'Outputs'))[0];
    for (const name of ['prep', 'metrics']) {
      expect(keys(step(ours, name).Arguments.ProcessingOutputConfig)).toEqual(
        keys(sdk.Arguments.ProcessingOutputConfig),
      );
      for (const output of list(at(step(ours, name).Arguments, 'ProcessingOutputConfig', 'Outputs'))) {
        expect(keys(output)).toEqual(keys(sdkOutput));
        expect(keys(at(output, 'S3Output'))).toEqual(keys(at(sdkOutput, 'S3Output')));
        expect(at(output, 'AppManaged')).toBe(false);
        expect(at(output, 'S3Output', 'S3UploadMode')).toBe(at(sdkOutput, 'S3Output', 'S3UploadMode'));
      }
    }
    // The SDK's generated destination for output `framework_output` of step `MyProcessingStep`, renamed.
    const sdkUri = JSON.stringify(at(sdkOutput, 'S3Output', 'S3Uri'))
      .replace('"MyProcessingStep"', '"prep"')
      .replace('"framework_output"', '"train"');
    const prepOut = list(at(step(ours, 'prep').Arguments, 'ProcessingOutputConfig', 'Outputs'))[0];
    expect(at(prepOut, 'S3Output', 'S3Uri')).toEqual(JSON.parse(sdkUri));
    expect(at(prepOut, 'S3Output', 'LocalPath')).toBe('/opt/ml/processing/output/train');
  });

  it('has NetworkConfig and its VpcConfig with the SDK keys', () => {
    for (const name of ['prep', 'metrics']) {
      const net = step(ours, name).Arguments.NetworkConfig;
      expect(keys(net)).toEqual(keys(sdk.Arguments.NetworkConfig));
      expect(keys(at(net, 'VpcConfig'))).toEqual(keys(at(sdk.Arguments, 'NetworkConfig', 'VpcConfig')));
      expect(at(net, 'VpcConfig')).toEqual({
        SecurityGroupIds: ['sg-0ccc3333'],
        Subnets: ['subnet-0aaa1111'],
      });
      expect(at(net, 'EnableInterContainerTrafficEncryption')).toBe(true);
      expect(at(net, 'EnableNetworkIsolation')).toBe(false);
    }
  });

  it('declares the metrics property file with the SDK keys, on an output of the step', () => {
    const metrics = step(ours, 'metrics');
    const files = metrics.PropertyFiles ?? [];
    expect(files).toHaveLength(1);
    expect(keys(files[0])).toEqual(keys(sdk.PropertyFiles?.[0]));
    expect(files[0]).toEqual({
      PropertyFileName: 'EvaluationReport',
      OutputName: 'model_evaluation_metrics',
      FilePath: 'model_evaluation_metrics.json',
    });
    const outputs = list(at(metrics.Arguments, 'ProcessingOutputConfig', 'Outputs')).map((o) =>
      at(o, 'OutputName'),
    );
    expect(outputs).toContain(files[0]!.OutputName);
    expect(step(ours, 'prep').PropertyFiles).toBeUndefined();
  });
});

// ------------------------------------------------------------------------------------------ Training

describe('Training (SDK 02, 03: script mode with source_dir and hyperparameters)', () => {
  const sdk03 = golden('03_training_step_source_dir_entry_point.json').Steps[0]!;
  const sdk02 = golden('02_training_step_parameters_cache.json').Steps[0]!;
  const sdkChannel = list(sdk03.Arguments.InputDataConfig)[0];
  /** Channel keys the API allows beside the SDK's (the old framework always wrote InputMode). */
  const OPTIONAL_CHANNEL_KEYS = ['InputMode', 'ContentType', 'CompressionType'];

  it('has the SDK Arguments keys for the keys both produce', () => {
    const args = step(ours, 'train').Arguments;
    // 03 sets encrypt_inter_container_traffic; we add VpcConfig (from SMP_SUBNETS / SMP_SECURITYGROUPS).
    expect(without(keys(args), ['VpcConfig'])).toEqual(
      without(keys(sdk03.Arguments), ['EnableInterContainerTrafficEncryption']),
    );
    for (const k of ['AlgorithmSpecification', 'OutputDataConfig', 'StoppingCondition', 'ResourceConfig']) {
      expect({ key: k, keys: keys(args[k]) }).toEqual({ key: k, keys: keys(sdk03.Arguments[k]) });
    }
    expect(args.AlgorithmSpecification).toEqual(sdk03.Arguments.AlgorithmSpecification);
    expect(at(args, 'ResourceConfig', 'InstanceType')).toBe(
      at(sdk03.Arguments, 'ResourceConfig', 'InstanceType'),
    );
    expect(keys(args.VpcConfig)).toEqual(['SecurityGroupIds', 'Subnets']);
  });

  it('has DebugHookConfig and ProfilerConfig as the SDK writes them by default', () => {
    for (const name of ['train', 'rtrain']) {
      const args = step(ours, name).Arguments;
      const out = at(args, 'OutputDataConfig', 'S3OutputPath');
      expect(keys(args.DebugHookConfig)).toEqual(keys(sdk03.Arguments.DebugHookConfig));
      expect(keys(args.ProfilerConfig)).toEqual(keys(sdk03.Arguments.ProfilerConfig));
      expect(args.DebugHookConfig).toEqual({ S3OutputPath: out, CollectionConfigurations: [] });
      expect(args.ProfilerConfig).toEqual({ S3OutputPath: out, DisableProfiler: false });
    }
    expect(keys(sdk02.Arguments.DebugHookConfig)).toEqual(keys(sdk03.Arguments.DebugHookConfig));
  });

  it('has training channels with the SDK channel keys', () => {
    const channels = list(step(ours, 'train').Arguments.InputDataConfig);
    expect(channels.map((c) => at(c, 'ChannelName'))).toEqual(['training', 'prep-train']);
    for (const c of channels) {
      expect(keys(c)).toEqual(expect.arrayContaining(keys(sdkChannel)));
      expect(without(keys(c), keys(sdkChannel)).every((k) => OPTIONAL_CHANNEL_KEYS.includes(k))).toBe(true);
      expect(keys(at(c, 'DataSource'))).toEqual(keys(at(sdkChannel, 'DataSource')));
      expect(keys(at(c, 'DataSource', 'S3DataSource'))).toEqual(
        keys(at(sdkChannel, 'DataSource', 'S3DataSource')),
      );
    }
    // A static channel with the SDK case's input is the SDK's channel (plus InputMode File).
    const { InputMode, ...rest } = obj(channels[0]);
    expect(InputMode).toBe('File');
    expect(rest).toEqual(sdkChannel);
    expect(at(channels[1], 'DataSource', 'S3DataSource', 'S3Uri')).toEqual({
      Get: "Steps.prep.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri",
    });
    for (const sdk of [sdk02, sdk03])
      for (const c of list(sdk.Arguments.InputDataConfig)) expect(keys(c)).toEqual(keys(sdkChannel));
  });

  it('has the four sagemaker_* hyperparameters and the user values encoded as the SDK does', () => {
    const hp = obj(step(ours, 'train').Arguments.HyperParameters);
    const sdkHp = obj(sdk03.Arguments.HyperParameters);
    expect(keys(hp)).toEqual(keys(sdkHp));
    const reserved = Object.keys(sdkHp).filter((k) => k.startsWith('sagemaker_'));
    expect(reserved.sort()).toEqual(
      [
        'sagemaker_container_log_level',
        'sagemaker_program',
        'sagemaker_region',
        'sagemaker_submit_directory',
      ].sort(),
    );
    for (const [k, v] of Object.entries(sdkHp)) {
      if (k === 'sagemaker_submit_directory') continue;
      expect({ key: k, value: hp[k] }).toEqual({ key: k, value: v });
    }
    // sagemaker_submit_directory: a JSON-encoded string holding the bundle's key, in the SDK's form.
    for (const dir of [hp.sagemaker_submit_directory, sdkHp.sagemaker_submit_directory]) {
      expect(typeof dir).toBe('string');
      expect((dir as string).startsWith('"')).toBe(true);
      expect(JSON.parse(dir as string)).toMatch(codeKey('sourcedir.tar.gz'));
    }
    expect(plan.artifacts.map((a) => a.s3Uri)).toContain(JSON.parse(hp.sagemaker_submit_directory as string));
    for (const v of Object.values(hp)) expect(typeof v).toBe('string');
  });
});

// ------------------------------------------------------------------------------------------ Transform

describe('Transform (SDK 05)', () => {
  const sdk = golden('05_transform_step.json').Steps[0]!;

  it('has exactly the SDK Arguments keys and nesting', () => {
    const args = step(ours, 'transform').Arguments;
    expect(keys(args)).toEqual(keys(sdk.Arguments));
    for (const k of ['TransformInput', 'TransformOutput', 'TransformResources']) {
      expect({ key: k, keys: keys(args[k]) }).toEqual({ key: k, keys: keys(sdk.Arguments[k]) });
    }
    expect(keys(at(args, 'TransformInput', 'DataSource'))).toEqual(
      keys(at(sdk.Arguments, 'TransformInput', 'DataSource')),
    );
    expect(keys(at(args, 'TransformInput', 'DataSource', 'S3DataSource'))).toEqual(
      keys(at(sdk.Arguments, 'TransformInput', 'DataSource', 'S3DataSource')),
    );
    for (const k of ['ContentType', 'SplitType'])
      expect(at(args, 'TransformInput', k)).toBe(at(sdk.Arguments, 'TransformInput', k));
    for (const k of ['AssembleWith', 'Accept'])
      expect(at(args, 'TransformOutput', k)).toBe(at(sdk.Arguments, 'TransformOutput', k));
    expect(args.TransformResources).toEqual(sdk.Arguments.TransformResources);
  });

  it('reads the model name from the CreateModel step and joins the chain input with its prefix', () => {
    const args = step(ours, 'transform').Arguments;
    expect(args.ModelName).toEqual({ Get: 'Steps.create.ModelName' });
    expect(at(args, 'TransformInput', 'DataSource', 'S3DataSource', 'S3Uri')).toEqual({
      'Std:Join': {
        On: '/',
        Values: [{ Get: "Steps.prep.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri" }, 'test/x.csv'],
      },
    });
  });
});

// ------------------------------------------------------------------------------------------ ModelRepack "True"

describe('repack sub-steps (SDK 06: ModelStep with runtime repack)', () => {
  const sdk06 = golden('06_model_step_register_runtime_repack.json');
  const sdkRepack = step(sdk06, 'MyModelStep-RepackModel-MyModel');
  const sdkRegister = step(sdk06, 'MyModelStep-RegisterModel');
  const sdkContainer = list(at(sdkRegister.Arguments, 'InferenceSpecification', 'Containers'))[0];

  it('emits <step>-RepackModel, Type Training, right before the step it serves', () => {
    const names = ours.Steps.map((s) => s.Name);
    for (const owner of ['create', 'rregister']) {
      const repack = step(ours, `${owner}-RepackModel`);
      expect(repack.Type).toBe(sdkRepack.Type);
      expect(repack.Type).toBe('Training');
      expect(names.indexOf(`${owner}-RepackModel`)).toBe(names.indexOf(owner) - 1);
      expect(plan.origins.get(`${owner}-RepackModel`)?.configured).toBe(owner);
    }
    // register reuses create's container: no repack of its own.
    expect(names).not.toContain('register-RepackModel');
    expect(names.filter((n) => n.endsWith('-RepackModel'))).toEqual([
      'create-RepackModel',
      'rregister-RepackModel',
    ]);
  });

  it('has the SDK repack job shape: keys, image, resources, ProfilerConfig {DisableProfiler: true}', () => {
    for (const owner of ['create', 'rregister']) {
      const args = step(ours, `${owner}-RepackModel`).Arguments;
      expect(without(keys(args), ['VpcConfig'])).toEqual(keys(sdkRepack.Arguments));
      expect(args.ProfilerConfig).toEqual({ DisableProfiler: true });
      expect(args.ProfilerConfig).toEqual(sdkRepack.Arguments.ProfilerConfig);
      expect(args.AlgorithmSpecification).toEqual(sdkRepack.Arguments.AlgorithmSpecification);
      expect(args.ResourceConfig).toEqual(sdkRepack.Arguments.ResourceConfig);
      for (const k of ['OutputDataConfig', 'StoppingCondition', 'DebugHookConfig'])
        expect({ key: k, keys: keys(args[k]) }).toEqual({ key: k, keys: keys(sdkRepack.Arguments[k]) });
      expect(at(args, 'DebugHookConfig', 'S3OutputPath')).toEqual(
        at(args, 'OutputDataConfig', 'S3OutputPath'),
      );
      const sdkChannel = list(sdkRepack.Arguments.InputDataConfig)[0];
      const channels = list(args.InputDataConfig);
      for (const c of channels) {
        expect(keys(c)).toEqual(expect.arrayContaining(keys(sdkChannel)));
        expect(without(keys(c), [...keys(sdkChannel), 'InputMode'])).toEqual([]);
        expect(keys(at(c, 'DataSource', 'S3DataSource'))).toEqual(
          keys(at(sdkChannel, 'DataSource', 'S3DataSource')),
        );
      }
      // One channel carries the training artifacts, as the SDK's `training` channel carries model_data.
      const training = owner === 'create' ? 'train' : 'rtrain';
      expect(channels.map((c) => at(c, 'DataSource', 'S3DataSource', 'S3Uri'))).toContainEqual({
        Get: `Steps.${training}.ModelArtifacts.S3ModelArtifacts`,
      });
      const hp = obj(args.HyperParameters);
      for (const k of [
        'sagemaker_program',
        'sagemaker_submit_directory',
        'sagemaker_container_log_level',
        'sagemaker_region',
      ])
        expect(Object.keys(hp)).toContain(k);
      expect(hp.sagemaker_container_log_level).toBe(
        at(sdkRepack.Arguments, 'HyperParameters', 'sagemaker_container_log_level'),
      );
      expect(hp.sagemaker_region).toBe(at(sdkRepack.Arguments, 'HyperParameters', 'sagemaker_region'));
      expect(JSON.parse(hp.sagemaker_submit_directory as string)).toMatch(codeKey('sourcedir.tar.gz'));
    }
  });

  it('points the model at the repacked artifacts with the code in /opt/ml/model/code', () => {
    const created = obj(step(ours, 'create').Arguments.PrimaryContainer);
    expect(keys(created)).toEqual(keys(sdkContainer));
    expect(created.ModelDataUrl).toEqual({ Get: 'Steps.create-RepackModel.ModelArtifacts.S3ModelArtifacts' });
    expect(at(created, 'Environment', 'SAGEMAKER_SUBMIT_DIRECTORY')).toBe('/opt/ml/model/code');

    const own = obj(list(at(step(ours, 'rregister').Arguments, 'InferenceSpecification', 'Containers'))[0]);
    expect(keys(own)).toEqual(keys(sdkContainer));
    expect(own.ModelDataUrl).toEqual({ Get: 'Steps.rregister-RepackModel.ModelArtifacts.S3ModelArtifacts' });
    expect(keys(own.Environment)).toEqual(keys(at(sdkContainer, 'Environment')));
    // With SMP_REGION us-west-2 and entry point inference.py, the environment is the SDK's, but for the program:
    // the old framework gave the SDK the entry point in module form (create_model_service.py), so `inference`.
    expect(own.Environment).toEqual({
      ...(at(sdkContainer, 'Environment') as Record<string, string>),
      SAGEMAKER_PROGRAM: 'inference',
    });
    expect(at(sdkContainer, 'Environment', 'SAGEMAKER_PROGRAM')).toBe('inference.py');
    expect(own.Image).toBe(at(sdkContainer, 'Image'));

    const reused = list(at(step(ours, 'register').Arguments, 'InferenceSpecification', 'Containers'))[0];
    expect(reused).toEqual(created);
  });

  it('puts `x >> step` on the repack sub-step and expands `step >> y` to both sub-steps', () => {
    // SDK: the ModelStep's depends_on goes to the repack step only; TestStep2 depends on every sub-step.
    expect(sdkRepack.DependsOn).toEqual(['TestStep']);
    expect(sdkRegister.DependsOn).toBeUndefined();
    expect(step(sdk06, 'TestStep2').DependsOn).toEqual([
      'MyModelStep-RepackModel-MyModel',
      'MyModelStep-RegisterModel',
    ]);

    expect(step(ours, 'create-RepackModel').DependsOn).toEqual(['train']);
    expect(step(ours, 'create').DependsOn).toBeUndefined();
    expect(step(ours, 'transform').DependsOn).toEqual(['create-RepackModel', 'create']);

    expect(step(ours, 'rregister-RepackModel').DependsOn).toEqual(['rtrain']);
    expect(step(ours, 'rregister').DependsOn).toBeUndefined();
    expect(step(ours, 'register').DependsOn).toEqual(['metrics', 'rregister-RepackModel', 'rregister']);
  });
});

// ------------------------------------------------------------------------------------------ RegisterModel

describe('RegisterModel (SDK 06, 07)', () => {
  const sdk06 = step(golden('06_model_step_register_runtime_repack.json'), 'MyModelStep-RegisterModel');
  const sdk07 = golden('07_register_model_metrics.json').Steps[0]!;

  it('has the SDK Arguments keys for the keys both produce', () => {
    for (const name of ['register', 'rregister']) {
      const args = step(ours, name).Arguments;
      // The description is the old framework's (it always sent one); the SDK case gave none.
      expect(
        without(keys(args), ['ModelMetrics', 'CustomerMetadataProperties', 'ModelPackageDescription']),
      ).toEqual(keys(sdk06.Arguments));
      expect(keys(args.InferenceSpecification)).toEqual(keys(sdk06.Arguments.InferenceSpecification));
      expect(keys(args.InferenceSpecification)).toEqual(keys(sdk07.Arguments.InferenceSpecification));
      expect(args.SkipModelValidation).toBe(sdk06.Arguments.SkipModelValidation);
      expect(args.ModelApprovalStatus).toBe(sdk06.Arguments.ModelApprovalStatus);
      expect(args.CustomerMetadataProperties).toEqual({
        PIPELINE_ARN: { Get: 'Execution.PipelineExecutionArn' },
      });
    }
  });

  it('has the SDK case values where the config gives the SDK inputs', () => {
    const args = step(ours, 'rregister').Arguments;
    expect(args.ModelPackageGroupName).toBe(sdk06.Arguments.ModelPackageGroupName);
    const { Containers: _ours, ...spec } = obj(args.InferenceSpecification);
    const { Containers: _sdk, ...sdkSpec } = obj(sdk06.Arguments.InferenceSpecification);
    expect(spec).toEqual(sdkSpec);
  });

  it('has ModelMetrics like the SDK: ModelQuality.Statistics, Bias {} and Explainability {}', () => {
    const metrics = step(ours, 'register').Arguments.ModelMetrics;
    expect(keys(metrics)).toEqual(keys(sdk07.Arguments.ModelMetrics));
    expect(at(metrics, 'Bias')).toEqual({});
    expect(at(metrics, 'Explainability')).toEqual({});
    expect(keys(at(metrics, 'ModelQuality'))).toEqual(
      keys(at(sdk07.Arguments, 'ModelMetrics', 'ModelQuality')),
    );
    expect(keys(at(metrics, 'ModelQuality', 'Statistics'))).toEqual(
      keys(at(sdk07.Arguments, 'ModelMetrics', 'ModelQuality', 'Statistics')),
    );
    expect(at(metrics, 'ModelQuality', 'Statistics', 'S3Uri')).toEqual({
      'Std:Join': {
        On: '/',
        Values: [
          { Get: "Steps.metrics.ProcessingOutputConfig.Outputs['model_evaluation_metrics'].S3Output.S3Uri" },
          'model_evaluation_metrics.json',
        ],
      },
    });
    // Without a Metrics step in the unit: no ModelMetrics.
    expect(step(ours, 'rregister').Arguments.ModelMetrics).toBeUndefined();
  });
});
