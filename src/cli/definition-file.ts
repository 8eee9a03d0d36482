// A pipeline definition JSON file given on the command line (`plan --against`, `diff`); errors go to stderr.
import { readFileSync } from 'node:fs';
import type { PipelineDefinition } from '../compile/types.js';
import { definitionFromJson } from '../plan/view.js';
import type { Io } from './io.js';

export function readDefinition(file: string, io: Io): PipelineDefinition | undefined {
  try {
    return definitionFromJson(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  } catch (err) {
    io.err(`${file}: error: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}
