// `smp init`: writes the scaffold (scaffold.ts) and never overwrites a file: it checks every target first and
// writes nothing when one exists.
import { lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_ACTION, scaffold } from '../scaffold.js';
import type { InitFile, InitOptions } from '../scaffold.js';

export class InitRefused extends Error {
  override name = 'InitRefused';
}

/**
 * Writes the scaffold under `workspace`. Throws InitRefused naming every file that already exists, before
 * writing anything; a file that appears in between still fails its exclusive create (`wx`).
 */
export function writeScaffold(workspace: string, files: readonly InitFile[]): string[] {
  const existing = files.filter((f) => exists(path.join(workspace, f.path))).map((f) => f.path);
  if (existing.length > 0) {
    throw new InitRefused(
      `refusing to overwrite ${existing.join(', ')}: smp init writes only new files (move them away, or init into an empty folder with --workspace)`,
    );
  }
  for (const f of files) {
    const target = path.join(workspace, f.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, f.content, { flag: 'wx' });
  }
  return files.map((f) => f.path);
}

/** lstat: a dangling symlink exists (writing through it would land elsewhere); so does a file in the way. */
function exists(file: string): boolean {
  try {
    return lstatSync(file, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return true; // ENOTDIR: a parent is a file
  }
}

/** The command: write, list what was written and what to do next; 1 (nothing written) when refused. */
export function runInit(opts: InitOptions, io: { out(line: string): void; err(line: string): void }): number {
  let written: string[];
  try {
    written = writeScaffold(opts.workspace, scaffold(opts));
  } catch (err) {
    if (!(err instanceof InitRefused)) throw err;
    io.err(`smp: ${err.message}`);
    return 1;
  }
  for (const f of written) io.out(`created ${f}`);
  io.out('');
  io.out('Next:');
  io.out(`  smp plan --config '*/conf/conf.yaml'   # offline; SMP_* settings unset are placeholders`);
  io.out(`  upload the training data to s3://<bucket>/${opts.model}/data/train.csv (CSV, label first)`);
  if (opts.action === DEFAULT_ACTION)
    io.out(`  in .github/workflows/, replace OWNER in \`uses: ${DEFAULT_ACTION}\` (or init with --action)`);
  io.out(
    '  set the repository variables AWS_ACCOUNT_ID and SMP_BUCKET, and create the roles smp-plan, smp-deploy and SageMakerExecution (README: Permissions and IAM)',
  );
  return 0;
}
