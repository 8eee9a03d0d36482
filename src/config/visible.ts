// Text we did not write, made safe to show in a message: invisible and control characters become visible
// escapes (`\u200b`, `\x1b`, `\n`), and long values are cut with their length. Pure; used by every renderer.

/**
 * C0/C1 controls, DEL, and the invisible format characters that can hide or reorder text: soft hyphen,
 * Arabic letter mark, Mongolian vowel separator, zero-width and bidi marks, line/paragraph separators,
 * bidi embeddings/overrides/isolates, word joiners and invisible operators, the BOM, interlinear annotations.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Whether `s` holds a character that `visible` would rewrite. */
export function hasInvisible(s: string): boolean {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(s);
}

/** Every invisible or control character as an escape: `\x1b`, `\u200b`, `\n`. */
export function visible(s: string): string {
  return s.replace(INVISIBLE, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Longest value shown in a message before it is cut. */
export const MAX_SHOWN = 120;

/** A value for a message: visible, and cut to `max` characters with its full length said. */
export function shown(s: string, max = MAX_SHOWN): string {
  const v = visible(s);
  if (v.length <= max) return v;
  // Never cut a surrogate pair in half.
  let cut = v.slice(0, max);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}… (${s.length} characters)`;
}
