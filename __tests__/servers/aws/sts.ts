// STS (awsQuery): AssumeRoleWithWebIdentity against the local OIDC tokens, GetCallerIdentity, and the
// credentials it issued (so the server can answer ExpiredToken for requests signed with stale keys).
import type { ApiModel } from '../../helpers/api-model.js';
import { mulberry32 } from './faults.js';
import { AwsError } from './types.js';
import type { RequestContext, ServerScript } from './types.js';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Clock ms. */
  expiration: number;
  issuedAt: number;
  roleArn: string;
  sessionName: string;
  account: string;
  assumedRoleId: string;
  claims: Record<string, unknown>;
}

/** Decodes awsQuery form parameters into the input shape (structures, lists `.member.N`, maps `.entry.N`). */
export function decodeQueryInput(
  model: ApiModel,
  shapeName: string,
  params: URLSearchParams,
): { input: Record<string, unknown>; unknownParams: string[] } {
  const used = new Set(['Action', 'Version']);
  const decode = (name: string, prefix: string): unknown => {
    const shape = model.shapes[name]!;
    switch (shape.type) {
      case 'structure': {
        const out: Record<string, unknown> = {};
        for (const [member, ref] of Object.entries(shape.members ?? {})) {
          const key = `${prefix}${prefix ? '.' : ''}${ref.locationName ?? member}`;
          const v = decode(ref.shape, key);
          if (v !== undefined) out[member] = v;
        }
        return prefix === '' || Object.keys(out).length > 0 ? out : undefined;
      }
      case 'list': {
        if (params.get(prefix) === '') {
          used.add(prefix);
          return [];
        }
        const base = shape.flattened ? prefix : `${prefix}.${shape.member!.locationName ?? 'member'}`;
        const items: unknown[] = [];
        for (let i = 1; ; i++) {
          const v = decode(shape.member!.shape, `${base}.${i}`);
          if (v === undefined) break;
          items.push(v);
        }
        return items.length > 0 ? items : undefined;
      }
      case 'map': {
        const base = shape.flattened ? prefix : `${prefix}.entry`;
        const out: Record<string, unknown> = {};
        for (let i = 1; ; i++) {
          const k = decode(shape.key!.shape, `${base}.${i}.${shape.key!.locationName ?? 'key'}`);
          if (k === undefined) break;
          out[String(k)] = decode(shape.value!.shape, `${base}.${i}.${shape.value!.locationName ?? 'value'}`);
        }
        return Object.keys(out).length > 0 ? out : undefined;
      }
      default: {
        const raw = params.get(prefix);
        if (raw === null) return undefined;
        used.add(prefix);
        if (shape.type === 'integer' || shape.type === 'long') return /^-?\d+$/.test(raw) ? Number(raw) : raw;
        if (shape.type === 'float' || shape.type === 'double')
          return raw.trim() !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
        if (shape.type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
        return raw;
      }
    }
  };
  const input = decode(shapeName, '') as Record<string, unknown>;
  return { input, unknownParams: [...params.keys()].filter((k) => !used.has(k)) };
}

/** The claims of a JWT (no signature check), or undefined when it is not one. */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export class StsService {
  /** Access key id → credentials issued by AssumeRoleWithWebIdentity. */
  readonly issued = new Map<string, IssuedCredentials>();
  #transientSeq = 0;
  readonly #rng: () => number;
  readonly #deps: { script(): ServerScript; accountId: string };

  constructor(deps: { script(): ServerScript; accountId: string; seed: number }) {
    this.#deps = deps;
    this.#rng = mulberry32(deps.seed ^ 0x5151);
  }

  #random(n: number, alphabet: string): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.#rng() * alphabet.length)];
    return s;
  }

  /** For signed requests: are these (session) credentials still good at `now`? */
  checkCredentials(
    accessKeyId: string | undefined,
    sessionToken: string | undefined,
    now: number,
  ): 'ok' | 'expired' | 'bad-token' {
    const issued = accessKeyId ? this.issued.get(accessKeyId) : undefined;
    if (!issued) return 'ok';
    if (sessionToken !== issued.sessionToken) return 'bad-token';
    return now >= issued.expiration ? 'expired' : 'ok';
  }

  handle(operation: string, input: Record<string, unknown>, ctx: RequestContext): Record<string, unknown> {
    switch (operation) {
      case 'AssumeRoleWithWebIdentity':
        return this.#assume(input, ctx);
      case 'GetCallerIdentity': {
        const issued = ctx.accessKeyId ? this.issued.get(ctx.accessKeyId) : undefined;
        if (issued) {
          return {
            UserId: issued.assumedRoleId,
            Account: issued.account,
            Arn: `arn:aws:sts::${issued.account}:assumed-role/${issued.roleArn.split('/').pop()!}/${issued.sessionName}`,
          };
        }
        return {
          UserId: 'AIDATESTUSER0000000001',
          Account: ctx.accountId,
          Arn: `arn:aws:iam::${ctx.accountId}:user/smp-test`,
        };
      }
      default:
        throw new AwsError('InvalidAction', `Could not find operation ${operation} for version 2011-06-15`);
    }
  }

  #assume(input: Record<string, unknown>, ctx: RequestContext): Record<string, unknown> {
    const script = this.#deps.script();
    if (script.stsTransientFailures > 0) {
      script.stsTransientFailures--;
      const n = this.#transientSeq++;
      const kind =
        script.stsTransientError === 'alternate'
          ? n % 2 === 0
            ? 'IDPCommunicationError'
            : 'InvalidIdentityToken'
          : script.stsTransientError;
      if (kind === 'IDPCommunicationError') {
        throw new AwsError(
          'IDPCommunicationError',
          'The request could not be fulfilled because the identity provider (IDP) that was asked to verify the incoming identity token could not be reached.',
        );
      }
      throw new AwsError(
        'InvalidIdentityToken',
        "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
      );
    }
    const token = input.WebIdentityToken as string;
    const claims = decodeJwtPayload(token);
    if (!claims) {
      throw new AwsError(
        'InvalidIdentityToken',
        'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)',
      );
    }
    const iss = String(claims.iss ?? '');
    if (!script.stsIssuers.includes(iss))
      throw new AwsError(
        'InvalidIdentityToken',
        `No OpenIDConnect provider found in your account for ${iss}`,
      );
    const auds = Array.isArray(claims.aud) ? claims.aud.map(String) : [String(claims.aud ?? '')];
    if (!auds.some((a) => script.stsAudiences.includes(a)))
      throw new AwsError('InvalidIdentityToken', 'Incorrect token audience');
    const nowSec = Math.floor(ctx.now / 1000);
    if (typeof claims.exp === 'number' && nowSec >= claims.exp) {
      throw new AwsError(
        'ExpiredTokenException',
        `Token expired: current date/time ${nowSec} must be before the expiration date/time${claims.exp}`,
      );
    }
    const roleArn = input.RoleArn as string;
    const role = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
    if (!role) throw new AwsError('ValidationError', 'Request ARN is invalid');
    const deny = typeof script.stsDeny === 'function' ? script.stsDeny(claims) : script.stsDeny;
    if (deny)
      throw new AwsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403);
    const duration = (input.DurationSeconds as number | undefined) ?? 3600;
    if (duration > script.roleMaxSessionSeconds) {
      throw new AwsError(
        'ValidationError',
        `The requested DurationSeconds exceeds the MaxSessionDuration set for this role.`,
      );
    }
    const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const sessionName = input.RoleSessionName as string;
    const creds: IssuedCredentials = {
      accessKeyId: `ASIA${this.#random(16, upper)}`,
      secretAccessKey: this.#random(40, b64),
      sessionToken: `IQoJb3JpZ2luX2VjE${this.#random(380, b64)}`,
      expiration: ctx.now + duration * 1000,
      issuedAt: ctx.now,
      roleArn,
      sessionName,
      account: role[1]!,
      assumedRoleId: `AROA${this.#random(17, upper)}:${sessionName}`,
      claims,
    };
    this.issued.set(creds.accessKeyId, creds);
    return {
      Credentials: {
        AccessKeyId: creds.accessKeyId,
        SecretAccessKey: creds.secretAccessKey,
        SessionToken: creds.sessionToken,
        Expiration: new Date(creds.expiration),
      },
      SubjectFromWebIdentityToken: String(claims.sub ?? ''),
      AssumedRoleUser: {
        AssumedRoleId: creds.assumedRoleId,
        Arn: `arn:aws:sts::${creds.account}:assumed-role/${role[2]!}/${sessionName}`,
      },
      Provider: iss,
      Audience: auds[0]!,
    };
  }
}
