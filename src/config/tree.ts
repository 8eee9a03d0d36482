// The positioned config tree: YAML/JSON parsed into plain nodes that remember where they came from.
import type { Loc } from './diagnostics.js';

export type ScalarValue = string | number | boolean | null;

/** How a scalar was written; lets messages point at a column inside a one-line value. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'block' | 'implicit';

export interface CScalar {
  readonly kind: 'scalar';
  readonly loc: Loc;
  readonly value: ScalarValue;
  readonly style: ScalarStyle;
  /** The text as written, for plain scalars (tells `1.0` from `1`). */
  readonly source?: string;
}

export interface CMapEntry {
  readonly key: string;
  readonly keyLoc: Loc;
  readonly value: CNode;
}

export interface CMap {
  readonly kind: 'map';
  readonly loc: Loc;
  readonly entries: readonly CMapEntry[];
}

export interface CSeq {
  readonly kind: 'seq';
  readonly loc: Loc;
  readonly items: readonly CNode[];
}

export type CNode = CScalar | CMap | CSeq;

export type PathSegment = string | number;

/** Key → entry per mapping, built on first lookup (maps with thousands of models are looked up often). */
const index = new WeakMap<CMap, Map<string, CMapEntry>>();

export function entry(map: CMap, key: string): CMapEntry | undefined {
  let byKey = index.get(map);
  if (!byKey) {
    // Duplicate keys cannot exist: the reader rejects them.
    byKey = new Map(map.entries.map((e) => [e.key, e]));
    index.set(map, byKey);
  }
  return byKey.get(key);
}

export function child(node: CNode, seg: PathSegment): CNode | undefined {
  if (node.kind === 'map' && typeof seg === 'string') return entry(node, seg)?.value;
  if (node.kind === 'seq' && typeof seg === 'number') return node.items[seg];
  return undefined;
}

/** The deepest node along `path` and whether the whole path exists. */
export function locate(
  root: CNode,
  path: readonly PathSegment[],
): { node: CNode; keyLoc?: Loc; found: boolean } {
  let node = root;
  let keyLoc: Loc | undefined;
  for (const seg of path) {
    if (node.kind === 'map' && typeof seg === 'string') {
      const e = entry(node, seg);
      if (!e) return { node, keyLoc, found: false };
      keyLoc = e.keyLoc;
      node = e.value;
      continue;
    }
    const next = child(node, seg);
    if (!next) return { node, keyLoc, found: false };
    keyLoc = undefined;
    node = next;
  }
  return { node, keyLoc, found: true };
}

/** `conf.models.m.steps[1].step_class` */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Plain JS value of a node, with prototype-free objects (keys like `__proto__` were refused on read). */
export function toPlain(node: CNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map': {
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const e of node.entries) out[e.key] = toPlain(e.value);
      return out;
    }
  }
}

export function describeValue(node: CNode): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  const v = node.value;
  if (v === null) return 'nothing (an empty value)';
  if (typeof v === 'string') return `the string ${JSON.stringify(v)}`;
  return `${typeof v} ${String(v)}`;
}

/** Keys whose values are booleans in the format. */
const BOOLEAN_KEYS = new Set(['enable_cache']);

/**
 * PyYAML (YAML 1.1, the old framework's reader) read unquoted yes/no/on/off as booleans; YAML 1.2 reads them as
 * strings. For the format's boolean keys, read them the old way so configs written for it keep working.
 */
export function yaml11Booleans(node: CNode): CNode {
  if (node.kind === 'seq') return { ...node, items: node.items.map(yaml11Booleans) };
  if (node.kind !== 'map') return node;
  return {
    ...node,
    entries: node.entries.map((e) => {
      const v = e.value;
      if (
        BOOLEAN_KEYS.has(e.key) &&
        v.kind === 'scalar' &&
        v.style === 'plain' &&
        typeof v.value === 'string' &&
        /^(yes|no|on|off)$/i.test(v.value)
      ) {
        return { ...e, value: { ...v, value: /^(yes|on)$/i.test(v.value) } };
      }
      return { ...e, value: yaml11Booleans(v) };
    }),
  };
}
