// Quality gates in a run: which gate passed or failed, and a failed gate's message as a reader wants it
// ("quality gate failed: auc 0.71 < 0.80"). Pure: reads the definition and the step statuses.
import { allDefinitionSteps } from '../compile/branches.js';
import { GATE_FAILED_PREFIX, GATE_FAILED_SUFFIX, GATE_SUFFIX } from '../compile/steps/condition.js';
import type { DefinitionStep, PipelineDefinition } from '../compile/types.js';

export interface GateStepStatus {
  readonly name: string;
  readonly status: string;
  readonly failureReason: string | undefined;
}

export interface GateOutcome {
  /** The RegisterModel step the gate guards. */
  readonly register: string;
  /** Its model package group (as the definition names it). */
  readonly group: string;
  readonly result: 'passed' | 'failed' | 'not run';
  /** For a failed gate: what failed, e.g. `auc 0.71 < 0.80`. */
  readonly reason: string | undefined;
}

/**
 * `quality gate failed for churn-Register: auc=0.71 (min 0.80); recall=0.62 (min 0.5)` →
 * `quality gate failed: auc 0.71 < 0.80`; undefined for any other message.
 */
export function gateFailureText(message: string | undefined): string | undefined {
  if (!message?.startsWith(GATE_FAILED_PREFIX)) return undefined;
  const body = message.slice(message.indexOf(': ') + 2);
  const failed: string[] = [];
  for (const part of body.split('; ')) {
    const m = /^(.+?)=(.*?)((?: \((?:min|max) [^)]*\))+)$/.exec(part);
    if (!m) return `quality gate failed: ${body}`;
    const [, label = '', raw = '', bounds = ''] = m;
    const value = raw.trim() === '' ? Number.NaN : Number(raw);
    if (Number.isNaN(value)) {
      failed.push(`${label} is missing from the metrics report`);
      continue;
    }
    for (const [, kind, limit = ''] of bounds.matchAll(/\((min|max) ([^)]*)\)/g)) {
      const l = Number(limit);
      if (kind === 'min' && value < l) failed.push(`${label} ${raw} < ${limit}`);
      if (kind === 'max' && value > l) failed.push(`${label} ${raw} > ${limit}`);
    }
  }
  return `quality gate failed: ${failed.length > 0 ? failed.join(', ') : body}`;
}

/** Every quality gate of the definition with what happened to it in the run. */
export function gateOutcomes(
  def: Pick<PipelineDefinition, 'Steps'>,
  steps: readonly GateStepStatus[],
): GateOutcome[] {
  const byName = new Map(steps.map((s) => [s.name, s]));
  const out: GateOutcome[] = [];
  for (const s of allDefinitionSteps(def.Steps)) {
    if (s.Type !== 'Condition' || !s.Name.endsWith(GATE_SUFFIX)) continue;
    const register = s.Name.slice(0, -GATE_SUFFIX.length);
    const guarded = (s.Arguments.IfSteps as unknown as DefinitionStep[] | undefined) ?? [];
    const reg = guarded.find((x) => x.Type === 'RegisterModel');
    const group =
      typeof reg?.Arguments.ModelPackageGroupName === 'string' ? reg.Arguments.ModelPackageGroupName : '';
    const fail = byName.get(`${register}${GATE_FAILED_SUFFIX}`);
    const cond = byName.get(s.Name);
    const result = fail ? 'failed' : cond?.status === 'Succeeded' ? 'passed' : 'not run';
    out.push({
      register,
      group,
      result,
      reason: fail ? (gateFailureText(fail.failureReason) ?? fail.failureReason) : undefined,
    });
  }
  return out;
}
