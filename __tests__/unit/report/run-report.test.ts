// The run report's additions: the parameter values a run used, and quality gates (read as GitHub renders
// the Markdown: parsed, not matched as text).
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import type { DefinitionStep, Value } from '../../../src/compile/types.js';
import { gateFailureText, gateOutcomes } from '../../../src/report/gates.js';
import {
  formatMetric,
  metricsLine,
  metricsText,
  parseMetricsReport,
} from '../../../src/report/metrics-report.js';
import { failedStepShown, renderRunReport } from '../../../src/report/run-report.js';
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

describe('run report: quality gates', () => {
  const message =
    'quality gate failed for churn-Register: auc=0.71 (min 0.80); recall=0.62 (min 0.5); rmse=0.9 (max ${x}) (min 0.1)';

  it('reads a gate Fail message as which thresholds failed', () => {
    expect(gateFailureText(message)).toBe('quality gate failed: auc 0.71 < 0.80');
    expect(gateFailureText('quality gate failed for r: a=0.3 (min 0.1) (max 0.2); b= (min 1)')).toBe(
      'quality gate failed: a 0.3 > 0.2, b is missing from the metrics report',
    );
    expect(gateFailureText('AlgorithmError: boom')).toBeUndefined();
    expect(gateFailureText(undefined)).toBeUndefined();
  });

  it("the failure block says a failed step's reason once, in its own words, and points at the step table", () => {
    expect(failedStepShown(message)).toBe(
      'quality gate failed: auc 0.71 < 0.80\nThe whole reason, the job and its logs: the step table above.',
    );
    const training = [
      'AlgorithmError: ExecuteUserScriptError:',
      'ExitCode 1',
      'ErrorMessage "ValueError: Input contains NaN"',
      '  File "/opt/ml/code/train.py", line 87, in <module>',
    ].join('\n');
    const shown = failedStepShown(training);
    expect(shown.split('\n')[0]).toBe('ValueError: Input contains NaN');
    expect(shown).not.toContain('train.py');
  });

  it('finds each gate of a definition and what happened to it', () => {
    const register = (name: string): DefinitionStep => ({
      Name: name,
      Type: 'RegisterModel',
      Arguments: { ModelPackageGroupName: `g-${name}` },
    });
    const gate = (name: string): DefinitionStep => ({
      Name: `${name}-QualityGate`,
      Type: 'Condition',
      Arguments: {
        Conditions: [],
        IfSteps: [register(name)] as unknown as Value[],
        ElseSteps: [{ Name: `${name}-QualityGateFailed`, Type: 'Fail', Arguments: {} }] as unknown as Value[],
      },
    });
    const def = { Steps: [gate('a'), gate('b'), gate('c')] };
    const st = (name: string, status: string, failureReason?: string) => ({ name, status, failureReason });
    expect(
      gateOutcomes(def, [
        st('a-QualityGate', 'Succeeded'),
        st('a', 'Succeeded'),
        st('b-QualityGate', 'Succeeded'),
        st('b-QualityGateFailed', 'Failed', message),
      ]),
    ).toEqual([
      { register: 'a', group: 'g-a', result: 'passed', reason: undefined },
      { register: 'b', group: 'g-b', result: 'failed', reason: 'quality gate failed: auc 0.71 < 0.80' },
      { register: 'c', group: 'g-c', result: 'not run', reason: undefined },
    ]);
  });

  it('the step table shows the failed threshold; the registered table says not registered: gate failed', () => {
    const t = new Date('2026-12-01T00:00:00Z');
    const md = renderRunReport({
      executionArn: 'arn:x',
      outcome: 'Failed',
      failureReason: 'quality gate failed: auc 0.71 < 0.80',
      steps: [
        {
          name: 'churn-Register-QualityGate',
          status: 'Succeeded',
          startTime: t,
          endTime: t,
          failureReason: undefined,
          cacheSource: undefined,
          conditionOutcome: 'False',
        },
        {
          name: 'churn-Register-QualityGateFailed',
          status: 'Failed',
          startTime: t,
          endTime: t,
          failureReason: message,
          cacheSource: undefined,
        },
      ],
      models: [],
      gates: [
        {
          register: 'churn-Register',
          group: 'churn-nightly-churn',
          result: 'failed',
          reason: 'quality gate failed: auc 0.71 < 0.80',
        },
      ],
    });
    expect(cells(md, 'step')).toEqual([
      ['churn-Register-QualityGate', '✅\u00a0Succeeded', '0s', 'quality gate not passed'],
      ['churn-Register-QualityGateFailed', '❌\u00a0Failed', '0s', 'quality gate failed: auc 0.71 < 0.80'],
    ]);
    expect(cells(md, 'group')).toEqual([
      ['churn-nightly-churn', '—', 'not registered: gate failed', 'auc 0.71 < 0.80'],
    ]);
  });
});

describe('run report: metric values', () => {
  const bytes = (v: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(v));

  it('four significant digits; a name shared by two sections carries its section', () => {
    expect([0.25, 0.871234, 12345.678, 1.23456e-7, -0.5, 3].map(formatMetric)).toEqual([
      '0.25',
      '0.8712',
      '12350',
      '1.235e-7',
      '-0.5',
      '3',
    ]);
    const m = parseMetricsReport(
      bytes({
        regression_metrics: { mse: { value: 0.25 }, r2: { value: 0.87 } },
        holdout_metrics: { mse: { value: 0.31 } },
      }),
    );
    if (m.kind !== 'values') throw new Error(m.reason);
    expect(metricsLine(m.values)).toBe('regression_metrics.mse 0.25 · r2 0.87 · holdout_metrics.mse 0.31');
    expect(metricsLine(m.values, 2)).toBe('regression_metrics.mse 0.25 · r2 0.87 · +1 more');
    expect(metricsText(m)).toBe(`metrics: ${metricsLine(m.values)}`);
  });

  it('bounded: at most 100 metrics kept (the rest counted), names cut at 64 characters', () => {
    const m = parseMetricsReport(
      bytes({
        s: Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`m${i}`, { value: i }])),
        t: { ['n'.repeat(200)]: { value: 1 } },
      }),
    );
    if (m.kind !== 'values') throw new Error(m.reason);
    expect(m.values.length).toBe(100);
    expect(m.skipped).toBe(51);
    expect(metricsText(m)).toMatch(/ \(51 non-numeric entries skipped\)$/);
    const long = parseMetricsReport(bytes({ t: { ['n'.repeat(200)]: { value: 1 } } }));
    expect(long.kind === 'values' && long.values[0]?.name).toBe(`${'n'.repeat(63)}…`);
  });

  it('the log line says why there are no values', () => {
    expect(metricsText({ kind: 'unavailable', reason: 'not valid JSON' })).toBe(
      'metrics not read: not valid JSON',
    );
    expect(metricsText({ kind: 'values', values: [], skipped: 2 })).toMatch(
      /^metrics: none with a numeric value/,
    );
  });
});

describe('run report: model versions a scoring run used', () => {
  it('names model, group, version (ARN on hover) and approval; the full ARN only in Full ARNs', () => {
    const arn = 'arn:aws:sagemaker:us-east-1:123456789012:model-package/churn-nightly-churn/12';
    const md = renderRunReport({
      executionArn: 'arn:aws:sagemaker:us-east-1:1:pipeline/p/execution/e',
      scored: [
        {
          model: 'churn',
          group: 'churn-nightly-churn',
          version: 12,
          approvalStatus: 'Approved',
          createdAt: '2026-11-30T08:00:00Z',
          arn,
        },
      ],
    });
    expect(cells(md, 'model')).toEqual([['churn', 'churn-nightly-churn', 'v12', 'Approved', '2026-11-30']]);
    const doc = parseHtml(marked.parse(md, { gfm: true, async: false }));
    const full = [...doc.querySelectorAll('details li')].map((li) => li.textContent);
    expect(full).toContain(`scored with churn-nightly-churn v12: ${arn}`);
    expect(md).toContain(`<span title="${arn}">v12</span>`);
  });
});
