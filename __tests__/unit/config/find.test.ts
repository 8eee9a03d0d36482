import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../../src/config/diagnostics.js';
import { findConfigFiles, splitGlobs } from '../../../src/config/find.js';
import { compileGlob, expandBraces, literalPrefix, matches } from '../../../src/config/glob.js';
import { makeWorkspace } from '../../helpers/workspace.js';

describe('glob matching (Python glob semantics, through picomatch)', () => {
  it.each([
    ['*/conf/conf.yaml', 'a/conf/conf.yaml', true],
    ['*/conf/conf.yaml', 'a/b/conf/conf.yaml', false],
    ['**/conf.yaml', 'conf.yaml', true],
    ['**/conf.yaml', 'a/b/c/conf.yaml', true],
    ['examples/**/conf/*.yaml', 'examples/x/y/conf/c.yaml', true],
    ['*/conf/*.{yaml,yml}', 'a/conf/c.yml', true],
    ['*/conf/*.{yaml,yml}', 'a/conf/c.json', false],
    ['conf?.yaml', 'conf1.yaml', true],
    ['conf[0-9].yaml', 'conf7.yaml', true],
    ['conf[!0-9].yaml', 'conf7.yaml', false],
    ['*/conf.yaml', '.hidden/conf.yaml', false],
    ['a.b/*.yaml', 'aXb/c.yaml', false],
    ['conf[!0-9].yaml', 'confx.yaml', true],
    ['**/conf.yaml', '.hidden/conf.yaml', false],
    ['?onf.yaml', '.onf.yaml', false],
    ['*.yaml', '.x.yaml', false],
    ['a**b.yaml', 'axxb.yaml', true],
    ['a**b.yaml', 'ax/xb.yaml', false],
    ['conf/**', 'conf/a/b.yaml', true],
    // Python's glob has no regex groups, extglobs or negation: these characters are literal.
    ['(a|b).yaml', 'a.yaml', false],
    ['(a|b).yaml', '(a|b).yaml', true],
    ['+(a).yaml', 'a.yaml', false],
    ['+(a).yaml', '+(a).yaml', true],
    ['!(a).yaml', 'b.yaml', false],
    ['!x.yaml', '!x.yaml', true],
    ['a$^.yaml', 'a$^.yaml', true],
    ['{a,b{c,d}}/x.yaml', 'bd/x.yaml', true],
    ['{a/x,b}.yaml', 'a/x.yaml', true],
    ['{a,b.yaml', '{a,b.yaml', true],
    ['[ab.yaml', '[ab.yaml', true],
  ])('%s matches %s: %s', (glob, file, expected) => {
    expect(matches(compileGlob(glob), file)).toBe(expected);
  });

  it('expands braces, refusing explosive ones', () => {
    expect(expandBraces('x/{a,b}/{c,d}.yaml')).toEqual([
      'x/a/c.yaml',
      'x/a/d.yaml',
      'x/b/c.yaml',
      'x/b/d.yaml',
    ]);
    expect(() => expandBraces('{a,b}'.repeat(9))).toThrow(/more than 256 globs/);
  });

  it('refuses a segment with many `*` (their backtracking would grow as length ^ stars)', () => {
    expect(() => compileGlob('*a*a*a*a*b.yaml')).toThrow(/more than 3 `\*`/);
    // Three are fine and stay fast on a long name that almost matches.
    expect(matches(compileGlob('*a*a*b'), 'a'.repeat(255))).toBe(false);
  });

  it('many `**` against a deep path is linear (no backtracking over folders)', () => {
    const deep = `${Array.from({ length: 400 }, () => 'd').join('/')}/x.yml`;
    expect(matches(compileGlob('**/**/**/**/**/**/**/**/*.yaml'), deep)).toBe(false);
    expect(matches(compileGlob('**/**/**/**/**/**/**/**/*.yml'), deep)).toBe(true);
  });

  it('finds the literal folder to start walking from', () => {
    expect(literalPrefix('examples/lgbm/conf/*.yaml')).toBe('examples/lgbm/conf');
    expect(literalPrefix('*/conf/conf.yaml')).toBe('');
  });
});

describe('findConfigFiles', () => {
  const ws = makeWorkspace({
    'b/conf/conf.yaml': '',
    'a/conf/conf.yaml': '',
    'node_modules/x/conf/conf.yaml': '',
    'a/conf/other.yml': '',
  });

  it('returns sorted workspace-relative paths, skipping node_modules', () => {
    const bag = new DiagnosticBag();
    expect(findConfigFiles(['*/conf/conf.yaml'], ws, bag).files).toEqual([
      'a/conf/conf.yaml',
      'b/conf/conf.yaml',
    ]);
    expect(bag.sorted()).toEqual([]);
  });

  it('keeps glob order and removes duplicates', () => {
    const bag = new DiagnosticBag();
    expect(findConfigFiles(['b/conf/conf.yaml', '*/conf/*.y*ml'], ws, bag).files).toEqual([
      'b/conf/conf.yaml',
      'a/conf/conf.yaml',
      'a/conf/other.yml',
    ]);
  });

  it('errors naming the globs and folder when nothing matches', () => {
    const bag = new DiagnosticBag();
    findConfigFiles(['nope/*.yaml', 'x.yaml'], ws, bag);
    expect(bag.errors).toHaveLength(1);
    expect(bag.errors[0]?.message).toContain('`nope/*.yaml`, `x.yaml`');
    expect(bag.errors[0]?.message).toContain(ws);
  });

  it('warns about one glob that matches nothing while others match', () => {
    const bag = new DiagnosticBag();
    findConfigFiles(['a/conf/conf.yaml', 'missing/*.yaml'], ws, bag);
    expect(bag.errors).toEqual([]);
    expect(bag.warnings.map((w) => w.code)).toEqual(['glob-matches-nothing']);
  });

  it('refuses globs that leave the workspace', () => {
    const bag = new DiagnosticBag();
    findConfigFiles(['../*/conf.yaml', '/etc/*.yaml'], ws, bag);
    expect(bag.errors.map((e) => e.code)).toEqual(['glob-outside-workspace', 'glob-outside-workspace']);
  });

  it('does not follow a symlinked folder out of the workspace', () => {
    const outside = makeWorkspace({ 'conf/conf.yaml': 'conf: {}' });
    const inner = makeWorkspace({});
    mkdirSync(path.join(inner, 'real'));
    symlinkSync(outside, path.join(inner, 'link'));
    const bag = new DiagnosticBag();
    expect(findConfigFiles(['*/conf/conf.yaml'], inner, bag).files).toEqual([]);
    expect(bag.errors[0]?.code).toBe('no-config-files');
  });

  it('errors when no glob is given at all', () => {
    const bag = new DiagnosticBag();
    findConfigFiles([], ws, bag);
    expect(bag.errors[0]?.message).toContain('SMP_MODEL_CONFIGPATH');
  });

  it('splits SMP_MODEL_CONFIGPATH on newlines and commas, ignoring comments', () => {
    expect(splitGlobs(' a/*.yaml ,b/*.yaml\n# note\n\nc.yaml')).toEqual(['a/*.yaml', 'b/*.yaml', 'c.yaml']);
    // A comma inside braces is part of the glob.
    expect(splitGlobs('*/conf/*.{yaml,yml}, x.json\r\nz/{a,b}/c.yaml')).toEqual([
      '*/conf/*.{yaml,yml}',
      'x.json',
      'z/{a,b}/c.yaml',
    ]);
  });
});
