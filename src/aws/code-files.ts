// Which files a code change touched: the planned bundle's manifest against the deployed bundle's, read from
// S3 where the deploy put it (next to the bundle).
import type { S3Client } from '@aws-sdk/client-s3';
import { artifactManifest } from '../compile/manifest.js';
import type { Plan } from '../compile/types.js';
import { manifestChanges } from '../plan/changes.js';
import type { FileChanges, PlanView } from '../plan/view.js';
import { readManifest } from './upload.js';

/**
 * Per changed code bundle, the files that differ: the planned bundle's manifest against the deployed one's
 * (uploaded next to it at deploy). Best effort: a bundle deployed before manifests, or a role that cannot
 * read it, leaves the file list out.
 */
export async function changedFiles(
  s3: S3Client,
  plan: Plan,
  view: PlanView,
): Promise<Map<string, FileChanges> | undefined> {
  const out = new Map<string, FileChanges>();
  const seen = new Set<string>();
  for (const c of view.diff.steps.changed.flatMap((x) => x.code)) {
    if (seen.has(c.newSha)) continue;
    seen.add(c.newSha);
    const artifact = plan.artifacts.find((a) => a.contentSha256 === c.newSha);
    const manifest = artifact && artifactManifest(artifact);
    if (!artifact || !manifest) continue;
    const before = await readManifest(s3, artifact.bucket, artifact.key.replace(c.newSha, c.oldSha));
    if (before) out.set(c.newSha, manifestChanges(before, manifest));
  }
  return out;
}
