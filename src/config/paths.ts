// source_directory and entry points must exist inside the workspace (symlinks resolved, never outside).
import { lstatSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DiagnosticBag } from './diagnostics.js';
import { sectionFor } from './types.js';
import type { JobSection, ModelConfig, PipelineConfig } from './types.js';

export function checkPaths(
  workspace: string,
  pipeline: PipelineConfig | undefined,
  models: Readonly<Record<string, ModelConfig>>,
  bag: DiagnosticBag,
): void {
  const root = realpathSync(workspace);
  for (const model of Object.values(models)) {
    const p = `conf.models.${model.name}.source_directory`;
    const dir = resolveInside(root, model.sourceDirectory);
    if (dir.kind === 'outside') {
      bag.error(
        'path-outside-workspace',
        model.sourceDirectoryLoc,
        p,
        `${p}: \`${model.sourceDirectory}\` resolves outside the workspace (${dir.real}); paths are relative to the workspace root ${workspace}`,
      );
      continue;
    }
    if (dir.kind === 'inside' && isFile(dir.real)) {
      bag.error(
        'source-directory-is-file',
        model.sourceDirectoryLoc,
        p,
        `${p}: \`${model.sourceDirectory}\` is a file, not a folder; source_directory is the folder that holds the model's scripts`,
      );
      continue;
    }
    if (dir.kind === 'missing' || !isDir(dir.real)) {
      bag.error(
        'missing-source-directory',
        model.sourceDirectoryLoc,
        p,
        `${p}: folder \`${model.sourceDirectory}\` does not exist in the workspace ${workspace} (paths are relative to the workspace root)`,
      );
      continue;
    }
    const unit = pipeline?.units.find((u) => u.model === model.name);
    if (!unit) continue;
    const used = new Set<JobSection | undefined>();
    for (const s of unit.steps) {
      if (s.stepClass !== 'Transform') used.add(sectionFor(model, s));
      if ((s.stepClass === 'CreateModel' || s.stepClass === 'RegisterModel') && model.registry?.modelRepack)
        used.add(model.transform);
    }
    for (const section of used) {
      if (!section?.entryPoint) continue;
      const ep = `conf.models.${model.name}.${section.kind}.entry_point`;
      // The bundler ships source_directory only: an entry point leaving it is refused the same way here.
      if (section.entryPoint.startsWith('/') || section.entryPoint.split(/[\\/]/).includes('..')) {
        bag.error(
          'entry-point-outside-source',
          section.entryPointLoc ?? section.loc,
          ep,
          `${ep}: \`${section.entryPoint}\` must be a file path relative to source_directory, without .. segments (only source_directory is shipped)`,
        );
        continue;
      }
      const rel = path.posix.join(model.sourceDirectory, section.entryPoint);
      const file = resolveInside(root, rel);
      if (file.kind === 'outside') {
        bag.error(
          'path-outside-workspace',
          section.entryPointLoc ?? section.loc,
          ep,
          `${ep}: \`${section.entryPoint}\` resolves outside the workspace (${file.real})`,
        );
      } else if (file.kind === 'missing' || !isFile(file.real)) {
        bag.error(
          'missing-entry-point',
          section.entryPointLoc ?? section.loc,
          ep,
          `${ep}: \`${section.entryPoint}\` is not a file in ${model.sourceDirectory}/ (entry points are relative to source_directory)`,
        );
      }
    }
  }
}

type Resolved =
  { kind: 'inside'; real: string } | { kind: 'outside'; real: string } | { kind: 'missing'; real: string };

/** Resolves `rel` against the real workspace root, following symlinks, and says where it lands. */
export function resolveInside(root: string, rel: string): Resolved {
  const joined = path.resolve(root, rel);
  if (path.isAbsolute(rel) || !isWithin(root, joined)) return { kind: 'outside', real: joined };
  let real: string;
  try {
    real = realpathSync(joined);
  } catch {
    // Missing: but an existing parent may be a symlink out of the workspace (`code` → /etc for `code/sub`).
    for (let dir = path.dirname(joined); isWithin(root, dir) && dir !== root; dir = path.dirname(dir)) {
      let parent: string;
      try {
        parent = realpathSync(dir);
      } catch {
        continue;
      }
      return isWithin(root, parent)
        ? { kind: 'missing', real: joined }
        : { kind: 'outside', real: path.join(parent, path.relative(dir, joined)) };
    }
    return { kind: 'missing', real: joined };
  }
  return isWithin(root, real) ? { kind: 'inside', real } : { kind: 'outside', real };
}

/** Whether `p` is `root` or below it (`..data`, a name starting with two dots, is below). */
export function isWithin(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * The first existing component of `rel` (below `root`) that is a symlink, as a root-relative POSIX path, or
 * undefined. Folders that are deleted or written into must be real folders: a symlink could point anywhere.
 */
export function symlinkOnPath(root: string, rel: string): string | undefined {
  const parts = rel.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
  for (let i = 1; i <= parts.length; i++) {
    const sub = parts.slice(0, i).join('/');
    let st;
    try {
      st = lstatSync(path.join(root, sub));
    } catch {
      return undefined; // the rest does not exist yet
    }
    if (st.isSymbolicLink()) return sub;
  }
  return undefined;
}
