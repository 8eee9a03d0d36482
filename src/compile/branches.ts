// Steps nested in Condition branches: every step of a definition, depth first, with the branch it runs in.
import type { DefinitionStep, PipelineDefinition, Value } from './types.js';

export interface PlacedStep {
  readonly step: DefinitionStep;
  /** The Condition step and branch (true: IfSteps) this step runs under; undefined at the top level. */
  readonly gate: { readonly condition: string; readonly branch: boolean } | undefined;
  /** Every enclosing Condition, outermost first. */
  readonly conditions: readonly string[];
}

function branch(step: DefinitionStep, key: 'IfSteps' | 'ElseSteps'): DefinitionStep[] {
  if (step.Type !== 'Condition') return [];
  const list = step.Arguments[key];
  return Array.isArray(list) ? (list as unknown as DefinitionStep[]) : [];
}

/** All steps, each Condition before the steps of its branches. */
export function placedSteps(
  steps: readonly DefinitionStep[],
  conditions: readonly string[] = [],
): PlacedStep[] {
  const out: PlacedStep[] = [];
  const gate = (c: string | undefined, b: boolean): PlacedStep['gate'] =>
    c ? { condition: c, branch: b } : undefined;
  const walk = (list: readonly DefinitionStep[], within: readonly string[], g: PlacedStep['gate']): void => {
    for (const s of list) {
      out.push({ step: s, gate: g, conditions: within });
      if (s.Type !== 'Condition') continue;
      walk(branch(s, 'IfSteps'), [...within, s.Name], gate(s.Name, true));
      walk(branch(s, 'ElseSteps'), [...within, s.Name], gate(s.Name, false));
    }
  };
  walk(steps, conditions, undefined);
  return out;
}

export function allDefinitionSteps(steps: readonly DefinitionStep[]): DefinitionStep[] {
  return placedSteps(steps).map((p) => p.step);
}

/**
 * The definition as one flat list, for the plan's graph and diff: a branch step gets its Condition in
 * DependsOn (it runs after it), and a Condition's branches become the names of their steps.
 */
export function flatSteps(def: Pick<PipelineDefinition, 'Steps'>): DefinitionStep[] {
  return placedSteps(def.Steps).map(({ step, gate }) => {
    let s = step;
    if (s.Type === 'Condition') {
      const names = (k: 'IfSteps' | 'ElseSteps'): Value[] => branch(s, k).map((x) => x.Name);
      s = { ...s, Arguments: { ...s.Arguments, IfSteps: names('IfSteps'), ElseSteps: names('ElseSteps') } };
    }
    if (gate) s = { ...s, DependsOn: [...(s.DependsOn ?? []), gate.condition] };
    return s;
  });
}
