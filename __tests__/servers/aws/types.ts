// Shared types of the local AWS test server.
import type { ApiRule } from '../../helpers/api-model.js';
import type { FaultKind } from './faults.js';

export type ServiceId = 'sagemaker' | 's3' | 'sts' | 'scheduler' | 'oidc' | 'container-credentials';

/** An error answer, rendered in the wire format of the service that raised it. */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
    readonly options: {
      /** STS `<Type>`: Sender (default for 4xx) or Receiver. */
      type?: 'Sender' | 'Receiver';
      /** awsJson: name of the message member (modeled SageMaker exceptions use `Message`). */
      messageMember?: 'message' | 'Message';
      /** S3: extra `<Error>` children, e.g. `{ Key: 'a/b' }`. */
      fields?: Record<string, string>;
      /** Extra response headers. */
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.name = code;
  }
}

export type ViolationRule = ApiRule | 'auth' | 'protocol' | 'definition';

/** A request that did not follow the service's API model or wire protocol. */
export interface WireViolation {
  /** `RecordedRequest.seq` of the offending request. */
  seq: number;
  service: ServiceId;
  operation: string;
  /** Member path, e.g. `PipelineName`, `PipelineDefinition.Steps[Train].Arguments.RoleArn`; `` for the request. */
  path: string;
  rule: ViolationRule;
  message: string;
}

/** One HTTP request as the server saw and answered it. */
export interface RecordedRequest {
  /** 1-based, in arrival order. */
  seq: number;
  /** `server.clock.now()` on arrival. */
  time: number;
  service: ServiceId;
  /** e.g. `DescribePipeline`, `PutObject`, `AssumeRoleWithWebIdentity`, `GetIdToken` (OIDC). */
  operation: string;
  /**
   * The decoded request: SageMaker the JSON body; STS the form decoded into the input shape; S3 the
   * input assembled from path, query and headers (no Body); OIDC `{ audience }`.
   */
  input: Record<string, unknown>;
  /** HTTP status answered; 0 when the connection was reset. */
  status: number;
  /** Error code answered (e.g. `ThrottlingException`, `NotFound`, `AccessDenied`). */
  errorCode?: string;
  /** Set when the answer was an injected fault. */
  fault?: FaultKind;
  /** From the SigV4 Authorization header. */
  accessKeyId?: string;
  region?: string;
  signingService?: string;
  /** Body size in bytes (after aws-chunked decoding for S3 uploads). */
  bodyBytes: number;
  /** Request headers, lower-case names (e.g. `user-agent`, `amz-sdk-request: attempt=2; max=3`). */
  headers: Record<string, string>;
}

/** What a handler may use besides the input. */
export interface RequestContext {
  seq: number;
  operation: string;
  /** Region from the request's credential scope (or the server's default region). */
  region: string;
  accountId: string;
  accessKeyId?: string;
  now: number;
  requestId: string;
  violation(path: string, rule: ViolationRule, message: string): void;
}

export interface StepFailure {
  /** Step name as in the definition (e.g. `Train`, `Model-RegisterModel`). */
  name: string;
  /** The step's FailureReason (default `ClientError: injected failure`). */
  reason?: string;
}

/** Knobs the tests turn; mutate `server.script` at any time. */
export interface ServerScript {
  /** How long every step runs, in clock ms (default 60 000). */
  stepDurationMs: number;
  /** Per-step override of stepDurationMs, by step name. */
  stepDurations: Record<string, number>;
  /** Time a step shows `Starting` before `Executing` (default 5 000; capped by its duration). */
  stepStartingMs: number;
  /** Make these steps fail when they finish (execution → Failed once running steps are done). */
  failStep?: StepFailure | StepFailure[];
  /** These steps finish at once with CacheHitResult (source: the pipeline's previous execution). */
  cacheHits: string[];
  /** Condition step outcomes by step name (default: evaluated when possible, else true). */
  conditionOutcomes: Record<string, boolean>;
  /**
   * Contents of property files, by `<step>.<PropertyFileName>` (e.g. `m-Metrics.EvaluationReport`): what a
   * Std:JsonGet reads once that step has run. Without an entry a JsonGet resolves to nothing.
   */
  propertyFiles: Record<string, unknown>;
  /** Page size of SageMaker List* calls without MaxResults (default 10). */
  defaultPageSize: number;
  /**
   * SageMaker and S3 operations the caller's policy does not allow (e.g. `DescribePipeline`): answered with
   * AccessDeniedException (SageMaker, 400) or AccessDenied (S3, 403), which the SDK does not retry.
   */
  deny: string[];
  /** STS AssumeRoleWithWebIdentity: deny (AccessDenied), or decide from the token's claims. */
  stsDeny: boolean | ((claims: Record<string, unknown>) => boolean);
  /** The next n AssumeRoleWithWebIdentity calls fail with a transient IdP error (counts down). */
  stsTransientFailures: number;
  /** Which transient error: IDPCommunicationError, InvalidIdentityToken "Couldn't retrieve verification key…", or alternate (default). */
  stsTransientError: 'IDPCommunicationError' | 'InvalidIdentityToken' | 'alternate';
  /** Issuers with an OIDC provider in the account (default GitHub's); others → InvalidIdentityToken. */
  stsIssuers: string[];
  /** Audiences the OIDC provider accepts (default ['sts.amazonaws.com']); others → InvalidIdentityToken. */
  stsAudiences: string[];
  /** The role's MaxSessionDuration (default 3600); DurationSeconds above it → ValidationError. */
  roleMaxSessionSeconds: number;
  /** Claims merged over the default GitHub OIDC claims. */
  oidcClaims: Record<string, unknown>;
  /** ID token lifetime (default 300 s); STS rejects expired tokens with ExpiredTokenException. */
  oidcTokenTtlSeconds: number;
  /** The next n OIDC token requests fail with HTTP `oidcFailureStatus` (counts down). */
  oidcFailures: number;
  /** Default 500 (not retried by @actions/http-client; 502/503/504 are). */
  oidcFailureStatus: number;
}

export function defaultScript(): ServerScript {
  return {
    stepDurationMs: 60_000,
    stepDurations: {},
    stepStartingMs: 5_000,
    cacheHits: [],
    conditionOutcomes: {},
    propertyFiles: {},
    defaultPageSize: 10,
    deny: [],
    stsDeny: false,
    stsTransientFailures: 0,
    stsTransientError: 'alternate',
    stsIssuers: ['https://token.actions.githubusercontent.com'],
    stsAudiences: ['sts.amazonaws.com'],
    roleMaxSessionSeconds: 3600,
    oidcClaims: {},
    oidcTokenTtlSeconds: 300,
    oidcFailures: 0,
    oidcFailureStatus: 500,
  };
}
