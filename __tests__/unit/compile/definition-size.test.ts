// The definition-size guard (issue 13): SageMaker documents 1,048,576 characters for an inline
// PipelineDefinition and no limit for PipelineDefinitionS3Location, which every definition of 100 KiB or
// more takes. So a larger definition compiles, with a warning that names its size and that fact.
import { describe, expect, it } from 'vitest';
import { loadAndCompile } from '../../../src/app/compile-project.js';
import { INLINE_DEFINITION_LIMIT } from '../../../src/compile/compile.js';
import { MAX_DEFINITION_CHARS } from '../../../src/compile/verify.js';
import { makeWorkspace, TEST_ENV } from '../../helpers/workspace.js';
import { manyUnitsFiles } from '../../wire/helpers/aws.js';

function compileUnits(n: number) {
  const ws = makeWorkspace(manyUnitsFiles(n, 'p-size'));
  return loadAndCompile({
    workspace: ws,
    globs: ['m/conf/conf.yaml'],
    env: TEST_ENV,
    allowPlaceholders: false,
  });
}

describe('definition size', () => {
  it('over 1,048,576 characters: sent through S3 with a warning, not refused', () => {
    const r = compileUnits(150);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const plan = r.plan!;
    const chars = plan.definitionJson.length;
    expect(chars).toBeGreaterThan(MAX_DEFINITION_CHARS);
    expect(plan.definitionS3).toBeDefined();
    expect(plan.artifacts.some((a) => a.kind === 'definition' && a.key === plan.definitionS3!.key)).toBe(
      true,
    );
    const large = r.diagnostics.filter((d) => d.code === 'definition-large');
    expect(large).toHaveLength(1);
    expect(large[0]).toMatchObject({ severity: 'warning' });
    expect(large[0]!.message).toContain(`the definition is ${chars} characters`);
    expect(large[0]!.message).toContain('1048576 SageMaker documents for an inline PipelineDefinition');
    expect(large[0]!.message).toContain('PipelineDefinitionS3Location, for which no limit is documented');
  });

  it('between 100 KiB and 1,048,576 characters: through S3 without the size warning', () => {
    const r = compileUnits(15);
    const plan = r.plan!;
    expect(Buffer.byteLength(plan.definitionJson)).toBeGreaterThanOrEqual(INLINE_DEFINITION_LIMIT);
    expect(plan.definitionJson.length).toBeLessThan(MAX_DEFINITION_CHARS);
    expect(r.diagnostics.map((d) => d.code)).toContain('definition-via-s3');
    expect(r.diagnostics.map((d) => d.code)).not.toContain('definition-large');
  });
});
