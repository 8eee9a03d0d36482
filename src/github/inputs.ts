// The only reader of action inputs: one typed ActionInputs, with the defaults in one place.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import * as core from './runner.js';
import { parseParameterText } from '../config/parameter-syntax.js';
import { splitGlobs } from '../config/find.js';
import { isWithin, symlinkOnPath } from '../config/paths.js';
import { hasInvisible, shown } from '../config/visible.js';
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

/** A GitHub user or organisation name: letters, digits and single inner hyphens, at most 39. */
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
/** A GitHub repository name: letters, digits, `.`, `-`, `_`, at most 100, never `.` or `..`. */
const REPO = /^(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/;

/**
 * Whether `ref` is a valid git ref name (git check-ref-format rules) that git cannot read as an option: no
 * leading `-`, no `..`, `@{`, `//`, control characters, spaces or `~^:?*[\`, no component starting with `.` or
 * ending with `.lock`, not ending with `/` or `.`, and not `@`.
 */
export function isValidRef(ref: string): boolean {
  return (
    ref !== '@' &&
    ref.length <= 255 &&
    !ref.startsWith('-') &&
    // eslint-disable-next-line no-control-regex
    !/[\x00-\x20\x7f~^:?*[\\]|\.\.|@\{|\/\/|\/$|\.$/.test(ref) &&
    ref.split('/').every((c) => c !== '' && !c.startsWith('.') && !c.endsWith('.lock'))
  );
}

/** `owner/repo[@ref][:path]` lines. */
export function parseRepositories(raw: string): RepoSpec[] {
  return raw
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((spec) => {
      const bad = (why: string): InputError =>
        new InputError(`input \`model-repositories\`: \`${shown(spec)}\` ${why}`);
      const m = /^([^/@:\s]+)\/([^/@:\s]+)(?:@([^:\s]+))?(?::(.+))?$/.exec(spec);
      if (!m) throw bad('is not `owner/repo[@ref][:path]`');
      const [, owner = '', repo = '', ref, dest] = m;
      if (!OWNER.test(owner))
        throw bad(
          `names the owner \`${shown(owner)}\`, which is not a GitHub user or organisation name (letters, digits and inner hyphens)`,
        );
      if (!REPO.test(repo))
        throw bad(
          `names the repository \`${shown(repo)}\`, which is not a GitHub repository name (letters, digits, ., - and _; not . or ..)`,
        );
      if (ref !== undefined && !isValidRef(ref))
        throw bad(
          `names the ref \`${shown(ref)}\`, which is not a valid git ref name (a branch, tag or commit sha; never starting with -)`,
        );
      const where = (dest ?? `.smp/repos/${owner}/${repo}`).replace(/\\/g, '/').replace(/^\.\/|\/+$/g, '');
      const segments = where.split('/');
      // The folder is emptied before cloning: never the workspace itself, a .git folder, or a path leaving it.
      if (
        where === '' ||
        where === '.' ||
        path.posix.isAbsolute(where) ||
        /^[A-Za-z]:/.test(where) ||
        hasInvisible(where) ||
        segments.includes('..') ||
        segments.some((seg) => seg.toLowerCase() === '.git')
      ) {
        throw bad('needs a path that is a new folder inside the workspace (not `.` or .git, and no `..`)');
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
  if (!isWithin(root, workspace)) {
    throw new InputError(
      `input working-directory \`${shown(workingDirectory)}\` is outside the repository checkout ${repoRoot}`,
    );
  }
  // Symlinks resolved: a committed link must not move the workspace out of the checkout.
  if (existsSync(root) && existsSync(workspace) && !isWithin(realpathSync(root), realpathSync(workspace))) {
    const link = symlinkOnPath(root, path.relative(root, workspace)) ?? workingDirectory;
    throw new InputError(
      `input working-directory \`${shown(workingDirectory)}\`: ${shown(link)} is a symlink to ${realpathSync(path.join(root, link))}, outside the repository checkout ${repoRoot}`,
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
