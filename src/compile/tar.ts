// The canonical tar of a bundle layout, written as a stream: the plan hashes it (sha256, no gzip), the
// deploy gzips it into S3. Files are read in chunks, so memory does not grow with the bundle. The bytes
// are the content address, so nothing from the machine (mtimes, owners, umask, readdir order) reaches them.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import { BundleError, compareBytes, sortByPath } from './bundle.js';
import type { Layout, LayoutEntry, SourceFile } from './bundle.js';

// 1980-01-01T00:00:00Z: obviously synthetic, yet late enough that no tar or zip tool warns about it.
const FIXED_MTIME = 315532800;
const BLOCK = 512;
const RECORD = 10240; // tar's default record size (20 blocks); GNU tar pads archives to it
const MAX_SIZE = 8 ** 11 - 1; // the 11 octal digits of the ustar size field
/** Read size for file contents: large enough for disk speed, small enough to keep memory flat. */
const CHUNK = 1 << 20;
/** gzip level for uploads: the gzip bytes are not the address (the tar is), so speed wins over level 9. */
export const GZIP_LEVEL = 6;
const encoder = new TextEncoder();

/**
 * Files small enough to keep once read, so another layout of the same folder does not read them again
 * (bounded: large files are streamed from disk each time, and the page cache serves the second read).
 */
export class ReadCache {
  readonly #files = new Map<string, Uint8Array>();
  #bytes = 0;
  constructor(
    private readonly maxFileBytes = 256 * 1024,
    private readonly maxTotalBytes = 32 * 2 ** 20,
  ) {}

  get(absPath: string): Uint8Array | undefined {
    return this.#files.get(absPath);
  }

  /** Whether a file of `size` bytes would be kept (so it is worth reading it into its own buffer). */
  wants(size: number): boolean {
    return size <= this.maxFileBytes && this.#bytes + size <= this.maxTotalBytes;
  }

  put(absPath: string, content: Uint8Array): void {
    if (!this.wants(content.length) || this.#files.has(absPath)) return;
    this.#files.set(absPath, content);
    this.#bytes += content.length;
  }
}

export interface TarOptions {
  /** Reuse one read buffer (only for consumers that use each chunk before asking for the next: hashing). */
  readonly reuseBuffer?: boolean;
  readonly cache?: ReadCache;
  /**
   * The sha256 the tar must have (the address the plan computed). The last chunk is withheld and the
   * stream fails with BundleError when the bytes differ: a file changed since the plan.
   */
  readonly expectSha256?: string;
}

/**
 * The canonical ustar archive of `layout`, chunk by chunk. Entries are sorted by the UTF-8 bytes of their
 * paths, with each folder emitted (mode 0755) before its contents; files are 0644, or 0755 if executable;
 * uid/gid 0 with empty user and group names; mtime fixed at 1980-01-01; no symlinks or hard links. A path
 * longer than the 100-byte name field goes into the 155-byte prefix field when it splits at a `/`,
 * otherwise a PAX `path=` record precedes the entry. The archive ends with two zero blocks and is padded
 * to a multiple of 10240 bytes, as tar writes it.
 *
 * Throws BundleError (when iterated) for a path that is not a clean relative POSIX path, a duplicate path,
 * a path used both as a file and as a folder, a file too large for ustar (8 GiB), a file whose size
 * differs from its listing, or (with `expectSha256`) content that differs from the expected address.
 */
export function* tarChunks(layout: Layout, opts: TarOptions = {}): Generator<Uint8Array, void, undefined> {
  const entries = archiveEntries(layout);
  const hash = opts.expectSha256 !== undefined ? createHash('sha256') : undefined;
  let length = 0;
  const emit = (chunk: Uint8Array): Uint8Array => {
    hash?.update(chunk);
    length += chunk.length;
    return chunk;
  };
  const shared = opts.reuseBuffer ? Buffer.allocUnsafe(CHUNK) : undefined;
  for (const { name, entry } of entries) {
    const size = entry?.sourceFile.size ?? 0;
    if (size > MAX_SIZE) {
      throw new BundleError(
        `${name} is larger than 8 GiB, too large for the bundle; keep data in S3 instead`,
      );
    }
    const mode = entry === undefined || entry.sourceFile.executable ? 0o755 : 0o644;
    for (const h of entryHeaders(name, mode, size, entry === undefined ? '5' : '0')) yield emit(h);
    if (entry === undefined) continue;
    for (const c of fileChunks(entry.sourceFile, shared, opts.cache)) yield emit(c);
    const pad = padding(size);
    if (pad > 0) yield emit(new Uint8Array(pad));
  }
  const tail = new Uint8Array(2 * BLOCK + padding(length + 2 * BLOCK, RECORD));
  if (hash) {
    hash.update(tail);
    const actual = hash.digest('hex');
    if (actual !== opts.expectSha256) {
      throw new BundleError(
        `the bundle's files changed since the plan (its tar hashes to ${actual.slice(0, 12)}…, the plan named ${opts.expectSha256?.slice(0, 12)}…); nothing was uploaded for it: plan again`,
      );
    }
  }
  yield tail;
}

/** The content address of `layout`: sha256 of its canonical tar, and the tar's size. Reads files in chunks. */
export function hashLayout(layout: Layout, cache?: ReadCache): { sha256: string; size: number } {
  const hash = createHash('sha256');
  let size = 0;
  for (const c of tarChunks(layout, { reuseBuffer: true, ...(cache ? { cache } : {}) })) {
    hash.update(c);
    size += c.length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** The whole tar in memory: for small bundles and tests only (plan and deploy stream). */
export function tarBytes(layout: Layout): Buffer {
  return Buffer.concat([...tarChunks(layout)]);
}

/** gzip of the tar in memory, with the same normalised header as the stream: for tests and small bundles. */
export function packBytes(layout: Layout): Buffer {
  const gz = gzipSync(tarBytes(layout), { level: GZIP_LEVEL });
  normaliseGzipHeader(gz, 0);
  return gz;
}

/**
 * The gzip'd tar as a stream, verified against `expectSha256` when given (the stream errors instead of
 * ending, so an upload reading it never completes). The gzip header is normalised (mtime 0, no file
 * name, OS byte 255 "unknown") so it is the same on every OS; the deflate stream is as stable as the
 * zlib Node bundles, which is why the address is the tar's hash and not the gzip's.
 */
export function packStream(
  layout: Layout,
  opts: { expectSha256?: string; cache?: ReadCache } = {},
): Readable {
  const tar = Readable.from(tarChunks(layout, opts), { objectMode: false, highWaterMark: CHUNK });
  const gzip = createGzip({ level: GZIP_LEVEL });
  let offset = 0;
  const header = new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
      if (offset < 10) normaliseGzipHeader(chunk, offset);
      offset += chunk.length;
      done(null, chunk);
    },
  });
  // On any failure pipeline destroys every stage with the error, so the reader sees it instead of an end.
  pipeline(tar, gzip, header).catch(() => undefined);
  return header;
}

/** Writes the packed stream of `layout` to `sink` (a file stream); resolves to its sha256 and size. */
export async function packTo(
  layout: Layout,
  sink: NodeJS.WritableStream,
  opts: { expectSha256?: string } = {},
): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(packStream(layout, opts), count, sink);
  return { sha256: hash.digest('hex'), bytes };
}

// ---------------------------------------------------------------------------------------------- helpers

/** Patches the gzip header bytes that fall in `chunk`, which starts at stream offset `offset`. */
function normaliseGzipHeader(chunk: Uint8Array, offset: number): void {
  const at = (i: number): number => i - offset; // index of header byte i in this chunk
  if (offset === 0 && (chunk[0] !== 0x1f || chunk[1] !== 0x8b || chunk[3] !== 0)) {
    // zlib writes a bare 10-byte header (no optional fields); anything else would shift the bytes we patch.
    throw new Error('unexpected gzip header from zlib (optional fields set); cannot normalise it');
  }
  for (let i = 4; i < 8; i++) if (at(i) >= 0 && at(i) < chunk.length) chunk[at(i)] = 0; // MTIME: none
  if (at(9) >= 0 && at(9) < chunk.length) chunk[at(9)] = 255; // OS: unknown
}

/** Folders and files in archive order; refuses paths that would make an ambiguous archive. */
function archiveEntries(layout: Layout): { name: string; entry: LayoutEntry | undefined }[] {
  const sorted = sortByPath(layout.map((e) => ({ path: e.tarPath, e }))).map((x) => x.e);
  const filePaths = new Set<string>();
  const dirs = new Set<string>();
  for (const e of sorted) {
    checkArchivePath(e.tarPath);
    if (filePaths.has(e.tarPath))
      throw new BundleError(`${e.tarPath} appears twice in the bundle; keep one of them`);
    filePaths.add(e.tarPath);
    for (const d of ancestorsOf(e.tarPath)) dirs.add(d);
  }
  for (const d of dirs) {
    if (filePaths.has(d))
      throw new BundleError(`${d} is both a file and a folder in the bundle; rename one of them`);
  }
  const entries: { name: string; entry: LayoutEntry | undefined }[] = [
    ...[...dirs].map((d) => ({ name: `${d}/`, entry: undefined })),
    ...sorted.map((e) => ({ name: e.tarPath, entry: e })),
  ];
  return entries.sort((a, b) => compareBytes(a.name, b.name));
}

/** A file's bytes in chunks of at most CHUNK; exactly `size` bytes, or BundleError. */
function* fileChunks(
  f: SourceFile,
  shared: Buffer | undefined,
  cache: ReadCache | undefined,
): Generator<Uint8Array, void, undefined> {
  if (f.content !== undefined) {
    if (f.content.length > 0) yield f.content;
    return;
  }
  const file = f.absPath;
  if (file === undefined) throw new Error(`bundle file ${f.path} has neither content nor a path`);
  const cached = cache?.get(file);
  if (cached) {
    if (cached.length > 0) yield cached;
    return;
  }
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    throw new BundleError(`cannot read ${f.path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    if (fstatSync(fd).size !== f.size) throw changed(f);
    if (cache?.wants(f.size)) {
      // Small: one buffer of its own, kept for the next layout that ships this file.
      const buf = Buffer.allocUnsafe(f.size);
      if (readFully(fd, buf, f.size) !== f.size) throw changed(f);
      cache.put(file, buf);
      if (buf.length > 0) yield buf;
      return;
    }
    let left = f.size;
    while (left > 0) {
      const buf = shared ?? Buffer.allocUnsafe(Math.min(CHUNK, left));
      const n = readSync(fd, buf, 0, Math.min(buf.length, left), null);
      if (n === 0) throw changed(f);
      left -= n;
      yield buf.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

function readFully(fd: number, buf: Buffer, size: number): number {
  let got = 0;
  while (got < size) {
    const n = readSync(fd, buf, got, size - got, null);
    if (n === 0) break;
    got += n;
  }
  return got;
}

function changed(f: SourceFile): BundleError {
  return new BundleError(
    `${f.path} changed size while it was being read (listed as ${f.size} bytes); plan again`,
  );
}

/** `a/b/c` → `['a', 'a/b']`. */
function ancestorsOf(p: string): string[] {
  const parts = p.split('/');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

function checkArchivePath(p: string): void {
  const segments = p.split('/');
  if (p === '' || p.includes('\0') || segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new BundleError(
      `bundle path ${JSON.stringify(p)} is not a clean relative POSIX path (no leading /, ./, .., empty segments or NUL); rename it`,
    );
  }
}

function padding(length: number, unit = BLOCK): number {
  return (unit - (length % unit)) % unit;
}

/** Header block(s) for one entry: the ustar header, preceded by a PAX header when the name does not fit. */
function entryHeaders(name: string, mode: number, size: number, type: '0' | '5'): Uint8Array[] {
  const full = encoder.encode(name);
  if (full.length <= 100) return [ustarHeader(full, new Uint8Array(0), mode, size, type)];
  // ustar's split: prefix (≤155 bytes) + '/' + name (≤100 bytes, non-empty); take the first split that fits.
  for (let i = full.indexOf(0x2f); i >= 0; i = full.indexOf(0x2f, i + 1)) {
    const prefix = full.subarray(0, i);
    const rest = full.subarray(i + 1);
    if (prefix.length <= 155 && rest.length > 0 && rest.length <= 100) {
      return [ustarHeader(rest, prefix, mode, size, type)];
    }
  }
  const record = paxRecord('path', full);
  return [
    ustarHeader(encoder.encode('././@PaxHeader'), new Uint8Array(0), 0o644, record.length, 'x'),
    record,
    new Uint8Array(padding(record.length)),
    ustarHeader(truncateUtf8(full, 100), new Uint8Array(0), mode, size, type),
  ];
}

/** A PAX record `"<len> <key>=<value>\n"`, where `<len>` counts the whole record including its own digits. */
function paxRecord(key: string, value: Uint8Array): Uint8Array {
  const body = value.length + key.length + 3; // ' ', '=', '\n'
  let len = body + String(body).length;
  while (body + String(len).length !== len) len = body + String(len).length;
  const out = new Uint8Array(len);
  const head = encoder.encode(`${len} ${key}=`);
  out.set(head, 0);
  out.set(value, head.length);
  out[len - 1] = 0x0a;
  return out;
}

/** The first `max` bytes of UTF-8 `bytes`, cut before a character boundary (never inside a character). */
function truncateUtf8(bytes: Uint8Array, max: number): Uint8Array {
  let end = Math.min(max, bytes.length);
  while (end < bytes.length && end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}

function ustarHeader(
  name: Uint8Array,
  prefix: Uint8Array,
  mode: number,
  size: number,
  type: string,
): Uint8Array {
  const h = new Uint8Array(BLOCK);
  h.set(name, 0);
  writeOctal(h, 100, 8, mode);
  writeOctal(h, 108, 8, 0); // uid
  writeOctal(h, 116, 8, 0); // gid
  writeOctal(h, 124, 12, size);
  writeOctal(h, 136, 12, FIXED_MTIME);
  h.fill(0x20, 148, 156); // checksum is computed with its own field as spaces
  h[156] = type.charCodeAt(0);
  h.set(encoder.encode('ustar\0' + '00'), 257); // magic + version; uname/gname (265, 297) stay empty
  writeOctal(h, 329, 8, 0); // devmajor
  writeOctal(h, 337, 8, 0); // devminor
  h.set(prefix, 345);
  const sum = h.reduce((n, b) => n + b, 0);
  h.set(encoder.encode(sum.toString(8).padStart(6, '0') + '\0 '), 148);
  return h;
}

/** Zero-padded octal digits filling `len - 1` bytes, then NUL. */
function writeOctal(h: Uint8Array, offset: number, len: number, value: number): void {
  h.set(encoder.encode(value.toString(8).padStart(len - 1, '0') + '\0'), offset);
}
