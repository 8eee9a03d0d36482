// The `smp` CLI's commands: parse arguments, run phases of the core, print, return the exit code.
// Offline commands never touch AWS or the network.
import { HELP, parseCli, UsageError } from './cli-args.js';
import type { CliCommand, ProjectArgs } from './cli-args.js';
import { compileProject } from './compile/compile.js';
import { formatDiagnostic } from './config/diagnostics.js';
import type { Diagnostic } from './config/diagnostics.js';
import { confJsonSchema } from './config/json-schema.js';
import { loadProject } from './config/load.js';
import type { ProjectConfig } from './config/types.js';
import { allSteps } from './config/types.js';
import { writePlanFiles } from './plan/files.js';
import { planSummary } from './plan/summary.js';
import { renderPlanComment } from './report/plan-comment.js';
import { diffText, planText } from './report/plan-text.js';
import { planDag } from './plan/dag.js';
import { diffDefinitions } from './plan/diff.js';
import { planHash } from './plan/hash.js';
import { buildPlanView, definitionFromJson, OFFLINE } from './plan/view.js';
import type { PipelineDefinition } from './compile/types.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VERSION } from './version.js';

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export function main(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string, io: Io): number {
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
    case 'validate': {
      const config = load(cmd, env, io);
      if (!config) return EXIT_INVALID;
      const models = config.pipeline.units.length;
      const steps = allSteps(config.pipeline).length;
      io.out(
        `ok: ${models} model${models === 1 ? '' : 's'}, ${steps} step${steps === 1 ? '' : 's'} in pipeline ${config.pipeline.name}`,
      );
      return EXIT_OK;
    }
    case 'plan': {
      const config = load(cmd, env, io);
      if (!config) return EXIT_INVALID;
      let deployed = OFFLINE;
      if (cmd.against) {
        const definition = readDefinition(cmd.against, io);
        if (!definition) return EXIT_INVALID;
        deployed = { state: 'read', definition };
      }
      const { plan, diagnostics } = compileProject(config);
      report(diagnostics, io);
      if (!plan) return failed(diagnostics, io);
      const view = buildPlanView(plan, deployed);
      if (cmd.format === 'markdown') io.out(renderPlanComment(view));
      else if (cmd.format === 'json') {
        io.out(
          JSON.stringify(
            {
              pipeline: view.pipeline,
              planHash: view.planHash,
              diff: view.diff,
              artifacts: plan.artifacts.map(({ content: _c, ...a }) => a),
            },
            null,
            2,
          ),
        );
      } else io.out(`${planSummary(plan)}\n${planText(view)}`);
      if (cmd.out) {
        const { files } = writePlanFiles(plan, cmd.out, {
          mermaid: view.mermaid,
          markdown: renderPlanComment(view),
        });
        io.err(`wrote ${files.definition}, ${files.artifacts}, ${files.dag}, ${files.markdown}`);
      }
      return EXIT_OK;
    }
    case 'diff': {
      const from = readDefinition(cmd.from, io);
      const to = readDefinition(cmd.to, io);
      if (!from || !to) return EXIT_INVALID;
      const diff = diffDefinitions(from, to);
      if (cmd.format === 'json') io.out(JSON.stringify(diff, null, 2));
      else if (cmd.format === 'markdown') {
        const steps = to.Steps.length;
        const view = {
          pipeline: path.basename(cmd.to),
          planHash: planHash(to, []),
          steps,
          diff,
          deployed: 'read' as const,
          mermaid: planDag(to, new Map(), diff).mermaid,
          artifacts: [],
          warnings: [],
        };
        io.out(renderPlanComment(view));
      } else io.out(diff.status === 'unchanged' ? 'no changes' : diffText(diff));
      return EXIT_OK;
    }
  }
}

function readDefinition(file: string, io: Io): PipelineDefinition | undefined {
  try {
    return definitionFromJson(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  } catch (err) {
    io.err(`${file}: error: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

function load(args: ProjectArgs, env: NodeJS.ProcessEnv, io: Io): ProjectConfig | undefined {
  const result = loadProject({ workspace: args.workspace, globs: args.globs, env, allowPlaceholders: true });
  report(result.diagnostics, io);
  if (!result.config) failed(result.diagnostics, io);
  return result.config;
}

function report(diagnostics: readonly Diagnostic[], io: Io): void {
  for (const d of diagnostics) io.err(formatDiagnostic(d));
}

function failed(diagnostics: readonly Diagnostic[], io: Io): number {
  const n = diagnostics.filter((d) => d.severity === 'error').length;
  io.err(`smp: ${n} error${n === 1 ? '' : 's'}: configuration is invalid`);
  return EXIT_INVALID;
}
