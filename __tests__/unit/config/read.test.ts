import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../../src/config/diagnostics.js';
import { MAX_ALIAS_COUNT, readConfigText } from '../../../src/config/read.js';
import { locate, toPlain } from '../../../src/config/tree.js';

function read(text: string) {
  const bag = new DiagnosticBag();
  const { root } = readConfigText(text, 'c.yaml', bag);
  return { root, bag };
}

describe('readConfigText', () => {
  it('keeps 1-based line and column of every value', () => {
    const { root } = read('conf:\n  models:\n    m:\n      source_directory: src\n');
    expect(root).not.toBeNull();
    const l = locate(root!, ['conf', 'models', 'm', 'source_directory']);
    expect(l.found).toBe(true);
    expect(l.node.loc).toEqual({ file: 'c.yaml', line: 4, col: 25 });
    expect(l.keyLoc).toEqual({ file: 'c.yaml', line: 4, col: 7 });
  });

  it('reads JSON as YAML with positions', () => {
    const { root, bag } = read('{"conf": {"models": {}, "x": [1, 2]}}');
    expect(bag.hasErrors).toBe(false);
    expect(toPlain(root!)).toEqual({ conf: { models: {}, x: [1, 2] } });
    expect(locate(root!, ['conf', 'x', 1]).node.loc.col).toBe(34);
  });

  it('reports a syntax error at its position', () => {
    const { root, bag } = read('conf:\n  a: [1, 2\n');
    expect(root).toBeNull();
    expect(bag.errors[0]?.code).toBe('yaml-syntax');
    expect(bag.errors[0]?.loc?.file).toBe('c.yaml');
  });

  it('refuses duplicate keys', () => {
    const { bag } = read('a: 1\na: 2\n');
    expect(bag.errors.map((e) => e.loc?.line)).toEqual([2]);
  });

  it('refuses prototype keys and never assigns them', () => {
    const { root, bag } = read('conf:\n  __proto__:\n    polluted: true\n  constructor: 1\n  prototype: 2\n');
    expect(bag.errors.map((e) => [e.code, e.loc?.line])).toEqual([
      ['forbidden-key', 2],
      ['forbidden-key', 4],
      ['forbidden-key', 5],
    ]);
    const plain = toPlain(root!) as { conf: Record<string, unknown> };
    expect(Object.keys(plain.conf)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses alias expansion beyond its bound (an expansion bomb), at the first alias', () => {
    // Four levels of nine: 9^4 = 6561 leaves once expanded. Small enough that an unbounded reader would still
    // finish (and this test fail rather than hang); far above the bound of MAX_ALIAS_COUNT expansions.
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 4; i++) {
      const p = String.fromCharCode(96 + i);
      const n = String.fromCharCode(97 + i);
      lines.push(`${n}: &${n} [*${p},*${p},*${p},*${p},*${p},*${p},*${p},*${p},*${p}]`);
    }
    expect(9 ** 4).toBeGreaterThan(MAX_ALIAS_COUNT);
    const { root, bag } = read(lines.join('\n'));
    expect(root).toBeNull();
    expect(bag.errors.map((e) => [e.code, e.loc?.line])).toEqual([['alias-expansion', 2]]);
    expect(bag.errors[0]!.message).toContain(`more than ${MAX_ALIAS_COUNT} expansions`);
    // Under the bound the same shape reads fine: one level of nine aliases.
    const small = read(lines.slice(0, 2).join('\n'));
    expect(small.bag.hasErrors).toBe(false);
    expect((toPlain(small.root!) as { b: string[][] }).b).toHaveLength(9);
  });

  it('expands ordinary aliases and merge keys, explicit keys winning', () => {
    const { root, bag } = read('base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\nagain: *b\n');
    expect(bag.hasErrors).toBe(false);
    expect(toPlain(root!)).toEqual({ base: { x: 1, y: 2 }, use: { y: 3, x: 1 }, again: { x: 1, y: 2 } });
  });

  it('gives an empty value a null scalar at the key position', () => {
    const { root } = read('channels:\n  train:\n');
    const l = locate(root!, ['channels', 'train']);
    expect(l.node).toMatchObject({ kind: 'scalar', value: null });
    expect(l.node.loc.line).toBe(2);
  });

  it('adds a quoting hint to an unquoted [a, b] >> c dependency line', () => {
    const { bag } = read('deps:\n  - [a, b] >> c\n');
    expect(bag.errors[0]?.message).toContain('must be quoted');
  });
});
