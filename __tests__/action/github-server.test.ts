// The GitHub REST test server (../servers/github-server.ts) driven by the action's own client, Octokit from
// @actions/github: responses satisfy GitHub's OpenAPI response schemas, requests that break the description
// are recorded, pagination follows Link headers, and the token kinds behave as GitHub's do.
import { getOctokit } from '@actions/github';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROUTES, startGithubServer } from '../servers/github-server.js';
import type { GithubServer, GithubServerOptions } from '../servers/github-server.js';

let gh: GithubServer;

async function start(opts: GithubServerOptions = {}): Promise<ReturnType<typeof getOctokit>> {
  gh = await startGithubServer(opts);
  return getOctokit(gh.token, { baseUrl: gh.url, userAgent: 'smp-action-test' });
}

const repo = { owner: 'octo-org', repo: 'octo-repo' };

beforeEach(() => {
  delete process.env.HTTP_PROXY;
  delete process.env.HTTPS_PROXY;
});

afterEach(async () => {
  expect(gh.serverErrors, gh.serverErrors.join('\n')).toEqual([]);
  await gh.close();
});

describe('GitHub test server', () => {
  it('installation token: GET /user → 403 "Resource not accessible by integration", comments by github-actions[bot]', async () => {
    const octokit = await start();
    const err = await octokit.rest.users.getAuthenticated().catch((e: unknown) => e);
    expect(err).toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    });
    const pr = gh.addPullRequest({ headSha: 'a'.repeat(40) });
    const { data, headers } = await octokit.rest.issues.createComment({
      ...repo,
      issue_number: pr.number,
      body: 'hi',
    });
    expect(data.user?.login).toBe('github-actions[bot]');
    expect(data.html_url).toBe(
      `https://github.com/octo-org/octo-repo/pull/${pr.number}#issuecomment-${data.id}`,
    );
    expect(headers['x-ratelimit-limit']).toBe('1000');
    expect(headers['x-ratelimit-remaining']).toBe('998');
    const updated = await octokit.rest.issues.updateComment({
      ...repo,
      comment_id: data.id,
      body: 'hi again',
    });
    expect(updated.data.body).toBe('hi again');
    expect(gh.comments(pr.number)[0]).toMatchObject({ body: 'hi again', history: ['hi'] });
    expect(gh.countByRoute()).toEqual({
      [ROUTES.getAuthenticatedUser]: 1,
      [ROUTES.createComment]: 1,
      [ROUTES.updateComment]: 1,
    });
    expect(gh.violations, gh.formatViolations()).toEqual([]);
  });

  it('only a comment’s author may edit it: someone else’s comment → 403, unchanged', async () => {
    const octokit = await start();
    const pr = gh.addPullRequest({ headSha: 'c'.repeat(40) });
    const theirs = gh.addComment(pr.number, 'mallory', 'their words');
    const err = await octokit.rest.issues
      .updateComment({ ...repo, comment_id: theirs.id, body: 'overwritten' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 403 });
    expect(gh.comments(pr.number)).toEqual([expect.objectContaining({ body: 'their words', history: [] })]);
    expect(gh.count(ROUTES.updateComment, { status: 403 })).toBe(1);
  });

  it('user token: GET /user answers the private user; its comments carry that login', async () => {
    const octokit = await start({ tokenKind: 'user', login: 'smp-bot' });
    const { data } = await octokit.rest.users.getAuthenticated();
    expect(data).toMatchObject({ login: 'smp-bot', type: 'User' });
    const issue = gh.addIssue();
    const c = await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body: 'x' });
    expect(c.data.user?.login).toBe('smp-bot');
    expect(gh.violations).toEqual([]);
  });

  it('paginates with per_page/page and Link headers; octokit.paginate follows them', async () => {
    const octokit = await start();
    const pr = gh.addPullRequest({ headSha: 'b'.repeat(40) });
    for (let i = 0; i < 230; i++) gh.addComment(pr.number, i % 2 ? 'octocat' : 'hubot', `comment ${i}`);
    const first = await octokit.rest.issues.listComments({ ...repo, issue_number: pr.number, per_page: 100 });
    expect(first.data).toHaveLength(100);
    expect(first.headers.link).toMatch(/[?&]page=2>; rel="next", <[^>]*[?&]page=3>; rel="last"$/);
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      ...repo,
      issue_number: pr.number,
      per_page: 100,
    });
    expect(all.map((c) => c.body)).toEqual(Array.from({ length: 230 }, (_, i) => `comment ${i}`));
    expect(gh.count(ROUTES.listComments)).toBe(4); // 1 + 3 pages
    const defaults = await octokit.rest.issues.listComments({ ...repo, issue_number: pr.number });
    expect(defaults.data).toHaveLength(30); // GitHub's default per_page
    const capped = await octokit.rest.issues.listComments({
      ...repo,
      issue_number: pr.number,
      per_page: 500,
    });
    expect(capped.data).toHaveLength(100);
    expect(gh.violations).toEqual([]);
  });

  it('commits → pulls: the merged PR for its merge commit; open PRs for an unmerged head', async () => {
    const octokit = await start();
    const merged = gh.addPullRequest({ headSha: 'c'.repeat(40), merged: { sha: 'd'.repeat(40) } });
    const open = gh.addPullRequest({ headSha: 'e'.repeat(40) });
    const a = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      ...repo,
      commit_sha: 'd'.repeat(40),
    });
    expect(a.data.map((p) => [p.number, Boolean(p.merged_at), p.base.ref, p.head.sha])).toEqual([
      [merged.number, true, 'main', 'c'.repeat(40)],
    ]);
    const b = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      ...repo,
      commit_sha: 'e'.repeat(40),
    });
    expect(b.data.map((p) => p.number)).toEqual([open.number]);
    const none = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      ...repo,
      commit_sha: '1234567',
    });
    expect(none.data).toEqual([]);
    expect(gh.violations).toEqual([]);
  });

  it('records requests that break the description: bad path params, unknown query and body members, unknown routes', async () => {
    const octokit = await start();
    const pr = gh.addPullRequest({ headSha: 'f'.repeat(40) });
    await expect(
      octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...repo,
        issue_number: 'abc' as unknown as number,
      }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...repo,
        issue_number: pr.number,
        body: 'x',
        bodyy: 'typo',
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...repo,
        issue_number: pr.number,
      } as never),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...repo,
        issue_number: pr.number,
        sort: 'created',
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(octokit.request('GET /repos/{owner}/{repo}/pulls', repo)).rejects.toMatchObject({
      status: 404,
    });
    expect(gh.violations.map((v) => [v.where, v.path])).toEqual([
      ['path', 'issue_number'],
      ['body', 'bodyy'],
      ['body', ''],
      ['query', 'sort'],
      ['route', '/repos/octo-org/octo-repo/pulls'],
    ]);
  });

  it('fork PR token: comment writes → 403; other repositories → 404; bad token → 401', async () => {
    const octokit = await start({ commentWrites: false });
    const pr = gh.addPullRequest({ headSha: 'a'.repeat(40), headRepo: 'forker/octo-repo' });
    await expect(
      octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body: 'x' }),
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    });
    await expect(
      octokit.rest.issues.listComments({ owner: 'other', repo: 'repo', issue_number: pr.number }),
    ).rejects.toMatchObject({ status: 404 });
    const stranger = getOctokit('ghs_wrong', { baseUrl: gh.url });
    await expect(stranger.rest.users.getAuthenticated()).rejects.toMatchObject({ status: 401 });
    expect(gh.violations).toEqual([]);
  });

  it('rate limit: remaining counts down in the headers, and at 0 requests get 403', async () => {
    const octokit = await start({ rateLimitRemaining: 2 });
    const pr = gh.addPullRequest({ headSha: 'a'.repeat(40) });
    const a = await octokit.rest.issues.listComments({ ...repo, issue_number: pr.number });
    expect(a.headers['x-ratelimit-remaining']).toBe('1');
    await octokit.rest.issues.listComments({ ...repo, issue_number: pr.number });
    const err = await octokit.rest.issues
      .listComments({ ...repo, issue_number: pr.number })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 403, message: expect.stringContaining('API rate limit exceeded') });
    expect(
      (err as { response: { headers: Record<string, string> } }).response.headers['x-ratelimit-remaining'],
    ).toBe('0');
  });
});
