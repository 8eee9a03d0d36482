// The malformed-config corpus (__tests__/fixtures/invalid/): each folder is a small workspace and its
// expected.json. Shared by the CLI run (cli/invalid-corpus.test.ts) and the action run
// (action/trust-surface.test.ts). Big and special inputs (FIFOs, sparse files, 2,000 configs, deep nesting) and
// symlinks to outside are made here, in a temporary copy, never committed.
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const INVALID_DIR = path.join(REPO, '__tests__', 'fixtures', 'invalid');

export interface ExpectedLine {
  /** Workspace-relative file, or null for a diagnostic without a position (settings, "no pipeline"). */
  readonly file: string | null;
  readonly line?: number;
  readonly col?: number;
  /** Rule code (checked in-process: the CLI does not print it). */
  readonly code?: string;
  /** A fragment of the message that must follow `error: ` / `warning: ` on that line. */
  readonly contains: string;
}

export interface Expected {
  readonly note?: string;
  readonly globs: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Symlinks the test creates in the temp copy, pointing at a path outside the workspace. */
  readonly symlinks?: readonly {
    readonly link: string;
    readonly target: string;
    readonly kind: 'dir' | 'file';
  }[];
  /** Big or special inputs made at test time (never committed). */
  readonly generate?: readonly Generated[];
  /** Also run `smp plan`, which must give the same errors (the same verdict as validate). */
  readonly plan?: boolean;
  readonly errors: readonly ExpectedLine[];
  /** Warnings to assert (only for cases about a warning); other warnings may appear. */
  readonly warnings?: readonly ExpectedLine[];
}

export type Generated =
  | { readonly kind: 'nested'; readonly path: string; readonly depth: number }
  | { readonly kind: 'fifo'; readonly path: string }
  | { readonly kind: 'sparse'; readonly path: string; readonly bytes: number }
  | { readonly kind: 'many'; readonly count: number };

/** Writes one generated input into the workspace copy `ws`. */
export function generate(ws: string, g: Generated): void {
  const at = (rel: string): string => {
    mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    return path.join(ws, rel);
  };
  switch (g.kind) {
    case 'nested':
      writeFileSync(
        at(g.path),
        `conf:\n  models:\n    m:\n      source_directory: code\n      x: ${'['.repeat(g.depth)}${']'.repeat(g.depth)}\n`,
      );
      return;
    case 'fifo':
      execFileSync('mkfifo', [at(g.path)]);
      return;
    case 'sparse': {
      // A hole, not data: the file claims its size without using the disk.
      const fd = openSync(at(g.path), 'w');
      ftruncateSync(fd, g.bytes);
      closeSync(fd);
      return;
    }
    case 'many': {
      const names = Array.from({ length: g.count }, (_, i) => `m${String(i).padStart(4, '0')}`);
      names.forEach((name, i) =>
        writeFileSync(
          at(`models/${name}/conf.yaml`),
          `conf:\n  models:\n    ${name}:\n      source_directory: code\n      train:\n        image_uri: img:1\n        entry_point: ${i === g.count - 1 ? 'nope.py' : 'train.py'}\n`,
        ),
      );
      writeFileSync(
        at('conf/conf.yaml'),
        `conf:\n  sagemakerPipeline:\n    pipelineName: many\n    models:\n${names
          .map(
            (n) =>
              `      ${n}:\n        steps:\n          - step_name: ${n}-train\n            step_class: Training\n`,
          )
          .join('')}`,
      );
      return;
    }
  }
}

export const cases = readdirSync(INVALID_DIR)
  .filter((name) => statSync(path.join(INVALID_DIR, name)).isDirectory())
  .sort();

export function readExpected(name: string): Expected {
  return JSON.parse(readFileSync(path.join(INVALID_DIR, name, 'expected.json'), 'utf8')) as Expected;
}

/** Copies the case into <tmp>/ws and creates its symlinks to targets in <tmp>/outside. */
export function prepareWorkspace(name: string, expected: Expected, tempRoots: string[]): string {
  const tmp = mkdtempSync(path.join(tmpdir(), `smp-invalid-${name.slice(0, 2)}-`));
  tempRoots.push(tmp);
  const ws = path.join(tmp, 'ws');
  cpSync(path.join(INVALID_DIR, name), ws, { recursive: true });
  rmSync(path.join(ws, 'expected.json'));
  for (const s of expected.symlinks ?? []) {
    const target = path.join(tmp, 'outside', s.target);
    if (s.kind === 'dir') {
      mkdirSync(target, { recursive: true });
      writeFileSync(path.join(target, 'train.py'), 'print("outside")\n');
    } else {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, 'print("outside")\n');
    }
    mkdirSync(path.dirname(path.join(ws, s.link)), { recursive: true });
    symlinkSync(target, path.join(ws, s.link), s.kind === 'dir' ? 'dir' : 'file');
  }
  for (const g of expected.generate ?? []) generate(ws, g);
  return ws;
}
