// verifyDefinition: the compiler's own guard. Each case compiles a valid project, mutates a deep copy of its
// definition in one way, and expects exactly the diagnostic code for that fault; the unmodified copy is clean.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { compileProject } from '../../../src/compile/compile.js';
import type { PipelineDefinition, Plan } from '../../../src/compile/types.js';
import { verifyDefinition } from '../../../src/compile/verify.js';
import { formatDiagnostic } from '../../../src/config/diagnostics.js';
import { loadProject } from '../../../src/config/load.js';
import { fullUnitFiles, makeWorkspace, TEST_ENV } from '../../helpers/workspace.js';

type Obj = Record<string, unknown>;
interface MutableStep {
  Name: string;
  Type: string;
  Arguments: Obj;
  DependsOn?: string[];
  PropertyFiles?: { PropertyFileName: string; OutputName: string; FilePath: string }[];
  [k: string]: unknown;
}
interface MutableDefinition {
  Parameters: unknown[];
  Steps: MutableStep[];
  [k: string]: unknown;
}

const workspace = makeWorkspace(fullUnitFiles());
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

function compilePlan(): Plan {
  const loaded = loadProject({
    workspace,
    globs: ['*/conf/*.yaml'],
    env: TEST_ENV,
    allowPlaceholders: false,
  });
  if (!loaded.config) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
  const { plan, diagnostics } = compileProject(loaded.config);
  if (!plan) throw new Error(diagnostics.map(formatDiagnostic).join('\n'));
  return plan;
}
const plan = compilePlan();

/** A deep, mutable copy of the compiled definition. */
function copy(): MutableDefinition {
  return structuredClone(plan.definition) as unknown as MutableDefinition;
}

function step(def: MutableDefinition, name: string): MutableStep {
  const s = def.Steps.find((x) => x.Name === name);
  if (!s) throw new Error(`no step ${name}`);
  return s;
}

function verify(def: MutableDefinition) {
  return verifyDefinition(def as unknown as PipelineDefinition, plan.origins);
}
const codes = (def: MutableDefinition): string[] => verify(def).map((d) => d.code);

/** Points the train step's first input channel at `get` (a Get path). */
function trainInputGet(def: MutableDefinition, get: string): void {
  const channels = step(def, 'train').Arguments.InputDataConfig as {
    DataSource: { S3DataSource: { S3Uri: unknown } };
  }[];
  channels[0]!.DataSource.S3DataSource.S3Uri = { Get: get };
}

describe('verifyDefinition', () => {
  it('the compiled definition has no diagnostics', () => {
    expect(verify(copy())).toEqual([]);
    expect(verifyDefinition(plan.definition, plan.origins)).toEqual([]);
  });

  it('the fixture exercises every kind of reference the cases mutate', () => {
    const def = copy();
    expect(def.Steps.map((s) => [s.Name, s.Type])).toEqual([
      ['prep', 'Processing'],
      ['train', 'Training'],
      ['create', 'Model'],
      ['transform', 'Transform'],
      ['metrics', 'Processing'],
      ['register', 'RegisterModel'],
    ]);
    expect(JSON.stringify(step(def, 'train').Arguments)).toContain(
      "Steps.prep.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri",
    );
  });

  const cases: [string, string, (def: MutableDefinition) => void][] = [
    [
      'a step name SageMaker refuses',
      'definition-step-name',
      (def) => {
        step(def, 'register').Name = 'register model!';
      },
    ],
    [
      'a step name longer than 64 characters',
      'definition-step-name',
      (def) => {
        step(def, 'register').Name = 'r'.repeat(65);
      },
    ],
    [
      'two steps with the same name',
      'definition-duplicate-step',
      (def) => {
        def.Steps.push(structuredClone(step(def, 'register')));
      },
    ],
    [
      'a Get of an unknown step',
      'definition-unknown-step-reference',
      (def) => trainInputGet(def, "Steps.nope.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri"),
    ],
    [
      'a property the step type lacks (ModelArtifacts on a Processing step)',
      'definition-bad-property',
      (def) => trainInputGet(def, 'Steps.prep.ModelArtifacts.S3ModelArtifacts'),
    ],
    [
      'a property the step type lacks (ProcessingOutputConfig on a Transform step)',
      'definition-bad-property',
      (def) => trainInputGet(def, "Steps.transform.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri"),
    ],
    [
      'an unknown processing output name',
      'definition-unknown-output',
      (def) => trainInputGet(def, "Steps.prep.ProcessingOutputConfig.Outputs['nope'].S3Output.S3Uri"),
    ],
    [
      'an unknown property file',
      'definition-unknown-property-file',
      (def) => {
        step(def, 'register').Arguments.ModelPackageDescription = {
          'Std:JsonGet': { PropertyFile: { Get: 'Steps.metrics.PropertyFiles.Nope' }, Path: 'metrics.mse' },
        };
      },
    ],
    [
      'a step that refers to its own property',
      'definition-self-reference',
      (def) => trainInputGet(def, 'Steps.train.ModelArtifacts.S3ModelArtifacts'),
    ],
    [
      'DependsOn an unknown step',
      'definition-unknown-dependency',
      (def) => {
        step(def, 'register').DependsOn = ['metrics', 'ghost'];
      },
    ],
    [
      'DependsOn itself',
      'definition-self-dependency',
      (def) => {
        step(def, 'register').DependsOn = ['metrics', 'register'];
      },
    ],
    [
      'a cycle through DependsOn and data references',
      'definition-cycle',
      (def) => {
        // prep → train (data) → create (DependsOn, data) → … → register; register → prep closes it.
        step(def, 'prep').DependsOn = ['register'];
      },
    ],
    [
      'a cycle through data references only',
      'definition-cycle',
      (def) => {
        step(def, 'prep').Arguments.Environment = { MODEL: { Get: 'Steps.create.ModelName' } };
      },
    ],
    [
      'an SMP_ token left in a string',
      'definition-unresolved-token',
      (def) => {
        step(def, 'prep').Arguments.Environment = { BUCKET: 's3://SMP_FOO/data' };
      },
    ],
    [
      'an SMP_ token with digits left in an s3:// URI (SMP_S3BUCKETNAME)',
      'definition-unresolved-token',
      (def) => {
        step(def, 'prep').Arguments.Environment = { BUCKET: 's3://SMP_S3BUCKETNAME/data' };
      },
    ],
    [
      'an SMP_ token with digits left in a dotted string',
      'definition-unresolved-token',
      (def) => {
        step(def, 'train').Arguments.Environment = {
          IMAGE: 'SMP_ACCOUNT2.dkr.ecr.us-east-1.amazonaws.com/x:1',
        };
      },
    ],
    [
      'an unknown Execution variable',
      'definition-bad-reference',
      (def) => trainInputGet(def, 'Execution.PipelineExecutionNumber'),
    ],
    [
      'an undeclared parameter',
      'definition-bad-reference',
      (def) => trainInputGet(def, 'Parameters.InputData'),
    ],
  ];

  it.each(cases)('%s → %s', (_what, code, mutate) => {
    const def = copy();
    mutate(def);
    expect(codes(def)).toEqual([code]);
  });

  it('every kind of fault has its own code', () => {
    expect([...new Set(cases.map(([, code]) => code))].sort()).toEqual([
      'definition-bad-property',
      'definition-bad-reference',
      'definition-cycle',
      'definition-duplicate-step',
      'definition-self-dependency',
      'definition-self-reference',
      'definition-step-name',
      'definition-unknown-dependency',
      'definition-unknown-output',
      'definition-unknown-property-file',
      'definition-unknown-step-reference',
      'definition-unresolved-token',
    ]);
  });

  it('a declared parameter and a known property file are fine', () => {
    const def = copy();
    def.Parameters = [{ Name: 'InputData', Type: 'String', DefaultValue: 's3://example-bucket/x' }];
    trainInputGet(def, 'Parameters.InputData');
    step(def, 'register').Arguments.ModelPackageDescription = {
      'Std:JsonGet': { PropertyFile: { Get: 'Steps.metrics.PropertyFiles.EvaluationReport' }, Path: 'mse' },
    };
    expect(verify(def)).toEqual([]);
  });

  it('diagnostics point at the configured step', () => {
    const def = copy();
    trainInputGet(def, "Steps.nope.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri");
    const [d] = verify(def);
    expect(d).toMatchObject({
      severity: 'error',
      code: 'definition-unknown-step-reference',
      path: 'step train',
      loc: plan.origins.get('train')!.loc,
    });
    expect(d!.loc).toMatchObject({ file: 'm/conf/conf.yaml' });
    expect(d!.message).toContain('nope');
  });

  it('reports every fault of a definition with several', () => {
    const def = copy();
    trainInputGet(def, 'Steps.prep.ModelArtifacts.S3ModelArtifacts');
    step(def, 'register').DependsOn = ['ghost'];
    step(def, 'metrics').Arguments.Environment = { X: 'SMP_BAR' };
    expect(codes(def).sort()).toEqual([
      'definition-bad-property',
      'definition-unknown-dependency',
      'definition-unresolved-token',
    ]);
  });
});
