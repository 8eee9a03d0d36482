// Config globs with Python-glob semantics (the old framework used glob.glob(..., recursive=True)): `*`, `?`,
// `[abc]`, `[!abc]` within one path segment, `**` as a whole segment for zero or more folders, and `{a,b}`
// alternatives; wildcards never match a leading dot; `(`, `|`, `+`, `@`, `!` are literal characters.
//
// Matching is per path segment, with picomatch matching a name against one segment's pattern, and the folder
// walk advancing a set of segment positions (an NFA), so time grows linearly with the depth and number of
// paths, never exponentially (several `**` against a deep tree used to backtrack for hours). Within a segment,
// names are at most 255 bytes and a segment may hold at most MAX_STARS `*`, which bounds picomatch's work.
import picomatch from 'picomatch';

/** `*` per path segment: more would let picomatch's backtracking grow as name length ^ stars. */
export const MAX_STARS = 3;
/** Alternatives a glob's `{…}` groups may expand to. */
export const MAX_EXPANSIONS = 256;

export type Segment =
  { readonly globstar: true } | { readonly globstar: false; readonly test: (name: string) => boolean };

export class GlobError extends Error {
  override name = 'GlobError';
}

/** One compiled glob per `{…}` alternative, each a list of segments. Throws GlobError when too complex. */
export function compileGlob(glob: string): Segment[][] {
  return expandBraces(glob).map((alt) =>
    alt.split('/').map((seg): Segment => {
      if (seg === '**') return { globstar: true };
      if ((seg.match(/\*+/g) ?? []).length > MAX_STARS)
        throw new GlobError(
          `the path segment \`${seg}\` has more than ${MAX_STARS} \`*\`; use fewer wildcards`,
        );
      if (!hasMagic(seg)) return { globstar: false, test: (name) => name === seg };
      const isMatch = picomatch(toPicomatch(seg), {
        dot: false,
        nonegate: true,
        noextglob: true,
        nobrace: true,
      });
      return { globstar: false, test: (name) => isMatch(name) };
    }),
  );
}

/** One segment in picomatch's syntax: Python's `[!…]` is `[^…]`, and regex/extglob characters are literal. */
function toPicomatch(seg: string): string {
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i] as string;
    if (c === '[') {
      const end = seg.indexOf(']', i + 2);
      if (end !== -1) {
        let body = seg.slice(i + 1, end);
        const negate = body.startsWith('!') || body.startsWith('^');
        if (negate) body = body.slice(1);
        out += `[${negate ? '^' : ''}${body.replace(/\\/g, '\\\\')}]`;
        i = end;
        continue;
      }
      out += '\\[';
    } else if (c === '*' || c === '?') out += c;
    else if (/[\\()|+@!$^.{},\]]/.test(c)) out += `\\${c}`;
    else out += c;
  }
  return out;
}

/** `a{b,c{d,e}}` → `ab`, `acd`, `ace`; an unclosed `{` is literal. */
export function expandBraces(glob: string): string[] {
  const open = glob.indexOf('{');
  if (open === -1) return [glob];
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < glob.length; i++) {
    const c = glob[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      close = i;
      break;
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  if (close === -1) return [glob];
  const head = glob.slice(0, open);
  const tails = expandBraces(glob.slice(close + 1));
  const bounds = [open, ...commas, close];
  const out: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    for (const alt of expandBraces(glob.slice((bounds[k] as number) + 1, bounds[k + 1]))) {
      for (const tail of tails) {
        out.push(`${head}${alt}${tail}`);
        if (out.length > MAX_EXPANSIONS)
          throw new GlobError(`its \`{…}\` alternatives expand to more than ${MAX_EXPANSIONS} globs`);
      }
    }
  }
  return out;
}

/** Positions reachable after `**` segments at `states` (a `**` also matches zero folders). */
export function closure(segments: readonly Segment[], states: Iterable<number>): Set<number> {
  const out = new Set<number>();
  const todo = [...states];
  while (todo.length > 0) {
    const s = todo.pop() as number;
    if (out.has(s)) continue;
    out.add(s);
    if (segments[s]?.globstar) todo.push(s + 1);
  }
  return out;
}

/** Positions after consuming one path segment `name`; a `**` matches any name not starting with a dot. */
export function step(segments: readonly Segment[], states: ReadonlySet<number>, name: string): Set<number> {
  const next: number[] = [];
  for (const s of states) {
    const seg = segments[s];
    if (!seg) continue;
    if (seg.globstar) {
      if (!name.startsWith('.')) next.push(s);
    } else if (seg.test(name)) next.push(s + 1);
  }
  return closure(segments, next);
}

/** Whether a path ends at an accepting position (a final `**` already accepts through closure). */
export function accepts(segments: readonly Segment[], states: ReadonlySet<number>): boolean {
  return states.has(segments.length);
}

/** Whether a workspace-relative POSIX path matches one of the compiled alternatives. */
export function matches(compiled: readonly Segment[][], file: string): boolean {
  const names = file.split('/');
  return compiled.some((segments) => {
    let states = closure(segments, [0]);
    for (const name of names) {
      states = step(segments, states, name);
      if (states.size === 0) return false;
    }
    return accepts(segments, states);
  });
}

/** The leading directories of a glob that hold no pattern characters, e.g. `examples/` of `examples/*\/conf`. */
export function literalPrefix(glob: string): string {
  const parts = glob.split('/');
  const out: string[] = [];
  for (const p of parts.slice(0, -1)) {
    if (/[*?[{]/.test(p)) break;
    out.push(p);
  }
  return out.join('/');
}

export function hasMagic(glob: string): boolean {
  return /[*?[{]/.test(glob);
}
