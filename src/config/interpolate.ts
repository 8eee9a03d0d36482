// Environment substitution in string values, keeping the old framework's bare-token rule and adding ${VAR}.
import type { DiagnosticBag, Loc } from './diagnostics.js';
import type { Env } from './settings.js';
import type { CNode, CScalar } from './tree.js';
import { shown, visible } from './visible.js';

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

/** A piece of a scalar: text as written, or the value of a `${…}` reference (never substituted again). */
interface Piece {
  readonly text: string;
  readonly held: boolean;
}

function interpolateScalar(node: CScalar, env: Env, bag: DiagnosticBag, path: string): CScalar {
  const original = node.value as string;
  // One pass over what the author wrote: `${…}` references become held pieces while the legacy rule runs on
  // the written text only, so a variable's value is never substituted again (no in-band placeholders).
  const pieces = substituteBraced(original, env, node.loc, bag, path);
  const value = substituteLegacy(pieces, original, env, node.loc, bag, path);
  return value === original ? node : { ...node, value };
}

/** Newlines and control characters in a variable's value would reach AWS broken: refuse them. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Whether a set variable's value can be used; reports why not at the scalar's position. */
function usable(name: string, v: string, s: string, loc: Loc, bag: DiagnosticBag, path: string): boolean {
  if (v.trim() === '') {
    bag.error(
      'empty-variable',
      loc,
      path,
      `${path}: environment variable ${name} (in \`${shown(s)}\`) is set to the empty string; give it a value`,
    );
    return false;
  }
  const m = CONTROL.exec(v);
  if (m) {
    bag.error(
      'bad-variable-value',
      loc,
      path,
      `${path}: environment variable ${name} (in \`${shown(s)}\`) holds ${m[0] === '\n' ? 'a newline' : `the control character ${visible(m[0])}`}; a value is one line of text`,
    );
    return false;
  }
  return true;
}

/** `${VAR}` anywhere; `$${` stays a literal `${`. */
function substituteBraced(s: string, env: Env, loc: Loc, bag: DiagnosticBag, path: string): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  const literal = (text: string): void => {
    if (text !== '') pieces.push({ text, held: false });
  };
  for (const m of s.matchAll(/\$?\$\{([^}]*)\}/g)) {
    const match = m[0];
    const name = m[1] ?? '';
    literal(s.slice(last, m.index));
    last = m.index + match.length;
    // Pipeline parameter references (and their `$$` escapes) are the compiler's: see config/parameters.ts.
    if (name.startsWith('param:')) {
      literal(match);
      continue;
    }
    if (match.startsWith('$$')) {
      literal(match.slice(1));
      continue;
    }
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      bag.error(
        'bad-variable',
        loc,
        path,
        `\`${shown(match)}\` is not a variable reference: names are letters, digits and _`,
      );
      literal(match);
      continue;
    }
    const v = lookup(env, name);
    if (v === undefined) {
      bag.error(
        'unset-variable',
        loc,
        path,
        `${path}: environment variable ${name} (in \`${shown(s)}\`) is not set`,
      );
      literal(match);
      continue;
    }
    if (!usable(name, v, s, loc, bag, path)) {
      literal(match);
      continue;
    }
    pieces.push({ text: v, held: true });
  }
  literal(s.slice(last));
  return pieces;
}

/**
 * The old framework's rule: split on `.` (on `/` for s3:// URIs) and replace each part that is exactly the
 * name of a set variable. An unset `SMP_…` part is an error (the old code left it to fail inside AWS). Parts
 * holding a `${…}` value are never replaced.
 */
function substituteLegacy(
  pieces: readonly Piece[],
  s: string,
  env: Env,
  loc: Loc,
  bag: DiagnosticBag,
  path: string,
): string {
  const first = pieces[0];
  const sep = first && !first.held && first.text.startsWith('s3://') ? '/' : '.';
  const parts: { text: string; literal: boolean }[] = [{ text: '', literal: true }];
  for (const p of pieces) {
    const segments = p.held ? [p.text] : p.text.split(sep);
    segments.forEach((t, i) => {
      if (i > 0) parts.push({ text: '', literal: true });
      const part = parts[parts.length - 1] as { text: string; literal: boolean };
      part.text += t;
      if (p.held) part.literal = false;
    });
  }
  const out = parts.map(({ text: part, literal }) => {
    if (!literal || !VARIABLE_NAME.test(part)) return part;
    const v = lookup(env, part);
    if (v === undefined) {
      if (SMP_TOKEN.test(part)) {
        bag.error(
          'unset-variable',
          loc,
          path,
          `${path}: \`${part}\` in \`${shown(s)}\` looks like a setting but the environment variable ${part} is not set`,
        );
      }
      return part;
    }
    if (!usable(part, v, s, loc, bag, path)) return part;
    if (!part.startsWith('SMP_')) {
      bag.warning(
        'legacy-substitution',
        loc,
        path,
        `${path}: \`${part}\` in \`${shown(s)}\` was replaced by the value of the environment variable ${part} (old framework rule); write \${${part}} to make that explicit`,
      );
    }
    return v;
  });
  return out.join(sep);
}
