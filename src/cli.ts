#!/usr/bin/env node
// `smp` entry point: any unexpected error prints one line (no stack trace) and exits 1.
import { EXIT_FAILED, main } from './cli-run.js';

try {
  process.exitCode = await main(process.argv.slice(2), process.env, process.cwd(), {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
    isTty: process.stdout.isTTY === true,
  });
} catch (err) {
  process.stderr.write(`smp: ${err instanceof Error ? err.message : String(err)}\n`);
  if (process.env.SMP_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  process.exitCode = EXIT_FAILED;
}
