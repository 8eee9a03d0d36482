// Clone the model repositories (if any), then validate and compile: what every mode starts with.
import { loadAndCompile } from '../app/compile-project.js';
import type { Compiled } from '../app/compile-project.js';
import { applyOverrides } from '../config/overrides.js';
import { annotate } from '../github/annotate.js';
import type { GithubContext } from '../github/event.js';
import type { ActionInputs } from '../github/inputs.js';
import * as core from '../github/runner.js';
import { planSummary } from '../plan/summary.js';

export async function compileWorkspace(inputs: ActionInputs, ctx: GithubContext): Promise<Compiled> {
  const extraRoots =
    inputs.modelRepositories.length > 0
      ? await core.group('Clone model repositories', () => cloneRepos(inputs, ctx))
      : [];
  const env = applyOverrides(process.env, inputs.overrides);
  return core.group('Validate and compile', () => {
    const r = loadAndCompile({
      workspace: inputs.workspace,
      globs: inputs.config,
      env,
      allowPlaceholders: inputs.mode === 'plan',
      extraRoots,
      strict: inputs.strict,
    });
    annotate(r.diagnostics, inputs.workingDirectory);
    // What was found, so the log tells the same story as the comment.
    if (r.plan) core.info(planSummary(r.plan));
    const warnings = r.diagnostics.filter((d) => d.severity === 'warning').length;
    if (warnings > 0)
      core.info(`${warnings} config warning${warnings === 1 ? '' : 's'} (see the annotations)`);
    return Promise.resolve(r);
  });
}

async function cloneRepos(inputs: ActionInputs, ctx: GithubContext): Promise<string[]> {
  const { cloneRepositories } = await import('../github/repos.js');
  const { exec: actionsExec } = await import('@actions/exec');
  return cloneRepositories(inputs.modelRepositories, {
    workspace: inputs.workspace,
    serverUrl: ctx.serverUrl,
    token: inputs.githubToken,
    exec: (tool, args, opts) =>
      actionsExec(tool, args, { cwd: opts.cwd, env: opts.env, ignoreReturnCode: true }),
    maskSecret: (s) => core.setSecret(s),
    log: (l) => core.info(l),
  });
}
