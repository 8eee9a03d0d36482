// A registered version's metric values, read through the REAL S3 client from the local S3 server (every request
// checked against botocore's s3 model) and shown in the run report as GitHub renders it. The object is written by
// the PR's own script: oversize, malformed, non-numeric, denied and hostile objects each give the row a reason
// or plain text, never a failed run and never Markdown or HTML of their own.
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { readModelMetrics } from '../../src/aws/model-metrics.js';
import type { ModelMetrics } from '../../src/report/metrics-report.js';
import { renderRunReport } from '../../src/report/run-report.js';
import { parseHtml } from '../unit/plan/helpers.js';
import type { DomDocument, DomElement } from '../unit/plan/helpers.js';
import { wireSuite } from './helpers/aws.js';

const suite = wireSuite();
const BUCKET = 'team-metrics';

/** Stores `body` as a metrics object and reads it back as the run does. */
async function read(name: string, body: string | Buffer): Promise<{ uri: string; metrics: ModelMetrics }> {
  suite.server.s3.putObject(BUCKET, `eval/${name}/model_evaluation_metrics.json`, body);
  const uri = `s3://${BUCKET}/eval/${name}/model_evaluation_metrics.json`;
  return { uri, metrics: await readModelMetrics(suite.clients.s3, uri) };
}

/** The run report's registered-versions table for one version, as rendered HTML. */
/** jsdom's elements have getAttribute too; the shared helper types only what other tests use. */
type Element = DomElement & { getAttribute(name: string): string | null };

function rendered(uri: string, metrics: ModelMetrics): { doc: DomDocument; cell: Element } {
  const md = renderRunReport({
    models: [
      {
        group: 'churn',
        version: 12,
        approvalStatus: 'PendingManualApproval',
        arn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/12',
        metricsUri: uri,
        metrics,
      },
    ],
  });
  const doc = parseHtml(marked.parse(md, { gfm: true, async: false }));
  const table = [...doc.querySelectorAll('table')].find(
    (t) => t.querySelector('th')?.textContent === 'group',
  );
  const cell = [...(table?.querySelectorAll('tbody tr td') ?? [])][3] as Element | undefined;
  if (!cell) throw new Error(`no registered-versions table in:\n${md}`);
  return { doc, cell };
}

/** A cell's text with no-break spaces read as spaces. */
const cellText = (e: DomElement): string => (e.textContent ?? '').replace(/\u00a0/g, ' ');

const REGRESSION = {
  regression_metrics: {
    mse: { value: 0.2513, standard_deviation: 0.011 },
    rmse: { value: 0.5013, standard_deviation: 0.01 },
    mae: { value: 0.3719 },
    r2: { value: 0.8712 },
  },
};

describe('metric values of a registered version', () => {
  it('the values the Metrics step wrote, compact in the cell, the object linked', async () => {
    const { uri, metrics } = await read('ok', JSON.stringify(REGRESSION, null, 2));
    expect(metrics).toEqual({
      kind: 'values',
      values: [
        { section: 'regression_metrics', name: 'mse', value: 0.2513, std: 0.011 },
        { section: 'regression_metrics', name: 'rmse', value: 0.5013, std: 0.01 },
        { section: 'regression_metrics', name: 'mae', value: 0.3719 },
        { section: 'regression_metrics', name: 'r2', value: 0.8712 },
      ],
      skipped: 0,
    });
    const { doc, cell } = rendered(uri, metrics);
    // A no-break space holds each name to its value when the cell wraps.
    expect(cell.textContent).toBe(
      'mse\u00a00.2513 · rmse\u00a00.5013 · mae\u00a00.3719 · r2\u00a00.8712model_evaluation_metrics.json',
    );
    expect((cell.querySelector('a') as Element | null)?.getAttribute('href')).toBe(
      `https://s3.console.aws.amazon.com/s3/object/${BUCKET}?prefix=${encodeURIComponent('eval/ok/model_evaluation_metrics.json')}`,
    );
    // Four fit in the cell: no details block.
    expect(doc.querySelector('details summary')?.textContent ?? '').not.toContain('metrics of');
    const get = suite.server.requests.last('GetObject')!;
    expect(get.input).toMatchObject({ Bucket: BUCKET, Range: 'bytes=0-1048576' });
  });

  it('many metrics: the first four in the cell, all with their standard deviation in a details block', async () => {
    const many = {
      binary_classification_metrics: Object.fromEntries(
        ['accuracy', 'precision', 'recall', 'f1', 'auc', 'true_positive_rate'].map((n, i) => [
          n,
          { value: 0.9 - i / 100, standard_deviation: 0.002 * (i + 1) },
        ]),
      ),
    };
    const { uri, metrics } = await read('many', JSON.stringify(many));
    const { doc, cell } = rendered(uri, metrics);
    expect(cellText(cell)).toContain('accuracy 0.9 · precision 0.89 · recall 0.88 · f1 0.87 · +2 more');
    const details = [...doc.querySelectorAll('details')].find((d) =>
      d.querySelector('summary')?.textContent?.startsWith('All 6 metrics of churn v12'),
    );
    const rows = [...(details?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows[0]).toEqual(['accuracy', '0.9', '0.002']);
    expect(rows[5]).toEqual(['true_positive_rate', '0.85', '0.012']);
  });

  it('an object above 1 MiB is not downloaded: the row says how large it is', async () => {
    const big = JSON.stringify({ regression_metrics: { mse: { value: 1 } }, pad: 'x'.repeat(3 * 2 ** 20) });
    const { uri, metrics } = await read('big', big);
    expect(metrics).toEqual({
      kind: 'unavailable',
      reason: 'the object is too large to read (3.0 MiB; the limit is 1.0 MiB)',
    });
    const get = suite.server.requests.last('GetObject')!;
    expect(get.status).toBe(206);
    expect(rendered(uri, metrics).cell.textContent).toContain(
      '⚠️ not read: the object is too large to read (3.0 MiB; the limit is 1.0 MiB)',
    );
  });

  it('malformed JSON, a top-level array, bytes that are not UTF-8 and an empty object each say so', async () => {
    expect((await read('bad', '{"regression_metrics": {"mse": {"value": 0.2,}')).metrics).toEqual({
      kind: 'unavailable',
      reason: 'not valid JSON',
    });
    expect((await read('array', '[1, 2]')).metrics).toEqual({
      kind: 'unavailable',
      reason: 'not a metrics report: the top level is an array, not an object of sections',
    });
    expect((await read('latin1', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))).metrics).toEqual({
      kind: 'unavailable',
      reason: 'not UTF-8 text',
    });
    // A zero-byte object has no byte 0: S3 answers the ranged read 416.
    expect((await read('empty', '')).metrics).toEqual({ kind: 'unavailable', reason: 'the object is empty' });
  });

  it('numbers only: strings and nested objects are skipped and counted, NaN as Python writes it is kept', async () => {
    const text = `{"regression_metrics": {
      "mse": {"value": NaN, "standard_deviation": Infinity},
      "r2": {"value": "0.87"},
      "note": "see \\"NaN\\" above",
      "confusion": {"value": {"0": 1}},
      "mae": {"value": -Infinity}
    }, "version": 2}`;
    const { uri, metrics } = await read('nan', text);
    expect(metrics).toEqual({
      kind: 'values',
      values: [
        { section: 'regression_metrics', name: 'mse', value: Number.NaN, std: Number.POSITIVE_INFINITY },
        { section: 'regression_metrics', name: 'mae', value: Number.NEGATIVE_INFINITY },
      ],
      skipped: 4,
    });
    expect(cellText(rendered(uri, metrics).cell)).toContain('mse NaN · mae -Infinity');
    const none = await read('strings', JSON.stringify({ regression_metrics: { r2: { value: '0.87' } } }));
    expect(none.metrics).toEqual({ kind: 'values', values: [], skipped: 1 });
    expect(rendered(none.uri, none.metrics).cell.textContent).toContain('⚠️ no metric with a numeric value');
  });

  it('denied (403) and missing objects give the reason; the read never throws', async () => {
    suite.server.script.deny = ['GetObject'];
    const denied = await read('denied', JSON.stringify(REGRESSION));
    expect(denied.metrics).toEqual({
      kind: 'unavailable',
      reason: 'access denied (the role needs s3:GetObject on it: smp iam-policy includes that)',
    });
    expect(suite.server.requests.last('GetObject')).toMatchObject({ status: 403, errorCode: 'AccessDenied' });
    suite.server.script.deny = [];
    const missing = `s3://${BUCKET}/eval/never-written/model_evaluation_metrics.json`;
    expect(await readModelMetrics(suite.clients.s3, missing)).toEqual({
      kind: 'unavailable',
      reason: 'the object does not exist (the Metrics step did not write it)',
    });
    // Without s3:ListBucket S3 answers a missing key 403, which reads as denied.
    suite.server.s3.listBucket = false;
    expect(await readModelMetrics(suite.clients.s3, missing)).toMatchObject({
      reason: expect.stringMatching(/^access denied/) as unknown as string,
    });
    expect(await readModelMetrics(suite.clients.s3, 'https://example.com/m.json')).toEqual({
      kind: 'unavailable',
      reason: 'not an s3:// object URI',
    });
  });

  it('hostile names are text: no HTML, link, mention, table break or control character of their own', async () => {
    const names = [
      '<img src=x onerror=alert(1)>',
      '[click](https://evil.example)',
      '@octo-org/admins',
      'a | b',
      '`x`',
      'line\nbreak',
      'rtl\u202egnp.exe',
    ];
    const hostile = {
      ['**section**']: Object.fromEntries(names.map((n, i) => [n, { value: i }])),
    };
    const { uri, metrics } = await read('hostile', JSON.stringify(hostile));
    const { doc, cell } = rendered(uri, metrics);
    expect(doc.querySelector('img')).toBeNull();
    // Our own bold heading only: the section name's `**` stays text.
    expect([...doc.querySelectorAll('strong')].map((b) => b.textContent)).toEqual([
      'Registered model versions',
    ]);
    // Only our own link (the S3 console) in the cell; the summary links nothing else.
    expect([...cell.querySelectorAll('a')].map((a) => (a as Element).getAttribute('href'))).toEqual([
      expect.stringMatching(/^https:\/\/s3\.console\.aws\.amazon\.com\//) as unknown as string,
    ]);
    expect(doc.querySelectorAll('table tbody tr').length).toBeGreaterThan(0);
    const details = [...doc.querySelectorAll('details')].find((d) =>
      d.querySelector('summary')?.textContent?.startsWith('All 7 metrics'),
    );
    const shown = [...(details?.querySelectorAll('tbody tr') ?? [])].map(
      (tr) => tr.querySelector('td')?.textContent,
    );
    expect(shown).toEqual([
      '<img src=x onerror=alert(1)>',
      // a word joiner inside `://` keeps GitHub from autolinking the URL
      '[click](https:\u2060//evil.example)',
      '@\u2060octo-org/admins',
      'a | b',
      '`x`',
      'line break',
      'rtl\\u202egnp.exe',
    ]);
    expect(details?.textContent).not.toMatch(/[\u202e\n]gnp/);
  });
});
