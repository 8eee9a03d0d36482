// The action adapter: read the event and the inputs, say what will happen, then load and run the phases.
// src/index.ts has printed the first log line (with the version) before this module loads.
import { readGithubContext } from '../github/event.js';
import { InputError, readInputs } from '../github/inputs.js';
import * as core from '../github/runner.js';
import { mdText } from '../report/escape.js';

export async function run(): Promise<void> {
  const ctx = readGithubContext();
  let inputs;
  try {
    inputs = readInputs(ctx);
  } catch (err) {
    const message =
      err instanceof InputError
        ? err.message
        : `smp-action failed: ${err instanceof Error ? err.message : String(err)}`;
    await core.appendSummary(`> [!CAUTION]\n> **Invalid input**: ${mdText(message)}\n`);
    core.setFailed(message);
    return;
  }
  core.info(`mode ${inputs.mode} (${inputs.modeReason})`);
  if (ctx.payloadProblem) core.warning(ctx.payloadProblem, { title: 'smp: event payload' });
  const { runAction } = await import('./run-action.js');
  await runAction(inputs, ctx);
}
