// `smp plan --out DIR`: the definition exactly as it would be sent, the artifacts and the human views.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Artifact, Plan } from '../compile/types.js';

export interface PlanFiles {
  readonly definition: string;
  readonly artifacts: string;
  readonly dag: string;
  readonly markdown: string;
}

/** Writes DIR/definition.json, artifacts.json, dag.mmd, plan.md and DIR/artifacts/<content sha256>/<name>. */
export function writePlanFiles(
  plan: Plan,
  dir: string,
  views: { mermaid: string; markdown: string },
): { files: PlanFiles; artifacts: Artifact[] } {
  mkdirSync(dir, { recursive: true });
  const artifacts = plan.artifacts.map((a) => {
    const local = path.join(dir, 'artifacts', a.contentSha256, path.posix.basename(a.key));
    mkdirSync(path.dirname(local), { recursive: true });
    writeFileSync(local, a.content);
    return { ...a, localPath: local };
  });
  const files: PlanFiles = {
    definition: path.join(dir, 'definition.json'),
    artifacts: path.join(dir, 'artifacts.json'),
    dag: path.join(dir, 'dag.mmd'),
    markdown: path.join(dir, 'plan.md'),
  };
  writeFileSync(files.definition, `${JSON.stringify(plan.definition, null, 2)}\n`);
  writeFileSync(
    files.artifacts,
    `${JSON.stringify(
      artifacts.map(({ kind, localPath, s3Uri, sha256, contentSha256, bytes, description }) => ({
        kind,
        localPath: path.relative(dir, localPath),
        s3Uri,
        sha256,
        contentSha256,
        bytes,
        description,
      })),
      null,
      2,
    )}\n`,
  );
  writeFileSync(files.dag, views.mermaid);
  writeFileSync(files.markdown, views.markdown);
  return { files, artifacts };
}
