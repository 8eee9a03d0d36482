// The plan hash (issue 5): sha256 over the canonical definition (sorted keys) plus the artifact hashes, the
// identity of "what this plan deploys" — equal for equal plans whatever their key order, different when any
// deployed byte changes.
import { afterAll, describe, expect, it } from 'vitest';
import type { Artifact } from '../../../src/compile/types.js';
import { canonicalJson, planHash, shortHash } from '../../../src/plan/hash.js';
import { buildPlanView, OFFLINE } from '../../../src/plan/view.js';
import {
  at,
  cleanupWorkspaces,
  clone,
  compileExample,
  compileFiles,
  manyModelFiles,
  reverseKeys,
  stepOf,
} from './helpers.js';

afterAll(cleanupWorkspaces);

type HashArtifact = Pick<Artifact, 'key' | 'contentSha256' | 'kind'>;
const artifactsOf = (a: readonly Artifact[]): HashArtifact[] =>
  a.map(({ key, contentSha256, kind }) => ({ key, contentSha256, kind }));

describe('canonicalJson', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    const value = { b: 1, a: { d: [{ z: 1, y: { q: 2, p: 1 } }, 3], c: null }, A: 'x' };
    expect(canonicalJson(value)).toBe('{"A":"x","a":{"c":null,"d":[{"y":{"p":1,"q":2},"z":1},3]},"b":1}');
    expect(canonicalJson(reverseKeys(value))).toBe(canonicalJson(value));
  });

  it('is valid JSON for the same value, compact, with JSON.stringify semantics for scalars and undefined', () => {
    const value = {
      s: 'é "q" \n </script>',
      n: -1.5e-7,
      t: true,
      f: false,
      z: null,
      u: undefined,
      list: [undefined, 1],
    };
    const text = canonicalJson(value);
    expect(JSON.parse(text)).toEqual({
      f: false,
      list: [null, 1],
      n: -1.5e-7,
      s: 'é "q" \n </script>',
      t: true,
      z: null,
    });
    expect(text).toBe(JSON.stringify(JSON.parse(text)));
    expect(canonicalJson('x')).toBe('"x"');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
  });

  it('orders keys by code unit, not locale (uppercase before lowercase, "a" before "a-b" before "ab")', () => {
    expect(canonicalJson({ ab: 1, 'a-b': 2, a: 3, B: 4, _: 5 })).toBe('{"B":4,"_":5,"a":3,"a-b":2,"ab":1}');
  });

  it('is the same for a compiled definition and a deep key-reordered copy', () => {
    const def = compileExample('multi').definition;
    expect(canonicalJson(reverseKeys(def))).toBe(canonicalJson(def));
    expect(canonicalJson(reverseKeys(def))).not.toBe(JSON.stringify(reverseKeys(def)));
  });
});

describe('planHash', () => {
  const plan = compileExample('tf');
  const base = planHash(plan.definition, artifactsOf(plan.artifacts));

  it('is a sha256 hex digest, and shortHash is its first 12 characters', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(shortHash(base)).toBe(base.slice(0, 12));
  });

  it('is equal for key-reordered definitions and reordered artifact lists', () => {
    const artifacts = artifactsOf(plan.artifacts);
    expect(planHash(reverseKeys(clone(plan.definition)), [...artifacts].reverse())).toBe(base);
  });

  it('changes when one artifact content hash changes', () => {
    const artifacts = artifactsOf(plan.artifacts);
    const first = artifacts[0]!;
    const flipped = {
      ...first,
      contentSha256: `${first.contentSha256.slice(0, -1)}${first.contentSha256.endsWith('0') ? '1' : '0'}`,
    };
    expect(planHash(plan.definition, [flipped, ...artifacts.slice(1)])).not.toBe(base);
    expect(planHash(plan.definition, artifacts.slice(1))).not.toBe(base);
  });

  it('changes when one field changes', () => {
    const changed = clone(plan.definition);
    at(stepOf(changed, 'calhousing-Training'), 'Arguments', 'ResourceConfig').InstanceType = 'ml.m5.xlarge';
    expect(planHash(changed, artifactsOf(plan.artifacts))).not.toBe(base);
    const cache = clone(plan.definition);
    at(stepOf(cache, 'calhousing-Training'), 'CacheConfig').ExpireAfter = 'P11D';
    expect(planHash(cache, artifactsOf(plan.artifacts))).not.toBe(base);
  });

  it('ignores the uploaded definition artifact (it is the definition)', () => {
    const extra: HashArtifact = {
      kind: 'definition',
      key: 'calhousing-test/definitions/x.json',
      contentSha256: 'f'.repeat(64),
    };
    expect(planHash(plan.definition, [...artifactsOf(plan.artifacts), extra])).toBe(base);
  });

  it('does not depend on the compressed bytes (another zlib build gives the same plan hash)', () => {
    const recompressed = plan.artifacts.map((a) => ({ ...a, sha256: '0'.repeat(64) }));
    expect(planHash(plan.definition, recompressed)).toBe(base);
  });

  it('is stable for the same plan compiled twice, and is what the plan view shows', () => {
    const again = compileExample('tf');
    expect(planHash(again.definition, again.artifacts)).toBe(base);
    expect(buildPlanView(again, OFFLINE).planHash).toBe(base);
    expect(buildPlanView(plan, OFFLINE).planHash).toBe(base);
  });

  it('is stable across two checkouts of the same files (content-addressed bundles)', () => {
    const files = manyModelFiles(2, { name: 'p' });
    const a = compileFiles(files);
    const b = compileFiles(files);
    expect(planHash(b.definition, b.artifacts)).toBe(planHash(a.definition, a.artifacts));
    const edited = compileFiles({ ...files, 'src/evaluate.py': 'print("eval v2")\n' });
    expect(planHash(edited.definition, edited.artifacts)).not.toBe(planHash(a.definition, a.artifacts));
  });
});
