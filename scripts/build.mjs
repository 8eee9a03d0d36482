// Bundles the tsc output in lib/ into dist/ with @vercel/ncc.
//
//   lib/action/index.js -> dist/index.js  (the GitHub Action entry, see action.yml)
//   lib/cli/bin.js      -> dist/cli.js   (the `smp` CLI, shebang + mode 0755)
//
// Both bundles are ESM (the package is "type": "module"; dist/ is resolved as ESM
// through the root package.json, so no dist/package.json is written). Dynamic
// import() calls become chunk files named `<id>.<entry>.js` (e.g. `123.index.js`,
// `123.cli.js`), so the two bundles never share or overwrite each other's chunks;
// relocated assets are de-conflicted across bundles too. Everything is compiled in
// memory first, then dist/ is wiped and rewritten, so a failed build leaves dist/
// untouched and a successful one leaves no stale files. Output is deterministic.
//
// Usage: node scripts/build.mjs   (run by `npm run build`, after tsc)
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ncc from '@vercel/ncc';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles built by `npm run build`, in a fixed order (asset de-confliction depends on it). */
export const ENTRIES = [
  { name: 'index', entry: 'lib/action/index.js', executable: false },
  { name: 'cli', entry: 'lib/cli/bin.js', executable: true },
];

const SHEBANG = '#!/usr/bin/env node\n';
const SHEBANG_RE = /^#![^\n\r]*\r?\n/;

/**
 * Compile every entry in memory with ncc.
 * @param {{ name: string, entry: string, executable: boolean }[]} entries
 * @returns {Promise<Map<string, { source: Buffer | string, mode: number }>>} file name (relative to outDir) -> contents
 */
export async function compile(entries, { cwd = root } = {}) {
  /** @type {Map<string, { source: Buffer | string, mode: number, owner: string }>} */
  const files = new Map();
  for (const { name, entry, executable } of entries) {
    const entryPath = resolve(cwd, entry);
    if (!existsSync(entryPath)) {
      throw new Error(`${relative(cwd, entryPath)} not found: run tsc -p tsconfig.build.json first`);
    }
    const filename = `${name}.js`;
    const { code, assets, symlinks } = await ncc(entryPath, {
      // Must be .js: ncc derives webpack's chunkFilename from it ("[id].<filename>"),
      // which is what keeps the two bundles' chunks apart.
      filename,
      esm: true,
      minify: true,
      sourceMap: false,
      // No persistent webpack cache (ncc's default is ~/.cache/ncc): every build is clean.
      cache: false,
      v8cache: false,
      assetBuilds: false,
      // Names already taken by earlier bundles: the asset relocator picks other names.
      existingAssetNames: [...files.keys()],
      quiet: true,
    });
    if (symlinks && Object.keys(symlinks).length > 0) {
      throw new Error(`${entry}: ncc emitted symlinks (${Object.keys(symlinks).join(', ')}); not supported`);
    }

    let main = code;
    if (executable) main = SHEBANG + main.replace(SHEBANG_RE, '');
    add(files, filename, { source: main, mode: executable ? 0o755 : 0o644, owner: name });

    for (const [assetName, asset] of Object.entries(assets)) {
      // ncc adds {"type":"module"} in a dist/package.json for ESM output; the root
      // package.json is already "type": "module", which covers dist/.
      if (assetName === 'package.json' && isTypeModuleOnly(asset.source)) continue;
      add(files, assetName, {
        source: asset.source,
        // Keep an asset's executable bit, but normalise the rest (umask-independent).
        mode: asset.permissions !== undefined && asset.permissions & 0o111 ? 0o755 : 0o644,
        owner: name,
      });
    }
  }
  return files;
}

function add(files, name, file) {
  const previous = files.get(name);
  if (previous) {
    // Content-hashed assets (e.g. `new URL('../schema/x.json', import.meta.url)` in both
    // entries) legitimately come out identical: share them. Anything else is a clash.
    const same = previous.mode === file.mode && Buffer.from(previous.source).equals(Buffer.from(file.source));
    if (same) return;
    throw new Error(
      `dist/${name} would be written differently by the ${previous.owner} and ${file.owner} bundles`,
    );
  }
  files.set(name, file);
}

function isTypeModuleOnly(source) {
  try {
    const json = JSON.parse(source.toString());
    return Object.keys(json).length === 1 && json.type === 'module';
  } catch {
    return false;
  }
}

/** Replace outDir's contents with `files`. */
export async function write(files, outDir) {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  for (const name of [...files.keys()].sort()) {
    const { source, mode } = files.get(name);
    const path = join(outDir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, source, { mode });
    await chmod(path, mode); // writeFile's mode is filtered through the umask
  }
}

export async function build({ entries = ENTRIES, outDir = join(root, 'dist'), cwd = root } = {}) {
  const files = await compile(entries, { cwd });
  await write(files, outDir);
  return files;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // webpack's context (and so its deterministic module/chunk ids) and ncc's asset
  // base are process.cwd(): pin it so the output doesn't depend on where this runs.
  process.chdir(root);
  try {
    const outDir = join(root, 'dist');
    const files = await build({ outDir });
    for (const name of [...files.keys()].sort()) {
      const size = Buffer.byteLength(files.get(name).source);
      console.log(
        `${relative(process.cwd(), join(outDir, name)).padEnd(28)} ${String(size).padStart(9)} bytes`,
      );
    }
  } catch (error) {
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
