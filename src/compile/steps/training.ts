// Training steps: a script-mode training job (the SDK's layout): the entry point's bundle as
// sagemaker_submit_directory, static channels from the section step_type names (default `train`), chained channels
// `<source>-<channel>`.
import { WHOLE_PARAM_REF } from '../../config/parameter-syntax.js';
import type { StepConfig } from '../../config/types.js';
import type { CompileContext } from '../context.js';
import { modelOf } from '../context.js';
import { DEFAULTS } from '../defaults.js';
import { pythonJson, s3Uri } from '../expressions.js';
import type { DefinitionStep, Value } from '../types.js';
import {
  cacheConfig,
  chainChannels,
  chainOutput,
  compact,
  CompileError,
  dataFileUri,
  envOf,
  SCRIPT_MODE_KEYS,
  scriptModeHyperparameters,
  sectionOf,
  tagsOf,
  volumeKmsKey,
  vpcConfig,
} from './common.js';

export function trainingStep(ctx: CompileContext, step: StepConfig): DefinitionStep {
  const section = sectionOf(ctx, step);
  const model = modelOf(ctx, step);
  if (!section?.imageUri || !section.entryPoint) {
    throw new CompileError(
      step,
      `${step.path}: conf.models.${step.model}.${step.stepType ?? 'train'} needs image_uri and entry_point`,
    );
  }
  const { artifact, program } = ctx.code.entryBundle(model, section.entryPoint);
  const channelFor = (uri: Value, name: string): Record<string, Value> =>
    compact({
      DataSource: {
        S3DataSource: {
          S3DataType: section.s3DataType ?? 'S3Prefix',
          S3Uri: uri,
          S3DataDistributionType: section.s3DataDistributionType ?? 'FullyReplicated',
        },
      },
      ContentType: section.contentType,
      InputMode: section.inputMode ?? 'File',
      ChannelName: name,
    });
  const channels: Record<string, Value>[] = [];
  for (const c of section.channels) {
    const file = c.dataFiles[0];
    if (file) channels.push(channelFor(dataFileUri(ctx, c, file), c.name));
  }
  if (section.modelDataUri) {
    // The old framework passed model_data_uri as the estimator's model_uri: the SDK's `model` channel.
    channels.push(
      compact({
        DataSource: {
          S3DataSource: {
            S3DataType: 'S3Prefix',
            S3Uri: section.modelDataUri,
            S3DataDistributionType: 'FullyReplicated',
          },
        },
        ContentType: 'application/x-sagemaker-model',
        InputMode: 'File',
        ChannelName: 'model',
      }),
    );
  }
  for (const src of step.chainSources) {
    for (const ch of chainChannels(ctx, step, src))
      channels.push(channelFor(chainOutput(ctx, step, src, ch), `${src}-${ch}`));
  }
  const names = new Set<string>();
  for (const c of channels) {
    const n = String(c.ChannelName);
    if (names.has(n)) throw new CompileError(step, `${step.path}: two training channels are named \`${n}\``);
    if (!/^[A-Za-z0-9.\-_]{1,64}$/.test(n)) {
      throw new CompileError(
        step,
        `${step.path}: channel name \`${n}\` is not valid for SageMaker (letters, digits, . - _; at most 64): shorten the step or channel name`,
      );
    }
    names.add(n);
  }
  const hyper: Record<string, string> = {};
  for (const [k, v] of Object.entries(section.hyperparams)) {
    if (SCRIPT_MODE_KEYS.includes(k)) {
      throw new CompileError(
        step,
        `${step.path}: hyperparameter \`${k}\` is set by smp (script mode); remove it from conf.models.${step.model}.${section.kind}`,
      );
    }
    // A whole-value `${param:Name}` is sent as the parameter itself (the SDK's to_string()), not JSON-quoted.
    hyper[k] = typeof v === 'string' && WHOLE_PARAM_REF.test(v) ? v : pythonJson(v);
  }
  Object.assign(hyper, scriptModeHyperparameters(ctx, artifact.s3Uri, program));
  const output = section.outputPath ?? `${s3Uri(ctx.settings.bucket, ctx.pipeline, 'training')}/`;
  const instanceType = section.instanceType ?? DEFAULTS.instanceType;
  const runtime = section.maxRuntimeSeconds ?? DEFAULTS.maxRuntimeSeconds;
  const spot = section.spot?.enabled ? section.spot : undefined;
  return {
    Name: step.name,
    Type: 'Training',
    Arguments: compact({
      AlgorithmSpecification: {
        TrainingInputMode: section.inputMode ?? 'File',
        TrainingImage: section.imageUri,
      },
      OutputDataConfig: compact({ S3OutputPath: output, KmsKeyId: ctx.settings.kmsKey }),
      StoppingCondition: spot
        ? { MaxRuntimeInSeconds: runtime, MaxWaitTimeInSeconds: spot.maxWait ?? 2 * runtime }
        : { MaxRuntimeInSeconds: runtime },
      ResourceConfig: compact({
        VolumeSizeInGB: section.volumeSizeInGb ?? DEFAULTS.volumeSizeInGb,
        InstanceCount: section.instanceCount ?? DEFAULTS.instanceCount,
        InstanceType: instanceType,
        VolumeKmsKeyId: volumeKmsKey(ctx, instanceType),
      }),
      RoleArn: ctx.settings.role,
      InputDataConfig: channels.length > 0 ? channels : undefined,
      HyperParameters: hyper,
      // Managed spot training, as the SDK's use_spot_instances / checkpoint_s3_uri / checkpoint_local_path.
      EnableManagedSpotTraining: spot ? true : undefined,
      CheckpointConfig: spot
        ? {
            S3Uri:
              spot.checkpointS3Uri ??
              `${s3Uri(ctx.settings.bucket, ctx.pipeline, 'checkpoints', model.name)}/`,
            LocalPath: spot.checkpointLocalPath ?? DEFAULTS.checkpointLocalPath,
          }
        : undefined,
      Environment: envOf(section),
      VpcConfig: vpcConfig(ctx),
      Tags: tagsOf(section),
      DebugHookConfig: { S3OutputPath: output, CollectionConfigurations: [] },
      ProfilerConfig: { S3OutputPath: output, DisableProfiler: false },
    }),
    ...(cacheConfig(step) ? { CacheConfig: cacheConfig(step) } : {}),
  };
}
