// Every key the old framework's code reads (fixtures/old-framework/keys.json, with the file that reads it) is
// either honoured — set on a base config, the definition shows it — or accepted and reported: a warning naming the
// key says it has no effect, or what changed. Nothing the old framework read is an unknown key or an error.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compileProject } from '../../../src/compile/compile.js';
import type { Diagnostic } from '../../../src/config/diagnostics.js';
import { loadProject } from '../../../src/config/load.js';
import { makeWorkspace, TEST_ENV } from '../../helpers/workspace.js';

const FIXTURE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/old-framework/keys.json',
);

interface KeyEntry {
  readonly key: string;
  readonly files: readonly string[];
  readonly status: 'honoured' | 'no-effect' | 'reported' | 'setting';
  readonly set?: string;
  readonly value?: unknown;
  readonly env?: Readonly<Record<string, string>>;
  readonly expect?: {
    readonly step: string;
    readonly path?: string;
    readonly top?: string;
    readonly value?: unknown;
    readonly prefix?: string;
  };
}

const KEYS = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { keys: KeyEntry[] }).keys;

/** One model exercising every step class; each key's `set` path is relative to its `conf`. */
function baseConf(): Record<string, unknown> {
  return {
    models: {
      m: {
        source_directory: 'm/src',
        preprocess: {
          image_uri: 'img:1',
          entry_point: 'prep.py',
          channels: {
            train: { dataFiles: [{ sourceName: 'raw', fileName: 's3://SMP_S3BUCKETNAME/raw/data.csv' }] },
          },
        },
        train: { image_uri: 'img:1', entry_point: 'train.py' },
        transform: { entry_point: 'inference.py', channels: { train: null } },
        evaluate: {
          image_uri: 'img:1',
          entry_point: 'evaluate.py',
          channels: {
            test: {
              s3BucketName: 'eval-bucket',
              dataFiles: [{ sourceName: 'labels', fileName: 's3://b/labels.csv' }],
            },
          },
        },
        registry: { ModelRepack: 'False', InferenceSpecification: { image_uri: 'inf:1' } },
      },
    },
    sagemakerPipeline: {
      pipelineName: 'p-test',
      models: {
        m: {
          steps: [
            { step_name: 'prep', step_class: 'Processing', step_type: 'preprocess' },
            { step_name: 'train', step_class: 'Training', chain_input_source_step: ['prep'] },
            { step_name: 'create', step_class: 'CreateModel' },
            {
              step_name: 'transform',
              step_class: 'Transform',
              chain_input_source_step: ['prep'],
              chain_input_additional_prefix: 'test/x.csv',
            },
            { step_name: 'metrics', step_class: 'Metrics', chain_input_source_step: ['transform'] },
            { step_name: 'register', step_class: 'RegisterModel' },
          ],
        },
      },
      dependencies: ['prep >> train >> create >> transform >> metrics >> register'],
    },
  };
}

function setAt(root: Record<string, unknown>, dotted: string, value: unknown): void {
  const segs = dotted.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  let cur = root as Record<string | number, unknown>;
  for (const seg of segs.slice(0, -1)) {
    let next = cur[seg];
    if (next === undefined || next === null) {
      next = {};
      cur[seg] = next;
    }
    cur = next as Record<string | number, unknown>;
  }
  cur[segs[segs.length - 1] as string | number] = value;
}

function at(v: unknown, dotted: string): unknown {
  let cur = v;
  for (const seg of dotted.split('.')) {
    if (cur === null || typeof cur !== 'object' || !(seg in cur)) {
      throw new Error(`no ${seg} of ${dotted} in ${JSON.stringify(cur)?.slice(0, 400)}`);
    }
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

const workspaces: string[] = [];
afterAll(() => {
  for (const w of workspaces.splice(0)) rmSync(w, { recursive: true, force: true });
});

function planWith(entry: KeyEntry): {
  diagnostics: readonly Diagnostic[];
  step: (name: string) => Record<string, unknown>;
} {
  const conf = baseConf();
  if (entry.set !== undefined) setAt(conf, entry.set, entry.value);
  const ws = makeWorkspace({
    'm/conf/conf.yaml': stringify({ conf }),
    'm/src/prep.py': 'print(1)\n',
    'm/src/train.py': 'print(1)\n',
    'm/src/inference.py': 'print(1)\n',
    'm/src/evaluate.py': 'print(1)\n',
  });
  workspaces.push(ws);
  const loaded = loadProject({
    workspace: ws,
    globs: ['*/conf/conf.yaml'],
    env: { ...TEST_ENV, ...entry.env },
    allowPlaceholders: false,
  });
  const compiled = loaded.config ? compileProject(loaded.config) : undefined;
  const diagnostics = [...loaded.diagnostics, ...(compiled?.diagnostics ?? [])];
  return {
    diagnostics,
    step: (name) => {
      const s = compiled?.plan?.definition.Steps.find((x) => x.Name === name);
      if (!s) throw new Error(`no step ${name}:\n${diagnostics.map((d) => d.message).join('\n')}`);
      return s as unknown as Record<string, unknown>;
    },
  };
}

/** The key's own name as messages write it: the last segment of `set` below the section (`train.base_job_name`). */
function shownKey(entry: KeyEntry): string {
  const parts = (entry.set ?? '').split('.');
  return parts.slice(2).join('.') || entry.key;
}

describe('every key the old framework reads is honoured or reported', () => {
  it('the list covers each file of the old framework that reads config keys', () => {
    const files = new Set(KEYS.flatMap((k) => k.files));
    for (const f of [
      'processing/processing_service.py',
      'training/training_service.py',
      'transform/transform_service.py',
      'modelmetrics/model_metrics_service.py',
      'createmodel/create_model_service.py',
      'registermodel/register_model_service.py',
      'pipeline/model_unit.py',
      'pipeline/pipeline_service.py',
      'pipeline/helper.py',
      'utilities/configuration.py',
    ])
      expect(files).toContain(f);
    expect(KEYS.length).toBeGreaterThan(90);
  });

  it.each(KEYS.map((k) => [k.key, k] as const))('%s', (_key, entry) => {
    const { diagnostics, step } = planWith(entry);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.filter((d) => d.code === 'unknown-key')).toEqual([]);
    const ignored = diagnostics.filter((d) => d.code === 'ignored-keys').map((d) => d.message);
    switch (entry.status) {
      case 'honoured':
      case 'setting': {
        if (entry.set) expect(ignored.join('\n')).not.toContain(shownKey(entry));
        const x = entry.expect;
        if (!x) return;
        const s = step(x.step);
        const got = x.top ? s[x.top] : at(s.Arguments, x.path ?? '');
        if (x.prefix !== undefined) expect(String(got).startsWith(x.prefix)).toBe(true);
        else expect(got).toEqual(x.value);
        return;
      }
      case 'no-effect': {
        const key = shownKey(entry);
        const said = diagnostics.filter(
          (d) =>
            d.severity === 'warning' && d.message.includes(key) && /no effect|is not used/.test(d.message),
        );
        expect(said.map((d) => d.code)).not.toEqual([]);
        return;
      }
      case 'reported': {
        if (entry.env) expect(diagnostics.map((d) => d.code)).toContain('group-name-changed');
        return;
      }
    }
  });
});
