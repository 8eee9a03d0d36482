// Text for the runner's log (stdout), where a line can be a workflow command. Pure: runner.ts calls these for
// every line it prints, so no config value, file name or AWS message can issue `::add-mask::`,
// `::stop-commands::`, `::error file=…` or the older `##[command]` form, and no terminal escape reaches the log.
import { visible } from '../config/visible.js';

/**
 * The runner reads a line as a command when, trimmed, it starts with `::` (v2), or when it holds `##[` anywhere
 * (v1). Such a line has its `::` / `##[` percent-encoded: visible, and never a command.
 */
export function defuseCommandLine(line: string): string {
  const lead = /^\s*::/.exec(line);
  const out = lead ? `${lead[0].slice(0, -2)}%3A%3A${line.slice(lead[0].length)}` : line;
  return out.replace(/##\[/g, '##%5B');
}

/** One log line per line of `message`; control and invisible characters visible, none a command. */
export function logLines(message: string): string[] {
  return message.split(/\r?\n|\r/).map((l) => defuseCommandLine(visible(l)));
}

/**
 * The message of a command we issue (annotation, group title, debug): line breaks stay line breaks (the runner
 * library escapes them as `%0A`, `%`, CR and LF included), and within each line control and invisible
 * characters are shown spelled out.
 */
export function visibleLines(message: string): string {
  return message
    .split(/\r?\n|\r/)
    .map((l) => visible(l))
    .join('\n');
}
