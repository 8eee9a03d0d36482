// Runs the bundled CLI on each example project: `node scripts/examples.mjs validate`.
// Each example is its own pipeline, so each gets its own run (merging them would define three pipelines).
import { spawnSync } from 'node:child_process';

export const EXAMPLES = [
  { name: 'lgbm', config: 'examples/lgbm/conf/conf.yaml' },
  { name: 'llm-text-summarization', config: 'examples/llm-text-summarization/conf/conf.yaml' },
  { name: 'multi-model-example', config: 'examples/multi-model-example/*/conf/conf-multi-model.yaml' },
  { name: 'tf', config: 'examples/tf/conf/conf.yaml' },
  { name: 'tf-scoring', config: 'examples/tf-scoring/conf/conf.yaml' },
  { name: 'tf-gated', config: 'examples/tf-gated/conf/conf.yaml' },
];

const [command = 'validate', ...extra] = process.argv.slice(2);
let failed = 0;
for (const ex of EXAMPLES) {
  const args = [
    'dist/cli.js',
    command,
    '--config',
    ex.config,
    ...extra.map((a) => a.replaceAll('{name}', ex.name)),
  ];
  console.log(`$ node ${args.join(' ')}`);
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
