// Builders for pipeline expressions and S3 URIs, so step modules never spell JSON paths by hand.
import { PyFloat } from '../config/types.js';
import type { Expression, Value } from './types.js';

export const get = (path: string): Expression => ({ Get: path });

export const join = (on: string, values: readonly Value[]): Expression => ({
  'Std:Join': { On: on, Values: values },
});

export const EXECUTION_ID = get('Execution.PipelineExecutionId');
export const EXECUTION_ARN = get('Execution.PipelineExecutionArn');

/** `Outputs['train']`-style key, escaped as the SDK writes it. */
function key(name: string): string {
  return `['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

export const processingOutputUri = (step: string, output: string): Expression =>
  get(`Steps.${step}.ProcessingOutputConfig.Outputs${key(output)}.S3Output.S3Uri`);
export const modelArtifacts = (step: string): Expression =>
  get(`Steps.${step}.ModelArtifacts.S3ModelArtifacts`);
export const transformOutput = (step: string): Expression =>
  get(`Steps.${step}.TransformOutput.S3OutputPath`);
export const modelName = (step: string): Expression => get(`Steps.${step}.ModelName`);

export function isExpression(v: unknown): v is Expression {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    (Object.keys(v).join() === 'Get' ||
      Object.keys(v).join() === 'Std:Join' ||
      Object.keys(v).join() === 'Std:JsonGet')
  );
}

/** `s3://bucket/a/b`, dropping empty segments and doubled slashes (as the SDK's s3_path_join). */
export function s3Uri(bucket: string, ...parts: readonly (string | undefined)[]): string {
  const segs = parts.flatMap((p) => (p ?? '').split('/')).filter((s) => s !== '');
  // A trailing slash on the last part is meaningful in S3 (the prefix `validation/` is not `validation_old`).
  const last = [...parts].reverse().find((p) => p !== undefined && p !== '');
  return `s3://${[bucket, ...segs].join('/')}${last?.endsWith('/') && segs.length > 0 ? '/' : ''}`;
}

/** `s3://bucket/prefix/<ExecutionId>/step/...` built at run time, as the SDK does for generated outputs. */
export function executionScoped(bucket: string, pipeline: string, ...tail: string[]): Expression {
  return join('/', ['s3:/', bucket, pipeline, EXECUTION_ID, ...tail]);
}

/** Joins an S3 location (literal or expression) and a relative path with `/`. */
export function joinUri(base: Value, rel: string): Value {
  const tail = rel.replace(/^\/+/, '');
  if (tail === '') return base;
  if (typeof base === 'string') return `${base.replace(/\/+$/, '')}/${tail}`;
  return join('/', [base, tail]);
}

/** Python json.dumps with default separators, as the SDK encodes script-mode hyperparameters. */
export function pythonJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof PyFloat) return pythonFloat(v.value);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number')
    return Number.isFinite(v) ? String(v) : v > 0 ? 'Infinity' : v < 0 ? '-Infinity' : 'NaN';
  if (typeof v === 'string') return asciiJson(v);
  if (Array.isArray(v)) return `[${v.map(pythonJson).join(', ')}]`;
  if (typeof v === 'object') {
    return `{${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${asciiJson(k)}: ${pythonJson(x)}`)
      .join(', ')}}`;
  }
  return asciiJson(String(v));
}

/** JSON string with non-ASCII escaped as \uXXXX (Python's ensure_ascii). */
function asciiJson(s: string): string {
  return JSON.stringify(s).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Python's repr of a float: shortest digits, `.0` on integral values, exponent below 1e-4 and from 1e16. */
export function pythonFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  const [mantissa = '0', expText = '0'] = x.toExponential().split('e');
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  let body: string;
  if (exp >= -4 && exp < 16) {
    if (exp >= digits.length - 1) body = `${digits}${'0'.repeat(exp - digits.length + 1)}.0`;
    else if (exp >= 0) body = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
    else body = `0.${'0'.repeat(-exp - 1)}${digits}`;
  } else {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    body = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return negative ? `-${body}` : body;
}
