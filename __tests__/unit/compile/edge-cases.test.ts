// Compiler edge cases: evaluate defaults on a Processing step, oversized files in a code bundle, a literal
// SMP_ name that is only part of a path segment.
import { truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAndCompile } from '../../../src/app/compile-project.js';
import { MAX_BUNDLE_BYTES } from '../../../src/compile/bundle.js';
import { fullUnitFiles, makeWorkspace, TEST_ENV } from '../../helpers/workspace.js';

function compile(files: Record<string, string>, after?: (ws: string) => void) {
  const ws = makeWorkspace(files);
  after?.(ws);
  return loadAndCompile({ workspace: ws, globs: ['m/conf/*.yaml'], env: TEST_ENV, allowPlaceholders: true });
}

function withConf(from: string, to: string): Record<string, string> {
  const files = fullUnitFiles();
  if (!files['m/conf/conf.yaml']!.includes(from)) throw new Error(`fixture has no ${from}`);
  files['m/conf/conf.yaml'] = files['m/conf/conf.yaml']!.replace(from, to);
  return files;
}

describe('compile edge cases', () => {
  it("a Processing step running the evaluate section gets the processing defaults, as the old framework's ProcessingService (32 GB, 3000 s)", () => {
    const r = compile(withConf('            step_type: preprocess\n', '            step_type: evaluate\n'));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const prep = r.plan!.definition.Steps.find((s) => s.Name === 'prep')!.Arguments as Record<string, never>;
    expect(prep).toMatchObject({
      ProcessingResources: { ClusterConfig: { VolumeSizeInGB: 32 } },
      StoppingCondition: { MaxRuntimeInSeconds: 3000 },
    });
  });

  it('refuses a code bundle over the total-size cap with a diagnostic, not a crash', () => {
    const r = compile(fullUnitFiles(), (ws) => {
      const big = path.join(ws, 'm/src/weights.bin');
      writeFileSync(big, '');
      truncateSync(big, MAX_BUNDLE_BYTES); // sparse: no disk used; with the scripts beside it, over the cap
    });
    expect(r.plan).toBeUndefined();
    const e = r.diagnostics.find((d) => d.code === 'bundle');
    expect(e?.message).toMatch(
      /^m\/src holds more than 5 GiB of files \(reached at .+\): code bundles hold scripts, not data/,
    );
    expect(e?.loc?.line).toBe(4); // the source_directory value
  });

  it('does not mistake an SMP_ prefix inside a path segment for an unresolved setting', () => {
    const r = compile(
      withConf('s3://SMP_S3BUCKETNAME/raw/data.csv', 's3://SMP_S3BUCKETNAME/SMP_RAW-v2/data.csv'),
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
