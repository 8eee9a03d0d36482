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
import { flattenLegacyLayout } from './layout.js';
import {
  confFileSchemaFor,
  JOB_SECTIONS,
  lenientPipelineSchema,
  MODEL_NAME,
  modelSchemaFor,
  pipelineSchema,
} from './schema.js';
import type { JobSectionInput } from './schema.js';
import { interpolationEnv, resolveSettings } from './settings.js';
import type { Env } from './settings.js';
import { checkShape, reportUnknownKeys } from './shape.js';
import { locate, toPlain, yaml11Booleans } from './tree.js';
import type { CNode } from './tree.js';
import type { ModelConfig, ProjectConfig } from './types.js';
import { checkScheduleParameters } from './schedule.js';
import { checkLegacyGroupNames, checkSectionUsage } from './usage.js';

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

  // Unknown keys are reported once the pipeline is known: the sections its steps name are keys, not typos.
  const rawRoots: { root: CNode }[] = [];
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
    const flat = flattenLegacyLayout(root, bag);
    rawRoots.push({ root: flat });
    return { file, root: interpolateTree(yaml11Booleans(flat), env, bag) };
  });

  const merged = mergeFiles(parsed, bag);
  const extra = namedSections(merged.pipeline?.node);
  const fileSchema = confFileSchemaFor(extra);
  for (const { root } of rawRoots) reportUnknownKeys(fileSchema, root, [], bag);
  const modelSchema = modelSchemaFor(extra);
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
    const fields = data as Readonly<Record<string, unknown>>;
    const sectionKinds = [...JOB_SECTIONS, ...extra].filter(
      (k, i, all) => all.indexOf(k) === i && Object.hasOwn(fields, k),
    );
    for (const kind of sectionKinds) {
      const section = fields[kind] as JobSectionInput | undefined;
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
    // The old framework read a bare name (`channels: train`) as that one channel in evaluate and transform;
    // a Processing or Training section iterated its letters, so there it is refused.
    for (const kind of sectionKinds.filter((k) => k !== 'evaluate' && k !== 'transform')) {
      if (typeof (fields[kind] as JobSectionInput | undefined)?.channels === 'string') {
        const loc = locate(m.node, [kind, 'channels']).node.loc;
        bag.error(
          'bare-channel',
          loc,
          `conf.models.${name}.${kind}.channels`,
          `conf.models.${name}.${kind}.channels: a bare channel name is only accepted in evaluate and transform; write channels as a mapping (\`train:\` with dataFiles)`,
        );
      }
    }
    models[name] = normalizeModel(name, data, m.node, m.file, m.keyLoc, rootOf(m.file), extra);
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
  if (pipeline) {
    checkSectionUsage(pipeline, models, bag);
    checkLegacyGroupNames(pipeline, models, opts.env.SMP_PROJECTNAME?.trim(), bag);
    checkScheduleParameters(pipeline, models, bag);
  }
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

/**
 * Section names the pipeline's Processing and Training steps give as `step_type` (read from the raw tree, before
 * the pipeline is checked): each names a job section of its model, as in the old framework.
 */
const SECTION_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const UNSAFE_NAMES = ['__proto__', 'constructor', 'prototype'];

function namedSections(pipeline: CNode | undefined): string[] {
  const out = new Set<string>();
  const models = pipeline ? locate(pipeline, ['models']) : undefined;
  if (!models?.found || models.node.kind !== 'map') return [];
  for (const unit of models.node.entries) {
    const steps = locate(unit.value, ['steps']);
    if (!steps.found || steps.node.kind !== 'seq') continue;
    for (const step of steps.node.items) {
      const cls = locate(step, ['step_class']);
      const type = locate(step, ['step_type']);
      if (!cls.found || cls.node.kind !== 'scalar' || typeof cls.node.value !== 'string') continue;
      if (!/^(processing|training)$/i.test(cls.node.value)) continue;
      const name = type.found && type.node.kind === 'scalar' ? type.node.value : undefined;
      // Only names a config key can have (the reader refuses __proto__ and friends as keys).
      if (typeof name === 'string' && SECTION_NAME.test(name) && !UNSAFE_NAMES.includes(name)) out.add(name);
    }
  }
  return [...out].sort();
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
