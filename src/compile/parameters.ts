// Pipeline parameters in the definition: the `Parameters` list, `${param:Name}` references turned into
// expressions, and run-time values checked before StartPipelineExecution. Pure (no AWS, no I/O).
//
// API for step modules that need a parameter the config does not declare (e.g. a model package resolved at
// plan time, which a run may override):
//
//   const ref = ctx.parameters.add({ name: 'ChurnModelPackage', type: 'String', default: arn, origin: 'churn' });
//   // …use `ref` ({"Get": "Parameters.ChurnModelPackage"}) in the step's Arguments.
//
// `add` throws a ParameterClash when the name is taken (declared or generated). Generated parameters are
// listed after the declared ones in the definition (so they are in the plan hash and the plan diff), appear in
// `plan.parameters`, and accept run-time values like declared ones (`runParameters`).
import type { ParameterConfig } from '../config/types.js';
import { PARAM_REF, WHOLE_PARAM_REF } from '../config/parameter-syntax.js';
import { get, join } from './expressions.js';
import type { Expression, PipelineParameter, Value } from './types.js';

export class ParameterClash extends Error {
  override name = 'ParameterClash';
}

export class ParameterSet {
  readonly #byName = new Map<string, PipelineParameter>();

  constructor(declared: readonly ParameterConfig[]) {
    for (const p of declared)
      this.#byName.set(p.name, { name: p.name, type: p.type, default: p.default, enum: p.enum });
  }

  /** Adds a generated parameter and returns its reference. */
  add(p: PipelineParameter): Expression {
    if (this.#byName.has(p.name))
      throw new ParameterClash(
        `parameter \`${p.name}\` is generated${p.origin ? ` for ${p.origin}` : ''} but that name is already used: rename the declared parameter`,
      );
    this.#byName.set(p.name, p);
    return get(`Parameters.${p.name}`);
  }

  get(name: string): PipelineParameter | undefined {
    return this.#byName.get(name);
  }

  all(): PipelineParameter[] {
    return [...this.#byName.values()];
  }
}

/** The definition's `Parameters`: the SDK's key order Name, Type, DefaultValue, EnumValues. */
export function parameterDefinitions(params: readonly PipelineParameter[]): Value[] {
  return params.map((p) => ({
    Name: p.name,
    Type: p.type,
    DefaultValue: p.default,
    ...(p.enum ? { EnumValues: [...p.enum] } : {}),
  }));
}

/**
 * Replaces `${param:Name}` in every string of `value` (the config phase checked that each is declared).
 * A string that is exactly one reference becomes `{"Get": "Parameters.Name"}` for a String parameter; every
 * place a config string can hold a reference is a string field of SageMaker's API, so another type is
 * converted as the SDK's `.to_string()` does: `{"Std:Join": {"On": "", "Values": [{"Get": …}]}}`. Text
 * around references makes a `Std:Join` with `On: ""`. `$${param:Name}` is the literal text `${param:Name}`.
 */
export function resolveParameterRefs<T extends Value>(value: T, params: ParameterSet): T {
  return walk(value, params) as T;
}

function walk(value: Value, params: ParameterSet): Value {
  if (typeof value === 'string') return value.includes('{param:') ? resolveString(value, params) : value;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v: Value) => walk(v, params));
  const out: Record<string, Value> = {};
  for (const [k, v] of Object.entries(value as Record<string, Value>)) out[k] = walk(v, params);
  return out;
}

function resolveString(s: string, params: ParameterSet): Value {
  const whole = WHOLE_PARAM_REF.exec(s);
  if (whole?.[1]) {
    const p = params.get(whole[1]);
    if (p) return p.type === 'String' ? ref(p) : join('', [ref(p)]);
  }
  const parts: Value[] = [];
  let text = '';
  let last = 0;
  for (const m of s.matchAll(PARAM_REF)) {
    text += s.slice(last, m.index);
    last = m.index + m[0].length;
    const p = m[0].startsWith('$$') ? undefined : params.get(m[1] ?? '');
    if (!p) {
      text += m[0].startsWith('$$') ? m[0].slice(1) : m[0];
      continue;
    }
    if (text) parts.push(text);
    text = '';
    parts.push(ref(p));
  }
  text += s.slice(last);
  if (text) parts.push(text);
  if (parts.length === 1 && typeof parts[0] === 'string') return parts[0];
  return join('', parts);
}

const ref = (p: PipelineParameter): Expression => get(`Parameters.${p.name}`);

export interface RunParameter {
  readonly Name: string;
  readonly Value: string;
}

export interface RunParameters {
  /** What StartPipelineExecution receives: only the values given (SageMaker uses the defaults for the rest). */
  readonly pipelineParameters: readonly RunParameter[];
  /** Every parameter with the value this run uses and where it came from, for the job summary. */
  readonly used: readonly {
    readonly name: string;
    readonly value: string;
    readonly source: 'run' | 'default';
  }[];
  readonly errors: readonly string[];
}

/** The idempotency key of a start: the plan, plus the values when any are given (other values, other run). */
export function withParameters(planHash: string, values: readonly RunParameter[]): string {
  return values.length === 0 ? planHash : `${planHash}:${JSON.stringify(values)}`;
}

/** StartPipelineExecution's limit on a parameter value. */
const MAX_VALUE_LENGTH = 1024;

/** Checks run-time values against the plan's parameters (name, type, enum) before anything is sent. */
export function runParameters(
  params: readonly PipelineParameter[],
  given: readonly (readonly [string, string])[],
): RunParameters {
  const byName = new Map(params.map((p) => [p.name, p]));
  const errors: string[] = [];
  const values = new Map<string, string>();
  for (const [name, raw] of given) {
    const p = byName.get(name);
    if (!p) {
      errors.push(
        `parameter \`${name}\` is not declared by the pipeline${params.length > 0 ? ` (its parameters: ${params.map((x) => x.name).join(', ')})` : ' (it declares none)'}`,
      );
      continue;
    }
    if (values.has(name)) {
      errors.push(`parameter \`${name}\` is given twice`);
      continue;
    }
    const checked = checkValue(p, raw);
    if (typeof checked === 'object') errors.push(checked.error);
    else values.set(name, checked);
  }
  return {
    pipelineParameters: errors.length > 0 ? [] : [...values].map(([Name, Value]) => ({ Name, Value })),
    used: params.map((p) => {
      const v = values.get(p.name);
      return v === undefined
        ? { name: p.name, value: String(p.default), source: 'default' as const }
        : { name: p.name, value: v, source: 'run' as const };
    }),
    errors,
  };
}

function checkValue(p: PipelineParameter, raw: string): string | { error: string } {
  const bad = (what: string): { error: string } => ({
    error: `parameter \`${p.name}\` (${p.type}): \`${raw.length > 80 ? `${raw.slice(0, 80)}…` : raw}\` ${what}`,
  });
  switch (p.type) {
    case 'String':
      if (raw.length > MAX_VALUE_LENGTH) return bad(`is longer than ${MAX_VALUE_LENGTH} characters`);
      if (p.enum && !p.enum.includes(raw))
        return bad(`is not one of ${p.enum.map((v) => `\`${v}\``).join(', ')}`);
      return raw;
    case 'Integer':
      if (!/^[-+]?\d+$/.test(raw.trim()) || !Number.isSafeInteger(Number(raw)))
        return bad('is not an integer');
      return String(Number(raw));
    case 'Float':
      if (raw.trim() === '' || !Number.isFinite(Number(raw))) return bad('is not a number');
      return raw.trim();
    case 'Boolean':
      if (!/^(true|false)$/i.test(raw.trim())) return bad('is not true or false');
      return raw.trim().toLowerCase();
  }
}
