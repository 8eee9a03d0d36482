// RetryPolicies: a step's own `retry` or the pipeline default, in the SDK's RetryPolicy shape
// (docs/pipeline-definition.md §2). Job exceptions go only to steps that run a job.
import type { RetryRule, StepConfig } from '../config/types.js';
import type { DefinitionStep, RetryPolicy } from './types.js';

/** Step types that run a SageMaker job (and so can see SageMaker.* job failures). */
const JOB_STEP_TYPES = new Set<DefinitionStep['Type']>(['Processing', 'Training', 'Transform']);
/** Step types SageMaker retries at all (Condition and Fail take no RetryPolicies). */
const RETRIABLE = new Set<DefinitionStep['Type']>([...JOB_STEP_TYPES, 'Model', 'RegisterModel']);

/** The policies a compiled step gets: undefined when none apply. */
export function retryPolicies(
  compiled: DefinitionStep,
  configured: StepConfig,
  pipelineDefault: readonly RetryRule[] | undefined,
): RetryPolicy[] | undefined {
  if (!RETRIABLE.has(compiled.Type)) return undefined;
  const rules = configured.retry ?? pipelineDefault ?? [];
  const job = JOB_STEP_TYPES.has(compiled.Type);
  const out: RetryPolicy[] = [];
  for (const r of rules) {
    // The pipeline default is for every step: its job exceptions are left out where no job runs (the config
    // phase refuses them in a step's own list).
    const exceptions = r.exceptions.filter((e) => job || !e.startsWith('SageMaker.'));
    if (exceptions.length === 0) continue;
    out.push({
      BackoffRate: r.backoffRate,
      IntervalSeconds: r.intervalSeconds,
      ...(r.maxAttempts !== undefined
        ? { MaxAttempts: r.maxAttempts }
        : { ExpireAfterMin: r.expireAfterMinutes ?? 0 }),
      ExceptionType: [...exceptions],
    });
  }
  return out.length > 0 ? out : undefined;
}

/** The step with RetryPolicies in the SDK's envelope order (after Description, before CacheConfig). */
export function withRetryPolicies(
  step: DefinitionStep,
  policies: readonly RetryPolicy[] | undefined,
): DefinitionStep {
  if (!policies) return step;
  const { Name, Type, Arguments, DependsOn, Description, ...rest } = step;
  return {
    Name,
    Type,
    Arguments,
    ...(DependsOn ? { DependsOn } : {}),
    ...(Description !== undefined ? { Description } : {}),
    RetryPolicies: policies,
    ...rest,
  };
}
