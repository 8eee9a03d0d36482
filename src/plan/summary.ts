// A short plain-text summary of a plan, for the CLI and the action log.
import { allDefinitionSteps } from '../compile/branches.js';
import type { Plan } from '../compile/types.js';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** Steps per model in definition order, each `name (Type)`. */
export function stepsByModel(plan: Plan): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of allDefinitionSteps(plan.definition.Steps)) {
    const model = plan.origins.get(s.Name)?.model ?? '';
    out.set(model, [...(out.get(model) ?? []), `${s.Name} (${s.Type})`]);
  }
  return out;
}

export function planSummary(plan: Plan): string {
  const lines = [
    `pipeline ${plan.pipelineName}: ${allDefinitionSteps(plan.definition.Steps).length} steps, definition ${formatBytes(plan.definitionJson.length)}`,
  ];
  for (const [model, steps] of stepsByModel(plan)) lines.push(`  ${model}: ${steps.join(', ')}`);
  const total = plan.artifacts.reduce((n, a) => n + a.bytes, 0);
  lines.push(`artifacts: ${plan.artifacts.length} (${formatBytes(total)} before gzip)`);
  for (const a of plan.artifacts) lines.push(`  ${a.s3Uri}  ${formatBytes(a.bytes)}  ${a.description}`);
  if (plan.definitionS3)
    lines.push(`definition sent through s3://${plan.definitionS3.bucket}/${plan.definitionS3.key}`);
  return lines.join('\n');
}
