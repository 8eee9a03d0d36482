// Deploy and run: the AWS phases in order. Every check that can refuse happens before the first write;
// uploads are content-addressed (harmless if a later step fails) and the pipeline changes in one call.
import type { Plan } from '../compile/types.js';
import type { Diagnostic } from '../config/diagnostics.js';
import type { AwsClients } from './clients.js';
import { startOrAttach } from './execution.js';
import type { Started } from './execution.js';
import { checkLimits } from './limits.js';
import { ensureModelPackageGroups, readDeployed, upsertPipeline } from './pipeline.js';
import type { DeployedPipeline, GroupSpec, Tag, UpsertResult } from './pipeline.js';
import { registeredModels } from './registered.js';
import type { RegisteredModel } from './registered.js';
import { uploadArtifacts } from './upload.js';
import type { UploadReport } from './upload.js';
import { waitForExecution } from './wait.js';
import type { WaitOptions, WaitResult } from './wait.js';

export class DeployRefused extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('\n'));
    this.name = 'DeployRefused';
  }
}

/** The job was cancelled before the next write: nothing further was sent. */
export class DeployCancelled extends Error {
  constructor(readonly stage: string) {
    super(`cancelled before ${stage}`);
    this.name = 'DeployCancelled';
  }
}

function checkpoint(signal: AbortSignal | undefined, stage: string): void {
  if (signal?.aborted) throw new DeployCancelled(stage);
}

export interface DeployContext {
  readonly clients: AwsClients;
  readonly plan: Plan;
  readonly planHash: string;
  readonly roleArn: string;
  readonly kmsKey: string | undefined;
  readonly description: string | undefined;
  readonly tags: readonly Tag[];
  readonly parallelism: number | undefined;
  readonly groups: readonly GroupSpec[];
  readonly log: (line: string) => void;
  /** Aborted on job cancellation: no further write starts after that. */
  readonly signal?: AbortSignal;
}

export interface DeployResult {
  readonly pipelineArn: string;
  readonly action: UpsertResult['action'];
  /** What was deployed before this run (null: the pipeline is new). */
  readonly previous: DeployedPipeline | null;
  readonly upload: UploadReport;
  readonly groupsCreated: readonly string[];
}

export async function deployPipeline(
  ctx: DeployContext,
  known?: DeployedPipeline | null,
  displayName?: string,
): Promise<DeployResult> {
  const refusals = checkLimits(ctx.plan, {
    tags: ctx.tags,
    ...(displayName ? { displayName } : {}),
    ...(ctx.description ? { description: ctx.description } : {}),
  });
  if (refusals.length > 0) throw new DeployRefused(refusals);
  const sm = ctx.clients.sagemaker;
  const previous = known === undefined ? await readDeployed(sm, ctx.plan.pipelineName) : known;
  checkpoint(ctx.signal, 'the upload');
  ctx.log(`Uploading ${ctx.plan.artifacts.length} artifact(s) to S3`);
  const upload = await uploadArtifacts(ctx.clients.s3, ctx.plan.artifacts, {
    ...(ctx.kmsKey ? { kmsKey: ctx.kmsKey } : {}),
    log: ctx.log,
  });
  const sum = (xs: readonly { bytes: number }[]): number => xs.reduce((n, x) => n + x.bytes, 0);
  ctx.log(
    `Uploaded ${upload.uploaded.length} (${sum(upload.uploaded)} bytes), skipped ${upload.skipped.length} already present (${sum(upload.skipped)} bytes)`,
  );
  checkpoint(ctx.signal, 'the pipeline update');
  const groupsCreated = await ensureModelPackageGroups(sm, ctx.groups, ctx.tags);
  for (const g of groupsCreated) ctx.log(`Created model package group ${g}`);
  const r = await upsertPipeline(sm, ctx.plan, previous, {
    roleArn: ctx.roleArn,
    description: ctx.description,
    tags: ctx.tags,
    parallelism: ctx.parallelism,
    planHash: ctx.planHash,
  });
  ctx.log(`Pipeline ${ctx.plan.pipelineName}: ${r.action} (${r.arn})`);
  return { pipelineArn: r.arn, action: r.action, previous, upload, groupsCreated };
}

export interface RunContext extends DeployContext {
  readonly displayName: string;
  readonly executionDescription: string | undefined;
  readonly token: string;
  /** PipelineParameters for StartPipelineExecution, already checked (compile/parameters.ts runParameters). */
  readonly parameters?: readonly { readonly Name: string; readonly Value: string }[];
  /** Undefined: start and return without waiting. */
  readonly wait: WaitOptions | undefined;
  /** Called as soon as the execution ARN is known (outputs, cancellation reporting). */
  readonly onStarted?: (started: Started) => void;
}

export interface RunResult extends DeployResult {
  readonly execution: Started;
  readonly waited: WaitResult | undefined;
  readonly models: readonly RegisteredModel[];
}

export async function runPipeline(ctx: RunContext, known?: DeployedPipeline | null): Promise<RunResult> {
  const deployed = await deployPipeline(ctx, known, ctx.displayName);
  checkpoint(ctx.signal, 'starting an execution');
  const execution = await startOrAttach(ctx.clients.sagemaker, {
    pipelineName: ctx.plan.pipelineName,
    displayName: ctx.displayName,
    description: ctx.executionDescription,
    token: ctx.token,
    ...(ctx.parameters ? { parameters: ctx.parameters } : {}),
  });
  ctx.log(
    `${execution.attached ? 'Attached to the execution this run started earlier' : 'Started execution'} ${ctx.displayName}: ${execution.arn}`,
  );
  ctx.onStarted?.(execution);
  if (!ctx.wait) return { ...deployed, execution, waited: undefined, models: [] };
  const waited = await waitForExecution(ctx.clients.sagemaker, execution.arn, ctx.wait);
  // Versions registered before a later step failed are real too: report them whatever the outcome.
  const models = await registeredModels(ctx.clients.sagemaker, waited.steps);
  return { ...deployed, execution, waited, models };
}
