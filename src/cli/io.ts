// What every CLI command shares: where lines go, the exit codes, how diagnostics are printed.
import { formatDiagnostic } from '../config/diagnostics.js';
import type { Diagnostic } from '../config/diagnostics.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Whether stdout is a terminal (colours the verdict unless NO_COLOR). */
  readonly isTty?: boolean;
}

export function report(diagnostics: readonly Diagnostic[], io: Io): void {
  for (const d of diagnostics) io.err(formatDiagnostic(d));
}

export function failed(diagnostics: readonly Diagnostic[], io: Io): number {
  report(diagnostics, io);
  const n = diagnostics.filter((d) => d.severity === 'error').length;
  io.err(`smp: ${n} error${n === 1 ? '' : 's'}: configuration is invalid`);
  return EXIT_FAILED;
}
