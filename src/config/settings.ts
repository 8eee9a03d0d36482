// Framework settings (old: framework/conf/conf.yaml) come from SMP_* environment variables; the action
// maps its inputs onto the same names, so there is one source of truth here.
import type { DiagnosticBag } from './diagnostics.js';
import { shown, visible } from './visible.js';

export interface Settings {
  readonly bucket: string;
  readonly role: string;
  readonly region: string;
  readonly accountId: string;
  readonly subnets: readonly string[];
  readonly securityGroups: readonly string[];
  readonly kmsKey: string | undefined;
  /** Names of SMP_* variables that were unset and replaced by a placeholder (offline plans only). */
  readonly placeholders: readonly string[];
}

/** Clearly fake values for offline plans: they cannot be mistaken for a real bucket, role or account. */
export const PLACEHOLDERS = {
  SMP_S3BUCKETNAME: 'smp-placeholder-bucket',
  SMP_ROLE: 'arn:aws:iam::000000000000:role/smp-placeholder-role',
  SMP_REGION: 'us-east-1',
  SMP_ACCOUNTID: '000000000000',
} as const;

export type Env = Readonly<Record<string, string | undefined>>;

export interface SettingsOptions {
  /** Offline commands (validate, plan) may use placeholders; deploy and run may not. */
  readonly allowPlaceholders: boolean;
}

export function resolveSettings(env: Env, options: SettingsOptions, bag: DiagnosticBag): Settings {
  const placeholders: string[] = [];
  const refused = new Set<string>();
  const get = (name: string): string | undefined => {
    const v = env[name]?.trim();
    if (!v) return undefined;
    // A newline or control character would reach AWS (or a log line) as is: one clear error instead.
    const m = CONTROL.exec(v);
    if (m) {
      if (!refused.has(name))
        bag.error(
          'bad-setting',
          null,
          name,
          `${name} holds ${m[0] === '\n' ? 'a newline' : `the control character ${visible(m[0])}`} (${shown(v)}); a setting is one line of text`,
        );
      refused.add(name);
      return undefined;
    }
    return v;
  };
  const required = (name: keyof typeof PLACEHOLDERS, derived?: string): string => {
    const v = get(name) ?? derived;
    if (v !== undefined) return v;
    if (refused.has(name)) return PLACEHOLDERS[name];
    if (options.allowPlaceholders) {
      placeholders.push(name);
      return PLACEHOLDERS[name];
    }
    const empty = env[name] !== undefined;
    bag.error(
      'missing-setting',
      null,
      name,
      `${name} is ${empty ? 'set to the empty string' : 'not set'}: ${SETTING_HELP[name]}`,
    );
    return PLACEHOLDERS[name];
  };

  const role = required('SMP_ROLE');
  const region = required('SMP_REGION', get('AWS_REGION') ?? get('AWS_DEFAULT_REGION'));
  // The execution role's ARN already names the account; asking for it twice invites mismatches.
  const accountFromRole = /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(get('SMP_ROLE') ?? '')?.[1];
  // Without a role there is nothing to derive the account from; the SMP_ROLE error already says what to do.
  const accountId =
    get('SMP_ROLE') === undefined && !options.allowPlaceholders
      ? (get('SMP_ACCOUNTID') ?? PLACEHOLDERS.SMP_ACCOUNTID)
      : required('SMP_ACCOUNTID', accountFromRole);
  const bucket = required('SMP_S3BUCKETNAME');
  if (accountFromRole && get('SMP_ACCOUNTID') && get('SMP_ACCOUNTID') !== accountFromRole) {
    bag.warning(
      'account-mismatch',
      null,
      'SMP_ACCOUNTID',
      `SMP_ACCOUNTID ${get('SMP_ACCOUNTID') ?? ''} is not the account of SMP_ROLE (${accountFromRole}); images and ARNs built from SMP_ACCOUNTID may point at another account`,
    );
  }

  if (placeholders.length > 0) {
    bag.warning(
      'placeholder-settings',
      null,
      'settings',
      `${placeholders.join(', ')} not set: planning with placeholder values`,
    );
  }
  const settings: Settings = {
    bucket,
    role,
    region,
    accountId,
    subnets: list(get('SMP_SUBNETS')),
    securityGroups: list(get('SMP_SECURITYGROUPS')),
    kmsKey: get('SMP_KMSKEY'),
    placeholders,
  };
  checkSettings(settings, bag);
  return Object.freeze(settings);
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A KMS key id, key ARN, alias name or alias ARN, as SageMaker and S3 accept them. */
const KMS_KEY =
  /^(?:(?:mrk-)?[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}|alias\/[A-Za-z0-9/_-]{1,250}|arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(?:key\/(?:mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})|alias\/[A-Za-z0-9/_-]{1,250}))$/;

const SETTING_HELP: Record<keyof typeof PLACEHOLDERS, string> = {
  SMP_S3BUCKETNAME: 'the S3 bucket for code bundles and outputs (action input `s3-bucket`, CLI --s3-bucket)',
  SMP_ROLE: 'the SageMaker execution role ARN (action input `execution-role-arn`, CLI --execution-role-arn)',
  SMP_REGION: 'the AWS region (action input `aws-region`, CLI --aws-region, or AWS_REGION)',
  SMP_ACCOUNTID: 'the AWS account id (12 digits; taken from SMP_ROLE when that is an ARN)',
};

function list(v: string | undefined): string[] {
  return v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

function checkSettings(s: Settings, bag: DiagnosticBag): void {
  if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/.test(s.role)) {
    bag.error(
      'bad-setting',
      null,
      'SMP_ROLE',
      `SMP_ROLE \`${shown(s.role)}\` is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`,
    );
  }
  if (!/^\d{12}$/.test(s.accountId)) {
    bag.error(
      'bad-setting',
      null,
      'SMP_ACCOUNTID',
      `SMP_ACCOUNTID \`${shown(s.accountId)}\` is not a 12-digit account id`,
    );
  }
  if (!/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/.test(s.region)) {
    bag.error(
      'bad-setting',
      null,
      'SMP_REGION',
      `SMP_REGION \`${shown(s.region)}\` is not an AWS region name (e.g. us-east-1)`,
    );
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(s.bucket)) {
    bag.error(
      'bad-setting',
      null,
      'SMP_S3BUCKETNAME',
      `SMP_S3BUCKETNAME \`${shown(s.bucket)}\` is not an S3 bucket name (3-63 lowercase letters, digits, dots, hyphens; no s3:// prefix)`,
    );
  }
  for (const sn of s.subnets) {
    if (!/^subnet-[0-9a-f]+$/.test(sn))
      bag.error(
        'bad-setting',
        null,
        'SMP_SUBNETS',
        `SMP_SUBNETS entry \`${shown(sn)}\` is not a subnet id (subnet-…)`,
      );
  }
  for (const sg of s.securityGroups) {
    if (!/^sg-[0-9a-f]+$/.test(sg)) {
      bag.error(
        'bad-setting',
        null,
        'SMP_SECURITYGROUPS',
        `SMP_SECURITYGROUPS entry \`${shown(sg)}\` is not a security group id (sg-…)`,
      );
    }
  }
  if (s.kmsKey !== undefined && !KMS_KEY.test(s.kmsKey)) {
    bag.error(
      'bad-setting',
      null,
      'SMP_KMSKEY',
      `SMP_KMSKEY \`${shown(s.kmsKey)}\` is not a KMS key: give a key id (1234abcd-12ab-34cd-56ef-1234567890ab), a key ARN (arn:aws:kms:<region>:<account>:key/<id>) or an alias (alias/<name> or its ARN)`,
    );
  }
  if (s.subnets.length > 0 !== s.securityGroups.length > 0) {
    bag.error(
      'bad-setting',
      null,
      'SMP_SUBNETS',
      'SMP_SUBNETS and SMP_SECURITYGROUPS go together: a VPC config needs both subnets and security groups',
    );
  }
}

/** The environment the config interpolation sees: the process env plus the resolved (maybe placeholder) settings. */
export function interpolationEnv(env: Env, s: Settings): Env {
  return {
    ...env,
    SMP_S3BUCKETNAME: s.bucket,
    SMP_ROLE: s.role,
    SMP_REGION: s.region,
    SMP_ACCOUNTID: s.accountId,
  };
}
