// AWS access for the action: OIDC role assumption (with refresh) or the default chain; offline when a plan
// run has no credentials (fork PRs, no secrets), never failing a plan for that reason.
import * as core from './runner.js';
import type { AwsClients } from '../aws/clients.js';
import type { GithubContext } from './event.js';
import type { ActionInputs } from './inputs.js';

export type AwsSession =
  | { readonly kind: 'online'; readonly clients: AwsClients; readonly how: string }
  | { readonly kind: 'offline'; readonly why: string };

export class AwsSetupError extends Error {
  override name = 'AwsSetupError';
}

export async function openAwsSession(
  inputs: ActionInputs,
  region: string,
  ctx: GithubContext,
  env: NodeJS.ProcessEnv = process.env,
): Promise<AwsSession> {
  const required = inputs.mode !== 'plan';
  const offline = (why: string): AwsSession => {
    if (required) throw new AwsSetupError(why);
    return { kind: 'offline', why };
  };
  const { createAwsClients, createStsClient, defaultCredentials } = await import('../aws/clients.js');
  if (inputs.roleToAssume) {
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
      return offline(
        ctx.pullRequest?.isFork
          ? 'this pull request comes from a fork, which gets no OIDC token'
          : 'no GitHub OIDC token: give the job `permissions: id-token: write` (and contents: read) to assume role-to-assume',
      );
    }
    const [{ refreshingOidcCredentials, sessionName }, { AssumeRoleWithWebIdentityCommand }] =
      await Promise.all([import('../aws/credentials.js'), import('@aws-sdk/client-sts')]);
    const sts = await createStsClient(region);
    const credentials = refreshingOidcCredentials({
      roleArn: inputs.roleToAssume,
      audience: inputs.audience,
      durationSeconds: inputs.roleDurationSeconds,
      sessionName: sessionName(ctx.runId, ctx.runAttempt),
      getIdToken: (aud) => core.getIDToken(aud),
      sts,
      assumeRoleCommand: AssumeRoleWithWebIdentityCommand,
      maskSecret: (s) => core.setSecret(s),
      log: (l) => core.info(l),
    });
    try {
      await credentials(); // fail here, clearly, rather than on the first SageMaker call
    } catch (err) {
      if (required) throw err;
      // A trust policy that admits only the default branch denies PRs: plan offline and show why.
      core.warning(err instanceof Error ? err.message : String(err), {
        title: 'smp: AWS credentials for the plan',
      });
      return offline('the OIDC role could not be assumed for this event (see the warning above)');
    }
    return {
      kind: 'online',
      clients: await createAwsClients({ region, credentials, env }),
      how: `assumed ${inputs.roleToAssume} through GitHub OIDC`,
    };
  }
  // The chain first, the clients only once it gave credentials: an offline plan never loads them.
  const credentials = await defaultCredentials(region);
  try {
    const identity = await credentials();
    if (!identity.accessKeyId) return offline('no AWS credentials in the environment');
  } catch (err) {
    return offline(
      `no AWS credentials (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); set role-to-assume, or configure credentials before this step`,
    );
  }
  return {
    kind: 'online',
    clients: await createAwsClients({ region, credentials, env }),
    how: 'the default AWS credential chain',
  };
}
