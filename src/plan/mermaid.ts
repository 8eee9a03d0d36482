// Mermaid flowchart of the step graph: one subgraph per model, ids safe whatever the step names.
import { visible } from '../config/visible.js';
import type { StepGraph } from './graph.js';

export interface MermaidOptions {
  /** Step name → model (subgraph); steps without one are drawn at the top level. */
  readonly models?: ReadonlyMap<string, string>;
  /** Extra class per node (e.g. added/changed), and the classDef lines that style them. */
  readonly classes?: ReadonlyMap<string, string>;
  readonly classDefs?: readonly string[];
  /** Nodes to draw that are not in the graph (removed steps), dashed by their class. */
  readonly extraNodes?: readonly { name: string; type: string; model?: string }[];
}

/**
 * Escapes text for a quoted Mermaid label: control and invisible characters become visible escapes, quotes and
 * markup-significant characters entities.
 */
export function mermaidLabel(text: string): string {
  return visible(text).replace(/[#"<>&`\\|[\]{}()]/g, (c) => `#${c.charCodeAt(0)};`);
}

export function renderMermaid(graph: StepGraph, opts: MermaidOptions = {}): string {
  const nodes = [...graph.nodes, ...(opts.extraNodes ?? [])];
  const ids = new Map(nodes.map((n, i) => [n.name, `s${i}`]));
  const lines = ['flowchart TD'];
  // A Condition (quality gate) is drawn as a diamond, as flowcharts draw decisions.
  const node = (n: { name: string; type: string }): string => {
    const label = `"${mermaidLabel(n.name)}<br/><small>${mermaidLabel(n.type)}</small>"`;
    return `${ids.get(n.name) ?? ''}${n.type === 'Condition' ? `{${label}}` : `[${label}]`}`;
  };
  const modelOf = (n: { name: string; model?: string }): string | undefined =>
    n.model ?? opts.models?.get(n.name);
  const groups = new Map<string, typeof nodes>();
  const loose: typeof nodes = [];
  for (const n of nodes) {
    const m = modelOf(n);
    if (m === undefined) loose.push(n);
    else groups.set(m, [...(groups.get(m) ?? []), n]);
  }
  let g = 0;
  for (const [model, members] of groups) {
    lines.push(`  subgraph m${g++}["${mermaidLabel(model)}"]`);
    for (const n of members) lines.push(`    ${node(n)}`);
    lines.push('  end');
  }
  for (const n of loose) lines.push(`  ${node(n)}`);
  for (const e of graph.edges) {
    lines.push(`  ${ids.get(e.from) ?? ''} ${e.kind === 'depends' ? '-->' : '-.->'} ${ids.get(e.to) ?? ''}`);
  }
  for (const def of opts.classDefs ?? []) lines.push(`  ${def}`);
  if (opts.classes) {
    const byClass = new Map<string, string[]>();
    for (const n of nodes) {
      const c = opts.classes.get(n.name);
      const id = ids.get(n.name);
      if (c && id) byClass.set(c, [...(byClass.get(c) ?? []), id]);
    }
    for (const [c, members] of [...byClass].sort(([a], [b]) => (a < b ? -1 : 1)))
      lines.push(`  class ${members.join(',')} ${c}`);
  }
  return `${lines.join('\n')}\n`;
}
