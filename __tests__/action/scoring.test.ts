// The built action on the scoring example (examples/tf-scoring), run as the runner runs it against the local
// GitHub and AWS servers: the PR comment names the model version (or says it is unresolved offline), a
// registry without an approved version fails the plan naming the group, and a push deploys the schedule and
// starts the execution with the newest approved version.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAwsServer } from '../servers/aws-server.js';
import type { AwsServer } from '../servers/aws-server.js';
import { exampleWorkspace, pullRequestEvent, pushEvent, runAction } from '../servers/github/action-runner.js';
import type { ActionRun } from '../servers/github/action-runner.js';
import { startGithubServer } from '../servers/github-server.js';
import type { GithubServer } from '../servers/github-server.js';

const REPO = { fullName: 'octo-org/octo-repo', defaultBranch: 'main' };
const SETTINGS = {
  config: 'examples/tf-scoring/conf/conf.yaml',
  's3-bucket': 'smp-bucket',
  'execution-role-arn': 'arn:aws:iam::123456789012:role/SageMakerExecution',
  'aws-region': 'us-east-1',
};
const GROUP = 'calhousing-test-calhousing';
const DAY = 86_400_000;

let aws: AwsServer;
let gh: GithubServer;

beforeEach(async () => {
  aws = await startAwsServer();
  gh = await startGithubServer();
});

afterEach(async () => {
  expect(gh.violations, gh.formatViolations()).toEqual([]);
  expect(aws.violations, aws.formatViolations()).toEqual([]);
  expect(aws.serverErrors, aws.serverErrors.join('\n')).toEqual([]);
  await Promise.all([aws.close(), gh.close()]);
});

/** Versions 1 (Approved), 2 (Rejected), 3 (Approved, newest), 4 (Pending), registered a day apart. */
function seed(): string[] {
  const t0 = Date.UTC(2026, 10, 27, 9);
  return (['Approved', 'Rejected', 'Approved', 'PendingManualApproval'] as const).map(
    (approval, i) => aws.sagemaker.addModelPackage({ group: GROUP, approval, createdAt: t0 + i * DAY }).arn,
  );
}

function plan(env: Record<string, string>): Promise<ActionRun> {
  const pr = gh.addPullRequest({ headSha: '1'.repeat(40), title: 'Score daily' });
  return runAction({
    workspace: exampleWorkspace('tf', 'tf-scoring'),
    inputs: SETTINGS,
    event: pullRequestEvent({ number: pr.number, headSha: '1'.repeat(40), base: REPO }),
    env: { ...gh.env(), ...env },
    token: gh.token,
  });
}

describe('pull_request on a scoring pipeline', () => {
  it('online: the comment names the version that will score (v3: the newest Approved), and nothing is written', async () => {
    const arns = seed();
    const r = await plan(aws.env({ oidc: false }));
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toContain(`Model calhousing: ${GROUP} v3 (Approved) ${arns[2]!}`);
    const body = gh.comments(1).at(-1)?.body ?? '';
    expect(body).toContain(
      `- \`calhousing\` scores with \`${GROUP}\` v3, Approved, registered 2026-11-29 (parameter \`CalhousingModelPackage\`, \`${arns[2]!}\`)`,
    );
    expect(body).toContain('**Schedule** `smp-calhousing-scoring` (EventBridge Scheduler)');
    expect(body).toContain('- deploy creates it');
    expect(aws.requests.operations().filter((op) => /^(Create|Update|Delete|Put|Start)/.test(op))).toEqual(
      [],
    );
  });

  it('offline (no AWS credentials): the comment says the version is unresolved; the plan still succeeds', async () => {
    const r = await plan({});
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(gh.comments(1).at(-1)?.body).toContain(
      `- \`calhousing\` scores with \`${GROUP}\` latest-approved: **unresolved**`,
    );
    expect(aws.requests.length).toBe(0);
  });

  it('no approved version: the job fails with one message naming the group', async () => {
    aws.sagemaker.addModelPackage({ group: GROUP, approval: 'PendingManualApproval', createdAt: Date.now() });
    const r = await plan(aws.env({ oidc: false }));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /::error::smp-action failed: PackageResolutionError: model package group calhousing-test-calhousing \(model `calhousing`\) has no Approved version/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('push to main on a scoring pipeline', () => {
  it('deploys pipeline and schedule, and starts with the newest approved version; the summary says which', async () => {
    const arns = seed();
    const r = await runAction({
      workspace: exampleWorkspace('tf', 'tf-scoring'),
      inputs: SETTINGS,
      event: pushEvent({ sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', repo: REPO }),
      env: { ...gh.env(), ...aws.env({ oidc: false }) },
      token: gh.token,
    });
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(aws.requests.last('StartPipelineExecution')?.input.PipelineParameters).toEqual([
      { Name: 'CalhousingModelPackage', Value: arns[2] },
    ]);
    const schedule = aws.scheduler.get('smp-calhousing-scoring');
    expect(schedule?.spec).toMatchObject({
      ScheduleExpression: 'cron(0 6 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Paris',
      Target: { Arn: r.outputs.get('pipeline-arn') },
    });
    expect(r.summary).toContain('**Schedule** `smp-calhousing-scoring`: created');
    expect(r.summary).toContain(
      `| \`calhousing\` | \`${GROUP}\` | <span title="${arns[2]!}">v3</span> | Approved | 2026-11-29 |`,
    );
    expect(r.summary).toContain(`- scored with ${GROUP} v3: \`${arns[2]!}\``);
  });

  it('after that deploy, a PR that only moves the schedule: changed=true, the headline and the diff say so', async () => {
    seed();
    const ws = exampleWorkspace('tf', 'tf-scoring');
    const env = { ...gh.env(), ...aws.env({ oidc: false }) };
    const deployed = await runAction({
      workspace: ws,
      inputs: { ...SETTINGS, mode: 'deploy' },
      event: pushEvent({ sha: 'b'.repeat(40), repo: REPO }),
      env,
      token: gh.token,
    });
    expect(deployed.code, `${deployed.stdout}\n${deployed.stderr}`).toBe(0);
    const conf = path.join(ws, SETTINGS.config);
    writeFileSync(conf, readFileSync(conf, 'utf8').replace('cron(0 6 * * ? *)', 'cron(0 5 * * ? *)'));
    aws.requests.reset();
    const pr = gh.addPullRequest({ headSha: '2'.repeat(40), title: 'Score an hour earlier' });
    const r = await runAction({
      workspace: ws,
      inputs: SETTINGS,
      event: pullRequestEvent({ number: pr.number, headSha: '2'.repeat(40), base: REPO }),
      env,
      token: gh.token,
    });
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.outputs.get('changed')).toBe('true');
    const body = gh.comments(pr.number).at(-1)?.body ?? '';
    expect(body).toContain('**Plan: 0 to add, 0 to change, 0 to remove; schedule changed**');
    expect(body).toContain('- deploy updates it: expression `cron(0 6 * * ? *)` → `cron(0 5 * * ? *)`');
    expect(aws.requests.operations('scheduler')).toEqual(['GetSchedule']);
  });
});
