// `smp diff A.json B.json` and `smp plan --against FILE` through the bundled CLI (dist/cli.js): the three
// output formats show the two changes this test makes to the tf example's definition (and the plan hash the
// README defines, computed here), a DescribePipeline-shaped FILE reads like the plain definition, a bad FILE is one `FILE: error:` line (exit 1, no stack trace), a bad --format is a usage
// error (exit 2).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { PipelineDefinition } from '../../src/compile/types.js';
import { parseMarker } from '../../src/report/marker.js';
import { TEST_ENV } from '../helpers/workspace.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const TF = 'examples/tf/conf/conf.yaml';

const dir = mkdtempSync(path.join(tmpdir(), 'smp-diff-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI with only PATH and the test settings in its environment (no stray SMP_* from the host). */
function smp(args: readonly string[], cwd = dir): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...TEST_ENV },
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking, so independent runs overlap. */
function smpAsync(
  args: readonly string[],
  cwd = dir,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...TEST_ENV },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The tf example planned by the CLI itself (`smp plan --out`): its definition and artifact list. */
function planTf(): { definition: PipelineDefinition; artifacts: { key: string; contentSha256: string }[] } {
  const out = path.join(dir, 'tf-plan');
  const r = smp(['plan', '--workspace', REPO, '--config', TF, '--out', out]);
  if (r.status !== 0) throw new Error(r.stderr);
  const artifacts = JSON.parse(readFileSync(path.join(out, 'artifacts.json'), 'utf8')) as {
    s3Uri: string;
    contentSha256: string;
  }[];
  return {
    definition: JSON.parse(readFileSync(path.join(out, 'definition.json'), 'utf8')) as PipelineDefinition,
    artifacts: artifacts.map((a) => ({
      key: a.s3Uri.replace(/^s3:\/\/[^/]+\//, ''),
      contentSha256: a.contentSha256,
    })),
  };
}

/** JSON with object keys sorted at every level (the README's "canonical (sorted-key) definition"). */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const keys = Object.keys(v).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** The plan hash as the README defines it: sha256 of the canonical definition, then the sorted artifact lines. */
function expectedHash(def: unknown, artifacts: readonly { key: string; contentSha256: string }[]): string {
  const lines = artifacts.map((a) => `${a.key} ${a.contentSha256}`).sort();
  return createHash('sha256').update(canonical(def)).update('\n').update(lines.join('\n')).digest('hex');
}

function write(name: string, data: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
  return file;
}

/** The tf example as deployed before this PR: a smaller training instance and an older CreateModel setting. */
const plan = planTf();
const planned = plan.definition;
const deployed = JSON.parse(JSON.stringify(planned)) as PipelineDefinition;
{
  const steps = deployed.Steps as unknown as {
    Name: string;
    Arguments: Record<string, Record<string, unknown>>;
  }[];
  const training = steps.find((s) => s.Name === 'calhousing-Training')!;
  training.Arguments.ResourceConfig!.InstanceType = 'ml.m5.large';
  const create = steps.find((s) => s.Name === 'calhousing-CreateModel')!;
  const env = (create.Arguments.PrimaryContainer as { Environment: Record<string, string> }).Environment;
  env.SAGEMAKER_PROGRAM = 'old-secret-program-value';
}
const describePipeline = (def: PipelineDefinition): unknown => ({
  PipelineArn: 'arn:aws:sagemaker:us-east-1:111122223333:pipeline/calhousing-test',
  PipelineName: 'calhousing-test',
  PipelineDefinition: JSON.stringify(def),
  RoleArn: TEST_ENV.SMP_ROLE,
  PipelineStatus: 'Active',
});
write('deployed.json', deployed);
write('planned.json', planned);
write('deployed-describe.json', describePipeline(deployed));
write('planned-describe.json', describePipeline(planned));

const INSTANCE_LINE = '    Arguments.ResourceConfig.InstanceType: ml.m5.large → ml.m5.2xlarge';

it('dist/cli.js exists (dist/ is committed; run `npm run build` after changing src/)', () => {
  expect(existsSync(CLI)).toBe(true);
});

describe('smp diff', () => {
  it('text (default): the changed steps and fields, Environment values hidden', () => {
    const r = smp(['diff', 'deployed.json', 'planned.json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        '~ calhousing-Training (Training): changed',
        INSTANCE_LINE,
        '~ calhousing-CreateModel (Model): changed',
        '    Arguments.PrimaryContainer.Environment.SAGEMAKER_PROGRAM: changed (value hidden)',
        '',
      ].join('\n'),
    );
    expect(smp(['diff', '--format', 'text', 'deployed.json', 'planned.json']).stdout).toBe(r.stdout);
  });

  it('identical files: "no changes"', () => {
    const r = smp(['diff', 'planned.json', 'planned.json']);
    expect(r).toEqual({ status: 0, stdout: 'no changes\n', stderr: '' });
  });

  it('json: the two changes, the other steps unchanged; a DescribePipeline-shaped file reads like the plain definition', () => {
    const r = smp(['diff', '-f', 'json', 'deployed.json', 'planned.json']);
    expect(r.status).toBe(0);
    const diff = JSON.parse(r.stdout) as {
      status: string;
      steps: { added: unknown[]; removed: unknown[]; changed: unknown[]; unchanged: string[] };
    };
    expect(diff.status).toBe('changed');
    expect(diff.steps).toEqual({
      added: [],
      removed: [],
      changed: [
        {
          name: 'calhousing-Training',
          type: 'Training',
          // The config sets no instance_type: the planned one is the documented default.
          fields: [
            {
              path: 'Arguments.ResourceConfig.InstanceType',
              kind: 'changed',
              old: 'ml.m5.large',
              new: 'ml.m5.2xlarge',
              redacted: false,
            },
          ],
          code: [],
        },
        {
          name: 'calhousing-CreateModel',
          type: 'Model',
          // Environment values are never shown.
          fields: [
            {
              path: 'Arguments.PrimaryContainer.Environment.SAGEMAKER_PROGRAM',
              kind: 'changed',
              redacted: true,
            },
          ],
          code: [],
        },
      ],
      unchanged: [
        'calhousing-Preprocessing',
        'calhousing-Transform',
        'calhousing-Metrics',
        'calhousing-Register',
      ],
    });
    expect(smp(['diff', '-f', 'json', 'deployed-describe.json', 'planned-describe.json']).stdout).toBe(
      r.stdout,
    );
    expect(smp(['diff', '-f', 'json', 'deployed-describe.json', 'planned.json']).stdout).toBe(r.stdout);
    expect(r.stdout).not.toContain('old-secret-program-value');
  });

  it('markdown: the PR comment for the second file, its marker and hash', () => {
    const r = smp(['diff', '--format', 'markdown', 'deployed.json', 'planned.json']);
    expect(r.status).toBe(0);
    const hash = expectedHash(planned, []);
    expect(parseMarker(r.stdout)).toEqual({ pipeline: 'planned.json', planHash: hash });
    expect(r.stdout).toContain(
      '### smp plan: `planned.json`\n\n**Plan: 0 to add, 2 to change, 0 to remove**\n',
    );
    expect(r.stdout).toContain('```mermaid\nflowchart TD\n');
    expect(r.stdout).toContain(
      '| ✏️ `calhousing-Training` | changed | `Arguments.ResourceConfig.InstanceType`: `ml.m5.large` → `ml.m5.2xlarge` |',
    );
    expect(r.stdout).toContain(`plan hash \`${hash}\`</sub>`);
    expect(r.stdout).not.toContain('old-secret-program-value');
  });
});

describe('smp plan --against', () => {
  const plan_ = (...more: string[]) => smp(['plan', '--workspace', REPO, '--config', TF, ...more]);

  it('a DescribePipeline-shaped FILE and the plain definition give the same text, with the diff', () => {
    const describe_ = plan_('--against', path.join(dir, 'deployed-describe.json'));
    expect(describe_.status).toBe(0);
    expect(describe_.stdout).toContain('pipeline calhousing-test: 6 steps');
    expect(describe_.stdout).toContain(
      '\ncalhousing-test: Plan: 0 to add, 2 to change, 0 to remove\n~ calhousing-Training (Training): changed\n',
    );
    // The same words as the comment: the config key and where it is (the train section; the default applies).
    expect(describe_.stdout).toContain(
      '\n    train.instance_type (not set: default) at examples/tf/conf/conf.yaml:21: ml.m5.large → ml.m5.2xlarge\n',
    );
    expect(describe_.stdout).toContain(`plan hash ${expectedHash(plan.definition, plan.artifacts)}`);
    expect(describe_.stdout).not.toContain('old-secret-program-value');
    const plain = plan_('--against', path.join(dir, 'deployed.json'));
    expect(plain.status).toBe(0);
    expect(plain.stdout).toBe(describe_.stdout);
  });

  it('against the planned definition itself: no changes', () => {
    const r = plan_('--against', path.join(dir, 'planned-describe.json'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\ncalhousing-test: No changes (6 steps)\n');
    // Not a terminal: no colour codes.
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('markdown and json carry the plan hash as the README defines it; plan.md is the markdown', () => {
    const hash = expectedHash(plan.definition, plan.artifacts);
    const md = plan_('--against', path.join(dir, 'deployed.json'), '--format', 'markdown');
    expect(md.status).toBe(0);
    expect(parseMarker(md.stdout)).toEqual({ pipeline: 'calhousing-test', planHash: hash });
    expect(md.stdout).toContain(
      '### smp plan: `calhousing-test`\n\n**Plan: 0 to add, 2 to change, 0 to remove**\n',
    );
    // The changed field is named by the config key the author would edit, and where: the train section
    // does not set instance_type, so the row points at the section and says the default applies.
    expect(md.stdout).toContain(
      '| ✏️ `calhousing-Training` | changed | `train.instance_type` (not set: default) at `examples/tf/conf/conf.yaml:21`: `ml.m5.large` → `ml.m5.2xlarge` |',
    );
    expect(md.stdout).toContain('subgraph m0["calhousing-…"]');
    expect(md.stdout).toContain('class s1,s2 changed');
    expect(md.stdout).not.toContain('old-secret-program-value');

    const json = plan_('--against', path.join(dir, 'deployed.json'), '--format', 'json');
    expect(json.status).toBe(0);
    const data = JSON.parse(json.stdout) as { pipeline: string; planHash: string; diff: { status: string } };
    expect(data).toMatchObject({ pipeline: 'calhousing-test', planHash: hash, diff: { status: 'changed' } });

    const out = path.join(dir, 'out');
    const files = plan_('--against', path.join(dir, 'deployed.json'), '--out', out);
    expect(files.status).toBe(0);
    const planMd = readFileSync(path.join(out, 'plan.md'), 'utf8');
    expect(`${planMd}\n`).toBe(md.stdout);
    // SAGEMAKER_PROGRAM is the transform section's entry point as a module: named by that key and its line.
    const conf = readFileSync(path.join(REPO, TF), 'utf8').split('\n');
    const entry = conf.findIndex((l) => l.includes('entry_point: inference.py')) + 1;
    expect(entry).toBeGreaterThan(0);
    expect(planMd).toContain(
      `transform.entry_point\n  at ${TF}:${entry}\n  field Arguments.PrimaryContainer.Environment.SAGEMAKER_PROGRAM\n  changed (value hidden)`,
    );
    expect(planMd).not.toContain('old-secret-program-value');
  });
});

describe('bad input', () => {
  const BAD: Record<string, string> = {
    'missing.json': '',
    'not-json.json': '{"Steps": [',
    'no-steps.json': '{"Version": "2020-12-01"}',
    'array.json': '[1, 2]',
    'null.json': 'null',
    'describe-bad.json': '{"PipelineDefinition": "{not json"}',
    'describe-no-steps.json': '{"PipelineDefinition": "{}"}',
  };
  for (const [name, content] of Object.entries(BAD)) if (name !== 'missing.json') write(name, content);

  const expectFileError = (
    r: { status: number | null; stdout: string; stderr: string },
    file: string,
  ): void => {
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(`${path.join(dir, file)}: error: `)).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
  };

  it('each bad FILE: smp diff (either side) and smp plan --against say `FILE: error:` and exit 1', async () => {
    const runs: { file: string; args: string[] }[] = Object.keys(BAD).flatMap((file) => [
      { file, args: ['diff', file, 'planned.json'] },
      { file, args: ['diff', 'planned.json', file] },
    ]);
    for (const file of ['missing.json', 'not-json.json', 'describe-bad.json'])
      runs.push({
        file,
        args: ['plan', '--workspace', REPO, '--config', TF, '--against', path.join(dir, file)],
      });
    const results = await Promise.all(runs.map((r) => smpAsync(r.args)));
    results.forEach((r, i) => expectFileError(r, runs[i]!.file));
  });

  // Fixed, kept as a regression test: definitionFromJson checked only that Steps is a list, so a list holding a non-object crashes the diff
  // (`smp: internal error: Cannot read properties of null`) instead of a `FILE: error:` line.
  it('a Steps list with a non-object item is a FILE error', () => {
    write('null-step.json', '{"Steps": [null]}');
    expectFileError(smp(['diff', 'null-step.json', 'planned.json']), 'null-step.json');
  });

  it('--format bogus is a usage error (exit 2), for diff and plan', () => {
    for (const args of [
      ['diff', 'deployed.json', 'planned.json', '--format', 'bogus'],
      ['plan', '--workspace', REPO, '--config', TF, '--against', 'deployed.json', '--format', 'bogus'],
    ]) {
      const r = smp(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('--format must be one of text, markdown, json (got `bogus`)');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('diff takes exactly two files and no project options', () => {
    expect(smp(['diff', 'planned.json']).status).toBe(2);
    expect(smp(['diff', 'a.json', 'b.json', 'c.json']).status).toBe(2);
    const r = smp(['diff', '--against', 'x.json', 'deployed.json', 'planned.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('does not take --against');
  });
});
