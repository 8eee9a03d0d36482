import { describe, expect, it } from 'vitest';
import { findCycle, parseDependencyLine } from '../../../src/config/dependencies.js';
import { DiagnosticBag } from '../../../src/config/diagnostics.js';
import type { CScalar } from '../../../src/config/tree.js';

const names = new Set(['prep', 'train', 'eval', 'register']);
function parse(value: string, style: CScalar['style'] = 'plain') {
  const bag = new DiagnosticBag();
  const node: CScalar = { kind: 'scalar', loc: { file: 'c.yaml', line: 10, col: 9 }, value, style };
  const edges = parseDependencyLine(node, 'deps[0]', names, bag);
  return { edges: edges.map((e) => `${e.from}>${e.to}@${e.loc.col}`), bag };
}

describe('dependency lines', () => {
  it('chains a >> b >> c', () => {
    expect(parse('prep >> train >> register').edges).toEqual(['prep>train@17', 'train>register@26']);
  });

  it('fans in and out with brackets', () => {
    expect(parse('[prep, eval] >> train >> [register, eval]').edges).toEqual([
      'prep>train@25',
      'eval>train@25',
      'train>register@35',
      'train>eval@45',
    ]);
  });

  it('points at an unknown name inside a quoted line, with a suggestion', () => {
    const { edges, bag } = parse('[prep, trian] >> register', 'double');
    expect(edges).toEqual([]);
    expect(bag.errors[0]?.loc?.col).toBe(9 + 1 + 7);
    expect(bag.errors[0]?.message).toContain('did you mean `train`');
  });

  it('refuses self loops', () => {
    expect(parse('prep >> prep').bag.errors[0]?.code).toBe('dependency-self-loop');
  });

  it('refuses a line without >>', () => {
    expect(parse('prep, train').bag.errors[0]?.code).toBe('bad-dependency');
  });

  it('refuses two names without >> between them', () => {
    expect(parse('prep train >> eval').bag.errors[0]?.message).toContain('not one step name');
  });

  it('finds a cycle and names its path', () => {
    const edges = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
    ]);
    expect(findCycle(['a', 'b', 'c'], edges)).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(['a', 'b'], new Map([['a', ['b']]]))).toBeUndefined();
  });
});
