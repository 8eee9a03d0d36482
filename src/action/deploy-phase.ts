// Deploy (upsert the pipeline and its schedule) or run (deploy, start, wait, report the steps and the
// registered model versions): the writes, reached only after the plan and the gate.
import type { AwsClients } from '../aws/clients.js';
import type { DeployedPipeline } from '../aws/pipeline.js';
import type { WaitResult } from '../aws/wait.js';
import { withParameters } from '../compile/parameters.js';
import type { RunParameters } from '../compile/parameters.js';
import type { Plan } from '../compile/types.js';
import { scheduleName } from '../config/schedule.js';
import type { ProjectConfig } from '../config/types.js';
import { deployContext, waitOptions } from '../app/deploy-context.js';
import { commitSha, runUrl } from '../github/event.js';
import type { GithubContext } from '../github/event.js';
import type { ActionInputs } from '../github/inputs.js';
import * as core from '../github/runner.js';
import { runDag } from '../plan/dag.js';
import { stepModels } from '../plan/view.js';
import type { Deployed } from '../plan/view.js';
import { gateFailureText } from '../report/gates.js';
import { failedStepShown } from '../report/run-report.js';
import type { PlanView } from '../report/plan-comment.js';
import type { RunReport } from '../report/run-report.js';
import type { State } from './state.js';

export interface DeployInput {
  readonly config: ProjectConfig;
  readonly plan: Plan;
  readonly view: PlanView;
  readonly clients: AwsClients;
  readonly deployed: Deployed;
  /** The pipeline as read for the plan: the deploy reuses it rather than reading it again. */
  readonly current: DeployedPipeline | null | undefined;
  readonly params: RunParameters;
}

export async function deployOrRun(
  inputs: ActionInputs,
  ctx: GithubContext,
  { config, plan, view, clients, deployed, current, params }: DeployInput,
  state: State,
  signal: AbortSignal,
): Promise<void> {
  const { deployPipeline, runPipeline } = await import('../aws/deploy.js');
  const { executionDisplayName, executionToken } = await import('../aws/execution.js');
  const { executionLink, jobLinks, modelGroupLink } = await import('../aws/console.js');
  const context = deployContext({
    config,
    plan,
    planHash: view.planHash,
    clients,
    description: inputs.description,
    repository: ctx.owner && ctx.repo ? `${ctx.owner}/${ctx.repo}` : undefined,
    parallelism: inputs.maxParallelSteps,
    log: (l) => core.info(l),
    signal,
    knownSchedule: deployed.schedule,
  });
  if (inputs.mode === 'deploy') {
    const d = await core.group('Deploy', () => deployPipeline(context, current));
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
        ...context,
        displayName,
        executionDescription:
          `smp-action ${commitSha(ctx)?.slice(0, 7) ?? ''}${link ? ` ${link}` : ''}`.trim(),
        token: executionToken(
          withParameters(view.planHash, params.pipelineParameters),
          ctx.runId,
          ctx.runAttempt,
        ),
        parameters: params.pipelineParameters,
        wait: waitOptions(
          {
            wait: inputs.wait,
            pollSeconds: inputs.pollIntervalSeconds,
            timeoutMinutes: inputs.waitTimeoutMinutes,
            stopOnCancel: inputs.stopOnCancel,
          },
          signal,
          (l) => core.info(l),
        ),
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
  if (w && w.outcome !== 'Succeeded')
    state.failure = runFailure(w, result.execution.arn, inputs.waitTimeoutMinutes);
}

/** Why the run failed, for the summary's failure block and the step's error annotation. */
function runFailure(
  w: WaitResult,
  executionArn: string,
  timeoutMinutes: number,
): NonNullable<State['failure']> {
  const failedStep = w.steps.find((s) => s.status === 'Failed');
  const running = w.steps
    .filter((s) => !['Succeeded', 'Failed', 'Stopped'].includes(s.status))
    .map((s) => s.name);
  const message =
    w.outcome === 'TimedOut'
      ? `gave up waiting after ${timeoutMinutes} minutes; ${w.stopRequested ? 'asked SageMaker to stop the execution' : `the execution is still running${running.length ? ` (${running.join(', ')})` : ''}`}: ${executionArn}`
      : failedStep
        ? `${gateFailureText(failedStep.failureReason ?? '') ?? failedStep.failureReason ?? w.failureReason ?? 'no reason given'}${failedStep.jobArn ? `\njob: ${failedStep.jobArn}` : ''}`
        : (w.failureReason ?? `the execution ended ${w.outcome}`);
  const reason = failedStep?.failureReason;
  return {
    ...(failedStep && reason
      ? {
          // The step table above has the whole reason with the job's console and log links: say it once.
          shown: failedStepShown(reason),
        }
      : {}),
    title:
      w.outcome === 'TimedOut'
        ? 'Timed out'
        : failedStep
          ? `Execution failed at ${failedStep.name}`
          : `Execution ${w.outcome.toLowerCase()}`,
    message,
  };
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
