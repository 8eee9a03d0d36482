// Migration fidelity (issue 11): configs the old framework builds compile the way it compiled them. Expectations
// come from the old framework's code (aws-samples/dynamic-sagemaker-pipelines-framework 0499913: processing/
// processing_service.py, training/training_service.py, pipeline/helper.py, createmodel/create_model_service.py,
// registermodel/register_model_service.py), and for the older layout from examples/tf, whose definition
// seed-golden.test.ts compares with the old framework's own output.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compileProject } from '../../../src/compile/compile.js';
import type { Artifact, DefinitionStep, Plan } from '../../../src/compile/types.js';
import type { Diagnostic } from '../../../src/config/diagnostics.js';
import { loadProject } from '../../../src/config/load.js';
import { migrateText } from '../../../src/config/migrate.js';
import { TEST_ENV } from '../../helpers/workspace.js';
import { uploadedBytes } from '../../helpers/artifacts.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURES = path.join(REPO, '__tests__', 'fixtures', 'migration');

type Obj = Record<string, unknown>;

const temps: string[] = [];
afterAll(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'smp-migration-'));
  temps.push(d);
  return d;
}

interface Planned {
  readonly plan: Plan | undefined;
  readonly diagnostics: readonly Diagnostic[];
  step(name: string): DefinitionStep;
  args(name: string): Obj;
  artifact(uri: unknown): Artifact;
}

function plan(workspace: string, glob: string, env: Readonly<Record<string, string>> = TEST_ENV): Planned {
  const loaded = loadProject({ workspace, globs: [glob], env, allowPlaceholders: false });
  const compiled = loaded.config ? compileProject(loaded.config) : undefined;
  const diagnostics = [...loaded.diagnostics, ...(compiled?.diagnostics ?? [])];
  const p = compiled?.plan;
  const step = (name: string): DefinitionStep => {
    const s = p?.definition.Steps.find((x) => x.Name === name);
    if (!s) throw new Error(`no step ${name}: ${diagnostics.map((d) => d.message).join('\n')}`);
    return s;
  };
  return {
    plan: p,
    diagnostics,
    step,
    args: (name) => step(name).Arguments as Obj,
    artifact: (uri) => {
      const a = p?.artifacts.find((x) => x.s3Uri === uri);
      if (!a) throw new Error(`no artifact ${String(uri)}`);
      return a;
    },
  };
}

const errors = (p: Planned): Diagnostic[] => p.diagnostics.filter((d) => d.severity === 'error');
const codes = (p: Planned): string[] => p.diagnostics.map((d) => d.code);

interface Input {
  name: string;
  local: string;
  uri: unknown;
}
const inputs = (p: Planned, step: string): Input[] =>
  (p.args(step).ProcessingInputs as { InputName: string; S3Input: { LocalPath: string; S3Uri: unknown } }[])
    .filter((i) => i.InputName !== 'code' && i.InputName !== 'entrypoint')
    .map((i) => ({ name: i.InputName, local: i.S3Input.LocalPath, uri: i.S3Input.S3Uri }));
const channels = (p: Planned, step: string): { name: string; uri: unknown }[] =>
  (
    p.args(step).InputDataConfig as {
      ChannelName: string;
      DataSource: { S3DataSource: { S3Uri: unknown } };
    }[]
  ).map((c) => ({ name: c.ChannelName, uri: c.DataSource.S3DataSource.S3Uri }));
const outputsGet = (step: string, out: string): Obj => ({
  Get: `Steps.${step}.ProcessingOutputConfig.Outputs['${out}'].S3Output.S3Uri`,
});

/** The files of a tar.gz artifact, path → text (extracted with the system tar). */
function untar(a: Artifact): Record<string, string> {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'a.tar.gz'), uploadedBytes(a));
  mkdirSync(path.join(dir, 'x'));
  const r = spawnSync('tar', ['-xzf', path.join(dir, 'a.tar.gz'), '-C', path.join(dir, 'x')], {
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  const list = spawnSync('tar', ['-tzf', path.join(dir, 'a.tar.gz')], { encoding: 'utf8' }).stdout;
  const out: Record<string, string> = {};
  for (const f of list.split('\n').filter((l) => l && !l.endsWith('/'))) {
    out[f] = readFileSync(path.join(dir, 'x', f), 'utf8');
  }
  return out;
}

// ------------------------------------------------------------------------------------------ step_type

describe('Processing step_type: postprocess, chained from a Transform (processing_service.py)', () => {
  const p = plan(path.join(FIXTURES, 'inference'), 'conf/conf.yaml');
  const post = 'calhousing-Postprocessing';

  it('plans without errors, and the extra section is no unknown key', () => {
    expect(errors(p)).toEqual([]);
    expect(codes(p)).not.toContain('unknown-key');
  });

  it('runs the postprocess section: its image, instance type and entry point', () => {
    const a = p.args(post);
    expect(a.AppSpecification).toMatchObject({
      ImageUri: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3',
    });
    expect(a.ProcessingResources).toEqual({
      ClusterConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 32 },
    });
    expect(a.StoppingCondition).toEqual({ MaxRuntimeInSeconds: 3000 });
    const launcher = (a.ProcessingInputs as { InputName: string; S3Input: { S3Uri: string } }[]).find(
      (i) => i.InputName === 'entrypoint',
    );
    const text = new TextDecoder().decode(uploadedBytes(p.artifact(launcher?.S3Input.S3Uri)));
    expect(text).toContain("exec python -m 'postprocess' 'postprocess.py' \"$@\"");
  });

  it("chained input: one per channel of the model's transform section, <source>-input-<channel>", () => {
    // _get_chain_input: source step_type of a Transform is "transform"; its channels are this model's
    // transform.channels (here `inference`), not the postprocess section's (`report`).
    expect(inputs(p, post)).toEqual([
      {
        name: 'raw_data',
        local: '/opt/ml/processing/input/raw_data',
        uri: 's3://example-bucket/housing/inferencedata/20240101',
      },
      {
        name: 'calhousing-Transform-input-inference',
        local: '/opt/ml/processing/input/calhousing-Transform-input-inference',
        uri: { Get: 'Steps.calhousing-Transform.TransformOutput.S3OutputPath' },
      },
    ]);
  });

  it('writes one output per channel of its own section, from /opt/ml/processing/output/<channel>', () => {
    const outs = (p.args(post).ProcessingOutputConfig as { Outputs: Obj[] }).Outputs;
    expect(outs.map((o) => [o.OutputName, (o.S3Output as Obj).LocalPath])).toEqual([
      ['report', '/opt/ml/processing/output/report'],
    ]);
  });

  it('a step_type naming no section of the model is an error at step_type, with a suggestion', () => {
    const ws = tempDir();
    cpSync(path.join(FIXTURES, 'inference'), ws, { recursive: true });
    const conf = path.join(ws, 'conf/conf.yaml');
    const text = readFileSync(conf, 'utf8');
    writeFileSync(conf, text.replace('    step_type: postprocess', '    step_type: postproces'));
    const bad = plan(ws, 'conf/conf.yaml');
    const e = errors(bad);
    expect(e.map((d) => d.code)).toEqual(['missing-section']);
    expect(e[0]?.loc?.line).toBe(
      text.split('\n').findIndex((l) => l.includes('    step_type: postprocess')) + 1,
    );
    expect(e[0]?.message).toContain('conf.models.calhousing.postproces');
    expect(e[0]?.message).toContain('did you mean `postprocess`');
  });
});

describe('step_type is data, never a key lookup on an object', () => {
  it('__proto__, constructor and toString are clean missing-section errors', () => {
    const ws = tempDir();
    mkdirSync(path.join(ws, 'conf'));
    mkdirSync(path.join(ws, 'code'));
    writeFileSync(path.join(ws, 'code/p.py'), 'print(1)\n');
    writeFileSync(
      path.join(ws, 'conf/conf.yaml'),
      `conf:
  models:
    m:
      source_directory: code
      preprocess: {image_uri: i, entry_point: p.py}
  sagemakerPipeline:
    pipelineName: p
    models:
      m:
        steps:
          - {step_name: a, step_class: Processing, step_type: __proto__}
          - {step_name: b, step_class: Processing, step_type: constructor}
          - {step_name: c, step_class: Training, step_type: toString}
`,
    );
    const p = plan(ws, 'conf/conf.yaml');
    expect(errors(p).map((d) => [d.code, d.loc?.line])).toEqual([
      ['missing-section', 11],
      ['missing-section', 12],
      ['missing-section', 13],
    ]);
  });
});

describe('Training step_type: a second training section (training_service.py)', () => {
  const p = plan(path.join(FIXTURES, 'finetune'), 'conf/conf.yaml');
  const ft = 'shop-Finetune';

  it('plans without errors; the space in a training sourceName is not checked (training never reads it)', () => {
    expect(errors(p)).toEqual([]);
    expect(codes(p)).not.toContain('unknown-key');
    expect(codes(p)).not.toContain('ignored-step-type');
  });

  it('compiles the finetune job from the finetune section, not from train', () => {
    const a = p.args(ft);
    expect(a.AlgorithmSpecification).toEqual({
      TrainingInputMode: 'File',
      TrainingImage: '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.0.0-gpu-py310',
    });
    expect(a.ResourceConfig).toEqual({ VolumeSizeInGB: 100, InstanceCount: 2, InstanceType: 'ml.g5.xlarge' });
    expect(a.StoppingCondition).toEqual({ MaxRuntimeInSeconds: 7200 });
    expect(a.Environment).toEqual({ STAGE: 'finetune' });
    const hp = a.HyperParameters as Record<string, string>;
    expect(hp.learning_rate).toBe('0.0001');
    expect(hp).not.toHaveProperty('epochs');
    expect(hp.sagemaker_program).toBe('"tune.py"');
    const bundle = untar(p.artifact(JSON.parse(hp.sagemaker_submit_directory ?? '""')));
    expect(bundle['tune.py']).toBe('print("tune")\n');
    expect(bundle['requirements.txt']).toBe('peft==0.10.0\n');
  });

  it("channels: its own, then <source>-<channel> per source, channels from this model's sections", () => {
    // Preprocessing source: the preprocess section's channels; Training source: always the `train` section's
    // (look_up_step_type_from_step_name returns "train" for any Training step), default `train`.
    expect(channels(p, ft)).toEqual([
      { name: 'tune', uri: 's3://example-bucket/shop/tune' },
      { name: 'shop-Preprocessing-train', uri: outputsGet('shop-Preprocessing', 'train') },
      { name: 'shop-Preprocessing-validation', uri: outputsGet('shop-Preprocessing', 'validation') },
      { name: 'shop-Training-train', uri: { Get: 'Steps.shop-Training.ModelArtifacts.S3ModelArtifacts' } },
    ]);
    expect(channels(p, 'shop-Training')).toEqual([
      { name: 'train', uri: 's3://example-bucket/shop/train' },
      { name: 'shop-Preprocessing-train', uri: outputsGet('shop-Preprocessing', 'train') },
      { name: 'shop-Preprocessing-validation', uri: outputsGet('shop-Preprocessing', 'validation') },
    ]);
    expect((p.args('shop-Training').HyperParameters as Obj).epochs).toBe('10');
  });

  it('later steps use the last training (model_unit.py: train_step is the latest)', () => {
    expect((p.args('shop-CreateModel').PrimaryContainer as Obj).ModelDataUrl).toEqual({
      Get: 'Steps.shop-Finetune.ModelArtifacts.S3ModelArtifacts',
    });
  });

  it("the old template's values on a Training step (`training`, `transform`) still mean the train section", () => {
    const ws = tempDir();
    cpSync(path.join(FIXTURES, 'finetune'), ws, { recursive: true });
    const conf = path.join(ws, 'conf/conf.yaml');
    const text = readFileSync(conf, 'utf8');
    writeFileSync(
      conf,
      text.replace(
        '- step_name: shop-Training\n            step_class: Training\n',
        '- step_name: shop-Training\n            step_class: Training\n            step_type: transform\n',
      ),
    );
    expect(readFileSync(conf, 'utf8')).toContain('step_type: transform');
    const q = plan(ws, 'conf/conf.yaml');
    expect(errors(q)).toEqual([]);
    expect(q.args('shop-Training')).toEqual(p.args('shop-Training'));
  });

  it('a sourceName with a space is an error where it names a ProcessingInput, at its line', () => {
    const ws = tempDir();
    cpSync(path.join(FIXTURES, 'finetune'), ws, { recursive: true });
    const conf = path.join(ws, 'conf/conf.yaml');
    const text = readFileSync(conf, 'utf8').replace('- sourceName: raw\n', '- sourceName: raw data\n');
    writeFileSync(conf, text);
    const bad = plan(ws, 'conf/conf.yaml');
    expect(errors(bad).map((d) => [d.code, d.loc?.line])).toEqual([
      ['bad-input-name', text.split('\n').findIndex((l) => l.includes('sourceName: raw data')) + 2],
    ]);
  });
});

// ------------------------------------------------------------------------------------------ repack

describe('ModelRepack "True" with a nested entry point (create_model_service.py)', () => {
  const p = plan(path.join(FIXTURES, 'inference'), 'conf/conf.yaml');
  const code = (): Record<string, string> => {
    const repack = channels(p, 'calhousing-CreateModel-RepackModel');
    return untar(p.artifact(repack.find((c) => c.name === 'code')?.uri));
  };

  it('SAGEMAKER_PROGRAM is the entry point in module form, as the old framework set it', () => {
    const env = (p.args('calhousing-CreateModel').PrimaryContainer as { Environment: Obj }).Environment;
    expect(env.SAGEMAKER_PROGRAM).toBe('serve.inference');
    expect(env.SAGEMAKER_SUBMIT_DIRECTORY).toBe('/opt/ml/model/code');
  });

  it('code/ holds the whole source_directory (the old layout: `from serve import helpers` works)', () => {
    const files = code();
    for (const f of [
      'serve/__init__.py',
      'serve/inference.py',
      'serve/helpers.py',
      'serve/util.py',
      'preprocess.py',
      'postprocess.py',
      'train.py',
      'requirements.txt',
    ])
      expect(Object.keys(files)).toContain(f);
    expect(files['serve/inference.py']).toContain('from serve import helpers');
  });

  it("and the entry folder's files at the root too (smp's earlier layout), the source tree winning clashes", () => {
    const files = code();
    expect(files['inference.py']).toBe(files['serve/inference.py']);
    expect(files['helpers.py']).toBe(files['serve/helpers.py']);
    // util.py exists at the source root and in serve/: the root file is the old layout's, so it stays.
    expect(files['util.py']).toContain('ROOT = True');
    expect(files['serve/util.py']).toBe('ROOT = False\n');
  });
});

describe('ModelRepack "True" without transform.entry_point (the old default `inference.py`)', () => {
  it('packs the whole source_directory with program `inference`, checking no file, as the old framework', () => {
    const ws = tempDir();
    cpSync(path.join(FIXTURES, 'inference'), ws, { recursive: true });
    const conf = path.join(ws, 'conf/conf.yaml');
    writeFileSync(conf, readFileSync(conf, 'utf8').replace('        entry_point: serve/inference.py\n', ''));
    const p = plan(ws, 'conf/conf.yaml');
    expect(errors(p)).toEqual([]);
    const env = (p.args('calhousing-CreateModel').PrimaryContainer as { Environment: Obj }).Environment;
    expect(env.SAGEMAKER_PROGRAM).toBe('inference');
    const repack = channels(p, 'calhousing-CreateModel-RepackModel');
    const files = Object.keys(untar(p.artifact(repack.find((c) => c.name === 'code')?.uri)));
    expect(files).toContain('serve/inference.py');
    expect(files).not.toContain('inference.py');
  });
});

// ------------------------------------------------------------------------------------------ older layout

describe('the older layout conf.models.modelContainer.<model>', () => {
  const legacyRel = '__tests__/fixtures/migration/legacy-tf/conf.yaml';
  const legacy = plan(REPO, legacyRel);
  const current = plan(REPO, 'examples/tf/conf/conf.yaml');

  it('plans with one warning naming the layout and how to flatten it', () => {
    expect(errors(legacy)).toEqual([]);
    const w = legacy.diagnostics.filter((d) => d.code === 'legacy-model-container');
    expect(w).toHaveLength(1);
    expect(w[0]?.loc).toMatchObject({ file: legacyRel, line: 7, col: 9 });
    expect(w[0]?.message).toContain('conf.models.modelContainer.<model>');
    expect(w[0]?.message).toContain('smp migrate --write');
    expect(w[0]?.message).toContain('(calhousing)');
    expect(codes(legacy)).not.toContain('bare-channel');
  });

  it('gives exactly the definition of examples/tf (the bare transform channel means `train`)', () => {
    expect(legacy.plan?.definition).toEqual(current.plan?.definition);
    expect(legacy.plan?.definition.Steps.length).toBe(6);
  });

  it('`smp migrate` rewrites it to the current layout, keeping comments and every other line', () => {
    const text = readFileSync(path.join(REPO, legacyRel), 'utf8');
    const out = migrateText(text);
    expect(out?.models).toEqual(['calhousing']);
    const migrated = out?.text ?? '';
    expect(migrated).not.toContain('modelContainer:');
    expect(migrated).toContain(
      '        # the older layout\n        calhousing:\n            source_directory:',
    );
    // Lines outside the moved block are byte-identical, the key's comment keeps its line, and inside the block
    // each line lost exactly 4 spaces.
    const before = text.split('\n');
    const after = migrated.split('\n');
    const start = before.findIndex((l) => l.includes('modelContainer:'));
    const end = before.findIndex((l) => l.startsWith('    sagemakerPipeline:'));
    expect(after.slice(0, start)).toEqual(before.slice(0, start));
    expect(after[start]).toBe('        # the older layout');
    expect(after.slice(end)).toEqual(before.slice(end));
    for (let i = start + 1; i < end; i++) {
      const l = before[i] ?? '';
      expect(after[i]).toBe(l.trim() === '' ? l : l.slice(4));
    }
    expect(migrateText(migrated)).toBeUndefined();
  });

  it('after `smp migrate --write` it plans to the same definition, without the warning', () => {
    const ws = tempDir();
    cpSync(path.join(REPO, 'examples/tf/modelscripts'), path.join(ws, 'examples/tf/modelscripts'), {
      recursive: true,
    });
    mkdirSync(path.join(ws, 'conf'));
    const text = readFileSync(path.join(REPO, legacyRel), 'utf8');
    writeFileSync(path.join(ws, 'conf/conf.yaml'), migrateText(text)?.text ?? '');
    const migrated = plan(ws, 'conf/conf.yaml');
    expect(errors(migrated)).toEqual([]);
    expect(codes(migrated)).not.toContain('legacy-model-container');
    expect(migrated.plan?.definition).toEqual(legacy.plan?.definition);
  });

  it('migrates JSON and flow-style files too, and leaves current-layout files alone', () => {
    const json = `{\n    "conf": {\n        "models": {\n            "modelContainer": {\n                "m": {"source_directory": "src"}\n            }\n        }\n    }\n}\n`;
    expect(JSON.parse(migrateText(json)?.text ?? '')).toEqual({
      conf: { models: { m: { source_directory: 'src' } } },
    });
    expect(migrateText(json)?.text).toContain('\n    "conf": {');
    const flow = 'conf:\n  models: {modelContainer: {m: {source_directory: src}}}  # flow\n';
    const migratedFlow = migrateText(flow)?.text ?? '';
    expect(migratedFlow).toContain('# flow');
    expect(migrateText(migratedFlow)).toBeUndefined();
    expect(migrateText(readFileSync(path.join(REPO, 'examples/tf/conf/conf.yaml'), 'utf8'))).toBeUndefined();
    // A model really named modelContainer (it has a source_directory) is no older layout.
    expect(
      migrateText('conf:\n  models:\n    modelContainer:\n      source_directory: src\n'),
    ).toBeUndefined();
  });
});

// ------------------------------------------------------------------------------------------ group names

describe('model package group names (register_model_service.py)', () => {
  const withProject = { ...TEST_ENV, SMP_PROJECTNAME: 'housing' };

  it('with SMP_PROJECTNAME set, warns that the group changed and what keeps the old one', () => {
    const p = plan(path.join(FIXTURES, 'finetune'), 'conf/conf.yaml', withProject);
    const w = p.diagnostics.filter((d) => d.code === 'group-name-changed');
    expect(w).toHaveLength(1);
    expect(w[0]?.message).toContain('`housing-shop` (<SMP_PROJECTNAME>-<model>)');
    expect(w[0]?.message).toContain('`shop-finetune-shop`');
    expect(w[0]?.message).toContain('set ModelPackageGroupName: housing-shop');
    expect(p.args('shop-Register').ModelPackageGroupName).toBe('shop-finetune-shop');
  });

  it('says nothing without SMP_PROJECTNAME, or when ModelPackageGroupName is set', () => {
    expect(codes(plan(path.join(FIXTURES, 'finetune'), 'conf/conf.yaml'))).not.toContain(
      'group-name-changed',
    );
    const ws = tempDir();
    cpSync(path.join(FIXTURES, 'finetune'), ws, { recursive: true });
    const conf = path.join(ws, 'conf/conf.yaml');
    writeFileSync(
      conf,
      readFileSync(conf, 'utf8').replace(
        'ModelRepack: "False"',
        'ModelRepack: "False"\n        ModelPackageGroupName: housing-shop',
      ),
    );
    const p = plan(ws, 'conf/conf.yaml', withProject);
    expect(codes(p)).not.toContain('group-name-changed');
    expect(p.args('shop-Register').ModelPackageGroupName).toBe('housing-shop');
  });

  it('sends a ModelPackageDescription when none is configured (the old framework sent a placeholder)', () => {
    const p = plan(path.join(FIXTURES, 'finetune'), 'conf/conf.yaml');
    expect(p.args('shop-Register').ModelPackageDescription).toBe(
      'shop registered by pipeline shop-finetune (step shop-Register); set registry.ModelPackageDescription to describe it',
    );
  });
});
