// The GitHub Actions OIDC token endpoint, as @actions/core's getIDToken calls it:
//   GET <ACTIONS_ID_TOKEN_REQUEST_URL>&audience=<aud>   Authorization: Bearer <ACTIONS_ID_TOKEN_REQUEST_TOKEN>
//   → 200 {"value": "<JWT>"}
// (@actions/core 3.x lib/oidc-utils.js: HttpClient('actions/oidc-client', [BearerCredentialHandler]).getJson,
// which sends Accept: application/json and retries 502/503/504). Tokens are unsigned look-alikes.
import { randomUUID } from 'node:crypto';
import { GITHUB_ISSUER } from './sts.js';
import type { ServerScript } from './types.js';

export const OIDC_PATH = '/_oidc/token';

export function defaultClaims(): Record<string, unknown> {
  return {
    sub: 'repo:octo-org/octo-repo:environment:production',
    ref: 'refs/heads/main',
    sha: '8e0f4b1c2d3a4f5e6a7b8c9d0e1f2a3b4c5d6e7f',
    repository: 'octo-org/octo-repo',
    repository_owner: 'octo-org',
    repository_owner_id: '100000001',
    repository_id: '200000002',
    repository_visibility: 'private',
    run_id: '1234567890',
    run_number: '42',
    run_attempt: '1',
    actor: 'octocat',
    actor_id: '583231',
    workflow: 'deploy',
    workflow_ref: 'octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main',
    workflow_sha: '8e0f4b1c2d3a4f5e6a7b8c9d0e1f2a3b4c5d6e7f',
    job_workflow_ref: 'octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main',
    job_workflow_sha: '8e0f4b1c2d3a4f5e6a7b8c9d0e1f2a3b4c5d6e7f',
    event_name: 'push',
    ref_type: 'branch',
    ref_protected: 'true',
    environment: 'production',
    runner_environment: 'github-hosted',
    head_ref: '',
    base_ref: '',
  };
}

export interface OidcResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export class OidcService {
  /** Token requests served (including refused ones). */
  requests = 0;
  /** Every token issued, newest last. */
  readonly tokens: { token: string; claims: Record<string, unknown> }[] = [];
  readonly #deps: { script(): ServerScript; now(): number; requestToken: string };

  constructor(deps: { script(): ServerScript; now(): number; requestToken: string }) {
    this.#deps = deps;
  }

  handle(
    method: string,
    url: URL,
    authorization: string | undefined,
  ): { response: OidcResponse; audience?: string } {
    this.requests++;
    const json = (status: number, body: unknown): OidcResponse => ({
      status,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
    });
    if (method !== 'GET' || url.pathname !== OIDC_PATH)
      return { response: json(404, { message: 'Not Found' }) };
    const audience = url.searchParams.get('audience') ?? undefined;
    const result = (response: OidcResponse): { response: OidcResponse; audience?: string } =>
      audience === undefined ? { response } : { response, audience };
    if (authorization !== `Bearer ${this.#deps.requestToken}`) {
      return result(json(401, { message: 'Bad credentials' }));
    }
    const script = this.#deps.script();
    if (script.oidcFailures > 0) {
      script.oidcFailures--;
      return result(json(script.oidcFailureStatus, { message: 'Injected OIDC token endpoint failure' }));
    }
    const iat = Math.floor(this.#deps.now() / 1000);
    const base = defaultClaims();
    const claims: Record<string, unknown> = {
      jti: randomUUID(),
      ...base,
      aud: audience ?? `https://github.com/${String(base.repository_owner)}`,
      ...script.oidcClaims,
      iss: script.oidcClaims.iss ?? GITHUB_ISSUER,
      nbf: iat - 5,
      iat,
      exp: iat + script.oidcTokenTtlSeconds,
    };
    const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
    const token = `${b64({ typ: 'JWT', alg: 'RS256', x5t: 'smp-test', kid: 'smp-test' })}.${b64(claims)}.${Buffer.from(
      'unsigned-test-token',
    ).toString('base64url')}`;
    this.tokens.push({ token, claims });
    return result(json(200, { value: token }));
  }
}
