// The output of the config phase: one typed, immutable description of the project.
import type { Loc } from './diagnostics.js';
import type { StepClass } from './schema.js';
import type { Settings } from './settings.js';

export type { StepClass } from './schema.js';
export type { Settings } from './settings.js';

/** A number written as a float (`1.0`, `1e5`): Python's json.dumps keeps it a float, so must we. */
export class PyFloat {
  constructor(readonly value: number) {}
}

export type HyperValue =
  string | number | PyFloat | boolean | null | readonly HyperValue[] | { readonly [k: string]: HyperValue };

export interface Tag {
  readonly Key: string;
  readonly Value: string;
}

export interface DataFile {
  readonly sourceName: string | undefined;
  readonly fileName: string;
  readonly loc: Loc;
}

export interface Channel {
  readonly name: string;
  readonly dataFiles: readonly DataFile[];
  readonly s3BucketName: string | undefined;
  readonly inputBucketPrefix: string | undefined;
  /** Metrics only (old `bucket_prefix`): the prefix of `s3://<s3BucketName>/<prefix>/<model>/evaluation/`. */
  readonly bucketPrefix: string | undefined;
  /** Metrics only (old `InputLocalFilepath` / `OuputLocalFilepath`): the job's input and output folders. */
  readonly inputLocalPath: string | undefined;
  readonly outputLocalPath: string | undefined;
  readonly loc: Loc;
}

/**
 * A job section (`preprocess`, `train`, `evaluate`, `transform`, or any other name a Processing or Training step's
 * `step_type` names, such as `postprocess` or `finetune`) with the old spellings folded together.
 */
export interface JobSection {
  /** The section's key in `conf.models.<model>`. */
  readonly kind: string;
  readonly loc: Loc;
  readonly imageUri: string | undefined;
  readonly entryPoint: string | undefined;
  readonly entryPointLoc: Loc | undefined;
  readonly baseJobName: string | undefined;
  readonly instanceType: string | undefined;
  readonly instanceCount: number | undefined;
  readonly volumeSizeInGb: number | undefined;
  /** `max_runtime_seconds` or `max_runtime_in_seconds`, whichever was written. */
  readonly maxRuntimeSeconds: number | undefined;
  readonly tags: readonly Tag[];
  readonly env: Readonly<Record<string, string>>;
  readonly frameworkVersion: string | undefined;
  readonly s3DataDistributionType: 'FullyReplicated' | 'ShardedByS3Key' | undefined;
  readonly s3DataType: 'S3Prefix' | 'ManifestFile' | 'AugmentedManifestFile' | undefined;
  readonly s3InputMode: 'File' | 'Pipe' | undefined;
  readonly s3UploadMode: 'EndOfJob' | 'Continuous' | undefined;
  readonly outputPath: string | undefined;
  /** `hyperparams` or `hyperparameters`. */
  readonly hyperparams: Readonly<Record<string, HyperValue>>;
  readonly modelDataUri: string | undefined;
  readonly contentType: string | undefined;
  readonly inputMode: 'File' | 'Pipe' | 'FastFile' | undefined;
  readonly distribution: Readonly<Record<string, HyperValue>> | undefined;
  /** In file order; a bare `channels: train` becomes one channel with no data files. */
  readonly channels: readonly Channel[];
  /** Processing (old `location.outputLocalFilepath`): the folder the outputs are read from. */
  readonly outputLocalPath: string | undefined;
  /** Keys the old framework read that change nothing here (relative to the section), to report once. */
  readonly noEffect: readonly string[];
  readonly transform: TransformOptions | undefined;
  /** Managed spot training (train); see compile/steps/training.ts for the defaults. */
  readonly spot: SpotOptions | undefined;
}

export interface SpotOptions {
  readonly enabled: boolean;
  readonly maxWait: number | undefined;
  readonly checkpointS3Uri: string | undefined;
  readonly checkpointLocalPath: string | undefined;
  readonly loc: Loc;
  readonly maxWaitLoc: Loc | undefined;
}

export interface TransformOptions {
  readonly strategy: 'MultiRecord' | 'SingleRecord' | undefined;
  readonly assembleWith: 'None' | 'Line' | undefined;
  readonly joinSource: 'None' | 'Input' | undefined;
  readonly splitType: 'None' | 'Line' | 'RecordIO' | 'TFRecord' | undefined;
  readonly maxPayloadInMb: number | undefined;
  readonly volumeSizeInGb: number | undefined;
  readonly inputFilter: string | undefined;
  readonly outputFilter: string | undefined;
}

export type ApprovalStatus = 'Approved' | 'Rejected' | 'PendingManualApproval';

export interface RegistrySection {
  readonly loc: Loc;
  readonly modelRepack: boolean;
  readonly modelPackageGroupName: string | undefined;
  readonly modelPackageGroupDescription: string | undefined;
  readonly modelPackageDescription: string | undefined;
  readonly imageUri: string;
  readonly supportedContentTypes: readonly string[] | undefined;
  readonly supportedResponseMimeTypes: readonly string[] | undefined;
  readonly realtimeInstanceTypes: readonly string[] | undefined;
  readonly transformInstanceTypes: readonly string[] | undefined;
  readonly approvalStatus: ApprovalStatus | undefined;
}

/** `model_package`: the unit's model comes from a Model Registry group instead of a Training step. */
export interface ModelPackageSource {
  readonly group: string;
  /** `latest-approved`, a version number, or a full versioned model package ARN. */
  readonly version: 'latest-approved' | number | string;
  /** Refuse a pinned version that is not Approved (default true; `latest-approved` is always Approved). */
  readonly requireApproved: boolean;
  readonly loc: Loc;
  /** Where `version` was written (the key itself when it was not). */
  readonly versionLoc: Loc;
}

export interface ModelConfig {
  readonly name: string;
  readonly displayName: string | undefined;
  /** Config file that defined the model (the later one when two files define it). */
  readonly file: string;
  readonly loc: Loc;
  /** Workspace-relative POSIX path, checked to exist inside the workspace. */
  readonly sourceDirectory: string;
  readonly sourceDirectoryLoc: Loc;
  readonly preprocess: JobSection | undefined;
  readonly train: JobSection | undefined;
  readonly evaluate: JobSection | undefined;
  readonly transform: JobSection | undefined;
  /** Every job section by its key: the four above and the extra ones steps name with `step_type`. */
  readonly sections: Readonly<Record<string, JobSection>>;
  /** Every key of the model's mapping, in file order (suggestions for a step_type naming no section). */
  readonly keys: readonly string[];
  readonly registry: RegistrySection | undefined;
  readonly modelPackage: ModelPackageSource | undefined;
}

/** One threshold of a quality gate: the metric (a JSON path in the metrics report) and its bounds. */
export interface GateRule {
  readonly metric: string;
  /** A number, or the name of an Integer/Float parameter. */
  readonly min: Threshold | undefined;
  readonly max: Threshold | undefined;
  readonly loc: Loc;
}

export type Threshold =
  | { readonly kind: 'number'; readonly value: number; readonly text: string }
  | { readonly kind: 'parameter'; readonly name: string };

export type ExceptionType =
  | 'Step.SERVICE_FAULT'
  | 'Step.THROTTLING'
  | 'SageMaker.JOB_INTERNAL_ERROR'
  | 'SageMaker.CAPACITY_ERROR'
  | 'SageMaker.RESOURCE_LIMIT';

/** One retry policy (RetryPolicies entry). */
export interface RetryRule {
  readonly exceptions: readonly ExceptionType[];
  readonly maxAttempts: number | undefined;
  readonly expireAfterMinutes: number | undefined;
  readonly intervalSeconds: number;
  readonly backoffRate: number;
  readonly loc: Loc;
}

export interface StepConfig {
  readonly name: string;
  readonly stepClass: StepClass;
  /**
   * Processing and Training: the `conf.models.<model>` section the job runs (`step_type`, as the old framework
   * reads it; Training defaults to `train`). Undefined for the other classes.
   */
  readonly stepType: string | undefined;
  readonly model: string;
  /** Position of the step inside its model's `steps` list. */
  readonly index: number;
  readonly enableCache: boolean;
  /** Whether `enable_cache` was written (migrated configs without it lose the old implicit caching). */
  readonly cacheConfigured: boolean;
  /** ISO-8601 duration; P10D unless configured. */
  readonly cacheExpireAfter: string;
  readonly chainSources: readonly string[];
  readonly chainAdditionalPrefix: string | undefined;
  readonly loc: Loc;
  readonly path: string;
  /** RegisterModel only: thresholds that must hold before the model is registered. */
  readonly qualityGate?: readonly GateRule[] | undefined;
  readonly qualityGateLoc?: Loc | undefined;
  /** This step's retry policies; undefined: the pipeline's default; []: none. */
  readonly retry?: readonly RetryRule[] | undefined;
}

export interface UnitConfig {
  readonly model: string;
  readonly loc: Loc;
  readonly steps: readonly StepConfig[];
}

export interface DependencyEdge {
  readonly from: string;
  readonly to: string;
  readonly loc: Loc;
}

export type ParameterType = 'String' | 'Integer' | 'Float' | 'Boolean';

/** A declared pipeline parameter (`sagemakerPipeline.parameters`), its default checked against its type. */
export interface ParameterConfig {
  readonly name: string;
  readonly type: ParameterType;
  readonly default: string | number | boolean;
  readonly enum: readonly string[] | undefined;
  readonly loc: Loc;
}

/** `sagemakerPipeline.schedule`: an EventBridge Scheduler schedule that starts the pipeline. */
export interface ScheduleConfig {
  readonly expression: string;
  /** IANA time zone; UTC unless configured. */
  readonly timezone: string;
  readonly roleArn: string;
  /** Static run parameters, in file order; values as strings (what SageMakerPipelineParameters takes). */
  readonly parameters: readonly { readonly name: string; readonly value: string; readonly loc: Loc }[];
  readonly enabled: boolean;
  readonly loc: Loc;
}

export interface PipelineConfig {
  readonly name: string;
  readonly description: string | undefined;
  readonly file: string;
  readonly loc: Loc;
  /** Units in the order of `sagemakerPipeline.models`. */
  readonly units: readonly UnitConfig[];
  readonly dependencies: readonly DependencyEdge[];
  /** Default retry policies of every step (`sagemakerPipeline.retry`); undefined: none. */
  readonly retry?: readonly RetryRule[] | undefined;
  /** Declared parameters in file order; empty when none. */
  readonly parameters: readonly ParameterConfig[];
  readonly schedule: ScheduleConfig | undefined;
}

export interface ProjectConfig {
  /** Absolute path of the workspace root every relative path is resolved against. */
  readonly workspace: string;
  readonly files: readonly string[];
  readonly pipeline: PipelineConfig;
  readonly models: Readonly<Record<string, ModelConfig>>;
  readonly settings: Settings;
  /** Positions of config nodes by key path (`conf.models.m.train.instance_type`), for later messages. */
  readonly locations: ReadonlyMap<string, Loc>;
}

/** The section a step of this class runs: its `step_type` (Processing, Training), `transform`, `evaluate`. */
export function sectionName(step: StepConfig): string | undefined {
  switch (step.stepClass) {
    case 'Processing':
    case 'Training':
      return step.stepType;
    case 'Transform':
      return 'transform';
    case 'Metrics':
      return 'evaluate';
    default:
      return undefined;
  }
}

export function sectionFor(model: ModelConfig, step: StepConfig): JobSection | undefined {
  const name = sectionName(step);
  return name === undefined || !Object.hasOwn(model.sections, name) ? undefined : model.sections[name];
}

export function allSteps(p: PipelineConfig): StepConfig[] {
  return p.units.flatMap((u) => u.steps);
}
