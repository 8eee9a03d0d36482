// The job summary: always written, whatever happened to the PR comment.
import * as core from '@actions/core';

export async function writeSummary(markdown: string): Promise<boolean> {
  if (!process.env.GITHUB_STEP_SUMMARY) return false;
  await core.summary.addRaw(markdown, true).write();
  return true;
}
