// Run and wait through the REAL SDK clients against the local AWS server: success (transitions logged
// once, registered model versions, approval untouched, ≤ 2 calls per idle poll), failure (step reason,
// job ARN, console/log links), timeout, cancel (with and without StopPipelineExecution) and re-runs that
// attach to the execution already started. The wait sleeps on the server's clock, never in real time.
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/aws/deploy.js';
import { executionDisplayName, executionToken } from '../../src/aws/execution.js';
import { waitForExecution } from '../../src/aws/wait.js';
import { makeWorkspace } from '../helpers/workspace.js';
import { EXECUTION_FAILURE_REASON } from '../servers/aws-server.js';
import {
  budget,
  clientsFor,
  clockWait,
  compile,
  copyTf,
  destroyClients,
  logger,
  manyUnitsFiles,
  runContext,
  since,
  TF_GLOB,
  wireSuite,
  writes,
} from './helpers/aws.js';
import type { Compiled } from './helpers/aws.js';

const suite = wireSuite();
let tf: Compiled;

beforeAll(() => {
  // One pipeline for every run scenario (a temp copy: its own name), deployed once here.
  tf = compile(copyTf('calhousing-run'), [TF_GLOB]);
});

const STEPS = [
  'calhousing-Preprocessing',
  'calhousing-Training',
  'calhousing-CreateModel',
  'calhousing-Transform',
  'calhousing-Metrics',
  'calhousing-Register',
];

let runNo = 0;
function ids(): { displayName: string; token: string } {
  runNo++;
  const displayName = executionDisplayName('abcdef0123456789', `9000${runNo}`);
  return { displayName, token: executionToken(tf.hash, `9000${runNo}`, '1') };
}

describe('run + wait', () => {
  it('to success: steps progress, each transition logged once, registered versions returned, approval untouched', async () => {
    const { lines, log } = logger();
    /** Per poll (between two sleeps): the status calls made and whether the execution had changed. */
    const polls: { describe: number; list: number; changed: boolean }[] = [];
    let mark = 0;
    let executionArn = '';
    let lastModified = -1;
    const wait = clockWait(suite.server, {
      intervalMs: 10_000, // steps run 60 s (5 s Starting): most polls see nothing new
      onSleep: () => {
        const reqs = since(suite.server, mark);
        mark = suite.server.requests.length;
        const e = suite.server.sagemaker.executions.get(executionArn)!;
        const modified = e.lastModifiedTime(suite.server.clock.now());
        polls.push({
          describe: reqs.filter((r) => r.operation === 'DescribePipelineExecution').length,
          list: reqs.filter((r) => r.operation === 'ListPipelineExecutionSteps').length,
          changed: modified !== lastModified,
        });
        lastModified = modified;
      },
    });
    // What the Metrics step's script writes (the simulated job stores it at the step's output location).
    suite.server.script.propertyFiles = {
      'calhousing-Metrics.EvaluationReport': {
        regression_metrics: { mse: { value: 0.2513, standard_deviation: 0.011 }, r2: { value: 0.8712 } },
      },
    };
    const r = await runPipeline(
      runContext(suite.clients, tf, log, {
        ...ids(),
        wait,
        onStarted: (s) => {
          executionArn = s.arn;
          mark = suite.server.requests.length;
        },
      }),
    );
    expect(r.action).toBe('created');
    expect(r.execution.attached).toBe(false);
    expect(r.waited).toMatchObject({
      outcome: 'Succeeded',
      executionStatus: 'Succeeded',
      stopRequested: false,
    });
    expect(r.waited!.steps.map((s) => [s.name, s.status])).toEqual(STEPS.map((s) => [s, 'Succeeded']));

    // Transitions: each (step, status) line once, in the order they happened.
    const stepLines = lines.filter((l) => /^ {2}[▸✓✗■] /.test(l));
    expect(new Set(stepLines).size).toBe(stepLines.length);
    for (const s of STEPS) {
      const mine = stepLines.filter((l) => l.slice(4).startsWith(`${s} `));
      expect(mine).toEqual([`  ▸ ${s} starting`, `  ▸ ${s} executing`, `  ✓ ${s} succeeded in 1m00s`]);
    }
    // The registered version and the values its metrics object holds close the log.
    const arn = 'arn:aws:sagemaker:us-east-1:123456789012:model-package/calhousing-run-calhousing/1';
    const metricsUri = `s3://example-bucket/calhousing-run/${executionArn.split('/').pop()}/calhousing-Metrics/output/model_evaluation_metrics/model_evaluation_metrics.json`;
    expect(lines.slice(-3)).toEqual([
      'Execution succeeded',
      `Registered calhousing-run-calhousing version 1 (PendingManualApproval): ${arn}`,
      `  metrics: mse 0.2513 · r2 0.8712 (${metricsUri})`,
    ]);

    // Budget: one DescribePipelineExecution and one step listing per poll (the listing does not rely on
    // LastModifiedTime moving with step transitions, which SageMaker does not document).
    expect(polls.length).toBeGreaterThan(30);
    for (const p of polls) {
      expect(p.describe).toBe(1);
      expect(p.list).toBe(1);
    }
    expect(polls.filter((p) => !p.changed).length).toBeGreaterThan(polls.length / 2);

    // Registered model versions, as the report needs them; approval status never touched.
    expect(r.models).toEqual([
      {
        step: 'calhousing-Register',
        arn,
        group: 'calhousing-run-calhousing',
        version: 1,
        approvalStatus: 'PendingManualApproval',
        metricsUri,
        metrics: {
          kind: 'values',
          values: [
            { section: 'regression_metrics', name: 'mse', value: 0.2513, std: 0.011 },
            { section: 'regression_metrics', name: 'r2', value: 0.8712 },
          ],
          skipped: 0,
        },
      },
    ]);
    expect(suite.server.requests.count('DescribeModelPackage')).toBe(1);
    // One ranged read of the metrics object, never more than 1 MiB and a byte.
    expect(suite.server.requests.all.filter((q) => q.operation === 'GetObject').map((q) => q.input)).toEqual([
      expect.objectContaining({ Range: 'bytes=0-1048576' }),
    ]);
    expect(suite.server.requests.count('UpdateModelPackage')).toBe(0);
    expect(suite.server.sagemaker.packages.get(arn)!.output.ModelApprovalStatus).toBe(
      'PendingManualApproval',
    );
    expect(budget(writes(suite.server.requests.all))).toEqual({
      // each artifact, and the file manifest of each source bundle
      PutObject:
        tf.plan.artifacts.length + tf.plan.artifacts.filter((a) => a.kind === 'source-bundle').length,
      CreateModelPackageGroup: 1,
      CreatePipeline: 1,
      StartPipelineExecution: 1,
    });
    const start = suite.server.requests.last('StartPipelineExecution')!.input;
    expect(start).toMatchObject({
      PipelineName: 'calhousing-run',
      PipelineExecutionDisplayName: 'abcdef0-90001',
      PipelineExecutionDescription: 'smp abcdef0-90001',
    });
  });

  it('to failure: the step failure reason, job ARN and console/CloudWatch links are logged', async () => {
    suite.server.script.failStep = { name: 'calhousing-Training', reason: 'AlgorithmError: loss is NaN' };
    const { lines, log } = logger();
    const r = await runPipeline(
      runContext(suite.clients, tf, log, { ...ids(), wait: clockWait(suite.server) }),
    );
    expect(r.action).toBe('unchanged');
    expect(r.waited).toMatchObject({
      outcome: 'Failed',
      executionStatus: 'Failed',
      failureReason: EXECUTION_FAILURE_REASON,
    });
    expect(r.models).toEqual([]);
    const train = r.waited!.steps.find((s) => s.name === 'calhousing-Training')!;
    expect(train).toMatchObject({ status: 'Failed', failureReason: 'AlgorithmError: loss is NaN' });
    expect(train.jobArn).toMatch(/^arn:aws:sagemaker:us-east-1:123456789012:training-job\/pipelines-/);
    const jobName = train.jobArn!.split('/').pop()!;
    const i = lines.indexOf('  ✗ calhousing-Training failed in 1m00s: AlgorithmError: loss is NaN');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(lines[i + 1]).toBe(`      job: ${train.jobArn}`);
    expect(lines[i + 2]).toBe(
      `      console: https://us-east-1.console.aws.amazon.com/sagemaker/home?region=us-east-1#/jobs/${jobName}`,
    );
    expect(lines[i + 3]).toBe(
      `      logs: https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Faws$252Fsagemaker$252FTrainingJobs$3FlogStreamNameFilter$3D${jobName}`,
    );
    expect(lines.at(-1)).toBe(`Execution failed: ${EXECUTION_FAILURE_REASON}`);
    expect(suite.server.requests.count('DescribeModelPackage')).toBe(0);
  });

  it('timeout: TimedOut naming the running steps, StopPipelineExecution when stopOnTimeout', async () => {
    const { lines, log } = logger();
    const r = await runPipeline(
      runContext(suite.clients, tf, log, {
        ...ids(),
        wait: clockWait(suite.server, { timeoutMs: 30_000, stopOnTimeout: true }),
      }),
    );
    expect(r.waited).toMatchObject({
      outcome: 'TimedOut',
      executionStatus: 'Executing',
      stopRequested: true,
    });
    expect(lines).toContain('Timed out waiting; still running: calhousing-Preprocessing');
    expect(lines).toContain('Asked SageMaker to stop the execution (wait timeout).');
    expect(suite.server.requests.count('StopPipelineExecution')).toBe(1);
    expect(suite.server.requests.last('StopPipelineExecution')!.input.PipelineExecutionArn).toBe(
      r.execution.arn,
    );
    expect(suite.server.sagemaker.executions.get(r.execution.arn)!.status).toBe('Stopping');
    // 30 s of waiting at a 10 s interval: polls at 0, 10, 20 s.
    expect(suite.server.requests.count('DescribePipelineExecution')).toBe(3);
  });

  it('timeout without stopOnTimeout leaves the execution running', async () => {
    const { lines, log } = logger();
    const r = await runPipeline(
      runContext(suite.clients, tf, log, { ...ids(), wait: clockWait(suite.server, { timeoutMs: 25_000 }) }),
    );
    expect(r.waited).toMatchObject({ outcome: 'TimedOut', stopRequested: false });
    expect(lines).toContain('Timed out waiting; still running: calhousing-Preprocessing');
    expect(suite.server.requests.count('StopPipelineExecution')).toBe(0);
    expect(suite.server.sagemaker.executions.get(r.execution.arn)!.status).toBe('Executing');
  });

  for (const stopOnCancel of [true, false]) {
    it(`cancel (abort during the wait), stopOnCancel ${stopOnCancel}`, async () => {
      const abort = new AbortController();
      let sleeps = 0;
      const { lines, log } = logger();
      const r = await runPipeline(
        runContext(suite.clients, tf, log, {
          ...ids(),
          wait: clockWait(suite.server, {
            stopOnCancel,
            signal: abort.signal,
            onSleep: () => {
              if (++sleeps === 3) abort.abort();
            },
          }),
        }),
      );
      expect(r.waited).toMatchObject({ outcome: 'Cancelled', stopRequested: stopOnCancel });
      expect(suite.server.requests.count('DescribePipelineExecution')).toBe(3); // no poll after the abort
      const e = suite.server.sagemaker.executions.get(r.execution.arn)!;
      if (stopOnCancel) {
        expect(suite.server.requests.count('StopPipelineExecution')).toBe(1);
        expect(lines).toContain('Asked SageMaker to stop the execution (job cancelled).');
        expect(e.status).toBe('Stopping');
      } else {
        expect(suite.server.requests.count('StopPipelineExecution')).toBe(0);
        expect(lines).toContain(
          `The job was cancelled; the execution is still executing: ${r.execution.arn}`,
        );
        expect(e.status).toBe('Executing');
      }
    });
  }

  it('Stopping keeps polling; Stopped is terminal', async () => {
    const { log } = logger();
    const { displayName, token } = ids();
    const started = await runPipeline(
      runContext(suite.clients, tf, log, { displayName, token, wait: undefined }),
    );
    suite.server.requests.reset();
    let sleeps = 0;
    const r = await waitForExecution(
      suite.clients.sagemaker,
      started.execution.arn,
      clockWait(suite.server, {
        onSleep: () => {
          // Someone else stops it from the console after the first poll.
          if (++sleeps === 1)
            suite.server.sagemaker.executions.get(started.execution.arn)!.stop(suite.server.clock.now());
        },
      }),
    );
    expect(r).toMatchObject({ outcome: 'Stopped', executionStatus: 'Stopped', stopRequested: false });
    expect(r.steps.map((s) => s.status)).toEqual(['Stopped']);
  });
});

describe('step details', () => {
  it('a cached step reports the execution it reused', async () => {
    const previous = suite.server.sagemaker.executionsOf('calhousing-run')[0]!.arn;
    suite.server.script.cacheHits = ['calhousing-Preprocessing', 'calhousing-Training'];
    const { lines, log } = logger();
    const r = await runPipeline(
      runContext(suite.clients, tf, log, { ...ids(), wait: clockWait(suite.server) }),
    );
    expect(r.waited?.outcome).toBe('Succeeded');
    expect(r.waited!.steps.find((s) => s.name === 'calhousing-Training')!.cacheSource).toBe(previous);
    expect(lines).toContain(`  ✓ calhousing-Preprocessing succeeded in 0s (cache hit: reused ${previous})`);
    expect(lines).toContain(`  ✓ calhousing-Training succeeded in 0s (cache hit: reused ${previous})`);
    expect(lines.filter((l) => l.includes('calhousing-Training'))).toHaveLength(1);
  });

  it('more than 100 steps: ListPipelineExecutionSteps is paginated, every step and model version reported', async () => {
    const big = compile(makeWorkspace(manyUnitsFiles(17, 'p-many')), ['m/conf/conf.yaml']);
    expect(big.plan.definition.Steps).toHaveLength(102);
    const polls: number[] = [];
    let mark = 0;
    const r = await runPipeline(
      runContext(suite.clients, big, () => undefined, {
        ...ids(),
        wait: clockWait(suite.server, {
          onSleep: () => {
            polls.push(
              since(suite.server, mark).filter((x) => x.operation === 'DescribePipelineExecution').length,
            );
            mark = suite.server.requests.length;
          },
        }),
        onStarted: () => {
          mark = suite.server.requests.length;
        },
      }),
    );
    expect(r.waited?.outcome).toBe('Succeeded');
    expect(r.waited!.steps).toHaveLength(102);
    expect(new Set(r.waited!.steps.map((s) => s.status))).toEqual(new Set(['Succeeded']));
    const pages = suite.server.requests.filter('ListPipelineExecutionSteps');
    expect(pages.some((p) => typeof p.input.NextToken === 'string')).toBe(true);
    expect(pages.every((p) => p.input.MaxResults === 100)).toBe(true);
    expect(r.models.map((m) => m.group).sort()).toEqual(
      Array.from({ length: 17 }, (_, i) => `p-many-m${i + 1}`).sort(),
    );
    expect(r.models.every((m) => m.version === 1 && m.approvalStatus === 'PendingManualApproval')).toBe(true);
    expect(polls.every((n) => n === 1)).toBe(true);
  });

  // Fixed, kept as a regression test: wait.ts records the execution's LastModifiedTime *before* listing the steps; when that listing is
  // throttled (SDK retries exhausted; here a client with maxAttempts 1 and one throttle), the next polls see
  // an unchanged LastModifiedTime and never list again until the execution changes — for a long step, hours
  // later. The step transitions are not logged, `steps` stays stale, and a timeout names a step that already
  // finished as "still running". Spec: "poll DescribePipelineExecution (+ ListPipelineExecutionSteps …, only
  // while something changed) … log each step's status transition once".
  it('a throttled step listing is retried on the next poll (transitions not lost)', async () => {
    suite.server.script.stepStartingMs = 0;
    suite.server.script.stepDurations = { 'calhousing-Training': 3_600_000 };
    const { log } = logger();
    const started = await runPipeline(runContext(suite.clients, tf, log, { ...ids(), wait: undefined }));
    const oneShot = await clientsFor(suite.server, undefined, 1);
    const { lines, log: waitLog } = logger();
    let sleeps = 0;
    try {
      const r = await waitForExecution(
        oneShot.sagemaker,
        started.execution.arn,
        clockWait(suite.server, {
          timeoutMs: 120_000,
          log: waitLog,
          onSleep: () => {
            // The poll at +60 s sees Preprocessing done and Training started; its step listing is throttled.
            if (++sleeps === 6)
              suite.server.faults = {
                queue: [{ kind: 'throttle', operation: 'ListPipelineExecutionSteps' }],
              };
          },
        }),
      );
      expect(suite.server.requests.count('ListPipelineExecutionSteps', { fault: 'throttle' })).toBe(1);
      expect(lines).toContain('SageMaker is throttling status calls; next poll in 20s');
      expect(r.outcome).toBe('TimedOut');
      expect(lines).toContain('Timed out waiting; still running: calhousing-Training');
      expect(lines).toContain('  ✓ calhousing-Preprocessing succeeded in 1m00s');
      expect(r.steps.map((s) => [s.name, s.status])).toEqual([
        ['calhousing-Preprocessing', 'Succeeded'],
        ['calhousing-Training', 'Executing'],
      ]);
    } finally {
      destroyClients(oneShot);
    }
  });
});

describe('re-runs attach to the execution already started', () => {
  it('same display name and token → one StartPipelineExecution; a second attempt (new token) attaches too', async () => {
    const { displayName, token } = ids();
    const { log } = logger();
    const first = await runPipeline(
      runContext(suite.clients, tf, log, { displayName, token, wait: undefined }),
    );
    expect(first.execution.attached).toBe(false);
    expect(budget(suite.server.requests.all)).toMatchObject({
      ListPipelineExecutions: 1,
      StartPipelineExecution: 1,
    });

    suite.server.requests.reset();
    const { lines, log: log2 } = logger();
    const again = await runPipeline(
      runContext(suite.clients, tf, log2, { displayName, token, wait: undefined }),
    );
    expect(again.execution).toEqual({ arn: first.execution.arn, attached: true });
    expect(lines).toContain(
      `Attached to the execution this run started earlier ${displayName}: ${first.execution.arn}`,
    );
    expect(budget(suite.server.requests.all)).toEqual({
      DescribePipeline: 1,
      HeadObject: tf.plan.artifacts.length,
      DescribeModelPackageGroup: 1,
      ListTags: 1,
      GetSchedule: 1,
      ListPipelineExecutions: 1,
    });

    // Re-run of the workflow (attempt 2): another token, same `<sha7>-<run_id>` display name.
    suite.server.requests.reset();
    const attempt2 = await runPipeline(
      runContext(suite.clients, tf, () => undefined, {
        displayName,
        token: executionToken(tf.hash, displayName, '2'),
        wait: clockWait(suite.server),
      }),
    );
    expect(attempt2.execution).toEqual({ arn: first.execution.arn, attached: true });
    expect(attempt2.waited?.outcome).toBe('Succeeded');
    expect(suite.server.requests.count('StartPipelineExecution')).toBe(0);
    expect(
      suite.server.sagemaker.executionsOf('calhousing-run').filter((e) => e.init.displayName === displayName),
    ).toHaveLength(1);
  });
});
