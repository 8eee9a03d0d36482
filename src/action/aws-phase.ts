// The AWS side of a plan: the session (OIDC role or offline), the model packages resolved in the Model
// Registry, and the deployed pipeline and schedule.
import { readDeployedState } from '../app/deployed-state.js';
import { resolvePlan } from '../app/resolve-plan.js';
import type { DeployedPipeline } from '../aws/pipeline.js';
import type { Plan } from '../compile/types.js';
import type { ProjectConfig } from '../config/types.js';
import type { AwsSession } from '../github/aws-session.js';
import type { GithubContext } from '../github/event.js';
import type { ActionInputs } from '../github/inputs.js';
import * as core from '../github/runner.js';
import { OFFLINE } from '../plan/view.js';
import type { Deployed } from '../plan/view.js';

export async function openSession(
  inputs: ActionInputs,
  region: string,
  ctx: GithubContext,
): Promise<AwsSession> {
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
export async function resolveModelPackages(
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

/**
 * The deployed pipeline, read once: the plan view diffs against it and the deploy reuses it. A plan degrades to
 * offline when it cannot be read (a PR role without DescribePipeline must not fail the PR): a notice, as for the
 * other offline plans (README, Modes). Deploy and run fail.
 */
export async function readDeployedLenient(
  session: AwsSession,
  plan: Plan,
  lenient: boolean,
): Promise<{ deployed: Deployed; pipeline: DeployedPipeline | null | undefined }> {
  if (session.kind !== 'online') return { deployed: { ...OFFLINE, note: session.why }, pipeline: undefined };
  try {
    return await readDeployedState(session.clients, plan.pipelineName);
  } catch (err) {
    if (!lenient) throw err;
    const why = `could not read the deployed pipeline (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`;
    core.notice(`${why}; planning offline`, { title: 'smp: deployed pipeline' });
    return { deployed: { ...OFFLINE, note: why }, pipeline: undefined };
  }
}
