// The metric values of a registered model version: its ModelQuality statistics object read from S3. Best effort
// and bounded: one ranged GetObject (never more than 1 MiB and a byte), a timeout, and any failure is the reason
// the report shows instead of the values, never a failed run.
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { formatBytes } from '../plan/summary.js';
import { METRICS_MAX_BYTES, parseMetricsReport } from '../report/metrics-report.js';
import type { ModelMetrics } from '../report/metrics-report.js';

const READ_TIMEOUT_MS = 20_000;

export async function readModelMetrics(s3: S3Client, uri: string): Promise<ModelMetrics> {
  const loc = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (!loc) return unavailable('not an s3:// object URI');
  const [, bucket = '', key = ''] = loc;
  try {
    const out = await s3.send(
      // One byte past the limit: a larger object shows as larger without being downloaded.
      new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${METRICS_MAX_BYTES}` }),
      { abortSignal: AbortSignal.timeout(READ_TIMEOUT_MS) },
    );
    const total = totalSize(out.ContentRange) ?? out.ContentLength;
    if (total !== undefined && total > METRICS_MAX_BYTES) {
      (out.Body as { destroy?: () => void } | undefined)?.destroy?.();
      return tooLarge(total);
    }
    const bytes = (await out.Body?.transformToByteArray()) ?? new Uint8Array();
    if (bytes.length > METRICS_MAX_BYTES) return tooLarge(bytes.length);
    return parseMetricsReport(bytes);
  } catch (err) {
    return unavailable(failure(err, bucket));
  }
}

function unavailable(reason: string): ModelMetrics {
  return { kind: 'unavailable', reason };
}

function tooLarge(bytes: number): ModelMetrics {
  return unavailable(
    `the object is too large to read (${formatBytes(bytes)}; the limit is ${formatBytes(METRICS_MAX_BYTES)})`,
  );
}

/** `bytes 0-1048576/3355443` → 3355443. */
function totalSize(contentRange: string | undefined): number | undefined {
  const m = /\/(\d+)$/.exec(contentRange ?? '');
  return m ? Number(m[1]) : undefined;
}

function failure(err: unknown, bucket: string): string {
  const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode;
  if (e.name === 'NoSuchKey' || (status === 404 && e.name !== 'NoSuchBucket'))
    return 'the object does not exist (the Metrics step did not write it)';
  if (e.name === 'NoSuchBucket') return `the bucket ${bucket} does not exist`;
  if (e.name === 'AccessDenied' || status === 403)
    return 'access denied (the role needs s3:GetObject on it: smp iam-policy includes that)';
  // A zero-byte object has no byte 0 to start a range at.
  if (e.name === 'InvalidRange' || status === 416) return 'the object is empty';
  if (e.name === 'TimeoutError' || e.name === 'AbortError')
    return `no answer from S3 within ${READ_TIMEOUT_MS / 1000}s`;
  return `${e.name ?? 'Error'}: ${(e.message ?? String(err)).split('\n')[0]}`;
}
