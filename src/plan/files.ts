// Plan files: the definition exactly as it would be sent, the artifact list and the human views; with
// `smp plan --out` also the artifacts themselves, packed as the deploy would upload them.
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packTo } from '../compile/tar.js';
import type { Artifact, Plan } from '../compile/types.js';

export interface PlanFiles {
  readonly definition: string;
  readonly artifacts: string;
  readonly dag: string;
  readonly markdown: string;
}

/** An artifact written to disk: where, and the sha256 and size of the bytes written (the upload's bytes). */
export interface WrittenArtifact {
  readonly artifact: Artifact;
  readonly localPath: string;
  readonly sha256: string;
  readonly bytes: number;
}

/**
 * Packs every artifact into DIR/artifacts/<content sha256>/<name>, streamed (a bundle's tar is gzip'd on
 * its way to the file, as on its way to S3). Throws BundleError if a file changed since the plan.
 */
export async function writePlanArtifacts(plan: Plan, dir: string): Promise<WrittenArtifact[]> {
  const out: WrittenArtifact[] = [];
  for (const a of plan.artifacts) {
    const localPath = path.join(dir, 'artifacts', a.contentSha256, path.posix.basename(a.key));
    mkdirSync(path.dirname(localPath), { recursive: true });
    if (a.source.type === 'bytes') {
      writeFileSync(localPath, a.source.bytes);
      out.push({ artifact: a, localPath, sha256: a.contentSha256, bytes: a.source.bytes.length });
    } else {
      const r = await packTo(a.source.layout, createWriteStream(localPath), {
        expectSha256: a.contentSha256,
      });
      out.push({ artifact: a, localPath, ...r });
    }
  }
  return out;
}

/**
 * Writes DIR/definition.json, artifacts.json, dag.mmd and plan.md. artifacts.json lists what the plan
 * uploads (`contentSha256` is the address, `bytes` the uncompressed size); with `written` (from
 * writePlanArtifacts) each entry also has its `localPath` and the `packedSha256`/`packedBytes` written.
 */
export function writePlanFiles(
  plan: Plan,
  dir: string,
  views: { mermaid: string; markdown: string },
  written?: readonly WrittenArtifact[],
): PlanFiles {
  mkdirSync(dir, { recursive: true });
  const files: PlanFiles = {
    definition: path.join(dir, 'definition.json'),
    artifacts: path.join(dir, 'artifacts.json'),
    dag: path.join(dir, 'dag.mmd'),
    markdown: path.join(dir, 'plan.md'),
  };
  const byKey = new Map(written?.map((w) => [w.artifact.key, w]));
  writeFileSync(files.definition, `${JSON.stringify(plan.definition, null, 2)}\n`);
  writeFileSync(
    files.artifacts,
    `${JSON.stringify(
      plan.artifacts.map(({ kind, key, s3Uri, contentSha256, bytes, description }) => {
        const w = byKey.get(key);
        return {
          kind,
          ...(w ? { localPath: path.relative(dir, w.localPath) } : {}),
          s3Uri,
          contentSha256,
          bytes,
          ...(w ? { packedSha256: w.sha256, packedBytes: w.bytes } : {}),
          description,
        };
      }),
      null,
      2,
    )}\n`,
  );
  writeFileSync(files.dag, views.mermaid);
  writeFileSync(files.markdown, views.markdown);
  return files;
}
