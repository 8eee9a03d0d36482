// What each step class compiles to, field by field, as /work/shared/docs/config-format.md ("What each step
// compiles to") fixes it. Each case compiles a small workspace and asserts the Arguments fields the contract
// names (not whole-definition snapshots), evaluating Std:Join expressions with a stand-in execution id.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { uploadedBytes } from '../../helpers/artifacts.js';
import { stringify } from 'yaml';
import { compileProject } from '../../../src/compile/compile.js';
import type { Artifact, DefinitionStep, Plan } from '../../../src/compile/types.js';
import type { Diagnostic } from '../../../src/config/diagnostics.js';
import { formatDiagnostic } from '../../../src/config/diagnostics.js';
import { loadProject } from '../../../src/config/load.js';
import { fullUnitFiles, makeWorkspace, TEST_ENV } from '../../helpers/workspace.js';

// ------------------------------------------------------------------------------------------ fixtures

type Obj = Record<string, unknown>;

const CONF = 'm/conf/conf.yaml';
const KMS = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const VPC_ENV = { SMP_SUBNETS: 'subnet-0aaa1111,subnet-0bbb2222', SMP_SECURITYGROUPS: 'sg-0ccc3333' };

const SOURCES: Record<string, string> = {
  'm/src/prep.py': 'print("prep")\n',
  'm/src/preprocessing/__init__.py': '',
  'm/src/preprocessing/preprocessing.py': 'print("preprocessing")\n',
  'm/src/train.py': 'print("train")\n',
  'm/src/inference.py': 'def model_fn(d):\n    return d\n',
  'm/src/evaluate.py': 'print("eval")\n',
};

/** The model sections of helpers/workspace.ts's fullUnitFiles, as data to override. */
function baseModel(): Obj {
  return {
    source_directory: 'm/src',
    preprocess: {
      image_uri: 'img:1',
      entry_point: 'prep.py',
      channels: {
        train: { dataFiles: [{ sourceName: 'raw', fileName: 's3://SMP_S3BUCKETNAME/raw/data.csv' }] },
      },
    },
    train: { image_uri: 'img:1', entry_point: 'train.py' },
    transform: { entry_point: 'inference.py' },
    evaluate: { image_uri: 'img:1', entry_point: 'evaluate.py', channels: 'train' },
    registry: { ModelRepack: 'False', InferenceSpecification: { image_uri: 'inf:1' } },
  };
}

interface Spec {
  /** Model `m`'s sections (default baseModel()). */
  readonly model?: Obj;
  /** Steps of model `m`. */
  readonly steps: readonly Obj[];
  readonly dependencies?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Extra or replaced files (workspace-relative). */
  readonly files?: Readonly<Record<string, string>>;
}

interface Compiled {
  readonly plan: Plan | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  readonly confText: string;
  step(name: string): DefinitionStep;
  args(name: string): Obj;
  artifact(s3Uri: unknown): Artifact;
}

const workspaces: string[] = [];
afterAll(() => {
  for (const w of workspaces.splice(0)) rmSync(w, { recursive: true, force: true });
});

function compileFiles(
  files: Record<string, string>,
  env: Readonly<Record<string, string>> = TEST_ENV,
): Compiled {
  const workspace = makeWorkspace(files);
  workspaces.push(workspace);
  const loaded = loadProject({ workspace, globs: ['*/conf/*.yaml'], env, allowPlaceholders: false });
  if (!loaded.config) {
    throw new Error(`config does not load:\n${loaded.diagnostics.map(formatDiagnostic).join('\n')}`);
  }
  const { plan, diagnostics } = compileProject(loaded.config);
  const step = (name: string): DefinitionStep => {
    if (!plan) throw new Error(`no plan:\n${diagnostics.map(formatDiagnostic).join('\n')}`);
    const s = plan.definition.Steps.find((x) => x.Name === name);
    if (!s) throw new Error(`no step ${name} in ${plan.definition.Steps.map((x) => x.Name).join(', ')}`);
    return s;
  };
  return {
    plan,
    diagnostics,
    errors: diagnostics.filter((d) => d.severity === 'error'),
    warnings: diagnostics.filter((d) => d.severity === 'warning'),
    confText: files[CONF] ?? '',
    step,
    args: (name) => step(name).Arguments as Obj,
    artifact: (s3Uri) => {
      const a = plan?.artifacts.find((x) => x.s3Uri === s3Uri);
      if (!a) throw new Error(`no artifact ${String(s3Uri)}`);
      return a;
    },
  };
}

function compile(spec: Spec): Compiled {
  const conf = {
    conf: {
      models: { m: spec.model ?? baseModel() },
      sagemakerPipeline: {
        pipelineName: 'p-test',
        models: { m: { steps: spec.steps } },
        ...(spec.dependencies ? { dependencies: spec.dependencies } : {}),
      },
    },
  };
  return compileFiles({ ...SOURCES, [CONF]: stringify(conf), ...spec.files }, { ...TEST_ENV, ...spec.env });
}

/** baseModel() with some sections replaced. */
function withSections(sections: Obj): Obj {
  return { ...baseModel(), ...sections };
}

// ------------------------------------------------------------------------------------------ helpers

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Value at a path of keys / indexes; throws (with context) when a segment is missing. */
function at(v: unknown, ...keys: (string | number)[]): unknown {
  let cur = v;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object' || !(k in cur)) {
      throw new Error(`no ${String(k)} (path ${keys.join('.')}) in ${JSON.stringify(cur)?.slice(0, 300)}`);
    }
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/**
 * A definition value as SageMaker resolves it at run time: Std:Join joined, the execution id as `EXEC`, any
 * other Get as `<path>`. Throws on anything else, so a malformed expression fails the test.
 */
function render(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isObj(v) && Object.keys(v).length === 1) {
    if (typeof v.Get === 'string') return v.Get === 'Execution.PipelineExecutionId' ? 'EXEC' : `<${v.Get}>`;
    const j = v['Std:Join'];
    if (isObj(j) && typeof j.On === 'string' && Array.isArray(j.Values))
      return j.Values.map(render).join(j.On);
  }
  throw new Error(`not a string or pipeline expression: ${JSON.stringify(v)}`);
}

const isJoin = (v: unknown): boolean => isObj(v) && 'Std:Join' in v;

interface ProcessingInput {
  readonly InputName: string;
  readonly S3Input: { readonly S3Uri: unknown; readonly LocalPath: string } & Obj;
}
interface ProcessingOutput {
  readonly OutputName: string;
  readonly S3Output: { readonly S3Uri: unknown; readonly LocalPath: string; readonly S3UploadMode: string };
}
interface TrainingChannel {
  readonly ChannelName: string;
  readonly DataSource: { readonly S3DataSource: { readonly S3Uri: unknown } & Obj };
}

const inputsOf = (c: Compiled, step: string): ProcessingInput[] =>
  at(c.args(step), 'ProcessingInputs') as ProcessingInput[];
const inputNamed = (c: Compiled, step: string, name: string): ProcessingInput => {
  const i = inputsOf(c, step).find((x) => x.InputName === name);
  if (!i)
    throw new Error(
      `${step} has no input ${name}: ${inputsOf(c, step)
        .map((x) => x.InputName)
        .join(', ')}`,
    );
  return i;
};
/** Data inputs only: the code and entrypoint inputs every processing job gets are left out. */
const dataInputs = (c: Compiled, step: string): { name: string; uri: string; local: string }[] =>
  inputsOf(c, step)
    .filter((i) => i.InputName !== 'code' && i.InputName !== 'entrypoint')
    .map((i) => ({ name: i.InputName, uri: render(i.S3Input.S3Uri), local: i.S3Input.LocalPath }));
const outputsOf = (c: Compiled, step: string): ProcessingOutput[] =>
  at(c.args(step), 'ProcessingOutputConfig', 'Outputs') as ProcessingOutput[];
const channelsOf = (c: Compiled, step: string): { name: string; uri: string }[] =>
  (at(c.args(step), 'InputDataConfig') as TrainingChannel[]).map((ch) => ({
    name: ch.ChannelName,
    uri: render(ch.DataSource.S3DataSource.S3Uri),
  }));

const outputsGet = (step: string, channel: string): string =>
  `<Steps.${step}.ProcessingOutputConfig.Outputs['${channel}'].S3Output.S3Uri>`;
const artifactsGet = (step: string): string => `<Steps.${step}.ModelArtifacts.S3ModelArtifacts>`;
const transformGet = (step: string): string => `<Steps.${step}.TransformOutput.S3OutputPath>`;

/** Line (1-based) of the first line of `text` containing `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line with ${needle}`);
  return i + 1;
}

function run(cmd: string, args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.error) throw r.error;
  return r;
}

/** Paths inside a .tar.gz (files only), via the system tar. */
function tarFiles(bytes: Uint8Array): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'smp-steps-tar-'));
  workspaces.push(dir);
  const file = path.join(dir, 'a.tar.gz');
  writeFileSync(file, bytes);
  const r = run('tar', ['-tzf', file]);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout
    .split('\n')
    .filter((l) => l !== '' && !l.endsWith('/'))
    .map((l) => l.replace(/^\.\//, ''))
    .sort();
}

const text = (a: Artifact): string => uploadedBytes(a).toString('utf8');

// ------------------------------------------------------------------------------------------ Processing

describe('Processing (preprocess)', () => {
  const multi = compile({
    model: withSections({
      preprocess: {
        image_uri: 'img:1',
        entry_point: 'prep.py',
        channels: {
          training: {
            dataFiles: [
              { sourceName: 'a', fileName: 's3://SMP_S3BUCKETNAME/data/a.csv' },
              // a bare name joins under the channel's bucket and prefix
              { sourceName: 'b', fileName: 'b.csv' },
            ],
            s3BucketName: 'other-bucket',
            inputBucketPrefix: 'in/',
          },
          testing: { dataFiles: [{ sourceName: 'c', fileName: 's3://SMP_S3BUCKETNAME/data/c.csv' }] },
        },
      },
    }),
    steps: [{ step_name: 'prep', step_class: 'Processing', step_type: 'preprocess', enable_cache: true }],
  });

  it('has one static input per dataFile of every channel, named and placed by sourceName', () => {
    expect(multi.errors).toEqual([]);
    expect(dataInputs(multi, 'prep')).toEqual([
      { name: 'a', uri: 's3://example-bucket/data/a.csv', local: '/opt/ml/processing/input/a' },
      { name: 'b', uri: 's3://other-bucket/in/b.csv', local: '/opt/ml/processing/input/b' },
      { name: 'c', uri: 's3://example-bucket/data/c.csv', local: '/opt/ml/processing/input/c' },
    ]);
  });

  it('keeps one input per file with 7 or more files (no manifest; first-file paths unchanged)', () => {
    const dataFiles = Array.from({ length: 8 }, (_, i) => ({
      sourceName: `f${i}`,
      fileName: `s3://SMP_S3BUCKETNAME/many/f${i}.csv`,
    }));
    const c = compile({
      model: withSections({
        preprocess: { image_uri: 'img:1', entry_point: 'prep.py', channels: { train: { dataFiles } } },
      }),
      steps: [{ step_name: 'prep', step_class: 'Processing', step_type: 'preprocess' }],
    });
    expect(dataInputs(c, 'prep')).toEqual(
      dataFiles.map((_, i) => ({
        name: `f${i}`,
        uri: `s3://example-bucket/many/f${i}.csv`,
        local: `/opt/ml/processing/input/f${i}`,
      })),
    );
    expect(inputsOf(c, 'prep').every((i) => i.S3Input.S3DataType === 'S3Prefix')).toBe(true);
  });

  it('has one output per channel, from /opt/ml/processing/output/<channel>, execution-scoped', () => {
    const outputs = outputsOf(multi, 'prep');
    expect(outputs.map((o) => o.OutputName)).toEqual(['training', 'testing']);
    for (const o of outputs) {
      expect(o.S3Output.LocalPath).toBe(`/opt/ml/processing/output/${o.OutputName}`);
      expect(isJoin(o.S3Output.S3Uri)).toBe(true);
      expect(render(o.S3Output.S3Uri)).toBe(`s3://example-bucket/p-test/EXEC/prep/output/${o.OutputName}`);
      expect(o.S3Output.S3UploadMode).toBe('EndOfJob');
    }
  });

  it('has the single output `train` when the section has no channels', () => {
    const c = compile({
      model: withSections({ preprocess: { image_uri: 'img:1', entry_point: 'prep.py' } }),
      steps: [{ step_name: 'prep', step_class: 'Processing', step_type: 'preprocess' }],
    });
    expect(dataInputs(c, 'prep')).toEqual([]);
    expect(outputsOf(c, 'prep').map((o) => [o.OutputName, o.S3Output.LocalPath])).toEqual([
      ['train', '/opt/ml/processing/output/train'],
    ]);
  });

  it('ships the code bundle and the runproc.sh launcher, and runs the launcher with bash', () => {
    const code = inputNamed(multi, 'prep', 'code');
    const entry = inputNamed(multi, 'prep', 'entrypoint');
    expect(code.S3Input.LocalPath).toBe('/opt/ml/processing/input/code/');
    expect(entry.S3Input.LocalPath).toBe('/opt/ml/processing/input/entrypoint');
    expect(multi.artifact(code.S3Input.S3Uri).kind).toBe('source-bundle');
    expect(multi.artifact(entry.S3Input.S3Uri).kind).toBe('entry-script');
    expect(String(entry.S3Input.S3Uri)).toMatch(
      /^s3:\/\/example-bucket\/p-test\/code\/[0-9a-f]{64}\/runproc\.sh$/,
    );
    expect(at(multi.args('prep'), 'AppSpecification')).toEqual({
      ImageUri: 'img:1',
      ContainerEntrypoint: ['/bin/bash', '/opt/ml/processing/input/entrypoint/runproc.sh'],
    });
    // The source bundle is the whole source_directory.
    expect(tarFiles(uploadedBytes(multi.artifact(code.S3Input.S3Uri)))).toEqual(
      Object.keys(SOURCES)
        .map((f) => f.slice('m/src/'.length))
        .sort(),
    );
  });

  it('NetworkConfig: encryption on, isolation off, no VpcConfig without SMP_SUBNETS', () => {
    expect(at(multi.args('prep'), 'NetworkConfig')).toEqual({
      EnableNetworkIsolation: false,
      EnableInterContainerTrafficEncryption: true,
    });
  });

  it('NetworkConfig: VpcConfig from SMP_SUBNETS / SMP_SECURITYGROUPS', () => {
    const c = compile({
      steps: [{ step_name: 'prep', step_class: 'Processing', step_type: 'preprocess' }],
      env: VPC_ENV,
    });
    expect(at(c.args('prep'), 'NetworkConfig')).toEqual({
      EnableNetworkIsolation: false,
      EnableInterContainerTrafficEncryption: true,
      VpcConfig: { SecurityGroupIds: ['sg-0ccc3333'], Subnets: ['subnet-0aaa1111', 'subnet-0bbb2222'] },
    });
  });

  it('defaults: ml.m5.2xlarge × 1, 32 GB, 3000 s; RoleArn from SMP_ROLE', () => {
    const a = multi.args('prep');
    expect(at(a, 'ProcessingResources', 'ClusterConfig')).toEqual({
      InstanceType: 'ml.m5.2xlarge',
      InstanceCount: 1,
      VolumeSizeInGB: 32,
    });
    expect(at(a, 'StoppingCondition')).toEqual({ MaxRuntimeInSeconds: 3000 });
    expect(at(a, 'RoleArn')).toBe(TEST_ENV.SMP_ROLE);
    expect(a).not.toHaveProperty('Environment');
    expect(a).not.toHaveProperty('Tags');
  });

  it('passes instance settings, env and tags through', () => {
    const c = compile({
      model: withSections({
        preprocess: {
          image_uri: 'img:1',
          entry_point: 'prep.py',
          instance_type: 'ml.c5.xlarge',
          instance_count: 2,
          volume_size_in_gb: 100,
          max_runtime_seconds: 1234,
          env: { MODE: 'fast', THREADS: 4, DEBUG: false },
          tags: [{ Key: 'team', Value: 'ml' }],
        },
      }),
      steps: [{ step_name: 'prep', step_class: 'Processing', step_type: 'preprocess' }],
    });
    const a = c.args('prep');
    expect(at(a, 'ProcessingResources', 'ClusterConfig')).toEqual({
      InstanceType: 'ml.c5.xlarge',
      InstanceCount: 2,
      VolumeSizeInGB: 100,
    });
    expect(at(a, 'StoppingCondition')).toEqual({ MaxRuntimeInSeconds: 1234 });
    expect(at(a, 'Environment')).toEqual({ MODE: 'fast', THREADS: '4', DEBUG: 'false' });
    expect(at(a, 'Tags')).toEqual([{ Key: 'team', Value: 'ml' }]);
  });

  it('SMP_KMSKEY sets the volume key and the output key', () => {
    const c = compile({
      steps: [{ step_name: 'prep', step_class: 'Processing', step_type: 'preprocess' }],
      env: { SMP_KMSKEY: KMS },
    });
    expect(at(c.args('prep'), 'ProcessingResources', 'ClusterConfig', 'VolumeKmsKeyId')).toBe(KMS);
    expect(at(c.args('prep'), 'ProcessingOutputConfig', 'KmsKeyId')).toBe(KMS);
  });

  it('SMP_KMSKEY on an ml.g5 instance (local NVMe storage): output key only, no volume key', () => {
    const c = compile({
      model: withSections({
        preprocess: { image_uri: 'img:1', entry_point: 'prep.py', instance_type: 'ml.g5.2xlarge' },
      }),
      steps: [{ step_name: 'prep', step_class: 'Processing', step_type: 'preprocess' }],
      env: { SMP_KMSKEY: KMS },
    });
    expect(at(c.args('prep'), 'ProcessingResources', 'ClusterConfig')).not.toHaveProperty('VolumeKmsKeyId');
    expect(at(c.args('prep'), 'ProcessingOutputConfig', 'KmsKeyId')).toBe(KMS);
  });

  it('no KMS keys without SMP_KMSKEY', () => {
    expect(at(multi.args('prep'), 'ProcessingResources', 'ClusterConfig')).not.toHaveProperty(
      'VolumeKmsKeyId',
    );
    expect(at(multi.args('prep'), 'ProcessingOutputConfig')).not.toHaveProperty('KmsKeyId');
  });

  it('enable_cache → CacheConfig P10D; cache_expire_after overrides; disabled or absent → none', () => {
    const c = compile({
      steps: [
        { step_name: 'cached', step_class: 'Processing', step_type: 'preprocess', enable_cache: true },
        {
          step_name: 'custom',
          step_class: 'Processing',
          step_type: 'preprocess',
          enable_cache: true,
          cache_expire_after: 'PT12H',
        },
        { step_name: 'off', step_class: 'Processing', step_type: 'preprocess', enable_cache: false },
        { step_name: 'unset', step_class: 'Processing', step_type: 'preprocess' },
      ],
    });
    expect(c.step('cached').CacheConfig).toEqual({ Enabled: true, ExpireAfter: 'P10D' });
    expect(c.step('custom').CacheConfig).toEqual({ Enabled: true, ExpireAfter: 'PT12H' });
    expect(c.step('off')).not.toHaveProperty('CacheConfig');
    expect(c.step('unset')).not.toHaveProperty('CacheConfig');
  });
});

describe('Processing: chained inputs', () => {
  // prep (Processing) → train (Training) → create → tr (Transform) → post (Processing, chained from all three)
  const chained = compile({
    model: withSections({
      // a Processing evaluate step with no channels: its channel is `train`
      evaluate: { image_uri: 'img:1', entry_point: 'evaluate.py' },
    }),
    steps: [
      { step_name: 'prep', step_class: 'Processing', step_type: 'preprocess' },
      { step_name: 'train', step_class: 'Training', chain_input_source_step: ['prep'] },
      { step_name: 'create', step_class: 'CreateModel' },
      { step_name: 'tr', step_class: 'Transform', chain_input_source_step: ['prep'] },
      {
        step_name: 'post',
        step_class: 'Processing',
        step_type: 'evaluate',
        chain_input_source_step: ['prep', 'train', 'tr'],
      },
    ],
  });

  it('one input `<src>-input-train` per source, with the Get of its class', () => {
    expect(chained.errors).toEqual([]);
    expect(dataInputs(chained, 'post')).toEqual([
      {
        name: 'prep-input-train',
        uri: outputsGet('prep', 'train'),
        local: '/opt/ml/processing/input/prep-input-train',
      },
      {
        name: 'train-input-train',
        uri: artifactsGet('train'),
        local: '/opt/ml/processing/input/train-input-train',
      },
      { name: 'tr-input-train', uri: transformGet('tr'), local: '/opt/ml/processing/input/tr-input-train' },
    ]);
    // plain Get expressions, not joins
    expect(inputNamed(chained, 'post', 'prep-input-train').S3Input.S3Uri).toEqual({
      Get: "Steps.prep.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri",
    });
  });

  it("one input per channel of the source's section (the old framework's rule), not the consumer's", () => {
    const c = compile({
      model: withSections({
        preprocess: {
          image_uri: 'img:1',
          entry_point: 'prep.py',
          channels: { training: null, testing: null, extra: null },
        },
        evaluate: {
          image_uri: 'img:1',
          entry_point: 'evaluate.py',
          channels: { testing: null, training: null },
        },
      }),
      steps: [
        { step_name: 'prep', step_class: 'Processing', step_type: 'preprocess' },
        {
          step_name: 'post',
          step_class: 'Processing',
          step_type: 'evaluate',
          chain_input_source_step: ['prep'],
        },
      ],
    });
    // processing_service.py: for channel in models[<this model>][<source step_type>].channels
    expect(dataInputs(c, 'post')).toEqual(
      ['training', 'testing', 'extra'].map((ch) => ({
        name: `prep-input-${ch}`,
        uri: outputsGet('prep', ch),
        local: `/opt/ml/processing/input/prep-input-${ch}`,
      })),
    );
    expect(outputsOf(c, 'post').map((o) => o.OutputName)).toEqual(['testing', 'training']);
  });

  it("a cross-model source without the channel the consumer's model names is a positioned error", () => {
    const m2 = `conf:
  models:
    m2:
      source_directory: m/src
      preprocess:
        image_uri: img:1
        entry_point: prep.py
        channels:
          scoring:
`;
    const bad = compileFiles({
      ...SOURCES,
      'n/conf/conf.yaml': m2,
      [CONF]: stringify({
        conf: {
          models: {
            m: withSections({
              preprocess: { image_uri: 'img:1', entry_point: 'prep.py', channels: { training: null } },
            }),
          },
          sagemakerPipeline: {
            pipelineName: 'p-test',
            models: {
              m: { steps: [{ step_name: 'prep', step_class: 'Processing', step_type: 'preprocess' }] },
              m2: {
                steps: [
                  {
                    step_name: 'post',
                    step_class: 'Processing',
                    step_type: 'preprocess',
                    chain_input_source_step: ['prep'],
                  },
                ],
              },
            },
          },
        },
      }),
    });
    expect(bad.plan).toBeUndefined();
    expect(bad.errors).toHaveLength(1);
    const e = bad.errors[0]!;
    expect(e.loc).toMatchObject({ file: CONF, line: lineOf(bad.confText, 'step_name: post') });
    expect(e.path).toBe('conf.sagemakerPipeline.models.m2.steps[0]');
    expect(e.message).toContain('`prep`');
    expect(e.message).toContain('`scoring`');
    expect(e.message).toContain('`training`');
  });
});

describe('Processing: runproc.sh', () => {
  const c = compile({
    model: withSections({
      preprocess: { image_uri: 'img:1', entry_point: 'preprocessing/preprocessing.py' },
    }),
    steps: [{ step_name: 'prep', step_class: 'Processing', step_type: 'preprocess' }],
    files: { 'm/src/requirements.txt': 'numpy\n' },
  });
  const launcher = c.artifact(inputNamed(c, 'prep', 'entrypoint').S3Input.S3Uri);
  const bundle = c.artifact(inputNamed(c, 'prep', 'code').S3Input.S3Uri);

  it('cds into the code folder, untars, installs requirements when present, runs the module', () => {
    const t = text(launcher);
    const lines = t.split('\n');
    const cd = lines.findIndex((l) => /^cd\s+'?\/opt\/ml\/processing\/input\/code\/'?$/.test(l));
    const untar = lines.findIndex((l) => /^tar\s+-xzf\s+'?sourcedir\.tar\.gz'?$/.test(l));
    const pip = lines.findIndex((l) => /pip install .*-r '?requirements\.txt'?/.test(l));
    const py = lines.findIndex((l) =>
      /python -m '?preprocessing\.preprocessing'? '?preprocessing\/preprocessing\.py'? "\$@"$/.test(l),
    );
    expect(t.startsWith('#!/bin/bash\n')).toBe(true);
    expect(
      [cd, untar, pip, py].every((i) => i >= 0),
      t,
    ).toBe(true);
    expect(cd < untar && untar < pip && pip < py, t).toBe(true);
    expect(t).toMatch(/-f '?requirements\.txt'?/);
  });

  /**
   * Runs the launcher for real with bash: the code folder is a temp dir holding the compiled bundle, and
   * `python` is a stub that records its arguments.
   */
  function runLauncher(bundleBytes: Uint8Array, launcherText: string, args: readonly string[]): string[][] {
    const dir = mkdtempSync(path.join(tmpdir(), 'smp-runproc-'));
    workspaces.push(dir);
    const codeDir = path.join(dir, 'code');
    const bin = path.join(dir, 'bin');
    mkdirSync(codeDir);
    mkdirSync(bin);
    writeFileSync(path.join(codeDir, 'sourcedir.tar.gz'), bundleBytes);
    const log = path.join(dir, 'calls.log');
    writeFileSync(
      path.join(bin, 'python'),
      `#!/bin/bash\n{ printf '%s\\x1f' "$@"; printf '\\n'; } >> '${log}'\n`,
    );
    chmodSync(path.join(bin, 'python'), 0o755);
    expect(launcherText).toContain('/opt/ml/processing/input/code/');
    const script = launcherText.replaceAll('/opt/ml/processing/input/code/', `${codeDir}/`);
    writeFileSync(path.join(dir, 'runproc.sh'), script);
    const r = run('bash', [path.join(dir, 'runproc.sh'), ...args], {
      env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(path.join(codeDir, 'preprocessing', 'preprocessing.py'))).toBe(true);
    return readFileSync(log, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => l.split('\x1f').slice(0, -1));
  }

  it('executes: pip install -r requirements.txt, then python -m <module> <entry_point> "$@"', () => {
    const calls = runLauncher(uploadedBytes(bundle), text(launcher), ['--alpha', 'a b']);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.slice(0, 3)).toEqual(['-m', 'pip', 'install']);
    expect(calls[0]!.slice(-2)).toEqual(['-r', 'requirements.txt']);
    expect(calls[1]).toEqual([
      '-m',
      'preprocessing.preprocessing',
      'preprocessing/preprocessing.py',
      '--alpha',
      'a b',
    ]);
  });

  it('executes without pip when the source directory has no requirements.txt', () => {
    const plain = compile({
      model: withSections({
        preprocess: { image_uri: 'img:1', entry_point: 'preprocessing/preprocessing.py' },
      }),
      steps: [{ step_name: 'prep', step_class: 'Processing', step_type: 'preprocess' }],
    });
    const l = plain.artifact(inputNamed(plain, 'prep', 'entrypoint').S3Input.S3Uri);
    const b = plain.artifact(inputNamed(plain, 'prep', 'code').S3Input.S3Uri);
    expect(tarFiles(uploadedBytes(b))).not.toContain('requirements.txt');
    expect(runLauncher(uploadedBytes(b), text(l), [])).toEqual([
      ['-m', 'preprocessing.preprocessing', 'preprocessing/preprocessing.py'],
    ]);
  });
});

// ------------------------------------------------------------------------------------------ Training

describe('Training', () => {
  const TRAIN_STEP = [{ step_name: 'train', step_class: 'Training' }];

  it('static channels: one per channel, named after it, from its own dataFile', () => {
    const c = compile({
      model: withSections({
        train: {
          image_uri: 'img:1',
          entry_point: 'train.py',
          channels: {
            train: { dataFiles: [{ sourceName: 'tr', fileName: 's3://SMP_S3BUCKETNAME/d/train' }] },
            validation: {
              s3BucketName: 'other-bucket',
              inputBucketPrefix: 'pre',
              dataFiles: [{ sourceName: 'va', fileName: 'validation' }],
            },
          },
        },
      }),
      steps: TRAIN_STEP,
    });
    expect(channelsOf(c, 'train')).toEqual([
      { name: 'train', uri: 's3://example-bucket/d/train' },
      { name: 'validation', uri: 's3://other-bucket/pre/validation' },
    ]);
  });

  it('chained channels `<src>-<channel>` use the source section channels (llm layout)', () => {
    const c = compile({
      model: withSections({
        preprocess: {
          image_uri: 'img:1',
          entry_point: 'prep.py',
          channels: {
            training: {
              dataFiles: [{ sourceName: 'raw-train', fileName: 's3://SMP_S3BUCKETNAME/in/train' }],
            },
            testing: { dataFiles: [{ sourceName: 'raw-test', fileName: 's3://SMP_S3BUCKETNAME/in/test' }] },
          },
        },
        train: { image_uri: 'img:1', entry_point: 'train.py' },
      }),
      steps: [
        { step_name: 'prep', step_class: 'Processing', step_type: 'preprocess' },
        { step_name: 'train', step_class: 'Training', chain_input_source_step: ['prep'] },
      ],
    });
    expect(channelsOf(c, 'train')).toEqual([
      { name: 'prep-training', uri: outputsGet('prep', 'training') },
      { name: 'prep-testing', uri: outputsGet('prep', 'testing') },
    ]);
  });

  it('chained channel from a source without channels is `<src>-train`, after the static ones', () => {
    const c = compile({
      model: withSections({
        preprocess: { image_uri: 'img:1', entry_point: 'prep.py' },
        train: {
          image_uri: 'img:1',
          entry_point: 'train.py',
          channels: { extra: { dataFiles: [{ fileName: 's3://SMP_S3BUCKETNAME/x' }] } },
        },
      }),
      steps: [
        { step_name: 'prep', step_class: 'Processing', step_type: 'preprocess' },
        { step_name: 'train', step_class: 'Training', chain_input_source_step: ['prep'] },
      ],
    });
    expect(channelsOf(c, 'train')).toEqual([
      { name: 'extra', uri: 's3://example-bucket/x' },
      { name: 'prep-train', uri: outputsGet('prep', 'train') },
    ]);
  });

  const HYPER = { n: 6, lr: 0.2, flag: true, objective: 'binary:logistic', list: [1, 2] };
  const ENCODED = {
    n: '6',
    lr: '0.2',
    flag: 'true',
    objective: '"binary:logistic"',
    list: '[1, 2]',
  };

  it.each(['hyperparams', 'hyperparameters'])('%s are JSON-encoded like Python json.dumps', (key) => {
    const c = compile({
      model: withSections({ train: { image_uri: 'img:1', entry_point: 'train.py', [key]: HYPER } }),
      steps: TRAIN_STEP,
    });
    const hp = at(c.args('train'), 'HyperParameters') as Record<string, string>;
    expect(hp).toMatchObject(ENCODED);
    expect(Object.values(hp).every((v) => typeof v === 'string')).toBe(true);
  });

  it('script mode: sagemaker_program and sagemaker_submit_directory point at the code bundle', () => {
    const c = compile({ steps: TRAIN_STEP });
    const hp = at(c.args('train'), 'HyperParameters') as Record<string, string>;
    expect(hp.sagemaker_program).toBe('"train.py"');
    const dir = JSON.parse(hp.sagemaker_submit_directory ?? '') as string;
    expect(dir).toMatch(/^s3:\/\/example-bucket\/p-test\/code\/[0-9a-f]{64}\/sourcedir\.tar\.gz$/);
    expect(tarFiles(uploadedBytes(c.artifact(dir)))).toContain('train.py');
  });

  it('nested entry point train/fit.py: program "fit.py", train/ files at the bundle root', () => {
    const c = compile({
      model: withSections({ train: { image_uri: 'img:1', entry_point: 'train/fit.py' } }),
      steps: TRAIN_STEP,
      files: {
        'm/src/train/fit.py': 'import util\n',
        'm/src/train/util.py': 'X = 1\n',
        'm/src/train/requirements.txt': 'lightgbm\n',
      },
    });
    const hp = at(c.args('train'), 'HyperParameters') as Record<string, string>;
    expect(hp.sagemaker_program).toBe('"fit.py"');
    const files = tarFiles(uploadedBytes(c.artifact(JSON.parse(hp.sagemaker_submit_directory ?? ''))));
    expect(files).toEqual(expect.arrayContaining(['fit.py', 'util.py', 'requirements.txt']));
  });

  it.each(['sagemaker_program', 'sagemaker_submit_directory', 'sagemaker_region'])(
    'refuses the reserved hyperparameter %s with a positioned error',
    (name) => {
      const c = compile({
        model: withSections({
          train: { image_uri: 'img:1', entry_point: 'train.py', hyperparams: { [name]: 'x' } },
        }),
        steps: [
          { step_name: 'prep', step_class: 'Processing', step_type: 'preprocess' },
          { step_name: 'train', step_class: 'Training' },
        ],
      });
      expect(c.plan).toBeUndefined();
      expect(c.errors).toHaveLength(1);
      expect(c.errors[0]!.message).toContain(name);
      expect(c.errors[0]!.loc).toMatchObject({ file: CONF, line: lineOf(c.confText, 'step_name: train') });
    },
  );

  it('defaults: ml.m5.2xlarge × 1, 32 GB, 3000 s, File mode; no VpcConfig without SMP_SUBNETS', () => {
    const a = compile({ steps: TRAIN_STEP }).args('train');
    expect(at(a, 'ResourceConfig')).toEqual({
      VolumeSizeInGB: 32,
      InstanceCount: 1,
      InstanceType: 'ml.m5.2xlarge',
    });
    expect(at(a, 'StoppingCondition')).toEqual({ MaxRuntimeInSeconds: 3000 });
    expect(at(a, 'AlgorithmSpecification')).toEqual({ TrainingInputMode: 'File', TrainingImage: 'img:1' });
    expect(at(a, 'RoleArn')).toBe(TEST_ENV.SMP_ROLE);
    expect(a).not.toHaveProperty('VpcConfig');
    expect(a).not.toHaveProperty('InputDataConfig');
  });

  it('VpcConfig from SMP_SUBNETS / SMP_SECURITYGROUPS (the old code dropped it)', () => {
    const a = compile({ steps: TRAIN_STEP, env: VPC_ENV }).args('train');
    expect(at(a, 'VpcConfig')).toEqual({
      Subnets: ['subnet-0aaa1111', 'subnet-0bbb2222'],
      SecurityGroupIds: ['sg-0ccc3333'],
    });
  });

  it('passes instance settings, env and tags through', () => {
    const a = compile({
      model: withSections({
        train: {
          image_uri: 'img:1',
          entry_point: 'train.py',
          instance_type: 'ml.c5.xlarge',
          instance_count: 3,
          volume_size_in_gb: 64,
          max_runtime_seconds: 7200,
          env: { A: 'b' },
          tags: [{ Key: 'k', Value: 'v' }],
        },
      }),
      steps: TRAIN_STEP,
    }).args('train');
    expect(at(a, 'ResourceConfig')).toEqual({
      VolumeSizeInGB: 64,
      InstanceCount: 3,
      InstanceType: 'ml.c5.xlarge',
    });
    expect(at(a, 'StoppingCondition')).toEqual({ MaxRuntimeInSeconds: 7200 });
    expect(at(a, 'Environment')).toEqual({ A: 'b' });
    expect(at(a, 'Tags')).toEqual([{ Key: 'k', Value: 'v' }]);
  });

  it('SMP_KMSKEY: output and volume keys; ml.g5: no volume key and a warning', () => {
    const plain = compile({ steps: TRAIN_STEP, env: { SMP_KMSKEY: KMS } }).args('train');
    expect(at(plain, 'OutputDataConfig', 'KmsKeyId')).toBe(KMS);
    expect(at(plain, 'ResourceConfig', 'VolumeKmsKeyId')).toBe(KMS);
    const g5 = compile({
      model: withSections({
        train: { image_uri: 'img:1', entry_point: 'train.py', instance_type: 'ml.g5.12xlarge' },
      }),
      steps: TRAIN_STEP,
      env: { SMP_KMSKEY: KMS },
    });
    expect(at(g5.args('train'), 'OutputDataConfig', 'KmsKeyId')).toBe(KMS);
    expect(at(g5.args('train'), 'ResourceConfig')).not.toHaveProperty('VolumeKmsKeyId');
    expect(g5.warnings.map((w) => w.code)).toContain('volume-kms-skipped');
  });

  it('enable_cache → CacheConfig; absent → none', () => {
    const c = compile({
      steps: [
        { step_name: 'train', step_class: 'Training', enable_cache: true },
        { step_name: 'train2', step_class: 'Training' },
      ],
    });
    expect(c.step('train').CacheConfig).toEqual({ Enabled: true, ExpireAfter: 'P10D' });
    expect(c.step('train2')).not.toHaveProperty('CacheConfig');
  });
});

// ------------------------------------------------------------------------------------------ CreateModel

describe('CreateModel', () => {
  it('ModelRepack "False": registry image, exact environment, the training artifacts', () => {
    const c = compile({
      model: withSections({ transform: { entry_point: 'serve/inference.py' } }),
      steps: [
        { step_name: 'train', step_class: 'Training' },
        { step_name: 'create', step_class: 'CreateModel' },
      ],
      files: { 'm/src/serve/inference.py': '' },
    });
    expect(c.step('create').Type).toBe('Model');
    expect(c.args('create')).toEqual({
      ExecutionRoleArn: TEST_ENV.SMP_ROLE,
      PrimaryContainer: {
        Image: 'inf:1',
        Environment: {
          SAGEMAKER_SUBMIT_DIRECTORY: '/opt/ml/model/code',
          SAGEMAKER_PROGRAM: 'serve.inference',
          SAGEMAKER_REQUIREMENTS: 'requirements.txt',
        },
        ModelDataUrl: { Get: 'Steps.train.ModelArtifacts.S3ModelArtifacts' },
      },
    });
  });

  it('SAGEMAKER_PROGRAM defaults to `inference` without transform.entry_point', () => {
    const model = withSections({});
    delete model.transform;
    const c = compile({
      model,
      steps: [
        { step_name: 'train', step_class: 'Training' },
        { step_name: 'create', step_class: 'CreateModel' },
      ],
    });
    expect(at(c.args('create'), 'PrimaryContainer', 'Environment', 'SAGEMAKER_PROGRAM')).toBe('inference');
  });

  it('uses the latest earlier Training of the unit', () => {
    const c = compile({
      steps: [
        { step_name: 'train1', step_class: 'Training' },
        { step_name: 'create1', step_class: 'CreateModel' },
        { step_name: 'train2', step_class: 'Training' },
        { step_name: 'create2', step_class: 'CreateModel' },
      ],
    });
    expect(at(c.args('create1'), 'PrimaryContainer', 'ModelDataUrl')).toEqual({
      Get: 'Steps.train1.ModelArtifacts.S3ModelArtifacts',
    });
    expect(at(c.args('create2'), 'PrimaryContainer', 'ModelDataUrl')).toEqual({
      Get: 'Steps.train2.ModelArtifacts.S3ModelArtifacts',
    });
  });

  it('two trainings before CreateModel: the later one', () => {
    const c = compile({
      steps: [
        { step_name: 'train1', step_class: 'Training' },
        { step_name: 'train2', step_class: 'Training' },
        { step_name: 'create', step_class: 'CreateModel' },
      ],
    });
    expect(at(c.args('create'), 'PrimaryContainer', 'ModelDataUrl')).toEqual({
      Get: 'Steps.train2.ModelArtifacts.S3ModelArtifacts',
    });
  });

  it('VpcConfig from SMP_SUBNETS / SMP_SECURITYGROUPS', () => {
    const c = compile({
      steps: [
        { step_name: 'train', step_class: 'Training' },
        { step_name: 'create', step_class: 'CreateModel' },
      ],
      env: VPC_ENV,
    });
    expect(at(c.args('create'), 'VpcConfig')).toEqual({
      SecurityGroupIds: ['sg-0ccc3333'],
      Subnets: ['subnet-0aaa1111', 'subnet-0bbb2222'],
    });
  });

  describe('ModelRepack "True"', () => {
    const repack = compile({
      model: withSections({
        registry: { ModelRepack: 'True', InferenceSpecification: { image_uri: 'inf:1' } },
      }),
      steps: [
        { step_name: 'train', step_class: 'Training' },
        { step_name: 'create', step_class: 'CreateModel' },
        { step_name: 'tr', step_class: 'Transform', chain_input_source_step: ['train'] },
      ],
      dependencies: ['train >> create >> tr'],
    });

    it('adds a repack training step before the model, whose artifacts the model serves', () => {
      expect(repack.errors).toEqual([]);
      const names = repack.plan!.definition.Steps.map((s) => s.Name);
      expect(names).toEqual(['train', 'create-RepackModel', 'create', 'tr']);
      expect(repack.step('create-RepackModel').Type).toBe('Training');
      expect(at(repack.args('create'), 'PrimaryContainer', 'ModelDataUrl')).toEqual({
        Get: 'Steps.create-RepackModel.ModelArtifacts.S3ModelArtifacts',
      });
      expect(at(repack.args('create'), 'PrimaryContainer', 'Image')).toBe('inf:1');
      expect(at(repack.args('create'), 'PrimaryContainer', 'Environment', 'SAGEMAKER_SUBMIT_DIRECTORY')).toBe(
        '/opt/ml/model/code',
      );
    });

    it('the repack job reads the training artifacts and a bundle with the inference entry point', () => {
      const channels = at(repack.args('create-RepackModel'), 'InputDataConfig') as TrainingChannel[];
      const byName = new Map(channels.map((ch) => [ch.ChannelName, ch.DataSource.S3DataSource.S3Uri]));
      expect(byName.get('model')).toEqual({ Get: 'Steps.train.ModelArtifacts.S3ModelArtifacts' });
      expect(tarFiles(uploadedBytes(repack.artifact(byName.get('code'))))).toContain('inference.py');
      const hp = at(repack.args('create-RepackModel'), 'HyperParameters') as Record<string, string>;
      const program = repack.artifact(JSON.parse(hp.sagemaker_submit_directory ?? ''));
      expect(program.kind).toBe('repack-script');
      expect(tarFiles(uploadedBytes(program))).toContain(JSON.parse(hp.sagemaker_program ?? ''));
    });

    it('the configured dependencies go to the first sub-step; dependants wait for both', () => {
      expect(repack.step('create-RepackModel').DependsOn).toEqual(['train']);
      expect(repack.step('create')).not.toHaveProperty('DependsOn');
      expect(repack.step('tr').DependsOn).toEqual(['create-RepackModel', 'create']);
    });

    it('is the default when ModelRepack is not given', () => {
      const c = compile({
        model: withSections({ registry: { InferenceSpecification: { image_uri: 'inf:1' } } }),
        steps: [
          { step_name: 'train', step_class: 'Training' },
          { step_name: 'create', step_class: 'CreateModel' },
        ],
      });
      expect(c.plan!.definition.Steps.map((s) => s.Name)).toEqual(['train', 'create-RepackModel', 'create']);
    });
  });
});

// ------------------------------------------------------------------------------------------ Transform

describe('Transform', () => {
  const chained = compile({
    steps: [
      { step_name: 'prep', step_class: 'Processing', step_type: 'preprocess' },
      { step_name: 'train', step_class: 'Training', chain_input_source_step: ['prep'] },
      { step_name: 'create', step_class: 'CreateModel' },
      {
        step_name: 'tr',
        step_class: 'Transform',
        chain_input_source_step: ['prep'],
        chain_input_additional_prefix: 'test/x.csv',
      },
      { step_name: 'tr2', step_class: 'Transform', chain_input_source_step: ['tr'] },
      { step_name: 'tr3', step_class: 'Transform', chain_input_source_step: ['train'] },
    ],
  });

  it('runs the model of the CreateModel step', () => {
    expect(chained.errors).toEqual([]);
    expect(at(chained.args('tr'), 'ModelName')).toEqual({ Get: 'Steps.create.ModelName' });
  });

  it('chained input: the source output joined with chain_input_additional_prefix (Std:Join on /)', () => {
    const uri = at(chained.args('tr'), 'TransformInput', 'DataSource', 'S3DataSource', 'S3Uri');
    expect(uri).toEqual({
      'Std:Join': {
        On: '/',
        Values: [{ Get: "Steps.prep.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri" }, 'test/x.csv'],
      },
    });
  });

  it('chained input uses the Get of the source class; no prefix → the output itself', () => {
    const uri = (s: string): string =>
      render(at(chained.args(s), 'TransformInput', 'DataSource', 'S3DataSource', 'S3Uri'));
    expect(uri('tr2')).toBe(transformGet('tr'));
    expect(uri('tr3')).toBe(artifactsGet('train'));
  });

  it('chained: the output is execution-scoped under SMP_S3BUCKETNAME', () => {
    const out = at(chained.args('tr'), 'TransformOutput', 'S3OutputPath');
    expect(isJoin(out)).toBe(true);
    expect(render(out)).toMatch(/^s3:\/\/example-bucket\/(.+\/)?EXEC\//);
    expect(render(at(chained.args('tr2'), 'TransformOutput', 'S3OutputPath'))).not.toBe(render(out));
  });

  it('static: the single dataFile in, s3://<bucket>/<prefix><model>/predictions/transform out', () => {
    const c = compile({
      model: withSections({
        transform: {
          entry_point: 'inference.py',
          channels: {
            test: {
              s3BucketName: 'other-bucket',
              inputBucketPrefix: 'pre/',
              dataFiles: [{ sourceName: 'x', fileName: 's3://SMP_S3BUCKETNAME/test/x.csv' }],
            },
          },
        },
      }),
      steps: [
        { step_name: 'train', step_class: 'Training' },
        { step_name: 'create', step_class: 'CreateModel' },
        { step_name: 'tr', step_class: 'Transform' },
      ],
    });
    expect(at(c.args('tr'), 'TransformInput', 'DataSource', 'S3DataSource', 'S3Uri')).toBe(
      's3://example-bucket/test/x.csv',
    );
    expect(at(c.args('tr'), 'TransformOutput', 'S3OutputPath')).toBe(
      's3://other-bucket/pre/m/predictions/transform',
    );
  });

  it('static without bucket or prefix: s3://<SMP_S3BUCKETNAME>/<model>/predictions/transform', () => {
    const c = compile({
      model: withSections({
        transform: {
          entry_point: 'inference.py',
          channels: { test: { dataFiles: [{ fileName: 's3://SMP_S3BUCKETNAME/test/x.csv' }] } },
        },
      }),
      steps: [
        { step_name: 'train', step_class: 'Training' },
        { step_name: 'create', step_class: 'CreateModel' },
        { step_name: 'tr', step_class: 'Transform' },
      ],
    });
    expect(at(c.args('tr'), 'TransformOutput', 'S3OutputPath')).toBe(
      's3://example-bucket/m/predictions/transform',
    );
  });

  it('content_type defaults to text/csv for ContentType and Accept; defaults ml.m5.2xlarge × 1', () => {
    const a = chained.args('tr');
    expect(at(a, 'TransformInput', 'ContentType')).toBe('text/csv');
    expect(at(a, 'TransformOutput', 'Accept')).toBe('text/csv');
    expect(at(a, 'TransformResources')).toEqual({ InstanceCount: 1, InstanceType: 'ml.m5.2xlarge' });
    for (const k of ['BatchStrategy', 'MaxPayloadInMB', 'DataProcessing']) expect(a).not.toHaveProperty(k);
    expect(at(a, 'TransformInput')).not.toHaveProperty('SplitType');
    expect(at(a, 'TransformOutput')).not.toHaveProperty('AssembleWith');
  });

  it('maps content_type, strategy, assemble_with, split_type, max_payload, join_source and filters', () => {
    const c = compile({
      model: withSections({
        transform: {
          entry_point: 'inference.py',
          content_type: 'application/json',
          strategy: 'MultiRecord',
          assemble_with: 'Line',
          split_type: 'Line',
          max_payload: 6,
          join_source: 'Input',
          input_filter: '$[1:]',
          output_filter: '$[0,-1]',
          instance_type: 'ml.c5.xlarge',
          instance_count: 2,
          env: { K: 'v' },
        },
      }),
      steps: [
        { step_name: 'prep', step_class: 'Processing', step_type: 'preprocess' },
        { step_name: 'train', step_class: 'Training' },
        { step_name: 'create', step_class: 'CreateModel' },
        { step_name: 'tr', step_class: 'Transform', chain_input_source_step: ['prep'] },
      ],
      env: { SMP_KMSKEY: KMS },
    });
    const a = c.args('tr');
    expect(at(a, 'TransformInput', 'ContentType')).toBe('application/json');
    expect(at(a, 'TransformInput', 'SplitType')).toBe('Line');
    expect(at(a, 'TransformOutput', 'Accept')).toBe('application/json');
    expect(at(a, 'TransformOutput', 'AssembleWith')).toBe('Line');
    expect(at(a, 'TransformOutput', 'KmsKeyId')).toBe(KMS);
    expect(at(a, 'BatchStrategy')).toBe('MultiRecord');
    expect(at(a, 'MaxPayloadInMB')).toBe(6);
    expect(at(a, 'DataProcessing')).toEqual({
      InputFilter: '$[1:]',
      OutputFilter: '$[0,-1]',
      JoinSource: 'Input',
    });
    expect(at(a, 'TransformResources')).toEqual({
      InstanceCount: 2,
      InstanceType: 'ml.c5.xlarge',
      VolumeKmsKeyId: KMS,
    });
    expect(at(a, 'Environment')).toEqual({ K: 'v' });
  });

  it('uses the latest earlier CreateModel of the unit', () => {
    const c = compile({
      steps: [
        { step_name: 'prep', step_class: 'Processing', step_type: 'preprocess' },
        { step_name: 'train', step_class: 'Training' },
        { step_name: 'create1', step_class: 'CreateModel' },
        { step_name: 'create2', step_class: 'CreateModel' },
        { step_name: 'tr', step_class: 'Transform', chain_input_source_step: ['prep'] },
      ],
    });
    expect(at(c.args('tr'), 'ModelName')).toEqual({ Get: 'Steps.create2.ModelName' });
  });

  it('enable_cache → CacheConfig', () => {
    const c = compile({
      steps: [
        { step_name: 'prep', step_class: 'Processing', step_type: 'preprocess', enable_cache: true },
        { step_name: 'train', step_class: 'Training', enable_cache: true },
        { step_name: 'create', step_class: 'CreateModel' },
        { step_name: 'tr', step_class: 'Transform', chain_input_source_step: ['prep'], enable_cache: true },
      ],
    });
    expect(c.step('tr').CacheConfig).toEqual({ Enabled: true, ExpireAfter: 'P10D' });
  });
});

// ------------------------------------------------------------------------------------------ Metrics

describe('Metrics', () => {
  const full = compileFiles(fullUnitFiles());

  it('chained inputs `<src>-input` at /opt/ml/processing/input/<src>-<evaluate channel>', () => {
    expect(full.errors).toEqual([]);
    expect(full.step('metrics').Type).toBe('Processing');
    expect(dataInputs(full, 'metrics')).toEqual([
      { name: 'prep-input', uri: outputsGet('prep', 'train'), local: '/opt/ml/processing/input/prep-train' },
      {
        name: 'transform-input',
        uri: transformGet('transform'),
        local: '/opt/ml/processing/input/transform-train',
      },
    ]);
  });

  it('one output model_evaluation_metrics from /opt/ml/processing/output/, execution-scoped', () => {
    const outputs = outputsOf(full, 'metrics');
    expect(outputs).toHaveLength(1);
    expect(outputs[0]!.OutputName).toBe('model_evaluation_metrics');
    expect(outputs[0]!.S3Output.LocalPath).toBe('/opt/ml/processing/output/');
    expect(isJoin(outputs[0]!.S3Output.S3Uri)).toBe(true);
    expect(render(outputs[0]!.S3Output.S3Uri)).toMatch(/^s3:\/\/example-bucket\/(.+\/)?EXEC\//);
  });

  it('property file EvaluationReport → model_evaluation_metrics.json', () => {
    expect(full.step('metrics').PropertyFiles).toEqual([
      {
        PropertyFileName: 'EvaluationReport',
        OutputName: 'model_evaluation_metrics',
        FilePath: 'model_evaluation_metrics.json',
      },
    ]);
  });

  it('defaults: 50 GB, 3600 s, ml.m5.2xlarge × 1; the processing launcher and network config', () => {
    const a = full.args('metrics');
    expect(at(a, 'ProcessingResources', 'ClusterConfig')).toEqual({
      InstanceType: 'ml.m5.2xlarge',
      InstanceCount: 1,
      VolumeSizeInGB: 50,
    });
    expect(at(a, 'StoppingCondition')).toEqual({ MaxRuntimeInSeconds: 3600 });
    expect(at(a, 'AppSpecification', 'ContainerEntrypoint')).toEqual([
      '/bin/bash',
      '/opt/ml/processing/input/entrypoint/runproc.sh',
    ]);
    expect(at(a, 'NetworkConfig')).toEqual({
      EnableNetworkIsolation: false,
      EnableInterContainerTrafficEncryption: true,
    });
    expect(text(full.artifact(inputNamed(full, 'metrics', 'entrypoint').S3Input.S3Uri))).toMatch(
      /python -m '?evaluate'? '?evaluate\.py'? "\$@"/,
    );
    expect(full.step('metrics')).not.toHaveProperty('CacheConfig');
  });

  it('a channel naming a bucket: static inputs, chained folder after it, output s3://<bucket>/<prefix>/<model>/evaluation/', () => {
    const c = compile({
      model: withSections({
        evaluate: {
          image_uri: 'img:1',
          entry_point: 'evaluate.py',
          channels: {
            test: {
              s3BucketName: 'SMP_S3BUCKETNAME',
              inputBucketPrefix: 'eval',
              dataFiles: [{ sourceName: 'ytest', fileName: 's3://SMP_S3BUCKETNAME/test/y_test.npy' }],
            },
          },
        },
        transform: {
          entry_point: 'inference.py',
          channels: { test: { dataFiles: [{ fileName: 's3://SMP_S3BUCKETNAME/test/x_test.npy' }] } },
        },
      }),
      steps: [
        { step_name: 'train', step_class: 'Training' },
        { step_name: 'create', step_class: 'CreateModel' },
        { step_name: 'tr', step_class: 'Transform' },
        { step_name: 'metrics', step_class: 'Metrics', chain_input_source_step: ['tr'] },
        { step_name: 'register', step_class: 'RegisterModel' },
      ],
    });
    expect(dataInputs(c, 'metrics')).toEqual([
      { name: 'ytest', uri: 's3://example-bucket/test/y_test.npy', local: '/opt/ml/processing/input/ytest' },
      { name: 'tr-input', uri: transformGet('tr'), local: '/opt/ml/processing/input/tr-test' },
    ]);
    expect(outputsOf(c, 'metrics')[0]!.S3Output.S3Uri).toBe('s3://example-bucket/eval/m/evaluation/');
    expect(at(c.args('register'), 'ModelMetrics', 'ModelQuality', 'Statistics', 'S3Uri')).toBe(
      's3://example-bucket/eval/m/evaluation/model_evaluation_metrics.json',
    );
  });
});

// ------------------------------------------------------------------------------------------ RegisterModel

describe('RegisterModel', () => {
  const full = compileFiles(fullUnitFiles());

  it('group <pipeline>-<model> by default; instance lists, approval and PIPELINE_ARN', () => {
    const a = full.args('register');
    expect(full.step('register').Type).toBe('RegisterModel');
    expect(at(a, 'ModelPackageGroupName')).toBe('p-test-m');
    expect(at(a, 'InferenceSpecification', 'SupportedRealtimeInferenceInstanceTypes')).toEqual([
      'ml.m5.2xlarge',
    ]);
    expect(at(a, 'InferenceSpecification', 'SupportedTransformInstanceTypes')).toEqual(['ml.m5.2xlarge']);
    expect(at(a, 'ModelApprovalStatus')).toBe('PendingManualApproval');
    expect(at(a, 'CustomerMetadataProperties')).toEqual({
      PIPELINE_ARN: { Get: 'Execution.PipelineExecutionArn' },
    });
  });

  it('containers are the CreateModel container', () => {
    expect(at(full.args('register'), 'InferenceSpecification', 'Containers')).toEqual([
      at(full.args('create'), 'PrimaryContainer'),
    ]);
  });

  it('ModelMetrics: the metrics output joined with / model_evaluation_metrics.json', () => {
    const stats = at(full.args('register'), 'ModelMetrics', 'ModelQuality', 'Statistics');
    expect(at(stats, 'ContentType')).toBe('application/json');
    const uri = at(stats, 'S3Uri');
    expect(isJoin(uri)).toBe(true);
    const rendered = render(uri);
    expect(rendered.endsWith('/model_evaluation_metrics.json')).toBe(true);
    // the metrics step's own output location, wherever it is
    const out = outputsOf(full, 'metrics')[0]!.S3Output.S3Uri;
    expect([
      `${render(out)}/model_evaluation_metrics.json`,
      `${outputsGet('metrics', 'model_evaluation_metrics')}/model_evaluation_metrics.json`,
    ]).toContain(rendered);
  });

  it('no ModelMetrics without a Metrics step in the unit', () => {
    const c = compile({
      steps: [
        { step_name: 'train', step_class: 'Training' },
        { step_name: 'register', step_class: 'RegisterModel' },
      ],
    });
    expect(c.args('register')).not.toHaveProperty('ModelMetrics');
    // without a CreateModel step (ModelRepack False) the container is built the same way
    expect(at(c.args('register'), 'InferenceSpecification', 'Containers')).toEqual([
      {
        Image: 'inf:1',
        Environment: {
          SAGEMAKER_SUBMIT_DIRECTORY: '/opt/ml/model/code',
          SAGEMAKER_PROGRAM: 'inference',
          SAGEMAKER_REQUIREMENTS: 'requirements.txt',
        },
        ModelDataUrl: { Get: 'Steps.train.ModelArtifacts.S3ModelArtifacts' },
      },
    ]);
  });

  it('configured group, description, content types, instance lists and approval pass through', () => {
    const c = compile({
      model: withSections({
        registry: {
          ModelRepack: 'False',
          ModelPackageGroupName: 'my-group',
          ModelPackageDescription: 'desc',
          InferenceSpecification: {
            image_uri: 'inf:1',
            supported_content_types: ['application/json'],
            supported_response_MIME_types: ['text/csv'],
            SupportedRealtimeInferenceInstanceTypes: ['ml.c5.xlarge', 'ml.m5.large'],
            SupportedTransformInstanceTypes: ['ml.c5.2xlarge'],
            approval_status: 'Approved',
          },
        },
      }),
      steps: [
        { step_name: 'train', step_class: 'Training' },
        { step_name: 'register', step_class: 'RegisterModel' },
      ],
    });
    const a = c.args('register');
    expect(at(a, 'ModelPackageGroupName')).toBe('my-group');
    expect(at(a, 'ModelPackageDescription')).toBe('desc');
    expect(at(a, 'ModelApprovalStatus')).toBe('Approved');
    expect(at(a, 'InferenceSpecification')).toMatchObject({
      SupportedContentTypes: ['application/json'],
      SupportedResponseMIMETypes: ['text/csv'],
      SupportedRealtimeInferenceInstanceTypes: ['ml.c5.xlarge', 'ml.m5.large'],
      SupportedTransformInstanceTypes: ['ml.c5.2xlarge'],
    });
  });

  it('a Training after the CreateModel: registers the later training, not the model container', () => {
    const c = compile({
      steps: [
        { step_name: 'train1', step_class: 'Training' },
        { step_name: 'create', step_class: 'CreateModel' },
        { step_name: 'train2', step_class: 'Training' },
        { step_name: 'register', step_class: 'RegisterModel' },
      ],
    });
    expect(at(c.args('create'), 'PrimaryContainer', 'ModelDataUrl')).toEqual({
      Get: 'Steps.train1.ModelArtifacts.S3ModelArtifacts',
    });
    expect(at(c.args('register'), 'InferenceSpecification', 'Containers', 0, 'ModelDataUrl')).toEqual({
      Get: 'Steps.train2.ModelArtifacts.S3ModelArtifacts',
    });
  });

  it('uses the latest Training: two trainings → the later one', () => {
    const c = compile({
      steps: [
        { step_name: 'train1', step_class: 'Training' },
        { step_name: 'train2', step_class: 'Training' },
        { step_name: 'register', step_class: 'RegisterModel' },
      ],
    });
    expect(at(c.args('register'), 'InferenceSpecification', 'Containers', 0, 'ModelDataUrl')).toEqual({
      Get: 'Steps.train2.ModelArtifacts.S3ModelArtifacts',
    });
  });
});

// ------------------------------------------------------------------------------------------ pipeline-wide

describe('dependencies and warnings', () => {
  it('dependencies become DependsOn lists; steps without upstream have none', () => {
    const c = compile({
      steps: [
        { step_name: 'a', step_class: 'Processing', step_type: 'preprocess', enable_cache: true },
        { step_name: 'b', step_class: 'Processing', step_type: 'preprocess', enable_cache: true },
        { step_name: 'c', step_class: 'Training', enable_cache: true },
        { step_name: 'd', step_class: 'Training', enable_cache: true },
      ],
      dependencies: ['[a, b] >> c', 'a >> d', 'c >> d'],
    });
    expect(c.step('a')).not.toHaveProperty('DependsOn');
    expect(c.step('b')).not.toHaveProperty('DependsOn');
    expect(c.step('c').DependsOn).toEqual(['a', 'b']);
    expect(c.step('d').DependsOn).toEqual(['a', 'c']);
  });

  it('caching-changed: one warning naming the Processing/Training steps without enable_cache', () => {
    const c = compile({
      steps: [
        { step_name: 'p1', step_class: 'Processing', step_type: 'preprocess' },
        { step_name: 'p2', step_class: 'Processing', step_type: 'preprocess', enable_cache: true },
        { step_name: 'p3', step_class: 'Processing', step_type: 'preprocess', enable_cache: false },
        { step_name: 't1', step_class: 'Training' },
        { step_name: 'create', step_class: 'CreateModel' },
        { step_name: 'tr', step_class: 'Transform', chain_input_source_step: ['p1'] },
      ],
    });
    const w = c.warnings.filter((d) => d.code === 'caching-changed');
    expect(w).toHaveLength(1);
    const msg = w[0]!.message;
    expect(msg).toContain('`p1`');
    expect(msg).toContain('`t1`');
    for (const s of ['p2', 'p3', 'create', 'tr']) expect(msg).not.toContain(`\`${s}\``);
    expect(msg).toContain('enable_cache: True');
    expect(w[0]!.loc).not.toBeNull();
  });

  it('no caching-changed warning when every Processing/Training step sets enable_cache', () => {
    const c = compile({
      steps: [
        { step_name: 'p1', step_class: 'Processing', step_type: 'preprocess', enable_cache: false },
        { step_name: 't1', step_class: 'Training', enable_cache: true },
      ],
    });
    expect(c.warnings.map((d) => d.code)).not.toContain('caching-changed');
  });
});
