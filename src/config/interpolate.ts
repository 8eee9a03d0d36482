// Environment substitution in string values, keeping the old framework's bare-token rule and adding ${VAR}.
import type { DiagnosticBag, Loc } from './diagnostics.js';
import type { Env } from './settings.js';
import type { CNode, CScalar } from './tree.js';

const VARIABLE_NAME = /^[A-Z][A-Z0-9_]*$/;
// The contract writes SMP_[A-Z_]+, but real names carry digits (SMP_S3BUCKETNAME).
const SMP_TOKEN = /^SMP_[A-Z0-9_]+$/;

/** Returns a new tree with every string scalar substituted; errors for unset variables go to `bag`. */
export function interpolateTree(node: CNode, env: Env, bag: DiagnosticBag, path = ''): CNode {
  switch (node.kind) {
    case 'scalar':
      return typeof node.value === 'string' ? interpolateScalar(node, env, bag, path) : node;
    case 'seq':
      return { ...node, items: node.items.map((n, i) => interpolateTree(n, env, bag, `${path}[${i}]`)) };
    case 'map':
      return {
        ...node,
        entries: node.entries.map((e) => ({
          ...e,
          value: interpolateTree(e.value, env, bag, path ? `${path}.${e.key}` : e.key),
        })),
      };
  }
}

/** Own, set variables only: `${constructor}` must not read Object.prototype. */
function lookup(env: Env, name: string): string | undefined {
  return Object.hasOwn(env, name) ? env[name] : undefined;
}

// A NUL-delimited index marks a held `${…}` value (NUL never appears in YAML text).
// eslint-disable-next-line no-control-regex
const HELD = /\u0000(\d+)\u0000/g;

function interpolateScalar(node: CScalar, env: Env, bag: DiagnosticBag, path: string): CScalar {
  const original = node.value as string;
  // One pass over what the author wrote: `${…}` references become placeholders while the legacy rule runs,
  // so a variable's value is never substituted again.
  const values: string[] = [];
  const held = substituteBraced(
    original,
    env,
    node.loc,
    bag,
    path,
    (v) => `\u0000${values.push(v) - 1}\u0000`,
  );
  const legacy = substituteLegacy(held, env, node.loc, bag, path);
  const value = legacy.replace(HELD, (_, i: string) => values[Number(i)] ?? '');
  return value === original ? node : { ...node, value };
}

/** `${VAR}` anywhere; `$${` stays a literal `${`. */
function substituteBraced(
  s: string,
  env: Env,
  loc: Loc,
  bag: DiagnosticBag,
  path: string,
  hold: (value: string) => string,
): string {
  return s.replace(/\$?\$\{([^}]*)\}/g, (match: string, name: string) => {
    // Pipeline parameter references (and their `$$` escapes) are the compiler's: see config/parameters.ts.
    if (name.startsWith('param:')) return match;
    if (match.startsWith('$$')) return match.slice(1);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      bag.error(
        'bad-variable',
        loc,
        path,
        `\`${match}\` is not a variable reference: names are letters, digits and _`,
      );
      return match;
    }
    const v = lookup(env, name);
    if (v === undefined) {
      bag.error(
        'unset-variable',
        loc,
        path,
        `${path}: environment variable ${name} (in \`${s}\`) is not set`,
      );
      return match;
    }
    return hold(v);
  });
}

/**
 * The old framework's rule: split on `.` (on `/` for s3:// URIs) and replace each part that is exactly the
 * name of a set variable. An unset `SMP_…` part is an error (the old code left it to fail inside AWS).
 */
function substituteLegacy(s: string, env: Env, loc: Loc, bag: DiagnosticBag, path: string): string {
  const sep = s.startsWith('s3://') ? '/' : '.';
  const parts = s.split(sep);
  let changed = false;
  const out = parts.map((part) => {
    if (!VARIABLE_NAME.test(part)) return part;
    const v = lookup(env, part);
    if (v === undefined) {
      if (SMP_TOKEN.test(part)) {
        bag.error(
          'unset-variable',
          loc,
          path,
          `${path}: \`${part}\` in \`${s}\` looks like a setting but the environment variable ${part} is not set`,
        );
      }
      return part;
    }
    if (!part.startsWith('SMP_')) {
      bag.warning(
        'legacy-substitution',
        loc,
        path,
        `${path}: \`${part}\` in \`${s}\` was replaced by the value of the environment variable ${part} (old framework rule); write \${${part}} to make that explicit`,
      );
    }
    changed = true;
    return v;
  });
  return changed ? out.join(sep) : s;
}
