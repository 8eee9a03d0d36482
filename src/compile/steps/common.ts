// Pieces several step classes share: S3 inputs, VPC and KMS settings, cache config, chained outputs.
import { sectionFor } from '../../config/types.js';
import path from 'node:path';
import type { Channel, DataFile, JobSection, StepConfig } from '../../config/types.js';
import type { CompileContext } from '../context.js';
import { modelOf } from '../context.js';
import { DEFAULTS, PATHS } from '../defaults.js';
import { modelArtifacts, processingOutputUri, pythonJson, s3Uri, transformOutput } from '../expressions.js';
import type { CacheConfig, Value } from '../types.js';

/** Thrown by step builders for a config that passed validation but cannot compile; becomes a diagnostic. */
export class CompileError extends Error {
  constructor(
    readonly step: StepConfig,
    message: string,
  ) {
    super(message);
    this.name = 'CompileError';
  }
}

/** A data file's S3 URI: an `s3://` name as is, else under the channel's bucket and prefix. */
export function dataFileUri(ctx: CompileContext, channel: Channel, file: DataFile): string {
  if (file.fileName.startsWith('s3://')) return file.fileName;
  return s3Uri(channel.s3BucketName ?? ctx.settings.bucket, channel.inputBucketPrefix, file.fileName);
}

/** Channel names of a section in file order; `train` when it has none (the old default). */
export function channelNames(section: JobSection | undefined): string[] {
  const names = section?.channels.map((c) => c.name) ?? [];
  return names.length > 0 ? names : [DEFAULTS.channel];
}

export function vpcConfig(
  ctx: CompileContext,
): { Subnets: string[]; SecurityGroupIds: string[] } | undefined {
  const s = ctx.settings;
  return s.subnets.length > 0
    ? { Subnets: [...s.subnets], SecurityGroupIds: [...s.securityGroups] }
    : undefined;
}

/** The SDK's order for VpcConfig inside CreateModel/Processing is SecurityGroupIds first. */
export function vpcConfigSgFirst(
  ctx: CompileContext,
): { SecurityGroupIds: string[]; Subnets: string[] } | undefined {
  const v = vpcConfig(ctx);
  return v ? { SecurityGroupIds: v.SecurityGroupIds, Subnets: v.Subnets } : undefined;
}

/**
 * Instance families with local NVMe storage refuse a volume KMS key (SageMaker encrypts that storage itself).
 * Conservative list: the `d` families and the GPU/accelerator families whose storage is instance-local.
 */
export const LOCAL_STORAGE_NOTE =
  /^ml\.(?:[a-z]+\d[a-z]*d[a-z]*|g4dn|g5|g6|g6e|gr6|p3dn|p4d|p4de|p5|p5e|p5en|trn1|trn1n)\./;

export function volumeKmsKey(ctx: CompileContext, instanceType: string): string | undefined {
  if (!ctx.settings.kmsKey) return undefined;
  return LOCAL_STORAGE_NOTE.test(instanceType) ? undefined : ctx.settings.kmsKey;
}

export function cacheConfig(step: StepConfig): CacheConfig | undefined {
  return step.enableCache ? { Enabled: true, ExpireAfter: step.cacheExpireAfter } : undefined;
}

export function tagsOf(section: JobSection | undefined): { Key: string; Value: string }[] | undefined {
  return section && section.tags.length > 0
    ? section.tags.map((t) => ({ Key: t.Key, Value: t.Value }))
    : undefined;
}

export function envOf(section: JobSection | undefined): Record<string, string> | undefined {
  return section && Object.keys(section.env).length > 0 ? { ...section.env } : undefined;
}

/** The section a step of this class runs: its step_type's section (Processing, Training), transform, evaluate. */
export function sectionOf(ctx: CompileContext, step: StepConfig): JobSection | undefined {
  return sectionFor(modelOf(ctx, step), step);
}

/**
 * The output of chain source `source` that a consumer reads for `channel`:
 * Processing → its output named `channel`; Training → the model artifact; Transform → its output path.
 */
export function chainOutput(
  ctx: CompileContext,
  consumer: StepConfig,
  source: string,
  channel: string,
): Value {
  const src = ctx.steps.get(source);
  if (!src) throw new CompileError(consumer, `chain source \`${source}\` is not a step of the pipeline`);
  switch (src.stepClass) {
    case 'Processing': {
      const outputs = channelNames(sectionOf(ctx, src));
      if (!outputs.includes(channel)) {
        throw new CompileError(
          consumer,
          `${consumer.path}: chain source \`${source}\` has no output \`${channel}\` (its outputs are ${outputs
            .map((o) => `\`${o}\``)
            .join(', ')}): name this step's channel after one of them`,
        );
      }
      return processingOutputUri(source, channel);
    }
    case 'Training':
      return modelArtifacts(source);
    case 'Transform':
      return transformOutput(source);
    default:
      throw new CompileError(
        consumer,
        `${consumer.path}: chain source \`${source}\` (${src.stepClass}) has no data output`,
      );
  }
}

/**
 * The channels a Processing or Training step reads from chain source `source`, exactly as the old framework
 * picked them: the consumer's own model's section named after the source — a Processing source's step_type,
 * `train` for any Training source, `transform` for a Transform source — and its channel names (`train` when it
 * has none). When the consumer's model has no such section (the old framework crashed there), the source's own.
 */
export function chainChannels(ctx: CompileContext, consumer: StepConfig, source: string): string[] {
  const src = ctx.steps.get(source);
  if (!src) return [DEFAULTS.channel];
  const name =
    src.stepClass === 'Processing' ? src.stepType : src.stepClass === 'Training' ? 'train' : 'transform';
  const own = modelOf(ctx, consumer).sections;
  if (name !== undefined && Object.hasOwn(own, name)) return channelNames(own[name]);
  const theirs = name === undefined ? undefined : modelOf(ctx, src).sections[name];
  return channelNames(theirs);
}

export function s3Input(
  uri: Value,
  localPath: string,
  name: string,
  section: JobSection | undefined,
): Record<string, Value> {
  return {
    InputName: name,
    AppManaged: false,
    S3Input: {
      S3Uri: uri,
      LocalPath: localPath,
      S3DataType: section?.s3DataType ?? 'S3Prefix',
      S3InputMode: section?.s3InputMode ?? 'File',
      S3DataDistributionType: section?.s3DataDistributionType ?? 'FullyReplicated',
      S3CompressionType: 'None',
    },
  };
}

/** Drops keys whose value is undefined, keeping insertion order (the definition never holds `null` for absent). */
export function compact<T extends Record<string, Value | undefined>>(o: T): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

/** Each dataFile of each channel as a processing input `<sourceName>` at /opt/ml/processing/input/<sourceName>. */
export function staticInputs(
  ctx: CompileContext,
  section: JobSection,
  /** The metrics step's folder may be moved (InputLocalFilepath). */
  folder: string = PATHS.processingInput,
): Record<string, Value>[] {
  return section.channels.flatMap((c) =>
    c.dataFiles.map((f) => {
      const name = f.sourceName ?? c.name;
      return s3Input(dataFileUri(ctx, c, f), path.posix.join(folder, name), name, section);
    }),
  );
}

/** The hyperparameters script mode adds (the SDK's names and JSON encoding). */
export const SCRIPT_MODE_KEYS = [
  'sagemaker_program',
  'sagemaker_submit_directory',
  'sagemaker_container_log_level',
  'sagemaker_region',
];

export function scriptModeHyperparameters(
  ctx: CompileContext,
  submitDirectory: string,
  program: string,
): Record<string, string> {
  return {
    sagemaker_submit_directory: pythonJson(submitDirectory),
    sagemaker_program: pythonJson(program),
    sagemaker_container_log_level: '20',
    sagemaker_region: pythonJson(ctx.settings.region),
  };
}
