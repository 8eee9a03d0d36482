// The run status the main-branch run writes into the merged PR's plan comment (issue 12): under the verdict,
// replaced (not stacked) on the next run, the marker and the rest of the plan untouched.
import { describe, expect, it } from 'vitest';
import { withStatusLine } from '../../../src/github/comment.js';
import { parseMarker, renderMarker } from '../../../src/report/marker.js';

const body = [
  renderMarker({ pipeline: 'p', planHash: 'a'.repeat(64) }),
  '### smp plan: `p`',
  '',
  '**Plan: 0 to add, 1 to change, 0 to remove**',
  '',
  '| step | change | what changed |',
  '',
].join('\n');

describe('withStatusLine', () => {
  it('goes under the verdict and keeps the marker and the plan', () => {
    const once = withStatusLine(body, '❌ Failed at `train` after 3m00s: ValueError');
    expect(once.split('\n').slice(0, 7)).toEqual([
      body.split('\n')[0],
      '### smp plan: `p`',
      '',
      '**Plan: 0 to add, 1 to change, 0 to remove**',
      '',
      '> **After merge:** ❌ Failed at `train` after 3m00s: ValueError',
      '',
    ]);
    expect(parseMarker(once)).toEqual({ pipeline: 'p', planHash: 'a'.repeat(64) });
    expect(once).toContain('| step | change | what changed |');
  });

  it('a later run replaces the line, and the same status twice is no change', () => {
    const first = withStatusLine(body, '⏳ Deployed and started (not waited for)');
    const second = withStatusLine(first, '✅ Succeeded in 41m00s: registered `churn` v12');
    expect(second.match(/After merge/g)).toHaveLength(1);
    expect(second).toContain('> **After merge:** ✅ Succeeded in 41m00s');
    expect(withStatusLine(second, '✅ Succeeded in 41m00s: registered `churn` v12')).toBe(second);
    expect(second.replace(/\n> \*\*After merge:\*\*[^\n]*\n/, '')).toBe(body);
  });
});
