// The CodeBuild and GitLab recipes of docs/ci.md, read from the page itself: valid YAML, every `"$SMP" …` line a
// valid smp invocation, the plan lines run for real (bash, the bundled CLI, a workspace from `smp init`), the
// variables they set are the ones the SDK and smp read (their effect is tested in
// __tests__/wire/packed-cli.test.ts).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseCli } from '../../src/cli/args.js';
import { tempDirs } from '../helpers/temp.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const page = readFileSync(path.join(REPO, 'docs/ci.md'), 'utf8');

/** The fenced block whose first line is `# <name>`. */
function block(lang: string, first: string): string {
  const re = new RegExp(`^\`\`\`${lang}\\n${first.replace(/[.*]/g, '\\$&')}\\n([\\s\\S]*?)^\`\`\`$`, 'm');
  const m = re.exec(page);
  if (!m) throw new Error(`docs/ci.md has no ${lang} block starting with ${first}`);
  return `${first}\n${m[1]!}`;
}

interface Buildspec {
  env: { variables: Record<string, string> };
  phases: Record<string, { commands: string[] }>;
}
type GitlabJob = {
  rules?: { if: string }[];
  script?: string[];
  id_tokens?: Record<string, { aud: string }>;
  variables?: Record<string, string>;
};
const buildspec = parseYaml(block('yaml', '# buildspec.yml')) as Buildspec;
const gitlab = parseYaml(block('yaml', '# .gitlab-ci.yml')) as {
  variables: Record<string, string>;
  default: { image: string; before_script: string[] };
} & Record<string, GitlabJob>;

/** Every `"$SMP" args…` in the commands, as argv. */
function smpLines(commands: readonly string[]): string[][] {
  return commands.flatMap((c) =>
    [...c.matchAll(/"\$SMP" ([^;>|\n]*)/g)].map((m) => m[1]!.trim().split(/\s+/)),
  );
}

const temp = tempDirs();

/** A workspace scaffolded by `smp init`, which uses the recipes' config glob. */
function workspace(): string {
  const ws = temp('smp-recipe-');
  const r = spawnSync(process.execPath, [CLI, 'init', 'churn'], { cwd: ws, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return ws;
}

/** Runs shell `script` in `ws` with the recipe's variables and $SMP = the bundled CLI. */
function sh(script: string, ws: string, vars: Record<string, string>) {
  return spawnSync('bash', ['-euc', script], {
    cwd: ws,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: ws, ...vars, SMP: CLI },
  });
}

describe('docs/ci.md: buildspec.yml', () => {
  const vars = buildspec.env.variables;
  const commands = Object.values(buildspec.phases).flatMap((p) => p.commands);

  it('installs the package into the folder $SMP points into, on Node 20', () => {
    expect(vars.SMP).toBe('/tmp/smp/node_modules/.bin/smp');
    expect(commands).toContain('npm install --prefix /tmp/smp --no-audit --no-fund "$SMP_PACKAGE"');
    expect(vars.SMP_PACKAGE).toMatch(/\/smp-action-(\d+\.\d+\.\d+)\.tgz$/);
    expect(buildspec.phases.install!).toMatchObject({ 'runtime-versions': { nodejs: 20 } });
  });

  it('every smp line is a valid invocation; the settings are the SMP_* variables smp reads', () => {
    const lines = smpLines(commands);
    expect(lines.map((l) => l[0])).toEqual(['plan', 'run']);
    for (const argv of lines) expect(() => parseCli(argv, vars, '/ws')).not.toThrow();
    expect(Object.keys(vars)).toEqual(
      expect.arrayContaining(['SMP_MODEL_CONFIGPATH', 'SMP_S3BUCKETNAME', 'SMP_ROLE', 'SMP_REGION']),
    );
  });

  it('a pull-request build plans (for real, offline) and writes the artifacts the buildspec collects', () => {
    const build = buildspec.phases.build!.commands.find((c) => c.includes('case'))!;
    const ws = workspace();
    const r = sh(build, ws, { ...vars, CODEBUILD_WEBHOOK_EVENT: 'PULL_REQUEST_CREATED' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^pipeline churn-pipeline: 7 steps/m);
    expect(r.stderr).not.toMatch(/warning|error/);
    const plan = readFileSync(path.join(ws, 'smp-plan/plan.md'), 'utf8');
    expect(plan).toMatch(/^<!-- smp-action:plan v1 /);
  });
});

describe('docs/ci.md: .gitlab-ci.yml', () => {
  const plan = gitlab['smp-plan']!;
  const run = gitlab['smp-run']!;

  it('plans on merge requests and runs on the default branch', () => {
    expect(plan.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(run.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    expect(gitlab.default.image).toBe('node:20');
    expect(gitlab.default.before_script).toEqual([
      'npm install --prefix /tmp/smp --no-audit --no-fund "$SMP_PACKAGE"',
    ]);
    expect(gitlab.variables.SMP).toBe('/tmp/smp/node_modules/.bin/smp');
  });

  it('every smp line is a valid invocation', () => {
    const lines = smpLines([...plan.script!, ...run.script!]);
    expect(lines.map((l) => l[0])).toEqual(['plan', 'run']);
    for (const argv of lines) expect(() => parseCli(argv, gitlab.variables, '/ws')).not.toThrow();
  });

  it('the run job hands its ID token to the SDK as AWS_WEB_IDENTITY_TOKEN_FILE, with AWS_ROLE_ARN', () => {
    const [name, token] = Object.entries(run.id_tokens!)[0]!;
    expect(run.script).toContain(`printf '%s' "$${name}" > "$AWS_WEB_IDENTITY_TOKEN_FILE"`);
    expect(run.script![0]).toBe('export AWS_WEB_IDENTITY_TOKEN_FILE="$(mktemp)"');
    expect(run.variables!.AWS_ROLE_ARN).toMatch(/^arn:aws:iam::\d{12}:role\//);
    // The trust policy on the page admits exactly that audience.
    const policy = JSON.parse(
      /```json\n([\s\S]*?)```/
        .exec(page.slice(page.indexOf('Trust policy of `smp-deploy`')))![1]!
        .replace(/^ {2}/gm, ''),
    ) as { Statement: { Condition: { StringEquals: Record<string, string> } }[] };
    expect(policy.Statement[0]!.Condition.StringEquals['gitlab.com:aud']).toBe(token.aud);
  });

  it('the plan job runs (for real, offline) and its note body is what --format markdown prints', () => {
    const ws = workspace();
    const script = plan.script!.filter((l) => l.includes('"$SMP"')).join('\n');
    const r = sh(script, ws, gitlab.variables);
    expect(r.status, r.stderr).toBe(0);
    const note = plan.script!.find((l) => l.startsWith('curl'))!;
    const body = /"body@([^"]+)"/.exec(note)![1]!;
    const markdown = sh('"$SMP" plan --format markdown', ws, gitlab.variables);
    expect(markdown.status, markdown.stderr).toBe(0);
    expect(readFileSync(path.join(ws, body), 'utf8')).toBe(markdown.stdout.replace(/\n$/, ''));
    expect(note).toContain(
      '$CI_API_V4_URL/projects/$CI_PROJECT_ID/merge_requests/$CI_MERGE_REQUEST_IID/notes',
    );
  });
});
