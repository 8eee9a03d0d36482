// The plan hash: the identity of "what this plan deploys" — the canonical definition plus the artifact hashes.
import { createHash } from 'node:crypto';
import type { ScheduleSpec } from '../compile/schedule.js';
import type { Artifact, PipelineDefinition, Plan } from '../compile/types.js';

/** JSON with object keys sorted at every level, so equal definitions hash equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * sha256 over the canonical definition and the sorted `<s3 key> <sha256>` lines of the artifacts.
 * The definition already names code by content hash; listing the artifacts too makes the hash cover an
 * artifact the definition would not name (the S3-uploaded definition itself is excluded: it *is* the definition).
 */
export function planHash(
  definition: PipelineDefinition,
  artifacts: readonly Pick<Artifact, 'key' | 'contentSha256' | 'kind'>[],
  /** The schedule deploy writes: part of what is approved. Absent, the hash is what it was before schedules. */
  schedule?: ScheduleSpec,
): string {
  // Content hashes, not the compressed bytes' (those may differ between zlib builds: see compile/bundle.ts).
  const lines = artifacts
    .filter((a) => a.kind !== 'definition')
    .map((a) => `${a.key} ${a.contentSha256}`)
    .sort();
  const h = createHash('sha256').update(canonicalJson(definition)).update('\n').update(lines.join('\n'));
  if (schedule) h.update('\nschedule ').update(canonicalJson(schedule));
  return h.digest('hex');
}

/** The hash of a compiled plan. */
export function planHashOf(plan: Pick<Plan, 'definition' | 'artifacts' | 'schedule'>): string {
  return planHash(plan.definition, plan.artifacts, plan.schedule);
}

export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}
