// model-repositories: shallow clones of other repositories into the workspace, before configs are globbed.
// The token travels as an HTTP header in git's environment-scoped config, never in a URL, argv or log.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { RepoSpec } from './inputs.js';

export type Exec = (
  tool: string,
  args: string[],
  opts: { cwd: string; env: Record<string, string> },
) => Promise<number>;

export interface CloneOptions {
  readonly workspace: string;
  readonly serverUrl: string;
  readonly token: string;
  readonly exec: Exec;
  readonly maskSecret: (s: string) => void;
  readonly log: (line: string) => void;
}

export class CloneError extends Error {
  override name = 'CloneError';
}

export async function cloneRepositories(specs: readonly RepoSpec[], opts: CloneOptions): Promise<string[]> {
  const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${opts.token}`).toString('base64')}`;
  opts.maskSecret(header);
  opts.maskSecret(Buffer.from(`x-access-token:${opts.token}`).toString('base64'));
  const host = new URL(opts.serverUrl);
  // GIT_CONFIG_* pass the header to this git process only: nothing lands in .git/config.
  // git gets what it needs (path, home, locale, proxies, certificates), not the job's inputs or token variables.
  const keep =
    /^(PATH|HOME|LANG|LC_\w+|TMPDIR|USERPROFILE|SystemRoot|(HTTPS?|NO)_PROXY|(https?|no)_proxy|SSL_CERT_\w+|GIT_SSL_\w+|NODE_EXTRA_CA_CERTS)$/;
  const env: Record<string, string> = {
    ...Object.fromEntries(
      Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && keep.test(e[0])),
    ),
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: `http.${host.origin}/.extraheader`,
    GIT_CONFIG_VALUE_0: header,
  };
  const roots: string[] = [];
  for (const spec of specs) {
    const dir = path.join(opts.workspace, spec.path);
    // Only an earlier clone of ours may be replaced: a folder of the checkout is never deleted.
    if (existsSync(dir) && readdirSync(dir).length > 0 && !existsSync(path.join(dir, '.git'))) {
      throw new CloneError(
        `model-repositories: ${spec.path} already exists in the workspace and is not a clone; choose another path for ${spec.spec}`,
      );
    }
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const url = `${host.origin}/${spec.owner}/${spec.repo}.git`;
    const run = async (args: string[]): Promise<void> => {
      const code = await opts.exec('git', args, { cwd: dir, env });
      if (code !== 0)
        throw new CloneError(
          `git ${args[0] ?? ''} failed for ${spec.spec} (exit ${code}): check that the repository and ref exist and that github-token can read it`,
        );
    };
    opts.log(`Cloning ${spec.owner}/${spec.repo}${spec.ref ? `@${spec.ref}` : ''} into ${spec.path}`);
    await run(['init', '--quiet']);
    await run(['remote', 'add', 'origin', url]);
    await run(['fetch', '--quiet', '--depth', '1', '--no-tags', 'origin', spec.ref ?? 'HEAD']);
    await run(['checkout', '--quiet', '--detach', 'FETCH_HEAD']);
    roots.push(spec.path);
  }
  return roots;
}
