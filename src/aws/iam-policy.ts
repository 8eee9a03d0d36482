// The least-privilege IAM policy the deploying role needs for a plan (smp iam-policy). Pure.
import type { Plan } from '../compile/types.js';
import { scheduleName } from '../config/schedule.js';
import { modelPackageGroups } from '../plan/model-groups.js';
import { metricsObjectResources } from './metrics-locations.js';

export interface PolicyContext {
  readonly region: string;
  readonly accountId: string;
  readonly executionRoleArn: string;
  readonly bucket: string;
  readonly kmsKey: string | undefined;
}

export function iamPolicy(plan: Plan, ctx: PolicyContext): Record<string, unknown> {
  const arn = (resource: string): string => `arn:aws:sagemaker:${ctx.region}:${ctx.accountId}:${resource}`;
  const pipeline = arn(`pipeline/${plan.pipelineName.toLowerCase()}`);
  const groups = modelPackageGroups(plan);
  const statements: Record<string, unknown>[] = [
    {
      Sid: 'UploadCode',
      Effect: 'Allow',
      Action: ['s3:PutObject', 's3:GetObject'],
      Resource: [`arn:aws:s3:::${ctx.bucket}/${plan.pipelineName}/*`],
    },
    {
      // HeadObject on a missing key answers 404 (not 403) only with ListBucket; it keeps "skip when present" exact.
      Sid: 'CheckCode',
      Effect: 'Allow',
      Action: ['s3:ListBucket'],
      Resource: [`arn:aws:s3:::${ctx.bucket}`],
      Condition: { StringLike: { 's3:prefix': [`${plan.pipelineName}/*`] } },
    },
    {
      Sid: 'Pipeline',
      Effect: 'Allow',
      Action: [
        'sagemaker:DescribePipeline',
        'sagemaker:CreatePipeline',
        'sagemaker:UpdatePipeline',
        'sagemaker:AddTags',
        'sagemaker:ListTags',
        'sagemaker:StartPipelineExecution',
        'sagemaker:ListPipelineExecutions',
      ],
      Resource: [pipeline],
    },
    {
      Sid: 'Executions',
      Effect: 'Allow',
      Action: [
        'sagemaker:DescribePipelineExecution',
        'sagemaker:ListPipelineExecutionSteps',
        'sagemaker:StopPipelineExecution',
      ],
      Resource: [`${pipeline}/execution/*`],
    },
    {
      Sid: 'PassExecutionRole',
      Effect: 'Allow',
      Action: ['iam:PassRole'],
      Resource: [ctx.executionRoleArn],
      Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
    },
  ];
  if (groups.length > 0) {
    statements.push({
      Sid: 'ModelRegistry',
      Effect: 'Allow',
      Action: [
        'sagemaker:DescribeModelPackageGroup',
        'sagemaker:CreateModelPackageGroup',
        'sagemaker:AddTags',
        'sagemaker:DescribeModelPackage',
      ],
      Resource: [
        ...groups.map((g) => arn(`model-package-group/${g.toLowerCase()}`)),
        ...groups.map((g) => arn(`model-package/${g.toLowerCase()}/*`)),
      ],
    });
  }
  // The run report reads each registered version's metrics object; under the code prefix it is covered above.
  const code = `arn:aws:s3:::${ctx.bucket}/${plan.pipelineName}/`;
  const metrics = metricsObjectResources(plan.definition.Steps).filter((r) => !r.startsWith(code));
  if (metrics.length > 0) {
    statements.push({
      Sid: 'ReadModelMetrics',
      Effect: 'Allow',
      Action: ['s3:GetObject'],
      Resource: metrics,
    });
  }
  if (plan.modelPackages.length > 0) {
    const scored = [...new Set(plan.modelPackages.map((b) => b.group.toLowerCase()))].sort();
    statements.push(
      {
        // ListModelPackages has no resource-level permissions in IAM: it is granted on "*".
        Sid: 'FindModelVersions',
        Effect: 'Allow',
        Action: ['sagemaker:ListModelPackages'],
        Resource: ['*'],
      },
      {
        Sid: 'ReadModelVersions',
        Effect: 'Allow',
        Action: ['sagemaker:DescribeModelPackage'],
        Resource: scored.map((g) => arn(`model-package/${g}/*`)),
      },
    );
  }
  // Every deploy reads `smp-<pipeline>` (and deletes it when the config dropped it and it is ours), so Get and
  // Delete on that one name are always in; Create/Update and passing the role only with a schedule.
  statements.push({
    Sid: 'Schedule',
    Effect: 'Allow',
    Action: [
      'scheduler:GetSchedule',
      ...(plan.schedule ? ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule'] : []),
      'scheduler:DeleteSchedule',
    ],
    Resource: [
      `arn:aws:scheduler:${ctx.region}:${ctx.accountId}:schedule/default/${scheduleName(plan.pipelineName)}`,
    ],
  });
  if (plan.schedule) {
    statements.push({
      Sid: 'PassSchedulerRole',
      Effect: 'Allow',
      Action: ['iam:PassRole'],
      Resource: [plan.schedule.roleArn],
      Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
    });
  }
  if (ctx.kmsKey) {
    statements.push({
      Sid: 'EncryptUploads',
      Effect: 'Allow',
      Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
      Resource: [
        ctx.kmsKey.startsWith('arn:')
          ? ctx.kmsKey
          : `arn:aws:kms:${ctx.region}:${ctx.accountId}:key/${ctx.kmsKey}`,
      ],
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}
