// `smp plan`: compile offline, compare with a definition file (`--against`) or nothing, print the plan as
// text, Markdown or JSON, and with `--out` write the plan files and packed bundles.
import { loadAndCompile } from '../../app/compile-project.js';
import { BundleError } from '../../compile/bundle.js';
import type { Env } from '../../config/settings.js';
import { writePlanArtifacts, writePlanFiles } from '../../plan/files.js';
import { planSummary } from '../../plan/summary.js';
import { buildPlanView, OFFLINE } from '../../plan/view.js';
import type { Deployed } from '../../plan/view.js';
import { renderPlanComment } from '../../report/plan-comment.js';
import { planText, wantsColour } from '../../report/plan-text.js';
import type { CliCommand } from '../args.js';
import { readDefinition } from '../definition-file.js';
import { EXIT_FAILED, EXIT_OK, failed, report } from '../io.js';
import type { Io } from '../io.js';

export async function planCommand(
  cmd: Extract<CliCommand, { kind: 'plan' }>,
  env: Env,
  io: Io,
): Promise<number> {
  let deployed: Deployed = OFFLINE;
  if (cmd.against) {
    const definition = readDefinition(cmd.against, io);
    if (!definition) return EXIT_FAILED;
    deployed = { state: 'read', definition };
  }
  const r = loadAndCompile({ ...cmd, env, allowPlaceholders: true });
  if (!r.plan) return failed(r.diagnostics, io);
  report(r.diagnostics, io);
  const view = buildPlanView(r.plan, deployed);
  if (cmd.format === 'markdown') io.out(renderPlanComment(view));
  else if (cmd.format === 'json') {
    const artifacts = r.plan.artifacts.map(({ source: _s, ...a }) => a);
    io.out(
      JSON.stringify(
        { pipeline: view.pipeline, planHash: view.planHash, diff: view.diff, artifacts },
        null,
        2,
      ),
    );
  } else io.out(`${planSummary(r.plan)}\n${planText(view, { colour: wantsColour(env, io.isTty === true) })}`);
  if (cmd.out) {
    let written;
    try {
      written = await writePlanArtifacts(r.plan, cmd.out);
    } catch (err) {
      if (!(err instanceof BundleError)) throw err;
      io.err(`smp: ${err.message}`);
      return EXIT_FAILED;
    }
    const files = writePlanFiles(
      r.plan,
      cmd.out,
      { mermaid: view.mermaid, markdown: renderPlanComment(view) },
      written,
    );
    io.err(`wrote ${files.definition}, ${files.artifacts}, ${files.dag}, ${files.markdown}`);
  }
  return EXIT_OK;
}
