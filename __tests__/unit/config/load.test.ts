import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/config/diagnostics.js';
import { loadProject } from '../../../src/config/load.js';
import { allSteps } from '../../../src/config/types.js';
import { fullUnitFiles, makeWorkspace, TEST_ENV } from '../../helpers/workspace.js';

function load(
  files: Record<string, string>,
  env: Record<string, string> = TEST_ENV,
  globs = ['*/conf/*.yaml'],
) {
  const workspace = makeWorkspace(files);
  const r = loadProject({ workspace, globs, env, allowPlaceholders: true });
  return {
    ...r,
    workspace,
    errors: r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic),
    warnings: r.diagnostics.filter((d) => d.severity === 'warning').map(formatDiagnostic),
  };
}

/** The full-unit config with one substring replaced (must occur). */
function variant(from: string, to: string): Record<string, string> {
  const files = fullUnitFiles();
  const conf = files['m/conf/conf.yaml']!;
  if (!conf.includes(from)) throw new Error(`fixture has no ${from}`);
  return { ...files, 'm/conf/conf.yaml': conf.replace(from, to) };
}

describe('loadProject: a valid project', () => {
  const r = load(fullUnitFiles());

  it('has no diagnostics', () => {
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('types steps, classes and chains', () => {
    const steps = allSteps(r.config!.pipeline);
    expect(steps.map((s) => `${s.name}:${s.stepClass}`)).toEqual([
      'prep:Processing',
      'train:Training',
      'create:CreateModel',
      'transform:Transform',
      'metrics:Metrics',
      'register:RegisterModel',
    ]);
    expect(steps[0]!.stepType).toBe('preprocess');
    expect(steps[4]!.chainSources).toEqual(['prep', 'transform']);
    expect(steps[3]!.chainAdditionalPrefix).toBe('test/x.csv');
    expect(steps[0]!.enableCache).toBe(false);
    expect(steps[0]!.cacheExpireAfter).toBe('P10D');
  });

  it('interpolates settings and keeps positions', () => {
    const m = r.config!.models.m!;
    expect(m.preprocess!.channels[0]!.dataFiles[0]!.fileName).toBe('s3://example-bucket/raw/data.csv');
    expect(m.preprocess!.channels[0]!.dataFiles[0]!.loc).toEqual({
      file: 'm/conf/conf.yaml',
      line: 12,
      col: 27,
    });
    expect(r.config!.locations.get('conf.models.m.train.entry_point')).toEqual({
      file: 'm/conf/conf.yaml',
      line: 15,
      col: 22,
    });
  });

  it('turns a bare evaluate channel into one named channel', () => {
    expect(r.config!.models.m!.evaluate!.channels.map((c) => [c.name, c.dataFiles.length])).toEqual([
      ['train', 0],
    ]);
  });

  it('parses dependencies into edges', () => {
    expect(r.config!.pipeline.dependencies.map((d) => `${d.from}>${d.to}`)).toEqual([
      'prep>train',
      'train>create',
      'create>transform',
      'transform>metrics',
      'metrics>register',
    ]);
  });

  it('is immutable', () => {
    const c = r.config!;
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.models.m!.train!.env)).toBe(true);
    expect(() => {
      (c.pipeline as { name: string }).name = 'x';
    }).toThrow();
  });

  it('registry defaults: ModelRepack False written as a string', () => {
    expect(r.config!.models.m!.registry!.modelRepack).toBe(false);
  });
});

describe('loadProject: rules', () => {
  it.each([
    [
      'step_class: Training\n            chain',
      'step_class: Trainig\n            chain',
      'm/conf/conf.yaml:35:25: error:',
      'did you mean `Training`',
    ],
    [
      'step_class: Training\n            chain',
      'step_class: training\n            chain',
      undefined,
      undefined,
    ],
    [
      '            step_type: preprocess\n',
      '',
      'm/conf/conf.yaml:32:25: error:',
      'needs `step_type`: the conf.models.m section it runs',
    ],
    [
      'step_type: preprocess',
      'step_type: preproces',
      'm/conf/conf.yaml:33:24: error:',
      'did you mean `preprocess`',
    ],
    [
      'pipelineName: p-test',
      'pipelineName: p_test',
      'm/conf/conf.yaml:27:19: error:',
      'the string "p_test" is not valid',
    ],
    ['- step_name: create', '- step_name: train', 'm/conf/conf.yaml:37:24: error:', 'already used'],
    [
      'chain_input_source_step: [prep]\n          - step_name: create',
      'chain_input_source_step: [prepp]\n          - step_name: create',
      'm/conf/conf.yaml:36:39: error:',
      'did you mean `prep`',
    ],
    ['[prep, transform]', '[prep, create]', 'm/conf/conf.yaml:45:45: error:', 'is a CreateModel step'],
    [
      'chain_input_source_step: [prep]\n            chain_input_additional_prefix',
      'chain_input_source_step: [prep, train]\n            chain_input_additional_prefix',
      'm/conf/conf.yaml:41:38: error:',
      'at most one chain source',
    ],
    [
      '      m:\n        steps:',
      '      mm:\n        steps:',
      'm/conf/conf.yaml:29:7: error:',
      'no model `mm`',
    ],
    ['prep >> train >>', 'prep >> trian >>', 'm/conf/conf.yaml:49:17: error:', 'did you mean `train`'],
    ['metrics >> register', 'metrics >> register >> prep', 'm/conf/conf.yaml:49:17: error:', 'cycle: '],
    [
      '        entry_point: train.py',
      '        entry_point: nope.py',
      'm/conf/conf.yaml:15:22: error:',
      '`nope.py` is not a file in m/src/',
    ],
    [
      'source_directory: m/src',
      'source_directory: m/none',
      'm/conf/conf.yaml:4:25: error:',
      'folder `m/none` does not exist',
    ],
    [
      'source_directory: m/src',
      'source_directory: ../../etc',
      'm/conf/conf.yaml:4:25: error:',
      'outside the workspace',
    ],
    [
      'ModelRepack: "False"',
      'ModelRepack: "Flase"',
      'm/conf/conf.yaml:23:22: error:',
      'did you mean `False`',
    ],
    [
      '          image_uri: inf:1',
      '          image_uri: inf:1\n          approval_status: Approve',
      'm/conf/conf.yaml:26:28: error:',
      'did you mean `Approved`',
    ],
    [
      '      train:\n        image_uri: img:1\n',
      '      train:\n        image_uri: img:1\n        instance_count: "2"\n',
      'm/conf/conf.yaml:15:25: error:',
      'write 2 without quotes',
    ],
    [
      '            step_type: preprocess\n',
      '            step_type: preprocess\n            enable_cache: "True"\n',
      'm/conf/conf.yaml:34:27: error:',
      'write true without quotes',
    ],
    [
      'fileName: s3://SMP_S3BUCKETNAME/raw',
      'fileName: s3://SMP_S3BUCKET/raw',
      'm/conf/conf.yaml:12:27: error:',
      'SMP_S3BUCKET',
    ],
    [
      'fileName: s3://SMP_S3BUCKETNAME/raw',
      'fileName: s3://${DATA_BUCKET}/raw',
      'm/conf/conf.yaml:12:27: error:',
      'DATA_BUCKET',
    ],
  ])('%#: %s → %s', (from, to, where, what) => {
    const r = load(variant(from, to));
    if (where === undefined) {
      expect(r.errors).toEqual([]);
      return;
    }
    expect(
      r.errors.find((e) => e.startsWith(where)),
      r.errors.join('\n'),
    ).toContain(what);
  });

  it('CreateModel needs an earlier Training in the unit', () => {
    const r = load(
      variant(
        '          - step_name: train\n            step_class: Training\n            chain_input_source_step: [prep]\n',
        '',
      ),
    );
    expect(r.errors.join('\n')).toContain('a CreateModel step needs an earlier Training step in model `m`');
    expect(r.errors.join('\n')).toContain('a RegisterModel step needs an earlier Training step');
  });

  it('Metrics needs an earlier Transform', () => {
    const r = load(
      variant(
        '          - step_name: transform\n            step_class: Transform\n            chain_input_source_step: [prep]\n            chain_input_additional_prefix: test/x.csv\n',
        '',
      ),
    );
    expect(r.errors.some((e) => e.includes('a Metrics step needs an earlier Transform step'))).toBe(true);
  });

  it('reports every error, not just the first', () => {
    const files = variant('step_class: CreateModel', 'step_class: CreatModel');
    files['m/conf/conf.yaml'] = files['m/conf/conf.yaml']!.replace(
      'entry_point: train.py',
      'entry_point: nope.py',
    ).replace('pipelineName: p-test', 'pipelineName: p_test');
    const r = load(files);
    expect(r.errors.map((e) => e.split(': error:')[0])).toEqual([
      'm/conf/conf.yaml:15:22',
      'm/conf/conf.yaml:27:19',
      'm/conf/conf.yaml:38:25',
    ]);
    const fixed = variant('step_class: CreateModel', 'step_class: CreatModel');
    fixed['m/conf/conf.yaml'] = fixed['m/conf/conf.yaml']!.replace(
      'entry_point: train.py',
      'entry_point: nope.py',
    );
    expect(load(fixed).errors.map((e) => e.split(': error:')[0])).toEqual([
      'm/conf/conf.yaml:15:22',
      'm/conf/conf.yaml:38:25',
    ]);
  });

  it('warns on unknown keys with a suggestion, and on unused models', () => {
    const files = variant(
      '        image_uri: img:1\n        entry_point: train.py',
      '        image_uri: img:1\n        instance_typ: ml.m5.large\n        entry_point: train.py',
    );
    files['o/conf/conf.yaml'] = 'conf:\n  models:\n    other:\n      source_directory: m/src\n';
    const r = load(files);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toContain(
      'm/conf/conf.yaml:15:9: warning: unknown key `instance_typ` in conf.models.m.train is ignored (did you mean `instance_type`?)',
    );
    expect(r.warnings.some((w) => w.includes('model `other` is defined but not listed'))).toBe(true);
  });

  it('merges models across files and errors on two different pipeline sections', () => {
    const files = fullUnitFiles();
    files['z/conf/conf.yaml'] = 'conf:\n  sagemakerPipeline:\n    pipelineName: other\n    models: {}\n';
    const r = load(files);
    expect(r.errors).toEqual([
      "z/conf/conf.yaml:2:3: error: conf.sagemakerPipeline is defined in both m/conf/conf.yaml:26 and z/conf/conf.yaml:2 with different contents: keep it in one file (the anchor model's)",
    ]);
  });

  it('errors when no file has a pipeline section', () => {
    const r = load({ 'a/conf/c.yaml': 'conf:\n  models: {}\n' });
    expect(r.errors[0]).toContain('none of the 1 config file(s) has conf.sagemakerPipeline');
  });

  it('later files override a model top-level keys, with a warning', () => {
    const files = fullUnitFiles();
    files['n/conf/conf.yaml'] = 'conf:\n  models:\n    m:\n      source_directory: m/src\n';
    const r = load(files);
    expect(r.errors).toEqual([]);
    expect(
      r.warnings.some((w) =>
        w.startsWith('n/conf/conf.yaml:3:5: warning: model `m` is also defined in m/conf/conf.yaml:3'),
      ),
    ).toBe(true);
    expect(r.config!.models.m!.file).toBe('n/conf/conf.yaml');
    expect(r.config!.models.m!.train).toBeDefined();
  });

  it('refuses a source_directory symlinked outside the workspace', () => {
    const outside = makeWorkspace({ 'train.py': '' });
    const files = fullUnitFiles();
    const r0 = makeWorkspace(files);
    mkdirSync(path.join(r0, 'm', 'link-parent'));
    symlinkSync(outside, path.join(r0, 'm', 'escape'));
    const r = loadProject({
      workspace: r0,
      globs: ['m/conf/conf.yaml'],
      env: TEST_ENV,
      allowPlaceholders: true,
    });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const conf = files['m/conf/conf.yaml']!.replace('source_directory: m/src', 'source_directory: m/escape');
    const ws = makeWorkspace({ ...files, 'm/conf/conf.yaml': conf });
    symlinkSync(outside, path.join(ws, 'm', 'escape'));
    const bad = loadProject({
      workspace: ws,
      globs: ['m/conf/conf.yaml'],
      env: TEST_ENV,
      allowPlaceholders: true,
    });
    expect(bad.diagnostics.find((d) => d.severity === 'error')?.code).toBe('path-outside-workspace');
  });

  it('uses placeholders offline and says so, but refuses them when not allowed', () => {
    const ws = makeWorkspace(fullUnitFiles());
    const offline = loadProject({
      workspace: ws,
      globs: ['*/conf/*.yaml'],
      env: {},
      allowPlaceholders: true,
    });
    expect(offline.config?.settings.bucket).toBe('smp-placeholder-bucket');
    expect(offline.diagnostics.map((d) => d.code)).toContain('placeholder-settings');
    const strict = loadProject({
      workspace: ws,
      globs: ['*/conf/*.yaml'],
      env: {},
      allowPlaceholders: false,
    });
    expect(strict.config).toBeUndefined();
    expect(
      strict.diagnostics
        .filter((d) => d.code === 'missing-setting')
        .map((d) => d.path)
        .sort(),
    ).toEqual(['SMP_REGION', 'SMP_ROLE', 'SMP_S3BUCKETNAME']); // no account error on top of the role's
  });

  it('takes the account from the role ARN when SMP_ACCOUNTID is unset', () => {
    const { SMP_ACCOUNTID: _unused, ...env } = TEST_ENV;
    const r = load(fullUnitFiles(), env);
    expect(r.config?.settings.accountId).toBe('111122223333');
  });
});

describe('loadProject: extra roots (cloned model repositories)', () => {
  it('matches the globs inside each root and resolves its paths against that root', () => {
    const files = fullUnitFiles();
    const anchor = files['m/conf/conf.yaml']!;
    // The model repo keeps only its model; the shared repo (cloned under .smp/repos) holds the anchor pipeline.
    const [modelPart, pipelinePart] = anchor.split('  sagemakerPipeline:');
    const ws = makeWorkspace({
      'm/conf/conf.yaml': modelPart!,
      'm/src/prep.py': '',
      'm/src/train.py': '',
      'm/src/inference.py': '',
      'm/src/evaluate.py': '',
      '.smp/repos/org/shared/m/conf/conf.yaml': `conf:\n  sagemakerPipeline:${pipelinePart!}`,
    });
    const without = loadProject({
      workspace: ws,
      globs: ['*/conf/*.yaml'],
      env: TEST_ENV,
      allowPlaceholders: true,
    });
    expect(without.diagnostics.map((d) => d.code)).toContain('no-pipeline-section');
    const r = loadProject({
      workspace: ws,
      globs: ['*/conf/*.yaml'],
      env: TEST_ENV,
      allowPlaceholders: true,
      extraRoots: ['.smp/repos/org/shared'],
    });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.config?.files).toEqual(['m/conf/conf.yaml', '.smp/repos/org/shared/m/conf/conf.yaml']);
    expect(r.config?.pipeline.file).toBe('.smp/repos/org/shared/m/conf/conf.yaml');
  });

  it('resolves source_directory of a cloned model relative to its clone', () => {
    const files = fullUnitFiles();
    const cloned = Object.fromEntries(Object.entries(files).map(([k, v]) => [`.smp/repos/org/m/${k}`, v]));
    const ws = makeWorkspace({ ...cloned, 'local/conf/readme.yaml': 'conf:\n  models: {}\n' });
    const r = loadProject({
      workspace: ws,
      globs: ['*/conf/*.yaml'],
      env: TEST_ENV,
      allowPlaceholders: true,
      extraRoots: ['.smp/repos/org/m'],
    });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.config?.models.m?.sourceDirectory).toBe('.smp/repos/org/m/m/src');
  });
});

describe('loadProject: old-framework fidelity and edge cases', () => {
  it('reads unquoted yes/no for enable_cache as PyYAML did, and refuses a quoted "True"', () => {
    const ok = load(
      variant(
        '            step_type: preprocess\n',
        '            step_type: preprocess\n            enable_cache: yes\n',
      ),
    );
    expect(ok.errors).toEqual([]);
    expect(allSteps(ok.config!.pipeline)[0]!.enableCache).toBe(true);
    const off = load(
      variant(
        '            step_type: preprocess\n',
        '            step_type: preprocess\n            enable_cache: Off\n',
      ),
    );
    expect(allSteps(off.config!.pipeline)[0]!.enableCache).toBe(false);
  });

  it('keeps units and channels in file order even when named with digits', () => {
    const files = fullUnitFiles();
    files['m/conf/conf.yaml'] = files['m/conf/conf.yaml']!.replace(
      '        channels:\n          train:\n            dataFiles:\n              - sourceName: raw',
      '        channels:\n          train:\n            dataFiles:\n              - sourceName: raw\n                fileName: s3://b/x\n          "2":\n            dataFiles:\n              - sourceName: two',
    );
    const r = load(files);
    expect(r.errors).toEqual([]);
    expect(r.config!.models.m!.preprocess!.channels.map((c) => c.name)).toEqual(['train', '2']);
  });

  it('refuses hyperparams and hyperparameters together', () => {
    const r = load(
      variant(
        '        entry_point: train.py\n',
        '        entry_point: train.py\n        hyperparams: {a: 1}\n        hyperparameters: {b: 2}\n',
      ),
    );
    expect(r.errors.join('\n')).toContain('both hyperparams and hyperparameters are set');
  });

  it('refuses a pipeline with no models', () => {
    const r = load({ 'a/conf/c.yaml': 'conf:\n  sagemakerPipeline:\n    pipelineName: p\n    models: {}\n' });
    expect(r.errors.join('\n')).toContain('at least one model with steps');
  });

  it('warns when SMP_ACCOUNTID is not the role account', () => {
    const r = load(fullUnitFiles(), { ...TEST_ENV, SMP_ACCOUNTID: '999999999999' });
    expect(r.warnings.join('\n')).toContain('is not the account of SMP_ROLE (111122223333)');
  });

  it('reports a missing workspace as an error, not a crash', () => {
    const r = loadProject({
      workspace: '/nonexistent/smp-ws',
      globs: ['*.yaml'],
      env: TEST_ENV,
      allowPlaceholders: true,
    });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['missing-workspace']);
  });
});
