// Read one YAML or JSON config file into a positioned tree (JSON is YAML, so one parser serves both).
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, Parser, Scalar, visit } from 'yaml';
import type { Alias, Document, Node as YNode, Pair } from 'yaml';
import type { DiagnosticBag, Loc } from './diagnostics.js';
import type { CMapEntry, CNode, ScalarStyle } from './tree.js';
import { shown, visible } from './visible.js';

/** Keys that could reach an object's prototype chain if a careless consumer assigned them. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** C0 controls but tab, LF and CR, and DEL: text never needs them. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Alias expansions allowed per document before it counts as an expansion bomb (yaml's own check). */
export const MAX_ALIAS_COUNT = 100;
/** Nesting depth after alias expansion; real configs stay under 15. */
const MAX_DEPTH = 64;
/**
 * Nesting at which the file is not parsed at all: yaml's composer recurses, and a few hundred levels are still
 * safe, so up to here the converter reports MAX_DEPTH with the file's other errors.
 */
const MAX_PARSE_DEPTH = 200;

export interface ReadResult {
  readonly root: CNode | null;
}

export function readConfigText(text: string, file: string, bag: DiagnosticBag): ReadResult {
  const lineCounter = new LineCounter();
  const at = (offset: number): Loc => {
    const p = lineCounter.linePos(offset);
    return { file, line: p.line, col: p.col };
  };
  // Before the parser proper, whose composer recurses: 10,000 nested `[` must be an error, not a stack overflow.
  const tokens = new Parser(lineCounter.addNewLine).parse(text);
  const tooDeep = firstTooDeep(tokens);
  if (tooDeep !== undefined) {
    bag.error(
      'too-deep',
      at(tooDeep),
      '',
      `nesting deeper than ${MAX_DEPTH} levels (real configs stay under 15); flatten the structure`,
    );
    return { root: null };
  }
  if (/\.json$/i.test(file)) {
    const comment = jsonCommentOffset(text);
    if (comment !== undefined) {
      bag.error(
        'json-comment',
        at(comment),
        '',
        'JSON has no comments: remove the comment, or write this config as YAML (conf.yaml), where `#` starts a comment',
      );
      return { root: null };
    }
  }
  const doc = parseDocument(text, { merge: true, uniqueKeys: true, prettyErrors: false });

  const lines = text.split('\n');
  for (const e of doc.errors) {
    const loc = at(e.pos[0]);
    const line = lines[loc.line - 1] ?? '';
    const hint = /^\s*-\s*\[.*>>/.test(line)
      ? ' (a dependency line that starts with `[` must be quoted: - "[a, b] >> c")'
      : '';
    bag.error(
      'yaml-syntax',
      loc,
      '',
      `${explainYamlError(e.code, firstLine(e.message), text, e.pos[0])}${hint}`,
    );
    // One parse error tends to cause more at the same spot or at the end of the file: the first one says it.
    if (hint) break;
  }
  if (doc.errors.length > 0) return { root: null };
  for (const w of doc.warnings) bag.warning('yaml-warning', at(w.pos[0]), '', firstLine(w.message));

  // yaml's toJS enforces maxAliasCount; run it once so alias bombs fail before we expand anything.
  // Other toJS failures (unknown alias, bad merge source) are reported by the converter with positions.
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT, mapAsMap: true });
  } catch (err) {
    if (/alias count/i.test(errorText(err))) {
      bag.error(
        'alias-expansion',
        at(firstAliasOffset(doc)),
        '',
        `YAML aliases expand too much (more than ${MAX_ALIAS_COUNT} expansions, as in an expansion bomb); write the repeated values out or use fewer aliases`,
      );
      return { root: null };
    }
  }
  if (doc.contents === null) return { root: null };
  const converter = new Converter(doc, at, bag);
  return { root: converter.convert(doc.contents as YNode, 0, '') };
}

class Converter {
  constructor(
    private readonly doc: Document,
    private readonly at: (offset: number) => Loc,
    private readonly bag: DiagnosticBag,
  ) {}

  private locOf(node: YNode | null | undefined, fallback: Loc): Loc {
    const r = node?.range;
    return r ? this.at(r[0]) : fallback;
  }

  convert(node: YNode, depth: number, path: string, fallback?: Loc): CNode {
    const loc = this.locOf(node, fallback ?? this.at(0));
    if (depth > MAX_DEPTH) {
      this.bag.error('too-deep', loc, path, `nesting deeper than ${MAX_DEPTH} levels`);
      return { kind: 'scalar', loc, value: null, style: 'implicit' };
    }
    if (isAlias(node)) {
      const target = (node as Alias).resolve(this.doc);
      if (!target) {
        this.bag.error('yaml-alias', loc, path, `unknown alias *${(node as Alias).source}`);
        return { kind: 'scalar', loc, value: null, style: 'implicit' };
      }
      return this.convert(target as YNode, depth + 1, path, loc);
    }
    if (isScalar(node)) return this.scalar(node, loc);
    if (isSeq(node)) {
      return {
        kind: 'seq',
        loc,
        items: node.items.map((item, i) =>
          item === null
            ? { kind: 'scalar', loc, value: null, style: 'implicit' }
            : this.convert(item as YNode, depth + 1, `${path}[${i}]`, loc),
        ),
      };
    }
    if (isMap(node)) {
      const entries: CMapEntry[] = [];
      const merged: CMapEntry[] = [];
      for (const pair of node.items as Pair<unknown, unknown>[]) {
        const keyNode = pair.key as YNode | null;
        const keyLoc = this.locOf(keyNode, loc);
        if (
          isScalar(keyNode) &&
          keyNode.type === Scalar.PLAIN &&
          (keyNode.value === '<<' || keyNode.source === '<<')
        ) {
          // YAML 1.1 merge key (PyYAML, which the old framework used, supports it): explicit keys win.
          merged.push(...this.mergeSources(pair.value as YNode | null, depth, path, keyLoc));
          continue;
        }
        if (!isScalar(keyNode)) {
          this.bag.error('complex-key', keyLoc, path, 'a mapping key must be a plain string');
          continue;
        }
        const key = keyText(keyNode);
        this.checkControls(key, keyLoc, 'key');
        const childPath = path ? `${path}.${key}` : key;
        if (FORBIDDEN_KEYS.has(key)) {
          this.bag.error(
            'forbidden-key',
            keyLoc,
            childPath,
            `key \`${key}\` is not allowed (it could alter object prototypes); rename or remove it`,
          );
          continue;
        }
        const valueNode = pair.value as YNode | null;
        const value: CNode =
          valueNode === null || valueNode === undefined
            ? { kind: 'scalar', loc: keyLoc, value: null, style: 'implicit' }
            : this.convert(valueNode, depth + 1, childPath, keyLoc);
        entries.push({ key, keyLoc, value });
      }
      for (const m of merged) if (!entries.some((e) => e.key === m.key)) entries.push(m);
      return { kind: 'map', loc, entries };
    }
    this.bag.error('yaml-node', loc, path, 'unsupported YAML node');
    return { kind: 'scalar', loc, value: null, style: 'implicit' };
  }

  /** Control characters (a `"\\e"` or `"\\0"` escape) would reach AWS, logs and the comment: refuse them. */
  private checkControls(s: string, loc: Loc, what: 'key' | 'value'): void {
    const m = CONTROL.exec(s);
    if (!m) return;
    this.bag.error(
      'control-character',
      loc,
      '',
      `this ${what} holds the control character ${visible(m[0])} at character ${m.index + 1} (${shown(s)}): configs hold plain text; remove it`,
    );
  }

  private mergeSources(value: YNode | null, depth: number, path: string, keyLoc: Loc): CMapEntry[] {
    if (!value) return [];
    const sources = isSeq(value) ? (value.items as YNode[]) : [value];
    const out: CMapEntry[] = [];
    for (const src of sources) {
      const converted = this.convert(src, depth + 1, path, keyLoc);
      if (converted.kind !== 'map') {
        this.bag.error('yaml-merge', keyLoc, path, 'a `<<` merge key must refer to a mapping');
        continue;
      }
      // Earlier sources win over later ones, as in YAML 1.1.
      for (const e of converted.entries) if (!out.some((o) => o.key === e.key)) out.push(e);
    }
    return out;
  }

  private scalar(node: Scalar, loc: Loc): CNode {
    const v = node.value;
    if (typeof v === 'string') this.checkControls(v, loc, 'value');
    const value =
      v === null || v === undefined
        ? null
        : typeof v === 'string' || typeof v === 'boolean'
          ? v
          : typeof v === 'number'
            ? v
            : typeof v === 'bigint'
              ? Number(v)
              : String(v);
    return {
      kind: 'scalar',
      loc,
      value,
      style: styleOf(node),
      ...(typeof node.source === 'string' ? { source: node.source } : {}),
    };
  }
}

function styleOf(node: Scalar): ScalarStyle {
  switch (node.type) {
    case Scalar.PLAIN:
      return 'plain';
    case Scalar.QUOTE_SINGLE:
      return 'single';
    case Scalar.QUOTE_DOUBLE:
      return 'double';
    case Scalar.BLOCK_FOLDED:
    case Scalar.BLOCK_LITERAL:
      return 'block';
    default:
      return 'implicit';
  }
}

function keyText(node: Scalar): string {
  if (typeof node.value === 'string') return node.value;
  // `1:` or `true:` as keys: keep what the author wrote.
  return typeof node.source === 'string' ? node.source : String(node.value);
}

function explainYamlError(code: string, message: string, text: string, offset: number): string {
  if (code === 'DUPLICATE_KEY') {
    const key = /^\s*["']?([^"':]+)/.exec(text.slice(offset))?.[1]?.trim();
    return `duplicate key${key ? ` \`${key}\`` : ''}: a key may appear only once in a mapping (the old framework silently kept the last one)`;
  }
  return message;
}

interface CstNode {
  readonly type?: string;
  readonly offset?: number;
  readonly value?: CstNode;
  readonly key?: CstNode | null;
  readonly items?: readonly { readonly key?: CstNode | null; readonly value?: CstNode | null }[];
}

/** Offset of the first collection nested deeper than MAX_PARSE_DEPTH in the concrete syntax tree (iteratively). */
function firstTooDeep(tokens: Iterable<unknown>): number | undefined {
  const stack: [CstNode, number][] = [];
  for (const t of tokens) stack.push([t as CstNode, 0]);
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [CstNode, number];
    if (depth > MAX_PARSE_DEPTH) return node.offset ?? 0;
    if (node.type === 'document' && node.value) stack.push([node.value, depth]);
    for (const item of node.items ?? []) {
      if (item.key) stack.push([item.key, depth + 1]);
      if (item.value) stack.push([item.value, depth + 1]);
    }
  }
  return undefined;
}

/** Offset of a `//` or `/*` comment in JSON text (outside strings), or undefined. */
function jsonCommentOffset(text: string): number | undefined {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return i;
  }
  return undefined;
}

function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

function firstLine(s: string): string {
  return s.split('\n')[0]?.trim() ?? s;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
