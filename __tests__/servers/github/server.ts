// The local GitHub REST endpoint for action tests: one node:http server on 127.0.0.1 serving the endpoints the
// action calls (GET /user, issue comments list/create/update, commits → pulls) over a small stateful model of
// one repository. Every request is checked against GitHub's OpenAPI description (path, query, JSON body, and
// the headers GitHub requires) and recorded; every response is checked against the described response schema.
// See ../github-server.ts for the public surface.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GITHUB_ACTIONS_BOT, issueComment, privateUser, pullRequestSimple } from './objects.js';
import type { CommentRecord, PullRecord, RepoRecord, UserRecord, UserType, Urls } from './objects.js';
import { loadGithubDescription, matchRoute, parseParameter, validateSchema } from './openapi.js';
import type { Endpoint, GithubDescription, Route, Schema } from './openapi.js';

export type TokenKind = 'installation' | 'user';

export interface GithubServerOptions {
  /** The repository the server hosts (GITHUB_REPOSITORY); default octo-org/octo-repo. */
  owner?: string;
  repo?: string;
  defaultBranch?: string;
  /** The token the server accepts (default a ghs_… installation token look-alike). */
  token?: string;
  /**
   * installation (default): a GITHUB_TOKEN-like app installation token; GET /user answers 403 "Resource not
   * accessible by integration" and its comments are authored by `login` (default github-actions[bot]).
   * user: a personal token; GET /user answers the user `login` (default octocat).
   */
  tokenKind?: TokenKind;
  login?: string;
  /** x-ratelimit-limit (default 1000 for installation tokens, 5000 for user tokens). */
  rateLimit?: number;
  /** x-ratelimit-remaining at start (default: the limit); every request uses one, at 0 requests get 403. */
  rateLimitRemaining?: number;
  /** false: creating or editing comments answers 403, as for a fork PR's read-only token. */
  commentWrites?: boolean;
  /** GITHUB_SERVER_URL, used in html_url fields (default https://github.com). */
  webUrl?: string;
  /** Print one line per request to stderr (also with env GITHUB_TEST_SERVER_LOG=1). */
  log?: boolean;
}

export interface GithubRequest {
  /** 1-based, in arrival order. */
  seq: number;
  method: string;
  /** Path as requested (no query). */
  path: string;
  query: Record<string, string>;
  /** `GET /repos/{owner}/{repo}/issues/{issue_number}/comments`, or `UNKNOWN <METHOD> <path>`. */
  route: string;
  operationId: string | undefined;
  /** Path parameters, typed. */
  params: Record<string, unknown>;
  /** The parsed JSON body (undefined when none). */
  body: unknown;
  status: number;
  /** Lower-case request headers (authorization redacted). */
  headers: Record<string, string>;
}

export interface GithubViolation {
  seq: number;
  route: string;
  where: 'route' | 'path' | 'query' | 'body' | 'header';
  /** Member or parameter, e.g. `issue_number`, `body`, `user-agent`. */
  path: string;
  message: string;
}

/** An injected failure: the next request matching `route` (all when omitted) gets `status`. */
export interface GithubFault {
  route?: string;
  status: number;
  message?: string;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const DOCS = 'https://docs.github.com/rest';
const START = Date.parse('2024-05-01T10:00:00Z');

export const ROUTES = {
  getAuthenticatedUser: 'GET /user',
  listComments: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
  createComment: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
  updateComment: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
  pullsForCommit: 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls',
} as const;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function error(status: number, message: string, documentation = DOCS): Reply {
  return { status, body: { message, documentation_url: documentation, status: String(status) } };
}

export class GithubServer {
  readonly description: GithubDescription;
  readonly token: string;
  tokenKind: TokenKind;
  /** The token's own user (who authors its comments). */
  tokenUser: UserRecord;
  commentWrites: boolean;
  readonly rateLimit: { limit: number; remaining: number; used: number; reset: number };
  readonly webUrl: string;
  readonly repository: RepoRecord;
  /** Every request, in order. */
  readonly requests: GithubRequest[] = [];
  /** Requests that broke GitHub's API description or its header rules (each also answered with a 4xx). */
  readonly violations: GithubViolation[] = [];
  /** Bugs of this server: responses that do not match the described schema, handler crashes. */
  readonly serverErrors: string[] = [];
  /** Injected failures, consumed in order. */
  faults: GithubFault[] = [];
  /** Called for every request once it has been answered. */
  onRequest: ((r: GithubRequest) => void) | undefined;

  readonly #users = new Map<string, UserRecord>();
  readonly #issues = new Map<
    number,
    { number: number; title: string; user: UserRecord; pull?: PullRecord }
  >();
  readonly #comments = new Map<number, CommentRecord>();
  readonly #http: Server;
  readonly #log: boolean;
  #seq = 0;
  #port = 0;
  #nextIssue = 1;
  #nextComment = 2_100_000_001;
  #nextId = 1_800_000_001;
  #time = START;

  constructor(opts: GithubServerOptions = {}) {
    this.description = loadGithubDescription();
    this.token = opts.token ?? 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';
    this.tokenKind = opts.tokenKind ?? 'installation';
    this.webUrl = (opts.webUrl ?? 'https://github.com').replace(/\/$/, '');
    this.commentWrites = opts.commentWrites ?? true;
    const limit = opts.rateLimit ?? (this.tokenKind === 'installation' ? 1000 : 5000);
    const remaining = opts.rateLimitRemaining ?? limit;
    this.rateLimit = {
      limit,
      remaining,
      used: limit - remaining,
      reset: Math.floor(Date.now() / 1000) + 3600,
    };
    this.tokenUser =
      this.tokenKind === 'installation'
        ? this.user(opts.login ?? GITHUB_ACTIONS_BOT.login, 'Bot')
        : this.user(opts.login ?? 'octocat', 'User');
    const owner = this.user(opts.owner ?? 'octo-org', 'Organization');
    this.repository = {
      owner,
      name: opts.repo ?? 'octo-repo',
      id: this.#id(),
      defaultBranch: opts.defaultBranch ?? 'main',
      fork: false,
      private: true,
    };
    this.#log = opts.log ?? process.env.GITHUB_TEST_SERVER_LOG === '1';
    this.#http = createServer((req, res) => {
      this.#serve(req, res).catch((err: unknown) => {
        this.serverErrors.push(`unhandled: ${(err as Error).stack ?? String(err)}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  }

  // ------------------------------------------------------------------------------------------ setup

  get port(): number {
    return this.#port;
  }

  /** `http://127.0.0.1:<port>`: GITHUB_API_URL. */
  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  get fullName(): string {
    return `${this.repository.owner.login}/${this.repository.name}`;
  }

  /** GITHUB_API_URL, GITHUB_SERVER_URL, GITHUB_REPOSITORY and the github-token input, as the runner sets them. */
  env(): Record<string, string> {
    return {
      GITHUB_API_URL: this.url,
      GITHUB_SERVER_URL: this.webUrl,
      GITHUB_GRAPHQL_URL: `${this.url}/graphql`,
      GITHUB_REPOSITORY: this.fullName,
      GITHUB_REPOSITORY_OWNER: this.repository.owner.login,
      'INPUT_GITHUB-TOKEN': this.token,
    };
  }

  /** The user `login` (created on first use). */
  user(login: string, type: UserType = 'User'): UserRecord {
    let u = this.#users.get(login);
    if (!u) {
      u =
        login === GITHUB_ACTIONS_BOT.login
          ? GITHUB_ACTIONS_BOT
          : { login, id: this.#id() % 100_000_000, type };
      this.#users.set(login, u);
    }
    return u;
  }

  addIssue(opts: { title?: string; author?: string } = {}): number {
    const number = this.#nextIssue++;
    this.#issues.set(number, {
      number,
      title: opts.title ?? `Issue ${number}`,
      user: this.user(opts.author ?? 'octocat'),
    });
    return number;
  }

  /** A pull request (it is an issue too). A merged one is associated with its merge commit. */
  addPullRequest(opts: {
    headSha: string;
    title?: string;
    author?: string;
    headRef?: string;
    /** `owner/repo` of the head: another repository makes it a fork PR. */
    headRepo?: string;
    baseRef?: string;
    baseSha?: string;
    merged?: { sha: string; at?: string };
    state?: 'open' | 'closed';
    commits?: string[];
  }): PullRecord {
    const number = this.#nextIssue++;
    const [headOwner = '', headName = ''] = (opts.headRepo ?? this.fullName).split('/');
    const headRepo: RepoRecord =
      opts.headRepo === undefined || opts.headRepo === this.fullName
        ? this.repository
        : {
            owner: this.user(headOwner),
            name: headName,
            id: this.#id(),
            defaultBranch: 'main',
            fork: true,
            private: false,
          };
    const createdAt = this.#tick();
    const pull: PullRecord = {
      number,
      id: this.#id(),
      title: opts.title ?? `Pull request ${number}`,
      user: this.user(opts.author ?? 'octocat'),
      headRepo,
      headRef: opts.headRef ?? `feature-${number}`,
      headSha: opts.headSha,
      baseRef: opts.baseRef ?? this.repository.defaultBranch,
      baseSha: opts.baseSha ?? '0'.repeat(40),
      state: opts.merged ? 'closed' : (opts.state ?? 'open'),
      mergedAt: opts.merged ? (opts.merged.at ?? this.#tick()) : null,
      mergeCommitSha: opts.merged?.sha ?? null,
      commits: [...new Set([...(opts.commits ?? []), opts.headSha])],
      createdAt,
    };
    this.#issues.set(number, { number, title: pull.title, user: pull.user, pull });
    return pull;
  }

  /** Marks an open pull request merged (into its base) as `sha`. */
  merge(number: number, sha: string): void {
    const pull = this.#issues.get(number)?.pull;
    if (!pull) throw new Error(`#${number} is not a pull request`);
    pull.state = 'closed';
    pull.mergedAt = this.#tick();
    pull.mergeCommitSha = sha;
  }

  addComment(issueNumber: number, author: string | UserRecord, body: string): CommentRecord {
    if (!this.#issues.has(issueNumber)) throw new Error(`no issue #${issueNumber}`);
    const user = typeof author === 'string' ? this.user(author) : author;
    const at = this.#tick();
    const c: CommentRecord = {
      id: this.#nextComment++,
      issueNumber,
      user,
      body,
      createdAt: at,
      updatedAt: at,
      history: [],
    };
    this.#comments.set(c.id, c);
    return c;
  }

  /** The comments on an issue or pull request, oldest first (live records: `history` has earlier bodies). */
  comments(issueNumber: number): CommentRecord[] {
    return [...this.#comments.values()]
      .filter((c) => c.issueNumber === issueNumber)
      .sort((a, b) => a.id - b.id);
  }

  // ------------------------------------------------------------------------------------------ inspection

  /** Requests for `route` (e.g. ROUTES.createComment; all when omitted), optionally with a status. */
  count(route?: string, filter: { status?: number } = {}): number {
    return this.requests.filter(
      (r) =>
        (route === undefined || r.route === route) &&
        (filter.status === undefined || r.status === filter.status),
    ).length;
  }

  /** `{ 'GET /user': 1, … }` */
  countByRoute(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.requests) out[r.route] = (out[r.route] ?? 0) + 1;
    return out;
  }

  /** Forgets recorded requests (state, violations and server errors stay). */
  resetRequests(): void {
    this.requests.length = 0;
  }

  formatViolations(): string {
    return this.violations.map((v) => `#${v.seq} ${v.route} ${v.where} ${v.path}: ${v.message}`).join('\n');
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#http.once('error', reject);
      this.#http.listen(0, '127.0.0.1', () => resolve());
    });
    this.#port = (this.#http.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.#http.close(() => resolve());
      this.#http.closeAllConnections();
    });
  }

  // ------------------------------------------------------------------------------------------ internals

  #id(): number {
    return this.#nextId++;
  }

  /** A fake clock: one second per write, so timestamps are distinct and ordered. */
  #tick(): string {
    this.#time += 1000;
    return new Date(this.#time).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  get #urls(): Urls {
    return { api: this.url, web: this.webUrl };
  }

  async #serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const seq = ++this.#seq;
    const raw = await readBody(req);
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', this.url);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
    const route = matchRoute(this.description, method, url.pathname);
    const record: GithubRequest = {
      seq,
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      route: route?.key ?? `UNKNOWN ${method} ${url.pathname}`,
      operationId: route?.endpoint.operationId,
      params: {},
      body: undefined,
      status: 0,
      headers: { ...headers, ...(headers.authorization ? { authorization: '<redacted>' } : {}) },
    };
    const violation = (where: GithubViolation['where'], p: string, message: string): void => {
      this.violations.push({ seq, route: record.route, where, path: p, message });
    };

    let reply: Reply;
    try {
      reply = this.#handle(req, url, headers, raw, route, record, violation);
    } catch (err) {
      this.serverErrors.push(`#${seq} ${record.route}: handler threw ${(err as Error).stack ?? String(err)}`);
      reply = error(500, 'Server Error');
    }
    if (route) this.#checkResponse(route.endpoint, reply, record);

    record.status = reply.status;
    this.requests.push(record);
    if (this.#log)
      process.stderr.write(
        `[github-server] #${seq} ${method} ${url.pathname}${url.search} → ${reply.status}\n`,
      );
    try {
      this.onRequest?.(record);
    } catch (err) {
      this.serverErrors.push(`onRequest hook threw: ${(err as Error).message}`);
    }
    const body = reply.body === undefined ? '' : JSON.stringify(reply.body);
    const authed = headers.authorization !== undefined;
    res.writeHead(reply.status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      'X-GitHub-Media-Type': 'github.v3; format=json',
      'X-GitHub-Api-Version-Selected': '2022-11-28',
      'X-GitHub-Request-Id': `C0DE:${seq.toString(16).toUpperCase().padStart(6, '0')}:0:0:0`,
      ...(authed
        ? {
            'X-RateLimit-Limit': String(this.rateLimit.limit),
            'X-RateLimit-Remaining': String(this.rateLimit.remaining),
            'X-RateLimit-Reset': String(this.rateLimit.reset),
            'X-RateLimit-Used': String(this.rateLimit.used),
            'X-RateLimit-Resource': 'core',
          }
        : {}),
      ...reply.headers,
    });
    res.end(method === 'HEAD' ? undefined : body);
  }

  #handle(
    req: IncomingMessage,
    url: URL,
    headers: Record<string, string>,
    raw: Buffer,
    route: Route | undefined,
    record: GithubRequest,
    violation: (where: GithubViolation['where'], p: string, message: string) => void,
  ): Reply {
    // Header rules GitHub enforces or documents for every request.
    if (!headers['user-agent'])
      violation('header', 'user-agent', 'GitHub refuses requests without a User-Agent header (403)');
    const accept = headers.accept ?? '';
    if (accept && !/application\/(vnd\.github[^,]*|json)|\*\/\*/.test(accept))
      violation('header', 'accept', `unexpected Accept ${accept}`);
    const version = headers['x-github-api-version'];
    if (version !== undefined && !['2022-11-28', '2026-03-10'].includes(version))
      violation('header', 'x-github-api-version', `unsupported API version ${version}`);

    if (!route) {
      violation(
        'route',
        url.pathname,
        `${req.method ?? ''} ${url.pathname} is not an endpoint the action should call`,
      );
      return error(404, 'Not Found');
    }

    const auth = headers.authorization;
    const m = auth ? /^(?:token|bearer)\s+(\S+)$/i.exec(auth) : null;
    if (!auth) return error(401, 'Requires authentication');
    if (!m) {
      violation('header', 'authorization', 'Authorization is not `token <t>` or `Bearer <t>`');
      return error(401, 'Bad credentials');
    }
    if (m[1] !== this.token) return error(401, 'Bad credentials');

    if (this.rateLimit.remaining <= 0) {
      return error(
        403,
        `API rate limit exceeded for ${this.tokenKind === 'installation' ? 'installation' : 'user'} ID ${this.tokenUser.id}. If you reach out to GitHub Support for help, please include the request ID.`,
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
      );
    }
    this.rateLimit.remaining--;
    this.rateLimit.used++;

    const endpoint = route.endpoint;
    // Path parameters.
    let badPath = false;
    for (const p of endpoint.parameters.filter((x) => x.in === 'path')) {
      const rawValue = route.params[p.name];
      if (rawValue === undefined) continue;
      const parsed = parseParameter(p, rawValue);
      if ('issue' in parsed) {
        violation('path', p.name, parsed.issue);
        badPath = true;
        continue;
      }
      for (const i of validateSchema(p.schema, parsed.value, this.description.schemas))
        violation('path', p.name, i.message);
      record.params[p.name] = parsed.value;
    }
    if (badPath) return error(404, 'Not Found');

    // Query parameters.
    const query: Record<string, unknown> = {};
    const queryParams = endpoint.parameters.filter((x) => x.in === 'query');
    let badQuery = false;
    for (const [k, v] of url.searchParams) {
      const p = queryParams.find((q) => q.name === k);
      if (!p) {
        violation('query', k, `${k} is not a query parameter of ${endpoint.operationId}`);
        badQuery = true;
        continue;
      }
      const parsed = parseParameter(p, v);
      if ('issue' in parsed) {
        violation('query', k, parsed.issue);
        badQuery = true;
        continue;
      }
      const issues = validateSchema(p.schema, parsed.value, this.description.schemas);
      for (const i of issues) violation('query', k, i.message);
      if (issues.length > 0) badQuery = true;
      query[k] = parsed.value;
    }
    for (const p of queryParams)
      if (p.required && !url.searchParams.has(p.name)) {
        violation('query', p.name, 'required query parameter missing');
        badQuery = true;
      }
    if (badQuery) return this.#validationFailed('Invalid query parameters');

    // JSON body.
    let body: Record<string, unknown> = {};
    if (endpoint.requestBody) {
      const type = headers['content-type'] ?? '';
      if (raw.length > 0 && !/^application\/json\b/.test(type))
        violation('header', 'content-type', `request body sent as ${type || '(none)'}, not application/json`);
      if (raw.length === 0) {
        if (endpoint.requestBody.required) {
          violation('body', '', 'request body required');
          return error(400, 'Problems parsing JSON');
        }
      } else {
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw.toString('utf8'));
        } catch {
          violation('body', '', 'body is not JSON');
          return error(400, 'Problems parsing JSON');
        }
        record.body = parsed;
        const issues = validateSchema(endpoint.requestBody.schema, parsed, this.description.schemas, {
          noUnknownMembers: true,
        });
        for (const i of issues) violation('body', i.path, i.message);
        if (issues.length > 0)
          return this.#validationFailed(
            `Invalid request.\n\n${issues.map((i) => `${i.path}: ${i.message}`).join('\n')}`,
          );
        body = parsed as Record<string, unknown>;
      }
    } else if (raw.length > 0) {
      violation('body', '', `${endpoint.operationId} takes no request body`);
    }

    const faultAt = this.faults.findIndex((f) => f.route === undefined || f.route === route.key);
    if (faultAt >= 0) {
      const [fault] = this.faults.splice(faultAt, 1);
      return error(fault!.status, fault!.message ?? 'Injected failure');
    }

    const owner = String(record.params.owner ?? '');
    const repo = String(record.params.repo ?? '');
    if (
      endpoint.path.startsWith('/repos/') &&
      (owner.toLowerCase() !== this.repository.owner.login.toLowerCase() ||
        repo.toLowerCase() !== this.repository.name.toLowerCase())
    )
      return error(404, 'Not Found');

    switch (route.key) {
      case ROUTES.getAuthenticatedUser:
        if (this.tokenKind === 'installation')
          return error(
            403,
            'Resource not accessible by integration',
            'https://docs.github.com/rest/users/users#get-the-authenticated-user',
          );
        return { status: 200, body: privateUser(this.tokenUser, this.#urls, '2011-01-25T18:44:36Z') };
      case ROUTES.listComments: {
        const issue = this.#issues.get(record.params.issue_number as number);
        if (!issue) return error(404, 'Not Found');
        const since = query.since as string | undefined;
        const all = this.comments(issue.number).filter(
          (c) => !since || Date.parse(c.updatedAt) >= Date.parse(since),
        );
        return this.#page(
          url,
          query,
          all.map((c) => issueComment(c, this.repository, this.#urls, issue.pull !== undefined)),
        );
      }
      case ROUTES.createComment: {
        const issue = this.#issues.get(record.params.issue_number as number);
        if (!issue) return error(404, 'Not Found');
        if (!this.commentWrites)
          return error(
            403,
            'Resource not accessible by integration',
            `${DOCS}/issues/comments#create-an-issue-comment`,
          );
        const c = this.addComment(issue.number, this.tokenUser, String(body.body));
        const json = issueComment(c, this.repository, this.#urls, issue.pull !== undefined);
        return { status: 201, body: json, headers: { Location: String(json.url) } };
      }
      case ROUTES.updateComment: {
        const c = this.#comments.get(record.params.comment_id as number);
        if (!c) return error(404, 'Not Found');
        if (!this.commentWrites)
          return error(
            403,
            'Resource not accessible by integration',
            `${DOCS}/issues/comments#update-an-issue-comment`,
          );
        // Only a comment's author edits it here (the action has no business editing anyone else's).
        if (c.user.login !== this.tokenUser.login)
          return error(
            403,
            'Resource not accessible by integration',
            `${DOCS}/issues/comments#update-an-issue-comment`,
          );
        c.history.push(c.body);
        c.body = String(body.body);
        c.updatedAt = this.#tick();
        const issue = this.#issues.get(c.issueNumber);
        return { status: 200, body: issueComment(c, this.repository, this.#urls, issue?.pull !== undefined) };
      }
      case ROUTES.pullsForCommit: {
        const sha = String(record.params.commit_sha);
        if (!/^[0-9a-f]{7,40}$/i.test(sha)) return this.#validationFailed(`No commit found for SHA: ${sha}`);
        const lower = sha.toLowerCase();
        const hit = (s: string | null): boolean => s !== null && s.toLowerCase().startsWith(lower);
        const pulls = [...this.#issues.values()]
          .map((i) => i.pull)
          .filter((p): p is PullRecord => p !== undefined)
          .filter((p) => hit(p.mergeCommitSha) || p.commits.some(hit));
        // GitHub: the merged PRs that brought the commit in; for a commit not on the default branch, open PRs.
        const merged = pulls.filter((p) => p.mergedAt !== null);
        const shown = merged.length > 0 ? merged : pulls.filter((p) => p.state === 'open');
        return this.#page(
          url,
          query,
          shown.map((p) => pullRequestSimple(p, this.repository, this.#urls, '2020-01-01T00:00:00Z')),
        );
      }
      default:
        return error(404, 'Not Found');
    }
  }

  #validationFailed(message: string): Reply {
    return {
      status: 422,
      body: { message, documentation_url: DOCS, errors: [], status: '422' },
    };
  }

  /** A page of `items` (per_page: default 30, at most 100; page from 1) with GitHub's Link header. */
  #page(url: URL, query: Record<string, unknown>, items: unknown[]): Reply {
    const perPage = Math.min(100, Math.max(1, (query.per_page as number | undefined) ?? 30));
    const page = Math.max(1, (query.page as number | undefined) ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const link = (n: number): string => {
      const u = new URL(url.pathname, this.url);
      for (const [k, v] of url.searchParams) if (k !== 'page') u.searchParams.set(k, v);
      u.searchParams.set('page', String(n));
      return `<${u.toString()}>`;
    };
    const rels: string[] = [];
    if (page > 1) rels.push(`${link(Math.min(page - 1, last))}; rel="prev"`);
    if (page < last) rels.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
    if (page > 1) rels.push(`${link(1)}; rel="first"`);
    return { status: 200, body: slice, ...(rels.length > 0 ? { headers: { Link: rels.join(', ') } } : {}) };
  }

  /** Checks an answer against the described response (or basic-error for undocumented error statuses). */
  #checkResponse(endpoint: Endpoint, reply: Reply, record: GithubRequest): void {
    const described = endpoint.responses[String(reply.status)];
    let schema: Schema | undefined = described?.schema;
    if (!described) {
      if (reply.status < 400) {
        this.serverErrors.push(`#${record.seq} ${record.route}: status ${reply.status} is not described`);
        return;
      }
      schema = { $ref: '#/schemas/basic-error' };
    }
    if (!schema) {
      if (reply.body !== undefined && reply.status !== 304)
        this.serverErrors.push(
          `#${record.seq} ${record.route}: status ${reply.status} is described without a body`,
        );
      return;
    }
    const issues = validateSchema(schema, reply.body, this.description.schemas);
    for (const i of issues.slice(0, 20))
      this.serverErrors.push(
        `#${record.seq} ${record.route} → ${reply.status}: response ${i.path || '<body>'}: ${i.message}`,
      );
  }
}

/** Starts a GitHub test server on 127.0.0.1 (random port). Close it with `await server.close()`. */
export async function startGithubServer(opts: GithubServerOptions = {}): Promise<GithubServer> {
  const server = new GithubServer(opts);
  await server.listen();
  return server;
}
