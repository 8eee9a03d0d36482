// The diff regrouped the way an author thinks of the edit: one entry per step, the dependency changes folded
// into the step they belong to (DependsOn and data references live on the downstream step), and the verdict
// counts (`Plan: 1 to add, 4 to change, 0 to remove`). Pure.
import type { DefinitionDiff, StepChange } from './diff.js';
import type { GraphEdge } from './graph.js';

export type EditStatus = 'added' | 'changed' | 'removed';

export interface StepEdit {
  readonly name: string;
  readonly type: string;
  readonly status: EditStatus;
  /** Field and code changes (changed steps only). */
  readonly change: StepChange | undefined;
  /** Upstream edges of this step the plan adds / drops. */
  readonly edgesAdded: readonly GraphEdge[];
  readonly edgesRemoved: readonly GraphEdge[];
  /** A removed/added pair that looks like a rename: the other name. */
  readonly renamed: string | undefined;
}

export interface Verdict {
  readonly add: number;
  readonly change: number;
  readonly remove: number;
  readonly dependenciesAdded: number;
  readonly dependenciesRemoved: number;
  readonly parameters: number;
  readonly pipelineSettings: number;
}

/** Every step the plan adds, changes or removes, in that order (definition order within each). */
export function stepEdits(diff: DefinitionDiff): StepEdit[] {
  const into = (edges: readonly GraphEdge[], name: string): GraphEdge[] => edges.filter((e) => e.to === name);
  const renamedTo = new Map(diff.renamed.map((r) => [r.to, r.from]));
  const renamedFrom = new Map(diff.renamed.map((r) => [r.from, r.to]));
  const out: StepEdit[] = [];
  const edit = (
    name: string,
    type: string,
    status: EditStatus,
    change: StepChange | undefined,
    renamed: string | undefined,
  ): StepEdit => ({
    name,
    type,
    status,
    change,
    edgesAdded: into(diff.edges.added, name),
    edgesRemoved: into(diff.edges.removed, name),
    renamed,
  });
  for (const s of diff.steps.added) out.push(edit(s.name, s.type, 'added', undefined, renamedTo.get(s.name)));
  const changed = new Map(diff.steps.changed.map((c) => [c.name, c]));
  const gone = new Set([...diff.steps.added, ...diff.steps.removed].map((s) => s.name));
  // A step whose only change is an upstream edge is changed too: its DependsOn (or an input) differs.
  const edgeOnly = [...diff.edges.added, ...diff.edges.removed]
    .map((e) => e.to)
    .filter((n) => !gone.has(n) && !changed.has(n));
  const touched = new Set([...changed.keys(), ...edgeOnly]);
  for (const name of [...diff.stepTypes.keys()].filter((n) => touched.has(n))) {
    if (out.some((e) => e.name === name)) continue;
    const c = changed.get(name);
    out.push(edit(name, c?.type ?? typeOf(diff, name), 'changed', c, undefined));
  }
  for (const s of diff.steps.removed)
    out.push(edit(s.name, s.type, 'removed', undefined, renamedFrom.get(s.name)));
  return out;
}

function typeOf(diff: DefinitionDiff, name: string): string {
  return diff.stepTypes.get(name) ?? '';
}

export function verdict(diff: DefinitionDiff): Verdict {
  const edits = stepEdits(diff);
  const count = (s: EditStatus): number => edits.filter((e) => e.status === s).length;
  const p = diff.parameters;
  return {
    add: count('added'),
    change: count('changed'),
    remove: count('removed'),
    ...dependencyCounts(diff),
    parameters: p.added.length + p.removed.length + p.changed.length,
    pipelineSettings: diff.pipelineFields.length,
  };
}

/**
 * Dependencies added / removed between steps that exist on both sides: the edges of an added or removed step
 * are part of that step, and an edge that only changed kind (data → DependsOn) is no dependency change.
 */
function dependencyCounts(diff: DefinitionDiff): { dependenciesAdded: number; dependenciesRemoved: number } {
  const moved = new Set([...diff.steps.added, ...diff.steps.removed].map((s) => s.name));
  const pair = (e: GraphEdge): string => `${e.from}\u0000${e.to}`;
  const kept = (e: GraphEdge): boolean => !moved.has(e.from) && !moved.has(e.to);
  const added = new Set(diff.edges.added.filter(kept).map(pair));
  const removed = new Set(diff.edges.removed.filter(kept).map(pair));
  return {
    dependenciesAdded: [...added].filter((k) => !removed.has(k)).length,
    dependenciesRemoved: [...removed].filter((k) => !added.has(k)).length,
  };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** `Plan: 1 to add, 4 to change, 0 to remove; 2 dependencies added, 1 removed; 1 parameter changed`. */
export function verdictLine(v: Verdict): string {
  const parts = [`Plan: ${v.add} to add, ${v.change} to change, ${v.remove} to remove`];
  const deps: string[] = [];
  if (v.dependenciesAdded > 0) deps.push(`${v.dependenciesAdded} added`);
  if (v.dependenciesRemoved > 0) deps.push(`${v.dependenciesRemoved} removed`);
  if (deps.length > 0)
    parts.push(
      `${v.dependenciesAdded + v.dependenciesRemoved === 1 ? 'dependency' : 'dependencies'} ${deps.join(', ')}`,
    );
  if (v.parameters > 0) parts.push(`${plural(v.parameters, 'parameter')} changed`);
  if (v.pipelineSettings > 0) parts.push(`${plural(v.pipelineSettings, 'pipeline setting')} changed`);
  return parts.join('; ');
}

/** Files added, changed and removed between two bundle manifests (sorted paths). */
export function manifestChanges(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): { added: string[]; changed: string[]; removed: string[] } {
  const paths = (o: Readonly<Record<string, string>>): string[] => Object.keys(o).sort();
  return {
    added: paths(after).filter((p) => before[p] === undefined),
    changed: paths(after).filter((p) => before[p] !== undefined && before[p] !== after[p]),
    removed: paths(before).filter((p) => after[p] === undefined),
  };
}
