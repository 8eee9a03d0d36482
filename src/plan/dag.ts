// The planned DAG as Mermaid with the diff overlaid, readable at comment width whatever the size: up to
// READABLE_STEPS steps one graph of every step; above that, one node per model first, then each changed model's
// steps in its own graph. Every diagram stays within GitHub's rendering limits.
import { allDefinitionSteps } from '../compile/branches.js';
import type { PipelineDefinition } from '../compile/types.js';
import type { DefinitionDiff } from './diff.js';
import { stepEdits } from './changes.js';
import { stepGraph } from './graph.js';
import type { GraphEdge, StepGraph } from './graph.js';
import { edgeKey, renderMermaid } from './mermaid.js';
import type { MermaidNode, NodeStatus } from './mermaid.js';

/** GitHub renders at most 500 edges and 50,000 characters per diagram; we stay well inside. */
export const MAX_EDGES = 400;
export const MAX_MERMAID_CHARS = 40_000;
/** Above this many steps a single graph shrinks below readable text at comment width (~780 px). */
export const READABLE_STEPS = 15;

/** Colour plus a thicker border (and a badge in the label): a change reads in grayscale too. */
export const CLASS_DEFS = [
  'classDef added fill:#dafbe1,stroke:#1a7f37,color:#0f5323,stroke-width:3px',
  'classDef changed fill:#fff8c5,stroke:#9a6700,color:#4d2d00,stroke-width:3px',
  'classDef removed fill:#ffebe9,stroke:#cf222e,color:#82071e,stroke-width:3px,stroke-dasharray:5 5',
  'classDef unchanged fill:#ffffff,stroke:#8c959f,color:#24292f',
];

export interface DetailGraph {
  readonly model: string;
  /** `3 changed, 1 added of 6 steps` */
  readonly summary: string;
  readonly mermaid: string;
}

export interface Dag {
  /** The first graph: every step, or one node per model above READABLE_STEPS. */
  readonly mermaid: string;
  readonly overview: boolean;
  /** With an overview: each changed model's steps (every model's for a pipeline without a diff). */
  readonly details: readonly DetailGraph[];
  /** One line under the graph saying what its marks mean. */
  readonly caption: string;
  /** Set when something could not be drawn. */
  readonly notice: string | undefined;
}

const ARROWS = 'Solid arrow: runs after (DependsOn); dotted arrow: reads its output';
const MARKS = '➕ added, ✏️ changed, ➖ removed (thick border); plain: unchanged';

const fits = (text: string, edges: number): boolean => edges <= MAX_EDGES && text.length <= MAX_MERMAID_CHARS;

export function planDag(
  planned: PipelineDefinition,
  models: ReadonlyMap<string, string>,
  diff?: DefinitionDiff,
): Dag {
  const graph = stepGraph(planned);
  const classes = diff ? statusOf(planned, diff) : undefined;
  const allModels = new Map(models);
  const removed: MermaidNode[] = [];
  for (const s of diff?.steps.removed ?? []) {
    const model = removedModel(s.name, diff as DefinitionDiff, models);
    if (model !== undefined) allModels.set(s.name, model);
    removed.push({ name: s.name, type: s.type, ...(model !== undefined ? { model } : {}) });
  }
  const removedEdges = diff?.edges.removed ?? [];
  const addedEdges = new Set((diff?.edges.added ?? []).map(edgeKey));
  const classDefs = diff ? CLASS_DEFS : undefined;
  const captionOf = (extra: string): string =>
    [
      ...(extra ? [extra] : []),
      ...(diff ? [MARKS] : []),
      ARROWS,
      ...(removedEdges.length ? ['“➖ removed” arrow: a dependency the plan drops'] : []),
    ].join('. ') + '.';
  const total = graph.nodes.length + removed.length;

  if (total <= READABLE_STEPS) {
    const full = renderMermaid(graph, {
      models,
      classes,
      classDefs,
      extraNodes: removed,
      removedEdges,
      addedEdges,
    });
    if (fits(full, graph.edges.length + removedEdges.length))
      return { mermaid: full, overview: false, details: [], caption: captionOf(''), notice: undefined };
  }

  const overview = collapse(graph, removed, allModels, classes, removedEdges);
  const modelCount = new Set(graph.nodes.map((n) => allModels.get(n.name) ?? OTHER)).size;
  if (!fits(overview.text, overview.edges)) {
    return {
      mermaid: renderMermaid({
        nodes: [{ name: `${graph.nodes.length} steps`, type: 'too many to draw' }],
        edges: [],
      }),
      overview: true,
      details: [],
      caption: '',
      notice: `The graph (${graph.nodes.length} steps, ${graph.edges.length} edges, ${modelCount} models) is too large for GitHub to draw, even one node per model; the table lists every change.`,
    };
  }
  const details: DetailGraph[] = [];
  const skipped: string[] = [];
  for (const [model, members] of overview.members) {
    const changed = members.filter((n) => (classes?.get(n.name) ?? 'unchanged') !== 'unchanged');
    if (diff && changed.length === 0) continue;
    const names = new Set(members.map((n) => n.name));
    const inside = (e: GraphEdge): boolean => names.has(e.from) && names.has(e.to);
    const sub: StepGraph = {
      nodes: graph.nodes.filter((n) => names.has(n.name)),
      edges: graph.edges.filter(inside),
    };
    const text = renderMermaid(sub, {
      models: allModels,
      classes,
      classDefs,
      extraNodes: removed.filter((n) => names.has(n.name)),
      removedEdges: removedEdges.filter(inside),
      addedEdges,
    });
    if (!fits(text, sub.edges.length)) {
      skipped.push(model);
      continue;
    }
    details.push({ model, summary: countsText(members, classes), mermaid: text });
  }
  return {
    mermaid: overview.text,
    overview: true,
    details,
    caption: captionOf(
      `${graph.nodes.length} steps in ${overview.members.size} models: one box per model, an arrow where a step of one model depends on a step of another; ${diff ? "each changed model's steps follow" : "each model's steps follow"}`,
    ),
    notice: skipped.length
      ? `Too large to draw step by step: ${skipped.join(', ')}; the table lists every change.`
      : undefined,
  };
}

const OTHER = '(other)';

/** Each step's status: added, removed, changed (fields, code or its upstream edges) or unchanged. */
function statusOf(planned: PipelineDefinition, diff: DefinitionDiff): Map<string, NodeStatus> {
  const out = new Map<string, NodeStatus>();
  for (const s of allDefinitionSteps(planned.Steps)) out.set(s.Name, 'unchanged');
  for (const e of stepEdits(diff)) out.set(e.name, e.status);
  return out;
}

/**
 * The model a removed step belonged to: that of the steps it was linked with in the deployed pipeline, else of
 * the planned step sharing the longest name prefix (`churn-Train` with `churn-Preprocess`). The deployed
 * definition has no model names, so this is an inference; undefined draws the step outside every model.
 */
function removedModel(
  name: string,
  diff: DefinitionDiff,
  models: ReadonlyMap<string, string>,
): string | undefined {
  const votes = new Map<string, number>();
  for (const e of diff.edges.removed) {
    const other = e.from === name ? e.to : e.to === name ? e.from : undefined;
    const m = other === undefined ? undefined : models.get(other);
    if (m !== undefined) votes.set(m, (votes.get(m) ?? 0) + 1);
  }
  const best = [...votes].sort((a, b) => b[1] - a[1])[0];
  if (best) return best[0];
  let bestLen = 0;
  let bestModel: string | undefined;
  for (const [step, model] of models) {
    let i = 0;
    while (i < step.length && i < name.length && step[i] === name[i]) i++;
    if (i > bestLen) [bestLen, bestModel] = [i, model];
  }
  return bestLen >= 3 ? bestModel : undefined;
}

function countsText(
  members: readonly MermaidNode[],
  classes: ReadonlyMap<string, NodeStatus> | undefined,
): string {
  const n = (s: NodeStatus): number => members.filter((m) => classes?.get(m.name) === s).length;
  const parts = (['changed', 'added', 'removed'] as const).filter((s) => n(s) > 0).map((s) => `${n(s)} ${s}`);
  const steps = members.filter((m) => classes?.get(m.name) !== 'removed').length;
  return `${steps} step${steps === 1 ? '' : 's'}${parts.length ? `, ${parts.join(', ')}` : ''}`;
}

/** One node per model (with its step count and changes) and the edges between models. */
function collapse(
  graph: StepGraph,
  removed: readonly MermaidNode[],
  models: ReadonlyMap<string, string>,
  classes: ReadonlyMap<string, NodeStatus> | undefined,
  removedEdges: readonly GraphEdge[],
): { text: string; edges: number; members: Map<string, MermaidNode[]> } {
  const modelOf = (step: string): string => models.get(step) ?? OTHER;
  const members = new Map<string, MermaidNode[]>();
  for (const n of [...graph.nodes, ...removed]) {
    const m = modelOf(n.name);
    members.set(m, [...(members.get(m) ?? []), n]);
  }
  const status = new Map<string, NodeStatus>();
  const nodes = [...members].map(([m, ms]) => {
    const st = ms.map((x) => classes?.get(x.name) ?? 'unchanged');
    status.set(
      m,
      st.every((s) => s === 'added')
        ? 'added'
        : st.every((s) => s === 'removed')
          ? 'removed'
          : st.some((s) => s !== 'unchanged')
            ? 'changed'
            : 'unchanged',
    );
    return { name: m, type: countsText(ms, classes) };
  });
  const between = (es: readonly GraphEdge[]): Map<string, GraphEdge> => {
    const out = new Map<string, GraphEdge>();
    for (const e of es) {
      const from = modelOf(e.from);
      const to = modelOf(e.to);
      if (from !== to) out.set(edgeKey({ from, to }), { from, to, kind: 'depends' });
    }
    return out;
  };
  const now = between(graph.edges);
  const gone = [...between(removedEdges)].filter(([k]) => !now.has(k)).map(([, e]) => e);
  const text = renderMermaid(
    { nodes, edges: [...now.values()] },
    classes ? { classes: status, classDefs: CLASS_DEFS, removedEdges: gone, statusWords: false } : {},
  );
  return { text, edges: now.size + gone.length, members };
}

/** Execution step status → class, badge and word, for the run's DAG in the job summary. */
const RUN_STATUS: Readonly<Record<string, { cls: string; badge: string; word: string }>> = {
  Succeeded: { cls: 'succeeded', badge: '✅', word: 'succeeded' },
  Failed: { cls: 'failed', badge: '❌', word: 'failed' },
  Stopped: { cls: 'stopped', badge: '⏹️', word: 'stopped' },
  Stopping: { cls: 'stopped', badge: '⏹️', word: 'stopping' },
  Executing: { cls: 'running', badge: '⏳', word: 'running' },
  Starting: { cls: 'running', badge: '⏳', word: 'starting' },
};
const NOT_RUN = { cls: 'notrun', badge: '⚪', word: 'not run' };

const RUN_CLASS_DEFS = [
  'classDef succeeded fill:#dafbe1,stroke:#1a7f37,color:#0f5323',
  'classDef failed fill:#ffebe9,stroke:#cf222e,color:#82071e,stroke-width:3px',
  'classDef stopped fill:#fff8c5,stroke:#9a6700,color:#4d2d00,stroke-width:3px',
  'classDef running fill:#ddf4ff,stroke:#0969da,color:#0a3069,stroke-width:3px',
  'classDef notrun fill:#ffffff,stroke:#8c959f,color:#57606a,stroke-dasharray:3 3',
];

/**
 * The planned DAG coloured and badged by each step's execution status (steps the execution never reached
 * are "not run"). Undefined above READABLE_STEPS: there the step table is the readable view.
 */
export function runDag(
  planned: PipelineDefinition,
  models: ReadonlyMap<string, string>,
  statuses: ReadonlyMap<string, string>,
): string | undefined {
  const graph = stepGraph(planned);
  if (graph.nodes.length > READABLE_STEPS) return undefined;
  const of = (name: string): { cls: string; badge: string; word: string } =>
    RUN_STATUS[statuses.get(name) ?? ''] ?? NOT_RUN;
  const badges: Record<string, { badge: string; word: string }> = {};
  for (const v of [...Object.values(RUN_STATUS), NOT_RUN]) badges[v.cls] = { badge: v.badge, word: v.word };
  const text = renderMermaid(graph, {
    models,
    classes: new Map(graph.nodes.map((n) => [n.name, of(n.name).cls])),
    classDefs: RUN_CLASS_DEFS,
    badges,
  });
  return fits(text, graph.edges.length) ? text : undefined;
}
