// `require-approved-plan`: main deploys only the plan the merged PR's comment showed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadAndCompile } from '../app/compile-project.js';
import type { Plan } from '../compile/types.js';
import { applyOverrides } from '../config/overrides.js';
import type { GithubContext } from '../github/event.js';
import type { ActionInputs } from '../github/inputs.js';
import * as core from '../github/runner.js';
import { diffDefinitions } from '../plan/diff.js';
import type { PlanView } from '../report/plan-comment.js';
import { diffText } from '../report/plan-text.js';
import type { State } from './state.js';

/** Refuses (no AWS writes) when the plan differs from the one the merged PR's comment showed. */
export async function gatePasses(
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
