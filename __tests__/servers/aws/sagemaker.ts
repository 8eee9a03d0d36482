// SageMaker (awsJson1_1) state and operations: pipelines with versions, executions (pipeline-sim.ts),
// model package groups and packages, tags. Inputs arrive already checked against the API model;
// outputs are plain objects with timestamps as epoch seconds, checked against the output shapes by
// the server.
import { createHash } from 'node:crypto';
import { mulberry32 } from './faults.js';
import { parseDefinition } from './definition.js';
import type { DefinitionProblem, ParsedDefinition } from './definition.js';
import { SimExecution } from './pipeline-sim.js';
import { AwsError } from './types.js';
import type { RequestContext, ServerScript } from './types.js';

type Json = Record<string, unknown>;
type Tag = { Key: string; Value: string };

export interface PipelineVersion {
  versionId: number;
  definition: string;
  parsed: ParsedDefinition;
  createdAt: number;
  /** Set by UpdatePipelineVersion; DescribePipeline returns them for the version it describes. */
  displayName?: string;
  description?: string;
}

export interface PipelineRecord {
  name: string;
  arn: string;
  displayName: string;
  description?: string;
  roleArn: string;
  parallelism?: { MaxParallelExecutionSteps: number };
  createdAt: number;
  lastModifiedAt: number;
  lastRunAt?: number;
  versions: PipelineVersion[];
  tags: Tag[];
}

export interface ModelPackageGroupRecord {
  name: string;
  arn: string;
  description?: string;
  createdAt: number;
  tags: Tag[];
  nextVersion: number;
}

export interface ModelPackageRecord {
  arn: string;
  group: string;
  version: number;
  createdAt: number;
  /** DescribeModelPackage output (timestamps in epoch seconds). */
  output: Json;
  tags: Tag[];
}

const ts = (ms: number): number => ms / 1000;

function notFound(message: string): AwsError {
  return new AwsError('ResourceNotFound', message, 400, { messageMember: 'Message' });
}
function validation(message: string): AwsError {
  return new AwsError('ValidationException', message);
}
function conflict(message: string): AwsError {
  return new AwsError('ConflictException', message, 400, { messageMember: 'Message' });
}

/** Stable JSON (sorted keys) for comparing idempotent requests. */
function fingerprint(value: unknown): string {
  const canon = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canon)
      : typeof v === 'object' && v !== null
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canon((v as Json)[k])]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canon(value)))
    .digest('hex');
}

function page<T>(
  items: T[],
  nextToken: unknown,
  maxResults: unknown,
  defaultSize: number,
): { items: T[]; next?: string } {
  let offset = 0;
  if (typeof nextToken === 'string' && nextToken !== '') {
    const m = /^page:(\d+)$/.exec(Buffer.from(nextToken, 'base64').toString('utf8'));
    if (!m) throw validation(`Invalid NextToken ${nextToken}`);
    offset = Number(m[1]);
  }
  const size = typeof maxResults === 'number' ? maxResults : defaultSize;
  const slice = items.slice(offset, offset + size);
  const end = offset + slice.length;
  return end < items.length
    ? { items: slice, next: Buffer.from(`page:${end}`).toString('base64') }
    : { items: slice };
}

export interface SageMakerDeps {
  script(): ServerScript;
  now(): number;
  /** Reads an object from the server's S3 store (PipelineDefinitionS3Location). */
  readObject(bucket: string, key: string, versionId?: string): Buffer | undefined;
  /** Stores an object in the server's S3 store (what a simulated job writes). */
  writeObject(bucket: string, key: string, body: string): void;
  seed: number;
}

export class SageMakerService {
  readonly pipelines = new Map<string, PipelineRecord>();
  readonly executions = new Map<string, SimExecution>();
  readonly groups = new Map<string, ModelPackageGroupRecord>();
  readonly packages = new Map<string, ModelPackageRecord>();
  /** `<operation>:<ClientRequestToken>` → the first request's fingerprint and response. */
  readonly #idempotency = new Map<string, { fingerprint: string; response: Json }>();
  readonly #deps: SageMakerDeps;
  readonly #rng: () => number;

  constructor(deps: SageMakerDeps) {
    this.#deps = deps;
    this.#rng = mulberry32(deps.seed);
  }

  // ------------------------------------------------------------------------------- helpers for tests

  pipeline(nameOrArn: string): PipelineRecord | undefined {
    return this.#findPipeline(nameOrArn);
  }

  /** Executions of a pipeline, newest first. */
  executionsOf(pipelineName: string): SimExecution[] {
    const p = this.#findPipeline(pipelineName);
    return [...this.executions.values()]
      .filter((e) => e.init.pipelineArn === p?.arn)
      .sort((a, b) => b.init.createdAt - a.init.createdAt || b.id.localeCompare(a.id));
  }

  /** Brings every execution up to the clock. */
  update(now: number): void {
    for (const e of this.executions.values()) e.update(now);
  }

  #randomId(length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[Math.floor(this.#rng() * alphabet.length)];
    return s;
  }

  #findPipeline(nameOrArn: string): PipelineRecord | undefined {
    const m = /:pipeline\/([^/]+)$/.exec(nameOrArn);
    return this.pipelines.get((m ? m[1]! : nameOrArn).toLowerCase());
  }

  #pipelineOrThrow(nameOrArn: string, ctx: RequestContext): PipelineRecord {
    const p = this.#findPipeline(nameOrArn);
    if (!p) {
      const arn = nameOrArn.startsWith('arn:')
        ? nameOrArn
        : `arn:aws:sagemaker:${ctx.region}:${ctx.accountId}:pipeline/${nameOrArn.toLowerCase()}`;
      throw notFound(`Pipeline '${arn}' does not exist.`);
    }
    return p;
  }

  #executionOrThrow(arn: unknown): SimExecution {
    if (typeof arn !== 'string') throw validation('PipelineExecutionArn is required.');
    const e = this.executions.get(arn.toLowerCase());
    if (!e) throw notFound(`Pipeline execution '${arn}' does not exist.`);
    return e;
  }

  /** Runs `create` once per ClientRequestToken; a replay with the same input returns the same response. */
  #idempotent(op: string, input: Json, create: () => Json): Json {
    const token = input.ClientRequestToken as string;
    const key = `${op}:${token}`;
    const fp = fingerprint(input);
    const seen = this.#idempotency.get(key);
    if (seen) {
      if (seen.fingerprint !== fp) {
        throw conflict(
          `ClientRequestToken ${token} was already used for a ${op} request with different parameters.`,
        );
      }
      return seen.response;
    }
    const response = create();
    this.#idempotency.set(key, { fingerprint: fp, response });
    return response;
  }

  #loadDefinition(input: Json, ctx: RequestContext): { text: string; parsed: ParsedDefinition } {
    const inline = input.PipelineDefinition as string | undefined;
    const s3 = input.PipelineDefinitionS3Location as
      { Bucket: string; ObjectKey: string; VersionId?: string } | undefined;
    if ((inline === undefined) === (s3 === undefined)) {
      throw validation(
        'Exactly one of PipelineDefinition or PipelineDefinitionS3Location must be specified.',
      );
    }
    let text = inline;
    if (s3) {
      const bytes = this.#deps.readObject(s3.Bucket, s3.ObjectKey, s3.VersionId);
      if (!bytes) {
        throw validation(
          `Unable to read pipeline definition from S3 location s3://${s3.Bucket}/${s3.ObjectKey}: NoSuchKey.`,
        );
      }
      text = bytes.toString('utf8');
      if (text.length > 1_048_576 * 10) throw validation('Pipeline definition in S3 is too large.');
    }
    const { definition, problems, argumentViolations } = parseDefinition(text!);
    const all: DefinitionProblem[] = [
      ...problems,
      ...argumentViolations.map((v) => ({
        path: `Steps[${v.step}].Arguments${v.path ? `.${v.path}` : ''}`,
        message: `[${v.rule}] ${v.message}`,
      })),
    ];
    for (const p of all) ctx.violation(`PipelineDefinition.${p.path}`, 'definition', p.message);
    if (!definition || all.length > 0) {
      throw validation(
        `Invalid pipeline definition: ${all.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      );
    }
    return { text: text!, parsed: definition };
  }

  // ------------------------------------------------------------------------------- dispatch

  handle(operation: string, input: Json, ctx: RequestContext): Json {
    this.update(ctx.now);
    switch (operation) {
      case 'CreatePipeline':
        return this.#idempotent(operation, input, () => this.#createPipeline(input, ctx));
      case 'UpdatePipeline':
        return this.#updatePipeline(input, ctx);
      case 'DescribePipeline':
        return this.#describePipeline(input, ctx);
      case 'UpdatePipelineVersion':
        return this.#updatePipelineVersion(input, ctx);
      case 'DeletePipeline':
        return this.#idempotent(operation, input, () => {
          const p = this.#pipelineOrThrow(input.PipelineName as string, ctx);
          this.pipelines.delete(p.name.toLowerCase());
          return { PipelineArn: p.arn };
        });
      case 'StartPipelineExecution':
        return this.#idempotent(operation, input, () => this.#start(input, ctx));
      case 'StopPipelineExecution':
        return this.#idempotent(operation, input, () => {
          const e = this.#executionOrThrow(input.PipelineExecutionArn);
          if (e.stop(ctx.now) === 'terminal') {
            throw validation(`Pipeline execution ${e.arn} is in ${e.status} status and cannot be stopped.`);
          }
          return { PipelineExecutionArn: e.arn };
        });
      case 'DescribePipelineExecution':
        return this.#describeExecution(this.#executionOrThrow(input.PipelineExecutionArn), ctx);
      case 'DescribePipelineDefinitionForExecution': {
        const e = this.#executionOrThrow(input.PipelineExecutionArn);
        return { PipelineDefinition: e.init.definitionText, CreationTime: ts(e.init.createdAt) };
      }
      case 'ListPipelineExecutions':
        return this.#listExecutions(input, ctx);
      case 'ListPipelineExecutionSteps':
        return this.#listSteps(input, ctx);
      case 'CreateModelPackageGroup':
        return this.#createGroup(input, ctx);
      case 'DescribeModelPackageGroup':
        return this.#describeGroup(input, ctx);
      case 'DescribeModelPackage':
        return this.#describePackage(input);
      case 'ListModelPackages':
        return this.#listPackages(input);
      case 'AddTags':
        return this.#addTags(input);
      case 'ListTags': {
        const tags = this.#taggable(input.ResourceArn as string);
        const { items, next } = page(tags, input.NextToken, input.MaxResults, 50);
        return { Tags: items, ...(next ? { NextToken: next } : {}) };
      }
      default:
        throw new AwsError(
          'UnknownOperationException',
          `The test server does not implement SageMaker.${operation}.`,
        );
    }
  }

  // ------------------------------------------------------------------------------- pipelines

  #createPipeline(input: Json, ctx: RequestContext): Json {
    const name = input.PipelineName as string;
    const { text, parsed } = this.#loadDefinition(input, ctx);
    if (this.#findPipeline(name)) {
      throw validation(
        `Pipeline names must be unique within an AWS account and region. Pipeline with name (${name}) already exists.`,
      );
    }
    const arn = `arn:aws:sagemaker:${ctx.region}:${ctx.accountId}:pipeline/${name.toLowerCase()}`;
    const record: PipelineRecord = {
      name,
      arn,
      displayName: (input.PipelineDisplayName as string | undefined) ?? name,
      roleArn: input.RoleArn as string,
      createdAt: ctx.now,
      lastModifiedAt: ctx.now,
      versions: [{ versionId: 1, definition: text, parsed, createdAt: ctx.now }],
      tags: [...((input.Tags as Tag[] | undefined) ?? [])],
    };
    if (input.PipelineDescription !== undefined) record.description = input.PipelineDescription as string;
    if (input.ParallelismConfiguration)
      record.parallelism = input.ParallelismConfiguration as PipelineRecord['parallelism'];
    this.pipelines.set(name.toLowerCase(), record);
    return { PipelineArn: arn };
  }

  #updatePipeline(input: Json, ctx: RequestContext): Json {
    const p = this.#pipelineOrThrow(input.PipelineName as string, ctx);
    const hasDefinition =
      input.PipelineDefinition !== undefined || input.PipelineDefinitionS3Location !== undefined;
    const loaded = hasDefinition ? this.#loadDefinition(input, ctx) : undefined;
    const current = p.versions[p.versions.length - 1]!;
    p.versions.push({
      versionId: current.versionId + 1,
      definition: loaded?.text ?? current.definition,
      parsed: loaded?.parsed ?? current.parsed,
      createdAt: ctx.now,
    });
    if (input.PipelineDisplayName !== undefined) p.displayName = input.PipelineDisplayName as string;
    if (input.PipelineDescription !== undefined) p.description = input.PipelineDescription as string;
    if (input.RoleArn !== undefined) p.roleArn = input.RoleArn as string;
    if (input.ParallelismConfiguration !== undefined)
      p.parallelism = input.ParallelismConfiguration as PipelineRecord['parallelism'];
    p.lastModifiedAt = ctx.now;
    return { PipelineArn: p.arn, PipelineVersionId: current.versionId + 1 };
  }

  #describePipeline(input: Json, ctx: RequestContext): Json {
    const p = this.#pipelineOrThrow(input.PipelineName as string, ctx);
    let version = p.versions[p.versions.length - 1]!;
    if (input.PipelineVersionId !== undefined) {
      const v = p.versions.find((x) => x.versionId === input.PipelineVersionId);
      if (!v)
        throw notFound(`Pipeline version ${String(input.PipelineVersionId)} of '${p.arn}' does not exist.`);
      version = v;
    }
    const out: Json = {
      PipelineArn: p.arn,
      PipelineName: p.name,
      PipelineDisplayName: p.displayName,
      PipelineDefinition: version.definition,
      RoleArn: p.roleArn,
      PipelineStatus: 'Active',
      CreationTime: ts(p.createdAt),
      LastModifiedTime: ts(p.lastModifiedAt),
      CreatedBy: {},
      LastModifiedBy: {},
    };
    if (p.description !== undefined) out.PipelineDescription = p.description;
    if (version.displayName !== undefined) out.PipelineVersionDisplayName = version.displayName;
    if (version.description !== undefined) out.PipelineVersionDescription = version.description;
    if (p.lastRunAt !== undefined) out.LastRunTime = ts(p.lastRunAt);
    if (p.parallelism) out.ParallelismConfiguration = p.parallelism;
    return out;
  }

  /** Names or describes one version (the pipeline itself is not modified: LastModifiedTime stays). */
  #updatePipelineVersion(input: Json, ctx: RequestContext): Json {
    const p = this.#pipelineOrThrow(input.PipelineArn as string, ctx);
    const v = p.versions.find((x) => x.versionId === input.PipelineVersionId);
    if (!v)
      throw notFound(`Pipeline version ${String(input.PipelineVersionId)} of '${p.arn}' does not exist.`);
    if (input.PipelineVersionDisplayName !== undefined)
      v.displayName = input.PipelineVersionDisplayName as string;
    if (input.PipelineVersionDescription !== undefined)
      v.description = input.PipelineVersionDescription as string;
    return { PipelineArn: p.arn, PipelineVersionId: v.versionId };
  }

  // ------------------------------------------------------------------------------- executions

  #start(input: Json, ctx: RequestContext): Json {
    const p = this.#pipelineOrThrow(input.PipelineName as string, ctx);
    let version = p.versions[p.versions.length - 1]!;
    if (input.PipelineVersionId !== undefined) {
      const v = p.versions.find((x) => x.versionId === input.PipelineVersionId);
      if (!v)
        throw notFound(`Pipeline version ${String(input.PipelineVersionId)} of '${p.arn}' does not exist.`);
      version = v;
    }
    const parameters: Record<string, string> = {};
    for (const def of version.parsed.parameters) {
      if (def.DefaultValue !== undefined) {
        parameters[def.Name] =
          typeof def.DefaultValue === 'string' ? def.DefaultValue : JSON.stringify(def.DefaultValue);
      }
    }
    for (const given of (input.PipelineParameters as { Name: string; Value: string }[] | undefined) ?? []) {
      const def = version.parsed.parameters.find((d) => d.Name === given.Name);
      if (!def) throw validation(`Parameter '${given.Name}' is not defined in the pipeline definition.`);
      if (def.Type === 'Integer' && !/^-?\d+$/.test(given.Value)) {
        throw validation(`Value '${given.Value}' of parameter '${given.Name}' is not an Integer.`);
      }
      if (def.Type === 'Float' && Number.isNaN(Number(given.Value))) {
        throw validation(`Value '${given.Value}' of parameter '${given.Name}' is not a Float.`);
      }
      if (def.EnumValues && !def.EnumValues.map(String).includes(given.Value)) {
        throw validation(`Value '${given.Value}' of parameter '${given.Name}' is not one of its EnumValues.`);
      }
      parameters[given.Name] = given.Value;
    }
    for (const def of version.parsed.parameters) {
      if (parameters[def.Name] === undefined)
        throw validation(`Parameter '${def.Name}' has no value and no default.`);
    }
    let id = this.#randomId(12);
    while (this.executions.has(`${p.arn}/execution/${id}`)) id = this.#randomId(12);
    const arn = `${p.arn}/execution/${id}`;
    const previous = this.executionsOf(p.name)[0];
    const parallelism =
      (input.ParallelismConfiguration as { MaxParallelExecutionSteps: number } | undefined) ?? p.parallelism;
    const execution = new SimExecution(
      {
        id,
        arn,
        pipelineName: p.name,
        pipelineArn: p.arn,
        region: ctx.region,
        accountId: ctx.accountId,
        displayName: (input.PipelineExecutionDisplayName as string | undefined) ?? `execution-${ctx.now}`,
        ...(input.PipelineExecutionDescription !== undefined
          ? { description: input.PipelineExecutionDescription as string }
          : {}),
        createdAt: ctx.now,
        parameters,
        definition: version.parsed,
        definitionText: version.definition,
        pipelineVersionId: version.versionId,
        maxParallel: parallelism?.MaxParallelExecutionSteps ?? 50,
        ...(input.ParallelismConfiguration
          ? {
              parallelismConfiguration: input.ParallelismConfiguration as {
                MaxParallelExecutionSteps: number;
              },
            }
          : {}),
        ...(previous ? { previousExecutionArn: previous.arn } : {}),
      },
      {
        script: () => this.#deps.script(),
        jobName: (executionId, stepName) =>
          `pipelines-${executionId}-${stepName.slice(0, 29)}-${this.#randomId(10, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`,
        registerModel: (e, stepName, args, time) => this.#registerModel(e, stepName, args, time),
        writeObject: (uri, body) => {
          const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
          if (m) this.#deps.writeObject(m[1]!, m[2]!, body);
        },
      },
    );
    this.executions.set(arn, execution);
    p.lastRunAt = ctx.now;
    execution.update(ctx.now);
    return { PipelineExecutionArn: arn };
  }

  #describeExecution(e: SimExecution, ctx: RequestContext): Json {
    const out: Json = {
      PipelineArn: e.init.pipelineArn,
      PipelineExecutionArn: e.arn,
      PipelineExecutionDisplayName: e.init.displayName,
      PipelineExecutionStatus: e.status,
      PipelineExperimentConfig: { ExperimentName: e.init.pipelineName.toLowerCase(), TrialName: e.id },
      CreationTime: ts(e.init.createdAt),
      LastModifiedTime: ts(e.lastModifiedTime(ctx.now)),
      CreatedBy: {},
      LastModifiedBy: {},
      PipelineVersionId: e.init.pipelineVersionId,
    };
    if (e.init.description !== undefined) out.PipelineExecutionDescription = e.init.description;
    if (e.failureReason) out.FailureReason = e.failureReason;
    if (e.init.parallelismConfiguration) out.ParallelismConfiguration = e.init.parallelismConfiguration;
    return out;
  }

  #listExecutions(input: Json, ctx: RequestContext): Json {
    const p = this.#pipelineOrThrow(input.PipelineName as string, ctx);
    const after = input.CreatedAfter as number | undefined;
    const before = input.CreatedBefore as number | undefined;
    let list = this.executionsOf(p.name).filter(
      (e) =>
        (after === undefined || e.init.createdAt > after * 1000) &&
        (before === undefined || e.init.createdAt < before * 1000),
    );
    if (input.SortBy === 'PipelineExecutionArn') list.sort((a, b) => b.arn.localeCompare(a.arn));
    if (input.SortOrder === 'Ascending') list = list.reverse();
    const { items, next } = page(
      list,
      input.NextToken,
      input.MaxResults,
      this.#deps.script().defaultPageSize,
    );
    return {
      PipelineExecutionSummaries: items.map((e) => {
        const s: Json = {
          PipelineExecutionArn: e.arn,
          StartTime: ts(e.init.createdAt),
          PipelineExecutionStatus: e.status,
          PipelineExecutionDisplayName: e.init.displayName,
        };
        if (e.init.description !== undefined) s.PipelineExecutionDescription = e.init.description;
        if (e.failureReason) s.PipelineExecutionFailureReason = e.failureReason;
        return s;
      }),
      ...(next ? { NextToken: next } : {}),
    };
  }

  #listSteps(input: Json, ctx: RequestContext): Json {
    const e = this.#executionOrThrow(input.PipelineExecutionArn);
    const steps = e.steps(ctx.now).sort((a, b) => b.StartTime - a.StartTime || b.index - a.index);
    if (input.SortOrder === 'Ascending') steps.reverse();
    const { items, next } = page(
      steps,
      input.NextToken,
      input.MaxResults,
      this.#deps.script().defaultPageSize,
    );
    return {
      PipelineExecutionSteps: items.map(({ index: _index, StartTime, EndTime, ...rest }) => ({
        ...rest,
        StartTime: ts(StartTime),
        ...(EndTime !== undefined ? { EndTime: ts(EndTime) } : {}),
      })),
      ...(next ? { NextToken: next } : {}),
    };
  }

  // ------------------------------------------------------------------------------- model registry

  #findGroup(nameOrArn: string): ModelPackageGroupRecord | undefined {
    const m = /:model-package-group\/(.+)$/.exec(nameOrArn);
    return this.groups.get((m ? m[1]! : nameOrArn).toLowerCase());
  }

  #createGroup(input: Json, ctx: RequestContext): Json {
    const name = input.ModelPackageGroupName as string;
    const existing = this.#findGroup(name);
    if (existing) throw validation(`Model Package Group already exists: ${existing.arn}`);
    const arn = `arn:aws:sagemaker:${ctx.region}:${ctx.accountId}:model-package-group/${name.toLowerCase()}`;
    this.groups.set(name.toLowerCase(), {
      name,
      arn,
      ...(input.ModelPackageGroupDescription !== undefined
        ? { description: input.ModelPackageGroupDescription as string }
        : {}),
      createdAt: ctx.now,
      tags: [...((input.Tags as Tag[] | undefined) ?? [])],
      nextVersion: 1,
    });
    return { ModelPackageGroupArn: arn };
  }

  #describeGroup(input: Json, ctx: RequestContext): Json {
    const name = input.ModelPackageGroupName as string;
    const g = this.#findGroup(name);
    if (!g) {
      const arn = name.startsWith('arn:')
        ? name
        : `arn:aws:sagemaker:${ctx.region}:${ctx.accountId}:model-package-group/${name.toLowerCase()}`;
      throw validation(`ModelPackageGroup ${arn} does not exist.`);
    }
    return {
      ModelPackageGroupName: g.name,
      ModelPackageGroupArn: g.arn,
      ...(g.description !== undefined ? { ModelPackageGroupDescription: g.description } : {}),
      CreationTime: ts(g.createdAt),
      CreatedBy: {},
      ModelPackageGroupStatus: 'Completed',
    };
  }

  #registerModel(
    e: SimExecution,
    _stepName: string,
    args: Json,
    time: number,
  ): { arn: string } | { failure: string } {
    const groupName = args.ModelPackageGroupName;
    if (typeof groupName !== 'string') {
      return { failure: 'ClientError: ModelPackageGroupName is required for a versioned model package.' };
    }
    const g = this.#findGroup(groupName);
    if (!g) {
      return {
        failure: `ClientError: ModelPackageGroup arn:aws:sagemaker:${e.init.region}:${e.init.accountId}:model-package-group/${groupName.toLowerCase()} does not exist.`,
      };
    }
    const approval = args.ModelApprovalStatus ?? 'PendingManualApproval';
    if (!['Approved', 'Rejected', 'PendingManualApproval'].includes(approval as string)) {
      return { failure: `ClientError: Invalid ModelApprovalStatus ${JSON.stringify(approval)}.` };
    }
    const version = g.nextVersion++;
    const arn = `arn:aws:sagemaker:${e.init.region}:${e.init.accountId}:model-package/${g.name.toLowerCase()}/${version}`;
    const output: Json = {
      ModelPackageName: g.name,
      ModelPackageGroupName: g.name,
      ModelPackageVersion: version,
      ModelPackageArn: arn,
      CreationTime: ts(time),
      ModelPackageStatus: 'Completed',
      ModelPackageStatusDetails: { ValidationStatuses: [], ImageScanStatuses: [] },
      CertifyForMarketplace: false,
      ModelApprovalStatus: approval,
      CreatedBy: {},
      MetadataProperties: { GeneratedBy: e.arn },
      LastModifiedTime: ts(time),
      LastModifiedBy: {},
      ModelPackageRegistrationType: 'Registered',
    };
    for (const key of [
      'ModelPackageDescription',
      'InferenceSpecification',
      'ValidationSpecification',
      'ModelMetrics',
      'CustomerMetadataProperties',
      'DriftCheckBaselines',
      'Domain',
      'Task',
      'SamplePayloadUrl',
      'AdditionalInferenceSpecifications',
      'SkipModelValidation',
      'SourceUri',
      'ModelCard',
      'ModelLifeCycle',
    ]) {
      if (args[key] !== undefined && args[key] !== null) output[key] = args[key];
    }
    this.packages.set(arn, {
      arn,
      group: g.name,
      version,
      createdAt: time,
      output,
      tags: [...((args.Tags as Tag[] | undefined) ?? [])],
    });
    return { arn };
  }

  /** Test setup: registers a version in `group` (created when missing) as a RegisterModel step would. */
  addModelPackage(opts: {
    group: string;
    approval: 'Approved' | 'Rejected' | 'PendingManualApproval';
    status?: 'Pending' | 'InProgress' | 'Completed' | 'Failed' | 'Deleting';
    createdAt: number;
    region?: string;
    accountId?: string;
    image?: string;
  }): ModelPackageRecord {
    const region = opts.region ?? 'us-east-1';
    const account = opts.accountId ?? '123456789012';
    let g = this.#findGroup(opts.group);
    if (!g) {
      g = {
        name: opts.group,
        arn: `arn:aws:sagemaker:${region}:${account}:model-package-group/${opts.group.toLowerCase()}`,
        createdAt: opts.createdAt,
        tags: [],
        nextVersion: 1,
      };
      this.groups.set(opts.group.toLowerCase(), g);
    }
    const version = g.nextVersion++;
    const arn = `arn:aws:sagemaker:${region}:${account}:model-package/${g.name.toLowerCase()}/${version}`;
    const record: ModelPackageRecord = {
      arn,
      group: g.name,
      version,
      createdAt: opts.createdAt,
      output: {
        ModelPackageName: g.name,
        ModelPackageGroupName: g.name,
        ModelPackageVersion: version,
        ModelPackageArn: arn,
        CreationTime: ts(opts.createdAt),
        InferenceSpecification: {
          Containers: [
            {
              Image:
                opts.image ?? '763104351884.dkr.ecr.us-east-1.amazonaws.com/tensorflow-inference:2.13-cpu',
              ModelDataUrl: `s3://models/${g.name}/${version}/model.tar.gz`,
            },
          ],
          SupportedContentTypes: ['text/csv'],
          SupportedResponseMIMETypes: ['text/csv'],
        },
        ModelPackageStatus: opts.status ?? 'Completed',
        ModelPackageStatusDetails: { ValidationStatuses: [], ImageScanStatuses: [] },
        CertifyForMarketplace: false,
        ModelApprovalStatus: opts.approval,
        CreatedBy: {},
        LastModifiedTime: ts(opts.createdAt),
        LastModifiedBy: {},
        ModelPackageRegistrationType: 'Registered',
      },
      tags: [],
    };
    this.packages.set(arn, record);
    return record;
  }

  #findPackage(nameOrArn: string): ModelPackageRecord | undefined {
    const byArn = this.packages.get(nameOrArn.toLowerCase());
    if (byArn) return byArn;
    const m = /^(?:arn:[^/]*\/)?([^/]+)\/(\d+)$/.exec(nameOrArn);
    if (!m) return undefined;
    return [...this.packages.values()].find(
      (p) => p.group.toLowerCase() === m[1]!.toLowerCase() && p.version === Number(m[2]),
    );
  }

  #describePackage(input: Json): Json {
    const name = input.ModelPackageName as string;
    const p = this.#findPackage(name);
    if (!p) throw validation(`ModelPackage ${name} does not exist.`);
    return p.output;
  }

  #listPackages(input: Json): Json {
    let list = [...this.packages.values()];
    if (input.ModelPackageGroupName !== undefined) {
      const g = this.#findGroup(input.ModelPackageGroupName as string);
      list = list.filter((p) => p.group === g?.name);
    }
    if (input.ModelApprovalStatus !== undefined)
      list = list.filter((p) => p.output.ModelApprovalStatus === input.ModelApprovalStatus);
    if (input.NameContains !== undefined)
      list = list.filter((p) => p.group.includes(input.NameContains as string));
    if (input.CreationTimeAfter !== undefined)
      list = list.filter((p) => p.createdAt > (input.CreationTimeAfter as number) * 1000);
    if (input.CreationTimeBefore !== undefined)
      list = list.filter((p) => p.createdAt < (input.CreationTimeBefore as number) * 1000);
    // Documented default: unversioned packages only. Versioned ones (all this server makes) are listed with
    // ModelPackageType Versioned or Both, or (as the service does) when a group is named.
    const type =
      input.ModelPackageType ?? (input.ModelPackageGroupName !== undefined ? 'Versioned' : 'Unversioned');
    if (type === 'Unversioned') list = [];
    if (input.SortBy === 'Name') list.sort((a, b) => a.group.localeCompare(b.group) || a.version - b.version);
    else list.sort((a, b) => a.createdAt - b.createdAt || a.version - b.version);
    // The API's default order is Ascending (the oldest first).
    if (input.SortOrder === 'Descending') list.reverse();
    const { items, next } = page(
      list,
      input.NextToken,
      input.MaxResults,
      this.#deps.script().defaultPageSize,
    );
    return {
      ModelPackageSummaryList: items.map((p) => ({
        ModelPackageName: p.group,
        ModelPackageGroupName: p.group,
        ModelPackageVersion: p.version,
        ModelPackageArn: p.arn,
        ...(p.output.ModelPackageDescription !== undefined
          ? { ModelPackageDescription: p.output.ModelPackageDescription }
          : {}),
        CreationTime: ts(p.createdAt),
        ModelPackageStatus: p.output.ModelPackageStatus,
        ModelApprovalStatus: p.output.ModelApprovalStatus,
        ModelPackageRegistrationType: 'Registered',
      })),
      ...(next ? { NextToken: next } : {}),
    };
  }

  // ------------------------------------------------------------------------------- tags

  #tagList(arn: string): Tag[] | undefined {
    const lower = arn.toLowerCase();
    for (const p of this.pipelines.values()) if (p.arn === lower) return p.tags;
    for (const g of this.groups.values()) if (g.arn === lower) return g.tags;
    return this.packages.get(lower)?.tags;
  }

  #taggable(arn: string): Tag[] {
    const tags = this.#tagList(arn);
    if (!tags) throw validation(`Resource ${arn} does not exist or is not taggable.`);
    return tags;
  }

  #addTags(input: Json): Json {
    const tags = this.#taggable(input.ResourceArn as string);
    const merged = [...tags];
    for (const t of input.Tags as Tag[]) {
      const i = merged.findIndex((x) => x.Key === t.Key);
      if (i >= 0) merged[i] = { Key: t.Key, Value: t.Value };
      else merged.push({ Key: t.Key, Value: t.Value });
    }
    if (merged.length > 50) throw validation('Tag limit exceeded: a resource can have at most 50 tags.');
    tags.splice(0, tags.length, ...merged);
    return { Tags: input.Tags };
  }
}
