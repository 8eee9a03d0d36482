// Cold start of the action: `node dist/index.js` in plan mode on an example, from spawn to its first log line
// and from spawn to exit (the whole offline plan), against `node -e 0` (spawn to exit), as medians of runs
// alternated in one process. Targets (issue 15): first line ≤ 3×, whole plan ≤ 12×.
//
//   node bench/cold-start.mjs [--runs 20] [--example tf] [--breakdown]
//
// --breakdown also lists what the entry chunk of dist/index.js holds, by package, with the import chain that
// pulls each package in and what a bundle of that package alone costs to start (needs lib/, the tsc output:
// `tsc -p tsconfig.build.json`), and writes a --cpu-prof profile of one plan run.
// A benchmark, not a test: it prints and exits 0.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const RUNS = Number(opt('runs', '20'));
const EXAMPLE = opt('example', 'tf');
const BREAKDOWN = args.includes('--breakdown');
const TARGET_FIRST_LINE = 3;
const TARGET_PLAN = 12;

const configs = {
  tf: 'examples/tf/conf/conf.yaml',
  lgbm: 'examples/lgbm/conf/conf.yaml',
  'llm-text-summarization': 'examples/llm-text-summarization/conf/conf.yaml',
  'multi-model-example': 'examples/multi-model-example/*/conf/conf-multi-model.yaml',
};
if (!configs[EXAMPLE]) throw new Error(`unknown example ${EXAMPLE}`);

// A runner-like environment: a workspace with the example, file commands in RUNNER_TEMP, no AWS credentials.
const temp = mkdtempSync(path.join(tmpdir(), 'smp-cold-start-'));
const workspace = path.join(temp, 'ws');
cpSync(path.join(root, 'examples', EXAMPLE), path.join(workspace, 'examples', EXAMPLE), { recursive: true });
for (const f of ['output', 'summary']) writeFileSync(path.join(temp, f), '');
const env = {
  PATH: process.env.PATH,
  HOME: temp,
  GITHUB_ACTIONS: 'true',
  GITHUB_WORKSPACE: workspace,
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_REPOSITORY: 'octo-org/octo-repo',
  GITHUB_OUTPUT: path.join(temp, 'output'),
  GITHUB_STEP_SUMMARY: path.join(temp, 'summary'),
  RUNNER_TEMP: temp,
  INPUT_CONFIG: configs[EXAMPLE],
  INPUT_MODE: 'plan',
  INPUT_COMMENT: 'false',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SHARED_CREDENTIALS_FILE: path.join(temp, 'none'),
  AWS_CONFIG_FILE: path.join(temp, 'none'),
};

/** ms from spawn until the first stdout line (then the process is killed), or until exit when `untilExit`. */
function measure(argv, { untilExit = false } = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, argv, { cwd: workspace, env, stdio: ['ignore', 'pipe', 'ignore'] });
    let done = false;
    let firstLine = '';
    const finish = () => {
      if (done) return;
      done = true;
      resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, firstLine });
      if (!untilExit) child.kill('SIGKILL');
    };
    child.stdout.on('data', (chunk) => {
      if (untilExit || done) return;
      const text = chunk.toString('utf8');
      firstLine += text;
      const nl = firstLine.indexOf('\n');
      if (nl >= 0) {
        firstLine = firstLine.slice(0, nl);
        finish();
      }
    });
    child.once('error', reject);
    child.once('close', () => {
      if (!done && !untilExit) reject(new Error(`no log line from ${argv.join(' ')}`));
      finish();
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const entry = path.join(root, 'dist', 'index.js');
const baseline = [];
const action = [];
const plan = [];
let firstLine = '';
// The timed plan must be a plan that works: check it once (also the file-system warm-up).
const check = spawnSync(process.execPath, [entry], { cwd: workspace, env, encoding: 'utf8' });
if (check.status !== 0)
  throw new Error(`the plan failed (exit ${check.status}):\n${check.stdout}${check.stderr}`);
// One warm-up of each, not counted.
await measure(['-e', '0'], { untilExit: true });
await measure([entry]);
await measure([entry], { untilExit: true });
for (let i = 0; i < RUNS; i++) {
  // Rotate which goes first, so drift (thermal, other load) hits all three alike.
  const order = ['base', 'action', 'plan'];
  for (let k = 0; k < i % 3; k++) order.push(order.shift());
  for (const which of order) {
    if (which === 'base') baseline.push((await measure(['-e', '0'], { untilExit: true })).ms);
    else if (which === 'plan') plan.push((await measure([entry], { untilExit: true })).ms);
    else {
      const r = await measure([entry]);
      action.push(r.ms);
      firstLine = r.firstLine;
    }
  }
}
const b = median(baseline);
const a = median(action);
const p = median(plan);
const ratio = a / b;
const planRatio = p / b;
const eager = readdirSync(path.join(root, 'dist'))
  .filter((f) => f === 'index.js')
  .map((f) => `${f} ${(statSync(path.join(root, 'dist', f)).size / 1024).toFixed(0)} KiB`);
console.log(`cold start, ${RUNS} alternated runs each, node ${process.version}, example ${EXAMPLE}`);
console.log(
  `  node -e 0                          median ${b.toFixed(1)} ms  (min ${Math.min(...baseline).toFixed(1)}, max ${Math.max(...baseline).toFixed(1)})`,
);
console.log(
  `  node dist/index.js → first line    median ${a.toFixed(1)} ms  (min ${Math.min(...action).toFixed(1)}, max ${Math.max(...action).toFixed(1)})`,
);
console.log(
  `  node dist/index.js → exit (plan)   median ${p.toFixed(1)} ms  (min ${Math.min(...plan).toFixed(1)}, max ${Math.max(...plan).toFixed(1)})`,
);
const verdict = (r, t) => `${r.toFixed(2)}×  (target ≤ ${t}×: ${r <= t ? 'met' : 'MISSED'})`;
console.log(`  first line: ${verdict(ratio, TARGET_FIRST_LINE)}`);
console.log(`  whole plan: ${verdict(planRatio, TARGET_PLAN)}`);
console.log(`  first line printed: ${JSON.stringify(firstLine)}`);
console.log(`  entry bundle: ${eager.join(', ')}`);

if (BREAKDOWN) await breakdown();

/**
 * What dist/index.js evaluates before its first line: ncc's stats for the entry chunk of lib/action/index.js (the tsc
 * output it bundles; run `tsc -p tsconfig.build.json` first), grouped by package, with the import chain that
 * pulls each package in, and the time to first line of a bundle of each package alone.
 */
async function breakdown() {
  const { default: ncc } = await import('@vercel/ncc');
  const libEntry = path.join(root, 'lib', 'action', 'index.js');
  const bundle = await ncc(libEntry, {
    esm: true,
    minify: true,
    cache: false,
    quiet: true,
    filename: 'index.js',
    v8cache: false,
    assetBuilds: false,
  });
  const stats = bundle.stats.toJson({
    modules: true,
    chunks: true,
    chunkModules: true,
    ids: true,
    reasons: false,
    source: false,
  });
  const initial = stats.chunks.filter((c) => c.initial).flatMap((c) => c.modules);
  const pkgOf = (name) =>
    /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(name)?.[1] ??
    (name.includes('lib/') ? '(app: lib/)' : '(webpack runtime)');
  const groups = new Map();
  for (const m of initial) {
    for (const inner of m.modules?.length ? m.modules : [m]) {
      const pkg = pkgOf(inner.name);
      const g = groups.get(pkg) ?? { size: 0, chain: undefined };
      g.size += inner.size ?? 0;
      if (!g.chain && !pkg.startsWith('(')) {
        // A module webpack concatenated into another (ESM scope hoisting) has the chain of that module.
        const path_ = [...(m.issuerPath ?? []).map((x) => x.name), m.name].map(pkgOrFile);
        if (inner !== m) path_.push(`${pkgOrFile(inner.name)} (concatenated into ${pkgOrFile(m.name)})`);
        g.chain = path_.filter((x, i, a) => x !== a[i - 1]).join(' → ');
      }
      groups.set(pkg, g);
    }
  }
  function pkgOrFile(name) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(name);
    return m ? `${m[1]}/${m[2]}` : name.replace(/^.*?lib\//, 'lib/');
  }
  const rows = [...groups].filter(([, g]) => g.size > 1024).sort((a, b) => b[1].size - a[1].size);
  console.log(`\nentry chunk of dist/index.js by package (module source sizes before minification):`);
  const tmp = mkdtempSync(path.join(root, 'bench', '.cold-start-'));
  try {
    for (const [pkg, g] of rows) {
      let cost = '';
      if (!pkg.startsWith('(')) {
        const entryFile = path.join(tmp, `${pkg.replace(/[@/]/g, '_')}.mjs`);
        writeFileSync(
          entryFile,
          `import * as m from ${JSON.stringify(pkg)};\nprocess.stdout.write('loaded ' + Object.keys(m).length + '\\n');\n`,
        );
        const out = await ncc(entryFile, {
          esm: true,
          minify: true,
          cache: false,
          quiet: true,
          filename: 'index.js',
          v8cache: false,
          assetBuilds: false,
        });
        const outDir = mkdtempSync(path.join(tmpdir(), 'smp-cold-pkg-'));
        writeFileSync(path.join(outDir, 'package.json'), '{"type":"module"}');
        writeFileSync(path.join(outDir, 'index.mjs'), out.code);
        const xs = [];
        for (let i = 0; i < 9; i++) xs.push((await measure([path.join(outDir, 'index.mjs')])).ms);
        cost = `alone: +${(median(xs) - b).toFixed(1)} ms over node -e 0`;
      }
      console.log(`  ${pkg.padEnd(24)} ${(g.size / 1024).toFixed(0).padStart(5)} KiB  ${cost}`);
      if (g.chain) console.log(`  ${''.padEnd(24)}        via ${g.chain}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const out = path.join(temp, 'cpu-prof');
  spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${out}`, entry], {
    cwd: workspace,
    env,
    encoding: 'utf8',
  });
  console.log(`\nCPU profile of one whole plan run: ${out}/ (open in Chrome DevTools or speedscope)`);
}
process.exitCode = 0;
