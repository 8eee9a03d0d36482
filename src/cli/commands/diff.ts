// `smp diff FROM TO`: two definition files compared, as text, Markdown (the comment's table) or JSON.
import path from 'node:path';
import { planDag } from '../../plan/dag.js';
import { diffDefinitions } from '../../plan/diff.js';
import { planHash } from '../../plan/hash.js';
import { renderPlanComment } from '../../report/plan-comment.js';
import { diffText } from '../../report/plan-text.js';
import type { CliCommand } from '../args.js';
import { readDefinition } from '../definition-file.js';
import { EXIT_FAILED, EXIT_OK } from '../io.js';
import type { Io } from '../io.js';

export function diffCommand(cmd: Extract<CliCommand, { kind: 'diff' }>, io: Io): number {
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
