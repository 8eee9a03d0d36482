// Resolving a unit's `model_package` to one versioned ARN in the Model Registry.
// `latest-approved` asks ListModelPackages for the newest Approved version: SortOrder must be Descending,
// because the API's default order is Ascending (the oldest approved version first).
import { DescribeModelPackageCommand, ListModelPackagesCommand } from '@aws-sdk/client-sagemaker';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { PackageBinding, ResolvedPackage } from '../compile/model-packages.js';

/** The registry answered, and the answer cannot be used (no approved version, not approved, failed). */
export class PackageResolutionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageResolutionError';
  }
}

type Source = Pick<PackageBinding, 'model' | 'group' | 'version' | 'requireApproved'>;

export async function resolvePackage(
  sm: SageMakerClient,
  source: Source,
  region: string,
  accountId: string,
): Promise<ResolvedPackage> {
  if (source.version === 'latest-approved') {
    const out = await sm.send(
      new ListModelPackagesCommand({
        ModelPackageGroupName: source.group,
        ModelPackageType: 'Versioned',
        ModelApprovalStatus: 'Approved',
        SortBy: 'CreationTime',
        SortOrder: 'Descending',
        MaxResults: 1,
      }),
    );
    const newest = out.ModelPackageSummaryList?.[0];
    if (!newest?.ModelPackageArn) {
      throw new PackageResolutionError(
        `model package group ${source.group} (model \`${source.model}\`) has no Approved version: approve one in the Model Registry, or pin \`version:\` in conf.models.${source.model}.model_package`,
      );
    }
    // The newest Approved version decides: an older one would silently score with a stale model.
    return checked(
      {
        arn: newest.ModelPackageArn,
        group: newest.ModelPackageGroupName ?? source.group,
        version: newest.ModelPackageVersion ?? versionOf(newest.ModelPackageArn),
        approvalStatus: newest.ModelApprovalStatus ?? 'Approved',
        status: newest.ModelPackageStatus ?? 'Completed',
        createdAt: iso(newest.CreationTime),
      },
      source,
    );
  }
  const name =
    typeof source.version === 'number'
      ? `arn:aws:sagemaker:${region}:${accountId}:model-package/${source.group.toLowerCase()}/${source.version}`
      : source.version;
  let out;
  try {
    out = await sm.send(new DescribeModelPackageCommand({ ModelPackageName: name }));
  } catch (err) {
    const e = err as { name?: string; message?: string };
    if (e.name === 'ValidationException' && /does not exist|not found/i.test(e.message ?? '')) {
      throw new PackageResolutionError(
        `model package ${name} (model \`${source.model}\`) does not exist in group ${source.group}`,
      );
    }
    throw err;
  }
  return checked(
    {
      arn: out.ModelPackageArn ?? name,
      group: out.ModelPackageGroupName ?? source.group,
      version: out.ModelPackageVersion ?? versionOf(out.ModelPackageArn ?? name),
      approvalStatus: out.ModelApprovalStatus ?? 'PendingManualApproval',
      status: out.ModelPackageStatus ?? 'Completed',
      createdAt: iso(out.CreationTime),
    },
    source,
  );
}

function checked(r: ResolvedPackage, source: Source): ResolvedPackage {
  if (r.status !== 'Completed') {
    throw new PackageResolutionError(
      `model package ${r.arn} (model \`${source.model}\`) is ${r.status}, not Completed: it cannot be used to create a model`,
    );
  }
  if (source.requireApproved && r.approvalStatus !== 'Approved') {
    throw new PackageResolutionError(
      `model package ${r.arn} (model \`${source.model}\`) is ${r.approvalStatus}, not Approved: approve it in the Model Registry, or set require_approved: false in conf.models.${source.model}.model_package to score with it anyway`,
    );
  }
  return r;
}

function versionOf(arn: string): number {
  return Number(/\/(\d+)$/.exec(arn)?.[1] ?? 0);
}

function iso(d: Date | undefined): string {
  return d ? d.toISOString() : '';
}

/** Every binding's version, by model name; the first failure throws. */
export async function resolvePackages(
  sm: SageMakerClient,
  bindings: readonly PackageBinding[],
  region: string,
  accountId: string,
): Promise<Map<string, ResolvedPackage>> {
  const out = new Map<string, ResolvedPackage>();
  for (const b of bindings) out.set(b.model, await resolvePackage(sm, b, region, accountId));
  return out;
}
