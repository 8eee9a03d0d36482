// Checks a compiled definition before anyone sends it: names, references, graph, size, leftovers.
// It guards the compiler against itself, so a bug fails the plan instead of a CreatePipeline call.
import type { Diagnostic } from '../config/diagnostics.js';
import { findCycle } from '../config/dependencies.js';
import { STEP_NAME } from '../config/schema.js';
import { placedSteps } from './branches.js';
import { isExpression } from './expressions.js';
import type { DefinitionStep, PipelineDefinition, StepOrigin, Value } from './types.js';

/**
 * CreatePipeline's documented maximum for an inline `PipelineDefinition` (API reference, Length Constraints).
 * No limit is documented for `PipelineDefinitionS3Location`, the path we take from 100 KiB on, so this only
 * raises a warning (compile.ts).
 */
export const MAX_DEFINITION_CHARS = 1_048_576;
const EXECUTION_VARIABLES = new Set([
  'StartDateTime',
  'CurrentDateTime',
  'PipelineName',
  'PipelineArn',
  'PipelineExecutionId',
  'PipelineExecutionArn',
  'TrainingJobName',
  'ProcessingJobName',
]);

/** Property paths each step type exposes (the Describe* response members we reference). */
const PROPERTIES: Record<DefinitionStep['Type'], RegExp> = {
  Processing:
    /^(ProcessingOutputConfig\.Outputs\['([^']+)'\]\.S3Output\.S3Uri|ProcessingJobName|ProcessingJobArn|PropertyFiles\.([A-Za-z0-9_-]+))$/,
  Training:
    /^(ModelArtifacts\.S3ModelArtifacts|TrainingJobName|TrainingJobArn|OutputDataConfig\.S3OutputPath)$/,
  Transform: /^(TransformOutput\.S3OutputPath|TransformJobName|TransformJobArn)$/,
  Model: /^(ModelName|ModelArn)$/,
  RegisterModel:
    /^(ModelPackageArn|ModelPackageName|ModelPackageVersion|ModelApprovalStatus|ModelPackageGroupName)$/,
  Condition: /^Outcome$/,
  Fail: /(?!)/,
};

/** Comparisons whose operands must be numbers (a Condition's GreaterThan… and LessThan…). */
const NUMERIC_CONDITIONS = new Set(['GreaterThan', 'GreaterThanOrEqualTo', 'LessThan', 'LessThanOrEqualTo']);
const CONDITIONS = new Set([...NUMERIC_CONDITIONS, 'Equals', 'In', 'Not', 'Or']);

export function verifyDefinition(
  def: PipelineDefinition,
  origins: ReadonlyMap<string, StepOrigin>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const fail = (code: string, step: string | undefined, message: string): void => {
    const o = step ? origins.get(step) : undefined;
    out.push({
      code,
      severity: 'error',
      loc: o?.loc ?? null,
      path: o ? `step ${o.configured}` : 'definition',
      message,
    });
  };
  const steps = new Map<string, DefinitionStep>();
  // The (condition, branch) pairs each step runs under, outermost first: a step inside a branch may only be
  // referenced from inside that branch (SageMaker rejects a reference that would not run on the other path).
  const within = new Map<string, string[]>();
  const placed = placedSteps(def.Steps);
  for (const { step: s, gate } of placed) {
    if (gate) within.set(s.Name, [...(within.get(gate.condition) ?? []), `${gate.condition}:${gate.branch}`]);
    if (!STEP_NAME.test(s.Name))
      fail('definition-step-name', s.Name, `step name \`${s.Name}\` does not match ${STEP_NAME.source}`);
    if (steps.has(s.Name))
      fail(
        'definition-duplicate-step',
        s.Name,
        `two compiled steps are named \`${s.Name}\` (a configured name collides with a generated -RepackModel step?)`,
      );
    steps.set(s.Name, s);
  }
  const paramTypes = new Map(
    def.Parameters.map((p) => {
      const o =
        p && typeof p === 'object' && !Array.isArray(p) ? (p as { Name?: string; Type?: string }) : {};
      return [String(o.Name), String(o.Type)] as const;
    }),
  );
  const params = new Set(paramTypes.keys());
  /** Whether `from` runs only where `target` ran: every branch `target` is inside, `from` is inside too. */
  const visible = (target: string, from: string): boolean => {
    const need = within.get(target) ?? [];
    const have = within.get(from) ?? [];
    return need.every((b) => have.includes(b));
  };
  const branchFail = (s: string, target: string, how: string): void =>
    fail(
      'definition-branch-reference',
      s,
      `${s} ${how} \`${target}\`, which runs only in a branch of ${(within.get(target) ?? []).map((b) => b.split(':')[0]).join(' / ')}: SageMaker refuses that; depend on the Condition step instead`,
    );
  const edges = new Map<string, string[]>();
  const addEdge = (from: string, to: string): void => {
    edges.set(from, [...(edges.get(from) ?? []), to]);
  };

  for (const { step: s, gate } of placed) {
    if (gate) addEdge(gate.condition, s.Name);
    for (const d of s.DependsOn ?? []) {
      if (!steps.has(d))
        fail('definition-unknown-dependency', s.Name, `${s.Name} depends on \`${d}\`, which is not a step`);
      else if (d === s.Name) fail('definition-self-dependency', s.Name, `${s.Name} depends on itself`);
      else if (!visible(d, s.Name)) branchFail(s.Name, d, 'depends on');
      else addEdge(d, s.Name);
    }
    if (s.Type === 'Condition') checkCondition(s, paramTypes, fail);
    // A Condition's own references are in its Conditions; its branch steps are checked as steps.
    const own: Value = s.Type === 'Condition' ? (s.Arguments.Conditions ?? null) : s.Arguments;
    walk(own, (v) => {
      if (typeof v === 'string') {
        // The same rule as interpolation: a whole `.`- (or, in s3:// URIs, `/`-) separated part.
        const leftover = v
          .split(v.startsWith('s3://') ? '/' : '.')
          .find((part) => /^SMP_[A-Z0-9_]+$/.test(part));
        if (leftover)
          fail(
            'definition-unresolved-token',
            s.Name,
            `${s.Name}: \`${leftover}\` was not substituted (in \`${v}\`)`,
          );
        return;
      }
      if (!isExpression(v) || !('Get' in v)) return;
      const ref = v.Get;
      const m = /^Steps\.([A-Za-z0-9_-]+)\.(.+)$/.exec(ref);
      if (m) {
        const [, target = '', prop = ''] = m;
        const t = steps.get(target);
        if (!t)
          return fail(
            'definition-unknown-step-reference',
            s.Name,
            `${s.Name} refers to \`${ref}\`: no step \`${target}\``,
          );
        if (target === s.Name)
          return fail('definition-self-reference', s.Name, `${s.Name} refers to its own property \`${ref}\``);
        const pm = PROPERTIES[t.Type].exec(prop);
        if (!pm)
          return fail(
            'definition-bad-property',
            s.Name,
            `${s.Name} refers to \`${ref}\`: a ${t.Type} step has no property \`${prop}\``,
          );
        const output = pm[2];
        if (output !== undefined && !outputsOf(t).includes(output)) {
          return fail(
            'definition-unknown-output',
            s.Name,
            `${s.Name} refers to output \`${output}\` of ${target}, which has outputs ${outputsOf(t).join(', ') || '(none)'}`,
          );
        }
        const file = pm[3];
        if (file !== undefined && !(t.PropertyFiles ?? []).some((f) => f.PropertyFileName === file)) {
          return fail(
            'definition-unknown-property-file',
            s.Name,
            `${s.Name} refers to property file \`${file}\` of ${target}, which declares none by that name`,
          );
        }
        if (!visible(target, s.Name)) return branchFail(s.Name, target, 'refers to');
        addEdge(target, s.Name);
        return;
      }
      const e = /^Execution\.(.+)$/.exec(ref);
      if (e && EXECUTION_VARIABLES.has(e[1] ?? '')) return;
      const p = /^Parameters\.(.+)$/.exec(ref);
      if (p && params.has(p[1] ?? '')) return;
      if (/^PipelineExperimentConfig\.(ExperimentName|TrialName)$/.test(ref)) return;
      fail(
        'definition-bad-reference',
        s.Name,
        `${s.Name} refers to \`${ref}\`, which the pipeline does not define`,
      );
    });
  }
  const cycle = findCycle([...steps.keys()], edges);
  if (cycle) fail('definition-cycle', cycle[0], `the compiled steps form a cycle: ${cycle.join(' → ')}`);
  return out;
}

type Fail = (code: string, step: string | undefined, message: string) => void;

/** A Condition's conditions: known types, and numbers (or numeric expressions) where they are compared. */
function checkCondition(s: DefinitionStep, paramTypes: ReadonlyMap<string, string>, fail: Fail): void {
  const list = s.Arguments.Conditions;
  if (!Array.isArray(list) || list.length === 0)
    return fail(
      'definition-condition',
      s.Name,
      `${s.Name}: a Condition step needs a non-empty Conditions list`,
    );
  for (const k of ['IfSteps', 'ElseSteps'])
    if (!Array.isArray(s.Arguments[k]))
      fail('definition-condition', s.Name, `${s.Name}: ${k} must be a list`);
  if (s.RetryPolicies || s.CacheConfig)
    fail('definition-condition', s.Name, `${s.Name}: a Condition step takes no RetryPolicies or CacheConfig`);
  for (const c of list as Value[]) {
    const cond = (c ?? {}) as { Type?: Value; LeftValue?: Value; RightValue?: Value };
    const type = String(cond.Type);
    if (!CONDITIONS.has(type)) {
      fail('definition-condition', s.Name, `${s.Name}: unknown condition type \`${type}\``);
      continue;
    }
    if (!NUMERIC_CONDITIONS.has(type)) continue;
    for (const side of ['LeftValue', 'RightValue'] as const) {
      const v = cond[side];
      const param = isExpression(v) && 'Get' in v ? /^Parameters\.(.+)$/.exec(v.Get)?.[1] : undefined;
      const type2 = param ? paramTypes.get(param) : undefined;
      const jsonGet = isExpression(v) && 'Std:JsonGet' in v;
      const ok =
        typeof v === 'number' ||
        (jsonGet && typeof v['Std:JsonGet'].Path === 'string' && v['Std:JsonGet'].Path !== '') ||
        (param !== undefined && (type2 === 'Integer' || type2 === 'Float')) ||
        (isExpression(v) && 'Get' in v && !param);
      if (!ok)
        fail(
          'definition-condition-operand',
          s.Name,
          `${s.Name}: ${type} compares numbers, but its ${side} is ${param ? `the ${type2 ?? 'undeclared'} parameter ${param}` : JSON.stringify(v)}`,
        );
    }
  }
}

function outputsOf(s: DefinitionStep): string[] {
  const cfg = s.Arguments.ProcessingOutputConfig as { Outputs?: { OutputName?: string }[] } | undefined;
  return (cfg?.Outputs ?? []).map((o) => String(o.OutputName));
}

function walk(v: Value, visit: (v: Value) => void): void {
  visit(v);
  if (Array.isArray(v)) for (const x of v as Value[]) walk(x, visit);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x as Value, visit);
}
