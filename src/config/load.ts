// The config phase: find → read → interpolate → merge → check shapes → check references → check paths.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkPaths } from './paths.js';
import { DiagnosticBag } from './diagnostics.js';
import type { Diagnostic, Loc } from './diagnostics.js';
import { readConfigFile } from './file-text.js';
import { findConfigFiles } from './find.js';
import { interpolateTree } from './interpolate.js';
import { mergeFiles } from './merge.js';
import type { ParsedFile } from './merge.js';
import { normalizeModel } from './normalize.js';
import { checkParameterRefs } from './parameters.js';
import { readConfigText } from './read.js';
import { buildPipeline } from './references.js';
import { confFileSchema, lenientPipelineSchema, MODEL_NAME, modelSchema, pipelineSchema } from './schema.js';
import { interpolationEnv, resolveSettings } from './settings.js';
import type { Env } from './settings.js';
import { checkShape, reportUnknownKeys } from './shape.js';
import { locate, toPlain, yaml11Booleans } from './tree.js';
import type { CNode } from './tree.js';
import type { ModelConfig, ProjectConfig } from './types.js';
import { checkScheduleParameters } from './schedule.js';
import { checkSectionUsage } from './usage.js';

export interface LoadOptions {
  /** Absolute workspace root; globs and every path in the configs are relative to it. */
  readonly workspace: string;
  readonly globs: readonly string[];
  readonly env: Env;
  /** Offline commands plan with placeholder settings; deploy/run must have real ones. */
  readonly allowPlaceholders: boolean;
  /**
   * Extra roots (workspace-relative folders, e.g. clones of other model repositories): the globs are also
   * matched inside each, and paths in their configs are relative to that root.
   */
  readonly extraRoots?: readonly string[];
}

export interface LoadResult {
  /** Present when there is no error. */
  readonly config: ProjectConfig | undefined;
  /** Errors and warnings, sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
  /** The pipeline name when one could be read, even from an invalid project (to update its PR comment). */
  readonly pipelineName?: string | undefined;
}

export function loadProject(opts: LoadOptions): LoadResult {
  const bag = new DiagnosticBag();
  const workspace = path.resolve(opts.workspace);
  if (!existsSync(workspace)) {
    bag.error(
      'missing-workspace',
      null,
      'workspace',
      `the workspace ${workspace} does not exist (--workspace, or the action's working-directory)`,
    );
    return { config: undefined, diagnostics: bag.sorted() };
  }
  const settings = resolveSettings(opts.env, { allowPlaceholders: opts.allowPlaceholders }, bag);
  const env = interpolationEnv(opts.env, settings);
  const roots = ['', ...(opts.extraRoots ?? []).map((r) => r.replace(/\/+$/, ''))];
  const files: string[] = [];
  for (const root of roots) {
    // Each extra root may hold no configs; only the workspace itself must match something.
    const rootBag = root === '' ? bag : new DiagnosticBag();
    for (const f of findConfigFiles(opts.globs, path.join(workspace, root), rootBag).files) {
      const rel = root ? `${root}/${f}` : f;
      if (!files.includes(rel)) files.push(rel);
    }
  }
  // A file belongs to the deepest root that contains it: its paths are relative to that root.
  const rootOf = (file: string): string =>
    roots.filter((r) => r === '' || file.startsWith(`${r}/`)).sort((a, b) => b.length - a.length)[0] ?? '';

  const parsed: ParsedFile[] = files.map((file) => {
    const text = readConfigFile(path.join(workspace, file), file, bag);
    if (text === undefined) return { file, root: null };
    const before = bag.errors.length;
    const { root } = readConfigText(text, file, bag);
    if (root === null) {
      // Blank, comments only or `---` only: nothing else reported it.
      if (bag.errors.length === before)
        bag.error(
          'empty-file',
          { file, line: 1, col: 1 },
          '',
          `${file} is empty: expected a mapping with the root key \`conf\``,
        );
      return { file, root: null };
    }
    reportUnknownKeys(confFileSchema, root, [], bag);
    return { file, root: interpolateTree(yaml11Booleans(root), env, bag) };
  });

  const merged = mergeFiles(parsed, bag);
  const models: Record<string, ModelConfig> = Object.create(null) as Record<string, ModelConfig>;
  const broken = new Set<string>();
  for (const [name, m] of merged.models) {
    const base = ['conf', 'models', name];
    if (!MODEL_NAME.test(name)) {
      bag.error(
        'bad-model-name',
        m.keyLoc,
        `conf.models.${name}`,
        `conf.models: model name \`${name}\` is not valid: use letters, digits, - and _ (at most 63); it names S3 prefixes and the model package group`,
      );
    }
    const data = checkShape(modelSchema, m.node, base, bag);
    if (!data) {
      broken.add(name);
      continue;
    }
    for (const kind of ['preprocess', 'train', 'evaluate', 'transform'] as const) {
      const section = data[kind];
      if (section?.hyperparams !== undefined && section.hyperparameters !== undefined) {
        const loc = locate(m.node, [kind, 'hyperparameters']).keyLoc ?? m.keyLoc;
        bag.error(
          'two-hyperparameter-keys',
          loc,
          `conf.models.${name}.${kind}.hyperparameters`,
          `conf.models.${name}.${kind}: both hyperparams and hyperparameters are set; keep one (their keys are not merged)`,
        );
      }
    }
    for (const kind of ['preprocess', 'train', 'transform'] as const) {
      if (typeof data[kind]?.channels === 'string') {
        const loc = locate(m.node, [kind, 'channels']).node.loc;
        bag.error(
          'bare-channel',
          loc,
          `conf.models.${name}.${kind}.channels`,
          `conf.models.${name}.${kind}.channels: a bare channel name is only accepted in evaluate; write channels as a mapping (\`train:\` with dataFiles)`,
        );
      }
    }
    models[name] = normalizeModel(name, data, m.node, m.file, m.keyLoc, rootOf(m.file));
  }

  let pipeline: ProjectConfig['pipeline'] | undefined;
  if (merged.pipeline) {
    const input = checkShape(pipelineSchema, merged.pipeline.node, ['conf', 'sagemakerPipeline'], bag);
    if (input) pipeline = buildPipeline({ input, ...merged.pipeline }, models, broken, bag);
    else {
      // A bad name or description must not hide the step and reference errors: check those too.
      const lenient = lenientPipelineSchema.safeParse(toPlain(merged.pipeline.node));
      if (lenient.success)
        pipeline = buildPipeline({ input: lenient.data, ...merged.pipeline }, models, broken, bag);
    }
  }
  if (pipeline) checkSectionUsage(pipeline, models, bag);
  if (pipeline) checkScheduleParameters(pipeline, models, bag);
  if (pipeline)
    checkParameterRefs(
      [
        ...[...merged.models].map(([name, m]) => ({ node: m.node, base: ['conf', 'models', name] })),
        ...(merged.pipeline ? [{ node: merged.pipeline.node, base: ['conf', 'sagemakerPipeline'] }] : []),
      ],
      pipeline?.parameters ?? [],
      bag,
    );
  checkPaths(workspace, pipeline, models, bag);

  const diagnostics = bag.sorted();
  const nameNode =
    merged.pipeline?.node.kind === 'map'
      ? merged.pipeline.node.entries.find((e) => e.key === 'pipelineName')?.value
      : undefined;
  const pipelineName =
    nameNode?.kind === 'scalar' && typeof nameNode.value === 'string' ? nameNode.value : undefined;
  if (bag.hasErrors || !pipeline) return { config: undefined, diagnostics, pipelineName };
  const config: ProjectConfig = {
    workspace,
    files,
    pipeline,
    models,
    settings,
    locations: collectLocations(merged),
  };
  return { config: deepFreeze(config), diagnostics };
}

function collectLocations(merged: ReturnType<typeof mergeFiles>): Map<string, Loc> {
  const out = new Map<string, Loc>();
  const walk = (node: CNode, p: string): void => {
    out.set(p, node.loc);
    if (node.kind === 'map') for (const e of node.entries) walk(e.value, `${p}.${e.key}`);
    if (node.kind === 'seq') node.items.forEach((n, i) => walk(n, `${p}[${i}]`));
  };
  for (const [name, m] of merged.models) walk(m.node, `conf.models.${name}`);
  if (merged.pipeline) walk(merged.pipeline.node, 'conf.sagemakerPipeline');
  return out;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !(value instanceof Map)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
