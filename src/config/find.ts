// Find config files: globs relative to the workspace root, never outside it.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DiagnosticBag } from './diagnostics.js';
import { globToRegExp, hasMagic, literalPrefix } from './glob.js';
import { isFile, isWithin } from './paths.js';

/** Folders never searched: dependencies and VCS data are never model configs. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface FoundFiles {
  /** Workspace-relative POSIX paths, in glob order then sorted within each glob, without duplicates. */
  readonly files: readonly string[];
}

export function splitGlobs(raw: string | undefined): string[] {
  if (!raw) return [];
  return raw
    .split(/[\n,]/)
    .map((g) => g.trim())
    .filter((g) => g !== '' && !g.startsWith('#'));
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
    const matches = matchGlob(normalized, workspace);
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

function matchGlob(glob: string, workspace: string): string[] {
  if (!hasMagic(glob)) {
    const abs = path.join(workspace, glob);
    // One spelling per file (`conf//c.yaml` is `conf/c.yaml`), so two globs cannot load it twice.
    return isFile(abs) && insideWorkspace(abs, workspace) ? [path.posix.normalize(glob)] : [];
  }
  const re = globToRegExp(glob);
  const prefix = literalPrefix(glob);
  const out: string[] = [];
  walk(workspace, prefix, re, out, workspace);
  return out.sort();
}

function walk(workspace: string, rel: string, re: RegExp, out: string[], root: string): void {
  let names: string[];
  try {
    names = readdirSync(path.join(workspace, rel));
  } catch {
    return;
  }
  for (const name of names.sort()) {
    if (SKIPPED_DIRS.has(name)) continue;
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
      if (!insideWorkspace(abs, root) || isSymlinkLoop(abs, workspace)) continue;
      walk(workspace, childRel, re, out, root);
    } else if (st.isFile() && re.test(childRel) && insideWorkspace(abs, root)) {
      out.push(childRel);
    }
  }
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
