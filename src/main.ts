// The action adapter: inputs → config phase → annotations/outputs. Domain code never imports @actions/*.
import * as core from '@actions/core';
import { loadProject } from './config/load.js';
import { allSteps } from './config/types.js';
import { annotate } from './github/annotate.js';
import { InputError, readInputs } from './github/inputs.js';

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    core.startGroup('Validate model configs');
    const result = loadProject({
      workspace: inputs.workspace,
      globs: inputs.config,
      env: process.env,
      allowPlaceholders: true,
    });
    annotate(result.diagnostics, inputs.workingDirectory);
    core.endGroup();
    if (!result.config) {
      const n = result.diagnostics.filter((d) => d.severity === 'error').length;
      core.setFailed(`${n} configuration error${n === 1 ? '' : 's'}: see the annotations`);
      return;
    }
    const c = result.config;
    core.info(
      `ok: ${c.pipeline.units.length} model(s), ${allSteps(c.pipeline).length} step(s) in pipeline ${c.pipeline.name}`,
    );
    core.setOutput('pipeline-name', c.pipeline.name);
    await Promise.resolve();
  } catch (err) {
    // One clear line; a stack trace is only useful for our own bugs, and then the debug log has it.
    if (!(err instanceof InputError) && err instanceof Error && err.stack) core.debug(err.stack);
    core.setFailed(err instanceof Error ? err.message : String(err));
  }
}
