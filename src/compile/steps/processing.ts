// Processing steps (step_class Processing): the section step_type names (preprocess, evaluate, postprocess, …) as
// a processing job that runs the entry point from the unpacked source_directory, with the contract's container paths.
import path from 'node:path';
import type { StepConfig } from '../../config/types.js';
import type { CompileContext } from '../context.js';
import { modelOf } from '../context.js';
import { DEFAULTS, PATHS } from '../defaults.js';
import { executionScoped } from '../expressions.js';
import type { DefinitionStep, Value } from '../types.js';
import {
  cacheConfig,
  chainChannels,
  chainOutput,
  channelNames,
  compact,
  CompileError,
  envOf,
  s3Input,
  sectionOf,
  staticInputs,
  tagsOf,
  volumeKmsKey,
  vpcConfigSgFirst,
} from './common.js';

export function processingStep(ctx: CompileContext, step: StepConfig): DefinitionStep {
  const section = sectionOf(ctx, step);
  if (!section)
    throw new CompileError(step, `${step.path}: the model has no ${step.stepType ?? 'preprocess'} section`);
  const channels = channelNames(section);
  const inputs: Record<string, Value>[] = [];
  inputs.push(...staticInputs(ctx, section));
  for (const src of step.chainSources) {
    for (const ch of chainChannels(ctx, step, src)) {
      const name = `${src}-input-${ch}`;
      inputs.push(
        s3Input(chainOutput(ctx, step, src, ch), `${PATHS.processingInput}/${name}`, name, section),
      );
    }
  }
  const outputs = channels.map((ch) => ({
    OutputName: ch,
    AppManaged: false,
    S3Output: {
      S3Uri: executionScoped(ctx.settings.bucket, ctx.pipeline, step.name, 'output', ch),
      LocalPath: path.posix.join(section.outputLocalPath ?? PATHS.processingOutput, ch),
      S3UploadMode: section.s3UploadMode ?? 'EndOfJob',
    },
  }));
  return {
    Name: step.name,
    Type: 'Processing',
    Arguments: processingArguments(ctx, step, inputs, outputs, {
      // The old framework's processing defaults, whichever section runs (evaluate's 50 GB/3600 s are Metrics').
      volume: section.volumeSizeInGb ?? DEFAULTS.volumeSizeInGb,
      runtime: section.maxRuntimeSeconds ?? DEFAULTS.maxRuntimeSeconds,
    }),
    ...(cacheConfig(step) ? { CacheConfig: cacheConfig(step) } : {}),
  };
}

/** The CreateProcessingJob request shared by Processing and Metrics steps; adds code inputs and network config. */
export function processingArguments(
  ctx: CompileContext,
  step: StepConfig,
  dataInputs: Record<string, Value>[],
  outputs: Record<string, Value>[],
  defaults: { volume: number; runtime: number },
): Record<string, Value> {
  const section = sectionOf(ctx, step);
  const model = modelOf(ctx, step);
  if (!section?.imageUri || !section.entryPoint) {
    throw new CompileError(step, `${step.path}: the section needs image_uri and entry_point`);
  }
  const bundle = ctx.code.sourceBundle(model);
  const launcher = ctx.code.entryScript(section.entryPoint);
  const inputs = [
    ...dataInputs,
    s3Input(bundle.s3Uri, PATHS.processingCode, 'code', undefined),
    s3Input(launcher.s3Uri, PATHS.processingEntrypoint, 'entrypoint', undefined),
  ];
  const seen = new Set<string>();
  for (const i of inputs) {
    const name = String(i.InputName);
    if (seen.has(name)) {
      throw new CompileError(
        step,
        `${step.path}: two inputs are named \`${name}\`: processing input names must be unique (rename a sourceName)`,
      );
    }
    seen.add(name);
  }
  const instanceType = section.instanceType ?? DEFAULTS.instanceType;
  const vpc = vpcConfigSgFirst(ctx);
  return compact({
    ProcessingResources: {
      ClusterConfig: compact({
        InstanceType: instanceType,
        InstanceCount: section.instanceCount ?? DEFAULTS.instanceCount,
        VolumeSizeInGB: defaults.volume,
        VolumeKmsKeyId: volumeKmsKey(ctx, instanceType),
      }),
    },
    AppSpecification: {
      ImageUri: section.imageUri,
      ContainerEntrypoint: ['/bin/bash', `${PATHS.processingEntrypoint}/runproc.sh`],
    },
    RoleArn: ctx.settings.role,
    ProcessingInputs: inputs,
    ProcessingOutputConfig:
      outputs.length > 0 ? compact({ Outputs: outputs, KmsKeyId: ctx.settings.kmsKey }) : undefined,
    Environment: envOf(section),
    NetworkConfig: compact({
      EnableNetworkIsolation: false,
      EnableInterContainerTrafficEncryption: true,
      VpcConfig: vpc,
    }),
    StoppingCondition: { MaxRuntimeInSeconds: defaults.runtime },
    Tags: tagsOf(section),
  });
}
