// The job summary of a run that followed an execution: the outcome as the heading, then what the run did (the run
// report, the failure) and only then the plan it deployed, so nothing about the outcome sits below the plan.
// Without an outcome (plan and deploy modes, or a run that failed before starting) it is the plan comment with
// those sections, as on the PR. Pure.

/** `plan(sections)` renders the plan comment with `sections` as its extra sections. */
export function renderJobSummary(
  outcome: string | undefined,
  sections: readonly string[],
  plan: (sections: readonly string[]) => string,
): string {
  if (!outcome) return plan(sections);
  return [`### ${outcome}`, '', ...sections.map((s) => `${s.trimEnd()}\n`), plan([])].join('\n');
}
