// The action's phases, in the order the README documents: clone → validate/compile → AWS session → plan view →
// gate → deploy/run → summary, comment, outputs. Each phase is its own module; this one only sequences them
// and decides when to stop. Loaded by main.ts after the first log line, so the action starts fast.
import { runParameters } from '../compile/parameters.js';
import { formatDiagnostic } from '../config/diagnostics.js';
import type { GithubContext } from '../github/event.js';
import type { ActionInputs } from '../github/inputs.js';
import * as core from '../github/runner.js';
import { buildPlanView, OFFLINE } from '../plan/view.js';
import { gatePasses } from './approved-plan.js';
import { openSession, readDeployedLenient, resolveModelPackages } from './aws-phase.js';
import { compileWorkspace } from './compile-phase.js';
import { finish } from './finish.js';
import { showPlan } from './plan-phase.js';
import { fail } from './state.js';
import type { State } from './state.js';

export async function runAction(inputs: ActionInputs, ctx: GithubContext): Promise<void> {
  const state: State = { report: {}, outputs: {} };
  const abort = new AbortController();
  // The runner sends SIGINT, then SIGTERM a few seconds later: both only abort, so the report still lands.
  const onSignal = (): void => abort.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await phases(inputs, ctx, state, abort.signal);
  } catch (err) {
    fail(state, err);
  } finally {
    await finish(inputs, ctx, state, abort.signal.aborted);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function phases(
  inputs: ActionInputs,
  ctx: GithubContext,
  state: State,
  signal: AbortSignal,
): Promise<void> {
  const compiled = await compileWorkspace(inputs, ctx);
  const { config } = compiled;
  let plan = compiled.plan;
  state.pipelineName = compiled.pipelineName;
  if (!plan || !config) {
    const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
    state.failure = {
      title: `${errors.length} configuration error${errors.length === 1 ? '' : 's'}`,
      message: errors.map(formatDiagnostic).join('\n'),
      annotated: true,
    };
    return;
  }

  // The plan is shown whatever happens next (an AWS failure must not make the comment say "does not compile").
  state.view = buildPlanView(plan, { ...OFFLINE, note: 'the deployed pipeline was not read' });
  // Run-time parameter values are checked in every mode (a PR plan catches a bad one), before any AWS call.
  const params = runParameters(plan.parameters, inputs.parameters);
  if (params.errors.length > 0) {
    state.failure = { title: 'Invalid parameters input', message: params.errors.join('\n') };
    return;
  }
  if (inputs.parameters.length > 0 && inputs.mode !== 'run')
    core.info(`The parameters input applies to executions: ignored in ${inputs.mode} mode (values checked)`);
  const session = await core.group('AWS access', () => openSession(inputs, config.settings.region, ctx));
  const lenient = inputs.mode === 'plan';
  const resolved = await resolveModelPackages(session, config, plan, lenient);
  plan = resolved.plan;
  const { deployed, pipeline: current } = await readDeployedLenient(session, plan, lenient);
  const view = await showPlan(inputs, ctx, session, plan, deployed, state);

  if (inputs.mode === 'plan') return;
  if (session.kind !== 'online') throw new Error(`cannot ${inputs.mode} without AWS access: ${session.why}`);
  if (resolved.note) throw new Error(`cannot ${inputs.mode}: ${resolved.note}`);
  if (inputs.requireApprovedPlan && !(await gatePasses(inputs, ctx, plan, view, state))) return;
  const { deployOrRun } = await import('./deploy-phase.js');
  await deployOrRun(
    inputs,
    ctx,
    { config, plan, view, clients: session.clients, deployed, current, params },
    state,
    signal,
  );
}
