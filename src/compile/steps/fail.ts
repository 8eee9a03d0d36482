// Fail steps: end the execution as Failed with a message (the SDK's FailStep: Arguments.ErrorMessage only).
import type { DefinitionStep, Value } from '../types.js';

export function failStep(name: string, message: Value): DefinitionStep {
  return { Name: name, Type: 'Fail', Arguments: { ErrorMessage: message } };
}
