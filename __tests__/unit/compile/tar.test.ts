// The streamed tar (issue 13): the address the plan computes by streaming must be the sha256 of the bytes
// the deploy uploads (after gunzip), for any layout; and it must not change for existing trees.
import { createCipheriv, createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BundleError,
  collectFiles,
  inlineFile,
  layoutForEntryPoint,
  MAX_BUNDLE_BYTES,
  wholeTree,
  type Layout,
} from '../../../src/compile/bundle.js';
import { REPACK_PROGRAM, REPACK_SCRIPT } from '../../../src/compile/code.js';
import { hashLayout, packBytes, packStream, packTo, ReadCache, tarBytes } from '../../../src/compile/tar.js';

const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'smp-tar-'));
  temps.push(d);
  return d;
}

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** Deterministic pseudo-random bytes (AES-CTR keystream of the seed), so failures reproduce. */
function bytes(seed: number, n: number): Buffer {
  const key = createHash('sha256').update(`seed ${seed}`).digest().subarray(0, 16);
  return createCipheriv('aes-128-ctr', key, Buffer.alloc(16, 0)).update(Buffer.alloc(n));
}

function writeFiles(dir: string, files: readonly [string, Uint8Array | string, boolean?][]): void {
  for (const [rel, content, exec] of files) {
    const p = path.join(dir, ...rel.split('/'));
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
    chmodSync(p, exec ? 0o755 : 0o644);
  }
}

/** Everything packStream emits, concatenated. */
async function streamed(layout: Layout, expectSha256?: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of packStream(layout, expectSha256 ? { expectSha256 } : {})) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

// The tree of bundle.test.ts: long paths (prefix split and PAX), UTF-8 names, executables, nesting.
const LONG_SPLIT = `${'p'.repeat(60)}/${'q'.repeat(65)}.txt`;
const LONG_SEGMENT = `${'s'.repeat(117)}.py`;
const LONG_DIR = 'L'.repeat(110);
const TREE: [string, Uint8Array | string, boolean?][] = [
  ['train.py', 'print("train")\n'],
  ['run.sh', '#!/bin/sh\necho run\n', true],
  ['requirements.txt', 'numpy==1.26.4\n'],
  ['pkg/__init__.py', ''],
  ['pkg/sub/deep.bin', Uint8Array.from({ length: 256 }, (_, i) => i)],
  ['pkg/tool', '#!/usr/bin/env python3\n', true],
  ['pkg-extra.txt', 'sorts before pkg/ by bytes'],
  ['données/é.txt', 'unicode\n'],
  [LONG_SPLIT, 'long split\n'],
  [LONG_SEGMENT, 'long segment\n'],
  [`${LONG_DIR}/f.txt`, 'in a long folder\n'],
];

describe('content addresses stay what earlier releases computed', () => {
  // Computed by the in-memory packer this streaming writer replaced (commit 647899e). If one of these
  // changes, every existing bundle gets a new S3 key and the first deploy after upgrading re-uploads it.
  it('the same tree, its entry-folder layouts, the repack program and a multi-chunk file', () => {
    const dir = tempDir();
    writeFiles(dir, TREE);
    const files = collectFiles(dir, dir);
    expect(hashLayout(wholeTree(files)).sha256).toBe(
      'a22d499373666d53f46e9ca9f1f2df9a7787c41842e37ff377226b3ed80a8ed2',
    );
    const golden: [string, string][] = [
      ['pkg/tool', 'e364f47fe2968edd66d2e3e915a748ae914ced3f74d0710459408edfea202e9f'],
      ['pkg/sub/deep.bin', 'ea55c9a62e61b6ceed2e947264b4cc1b5330f889a6652d5d028eed52f863786c'],
      [`${LONG_DIR}/f.txt`, '54b9723a690a4ed62cde2d4f37b8dce191f72a57472d31935d5c352651fd236b'],
    ];
    for (const [entry, address] of golden)
      expect(hashLayout(layoutForEntryPoint(files, entry).layout).sha256, entry).toBe(address);
    const repack = inlineFile(REPACK_PROGRAM, new TextEncoder().encode(REPACK_SCRIPT));
    expect(hashLayout([{ tarPath: REPACK_PROGRAM, sourceFile: repack }]).sha256).toBe(
      '909e4bf6a1f620f158931a123c903ba8210d9c822ea5c1d0e398024e129a279c',
    );
    const big = new Uint8Array(3 * 1024 * 1024 + 17).map((_, i) => (i * 31 + 7) & 255);
    const layout = wholeTree([
      inlineFile('data/big.bin', big),
      inlineFile('a.py', new TextEncoder().encode('x=1\n'), true),
    ]);
    expect(hashLayout(layout).sha256).toBe(
      'eff7fc1e69af3593321b1497507c5a0958b218d5c05e3984fc124df378e72d18',
    );
  });
});

describe('streamed hash = hash of the packed bytes', () => {
  // Sizes around the 512-byte block, the 10240-byte record and the 1 MiB read chunk.
  const SIZES = [0, 1, 511, 512, 513, 10239, 10240, 65536, 2 ** 20 + 1];

  function randomTree(seed: number): [string, Uint8Array, boolean][] {
    const rnd = bytes(seed, 64);
    const dirs = ['', 'a/', 'a/b/', 'train/', 'train/lib/', `${'d'.repeat(90)}/`, 'é/'];
    const n = 3 + (rnd[0]! % 8);
    const out = new Map<string, [string, Uint8Array, boolean]>();
    for (let i = 0; i < n; i++) {
      const dir = dirs[rnd[i + 1]! % dirs.length]!;
      const name = i % 5 === 4 ? `${'n'.repeat(100 + (rnd[i + 20]! % 60))}.py` : `f${rnd[i + 30]}.py`;
      const size = SIZES[rnd[i + 40]! % SIZES.length]!;
      out.set(`${dir}${name}`, [`${dir}${name}`, bytes(seed * 100 + i, size), (rnd[i + 50]! & 1) === 1]);
    }
    out.set('train/fit.py', ['train/fit.py', bytes(seed, 100), false]);
    return [...out.values()];
  }

  it.each([1, 2, 3, 4, 5, 6])('random tree %i: whole tree and entry-folder layout', async (seed) => {
    const dir = tempDir();
    writeFiles(dir, randomTree(seed));
    const files = collectFiles(dir, dir);
    for (const layout of [wholeTree(files), layoutForEntryPoint(files, 'train/fit.py').layout]) {
      const { sha256, size } = hashLayout(layout);
      const tar = tarBytes(layout);
      expect(size).toBe(tar.length);
      expect(size % 10240).toBe(0);
      expect(sha(tar)).toBe(sha256);
      const gz = await streamed(layout, sha256);
      expect(sha(gunzipSync(gz))).toBe(sha256); // what the deploy uploads is what the address names
      expect(sha(gz)).toBe(sha(packBytes(layout))); // and the stream gzips exactly as the in-memory packer
    }
  });

  it('a cache shared between layouts serves small files without reading them again', () => {
    const dir = tempDir();
    writeFiles(dir, [
      ['train/fit.py', 'fit'],
      ['util.py', 'u'],
      ['big.bin', bytes(9, 300 * 1024)], // above the cache's per-file size: read from disk each time
    ]);
    const files = collectFiles(dir, dir);
    const cache = new ReadCache();
    const whole = hashLayout(wholeTree(files), cache).sha256;
    const entryLayout = layoutForEntryPoint(files, 'train/fit.py').layout;
    const expected = hashLayout(entryLayout).sha256;
    unlinkSync(path.join(dir, 'train', 'fit.py'));
    unlinkSync(path.join(dir, 'util.py'));
    expect(hashLayout(entryLayout, cache).sha256).toBe(expected);
    expect(hashLayout(wholeTree(files), cache).sha256).toBe(whole);
    unlinkSync(path.join(dir, 'big.bin'));
    expect(() => hashLayout(entryLayout, cache)).toThrow(/cannot read big\.bin/);
  });

  it('packTo writes the packed bytes and reports their sha256 and size', async () => {
    const layout = wholeTree([inlineFile('a.py', bytes(3, 5000))]);
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(c: Buffer, _e, done): void {
        chunks.push(c);
        done();
      },
    });
    const r = await packTo(layout, sink, { expectSha256: hashLayout(layout).sha256 });
    const written = Buffer.concat(chunks);
    expect(r).toEqual({ sha256: sha(written), bytes: written.length });
    expect(sha(gunzipSync(written))).toBe(hashLayout(layout).sha256);
  });
});

describe('files that change between plan and pack', () => {
  it('a stream whose tar differs from the planned address fails instead of ending', async () => {
    const dir = tempDir();
    writeFiles(dir, [['a.py', 'print(1)\n']]);
    const layout = wholeTree(collectFiles(dir, dir));
    const planned = hashLayout(layout).sha256;
    writeFileSync(path.join(dir, 'a.py'), 'print(2)\n'); // same size, other bytes
    await expect(streamed(layout, planned)).rejects.toThrow(/files changed since the plan/);
    await expect(streamed(layout, planned)).rejects.toBeInstanceOf(BundleError);
  });

  it('a file whose size changed since it was listed is refused', () => {
    const dir = tempDir();
    writeFiles(dir, [['a.py', 'print(1)\n']]);
    const layout = wholeTree(collectFiles(dir, dir));
    writeFileSync(path.join(dir, 'a.py'), 'print(10)\n');
    expect(() => hashLayout(layout)).toThrow(
      /a\.py changed size while it was being read \(listed as 9 bytes\)/,
    );
  });
});

describe('the total-size guard', () => {
  it(`refuses a source folder of more than ${MAX_BUNDLE_BYTES / 2 ** 30} GiB, saying what bundles are for`, () => {
    const dir = tempDir();
    writeFiles(dir, [['train.py', 'x']]);
    mkdirSync(path.join(dir, 'data'));
    // Sparse files: the listing only stats them, so no disk space is used.
    writeFileSync(path.join(dir, 'data', 'a.bin'), '');
    truncateSync(path.join(dir, 'data', 'a.bin'), MAX_BUNDLE_BYTES - 1);
    expect(collectFiles(dir, dir).map((f) => f.size)).toEqual([MAX_BUNDLE_BYTES - 1, 1]); // exactly the cap: fine
    writeFileSync(path.join(dir, 'data', 'b.bin'), 'y');
    expect(() => collectFiles(dir, dir)).toThrow(BundleError);
    expect(() => collectFiles(dir, dir)).toThrow(
      /holds more than 5 GiB of files \(reached at [^)]+\): code bundles hold scripts, not data; keep data in S3/,
    );
  });
});
