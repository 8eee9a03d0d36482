// `smp migrate`: rewrite configs in the older layout, conf.models.modelContainer.<model>, to conf.models.<model>,
// keeping comments, key order and formatting. The yaml Document API finds the nodes and their source ranges; the
// edit removes the `modelContainer:` line and shifts its block left by one level, so every other byte stays.
import { isMap, isScalar, parseDocument } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';
import { LEGACY_CONTAINER } from './layout.js';

export interface MigratedText {
  readonly text: string;
  /** The models moved up out of modelContainer. */
  readonly models: readonly string[];
}

/** The file's text in the current layout, or undefined when it needs no change (or cannot be read). */
export function migrateText(text: string): MigratedText | undefined {
  if (/^\s*[{[]/.test(text)) return migrateJson(text);
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return undefined;
  const found = findContainer(doc.contents);
  if (!found) return undefined;
  const models = found.container.items.map((p) => String(keyOf(p)));
  const expected = JSON.stringify(flattened(found.models.toJSON() as Record<string, unknown>));
  const edited = dedentBlock(text, found.pair, found.container);
  if (edited !== undefined && sameModels(edited, expected)) return { text: edited, models };
  // Flow style or an unusual layout: rebuild the mapping with the Document API (comments kept, spacing may not).
  found.models.items = found.models.items.flatMap((p) => (p === found.pair ? found.container.items : [p]));
  const rebuilt = doc.toString({ lineWidth: 0 });
  return sameModels(rebuilt, expected) ? { text: rebuilt, models } : undefined;
}

function keyOf(p: Pair): unknown {
  return isScalar(p.key) ? p.key.value : p.key;
}

function findContainer(
  root: unknown,
): { models: YAMLMap; pair: Pair; container: YAMLMap<unknown, unknown> } | undefined {
  if (!isMap(root)) return undefined;
  const conf = root.get('conf', true);
  if (!isMap(conf)) return undefined;
  const models = conf.get('models', true);
  if (!isMap(models)) return undefined;
  const pair = models.items.find((p) => keyOf(p) === LEGACY_CONTAINER);
  if (!pair || !isMap(pair.value) || pair.value.has('source_directory')) return undefined;
  return { models, pair, container: pair.value };
}

/** conf.models with modelContainer's entries in its place, as plain data. */
function flattened(models: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(models)) {
    if (k === LEGACY_CONTAINER && v && typeof v === 'object') Object.assign(out, v);
    else out[k] = v;
  }
  return out;
}

function sameModels(text: string, expected: string): boolean {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return false;
  const models = (doc.toJSON() as { conf?: { models?: unknown } } | null)?.conf?.models;
  return JSON.stringify(models) === expected;
}

/**
 * Deletes the `modelContainer:` line (a comment after it stays, on its own line) and moves every line of its
 * block left by the block's extra indentation. Undefined when the block is not a plain block mapping.
 */
function dedentBlock(text: string, pair: Pair, container: YAMLMap<unknown, unknown>): string | undefined {
  const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
  const first = container.items[0];
  const firstRange = first && isScalar(first.key) ? first.key.range : undefined;
  if (container.flow || !keyRange || !firstRange || !container.range) return undefined;
  const lineStart = (offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;
  const keyLine = lineStart(keyRange[0]);
  const keyIndent = keyRange[0] - keyLine;
  const childIndent = firstRange[0] - lineStart(firstRange[0]);
  const shift = childIndent - keyIndent;
  if (/\S/.test(text.slice(keyLine, keyRange[0])) || shift <= 0) return undefined;
  const keyLineEnd = text.indexOf('\n', keyRange[1]);
  if (keyLineEnd < 0) return undefined;
  const rest = text.slice(keyRange[1], keyLineEnd);
  const comment = /^\s*:\s*(#.*)?$/.exec(rest);
  if (!comment) return undefined; // the value starts on the key's line (an anchor, a tag)
  const blockEnd = text.indexOf('\n', Math.max(container.range[1] - 1, keyLineEnd + 1));
  const end = blockEnd < 0 ? text.length : blockEnd + 1;
  const block = text
    .slice(keyLineEnd + 1, end)
    .split('\n')
    .map((line) => {
      const lead = /^ */.exec(line)?.[0].length ?? 0;
      return line.slice(Math.min(lead, shift));
    })
    .join('\n');
  const kept = comment[1] ? `${' '.repeat(keyIndent)}${comment[1]}\n` : '';
  return text.slice(0, keyLine) + kept + block + text.slice(end);
}

function migrateJson(text: string): MigratedText | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const conf = (data as { conf?: { models?: Record<string, unknown> } } | null)?.conf;
  const container = conf?.models?.[LEGACY_CONTAINER];
  if (!conf?.models || !container || typeof container !== 'object' || Array.isArray(container))
    return undefined;
  if ('source_directory' in container) return undefined;
  conf.models = flattened(conf.models);
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  return {
    text: `${JSON.stringify(data, null, indent)}${text.endsWith('\n') ? '\n' : ''}`,
    models: Object.keys(container),
  };
}
