// What is deployed now, read once: the plan view diffs against it and the deploy reuses it.
import type { AwsClients } from '../aws/clients.js';
import type { DeployedPipeline } from '../aws/pipeline.js';
import { scheduleName } from '../config/schedule.js';
import type { DeployedSchedule } from '../plan/schedule.js';
import type { Deployed } from '../plan/view.js';

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

/** The deployed pipeline and schedule as the plan view takes them, and the pipeline as the deploy reuses it. */
export async function readDeployedState(
  clients: AwsClients,
  pipelineName: string,
): Promise<{ deployed: Deployed; pipeline: DeployedPipeline | null }> {
  const { readDeployed } = await import('../aws/pipeline.js');
  const d = await readDeployed(clients.sagemaker, pipelineName);
  const schedule = await readScheduleForView(clients, pipelineName);
  return {
    deployed: d
      ? {
          state: 'read',
          definition: d.definition,
          arn: d.arn,
          ...schedule,
          ...(d.lastModified ? { lastModified: d.lastModified } : {}),
          ...(d.versionName ? { version: d.versionName } : {}),
        }
      : { state: 'none', definition: null, ...schedule },
    pipeline: d,
  };
}
