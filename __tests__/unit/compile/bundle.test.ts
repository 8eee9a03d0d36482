import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BundleError,
  collectFiles,
  inlineFile,
  layoutForEntryPoint,
  wholeTree,
  type Layout,
  type SourceFile,
} from '../../../src/compile/bundle.js';
import { hashLayout, packBytes } from '../../../src/compile/tar.js';

type BundleFile = SourceFile;

/** Packs `files` at their own paths: the upload's bytes, their sha256, the address and the sorted paths. */
function packBundle(files: readonly SourceFile[] | Layout): {
  bytes: Buffer;
  sha256: string;
  contentSha256: string;
  files: string[];
} {
  const layout: Layout = files.map((f) => ('tarPath' in f ? f : { tarPath: f.path, sourceFile: f }));
  const bytes = packBytes(layout);
  return {
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    contentSha256: hashLayout(layout).sha256,
    files: layout.map((e) => e.tarPath).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))),
  };
}

/** A layout's entries as files at their tar paths (what the archive will hold). */
function asFiles(layout: Layout): SourceFile[] {
  return layout.map((e) => ({ ...e.sourceFile, path: e.tarPath }));
}

/** A file's bytes: inline, or read from where it was listed. */
function contentOf(f: SourceFile): Buffer {
  return f.content ? Buffer.from(f.content) : readFileSync(f.absPath!);
}

// ------------------------------------------------------------------------------------------ fixtures

const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'smp-bundle-'));
  temps.push(d);
  return d;
}

interface Spec {
  readonly content: string | Uint8Array;
  readonly exec?: boolean;
}

/** Writes `tree` under `dir` in the order given; `exec` files get `execMode`, the others `plainMode`. */
function writeTree(
  dir: string,
  tree: readonly (readonly [string, Spec])[],
  opts: { execMode?: number; plainMode?: number; mtime?: Date } = {},
): void {
  for (const [rel, spec] of tree) {
    const p = path.join(dir, ...rel.split('/'));
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, spec.content);
    chmodSync(p, spec.exec ? (opts.execMode ?? 0o755) : (opts.plainMode ?? 0o644));
    if (opts.mtime) utimesSync(p, opts.mtime, opts.mtime);
  }
}

const LONG_SPLIT = `${'p'.repeat(60)}/${'q'.repeat(65)}.txt`; // 130 bytes, splits into prefix + name
const LONG_SEGMENT = `${'s'.repeat(117)}.py`; // 120 bytes, no '/': needs a PAX path record
const LONG_DIR = 'L'.repeat(110); // the folder entry `LLL…/` cannot split either

const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);
const TREE: readonly (readonly [string, Spec])[] = [
  ['train.py', { content: 'print("train")\n' }],
  ['run.sh', { content: '#!/bin/sh\necho run\n', exec: true }],
  ['requirements.txt', { content: 'numpy==1.26.4\n' }],
  ['pkg/__init__.py', { content: '' }],
  ['pkg/sub/deep.bin', { content: allBytes }],
  ['pkg/tool', { content: '#!/usr/bin/env python3\n', exec: true }],
  ['pkg-extra.txt', { content: 'sorts before pkg/ by bytes' }],
  ['données/é.txt', { content: 'unicode\n' }],
  [LONG_SPLIT, { content: 'long split\n' }],
  [LONG_SEGMENT, { content: 'long segment\n' }],
  [`${LONG_DIR}/f.txt`, { content: 'in a long folder\n' }],
];

function packDir(dir: string): ReturnType<typeof packBundle> {
  return packBundle(collectFiles(dir, dir));
}

function run(cmd: string, args: readonly string[]): { stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, TZ: 'UTC', LC_ALL: 'C.UTF-8' } });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr };
}

/** Writes the archive to a temp file and returns its path. */
function archiveFile(bytes: Uint8Array): string {
  const p = path.join(tempDir(), 'sourcedir.tar.gz');
  writeFileSync(p, bytes);
  return p;
}

/** Every file under `dir` as `path -> {content, executable}`, read back from the file system. */
function readBack(
  dir: string,
  rels: readonly string[],
): Map<string, { content: Buffer; executable: boolean }> {
  return new Map(
    rels.map((rel) => {
      const p = path.join(dir, ...rel.split('/'));
      return [rel, { content: readFileSync(p), executable: (statSync(p).mode & 0o100) !== 0 }];
    }),
  );
}

function expectSameFiles(extracted: string, files: readonly BundleFile[]): void {
  const back = readBack(
    extracted,
    files.map((f) => f.path),
  );
  for (const f of files) {
    const got = back.get(f.path)!;
    expect(Buffer.compare(got.content, contentOf(f)), f.path).toBe(0);
    expect(got.executable, f.path).toBe(f.executable);
  }
}

interface RawHeader {
  /** The full path: the preceding PAX record's `path`, else prefix + '/' + name. */
  path: string;
  name: string;
  prefix: string;
  type: string;
  mode: number;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  mtime: number;
  size: number;
  magic: string;
  checksumOk: boolean;
  data: Uint8Array;
}

/** Walks the ustar headers of an uncompressed archive (stops at the first zero block). */
function rawHeaders(tar: Uint8Array): RawHeader[] {
  const out: RawHeader[] = [];
  let paxPath: string | undefined;
  for (let off = 0; off + 512 <= tar.length;) {
    const h = tar.subarray(off, off + 512);
    if (h.every((b) => b === 0)) break;
    const str = (a: number, b: number): string => {
      const field = h.subarray(a, b);
      const nul = field.indexOf(0);
      return Buffer.from(nul < 0 ? field : field.subarray(0, nul)).toString('utf8');
    };
    const size = parseInt(str(124, 136), 8);
    const sum = h.reduce((n, b, i) => n + (i >= 148 && i < 156 ? 0x20 : b), 0);
    const data = tar.subarray(off + 512, off + 512 + size);
    const type = String.fromCharCode(h[156]!);
    const prefix = str(345, 500);
    out.push({
      path: paxPath ?? (prefix ? `${prefix}/${str(0, 100)}` : str(0, 100)),
      name: str(0, 100),
      prefix,
      type,
      mode: parseInt(str(100, 108), 8),
      uid: parseInt(str(108, 116), 8),
      gid: parseInt(str(116, 124), 8),
      uname: str(265, 297),
      gname: str(297, 329),
      mtime: parseInt(str(136, 148), 8),
      size,
      magic: Buffer.from(h.subarray(257, 265)).toString('latin1'),
      checksumOk: parseInt(str(148, 156), 8) === sum,
      data,
    });
    paxPath = type === 'x' ? /^\d+ path=(.*)\n$/s.exec(Buffer.from(data).toString('utf8'))?.[1] : undefined;
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

function file(p: string, content: string, executable = false): BundleFile {
  return inlineFile(p, new TextEncoder().encode(content), executable);
}

function text(f: BundleFile | undefined): string {
  return f ? contentOf(f).toString('utf8') : '';
}

// ------------------------------------------------------------------------------------------ tests

describe('packBundle: determinism', () => {
  it('packs the same tree to identical bytes twice', () => {
    const dir = tempDir();
    writeTree(dir, TREE);
    const a = packDir(dir);
    const b = packDir(dir);
    expect(Buffer.compare(Buffer.from(a.bytes), Buffer.from(b.bytes))).toBe(0);
    expect(a.sha256).toBe(b.sha256);
    expect(a.sha256).toBe(createHash('sha256').update(a.bytes).digest('hex'));
  });

  it('ignores creation order, mtimes, group/other permissions and the folder it is packed from', () => {
    const one = tempDir();
    writeTree(one, TREE, { mtime: new Date('2001-02-03T04:05:06Z') });
    const two = tempDir();
    writeTree(two, [...TREE].reverse(), {
      execMode: 0o700,
      plainMode: 0o600,
      mtime: new Date('2030-12-31T23:59:59Z'),
    });
    utimesSync(path.join(two, 'pkg'), new Date(0), new Date(0));
    expect(one).not.toBe(two);
    const a = packDir(one);
    const b = packDir(two);
    expect(b.sha256).toBe(a.sha256);
    expect(Buffer.compare(Buffer.from(a.bytes), Buffer.from(b.bytes))).toBe(0);
    expect(b.files).toEqual(a.files);
  });

  it('changes the hash when one file changes, is renamed, or loses its executable bit', () => {
    const dir = tempDir();
    writeTree(dir, TREE);
    const base = packDir(dir).sha256;

    writeFileSync(path.join(dir, 'train.py'), 'print("train!")\n');
    const edited = packDir(dir).sha256;
    expect(edited).not.toBe(base);

    writeFileSync(path.join(dir, 'train.py'), 'print("train")\n');
    expect(packDir(dir).sha256).toBe(base);

    rmSync(path.join(dir, 'train.py'));
    writeFileSync(path.join(dir, 'train2.py'), 'print("train")\n');
    const renamed = packDir(dir).sha256;
    expect(renamed).not.toBe(base);
    expect(renamed).not.toBe(edited);

    const noExec = packBundle(
      collectFiles(dir, dir).map((f) => (f.path === 'run.sh' ? { ...f, executable: false } : f)),
    );
    expect(noExec.sha256).not.toBe(renamed);
  });

  it('does not depend on the order of the input list', () => {
    const files = [file('b.txt', 'b'), file('a/x.txt', 'x'), file('a.txt', 'a', true)];
    expect(packBundle(files).sha256).toBe(packBundle([...files].reverse()).sha256);
    expect(packBundle(files).files).toEqual(['a.txt', 'a/x.txt', 'b.txt']);
  });
});

describe('packBundle: format', () => {
  it('normalises the gzip header: mtime 0, no file name, OS unknown', () => {
    const { bytes } = packBundle([file('a.txt', 'a')]);
    expect([bytes[0], bytes[1], bytes[2]]).toEqual([0x1f, 0x8b, 8]);
    expect(bytes[3]! & 0x08).toBe(0); // FNAME
    expect(bytes[3]).toBe(0); // no optional header fields at all
    expect([...bytes.subarray(4, 8)]).toEqual([0, 0, 0, 0]);
    expect(bytes[9]).toBe(255);
  });

  it('pads the tar to a multiple of 10240 bytes and ends it with zero blocks', () => {
    const dir = tempDir();
    writeTree(dir, TREE);
    const tar = gunzipSync(packDir(dir).bytes);
    expect(tar.length % 10240).toBe(0);
    expect(tar.length).toBeGreaterThan(10240);
    expect(tar.subarray(tar.length - 1024).every((b) => b === 0)).toBe(true);

    const empty = gunzipSync(packBundle([]).bytes);
    expect(empty.length).toBe(10240);
    expect(empty.every((b) => b === 0)).toBe(true);
  });

  it('writes ustar headers: folders before their contents, fixed modes, owners and mtime', () => {
    const dir = tempDir();
    writeTree(dir, TREE);
    const headers = rawHeaders(gunzipSync(packDir(dir).bytes));
    for (const h of headers) {
      expect(h.checksumOk, h.name).toBe(true);
      expect(h.magic).toBe('ustar\u000000');
      expect([h.uid, h.gid, h.uname, h.gname, h.mtime]).toEqual([0, 0, '', '', 315532800]);
    }
    const entries = headers.filter((h) => h.type !== 'x');
    // Sorted by archive name ('-' < '/' puts pkg-extra.txt before pkg/), each folder before its contents.
    expect(entries.map((h) => [h.path, h.type, h.mode.toString(8)])).toEqual([
      [`${LONG_DIR}/`, '5', '755'],
      [`${LONG_DIR}/f.txt`, '0', '644'],
      ['données/', '5', '755'],
      ['données/é.txt', '0', '644'],
      ['pkg-extra.txt', '0', '644'],
      ['pkg/', '5', '755'],
      ['pkg/__init__.py', '0', '644'],
      ['pkg/sub/', '5', '755'],
      ['pkg/sub/deep.bin', '0', '644'],
      ['pkg/tool', '0', '755'],
      [`${'p'.repeat(60)}/`, '5', '755'],
      [LONG_SPLIT, '0', '644'],
      ['requirements.txt', '0', '644'],
      ['run.sh', '0', '755'],
      [LONG_SEGMENT, '0', '644'],
      ['train.py', '0', '644'],
    ]);
    // Only the two names that cannot split get a PAX header; the entry itself keeps the first 100 bytes.
    expect(headers.filter((h) => h.type === 'x').length).toBe(2);
    expect(entries.filter((h) => h.name.length === 100).map((h) => h.name)).toEqual([
      LONG_DIR.slice(0, 100),
      LONG_SEGMENT.slice(0, 100),
    ]);
    const deep = entries.find((h) => h.path === 'pkg/sub/deep.bin')!;
    expect(Buffer.from(deep.data)).toEqual(Buffer.from(allBytes));
  });

  it('uses the prefix field for a long path that splits, and a PAX record for one that does not', () => {
    const tar = gunzipSync(packBundle([file(LONG_SPLIT, 'a'), file(LONG_SEGMENT, 'b')]).bytes);
    const headers = rawHeaders(tar);
    const split = headers.find((h) => h.type === '0' && h.prefix !== '')!;
    expect([split.prefix, split.name]).toEqual(['p'.repeat(60), `${'q'.repeat(65)}.txt`]);

    const paxAt = headers.findIndex((h) => h.type === 'x');
    const record = Buffer.from(headers[paxAt]!.data).toString('utf8');
    expect(record).toBe(`${record.length} path=${LONG_SEGMENT}\n`);
    expect(headers[paxAt + 1]).toMatchObject({ type: '0', name: LONG_SEGMENT.slice(0, 100), size: 1 });
  });

  it('sizes a PAX record whose length gains a digit by counting its own digits', () => {
    // "<len> path=<value>\n" is value + 7 bytes + the digits of <len>: 992 bytes make 999 + 3 = 1002, which
    // has 4 digits, so the record is 1003; 993 bytes reach 1004 directly.
    for (const n of [990, 991, 992, 993, 994, 995, 996]) {
      const name = 'x'.repeat(n);
      const [pax, entry] = rawHeaders(gunzipSync(packBundle([file(name, 'z')]).bytes));
      const record = Buffer.from(pax!.data).toString('utf8');
      expect(pax!.type).toBe('x');
      expect(record).toBe(`${Buffer.byteLength(record)} path=${name}\n`);
      expect(entry!.path).toBe(name);
    }
  });

  it('round-trips through GNU tar: names, bytes, executable bits, listing', () => {
    const dir = tempDir();
    writeTree(dir, TREE);
    const files = collectFiles(dir, dir);
    const archive = archiveFile(packBundle(files).bytes);

    const out = tempDir();
    const x = run('tar', ['-xzf', archive, '-C', out]);
    expect(x.stderr).toBe(''); // e.g. no "implausibly old time stamp"
    expectSameFiles(out, files);

    const lines = run('tar', ['--quoting-style=literal', '-tvzf', archive]).stdout.trimEnd().split('\n');
    const listed = lines.map((l) => {
      const m = /^(\S{10}) (\S+)\s+(\d+) (\S+ \S+) (.*)$/.exec(l);
      expect(m, l).not.toBeNull();
      return { mode: m![1]!, owner: m![2]!, date: m![4]!, name: m![5]! };
    });
    for (const l of listed) {
      expect(l.owner, l.name).toBe('0/0');
      expect(l.date, l.name).toBe('1980-01-01 00:00');
    }
    const modes = new Map(listed.map((l) => [l.name, l.mode]));
    expect(modes.get('pkg/')).toBe('drwxr-xr-x');
    expect(modes.get('run.sh')).toBe('-rwxr-xr-x');
    expect(modes.get('train.py')).toBe('-rw-r--r--');
    expect(modes.get(LONG_SPLIT)).toBe('-rw-r--r--');
    expect(modes.get(LONG_SEGMENT)).toBe('-rw-r--r--');
    expect(modes.get(`${LONG_DIR}/`)).toBe('drwxr-xr-x');
    expect(listed.map((l) => l.name).filter((n) => !n.endsWith('/'))).toEqual(files.map((f) => f.path));
  });

  it("round-trips through Python's tarfile (what the SageMaker containers use)", () => {
    const dir = tempDir();
    writeTree(dir, TREE);
    const files = collectFiles(dir, dir);
    const archive = archiveFile(packBundle(files).bytes);
    const out = tempDir();
    const script = [
      'import json, sys, tarfile',
      "with tarfile.open(sys.argv[1], 'r:gz') as tf:",
      '    members = [dict(name=m.name, type=m.type.decode(), mode=m.mode, uid=m.uid, gid=m.gid,',
      '                    uname=m.uname, gname=m.gname, mtime=m.mtime) for m in tf.getmembers()]',
      "    kw = {'filter': 'data'} if hasattr(tarfile, 'data_filter') else {}",
      '    tf.extractall(sys.argv[2], **kw)',
      'print(json.dumps(members))',
    ].join('\n');
    const members = JSON.parse(run('python3', ['-c', script, archive, out]).stdout) as {
      name: string;
      type: string;
      mode: number;
      uid: number;
      gid: number;
      uname: string;
      gname: string;
      mtime: number;
    }[];
    expectSameFiles(out, files);

    const names = members.map((m) => m.name);
    expect(names).toContain(LONG_SPLIT);
    expect(names).toContain(LONG_SEGMENT);
    expect(names).toContain(LONG_DIR);
    expect(names).toContain(`${LONG_DIR}/f.txt`);
    expect(names).toContain('données/é.txt');
    expect(members.filter((m) => m.type === '0').map((m) => m.name)).toEqual(files.map((f) => f.path));
    for (const m of members) {
      expect([m.uid, m.gid, m.uname, m.gname, m.mtime], m.name).toEqual([0, 0, '', '', 315532800]);
      const exec = files.find((f) => f.path === m.name)?.executable ?? true;
      expect(m.mode, m.name).toBe(exec ? 0o755 : 0o644);
    }
  });

  it('refuses paths that are not clean, relative and unique', () => {
    for (const bad of ['/abs.py', './a.py', 'a/../b.py', 'a//b.py', 'dir/', '', 'a\0b']) {
      expect(() => packBundle([file(bad, '')]), bad).toThrow(BundleError);
    }
    expect(() => packBundle([file('a.py', '1'), file('a.py', '2')])).toThrow(/a\.py appears twice/);
    expect(() => packBundle([file('a', '1'), file('a/b.py', '2')])).toThrow(/a is both a file and a folder/);
  });
});

describe('collectFiles', () => {
  it('skips VCS state, Python caches and Finder metadata at any depth', () => {
    const dir = tempDir();
    writeTree(dir, [
      ['train.py', { content: 'x' }],
      ['.gitignore', { content: '*.pyc\n' }],
      ['.git/HEAD', { content: 'ref: refs/heads/main\n' }],
      ['.DS_Store', { content: 'finder' }],
      ['__pycache__/train.cpython-311.pyc', { content: 'cache' }],
      ['pkg/__pycache__/m.cpython-311.pyc', { content: 'cache' }],
      ['pkg/m.py', { content: 'm' }],
      ['pkg/stale.pyc', { content: 'cache' }],
      ['pkg/.DS_Store', { content: 'finder' }],
      ['pkg/.git', { content: 'gitdir: ../.git/modules/pkg\n' }],
      ['pycache.txt', { content: 'kept: only exact names are skipped' }],
    ]);
    expect(collectFiles(dir, dir).map((f) => f.path)).toEqual([
      '.gitignore',
      'pkg/m.py',
      'pycache.txt',
      'train.py',
    ]);
  });

  it('lists sizes, real paths and the owner-execute bit, without reading contents', () => {
    const dir = tempDir();
    writeTree(dir, [
      ['a.sh', { content: '#!/bin/sh\n' }],
      ['b.sh', { content: '#!/bin/sh\n' }],
      ['c.bin', { content: allBytes }],
    ]);
    chmodSync(path.join(dir, 'a.sh'), 0o744); // owner may execute
    chmodSync(path.join(dir, 'b.sh'), 0o655); // only group and other may
    const files = collectFiles(dir, dir);
    expect(files.map((f) => [f.path, f.executable])).toEqual([
      ['a.sh', true],
      ['b.sh', false],
      ['c.bin', false],
    ]);
    expect(files.map((f) => [f.size, f.absPath, f.content])).toEqual([
      [10, path.join(realpathSync(dir), 'a.sh'), undefined],
      [10, path.join(realpathSync(dir), 'b.sh'), undefined],
      [256, path.join(realpathSync(dir), 'c.bin'), undefined],
    ]);
  });

  it('sorts by UTF-8 bytes, not by UTF-16 code units', () => {
    const dir = tempDir();
    // U+FF5E sorts after the surrogate pair of U+1F600 in UTF-16, but before it in UTF-8.
    writeTree(dir, [
      ['\u{1F600}.txt', { content: 'emoji' }],
      ['\uFF5E.txt', { content: 'tilde' }],
      ['Z.txt', { content: 'Z' }],
      ['a.txt', { content: 'a' }],
      ['a/b.txt', { content: 'b' }],
      ['a-b.txt', { content: 'ab' }],
    ]);
    expect(collectFiles(dir, dir).map((f) => f.path)).toEqual([
      'Z.txt',
      'a-b.txt',
      'a.txt',
      'a/b.txt',
      '\uFF5E.txt',
      '\u{1F600}.txt',
    ]);
  });

  it('follows symlinks whose targets stay inside the workspace', () => {
    const ws = tempDir();
    writeTree(ws, [
      ['model/train.py', { content: 'train' }],
      ['shared/util.py', { content: 'util' }],
      ['shared/lib/tool.sh', { content: '#!/bin/sh\n', exec: true }],
    ]);
    writeTree(ws, [['..data/x.txt', { content: 'dots' }]]); // inside, though its name starts with '..'
    symlinkSync('../..data/x.txt', path.join(ws, 'model/x.txt'));
    symlinkSync('../shared/util.py', path.join(ws, 'model/util.py'));
    symlinkSync(path.join(ws, 'shared/lib'), path.join(ws, 'model/lib'));
    const files = collectFiles(path.join(ws, 'model'), ws);
    expect(files.map((f) => [f.path, text(f), f.executable])).toEqual([
      ['lib/tool.sh', '#!/bin/sh\n', true],
      ['train.py', 'train', false],
      ['util.py', 'util', false],
      ['x.txt', 'dots', false],
    ]);
    // A linked file is packed as a regular file.
    const entries = rawHeaders(gunzipSync(packBundle(files).bytes));
    expect(entries.map((h) => h.type)).toEqual(['5', '0', '0', '0', '0']);
  });

  it('throws for a symlink that points outside the workspace, naming the link', () => {
    const base = tempDir();
    const ws = path.join(base, 'ws');
    writeTree(base, [
      ['ws/model/train.py', { content: 'train' }],
      ['outside/secret.txt', { content: 'secret' }],
    ]);
    symlinkSync('../../outside/secret.txt', path.join(ws, 'model/secret.txt'));
    expect(() => collectFiles(path.join(ws, 'model'), ws)).toThrow(BundleError);
    expect(() => collectFiles(path.join(ws, 'model'), ws)).toThrow(
      /model\/secret\.txt.*outside the workspace/,
    );

    rmSync(path.join(ws, 'model/secret.txt'));
    symlinkSync(path.join(base, 'outside'), path.join(ws, 'model/data'));
    expect(() => collectFiles(path.join(ws, 'model'), ws)).toThrow(/symlink model\/data points to .*outside/);
  });

  it('throws for symlink loops', () => {
    const ws = tempDir();
    writeTree(ws, [['model/train.py', { content: 'train' }]]);
    symlinkSync('b', path.join(ws, 'model/a'));
    symlinkSync('a', path.join(ws, 'model/b'));
    expect(() => collectFiles(path.join(ws, 'model'), ws)).toThrow(BundleError);
    expect(() => collectFiles(path.join(ws, 'model'), ws)).toThrow(/loop at model\/(a|b)/);

    const ws2 = tempDir();
    writeTree(ws2, [['model/sub/x.py', { content: 'x' }]]);
    symlinkSync('..', path.join(ws2, 'model/sub/up'));
    expect(() => collectFiles(path.join(ws2, 'model'), ws2)).toThrow(
      /symlink loop: model\/sub\/up points back/,
    );
  });

  it('throws for a dangling symlink and for a folder outside or missing', () => {
    const ws = tempDir();
    writeTree(ws, [['model/train.py', { content: 'train' }]]);
    symlinkSync('nowhere.py', path.join(ws, 'model/gone.py'));
    expect(() => collectFiles(path.join(ws, 'model'), ws)).toThrow(
      /model\/gone\.py points to a path that does not/,
    );

    const other = tempDir();
    expect(() => collectFiles(other, ws)).toThrow(/outside the workspace/);
    expect(() => collectFiles(path.join(ws, 'missing'), ws)).toThrow(BundleError);
  });
});

describe('layoutForEntryPoint', () => {
  const example = [
    file('evaluate/evaluate.py', 'evaluate'),
    file('requirements.txt', 'top requirements'),
    file('training/__init__.py', ''),
    file('training/requirements.txt', 'training requirements'),
    file('training/training.py', 'training', true),
  ];

  it('moves the entry folder to the root, keeps the other files beside it; the entry folder wins', () => {
    const { layout, program } = layoutForEntryPoint(example, 'training/training.py');
    const files = asFiles(layout);
    expect(program).toBe('training.py');
    expect(files.map((f) => f.path)).toEqual([
      '__init__.py',
      'evaluate/evaluate.py',
      'requirements.txt',
      'training.py',
    ]);
    expect(text(files.find((f) => f.path === 'requirements.txt'))).toBe('training requirements');
    expect(files.find((f) => f.path === 'training.py')?.executable).toBe(true);
    expect(files.some((f) => f.path.startsWith('training/'))).toBe(false);
  });

  it('leaves the files alone for a top-level entry point', () => {
    const { layout, program } = layoutForEntryPoint(example, 'requirements.txt');
    expect(program).toBe('requirements.txt');
    expect(layout).toEqual(wholeTree(example));
    expect(layout.every((e) => e.tarPath === e.sourceFile.path)).toBe(true);
  });

  it('handles nested entry folders and ./ prefixes', () => {
    const { layout, program } = layoutForEntryPoint(
      [file('a/b/fit.py', 'fit'), file('a/b/lib/u.py', 'u'), file('a/c.py', 'c'), file('d.py', 'd')],
      './a/b/fit.py',
    );
    const files = asFiles(layout);
    expect(program).toBe('fit.py');
    expect(files.map((f) => f.path)).toEqual(['a/c.py', 'd.py', 'fit.py', 'lib/u.py']);
  });

  it('resolves file/folder clashes in favour of the entry folder, so the result always packs', () => {
    const { layout } = layoutForEntryPoint(
      [
        file('job/fit.py', 'fit'),
        file('job/utils/x.py', 'entry utils'),
        file('job/helpers', 'entry helpers file'),
        file('utils', 'top-level file named utils'),
        file('helpers/a.py', 'top-level helpers folder'),
        file('utils2/y.py', 'kept'),
      ],
      'job/fit.py',
    );
    const files = asFiles(layout);
    expect(files.map((f) => [f.path, text(f)])).toEqual([
      ['fit.py', 'fit'],
      ['helpers', 'entry helpers file'],
      ['utils/x.py', 'entry utils'],
      ['utils2/y.py', 'kept'],
    ]);
    expect(() => packBundle(layout)).not.toThrow();
  });

  it('throws when the entry point is not among the files', () => {
    expect(() => layoutForEntryPoint(example, 'training/missing.py')).toThrow(BundleError);
    expect(() => layoutForEntryPoint(example, 'nope.py')).toThrow(/entry point nope\.py is not a file/);
    expect(() => layoutForEntryPoint(example, '../training/training.py')).toThrow(BundleError);
    expect(() => layoutForEntryPoint(example, '/training/training.py')).toThrow(BundleError);
  });
});
