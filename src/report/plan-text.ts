// The plan diff as plain text, for terminals and the action log (smp diff, smp plan --against, the "Plan"
// group): one entry per step with its field, code and dependency changes folded in, in the words of the
// comment's table (edit-words.ts). Config text is shown with control characters spelled out.
import type { SourceMap } from '../compile/types.js';
import { shown, visible } from '../config/visible.js';
import { stepEdits } from '../plan/changes.js';
import type { StepEdit } from '../plan/changes.js';
import type { DefinitionDiff } from '../plan/diff.js';
import { fieldSource } from '../plan/sources.js';
import type { FileChanges } from '../plan/view.js';
import { edgeWords, fieldName, renameWords } from './edit-words.js';
import type { PlanView } from './plan-comment.js';
import { headline } from './plan-comment.js';
import { registryText } from './plan-registry.js';

/** Characters of a field value shown in the text diff before it is cut. */
const VALUE_CHARS = 160;

const SIGN: Record<StepEdit['status'], string> = { added: '+', changed: '~', removed: '-' };

export interface DiffTextOptions {
  /** Names changed fields by config key and line. */
  readonly sources?: SourceMap;
  /** Per changed bundle (new sha256): the files that differ. */
  readonly codeFiles?: ReadonlyMap<string, FileChanges>;
}

/** The diff in the comment's words: a line per step added/changed/removed, its changes indented below it. */
export function diffText(diff: DefinitionDiff, opts: DiffTextOptions = {}): string {
  const out: string[] = [];
  const plain = (x: string): string => visible(x);
  // A long value (a JSON object, a joined URI) is cut, as the comment moves it to its details: the full values
  // are in `--format json` and plan.md.
  const value = (x: string | undefined): string => (x === undefined ? '∅' : shown(x, VALUE_CHARS));
  for (const e of stepEdits(diff)) {
    out.push(`${SIGN[e.status]} ${plain(e.name)} (${plain(e.type)}): ${e.status}`);
    const lines: string[] = [];
    const rename = renameWords(e, plain);
    if (rename) lines.push(rename);
    for (const f of e.change?.fields ?? []) {
      const src = fieldSource(opts.sources, e.name, f.path);
      const name = fieldName(src, f.path, plain, src && `${plain(src.loc.file)}:${src.loc.line}`);
      lines.push(
        f.redacted ? `${name}: ${f.kind} (value hidden)` : `${name}: ${value(f.old)} → ${value(f.new)}`,
      );
    }
    // Once per bundle, as the comment's Code changes list: the hashes and, when the manifests were read, the files.
    const bundles = new Map((e.change?.code ?? []).map((c) => [`${c.artifact}\u0000${c.newSha}`, c]));
    for (const c of bundles.values()) {
      const files = opts.codeFiles?.get(c.newSha);
      const list = files
        ? [
            ...files.changed.map((x) => `${plain(x)} changed`),
            ...files.added.map((x) => `${plain(x)} added`),
            ...files.removed.map((x) => `${plain(x)} removed`),
          ].join(', ') || 'no file differs (packaging changed)'
        : undefined;
      lines.push(
        `code: ${c.artifact} changed (sha256 ${c.oldSha.slice(0, 8)} → ${c.newSha.slice(0, 8)})${list ? `: ${list}` : ''}`,
      );
    }
    lines.push(...edgeWords(e, plain));
    out.push(...lines.map((l) => `    ${l}`));
  }
  for (const p of diff.parameters.added) out.push(`+ parameter ${plain(p.name)} (${plain(p.new ?? '')})`);
  for (const p of diff.parameters.removed) out.push(`- parameter ${plain(p.name)} (${plain(p.old ?? '')})`);
  for (const p of diff.parameters.changed)
    out.push(`~ parameter ${plain(p.name)}: ${plain(p.old ?? '')} → ${plain(p.new ?? '')}`);
  for (const f of diff.pipelineFields)
    out.push(`~ pipeline ${f.path}: ${plain(f.old ?? '∅')} → ${plain(f.new ?? '∅')}`);
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
    const body = diffText(view.diff, {
      ...(view.sources ? { sources: view.sources } : {}),
      ...(view.codeFiles ? { codeFiles: view.codeFiles } : {}),
    });
    if (body) lines.push(body);
  }
  lines.push(...registryText(view));
  lines.push(`plan hash ${view.planHash}`);
  return lines.join('\n');
}
