// Deploy through the REAL SDK clients (src/aws/clients.ts) against the local AWS server: first deploy,
// re-deploy unchanged, a code change, the plan's single read, a definition too large to send inline,
// and limits refused before any write. Every scenario asserts its exact request budget.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DeployCancelled, DeployRefused, deployPipeline, runPipeline } from '../../src/aws/deploy.js';
import { readDeployed } from '../../src/aws/pipeline.js';
import { uploadedBytes } from '../helpers/artifacts.js';
import { makeWorkspace } from '../helpers/workspace.js';
import {
  budget,
  compile,
  copyTf,
  deployContext,
  logger,
  manyUnitsFiles,
  since,
  TF_GLOB,
  tfExample,
  wireSuite,
  writes,
} from './helpers/aws.js';
import { changedFiles } from '../../src/aws/code-files.js';
import { buildPlanView } from '../../src/plan/view.js';
import { renderPlanComment } from '../../src/report/plan-comment.js';

const suite = wireSuite();

/** Source bundles of a plan: each new one gets its file manifest uploaded next to it. */
const manifests = (c: { plan: { artifacts: readonly { kind: string }[] } }): number =>
  c.plan.artifacts.filter((a) => a.kind === 'source-bundle').length;

const b64sha = (hex: string): string => Buffer.from(hex, 'hex').toString('base64');

describe('deploy (examples/tf, workspace = repo root)', () => {
  const tf = tfExample();

  it('first deploy creates: HeadObject 404 → PutObject (checksummed; bucket default encryption) per artifact, groups, CreatePipeline with a token', async () => {
    const { lines, log } = logger();
    const d = await deployPipeline(deployContext(suite.clients, tf, log));
    expect(d.action).toBe('created');
    expect(d.previous).toBeNull();
    expect(d.pipelineArn).toBe('arn:aws:sagemaker:us-east-1:123456789012:pipeline/calhousing-test');
    expect(d.groupsCreated).toEqual(['calhousing-test-calhousing']);
    expect(d.upload.skipped).toEqual([]);
    expect(d.upload.uploaded.map((u) => u.key).sort()).toEqual(tf.plan.artifacts.map((a) => a.key).sort());

    const reqs = suite.server.requests.all;
    expect(budget(reqs)).toEqual({
      DescribePipeline: 1,
      HeadObject: tf.plan.artifacts.length,
      // Each artifact, plus the file manifest of each new source bundle.
      PutObject: tf.plan.artifacts.length + manifests(tf),
      DescribeModelPackageGroup: 1,
      CreateModelPackageGroup: 1,
      CreatePipeline: 1,
      GetSchedule: 1,
    });
    expect(reqs[0]).toMatchObject({ operation: 'DescribePipeline', errorCode: 'ResourceNotFound' });
    for (const a of tf.plan.artifacts) {
      const forKey = reqs.filter((r) => r.service === 's3' && r.input.Key === a.key);
      expect(forKey.map((r) => [r.operation, r.status])).toEqual([
        ['HeadObject', 404],
        ['PutObject', 200],
      ]);
      expect(forKey[1]!.input).toMatchObject({ Bucket: 'example-bucket', Key: a.key });
      // Without SMP_KMSKEY the bucket's default encryption applies: no SSE header overrides it.
      expect(forKey[1]!.input.ServerSideEncryption).toBeUndefined();
      expect(forKey[1]!.input.SSEKMSKeyId).toBeUndefined();
      const stored = suite.server.s3.getObject('example-bucket', a.key)!;
      expect(stored.serverSideEncryption).toBe('AES256'); // the (test) bucket's default encryption
      // What arrived is what the address names: the tar inside a bundle, the bytes of a script.
      expect(Buffer.compare(stored.body, uploadedBytes(a))).toBe(0);
      const content = a.source.type === 'tar.gz' ? gunzipSync(stored.body) : stored.body;
      expect(createHash('sha256').update(content).digest('hex')).toBe(a.contentSha256);
      if (a.source.type === 'bytes') {
        expect(forKey[1]!.input.ChecksumSHA256).toBe(b64sha(a.contentSha256));
        expect(stored.checksums.sha256).toBe(b64sha(a.contentSha256)); // S3 checked it
      } else {
        expect(stored.checksums.crc32).toMatch(/^[A-Za-z0-9+/]{6}==$/); // streamed: the SDK's CRC32, checked by S3
      }
    }
    // Groups exist before the pipeline that registers into them.
    const seqOf = (op: string): number => suite.server.requests.last(op)!.seq;
    expect(seqOf('CreateModelPackageGroup')).toBeLessThan(seqOf('CreatePipeline'));
    expect(Math.max(...reqs.filter((r) => r.operation === 'PutObject').map((r) => r.seq))).toBeLessThan(
      seqOf('CreatePipeline'),
    );
    expect(suite.server.requests.last('CreateModelPackageGroup')!.input).toMatchObject({
      ModelPackageGroupName: 'calhousing-test-calhousing',
      Tags: [
        { Key: 'managed-by', Value: 'smp-action' },
        { Key: 'smp-action:repository', Value: 'octo-org/octo-repo' },
      ],
    });
    const create = suite.server.requests.last('CreatePipeline')!.input;
    expect(create).toMatchObject({
      PipelineName: 'calhousing-test',
      RoleArn: 'arn:aws:iam::111122223333:role/SageMakerExecution',
      PipelineDefinition: tf.plan.definitionJson,
      ClientRequestToken: `smp-${tf.hash}`.slice(0, 128),
      Tags: [
        { Key: 'managed-by', Value: 'smp-action' },
        { Key: 'smp-action:repository', Value: 'octo-org/octo-repo' },
      ],
    });
    expect(create.PipelineDefinitionS3Location).toBeUndefined();

    // What DescribePipeline returns afterwards is our definition, byte for byte.
    const deployed = await readDeployed(suite.clients.sagemaker, 'calhousing-test');
    expect(deployed).toMatchObject({ arn: d.pipelineArn, roleArn: tf.config.settings.role });
    expect(suite.server.sagemaker.pipeline('calhousing-test')!.versions.at(-1)!.definition).toBe(
      tf.plan.definitionJson,
    );
    expect(JSON.stringify(deployed!.definition)).toBe(tf.plan.definitionJson);
    expect(lines).toContain(
      `Uploaded ${tf.plan.artifacts.length} (${tf.plan.artifacts.reduce((n, a) => n + uploadedBytes(a).length, 0)} bytes), skipped 0 already present (0 bytes)`,
    );
  });

  it('re-deploy unchanged: no PutObject, no CreatePipeline/UpdatePipeline, exact read budget', async () => {
    const { log } = logger();
    const d = await deployPipeline(deployContext(suite.clients, tf, log));
    expect(d.action).toBe('unchanged');
    expect(d.upload.uploaded).toEqual([]);
    expect(d.upload.skipped).toHaveLength(tf.plan.artifacts.length);
    expect(budget(suite.server.requests.all)).toEqual({
      DescribePipeline: 1,
      HeadObject: tf.plan.artifacts.length,
      DescribeModelPackageGroup: tf.groups.length,
      ListTags: 1,
      GetSchedule: 1, // no schedule in the config: is there one of ours to remove?
    });
    expect(writes(suite.server.requests.all)).toEqual([]);
    expect(suite.server.sagemaker.pipeline('calhousing-test')!.versions).toHaveLength(1);
  });

  it('re-deploy with the deployed pipeline already read (the action passes it on): no second DescribePipeline', async () => {
    const known = await readDeployed(suite.clients.sagemaker, tf.plan.pipelineName);
    suite.server.requests.reset();
    const d = await deployPipeline(
      deployContext(suite.clients, tf, () => undefined),
      known,
    );
    expect(d.action).toBe('unchanged');
    expect(budget(suite.server.requests.all)).toEqual({
      HeadObject: tf.plan.artifacts.length,
      DescribeModelPackageGroup: tf.groups.length,
      ListTags: 1,
      GetSchedule: 1,
    });
  });

  it('plan = 1 read: readDeployed is a single DescribePipeline, deployed or not', async () => {
    const deployed = await readDeployed(suite.clients.sagemaker, 'calhousing-test');
    expect(deployed?.definition.Steps.map((s) => s.Name)).toEqual(
      tf.plan.definition.Steps.map((s) => s.Name),
    );
    expect(budget(suite.server.requests.all)).toEqual({ DescribePipeline: 1 });
    suite.server.requests.reset();
    expect(await readDeployed(suite.clients.sagemaker, 'never-deployed')).toBeNull();
    expect(budget(suite.server.requests.all)).toEqual({ DescribePipeline: 1 });
  });
});

describe('a code change (temp copy of examples/tf)', () => {
  it('uploads only the artifacts whose content changed and updates the pipeline once', async () => {
    const ws = copyTf('calhousing-code');
    const before = compile(ws, [TF_GLOB]);
    expect((await deployPipeline(deployContext(suite.clients, before, () => undefined))).action).toBe(
      'created',
    );

    const train = path.join(ws, 'examples/tf/modelscripts/train.py');
    writeFileSync(train, `${readFileSync(train, 'utf8')}\n# tuned\n`);
    const after = compile(ws, [TF_GLOB]);
    const oldKeys = new Set(before.plan.artifacts.map((a) => a.key));
    const changed = after.plan.artifacts.filter((a) => !oldKeys.has(a.key));
    // train.py is in the source bundle only; the launchers of the other scripts do not change.
    expect(changed.map((a) => a.kind)).toEqual(['source-bundle']);

    suite.server.requests.reset();
    const { lines, log } = logger();
    const d = await deployPipeline(deployContext(suite.clients, after, log));
    expect(d.action).toBe('updated');
    expect(d.upload.uploaded.map((u) => u.key)).toEqual(changed.map((a) => a.key));
    expect(budget(suite.server.requests.all)).toEqual({
      DescribePipeline: 1,
      HeadObject: after.plan.artifacts.length,
      PutObject: 1 + manifests(after),
      DescribeModelPackageGroup: 1,
      ListTags: 1,
      UpdatePipeline: 1,
      GetSchedule: 1,
    });
    expect(suite.server.requests.filter('PutObject').map((r) => r.input.Key)).toEqual([
      changed[0]!.key,
      `${changed[0]!.key}.manifest.json`,
    ]);
    expect(suite.server.requests.last('UpdatePipeline')!.input).toMatchObject({
      PipelineName: 'calhousing-code',
      PipelineDefinition: after.plan.definitionJson,
    });
    const p = suite.server.sagemaker.pipeline('calhousing-code')!;
    expect(p.versions).toHaveLength(2);
    expect(p.versions[1]!.definition).toBe(after.plan.definitionJson);
    expect(lines.some((l) => l.startsWith('Uploaded 1 ('))).toBe(true);
  });

  it('a changed description alone updates the pipeline without uploading anything', async () => {
    const ws = copyTf('calhousing-desc');
    const c = compile(ws, [TF_GLOB]);
    await deployPipeline(deployContext(suite.clients, c, () => undefined));
    suite.server.requests.reset();
    const d = await deployPipeline(deployContext(suite.clients, c, () => undefined, { description: 'v2' }));
    expect(d.action).toBe('updated');
    expect(budget(suite.server.requests.all)).toMatchObject({ UpdatePipeline: 1 });
    expect(suite.server.requests.count('PutObject')).toBe(0);
    expect(suite.server.requests.last('UpdatePipeline')!.input).toMatchObject({ PipelineDescription: 'v2' });
  });

  it('tags added on a re-deploy go through AddTags (UpdatePipeline cannot change tags)', async () => {
    const ws = copyTf('calhousing-tags');
    const c = compile(ws, [TF_GLOB]);
    await deployPipeline(deployContext(suite.clients, c, () => undefined));
    suite.server.requests.reset();
    const tags = [
      { Key: 'managed-by', Value: 'smp-action' },
      { Key: 'smp-action:repository', Value: 'octo-org/octo-repo' },
      { Key: 'team', Value: 'ml' },
    ];
    const d = await deployPipeline(deployContext(suite.clients, c, () => undefined, { tags }));
    expect(d.action).toBe('unchanged');
    expect(budget(writes(suite.server.requests.all))).toEqual({ AddTags: 1 });
    expect(suite.server.requests.last('AddTags')!.input).toMatchObject({
      Tags: [{ Key: 'team', Value: 'ml' }],
    });
    expect(suite.server.sagemaker.pipeline('calhousing-tags')!.tags).toContainEqual({
      Key: 'team',
      Value: 'ml',
    });
  });
});

describe('re-deploys converge', () => {
  it('SMP_KMSKEY: uploads name the KMS key', async () => {
    const kms = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const c = compile(copyTf('calhousing-kms'), [TF_GLOB]);
    await deployPipeline(deployContext(suite.clients, c, () => undefined, { kmsKey: kms }));
    const puts = suite.server.requests.filter('PutObject');
    expect(puts).toHaveLength(c.plan.artifacts.length + manifests(c));
    for (const put of puts)
      expect(put.input).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: kms });
    for (const a of c.plan.artifacts)
      expect(suite.server.s3.getObject('example-bucket', a.key)!.kmsKeyId).toBe(kms);
  });

  // Fixed, kept as a regression test: pipeline.ts isUpToDate compares the deployed description with the configured one, but upsertPipeline
  // only sends PipelineDescription when one is configured. Once a description was deployed (a config that had
  // one, or `smp deploy --description`), removing it makes EVERY later deploy of the same plan an
  // UpdatePipeline (a new pipeline version each time) that never clears it. Spec: "skip the update when the
  // deployed definition already equals the plan"; "re-deploy unchanged (… no update)".
  it('a description removed from the config: the second deploy after that is unchanged', async () => {
    const c = compile(copyTf('calhousing-nodesc'), [TF_GLOB]);
    await deployPipeline(deployContext(suite.clients, c, () => undefined, { description: 'first' }));
    await deployPipeline(deployContext(suite.clients, c, () => undefined, { description: undefined }));
    suite.server.requests.reset();
    const d = await deployPipeline(
      deployContext(suite.clients, c, () => undefined, { description: undefined }),
    );
    expect(suite.server.requests.count('UpdatePipeline')).toBe(0);
    expect(d.action).toBe('unchanged');
  });

  // Fixed, kept as a regression test: the same for parallelism: isUpToDate requires deployed.parallelism === the input, yet UpdatePipeline
  // cannot remove a ParallelismConfiguration, so after the `max-parallel-steps` input is dropped every deploy
  // of the unchanged plan is an UpdatePipeline, forever.
  it('parallelism dropped from the inputs: the second deploy after that is unchanged', async () => {
    const c = compile(copyTf('calhousing-nopar'), [TF_GLOB]);
    await deployPipeline(deployContext(suite.clients, c, () => undefined, { parallelism: 4 }));
    await deployPipeline(deployContext(suite.clients, c, () => undefined, { parallelism: undefined }));
    suite.server.requests.reset();
    const d = await deployPipeline(
      deployContext(suite.clients, c, () => undefined, { parallelism: undefined }),
    );
    expect(suite.server.requests.count('UpdatePipeline')).toBe(0);
    expect(d.action).toBe('unchanged');
  });
});

describe('large definition via S3', () => {
  it('a definition ≥ 100 KiB is uploaded first and CreatePipeline names its S3 location', async () => {
    const ws = makeWorkspace(manyUnitsFiles(15, 'p-big'));
    const big = compile(ws, ['m/conf/conf.yaml']);
    expect(Buffer.byteLength(big.plan.definitionJson)).toBeGreaterThanOrEqual(100 * 1024);
    expect(big.plan.definitionS3).toBeDefined();
    const defArtifact = big.plan.artifacts.find((a) => a.kind === 'definition')!;
    expect(defArtifact.key).toBe(big.plan.definitionS3!.key);

    const d = await deployPipeline(deployContext(suite.clients, big, () => undefined));
    expect(d.action).toBe('created');
    const create = suite.server.requests.last('CreatePipeline')!;
    expect(create.input.PipelineDefinition).toBeUndefined();
    expect(create.input.PipelineDefinitionS3Location).toEqual({
      Bucket: 'example-bucket',
      ObjectKey: big.plan.definitionS3!.key,
    });
    const putDef = suite.server.requests.filter('PutObject').find((r) => r.input.Key === defArtifact.key)!;
    expect(putDef).toMatchObject({ status: 200, input: { ContentType: 'application/json' } });
    expect(putDef.seq).toBeLessThan(create.seq);
    expect(create.bodyBytes).toBeLessThan(2_000); // the definition did not travel inline
    expect(budget(suite.server.requests.all)).toMatchObject({
      DescribePipeline: 1,
      HeadObject: big.plan.artifacts.length,
      PutObject: big.plan.artifacts.length + manifests(big),
      DescribeModelPackageGroup: 15,
      CreateModelPackageGroup: 15,
      CreatePipeline: 1,
    });
    const deployed = await readDeployed(suite.clients.sagemaker, 'p-big');
    expect(JSON.stringify(deployed!.definition)).toBe(big.plan.definitionJson);

    // And the deployed definition read back compares equal: re-deploy is a no-op.
    suite.server.requests.reset();
    expect((await deployPipeline(deployContext(suite.clients, big, () => undefined))).action).toBe(
      'unchanged',
    );
    expect(writes(suite.server.requests.all)).toEqual([]);
  });
});

describe('limits are refused before any write', () => {
  const tf = tfExample();

  it('> 50 tags → DeployRefused and no request at all', async () => {
    const tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    const err = await deployPipeline(deployContext(suite.clients, tf, () => undefined, { tags })).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DeployRefused);
    expect((err as DeployRefused).diagnostics.map((d) => d.code)).toEqual(['limit-tags']);
    expect((err as DeployRefused).message).toContain('51 pipeline tags; SageMaker accepts at most 50');
    expect(writes(suite.server.requests.all)).toEqual([]);
    expect(suite.server.requests.length).toBe(0);
  });

  it('a display name over 82 characters and a 3073-character description → refused, nothing written', async () => {
    const start = suite.server.requests.length;
    const err = await runPipeline({
      ...deployContext(suite.clients, tf, () => undefined, { description: 'd'.repeat(3073) }),
      displayName: 'a'.repeat(83),
      executionDescription: undefined,
      token: 't'.repeat(64),
      wait: undefined,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeployRefused);
    expect((err as DeployRefused).diagnostics.map((d) => d.code).sort()).toEqual([
      'limit-description',
      'limit-display-name',
    ]);
    const description = (err as DeployRefused).diagnostics.find((d) => d.code === 'limit-description')!;
    expect(description.path).toBe('conf.sagemakerPipeline.pipelineDescription');
    expect(since(suite.server, start)).toEqual([]);
  });
});

describe('cancellation before a write', () => {
  const tf = tfExample();

  it('a job cancelled before the deploy starts writes nothing and says where it stopped', async () => {
    const abort = new AbortController();
    abort.abort();
    const start = suite.server.requests.length;
    const err = await runPipeline({
      ...deployContext(suite.clients, tf, () => undefined),
      signal: abort.signal,
      displayName: 'abc1234-1',
      executionDescription: undefined,
      token: 'c'.repeat(64),
      wait: undefined,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeployCancelled);
    expect((err as DeployCancelled).message).toBe('cancelled before the upload');
    expect(writes(since(suite.server, start))).toEqual([]);
  });
});

describe('code changes name the files (bundle manifests)', () => {
  it('deploy puts a manifest next to each bundle; the next plan names the edited file and the steps that re-run', async () => {
    const ws = copyTf('p-manifest');
    const first = compile(ws, [TF_GLOB]);
    await deployPipeline(deployContext(suite.clients, first, logger().log));
    const bundle = first.plan.artifacts.find((a) => a.kind === 'source-bundle')!;
    const put = suite.server.requests
      .filter('PutObject')
      .filter((r) => String(r.input.Key).endsWith('.manifest.json'))
      .map((r) => String(r.input.Key));
    expect(put).toContain(`${bundle.key}.manifest.json`);

    const train = path.join(ws, 'examples/tf/modelscripts/train.py');
    writeFileSync(train, `${readFileSync(train, 'utf8')}\n# tuned\n`);
    writeFileSync(path.join(ws, 'examples/tf/modelscripts/extra.py'), 'X = 1\n');
    const second = compile(ws, [TF_GLOB]);
    const deployed = await readDeployed(suite.clients.sagemaker, 'p-manifest');
    const view = buildPlanView(second.plan, { state: 'read', definition: deployed!.definition });
    const files = await changedFiles(suite.clients.s3, second.plan, view);
    const newBundle = second.plan.artifacts.find((a) => a.kind === 'source-bundle')!;
    expect(files?.get(newBundle.contentSha256)).toEqual({
      added: ['extra.py'],
      changed: ['train.py'],
      removed: [],
    });
    const body = renderPlanComment({ ...view, ...(files ? { codeFiles: files } : {}) });
    const line = body.split('\n').find((l) => l.startsWith('- `sourcedir.tar.gz` of '))!;
    expect(line).toContain('`train.py` changed, `extra.py` added; re-runs ');
    for (const step of view.diff.steps.changed.filter((c) => c.code.length > 0))
      expect(line).toContain(`\`${step.name}\``);
  });
});
