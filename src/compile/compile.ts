// The compile phase: ProjectConfig → pipeline definition + code artifacts, offline.
// Reads as the pipeline: build steps per unit → wire DependsOn → top level → size → verify.
import { createHash } from 'node:crypto';
import { DiagnosticBag } from '../config/diagnostics.js';
import type { Diagnostic } from '../config/diagnostics.js';
import type { ProjectConfig, StepConfig } from '../config/types.js';
import { allSteps } from '../config/types.js';
import { BundleError } from './bundle.js';
import { CodeArtifacts } from './code.js';
import type { CompileContext } from './context.js';
import { modelOf, stepIndex } from './context.js';
import { allDefinitionSteps } from './branches.js';
import { get } from './expressions.js';
import { retryPolicies, withRetryPolicies } from './retry.js';
import { qualityGateStep } from './steps/condition.js';
import { ParameterClash, ParameterSet, parameterDefinitions, resolveParameterRefs } from './parameters.js';
import { CompileError, LOCAL_STORAGE_NOTE, sectionOf } from './steps/common.js';
import { packageBindings } from './model-packages.js';
import type { ResolvedPackage } from './model-packages.js';
import { scheduleSpec } from './schedule.js';
import { createModelStep } from './steps/create-model.js';
import { metricsStep } from './steps/metrics.js';
import type { InferenceContainer } from './steps/model-container.js';
import { processingStep } from './steps/processing.js';
import { registerModelStep } from './steps/register-model.js';
import { trainingStep } from './steps/training.js';
import { transformStep } from './steps/transform.js';
import type { Artifact, DefinitionStep, PipelineDefinition, Plan, StepOrigin } from './types.js';
import { unitLinks } from './units.js';
import { MAX_DEFINITION_CHARS, verifyDefinition } from './verify.js';

/** The SDK sends definitions of 100 KiB and more through S3 (PipelineDefinitionS3Location); so do we. */
export const INLINE_DEFINITION_LIMIT = 100 * 1024;

/** Regions where the SDK writes the default PipelineExperimentConfig (else `null`). */
const EXPERIMENT_REGIONS = new Set(
  'us-east-1 us-east-2 us-west-1 us-west-2 ca-central-1 eu-west-1 eu-west-2 eu-west-3 eu-central-1 eu-north-1 eu-south-1 eu-south-2 ap-northeast-1 ap-northeast-2 ap-northeast-3 ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-south-1 ap-east-1 sa-east-1 af-south-1 me-south-1 il-central-1 cn-north-1 cn-northwest-1'.split(
    ' ',
  ),
);

export interface CompileResult {
  readonly plan: Plan | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

export interface CompileOptions {
  /** Model package versions resolved online, by model name; missing ones get a placeholder default. */
  readonly packages?: ReadonlyMap<string, ResolvedPackage>;
}

export function compileProject(config: ProjectConfig, options: CompileOptions = {}): CompileResult {
  const bag = new DiagnosticBag();
  const bindings = packageBindings(config, options.packages);
  const ctx: CompileContext = {
    config,
    settings: config.settings,
    pipeline: config.pipeline.name,
    code: new CodeArtifacts(config, config.settings.bucket, config.pipeline.name),
    bag,
    steps: stepIndex(config),
    parameters: new ParameterSet(config.pipeline.parameters),
    packages: new Map(bindings.map((b) => [b.model, b])),
  };

  const expansions = new Map<string, DefinitionStep[]>();
  const links = unitLinks(config.pipeline.units);
  const containers = new Map<string, InferenceContainer>();
  for (const step of allSteps(config.pipeline)) {
    try {
      const stepLinks = links.get(step.name) ?? {};
      const built = buildStep(ctx, step, stepLinks, containers).map((s) =>
        withRetryPolicies(
          { ...s, Arguments: resolveParameterRefs(s.Arguments, ctx.parameters) },
          retryPolicies(s, step, config.pipeline.retry),
        ),
      );
      expansions.set(step.name, step.qualityGate ? [qualityGateStep(ctx, step, stepLinks, built)] : built);
    } catch (err) {
      if (err instanceof CompileError) bag.error('compile', err.step.loc, err.step.path, err.message);
      else if (err instanceof BundleError) {
        const m = modelOf(ctx, step);
        bag.error('bundle', m.sourceDirectoryLoc, `conf.models.${m.name}.source_directory`, err.message);
      } else if (err instanceof ParameterClash)
        bag.error('parameter-clash', step.loc, step.path, err.message);
      else throw err;
    }
  }
  addWarnings(ctx);
  if (bag.hasErrors) return { plan: undefined, diagnostics: bag.sorted() };

  const origins = new Map<string, StepOrigin>();
  const steps: DefinitionStep[] = [];
  const dependsOn = dependencies(config, expansions);
  for (const step of allSteps(config.pipeline)) {
    const expanded = expansions.get(step.name) ?? [];
    for (const s of allDefinitionSteps(expanded))
      origins.set(s.Name, { step: s.Name, model: step.model, configured: step.name, loc: step.loc });
    expanded.forEach((s, i) => {
      // The first sub-step carries the configured step's dependencies; the others follow it through data.
      const deps = i === 0 ? dependsOn.get(step.name) : undefined;
      steps.push(deps && deps.length > 0 ? withDependsOn(s, deps) : s);
    });
  }

  const definition: PipelineDefinition = {
    Version: '2020-12-01',
    Metadata: {},
    Parameters: parameterDefinitions(ctx.parameters.all()),
    PipelineExperimentConfig: EXPERIMENT_REGIONS.has(ctx.settings.region)
      ? { ExperimentName: get('Execution.PipelineName'), TrialName: get('Execution.PipelineExecutionId') }
      : null,
    Steps: steps,
  };
  const definitionJson = JSON.stringify(definition);
  for (const d of verifyDefinition(definition, origins)) bag.add(d);
  const schedule = scheduleSpec(ctx.pipeline, config.pipeline.schedule, ctx.parameters.all(), bag);
  if (bag.hasErrors) return { plan: undefined, diagnostics: bag.sorted() };

  const artifacts: Artifact[] = ctx.code.all();
  let definitionS3: Plan['definitionS3'];
  const size = Buffer.byteLength(definitionJson, 'utf8');
  if (size >= INLINE_DEFINITION_LIMIT) {
    const bytes = new TextEncoder().encode(definitionJson);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const key = `${ctx.pipeline}/definition/${sha256}.json`;
    definitionS3 = { bucket: ctx.settings.bucket, key };
    artifacts.push({
      kind: 'definition',
      s3Uri: `s3://${ctx.settings.bucket}/${key}`,
      bucket: ctx.settings.bucket,
      key,
      contentSha256: sha256,
      bytes: bytes.length,
      source: { type: 'bytes', bytes },
      description: `pipeline definition (${size} bytes ≥ 100 KiB: sent through S3)`,
    });
    bag.warning(
      'definition-via-s3',
      null,
      'definition',
      `the definition is ${size} bytes: it is uploaded to S3 and passed as PipelineDefinitionS3Location, as the SageMaker SDK does above 100 KiB`,
    );
    if (definitionJson.length >= MAX_DEFINITION_CHARS) {
      bag.warning(
        'definition-large',
        null,
        'definition',
        `the definition is ${definitionJson.length} characters, more than the ${MAX_DEFINITION_CHARS} SageMaker documents for an inline PipelineDefinition; it goes through PipelineDefinitionS3Location, for which no limit is documented, so SageMaker may still refuse it: split the pipeline if CreatePipeline fails`,
      );
    }
  }
  return {
    plan: {
      pipelineName: ctx.pipeline,
      definition,
      definitionJson,
      definitionS3,
      artifacts,
      warnings: bag.warnings,
      origins,
      parameters: ctx.parameters.all(),
      modelPackages: bindings,
      schedule,
    },
    diagnostics: bag.sorted(),
  };
}

function buildStep(
  ctx: CompileContext,
  step: StepConfig,
  links: ReturnType<typeof unitLinks> extends Map<string, infer L> ? L : never,
  containers: Map<string, InferenceContainer>,
): DefinitionStep[] {
  switch (step.stepClass) {
    case 'Processing':
      return [processingStep(ctx, step)];
    case 'Training':
      return [trainingStep(ctx, step)];
    case 'CreateModel': {
      const r = createModelStep(ctx, step, links);
      if (r.container) containers.set(step.name, r.container);
      return r.steps;
    }
    case 'Transform':
      return [transformStep(ctx, step, links)];
    case 'Metrics':
      return [metricsStep(ctx, step)];
    case 'RegisterModel': {
      const created = links.CreateModel ? containers.get(links.CreateModel.name) : undefined;
      // Reuse the CreateModel container only when it serves the same training the register step would.
      const same =
        created && links.CreateModel && links.Training && links.CreateModel.index > links.Training.index;
      return registerModelStep(ctx, step, links, same ? created : undefined);
    }
  }
}

/** DependsOn per configured step: every compiled name of each upstream step, in `dependencies` order. */
function dependencies(
  config: ProjectConfig,
  expansions: ReadonlyMap<string, DefinitionStep[]>,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const edge of config.pipeline.dependencies) {
    const list = out.get(edge.to) ?? [];
    for (const s of expansions.get(edge.from) ?? []) if (!list.includes(s.Name)) list.push(s.Name);
    out.set(edge.to, list);
  }
  return out;
}

function withDependsOn(step: DefinitionStep, deps: readonly string[]): DefinitionStep {
  // Rebuilt to keep the SDK's key order: Name, Type, Arguments, DependsOn, then the rest.
  const { Name, Type, Arguments, ...rest } = step;
  return { Name, Type, Arguments, DependsOn: [...deps], ...rest };
}

function addWarnings(ctx: CompileContext): void {
  const steps = allSteps(ctx.config.pipeline);
  const uncached = steps.filter(
    (s) => (s.stepClass === 'Processing' || s.stepClass === 'Training') && !s.cacheConfigured,
  );
  if (uncached.length > 0) {
    ctx.bag.warning(
      'caching-changed',
      uncached[0]?.loc ?? null,
      'enable_cache',
      `not cached: ${uncached.map((s) => `\`${s.name}\``).join(', ')} (the old framework cached every Processing and Training step for 10 days whatever enable_cache said; smp honours it). To keep caching, add \`enable_cache: True\` to those steps`,
    );
  }
  for (const s of steps) {
    if (s.enableCache && (s.stepClass === 'CreateModel' || s.stepClass === 'RegisterModel')) {
      ctx.bag.warning(
        'cache-ignored',
        s.loc,
        s.path,
        `${s.name}: enable_cache has no effect on a ${s.stepClass} step (SageMaker does not cache them)`,
      );
    }
  }
  if (ctx.settings.kmsKey) {
    const skipped = steps.filter((s) => {
      const section = sectionOf(ctx, s);
      return section?.instanceType !== undefined && LOCAL_STORAGE_NOTE.test(section.instanceType);
    });
    for (const s of skipped) {
      ctx.bag.warning(
        'volume-kms-skipped',
        s.loc,
        s.path,
        `${s.name}: its instance type has local NVMe storage, which SageMaker encrypts itself; SMP_KMSKEY is not set as the volume key there`,
      );
    }
  }
}
