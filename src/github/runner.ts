// The runner protocol is @actions/core's: inputs, workflow commands (annotations, groups, masks), file commands
// (outputs) and the job summary all go through it, so its escaping and its file formats are the runner's own.
// This module only narrows it to what the action uses, so call sites import one place. It is loaded after the
// action's first log line (src/index.ts): @actions/core pulls in its HTTP client (undici) for the OIDC token,
// which costs more start-up time than the rest of the entry (bench/cold-start.mjs).
import * as core from '@actions/core';
import { logLines, visibleLines } from '../report/log-text.js';

export type AnnotationProperties = Pick<
  core.AnnotationProperties,
  'title' | 'file' | 'startLine' | 'startColumn'
>;

export const getInput = (name: string): string => core.getInput(name);
// Text we print (log-text.ts): no log line can be read as a workflow command, and control characters in
// command messages are shown spelled out; @actions/core then escapes `%`, CR and LF as the runner expects.
export const info = (message: string): void => core.info(logLines(message).join('\n'));
export const debug = (message: string): void => core.debug(visibleLines(message));
export const error = (message: string, p?: AnnotationProperties): void =>
  core.error(visibleLines(message), p);
export const warning = (message: string, p?: AnnotationProperties): void =>
  core.warning(visibleLines(message), p);
export const notice = (message: string, p?: AnnotationProperties): void =>
  core.notice(visibleLines(message), p);
export const setFailed = (message: string): void => core.setFailed(visibleLines(message));
export const setSecret = (secret: string): void => core.setSecret(secret);
export const group = <T>(name: string, fn: () => Promise<T>): Promise<T> =>
  core.group(visibleLines(name), fn);
export const setOutput = (name: string, value: string): void => core.setOutput(name, value);
export const getIDToken = (audience: string): Promise<string> => core.getIDToken(audience);

/** Appends Markdown to the job summary; false when the runner gave no summary file. */
export async function appendSummary(markdown: string): Promise<boolean> {
  // core.summary.write() throws without the variable: outside a runner (local runs) that is no error.
  if (!process.env[SUMMARY_ENV]) return false;
  await core.summary.addRaw(markdown, true).write();
  return true;
}

const SUMMARY_ENV = 'GITHUB_STEP_SUMMARY';
