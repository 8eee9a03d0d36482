// Action inputs and CLI flags override SMP_* variables ("inputs win"); one mapping, used by both.
import type { Env } from './settings.js';

export interface SettingOverrides {
  readonly s3Bucket?: string | undefined;
  readonly executionRoleArn?: string | undefined;
  readonly awsRegion?: string | undefined;
  readonly subnets?: string | undefined;
  readonly securityGroups?: string | undefined;
  readonly kmsKeyId?: string | undefined;
}

const TO_ENV: Record<keyof SettingOverrides, string> = {
  s3Bucket: 'SMP_S3BUCKETNAME',
  executionRoleArn: 'SMP_ROLE',
  awsRegion: 'SMP_REGION',
  subnets: 'SMP_SUBNETS',
  securityGroups: 'SMP_SECURITYGROUPS',
  kmsKeyId: 'SMP_KMSKEY',
};

export function applyOverrides(env: Env, o: SettingOverrides): Env {
  const out: Record<string, string | undefined> = { ...env };
  for (const [k, name] of Object.entries(TO_ENV) as [keyof SettingOverrides, string][]) {
    const v = o[k]?.trim();
    if (v)
      out[name] =
        k === 'subnets' || k === 'securityGroups'
          ? v
              .split(/[\s,]+/)
              .filter(Boolean)
              .join(',')
          : v;
  }
  return out;
}
