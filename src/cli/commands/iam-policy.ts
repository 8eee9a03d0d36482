// `smp iam-policy`: the least-privilege policy the deploy role needs for this plan, as JSON.
import { loadAndCompile } from '../../app/compile-project.js';
import { iamPolicy } from '../../aws/iam-policy.js';
import { applyOverrides } from '../../config/overrides.js';
import type { SettingOverrides } from '../../config/overrides.js';
import type { Env } from '../../config/settings.js';
import type { ProjectArgs } from '../args.js';
import { EXIT_OK, failed, report } from '../io.js';
import type { Io } from '../io.js';

export function iamPolicyCommand(
  cmd: ProjectArgs & { overrides: SettingOverrides },
  env: Env,
  io: Io,
): number {
  const r = loadAndCompile({ ...cmd, env: applyOverrides(env, cmd.overrides), allowPlaceholders: true });
  if (!r.plan || !r.config) return failed(r.diagnostics, io);
  report(r.diagnostics, io);
  const s = r.config.settings;
  io.out(
    JSON.stringify(
      iamPolicy(r.plan, {
        region: s.region,
        accountId: s.accountId,
        executionRoleArn: s.role,
        bucket: s.bucket,
        kmsKey: s.kmsKey,
      }),
      null,
      2,
    ),
  );
  return EXIT_OK;
}
