// `smp migrate [--write]`: list (or rewrite in place) the config files in the older modelContainer layout.
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DiagnosticBag, formatDiagnostic } from '../../config/diagnostics.js';
import { findConfigFiles } from '../../config/find.js';
import { migrateText } from '../../config/migrate.js';

export interface MigrateArgs {
  readonly globs: readonly string[];
  readonly workspace: string;
  readonly write: boolean;
}

interface Out {
  out(line: string): void;
  err(line: string): void;
}

/** Exit code: 0 (also when files need migrating but --write was not given), 1 when no config can be found. */
export function migrateCommand(args: MigrateArgs, io: Out): number {
  const bag = new DiagnosticBag();
  const { files } = findConfigFiles(args.globs, args.workspace, bag);
  if (bag.hasErrors) {
    for (const d of bag.sorted()) io.err(formatDiagnostic(d));
    return 1;
  }
  const root = realpathSync(args.workspace);
  let pending = 0;
  for (const file of files) {
    const abs = path.join(args.workspace, file);
    const real = realpathSync(abs);
    // Never write through a symlink to outside the workspace.
    if (path.relative(root, real).startsWith('..')) continue;
    const text = readFileSync(real, 'utf8');
    const migrated = migrateText(text);
    if (!migrated) continue;
    pending++;
    const what = `conf.models.modelContainer.<model> → conf.models.<model> (${migrated.models.join(', ')})`;
    if (args.write) {
      writeFileSync(real, migrated.text);
      io.out(`rewrote ${file}: ${what}`);
    } else {
      io.out(`${file}: ${what}`);
    }
  }
  if (pending === 0) {
    io.out(
      `nothing to migrate: ${files.length === 1 ? 'the config file already uses' : `the ${files.length} config files already use`} the current layout`,
    );
  } else if (!args.write) {
    io.out(
      `run \`smp migrate --write\` to rewrite ${pending === 1 ? 'this file' : `these ${pending} files`} in place (comments, key order and formatting are kept)`,
    );
  }
  return 0;
}
