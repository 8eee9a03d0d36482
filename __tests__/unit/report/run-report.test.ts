// The run report's additions: the parameter values a run used, and quality gates (read as GitHub renders
// the Markdown: parsed, not matched as text).
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { renderRunReport } from '../../../src/report/run-report.js';
import { parseHtml } from '../plan/helpers.js';

/** Body cells of the rendered table whose first header cell is `firstHeader`. */
function cells(md: string, firstHeader: string): string[][] {
  const doc = parseHtml(marked.parse(md, { gfm: true, async: false }));
  const table = [...doc.querySelectorAll('table')].find(
    (t) => t.querySelector('th')?.textContent === firstHeader,
  );
  return [...(table?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
  );
}

describe('run report: parameters', () => {
  it('lists every parameter with the value the run used and where it came from', () => {
    const md = renderRunReport({
      executionArn: 'arn:aws:sagemaker:us-east-1:1:pipeline/p/execution/e',
      parameters: [
        { name: 'InputDate', value: '2026-02-01', source: 'run' },
        { name: 'Epochs', value: '10', source: 'default' },
        { name: 'Note', value: '`x` | <b>y</b>', source: 'run' },
      ],
    });
    expect(cells(md, 'parameter')).toEqual([
      ['InputDate', '2026-02-01', 'set for this run'],
      ['Epochs', '10', 'default'],
      ['Note', '`x` | <b>y</b>', 'set for this run'],
    ]);
  });

  it('says nothing about parameters when the pipeline has none', () => {
    expect(renderRunReport({ executionArn: 'arn:x', parameters: [] })).not.toContain('Parameters');
  });
});
