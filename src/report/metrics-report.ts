// The metrics object a Metrics step's script wrote, as the run report shows it: SageMaker's model-quality
// statistics format (`{"regression_metrics": {"mse": {"value": 0.25, "standard_deviation": 0.01}}}`). The
// object comes from the PR's own script: it is read as hostile input (size-bounded by the reader, only the three
// levels of that format are looked at, numbers only, names bounded and shown as text). Pure.
import { visible } from '../config/visible.js';

/** The most of a metrics object that is read (the reader asks S3 for this many bytes plus one). */
export const METRICS_MAX_BYTES = 1024 * 1024;
/** Metrics kept per object: the rest are counted, not shown. */
const MAX_METRICS = 100;
const MAX_NAME = 64;

export interface MetricValue {
  /** The section, e.g. `regression_metrics`. */
  readonly section: string;
  readonly name: string;
  /** NaN and ±Infinity as Python's json.dump writes them (`NaN`, `Infinity`) are kept: they are outcomes. */
  readonly value: number;
  readonly std?: number | undefined;
}

export type ModelMetrics =
  | {
      readonly kind: 'values';
      readonly values: readonly MetricValue[];
      /** Entries that were not a metric with a numeric `value` (strings, nested objects), or above the cap. */
      readonly skipped: number;
    }
  | { readonly kind: 'unavailable'; readonly reason: string };

/** Reads the bytes of a metrics object (at most METRICS_MAX_BYTES; the caller refuses larger ones). */
export function parseMetricsReport(bytes: Uint8Array): ModelMetrics {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return { kind: 'unavailable', reason: 'not UTF-8 text' };
  }
  if (text.trim() === '') return { kind: 'unavailable', reason: 'the object is empty' };
  const data = parseJson(text);
  if (data === undefined) return { kind: 'unavailable', reason: 'not valid JSON' };
  if (!isRecord(data))
    return {
      kind: 'unavailable',
      reason: `not a metrics report: the top level is ${kindOf(data)}, not an object of sections`,
    };
  const values: MetricValue[] = [];
  let skipped = 0;
  for (const [section, metrics] of Object.entries(data)) {
    if (!isRecord(metrics)) {
      skipped++;
      continue;
    }
    for (const [name, m] of Object.entries(metrics)) {
      const value = isRecord(m) ? numeric(m.value) : undefined;
      if (!isRecord(m) || value === undefined || values.length >= MAX_METRICS) {
        skipped++;
        continue;
      }
      const std = numeric(m.standard_deviation);
      values.push({
        section: label(section),
        name: label(name),
        value,
        ...(std !== undefined ? { std } : {}),
      });
    }
  }
  return { kind: 'values', values, skipped };
}

/** JSON, also as Python writes it for NaN and infinite floats (bare `NaN`, `Infinity`, `-Infinity`). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Strings are matched first so a `NaN` inside one stays text; the sentinels cannot come from a JSON string
    // a script would write by accident.
    const fixed = text.replace(
      /"(?:[^"\\]|\\.)*"|(-?)\b(NaN|Infinity)\b/g,
      (m, sign: string, word?: string) => (word ? `"\\u0000${sign}${word}"` : m),
    );
    try {
      return JSON.parse(fixed) as unknown;
    } catch {
      return undefined;
    }
  }
}

function numeric(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v === '\u0000NaN') return Number.NaN;
  if (v === '\u0000Infinity') return Number.POSITIVE_INFINITY;
  if (v === '\u0000-Infinity') return Number.NEGATIVE_INFINITY;
  return undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function kindOf(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  return `a ${typeof v}`;
}

/** A name as one bounded line of visible text (escaping for Markdown happens where it is rendered). */
function label(s: string): string {
  const v = visible(s.replace(/\s+/g, ' '));
  return v.length > MAX_NAME ? `${v.slice(0, MAX_NAME - 1)}…` : v;
}

/** A value as a reader wants it: four significant digits (`0.2513`, `1.235e-7`), `NaN`, `Infinity`. */
export function formatMetric(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return String(Number(v.toPrecision(4)));
}

/**
 * The metrics in one line: `mse 0.25 · r2 0.87` (a name is prefixed with its section only when two sections
 * share it), the first `max` of them and `· +N more`; `space` between a name and its value (a no-break space
 * keeps a pair on one line in a table cell).
 */
export function metricsLine(values: readonly MetricValue[], max = Infinity, space = ' '): string {
  const names = displayNames(values);
  const shown = values.slice(0, max).map((m, i) => `${names[i]}${space}${formatMetric(m.value)}`);
  const more = values.length - Math.min(values.length, max);
  return [...shown, ...(more > 0 ? [`+${more} more`] : [])].join(' · ');
}

/** Each metric's name as shown: `mse`, or `regression_metrics.mse` when another section has an `mse` too. */
export function displayNames(values: readonly MetricValue[]): string[] {
  const sections = new Map<string, Set<string>>();
  for (const m of values) sections.set(m.name, (sections.get(m.name) ?? new Set()).add(m.section));
  return values.map((m) => ((sections.get(m.name)?.size ?? 0) > 1 ? `${m.section}.${m.name}` : m.name));
}

/** What a metrics read gave, for the log and the CLI: the values, or why there are none. */
export function metricsText(m: ModelMetrics): string {
  if (m.kind === 'unavailable') return `metrics not read: ${m.reason}`;
  if (m.values.length === 0)
    return `metrics: none with a numeric value (expected {"<section>": {"<metric>": {"value": <number>}}})`;
  return `metrics: ${metricsLine(m.values)}${m.skipped > 0 ? ` (${m.skipped} non-numeric entr${m.skipped === 1 ? 'y' : 'ies'} skipped)` : ''}`;
}
