// What a reviewer sees in the PR comment (issue 12), rendered as GitHub does (GFM via marked, every Mermaid
// block through the real parser): the verdict for known edits, ignored settings never read as "No changes",
// warnings with their linked line, changed fields named by config key and line, and at 60 steps in 10 models
// a first graph of one node per model with each changed model's steps below, every change badged.
import { Marked } from 'marked';
import markedAlert from 'marked-alert';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionStep, PipelineDefinition, Plan } from '../../../src/compile/types.js';
import { loadAndCompile } from '../../../src/app/compile-project.js';
import { formatDiagnostic } from '../../../src/config/diagnostics.js';
import { stepEdits } from '../../../src/plan/changes.js';
import { READABLE_STEPS } from '../../../src/plan/dag.js';
import { buildPlanView } from '../../../src/plan/view.js';
import type { PlanView } from '../../../src/plan/view.js';
import { renderPlanComment } from '../../../src/report/plan-comment.js';
import { TEST_ENV } from '../../helpers/workspace.js';
import type { DomDocument } from './helpers.js';
import {
  at,
  cleanupWorkspaces,
  clone,
  loadMermaidParse,
  manyModelFiles,
  parseHtml,
  processingStep,
  stepOf,
  workspace,
} from './helpers.js';
import { withFullNames } from '../../helpers/mermaid-names.js';

let parse: (text: string) => Promise<unknown>;
beforeAll(async () => {
  parse = await loadMermaidParse();
});
afterAll(cleanupWorkspaces);

const BLOB = 'https://github.com/acme/models/blob/abc1234def/';

// GFM with GitHub's alerts: `> [!WARNING]` becomes a warning callout on github.com, as it does here.
const gfm = new Marked({ gfm: true, async: false }, markedAlert());

function html(markdown: string): DomDocument {
  return parseHtml(`<!doctype html><html><body>${gfm.parse(markdown) as string}</body></html>`);
}

/** The Mermaid sources of a rendered comment, in order (GitHub renders `language-mermaid` blocks). */
function mermaidBlocks(doc: DomDocument): string[] {
  return [...doc.querySelectorAll('pre > code.language-mermaid')].map((c) => c.textContent ?? '');
}

/** Node labels of a Mermaid source by id, entities decoded: what the reader sees in each box. */
function labels(mermaid: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of withFullNames(mermaid).matchAll(/^ +(s\d+)\["(.*)"\]$/gm)) {
    const text = (m[2] ?? '')
      .replace(/<br\/>/g, ' ')
      .replace(/<\/?small>/g, '')
      .replace(/#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
    out.set(m[1] ?? '', text);
  }
  return out;
}

function compileWorkspace(files: Record<string, string>): { plan: Plan; ws: string } {
  const ws = workspace(files);
  const r = loadAndCompile({
    workspace: ws,
    globs: ['*/conf/*.yaml'],
    env: TEST_ENV,
    allowPlaceholders: false,
  });
  if (!r.plan) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
  return { plan: r.plan, ws };
}

const withBlob = (v: PlanView): PlanView => ({ ...v, provenance: { ...v.provenance, blobBase: BLOB } });

/** 1-based line of the first line of `text` containing `needle`. */
const lineOf = (text: string, needle: string): number =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('ignored settings and warnings', () => {
  const files = manyModelFiles(1);
  const conf = files['all/conf/conf.yaml']!;
  const typo = conf.replace(/(\n(\s+)entry_point: train\.py\n)/, '$1$2instance_typ: ml.p3.8xlarge\n');

  it('a mistyped key is "No effective changes: 1 setting ignored", with the warning linked to its line', () => {
    expect(typo).not.toBe(conf);
    const deployed = compileWorkspace(files).plan.definition;
    const { plan } = compileWorkspace({ ...files, 'all/conf/conf.yaml': typo });
    const view = withBlob(buildPlanView(plan, { state: 'read', definition: deployed }));
    expect(view.diff.status).toBe('unchanged');
    const body = renderPlanComment(view);
    const doc = html(body);
    expect(doc.querySelector('h3 + p')?.textContent).toBe('No effective changes: 1 setting ignored');
    expect(body).not.toMatch(/No changes/);
    const line = lineOf(typo, 'instance_typ:');
    // A GitHub warning callout (not a plain quote): its title, then the list.
    expect(doc.querySelector('.markdown-alert-warning .markdown-alert-title')?.textContent).toBe('Warning');
    const warning = [...doc.querySelectorAll('.markdown-alert-warning li')].map((li) => li.textContent ?? '');
    expect(warning).toHaveLength(1);
    expect(warning[0]).toContain(`all/conf/conf.yaml:${line}: unknown key \`instance_typ\``);
    expect(warning[0]).toContain('did you mean `instance_type`?');
    const link = doc.querySelector('.markdown-alert-warning li a');
    expect((link as unknown as { href: string } | null)?.href).toBe(`${BLOB}all/conf/conf.yaml#L${line}`);
  });

  it('strict turns the warning into an error: no plan', () => {
    const ws = workspace({ ...files, 'all/conf/conf.yaml': typo });
    const r = loadAndCompile({
      workspace: ws,
      globs: ['*/conf/*.yaml'],
      env: TEST_ENV,
      allowPlaceholders: false,
      strict: true,
    });
    expect(r.plan).toBeUndefined();
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toEqual(['unknown-key']);
    expect(errors[0]?.loc?.line).toBe(lineOf(typo, 'instance_typ:'));
  });
});

describe('a changed field is named by its config key and line', () => {
  it('train.instance_type at all/conf/conf.yaml:N: old → new', () => {
    const files = manyModelFiles(1);
    const conf = files['all/conf/conf.yaml']!;
    const deployed = compileWorkspace(files).plan.definition;
    const edited = conf.replace(
      /(\n(\s+)entry_point: train\.py\n(\s+)instance_type: )ml\.m5\.xlarge/,
      '$1ml.m5.4xlarge',
    );
    expect(edited).not.toBe(conf);
    const { plan } = compileWorkspace({ ...files, 'all/conf/conf.yaml': edited });
    const view = withBlob(buildPlanView(plan, { state: 'read', definition: deployed }));
    const doc = html(renderPlanComment(view));
    expect(doc.querySelector('h3 + p')?.textContent).toBe('Plan: 0 to add, 1 to change, 0 to remove');
    const row = [...doc.querySelectorAll('table')][0]!.querySelectorAll('tbody tr');
    expect(row).toHaveLength(1);
    const line = edited.split('\n').findIndex((l) => l.includes('ml.m5.4xlarge')) + 1;
    expect([...[...row][0]!.querySelectorAll('td')].map((td) => td.textContent).join('|')).toBe(
      `✏️ model0-train|changed|train.instance_type at all/conf/conf.yaml:${line}: ml.m5.xlarge → ml.m5.4xlarge`,
    );
  });
});

describe('60 steps in 10 models', () => {
  const { plan } = compileWorkspace(manyModelFiles(10));
  /** The deployed side of four edits: an instance type, a step the PR adds, one it removes, a dropped dependency. */
  const deployed = ((): PipelineDefinition => {
    const d = clone(plan.definition);
    at(stepOf(d, 'model2-train'), 'Arguments', 'ResourceConfig').InstanceType = 'ml.m5.large';
    const steps = (d.Steps as DefinitionStep[]).filter((s) => s.Name !== 'model5-metrics');
    const register = stepOf({ ...d, Steps: steps }, 'model5-register');
    register.DependsOn = (register.DependsOn ?? []).filter((x) => x !== 'model5-metrics');
    steps.push({ ...processingStep('model7-retired'), DependsOn: ['model7-prep'] });
    const reg4 = stepOf({ ...d, Steps: steps }, 'model4-register');
    reg4.DependsOn = [...(reg4.DependsOn ?? []), 'model4-prep'];
    return { ...d, Steps: steps };
  })();
  const view = buildPlanView(plan, { state: 'read', definition: deployed });
  const body = renderPlanComment(view);
  const doc = html(body);
  const blocks = mermaidBlocks(doc);

  it('the verdict counts the edits', () => {
    expect(plan.definition.Steps).toHaveLength(60);
    expect(doc.querySelector('h3 + p')?.textContent).toBe(
      'Plan: 1 to add, 3 to change, 1 to remove; dependency 1 removed',
    );
  });

  it(`the first graph has one node per model (≤ 20 nodes), changed models badged with counts`, async () => {
    expect(plan.definition.Steps.length).toBeGreaterThan(READABLE_STEPS);
    const first = labels(blocks[0]!);
    expect(first.size).toBeLessThanOrEqual(20);
    expect([...first.values()]).toEqual([
      'model0 6 steps',
      'model1 6 steps',
      '✏️ model2 6 steps, 1 changed',
      'model3 6 steps',
      '✏️ model4 6 steps, 1 changed',
      '✏️ model5 6 steps, 1 changed, 1 added',
      'model6 6 steps',
      '✏️ model7 6 steps, 1 removed',
      'model8 6 steps',
      'model9 6 steps',
    ]);
    for (const b of blocks) await expect(parse(b)).resolves.toBeTruthy();
  });

  it("each changed model's steps follow in a collapsed section; every changed step is there with its badge", () => {
    const sections = [...doc.querySelectorAll('details')].filter((d) =>
      d.querySelector('pre > code.language-mermaid'),
    );
    expect(sections.map((d) => d.querySelector('summary')?.textContent)).toEqual([
      'model2: 6 steps, 1 changed',
      'model4: 6 steps, 1 changed',
      'model5: 6 steps, 1 changed, 1 added',
      'model7: 6 steps, 1 removed',
    ]);
    const detailLabels = blocks.slice(1).flatMap((b) => [...labels(b).values()]);
    const badge = { added: '➕', changed: '✏️', removed: '➖' } as const;
    const edits = stepEdits(view.diff);
    expect(edits.map((e) => e.name).sort()).toEqual(
      ['model2-train', 'model4-register', 'model5-metrics', 'model5-register', 'model7-retired'].sort(),
    );
    for (const e of edits)
      expect(detailLabels).toContain(`${badge[e.status]} ${e.name} ${e.type} · ${e.status}`);
  });

  it('the removed dependency is a dashed, labelled edge in its model graph; the removed step stays in its model', () => {
    const model4 = blocks.find((b) => withFullNames(b).includes('model4-register'))!;
    const ids = new Map(
      [...labels(model4)].map(([id, l]) => [l.replace(/^\S+ (?=model)/, '').split(' ')[0], id]),
    );
    expect(model4).toContain(
      `  ${ids.get('model4-prep')} -.->|"➖ removed"| ${ids.get('model4-register')}\n`,
    );
    expect(model4).toMatch(/linkStyle \d+ [^\n]*stroke-dasharray/);
    const model7 = blocks.find((b) => withFullNames(b).includes('model7-retired'))!;
    expect(model7.match(/subgraph/g)).toHaveLength(1);
    expect(model7).toMatch(
      /subgraph m0\["model7-…"\]\n {4}direction TB\n(?: {4}s\d+\[.*\n)*? {4}s\d+\["➖ retired<br/,
    );
  });

  it('the caption under the graph explains the boxes and arrows (no legend node)', () => {
    expect(body).toContain('<sub>60 steps in 10 models: one box per model');
    expect(blocks[0]).not.toMatch(/legend/i);
  });
});
