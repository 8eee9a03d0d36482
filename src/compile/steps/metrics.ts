// Metrics steps: a processing job from the `evaluate` section that writes model_evaluation_metrics.json,
// exposed as the property file EvaluationReport and registered as the model's quality statistics.
import path from 'node:path';
import type { StepConfig } from '../../config/types.js';
import type { CompileContext } from '../context.js';
import { modelOf } from '../context.js';
import { DEFAULTS, EVALUATION_REPORT, METRICS_FILE, METRICS_OUTPUT, PATHS } from '../defaults.js';
import { executionScoped, joinUri, processingOutputUri, s3Uri } from '../expressions.js';
import type { DefinitionStep, Value } from '../types.js';
import {
  cacheConfig,
  chainOutput,
  channelNames,
  CompileError,
  s3Input,
  sectionOf,
  staticInputs,
} from './common.js';
import { processingArguments } from './processing.js';

export function metricsStep(ctx: CompileContext, step: StepConfig): DefinitionStep {
  const section = sectionOf(ctx, step);
  if (!section) throw new CompileError(step, `${step.path}: the model has no evaluate section`);
  // The evaluate channel names the chained inputs' folders; the old framework used one channel here.
  const channel = channelNames(section)[0] ?? DEFAULTS.channel;
  if (section.channels.length > 1) {
    ctx.bag.warning(
      'metrics-first-channel',
      section.loc,
      `conf.models.${step.model}.evaluate.channels`,
      `${step.name}: chained inputs are placed under the first evaluate channel \`${channel}\` (${section.channels.length} channels given)`,
    );
  }
  // model_metrics_service.py: the channel's InputLocalFilepath / OuputLocalFilepath move the job's folders.
  const folders = section.channels[0];
  const inputDir = folders?.inputLocalPath ?? PATHS.processingInput;
  const inputs: Record<string, Value>[] = [];
  inputs.push(...staticInputs(ctx, section, inputDir));
  for (const src of step.chainSources) {
    inputs.push(
      s3Input(
        chainOutput(ctx, step, src, channel),
        path.posix.join(inputDir, `${src}-${channel}`),
        `${src}-input`,
        section,
      ),
    );
  }
  const output = {
    OutputName: METRICS_OUTPUT,
    AppManaged: false,
    S3Output: {
      S3Uri: metricsDestination(ctx, step),
      LocalPath: folders?.outputLocalPath ?? `${PATHS.processingOutput}/`,
      S3UploadMode: section.s3UploadMode ?? 'EndOfJob',
    },
  };
  return {
    Name: step.name,
    Type: 'Processing',
    Arguments: processingArguments(ctx, step, inputs, [output], {
      volume: section.volumeSizeInGb ?? DEFAULTS.evaluateVolumeSizeInGb,
      runtime: section.maxRuntimeSeconds ?? DEFAULTS.evaluateMaxRuntimeSeconds,
    }),
    ...(cacheConfig(step) ? { CacheConfig: cacheConfig(step) } : {}),
    PropertyFiles: [
      { PropertyFileName: EVALUATION_REPORT, OutputName: METRICS_OUTPUT, FilePath: METRICS_FILE },
    ],
  };
}

/**
 * `s3://<bucket>/<prefix>/<model>/evaluation/` when an evaluate channel names a bucket (old behaviour, kept; the
 * prefix is the channel's `bucket_prefix`, as the old framework read it, else its inputBucketPrefix);
 * else execution-scoped, so runs never overwrite each other's metrics (the old code froze one path).
 */
function metricsDestination(ctx: CompileContext, step: StepConfig): Value {
  const section = sectionOf(ctx, step);
  const named = section?.channels.find((c) => c.s3BucketName !== undefined);
  if (named?.s3BucketName)
    return `${s3Uri(named.s3BucketName, named.bucketPrefix ?? named.inputBucketPrefix, modelOf(ctx, step).name, 'evaluation')}/`;
  return executionScoped(ctx.settings.bucket, ctx.pipeline, step.name, 'output', METRICS_OUTPUT);
}

/** Where the metrics step writes model_evaluation_metrics.json: a literal or a Std:Join expression. */
export function metricsFileUri(ctx: CompileContext, metrics: StepConfig): Value {
  const dest = metricsDestination(ctx, metrics);
  // For a generated destination, read the job's own output URI so the two can never disagree.
  return typeof dest === 'string'
    ? joinUri(dest, METRICS_FILE)
    : joinUri(processingOutputUri(metrics.name, METRICS_OUTPUT), METRICS_FILE);
}
