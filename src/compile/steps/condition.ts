// Quality gates: a Condition step `<register>-QualityGate` that reads the unit's metrics report (the Metrics
// step's PropertyFile) with Std:JsonGet; every threshold must hold for IfSteps (the register step and its
// repack step) to run, else ElseSteps runs a Fail step `<register>-QualityGateFailed` naming each metric, its
// measured value and its threshold. Shapes: the SDK's ConditionStep / FailStep / JsonGet
// (sdk-golden 90_end_to_end_abalone, 08_fail_step_join_condition_outcome).
import type { GateRule, StepConfig, Threshold } from '../../config/types.js';
import type { CompileContext } from '../context.js';
import { EVALUATION_REPORT } from '../defaults.js';
import { get, join } from '../expressions.js';
import type { DefinitionStep, Expression, Value } from '../types.js';
import type { UnitLinks } from '../units.js';
import { CompileError } from './common.js';
import { failStep } from './fail.js';

export const GATE_SUFFIX = '-QualityGate';
export const GATE_FAILED_SUFFIX = '-QualityGateFailed';
/** The Fail message starts with this; the wait and the run report recognise a failed gate by it. */
export const GATE_FAILED_PREFIX = 'quality gate failed for ';

export function jsonGet(step: string, propertyFile: string, path: string): Expression {
  return {
    'Std:JsonGet': { PropertyFile: { Get: `Steps.${step}.PropertyFiles.${propertyFile}` }, Path: path },
  };
}

/** `binary_classification_metrics.auc.value` → `auc` (unless two rules would read the same). */
export function metricLabels(rules: readonly GateRule[]): string[] {
  const short = rules.map((r) => {
    const parts = r.metric.replace(/\[\d+\]/g, '').split('.');
    const last = parts.at(-1) === 'value' && parts.length > 1 ? parts.at(-2) : parts.at(-1);
    return last ?? r.metric;
  });
  return short.map((s, i) => (short.indexOf(s) === short.lastIndexOf(s) ? s : (rules[i]?.metric ?? s)));
}

function operand(t: Threshold): Value {
  return t.kind === 'number' ? t.value : get(`Parameters.${t.name}`);
}

function shown(t: Threshold): Value {
  return t.kind === 'number' ? t.text : get(`Parameters.${t.name}`);
}

/** The register step (and repack) wrapped in its gate: one Condition step carrying both branches. */
export function qualityGateStep(
  ctx: CompileContext,
  step: StepConfig,
  links: UnitLinks,
  guarded: readonly DefinitionStep[],
): DefinitionStep {
  const rules = step.qualityGate ?? [];
  const metrics = links.Metrics;
  if (!metrics) throw new CompileError(step, `${step.path}: a quality gate needs an earlier Metrics step`);
  const conditions: Value[] = [];
  const message: Value[] = [`${GATE_FAILED_PREFIX}${step.name}: `];
  const labels = metricLabels(rules);
  rules.forEach((r, i) => {
    const value = jsonGet(metrics.name, EVALUATION_REPORT, r.metric);
    if (r.min)
      conditions.push({ Type: 'GreaterThanOrEqualTo', LeftValue: value, RightValue: operand(r.min) });
    if (r.max) conditions.push({ Type: 'LessThanOrEqualTo', LeftValue: value, RightValue: operand(r.max) });
    if (i > 0) message.push('; ');
    message.push(`${labels[i] ?? r.metric}=`, value);
    for (const [bound, t] of [
      ['min', r.min],
      ['max', r.max],
    ] as const) {
      if (t) message.push(` (${bound} `, shown(t), ')');
    }
  });
  const name = `${step.name}${GATE_SUFFIX}`;
  return {
    Name: name,
    Type: 'Condition',
    Arguments: {
      Conditions: conditions,
      IfSteps: guarded as unknown as Value[],
      ElseSteps: [
        failStep(`${step.name}${GATE_FAILED_SUFFIX}`, join('', mergeText(message))),
      ] as unknown as Value[],
    },
  };
}

/** Adjacent literal strings joined, so the message's Values alternate text and expressions. */
function mergeText(values: readonly Value[]): Value[] {
  const out: Value[] = [];
  for (const v of values) {
    const last = out.at(-1);
    if (typeof v === 'string' && typeof last === 'string') out[out.length - 1] = last + v;
    else out.push(v);
  }
  return out;
}
