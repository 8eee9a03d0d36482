// What the CLI takes from each CI system's variables, and what it says when no credential source worked.
import { describe, expect, it } from 'vitest';
import { noCredentialsMessage } from '../../../src/aws/credential-sources.js';
import { ciRun } from '../../../src/cli/ci-env.js';

describe('ciRun', () => {
  it('GitHub Actions: sha, run id, attempt, repository', () => {
    expect(
      ciRun({
        GITHUB_SHA: 'abc',
        GITHUB_RUN_ID: '7',
        GITHUB_RUN_ATTEMPT: '2',
        GITHUB_REPOSITORY: 'o/r',
        GITLAB_CI: 'true',
      }),
    ).toEqual({ sha: 'abc', runId: '7', attempt: '2', repository: 'o/r' });
  });

  it('GitLab CI: the pipeline is the run (a retried job keeps it)', () => {
    expect(
      ciRun({
        GITLAB_CI: 'true',
        CI_COMMIT_SHA: 'def',
        CI_PIPELINE_ID: '99',
        CI_JOB_ID: '5',
        CI_PROJECT_PATH: 'g/sub/p',
      }),
    ).toEqual({ sha: 'def', runId: '99', attempt: undefined, repository: 'g/sub/p' });
  });

  it('CodeBuild: resolved source version, build number, repository from the source URL', () => {
    const base = {
      CODEBUILD_BUILD_ID: 'p:1',
      CODEBUILD_RESOLVED_SOURCE_VERSION: 'f00',
      CODEBUILD_BUILD_NUMBER: '12',
    };
    expect(ciRun({ ...base, CODEBUILD_SOURCE_REPO_URL: 'https://github.com/o/r.git' })).toEqual({
      sha: 'f00',
      runId: '12',
      attempt: undefined,
      repository: 'o/r',
    });
    expect(
      ciRun({
        ...base,
        CODEBUILD_SOURCE_REPO_URL: 'https://git-codecommit.us-east-1.amazonaws.com/v1/repos/models',
      }).repository,
    ).toBe('models');
    expect(ciRun({ ...base, CODEBUILD_SOURCE_REPO_URL: 'not a url' }).repository).toBeUndefined();
  });

  it('outside CI: no run id (the caller uses the time)', () => {
    expect(ciRun({})).toEqual({
      sha: undefined,
      runId: undefined,
      attempt: undefined,
      repository: undefined,
    });
  });
});

describe('noCredentialsMessage', () => {
  it('names the configured sources that gave nothing', () => {
    expect(
      noCredentialsMessage({
        AWS_ROLE_ARN: 'arn:aws:iam::1:role/r',
        AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/x',
      }),
    ).toBe(
      "no AWS credentials: the SDK's default chain got none from web identity (AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE), the container credential endpoint (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI)",
    );
  });

  it('with none configured, lists what to set', () => {
    const m = noCredentialsMessage({});
    expect(m).toMatch(/^no AWS credentials: the SDK's default chain found none\. Set AWS_ACCESS_KEY_ID/);
    expect(m).toContain('AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE (GitLab id_tokens)');
    expect(m).toContain('see docs/ci.md');
  });
});
