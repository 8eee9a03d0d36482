// Wait for an execution: poll cheaply (one DescribePipelineExecution per poll; the step list only when the
// execution changed), log each step transition once, back off on throttling, stop on timeout or cancel.
import {
  DescribePipelineExecutionCommand,
  ListPipelineExecutionStepsCommand,
  StopPipelineExecutionCommand,
} from '@aws-sdk/client-sagemaker';
import type { PipelineExecutionStep, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { randomUUID } from 'node:crypto';
import { formatDuration } from '../report/duration.js';
import { GATE_SUFFIX } from '../compile/steps/condition.js';
import { gateFailureText } from '../report/gates.js';
import { jobLinks } from './console.js';

export const TERMINAL = new Set(['Succeeded', 'Failed', 'Stopped']);

export interface StepStatus {
  readonly name: string;
  readonly status: string;
  readonly startTime: Date | undefined;
  readonly endTime: Date | undefined;
  readonly failureReason: string | undefined;
  /** The execution a cache hit reused. */
  readonly cacheSource: string | undefined;
  readonly jobArn: string | undefined;
  /** Metadata.RegisterModel.Arn: the model package version this step registered. */
  readonly modelPackageArn: string | undefined;
  /** Metadata.Condition.Outcome of a Condition step: `True` or `False`. */
  readonly conditionOutcome?: string | undefined;
}

export interface WaitOptions {
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly stopOnTimeout: boolean;
  readonly stopOnCancel: boolean;
  /** Aborted when the runner cancels the job (SIGINT/SIGTERM). */
  readonly signal?: AbortSignal;
  readonly log?: (line: string) => void;
  readonly now?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random?: () => number;
}

export type WaitOutcome = 'Succeeded' | 'Failed' | 'Stopped' | 'TimedOut' | 'Cancelled';

export interface WaitResult {
  readonly outcome: WaitOutcome;
  /** The execution's own status when we stopped looking. */
  readonly executionStatus: string;
  readonly failureReason: string | undefined;
  readonly steps: readonly StepStatus[];
  /** Whether we asked SageMaker to stop the execution (timeout or cancel). */
  readonly stopRequested: boolean;
}

const MAX_BACKOFF_MS = 5 * 60_000;

function toStatus(s: PipelineExecutionStep): StepStatus {
  const md = s.Metadata;
  return {
    name: s.StepName ?? '',
    status: s.StepStatus ?? 'Unknown',
    startTime: s.StartTime,
    endTime: s.EndTime,
    // A Fail step's reason is its ErrorMessage (a quality gate's names the metrics).
    failureReason: md?.Fail?.ErrorMessage ?? s.FailureReason,
    cacheSource: s.CacheHitResult?.SourcePipelineExecutionArn,
    jobArn: md?.TrainingJob?.Arn ?? md?.ProcessingJob?.Arn ?? md?.TransformJob?.Arn,
    modelPackageArn: md?.RegisterModel?.Arn,
    conditionOutcome: md?.Condition?.Outcome,
  };
}

export async function listSteps(sm: SageMakerClient, executionArn: string): Promise<StepStatus[]> {
  const out: StepStatus[] = [];
  let token: string | undefined;
  do {
    const page = await sm.send(
      new ListPipelineExecutionStepsCommand({
        PipelineExecutionArn: executionArn,
        MaxResults: 100,
        SortOrder: 'Ascending',
        ...(token ? { NextToken: token } : {}),
      }),
    );
    out.push(...(page.PipelineExecutionSteps ?? []).map(toStatus));
    token = page.NextToken;
  } while (token);
  return out;
}

function transitionLine(s: StepStatus, now: number): string {
  const took = s.startTime
    ? ` in ${formatDuration((s.endTime?.getTime() ?? now) - s.startTime.getTime())}`
    : '';
  const gate = gateFailureText(s.failureReason);
  if (gate && s.status === 'Failed')
    return `  ✗ ${gate} (${s.name.replace(/-QualityGateFailed$/, '')} is not registered)`;
  if (s.status === 'Succeeded' && s.name.endsWith(GATE_SUFFIX))
    return s.conditionOutcome === 'False'
      ? `  ✗ ${s.name}: quality gate not passed${took}`
      : `  ✓ ${s.name}: quality gate passed${took}`;
  switch (s.status) {
    case 'Succeeded':
      return `  ✓ ${s.name} succeeded${took}${s.cacheSource ? ` (cache hit: reused ${s.cacheSource})` : ''}`;
    case 'Failed': {
      const links = s.jobArn ? jobLinks(s.jobArn) : undefined;
      return [
        `  ✗ ${s.name} failed${took}: ${s.failureReason ?? 'no reason given'}`,
        ...(s.jobArn ? [`      job: ${s.jobArn}`] : []),
        ...(links ? [`      console: ${links.console}`, `      logs: ${links.logs}`] : []),
      ].join('\n');
    }
    case 'Stopped':
      return `  ■ ${s.name} stopped${took}`;
    default:
      return `  ▸ ${s.name} ${s.status.toLowerCase()}`;
  }
}

function isThrottling(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return (
    /throttl|TooManyRequests|RequestLimitExceeded/i.test(e.name ?? '') || e.$metadata?.httpStatusCode === 429
  );
}

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    // The abort listener goes when the sleep ends: a long wait must not pile up listeners on the signal.
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

/** Consecutive non-throttling failures (after the SDK's own retries) before the wait gives up. */
const MAX_FAILED_POLLS = 5;

export async function waitForExecution(
  sm: SageMakerClient,
  executionArn: string,
  opts: WaitOptions,
): Promise<WaitResult> {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? defaultSleep;
  const random = opts.random ?? Math.random;
  const log = opts.log ?? (() => undefined);
  const deadline = now() + opts.timeoutMs;
  const seen = new Map<string, string>();
  let steps: StepStatus[] = [];
  let status = 'Executing';
  let reason: string | undefined;
  let delay = opts.intervalMs;
  let failedPolls = 0;

  const stop = async (why: string): Promise<boolean> => {
    try {
      await sm.send(
        new StopPipelineExecutionCommand({
          PipelineExecutionArn: executionArn,
          ClientRequestToken: randomUUID(),
        }),
      );
      log(`Asked SageMaker to stop the execution (${why}).`);
      return true;
    } catch (err) {
      log(`Could not stop the execution: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  };

  for (;;) {
    if (opts.signal?.aborted) {
      const stopped = opts.stopOnCancel ? await stop('job cancelled') : false;
      if (!stopped)
        log(`The job was cancelled; the execution is still ${status.toLowerCase()}: ${executionArn}`);
      return {
        outcome: 'Cancelled',
        executionStatus: status,
        failureReason: reason,
        steps,
        stopRequested: stopped,
      };
    }
    if (now() >= deadline) {
      const running = steps.filter((s) => !TERMINAL.has(s.status)).map((s) => s.name);
      log(`Timed out waiting; still running: ${running.join(', ') || '(no step started yet)'}`);
      const stopped = opts.stopOnTimeout ? await stop('wait timeout') : false;
      return {
        outcome: 'TimedOut',
        executionStatus: status,
        failureReason: reason,
        steps,
        stopRequested: stopped,
      };
    }
    try {
      const d = await sm.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: executionArn }));
      status = d.PipelineExecutionStatus ?? status;
      reason = d.FailureReason ?? reason;
      // The steps are listed on every poll: LastModifiedTime is not documented to move with step
      // transitions, and two calls per poll are far inside SageMaker's rate limits.
      {
        steps = await listSteps(sm, executionArn);
        for (const s of [...steps].sort(
          (a, b) => (a.startTime?.getTime() ?? 0) - (b.startTime?.getTime() ?? 0),
        )) {
          if (seen.get(s.name) === s.status) continue;
          seen.set(s.name, s.status);
          log(transitionLine(s, now()));
        }
      }
      if (TERMINAL.has(status)) {
        // A failed gate says what failed, not the service's generic "a step failed".
        const gate = steps.map((s) => gateFailureText(s.failureReason)).find((g) => g !== undefined);
        if (gate && status === 'Failed') reason = gate;
        log(`Execution ${status.toLowerCase()}${reason && status !== 'Succeeded' ? `: ${reason}` : ''}`);
        return {
          outcome: status as WaitOutcome,
          executionStatus: status,
          failureReason: reason,
          steps,
          stopRequested: false,
        };
      }
      delay = opts.intervalMs;
      failedPolls = 0;
    } catch (err) {
      delay = Math.min(MAX_BACKOFF_MS, delay * 2);
      if (isThrottling(err))
        log(`SageMaker is throttling status calls; next poll in ${formatDuration(delay)}`);
      else {
        // The execution goes on whatever happens to our polling: keep watching through passing failures.
        if (++failedPolls >= MAX_FAILED_POLLS) throw err;
        log(
          `Polling failed (${err instanceof Error ? err.message : String(err)}); next poll in ${formatDuration(delay)}`,
        );
      }
    }
    await sleep(Math.min(delay * (0.8 + 0.4 * random()), Math.max(0, deadline - now())), opts.signal);
  }
}
