// The pipeline resource: read what is deployed, create or update it (skipping no-op updates), model groups.
import {
  AddTagsCommand,
  CreateModelPackageGroupCommand,
  CreatePipelineCommand,
  DescribeModelPackageGroupCommand,
  DescribePipelineCommand,
  ListTagsCommand,
  UpdatePipelineCommand,
} from '@aws-sdk/client-sagemaker';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { PipelineDefinition, Plan } from '../compile/types.js';
import { canonicalJson } from '../plan/hash.js';
import { definitionFromJson } from '../plan/view.js';

export interface Tag {
  readonly Key: string;
  readonly Value: string;
}

export interface DeployedPipeline {
  readonly arn: string;
  readonly definition: PipelineDefinition;
  readonly roleArn: string | undefined;
  readonly description: string | undefined;
  readonly parallelism: number | undefined;
  /** When it was last modified (ISO), for what the plan was compared with. */
  readonly lastModified: string | undefined;
  /** The display name of the deployed version (UpdatePipelineVersion sets it), when it has one. */
  readonly versionName: string | undefined;
}

export async function readDeployed(sm: SageMakerClient, name: string): Promise<DeployedPipeline | null> {
  try {
    const out = await sm.send(new DescribePipelineCommand({ PipelineName: name }));
    return {
      arn: out.PipelineArn ?? '',
      definition: definitionFromJson(JSON.parse(out.PipelineDefinition ?? '{"Steps": []}') as unknown),
      roleArn: out.RoleArn,
      description: out.PipelineDescription,
      parallelism: out.ParallelismConfiguration?.MaxParallelExecutionSteps,
      lastModified: out.LastModifiedTime?.toISOString(),
      // DescribePipeline returns the version's display name, not its id (botocore's DescribePipelineResponse).
      versionName: out.PipelineVersionDisplayName,
    };
  } catch (err) {
    if ((err as { name?: string }).name === 'ResourceNotFound') return null;
    throw err;
  }
}

export interface UpsertOptions {
  readonly roleArn: string;
  readonly description: string | undefined;
  readonly tags: readonly Tag[];
  readonly parallelism: number | undefined;
  readonly planHash: string;
}

export interface UpsertResult {
  readonly action: 'created' | 'updated' | 'unchanged';
  readonly arn: string;
}

/** Whether the deployed pipeline already is what the plan describes (definition, role, description, parallelism). */
export function isUpToDate(deployed: DeployedPipeline, plan: Plan, opts: UpsertOptions): boolean {
  return (
    canonicalJson(deployed.definition) === canonicalJson(plan.definition) &&
    deployed.roleArn === opts.roleArn &&
    // Unset means "not managed here": UpdatePipeline cannot clear either, so comparing would update forever.
    (opts.description === undefined || deployed.description === opts.description) &&
    (opts.parallelism === undefined || deployed.parallelism === opts.parallelism)
  );
}

function definitionArgs(
  plan: Plan,
): { PipelineDefinition: string } | { PipelineDefinitionS3Location: { Bucket: string; ObjectKey: string } } {
  return plan.definitionS3
    ? { PipelineDefinitionS3Location: { Bucket: plan.definitionS3.bucket, ObjectKey: plan.definitionS3.key } }
    : { PipelineDefinition: plan.definitionJson };
}

export async function upsertPipeline(
  sm: SageMakerClient,
  plan: Plan,
  deployed: DeployedPipeline | null,
  opts: UpsertOptions,
): Promise<UpsertResult> {
  const common = {
    PipelineName: plan.pipelineName,
    RoleArn: opts.roleArn,
    ...definitionArgs(plan),
    ...(opts.description ? { PipelineDescription: opts.description } : {}),
    ...(opts.parallelism
      ? { ParallelismConfiguration: { MaxParallelExecutionSteps: opts.parallelism } }
      : {}),
  };
  if (!deployed) {
    const out = await sm.send(
      new CreatePipelineCommand({
        ...common,
        // The same plan retried (a re-run, a network retry) is one creation.
        ClientRequestToken: `smp-${opts.planHash}`.slice(0, 128),
        ...(opts.tags.length > 0 ? { Tags: [...opts.tags] } : {}),
      }),
    );
    return { action: 'created', arn: out.PipelineArn ?? '' };
  }
  await syncTags(sm, deployed.arn, opts.tags);
  if (isUpToDate(deployed, plan, opts)) return { action: 'unchanged', arn: deployed.arn };
  const out = await sm.send(new UpdatePipelineCommand(common));
  return { action: 'updated', arn: out.PipelineArn ?? deployed.arn };
}

/** UpdatePipeline cannot change tags: add the missing or different ones (never removes others' tags). */
async function syncTags(sm: SageMakerClient, arn: string, tags: readonly Tag[]): Promise<void> {
  if (tags.length === 0) return;
  const out = await sm.send(new ListTagsCommand({ ResourceArn: arn }));
  const have = new Map((out.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
  const missing = tags.filter((t) => have.get(t.Key) !== t.Value);
  if (missing.length > 0) await sm.send(new AddTagsCommand({ ResourceArn: arn, Tags: [...missing] }));
}

export interface GroupSpec {
  readonly name: string;
  readonly description: string | undefined;
}

/** Creates the model package groups the RegisterModel steps use, when missing. */
export async function ensureModelPackageGroups(
  sm: SageMakerClient,
  groups: readonly GroupSpec[],
  tags: readonly Tag[],
): Promise<string[]> {
  const created: string[] = [];
  for (const g of groups) {
    try {
      await sm.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: g.name }));
      continue;
    } catch (err) {
      const e = err as { name?: string; message?: string };
      // SageMaker answers a missing group with ValidationException "… does not exist".
      if (
        !(e.name === 'ValidationException' && /does not exist|not found/i.test(e.message ?? '')) &&
        e.name !== 'ResourceNotFound'
      )
        throw err;
    }
    await sm.send(
      new CreateModelPackageGroupCommand({
        ModelPackageGroupName: g.name,
        ...(g.description ? { ModelPackageGroupDescription: g.description } : {}),
        ...(tags.length > 0 ? { Tags: [...tags] } : {}),
      }),
    );
    created.push(g.name);
  }
  return created;
}
