// Shape checks with zod, reported at the position of the offending node; unknown keys become warnings.
import type { z } from 'zod';
import type { DiagnosticBag } from './diagnostics.js';
import { didYouMean } from './suggest.js';
import { describeValue, formatPath, locate, toPlain } from './tree.js';
import type { CNode, PathSegment } from './tree.js';

type Issue = z.core.$ZodIssue;

/** Parses `node` with `schema`; reports every issue at its node and returns the data or undefined. */
export function checkShape<T>(
  schema: z.ZodType<T>,
  node: CNode,
  base: readonly PathSegment[],
  bag: DiagnosticBag,
): T | undefined {
  const result = schema.safeParse(toPlain(node));
  if (result.success) return result.data;
  for (const issue of result.error.issues) reportIssue(issue, node, base, bag);
  return undefined;
}

function reportIssue(
  issue: Issue,
  root: CNode,
  base: readonly PathSegment[],
  bag: DiagnosticBag,
  prefix: PathSegment[] = [],
): void {
  const rel = [...prefix, ...(issue.path as PathSegment[])];
  if (issue.code === 'invalid_union') {
    // Report the branch that got furthest: the one whose issues are deepest (e.g. a channel map with a bad file).
    const branches = issue.errors;
    const best = [...branches].sort((a, b) => depth(b) - depth(a))[0];
    if (best && depth(best) > 0) {
      for (const sub of best) reportIssue(sub, root, base, bag, rel);
      return;
    }
  }
  const { node, keyLoc, found } = locate(root, rel);
  const path = formatPath([...base, ...rel]);
  const loc = found ? (issue.code === 'invalid_key' ? (keyLoc ?? node.loc) : node.loc) : (keyLoc ?? node.loc);
  bag.error(codeOf(issue), loc, path, `${path}: ${explain(issue, found ? node : undefined, rel)}`);
}

function depth(issues: readonly Issue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length + (i.code === 'invalid_type' ? 0 : 0.5)));
}

function codeOf(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return 'wrong-type';
    case 'invalid_value':
      return 'not-allowed-value';
    case 'invalid_format':
      return 'bad-format';
    case 'too_small':
    case 'too_big':
      return 'out-of-range';
    case 'invalid_key':
      return 'bad-key';
    default:
      return 'invalid';
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'a boolean (true or false)',
  object: 'a mapping',
  record: 'a mapping',
  array: 'a list',
  null: 'nothing',
};

function explain(issue: Issue, node: CNode | undefined, rel: readonly PathSegment[]): string {
  const got = node ? describeValue(node) : 'nothing';
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (!node) return `is required (${expected})`;
      return `expected ${expected}, got ${got}${quoteHint(node, issue.expected)}`;
    }
    case 'invalid_union': {
      const expectations = issue.errors
        .flat()
        .map((i) =>
          i.code === 'invalid_type'
            ? (TYPE_NAMES[i.expected] ?? i.expected)
            : i.code === 'invalid_value'
              ? i.values.map((v) => JSON.stringify(v)).join(' or ')
              : '',
        )
        .filter(Boolean);
      const boolHint =
        node && issue.errors.flat().some((i) => i.code === 'invalid_type' && i.expected === 'boolean')
          ? quoteHint(node, 'boolean')
          : '';
      return node
        ? `expected ${[...new Set(expectations)].join(' or ')}, got ${got}${boolHint}`
        : 'is required';
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v));
      const input = node?.kind === 'scalar' ? String(node.value) : '';
      return `${got} is not allowed: use one of ${values.map((v) => `\`${v}\``).join(', ')}${didYouMean(input, values)}`;
    }
    case 'invalid_format': {
      const custom = issue.message.startsWith('Invalid')
        ? `match ${issue.format === 'regex' ? (issue as { pattern?: string }).pattern : issue.format}`
        : issue.message;
      return `${got} is not valid: expected ${custom}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === 'string') return `must not be empty`;
      return `${got} is too small: the minimum is ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'array') return `has too many items: at most ${String(issue.maximum)}`;
      if (issue.origin === 'string') return `${got} is too long: at most ${String(issue.maximum)} characters`;
      return `${got} is too large: the maximum is ${String(issue.maximum)}`;
    case 'invalid_key': {
      const key = rel[rel.length - 1];
      const inner = issue.issues[0];
      const rule =
        inner && inner.code === 'invalid_format' && !inner.message.startsWith('Invalid')
          ? inner.message
          : 'a valid name';
      return `key ${JSON.stringify(key)} is not valid: expected ${rule}`;
    }
    default:
      return issue.message;
  }
}

function quoteHint(node: CNode, expected: string): string {
  if (node.kind !== 'scalar' || typeof node.value !== 'string') return '';
  const v = node.value.trim();
  if ((expected === 'number' || expected === 'int') && v !== '' && !Number.isNaN(Number(v))) {
    return ` (write ${v} without quotes)`;
  }
  if (expected === 'boolean' && /^(true|false|yes|no|on|off)$/i.test(v)) {
    const b = /^(true|yes|on)$/i.test(v) ? 'true' : 'false';
    return ` (write ${b} without quotes)`;
  }
  if (v === '') return ' (remove the key to use the default)';
  return '';
}

// ---- unknown keys ------------------------------------------------------------------------------------

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  getter?: () => z.ZodType;
  in?: z.ZodType;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Object keys the schema accepts at this node, following optional/nullable/lazy/union wrappers. */
export function reportUnknownKeys(
  schema: z.ZodType,
  node: CNode,
  base: readonly PathSegment[],
  bag: DiagnosticBag,
): void {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
      if (def.innerType) reportUnknownKeys(def.innerType, node, base, bag);
      return;
    case 'lazy':
      if (def.getter) reportUnknownKeys(def.getter(), node, base, bag);
      return;
    case 'pipe':
      if (def.in) reportUnknownKeys(def.in, node, base, bag);
      return;
    case 'union':
      for (const option of def.options ?? []) {
        const t = defOf(option).type;
        if (
          (node.kind === 'map' && (t === 'object' || t === 'record')) ||
          (node.kind === 'seq' && t === 'array')
        ) {
          reportUnknownKeys(option, node, base, bag);
          return;
        }
      }
      return;
    case 'array':
      if (node.kind === 'seq' && def.element) {
        node.items.forEach((item, i) => reportUnknownKeys(def.element as z.ZodType, item, [...base, i], bag));
      }
      return;
    case 'record':
      if (node.kind === 'map' && def.valueType) {
        for (const e of node.entries) reportUnknownKeys(def.valueType, e.value, [...base, e.key], bag);
      }
      return;
    case 'object': {
      if (node.kind !== 'map' || !def.shape) return;
      const known = Object.keys(def.shape);
      for (const e of node.entries) {
        const sub = def.shape[e.key];
        if (sub) {
          reportUnknownKeys(sub, e.value, [...base, e.key], bag);
          continue;
        }
        const path = formatPath([...base, e.key]);
        bag.warning(
          'unknown-key',
          e.keyLoc,
          path,
          `unknown key \`${e.key}\` in ${formatPath(base) || 'the file'} is ignored${didYouMean(e.key, known)}`,
        );
      }
      return;
    }
    default:
      return;
  }
}
