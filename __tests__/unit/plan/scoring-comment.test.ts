// The plan of a scoring pipeline (examples/tf-scoring) as the PR comment and the CLI text show it: the model
// version it scores with (or "unresolved" offline), a line when the deployed pipeline scores with an older
// version, and the schedule with what deploy does to it. Rendered with a GFM renderer and read as HTML.
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { compileProject } from '../../../src/compile/compile.js';
import type { ResolvedPackage } from '../../../src/compile/model-packages.js';
import type { Plan } from '../../../src/compile/types.js';
import { loadProject } from '../../../src/config/load.js';
import { planHashOf } from '../../../src/plan/hash.js';
import type { DeployedSchedule } from '../../../src/plan/schedule.js';
import { buildPlanView, OFFLINE } from '../../../src/plan/view.js';
import type { Deployed } from '../../../src/plan/view.js';
import { renderPlanComment } from '../../../src/report/plan-comment.js';
import { planText } from '../../../src/report/plan-text.js';
import { TEST_ENV } from '../../helpers/workspace.js';
import { parseHtml, REPO } from './helpers.js';

const GLOB = 'examples/tf-scoring/conf/conf.yaml';
const GROUP = 'calhousing-test-calhousing';
const arn = (v: number): string => `arn:aws:sagemaker:us-east-1:111122223333:model-package/${GROUP}/${v}`;
const v3: ResolvedPackage = {
  arn: arn(3),
  group: GROUP,
  version: 3,
  approvalStatus: 'Approved',
  status: 'Completed',
  createdAt: '2026-11-30T08:15:00.000Z',
};

function compileScoring(resolved?: ResolvedPackage): Plan {
  const loaded = loadProject({ workspace: REPO, globs: [GLOB], env: TEST_ENV, allowPlaceholders: false });
  if (!loaded.config) throw new Error('tf-scoring does not load');
  const r = compileProject(loaded.config, resolved ? { packages: new Map([['calhousing', resolved]]) } : {});
  if (!r.plan) throw new Error('tf-scoring does not compile');
  return r.plan;
}

function prose(markdown: string): string {
  const doc = parseHtml(
    `<!doctype html><html><body>${marked.parse(markdown, { gfm: true, async: false })}</body></html>`,
  );
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ');
}

const PIPELINE_ARN = 'arn:aws:sagemaker:us-east-1:111122223333:pipeline/calhousing-scoring';

/** The schedule deploy wrote for this plan, as GetSchedule shows it. */
function deployedSchedule(plan: Plan, over: Partial<DeployedSchedule> = {}): DeployedSchedule {
  const s = plan.schedule!;
  return {
    name: s.name,
    expression: s.expression,
    timezone: s.timezone,
    roleArn: s.roleArn,
    targetArn: PIPELINE_ARN,
    enabled: s.enabled,
    parameters: s.parameters,
    description: s.description,
    ...over,
  };
}

function deployedAt(plan: Plan, schedule: DeployedSchedule | null, arnDefault = arn(1)): Deployed {
  const definition = {
    ...plan.definition,
    Parameters: [{ Name: 'CalhousingModelPackage', Type: 'String', DefaultValue: arnDefault }],
  };
  return { state: 'read', definition, arn: PIPELINE_ARN, schedule };
}

describe('scoring plan: the model version', () => {
  it('offline: unresolved, with a placeholder default, and says deploy resolves it', () => {
    const plan = compileScoring();
    expect(plan.definition.Parameters).toEqual([
      {
        Name: 'CalhousingModelPackage',
        Type: 'String',
        DefaultValue: `arn:aws:sagemaker:us-east-1:000000000000:model-package/${GROUP}/0`,
      },
    ]);
    const text = prose(renderPlanComment(buildPlanView(plan, OFFLINE)));
    expect(text).toContain(`calhousing scores with ${GROUP} latest-approved: unresolved (planned offline`);
    // Offline the deployed schedule is unknown: shown, but not compared.
    expect(text).toContain('Schedule smp-calhousing-scoring (EventBridge Scheduler)');
    expect(text).toContain(
      'cron(0 6 * * ? *) in Europe/Paris, enabled, run as arn:aws:iam::111122223333:role/smp-scheduler',
    );
    expect(text).toContain('not compared with the deployed schedule');
  });

  it('online: names version, approval and registration date, and the older version deployed', () => {
    const plan = compileScoring(v3);
    expect(planHashOf(plan)).not.toBe(planHashOf(compileScoring()));
    const view = buildPlanView(plan, deployedAt(plan, deployedSchedule(plan)));
    const text = prose(renderPlanComment(view));
    expect(text).toContain(
      `calhousing scores with ${GROUP} v3, Approved, registered 2026-11-30 (parameter CalhousingModelPackage, ${arn(3)})`,
    );
    expect(text).toContain('the deployed pipeline scores with the older v1: deploying moves it to v3');
    expect(text).toMatch(/run as arn:aws:iam::111122223333:role\/smp-scheduler unchanged/);
    expect(planText(view)).toContain(`model calhousing: ${GROUP} v3, Approved, registered 2026-11-30`);
    // The same version deployed: no "older" line.
    const same = prose(
      renderPlanComment(buildPlanView(plan, deployedAt(plan, deployedSchedule(plan), arn(3)))),
    );
    expect(same).not.toContain('older');
  });
});

describe('scoring plan: the schedule and its diff', () => {
  const plan = compileScoring(v3);

  it('none deployed: created, and the headline says so', () => {
    const md = renderPlanComment(buildPlanView(plan, deployedAt(plan, null)));
    expect(md).toMatch(/^\*\*Plan: .*schedule added.*\*\*$/m);
    expect(prose(md)).toContain('deploy creates it');
  });

  it('a changed expression and state: field by field, old → new', () => {
    const view = buildPlanView(
      plan,
      deployedAt(plan, deployedSchedule(plan, { expression: 'rate(1 day)', enabled: false }), arn(3)),
    );
    const md = renderPlanComment(view);
    expect(md).toMatch(/^\*\*Plan: 0 to add, 0 to change, 0 to remove; schedule changed\*\*$/m);
    expect(prose(md)).toContain(
      'deploy updates it: expression rate(1 day) → cron(0 6 * * ? *); state DISABLED → ENABLED',
    );
  });

  it('dropped from the config: ours is deleted; a look-alike is left alone; with a schedule, deploy refuses it', () => {
    const { schedule: _drop, ...rest } = plan;
    const without: Plan = { ...rest, schedule: undefined };
    const ours = prose(
      renderPlanComment(buildPlanView(without, deployedAt(without, deployedSchedule(plan)))),
    );
    expect(ours).toContain(
      'deploy deletes it: the config no longer has sagemakerPipeline.schedule (it ran cron(0 6 * * ? *))',
    );
    const foreign = deployedSchedule(plan, { description: 'nightly export (data team)' });
    const lookAlike = prose(renderPlanComment(buildPlanView(without, deployedAt(without, foreign))));
    expect(lookAlike).toContain('a schedule with this name exists but smp did not create it: left alone');
    const refused = prose(renderPlanComment(buildPlanView(plan, deployedAt(plan, foreign))));
    expect(refused).toContain('deploy refuses to take it over');
  });

  it('no schedule configured and none deployed: no schedule section at all', () => {
    const without: Plan = { ...plan, schedule: undefined };
    expect(renderPlanComment(buildPlanView(without, deployedAt(without, null)))).not.toContain('Schedule');
  });
});
