// Injected faults absorbed by the SDK's own (adaptive) retries, through the REAL clients of clients.ts:
// a deploy + run + wait under 30 % throttling and 5 % 500s still succeeds, with every effect exactly once.
// The SDK's backoff runs in real time, so the scenarios stay small.
import { describe, expect, it } from 'vitest';
import { deployPipeline, runPipeline } from '../../src/aws/deploy.js';
import { executionToken } from '../../src/aws/execution.js';
import {
  budget,
  clockWait,
  compile,
  copyTf,
  deployContext,
  logger,
  runContext,
  TF_GLOB,
  wireSuite,
} from './helpers/aws.js';

const suite = wireSuite({ clients: 'test' });

describe('fault injection', () => {
  it('30 % throttling + 5 % 500s: deploy + run + wait succeed, every write happens once', async () => {
    const c = compile(copyTf('calhousing-faults'), [TF_GLOB]);
    suite.server.script.stepDurationMs = 20_000;
    // Seed 4 keeps it near 25 requests (each throttle costs the adaptive client ~1–2 s of real time); the
    // queued 500 on StartPipelineExecution makes sure a 500 is in the mix whatever the upload order.
    suite.server.faults = {
      throttleRate: 0.3,
      errorRate: 0.05,
      seed: 4,
      queue: [{ kind: 'error', operation: 'StartPipelineExecution' }],
    };
    const { lines, log } = logger();
    const r = await runPipeline(
      runContext(suite.clients, c, log, {
        displayName: 'abcdef0-31',
        token: executionToken(c.hash, '31', '1'),
        wait: clockWait(suite.server, { intervalMs: 60_000 }), // few polls: the backoff is real time
      }),
    );
    expect(r.action).toBe('created');
    expect(r.waited?.outcome, lines.join('\n')).toBe('Succeeded');
    expect(r.models).toHaveLength(1);

    const throttled = suite.server.requests.count(undefined, { fault: 'throttle' });
    const errors = suite.server.requests.count(undefined, { fault: 'error' });
    expect(throttled).toBeGreaterThan(0);
    expect(errors).toBeGreaterThan(0);
    // Both services saw faults and both retried them (the SDK marks retries with attempt=N).
    expect(suite.server.requests.count(undefined, { service: 's3', fault: true })).toBeGreaterThan(0);
    expect(suite.server.requests.count(undefined, { service: 'sagemaker', fault: true })).toBeGreaterThan(0);
    expect(
      suite.server.requests.filter().some((x) => /attempt=[2-9]/.test(x.headers['amz-sdk-request'] ?? '')),
    ).toBe(true);
    // Each effect once, however many attempts it took.
    const ok = budget(suite.server.requests.filter(undefined, { ok: true }));
    expect(ok).toMatchObject({
      // each artifact, and the file manifest of each source bundle
      PutObject: c.plan.artifacts.length + c.plan.artifacts.filter((a) => a.kind === 'source-bundle').length,
      CreateModelPackageGroup: 1,
      CreatePipeline: 1,
      StartPipelineExecution: 1,
    });
    expect(suite.server.sagemaker.executionsOf('calhousing-faults')).toHaveLength(1);
    expect(suite.server.requests.count('CreatePipeline', { fault: false })).toBe(1);
    // The faults were absorbed below the wait loop: it never had to back off itself.
    expect(lines.filter((l) => l.includes('throttling status calls'))).toEqual([]);
  }, 60_000);

  it('connection resets and slow answers during a deploy are retried by the SDK', async () => {
    const c = compile(copyTf('calhousing-resets'), [TF_GLOB]);
    suite.server.faults = {
      queue: [
        { kind: 'reset', operation: 'PutObject' },
        { kind: 'reset', operation: 'CreatePipeline' },
        { kind: 'error', operation: 'DescribeModelPackageGroup' },
      ],
      slowMs: 50,
      slowRate: 0.2,
    };
    const d = await deployPipeline(deployContext(suite.clients, c, () => undefined));
    expect(d.action).toBe('created');
    expect(suite.server.requests.count(undefined, { fault: 'reset' })).toBe(2);
    expect(budget(suite.server.requests.filter(undefined, { ok: true }))).toMatchObject({
      // each artifact, and the file manifest of each source bundle
      PutObject: c.plan.artifacts.length + c.plan.artifacts.filter((a) => a.kind === 'source-bundle').length,
      CreatePipeline: 1,
      CreateModelPackageGroup: 1,
    });
    expect(suite.server.sagemaker.pipeline('calhousing-resets')!.versions).toHaveLength(1);
  }, 30_000);
});
