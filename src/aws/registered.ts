// The model package versions an execution registered (never changes their approval status), with the metric
// values of each from its ModelQuality statistics object.
import { DescribeModelPackageCommand } from '@aws-sdk/client-sagemaker';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { S3Client } from '@aws-sdk/client-s3';
import type { ModelMetrics } from '../report/metrics-report.js';
import { readModelMetrics } from './model-metrics.js';
import type { StepStatus } from './wait.js';

export interface RegisteredModel {
  readonly step: string;
  readonly arn: string;
  readonly group: string;
  readonly version: number | undefined;
  readonly approvalStatus: string;
  /** ModelMetrics.ModelQuality.Statistics.S3Uri, when the package has metrics. */
  readonly metricsUri: string | undefined;
  /** What that object holds, or why it could not be read (undefined: the package has no metrics). */
  readonly metrics: ModelMetrics | undefined;
}

export async function registeredModels(
  sm: SageMakerClient,
  s3: S3Client,
  steps: readonly StepStatus[],
): Promise<RegisteredModel[]> {
  const out: RegisteredModel[] = [];
  for (const s of steps) {
    if (!s.modelPackageArn) continue;
    const d = await sm.send(new DescribeModelPackageCommand({ ModelPackageName: s.modelPackageArn }));
    const metricsUri = d.ModelMetrics?.ModelQuality?.Statistics?.S3Uri;
    out.push({
      step: s.name,
      arn: d.ModelPackageArn ?? s.modelPackageArn,
      group: d.ModelPackageGroupName ?? '',
      version: d.ModelPackageVersion,
      approvalStatus: d.ModelApprovalStatus ?? 'Unknown',
      metricsUri,
      metrics: metricsUri ? await readModelMetrics(s3, metricsUri) : undefined,
    });
  }
  return out;
}
