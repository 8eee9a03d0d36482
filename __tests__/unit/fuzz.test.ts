// Property-based fuzzing (fast-check, fixed seed, bounded runs) of the config reader and of every renderer of
// text we did not write: random YAML/JSON documents and random strings full of control characters, Markdown,
// HTML, Mermaid syntax, `-->` and `::` never throw, and never come out interpreted. Rendered Markdown is parsed
// with the GFM renderer the other tests use (marked) and must hold the string only as text; Mermaid labels go
// through the real mermaid parser; log lines must never be read as workflow commands.
import fc from 'fast-check';
import { marked } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DiagnosticBag } from '../../src/config/diagnostics.js';
import { decodeConfigBytes } from '../../src/config/file-text.js';
import { readConfigText } from '../../src/config/read.js';
import { visible } from '../../src/config/visible.js';
import { mermaidLabel } from '../../src/plan/mermaid.js';
import { htmlText, mdCode, mdText } from '../../src/report/escape.js';
import { logLines, visibleLines } from '../../src/report/log-text.js';
import { loadMermaidParse, parseHtml } from './plan/helpers.js';

const RUNS = { seed: 20261203, numRuns: 300 } as const;
/** Rendering through marked and jsdom costs ~40 ms a run. */
const RENDER_RUNS = { seed: 20261203, numRuns: 60 } as const;

/** Pieces that mean something to one of the renderers. */
const HOSTILE = [
  '<!--',
  '-->',
  '<script>',
  '</details>',
  '<img src=x onerror=alert(1)>',
  '&amp;',
  '&#64;',
  '@team',
  '@org/t',
  '# ',
  '## ',
  '> ',
  '- ',
  '1. ',
  '* ',
  '`',
  '```',
  '~~~',
  '|',
  '\\',
  '[x](https://e.example)',
  '![i](x)',
  'https://e.example',
  'www.e.example',
  '**b**',
  '_i_',
  '~~s~~',
  '::error::x',
  '::add-mask::y',
  '::stop-commands::t',
  '##[error]z',
  '%0A',
  '%25',
  '\n',
  '\r',
  '\r\n',
  '\t',
  '\u0000',
  '\u001b[31m',
  '\u0007',
  '\u200b',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\u0085',
  '"',
  "'",
  '#',
  ';',
  '[',
  ']',
  '{',
  '}',
  '(',
  ')',
  'end',
  'subgraph',
  'click x call y()',
  '-.->',
  '==>',
  'A',
  'z',
  ' ',
  '  ',
];

const hostileString = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 6 })), {
    maxLength: 12,
  })
  .map((parts) => parts.join(''));

/** The DOM surface these checks read. */
interface El {
  readonly innerHTML: string;
  readonly textContent: string | null;
  readonly tagName: string;
  readonly children: { readonly length: number };
  readonly firstElementChild: El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  querySelector(selector: string): El | null;
}

function html(markdown: string): El {
  const rendered = marked.parse(markdown, { gfm: true, async: false });
  return parseHtml(`<!doctype html><body>${rendered}</body>`).body as unknown as El;
}

/** What a reader should see: the string with newlines as spaces and invisible characters spelled out. */
const shownAs = (s: string): string => visible(s.replace(/\r?\n|\r/g, ' '));
/** Our own defusing inserts U+200B (comment delimiters) and U+2060 (mentions, autolinks); readers see neither. */
const dropJoiners = (s: string): string => s.replace(/[\u200b\u2060]/g, '');

describe('config reader', () => {
  it('never throws on random text, and an error always has a position in the file', () => {
    fc.assert(
      fc.property(hostileString, (text) => {
        const bag = new DiagnosticBag();
        readConfigText(text, 'c.yaml', bag);
        for (const d of bag.errors) expect(d.loc?.file).toBe('c.yaml');
      }),
      RUNS,
    );
  });

  it('reads any JSON document written as YAML or JSON without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (value, asJson) => {
        const bag = new DiagnosticBag();
        const text = asJson ? JSON.stringify(value) : stringify(value);
        readConfigText(text ?? 'null', asJson ? 'c.json' : 'c.yaml', bag);
      }),
      RUNS,
    );
  });

  it('never throws on random bytes, and refuses NUL and bad UTF-8 with a position', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const bag = new DiagnosticBag();
        const text = decodeConfigBytes(bytes, 'c.yaml', bag);
        if (text === undefined) expect(bag.errors[0]?.loc?.line).toBeGreaterThanOrEqual(1);
        else expect(text).not.toContain('\u0000');
      }),
      RUNS,
    );
  });
});

describe('Markdown', () => {
  it('mdText: one paragraph of plain text, no element, the string only as text', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const body = html(`x ${mdText(s)}`);
        expect(body.querySelectorAll('*').length, body.innerHTML).toBe(1);
        expect(body.firstElementChild?.tagName).toBe('P');
        expect(dropJoiners(body.textContent ?? '').trim()).toBe(`x ${shownAs(s)}`.trim());
      }),
      RENDER_RUNS,
    );
  });

  it('mdCode: exactly one code span holding the string', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        fc.pre(s.trim() !== ''); // an all-space code span keeps its padding
        const body = html(`x ${mdCode(s, false)}`);
        const code = body.querySelectorAll('code');
        expect(code.length, body.innerHTML).toBe(1);
        expect(body.querySelectorAll('*').length, body.innerHTML).toBe(2);
        expect(dropJoiners(code[0]?.textContent ?? '')).toBe(shownAs(s));
      }),
      RENDER_RUNS,
    );
  });

  it('mdCode in a table cell keeps the row to its cells', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const body = html(`| a | b |\n|---|---|\n| ${mdCode(s)} | z |\n`);
        const cells = body.querySelectorAll('tbody td');
        expect(cells.length, body.innerHTML).toBe(2);
        expect(cells[1]?.textContent).toBe('z');
        expect(body.querySelectorAll('tbody td *:not(code)').length).toBe(0);
      }),
      RENDER_RUNS,
    );
  });

  it('htmlText inside <summary> stays text', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const body = html(`<details><summary>${htmlText(s)}</summary>\n\nbody\n\n</details>`);
        const summary = body.querySelector('summary');
        expect(summary?.children.length, body.innerHTML).toBe(0);
        expect(dropJoiners(summary?.textContent ?? '')).toBe(shownAs(s));
        expect(body.querySelectorAll('details').length).toBe(1);
      }),
      RENDER_RUNS,
    );
  });
});

describe('Mermaid labels', () => {
  let parse: (text: string) => Promise<unknown>;
  beforeAll(async () => {
    parse = await loadMermaidParse();
  });

  it('a label never breaks out of its node, and mermaid parses the graph', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (s) => {
        fc.pre(s !== ''); // names are never empty
        const label = mermaidLabel(s);
        expect(label).not.toMatch(/["\n\r<>[\]{}()|`]/);
        await expect(parse(`flowchart TD\n  s0["${label}"]\n  s1["b"]\n  s0 --> s1\n`)).resolves.toBeTruthy();
      }),
      { ...RUNS, numRuns: 40 },
    );
  });
});

describe('log lines', () => {
  it('no printed line is a workflow command, and no control character reaches the log', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        for (const line of logLines(`smp: ${s}\n${s}`)) {
          expect(line.trim().startsWith('::'), line).toBe(false);
          expect(line).not.toContain('##[');
          // eslint-disable-next-line no-control-regex
          expect(line).not.toMatch(/[\u0000-\u001f\u007f\u200b\u202e]/);
        }
        // A command's message keeps its line breaks (the runner library escapes them), nothing else.
        // eslint-disable-next-line no-control-regex
        expect(visibleLines(s)).not.toMatch(/[\r\u0000-\u0009\u000b-\u001f]/);
      }),
      RUNS,
    );
  });
});
