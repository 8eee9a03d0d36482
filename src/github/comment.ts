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
