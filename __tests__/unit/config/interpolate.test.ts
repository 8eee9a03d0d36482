import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../../src/config/diagnostics.js';
import { interpolateTree } from '../../../src/config/interpolate.js';
import type { CScalar } from '../../../src/config/tree.js';

const loc = { file: 'c.yaml', line: 3, col: 9 };
function run(value: string, env: Record<string, string>) {
  const bag = new DiagnosticBag();
  const node: CScalar = { kind: 'scalar', loc, value, style: 'plain' };
  const out = interpolateTree(node, env, bag, 'conf.x') as CScalar;
  return { value: out.value, bag };
}

describe('interpolation', () => {
  const env = {
    SMP_ACCOUNTID: '111122223333',
    SMP_REGION: 'us-east-1',
    SMP_S3BUCKETNAME: 'bkt',
    HOME: '/root',
  };

  it('replaces bare tokens split on dots (old framework rule)', () => {
    expect(run('SMP_ACCOUNTID.dkr.ecr.SMP_REGION.amazonaws.com/img:1.9.0', env).value).toBe(
      '111122223333.dkr.ecr.us-east-1.amazonaws.com/img:1.9.0',
    );
  });

  it('splits s3 URIs on slashes', () => {
    expect(run('s3://SMP_S3BUCKETNAME/data/train', env).value).toBe('s3://bkt/data/train');
  });

  it('does not replace a token that is only part of a segment', () => {
    expect(run('s3://SMP_S3BUCKETNAME-x/data', env).value).toBe('s3://SMP_S3BUCKETNAME-x/data');
  });

  it('errors on an unset SMP_ token with the position', () => {
    const { bag } = run('s3://SMP_NOT_SET/data', env);
    expect(bag.errors).toHaveLength(1);
    expect(bag.errors[0]?.loc).toEqual(loc);
    expect(bag.errors[0]?.message).toContain('SMP_NOT_SET');
  });

  it('leaves unset non-SMP tokens alone', () => {
    const { value, bag } = run('s3://bucket/DATA/x', env);
    expect(value).toBe('s3://bucket/DATA/x');
    expect(bag.sorted()).toEqual([]);
  });

  it('warns when the legacy rule replaces a non-SMP variable', () => {
    const { value, bag } = run('s3://bucket/HOME/x', env);
    expect(value).toBe('s3://bucket//root/x');
    expect(bag.warnings[0]?.code).toBe('legacy-substitution');
  });

  it('replaces ${VAR} anywhere and errors when unset', () => {
    expect(run('pre-${SMP_REGION}-post', env).value).toBe('pre-us-east-1-post');
    const { bag } = run('x-${NOPE}', env);
    expect(bag.errors[0]?.code).toBe('unset-variable');
    expect(bag.errors[0]?.message).toContain('NOPE');
  });

  it('keeps $${VAR} as a literal ${VAR}', () => {
    expect(run('$${SMP_REGION}', env).value).toBe('${SMP_REGION}');
  });

  it('leaves numbers and booleans untouched', () => {
    const bag = new DiagnosticBag();
    const node: CScalar = { kind: 'scalar', loc, value: 5, style: 'plain' };
    expect(interpolateTree(node, env, bag)).toBe(node);
  });
});

describe('interpolation: one pass, own variables only', () => {
  it('never substitutes the value of a ${VAR} again', () => {
    const { value, bag } = run('${IMG}', { IMG: 'HOME', HOME: '/root' });
    expect(value).toBe('HOME');
    expect(bag.sorted()).toEqual([]);
    expect(run('${X}', { X: 'a.SMP_NOPE' }).bag.errors).toEqual([]);
  });

  it('does not read Object.prototype through ${constructor} or ${__proto__}', () => {
    for (const name of ['constructor', '__proto__', 'toString']) {
      const { bag } = run(`\${${name}}`, {});
      expect(bag.errors[0]?.code).toBe('unset-variable');
    }
  });
});
