// Code bundles: a model's source_directory shipped to its jobs as `sourcedir.tar.gz`. The S3 key is the
// sha256 of the canonical tar (./tar.ts), so it must be reproducible: nothing from the machine that builds
// it (mtimes, owners, umask, readdir order, OS, temp paths) may reach the bytes. This file lists the files
// and lays them out (which file goes at which tar path); ./tar.ts writes and hashes the archive.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { isWithin } from '../config/paths.js';
import path from 'node:path';

/**
 * One file to ship, as listed: `path` is POSIX and relative to the listed folder (no leading `./`). Its
 * bytes are read from `absPath` when packed (in chunks), or are `content` for a generated file.
 */
export interface SourceFile {
  readonly path: string;
  readonly size: number;
  readonly executable: boolean;
  readonly absPath?: string;
  readonly content?: Uint8Array;
}

/** One archive member: where it goes in the tar and which file fills it. */
export interface LayoutEntry {
  readonly tarPath: string;
  readonly sourceFile: SourceFile;
}

/** Which file goes at which tar path: what a bundle holds, separate from how the tar is written. */
export type Layout = readonly LayoutEntry[];

/**
 * Largest total a code bundle takes. Bundles hold scripts and small assets; the archive is streamed, so
 * the limit is a guard against shipping a data folder by mistake, not a memory bound.
 */
export const MAX_BUNDLE_BYTES = 5 * 2 ** 30;

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
 * special files (sockets, FIFOs, devices) throw BundleError too, and so does a folder whose files add up to
 * more than MAX_BUNDLE_BYTES. Nothing is read here: each entry has its size, its real path (`absPath`) and
 * `executable`, the owner-execute bit, the only permission that survives into the archive.
 */
export function collectFiles(dir: string, root: string): SourceFile[] {
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
  const out: SourceFile[] = [];
  let total = 0;

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
        total += st.size;
        if (total > MAX_BUNDLE_BYTES) {
          throw new BundleError(
            `${displayPath(root, dir)} holds more than ${MAX_BUNDLE_BYTES / 2 ** 30} GiB of files (reached at ${show(relPath)}): code bundles hold scripts, not data; keep data in S3 and read it through a channel, or move it out of source_directory (.git, __pycache__, *.pyc and .DS_Store are already left out)`,
          );
        }
        out.push({ path: relPath, size: st.size, executable: (st.mode & 0o100) !== 0, absPath: target });
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

/** The folder as it is: every listed file at its own path (what processing jobs unpack). */
export function wholeTree(files: readonly SourceFile[]): LayoutEntry[] {
  return files.map((f) => ({ tarPath: f.path, sourceFile: f }));
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
 * For a top-level entry point (no `/`) the layout is the whole tree. Returns the program path relative to
 * the archive root (`fit.py`). Throws BundleError if the entry point is not among `files`.
 */
export function layoutForEntryPoint(
  files: readonly SourceFile[],
  entryPoint: string,
): { layout: LayoutEntry[]; program: string } {
  const entry = normaliseEntryPoint(entryPoint);
  const notFound = (): BundleError =>
    new BundleError(
      `entry point ${entryPoint} is not a file in the source directory; entry points are relative to source_directory`,
    );
  const slash = entry.lastIndexOf('/');
  if (slash < 0) {
    if (!files.some((f) => f.path === entry)) throw notFound();
    return { layout: wholeTree(files), program: entry };
  }
  const sub = entry.slice(0, slash + 1);
  const program = entry.slice(slash + 1);
  const lifted = files
    .filter((f) => f.path.startsWith(sub))
    .map((f) => ({ tarPath: f.path.slice(sub.length), sourceFile: f }));
  const liftedFiles = new Set(lifted.map((e) => e.tarPath));
  if (!liftedFiles.has(program)) throw notFound();
  const liftedDirs = new Set(lifted.flatMap((e) => ancestorsOf(e.tarPath)));
  const clashes = (p: string): boolean =>
    liftedFiles.has(p) || liftedDirs.has(p) || ancestorsOf(p).some((a) => liftedFiles.has(a));
  const others = wholeTree(files.filter((f) => !f.path.startsWith(sub) && !clashes(f.path)));
  const layout = sortByPath([...lifted, ...others].map((e) => ({ path: e.tarPath, e }))).map((x) => x.e);
  return { layout, program };
}

/** A generated file (a launcher, our own script) to place in a layout. */
export function inlineFile(p: string, content: Uint8Array, executable = false): SourceFile {
  return { path: p, size: content.length, executable, content };
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

export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export function sortByPath<T extends { readonly path: string }>(items: readonly T[]): T[] {
  return items
    .map((item) => ({ item, key: Buffer.from(item.path, 'utf8') }))
    .sort((a, b) => Buffer.compare(a.key, b.key))
    .map(({ item }) => item);
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
