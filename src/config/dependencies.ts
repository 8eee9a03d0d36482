// `dependencies` lines in Airflow notation: `a >> b >> c`, and `[a, b] >> c` / `a >> [b, c]`.
import type { DiagnosticBag, Loc } from './diagnostics.js';
import { didYouMean } from './suggest.js';
import type { CScalar } from './tree.js';
import type { DependencyEdge } from './types.js';

interface NameRef {
  readonly name: string;
  readonly loc: Loc;
}

/** Parses one line; names are checked against `stepNames`. Returns the edges of valid names only. */
export function parseDependencyLine(
  node: CScalar,
  path: string,
  stepNames: ReadonlySet<string>,
  bag: DiagnosticBag,
): DependencyEdge[] {
  const text = String(node.value ?? '');
  const groups: NameRef[][] = [];
  let offset = 0;
  const parts = text.split('>>');
  if (parts.length < 2) {
    bag.error(
      'bad-dependency',
      node.loc,
      path,
      `${path}: \`${text}\` has no \`>>\`: write dependencies as \`upstream >> downstream\` (e.g. \`prep >> train >> register\`)`,
    );
    return [];
  }
  for (const part of parts) {
    const group = parseGroup(part, offset, node, path, bag);
    offset += part.length + 2;
    if (group === undefined) return [];
    groups.push(group);
  }
  let ok = true;
  for (const ref of groups.flat()) {
    if (!stepNames.has(ref.name)) {
      ok = false;
      bag.error(
        'unknown-dependency-step',
        ref.loc,
        path,
        `${path}: no step named \`${ref.name}\` in sagemakerPipeline.models.*.steps${didYouMean(ref.name, stepNames)}`,
      );
    }
  }
  if (!ok) return [];
  const edges: DependencyEdge[] = [];
  for (let i = 0; i + 1 < groups.length; i++) {
    for (const from of groups[i] ?? []) {
      for (const to of groups[i + 1] ?? []) {
        if (from.name === to.name) {
          bag.error(
            'dependency-self-loop',
            to.loc,
            path,
            `${path}: step \`${to.name}\` cannot depend on itself`,
          );
          continue;
        }
        edges.push({ from: from.name, to: to.name, loc: to.loc });
      }
    }
  }
  return edges;
}

function parseGroup(
  part: string,
  offset: number,
  node: CScalar,
  path: string,
  bag: DiagnosticBag,
): NameRef[] | undefined {
  const trimmed = part.trim();
  const lead = part.length - part.trimStart().length;
  const at = (i: number): Loc => columnLoc(node, offset + lead + i);
  if (trimmed === '') {
    bag.error(
      'bad-dependency',
      at(0),
      path,
      `${path}: empty step name around \`>>\` in \`${String(node.value)}\``,
    );
    return undefined;
  }
  if (trimmed.startsWith('[')) {
    if (!trimmed.endsWith(']')) {
      bag.error(
        'bad-dependency',
        at(0),
        path,
        `${path}: \`${trimmed}\` opens \`[\` without closing it: write \`[a, b]\``,
      );
      return undefined;
    }
    const inner = trimmed.slice(1, -1);
    const refs: NameRef[] = [];
    let pos = 1;
    for (const raw of inner.split(',')) {
      const name = raw.trim();
      const at0 = pos + (raw.length - raw.trimStart().length);
      if (name === '') {
        bag.error('bad-dependency', at(at0), path, `${path}: empty name in \`${trimmed}\``);
        return undefined;
      }
      refs.push({ name, loc: at(at0) });
      pos += raw.length + 1;
    }
    return refs;
  }
  if (/[\s,[\]]/.test(trimmed)) {
    bag.error(
      'bad-dependency',
      at(0),
      path,
      `${path}: \`${trimmed}\` is not one step name: separate steps with \`>>\`, or group them as \`[a, b]\``,
    );
    return undefined;
  }
  return [{ name: trimmed, loc: at(0) }];
}

/** Position of character `i` of a one-line scalar; falls back to the scalar's start. */
function columnLoc(node: CScalar, i: number): Loc {
  const text = String(node.value ?? '');
  if (text.includes('\n')) return node.loc;
  if (node.style === 'plain') return { ...node.loc, col: node.loc.col + i };
  if (node.style === 'single' && !text.includes("'")) return { ...node.loc, col: node.loc.col + 1 + i };
  if (node.style === 'double' && !/["\\]/.test(text)) return { ...node.loc, col: node.loc.col + 1 + i };
  return node.loc;
}

/**
 * A cycle in the combined graph, as the list of step names `a → b → … → a`, or undefined. Iterative (an explicit
 * stack), so a 10,000-step chain cannot overflow the call stack.
 */
export function findCycle(
  nodes: readonly string[],
  edges: ReadonlyMap<string, readonly string[]>,
): string[] | undefined {
  const state = new Map<string, 1 | 2>();
  for (const startNode of nodes) {
    if (state.has(startNode)) continue;
    const path: string[] = [startNode];
    const next: number[] = [0];
    state.set(startNode, 1);
    while (path.length > 0) {
      const top = path.length - 1;
      const n = path[top] as string;
      const out = edges.get(n) ?? [];
      const i = next[top] as number;
      if (i >= out.length) {
        state.set(n, 2);
        path.pop();
        next.pop();
        continue;
      }
      next[top] = i + 1;
      const m = out[i] as string;
      const s = state.get(m);
      if (s === 1) return [...path.slice(path.indexOf(m)), m];
      if (s === undefined) {
        state.set(m, 1);
        path.push(m);
        next.push(0);
      }
    }
  }
  return undefined;
}
