// Upload content-addressed artifacts: HeadObject first, skip what is there (the key names the content).
// Only missing bundles are packed: their tar is gzip'd while it streams into S3 (multipart above one part),
// and checked against the address on the way, so memory stays flat and a changed file uploads nothing.
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Transform } from 'node:stream';
import { packStream } from '../compile/tar.js';
import { artifactManifest, manifestKey } from '../compile/manifest.js';
import type { Artifact, BundleManifest } from '../compile/types.js';

export interface UploadReport {
  /** `bytes`: what was sent (gzip'd for a bundle). */
  readonly uploaded: readonly { key: string; bytes: number }[];
  /** `bytes`: the content size the plan listed. */
  readonly skipped: readonly { key: string; bytes: number }[];
}

export interface UploadOptions {
  /** SMP_KMSKEY: objects are encrypted with it (SSE-KMS); else the bucket's default encryption applies. */
  readonly kmsKey?: string;
  readonly log?: (line: string) => void;
  /** Artifacts checked and uploaded at once. */
  readonly concurrency?: number;
  /** Bundles up to this size go in one PutObject, larger ones as a multipart upload of such parts. */
  readonly partSize?: number;
  /** A progress line per this many bytes of a bundle sent (default 256 MiB). */
  readonly progressEvery?: number;
}

/** 8 MiB parts, two in flight per bundle: a bundle upload holds about 32 MiB whatever its size. */
export const PART_SIZE = 8 * 2 ** 20;
const PARTS_IN_FLIGHT = 2;
/** Bundles packed at once: gzip is CPU-bound (runners have 2 cores), and this bounds the memory too. */
const PACKING_AT_ONCE = 2;
/** A log line per this many bytes sent, so a long upload shows progress. */
const PROGRESS_EVERY = 256 * 2 ** 20;

const CONTENT_TYPES: Record<string, string> = {
  '.gz': 'application/gzip',
  '.sh': 'text/x-shellscript',
  '.json': 'application/json',
};

export async function uploadArtifacts(
  s3: S3Client,
  artifacts: readonly Artifact[],
  opts: UploadOptions = {},
): Promise<UploadReport> {
  const uploaded: { key: string; bytes: number }[] = [];
  const skipped: { key: string; bytes: number }[] = [];
  const queue = [...artifacts];
  const packing = slots(PACKING_AT_ONCE);
  const worker = async (): Promise<void> => {
    for (let a = queue.shift(); a; a = queue.shift()) {
      if (await exists(s3, a)) {
        skipped.push({ key: a.key, bytes: a.bytes });
        opts.log?.(`  = s3://${a.bucket}/${a.key} (already there)`);
        continue;
      }
      const sent =
        a.source.type === 'tar.gz' ? await packing(() => put(s3, a, opts)) : await put(s3, a, opts);
      uploaded.push({ key: a.key, bytes: sent });
      opts.log?.(
        `  + s3://${a.bucket}/${a.key} (${sent} bytes${a.source.type === 'tar.gz' ? `, ${a.bytes} before gzip` : ''})`,
      );
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(opts.concurrency ?? 4, Math.max(1, artifacts.length)) }, worker),
  );
  const order = (x: { key: string }, y: { key: string }): number => (x.key < y.key ? -1 : 1);
  return { uploaded: uploaded.sort(order), skipped: skipped.sort(order) };
}

/** Uploads one artifact; returns the number of bytes sent. */
async function put(s3: S3Client, a: Artifact, opts: UploadOptions): Promise<number> {
  const common = {
    Bucket: a.bucket,
    Key: a.key,
    ContentType: CONTENT_TYPES[a.key.slice(a.key.lastIndexOf('.'))] ?? 'application/octet-stream',
    // Without a key the bucket's own default encryption (at least SSE-S3) applies, whatever key it names.
    ...(opts.kmsKey ? { ServerSideEncryption: 'aws:kms' as const, SSEKMSKeyId: opts.kmsKey } : {}),
  };
  if (a.source.type === 'bytes') {
    await s3.send(
      new PutObjectCommand({
        ...common,
        Body: a.source.bytes,
        ContentLength: a.source.bytes.length,
        // The bytes are the content: their sha256 is the address, and S3 checks it.
        ChecksumSHA256: Buffer.from(a.contentSha256, 'hex').toString('base64'),
      }),
    );
    return a.source.bytes.length;
  }
  // The SDK checksums every request (CRC32) and S3 checks it; packStream checks the tar against the address
  // and fails before the last part, so a mismatch never completes an object.
  const packed = packStream(a.source.layout, { expectSha256: a.contentSha256 });
  let sent = 0;
  const body = new Transform({
    transform(chunk: Buffer, _enc, done): void {
      sent += chunk.length;
      done(null, chunk);
    },
  });
  packed.on('error', (err) => body.destroy(err));
  packed.pipe(body);
  const upload = new Upload({
    client: s3,
    params: { ...common, Body: body },
    partSize: opts.partSize ?? PART_SIZE,
    queueSize: PARTS_IN_FLIGHT,
  });
  const every = opts.progressEvery ?? PROGRESS_EVERY;
  let next = every;
  upload.on('httpUploadProgress', (p) => {
    if ((p.loaded ?? 0) < next) return;
    next = (Math.floor((p.loaded ?? 0) / every) + 1) * every;
    opts.log?.(`  … s3://${a.bucket}/${a.key}: ${Math.floor((p.loaded ?? 0) / 2 ** 20)} MiB sent`);
  });
  try {
    await upload.done();
  } catch (err) {
    packed.destroy();
    throw err;
  }
  return sent;
}

/** Runs at most `n` of the given tasks at a time. */
function slots(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let free = n;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (free === 0) await new Promise<void>((resolve) => waiting.push(resolve));
    else free--;
    try {
      return await task();
    } finally {
      const wake = waiting.shift();
      if (wake) wake();
      else free++;
    }
  };
}

async function exists(s3: S3Client, a: Artifact): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: a.bucket, Key: a.key }));
    return true;
  } catch (err) {
    const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
    // Without s3:ListBucket a missing object answers 403, not 404: upload it either way.
    if (e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404 || e.$metadata?.httpStatusCode === 403)
      return false;
    throw err;
  }
}

/**
 * The file manifest of each source bundle just uploaded, as a small JSON object next to it
 * (`<bundle key>.manifest.json`), so a later plan can name the files a code change touched. Computed from the
 * same file list the bundle is packed from; a bundle that was already there keeps the manifest written with it.
 */
export async function uploadManifests(
  s3: S3Client,
  artifacts: readonly Artifact[],
  uploadedKeys: ReadonlySet<string>,
  opts: UploadOptions = {},
): Promise<number> {
  let written = 0;
  for (const a of artifacts) {
    if (!uploadedKeys.has(a.key)) continue;
    const manifest = artifactManifest(a);
    if (!manifest) continue;
    const key = manifestKey(a.key);
    const body = Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`);
    await s3.send(
      new PutObjectCommand({
        Bucket: a.bucket,
        Key: key,
        Body: body,
        ContentLength: body.length,
        ContentType: 'application/json',
        ...(opts.kmsKey ? { ServerSideEncryption: 'aws:kms' as const, SSEKMSKeyId: opts.kmsKey } : {}),
      }),
    );
    written++;
    opts.log?.(`  + s3://${a.bucket}/${key} (file manifest)`);
  }
  return written;
}

/** A deployed bundle's manifest; undefined when it has none (deployed before manifests) or it cannot be read. */
export async function readManifest(
  s3: S3Client,
  bucket: string,
  bundleKey: string,
): Promise<BundleManifest | undefined> {
  try {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: manifestKey(bundleKey) }));
    const text = (await out.Body?.transformToString()) ?? '';
    if (text.length > 4 * 1024 * 1024) return undefined;
    const data = JSON.parse(text) as unknown;
    if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
    const entries = Object.entries(data as Record<string, unknown>);
    if (!entries.every(([, v]) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v))) return undefined;
    return Object.fromEntries(entries as [string, string][]);
  } catch {
    return undefined;
  }
}
