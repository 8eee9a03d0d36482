// The new keys are additive: the four old-framework examples compile with none of the new constructs, and
// writing the new keys with their neutral values (no parameters, retry: [], use_spot_instances: false) leaves
// the definition byte-identical. (seed-golden.test.ts compares the same examples with the old framework.)
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAndCompile } from '../../../src/app/compile-project.js';
import type { Plan } from '../../../src/compile/types.js';
import { formatDiagnostic } from '../../../src/config/diagnostics.js';
import { TEST_ENV } from '../../helpers/workspace.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const OLD = [
  'examples/lgbm/conf/conf.yaml',
  'examples/llm-text-summarization/conf/conf.yaml',
  'examples/multi-model-example/*/conf/conf-multi-model.yaml',
  'examples/tf/conf/conf.yaml',
];
const root = mkdtempSync(path.join(tmpdir(), 'smp-additive-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
cpSync(path.join(REPO, 'examples'), path.join(root, 'examples'), { recursive: true });

function compile(workspace: string, globs: string | string[]): Plan {
  const list = typeof globs === 'string' ? [globs] : globs;
  const r = loadAndCompile({ workspace, globs: list, env: TEST_ENV, allowPlaceholders: false });
  if (!r.plan) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
  return r.plan;
}

describe.each(OLD)('%s', (glob) => {
  const plan = compile(REPO, glob);

  it('has no parameters, gates, retry policies or spot settings', () => {
    expect(plan.definition.Parameters).toEqual([]);
    for (const s of [
      'RetryPolicies',
      '"Condition"',
      '"Fail"',
      'Parameters.',
      'EnableManagedSpotTraining',
      'CheckpointConfig',
      'MaxWaitTimeInSeconds',
    ])
      expect(plan.definitionJson).not.toContain(s);
  });

  it('compiles byte-identically with the new keys at their neutral values', () => {
    // The edited file goes outside every source_directory (some examples ship their own config in their bundle).
    const multi = glob.includes('multi-model');
    const file = multi ? 'examples/multi-model-example/cal_housing_tf/conf/conf-multi-model.yaml' : glob;
    const withKeys = readFileSync(path.join(REPO, file), 'utf8')
      .replace(/^( {4})pipelineName: (.*)$/m, '$1pipelineName: $2\n$1retry: []\n$1parameters: {}')
      .replace(/^( {6})train:\n/m, '$1train:\n$1  use_spot_instances: false\n');
    expect(withKeys).toContain('retry: []');
    expect(withKeys).toContain('use_spot_instances: false');
    const alt = `alt/${OLD.indexOf(glob)}/conf.yaml`;
    mkdirSync(path.dirname(path.join(root, alt)), { recursive: true });
    writeFileSync(path.join(root, alt), withKeys);
    const globs = multi
      ? ['examples/multi-model-example/cal_housing_pca/conf/conf-multi-model.yaml', alt]
      : [alt];
    expect(compile(root, globs).definitionJson).toBe(plan.definitionJson);
  });
});
