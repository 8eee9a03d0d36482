// The CLI as users outside GitHub get it: `npm pack` of this repository, installed offline into an empty folder
// (no dependencies: the bundles are self-contained), run as `npx smp …` there. Credentials come from the AWS
// SDK's default chain as CI systems provide them, against the local AWS server:
// - the container credential endpoint: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI as CodeBuild (and ECS) set it,
//   and AWS_CONTAINER_CREDENTIALS_FULL_URI with an authorization token (EKS Pod Identity, custom endpoints);
// - web identity: AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE, as a GitLab job with `id_tokens` sets them
//   (STS AssumeRoleWithWebIdentity, checked against botocore's sts model by the server).
// Every SageMaker and S3 request must be signed with exactly the credentials that source handed out.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version.js';
import { tempDirs } from '../helpers/temp.js';
import { TEST_ENV } from '../helpers/workspace.js';
import { defaultScript, startAwsServer } from '../servers/aws-server.js';
import type { AwsServer, RecordedRequest } from '../servers/aws-server.js';
import { REPO, TF_GLOB } from './helpers/aws.js';

const ACCOUNT = TEST_ENV.SMP_ACCOUNTID;
const temp = tempDirs();

let server: AwsServer;
let consumer: string; // the empty folder the tarball is installed into
let packed: { filename: string; files: { path: string }[] };
let npmCache: string;

beforeAll(async () => {
  server = await startAwsServer({ accountId: ACCOUNT });
  const out = temp('smp-pack-');
  const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', out, '--loglevel=error'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  packed = (JSON.parse(pack.stdout) as (typeof packed)[])[0]!;
  consumer = temp('smp-consumer-');
  // A fresh, empty npm cache and --offline: any dependency to fetch would fail the install.
  npmCache = temp('smp-npm-cache-');
  const install = spawnSync(
    'npm',
    ['install', path.join(out, packed.filename), '--offline', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: consumer, encoding: 'utf8', env: { ...process.env, npm_config_cache: npmCache } },
  );
  if (install.status !== 0) throw new Error(`npm install of the tarball failed: ${install.stderr}`);
  cpSync(path.join(REPO, 'examples/tf'), path.join(consumer, 'examples/tf'), { recursive: true });
}, 120_000);

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.requests.reset();
  server.script = defaultScript();
});

afterEach(() => {
  expect(server.violations, server.formatViolations()).toEqual([]);
  expect(server.serverErrors, server.serverErrors.join('\n')).toEqual([]);
});

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Sets the tf example's pipeline name, so each test deploys its own pipeline. */
function pipelineNamed(name: string): void {
  const conf = path.join(consumer, TF_GLOB);
  writeFileSync(conf, readFileSync(conf, 'utf8').replace(/pipelineName: \S+/, `pipelineName: ${name}`));
}

/** `npx --no smp …` in the consumer folder (--no: never fetch, only the installed bin), asynchronously. */
function npxSmp(args: readonly string[], env: Record<string, string> = {}): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['--no', '--', 'smp', ...args], {
      cwd: consumer,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: temp('smp-home-'),
        npm_config_cache: npmCache,
        npm_config_offline: 'true',
        npm_config_update_notifier: 'false',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The settings and the local endpoint; no keys, no profile, no instance metadata: only the source under test. */
function awsEnv(): Record<string, string> {
  return {
    ...TEST_ENV,
    AWS_ENDPOINT_URL: server.endpoint,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: path.join(consumer, '.no-such-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(consumer, '.no-such-aws-credentials'),
  };
}

const signed = (all: readonly RecordedRequest[]) =>
  all.filter((r) => r.service === 'sagemaker' || r.service === 's3');

describe('the npm package', () => {
  it('holds the CLI bundle and the schema, not the action bundle or the sources', () => {
    const files = packed.files.map((f) => f.path).sort();
    const cliChunks = readdirSync(path.join(REPO, 'dist'))
      .filter((f) => /^\d+\.cli\.js$/.test(f))
      .map((f) => `dist/${f}`);
    expect(files).toEqual(
      ['README.md', 'dist/cli.js', ...cliChunks, 'package.json', 'schema/conf.schema.json'].sort(),
    );
  });

  it('installs into an empty folder with no dependency at all', () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
      dependencies?: object;
      bin: Record<string, string>;
      engines: { node: string };
    };
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.bin).toEqual({ smp: 'dist/cli.js' });
    expect(manifest.engines.node).toBe('>=20');
    expect(readdirSync(path.join(consumer, 'node_modules')).filter((f) => !f.startsWith('.'))).toEqual([
      'smp-action',
    ]);
  });

  it('npx smp --version and smp plan work from there, offline', async () => {
    const v = await npxSmp(['--version']);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout.trim()).toBe(VERSION);
    const r = await npxSmp(['plan', '--config', TF_GLOB], TEST_ENV);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^pipeline calhousing-test: 6 steps/m);
    expect(server.requests.all).toEqual([]);
  });
});

describe('credentials from the default chain, as CI systems provide them', () => {
  it('CodeBuild: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (npx smp deploy)', async () => {
    pipelineNamed('calhousing-codebuild');
    // The SDK asks http://169.254.170.2<relative URI>; a test cannot bind that address, so a preload in the
    // CLI's process routes connections to it (and only those) to the local server.
    const preload = path.join(temp('smp-preload-'), 'link-local.cjs');
    writeFileSync(
      preload,
      `const net = require('node:net');
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const o = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (o && typeof o === 'object' && o.host === '169.254.170.2') Object.assign(o, { host: '127.0.0.1', port: ${server.port} });
  return connect.apply(this, args);
};
`,
    );
    const r = await npxSmp(['deploy', '--config', TF_GLOB], {
      ...awsEnv(),
      AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/_container-credentials/v2/credentials',
      NODE_OPTIONS: `--require=${preload}`,
      CODEBUILD_BUILD_ID: 'smp-models:0b7c2a3e-1111-2222-3333-444455556666',
      CODEBUILD_SOURCE_REPO_URL: 'https://github.com/ml-team/churn.git',
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      `pipeline created: arn:aws:sagemaker:us-east-1:${ACCOUNT}:pipeline/calhousing-codebuild`,
    );
    expectSignedWithContainerCredentials();
    expect(server.containerCredentials.requests.every((a) => a === undefined)).toBe(true);
    // The build's source repository tags what smp creates, as GITHUB_REPOSITORY does on GitHub.
    expect(server.requests.last('CreatePipeline')!.input.Tags).toContainEqual({
      Key: 'smp-action:repository',
      Value: 'ml-team/churn',
    });
  });

  it('AWS_CONTAINER_CREDENTIALS_FULL_URI with AWS_CONTAINER_AUTHORIZATION_TOKEN (npx smp deploy)', async () => {
    pipelineNamed('calhousing-fulluri');
    // The endpoint answers 401 without this exact token.
    server.containerCredentials.authorizationToken = 'Bearer pod-identity-token';
    const before = server.containerCredentials.requests.length;
    try {
      const r = await npxSmp(['deploy', '--config', TF_GLOB], {
        ...awsEnv(),
        AWS_CONTAINER_CREDENTIALS_FULL_URI: server.containerCredentialsUrl,
        AWS_CONTAINER_AUTHORIZATION_TOKEN: 'Bearer pod-identity-token',
      });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('pipeline created');
      expectSignedWithContainerCredentials();
      const sent = server.containerCredentials.requests.slice(before);
      expect(sent.length).toBeGreaterThanOrEqual(1);
      expect(sent.every((a) => a === 'Bearer pod-identity-token')).toBe(true);
    } finally {
      server.containerCredentials.authorizationToken = undefined;
    }
  });

  it('GitLab id_tokens: AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE (npx smp run)', async () => {
    pipelineNamed('calhousing-gitlab');
    server.script.stsIssuers = ['https://gitlab.com'];
    server.script.stsAudiences = ['https://gitlab.com'];
    const now = Math.floor(server.clock.now() / 1000);
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const jwt = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'gitlab' })}.${b64({
      iss: 'https://gitlab.com',
      aud: 'https://gitlab.com',
      sub: 'project_path:ml-team/churn:ref_type:branch:ref:main',
      project_path: 'ml-team/churn',
      ref: 'main',
      ref_protected: 'true',
      iat: now,
      nbf: now,
      exp: now + 300,
    })}.c2lnbmF0dXJl`;
    const tokenFile = path.join(temp('smp-gitlab-'), 'web-identity-token');
    writeFileSync(tokenFile, jwt);
    const role = `arn:aws:iam::${ACCOUNT}:role/gitlab-smp-deploy`;
    const r = await npxSmp(['run', '--config', TF_GLOB], {
      ...awsEnv(),
      AWS_ROLE_ARN: role,
      AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile,
      AWS_ROLE_SESSION_NAME: 'gitlab-4242',
      GITLAB_CI: 'true',
      CI_COMMIT_SHA: '0123456789abcdef0123456789abcdef01234567',
      CI_PIPELINE_ID: '987654',
      CI_PROJECT_PATH: 'ml-team/churn',
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^execution: arn:aws:sagemaker:us-east-1:\d+:pipeline\/calhousing-gitlab\/execution\//m,
    );

    // The execution is named after the commit and the GitLab pipeline.
    expect(server.requests.last('StartPipelineExecution')!.input).toMatchObject({
      PipelineExecutionDisplayName: '0123456-987654',
    });
    const assume = server.requests.all.filter((x) => x.operation === 'AssumeRoleWithWebIdentity');
    expect(assume.length).toBeGreaterThanOrEqual(1);
    for (const a of assume) {
      expect(a.status).toBe(200);
      expect(a.input).toMatchObject({ RoleArn: role, RoleSessionName: 'gitlab-4242', WebIdentityToken: jwt });
    }
    const issued = [...server.sts.issued.values()].filter((c) => c.roleArn === role);
    const keys = new Map(issued.map((c) => [c.accessKeyId, c.sessionToken]));
    const requests = signed(server.requests.all);
    expect(requests.map((x) => x.operation)).toContain('StartPipelineExecution');
    for (const x of requests) {
      expect(keys.has(x.accessKeyId ?? ''), `${x.operation} signed with ${x.accessKeyId}`).toBe(true);
      expect(x.headers['x-amz-security-token']).toBe(keys.get(x.accessKeyId!));
    }
  });
});

/** Every signed request used a key the container endpoint handed out, with its session token. */
function expectSignedWithContainerCredentials(): void {
  const keys = new Map(server.containerCredentials.issued.map((c) => [c.accessKeyId, c.sessionToken]));
  const requests = signed(server.requests.all);
  expect(requests.map((x) => x.operation)).toContain('CreatePipeline');
  for (const x of requests) {
    expect(keys.has(x.accessKeyId ?? ''), `${x.operation} signed with ${x.accessKeyId}`).toBe(true);
    expect(x.headers['x-amz-security-token']).toBe(keys.get(x.accessKeyId!));
  }
  expect(server.requests.all.some((x) => x.service === 'sts')).toBe(false);
  expect(server.requests.count('GetCredentials')).toBeGreaterThanOrEqual(1);
}
