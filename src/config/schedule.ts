// `sagemakerPipeline.schedule`: the typed schedule, with the checks the shape cannot make (the schedule name's
// length, parameter names). Parameter names are checked against the definition by the compiler.
import type { DiagnosticBag, Loc } from './diagnostics.js';
import type { ScheduleInput } from './schema.js';
import { inFileOrder } from './normalize.js';
import { didYouMean } from './suggest.js';
import { formatPath, locate } from './tree.js';
import type { CNode } from './tree.js';
import { packageParameterName } from './model-package.js';
import type { ModelConfig, PipelineConfig, ScheduleConfig } from './types.js';

/** EventBridge Scheduler names are at most 64 characters: `smp-` plus the pipeline name. */
export const SCHEDULE_PREFIX = 'smp-';
const MAX_SCHEDULE_NAME = 64;

export function scheduleName(pipelineName: string): string {
  return `${SCHEDULE_PREFIX}${pipelineName}`;
}

export function buildSchedule(
  input: ScheduleInput,
  /** The `sagemakerPipeline` node. */
  pipelineNode: CNode,
  pipelineName: string,
  bag: DiagnosticBag,
): ScheduleConfig {
  const base = ['conf', 'sagemakerPipeline', 'schedule'];
  const at = (rel: (string | number)[]): { loc: Loc; keyLoc: Loc; path: string } => {
    const l = locate(pipelineNode, ['schedule', ...rel]);
    return { loc: l.node.loc, keyLoc: l.keyLoc ?? l.node.loc, path: formatPath([...base, ...rel]) };
  };
  const whole = at([]);
  const name = scheduleName(pipelineName);
  if (pipelineName !== '' && name.length > MAX_SCHEDULE_NAME) {
    bag.error(
      'schedule-name-too-long',
      whole.keyLoc,
      whole.path,
      `${whole.path}: the schedule is named \`${name.slice(0, 20)}…\` (${name.length} characters), but EventBridge Scheduler allows ${MAX_SCHEDULE_NAME}: use a pipelineName of at most ${MAX_SCHEDULE_NAME - SCHEDULE_PREFIX.length} characters`,
    );
  }
  const paramsNode = locate(pipelineNode, ['schedule', 'parameters']).node;
  return {
    expression: input.expression,
    timezone: input.timezone ?? 'UTC',
    roleArn: input.role_arn,
    parameters: inFileOrder(input.parameters ?? {}, paramsNode).map(([n, v]) => ({
      name: n,
      value: String(v),
      loc: at(['parameters', n]).keyLoc,
    })),
    enabled: input.enabled ?? true,
    loc: whole.keyLoc,
  };
}

/**
 * Schedule parameters must name a pipeline parameter: a declared one or a unit's generated
 * `<Model>ModelPackage`. Their values are checked against the type when the plan is compiled.
 */
export function checkScheduleParameters(
  pipeline: PipelineConfig,
  models: Readonly<Record<string, ModelConfig>>,
  bag: DiagnosticBag,
): void {
  if (!pipeline.schedule) return;
  const names = [
    ...pipeline.parameters.map((p) => p.name),
    ...pipeline.units
      .filter((u) => models[u.model]?.modelPackage && u.steps.some((s) => s.stepClass === 'CreateModel'))
      .map((u) => packageParameterName(u.model)),
  ];
  for (const p of pipeline.schedule.parameters) {
    if (names.includes(p.name)) continue;
    const path = `conf.sagemakerPipeline.schedule.parameters.${p.name}`;
    bag.error(
      'unknown-schedule-parameter',
      p.loc,
      path,
      `${path}: the pipeline has no parameter \`${p.name}\` (${names.length > 0 ? `its parameters: ${names.join(', ')}` : 'it declares none in sagemakerPipeline.parameters'})${didYouMean(p.name, names)}`,
    );
  }
}
