// Escaping for text we did not write (step names, config values) in GitHub-flavoured Markdown.
import { visible } from '../config/visible.js';
import { defuseComments } from './marker.js';

/** U+2060 WORD JOINER: invisible, breaks GitHub's @-mention and bare-URL autolink patterns. */
const JOIN = '\u2060';

/**
 * Text we did not write, before any Markdown escaping: newlines become spaces, invisible and control
 * characters visible escapes (`\u202e`, `\x1b`), comment delimiters and our marker are defused.
 */
function plain(s: string): string {
  return defuseComments(visible(s.replace(/\r?\n|\r/g, ' ')));
}

/** Plain text in a paragraph or table cell: no HTML, no emphasis, no links, no table breaks. */
export function mdText(s: string): string {
  return (
    plain(s)
      .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // A word joiner after `@` keeps config text from @-mentioning people or teams (GitHub decodes
      // entities before it looks for mentions); one inside `://` and `www.` stops bare-URL autolinks.
      .replace(/@/g, `&#64;${JOIN}`)
      .replace(/:\/\//g, `:${JOIN}//`)
      .replace(/(?<![A-Za-z0-9])(www)\./gi, `$1${JOIN}.`)
      // At the start of a line (a blockquote line of a failure), `- x` and `1. x` would start a list.
      .replace(/^(\s*)-/, '$1\\-')
      .replace(/^(\s*\d+)([.)])/, '$1\\$2')
  );
}

/** Inline code that survives any backticks in `s`; in a table cell (the default) `|` is escaped. */
export function mdCode(s: string, inTable = true): string {
  const text = plain(s);
  const longest = longestRun(text, 0);
  const fence = '`'.repeat(longest + 1);
  // A code span drops one space at each end when both are there: pad then too, so the value shows as is.
  const pad =
    text.startsWith('`') || text.endsWith('`') || text === '' || (text.startsWith(' ') && text.endsWith(' '))
      ? ' '
      : '';
  return `${fence}${pad}${inTable ? text.replace(/\|/g, '\\|') : text}${pad}${fence}`;
}

/**
 * A fenced block whose fence is longer than any backtick run inside. `trusted` content (our own Mermaid, whose
 * labels are entity-encoded) keeps its `-->` arrows; anything else has comment delimiters defused.
 */
export function mdFence(body: string, info = '', trusted = false): string {
  const text = trusted ? body : defuseComments(body.split('\n').map(visible).join('\n'));
  const longest = longestRun(text, 2);
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${text.replace(/\n?$/, '\n')}${fence}`;
}

/** Text inside an HTML element (e.g. <summary>): entities only. */
export function htmlText(s: string): string {
  return plain(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The longest run of backticks in `s` (at least `min`); a loop, not a spread, for huge values. */
function longestRun(s: string, min: number): number {
  let longest = min;
  for (const m of s.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return longest;
}
