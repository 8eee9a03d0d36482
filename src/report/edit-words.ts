// The words of one step's edit, shared by the Markdown table and the text diff so both tell it the same way:
// a rename guess, then the field changes (by config key and line when known), the code bundles, and the
// dependency changes folded in ("now after `a` (data)", "after `b`: data → DependsOn", "no longer after `c`").
// Each renderer passes how it writes a name (a code span, or plain text) and a location.
import type { StepEdit } from '../plan/changes.js';
import type { GraphEdge } from '../plan/graph.js';

export const EDGE_KIND: Readonly<Record<GraphEdge['kind'], string>> = { depends: 'DependsOn', data: 'data' };

/** The rename guess of an added or removed step, if any. */
export function renameWords(e: StepEdit, code: (s: string) => string): string | undefined {
  if (!e.renamed) return undefined;
  return e.status === 'added'
    ? `looks like a rename of ${code(e.renamed)}`
    : `renamed to ${code(e.renamed)}?`;
}

/** The step's upstream edge changes: new ones, ones whose kind changed, dropped ones (not for a removed step). */
export function edgeWords(e: StepEdit, code: (s: string) => string): string[] {
  const was = new Map(e.edgesRemoved.map((x) => [x.from, x.kind]));
  const kindChanged = e.edgesAdded.filter((x) => was.has(x.from));
  const added = e.edgesAdded.filter((x) => !was.has(x.from));
  const removed = e.edgesRemoved.filter((x) => !kindChanged.some((k) => k.from === x.from));
  const list = (xs: readonly GraphEdge[]): string =>
    xs.map((x) => `${code(x.from)} (${EDGE_KIND[x.kind]})`).join(', ');
  const out: string[] = [];
  if (added.length > 0) out.push(`${e.status === 'added' ? 'after' : 'now after'} ${list(added)}`);
  for (const x of kindChanged)
    out.push(`after ${code(x.from)}: ${EDGE_KIND[was.get(x.from) ?? 'depends']} → ${EDGE_KIND[x.kind]}`);
  if (removed.length > 0 && e.status !== 'removed') out.push(`no longer after ${list(removed)}`);
  return out;
}

/** `train.instance_type at conf.yaml:24`, `… (not set: default) at …`, or the definition path. */
export function fieldName(
  src: { key: string; written: boolean } | undefined,
  path: string,
  code: (s: string) => string,
  where: string | undefined,
): string {
  if (!src || where === undefined) return code(path);
  return `${code(src.key)}${src.written ? '' : ' (not set: default)'} at ${where}`;
}
