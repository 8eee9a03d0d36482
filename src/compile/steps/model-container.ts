// The inference container a CreateModel or RegisterModel step uses, and the repack job ModelRepack "True" adds.
import type { StepConfig } from '../../config/types.js';
import type { CompileContext } from '../context.js';
import { modelOf } from '../context.js';
import { DEFAULTS, PATHS } from '../defaults.js';
import { modelArtifacts, s3Uri } from '../expressions.js';
import { sklearnImage } from '../images.js';
import type { DefinitionStep, Value } from '../types.js';
import { compact, CompileError, scriptModeHyperparameters, volumeKmsKey, vpcConfig } from './common.js';
import { moduleName } from '../code.js';

export const REPACK_SUFFIX = '-RepackModel';

export interface InferenceContainer {
  readonly container: { Image: string; Environment: Record<string, string>; ModelDataUrl: Value };
  /** The repack training step to emit before the owner (ModelRepack "True"). */
  readonly repack: DefinitionStep | undefined;
}

/**
 * The container for `owner` (a CreateModel or RegisterModel step) serving the artifacts of `training`.
 * ModelRepack "False": the image brings the code; SAGEMAKER_PROGRAM names the inference module.
 * ModelRepack "True": a repack job writes the artifacts plus the code (code/, the old framework's layout, see
 * repack-layout.ts) into a new model.tar.gz; SAGEMAKER_PROGRAM is the entry point as a module (`serve.inference`).
 */
export function inferenceContainer(
  ctx: CompileContext,
  owner: StepConfig,
  training: StepConfig,
): InferenceContainer {
  const model = modelOf(ctx, owner);
  const registry = model.registry;
  if (!registry)
    throw new CompileError(owner, `${owner.path}: conf.models.${owner.model}.registry is required`);
  const entry = model.transform?.entryPoint;
  if (!registry.modelRepack) {
    return {
      container: {
        Image: registry.imageUri,
        Environment: {
          SAGEMAKER_SUBMIT_DIRECTORY: PATHS.modelCode,
          SAGEMAKER_PROGRAM: entry ? moduleName(entry) : DEFAULTS.inferenceProgram,
          SAGEMAKER_REQUIREMENTS: 'requirements.txt',
        },
        ModelDataUrl: modelArtifacts(training.name),
      },
      repack: undefined,
    };
  }
  const name = `${owner.name}${REPACK_SUFFIX}`;
  if (name.length > 64) {
    throw new CompileError(
      owner,
      `${owner.path}: the repack step \`${name}\` would exceed SageMaker's 64-character step names: shorten step_name to at most ${64 - REPACK_SUFFIX.length} characters`,
    );
  }
  const code = ctx.code.repackBundle(model, entry);
  const program = ctx.code.repackProgram();
  const image = sklearnImage(ctx.settings.region);
  if (!image)
    throw new CompileError(
      owner,
      `${owner.path}: no scikit-learn image is known for region ${ctx.settings.region} to run the repack job; set ModelRepack: "False"`,
    );
  const output = `${s3Uri(ctx.settings.bucket, ctx.pipeline, 'repack', model.name)}/`;
  const channel = (uri: Value, channelName: string): Record<string, Value> => ({
    DataSource: {
      S3DataSource: { S3DataType: 'S3Prefix', S3Uri: uri, S3DataDistributionType: 'FullyReplicated' },
    },
    InputMode: 'File',
    ChannelName: channelName,
  });
  const repack: DefinitionStep = {
    Name: name,
    Type: 'Training',
    Arguments: compact({
      AlgorithmSpecification: { TrainingInputMode: 'File', TrainingImage: image },
      OutputDataConfig: compact({ S3OutputPath: output, KmsKeyId: ctx.settings.kmsKey }),
      StoppingCondition: { MaxRuntimeInSeconds: DEFAULTS.repackMaxRuntimeSeconds },
      ResourceConfig: compact({
        VolumeSizeInGB: 30,
        InstanceCount: 1,
        InstanceType: DEFAULTS.repackInstanceType,
        VolumeKmsKeyId: volumeKmsKey(ctx, DEFAULTS.repackInstanceType),
      }),
      RoleArn: ctx.settings.role,
      InputDataConfig: [
        channel(modelArtifacts(training.name), 'model'),
        channel(code.artifact.s3Uri, 'code'),
      ],
      HyperParameters: scriptModeHyperparameters(ctx, program.artifact.s3Uri, program.program),
      VpcConfig: vpcConfig(ctx),
      DebugHookConfig: { S3OutputPath: output, CollectionConfigurations: [] },
      ProfilerConfig: { DisableProfiler: true },
    }),
    Description: `Repacks the artifacts of ${training.name} with ${model.sourceDirectory}/ for ${owner.name} (ModelRepack "True")`,
  };
  return {
    container: {
      Image: registry.imageUri,
      Environment: {
        SAGEMAKER_PROGRAM: code.program,
        SAGEMAKER_SUBMIT_DIRECTORY: PATHS.modelCode,
        SAGEMAKER_CONTAINER_LOG_LEVEL: '20',
        SAGEMAKER_REGION: ctx.settings.region,
      },
      ModelDataUrl: modelArtifacts(name),
    },
    repack,
  };
}
