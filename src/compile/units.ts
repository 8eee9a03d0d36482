// Unit rules of the contract: a step uses the latest earlier Training / CreateModel / Transform / Metrics of
// its model (the config phase already checked that the ones it needs exist).
import type { StepClass, StepConfig, UnitConfig } from '../config/types.js';

export type UnitLinks = Partial<Record<StepClass, StepConfig>>;

/** For each step name, the latest earlier step of each class in its unit. */
export function unitLinks(units: readonly UnitConfig[]): Map<string, UnitLinks> {
  const out = new Map<string, UnitLinks>();
  for (const unit of units) {
    const latest: UnitLinks = {};
    for (const step of unit.steps) {
      out.set(step.name, { ...latest });
      latest[step.stepClass] = step;
    }
  }
  return out;
}
