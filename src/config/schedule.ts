// `sagemakerPipeline.schedule`: the typed schedule, with the checks the shape cannot make (time zone, the
// schedule name's length). Parameter names are checked against the definition by the compiler.
import type { DiagnosticBag, Loc } from './diagnostics.js';
import type { ScheduleInput } from './schema.js';
import { inFileOrder } from './normalize.js';
import { formatPath, locate } from './tree.js';
import type { CNode } from './tree.js';
import type { ScheduleConfig } from './types.js';

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
  if (input.timezone !== undefined && !isTimeZone(input.timezone)) {
    const a = at(['timezone']);
    bag.error(
      'bad-timezone',
      a.loc,
      a.path,
      `${a.path}: \`${input.timezone}\` is not an IANA time zone (e.g. UTC, Europe/Paris, America/New_York)`,
    );
  }
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

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
