// Runs the built action (dist/index.js) the way the GitHub Actions runner does: every input declared in
// action.yml as INPUT_<NAME> (upper-cased, hyphens kept, defaults filled in), the event payload in a file at
// GITHUB_EVENT_PATH, the GITHUB_* variables, file commands (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_ENV …)
// in RUNNER_TEMP, and the workspace as the working directory. Asynchronous on purpose: the test servers run in
// the test process, so a spawnSync would deadlock them.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { repository, simpleUser } from './objects.js';
import type { RepoRecord, UserRecord, Urls } from './objects.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const ACTION_ENTRY = path.join(ROOT, 'dist', 'index.js');

interface ActionYaml {
  inputs: Record<string, { default?: string }>;
}

/** action.yml's inputs with their defaults (`${{ github.token }}` becomes `token`). */
export function inputDefaults(token: string): Record<string, string> {
  const action = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYaml;
  return Object.fromEntries(
    Object.entries(action.inputs).map(([name, spec]) => [
      name,
      (spec.default ?? '').replace(/\$\{\{\s*github\.token\s*\}\}/, token),
    ]),
  );
}

/** @actions/core's getInput reads `INPUT_${name.replace(/ /g, '_').toUpperCase()}`: hyphens stay. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

export interface ActionRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** GITHUB_OUTPUT, parsed. */
  readonly outputs: Map<string, string>;
  /** GITHUB_STEP_SUMMARY's content. */
  readonly summary: string;
  /** Workflow commands (::error …::, ::warning, ::notice, ::group …) from stdout. */
  readonly commands: WorkflowCommand[];
  /** RUNNER_TEMP of this run. */
  readonly runnerTemp: string;
  readonly ms: number;
}

export interface WorkflowCommand {
  readonly command: string;
  readonly properties: Record<string, string>;
  readonly message: string;
}

export interface RunOptions {
  readonly workspace: string;
  /** Inputs by their action.yml names (kebab-case); the rest keep action.yml's defaults. */
  readonly inputs?: Record<string, string>;
  readonly event: GithubEvent;
  /** The token behind the github-token default (`${{ github.token }}`). */
  readonly token?: string;
  /** Extra environment (AWS server env, GitHub server env, SMP_*); undefined values are removed. */
  readonly env?: Record<string, string | undefined>;
  readonly runId?: string;
  readonly runAttempt?: string;
  readonly timeoutMs?: number;
  readonly entry?: string;
}

export interface GithubEvent {
  readonly name: 'pull_request' | 'push' | 'workflow_dispatch';
  readonly payload: Record<string, unknown>;
  readonly sha: string;
  readonly ref: string;
  /** For pull_request: GITHUB_HEAD_REF / GITHUB_BASE_REF. */
  readonly headRef?: string;
  readonly baseRef?: string;
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks (and `name=value` lines). */
export function parseOutputFile(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      out.set(name!, value.join('\n'));
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) out.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return out;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

/** `::name k=v,k=v::message` lines of stdout. */
export function parseCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::([\w-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = kv.indexOf('=');
      if (eq > 0) properties[kv.slice(0, eq)] = unescapeProperty(kv.slice(eq + 1));
    }
    out.push({ command: m[1]!, properties, message: unescapeData(m[3] ?? '') });
  }
  return out;
}

/** A copy of examples/ (or of `files`) in a fresh temporary folder: the checkout, GITHUB_WORKSPACE. */
export function exampleWorkspace(...examples: string[]): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'smp-gh-ws-'));
  for (const e of examples.length > 0 ? examples : ['']) {
    cpSync(path.join(ROOT, 'examples', e), path.join(ws, 'examples', e), { recursive: true });
  }
  return ws;
}

export async function runAction(opts: RunOptions): Promise<ActionRun> {
  const temp = mkdtempSync(path.join(tmpdir(), 'smp-runner-'));
  const home = path.join(temp, 'home');
  mkdirSync(home);
  const files = {
    GITHUB_OUTPUT: path.join(temp, 'output'),
    GITHUB_STEP_SUMMARY: path.join(temp, 'step_summary'),
    GITHUB_ENV: path.join(temp, 'env'),
    GITHUB_PATH: path.join(temp, 'path'),
    GITHUB_STATE: path.join(temp, 'state'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const eventPath = path.join(temp, 'event.json');
  writeFileSync(eventPath, JSON.stringify(opts.event.payload, null, 2));
  const token = opts.token ?? 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';
  const repoName = String(
    ((opts.event.payload.repository as Record<string, unknown> | undefined)?.full_name as
      string | undefined) ?? 'octo-org/octo-repo',
  );
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 2',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: temp,
    RUNNER_TOOL_CACHE: path.join(temp, 'toolcache'),
    GITHUB_WORKSPACE: opts.workspace,
    GITHUB_EVENT_NAME: opts.event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: opts.event.sha,
    GITHUB_REF: opts.event.ref,
    GITHUB_REF_NAME: opts.event.ref.replace(/^refs\/(heads|tags)\//, '').replace(/^refs\//, ''),
    GITHUB_REF_TYPE: opts.event.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_HEAD_REF: opts.event.headRef ?? '',
    GITHUB_BASE_REF: opts.event.baseRef ?? '',
    GITHUB_REPOSITORY: repoName,
    GITHUB_REPOSITORY_OWNER: repoName.split('/')[0]!,
    GITHUB_RUN_ID: opts.runId ?? '9876543210',
    GITHUB_RUN_NUMBER: '17',
    GITHUB_RUN_ATTEMPT: opts.runAttempt ?? '1',
    GITHUB_WORKFLOW: 'smp',
    GITHUB_JOB: 'pipeline',
    GITHUB_ACTION: 'smp',
    GITHUB_ACTION_PATH: ROOT,
    GITHUB_ACTOR: 'octocat',
    GITHUB_TRIGGERING_ACTOR: 'octocat',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    ...files,
    // No AWS credentials unless a test gives some: nothing on this machine may leak in.
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SHARED_CREDENTIALS_FILE: path.join(temp, 'no-aws-credentials'),
    AWS_CONFIG_FILE: path.join(temp, 'no-aws-config'),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const inputs = { ...inputDefaults(token), ...opts.inputs };
  for (const [k, v] of Object.entries(inputs)) env[inputVariable(k)] = v;
  const removed = new Set(
    Object.entries(opts.env ?? {})
      .filter(([, v]) => v === undefined)
      .map(([k]) => k),
  );
  for (const [k, v] of Object.entries(opts.env ?? {})) if (v !== undefined) env[k] = v;
  const childEnv = Object.fromEntries(Object.entries(env).filter(([k]) => !removed.has(k)));

  const started = performance.now();
  const child = spawn(process.execPath, [opts.entry ?? ACTION_ENTRY], {
    cwd: opts.workspace,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => out.push(c));
  child.stderr.on('data', (c: Buffer) => err.push(c));
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (c, s) => resolve([c, s]));
  }).finally(() => clearTimeout(timer));
  const stdout = Buffer.concat(out).toString('utf8');
  return {
    code,
    signal,
    stdout,
    stderr: Buffer.concat(err).toString('utf8'),
    outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    commands: parseCommands(stdout),
    runnerTemp: temp,
    ms: performance.now() - started,
  };
}

// ---------------------------------------------------------------------------------------------- events

export interface EventRepo {
  /** owner/name */
  readonly fullName: string;
  readonly defaultBranch?: string;
  readonly fork?: boolean;
}

const WEB: Urls = { api: 'https://api.github.com', web: 'https://github.com' };

function repoRecord(r: EventRepo, id: number): RepoRecord {
  const [owner = '', name = ''] = r.fullName.split('/');
  const user: UserRecord = { login: owner, id: id + 1, type: 'Organization' };
  return {
    owner: user,
    name,
    id,
    defaultBranch: r.defaultBranch ?? 'main',
    fork: r.fork ?? false,
    private: true,
  };
}

/** A webhook-shaped repository object. */
function repoPayload(r: EventRepo, id: number): Record<string, unknown> {
  return { ...repository(repoRecord(r, id), WEB, '2023-02-01T09:00:00Z'), forks_count: 1 };
}

/** A `pull_request` event (action synchronize) as GitHub sends it to a workflow. */
export function pullRequestEvent(opts: {
  number: number;
  headSha: string;
  base: EventRepo;
  /** Defaults to the base repository; another one makes a fork PR. */
  head?: EventRepo;
  headRef?: string;
  baseRef?: string;
  baseSha?: string;
  author?: string;
  action?: string;
}): GithubEvent {
  const base = opts.base;
  const head = opts.head ?? base;
  const headRef = opts.headRef ?? `feature/pr-${opts.number}`;
  const baseRef = opts.baseRef ?? base.defaultBranch ?? 'main';
  const author: UserRecord = { login: opts.author ?? 'octocat', id: 583231, type: 'User' };
  const html = `https://github.com/${base.fullName}/pull/${opts.number}`;
  const api = `https://api.github.com/repos/${base.fullName}`;
  const baseRepo = repoPayload(base, 200000002);
  const headRepo =
    head.fullName === base.fullName ? baseRepo : repoPayload({ ...head, fork: true }, 300000003);
  return {
    name: 'pull_request',
    sha: `${'f'.repeat(39)}1`, // the merge commit refs/pull/N/merge, which differs from the head
    ref: `refs/pull/${opts.number}/merge`,
    headRef,
    baseRef,
    payload: {
      action: opts.action ?? 'synchronize',
      number: opts.number,
      before: '0'.repeat(40),
      after: opts.headSha,
      pull_request: {
        url: `${api}/pulls/${opts.number}`,
        id: 1_900_000_000 + opts.number,
        node_id: 'PR_kwDOAbCdEf5xYz',
        html_url: html,
        diff_url: `${html}.diff`,
        patch_url: `${html}.patch`,
        issue_url: `${api}/issues/${opts.number}`,
        number: opts.number,
        state: 'open',
        locked: false,
        title: 'Tune the training step',
        user: simpleUser(author, WEB),
        body: null,
        created_at: '2024-05-01T09:00:00Z',
        updated_at: '2024-05-01T09:30:00Z',
        closed_at: null,
        merged_at: null,
        merge_commit_sha: null,
        draft: false,
        merged: false,
        mergeable: null,
        comments: 0,
        commits: 1,
        additions: 3,
        deletions: 1,
        changed_files: 1,
        author_association: 'MEMBER',
        head: {
          label: `${head.fullName.split('/')[0]}:${headRef}`,
          ref: headRef,
          sha: opts.headSha,
          user: (headRepo as { owner: unknown }).owner,
          repo: headRepo,
        },
        base: {
          label: `${base.fullName.split('/')[0]}:${baseRef}`,
          ref: baseRef,
          sha: opts.baseSha ?? 'b'.repeat(40),
          user: (baseRepo as { owner: unknown }).owner,
          repo: baseRepo,
        },
      },
      repository: baseRepo,
      sender: simpleUser(author, WEB),
    },
  };
}

/** A `push` event to `ref` (default: the default branch). */
export function pushEvent(opts: {
  sha: string;
  repo: EventRepo;
  ref?: string;
  before?: string;
}): GithubEvent {
  const ref = opts.ref ?? `refs/heads/${opts.repo.defaultBranch ?? 'main'}`;
  const repo = repoPayload(opts.repo, 200000002);
  const pusher = { name: 'octocat', email: 'octocat@users.noreply.github.com' };
  const commit = {
    id: opts.sha,
    tree_id: 'e'.repeat(40),
    distinct: true,
    message: 'Merge pull request #7 from octo-org/feature/pr-7',
    timestamp: '2024-05-01T11:00:00Z',
    url: `https://github.com/${opts.repo.fullName}/commit/${opts.sha}`,
    author: { ...pusher, username: 'octocat' },
    committer: { name: 'GitHub', email: 'noreply@github.com', username: 'web-flow' },
    added: [],
    removed: [],
    modified: ['examples/tf/conf/conf.yaml'],
  };
  return {
    name: 'push',
    sha: opts.sha,
    ref,
    payload: {
      ref,
      before: opts.before ?? 'a'.repeat(40),
      after: opts.sha,
      created: false,
      deleted: false,
      forced: false,
      base_ref: null,
      compare: `https://github.com/${opts.repo.fullName}/compare/aaaaaaa...${opts.sha.slice(0, 7)}`,
      commits: [commit],
      head_commit: commit,
      // Push payloads carry the repository with both `owner.login` and `owner.name`, and epoch timestamps.
      repository: {
        ...repo,
        pushed_at: 1714561200,
        created_at: 1675242000,
        master_branch: repo.default_branch,
      },
      pusher,
      sender: simpleUser({ login: 'octocat', id: 583231, type: 'User' }, WEB),
    },
  };
}
