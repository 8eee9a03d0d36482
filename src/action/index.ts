// Action entry point: the runner executes dist/index.js, built from this file. It prints the first log line
// before anything else loads (the runner protocol, @actions/core, and every phase are imported after it), so
// the log shows at once that the action started (bench/cold-start.mjs). A plain line is exactly what
// core.info writes.
import { VERSION } from '../version.js';

process.stdout.write(`smp-action ${VERSION} (node ${process.version})\n`);
const [core, { run }] = await Promise.all([import('../github/runner.js'), import('./main.js')]);
// run() reports its own failures; this only catches a bug in that reporting, without dumping the bundle.
await run().catch((err: unknown) =>
  core.setFailed(`smp-action: ${err instanceof Error ? err.message : String(err)}`),
);
