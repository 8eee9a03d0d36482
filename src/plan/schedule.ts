// The schedule's diff against the deployed one: what deploy will do to the EventBridge Scheduler schedule.
import { SCHEDULE_MARKER } from '../compile/schedule.js';
import type { ScheduleSpec } from '../compile/schedule.js';

/** A schedule as GetSchedule shows it, reduced to the fields smp manages. */
export interface DeployedSchedule {
  readonly name: string;
  readonly expression: string;
  readonly timezone: string;
  readonly roleArn: string;
  readonly targetArn: string;
  readonly enabled: boolean;
  readonly parameters: readonly { readonly Name: string; readonly Value: string }[];
  readonly description: string;
}

export interface ScheduleField {
  readonly field: string;
  readonly old: string | undefined;
  readonly new: string | undefined;
}

export type ScheduleAction =
  | { readonly kind: 'none' }
  | { readonly kind: 'create'; readonly spec: ScheduleSpec }
  | { readonly kind: 'update'; readonly spec: ScheduleSpec; readonly fields: readonly ScheduleField[] }
  | { readonly kind: 'unchanged'; readonly spec: ScheduleSpec }
  | { readonly kind: 'delete'; readonly deployed: DeployedSchedule }
  /** A schedule with our name that we did not create: never touched; deploy refuses to take it over. */
  | {
      readonly kind: 'foreign';
      readonly spec: ScheduleSpec | undefined;
      readonly deployed: DeployedSchedule;
    };

/** Ours: the name smp gives it and the description marker smp writes. */
export function isOurs(d: DeployedSchedule, name: string): boolean {
  return d.name === name && d.description.startsWith(SCHEDULE_MARKER);
}

const params = (p: readonly { Name: string; Value: string }[]): string =>
  [...p]
    .sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0))
    .map((x) => `${x.Name}=${x.Value}`)
    .join(', ');

export function scheduleFields(spec: ScheduleSpec, targetArn: string): Record<string, string> {
  return {
    expression: spec.expression,
    timezone: spec.timezone,
    state: spec.enabled ? 'ENABLED' : 'DISABLED',
    role: spec.roleArn,
    target: targetArn,
    parameters: params(spec.parameters),
    description: spec.description,
  };
}

function deployedFields(d: DeployedSchedule): Record<string, string> {
  return {
    expression: d.expression,
    timezone: d.timezone,
    state: d.enabled ? 'ENABLED' : 'DISABLED',
    role: d.roleArn,
    target: d.targetArn,
    parameters: params(d.parameters),
    description: d.description,
  };
}

/**
 * What deploy does, given the wanted schedule, the pipeline's ARN and the deployed schedule with our name
 * (null: none; undefined: not read, e.g. offline or not allowed).
 */
export function scheduleAction(
  spec: ScheduleSpec | undefined,
  name: string,
  targetArn: string,
  deployed: DeployedSchedule | null | undefined,
): ScheduleAction | undefined {
  if (deployed === undefined) return spec ? undefined : { kind: 'none' };
  if (deployed === null) return spec ? { kind: 'create', spec } : { kind: 'none' };
  if (!isOurs(deployed, name)) return { kind: 'foreign', spec, deployed };
  if (!spec) return { kind: 'delete', deployed };
  const want = scheduleFields(spec, targetArn);
  const have = deployedFields(deployed);
  const fields = Object.keys(want)
    .filter((k) => want[k] !== have[k])
    .map((k) => ({ field: k, old: have[k], new: want[k] }));
  return fields.length === 0 ? { kind: 'unchanged', spec } : { kind: 'update', spec, fields };
}

/** The pipeline's ARN as SageMaker writes it (names are lower-cased in ARNs). */
export function pipelineArn(region: string, accountId: string, pipeline: string): string {
  return `arn:aws:sagemaker:${region}:${accountId}:pipeline/${pipeline.toLowerCase()}`;
}
