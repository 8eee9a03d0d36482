// The full unit of fullUnitFiles with its config text edited, loaded and compiled: what the tests of the new config
// keys start from. Workspaces are removed by `cleanup` (call it in afterAll).
import { rmSync } from 'node:fs';
import { compileProject } from '../../src/compile/compile.js';
import type { Plan } from '../../src/compile/types.js';
import type { Diagnostic } from '../../src/config/diagnostics.js';
import { formatDiagnostic } from '../../src/config/diagnostics.js';
import { loadProject } from '../../src/config/load.js';
import { fullUnitFiles, makeWorkspace, TEST_ENV } from './workspace.js';

export interface EditedUnit {
  readonly plan?: Plan;
  /** Config and compile diagnostics. */
  readonly diagnostics: readonly Diagnostic[];
  /** 1-based line and column of the first occurrence of `needle` in the written config. */
  readonly pos: (needle: string) => { line: number; col: number };
}

const workspaces: string[] = [];

export function cleanup(): void {
  for (const w of workspaces.splice(0)) rmSync(w, { recursive: true, force: true });
}

/** Compiles the unit with `edit` applied to m/conf/conf.yaml. */
export function compileEditedUnit(edit: (conf: string) => string): EditedUnit {
  const files = fullUnitFiles();
  const text = edit(files['m/conf/conf.yaml'] ?? '');
  const pos = (needle: string): { line: number; col: number } => {
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes(needle));
    return { line: line + 1, col: (lines[line] ?? '').indexOf(needle) + 1 };
  };
  const workspace = makeWorkspace({ ...files, 'm/conf/conf.yaml': text });
  workspaces.push(workspace);
  const loaded = loadProject({
    workspace,
    globs: ['*/conf/*.yaml'],
    env: TEST_ENV,
    allowPlaceholders: false,
  });
  if (!loaded.config) return { diagnostics: loaded.diagnostics, pos };
  const { plan, diagnostics } = compileProject(loaded.config);
  return { ...(plan ? { plan } : {}), diagnostics: [...loaded.diagnostics, ...diagnostics], pos };
}

/** The plan, or an error listing every diagnostic. */
export function planOf(r: EditedUnit): Plan {
  if (!r.plan) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
  return r.plan;
}

export const errorsOf = (r: EditedUnit): Diagnostic[] => r.diagnostics.filter((d) => d.severity === 'error');
