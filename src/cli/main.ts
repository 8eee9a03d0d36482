// The `smp` CLI: parse the arguments and hand the command to its module; returns the exit code.
// validate/plan/diff/iam-policy/schema are offline; deploy/run load the AWS clients only when called.
import { confJsonSchema } from '../config/json-schema.js';
import { VERSION } from '../version.js';
import { parseCli, UsageError } from './args.js';
import type { CliCommand } from './args.js';
import { diffCommand } from './commands/diff.js';
import { iamPolicyCommand } from './commands/iam-policy.js';
import { runInit } from './commands/init.js';
import { migrateCommand } from './commands/migrate.js';
import { planCommand } from './commands/plan.js';
import { validateCommand } from './commands/validate.js';
import { HELP } from './help.js';
import { EXIT_OK, EXIT_USAGE } from './io.js';
import type { Io } from './io.js';

export { EXIT_FAILED } from './io.js';

export async function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  io: Io,
): Promise<number> {
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
    case 'init':
      return runInit(cmd, io);
    case 'validate':
      return validateCommand(cmd, env, io);
    case 'plan':
      return await planCommand(cmd, env, io);
    case 'diff':
      return diffCommand(cmd, io);
    case 'iam-policy':
      return iamPolicyCommand(cmd, env, io);
    case 'migrate':
      return migrateCommand(cmd, io);
    case 'deploy':
    case 'run': {
      // Loaded only here, so offline commands never pay for the AWS SDK.
      const { deployCommand } = await import('./commands/deploy.js');
      return deployCommand(cmd, env, io);
    }
  }
}
