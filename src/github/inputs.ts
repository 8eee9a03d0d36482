// The only reader of action inputs: one typed ActionInputs, with the defaults in one place.
import path from 'node:path';
import * as core from './runner.js';
import { parseParameterText } from '../config/parameter-syntax.js';
import { splitGlobs } from '../config/find.js';
import type { SettingOverrides } from '../config/overrides.js';
import type { GithubContext } from './event.js';

export type Mode = 'plan' | 'deploy' | 'run';

export interface RepoSpec {
  readonly owner: string;
  readonly repo: string;
  readonly ref: string | undefined;
  /** Workspace-relative folder the clone lands in. */
  readonly path: string;
  /** The line as written, for messages. */
  readonly spec: string;
}

export interface ActionInputs {
  readonly mode: Mode;
  /** How the mode was chosen, for the log. */
  readonly modeReason: string;
  readonly config: readonly string[];
  /** Absolute workspace root: GITHUB_WORKSPACE joined with `working-directory`. */
  readonly workspace: string;
  /** `working-directory` relative to the repository root ('' for the root), for annotation paths. */
  readonly workingDirectory: string;
  readonly overrides: SettingOverrides;
  readonly roleToAssume: string | undefined;
  readonly audience: string;
  readonly roleDurationSeconds: number;
  readonly wait: boolean;
  readonly waitTimeoutMinutes: number;
  readonly pollIntervalSeconds: number;
  readonly stopOnCancel: boolean;
  readonly comment: boolean;
  readonly githubToken: string;
  readonly modelRepositories: readonly RepoSpec[];
  readonly requireApprovedPlan: boolean;
  /** Config warnings fail the job like errors. */
  readonly strict: boolean;
  readonly description: string | undefined;
  readonly maxParallelSteps: number | undefined;
  /** The `parameters` input as Name/Value pairs (checked against the plan's parameters once it is compiled). */
  readonly parameters: readonly (readonly [string, string])[];
}

export class InputError extends Error {
  override name = 'InputError';
}

const MODES: readonly Mode[] = ['plan', 'deploy', 'run'];

function bool(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).trim();
  if (raw === '') return fallback;
  if (/^(true|yes|on)$/i.test(raw)) return true;
  if (/^(false|no|off)$/i.test(raw)) return false;
  throw new InputError(`input \`${name}\` must be true or false (got \`${raw}\`)`);
}

function num(name: string, fallback: number, min: number, max: number): number {
  const raw = core.getInput(name).trim();
  if (raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new InputError(`input \`${name}\` must be a number from ${min} to ${max} (got \`${raw}\`)`);
  return n;
}

/** `owner/repo[@ref][:path]` lines. */
export function parseRepositories(raw: string): RepoSpec[] {
  return raw
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((spec) => {
      const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)(?:@([^:\s]+))?(?::(.+))?$/.exec(spec);
      if (!m)
        throw new InputError(`input \`model-repositories\`: \`${spec}\` is not \`owner/repo[@ref][:path]\``);
      const [, owner = '', repo = '', ref, dest] = m;
      const where = (dest ?? `.smp/repos/${owner}/${repo}`).replace(/\\/g, '/').replace(/^\.\/|\/+$/g, '');
      const segments = where.split('/');
      // The folder is emptied before cloning: never the workspace itself, its .git, or a path leaving it.
      if (
        where === '' ||
        where === '.' ||
        path.posix.isAbsolute(where) ||
        segments.includes('..') ||
        segments[0] === '.git'
      ) {
        throw new InputError(
          `input \`model-repositories\`: the path of \`${spec}\` must be a new folder inside the workspace (not \`.\` or .git)`,
        );
      }
      return { owner, repo, ref, path: where, spec };
    });
}

export function defaultMode(ctx: GithubContext): { mode: Mode; reason: string } {
  if (ctx.eventName.startsWith('pull_request')) return { mode: 'plan', reason: `${ctx.eventName} event` };
  if (ctx.isDefaultBranchPush)
    return { mode: 'run', reason: `push to the default branch ${ctx.defaultBranch ?? ''}` };
  return {
    mode: 'plan',
    reason: `${ctx.eventName || 'unknown'} event (only pushes to the default branch deploy by default)`,
  };
}

export function readInputs(ctx: GithubContext, env: NodeJS.ProcessEnv = process.env): ActionInputs {
  const repoRoot = env.GITHUB_WORKSPACE ?? process.cwd();
  const workingDirectory = core.getInput('working-directory').trim().replace(/\\/g, '/').replace(/\/+$/, '');
  const workspace = path.resolve(repoRoot, workingDirectory || '.');
  const root = path.resolve(repoRoot);
  if (workspace !== root && !workspace.startsWith(root + path.sep)) {
    throw new InputError(
      `input working-directory \`${workingDirectory}\` is outside the repository checkout ${repoRoot}`,
    );
  }
  const globs = splitGlobs(core.getInput('config'));
  const config = globs.length > 0 ? globs : splitGlobs(env.SMP_MODEL_CONFIGPATH);
  if (config.length === 0) {
    throw new InputError(
      'input `config` is empty and SMP_MODEL_CONFIGPATH is not set: give the model config globs, e.g. `config: "*/conf/conf.yaml"`',
    );
  }
  const rawMode = core.getInput('mode').trim().toLowerCase();
  const auto = defaultMode(ctx);
  if (rawMode !== '' && !MODES.includes(rawMode as Mode))
    throw new InputError(`input \`mode\` must be plan, deploy or run (got \`${rawMode}\`)`);
  const roleToAssume = core.getInput('role-to-assume').trim() || undefined;
  if (roleToAssume && !/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/.test(roleToAssume)) {
    throw new InputError(
      `input \`role-to-assume\` must be an IAM role ARN (arn:aws:iam::<account>:role/<name>), got \`${roleToAssume}\``,
    );
  }
  const parallel = core.getInput('max-parallel-steps').trim();
  const params = parseParameterText(core.getInput('parameters'));
  if (params.errors.length > 0)
    throw new InputError(
      `input \`parameters\`: ${params.errors.join('; ')} (one Name=Value per line, or a JSON object)`,
    );
  return {
    mode: (rawMode || auto.mode) as Mode,
    modeReason: rawMode ? 'set by the `mode` input' : auto.reason,
    config,
    workspace,
    workingDirectory: path.relative(root, workspace).split(path.sep).join('/'),
    overrides: {
      s3Bucket: core.getInput('s3-bucket'),
      executionRoleArn: core.getInput('execution-role-arn'),
      awsRegion: core.getInput('aws-region'),
      subnets: core.getInput('subnets'),
      securityGroups: core.getInput('security-groups'),
      kmsKeyId: core.getInput('kms-key-id'),
    },
    roleToAssume,
    audience: core.getInput('audience').trim() || 'sts.amazonaws.com',
    roleDurationSeconds: num('role-duration-seconds', 3600, 900, 43_200),
    wait: bool('wait', false),
    waitTimeoutMinutes: num('wait-timeout-minutes', 120, 1, 7 * 24 * 60),
    pollIntervalSeconds: num('poll-interval-seconds', 30, 5, 3600),
    stopOnCancel: bool('stop-on-cancel', true),
    comment: bool('comment', true),
    githubToken: core.getInput('github-token').trim(),
    modelRepositories: parseRepositories(core.getInput('model-repositories')),
    requireApprovedPlan: bool('require-approved-plan', false),
    strict: bool('strict', false),
    description: core.getInput('description').trim() || undefined,
    maxParallelSteps: parallel === '' ? undefined : num('max-parallel-steps', 1, 1, 1000),
    parameters: params.values,
  };
}
