// Command-line parsing for `smp`: the only place that knows flag names and the help text.
import { parseArgs } from 'node:util';
import { splitGlobs } from './config/find.js';

export const HELP = `smp — compile model configs into an Amazon SageMaker pipeline

Usage:
  smp validate [--config GLOB]... [--workspace DIR]
  smp schema
  smp --help | --version

Commands:
  validate   Find, read, merge and check the model configs. Offline: no AWS or network access.
  schema     Print the JSON Schema of the model config format (for editors).

Options:
  -c, --config GLOB     Config files to read, relative to the workspace (repeatable).
                        Default: the SMP_MODEL_CONFIGPATH environment variable.
  -w, --workspace DIR   Workspace root every path is relative to. Default: the current directory.
  -h, --help            Show this help.
  -v, --version         Show the version.

Settings come from SMP_* environment variables (SMP_S3BUCKETNAME, SMP_ROLE, SMP_REGION,
SMP_ACCOUNTID, SMP_SUBNETS, SMP_SECURITYGROUPS, SMP_KMSKEY); offline commands use clearly fake
placeholders for unset ones.

Exit codes: 0 ok, 1 invalid configuration, 2 usage error.
`;

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'schema' }
  | { kind: 'validate'; globs: string[]; workspace: string };

export class UsageError extends Error {
  override name = 'UsageError';
}

const COMMANDS = ['validate', 'schema'] as const;

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
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`unknown command \`${command}\`: commands are ${COMMANDS.join(', ')}`);
  }
  if (command === 'schema') {
    if (rest.length > 0 || values.config) throw new UsageError('`smp schema` takes no arguments');
    return { kind: 'schema' };
  }
  if (rest.length > 0)
    throw new UsageError(`unexpected argument \`${rest[0] ?? ''}\`: pass config globs with --config`);
  const globs = values.config?.length ? values.config : splitGlobs(env.SMP_MODEL_CONFIGPATH);
  return { kind: 'validate', globs, workspace: values.workspace ?? cwd };
}
