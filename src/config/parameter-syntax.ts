// Parameter syntax: `${param:Name}` references (shared by the config checks and the compiler) and run-time
// `Name=Value` text. No imports: the action's entry parses its `parameters` input before the core loads.

/** `${param:Name}`, and its escaped form `$${param:Name}` (a literal `${param:Name}`). */
export const PARAM_REF = /\$?\$\{param:([^}]*)\}/g;
/** A value that is exactly one reference. */
export const WHOLE_PARAM_REF = /^\$\{param:([A-Za-z0-9_-]{1,64})\}$/;

/** `Name=Value` lines (blank lines and `#` comments skipped) or a JSON object, as the action input takes them. */
export function parseParameterText(text: string): { values: [string, string][]; errors: string[] } {
  const trimmed = text.trim();
  if (trimmed === '') return { values: [], errors: [] };
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (err) {
      return { values: [], errors: [`not valid JSON: ${err instanceof Error ? err.message : String(err)}`] };
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      return { values: [], errors: ['expected a JSON object of parameter names to values'] };
    const values: [string, string][] = [];
    const errors: string[] = [];
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
        values.push([k, String(v)]);
      else errors.push(`${k}: expected a string, number or boolean value`);
    }
    return { values, errors };
  }
  return parseAssignments(trimmed.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trim().startsWith('#')));
}

/** `Name=Value` items (the value may contain `=`; surrounding spaces of the name are trimmed). */
export function parseAssignments(items: readonly string[]): { values: [string, string][]; errors: string[] } {
  const values: [string, string][] = [];
  const errors: string[] = [];
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) {
      errors.push(`\`${item}\` is not Name=Value`);
      continue;
    }
    values.push([item.slice(0, eq).trim(), item.slice(eq + 1)]);
  }
  return { values, errors };
}
