// The pure parts of the AWS side: names, tokens, limits, links, the IAM policy and the run report.
import { describe, expect, it } from 'vitest';
import { jobLinks, executionLink } from '../../../src/aws/console.js';
import { denialHelp, sessionName, tokenClaims } from '../../../src/aws/credentials.js';
import { DISPLAY_NAME, executionDisplayName, executionToken } from '../../../src/aws/execution.js';
import { iamPolicy } from '../../../src/aws/iam-policy.js';
import { checkLimits } from '../../../src/aws/limits.js';
import { formatDuration } from '../../../src/report/duration.js';
import { loadAndCompile } from '../../../src/app/compile-project.js';
import { reasonHeadline, renderRunReport, runOutcome } from '../../../src/report/run-report.js';
import { fullUnitFiles, makeWorkspace, TEST_ENV } from '../../helpers/workspace.js';
import { REPO } from '../plan/helpers.js';

const plan = (() => {
  const r = loadAndCompile({
    workspace: makeWorkspace(fullUnitFiles()),
    globs: ['m/conf/*.yaml'],
    env: TEST_ENV,
    allowPlaceholders: true,
  });
  return r.plan!;
})();

function jwt(claims: object): string {
  return `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
}

describe('names and tokens', () => {
  it('execution display names are <sha7>-<run id>, valid for SageMaker', () => {
    expect(executionDisplayName('0123456789abcdef', '987654321')).toBe('0123456-987654321');
    const long = executionDisplayName('abc', 'x'.repeat(200));
    expect(long.length).toBeLessThanOrEqual(82);
    expect(DISPLAY_NAME.test(long)).toBe(true);
    expect(DISPLAY_NAME.test(executionDisplayName('a_b', 'r.u.n'))).toBe(true);
  });

  it('the start token is the same for the same plan, run and attempt, and differs otherwise', () => {
    expect(executionToken('h', '1', '1')).toBe(executionToken('h', '1', '1'));
    expect(executionToken('h', '1', '2')).not.toBe(executionToken('h', '1', '1'));
    expect(executionToken('h', '1', '1')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('session names fit STS (≤ 64, [\\w+=,.@-])', () => {
    expect(sessionName('123', '2')).toBe('smp-123-2');
    const s = sessionName('r'.repeat(100) + ' /', '1');
    expect(s.length).toBe(64);
    expect(s).toMatch(/^[\w+=,.@-]+$/);
  });
});

describe('denial help', () => {
  it('shows the claims and a condition for the observed sub, never the token', () => {
    const token = jwt({
      sub: 'repo:acme/models:environment:prod',
      aud: 'sts.amazonaws.com',
      iss: 'https://token.actions.githubusercontent.com',
      repository: 'acme/models',
      ref: 'refs/heads/main',
      environment: 'prod',
      job_workflow_ref: 'acme/models/.github/workflows/run.yml@refs/heads/main',
    });
    const help = denialHelp(
      'arn:aws:iam::111122223333:role/deploy',
      token,
      'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    );
    for (const v of [
      'sub: repo:acme/models:environment:prod',
      'aud: sts.amazonaws.com',
      'repository: acme/models',
      'ref: refs/heads/main',
      'environment: prod',
      'job_workflow_ref: acme/models',
    ])
      expect(help).toContain(v);
    expect(help).toContain('"token.actions.githubusercontent.com:sub": "repo:acme/models:environment:prod"');
    expect(help).not.toContain(token);
    expect(tokenClaims('not-a-jwt')).toBeUndefined();
  });

  it('takes the condition keys from the issuer (GHES, custom issuers)', () => {
    const help = denialHelp(
      'arn:aws:iam::1:role/r',
      jwt({ sub: 's', aud: 'a', iss: 'https://token.actions.githubusercontent.com/acme' }),
      'denied',
    );
    expect(help).toContain('"token.actions.githubusercontent.com/acme:sub": "s"');
  });
});

describe('limits before any write', () => {
  it('refuses too many tags and bad display names', () => {
    const tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    expect(checkLimits(plan, { tags }).map((d) => d.code)).toEqual(['limit-tags']);
    expect(checkLimits(plan, { tags: [], displayName: '-bad-' }).map((d) => d.code)).toEqual([
      'limit-display-name',
    ]);
    expect(checkLimits(plan, { tags: [{ Key: 'a', Value: 'b' }], displayName: 'abc1234-42' })).toEqual([]);
  });
});

describe('links', () => {
  it('points at the execution, the job and its log group', () => {
    expect(executionLink('arn:aws:sagemaker:eu-west-1:111122223333:pipeline/p-test/execution/abc123')).toBe(
      'https://eu-west-1.console.aws.amazon.com/sagemaker/home?region=eu-west-1#/pipelines/p-test/executions/abc123',
    );
    const l = jobLinks('arn:aws:sagemaker:us-east-1:111122223333:training-job/pipelines-abc-train-xyz');
    expect(l?.console).toContain('#/jobs/pipelines-abc-train-xyz');
    expect(l?.logs).toContain('$252Faws$252Fsagemaker$252FTrainingJobs');
    expect(jobLinks('arn:aws:sagemaker:us-east-1:1:model/x')).toBeUndefined();
  });

  it('formats durations', () => {
    expect(formatDuration(5_000)).toBe('5s');
    expect(formatDuration(192_000)).toBe('3m12s');
    expect(formatDuration(3 * 3600_000 + 60_000)).toBe('3h01m');
  });
});

describe('IAM policy for a plan', () => {
  const policy = iamPolicy(plan, {
    region: 'us-east-1',
    accountId: '111122223333',
    executionRoleArn: TEST_ENV.SMP_ROLE,
    bucket: 'example-bucket',
    kmsKey: 'key-1',
  }) as {
    Statement: { Sid: string; Action: string[]; Resource: string[]; Condition?: unknown }[];
  };
  const sid = (s: string) => policy.Statement.find((x) => x.Sid === s);

  it('scopes uploads to the pipeline prefix and the pipeline ARN', () => {
    expect(sid('UploadCode')?.Resource).toEqual(['arn:aws:s3:::example-bucket/p-test/*']);
    expect(sid('Pipeline')?.Resource).toEqual(['arn:aws:sagemaker:us-east-1:111122223333:pipeline/p-test']);
    expect(sid('Pipeline')?.Action).toContain('sagemaker:UpdatePipeline');
  });

  it('passes only the execution role, only to SageMaker', () => {
    expect(sid('PassExecutionRole')).toMatchObject({
      Action: ['iam:PassRole'],
      Resource: [TEST_ENV.SMP_ROLE],
      Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
    });
  });

  it('reads each metrics object: under the code prefix already, else s3:GetObject on that object alone', () => {
    // fullUnitFiles: an execution-scoped metrics location under <bucket>/<pipeline>/, which UploadCode covers.
    expect(sid('ReadModelMetrics')).toBeUndefined();
    expect(sid('UploadCode')?.Action).toContain('s3:GetObject');
    // lgbm: its evaluate channel names a bucket, so the metrics object sits outside the pipeline's prefix.
    const lgbm = loadAndCompile({
      workspace: REPO,
      globs: ['examples/lgbm/conf/conf.yaml'],
      env: TEST_ENV,
      allowPlaceholders: false,
    }).plan!;
    const p = iamPolicy(lgbm, {
      region: 'us-east-1',
      accountId: '111122223333',
      executionRoleArn: TEST_ENV.SMP_ROLE,
      bucket: 'example-bucket',
      kmsKey: undefined,
    }) as { Statement: { Sid: string; Action: string[]; Resource: string[] }[] };
    expect(p.Statement.find((x) => x.Sid === 'ReadModelMetrics')).toMatchObject({
      Action: ['s3:GetObject'],
      Resource: ['arn:aws:s3:::example-bucket/lgbm/evaluation/model_evaluation_metrics.json'],
    });
  });

  it('covers the model package group and the KMS key', () => {
    expect(sid('ModelRegistry')?.Resource).toContain(
      'arn:aws:sagemaker:us-east-1:111122223333:model-package-group/p-test-m',
    );
    expect(sid('EncryptUploads')?.Resource).toEqual(['arn:aws:kms:us-east-1:111122223333:key/key-1']);
  });
});

describe('run report', () => {
  it('lists steps with status, duration, failure reason and cache hits, and the registered versions', () => {
    const t0 = new Date('2026-11-26T00:00:00Z');
    const md = renderRunReport(
      {
        pipelineArn: 'arn:aws:sagemaker:us-east-1:1:pipeline/p',
        action: 'updated',
        executionArn: 'arn:aws:sagemaker:us-east-1:1:pipeline/p/execution/e',
        executionLink: 'https://example.invalid/x',
        outcome: 'Failed',
        steps: [
          {
            name: 'prep',
            status: 'Succeeded',
            startTime: t0,
            endTime: new Date(t0.getTime() + 65_000),
            failureReason: undefined,
            cacheSource: 'arn:old',
          },
          {
            name: 'train',
            status: 'Failed',
            startTime: t0,
            endTime: new Date(t0.getTime() + 5_000),
            failureReason: 'AlgorithmError: <script>boom</script>',
            cacheSource: undefined,
          },
        ],
        models: [
          {
            group: 'p-m',
            version: 3,
            approvalStatus: 'PendingManualApproval',
            arn: 'arn:aws:sagemaker:us-east-1:1:model-package/p-m/3',
            metricsUri: 's3://b/m.json',
          },
        ],
      },
      t0.getTime(),
    );
    expect(md).toContain(
      '| `prep` | ✅&nbsp;Succeeded | 1m05s | cache hit: <code title="arn:old">arn:old</code> |',
    );
    expect(md).toContain(
      '| `train` | ❌&nbsp;Failed | 5s | AlgorithmError: &lt;script&gt;boom&lt;/script&gt; |',
    );
    expect(md).toContain(
      '| `p-m` | <span title="arn:aws:sagemaker:us-east-1:1:model-package/p-m/3">3</span> | PendingManualApproval | `s3://b/m.json` |',
    );
    expect(md).toContain('[open in SageMaker](https://example.invalid/x)');
    // ARNs are shortened to their tail, with the full value on hover and in a details block.
    expect(md).toContain(
      '**Execution** <code title="arn:aws:sagemaker:us-east-1:1:pipeline/p/execution/e">…/execution/e</code>',
    );
    expect(md).toContain('- model package p-m v3: `arn:aws:sagemaker:us-east-1:1:model-package/p-m/3`');
  });

  it('lists every planned step, the ones never reached as "not run"; a multi-line reason keeps its lines', () => {
    const t0 = new Date('2026-11-26T00:00:00Z');
    const md = renderRunReport({
      executionArn: 'arn:aws:sagemaker:us-east-1:1:pipeline/p/execution/e',
      outcome: 'Failed',
      plannedSteps: ['prep', 'train', 'register'],
      steps: [
        {
          name: 'train',
          status: 'Failed',
          startTime: t0,
          endTime: new Date(t0.getTime() + 5_000),
          failureReason: 'ValueError: bad\n  File "train.py", line 3',
          cacheSource: undefined,
        },
        {
          name: 'prep',
          status: 'Succeeded',
          startTime: t0,
          endTime: t0,
          failureReason: undefined,
          cacheSource: undefined,
        },
      ],
    });
    const rows = md.split('\n').filter((l) => /^\| `/.test(l));
    expect(rows.map((r) => r.split(' | ')[0])).toEqual(['| `prep`', '| `train`', '| `register`']);
    // Each line stays a line, a traceback's indentation kept.
    expect(rows[1]).toContain('ValueError: bad<br>&nbsp;&nbsp;File "train.py", line 3');
    expect(rows[2]).toBe('| `register` | ⚪&nbsp;not run |  |  |');
  });

  it('the outcome line names the failed step, how long it ran, the reason and the job links', () => {
    const t0 = new Date('2026-11-26T00:00:00Z');
    const step = (name: string, status: string, minutes: number, reason?: string) => ({
      name,
      status,
      startTime: t0,
      endTime: new Date(t0.getTime() + minutes * 60_000),
      failureReason: reason,
      cacheSource: undefined,
      links: { console: `https://c/${name}`, logs: `https://l/${name}` },
    });
    expect(
      runOutcome({
        executionArn: 'arn:e',
        outcome: 'Failed',
        failureReason: 'Step failure: One or multiple steps failed.',
        steps: [step('prep', 'Succeeded', 3), step('train', 'Failed', 29, 'ValueError: NaN\ntraceback…')],
      }),
    ).toBe(
      '❌ Failed at `train` after 29m00s: ValueError: NaN ([job](https://c/train) · [logs](https://l/train))',
    );
    expect(
      runOutcome({
        executionArn: 'arn:e',
        outcome: 'Succeeded',
        steps: [step('prep', 'Succeeded', 41)],
        models: [
          {
            group: 'churn',
            version: 12,
            approvalStatus: 'PendingManualApproval',
            arn: 'arn:m',
            metricsUri: undefined,
          },
        ],
      }),
    ).toBe('✅ Succeeded in 41m00s: registered `churn` v12');
    expect(runOutcome({ pipelineArn: 'arn:p', action: 'updated' })).toBeUndefined();
    // A training job's message: the heading gives the exception, not the wrapper's class names.
    const trainingJob = [
      'AlgorithmError: ExecuteUserScriptError:',
      'ExitCode 1',
      "ErrorMessage \"ValueError: Input contains NaN, infinity or a value too large for dtype('float32').",
      '  File "/opt/ml/code/train.py", line 87, in <module>',
      '"',
      'Command "/usr/local/bin/python3.9 train.py --epochs 80", exit code: 1',
    ].join('\n');
    expect(
      runOutcome({
        executionArn: 'arn:e',
        outcome: 'Failed',
        steps: [{ ...step('train', 'Failed', 29, trainingJob), links: undefined }],
      }),
    ).toBe(
      "❌ Failed at `train` after 29m00s: ValueError: Input contains NaN, infinity or a value too large for dtype\\('float32'\\).",
    );
    expect(reasonHeadline('AlgorithmError: ExecuteUserScriptError:\nExitCode 1')).toBe('ExitCode 1');
    expect(reasonHeadline('ClientError: injected failure')).toBe('ClientError: injected failure');
    expect(reasonHeadline(`ValueError: ${'x'.repeat(300)}`)).toHaveLength(200);
  });

  it('says when a cancelled job left the execution running', () => {
    expect(renderRunReport({ executionArn: 'arn:e', cancelled: { stillRunning: true } })).toContain(
      '**still running**',
    );
  });
});
