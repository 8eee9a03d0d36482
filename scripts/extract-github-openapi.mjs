#!/usr/bin/env node
// Extracts the GitHub REST endpoints the action calls from @octokit/openapi into a small, self-contained
// fixture for the GitHub test server (__tests__/servers/github-server.ts).
//
// Maintainer script, not run in CI. @octokit/openapi is ~385 MB installed: install it OUTSIDE the repository
// (it must not enter package.json), then point this script at it:
//
//   dir=$(mktemp -d) && npm install --prefix "$dir" @octokit/openapi
//   node scripts/extract-github-openapi.mjs "$dir"          # or the package folder, or the .json itself
//
// Writes __tests__/fixtures/github-openapi/endpoints.json (second argument overrides). For each endpoint it keeps
// the method, path, operationId, parameters (name, in, required, schema), request body schema and, per response
// status, the JSON schema and the header names. `$ref`s to parameters, responses, headers and request bodies are
// inlined; schema `$ref`s point into the file's own `schemas` table (`#/schemas/<name>`), which holds every
// schema reachable from the endpoints and nothing else (schemas can be recursive, so they are not inlined).
// Descriptions, examples and x-* extensions are dropped: only validation keywords stay.
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The endpoints src/github/*.ts call (Octokit method in the comment). */
export const ENDPOINTS = [
  ['get', '/user'], // users.getAuthenticated: the token's own login
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/comments'], // issues.listComments
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'], // issues.createComment
  ['patch', '/repos/{owner}/{repo}/issues/comments/{comment_id}'], // issues.updateComment
  ['get', '/repos/{owner}/{repo}/commits/{commit_sha}/pulls'], // repos.listPullRequestsAssociatedWithCommit
];

/** JSON-schema keywords kept (OpenAPI 3.0 dialect: `nullable`). */
const SCHEMA_KEYWORDS = new Set([
  'type',
  'nullable',
  'enum',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'required',
  'properties',
  'additionalProperties',
  'items',
  'oneOf',
  'anyOf',
  'allOf',
  'not',
  'default',
  'title',
  '$ref',
]);

function locate(arg) {
  if (!arg)
    throw new Error('usage: node scripts/extract-github-openapi.mjs <npm prefix | package dir | .json>');
  const p = resolve(arg);
  const candidates = [
    p,
    join(p, 'generated', 'api.github.com.json'),
    join(p, 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.json'),
  ];
  const file = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  if (!file) throw new Error(`api.github.com.json not found under ${p}`);
  const pkgFile = [join(dirname(file), '..', 'package.json')].find((f) => existsSync(f));
  const pkg = pkgFile ? JSON.parse(readFileSync(pkgFile, 'utf8')) : {};
  return { file, pkg };
}

function pointer(spec, ref) {
  if (!ref.startsWith('#/')) throw new Error(`external $ref not supported: ${ref}`);
  let node = spec;
  for (const part of ref.slice(2).split('/')) {
    node = node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (node === undefined) throw new Error(`dangling $ref ${ref}`);
  }
  return node;
}

/** Follows non-schema `$ref`s (parameters, responses, headers, request bodies) until a concrete object. */
function deref(spec, node) {
  let n = node;
  for (let i = 0; n && typeof n === 'object' && typeof n.$ref === 'string'; i++) {
    if (i > 20) throw new Error(`$ref loop at ${node.$ref}`);
    n = pointer(spec, n.$ref);
  }
  return n;
}

export function extract(spec, endpoints = ENDPOINTS) {
  const schemas = {};
  const pending = [];

  const schemaName = (ref) => {
    const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
    if (!m) throw new Error(`schema $ref outside components/schemas: ${ref}`);
    return m[1];
  };

  /** A trimmed copy of a schema; `$ref`s become `#/schemas/<name>` and the target is queued. */
  const trim = (schema) => {
    if (Array.isArray(schema)) return schema.map(trim);
    if (!schema || typeof schema !== 'object') return schema;
    if (typeof schema.$ref === 'string') {
      const name = schemaName(schema.$ref);
      if (!(name in schemas)) {
        schemas[name] = null; // reserved: breaks cycles
        pending.push(name);
      }
      return { $ref: `#/schemas/${name}` };
    }
    const out = {};
    for (const [k, v] of Object.entries(schema)) {
      if (!SCHEMA_KEYWORDS.has(k)) continue;
      if (k === 'properties') {
        out.properties = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, trim(s)]));
      } else if (k === 'items' || k === 'not' || (k === 'additionalProperties' && typeof v === 'object')) {
        out[k] = trim(v);
      } else if (k === 'oneOf' || k === 'anyOf' || k === 'allOf') {
        out[k] = v.map(trim);
      } else {
        out[k] = v;
      }
    }
    return out;
  };

  const jsonSchemaOf = (content) => {
    const media = content?.['application/json'] ?? content?.['application/scim+json'];
    return media?.schema ? trim(media.schema) : undefined;
  };

  const out = [];
  for (const [method, path] of endpoints) {
    const item = spec.paths[path];
    const op = item?.[method];
    if (!op) throw new Error(`${method.toUpperCase()} ${path} is not in the description`);
    const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => {
      const param = deref(spec, p);
      return {
        name: param.name,
        in: param.in,
        required: param.required === true,
        schema: trim(param.schema ?? {}),
      };
    });
    const body = op.requestBody ? deref(spec, op.requestBody) : undefined;
    const responses = {};
    for (const [status, r] of Object.entries(op.responses ?? {})) {
      const response = deref(spec, r);
      const entry = {};
      const schema = jsonSchemaOf(response.content);
      if (schema) entry.schema = schema;
      if (response.headers) entry.headers = Object.keys(response.headers).sort();
      responses[status] = entry;
    }
    out.push({
      method: method.toUpperCase(),
      path,
      operationId: op.operationId,
      parameters,
      ...(body
        ? { requestBody: { required: body.required === true, schema: jsonSchemaOf(body.content) ?? {} } }
        : {}),
      responses,
    });
  }
  while (pending.length > 0) {
    const name = pending.shift();
    schemas[name] = trim(pointer(spec, `#/components/schemas/${name}`));
  }
  const sorted = Object.fromEntries(
    Object.keys(schemas)
      .sort()
      .map((k) => [k, schemas[k]]),
  );
  return { endpoints: out, schemas: sorted };
}

function main() {
  const [arg, outArg] = process.argv.slice(2);
  const { file, pkg } = locate(arg);
  const spec = JSON.parse(readFileSync(file, 'utf8'));
  const { endpoints, schemas } = extract(spec);
  const result = {
    source: {
      package: `${pkg.name ?? '@octokit/openapi'}@${pkg.version ?? 'unknown'}`,
      file: 'generated/api.github.com.json',
      openapi: spec.openapi,
      infoVersion: spec.info?.version,
      license: pkg.license ?? spec.info?.license?.name ?? 'unknown',
    },
    endpoints,
    schemas,
  };
  const outFile = resolve(outArg ?? join(root, '__tests__', 'fixtures', 'github-openapi', 'endpoints.json'));
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(result, null, 1)}\n`);
  console.log(
    `${outFile}: ${endpoints.length} endpoints, ${Object.keys(schemas).length} schemas, ${
      statSync(outFile).size
    } bytes (from ${result.source.package})`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (err) {
    console.error(`extract-github-openapi: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}
