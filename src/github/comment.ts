// One PR comment per pipeline: found by our marker among comments this token's identity wrote, updated in
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

/**
 * Who comments with this token: a user login, or `bot` for app installation tokens (GITHUB_TOKEN, GitHub App
 * tokens), which cannot call /user; then a Bot-type author counts as us (no user can post as a Bot).
 */
export type TokenIdentity = { readonly kind: 'user'; readonly login: string } | { readonly kind: 'bot' };

export async function tokenIdentity(gh: GithubClient): Promise<TokenIdentity> {
  try {
    const { data } = await gh.octokit.rest.users.getAuthenticated();
    return { kind: 'user', login: data.login };
  } catch (err) {
    if (errorStatus(err) === 403 || errorStatus(err) === 401) return { kind: 'bot' };
    throw err;
  }
}

export function isOurs(
  author: { login?: string; type?: string } | null | undefined,
  me: TokenIdentity,
): boolean {
  if (!author) return false;
  return me.kind === 'user' ? author.login === me.login : author.type === 'Bot';
}

interface IssueComment {
  readonly id: number;
  readonly body?: string | undefined;
  readonly html_url?: string;
  readonly user?: { login?: string; type?: string } | null;
}

/** The one comment that is ours for `pipeline`: the comment upsert updates and the gate reads. */
export function selectPlanComment<C extends IssueComment>(
  comments: readonly C[],
  pipeline: string,
  me: TokenIdentity,
): C | undefined {
  const ours = comments.filter(
    (c) => isOurs(c.user, me) && c.body && parseMarker(c.body)?.pipeline === pipeline,
  );
  // With an app token several bots could match; GITHUB_TOKEN's own comment comes first.
  return ours.find((c) => c.user?.login === 'github-actions[bot]') ?? ours[0];
}

export interface OwnComment {
  readonly id: number;
  readonly body: string;
}

/** Our comment for `pipeline` on the issue/PR, if any. */
export async function findPlanComment(
  gh: GithubClient,
  t: CommentTarget,
  me: TokenIdentity,
): Promise<OwnComment | undefined> {
  const comments = await gh.octokit.paginate(gh.octokit.rest.issues.listComments, {
    owner: t.owner,
    repo: t.repo,
    issue_number: t.issueNumber,
    per_page: 100,
  });
  const best = selectPlanComment(comments, t.pipeline, me);
  return best?.body ? { id: best.id, body: best.body } : undefined;
}

export class RateLimited extends Error {
  override name = 'RateLimited';
}

/** Creates or updates our comment; refuses (RateLimited) when fewer than `reserve` requests are left. */
export async function upsertPlanComment(
  gh: GithubClient,
  t: CommentTarget,
  body: string,
  reserve = 0,
): Promise<PostedComment> {
  const me = await tokenIdentity(gh);
  const left = gh.remaining();
  if (left !== undefined && left < reserve)
    throw new RateLimited(`only ${left} GitHub API requests are left this hour`);
  const existing = await findPlanComment(gh, t, me);
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

/** The first line of the status block the main-branch run writes into the merged PR's plan comment. */
const STATUS_PREFIX = '> **After merge:** ';

/**
 * The body with a status line under the verdict (replacing an earlier one): the plan, marker and hash are
 * untouched, so the approved plan stays what the reviewer approved.
 */
export function withStatusLine(body: string, status: string): string {
  const lines = body.split('\n');
  const kept = lines.filter((l) => !l.startsWith(STATUS_PREFIX));
  // marker, title, blank, verdict: the status goes after the verdict's paragraph.
  const at = kept.findIndex((l, i) => i > 0 && l.startsWith('**'));
  const line = `${STATUS_PREFIX}${status.replace(/\r?\n/g, ' ')}`;
  if (at < 0) return [...kept, '', line, ''].join('\n');
  return [...kept.slice(0, at + 1), '', line, ...kept.slice(at + 1)].join('\n').replace(/\n\n\n+/g, '\n\n');
}

/**
 * After a run on the default branch: the merged PR that brought `sha` gets `status` in its plan comment for
 * `pipeline`, updated in place. Returns the comment's URL, or undefined when there is no such PR or comment.
 */
export async function postRunStatus(
  gh: GithubClient,
  repo: { owner: string; repo: string },
  sha: string,
  pipeline: string,
  status: string,
): Promise<string | undefined> {
  const pr = await mergedPullRequest(gh, repo, sha, undefined);
  if (!pr) return undefined;
  const me = await tokenIdentity(gh);
  const existing = await findPlanComment(gh, { ...repo, issueNumber: pr.number, pipeline }, me);
  if (!existing) return undefined;
  const body = withStatusLine(existing.body, status);
  if (body === existing.body) return undefined;
  const { data } = await gh.octokit.rest.issues.updateComment({ ...repo, comment_id: existing.id, body });
  return data.html_url;
}

/** The merged PR that brought `sha` (into `base` when given, else any merged one). */
export async function mergedPullRequest(
  gh: GithubClient,
  repo: { owner: string; repo: string },
  sha: string,
  base: string | undefined,
): Promise<{ number: number; html_url: string; head: { sha: string } } | undefined> {
  const { data: pulls } = await gh.octokit.rest.repos.listPullRequestsAssociatedWithCommit({
    ...repo,
    commit_sha: sha,
    per_page: 10,
  });
  return pulls.find((p) => p.merged_at && (!base || p.base.ref === base)) ?? pulls.find((p) => p.merged_at);
}
