// Shared fixtures for the plan-view tests: compiled plans (examples and temp workspaces), synthetic
// definitions, a 402-step workspace, and a jsdom-backed Mermaid parser.
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { compileProject } from '../../../src/compile/compile.js';
import type { DefinitionStep, PipelineDefinition, Plan, Value } from '../../../src/compile/types.js';
import { formatDiagnostic } from '../../../src/config/diagnostics.js';
import { loadProject } from '../../../src/config/load.js';
import { makeWorkspace, TEST_ENV } from '../../helpers/workspace.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The four examples as `smp plan` reads them (workspace = repository root). */
export const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  tf: ['examples/tf/conf/conf.yaml'],
  lgbm: ['examples/lgbm/conf/conf.yaml'],
  llm: ['examples/llm-text-summarization/conf/conf.yaml'],
  multi: ['examples/multi-model-example/*/conf/conf-multi-model.yaml'],
};

export function compileAt(
  workspace: string,
  globs: readonly string[],
  env: Readonly<Record<string, string>> = TEST_ENV,
): Plan {
  const loaded = loadProject({ workspace, globs, env, allowPlaceholders: false });
  if (!loaded.config) {
    throw new Error(`config does not load:\n${loaded.diagnostics.map(formatDiagnostic).join('\n')}`);
  }
  const { plan, diagnostics } = compileProject(loaded.config);
  if (!plan) throw new Error(`no plan:\n${diagnostics.map(formatDiagnostic).join('\n')}`);
  return plan;
}

export function compileExample(name: keyof typeof EXAMPLES): Plan {
  const globs = EXAMPLES[name];
  if (!globs) throw new Error(`no example ${String(name)}`);
  return compileAt(REPO, globs);
}

/** Temp workspaces, removed by `cleanupWorkspaces` (call it from afterAll). */
const created: string[] = [];
export function workspace(files: Record<string, string>): string {
  const w = makeWorkspace(files);
  created.push(w);
  return w;
}
export function cleanupWorkspaces(): void {
  for (const w of created.splice(0)) rmSync(w, { recursive: true, force: true });
}

export function compileFiles(
  files: Record<string, string>,
  env: Readonly<Record<string, string>> = TEST_ENV,
): Plan {
  return compileAt(workspace(files), ['*/conf/*.yaml'], env);
}

type Obj = Record<string, unknown>;

/**
 * A deep, mutable copy of a definition, as it would come back from JSON (the compiler shares some objects
 * between steps, e.g. a model's Environment map, which structuredClone would keep shared).
 */
export function clone(def: PipelineDefinition): PipelineDefinition {
  return JSON.parse(JSON.stringify(def)) as PipelineDefinition;
}

/** The mutable step `name` of a definition (throws when missing). */
export function stepOf(
  def: PipelineDefinition,
  name: string,
): Obj & { Arguments: Obj; DependsOn?: string[] } {
  const s = def.Steps.find((x) => x.Name === name);
  if (!s) throw new Error(`no step ${name} in ${def.Steps.map((x) => x.Name).join(', ')}`);
  return s as unknown as Obj & { Arguments: Obj; DependsOn?: string[] };
}

/** Object at a path of keys / indexes (throws when missing), for in-place edits of a cloned definition. */
export function at(v: unknown, ...keys: (string | number)[]): Obj {
  let cur = v;
  for (const k of keys) {
    if (typeof cur !== 'object' || cur === null) throw new Error(`no ${String(k)} in ${JSON.stringify(cur)}`);
    cur = (cur as Record<string | number, unknown>)[k];
  }
  if (typeof cur !== 'object' || cur === null) throw new Error(`not an object at ${keys.join('.')}`);
  return cur as Obj;
}

/** The same JSON with every object's keys in reverse order (arrays keep their order). */
export function reverseKeys<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x: unknown) => reverseKeys(x)) as T;
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v as Obj)
        .reverse()
        .map(([k, x]) => [k, reverseKeys(x)]),
    ) as T;
  return v;
}

export function definition(
  steps: readonly DefinitionStep[],
  parameters: readonly Value[] = [],
): PipelineDefinition {
  return {
    Version: '2020-12-01',
    Metadata: {},
    Parameters: parameters,
    PipelineExperimentConfig: null,
    Steps: steps,
  };
}

/** A Processing step with a named input, an output under its own name and an optional data reference. */
export function processingStep(
  name: string,
  opts: { image?: string; input?: string; ref?: string; dependsOn?: string[]; extra?: Obj } = {},
): DefinitionStep {
  const input: Value = opts.ref
    ? { Get: `Steps.${opts.ref}.ProcessingOutputConfig.Outputs['out'].S3Output.S3Uri` }
    : (opts.input ?? 's3://bucket/raw/data.csv');
  return {
    Name: name,
    Type: 'Processing',
    Arguments: {
      ProcessingResources: {
        ClusterConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
      },
      AppSpecification: { ImageUri: opts.image ?? 'img:1' },
      RoleArn: 'arn:aws:iam::111122223333:role/R',
      ProcessingInputs: [
        { InputName: 'raw', S3Input: { S3Uri: input, LocalPath: '/opt/ml/processing/input/raw' } },
      ],
      ProcessingOutputConfig: {
        Outputs: [
          {
            OutputName: 'out',
            S3Output: {
              S3Uri: {
                'Std:Join': {
                  On: '/',
                  Values: ['s3://bucket/p', { Get: 'Execution.PipelineExecutionId' }, name, 'out'],
                },
              },
              LocalPath: '/opt/ml/processing/output',
            },
          },
        ],
      },
      ...(opts.extra as Record<string, Value> | undefined),
    },
    ...(opts.dependsOn ? { DependsOn: opts.dependsOn } : {}),
  };
}

/** Source files shared by every model of a generated workspace. */
const SOURCES: Record<string, string> = {
  'src/prep.py': 'print("prep")\n',
  'src/train.py': 'print("train")\n',
  'src/inference.py': 'def model_fn(d):\n    return d\n',
  'src/evaluate.py': 'print("eval")\n',
};

/**
 * A workspace with `models` models of six steps each (preprocess → train → create → transform → metrics →
 * register), all in pipeline `name`. `instanceType` lets two versions differ in every step.
 */
export function manyModelFiles(
  models: number,
  opts: { name?: string; instanceType?: string; sections?: Readonly<Record<string, Obj>> } = {},
): Record<string, string> {
  const instance_type = opts.instanceType ?? 'ml.m5.xlarge';
  const extra = (section: string): Obj => opts.sections?.[section] ?? {};
  const configs: Obj = {};
  const pipelineModels: Obj = {};
  const dependencies: string[] = [];
  for (let i = 0; i < models; i++) {
    const m = `model${i}`;
    configs[m] = {
      source_directory: 'src',
      preprocess: {
        image_uri: 'img:1',
        entry_point: 'prep.py',
        instance_type,
        channels: {
          train: { dataFiles: [{ sourceName: 'raw', fileName: 's3://SMP_S3BUCKETNAME/raw/data.csv' }] },
        },
        ...extra('preprocess'),
      },
      train: { image_uri: 'img:1', entry_point: 'train.py', instance_type, ...extra('train') },
      transform: { entry_point: 'inference.py', instance_type, ...extra('transform') },
      evaluate: {
        image_uri: 'img:1',
        entry_point: 'evaluate.py',
        channels: 'train',
        instance_type,
        ...extra('evaluate'),
      },
      registry: {
        ModelRepack: 'False',
        InferenceSpecification: { image_uri: 'inf:1', ...extra('inference') },
      },
    };
    pipelineModels[m] = {
      steps: [
        { step_name: `${m}-prep`, step_class: 'Processing', step_type: 'preprocess', enable_cache: true },
        {
          step_name: `${m}-train`,
          step_class: 'Training',
          chain_input_source_step: [`${m}-prep`],
          enable_cache: true,
        },
        { step_name: `${m}-create`, step_class: 'CreateModel' },
        {
          step_name: `${m}-transform`,
          step_class: 'Transform',
          chain_input_source_step: [`${m}-prep`],
          chain_input_additional_prefix: 'test/x.csv',
        },
        {
          step_name: `${m}-metrics`,
          step_class: 'Metrics',
          chain_input_source_step: [`${m}-prep`, `${m}-transform`],
        },
        { step_name: `${m}-register`, step_class: 'RegisterModel' },
      ],
    };
    dependencies.push(
      `${m}-prep >> ${m}-train >> ${m}-create >> ${m}-transform >> ${m}-metrics >> ${m}-register`,
    );
  }
  return {
    ...SOURCES,
    'all/conf/conf.yaml': stringify({
      conf: {
        models: configs,
        sagemakerPipeline: {
          pipelineName: opts.name ?? 'big-pipeline',
          models: pipelineModels,
          dependencies,
        },
      },
    }),
  };
}

// jsdom ships no types and the project's lib has no DOM: the little of it these tests use, typed here.
export interface DomElement {
  readonly tagName: string;
  readonly textContent: string | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): Iterable<DomElement> & { readonly length: number };
  getAttributeNames(): string[];
  cloneNode(deep: boolean): DomElement;
  remove(): void;
}
export interface DomDocument {
  readonly body: DomElement;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): Iterable<DomElement> & { readonly length: number };
  createTreeWalker(root: DomElement, whatToShow: number): { nextNode(): { readonly data?: string } | null };
}
interface JsdomModule {
  JSDOM: new (html: string, options?: Record<string, unknown>) => { window: { document: DomDocument } };
}
const { JSDOM } = createRequire(import.meta.url)('jsdom') as JsdomModule;

export function parseHtml(html: string): DomDocument {
  return new JSDOM(html).window.document;
}

/** HTML comments in a document, in order. */
export function htmlComments(doc: DomDocument): string[] {
  const walker = doc.createTreeWalker(doc.body, 128 /* NodeFilter.SHOW_COMMENT */);
  const out: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n.data ?? '');
  return out;
}

/** Mermaid's parser needs a DOM: a jsdom window installed on globalThis before the first import. */
let mermaidParse: ((text: string) => Promise<unknown>) | undefined;
export async function loadMermaidParse(): Promise<(text: string) => Promise<unknown>> {
  if (mermaidParse) return mermaidParse;
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  const g = globalThis as unknown as Record<string, unknown>;
  g.window ??= dom.window;
  g.document ??= dom.window.document;
  const mermaid = (await import('mermaid')).default;
  mermaid.initialize({ startOnLoad: false });
  mermaidParse = async (text: string) => mermaid.parse(text);
  return mermaidParse;
}
