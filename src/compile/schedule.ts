// The EventBridge Scheduler schedule a pipeline's config asks for, as deploy writes it. Pure.
import type { DiagnosticBag } from '../config/diagnostics.js';
import { scheduleName } from '../config/schedule.js';
import type { ScheduleConfig } from '../config/types.js';
import { runParameters } from './parameters.js';
import type { PipelineParameter } from './types.js';

/** Starts every description we write: a schedule without it (or with another name) is never touched. */
export const SCHEDULE_MARKER = 'smp-action:';

export interface ScheduleSpec {
  readonly name: string;
  readonly group: 'default';
  readonly expression: string;
  readonly timezone: string;
  readonly roleArn: string;
  readonly enabled: boolean;
  readonly parameters: readonly { readonly Name: string; readonly Value: string }[];
  readonly description: string;
}

export function scheduleDescription(pipeline: string): string {
  return `${SCHEDULE_MARKER} starts SageMaker pipeline ${pipeline}; managed by smp-action from the pipeline's config (edits are overwritten)`.slice(
    0,
    512,
  );
}

/** The schedule spec; its parameter values are checked as run-time values (name, type, enum). */
export function scheduleSpec(
  pipeline: string,
  config: ScheduleConfig | undefined,
  parameters: readonly PipelineParameter[],
  bag: DiagnosticBag,
): ScheduleSpec | undefined {
  if (!config) return undefined;
  for (const p of config.parameters) {
    const error = runParameters(parameters, [[p.name, p.value]]).errors[0];
    if (!error) continue;
    const path = `conf.sagemakerPipeline.schedule.parameters.${p.name}`;
    bag.error('bad-schedule-parameter', p.loc, path, `${path}: ${error}`);
  }
  return {
    name: scheduleName(pipeline),
    group: 'default',
    expression: config.expression,
    timezone: config.timezone,
    roleArn: config.roleArn,
    enabled: config.enabled,
    parameters: config.parameters.map((p) => ({ Name: p.name, Value: p.value })),
    description: scheduleDescription(pipeline),
  };
}
