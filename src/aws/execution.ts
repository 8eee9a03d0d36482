// Start an execution, or attach to the one this job already started (a re-run of the same workflow run).
import { ListPipelineExecutionsCommand, StartPipelineExecutionCommand } from '@aws-sdk/client-sagemaker';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { createHash } from 'node:crypto';

export const DISPLAY_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,81}$/;

/** `<sha7>-<run_id>`, reduced to what PipelineExecutionDisplayName accepts (≤ 82, letters/digits/hyphens). */
export function executionDisplayName(sha: string | undefined, runId: string | undefined): string {
  const raw = [sha?.slice(0, 7) || 'local', runId || String(Date.now())].join('-');
  const cleaned = raw
    .replace(/[^a-zA-Z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 82)
    .replace(/-+$/, '');
  return cleaned || 'smp';
}

/** Idempotency token: the same plan in the same run attempt is one execution. */
export function executionToken(
  planHash: string,
  runId: string | undefined,
  attempt: string | undefined,
): string {
  return createHash('sha256')
    .update(`${planHash}:${runId ?? ''}:${attempt ?? ''}`)
    .digest('hex');
}

export interface StartOptions {
  readonly pipelineName: string;
  readonly displayName: string;
  readonly description: string | undefined;
  readonly token: string;
  /** Run-time parameter values (checked against the plan by compile/parameters.ts); defaults for the rest. */
  readonly parameters?: readonly { readonly Name: string; readonly Value: string }[];
}

export interface Started {
  readonly arn: string;
  /** True when an execution with this display name already existed (a re-run): we attach instead of starting. */
  readonly attached: boolean;
}

/** Statuses of an earlier execution of this run that a re-run attaches to instead of starting another. */
const ATTACHABLE = new Set(['Executing', 'Succeeded']);

/** Pages of recent executions searched for our display name; re-runs come soon after the first attempt. */
const LOOKUP_PAGES = 2;

export async function startOrAttach(sm: SageMakerClient, opts: StartOptions): Promise<Started> {
  let token: string | undefined;
  for (let page = 0; page < LOOKUP_PAGES; page++) {
    const out = await sm.send(
      new ListPipelineExecutionsCommand({
        PipelineName: opts.pipelineName,
        SortBy: 'CreationTime',
        SortOrder: 'Descending',
        MaxResults: 50,
        ...(token ? { NextToken: token } : {}),
      }),
    );
    // Newest first: the latest execution this run started. A failed or stopped one is not attached to, so
    // re-running a failed job runs the pipeline again.
    const found = (out.PipelineExecutionSummaries ?? []).find(
      (e) => e.PipelineExecutionDisplayName === opts.displayName,
    );
    if (found) {
      if (found.PipelineExecutionArn && ATTACHABLE.has(found.PipelineExecutionStatus ?? '')) {
        return { arn: found.PipelineExecutionArn, attached: true };
      }
      break;
    }
    token = out.NextToken;
    if (!token) break;
  }
  const out = await sm.send(
    new StartPipelineExecutionCommand({
      PipelineName: opts.pipelineName,
      PipelineExecutionDisplayName: opts.displayName,
      ...(opts.description ? { PipelineExecutionDescription: opts.description.slice(0, 3072) } : {}),
      ClientRequestToken: opts.token,
      ...(opts.parameters && opts.parameters.length > 0
        ? { PipelineParameters: opts.parameters.map((p) => ({ Name: p.Name, Value: p.Value })) }
        : {}),
    }),
  );
  return { arn: out.PipelineExecutionArn ?? '', attached: false };
}
