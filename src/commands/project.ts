// Load and compile, the offline phases every command starts with.
import { compileProject } from '../compile/compile.js';
import type { Plan } from '../compile/types.js';
import type { Diagnostic } from '../config/diagnostics.js';
import { loadProject } from '../config/load.js';
import type { Env } from '../config/settings.js';
import type { ProjectConfig } from '../config/types.js';
import type { AwsClients } from '../aws/clients.js';
import type { DeployContext } from '../aws/deploy.js';
import type { GroupSpec, Tag } from '../aws/pipeline.js';
import { scheduleName } from '../config/schedule.js';
import { modelPackageGroups } from '../plan/model-groups.js';
import type { DeployedSchedule } from '../plan/schedule.js';
import { sourceMap } from '../plan/sources.js';

export interface Compiled {
  readonly config: ProjectConfig | undefined;
  readonly plan: Plan | undefined;
  /** Config and compile diagnostics, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** Best effort, also for an invalid project. */
  readonly pipelineName: string | undefined;
}

export function loadAndCompile(opts: {
  workspace: string;
  globs: readonly string[];
  env: Env;
  allowPlaceholders: boolean;
  extraRoots?: readonly string[];
  /** Warnings are errors: no plan while there is one. */
  strict?: boolean;
}): Compiled {
  const r = loadAndCompileLenient(opts);
  if (!opts.strict || !r.diagnostics.some(isStrictError)) return r;
  return { ...r, plan: undefined, diagnostics: strictDiagnostics(r.diagnostics) };
}

/** Under `strict`, every warning but the offline placeholders (which are no config problem) is an error. */
function isStrictError(d: Diagnostic): boolean {
  return d.severity === 'warning' && d.code !== 'placeholder-settings';
}

export function strictDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return ds.map((d) =>
    isStrictError(d) ? { ...d, severity: 'error', message: `${d.message} (an error with strict)` } : d,
  );
}

function loadAndCompileLenient(opts: {
  workspace: string;
  globs: readonly string[];
  env: Env;
  allowPlaceholders: boolean;
  extraRoots?: readonly string[];
}): Compiled {
  const loaded = loadProject(opts);
  if (!loaded.config) {
    return {
      config: undefined,
      plan: undefined,
      diagnostics: loaded.diagnostics,
      pipelineName: loaded.pipelineName,
    };
  }
  const compiled = compileProject(loaded.config);
  // The plan carries every warning (config and compile) so each view shows them, and its source map.
  const warnings = [...loaded.diagnostics, ...compiled.diagnostics].filter((d) => d.severity === 'warning');
  const plan = compiled.plan && {
    ...compiled.plan,
    warnings: [...new Set([...warnings, ...compiled.plan.warnings])],
    sources: sourceMap(loaded.config, compiled.plan),
  };
  return {
    config: loaded.config,
    plan,
    diagnostics: [...loaded.diagnostics, ...compiled.diagnostics],
    pipelineName: loaded.config.pipeline.name,
  };
}

/**
 * The plan with every `model_package` resolved in the Model Registry (the versioned ARNs become the parameter
 * defaults, and so part of the plan hash). A plan without such units is returned as it is.
 */
export async function resolvePlan(config: ProjectConfig, plan: Plan, clients: AwsClients): Promise<Plan> {
  if (plan.modelPackages.length === 0) return plan;
  const { resolvePackages } = await import('../aws/model-packages.js');
  const packages = await resolvePackages(
    clients.sagemaker,
    plan.modelPackages,
    clients.region,
    config.settings.accountId,
  );
  const again = compileProject(config, { packages });
  // The same config compiled a moment ago; only the parameter defaults differ.
  if (!again.plan) throw new Error(`internal: the plan no longer compiles with resolved model packages`);
  return again.plan;
}

/** The deployed `smp-<pipeline>` schedule for the plan view; a failed read is a note, not a failure. */
export async function readScheduleForView(
  clients: AwsClients,
  pipeline: string,
): Promise<{ schedule?: DeployedSchedule | null; scheduleNote?: string }> {
  const { readSchedule } = await import('../aws/schedule.js');
  try {
    return { schedule: await readSchedule(await clients.scheduler(), scheduleName(pipeline)) };
  } catch (err) {
    const e = err as { name?: string; message?: string };
    return {
      scheduleNote: `could not read it: ${e.name ?? 'Error'}: ${(e.message ?? String(err)).split('\n')[0] ?? ''}`,
    };
  }
}

/** The model package groups to ensure, with the descriptions their configs give. */
export function groupSpecs(config: ProjectConfig, plan: Plan): GroupSpec[] {
  const byGroup = new Map<string, string | undefined>();
  for (const m of Object.values(config.models)) {
    const name = m.registry?.modelPackageGroupName ?? `${config.pipeline.name}-${m.name}`;
    byGroup.set(name, m.registry?.modelPackageGroupDescription);
  }
  return modelPackageGroups(plan).map((name) => ({ name, description: byGroup.get(name) }));
}

/** Tags smp puts on what it creates: who manages it, and from which repository. */
export function managedTags(repository: string | undefined): Tag[] {
  return [
    { Key: 'managed-by', Value: 'smp-action' },
    ...(repository ? [{ Key: 'smp-action:repository', Value: repository.slice(0, 256) }] : []),
  ];
}

/** The deploy context both the action and the CLI build from a compiled project. */
export function deployContext(opts: {
  readonly config: ProjectConfig;
  readonly plan: Plan;
  readonly planHash: string;
  readonly clients: AwsClients;
  readonly description: string | undefined;
  readonly repository: string | undefined;
  readonly parallelism: number | undefined;
  readonly log: (line: string) => void;
  readonly signal: AbortSignal;
}): DeployContext {
  const { config, plan } = opts;
  return {
    clients: opts.clients,
    plan,
    planHash: opts.planHash,
    roleArn: config.settings.role,
    kmsKey: config.settings.kmsKey,
    description: opts.description ?? config.pipeline.description,
    tags: managedTags(opts.repository),
    parallelism: opts.parallelism,
    groups: groupSpecs(config, plan),
    accountId: config.settings.accountId,
    log: opts.log,
    signal: opts.signal,
  };
}
