// Load and compile: the offline phases every mode of the action and every CLI command start with.
import { compileProject } from '../compile/compile.js';
import type { Plan } from '../compile/types.js';
import type { Diagnostic } from '../config/diagnostics.js';
import { loadProject } from '../config/load.js';
import type { Env } from '../config/settings.js';
import type { ProjectConfig } from '../config/types.js';
import { sourceMap } from '../plan/sources.js';

export interface Compiled {
  readonly config: ProjectConfig | undefined;
  readonly plan: Plan | undefined;
  /** Config and compile diagnostics, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** Best effort, also for an invalid project. */
  readonly pipelineName: string | undefined;
}

export function loadAndCompile(opts: {
  workspace: string;
  globs: readonly string[];
  env: Env;
  allowPlaceholders: boolean;
  extraRoots?: readonly string[];
  /** Warnings are errors: no plan while there is one. */
  strict?: boolean;
}): Compiled {
  const r = loadAndCompileLenient(opts);
  if (!opts.strict || !r.diagnostics.some(isStrictError)) return r;
  return { ...r, plan: undefined, diagnostics: strictDiagnostics(r.diagnostics) };
}

/** Under `strict`, every warning but the offline placeholders (which are no config problem) is an error. */
function isStrictError(d: Diagnostic): boolean {
  return d.severity === 'warning' && d.code !== 'placeholder-settings';
}

export function strictDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return ds.map((d) =>
    isStrictError(d) ? { ...d, severity: 'error', message: `${d.message} (an error with strict)` } : d,
  );
}

function loadAndCompileLenient(opts: {
  workspace: string;
  globs: readonly string[];
  env: Env;
  allowPlaceholders: boolean;
  extraRoots?: readonly string[];
}): Compiled {
  const loaded = loadProject(opts);
  if (!loaded.config) {
    return {
      config: undefined,
      plan: undefined,
      diagnostics: loaded.diagnostics,
      pipelineName: loaded.pipelineName,
    };
  }
  const compiled = compileProject(loaded.config);
  // The plan carries every warning (config and compile) so each view shows them, and its source map.
  const warnings = [...loaded.diagnostics, ...compiled.diagnostics].filter((d) => d.severity === 'warning');
  const plan = compiled.plan && {
    ...compiled.plan,
    warnings: [...new Set([...warnings, ...compiled.plan.warnings])],
    sources: sourceMap(loaded.config, compiled.plan),
  };
  return {
    config: loaded.config,
    plan,
    diagnostics: [...loaded.diagnostics, ...compiled.diagnostics],
    pipelineName: loaded.config.pipeline.name,
  };
}
