// Pipeline parameters through the config phase and the compiler: declarations become the definition's
// `Parameters` and `${param:Name}` references become expressions, in the shapes the SageMaker Python SDK emits
// (__tests__/fixtures/sdk-golden/02_training_step_parameters_cache.json: its Parameters list, a ParameterString
// as S3Uri and InstanceType, ParameterIntegers as hyperparameters through to_string()). Errors are positioned.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runParameters } from '../../../src/compile/parameters.js';
import { parseParameterText } from '../../../src/config/parameter-syntax.js';
import type { DefinitionStep, Plan } from '../../../src/compile/types.js';
import { cleanup, compileEditedUnit, errorsOf, planOf } from '../../helpers/edited-unit.js';
import type { EditedUnit } from '../../helpers/edited-unit.js';

const GOLDEN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/sdk-golden');
type Obj = Record<string, unknown>;
const sdk = JSON.parse(readFileSync(path.join(GOLDEN, '02_training_step_parameters_cache.json'), 'utf8')) as {
  Parameters: Obj[];
  Steps: { Arguments: Obj }[];
};
const sdkTrain = sdk.Steps[0]!.Arguments as {
  ResourceConfig: Obj;
  InputDataConfig: { DataSource: { S3DataSource: Obj } }[];
  HyperParameters: Record<string, unknown>;
};
const sdkParam = (name: string): Obj => sdk.Parameters.find((p) => p.Name === name)!;

afterAll(cleanup);

const PARAMS = `    parameters:
      InputDate: { type: String, default: "2026-01-01" }
      TrainInstance: { type: String, default: ml.m5.xlarge, enum: [ml.m5.xlarge, ml.m5.2xlarge] }
      Epochs: { type: Integer, default: 10 }
      LearningRate: { type: Float, default: 0.001 }
      Verbose: { type: Boolean, default: false }
`;

/** The full unit with parameters declared and used; `edit` rewrites the conf text further. */
function project(edit: (conf: string) => string = (c) => c): EditedUnit {
  return compileEditedUnit((conf) =>
    edit(
      conf
        .replace('    pipelineName: p-test\n', `    pipelineName: p-test\n${PARAMS}`)
        .replace(
          'fileName: s3://SMP_S3BUCKETNAME/raw/data.csv',
          'fileName: s3://SMP_S3BUCKETNAME/raw/${param:InputDate}/data.csv',
        )
        .replace(
          '      train:\n        image_uri: img:1\n        entry_point: train.py\n',
          // A function, so `$$` in the text is not String.replace's escape for `$`.
          () => TRAIN,
        ),
    ),
  );
}

const TRAIN = `      train:
        image_uri: img:1
        entry_point: train.py
        instance_type: \${param:TrainInstance}
        hyperparams:
          epochs: \${param:Epochs}
          lr: \${param:LearningRate}
          verbose: \${param:Verbose}
          tag: run-\${param:InputDate}
          literal: $\${param:Epochs}
        env:
          INPUT_DATE: \${param:InputDate}
`;

const compiled = (): Plan => planOf(project());

const step = (plan: Plan, name: string): DefinitionStep =>
  plan.definition.Steps.find((s) => s.Name === name)!;
const arg = (s: DefinitionStep, ...keys: (string | number)[]): unknown =>
  keys.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], s.Arguments);

describe('declared parameters', () => {
  it('become the definition Parameters in file order, with the SDK keys and key order', () => {
    const params = compiled().definition.Parameters as Obj[];
    expect(params.map((p) => p.Name)).toEqual([
      'InputDate',
      'TrainInstance',
      'Epochs',
      'LearningRate',
      'Verbose',
    ]);
    // The SDK's ParameterString / ParameterInteger / ParameterBoolean entries: Name, Type, DefaultValue.
    expect(Object.keys(params[0]!)).toEqual(Object.keys(sdkParam('InstanceType')));
    expect(Object.keys(params[2]!)).toEqual(Object.keys(sdkParam('InstanceCount')));
    expect(params[0]).toEqual({
      Name: 'InputDate',
      Type: sdkParam('DataSourceS3Uri').Type,
      DefaultValue: '2026-01-01',
    });
    expect(params[2]).toEqual({ Name: 'Epochs', Type: sdkParam('TrainingEpochs').Type, DefaultValue: 10 });
    expect(params[4]).toEqual({
      Name: 'Verbose',
      Type: sdkParam('UseSpotInstances').Type,
      DefaultValue: false,
    });
    expect(params[3]).toEqual({ Name: 'LearningRate', Type: 'Float', DefaultValue: 0.001 });
    // ParameterString(enum_values=…): EnumValues after DefaultValue (docs/pipeline-definition.md §1).
    expect(params[1]).toEqual({
      Name: 'TrainInstance',
      Type: 'String',
      DefaultValue: 'ml.m5.xlarge',
      EnumValues: ['ml.m5.xlarge', 'ml.m5.2xlarge'],
    });
    expect(Object.keys(params[1]!)).toEqual(['Name', 'Type', 'DefaultValue', 'EnumValues']);
  });

  it('turn a whole-value String reference into a Get, as the SDK writes InstanceType', () => {
    const train = step(compiled(), 'train');
    expect(sdkTrain.ResourceConfig.InstanceType).toEqual({ Get: 'Parameters.InstanceType' });
    expect(arg(train, 'ResourceConfig', 'InstanceType')).toEqual({ Get: 'Parameters.TrainInstance' });
    expect(arg(train, 'Environment', 'INPUT_DATE')).toEqual({ Get: 'Parameters.InputDate' });
  });

  it('send non-String parameters in hyperparameters through to_string(), as the SDK does', () => {
    const hp = arg(step(compiled(), 'train'), 'HyperParameters') as Record<string, unknown>;
    // SDK: "epochs": {"Std:Join": {"On": "", "Values": [{"Get": "Parameters.TrainingEpochs"}]}}
    const sdkEpochs = sdkTrain.HyperParameters.epochs as { 'Std:Join': { On: string; Values: unknown[] } };
    expect(hp.epochs).toEqual({
      'Std:Join': { On: sdkEpochs['Std:Join'].On, Values: [{ Get: 'Parameters.Epochs' }] },
    });
    expect(hp.lr).toEqual({ 'Std:Join': { On: '', Values: [{ Get: 'Parameters.LearningRate' }] } });
    expect(hp.verbose).toEqual({ 'Std:Join': { On: '', Values: [{ Get: 'Parameters.Verbose' }] } });
    // Text around a reference: a Join of the JSON-encoded string's pieces (script mode JSON-quotes strings).
    expect(hp.tag).toEqual({
      'Std:Join': { On: '', Values: ['"run-', { Get: 'Parameters.InputDate' }, '"'] },
    });
    // `$${param:…}` is the literal text.
    expect(hp.literal).toBe('"${param:Epochs}"');
  });

  it('joins references inside a longer string (an input URI) with On ""', () => {
    const prep = step(compiled(), 'prep');
    const input = (arg(prep, 'ProcessingInputs') as Obj[]).find((i) => i.InputName === 'raw')!;
    expect((input.S3Input as Obj).S3Uri).toEqual({
      'Std:Join': {
        On: '',
        Values: ['s3://example-bucket/raw/', { Get: 'Parameters.InputDate' }, '/data.csv'],
      },
    });
  });

  it('leaves a project without parameters with an empty list (old configs unchanged)', () => {
    const plan = planOf(compileEditedUnit((c) => c));
    expect(plan.definition.Parameters).toEqual([]);
    expect(plan.definitionJson).not.toContain('Parameters.');
  });
});

describe('parameter errors, with positions', () => {
  const errors = errorsOf;

  it('an undeclared parameter', () => {
    const r = project((c) => c.replace('${param:Epochs}', '${param:Epoch}'));
    const [e] = errors(r);
    expect(e?.code).toBe('undeclared-parameter');
    expect(e?.path).toBe('conf.models.m.train.hyperparams.epochs');
    expect(e?.loc).toMatchObject({ file: 'm/conf/conf.yaml', ...r.pos('${param:Epoch}') });
    expect(e?.message).toContain('did you mean `Epochs`');
  });

  it('a parameter in source_directory (must be known at plan time)', () => {
    const r = project((c) => c.replace('source_directory: m/src', 'source_directory: m/${param:InputDate}'));
    const e = errors(r).find((d) => d.code === 'parameter-not-allowed');
    expect(e?.path).toBe('conf.models.m.source_directory');
    expect(e?.loc).toMatchObject({ file: 'm/conf/conf.yaml', ...r.pos('m/${param:InputDate}') });
    expect(e?.message).toContain('must be known when the plan is made');
  });

  it('a parameter in an entry point or a dependency', () => {
    const r = project((c) =>
      c
        .replace('entry_point: prep.py', 'entry_point: ${param:InputDate}.py')
        .replace('- prep >> train', '- ${param:InputDate} >> prep >> train'),
    );
    const paths = errors(r)
      .filter((d) => d.code === 'parameter-not-allowed')
      .map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'conf.models.m.preprocess.entry_point',
        'conf.sagemakerPipeline.dependencies[0]',
      ]),
    );
  });

  it('a default of the wrong type, outside its enum, and an Integer parameter as an instance type', () => {
    const r = project((c) =>
      c
        .replace('Epochs: { type: Integer, default: 10 }', 'Epochs: { type: Integer, default: "10" }')
        .replace('default: ml.m5.xlarge, enum', 'default: ml.c5.xlarge, enum')
        .replace('instance_type: ${param:TrainInstance}', 'instance_type: ${param:Verbose}'),
    );
    const codes = errors(r).map((d) => [d.code, d.path]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['parameter-default-type', 'conf.sagemakerPipeline.parameters.Epochs.default'],
        ['parameter-default-enum', 'conf.sagemakerPipeline.parameters.TrainInstance.default'],
        ['parameter-type-mismatch', 'conf.models.m.train.instance_type'],
      ]),
    );
  });

  it('an unused parameter is a warning', () => {
    const r = project((c) => c.replace(PARAMS, `${PARAMS}      Spare: { type: String, default: x }\n`));
    expect(r.plan).toBeDefined();
    const w = r.diagnostics.find((d) => d.code === 'unused-parameter');
    expect(w).toMatchObject({ severity: 'warning', path: 'conf.sagemakerPipeline.parameters.Spare' });
    expect(w?.loc).toMatchObject(r.pos('Spare:'));
  });
});

describe('run-time values', () => {
  const params = compiled().parameters;

  it('are checked against type and enum, and only given ones are sent', () => {
    const ok = runParameters(params, [
      ['Epochs', '20'],
      ['TrainInstance', 'ml.m5.2xlarge'],
      ['Verbose', 'TRUE'],
    ]);
    expect(ok.errors).toEqual([]);
    expect(ok.pipelineParameters).toEqual([
      { Name: 'Epochs', Value: '20' },
      { Name: 'TrainInstance', Value: 'ml.m5.2xlarge' },
      { Name: 'Verbose', Value: 'true' },
    ]);
    expect(ok.used.find((u) => u.name === 'InputDate')).toEqual({
      name: 'InputDate',
      value: '2026-01-01',
      source: 'default',
    });
    expect(ok.used.find((u) => u.name === 'Epochs')).toEqual({ name: 'Epochs', value: '20', source: 'run' });
  });

  it('refuse unknown names, bad integers, floats, booleans and enum values', () => {
    const bad = runParameters(params, [
      ['Epoch', '1'],
      ['Epochs', '1.5'],
      ['LearningRate', 'fast'],
      ['Verbose', 'maybe'],
      ['TrainInstance', 'ml.p3.2xlarge'],
    ]);
    expect(bad.pipelineParameters).toEqual([]);
    expect(bad.errors).toHaveLength(5);
    expect(bad.errors[0]).toContain('`Epoch` is not declared');
    expect(bad.errors[1]).toContain('is not an integer');
    expect(bad.errors[2]).toContain('is not a number');
    expect(bad.errors[3]).toContain('is not true or false');
    expect(bad.errors[4]).toContain('is not one of `ml.m5.xlarge`, `ml.m5.2xlarge`');
  });

  it('parse from Name=Value lines or a JSON object', () => {
    expect(parseParameterText('Epochs=3\n# comment\n\n InputDate = 2026-02-01=x\n')).toEqual({
      values: [
        ['Epochs', '3'],
        ['InputDate', ' 2026-02-01=x'],
      ],
      errors: [],
    });
    expect(parseParameterText('{"Epochs": 3, "Verbose": true}').values).toEqual([
      ['Epochs', '3'],
      ['Verbose', 'true'],
    ]);
    expect(parseParameterText('novalue').errors).toEqual(['`novalue` is not Name=Value']);
    expect(parseParameterText('{"a": [1]}').errors).toHaveLength(1);
  });
});
