// JSON Schema of the model config format, generated from the zod schema so the two never disagree.
// Editors pick it up through `# yaml-language-server: $schema=…` (see README).
import { z } from 'zod';
import { confFileSchema, jobSectionSchema, MODEL_NAME, modelSchema } from './schema.js';

/** For editors, any other key of a model is a job section: a Processing or Training step's step_type may name it. */
const editorSchema = confFileSchema.extend({
  conf: confFileSchema.shape.conf.extend({
    models: z.record(z.string().regex(MODEL_NAME), modelSchema.catchall(jobSectionSchema)).optional(),
  }),
});

export const SCHEMA_ID = 'https://github.com/smp-action/smp-action/schema/conf.schema.json';

export function confJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(editorSchema, {
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
