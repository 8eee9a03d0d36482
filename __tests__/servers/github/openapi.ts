// GitHub's REST description (the endpoints the action calls, extracted from @octokit/openapi by
// scripts/extract-github-openapi.mjs) and a validator for the JSON-schema subset it uses (OpenAPI 3.0:
// type, nullable, enum, format, properties, required, additionalProperties, items, oneOf/anyOf/allOf, bounds).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Schema {
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  not?: Schema;
  default?: unknown;
  title?: string;
  $ref?: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

export interface Endpoint {
  method: string;
  path: string;
  operationId: string;
  parameters: Parameter[];
  requestBody?: { required: boolean; schema: Schema };
  responses: Record<string, { schema?: Schema; headers?: string[] }>;
}

export interface GithubDescription {
  source: { package: string; file: string; openapi: string; infoVersion: string; license: string };
  endpoints: Endpoint[];
  schemas: Record<string, Schema>;
}

const FIXTURE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/github-openapi/endpoints.json',
);

let cached: GithubDescription | undefined;

export function loadGithubDescription(): GithubDescription {
  cached ??= JSON.parse(readFileSync(FIXTURE, 'utf8')) as GithubDescription;
  return cached;
}

export interface Route {
  endpoint: Endpoint;
  /** `GET /repos/{owner}/{repo}/issues/{issue_number}/comments` */
  key: string;
  params: Record<string, string>;
}

/** The described endpoint for a method and path (percent-decoded path parameters), if any. */
export function matchRoute(desc: GithubDescription, method: string, pathname: string): Route | undefined {
  for (const endpoint of desc.endpoints) {
    if (endpoint.method !== method.toUpperCase()) continue;
    const names: string[] = [];
    const re = new RegExp(
      `^${endpoint.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, n: string) => {
        names.push(n);
        return '([^/]+)';
      })}/?$`,
    );
    const m = re.exec(pathname);
    if (!m) continue;
    const params: Record<string, string> = {};
    names.forEach((n, i) => {
      params[n] = decodeURIComponent(m[i + 1]!);
    });
    return { endpoint, key: `${endpoint.method} ${endpoint.path}`, params };
  }
  return undefined;
}

export interface SchemaIssue {
  /** JSON path, e.g. `body`, `[0].user.login`, `` for the value itself. */
  path: string;
  message: string;
}

export interface ValidateOptions {
  /** Report members the schema does not declare (requests: GitHub ignores them silently, so they are bugs). */
  noUnknownMembers?: boolean;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function join(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key)
    ? `${base}${base ? '.' : ''}${key}`
    : `${base}[${JSON.stringify(key)}]`;
}

/** Checks `value` against `schema`; `$ref`s resolve in `schemas` (`#/schemas/<name>`). */
export function validateSchema(
  schema: Schema,
  value: unknown,
  schemas: Record<string, Schema>,
  opts: ValidateOptions = {},
  at = '',
): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const add = (message: string, p = at): void => {
    issues.push({ path: p, message });
  };
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/schemas\//, '');
    const target = schemas[name];
    if (!target) {
      add(`unresolved $ref ${schema.$ref}`);
      return issues;
    }
    return validateSchema(target, value, schemas, opts, at);
  }
  if (value === null && schema.nullable) return issues;
  if (schema.allOf) for (const s of schema.allOf) issues.push(...validateSchema(s, value, schemas, opts, at));
  if (schema.anyOf && !schema.anyOf.some((s) => validateSchema(s, value, schemas, opts, at).length === 0))
    add(`matches none of anyOf (${schema.anyOf.length} alternatives)`);
  if (schema.oneOf) {
    const ok = schema.oneOf.filter((s) => validateSchema(s, value, schemas, opts, at).length === 0).length;
    if (ok !== 1) add(`matches ${ok} of oneOf's ${schema.oneOf.length} alternatives (must match exactly 1)`);
  }
  if (schema.not && validateSchema(schema.not, value, schemas, opts, at).length === 0)
    add('matches a `not` schema');
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
    const fits = allowed.some((t) => t === actual || (t === 'number' && actual === 'integer'));
    if (!fits) {
      add(`expected ${allowed.join(' | ')}${schema.nullable ? ' | null' : ''}, got ${actual}`);
      return issues;
    }
  }
  if (schema.enum && !schema.enum.some((e) => e === value))
    add(`${JSON.stringify(value)} is not one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength)
      add(`shorter than ${schema.minLength}`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      add(`longer than ${schema.maxLength}`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value))
      add(`does not match /${schema.pattern}/`);
    if (schema.format === 'date-time' && !DATE_TIME.test(value)) add(`${value} is not an RFC 3339 date-time`);
    if (schema.format === 'uri' && !URL.canParse(value)) add(`${value} is not an absolute URI`);
    if (schema.format === 'email' && !/^[^@\s]+@[^@\s]+$/.test(value))
      add(`${value} is not an e-mail address`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) add(`below the minimum ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) add(`above the maximum ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      add(`fewer than ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      add(`more than ${schema.maxItems} items`);
    if (schema.items)
      value.forEach((v, i) => issues.push(...validateSchema(schema.items!, v, schemas, opts, join(at, i))));
  }
  if (actual === 'object') {
    const obj = value as Record<string, unknown>;
    for (const r of schema.required ?? []) if (!(r in obj)) add('required member missing', join(at, r));
    const props = schema.properties ?? {};
    for (const [k, v] of Object.entries(obj)) {
      const p = props[k];
      if (p) issues.push(...validateSchema(p, v, schemas, opts, join(at, k)));
      else if (schema.additionalProperties === false)
        add('member not allowed (additionalProperties: false)', join(at, k));
      else if (typeof schema.additionalProperties === 'object')
        issues.push(...validateSchema(schema.additionalProperties, v, schemas, opts, join(at, k)));
      else if (opts.noUnknownMembers && schema.properties) add('not a member of the schema', join(at, k));
    }
  }
  return issues;
}

/** A path or query parameter's string value converted to its schema type, or an issue. */
export function parseParameter(p: Parameter, raw: string): { value: unknown } | { issue: string } {
  const t = Array.isArray(p.schema.type) ? p.schema.type[0] : p.schema.type;
  let value: unknown = raw;
  if (t === 'integer') {
    if (!/^-?\d+$/.test(raw)) return { issue: `${p.in} parameter ${p.name}=${raw} is not an integer` };
    value = Number(raw);
  } else if (t === 'number') {
    if (raw.trim() === '' || Number.isNaN(Number(raw)))
      return { issue: `${p.in} parameter ${p.name}=${raw} is not a number` };
    value = Number(raw);
  } else if (t === 'boolean') {
    if (raw !== 'true' && raw !== 'false')
      return { issue: `${p.in} parameter ${p.name}=${raw} is not true or false` };
    value = raw === 'true';
  }
  return { value };
}
