// Upload content-addressed artifacts: HeadObject first, skip what is there (the key names the content).
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Artifact } from '../compile/types.js';

export interface UploadReport {
  readonly uploaded: readonly { key: string; bytes: number }[];
  readonly skipped: readonly { key: string; bytes: number }[];
}

export interface UploadOptions {
  /** SMP_KMSKEY: objects are encrypted with it (SSE-KMS); else the bucket's default encryption applies. */
  readonly kmsKey?: string;
  readonly log?: (line: string) => void;
  readonly concurrency?: number;
}

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
  const worker = async (): Promise<void> => {
    for (let a = queue.shift(); a; a = queue.shift()) {
      if (await exists(s3, a)) {
        skipped.push({ key: a.key, bytes: a.bytes });
        opts.log?.(`  = s3://${a.bucket}/${a.key} (already there)`);
        continue;
      }
      await s3.send(
        new PutObjectCommand({
          Bucket: a.bucket,
          Key: a.key,
          Body: a.content,
          ContentLength: a.bytes,
          ContentType: CONTENT_TYPES[a.key.slice(a.key.lastIndexOf('.'))] ?? 'application/octet-stream',
          ChecksumSHA256: Buffer.from(a.sha256, 'hex').toString('base64'),
          // Without a key the bucket's own default encryption (at least SSE-S3) applies, whatever key it names.
          ...(opts.kmsKey ? { ServerSideEncryption: 'aws:kms' as const, SSEKMSKeyId: opts.kmsKey } : {}),
        }),
      );
      uploaded.push({ key: a.key, bytes: a.bytes });
      opts.log?.(`  + s3://${a.bucket}/${a.key} (${a.bytes} bytes)`);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(opts.concurrency ?? 4, Math.max(1, artifacts.length)) }, worker),
  );
  const order = (x: { key: string }, y: { key: string }): number => (x.key < y.key ? -1 : 1);
  return { uploaded: uploaded.sort(order), skipped: skipped.sort(order) };
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
