// The layout the README's "Development" section draws, checked on the sources: which folder may import which
// (every import counts, types too), and no import cycle between modules at run time (a cycle through a lazy
// `import()` counts: it is still two modules that cannot be loaded, tested or moved apart).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

interface Import {
  readonly spec: string;
  /** `import type …` / `export type … from`: erased by tsc, so no edge at run time. */
  readonly typeOnly: boolean;
}

interface Module {
  readonly file: string; // relative to src/, e.g. 'cli/main.ts'
  readonly local: string[]; // relative files it imports (types too)
  readonly runtime: string[]; // the subset still imported after tsc erased the types
  readonly packages: string[]; // bare specifiers (node:*, npm packages)
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(path.join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [path.join(dir, e.name)]
        : [],
  );
}

/** Static imports, re-exports and `import()` calls of a module, from its syntax tree. */
function importsOf(text: string): Import[] {
  const out: Import[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause;
      const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings : undefined;
      const allTypes =
        !!c &&
        (c.isTypeOnly ||
          (!c.name && !!named && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)));
      out.push({ spec: node.moduleSpecifier.text, typeOnly: allTypes });
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      out.push({ spec: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      out.push({ spec: node.arguments[0].text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('m.ts', text, ts.ScriptTarget.Latest, true));
  return out;
}

const modules: Module[] = sources(SRC).map((abs) => {
  const imported = importsOf(readFileSync(abs, 'utf8'));
  const resolve = (s: string): string =>
    path.relative(SRC, path.resolve(path.dirname(abs), s)).replace(/\.js$/, '.ts');
  const local = imported.filter((i) => i.spec.startsWith('.'));
  return {
    file: path.relative(SRC, abs),
    local: local.map((i) => resolve(i.spec)),
    runtime: local.filter((i) => !i.typeOnly).map((i) => resolve(i.spec)),
    packages: imported.filter((i) => !i.spec.startsWith('.')).map((i) => i.spec),
  };
});

/** The top folder of a src/ path ('' for files at the root). */
const layer = (file: string): string => (file.includes('/') ? file.split('/')[0]! : '');

/** Folder → the folders it may import (itself always). The core is the first four. */
const ALLOWED: Record<string, readonly string[]> = {
  config: [],
  compile: ['config'],
  plan: ['config', 'compile'],
  report: ['config', 'compile', 'plan'],
  aws: ['config', 'compile', 'plan', 'report', ''],
  github: ['config', 'compile', 'plan', 'report', 'aws'],
  app: ['config', 'compile', 'plan', 'report', 'aws'],
  action: ['config', 'compile', 'plan', 'report', 'aws', 'github', 'app', ''],
  cli: ['config', 'compile', 'plan', 'report', 'aws', 'app', ''],
  '': [],
};
const CORE = ['config', 'compile', 'plan', 'report'];

describe('source layout', () => {
  it('finds the modules it checks (the walk is not empty)', () => {
    expect(modules.length).toBeGreaterThan(100);
    expect(new Set(modules.map((m) => layer(m.file)))).toEqual(new Set(Object.keys(ALLOWED)));
  });

  it('every relative import names a module that exists', () => {
    const known = new Set(modules.map((m) => m.file));
    const missing = modules.flatMap((m) =>
      m.local.filter((f) => !known.has(f)).map((f) => `${m.file} → ${f}`),
    );
    expect(missing).toEqual([]);
  });

  it('each folder imports only the folders before it in the data flow', () => {
    const wrong = modules.flatMap((m) => {
      const from = layer(m.file);
      return m.local
        .filter((f) => layer(f) !== from && !ALLOWED[from]!.includes(layer(f)))
        .map((f) => `${m.file} → ${f}`);
    });
    expect(wrong).toEqual([]);
  });

  it('the core never imports the runner protocol, the AWS SDK or Octokit', () => {
    const wrong = modules
      .filter((m) => CORE.includes(layer(m.file)))
      .flatMap((m) =>
        m.packages
          .filter((p) => /^@(actions|aws-sdk|smithy|octokit)\//.test(p))
          .map((p) => `${m.file} → ${p}`),
      );
    expect(wrong).toEqual([]);
  });

  it('has no import cycle at run time (static and lazy imports; type-only imports are erased)', () => {
    expect(findCycles(new Map(modules.map((m) => [m.file, m.runtime])))).toEqual([]);
  });

  it('the cycle check sees a cycle through a lazy import (as cli-run.ts ↔ commands/deploy.ts was)', () => {
    expect(
      importsOf(
        "import type { T } from './t.js';\nimport { type U, v } from './u.js';\nconst { f } = await import('./b.js');",
      ),
    ).toEqual([
      { spec: './t.js', typeOnly: true },
      { spec: './u.js', typeOnly: false },
      { spec: './b.js', typeOnly: false },
    ]);
    const graph = new Map([
      ['cli-run.ts', ['commands/deploy.ts', 'x.ts']],
      ['commands/deploy.ts', ['x.ts', 'cli-run.ts']],
      ['x.ts', []],
    ]);
    expect(findCycles(graph)).toEqual(['cli-run.ts → commands/deploy.ts → cli-run.ts']);
    expect(
      findCycles(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', []],
        ]),
      ),
    ).toEqual([]);
  });
});

/** Every back edge of a depth-first walk, as the cycle it closes (iterative: no recursion limit). */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  for (const start of graph.keys()) {
    if (state.has(start)) continue;
    const stack: { file: string; next: number }[] = [{ file: start, next: 0 }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const deps = graph.get(top.file) ?? [];
      if (top.next >= deps.length) {
        state.set(top.file, 'done');
        stack.pop();
        continue;
      }
      const dep = deps[top.next++]!;
      if (state.get(dep) === 'open') {
        const onPath = stack.map((s) => s.file);
        cycles.push([...onPath.slice(onPath.indexOf(dep)), dep].join(' → '));
      } else if (!state.has(dep) && graph.has(dep)) {
        state.set(dep, 'open');
        stack.push({ file: dep, next: 0 });
      }
    }
  }
  return cycles;
}
