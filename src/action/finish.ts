// The end of every run, whatever happened: outputs, the job summary (outcome first), the PR comment, the
// merged PR's status line, and the failure that fails the step.
import type { GithubContext } from '../github/event.js';
import { runUrl } from '../github/event.js';
import type { ActionInputs } from '../github/inputs.js';
import * as core from '../github/runner.js';
import { mdCode } from '../report/escape.js';
import { renderMarker } from '../report/marker.js';
import { renderPlanComment } from '../report/plan-comment.js';
import { renderJobSummary } from '../report/job-summary.js';
import { renderFailure, renderRunReport, runOutcome } from '../report/run-report.js';
import type { State } from './state.js';

/** A step's summary may hold 1 MiB; the rest is the run report's margin. */
const SUMMARY_BUDGET = 900_000;

export async function finish(
  inputs: ActionInputs,
  ctx: GithubContext,
  state: State,
  cancelled: boolean,
): Promise<void> {
  if (cancelled && !state.report.cancelled && state.report.executionArn) {
    state.report = { ...state.report, cancelled: { stillRunning: true } };
  }
  const failure = state.failure
    ? renderFailure(state.failure.title, state.failure.shown ?? state.failure.message)
    : undefined;
  const extra = [renderRunReport(state.report), ...(failure ? [failure] : [])].filter((s) => s.trim() !== '');
  const pipeline = state.view?.pipeline ?? state.pipelineName;
  // Without a plan (invalid config) the comment still carries the marker, so it replaces the last plan shown.
  // The comment has GitHub's 65,536-character limit; the job summary has room for the whole report.
  const render = (budget?: number, sections: readonly string[] = extra): string =>
    state.view
      ? renderPlanComment({ ...state.view, extra: sections }, budget)
      : [
          ...(pipeline
            ? [
                renderMarker({ pipeline, planHash: 'none' }),
                `### smp plan: ${mdCode(pipeline, false)} does not compile`,
                '',
              ]
            : []),
          ...sections,
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
    await core.appendSummary(renderJobSummary(outcome, extra, (x) => render(SUMMARY_BUDGET, x)));
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
