// What this workflow run is about, read from the runner's environment and event payload (no Octokit needed).
import { readFileSync } from 'node:fs';

export interface PullRequestInfo {
  readonly number: number;
  readonly headSha: string;
  readonly headRepo: string | undefined;
  readonly baseRepo: string | undefined;
  /** A PR from a fork: its token cannot comment and no AWS secrets are available. */
  readonly isFork: boolean;
  readonly url: string | undefined;
}

export interface GithubContext {
  readonly eventName: string;
  readonly owner: string | undefined;
  readonly repo: string | undefined;
  readonly sha: string | undefined;
  readonly ref: string | undefined;
  readonly runId: string | undefined;
  readonly runAttempt: string | undefined;
  readonly serverUrl: string;
  readonly apiUrl: string;
  readonly pullRequest: PullRequestInfo | undefined;
  readonly defaultBranch: string | undefined;
  /** A push to the repository's default branch (the event that deploys by default). */
  readonly isDefaultBranchPush: boolean;
}

interface Payload {
  pull_request?: {
    number?: number;
    html_url?: string;
    head?: { sha?: string; repo?: { full_name?: string } | null };
    base?: { repo?: { full_name?: string } };
  };
  repository?: { default_branch?: string };
}

export function readGithubContext(env: NodeJS.ProcessEnv = process.env): GithubContext {
  let payload: Payload = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Payload;
    } catch {
      payload = {};
    }
  }
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const pr = payload.pull_request;
  const defaultBranch = payload.repository?.default_branch;
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const headRepo = pr?.head?.repo?.full_name;
  const baseRepo = pr?.base?.repo?.full_name ?? env.GITHUB_REPOSITORY;
  return {
    eventName,
    owner: owner || undefined,
    repo: repo || undefined,
    sha: env.GITHUB_SHA,
    ref: env.GITHUB_REF,
    runId: env.GITHUB_RUN_ID,
    runAttempt: env.GITHUB_RUN_ATTEMPT,
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    pullRequest:
      pr?.number !== undefined
        ? {
            number: pr.number,
            headSha: pr.head?.sha ?? env.GITHUB_SHA ?? '',
            headRepo,
            baseRepo,
            // A deleted fork has no head repo: treat it as a fork too.
            isFork: headRepo === undefined || (baseRepo !== undefined && headRepo !== baseRepo),
            url: pr.html_url,
          }
        : undefined,
    defaultBranch,
    isDefaultBranchPush:
      eventName === 'push' && defaultBranch !== undefined && env.GITHUB_REF === `refs/heads/${defaultBranch}`,
  };
}

/** The commit a run is about: the PR head for pull requests, else GITHUB_SHA. */
export function commitSha(ctx: GithubContext): string | undefined {
  return ctx.pullRequest?.headSha || ctx.sha;
}

export function runUrl(ctx: GithubContext): string | undefined {
  return ctx.owner && ctx.repo && ctx.runId
    ? `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}`
    : undefined;
}
