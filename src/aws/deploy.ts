// Deploy and run: the AWS phases in order. Every check that can refuse happens before the first write;
// uploads are content-addressed (harmless if a later step fails) and the pipeline changes in one call.
import { unresolvedReason } from '../compile/model-packages.js';
import type { ResolvedPackage } from '../compile/model-packages.js';
import type { Plan } from '../compile/types.js';
import type { Diagnostic } from '../config/diagnostics.js';
import { scheduleName } from '../config/schedule.js';
import { scheduleAction } from '../plan/schedule.js';
import type { DeployedSchedule } from '../plan/schedule.js';
import type { AwsClients } from './clients.js';
import { startOrAttach } from './execution.js';
import type { Started } from './execution.js';
import { checkLimits } from './limits.js';
import { ensureModelPackageGroups, readDeployed, upsertPipeline } from './pipeline.js';
import type { DeployedPipeline, GroupSpec, Tag, UpsertResult } from './pipeline.js';
import { resolvePackages } from './model-packages.js';
import { registeredModels } from './registered.js';
import { applySchedule, readSchedule } from './schedule.js';
import type { ScheduleOutcome } from './schedule.js';
import type { RegisteredModel } from './registered.js';
import { gateOutcomes } from '../report/gates.js';
import { metricsText } from '../report/metrics-report.js';
import type { GateOutcome } from '../report/gates.js';
import { uploadArtifacts, uploadManifests } from './upload.js';
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
  /** Region and account of the deploy, for model package ARNs of pinned versions. */
  readonly accountId: string;
  readonly log: (line: string) => void;
  /** Aborted on job cancellation: no further write starts after that. */
  readonly signal?: AbortSignal;
  /** The `smp-<pipeline>` schedule when the plan phase already read it (null: none). */
  readonly knownSchedule?: DeployedSchedule | null;
}

export interface DeployResult {
  readonly pipelineArn: string;
  readonly action: UpsertResult['action'];
  /** What was deployed before this run (null: the pipeline is new). */
  readonly previous: DeployedPipeline | null;
  readonly upload: UploadReport;
  readonly groupsCreated: readonly string[];
  readonly schedule: ScheduleOutcome;
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
  const unresolved = unresolvedReason(ctx.plan.modelPackages);
  if (unresolved) refusals.push(refusal('model-package-unresolved', unresolved));
  if (refusals.length > 0) throw new DeployRefused(refusals);
  const sm = ctx.clients.sagemaker;
  const previous = known === undefined ? await readDeployed(sm, ctx.plan.pipelineName) : known;
  const deployedSchedule = ctx.knownSchedule === undefined ? await readOwnSchedule(ctx) : ctx.knownSchedule;
  if (deployedSchedule && ctx.plan.schedule) {
    const a = scheduleAction(ctx.plan.schedule, ctx.plan.schedule.name, '', deployedSchedule);
    if (a?.kind === 'foreign') {
      throw new DeployRefused([
        refusal(
          'schedule-not-ours',
          `an EventBridge Scheduler schedule named ${ctx.plan.schedule.name} already exists and was not created by smp (its description lacks the smp-action marker): rename or delete it, or drop sagemakerPipeline.schedule`,
        ),
      ]);
    }
  }
  checkpoint(ctx.signal, 'the upload');
  ctx.log(`Uploading ${ctx.plan.artifacts.length} artifact(s) to S3`);
  const upload = await uploadArtifacts(ctx.clients.s3, ctx.plan.artifacts, {
    ...(ctx.kmsKey ? { kmsKey: ctx.kmsKey } : {}),
    log: ctx.log,
  });
  await uploadManifests(ctx.clients.s3, ctx.plan.artifacts, new Set(upload.uploaded.map((u) => u.key)), {
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
  const schedule = await syncSchedule(ctx, r.arn, deployedSchedule);
  return { pipelineArn: r.arn, action: r.action, previous, upload, groupsCreated, schedule };
}

function refusal(code: string, message: string): Diagnostic {
  return { code, severity: 'error', loc: null, path: 'deploy', message };
}

/**
 * The deployed `smp-<pipeline>` schedule (null: none). Without a schedule in the config a failed read (a role
 * without scheduler permissions) only means there is nothing we could remove: undefined, and a log line.
 */
async function readOwnSchedule(ctx: DeployContext): Promise<DeployedSchedule | null | undefined> {
  const name = scheduleName(ctx.plan.pipelineName);
  try {
    return await readSchedule(await ctx.clients.scheduler(), name);
  } catch (err) {
    if (ctx.plan.schedule) throw err;
    const e = err as { name?: string; message?: string };
    ctx.log(
      `No schedule configured; could not check for an old ${name} to remove (${e.name ?? 'Error'}: ${e.message ?? String(err)})`,
    );
    return undefined;
  }
}

async function syncSchedule(
  ctx: DeployContext,
  pipelineArn: string,
  deployed: DeployedSchedule | null | undefined,
): Promise<ScheduleOutcome> {
  const name = scheduleName(ctx.plan.pipelineName);
  const action = scheduleAction(ctx.plan.schedule, name, pipelineArn, deployed);
  if (!action) return 'none';
  checkpoint(ctx.signal, 'the schedule update');
  const outcome = await applySchedule(await ctx.clients.scheduler(), action, pipelineArn);
  if (outcome === 'left-alone') ctx.log(`Schedule ${name} exists but was not created by smp: left alone`);
  else if (outcome !== 'none')
    ctx.log(
      `Schedule ${name}: ${outcome}${action.kind === 'update' ? ` (${action.fields.map((f) => f.field).join(', ')})` : ''}`,
    );
  return outcome;
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
  /** The model package version each scoring unit runs with (re-resolved at start), by model. */
  readonly scored: readonly (ResolvedPackage & { readonly model: string; readonly parameter: string })[];
  readonly waited: WaitResult | undefined;
  readonly models: readonly RegisteredModel[];
  /** The quality gates of the plan and what happened to each (empty without gates or without waiting). */
  readonly gates: readonly GateOutcome[];
}

export async function runPipeline(ctx: RunContext, known?: DeployedPipeline | null): Promise<RunResult> {
  const deployed = await deployPipeline(ctx, known, ctx.displayName);
  // Resolved again at start: a version approved since the plan was made scores without a redeploy. A value
  // given for the parameter (--param, the parameters input) wins over the registry.
  const given = new Set((ctx.parameters ?? []).map((p) => p.Name));
  const bindings = ctx.plan.modelPackages.filter((b) => !given.has(b.parameter));
  const newest = await resolvePackages(ctx.clients.sagemaker, bindings, ctx.clients.region, ctx.accountId);
  const scored = bindings.flatMap((b) => {
    const r = newest.get(b.model);
    return r ? [{ ...r, model: b.model, parameter: b.parameter }] : [];
  });
  for (const s of scored)
    ctx.log(`Scoring ${s.model} with ${s.group} v${s.version} (${s.approvalStatus}): ${s.arn}`);
  checkpoint(ctx.signal, 'starting an execution');
  const execution = await startOrAttach(ctx.clients.sagemaker, {
    pipelineName: ctx.plan.pipelineName,
    displayName: ctx.displayName,
    description: ctx.executionDescription,
    token: ctx.token,
    parameters: [...(ctx.parameters ?? []), ...scored.map((s) => ({ Name: s.parameter, Value: s.arn }))],
  });
  ctx.log(
    `${execution.attached ? 'Attached to the execution this run started earlier' : 'Started execution'} ${ctx.displayName}: ${execution.arn}`,
  );
  ctx.onStarted?.(execution);
  if (!ctx.wait) return { ...deployed, execution, scored, waited: undefined, models: [], gates: [] };
  const waited = await waitForExecution(ctx.clients.sagemaker, execution.arn, ctx.wait);
  // Versions registered before a later step failed are real too: report them whatever the outcome.
  const models = await registeredModels(ctx.clients.sagemaker, ctx.clients.s3, waited.steps);
  for (const m of models) {
    ctx.log(`Registered ${m.group} version ${m.version ?? '?'} (${m.approvalStatus}): ${m.arn}`);
    if (m.metrics) ctx.log(`  ${metricsText(m.metrics)}${m.metricsUri ? ` (${m.metricsUri})` : ''}`);
  }
  return {
    ...deployed,
    execution,
    scored,
    waited,
    models,
    gates: gateOutcomes(ctx.plan.definition, waited.steps),
  };
}
