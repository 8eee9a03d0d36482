// Which files the repacked model's code/ folder holds (ModelRepack "True").
import path from 'node:path';
import { layoutForEntryPoint, sortByPath, wholeTree } from './bundle.js';
import type { LayoutEntry, SourceFile } from './bundle.js';

/**
 * The old framework's layout — the whole source_directory under code/, SAGEMAKER_PROGRAM the entry point in
 * module form (`serve.inference` for `serve/inference.py`), so `import serve.helpers` works — and beside it the
 * entry folder's files at the code root (smp's earlier layout), so a script that imports its siblings flat
 * (`import helpers`) works too. Where both would put something at one path, the source tree wins: the old
 * layout is what scripts were written for. Throws BundleError when the entry point is not among `files`.
 * The program is the entry point as a module (code.ts's moduleName), as the old framework set it.
 */
export function layoutForRepack(files: readonly SourceFile[], entryPoint: string): LayoutEntry[] {
  layoutForEntryPoint(files, entryPoint); // refuses an entry point that is not among the files
  const tree = new Set(files.map((f) => f.path));
  const treeDirs = new Set(files.flatMap((f) => ancestors(f.path)));
  const fits = (p: string): boolean =>
    !tree.has(p) && !treeDirs.has(p) && !ancestors(p).some((a) => tree.has(a));
  const sub = entryPoint.includes('/') ? `${path.posix.dirname(entryPoint)}/` : undefined;
  const lifted: LayoutEntry[] = sub
    ? files
        .filter((f) => f.path.startsWith(sub))
        .map((f) => ({ tarPath: f.path.slice(sub.length), sourceFile: f }))
        .filter((e) => fits(e.tarPath))
    : [];
  return sortByPath([...wholeTree(files), ...lifted].map((e) => ({ path: e.tarPath, e }))).map((x) => x.e);
}

function ancestors(p: string): string[] {
  const parts = p.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}
