// The plan's model versions (units scoring with a registered model) and its schedule, as Markdown and as
// text. Pure: the PR comment, the job summary, plan.md and the CLI's text share these lines.
import type { PackageView, PlanView, ScheduleView } from '../plan/view.js';
import { mdCode, mdText } from './escape.js';

const versionOf = (arn: string | undefined): number | undefined => {
  const m = arn ? /\/(\d+)$/.exec(arn) : null;
  return m ? Number(m[1]) : undefined;
};
const day = (iso: string): string => iso.slice(0, 10);

/** `v3, Approved, registered 2026-11-30`. */
function versionText(p: PackageView): string | undefined {
  const r = p.resolved;
  return r
    ? `v${r.version}, ${r.approvalStatus}${r.createdAt ? `, registered ${day(r.createdAt)}` : ''}`
    : undefined;
}

/** The line about the deployed pipeline, when it scores with another (older or newer) version. */
function deployedNote(p: PackageView): string | undefined {
  const now = p.resolved?.version;
  const then = versionOf(p.deployedArn);
  if (now === undefined || then === undefined || then === now || p.deployedArn?.includes(':000000000000:'))
    return undefined;
  return then < now
    ? `the deployed pipeline scores with the older v${then}: deploying moves it to v${now}`
    : `the deployed pipeline scores with v${then}, newer than this plan's v${now}`;
}

export function packageMarkdown(view: PlanView): string[] {
  const packages = view.packages ?? [];
  if (packages.length === 0) return [];
  const out = ['**Model versions** (from the Model Registry)', ''];
  for (const p of packages) {
    const v = versionText(p);
    const head = `- ${mdCode(p.model, false)} scores with ${mdCode(p.group, false)}`;
    out.push(
      v
        ? `${head} ${mdText(v)} (parameter ${mdCode(p.parameter, false)}, ${mdCode(p.resolved?.arn ?? '', false)})`
        : `${head} ${mdText(String(p.version))}: **unresolved** (planned offline, without reading the Model Registry; deploy and run resolve it and refuse without AWS access)`,
    );
    const note = deployedNote(p);
    if (note) out.push(`  - ${mdText(note)}`);
  }
  out.push('');
  return out;
}

/** How a value is shown: inline code in Markdown, as it is in text. */
type Code = (s: string) => string;
const plain: Code = (x) => x;
const code: Code = (x) => mdCode(x, false);

function scheduleSummary(s: ScheduleView, c: Code): string {
  const spec = s.spec;
  if (!spec) return '';
  const params = spec.parameters.map((p) => c(`${p.Name}=${p.Value}`)).join(', ');
  return `${c(spec.expression)} in ${c(spec.timezone)}, ${spec.enabled ? 'enabled' : 'disabled'}, run as ${c(spec.roleArn)}${params ? `, parameters ${params}` : ''}`;
}

/** What deploy does to the schedule, in words; undefined when there is nothing to say. */
function scheduleOutcome(s: ScheduleView, c: Code): string | undefined {
  const a = s.action;
  if (!a)
    return s.spec ? `not compared with the deployed schedule (${s.note ?? 'it was not read'})` : undefined;
  switch (a.kind) {
    case 'none':
      return undefined;
    case 'create':
      return 'deploy creates it';
    case 'unchanged':
      return 'unchanged';
    case 'update':
      return `deploy updates it: ${a.fields.map((f) => `${f.field} ${f.old ? c(f.old) : '∅'} → ${f.new ? c(f.new) : '∅'}`).join('; ')}`;
    case 'delete':
      return `deploy deletes it: the config no longer has sagemakerPipeline.schedule (it ran ${c(a.deployed.expression)})`;
    case 'foreign':
      return s.spec
        ? 'a schedule with this name exists but smp did not create it: deploy refuses to take it over'
        : 'a schedule with this name exists but smp did not create it: left alone';
  }
}

export function scheduleMarkdown(view: PlanView): string[] {
  const s = view.schedule;
  if (!s) return [];
  const outcome = scheduleOutcome(s, code);
  if (!s.spec && !outcome) return [];
  const lines = [`**Schedule** ${mdCode(s.name, false)} (EventBridge Scheduler)`, ''];
  if (s.spec) lines.push(`- ${scheduleSummary(s, code)}`);
  if (outcome) lines.push(`- ${outcome}`);
  lines.push('');
  return lines;
}

/** A short phrase for the headline when the schedule changes, else undefined. */
export function scheduleChange(view: PlanView): string | undefined {
  const k = view.schedule?.action?.kind;
  return k === 'create'
    ? 'schedule added'
    : k === 'update'
      ? 'schedule changed'
      : k === 'delete'
        ? 'schedule removed'
        : undefined;
}

export function registryText(view: PlanView): string[] {
  const out: string[] = [];
  for (const p of view.packages ?? []) {
    const v = versionText(p);
    out.push(`model ${p.model}: ${p.group} ${v ?? `${String(p.version)} (unresolved: planned offline)`}`);
    const note = deployedNote(p);
    if (note) out.push(`  ${note}`);
  }
  const s = view.schedule;
  if (s?.spec) out.push(`schedule ${s.name}: ${scheduleSummary(s, plain)}`);
  const outcome = s ? scheduleOutcome(s, plain) : undefined;
  if (outcome) out.push(`  schedule: ${outcome}`);
  return out;
}
