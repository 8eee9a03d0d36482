// The hidden first line of our PR comment: identifies the comment and the plan it shows. Versioned, one line,
// and render/parse are exact inverses (parseMarker(renderMarker(m)) deep-equals m).

export interface PlanMarker {
  readonly pipeline: string;
  readonly planHash: string;
}

const PREFIX = '<!-- smp-action:plan v1 ';
const SUFFIX = ' -->';
const LINE = /^<!-- smp-action:plan v1 (\{[^\n]*\}) -->$/;

/** JSON with `<`, `>`, `-` and `&` escaped, so no value can end the comment or start another one. */
function safeJson(v: unknown): string {
  return JSON.stringify(v).replace(/[<>&-]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function renderMarker(m: PlanMarker): string {
  return `${PREFIX}${safeJson({ pipeline: m.pipeline, planHash: m.planHash })}${SUFFIX}`;
}

/** The marker of a comment body (its first line), or undefined when the body is not one of ours. */
export function parseMarker(body: string): PlanMarker | undefined {
  const first = body.split('\n', 1)[0]?.replace(/\r$/, '') ?? '';
  const m = LINE.exec(first);
  if (!m?.[1]) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(m[1]);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const { pipeline, planHash } = data as Record<string, unknown>;
  if (typeof pipeline !== 'string' || typeof planHash !== 'string') return undefined;
  return { pipeline, planHash };
}

/** Neutralises marker-like text in content we did not write (zero-width space inside `<!--` and `-->`). */
export function defuseComments(s: string): string {
  return s
    .replace(/<!--/g, '<!\u200b--')
    .replace(/-->/g, '-\u200b->')
    .replace(/smp-action:plan/g, 'smp-action\u200b:plan');
}
