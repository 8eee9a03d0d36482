// Retry policies and managed spot training through the config phase and the compiler. Shapes from the SDK:
// RetryPolicies as in __tests__/fixtures/sdk-golden/06_model_step_register_runtime_repack.json (its repack
// Training step has a SageMakerJobStepRetryPolicy, its RegisterModel step a StepRetryPolicy), the spot fields of
// a CreateTrainingJob request as the SDK's estimator writes them (docs/pipeline-definition.md §3.1; members checked
// against botocore's model).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { allDefinitionSteps } from '../../../src/compile/branches.js';
import type { DefinitionStep, Plan } from '../../../src/compile/types.js';
import { loadApiModel, validateRequest } from '../../helpers/api-model.js';
import { cleanup, compileEditedUnit, errorsOf, planOf } from '../../helpers/edited-unit.js';
import type { EditedUnit } from '../../helpers/edited-unit.js';

const GOLDEN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/sdk-golden');
type Obj = Record<string, unknown>;
const sdk06 = JSON.parse(
  readFileSync(path.join(GOLDEN, '06_model_step_register_runtime_repack.json'), 'utf8'),
) as { Steps: Obj[] };
const sdkRepack = sdk06.Steps.find((s) => s.Type === 'Training' && String(s.Name).includes('RepackModel'))!;
const sdkRegister = sdk06.Steps.find((s) => s.Type === 'RegisterModel')!;
const sdkPolicy = (sdkRepack.RetryPolicies as Obj[])[0]!;

afterAll(cleanup);

const RETRY = `    retry:
      - exceptions: [Step.THROTTLING, SageMaker.CAPACITY_ERROR]
        max_attempts: 5
        interval_seconds: 30
        backoff_rate: 1.5
`;

function project(edit: (conf: string) => string = (c) => c): EditedUnit {
  return compileEditedUnit((conf) =>
    edit(
      conf
        .replace('    pipelineName: p-test\n', `    pipelineName: p-test\n${RETRY}`)
        .replace(
          '      train:\n        image_uri: img:1\n',
          '      train:\n        image_uri: img:1\n        max_runtime_seconds: 3600\n        use_spot_instances: true\n',
        ),
    ),
  );
}

const compiled = (edit?: (conf: string) => string): Plan => planOf(project(edit));
const stepOf = (plan: Plan, name: string): DefinitionStep =>
  allDefinitionSteps(plan.definition.Steps).find((s) => s.Name === name)!;
const errors = errorsOf;

describe('retry policies', () => {
  const plan = compiled();

  it('the pipeline default goes to every step, in the SDK RetryPolicy shape and envelope position', () => {
    const train = stepOf(plan, 'train');
    expect(Object.keys(train.RetryPolicies![0]!)).toEqual(Object.keys(sdkPolicy));
    expect(train.RetryPolicies).toEqual([
      {
        BackoffRate: 1.5,
        IntervalSeconds: 30,
        MaxAttempts: 5,
        ExceptionType: ['Step.THROTTLING', 'SageMaker.CAPACITY_ERROR'],
      },
    ]);
    // SDK envelope: … DependsOn, Description, RetryPolicies, then CacheConfig / PropertyFiles.
    expect(Object.keys(sdkRepack)).toEqual([
      'Name',
      'Type',
      'Arguments',
      'DependsOn',
      'Description',
      'RetryPolicies',
    ]);
    expect(Object.keys(stepOf(plan, 'metrics'))).toEqual([
      'Name',
      'Type',
      'Arguments',
      'DependsOn',
      'RetryPolicies',
      'PropertyFiles',
    ]);
  });

  it('steps that run no job keep only the step exceptions (the SDK refuses job policies on them)', () => {
    expect((sdkRegister.RetryPolicies as { ExceptionType: string[] }[])[0]!.ExceptionType).toEqual([
      'Step.THROTTLING',
    ]);
    for (const name of ['create', 'register']) {
      expect(stepOf(plan, name).RetryPolicies).toEqual([
        { BackoffRate: 1.5, IntervalSeconds: 30, MaxAttempts: 5, ExceptionType: ['Step.THROTTLING'] },
      ]);
    }
  });

  it('a step override replaces the default; [] means none; defaults interval 1 and backoff 2', () => {
    const p = compiled((c) =>
      c
        .replace(
          '            step_class: Metrics\n',
          '            step_class: Metrics\n            retry: []\n',
        )
        .replace(
          '            step_class: Transform\n',
          '            step_class: Transform\n            retry: [{ exceptions: [SageMaker.RESOURCE_LIMIT], expire_after_minutes: 60 }]\n',
        ),
    );
    expect(stepOf(p, 'metrics').RetryPolicies).toBeUndefined();
    expect(stepOf(p, 'transform').RetryPolicies).toEqual([
      { BackoffRate: 2, IntervalSeconds: 1, ExpireAfterMin: 60, ExceptionType: ['SageMaker.RESOURCE_LIMIT'] },
    ]);
  });

  it('without retry keys nothing changes', () => {
    const p = compiled((c) => c.replace(RETRY, ''));
    expect(p.definitionJson).not.toContain('RetryPolicies');
  });

  it('a bad exception type, and a job exception on a step that runs no job, are positioned errors', () => {
    const r = project((c) =>
      c
        .replace('[Step.THROTTLING, SageMaker.CAPACITY_ERROR]', '[Step.THROTTLNG, SageMaker.CAPACITY_ERROR]')
        .replace(
          '            step_class: RegisterModel\n',
          '            step_class: RegisterModel\n            retry: [{ exceptions: [SageMaker.JOB_INTERNAL_ERROR], max_attempts: 2 }]\n',
        ),
    );
    const [unknown, job] = errors(r);
    expect(unknown).toMatchObject({
      code: 'unknown-retry-exception',
      path: 'conf.sagemakerPipeline.retry[0].exceptions[0]',
      loc: { file: 'm/conf/conf.yaml', ...r.pos('Step.THROTTLNG') },
    });
    expect(unknown!.message).toContain('did you mean `Step.THROTTLING`');
    expect(job).toMatchObject({
      code: 'job-exception-on-non-job-step',
      loc: { file: 'm/conf/conf.yaml', ...r.pos('SageMaker.JOB_INTERNAL_ERROR') },
    });
    expect(job!.message).toContain('a RegisterModel step runs no job');
  });

  it('exactly one of max_attempts and expire_after_minutes', () => {
    const r = project((c) => c.replace('        max_attempts: 5\n', ''));
    expect(errors(r).map((d) => d.code)).toEqual(['retry-limit']);
  });
});

describe('managed spot training', () => {
  const sm = loadApiModel('sagemaker');

  it('enables spot, waits up to twice the runtime, checkpoints under the pipeline prefix', () => {
    const args = stepOf(compiled(), 'train').Arguments;
    expect(args.EnableManagedSpotTraining).toBe(true);
    expect(args.StoppingCondition).toEqual({ MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 });
    expect(args.CheckpointConfig).toEqual({
      S3Uri: 's3://example-bucket/p-test/checkpoints/m/',
      LocalPath: '/opt/ml/checkpoints',
    });
    // The members are CreateTrainingJob's (botocore), and the request stays valid.
    expect(
      validateRequest(sm, 'CreateTrainingJob', args, {
        allowExpressions: true,
        omitted: ['TrainingJobName'],
      }),
    ).toEqual([]);
  });

  it('takes max_wait and checkpoint locations as written', () => {
    const args = stepOf(
      compiled((c) =>
        c.replace(
          '        use_spot_instances: true\n',
          '        use_spot_instances: true\n        max_wait: 5000\n        checkpoint_s3_uri: s3://ckpt/run/\n        checkpoint_local_path: /opt/ckpt\n',
        ),
      ),
      'train',
    ).Arguments;
    expect(args.StoppingCondition).toEqual({ MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 5000 });
    expect(args.CheckpointConfig).toEqual({ S3Uri: 's3://ckpt/run/', LocalPath: '/opt/ckpt' });
  });

  it('max_wait below the runtime is a positioned error', () => {
    const r = project((c) =>
      c.replace(
        '        use_spot_instances: true\n',
        '        use_spot_instances: true\n        max_wait: 1800\n',
      ),
    );
    const [e] = errors(r);
    expect(e).toMatchObject({
      code: 'max-wait-below-runtime',
      path: 'conf.models.m.train.max_wait',
      loc: { file: 'm/conf/conf.yaml', ...r.pos('1800') },
    });
    expect(e!.message).toContain("1800 seconds is less than the job's max runtime (3600 s)");
  });

  it('spot settings without use_spot_instances, or outside train, are ignored with a warning', () => {
    const r = project((c) =>
      c
        .replace('        use_spot_instances: true\n', '        max_wait: 9000\n')
        .replace(
          '      evaluate:\n        image_uri: img:1\n',
          '      evaluate:\n        image_uri: img:1\n        use_spot_instances: true\n',
        ),
    );
    expect(r.plan).toBeDefined();
    expect(r.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code)).toEqual(
      expect.arrayContaining(['spot-settings-ignored', 'spot-outside-train']),
    );
    expect(r.plan!.definitionJson).not.toContain('MaxWaitTimeInSeconds');
    expect(r.plan!.definitionJson).not.toContain('EnableManagedSpotTraining');
  });
});
