// `smp plan --out DIR` through the bundled CLI (dist/cli.js): the files it writes hold what the example configs
// and the settings say (pipeline name, steps in order with their classes, bucket, role, VPC), artifacts are on
// disk with their digests, and an invalid config writes nothing.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import { fullUnitFiles, makeWorkspace } from '../helpers/workspace.js';
import { withFullNames } from '../helpers/mermaid-names.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(REPO, 'dist', 'cli.js');

const SEED_ENV = {
  SMP_S3BUCKETNAME: 'example-bucket',
  SMP_ROLE: 'arn:aws:iam::111122223333:role/SageMakerExecution',
  SMP_REGION: 'us-east-1',
  SMP_SUBNETS: 'subnet-0aaa1111,subnet-0bbb2222',
  SMP_SECURITYGROUPS: 'sg-0ccc3333',
} as const;

const EXAMPLES = [
  { name: 'lgbm', config: 'examples/lgbm/conf/conf.yaml' },
  { name: 'llm-text-summarization', config: 'examples/llm-text-summarization/conf/conf.yaml' },
  { name: 'multi-model-example', config: 'examples/multi-model-example/*/conf/conf-multi-model.yaml' },
  { name: 'tf', config: 'examples/tf/conf/conf.yaml' },
];

const temps: string[] = [];
afterAll(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'smp-plan-cli-'));
  temps.push(d);
  return d;
}

/** Runs the CLI with only PATH and the given settings in its environment (no stray SMP_* from the host). */
function smp(args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = SEED_ENV) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Step class → definition step Type (docs/pipeline-definition.md). */
const STEP_TYPE: Record<string, string> = {
  Processing: 'Processing',
  Training: 'Training',
  CreateModel: 'Model',
  Transform: 'Transform',
  Metrics: 'Processing',
  RegisterModel: 'RegisterModel',
};

interface Configured {
  readonly pipelineName: string;
  readonly steps: { name: string; type: string }[];
}

/** What the example's config files say: the pipeline name and the configured steps, in order. */
function configured(glob: string): Configured {
  // The glob's files (only the multi-model example's has a wildcard: one folder per model).
  const files = glob.includes('*')
    ? readdirSync(path.join(REPO, glob.slice(0, glob.indexOf('*'))))
        .map((d) => glob.replace('*', d))
        .filter((f) => existsSync(path.join(REPO, f)))
    : [glob];
  let pipeline:
    { pipelineName: string; models: Record<string, { steps: Record<string, string>[] }> } | undefined;
  for (const file of files) {
    const conf = (parseYaml(readFileSync(path.join(REPO, file), 'utf8')) as { conf: Record<string, unknown> })
      .conf;
    pipeline ??= conf.sagemakerPipeline as typeof pipeline;
  }
  if (!pipeline) throw new Error(`no sagemakerPipeline in ${glob}`);
  return {
    pipelineName: pipeline.pipelineName,
    steps: Object.values(pipeline.models).flatMap((m) =>
      m.steps.map((s) => ({ name: s.step_name!, type: STEP_TYPE[s.step_class!]! })),
    ),
  };
}

interface WrittenStep {
  Name: string;
  Type: string;
  Arguments: Record<string, unknown>;
}

/** Values of `key` anywhere under `v`. */
function valuesOf(v: unknown, key: string): unknown[] {
  if (Array.isArray(v)) return v.flatMap((x) => valuesOf(x, key));
  if (!v || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => [...(k === key ? [x] : []), ...valuesOf(x, key)]);
}

interface ArtifactEntry {
  readonly kind: string;
  readonly localPath: string;
  readonly s3Uri: string;
  readonly contentSha256: string;
  readonly bytes: number;
  readonly packedSha256: string;
  readonly packedBytes: number;
  readonly description: string;
}

it('dist/cli.js exists (dist/ is committed; run `npm run build` after changing src/)', () => {
  expect(existsSync(CLI)).toBe(true);
});

describe.each(EXAMPLES)('smp plan --out on example $name', ({ config }) => {
  const out = path.join(tempDir(), 'plan');
  const r = smp(['plan', '--config', config, '--out', out], REPO);
  const conf = configured(config);
  const written = (): { Steps: WrittenStep[] } =>
    JSON.parse(readFileSync(path.join(out, 'definition.json'), 'utf8')) as { Steps: WrittenStep[] };

  it('exits 0 and summarises the pipeline name and step count', () => {
    expect(r.status, r.stderr).toBe(0);
    const first = r.stdout.split('\n')[0] ?? '';
    expect(first).toContain(conf.pipelineName);
    // Every example has ModelRepack "False": one definition step per configured step.
    expect(first).toContain(`${conf.steps.length} steps`);
    expect(r.stderr).not.toMatch(/error:/);
  });

  it('definition.json holds the configured steps in order, with the settings’ bucket, role and VPC', () => {
    const def = written();
    expect(def.Steps.map((s) => ({ name: s.Name, type: s.Type }))).toEqual(conf.steps);
    const text = JSON.stringify(def);
    const buckets = new Set([...text.matchAll(/s3:\/\/([^/"]+)/g)].map((m) => m[1]));
    expect(buckets).toEqual(new Set([SEED_ENV.SMP_S3BUCKETNAME]));
    expect(new Set(valuesOf(def, 'RoleArn'))).toEqual(new Set([SEED_ENV.SMP_ROLE]));
    // Every job that runs containers of its own in the account's network: processing, training, the model.
    for (const step of def.Steps.filter((x) => ['Processing', 'Training', 'Model'].includes(x.Type))) {
      expect(valuesOf(step, 'Subnets'), step.Name).toEqual([SEED_ENV.SMP_SUBNETS.split(',')]);
      expect(valuesOf(step, 'SecurityGroupIds'), step.Name).toEqual([[SEED_ENV.SMP_SECURITYGROUPS]]);
    }
    expect(text).not.toMatch(/SMP_[A-Z0-9_]+/); // every setting substituted
  });

  it('artifacts.json lists every code URI the definition names, each packed as uploaded, with its digests and sizes', () => {
    const entries = JSON.parse(readFileSync(path.join(out, 'artifacts.json'), 'utf8')) as ArtifactEntry[];
    const text = JSON.stringify(written());
    const pipeline = conf.pipelineName;
    const named = new Set(
      text.match(new RegExp(`s3://${SEED_ENV.SMP_S3BUCKETNAME}/${pipeline}/code/[^"\\\\]+`, 'g')) ?? [],
    );
    expect(named.size).toBeGreaterThan(0);
    expect(new Set(entries.map((e) => e.s3Uri))).toEqual(named);
    for (const e of entries) {
      const local = path.resolve(out, e.localPath);
      expect(existsSync(local), e.localPath).toBe(true);
      const bytes = readFileSync(local);
      expect(createHash('sha256').update(bytes).digest('hex'), e.localPath).toBe(e.packedSha256);
      expect(bytes.length).toBe(e.packedBytes);
      expect(statSync(local).isFile()).toBe(true);
      // Keys name the uncompressed content: the tar inside a .tar.gz, the file itself otherwise.
      const content = local.endsWith('.gz') ? gunzipSync(bytes) : bytes;
      expect(createHash('sha256').update(content).digest('hex'), e.localPath).toBe(e.contentSha256);
      expect(content.length).toBe(e.bytes);
      expect(e.s3Uri).toContain(`/${pipeline}/code/${e.contentSha256}/`);
    }
  });

  it('dag.mmd is a Mermaid flowchart naming every configured step', () => {
    const dag = readFileSync(path.join(out, 'dag.mmd'), 'utf8');
    expect(dag.startsWith('flowchart')).toBe(true);
    // A name is its model box's shared prefix (said in the box's title) and the node's label.
    for (const s of conf.steps) expect(withFullNames(dag), s.name).toContain(`["${s.name}<br/>`);
  });

  it('plan.md has a mermaid block', () => {
    const md = readFileSync(path.join(out, 'plan.md'), 'utf8');
    expect(md).toMatch(/^```mermaid$/m);
    expect(md.slice(md.indexOf('```mermaid'))).toMatch(/```mermaid\n[\s\S]*?flowchart[\s\S]*?\n```/);
  });
});

describe('smp plan on an invalid config', () => {
  const files = fullUnitFiles();
  const conf = files['m/conf/conf.yaml']!;
  const workspace = makeWorkspace({
    ...files,
    'm/conf/conf.yaml': conf.replace('step_class: Training', 'step_class: Trainig'),
  });
  temps.push(workspace);
  const out = path.join(tempDir(), 'plan');
  const r = smp(['plan', '--workspace', workspace, '--config', 'm/conf/conf.yaml', '--out', out], REPO);

  it('exits 1 with a positioned error', () => {
    expect(r.status).toBe(1);
    const line = conf.split('\n').findIndex((l) => l.includes('step_class: Training')) + 1;
    expect(r.stderr).toMatch(new RegExp(`^m/conf/conf\\.yaml:${line}:\\d+: error: .*Training`, 'm'));
    expect(r.stdout).toBe('');
  });

  it('writes no files', () => {
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(path.dirname(out))).toEqual([]);
  });
});

describe('the CLI tells the same story as the comment', () => {
  const TF = 'examples/tf/conf/conf.yaml';

  it('without SMP_* settings: plan says so in one short line, validate says nothing about it', () => {
    const plan = smp(['plan', '--config', TF], REPO, {});
    expect(plan.status).toBe(0);
    const notes = plan.stderr.split('\n').filter((l) => l.includes('placeholder'));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.length).toBeLessThanOrEqual(120);
    const validate = smp(['validate', '--config', TF], REPO, {});
    expect(validate.status).toBe(0);
    expect(validate.stderr).not.toContain('placeholder');
  });

  it('--strict makes a config warning an error (exit 1); without it the plan goes ahead', () => {
    const ws = tempDir();
    cpSync(path.join(REPO, 'examples/tf'), path.join(ws, 'examples/tf'), { recursive: true });
    const file = path.join(ws, TF);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'entry_point: train.py',
        'entry_point: train.py\n        instance_typ: ml.p3.8xlarge',
      ),
    );
    const lenient = smp(['plan', '--config', TF], ws);
    expect(lenient.status).toBe(0);
    expect(lenient.stderr).toMatch(/conf\.yaml:\d+:\d+: warning: unknown key `instance_typ`/);
    for (const cmd of ['plan', 'validate']) {
      const strict = smp([cmd, '--config', TF, '--strict'], ws);
      expect(strict.status).toBe(1);
      expect(strict.stderr).toMatch(
        /conf\.yaml:\d+:\d+: error: unknown key `instance_typ`.*\(an error with strict\)/,
      );
    }
  });
});
