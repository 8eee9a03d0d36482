// Every step's Arguments, as compiled from the five examples, is a valid request of the SageMaker API the
// step type calls (botocore's service model, trimmed: __tests__/fixtures/api-models/sagemaker.json), with
// pipeline expressions standing in for scalars. Checked with the seed settings, and again with SMP_KMSKEY and
// ModelRepack "True" (which adds repack training steps).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { allDefinitionSteps } from '../../../src/compile/branches.js';
import { compileProject } from '../../../src/compile/compile.js';
import type { DefinitionStep, Plan } from '../../../src/compile/types.js';
import { formatDiagnostic } from '../../../src/config/diagnostics.js';
import { findConfigFiles } from '../../../src/config/find.js';
import { DiagnosticBag } from '../../../src/config/diagnostics.js';
import { loadProject } from '../../../src/config/load.js';
import { formatViolations, loadApiModel, validateRequest } from '../../helpers/api-model.js';
import type { ApiViolation } from '../../helpers/api-model.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The example list of scripts/examples.mjs (read, not imported: importing it runs the CLI on each). */
function examples(): { name: string; config: string }[] {
  const src = readFileSync(path.join(REPO, 'scripts', 'examples.mjs'), 'utf8');
  const out = [...src.matchAll(/\{\s*name:\s*'([^']+)',\s*config:\s*'([^']+)'\s*\}/g)].map((m) => ({
    name: m[1]!,
    config: m[2]!,
  }));
  if (out.length !== 6) throw new Error(`expected 6 examples in scripts/examples.mjs, found ${out.length}`);
  return out;
}
const EXAMPLES = examples();

const SEED_ENV = {
  SMP_S3BUCKETNAME: 'example-bucket',
  SMP_ROLE: 'arn:aws:iam::111122223333:role/SageMakerExecution',
  SMP_REGION: 'us-east-1',
  SMP_SUBNETS: 'subnet-0aaa1111,subnet-0bbb2222',
  SMP_SECURITYGROUPS: 'sg-0ccc3333',
} as const;
const KMS_ENV = {
  ...SEED_ENV,
  SMP_KMSKEY: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
} as const;

/** Condition and Fail steps call no API (the compiler's verifier checks their shape). */
const OPERATIONS: Partial<Record<DefinitionStep['Type'], { operation: string; omitted: string[] }>> = {
  Processing: { operation: 'CreateProcessingJob', omitted: ['ProcessingJobName'] },
  Training: { operation: 'CreateTrainingJob', omitted: ['TrainingJobName'] },
  Model: { operation: 'CreateModel', omitted: ['ModelName'] },
  Transform: { operation: 'CreateTransformJob', omitted: ['TransformJobName'] },
  RegisterModel: { operation: 'CreateModelPackage', omitted: [] },
};

const sm = loadApiModel('sagemaker');

function compileExample(workspace: string, glob: string, env: Readonly<Record<string, string>>): Plan {
  const loaded = loadProject({ workspace, globs: [glob], env, allowPlaceholders: false });
  if (!loaded.config) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
  const { plan, diagnostics } = compileProject(loaded.config);
  if (!plan) throw new Error(diagnostics.map(formatDiagnostic).join('\n'));
  return plan;
}

function check(step: DefinitionStep): ApiViolation[] {
  const op = OPERATIONS[step.Type];
  if (!op) return [];
  const { operation, omitted } = op;
  return validateRequest(sm, operation, step.Arguments, { allowExpressions: true, omitted });
}

/** `name (Type): violations` for every step with any, for one readable assertion message. */
function report(plan: Plan): string {
  // Steps inside quality-gate branches too.
  return allDefinitionSteps(plan.definition.Steps)
    .map((s) => [s, check(s)] as const)
    .filter(([, v]) => v.length > 0)
    .map(([s, v]) => `${s.Name} (${s.Type}):\n${formatViolations(v)}`)
    .join('\n\n');
}

/** A copy of the repository's examples/ with ModelRepack "True" wherever the model has an inference script. */
const variantRoot = mkdtempSync(path.join(tmpdir(), 'smp-api-variant-'));
afterAll(() => rmSync(variantRoot, { recursive: true, force: true }));
cpSync(path.join(REPO, 'examples'), path.join(variantRoot, 'examples'), { recursive: true });
const bag = new DiagnosticBag();
for (const ex of EXAMPLES) {
  for (const file of findConfigFiles([ex.config], variantRoot, bag).files) {
    const abs = path.join(variantRoot, file);
    const text = readFileSync(abs, 'utf8');
    // A model without transform.entry_point has no inference script to pack: ModelRepack "True" is an error there.
    // A scoring unit (model_package) has no registry section: its package brings the model.
    if (/^\s{6}transform:\s*$/m.test(text) && !/^\s{6}model_package:/m.test(text)) {
      if (!/ModelRepack: 'False'/.test(text)) throw new Error(`${file}: no ModelRepack: 'False' to flip`);
      writeFileSync(abs, text.replace(/ModelRepack: 'False'/g, "ModelRepack: 'True'"));
    }
  }
}

describe.each(EXAMPLES)('example $name: step Arguments are valid SageMaker requests', ({ config }) => {
  it('with the seed settings', () => {
    const plan = compileExample(REPO, config, SEED_ENV);
    expect(plan.definition.Steps.length).toBeGreaterThan(0);
    expect(report(plan)).toBe('');
  });

  it('with SMP_KMSKEY and ModelRepack "True"', () => {
    const plan = compileExample(variantRoot, config, KMS_ENV);
    expect(report(plan)).toBe('');
    // The variant does what it says: keys are set, and models with an inference script are repacked.
    expect(plan.definitionJson).toContain(KMS_ENV.SMP_KMSKEY);
    const steps = allDefinitionSteps(plan.definition.Steps);
    const hasModel =
      plan.modelPackages.length === 0 && steps.some((s) => s.Type === 'Model' || s.Type === 'RegisterModel');
    if (hasModel) expect(steps.some((s) => s.Name.endsWith('-RepackModel'))).toBe(true);
  });
});

it('the gated example has every new construct, and its branch steps are checked too', () => {
  const plan = compileExample(REPO, EXAMPLES.find((e) => e.name === 'tf-gated')!.config, SEED_ENV);
  const steps = allDefinitionSteps(plan.definition.Steps);
  expect(new Set(steps.map((s) => s.Type))).toEqual(
    new Set(['Processing', 'Training', 'Model', 'Transform', 'RegisterModel', 'Condition', 'Fail']),
  );
  expect(plan.definition.Parameters.length).toBeGreaterThan(0);
  expect(steps.some((s) => s.RetryPolicies)).toBe(true);
  expect(plan.definitionJson).toContain('"EnableManagedSpotTraining":true');
  // A fault in the register step inside the gate's IfSteps is found.
  const broken = structuredClone(plan);
  const gate = broken.definition.Steps.find((s) => s.Type === 'Condition')!;
  const register = (gate.Arguments.IfSteps as unknown as DefinitionStep[])[0]!;
  (register.Arguments as Record<string, unknown>).ModelApprovalStatus = 'Maybe';
  expect(report(broken)).toContain('ModelApprovalStatus');
});

describe('the check can fail', () => {
  const plan = compileExample(REPO, EXAMPLES.find((e) => e.name === 'tf')!.config, SEED_ENV);

  it('covers every step type', () => {
    expect(new Set(plan.definition.Steps.map((s) => s.Type))).toEqual(
      new Set(['Processing', 'Training', 'Model', 'Transform', 'RegisterModel']),
    );
  });

  it('a Training step with an unknown instance type and no role is reported', () => {
    const training = structuredClone(plan.definition.Steps.find((s) => s.Type === 'Training')!);
    const args = training.Arguments as Record<string, Record<string, unknown> | string>;
    (args.ResourceConfig as Record<string, unknown>).InstanceType = 'ml.bogus.xlarge';
    delete args.RoleArn;
    const v = check(training);
    expect(v.map((x) => [x.path, x.rule])).toEqual(
      expect.arrayContaining([
        ['ResourceConfig.InstanceType', 'enum'],
        ['RoleArn', 'required'],
      ]),
    );
  });

  it('a Processing input with a member the API lacks is reported', () => {
    const processing = structuredClone(plan.definition.Steps.find((s) => s.Type === 'Processing')!);
    const inputs = processing.Arguments.ProcessingInputs as Record<string, unknown>[];
    inputs[0]!.Destination = '/opt/ml/processing/input';
    expect(check(processing).map((x) => [x.path, x.rule])).toEqual([
      ['ProcessingInputs[0].Destination', 'unknown-member'],
    ]);
  });

  it('an expression where the API wants a structure is reported', () => {
    const model = structuredClone(plan.definition.Steps.find((s) => s.Type === 'Model')!);
    (model.Arguments as Record<string, unknown>).PrimaryContainer = { Get: 'Steps.x.ModelName' };
    expect(check(model).map((x) => x.rule)).toContain('type');
  });
});
