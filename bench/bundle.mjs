#!/usr/bin/env node
// Code-bundle benchmark: plan, pack and deploy on a large source_directory, against floors measured in
// the same run (`tar -cf - DIR | sha256sum`, `tar -cf - DIR | gzip -6 | sha256sum`). A measurement, not
// a test: it prints figures and always exits 0. See bench/README.md.
//
//   npm run build && npx tsc -p tsconfig.build.json    # dist/cli.js (plan, deploy) and lib/ (pack)
//   node bench/bundle.mjs                  # 186 MB workspace, 3 rounds
//   node bench/bundle.mjs --large          # the 2 GB variant, 1 round
//   options: --rounds N  --keep (leave the workspace in the temp dir)
import { spawn, spawnSync } from 'node:child_process';
import { Buffer } from 'node:buffer';
import { createCipheriv } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(root, 'dist/cli.js');
const TAR = path.join(root, 'lib/compile/tar.js');
const BUNDLE = path.join(root, 'lib/compile/bundle.js');
const TIME = '/usr/bin/time';

const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const LARGE = argv.includes('--large');
const KEEP = argv.includes('--keep');
const ROUNDS = Number(opt('--rounds') ?? (LARGE ? 1 : 3));
/** Four binaries of this size plus 3,000 small files: 186 MB, or 2.03 GB with --large. */
const BINARY_BYTES = LARGE ? 500_000_000 : 40_000_000;
const SMALL_FILES = 3000;

for (const [what, file] of [
  ['dist/cli.js', CLI],
  ['lib/ (npx tsc -p tsconfig.build.json)', TAR],
  ['GNU time', TIME],
]) {
  if (!existsSync(file)) {
    console.error(`bench: ${what} is missing (${file}); see the header of bench/bundle.mjs`);
    process.exit(0);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Workspace: bench/conf/conf.yaml, one model whose source_directory bench/src holds 3,000 small text files
// (1–16 KiB, in 30 packages), four incompressible binaries (model weights), prep/preprocess.py (the
// Processing step: whole tree) and train/train.py (the Training step: train/ at the root, a second layout).

function filler(seed, bytes) {
  const words = ['alpha', 'beta', 'gamma', 'delta', 'feature', 'label', 'split', 'score', 'frame', 'model'];
  let x = seed >>> 0 || 1;
  const lines = [];
  let n = 0;
  while (n < bytes) {
    let line = '#';
    for (let w = 0; w < 10; w++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      line += ` ${words[x % words.length]}`;
    }
    lines.push(line);
    n += line.length + 1;
  }
  return `${lines.join('\n')}\n`.slice(0, bytes);
}

function generate() {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'smp-bench-bundle-'));
  const write = (rel, content) => {
    const abs = path.join(ws, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  };
  write(
    'bench/conf/conf.yaml',
    `conf:
  models:
    bench:
      source_directory: bench/src
      name: bench
      preprocess:
        image_uri: 111122223333.dkr.ecr.us-east-1.amazonaws.com/prep:1
        entry_point: prep/preprocess.py
        instance_type: ml.m5.xlarge
        channels:
          train:
            dataFiles:
              - sourceName: raw
                fileName: s3://SMP_S3BUCKETNAME/bench/raw/data.csv
      train:
        image_uri: 111122223333.dkr.ecr.us-east-1.amazonaws.com/train:1
        entry_point: train/train.py
        hyperparams:
          max_depth: 6
  sagemakerPipeline:
    pipelineName: bench-bundle
    models:
      bench:
        steps:
          - step_name: bench-prep
            step_class: Processing
            step_type: preprocess
          - step_name: bench-train
            step_class: Training
            chain_input_source_step: [bench-prep]
    dependencies:
      - bench-prep >> bench-train
`,
  );
  write('bench/src/prep/preprocess.py', 'print("preprocess")\n');
  write('bench/src/train/train.py', 'print("train")\n');
  write('bench/src/requirements.txt', 'numpy==1.26.4\n');
  for (let i = 0; i < SMALL_FILES; i++) {
    const size = 1024 + (((i * 2654435761) >>> 0) % (15 * 1024));
    write(`bench/src/pkg${i % 30}/mod${i}.py`, filler(i + 1, size));
  }
  for (let i = 0; i < 4; i++) {
    // AES-CTR keystream: incompressible like real weights, and the same bytes on every run.
    const cipher = createCipheriv('aes-128-ctr', Buffer.alloc(16, i + 1), Buffer.alloc(16, 0));
    const file = path.join(ws, `bench/src/models/weights${i}.bin`);
    mkdirSync(path.dirname(file), { recursive: true });
    const block = Buffer.alloc(8 * 2 ** 20);
    const parts = [];
    for (let left = BINARY_BYTES; left > 0; left -= block.length)
      parts.push(cipher.update(block.subarray(0, Math.min(block.length, left))));
    writeFileSync(file, Buffer.concat(parts));
  }
  return ws;
}

// ---------------------------------------------------------------------------------------------------------
// Measuring: every command runs under GNU time (wall, user+system CPU of it and its children, peak RSS of
// the largest process).

function timed(cmd, args, env = {}) {
  const out = path.join(os.tmpdir(), `smp-bench-time-${process.pid}`);
  const r = spawnSync(TIME, ['-o', out, '-f', '%e %U %S %M', cmd, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 2 ** 20,
  });
  const [wall, user, sys, rss] = readFileSync(out, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
  rmSync(out, { force: true });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return { wall, cpu: user + sys, rssMiB: rss / 1024, stdout: r.stdout, stderr: r.stderr };
}

/** The local AWS test server in its own process (its memory and CPU are not the deploy's); resolves to env. */
async function startServer(dir) {
  const runner = path.join(dir, 'run-server.mjs');
  writeFileSync(
    runner,
    `import { startAwsServer } from ${JSON.stringify(pathToFileURL(path.join(dir, '__tests__/servers/aws-server.js')).href)};
const s = await startAwsServer();
console.log(JSON.stringify(s.env({ oidc: false })));
process.on('SIGTERM', () => s.close().then(() => process.exit(0)));
`,
  );
  const child = spawn(process.execPath, [runner], { stdio: ['ignore', 'pipe', 'inherit'] });
  const env = await new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      if (buf.includes('\n')) resolve(JSON.parse(buf.split('\n')[0]));
    });
    child.on('exit', (code) => reject(new Error(`test server exited (${code})`)));
  });
  return { env, stop: () => child.kill('SIGTERM') };
}

/** Compiles the TypeScript test server into `dir` (plain node runs it from there). */
function buildServer(dir) {
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/typescript/bin/tsc'),
      '--ignoreConfig',
      '--outDir',
      dir,
      '--rootDir',
      root,
      '--module',
      'NodeNext',
      '--moduleResolution',
      'NodeNext',
      '--target',
      'ES2022',
      '--skipLibCheck',
      '--types',
      'node',
      '--noEmit',
      'false',
      path.join(root, '__tests__/servers/aws-server.ts'),
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`compiling the test server failed:\n${r.stdout}${r.stderr}`);
  writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}\n');
  mkdirSync(path.join(dir, '__tests__/fixtures'), { recursive: true });
  spawnSync('cp', [
    '-r',
    path.join(root, '__tests__/fixtures/api-models'),
    path.join(dir, '__tests__/fixtures/'),
  ]);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ---------------------------------------------------------------------------------------------------------

const started = Date.now();
const ws = generate();
const src = path.join(ws, 'bench/src');
const du = Number(spawnSync('du', ['-sb', src], { encoding: 'utf8' }).stdout.split('\t')[0]);
const serverDir = mkdtempSync(path.join(os.tmpdir(), 'smp-bench-server-'));
buildServer(serverDir);
const SMP = {
  SMP_S3BUCKETNAME: 'bench-bucket',
  SMP_ROLE: 'arn:aws:iam::123456789012:role/Bench',
  SMP_REGION: 'us-east-1',
};
const planArgs = [CLI, 'plan', '--config', 'bench/conf/conf.yaml', '--workspace', ws];
const packScript = `
import { collectFiles, wholeTree } from ${JSON.stringify(pathToFileURL(BUNDLE).href)};
import { packTo } from ${JSON.stringify(pathToFileURL(TAR).href)};
import { createWriteStream } from 'node:fs';
const r = await packTo(wholeTree(collectFiles(${JSON.stringify(src)}, ${JSON.stringify(ws)})), createWriteStream('/dev/null'));
console.log(r.bytes);
`;

console.log('smp-action bundle benchmark');
console.log(
  `node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
);
console.log(
  `load average at start: ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log(
  `workspace: ${SMALL_FILES} small files + 4 × ${BINARY_BYTES / 1e6} MB binaries = ${(du / 1e6).toFixed(0)} MB in bench/src; ${ROUNDS} round(s)\n`,
);

const rows = { floorSha: [], plan: [], floorGz: [], pack: [], deploy: [], redeploy: [], node: [] };
let planOut = '';
let deployLog = '';
for (let round = 0; round < ROUNDS; round++) {
  rows.node.push(timed(process.execPath, ['-e', '0']));
  rows.floorSha.push(timed('bash', ['-c', `tar -cf - -C ${ws} bench/src | sha256sum`]));
  const p = timed(process.execPath, planArgs, SMP);
  planOut = p.stdout;
  rows.plan.push(p);
  rows.floorGz.push(timed('bash', ['-c', `tar -cf - -C ${ws} bench/src | gzip -6 | sha256sum`]));
  rows.pack.push(timed(process.execPath, ['--input-type=module', '-e', packScript]));
  const server = await startServer(serverDir);
  try {
    const d = timed(
      process.execPath,
      [CLI, 'deploy', '--config', 'bench/conf/conf.yaml', '--workspace', ws],
      {
        ...SMP,
        ...server.env,
      },
    );
    deployLog = d.stderr;
    rows.deploy.push(d);
    rows.redeploy.push(
      timed(process.execPath, [CLI, 'deploy', '--config', 'bench/conf/conf.yaml', '--workspace', ws], {
        ...SMP,
        ...server.env,
      }),
    );
  } finally {
    server.stop();
  }
  process.stdout.write(`round ${round + 1}/${ROUNDS} done\n`);
}

const m = (k, f) => median(rows[k].map((r) => r[f]));
const fmt = (x) => x.toFixed(2);
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
console.log(
  `\nplan output: ${planOut
    .split('\n')
    .filter((l) => l.includes('sourcedir') || l.startsWith('artifacts'))
    .join('\n             ')}`,
);
console.log(
  `deploy log: ${deployLog
    .split('\n')
    .filter((l) => /^( {2}\+|Uploaded)/.test(l))
    .join('\n            ')}\n`,
);
console.log('| what | wall s (median) | CPU s (median) | peak RSS MiB (max) | wall ÷ floor | CPU ÷ floor |');
console.log('|---|--:|--:|--:|--:|--:|');
const line = (label, k, floor) =>
  console.log(
    `| ${label} | ${fmt(m(k, 'wall'))} | ${fmt(m(k, 'cpu'))} | ${Math.max(...rows[k].map((r) => r.rssMiB)).toFixed(0)} | ${floor ? ratio(m(k, 'wall'), m(floor, 'wall')) : ''} | ${floor ? ratio(m(k, 'cpu'), m(floor, 'cpu')) : ''} |`,
  );
line('`node -e 0`', 'node');
line('floor: `tar -cf - DIR \\| sha256sum`', 'floorSha');
line('`smp plan` (2 layouts hashed)', 'plan', 'floorSha');
line('floor: `tar -cf - DIR \\| gzip -6 \\| sha256sum`', 'floorGz');
line('pack one bundle (whole tree → gzip → /dev/null)', 'pack', 'floorGz');
line('`smp deploy`, first (plan + 2 bundles packed and uploaded)', 'deploy', 'floorGz');
line('`smp deploy`, unchanged (plan + HeadObject only)', 'redeploy', 'floorSha');
console.log(
  `\nGoals: plan ≤ 1.5× tar|sha256sum (${ratio(m('plan', 'wall'), m('floorSha', 'wall'))} wall); plan peak RSS ≤ 200 MiB (${Math.max(...rows.plan.map((r) => r.rssMiB)).toFixed(0)}); deploy peak RSS ≤ 300 MiB (${Math.max(...rows.deploy.map((r) => r.rssMiB)).toFixed(0)}); packing ≤ 1.5× tar|gzip -6|sha256sum (${ratio(m('pack', 'wall'), m('floorGz', 'wall'))} wall per bundle)`,
);
console.log(
  `load average at end: ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}; took ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
rmSync(serverDir, { recursive: true, force: true });
if (KEEP) console.log(`workspace kept: ${ws}`);
else rmSync(ws, { recursive: true, force: true });
