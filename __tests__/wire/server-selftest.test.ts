// The local AWS test server (../servers/aws-server.ts) driven by the REAL AWS SDK v3 clients over HTTP:
// each wire protocol round-trips, errors map to the SDK's exception classes, model violations are
// refused and recorded, pipeline executions advance on the server's clock, and injected faults are
// absorbed by the SDK's own retries. Only 127.0.0.1 is ever contacted.
import { createHash } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AddTagsCommand,
  CreateModelPackageGroupCommand,
  CreatePipelineCommand,
  DescribeModelPackageCommand,
  DescribeModelPackageGroupCommand,
  DescribePipelineCommand,
  DescribePipelineExecutionCommand,
  ListModelPackagesCommand,
  ListPipelineExecutionStepsCommand,
  ListPipelineExecutionsCommand,
  ListTagsCommand,
  ResourceNotFound,
  SageMakerClient,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  UpdatePipelineCommand,
} from '@aws-sdk/client-sagemaker';
import type { PipelineExecutionStep } from '@aws-sdk/client-sagemaker';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NotFound,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import {
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  STSClient,
  STSServiceException,
} from '@aws-sdk/client-sts';
import {
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  ValidationException,
} from '@aws-sdk/client-scheduler';
import { getIDToken } from '@actions/core';
import { compileProject } from '../../src/compile/compile.js';
import { loadProject } from '../../src/config/load.js';
import { startAwsServer } from '../servers/aws-server.js';
import type { AwsServer } from '../servers/aws-server.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const REGION = 'us-east-1';
const ROLE = 'arn:aws:iam::123456789012:role/SageMakerExecution';
const IMAGE = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3';
const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'x' };
const token = (s: string): string => createHash('sha256').update(s).digest('hex'); // 64 chars: a valid ClientRequestToken

/** Processing → Training → (Model, RegisterModel): job steps whose Arguments are valid API requests. */
function definition(group = 'smp-selftest-models'): string {
  return JSON.stringify({
    Version: '2020-12-01',
    Metadata: {},
    Parameters: [{ Name: 'ModelApprovalStatus', Type: 'String', DefaultValue: 'PendingManualApproval' }],
    PipelineExperimentConfig: {
      ExperimentName: { Get: 'Execution.PipelineName' },
      TrialName: { Get: 'Execution.PipelineExecutionId' },
    },
    Steps: [
      {
        Name: 'Preprocess',
        Type: 'Processing',
        Arguments: {
          ProcessingResources: {
            ClusterConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
          },
          AppSpecification: {
            ImageUri: IMAGE,
            ContainerEntrypoint: ['python3', '/opt/ml/processing/input/code/prep.py'],
          },
          RoleArn: ROLE,
          ProcessingOutputConfig: {
            Outputs: [
              {
                OutputName: 'train',
                AppManaged: false,
                S3Output: {
                  S3Uri: 's3://smp-bucket/prep/train',
                  LocalPath: '/opt/ml/processing/train',
                  S3UploadMode: 'EndOfJob',
                },
              },
            ],
          },
        },
      },
      {
        Name: 'Train',
        Type: 'Training',
        Arguments: {
          AlgorithmSpecification: { TrainingInputMode: 'File', TrainingImage: IMAGE },
          OutputDataConfig: { S3OutputPath: 's3://smp-bucket/train/' },
          StoppingCondition: { MaxRuntimeInSeconds: 86400 },
          ResourceConfig: { VolumeSizeInGB: 30, InstanceCount: 1, InstanceType: 'ml.m5.xlarge' },
          RoleArn: ROLE,
          InputDataConfig: [
            {
              ChannelName: 'train',
              DataSource: {
                S3DataSource: {
                  S3DataType: 'S3Prefix',
                  S3DataDistributionType: 'FullyReplicated',
                  S3Uri: { Get: "Steps.Preprocess.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri" },
                },
              },
            },
          ],
        },
      },
      {
        Name: 'Model-CreateModel',
        Type: 'Model',
        Arguments: {
          ExecutionRoleArn: ROLE,
          PrimaryContainer: {
            Image: IMAGE,
            Environment: {},
            ModelDataUrl: { Get: 'Steps.Train.ModelArtifacts.S3ModelArtifacts' },
          },
        },
      },
      {
        Name: 'Model-RegisterModel',
        Type: 'RegisterModel',
        Arguments: {
          ModelPackageGroupName: group,
          InferenceSpecification: {
            Containers: [
              {
                Image: IMAGE,
                Environment: {},
                ModelDataUrl: { Get: 'Steps.Train.ModelArtifacts.S3ModelArtifacts' },
              },
            ],
            SupportedContentTypes: ['text/csv'],
            SupportedResponseMIMETypes: ['text/csv'],
          },
          ModelApprovalStatus: { Get: 'Parameters.ModelApprovalStatus' },
          ModelMetrics: {
            ModelQuality: {
              Statistics: { ContentType: 'application/json', S3Uri: 's3://smp-bucket/eval/metrics.json' },
            },
            Bias: {},
            Explainability: {},
          },
          SkipModelValidation: 'None',
        },
      },
    ],
  });
}

// ---------------------------------------------------------------------------------------------- harness

let server: AwsServer;
let sm: SageMakerClient;
let s3: S3Client;
let sts: STSClient;
const contacted: string[] = [];
const originalConnect = net.Socket.prototype.connect;

beforeAll(async () => {
  // Record every TCP destination this process opens while the tests run.
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const [first, second] = args;
    const opts = (Array.isArray(first) ? first[0] : first) as
      { host?: string; port?: number; path?: string | null } | number;
    if (typeof opts === 'number')
      contacted.push(`${typeof second === 'string' ? second : 'localhost'}:${opts}`);
    else if (opts.path === undefined || opts.path === null)
      contacted.push(`${opts.host ?? 'localhost'}:${opts.port ?? '?'}`);
    return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
  server = await startAwsServer();
  sm = new SageMakerClient({ region: REGION, endpoint: server.endpoint, credentials });
  s3 = new S3Client({ region: REGION, endpoint: server.endpoint, credentials, forcePathStyle: true });
  sts = new STSClient({ region: REGION, endpoint: server.endpoint, credentials });
});

afterAll(async () => {
  sm.destroy();
  s3.destroy();
  sts.destroy();
  await server.close();
  net.Socket.prototype.connect = originalConnect;
  // Nothing but the local server was contacted (the SDK only knows the endpoint it was given).
  expect(contacted.length).toBeGreaterThan(0);
  expect(contacted.filter((c) => c !== `127.0.0.1:${server.port}`)).toEqual([]);
});

beforeEach(() => {
  server.faults = {};
  server.requests.reset();
});

afterEach(() => {
  expect(server.serverErrors, server.serverErrors.join('\n')).toEqual([]);
});

function expectNoViolations(): void {
  expect(server.violations, server.formatViolations()).toEqual([]);
}

async function createPipeline(name: string, def = definition()): Promise<string> {
  const out = await sm.send(
    new CreatePipelineCommand({
      PipelineName: name,
      PipelineDefinition: def,
      RoleArn: ROLE,
      ClientRequestToken: token(`create-${name}`),
      Tags: [{ Key: 'project', Value: 'smp' }],
    }),
  );
  return out.PipelineArn!;
}

async function ensureGroup(name: string): Promise<void> {
  await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: name })).catch((err: unknown) => {
    if (!(err instanceof Error && /already exists/.test(err.message))) throw err;
  });
}

async function steps(arn: string): Promise<PipelineExecutionStep[]> {
  const out: PipelineExecutionStep[] = [];
  let next: string | undefined;
  do {
    const page = await sm.send(
      new ListPipelineExecutionStepsCommand({ PipelineExecutionArn: arn, MaxResults: 2, NextToken: next }),
    );
    out.push(...(page.PipelineExecutionSteps ?? []));
    next = page.NextToken;
  } while (next);
  return out;
}

function statuses(list: PipelineExecutionStep[]): Record<string, string | undefined> {
  return Object.fromEntries(list.map((s) => [s.StepName!, s.StepStatus]));
}

// ---------------------------------------------------------------------------------------------- SageMaker

describe('SageMaker (awsJson1_1)', () => {
  it('CreatePipeline + DescribePipeline round trip', async () => {
    const arn = await createPipeline('smp-roundtrip');
    expect(arn).toBe('arn:aws:sagemaker:us-east-1:123456789012:pipeline/smp-roundtrip');

    const d = await sm.send(new DescribePipelineCommand({ PipelineName: 'smp-roundtrip' }));
    expect(d).toMatchObject({
      PipelineArn: arn,
      PipelineName: 'smp-roundtrip',
      PipelineDefinition: definition(),
      RoleArn: ROLE,
      PipelineStatus: 'Active',
    });
    expect(d.CreationTime).toBeInstanceOf(Date);
    expect(d.CreationTime!.getTime()).toBe(server.clock.now());

    // Same token + same input → same answer; a second create under a new token → "already exists".
    await expect(createPipeline('smp-roundtrip')).resolves.toBe(arn);
    await expect(
      sm.send(
        new CreatePipelineCommand({
          PipelineName: 'smp-roundtrip',
          PipelineDefinition: definition(),
          RoleArn: ROLE,
          ClientRequestToken: token('other'),
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('already exists'),
    });
    // Same token, different input → conflict.
    await expect(
      sm.send(
        new CreatePipelineCommand({
          PipelineName: 'smp-roundtrip',
          PipelineDefinition: definition(),
          RoleArn: ROLE,
          ClientRequestToken: token('create-smp-roundtrip'),
          PipelineDescription: 'changed',
        }),
      ),
    ).rejects.toMatchObject({ name: 'ConflictException' });

    const u = await sm.send(
      new UpdatePipelineCommand({ PipelineName: 'smp-roundtrip', PipelineDescription: 'v2' }),
    );
    expect(u.PipelineVersionId).toBe(2);
    await sm.send(new AddTagsCommand({ ResourceArn: arn, Tags: [{ Key: 'owner', Value: 'ml' }] }));
    expect((await sm.send(new ListTagsCommand({ ResourceArn: arn }))).Tags).toEqual([
      { Key: 'project', Value: 'smp' },
      { Key: 'owner', Value: 'ml' },
    ]);

    const r = server.requests.last('CreatePipeline')!;
    expect(r).toMatchObject({
      service: 'sagemaker',
      accessKeyId: 'AKIDTEST',
      region: 'us-east-1',
      signingService: 'sagemaker',
    });
    expect(server.requests.count('DescribePipeline')).toBe(1);
    expectNoViolations();
  });

  it('maps ResourceNotFound to the SDK exception class', async () => {
    const err = await sm
      .send(new DescribePipelineCommand({ PipelineName: 'does-not-exist' }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceNotFound);
    expect((err as ResourceNotFound).message).toContain('does not exist');
    expect((err as ResourceNotFound).$metadata.httpStatusCode).toBe(400);
    expect(server.requests.last()).toMatchObject({
      operation: 'DescribePipeline',
      status: 400,
      errorCode: 'ResourceNotFound',
    });
    expectNoViolations();
  });

  it('refuses a request that violates the API model (400) and records the violation', async () => {
    const err = await sm
      .send(new DescribePipelineCommand({ PipelineName: 'bad_name' }))
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
    expect(server.violations).toEqual([
      expect.objectContaining({
        service: 'sagemaker',
        operation: 'DescribePipeline',
        path: 'PipelineName',
        rule: 'pattern',
      }),
    ]);
    server.violations.length = 0;

    // A definition whose step Arguments are not a valid CreateTrainingJob request is refused too.
    const bad = JSON.parse(definition()) as { Steps: { Arguments: Record<string, unknown> }[] };
    delete bad.Steps[1]!.Arguments.RoleArn;
    await expect(
      sm.send(
        new CreatePipelineCommand({
          PipelineName: 'smp-bad-def',
          PipelineDefinition: JSON.stringify(bad),
          RoleArn: ROLE,
          ClientRequestToken: token('bad-def'),
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    expect(server.violations).toEqual([
      expect.objectContaining({
        operation: 'CreatePipeline',
        path: 'PipelineDefinition.Steps[Train].Arguments.RoleArn',
        rule: 'definition',
      }),
    ]);
    server.violations.length = 0;
  });

  it('runs an execution: steps advance on the clock in dependency order, RegisterModel creates a model package', async () => {
    await ensureGroup('smp-selftest-models');
    await createPipeline('smp-run');
    const start = server.clock.now();
    const { PipelineExecutionArn: arn } = await sm.send(
      new StartPipelineExecutionCommand({
        PipelineName: 'smp-run',
        PipelineExecutionDisplayName: 'abc1234-42',
        PipelineParameters: [{ Name: 'ModelApprovalStatus', Value: 'Approved' }],
        ClientRequestToken: token('start-smp-run'),
      }),
    );
    expect(arn).toMatch(
      /^arn:aws:sagemaker:us-east-1:123456789012:pipeline\/smp-run\/execution\/[a-z0-9]{12}$/,
    );
    // Re-sent with the same token: the same execution.
    const again = await sm.send(
      new StartPipelineExecutionCommand({
        PipelineName: 'smp-run',
        PipelineExecutionDisplayName: 'abc1234-42',
        PipelineParameters: [{ Name: 'ModelApprovalStatus', Value: 'Approved' }],
        ClientRequestToken: token('start-smp-run'),
      }),
    );
    expect(again.PipelineExecutionArn).toBe(arn);

    let d = await sm.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn }));
    expect(d).toMatchObject({
      PipelineExecutionStatus: 'Executing',
      PipelineExecutionDisplayName: 'abc1234-42',
    });
    expect(statuses(await steps(arn!))).toEqual({ Preprocess: 'Starting' });
    const modified0 = d.LastModifiedTime!.getTime();

    server.clock.advance(10_000);
    expect(statuses(await steps(arn!))).toEqual({ Preprocess: 'Executing' });
    d = await sm.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn }));
    expect(d.LastModifiedTime!.getTime()).toBe(start + 5_000); // Starting → Executing at +5 s
    expect(d.LastModifiedTime!.getTime()).toBeGreaterThan(modified0);

    server.clock.advance(50_000); // +60 s: Preprocess done, Train starts
    expect(statuses(await steps(arn!))).toEqual({ Preprocess: 'Succeeded', Train: 'Starting' });
    server.clock.advance(60_000); // +120 s: Train done, CreateModel and RegisterModel start together
    expect(statuses(await steps(arn!))).toEqual({
      Preprocess: 'Succeeded',
      Train: 'Succeeded',
      'Model-CreateModel': 'Starting',
      'Model-RegisterModel': 'Starting',
    });
    server.clock.advance(60_000);

    d = await sm.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn }));
    expect(d.PipelineExecutionStatus).toBe('Succeeded');
    expect(d.LastModifiedTime!.getTime()).toBe(start + 180_000);
    const list = await steps(arn!);
    // Newest first, as the real API sorts by default.
    expect(list.map((s) => s.StepName)).toEqual([
      'Model-RegisterModel',
      'Model-CreateModel',
      'Train',
      'Preprocess',
    ]);
    const byName = Object.fromEntries(list.map((s) => [s.StepName!, s]));
    expect(byName.Train!.StartTime!.getTime()).toBe(byName.Preprocess!.EndTime!.getTime());
    expect(byName['Model-RegisterModel']!.StartTime!.getTime()).toBe(byName.Train!.EndTime!.getTime());
    expect(byName.Train!.Metadata?.TrainingJob?.Arn).toMatch(
      /^arn:aws:sagemaker:us-east-1:123456789012:training-job\/pipelines-[a-z0-9]{12}-train-[a-z0-9]{10}$/,
    );
    expect(byName.Preprocess!.Metadata?.ProcessingJob?.Arn).toContain(':processing-job/pipelines-');
    expect(byName['Model-CreateModel']!.Metadata?.Model?.Arn).toContain(':model/pipelines-');

    const packageArn = byName['Model-RegisterModel']!.Metadata?.RegisterModel?.Arn;
    expect(packageArn).toBe('arn:aws:sagemaker:us-east-1:123456789012:model-package/smp-selftest-models/1');
    const mp = await sm.send(new DescribeModelPackageCommand({ ModelPackageName: packageArn }));
    expect(mp).toMatchObject({
      ModelPackageGroupName: 'smp-selftest-models',
      ModelPackageVersion: 1,
      ModelApprovalStatus: 'Approved',
      ModelPackageStatus: 'Completed',
      ModelMetrics: { ModelQuality: { Statistics: { S3Uri: 's3://smp-bucket/eval/metrics.json' } } },
      MetadataProperties: { GeneratedBy: arn },
    });
    expect(mp.InferenceSpecification?.Containers?.[0]?.ModelDataUrl).toMatch(/^s3:\/\//);
    const listed = await sm.send(
      new ListModelPackagesCommand({ ModelPackageGroupName: 'smp-selftest-models' }),
    );
    expect(listed.ModelPackageSummaryList?.map((p) => p.ModelPackageArn)).toEqual([packageArn]);

    const executions = await sm.send(new ListPipelineExecutionsCommand({ PipelineName: 'smp-run' }));
    expect(executions.PipelineExecutionSummaries).toEqual([
      expect.objectContaining({
        PipelineExecutionArn: arn,
        PipelineExecutionStatus: 'Succeeded',
        PipelineExecutionDisplayName: 'abc1234-42',
      }),
    ]);
    expectNoViolations();
  });

  it('failStep → the step and the execution fail with a reason; cache hits and Stop', async () => {
    await ensureGroup('smp-selftest-models');
    await createPipeline('smp-fail');
    server.script.failStep = { name: 'Train', reason: 'AlgorithmError: loss is NaN' };
    server.script.cacheHits = ['Preprocess'];
    try {
      const { PipelineExecutionArn: arn } = await sm.send(
        new StartPipelineExecutionCommand({
          PipelineName: 'smp-fail',
          ClientRequestToken: token('start-smp-fail'),
        }),
      );
      server.clock.advance(60_000);
      const d = await sm.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn }));
      expect(d).toMatchObject({
        PipelineExecutionStatus: 'Failed',
        FailureReason: 'Step failure: One or multiple steps failed.',
      });
      const list = await steps(arn!);
      expect(statuses(list)).toEqual({ Preprocess: 'Succeeded', Train: 'Failed' });
      const train = list.find((s) => s.StepName === 'Train')!;
      expect(train.FailureReason).toBe('AlgorithmError: loss is NaN');
      const pre = list.find((s) => s.StepName === 'Preprocess')!;
      expect(pre.CacheHitResult?.SourcePipelineExecutionArn).toMatch(/:pipeline\/smp-fail\/execution\//);
    } finally {
      server.script.failStep = undefined;
      server.script.cacheHits = [];
    }

    const { PipelineExecutionArn: arn2 } = await sm.send(
      new StartPipelineExecutionCommand({
        PipelineName: 'smp-fail',
        ClientRequestToken: token('start-smp-fail-2'),
      }),
    );
    server.clock.advance(30_000);
    await sm.send(
      new StopPipelineExecutionCommand({ PipelineExecutionArn: arn2, ClientRequestToken: token('stop-2') }),
    );
    expect(
      (await sm.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn2 })))
        .PipelineExecutionStatus,
    ).toBe('Stopping');
    expect(statuses(await steps(arn2!))).toEqual({ Preprocess: 'Stopping' });
    server.clock.advance(1_000);
    expect(
      (await sm.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn2 })))
        .PipelineExecutionStatus,
    ).toBe('Stopped');
    expect(statuses(await steps(arn2!))).toEqual({ Preprocess: 'Stopped' });
    expectNoViolations();
  });

  it('accepts a definition compiled from the tf example (every step type), from S3, and runs it to Succeeded', async () => {
    const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    const loaded = loadProject({
      workspace: repo,
      globs: ['examples/tf/conf/conf.yaml'],
      env: {
        SMP_S3BUCKETNAME: 'example-bucket',
        SMP_ROLE: 'arn:aws:iam::111122223333:role/SageMakerExecution',
        SMP_REGION: 'us-east-1',
        SMP_SUBNETS: 'subnet-0aaa1111,subnet-0bbb2222',
        SMP_SECURITYGROUPS: 'sg-0ccc3333',
      },
      allowPlaceholders: false,
    });
    const plan = compileProject(loaded.config!).plan!;
    const groups = new Set(
      plan.definition.Steps.filter((st) => st.Type === 'RegisterModel').map((st) =>
        String(st.Arguments.ModelPackageGroupName),
      ),
    );
    for (const g of groups) await ensureGroup(g);

    // The definition goes through this server's own S3, as a large definition would.
    await s3.send(
      new PutObjectCommand({
        Bucket: 'example-bucket',
        Key: `definitions/${plan.pipelineName}.json`,
        Body: plan.definitionJson,
      }),
    );
    await sm.send(
      new CreatePipelineCommand({
        PipelineName: plan.pipelineName,
        PipelineDefinitionS3Location: {
          Bucket: 'example-bucket',
          ObjectKey: `definitions/${plan.pipelineName}.json`,
        },
        RoleArn: ROLE,
        ClientRequestToken: token(plan.definitionJson),
      }),
    );
    const described = await sm.send(new DescribePipelineCommand({ PipelineName: plan.pipelineName }));
    expect(described.PipelineDefinition).toBe(plan.definitionJson);

    const { PipelineExecutionArn: arn } = await sm.send(
      new StartPipelineExecutionCommand({
        PipelineName: plan.pipelineName,
        ClientRequestToken: token(`start-${plan.pipelineName}`),
      }),
    );
    for (let i = 0; i < 50; i++) {
      const d = await sm.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn }));
      if (d.PipelineExecutionStatus !== 'Executing') break;
      server.clock.advance(60_000);
    }
    const d = await sm.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn }));
    expect(d.PipelineExecutionStatus).toBe('Succeeded');
    const list = await steps(arn!);
    expect(new Set(list.map((st) => st.StepName))).toEqual(
      new Set(plan.definition.Steps.map((st) => st.Name)),
    );
    expect(list.every((st) => st.StepStatus === 'Succeeded')).toBe(true);
    const registered = list
      .filter((st) => st.Metadata?.RegisterModel?.Arn)
      .map((st) => st.Metadata!.RegisterModel!.Arn!);
    expect(registered.length).toBe(plan.definition.Steps.filter((st) => st.Type === 'RegisterModel').length);
    for (const packageArn of registered) {
      const mp = await sm.send(new DescribeModelPackageCommand({ ModelPackageName: packageArn }));
      expect(groups.has(mp.ModelPackageGroupName!)).toBe(true);
    }
    expectNoViolations();
  });

  it('ListPipelineExecutions: newest first, paginated with NextToken', async () => {
    await createPipeline('smp-many');
    const started: string[] = [];
    for (let i = 0; i < 5; i++) {
      const out = await sm.send(
        new StartPipelineExecutionCommand({
          PipelineName: 'smp-many',
          ClientRequestToken: token(`many-${i}`),
          PipelineExecutionDisplayName: `run-${i}`,
        }),
      );
      started.push(out.PipelineExecutionArn!);
      server.clock.advance(1_000);
    }
    const seen: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const page = await sm.send(
        new ListPipelineExecutionsCommand({ PipelineName: 'smp-many', MaxResults: 2, NextToken: next }),
      );
      seen.push(...page.PipelineExecutionSummaries!.map((e) => e.PipelineExecutionArn!));
      next = page.NextToken;
      pages++;
    } while (next);
    expect(pages).toBe(3);
    expect(seen).toEqual([...started].reverse());
    expectNoViolations();
  });

  it('model package groups: Describe → ValidationException when absent, Create, Describe', async () => {
    await expect(
      sm.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: 'smp-new-group' })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('does not exist'),
    });
    await sm.send(
      new CreateModelPackageGroupCommand({
        ModelPackageGroupName: 'smp-new-group',
        Tags: [{ Key: 'a', Value: 'b' }],
      }),
    );
    const g = await sm.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: 'smp-new-group' }));
    expect(g).toMatchObject({ ModelPackageGroupName: 'smp-new-group', ModelPackageGroupStatus: 'Completed' });
    expectNoViolations();
  });
});

// ---------------------------------------------------------------------------------------------- S3

describe('S3 (REST-XML, path-style)', () => {
  it('PutObject / HeadObject / GetObject round trip with SSE-KMS and a SHA-256 checksum', async () => {
    const body = Buffer.from('print("hello")\n');
    const sha = createHash('sha256').update(body).digest('base64');
    const kms = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const put = await s3.send(
      new PutObjectCommand({
        Bucket: 'smp-bucket',
        Key: 'code/abc/sourcedir.tar.gz',
        Body: body,
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: kms,
        ChecksumSHA256: sha,
      }),
    );
    expect(put.ETag).toBe(`"${createHash('md5').update(body).digest('hex')}"`);
    expect(put).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: kms, ChecksumSHA256: sha });

    const head = await s3.send(
      new HeadObjectCommand({
        Bucket: 'smp-bucket',
        Key: 'code/abc/sourcedir.tar.gz',
        ChecksumMode: 'ENABLED',
      }),
    );
    expect(head).toMatchObject({
      ContentLength: body.length,
      ETag: put.ETag,
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: kms,
      ChecksumSHA256: sha,
    });
    const headPlain = await s3.send(
      new HeadObjectCommand({ Bucket: 'smp-bucket', Key: 'code/abc/sourcedir.tar.gz' }),
    );
    expect(headPlain.ChecksumSHA256).toBeUndefined(); // S3 returns checksums only with ChecksumMode ENABLED

    const get = await s3.send(
      new GetObjectCommand({ Bucket: 'smp-bucket', Key: 'code/abc/sourcedir.tar.gz' }),
    );
    expect(Buffer.from(await get.Body!.transformToByteArray())).toEqual(body);
    expect(get.$metadata.httpStatusCode).toBe(200);
    expect(server.s3.getObject('smp-bucket', 'code/abc/sourcedir.tar.gz')?.serverSideEncryption).toBe(
      'aws:kms',
    );

    // The SDK's default upload (no explicit checksum) carries a CRC32 the server verifies.
    await s3.send(
      new PutObjectCommand({
        Bucket: 'smp-bucket',
        Key: 'plain.txt',
        Body: 'plain',
        ServerSideEncryption: 'AES256',
      }),
    );
    expect(server.s3.getObject('smp-bucket', 'plain.txt')).toMatchObject({ serverSideEncryption: 'AES256' });
    expect(
      server.requests
        .filter('PutObject')
        .every((r) => r.accessKeyId === 'AKIDTEST' && r.signingService === 's3'),
    ).toBe(true);
    expectNoViolations();
  });

  it('streams (aws-chunked with a trailing checksum) and multipart uploads', async () => {
    const data = Buffer.alloc(200_000, 'a');
    await s3.send(
      new PutObjectCommand({
        Bucket: 'smp-bucket',
        Key: 'stream.bin',
        Body: Readable.from([data]),
        ContentLength: data.length,
      }),
    );
    const streamed = server.requests.last('PutObject')!;
    expect(streamed.headers['content-encoding']).toBe('aws-chunked'); // the SDK's default for stream bodies
    expect(streamed.headers['x-amz-trailer']).toBe('x-amz-checksum-crc32');
    expect(server.s3.getObject('smp-bucket', 'stream.bin')?.body).toEqual(data);

    const { UploadId } = await s3.send(
      new CreateMultipartUploadCommand({
        Bucket: 'smp-bucket',
        Key: 'big.bin',
        ServerSideEncryption: 'aws:kms',
      }),
    );
    const parts = [Buffer.alloc(5 * 1024 * 1024, 'x'), Buffer.from('tail')];
    const etags: string[] = [];
    for (const [i, part] of parts.entries()) {
      const out = await s3.send(
        new UploadPartCommand({
          Bucket: 'smp-bucket',
          Key: 'big.bin',
          UploadId,
          PartNumber: i + 1,
          Body: part,
        }),
      );
      etags.push(out.ETag!);
    }
    const done = await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'smp-bucket',
        Key: 'big.bin',
        UploadId,
        MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
      }),
    );
    expect(done.ETag).toMatch(/^"[0-9a-f]{32}-2"$/);
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'smp-bucket', Key: 'big.bin' }));
    expect(head).toMatchObject({
      ContentLength: parts[0]!.length + 4,
      ServerSideEncryption: 'aws:kms',
      ETag: done.ETag,
    });
    expectNoViolations();
  });

  it('HeadObject on a missing key → SDK NotFound (404, no body); a wrong checksum → BadDigest', async () => {
    const err = await s3
      .send(new HeadObjectCommand({ Bucket: 'smp-bucket', Key: 'missing/key' }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFound);
    expect((err as NotFound).$metadata.httpStatusCode).toBe(404);

    const bad = await s3
      .send(
        new PutObjectCommand({
          Bucket: 'smp-bucket',
          Key: 'x',
          Body: 'abc',
          ChecksumSHA256: createHash('sha256').update('xyz').digest('base64'),
        }),
      )
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(S3ServiceException);
    expect((bad as S3ServiceException).name).toBe('BadDigest');
    expect(server.s3.getObject('smp-bucket', 'x')).toBeUndefined();
    expectNoViolations();
  });
});

// ---------------------------------------------------------------------------------------------- Scheduler

describe('EventBridge Scheduler (REST-JSON)', () => {
  const scheduler = (): SchedulerClient =>
    new SchedulerClient({ region: REGION, endpoint: server.endpoint, credentials, maxAttempts: 1 });
  const target = {
    Arn: 'arn:aws:sagemaker:us-east-1:123456789012:pipeline/smp-run',
    RoleArn: 'arn:aws:iam::123456789012:role/smp-scheduler',
    SageMakerPipelineParameters: { PipelineParameterList: [{ Name: 'InputDate', Value: '2026-01-01' }] },
  };

  it('Create → Get (defaults filled in) → Update → Delete; a missing schedule is ResourceNotFoundException', async () => {
    const client = scheduler();
    try {
      const created = await client.send(
        new CreateScheduleCommand({
          Name: 'smp-selftest',
          ScheduleExpression: 'cron(0 6 * * ? *)',
          ScheduleExpressionTimezone: 'Europe/Paris',
          FlexibleTimeWindow: { Mode: 'OFF' },
          Target: target,
        }),
      );
      expect(created.ScheduleArn).toBe(
        'arn:aws:scheduler:us-east-1:123456789012:schedule/default/smp-selftest',
      );
      const got = await client.send(new GetScheduleCommand({ Name: 'smp-selftest', GroupName: 'default' }));
      expect(got).toMatchObject({
        Name: 'smp-selftest',
        GroupName: 'default',
        State: 'ENABLED',
        ScheduleExpressionTimezone: 'Europe/Paris',
        Target: { ...target, RetryPolicy: { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 } },
      });
      expect(got.CreationDate).toBeInstanceOf(Date);
      // The SDK fills the idempotency token into the body; the name travels in the path.
      const create = server.requests.last('CreateSchedule')!;
      expect(create.service).toBe('scheduler');
      expect(create.input.ClientToken).toMatch(/^[a-zA-Z0-9-_]+$/);
      expect(server.requests.last('GetSchedule')!.input).toEqual({
        Name: 'smp-selftest',
        GroupName: 'default',
      });

      await client.send(
        new UpdateScheduleCommand({
          Name: 'smp-selftest',
          ScheduleExpression: 'rate(1 day)',
          FlexibleTimeWindow: { Mode: 'OFF' },
          State: 'DISABLED',
          Target: target,
        }),
      );
      expect(server.scheduler.get('smp-selftest')?.spec).toMatchObject({
        ScheduleExpression: 'rate(1 day)',
        State: 'DISABLED',
      });
      await client.send(new DeleteScheduleCommand({ Name: 'smp-selftest' }));
      const gone = await client
        .send(new GetScheduleCommand({ Name: 'smp-selftest' }))
        .catch((e: unknown) => e);
      expect(gone).toBeInstanceOf(ResourceNotFoundException);
      expect(server.requests.last('GetSchedule')!.status).toBe(404);
      expectNoViolations();
    } finally {
      client.destroy();
    }
  });

  it('refuses what the API model or the service refuses: a bad name (recorded), an unknown expression form or time zone', async () => {
    const client = scheduler();
    try {
      const base = { FlexibleTimeWindow: { Mode: 'OFF' as const }, Target: target };
      const badName = await client
        .send(new CreateScheduleCommand({ ...base, Name: 'has space', ScheduleExpression: 'rate(1 day)' }))
        .catch((e: unknown) => e);
      expect(badName).toBeInstanceOf(ValidationException);
      expect(server.violations.map((v) => [v.service, v.operation, v.path, v.rule])).toEqual([
        ['scheduler', 'CreateSchedule', 'Name', 'pattern'],
      ]);
      server.violations.length = 0;
      const badExpr = await client
        .send(new CreateScheduleCommand({ ...base, Name: 'x', ScheduleExpression: 'every day' }))
        .catch((e: unknown) => e);
      expect((badExpr as Error).message).toMatch(/Invalid Schedule Expression/);
      const badTz = await client
        .send(
          new CreateScheduleCommand({
            ...base,
            Name: 'x',
            ScheduleExpression: 'rate(1 day)',
            ScheduleExpressionTimezone: 'Mars/Olympus',
          }),
        )
        .catch((e: unknown) => e);
      expect((badTz as Error).message).toMatch(/Invalid Timezone/);
      expect(server.scheduler.get('x')).toBeUndefined();
      expectNoViolations();
    } finally {
      client.destroy();
    }
  });
});

// ---------------------------------------------------------------------------------------------- STS + OIDC

describe('STS (awsQuery) and the OIDC token endpoint', () => {
  /** A token through @actions/core's own client, as the action will fetch it (its log lines muted). */
  async function idToken(): Promise<string> {
    vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_URL', server.oidcUrl);
    vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_TOKEN', server.oidcRequestToken);
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      return await getIDToken('sts.amazonaws.com');
    } finally {
      write.mockRestore();
      vi.unstubAllEnvs();
    }
  }

  it('AssumeRoleWithWebIdentity with a token from @actions/core getIDToken returns credentials that work', async () => {
    const jwt = await idToken();
    expect(server.oidc.requests).toBe(1);
    expect(server.requests.last()).toMatchObject({
      service: 'oidc',
      input: { audience: 'sts.amazonaws.com' },
      status: 200,
    });

    const anonymous = new STSClient({ region: REGION, endpoint: server.endpoint, credentials });
    const out = await anonymous.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: 'arn:aws:iam::123456789012:role/smp-deploy',
        RoleSessionName: 'smp-1234567890-1',
        WebIdentityToken: jwt,
        DurationSeconds: 3600,
      }),
    );
    anonymous.destroy();
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(out.Credentials?.Expiration?.getTime()).toBe(server.clock.now() + 3_600_000);
    expect(out).toMatchObject({
      SubjectFromWebIdentityToken: 'repo:octo-org/octo-repo:environment:production',
      Audience: 'sts.amazonaws.com',
      AssumedRoleUser: { Arn: 'arn:aws:sts::123456789012:assumed-role/smp-deploy/smp-1234567890-1' },
    });
    const assume = server.requests.last('AssumeRoleWithWebIdentity')!;
    expect(assume.accessKeyId).toBeUndefined(); // AssumeRoleWithWebIdentity is sent unsigned

    // The issued keys sign the next calls; after Expiration the server answers ExpiredToken.
    const session = {
      accessKeyId: out.Credentials!.AccessKeyId!,
      secretAccessKey: out.Credentials!.SecretAccessKey!,
      sessionToken: out.Credentials!.SessionToken!,
    };
    const asRole = new STSClient({ region: REGION, endpoint: server.endpoint, credentials: session });
    const smAsRole = new SageMakerClient({ region: REGION, endpoint: server.endpoint, credentials: session });
    try {
      const me = await asRole.send(new GetCallerIdentityCommand({}));
      expect(me.Arn).toBe('arn:aws:sts::123456789012:assumed-role/smp-deploy/smp-1234567890-1');
      server.clock.advance(3_600_000);
      await expect(
        smAsRole.send(new DescribePipelineCommand({ PipelineName: 'anything' })),
      ).rejects.toMatchObject({ name: 'ExpiredTokenException' });
    } finally {
      asRole.destroy();
      smAsRole.destroy();
    }
    expectNoViolations();
  });

  it('deny → AccessDenied; transient IdP errors; expired ID tokens', async () => {
    const jwt = await idToken();
    const send = (): Promise<unknown> =>
      sts.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: 'arn:aws:iam::123456789012:role/smp-deploy',
          RoleSessionName: 'smp-1-1',
          WebIdentityToken: jwt,
        }),
      );

    server.script.stsDeny = true;
    const denied = await send().catch((e: unknown) => e);
    server.script.stsDeny = false;
    expect(denied).toBeInstanceOf(STSServiceException);
    expect(denied).toMatchObject({
      name: 'AccessDenied',
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
      $metadata: { httpStatusCode: 403 },
    });

    // IDPCommunicationErrorException is marked retryable in the SDK's model: the SDK retries it itself.
    server.requests.reset();
    Object.assign(server.script, { stsTransientFailures: 2, stsTransientError: 'IDPCommunicationError' });
    await expect(send()).resolves.toMatchObject({ Credentials: expect.any(Object) });
    expect(server.requests.filter('AssumeRoleWithWebIdentity').map((r) => r.errorCode ?? r.status)).toEqual([
      'IDPCommunicationError',
      'IDPCommunicationError',
      200,
    ]);
    // InvalidIdentityToken "Couldn't retrieve verification key" is not: the caller has to retry.
    Object.assign(server.script, { stsTransientFailures: 1, stsTransientError: 'InvalidIdentityToken' });
    await expect(send()).rejects.toMatchObject({
      name: 'InvalidIdentityTokenException',
      message: expect.stringContaining("Couldn't retrieve verification key"),
    });
    await expect(send()).resolves.toMatchObject({ Credentials: expect.any(Object) });
    server.script.stsTransientError = 'alternate';

    server.clock.advance(301_000); // GitHub ID tokens live 5 minutes
    await expect(send()).rejects.toMatchObject({ name: 'ExpiredTokenException' });
    expectNoViolations();
  });
});

// ---------------------------------------------------------------------------------------------- faults

describe('fault injection', () => {
  it('30 % throttling + 5 % 500s: 30 sequential DescribePipeline calls all succeed through the SDK retries', async () => {
    await createPipeline('smp-faults');
    server.faults = { throttleRate: 0.3, errorRate: 0.05, seed: 11 };
    for (let i = 0; i < 30; i++) {
      const d = await sm.send(new DescribePipelineCommand({ PipelineName: 'smp-faults' }));
      expect(d.PipelineName).toBe('smp-faults');
    }
    const attempts = server.requests.filter('DescribePipeline');
    expect(attempts.filter((r) => r.status === 200)).toHaveLength(30);
    expect(server.requests.count('DescribePipeline', { fault: 'throttle' })).toBeGreaterThan(0);
    expect(server.requests.count('DescribePipeline', { fault: 'error' })).toBeGreaterThan(0);
    expect(
      attempts
        .filter((r) => r.fault === 'throttle')
        .every((r) => r.status === 400 && r.errorCode === 'ThrottlingException'),
    ).toBe(true);
    expect(attempts.filter((r) => r.fault === 'error').every((r) => r.status === 500)).toBe(true);
    expectNoViolations();
  }, 60_000);

  it('connection resets and S3 SlowDown are retried by the SDK too', async () => {
    server.faults = { queue: [{ kind: 'reset' }, { kind: 'throttle', operation: 'PutObject' }] };
    await s3.send(new PutObjectCommand({ Bucket: 'smp-bucket', Key: 'retry.txt', Body: 'x' }));
    expect(server.requests.filter('PutObject').map((r) => [r.status, r.fault, r.errorCode])).toEqual([
      [0, 'reset', undefined],
      [503, 'throttle', 'SlowDown'],
      [200, undefined, undefined],
    ]);
    expectNoViolations();
  });
});
