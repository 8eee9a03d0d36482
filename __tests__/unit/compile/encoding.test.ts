// Hyperparameter encoding as the SageMaker SDK's script mode (Python json.dumps), and YAML 1.1 compatibility
// for values the old framework's PyYAML reader typed differently from YAML 1.2.
import { describe, expect, it } from 'vitest';
import { compileProject } from '../../../src/compile/compile.js';
import { pythonFloat, pythonJson, s3Uri } from '../../../src/compile/expressions.js';
import { loadProject } from '../../../src/config/load.js';
import { PyFloat } from '../../../src/config/types.js';
import { fullUnitFiles, makeWorkspace, TEST_ENV } from '../../helpers/workspace.js';

describe('pythonFloat (Python repr)', () => {
  it.each([
    [1, '1.0'],
    [2.5, '2.5'],
    [0.1, '0.1'],
    [1e-5, '1e-05'],
    [1e-7, '1e-07'],
    [0.0001, '0.0001'],
    [1e16, '1e+16'],
    [1.2345678901234568e17, '1.2345678901234568e+17'],
    [1e15, '1000000000000000.0'],
    [-3, '-3.0'],
    [0, '0.0'],
  ])('%s → %s', (x, want) => {
    expect(pythonFloat(x)).toBe(want);
  });

  it('pythonJson keeps floats floats and ints ints', () => {
    expect(pythonJson(new PyFloat(2))).toBe('2.0');
    expect(pythonJson(2)).toBe('2');
    expect(pythonJson([1, new PyFloat(1), 'a'])).toBe('[1, 1.0, "a"]');
    expect(pythonJson({ k: true, é: 'ü' })).toBe('{"k": true, "\\u00e9": "\\u00fc"}');
  });
});

describe('s3Uri', () => {
  it('keeps a meaningful trailing slash and drops doubled ones', () => {
    expect(s3Uri('b', 'pre/', 'validation/')).toBe('s3://b/pre/validation/');
    expect(s3Uri('b', '/pre//', 'x.csv')).toBe('s3://b/pre/x.csv');
    expect(s3Uri('b', undefined, '')).toBe('s3://b');
  });
});

function compileTrain(trainExtra: string) {
  const files = fullUnitFiles();
  files['m/conf/conf.yaml'] = files['m/conf/conf.yaml']!.replace(
    '        entry_point: train.py\n',
    `        entry_point: train.py\n${trainExtra}`,
  );
  const r = loadProject({
    workspace: makeWorkspace(files),
    globs: ['m/conf/*.yaml'],
    env: TEST_ENV,
    allowPlaceholders: true,
  });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const { plan } = compileProject(r.config!);
  const train = plan!.definition.Steps.find((s) => s.Name === 'train')!;
  return train.Arguments as Record<string, unknown>;
}

describe('training hyperparameters and channels from old configs', () => {
  it('encodes numbers as written, and PyYAML-typed scalars as PyYAML typed them', () => {
    const args = compileTrain(
      '        hyperparams:\n          a: 2.0\n          b: 2\n          c: 1e-7\n          d: 1.5e3\n          e: yes\n          f: "yes"\n          g: binary:logistic\n',
    );
    expect(args.HyperParameters).toMatchObject({
      a: '2.0',
      b: '2',
      c: '"1e-7"',
      d: '1500.0',
      e: 'true',
      f: '"yes"',
      g: '"binary:logistic"',
    });
  });

  it('reads a string `distribution` as the channels S3 data distribution (old framework)', () => {
    const args = compileTrain('        distribution: ShardedByS3Key\n');
    const channels = args.InputDataConfig as {
      DataSource: { S3DataSource: { S3DataDistributionType: string } };
    }[];
    expect(channels.every((c) => c.DataSource.S3DataSource.S3DataDistributionType === 'ShardedByS3Key')).toBe(
      true,
    );
  });

  it('turns model_data_uri into the `model` channel, as the SDK does for model_uri', () => {
    const args = compileTrain('        model_data_uri: s3://SMP_S3BUCKETNAME/pretrained/model.tar.gz\n');
    const channels = args.InputDataConfig as {
      ChannelName: string;
      ContentType?: string;
      DataSource: { S3DataSource: { S3Uri: string } };
    }[];
    const model = channels.find((c) => c.ChannelName === 'model');
    expect(model?.DataSource.S3DataSource.S3Uri).toBe('s3://example-bucket/pretrained/model.tar.gz');
    expect(model?.ContentType).toBe('application/x-sagemaker-model');
  });
});
