// The `smp` CLI's commands: parse arguments, run the phases, print, return the exit code.
// validate/plan/diff/iam-policy/schema are offline; deploy/run load the AWS clients only when called.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HELP, parseCli, UsageError } from './cli-args.js';
import type { CliCommand, ProjectArgs } from './cli-args.js';
import { runInit } from './commands/init.js';
import { migrateCommand } from './commands/migrate.js';
import { loadAndCompile, strictDiagnostics } from './commands/project.js';
import { BundleError } from './compile/bundle.js';
import type { PipelineDefinition } from './compile/types.js';
import { formatDiagnostic } from './config/diagnostics.js';
import type { Diagnostic } from './config/diagnostics.js';
import { confJsonSchema } from './config/json-schema.js';
import { loadProject } from './config/load.js';
import { applyOverrides } from './config/overrides.js';
import type { SettingOverrides } from './config/overrides.js';
import type { Env } from './config/settings.js';
import { allSteps } from './config/types.js';
import { iamPolicy } from './aws/iam-policy.js';
import { planDag } from './plan/dag.js';
import { diffDefinitions } from './plan/diff.js';
import { writePlanArtifacts, writePlanFiles } from './plan/files.js';
import { planHash } from './plan/hash.js';
import { planSummary } from './plan/summary.js';
import { buildPlanView, definitionFromJson, OFFLINE } from './plan/view.js';
import type { Deployed } from './plan/view.js';
import { renderPlanComment } from './report/plan-comment.js';
import { diffText, planText, wantsColour } from './report/plan-text.js';
import { VERSION } from './version.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Whether stdout is a terminal (colours the verdict unless NO_COLOR). */
  readonly isTty?: boolean;
}

export async function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  io: Io,
): Promise<number> {
  let cmd: CliCommand;
  try {
    cmd = parseCli(argv, env, cwd);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`smp: ${err.message}`);
      io.err('Run `smp --help` for usage.');
      return EXIT_USAGE;
    }
    throw err;
  }
  switch (cmd.kind) {
    case 'help':
      io.out(HELP);
      return EXIT_OK;
    case 'version':
      io.out(VERSION);
      return EXIT_OK;
    case 'schema':
      io.out(JSON.stringify(confJsonSchema(), null, 2));
      return EXIT_OK;
    case 'init':
      return runInit(cmd, io);
    case 'validate':
      return validate(cmd, env, io);
    case 'plan':
      return await plan(cmd, env, io);
    case 'diff':
      return diff(cmd, io);
    case 'iam-policy':
      return policy(cmd, env, io);
    case 'migrate':
      return migrateCommand(cmd, io);
    case 'deploy':
    case 'run': {
      // Loaded only here, so offline commands never pay for the AWS SDK.
      const { deployCommand } = await import('./commands/deploy.js');
      return deployCommand(cmd, env, io);
    }
  }
}

function validate(cmd: ProjectArgs, env: Env, io: Io): number {
  const r = loadProject({ ...cmd, env, allowPlaceholders: true });
  if (!r.config) return failed(r.diagnostics, io);
  // validate checks the configs, not the environment: the placeholder note belongs to plan.
  const shown = r.diagnostics.filter((d) => d.code !== 'placeholder-settings');
  const checked = cmd.strict ? strictDiagnostics(shown) : shown;
  if (checked.some((d) => d.severity === 'error')) return failed(checked, io);
  report(checked, io);
  const models = r.config.pipeline.units.length;
  const steps = allSteps(r.config.pipeline).length;
  io.out(
    `ok: ${models} model${models === 1 ? '' : 's'}, ${steps} step${steps === 1 ? '' : 's'} in pipeline ${r.config.pipeline.name}`,
  );
  return EXIT_OK;
}

async function plan(cmd: Extract<CliCommand, { kind: 'plan' }>, env: Env, io: Io): Promise<number> {
  let deployed: Deployed = OFFLINE;
  if (cmd.against) {
    const definition = readDefinition(cmd.against, io);
    if (!definition) return EXIT_FAILED;
    deployed = { state: 'read', definition };
  }
  const r = loadAndCompile({ ...cmd, env, allowPlaceholders: true });
  if (!r.plan) return failed(r.diagnostics, io);
  report(r.diagnostics, io);
  const view = buildPlanView(r.plan, deployed);
  if (cmd.format === 'markdown') io.out(renderPlanComment(view));
  else if (cmd.format === 'json') {
    const artifacts = r.plan.artifacts.map(({ source: _s, ...a }) => a);
    io.out(
      JSON.stringify(
        { pipeline: view.pipeline, planHash: view.planHash, diff: view.diff, artifacts },
        null,
        2,
      ),
    );
  } else io.out(`${planSummary(r.plan)}\n${planText(view, { colour: wantsColour(env, io.isTty === true) })}`);
  if (cmd.out) {
    let written;
    try {
      written = await writePlanArtifacts(r.plan, cmd.out);
    } catch (err) {
      if (!(err instanceof BundleError)) throw err;
      io.err(`smp: ${err.message}`);
      return EXIT_FAILED;
    }
    const files = writePlanFiles(
      r.plan,
      cmd.out,
      { mermaid: view.mermaid, markdown: renderPlanComment(view) },
      written,
    );
    io.err(`wrote ${files.definition}, ${files.artifacts}, ${files.dag}, ${files.markdown}`);
  }
  return EXIT_OK;
}

function diff(cmd: Extract<CliCommand, { kind: 'diff' }>, io: Io): number {
  const from = readDefinition(cmd.from, io);
  const to = readDefinition(cmd.to, io);
  if (!from || !to) return EXIT_FAILED;
  const d = diffDefinitions(from, to);
  if (cmd.format === 'json') io.out(JSON.stringify(d, null, 2));
  else if (cmd.format === 'markdown') {
    io.out(
      renderPlanComment({
        pipeline: path.basename(cmd.to),
        planHash: planHash(to, []),
        steps: to.Steps.length,
        diff: d,
        deployed: 'read',
        mermaid: planDag(to, new Map(), d).mermaid,
        artifacts: [],
        warnings: [],
      }),
    );
  } else io.out(d.status === 'unchanged' ? 'no changes' : diffText(d));
  return EXIT_OK;
}

function policy(cmd: ProjectArgs & { overrides: SettingOverrides }, env: Env, io: Io): number {
  const r = loadAndCompile({ ...cmd, env: applyOverrides(env, cmd.overrides), allowPlaceholders: true });
  if (!r.plan || !r.config) return failed(r.diagnostics, io);
  report(r.diagnostics, io);
  const s = r.config.settings;
  io.out(
    JSON.stringify(
      iamPolicy(r.plan, {
        region: s.region,
        accountId: s.accountId,
        executionRoleArn: s.role,
        bucket: s.bucket,
        kmsKey: s.kmsKey,
      }),
      null,
      2,
    ),
  );
  return EXIT_OK;
}

function readDefinition(file: string, io: Io): PipelineDefinition | undefined {
  try {
    return definitionFromJson(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  } catch (err) {
    io.err(`${file}: error: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

export function report(diagnostics: readonly Diagnostic[], io: Io): void {
  for (const d of diagnostics) io.err(formatDiagnostic(d));
}

export function failed(diagnostics: readonly Diagnostic[], io: Io): number {
  report(diagnostics, io);
  const n = diagnostics.filter((d) => d.severity === 'error').length;
  io.err(`smp: ${n} error${n === 1 ? '' : 's'}: configuration is invalid`);
  return EXIT_FAILED;
}
