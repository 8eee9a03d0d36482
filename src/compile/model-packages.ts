// Units that score with a registered model (`model_package`): one String pipeline parameter per unit,
// `<Model>ModelPackage`, holding the versioned model package ARN. Its default is what the plan resolved
// (online) or a placeholder (offline); `run` passes the newest approved version as the value.
import type { Loc } from '../config/diagnostics.js';
import { packageParameterName } from '../config/model-package.js';
import type { ProjectConfig } from '../config/types.js';

/** What the registry said about the version a plan uses. */
export interface ResolvedPackage {
  readonly arn: string;
  readonly group: string;
  readonly version: number;
  readonly approvalStatus: string;
  readonly status: string;
  /** ISO-8601 registration time. */
  readonly createdAt: string;
}

export interface PackageBinding {
  readonly model: string;
  /** The pipeline parameter the Model step reads (`ChurnModelPackage`). */
  readonly parameter: string;
  readonly group: string;
  readonly version: 'latest-approved' | number | string;
  readonly requireApproved: boolean;
  readonly loc: Loc;
  /** Undefined: planned offline; the parameter default is a placeholder and deploy/run refuse. */
  readonly resolved: ResolvedPackage | undefined;
  /** The parameter default in the definition. */
  readonly defaultArn: string;
}

/** Clearly fake (account 000000000000, version 0) so an unresolved plan can never score with it. */
export function placeholderPackageArn(region: string, group: string): string {
  return `arn:aws:sagemaker:${region}:000000000000:model-package/${group.toLowerCase()}/0`;
}

/** One binding per pipeline unit whose model has `model_package` and that creates a model. */
export function packageBindings(
  config: ProjectConfig,
  resolved: ReadonlyMap<string, ResolvedPackage> = new Map(),
): PackageBinding[] {
  const out: PackageBinding[] = [];
  for (const unit of config.pipeline.units) {
    const source = config.models[unit.model]?.modelPackage;
    if (!source || !unit.steps.some((s) => s.stepClass === 'CreateModel')) continue;
    const r = resolved.get(unit.model);
    out.push({
      model: unit.model,
      parameter: packageParameterName(unit.model),
      group: source.group,
      version: source.version,
      requireApproved: source.requireApproved,
      loc: source.loc,
      resolved: r,
      defaultArn: r?.arn ?? placeholderPackageArn(config.settings.region, source.group),
    });
  }
  return out;
}

/** Why a plan with these bindings cannot be deployed, or undefined when every one is resolved. */
export function unresolvedReason(bindings: readonly PackageBinding[]): string | undefined {
  const open = bindings.filter((b) => !b.resolved);
  if (open.length === 0) return undefined;
  return `the model package${open.length === 1 ? '' : 's'} of ${open.map((b) => `\`${b.model}\` (group ${b.group}, ${String(b.version)})`).join(', ')} ${open.length === 1 ? 'is' : 'are'} unresolved: the plan was made offline, without reading the Model Registry`;
}
