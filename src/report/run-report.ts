// Markdown for what a deploy/run did: the pipeline change, the execution with its steps, the registered models.
// Pure: takes plain data (no SDK types), returns strings.
import { formatBytes } from '../plan/summary.js';
import { formatDuration } from './duration.js';
import { htmlText, mdCode, mdFence, mdText } from './escape.js';
import { GATE_SUFFIX } from '../compile/steps/condition.js';
import { gateFailureText } from './gates.js';
import { displayNames, formatMetric, metricsLine } from './metrics-report.js';
import type { ModelMetrics } from './metrics-report.js';

export interface StepRow {
  readonly name: string;
  readonly status: string;
  readonly startTime: Date | undefined;
  readonly endTime: Date | undefined;
  readonly failureReason: string | undefined;
  readonly cacheSource: string | undefined;
  /** A Condition step's outcome (`True`/`False`): for a quality gate, whether it passed. */
  readonly conditionOutcome?: string | undefined;
  /** The job's console page and CloudWatch logs, when the step ran a job. */
  readonly links?: { readonly console: string; readonly logs: string } | undefined;
}

export interface ModelRow {
  readonly group: string;
  readonly version: number | undefined;
  readonly approvalStatus: string;
  readonly arn: string;
  readonly metricsUri: string | undefined;
  /** The model package group in the SageMaker console. */
  readonly registryLink?: string | undefined;
  /** The values in the metrics object, or why they could not be read. */
  readonly metrics?: ModelMetrics | undefined;
}

export interface ScoredRow {
  readonly model: string;
  readonly group: string;
  readonly version: number;
  readonly approvalStatus: string;
  readonly createdAt: string;
  readonly arn: string;
}

export interface RunReport {
  readonly pipelineArn?: string | undefined;
  readonly action?: 'created' | 'updated' | 'unchanged' | undefined;
  readonly uploaded?:
    { readonly count: number; readonly bytes: number; readonly skipped: number } | undefined;
  readonly executionArn?: string | undefined;
  readonly executionLink?: string | undefined;
  readonly attached?: boolean | undefined;
  readonly outcome?: string | undefined;
  readonly failureReason?: string | undefined;
  readonly steps?: readonly StepRow[] | undefined;
  /** The planned DAG coloured and badged by run status (plan/dag.ts runDag), drawn above the step table. */
  readonly dag?: string | undefined;
  /** Every step of the planned definition, in order: the ones the execution never reached are "not run". */
  readonly plannedSteps?: readonly string[] | undefined;
  readonly models?: readonly ModelRow[] | undefined;
  /** The model package version each scoring unit ran with. */
  readonly scored?: readonly ScoredRow[] | undefined;
  /** What deploy did to the schedule (absent: there is none and was none). */
  readonly schedule?: { readonly name: string; readonly outcome: string } | undefined;
  readonly cancelled?: { readonly stillRunning: boolean } | undefined;
  /** Quality gates and what happened to each (a failed one registers nothing). */
  readonly gates?: readonly GateRow[] | undefined;
  /** The parameter values the execution was started with (given, or the default). */
  readonly parameters?: readonly ParameterRow[] | undefined;
}

export interface GateRow {
  readonly register: string;
  readonly group: string;
  readonly result: 'passed' | 'failed' | 'not run';
  readonly reason: string | undefined;
}

export interface ParameterRow {
  readonly name: string;
  readonly value: string;
  readonly source: 'run' | 'default';
}

function duration(s: StepRow, now: number): string {
  return s.startTime ? formatDuration((s.endTime?.getTime() ?? now) - s.startTime.getTime()) : '';
}

const ICON: Record<string, string> = {
  Succeeded: '✅',
  Failed: '❌',
  Stopped: '⏹️',
  Stopping: '⏹️',
  Executing: '⏳',
  Starting: '⏳',
  'not run': '⚪',
};

export function renderRunReport(r: RunReport, now = Date.now()): string {
  const out: string[] = [];
  if (r.action) {
    // Each line its own paragraph: a single newline would join them into one line in a job summary.
    out.push(`**Pipeline ${r.action}**${r.pipelineArn ? ` ${shortArn(r.pipelineArn)}` : ''}`, '');
    if (r.uploaded)
      out.push(
        `Code: ${r.uploaded.count} object${r.uploaded.count === 1 ? '' : 's'} uploaded (${formatBytes(r.uploaded.bytes)}), ${r.uploaded.skipped} already in S3.`,
        '',
      );
  }
  if (r.schedule) {
    out.push(`**Schedule** ${mdCode(r.schedule.name)}: ${mdText(r.schedule.outcome)}`, '');
  }
  if (r.executionArn) {
    const link = r.executionLink ? ` ([open in SageMaker](${r.executionLink}))` : '';
    out.push(
      `**Execution** ${shortArn(r.executionArn)}${link}${r.attached ? ' (attached: this run had already started it)' : ''}`,
      '',
    );
    if (r.outcome)
      out.push(
        `Status: **${mdText(r.outcome)}**${r.failureReason ? `: ${mdText(r.failureReason)}` : ''}`,
        '',
      );
  }
  out.push(...parameterTable(r.parameters));
  if (r.scored && r.scored.length > 0) {
    out.push(
      '**Scored with**',
      '',
      '| model | group | version | approval | registered |',
      '|---|---|---|---|---|',
    );
    // The version's ARN on hover and in Full ARNs: in a column it wraps over several lines.
    for (const s of r.scored)
      out.push(
        `| ${mdCode(s.model)} | ${mdCode(s.group)} | <span title="${htmlText(s.arn)}">v${s.version}</span> | ${mdText(s.approvalStatus)} | ${s.createdAt.slice(0, 10)} |`,
      );
    out.push('');
  }
  if (r.cancelled) {
    out.push(
      r.cancelled.stillRunning
        ? `> [!WARNING]\n> The job was cancelled; the execution is **still running**: ${mdCode(r.executionArn ?? '')}`
        : '> [!NOTE]\n> The job was cancelled; the execution was asked to stop.',
      '',
    );
  }
  const steps = allSteps(r);
  if (r.dag && steps.length > 0) out.push(mdFence(r.dag.trimEnd(), 'mermaid', true), '');
  if (steps.length > 0) {
    out.push('| step | status | duration | notes |', '|---|---|---|---|');
    for (const s of steps) {
      const notes = [
        ...(s.failureReason ? [lines(gateFailureText(s.failureReason) ?? s.failureReason)] : []),
        ...(s.cacheSource ? [`cache hit: ${shortArn(s.cacheSource)}`] : []),
        ...(s.conditionOutcome && s.name.endsWith(GATE_SUFFIX)
          ? [s.conditionOutcome === 'True' ? 'quality gate passed' : 'quality gate not passed']
          : []),
        ...(s.links && s.status === 'Failed' ? [`[job](${s.links.console}) · [logs](${s.links.logs})`] : []),
      ].join('<br>');
      out.push(
        `| ${mdCode(s.name)} | ${ICON[s.status] ? `${ICON[s.status]}&nbsp;` : ''}${mdText(s.status)} | ${duration(s, now)} | ${notes} |`,
      );
    }
    out.push('');
  }
  const blocked = (r.gates ?? []).filter((g) => g.result === 'failed');
  if ((r.models && r.models.length > 0) || blocked.length > 0) {
    out.push(
      '**Registered model versions**',
      '',
      '| group | version | approval | metrics |',
      '|---|---|---|---|',
    );
    // No ARN column: group and version name the package (its ARN is in "Full ARNs" and on hover).
    for (const m of r.models ?? []) {
      const group = m.registryLink ? `[${mdCode(m.group)}](${m.registryLink})` : mdCode(m.group);
      const version = `<span title="${htmlText(m.arn)}">${m.version ?? '?'}</span>`;
      out.push(`| ${group} | ${version} | ${mdText(m.approvalStatus)} | ${metricsCell(m)} |`);
    }
    out.push(...blocked.map(gateRow));
    out.push('');
    for (const m of r.models ?? []) out.push(...metricsDetails(m));
  }
  const arns = [
    ...(r.pipelineArn ? [['pipeline', r.pipelineArn]] : []),
    ...(r.executionArn ? [['execution', r.executionArn]] : []),
    ...(r.models ?? []).map((m) => [`model package ${m.group} v${m.version ?? '?'}`, m.arn]),
    ...(r.scored ?? []).map((m) => [`scored with ${m.group} v${m.version}`, m.arn]),
  ];
  if (arns.length > 0) {
    out.push(`<details><summary>Full ARNs</summary>`, '');
    for (const [what, arn] of arns) out.push(`- ${mdText(what ?? '')}: ${mdCode(arn ?? '', false)}`);
    out.push('', '</details>', '');
  }
  return out.join('\n');
}

/** Metrics shown in the registered-versions cell; more than this many get a details block under the table. */
const CELL_METRICS = 4;

/** `mse 0.2513 · r2 0.8712` and the object's link; or why the values are not there. */
function metricsCell(m: ModelRow): string {
  const link = m.metricsUri ? metricsLink(m.metricsUri) : '';
  const metrics = m.metrics;
  if (!metrics) return link || '—';
  const text =
    metrics.kind === 'unavailable'
      ? `⚠️ not read: ${mdText(metrics.reason)}`
      : metrics.values.length === 0
        ? '⚠️ no metric with a numeric value'
        : mdText(metricsLine(metrics.values, CELL_METRICS, '\u00a0'));
  return [text, link].filter((x) => x !== '').join('<br>');
}

/** Every metric of a version with many, and its standard deviation, in a collapsed table. */
function metricsDetails(m: ModelRow): string[] {
  const metrics = m.metrics;
  if (metrics?.kind !== 'values' || metrics.values.length <= CELL_METRICS) return [];
  const names = displayNames(metrics.values);
  return [
    `<details><summary>All ${metrics.values.length} metrics of <code>${htmlText(m.group)}</code> v${m.version ?? '?'}</summary>`,
    '',
    '| metric | value | standard deviation |',
    '|---|---|---|',
    ...metrics.values.map(
      (v, i) =>
        `| ${mdText(names[i] ?? v.name)} | ${formatMetric(v.value)} | ${v.std !== undefined ? formatMetric(v.std) : ''} |`,
    ),
    ...(metrics.skipped > 0
      ? ['', `${metrics.skipped} non-numeric entr${metrics.skipped === 1 ? 'y' : 'ies'} not shown.`]
      : []),
    '',
    '</details>',
    '',
  ];
}

/** A version the gate kept out of the registry: the group, and which threshold failed. */
function gateRow(g: GateRow): string {
  const why = g.reason?.replace(/^quality gate failed: /, '') ?? '';
  return `| ${mdCode(g.group || g.register)} | — | **not registered: gate failed** | ${mdText(why)} |`;
}

/** The values the run used, so a summary says what it ran with. */
function parameterTable(rows: readonly ParameterRow[] | undefined): string[] {
  if (!rows || rows.length === 0) return [];
  return [
    '**Parameters**',
    '',
    '| parameter | value | source |',
    '|---|---|---|',
    ...rows.map(
      (p) =>
        `| ${mdCode(p.name)} | ${mdCode(p.value)} | ${p.source === 'default' ? 'default' : 'set for this run'} |`,
    ),
    '',
  ];
}

/** The executed steps, then every planned step the execution never reached as "not run" (definition order). */
function allSteps(r: RunReport): StepRow[] {
  const ran = [...(r.steps ?? [])];
  const seen = new Set(ran.map((s) => s.name));
  for (const name of r.plannedSteps ?? []) {
    if (seen.has(name)) continue;
    ran.push({
      name,
      status: 'not run',
      startTime: undefined,
      endTime: undefined,
      failureReason: undefined,
      cacheSource: undefined,
    });
  }
  if (!r.plannedSteps) return ran;
  const order = new Map(r.plannedSteps.map((n, i) => [n, i]));
  return ran.sort((a, b) => (order.get(a.name) ?? Infinity) - (order.get(b.name) ?? Infinity));
}

/** A multi-line message in one cell or paragraph: each line kept (a single newline would join them). */
function lines(text: string): string {
  return text.split(/\r?\n/).map(indented).join('<br>');
}

/** A line as text, its leading spaces kept (a traceback's indentation) as no-break spaces. */
function indented(line: string): string {
  const lead = /^ */.exec(line)?.[0].length ?? 0;
  return `${'&nbsp;'.repeat(lead)}${mdText(line.slice(lead))}`;
}

/** An ARN as its readable tail (`pipeline/churn/execution/abc123` → `execution abc123`), the full one on hover. */
export function shortArn(arn: string): string {
  const m = /^arn:[^:]+:[^:]+:[^:]*:[^:]*:(.+)$/.exec(arn);
  const resource = m?.[1] ?? arn;
  const tail = resource.split('/').slice(-2).join('/');
  return `<code title="${htmlText(arn)}">${htmlText(tail.length < resource.length ? `…/${tail}` : resource)}</code>`;
}

/**
 * The outcome in one line, first in the job summary: `❌ Failed at \`train\` after 29m12s: ValueError …` with
 * the failed job's console and log links; undefined when no execution was followed.
 */
export function runOutcome(r: RunReport, now = Date.now()): string | undefined {
  if (!r.outcome || !r.executionArn) return undefined;
  const steps = r.steps ?? [];
  const starts = steps.flatMap((s) => (s.startTime ? [s.startTime.getTime()] : []));
  const ends = steps.flatMap((s) => (s.endTime ? [s.endTime.getTime()] : []));
  const took = starts.length
    ? ` after ${formatDuration((ends.length ? Math.max(...ends) : now) - Math.min(...starts))}`
    : '';
  const failed = steps.find((s) => s.status === 'Failed');
  const first = (t: string | undefined): string => mdText(reasonHeadline(t ?? ''));
  switch (r.outcome) {
    case 'Succeeded': {
      const models = (r.models ?? []).map((m) => `${mdCode(m.group, false)} v${m.version ?? '?'}`);
      return `✅ Succeeded${took.replace('after', 'in')}${models.length ? `: registered ${models.join(', ')}` : ''}`;
    }
    case 'Failed': {
      if (!failed) return `❌ Failed${took}${r.failureReason ? `: ${first(r.failureReason)}` : ''}`;
      const links = failed.links ? ` ([job](${failed.links.console}) · [logs](${failed.links.logs}))` : '';
      return `❌ Failed at ${mdCode(failed.name, false)}${took}: ${first(failed.failureReason ?? r.failureReason)}${links}`;
    }
    case 'TimedOut':
      return `⏱️ Timed out${took}: still running ${
        steps
          .filter((s) => s.status === 'Executing' || s.status === 'Starting')
          .map((s) => mdCode(s.name, false))
          .join(', ') || 'the execution'
      }`;
    case 'Cancelled':
      return `⏹️ Cancelled${took}`;
    case 'Stopped':
      return `⏹️ Stopped${took}`;
    default:
      return '⏳ Deployed and started (not waited for)';
  }
}

/** A class-only line such as `AlgorithmError: ExecuteUserScriptError:` names the error, not what went wrong. */
const CLASS_ONLY = /^(?:[A-Za-z_][\w.]*(?:Error|Exception)\s*:?\s*)+$/;
const EXCEPTION = /^[A-Za-z_][\w.]*(?:Error|Exception|Interrupt|Exit)\s*:\s*\S/;
const HEADLINE_MAX = 200;

/**
 * The line of a failure message that says what went wrong: a training job's is several lines (`AlgorithmError:
 * ExecuteUserScriptError:`, `ExitCode 1`, `ErrorMessage "ValueError: …"`, the traceback): the last exception
 * line with a message, else the first line that is more than class names; cut at 200 characters.
 */
export function reasonHeadline(message: string): string {
  const lines = message
    .split(/\r?\n/)
    .map((l) =>
      l
        .trim()
        .replace(/^ErrorMessage\s+"?/, '')
        .replace(/"$/, '')
        .trim(),
    )
    .filter((l) => l !== '');
  const line =
    lines.filter((l) => EXCEPTION.test(l) && !CLASS_ONLY.test(l)).at(-1) ??
    lines.find((l) => !CLASS_ONLY.test(l)) ??
    lines[0] ??
    '';
  return line.length > HEADLINE_MAX ? `${line.slice(0, HEADLINE_MAX - 1)}…` : line;
}

/** The metrics object as a link to the S3 console (when it is a plain s3:// URI), else as code. */
export function metricsLink(uri: string): string {
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\/(.+)$/.exec(uri);
  if (!m) return mdCode(uri);
  const [, bucket = '', key = ''] = m;
  const href = `https://s3.console.aws.amazon.com/s3/object/${bucket}?prefix=${encodeURIComponent(key)}`;
  return `[${mdText(key.split('/').pop() ?? key)}](${href})`;
}

/** A failure in the same comment/summary: one clear message, no stack; each line stays a line. */
/**
 * The failure block's text for a failed step whose whole reason, job and log links the step table above it
 * already shows: the reason once (a quality gate's own words, else the exception line), and where the rest is.
 */
export function failedStepShown(reason: string): string {
  return `${gateFailureText(reason) ?? reasonHeadline(reason)}\nThe whole reason, the job and its logs: the step table above.`;
}

export function renderFailure(title: string, message: string): string {
  return `> [!CAUTION]\n> **${mdText(title)}**\n>\n${message
    .split('\n')
    .map((l) => `> ${indented(l)}<br>`)
    .join('\n')
    .replace(/<br>$/, '')}\n`;
}
