// The committed CLI bundle (dist/cli.js) against the local AWS server: `smp deploy`, `smp run --wait`,
// an invalid config that must not reach AWS at all, and `smp iam-policy` — whose policy is checked against
// every request a real deploy + run + wait made.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/aws/deploy.js';
import { resolvePlan } from '../../src/app/resolve-plan.js';
import { planHashOf } from '../../src/plan/hash.js';
import type { RecordedRequest } from '../servers/aws-server.js';
import { fullUnitFiles, makeWorkspace, TEST_ENV } from '../helpers/workspace.js';
import {
  budget,
  clientsFor,
  clockWait,
  compile,
  copyTf,
  destroyClients,
  REPO,
  runContext,
  settingsInDefinition,
  TF_GLOB,
  wireSuite,
  writes,
} from './helpers/aws.js';

const ACCOUNT = TEST_ENV.SMP_ACCOUNTID; // the server issues ARNs in the account the policy is written for

const suite = wireSuite({ accountId: ACCOUNT, clients: 'none' });

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node dist/cli.js …` asynchronously (the suite.server answers from this process's event loop). */
function smp(
  args: readonly string[],
  env: Record<string, string>,
  started?: (child: ChildProcess) => void,
): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, 'dist/cli.js'), ...args], {
      cwd: REPO,
      env: { PATH: process.env.PATH ?? '', HOME: mkdtempSync(path.join(tmpdir(), 'smp-home-')), ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    started?.(child);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function awsEnv(): Record<string, string> {
  return {
    ...TEST_ENV,
    AWS_ENDPOINT_URL: suite.server.endpoint,
    AWS_ACCESS_KEY_ID: 'AKIDCLI',
    AWS_SECRET_ACCESS_KEY: 'cli-secret',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: path.join(REPO, '.no-such-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(REPO, '.no-such-aws-credentials'),
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
  };
}

/** `smp run --wait` of commit abcdef0 in workflow run `runId`, the suite.server clock moving while the CLI waits. */
async function runWaiting(ws: string, runId: string): Promise<Result> {
  // The CLI polls in real time: move the suite.server clock 60 s every 100 ms while it waits.
  const ticker = setInterval(() => suite.server.clock.advance(60_000), 100);
  try {
    return await smp(['run', '-w', ws, '-c', TF_GLOB, '--wait', '--poll-interval-seconds', '0.2'], {
      ...awsEnv(),
      GITHUB_SHA: 'abcdef0123456789',
      GITHUB_RUN_ID: runId,
    });
  } finally {
    clearInterval(ticker);
  }
}

describe('smp deploy / run (dist/cli.js)', () => {
  it('deploy creates the pipeline (exit 0); a second deploy changes nothing', async () => {
    const ws = copyTf('calhousing-cli');
    const plan = compile(ws, [TF_GLOB]).plan;
    const r = await smp(['deploy', '-w', ws, '-c', TF_GLOB], awsEnv());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      `pipeline created: arn:aws:sagemaker:us-east-1:${ACCOUNT}:pipeline/calhousing-cli`,
    );
    expect(budget(suite.server.requests.all)).toEqual({
      DescribePipeline: 1,
      HeadObject: plan.artifacts.length,
      // each artifact, and the file manifest of each source bundle
      PutObject: plan.artifacts.length + plan.artifacts.filter((a) => a.kind === 'source-bundle').length,
      DescribeModelPackageGroup: 1,
      CreateModelPackageGroup: 1,
      CreatePipeline: 1,
      GetSchedule: 1, // read once for the plan view, reused by the deploy
    });
    expect(suite.server.requests.all.every((x) => x.accessKeyId === 'AKIDCLI')).toBe(true);
    expect(suite.server.requests.all.every((x) => /smp-action\/\d/.test(x.headers['user-agent'] ?? ''))).toBe(
      true,
    );
    expect(suite.server.sagemaker.pipeline('calhousing-cli')!.versions.at(-1)!.definition).toBe(
      plan.definitionJson,
    );

    suite.server.requests.reset();
    const again = await smp(['deploy', '-w', ws, '-c', TF_GLOB], awsEnv());
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('pipeline unchanged');
    expect(writes(suite.server.requests.all)).toEqual([]);
  });

  it('run --wait follows the execution to Succeeded and lists the registered version (exit 0)', async () => {
    const ws = copyTf('calhousing-cliwait');
    const r = await runWaiting(ws, '4242');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^execution: arn:aws:sagemaker:us-east-1:111122223333:pipeline\/calhousing-cliwait\/execution\//m,
    );
    expect(r.stdout).toContain('status: Succeeded');
    expect(r.stdout).toContain(
      `registered: calhousing-cliwait-calhousing v1 (PendingManualApproval) arn:aws:sagemaker:us-east-1:${ACCOUNT}:model-package/calhousing-cliwait-calhousing/1`,
    );
    expect(r.stderr).toContain('  ✓ calhousing-Register succeeded');
    expect(suite.server.requests.last('StartPipelineExecution')!.input).toMatchObject({
      PipelineExecutionDisplayName: 'abcdef0-4242',
    });
    expect(suite.server.requests.count('StartPipelineExecution')).toBe(1);
  });

  for (const stop of [true, false]) {
    it(`run --wait interrupted by SIGINT${stop ? ' with --stop-on-cancel stops the execution' : ' leaves it running'} (exit 1)`, async () => {
      const ws = copyTf(stop ? 'calhousing-sigint' : 'calhousing-sigint-keep');
      const args = ['run', '-w', ws, '-c', TF_GLOB, '--wait', '--poll-interval-seconds', '0.2'];
      if (stop) args.push('--stop-on-cancel');
      let child: ChildProcess | undefined;
      let polls = 0;
      // Interrupt once the CLI is waiting (its second status poll).
      suite.server.onRequest = (req) => {
        if (req.operation === 'DescribePipelineExecution' && ++polls === 2) child?.kill('SIGINT');
      };
      try {
        const r = await smp(args, { ...awsEnv(), GITHUB_RUN_ID: stop ? '77' : '78' }, (c) => (child = c));
        expect(r.code, r.stderr).toBe(1);
        expect(r.stdout).toContain('status: Cancelled');
        const execution = suite.server.sagemaker.executionsOf(
          stop ? 'calhousing-sigint' : 'calhousing-sigint-keep',
        )[0]!;
        expect(suite.server.requests.count('StopPipelineExecution')).toBe(stop ? 1 : 0);
        expect(execution.status).toBe(stop ? 'Stopping' : 'Executing');
        if (!stop) expect(r.stderr).toContain(`the execution is still executing: ${execution.arn}`);
      } finally {
        suite.server.onRequest = undefined;
      }
    });
  }

  it('run --wait reports the approval status SageMaker returns (a version registered Approved)', async () => {
    const ws = copyTf('calhousing-approved');
    const conf = path.join(ws, TF_GLOB);
    writeFileSync(
      conf,
      readFileSync(conf, 'utf8').replace(
        'approval_status: PendingManualApproval',
        'approval_status: Approved',
      ),
    );
    const r = await runWaiting(ws, '4343');
    expect(r.code, r.stderr).toBe(0);
    const group = 'calhousing-approved-calhousing';
    const arn = `arn:aws:sagemaker:us-east-1:${ACCOUNT}:model-package/${group}/1`;
    // What SageMaker holds for the version (the suite.server registered it as the definition asked) …
    expect(suite.server.sagemaker.packages.get(arn)?.output.ModelApprovalStatus).toBe('Approved');
    // … is what the CLI reports.
    expect(r.stdout).toContain(`registered: ${group} v1 (Approved) ${arn}`);
    expect(r.stdout).not.toContain('PendingManualApproval');
  });

  it('the AWS flags win over the SMP_* variables also set: definition, PutObject, CreatePipeline, region', async () => {
    const ws = copyTf('calhousing-flags');
    const flags = {
      bucket: 'flag-bucket',
      role: `arn:aws:iam::${ACCOUNT}:role/FlagExecution`,
      region: 'eu-west-1',
      kms: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1111aaaa-22bb-33cc-44dd-555555eeeeee`,
      subnets: ['subnet-0f1f1f1f', 'subnet-0f2f2f2f'],
      groups: ['sg-0f3f3f3f'],
    };
    const vars = {
      SMP_S3BUCKETNAME: 'env-bucket',
      SMP_ROLE: `arn:aws:iam::${ACCOUNT}:role/EnvExecution`,
      SMP_REGION: 'us-west-2',
      SMP_KMSKEY: `arn:aws:kms:us-west-2:${ACCOUNT}:key/9999ffff-88ee-77dd-66cc-444444bbbbbb`,
      SMP_SUBNETS: 'subnet-0e1e1e1e',
      SMP_SECURITYGROUPS: 'sg-0e2e2e2e',
    };
    const r = await smp(
      [
        'deploy',
        '-w',
        ws,
        '-c',
        TF_GLOB,
        '--s3-bucket',
        flags.bucket,
        '--execution-role-arn',
        flags.role,
        '--aws-region',
        flags.region,
        '--kms-key-id',
        flags.kms,
        '--subnets',
        flags.subnets.join(','),
        '--security-groups',
        flags.groups.join(','),
      ],
      { ...awsEnv(), ...vars },
    );
    expect(r.code, r.stderr).toBe(0);
    // Every request is signed for the flag's region.
    expect(new Set(suite.server.requests.all.map((x) => x.region))).toEqual(new Set([flags.region]));

    const create = suite.server.requests.last('CreatePipeline')!;
    expect(create.input.RoleArn).toBe(flags.role);
    const puts = suite.server.requests.filter('PutObject');
    expect(puts.length).toBeGreaterThan(0);
    for (const put of puts)
      expect(put.input).toMatchObject({
        Bucket: flags.bucket,
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: flags.kms,
      });

    const definition = String(create.input.PipelineDefinition);
    for (const v of Object.values(vars)) expect(definition).not.toContain(v);
    const found = settingsInDefinition(JSON.parse(definition) as unknown);
    expect(new Set(found.buckets)).toEqual(new Set([flags.bucket]));
    expect(new Set(found.RoleArn)).toEqual(new Set([flags.role]));
    expect(found.Subnets.length).toBeGreaterThan(0);
    for (const s of found.Subnets) expect(s).toEqual(flags.subnets);
    for (const g of found.SecurityGroupIds) expect(g).toEqual(flags.groups);
    expect(found.SecurityGroupIds).toHaveLength(found.Subnets.length);
    expect(found.KmsKeyId.length).toBeGreaterThan(0);
    expect(new Set([...found.KmsKeyId, ...found.VolumeKmsKeyId])).toEqual(new Set([flags.kms]));
  });

  it('an invalid config exits 1 without a single request to AWS', async () => {
    const ws = makeWorkspace(
      fullUnitFiles({
        conf: 'conf:\n  models:\n    m:\n      source_directory: m/src\n  sagemakerPipeline:\n    pipelineName: p\n    models:\n      m:\n        steps:\n          - step_name: s\n            step_class: Bogus\n',
      }),
    );
    for (const cmd of ['deploy', 'run']) {
      const r = await smp([cmd, '-w', ws, '-c', 'm/conf/conf.yaml'], awsEnv());
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/configuration is invalid/);
    }
    // Placeholder settings are refused too (a deploy must never send them).
    const { SMP_ROLE: _role, ...noRole } = awsEnv();
    const r = await smp(['deploy', '-w', REPO, '-c', TF_GLOB], noRole);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('SMP_ROLE is not set');
    expect(suite.server.requests.length).toBe(0);
  });
});

// ------------------------------------------------------------------------------------------- iam-policy

interface Statement {
  Sid: string;
  Effect: string;
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, unknown>>;
}

/** The IAM action and resource a recorded request needs (our deploy/run only uses these operations). */
function needs(r: RecordedRequest): { action: string; resource: string }[] {
  const sm = (res: string): string => `arn:aws:sagemaker:us-east-1:${ACCOUNT}:${res}`;
  const i = r.input as Record<string, string | undefined> & { Tags?: unknown[] };
  if (r.service === 's3') {
    const action = { HeadObject: 's3:GetObject', PutObject: 's3:PutObject' }[r.operation];
    return [{ action: action ?? `s3:${r.operation}`, resource: `arn:aws:s3:::${i.Bucket}/${i.Key}` }];
  }
  if (r.service === 'scheduler') {
    const target = (r.input as { Target?: { RoleArn?: string } }).Target;
    return [
      {
        action: `scheduler:${r.operation}`,
        resource: `arn:aws:scheduler:us-east-1:${ACCOUNT}:schedule/${i.GroupName ?? 'default'}/${i.Name}`,
      },
      ...(target?.RoleArn ? [{ action: 'iam:PassRole', resource: target.RoleArn }] : []),
    ];
  }
  const pipeline = (name = ''): string => sm(`pipeline/${name.toLowerCase()}`);
  const group = (name = ''): string => sm(`model-package-group/${name.toLowerCase()}`);
  const out: { action: string; resource: string }[] = [];
  const add = (op: string, resource: string): void => {
    out.push({ action: `sagemaker:${op}`, resource });
  };
  switch (r.operation) {
    case 'DescribePipeline':
    case 'CreatePipeline':
    case 'UpdatePipeline':
    case 'StartPipelineExecution':
    case 'ListPipelineExecutions':
      add(r.operation, pipeline(i.PipelineName));
      if (r.operation === 'CreatePipeline' && i.Tags) add('AddTags', pipeline(i.PipelineName));
      if (i.RoleArn) out.push({ action: 'iam:PassRole', resource: i.RoleArn });
      break;
    case 'AddTags':
    case 'ListTags':
      add(r.operation, i.ResourceArn ?? '');
      break;
    case 'DescribePipelineExecution':
    case 'ListPipelineExecutionSteps':
    case 'StopPipelineExecution':
      add(r.operation, i.PipelineExecutionArn ?? '');
      break;
    case 'DescribeModelPackageGroup':
    case 'CreateModelPackageGroup':
      add(r.operation, group(i.ModelPackageGroupName));
      if (r.operation === 'CreateModelPackageGroup' && i.Tags) add('AddTags', group(i.ModelPackageGroupName));
      break;
    case 'DescribeModelPackage':
      add(r.operation, i.ModelPackageName ?? '');
      break;
    case 'ListModelPackages':
      add(r.operation, '*');
      break;
    default:
      add(r.operation, '?');
  }
  return out;
}

function allows(policy: { Statement: Statement[] }, action: string, resource: string): boolean {
  const glob = (p: string): RegExp =>
    new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return policy.Statement.some(
    (s) =>
      s.Effect === 'Allow' && s.Action.includes(action) && s.Resource.some((p) => glob(p).test(resource)),
  );
}

describe('smp iam-policy (dist/cli.js)', () => {
  it('prints valid JSON: pipeline ARN, bucket prefix, iam:PassRole on the execution role; it covers every call a deploy + run + wait makes', async () => {
    const r = await smp(['iam-policy', '-w', REPO, '-c', TF_GLOB], { ...TEST_ENV });
    expect(r.code, r.stderr).toBe(0);
    const policy = JSON.parse(r.stdout) as { Version: string; Statement: Statement[] };
    expect(policy.Version).toBe('2012-10-17');
    const bySid = Object.fromEntries(policy.Statement.map((s) => [s.Sid, s]));
    expect(bySid.Pipeline!.Resource).toEqual([
      `arn:aws:sagemaker:us-east-1:${ACCOUNT}:pipeline/calhousing-test`,
    ]);
    expect(bySid.Executions!.Resource).toEqual([
      `arn:aws:sagemaker:us-east-1:${ACCOUNT}:pipeline/calhousing-test/execution/*`,
    ]);
    expect(bySid.UploadCode!.Resource).toEqual(['arn:aws:s3:::example-bucket/calhousing-test/*']);
    expect(bySid.PassExecutionRole).toMatchObject({
      Action: ['iam:PassRole'],
      Resource: [TEST_ENV.SMP_ROLE],
      Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
    });
    expect(suite.server.requests.length).toBe(0); // offline

    // Everything the deploy + run + wait of this very plan sends is allowed by the printed policy.
    const tf = compile(REPO, [TF_GLOB]);
    const clients = await clientsFor(suite.server);
    try {
      const run = await runPipeline(
        runContext(clients, tf, () => undefined, {
          displayName: 'abcdef0-1',
          token: 'b'.repeat(64),
          wait: clockWait(suite.server, { timeoutMs: 90_000, stopOnTimeout: true }),
        }),
      );
      expect(run.waited?.outcome).toBe('TimedOut'); // so StopPipelineExecution is in the sample too
      const second = await runPipeline(
        runContext(clients, tf, () => undefined, {
          displayName: 'abcdef0-2',
          token: 'c'.repeat(64),
          wait: clockWait(suite.server),
        }),
      );
      expect(second.models).toHaveLength(1);
    } finally {
      destroyClients(clients);
    }
    const ops = new Set(suite.server.requests.all.map((x) => x.operation));
    for (const op of [
      'CreatePipeline',
      'ListTags',
      'StopPipelineExecution',
      'DescribeModelPackage',
      'PutObject',
    ])
      expect(ops).toContain(op);
    const denied = suite.server.requests.all
      .flatMap(needs)
      .filter((n) => !allows(policy, n.action, n.resource))
      .map((n) => `${n.action} on ${n.resource}`);
    expect([...new Set(denied)]).toEqual([]);
  });

  it('for a scoring pipeline with a schedule: registry reads, the schedule by name, iam:PassRole of its role to Scheduler; it covers deploy + run', async () => {
    const glob = 'examples/tf-scoring/conf/conf.yaml';
    const r = await smp(['iam-policy', '-w', REPO, '-c', glob], { ...TEST_ENV });
    expect(r.code, r.stderr).toBe(0);
    const policy = JSON.parse(r.stdout) as { Version: string; Statement: Statement[] };
    const bySid = Object.fromEntries(policy.Statement.map((s) => [s.Sid, s]));
    expect(bySid.Schedule).toEqual({
      Sid: 'Schedule',
      Effect: 'Allow',
      Action: [
        'scheduler:GetSchedule',
        'scheduler:CreateSchedule',
        'scheduler:UpdateSchedule',
        'scheduler:DeleteSchedule',
      ],
      Resource: [`arn:aws:scheduler:us-east-1:${ACCOUNT}:schedule/default/smp-calhousing-scoring`],
    });
    expect(bySid.PassSchedulerRole).toMatchObject({
      Action: ['iam:PassRole'],
      Resource: [`arn:aws:iam::${ACCOUNT}:role/smp-scheduler`],
      Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
    });
    expect(bySid.ModelRegistry).toBeUndefined(); // nothing is registered: no group to create

    suite.server.sagemaker.addModelPackage({
      group: 'calhousing-test-calhousing',
      approval: 'Approved',
      createdAt: suite.server.clock.now(),
      accountId: ACCOUNT,
    });
    const c = compile(REPO, [glob]);
    const clients = await clientsFor(suite.server);
    try {
      const plan = await resolvePlan(c.config, c.plan, clients);
      const run = await runPipeline(
        runContext(clients, { ...c, plan, hash: planHashOf(plan) }, () => undefined, {
          displayName: 'abcdef0-3',
          token: 'd'.repeat(64),
          wait: undefined,
        }),
      );
      expect(run.schedule).toBe('created');
    } finally {
      destroyClients(clients);
    }
    const ops = new Set(suite.server.requests.all.map((x) => x.operation));
    for (const op of ['ListModelPackages', 'GetSchedule', 'CreateSchedule', 'StartPipelineExecution'])
      expect(ops).toContain(op);
    const denied = suite.server.requests.all
      .flatMap(needs)
      .filter((n) => !allows(policy, n.action, n.resource))
      .map((n) => `${n.action} on ${n.resource}`);
    expect([...new Set(denied)]).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------- run --param

/** copyTf with two declared parameters used by the training job. */
function copyTfWithParameters(pipelineName: string): string {
  const ws = copyTf(pipelineName);
  const conf = path.join(ws, TF_GLOB);
  const text = readFileSync(conf, 'utf8')
    .replace(
      `    pipelineName: ${pipelineName}\n`,
      `    pipelineName: ${pipelineName}
    parameters:
      Epochs: { type: Integer, default: 10 }
      TrainInstance: { type: String, default: ml.m5.xlarge, enum: [ml.m5.xlarge, ml.m5.2xlarge] }
`,
    )
    .replace(
      '        entry_point: train.py\n',
      '        entry_point: train.py\n        instance_type: ${param:TrainInstance}\n        hyperparams:\n          epochs: ${param:Epochs}\n',
    );
  writeFileSync(conf, text);
  return ws;
}

describe('smp run --param (dist/cli.js)', () => {
  it('a value that does not fit its parameter fails (exit 2) before a single request to AWS', async () => {
    const ws = copyTfWithParameters('calhousing-badparam');
    const cases: [string[], string][] = [
      [['Epochs=ten'], 'parameter `Epochs` (Integer): `ten` is not an integer'],
      [['Epochs=1', 'TrainInstance=ml.p3.2xlarge'], 'is not one of `ml.m5.xlarge`, `ml.m5.2xlarge`'],
      [
        ['Epoch=3'],
        'parameter `Epoch` is not declared by the pipeline (its parameters: Epochs, TrainInstance)',
      ],
    ];
    for (const [given, message] of cases) {
      const r = await smp(
        ['run', '-w', ws, '-c', TF_GLOB, ...given.flatMap((b) => ['--param', b])],
        awsEnv(),
      );
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(message);
    }
    expect(suite.server.requests.length).toBe(0);
  });

  it('good values are sent as PipelineParameters; the others keep their defaults', async () => {
    const ws = copyTfWithParameters('calhousing-param');
    const r = await smp(
      ['run', '-w', ws, '-c', TF_GLOB, '--param', 'TrainInstance=ml.m5.2xlarge', '-p', 'Epochs=+3'],
      { ...awsEnv(), GITHUB_RUN_ID: '91' },
    );
    expect(r.code, r.stderr).toBe(0);
    // The definition CreatePipeline accepted declares both, with their defaults.
    const deployed = JSON.parse(
      suite.server.sagemaker.pipeline('calhousing-param')!.versions.at(-1)!.definition,
    ) as {
      Parameters: unknown[];
    };
    expect(deployed.Parameters).toEqual([
      { Name: 'Epochs', Type: 'Integer', DefaultValue: 10 },
      {
        Name: 'TrainInstance',
        Type: 'String',
        DefaultValue: 'ml.m5.xlarge',
        EnumValues: ['ml.m5.xlarge', 'ml.m5.2xlarge'],
      },
    ]);
    expect(suite.server.requests.last('StartPipelineExecution')!.input).toMatchObject({
      PipelineParameters: [
        { Name: 'TrainInstance', Value: 'ml.m5.2xlarge' },
        { Name: 'Epochs', Value: '3' },
      ],
    });
    expect(r.stderr).toContain('parameter TrainInstance = ml.m5.2xlarge');
    expect(r.stderr).toContain('parameter Epochs = 3');
  });
});

// ------------------------------------------------------------------------------------------- quality gate

/** A temp copy of examples/tf-gated (and the tf scripts it uses) with its own pipeline name. */
function copyGated(pipelineName: string): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'smp-aws-gated-'));
  for (const dir of ['examples/tf-gated', 'examples/tf/modelscripts'])
    cpSync(path.join(REPO, dir), path.join(ws, dir), { recursive: true });
  const conf = path.join(ws, GATED_GLOB);
  writeFileSync(
    conf,
    readFileSync(conf, 'utf8').replace('pipelineName: calhousing-gated', `pipelineName: ${pipelineName}`),
  );
  return ws;
}
const GATED_GLOB = 'examples/tf-gated/conf/conf.yaml';

describe('smp run --wait with a quality gate (dist/cli.js)', () => {
  async function runGated(name: string, r2: number, ws = copyGated(name)): Promise<Result> {
    suite.server.script.propertyFiles = {
      'calhousing-Metrics.EvaluationReport': {
        regression_metrics: { r2: { value: r2 }, rmse: { value: 0.52 } },
      },
    };
    const ticker = setInterval(() => suite.server.clock.advance(60_000), 100);
    try {
      return await smp(['run', '-w', ws, '-c', GATED_GLOB, '--wait', '--poll-interval-seconds', '0.2'], {
        ...awsEnv(),
        GITHUB_RUN_ID: name,
      });
    } finally {
      clearInterval(ticker);
    }
  }

  it('a failed gate fails the run, says which threshold failed and registers nothing (exit 1)', async () => {
    const r = await runGated('calhousing-gatefail', 0.41);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('  ✗ calhousing-Register-QualityGate: quality gate not passed');
    expect(r.stderr).toContain(
      '  ✗ quality gate failed: r2 0.41 < 0.60 (calhousing-Register is not registered)',
    );
    expect(r.stderr).toContain('Execution failed: quality gate failed: r2 0.41 < 0.60');
    expect(r.stdout).toContain('status: Failed');
    expect(r.stdout).toContain(
      'not registered: calhousing-gatefail-calhousing (quality gate failed: r2 0.41 < 0.60)',
    );
    expect(r.stdout).not.toContain('registered: calhousing-gatefail-calhousing v');
    expect(suite.server.requests.count('DescribeModelPackage')).toBe(0);
  });

  it('a passed gate registers the version; smp iam-policy allows everything the run sent', async () => {
    const ws = copyGated('calhousing-gatepass');
    const r = await runGated('calhousing-gatepass', 0.83, ws);
    expect(r.code, r.stderr).toBe(0);
    const p = await smp(['iam-policy', '-w', ws, '-c', GATED_GLOB], awsEnv());
    expect(p.code, p.stderr).toBe(0);
    const policy = JSON.parse(p.stdout) as { Statement: Statement[] };
    const denied = suite.server.requests.all
      .flatMap(needs)
      .filter((n) => !allows(policy, n.action, n.resource))
      .map((n) => `${n.action} on ${n.resource}`);
    expect([...new Set(denied)]).toEqual([]);
    expect(suite.server.requests.count('StartPipelineExecution')).toBe(1);
    expect(r.stderr).toContain('  ✓ calhousing-Register-QualityGate: quality gate passed');
    expect(r.stdout).toContain('status: Succeeded');
    expect(r.stdout).toMatch(/^registered: calhousing-gatepass-calhousing v1 \(PendingManualApproval\)/m);
  });
});
