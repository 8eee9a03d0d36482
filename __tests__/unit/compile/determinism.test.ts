// Determinism of the compile phase: the same inputs give the same definition and the same artifact bytes,
// whatever the absolute path of the workspace, the file mtimes or the order the config files are named in; and a
// change to one model's code changes only that model's code URIs. The bundled CLI (dist/cli.js) must write
// identical plan files on every run, holding the configured steps and bundles of exactly the model's files.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { uploadedBytes } from '../../helpers/artifacts.js';
import { compileProject } from '../../../src/compile/compile.js';
import type { Artifact, DefinitionStep, Plan } from '../../../src/compile/types.js';
import { loadProject } from '../../../src/config/load.js';
import { makeWorkspace } from '../../helpers/workspace.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = path.join(REPO, 'dist', 'cli.js');

const ENV = {
  SMP_S3BUCKETNAME: 'example-bucket',
  SMP_ROLE: 'arn:aws:iam::111122223333:role/SageMakerExecution',
  SMP_REGION: 'us-east-1',
  SMP_ACCOUNTID: '111122223333',
  SMP_SUBNETS: 'subnet-0aaa1111,subnet-0bbb2222',
  SMP_SECURITYGROUPS: 'sg-0ccc3333',
} as const;

// Two models in two files. Model a: a full unit, training entry point in a subfolder, ModelRepack "True" (so
// the plan also holds the repack program). Model b: reads a's model artifact (cross-model chain), trains,
// registers without repack.
const A_CONF = `conf:
  models:
    a:
      source_directory: a/src
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
        entry_point: train/fit.py
        hyperparams:
          epochs: 6
          objective: binary:logistic
      transform:
        entry_point: inference.py
      evaluate:
        image_uri: img:1
        entry_point: evaluate.py
        channels: train
      registry:
        ModelRepack: "True"
        InferenceSpecification:
          image_uri: inf:1
  sagemakerPipeline:
    pipelineName: det-test
    models:
      a:
        steps:
          - step_name: a-prep
            step_class: Processing
            step_type: preprocess
            enable_cache: True
          - step_name: a-train
            step_class: Training
            enable_cache: True
            chain_input_source_step: [a-prep]
          - step_name: a-create
            step_class: CreateModel
          - step_name: a-transform
            step_class: Transform
            chain_input_source_step: [a-prep]
            chain_input_additional_prefix: test/x.csv
          - step_name: a-metrics
            step_class: Metrics
            chain_input_source_step: [a-prep, a-transform]
          - step_name: a-register
            step_class: RegisterModel
      b:
        steps:
          - step_name: b-prep
            step_class: Processing
            step_type: preprocess
            enable_cache: True
            chain_input_source_step: [a-train]
          - step_name: b-train
            step_class: Training
            enable_cache: True
            chain_input_source_step: [b-prep]
          - step_name: b-register
            step_class: RegisterModel
    dependencies:
      - a-prep >> a-train >> a-create >> a-transform >> a-metrics >> a-register
      - b-prep >> b-train >> b-register
      - a-register >> b-register
`;

const B_CONF = `conf:
  models:
    b:
      source_directory: b/src
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
      registry:
        ModelRepack: "False"
        InferenceSpecification:
          image_uri: inf:1
`;

const FILES: Record<string, string> = {
  'a/conf/conf.yaml': A_CONF,
  'a/src/prep.py': 'print("prep a")\n',
  'a/src/train/fit.py': 'print("fit a")\n',
  'a/src/train/requirements.txt': 'lightgbm\n',
  'a/src/inference.py': 'def model_fn(d):\n    return d\n',
  'a/src/evaluate.py': 'print("eval a")\n',
  'a/src/requirements.txt': 'numpy\n',
  'a/src/lib/util.py': 'X = 1\n',
  'b/conf/conf.yaml': B_CONF,
  'b/src/prep.py': 'print("prep b")\n',
  'b/src/train.py': 'print("train b")\n',
  'b/src/inference.py': 'def model_fn(d):\n    return d\n',
};

const GLOBS = ['a/conf/conf.yaml', 'b/conf/conf.yaml'];

const temps: string[] = [];
afterAll(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

function workspace(files: Record<string, string> = FILES): string {
  const ws = makeWorkspace(files);
  temps.push(ws);
  return ws;
}

function tempDir(prefix: string): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(d);
  return d;
}

function compile(ws: string, globs: readonly string[] = GLOBS, env: Record<string, string> = ENV): Plan {
  const loaded = loadProject({ workspace: ws, globs, env, allowPlaceholders: false });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const compiled = compileProject(loaded.config!);
  expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return compiled.plan!;
}

/** What an artifact is, byte for byte, as comparable data. */
function artifactFacts(a: Artifact): unknown {
  return {
    kind: a.kind,
    s3Uri: a.s3Uri,
    key: a.key,
    contentSha256: a.contentSha256,
    bytes: a.bytes,
    uploaded: uploadedBytes(a).toString('base64'),
  };
}

function expectSamePlan(one: Plan, two: Plan): void {
  expect(two.definitionJson).toBe(one.definitionJson);
  expect(JSON.stringify(two.definition)).toBe(JSON.stringify(one.definition));
  expect(two.artifacts.map(artifactFacts)).toEqual(one.artifacts.map(artifactFacts));
}

const stepsOf = (plan: Plan, model: string): DefinitionStep[] =>
  plan.definition.Steps.filter((s) => plan.origins.get(s.Name)?.model === model);

const SOURCEDIR = /s3:\/\/example-bucket\/det-test\/code\/[0-9a-f]{64}\/sourcedir\.tar\.gz/g;
const sourcedirUris = (v: unknown): string[] => [...new Set(JSON.stringify(v).match(SOURCEDIR) ?? [])].sort();

describe('compile determinism', () => {
  it('compiles the same workspace twice to the same definition and artifact bytes', () => {
    const ws = workspace();
    const one = compile(ws);
    const two = compile(ws);
    expectSamePlan(one, two);
    expect(one.artifacts.length).toBeGreaterThan(0);
  });

  it('addresses every artifact by the sha256 of its uncompressed content, under <pipeline>/code/<sha256>/', () => {
    const plan = compile(workspace());
    for (const a of plan.artifacts) {
      // The key's hash is the tar's (or the script's), so another zlib build cannot change the key.
      const uploaded = uploadedBytes(a);
      const raw = a.key.endsWith('.gz') ? gunzipSync(uploaded) : uploaded;
      expect(createHash('sha256').update(raw).digest('hex')).toBe(a.contentSha256);
      expect(a.bytes).toBe(raw.length);
      expect(a.key).toMatch(
        new RegExp(`^det-test/code/${a.contentSha256}/(sourcedir\\.tar\\.gz|runproc\\.sh)$`),
      );
      expect(a.s3Uri).toBe(`s3://example-bucket/${a.key}`);
    }
    // Every code URI in the definition is a plan artifact, and every artifact is used.
    const uris = new Set(plan.artifacts.map((a) => a.s3Uri));
    const inDefinition = [
      ...new Set(plan.definitionJson.match(/s3:\/\/example-bucket\/det-test\/code\/[^"\\]+/g) ?? []),
    ];
    expect(inDefinition.sort()).toEqual([...uris].sort());
  });

  it('gives the same definition for a copy of the workspace at another absolute path', () => {
    const ws = workspace();
    const copy = path.join(tempDir('smp-det-copy-'), 'elsewhere', 'checkout');
    cpSync(ws, copy, { recursive: true });
    expect(copy).not.toBe(ws);
    expectSamePlan(compile(ws), compile(copy));
  });

  it('ignores file mtimes', () => {
    const ws = workspace();
    const before = compile(ws);
    const walk = (dir: string, when: Date): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p, when);
        utimesSync(p, when, when);
      }
    };
    walk(ws, new Date('2001-02-03T04:05:06Z'));
    const after = compile(ws);
    expectSamePlan(before, after);
    walk(ws, new Date());
    expectSamePlan(before, compile(ws));
  });

  it('does not depend on the order the config files are named in', () => {
    const ws = workspace();
    expectSamePlan(compile(ws, GLOBS), compile(ws, [...GLOBS].reverse()));
  });

  it('changes only the changed model’s code URIs when one byte of its code changes', () => {
    const ws = workspace();
    const before = compile(ws);
    const file = path.join(ws, 'a/src/lib/util.py');
    const bytes = readFileSync(file);
    bytes[bytes.length - 2] = '2'.charCodeAt(0); // X = 1 → X = 2
    writeFileSync(file, bytes);
    const after = compile(ws);

    // The other model's steps are byte-identical, and so are the artifacts they use.
    expect(stepsOf(before, 'b').length).toBeGreaterThan(0);
    expect(JSON.stringify(stepsOf(after, 'b'))).toBe(JSON.stringify(stepsOf(before, 'b')));
    const bArtifacts = (plan: Plan): unknown[] => {
      const used = new Set(sourcedirUris(stepsOf(plan, 'b')));
      return plan.artifacts.filter((a) => used.has(a.s3Uri)).map(artifactFacts);
    };
    expect(bArtifacts(before).length).toBeGreaterThan(0);
    expect(bArtifacts(after)).toEqual(bArtifacts(before));

    // Model a: the same steps but for its code bundle URIs, each of which changed.
    const aBefore = stepsOf(before, 'a');
    const aAfter = stepsOf(after, 'a');
    expect(aAfter.map((s) => s.Name)).toEqual(aBefore.map((s) => s.Name));
    const blank = (steps: DefinitionStep[]): string =>
      JSON.stringify(steps).replace(SOURCEDIR, 's3://example-bucket/det-test/code/<H>/sourcedir.tar.gz');
    expect(blank(aAfter)).toBe(blank(aBefore));
    const kindOf = (plan: Plan, uri: string): string | undefined =>
      plan.artifacts.find((a) => a.s3Uri === uri)?.kind;
    const modelBundles = (plan: Plan): string[] =>
      sourcedirUris(stepsOf(plan, 'a')).filter((u) => kindOf(plan, u) === 'source-bundle');
    expect(modelBundles(before).length).toBeGreaterThan(0);
    expect(modelBundles(after).length).toBe(modelBundles(before).length);
    for (const uri of modelBundles(before)) expect(modelBundles(after)).not.toContain(uri);
    // Code that is not the model's (the repack program, the runproc.sh launchers) keeps its key.
    const others = (plan: Plan): unknown[] =>
      plan.artifacts.filter((a) => a.kind !== 'source-bundle').map(artifactFacts);
    expect(others(after)).toEqual(others(before));
    for (const s of aBefore) {
      const changed = JSON.stringify(aAfter.find((x) => x.Name === s.Name)) !== JSON.stringify(s);
      expect({ step: s.Name, changed }).toEqual({
        step: s.Name,
        changed: sourcedirUris(s).some((u) => kindOf(before, u) === 'source-bundle'),
      });
    }
  });

  it.each([
    ['lgbm', ['examples/lgbm/conf/conf.yaml']],
    ['llm-text-summarization', ['examples/llm-text-summarization/conf/conf.yaml']],
    ['multi-model-example', ['examples/multi-model-example/*/conf/conf-multi-model.yaml']],
    ['tf', ['examples/tf/conf/conf.yaml']],
  ])('compiles examples/%s twice to the same plan', (_name, globs) => {
    expectSamePlan(compile(REPO, globs), compile(REPO, globs));
  });
});

// ------------------------------------------------------------------------------------------ the CLI

/** process.env without SMP_* variables, plus the settings. */
function cliEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('SMP_')) env[k] = v;
  return { ...env, ...ENV };
}

/** Every file under dir, relative path → bytes (base64). */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) walk(r);
      else out[r] = readFileSync(path.join(dir, r)).toString('base64');
    }
  };
  walk('');
  return out;
}

describe('smp plan --out (dist/cli.js)', () => {
  function plan(ws: string, out: string): void {
    const args = [CLI, 'plan', ...GLOBS.flatMap((g) => ['--config', g]), '--workspace', ws, '--out', out];
    const r = spawnSync(process.execPath, args, { env: cliEnv(), encoding: 'utf8', timeout: 20_000 });
    expect({ status: r.status, errors: r.stderr.split('\n').filter((l) => /\berror:/.test(l)) }).toEqual({
      status: 0,
      errors: [],
    });
  }

  it('writes identical definition.json, artifacts.json and artifact files on every run', () => {
    if (!existsSync(CLI)) throw new Error(`${path.relative(REPO, CLI)} is missing: run \`npm run build\``);
    const ws = workspace();
    const one = path.join(tempDir('smp-det-cli-'), 'plan');
    const two = path.join(tempDir('smp-det-cli-'), 'plan');
    plan(ws, one);
    plan(ws, two);
    for (const f of ['definition.json', 'artifacts.json']) {
      expect(statSync(path.join(one, f)).isFile()).toBe(true);
      expect(readFileSync(path.join(two, f), 'utf8')).toBe(readFileSync(path.join(one, f), 'utf8'));
    }
    const files = tree(path.join(one, 'artifacts'));
    expect(Object.keys(files).length).toBeGreaterThan(0);
    expect(tree(path.join(two, 'artifacts'))).toEqual(files);

    // A third run over a copy of the workspace elsewhere, into the first folder again, changes nothing.
    const copy = path.join(tempDir('smp-det-cli-ws-'), 'other');
    cpSync(ws, copy, { recursive: true });
    const definition = readFileSync(path.join(one, 'definition.json'), 'utf8');
    const artifacts = readFileSync(path.join(one, 'artifacts.json'), 'utf8');
    plan(copy, one);
    expect(readFileSync(path.join(one, 'definition.json'), 'utf8')).toBe(definition);
    expect(readFileSync(path.join(one, 'artifacts.json'), 'utf8')).toBe(artifacts);
    expect(tree(path.join(one, 'artifacts'))).toEqual(files);
  });

  it('writes the configured steps, and code bundles that hold exactly the model’s files', () => {
    const ws = workspace();
    const out = path.join(tempDir('smp-det-cli-'), 'plan');
    plan(ws, out);
    const def = JSON.parse(readFileSync(path.join(out, 'definition.json'), 'utf8')) as {
      Steps: { Name: string }[];
    };
    // A_CONF's steps in order, with the -RepackModel step model a's ModelRepack "True" puts before a-create.
    expect(def.Steps.map((s) => s.Name)).toEqual([
      'a-prep',
      'a-train',
      'a-create-RepackModel',
      'a-create',
      'a-transform',
      'a-metrics',
      'a-register',
      'b-prep',
      'b-train',
      'b-register',
    ]);
    const listed = JSON.parse(readFileSync(path.join(out, 'artifacts.json'), 'utf8')) as {
      s3Uri: string;
      contentSha256: string;
      bytes: number;
      localPath: string;
      packedSha256: string;
      packedBytes: number;
    }[];
    for (const a of listed) {
      const written = readFileSync(path.join(out, a.localPath));
      expect(createHash('sha256').update(written).digest('hex')).toBe(a.packedSha256);
      expect(written.length).toBe(a.packedBytes);
      const raw = a.localPath.endsWith('.gz') ? gunzipSync(written) : written;
      expect(createHash('sha256').update(raw).digest('hex')).toBe(a.contentSha256);
      expect(raw.length).toBe(a.bytes);
      expect(a.s3Uri).toMatch(new RegExp(`^s3://example-bucket/det-test/code/${a.contentSha256}/`));
    }
    // b-train's code bundle is b/src as written (b's entry point is at its root).
    const bTrain = JSON.stringify(def.Steps.find((s) => s.Name === 'b-train'));
    const uris = sourcedirUris(bTrain);
    expect(uris).toHaveLength(1);
    const bundle = listed.find((a) => a.s3Uri === uris[0])!;
    const extracted = tempDir('smp-det-untar-');
    const r = spawnSync('tar', ['-xzf', path.join(out, bundle.localPath), '-C', extracted], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const bFiles = Object.fromEntries(
      Object.entries(FILES)
        .filter(([k]) => k.startsWith('b/src/'))
        .map(([k, v]) => [k.slice('b/src/'.length), Buffer.from(v).toString('base64')]),
    );
    expect(tree(extracted)).toEqual(bFiles);
  });
});
