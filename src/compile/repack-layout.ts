// Which files the repacked model's code/ folder holds (ModelRepack "True").
import path from 'node:path';
import type { BundleFile } from './bundle.js';
import { layoutForEntryPoint } from './bundle.js';

/**
 * The old framework's layout — the whole source_directory under code/, SAGEMAKER_PROGRAM the entry point in
 * module form (`serve.inference` for `serve/inference.py`), so `import serve.helpers` works — and beside it the
 * entry folder's files at the code root (smp's earlier layout), so a script that imports its siblings flat
 * (`import helpers`) works too. Where both would put something at one path, the source tree wins: the old
 * layout is what scripts were written for. Throws BundleError when the entry point is not among `files`.
 * The program is the entry point as a module (code.ts's moduleName), as the old framework set it.
 */
export function layoutForRepack(files: readonly BundleFile[], entryPoint: string): BundleFile[] {
  // Validates the entry point and gives the lifted files (the entry folder's, at the root).
  const lifted = layoutForEntryPoint(files, entryPoint).files;
  const tree = new Set(files.map((f) => f.path));
  const treeDirs = new Set(files.flatMap((f) => ancestors(f.path)));
  const fits = (p: string): boolean =>
    !tree.has(p) && !treeDirs.has(p) && !ancestors(p).some((a) => tree.has(a));
  const sub = entryPoint.includes('/') ? `${path.posix.dirname(entryPoint)}/` : undefined;
  const extra = sub
    ? lifted.filter((f) => fits(f.path) && files.some((o) => o.path === `${sub}${f.path}`))
    : [];
  return [...files, ...extra].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
}

function ancestors(p: string): string[] {
  const parts = p.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}
