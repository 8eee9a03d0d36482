// Plan + deployed definition → everything the views need: diff, DAG, hash.
import { allDefinitionSteps } from '../compile/branches.js';
import type { ResolvedPackage } from '../compile/model-packages.js';
import type { ScheduleSpec } from '../compile/schedule.js';
import type { Artifact, PipelineDefinition, Plan, SourceMap } from '../compile/types.js';
import type { Diagnostic } from '../config/diagnostics.js';
import { scheduleName } from '../config/schedule.js';
import { planDag } from './dag.js';
import type { DetailGraph } from './dag.js';
import { diffDefinitions } from './diff.js';
import type { DefinitionDiff } from './diff.js';
import { planHashOf } from './hash.js';
import { scheduleAction } from './schedule.js';
import type { DeployedSchedule, ScheduleAction } from './schedule.js';

/** Everything the plan renderers (PR comment, summary, plan.md, text) need. */
export interface PlanView {
  readonly pipeline: string;
  readonly planHash: string;
  readonly steps: number;
  /** The diff against the deployed pipeline; `deployed: 'unknown'` when it could not be read. */
  readonly diff: DefinitionDiff;
  readonly deployed: 'read' | 'none' | 'unknown';
  /** Why the deployed pipeline is unknown (e.g. "no AWS credentials on a fork PR"). */
  readonly deployedNote?: string;
  /** The first graph (every step, or one node per model above READABLE_STEPS). */
  readonly mermaid: string;
  readonly graphNotice?: string;
  /** One line under the graph saying what its marks mean. */
  readonly graphCaption?: string;
  /** Under a one-node-per-model graph: each changed model's step graph. */
  readonly graphDetails?: readonly DetailGraph[];
  /** Definition field → config key and position, to name a changed field as the author wrote it. */
  readonly sources?: SourceMap;
  /** Per changed code bundle (by the new content sha256): the files that differ, from the bundles' manifests. */
  readonly codeFiles?: ReadonlyMap<string, FileChanges>;
  /** Where the plan came from and what it was compared with, for links and the footer. */
  readonly provenance?: Provenance;
  readonly artifacts: readonly Pick<Artifact, 'key' | 'bytes' | 'description' | 'kind'>[];
  readonly warnings: readonly Diagnostic[];
  /** Units scoring with a registered model: the version this plan uses and the one deployed. */
  readonly packages?: readonly PackageView[];
  /** The schedule deploy keeps (undefined spec: none) and what deploy will do to it (undefined: not read). */
  readonly schedule?: ScheduleView;
  /** Status lines under the verdict (the main-branch run's outcome on the merged PR's comment). */
  readonly status?: readonly string[];
  /** Extra sections (execution status, registered models) rendered before the hash. */
  readonly extra?: readonly string[];
}

export interface PackageView {
  readonly model: string;
  readonly parameter: string;
  readonly group: string;
  readonly version: 'latest-approved' | number | string;
  /** Undefined: planned offline (a placeholder ARN is the default). */
  readonly resolved: ResolvedPackage | undefined;
  /** The deployed pipeline's default for the parameter, when it has one. */
  readonly deployedArn: string | undefined;
}

export interface ScheduleView {
  readonly name: string;
  readonly spec: ScheduleSpec | undefined;
  readonly action: ScheduleAction | undefined;
  /** Why the deployed schedule is unknown, when it is. */
  readonly note?: string;
}

export interface FileChanges {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

export interface Provenance {
  /** `https://github.com/o/r/blob/<sha>/<working-directory>/`: a config path and `#L<line>` are appended. */
  readonly blobBase?: string;
  readonly commitSha?: string;
  readonly commitUrl?: string;
  readonly runUrl?: string;
  /** `run #12`, `run 123456 attempt 2`. */
  readonly runLabel?: string;
  /** When the deployed pipeline was last modified (ISO time), shown with what the plan was compared with. */
  readonly deployedModified?: string;
  /** The deployed version's display name, when SageMaker has one for it. */
  readonly deployedVersion?: string;
}

export interface Deployed {
  /** `none`: no such pipeline yet; `unknown`: it could not be read (no credentials, offline). */
  readonly state: 'read' | 'none' | 'unknown';
  readonly definition: PipelineDefinition | null;
  readonly note?: string;
  /** The deployed pipeline's ARN, when read. */
  readonly arn?: string;
  /** GetSchedule of `smp-<pipeline>`: null none, undefined not read. */
  readonly schedule?: DeployedSchedule | null;
  /** Why the schedule could not be read. */
  readonly scheduleNote?: string;
  /** ISO time the deployed pipeline was last modified. */
  readonly lastModified?: string;
  /** The deployed version's display name (DescribePipeline's PipelineVersionDisplayName). */
  readonly version?: string;
}

export const OFFLINE: Deployed = {
  state: 'unknown',
  definition: null,
  note: 'planned offline, without reading the deployed pipeline',
};

export function stepModels(plan: Plan): Map<string, string> {
  return new Map([...plan.origins].map(([name, o]) => [name, o.model]));
}

export function buildPlanView(plan: Plan, deployed: Deployed): PlanView {
  const diff = diffDefinitions(deployed.state === 'read' ? deployed.definition : null, plan.definition);
  const dag = planDag(plan.definition, stepModels(plan), deployed.state === 'read' ? diff : undefined);
  return {
    pipeline: plan.pipelineName,
    planHash: planHashOf(plan),
    steps: allDefinitionSteps(plan.definition.Steps).length,
    diff,
    deployed: deployed.state,
    ...(deployed.note ? { deployedNote: deployed.note } : {}),
    mermaid: dag.mermaid,
    ...(dag.notice ? { graphNotice: dag.notice } : {}),
    graphCaption: dag.caption,
    graphDetails: dag.details,
    ...(deployed.lastModified || deployed.version
      ? {
          provenance: {
            ...(deployed.lastModified ? { deployedModified: deployed.lastModified } : {}),
            ...(deployed.version ? { deployedVersion: deployed.version } : {}),
          },
        }
      : {}),
    artifacts: plan.artifacts,
    warnings: plan.warnings,
    packages: plan.modelPackages.map((b) => ({
      model: b.model,
      parameter: b.parameter,
      group: b.group,
      version: b.version,
      resolved: b.resolved,
      deployedArn: deployed.state === 'read' ? parameterDefault(deployed.definition, b.parameter) : undefined,
    })),
    schedule: scheduleView(plan, deployed),
    ...(plan.sources ? { sources: plan.sources } : {}),
  };
}

function scheduleView(plan: Plan, deployed: Deployed): ScheduleView {
  const name = scheduleName(plan.pipelineName);
  const target = deployed.arn ?? '';
  const action =
    deployed.state === 'unknown' ? undefined : scheduleAction(plan.schedule, name, target, deployed.schedule);
  return {
    name,
    spec: plan.schedule,
    action,
    ...(deployed.scheduleNote ? { note: deployed.scheduleNote } : {}),
  };
}

function parameterDefault(def: PipelineDefinition | null, name: string): string | undefined {
  const p = def?.Parameters.find(
    (x) =>
      x !== null && typeof x === 'object' && !Array.isArray(x) && (x as { Name?: unknown }).Name === name,
  ) as { DefaultValue?: unknown } | undefined;
  return typeof p?.DefaultValue === 'string' ? p.DefaultValue : undefined;
}

/** Reads a definition from a file's JSON: the definition itself, or DescribePipeline output (PipelineDefinition string). */
export function definitionFromJson(data: unknown): PipelineDefinition {
  if (data && typeof data === 'object' && 'PipelineDefinition' in data) {
    const inner = (data as { PipelineDefinition: unknown }).PipelineDefinition;
    return definitionFromJson(typeof inner === 'string' ? (JSON.parse(inner) as unknown) : inner);
  }
  if (!data || typeof data !== 'object' || !Array.isArray((data as { Steps?: unknown }).Steps)) {
    throw new Error(
      'not a pipeline definition: expected an object with a Steps list (or DescribePipeline output with PipelineDefinition)',
    );
  }
  const d = data as Partial<PipelineDefinition>;
  (d.Steps as unknown[]).forEach((s, i) => {
    const step = s as { Name?: unknown; Type?: unknown; Arguments?: unknown } | null;
    if (!step || typeof step !== 'object' || typeof step.Name !== 'string' || typeof step.Type !== 'string') {
      throw new Error(`not a pipeline definition: Steps[${i}] needs a Name and a Type`);
    }
    if (step.Arguments !== undefined && (typeof step.Arguments !== 'object' || step.Arguments === null)) {
      throw new Error(`not a pipeline definition: Steps[${i}].Arguments must be an object`);
    }
  });
  return {
    Version: '2020-12-01',
    Metadata: d.Metadata ?? {},
    Parameters: d.Parameters ?? [],
    PipelineExperimentConfig: d.PipelineExperimentConfig ?? null,
    Steps: d.Steps ?? [],
  };
}
