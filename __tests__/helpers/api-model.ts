// Test-side checker for AWS request bodies against trimmed botocore API models.
//
// The models live in __tests__/fixtures/api-models/{sagemaker,sts,s3}.json and are produced by
// scripts/extract-api-models.py from a botocore wheel (Apache-2.0). See the README in that folder.
//
//   const sm = loadApiModel('sagemaker');
//   const violations = validateRequest(sm, 'CreateTrainingJob', args, {
//     allowExpressions: true,
//     omitted: ['TrainingJobName'],
//   });
//   expect(violations, formatViolations(violations)).toEqual([]);
import { readFileSync } from 'node:fs';

export type ServiceName = 'sagemaker' | 'sts' | 's3' | 'scheduler';

export type ShapeType =
  | 'structure'
  | 'list'
  | 'map'
  | 'string'
  | 'integer'
  | 'long'
  | 'float'
  | 'double'
  | 'boolean'
  | 'timestamp'
  | 'blob';

/** A reference to a shape: a structure member, or a list member / map key / map value. */
export interface ShapeRef {
  shape: string;
  location?: 'header' | 'headers' | 'querystring' | 'uri' | 'statusCode';
  locationName?: string;
  xmlNamespace?: { uri: string; prefix?: string };
  flattened?: boolean;
  xmlAttribute?: boolean;
  streaming?: boolean;
  timestampFormat?: string;
  jsonvalue?: boolean;
}

export interface Shape {
  type: ShapeType;
  required?: string[];
  members?: Record<string, ShapeRef>;
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  exception?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  union?: boolean;
  payload?: string;
  flattened?: boolean;
  locationName?: string;
  xmlNamespace?: { uri: string; prefix?: string };
  timestampFormat?: string;
  streaming?: boolean;
}

export interface OperationRef {
  shape: string;
  resultWrapper?: string;
  locationName?: string;
  xmlNamespace?: { uri: string; prefix?: string };
}

export interface Operation {
  input?: OperationRef;
  output?: OperationRef;
  errors: { shape: string }[];
  http: { method: string; requestUri: string; responseCode?: number };
}

export interface ServiceMetadata {
  apiVersion: string;
  protocol: 'json' | 'query' | 'rest-xml' | 'rest-json' | 'ec2';
  protocols?: string[];
  jsonVersion?: string;
  targetPrefix?: string;
  signingName?: string;
  signatureVersion?: string;
  endpointPrefix: string;
  globalEndpoint?: string;
  serviceId: string;
  xmlNamespace?: string;
  uid?: string;
}

export interface ApiModel {
  service: ServiceName;
  /** e.g. "botocore 1.43.107 (botocore-1.43.107-py3-none-any.whl), data/sts/2011-06-15/service-2.json.gz" */
  source: string;
  license: string;
  metadata: ServiceMetadata;
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

export type ApiRule = 'required' | 'unknown-member' | 'type' | 'min' | 'max' | 'pattern' | 'enum';

export interface ApiViolation {
  /** e.g. "ProcessingInputs[2].S3Input.LocalPath"; "" for the value itself. */
  path: string;
  rule: ApiRule;
  message: string;
}

export interface ValidateOptions {
  /**
   * Pipeline definitions: wherever a scalar (string, integer, long, float, double, boolean,
   * timestamp) is expected, accept a pipeline expression object — exactly `{"Get": string}`,
   * `{"Std:Join": {"On": string, "Values": array}}` or `{"Std:JsonGet": {...}}` — unvalidated.
   */
  allowExpressions?: boolean;
  /** Top-level members the pipeline strips and the service fills in; not reported as missing. */
  omitted?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Loading

const SHAPE_TYPES: ReadonlySet<string> = new Set<ShapeType>([
  'structure',
  'list',
  'map',
  'string',
  'integer',
  'long',
  'float',
  'double',
  'boolean',
  'timestamp',
  'blob',
]);

const modelCache = new Map<ServiceName, ApiModel>();

/** Reads (once) and sanity-checks `__tests__/fixtures/api-models/<service>.json`. */
export function loadApiModel(service: ServiceName): ApiModel {
  const cached = modelCache.get(service);
  if (cached) return cached;
  const url = new URL(`../fixtures/api-models/${service}.json`, import.meta.url);
  const raw = JSON.parse(readFileSync(url, 'utf8')) as Omit<ApiModel, 'service'>;
  const model: ApiModel = { service, ...raw };
  checkModel(model);
  // Compile every pattern up front so `skippedPatterns` is complete once a model is loaded.
  for (const shape of Object.values(model.shapes)) {
    if (shape.pattern !== undefined) patternRegex(shape.pattern);
  }
  modelCache.set(service, model);
  return model;
}

function checkModel(model: ApiModel): void {
  const fail = (msg: string): never => {
    throw new Error(`api model ${model.service}: ${msg}`);
  };
  const refOk = (owner: string, ref: ShapeRef | undefined, what: string): void => {
    if (!ref) fail(`${owner} has no ${what}`);
    else if (!(ref.shape in model.shapes)) fail(`${owner}.${what} refers to missing shape ${ref.shape}`);
  };
  for (const [name, shape] of Object.entries(model.shapes)) {
    if (!SHAPE_TYPES.has(shape.type)) fail(`shape ${name} has unsupported type ${shape.type}`);
    if (shape.type === 'structure') {
      for (const [m, ref] of Object.entries(shape.members ?? {})) refOk(name, ref, `members.${m}`);
      for (const r of shape.required ?? []) if (!shape.members?.[r]) fail(`${name} requires unknown ${r}`);
    }
    if (shape.type === 'list') refOk(name, shape.member, 'member');
    if (shape.type === 'map') {
      refOk(name, shape.key, 'key');
      refOk(name, shape.value, 'value');
    }
  }
  for (const [name, op] of Object.entries(model.operations)) {
    if (op.input) refOk(name, op.input, 'input');
    if (op.output) refOk(name, op.output, 'output');
    for (const e of op.errors) refOk(name, e, 'errors[]');
  }
}

// ---------------------------------------------------------------------------------------------
// Patterns: botocore patterns are unanchored, Java-flavoured regexes.

/**
 * Raw botocore patterns that could not be turned into a JS RegExp. They are not enforced.
 * Filled by loadApiModel (which compiles every pattern of the model) and by validation.
 */
export const skippedPatterns: Set<string> = new Set();

export type CompiledPattern =
  { ok: true; regex: RegExp; source: string; flags: string } | { ok: false; reason: string };

const patternCache = new Map<string, RegExp | null>();

function patternRegex(pattern: string): RegExp | null {
  let regex = patternCache.get(pattern);
  if (regex === undefined) {
    const compiled = compilePattern(pattern);
    regex = compiled.ok ? compiled.regex : null;
    if (!compiled.ok) skippedPatterns.add(pattern);
    patternCache.set(pattern, regex);
  }
  return regex;
}

/**
 * Converts a botocore (Java-style) pattern to an anchored JS RegExp with the `u` flag: `^(?:p)$`.
 * Pure: does not touch `skippedPatterns`.
 */
export function compilePattern(pattern: string): CompiledPattern {
  let converted: { source: string; flags: string };
  try {
    const rewrite = EQUIVALENT_REWRITES[pattern];
    converted = rewrite !== undefined ? { source: rewrite, flags: '' } : convertJavaPattern(pattern);
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
  const source = `^(?:${converted.source})$`;
  const flags = `u${converted.flags}`;
  try {
    return { ok: true, regex: new RegExp(source, flags), source, flags };
  } catch (err) {
    return { ok: false, reason: `JS RegExp rejects /${source}/${flags}: ${(err as Error).message}` };
  }
}

// Patterns that backtrack exponentially on a failing input, replaced by an equivalent linear one.
// PipelineDefinition (up to 1 MB): `.`-characters or [ \r\n\t] = anything but U+2028/U+2029 (JS `.`).
const EQUIVALENT_REWRITES: Record<string, string> = {
  '.*(?:[ \\r\\n\\t].*)*': '[^\\u2028\\u2029]*',
};

// Java POSIX classes (US-ASCII) as class contents.
const POSIX_CLASSES: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'A-Za-z',
  Digit: '0-9',
  Alnum: 'A-Za-z0-9',
  Punct: '\\x21-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7E',
  Graph: '\\x21-\\x7E',
  Print: '\\x20-\\x7E',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9A-Fa-f',
  Space: ' \\t\\n\\x0B\\f\\r',
};
// Java 8+ \h and \v (horizontal / vertical whitespace) as class contents.
const JAVA_H = ' \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000';
const JAVA_V = '\\n\\x0B\\f\\r\\x85\\u2028\\u2029';
// Escapable in `u` mode outside a class (inside a class `-` is escapable too).
const SYNTAX_CHARS = new Set('^$\\.*+?()[]{}|/');
const JS_LETTER_ESCAPES = new Set('dDwWsSbBnrtf');

function isHex(ch: string | undefined): boolean {
  return ch !== undefined && /^[0-9A-Fa-f]$/.test(ch);
}

function unicodePropertyOk(body: string): boolean {
  try {
    new RegExp(`\\p{${body}}`, 'u');
    return true;
  } catch {
    return false;
  }
}

/** Java `\p{Name}` → class contents (for use inside `[...]`) or a JS `\p{...}` escape. */
function convertProperty(name: string, negated: boolean, inClass: boolean): string {
  const posix = POSIX_CLASSES[name];
  if (posix !== undefined) {
    if (!negated) return inClass ? posix : `[${posix}]`;
    if (inClass) throw new Error(`\\P{${name}} inside a character class is not supported`);
    return `[^${posix}]`;
  }
  let body: string | undefined;
  const eq = /^(gc|general_category|sc|script|scx|script_extensions)=(.+)$/i.exec(name);
  if (eq) {
    const kind = eq[1]!.toLowerCase();
    const prefix = kind.startsWith('g')
      ? 'General_Category'
      : kind === 'sc' || kind === 'script'
        ? 'Script'
        : 'Script_Extensions';
    body = `${prefix}=${eq[2]!}`;
  } else if (name.startsWith('Is')) {
    const rest = name.slice(2);
    body = unicodePropertyOk(rest) ? rest : `Script=${rest}`;
  } else if (name.startsWith('In') || /^(blk|block)=/i.test(name) || name.startsWith('java')) {
    throw new Error(`Java-only property \\p{${name}} is not supported`);
  } else {
    body = name;
  }
  if (!unicodePropertyOk(body)) throw new Error(`unknown Unicode property \\p{${name}}`);
  return `\\${negated ? 'P' : 'p'}{${body}}`;
}

function escapeLiteral(ch: string, inClass: boolean): string {
  if (inClass) return '\\]-^['.includes(ch) ? `\\${ch}` : ch;
  return SYNTAX_CHARS.has(ch) ? `\\${ch}` : ch;
}

/**
 * Rewrites the Java regex constructs that JS (with the `u` flag) lacks or reads differently:
 * `\p{Alnum}` & other POSIX classes, `\p{IsX}`, `\pL`, possessive quantifiers (→ greedy), atomic
 * groups (→ non-capturing), `\A` `\Z` `\z`, quantified anchors (`${1,128}` → `$`), `\Q…\E`,
 * `\x{h}`, `\h` `\v` `\a` `\e`, octal `\0nn`, identity escapes of non-syntax characters, lone
 * `]`/`}`, a leading `(?flags)`, and 5–6 digit `\uHHHHH` code points in classes. Throws for what
 * it cannot express (class intersection/union, mid-pattern flags, `\R`, `\G`, ...).
 */
export function convertJavaPattern(pattern: string): { source: string; flags: string } {
  let out = '';
  let flags = '';
  let i = 0;
  let inClass = false;
  let classBodyStart = false; // just after `[` or `[^`
  // Outside a class: what the last emitted item was, for quantifier handling.
  let last: { kind: 'none' } | { kind: 'atom' } | { kind: 'anchor'; at: number } | { kind: 'quantifier' } = {
    kind: 'none',
  };
  const p = pattern;

  const lead = /^\(\?([imsx]+)\)/.exec(p);
  if (lead) {
    if (lead[1]!.includes('x')) throw new Error('comments mode (?x) is not supported');
    flags = [...new Set(lead[1]!)].join('');
    i = lead[0].length;
  }

  const emitAtom = (s: string): void => {
    out += s;
    if (inClass) classBodyStart = false;
    else last = { kind: 'atom' };
  };
  const emitAnchor = (s: string): void => {
    last = { kind: 'anchor', at: out.length };
    out += s;
  };

  while (i < p.length) {
    const ch = p[i]!;

    if (inClass) {
      if (ch === ']' && !classBodyStart) {
        out += ']';
        inClass = false;
        last = { kind: 'atom' };
        i++;
        continue;
      }
      if (ch === ']') {
        emitAtom('\\]');
        i++;
        continue;
      }
      if (ch === '[') throw new Error('nested character class (Java class union) is not supported');
      if (ch === '&' && p[i + 1] === '&')
        throw new Error('character class intersection (&&) is not supported');
      if (ch !== '\\') {
        emitAtom(ch);
        i++;
        continue;
      }
    } else {
      if (ch === '[') {
        inClass = true;
        classBodyStart = true;
        out += '[';
        i++;
        if (p[i] === '^') {
          out += '^';
          i++;
        }
        continue;
      }
      if (ch === '(') {
        const group = /^\((?:\?(?::|=|!|<=|<!|<[A-Za-z][A-Za-z0-9]*>))?/.exec(p.slice(i))![0];
        if (p.startsWith('(?>', i)) {
          out += '(?:'; // atomic group → plain group
          i += 3;
        } else if (group === '(' && p[i + 1] === '?') {
          throw new Error(`group syntax ${p.slice(i, i + 4)}… (e.g. inline flags) is not supported`);
        } else {
          out += group;
          i += group.length;
        }
        last = { kind: 'none' };
        continue;
      }
      if (ch === ')' || ch === '.' || ch === '|') {
        out += ch;
        last = ch === '|' ? { kind: 'none' } : { kind: 'atom' };
        i++;
        continue;
      }
      if (ch === '^' || ch === '$') {
        emitAnchor(ch);
        i++;
        continue;
      }
      const quant = /^(?:[*+?]|\{(\d+)(?:,(\d*))?\})/.exec(p.slice(i));
      if (quant) {
        const min = quant[0] === '+' ? 1 : quant[0] === '*' || quant[0] === '?' ? 0 : Number(quant[1]);
        i += quant[0].length;
        const suffix = p[i] === '?' || p[i] === '+' ? p[i]! : '';
        i += suffix.length;
        if (last.kind === 'anchor') {
          // A quantified zero-width anchor: `${1,128}` is `$`; `$?` / `${0,n}` is nothing.
          if (min === 0) out = out.slice(0, last.at);
          last = { kind: 'none' };
          continue;
        }
        if (last.kind !== 'atom') throw new Error(`quantifier ${quant[0]} has nothing to repeat`);
        out += quant[0] + (suffix === '?' ? '?' : ''); // possessive `+` → greedy
        last = { kind: 'quantifier' };
        continue;
      }
      if (ch === '{') throw new Error('"{" that is not a quantifier');
      if (ch === '}' || ch === ']') {
        emitAtom(`\\${ch}`);
        i++;
        continue;
      }
      if (ch !== '\\') {
        emitAtom(ch);
        i++;
        continue;
      }
    }

    // Escapes (ch === '\\'), inside or outside a class.
    const e = p[i + 1];
    if (e === undefined) throw new Error('trailing backslash');
    i += 2;
    if (e === 'p' || e === 'P') {
      let name: string;
      if (p[i] === '{') {
        const close = p.indexOf('}', i);
        if (close < 0) throw new Error('unterminated \\p{');
        name = p.slice(i + 1, close);
        i = close + 1;
      } else {
        name = p[i] ?? '';
        i++;
      }
      emitAtom(convertProperty(name, e === 'P', inClass));
    } else if (e === 'Q') {
      const end = p.indexOf('\\E', i);
      const literal = end < 0 ? p.slice(i) : p.slice(i, end);
      i = end < 0 ? p.length : end + 2;
      if (inClass) emitAtom([...literal].map((c) => escapeLiteral(c, true)).join(''));
      else if (literal.length > 0)
        emitAtom(`(?:${[...literal].map((c) => escapeLiteral(c, false)).join('')})`);
    } else if (e === 'A' || e === 'Z' || e === 'z') {
      if (inClass) throw new Error(`\\${e} inside a character class`);
      emitAnchor(e === 'A' ? '^' : '$');
    } else if (e === 'u') {
      let n = 0;
      while (n < 6 && isHex(p[i + n])) n++;
      if (n < 4) throw new Error('bad \\u escape');
      const hex = p.slice(i, i + n);
      if (inClass && n >= 5 && parseInt(hex, 16) >= 0x10000 && parseInt(hex, 16) <= 0x10ffff) {
        // e.g. `\u10000-\u10FFFF`: meant as supplementary code points.
        emitAtom(`\\u{${hex}}`);
        i += n;
      } else {
        emitAtom(`\\u${p.slice(i, i + 4)}`);
        i += 4;
      }
    } else if (e === 'x') {
      if (p[i] === '{') {
        const close = p.indexOf('}', i);
        if (close < 0) throw new Error('unterminated \\x{');
        emitAtom(`\\u{${p.slice(i + 1, close)}}`);
        i = close + 1;
      } else if (isHex(p[i]) && isHex(p[i + 1])) {
        emitAtom(`\\x${p.slice(i, i + 2)}`);
        i += 2;
      } else throw new Error('bad \\x escape');
    } else if (e === '0') {
      const oct = /^[0-7]{1,3}/.exec(p.slice(i));
      if (!oct) throw new Error('bad octal escape \\0');
      i += oct[0].length;
      emitAtom(`\\u{${parseInt(oct[0], 8).toString(16)}}`);
    } else if (e === 'a' || e === 'e') {
      emitAtom(e === 'a' ? '\\x07' : '\\x1B');
    } else if (e === 'h' || e === 'v') {
      const body = e === 'h' ? JAVA_H : JAVA_V;
      emitAtom(inClass ? body : `[${body}]`);
    } else if (e === 'H' || e === 'V') {
      if (inClass) throw new Error(`\\${e} inside a character class is not supported`);
      emitAtom(`[^${e === 'H' ? JAVA_H : JAVA_V}]`);
    } else if (e === 'c') {
      emitAtom(`\\c${p[i] ?? ''}`);
      i++;
    } else if (e === 'k' && !inClass) {
      const close = p.indexOf('>', i);
      if (p[i] !== '<' || close < 0) throw new Error('bad \\k escape');
      emitAtom(`\\k${p.slice(i, close + 1)}`);
      i = close + 1;
    } else if (/[1-9]/.test(e) && !inClass) {
      emitAtom(`\\${e}`);
    } else if (JS_LETTER_ESCAPES.has(e)) {
      if (inClass && e === 'b') throw new Error('\\b inside a character class');
      if (!inClass && (e === 'b' || e === 'B')) {
        out += `\\${e}`;
        last = { kind: 'anchor', at: out.length - 2 };
      } else emitAtom(`\\${e}`);
    } else if (/[A-Za-z0-9]/.test(e)) {
      throw new Error(`escape \\${e} is not supported`);
    } else {
      // Escaped punctuation / whitespace: keep it escaped only where `u` mode allows it.
      emitAtom(SYNTAX_CHARS.has(e) || (inClass && e === '-') ? `\\${e}` : escapeLiteral(e, inClass));
    }
  }
  if (inClass) throw new Error('unterminated character class');
  return { source: out, flags };
}

// ---------------------------------------------------------------------------------------------
// Validation

type PlainObject = Record<string, unknown>;

function isPlainObject(v: unknown): v is PlainObject {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !ArrayBuffer.isView(v)
  );
}

/** `{"Get": s}`, `{"Std:Join": {"On": s, "Values": [...]}}` or `{"Std:JsonGet": {...}}`, exactly. */
export function isPipelineExpression(v: unknown): boolean {
  if (!isPlainObject(v)) return false;
  const keys = Object.keys(v);
  if (keys.length !== 1) return false;
  const body = v[keys[0]!];
  switch (keys[0]) {
    case 'Get':
      return typeof body === 'string';
    case 'Std:Join':
      return (
        isPlainObject(body) &&
        Object.keys(body).length === 2 &&
        typeof body.On === 'string' &&
        Array.isArray(body.Values)
      );
    case 'Std:JsonGet':
      return isPlainObject(body);
    default:
      return false;
  }
}

const SCALAR_TYPES: ReadonlySet<ShapeType> = new Set<ShapeType>([
  'string',
  'integer',
  'long',
  'float',
  'double',
  'boolean',
  'timestamp',
]);

function joinPath(base: string, member: string): string {
  return base === '' ? member : `${base}.${member}`;
}

function mapEntryPath(base: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? joinPath(base, key) : `${base}[${JSON.stringify(key)}]`;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'Date';
  if (ArrayBuffer.isView(v)) return 'binary';
  if (isPlainObject(v)) return isPipelineExpression(v) ? 'pipeline expression' : 'object';
  return typeof v;
}

function preview(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
}

interface Ctx {
  model: ApiModel;
  opts: ValidateOptions;
  out: ApiViolation[];
}

/** Validates `value` against shape `shapeName` of `model`; returns every violation found. */
export function validateShape(
  model: ApiModel,
  shapeName: string,
  value: unknown,
  opts: ValidateOptions = {},
): ApiViolation[] {
  if (!model.shapes[shapeName]) throw new Error(`api model ${model.service}: no shape ${shapeName}`);
  const ctx: Ctx = { model, opts, out: [] };
  visit(ctx, shapeName, value, '', true);
  return ctx.out;
}

/** Validates `input` as the request of `operation` (its input shape). */
export function validateRequest(
  model: ApiModel,
  operation: string,
  input: unknown,
  opts: ValidateOptions = {},
): ApiViolation[] {
  const op = model.operations[operation];
  if (!op) throw new Error(`api model ${model.service}: no operation ${operation}`);
  if (!op.input) throw new Error(`api model ${model.service}: operation ${operation} has no input`);
  return validateShape(model, op.input.shape, input, opts);
}

/** One line per violation, for assertion messages. */
export function formatViolations(violations: readonly ApiViolation[]): string {
  return violations.map((v) => `${v.path || '<root>'}: [${v.rule}] ${v.message}`).join('\n');
}

function visit(ctx: Ctx, shapeName: string, value: unknown, path: string, root = false): void {
  const shape = ctx.model.shapes[shapeName]!;
  const report = (rule: ApiRule, message: string, at = path): void => {
    ctx.out.push({ path: at, rule, message });
  };
  const typeError = (expected: string): void => {
    report('type', `expected ${expected} (shape ${shapeName}), got ${describe(value)}`);
  };

  if (ctx.opts.allowExpressions && SCALAR_TYPES.has(shape.type) && isPipelineExpression(value)) return;

  const bounds = (n: number, what: string): void => {
    if (shape.min !== undefined && n < shape.min)
      report('min', `${what} ${n} is below the minimum ${shape.min}`);
    if (shape.max !== undefined && n > shape.max)
      report('max', `${what} ${n} is above the maximum ${shape.max}`);
  };

  switch (shape.type) {
    case 'structure': {
      if (!isPlainObject(value)) return typeError('an object');
      if (ctx.opts.allowExpressions && isPipelineExpression(value)) {
        return typeError('an object (expressions only stand in for scalars)');
      }
      const members = shape.members ?? {};
      const omitted = root ? (ctx.opts.omitted ?? []) : [];
      for (const req of shape.required ?? []) {
        if ((value[req] === undefined || value[req] === null) && !omitted.includes(req)) {
          report('required', `missing required member ${req} of ${shapeName}`, joinPath(path, req));
        }
      }
      for (const [key, member] of Object.entries(value)) {
        if (member === undefined) continue; // dropped by JSON.stringify and the SDKs
        const ref = members[key];
        if (!ref) {
          report('unknown-member', `${shapeName} has no member ${key}`, joinPath(path, key));
          continue;
        }
        if (member === null) continue;
        visit(ctx, ref.shape, member, joinPath(path, key));
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) return typeError('an array');
      bounds(value.length, 'item count');
      value.forEach((item, i) => visit(ctx, shape.member!.shape, item, `${path}[${i}]`));
      return;
    }
    case 'map': {
      if (!isPlainObject(value)) return typeError('an object (map)');
      const entries = Object.entries(value);
      bounds(entries.length, 'entry count');
      for (const [k, v] of entries) {
        const at = mapEntryPath(path, k);
        const keyErrors: ApiViolation[] = [];
        visit(
          { ...ctx, opts: { ...ctx.opts, allowExpressions: false }, out: keyErrors },
          shape.key!.shape,
          k,
          at,
        );
        for (const err of keyErrors)
          ctx.out.push({ ...err, message: `map key ${preview(k)}: ${err.message}` });
        visit(ctx, shape.value!.shape, v, at);
      }
      return;
    }
    case 'string': {
      if (typeof value !== 'string') return typeError('a string');
      if (shape.enum && !shape.enum.includes(value)) {
        const list = shape.enum.length > 8 ? `${shape.enum.length} values` : shape.enum.join(', ');
        report('enum', `${preview(value)} is not one of ${shapeName} (${list})`);
      }
      const length = [...value].length; // characters (code points), not UTF-16 units
      bounds(length, 'length');
      if (shape.pattern !== undefined) {
        const regex = patternRegex(shape.pattern);
        if (regex && !regex.test(value)) {
          report('pattern', `${preview(value)} does not match ${shapeName} pattern ${shape.pattern}`);
        }
      }
      return;
    }
    case 'integer':
    case 'long': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return typeError('an integer');
      bounds(value, 'value');
      return;
    }
    case 'float':
    case 'double': {
      if (typeof value !== 'number' || Number.isNaN(value)) return typeError('a number');
      bounds(value, 'value');
      return;
    }
    case 'boolean': {
      if (typeof value !== 'boolean') return typeError('a boolean');
      return;
    }
    case 'timestamp': {
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) typeError('a valid timestamp');
        return;
      }
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) typeError('a timestamp');
        return;
      }
      if (typeof value === 'string') {
        if (
          !/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value)
        ) {
          typeError('an ISO 8601 timestamp');
        } else if (Number.isNaN(Date.parse(value))) typeError('a valid ISO 8601 timestamp');
        return;
      }
      return typeError('a timestamp (Date, ISO string or epoch seconds)');
    }
    case 'blob': {
      if (typeof value === 'string') return;
      if (!(value instanceof Uint8Array)) return typeError('a blob (string or Uint8Array)');
      bounds(value.byteLength, 'byte length');
      return;
    }
  }
}
