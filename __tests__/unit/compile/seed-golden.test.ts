// The four published example configs (examples/) against what the original Python framework emitted for them
// (__tests__/fixtures/seed-golden/<example>/definition.json: original framework 0499913, SDK v2.257.6, SMP values
// as in its README). Data-driven: one row per example lists the old framework's sub-step names that map to our
// configured names, and the contract's value at every path where the old output has a documented bug
// (G1 group names, G2 caching, G3 Training VPC, C1 training channels, D3 metrics output, D4 metrics URI,
// D5 transform bucket). Everything else named below must agree with the old output, except what we change on
// purpose: code keys (only their form is checked), Training output/debug/profiler paths, ModelPackageDescription's words.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { uploadedBytes } from '../../helpers/artifacts.js';
import { compileProject } from '../../../src/compile/compile.js';
import type { Plan } from '../../../src/compile/types.js';
import type { Diagnostic } from '../../../src/config/diagnostics.js';
import { loadProject } from '../../../src/config/load.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURES = path.join(REPO, '__tests__', 'fixtures', 'seed-golden');

/** Exactly the SMP values the seed definitions were built with (seed-golden README). */
const SEED_ENV = {
  SMP_S3BUCKETNAME: 'example-bucket',
  SMP_ROLE: 'arn:aws:iam::111122223333:role/SageMakerExecution',
  SMP_REGION: 'us-east-1',
  SMP_ACCOUNTID: '111122223333',
  SMP_SUBNETS: 'subnet-0aaa1111,subnet-0bbb2222',
  SMP_SECURITYGROUPS: 'sg-0ccc3333',
} as const;

const VPC = { Subnets: ['subnet-0aaa1111', 'subnet-0bbb2222'], SecurityGroupIds: ['sg-0ccc3333'] };
const EXECUTION_ID = { Get: 'Execution.PipelineExecutionId' };
const join = (values: unknown[]): unknown => ({ 'Std:Join': { On: '/', Values: values } });
const metricsOutputGet = (step: string): unknown => ({
  Get: `Steps.${step}.ProcessingOutputConfig.Outputs['model_evaluation_metrics'].S3Output.S3Uri`,
});

// ------------------------------------------------------------------------------------------ the table

interface Example {
  /** Folder under examples/ and under the seed-golden fixtures. */
  readonly name: string;
  readonly globs: readonly string[];
  readonly pipeline: string;
  /** The old framework's ModelStep sub-step names → our step names (the configured ones). */
  readonly renames: Readonly<Record<string, string>>;
  /** Warning codes the plan must carry (D1: transform.image_uri differs from the registry image). */
  readonly warnings: readonly string[];
  /** G1: register step → ModelPackageGroupName `<pipeline>-<model>` (old: `None-<model>`). */
  readonly groups: Readonly<Record<string, string>>;
  /** G2: the steps with `enable_cache: True` (CacheConfig {Enabled: true, ExpireAfter: P10D}); no other is cached. */
  readonly cached: readonly string[];
  /** G2: steps the old framework cached although the config says no (`enable_cache` ignored for Training). */
  readonly oldCachedAnyway: readonly string[];
  /** C1: training step → channel → S3 URI of the channel's own dataFile (old: every channel read the last one). */
  readonly trainingChannels: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** D3: metrics step → its output S3Uri (old: one frozen path for every run). */
  readonly metricsOutput: Readonly<Record<string, unknown>>;
  /** D4: register step → ModelQuality.Statistics.S3Uri (old: `…metricsmodel_evaluation_metrics.json`). */
  readonly modelQuality: Readonly<Record<string, unknown>>;
  /** D5: transform step → TransformOutput.S3OutputPath (old: the SDK default bucket). */
  readonly transformOutput: Readonly<Record<string, unknown>>;
  /** References our steps hold that the old ones did not (D4 reads the metrics output as an expression). */
  readonly extraRefs: Readonly<Record<string, readonly string[]>>;
  /** C2: training step → files that must sit at the root of its code bundle (program in a subfolder). */
  readonly bundleRoot: Readonly<Record<string, readonly string[]>>;
}

const EXAMPLES: readonly Example[] = [
  {
    name: 'lgbm',
    globs: ['examples/lgbm/conf/conf.yaml'],
    pipeline: 'lgbm-test',
    renames: {
      'lgbm-CreateModel-CreateModel': 'lgbm-CreateModel',
      'lgbm-Register-RegisterModel': 'lgbm-Register',
    },
    // base_job_name has no effect in a pipeline (ignored-keys); the transform image differs from the registry's.
    warnings: ['ignored-keys', 'transform-image-ignored'],
    groups: { 'lgbm-Register': 'lgbm-test-lgbm' },
    cached: ['lgbm-Training', 'lgbm-Transform', 'lgbm-Metrics'],
    oldCachedAnyway: [],
    trainingChannels: {
      'lgbm-Training': {
        train: 's3://example-bucket/lightGBM/train',
        test: 's3://example-bucket/lightGBM/test',
      },
    },
    // D3 does not apply: the evaluate channel names a bucket, so the output is the (compared) old literal.
    metricsOutput: {},
    modelQuality: { 'lgbm-Register': 's3://example-bucket/lgbm/evaluation/model_evaluation_metrics.json' },
    transformOutput: { 'lgbm-Transform': 's3://example-bucket/lgbm/predictions/transform' },
    extraRefs: {},
    bundleRoot: { 'lgbm-Training': ['__init__.py', 'requirements.txt', 'training.py'] },
  },
  {
    name: 'llm-text-summarization',
    globs: ['examples/llm-text-summarization/conf/conf.yaml'],
    pipeline: 'Falcon40b-fine-tune',
    renames: {
      'falcon-text-summarization-register-RegisterModel': 'falcon-text-summarization-register',
    },
    warnings: ['ignored-keys'],
    groups: { 'falcon-text-summarization-register': 'Falcon40b-fine-tune-falcon40b-finetuneable' },
    cached: ['falcon-text-summarization-preprocess'],
    oldCachedAnyway: ['falcon-text-summarization-tuning'],
    trainingChannels: {},
    metricsOutput: {},
    modelQuality: {},
    transformOutput: {},
    extraRefs: {},
    bundleRoot: { 'falcon-text-summarization-tuning': ['__init__.py', 'requirements.txt', 'training.py'] },
  },
  {
    name: 'multi-model-example',
    globs: ['examples/multi-model-example/*/conf/conf-multi-model.yaml'],
    pipeline: 'calhousing-test',
    renames: {
      'calhousing-pca-Register-RegisterModel': 'calhousing-pca-Register',
      'calhousing-tf-CreateModel-CreateModel': 'calhousing-tf-CreateModel',
      'calhousing-tf-Register-RegisterModel': 'calhousing-tf-Register',
    },
    warnings: [],
    groups: {
      'calhousing-pca-Register': 'calhousing-test-calhousingpca',
      'calhousing-tf-Register': 'calhousing-test-calhousingtf',
    },
    cached: [
      'calhousing-pca-Preprocessing',
      'calhousing-pca-Training',
      'calhousing-tf-Preprocessing',
      'calhousing-tf-Training',
    ],
    oldCachedAnyway: [],
    trainingChannels: {},
    metricsOutput: {
      'calhousing-tf-Metrics': join([
        's3:/',
        'example-bucket',
        'calhousing-test',
        EXECUTION_ID,
        'calhousing-tf-Metrics',
        'output',
        'model_evaluation_metrics',
      ]),
    },
    modelQuality: {
      'calhousing-tf-Register': join([
        metricsOutputGet('calhousing-tf-Metrics'),
        'model_evaluation_metrics.json',
      ]),
    },
    transformOutput: {
      'calhousing-tf-Transform': join([
        's3:/',
        'example-bucket',
        'calhousing-test',
        EXECUTION_ID,
        'calhousing-tf-Transform',
      ]),
    },
    extraRefs: {
      'calhousing-tf-Register': [
        "Steps.calhousing-tf-Metrics.ProcessingOutputConfig.Outputs['model_evaluation_metrics'].S3Output.S3Uri",
      ],
    },
    bundleRoot: {},
  },
  {
    name: 'tf',
    globs: ['examples/tf/conf/conf.yaml'],
    pipeline: 'calhousing-test',
    renames: {
      'calhousing-CreateModel-CreateModel': 'calhousing-CreateModel',
      'calhousing-Register-RegisterModel': 'calhousing-Register',
    },
    warnings: [],
    groups: { 'calhousing-Register': 'calhousing-test-calhousing' },
    cached: ['calhousing-Preprocessing', 'calhousing-Training'],
    oldCachedAnyway: [],
    trainingChannels: {},
    metricsOutput: {
      'calhousing-Metrics': join([
        's3:/',
        'example-bucket',
        'calhousing-test',
        EXECUTION_ID,
        'calhousing-Metrics',
        'output',
        'model_evaluation_metrics',
      ]),
    },
    modelQuality: {
      'calhousing-Register': join([metricsOutputGet('calhousing-Metrics'), 'model_evaluation_metrics.json']),
    },
    transformOutput: {
      'calhousing-Transform': join([
        's3:/',
        'example-bucket',
        'calhousing-test',
        EXECUTION_ID,
        'calhousing-Transform',
      ]),
    },
    extraRefs: {
      'calhousing-Register': [
        "Steps.calhousing-Metrics.ProcessingOutputConfig.Outputs['model_evaluation_metrics'].S3Output.S3Uri",
      ],
    },
    bundleRoot: {},
  },
];

/**
 * Arguments keys we add or drop on purpose, by step Type: Training gains VpcConfig (G3). RegisterModel keeps
 * ModelPackageDescription (the old framework's placeholder, reworded: checked under G1).
 */
const ARGUMENT_KEYS_CHANGED: Readonly<
  Record<string, { added: readonly string[]; removed: readonly string[] }>
> = {
  Training: { added: ['VpcConfig'], removed: [] },
  RegisterModel: { added: [], removed: [] },
};

// ------------------------------------------------------------------------------------------ helpers

type Obj = Record<string, unknown>;

interface Step {
  readonly Name: string;
  readonly Type: string;
  readonly Arguments: Obj;
  readonly DependsOn?: readonly string[];
  readonly CacheConfig?: { readonly Enabled: boolean; readonly ExpireAfter?: string };
  readonly PropertyFiles?: readonly unknown[];
}

interface Definition {
  readonly Version: string;
  readonly Metadata: unknown;
  readonly Parameters: unknown;
  readonly PipelineExperimentConfig: unknown;
  readonly Steps: readonly Step[];
}

function at(v: unknown, ...keys: readonly (string | number)[]): unknown {
  let cur = v;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

/** The old definition with its sub-step names replaced by ours: names, DependsOn and `Steps.<name>.` references. */
function renamed<T>(value: T, renames: Readonly<Record<string, string>>): T {
  const fix = (s: string): string => {
    if (Object.hasOwn(renames, s)) return renames[s]!;
    const m = /^Steps\.([^.]+)\.(.*)$/s.exec(s);
    if (m && Object.hasOwn(renames, m[1]!)) return `Steps.${renames[m[1]!]!}.${m[2]!}`;
    return s;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return fix(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/** Every `{"Get": "Steps.…"}` reference inside a step, sorted (key order inside Arguments is left open). */
function stepRefs(v: unknown): string[] {
  const out: string[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x !== null && typeof x === 'object') {
      const get = (x as Obj).Get;
      if (typeof get === 'string' && get.startsWith('Steps.')) out.push(get);
      Object.values(x).forEach(walk);
    }
  };
  walk(v);
  return out.sort();
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const codeUri = (pipeline: string, file: string): RegExp =>
  new RegExp(`^s3://example-bucket/${escapeRe(pipeline)}/code/[0-9a-f]{64}/${escapeRe(file)}$`);

const CODE_INPUTS: Readonly<Record<string, string>> = { code: 'sourcedir.tar.gz', entrypoint: 'runproc.sh' };

/** ProcessingInputs with the code/entrypoint URIs blanked (their keys hash other scripts; the form is checked apart). */
function processingInputs(step: Step): unknown[] {
  return list(step.Arguments.ProcessingInputs).map((i) => {
    const input = obj(i);
    const s3 = obj(input.S3Input);
    const isCode = typeof input.InputName === 'string' && Object.hasOwn(CODE_INPUTS, input.InputName);
    return { ...input, S3Input: { ...s3, S3Uri: isCode ? '<code key>' : s3.S3Uri } };
  });
}

function processingOutputs(step: Step, withUri: boolean): unknown[] {
  return list(at(step.Arguments, 'ProcessingOutputConfig', 'Outputs')).map((o) => {
    const out = obj(o);
    const s3 = obj(out.S3Output);
    const { S3Uri, ...rest } = s3;
    return { ...out, S3Output: withUri ? { ...rest, S3Uri } : rest };
  });
}

/** File names at the root of a sourcedir.tar.gz (ustar: name at 0..100, prefix at 345..500, size at 124). */
function bundleRootFiles(gz: Uint8Array): string[] {
  const tar = gunzipSync(gz);
  const text = (from: number, len: number): string => {
    const raw = tar.subarray(from, from + len);
    const end = raw.indexOf(0);
    return Buffer.from(end < 0 ? raw : raw.subarray(0, end)).toString('utf8');
  };
  const out: string[] = [];
  for (let off = 0; off + 512 <= tar.length;) {
    const name = text(off, 100);
    if (name === '') break;
    const prefix = text(off + 345, 155);
    const full = prefix ? `${prefix}/${name}` : name;
    const size = parseInt(text(off + 124, 12).trim() || '0', 8);
    const type = text(off + 156, 1);
    if ((type === '0' || type === '') && !full.includes('/')) out.push(full);
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return out.sort();
}

// ------------------------------------------------------------------------------------------ the tests

describe.each(EXAMPLES)('seed-golden $name', (ex) => {
  let golden: Definition;
  let ours: Definition;
  let plan: Plan;
  let diagnostics: readonly Diagnostic[];
  const gStep = (name: string): Step => {
    const s = golden.Steps.find((x) => x.Name === name);
    if (!s) throw new Error(`golden has no step ${name}`);
    return s;
  };
  const oStep = (name: string): Step => {
    const s = ours.Steps.find((x) => x.Name === name);
    if (!s) throw new Error(`our definition has no step ${name}`);
    return s;
  };
  /** Our steps of a Type with the old step of the same (renamed) name. */
  const pairs = (type?: string): { g: Step; o: Step }[] =>
    ours.Steps.filter((s) => type === undefined || s.Type === type).map((o) => ({ g: gStep(o.Name), o }));

  beforeAll(() => {
    const raw = JSON.parse(
      readFileSync(path.join(FIXTURES, ex.name, 'definition.json'), 'utf8'),
    ) as Definition;
    golden = renamed(raw, ex.renames);
    const loaded = loadProject({ workspace: REPO, globs: ex.globs, env: SEED_ENV, allowPlaceholders: false });
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const compiled = compileProject(loaded.config!);
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    plan = compiled.plan!;
    ours = JSON.parse(JSON.stringify(plan.definition)) as Definition;
    diagnostics = [...loaded.diagnostics, ...compiled.diagnostics];
  });

  it('names the old sub-steps it maps (every rename is used)', () => {
    const raw = JSON.parse(
      readFileSync(path.join(FIXTURES, ex.name, 'definition.json'), 'utf8'),
    ) as Definition;
    const oldNames = raw.Steps.map((s) => s.Name);
    for (const [from, to] of Object.entries(ex.renames)) {
      expect(oldNames).toContain(from);
      expect(from).toMatch(/-(CreateModel-CreateModel|Register-RegisterModel|register-RegisterModel)$/);
      expect(to).toBe(from.replace(/-(CreateModel|RegisterModel)$/, ''));
    }
  });

  it('reports the expected warnings and no others', () => {
    expect([...new Set(diagnostics.map((d) => d.code))].sort()).toEqual([...ex.warnings].sort());
  });

  it('has the top level of the old definition', () => {
    expect(ours.Version).toEqual(golden.Version);
    expect(ours.Metadata).toEqual(golden.Metadata);
    expect(ours.Parameters).toEqual(golden.Parameters);
    expect(ours.PipelineExperimentConfig).toEqual(golden.PipelineExperimentConfig);
  });

  it('has the same steps, in the same order, with the same Types', () => {
    expect(ours.Steps.map((s) => [s.Name, s.Type])).toEqual(golden.Steps.map((s) => [s.Name, s.Type]));
  });

  it('has the same DependsOn lists', () => {
    for (const { g, o } of pairs())
      expect({ step: o.Name, deps: o.DependsOn }).toEqual({ step: o.Name, deps: g.DependsOn });
  });

  it('has the same data references between steps (Get Steps.<name>…)', () => {
    for (const { g, o } of pairs()) {
      const expected = [...stepRefs(g.Arguments), ...(ex.extraRefs[o.Name] ?? [])].sort();
      expect({ step: o.Name, refs: stepRefs(o.Arguments) }).toEqual({ step: o.Name, refs: expected });
    }
  });

  it('has the same Arguments keys, but for the documented changes', () => {
    for (const { g, o } of pairs()) {
      const change = ARGUMENT_KEYS_CHANGED[o.Type] ?? { added: [], removed: [] };
      const expected = [
        ...Object.keys(g.Arguments).filter((k) => !change.removed.includes(k)),
        ...change.added.filter((k) => !Object.hasOwn(g.Arguments, k)),
      ].sort();
      expect({ step: o.Name, keys: Object.keys(o.Arguments).sort() }).toEqual({
        step: o.Name,
        keys: expected,
      });
    }
  });

  it('has the same ProcessingInputs: names, LocalPaths, data S3 URIs and S3 settings', () => {
    for (const { g, o } of pairs('Processing')) {
      expect({ step: o.Name, inputs: processingInputs(o) }).toEqual({
        step: o.Name,
        inputs: processingInputs(g),
      });
    }
  });

  it('ships code as code/ and entrypoint/ inputs under <pipeline>/code/<sha256>/, each a plan artifact', () => {
    const artifactUris = new Set(plan.artifacts.map((a) => a.s3Uri));
    for (const { g, o } of pairs('Processing')) {
      for (const step of [o, g]) {
        const names = list(step.Arguments.ProcessingInputs).map((i) => at(i, 'InputName'));
        expect(names.slice(-2)).toEqual(['code', 'entrypoint']);
      }
      for (const i of list(o.Arguments.ProcessingInputs)) {
        const name = at(i, 'InputName') as string;
        if (!Object.hasOwn(CODE_INPUTS, name)) continue;
        const uri = at(i, 'S3Input', 'S3Uri') as string;
        expect(uri).toMatch(codeUri(ex.pipeline, CODE_INPUTS[name]!));
        expect(artifactUris.has(uri)).toBe(true);
      }
      expect(at(o.Arguments, 'AppSpecification', 'ContainerEntrypoint')).toEqual(
        at(g.Arguments, 'AppSpecification', 'ContainerEntrypoint'),
      );
    }
  });

  it('has the same ProcessingOutputs: names, LocalPaths, upload modes and (but for D3) URIs', () => {
    for (const { g, o } of pairs('Processing')) {
      const fixed = Object.hasOwn(ex.metricsOutput, o.Name);
      expect({ step: o.Name, outputs: processingOutputs(o, !fixed) }).toEqual({
        step: o.Name,
        outputs: processingOutputs(g, !fixed),
      });
      expect(at(o.Arguments, 'ProcessingOutputConfig', 'KmsKeyId')).toEqual(
        at(g.Arguments, 'ProcessingOutputConfig', 'KmsKeyId'),
      );
    }
  });

  it('has the same property files', () => {
    for (const { g, o } of pairs())
      expect({ step: o.Name, pf: o.PropertyFiles }).toEqual({ step: o.Name, pf: g.PropertyFiles });
  });

  it('has the same images', () => {
    const image = (s: Step): unknown =>
      at(s.Arguments, 'AppSpecification', 'ImageUri') ??
      at(s.Arguments, 'AlgorithmSpecification', 'TrainingImage') ??
      at(s.Arguments, 'PrimaryContainer', 'Image') ??
      list(at(s.Arguments, 'InferenceSpecification', 'Containers')).map((c) => at(c, 'Image'));
    for (const { g, o } of pairs()) {
      if (o.Type === 'Transform') continue; // a transform runs the CreateModel step's model (ModelName)
      expect({ step: o.Name, image: image(o) }).toEqual({ step: o.Name, image: image(g) });
    }
  });

  it('has the same instance types, counts, volumes and max runtimes', () => {
    const resources = (s: Step): unknown => ({
      processing: s.Arguments.ProcessingResources,
      training: s.Arguments.ResourceConfig,
      transform: s.Arguments.TransformResources,
      stopping: s.Arguments.StoppingCondition,
      inputMode: at(s.Arguments, 'AlgorithmSpecification', 'TrainingInputMode'),
    });
    for (const { g, o } of pairs())
      expect({ step: o.Name, r: resources(o) }).toEqual({ step: o.Name, r: resources(g) });
  });

  it('has the same container environment variables', () => {
    const env = (s: Step): unknown => ({
      job: s.Arguments.Environment,
      model: at(s.Arguments, 'PrimaryContainer', 'Environment'),
      registered: list(at(s.Arguments, 'InferenceSpecification', 'Containers')).map((c) =>
        at(c, 'Environment'),
      ),
    });
    for (const { g, o } of pairs())
      expect({ step: o.Name, env: env(o) }).toEqual({ step: o.Name, env: env(g) });
  });

  it('has the same roles and network settings (Processing, Model)', () => {
    for (const { g, o } of pairs()) {
      expect(o.Arguments.RoleArn).toEqual(g.Arguments.RoleArn);
      expect(o.Arguments.ExecutionRoleArn).toEqual(g.Arguments.ExecutionRoleArn);
      expect(o.Arguments.NetworkConfig).toEqual(g.Arguments.NetworkConfig);
      if (o.Type !== 'Training') expect(o.Arguments.VpcConfig).toEqual(g.Arguments.VpcConfig);
    }
  });

  it('has the same Model steps (image, model data, environment, VPC)', () => {
    for (const { g, o } of pairs('Model')) expect(o.Arguments).toEqual(g.Arguments);
  });

  it('has the same Transform steps but for the D5 output bucket', () => {
    for (const { g, o } of pairs('Transform')) {
      const strip = (s: Step): unknown => ({
        ...s.Arguments,
        TransformOutput: { ...obj(s.Arguments.TransformOutput), S3OutputPath: '<checked apart>' },
      });
      expect(strip(o)).toEqual(strip(g));
      expect(at(o.Arguments, 'TransformInput', 'ContentType')).toBe(
        at(o.Arguments, 'TransformOutput', 'Accept'),
      );
      if (!Object.hasOwn(ex.transformOutput, o.Name)) {
        expect(at(o.Arguments, 'TransformOutput', 'S3OutputPath')).toEqual(
          at(g.Arguments, 'TransformOutput', 'S3OutputPath'),
        );
      }
    }
  });

  it('has the same training channels (names and S3 URIs, but for C1)', () => {
    for (const { g, o } of pairs('Training')) {
      const fixes = ex.trainingChannels[o.Name] ?? {};
      const expected = list(g.Arguments.InputDataConfig).map((c) => {
        const name = at(c, 'ChannelName') as string;
        if (!Object.hasOwn(fixes, name)) return c;
        const ds = obj(at(c, 'DataSource', 'S3DataSource'));
        return { ...obj(c), DataSource: { S3DataSource: { ...ds, S3Uri: fixes[name] } } };
      });
      expect({ step: o.Name, channels: o.Arguments.InputDataConfig }).toEqual({
        step: o.Name,
        channels: expected,
      });
    }
  });

  it('has the same script-mode hyperparameters (program, log level, region, user values)', () => {
    for (const { g, o } of pairs('Training')) {
      const { sagemaker_submit_directory: ourDir, ...ourRest } = obj(o.Arguments.HyperParameters);
      const { sagemaker_submit_directory: oldDir, ...oldRest } = obj(g.Arguments.HyperParameters);
      expect({ step: o.Name, hp: ourRest }).toEqual({ step: o.Name, hp: oldRest });
      for (const dir of [ourDir, oldDir]) {
        expect(typeof dir).toBe('string');
        expect(JSON.parse(dir as string)).toMatch(codeUri(ex.pipeline, 'sourcedir.tar.gz'));
      }
      expect(plan.artifacts.map((a) => a.s3Uri)).toContain(JSON.parse(ourDir as string));
      expect(o.Arguments.DebugHookConfig).toEqual({
        ...obj(g.Arguments.DebugHookConfig),
        S3OutputPath: `s3://example-bucket/${ex.pipeline}/training/`,
      });
      expect(o.Arguments.ProfilerConfig).toEqual({
        ...obj(g.Arguments.ProfilerConfig),
        S3OutputPath: `s3://example-bucket/${ex.pipeline}/training/`,
      });
      expect(o.Arguments.OutputDataConfig).toEqual({
        S3OutputPath: `s3://example-bucket/${ex.pipeline}/training/`,
      });
    }
  });

  it('C2: ships the files of the entry point folder at the bundle root', () => {
    for (const [step, files] of Object.entries(ex.bundleRoot)) {
      const uri = JSON.parse(
        at(oStep(step).Arguments, 'HyperParameters', 'sagemaker_submit_directory') as string,
      ) as string;
      const artifact = plan.artifacts.find((a) => a.s3Uri === uri)!;
      const root = bundleRootFiles(uploadedBytes(artifact));
      for (const f of files) expect(root).toContain(f);
    }
  });

  it('has the same register settings (containers, content types, instance lists, approval, PIPELINE_ARN)', () => {
    for (const { g, o } of pairs('RegisterModel')) {
      expect(o.Arguments.InferenceSpecification).toEqual(g.Arguments.InferenceSpecification);
      expect(o.Arguments.ModelApprovalStatus).toEqual(g.Arguments.ModelApprovalStatus);
      expect(o.Arguments.SkipModelValidation).toEqual(g.Arguments.SkipModelValidation);
      expect(o.Arguments.CustomerMetadataProperties).toEqual(g.Arguments.CustomerMetadataProperties);
      expect(o.Arguments.CustomerMetadataProperties).toEqual({
        PIPELINE_ARN: { Get: 'Execution.PipelineExecutionArn' },
      });
      const metrics = (s: Step): unknown => {
        const m = s.Arguments.ModelMetrics;
        if (m === undefined) return undefined;
        const stats = obj(at(m, 'ModelQuality', 'Statistics'));
        return { ...obj(m), ModelQuality: { Statistics: { ...stats, S3Uri: '<checked apart>' } } };
      };
      expect({ step: o.Name, metrics: metrics(o) }).toEqual({ step: o.Name, metrics: metrics(g) });
    }
  });

  // ---------------------------------------------------------------- documented old bugs: the contract's value

  it('G1: ModelPackageGroupName is <pipeline>-<model>', () => {
    const registers = ours.Steps.filter((s) => s.Type === 'RegisterModel').map((s) => s.Name);
    expect(registers.sort()).toEqual(Object.keys(ex.groups).sort());
    for (const [step, group] of Object.entries(ex.groups)) {
      expect(oStep(step).Arguments.ModelPackageGroupName).toBe(group);
      expect(group.startsWith(`${ex.pipeline}-`)).toBe(true);
      expect(gStep(step).Arguments.ModelPackageGroupName).toBe(`None-${group.slice(ex.pipeline.length + 1)}`);
      // register_model_service.py sent a placeholder when none is configured; ours names where it came from.
      expect(gStep(step).Arguments.ModelPackageDescription).toMatch(/^Default Model Package Description/);
      expect(oStep(step).Arguments.ModelPackageDescription).toBe(
        `${group.slice(ex.pipeline.length + 1)} registered by pipeline ${ex.pipeline} (step ${step}); set registry.ModelPackageDescription to describe it`,
      );
    }
  });

  it('G2: enable_cache is honoured, cached steps expire after P10D', () => {
    for (const s of ours.Steps) {
      if (ex.cached.includes(s.Name))
        expect({ step: s.Name, c: s.CacheConfig }).toEqual({
          step: s.Name,
          c: { Enabled: true, ExpireAfter: 'P10D' },
        });
      else
        expect({ step: s.Name, enabled: s.CacheConfig?.Enabled ?? false }).toEqual({
          step: s.Name,
          enabled: false,
        });
      if (s.Type === 'Model' || s.Type === 'RegisterModel') expect(s.CacheConfig).toBeUndefined();
    }
    // The table matches the old output: it cached the same steps, plus those whose enable_cache it ignored.
    const oldCached = golden.Steps.filter((s) => s.CacheConfig?.Enabled === true).map((s) => s.Name);
    expect(oldCached.sort()).toEqual([...ex.cached, ...ex.oldCachedAnyway].sort());
    for (const s of golden.Steps) if (s.CacheConfig) expect(s.CacheConfig.ExpireAfter).toBe('10d');
  });

  it('G3: Training steps run in the VPC of SMP_SUBNETS / SMP_SECURITYGROUPS', () => {
    for (const { g, o } of pairs('Training')) {
      expect({ step: o.Name, vpc: o.Arguments.VpcConfig }).toEqual({ step: o.Name, vpc: VPC });
      expect(g.Arguments.VpcConfig).toBeUndefined();
    }
  });

  it('C1: each training channel reads its own dataFile', () => {
    for (const [step, channels] of Object.entries(ex.trainingChannels)) {
      const actual = Object.fromEntries(
        list(oStep(step).Arguments.InputDataConfig).map((c) => [
          at(c, 'ChannelName'),
          at(c, 'DataSource', 'S3DataSource', 'S3Uri'),
        ]),
      );
      expect(actual).toEqual(channels);
    }
  });

  it('D3: the metrics output is at the contract location', () => {
    for (const [step, uri] of Object.entries(ex.metricsOutput)) {
      const outputs = list(at(oStep(step).Arguments, 'ProcessingOutputConfig', 'Outputs'));
      expect(outputs).toHaveLength(1);
      expect(at(outputs[0], 'OutputName')).toBe('model_evaluation_metrics');
      expect(at(outputs[0], 'S3Output', 'S3Uri')).toEqual(uri);
    }
  });

  it('D4: ModelQuality statistics are <metrics output>/model_evaluation_metrics.json', () => {
    const withMetrics = ours.Steps.filter((s) => s.Arguments.ModelMetrics !== undefined).map((s) => s.Name);
    expect(withMetrics.sort()).toEqual(Object.keys(ex.modelQuality).sort());
    for (const [step, uri] of Object.entries(ex.modelQuality)) {
      expect(at(oStep(step).Arguments, 'ModelMetrics', 'ModelQuality', 'Statistics', 'S3Uri')).toEqual(uri);
    }
  });

  it('D5: transform output is under SMP_S3BUCKETNAME', () => {
    const transforms = ours.Steps.filter((s) => s.Type === 'Transform').map((s) => s.Name);
    expect(transforms.sort()).toEqual(Object.keys(ex.transformOutput).sort());
    for (const [step, uri] of Object.entries(ex.transformOutput)) {
      expect(at(oStep(step).Arguments, 'TransformOutput', 'S3OutputPath')).toEqual(uri);
    }
  });
});
