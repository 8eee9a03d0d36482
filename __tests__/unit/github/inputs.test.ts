// Action inputs and event context, read the way the runner provides them (INPUT_* env, event payload file).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readGithubContext } from '../../../src/github/event.js';
import { defaultMode, InputError, parseRepositories, readInputs } from '../../../src/github/inputs.js';

const saved = { ...process.env };
beforeEach(() => {
  for (const k of Object.keys(process.env))
    if (/^(INPUT_|GITHUB_|SMP_)/.test(k)) Reflect.deleteProperty(process.env, k);
});
afterEach(() => {
  process.env = { ...saved };
});

function event(
  name: string,
  payload: object,
  extra: Record<string, string> = {},
): ReturnType<typeof readGithubContext> {
  const dir = mkdtempSync(path.join(tmpdir(), 'smp-event-'));
  const file = path.join(dir, 'event.json');
  writeFileSync(file, JSON.stringify(payload));
  return readGithubContext({
    GITHUB_EVENT_NAME: name,
    GITHUB_EVENT_PATH: file,
    GITHUB_REPOSITORY: 'acme/models',
    GITHUB_SHA: 'abc1234def',
    ...extra,
  });
}

const input = (name: string, value: string): void => {
  process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
};

describe('event context', () => {
  it.each([
    ['null', 'null', /is not a JSON object/],
    ['a list', '[]', /is not a JSON object/],
    ['malformed JSON', '{"pull_request": ', /is not valid JSON/],
    ['a string PR number', '{"pull_request": {"number": "7"}}', /pull_request without a valid number/],
    ['a null pull_request', '{"pull_request": null}', /pull_request without a valid number/],
  ])('a payload that is %s is one line and no pull request', (_, text, problem) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'smp-event-'));
    writeFileSync(path.join(dir, 'event.json'), text);
    const c = readGithubContext({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path.join(dir, 'event.json'),
      GITHUB_REPOSITORY: 'acme/models',
    });
    expect(c.pullRequest).toBeUndefined();
    expect(c.payloadProblem).toMatch(problem);
    expect(c.payloadProblem).toMatch(/no PR comment/);
    expect(c.payloadProblem).not.toContain('\n');
    expect(defaultMode(c).mode).toBe('plan');
  });

  it('a missing payload file and a pull_request event without pull_request are said so', () => {
    expect(
      readGithubContext({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: '/nonexistent/event.json' })
        .payloadProblem,
    ).toMatch(/cannot be read/);
    expect(event('pull_request', { repository: { default_branch: 7 } }).payloadProblem).toMatch(
      /has no pull_request/,
    );
  });

  it('reads a same-repo pull request', () => {
    const ctx = event('pull_request', {
      pull_request: {
        number: 7,
        html_url: 'https://github.com/acme/models/pull/7',
        head: { sha: 'h1', repo: { full_name: 'acme/models' } },
        base: { repo: { full_name: 'acme/models' } },
      },
    });
    expect(ctx.pullRequest).toMatchObject({ number: 7, headSha: 'h1', isFork: false });
    expect(defaultMode(ctx).mode).toBe('plan');
  });

  it('flags a fork pull request (and a deleted fork)', () => {
    const fork = event('pull_request_target', {
      pull_request: {
        number: 8,
        head: { sha: 'h', repo: { full_name: 'eve/models' } },
        base: { repo: { full_name: 'acme/models' } },
      },
    });
    expect(fork.pullRequest?.isFork).toBe(true);
    const gone = event('pull_request', {
      pull_request: {
        number: 9,
        head: { sha: 'h', repo: null },
        base: { repo: { full_name: 'acme/models' } },
      },
    });
    expect(gone.pullRequest?.isFork).toBe(true);
  });

  it('runs on a push to the default branch only', () => {
    const main = event('push', { repository: { default_branch: 'main' } }, { GITHUB_REF: 'refs/heads/main' });
    expect(main.isDefaultBranchPush).toBe(true);
    expect(defaultMode(main).mode).toBe('run');
    const other = event(
      'push',
      { repository: { default_branch: 'main' } },
      { GITHUB_REF: 'refs/heads/feature' },
    );
    expect(defaultMode(other).mode).toBe('plan');
  });
});

describe('readInputs', () => {
  const ctx = (): ReturnType<typeof readGithubContext> =>
    event('pull_request', {
      pull_request: {
        number: 1,
        head: { sha: 'h', repo: { full_name: 'acme/models' } },
        base: { repo: { full_name: 'acme/models' } },
      },
    });

  it('applies defaults in one place', () => {
    process.env.GITHUB_WORKSPACE = mkdtempSync(path.join(tmpdir(), 'smp-ws-'));
    input('config', '*/conf/conf.yaml\nshared/conf.yaml');
    const i = readInputs(ctx());
    expect(i).toMatchObject({
      mode: 'plan',
      config: ['*/conf/conf.yaml', 'shared/conf.yaml'],
      audience: 'sts.amazonaws.com',
      roleDurationSeconds: 3600,
      wait: false,
      waitTimeoutMinutes: 120,
      pollIntervalSeconds: 30,
      stopOnCancel: true,
      comment: true,
      requireApprovedPlan: false,
      modelRepositories: [],
    });
  });

  it('falls back to SMP_MODEL_CONFIGPATH and refuses nothing at all', () => {
    process.env.GITHUB_WORKSPACE = mkdtempSync(path.join(tmpdir(), 'smp-ws-'));
    process.env.SMP_MODEL_CONFIGPATH = 'a/conf.yaml';
    expect(readInputs(ctx()).config).toEqual(['a/conf.yaml']);
    delete process.env.SMP_MODEL_CONFIGPATH;
    expect(() => readInputs(ctx())).toThrow(/input `config` is empty/);
  });

  it.each([
    ['mode', 'apply', /input `mode` must be plan, deploy or run/],
    ['wait', 'maybe', /input `wait` must be true or false/],
    ['role-duration-seconds', '60', /from 900 to 43200/],
    ['poll-interval-seconds', 'soon', /must be a number/],
    ['role-to-assume', 'my-role', /must be an IAM role ARN/],
    ['working-directory', '../elsewhere', /outside the repository checkout/],
    ['model-repositories', 'not a repo spec', /owner\/repo\[@ref\]\[:path\]/],
    ['parameters', 'Epochs', /input `parameters`: `Epochs` is not Name=Value/],
    ['parameters', '{"Epochs": ', /input `parameters`: not valid JSON/],
  ])('input %s = %s is refused with a clear message', (name, value, message) => {
    process.env.GITHUB_WORKSPACE = mkdtempSync(path.join(tmpdir(), 'smp-ws-'));
    input('config', 'x.yaml');
    input(name, value);
    expect(() => readInputs(ctx())).toThrow(InputError);
    expect(() => readInputs(ctx())).toThrow(message);
  });

  it('reads Name=Value lines or a JSON object; empty is none', () => {
    process.env.GITHUB_WORKSPACE = mkdtempSync(path.join(tmpdir(), 'smp-ws-'));
    input('config', 'x.yaml');
    expect(readInputs(ctx()).parameters).toEqual([]);
    input('parameters', 'InputDate=2026-02-01\nTrainInstance=ml.m5.2xlarge\n');
    expect(readInputs(ctx()).parameters).toEqual([
      ['InputDate', '2026-02-01'],
      ['TrainInstance', 'ml.m5.2xlarge'],
    ]);
    input('parameters', '{"Epochs": 3, "Verbose": false}');
    expect(readInputs(ctx()).parameters).toEqual([
      ['Epochs', '3'],
      ['Verbose', 'false'],
    ]);
  });
});

describe('model-repositories', () => {
  it('parses owner/repo[@ref][:path] with a default folder', () => {
    expect(parseRepositories('acme/shared@v2\n# comment\nacme/other:vendor/other\n')).toEqual([
      { owner: 'acme', repo: 'shared', ref: 'v2', path: '.smp/repos/acme/shared', spec: 'acme/shared@v2' },
      { owner: 'acme', repo: 'other', ref: undefined, path: 'vendor/other', spec: 'acme/other:vendor/other' },
    ]);
  });

  it('keeps clones inside the workspace', () => {
    expect(() => parseRepositories('acme/x:../../etc')).toThrow(/inside the workspace/);
    expect(() => parseRepositories('acme/x:/abs')).toThrow(/inside the workspace/);
    // The clone folder is emptied first: never the checkout itself or its .git.
    expect(() => parseRepositories('acme/x:.')).toThrow(/not `.` or .git/);
    expect(() => parseRepositories('acme/x:.git/hooks')).toThrow(/not `.` or .git/);
    expect(() => parseRepositories('acme/x:vendor/.GIT/x')).toThrow(/not `.` or .git/);
    expect(() => parseRepositories('acme/x:C:/x')).toThrow(/inside the workspace/);
    expect(() => parseRepositories('acme/x:a\u202eb')).toThrow(/inside the workspace/);
  });

  it.each([
    ['-upload-pack=x/repo', /not a GitHub user or organisation name/],
    ['../repo', /not a GitHub user or organisation name/],
    ['acme/..', /not a GitHub repository name/],
    ['acme/.', /not a GitHub repository name/],
    ['acme/repo@--upload-pack=touch', /not a valid git ref name/],
    ['acme/repo@-x', /not a valid git ref name/],
    ['acme/repo@a..b', /not a valid git ref name/],
    ['acme/repo@refs/heads/x.lock', /not a valid git ref name/],
    ['acme/repo@a~1', /not a valid git ref name/],
    ['acme/repo@.hidden', /not a valid git ref name/],
    ['acme/repo@x/', /not a valid git ref name/],
    ['acme/repo@@', /not a valid git ref name/],
  ])('`%s` is refused: git arguments never become options', (spec, message) => {
    expect(() => parseRepositories(spec)).toThrow(InputError);
    expect(() => parseRepositories(spec)).toThrow(message);
  });

  it('accepts real owner, repo and ref names', () => {
    const [s] = parseRepositories('my-org/repo.name_2@release/v1.2\n');
    expect(s).toMatchObject({ owner: 'my-org', repo: 'repo.name_2', ref: 'release/v1.2' });
    expect(parseRepositories('a/b@0123456789abcdef0123456789abcdef01234567')[0]?.ref).toHaveLength(40);
  });
});
