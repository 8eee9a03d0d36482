// The source map: which config key (and where) produced a definition field, so the plan names a change the
// way the author wrote it (`train.instance_type` at conf.yaml:24) rather than as a definition path. A side
// table built from the compiled steps, their origins and the config's key positions; compile is unchanged.
// Field paths are the diff's (list items by name: `Arguments.ProcessingInputs['raw'].S3Input.S3Uri`).
import { flatSteps } from '../compile/branches.js';
import type { DefinitionStep, FieldSource, Plan, SourceMap, Value } from '../compile/types.js';
import type { Loc } from '../config/diagnostics.js';
import { allSteps } from '../config/types.js';
import type { Channel, JobSection, ModelConfig, ProjectConfig, StepConfig } from '../config/types.js';
import { itemPath } from './diff.js';

/** Definition field path → config keys (alternative spellings) inside the step's section. */
const JOB_FIELDS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  Processing: {
    'Arguments.ProcessingResources.ClusterConfig.InstanceType': ['instance_type'],
    'Arguments.ProcessingResources.ClusterConfig.InstanceCount': ['instance_count'],
    'Arguments.ProcessingResources.ClusterConfig.VolumeSizeInGB': ['volume_size_in_gb'],
    'Arguments.AppSpecification.ImageUri': ['image_uri'],
  },
  Training: {
    'Arguments.ResourceConfig.InstanceType': ['instance_type'],
    'Arguments.ResourceConfig.InstanceCount': ['instance_count'],
    'Arguments.ResourceConfig.VolumeSizeInGB': ['volume_size_in_gb'],
    'Arguments.AlgorithmSpecification.TrainingImage': ['image_uri'],
    'Arguments.AlgorithmSpecification.TrainingInputMode': ['input_mode'],
    'Arguments.StoppingCondition.MaxRuntimeInSeconds': ['max_runtime_seconds', 'max_runtime_in_seconds'],
    'Arguments.StoppingCondition.MaxWaitTimeInSeconds': ['max_wait'],
    'Arguments.EnableManagedSpotTraining': ['use_spot_instances'],
    'Arguments.CheckpointConfig.S3Uri': ['checkpoint_s3_uri'],
    'Arguments.CheckpointConfig.LocalPath': ['checkpoint_local_path'],
    'Arguments.OutputDataConfig.S3OutputPath': ['output_path'],
    'Arguments.DebugHookConfig.S3OutputPath': ['output_path'],
    'Arguments.ProfilerConfig.S3OutputPath': ['output_path'],
    'Arguments.HyperParameters.sagemaker_program': ['entry_point'],
  },
  Transform: {
    'Arguments.TransformResources.InstanceType': ['instance_type'],
    'Arguments.TransformResources.InstanceCount': ['instance_count'],
    'Arguments.TransformInput.DataSource.S3DataSource.S3DataType': ['s3_data_type'],
    'Arguments.TransformInput.ContentType': ['content_type'],
    'Arguments.TransformInput.SplitType': ['split_type'],
    'Arguments.TransformOutput.Accept': ['content_type'],
    'Arguments.TransformOutput.AssembleWith': ['assemble_with'],
    'Arguments.BatchStrategy': ['strategy'],
    'Arguments.MaxPayloadInMB': ['max_payload'],
    'Arguments.DataProcessing.InputFilter': ['input_filter'],
    'Arguments.DataProcessing.OutputFilter': ['output_filter'],
    'Arguments.DataProcessing.JoinSource': ['join_source'],
  },
};

/** The section keys of an S3 input's or a training channel's data settings. */
const S3_INPUT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'S3Input.S3DataType': ['s3_data_type'],
  'S3Input.S3InputMode': ['s3_input_mode'],
  'S3Input.S3DataDistributionType': ['s3_data_distribution_type', 'distribution'],
};
const CHANNEL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'DataSource.S3DataSource.S3DataType': ['s3_data_type'],
  'DataSource.S3DataSource.S3DataDistributionType': ['s3_data_distribution_type', 'distribution'],
  ContentType: ['content_type'],
  InputMode: ['input_mode'],
};

/** RegisterModel fields → keys of `conf.models.<model>` (first written wins; else the registry's default). */
const SPEC = 'registry.InferenceSpecification';
const CONTENT_TYPES = [
  `${SPEC}.supported_content_types`,
  `${SPEC}.SupportedContentTypes`,
  'transform.content_type',
];
const REGISTER_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'Arguments.ModelPackageGroupName': ['registry.ModelPackageGroupName'],
  'Arguments.ModelPackageDescription': ['registry.ModelPackageDescription'],
  'Arguments.ModelApprovalStatus': [`${SPEC}.approval_status`, 'registry.ModelApprovalStatus'],
  'Arguments.ModelMetrics.ModelQuality.Statistics.ContentType': ['evaluate.content_type'],
};
/** List-valued RegisterModel fields: the entry covers the list's items. */
const REGISTER_LISTS: Readonly<Record<string, readonly string[]>> = {
  'Arguments.InferenceSpecification.SupportedContentTypes': CONTENT_TYPES,
  'Arguments.InferenceSpecification.SupportedResponseMIMETypes': [
    `${SPEC}.supported_response_MIME_types`,
    `${SPEC}.SupportedResponseMIMETypes`,
    ...CONTENT_TYPES,
  ],
  'Arguments.InferenceSpecification.SupportedRealtimeInferenceInstanceTypes': [
    `${SPEC}.SupportedRealtimeInferenceInstanceTypes`,
  ],
  'Arguments.InferenceSpecification.SupportedTransformInstanceTypes': [
    `${SPEC}.SupportedTransformInstanceTypes`,
  ],
};

const STEP_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'CacheConfig.Enabled': ['enable_cache'],
  'CacheConfig.ExpireAfter': ['cache_expire_after'],
};

/** The sources of one compiled step, filled by the rules below. */
class Fields {
  readonly map = new Map<string, FieldSource>();
  constructor(private readonly locations: ReadonlyMap<string, Loc>) {}

  set(field: string, key: string, loc: Loc, opts: { written?: boolean; covers?: boolean } = {}): void {
    this.map.set(field, {
      key,
      loc,
      written: opts.written ?? true,
      ...(opts.covers ? { covers: true } : {}),
    });
  }

  /** The first candidate written in the config (`base.key`, shown `shown.key`), else the fallback's default. */
  first(
    field: string,
    keys: readonly string[],
    base: string,
    shown: string,
    fallback: Loc,
    covers = false,
  ): void {
    const named = (k: string): string => (shown ? `${shown}.${k}` : k);
    for (const k of keys) {
      const loc = this.locations.get(`${base}.${k}`);
      if (loc) return this.set(field, named(k), loc, { covers });
    }
    this.set(field, named(keys[0] ?? ''), fallback, { written: false, covers });
  }
}

export function sourceMap(config: ProjectConfig, plan: Plan): SourceMap {
  const steps = new Map(allSteps(config.pipeline).map((s) => [`${s.model}\u0000${s.name}`, s]));
  const out = new Map<string, Map<string, FieldSource>>();
  for (const s of flatSteps(plan.definition)) {
    const origin = plan.origins.get(s.Name);
    const step = origin && steps.get(`${origin.model}\u0000${origin.configured}`);
    const model = origin && config.models[origin.model];
    if (!origin || !step || !model) continue;
    const f = new Fields(config.locations);
    const unit = config.pipeline.units.find((u) => u.model === origin.model)?.steps ?? [];
    const ctx: StepContext = { f, s, step, model, unit, locations: config.locations };
    // A repack job, a gate and its Fail step belong to the configured step but are not it: the repack job's
    // fields are the compiler's (its code is a code change), the gate's conditions are the step's quality_gate.
    const own = s.Name === step.name;
    if (s.Type === 'Condition' || s.Type === 'Fail') gateFields(ctx);
    else if (own) {
      jobFields(ctx);
      if (s.Type === 'Model') modelFields(ctx, 'Arguments.PrimaryContainer');
      if (s.Type === 'RegisterModel') registerFields(ctx);
    }
    if (own) {
      for (const [field, keys] of Object.entries(STEP_FIELDS))
        f.first(field, keys, step.path, step.name, step.loc);
    }
    retryFields(ctx);
    out.set(s.Name, f.map);
  }
  return out;
}

/**
 * The source of a changed field: its own entry, else the nearest enclosing field whose entry covers what is
 * under it (an input's whole item, a list of instance types, an `env` map).
 */
export function fieldSource(
  sources: SourceMap | undefined,
  step: string,
  path: string,
): FieldSource | undefined {
  const fields = sources?.get(step);
  if (!fields) return undefined;
  const own = fields.get(path);
  if (own) return own;
  let best: { at: string; src: FieldSource } | undefined;
  for (const [at, src] of fields) {
    if (!src.covers || !path.startsWith(at) || !/^[.[]/.test(path.slice(at.length))) continue;
    if (!best || at.length > best.at.length) best = { at, src };
  }
  return best?.src;
}

interface StepContext {
  readonly f: Fields;
  readonly s: DefinitionStep;
  readonly step: StepConfig;
  readonly model: ModelConfig;
  /** The steps of the step's unit, in order. */
  readonly unit: readonly StepConfig[];
  readonly locations: ReadonlyMap<string, Loc>;
}

function jobSection(step: StepConfig, model: ModelConfig): JobSection | undefined {
  const name =
    step.stepClass === 'Processing' || step.stepClass === 'Training'
      ? (step.stepType ?? (step.stepClass === 'Processing' ? 'preprocess' : 'train'))
      : step.stepClass === 'Metrics'
        ? 'evaluate'
        : step.stepClass === 'Transform'
          ? 'transform'
          : undefined;
  return name !== undefined && Object.hasOwn(model.sections, name) ? model.sections[name] : undefined;
}

/** Writes the fields a job section produced: resources, image, data inputs and outputs, env, tags. */
function jobFields(c: StepContext): void {
  const { f, s, step, model } = c;
  const sec = jobSection(step, model);
  if (!sec) return;
  const base = `conf.models.${model.name}.${sec.kind}`;
  // A key that is not written points at its section (its first line, where it would go).
  const at = c.locations.get(base) ?? sec.loc;
  const job = (field: string, keys: readonly string[], covers = false): void =>
    f.first(field, keys, base, sec.kind, at, covers);
  for (const [field, keys] of Object.entries(JOB_FIELDS[s.Type] ?? {})) job(field, keys);
  if (s.Type === 'Processing') {
    // evaluate and transform spell it max_runtime_in_seconds in the old format; the others max_runtime_seconds.
    const runtime = ['max_runtime_seconds', 'max_runtime_in_seconds'];
    job(
      'Arguments.StoppingCondition.MaxRuntimeInSeconds',
      sec.kind === 'evaluate' ? runtime.reverse() : runtime,
    );
    processingData(c, sec, base, at);
  }
  if (s.Type === 'Training') trainingData(c, sec, base, at);
  if (s.Type === 'Transform') transformData(c, sec);
  job('Arguments.Environment', ['env'], true);
  job('Arguments.Tags', ['tags'], true);
  for (const name of Object.keys(record(s.Arguments.Environment))) {
    if (c.locations.has(`${base}.env.${name}`)) job(`Arguments.Environment.${name}`, [`env.${name}`]);
  }
  // Only the hyperparameters the config writes: the others (sagemaker_program, …) are the compiler's own.
  for (const name of Object.keys(record(s.Arguments.HyperParameters))) {
    const spelled = ['hyperparams', 'hyperparameters'].find((p) => c.locations.has(`${base}.${p}.${name}`));
    if (spelled) job(`Arguments.HyperParameters.${name}`, [`${spelled}.${name}`]);
  }
}

function record(v: Value | undefined): Record<string, Value> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Value>) : {};
}

function items(v: Value | undefined, nameKey: string): { name: string; item: Record<string, Value> }[] {
  return (Array.isArray(v) ? v : []).map((x) => {
    const item = record(x);
    return { name: typeof item[nameKey] === 'string' ? item[nameKey] : '', item };
  });
}

/** Where a static data file came from: its `fileName` when a full s3:// URI, else its channel (bucket, prefix, name). */
interface DataOrigin {
  readonly item: { key: string; loc: Loc };
  readonly uri: { key: string; loc: Loc };
}

function staticOrigins(sec: JobSection): Map<string, DataOrigin> {
  const out = new Map<string, DataOrigin>();
  for (const ch of sec.channels) {
    const channel = { key: `${sec.kind}.channels.${ch.name}`, loc: ch.loc };
    ch.dataFiles.forEach((file, i) => {
      const item = { key: `${channel.key}.dataFiles[${i}]`, loc: file.loc };
      const uri = file.fileName.startsWith('s3://')
        ? { key: `${item.key}.fileName`, loc: file.loc }
        : channel;
      out.set(file.sourceName ?? ch.name, { item, uri });
    });
  }
  return out;
}

/** `<step>.chain_input_source_step` at the list item naming `source`. */
function chainKey(c: StepContext, source: string): { key: string; loc: Loc } | undefined {
  const j = c.step.chainSources.indexOf(source);
  if (j < 0) return undefined;
  for (const spelling of ['chain_input_source_step', 'chain_input_source_steps']) {
    const loc = c.locations.get(`${c.step.path}.${spelling}[${j}]`);
    if (loc) return { key: `${c.step.name}.${spelling}`, loc };
  }
  return undefined;
}

/** The chain source a compiled input or channel name stands for (`<src>-input-<ch>`, `<src>-input`, `<src>-<ch>`). */
function chainedFrom(c: StepContext, name: string): { key: string; loc: Loc } | undefined {
  const src = [...c.step.chainSources]
    .sort((a, b) => b.length - a.length)
    .find((x) => name === `${x}-input` || name.startsWith(`${x}-`));
  return src === undefined ? undefined : chainKey(c, src);
}

function processingData(c: StepContext, sec: JobSection, base: string, secLoc: Loc): void {
  const { f, s } = c;
  const job = (field: string, keys: readonly string[]): void => f.first(field, keys, base, sec.kind, secLoc);
  const statics = staticOrigins(sec);
  const metrics = c.step.stepClass === 'Metrics';
  const first: Channel | undefined = sec.channels[0];
  for (const { name, item } of items(s.Arguments.ProcessingInputs, 'InputName')) {
    const at = itemPath('Arguments.ProcessingInputs', name);
    const origin = statics.get(name);
    const chained = origin ? undefined : chainedFrom(c, name);
    const whole = origin?.item ?? chained;
    if (!whole || !item.S3Input) continue;
    f.set(at, whole.key, whole.loc, { covers: true });
    const uri = origin?.uri ?? chained;
    if (uri) f.set(`${at}.S3Input.S3Uri`, uri.key, uri.loc);
    for (const [field, keys] of Object.entries(S3_INPUT_FIELDS)) job(`${at}.${field}`, keys);
    // The metrics job's input folder moves with the first channel's InputLocalFilepath (and its name).
    if (metrics && first)
      job(`${at}.S3Input.LocalPath`, [`channels.${first.name}.InputLocalFilepath`, 'channels']);
  }
  for (const { name } of items(record(s.Arguments.ProcessingOutputConfig).Outputs, 'OutputName')) {
    const at = itemPath('Arguments.ProcessingOutputConfig.Outputs', name);
    if (metrics) {
      const named = sec.channels.find((ch) => ch.s3BucketName !== undefined);
      if (named) f.set(`${at}.S3Output.S3Uri`, `${sec.kind}.channels.${named.name}`, named.loc);
      if (first) job(`${at}.S3Output.LocalPath`, [`channels.${first.name}.OuputLocalFilepath`]);
    } else {
      const ch = sec.channels.find((x) => x.name === name);
      if (ch) f.set(at, `${sec.kind}.channels.${ch.name}`, ch.loc, { covers: true });
      else f.set(at, `${sec.kind}.channels`, secLoc, { written: false, covers: true });
      job(`${at}.S3Output.LocalPath`, ['location.outputLocalFilepath']);
    }
    job(`${at}.S3Output.S3UploadMode`, ['s3_upload_mode']);
  }
}

function trainingData(c: StepContext, sec: JobSection, base: string, secLoc: Loc): void {
  const { f, s } = c;
  const statics = new Map(sec.channels.map((ch) => [ch.name, ch]));
  for (const { name } of items(s.Arguments.InputDataConfig, 'ChannelName')) {
    const at = itemPath('Arguments.InputDataConfig', name);
    const ch = statics.get(name);
    if (name === 'model' && !ch && sec.modelDataUri !== undefined) {
      f.first(at, ['model_data_uri'], base, sec.kind, secLoc, true);
      continue;
    }
    const file = ch?.dataFiles[0];
    const whole = ch ? { key: `${sec.kind}.channels.${ch.name}`, loc: ch.loc } : chainedFrom(c, name);
    if (!whole) continue;
    f.set(at, whole.key, whole.loc, { covers: true });
    const uri =
      ch && file?.fileName.startsWith('s3://')
        ? { key: `${whole.key}.dataFiles[0].fileName`, loc: file.loc }
        : whole;
    f.set(`${at}.DataSource.S3DataSource.S3Uri`, uri.key, uri.loc);
    for (const [field, keys] of Object.entries(CHANNEL_FIELDS))
      f.first(`${at}.${field}`, keys, base, sec.kind, secLoc);
  }
}

function transformData(c: StepContext, sec: JobSection): void {
  const { f, step } = c;
  const input = 'Arguments.TransformInput.DataSource.S3DataSource.S3Uri';
  const source = step.chainSources[0];
  if (source !== undefined) {
    // The input is the source's output joined with the prefix: the prefix is what an author edits there (a new
    // source shows as a dependency change in the same row).
    const prefix = c.locations.get(`${step.path}.chain_input_additional_prefix`);
    const chained = chainKey(c, source);
    if (prefix) f.set(input, `${step.name}.chain_input_additional_prefix`, prefix);
    else if (chained) f.set(input, chained.key, chained.loc);
    return;
  }
  const withFile = sec.channels.find((ch) => ch.dataFiles.length > 0);
  const file = withFile?.dataFiles[0];
  if (!withFile || !file) return;
  const channel = { key: `${sec.kind}.channels.${withFile.name}`, loc: withFile.loc };
  if (file.fileName.startsWith('s3://')) f.set(input, `${channel.key}.dataFiles[0].fileName`, file.loc);
  else f.set(input, channel.key, channel.loc);
  f.set('Arguments.TransformOutput.S3OutputPath', channel.key, channel.loc);
}

/** The inference container of a Model or RegisterModel step (`at` is the container's path). */
function modelFields(c: StepContext, at: string): void {
  const { f, model } = c;
  const base = `conf.models.${model.name}`;
  const registry = model.registry?.loc ?? model.loc;
  f.first(`${at}.Image`, [`${SPEC}.image_uri`], base, '', registry);
  // ModelRepack decides the container's code layout (its environment); ModelDataUrl names a step (no key).
  f.first(`${at}.Environment`, ['registry.ModelRepack'], base, '', registry, true);
  f.first(
    `${at}.Environment.SAGEMAKER_PROGRAM`,
    ['transform.entry_point'],
    base,
    '',
    model.transform?.loc ?? registry,
  );
  if (model.modelPackage) f.set(`${at}.ModelPackageName`, 'model_package', model.modelPackage.versionLoc);
}

function registerFields(c: StepContext): void {
  const { f, model } = c;
  const base = `conf.models.${model.name}`;
  const registry = model.registry?.loc ?? model.loc;
  for (const [field, keys] of Object.entries(REGISTER_FIELDS)) f.first(field, keys, base, '', registry);
  for (const [field, keys] of Object.entries(REGISTER_LISTS)) f.first(field, keys, base, '', registry, true);
  modelFields(c, 'Arguments.InferenceSpecification.Containers[0]');
  // The model quality statistics exist because the unit has a Metrics step (its report is the statistics).
  const metrics = c.unit.filter((x) => x.stepClass === 'Metrics' && x.index < c.step.index).at(-1);
  if (metrics) f.set('Arguments.ModelMetrics', metrics.name, metrics.loc, { covers: true });
}

function gateFields(c: StepContext): void {
  const loc = c.step.qualityGateLoc ?? c.step.loc;
  // The conditions, and the Fail step's message naming each threshold.
  c.f.set('Arguments', `${c.step.name}.quality_gate`, loc, {
    written: c.step.qualityGateLoc !== undefined,
    covers: true,
  });
}

/** RetryPolicies: the step's `retry`, else the pipeline's default `sagemakerPipeline.retry`. */
function retryFields(c: StepContext): void {
  const own = c.locations.get(`${c.step.path}.retry`);
  const shared = c.locations.get('conf.sagemakerPipeline.retry');
  if (own) c.f.set('RetryPolicies', `${c.step.name}.retry`, own, { covers: true });
  else if (shared) c.f.set('RetryPolicies', 'sagemakerPipeline.retry', shared, { covers: true });
  else c.f.set('RetryPolicies', `${c.step.name}.retry`, c.step.loc, { written: false, covers: true });
}
