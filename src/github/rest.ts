// The GitHub REST client: Octokit (loaded lazily), pinned to GITHUB_API_URL, counting calls and honouring
// rate-limit headers (GITHUB_TOKEN has 1,000 requests an hour per repository, shared by every workflow).
import type { getOctokit } from '@actions/github';

export type Octokit = ReturnType<typeof getOctokit>;

export interface GithubClient {
  readonly octokit: Octokit;
  /** Calls made so far (the action budgets ~10 a run). */
  calls(): number;
  /** Remaining requests in the current rate-limit window, from the last response (undefined until one). */
  remaining(): number | undefined;
}

/** Below this many remaining requests, optional calls (comments) are skipped with a notice. */
export const RATE_LIMIT_RESERVE = 20;

export async function createGithubClient(token: string, apiUrl: string): Promise<GithubClient> {
  const { getOctokit } = await import('@actions/github');
  const allowed = new URL(apiUrl);
  const octokit = getOctokit(token, { baseUrl: apiUrl.replace(/\/$/, ''), userAgent: 'smp-action' });
  let calls = 0;
  let remaining: number | undefined;
  octokit.hook.wrap('request', async (request, options) => {
    const url = new URL(
      String(options.url).replace(/^\//, `${allowed.origin}${allowed.pathname.replace(/\/$/, '')}/`),
      allowed,
    );
    // The token must never travel to another host, whatever a URL in a response says.
    if (url.host !== allowed.host)
      throw new Error(
        `refusing a GitHub API call to ${url.host}: only ${allowed.host} (GITHUB_API_URL) is allowed`,
      );
    calls++;
    try {
      const response = await request(options);
      remaining = readRemaining(response.headers) ?? remaining;
      return response;
    } catch (err) {
      remaining =
        readRemaining((err as { response?: { headers?: Record<string, unknown> } }).response?.headers) ??
        remaining;
      throw err;
    }
  });
  return { octokit, calls: () => calls, remaining: () => remaining };
}

function readRemaining(headers: Record<string, unknown> | undefined): number | undefined {
  const v = headers?.['x-ratelimit-remaining'];
  const n = typeof v === 'string' || typeof v === 'number' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

export function errorStatus(err: unknown): number | undefined {
  const s = (err as { status?: unknown }).status;
  return typeof s === 'number' ? s : undefined;
}
