// EventBridge Scheduler (REST-JSON) state and operations: schedules in groups, as GetSchedule,
// CreateSchedule, UpdateSchedule and DeleteSchedule see them. Inputs arrive already assembled from the path,
// query and body and checked against the API model; outputs are checked against the output shapes by the
// server.
import { AwsError } from './types.js';
import type { RequestContext } from './types.js';

type Json = Record<string, unknown>;

export interface ScheduleRecord {
  name: string;
  group: string;
  arn: string;
  createdAt: number;
  modifiedAt: number;
  /** The Create/Update input minus Name, GroupName and ClientToken. */
  spec: Json;
}

const ts = (ms: number): number => ms / 1000;

function notFound(message: string): AwsError {
  return new AwsError('ResourceNotFoundException', message, 404, { messageMember: 'Message' });
}
function conflict(message: string): AwsError {
  return new AwsError('ConflictException', message, 409, { messageMember: 'Message' });
}
function validation(message: string): AwsError {
  return new AwsError('ValidationException', message, 400, { messageMember: 'Message' });
}

/** What the service checks beyond the model: the expression's form and a known time zone. */
const EXPRESSION =
  /^(cron\([^()]+\)|rate\(\d+ (minute|minutes|hour|hours|day|days)\)|at\(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\))$/;

export class SchedulerService {
  readonly schedules = new Map<string, ScheduleRecord>();

  /** Test setup: a schedule someone else created (no smp marker), e.g. a look-alike of ours. */
  put(
    name: string,
    spec: Json,
    opts: { group?: string; region?: string; accountId?: string; now?: number } = {},
  ): ScheduleRecord {
    const group = opts.group ?? 'default';
    const record: ScheduleRecord = {
      name,
      group,
      arn: `arn:aws:scheduler:${opts.region ?? 'us-east-1'}:${opts.accountId ?? '123456789012'}:schedule/${group}/${name}`,
      createdAt: opts.now ?? 0,
      modifiedAt: opts.now ?? 0,
      spec,
    };
    this.schedules.set(`${group}/${name}`, record);
    return record;
  }

  get(name: string, group = 'default'): ScheduleRecord | undefined {
    return this.schedules.get(`${group}/${name}`);
  }

  handle(operation: string, input: Json, ctx: RequestContext): Json {
    const name = input.Name as string;
    const group = (input.GroupName as string | undefined) ?? 'default';
    const key = `${group}/${name}`;
    const existing = this.schedules.get(key);
    switch (operation) {
      case 'GetSchedule': {
        if (!existing) throw notFound(`Schedule ${name} does not exist.`);
        return {
          Arn: existing.arn,
          Name: existing.name,
          GroupName: existing.group,
          CreationDate: ts(existing.createdAt),
          LastModificationDate: ts(existing.modifiedAt),
          ...existing.spec,
        };
      }
      case 'CreateSchedule': {
        if (group !== 'default') throw notFound(`Schedule group ${group} does not exist.`);
        if (existing) throw conflict(`Schedule ${name} already exists.`);
        const spec = this.#spec(input);
        const record = this.put(name, spec, {
          group,
          region: ctx.region,
          accountId: ctx.accountId,
          now: ctx.now,
        });
        return { ScheduleArn: record.arn };
      }
      case 'UpdateSchedule': {
        if (!existing) throw notFound(`Schedule ${name} does not exist.`);
        existing.spec = this.#spec(input);
        existing.modifiedAt = ctx.now;
        return { ScheduleArn: existing.arn };
      }
      case 'DeleteSchedule': {
        if (!existing) throw notFound(`Schedule ${name} does not exist.`);
        this.schedules.delete(key);
        return {};
      }
      default:
        throw new AwsError(
          'UnknownOperationException',
          `The test server does not implement Scheduler.${operation}.`,
        );
    }
  }

  #spec(input: Json): Json {
    const expression = input.ScheduleExpression as string;
    if (!EXPRESSION.test(expression)) throw validation(`Invalid Schedule Expression ${expression}.`);
    const tz = input.ScheduleExpressionTimezone as string | undefined;
    if (tz !== undefined && !isTimeZone(tz)) throw validation(`Invalid Timezone ${tz}.`);
    const target = input.Target as Json;
    if (
      typeof target.Arn === 'string' &&
      target.Arn.includes(':sagemaker:') &&
      !/:pipeline\/[^/]+$/.test(target.Arn)
    )
      throw validation(`Invalid SageMaker target ARN ${target.Arn}.`);
    const spec: Json = { State: 'ENABLED', ActionAfterCompletion: 'NONE' };
    for (const [k, v] of Object.entries(input)) {
      if (k !== 'Name' && k !== 'GroupName' && k !== 'ClientToken' && v !== undefined) spec[k] = v;
    }
    // The service fills in the target's retry policy when none is given (GetSchedule shows it).
    spec.Target = { RetryPolicy: { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 }, ...target };
    return spec;
  }
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
