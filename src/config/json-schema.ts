// JSON Schema of the model config format, generated from the zod schema so the two never disagree.
// Editors pick it up through `# yaml-language-server: $schema=…` (see README).
import { z } from 'zod';
import { confFileSchema } from './schema.js';

export const SCHEMA_ID = 'https://github.com/smp-action/smp-action/schema/conf.schema.json';

export function confJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(confFileSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return {
    ...generated,
    $id: SCHEMA_ID,
    title: 'smp-action model config (conf/conf.yaml)',
    description:
      'One file per model repo: conf.models.<model> holds the job sections; exactly one file (the anchor) holds conf.sagemakerPipeline. step_class is accepted in any case. Unknown keys are reported as warnings by smp.',
  };
}
