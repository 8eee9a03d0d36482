// The local AWS endpoint: one node:http server on 127.0.0.1 that tells SageMaker (awsJson1_1), STS
// (awsQuery) and S3 (REST-XML, path-style) requests apart by their shape, checks each request against
// the service's API model and wire rules, records it, optionally injects a fault, and answers in the
// service's own format. See ../aws-server.ts for the public surface.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatViolations, loadApiModel, validateRequest, validateShape } from '../../helpers/api-model.js';
import type { ApiModel, ApiViolation } from '../../helpers/api-model.js';
import { TestClock } from './clock.js';
import { FaultInjector } from './faults.js';
import type { FaultConfig, FaultKind } from './faults.js';
import { OIDC_PATH, OidcService } from './oidc.js';
import { SageMakerService } from './sagemaker.js';
import { SchedulerService } from './scheduler.js';
import { S3Service, assembleS3Input, decodeAwsChunked, resolveS3Operation } from './s3.js';
import type { S3Response } from './s3.js';
import { StsService, decodeQueryInput } from './sts.js';
import { CONTAINER_CREDENTIALS_PATH, ContainerCredentialsService } from './container-credentials.js';
import { AwsError, defaultScript } from './types.js';
import type {
  RecordedRequest,
  RequestContext,
  ServerScript,
  ServiceId,
  ViolationRule,
  WireViolation,
} from './types.js';
import { element, escapeXml, shapeToXml } from './xml.js';

export interface AwsServerOptions {
  /** Account of every ARN the server makes (default 123456789012). */
  accountId?: string;
  /** Region when a request carries none (unsigned STS calls); default us-east-1. */
  defaultRegion?: string;
  /** Clock start, ms since the epoch (default: now, whole seconds). */
  startTime?: number;
  /** Seed for generated ids (execution ids, job names, access keys); default 7. */
  seed?: number;
  faults?: FaultConfig;
  script?: Partial<ServerScript>;
  /** The bearer token the OIDC endpoint accepts (default `test-oidc-request-token`). */
  oidcRequestToken?: string;
  /** Print one line per request to stderr (also with env AWS_TEST_SERVER_LOG=1). */
  log?: boolean;
}

/** Every request the server saw, in order. */
export class RequestLog implements Iterable<RecordedRequest> {
  readonly all: RecordedRequest[] = [];

  get length(): number {
    return this.all.length;
  }

  [Symbol.iterator](): Iterator<RecordedRequest> {
    return this.all[Symbol.iterator]();
  }

  /**
   * Number of requests (HTTP attempts, so SDK retries count) for `operation` (all when omitted),
   * optionally narrowed: `{ service: 's3' }`, `{ ok: true }` (2xx/3xx), `{ fault: false }` (no injected fault).
   */
  count(
    operation?: string,
    filter: { service?: ServiceId; ok?: boolean; fault?: boolean | FaultKind; status?: number } = {},
  ): number {
    return this.filter(operation, filter).length;
  }

  filter(
    operation?: string,
    filter: { service?: ServiceId; ok?: boolean; fault?: boolean | FaultKind; status?: number } = {},
  ): RecordedRequest[] {
    return this.all.filter(
      (r) =>
        (operation === undefined || r.operation === operation) &&
        (filter.service === undefined || r.service === filter.service) &&
        (filter.status === undefined || r.status === filter.status) &&
        (filter.ok === undefined || (r.status >= 200 && r.status < 400) === filter.ok) &&
        (filter.fault === undefined ||
          (typeof filter.fault === 'boolean'
            ? (r.fault !== undefined) === filter.fault
            : r.fault === filter.fault)),
    );
  }

  /** Operation names in arrival order, e.g. `['DescribePipeline', 'CreatePipeline']`. */
  operations(service?: ServiceId): string[] {
    return this.all.filter((r) => service === undefined || r.service === service).map((r) => r.operation);
  }

  last(operation?: string): RecordedRequest | undefined {
    return this.filter(operation).at(-1);
  }

  /** Forgets every recorded request (violations and state stay). */
  reset(): void {
    this.all.length = 0;
  }
}

interface Reply {
  status: number;
  headers: Record<string, string>;
  body?: Buffer | string;
}

interface SigV4 {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
}

const SIGV4 =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/;

function parseSigV4(header: string | undefined): SigV4 | 'malformed' | undefined {
  if (header === undefined) return undefined;
  const m = SIGV4.exec(header);
  if (!m) return 'malformed';
  return { accessKeyId: m[1]!, date: m[2]!, region: m[3]!, service: m[4]!, signedHeaders: m[5]!.split(';') };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function readBody(req: IncomingMessage, limit = 256 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) reject(new Error('request body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function headerMap(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(',') : v;
  return out;
}

function summarize(violations: readonly ApiViolation[]): string {
  const n = violations.length;
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${violations
    .map((v) => `${v.path || 'request'}: ${v.message}`)
    .join('; ')}`;
}

export class AwsServer {
  readonly accountId: string;
  readonly defaultRegion: string;
  readonly clock: TestClock;
  script: ServerScript;
  readonly requests = new RequestLog();
  /** Requests that broke the API model or the wire protocol (each also answered with a 4xx). */
  readonly violations: WireViolation[] = [];
  /** Bugs of this server: responses that do not match the API model's output shapes, handler crashes. */
  readonly serverErrors: string[] = [];
  readonly sagemaker: SageMakerService;
  readonly s3: S3Service;
  readonly sts: StsService;
  readonly scheduler = new SchedulerService();
  readonly oidc: OidcService;
  readonly oidcRequestToken: string;
  /** The container credential endpoint (CodeBuild, ECS, EKS Pod Identity): see `containerCredentialsUrl`. */
  readonly containerCredentials: ContainerCredentialsService;
  /** Called for every request once it has been answered (or reset). */
  onRequest: ((request: RecordedRequest) => void) | undefined;

  readonly #http: Server;
  readonly #faults = new FaultInjector();
  readonly #log: boolean;
  readonly #models: Record<'sagemaker' | 'sts' | 's3' | 'scheduler', ApiModel>;
  #seq = 0;
  #port = 0;

  constructor(opts: AwsServerOptions = {}) {
    this.accountId = opts.accountId ?? '123456789012';
    this.defaultRegion = opts.defaultRegion ?? 'us-east-1';
    this.clock = new TestClock(opts.startTime);
    this.script = { ...defaultScript(), ...opts.script };
    this.#faults.config = opts.faults ?? {};
    this.oidcRequestToken = opts.oidcRequestToken ?? 'test-oidc-request-token';
    this.#log = opts.log ?? process.env.AWS_TEST_SERVER_LOG === '1';
    this.#models = {
      sagemaker: loadApiModel('sagemaker'),
      sts: loadApiModel('sts'),
      s3: loadApiModel('s3'),
      scheduler: loadApiModel('scheduler'),
    };
    const seed = opts.seed ?? 7;
    this.s3 = new S3Service(() => this.clock.now());
    this.sagemaker = new SageMakerService({
      script: () => this.script,
      now: () => this.clock.now(),
      readObject: (bucket, key) => this.s3.getObject(bucket, key)?.body,
      writeObject: (bucket, key, body) => {
        this.s3.putObject(bucket, key, body, { contentType: 'application/json' });
      },
      seed,
    });
    this.sts = new StsService({ script: () => this.script, accountId: this.accountId, seed });
    this.oidc = new OidcService({
      script: () => this.script,
      now: () => this.clock.now(),
      requestToken: this.oidcRequestToken,
    });
    this.containerCredentials = new ContainerCredentialsService({
      sts: this.sts,
      now: () => this.clock.now(),
      accountId: this.accountId,
    });
    this.clock.onChange((now) => this.sagemaker.update(now));
    this.#http = createServer((req, res) => {
      this.#serve(req, res).catch((err: unknown) => {
        this.serverErrors.push(`unhandled: ${(err as Error).stack ?? String(err)}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    this.#http.keepAliveTimeout = 5000;
  }

  get faults(): FaultConfig {
    return this.#faults.config;
  }

  set faults(config: FaultConfig) {
    this.#faults.config = config;
  }

  get port(): number {
    return this.#port;
  }

  /** `http://127.0.0.1:<port>`: the endpoint for all three SDK clients. */
  get endpoint(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** Value for ACTIONS_ID_TOKEN_REQUEST_URL (getIDToken appends `&audience=…`). */
  get oidcUrl(): string {
    return `${this.endpoint}${OIDC_PATH}?api-version=2.0`;
  }

  /** Value for AWS_CONTAINER_CREDENTIALS_FULL_URI (the SDK allows http only to loopback and the ECS/EKS hosts). */
  get containerCredentialsUrl(): string {
    return `${this.endpoint}${CONTAINER_CREDENTIALS_PATH}`;
  }

  /**
   * Environment for code that builds its own clients: the SDK's standard AWS_ENDPOINT_URL, a region,
   * static test keys (unless `credentials: false`) and the GitHub OIDC variables (unless `oidc: false`).
   */
  env(opts: { credentials?: boolean; oidc?: boolean } = {}): Record<string, string> {
    const env: Record<string, string> = {
      AWS_ENDPOINT_URL: this.endpoint,
      AWS_REGION: this.defaultRegion,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    if (opts.credentials !== false) {
      env.AWS_ACCESS_KEY_ID = 'AKIDTEST';
      env.AWS_SECRET_ACCESS_KEY = 'test-secret-key';
    }
    if (opts.oidc !== false) {
      env.ACTIONS_ID_TOKEN_REQUEST_URL = this.oidcUrl;
      env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = this.oidcRequestToken;
    }
    return env;
  }

  /** All violations, one per line (for assertion messages). */
  formatViolations(): string {
    return this.violations
      .map((v) => `#${v.seq} ${v.service}.${v.operation} ${v.path || '<request>'}: [${v.rule}] ${v.message}`)
      .join('\n');
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#http.once('error', reject);
      this.#http.listen(0, '127.0.0.1', () => resolve());
    });
    this.#port = (this.#http.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.#http.close(() => resolve());
      this.#http.closeAllConnections();
    });
  }

  // ------------------------------------------------------------------------------- request pipeline

  async #serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const seq = ++this.#seq;
    const requestId = `${seq.toString(16).padStart(8, '0')}-0000-4000-8000-${this.clock.now().toString(16).padStart(12, '0').slice(-12)}`;
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers = headerMap(req);
    const method = req.method ?? 'GET';
    const record: RecordedRequest = {
      seq,
      time: this.clock.now(),
      service: 's3',
      operation: 'Unknown',
      input: {},
      status: 0,
      bodyBytes: raw.length,
      headers: { ...headers },
    };
    const violation = (path: string, rule: ViolationRule, message: string): void => {
      this.violations.push({
        seq,
        service: record.service,
        operation: record.operation,
        path,
        rule,
        message,
      });
    };

    let reply: Reply | 'reset';
    if (url.pathname.startsWith('/_oidc/')) {
      record.service = 'oidc';
      record.operation = 'GetIdToken';
      const { response, audience } = this.oidc.handle(method, url, headers.authorization);
      if (audience !== undefined) record.input = { audience };
      reply = response;
    } else if (url.pathname === CONTAINER_CREDENTIALS_PATH) {
      record.service = 'container-credentials';
      record.operation = 'GetCredentials';
      reply = this.containerCredentials.handle(method, headers.authorization);
    } else {
      const auth = parseSigV4(headers.authorization);
      if (auth && auth !== 'malformed') {
        record.accessKeyId = auth.accessKeyId;
        record.region = auth.region;
        record.signingService = auth.service;
      }
      const ctx: RequestContext = {
        seq,
        operation: '',
        region: auth && auth !== 'malformed' ? auth.region : this.defaultRegion,
        accountId: this.accountId,
        ...(auth && auth !== 'malformed' ? { accessKeyId: auth.accessKeyId } : {}),
        now: this.clock.now(),
        requestId,
        violation,
      };
      if (headers['x-amz-target'] !== undefined) {
        record.service = 'sagemaker';
        reply = await this.#sagemaker(method, url, headers, raw, auth, record, ctx);
      } else if (
        method === 'POST' &&
        url.pathname === '/' &&
        (headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
      ) {
        record.service = 'sts';
        reply = await this.#sts(raw, headers, auth, record, ctx);
      } else if (auth && auth !== 'malformed' && auth.service === 'scheduler') {
        // REST-JSON paths (/schedules/…) look like S3's path-style keys: the signing name tells them apart.
        record.service = 'scheduler';
        reply = await this.#scheduler(method, url, headers, raw, auth, record, ctx);
      } else {
        record.service = 's3';
        reply = await this.#s3(method, url, headers, raw, auth, record, ctx);
      }
    }

    if (reply === 'reset') {
      record.status = 0;
      this.#finish(record);
      req.socket.destroy();
      return;
    }
    record.status = reply.status;
    this.#finish(record);
    const body =
      reply.body === undefined
        ? undefined
        : Buffer.isBuffer(reply.body)
          ? reply.body
          : Buffer.from(reply.body);
    const out: Record<string, string> = { ...reply.headers };
    if (!Object.keys(out).some((h) => h.toLowerCase() === 'content-length'))
      out['Content-Length'] = String(body?.length ?? 0);
    res.writeHead(reply.status, out);
    res.end(method === 'HEAD' ? undefined : body);
  }

  #finish(record: RecordedRequest): void {
    this.requests.all.push(record);
    if (this.#log) {
      process.stderr.write(
        `[aws-server] #${record.seq} ${record.service}.${record.operation} → ${record.status}${record.errorCode ? ` ${record.errorCode}` : ''}${record.fault ? ` (fault: ${record.fault})` : ''}\n`,
      );
    }
    try {
      this.onRequest?.(record);
    } catch (err) {
      this.serverErrors.push(`onRequest hook threw: ${(err as Error).message}`);
    }
  }

  /** Shared steps after decoding: violations → 400, credentials, faults, then the handler. */
  async #run<T>(
    service: 'sagemaker' | 's3' | 'sts' | 'scheduler',
    record: RecordedRequest,
    violations: readonly ApiViolation[],
    checks: {
      auth: SigV4 | 'malformed' | undefined;
      authRequired: boolean;
      signingName: string;
      sessionToken?: string;
    },
    ctx: RequestContext,
    invalid: (message: string) => AwsError,
    handler: () => T,
  ): Promise<{ ok: T } | { error: AwsError } | 'reset'> {
    for (const v of violations) ctx.violation(v.path, v.rule, v.message);
    if (violations.length > 0) return { error: invalid(summarize(violations)) };

    const { auth } = checks;
    if (auth === 'malformed') {
      ctx.violation(
        'Authorization',
        'auth',
        'Authorization header is not AWS4-HMAC-SHA256 Credential=…/aws4_request, SignedHeaders=…, Signature=…',
      );
      return {
        error: new AwsError(
          service === 's3' ? 'AuthorizationHeaderMalformed' : 'IncompleteSignature',
          'The authorization header is malformed.',
          400,
        ),
      };
    }
    if (!auth && checks.authRequired) {
      ctx.violation('Authorization', 'auth', 'request is not signed (no SigV4 Authorization header)');
      if (service === 's3') return { error: new AwsError('AccessDenied', 'Access Denied', 403) };
      return {
        error: new AwsError(
          service === 'sts' ? 'MissingAuthenticationToken' : 'MissingAuthenticationTokenException',
          'Missing Authentication Token',
          403,
        ),
      };
    }
    if (auth) {
      if (auth.service !== checks.signingName) {
        ctx.violation(
          'Authorization',
          'auth',
          `signed for service ${auth.service}, expected ${checks.signingName}`,
        );
      }
      for (const h of ['host', 'x-amz-date']) {
        if (!auth.signedHeaders.includes(h))
          ctx.violation('Authorization', 'auth', `SignedHeaders lacks ${h}`);
      }
      const state = this.sts.checkCredentials(auth.accessKeyId, checks.sessionToken, ctx.now);
      if (state === 'expired') {
        if (service === 'sagemaker' || service === 'scheduler')
          return {
            error: new AwsError(
              'ExpiredTokenException',
              'The security token included in the request is expired',
              400,
            ),
          };
        if (service === 's3')
          return { error: new AwsError('ExpiredToken', 'The provided token has expired.', 400) };
        return {
          error: new AwsError('ExpiredToken', 'The security token included in the request is expired', 403),
        };
      }
      if (state === 'bad-token') {
        if (service === 's3')
          return {
            error: new AwsError('InvalidToken', 'The provided token is malformed or otherwise invalid.', 400),
          };
        return {
          error: new AwsError(
            service === 'sagemaker' || service === 'scheduler'
              ? 'UnrecognizedClientException'
              : 'InvalidClientTokenId',
            'The security token included in the request is invalid.',
            service === 'sagemaker' || service === 'scheduler' ? 400 : 403,
          ),
        };
      }
    }

    if (service !== 'sts' && this.script.deny.includes(record.operation)) {
      const action = `${service === 's3' ? 's3:' : 'sagemaker:'}${record.operation}`;
      const message = `User: arn:aws:sts::${this.accountId}:assumed-role/smp-test/session is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`;
      return {
        error:
          service === 's3'
            ? new AwsError('AccessDenied', message, 403)
            : new AwsError('AccessDeniedException', message, 400),
      };
    }
    const decision = this.#faults.decide(service, record.operation);
    if (decision.delayMs > 0) {
      record.fault = 'slow';
      await sleep(decision.delayMs);
    }
    if (decision.fault) {
      record.fault = decision.fault;
      if (decision.fault === 'reset') return 'reset';
      const throttle = decision.fault === 'throttle';
      if (service === 'sagemaker' || service === 'scheduler') {
        return {
          error: throttle
            ? new AwsError('ThrottlingException', 'Rate exceeded', service === 'scheduler' ? 429 : 400)
            : new AwsError('InternalFailure', 'An internal error occurred. Try again.', 500),
        };
      }
      if (service === 's3') {
        return {
          error: throttle
            ? new AwsError('SlowDown', 'Please reduce your request rate.', 503)
            : new AwsError('InternalError', 'We encountered an internal error. Please try again.', 500),
        };
      }
      return {
        error: throttle
          ? new AwsError('Throttling', 'Rate exceeded', 400)
          : new AwsError('InternalFailure', 'An internal error occurred. Try again.', 500, {
              type: 'Receiver',
            }),
      };
    }
    ctx.now = this.clock.now();
    try {
      return { ok: handler() };
    } catch (err) {
      if (err instanceof AwsError) return { error: err };
      this.serverErrors.push(
        `${service}.${record.operation} crashed: ${(err as Error).stack ?? String(err)}`,
      );
      return {
        error: new AwsError(
          service === 's3' ? 'InternalError' : 'InternalFailure',
          `test server bug: ${(err as Error).message}`,
          500,
        ),
      };
    }
  }

  // ------------------------------------------------------------------------------- SageMaker (awsJson1_1)

  async #sagemaker(
    method: string,
    url: URL,
    headers: Record<string, string>,
    raw: Buffer,
    auth: SigV4 | 'malformed' | undefined,
    record: RecordedRequest,
    ctx: RequestContext,
  ): Promise<Reply | 'reset'> {
    const model = this.#models.sagemaker;
    const target = headers['x-amz-target']!;
    const json = (status: number, body: unknown, extra: Record<string, string> = {}): Reply => ({
      status,
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': ctx.requestId, ...extra },
      body: JSON.stringify(body),
    });
    const fail = (err: AwsError): Reply => {
      record.errorCode = err.code;
      return json(
        err.status,
        { __type: err.code, [err.options.messageMember ?? 'message']: err.message },
        {
          'x-amzn-ErrorType': `${err.code}:http://internal.amazon.com/coral/com.amazonaws.sagemaker/`,
          ...err.options.headers,
        },
      );
    };
    const prefix = `${model.metadata.targetPrefix!}.`;
    record.operation = target.startsWith(prefix) ? target.slice(prefix.length) : target;
    ctx.operation = record.operation;
    if (!target.startsWith(prefix) || !model.operations[record.operation]) {
      ctx.violation('X-Amz-Target', 'protocol', `unknown target ${target}`);
      return fail(new AwsError('UnknownOperationException', `Unknown operation ${target}`));
    }
    if (method !== 'POST' || url.pathname !== '/')
      ctx.violation('', 'protocol', `awsJson requests are POST /, got ${method} ${url.pathname}`);
    const contentType = headers['content-type'];
    if (contentType !== `application/x-amz-json-${model.metadata.jsonVersion!}`) {
      ctx.violation(
        'Content-Type',
        'protocol',
        `expected application/x-amz-json-${model.metadata.jsonVersion!}, got ${contentType ?? 'none'}`,
      );
    }
    let input: Record<string, unknown>;
    try {
      const parsed: unknown = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('not a JSON object');
      input = parsed as Record<string, unknown>;
    } catch (err) {
      ctx.violation('', 'protocol', `body is not a JSON object: ${(err as Error).message}`);
      return fail(
        new AwsError('SerializationException', 'Start of structure or map found where not expected.'),
      );
    }
    record.input = input;
    const violations = validateRequest(model, record.operation, input);
    const result = await this.#run(
      'sagemaker',
      record,
      violations,
      {
        auth,
        authRequired: true,
        signingName: model.metadata.signingName!,
        ...(headers['x-amz-security-token'] ? { sessionToken: headers['x-amz-security-token'] } : {}),
      },
      ctx,
      (m) => new AwsError('ValidationException', m),
      () => this.sagemaker.handle(record.operation, input, ctx),
    );
    if (result === 'reset') return result;
    if ('error' in result) return fail(result.error);
    const outShape = model.operations[record.operation]!.output?.shape;
    if (outShape) {
      const bad = validateShape(model, outShape, result.ok);
      if (bad.length > 0)
        this.serverErrors.push(
          `SageMaker.${record.operation} response does not match ${outShape}:\n${formatViolations(bad)}`,
        );
    }
    return json(200, result.ok);
  }

  // ------------------------------------------------------------------------------- Scheduler (REST-JSON)

  async #scheduler(
    method: string,
    url: URL,
    headers: Record<string, string>,
    raw: Buffer,
    auth: SigV4,
    record: RecordedRequest,
    ctx: RequestContext,
  ): Promise<Reply | 'reset'> {
    const model = this.#models.scheduler;
    const json = (status: number, body: unknown): Reply => ({
      status,
      headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': ctx.requestId },
      body: JSON.stringify(body),
    });
    const fail = (err: AwsError): Reply => {
      record.errorCode = err.code;
      return {
        ...json(err.status, { Message: err.message }),
        headers: {
          'Content-Type': 'application/json',
          'x-amzn-RequestId': ctx.requestId,
          'x-amzn-ErrorType': err.code,
          ...err.options.headers,
        },
      };
    };
    // Match the request line against each operation's `METHOD /path/{Label}`.
    let operation: string | undefined;
    let labels: Record<string, string> = {};
    for (const [name, op] of Object.entries(model.operations)) {
      if (op.http.method !== method) continue;
      const names: string[] = [];
      const re = new RegExp(
        `^${op.http.requestUri.replace(/\{([^}]+)\}/g, (_, label: string) => {
          names.push(label);
          return '([^/]+)';
        })}$`,
      );
      const m = re.exec(url.pathname);
      if (!m) continue;
      operation = name;
      labels = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
      break;
    }
    if (!operation) {
      record.operation = 'Unknown';
      ctx.violation(
        '',
        'protocol',
        `${method} ${url.pathname} is not a Scheduler operation this server models`,
      );
      return fail(
        new AwsError('UnknownOperationException', `Unknown operation ${method} ${url.pathname}`, 404),
      );
    }
    record.operation = operation;
    ctx.operation = operation;
    const op = model.operations[operation]!;
    const shape = model.shapes[op.input!.shape]!;
    const input: Record<string, unknown> = {};
    const violations: ApiViolation[] = [];
    const located = new Set<string>();
    for (const [member, ref] of Object.entries(shape.members ?? {})) {
      if (ref.location === 'uri' && labels[ref.locationName ?? member] !== undefined) {
        input[member] = labels[ref.locationName ?? member];
        located.add(member);
      } else if (ref.location === 'querystring') {
        located.add(member);
        const v = url.searchParams.get(ref.locationName ?? member);
        if (v !== null) input[member] = v;
      }
    }
    const known = new Set(
      Object.entries(shape.members ?? {})
        .filter(([, r]) => r.location === 'querystring')
        .map(([m, r]) => r.locationName ?? m),
    );
    for (const q of url.searchParams.keys()) {
      if (!known.has(q))
        violations.push({
          path: q,
          rule: 'unknown-member',
          message: `query parameter ${q} is not a member of ${operation}`,
        });
    }
    if (raw.length > 0) {
      const type = headers['content-type'] ?? '';
      if (!type.startsWith('application/json'))
        ctx.violation('Content-Type', 'protocol', `expected application/json, got ${type || 'none'}`);
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch (err) {
        ctx.violation('', 'protocol', `body is not JSON: ${(err as Error).message}`);
        return fail(new AwsError('ValidationException', 'Malformed JSON body', 400));
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        ctx.violation('', 'protocol', 'body is not a JSON object');
        return fail(new AwsError('ValidationException', 'Malformed JSON body', 400));
      }
      for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
        if (located.has(k))
          ctx.violation(
            k,
            'protocol',
            `${k} is bound to the ${shape.members?.[k]?.location ?? 'uri'}, not the body`,
          );
        else input[k] = v;
      }
    }
    record.input = input;
    violations.push(...validateRequest(model, operation, input));
    const result = await this.#run(
      'scheduler',
      record,
      violations,
      {
        auth,
        authRequired: true,
        signingName: model.metadata.signingName!,
        ...(headers['x-amz-security-token'] ? { sessionToken: headers['x-amz-security-token'] } : {}),
      },
      ctx,
      (m) => new AwsError('ValidationException', m, 400),
      () => this.scheduler.handle(operation, input, ctx),
    );
    if (result === 'reset') return result;
    if ('error' in result) return fail(result.error);
    const outShape = op.output?.shape;
    if (outShape) {
      const bad = validateShape(model, outShape, result.ok);
      if (bad.length > 0)
        this.serverErrors.push(
          `Scheduler.${operation} response does not match ${outShape}:\n${formatViolations(bad)}`,
        );
    }
    return json(op.http.responseCode ?? 200, result.ok);
  }

  // ------------------------------------------------------------------------------- STS (awsQuery)

  async #sts(
    raw: Buffer,
    headers: Record<string, string>,
    auth: SigV4 | 'malformed' | undefined,
    record: RecordedRequest,
    ctx: RequestContext,
  ): Promise<Reply | 'reset'> {
    const model = this.#models.sts;
    const ns = model.metadata.xmlNamespace!;
    const params = new URLSearchParams(raw.toString('utf8'));
    record.operation = params.get('Action') ?? 'Unknown';
    ctx.operation = record.operation;
    const xml = (status: number, body: string): Reply => ({
      status,
      headers: { 'Content-Type': 'text/xml', 'x-amzn-RequestId': ctx.requestId },
      body,
    });
    const fail = (err: AwsError): Reply => {
      record.errorCode = err.code;
      const type = err.options.type ?? (err.status >= 500 ? 'Receiver' : 'Sender');
      return xml(
        err.status,
        element(
          'ErrorResponse',
          element(
            'Error',
            element('Type', type) +
              element('Code', escapeXml(err.code)) +
              element('Message', escapeXml(err.message)),
          ) + element('RequestId', ctx.requestId),
          { xmlns: ns },
        ),
      );
    };
    const op = model.operations[record.operation];
    if (!op) {
      ctx.violation('Action', 'protocol', `unknown Action ${record.operation}`);
      return fail(
        new AwsError(
          'InvalidAction',
          `Could not find operation ${record.operation} for version ${params.get('Version') ?? '?'}`,
        ),
      );
    }
    if (params.get('Version') !== model.metadata.apiVersion) {
      ctx.violation(
        'Version',
        'protocol',
        `Version must be ${model.metadata.apiVersion}, got ${params.get('Version') ?? 'none'}`,
      );
    }
    const { input, unknownParams } = decodeQueryInput(model, op.input!.shape, params);
    record.input = input;
    const violations: ApiViolation[] = [
      ...unknownParams.map((p) => ({
        path: p,
        rule: 'unknown-member' as const,
        message: `${op.input!.shape} has no parameter ${p}`,
      })),
      ...validateRequest(model, record.operation, input),
    ];
    const result = await this.#run(
      'sts',
      record,
      violations,
      {
        auth,
        authRequired: record.operation !== 'AssumeRoleWithWebIdentity',
        signingName: 'sts',
        ...(headers['x-amz-security-token'] ? { sessionToken: headers['x-amz-security-token'] } : {}),
      },
      ctx,
      (m) => new AwsError('ValidationError', m),
      () => this.sts.handle(record.operation, input, ctx),
    );
    if (result === 'reset') return result;
    if ('error' in result) return fail(result.error);
    const bad = validateShape(model, op.output!.shape, result.ok);
    if (bad.length > 0)
      this.serverErrors.push(
        `STS.${record.operation} response does not match ${op.output!.shape}:\n${formatViolations(bad)}`,
      );
    const wrapper = op.output!.resultWrapper ?? `${record.operation}Result`;
    return xml(
      200,
      `<?xml version="1.0" encoding="UTF-8"?>\n` +
        element(
          `${record.operation}Response`,
          shapeToXml(model, op.output!.shape, result.ok, wrapper) +
            element('ResponseMetadata', element('RequestId', ctx.requestId)),
          { xmlns: ns },
        ),
    );
  }

  // ------------------------------------------------------------------------------- S3 (REST-XML, path-style)

  async #s3(
    method: string,
    url: URL,
    headers: Record<string, string>,
    raw: Buffer,
    auth: SigV4 | 'malformed' | undefined,
    record: RecordedRequest,
    ctx: RequestContext,
  ): Promise<Reply | 'reset'> {
    const model = this.#models.s3;
    const where = resolveS3Operation(method, url.pathname, url.searchParams, headers);
    record.operation = where.operation;
    ctx.operation = record.operation;
    const fail = (err: AwsError): Reply => {
      record.errorCode = err.code;
      const base = {
        'x-amz-request-id': ctx.requestId,
        'x-amz-id-2': `host-${ctx.requestId}`,
        ...err.options.headers,
      };
      if (method === 'HEAD') return { status: err.status, headers: base };
      const fields = Object.entries({ ...(err.options.fields ?? {}) })
        .map(([k, v]) => element(k, escapeXml(v)))
        .join('');
      return {
        status: err.status,
        headers: { ...base, 'Content-Type': 'application/xml' },
        body:
          `<?xml version="1.0" encoding="UTF-8"?>\n` +
          element(
            'Error',
            element('Code', escapeXml(err.code)) +
              element('Message', escapeXml(err.message)) +
              fields +
              element('RequestId', ctx.requestId) +
              element('HostId', `host-${ctx.requestId}`),
          ),
      };
    };
    if (!model.operations[record.operation]) {
      ctx.violation(
        '',
        'protocol',
        `${method} ${url.pathname}${url.search} is not an S3 operation this server models (${record.operation})`,
      );
      return fail(
        new AwsError('NotImplemented', `The test server does not implement ${record.operation}.`, 501),
      );
    }
    if (/^[^/]+\.127\.0\.0\.1/.test(headers.host ?? '')) {
      ctx.violation(
        'Host',
        'protocol',
        'virtual-hosted-style request; configure the S3 client with forcePathStyle: true',
      );
    }

    // aws-chunked uploads (the SDK's streaming checksums): unwrap and move trailers into the headers.
    let body = raw;
    const sha = headers['x-amz-content-sha256'];
    if (
      (headers['content-encoding'] ?? '').split(',').some((s) => s.trim() === 'aws-chunked') ||
      sha?.startsWith('STREAMING-')
    ) {
      try {
        const decoded = decodeAwsChunked(raw);
        body = decoded.body;
        for (const [k, v] of Object.entries(decoded.trailers)) headers[k] = v;
        const declared = headers['x-amz-trailer'];
        if (declared !== undefined && decoded.trailers[declared.toLowerCase()] === undefined) {
          ctx.violation('x-amz-trailer', 'protocol', `declared trailer ${declared} was not sent`);
        }
      } catch (err) {
        ctx.violation('', 'protocol', (err as Error).message);
        return fail(new AwsError('IncompleteBody', 'The request body terminated unexpectedly', 400));
      }
      const decodedLength = headers['x-amz-decoded-content-length'];
      if (decodedLength !== undefined && Number(decodedLength) !== body.length) {
        ctx.violation(
          'x-amz-decoded-content-length',
          'protocol',
          `says ${decodedLength}, payload has ${body.length} bytes`,
        );
      }
      record.bodyBytes = body.length;
    } else if (sha !== undefined && /^[0-9a-f]{64}$/.test(sha)) {
      const actual = createHash('sha256').update(body).digest('hex');
      if (actual !== sha) {
        return fail(
          new AwsError(
            'XAmzContentSHA256Mismatch',
            "The provided 'x-amz-content-sha256' header does not match what was computed.",
            400,
          ),
        );
      }
    }

    const { input, unknownQuery } = assembleS3Input(
      model,
      record.operation,
      where,
      url.searchParams,
      headers,
    );
    record.input = input;
    const violations: ApiViolation[] = [
      ...unknownQuery.map((q) => ({
        path: q,
        rule: 'unknown-member' as const,
        message: `query parameter ${q} is not a member of ${record.operation}`,
      })),
      ...validateRequest(model, record.operation, input),
    ];
    const result = await this.#run(
      's3',
      record,
      violations,
      {
        auth,
        authRequired: true,
        signingName: 's3',
        ...(headers['x-amz-security-token'] ? { sessionToken: headers['x-amz-security-token'] } : {}),
      },
      ctx,
      (m) => new AwsError('InvalidArgument', m),
      () => this.s3.handle(record.operation, input, body, headers, ctx),
    );
    if (result === 'reset') return result;
    if ('error' in result) return fail(result.error);
    const ok: S3Response = result.ok;
    return {
      status: ok.status,
      headers: { 'x-amz-request-id': ctx.requestId, 'x-amz-id-2': `host-${ctx.requestId}`, ...ok.headers },
      ...(ok.body !== undefined ? { body: ok.body } : {}),
    };
  }
}

/** Starts a server on 127.0.0.1 (random port). Close it with `await server.close()`. */
export async function startAwsServer(opts: AwsServerOptions = {}): Promise<AwsServer> {
  const server = new AwsServer(opts);
  await server.listen();
  return server;
}
