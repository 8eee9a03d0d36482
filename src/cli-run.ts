// The `smp` CLI's commands: parse arguments, run a phase of the core, print, return the exit code.
// Offline commands never touch AWS or the network.
import { HELP, parseCli, UsageError } from './cli-args.js';
import type { CliCommand } from './cli-args.js';
import { formatDiagnostic } from './config/diagnostics.js';
import { confJsonSchema } from './config/json-schema.js';
import { loadProject } from './config/load.js';
import { allSteps } from './config/types.js';
import { VERSION } from './version.js';

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export function main(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string, io: Io): number {
  let cmd: CliCommand;
  try {
    cmd = parseCli(argv, env, cwd);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`smp: ${err.message}`);
      io.err('Run `smp --help` for usage.');
      return EXIT_USAGE;
    }
    throw err;
  }
  switch (cmd.kind) {
    case 'help':
      io.out(HELP);
      return EXIT_OK;
    case 'version':
      io.out(VERSION);
      return EXIT_OK;
    case 'schema':
      io.out(JSON.stringify(confJsonSchema(), null, 2));
      return EXIT_OK;
    case 'validate': {
      const result = loadProject({
        workspace: cmd.workspace,
        globs: cmd.globs,
        env,
        allowPlaceholders: true,
      });
      for (const d of result.diagnostics) io.err(formatDiagnostic(d));
      if (!result.config) {
        const n = result.diagnostics.filter((d) => d.severity === 'error').length;
        io.err(`smp: ${n} error${n === 1 ? '' : 's'}: configuration is invalid`);
        return EXIT_INVALID;
      }
      const c = result.config;
      const models = c.pipeline.units.length;
      const steps = allSteps(c.pipeline).length;
      io.out(
        `ok: ${models} model${models === 1 ? '' : 's'}, ${steps} step${steps === 1 ? '' : 's'} in pipeline ${c.pipeline.name}`,
      );
      return EXIT_OK;
    }
  }
}
