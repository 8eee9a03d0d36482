// Merge the files' `conf.models` into one map; exactly one file may hold `conf.sagemakerPipeline`.
import type { DiagnosticBag, Loc } from './diagnostics.js';
import { didYouMean } from './suggest.js';
import { entry, toPlain } from './tree.js';
import type { CMap, CMapEntry, CNode } from './tree.js';

export interface ParsedFile {
  readonly file: string;
  readonly root: CNode | null;
}

export interface MergedConfig {
  /** model name → its merged mapping node */
  readonly models: ReadonlyMap<string, { readonly node: CMap; readonly file: string; readonly keyLoc: Loc }>;
  readonly pipeline: { readonly node: CNode; readonly file: string; readonly keyLoc: Loc } | undefined;
}

export function mergeFiles(files: readonly ParsedFile[], bag: DiagnosticBag): MergedConfig {
  const models = new Map<string, { node: CMap; file: string; keyLoc: Loc }>();
  const pipelines: { node: CNode; file: string; keyLoc: Loc }[] = [];
  let confs = 0;

  for (const { file, root } of files) {
    if (root === null) continue;
    const conf = confOf(root, file, bag);
    if (!conf) continue;
    confs++;
    const modelsEntry = entry(conf, 'models');
    if (modelsEntry && modelsEntry.value.kind === 'seq') {
      bag.error(
        'models-not-mapping',
        modelsEntry.value.loc,
        'conf.models',
        'conf.models is a list: write it as a mapping from model name to settings (`m:` with its settings indented below, no `-`)',
      );
    } else if (modelsEntry && modelsEntry.value.kind === 'map') {
      for (const m of modelsEntry.value.entries) mergeModel(models, m, file, bag);
    }
    const p = entry(conf, 'sagemakerPipeline');
    if (p) pipelines.push({ node: p.value, file, keyLoc: p.keyLoc });
  }

  // Only when every file had a usable `conf`: otherwise that error already explains the missing section.
  if (pipelines.length === 0 && confs > 0 && confs === files.filter((f) => f.root !== null).length) {
    bag.error(
      'no-pipeline-section',
      null,
      'conf.sagemakerPipeline',
      `none of the ${files.length} config file(s) has conf.sagemakerPipeline: exactly one file (the anchor model's) must define the pipeline (pipelineName, models, dependencies)`,
    );
  }
  const first = pipelines[0];
  for (const other of pipelines.slice(1)) {
    if (first && JSON.stringify(toPlain(first.node)) !== JSON.stringify(toPlain(other.node))) {
      bag.error(
        'duplicate-pipeline-section',
        other.keyLoc,
        'conf.sagemakerPipeline',
        `conf.sagemakerPipeline is defined in both ${first.file}:${first.keyLoc.line} and ${other.file}:${other.keyLoc.line} with different contents: keep it in one file (the anchor model's)`,
      );
    } else if (first) {
      bag.warning(
        'repeated-pipeline-section',
        other.keyLoc,
        'conf.sagemakerPipeline',
        `conf.sagemakerPipeline is repeated (identical to ${first.file}:${first.keyLoc.line}): keep it in one file`,
      );
    }
  }
  return { models, pipeline: first };
}

function confOf(root: CNode, file: string, bag: DiagnosticBag): CMap | undefined {
  if (root.kind !== 'map') {
    bag.error('root-not-mapping', root.loc, '', `expected a mapping with the root key \`conf\` in ${file}`);
    return undefined;
  }
  const conf = entry(root, 'conf');
  if (!conf) {
    const keys = root.entries.map((e) => e.key);
    const hint = keys.length > 0 ? didYouMean(keys[0] ?? '', ['conf']) : '';
    bag.error(
      'missing-conf',
      root.loc,
      'conf',
      `missing root key \`conf\` (holding \`models\` and \`sagemakerPipeline\`)${hint}`,
    );
    return undefined;
  }
  if (conf.value.kind !== 'map') {
    bag.error(
      'conf-not-mapping',
      conf.value.loc,
      'conf',
      'conf must be a mapping with `models` and/or `sagemakerPipeline`',
    );
    return undefined;
  }
  return conf.value;
}

function mergeModel(
  models: Map<string, { node: CMap; file: string; keyLoc: Loc }>,
  m: CMapEntry,
  file: string,
  bag: DiagnosticBag,
): void {
  if (m.value.kind !== 'map') {
    bag.error(
      'model-not-mapping',
      m.value.loc,
      `conf.models.${m.key}`,
      `conf.models.${m.key} must be a mapping (source_directory, train, …)`,
    );
    return;
  }
  const prev = models.get(m.key);
  if (!prev) {
    models.set(m.key, { node: m.value, file, keyLoc: m.keyLoc });
    return;
  }
  // The contract: the later file's top-level keys of that model override the earlier ones.
  const overridden = m.value.entries
    .filter((e) => prev.node.entries.some((p) => p.key === e.key))
    .map((e) => e.key);
  const entries = [...prev.node.entries.filter((p) => !overridden.includes(p.key)), ...m.value.entries];
  bag.warning(
    'model-redefined',
    m.keyLoc,
    `conf.models.${m.key}`,
    `model \`${m.key}\` is also defined in ${prev.file}:${prev.keyLoc.line}; this file's keys override it${
      overridden.length ? ` (${overridden.join(', ')})` : ''
    }`,
  );
  models.set(m.key, { node: { kind: 'map', loc: m.value.loc, entries }, file, keyLoc: m.keyLoc });
}
