// `smp validate`: the configs alone (no environment): errors and warnings, then a one-line count.
import { strictDiagnostics } from '../../app/compile-project.js';
import { loadProject } from '../../config/load.js';
import type { Env } from '../../config/settings.js';
import { allSteps } from '../../config/types.js';
import type { ProjectArgs } from '../args.js';
import { EXIT_OK, failed, report } from '../io.js';
import type { Io } from '../io.js';

export function validateCommand(cmd: ProjectArgs, env: Env, io: Io): number {
  const r = loadProject({ ...cmd, env, allowPlaceholders: true });
  if (!r.config) return failed(r.diagnostics, io);
  // validate checks the configs, not the environment: the placeholder note belongs to plan.
  const shown = r.diagnostics.filter((d) => d.code !== 'placeholder-settings');
  const checked = cmd.strict ? strictDiagnostics(shown) : shown;
  if (checked.some((d) => d.severity === 'error')) return failed(checked, io);
  report(checked, io);
  const models = r.config.pipeline.units.length;
  const steps = allSteps(r.config.pipeline).length;
  io.out(
    `ok: ${models} model${models === 1 ? '' : 's'}, ${steps} step${steps === 1 ? '' : 's'} in pipeline ${r.config.pipeline.name}`,
  );
  return EXIT_OK;
}
