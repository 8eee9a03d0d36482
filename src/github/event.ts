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
  /** Why the event payload could not be used (missing, null, malformed), as one line for the log. */
  readonly payloadProblem?: string | undefined;
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

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The payload's fields we use, type-checked: anything of the wrong type counts as absent, so a hostile or
 * broken payload degrades to "no pull request" instead of crashing.
 */
function readPayload(env: NodeJS.ProcessEnv): { payload: Payload; problem?: string } {
  const file = env.GITHUB_EVENT_PATH;
  if (!file) return { payload: {} };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const why = err instanceof SyntaxError ? 'is not valid JSON' : 'cannot be read';
    return { payload: {}, problem: `the event payload ${file} ${why}` };
  }
  if (!isObject(data)) return { payload: {}, problem: `the event payload ${file} is not a JSON object` };
  const payload: Payload = {};
  const repo = data.repository;
  if (isObject(repo) && str(repo.default_branch))
    payload.repository = { default_branch: str(repo.default_branch) };
  const pr = data.pull_request;
  if (pr === undefined) return { payload };
  const number = isObject(pr) ? pr.number : undefined;
  if (!isObject(pr) || typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1)
    return { payload, problem: `the event payload ${file} has a pull_request without a valid number` };
  const head = isObject(pr.head) ? pr.head : {};
  const base = isObject(pr.base) ? pr.base : {};
  const sha = str(head.sha);
  payload.pull_request = {
    number,
    html_url: str(pr.html_url),
    head: {
      sha: sha && /^[0-9A-Za-z]{1,64}$/.test(sha) ? sha : undefined,
      repo: isObject(head.repo) ? { full_name: str(head.repo.full_name) } : null,
    },
    base: { repo: isObject(base.repo) ? { full_name: str(base.repo.full_name) } : {} },
  };
  return { payload };
}

export function readGithubContext(env: NodeJS.ProcessEnv = process.env): GithubContext {
  const { payload, problem } = readPayload(env);
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const pr = payload.pull_request;
  const defaultBranch = payload.repository?.default_branch;
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const headRepo = pr?.head?.repo?.full_name;
  const baseRepo = pr?.base?.repo?.full_name ?? env.GITHUB_REPOSITORY;
  const missingPr =
    !problem && eventName.startsWith('pull_request') && !pr && env.GITHUB_EVENT_PATH
      ? `the ${eventName} event payload has no pull_request`
      : undefined;
  const payloadProblem = problem ?? missingPr;
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
    ...(payloadProblem ? { payloadProblem: `${payloadProblem}: planning without it (no PR comment)` } : {}),
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
