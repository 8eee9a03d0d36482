// The action through @github/local-action (GitHub's local runner for JavaScript actions), offline.
//
// @github/local-action is not a dependency of this project (it pulls tsx, esbuild and the Azure SDK). The test
// runs when SMP_LOCAL_ACTION_PREFIX names an npm prefix where it is installed, and is skipped otherwise:
//
//   export SMP_LOCAL_ACTION_PREFIX=$(mktemp -d) && npm install --prefix "$SMP_LOCAL_ACTION_PREFIX" @github/local-action
//
// What it takes to run offline (see the report in the README): local-action runs the TypeScript sources
// (src/action/main.ts through tsx, with its own stubs of @actions/core and @actions/github), not dist/index.js, and its
// bin starts `npm exec tsx …` in the action's folder. tsx is not one of this project's packages, so npm exec
// installs it into the npx cache: `npm_config_yes=true` lets it (else "npx canceled due to missing packages and
// no YES option") and `npm_config_offline=true` makes it take tsx from npm's cache (filled by the install above)
// instead of the registry. local-action exits 0 whatever the action does, so the test reads what it prints.
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleWorkspace, pushEvent, ROOT, runAction } from '../servers/github/action-runner.js';

const prefix = process.env.SMP_LOCAL_ACTION_PREFIX;
const bin = prefix ? path.join(prefix, 'node_modules', '.bin', 'local-action') : undefined;
const available = bin !== undefined && existsSync(bin);

const SETTINGS = {
  CONFIG: 'examples/tf/conf/conf.yaml',
  MODE: 'plan',
  'S3-BUCKET': 'smp-bucket',
  'EXECUTION-ROLE-ARN': 'arn:aws:iam::123456789012:role/SageMakerExecution',
  'AWS-REGION': 'us-east-1',
};

function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

describe.skipIf(!available)('@github/local-action (SMP_LOCAL_ACTION_PREFIX)', () => {
  it('runs the action offline in plan mode and prints the plan outputs, the same plan as dist/index.js', async () => {
    const ws = exampleWorkspace('tf');
    const temp = mkdtempSync(path.join(tmpdir(), 'smp-local-action-'));
    const dotenv = path.join(temp, '.env');
    writeFileSync(
      dotenv,
      [
        ...Object.entries(SETTINGS).map(([k, v]) => `INPUT_${k}=${v}`),
        `GITHUB_WORKSPACE=${ws}`,
        `RUNNER_TEMP=${temp}`,
        'GITHUB_EVENT_NAME=workflow_dispatch',
        'GITHUB_REPOSITORY=octo-org/octo-repo',
        'AWS_EC2_METADATA_DISABLED=true',
        `AWS_SHARED_CREDENTIALS_FILE=${path.join(temp, 'none')}`,
        `AWS_CONFIG_FILE=${path.join(temp, 'none')}`,
      ].join('\n'),
    );
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NO_COLOR: '1',
      npm_config_yes: 'true',
      npm_config_offline: 'true',
      npm_config_update_notifier: 'false',
      // Nothing may go to the network: a proxy that does not exist catches any attempt.
      HTTP_PROXY: 'http://127.0.0.1:9',
      HTTPS_PROXY: 'http://127.0.0.1:9',
    };
    const r = await run(bin!, ['run', ROOT, 'src/action/main.ts', dotenv], env, ROOT);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/mode plan \(set by the `mode` input\)/);
    expect(r.out).toContain('Planning offline: no AWS credentials');
    expect(r.out).toContain('::set-output name=pipeline-name::calhousing-test');
    expect(r.out).toContain('::set-output name=changed::unknown');
    expect(r.out).toContain('::set-output name=dag-mermaid::flowchart TD');
    expect(r.out).not.toMatch(/::error|TransformError|npm error/);
    const hash = /::set-output name=plan-hash::([0-9a-f]{64})/.exec(r.out)?.[1];
    expect(hash).toBeDefined();

    // The built action, run as the runner runs it, computes the same plan.
    const dist = await runAction({
      workspace: exampleWorkspace('tf'),
      inputs: {
        config: SETTINGS.CONFIG,
        mode: 'plan',
        's3-bucket': SETTINGS['S3-BUCKET'],
        'execution-role-arn': SETTINGS['EXECUTION-ROLE-ARN'],
        'aws-region': SETTINGS['AWS-REGION'],
      },
      event: pushEvent({
        sha: 'e'.repeat(40),
        repo: { fullName: 'octo-org/octo-repo' },
        ref: 'refs/heads/feature',
      }),
    });
    expect(dist.code, dist.stdout).toBe(0);
    expect(dist.outputs.get('plan-hash')).toBe(hash);
  }, 120_000);
});
