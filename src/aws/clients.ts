// One factory for every AWS client: region, retries, user agent, endpoint overrides. The SDK itself honours
// AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> (VPC endpoints, LocalStack, our tests); that is the test seam.
// Clients are imported lazily so plan-only runs never load the SDK.
import type { S3Client } from '@aws-sdk/client-s3';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { SchedulerClient } from '@aws-sdk/client-scheduler';
import type { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { VERSION } from '../version.js';

export type Credentials = AwsCredentialIdentity | AwsCredentialIdentityProvider;

export interface ClientOptions {
  readonly region: string;
  /** Undefined: the SDK's default provider chain (env keys, profile, instance role). */
  readonly credentials?: Credentials;
  /** Total attempts per call, including the first (SDK retry; adaptive mode also rate-limits on throttling). */
  readonly maxAttempts?: number;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface AwsClients {
  readonly sagemaker: SageMakerClient;
  readonly s3: S3Client;
  /** EventBridge Scheduler, loaded on first use (only deploys read or write schedules). */
  readonly scheduler: () => Promise<SchedulerClient>;
  readonly region: string;
  /** Closes every client made so far (sockets of keep-alive agents). */
  readonly destroy: () => void;
}

export const USER_AGENT = `smp-action/${VERSION}`;
const DEFAULT_ATTEMPTS = 8;

/**
 * The SDK warns on Node 20 that its releases after January 2027 need Node 22; the lockfile pins one that runs on
 * 20 (CI's Node; the action itself runs on node24). Sets the SDK's own switch in this process's environment.
 */
export function quietNodeVersionWarning(env: NodeJS.ProcessEnv = process.env): void {
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}

function common(opts: ClientOptions): Record<string, unknown> {
  return {
    region: opts.region,
    ...(opts.credentials ? { credentials: opts.credentials } : {}),
    maxAttempts: opts.maxAttempts ?? DEFAULT_ATTEMPTS,
    retryMode: 'adaptive',
    customUserAgent: USER_AGENT,
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
  };
}

export async function createAwsClients(opts: ClientOptions): Promise<AwsClients> {
  quietNodeVersionWarning();
  const env = opts.env ?? process.env;
  const [{ SageMakerClient }, { S3Client }] = await Promise.all([
    import('@aws-sdk/client-sagemaker'),
    import('@aws-sdk/client-s3'),
  ]);
  // A custom S3 endpoint (LocalStack, tests, some VPC endpoints) rarely resolves bucket subdomains.
  const forcePathStyle =
    Boolean(env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL) || env.SMP_S3_FORCE_PATH_STYLE === 'true';
  const sagemaker = new SageMakerClient(common(opts));
  const s3 = new S3Client({ ...common(opts), forcePathStyle });
  let scheduler: Promise<SchedulerClient> | undefined;
  let made: SchedulerClient | undefined;
  return {
    sagemaker,
    s3,
    scheduler: () =>
      (scheduler ??= import('@aws-sdk/client-scheduler').then(({ SchedulerClient }) => {
        made = new SchedulerClient(common(opts));
        return made;
      })),
    region: opts.region,
    destroy: () => {
      sagemaker.destroy();
      s3.destroy();
      made?.destroy();
    },
  };
}

/**
 * The SDK's default credential chain (environment, SSO, web identity, profiles, container and instance
 * metadata), as the clients would build it, resolved once and shared by every client made with it. Made
 * before the clients so that a run without credentials learns so without loading them (an offline plan).
 */
export async function defaultCredentials(region: string): Promise<AwsCredentialIdentityProvider> {
  quietNodeVersionWarning();
  const { defaultProvider } = await import('@aws-sdk/credential-provider-node');
  // The region the clients would pass as their parent config: STS-based sources (web identity, assumed
  // profile roles) call the regional endpoint of the clients' partition.
  return defaultProvider({ parentClientConfig: { region } });
}

/** STS for the OIDC exchange: AssumeRoleWithWebIdentity is unsigned, so no credentials are needed. */
export async function createStsClient(region: string, maxAttempts = 1): Promise<STSClient> {
  quietNodeVersionWarning();
  const { STSClient } = await import('@aws-sdk/client-sts');
  // Our own loop retries the exchange (fresh token per attempt, transient errors only): no SDK retries here.
  return new STSClient({ ...common({ region }), maxAttempts });
}
