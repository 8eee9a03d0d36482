// The container credential endpoint, as CodeBuild, ECS and EKS Pod Identity serve it and the SDK's default
// chain reads it (@aws-sdk/credential-provider-http, fromHttp):
//   GET <AWS_CONTAINER_CREDENTIALS_FULL_URI>   (or http://169.254.170.2<AWS_CONTAINER_CREDENTIALS_RELATIVE_URI>)
//   Authorization: <AWS_CONTAINER_AUTHORIZATION_TOKEN, or the content of AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE>
//   → 200 {"AccessKeyId","SecretAccessKey","Token","Expiration","RoleArn"}
// The credentials are registered with STS's issued credentials, so every signed request made with them is
// checked for the matching session token and the expiry, as for assumed-role credentials.
import type { IssuedCredentials, StsService } from './sts.js';

export const CONTAINER_CREDENTIALS_PATH = '/_container-credentials/v2/credentials';

export interface ContainerCredentialsResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export class ContainerCredentialsService {
  /** The Authorization value the endpoint requires; undefined: none (like ECS task roles and CodeBuild). */
  authorizationToken: string | undefined;
  /** Authorization header of every request served (undefined: none sent). */
  readonly requests: (string | undefined)[] = [];
  /** Every set of credentials handed out, newest last. */
  readonly issued: IssuedCredentials[] = [];
  readonly #deps: { sts: StsService; now(): number; accountId: string };
  #n = 0;

  constructor(deps: { sts: StsService; now(): number; accountId: string }) {
    this.#deps = deps;
  }

  handle(method: string, authorization: string | undefined): ContainerCredentialsResponse {
    this.requests.push(authorization);
    const json = (status: number, body: unknown): ContainerCredentialsResponse => ({
      status,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (method !== 'GET') return json(405, { code: 'MethodNotAllowed', message: 'GET only' });
    if (this.authorizationToken !== undefined && authorization !== this.authorizationToken)
      return json(401, { code: 'AccessDenied', message: 'authorization token is missing or wrong' });
    const now = this.#deps.now();
    const n = ++this.#n;
    const account = this.#deps.accountId;
    const creds: IssuedCredentials = {
      accessKeyId: `ASIACONTAINER${String(n).padStart(7, '0')}`,
      secretAccessKey: `container-secret-${n}`,
      sessionToken: `container-session-token-${n}`,
      expiration: now + 3600_000,
      issuedAt: now,
      roleArn: `arn:aws:iam::${account}:role/codebuild-smp`,
      sessionName: `container-${n}`,
      account,
      assumedRoleId: `AROACONTAINER000000000:container-${n}`,
      claims: {},
    };
    this.#deps.sts.issued.set(creds.accessKeyId, creds);
    this.issued.push(creds);
    return json(200, {
      AccessKeyId: creds.accessKeyId,
      SecretAccessKey: creds.secretAccessKey,
      Token: creds.sessionToken,
      Expiration: new Date(creds.expiration).toISOString(),
      RoleArn: creds.roleArn,
    });
  }
}
