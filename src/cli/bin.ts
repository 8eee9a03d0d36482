#!/usr/bin/env node
// `smp` entry point: any unexpected error prints one line (no stack trace) and exits 1.
import { EXIT_FAILED, main } from './main.js';
import { logLines } from '../report/log-text.js';

try {
  process.exitCode = await main(process.argv.slice(2), process.env, process.cwd(), {
    out: (l) => process.stdout.write(`${l}\n`),
    // stderr is read for workflow commands too when smp runs in a workflow step: no line may be one.
    err: (l) => process.stderr.write(`${logLines(l).join('\n')}\n`),
    isTty: process.stdout.isTTY === true,
  });
} catch (err) {
  process.stderr.write(
    `${logLines(`smp: ${err instanceof Error ? err.message : String(err)}`).join('\n')}\n`,
  );
  if (process.env.SMP_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  process.exitCode = EXIT_FAILED;
}
