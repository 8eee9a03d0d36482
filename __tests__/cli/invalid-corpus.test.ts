// The malformed-config corpus: every folder in __tests__/fixtures/invalid/ is a small workspace whose
// expected.json lists the complete set of error lines `smp validate` must print (file:line:col and a
// message fragment). Each case runs the bundled CLI (dist/cli.js) on a fresh temp copy of the folder.
// The rule code of each expected error is checked in-process too, since the CLI does not print codes.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayMessage } from '../../src/config/diagnostics.js';
import { loadProject } from '../../src/config/load.js';
import { cases, INVALID_DIR, prepareWorkspace, readExpected } from '../helpers/corpus.js';
import type { ExpectedLine } from '../helpers/corpus.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const VALID_DIR = path.join(REPO, '__tests__', 'fixtures', 'valid-minimal');

interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const ERROR_LINE = /^(?:\S[^\n]*?:\d+:\d+: )?error: /;

const tempRoots: string[] = [];

beforeAll(() => {
  if (!existsSync(CLI))
    throw new Error(`${path.relative(REPO, CLI)} is missing: run \`npm run build\` first`);
});

afterAll(() => {
  for (const dir of tempRoots) rmSync(dir, { recursive: true, force: true });
});

/** process.env without any SMP_* variable, plus the case's own settings. */
function cleanEnv(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith('SMP_')) env[k] = v;
  }
  return { ...env, ...extra };
}

function runCli(args: readonly string[], env: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

function prefixOf(e: ExpectedLine, severity: 'error' | 'warning'): string {
  return e.file === null ? `${severity}: ` : `${e.file}:${String(e.line)}:${String(e.col)}: ${severity}: `;
}

/** Finds one distinct stderr line per expectation (two errors may share a position). */
function matchLines(
  lines: readonly string[],
  wanted: readonly ExpectedLine[],
  severity: 'error' | 'warning',
): string[] {
  const unused = [...lines];
  const missing: string[] = [];
  for (const e of wanted) {
    const prefix = prefixOf(e, severity);
    const i = unused.findIndex((l) => l.startsWith(prefix) && l.slice(prefix.length).includes(e.contains));
    if (i === -1) missing.push(`${prefix}…${e.contains}…`);
    else unused.splice(i, 1);
  }
  return missing;
}

describe('malformed-config corpus (smp validate)', () => {
  it('has at least 30 cases, each with a well-formed expected.json', () => {
    expect(cases.length).toBeGreaterThanOrEqual(59);
    for (const name of cases) {
      expect(name, 'folder names are <NN-short-name>').toMatch(/^\d{2}-[a-z0-9-]+$/);
      const exp = readExpected(name);
      expect(exp.globs.length, name).toBeGreaterThan(0);
      expect(exp.errors.length, name).toBeGreaterThan(0);
      for (const e of [...exp.errors, ...(exp.warnings ?? [])]) {
        expect(e.contains, name).not.toBe('');
        if (e.file !== null) {
          expect(Number.isInteger(e.line) && Number.isInteger(e.col), `${name}: line/col`).toBe(true);
          // Generated inputs (big or special files) exist only in the test's copy.
          if (!exp.generate)
            expect(existsSync(path.join(INVALID_DIR, name, e.file)), `${name}: ${e.file} exists`).toBe(true);
        }
      }
    }
  });

  it.concurrent.for(cases)('%s', async (name, { expect }) => {
    const expected = readExpected(name);
    const ws = prepareWorkspace(name, expected, tempRoots);
    const env = cleanEnv(expected.env);
    const args = ['validate', '--workspace', ws, ...expected.globs.flatMap((g) => ['--config', g])];
    const r = await runCli(args, env);
    const report = `stdout:\n${r.stdout}\nstderr:\n${r.stderr}`;

    expect(r.status, report).toBe(1);
    expect(r.stdout, report).not.toContain('ok:');
    expect(r.stderr, report).not.toMatch(/\n\s+at /);
    expect(r.stderr, report).not.toContain('internal error');

    const lines = r.stderr.split('\n');
    const errorLines = lines.filter((l) => ERROR_LINE.test(l));
    expect(matchLines(errorLines, expected.errors, 'error'), report).toEqual([]);
    expect(errorLines.length, report).toBe(expected.errors.length);
    expect(r.stderr, report).toContain(
      `smp: ${expected.errors.length} error${expected.errors.length === 1 ? '' : 's'}: configuration is invalid`,
    );
    if (expected.plan) {
      const p = await runCli(
        [
          'plan',
          '--workspace',
          ws,
          '--out',
          path.join(ws, '..', 'out'),
          ...expected.globs.flatMap((g) => ['--config', g]),
        ],
        env,
      );
      const planErrors = p.stderr.split('\n').filter((l) => ERROR_LINE.test(l));
      expect(p.status, p.stderr).toBe(1);
      expect(planErrors, 'smp plan gives the verdict of smp validate').toEqual(errorLines);
    }
    if (expected.warnings) {
      const warningLines = lines.filter((l) => /(?:^|: )warning: /.test(l));
      expect(matchLines(warningLines, expected.warnings, 'warning'), report).toEqual([]);
    }

    // Rule codes: the same load in-process, where diagnostics carry their code.
    const result = loadProject({ workspace: ws, globs: expected.globs, env, allowPlaceholders: true });
    const diagnostics = result.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      loc: d.loc ? `${d.loc.file}:${String(d.loc.line)}:${String(d.loc.col)}` : null,
      // As printed: control and invisible characters visible.
      message: displayMessage(d.message),
    }));
    for (const [severity, list] of [
      ['error', expected.errors],
      ['warning', expected.warnings ?? []],
    ] as const) {
      for (const e of list) {
        if (e.code === undefined) continue;
        const loc = e.file === null ? null : `${e.file}:${String(e.line)}:${String(e.col)}`;
        const hit = diagnostics.find(
          (d) => d.severity === severity && d.loc === loc && d.message.includes(e.contains),
        );
        expect(
          hit?.code,
          `${severity} at ${loc ?? '(no position)'}: ${e.contains}\n${JSON.stringify(diagnostics, null, 2)}`,
        ).toBe(e.code);
      }
    }
  });
});

describe('smp validate on a valid workspace', () => {
  it('accepts lowercase step classes, the plural chain key and a quoted `[a, b] >> c` line', async () => {
    const r = await runCli(['validate', '--workspace', VALID_DIR, '--config', 'conf/*.yaml'], cleanEnv());
    const report = `stdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
    expect(r.status, report).toBe(0);
    expect(r.stdout.trim(), report).toBe('ok: 1 model, 4 steps in pipeline valid-minimal');
    expect(
      r.stderr.split('\n').filter((l) => ERROR_LINE.test(l)),
      report,
    ).toEqual([]);
    expect(r.stderr, report).not.toMatch(/\n\s+at /);
  });
});

describe('smp usage', () => {
  it('exits 2 on an unknown command', async () => {
    const r = await runCli(['frobnicate'], cleanEnv());
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command `frobnicate`');
    expect(r.stdout).toBe('');
  });

  it('a mistyped command suggests the right one and exits 2', async () => {
    const r = await runCli(['pln'], cleanEnv());
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command `pln` (did you mean `plan`?)');
  });

  it('missing required arguments exit 2', async () => {
    const r = await runCli(['diff', 'only-one.json'], cleanEnv());
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('`smp diff` takes two definition files');
    expect((await runCli([], cleanEnv())).status).toBe(2);
  });

  it('prints the usage with --help and exits 0; every line fits 80 columns', async () => {
    const r = await runCli(['--help'], cleanEnv());
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage:');
    expect(r.stdout).toContain('smp validate');
    expect(r.stdout).toContain('--strict');
    for (const line of r.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('prints a semver with --version and exits 0', async () => {
    const r = await runCli(['--version'], cleanEnv());
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});
