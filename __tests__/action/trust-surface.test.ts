// Hostile PR content through the bundled action (dist/index.js) on a pull_request, as the runner runs it:
// every case of the malformed corpus fails with its errors annotated at their positions, no stack trace, and
// stdout holds no line the runner would read as a workflow command that the action did not mean to issue;
// file names and values that spell workflow commands never become one. No GitHub or AWS server is given, so
// nothing can be written anywhere (comment: false; the plan is offline).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { marked } from 'marked';
import { afterAll, describe, expect, it } from 'vitest';
import { cases, prepareWorkspace, readExpected } from '../helpers/corpus.js';
import { exampleWorkspace, pullRequestEvent, runAction } from '../servers/github/action-runner.js';
import type { ActionRun } from '../servers/github/action-runner.js';

const REPO = { fullName: 'octo-org/octo-repo', defaultBranch: 'main' };
const tempRoots: string[] = [];
afterAll(() => {
  for (const dir of tempRoots) rmSync(dir, { recursive: true, force: true });
});

/** The commands the action issues on purpose; anything else on a `::` line is forged. */
const OURS = new Set(['error', 'warning', 'notice', 'group', 'endgroup', 'debug']);

/** Lines the runner would take as a command: `::name` after trimming (v2), or `##[` anywhere (v1). */
function commandLines(stdout: string): string[] {
  return stdout.split(/\r?\n|\r/).filter((l) => l.trim().startsWith('::') || l.includes('##['));
}

function unexpectedCommands(r: ActionRun): string[] {
  return commandLines(r.stdout).filter((l) => {
    const m = /^::([\w-]+)(?: [^:]*)?::/.exec(l);
    return !m || !OURS.has(m[1] ?? '') || l.includes('##[');
  });
}

function plan(ws: string, config: string, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    workspace: ws,
    inputs: { config, comment: 'false' },
    event: pullRequestEvent({ number: 7, headSha: '7'.repeat(40), base: REPO }),
    env: { ...env, AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_PROFILE: undefined },
    timeoutMs: 30_000,
  });
}

describe('the malformed corpus through the action', () => {
  it.concurrent.for(cases)('%s', async (name, { expect }) => {
    const expected = readExpected(name);
    const ws = prepareWorkspace(name, expected, tempRoots);
    const r = await plan(ws, expected.globs.join('\n'), expected.env);
    const report = `stdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
    expect(r.code, report).toBe(1);
    expect(`${r.stdout}${r.stderr}`, report).not.toMatch(/\n\s+at \S+ \(/);
    expect(unexpectedCommands(r), report).toEqual([]);
    const errors = r.commands.filter((c) => c.command === 'error');
    // One annotation per config error (GitHub's limit is 10; the corpus cases have fewer) plus setFailed's.
    expect(errors.length, report).toBe(expected.errors.length + 1);
    for (const e of expected.errors) {
      const hit = errors.find(
        (c) =>
          c.message.includes(e.contains) &&
          (e.file === null
            ? c.properties.file === undefined
            : c.properties.file === e.file &&
              c.properties.line === String(e.line) &&
              c.properties.col === String(e.col)),
      );
      expect(
        hit,
        `${e.file ?? ''}:${String(e.line)}:${String(e.col)} ${e.contains}\n${report}`,
      ).toBeDefined();
    }
    expect(r.summary).toContain('configuration error');
  });
});

describe('names that spell workflow commands', () => {
  it('a folder named like ::stop-commands:: and values like ::add-mask:: never issue a command', async () => {
    const ws = exampleWorkspace();
    tempRoots.push(ws);
    const dir = path.join(ws, '::stop-commands::tok');
    mkdirSync(dir);
    // 12 errors: the first 9 are annotations, the rest plain log lines that start with the file name.
    const steps = Array.from(
      { length: 12 },
      (_, i) => `          - step_name: s${i}\n            step_class: "::add-mask::x${i}"\n`,
    ).join('');
    writeFileSync(
      path.join(dir, 'conf.yaml'),
      `conf:\n  models:\n    m:\n      source_directory: .\n  sagemakerPipeline:\n    pipelineName: p\n    models:\n      m:\n        steps:\n${steps}`,
    );
    const r = await plan(ws, '*/conf.yaml');
    expect(r.code, r.stdout).toBe(1);
    expect(unexpectedCommands(r), r.stdout).toEqual([]);
    // The three errors past the annotation limit are in the log, defused but readable.
    const logged = r.stdout
      .split('\n')
      .filter((l) => l.includes('stop-commands') && !l.startsWith('::error'));
    expect(logged.length, r.stdout).toBeGreaterThanOrEqual(3);
    for (const l of logged) expect(l).toMatch(/^%3A%3Astop-commands%3A%3A|^\S/);
  });

  it('the summary of a hostile pipeline name renders no heading, mention, link or comment', async () => {
    const expected = readExpected('54-hostile-names');
    const ws = prepareWorkspace('54-hostile-names', expected, tempRoots);
    const r = await plan(ws, expected.globs.join('\n'));
    const html = marked.parse(r.summary, { gfm: true, async: false });
    // Our marker is the one comment, on the first line; the name inside it is JSON-escaped.
    expect(r.summary.split('\n')[0]).toMatch(/^<!-- smp-action:plan v1 \{.*\} -->$/);
    expect(html.split('<!--')).toHaveLength(2);
    expect(html).not.toMatch(/<h[1-6]>[^<]*Approved|<a /);
    // GitHub never mentions inside code: outside code spans the name must not read as a mention.
    const prose = html.replace(/<code>[\s\S]*?<\/code>/g, '').replace(/<[^>]+>/g, '');
    expect(html).toContain('@admins');
    expect(prose).not.toMatch(/@admins/);
  });
});
