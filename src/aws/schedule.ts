// The pipeline's EventBridge Scheduler schedule (`smp-<pipelineName>`, group default): read it, then create,
// update or delete it so it matches the config. Writes only when something differs, and never touches a
// schedule that does not carry our name and description marker.
import {
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import type { SchedulerClient } from '@aws-sdk/client-scheduler';
import type { ScheduleSpec } from '../compile/schedule.js';
import type { DeployedSchedule, ScheduleAction } from '../plan/schedule.js';

const GROUP = 'default';

/** The deployed schedule with this name; null when there is none. */
export async function readSchedule(client: SchedulerClient, name: string): Promise<DeployedSchedule | null> {
  try {
    const out = await client.send(new GetScheduleCommand({ Name: name, GroupName: GROUP }));
    return {
      name: out.Name ?? name,
      expression: out.ScheduleExpression ?? '',
      // Scheduler evaluates expressions in UTC when no time zone is set.
      timezone: out.ScheduleExpressionTimezone ?? 'UTC',
      roleArn: out.Target?.RoleArn ?? '',
      targetArn: out.Target?.Arn ?? '',
      enabled: out.State !== 'DISABLED',
      parameters: (out.Target?.SageMakerPipelineParameters?.PipelineParameterList ?? []).map((p) => ({
        Name: p.Name ?? '',
        Value: p.Value ?? '',
      })),
      description: out.Description ?? '',
    };
  } catch (err) {
    if ((err as { name?: string }).name === 'ResourceNotFoundException') return null;
    throw err;
  }
}

export type ScheduleOutcome = 'created' | 'updated' | 'unchanged' | 'deleted' | 'none' | 'left-alone';

function request(spec: ScheduleSpec, targetArn: string) {
  return {
    Name: spec.name,
    GroupName: GROUP,
    ScheduleExpression: spec.expression,
    ScheduleExpressionTimezone: spec.timezone,
    Description: spec.description,
    State: spec.enabled ? ('ENABLED' as const) : ('DISABLED' as const),
    FlexibleTimeWindow: { Mode: 'OFF' as const },
    Target: {
      Arn: targetArn,
      RoleArn: spec.roleArn,
      ...(spec.parameters.length > 0
        ? { SageMakerPipelineParameters: { PipelineParameterList: spec.parameters.map((p) => ({ ...p })) } }
        : {}),
    },
  };
}

/** Carries out `action` (from plan/schedule.ts scheduleAction); a foreign schedule is left alone. */
export async function applySchedule(
  client: SchedulerClient,
  action: ScheduleAction,
  targetArn: string,
): Promise<ScheduleOutcome> {
  switch (action.kind) {
    case 'none':
      return 'none';
    case 'unchanged':
      return 'unchanged';
    case 'foreign':
      return 'left-alone';
    case 'create':
      await client.send(new CreateScheduleCommand(request(action.spec, targetArn)));
      return 'created';
    case 'update':
      await client.send(new UpdateScheduleCommand(request(action.spec, targetArn)));
      return 'updated';
    case 'delete':
      await client.send(new DeleteScheduleCommand({ Name: action.deployed.name, GroupName: GROUP }));
      return 'deleted';
  }
}
