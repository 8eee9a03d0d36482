// What a deploy needs beyond the plan: the role, tags, model package groups and the logging/abort hooks, built
// the same way by the action and the CLI.
import type { Plan } from '../compile/types.js';
import type { ProjectConfig } from '../config/types.js';
import type { AwsClients } from '../aws/clients.js';
import type { DeployContext } from '../aws/deploy.js';
import type { GroupSpec, Tag } from '../aws/pipeline.js';
import type { WaitOptions } from '../aws/wait.js';
import { modelPackageGroups } from '../plan/model-groups.js';
import type { DeployedSchedule } from '../plan/schedule.js';

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
  /** The schedule the plan view read (undefined: not read): the deploy reuses it, as it does the pipeline. */
  readonly knownSchedule?: DeployedSchedule | null | undefined;
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
    ...(opts.knownSchedule !== undefined ? { knownSchedule: opts.knownSchedule } : {}),
  };
}

/** How long and how often a run waits, as both entry points take it (the `wait*` inputs, `--wait*` flags). */
export interface WaitSettings {
  readonly wait: boolean;
  readonly pollSeconds: number;
  readonly timeoutMinutes: number;
  /** Stop the execution when the wait times out or the job is cancelled. */
  readonly stopOnCancel: boolean;
}

/** The wait of a run, or undefined for start-and-return. */
export function waitOptions(
  w: WaitSettings,
  signal: AbortSignal,
  log: (line: string) => void,
): WaitOptions | undefined {
  if (!w.wait) return undefined;
  return {
    intervalMs: w.pollSeconds * 1000,
    timeoutMs: w.timeoutMinutes * 60_000,
    stopOnTimeout: w.stopOnCancel,
    stopOnCancel: w.stopOnCancel,
    signal,
    log,
  };
}
