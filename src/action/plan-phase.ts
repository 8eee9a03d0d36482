// The plan view: diffed against what is deployed, with the changed code files and the links for the
// comment's footer; written to the plan files and outputs, and told in the log.
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AwsSession } from '../github/aws-session.js';
import type { Plan } from '../compile/types.js';
import { commitSha, runUrl } from '../github/event.js';
import type { GithubContext } from '../github/event.js';
import type { ActionInputs } from '../github/inputs.js';
import * as core from '../github/runner.js';
import { writePlanFiles } from '../plan/files.js';
import { buildPlanView } from '../plan/view.js';
import type { Deployed, Provenance } from '../plan/view.js';
import { renderPlanComment } from '../report/plan-comment.js';
import type { PlanView } from '../report/plan-comment.js';
import { scheduleChange } from '../report/plan-registry.js';
import { planText } from '../report/plan-text.js';
import type { State } from './state.js';

export async function showPlan(
  inputs: ActionInputs,
  ctx: GithubContext,
  session: AwsSession,
  plan: Plan,
  deployed: Deployed,
  state: State,
): Promise<PlanView> {
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
  recordPlanOutputs(plan, view, state);
  await core.group('Plan', () => {
    core.info(planText(view));
    if (deployed.state === 'unknown') core.info(`(${deployed.note ?? 'offline'})`);
    return Promise.resolve();
  });
  return view;
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

function recordPlanOutputs(plan: Plan, view: PlanView, state: State): void {
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
