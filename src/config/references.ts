// Rules that relate nodes to each other: step classes, unit rules, chain sources, dependencies, cycles.
// Each rule reports under its own code; the code is the rule's name in tests and docs.
import type { DiagnosticBag, Loc } from './diagnostics.js';
import { findCycle, parseDependencyLine } from './dependencies.js';
import { IGNORED_STEP_TYPES, JOB_SECTIONS, NON_SECTION_KEYS, STEP_CLASSES } from './schema.js';
import type { PipelineInput, StepClass, StepInput } from './schema.js';
import { inFileOrder } from './normalize.js';
import { buildParameters } from './parameters.js';
import { checkStepExtensions, readRetry, readStepExtensions } from './step-extensions.js';
import { didYouMean } from './suggest.js';
import { entry, formatPath, locate } from './tree.js';
import type { CMap, CNode } from './tree.js';
import type { DependencyEdge, ModelConfig, PipelineConfig, StepConfig, UnitConfig } from './types.js';
import { buildSchedule } from './schedule.js';

export const DEFAULT_CACHE_EXPIRY = 'P10D';
const CHAIN_SOURCE_CLASSES: readonly StepClass[] = ['Processing', 'Training', 'Transform'];

export interface PipelineSource {
  readonly input: PipelineInput;
  readonly node: CNode;
  readonly file: string;
  readonly keyLoc: Loc;
}

/** Builds the typed pipeline and checks every cross-reference. Steps that are unusable are left out; the
 * caller must not use the result when `bag` has errors (it serves the remaining checks only). */
export function buildPipeline(
  src: PipelineSource,
  models: Readonly<Record<string, ModelConfig>>,
  /** Models that exist but failed their own checks: referencing them is not an error here. */
  brokenModels: ReadonlySet<string>,
  bag: DiagnosticBag,
): PipelineConfig {
  const base = ['conf', 'sagemakerPipeline'];
  const at = (rel: (string | number)[]): { loc: Loc; path: string } => {
    const l = locate(src.node, rel);
    return { loc: l.found ? l.node.loc : (l.keyLoc ?? l.node.loc), path: formatPath([...base, ...rel]) };
  };
  const keyAt = (rel: (string | number)[]): Loc => {
    const l = locate(src.node, rel);
    return l.keyLoc ?? l.node.loc;
  };

  // Pass 1: steps with their class, type and cache settings.
  const units: { model: string; loc: Loc; steps: StepConfig[] }[] = [];
  const byName = new Map<string, StepConfig>();
  const unusable = new Set<string>();
  const unusableModels = new Set<string>();
  for (const [model, unit] of inFileOrder(src.input.models, locate(src.node, ['models']).node)) {
    const unitPath = ['models', model];
    if (!models[model] && !brokenModels.has(model)) {
      bag.error(
        'unknown-model',
        keyAt(unitPath),
        formatPath([...base, ...unitPath]),
        `${formatPath([...base, ...unitPath])}: no model \`${model}\` in conf.models of any config file${didYouMean(model, Object.keys(models))}`,
      );
    }
    const steps: StepConfig[] = [];
    unit.steps.forEach((s, index) => {
      const step = buildStep(
        s,
        model,
        models[model],
        index,
        [...unitPath, 'steps', index],
        at,
        bag,
        src.node,
      );
      if (!step) {
        // Already reported; remember the name so later rules do not report it again as missing.
        unusable.add(s.step_name);
        unusableModels.add(model);
        return;
      }
      if (s.chain_input_source_steps && !s.chain_input_source_step)
        chainKeys.set(step, 'chain_input_source_steps');
      const dup = byName.get(step.name);
      if (dup) {
        bag.error(
          'duplicate-step-name',
          at([...unitPath, 'steps', index, 'step_name']).loc,
          step.path,
          `${step.path}.step_name: step name \`${step.name}\` is already used at ${dup.loc.file}:${dup.loc.line} (step names are unique in the pipeline)`,
        );
        return;
      }
      byName.set(step.name, step);
      steps.push(step);
    });
    units.push({ model, loc: keyAt(unitPath), steps });
  }
  for (const name of Object.keys(models)) {
    if (!(name in src.input.models)) {
      bag.warning(
        'unused-model',
        models[name]?.loc ?? null,
        `conf.models.${name}`,
        `model \`${name}\` is defined but not listed in conf.sagemakerPipeline.models: it gets no steps`,
      );
    }
  }

  // Pass 2: unit rules and chain sources.
  for (const unit of units) {
    const model = models[unit.model];
    checkUnit(unit.steps, model, byName, unusableModels.has(unit.model), unusable, at, bag);
  }

  // Pass 3: dependencies and cycles.
  const dependencies: DependencyEdge[] = [];
  const names = new Set([...byName.keys(), ...unusable]);
  (src.input.dependencies ?? []).forEach((_, i) => {
    const l = locate(src.node, ['dependencies', i]);
    if (l.node.kind !== 'scalar') return;
    dependencies.push(...parseDependencyLine(l.node, formatPath([...base, 'dependencies', i]), names, bag));
  });
  checkCycles(units, dependencies, byName, bag);
  const parameters = buildParameters(src.input.parameters, locate(src.node, ['parameters']).node, bag);
  checkStepExtensions(units, parameters, bag);

  const pipelineNode = src.node as CMap;
  return {
    name: src.input.pipelineName,
    description: src.input.pipelineDescription,
    file: src.file,
    loc: entry(pipelineNode, 'pipelineName')?.value.loc ?? src.keyLoc,
    units: units.map((u): UnitConfig => ({ model: u.model, loc: u.loc, steps: u.steps })),
    dependencies,
    retry: src.input.retry ? readRetry(src.input.retry, ['retry'], at, bag) : undefined,
    parameters,
    schedule: src.input.schedule
      ? buildSchedule(src.input.schedule, src.node, src.input.pipelineName, bag)
      : undefined,
  };
}

type At = (rel: (string | number)[]) => { loc: Loc; path: string };

/**
 * The section a Processing or Training step runs: the model's section named by step_type (as written, else the one
 * that matches ignoring case). Training defaults to `train`, and keeps that for the values the old template wrote on
 * Training steps (`training`, …) when the model has no such section. An unknown name is kept: the unit check
 * reports the missing section.
 */
function sectionNamed(written: string | undefined, cls: StepClass, model: ModelConfig | undefined): string {
  if (written === undefined) return 'train';
  const sections = Object.keys(model?.sections ?? {});
  // The template's values on Training steps (`train`, `transform`, `registry`, …) mean `train`; only `training`
  // may name a section of that name.
  const lower = written.toLowerCase();
  if (
    cls === 'Training' &&
    IGNORED_STEP_TYPES.includes(lower) &&
    !(lower === 'training' && sections.includes(written))
  )
    return 'train';
  if (sections.includes(written)) return written;
  const folded = sections.find((k) => k.toLowerCase() === written.toLowerCase());
  if (folded) return folded;
  if ((JOB_SECTIONS as readonly string[]).includes(written.toLowerCase())) return written.toLowerCase();
  return written;
}

function buildStep(
  s: StepInput,
  model: string,
  modelConfig: ModelConfig | undefined,
  index: number,
  rel: (string | number)[],
  at: At,
  bag: DiagnosticBag,
  node: CNode,
): StepConfig | undefined {
  const stepPath = at(rel).path;
  const cls = STEP_CLASSES.find((c) => c.toLowerCase() === s.step_class.toLowerCase());
  if (!cls) {
    const a = at([...rel, 'step_class']);
    bag.error(
      'unknown-step-class',
      a.loc,
      a.path,
      `${a.path}: unknown step class \`${s.step_class}\`: use one of ${STEP_CLASSES.join(', ')} (any case)${didYouMean(s.step_class, STEP_CLASSES)}`,
    );
    return undefined;
  }
  let stepType: StepConfig['stepType'];
  if (cls === 'Processing' || cls === 'Training') {
    const written = s.step_type;
    if (written === undefined && cls === 'Processing') {
      const a = at([...rel, 'step_class']);
      bag.error(
        'processing-needs-step-type',
        a.loc,
        `${stepPath}.step_type`,
        `${stepPath}: a Processing step needs \`step_type\`: the conf.models.${model} section it runs (preprocess, evaluate, postprocess, …)`,
      );
      return undefined;
    }
    if (written !== undefined && (NON_SECTION_KEYS as readonly string[]).includes(written)) {
      const a = at([...rel, 'step_type']);
      bag.error(
        'step-type-not-a-section',
        a.loc,
        a.path,
        `${a.path}: \`${written}\` is not a job section: step_type names the conf.models.${model} section the step runs (such as ${cls === 'Training' ? 'train' : 'preprocess'})`,
      );
      return undefined;
    }
    stepType = sectionNamed(written, cls, modelConfig);
  } else if (
    s.step_type !== undefined &&
    ![...JOB_SECTIONS, ...IGNORED_STEP_TYPES].includes(s.step_type.toLowerCase())
  ) {
    const a = at([...rel, 'step_type']);
    bag.warning(
      'ignored-step-type',
      a.loc,
      a.path,
      `${a.path}: step_type \`${s.step_type}\` is ignored on a ${cls} step`,
    );
  }
  if (s.chain_input_source_step && s.chain_input_source_steps) {
    const a = at([...rel, 'chain_input_source_steps']);
    bag.error(
      'duplicate-chain-key',
      a.loc,
      a.path,
      `${stepPath}: both chain_input_source_step and chain_input_source_steps are set: keep one (chain_input_source_step)`,
    );
  }
  if (s.chain_input_additional_prefix !== undefined && cls !== 'Transform') {
    const a = at([...rel, 'chain_input_additional_prefix']);
    bag.warning(
      'ignored-additional-prefix',
      a.loc,
      a.path,
      `${a.path}: chain_input_additional_prefix only applies to Transform steps; ignored on ${cls}`,
    );
  }
  if (s.cache_expire_after !== undefined && s.enable_cache !== true) {
    const a = at([...rel, 'cache_expire_after']);
    bag.warning(
      'expiry-without-cache',
      a.loc,
      a.path,
      `${a.path}: cache_expire_after has no effect without enable_cache: true`,
    );
  }
  return {
    name: s.step_name,
    stepClass: cls,
    stepType,
    model,
    index,
    enableCache: s.enable_cache ?? false,
    cacheConfigured: s.enable_cache !== undefined,
    cacheExpireAfter: s.cache_expire_after ?? DEFAULT_CACHE_EXPIRY,
    chainSources: s.chain_input_source_step ?? s.chain_input_source_steps ?? [],
    chainAdditionalPrefix: s.chain_input_additional_prefix,
    loc: at(rel).loc,
    path: stepPath,
    ...readStepExtensions(s, cls, rel, node, at, bag),
  };
}

function checkUnit(
  steps: readonly StepConfig[],
  model: ModelConfig | undefined,
  byName: ReadonlyMap<string, StepConfig>,
  /** A step of this unit was unusable: "needs an earlier step" errors would only repeat that error. */
  hasUnusable: boolean,
  unusable: ReadonlySet<string>,
  at: At,
  bag: DiagnosticBag,
): void {
  const seen: StepConfig[] = [];
  const rel = (s: StepConfig, ...more: (string | number)[]): (string | number)[] => [
    'models',
    s.model,
    'steps',
    s.index,
    ...more,
  ];
  const need = (s: StepConfig, cls: StepClass, code: string, why: string): void => {
    if (hasUnusable || seen.some((p) => p.stepClass === cls)) return;
    const a = at(rel(s, 'step_class'));
    bag.error(
      code,
      a.loc,
      a.path,
      `${s.path}: a ${s.stepClass} step needs an earlier ${cls} step in model \`${s.model}\` (${why})`,
    );
  };
  const section = (s: StepConfig, key: string): void => {
    if (!model) return;
    if (key === 'registry' ? model.registry : Object.hasOwn(model.sections, key)) return;
    const typed = s.stepClass === 'Processing' || (s.stepClass === 'Training' && key !== 'train');
    const a = at(rel(s, typed ? 'step_type' : 'step_class'));
    const candidates = model.keys.filter((k) => !(NON_SECTION_KEYS as readonly string[]).includes(k));
    const hint = typed ? didYouMean(key, candidates) : '';
    bag.error(
      'missing-section',
      a.loc,
      a.path,
      `${s.path}: a ${s.stepClass}${typed ? ` (${key})` : ''} step runs conf.models.${s.model}.${key}, which ${model.file} does not define${hint}`,
    );
  };

  const fromRegistry = model?.modelPackage !== undefined;
  for (const s of steps) {
    if (
      fromRegistry &&
      (s.stepClass === 'Training' || s.stepClass === 'Metrics' || s.stepClass === 'RegisterModel')
    ) {
      const a = at(rel(s, 'step_class'));
      bag.error(
        'registry-unit-step',
        a.loc,
        a.path,
        `${s.path}: a ${s.stepClass} step is not allowed in model \`${s.model}\`: its model comes from the registry (conf.models.${s.model}.model_package), so the unit only scores; remove the step, or model_package to train here`,
      );
      seen.push(s);
      continue;
    }
    switch (s.stepClass) {
      case 'Processing':
      case 'Training':
        section(s, s.stepType ?? 'train');
        break;
      case 'CreateModel':
        if (fromRegistry) break; // the model package brings image and artifacts
        need(s, 'Training', 'create-model-needs-training', 'its model data is the training artifact');
        section(s, 'registry');
        break;
      case 'Transform':
        need(s, 'CreateModel', 'transform-needs-create-model', 'it runs the model that step creates');
        if (s.chainSources.length > 1) {
          const a = at(rel(s, chainKeyOf(s)));
          bag.error(
            'transform-one-chain-source',
            a.loc,
            a.path,
            `${a.path}: a Transform step reads one input: give at most one chain source (got ${s.chainSources.length})`,
          );
        }
        if (s.chainSources.length === 0 && model) {
          const files = model.transform?.channels.flatMap((c) => c.dataFiles) ?? [];
          if (files.length !== 1) {
            const a = at(rel(s, 'step_class'));
            bag.error(
              'transform-needs-input',
              a.loc,
              a.path,
              `${s.path}: a Transform step without chain_input_source_step reads the single dataFile of conf.models.${s.model}.transform.channels (found ${files.length}); add a chain source or exactly one dataFile`,
            );
          }
        }
        break;
      case 'Metrics':
        need(s, 'Transform', 'metrics-needs-transform', 'it evaluates the transform output');
        section(s, 'evaluate');
        break;
      case 'RegisterModel':
        need(s, 'Training', 'register-needs-training', 'it registers the training artifact');
        section(s, 'registry');
        break;
    }
    s.chainSources.forEach((name, i) => {
      const a = at(rel(s, chainKeyOf(s), i));
      const src = byName.get(name);
      if (unusable.has(name)) return;
      if (!src) {
        bag.error(
          'unknown-chain-source',
          a.loc,
          a.path,
          `${a.path}: no step named \`${name}\` in the pipeline${didYouMean(name, byName.keys())}`,
        );
      } else if (src.name === s.name) {
        bag.error(
          'chain-self',
          a.loc,
          a.path,
          `${a.path}: step \`${name}\` cannot take its own output as input`,
        );
      } else if (!CHAIN_SOURCE_CLASSES.includes(src.stepClass)) {
        bag.error(
          'chain-source-class',
          a.loc,
          a.path,
          `${a.path}: \`${name}\` is a ${src.stepClass} step, which has no data output: chain from a Processing, Training or Transform step`,
        );
      }
    });
    seen.push(s);
  }
}

/** The spelling the author used (the old template wrote the plural), so positions point at it. */
const chainKeys = new WeakMap<StepConfig, string>();
function chainKeyOf(s: StepConfig): string {
  return chainKeys.get(s) ?? 'chain_input_source_step';
}

/** Data edges the unit rules imply (CreateModel reads Training, …) plus chains and explicit dependencies. */
export function impliedEdges(units: readonly { steps: readonly StepConfig[] }[]): [string, string][] {
  const edges: [string, string][] = [];
  for (const u of units) {
    const latest = new Map<StepClass, string>();
    for (const s of u.steps) {
      // A step chained to itself is reported as chain-self; no need to call it a cycle too.
      for (const src of s.chainSources) if (src !== s.name) edges.push([src, s.name]);
      const uses: StepClass[] =
        s.stepClass === 'CreateModel'
          ? ['Training']
          : s.stepClass === 'Transform'
            ? ['CreateModel']
            : s.stepClass === 'RegisterModel'
              ? ['Training', 'CreateModel', 'Metrics']
              : [];
      for (const c of uses) {
        const from = latest.get(c);
        if (from) edges.push([from, s.name]);
      }
      latest.set(s.stepClass, s.name);
    }
  }
  return edges;
}

function checkCycles(
  units: readonly { steps: readonly StepConfig[] }[],
  deps: readonly DependencyEdge[],
  byName: ReadonlyMap<string, StepConfig>,
  bag: DiagnosticBag,
): void {
  const adj = new Map<string, string[]>();
  const add = (a: string, b: string): void => {
    if (!byName.has(a) || !byName.has(b)) return;
    adj.set(a, [...(adj.get(a) ?? []), b]);
  };
  for (const [a, b] of impliedEdges(units)) add(a, b);
  for (const d of deps) add(d.from, d.to);
  const cycle = findCycle([...byName.keys()], adj);
  if (!cycle) return;
  const pairs = cycle.slice(0, -1).map((a, i) => [a, cycle[i + 1] as string] as const);
  const dep = deps.find((d) => pairs.some(([a, b]) => d.from === a && d.to === b));
  const first = byName.get(cycle[0] as string);
  bag.error(
    'dependency-cycle',
    dep?.loc ?? first?.loc ?? null,
    'conf.sagemakerPipeline.dependencies',
    `steps depend on each other in a cycle: ${cycle.join(' → ')} (dependencies and chain inputs must form a DAG); remove one of these edges`,
  );
}
