// What to say when the SDK's default credential chain finds nothing. Its error ("Could not load credentials
// from any providers") drops why each source failed, so the message names the sources this environment
// configures (a configured one that gave nothing is the likely culprit) or, with none, the ones CI systems use.
export function noCredentialsMessage(env: Readonly<Record<string, string | undefined>>): string {
  const configured: string[] = [];
  if (env.AWS_ACCESS_KEY_ID) configured.push('AWS_ACCESS_KEY_ID');
  if (env.AWS_PROFILE) configured.push(`AWS_PROFILE=${env.AWS_PROFILE}`);
  if (env.AWS_ROLE_ARN || env.AWS_WEB_IDENTITY_TOKEN_FILE)
    configured.push('web identity (AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE)');
  if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI)
    configured.push('the container credential endpoint (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI)');
  if (env.AWS_CONTAINER_CREDENTIALS_FULL_URI)
    configured.push(
      'the container credential endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI; check AWS_CONTAINER_AUTHORIZATION_TOKEN or _TOKEN_FILE)',
    );
  if (configured.length > 0)
    return `no AWS credentials: the SDK's default chain got none from ${configured.join(', ')}`;
  return (
    "no AWS credentials: the SDK's default chain found none. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, " +
    'AWS_PROFILE, or AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE (GitLab id_tokens), or run where a container ' +
    'endpoint or instance role provides them (CodeBuild, ECS, EC2); see docs/ci.md'
  );
}
