// The built action on pull_request events, run as the runner runs it, against the local GitHub and AWS test
// servers: one plan comment per pipeline, created once and then updated in place, nobody else's comment
// touched; the job summary and the plan outputs; the GitHub call budget; fork PRs; rate limits.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAwsServer } from '../servers/aws-server.js';
import type { AwsServer } from '../servers/aws-server.js';
import { exampleWorkspace, pullRequestEvent, runAction } from '../servers/github/action-runner.js';
import type { ActionRun } from '../servers/github/action-runner.js';
import { ROUTES, startGithubServer } from '../servers/github-server.js';
import type { GithubServer } from '../servers/github-server.js';
import {
  CreatePipelineCommand,
  DeletePipelineCommand,
  DescribePipelineCommand,
  SageMakerClient,
  UpdatePipelineVersionCommand,
} from '@aws-sdk/client-sagemaker';
import { loadAndCompile } from '../../src/app/compile-project.js';
import { VERSION } from '../../src/version.js';

const REPO = { fullName: 'octo-org/octo-repo', defaultBranch: 'main' };
const SETTINGS = {
  config: 'examples/tf/conf/conf.yaml',
  's3-bucket': 'smp-bucket',
  'execution-role-arn': 'arn:aws:iam::123456789012:role/SageMakerExecution',
  'aws-region': 'us-east-1',
};
const MARKER =
  /^<!-- smp-action:plan v1 \{"pipeline":"calhousing\\u002dtest","planHash":"([0-9a-f]{64})"\} -->$/m;
const AWS_WRITES = new Set([
  'PutObject',
  'CreateMultipartUpload',
  'CreatePipeline',
  'UpdatePipeline',
  'StartPipelineExecution',
  'CreateModelPackageGroup',
  'AddTags',
]);

let aws: AwsServer;
let gh: GithubServer;

beforeAll(async () => {
  aws = await startAwsServer();
});

afterAll(async () => {
  await aws.close();
});

beforeEach(() => {
  aws.requests.reset();
});

afterEach(async () => {
  expect(gh.violations, gh.formatViolations()).toEqual([]);
  expect(gh.serverErrors, gh.serverErrors.join('\n')).toEqual([]);
  expect(aws.violations, aws.formatViolations()).toEqual([]);
  expect(aws.serverErrors, aws.serverErrors.join('\n')).toEqual([]);
  await gh.close();
});

function awsWrites(): string[] {
  return aws.requests.operations().filter((op) => AWS_WRITES.has(op));
}

function expectOk(r: ActionRun): void {
  expect(r.code, `exit ${r.code}\n${r.stdout}\n${r.stderr}`).toBe(0);
}

describe('pull_request: the plan comment', () => {
  it('is created once, then updated in place on the next push; other comments are never touched', async () => {
    gh = await startGithubServer(); // GITHUB_TOKEN-like: GET /user → 403, comments by github-actions[bot]
    const ws = exampleWorkspace('tf');
    const pr = gh.addPullRequest({ headSha: '1'.repeat(40), title: 'Tune calhousing' });
    const human = gh.addComment(pr.number, 'octocat', 'Please check the instance type before merging.');
    // Someone else pasting our marker must not make us edit (or adopt) their comment.
    const spoof = gh.addComment(
      pr.number,
      'mallory',
      `<!-- smp-action:plan v1 {"pipeline":"calhousing\\u002dtest","planHash":"${'0'.repeat(64)}"} -->\nnot a plan`,
    );
    // Our own comment for another pipeline (another job of the same workflow) is not ours to edit either.
    const otherPipeline = gh.addComment(
      pr.number,
      gh.tokenUser,
      `<!-- smp-action:plan v1 {"pipeline":"other\\u002dpipeline","planHash":"${'1'.repeat(64)}"} -->\nother`,
    );
    // Enough chatter that the comment list spans two pages of 100.
    for (let i = 0; i < 110; i++) gh.addComment(pr.number, i % 3 ? 'hubot' : 'octocat', `comment ${i}`);
    const env = { ...gh.env(), ...aws.env({ oidc: false }) };

    // First push: the comment is created.
    const first = await runAction({
      workspace: ws,
      inputs: SETTINGS,
      event: pullRequestEvent({ number: pr.number, headSha: '1'.repeat(40), base: REPO }),
      env,
      token: gh.token,
    });
    expectOk(first);
    // The first line comes before @actions/core and the phases load; the mode follows once inputs are read.
    expect(first.stdout.split('\n').slice(0, 2)).toEqual([
      `smp-action ${VERSION} (node ${process.version})`,
      'mode plan (pull_request event)',
    ]);
    expect(first.stdout).toMatch(
      /PR comment created: https:\/\/github\.com\/octo-org\/octo-repo\/pull\/\d+#issuecomment-\d+/,
    );
    const o = first.outputs;
    const hash1 = o.get('plan-hash')!;
    expect(hash1).toMatch(/^[0-9a-f]{64}$/);
    expect(o.get('pipeline-name')).toBe('calhousing-test');
    expect(o.get('changed')).toBe('true'); // read from AWS: no such pipeline yet
    expect(existsSync(o.get('definition-file')!)).toBe(true);
    expect(JSON.parse(readFileSync(o.get('definition-file')!, 'utf8'))).toMatchObject({
      Version: '2020-12-01',
    });
    expect(path.dirname(o.get('definition-file')!).startsWith(first.runnerTemp)).toBe(true);
    expect(o.get('dag-mermaid')).toMatch(/^flowchart TD\n/);
    expect(first.summary).toMatch(MARKER);
    expect(first.summary).toContain(
      '### smp plan: `calhousing-test`\n\n**Plan: 6 to add, 0 to change, 0 to remove \\(new pipeline\\)**\n',
    );
    // Provenance: the PR head commit and this run, linked, and what the plan was compared with.
    expect(first.summary).toMatch(
      /<sub>Planned from \[`[0-9a-f]{7}`\]\(http[^)]+\/commit\/[0-9a-f]{40}\) in \[run \d+\]\(http[^)]+\/actions\/runs\/\d+\) no pipeline `calhousing-test` is deployed yet · plan hash `[0-9a-f]{64}`<\/sub>/,
    );
    expect(first.summary).toContain('```mermaid\nflowchart TD');
    expect(first.summary).toContain(hash1);

    const ours = gh
      .comments(pr.number)
      .filter((c) => c.user.login === 'github-actions[bot]' && c !== otherPipeline);
    expect(ours).toHaveLength(1);
    expect(MARKER.exec(ours[0]!.body)?.[1]).toBe(hash1);
    expect(ours[0]!.body.trimEnd()).toBe(first.summary.trimEnd()); // the summary shows the same Markdown
    const firstCalls = gh.countByRoute();
    expect(firstCalls).toEqual({
      [ROUTES.getAuthenticatedUser]: 1,
      [ROUTES.listComments]: 2, // 114 comments: two pages of 100
      [ROUTES.createComment]: 1,
    });
    expect(gh.requests.length).toBeLessThanOrEqual(10);
    expect(awsWrites()).toEqual([]); // plan never writes to AWS
    expect(aws.requests.operations('sagemaker')).toEqual(['DescribePipeline']);

    // Second push to the PR: the code changed, the same comment is updated.
    appendFileSync(path.join(ws, 'examples/tf/modelscripts/train.py'), '\n# tuned\n');
    gh.resetRequests();
    const second = await runAction({
      workspace: ws,
      inputs: SETTINGS,
      event: pullRequestEvent({ number: pr.number, headSha: '2'.repeat(40), base: REPO }),
      env,
      token: gh.token,
    });
    expectOk(second);
    const hash2 = second.outputs.get('plan-hash')!;
    expect(hash2).not.toBe(hash1);
    expect(second.stdout).toContain('PR comment updated');
    expect(gh.count(ROUTES.createComment)).toBe(0);
    expect(gh.count(ROUTES.updateComment)).toBe(1);
    expect(gh.requests.find((r) => r.route === ROUTES.updateComment)?.params.comment_id).toBe(ours[0]!.id);
    expect(MARKER.exec(ours[0]!.body)?.[1]).toBe(hash2);
    expect(ours[0]!.history).toHaveLength(1);
    expect(gh.requests.length).toBeLessThanOrEqual(10);

    // A re-run with nothing new: neither a new comment nor an edit.
    gh.resetRequests();
    const third = await runAction({
      workspace: ws,
      inputs: SETTINGS,
      event: pullRequestEvent({ number: pr.number, headSha: '2'.repeat(40), base: REPO }),
      env,
      token: gh.token,
      runAttempt: '2',
    });
    expectOk(third);
    expect(third.stdout).toContain('PR comment unchanged');
    expect(gh.count(ROUTES.createComment) + gh.count(ROUTES.updateComment)).toBe(0);

    // Nobody else's comment was edited; ours is still the only one we wrote for this pipeline.
    for (const c of [human, spoof, otherPipeline]) expect(c.history).toEqual([]);
    expect(spoof.body).toContain('not a plan');
    expect(gh.comments(pr.number)).toHaveLength(114);
  });

  it('a user token (GET /user works): finds its comment by its own login, not github-actions[bot]', async () => {
    gh = await startGithubServer({ tokenKind: 'user', login: 'smp-deploy-bot' });
    const ws = exampleWorkspace('tf');
    const pr = gh.addPullRequest({ headSha: '3'.repeat(40) });
    // A github-actions[bot] comment with our marker (e.g. left by another workflow) is not ours with this token.
    const bots = gh.addComment(
      pr.number,
      'github-actions[bot]',
      `<!-- smp-action:plan v1 {"pipeline":"calhousing\\u002dtest","planHash":"${'2'.repeat(64)}"} -->\nx`,
    );
    const run = (): Promise<ActionRun> =>
      runAction({
        workspace: ws,
        inputs: SETTINGS,
        event: pullRequestEvent({ number: pr.number, headSha: '3'.repeat(40), base: REPO }),
        env: { ...gh.env() },
        token: gh.token,
      });
    const first = await run();
    expectOk(first);
    expect(first.stdout).toContain('Planning offline');
    expect(first.outputs.get('changed')).toBe('unknown');
    appendFileSync(path.join(ws, 'examples/tf/modelscripts/train.py'), '\n# v2\n');
    expectOk(await run());
    expect(gh.count(ROUTES.createComment)).toBe(1);
    expect(gh.count(ROUTES.updateComment)).toBe(1);
    expect(gh.comments(pr.number).map((c) => c.user.login)).toEqual([
      'github-actions[bot]',
      'smp-deploy-bot',
    ]);
    expect(bots.history).toEqual([]);
  });

  it('skips the comment with a notice when the GitHub rate limit is nearly used up', async () => {
    gh = await startGithubServer({ rateLimitRemaining: 12 });
    const ws = exampleWorkspace('tf');
    const pr = gh.addPullRequest({ headSha: '4'.repeat(40) });
    const r = await runAction({
      workspace: ws,
      inputs: SETTINGS,
      event: pullRequestEvent({ number: pr.number, headSha: '4'.repeat(40), base: REPO }),
      env: { ...gh.env() },
      token: gh.token,
    });
    expectOk(r);
    const notices = r.commands.filter((c) => c.command === 'notice').map((c) => c.message);
    expect(notices).toContainEqual(
      expect.stringMatching(/Skipped the PR comment: the GitHub API rate limit/),
    );
    expect(gh.count(ROUTES.createComment)).toBe(0);
    expect(r.summary).toContain('<!-- smp-action:plan v1');
  });
});

describe('pull_request: what the plan was compared with', () => {
  it("the footer names the deployed pipeline's version (DescribePipeline's display name) and last-modified time", async () => {
    gh = await startGithubServer();
    const ws = exampleWorkspace('tf');
    // A deployed pipeline whose version the team named, set up through the real SDK client.
    const sm = new SageMakerClient({
      region: 'us-east-1',
      endpoint: aws.endpoint,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret-key' },
    });
    const compiled = loadAndCompile({
      workspace: ws,
      globs: [SETTINGS.config],
      env: {
        SMP_S3BUCKETNAME: SETTINGS['s3-bucket'],
        SMP_ROLE: SETTINGS['execution-role-arn'],
        SMP_REGION: SETTINGS['aws-region'],
        SMP_ACCOUNTID: '123456789012',
      },
      allowPlaceholders: false,
    });
    const { PipelineArn } = await sm.send(
      new CreatePipelineCommand({
        PipelineName: 'calhousing-test',
        PipelineDefinition: compiled.plan!.definitionJson,
        RoleArn: SETTINGS['execution-role-arn'],
      }),
    );
    try {
      await sm.send(
        new UpdatePipelineVersionCommand({
          PipelineArn,
          PipelineVersionId: 1,
          PipelineVersionDisplayName: 'release-2026-11',
        }),
      );
      const described = await sm.send(new DescribePipelineCommand({ PipelineName: 'calhousing-test' }));
      const modified = described.LastModifiedTime!.toISOString().replace(/\.\d{3}Z$/, 'Z');
      aws.requests.reset();
      const pr = gh.addPullRequest({ headSha: '5'.repeat(40) });
      const r = await runAction({
        workspace: ws,
        inputs: SETTINGS,
        event: pullRequestEvent({ number: pr.number, headSha: '5'.repeat(40), base: REPO }),
        env: { ...gh.env(), ...aws.env({ oidc: false }) },
        token: gh.token,
      });
      expectOk(r);
      expect(aws.requests.operations('sagemaker')).toEqual(['DescribePipeline']);
      const footer = gh.comments(pr.number)[0]!.body.trimEnd().split('\n').at(-1);
      expect(footer).toContain(
        `compared with the deployed pipeline \`calhousing-test\` (version \`release-2026-11\`, last modified ${modified})`,
      );
    } finally {
      await sm.send(new DeletePipelineCommand({ PipelineName: 'calhousing-test' }));
      sm.destroy();
    }
  });
});

describe('pull_request: the deployed pipeline cannot be read', () => {
  it('DescribePipeline denied (not a 404): plans offline with a notice, exits 0 and comments the plan', async () => {
    gh = await startGithubServer();
    aws.script.deny = ['DescribePipeline']; // a PR role without sagemaker:DescribePipeline
    try {
      const ws = exampleWorkspace('tf');
      const pr = gh.addPullRequest({ headSha: '6'.repeat(40) });
      const r = await runAction({
        workspace: ws,
        inputs: SETTINGS,
        event: pullRequestEvent({ number: pr.number, headSha: '6'.repeat(40), base: REPO }),
        env: { ...gh.env(), ...aws.env({ oidc: false }) },
        token: gh.token,
      });
      expectOk(r);
      expect(aws.requests.filter('DescribePipeline').map((x) => x.errorCode)).toEqual([
        'AccessDeniedException',
      ]);
      const notices = r.commands.filter((c) => c.command === 'notice').map((c) => c.message);
      expect(notices).toEqual([
        expect.stringMatching(
          /^could not read the deployed pipeline \(.*not authorized to perform: sagemaker:DescribePipeline.*\); planning offline$/,
        ),
      ]);
      expect(r.commands.filter((c) => c.command === 'error')).toEqual([]);
      expect(r.outputs.get('changed')).toBe('unknown');
      expect(r.outputs.get('plan-hash')).toMatch(/^[0-9a-f]{64}$/);
      const [comment] = gh.comments(pr.number);
      expect(comment?.body).toMatch(MARKER);
      expect(comment?.body).toContain('could not read the deployed pipeline');
      expect(awsWrites()).toEqual([]);
    } finally {
      aws.script.deny = [];
    }
  });
});

describe('pull_request: fixed bugs, kept as regression tests', () => {
  // An app installation token other than GITHUB_TOKEN (e.g. from actions/create-github-app-token) cannot call
  // GET /user either; the action then assumes github-actions[bot], never finds its own comments (authored by
  // `<app>[bot]`) and posts a new one on every push.
  it('a GitHub App installation token updates its own comment instead of posting another', async () => {
    gh = await startGithubServer({ tokenKind: 'installation', login: 'smp-app[bot]' });
    const ws = exampleWorkspace('tf');
    const pr = gh.addPullRequest({ headSha: '6'.repeat(40) });
    const run = (): Promise<ActionRun> =>
      runAction({
        workspace: ws,
        inputs: SETTINGS,
        event: pullRequestEvent({ number: pr.number, headSha: '6'.repeat(40), base: REPO }),
        env: gh.env(),
        token: gh.token,
      });
    expectOk(await run());
    appendFileSync(path.join(ws, 'examples/tf/modelscripts/train.py'), '\n# v2\n');
    expectOk(await run());
    expect(gh.count(ROUTES.createComment)).toBe(1);
  });

  // With the rate limit used up GitHub answers 403 "API rate limit exceeded"; the action reports it as a fork
  // PR's read-only token.
  it('an exhausted rate limit is reported as such, not as a fork PR token', async () => {
    gh = await startGithubServer({ rateLimitRemaining: 0 });
    const ws = exampleWorkspace('tf');
    const pr = gh.addPullRequest({ headSha: '6'.repeat(40) });
    const r = await runAction({
      workspace: ws,
      inputs: SETTINGS,
      event: pullRequestEvent({ number: pr.number, headSha: '6'.repeat(40), base: REPO }),
      env: gh.env(),
      token: gh.token,
    });
    expectOk(r);
    const notice = r.commands.find((c) => c.command === 'notice' && c.message.includes('comment'));
    expect(notice?.message).toMatch(/rate limit/i);
    expect(notice?.message).not.toContain('fork');
  });
});

describe('pull_request from a fork', () => {
  it('plans offline with a notice; a 403 on the comment is a notice, not a failure; the summary is written', async () => {
    gh = await startGithubServer({ commentWrites: false }); // a fork PR's GITHUB_TOKEN is read-only
    const ws = exampleWorkspace('tf');
    const pr = gh.addPullRequest({ headSha: '5'.repeat(40), headRepo: 'forker/octo-repo' });
    const r = await runAction({
      workspace: ws,
      inputs: { ...SETTINGS, 'role-to-assume': 'arn:aws:iam::123456789012:role/smp-deploy' },
      event: pullRequestEvent({
        number: pr.number,
        headSha: '5'.repeat(40),
        base: REPO,
        head: { fullName: 'forker/octo-repo' },
      }),
      // Fork PRs get no OIDC token (no ACTIONS_ID_TOKEN_REQUEST_*) and no secrets.
      env: { ...gh.env(), AWS_ENDPOINT_URL: aws.endpoint },
      token: gh.token,
    });
    expectOk(r);
    const notices = r.commands.filter((c) => c.command === 'notice');
    expect(notices.map((n) => n.message)).toEqual([
      expect.stringContaining(
        'Planning offline: this pull request comes from a fork, which gets no OIDC token',
      ),
      expect.stringContaining('Could not comment on the pull request (HTTP 403'),
    ]);
    expect(r.commands.filter((c) => c.command === 'error')).toEqual([]);
    expect(r.outputs.get('changed')).toBe('unknown');
    expect(r.outputs.get('plan-hash')).toMatch(/^[0-9a-f]{64}$/);
    expect(r.summary).toMatch(MARKER);
    expect(r.summary).toContain('this pull request comes from a fork');
    expect(gh.count(ROUTES.createComment, { status: 403 })).toBe(1);
    expect(gh.comments(pr.number)).toEqual([]);
    expect(aws.requests.length).toBe(0);
  });
});
