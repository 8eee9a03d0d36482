// The source map reaches past resources and images (issue 12, item 4): a change to a data input or output, a
// training channel, a training environment, a Metrics, Transform, CreateModel or RegisterModel field is named in
// the comment's table and in the text diff by the config key the author edited and its file:line — never by a
// definition path. Each case edits one key of the full unit's config; the expected line is found in the text
// the case wrote, the expected values are what the config says.
import { marked } from 'marked';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAndCompile } from '../../../src/app/compile-project.js';
import type { Plan } from '../../../src/compile/types.js';
import { formatDiagnostic } from '../../../src/config/diagnostics.js';
import { buildPlanView } from '../../../src/plan/view.js';
import { renderPlanComment } from '../../../src/report/plan-comment.js';
import { planText } from '../../../src/report/plan-text.js';
import { fullUnitFiles, TEST_ENV } from '../../helpers/workspace.js';
import { cleanupWorkspaces, parseHtml, workspace } from './helpers.js';

afterAll(cleanupWorkspaces);

const CONF = 'm/conf/conf.yaml';
const BASE = fullUnitFiles()[CONF]!;

function compile(conf: string): Plan {
  const r = loadAndCompile({
    // fit.py: a second training script, for the entry point case (present on both sides).
    workspace: workspace({ ...fullUnitFiles(), 'm/src/fit.py': 'print("fit")\n', [CONF]: conf }),
    globs: ['*/conf/*.yaml'],
    env: TEST_ENV,
    allowPlaceholders: false,
  });
  if (!r.plan) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
  return r.plan;
}

/** `text` with `line` inserted after the first line containing `after` (same indentation + `indent`). */
function insertAfter(text: string, after: string, line: string, indent = ''): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(after));
  if (i < 0) throw new Error(`no line with ${after}`);
  const pad = /^\s*/.exec(lines[i]!)![0] + indent;
  lines.splice(i + 1, 0, ...line.split('\n').map((l) => pad + l));
  return lines.join('\n');
}

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`no ${from}`);
  return text.replace(from, to);
}

/** 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line with ${needle}`);
  return i + 1;
}

/** The table's rows as cell texts (word joiners removed), and the text diff's lines. */
function rendered(before: string, after: string): { rows: string[][]; text: string[] } {
  const deployed = compile(before).definition;
  const view = buildPlanView(compile(after), { state: 'read', definition: deployed });
  const doc = parseHtml(
    `<!doctype html><html><body>${marked.parse(renderPlanComment(view), { gfm: true, async: false })}</body></html>`,
  );
  const table = doc.querySelector('table');
  const rows = table
    ? [...table.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\u2060/g, '')),
      )
    : [];
  return { rows, text: planText(view).split('\n') };
}

/** The "what changed" lines of the row of `step` (the cell joins them with <br>, textContent drops it). */
function rowOf(rows: string[][], step: string): string {
  const row = rows.find((r) => r[0]?.endsWith(` ${step}`));
  if (!row) throw new Error(`no row for ${step} in ${JSON.stringify(rows)}`);
  return row[2] ?? '';
}

interface Case {
  readonly what: string;
  /** The deployed config (default: the unit as is). */
  readonly before?: string;
  readonly after: string;
  readonly step: string;
  readonly key: string;
  /** Text on the line the key is written on, in `after`. */
  readonly at: string;
  /** `old → new` as the row shows it (or a kind: "added (details below)"). */
  readonly change: string;
}

const withEnv = (value: string): string =>
  insertAfter(BASE, 'entry_point: train.py', `env:\n  MODE: ${value}`);

const withGate = (max: string): string =>
  insertAfter(
    BASE,
    'step_class: RegisterModel',
    `quality_gate:\n  - metric: regression_metrics.mse.value\n    max: ${max}`,
  );

const CASES: readonly Case[] = [
  {
    what: 'a processing input: the data file URI',
    after: replaceOnce(BASE, 's3://SMP_S3BUCKETNAME/raw/data.csv', 's3://SMP_S3BUCKETNAME/raw/data-v2.csv'),
    step: 'prep',
    key: 'preprocess.channels.train.dataFiles[0].fileName',
    at: 'data-v2.csv',
    change: 's3://example-bucket/raw/data.csv → s3://example-bucket/raw/data-v2.csv',
  },
  {
    what: "a processing input's mode (a section key every input uses)",
    after: insertAfter(BASE, 'entry_point: prep.py', 's3_input_mode: Pipe'),
    step: 'prep',
    key: 'preprocess.s3_input_mode',
    at: 's3_input_mode: Pipe',
    change: 'File → Pipe',
  },
  {
    what: 'a processing output: its upload mode',
    after: insertAfter(BASE, 'entry_point: prep.py', 's3_upload_mode: Continuous'),
    step: 'prep',
    key: 'preprocess.s3_upload_mode',
    at: 's3_upload_mode: Continuous',
    change: 'EndOfJob → Continuous',
  },
  {
    what: 'a processing output: its container folder (location.outputLocalFilepath)',
    after: insertAfter(
      BASE,
      'entry_point: prep.py',
      'location:\n  outputLocalFilepath: /opt/ml/processing/out',
    ),
    step: 'prep',
    key: 'preprocess.location.outputLocalFilepath',
    at: 'outputLocalFilepath: /opt/ml/processing/out',
    change: '/opt/ml/processing/output/train → /opt/ml/processing/out/train',
  },
  {
    what: 'a new processing data file: the whole input is the config item',
    after: replaceOnce(
      BASE,
      '                fileName: s3://SMP_S3BUCKETNAME/raw/data.csv',
      '                fileName: s3://SMP_S3BUCKETNAME/raw/data.csv\n              - sourceName: extra\n                fileName: s3://SMP_S3BUCKETNAME/raw/extra.csv',
    ),
    step: 'prep',
    key: 'preprocess.channels.train.dataFiles[1]',
    at: 'extra.csv',
    change: 'added (details below)',
  },
  {
    what: 'a training input channel: its distribution',
    after: insertAfter(BASE, 'entry_point: train.py', 's3_data_distribution_type: ShardedByS3Key'),
    step: 'train',
    key: 'train.s3_data_distribution_type',
    at: 's3_data_distribution_type: ShardedByS3Key',
    change: 'FullyReplicated → ShardedByS3Key',
  },
  {
    what: 'a training input channel: its content type',
    after: insertAfter(BASE, 'entry_point: train.py', 'content_type: text/csv'),
    step: 'train',
    key: 'train.content_type',
    at: 'content_type: text/csv',
    change: '∅ → text/csv',
  },
  {
    what: 'the training environment: one variable (value hidden)',
    before: withEnv('fast'),
    after: withEnv('slow'),
    step: 'train',
    key: 'train.env.MODE',
    at: 'MODE: slow',
    change: 'changed (value hidden)',
  },
  {
    what: 'the training entry point (sagemaker_program)',
    after: replaceOnce(BASE, 'entry_point: train.py', 'entry_point: fit.py'),
    step: 'train',
    key: 'train.entry_point',
    at: 'entry_point: fit.py',
    change: '"train.py" → "fit.py"',
  },
  {
    what: 'a Metrics step: its runtime (evaluate spells it max_runtime_in_seconds)',
    after: insertAfter(BASE, 'entry_point: evaluate.py', 'max_runtime_in_seconds: 7200'),
    step: 'metrics',
    key: 'evaluate.max_runtime_in_seconds',
    at: 'max_runtime_in_seconds: 7200',
    change: '3600 → 7200',
  },
  {
    what: "a Metrics step: its chained inputs' data type",
    after: insertAfter(BASE, 'entry_point: evaluate.py', 's3_data_type: ManifestFile'),
    step: 'metrics',
    key: 'evaluate.s3_data_type',
    at: 's3_data_type: ManifestFile',
    change: 'S3Prefix → ManifestFile',
  },
  {
    what: 'a Transform input: the prefix joined to the chained output',
    after: replaceOnce(
      BASE,
      'chain_input_additional_prefix: test/x.csv',
      'chain_input_additional_prefix: test/y.csv',
    ),
    step: 'transform',
    key: 'transform.chain_input_additional_prefix',
    at: 'test/y.csv',
    change: 'changed (details below)',
  },
  {
    what: 'a Transform output: Accept follows content_type',
    after: insertAfter(BASE, 'entry_point: inference.py', 'content_type: application/json'),
    step: 'transform',
    key: 'transform.content_type',
    at: 'content_type: application/json',
    change: 'text/csv → application/json',
  },
  {
    what: 'a Transform input: its split type',
    after: insertAfter(BASE, 'entry_point: inference.py', 'split_type: Line'),
    step: 'transform',
    key: 'transform.split_type',
    at: 'split_type: Line',
    change: '∅ → Line',
  },
  {
    what: 'CreateModel: the inference image',
    after: replaceOnce(BASE, 'image_uri: inf:1', 'image_uri: inf:2'),
    step: 'create',
    key: 'registry.InferenceSpecification.image_uri',
    at: 'image_uri: inf:2',
    change: 'inf:1 → inf:2',
  },
  {
    what: 'RegisterModel: the approval status',
    after: insertAfter(BASE, 'image_uri: inf:1', 'approval_status: Approved'),
    step: 'register',
    key: 'registry.InferenceSpecification.approval_status',
    at: 'approval_status: Approved',
    change: 'PendingManualApproval → Approved',
  },
  {
    what: 'RegisterModel: the model package group',
    after: insertAfter(BASE, 'ModelRepack: "False"', 'ModelPackageGroupName: churn-models'),
    step: 'register',
    key: 'registry.ModelPackageGroupName',
    at: 'ModelPackageGroupName: churn-models',
    change: 'p-test-m → churn-models',
  },
  {
    what: 'RegisterModel: the content types (a list; the row names the list)',
    after: insertAfter(BASE, 'image_uri: inf:1', 'supported_content_types: [application/json]'),
    step: 'register',
    key: 'registry.InferenceSpecification.supported_content_types',
    at: 'supported_content_types',
    change: 'text/csv → application/json',
  },
  {
    what: 'RegisterModel: the transform instance types',
    after: insertAfter(BASE, 'image_uri: inf:1', 'SupportedTransformInstanceTypes:\n  - ml.c5.xlarge'),
    step: 'register',
    key: 'registry.InferenceSpecification.SupportedTransformInstanceTypes',
    at: '- ml.c5.xlarge',
    change: 'ml.m5.2xlarge → ml.c5.xlarge',
  },
  {
    what: "RegisterModel: model metrics, there because the unit's Metrics step is new",
    before: replaceOnce(
      replaceOnce(
        BASE,
        '          - step_name: metrics\n            step_class: Metrics\n            chain_input_source_step: [prep, transform]\n',
        '',
      ),
      'transform >> metrics >> register',
      'transform >> register',
    ),
    after: BASE,
    step: 'register',
    key: 'metrics',
    at: 'step_name: metrics',
    change: 'added (details below)',
  },
  {
    what: 'a quality gate threshold: the gate and its Fail message',
    before: withGate('0.5'),
    after: withGate('0.4'),
    step: 'register-QualityGate',
    key: 'register.quality_gate',
    at: 'quality_gate:',
    change: '0.5 → 0.4',
  },
  {
    what: 'a quality gate threshold: the Fail step names it too',
    before: withGate('0.5'),
    after: withGate('0.4'),
    step: 'register-QualityGateFailed',
    key: 'register.quality_gate',
    at: 'quality_gate:',
    change: 'changed (details below)',
  },
  {
    what: "RegisterModel: the metrics' content type (the evaluate section's)",
    after: insertAfter(BASE, 'entry_point: evaluate.py', 'content_type: text/plain'),
    step: 'register',
    key: 'evaluate.content_type',
    at: 'content_type: text/plain',
    change: 'application/json → text/plain',
  },
];

describe('a changed field is named by the config key and line that produced it', () => {
  it.each(CASES.map((c) => [c.what, c] as const))('%s', (_, c) => {
    expect(c.after).not.toBe(c.before ?? BASE);
    const { rows, text } = rendered(c.before ?? BASE, c.after);
    const line = lineOf(c.after, c.at);
    const named = `${c.key} at ${CONF}:${line}: ${c.change}`;
    // The Markdown row (GFM-rendered) and the text diff say the same thing.
    expect(rowOf(rows, c.step)).toContain(named);
    const entry = text.findIndex((l) => l.startsWith(`~ ${c.step} (`));
    expect(entry).toBeGreaterThanOrEqual(0);
    const end = text.findIndex((l, i) => i > entry && !l.startsWith('    '));
    const below = text.slice(entry + 1, end < 0 ? undefined : end);
    // The text has no details block: a long value is printed there in full.
    if (c.change.includes('(details below)'))
      expect(below.some((l) => l.startsWith(`    ${c.key} at ${CONF}:${line}: `))).toBe(true);
    else expect(below).toContain(`    ${named}`);
    // No definition path where a config key made the field.
    expect(rowOf(rows, c.step)).not.toMatch(/Arguments\./);
  });
});
