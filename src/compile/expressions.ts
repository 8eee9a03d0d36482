// Builders for pipeline expressions and S3 URIs, so step modules never spell JSON paths by hand.
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
  return `s3://${[bucket, ...segs].join('/')}`;
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
