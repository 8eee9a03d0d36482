// The action's phases, in the order the README documents: clone → validate/compile → AWS session → plan view →
// gate → deploy/run → summary, comment, outputs. Each phase is a call into the core, aws/ or github/.
// Loaded by main.ts after the first log line, so the action starts fast.
import * as core from '../github/runner.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deployContext, loadAndCompile, readScheduleForView, resolvePlan } from '../commands/project.js';
import { runParameters, withParameters } from '../compile/parameters.js';
import type { Plan } from '../compile/types.js';
import type { ProjectConfig } from '../config/types.js';
import { formatDiagnostic } from '../config/diagnostics.js';
import { scheduleName } from '../config/schedule.js';
import { applyOverrides } from '../config/overrides.js';
import { annotate } from '../github/annotate.js';
import type { DeployedPipeline } from '../aws/pipeline.js';
import type { AwsSession } from '../github/aws-session.js';
import { commitSha, runUrl } from '../github/event.js';
import type { GithubContext } from '../github/event.js';
import { InputError } from '../github/inputs.js';
import type { ActionInputs } from '../github/inputs.js';
import { writePlanFiles } from '../plan/files.js';
import { diffDefinitions } from '../plan/diff.js';
import { runDag } from '../plan/dag.js';
import { buildPlanView, OFFLINE, stepModels } from '../plan/view.js';
import type { Deployed, Provenance } from '../plan/view.js';
import { renderPlanComment } from '../report/plan-comment.js';
import type { PlanView } from '../report/plan-comment.js';
import { mdCode } from '../report/escape.js';
import { diffText, planText } from '../report/plan-text.js';
import { planSummary } from '../plan/summary.js';
import { renderMarker } from '../report/marker.js';
import { scheduleChange } from '../report/plan-registry.js';
import { gateFailureText } from '../report/gates.js';
import { renderFailure, renderRunReport, runOutcome } from '../report/run-report.js';
import type { RunReport } from '../report/run-report.js';

/** Everything the final report needs, filled in as the phases go. */
interface State {
  view?: PlanView;
  /** Known even when the config is invalid, so the PR comment can show the error. */
  pipelineName?: string | undefined;
  report: RunReport;
  /** `annotated`: the details are already file annotations; the failure line only points at them. */
  failure?: { title: string; message: string; annotated?: boolean };
  outputs: Record<string, string>;
}

export async function runAction(inputs: ActionInputs, ctx: GithubContext): Promise<void> {
  const state: State = { report: {}, outputs: {} };
  const abort = new AbortController();
  // The runner sends SIGINT, then SIGTERM a few seconds later: both only abort, so the report still lands.
  const onSignal = (): void => abort.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await phases(inputs, ctx, state, abort.signal);
  } catch (err) {
    fail(state, err);
  } finally {
    await finish(inputs, ctx, state, abort.signal.aborted);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function phases(
  inputs: ActionInputs,
  ctx: GithubContext,
  state: State,
  signal: AbortSignal,
): Promise<void> {
  const extraRoots =
    inputs.modelRepositories.length > 0
      ? await core.group('Clone model repositories', () => cloneRepos(inputs, ctx))
      : [];

  const env = applyOverrides(process.env, inputs.overrides);
  const compiled = await core.group('Validate and compile', () => {
    const r = loadAndCompile({
      workspace: inputs.workspace,
      globs: inputs.config,
      env,
      allowPlaceholders: inputs.mode === 'plan',
      extraRoots,
      strict: inputs.strict,
    });
    annotate(r.diagnostics, inputs.workingDirectory);
    // What was found, so the log tells the same story as the comment.
    if (r.plan) core.info(planSummary(r.plan));
    const warnings = r.diagnostics.filter((d) => d.severity === 'warning').length;
    if (warnings > 0)
      core.info(`${warnings} config warning${warnings === 1 ? '' : 's'} (see the annotations)`);
    return Promise.resolve(r);
  });
  const { config } = compiled;
  let plan = compiled.plan;
  state.pipelineName = compiled.pipelineName;
  if (!plan || !config) {
    const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
    state.failure = {
      title: `${errors.length} configuration error${errors.length === 1 ? '' : 's'}`,
      message: errors.map(formatDiagnostic).join('\n'),
      annotated: true,
    };
    return;
  }

  // The plan is shown whatever happens next (an AWS failure must not make the comment say "does not compile").
  state.view = buildPlanView(plan, { ...OFFLINE, note: 'the deployed pipeline was not read' });
  // Run-time parameter values are checked in every mode (a PR plan catches a bad one), before any AWS call.
  const params = runParameters(plan.parameters, inputs.parameters);
  if (params.errors.length > 0) {
    state.failure = { title: 'Invalid parameters input', message: params.errors.join('\n') };
    return;
  }
  if (inputs.parameters.length > 0 && inputs.mode !== 'run')
    core.info(`The parameters input applies to executions: ignored in ${inputs.mode} mode (values checked)`);
  const session = await core.group('AWS access', () => openSession(inputs, config.settings.region, ctx));
  const resolved = await resolveModelPackages(session, config, plan, inputs.mode === 'plan');
  plan = resolved.plan;
  const { deployed, pipeline: current } = await readDeployedState(session, plan, inputs.mode === 'plan');
  const built = buildPlanView(plan, deployed);
  const { changedFiles } = await import('../aws/code-files.js');
  const codeFiles =
    session.kind === 'online' ? await changedFiles(session.clients.s3, plan, built) : undefined;
  const view: PlanView = {
    ...built,
    ...(codeFiles && codeFiles.size > 0 ? { codeFiles } : {}),
    provenance: { ...built.provenance, ...provenance(inputs, ctx) },
  };
  state.view = view;
  recordPlanOutputs(inputs, plan, view, state);
  await core.group('Plan', () => {
    core.info(planText(view));
    if (deployed.state === 'unknown') core.info(`(${deployed.note ?? 'offline'})`);
    return Promise.resolve();
  });

  if (inputs.mode === 'plan') return;
  if (session.kind !== 'online') throw new Error(`cannot ${inputs.mode} without AWS access: ${session.why}`);
  if (resolved.note) throw new Error(`cannot ${inputs.mode}: ${resolved.note}`);
  if (inputs.requireApprovedPlan && !(await gatePasses(inputs, ctx, plan, view, state))) return;

  const { deployPipeline, runPipeline } = await import('../aws/deploy.js');
  const { executionDisplayName, executionToken } = await import('../aws/execution.js');
  const { executionLink, jobLinks, modelGroupLink } = await import('../aws/console.js');
  const context = deployContext({
    config,
    plan,
    planHash: view.planHash,
    clients: session.clients,
    description: inputs.description,
    repository: ctx.owner && ctx.repo ? `${ctx.owner}/${ctx.repo}` : undefined,
    parallelism: inputs.maxParallelSteps,
    log: (l) => core.info(l),
    signal,
  });
  // The schedule the plan view read is reused, as the deployed pipeline is.
  const base = deployed.schedule !== undefined ? { ...context, knownSchedule: deployed.schedule } : context;
  if (inputs.mode === 'deploy') {
    const d = await core.group('Deploy', () => deployPipeline(base, current));
    state.report = {
      ...state.report,
      pipelineArn: d.pipelineArn,
      action: d.action,
      uploaded: uploadedOf(d.upload),
    };
    state.report = { ...state.report, schedule: scheduleReport(plan, d.schedule) };
    state.outputs['pipeline-arn'] = d.pipelineArn;
    return;
  }
  const displayName = executionDisplayName(commitSha(ctx), ctx.runId);
  const link = runUrl(ctx);
  const result = await core.group('Deploy and run', () =>
    runPipeline(
      {
        ...base,
        displayName,
        executionDescription:
          `smp-action ${commitSha(ctx)?.slice(0, 7) ?? ''}${link ? ` ${link}` : ''}`.trim(),
        token: executionToken(
          withParameters(view.planHash, params.pipelineParameters),
          ctx.runId,
          ctx.runAttempt,
        ),
        parameters: params.pipelineParameters,
        wait: inputs.wait
          ? {
              intervalMs: inputs.pollIntervalSeconds * 1000,
              timeoutMs: inputs.waitTimeoutMinutes * 60_000,
              stopOnTimeout: inputs.stopOnCancel,
              stopOnCancel: inputs.stopOnCancel,
              signal,
              log: (l) => core.info(l),
            }
          : undefined,
        onStarted: (s) => {
          state.outputs['execution-arn'] = s.arn;
          try {
            core.setOutput('execution-arn', s.arn); // now, in case the job is cancelled while waiting
          } catch {
            // finish() sets it again and reports a broken GITHUB_OUTPUT
          }
          state.report = {
            ...state.report,
            executionArn: s.arn,
            attached: s.attached,
            executionLink: executionLink(s.arn),
            parameters: params.used,
          };
        },
      },
      current,
    ),
  );
  const w = result.waited;
  state.outputs['pipeline-arn'] = result.pipelineArn;
  state.outputs['execution-status'] = w?.outcome ?? 'Executing';
  state.outputs['model-package-arns'] = JSON.stringify(result.models.map((m) => m.arn));
  state.report = {
    ...state.report,
    pipelineArn: result.pipelineArn,
    action: result.action,
    uploaded: uploadedOf(result.upload),
    outcome: w?.outcome ?? 'started (not waiting)',
    failureReason: w?.failureReason,
    steps: w?.steps.map((s) => ({ ...s, links: s.jobArn ? jobLinks(s.jobArn) : undefined })),
    plannedSteps: plan.definition.Steps.map((s) => s.Name),
    dag: w
      ? runDag(plan.definition, stepModels(plan), new Map(w.steps.map((s) => [s.name, s.status])))
      : undefined,
    models: result.models.map((m) => ({ ...m, registryLink: modelGroupLink(m.arn) || undefined })),
    scored: result.scored,
    schedule: scheduleReport(plan, result.schedule),
    gates: result.gates,
    cancelled: w?.outcome === 'Cancelled' ? { stillRunning: !w.stopRequested } : undefined,
  };
  for (const m of result.models)
    core.info(`Registered ${m.group} version ${m.version ?? '?'} (${m.approvalStatus}): ${m.arn}`);
  if (w && w.outcome !== 'Succeeded') {
    const failedStep = w.steps.find((s) => s.status === 'Failed');
    const running = w.steps
      .filter((s) => !['Succeeded', 'Failed', 'Stopped'].includes(s.status))
      .map((s) => s.name);
    const message =
      w.outcome === 'TimedOut'
        ? `gave up waiting after ${inputs.waitTimeoutMinutes} minutes; ${w.stopRequested ? 'asked SageMaker to stop the execution' : `the execution is still running${running.length ? ` (${running.join(', ')})` : ''}`}: ${result.execution.arn}`
        : failedStep
          ? `${gateFailureText(failedStep.failureReason ?? '') ?? failedStep.failureReason ?? w.failureReason ?? 'no reason given'}${failedStep.jobArn ? `\njob: ${failedStep.jobArn}` : ''}`
          : (w.failureReason ?? `the execution ended ${w.outcome}`);
    state.failure = {
      title:
        w.outcome === 'TimedOut'
          ? 'Timed out'
          : failedStep
            ? `Execution failed at ${failedStep.name}`
            : `Execution ${w.outcome.toLowerCase()}`,
      message,
    };
  }
}

async function openSession(inputs: ActionInputs, region: string, ctx: GithubContext): Promise<AwsSession> {
  const { openAwsSession } = await import('../github/aws-session.js');
  const s = await openAwsSession(inputs, region, ctx);
  if (s.kind === 'online') core.info(`AWS: ${s.how}`);
  else
    core.notice(`Planning offline: ${s.why}. The plan is not compared with the deployed pipeline.`, {
      title: 'smp: offline plan',
    });
  return s;
}

/**
 * The plan with its model packages resolved online (the versioned ARNs become parameter defaults). A registry
 * that answers "no usable version" fails the job in every mode; one that cannot be read degrades a plan to
 * unresolved (with the reason in `note`), and deploy/run then refuse.
 */
async function resolveModelPackages(
  session: AwsSession,
  config: ProjectConfig,
  plan: Plan,
  lenient: boolean,
): Promise<{ plan: Plan; note?: string }> {
  if (plan.modelPackages.length === 0) return { plan };
  if (session.kind !== 'online') return { plan, note: `the model packages are unresolved (${session.why})` };
  try {
    const resolvedPlan = await resolvePlan(config, plan, session.clients);
    for (const b of resolvedPlan.modelPackages)
      if (b.resolved)
        core.info(
          `Model ${b.model}: ${b.group} v${b.resolved.version} (${b.resolved.approvalStatus}) ${b.resolved.arn}`,
        );
    return { plan: resolvedPlan };
  } catch (err) {
    if (!lenient || (err as { name?: string }).name === 'PackageResolutionError') throw err;
    const why = `could not read the Model Registry (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`;
    core.warning(`${why}; the model versions are unresolved`, { title: 'smp: model registry' });
    return { plan, note: why };
  }
}

/** The deployed pipeline, read once: the plan view diffs against it and the deploy reuses it. */
async function readDeployedState(
  session: AwsSession,
  plan: Plan,
  lenient: boolean,
): Promise<{ deployed: Deployed; pipeline: DeployedPipeline | null | undefined }> {
  if (session.kind !== 'online') return { deployed: { ...OFFLINE, note: session.why }, pipeline: undefined };
  const { readDeployed } = await import('../aws/pipeline.js');
  try {
    const d = await readDeployed(session.clients.sagemaker, plan.pipelineName);
    const schedule = await readScheduleForView(session.clients, plan.pipelineName);
    return {
      deployed: d
        ? {
            state: 'read',
            definition: d.definition,
            arn: d.arn,
            ...schedule,
            ...(d.lastModified ? { lastModified: d.lastModified } : {}),
          }
        : { state: 'none', definition: null, ...schedule },
      pipeline: d,
    };
  } catch (err) {
    if (!lenient) throw err;
    // A plan degrades to offline: a PR role without DescribePipeline must not fail the PR. A notice, as
    // for the other offline plans (README, Modes).
    const why = `could not read the deployed pipeline (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`;
    core.notice(`${why}; planning offline`, { title: 'smp: deployed pipeline' });
    return { deployed: { ...OFFLINE, note: why }, pipeline: undefined };
  }
}

/** Links for the comment: the commit (PR head), this run, and the blob base for config `file:line` links. */
function provenance(inputs: ActionInputs, ctx: GithubContext): Provenance {
  const sha = commitSha(ctx);
  const repo = ctx.owner && ctx.repo ? `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}` : undefined;
  const run = runUrl(ctx);
  const dir = inputs.workingDirectory.replace(/^\.\/?/, '');
  const encoded = dir
    .split('/')
    .filter((x) => x !== '')
    .map((x) => `${encodeURIComponent(x)}/`)
    .join('');
  return {
    ...(sha ? { commitSha: sha } : {}),
    ...(sha && repo
      ? { commitUrl: `${repo}/commit/${sha}`, blobBase: `${repo}/blob/${sha}/${encoded}` }
      : {}),
    ...(run
      ? {
          runUrl: run,
          runLabel: `run ${ctx.runId ?? ''}`,
        }
      : {}),
  };
}

function recordPlanOutputs(inputs: ActionInputs, plan: Plan, view: PlanView, state: State): void {
  const dir = path.join(
    // Never inside the checkout: a committed `.smp` symlink would redirect the write.
    process.env.RUNNER_TEMP ?? tmpdir(),
    'smp-plan',
    plan.pipelineName,
  );
  // The plan files, not the artifacts: packing is the deploy's job (`smp plan --out` packs them).
  const files = writePlanFiles(plan, dir, { mermaid: view.mermaid, markdown: renderPlanComment(view) });
  state.outputs['pipeline-name'] = plan.pipelineName;
  state.outputs['plan-hash'] = view.planHash;
  // A schedule deploy creates, updates or deletes is a change too.
  state.outputs.changed =
    view.deployed === 'unknown'
      ? 'unknown'
      : String(view.diff.status !== 'unchanged' || scheduleChange(view) !== undefined);
  state.outputs['definition-file'] = files.definition;
  state.outputs['dag-mermaid'] = view.mermaid;
}

/** Refuses (no AWS writes) when the plan differs from the one the merged PR's comment showed. */
async function gatePasses(
  inputs: ActionInputs,
  ctx: GithubContext,
  plan: Plan,
  view: PlanView,
  state: State,
): Promise<boolean> {
  const sha = ctx.sha;
  if (!ctx.owner || !ctx.repo || !sha)
    throw new Error('require-approved-plan needs GITHUB_REPOSITORY and GITHUB_SHA');
  const { createGithubClient } = await import('../github/rest.js');
  const { approvedPlan } = await import('../github/gate.js');
  const gh = await createGithubClient(inputs.githubToken, ctx.apiUrl);
  const approved = await approvedPlan(
    gh,
    { owner: ctx.owner, repo: ctx.repo },
    sha,
    ctx.defaultBranch,
    plan.pipelineName,
  );
  if (approved?.planHash === view.planHash) {
    core.info(`Plan ${view.planHash} was approved in ${approved.prUrl}`);
    return true;
  }
  state.outputs['failure-reason'] = 'plan-changed';
  const why = !approved
    ? `no merged pull request brought ${sha.slice(0, 7)} into ${ctx.defaultBranch ?? 'the default branch'}, so there is no approved plan`
    : !approved.planHash
      ? `pull request #${approved.prNumber} has no smp plan comment for ${plan.pipelineName}`
      : `the plan changed since pull request #${approved.prNumber} was approved: approved ${approved.planHash.slice(0, 12)}, now ${view.planHash.slice(0, 12)}`;
  const diff = approved?.planHash ? await approvedDiff(inputs, approved.headSha, plan) : undefined;
  state.failure = {
    title: 'Refused: the plan is not the approved one',
    message: `${why}${approved?.commentUrl ? `\nApproved plan: ${approved.commentUrl}` : ''}${diff ? `\nChanges since the approved plan:\n${diff}` : ''}`,
  };
  return false;
}

/** Recompiles at the approved PR head (a detached worktree) and diffs it with the current plan; best effort. */
async function approvedDiff(inputs: ActionInputs, headSha: string, plan: Plan): Promise<string | undefined> {
  const repoRoot = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const dir = mkdtempSync(path.join(tmpdir(), 'smp-approved-'));
  try {
    const { exec: actionsExec } = await import('@actions/exec');
    const quiet = { silent: true, ignoreReturnCode: true, cwd: repoRoot };
    await actionsExec('git', ['fetch', '--quiet', '--depth', '1', 'origin', headSha], quiet);
    if ((await actionsExec('git', ['worktree', 'add', '--detach', '--force', dir, headSha], quiet)) !== 0)
      return undefined;
    const r = loadAndCompile({
      workspace: path.join(dir, inputs.workingDirectory),
      globs: inputs.config,
      env: applyOverrides(process.env, inputs.overrides),
      allowPlaceholders: true,
    });
    return r.plan
      ? diffText(diffDefinitions(r.plan.definition, plan.definition)) ||
          '(same definition; code bundles differ)'
      : undefined;
  } catch {
    return undefined;
  } finally {
    const { exec: actionsExec } = await import('@actions/exec');
    await actionsExec('git', ['worktree', 'remove', '--force', dir], {
      silent: true,
      ignoreReturnCode: true,
      cwd: repoRoot,
    }).catch(() => 0);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function cloneRepos(inputs: ActionInputs, ctx: GithubContext): Promise<string[]> {
  const { cloneRepositories } = await import('../github/repos.js');
  const { exec: actionsExec } = await import('@actions/exec');
  return cloneRepositories(inputs.modelRepositories, {
    workspace: inputs.workspace,
    serverUrl: ctx.serverUrl,
    token: inputs.githubToken,
    exec: (tool, args, opts) =>
      actionsExec(tool, args, { cwd: opts.cwd, env: opts.env, ignoreReturnCode: true }),
    maskSecret: (s) => core.setSecret(s),
    log: (l) => core.info(l),
  });
}

function scheduleReport(plan: Plan, outcome: string): RunReport['schedule'] {
  return outcome === 'none' ? undefined : { name: scheduleName(plan.pipelineName), outcome };
}

function uploadedOf(u: {
  uploaded: readonly { bytes: number }[];
  skipped: readonly unknown[];
}): RunReport['uploaded'] {
  return {
    count: u.uploaded.length,
    bytes: u.uploaded.reduce((n, x) => n + x.bytes, 0),
    skipped: u.skipped.length,
  };
}

function fail(state: State, err: unknown): void {
  const e = err as { name?: string; message?: string; stack?: string };
  // Our own bugs get their stack in the debug log; users get one line that says what to do.
  if (e.stack && !(err instanceof InputError)) core.debug(e.stack);
  if (e.name === 'DeployCancelled') {
    state.failure = {
      title: 'Cancelled',
      message: `the job was ${e.message ?? 'cancelled'}: nothing further was sent to AWS`,
    };
    return;
  }
  state.failure = {
    title: err instanceof InputError ? 'Invalid input' : 'smp-action failed',
    message: `${e.name && e.name !== 'Error' && !(err instanceof InputError) ? `${e.name}: ` : ''}${e.message ?? String(err)}`,
  };
}

/** A step's summary may hold 1 MiB; the rest is the run report's margin. */
const SUMMARY_BUDGET = 900_000;

async function finish(
  inputs: ActionInputs,
  ctx: GithubContext,
  state: State,
  cancelled: boolean,
): Promise<void> {
  if (cancelled && !state.report.cancelled && state.report.executionArn) {
    state.report = { ...state.report, cancelled: { stillRunning: true } };
  }
  const failure = state.failure ? renderFailure(state.failure.title, state.failure.message) : undefined;
  const extra = [renderRunReport(state.report), ...(failure ? [failure] : [])].filter((s) => s.trim() !== '');
  const pipeline = state.view?.pipeline ?? state.pipelineName;
  // Without a plan (invalid config) the comment still carries the marker, so it replaces the last plan shown.
  // The comment has GitHub's 65,536-character limit; the job summary has room for the whole report.
  const render = (budget?: number): string =>
    state.view
      ? renderPlanComment({ ...state.view, extra }, budget)
      : [
          ...(pipeline
            ? [
                renderMarker({ pipeline, planHash: 'none' }),
                `### smp plan: ${mdCode(pipeline, false)} does not compile`,
                '',
              ]
            : []),
          ...extra,
        ].join('\n');
  const body = render();
  try {
    for (const [k, v] of Object.entries(state.outputs)) core.setOutput(k, v);
  } catch (err) {
    core.warning(`Could not set the step outputs: ${err instanceof Error ? err.message : String(err)}`);
  }
  // On a run the summary opens with the outcome: what happened, where, why, and the links to look.
  const outcome = runOutcome(state.report);
  try {
    await core.appendSummary(`${outcome ? `### ${outcome}\n\n` : ''}${render(SUMMARY_BUDGET)}`);
  } catch (err) {
    core.warning(`Could not write the job summary: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (pipeline) await comment(inputs, ctx, body, pipeline);
  if (pipeline && outcome && inputs.mode === 'run' && ctx.isDefaultBranchPush)
    await statusOnMergedPr(inputs, ctx, pipeline, outcome);
  if (state.failure) {
    // Config errors are already annotated on their lines; anything else gets its whole message here.
    core.setFailed(
      state.failure.annotated
        ? `${state.failure.title}: see the annotations and the job summary`
        : `${state.failure.title}: ${state.failure.message}`,
    );
  }
}

async function comment(
  inputs: ActionInputs,
  ctx: GithubContext,
  body: string,
  pipeline: string,
): Promise<void> {
  const pr = ctx.pullRequest;
  if (!inputs.comment || !pr || !ctx.owner || !ctx.repo || !inputs.githubToken) return;
  try {
    const { createGithubClient, RATE_LIMIT_RESERVE } = await import('../github/rest.js');
    const { upsertPlanComment } = await import('../github/comment.js');
    const gh = await createGithubClient(inputs.githubToken, ctx.apiUrl);
    const target = { owner: ctx.owner, repo: ctx.repo, issueNumber: pr.number, pipeline };
    const posted = await upsertPlanComment(gh, target, body, RATE_LIMIT_RESERVE);
    const left = gh.remaining();
    core.info(
      `PR comment ${posted.action}${posted.url ? `: ${posted.url}` : ''} (${gh.calls()} GitHub API calls${left !== undefined ? `, ${left} left this hour` : ''})`,
    );
    if (left !== undefined && left < RATE_LIMIT_RESERVE)
      core.warning(`GitHub API rate limit nearly used up (${left} left this hour)`);
  } catch (err) {
    core.notice(commentFailure(err), { title: 'smp: PR comment' });
  }
}

/** The merged PR's plan comment gets the run's outcome as a status line (best effort: a notice on failure). */
async function statusOnMergedPr(
  inputs: ActionInputs,
  ctx: GithubContext,
  pipeline: string,
  outcome: string,
): Promise<void> {
  if (!inputs.comment || !ctx.owner || !ctx.repo || !ctx.sha || !inputs.githubToken) return;
  const run = runUrl(ctx);
  const status = `${outcome}${run ? ` ([run ${ctx.runId ?? ''}](${run}))` : ''}`;
  try {
    const { createGithubClient } = await import('../github/rest.js');
    const { postRunStatus } = await import('../github/comment.js');
    const gh = await createGithubClient(inputs.githubToken, ctx.apiUrl);
    const url = await postRunStatus(gh, { owner: ctx.owner, repo: ctx.repo }, ctx.sha, pipeline, status);
    if (url) core.info(`Run status added to the merged PR's plan comment: ${url}`);
  } catch (err) {
    core.notice(
      `Could not add the run status to the merged PR's plan comment (${commentFailure(err).replace(/ The job summary has the plan\.$/, '')}); give the job permissions: pull-requests: write`,
      { title: 'smp: PR status' },
    );
  }
}

/** Why the comment could not be written; never a failure of the job (the summary has the plan). */
function commentFailure(err: unknown): string {
  const e = err as { name?: string; status?: number; message?: string };
  const message = e.message ?? String(err);
  if (e.name === 'RateLimited' || /rate limit/i.test(message)) {
    return `Skipped the PR comment: the GitHub API rate limit is (nearly) used up (${message}). The job summary has the plan.`;
  }
  if (e.status === 403 || e.status === 404) {
    return `Could not comment on the pull request (HTTP ${e.status}: the token cannot write here, as on a fork PR; give the job permissions: pull-requests: write). The job summary has the plan.`;
  }
  return `Could not comment on the pull request: ${message}. The job summary has the plan.`;
}
