// The shape of a model config file (the old framework's format, see docs/config-reference.md).
// Shapes and value rules live here; rules that relate several nodes live in references.ts.
import { z } from 'zod';
import { WHOLE_PARAM_REF } from './parameter-syntax.js';

export const STEP_CLASSES = [
  'Processing',
  'Training',
  'CreateModel',
  'Transform',
  'Metrics',
  'RegisterModel',
] as const;
export type StepClass = (typeof STEP_CLASSES)[number];
/** The job sections every model may have; a Processing or Training step's `step_type` may name any other. */
export const JOB_SECTIONS = ['preprocess', 'train', 'evaluate', 'transform'] as const;
/** Model keys that are not job sections, so no `step_type` can name them. */
export const NON_SECTION_KEYS = ['source_directory', 'name', 'registry', 'model_package'] as const;
/** Values the old template wrote on non-Processing steps; accepted and ignored there. */
export const IGNORED_STEP_TYPES = [
  'train',
  'training',
  'transform',
  'register',
  'registry',
  'createmodel',
  'metrics',
];

export const PIPELINE_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}$/;
export const STEP_NAME = /^[A-Za-z0-9_-]{1,64}$/;
export const MODEL_PACKAGE_GROUP_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
export const MODEL_NAME = /^[A-Za-z0-9_-]{1,63}$/;
/** A versioned model package ARN: `arn:aws:sagemaker:<region>:<account>:model-package/<group>/<version>`. */
export const MODEL_PACKAGE_ARN =
  /^arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:\d{12}:model-package\/[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}\/\d{1,9}$/;
/** EventBridge Scheduler expressions (its documented forms). */
export const SCHEDULE_EXPRESSION =
  /^(cron\([^()]+\)|rate\(\d+ (minute|minutes|hour|hours|day|days)\)|at\(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\))$/;
/** The role EventBridge Scheduler assumes (the Scheduler API's own pattern). */
export const SCHEDULER_ROLE_ARN = /^arn:aws(-[a-z]+)?:iam::\d{12}:role\/[\w+=,.@/-]+$/;
export const INSTANCE_TYPE = /^ml\.[a-z0-9-]+\.[a-z0-9-]+$/;
/** A pipeline parameter name (the definition schema's ParameterName). */
export const PARAMETER_NAME = /^[A-Za-z0-9_-]{1,64}$/;
/** An instance type, or a whole-value `${param:Name}` reference to a String parameter that holds one. */
export const INSTANCE_TYPE_OR_PARAM = /^(?:ml\.[a-z0-9-]+\.[a-z0-9-]+|\$\{param:[A-Za-z0-9_-]{1,64}\})$/;
/** ISO-8601 duration as the CacheConfig accepts it: P10D, PT1H, P1DT12H, P2W. */
export const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

const text = z.string().min(1);
const positiveInt = z.int().min(1);

const tag = z.object({ Key: z.string().min(1).max(128), Value: z.string().max(256) });
const envMap = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
const jsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValue),
    z.record(z.string(), jsonValue),
  ]),
);

// sourceName only reaches SageMaker as a ProcessingInput name: usage.ts checks it there (training ignores it).
const dataFile = z.object({
  sourceName: text.optional(),
  fileName: text,
});

const channel = z
  .object({
    dataFiles: z.array(dataFile).optional(),
    s3BucketName: text.optional(),
    inputBucketPrefix: z.string().optional(),
    // Read by the old framework's metrics step: the output prefix and the container folders (kept: scripts
    // depend on those paths). The spelling `OuputLocalFilepath` is the old framework's.
    bucket_prefix: z.string().optional(),
    InputLocalFilepath: text.optional(),
    OuputLocalFilepath: text.optional(),
    // Read by the old framework only to build a path the SDK then took for a local file: no effect here.
    s3Bucket: z.string().optional(),
    s3InputPrefix: z.string().optional(),
  })
  .nullable();

/** `channels: train` (a bare name) is accepted for `evaluate`; references.ts refuses it elsewhere. */
const channels = z.union([z.record(z.string().regex(/^[A-Za-z0-9\-_.]{1,64}$/), channel), text]);

const sectionKeys = {
  image_uri: text,
  entry_point: text,
  // No length rule: SageMaker never sees it in a pipeline (usage.ts says it has no effect).
  base_job_name: text.optional(),
  instance_type: text
    .regex(INSTANCE_TYPE_OR_PARAM, 'an instance type like ml.m5.xlarge (or ${param:Name})')
    .optional(),
  instance_count: positiveInt.optional(),
  volume_size_in_gb: positiveInt.max(16384).optional(),
  max_runtime_seconds: positiveInt.optional(),
  max_runtime_in_seconds: positiveInt.optional(),
  // Managed spot training (train only; the SageMaker Python SDK's names).
  use_spot_instances: z.boolean().optional(),
  max_wait: positiveInt.optional(),
  checkpoint_s3_uri: text.regex(/^s3:\/\/[^/]+/, 'an s3:// URI').optional(),
  checkpoint_local_path: text.regex(/^\//, 'an absolute path in the container').optional(),
  tags: z.array(tag).max(50).optional(),
  env: envMap.optional(),
  framework_version: text.optional(),
  s3_data_distribution_type: z.enum(['FullyReplicated', 'ShardedByS3Key']).optional(),
  s3_data_type: z.enum(['S3Prefix', 'ManifestFile', 'AugmentedManifestFile']).optional(),
  s3_input_mode: z.enum(['File', 'Pipe']).optional(),
  s3_upload_mode: z.enum(['EndOfJob', 'Continuous']).optional(),
  output_path: text.optional(),
  hyperparams: z.record(z.string(), jsonValue).optional(),
  hyperparameters: z.record(z.string(), jsonValue).optional(),
  model_data_uri: text.optional(),
  content_type: text.optional(),
  input_mode: z.enum(['File', 'Pipe', 'FastFile']).optional(),
  // The old framework's training channels read a string here (their S3 data distribution); a mapping is kept for
  // framework distribution settings.
  distribution: z
    .union([z.enum(['FullyReplicated', 'ShardedByS3Key']), z.record(z.string(), jsonValue)])
    .optional(),
  channels: channels.optional(),
  // The old processing step's output folder (processing_service.py reads `location.outputLocalFilepath`).
  location: z.object({ outputLocalFilepath: text.optional() }).optional(),
  // Old keys with no effect (reported): the manifest input's folder, and two metrics arguments it never used.
  inputLocalFilepath: text.optional(),
  strategy: z.string().optional(),
  max_payload: z.number().optional(),
};

export const jobSectionSchema = z.object(sectionKeys);

export const transformSectionSchema = z.object({
  ...sectionKeys,
  // For transform the image is the registry's and the entry point only names the inference module.
  image_uri: text.optional(),
  entry_point: text.optional(),
  strategy: z.enum(['MultiRecord', 'SingleRecord']).optional(),
  assemble_with: z.enum(['None', 'Line']).optional(),
  join_source: z.enum(['None', 'Input']).optional(),
  split_type: z.enum(['None', 'Line', 'RecordIO', 'TFRecord']).optional(),
  max_payload: z.int().min(0).max(100).optional(),
  volume_size: positiveInt.optional(),
  input_filter: text.optional(),
  output_filter: text.optional(),
});

const approval = z.enum(['Approved', 'Rejected', 'PendingManualApproval']);
const stringList = z.array(text);

export const registrySchema = z.object({
  ModelRepack: z.union([z.enum(['True', 'False', 'true', 'false']), z.boolean()]).optional(),
  ModelPackageGroupName: text
    .regex(MODEL_PACKAGE_GROUP_NAME, 'letters, digits and single hyphens, at most 63 characters')
    .optional(),
  ModelPackageGroupDescription: z.string().max(1024).optional(),
  ModelPackageDescription: z.string().max(1024).optional(),
  ModelApprovalStatus: approval.optional(),
  InferenceSpecification: z.object({
    image_uri: text,
    supported_content_types: stringList.optional(),
    SupportedContentTypes: stringList.optional(),
    supported_response_MIME_types: stringList.optional(),
    SupportedResponseMIMETypes: stringList.optional(),
    SupportedRealtimeInferenceInstanceTypes: z.array(text.regex(INSTANCE_TYPE)).optional(),
    SupportedTransformInstanceTypes: z.array(text.regex(INSTANCE_TYPE)).optional(),
    approval_status: approval.optional(),
  }),
});

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const modelPackageSchema = z.object({
  group: text.regex(
    MODEL_PACKAGE_GROUP_NAME,
    'a model package group name: letters, digits and single hyphens, at most 63 characters',
  ),
  version: z
    .union([
      z.literal('latest-approved'),
      z.int().min(1),
      text.regex(
        MODEL_PACKAGE_ARN,
        'latest-approved, a version number or a versioned model package ARN (arn:aws:sagemaker:<region>:<account>:model-package/<group>/<version>)',
      ),
    ])
    .optional(),
  require_approved: z.boolean().optional(),
});

export const scheduleSchema = z.object({
  expression: text
    .max(256)
    .regex(
      SCHEDULE_EXPRESSION,
      'an EventBridge Scheduler expression: cron(0 6 * * ? *), rate(1 day) or at(2026-01-31T06:00:00)',
    ),
  timezone: text
    .max(50)
    .refine(isTimeZone, 'not an IANA time zone name (use one such as UTC, Europe/Paris or America/New_York)')
    .optional(),
  role_arn: text.regex(
    SCHEDULER_ROLE_ARN,
    'an IAM role ARN (arn:aws:iam::<account>:role/<name>) that EventBridge Scheduler assumes',
  ),
  parameters: z
    .record(
      z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'a pipeline parameter name (letters, digits, - and _)'),
      z.union([z.string().min(1).max(1024), z.number(), z.boolean()]),
    )
    .optional(),
  enabled: z.boolean().optional(),
});

export const modelSchema = z.object({
  source_directory: text,
  name: text.optional(),
  preprocess: jobSectionSchema.optional(),
  train: jobSectionSchema.optional(),
  evaluate: jobSectionSchema.optional(),
  transform: transformSectionSchema.optional(),
  registry: registrySchema.optional(),
  model_package: modelPackageSchema.optional(),
});

/** A metric threshold: a number, or a whole `${param:Name}` (an Integer or Float parameter). */
const threshold = z.union([z.number(), z.string().regex(WHOLE_PARAM_REF, 'a number or ${param:Name}')]);
export const qualityGateSchema = z
  .array(
    z.object({
      metric: text
        .max(256)
        .regex(
          /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+|\[\d+\])*$/,
          'a JSON path in the metrics report, like binary_classification_metrics.auc.value',
        ),
      min: threshold.optional(),
      max: threshold.optional(),
    }),
  )
  .min(1);

/** Step exceptions (any step) and job exceptions (steps that run a job): the RetryPolicy ExceptionType values. */
export const STEP_EXCEPTIONS = ['Step.SERVICE_FAULT', 'Step.THROTTLING'] as const;
export const JOB_EXCEPTIONS = [
  'SageMaker.JOB_INTERNAL_ERROR',
  'SageMaker.CAPACITY_ERROR',
  'SageMaker.RESOURCE_LIMIT',
] as const;
export const retrySchema = z.array(
  z.object({
    exceptions: z.array(text).min(1),
    max_attempts: z.int().min(1).max(20).optional(),
    expire_after_minutes: z.int().min(0).max(14400).optional(),
    interval_seconds: z.int().min(1).max(43200).optional(),
    backoff_rate: z.number().min(1).max(10).optional(),
  }),
);

/**
 * The model schema with `extra` job sections (the names Processing/Training steps give as `step_type`), so they
 * are checked like `preprocess` and their keys are known. Names of fixed keys are left as they are.
 */
export function modelSchemaFor(extra: readonly string[]): typeof modelSchema {
  const shape: Record<string, z.ZodType> = {};
  for (const name of extra) {
    if (!Object.hasOwn(modelSchema.shape, name)) shape[name] = jobSectionSchema.optional();
  }
  return Object.keys(shape).length === 0 ? modelSchema : (modelSchema.extend(shape) as typeof modelSchema);
}

export function confFileSchemaFor(extra: readonly string[]): typeof confFileSchema {
  if (extra.every((n) => Object.hasOwn(modelSchema.shape, n))) return confFileSchema;
  return confFileSchema.extend({
    conf: confFileSchema.shape.conf.extend({
      models: z.record(z.string(), modelSchemaFor(extra)).optional(),
    }),
  }) as typeof confFileSchema;
}

export const stepSchema = z.object({
  step_name: text.regex(STEP_NAME, 'letters, digits, - and _, at most 64 characters'),
  step_class: text,
  step_type: text.optional(),
  enable_cache: z.boolean().optional(),
  cache_expire_after: text.regex(ISO_DURATION, 'an ISO-8601 duration such as P10D or PT12H').optional(),
  chain_input_source_step: z.array(text).optional(),
  chain_input_source_steps: z.array(text).optional(),
  chain_input_additional_prefix: z.string().optional(),
  quality_gate: qualityGateSchema.optional(),
  retry: retrySchema.optional(),
});

/** `sagemakerPipeline.parameters.<Name>`: a typed pipeline parameter (see src/config/parameters.ts). */
export const PARAMETER_TYPES = ['String', 'Integer', 'Float', 'Boolean'] as const;
export const parameterSchema = z.object({
  type: z.enum(PARAMETER_TYPES),
  default: z.union([z.string().max(1024), z.number(), z.boolean()]),
  enum: z.array(z.string().max(1024)).min(1).optional(),
});

export const pipelineSchema = z.object({
  pipelineName: text.regex(
    PIPELINE_NAME,
    'letters, digits and single hyphens, starting with a letter or digit, at most 256 characters',
  ),
  pipelineDescription: z.string().max(3072).optional(),
  models: z
    .record(z.string(), z.object({ steps: z.array(stepSchema).min(1) }))
    .refine((m) => Object.keys(m).length > 0, 'at least one model with steps'),
  dependencies: z.array(text).optional(),
  retry: retrySchema.optional(),
  parameters: z
    .record(
      z.string().regex(PARAMETER_NAME, 'letters, digits, - and _, at most 64 characters'),
      parameterSchema,
    )
    .optional(),
  schedule: scheduleSchema.optional(),
});

/** The pipeline with name and description unchecked, so other errors are still found when those are bad. */
export const lenientPipelineSchema = pipelineSchema.extend({
  pipelineName: z.string().catch(''),
  pipelineDescription: z.string().optional().catch(undefined),
  // Already reported by the strict parse; the steps are still checked.
  schedule: scheduleSchema.optional().catch(undefined),
});

export const confFileSchema = z.object({
  conf: z.object({
    models: z
      .record(z.string().regex(/^[A-Za-z0-9_-]{1,63}$/, 'letters, digits, - and _'), modelSchema)
      .optional(),
    sagemakerPipeline: pipelineSchema.optional(),
  }),
});

export type ModelInput = z.infer<typeof modelSchema>;
export type JobSectionInput = z.infer<typeof jobSectionSchema>;
export type TransformSectionInput = z.infer<typeof transformSectionSchema>;
export type RegistryInput = z.infer<typeof registrySchema>;
export type ModelPackageInput = z.infer<typeof modelPackageSchema>;
export type ScheduleInput = z.infer<typeof scheduleSchema>;
export type StepInput = z.infer<typeof stepSchema>;
export type PipelineInput = z.infer<typeof pipelineSchema>;
export type ParameterInput = z.infer<typeof parameterSchema>;
export type ConfFileInput = z.infer<typeof confFileSchema>;
