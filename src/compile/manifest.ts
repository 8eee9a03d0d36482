// A code bundle's file manifest: each file's path inside the archive and the sha256 of its content, computed
// from the same layout the bundle is packed from. Uploaded next to the bundle at deploy, so a later plan can
// say which files a code change touched; computed only when needed (a deploy that uploads the bundle, a
// plan whose diff changes it), by streaming each file, so memory stays flat.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import type { Layout } from './bundle.js';
import type { Artifact, BundleManifest } from './types.js';

const CHUNK = 1 << 20;

function fileSha256(absPath: string): string {
  const hash = createHash('sha256');
  const fd = openSync(absPath, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    for (let n = readSync(fd, buf, 0, CHUNK, null); n > 0; n = readSync(fd, buf, 0, CHUNK, null))
      hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** Archive path → sha256 of the file that fills it. */
export function layoutManifest(layout: Layout): BundleManifest {
  const out: Record<string, string> = {};
  for (const e of [...layout].sort((a, b) => (a.tarPath < b.tarPath ? -1 : a.tarPath > b.tarPath ? 1 : 0))) {
    const f = e.sourceFile;
    out[e.tarPath] = f.content
      ? createHash('sha256').update(f.content).digest('hex')
      : f.absPath
        ? fileSha256(f.absPath)
        : '';
  }
  return out;
}

/** The manifest of a source bundle; undefined for other artifacts. */
export function artifactManifest(a: Artifact): BundleManifest | undefined {
  return a.kind === 'source-bundle' && a.source.type === 'tar.gz'
    ? layoutManifest(a.source.layout)
    : undefined;
}

/** The S3 key of a bundle's manifest: next to it. */
export function manifestKey(bundleKey: string): string {
  return `${bundleKey}.manifest.json`;
}
