// S3 (REST-XML, path-style) object store: PutObject / HeadObject / GetObject / HeadBucket and the
// multipart upload operations, with SSE and flexible-checksum handling as S3 does it. Buckets are
// implicit (every well-formed name exists).
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { ApiModel } from '../../helpers/api-model.js';
import { algorithmLabel, checksum, digest } from './checksums.js';
import { AwsError } from './types.js';
import type { RequestContext } from './types.js';
import { childText, element, escapeXml, parseXml } from './xml.js';

export interface StoredObject {
  bucket: string;
  key: string;
  body: Buffer;
  etag: string;
  lastModified: number;
  contentType: string;
  serverSideEncryption: string;
  kmsKeyId?: string;
  bucketKeyEnabled?: boolean;
  /** Algorithm (lower case, e.g. `crc32`, `sha256`) → base64 value (composite values end in `-<parts>`). */
  checksums: Record<string, string>;
  checksumType?: 'FULL_OBJECT' | 'COMPOSITE';
  metadata: Record<string, string>;
  /** Other stored headers (Cache-Control, Content-Disposition, …). */
  headers: Record<string, string>;
}

interface Upload {
  bucket: string;
  key: string;
  init: Omit<StoredObject, 'body' | 'etag' | 'lastModified' | 'checksums' | 'checksumType'>;
  checksumAlgorithm?: string;
  parts: Map<number, { body: Buffer; etag: string; checksum?: string }>;
}

export interface S3Response {
  status: number;
  headers: Record<string, string>;
  body?: Buffer | string;
}

const CHECKSUM_ALGORITHMS = [
  'crc32',
  'crc32c',
  'crc64nvme',
  'sha1',
  'sha256',
  'sha512',
  'md5',
  'xxhash64',
  'xxhash3',
  'xxhash128',
];
const STORED_HEADERS = [
  'cache-control',
  'content-disposition',
  'content-language',
  'expires',
  'x-amz-storage-class',
];
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export interface ResolvedS3Request {
  operation: string;
  bucket?: string;
  key?: string;
}

/** Which S3 operation a path-style request is. */
export function resolveS3Operation(
  method: string,
  pathname: string,
  query: URLSearchParams,
  headers: IncomingHttpHeaders,
): ResolvedS3Request {
  const parts = pathname.replace(/^\//, '').split('/');
  const bucket = parts[0] ? decodeURIComponent(parts[0]) : undefined;
  const rawKey = parts.slice(1).join('/');
  const key = rawKey === '' ? undefined : decodeURIComponent(rawKey);
  const where = { ...(bucket !== undefined ? { bucket } : {}), ...(key !== undefined ? { key } : {}) };
  if (bucket === undefined) return { operation: method === 'GET' ? 'ListBuckets' : `${method} /`, ...where };
  if (key === undefined) {
    if (method === 'HEAD') return { operation: 'HeadBucket', ...where };
    if (method === 'GET')
      return { operation: query.has('list-type') ? 'ListObjectsV2' : 'ListObjects', ...where };
    if (method === 'PUT') return { operation: 'CreateBucket', ...where };
    return { operation: `${method} /{Bucket}`, ...where };
  }
  switch (method) {
    case 'HEAD':
      return { operation: 'HeadObject', ...where };
    case 'GET':
      return { operation: 'GetObject', ...where };
    case 'PUT':
      if (headers['x-amz-copy-source'])
        return { operation: query.has('uploadId') ? 'UploadPartCopy' : 'CopyObject', ...where };
      return {
        operation: query.has('uploadId') && query.has('partNumber') ? 'UploadPart' : 'PutObject',
        ...where,
      };
    case 'POST':
      if (query.has('uploads')) return { operation: 'CreateMultipartUpload', ...where };
      if (query.has('uploadId')) return { operation: 'CompleteMultipartUpload', ...where };
      return { operation: 'PostObject', ...where };
    case 'DELETE':
      return { operation: query.has('uploadId') ? 'AbortMultipartUpload' : 'DeleteObject', ...where };
    default:
      return { operation: `${method} /{Bucket}/{Key+}`, ...where };
  }
}

/** The operation input as the SDK meant it: members from the URI, query string and headers (no Body). */
export function assembleS3Input(
  model: ApiModel,
  operation: string,
  where: ResolvedS3Request,
  query: URLSearchParams,
  headers: IncomingHttpHeaders,
): { input: Record<string, unknown>; unknownQuery: string[] } {
  const shape = model.shapes[model.operations[operation]!.input!.shape]!;
  const input: Record<string, unknown> = {};
  const knownQuery = new Set(['x-id', 'uploads']);
  const convert = (shapeName: string, raw: string, isHeader: boolean): unknown => {
    const t = model.shapes[shapeName]!.type;
    if (t === 'integer' || t === 'long') return /^-?\d+$/.test(raw) ? Number(raw) : raw;
    if (t === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
    if (t === 'timestamp') {
      const ms = Date.parse(raw);
      return Number.isNaN(ms) ? raw : isHeader ? new Date(ms) : raw;
    }
    return raw;
  };
  for (const [member, ref] of Object.entries(shape.members ?? {})) {
    const name = ref.locationName ?? member;
    if (ref.location === 'uri') {
      const v = name === 'Bucket' ? where.bucket : name.startsWith('Key') ? where.key : undefined;
      if (v !== undefined) input[member] = v;
    } else if (ref.location === 'querystring') {
      knownQuery.add(name);
      const v = query.get(name);
      if (v !== null) input[member] = convert(ref.shape, v, false);
    } else if (ref.location === 'header') {
      const v = headers[name.toLowerCase()];
      if (typeof v === 'string') {
        // aws-chunked is transfer framing, not the object's Content-Encoding.
        const value =
          name.toLowerCase() === 'content-encoding'
            ? v
                .split(',')
                .map((s) => s.trim())
                .filter((s) => s !== 'aws-chunked')
                .join(',')
            : v;
        if (value !== '') input[member] = convert(ref.shape, value, true);
      }
    } else if (ref.location === 'headers') {
      const prefix = name.toLowerCase();
      const map: Record<string, string> = {};
      for (const [h, v] of Object.entries(headers))
        if (h.startsWith(prefix) && typeof v === 'string') map[h.slice(prefix.length)] = v;
      if (Object.keys(map).length > 0) input[member] = map;
    }
  }
  const unknownQuery = [...query.keys()].filter((k) => !knownQuery.has(k));
  return { input, unknownQuery };
}

/** Undoes `Content-Encoding: aws-chunked` framing; returns the payload and any trailing headers. */
export function decodeAwsChunked(raw: Buffer): { body: Buffer; trailers: Record<string, string> } {
  const chunks: Buffer[] = [];
  let i = 0;
  for (;;) {
    const eol = raw.indexOf('\r\n', i);
    if (eol < 0) throw new Error('aws-chunked: missing chunk header');
    const size = parseInt(raw.subarray(i, eol).toString('latin1').split(';')[0]!, 16);
    if (Number.isNaN(size)) throw new Error('aws-chunked: bad chunk size');
    i = eol + 2;
    if (size === 0) break;
    chunks.push(raw.subarray(i, i + size));
    i += size;
    if (raw.subarray(i, i + 2).toString('latin1') !== '\r\n')
      throw new Error('aws-chunked: chunk not followed by CRLF');
    i += 2;
  }
  const trailers: Record<string, string> = {};
  for (const line of raw.subarray(i).toString('latin1').split('\r\n')) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`aws-chunked: bad trailer ${line}`);
    trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { body: Buffer.concat(chunks), trailers };
}

function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

function md5hex(b: Buffer): string {
  return createHash('md5').update(b).digest('hex');
}

export class S3Service {
  /** `${bucket}/${key}` → object. */
  readonly objects = new Map<string, StoredObject>();
  readonly #uploads = new Map<string, Upload>();
  readonly #now: () => number;
  #uploadSeq = 0;
  /**
   * Whether the caller holds s3:ListBucket (default true). Without it S3 answers a missing key with 403
   * AccessDenied instead of 404 (https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html).
   */
  listBucket = true;

  constructor(now: () => number) {
    this.#now = now;
  }

  // ------------------------------------------------------------------------------- helpers for tests

  getObject(bucket: string, key: string): StoredObject | undefined {
    return this.objects.get(`${bucket}/${key}`);
  }

  /** Seeds an object directly (no request recorded). */
  putObject(
    bucket: string,
    key: string,
    body: Buffer | string,
    opts: { contentType?: string } = {},
  ): StoredObject {
    const b = Buffer.isBuffer(body) ? body : Buffer.from(body);
    const obj: StoredObject = {
      bucket,
      key,
      body: b,
      etag: `"${md5hex(b)}"`,
      lastModified: this.#now(),
      contentType: opts.contentType ?? 'binary/octet-stream',
      serverSideEncryption: 'AES256',
      checksums: {},
      metadata: {},
      headers: {},
    };
    this.objects.set(`${bucket}/${key}`, obj);
    return obj;
  }

  keys(bucket?: string): string[] {
    return [...this.objects.values()]
      .filter((o) => bucket === undefined || o.bucket === bucket)
      .map((o) => `${o.bucket}/${o.key}`);
  }

  // ------------------------------------------------------------------------------- operations

  handle(
    operation: string,
    input: Record<string, unknown>,
    body: Buffer,
    headers: Record<string, string>,
    ctx: RequestContext,
  ): S3Response {
    const bucket = input.Bucket as string | undefined;
    if (bucket !== undefined && !BUCKET_NAME.test(bucket)) {
      throw new AwsError('InvalidBucketName', 'The specified bucket is not valid.', 400, {
        fields: { BucketName: bucket },
      });
    }
    switch (operation) {
      case 'PutObject':
        return this.#put(input, body, headers, ctx);
      case 'HeadObject':
      case 'GetObject':
        return this.#get(operation, input, headers);
      case 'HeadBucket':
        return { status: 200, headers: { 'x-amz-bucket-region': ctx.region } };
      case 'CreateMultipartUpload':
        return this.#createUpload(input, headers, ctx);
      case 'UploadPart':
        return this.#uploadPart(input, body, headers);
      case 'CompleteMultipartUpload':
        return this.#complete(input, body, ctx);
      case 'AbortMultipartUpload': {
        const id = input.UploadId as string;
        if (!this.#uploads.delete(id))
          throw new AwsError('NoSuchUpload', 'The specified upload does not exist.', 404, {
            fields: { UploadId: id },
          });
        return { status: 204, headers: {} };
      }
      default:
        throw new AwsError('NotImplemented', `The test server does not implement ${operation}.`, 501);
    }
  }

  #encryption(
    headers: Record<string, string>,
    ctx: RequestContext,
  ): Pick<StoredObject, 'serverSideEncryption' | 'kmsKeyId' | 'bucketKeyEnabled'> {
    const sse = headers['x-amz-server-side-encryption'];
    const keyId = headers['x-amz-server-side-encryption-aws-kms-key-id'];
    if (sse !== undefined && !['AES256', 'aws:kms', 'aws:kms:dsse'].includes(sse)) {
      throw new AwsError('InvalidArgument', `The encryption method specified is not supported`, 400, {
        fields: { ArgumentName: 'x-amz-server-side-encryption', ArgumentValue: sse },
      });
    }
    if (keyId !== undefined && !sse?.startsWith('aws:kms')) {
      throw new AwsError(
        'InvalidArgument',
        'Server Side Encryption with AWS KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms',
        400,
        { fields: { ArgumentName: 'x-amz-server-side-encryption', ArgumentValue: sse ?? 'null' } },
      );
    }
    if (!sse?.startsWith('aws:kms')) return { serverSideEncryption: sse ?? 'AES256' };
    const prefix = `arn:aws:kms:${ctx.region}:${ctx.accountId}:`;
    const arn =
      keyId === undefined
        ? `${prefix}key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d`
        : keyId.startsWith('arn:')
          ? keyId
          : keyId.startsWith('alias/')
            ? `${prefix}${keyId}`
            : `${prefix}key/${keyId}`;
    const out: Pick<StoredObject, 'serverSideEncryption' | 'kmsKeyId' | 'bucketKeyEnabled'> = {
      serverSideEncryption: sse,
      kmsKeyId: arn,
    };
    if (headers['x-amz-server-side-encryption-bucket-key-enabled'] === 'true') out.bucketKeyEnabled = true;
    return out;
  }

  /** Verifies every x-amz-checksum-* (header or trailer) and Content-MD5 against `body`. */
  #checksums(body: Buffer, headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    const md5 = headers['content-md5'];
    if (md5 !== undefined && md5 !== createHash('md5').update(body).digest('base64')) {
      throw new AwsError('BadDigest', 'The Content-MD5 you specified did not match what we received.', 400);
    }
    for (const alg of CHECKSUM_ALGORITHMS) {
      const sent = headers[`x-amz-checksum-${alg}`];
      if (sent === undefined) continue;
      const actual = checksum(alg, body);
      if (actual !== undefined && actual !== sent) {
        throw new AwsError(
          'BadDigest',
          `The ${algorithmLabel(alg)} you specified did not match the calculated checksum.`,
          400,
        );
      }
      out[alg] = sent;
    }
    const declared = headers['x-amz-sdk-checksum-algorithm'];
    if (declared !== undefined && out[declared.toLowerCase()] === undefined) {
      throw new AwsError(
        'InvalidRequest',
        `x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.`,
        400,
      );
    }
    return out;
  }

  #objectHeaders(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const h of STORED_HEADERS) if (headers[h] !== undefined) out[h] = headers[h];
    const enc = headers['content-encoding']
      ?.split(',')
      .map((s) => s.trim())
      .filter((s) => s !== 'aws-chunked' && s !== '');
    if (enc && enc.length > 0) out['content-encoding'] = enc.join(',');
    return out;
  }

  #metadata(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [h, v] of Object.entries(headers))
      if (h.startsWith('x-amz-meta-')) out[h.slice('x-amz-meta-'.length)] = v;
    return out;
  }

  #encryptionHeaders(
    o: Pick<StoredObject, 'serverSideEncryption' | 'kmsKeyId' | 'bucketKeyEnabled'>,
  ): Record<string, string> {
    const h: Record<string, string> = { 'x-amz-server-side-encryption': o.serverSideEncryption };
    if (o.kmsKeyId) h['x-amz-server-side-encryption-aws-kms-key-id'] = o.kmsKeyId;
    if (o.bucketKeyEnabled) h['x-amz-server-side-encryption-bucket-key-enabled'] = 'true';
    return h;
  }

  #put(
    input: Record<string, unknown>,
    body: Buffer,
    headers: Record<string, string>,
    ctx: RequestContext,
  ): S3Response {
    const bucket = input.Bucket as string;
    const key = input.Key as string;
    const existing = this.objects.get(`${bucket}/${key}`);
    if (headers['if-none-match'] === '*' && existing) {
      throw new AwsError(
        'PreconditionFailed',
        'At least one of the pre-conditions you specified did not hold',
        412,
        { fields: { Condition: 'If-None-Match' } },
      );
    }
    if (headers['if-match'] !== undefined && existing?.etag !== headers['if-match']) {
      throw new AwsError(
        'PreconditionFailed',
        'At least one of the pre-conditions you specified did not hold',
        412,
        { fields: { Condition: 'If-Match' } },
      );
    }
    const encryption = this.#encryption(headers, ctx);
    const checksums = this.#checksums(body, headers);
    const obj: StoredObject = {
      bucket,
      key,
      body,
      etag: `"${md5hex(body)}"`,
      lastModified: ctx.now,
      contentType: headers['content-type'] ?? 'binary/octet-stream',
      ...encryption,
      checksums,
      metadata: this.#metadata(headers),
      headers: this.#objectHeaders(headers),
    };
    if (Object.keys(checksums).length > 0) obj.checksumType = 'FULL_OBJECT';
    this.objects.set(`${bucket}/${key}`, obj);
    const out: Record<string, string> = { ETag: obj.etag, ...this.#encryptionHeaders(obj) };
    for (const [alg, v] of Object.entries(checksums)) out[`x-amz-checksum-${alg}`] = v;
    if (obj.checksumType) out['x-amz-checksum-type'] = obj.checksumType;
    return { status: 200, headers: out };
  }

  #get(operation: string, input: Record<string, unknown>, headers: Record<string, string>): S3Response {
    const bucket = input.Bucket as string;
    const key = input.Key as string;
    const obj = this.objects.get(`${bucket}/${key}`);
    if (!obj) {
      // HEAD errors have no body; the SDK names a bodiless 404 `NotFound` (and a bodiless 403 `Forbidden`).
      if (!this.listBucket) {
        if (operation === 'HeadObject') throw new AwsError('Forbidden', 'Forbidden', 403);
        throw new AwsError('AccessDenied', 'Access Denied', 403);
      }
      if (operation === 'HeadObject') throw new AwsError('NotFound', 'Not Found', 404);
      throw new AwsError('NoSuchKey', 'The specified key does not exist.', 404, { fields: { Key: key } });
    }
    const base: Record<string, string> = { ETag: obj.etag, 'Last-Modified': httpDate(obj.lastModified) };
    if (
      headers['if-match'] !== undefined &&
      headers['if-match'] !== obj.etag &&
      headers['if-match'] !== '*'
    ) {
      throw new AwsError(
        'PreconditionFailed',
        'At least one of the pre-conditions you specified did not hold',
        412,
        { fields: { Condition: 'If-Match' } },
      );
    }
    if (
      headers['if-none-match'] !== undefined &&
      (headers['if-none-match'] === obj.etag || headers['if-none-match'] === '*')
    ) {
      return { status: 304, headers: base };
    }
    const out: Record<string, string> = {
      ...base,
      'Content-Type': obj.contentType,
      'Accept-Ranges': 'bytes',
      ...this.#encryptionHeaders(obj),
      ...obj.headers,
    };
    for (const [k, v] of Object.entries(obj.metadata)) out[`x-amz-meta-${k}`] = v;
    let body = obj.body;
    let status = 200;
    const range = headers.range;
    const m = range !== undefined ? /^bytes=(\d*)-(\d*)$/.exec(range) : null;
    if (m && (m[1] !== '' || m[2] !== '')) {
      const size = obj.body.length;
      let start = m[1] === '' ? size - Number(m[2]) : Number(m[1]);
      let end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
      start = Math.max(0, start);
      if (start >= size || start > end) {
        throw new AwsError('InvalidRange', 'The requested range is not satisfiable', 416, {
          fields: { RangeRequested: range!, ActualObjectSize: String(size) },
        });
      }
      end = Math.max(start, end);
      body = obj.body.subarray(start, end + 1);
      status = 206;
      out['Content-Range'] = `bytes ${start}-${end}/${size}`;
    }
    // Stored checksums are only returned on request, and only for the whole object.
    if (headers['x-amz-checksum-mode'] === 'ENABLED' && status === 200) {
      for (const [alg, v] of Object.entries(obj.checksums)) out[`x-amz-checksum-${alg}`] = v;
      if (obj.checksumType) out['x-amz-checksum-type'] = obj.checksumType;
    }
    out['Content-Length'] = String(body.length);
    return operation === 'HeadObject' ? { status, headers: out } : { status, headers: out, body };
  }

  // ------------------------------------------------------------------------------- multipart

  #createUpload(
    input: Record<string, unknown>,
    headers: Record<string, string>,
    ctx: RequestContext,
  ): S3Response {
    const bucket = input.Bucket as string;
    const key = input.Key as string;
    const id = `upload-${++this.#uploadSeq}-${createHash('sha1').update(`${bucket}/${key}/${this.#uploadSeq}`).digest('hex').slice(0, 16)}`;
    const alg = headers['x-amz-checksum-algorithm']?.toLowerCase();
    const encryption = this.#encryption(headers, ctx);
    this.#uploads.set(id, {
      bucket,
      key,
      init: {
        bucket,
        key,
        contentType: headers['content-type'] ?? 'binary/octet-stream',
        ...encryption,
        metadata: this.#metadata(headers),
        headers: this.#objectHeaders(headers),
      },
      ...(alg ? { checksumAlgorithm: alg } : {}),
      parts: new Map(),
    });
    const xml = element(
      'InitiateMultipartUploadResult',
      element('Bucket', escapeXml(bucket)) + element('Key', escapeXml(key)) + element('UploadId', id),
      { xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' },
    );
    const out: Record<string, string> = {
      'Content-Type': 'application/xml',
      ...this.#encryptionHeaders(encryption),
    };
    if (alg) out['x-amz-checksum-algorithm'] = alg.toUpperCase();
    return { status: 200, headers: out, body: `<?xml version="1.0" encoding="UTF-8"?>\n${xml}` };
  }

  #upload(id: unknown): Upload {
    const u = typeof id === 'string' ? this.#uploads.get(id) : undefined;
    if (!u)
      throw new AwsError('NoSuchUpload', 'The specified upload does not exist.', 404, {
        fields: { UploadId: String(id) },
      });
    return u;
  }

  #uploadPart(input: Record<string, unknown>, body: Buffer, headers: Record<string, string>): S3Response {
    const upload = this.#upload(input.UploadId);
    const n = input.PartNumber as number;
    if (!Number.isInteger(n) || n < 1 || n > 10000) {
      throw new AwsError(
        'InvalidArgument',
        'Part number must be an integer between 1 and 10000, inclusive',
        400,
      );
    }
    const checksums = this.#checksums(body, headers);
    const etag = `"${md5hex(body)}"`;
    const part: { body: Buffer; etag: string; checksum?: string } = { body, etag };
    if (upload.checksumAlgorithm && checksums[upload.checksumAlgorithm])
      part.checksum = checksums[upload.checksumAlgorithm];
    upload.parts.set(n, part);
    const out: Record<string, string> = { ETag: etag, ...this.#encryptionHeaders(upload.init) };
    for (const [alg, v] of Object.entries(checksums)) out[`x-amz-checksum-${alg}`] = v;
    return { status: 200, headers: out };
  }

  #complete(input: Record<string, unknown>, body: Buffer, ctx: RequestContext): S3Response {
    const upload = this.#upload(input.UploadId);
    let doc;
    try {
      doc = parseXml(body.toString('utf8'));
    } catch (err) {
      throw new AwsError(
        'MalformedXML',
        `The XML you provided was not well-formed or did not validate against our published schema: ${(err as Error).message}`,
        400,
      );
    }
    if (doc.name !== 'CompleteMultipartUpload')
      throw new AwsError('MalformedXML', 'Expected <CompleteMultipartUpload>.', 400);
    const listed = doc.children.filter((c) => c.name === 'Part');
    if (listed.length === 0)
      throw new AwsError(
        'MalformedXML',
        'The XML you provided was not well-formed or did not validate against our published schema',
        400,
      );
    const parts: Buffer[] = [];
    const md5s: Buffer[] = [];
    const digests: Buffer[] = [];
    let last = 0;
    for (const p of listed) {
      const n = Number(childText(p, 'PartNumber'));
      if (n <= last)
        throw new AwsError('InvalidPartOrder', 'The list of parts was not in ascending order.', 400);
      last = n;
      const part = upload.parts.get(n);
      const etag = childText(p, 'ETag');
      if (!part || (etag !== part.etag && `"${etag}"` !== part.etag)) {
        throw new AwsError('InvalidPart', 'One or more of the specified parts could not be found.', 400);
      }
      parts.push(part.body);
      md5s.push(Buffer.from(part.etag.slice(1, -1), 'hex'));
      if (upload.checksumAlgorithm) {
        const d =
          part.checksum !== undefined
            ? Buffer.from(part.checksum, 'base64')
            : digest(upload.checksumAlgorithm, part.body);
        if (d) digests.push(d);
      }
    }
    const whole = Buffer.concat(parts);
    const obj: StoredObject = {
      ...upload.init,
      body: whole,
      etag: `"${md5hex(Buffer.concat(md5s))}-${parts.length}"`,
      lastModified: ctx.now,
      checksums: {},
    };
    const alg = upload.checksumAlgorithm;
    if (alg && digests.length === parts.length) {
      const composite = digest(alg, Buffer.concat(digests));
      if (composite) {
        obj.checksums[alg] = `${composite.toString('base64')}-${parts.length}`;
        obj.checksumType = 'COMPOSITE';
      }
    }
    this.objects.set(`${upload.bucket}/${upload.key}`, obj);
    this.#uploads.delete(input.UploadId as string);
    const xml = element(
      'CompleteMultipartUploadResult',
      element('Location', escapeXml(`/${upload.bucket}/${upload.key}`)) +
        element('Bucket', escapeXml(upload.bucket)) +
        element('Key', escapeXml(upload.key)) +
        element('ETag', escapeXml(obj.etag)) +
        Object.entries(obj.checksums)
          .map(([a, v]) => element(`Checksum${a.toUpperCase()}`, v))
          .join(''),
      { xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' },
    );
    return {
      status: 200,
      headers: { 'Content-Type': 'application/xml', ...this.#encryptionHeaders(obj) },
      body: `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`,
    };
  }
}
