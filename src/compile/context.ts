// What every step module needs: the project, the settings, code artifacts and a place for diagnostics.
import type { DiagnosticBag } from '../config/diagnostics.js';
import type { ModelConfig, ProjectConfig, Settings, StepConfig } from '../config/types.js';
import { allSteps } from '../config/types.js';
import type { CodeArtifacts } from './code.js';
import type { ParameterSet } from './parameters.js';
import type { PackageBinding } from './model-packages.js';

export interface CompileContext {
  readonly config: ProjectConfig;
  readonly settings: Settings;
  readonly pipeline: string;
  readonly code: CodeArtifacts;
  readonly bag: DiagnosticBag;
  readonly steps: ReadonlyMap<string, StepConfig>;
  /** Declared parameters; step modules may add generated ones (see parameters.ts). */
  readonly parameters: ParameterSet;
  /** Model packages by model name (units with `model_package`). */
  readonly packages: ReadonlyMap<string, PackageBinding>;
}

export function stepIndex(config: ProjectConfig): Map<string, StepConfig> {
  return new Map(allSteps(config.pipeline).map((s) => [s.name, s]));
}

export function modelOf(ctx: CompileContext, step: StepConfig): ModelConfig {
  const m = ctx.config.models[step.model];
  // The config phase guarantees every pipeline model exists; this only guards a broken invariant.
  if (!m) throw new Error(`internal: model ${step.model} of step ${step.name} is missing`);
  return m;
}
