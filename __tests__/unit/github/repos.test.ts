// model-repositories clones on a real file system: nothing outside the workspace is deleted or written through a
// symlink (the default `.smp/repos/...` included), a folder of the checkout is never replaced, and git gets `--`
// before its positional arguments. git itself is a recording stand-in that does what `git init` does.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRepositories } from '../../../src/github/inputs.js';
import { CLONE_MARKER, cloneRepositories } from '../../../src/github/repos.js';
import type { Exec } from '../../../src/github/repos.js';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** <tmp>/ws (the workspace) and <tmp>/outside/keep.txt (what must survive). */
function layout(): { ws: string; outside: string } {
  const tmp = mkdtempSync(path.join(tmpdir(), 'smp-repos-'));
  roots.push(tmp);
  const ws = path.join(tmp, 'ws');
  const outside = path.join(tmp, 'outside');
  mkdirSync(ws);
  mkdirSync(path.join(outside, 'acme', 'shared'), { recursive: true });
  writeFileSync(path.join(outside, 'keep.txt'), 'keep');
  writeFileSync(path.join(outside, 'acme', 'shared', 'keep.txt'), 'keep');
  return { ws, outside };
}

function recorder(): { exec: Exec; calls: string[][] } {
  const calls: string[][] = [];
  const exec: Exec = (tool, args, opts) => {
    calls.push([tool, ...args]);
    if (args[0] === 'init') mkdirSync(path.join(opts.cwd, '.git'), { recursive: true });
    return Promise.resolve(0);
  };
  return { exec, calls };
}

function clone(ws: string, spec: string, exec: Exec): Promise<string[]> {
  return cloneRepositories(parseRepositories(spec), {
    workspace: ws,
    serverUrl: 'https://github.example',
    token: 't0ken',
    exec,
    maskSecret: () => undefined,
    log: () => undefined,
  });
}

describe('cloneRepositories', () => {
  it('clones into .smp/repos/<owner>/<repo> with `--` before the remote and the ref', async () => {
    const { ws } = layout();
    const { exec, calls } = recorder();
    expect(await clone(ws, 'acme/shared@main', exec)).toEqual(['.smp/repos/acme/shared']);
    expect(calls).toEqual([
      ['git', 'init', '--quiet'],
      ['git', 'remote', 'add', '--', 'origin', 'https://github.example/acme/shared.git'],
      ['git', 'fetch', '--quiet', '--depth', '1', '--no-tags', '--', 'origin', 'main'],
      ['git', 'checkout', '--quiet', '--detach', 'FETCH_HEAD'],
    ]);
    expect(existsSync(path.join(ws, '.smp/repos/acme/shared/.git', CLONE_MARKER))).toBe(true);
  });

  it.each([
    ['.smp', (outside: string) => outside],
    ['.smp/repos', (outside: string) => outside],
    ['.smp/repos/acme', (outside: string) => path.join(outside, 'acme')],
    ['.smp/repos/acme/shared', (outside: string) => path.join(outside, 'acme', 'shared')],
  ])('refuses when %s is a symlink (to outside), naming it, and deletes nothing', async (link, target) => {
    const { ws, outside } = layout();
    mkdirSync(path.dirname(path.join(ws, link)), { recursive: true });
    symlinkSync(target(outside), path.join(ws, link), 'dir');
    const { exec, calls } = recorder();
    await expect(clone(ws, 'acme/shared', exec)).rejects.toThrow(`${link} is a symlink`);
    expect(calls).toEqual([]);
    expect(existsSync(path.join(outside, 'keep.txt'))).toBe(true);
    expect(readdirSync(path.join(outside, 'acme', 'shared'))).toEqual(['keep.txt']);
  });

  it('refuses a symlink inside the workspace too: it would delete a folder of the checkout', async () => {
    const { ws } = layout();
    mkdirSync(path.join(ws, 'models'));
    writeFileSync(path.join(ws, 'models', 'conf.yaml'), 'conf: {}\n');
    symlinkSync(path.join(ws, 'models'), path.join(ws, 'vendor'), 'dir');
    const { exec } = recorder();
    await expect(clone(ws, 'acme/shared:vendor', exec)).rejects.toThrow('vendor is a symlink');
    expect(readdirSync(path.join(ws, 'models'))).toEqual(['conf.yaml']);
  });

  it('never replaces a folder of the checkout, even one with a .git of its own (a submodule)', async () => {
    const { ws } = layout();
    mkdirSync(path.join(ws, 'vendor', '.git'), { recursive: true });
    writeFileSync(path.join(ws, 'vendor', 'conf.yaml'), 'conf: {}\n');
    const { exec, calls } = recorder();
    await expect(clone(ws, 'acme/shared:vendor', exec)).rejects.toThrow(/not a clone made by smp-action/);
    expect(calls).toEqual([]);
    expect(existsSync(path.join(ws, 'vendor', 'conf.yaml'))).toBe(true);
  });

  it('replaces its own earlier clone (a re-run of the job)', async () => {
    const { ws } = layout();
    const { exec } = recorder();
    await clone(ws, 'acme/shared', exec);
    writeFileSync(path.join(ws, '.smp/repos/acme/shared/stale.txt'), 'old');
    await clone(ws, 'acme/shared', exec);
    expect(existsSync(path.join(ws, '.smp/repos/acme/shared/stale.txt'))).toBe(false);
  });

  it('refuses when the clone path is a file', async () => {
    const { ws } = layout();
    writeFileSync(path.join(ws, 'vendor'), 'a file');
    const { exec } = recorder();
    await expect(clone(ws, 'acme/shared:vendor', exec)).rejects.toThrow(/already exists/);
    expect(existsSync(path.join(ws, 'vendor'))).toBe(true);
  });
});
