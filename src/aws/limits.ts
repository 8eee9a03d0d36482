// SageMaker's request limits, checked before the first write so a doomed deploy writes nothing.
import type { Diagnostic } from '../config/diagnostics.js';
import type { Plan } from '../compile/types.js';
import { DISPLAY_NAME } from './execution.js';
import type { Tag } from './pipeline.js';

export const LIMITS = {
  displayName: 82,
  parameters: 200,
  tags: 50,
  description: 3072,
  tagKey: 128,
  tagValue: 256,
} as const;

export function checkLimits(
  plan: Plan,
  opts: { displayName?: string; tags: readonly Tag[]; description?: string },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const fail = (code: string, message: string): void => {
    out.push({ code, severity: 'error', loc: null, path: 'deploy', message });
  };
  const pipelineLoc = plan.origins.values().next().value?.loc ?? null;
  if (opts.displayName !== undefined && !DISPLAY_NAME.test(opts.displayName)) {
    fail(
      'limit-display-name',
      `execution display name \`${opts.displayName}\` must be 1-${LIMITS.displayName} letters, digits and single hyphens`,
    );
  }
  if (plan.definition.Parameters.length > LIMITS.parameters) {
    fail(
      'limit-parameters',
      `the pipeline has ${plan.definition.Parameters.length} parameters; StartPipelineExecution accepts at most ${LIMITS.parameters}`,
    );
  }
  if (opts.tags.length > LIMITS.tags)
    fail('limit-tags', `${opts.tags.length} pipeline tags; SageMaker accepts at most ${LIMITS.tags}`);
  for (const t of opts.tags) {
    if (t.Key.length > LIMITS.tagKey || t.Value.length > LIMITS.tagValue)
      fail(
        'limit-tag-length',
        `tag \`${t.Key.slice(0, 40)}\` is too long (key ≤ 128, value ≤ 256 characters)`,
      );
  }
  if (opts.description && opts.description.length > LIMITS.description) {
    out.push({
      code: 'limit-description',
      severity: 'error',
      loc: pipelineLoc,
      path: 'conf.sagemakerPipeline.pipelineDescription',
      message: `pipelineDescription has ${opts.description.length} characters; SageMaker accepts at most ${LIMITS.description}`,
    });
  }
  return out;
}
