#!/usr/bin/env node
// `smp` entry point: any unexpected error prints one line (no stack trace) and exits 1.
import { EXIT_INVALID, main } from './cli-run.js';

let code: number;
try {
  code = main(process.argv.slice(2), process.env, process.cwd(), {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
  });
} catch (err) {
  process.stderr.write(`smp: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  code = EXIT_INVALID;
}
process.exitCode = code;
