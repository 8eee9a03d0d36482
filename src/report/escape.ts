// Escaping for text we did not write (step names, config values) in GitHub-flavoured Markdown.
import { defuseComments } from './marker.js';

/** Plain text in a paragraph or table cell: no HTML, no emphasis, no links, no table breaks. */
export function mdText(s: string): string {
  return (
    defuseComments(s)
      .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // An entity keeps config text from @-mentioning people or teams in the comment.
      .replace(/@/g, '&#64;')
      .replace(/\r?\n/g, ' ')
  );
}

/** Inline code that survives any backticks in `s`; in a table cell (the default) `|` is escaped. */
export function mdCode(s: string, inTable = true): string {
  const text = defuseComments(s).replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  return `${fence}${pad}${inTable ? text.replace(/\|/g, '\\|') : text}${pad}${fence}`;
}

/**
 * A fenced block whose fence is longer than any backtick run inside. `trusted` content (our own Mermaid, whose
 * labels are entity-encoded) keeps its `-->` arrows; anything else has comment delimiters defused.
 */
export function mdFence(body: string, info = '', trusted = false): string {
  const text = trusted ? body : defuseComments(body);
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${text.replace(/\n?$/, '\n')}${fence}`;
}

/** Text inside an HTML element (e.g. <summary>): entities only. */
export function htmlText(s: string): string {
  return defuseComments(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
