// Where a plan's registered versions keep their metrics objects, as IAM resources: the run report reads them
// (s3:GetObject). Pure: read from the definition, literal parts only.
import { allDefinitionSteps } from '../compile/branches.js';
import type { DefinitionStep, Value } from '../compile/types.js';

/**
 * `arn:aws:s3:::<bucket>/<key>` for a literal location, `arn:aws:s3:::<bucket>/<prefix>*` for one that is
 * generated per execution. A location whose bucket is not a literal (a pipeline parameter) is left out: IAM
 * cannot be scoped to it from the plan.
 */
export function metricsObjectResources(steps: readonly DefinitionStep[]): string[] {
  const all = allDefinitionSteps(steps);
  const out = new Set<string>();
  for (const s of all) {
    if (s.Type !== 'RegisterModel') continue;
    const uri = field(s.Arguments.ModelMetrics, 'ModelQuality', 'Statistics', 'S3Uri');
    if (uri === undefined) continue;
    const { text, complete } = literalPrefix(uri, all);
    const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\/(.*)$/.exec(text);
    if (!m) continue;
    out.add(`arn:aws:s3:::${m[1]}/${m[2]}${complete ? '' : '*'}`);
  }
  return [...out].sort();
}

function field(v: Value | undefined, ...path: string[]): Value | undefined {
  let cur = v;
  for (const k of path) {
    if (!cur || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, Value>)[k];
  }
  return cur;
}

const OUTPUT_REF = /^Steps\.([^.]+)\.ProcessingOutputConfig\.Outputs\['([^']+)'\]\.S3Output\.S3Uri$/;

/** The literal start of a value: all of it for a string, up to the first run-time part of a `Std:Join`. */
function literalPrefix(
  v: Value,
  steps: readonly DefinitionStep[],
  depth = 0,
): { text: string; complete: boolean } {
  if (typeof v === 'string') return { text: v, complete: true };
  if (!v || typeof v !== 'object' || Array.isArray(v) || depth > 8) return { text: '', complete: false };
  const e = v as Record<string, Value>;
  if (typeof e.Get === 'string') {
    // A Processing step's output location, as its definition gives it.
    const ref = OUTPUT_REF.exec(e.Get);
    const producer = ref && steps.find((s) => s.Name === ref[1]);
    const outputs = field(producer?.Arguments.ProcessingOutputConfig, 'Outputs');
    const output = Array.isArray(outputs)
      ? (outputs as Value[]).find((o) => field(o, 'OutputName') === ref?.[2])
      : undefined;
    const uri = field(output, 'S3Output', 'S3Uri');
    return uri === undefined ? { text: '', complete: false } : literalPrefix(uri, steps, depth + 1);
  }
  const join = e['Std:Join'] as { On?: Value; Values?: Value } | undefined;
  if (join && typeof join.On === 'string' && Array.isArray(join.Values)) {
    let text = '';
    for (const [i, part] of (join.Values as Value[]).entries()) {
      const p = literalPrefix(part, steps, depth + 1);
      text += `${i > 0 ? join.On : ''}${p.text}`;
      if (!p.complete) return { text, complete: false };
    }
    return { text, complete: true };
  }
  return { text: '', complete: false };
}
