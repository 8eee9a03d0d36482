// The plan as Markdown, for the PR comment, the job summary and plan.md. Pure: returns a string.
// Always fits GitHub's comment limit: details collapse first, then the table, then the graph, while the
// headline, a graph or summary, and the plan hash always stay.
import type { FieldChange, StepChange } from '../plan/diff.js';
import type { PlanView } from '../plan/view.js';

export type { PlanView } from '../plan/view.js';
import { formatBytes } from '../plan/summary.js';
import { htmlText, mdCode, mdFence, mdText } from './escape.js';
import { renderMarker } from './marker.js';
import { packageMarkdown, scheduleChange, scheduleMarkdown } from './plan-registry.js';

/** GitHub refuses bodies over 65,536 characters; we budget 60,000 characters and bytes. */
export const BODY_BUDGET = 60_000;

export function headline(view: PlanView): string {
  const d = view.diff;
  const name = mdCode(view.pipeline, false);
  const schedule = scheduleChange(view);
  if (view.deployed !== 'read' || d.status === 'created') {
    const verb = view.deployed === 'none' ? 'New pipeline' : 'Pipeline';
    return `${verb} ${name}: ${view.steps} step${view.steps === 1 ? '' : 's'}${schedule ? `, ${schedule}` : ''}`;
  }
  if (d.status === 'unchanged')
    return schedule
      ? `${schedule.replace(/^./, (c) => c.toUpperCase())} in ${name} (steps unchanged)`
      : `No changes to ${name} (${view.steps} step${view.steps === 1 ? '' : 's'})`;
  const parts: string[] = [];
  const n = (k: number, what: string): void => {
    if (k > 0) parts.push(`${k} step${k === 1 ? '' : 's'} ${what}`);
  };
  n(d.steps.changed.length, 'changed');
  n(d.steps.added.length, 'added');
  n(d.steps.removed.length, 'removed');
  const edges = d.edges.added.length + d.edges.removed.length;
  if (edges > 0) parts.push(`${edges} edge${edges === 1 ? '' : 's'} changed`);
  const params = d.parameters.added.length + d.parameters.removed.length + d.parameters.changed.length;
  if (params > 0) parts.push(`${params} parameter${params === 1 ? '' : 's'} changed`);
  if (d.pipelineFields.length > 0) parts.push('pipeline settings changed');
  if (schedule) parts.push(schedule);
  return `${parts.join(', ').replace(/^./, (c) => c.toUpperCase())} in ${name}`;
}

interface Level {
  details: boolean;
  tableRows: number;
  graph: 'full' | 'none';
  artifacts: boolean;
  warnings: number;
}

const LEVELS: Level[] = [
  { details: true, tableRows: Infinity, graph: 'full', artifacts: true, warnings: Infinity },
  { details: false, tableRows: Infinity, graph: 'full', artifacts: true, warnings: Infinity },
  { details: false, tableRows: 50, graph: 'full', artifacts: false, warnings: 10 },
  { details: false, tableRows: 20, graph: 'none', artifacts: false, warnings: 5 },
  { details: false, tableRows: 0, graph: 'none', artifacts: false, warnings: 0 },
];

export function renderPlanComment(view: PlanView, budget = BODY_BUDGET): string {
  for (const level of LEVELS) {
    const body = render(view, level);
    if (body.length <= budget && Buffer.byteLength(body, 'utf8') <= budget) return body;
  }
  // Extra sections (run reports) can be large too: keep marker, headline, summary and hash, and say so.
  const minimal = render(
    {
      ...view,
      extra: ['<sub>The execution report was too large for a comment: see the job summary and log.</sub>'],
    },
    LEVELS[LEVELS.length - 1] as Level,
  );
  if (minimal.length <= budget && Buffer.byteLength(minimal, 'utf8') <= budget) return minimal;
  return [
    renderMarker({ pipeline: view.pipeline, planHash: view.planHash }),
    `### smp plan: ${headline(view)}`,
    '',
    `<sub>Plan hash ${mdCode(view.planHash)}</sub>`,
    '',
  ].join('\n');
}

function render(view: PlanView, level: Level): string {
  const out: string[] = [renderMarker({ pipeline: view.pipeline, planHash: view.planHash })];
  const omitted: string[] = [];
  out.push(`### smp plan: ${headline(view)}`, '');
  if (view.deployed === 'unknown')
    out.push(
      `> [!NOTE]\n> Compared with nothing: ${mdText(view.deployedNote ?? 'the deployed pipeline could not be read')}.`,
      '',
    );

  if (level.graph === 'full') {
    if (view.graphNotice) out.push(`> ${mdText(view.graphNotice)}`, '');
    out.push(mdFence(view.mermaid.trimEnd(), 'mermaid', true), '');
  } else {
    omitted.push('the graph');
    out.push(graphSummary(view), '');
  }

  const rows = changeRows(view);
  if (rows.length > 0 && level.tableRows > 0) {
    out.push('| step | change | what |', '|---|---|---|');
    for (const r of rows.slice(0, level.tableRows)) out.push(r);
    if (rows.length > level.tableRows) out.push(`| … | ${rows.length - level.tableRows} more | |`);
    out.push('');
  } else if (rows.length > 0) {
    omitted.push('the table of changes');
  }
  if (rows.length > level.tableRows && level.tableRows > 0)
    omitted.push(`${rows.length - level.tableRows} table rows`);

  out.push(...packageMarkdown(view), ...scheduleMarkdown(view));

  const changed = view.diff.steps.changed.filter((c) => c.fields.length > 0 || c.code.length > 0);
  if (level.details) {
    for (const c of changed) out.push(stepDetails(c), '');
  } else if (changed.length > 0) {
    omitted.push('field-by-field details');
  }

  if (level.artifacts && view.artifacts.length > 0) {
    const total = view.artifacts.reduce((n, a) => n + a.bytes, 0);
    out.push(
      `<details><summary>Artifacts to upload: ${view.artifacts.length} (${formatBytes(total)} before gzip)</summary>`,
      '',
    );
    out.push('| object | size | contents |', '|---|---|---|');
    for (const a of view.artifacts)
      out.push(`| ${mdCode(a.key)} | ${formatBytes(a.bytes)} | ${mdText(a.description)} |`);
    out.push('', '</details>', '');
  } else if (view.artifacts.length > 0) {
    omitted.push('the artifact list');
  }

  const warnings = view.warnings.slice(0, level.warnings);
  if (warnings.length > 0) {
    out.push(`**Warnings (${view.warnings.length})**`, '');
    for (const w of warnings)
      out.push(`- ${w.loc ? `${mdCode(`${w.loc.file}:${w.loc.line}`)} ` : ''}${mdText(w.message)}`);
    out.push('');
  }
  if (view.warnings.length > warnings.length)
    omitted.push(`${view.warnings.length - warnings.length} warnings`);

  for (const e of view.extra ?? []) out.push(e, '');
  if (omitted.length > 0) {
    out.push(
      `<sub>Left out to fit GitHub's comment size: ${omitted.join(', ')}. Run \`smp plan --out DIR\` for everything.</sub>`,
      '',
    );
  }
  out.push(`<sub>Plan hash ${mdCode(view.planHash)}</sub>`, '');
  return out.join('\n');
}

function graphSummary(view: PlanView): string {
  const d = view.diff.steps;
  return `${view.steps} step${view.steps === 1 ? '' : 's'}: ${d.added.length} added, ${d.changed.length} changed, ${d.removed.length} removed, ${d.unchanged.length} unchanged.`;
}

function changeRows(view: PlanView): string[] {
  if (view.deployed !== 'read') return [];
  const d = view.diff;
  const renamedTo = new Map(d.renamed.map((r) => [r.to, r.from]));
  const renamedFrom = new Map(d.renamed.map((r) => [r.from, r.to]));
  const rows: string[] = [];
  for (const s of d.steps.added) {
    const from = renamedTo.get(s.name);
    rows.push(
      `| ${mdCode(s.name)} | added | ${mdText(s.type)}${from ? ` (looks like a rename of ${mdCode(from)})` : ''} |`,
    );
  }
  for (const s of d.steps.removed) {
    const to = renamedFrom.get(s.name);
    rows.push(
      `| ${mdCode(s.name)} | removed | ${mdText(s.type)}${to ? ` (renamed to ${mdCode(to)}?)` : ''} |`,
    );
  }
  for (const c of d.steps.changed) rows.push(`| ${mdCode(c.name)} | changed | ${changeSummary(c)} |`);
  for (const e of d.edges.added)
    rows.push(
      `| ${mdCode(e.to)} | edge added | from ${mdCode(e.from)} (${e.kind === 'depends' ? 'DependsOn' : 'data'}) |`,
    );
  for (const e of d.edges.removed)
    rows.push(
      `| ${mdCode(e.to)} | edge removed | from ${mdCode(e.from)} (${e.kind === 'depends' ? 'DependsOn' : 'data'}) |`,
    );
  for (const p of [...d.parameters.added, ...d.parameters.removed, ...d.parameters.changed]) {
    rows.push(
      `| parameter ${mdCode(p.name)} | ${p.old === undefined ? 'added' : p.new === undefined ? 'removed' : 'changed'} | ${parameterChange(p)} |`,
    );
  }
  for (const f of d.pipelineFields) rows.push(`| pipeline | changed | ${fieldLine(f, true)} |`);
  return rows;
}

function parameterChange(p: { readonly old: string | undefined; readonly new: string | undefined }): string {
  if (p.old !== undefined && p.new !== undefined) return `${mdCode(p.old)} → ${mdCode(p.new)}`;
  return mdCode(p.new ?? p.old ?? '');
}

function changeSummary(c: StepChange): string {
  const parts = c.fields.slice(0, 3).map((f) => fieldLine(f, true));
  if (c.fields.length > 3) parts.push(`${c.fields.length - 3} more fields`);
  if (c.code.length > 0) parts.push(codeLine(c));
  return parts.join('<br>');
}

function codeLine(c: StepChange): string {
  const first = c.code[0];
  if (!first) return '';
  const artifacts = [...new Set(c.code.map((x) => x.artifact))].join(', ');
  return `code changed (${mdText(artifacts)} sha256 ${mdCode(first.oldSha.slice(0, 8))}… → ${mdCode(first.newSha.slice(0, 8))}…)`;
}

function fieldLine(f: FieldChange, inline: boolean): string {
  const path = inline ? mdCode(f.path) : f.path;
  if (f.redacted) return `${path}: ${f.kind === 'changed' ? 'changed' : f.kind} (value hidden)`;
  const v = (x: string | undefined): string =>
    x === undefined ? '∅' : inline ? mdCode(truncate(x)) : truncate(x);
  return `${path}: ${v(f.old)} → ${v(f.new)}`;
}

function stepDetails(c: StepChange): string {
  const lines = c.fields.map((f) => fieldLine(f, false));
  for (const x of c.code)
    lines.push(
      `${x.path}: code changed (${x.artifact} sha256 ${x.oldSha.slice(0, 12)}… → ${x.newSha.slice(0, 12)}…)`,
    );
  return `<details><summary>${htmlText(c.name)}: ${c.fields.length + c.code.length} change${c.fields.length + c.code.length === 1 ? '' : 's'}</summary>\n\n${mdFence(lines.join('\n'))}\n\n</details>`;
}

function truncate(s: string): string {
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}
