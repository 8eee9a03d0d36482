// Batch inference from the Model Registry and schedules, through the REAL SDK clients against the local AWS
// server: which version a plan picks, what deploy writes to EventBridge Scheduler (and what it never
// touches), and the version `run` passes at start.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListModelPackagesCommand } from '@aws-sdk/client-sagemaker';
import { describe, expect, it } from 'vitest';
import { DeployRefused, deployPipeline, runPipeline } from '../../src/aws/deploy.js';
import { executionToken } from '../../src/aws/execution.js';
import { resolvePlan } from '../../src/app/resolve-plan.js';
import { planHashOf } from '../../src/plan/hash.js';
import {
  budget,
  clockWait,
  compile,
  deployContext,
  logger,
  REPO,
  runContext,
  wireSuite,
  writes,
} from './helpers/aws.js';
import type { Compiled } from './helpers/aws.js';

const suite = wireSuite();

const SCORING = 'examples/tf-scoring/conf/conf.yaml';
const DAY = 86_400_000;

/** A temp copy of the tf-scoring example (and the tf scripts it uses) with its own pipeline and group. */
function scoringWorkspace(
  pipeline: string,
  group: string,
  edit: (yaml: string) => string = (y) => y,
): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'smp-scoring-'));
  cpSync(path.join(REPO, 'examples/tf/modelscripts'), path.join(ws, 'examples/tf/modelscripts'), {
    recursive: true,
  });
  cpSync(path.join(REPO, 'examples/tf-scoring'), path.join(ws, 'examples/tf-scoring'), { recursive: true });
  rewrite(ws, (y) =>
    edit(
      y
        .replace('pipelineName: calhousing-scoring', `pipelineName: ${pipeline}`)
        .replace('group: calhousing-test-calhousing', `group: ${group}`),
    ),
  );
  return ws;
}

function rewrite(ws: string, edit: (yaml: string) => string): void {
  const file = path.join(ws, SCORING);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

/** Versions 1 (Approved, oldest), 2 (Rejected), 3 (Approved, newest), 4 (Pending), a day apart. */
function seedVersions(group: string): string[] {
  const t0 = suite.server.clock.now() - 10 * DAY;
  const statuses = ['Approved', 'Rejected', 'Approved', 'PendingManualApproval'] as const;
  return statuses.map(
    (approval, i) => suite.server.sagemaker.addModelPackage({ group, approval, createdAt: t0 + i * DAY }).arn,
  );
}

async function resolved(ws: string): Promise<Compiled> {
  const c = compile(ws, [SCORING]);
  const plan = await resolvePlan(c.config, c.plan, suite.clients);
  return { ...c, plan, hash: planHashOf(plan) };
}

const param = (c: Compiled): unknown => c.plan.definition.Parameters[0];

describe('model_package: latest-approved', () => {
  it('with versions 1 Approved, 2 Rejected, 3 Approved (newest), 4 Pending the plan picks 3, asked newest-first', async () => {
    const arns = seedVersions('score-pick');
    const ws = scoringWorkspace('score-pick-p', 'score-pick');
    const offline = compile(ws, [SCORING]);
    expect(offline.plan.modelPackages[0]?.resolved).toBeUndefined();

    const c = await resolved(ws);
    expect(param(c)).toEqual({ Name: 'CalhousingModelPackage', Type: 'String', DefaultValue: arns[2] });
    expect(c.plan.modelPackages[0]?.resolved).toMatchObject({ version: 3, approvalStatus: 'Approved' });
    // The resolved ARN is part of what the plan hash covers.
    expect(c.hash).not.toBe(offline.hash);
    const list = suite.server.requests.filter('ListModelPackages');
    expect(list).toHaveLength(1);
    expect(list[0]!.input).toMatchObject({
      ModelPackageGroupName: 'score-pick',
      ModelApprovalStatus: 'Approved',
      SortBy: 'CreationTime',
      SortOrder: 'Descending',
      MaxResults: 1,
    });
    const model = c.plan.definition.Steps.find((s) => s.Type === 'Model');
    expect(model?.Arguments.PrimaryContainer).toEqual({
      ModelPackageName: { Get: 'Parameters.CalhousingModelPackage' },
    });
  });

  it('the suite.server keeps the API default order (Ascending): without SortOrder the first result is the oldest', async () => {
    const arns = seedVersions('score-order');
    const out = await suite.clients.sagemaker.send(
      new ListModelPackagesCommand({
        ModelPackageGroupName: 'score-order',
        ModelApprovalStatus: 'Approved',
        SortBy: 'CreationTime',
        MaxResults: 1,
      }),
    );
    expect(out.ModelPackageSummaryList?.map((p) => p.ModelPackageArn)).toEqual([arns[0]]);
    // Without a group, the documented default type (Unversioned) lists none of these versioned packages.
    const all = await suite.clients.sagemaker.send(
      new ListModelPackagesCommand({ NameContains: 'score-order' }),
    );
    expect(all.ModelPackageSummaryList).toEqual([]);
  });

  it('no approved version: a clear error naming the group, before any write', async () => {
    suite.server.sagemaker.addModelPackage({
      group: 'score-none',
      approval: 'PendingManualApproval',
      createdAt: suite.server.clock.now(),
    });
    const ws = scoringWorkspace('score-none-p', 'score-none');
    const c = compile(ws, [SCORING]);
    await expect(resolvePlan(c.config, c.plan, suite.clients)).rejects.toThrow(
      /model package group score-none \(model `calhousing`\) has no Approved version/,
    );
    expect(writes(suite.server.requests.all)).toEqual([]);
  });
});

describe('model_package: a pinned version', () => {
  it('version 2 (Rejected) is refused; require_approved: false takes it; an ARN is described as given', async () => {
    const arns = seedVersions('score-pin');
    const ws = scoringWorkspace('score-pin-p', 'score-pin', (y) =>
      y.replace('version: latest-approved ', 'version: 2 '),
    );
    const c = compile(ws, [SCORING]);
    await expect(resolvePlan(c.config, c.plan, suite.clients)).rejects.toThrow(
      /score-pin\/2 \(model `calhousing`\) is Rejected, not Approved/,
    );
    expect(suite.server.requests.last('DescribeModelPackage')?.input).toEqual({
      ModelPackageName: 'arn:aws:sagemaker:us-east-1:111122223333:model-package/score-pin/2',
    });

    rewrite(ws, (y) => y.replace('version: 2 ', 'version: 2\n        require_approved: false '));
    expect(param(await resolved(ws))).toMatchObject({ DefaultValue: arns[1] });

    rewrite(ws, (y) => y.replace('version: 2\n        require_approved: false ', `version: ${arns[0]!} `));
    const byArn = await resolved(ws);
    expect(param(byArn)).toMatchObject({ DefaultValue: arns[0] });
    expect(suite.server.requests.last('DescribeModelPackage')?.input).toEqual({ ModelPackageName: arns[0] });
  });

  it('a failed (not Completed) version is refused even when approved', async () => {
    suite.server.sagemaker.addModelPackage({
      group: 'score-failed',
      approval: 'Approved',
      status: 'Failed',
      createdAt: suite.server.clock.now(),
    });
    const ws = scoringWorkspace('score-failed-p', 'score-failed');
    const c = compile(ws, [SCORING]);
    await expect(resolvePlan(c.config, c.plan, suite.clients)).rejects.toThrow(/is Failed, not Completed/);
  });
});

describe('deploy with a schedule', () => {
  it('creates pipeline and schedule; an unchanged redeploy writes nothing; an edit updates only the schedule', async () => {
    seedVersions('score-sched');
    const ws = scoringWorkspace('score-sched-p', 'score-sched');
    const c = await resolved(ws);
    const { lines, log } = logger();
    const first = await deployPipeline(deployContext(suite.clients, c, log));
    expect(first.action).toBe('created');
    expect(first.schedule).toBe('created');
    const created = suite.server.requests.last('CreateSchedule')!;
    expect(created.input).toMatchObject({
      Name: 'smp-score-sched-p',
      GroupName: 'default',
      ScheduleExpression: 'cron(0 6 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Paris',
      State: 'ENABLED',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: first.pipelineArn,
        RoleArn: 'arn:aws:iam::111122223333:role/smp-scheduler',
      },
    });
    expect(String(created.input.Description)).toMatch(/^smp-action: starts SageMaker pipeline score-sched-p/);
    expect(lines).toContain('Schedule smp-score-sched-p: created');
    // The pipeline does not yet create a model group: a scoring unit registers nothing.
    expect(budget(writes(suite.server.requests.all))).toEqual({
      PutObject: 3, // two artifacts and the source bundle's file manifest
      CreatePipeline: 1,
      CreateSchedule: 1,
    });

    suite.server.requests.reset();
    const again = await resolved(ws);
    const second = await deployPipeline(deployContext(suite.clients, again, log));
    expect([second.action, second.schedule]).toEqual(['unchanged', 'unchanged']);
    expect(writes(suite.server.requests.all)).toEqual([]);
    expect(suite.server.requests.count('GetSchedule')).toBe(1);

    rewrite(ws, (y) => y.replace('cron(0 6 * * ? *)', 'cron(30 5 * * ? *)'));
    suite.server.requests.reset();
    const third = await deployPipeline(deployContext(suite.clients, await resolved(ws), log));
    expect([third.action, third.schedule]).toEqual(['unchanged', 'updated']);
    expect(budget(writes(suite.server.requests.all))).toEqual({ UpdateSchedule: 1 });
    expect(suite.server.scheduler.get('smp-score-sched-p')?.spec.ScheduleExpression).toBe(
      'cron(30 5 * * ? *)',
    );
    expect(lines).toContain('Schedule smp-score-sched-p: updated (expression)');
  });

  it('dropping the schedule deletes ours; a look-alike we did not create is never touched', async () => {
    seedVersions('score-drop');
    const ws = scoringWorkspace('score-drop-p', 'score-drop');
    const { lines, log } = logger();
    await deployPipeline(deployContext(suite.clients, await resolved(ws), log));
    expect(suite.server.scheduler.get('smp-score-drop-p')).toBeDefined();

    rewrite(ws, (y) => y.replace(/ {4}schedule:\n(?: {6}.*\n)+/, ''));
    suite.server.requests.reset();
    const dropped = await deployPipeline(deployContext(suite.clients, await resolved(ws), log));
    expect(dropped.schedule).toBe('deleted');
    expect(budget(writes(suite.server.requests.all))).toEqual({ DeleteSchedule: 1 });
    expect(suite.server.requests.last('DeleteSchedule')?.input).toMatchObject({
      Name: 'smp-score-drop-p',
      GroupName: 'default',
    });
    expect(suite.server.scheduler.get('smp-score-drop-p')).toBeUndefined();

    // Someone else's schedule under our name: without a schedule in the config it stays…
    const foreign = {
      ScheduleExpression: 'rate(1 hour)',
      Description: 'nightly export, owned by the data team',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: {
        Arn: 'arn:aws:sqs:us-east-1:123456789012:exports',
        RoleArn: 'arn:aws:iam::123456789012:role/x',
      },
    };
    suite.server.scheduler.put('smp-score-drop-p', foreign);
    suite.server.requests.reset();
    const kept = await deployPipeline(deployContext(suite.clients, await resolved(ws), log));
    expect(kept.schedule).toBe('left-alone');
    expect(writes(suite.server.requests.all)).toEqual([]);
    expect(lines).toContain('Schedule smp-score-drop-p exists but was not created by smp: left alone');

    // …and with one, deploy refuses before any write rather than take it over.
    rewrite(ws, () =>
      readFileSync(path.join(REPO, SCORING), 'utf8')
        .replace('calhousing-scoring', 'score-drop-p')
        .replace('group: calhousing-test-calhousing', 'group: score-drop'),
    );
    suite.server.requests.reset();
    const err = await deployPipeline(deployContext(suite.clients, await resolved(ws), log)).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DeployRefused);
    expect((err as Error).message).toMatch(/smp-score-drop-p already exists and was not created by smp/);
    expect(writes(suite.server.requests.all)).toEqual([]);
    expect(suite.server.scheduler.get('smp-score-drop-p')?.spec).toMatchObject({
      Description: foreign.Description,
    });
  });

  it('an offline (unresolved) plan is refused before any request', async () => {
    const ws = scoringWorkspace('score-offline-p', 'score-offline');
    const c = compile(ws, [SCORING]);
    const err = await deployPipeline(deployContext(suite.clients, c, () => {})).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeployRefused);
    expect((err as Error).message).toMatch(
      /`calhousing` \(group score-offline, latest-approved\) is unresolved/,
    );
    expect(suite.server.requests.length).toBe(0);
  });
});

describe('run', () => {
  it('re-resolves at start and passes the newest approved ARN; the result says which version scored', async () => {
    const arns = seedVersions('score-run');
    const ws = scoringWorkspace('score-run-p', 'score-run');
    const c = await resolved(ws);
    expect(param(c)).toMatchObject({ DefaultValue: arns[2] });
    await deployPipeline(deployContext(suite.clients, c, () => {}));
    // Approved after the plan was made: run scores with it without a redeploy of the definition.
    const v5 = suite.server.sagemaker.addModelPackage({
      group: 'score-run',
      approval: 'Approved',
      createdAt: suite.server.clock.now(),
    }).arn;
    suite.server.requests.reset();
    const { log } = logger();
    const r = await runPipeline(
      runContext(suite.clients, c, log, {
        displayName: 'run-1',
        token: executionToken(c.hash, 'run-1', '1'),
        wait: clockWait(suite.server),
      }),
    );
    expect(r.action).toBe('unchanged');
    expect(r.waited?.outcome).toBe('Succeeded');
    expect(r.models).toEqual([]); // a scoring pipeline registers nothing
    expect(suite.server.requests.last('StartPipelineExecution')?.input.PipelineParameters).toEqual([
      { Name: 'CalhousingModelPackage', Value: v5 },
    ]);
    expect(r.scored).toEqual([
      expect.objectContaining({ model: 'calhousing', group: 'score-run', version: 5, arn: v5 }),
    ]);
    const execution = suite.server.sagemaker.executionsOf('score-run-p')[0]!;
    expect(execution.init.parameters.CalhousingModelPackage).toBe(v5);
  });
});
