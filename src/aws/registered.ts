// The model package versions an execution registered (never changes their approval status).
import { DescribeModelPackageCommand } from '@aws-sdk/client-sagemaker';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { StepStatus } from './wait.js';

export interface RegisteredModel {
  readonly step: string;
  readonly arn: string;
  readonly group: string;
  readonly version: number | undefined;
  readonly approvalStatus: string;
  /** ModelMetrics.ModelQuality.Statistics.S3Uri, when the package has metrics. */
  readonly metricsUri: string | undefined;
}

export async function registeredModels(
  sm: SageMakerClient,
  steps: readonly StepStatus[],
): Promise<RegisteredModel[]> {
  const out: RegisteredModel[] = [];
  for (const s of steps) {
    if (!s.modelPackageArn) continue;
    const d = await sm.send(new DescribeModelPackageCommand({ ModelPackageName: s.modelPackageArn }));
    out.push({
      step: s.name,
      arn: d.ModelPackageArn ?? s.modelPackageArn,
      group: d.ModelPackageGroupName ?? '',
      version: d.ModelPackageVersion,
      approvalStatus: d.ModelApprovalStatus ?? 'Unknown',
      metricsUri: d.ModelMetrics?.ModelQuality?.Statistics?.S3Uri,
    });
  }
  return out;
}
