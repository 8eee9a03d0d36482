// The one-line verdict every view leads with (comment, summary, log, CLI), and the warnings it must not hide.
import { verdict, verdictLine } from '../plan/changes.js';
import type { Diagnostic } from '../config/diagnostics.js';
import type { PlanView } from '../plan/view.js';
import { scheduleChange } from './plan-registry.js';

/** Warnings that mean a setting in the config has no effect: a plan with only these is not "No changes". */
const IGNORED_SETTING = new Set([
  'unknown-key',
  'ignored-keys',
  'ignored-step-type',
  'ignored-additional-prefix',
  'cache-ignored',
  'transform-image-ignored',
  'expiry-without-cache',
  'unused-model',
]);

export function ignoredSettings(warnings: readonly Diagnostic[]): number {
  return warnings.filter((w) => IGNORED_SETTING.has(w.code)).length;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * `Plan: 1 to add, 4 to change, 0 to remove`; `No effective changes: 1 setting ignored`; `No changes`; for a new
 * pipeline every step is to add; offline nothing is compared. Plain text (no Markdown).
 */
export function headline(view: PlanView): string {
  const d = view.diff;
  const ignored = ignoredSettings(view.warnings);
  const schedule = scheduleChange(view);
  const ignoredNote = `${schedule ? `; ${schedule}` : ''}${ignored > 0 ? `; ⚠️ ${plural(ignored, 'setting')} ignored` : ''}`;
  if (view.deployed === 'unknown')
    return `${plural(view.steps, 'step')} planned, not compared with the deployed pipeline${ignoredNote}`;
  if (view.deployed === 'none' || d.status === 'created')
    return `${verdictLine({ ...verdict(d), dependenciesAdded: 0 })} (new pipeline)${ignoredNote}`;
  if (d.status === 'unchanged' && schedule)
    return `Plan: 0 to add, 0 to change, 0 to remove; ${schedule}${ignored > 0 ? `; ⚠️ ${plural(ignored, 'setting')} ignored` : ''}`;
  if (d.status === 'unchanged')
    return ignored > 0
      ? `No effective changes: ${plural(ignored, 'setting')} ignored`
      : `No changes (${plural(view.steps, 'step')})`;
  return `${verdictLine(verdict(d))}${ignoredNote}`;
}
