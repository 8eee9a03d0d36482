// Code delivery: content-addressed bundles and launcher scripts under s3://<bucket>/<pipeline>/code/<sha256>/.
// The same inputs give the same bytes, so keys only change when code changes.
import path from 'node:path';
import type { ModelConfig, ProjectConfig } from '../config/types.js';
import { BundleError, collectFiles, layoutForEntryPoint, packBundle, textArtifact } from './bundle.js';
import type { BundleFile } from './bundle.js';
import { DEFAULTS, PATHS } from './defaults.js';
import { layoutForRepack } from './repack-layout.js';
import type { Artifact, ArtifactKind } from './types.js';

export class CodeArtifacts {
  readonly #artifacts = new Map<string, Artifact>();
  readonly #files = new Map<string, BundleFile[]>();
  /** Packed bundles by model and layout: a unit's jobs share them, and packing is the compiler's main cost. */
  readonly #packed = new Map<string, { artifact: Artifact; program: string }>();

  constructor(
    private readonly config: ProjectConfig,
    private readonly bucket: string,
    private readonly pipeline: string,
  ) {}

  /** The model's whole source_directory, as processing jobs unpack it. Throws BundleError. */
  sourceBundle(model: ModelConfig): Artifact {
    return this.packed(`${model.name}\u0000`, () => {
      const bundle = packBundle(this.filesOf(model));
      const artifact = this.add(
        'source-bundle',
        bundle.bytes,
        bundle.sha256,
        bundle.contentSha256,
        'sourcedir.tar.gz',
        `${model.sourceDirectory}/`,
      );
      return { artifact, program: '' };
    }).artifact;
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
    return this.packed(`${model.name}\u0000${path.posix.dirname(entryPoint)}`, () => {
      const { files, program } = layoutForEntryPoint(this.filesOf(model), entryPoint);
      const what = `${model.sourceDirectory}/ with ${path.posix.dirname(entryPoint)}/ at the root`;
      return { artifact: this.sourceDirBundle(files, what), program };
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
    return this.packed(`${model.name}\u0000repack\u0000${path.posix.dirname(entryPoint)}`, () => {
      const files = layoutForRepack(this.filesOf(model), entryPoint);
      const what = `${model.sourceDirectory}/, and ${path.posix.dirname(entryPoint)}/'s files also at the root`;
      return { artifact: this.sourceDirBundle(files, what), program };
    });
  }

  /** A sourcedir.tar.gz of `files` (a layout of a source_directory), as an artifact. */
  private sourceDirBundle(files: readonly BundleFile[], what: string): Artifact {
    const bundle = packBundle(files);
    return this.add(
      'source-bundle',
      bundle.bytes,
      bundle.sha256,
      bundle.contentSha256,
      'sourcedir.tar.gz',
      what,
    );
  }

  /** Packing is the compiler's main cost; a unit's jobs share bundles, so each is packed once. */
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
    const a = textArtifact(runprocText(entryPoint));
    return this.add('entry-script', a.bytes, a.sha256, a.sha256, 'runproc.sh', `launcher for ${entryPoint}`);
  }

  /** The repack job's program (our own script, shared by every repack step). */
  repackProgram(): { artifact: Artifact; program: string } {
    const bundle = packBundle([
      { path: REPACK_PROGRAM, content: new TextEncoder().encode(REPACK_SCRIPT), executable: false },
    ]);
    return {
      artifact: this.add(
        'repack-script',
        bundle.bytes,
        bundle.sha256,
        bundle.contentSha256,
        'sourcedir.tar.gz',
        'model repack program',
      ),
      program: REPACK_PROGRAM,
    };
  }

  /** Every artifact, ordered by key (deterministic). */
  all(): Artifact[] {
    return [...this.#artifacts.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  private filesOf(model: ModelConfig): BundleFile[] {
    let files = this.#files.get(model.name);
    if (!files) {
      files = collectFiles(path.join(this.config.workspace, model.sourceDirectory), this.config.workspace);
      if (files.length === 0) throw new BundleError(`${model.sourceDirectory}/ has no files to ship`);
      this.#files.set(model.name, files);
    }
    return files;
  }

  private add(
    kind: ArtifactKind,
    content: Uint8Array,
    sha256: string,
    contentSha256: string,
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
      sha256,
      contentSha256,
      bytes: content.length,
      content,
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
