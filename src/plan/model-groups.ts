// The model package groups a plan's RegisterModel steps write to.
import { allDefinitionSteps } from '../compile/branches.js';
import type { Plan } from '../compile/types.js';

/** Model package groups the plan's RegisterModel steps write to. */
export function modelPackageGroups(plan: Plan): string[] {
  const groups = new Set<string>();
  for (const s of allDefinitionSteps(plan.definition.Steps)) {
    if (s.Type !== 'RegisterModel') continue;
    const g = s.Arguments.ModelPackageGroupName;
    if (typeof g === 'string') groups.add(g);
  }
  return [...groups].sort();
}
