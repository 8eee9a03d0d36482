// Wait for an execution: poll cheaply (one DescribePipelineExecution per poll; the step list only when the
// execution changed), log each step transition once, back off on throttling, stop on timeout or cancel.
import {
  DescribePipelineExecutionCommand,
  ListPipelineExecutionStepsCommand,
  StopPipelineExecutionCommand,
} from '@aws-sdk/client-sagemaker';
import type { PipelineExecutionStep, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { randomUUID } from 'node:crypto';
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

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

function toStatus(s: PipelineExecutionStep): StepStatus {
  const md = s.Metadata;
  return {
    name: s.StepName ?? '',
    status: s.StepStatus ?? 'Unknown',
    startTime: s.StartTime,
    endTime: s.EndTime,
    failureReason: s.FailureReason,
    cacheSource: s.CacheHitResult?.SourcePipelineExecutionArn,
    jobArn: md?.TrainingJob?.Arn ?? md?.ProcessingJob?.Arn ?? md?.TransformJob?.Arn,
    modelPackageArn: md?.RegisterModel?.Arn,
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
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });

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
  let lastModified: number | undefined;
  let status = 'Executing';
  let reason: string | undefined;
  let delay = opts.intervalMs;

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
      const modified = d.LastModifiedTime?.getTime();
      if (lastModified === undefined || modified !== lastModified || TERMINAL.has(status)) {
        steps = await listSteps(sm, executionArn);
        // Only after a successful listing: a throttled one must be retried on the next poll.
        lastModified = modified;
        for (const s of [...steps].sort(
          (a, b) => (a.startTime?.getTime() ?? 0) - (b.startTime?.getTime() ?? 0),
        )) {
          if (seen.get(s.name) === s.status) continue;
          seen.set(s.name, s.status);
          log(transitionLine(s, now()));
        }
      }
      if (TERMINAL.has(status)) {
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
    } catch (err) {
      if (!isThrottling(err)) throw err;
      delay = Math.min(MAX_BACKOFF_MS, delay * 2);
      log(`SageMaker is throttling status calls; next poll in ${formatDuration(delay)}`);
    }
    await sleep(Math.min(delay * (0.8 + 0.4 * random()), Math.max(0, deadline - now())), opts.signal);
  }
}
