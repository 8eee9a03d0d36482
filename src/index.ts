// Action entry point: the runner executes dist/index.js, built from this file.
import * as core from './github/runner.js';
import { run } from './main.js';

// run() reports its own failures; this only catches a bug in that reporting, without dumping the bundle.
await run().catch((err: unknown) =>
  core.setFailed(`smp-action: ${err instanceof Error ? err.message : String(err)}`),
);
