// A small glob matcher, so the offline core needs no @actions/* package. Supports `*`, `**`, `?`,
// `[abc]`, `[!abc]` and `{a,b}`; `*` and `?` never cross `/` nor match a leading dot.

export function globToRegExp(glob: string): RegExp {
  let re = '';
  let i = 0;
  let braceDepth = 0;
  while (i < glob.length) {
    const c = glob[i] as string;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        const atSegmentEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atSegmentStart && atSegmentEnd) {
          // `**/` matches zero or more whole directories (not dot-directories).
          re += glob[i + 2] === '/' ? '(?:(?!\\.)[^/]*/)*' : '(?:(?!\\.)[^/]*(?:/(?!\\.)[^/]*)*)?';
          i += glob[i + 2] === '/' ? 3 : 2;
          continue;
        }
      }
      re += atStart(glob, i) ? '(?!\\.)[^/]*' : '[^/]*';
      i += glob[i + 1] === '*' ? 2 : 1;
    } else if (c === '?') {
      re += atStart(glob, i) ? '(?!\\.)[^/]' : '[^/]';
      i++;
    } else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end === -1) {
        re += '\\[';
        i++;
        continue;
      }
      let body = glob.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      re += `[${negate ? '^/' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
      i = end + 1;
    } else if (c === '{') {
      braceDepth++;
      re += '(?:';
      i++;
    } else if (c === '}' && braceDepth > 0) {
      braceDepth--;
      re += ')';
      i++;
    } else if (c === ',' && braceDepth > 0) {
      re += '|';
      i++;
    } else {
      re += c.replace(/[.+^$()|\\]/g, '\\$&');
      i++;
    }
  }
  return new RegExp(`^${re}$`);
}

function atStart(glob: string, i: number): boolean {
  return i === 0 || glob[i - 1] === '/';
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
