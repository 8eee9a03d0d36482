import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { confJsonSchema } from '../../src/config/json-schema.js';
import { VERSION } from '../../src/version.js';

describe('project metadata', () => {
  it('src/version.ts matches package.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  it('schema/conf.schema.json is generated from the current zod schema (run `node dist/cli.js schema`)', () => {
    const committed = JSON.parse(readFileSync('schema/conf.schema.json', 'utf8')) as unknown;
    expect(committed).toEqual(confJsonSchema());
  });

  it('the JSON Schema requires the fields the loader requires', () => {
    const s = confJsonSchema() as {
      properties: {
        conf: {
          properties: {
            models: { additionalProperties: { required: string[] } };
            sagemakerPipeline: { required: string[] };
          };
        };
      };
    };
    expect(s.properties.conf.properties.models.additionalProperties.required).toEqual(['source_directory']);
    expect(s.properties.conf.properties.sagemakerPipeline.required).toEqual(['pipelineName', 'models']);
  });

  it('every example config points editors at the schema', () => {
    for (const f of [
      'examples/lgbm/conf/conf.yaml',
      'examples/tf/conf/conf.yaml',
      'examples/tf-gated/conf/conf.yaml',
      'examples/llm-text-summarization/conf/conf.yaml',
      'examples/multi-model-example/cal_housing_tf/conf/conf-multi-model.yaml',
    ]) {
      expect(readFileSync(f, 'utf8').split('\n')[0]).toMatch(
        /^# yaml-language-server: \$schema=(\.\.\/)+schema\/conf\.schema\.json$/,
      );
    }
  });
});
