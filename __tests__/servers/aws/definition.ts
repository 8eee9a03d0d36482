// Reads a pipeline definition the way the service does at CreatePipeline/UpdatePipeline: JSON, version,
// unique step names, DependsOn and `Get` references that resolve, no cycles; and each job step's
// Arguments against the API request it becomes (CreateTrainingJob, …), expressions standing in for scalars.
import { loadApiModel, validateRequest } from '../../helpers/api-model.js';
import type { ApiViolation } from '../../helpers/api-model.js';

export interface DefinitionParameter {
  Name: string;
  Type: 'String' | 'Integer' | 'Float' | 'Boolean';
  DefaultValue?: unknown;
  EnumValues?: unknown[];
}

export interface DefinitionStep {
  name: string;
  type: string;
  /** The step object as written. */
  json: Record<string, unknown>;
  /** DependsOn names plus steps referenced by `Get: Steps.X…` anywhere in the step (deduplicated). */
  deps: string[];
  /** Set for steps inside a Condition's IfSteps (branch true) or ElseSteps (branch false). */
  gate?: { condition: string; branch: boolean };
  /** Position in a depth-first walk of the definition. */
  index: number;
}

export interface ParsedDefinition {
  parameters: DefinitionParameter[];
  steps: DefinitionStep[];
}

export interface DefinitionProblem {
  path: string;
  message: string;
}

/** Step type → the API request its Arguments are, and the members the service fills in. */
export const STEP_OPERATIONS: Record<string, { operation: string; omitted: string[] }> = {
  Processing: { operation: 'CreateProcessingJob', omitted: ['ProcessingJobName'] },
  Training: { operation: 'CreateTrainingJob', omitted: ['TrainingJobName'] },
  Transform: { operation: 'CreateTransformJob', omitted: ['TransformJobName'] },
  Model: { operation: 'CreateModel', omitted: ['ModelName'] },
  RegisterModel: { operation: 'CreateModelPackage', omitted: [] },
};

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
const STEP_NAME = /^[A-Za-z0-9_-]{1,64}$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every `{"Get": "..."}` string inside `value`. */
export function collectGets(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) collectGets(v, out);
  else if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'Get' && typeof value.Get === 'string') out.push(value.Get);
    else for (const v of Object.values(value)) collectGets(v, out);
  }
  return out;
}

export function parseDefinition(text: string): {
  definition?: ParsedDefinition;
  problems: DefinitionProblem[];
  argumentViolations: (ApiViolation & { step: string })[];
} {
  const problems: DefinitionProblem[] = [];
  const argumentViolations: (ApiViolation & { step: string })[] = [];
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { problems: [{ path: '', message: `not JSON: ${(err as Error).message}` }], argumentViolations };
  }
  if (!isObject(doc)) return { problems: [{ path: '', message: 'not a JSON object' }], argumentViolations };
  if (doc.Version !== '2020-12-01')
    problems.push({ path: 'Version', message: `unsupported version ${JSON.stringify(doc.Version)}` });

  const parameters: DefinitionParameter[] = [];
  if (doc.Parameters !== undefined && !Array.isArray(doc.Parameters))
    problems.push({ path: 'Parameters', message: 'not an array' });
  for (const [i, p] of ((doc.Parameters as unknown[] | undefined) ?? []).entries()) {
    if (
      !isObject(p) ||
      typeof p.Name !== 'string' ||
      !['String', 'Integer', 'Float', 'Boolean'].includes(p.Type as string)
    ) {
      problems.push({
        path: `Parameters[${i}]`,
        message: 'needs Name and Type String|Integer|Float|Boolean',
      });
      continue;
    }
    if (parameters.some((q) => q.Name === p.Name))
      problems.push({ path: `Parameters[${i}]`, message: `duplicate parameter ${p.Name}` });
    parameters.push(p as unknown as DefinitionParameter);
  }

  const steps: DefinitionStep[] = [];
  const walk = (list: unknown, path: string, gate?: DefinitionStep['gate']): void => {
    if (!Array.isArray(list)) {
      problems.push({ path, message: 'not an array' });
      return;
    }
    for (const [i, s] of list.entries()) {
      const at = `${path}[${i}]`;
      if (!isObject(s) || typeof s.Name !== 'string' || typeof s.Type !== 'string') {
        problems.push({ path: at, message: 'a step needs Name and Type' });
        continue;
      }
      if (!STEP_NAME.test(s.Name))
        problems.push({ path: `${at}.Name`, message: `invalid step name ${JSON.stringify(s.Name)}` });
      if (steps.some((t) => t.name === s.Name))
        problems.push({ path: `${at}.Name`, message: `duplicate step name ${s.Name}` });
      if (!isObject(s.Arguments))
        problems.push({ path: `${at}.Arguments`, message: 'missing or not an object' });
      const step: DefinitionStep = {
        name: s.Name,
        type: s.Type,
        json: s,
        deps: [],
        index: steps.length,
        ...(gate ? { gate } : {}),
      };
      steps.push(step);
      if (s.DependsOn !== undefined) {
        if (!Array.isArray(s.DependsOn) || s.DependsOn.some((d) => typeof d !== 'string'))
          problems.push({ path: `${at}.DependsOn`, message: 'not an array of step names' });
        else step.deps.push(...(s.DependsOn as string[]));
      }
      if (s.Type === 'Condition' && isObject(s.Arguments)) {
        const args = s.Arguments;
        walk(args.IfSteps ?? [], `${at}.Arguments.IfSteps`, { condition: s.Name, branch: true });
        walk(args.ElseSteps ?? [], `${at}.Arguments.ElseSteps`, { condition: s.Name, branch: false });
        for (const g of collectGets(args.Conditions)) addRef(step, g, `${at}.Arguments.Conditions`);
      } else {
        for (const g of collectGets(s.Arguments)) addRef(step, g, `${at}.Arguments`);
      }
    }
  };
  const refs: { step: DefinitionStep; get: string; path: string }[] = [];
  const addRef = (step: DefinitionStep, get: string, path: string): void => {
    refs.push({ step, get, path });
  };
  walk(doc.Steps, 'Steps');

  const names = new Set(steps.map((s) => s.name));
  for (const { step, get, path } of refs) {
    const [root, name] = get.split('.', 2) as [string, string | undefined];
    if (root === 'Steps') {
      const m = /^Steps\.([A-Za-z0-9_-]+)/.exec(get);
      if (!m || !names.has(m[1]!))
        problems.push({ path, message: `Get ${JSON.stringify(get)}: no such step` });
      else if (m[1] === step.name)
        problems.push({ path, message: `Get ${JSON.stringify(get)}: a step cannot reference itself` });
      else step.deps.push(m[1]!);
    } else if (root === 'Parameters') {
      if (!parameters.some((p) => p.Name === name))
        problems.push({ path, message: `Get ${JSON.stringify(get)}: parameter not declared` });
    } else if (root === 'Execution') {
      if (!EXECUTION_VARIABLES.has(name ?? ''))
        problems.push({ path, message: `Get ${JSON.stringify(get)}: unknown execution variable` });
    } else if (root !== 'PipelineExperimentConfig') {
      problems.push({ path, message: `Get ${JSON.stringify(get)}: unknown reference` });
    }
  }
  for (const step of steps) {
    step.deps = [...new Set(step.deps)];
    for (const d of step.deps) {
      if (!names.has(d))
        problems.push({ path: `Steps[${step.name}].DependsOn`, message: `no such step ${d}` });
      if (d === step.name)
        problems.push({ path: `Steps[${step.name}].DependsOn`, message: 'a step cannot depend on itself' });
    }
  }

  // Cycles (through DependsOn and data references; a branch step also waits for its condition).
  const state = new Map<string, 'visiting' | 'done'>();
  const byName = new Map(steps.map((s) => [s.name, s]));
  const visit = (s: DefinitionStep, trail: string[]): void => {
    const st = state.get(s.name);
    if (st === 'done') return;
    if (st === 'visiting') {
      problems.push({ path: 'Steps', message: `dependency cycle: ${[...trail, s.name].join(' → ')}` });
      return;
    }
    state.set(s.name, 'visiting');
    const next = [...s.deps, ...(s.gate ? [s.gate.condition] : [])];
    for (const d of next) {
      const t = byName.get(d);
      if (t) visit(t, [...trail, s.name]);
    }
    state.set(s.name, 'done');
  };
  for (const s of steps) visit(s, []);

  const sm = loadApiModel('sagemaker');
  for (const step of steps) {
    const op = STEP_OPERATIONS[step.type];
    if (!op || !isObject(step.json.Arguments)) continue;
    for (const v of validateRequest(sm, op.operation, step.json.Arguments, {
      allowExpressions: true,
      omitted: op.omitted,
    })) {
      argumentViolations.push({ ...v, step: step.name });
    }
  }
  return problems.length > 0
    ? { problems, argumentViolations }
    : { definition: { parameters, steps }, problems, argumentViolations };
}
