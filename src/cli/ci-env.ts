// Which commit and which CI run a CLI deploy belongs to, from the variables each CI system sets: the execution's
// display name (`<sha7>-<run>`), its idempotency token (a retried job attaches to the execution its run
// started) and the repository tag. GitHub Actions first (the CLI also runs there), then GitLab CI, then AWS
// CodeBuild; outside CI the run is the current time.
import type { Env } from '../config/settings.js';

export interface CiRun {
  readonly sha: string | undefined;
  readonly runId: string | undefined;
  readonly attempt: string | undefined;
  readonly repository: string | undefined;
}

export function ciRun(env: Env): CiRun {
  if (env.GITHUB_RUN_ID)
    return {
      sha: env.GITHUB_SHA,
      runId: env.GITHUB_RUN_ID,
      attempt: env.GITHUB_RUN_ATTEMPT,
      repository: env.GITHUB_REPOSITORY,
    };
  if (env.GITLAB_CI)
    // A retried job keeps its pipeline: the pipeline is the run.
    return {
      sha: env.CI_COMMIT_SHA,
      runId: env.CI_PIPELINE_ID,
      attempt: undefined,
      repository: env.CI_PROJECT_PATH,
    };
  if (env.CODEBUILD_BUILD_ID)
    return {
      sha: env.CODEBUILD_RESOLVED_SOURCE_VERSION,
      runId: env.CODEBUILD_BUILD_NUMBER,
      attempt: undefined,
      repository: codebuildRepository(env.CODEBUILD_SOURCE_REPO_URL),
    };
  return { sha: env.GITHUB_SHA, runId: undefined, attempt: undefined, repository: env.GITHUB_REPOSITORY };
}

/** `https://github.com/o/r.git`, `https://gitlab.com/g/s/p` → `o/r`, `g/s/p`; CodeCommit and S3 sources: the URL's path. */
function codebuildRepository(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const p = new URL(url).pathname.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '');
    return p.replace(/^v1\/repos\//, '') || undefined;
  } catch {
    return undefined;
  }
}
