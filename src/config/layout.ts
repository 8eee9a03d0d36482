// The older file layout, `conf.models.modelContainer.<model>` (every config of the old framework before
// 2023-10-24): read as the current `conf.models.<model>`, with one warning per file saying how to flatten it.
import type { DiagnosticBag } from './diagnostics.js';
import { entry } from './tree.js';
import type { CMap, CMapEntry, CNode } from './tree.js';

export const LEGACY_CONTAINER = 'modelContainer';

/**
 * The `modelContainer` entry of `conf.models` when the file uses the older layout: a mapping of models, none of
 * them a model key itself (a model really named `modelContainer` has a `source_directory`).
 */
export function legacyContainer(root: CNode): CMapEntry | undefined {
  if (root.kind !== 'map') return undefined;
  const conf = entry(root, 'conf')?.value;
  const models = conf?.kind === 'map' ? entry(conf, 'models')?.value : undefined;
  const container = models?.kind === 'map' ? entry(models, LEGACY_CONTAINER) : undefined;
  if (!container || container.value.kind !== 'map') return undefined;
  if (entry(container.value, 'source_directory')) return undefined;
  return container;
}

/** The tree with `conf.models.modelContainer`'s models lifted into `conf.models` (positions kept). */
export function flattenLegacyLayout(root: CNode, bag: DiagnosticBag): CNode {
  const container = legacyContainer(root);
  if (!container || root.kind !== 'map') return root;
  const inner = container.value as CMap;
  const names = inner.entries.map((e) => e.key);
  bag.warning(
    'legacy-model-container',
    container.keyLoc,
    `conf.models.${LEGACY_CONTAINER}`,
    `conf.models: the older layout conf.models.${LEGACY_CONTAINER}.<model> (before 2023-10-24) is read as conf.models.<model> (${names.join(', ') || 'no models'}): flatten it — move each model up one level and delete \`${LEGACY_CONTAINER}:\` — or run \`smp migrate --write\`, which does that keeping comments and formatting`,
  );
  return mapAt(root, ['conf', 'models'], (models) => ({
    ...models,
    entries: models.entries.flatMap((e) => (e === container ? inner.entries : [e])),
  }));
}

function mapAt(node: CMap, path: readonly string[], edit: (m: CMap) => CMap): CMap {
  const [head, ...rest] = path;
  if (head === undefined) return edit(node);
  return {
    ...node,
    entries: node.entries.map((e) =>
      e.key === head && e.value.kind === 'map' ? { ...e, value: mapAt(e.value, rest, edit) } : e,
    ),
  };
}
