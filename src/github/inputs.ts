// The only reader of action inputs: turns them into one typed ActionInputs, defaults in one place.
import path from 'node:path';
import * as core from '@actions/core';
import { splitGlobs } from '../config/find.js';

export interface ActionInputs {
  /** Config globs, relative to the workspace. */
  readonly config: readonly string[];
  /** Absolute workspace root: GITHUB_WORKSPACE joined with `working-directory`. */
  readonly workspace: string;
  /** `working-directory` relative to the repository root ('' for the root), for annotation paths. */
  readonly workingDirectory: string;
}

export class InputError extends Error {
  override name = 'InputError';
}

export function readInputs(env: NodeJS.ProcessEnv = process.env): ActionInputs {
  const repoRoot = env.GITHUB_WORKSPACE ?? process.cwd();
  const workingDirectory = core.getInput('working-directory').trim().replace(/\\/g, '/').replace(/\/+$/, '');
  const workspace = path.resolve(repoRoot, workingDirectory || '.');
  if (workspace !== path.resolve(repoRoot) && !workspace.startsWith(path.resolve(repoRoot) + path.sep)) {
    throw new InputError(
      `input working-directory \`${workingDirectory}\` is outside the repository checkout ${repoRoot}`,
    );
  }
  const config =
    splitGlobs(core.getInput('config')).length > 0
      ? splitGlobs(core.getInput('config'))
      : splitGlobs(env.SMP_MODEL_CONFIGPATH);
  if (config.length === 0) {
    throw new InputError(
      'input `config` is empty and SMP_MODEL_CONFIGPATH is not set: give the model config globs, e.g. `config: "*/conf/conf.yaml"`',
    );
  }
  return {
    config,
    workspace,
    workingDirectory: path.relative(path.resolve(repoRoot), workspace).split(path.sep).join('/'),
  };
}
