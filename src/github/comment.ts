// One PR comment per pipeline: found by our marker among comments the token's own user wrote, updated in
// place, never touching anyone else's comment.
import { parseMarker } from '../report/marker.js';
import type { GithubClient } from './rest.js';
import { errorStatus } from './rest.js';

export interface CommentTarget {
  readonly owner: string;
  readonly repo: string;
  readonly issueNumber: number;
  readonly pipeline: string;
}

export interface PostedComment {
  readonly action: 'created' | 'updated' | 'unchanged';
  readonly id: number;
  readonly url: string | undefined;
}

/** The login comments by this token carry. GITHUB_TOKEN (an app installation token) cannot call /user. */
export async function tokenLogin(gh: GithubClient): Promise<string> {
  try {
    const { data } = await gh.octokit.rest.users.getAuthenticated();
    return data.login;
  } catch (err) {
    if (errorStatus(err) === 403 || errorStatus(err) === 401) return 'github-actions[bot]';
    throw err;
  }
}

export interface OwnComment {
  readonly id: number;
  readonly body: string;
}

/** Our comment for `pipeline` on the issue/PR, if any (author must be `login`). */
export async function findPlanComment(
  gh: GithubClient,
  t: CommentTarget,
  login: string,
): Promise<OwnComment | undefined> {
  const comments = await gh.octokit.paginate(gh.octokit.rest.issues.listComments, {
    owner: t.owner,
    repo: t.repo,
    issue_number: t.issueNumber,
    per_page: 100,
  });
  for (const c of comments) {
    if (c.user?.login !== login || !c.body) continue;
    if (parseMarker(c.body)?.pipeline === t.pipeline) return { id: c.id, body: c.body };
  }
  return undefined;
}

export async function upsertPlanComment(
  gh: GithubClient,
  t: CommentTarget,
  body: string,
  login?: string,
): Promise<PostedComment> {
  const who = login ?? (await tokenLogin(gh));
  const existing = await findPlanComment(gh, t, who);
  if (existing) {
    if (existing.body === body) return { action: 'unchanged', id: existing.id, url: undefined };
    const { data } = await gh.octokit.rest.issues.updateComment({
      owner: t.owner,
      repo: t.repo,
      comment_id: existing.id,
      body,
    });
    return { action: 'updated', id: data.id, url: data.html_url };
  }
  const { data } = await gh.octokit.rest.issues.createComment({
    owner: t.owner,
    repo: t.repo,
    issue_number: t.issueNumber,
    body,
  });
  return { action: 'created', id: data.id, url: data.html_url };
}
