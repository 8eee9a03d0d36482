// CreateModel steps (Type Model): the registry image serving the unit's latest training artifacts.
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
): { steps: DefinitionStep[]; container: InferenceContainer } {
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
