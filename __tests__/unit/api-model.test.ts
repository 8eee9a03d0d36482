import { describe, expect, it } from 'vitest';
import {
  compilePattern,
  convertJavaPattern,
  formatViolations,
  isPipelineExpression,
  loadApiModel,
  skippedPatterns,
  validateRequest,
  validateShape,
  type ApiModel,
  type ServiceName,
} from '../helpers/api-model.js';

const sm = loadApiModel('sagemaker');
const sts = loadApiModel('sts');
const s3 = loadApiModel('s3');

const ROLE = 'arn:aws:iam::111122223333:role/SageMakerExecution';
const IMAGE = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';

/** Shape name at a dotted path of structure members below an operation's input. */
function memberShape(model: ApiModel, operation: string, memberPath: string): string {
  let shape = model.operations[operation]!.input!.shape;
  for (const part of memberPath.split('.')) {
    const ref = model.shapes[shape]!.members?.[part];
    if (!ref) throw new Error(`${shape} has no member ${part}`);
    shape = ref.shape;
  }
  return shape;
}

/** A minimal CreateTrainingJob request as a pipeline Training step's Arguments. */
function trainingArgs(): Record<string, unknown> {
  return {
    AlgorithmSpecification: { TrainingImage: IMAGE, TrainingInputMode: 'File' },
    RoleArn: ROLE,
    InputDataConfig: [
      {
        ChannelName: 'train',
        DataSource: {
          S3DataSource: {
            S3DataType: 'S3Prefix',
            S3Uri: {
              'Std:Join': { On: '/', Values: ['s3://bucket', { Get: 'Execution.PipelineExecutionId' }] },
            },
            S3DataDistributionType: 'FullyReplicated',
          },
        },
        ContentType: 'text/csv',
      },
    ],
    OutputDataConfig: { S3OutputPath: 's3://bucket/model' },
    ResourceConfig: {
      InstanceType: 'ml.m5.xlarge',
      InstanceCount: { Get: 'Parameters.Count' },
      VolumeSizeInGB: 30,
    },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    HyperParameters: { num_round: '100', objective: 'reg:squarederror' },
    Environment: { MY_FLAG: '1' },
    Tags: [{ Key: 'team', Value: 'ml' }],
  };
}
const PIPELINE = { allowExpressions: true, omitted: ['TrainingJobName'] } as const;

describe('api-model fixtures', () => {
  it.each([
    ['sagemaker', '2017-07-24', 'json'],
    ['sts', '2011-06-15', 'query'],
    ['s3', '2006-03-01', 'rest-xml'],
    ['scheduler', '2021-06-30', 'rest-json'],
  ] as const)(
    '%s names botocore and Apache-2.0 in its header',
    (service: ServiceName, apiVersion, protocol) => {
      const model = loadApiModel(service);
      expect(model.source).toMatch(
        new RegExp(
          `^botocore \\d+\\.\\d+\\.\\d+ \\(botocore-\\d+\\.\\d+\\.\\d+-py3-none-any\\.whl\\), data/${service}/${apiVersion}/service-2\\.json\\.gz$`,
        ),
      );
      expect(model.license).toMatch(/^Apache-2\.0\b/);
      expect(model.license).toContain('botocore');
      expect(model.metadata.apiVersion).toBe(apiVersion);
      expect(model.metadata.protocol).toBe(protocol);
    },
  );

  it('keeps the operations the project calls, and the wire metadata', () => {
    // 26: UpdatePipelineVersion only in the tests (a team naming a deployed version the plan then shows).
    expect(Object.keys(sm.operations)).toHaveLength(26);
    expect(Object.keys(sts.operations).sort()).toEqual(['AssumeRoleWithWebIdentity', 'GetCallerIdentity']);
    expect(Object.keys(s3.operations)).toHaveLength(8);
    expect(sm.metadata).toMatchObject({
      jsonVersion: '1.1',
      targetPrefix: 'SageMaker',
      signingName: 'sagemaker',
    });
    expect(sts.operations.GetCallerIdentity!.output!.resultWrapper).toBe('GetCallerIdentityResult');
    expect(s3.shapes.HeadObjectRequest!.members!.IfMatch).toMatchObject({
      location: 'header',
      locationName: 'If-Match',
    });
    expect(s3.operations.PutObject!.http).toMatchObject({ method: 'PUT', requestUri: '/{Bucket}/{Key+}' });
  });
});

describe('validateRequest: CreateTrainingJob', () => {
  it('accepts a minimal pipeline request with the job name omitted and expressions in scalars', () => {
    const v = validateRequest(sm, 'CreateTrainingJob', trainingArgs(), PIPELINE);
    expect(v, formatViolations(v)).toEqual([]);
  });

  it('reports the stripped job name unless it is listed in opts.omitted', () => {
    const v = validateRequest(sm, 'CreateTrainingJob', trainingArgs(), { allowExpressions: true });
    expect(v).toEqual([expect.objectContaining({ path: 'TrainingJobName', rule: 'required' })]);
  });

  it('rejects expressions unless opts.allowExpressions', () => {
    const v = validateRequest(sm, 'CreateTrainingJob', trainingArgs(), { omitted: ['TrainingJobName'] });
    expect(v.map((x) => [x.path, x.rule])).toEqual([
      ['InputDataConfig[0].DataSource.S3DataSource.S3Uri', 'type'],
      ['ResourceConfig.InstanceCount', 'type'],
    ]);
  });

  it('reports a missing nested required member with its path', () => {
    const args = trainingArgs();
    const channels = args.InputDataConfig as { DataSource: { S3DataSource: Record<string, unknown> } }[];
    delete channels[0]!.DataSource.S3DataSource.S3DataType;
    const v = validateRequest(sm, 'CreateTrainingJob', args, PIPELINE);
    expect(v).toEqual([
      {
        path: 'InputDataConfig[0].DataSource.S3DataSource.S3DataType',
        rule: 'required',
        message: expect.stringContaining('S3DataType'),
      },
    ]);
  });

  it('treats null like a missing member', () => {
    const v = validateRequest(sm, 'CreateTrainingJob', { ...trainingArgs(), RoleArn: null }, PIPELINE);
    expect(v.map((x) => [x.path, x.rule])).toEqual([['RoleArn', 'required']]);
  });

  it('reports unknown members (but ignores undefined ones)', () => {
    const args: Record<string, unknown> = { ...trainingArgs(), Unused: undefined };
    (args.ResourceConfig as Record<string, unknown>).InstanceTyp = 'ml.m5.xlarge';
    const v = validateRequest(sm, 'CreateTrainingJob', args, PIPELINE);
    expect(v.map((x) => [x.path, x.rule])).toEqual([['ResourceConfig.InstanceTyp', 'unknown-member']]);
  });

  it('reports wrong types', () => {
    const args: Record<string, unknown> = {
      ...trainingArgs(),
      EnableNetworkIsolation: 'true',
      Tags: { Key: 'a', Value: 'b' },
    };
    (args.ResourceConfig as Record<string, unknown>).VolumeSizeInGB = '30';
    (args.StoppingCondition as Record<string, unknown>).MaxRuntimeInSeconds = 1.5;
    args.HyperParameters = { num_round: 100 };
    const v = validateRequest(sm, 'CreateTrainingJob', args, PIPELINE);
    expect(v.map((x) => [x.path, x.rule]).sort()).toEqual(
      [
        ['EnableNetworkIsolation', 'type'],
        ['HyperParameters.num_round', 'type'],
        ['ResourceConfig.VolumeSizeInGB', 'type'],
        ['StoppingCondition.MaxRuntimeInSeconds', 'type'],
        ['Tags', 'type'],
      ].sort(),
    );
  });

  it('reports a too-long string by its length in characters', () => {
    const args = trainingArgs();
    args.HyperParameters = { objective: 'x'.repeat(2501), ok: '€'.repeat(2500) };
    const v = validateRequest(sm, 'CreateTrainingJob', args, PIPELINE);
    expect(v).toEqual([
      { path: 'HyperParameters.objective', rule: 'max', message: expect.stringContaining('2501') },
    ]);
  });

  it('reports a bad enum value', () => {
    const args = trainingArgs();
    const channels = args.InputDataConfig as { DataSource: { S3DataSource: Record<string, unknown> } }[];
    channels[0]!.DataSource.S3DataSource.S3DataType = 'S3Folder';
    const v = validateRequest(sm, 'CreateTrainingJob', args, PIPELINE);
    expect(v.map((x) => [x.path, x.rule])).toEqual([
      ['InputDataConfig[0].DataSource.S3DataSource.S3DataType', 'enum'],
    ]);
  });

  it('reports more than 50 tags', () => {
    const args = trainingArgs();
    args.Tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    const v = validateRequest(sm, 'CreateTrainingJob', args, PIPELINE);
    expect(v).toEqual([{ path: 'Tags', rule: 'max', message: expect.stringContaining('51') }]);
  });

  it('validates map keys against the key shape', () => {
    const args = trainingArgs();
    args.Environment = { '1BAD': 'x', GOOD_KEY: 'y' };
    const v = validateRequest(sm, 'CreateTrainingJob', args, PIPELINE);
    expect(v.map((x) => [x.path, x.rule])).toEqual([['Environment["1BAD"]', 'pattern']]);
    expect(v[0]!.message).toMatch(/^map key "1BAD"/);
  });

  it('accepts only exact expression objects', () => {
    const withS3Uri = (s3Uri: unknown): Record<string, unknown> => {
      const args = trainingArgs();
      const channels = args.InputDataConfig as { DataSource: { S3DataSource: Record<string, unknown> } }[];
      channels[0]!.DataSource.S3DataSource.S3Uri = s3Uri;
      return args;
    };
    const bad = [
      { Get: 'Steps.A.X', Extra: 1 },
      { Get: 42 },
      { 'Std:Join': { On: '/', Values: 's3://x' } },
      { 'Std:Join': { On: '/', Values: [], Extra: true } },
      { 'Std:JsonGet': 'Steps.A' },
      { 'Std:Split': { On: '/' } },
    ];
    for (const expr of bad) {
      const v = validateRequest(sm, 'CreateTrainingJob', withS3Uri(expr), PIPELINE);
      expect(
        v.map((x) => [x.path, x.rule]),
        JSON.stringify(expr),
      ).toEqual([['InputDataConfig[0].DataSource.S3DataSource.S3Uri', 'type']]);
    }
    const jsonGet = { 'Std:JsonGet': { PropertyFile: { Get: 'Steps.E.PropertyFiles.F' }, Path: 'a.b' } };
    expect(validateRequest(sm, 'CreateTrainingJob', withS3Uri(jsonGet), PIPELINE)).toEqual([]);
    // An expression cannot stand in for a structure.
    const v = validateRequest(
      sm,
      'CreateTrainingJob',
      { ...trainingArgs(), OutputDataConfig: { Get: 'x' } },
      PIPELINE,
    );
    expect(v.map((x) => [x.path, x.rule])).toEqual([['OutputDataConfig', 'type']]);
    expect(isPipelineExpression({ Get: 'Parameters.X' })).toBe(true);
  });
});

describe('validateRequest: other SageMaker operations', () => {
  it('reports a step-like name with a space in ModelPackageGroupName', () => {
    const group = validateRequest(sm, 'CreateModelPackageGroup', { ModelPackageGroupName: 'Register Model' });
    expect(group.map((x) => [x.path, x.rule])).toEqual([['ModelPackageGroupName', 'pattern']]);
    expect(
      validateRequest(sm, 'CreateModelPackageGroup', { ModelPackageGroupName: 'register-model' }),
    ).toEqual([]);

    const pkg = { ModelPackageGroupName: 'Register Model', ModelApprovalStatus: 'PendingManualApproval' };
    const v = validateRequest(sm, 'CreateModelPackage', pkg, { allowExpressions: true });
    expect(v.map((x) => [x.path, x.rule])).toEqual([['ModelPackageGroupName', 'pattern']]);
    // ArnOrName: an ARN or a name, with no trailing hyphen (a lookbehind in the pattern).
    const arn = 'arn:aws:sagemaker:us-east-1:111122223333:model-package-group/register-model';
    for (const ok of [arn, 'register-model']) {
      expect(validateRequest(sm, 'CreateModelPackage', { ...pkg, ModelPackageGroupName: ok })).toEqual([]);
    }
    expect(validateRequest(sm, 'CreateModelPackage', { ...pkg, ModelPackageGroupName: 'trailing-' })).toEqual(
      [expect.objectContaining({ path: 'ModelPackageGroupName', rule: 'pattern' })],
    );
  });

  it('reports an out-of-range processing InstanceCount of 0', () => {
    const args = {
      ProcessingResources: {
        ClusterConfig: { InstanceCount: 0, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 30 },
      },
      AppSpecification: {
        ImageUri: IMAGE,
        ContainerEntrypoint: ['python3', '/opt/ml/processing/code/run.py'],
      },
      RoleArn: ROLE,
      ProcessingInputs: [
        {
          InputName: 'code',
          S3Input: {
            S3Uri: 's3://b/c',
            LocalPath: '/opt/ml/processing/code',
            S3DataType: 'S3Prefix',
            S3InputMode: 'File',
          },
        },
      ],
    };
    const v = validateRequest(sm, 'CreateProcessingJob', args, { omitted: ['ProcessingJobName'] });
    expect(v).toEqual([
      {
        path: 'ProcessingResources.ClusterConfig.InstanceCount',
        rule: 'min',
        message: expect.stringContaining('minimum 1'),
      },
    ]);
    args.ProcessingResources.ClusterConfig.InstanceCount = 101;
    expect(validateRequest(sm, 'CreateProcessingJob', args, { omitted: ['ProcessingJobName'] })).toEqual([
      expect.objectContaining({ path: 'ProcessingResources.ClusterConfig.InstanceCount', rule: 'max' }),
    ]);
    // Note: this botocore allows 0 for a *training* InstanceCount (min 0), so it is tested here.
    expect(sm.shapes[memberShape(sm, 'CreateTrainingJob', 'ResourceConfig.InstanceCount')]!.min).toBe(0);
  });

  it('reports a processing input path like ProcessingInputs[2].S3Input.LocalPath', () => {
    const input = (name: string, localPath: unknown) => ({
      InputName: name,
      S3Input: { S3Uri: `s3://b/${name}`, LocalPath: localPath, S3DataType: 'S3Prefix' },
    });
    const args = {
      ProcessingResources: {
        ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 30 },
      },
      AppSpecification: { ImageUri: IMAGE },
      RoleArn: ROLE,
      ProcessingInputs: [
        input('a', '/opt/ml/processing/a'),
        input('b', '/opt/ml/processing/b'),
        input('c', 7),
      ],
    };
    const v = validateRequest(sm, 'CreateProcessingJob', args, { omitted: ['ProcessingJobName'] });
    expect(v.map((x) => [x.path, x.rule])).toEqual([['ProcessingInputs[2].S3Input.LocalPath', 'type']]);
  });

  it('checks a RegisterModel-style CreateModelPackage with expressions', () => {
    const args = {
      ModelPackageGroupName: 'churn-model',
      ModelApprovalStatus: 'PendingManualApproval',
      InferenceSpecification: {
        Containers: [{ Image: IMAGE, ModelDataUrl: { Get: 'Steps.Train.ModelArtifacts.S3ModelArtifacts' } }],
        SupportedContentTypes: ['text/csv'],
        SupportedResponseMIMETypes: ['text/csv'],
        SupportedTransformInstanceTypes: ['ml.m5.xlarge'],
      },
      CustomerMetadataProperties: { team: 'ml', 'git-sha': 'abc123' },
    };
    const v = validateRequest(sm, 'CreateModelPackage', args, {
      allowExpressions: true,
      omitted: ['ModelPackageName'],
    });
    expect(v, formatViolations(v)).toEqual([]);
    const bad = {
      ...args,
      InferenceSpecification: {
        ...args.InferenceSpecification,
        SupportedTransformInstanceTypes: ['m5.xlarge'],
      },
    };
    expect(
      validateRequest(sm, 'CreateModelPackage', bad, { allowExpressions: true }).map((x) => [x.path, x.rule]),
    ).toEqual([['InferenceSpecification.SupportedTransformInstanceTypes[0]', 'enum']]);
  });

  it('checks scalar shapes directly with validateShape', () => {
    expect(validateShape(sm, 'PipelineName', 'smp-churn')).toEqual([]);
    expect(validateShape(sm, 'PipelineName', 'smp_churn').map((x) => [x.path, x.rule])).toEqual([
      ['', 'pattern'],
    ]);
    expect(
      validateShape(sm, 'PipelineName', '')
        .map((x) => x.rule)
        .sort(),
    ).toEqual(['min', 'pattern']);
    expect(validateShape(sm, 'Timestamp', new Date())).toEqual([]);
    expect(validateShape(sm, 'Timestamp', '2024-05-01T12:00:00Z')).toEqual([]);
    expect(validateShape(sm, 'Timestamp', 1714564800)).toEqual([]);
    expect(validateShape(sm, 'Timestamp', 'yesterday').map((x) => x.rule)).toEqual(['type']);
    expect(() => validateShape(sm, 'NoSuchShape', 1)).toThrow(/no shape NoSuchShape/);
    expect(() => validateRequest(sm, 'CreateEndpoint', {})).toThrow(/no operation CreateEndpoint/);
  });
});

describe('validateRequest: STS and S3', () => {
  const web = {
    RoleArn: ROLE,
    RoleSessionName: 'gh-actions',
    WebIdentityToken: 'eyJhbGciOiJSUzI1NiJ9.e30.sig',
  };

  it('accepts AssumeRoleWithWebIdentity and rejects a too-short RoleSessionName', () => {
    expect(validateRequest(sts, 'AssumeRoleWithWebIdentity', web)).toEqual([]);
    const v = validateRequest(sts, 'AssumeRoleWithWebIdentity', { ...web, RoleSessionName: 'a' });
    expect(v).toEqual([
      { path: 'RoleSessionName', rule: 'min', message: expect.stringContaining('minimum 2') },
    ]);
    const v2 = validateRequest(sts, 'AssumeRoleWithWebIdentity', {
      ...web,
      RoleSessionName: 'gh actions',
      DurationSeconds: 60,
    });
    expect(v2.map((x) => [x.path, x.rule])).toEqual([
      ['RoleSessionName', 'pattern'],
      ['DurationSeconds', 'min'],
    ]);
    expect(validateRequest(sts, 'GetCallerIdentity', {})).toEqual([]);
  });

  it('checks S3 headers, timestamps and blobs', () => {
    const ok = { Bucket: 'b', Key: 'k', IfModifiedSince: new Date(0) };
    expect(validateRequest(s3, 'HeadObject', ok)).toEqual([]);
    expect(
      validateRequest(s3, 'HeadObject', { ...ok, IfModifiedSince: 'last week' }).map((x) => x.rule),
    ).toEqual(['type']);
    expect(validateRequest(s3, 'PutObject', { Bucket: 'b', Key: 'k', Body: Buffer.from('x') })).toEqual([]);
    expect(validateRequest(s3, 'PutObject', { Bucket: 'b', Key: 'k', Body: 'text' })).toEqual([]);
    expect(
      validateRequest(s3, 'PutObject', { Bucket: 'b', Key: 'k', Body: 5 }).map((x) => [x.path, x.rule]),
    ).toEqual([['Body', 'type']]);
    expect(validateRequest(s3, 'PutObject', { Key: 'k' }).map((x) => [x.path, x.rule])).toEqual([
      ['Bucket', 'required'],
    ]);
  });
});

describe('pattern handling', () => {
  it('skips only a few patterns, none of the fields the project depends on', () => {
    const skipped = [...skippedPatterns].sort();
    console.log(
      `api-model: ${skipped.length} skipped pattern(s)${skipped.length ? `: ${skipped.join(' | ')}` : ''}`,
    );
    expect(skipped.length).toBeLessThanOrEqual(3);

    const depended: [ApiModel, string, string][] = [
      [sm, 'CreateModelPackageGroup', 'ModelPackageGroupName'],
      [sm, 'CreateModelPackage', 'ModelPackageGroupName'],
      [sm, 'CreatePipeline', 'PipelineName'],
      [sm, 'CreatePipeline', 'RoleArn'],
      [sm, 'CreatePipeline', 'PipelineDefinition'],
      [sm, 'CreateTrainingJob', 'OutputDataConfig.S3OutputPath'],
      [sm, 'CreateTrainingJob', 'AlgorithmSpecification.TrainingImage'],
      [sm, 'CreateProcessingJob', 'AppSpecification.ImageUri'],
      [sm, 'CreateModel', 'PrimaryContainer.Image'],
      [sm, 'CreateModel', 'PrimaryContainer.ModelDataUrl'],
      [sm, 'CreateModelPackage', 'CustomerMetadataProperties'],
      [sts, 'AssumeRoleWithWebIdentity', 'RoleArn'],
      [sts, 'AssumeRoleWithWebIdentity', 'RoleSessionName'],
    ];
    for (const [model, op, path] of depended) {
      const shape = model.shapes[memberShape(model, op, path)]!;
      const patterns = [shape.pattern, shape.key && model.shapes[shape.key.shape]!.pattern].filter(
        (p): p is string => typeof p === 'string',
      );
      expect(patterns.length, `${op}.${path} has a pattern`).toBeGreaterThan(0);
      for (const p of patterns) expect(skippedPatterns.has(p), `${op}.${path}: ${p}`).toBe(false);
    }

    // Instance types are enums (no pattern) in the model.
    for (const [op, path] of [
      ['CreateTrainingJob', 'ResourceConfig.InstanceType'],
      ['CreateProcessingJob', 'ProcessingResources.ClusterConfig.InstanceType'],
      ['CreateTransformJob', 'TransformResources.InstanceType'],
    ] as const) {
      const shape = sm.shapes[memberShape(sm, op, path)]!;
      expect(shape.pattern, path).toBeUndefined();
      expect(shape.enum, path).toContain('ml.m5.xlarge');
    }
  });

  it('converts the Java constructs found in the models', () => {
    const re = (p: string): RegExp => {
      const c = compilePattern(p);
      if (!c.ok) throw new Error(c.reason);
      return c.regex;
    };
    // \p{Alnum} (POSIX, ASCII) — TrainingRepositoryCredentialsProviderArn.
    const lambda = re(sm.shapes.TrainingRepositoryCredentialsProviderArn!.pattern!);
    expect(lambda.test('arn:aws:lambda:us-east-1:111122223333:function:creds')).toBe(true);
    expect(lambda.test('arn:aws:lambda:us_east:111122223333:function:creds')).toBe(false);
    // `${1,128}`: a quantified anchor — CustomerMetadataKey.
    const metaKey = re(sm.shapes.CustomerMetadataKey!.pattern!);
    expect(metaKey.test('git-sha')).toBe(true);
    expect(metaKey.test('ключ 1')).toBe(true);
    expect(metaKey.test('a#b')).toBe(false);
    // `\u10000-\u10FFFF` meant as supplementary code points — STS arnType.
    const arn = re(sts.shapes.arnType!.pattern!);
    expect(arn.test('arn:aws:iam::1:role/\u{1F600}')).toBe(true);
    expect(arn.test('arn\u0001')).toBe(false);
    // Generic Java-only syntax.
    expect(re('a++b').test('aab')).toBe(true);
    expect(re('(?>ab|a)c').test('abc')).toBe(true);
    expect(re('\\Afoo\\Z').test('foo')).toBe(true);
    expect(re('\\Qa.b\\E').test('a.b')).toBe(true);
    expect(re('\\Qa.b\\E').test('axb')).toBe(false);
    expect(re('[\\_\\:]+').test('_:')).toBe(true);
    expect(re('\\p{IsLatin}+').test('abc')).toBe(true);
    expect(convertJavaPattern('x{2,3}+').source).toBe('x{2,3}');
    expect(convertJavaPattern('(?i)abc')).toEqual({ source: 'abc', flags: 'i' });
  });

  it('checks a 1 MB PipelineDefinition with a linear pattern that accepts and refuses what the model’s does', () => {
    const modelPattern = sm.shapes.PipelineDefinition!.pattern!;
    expect(modelPattern).toBe('.*(?:[ \\r\\n\\t].*)*');
    const c = compilePattern(modelPattern);
    if (!c.ok) throw new Error(c.reason);
    // No quantified group left to backtrack into: one character class, one star.
    expect(c.source).toBe('^(?:[^\\u2028\\u2029]*)$');
    expect((c.source.match(/[*+]/g) ?? []).length).toBe(1);
    // The same verdicts as the model's own pattern (as JS reads it) on short inputs, where backtracking is cheap.
    const original = new RegExp(`^(?:${modelPattern})$`, 'u');
    for (const sample of ['', 'a', '{"a": 1}', 'a\tb\r\nc', ' x ', 'a\u2028b', '\u2029', 'é ü\n']) {
      expect(c.regex.test(sample), JSON.stringify(sample)).toBe(original.test(sample));
    }
    const definition = JSON.stringify(
      { Version: '2020-12-01', Steps: [{ Name: 'a b '.repeat(200_000) }] },
      null,
      1,
    );
    const base = {
      PipelineName: 'smp-churn',
      ClientRequestToken: 'c0ffee00-0000-4000-8000-000000000000',
      RoleArn: ROLE,
    };
    expect(validateRequest(sm, 'CreatePipeline', { ...base, PipelineDefinition: definition })).toEqual([]);
    const v = validateRequest(sm, 'CreatePipeline', {
      ...base,
      PipelineDefinition: `${'x '.repeat(26)}\u2028`,
    });
    expect(v.map((x) => [x.path, x.rule])).toEqual([['PipelineDefinition', 'pattern']]);
  });

  it('reports what it cannot convert, without touching skippedPatterns', () => {
    const before = skippedPatterns.size;
    for (const p of ['[a-z&&[^aeiou]]', '[a-z[0-9]]', 'a(?i)b', '\\p{InGreek}', '\\R', 'a{2']) {
      const c = compilePattern(p);
      expect(c.ok, p).toBe(false);
      if (!c.ok) expect(c.reason.length).toBeGreaterThan(0);
    }
    expect(skippedPatterns.size).toBe(before);
  });

  it('compiles every pattern in the fixtures the same way the validator does', () => {
    for (const model of [sm, sts, s3]) {
      for (const [name, shape] of Object.entries(model.shapes)) {
        if (shape.pattern === undefined) continue;
        expect(compilePattern(shape.pattern).ok, `${model.service}:${name}`).toBe(
          !skippedPatterns.has(shape.pattern),
        );
      }
    }
  });
});
