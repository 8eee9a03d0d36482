// verifyDefinition on Condition and Fail steps: each case compiles the gated example's definition, mutates a copy
// in one way and expects exactly the diagnostic code for that fault; the unmodified copy is clean.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileProject } from '../../../src/compile/compile.js';
import type { PipelineDefinition } from '../../../src/compile/types.js';
import { verifyDefinition } from '../../../src/compile/verify.js';
import { formatDiagnostic } from '../../../src/config/diagnostics.js';
import { loadProject } from '../../../src/config/load.js';
import { TEST_ENV } from '../../helpers/workspace.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
type Obj = Record<string, unknown>;
interface Step {
  Name: string;
  Type: string;
  Arguments: Obj;
  DependsOn?: string[];
  RetryPolicies?: unknown[];
  [k: string]: unknown;
}
interface Def {
  Parameters: Obj[];
  Steps: Step[];
  [k: string]: unknown;
}

const loaded = loadProject({
  workspace: REPO,
  globs: ['examples/tf-gated/conf/conf.yaml'],
  env: TEST_ENV,
  allowPlaceholders: false,
});
if (!loaded.config) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
const compiled = compileProject(loaded.config);
const plan = compiled.plan!;

const copy = (): Def => structuredClone(plan.definition) as unknown as Def;
const codes = (def: Def): string[] =>
  verifyDefinition(def as unknown as PipelineDefinition, plan.origins).map((d) => d.code);
const top = (def: Def, name: string): Step => def.Steps.find((s) => s.Name === name)!;
const gate = (def: Def): { Conditions: Obj[]; IfSteps: Step[]; ElseSteps: Step[] } =>
  top(def, 'calhousing-Register-QualityGate').Arguments as never;

describe('verifyDefinition with quality gates', () => {
  it('the compiled gated definition has no diagnostics', () => {
    expect(codes(copy())).toEqual([]);
  });

  it('a top-level step that depends on a step inside a branch', () => {
    const def = copy();
    top(def, 'calhousing-Metrics').DependsOn = ['calhousing-Transform', 'calhousing-Register'];
    expect(codes(def)).toEqual(['definition-branch-reference']);
  });

  it('a top-level step that reads a property of a branch step', () => {
    const def = copy();
    const env = { Environment: { PKG: { Get: 'Steps.calhousing-Register.ModelPackageArn' } } };
    Object.assign(top(def, 'calhousing-Transform').Arguments, env);
    expect(codes(def)).toEqual(['definition-branch-reference']);
  });

  it('the else branch reading a step of the if branch', () => {
    const def = copy();
    const fail = gate(def).ElseSteps[0]!;
    fail.Arguments.ErrorMessage = { Get: 'Steps.calhousing-Register.ModelPackageArn' };
    expect(codes(def)).toEqual(['definition-branch-reference']);
  });

  it('a JsonGet on a property file the Metrics step does not declare', () => {
    const def = copy();
    const c = gate(def).Conditions[0] as { LeftValue: { 'Std:JsonGet': { PropertyFile: { Get: string } } } };
    // A new object: the Fail message shares the compiled JsonGet.
    c.LeftValue = {
      'Std:JsonGet': {
        ...c.LeftValue['Std:JsonGet'],
        PropertyFile: { Get: 'Steps.calhousing-Metrics.PropertyFiles.Evaluation' },
      },
    };
    expect(codes(def)).toEqual(['definition-unknown-property-file']);
  });

  it('a numeric comparison against a string or a String parameter', () => {
    const def = copy();
    (gate(def).Conditions[0] as Obj).RightValue = '0.6';
    (gate(def).Conditions[1] as Obj).RightValue = { Get: 'Parameters.TrainInstance' };
    expect(codes(def)).toEqual(['definition-condition-operand', 'definition-condition-operand']);
  });

  it('an unknown condition type, no conditions, retry policies on the Condition', () => {
    const a = copy();
    (gate(a).Conditions[0] as Obj).Type = 'AtLeast';
    expect(codes(a)).toEqual(['definition-condition']);
    const b = copy();
    gate(b).Conditions.splice(0);
    expect(codes(b)).toEqual(['definition-condition']);
    const c = copy();
    top(c, 'calhousing-Register-QualityGate').RetryPolicies = [];
    expect(codes(c)).toEqual(['definition-condition']);
  });

  it('a branch step whose name repeats a top-level step', () => {
    const def = copy();
    gate(def).ElseSteps[0]!.Name = 'calhousing-Metrics';
    expect(codes(def)).toContain('definition-duplicate-step');
  });
});
