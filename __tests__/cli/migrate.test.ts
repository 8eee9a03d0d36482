// `smp migrate [--write]` through the bundled CLI (dist/cli.js): lists the files in the older layout, rewrites
// them in place with --write (the in-process rewrite is tested in unit/compile/migration.test.ts), and the
// rewritten project validates without the layout warning.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const LEGACY = path.join(REPO, '__tests__/fixtures/migration/legacy-tf/conf.yaml');

const temps: string[] = [];
afterAll(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

function workspace(): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'smp-migrate-cli-'));
  temps.push(ws);
  cpSync(path.join(REPO, 'examples/tf/modelscripts'), path.join(ws, 'examples/tf/modelscripts'), {
    recursive: true,
  });
  mkdirSync(path.join(ws, 'tf/conf'), { recursive: true });
  cpSync(LEGACY, path.join(ws, 'tf/conf/conf.yaml'));
  return ws;
}

function smp(ws: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args, '--workspace', ws, '--config', '*/conf/conf.yaml'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('smp migrate', () => {
  it('without --write lists the file and changes nothing', () => {
    const ws = workspace();
    const r = smp(ws, 'migrate');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      'tf/conf/conf.yaml: conf.models.modelContainer.<model> → conf.models.<model> (calhousing)',
    );
    expect(r.stdout).toContain('run `smp migrate --write`');
    expect(readFileSync(path.join(ws, 'tf/conf/conf.yaml'), 'utf8')).toBe(readFileSync(LEGACY, 'utf8'));
  });

  it('--write rewrites in place; validate then has no layout warning; a second run finds nothing', () => {
    const ws = workspace();
    expect(smp(ws, 'validate').stderr).toContain('conf.models.modelContainer.<model> (before 2023-10-24)');
    const r = smp(ws, 'migrate', '--write');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('rewrote tf/conf/conf.yaml');
    const text = readFileSync(path.join(ws, 'tf/conf/conf.yaml'), 'utf8');
    expect(text).not.toContain('modelContainer:');
    expect(text).toContain('# the older layout');
    const v = smp(ws, 'validate');
    expect(v.status).toBe(0);
    expect(v.stderr).not.toContain('modelContainer');
    expect(smp(ws, 'migrate').stdout).toContain('nothing to migrate');
  });

  it('refuses other options (usage error, exit 2)', () => {
    const r = smp(workspace(), 'migrate', '--out', 'x');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('`smp migrate` does not take --out');
  });
});
