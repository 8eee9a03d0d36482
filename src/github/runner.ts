// The runner protocol the action speaks: inputs from INPUT_* variables, workflow commands on stdout, file
// commands for outputs and the job summary. It follows @actions/core's formats exactly; @actions/core itself
// is loaded only for the OIDC token, because its eager HTTP client would double the action's start time
// (bench/cold-start.mjs).
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync } from 'node:fs';
import { EOL } from 'node:os';

export interface AnnotationProperties {
  readonly title?: string;
  readonly file?: string;
  readonly startLine?: number;
  readonly startColumn?: number;
}

/** `%`, CR and LF escaped, as the runner unescapes them. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::name key=value,key=value::message` on stdout. */
export function issueCommand(
  name: string,
  props: Readonly<Record<string, string | number | undefined>>,
  message: string,
): void {
  const pairs = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  process.stdout.write(`::${name}${pairs.length ? ` ${pairs.join(',')}` : ''}::${escapeData(message)}${EOL}`);
}

export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function info(message: string): void {
  process.stdout.write(`${message}${EOL}`);
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

function annotation(
  kind: 'error' | 'warning' | 'notice',
  message: string,
  p: AnnotationProperties = {},
): void {
  issueCommand(kind, { title: p.title, file: p.file, line: p.startLine, col: p.startColumn }, message);
}

export const error = (message: string, p?: AnnotationProperties): void => annotation('error', message, p);
export const warning = (message: string, p?: AnnotationProperties): void => annotation('warning', message, p);
export const notice = (message: string, p?: AnnotationProperties): void => annotation('notice', message, p);

export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

export function startGroup(name: string): void {
  issueCommand('group', {}, name);
}

export function endGroup(): void {
  issueCommand('endgroup', {}, '');
}

export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  startGroup(name);
  try {
    return await fn();
  } finally {
    endGroup();
  }
}

/** An output, through the GITHUB_OUTPUT file (heredoc with a random delimiter) or the legacy command. */
export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) {
    issueCommand('set-output', { name }, value);
    return;
  }
  if (!existsSync(file)) throw new Error(`GITHUB_OUTPUT file is missing: ${file}`);
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}

/** Appends Markdown to the job summary; false when the runner gave no summary file. */
export function appendSummary(markdown: string): boolean {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  appendFileSync(file, `${markdown}${EOL}`, 'utf8');
  return true;
}

/** A GitHub OIDC token for `audience`, through @actions/core (loaded only here). */
export async function getIDToken(audience: string): Promise<string> {
  const core = await import('@actions/core');
  return core.getIDToken(audience);
}
