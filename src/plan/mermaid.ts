// Mermaid flowchart of the step graph: one subgraph per model, ids safe whatever the step names. Changes are
// told by a badge in the label and a thicker border as well as by colour, so they read in grayscale too.
import { visible } from '../config/visible.js';
import type { GraphEdge, StepGraph } from './graph.js';

export type NodeStatus = 'added' | 'changed' | 'removed' | 'unchanged';

/** The textual badge of a status, first in the node label. */
export const BADGE: Readonly<Record<NodeStatus, string>> = {
  added: '➕',
  changed: '✏️',
  removed: '➖',
  unchanged: '',
};

export interface MermaidNode {
  readonly name: string;
  /** The second, small line of the label (step type, or a model's counts). */
  readonly type: string;
  readonly model?: string;
}

export interface MermaidOptions {
  /** Step name → model (subgraph); steps without one are drawn at the top level. */
  readonly models?: ReadonlyMap<string, string>;
  /** Status per node (badge and class); the classDef lines that style them. */
  readonly classes?: ReadonlyMap<string, NodeStatus | string>;
  /** Badge per status (default: the plan's ➕ ✏️ ➖) and the word after the type; none for `unchanged`. */
  readonly badges?: Readonly<Record<string, { readonly badge: string; readonly word: string }>>;
  readonly classDefs?: readonly string[];
  /** Nodes to draw that are not in the graph (removed steps), inside their model when it is known. */
  readonly extraNodes?: readonly MermaidNode[];
  /** Edges of the deployed pipeline that the plan drops: drawn dashed and labelled. */
  readonly removedEdges?: readonly GraphEdge[];
  /** Edges the plan adds: labelled. */
  readonly addedEdges?: ReadonlySet<string>;
  /** The status word after the type (`Training · changed`); off where the label already counts changes. */
  readonly statusWords?: boolean;
}

/** Key of an edge in `addedEdges`. */
export function edgeKey(e: Pick<GraphEdge, 'from' | 'to'>): string {
  return `${e.from}\u0000${e.to}`;
}

/**
 * Escapes text for a quoted Mermaid label: control and invisible characters become visible escapes, quotes and
 * markup-significant characters entities.
 */
export function mermaidLabel(text: string): string {
  return visible(text).replace(/[#"<>&`\\|[\]{}()]/g, (c) => `#${c.charCodeAt(0)};`);
}

/** Subgraph boxes stay neutral: a change is told by the nodes inside, never by the box. */
const MODEL_STYLE = 'fill:#f6f8fa,stroke:#d0d7de,color:#24292f';

export function renderMermaid(graph: StepGraph, opts: MermaidOptions = {}): string {
  const nodes: MermaidNode[] = [...graph.nodes, ...(opts.extraNodes ?? [])];
  const ids = new Map(nodes.map((n, i) => [n.name, `s${i}`]));
  const lines = ['flowchart TD'];
  const node = (n: MermaidNode, prefix = ''): string => {
    const status = opts.classes?.get(n.name);
    const custom = status ? opts.badges?.[status] : undefined;
    const badge = custom ? custom.badge : status ? (BADGE[status as NodeStatus] ?? '') : '';
    const shown = custom ? custom.word : status;
    const word = shown && status !== 'unchanged' && opts.statusWords !== false ? ` · ${shown}` : '';
    const label = `"${badge ? `${badge} ` : ''}${mermaidLabel(n.name.slice(prefix.length))}<br/><small>${mermaidLabel(n.type)}${word}</small>"`;
    // A Condition (quality gate) is drawn as a diamond, as flowcharts draw decisions.
    return `${ids.get(n.name) ?? ''}${n.type === 'Condition' ? `{${label}}` : `[${label}]`}`;
  };
  const modelOf = (n: MermaidNode): string | undefined => n.model ?? opts.models?.get(n.name);
  const groups = new Map<string, MermaidNode[]>();
  const loose: MermaidNode[] = [];
  for (const n of nodes) {
    const m = modelOf(n);
    if (m === undefined) loose.push(n);
    else groups.set(m, [...(groups.get(m) ?? []), n]);
  }
  let g = 0;
  for (const [model, members] of groups) {
    // Inside a model's box its steps' shared prefix (`calhousing-tf-`) is said once, in the box's title, and
    // left out of the labels: they keep what tells the steps apart, so the graph is narrower and its text larger
    // at comment width. The title is the prefix alone when it spells the model's name (a long title is clipped
    // to the box).
    const prefix = sharedPrefix(members.map((n) => n.name));
    const title = mermaidLabel(
      !prefix ? model : spells(prefix, model) ? `${prefix}…` : `${model} · ${prefix}…`,
    );
    lines.push(`  subgraph m${g}["${title}"]`, '    direction TB');
    for (const n of members) lines.push(`    ${node(n, prefix)}`);
    lines.push('  end', `  style m${g} ${MODEL_STYLE}`);
    g++;
  }
  for (const n of loose) lines.push(`  ${node(n)}`);
  const removedStyle: number[] = [];
  let index = 0;
  for (const e of graph.edges) {
    const label = opts.addedEdges?.has(edgeKey(e)) ? '|"➕ new"|' : '';
    lines.push(
      `  ${ids.get(e.from) ?? ''} ${e.kind === 'depends' ? '-->' : '-.->'}${label} ${ids.get(e.to) ?? ''}`,
    );
    index++;
  }
  for (const e of opts.removedEdges ?? []) {
    const from = ids.get(e.from);
    const to = ids.get(e.to);
    if (!from || !to) continue;
    lines.push(`  ${from} -.->|"➖ removed"| ${to}`);
    removedStyle.push(index++);
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
  if (removedStyle.length > 0)
    lines.push(`  linkStyle ${removedStyle.join(',')} stroke:#cf222e,stroke-width:2px,stroke-dasharray:6 4`);
  return `${lines.join('\n')}\n`;
}

/**
 * The prefix up to a `-` or `_` that every name of a group of two or more shares, leaving each name at least
 * three characters of its own; '' when there is none.
 */
export function sharedPrefix(names: readonly string[]): string {
  if (names.length < 2) return '';
  let common = names[0] ?? '';
  for (const n of names) {
    let i = 0;
    while (i < common.length && i < n.length && common[i] === n[i]) i++;
    common = common.slice(0, i);
  }
  const cut = Math.max(common.lastIndexOf('-'), common.lastIndexOf('_')) + 1;
  const prefix = common.slice(0, cut);
  return names.every((n) => n.length - prefix.length >= 3) ? prefix : '';
}

/** Whether a prefix holds the model's name, separators and case aside (`calhousing-tf-` and `calhousingtf`). */
function spells(prefix: string, model: string): boolean {
  const bare = (x: string): string => x.toLowerCase().replace(/[-_]/g, '');
  return bare(prefix).includes(bare(model));
}
