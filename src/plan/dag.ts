// The planned DAG as Mermaid with the diff overlaid, within GitHub's rendering limits.
import { allDefinitionSteps } from '../compile/branches.js';
import type { PipelineDefinition } from '../compile/types.js';
import type { DefinitionDiff } from './diff.js';
import { stepGraph } from './graph.js';
import type { StepGraph } from './graph.js';
import { renderMermaid } from './mermaid.js';

/** GitHub renders at most 500 edges and 50,000 characters per diagram; we stay well inside. */
export const MAX_EDGES = 400;
export const MAX_MERMAID_CHARS = 40_000;

export const CLASS_DEFS = [
  'classDef added fill:#dafbe1,stroke:#1a7f37,color:#0f5323',
  'classDef changed fill:#fff8c5,stroke:#9a6700,color:#4d2d00',
  'classDef removed fill:#ffebe9,stroke:#cf222e,color:#82071e,stroke-dasharray:5 5',
  'classDef unchanged fill:#f6f8fa,stroke:#8c959f,color:#24292f',
];

export interface Dag {
  readonly mermaid: string;
  /** Set when the full graph was too large and one node per model is drawn instead. */
  readonly notice: string | undefined;
}

export function planDag(
  planned: PipelineDefinition,
  models: ReadonlyMap<string, string>,
  diff?: DefinitionDiff,
): Dag {
  const graph = stepGraph(planned);
  const classes = diff ? statusClasses(planned, diff) : undefined;
  const removed = diff?.steps.removed.map((s) => ({ name: s.name, type: s.type })) ?? [];
  const full = withLegend(
    renderMermaid(graph, {
      models,
      classes,
      classDefs: diff ? CLASS_DEFS : undefined,
      extraNodes: removed,
    }),
    diff !== undefined,
  );
  if (graph.edges.length <= MAX_EDGES && full.length <= MAX_MERMAID_CHARS)
    return { mermaid: full, notice: undefined };
  const collapsed = collapse(graph, models, classes);
  // Even one node per model can be too much (hundreds of interlinked models): then no graph, the table says it.
  if (collapsed.edges > MAX_EDGES || collapsed.text.length > MAX_MERMAID_CHARS) {
    return {
      mermaid: renderMermaid({
        nodes: [{ name: `${graph.nodes.length} steps`, type: 'too many to draw' }],
        edges: [],
      }),
      notice: `The graph (${graph.nodes.length} steps, ${graph.edges.length} edges) is too large for GitHub to draw, even one node per model; the table lists every change.`,
    };
  }
  return {
    mermaid: withLegend(collapsed.text, false),
    notice: `The graph has ${graph.nodes.length} steps and ${graph.edges.length} edges, more than GitHub renders (${MAX_EDGES} edges, ${MAX_MERMAID_CHARS} characters here): one node per model is drawn instead; the table lists every change.`,
  };
}

function statusClasses(planned: PipelineDefinition, diff: DefinitionDiff): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of allDefinitionSteps(planned.Steps)) out.set(s.Name, 'unchanged');
  for (const s of diff.steps.added) out.set(s.name, 'added');
  for (const s of diff.steps.changed) out.set(s.name, 'changed');
  for (const s of diff.steps.removed) out.set(s.name, 'removed');
  return out;
}

function withLegend(mermaid: string, legend: boolean): string {
  if (!legend) return mermaid;
  return `${mermaid}  subgraph legend["Legend"]\n    l0["added"]:::added\n    l1["changed"]:::changed\n    l2["removed"]:::removed\n    l3["unchanged"]:::unchanged\n  end\n`;
}

/** One node per model (with its step count and changes) and the edges between models. */
function collapse(
  graph: StepGraph,
  models: ReadonlyMap<string, string>,
  classes: Map<string, string> | undefined,
): { text: string; edges: number } {
  const modelOf = (step: string): string => models.get(step) ?? '(other)';
  const names = [...new Set(graph.nodes.map((n) => modelOf(n.name)))];
  const counts = new Map<string, Map<string, number>>();
  for (const n of graph.nodes) {
    const m = modelOf(n.name);
    const c = counts.get(m) ?? new Map<string, number>();
    const k = classes?.get(n.name) ?? 'steps';
    c.set(k, (c.get(k) ?? 0) + 1);
    counts.set(m, c);
  }
  const nodes = names.map((m) => {
    const c = counts.get(m) ?? new Map<string, number>();
    const total = [...c.values()].reduce((a, b) => a + b, 0);
    const detail = [...c].filter(([k]) => k !== 'steps' && k !== 'unchanged').map(([k, v]) => `${v} ${k}`);
    return { name: m, type: `${total} steps${detail.length ? `, ${detail.join(', ')}` : ''}` };
  });
  const edges = new Map<string, { from: string; to: string; kind: 'depends' | 'data' }>();
  for (const e of graph.edges) {
    const from = modelOf(e.from);
    const to = modelOf(e.to);
    if (from !== to) edges.set(`${from}\u0000${to}`, { from, to, kind: 'depends' });
  }
  return { text: renderMermaid({ nodes, edges: [...edges.values()] }), edges: edges.size };
}
