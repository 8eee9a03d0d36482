// Diagnostics are data: every phase collects them and the adapters (CLI, action) decide how to show them.
import { shown, visible } from './visible.js';

/** A position in a config file. `line` and `col` are 1-based, as editors and GitHub annotations count. */
export interface Loc {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Stable rule name, e.g. `unknown-step-class`; tests and docs refer to it. */
  readonly code: string;
  readonly severity: Severity;
  readonly loc: Loc | null;
  /** Key path of the offending node, e.g. `conf.sagemakerPipeline.models.m.steps[1].step_class`. */
  readonly path: string;
  readonly message: string;
}

/** A file name from the PR is shown with its control characters visible (a newline cannot start a line). */
export function formatLoc(loc: Loc): string {
  return `${visible(loc.file)}:${loc.line}:${loc.col}`;
}

/** Longest message printed: a message quoting a huge value is cut, with its length. */
export const MAX_MESSAGE = 2000;

/** The message as shown: one line, control characters visible, cut when huge. */
export function displayMessage(message: string): string {
  return shown(message, MAX_MESSAGE);
}

/** `file:line:col: error: message` (the form compilers use, so editors and terminals link it). */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.loc ? `${formatLoc(d.loc)}: ` : '';
  return `${where}${d.severity}: ${displayMessage(d.message)}`;
}

/** Collects diagnostics in the order they are found; phases share one bag. */
export class DiagnosticBag {
  readonly #items: Diagnostic[] = [];

  error(code: string, loc: Loc | null, path: string, message: string): void {
    this.#items.push({ code, severity: 'error', loc, path, message });
  }

  warning(code: string, loc: Loc | null, path: string, message: string): void {
    this.#items.push({ code, severity: 'warning', loc, path, message });
  }

  add(d: Diagnostic): void {
    this.#items.push(d);
  }

  get hasErrors(): boolean {
    return this.#items.some((d) => d.severity === 'error');
  }

  get errors(): Diagnostic[] {
    return this.#items.filter((d) => d.severity === 'error');
  }

  get warnings(): Diagnostic[] {
    return this.#items.filter((d) => d.severity === 'warning');
  }

  /** All diagnostics, sorted by file, line, column (stable for equal positions). */
  sorted(): Diagnostic[] {
    return [...this.#items].sort(compareDiagnostics);
  }
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.loc?.file ?? '';
  const fb = b.loc?.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  return (a.loc?.line ?? 0) - (b.loc?.line ?? 0) || (a.loc?.col ?? 0) - (b.loc?.col ?? 0);
}
