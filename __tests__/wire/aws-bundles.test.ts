// Streamed bundle uploads through the REAL S3 client and @aws-sdk/lib-storage against the local S3 server
// (every request checked against botocore's s3 model): a bundle larger than a part arrives whole and
// byte-identical through a multipart upload; a re-deploy of unchanged code reads no bundle bytes; a file
// changed between plan and upload completes no object.
import { createCipheriv, createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { uploadArtifacts } from '../../src/aws/upload.js';
import type { Artifact } from '../../src/compile/types.js';
import { uploadedBytes } from '../helpers/artifacts.js';
import { budget, compile, REPO, TF_GLOB, wireSuite } from './helpers/aws.js';

const suite = wireSuite();
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

const PART = 5 * 2 ** 20; // S3's minimum part size
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** Incompressible, reproducible bytes (AES-CTR keystream), so the gzip'd bundle stays larger than `n`. */
function noise(n: number): Buffer {
  return createCipheriv('aes-128-ctr', Buffer.alloc(16, 7), Buffer.alloc(16, 0)).update(Buffer.alloc(n));
}

/** A copy of examples/tf with its own pipeline name and an 11 MiB binary beside the scripts (3 parts of 5 MiB). */
function tfWithBinary(pipelineName: string): { ws: string; binary: string } {
  const ws = mkdtempSync(path.join(tmpdir(), 'smp-bundles-'));
  temps.push(ws);
  cpSync(path.join(REPO, 'examples/tf'), path.join(ws, 'examples/tf'), { recursive: true });
  const conf = path.join(ws, TF_GLOB);
  writeFileSync(
    conf,
    readFileSync(conf, 'utf8').replace('pipelineName: calhousing-test', `pipelineName: ${pipelineName}`),
  );
  const binary = path.join(ws, 'examples/tf/modelscripts/weights.bin');
  writeFileSync(binary, noise(11 * 2 ** 20));
  return { ws, binary };
}

const bundlesOf = (artifacts: readonly Artifact[]): Artifact[] =>
  artifacts.filter((a) => a.source.type === 'tar.gz');

describe('multipart upload of a bundle larger than a part', () => {
  it('arrives whole and byte-identical: Create, 3 × UploadPart, Complete; the tar inside is the address', async () => {
    const { ws } = tfWithBinary('bundles-multipart');
    const c = compile(ws, [TF_GLOB]);
    const bundles = bundlesOf(c.plan.artifacts);
    expect(bundles).toHaveLength(1);
    const bundle = bundles[0]!;
    expect(bundle.bytes).toBeGreaterThan(11 * 2 ** 20);
    const kms = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

    const lines: string[] = [];
    const r = await uploadArtifacts(suite.clients.s3, [bundle], {
      partSize: PART,
      kmsKey: kms,
      progressEvery: 4 * 2 ** 20,
      log: (l) => lines.push(l),
    });

    const forKey = suite.server.requests.all.filter((q) => q.service === 's3' && q.input.Key === bundle.key);
    expect(forKey.map((q) => [q.operation, q.status])).toEqual([
      ['HeadObject', 404],
      ['CreateMultipartUpload', 200],
      ['UploadPart', 200],
      ['UploadPart', 200],
      ['UploadPart', 200],
      ['CompleteMultipartUpload', 200],
    ]);
    expect(forKey[1]!.input).toMatchObject({
      ContentType: 'application/gzip',
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: kms,
    });
    const stored = suite.server.s3.getObject('example-bucket', bundle.key)!;
    expect(stored.etag).toMatch(/-3"$/);
    expect(stored.kmsKeyId).toBe(kms);
    expect(stored.contentType).toBe('application/gzip');
    // Byte-identical to packing the same layout in memory, and its tar is the address the plan computed.
    expect(sha(stored.body)).toBe(sha(uploadedBytes(bundle)));
    const tar = gunzipSync(stored.body);
    expect(tar.length).toBe(bundle.bytes);
    expect(sha(tar)).toBe(bundle.contentSha256);
    expect(r.uploaded).toEqual([{ key: bundle.key, bytes: stored.body.length }]);
    // Progress while it streams (at each part here), then the line for the finished object.
    expect(lines.filter((l) => l.includes('MiB sent')).length).toBeGreaterThanOrEqual(2);
    expect(lines.at(-1)).toBe(
      `  + s3://example-bucket/${bundle.key} (${stored.body.length} bytes, ${bundle.bytes} before gzip)`,
    );
  });

  it('a bundle that fits in one part is a single PutObject', async () => {
    const { ws } = tfWithBinary('bundles-single');
    const c = compile(ws, [TF_GLOB]);
    const bundle = bundlesOf(c.plan.artifacts)[0]!;
    await uploadArtifacts(suite.clients.s3, [bundle], { partSize: 16 * 2 ** 20 });
    expect(budget(suite.server.requests.all)).toEqual({ HeadObject: 1, PutObject: 1 });
    expect(sha(gunzipSync(suite.server.s3.getObject('example-bucket', bundle.key)!.body))).toBe(
      bundle.contentSha256,
    );
  });
});

describe('what a deploy reads', () => {
  it('an unchanged re-deploy reads no bundle bytes: it succeeds with the source files gone', async () => {
    const { ws } = tfWithBinary('bundles-redeploy');
    const c = compile(ws, [TF_GLOB]);
    await uploadArtifacts(suite.clients.s3, c.plan.artifacts, { partSize: PART });
    // Planning (hashing) has read the files; the deploy must only ask S3. Without the files on disk any
    // read would fail (ENOENT) and any repacking would not match the address.
    rmSync(path.join(ws, 'examples'), { recursive: true, force: true });
    suite.server.requests.reset();
    const r = await uploadArtifacts(suite.clients.s3, c.plan.artifacts, { partSize: PART });
    expect(r.uploaded).toEqual([]);
    expect(r.skipped.map((s) => s.key).sort()).toEqual(c.plan.artifacts.map((a) => a.key).sort());
    expect(budget(suite.server.requests.all)).toEqual({ HeadObject: c.plan.artifacts.length });
  });

  it('a file changed between plan and upload completes no object (multipart: aborted)', async () => {
    const { ws, binary } = tfWithBinary('bundles-changed');
    const c = compile(ws, [TF_GLOB]);
    const bundle = bundlesOf(c.plan.artifacts)[0]!;
    // Same size, other last byte: only the hash of the whole tar can tell, after every part but the last.
    const bytes = readFileSync(binary);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    writeFileSync(binary, bytes);
    await expect(uploadArtifacts(suite.clients.s3, [bundle], { partSize: PART })).rejects.toThrow(
      /files changed since the plan .* nothing was uploaded for it: plan again/,
    );
    expect(suite.server.s3.getObject('example-bucket', bundle.key)).toBeUndefined();
    expect(suite.server.requests.count('CompleteMultipartUpload')).toBe(0);
    expect(suite.server.requests.count('AbortMultipartUpload', { ok: true })).toBe(1);
  });

  it('a file that grew since the plan is refused before anything is stored', async () => {
    const { ws } = tfWithBinary('bundles-grown');
    const c = compile(ws, [TF_GLOB]);
    const bundle = bundlesOf(c.plan.artifacts)[0]!;
    appendFileSync(path.join(ws, 'examples/tf/modelscripts/train.py'), '\n# edited after the plan\n');
    await expect(uploadArtifacts(suite.clients.s3, [bundle], { partSize: PART })).rejects.toThrow(
      /train\.py changed size while it was being read/,
    );
    expect(suite.server.s3.getObject('example-bucket', bundle.key)).toBeUndefined();
  });
});
