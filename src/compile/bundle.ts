// Code bundles: a model's source_directory shipped to its jobs as `sourcedir.tar.gz`. The S3 key is the
// sha256 of the archive, so the archive must be byte-for-byte reproducible: nothing from the machine that
// builds it (mtimes, owners, umask, readdir order, OS, temp paths) may reach the bytes.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isWithin } from '../config/paths.js';
import path from 'node:path';
import { constants as zlibConstants, gzipSync } from 'node:zlib';

/** One file to ship. `path` is POSIX and relative (no leading `./`), as it appears inside the archive. */
export interface BundleFile {
  readonly path: string;
  readonly content: Uint8Array;
  readonly executable: boolean;
}

/**
 * A packed archive. `sha256` is the hex digest of `bytes` (the upload's checksum); `contentSha256` that of the
 * uncompressed tar, the content address: gzip output may differ between zlib builds (Node versions), the tar
 * never does, so S3 keys and plan hashes stay the same on every machine. `files` are the sorted paths inside.
 */
export interface Bundle {
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly contentSha256: string;
  readonly files: readonly string[];
}

/** A source tree or file list that cannot be shipped as is; the message names the path and what to change. */
export class BundleError extends Error {
  override name = 'BundleError';
}

// Names that are machine- or run-specific (caches, VCS state, Finder metadata): shipping them would make the
// bundle differ between checkouts of the same commit.
const SKIPPED_NAMES = new Set(['.git', '__pycache__', '.DS_Store']);
const isSkipped = (name: string): boolean => SKIPPED_NAMES.has(name) || name.endsWith('.pyc');

/**
 * Files to ship from `dir` (absolute), recursively, sorted by the UTF-8 bytes of their paths (the order tar and
 * S3 see, independent of readdir order and of JavaScript's UTF-16 string order).
 *
 * Skips `.git`, `__pycache__`, `*.pyc` and `.DS_Store` at any depth: they are machine-specific and would break
 * determinism. Follows symlinks, as the SageMaker SDK does, so a linked file ships as a regular file; but a
 * symlink whose real target lies outside `root` (the workspace root, compared after `fs.realpathSync`) throws
 * BundleError, since it would ship files the repository does not contain. Symlink loops, dangling symlinks and
 * special files (sockets, FIFOs, devices) throw BundleError too. `executable` is the owner-execute bit, the
 * only permission that survives into the archive.
 */
/** Largest file a code bundle takes: scripts and small assets only (data belongs in S3). */
const MAX_FILE_BYTES = 512 * 2 ** 20;

export function collectFiles(dir: string, root: string): BundleFile[] {
  const realRoot = realpathOrThrow(root, `the workspace root ${root} does not exist`);
  const realDir = realpathOrThrow(dir, `source directory ${dir} does not exist; check source_directory`);
  if (!isWithin(realRoot, realDir)) {
    throw new BundleError(
      `source directory ${dir} resolves to ${realDir}, outside the workspace ${realRoot}; keep model code inside the repository`,
    );
  }
  if (!statSync(realDir).isDirectory()) {
    throw new BundleError(`source directory ${dir} is not a folder; point source_directory at a folder`);
  }
  const show = (rel: string): string => displayPath(root, path.join(dir, ...rel.split('/')));
  const out: BundleFile[] = [];

  const walk = (realPath: string, rel: string, ancestors: readonly string[]): void => {
    for (const entry of readdirSync(realPath, { withFileTypes: true })) {
      if (isSkipped(entry.name)) continue;
      const relPath = rel === '' ? entry.name : `${rel}/${entry.name}`;
      let target = path.join(realPath, entry.name);
      if (entry.isSymbolicLink()) {
        target = resolveLink(target, show(relPath));
        if (!isWithin(realRoot, target)) {
          throw new BundleError(
            `symlink ${show(relPath)} points to ${target}, outside the workspace ${realRoot}; copy the file into the repository or point the link inside it`,
          );
        }
      }
      const st = statSync(target);
      if (st.isDirectory()) {
        if (ancestors.includes(target)) {
          throw new BundleError(
            `symlink loop: ${show(relPath)} points back to its own parent folder ${target}; remove the link`,
          );
        }
        walk(target, relPath, [...ancestors, target]);
      } else if (st.isFile()) {
        if (st.size > MAX_FILE_BYTES) {
          throw new BundleError(
            `${show(relPath)} is ${Math.round(st.size / 2 ** 20)} MiB: code bundles hold scripts, not data (at most ${MAX_FILE_BYTES / 2 ** 20} MiB a file); keep data in S3 and read it through a channel`,
          );
        }
        let content: Buffer;
        try {
          content = readFileSync(target);
        } catch (err) {
          throw new BundleError(
            `cannot read ${show(relPath)}: ${err instanceof Error ? err.message : String(err)}`,
          );
        }
        out.push({ path: relPath, content, executable: (st.mode & 0o100) !== 0 });
      } else {
        throw new BundleError(
          `${show(relPath)} is neither a file nor a folder (a socket, FIFO or device); remove it from the source directory`,
        );
      }
    }
  };
  walk(realDir, '', [realDir]);
  return sortByPath(out);
}

/**
 * Layout for a job whose entry point sits in a subfolder (`train/fit.py`): SageMaker runs the program from the
 * archive root and installs the root `requirements.txt`, so the subfolder's files are moved to the root, and
 * every other file of the source directory sits beside them (shared modules stay importable).
 *
 * The subfolder's files are moved, not copied: `train/` itself is not in the result, so nothing ships twice
 * and there is a single copy of each module. On a clash the subfolder's file wins: a file at the same path,
 * a file where the subfolder needs a folder, or a folder where the subfolder has a file is dropped.
 *
 * For a top-level entry point (no `/`) the files come back unchanged. Returns the program path relative to
 * the archive root (`fit.py`). Throws BundleError if the entry point is not among `files`.
 */
export function layoutForEntryPoint(
  files: readonly BundleFile[],
  entryPoint: string,
): { files: BundleFile[]; program: string } {
  const entry = normaliseEntryPoint(entryPoint);
  const notFound = (): BundleError =>
    new BundleError(
      `entry point ${entryPoint} is not a file in the source directory; entry points are relative to source_directory`,
    );
  const slash = entry.lastIndexOf('/');
  if (slash < 0) {
    if (!files.some((f) => f.path === entry)) throw notFound();
    return { files: [...files], program: entry };
  }
  const sub = entry.slice(0, slash + 1);
  const program = entry.slice(slash + 1);
  const lifted = files
    .filter((f) => f.path.startsWith(sub))
    .map((f) => ({ ...f, path: f.path.slice(sub.length) }));
  const liftedFiles = new Set(lifted.map((f) => f.path));
  if (!liftedFiles.has(program)) throw notFound();
  const liftedDirs = new Set(lifted.flatMap((f) => ancestorsOf(f.path)));
  const clashes = (p: string): boolean =>
    liftedFiles.has(p) || liftedDirs.has(p) || ancestorsOf(p).some((a) => liftedFiles.has(a));
  const others = files.filter((f) => !f.path.startsWith(sub) && !clashes(f.path));
  return { files: sortByPath([...lifted, ...others]), program };
}

// 1980-01-01T00:00:00Z: obviously synthetic, yet late enough that no tar or zip tool warns about it.
const FIXED_MTIME = 315532800;
const BLOCK = 512;
const RECORD = 10240; // tar's default record size (20 blocks); GNU tar pads archives to it
const MAX_SIZE = 8 ** 11 - 1; // the 11 octal digits of the ustar size field
const encoder = new TextEncoder();

/**
 * Deterministic gzip'd tar of `files`. The tar is ustar: entries sorted by path bytes, with each folder emitted
 * (mode 0755) before its contents; files 0644, or 0755 if executable; uid/gid 0 with empty user and group
 * names; mtime fixed at 1980-01-01; no symlinks or hard links. A path longer than the 100-byte name field goes
 * into the 155-byte prefix field when it splits at a `/`, otherwise a PAX `path=` record precedes the entry.
 * The archive ends with two zero blocks and is padded to a multiple of 10240 bytes, as tar writes it.
 *
 * Gzip uses level 9 with pinned zlib parameters, and its header is normalised (mtime 0, no file name, OS byte
 * 255 "unknown") so it is the same on every OS. The deflate stream itself is only as stable as Node's bundled
 * zlib: a Node upgrade that changes zlib may change the bytes (and so the S3 key) of an unchanged tree.
 *
 * Throws BundleError for a path that is not a clean relative POSIX path, a duplicate path, a path used both as
 * a file and as a folder, or a file too large for ustar (8 GiB).
 */
export function packBundle(files: readonly BundleFile[]): Bundle {
  const sorted = sortByPath(files);
  const filePaths = new Set<string>();
  const dirs = new Set<string>();
  for (const f of sorted) {
    checkArchivePath(f.path);
    if (filePaths.has(f.path))
      throw new BundleError(`${f.path} appears twice in the bundle; keep one of them`);
    filePaths.add(f.path);
    for (const d of ancestorsOf(f.path)) dirs.add(d);
  }
  for (const d of dirs) {
    if (filePaths.has(d)) {
      throw new BundleError(`${d} is both a file and a folder in the bundle; rename one of them`);
    }
  }

  const entries: { name: string; file: BundleFile | undefined }[] = [
    ...[...dirs].map((d) => ({ name: `${d}/`, file: undefined })),
    ...sorted.map((f) => ({ name: f.path, file: f })),
  ];
  entries.sort((a, b) => compareBytes(a.name, b.name));

  const chunks: Uint8Array[] = [];
  for (const { name, file } of entries) {
    const size = file?.content.length ?? 0;
    if (size > MAX_SIZE) {
      throw new BundleError(
        `${name} is larger than 8 GiB, too large for the bundle; keep data in S3 instead`,
      );
    }
    const mode = file === undefined || file.executable ? 0o755 : 0o644;
    chunks.push(...entryHeaders(name, mode, size, file === undefined ? '5' : '0'));
    if (file !== undefined) chunks.push(file.content, zeros(padding(size)));
  }
  let length = chunks.reduce((n, c) => n + c.length, 0) + 2 * BLOCK;
  length += padding(length, RECORD);
  const tar = new Uint8Array(length); // zero-filled: the end blocks and record padding come for free
  let at = 0;
  for (const c of chunks) {
    tar.set(c, at);
    at += c.length;
  }

  const bytes = gzipDeterministic(tar);
  return { bytes, sha256: sha256Hex(bytes), contentSha256: sha256Hex(tar), files: sorted.map((f) => f.path) };
}

/** A single-file artifact (a launcher script, say): its UTF-8 bytes, exactly as uploaded, and their sha256. */
export function textArtifact(text: string): { bytes: Uint8Array; sha256: string } {
  const bytes = encoder.encode(text);
  return { bytes, sha256: sha256Hex(bytes) };
}

// ---------------------------------------------------------------------------------------------- helpers

function realpathOrThrow(p: string, message: string): string {
  try {
    return realpathSync(p);
  } catch {
    throw new BundleError(message);
  }
}

function resolveLink(link: string, shown: string): string {
  try {
    return realpathSync(link);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') {
      throw new BundleError(
        `symlink loop at ${shown}: the link resolves back to itself; remove or fix the link`,
      );
    }
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new BundleError(`symlink ${shown} points to a path that does not exist; remove or fix the link`);
    }
    throw new BundleError(`cannot resolve symlink ${shown} (${code ?? String(err)}); remove or fix the link`);
  }
}

/** Workspace-relative POSIX path for messages when `p` lies under `root`, else `p` itself. */
function displayPath(root: string, p: string): string {
  const rel = path.relative(root, p);
  return rel === '' || !isWithin(root, p) ? p : rel.split(path.sep).join('/');
}

/** `a/b/c` → `['a', 'a/b']`. */
function ancestorsOf(p: string): string[] {
  const parts = p.split('/');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function sortByPath<T extends { readonly path: string }>(items: readonly T[]): T[] {
  return items
    .map((item) => ({ item, key: Buffer.from(item.path, 'utf8') }))
    .sort((a, b) => Buffer.compare(a.key, b.key))
    .map(({ item }) => item);
}

function checkArchivePath(p: string): void {
  const segments = p.split('/');
  if (p === '' || p.includes('\0') || segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new BundleError(
      `bundle path ${JSON.stringify(p)} is not a clean relative POSIX path (no leading /, ./, .., empty segments or NUL); rename it`,
    );
  }
}

function normaliseEntryPoint(entryPoint: string): string {
  const segments = entryPoint.split('/').filter((s) => s !== '' && s !== '.');
  if (entryPoint.startsWith('/') || segments.length === 0 || segments.includes('..')) {
    throw new BundleError(
      `entry point ${entryPoint} must be a file path relative to source_directory, without .. segments`,
    );
  }
  return segments.join('/');
}

function padding(length: number, unit = BLOCK): number {
  return (unit - (length % unit)) % unit;
}

function zeros(n: number): Uint8Array {
  return new Uint8Array(n);
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
    zeros(padding(record.length)),
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

function gzipDeterministic(data: Uint8Array): Uint8Array {
  const gz = gzipSync(data, {
    level: 9,
    windowBits: 15,
    memLevel: 8,
    strategy: zlibConstants.Z_DEFAULT_STRATEGY,
  });
  // zlib writes a bare 10-byte header (no optional fields); anything else would shift the bytes we patch.
  if (gz[0] !== 0x1f || gz[1] !== 0x8b || gz[3] !== 0) {
    throw new Error('unexpected gzip header from zlib (optional fields set); cannot normalise it');
  }
  gz.fill(0, 4, 8); // MTIME: none
  gz[9] = 255; // OS: unknown, instead of the OS that compressed it
  return new Uint8Array(gz); // a copy: not a view into Node's shared Buffer pool
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
