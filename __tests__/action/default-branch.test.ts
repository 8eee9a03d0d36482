// The built action on pushes to the default branch (mode run by default), run as the runner runs it, against
// the local AWS server (SageMaker/S3/STS + the GitHub OIDC token endpoint) and the GitHub test server: deploy,
// run and wait; the approved-plan gate; OIDC set-up mistakes that must fail before any AWS write.
import { marked } from 'marked';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAwsServer } from '../servers/aws-server.js';
import type { AwsServer } from '../servers/aws-server.js';
import { exampleWorkspace, pullRequestEvent, pushEvent, runAction } from '../servers/github/action-runner.js';
import type { ActionRun } from '../servers/github/action-runner.js';
import { ROUTES, startGithubServer } from '../servers/github-server.js';
import type { GithubServer } from '../servers/github-server.js';
import { settingsInDefinition } from '../wire/helpers/aws.js';

const REPO = { fullName: 'octo-org/octo-repo', defaultBranch: 'main' };
const ROLE = 'arn:aws:iam::123456789012:role/smp-deploy';
const SETTINGS = {
  config: 'examples/tf/conf/conf.yaml',
  's3-bucket': 'smp-bucket',
  'execution-role-arn': 'arn:aws:iam::123456789012:role/SageMakerExecution',
  'aws-region': 'us-east-1',
};
const AWS_WRITES = new Set([
  'PutObject',
  'CreateMultipartUpload',
  'UploadPart',
  'CompleteMultipartUpload',
  'CreatePipeline',
  'UpdatePipeline',
  'StartPipelineExecution',
  'StopPipelineExecution',
  'CreateModelPackageGroup',
  'AddTags',
]);
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'octocat',
  GIT_AUTHOR_EMAIL: 'octocat@users.noreply.github.com',
  GIT_COMMITTER_NAME: 'GitHub',
  GIT_COMMITTER_EMAIL: 'noreply@github.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

let aws: AwsServer;
let gh: GithubServer;

beforeEach(async () => {
  aws = await startAwsServer();
  gh = await startGithubServer();
});

afterEach(async () => {
  expect(gh.violations, gh.formatViolations()).toEqual([]);
  expect(gh.serverErrors, gh.serverErrors.join('\n')).toEqual([]);
  expect(aws.violations, aws.formatViolations()).toEqual([]);
  expect(aws.serverErrors, aws.serverErrors.join('\n')).toEqual([]);
  await Promise.all([aws.close(), gh.close()]);
});

function awsWrites(): string[] {
  return aws.requests.operations().filter((op) => AWS_WRITES.has(op));
}

function errors(r: ActionRun): string[] {
  return r.commands.filter((c) => c.command === 'error').map((c) => c.message);
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' }).trim();
}

/** The workspace as a git checkout: one commit with the example. */
function gitWorkspace(): { ws: string; commit: (message: string) => string } {
  const ws = exampleWorkspace('tf');
  git(ws, 'init', '--quiet', '--initial-branch=main');
  const commit = (message: string): string => {
    git(ws, 'add', '-A');
    git(ws, 'commit', '--quiet', '--allow-empty', '-m', message);
    return git(ws, 'rev-parse', 'HEAD');
  };
  return { ws, commit };
}

/** Runs the PR plan at `headSha` (OIDC, same-repo PR) so that our comment on the PR holds its plan hash. */
async function planOnPullRequest(ws: string, prNumber: number, headSha: string): Promise<string> {
  const r = await runAction({
    workspace: ws,
    inputs: { ...SETTINGS, 'role-to-assume': ROLE },
    event: pullRequestEvent({ number: prNumber, headSha, base: REPO }),
    env: { ...gh.env(), ...aws.env({ credentials: false }) },
    token: gh.token,
  });
  expect(r.code, r.stdout).toBe(0);
  expect(r.stdout).toContain('PR comment created');
  return r.outputs.get('plan-hash')!;
}

function pushRun(
  ws: string,
  sha: string,
  inputs: Record<string, string>,
  env: Record<string, string>,
): Promise<ActionRun> {
  return runAction({
    workspace: ws,
    inputs: { ...SETTINGS, ...inputs },
    event: pushEvent({ sha, repo: REPO }),
    env: { ...gh.env(), ...env },
    token: gh.token,
  });
}

describe('push to the default branch: run', () => {
  it('deploys through OIDC, starts the execution, waits for it and reports steps and registered models', async () => {
    // Let simulated time pass as soon as the execution starts: every step finishes before the first poll.
    aws.onRequest = (r) => {
      if (r.operation === 'StartPipelineExecution' && r.status === 200) aws.clock.advance(30 * 60_000);
    };
    // What the example's evaluate.py writes: the registered version's metrics object.
    aws.script.propertyFiles = {
      'calhousing-Metrics.EvaluationReport': {
        regression_metrics: { mse: { value: 0.25, standard_deviation: 0.01 }, r2: { value: 0.87 } },
      },
    };
    const ws = exampleWorkspace('tf');
    const sha = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
    const r = await pushRun(
      ws,
      sha,
      { 'role-to-assume': ROLE, wait: 'true', 'poll-interval-seconds': '5' },
      aws.env({ credentials: false }),
    );
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toMatch(/mode run \(push to the default branch main\)/);
    expect(r.stdout).toContain(`AWS: assumed ${ROLE} through GitHub OIDC`);
    const o = r.outputs;
    expect(o.get('pipeline-arn')).toBe('arn:aws:sagemaker:us-east-1:123456789012:pipeline/calhousing-test');
    expect(o.get('execution-arn')).toMatch(
      /^arn:aws:sagemaker:us-east-1:123456789012:pipeline\/calhousing-test\/execution\/[a-z0-9]+$/,
    );
    expect(o.get('execution-status')).toBe('Succeeded');
    const models = JSON.parse(o.get('model-package-arns')!) as unknown;
    expect(models).toEqual([
      expect.stringMatching(/^arn:aws:sagemaker:us-east-1:123456789012:model-package\/[^/]+\/1$/),
    ]);
    expect(o.get('changed')).toBe('true');
    expect(o.get('plan-hash')).toMatch(/^[0-9a-f]{64}$/);

    // The summary: the plan, the execution with its console link, the step table, the registered model.
    const s = r.summary;
    // It opens with the outcome.
    expect(s.split('\n')[0]).toMatch(
      /^### ✅ Succeeded in \d+m\d\ds: registered `calhousing-test-calhousing` v1$/,
    );
    expect(s).toContain(
      '**Pipeline created** <code title="arn:aws:sagemaker:us-east-1:123456789012:pipeline/calhousing-test">pipeline/calhousing-test</code>',
    );
    expect(s).toContain(`**Execution** <code title="${o.get('execution-arn')!}">…/execution/`);
    expect(s).toContain(`: \`${o.get('execution-arn')!}\``);
    expect(r.stdout).toMatch(/Registered calhousing-test-calhousing version 1 \(PendingManualApproval\)/);
    expect(s).toContain(
      '(https://us-east-1.console.aws.amazon.com/sagemaker/home?region=us-east-1#/pipelines/calhousing-test/executions/',
    );
    expect(s).toContain('Status: **Succeeded**');
    expect(s).toContain('| step | status | duration | notes |');
    for (const step of ['Preprocessing', 'Training', 'CreateModel', 'Transform', 'Metrics', 'Register'])
      expect(s).toMatch(
        new RegExp(`\\| \`calhousing-${step}\` \\| ✅&nbsp;Succeeded \\| \\d+(s|m\\d\\ds) \\|`),
      );
    expect(s).toContain('**Registered model versions**');
    expect(s).toMatch(
      /\| \[`calhousing-test-calhousing`\]\(https:\/\/us-east-1\.console\.aws\.amazon\.com\/sagemaker\/[^)]+\) \| <span title="arn:[^"]+\/1">1<\/span> \| PendingManualApproval \|/,
    );
    expect(s).toContain(`\`${(models as string[])[0]!}\``);
    // Its metric values, in the row and in the log.
    expect(s).toMatch(
      /\| PendingManualApproval \| mse\u00a00\.25 · r2\u00a00\.87<br>\[model\\_evaluation\\_metrics\.json\]\(https:\/\/s3\.console/,
    );
    expect(r.stdout).toMatch(/^ {2}metrics: mse 0\.25 · r2 0\.87 \(s3:\/\/[^/]+\/calhousing-test\//m);

    // The execution really ran on the server, named after the commit and linked to this run.
    const start = aws.requests.last('StartPipelineExecution')!;
    expect(start.input.PipelineExecutionDescription).toContain(`smp-action ${sha.slice(0, 7)}`);
    expect(start.input.PipelineExecutionDescription).toContain(
      'https://github.com/octo-org/octo-repo/actions/runs/9876543210',
    );
    expect(aws.requests.count('AssumeRoleWithWebIdentity')).toBe(1);
    expect(
      aws.requests.filter('StartPipelineExecution').every((x) => x.accessKeyId?.startsWith('ASIA')),
    ).toBe(true);
    // Without the gate, a push run's only GitHub call looks for the merged PR to give it the run's status.
    expect(gh.requests.map((x) => x.route)).toEqual([ROUTES.pullsForCommit]);
  });

  it('a failed run: the summary opens with the failed step and its reason, every step is listed, ::error:: names it', async () => {
    aws.onRequest = (q) => {
      if (q.operation === 'StartPipelineExecution' && q.status === 200) aws.clock.advance(30 * 60_000);
    };
    aws.script.failStep = { name: 'calhousing-Training', reason: 'AlgorithmError: ValueError: loss is NaN' };
    try {
      const ws = exampleWorkspace('tf');
      const r = await pushRun(
        ws,
        'b1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
        { 'role-to-assume': ROLE, wait: 'true', 'poll-interval-seconds': '5' },
        aws.env({ credentials: false }),
      );
      expect(r.code).toBe(1);
      expect(r.outputs.get('execution-status')).toBe('Failed');
      const first = r.summary.split('\n')[0]!;
      expect(first).toMatch(
        /^### ❌ Failed at `calhousing-Training` after \d+m\d\ds: AlgorithmError: ValueError: loss is NaN/,
      );
      expect(first).toContain(
        '[job](https://us-east-1.console.aws.amazon.com/sagemaker/home?region=us-east-1#/jobs/',
      );
      expect(first).toContain(
        '[logs](https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:',
      );
      const html = marked.parse(r.summary, { gfm: true, async: false });
      expect(/<h3>([^<]*<code>[^<]*<\/code>[^<]*)/.exec(html)?.[1]).toContain(
        '<code>calhousing-Training</code>',
      );
      for (const step of ['CreateModel', 'Transform', 'Metrics', 'Register'])
        expect(r.summary).toContain(`| \`calhousing-${step}\` | ⚪&nbsp;not run |`);
      // What the run did comes before the plan it deployed: the step table and the failure, then the plan.
      const at = (text: string): number => r.summary.indexOf(text);
      expect(at('| step | status | duration | notes |')).toBeGreaterThan(0);
      expect(at('> [!CAUTION]')).toBeGreaterThan(at('| step | status | duration | notes |'));
      expect(at('### smp plan:')).toBeGreaterThan(at('> [!CAUTION]'));
      // The failure block names the reason once and points at the table, which has the job and its logs.
      const caution = r.summary.slice(at('> [!CAUTION]'), at('### smp plan:'));
      expect(caution).toContain('**Execution failed at calhousing-Training**');
      expect(caution).toContain('ValueError: loss is NaN');
      expect(caution).toContain('The whole reason, the job and its logs: the step table above.');
      expect(caution).not.toContain('job: arn:aws:sagemaker');
      const row = r.summary.split('\n').find((l) => l.startsWith('| `calhousing-Training` |'))!;
      expect(row).toContain('ValueError: loss is NaN');
      expect(row).toMatch(/\[job\]\(https:[^)]+\) · \[logs\]\(https:/);
      // The DAG coloured and badged by run status.
      expect(r.summary).toContain('subgraph m0["calhousing-…"]');
      expect(r.summary).toContain('["❌ Training<br/><small>Training · failed</small>"]');
      expect(r.summary).toContain('["✅ Preprocessing<br/><small>Processing · succeeded</small>"]');
      expect(r.summary).toContain('["⚪ Register<br/><small>RegisterModel · not run</small>"]');
      expect(r.stdout).toMatch(
        /::error::Execution failed at calhousing-Training: AlgorithmError: ValueError: loss is NaN/,
      );
    } finally {
      aws.script.failStep = undefined;
    }
  });

  it('fails before any AWS call when role-to-assume is set but the job lacks `permissions: id-token: write`', async () => {
    const ws = exampleWorkspace('tf');
    const r = await pushRun(
      ws,
      'b'.repeat(40),
      { 'role-to-assume': ROLE },
      aws.env({ credentials: false, oidc: false }),
    );
    expect(r.code).toBe(1);
    expect(errors(r)).toEqual([expect.stringContaining('give the job `permissions: id-token: write`')]);
    expect(r.summary).toContain('id-token: write');
    expect(aws.requests.length).toBe(0);
    expect(r.outputs.has('pipeline-arn')).toBe(false);
  });

  it('a denied role assumption fails with the token’s sub and a trust-policy condition, and writes nothing', async () => {
    aws.script.stsDeny = true;
    const ws = exampleWorkspace('tf');
    const r = await pushRun(ws, 'c'.repeat(40), { 'role-to-assume': ROLE }, aws.env({ credentials: false }));
    expect(r.code).toBe(1);
    expect(errors(r)).toEqual([expect.stringContaining(`AssumeRoleWithWebIdentity for ${ROLE} was denied`)]);
    const sub = 'repo:octo-org/octo-repo:environment:production';
    // The claims and the condition to paste are in the summary (the annotation carries the first line).
    expect(r.summary).toContain(`sub: ${sub}`);
    expect(r.summary).toContain(
      '"token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:environment:production"',
    );
    expect(r.summary).toContain('"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"');
    expect(aws.requests.operations('sts')).toEqual(['AssumeRoleWithWebIdentity']); // a denial is not retried
    expect(awsWrites()).toEqual([]);
  });
});

describe('push to the default branch: inputs win over SMP_* variables', () => {
  it('bucket, role, region, KMS key, subnets and security groups from the inputs reach the definition, PutObject and CreatePipeline', async () => {
    const inputs = {
      's3-bucket': 'input-bucket',
      'execution-role-arn': 'arn:aws:iam::123456789012:role/InputExecution',
      'aws-region': 'eu-west-1',
      'kms-key-id': 'arn:aws:kms:eu-west-1:123456789012:key/1111aaaa-22bb-33cc-44dd-555555eeeeee',
      subnets: 'subnet-0a1a1a1a, subnet-0a2a2a2a',
      'security-groups': 'sg-0a3a3a3a',
    };
    const vars = {
      SMP_S3BUCKETNAME: 'env-bucket',
      SMP_ROLE: 'arn:aws:iam::123456789012:role/EnvExecution',
      SMP_REGION: 'us-west-2',
      SMP_KMSKEY: 'arn:aws:kms:us-west-2:123456789012:key/9999ffff-88ee-77dd-66cc-444444bbbbbb',
      SMP_SUBNETS: 'subnet-0e1e1e1e',
      SMP_SECURITYGROUPS: 'sg-0e2e2e2e',
    };
    const r = await pushRun(exampleWorkspace('tf'), 'e'.repeat(40), inputs, { ...aws.env(), ...vars });
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.outputs.get('pipeline-arn')).toBe(
      'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/calhousing-test',
    );
    expect(new Set(aws.requests.all.map((x) => x.region))).toEqual(new Set(['eu-west-1']));
    // No role-to-assume: the SDK's default chain found the environment's keys, resolved once for every client.
    expect(r.stdout).toContain('AWS: the default AWS credential chain');
    for (const x of aws.requests.all)
      expect(x.headers.authorization ?? '', `${x.service}.${x.operation}`).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/eu-west-1\//,
      );
    const create = aws.requests.last('CreatePipeline')!;
    expect(create.input.RoleArn).toBe(inputs['execution-role-arn']);
    const puts = aws.requests.filter('PutObject');
    expect(puts.length).toBeGreaterThan(0);
    for (const put of puts)
      expect(put.input).toMatchObject({
        Bucket: inputs['s3-bucket'],
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: inputs['kms-key-id'],
      });
    const definition = String(create.input.PipelineDefinition);
    for (const v of Object.values(vars)) expect(definition).not.toContain(v);
    const found = settingsInDefinition(JSON.parse(definition) as unknown);
    expect(new Set(found.buckets)).toEqual(new Set([inputs['s3-bucket']]));
    expect(new Set(found.RoleArn)).toEqual(new Set([inputs['execution-role-arn']]));
    expect(found.Subnets.length).toBeGreaterThan(0);
    for (const sn of found.Subnets) expect(sn).toEqual(['subnet-0a1a1a1a', 'subnet-0a2a2a2a']);
    for (const sg of found.SecurityGroupIds) expect(sg).toEqual([inputs['security-groups']]);
    expect(found.SecurityGroupIds).toHaveLength(found.Subnets.length);
    expect(found.KmsKeyId.length).toBeGreaterThan(0);
    expect(new Set([...found.KmsKeyId, ...found.VolumeKmsKeyId])).toEqual(new Set([inputs['kms-key-id']]));
  });
});

describe('push to the default branch: require-approved-plan', () => {
  it('refuses a plan that differs from the one approved on the merged PR: exit 1, failure-reason, no AWS writes, the diff', async () => {
    const { ws, commit } = gitWorkspace();
    const head = commit('Tune calhousing');
    const pr = gh.addPullRequest({ headSha: head });
    const approved = await planOnPullRequest(ws, pr.number, head);

    // What lands on main is not what was reviewed: the training image changed after the approval.
    const conf = path.join(ws, 'examples/tf/conf/conf.yaml');
    writeFileSync(
      conf,
      readFileSync(conf, 'utf8').replace(
        'tensorflow-training:2.11.0-cpu-py39',
        'tensorflow-training:2.13.0-cpu-py310',
      ),
    );
    const merge = commit('Merge pull request #1');
    gh.merge(pr.number, merge);
    aws.requests.reset();
    gh.resetRequests();

    const r = await pushRun(
      ws,
      merge,
      { 'role-to-assume': ROLE, 'require-approved-plan': 'true' },
      aws.env({ credentials: false }),
    );
    expect(r.code, r.stdout).toBe(1);
    expect(r.outputs.get('failure-reason')).toBe('plan-changed');
    const now = r.outputs.get('plan-hash')!;
    expect(now).not.toBe(approved);
    const refusal = errors(r);
    expect(refusal).toHaveLength(1);
    expect(refusal[0]!.split('\n')[0]).toBe(
      `Refused: the plan is not the approved one: the plan changed since pull request #${pr.number} was approved: approved ${approved.slice(0, 12)}, now ${now.slice(0, 12)}`,
    );
    expect(refusal[0]).toContain('Changes since the approved plan:');
    expect(awsWrites()).toEqual([]);
    expect(r.outputs.has('pipeline-arn')).toBe(false);
    // The diff against the approved plan (recompiled at the PR head in a git worktree) is in the summary.
    expect(r.summary).toContain('Changes since the approved plan:');
    expect(r.summary).toContain('\\~ calhousing-Training \\(Training\\)');
    expect(r.summary).toMatch(
      /Arguments\.AlgorithmSpecification\.TrainingImage: \S+tensorflow-training:2\.11\.0-cpu-py39 → \S+tensorflow-training:2\.13\.0-cpu-py310/,
    );
    // Failure text is escaped as text we did not write: a word joiner keeps `://` from autolinking.
    expect(r.summary.replace(/\u2060/g, '')).toMatch(
      /Approved plan: https:\/\/github\.com\/octo-org\/octo-repo\/pull\/\d+\\?#issuecomment-\d+/,
    );
    expect(git(ws, 'worktree', 'list').split('\n')).toHaveLength(1); // the temporary worktree is gone
    expect(gh.countByRoute()).toEqual({
      [ROUTES.pullsForCommit]: 1,
      [ROUTES.getAuthenticatedUser]: 1,
      [ROUTES.listComments]: 1,
    });
  });

  it('proceeds when the plan is the approved one', async () => {
    const { ws, commit } = gitWorkspace();
    const head = commit('Tune calhousing');
    const pr = gh.addPullRequest({ headSha: head });
    const approved = await planOnPullRequest(ws, pr.number, head);
    writeFileSync(path.join(ws, 'NOTES.md'), 'Unrelated to the pipeline.\n');
    const merge = commit('Merge pull request #1');
    gh.merge(pr.number, merge);
    aws.requests.reset();

    const r = await pushRun(
      ws,
      merge,
      { 'role-to-assume': ROLE, 'require-approved-plan': 'true' },
      aws.env({ credentials: false }),
    );
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.get('plan-hash')).toBe(approved);
    expect(r.stdout).toContain(
      `Plan ${approved} was approved in https://github.com/octo-org/octo-repo/pull/${pr.number}`,
    );
    expect(r.outputs.has('failure-reason')).toBe(false);
    expect(r.outputs.get('execution-status')).toBe('Executing');
    expect(awsWrites()).toEqual(expect.arrayContaining(['CreatePipeline', 'StartPipelineExecution']));
    // The merged PR's plan comment tells what happened, in place: same marker and hash, a status line.
    const ours = gh.comments(pr.number).filter((c) => c.body.startsWith('<!-- smp-action:plan'));
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toContain(`"planHash":"${approved}"`);
    expect(ours[0]!.body).toMatch(
      /\n\n> \*\*After merge:\*\* ⏳ Deployed and started \(not waited for\) \(\[run \d+\]\(https:\/\/github\.com\/octo-org\/octo-repo\/actions\/runs\/\d+\)\)\n\n/,
    );
    expect(r.stdout).toContain("Run status added to the merged PR's plan comment");
  });

  it('refuses a commit that only an open, unmerged pull request holds, even with the current plan hash in its comment', async () => {
    const { ws, commit } = gitWorkspace();
    const head = commit('Tune calhousing');
    const pr = gh.addPullRequest({ headSha: head }); // open, never merged
    const planned = await planOnPullRequest(ws, pr.number, head);
    expect(gh.comments(pr.number)).toEqual([
      expect.objectContaining({ body: expect.stringContaining(planned) }),
    ]);
    aws.requests.reset();
    gh.resetRequests();

    // The same commit pushed to main without the PR being merged (e.g. pushed directly).
    const r = await pushRun(
      ws,
      head,
      { 'role-to-assume': ROLE, 'require-approved-plan': 'true' },
      aws.env({ credentials: false }),
    );
    expect(r.code, r.stdout).toBe(1);
    expect(r.outputs.get('plan-hash')).toBe(planned); // the very plan the open PR shows
    expect(r.outputs.get('failure-reason')).toBe('plan-changed');
    expect(errors(r)).toEqual([
      expect.stringContaining(
        `no merged pull request brought ${head.slice(0, 7)} into main, so there is no approved plan`,
      ),
    ]);
    expect(awsWrites()).toEqual([]);
    expect(gh.count(ROUTES.pullsForCommit)).toBe(1);
  });

  it('refuses a push that no merged pull request brought (no approved plan)', async () => {
    const ws = exampleWorkspace('tf');
    const r = await pushRun(
      ws,
      'd'.repeat(40),
      { 'role-to-assume': ROLE, 'require-approved-plan': 'true' },
      aws.env({ credentials: false }),
    );
    expect(r.code).toBe(1);
    expect(r.outputs.get('failure-reason')).toBe('plan-changed');
    expect(errors(r)).toEqual([
      expect.stringContaining(
        'no merged pull request brought ddddddd into main, so there is no approved plan',
      ),
    ]);
    expect(awsWrites()).toEqual([]);
  });
});

describe('push: fixed bugs, kept as regression tests', () => {
  // Issue 7: "print the diff between the approved plan and the current one". The diff reaches only the job
  // summary: the log and the annotation carry the first line of the message (core.setFailed).
  it('prints the approved-plan diff in the log of a refused gated apply', async () => {
    const { ws, commit } = gitWorkspace();
    const head = commit('Tune calhousing');
    const pr = gh.addPullRequest({ headSha: head });
    await planOnPullRequest(ws, pr.number, head);
    const conf = path.join(ws, 'examples/tf/conf/conf.yaml');
    writeFileSync(conf, readFileSync(conf, 'utf8').replace('2.11.0-cpu-py39', '2.13.0-cpu-py310'));
    const merge = commit('Merge pull request #1');
    gh.merge(pr.number, merge);
    const r = await pushRun(
      ws,
      merge,
      { 'role-to-assume': ROLE, 'require-approved-plan': 'true' },
      aws.env({ credentials: false }),
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Arguments.AlgorithmSpecification.TrainingImage');
  });

  // The denial's claims and the trust-policy condition reach only the job summary, not the log or annotation.
  it('shows the denied token’s sub and the condition in the log, not only in the summary', async () => {
    aws.script.stsDeny = true;
    const r = await pushRun(
      exampleWorkspace('tf'),
      'c'.repeat(40),
      { 'role-to-assume': ROLE },
      aws.env({ credentials: false }),
    );
    expect(r.code).toBe(1);
    // (It is in a ::debug:: line, the stack, which the log hides unless step debug logging is on.)
    const visible = r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::debug::'))
      .join('\n');
    expect(visible).toContain('sub: repo:octo-org/octo-repo:environment:production');
  });
});

describe('push to the default branch: parameters and a quality gate (examples/tf-gated)', () => {
  const GATED = { config: 'examples/tf-gated/conf/conf.yaml', 'role-to-assume': ROLE };

  it('a parameters value that does not fit fails before any AWS call', async () => {
    const ws = exampleWorkspace('tf-gated', 'tf');
    const r = await pushRun(
      ws,
      'd'.repeat(40),
      { ...GATED, parameters: 'Epochs=10\nTrainInstance=ml.p3.2xlarge' },
      aws.env({ credentials: false }),
    );
    expect(r.code).toBe(1);
    expect(errors(r)).toEqual([expect.stringContaining('Invalid parameters input')]);
    // In the summary as text (backticks escaped, not code spans made of user input).
    expect(r.summary).toMatch(
      /> parameter .*TrainInstance.*ml\.p3\.2xlarge.* is not one of .*ml\.m5\.xlarge/,
    );
    expect(aws.requests.length).toBe(0);
  });

  it('runs with the given values; a failed gate fails the job, registers nothing and says why', async () => {
    aws.onRequest = (r) => {
      if (r.operation === 'StartPipelineExecution' && r.status === 200) aws.clock.advance(30 * 60_000);
    };
    aws.script.propertyFiles = {
      'calhousing-Metrics.EvaluationReport': {
        regression_metrics: { r2: { value: 0.41 }, rmse: { value: 0.5 } },
      },
    };
    const ws = exampleWorkspace('tf-gated', 'tf');
    const r = await pushRun(
      ws,
      'e'.repeat(40),
      {
        ...GATED,
        parameters: '{"Epochs": 80, "TrainInstance": "ml.m5.2xlarge"}',
        wait: 'true',
        'poll-interval-seconds': '5',
      },
      aws.env({ credentials: false }),
    );
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(1);
    expect(aws.requests.last('StartPipelineExecution')!.input.PipelineParameters).toEqual([
      { Name: 'Epochs', Value: '80' },
      { Name: 'TrainInstance', Value: 'ml.m5.2xlarge' },
    ]);
    expect(r.outputs.get('execution-status')).toBe('Failed');
    expect(JSON.parse(r.outputs.get('model-package-arns')!)).toEqual([]);
    expect(errors(r)).toEqual([expect.stringContaining('quality gate failed: r2 0.41 < 0.60')]);
    const s = r.summary;
    expect(s).toContain('Status: **Failed**: quality gate failed: r2 0.41 &lt; 0.60');
    expect(s).toContain('| `Epochs` | `80` | set for this run |');
    expect(s).toContain('| `MaxRmse` | `0.75` | default |');
    expect(s).toContain('| `calhousing-Register-QualityGate` | ✅&nbsp;Succeeded |');
    expect(s).toContain('quality gate not passed');
    expect(s).toContain(
      '| `calhousing-gated-calhousing` | — | **not registered: gate failed** | r2 0.41 &lt; 0.60 |',
    );
  });
});
