// Quality gates through the config phase and the compiler, against the SDK's ConditionStep / FailStep / JsonGet
// (__tests__/fixtures/sdk-golden/90_end_to_end_abalone.json: CheckMse gates the register step on the Evaluate
// step's EvaluationReport; 08_fail_step_join_condition_outcome.json: a Fail step whose message is a Std:Join).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { allDefinitionSteps } from '../../../src/compile/branches.js';
import type { DefinitionStep, Plan } from '../../../src/compile/types.js';
import { stepGraph } from '../../../src/plan/graph.js';
import { planDag } from '../../../src/plan/dag.js';
import { diffDefinitions } from '../../../src/plan/diff.js';
import { modelPackageGroups } from '../../../src/plan/model-groups.js';
import { cleanup, compileEditedUnit, errorsOf, planOf } from '../../helpers/edited-unit.js';
import type { EditedUnit } from '../../helpers/edited-unit.js';

const GOLDEN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/sdk-golden');
type Obj = Record<string, unknown>;
const read = (f: string): { Steps: Obj[] } =>
  JSON.parse(readFileSync(path.join(GOLDEN, f), 'utf8')) as { Steps: Obj[] };
const abalone = read('90_end_to_end_abalone.json');
const sdkCondition = abalone.Steps.find((s) => s.Type === 'Condition')! as {
  Name: string;
  Arguments: { Conditions: Obj[]; IfSteps: Obj[]; ElseSteps: Obj[] };
};
const sdkEvaluate = abalone.Steps.find((s) => s.Name === 'Evaluate')! as { PropertyFiles: Obj[] };
const sdkFail = read('08_fail_step_join_condition_outcome.json').Steps.find((s) => s.Type === 'Fail')!;

afterAll(cleanup);

const GATE = `            quality_gate:
              - metric: binary_classification_metrics.auc.value
                min: 0.80
              - metric: regression_metrics.mse.value
                max: \${param:MaxMse}
`;

function project(edit: (conf: string) => string = (c) => c): EditedUnit {
  return compileEditedUnit((conf) =>
    edit(
      conf
        .replace('ModelRepack: "False"', 'ModelRepack: "True"')
        .replace(
          '          - step_name: register\n            step_class: RegisterModel\n',
          () => `          - step_name: register\n            step_class: RegisterModel\n${GATE}`,
        )
        .replace(
          '    pipelineName: p-test\n',
          '    pipelineName: p-test\n    parameters:\n      MaxMse: { type: Float, default: 6.0 }\n',
        ),
    ),
  );
}

const compiled = (): Plan => planOf(project());

const plan = compiled();
const gate = plan.definition.Steps.find((s) => s.Name === 'register-QualityGate')!;
const gateArgs = gate.Arguments as unknown as {
  Conditions: Obj[];
  IfSteps: DefinitionStep[];
  ElseSteps: DefinitionStep[];
};

describe('the gate is a Condition step in the SDK shape', () => {
  it('sits where the register step was, with the register (and repack) steps as IfSteps', () => {
    const top = plan.definition.Steps.map((s) => s.Name);
    expect(top).not.toContain('register');
    expect(top.at(-1)).toBe('register-QualityGate');
    expect(gate.Type).toBe(sdkCondition.Name === 'CheckMse' ? 'Condition' : '?');
    expect(Object.keys(gate)).toEqual(['Name', 'Type', 'Arguments', 'DependsOn']);
    expect(Object.keys(gate.Arguments)).toEqual(Object.keys(sdkCondition.Arguments));
    // The SDK puts the whole register StepCollection (RegisterModel and its repack Training) in IfSteps.
    expect(sdkCondition.Arguments.IfSteps.map((s) => s.Type)).toEqual(
      expect.arrayContaining(['RegisterModel', 'Training']),
    );
    // Here the register step reuses the CreateModel step's repacked model: it is alone in IfSteps.
    expect(gateArgs.IfSteps.map((s) => [s.Name, s.Type])).toEqual([['register', 'RegisterModel']]);
    // The configured dependency (metrics >> register) lands on the Condition step.
    expect(gate.DependsOn).toEqual(['metrics']);
    expect(gateArgs.IfSteps.every((s) => s.DependsOn === undefined)).toBe(true);
  });

  it('compares each metric, read with Std:JsonGet from the Metrics step property file', () => {
    const [sdkCond] = sdkCondition.Arguments.Conditions as [
      {
        Type: string;
        LeftValue: { 'Std:JsonGet': { PropertyFile: { Get: string }; Path: string } };
        RightValue: unknown;
      },
    ];
    const sdkGet = sdkCond.LeftValue['Std:JsonGet'].PropertyFile.Get;
    // SDK: Steps.<step>.PropertyFiles.<PropertyFileName>, the name declared in that step's PropertyFiles.
    expect(sdkGet).toBe(
      `Steps.Evaluate.PropertyFiles.${String(sdkEvaluate.PropertyFiles[0]!.PropertyFileName)}`,
    );
    const metrics = plan.definition.Steps.find((s) => s.Name === 'metrics')!;
    const file = metrics.PropertyFiles![0]!.PropertyFileName;
    const jsonGet = (p: string): Obj => ({
      'Std:JsonGet': { PropertyFile: { Get: `Steps.metrics.PropertyFiles.${file}` }, Path: p },
    });
    expect(Object.keys(sdkCond)).toEqual(['Type', 'LeftValue', 'RightValue']);
    expect(Object.keys(sdkCond.LeftValue['Std:JsonGet'])).toEqual(['PropertyFile', 'Path']);
    expect(gateArgs.Conditions).toEqual([
      {
        Type: 'GreaterThanOrEqualTo',
        LeftValue: jsonGet('binary_classification_metrics.auc.value'),
        RightValue: 0.8,
      },
      // A parameter threshold, as the SDK's CheckMse: LessThanOrEqualTo against {"Get": "Parameters.MseThreshold"}.
      {
        Type: sdkCond.Type,
        LeftValue: jsonGet('regression_metrics.mse.value'),
        RightValue: { Get: 'Parameters.MaxMse' },
      },
    ]);
  });

  it('fails the execution through a Fail step that names each metric, its value and its threshold', () => {
    expect(gateArgs.ElseSteps).toHaveLength(1);
    const fail = gateArgs.ElseSteps[0]!;
    expect(Object.keys(fail)).toEqual(Object.keys(sdkFail));
    expect(Object.keys(fail.Arguments)).toEqual(Object.keys(sdkFail.Arguments as Obj));
    expect(fail).toMatchObject({ Name: 'register-QualityGateFailed', Type: 'Fail' });
    const get = (p: string): Obj =>
      gateArgs.Conditions.find((c) => JSON.stringify(c).includes(p))!.LeftValue as Obj;
    expect(fail.Arguments.ErrorMessage).toEqual({
      'Std:Join': {
        On: '',
        Values: [
          'quality gate failed for register: auc=',
          get('auc'),
          ' (min 0.80); mse=',
          get('mse'),
          ' (max ',
          { Get: 'Parameters.MaxMse' },
          ')',
        ],
      },
    });
  });

  it('keeps the register step otherwise as it was, and its model package group is still created', () => {
    const plain = project((c) => c.replace(GATE, ''));
    const { DependsOn, ...before } = allDefinitionSteps(plain.plan!.definition.Steps).find(
      (s) => s.Name === 'register',
    )!;
    expect(DependsOn).toEqual(['metrics']);
    expect(gateArgs.IfSteps.find((s) => s.Name === 'register')).toEqual(before);
    expect(modelPackageGroups(plan)).toEqual(['p-test-m']);
    expect(plan.origins.get('register-QualityGateFailed')).toMatchObject({
      model: 'm',
      configured: 'register',
    });
  });

  it('shows as a diamond between Metrics and Register in the graph; the plan diff sees branch steps', () => {
    const g = stepGraph(plan.definition);
    expect(g.edges).toEqual(
      expect.arrayContaining([
        { from: 'metrics', to: 'register-QualityGate', kind: 'depends' },
        { from: 'register-QualityGate', to: 'register', kind: 'depends' },
        { from: 'register-QualityGate', to: 'register-QualityGateFailed', kind: 'depends' },
      ]),
    );
    const mermaid = planDag(
      plan.definition,
      new Map([...plan.origins].map(([n, o]) => [n, o.model])),
      undefined,
    ).mermaid;
    expect(mermaid).toMatch(/\{"register-QualityGate<br\/><small>Condition<\/small>"\}/);
    const plain = project((c) => c.replace(GATE, '')).plan!;
    const d = diffDefinitions(plain.definition, plan.definition);
    expect(d.steps.added.map((s) => s.name).sort()).toEqual([
      'register-QualityGate',
      'register-QualityGateFailed',
    ]);
    expect(d.steps.removed).toEqual([]);
    // The register step moved under the gate: it now runs after it.
    expect(d.steps.changed).toEqual([]);
    expect(d.edges.removed).toEqual([{ from: 'metrics', to: 'register', kind: 'depends' }]);
  });
});

it('a register step that repacks its own model takes its repack step into IfSteps', () => {
  // Retrained after evaluation (a second Training after the CreateModel): register packs that model itself.
  const r = project((c) =>
    c.replace(
      '          - step_name: register\n',
      '          - step_name: retrain\n            step_class: Training\n            chain_input_source_step: [prep]\n          - step_name: register\n',
    ),
  );
  const g = planOf(r).definition.Steps.find((s) => s.Type === 'Condition')!;
  const ifSteps = g.Arguments.IfSteps as unknown as DefinitionStep[];
  expect(ifSteps.map((s) => [s.Name, s.Type])).toEqual([
    ['register-RepackModel', 'Training'],
    ['register', 'RegisterModel'],
  ]);
  // The repack reads the retrained artifact (outside the branch), the register step the repack's (inside).
  expect(JSON.stringify(ifSteps[0]!.Arguments)).toContain('Steps.retrain.ModelArtifacts.S3ModelArtifacts');
  expect(JSON.stringify(ifSteps[1]!.Arguments)).toContain('Steps.register-RepackModel.ModelArtifacts');
});

describe('gate errors, with positions', () => {
  const errors = errorsOf;

  it('a gate in a unit without a Metrics step', () => {
    const r = project((c) =>
      c
        .replace(
          '          - step_name: metrics\n            step_class: Metrics\n            chain_input_source_step: [prep, transform]\n',
          '',
        )
        .replace(' >> metrics', ''),
    );
    const e = errors(r);
    expect(e.map((d) => d.code)).toEqual(['quality-gate-needs-metrics']);
    expect(e[0]!.loc).toMatchObject(r.pos('quality_gate:'));
    expect(e[0]!.message).toContain('has no Metrics step before `register`');
  });

  it('a gate on another step class, a rule without bounds, an empty range, a String threshold parameter', () => {
    const r = project((c) =>
      c
        .replace(GATE, `${GATE}              - metric: other\n`)
        .replace(
          '            step_class: Training\n',
          `            step_class: Training\n            quality_gate: [{ metric: a.b, min: 1 }]\n`,
        )
        .replace('                min: 0.80\n', '                min: 0.80\n                max: 0.5\n')
        .replace('MaxMse: { type: Float, default: 6.0 }', 'MaxMse: { type: String, default: "6" }'),
    );
    expect(
      errors(r)
        .map((d) => d.code)
        .sort(),
    ).toEqual([
      'parameter-type-mismatch',
      'quality-gate-empty-range',
      'quality-gate-no-bound',
      'quality-gate-not-register',
    ]);
  });
});
