// Transform steps: a batch transform with the model of the unit's latest CreateModel step.
import type { StepConfig } from '../../config/types.js';
import type { CompileContext } from '../context.js';
import { modelOf } from '../context.js';
import { DEFAULTS } from '../defaults.js';
import { executionScoped, joinUri, modelName, s3Uri } from '../expressions.js';
import type { DefinitionStep, Value } from '../types.js';
import type { UnitLinks } from '../units.js';
import {
  cacheConfig,
  chainOutput,
  channelNames,
  compact,
  CompileError,
  dataFileUri,
  envOf,
  tagsOf,
  volumeKmsKey,
} from './common.js';

export function transformStep(ctx: CompileContext, step: StepConfig, links: UnitLinks): DefinitionStep {
  const create = links.CreateModel;
  if (!create)
    throw new CompileError(step, `${step.path}: a Transform step needs an earlier CreateModel step`);
  const model = modelOf(ctx, step);
  const section = model.transform;
  let input: Value;
  let output: Value;
  const source = step.chainSources[0];
  if (source !== undefined) {
    const channel = channelNames(section)[0] ?? DEFAULTS.channel;
    input = joinUri(chainOutput(ctx, step, source, channel), step.chainAdditionalPrefix ?? '');
    output = executionScoped(ctx.settings.bucket, ctx.pipeline, step.name);
  } else {
    const withFile = section?.channels.find((c) => c.dataFiles.length > 0);
    const file = withFile?.dataFiles[0];
    if (!withFile || !file)
      throw new CompileError(
        step,
        `${step.path}: a Transform step needs a chain source or one dataFile in transform.channels`,
      );
    input = dataFileUri(ctx, withFile, file);
    output = s3Uri(
      withFile.s3BucketName ?? ctx.settings.bucket,
      withFile.inputBucketPrefix,
      model.name,
      'predictions',
      'transform',
    );
  }
  const contentType = section?.contentType ?? DEFAULTS.transformContentType;
  const t = section?.transform;
  const instanceType = section?.instanceType ?? DEFAULTS.instanceType;
  const dataProcessing = compact({
    InputFilter: t?.inputFilter,
    OutputFilter: t?.outputFilter,
    JoinSource: t?.joinSource,
  });
  return {
    Name: step.name,
    Type: 'Transform',
    Arguments: compact({
      ModelName: modelName(create.name),
      TransformInput: compact({
        DataSource: { S3DataSource: { S3DataType: section?.s3DataType ?? 'S3Prefix', S3Uri: input } },
        ContentType: contentType,
        SplitType: t?.splitType,
      }),
      TransformOutput: compact({
        S3OutputPath: output,
        Accept: contentType,
        AssembleWith: t?.assembleWith,
        KmsKeyId: ctx.settings.kmsKey,
      }),
      TransformResources: compact({
        InstanceCount: section?.instanceCount ?? DEFAULTS.instanceCount,
        InstanceType: instanceType,
        VolumeKmsKeyId: volumeKmsKey(ctx, instanceType),
      }),
      BatchStrategy: t?.strategy,
      MaxPayloadInMB: t?.maxPayloadInMb,
      Environment: envOf(section),
      DataProcessing: Object.keys(dataProcessing).length > 0 ? dataProcessing : undefined,
      Tags: tagsOf(section),
    }),
    ...(cacheConfig(step) ? { CacheConfig: cacheConfig(step) } : {}),
  };
}
