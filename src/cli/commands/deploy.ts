// `smp deploy` / `smp run` outside GitHub: default AWS credentials chain, same phases as the action.
import { runParameters, withParameters } from '../../compile/parameters.js';
import { createAwsClients } from '../../aws/clients.js';
import { noCredentialsMessage } from '../../aws/credential-sources.js';
import { DeployCancelled, DeployRefused, deployPipeline, runPipeline } from '../../aws/deploy.js';
import { executionDisplayName, executionToken } from '../../aws/execution.js';
import { formatDiagnostic } from '../../config/diagnostics.js';
import { applyOverrides } from '../../config/overrides.js';
import { scheduleName } from '../../config/schedule.js';
import type { Env } from '../../config/settings.js';
import { planHashOf } from '../../plan/hash.js';
import { buildPlanView } from '../../plan/view.js';
import { planText } from '../../report/plan-text.js';
import { loadAndCompile } from '../../app/compile-project.js';
import { deployContext, waitOptions } from '../../app/deploy-context.js';
import { readDeployedState } from '../../app/deployed-state.js';
import { resolvePlan } from '../../app/resolve-plan.js';
import type { CliCommand } from '../args.js';
import { ciRun } from '../ci-env.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, failed, report } from '../io.js';
import type { Io } from '../io.js';

type DeployCmd = Extract<CliCommand, { kind: 'deploy' | 'run' }>;

export async function deployCommand(cmd: DeployCmd, baseEnv: Env, io: Io): Promise<number> {
  const env = applyOverrides(baseEnv, cmd.overrides);
  const run = ciRun(env);
  // Real settings only: a deploy must never send placeholder buckets or roles.
  const r = loadAndCompile({ ...cmd, env, allowPlaceholders: false });
  if (!r.plan || !r.config) return failed(r.diagnostics, io);
  report(r.diagnostics, io);
  const { config } = r;
  // Run-time parameter values are checked before any AWS client exists.
  const params = cmd.kind === 'run' ? runParameters(r.plan.parameters, cmd.params) : undefined;
  if (params && params.errors.length > 0) {
    for (const e of params.errors) io.err(`smp: --param: ${e}`);
    io.err('smp: refused before any call to AWS');
    return EXIT_USAGE;
  }
  const settings = config.settings;
  const clients = await createAwsClients({ region: settings.region, env });
  // Ctrl-C aborts: no write starts after it, and a wait stops (and stops the execution with --stop-on-cancel).
  const abort = new AbortController();
  const onSignal = (): void => abort.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const plan = await resolvePlan(config, r.plan, clients);
    const hash = planHashOf(plan);
    const { deployed, pipeline: current } = await readDeployedState(clients, plan.pipelineName);
    io.out(planText(buildPlanView(plan, deployed)));
    const context = deployContext({
      config,
      plan,
      planHash: hash,
      clients,
      description: cmd.description,
      repository: run.repository,
      parallelism: undefined,
      log: (l) => io.err(l),
      signal: abort.signal,
      knownSchedule: deployed.schedule,
    });
    if (cmd.kind === 'deploy') {
      const d = await deployPipeline(context, current);
      io.out(`pipeline ${d.action}: ${d.pipelineArn}`);
      if (d.schedule !== 'none') io.out(`schedule ${scheduleName(plan.pipelineName)}: ${d.schedule}`);
      return EXIT_OK;
    }
    const displayName = executionDisplayName(run.sha, run.runId ?? `cli-${Math.floor(Date.now() / 1000)}`);
    {
      for (const p of params?.used ?? [])
        io.err(`parameter ${p.name} = ${p.value}${p.source === 'default' ? ' (default)' : ''}`);
      const result = await runPipeline(
        {
          ...context,
          displayName,
          executionDescription: `smp ${displayName} (plan ${hash.slice(0, 12)})`,
          token: executionToken(
            withParameters(hash, params?.pipelineParameters ?? []),
            displayName,
            run.attempt,
          ),
          parameters: params?.pipelineParameters ?? [],
          wait: waitOptions(cmd.waitArgs, abort.signal, (l) => io.err(l)),
        },
        current,
      );
      io.out(`execution: ${result.execution.arn}`);
      if (result.waited) io.out(`status: ${result.waited.outcome}`);
      for (const s of result.scored)
        io.out(`scored: ${s.model} with ${s.group} v${s.version} (${s.approvalStatus}) ${s.arn}`);
      if (result.schedule !== 'none') io.out(`schedule: ${result.schedule}`);
      for (const m of result.models)
        io.out(`registered: ${m.group} v${m.version ?? '?'} (${m.approvalStatus}) ${m.arn}`);
      for (const g of result.gates.filter((x) => x.result === 'failed'))
        io.out(`not registered: ${g.group || g.register} (${g.reason ?? 'quality gate failed'})`);
      return !result.waited || result.waited.outcome === 'Succeeded' ? EXIT_OK : EXIT_FAILED;
    }
  } catch (err) {
    if (err instanceof DeployCancelled) {
      io.err(`smp: ${err.message}: nothing further was sent to AWS`);
      return EXIT_FAILED;
    }
    if ((err as { name?: string }).name === 'PackageResolutionError') {
      io.err(`smp: ${(err as Error).message}`);
      io.err('smp: refused before any write to AWS');
      return EXIT_FAILED;
    }
    if (err instanceof DeployRefused) {
      for (const d of err.diagnostics) io.err(formatDiagnostic(d));
      io.err('smp: refused before any write to AWS');
      return EXIT_FAILED;
    }
    const e = err as { name?: string; message?: string };
    if (e.name === 'CredentialsProviderError') {
      io.err(`smp: ${cmd.kind} failed: ${noCredentialsMessage(baseEnv)}`);
      return EXIT_FAILED;
    }
    io.err(`smp: ${cmd.kind} failed: ${e.name ? `${e.name}: ` : ''}${e.message ?? String(err)}`);
    return EXIT_FAILED;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    clients.destroy();
  }
}
