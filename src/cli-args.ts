// Command-line parsing for `smp`: the only place that knows flag names and the help text.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { splitGlobs } from './config/find.js';

export const HELP = `smp — compile model configs into an Amazon SageMaker pipeline

Usage:
  smp validate [--config GLOB]... [--workspace DIR]
  smp plan     [--config GLOB]... [--workspace DIR] [--out DIR] [--against FILE] [--format F]
  smp diff     A.json B.json [--format F]
  smp schema
  smp --help | --version

Commands:
  validate   Find, read, merge and check the model configs.
  plan       Compile the pipeline definition and the code bundles, and summarise them. With --out DIR,
             write DIR/definition.json (exactly as it would be sent), artifacts.json, dag.mmd, plan.md and
             the artifacts themselves under DIR/artifacts/. With --against FILE (a definition JSON, or
             the output of \`aws sagemaker describe-pipeline\`), show what changes against it.
  diff       Compare two definition JSON files (deployed → planned).
  schema     Print the JSON Schema of the model config format (for editors).
  validate, plan, diff and schema are offline: no AWS or network access.

Options:
  -c, --config GLOB     Config files to read, relative to the workspace (repeatable).
                        Default: the SMP_MODEL_CONFIGPATH environment variable.
  -w, --workspace DIR   Workspace root every path is relative to. Default: the current directory.
  -o, --out DIR         (plan) Folder to write the plan files to.
  -a, --against FILE    (plan) The deployed definition to compare with.
  -f, --format F        (plan, diff) Output: text (default), markdown (the PR comment) or json.
  -h, --help            Show this help.
  -v, --version         Show the version.

Settings come from SMP_* environment variables (SMP_S3BUCKETNAME, SMP_ROLE, SMP_REGION,
SMP_ACCOUNTID, SMP_SUBNETS, SMP_SECURITYGROUPS, SMP_KMSKEY); offline commands use clearly fake
placeholders for unset ones.

Exit codes: 0 ok, 1 invalid configuration, 2 usage error.
`;

export interface ProjectArgs {
  readonly globs: string[];
  readonly workspace: string;
}

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'schema' }
  | ({ kind: 'validate' } & ProjectArgs)
  | ({
      kind: 'plan';
      out: string | undefined;
      against: string | undefined;
      format: OutputFormat;
    } & ProjectArgs)
  | { kind: 'diff'; from: string; to: string; format: OutputFormat };

export type OutputFormat = 'text' | 'markdown' | 'json';
const FORMATS: readonly OutputFormat[] = ['text', 'markdown', 'json'];

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Options each command accepts (besides --help/--version). */
const COMMAND_OPTIONS = {
  validate: ['config', 'workspace'],
  plan: ['config', 'workspace', 'out', 'against', 'format'],
  diff: ['format'],
  schema: [],
} as const satisfies Record<string, readonly string[]>;
type CommandName = keyof typeof COMMAND_OPTIONS;

export function parseCli(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string', short: 'c', multiple: true },
        workspace: { type: 'string', short: 'w' },
        out: { type: 'string', short: 'o' },
        against: { type: 'string', short: 'a' },
        format: { type: 'string', short: 'f' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...rest] = positionals;
  if (command === undefined)
    throw new UsageError('missing command: try `smp validate --config "*/conf/conf.yaml"`');
  if (!(command in COMMAND_OPTIONS)) {
    throw new UsageError(
      `unknown command \`${command}\`: commands are ${Object.keys(COMMAND_OPTIONS).join(', ')}`,
    );
  }
  const name = command as CommandName;
  const allowed: readonly string[] = COMMAND_OPTIONS[name];
  for (const opt of ['config', 'workspace', 'out', 'against', 'format'] as const) {
    if (values[opt] !== undefined && !allowed.includes(opt))
      throw new UsageError(`\`smp ${name}\` does not take --${opt}`);
  }
  const format = (values.format ?? 'text') as OutputFormat;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got \`${values.format ?? ''}\`)`);
  }
  if (name === 'diff') {
    const [from, to, ...more] = rest;
    if (from === undefined || to === undefined || more.length > 0) {
      throw new UsageError('`smp diff` takes two definition files: smp diff deployed.json planned.json');
    }
    return { kind: 'diff', from: path.resolve(cwd, from), to: path.resolve(cwd, to), format };
  }
  if (rest.length > 0)
    throw new UsageError(`unexpected argument \`${rest[0] ?? ''}\`: pass config globs with --config`);
  if (name === 'schema') return { kind: 'schema' };
  const project: ProjectArgs = {
    globs: values.config?.length ? values.config : splitGlobs(env.SMP_MODEL_CONFIGPATH),
    workspace: path.resolve(cwd, values.workspace ?? '.'),
  };
  if (name === 'validate') return { kind: 'validate', ...project };
  return {
    kind: 'plan',
    out: values.out === undefined ? undefined : path.resolve(cwd, values.out),
    against: values.against === undefined ? undefined : path.resolve(cwd, values.against),
    format,
    ...project,
  };
}
