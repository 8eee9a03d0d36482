// The source map: which config key (and where) produced a definition field, so the plan names a change the
// way the author wrote it (`train.instance_type` at conf.yaml:24) rather than as a definition path. A side
// table built from the compiled steps' origins and the config's key positions; compile itself is unchanged.
import type { FieldSource, Plan, SourceMap } from '../compile/types.js';
import type { Loc } from '../config/diagnostics.js';
import { allSteps } from '../config/types.js';
import type { ProjectConfig, StepConfig } from '../config/types.js';

/** Definition field path → config keys (alternative spellings) inside the step's section. */
const JOB_FIELDS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  Processing: {
    'Arguments.ProcessingResources.ClusterConfig.InstanceType': ['instance_type'],
    'Arguments.ProcessingResources.ClusterConfig.InstanceCount': ['instance_count'],
    'Arguments.ProcessingResources.ClusterConfig.VolumeSizeInGB': ['volume_size_in_gb'],
    'Arguments.AppSpecification.ImageUri': ['image_uri'],
    'Arguments.StoppingCondition.MaxRuntimeInSeconds': ['max_runtime_seconds', 'max_runtime_in_seconds'],
  },
  Training: {
    'Arguments.ResourceConfig.InstanceType': ['instance_type'],
    'Arguments.ResourceConfig.InstanceCount': ['instance_count'],
    'Arguments.ResourceConfig.VolumeSizeInGB': ['volume_size_in_gb'],
    'Arguments.AlgorithmSpecification.TrainingImage': ['image_uri'],
    'Arguments.AlgorithmSpecification.TrainingInputMode': ['input_mode'],
    'Arguments.StoppingCondition.MaxRuntimeInSeconds': ['max_runtime_seconds', 'max_runtime_in_seconds'],
    'Arguments.OutputDataConfig.S3OutputPath': ['output_path'],
  },
  Transform: {
    'Arguments.TransformResources.InstanceType': ['instance_type'],
    'Arguments.TransformResources.InstanceCount': ['instance_count'],
  },
};

/** Maps keyed by a field prefix: `Arguments.HyperParameters.epochs` → `train.hyperparams.epochs`. */
const PREFIX_FIELDS: Readonly<Record<string, readonly [string, readonly string[]]>> = {
  Training: ['Arguments.HyperParameters.', ['hyperparams', 'hyperparameters']],
  Processing: ['Arguments.Environment.', ['env']],
};

const STEP_FIELDS: Readonly<Record<string, string>> = {
  'CacheConfig.Enabled': 'enable_cache',
  'CacheConfig.ExpireAfter': 'cache_expire_after',
};

function section(step: StepConfig): string | undefined {
  switch (step.stepClass) {
    case 'Processing':
      return step.stepType ?? 'preprocess';
    case 'Metrics':
      return 'evaluate';
    case 'Training':
      return 'train';
    case 'Transform':
      return 'transform';
    default:
      return undefined;
  }
}

export function sourceMap(config: ProjectConfig, plan: Plan): SourceMap {
  const steps = new Map(allSteps(config.pipeline).map((s) => [`${s.model}\u0000${s.name}`, s]));
  const at = (key: string): Loc | undefined => config.locations.get(key);
  const out = new Map<string, Map<string, FieldSource>>();
  for (const s of plan.definition.Steps) {
    const origin = plan.origins.get(s.Name);
    const step = origin && steps.get(`${origin.model}\u0000${origin.configured}`);
    if (!origin || !step) continue;
    const fields = new Map<string, FieldSource>();
    const sec = section(step);
    const secPath = sec ? `conf.models.${origin.model}.${sec}` : undefined;
    const add = (
      field: string,
      keys: readonly string[],
      base: string,
      shown: string,
      fallback: Loc,
    ): void => {
      for (const k of keys) {
        const loc = at(`${base}.${k}`);
        if (loc) {
          fields.set(field, { key: `${shown}.${k}`, loc, written: true });
          return;
        }
      }
      fields.set(field, { key: `${shown}.${keys[0] ?? ''}`, loc: fallback, written: false });
    };
    const secLoc = secPath ? at(secPath) : undefined;
    if (sec && secPath && secLoc) {
      for (const [field, keys] of Object.entries(JOB_FIELDS[s.Type] ?? {}))
        add(field, keys, secPath, sec, secLoc);
      const prefix = PREFIX_FIELDS[s.Type];
      const args = s.Arguments[prefix?.[0].split('.')[1] ?? ''];
      if (prefix && args && typeof args === 'object' && !Array.isArray(args)) {
        // Only the keys the config writes: the others (sagemaker_program, …) are the compiler's own.
        for (const name of Object.keys(args)) {
          const spelled = prefix[1].find((p) => at(`${secPath}.${p}.${name}`));
          if (spelled) add(`${prefix[0]}${name}`, [`${spelled}.${name}`], secPath, sec, secLoc);
        }
      }
    }
    for (const [field, key] of Object.entries(STEP_FIELDS))
      add(field, [key], step.path, `${origin.configured}`, step.loc);
    out.set(s.Name, fields);
  }
  return out;
}
