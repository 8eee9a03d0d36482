// plan.md: a human summary of the plan with its Mermaid graph (the PR comment builds on it).
import type { Plan } from '../compile/types.js';
import { formatBytes, stepsByModel } from '../plan/summary.js';

/** Escapes text for a Markdown table cell or paragraph: no HTML, no emphasis, no table breaks. */
export function mdText(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+!|<>&~-]/g, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`,
  );
}

export function planMarkdown(plan: Plan, mermaid: string): string {
  const out: string[] = [];
  out.push(
    `## Pipeline \`${plan.pipelineName.replace(/`/g, '')}\`: ${plan.definition.Steps.length} steps`,
    '',
  );
  out.push('```mermaid', mermaid.trimEnd(), '```', '');
  out.push('| model | steps |', '|---|---|');
  for (const [model, steps] of stepsByModel(plan))
    out.push(`| ${mdText(model)} | ${steps.map(mdText).join('<br>')} |`);
  out.push(
    '',
    `### Artifacts (${plan.artifacts.length})`,
    '',
    '| object | size | contents |',
    '|---|---|---|',
  );
  for (const a of plan.artifacts)
    out.push(`| \`${a.key}\` | ${formatBytes(a.bytes)} | ${mdText(a.description)} |`);
  if (plan.warnings.length > 0) {
    out.push('', `### Warnings (${plan.warnings.length})`, '');
    for (const w of plan.warnings) out.push(`- ${mdText(w.message)}`);
  }
  out.push('');
  return out.join('\n');
}
