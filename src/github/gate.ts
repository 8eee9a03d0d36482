// Gated apply: the plan a merged PR's comment approved, read back from our marker.
import { parseMarker } from '../report/marker.js';
import { mergedPullRequest, selectPlanComment, tokenIdentity } from './comment.js';
import type { GithubClient } from './rest.js';

export interface ApprovedPlan {
  readonly prNumber: number;
  readonly prUrl: string;
  /** The PR's head commit: the approved plan was computed on its merge with the base (an approximation here). */
  readonly headSha: string;
  readonly planHash: string | undefined;
  readonly commentUrl: string | undefined;
}

/** The merged PR that brought `sha` into `base`, and the plan hash in our comment on it. */
export async function approvedPlan(
  gh: GithubClient,
  repo: { owner: string; repo: string },
  sha: string,
  base: string | undefined,
  pipeline: string,
): Promise<ApprovedPlan | undefined> {
  const pr = await mergedPullRequest(gh, repo, sha, base);
  if (!pr) return undefined;
  const me = await tokenIdentity(gh);
  const comments = await gh.octokit.paginate(gh.octokit.rest.issues.listComments, {
    ...repo,
    issue_number: pr.number,
    per_page: 100,
  });
  const last = selectPlanComment(comments, pipeline, me);
  return {
    prNumber: pr.number,
    prUrl: pr.html_url,
    headSha: pr.head.sha,
    planHash: last?.body ? parseMarker(last.body)?.planHash : undefined,
    commentUrl: last?.html_url,
  };
}
