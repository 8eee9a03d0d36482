// The PR-comment Markdown (issue 5): rendered with a GFM renderer (marked; markdown-it where marked splits
// table rows unlike github.com) and inspected as HTML (jsdom) — hostile config values cannot inject HTML or
// Markdown, close a <details> or the marker; the marker is one parseable first line whose render/parse are
// exact inverses; the body always fits GitHub's limit (≤ 60,000 characters and bytes) and keeps the headline,
// graph-or-summary, marker and hash, saying what was left out.
import MarkdownIt from 'markdown-it';
import { marked } from 'marked';
import { afterAll, describe, expect, it } from 'vitest';
import type { DefinitionStep, PipelineDefinition, Plan } from '../../../src/compile/types.js';
import { stepEdits } from '../../../src/plan/changes.js';
import { planDag } from '../../../src/plan/dag.js';
import { diffDefinitions } from '../../../src/plan/diff.js';
import { planHash } from '../../../src/plan/hash.js';
import { buildPlanView, OFFLINE } from '../../../src/plan/view.js';
import { BODY_BUDGET, headline, renderPlanComment } from '../../../src/report/plan-comment.js';
import type { PlanView } from '../../../src/report/plan-comment.js';
import { parseMarker, renderMarker } from '../../../src/report/marker.js';
import type { PlanMarker } from '../../../src/report/marker.js';
import type { DomDocument } from './helpers.js';
import {
  htmlComments,
  parseHtml,
  at,
  cleanupWorkspaces,
  clone,
  compileFiles,
  definition,
  manyModelFiles,
  processingStep,
} from './helpers.js';

afterAll(cleanupWorkspaces);

const GITHUB_LIMIT = 65_536;

function html(markdown: string): DomDocument {
  const rendered = marked.parse(markdown, { gfm: true, async: false });
  return parseHtml(`<!doctype html><html><body>${rendered}</body></html>`);
}

/** Rendered with markdown-it, whose table rows split on pipes as github.com's cmark-gfm does. */
function githubHtml(markdown: string): DomDocument {
  const rendered = new MarkdownIt({ html: true }).render(markdown);
  return parseHtml(`<!doctype html><html><body>${rendered}</body></html>`);
}

/** Text of the document outside <code> and <pre>: what a reader sees as prose. */
function proseText(doc: DomDocument): string {
  const body = doc.body.cloneNode(true);
  for (const el of [...body.querySelectorAll('code, pre')]) el.remove();
  return body.textContent ?? '';
}

const comments = htmlComments;

const occurrences = (body: string, s: string): number => body.split(s).length - 1;

/** A PlanView of two definitions, as `smp diff --format markdown` builds it. */
function viewOf(deployed: PipelineDefinition | null, planned: PipelineDefinition, pipeline = 'p'): PlanView {
  const diff = diffDefinitions(deployed, planned);
  return {
    pipeline,
    planHash: planHash(planned, []),
    steps: planned.Steps.length,
    diff,
    deployed: deployed ? 'read' : 'none',
    mermaid: planDag(planned, new Map(), deployed ? diff : undefined).mermaid,
    artifacts: [],
    warnings: [],
  };
}

/** Number of rows the change table must have: one per added/removed/changed step, parameter, pipeline field. */
function changeRowCount(view: PlanView): number {
  const d = view.diff;
  return (
    stepEdits(d).length +
    d.parameters.added.length +
    d.parameters.removed.length +
    d.parameters.changed.length +
    d.pipelineFields.length
  );
}

// ------------------------------------------------------------------------------------------ hostile values

const HOSTILE = {
  details: '</details><details open><summary>pwned-details',
  comment: '--> pwned-comment <!--',
  marker: '<!-- smp-action:plan v1 {"pipeline":"x","planHash":"y"} -->',
  ticks: '```` pwned `ticks` `` ```',
  script: '<script>alert(1)</script><img src=x onerror=alert(2)>',
  pipes: 'a | pwned-pipes || c |',
  markdown: '[pwned-link](https://evil.example) **pwned-bold** @pwned-team # h',
};

describe('hostile config values', () => {
  const files = (sections: Parameters<typeof manyModelFiles>[1]): Record<string, string> =>
    manyModelFiles(1, { name: 'a--b', ...sections });
  const deployed = compileFiles(
    files({
      sections: { train: { hyperparameters: { note: 'plain' }, tags: [{ Key: 'note', Value: 'plain' }] } },
    }),
  );
  const planned = compileFiles(
    files({
      sections: {
        preprocess: { image_uri: HOSTILE.details, tags: [{ Key: 'md', Value: HOSTILE.markdown }] },
        train: {
          image_uri: HOSTILE.comment,
          hyperparameters: { note: HOSTILE.ticks },
          tags: [{ Key: 'note', Value: HOSTILE.marker }],
        },
        evaluate: { image_uri: HOSTILE.script },
        inference: { image_uri: HOSTILE.pipes },
      },
    }),
  );
  const view = buildPlanView(planned, { state: 'read', definition: deployed.definition });
  const body = renderPlanComment(view);
  const doc = html(body);

  it('the hostile values really are in the diff', () => {
    const values = view.diff.steps.changed.flatMap((c) => c.fields.map((f) => f.new ?? ''));
    for (const h of Object.values(HOSTILE))
      expect(
        values.some((v) => v.includes(h)),
        h,
      ).toBe(true);
    expect(view.diff.steps.changed.every((c) => c.fields.length <= 3)).toBe(true);
  });

  it('no script, image, link or event handler reaches the HTML', () => {
    expect(doc.querySelectorAll('script, img, iframe, a, style')).toHaveLength(0);
    for (const el of doc.body.querySelectorAll('*'))
      for (const attr of el.getAttributeNames())
        expect(attr.startsWith('on'), `${el.tagName} ${attr}`).toBe(false);
  });

  it('no hostile text escapes the code spans and code blocks', () => {
    const prose = proseText(doc);
    for (const word of ['pwned', 'alert', 'smp-action', 'evil.example', '<script', '</details>'])
      expect(prose, word).not.toContain(word);
    const code = [...doc.querySelectorAll('code')].map((c) => (c.textContent ?? '').replace(/\u200b/g, ''));
    for (const h of Object.values(HOSTILE)) {
      expect(
        code.some((c) => c.includes(h)),
        `${h} in a table code span`,
      ).toBe(true);
    }
  });

  it('one <details> per changed step (plus the artifacts), each with exactly one code block', () => {
    const details = [...doc.querySelectorAll('details')];
    const steps = details.filter((d) => !d.querySelector('summary')?.textContent?.startsWith('Artifacts'));
    expect(view.diff.steps.changed.length).toBe(5);
    const withFields = view.diff.steps.changed.filter((c) => c.fields.length > 0);
    expect(details).toHaveLength(withFields.length + 1);
    expect(steps.map((d) => d.querySelector('summary')?.textContent)).toEqual(
      withFields.map((c) => `${c.name}: ${c.fields.length} field${c.fields.length === 1 ? '' : 's'}`),
    );
    for (const d of steps) {
      expect(d.querySelectorAll('pre > code')).toHaveLength(1);
      expect(d.querySelectorAll('details')).toHaveLength(0);
    }
  });

  it('every table has its expected rows and three cells per row', () => {
    const tables = [...doc.querySelectorAll('table')];
    expect(tables).toHaveLength(2);
    const [changes, artifacts] = tables;
    expect(changes!.querySelectorAll('tbody tr')).toHaveLength(changeRowCount(view));
    expect(artifacts!.querySelectorAll('tbody tr')).toHaveLength(view.artifacts.length);
    for (const t of tables) {
      expect(t.querySelectorAll('thead th')).toHaveLength(3);
      for (const row of t.querySelectorAll('tbody tr')) expect(row.querySelectorAll('td')).toHaveLength(3);
    }
    const names = [...changes!.querySelectorAll('tbody tr td:first-child')].map((td) => td.textContent);
    expect(names).toEqual(view.diff.steps.changed.map((c) => `✏️ ${c.name}`));
  });

  it('the marker is the first line, the only HTML comment, and parses back', () => {
    expect(body.split('\n')[0]).toBe(renderMarker({ pipeline: 'a--b', planHash: view.planHash }));
    expect(parseMarker(body)).toEqual({ pipeline: 'a--b', planHash: view.planHash });
    expect(occurrences(body, '<!-- smp-action:plan')).toBe(1);
    expect(occurrences(body, '<!--')).toBe(1);
    expect(comments(doc)).toEqual([body.split('\n')[0]!.slice('<!--'.length, -'-->'.length)]);
  });

  // Fixed, kept as a regression test (issue 5: the marker "exactly once per body"): a config value containing the marker's text is printed
  // with only `<!--` / `-->` defused, so the string `smp-action:plan` occurs more than once. It is not a
  // parseable marker (parseMarker reads the first line only), but a reader searching the body for the marker
  // text finds the impostor too. Flip to `it` once config text has `smp-action:plan` defused as well.
  it('the text smp-action:plan occurs exactly once even with a value that contains it', () => {
    expect(occurrences(body, 'smp-action:plan')).toBe(1);
  });

  it('the headline keeps the pipeline name as code', () => {
    const h3 = doc.querySelector('h3');
    expect(h3?.textContent).toBe('smp plan: a--b');
    expect(h3?.querySelector('code')?.textContent).toBe('a--b');
    expect(doc.querySelector('h3 + p')?.textContent).toBe('Plan: 0 to add, 5 to change, 0 to remove');
  });

  it('a hostile pipeline name (as `smp diff` takes it from a file name) stays inside the marker and a code span', () => {
    const name = '</details>--><script>alert(1)</script>`x`<!--';
    const before = definition([processingStep('a')]);
    const after = definition([processingStep('a', { image: HOSTILE.script })]);
    const v = viewOf(before, after, name);
    const md = renderPlanComment(v);
    const d = html(md);
    expect(parseMarker(md)).toEqual({ pipeline: name, planHash: v.planHash });
    expect(d.querySelectorAll('script, img')).toHaveLength(0);
    expect(comments(d)).toHaveLength(1);
    expect(proseText(d)).not.toContain('alert');
    expect(d.querySelector('h3 code')?.textContent?.replace(/\u200b/g, '')).toBe(name);
  });

  // Fixed, kept as a regression test (cosmetic; only `smp diff`, whose pipeline name is a file name): mdCode escapes `|` as `\\|` for table
  // cells, but the headline is not in a table, so the backslash is shown: `a|b.json` reads `a\\|b.json`.
  it('a pipe in the pipeline name is shown as is in the headline', () => {
    const v = viewOf(
      definition([processingStep('a')]),
      definition([processingStep('a', { image: 'i:2' })]),
      'a|b.json',
    );
    expect(html(renderPlanComment(v)).querySelector('h3 code')?.textContent).toBe('a|b.json');
  });

  // A value with a backslash before a pipe (`a\|b`) is written `a\\|b` in its code span. GitHub (cmark-gfm)
  // splits table rows before inline parsing and takes a backslash-preceded pipe as part of the cell, then drops
  // that backslash: the cell shows `a\|b`. marked instead reads `\\` as an escaped backslash and splits the
  // row there, so this case is rendered with markdown-it, which splits rows as cmark-gfm does.
  it('a value with a backslash before a pipe stays in its table cell (as github.com splits rows)', () => {
    const before = definition([processingStep('a')]);
    const after = definition([processingStep('a', { image: 'x\\| [pwned](https://evil.example)' })]);
    const d = githubHtml(renderPlanComment(viewOf(before, after)));
    const cells = [...d.querySelectorAll('table tbody td code')].map((c) => c.textContent);
    expect(cells).toContain('x\\| [pwned](https://evil.example)');
    expect(proseText(d)).not.toContain('pwned');
  });
});

// ------------------------------------------------------------------------------------------ marker

/** A small deterministic PRNG (mulberry32), so the "random" names are the same on every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('marker', () => {
  const rand = prng(5);
  const alphabet = [
    'a',
    'Z',
    '0',
    '-',
    '-',
    '-',
    '<',
    '>',
    '!',
    '&',
    '"',
    "'",
    '\\',
    '/',
    ' ',
    '\n',
    '\r',
    '\t',
    '\u2028',
    'é',
    '世',
    '🙂',
    '`',
    '|',
    '{',
    '}',
    ':',
  ];
  const randomName = (): string =>
    Array.from(
      { length: 1 + Math.floor(rand() * 40) },
      () => alphabet[Math.floor(rand() * alphabet.length)],
    ).join('');
  const randomHash = (): string =>
    Array.from({ length: 64 }, () => '0123456789abcdef'[Math.floor(rand() * 16)]).join('');
  const cases: PlanMarker[] = [
    { pipeline: 'a--b', planHash: 'f'.repeat(64) },
    { pipeline: 'a-->b', planHash: randomHash() },
    { pipeline: '-->', planHash: '--' },
    { pipeline: '<!-- smp-action:plan v1 {"pipeline":"x","planHash":"y"} -->', planHash: '-->' },
    { pipeline: '--!>', planHash: '<!-' },
    { pipeline: '', planHash: '' },
    { pipeline: '}) -->', planHash: '{"x":1}' },
    { pipeline: 'x'.repeat(256), planHash: randomHash() },
    ...Array.from({ length: 200 }, () => ({
      pipeline: randomName(),
      planHash: rand() < 0.5 ? randomHash() : randomName(),
    })),
  ];

  it('render then parse is the identity, and the rendered marker is one line that cannot end early', () => {
    for (const m of cases) {
      const line = renderMarker(m);
      expect(line).not.toMatch(/[\n\r]/);
      expect(line.startsWith('<!-- smp-action:plan v1 {')).toBe(true);
      expect(line.endsWith('} -->')).toBe(true);
      const inner = line.slice('<!-- smp-action:plan v1 '.length, -' -->'.length);
      expect(inner).not.toMatch(/[<>]|--/);
      expect(parseMarker(line)).toEqual(m);
      expect(parseMarker(`${line}\nbody`)).toEqual(m);
      expect(parseMarker(`${line}\r\nbody\r\n`)).toEqual(m);
      expect(renderMarker(parseMarker(line)!)).toBe(line);
    }
  });

  it('in HTML it is exactly one comment, holding the whole line', () => {
    for (const m of cases.slice(0, 40)) {
      const line = renderMarker(m);
      const doc = parseHtml(`<!doctype html><body>${line}<p>after</p></body>`);
      expect(comments(doc)).toEqual([line.slice(4, -3)]);
      expect(doc.querySelector('p')?.textContent).toBe('after');
    }
  });

  it('parse rejects anything but our marker on the first line', () => {
    const line = renderMarker({ pipeline: 'p', planHash: 'h' });
    expect(parseMarker(`\n${line}`)).toBeUndefined();
    expect(parseMarker(`text\n${line}`)).toBeUndefined();
    expect(parseMarker(` ${line}`)).toBeUndefined();
    expect(parseMarker(line.replace(' v1 ', ' v2 '))).toBeUndefined();
    expect(parseMarker('<!-- smp-action:plan v1 {"pipeline":"p"} -->')).toBeUndefined();
    expect(parseMarker('<!-- smp-action:plan v1 {"pipeline":"p","planHash":1} -->')).toBeUndefined();
    expect(parseMarker('<!-- smp-action:plan v1 {"pipeline":"p",} -->')).toBeUndefined();
    expect(parseMarker('<!-- smp-action:plan v1 ["p","h"] -->')).toBeUndefined();
    expect(parseMarker('')).toBeUndefined();
  });
});

// ------------------------------------------------------------------------------------------ size limits

describe('truncation', () => {
  /** 67 models × 6 steps; the deployed side differs in every step (instance types, and a long removed field). */
  const planned = compileFiles(manyModelFiles(67));
  const deployed = clone(compileFiles(manyModelFiles(67, { instanceType: 'ml.m5.large' })).definition);
  for (const s of deployed.Steps) {
    at(s, 'Arguments').LegacyNote = `retired setting of ${s.Name}: ${'lorem ipsum '.repeat(40)}`;
    at(s, 'Arguments').LegacyFlag = '</details>';
  }
  const view = buildPlanView(planned, { state: 'read', definition: deployed });

  function checkEssentials(body: string, budget: number, v: PlanView = view): DomDocument {
    expect(body.length).toBeLessThan(GITHUB_LIMIT);
    expect(Buffer.byteLength(body, 'utf8')).toBeLessThan(GITHUB_LIMIT);
    expect(body.length).toBeLessThanOrEqual(budget);
    expect(Buffer.byteLength(body, 'utf8')).toBeLessThanOrEqual(budget);
    expect(body).toContain(`### smp plan: \`${v.pipeline}\`\n\n**${headline(v)}**\n`);
    expect(parseMarker(body)).toEqual({ pipeline: v.pipeline, planHash: v.planHash });
    expect(occurrences(body, 'smp-action:plan')).toBe(1);
    expect(body).toContain(`plan hash \`${v.planHash}\`</sub>`);
    const d = v.diff.steps;
    const summary = `${v.steps} steps: ${d.added.length} added, ${d.changed.length} changed, ${d.removed.length} removed, ${d.unchanged.length} unchanged.`;
    const hasGraph = body.includes('```mermaid\n');
    expect(hasGraph || body.includes(summary), 'a graph or the summary line').toBe(true);
    expect(body).toMatch(
      /<sub>Left out to fit GitHub's comment size: [^<]+\. Run `smp plan --out DIR` for everything\.<\/sub>/,
    );
    const doc = html(body);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    return doc;
  }

  it('the 402-step plan really is too big in full', () => {
    expect(view.steps).toBe(402);
    expect(view.diff.steps.changed).toHaveLength(402);
    expect(renderPlanComment(view, Infinity).length).toBeGreaterThan(BODY_BUDGET);
  });

  it(`402 changed steps fit in ${BODY_BUDGET} characters and bytes, with the collapsed graph and the notice`, () => {
    const body = renderPlanComment(view);
    const doc = checkEssentials(body, BODY_BUDGET);
    expect(body).toContain('```mermaid\n');
    expect(body).toContain('402 steps in 67 models: one box per model');
    expect(body).toContain('field-by-field details');
    const stepDetails = [...doc.querySelectorAll('details summary')].filter(
      (x) => !x.textContent?.startsWith('Artifacts'),
    );
    expect(stepDetails).toHaveLength(0);
    // The table is cut to what fits, with a "… N more" row.
    const rows = [...[...doc.querySelectorAll('table')][0]!.querySelectorAll('tbody tr')];
    const more = rows[rows.length - 1]!.textContent ?? '';
    const shown = rows.length - (more.includes('more') ? 1 : 0);
    expect(shown).toBeLessThanOrEqual(changeRowCount(view));
    if (shown < changeRowCount(view)) {
      expect(more).toContain(`${changeRowCount(view) - shown} more`);
      expect(body).toContain(`${changeRowCount(view) - shown} table rows`);
    }
  });

  for (const budget of [20_000, 8_000, 3_000, 1_000]) {
    it(`with a budget of ${budget} the same guarantees hold`, () => {
      const body = renderPlanComment(view, budget);
      checkEssentials(body, budget);
      if (!body.includes('```mermaid')) expect(body).toContain('the graph');
    });
  }

  it('the byte budget counts UTF-8 bytes, not characters', () => {
    const wide = '世界🙂'.repeat(60);
    const steps = (v: string): DefinitionStep[] =>
      Array.from({ length: 200 }, (_, i) => processingStep(`s${i}`, { extra: { Note: v, Other: `${v}-2` } }));
    const v = viewOf(definition(steps('old')), definition(steps(wide)));
    const full = renderPlanComment(v, Infinity);
    expect(Buffer.byteLength(full, 'utf8')).toBeGreaterThan(BODY_BUDGET);
    const body = renderPlanComment(v);
    checkEssentials(body, BODY_BUDGET, v);
  });

  // Fixed, kept as a regression test (issue 5: "always keep the headline, graph-or-summary and the hash"; "60,000 characters and bytes"):
  // `extra` sections (documented for execution status and registered models) are never dropped, so when they
  // alone exceed the budget every level is too big and the fallback `.slice(0, budget)` cuts the body: the
  // plan hash and the "left out" note are lost, and since it cuts characters, a multibyte body can still be
  // ~3× the byte limit (here 179,536 bytes). Flip to `it` once extras are dropped/truncated like the rest.
  it('oversized extra sections still leave the hash, and the body within the byte limit', () => {
    const def = definition([processingStep('a')]);
    const v: PlanView = { ...viewOf(null, def), extra: [`### Execution\n\n${'世界'.repeat(40_000)}`] };
    const body = renderPlanComment(v);
    expect(Buffer.byteLength(body, 'utf8')).toBeLessThanOrEqual(BODY_BUDGET);
    expect(body).toContain(`plan hash \`${v.planHash}\`</sub>`);
  });

  it('a small plan is not truncated and says nothing was left out', () => {
    const before = definition([processingStep('a'), processingStep('b', { ref: 'a' })]);
    const after = definition([processingStep('a', { image: 'img:2' }), processingStep('b', { ref: 'a' })]);
    const body = renderPlanComment(viewOf(before, after));
    expect(body).not.toContain('Left out');
    expect(body).toContain('```mermaid\n');
    expect(html(body).querySelectorAll('details')).toHaveLength(1);
  });
});

// ------------------------------------------------------------------------------------------ headline

describe('table of changes', () => {
  it('has one row per added / removed / changed step (edges folded in), parameter and pipeline field', () => {
    const before = {
      ...definition(
        [processingStep('a'), processingStep('b', { ref: 'a' }), processingStep('old-c', { ref: 'a' })],
        [{ Name: 'Threshold', Type: 'Float', DefaultValue: 0.5 }],
      ),
      Metadata: { team: 'x' },
    };
    const after = {
      ...definition(
        [
          processingStep('a', { image: 'img:2' }),
          processingStep('b', { ref: 'a', dependsOn: ['a'] }),
          processingStep('new-c', { ref: 'a' }),
          processingStep('d'),
        ],
        [{ Name: 'Threshold', Type: 'Float', DefaultValue: 0.7 }],
      ),
      Metadata: { team: 'y' },
    };
    const v = viewOf(before, after);
    const body = renderPlanComment(v);
    const doc = html(body);
    const rows = [...[...doc.querySelectorAll('table')][0]!.querySelectorAll('tbody tr')].map((r) =>
      [...r.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows).toHaveLength(changeRowCount(v));
    expect(rows).toEqual([
      ['➕ new-c', 'added', 'Processinglooks like a rename of old-cafter a (data)'],
      ['➕ d', 'added', 'Processing'],
      ['✏️ a', 'changed', 'Arguments.AppSpecification.ImageUri: img:1 → img:2'],
      // b's data reference became a DependsOn: one row, the edge change folded in.
      ['✏️ b', 'changed', 'after a: data → DependsOn'],
      ['➖ old-c', 'removed', 'Processingrenamed to new-c?'],
      ['✏️ parameter Threshold', 'changed', 'Float, default 0.5 → Float, default 0.7'],
      ['✏️ pipeline', 'changed', 'Metadata.team: x → y'],
    ]);
    expect(headline(v)).toBe(
      'Plan: 2 to add, 2 to change, 1 to remove; 1 parameter changed; 1 pipeline setting changed',
    );
  });
});

describe('headline', () => {
  const four = (image: string): DefinitionStep[] => ['a', 'b', 'c'].map((n) => processingStep(n, { image }));

  it('changed: the verdict counts steps to add / change / remove, then dependencies, parameters, settings', () => {
    const deployed = definition(four('img:1'));
    const planned = definition([...four('img:2'), processingStep('d')]);
    expect(headline(viewOf(deployed, planned, 'p'))).toBe('Plan: 1 to add, 3 to change, 0 to remove');

    const removed = definition([processingStep('a')]);
    expect(headline(viewOf(definition([processingStep('a'), processingStep('b')]), removed))).toBe(
      'Plan: 0 to add, 0 to change, 1 to remove',
    );

    // A new dependency changes the step it belongs to.
    const edge = definition([processingStep('a'), processingStep('b', { dependsOn: ['a'] })]);
    expect(headline(viewOf(definition([processingStep('a'), processingStep('b')]), edge))).toBe(
      'Plan: 0 to add, 1 to change, 0 to remove; dependency 1 added',
    );

    const params = definition([processingStep('a')], [{ Name: 'X', Type: 'String', DefaultValue: 'v' }]);
    expect(headline(viewOf(definition([processingStep('a')]), params))).toBe(
      'Plan: 0 to add, 0 to change, 0 to remove; 1 parameter changed',
    );

    const settings = { ...definition([processingStep('a')]), Metadata: { team: 'x' } };
    expect(headline(viewOf(definition([processingStep('a')]), settings))).toBe(
      'Plan: 0 to add, 0 to change, 0 to remove; 1 pipeline setting changed',
    );

    const many = definition([
      processingStep('a', { image: 'img:9' }),
      processingStep('c', { dependsOn: ['a'] }),
    ]);
    expect(headline(viewOf(definition([processingStep('a'), processingStep('b')]), many))).toBe(
      'Plan: 1 to add, 1 to change, 1 to remove',
    );
  });

  it('created, unchanged and unknown', () => {
    const def = definition(four('img:1'));
    expect(headline(viewOf(null, def, 'new-pipe'))).toBe(
      'Plan: 3 to add, 0 to change, 0 to remove (new pipeline)',
    );
    expect(headline(viewOf(def, clone(def), 'same'))).toBe('No changes (3 steps)');
    const offline = {
      ...viewOf(null, def),
      deployed: 'unknown' as const,
      deployedNote: 'no AWS credentials on a fork PR',
    };
    expect(headline(offline)).toBe('3 steps planned, not compared with the deployed pipeline');
    const body = renderPlanComment(offline);
    expect(body).toContain('> [!NOTE]\n> Compared with nothing: no AWS credentials on a fork PR.');
    expect(body).not.toContain('| step | change |');
  });

  it('on a compiled plan: new, offline and unchanged', () => {
    const plan: Plan = compileFiles(manyModelFiles(1, { name: 'churn-nightly' }));
    expect(headline(buildPlanView(plan, { state: 'none', definition: null }))).toBe(
      'Plan: 6 to add, 0 to change, 0 to remove (new pipeline)',
    );
    expect(headline(buildPlanView(plan, OFFLINE))).toBe(
      '6 steps planned, not compared with the deployed pipeline',
    );
    expect(headline(buildPlanView(plan, { state: 'read', definition: clone(plan.definition) }))).toBe(
      'No changes (6 steps)',
    );
  });

  it('an unchanged one-step pipeline says "1 step"', () => {
    const def = definition([processingStep('a')]);
    expect(headline(viewOf(def, clone(def)))).toBe('No changes (1 step)');
  });
});

describe('mentions', () => {
  it('config text cannot @-mention people or teams in the comment', async () => {
    const { mdText } = await import('../../../src/report/escape.js');
    // GitHub decodes entities, then looks for `@name` in the text: a word joiner after `@` breaks the pattern.
    const text = html(mdText('ping @ml-team and @org/team')).body.textContent ?? '';
    expect(text).toContain('ml-team');
    expect(text).not.toMatch(/@[a-z0-9]/i);
  });

  it('bare URLs in config text are not autolinked', async () => {
    const { mdText } = await import('../../../src/report/escape.js');
    const doc = html(mdText('see https://evil.example/x and www.evil.example'));
    expect(doc.querySelectorAll('a')).toHaveLength(0);
    expect((doc.body.textContent ?? '').replace(/\u2060/g, '')).toContain('https://evil.example/x');
  });
});
