// RegisterModel steps: a model package in the model's group, with the unit's metrics as model quality.
import type { StepConfig } from '../../config/types.js';
import type { CompileContext } from '../context.js';
import { modelOf } from '../context.js';
import { DEFAULTS } from '../defaults.js';
import { EXECUTION_ARN } from '../expressions.js';
import type { DefinitionStep, Value } from '../types.js';
import type { UnitLinks } from '../units.js';
import { compact, CompileError } from './common.js';
import { metricsFileUri } from './metrics.js';
import type { InferenceContainer } from './model-container.js';
import { inferenceContainer } from './model-container.js';

export function modelPackageGroupName(ctx: CompileContext, step: StepConfig): string {
  const model = modelOf(ctx, step);
  return model.registry?.modelPackageGroupName ?? `${ctx.pipeline}-${model.name}`;
}

/** The old framework always sent a description (a placeholder); so do we, one that says where it came from. */
function defaultDescription(ctx: CompileContext, step: StepConfig): string {
  return `${step.model} registered by pipeline ${ctx.pipeline} (step ${step.name}); set registry.ModelPackageDescription to describe it`;
}

export function registerModelStep(
  ctx: CompileContext,
  step: StepConfig,
  links: UnitLinks,
  /** The container of the unit's latest CreateModel step, reused so both serve the same artifacts. */
  created: InferenceContainer | undefined,
): DefinitionStep[] {
  const model = modelOf(ctx, step);
  const registry = model.registry;
  const training = links.Training;
  if (!registry || !training)
    throw new CompileError(
      step,
      `${step.path}: a RegisterModel step needs a registry section and an earlier Training step`,
    );
  const own = created ? undefined : inferenceContainer(ctx, step, training);
  const container = (created ?? own)?.container;
  if (!container) throw new CompileError(step, `${step.path}: no inference container`);
  const metrics = links.Metrics;
  const contentTypes = registry.supportedContentTypes ?? [
    model.transform?.contentType ?? DEFAULTS.transformContentType,
  ];
  const responseTypes = registry.supportedResponseMimeTypes ?? contentTypes;
  const modelMetrics: Value | undefined = metrics
    ? {
        ModelQuality: {
          Statistics: {
            ContentType: model.evaluate?.contentType ?? DEFAULTS.metricsContentType,
            S3Uri: metricsFileUri(ctx, metrics),
          },
        },
        // The SDK always writes these two, empty; kept so definitions diff cleanly against SDK-built ones.
        Bias: {},
        Explainability: {},
      }
    : undefined;
  const register: DefinitionStep = {
    Name: step.name,
    Type: 'RegisterModel',
    Arguments: compact({
      ModelPackageGroupName: modelPackageGroupName(ctx, step),
      ModelPackageDescription: registry.modelPackageDescription ?? defaultDescription(ctx, step),
      ModelMetrics: modelMetrics,
      CustomerMetadataProperties: { PIPELINE_ARN: EXECUTION_ARN },
      InferenceSpecification: {
        Containers: [{ ...container }],
        SupportedContentTypes: [...contentTypes],
        SupportedResponseMIMETypes: [...responseTypes],
        SupportedRealtimeInferenceInstanceTypes: [
          ...(registry.realtimeInstanceTypes ?? DEFAULTS.registryInstanceTypes),
        ],
        SupportedTransformInstanceTypes: [
          ...(registry.transformInstanceTypes ?? DEFAULTS.registryInstanceTypes),
        ],
      },
      ModelApprovalStatus: registry.approvalStatus ?? DEFAULTS.approvalStatus,
      SkipModelValidation: 'None',
    }),
  };
  return own?.repack ? [own.repack, register] : [register];
}
