// Model packages resolved online: the versioned ARNs of `model_package` units become parameter defaults.
import { compileProject } from '../compile/compile.js';
import type { Plan } from '../compile/types.js';
import type { ProjectConfig } from '../config/types.js';
import type { AwsClients } from '../aws/clients.js';

/**
 * The plan with every `model_package` resolved in the Model Registry (the versioned ARNs become the parameter
 * defaults, and so part of the plan hash). A plan without such units is returned as it is.
 */
export async function resolvePlan(config: ProjectConfig, plan: Plan, clients: AwsClients): Promise<Plan> {
  if (plan.modelPackages.length === 0) return plan;
  const { resolvePackages } = await import('../aws/model-packages.js');
  const packages = await resolvePackages(
    clients.sagemaker,
    plan.modelPackages,
    clients.region,
    config.settings.accountId,
  );
  const again = compileProject(config, { packages });
  // The same config compiled a moment ago; only the parameter defaults differ.
  if (!again.plan) throw new Error(`internal: the plan no longer compiles with resolved model packages`);
  return again.plan;
}
