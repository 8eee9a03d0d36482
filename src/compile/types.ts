// The compiler's output types: the pipeline definition JSON (as CreatePipeline receives it) and the plan.
import type { Diagnostic, Loc } from '../config/diagnostics.js';
import type { ParameterType } from '../config/types.js';
import type { Layout } from './bundle.js';
import type { PackageBinding } from './model-packages.js';
import type { ScheduleSpec } from './schedule.js';

/** A pipeline expression, resolved by SageMaker at run time. */
export type Expression =
  | { readonly Get: string }
  | { readonly 'Std:Join': { readonly On: string; readonly Values: readonly Value[] } }
  | { readonly 'Std:JsonGet': { readonly PropertyFile: { readonly Get: string }; readonly Path: string } };

/** Any JSON value inside a definition; strings may be replaced by expressions. */
export type Value =
  string | number | boolean | null | Expression | readonly Value[] | { readonly [key: string]: Value };

export type StepType =
  'Processing' | 'Training' | 'Model' | 'Transform' | 'RegisterModel' | 'Condition' | 'Fail';

/** A RetryPolicies entry, in the SDK's key order (exactly one of MaxAttempts and ExpireAfterMin). */
export interface RetryPolicy {
  readonly BackoffRate: number;
  readonly IntervalSeconds: number;
  readonly MaxAttempts?: number;
  readonly ExpireAfterMin?: number;
  readonly ExceptionType: readonly string[];
}

export interface CacheConfig {
  readonly Enabled: boolean;
  readonly ExpireAfter?: string;
}

export interface PropertyFile {
  readonly PropertyFileName: string;
  readonly OutputName: string;
  readonly FilePath: string;
}

export interface DefinitionStep {
  readonly Name: string;
  readonly Type: StepType;
  readonly Arguments: { readonly [key: string]: Value };
  readonly DependsOn?: readonly string[];
  readonly Description?: string;
  readonly RetryPolicies?: readonly RetryPolicy[];
  readonly CacheConfig?: CacheConfig;
  readonly PropertyFiles?: readonly PropertyFile[];
}

export interface PipelineDefinition {
  readonly Version: '2020-12-01';
  readonly Metadata: Readonly<Record<string, string>>;
  readonly Parameters: readonly Value[];
  readonly PipelineExperimentConfig: { readonly ExperimentName: Value; readonly TrialName: Value } | null;
  readonly Steps: readonly DefinitionStep[];
}

export type ArtifactKind = 'source-bundle' | 'entry-script' | 'repack-script' | 'definition';

/**
 * Where an artifact's bytes come from: `bytes` are uploaded as they are (scripts, the definition); a
 * `tar.gz` is the canonical tar of `layout`, gzip'd while it streams to S3 (never held in memory).
 */
export type ArtifactSource =
  | { readonly type: 'bytes'; readonly bytes: Uint8Array }
  | { readonly type: 'tar.gz'; readonly layout: Layout };

/** A file the deploy phase uploads before creating the pipeline; keys are content-addressed. */
export interface Artifact {
  readonly kind: ArtifactKind;
  readonly s3Uri: string;
  readonly bucket: string;
  readonly key: string;
  /**
   * sha256 of the content before compression (the canonical tar, or the bytes themselves): the key's hash
   * and the plan hash's input. The plan computes it by streaming; the deploy checks the bytes it uploads
   * against it.
   */
  readonly contentSha256: string;
  /** Size of that content (uncompressed for a bundle). */
  readonly bytes: number;
  readonly source: ArtifactSource;
  /** What it is, for the plan summary: `sourcedir.tar.gz of examples/lgbm (training layout)`. */
  readonly description: string;
}

/** Where a compiled step came from, for messages and the plan view. */
export interface StepOrigin {
  readonly step: string;
  readonly model: string;
  readonly configured: string;
  readonly loc: Loc;
}

/** The config key that produced a definition field, and where it is: `train.instance_type` at `conf.yaml:24:7`. */
export interface FieldSource {
  readonly key: string;
  readonly loc: Loc;
  /** False when the key is not written and a default applies: `loc` is then its section's. */
  readonly written: boolean;
  /** Also the source of every field under this one that has no entry of its own (a list, an input item). */
  readonly covers?: boolean;
}

/** Compiled step name → definition field path (as the diff names it) → its config source. A side table. */
export type SourceMap = ReadonlyMap<string, ReadonlyMap<string, FieldSource>>;

/** Files of a code bundle (relative to the code root) → sha256 of each: the bundle's manifest. */
export type BundleManifest = Readonly<Record<string, string>>;

export interface Plan {
  readonly pipelineName: string;
  readonly definition: PipelineDefinition;
  /** The definition exactly as sent (compact JSON). */
  readonly definitionJson: string;
  /** Set when the definition is too large to send inline: upload it and pass PipelineDefinitionS3Location. */
  readonly definitionS3: { readonly bucket: string; readonly key: string } | undefined;
  readonly artifacts: readonly Artifact[];
  readonly warnings: readonly Diagnostic[];
  /** Compiled step name → its configured step (sub-steps map to their parent). */
  readonly origins: ReadonlyMap<string, StepOrigin>;
  /** The definition's parameters (declared, then generated), for run-time values and the summary. */
  readonly parameters: readonly PipelineParameter[];
  /** Units scoring with a registered model, and the versions they use. */
  readonly modelPackages: readonly PackageBinding[];
  /** The EventBridge Scheduler schedule deploy keeps in step with the config (undefined: none). */
  readonly schedule: ScheduleSpec | undefined;
  /** Where each definition field came from in the configs (fields without a config key are absent). */
  readonly sources?: SourceMap;
}

/** A pipeline parameter as the definition declares it (`Parameters[]`). */
export interface PipelineParameter {
  readonly name: string;
  readonly type: ParameterType;
  readonly default: string | number | boolean;
  readonly enum?: readonly string[] | undefined;
  /** Set for parameters the compiler added: who added it (a model name), for messages and the summary. */
  readonly origin?: string | undefined;
}
