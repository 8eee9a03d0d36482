// `smp plan --out` through the bundled CLI (dist/cli.js) on small generated workspaces: what the config and
// the settings say reaches the definition. A model redefined in a later file takes that file's keys; with
// ModelRepack "True" and a VPC the generated `<step>-RepackModel` training job runs in the same VPC with the
// same KMS key as the configured jobs. Expected values are the ones the config and the settings hold.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fullUnitFiles, makeWorkspace, TEST_ENV } from '../helpers/workspace.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(REPO, 'dist', 'cli.js');

const temps: string[] = [];
afterAll(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

interface Step {
  Name: string;
  Type: string;
  Arguments: Record<string, Record<string, unknown> | undefined>;
}

/** Runs `smp plan --out` with only PATH and `env`; returns the written definition's steps by name. */
function plan(
  files: Record<string, string>,
  globs: readonly string[],
  env: Record<string, string>,
): { status: number | null; stderr: string; steps: Map<string, Step> } {
  const ws = makeWorkspace(files);
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'smp-plan-settings-')), 'plan');
  temps.push(ws, path.dirname(out));
  const r = spawnSync(
    process.execPath,
    [CLI, 'plan', '-w', ws, ...globs.flatMap((g) => ['-c', g]), '--out', out],
    { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } },
  );
  if (r.error) throw r.error;
  if (r.status !== 0) return { status: r.status, stderr: r.stderr, steps: new Map() };
  const def = JSON.parse(readFileSync(path.join(out, 'definition.json'), 'utf8')) as { Steps: Step[] };
  return { status: r.status, stderr: r.stderr, steps: new Map(def.Steps.map((s) => [s.Name, s])) };
}

describe('a model redefined in a later config file', () => {
  // fullUnitFiles keeps its config in m/conf/: move it to a/conf/ so that z/ sorts after it.
  const { 'm/conf/conf.yaml': anchor, ...rest } = fullUnitFiles();
  const layout: Record<string, string> = {
    ...rest,
    'a/conf/conf.yaml': anchor!,
    // The later file: it redefines `train` (other image, instance type, hyperparameters).
    'z/conf/conf.yaml': `conf:
  models:
    m:
      train:
        image_uri: img:2
        entry_point: train.py
        instance_type: ml.c5.xlarge
        hyperparams:
          epochs: 7
`,
  };
  const r = plan(layout, ['*/conf/conf.yaml'], { ...TEST_ENV });

  it('takes the later file’s keys, keeps the earlier file’s other keys, and warns where', () => {
    expect(r.status, r.stderr).toBe(0);
    const train = r.steps.get('train')!.Arguments;
    expect(train.AlgorithmSpecification).toMatchObject({ TrainingImage: 'img:2' });
    expect(train.ResourceConfig).toMatchObject({ InstanceType: 'ml.c5.xlarge' });
    expect(train.HyperParameters).toMatchObject({ epochs: '7' });
    // Keys the later file does not name stay as the earlier file wrote them.
    expect(r.steps.get('prep')!.Arguments.AppSpecification).toMatchObject({ ImageUri: 'img:1' });
    const line = 3; // `    m:` in z/conf/conf.yaml
    expect(r.stderr).toMatch(
      new RegExp(
        `^z/conf/conf\\.yaml:${line}:\\d+: warning: model \`m\` is also defined in a/conf/conf\\.yaml:\\d+; this file's keys override it \\(train\\)$`,
        'm',
      ),
    );
  });
});

describe('ModelRepack "True" with a VPC and a KMS key', () => {
  const env = {
    ...TEST_ENV,
    SMP_SUBNETS: 'subnet-0aaa1111,subnet-0bbb2222',
    SMP_SECURITYGROUPS: 'sg-0ccc3333',
    SMP_KMSKEY: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  };
  const files = fullUnitFiles();
  files['m/conf/conf.yaml'] = files['m/conf/conf.yaml']!.replace(
    'ModelRepack: "False"',
    'ModelRepack: "True"',
  );
  const r = plan(files, ['m/conf/conf.yaml'], env);
  const vpc = { Subnets: ['subnet-0aaa1111', 'subnet-0bbb2222'], SecurityGroupIds: ['sg-0ccc3333'] };

  it('the generated -RepackModel training jobs run in the configured VPC with the configured KMS key', () => {
    expect(r.status, r.stderr).toBe(0);
    const repacks = [...r.steps.values()].filter((s) => s.Name.endsWith('-RepackModel'));
    // Before the configured CreateModel step `create` (the RegisterModel step reuses its repacked model).
    expect(repacks.map((s) => s.Name)).toEqual(['create-RepackModel']);
    // The same settings as the configured training job (and as SMP_SUBNETS/SMP_SECURITYGROUPS/SMP_KMSKEY).
    for (const s of [r.steps.get('train')!, ...repacks]) {
      expect(s.Type, s.Name).toBe('Training');
      expect(s.Arguments.VpcConfig, s.Name).toEqual(vpc);
      expect(s.Arguments.OutputDataConfig, s.Name).toMatchObject({ KmsKeyId: env.SMP_KMSKEY });
      expect(s.Arguments.ResourceConfig, s.Name).toMatchObject({ VolumeKmsKeyId: env.SMP_KMSKEY });
    }
  });
});
