// CreateModel steps (Type Model): the registry image serving the unit's latest training artifacts, or, in a
// unit with `model_package`, the registered model package the unit's parameter names.
import type { StepConfig } from '../../config/types.js';
import type { CompileContext } from '../context.js';
import type { DefinitionStep } from '../types.js';
import type { UnitLinks } from '../units.js';
import { compact, CompileError, vpcConfigSgFirst } from './common.js';
import type { InferenceContainer } from './model-container.js';
import { inferenceContainer } from './model-container.js';

export function createModelStep(
  ctx: CompileContext,
  step: StepConfig,
  links: UnitLinks,
): { steps: DefinitionStep[]; container: InferenceContainer | undefined } {
  const pkg = ctx.packages.get(step.model);
  if (pkg) {
    const model: DefinitionStep = {
      Name: step.name,
      Type: 'Model',
      Arguments: compact({
        ExecutionRoleArn: ctx.settings.role,
        // A generated String parameter: its default is the resolved version; `run` passes the newest.
        PrimaryContainer: {
          ModelPackageName: ctx.parameters.add({
            name: pkg.parameter,
            type: 'String',
            default: pkg.defaultArn,
            origin: `model ${pkg.model} (model_package)`,
          }),
        },
        VpcConfig: vpcConfigSgFirst(ctx),
      }),
    };
    return { steps: [model], container: undefined };
  }
  const training = links.Training;
  if (!training)
    throw new CompileError(step, `${step.path}: a CreateModel step needs an earlier Training step`);
  const container = inferenceContainer(ctx, step, training);
  const model: DefinitionStep = {
    Name: step.name,
    Type: 'Model',
    Arguments: compact({
      ExecutionRoleArn: ctx.settings.role,
      PrimaryContainer: { ...container.container },
      VpcConfig: vpcConfigSgFirst(ctx),
    }),
  };
  return { steps: container.repack ? [container.repack, model] : [model], container };
}
