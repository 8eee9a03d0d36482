// Command-line parsing for `smp`: the only place that knows flag names and the help text.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseAssignments } from './config/parameter-syntax.js';
import { splitGlobs } from './config/find.js';
import { didYouMean } from './config/suggest.js';
import type { SettingOverrides } from './config/overrides.js';
import { ACTION_REF, DEFAULT_ACTION, MODEL_NAME } from './commands/init.js';

/** The help text; every line fits 80 columns (a test checks). */
export const HELP = `smp - compile model configs into an Amazon SageMaker pipeline

Usage:
  smp validate   [project options]
  smp plan       [project options] [--out DIR] [--against FILE] [--format F]
  smp diff       A.json B.json [--format F]
  smp deploy     [project options] [AWS options]
  smp run        [project options] [AWS options] [--wait [wait options]]
  smp iam-policy [project options] [AWS options]
  smp migrate    [project options] [--write]
  smp schema
  smp init       MODEL [--workspace DIR] [--action OWNER/REPO@REF]
  smp --help | --version

Commands:
  validate    Find, read, merge and check the model configs.
  plan        Compile the definition and code bundles and summarise them.
              --out DIR writes definition.json (exactly as sent),
              artifacts.json, dag.mmd, plan.md and DIR/artifacts/.
              --against FILE (a definition JSON, or the output of
              \`aws sagemaker describe-pipeline\`) shows what would change.
  diff        Compare two definition JSON files (deployed -> planned).
  deploy      Upload the code, create the model package groups, create or
              update the pipeline.
  run         deploy, then start an execution (or attach to the one this
              run started); with --wait, follow it to the end and list the
              registered model versions.
  iam-policy  Print the least-privilege IAM policy the deploying role needs.
  migrate     List the config files in the older layout
              (conf.models.modelContainer.<model>); with --write, rewrite
              them to conf.models.<model> in place, keeping comments.
  schema      Print the JSON Schema of the model config format.
  init        Scaffold a model repository: MODEL/conf/conf.yaml (the anchor
              config), stub scripts in MODEL/scripts/ and the plan and run
              workflows in .github/workflows/; never overwrites a file.
              --action sets the smp-action reference of the workflows and
              the editor-schema URL (default ${DEFAULT_ACTION}).
  validate, plan, diff, iam-policy, migrate, schema and init never touch AWS
  or the network.

Project options:
  -c, --config GLOB      Config files, relative to the workspace (repeatable).
                         Default: $SMP_MODEL_CONFIGPATH.
  -w, --workspace DIR    Root every path is relative to. Default: the current
                         directory.
  --strict               Treat config warnings as errors (exit 1).
Plan options:
  -o, --out DIR          Folder to write the plan files to.
  -a, --against FILE     The deployed definition to compare with.
  -f, --format F         text (default), markdown (the PR comment) or json.
Migrate options:
  --write                Rewrite the files in place (default: only list them).
AWS options (override the SMP_* variables; credentials: the default AWS chain):
  --s3-bucket NAME           SMP_S3BUCKETNAME
  --execution-role-arn ARN   SMP_ROLE
  --aws-region REGION        SMP_REGION
  --kms-key-id KEY           SMP_KMSKEY
  --subnets IDS              SMP_SUBNETS
  --security-groups IDS      SMP_SECURITYGROUPS
  --description TEXT         pipeline description (default: the config's
                             sagemakerPipeline.pipelineDescription)
Wait options (run):
  --wait                     Wait for the execution to finish.
  --wait-timeout-minutes N   Give up waiting after N minutes (default 120).
  --poll-interval-seconds N  Seconds between status polls (default 30).
  --stop-on-cancel           Stop the execution on Ctrl-C/SIGTERM or timeout.
Run options:
  -p, --param NAME=VALUE     A pipeline parameter's value for this execution
                             (repeatable); checked against the parameter's type
                             and enum before anything is sent.
  -h, --help                 Show this help.
  -v, --version              Show the version.

Settings come from SMP_* environment variables (SMP_S3BUCKETNAME, SMP_ROLE,
SMP_REGION, SMP_ACCOUNTID, SMP_SUBNETS, SMP_SECURITYGROUPS, SMP_KMSKEY);
offline commands use clearly fake placeholders for unset ones.

Exit codes: 0 ok, 1 invalid configuration or a failed deploy/run, 2 usage error.
`;

export interface ProjectArgs {
  readonly globs: string[];
  readonly workspace: string;
  /** Config warnings are errors. */
  readonly strict: boolean;
}

export interface WaitArgs {
  readonly wait: boolean;
  readonly timeoutMinutes: number;
  readonly pollSeconds: number;
  readonly stopOnCancel: boolean;
}

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
