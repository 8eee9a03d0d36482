// The step graph of a definition: nodes in definition order, edges from DependsOn and data references.
import { flatSteps } from '../compile/branches.js';
import { isExpression } from '../compile/expressions.js';
import type { PipelineDefinition, Value } from '../compile/types.js';

export type EdgeKind = 'depends' | 'data';

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
}

export interface GraphNode {
  readonly name: string;
  readonly type: string;
}

export interface StepGraph {
  readonly nodes: readonly GraphNode[];
  /** Deduplicated; a pair with both a DependsOn and a data reference is one `depends` edge. Sorted. */
  readonly edges: readonly GraphEdge[];
}

export function stepGraph(def: Pick<PipelineDefinition, 'Steps'>): StepGraph {
  // Steps inside Condition branches are nodes too, after their Condition (flatSteps).
  const all = flatSteps(def);
  const nodes = all.map((s) => ({ name: s.Name, type: s.Type }));
  const names = new Set(nodes.map((n) => n.name));
  const edges = new Map<string, GraphEdge>();
  const add = (from: string, to: string, kind: EdgeKind): void => {
    if (!names.has(from) || from === to) return;
    const key = `${from}\u0000${to}`;
    const prev = edges.get(key);
    if (!prev || (prev.kind === 'data' && kind === 'depends')) edges.set(key, { from, to, kind });
  };
  for (const s of all) {
    for (const d of s.DependsOn ?? []) add(d, s.Name, 'depends');
    for (const ref of stepReferences(s.Arguments)) add(ref, s.Name, 'data');
  }
  const order = new Map(nodes.map((n, i) => [n.name, i]));
  const sorted = [...edges.values()].sort(
    (a, b) =>
      (order.get(a.from) ?? 0) - (order.get(b.from) ?? 0) || (order.get(a.to) ?? 0) - (order.get(b.to) ?? 0),
  );
  return { nodes, edges: sorted };
}

/** Names of steps whose properties a value refers to (`{"Get": "Steps.X.…"}` anywhere inside). */
export function stepReferences(v: Value): string[] {
  const out = new Set<string>();
  const visit = (x: Value): void => {
    if (isExpression(x) && 'Get' in x) {
      const m = /^Steps\.([A-Za-z0-9_-]+)\./.exec(x.Get);
      if (m?.[1]) out.add(m[1]);
      return;
    }
    if (Array.isArray(x)) for (const y of x as Value[]) visit(y);
    else if (x && typeof x === 'object') for (const y of Object.values(x)) visit(y as Value);
  };
  visit(v);
  return [...out];
}
