// Command-line parsing for `smp`: the only place that knows flag names (the help text is in help.ts).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseAssignments } from '../config/parameter-syntax.js';
import { splitGlobs } from '../config/find.js';
import { didYouMean } from '../config/suggest.js';
import type { SettingOverrides } from '../config/overrides.js';
import { ACTION_REF, DEFAULT_ACTION, MODEL_NAME } from './scaffold.js';
import type { WaitSettings } from '../app/deploy-context.js';

export interface ProjectArgs {
  readonly globs: string[];
  readonly workspace: string;
  /** Config warnings are errors. */
  readonly strict: boolean;
}

/** `--wait`, `--wait-timeout-minutes`, `--poll-interval-seconds`, `--stop-on-cancel`. */
export type WaitArgs = WaitSettings;

export type OutputFormat = 'text' | 'markdown' | 'json';
const FORMATS: readonly OutputFormat[] = ['text', 'markdown', 'json'];

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'schema' }
  | { kind: 'init'; workspace: string; model: string; action: string }
  | ({ kind: 'validate' } & ProjectArgs)
  | ({
      kind: 'plan';
      out: string | undefined;
      against: string | undefined;
      format: OutputFormat;
    } & ProjectArgs)
  | { kind: 'diff'; from: string; to: string; format: OutputFormat }
  | ({ kind: 'iam-policy'; overrides: SettingOverrides } & ProjectArgs)
  | ({ kind: 'migrate'; write: boolean } & ProjectArgs)
  | ({ kind: 'deploy'; overrides: SettingOverrides; description: string | undefined } & ProjectArgs)
  | ({
      kind: 'run';
      overrides: SettingOverrides;
      description: string | undefined;
      waitArgs: WaitArgs;
      /** `--param Name=Value`, in the order given. */
      params: [string, string][];
    } & ProjectArgs);

export class UsageError extends Error {
  override name = 'UsageError';
}

const PROJECT = ['config', 'workspace', 'strict'] as const;
const AWS = [
  's3-bucket',
  'execution-role-arn',
  'aws-region',
  'kms-key-id',
  'subnets',
  'security-groups',
] as const;

/** Options each command accepts (besides --help/--version). */
const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  validate: PROJECT,
  plan: [...PROJECT, 'out', 'against', 'format'],
  diff: ['format'],
  deploy: [...PROJECT, ...AWS, 'description'],
  run: [
    ...PROJECT,
    ...AWS,
    'description',
    'wait',
    'wait-timeout-minutes',
    'poll-interval-seconds',
    'stop-on-cancel',
    'param',
  ],
  'iam-policy': [...PROJECT, ...AWS],
  migrate: [...PROJECT, 'write'],
  schema: [],
  init: ['workspace', 'action'],
};

const OPTIONS = {
  config: { type: 'string', short: 'c', multiple: true },
  workspace: { type: 'string', short: 'w' },
  strict: { type: 'boolean' },
  out: { type: 'string', short: 'o' },
  against: { type: 'string', short: 'a' },
  format: { type: 'string', short: 'f' },
  's3-bucket': { type: 'string' },
  'execution-role-arn': { type: 'string' },
  'aws-region': { type: 'string' },
  'kms-key-id': { type: 'string' },
  subnets: { type: 'string' },
  'security-groups': { type: 'string' },
  description: { type: 'string' },
  action: { type: 'string' },
  wait: { type: 'boolean' },
  'wait-timeout-minutes': { type: 'string' },
  'poll-interval-seconds': { type: 'string' },
  'stop-on-cancel': { type: 'boolean' },
  param: { type: 'string', short: 'p', multiple: true },
  write: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function positiveNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`--${name} must be a positive number (got \`${raw}\`)`);
  return n;
}

export function parseCli(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...rest] = positionals;
  if (command === undefined)
    throw new UsageError('missing command: try `smp validate --config "*/conf/conf.yaml"`');
  const allowed = COMMAND_OPTIONS[command];
  if (!allowed)
    throw new UsageError(
      `unknown command \`${command}\`${didYouMean(command, Object.keys(COMMAND_OPTIONS))}: commands are ${Object.keys(COMMAND_OPTIONS).join(', ')}`,
    );
  for (const [opt, v] of Object.entries(values)) {
    if (v !== undefined && opt !== 'help' && opt !== 'version' && !allowed.includes(opt))
      throw new UsageError(`\`smp ${command}\` does not take --${opt}`);
  }
  const format = (values.format ?? 'text') as OutputFormat;
  if (!FORMATS.includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got \`${values.format ?? ''}\`)`);
  if (command === 'diff') {
    const [from, to, ...more] = rest;
    if (from === undefined || to === undefined || more.length > 0)
      throw new UsageError('`smp diff` takes two definition files: smp diff deployed.json planned.json');
    return { kind: 'diff', from: path.resolve(cwd, from), to: path.resolve(cwd, to), format };
  }
  if (command === 'init') return initCommand(rest, values.workspace, values.action, cwd);
  if (rest.length > 0)
    throw new UsageError(`unexpected argument \`${rest[0] ?? ''}\`: pass config globs with --config`);
  if (command === 'schema') return { kind: 'schema' };
  const project: ProjectArgs = {
    globs: values.config?.length ? values.config : splitGlobs(env.SMP_MODEL_CONFIGPATH),
    workspace: path.resolve(cwd, values.workspace ?? '.'),
    strict: values.strict ?? false,
  };
  const overrides: SettingOverrides = {
    s3Bucket: values['s3-bucket'],
    executionRoleArn: values['execution-role-arn'],
    awsRegion: values['aws-region'],
    kmsKeyId: values['kms-key-id'],
    subnets: values.subnets,
    securityGroups: values['security-groups'],
  };
  switch (command) {
    case 'validate':
      return { kind: 'validate', ...project };
    case 'plan':
      return {
        kind: 'plan',
        out: values.out === undefined ? undefined : path.resolve(cwd, values.out),
        against: values.against === undefined ? undefined : path.resolve(cwd, values.against),
        format,
        ...project,
      };
    case 'iam-policy':
      return { kind: 'iam-policy', overrides, ...project };
    case 'migrate':
      return { kind: 'migrate', write: values.write ?? false, ...project };
    case 'deploy':
      return { kind: 'deploy', overrides, description: values.description, ...project };
    default: {
      const params = parseAssignments(values.param ?? []);
      if (params.errors.length > 0)
        throw new UsageError(`--param: ${params.errors.join('; ')} (write --param Name=Value)`);
      return {
        kind: 'run',
        params: params.values,
        overrides,
        description: values.description,
        waitArgs: {
          wait: values.wait ?? false,
          timeoutMinutes: positiveNumber('wait-timeout-minutes', values['wait-timeout-minutes'], 120),
          pollSeconds: positiveNumber('poll-interval-seconds', values['poll-interval-seconds'], 30),
          stopOnCancel: values['stop-on-cancel'] ?? false,
        },
        ...project,
      };
    }
  }
}

function initCommand(
  rest: readonly string[],
  workspace: string | undefined,
  action: string | undefined,
  cwd: string,
): CliCommand {
  const [model, ...more] = rest;
  if (model === undefined || more.length > 0)
    throw new UsageError('`smp init` takes one model name: smp init churn');
  if (!MODEL_NAME.test(model))
    throw new UsageError(
      `model name \`${model}\` must be 1–26 lower-case letters, digits and inner hyphens (it names the folder, the steps, the pipeline and the model package group)`,
    );
  if (action !== undefined && !ACTION_REF.test(action))
    throw new UsageError(`--action must be OWNER/REPO@REF, e.g. my-org/smp-action@v1 (got \`${action}\`)`);
  return {
    kind: 'init',
    workspace: path.resolve(cwd, workspace ?? '.'),
    model,
    action: action ?? DEFAULT_ACTION,
  };
}
