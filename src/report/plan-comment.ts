// The plan as Markdown, for the PR comment, the job summary and plan.md. Pure: returns a string.
// Reads top-down as a reviewer needs it: the verdict, every config warning, the graph (with a caption), one
// table row per changed step, code changes once per bundle, field details, artifacts, then where it came from.
// Always fits GitHub's comment limit: details collapse first, then the table, then the graph, while the
// headline, a graph or summary, and the plan hash always stay.
import type { Loc } from '../config/diagnostics.js';
import { stepEdits } from '../plan/changes.js';
import type { StepEdit } from '../plan/changes.js';
import type { CodeChange, FieldChange } from '../plan/diff.js';
import { BADGE } from '../plan/mermaid.js';
import type { PlanView } from '../plan/view.js';
import { fieldSource } from '../plan/sources.js';
import { formatBytes } from '../plan/summary.js';
import { edgeWords, fieldName, renameWords } from './edit-words.js';
import { htmlText, mdCode, mdFence, mdText } from './escape.js';
import { renderMarker } from './marker.js';
import { packageMarkdown, scheduleMarkdown } from './plan-registry.js';
import { headline } from './verdict.js';

export type { PlanView } from '../plan/view.js';
export { headline } from './verdict.js';

/** GitHub refuses bodies over 65,536 characters; we budget 60,000 characters and bytes. */
export const BODY_BUDGET = 60_000;

interface Level {
  details: boolean;
  graphDetails: boolean;
  tableRows: number;
  graph: 'full' | 'none';
  artifacts: boolean;
  warnings: number;
}

const LEVELS: Level[] = [
  {
    details: true,
    graphDetails: true,
    tableRows: Infinity,
    graph: 'full',
    artifacts: true,
    warnings: Infinity,
  },
  {
    details: false,
    graphDetails: true,
    tableRows: Infinity,
    graph: 'full',
    artifacts: true,
    warnings: Infinity,
  },
  {
    details: false,
    graphDetails: false,
    tableRows: Infinity,
    graph: 'full',
    artifacts: true,
    warnings: Infinity,
  },
  { details: false, graphDetails: false, tableRows: 50, graph: 'full', artifacts: false, warnings: 10 },
  { details: false, graphDetails: false, tableRows: 20, graph: 'none', artifacts: false, warnings: 5 },
  { details: false, graphDetails: false, tableRows: 0, graph: 'none', artifacts: false, warnings: 0 },
];

const fitsBudget = (body: string, budget: number): boolean =>
  body.length <= budget && Buffer.byteLength(body, 'utf8') <= budget;

export function renderPlanComment(view: PlanView, budget = BODY_BUDGET): string {
  for (const level of LEVELS) {
    const body = render(view, level);
    if (fitsBudget(body, budget)) return body;
  }
  // Extra sections (run reports) can be large too: keep marker, headline, summary and hash, and say so.
  const minimal = render(
    {
      ...view,
      extra: ['<sub>The execution report was too large for a comment: see the job summary and log.</sub>'],
    },
    LEVELS[LEVELS.length - 1] as Level,
  );
  if (fitsBudget(minimal, budget)) return minimal;
  return [...top(view), '', footer(view), ''].join('\n');
}

/** Marker, title and the verdict line. */
function top(view: PlanView): string[] {
  return [
    renderMarker({ pipeline: view.pipeline, planHash: view.planHash }),
    `### smp plan: ${mdCode(view.pipeline, false)}`,
    '',
    `**${mdText(headline(view))}**`,
  ];
}

function render(view: PlanView, level: Level): string {
  const out: string[] = [...top(view), ''];
  const omitted: string[] = [];
  for (const s of view.status ?? []) out.push(s, '');
  const warnings = view.warnings.slice(0, level.warnings);
  if (warnings.length > 0) {
    const more = view.warnings.length - warnings.length;
    out.push(
      '> [!WARNING]',
      `> **${view.warnings.length} config warning${view.warnings.length === 1 ? '' : 's'}** (\`strict: true\` makes them errors)`,
      '>',
    );
    for (const w of warnings) out.push(`> - ${w.loc ? `${locLink(view, w.loc)}: ` : ''}${mdText(w.message)}`);
    if (more > 0) out.push(`> - … and ${more} more (see the job log)`);
    out.push('');
  } else if (view.warnings.length > 0) {
    omitted.push(`${view.warnings.length} warnings`);
  }
  if (view.deployed === 'unknown')
    out.push(
      `> [!NOTE]\n> Compared with nothing: ${mdText(view.deployedNote ?? 'the deployed pipeline could not be read')}.`,
      '',
    );

  if (level.graph === 'full') {
    if (view.graphNotice) out.push(`> ${mdText(view.graphNotice)}`, '');
    out.push(mdFence(view.mermaid.trimEnd(), 'mermaid', true));
    if (view.graphCaption) out.push(`<sub>${mdText(view.graphCaption)}</sub>`);
    out.push('');
    const details = view.graphDetails ?? [];
    if (level.graphDetails) {
      for (const g of details)
        out.push(
          `<details><summary>${htmlText(`${g.model}: ${g.summary}`)}</summary>`,
          '',
          mdFence(g.mermaid.trimEnd(), 'mermaid', true),
          '',
          '</details>',
          '',
        );
    } else if (details.length > 0) {
      omitted.push("each model's step graph");
    }
  } else {
    omitted.push('the graph');
    out.push(graphSummary(view), '');
  }

  const rows = changeRows(view);
  if (rows.length > 0 && level.tableRows > 0) {
    out.push('| step | change | what changed |', '|---|---|---|');
    for (const r of rows.slice(0, level.tableRows)) out.push(r);
    if (rows.length > level.tableRows) out.push(`| … | ${rows.length - level.tableRows} more | |`);
    out.push('');
  } else if (rows.length > 0) {
    omitted.push('the table of changes');
  }
  if (rows.length > level.tableRows && level.tableRows > 0)
    omitted.push(`${rows.length - level.tableRows} table rows`);

  out.push(...packageMarkdown(view), ...scheduleMarkdown(view));

  const code = view.deployed === 'read' ? codeSection(view) : [];
  if (code.length > 0 && level.tableRows > 0) out.push(...code, '');

  const detailed = view.deployed === 'read' ? view.diff.steps.changed.filter((c) => c.fields.length > 0) : [];
  if (level.details) {
    for (const c of detailed) out.push(stepDetails(view, c.name, c.fields), '');
  } else if (detailed.length > 0) {
    omitted.push('field-by-field details');
  }

  if (level.artifacts && view.artifacts.length > 0) {
    const total = view.artifacts.reduce((n, a) => n + a.bytes, 0);
    out.push(
      `<details><summary>Artifacts to upload: ${view.artifacts.length} (${formatBytes(total)} before gzip)</summary>`,
      '',
    );
    out.push('| object | size | contents |', '|---|---|---|');
    // A no-break space keeps a size on one line (`20.0 KiB`) in a narrow column.
    for (const a of view.artifacts)
      out.push(
        `| ${mdCode(shortKey(a.key))} | ${formatBytes(a.bytes).replace(' ', '\u00a0')} | ${mdText(a.description)} |`,
      );
    out.push('', '</details>', '');
  } else if (view.artifacts.length > 0) {
    omitted.push('the artifact list');
  }

  for (const e of view.extra ?? []) out.push(e, '');
  if (omitted.length > 0) {
    out.push(
      `<sub>Left out to fit GitHub's comment size: ${omitted.join(', ')}. Run \`smp plan --out DIR\` for everything.</sub>`,
      '',
    );
  }
  out.push(footer(view), '');
  return out.join('\n');
}

/**
 * An artifact key with its content hash cut to 12 digits (`p/code/294496b7f726…/sourcedir.tar.gz`): the full
 * 64 make the table wider than a comment, and `smp plan --out` lists the full keys in artifacts.json.
 */
function shortKey(key: string): string {
  return key.replace(/\/code\/([0-9a-f]{12})[0-9a-f]{52}\//, '/code/$1…/');
}

/** Provenance: the commit and run that planned it, what it was compared with, the plan hash. */
function footer(view: PlanView): string {
  const p = view.provenance;
  const parts: string[] = [];
  if (p?.commitSha) {
    const sha = mdCode(p.commitSha.slice(0, 7), false);
    parts.push(`Planned from ${p.commitUrl ? `[${sha}](${p.commitUrl})` : sha}`);
  }
  if (p?.runUrl) parts.push(`in [${mdText(p.runLabel ?? 'this run')}](${p.runUrl})`);
  const about = [
    ...(p?.deployedVersion ? [`version ${mdCode(p.deployedVersion, false)}`] : []),
    ...(p?.deployedModified ? [`last modified ${mdText(p.deployedModified.replace(/\.\d{3}Z$/, 'Z'))}`] : []),
  ];
  const compared =
    view.deployed === 'read'
      ? `compared with the deployed pipeline ${mdCode(view.pipeline, false)}${about.length > 0 ? ` (${about.join(', ')})` : ''}`
      : view.deployed === 'none'
        ? `no pipeline ${mdCode(view.pipeline, false)} is deployed yet`
        : 'not compared with the deployed pipeline';
  parts.push(parts.length > 0 ? compared : compared.replace(/^./, (c) => c.toUpperCase()));
  return `<sub>${parts.join(' ')} · plan hash ${mdCode(view.planHash, false)}</sub>`;
}

/** `file:line`, linked to the PR head's blob when the view knows it (and the file is in the repository). */
export function locLink(view: PlanView, loc: Loc): string {
  const text = mdCode(`${loc.file}:${loc.line}`);
  const base = view.provenance?.blobBase;
  if (!base || loc.file.startsWith('.smp/') || loc.file.startsWith('/') || loc.file.includes('..'))
    return text;
  const url = `${base}${loc.file.split('/').map(urlSegment).join('/')}#L${loc.line}`;
  return `[${text}](${url})`;
}

/** A path segment inside a Markdown link target: nothing that ends the link or the URL. */
function urlSegment(s: string): string {
  return encodeURIComponent(s).replace(/[()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function graphSummary(view: PlanView): string {
  const d = view.diff.steps;
  return `${view.steps} step${view.steps === 1 ? '' : 's'}: ${d.added.length} added, ${d.changed.length} changed, ${d.removed.length} removed, ${d.unchanged.length} unchanged.`;
}

function changeRows(view: PlanView): string[] {
  if (view.deployed !== 'read') return [];
  const d = view.diff;
  const rows = stepEdits(d).map(
    (e) => `| ${BADGE[e.status]} ${mdCode(e.name)} | ${e.status} | ${editSummary(view, e)} |`,
  );
  for (const p of d.parameters.added)
    rows.push(`| ➕ parameter ${mdCode(p.name)} | added | ${parameterCell(undefined, p.new)} |`);
  for (const p of d.parameters.removed) rows.push(`| ➖ parameter ${mdCode(p.name)} | removed | |`);
  for (const p of d.parameters.changed)
    rows.push(`| ✏️ parameter ${mdCode(p.name)} | changed | ${parameterCell(p.old, p.new)} |`);
  for (const f of d.pipelineFields) rows.push(`| ✏️ pipeline | changed | ${fieldCell(view, '', f)} |`);
  return rows;
}

/** A parameter as a readable line (its type and default), old → new. */
function parameterCell(oldText: string | undefined, newText: string | undefined): string {
  if (oldText !== undefined && newText !== undefined) return `${mdCode(oldText)} → ${mdCode(newText)}`;
  return mdCode(newText ?? oldText ?? '');
}

function editSummary(view: PlanView, e: StepEdit): string {
  const code = (x: string): string => mdCode(x);
  const parts: string[] = [];
  if (e.status !== 'changed') parts.push(mdText(e.type));
  const rename = renameWords(e, code);
  if (rename) parts.push(rename);
  const fields = e.change?.fields ?? [];
  for (const f of fields.slice(0, 4)) parts.push(fieldCell(view, e.name, f));
  if (fields.length > 4) parts.push(`${fields.length - 4} more fields (details below)`);
  const bundles = [...new Set((e.change?.code ?? []).map((c) => c.artifact))];
  if (bundles.length > 0)
    parts.push(`code: ${bundles.map((b) => mdCode(b)).join(', ')} changed (see Code changes)`);
  parts.push(...edgeWords(e, code));
  return parts.join('<br>');
}

/** Values short and flat enough to read inline; others are "changed" with the value in the step's details. */
function inlineValue(v: string | undefined): boolean {
  return v === undefined || (v.length <= 60 && !/^[[{]/.test(v));
}

/** `train.instance_type` at [`conf.yaml:24`](…): `a` → `b`; the definition path when no config key made it. */
function fieldCell(view: PlanView, step: string, f: FieldChange): string {
  const src = fieldSource(view.sources, step, f.path);
  const name = fieldName(src, f.path, (x) => mdCode(x), src && locLink(view, src.loc));
  if (f.redacted) return `${name}: ${f.kind} (value hidden)`;
  if (!inlineValue(f.old) || !inlineValue(f.new))
    return `${name}: ${f.kind === 'changed' ? 'changed' : f.kind} (details below)`;
  return `${name}: ${f.old === undefined ? '∅' : mdCode(f.old)} → ${f.new === undefined ? '∅' : mdCode(f.new)}`;
}

/** Code changes once per bundle: what it is, the files that differ (from the manifests), the steps that re-run. */
function codeSection(view: PlanView): string[] {
  const bundles = new Map<string, { change: CodeChange; steps: string[] }>();
  for (const c of view.diff.steps.changed) {
    for (const x of c.code) {
      const k = `${x.artifact}\u0000${x.newSha}`;
      const b = bundles.get(k) ?? { change: x, steps: [] };
      if (!b.steps.includes(c.name)) b.steps.push(c.name);
      bundles.set(k, b);
    }
  }
  if (bundles.size === 0) return [];
  const out = ['**Code changes**', ''];
  for (const { change, steps } of bundles.values()) {
    const artifact = view.artifacts.find((a) => a.key.includes(`/${change.newSha}/`));
    const what = artifact ? mdText(artifact.description) : mdCode(change.artifact, false);
    const files = view.codeFiles?.get(change.newSha);
    const fileText = files
      ? [
          ...files.changed.map((f) => `${mdCode(f, false)} changed`),
          ...files.added.map((f) => `${mdCode(f, false)} added`),
          ...files.removed.map((f) => `${mdCode(f, false)} removed`),
        ].join(', ') || 'no file differs (packaging changed)'
      : 'files not listed (no manifest of the deployed bundle was read)';
    out.push(
      `- ${mdCode(change.artifact, false)} of ${what} (sha256 ${mdCode(change.oldSha.slice(0, 8), false)} → ${mdCode(change.newSha.slice(0, 8), false)}): ${fileText}; re-runs ${steps.map((s) => mdCode(s, false)).join(', ')}`,
    );
  }
  return out;
}

/** One side of a field change; JSON values pretty-printed so a long object reads line by line. */
function side(sign: string, v: string | undefined): string {
  let text = v ?? '∅';
  if (v !== undefined && /^[[{]/.test(v)) {
    try {
      text = JSON.stringify(JSON.parse(v), null, 2);
    } catch {
      // not JSON after all (truncated or plain text): as is
    }
  }
  return text
    .split('\n')
    .map((l, i) => `  ${i === 0 ? sign : ' '} ${l}`)
    .join('\n');
}

function stepDetails(view: PlanView, step: string, fields: readonly FieldChange[]): string {
  // The key, where it is and the definition field each on a line of their own: a code block does not wrap, and
  // one long line (a nested config path, a JSON path) would hide the rest behind a scroll bar.
  const lines = fields.map((f) => {
    const src = fieldSource(view.sources, step, f.path);
    const name = src
      ? `${src.key}${src.written ? '' : ' (not set: default)'}\n  at ${src.loc.file}:${src.loc.line}\n  field ${f.path}`
      : `${f.path}:`;
    if (f.redacted) return `${name}${src ? '\n ' : ''} ${f.kind} (value hidden)`;
    return `${name}\n${side('-', f.old)}\n${side('+', f.new)}`;
  });
  return `<details><summary>${htmlText(step)}: ${fields.length} field${fields.length === 1 ? '' : 's'}</summary>\n\n${mdFence(lines.join('\n'))}\n\n</details>`;
}
