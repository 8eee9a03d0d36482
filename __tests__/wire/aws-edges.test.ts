// Behaviours at the edges of the AWS APIs, through the REAL SDK clients against the local AWS server:
// re-deploys whose only change is a top-level pipeline field, re-runs after a failed or stopped execution
// and the attach lookup beyond the first page, HeadObject answering 403 without s3:ListBucket, and a wait
// that outlasts a burst of failed polls the SDK's retries do not absorb. Expected values come from what
// each scenario sets up and from the API (not from our own output).
import { describe, expect, it } from 'vitest';
import { ListPipelineExecutionsCommand, StartPipelineExecutionCommand } from '@aws-sdk/client-sagemaker';
import { deployPipeline, runPipeline } from '../../src/aws/deploy.js';
import { executionToken } from '../../src/aws/execution.js';
import { waitForExecution } from '../../src/aws/wait.js';
import { defaultScript } from '../servers/aws-server.js';
import {
  budget,
  clientsFor,
  clockWait,
  compile,
  copyTf,
  deployContext,
  destroyClients,
  logger,
  runContext,
  TF_GLOB,
  wireSuite,
  writes,
} from './helpers/aws.js';

const suite = wireSuite();

const OTHER_ROLE = 'arn:aws:iam::123456789012:role/SageMakerExecutionOld';

describe('a re-deploy whose only change is a top-level pipeline field', () => {
  it('the execution role: exactly one UpdatePipeline carrying the new RoleArn, reported `updated`', async () => {
    const c = compile(copyTf('calhousing-role'), [TF_GLOB]);
    // Deployed with another role (same definition), e.g. changed in the console or by an older input.
    await deployPipeline(deployContext(suite.clients, c, () => undefined, { roleArn: OTHER_ROLE }));
    expect(suite.server.sagemaker.pipeline('calhousing-role')!.roleArn).toBe(OTHER_ROLE);
    suite.server.requests.reset();

    const d = await deployPipeline(deployContext(suite.clients, c, () => undefined));
    expect(d.action).toBe('updated');
    expect(budget(writes(suite.server.requests.all))).toEqual({ UpdatePipeline: 1 });
    expect(suite.server.requests.last('UpdatePipeline')!.input).toMatchObject({
      PipelineName: 'calhousing-role',
      RoleArn: c.config.settings.role,
    });
    expect(suite.server.sagemaker.pipeline('calhousing-role')!.roleArn).toBe(c.config.settings.role);

    // And then it has converged.
    suite.server.requests.reset();
    expect((await deployPipeline(deployContext(suite.clients, c, () => undefined))).action).toBe('unchanged');
    expect(writes(suite.server.requests.all)).toEqual([]);
  });

  it('parallelism: exactly one UpdatePipeline carrying the new MaxParallelExecutionSteps, reported `updated`', async () => {
    const c = compile(copyTf('calhousing-par'), [TF_GLOB]);
    await deployPipeline(deployContext(suite.clients, c, () => undefined, { parallelism: 2 }));
    suite.server.requests.reset();

    const d = await deployPipeline(deployContext(suite.clients, c, () => undefined, { parallelism: 4 }));
    expect(d.action).toBe('updated');
    expect(budget(writes(suite.server.requests.all))).toEqual({ UpdatePipeline: 1 });
    expect(suite.server.requests.last('UpdatePipeline')!.input).toMatchObject({
      ParallelismConfiguration: { MaxParallelExecutionSteps: 4 },
    });

    suite.server.requests.reset();
    const again = await deployPipeline(deployContext(suite.clients, c, () => undefined, { parallelism: 4 }));
    expect(again.action).toBe('unchanged');
    expect(writes(suite.server.requests.all)).toEqual([]);
  });
});

describe('re-running the same workflow run', () => {
  const displayName = 'abcdef0-31337';

  for (const ending of ['Failed', 'Stopped'] as const) {
    it(`after a ${ending} execution starts a new one (attached: false)`, async () => {
      const c = compile(copyTf(`calhousing-rerun-${ending.toLowerCase()}`), [TF_GLOB]);
      const pipeline = c.plan.pipelineName;
      if (ending === 'Failed') suite.server.script.failStep = { name: 'calhousing-Training' };
      const first = await runPipeline(
        runContext(suite.clients, c, () => undefined, {
          displayName,
          token: executionToken(c.hash, '31337', '1'),
          wait: ending === 'Failed' ? clockWait(suite.server) : undefined,
        }),
      );
      if (ending === 'Stopped') {
        suite.server.sagemaker.executions.get(first.execution.arn)!.stop(suite.server.clock.now());
        suite.server.clock.advance(1_000);
      }
      expect(suite.server.sagemaker.executions.get(first.execution.arn)!.status).toBe(ending);
      suite.server.script = defaultScript();
      suite.server.requests.reset();

      // Attempt 2 of the same run: the same display name, another token.
      const { lines, log } = logger();
      const second = await runPipeline(
        runContext(suite.clients, c, log, {
          displayName,
          token: executionToken(c.hash, '31337', '2'),
          wait: undefined,
        }),
      );
      expect(second.execution.attached).toBe(false);
      expect(second.execution.arn).not.toBe(first.execution.arn);
      expect(suite.server.requests.count('StartPipelineExecution')).toBe(1);
      expect(lines).toContain(`Started execution ${displayName}: ${second.execution.arn}`);
      const mine = suite.server.sagemaker
        .executionsOf(pipeline)
        .filter((e) => e.init.displayName === displayName);
      expect(mine.map((e) => e.arn)).toEqual([second.execution.arn, first.execution.arn]);
    });
  }

  it('finds its execution beyond the first page of ListPipelineExecutions (attached: true)', async () => {
    const c = compile(copyTf('calhousing-rerun-paged'), [TF_GLOB]);
    const pipeline = c.plan.pipelineName;
    const first = await runPipeline(
      runContext(suite.clients, c, () => undefined, {
        displayName,
        token: executionToken(c.hash, '31337', '1'),
        wait: undefined,
      }),
    );
    // 60 executions of other runs started after ours: ours is the 61st newest, past a page of 50.
    for (let i = 0; i < 60; i++) {
      suite.server.clock.advance(1_000);
      await suite.clients.sagemaker.send(
        new StartPipelineExecutionCommand({
          PipelineName: pipeline,
          PipelineExecutionDisplayName: `other-${i}`,
          ClientRequestToken: `other-run-${i}`.padEnd(32, 'x'),
        }),
      );
    }
    const firstPage = await suite.clients.sagemaker.send(
      new ListPipelineExecutionsCommand({
        PipelineName: pipeline,
        SortBy: 'CreationTime',
        SortOrder: 'Descending',
        MaxResults: 50,
      }),
    );
    expect(firstPage.NextToken).toBeDefined();
    expect(firstPage.PipelineExecutionSummaries!.map((e) => e.PipelineExecutionDisplayName)).not.toContain(
      displayName,
    );
    suite.server.requests.reset();

    const again = await runPipeline(
      runContext(suite.clients, c, () => undefined, {
        displayName,
        token: executionToken(c.hash, '31337', '2'),
        wait: undefined,
      }),
    );
    expect(again.execution).toEqual({ arn: first.execution.arn, attached: true });
    expect(suite.server.requests.count('StartPipelineExecution')).toBe(0);
    const lists = suite.server.requests.filter('ListPipelineExecutions');
    expect(lists).toHaveLength(2);
    expect(lists[1]!.input.NextToken).toBe(firstPage.NextToken);
  });
});

describe('HeadObject without s3:ListBucket', () => {
  it('a 403 means "not there": every artifact is uploaded, and the deploy succeeds', async () => {
    suite.server.s3.listBucket = false; // the role may PutObject/GetObject under the prefix, not list the bucket
    const c = compile(copyTf('calhousing-nolist'), [TF_GLOB]);
    const { lines, log } = logger();
    const d = await deployPipeline(deployContext(suite.clients, c, log));
    expect(d.action).toBe('created');
    const heads = suite.server.requests.filter('HeadObject');
    expect(heads).toHaveLength(c.plan.artifacts.length);
    expect(heads.every((h) => h.status === 403)).toBe(true);
    // Every artifact is put, and beside each source bundle its file manifest (`<key>.manifest.json`).
    const puts = suite.server.requests.filter('PutObject').map((r) => String(r.input.Key));
    const bundles = c.plan.artifacts.filter((a) => a.key.endsWith('/sourcedir.tar.gz'));
    expect(puts.sort()).toEqual(
      [...c.plan.artifacts.map((a) => a.key), ...bundles.map((a) => `${a.key}.manifest.json`)].sort(),
    );
    for (const a of c.plan.artifacts) expect(suite.server.s3.getObject(a.bucket, a.key)).toBeDefined();
    expect(d.upload.uploaded.map((u) => u.key).sort()).toEqual(c.plan.artifacts.map((a) => a.key).sort());
    expect(lines.some((l) => l.startsWith(`Uploaded ${c.plan.artifacts.length} (`))).toBe(true);
  });
});

describe('a wait through failed status polls', () => {
  it('a burst of 500s and connection resets longer than the SDK retry budget: logged, backed off, the wait goes on', async () => {
    const c = compile(copyTf('calhousing-pollburst'), [TF_GLOB]);
    const started = await runPipeline(
      runContext(suite.clients, c, () => undefined, {
        displayName: 'abcdef0-4040',
        token: executionToken(c.hash, '4040', '1'),
        wait: undefined,
      }),
    );
    // Two attempts per call: each of the first three polls fails after both, the fourth gets through.
    const twoTries = await clientsFor(suite.server, undefined, 2);
    const burst = ['error', 'reset', 'error', 'error', 'reset', 'error'] as const;
    const { lines, log } = logger();
    const sleeps: number[] = [];
    try {
      suite.server.faults = {
        queue: burst.map((kind) => ({ kind, operation: 'DescribePipelineExecution' })),
      };
      const r = await waitForExecution(
        twoTries.sagemaker,
        started.execution.arn,
        clockWait(suite.server, { intervalMs: 10_000, log, onSleep: (ms) => sleeps.push(ms) }),
      );
      expect(r.outcome).toBe('Succeeded');
      expect(r.steps.every((s) => s.status === 'Succeeded')).toBe(true);
    } finally {
      destroyClients(twoTries);
    }
    const polls = suite.server.requests.filter('DescribePipelineExecution');
    expect(polls.slice(0, 6).map((p) => p.fault)).toEqual([
      'error',
      'reset',
      'error',
      'error',
      'reset',
      'error',
    ]);
    expect(polls[6]!.status).toBe(200);
    // Each failed poll is logged with the next delay, doubling from the interval; then back to the interval.
    const failed = lines.filter((l) => l.startsWith('Polling failed ('));
    expect(failed).toHaveLength(3);
    expect(failed.map((l) => /next poll in (\S+)$/.exec(l)?.[1])).toEqual(['20s', '40s', '1m20s']);
    expect(sleeps.slice(0, 4)).toEqual([20_000, 40_000, 80_000, 10_000]);
  });
});
