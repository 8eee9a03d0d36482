// Find config files: globs relative to the workspace root, never outside it.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DiagnosticBag } from './diagnostics.js';
import { accepts, closure, compileGlob, GlobError, hasMagic, step } from './glob.js';
import type { Segment } from './glob.js';
import { isFile, isWithin } from './paths.js';
import { shown } from './visible.js';

/** Folders never searched: dependencies and VCS data are never model configs. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface FoundFiles {
  /** Workspace-relative POSIX paths, in glob order then sorted within each glob, without duplicates. */
  readonly files: readonly string[];
}

/** Globs one per line or comma-separated; a comma inside `{a,b}` belongs to the glob. */
export function splitGlobs(raw: string | undefined): string[] {
  if (!raw) return [];
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of raw) {
    if (c === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    if (c === '\n' || c === '\r' || (c === ',' && depth === 0)) {
      out.push(current);
      current = '';
      depth = 0;
    } else current += c;
  }
  out.push(current);
  return out.map((g) => g.trim()).filter((g) => g !== '' && !g.startsWith('#'));
}

export function findConfigFiles(globs: readonly string[], workspace: string, bag: DiagnosticBag): FoundFiles {
  const files: string[] = [];
  const seen = new Set<string>();
  const unmatched: string[] = [];
  for (const glob of globs) {
    const normalized = glob.replace(/\\/g, '/').replace(/^\.\//, '');
    if (path.posix.isAbsolute(normalized) || normalized.split('/').includes('..')) {
      bag.error(
        'glob-outside-workspace',
        null,
        'config',
        `config glob \`${glob}\` points outside the workspace ${workspace}; write it relative to the workspace root`,
      );
      continue;
    }
    const matches = matchGlob(normalized, workspace, glob, bag);
    if (matches.length === 0) unmatched.push(glob);
    for (const m of matches) {
      if (!seen.has(m)) {
        seen.add(m);
        files.push(m);
      }
    }
  }
  if (globs.length === 0) {
    bag.error(
      'no-config-glob',
      null,
      'config',
      'no config files given: pass --config GLOB (e.g. --config "*/conf/conf.yaml") or set SMP_MODEL_CONFIGPATH',
    );
  } else if (files.length === 0 && !bag.hasErrors) {
    bag.error(
      'no-config-files',
      null,
      'config',
      `no config file matches ${globs.map((g) => `\`${g}\``).join(', ')} in ${workspace}; globs are relative to the workspace root`,
    );
  } else {
    for (const g of unmatched) {
      bag.warning(
        'glob-matches-nothing',
        null,
        'config',
        `config glob \`${g}\` matches no file in ${workspace}`,
      );
    }
  }
  return { files };
}

function matchGlob(glob: string, workspace: string, written: string, bag: DiagnosticBag): string[] {
  if (!hasMagic(glob)) {
    const abs = path.join(workspace, glob);
    // One spelling per file (`conf//c.yaml` is `conf/c.yaml`), so two globs cannot load it twice.
    if (!isFile(abs)) return [];
    if (insideWorkspace(abs, workspace)) return [path.posix.normalize(glob)];
    refuseOutside(path.posix.normalize(glob), abs, bag);
    return [];
  }
  let compiled: Segment[][];
  try {
    compiled = compileGlob(glob);
  } catch (err) {
    if (!(err instanceof GlobError)) throw err;
    bag.error('bad-glob', null, 'config', `config glob \`${shown(written)}\`: ${err.message}`);
    return [];
  }
  const out = new Set<string>();
  for (const segments of compiled) walk(workspace, segments, out, bag);
  return [...out].sort();
}

/**
 * Every file below `workspace` that `segments` match, folder by folder with the set of segment positions
 * still possible (folders no position can continue in are never read). Iterative: depth costs no stack.
 */
function walk(workspace: string, segments: readonly Segment[], out: Set<string>, bag: DiagnosticBag): void {
  const todo: { rel: string; states: Set<number> }[] = [{ rel: '', states: closure(segments, [0]) }];
  // A folder reached again (through symlinks) in the same positions has nothing new to give.
  const seen = new Set<string>();
  while (todo.length > 0) {
    const { rel, states } = todo.pop() as { rel: string; states: Set<number> };
    let names: string[];
    try {
      names = readdirSync(path.join(workspace, rel));
    } catch {
      continue;
    }
    for (const name of names) {
      if (SKIPPED_DIRS.has(name)) continue;
      const next = step(segments, states, name);
      if (next.size === 0) continue;
      const childRel = rel ? `${rel}/${name}` : name;
      const abs = path.join(workspace, childRel);
      let st;
      try {
        st = statSync(abs);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        // Symlinked folders are followed only while they stay inside the workspace (and cannot loop).
        if (!insideWorkspace(abs, workspace) || isSymlinkLoop(abs, workspace)) continue;
        const key = `${realpathSync(abs)}\0${[...next].sort().join(',')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        todo.push({ rel: childRel, states: next });
      } else if (st.isFile() && accepts(segments, next)) {
        if (insideWorkspace(abs, workspace)) out.add(childRel);
        else refuseOutside(childRel, abs, bag);
      }
    }
  }
}

/** A matched config that is a symlink to outside the workspace: refused by name, never read. */
function refuseOutside(rel: string, abs: string, bag: DiagnosticBag): void {
  let real = abs;
  try {
    real = realpathSync(abs);
  } catch {
    // dangling: the message still names the link
  }
  bag.error(
    'config-outside-workspace',
    null,
    'config',
    `config file ${shown(rel)} is a symlink to ${shown(real, 200)}, outside the workspace; it is not read (configs must be files of the checkout)`,
  );
}

export function insideWorkspace(abs: string, workspace: string): boolean {
  try {
    return isWithin(realpathSync(workspace), realpathSync(abs));
  } catch {
    return false;
  }
}

function isSymlinkLoop(abs: string, workspace: string): boolean {
  // A directory whose real path is an ancestor of its own path would recurse forever.
  const real = realpathSync(abs);
  const logical = path.resolve(abs);
  return real !== logical && logical.startsWith(real + path.sep) && real.startsWith(realpathSync(workspace));
}
