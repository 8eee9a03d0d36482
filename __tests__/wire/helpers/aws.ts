// Shared set-up for the src/aws wire tests: point the REAL SDK clients (built by src/aws/clients.ts) at the
// local AWS test server, compile plans from the examples or generated workspaces, build deploy/run contexts,
// count the requests a scenario made. Nothing here mocks our own code.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAwsClients } from '../../../src/aws/clients.js';
import type { AwsClients, Credentials } from '../../../src/aws/clients.js';
import type { DeployContext, RunContext } from '../../../src/aws/deploy.js';
import type { WaitOptions } from '../../../src/aws/wait.js';
import { loadAndCompile } from '../../../src/app/compile-project.js';
import { groupSpecs, managedTags } from '../../../src/app/deploy-context.js';
import type { Plan } from '../../../src/compile/types.js';
import type { ProjectConfig } from '../../../src/config/types.js';
import type { GroupSpec } from '../../../src/aws/pipeline.js';
import { planHashOf } from '../../../src/plan/hash.js';
import { TEST_ENV } from '../../helpers/workspace.js';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { defaultScript, startAwsServer } from '../../servers/aws-server.js';
import type { AwsServer, RecordedRequest } from '../../servers/aws-server.js';

export const REGION = 'us-east-1';
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const STATIC_KEYS = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret-key' } as const;
export const REPOSITORY = 'octo-org/octo-repo';

/** Variables the SDK reads from process.env that would point it elsewhere than the test server. */
const SDK_ENV = [
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_S3',
  'AWS_ENDPOINT_URL_SAGEMAKER',
  'AWS_ENDPOINT_URL_STS',
  'AWS_ENDPOINT_URL_SCHEDULER',
  'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_PROFILE',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_EC2_METADATA_DISABLED',
  'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
] as const;

/**
 * clients.ts passes no endpoint: the SDK itself resolves AWS_ENDPOINT_URL from process.env (on the first
 * request of each client). So the test sets it there, with no static keys (each test passes its own
 * credentials) and no shared config files. Returns the restore function.
 */
export function pointSdkAt(server: AwsServer, extra: Record<string, string> = {}): () => void {
  const saved = new Map<string, string | undefined>(SDK_ENV.map((k) => [k, process.env[k]]));
  for (const k of SDK_ENV) Reflect.deleteProperty(process.env, k);
  const env = server.env({ credentials: false, oidc: false });
  Object.assign(process.env, env, {
    AWS_CONFIG_FILE: path.join(REPO, '.no-such-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(REPO, '.no-such-aws-credentials'),
    ...extra,
  });
  return () => {
    for (const [k, v] of saved) {
      if (v === undefined) Reflect.deleteProperty(process.env, k);
      else process.env[k] = v;
    }
  };
}

/**
 * Records every TCP destination opened while installed and refuses anything but 127.0.0.1 (a wrong
 * endpoint must never reach real AWS). Returns the list and the uninstall function.
 */
export function guardNetwork(): { contacted: string[]; restore: () => void } {
  const contacted: string[] = [];
  const original = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const [first, second] = args;
    const opts = (Array.isArray(first) ? first[0] : first) as
      { host?: string; port?: number; path?: string | null } | number;
    let host: string | undefined;
    if (typeof opts === 'number') {
      host = typeof second === 'string' ? second : 'localhost';
      contacted.push(`${host}:${opts}`);
    } else if (opts.path === undefined || opts.path === null) {
      host = opts.host ?? 'localhost';
      contacted.push(`${host}:${opts.port ?? '?'}`);
    }
    if (host !== undefined && host !== '127.0.0.1' && host !== 'localhost') {
      process.nextTick(() => this.destroy(new Error(`test guard: refused to connect to ${host}`)));
      return this;
    }
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
  return {
    contacted,
    restore: () => {
      net.Socket.prototype.connect = original;
    },
  };
}

export interface WireSuiteOptions {
  /** The account the server issues ARNs in (its default otherwise). */
  readonly accountId?: string;
  /** More environment for the SDK (OIDC endpoints, …), set with the endpoint variables. */
  readonly env?: (server: AwsServer) => Record<string, string>;
  /**
   * `suite` (default): one set of clients for the file. `test`: fresh clients per test (the adaptive retry
   * mode's rate limiter keeps its state in the client). `none`: the tests make their own (the CLI's, the
   * action's).
   */
  readonly clients?: 'suite' | 'test' | 'none';
}

/**
 * The lifecycle of a wire test file: one server for the file (network guarded, the SDK pointed at it, clients as
 * `opts.clients` says), its requests, faults, script and S3 permissions reset before each test, its checks
 * after each: no request outside the published API models, no server error, no connection but to the server.
 */
export function wireSuite(opts: WireSuiteOptions = {}): {
  readonly server: AwsServer;
  readonly clients: AwsClients;
} {
  const per = opts.clients ?? 'suite';
  let server: AwsServer | undefined;
  let clients: AwsClients | undefined;
  let restoreEnv: () => void = () => undefined;
  let net: ReturnType<typeof guardNetwork> | undefined;
  beforeAll(async () => {
    net = guardNetwork();
    server = await startAwsServer(opts.accountId ? { accountId: opts.accountId } : {});
    restoreEnv = pointSdkAt(server, opts.env?.(server) ?? {});
    if (per === 'suite') clients = await clientsFor(server);
  });
  afterAll(async () => {
    if (clients) destroyClients(clients);
    await server?.close();
    restoreEnv();
    net?.restore();
    expect(net?.contacted.filter((c) => c !== `127.0.0.1:${server?.port}`)).toEqual([]);
  });
  beforeEach(async () => {
    if (per === 'test') clients = await clientsFor(server!);
    server!.requests.reset();
    server!.faults = {};
    server!.script = defaultScript();
    server!.s3.listBucket = true;
  });
  afterEach(() => {
    if (per === 'test' && clients) {
      destroyClients(clients);
      clients = undefined;
    }
    expect(server!.violations, server!.formatViolations()).toEqual([]);
    expect(server!.serverErrors, server!.serverErrors.join('\n')).toEqual([]);
  });
  return {
    get server() {
      return server!;
    },
    get clients() {
      if (!clients) throw new Error(`wireSuite({ clients: '${per}' }) made no clients`);
      return clients;
    },
  };
}

export async function clientsFor(
  server: AwsServer,
  credentials: Credentials = STATIC_KEYS,
  maxAttempts?: number,
): Promise<AwsClients> {
  return createAwsClients({
    region: REGION,
    credentials,
    env: server.env({ credentials: false, oidc: false }),
    ...(maxAttempts !== undefined ? { maxAttempts } : {}),
  });
}

export function destroyClients(c: AwsClients): void {
  c.destroy();
}

// ------------------------------------------------------------------------------------------- plans

export interface Compiled {
  readonly plan: Plan;
  readonly config: ProjectConfig;
  readonly hash: string;
  readonly groups: GroupSpec[];
}

export function compile(
  workspace: string,
  globs: readonly string[],
  env: Record<string, string> = { ...TEST_ENV },
): Compiled {
  const r = loadAndCompile({ workspace, globs, env, allowPlaceholders: false });
  if (!r.plan || !r.config) {
    throw new Error(
      `does not compile:\n${r.diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`).join('\n')}`,
    );
  }
  return {
    plan: r.plan,
    config: r.config,
    hash: planHashOf(r.plan),
    groups: groupSpecs(r.config, r.plan),
  };
}

export const TF_GLOB = 'examples/tf/conf/conf.yaml';

/** The tf example in the repository (workspace = repo root). */
export function tfExample(): Compiled {
  return compile(REPO, [TF_GLOB]);
}

/**
 * A temp copy of examples/tf (workspace = the temp dir, same relative paths), with its own pipeline name
 * so scenarios do not share server state.
 */
export function copyTf(pipelineName: string): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'smp-aws-'));
  cpSync(path.join(REPO, 'examples/tf'), path.join(ws, 'examples/tf'), { recursive: true });
  const conf = path.join(ws, TF_GLOB);
  writeFileSync(
    conf,
    readFileSync(conf, 'utf8').replace('pipelineName: calhousing-test', `pipelineName: ${pipelineName}`),
  );
  return ws;
}

/**
 * Files of a workspace with `n` copies of the fullUnitFiles model (m1…mn, six steps each) in one pipeline:
 * about 7.5 KB of definition per model.
 */
export function manyUnitsFiles(n: number, pipelineName = 'p-big'): Record<string, string> {
  const models: Record<string, unknown> = {};
  const pipelineModels: Record<string, unknown> = {};
  const dependencies: string[] = [];
  for (let i = 1; i <= n; i++) {
    const m = `m${i}`;
    models[m] = {
      source_directory: 'm/src',
      preprocess: {
        image_uri: 'img:1',
        entry_point: 'prep.py',
        channels: {
          train: { dataFiles: [{ sourceName: 'raw', fileName: 's3://SMP_S3BUCKETNAME/raw/data.csv' }] },
        },
      },
      train: { image_uri: 'img:1', entry_point: 'train.py' },
      transform: { entry_point: 'inference.py' },
      evaluate: { image_uri: 'img:1', entry_point: 'evaluate.py', channels: 'train' },
      registry: { ModelRepack: 'False', InferenceSpecification: { image_uri: 'inf:1' } },
    };
    pipelineModels[m] = {
      steps: [
        { step_name: `${m}-prep`, step_class: 'Processing', step_type: 'preprocess' },
        { step_name: `${m}-train`, step_class: 'Training', chain_input_source_step: [`${m}-prep`] },
        { step_name: `${m}-create`, step_class: 'CreateModel' },
        {
          step_name: `${m}-transform`,
          step_class: 'Transform',
          chain_input_source_step: [`${m}-prep`],
          chain_input_additional_prefix: 'test/x.csv',
        },
        {
          step_name: `${m}-metrics`,
          step_class: 'Metrics',
          chain_input_source_step: [`${m}-prep`, `${m}-transform`],
        },
        { step_name: `${m}-register`, step_class: 'RegisterModel' },
      ],
    };
    dependencies.push(
      [`${m}-prep`, `${m}-train`, `${m}-create`, `${m}-transform`, `${m}-metrics`, `${m}-register`].join(
        ' >> ',
      ),
    );
  }
  const conf = {
    conf: { models, sagemakerPipeline: { pipelineName, models: pipelineModels, dependencies } },
  };
  return {
    // YAML is a superset of JSON.
    'm/conf/conf.yaml': JSON.stringify(conf, null, 1),
    'm/src/prep.py': 'print("prep")\n',
    'm/src/train.py': 'print("train")\n',
    'm/src/inference.py': 'def model_fn(d):\n    return d\n',
    'm/src/evaluate.py': 'print("eval")\n',
  };
}

/**
 * The settings a definition carries: every RoleArn, Subnets, SecurityGroupIds, KmsKeyId and VolumeKmsKeyId
 * value anywhere in it, and the bucket of every s3:// URI.
 */
export function settingsInDefinition(def: unknown): {
  buckets: string[];
  RoleArn: string[];
  Subnets: string[][];
  SecurityGroupIds: string[][];
  KmsKeyId: string[];
  VolumeKmsKeyId: string[];
} {
  const out = {
    buckets: [] as string[],
    RoleArn: [] as string[],
    Subnets: [] as string[][],
    SecurityGroupIds: [] as string[][],
    KmsKeyId: [] as string[],
    VolumeKmsKeyId: [] as string[],
  };
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      const m = /^s3:\/\/([^/]+)/.exec(v);
      if (m) out.buckets.push(m[1]!);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === 'RoleArn' || k === 'KmsKeyId' || k === 'VolumeKmsKeyId') out[k].push(x as string);
        if (k === 'Subnets' || k === 'SecurityGroupIds') out[k].push(x as string[]);
        walk(x);
      }
  };
  walk(def);
  return out;
}

// ------------------------------------------------------------------------------------------- contexts

export interface Logged {
  readonly lines: string[];
  readonly log: (line: string) => void;
}

export function logger(): Logged {
  const lines: string[] = [];
  return { lines, log: (l) => lines.push(...l.split('\n')) };
}

export function deployContext(
  clients: AwsClients,
  c: Compiled,
  log: (line: string) => void,
  over: Partial<DeployContext> = {},
): DeployContext {
  return {
    clients,
    plan: c.plan,
    planHash: c.hash,
    roleArn: c.config.settings.role,
    kmsKey: c.config.settings.kmsKey,
    description: c.config.pipeline.description,
    tags: managedTags(REPOSITORY),
    parallelism: undefined,
    groups: c.groups,
    accountId: c.config.settings.accountId,
    log,
    ...over,
  };
}

export function runContext(
  clients: AwsClients,
  c: Compiled,
  log: (line: string) => void,
  over: Partial<RunContext> & Pick<RunContext, 'displayName' | 'token' | 'wait'>,
): RunContext {
  // Wait lines go to `wait.log` (the action passes core.info to both): collect them with the deploy lines.
  const wait = over.wait && !over.wait.log ? { ...over.wait, log } : over.wait;
  return {
    ...deployContext(clients, c, log),
    executionDescription: `smp ${over.displayName}`,
    ...over,
    wait,
  };
}

/**
 * Wait options on the server's clock: `sleep` moves the server clock (no real waiting) and calls `onSleep`
 * first (to snapshot per-poll request counts, abort, …); `now` reads the server clock; no jitter.
 */
export function clockWait(
  server: AwsServer,
  over: Partial<WaitOptions> & { onSleep?: (ms: number) => void; afterSleep?: () => void } = {},
): WaitOptions {
  const { onSleep, afterSleep, ...rest } = over;
  return {
    intervalMs: 10_000,
    timeoutMs: 3_600_000,
    stopOnTimeout: false,
    stopOnCancel: false,
    now: () => server.clock.now(),
    random: () => 0.5,
    sleep: (ms: number) => {
      onSleep?.(ms);
      server.clock.advance(ms);
      afterSleep?.();
      return Promise.resolve();
    },
    ...rest,
  };
}

// ------------------------------------------------------------------------------------------- requests

/** Request counts by operation (HTTP attempts, retries included), OIDC excluded unless asked. */
export function budget(
  requests: readonly RecordedRequest[],
  opts: { oidc?: boolean } = {},
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of requests) {
    if (r.service === 'oidc' && !opts.oidc) continue;
    out[r.operation] = (out[r.operation] ?? 0) + 1;
  }
  return out;
}

export const WRITE_OPERATION =
  /^(Put|Create|Update|Add|Start|Stop|Delete|Complete|Upload|Copy|Send|Associate|Register)/;

export function writes(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter((r) => WRITE_OPERATION.test(r.operation));
}

/** The requests recorded since `from` (a `server.requests.length` snapshot). */
export function since(server: AwsServer, from: number): RecordedRequest[] {
  return server.requests.all.slice(from);
}
