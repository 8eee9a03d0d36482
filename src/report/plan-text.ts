// The plan diff as plain text, for terminals (smp diff / smp plan --against --format text).
import type { SourceMap } from '../compile/types.js';
import type { DefinitionDiff } from '../plan/diff.js';
import type { PlanView } from './plan-comment.js';
import { headline } from './plan-comment.js';
import { registryText } from './plan-registry.js';

const KIND: Record<string, string> = { depends: 'DependsOn', data: 'data' };

/** The diff in the comment's words: steps added/changed/removed, fields by config key and line when known. */
export function diffText(diff: DefinitionDiff, sources?: SourceMap): string {
  const out: string[] = [];
  for (const s of diff.steps.added) out.push(`+ ${s.name} (${s.type})`);
  for (const s of diff.steps.removed) out.push(`- ${s.name} (${s.type})`);
  for (const r of diff.renamed)
    out.push(`  ${r.from} → ${r.to} looks like a rename (${Math.round(r.similarity * 100)}% equal)`);
  for (const c of diff.steps.changed) {
    out.push(`~ ${c.name} (${c.type})`);
    for (const f of c.fields) {
      const src = sources?.get(c.name)?.get(f.path);
      const name = src
        ? `${src.key}${src.written ? '' : ' (not set: default)'} at ${src.loc.file}:${src.loc.line}`
        : f.path;
      out.push(
        f.redacted
          ? `    ${name}: ${f.kind} (value hidden)`
          : `    ${name}: ${f.old ?? '∅'} → ${f.new ?? '∅'}`,
      );
    }
    for (const x of c.code)
      out.push(
        `    ${x.path}: code changed (${x.artifact} sha256 ${x.oldSha.slice(0, 12)}… → ${x.newSha.slice(0, 12)}…)`,
      );
  }
  for (const e of diff.edges.added) out.push(`+ dependency ${e.from} → ${e.to} (${KIND[e.kind]})`);
  for (const e of diff.edges.removed) out.push(`- dependency ${e.from} → ${e.to} (${KIND[e.kind]})`);
  for (const p of diff.parameters.added) out.push(`+ parameter ${p.name} (${p.new ?? ''})`);
  for (const p of diff.parameters.removed) out.push(`- parameter ${p.name} (${p.old ?? ''})`);
  for (const p of diff.parameters.changed) out.push(`~ parameter ${p.name}: ${p.old ?? ''} → ${p.new ?? ''}`);
  for (const f of diff.pipelineFields) out.push(`~ pipeline ${f.path}: ${f.old ?? '∅'} → ${f.new ?? '∅'}`);
  return out.join('\n');
}

/** ANSI colours for the verdict on a terminal: green when nothing changes, yellow for changes or ignored settings. */
export interface TextStyle {
  readonly colour: boolean;
}

/** Whether to colour: a TTY, unless NO_COLOR is set; FORCE_COLOR forces it (https://no-color.org). */
export function wantsColour(env: Readonly<Record<string, string | undefined>>, isTty: boolean): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTty;
}

function paint(text: string, view: PlanView, style: TextStyle | undefined): string {
  if (!style?.colour) return text;
  const calm = view.deployed === 'read' && view.diff.status === 'unchanged' && !text.includes('ignored');
  return `\u001b[1;${calm ? '32' : '33'}m${text}\u001b[0m`;
}

export function planText(view: PlanView, style?: TextStyle): string {
  const lines = [paint(`${view.pipeline}: ${headline(view)}`, view, style)];
  if (view.deployed === 'read') {
    const body = diffText(view.diff, view.sources);
    if (body) lines.push(body);
  }
  lines.push(...registryText(view));
  lines.push(`plan hash ${view.planHash}`);
  return lines.join('\n');
}
