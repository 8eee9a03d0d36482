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
  const summary = path.join(dir, 'summary.md');
  writeFileSync(summary, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: dir,
    // No AWS credentials of any kind: the plan must go offline, not fail.
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'none'),
    AWS_CONFIG_FILE: path.join(dir, 'none'),
    ...TEST_ENV,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = spawnSync(process.execPath, [path.resolve('dist/index.js')], { env, encoding: 'utf8', cwd: dir });
  return { ...r, outputs: readFileSync(outputFile, 'utf8'), summary: readFileSync(summary, 'utf8') };
}

/** name → value from a GITHUB_OUTPUT file (heredoc format). */
function outputs(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/^([\w-]+)<<(.+)\n([\s\S]*?)\n\2$/gm)) out.set(m[1]!, m[3]!);
  return out;
}

describe('action (dist/index.js), plan mode without credentials', () => {
  it('plans offline, says so, and sets the plan outputs and the summary', () => {
    const ws = makeWorkspace(fullUnitFiles());
    const r = runAction(ws, { config: 'm/conf/*.yaml' });
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain('Planning offline');
    const o = outputs(r.outputs);
    expect(o.get('pipeline-name')).toBe('p-test');
    expect(o.get('plan-hash')).toMatch(/^[0-9a-f]{64}$/);
    expect(o.get('changed')).toBe('unknown');
    expect(readFileSync(o.get('definition-file')!, 'utf8')).toContain('"Name": "prep"');
    expect(o.get('dag-mermaid')).toMatch(/^flowchart TD/);
    expect(r.summary).toContain(`<!-- smp-action:plan v1`);
    expect(r.summary).toContain(o.get('plan-hash'));
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
    expect(r.stdout).toContain('::error::1 configuration error: see the annotations and the job summary');
    expect(r.summary).toContain('1 configuration error');
    expect(r.stdout).not.toMatch(/\n\s+at /);
  });

  it('refuses a working-directory outside the checkout', () => {
    const ws = makeWorkspace(fullUnitFiles());
    const r = runAction(ws, { config: 'm/conf/*.yaml', 'working-directory': '../..' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('is outside the repository checkout');
  });
});
