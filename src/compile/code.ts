// Code delivery: content-addressed bundles and launcher scripts under s3://<bucket>/<pipeline>/code/<sha256>/.
// The same inputs give the same bytes, so keys only change when code changes.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ModelConfig, ProjectConfig } from '../config/types.js';
import { BundleError, collectFiles, inlineFile, layoutForEntryPoint, wholeTree } from './bundle.js';
import type { Layout, SourceFile } from './bundle.js';
import { DEFAULTS, PATHS } from './defaults.js';
import { layoutForRepack } from './repack-layout.js';
import { hashLayout, ReadCache } from './tar.js';
import type { Artifact, ArtifactKind, ArtifactSource } from './types.js';

export class CodeArtifacts {
  readonly #artifacts = new Map<string, Artifact>();
  /** Listings by source folder: every layout and every model that ships the folder shares one walk. */
  readonly #files = new Map<string, SourceFile[]>();
  /** Bundles by folder and layout: hashed once per run, whichever steps (or models) ship them. */
  readonly #packed = new Map<string, { artifact: Artifact; program: string }>();
  /** Small files read for one layout serve the others without a second read. */
  readonly #cache = new ReadCache();

  constructor(
    private readonly config: ProjectConfig,
    private readonly bucket: string,
    private readonly pipeline: string,
  ) {}

  /** The model's whole source_directory, as processing jobs unpack it. Throws BundleError. */
  sourceBundle(model: ModelConfig): Artifact {
    return this.packed(`${this.folderOf(model)}\u0000`, () => ({
      artifact: this.bundle(wholeTree(this.filesOf(model)), `${model.sourceDirectory}/`),
      program: '',
    })).artifact;
  }

  /**
   * The bundle for a job whose program is `entryPoint`: the entry point's folder at the root, the rest of the
   * source_directory beside it (the old framework shipped only that folder; shipping more is allowed).
   */
  entryBundle(model: ModelConfig, entryPoint: string): { artifact: Artifact; program: string } {
    if (!entryPoint.includes('/')) {
      // A top-level entry point ships the folder as it is: the very bundle the processing jobs use.
      layoutForEntryPoint(this.filesOf(model), entryPoint); // still refuses an entry point that is no file
      return { artifact: this.sourceBundle(model), program: entryPoint };
    }
    const folder = path.posix.dirname(entryPoint);
    return this.packed(`${this.folderOf(model)}\u0000${folder}`, () => {
      const { layout, program } = layoutForEntryPoint(this.filesOf(model), entryPoint);
      return {
        artifact: this.bundle(layout, `${model.sourceDirectory}/ with ${folder}/ at the root`),
        program,
      };
    });
  }

  /**
   * The inference code a repack job puts under the model's code/ (ModelRepack "True"): the whole source_directory
   * plus the entry folder's files at the root (repack-layout.ts); the program is the entry point as a module.
   */
  repackBundle(model: ModelConfig, entryPoint: string | undefined): { artifact: Artifact; program: string } {
    // Without transform.entry_point the old framework packed the whole folder with program `inference` (and
    // checked no file: a TensorFlow Serving image, say, needs no inference script).
    if (entryPoint === undefined)
      return { artifact: this.sourceBundle(model), program: DEFAULTS.inferenceProgram };
    const program = moduleName(entryPoint);
    if (!entryPoint.includes('/')) {
      layoutForEntryPoint(this.filesOf(model), entryPoint); // refuses an entry point that is no file
      return { artifact: this.sourceBundle(model), program };
    }
    const folder = path.posix.dirname(entryPoint);
    return this.packed(`${this.folderOf(model)}\u0000repack\u0000${folder}`, () => ({
      artifact: this.bundle(
        layoutForRepack(this.filesOf(model), entryPoint),
        `${model.sourceDirectory}/, and ${folder}/'s files also at the root`,
      ),
      program,
    }));
  }

  /** Hashing is the compiler's main cost; bundles are shared between jobs, so each is hashed once. */
  private packed(
    key: string,
    build: () => { artifact: Artifact; program: string },
  ): { artifact: Artifact; program: string } {
    let p = this.#packed.get(key);
    if (!p) {
      p = build();
      this.#packed.set(key, p);
    }
    return p;
  }

  /** runproc.sh for a processing job: unpack, install requirements, run the entry point as a module. */
  entryScript(entryPoint: string): Artifact {
    const bytes = new TextEncoder().encode(runprocText(entryPoint));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return this.add(
      'entry-script',
      { type: 'bytes', bytes },
      sha256,
      bytes.length,
      'runproc.sh',
      `launcher for ${entryPoint}`,
    );
  }

  /** The repack job's program (our own script, shared by every repack step). */
  repackProgram(): { artifact: Artifact; program: string } {
    return this.packed('\u0000repack', () => {
      const script = inlineFile(REPACK_PROGRAM, new TextEncoder().encode(REPACK_SCRIPT));
      return {
        artifact: this.bundle(
          [{ tarPath: REPACK_PROGRAM, sourceFile: script }],
          'model repack program',
          'repack-script',
        ),
        program: REPACK_PROGRAM,
      };
    });
  }

  /** Every artifact, ordered by key (deterministic). */
  all(): Artifact[] {
    return [...this.#artifacts.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** A tar.gz artifact for `layout`, addressed by the sha256 of its tar (streamed: nothing is packed here). */
  private bundle(layout: Layout, description: string, kind: ArtifactKind = 'source-bundle'): Artifact {
    const { sha256, size } = hashLayout(layout, this.#cache);
    return this.add(kind, { type: 'tar.gz', layout }, sha256, size, 'sourcedir.tar.gz', description);
  }

  private folderOf(model: ModelConfig): string {
    return path.resolve(this.config.workspace, model.sourceDirectory);
  }

  private filesOf(model: ModelConfig): SourceFile[] {
    const folder = this.folderOf(model);
    let files = this.#files.get(folder);
    if (!files) {
      files = collectFiles(folder, this.config.workspace);
      if (files.length === 0) throw new BundleError(`${model.sourceDirectory}/ has no files to ship`);
      this.#files.set(folder, files);
    }
    return files;
  }

  private add(
    kind: ArtifactKind,
    source: ArtifactSource,
    contentSha256: string,
    bytes: number,
    name: string,
    description: string,
  ): Artifact {
    const key = `${this.pipeline}/code/${contentSha256}/${name}`;
    const s3Uri = `s3://${this.bucket}/${key}`;
    const existing = this.#artifacts.get(s3Uri);
    if (existing) return existing;
    const artifact: Artifact = {
      kind,
      s3Uri,
      bucket: this.bucket,
      key,
      contentSha256,
      bytes,
      source,
      description,
    };
    this.#artifacts.set(s3Uri, artifact);
    return artifact;
  }
}

/** `preprocessing/preprocessing.py` → `preprocessing.preprocessing` (what `python -m` takes). */
export function moduleName(entryPoint: string): string {
  return entryPoint.replace(/\.py$/, '').split('/').join('.');
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Text of the processing launcher; a pure function of the entry point, so its key is stable. */
export function runprocText(entryPoint: string): string {
  return [
    '#!/bin/bash',
    '# Generated by smp-action: unpack the model code, install its requirements, run the entry point.',
    '# The entry point path is the first argument, as the old framework passed it.',
    'set -e',
    `cd ${PATHS.processingCode}`,
    'tar -xzf sourcedir.tar.gz',
    'if [[ -f requirements.txt ]]; then',
    '  python -m pip install --no-cache-dir -r requirements.txt',
    'fi',
    `exec python -m ${shellQuote(moduleName(entryPoint))} ${shellQuote(entryPoint)} "$@"`,
    '',
  ].join('\n');
}

export const REPACK_PROGRAM = 'smp_repack.py';

/**
 * Runs as a SageMaker training job: copies the model artifacts (channel `model`) and the inference code
 * (channel `code`) into /opt/ml/model, which SageMaker packs as the job's model.tar.gz, code under code/.
 */
export const REPACK_SCRIPT = `"""smp-action model repack: model artifacts + inference code -> /opt/ml/model (packed by SageMaker)."""
import os
import shutil
import tarfile

INPUT = "/opt/ml/input/data"
MODEL = "/opt/ml/model"


def unpack(channel, dest):
    """Extract every archive of a channel into dest; copy plain files as they are."""
    root = os.path.join(INPUT, channel)
    os.makedirs(dest, exist_ok=True)
    for folder, _dirs, files in os.walk(root):
        for name in sorted(files):
            src = os.path.join(folder, name)
            if tarfile.is_tarfile(src):
                with tarfile.open(src) as archive:
                    if hasattr(tarfile, "data_filter"):
                        archive.extractall(dest, filter="data")
                    else:
                        archive.extractall(dest)
            else:
                shutil.copy2(src, os.path.join(dest, name))


if __name__ == "__main__":
    unpack("model", MODEL)
    unpack("code", os.path.join(MODEL, "code"))
    for folder, _dirs, files in os.walk(MODEL):
        for name in sorted(files):
            print(os.path.relpath(os.path.join(folder, name), MODEL))
`;
