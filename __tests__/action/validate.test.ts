// Runs the built action (dist/index.js) the way the runner does: INPUT_* env, GITHUB_OUTPUT file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fullUnitFiles, makeWorkspace, TEST_ENV } from '../helpers/workspace.js';

function runAction(workspace: string, inputs: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'smp-action-'));
  const outputFile = path.join(dir, 'output');
  writeFileSync(outputFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    ...TEST_ENV,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = spawnSync(process.execPath, [path.resolve('dist/index.js')], { env, encoding: 'utf8', cwd: dir });
  return { ...r, outputs: readFileSync(outputFile, 'utf8') };
}

describe('action (dist/index.js), validation', () => {
  it('validates and sets the pipeline-name output', () => {
    const ws = makeWorkspace(fullUnitFiles());
    const r = runAction(ws, { config: 'm/conf/*.yaml' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('ok: 1 model(s), 6 step(s) in pipeline p-test');
    expect(r.outputs).toMatch(/^pipeline-name<<(.+)\np-test\n\1\n$/);
  });

  it('fails with file annotations relative to the repository root', () => {
    const files = fullUnitFiles();
    const conf = files['m/conf/conf.yaml']!.replace('step_class: Training', 'step_class: Trainig');
    const ws = makeWorkspace(
      Object.fromEntries(
        Object.entries({ ...files, 'm/conf/conf.yaml': conf }).map(([k, v]) => [`sub/${k}`, v]),
      ),
    );
    const r = runAction(ws, { config: 'm/conf/*.yaml', 'working-directory': 'sub' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      '::error title=smp%3A unknown-step-class,file=sub/m/conf/conf.yaml,line=35,col=25::',
    );
    expect(r.stdout).toContain('did you mean `Training`');
    expect(r.stdout).toContain('::error::1 configuration error: see the annotations');
    expect(r.stdout).not.toMatch(/\n\s+at /);
  });

  it('refuses a working-directory outside the checkout', () => {
    const ws = makeWorkspace(fullUnitFiles());
    const r = runAction(ws, { config: 'm/conf/*.yaml', 'working-directory': '../..' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('is outside the repository checkout');
  });
});
