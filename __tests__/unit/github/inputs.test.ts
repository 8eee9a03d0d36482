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
  });
});
