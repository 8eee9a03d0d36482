// What merging a plan does to the deployed pipeline: steps added/removed/changed (field by field, with code
// changes and secrets summarised), renamed-looking pairs, edges and parameters. Pure.
import { flatSteps } from '../compile/branches.js';
import { isExpression } from '../compile/expressions.js';
import type { DefinitionStep, PipelineDefinition, Value } from '../compile/types.js';
import type { GraphEdge } from './graph.js';
import { stepGraph } from './graph.js';

export type DiffStatus = 'created' | 'unchanged' | 'changed';

export interface FieldChange {
  /** `Arguments.ResourceConfig.InstanceType`, list items by name: `Arguments.ProcessingInputs['code'].S3Input.S3Uri`. */
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  /** Display strings; undefined when absent on that side or redacted. */
  readonly old: string | undefined;
  readonly new: string | undefined;
  /** Environment values and anything that looks like a secret: shown as "changed", never printed. */
  readonly redacted: boolean;
}

export interface CodeChange {
  readonly path: string;
  /** `sourcedir.tar.gz`, `runproc.sh` */
  readonly artifact: string;
  readonly oldSha: string;
  readonly newSha: string;
}

export interface StepSummary {
  readonly name: string;
  readonly type: string;
}

export interface StepChange extends StepSummary {
  readonly fields: readonly FieldChange[];
  readonly code: readonly CodeChange[];
}

export interface ParameterChange {
  readonly name: string;
  readonly old: string | undefined;
  readonly new: string | undefined;
}

export interface DefinitionDiff {
  readonly status: DiffStatus;
  readonly steps: {
    readonly added: readonly StepSummary[];
    readonly removed: readonly StepSummary[];
    readonly changed: readonly StepChange[];
    readonly unchanged: readonly string[];
  };
  /** Removed/added pairs of the same type whose fields mostly agree: probably a rename. */
  readonly renamed: readonly { readonly from: string; readonly to: string; readonly similarity: number }[];
  readonly edges: { readonly added: readonly GraphEdge[]; readonly removed: readonly GraphEdge[] };
  readonly parameters: {
    readonly added: readonly ParameterChange[];
    readonly removed: readonly ParameterChange[];
    readonly changed: readonly ParameterChange[];
  };
  /** Top-level fields other than Steps and Parameters (PipelineExperimentConfig, Metadata, Version). */
  readonly pipelineFields: readonly FieldChange[];
  /** Step name → type, for every step on either side (the views name a step's type). */
  readonly stepTypes: ReadonlyMap<string, string>;
}

type Json = Value | undefined;

const CODE_URI = /s3:\/\/[^/"]+\/.+\/code\/([0-9a-f]{64})\/([^/"]+)/;
const SECRET_KEY = /secret|passw|token|api[-_]?key|credential|private[-_]?key|auth/i;
const SECRET_VALUE =
  /\bAKIA[0-9A-Z]{16}\b|\bASIA[0-9A-Z]{16}\b|gh[pousr]_[A-Za-z0-9]{20,}|:\/\/[^/\s:@]+:[^/\s@]+@|-----BEGIN [A-Z ]*PRIVATE KEY-----/;

export function diffDefinitions(
  deployed: PipelineDefinition | null,
  planned: PipelineDefinition,
): DefinitionDiff {
  // Branch steps are compared as steps of their own (a Condition lists their names).
  const before = deployed ? flatSteps(deployed) : [];
  const after = flatSteps(planned);
  const old = new Map(before.map((s) => [s.Name, s]));
  const now = new Map(after.map((s) => [s.Name, s]));
  const added = after.filter((s) => !old.has(s.Name));
  const removed = before.filter((s) => !now.has(s.Name));
  const changed: StepChange[] = [];
  const unchanged: string[] = [];
  for (const s of after) {
    const prev = old.get(s.Name);
    if (!prev) continue;
    const c = diffStep(prev, s);
    if (c.fields.length === 0 && c.code.length === 0) unchanged.push(s.Name);
    else changed.push(c);
  }
  const edgeKey = (e: GraphEdge): string => `${e.from}\u0000${e.to}\u0000${e.kind}`;
  const oldEdges = new Map(stepGraph({ Steps: before }).edges.map((e) => [edgeKey(e), e]));
  const newEdges = new Map(stepGraph(planned).edges.map((e) => [edgeKey(e), e]));
  const parameters = diffParameters(deployed?.Parameters ?? [], planned.Parameters);
  const pipelineFields = deployed ? diffValues(topLevel(deployed), topLevel(planned), '').fields : [];
  const diff: DefinitionDiff = {
    status: 'changed',
    steps: { added: added.map(summary), removed: removed.map(summary), changed, unchanged },
    renamed: findRenames(removed, added),
    edges: {
      added: [...newEdges].filter(([k]) => !oldEdges.has(k)).map(([, e]) => e),
      removed: [...oldEdges].filter(([k]) => !newEdges.has(k)).map(([, e]) => e),
    },
    parameters,
    pipelineFields,
    stepTypes: new Map([...before, ...planned.Steps].map((s) => [s.Name, s.Type])),
  };
  const same =
    added.length === 0 &&
    removed.length === 0 &&
    changed.length === 0 &&
    diff.edges.added.length === 0 &&
    diff.edges.removed.length === 0 &&
    parameters.added.length + parameters.removed.length + parameters.changed.length === 0 &&
    pipelineFields.length === 0;
  return { ...diff, status: deployed === null ? 'created' : same ? 'unchanged' : 'changed' };
}

function summary(s: DefinitionStep): StepSummary {
  return { name: s.Name, type: s.Type };
}

function topLevel(d: PipelineDefinition): Value {
  return { Version: d.Version, Metadata: d.Metadata, PipelineExperimentConfig: d.PipelineExperimentConfig };
}

/** Field changes of one step; DependsOn is left to the edge diff. */
export function diffStep(a: DefinitionStep, b: DefinitionStep): StepChange {
  const strip = (s: DefinitionStep): Value => {
    const { Name: _n, DependsOn: _d, ...rest } = s;
    return rest as unknown as Value;
  };
  const { fields, code } = diffValues(strip(a), strip(b), '');
  return { name: b.Name, type: b.Type, fields, code };
}

function diffValues(a: Json, b: Json, root: string): { fields: FieldChange[]; code: CodeChange[] } {
  const fields: FieldChange[] = [];
  const code: CodeChange[] = [];
  const visit = (x: Json, y: Json, path: string, redact: boolean): void => {
    if (deepEqual(x, y)) return;
    if (isContainer(x) && isContainer(y) && Array.isArray(x) === Array.isArray(y)) {
      const xs = entries(x);
      const ys = entries(y);
      const keys = [...new Set([...xs.keys(), ...ys.keys()])];
      for (const k of keys) {
        const sub = `${path}${k.startsWith('[') ? '' : path ? '.' : ''}${k}`;
        visit(xs.get(k), ys.get(k), sub, redact || isRedactedKey(k));
      }
      return;
    }
    const oldCode = typeof x === 'string' ? CODE_URI.exec(x) : null;
    const newCode = typeof y === 'string' ? CODE_URI.exec(y) : null;
    if (
      oldCode &&
      newCode &&
      oldCode[2] === newCode[2] &&
      oldCode[1] !== newCode[1] &&
      sameExceptHash(x, y)
    ) {
      code.push({ path, artifact: newCode[2] ?? '', oldSha: oldCode[1] ?? '', newSha: newCode[1] ?? '' });
      return;
    }
    const secret = redact || containsSecret(x) || containsSecret(y);
    fields.push({
      path,
      kind: x === undefined ? 'added' : y === undefined ? 'removed' : 'changed',
      old: secret || x === undefined ? undefined : display(x),
      new: secret || y === undefined ? undefined : display(y),
      redacted: secret,
    });
  };
  visit(a, b, root, false);
  return { fields, code };
}

/** Two code URIs that differ only in the content hash (not bucket or pipeline). */
function sameExceptHash(x: Json, y: Json): boolean {
  const strip = (v: Json): string => String(v).replace(/\/code\/[0-9a-f]{64}\//, '/code/*/');
  return strip(x) === strip(y);
}

function isRedactedKey(k: string): boolean {
  return k === 'Environment' || SECRET_KEY.test(k);
}

/** A value that is, or holds anywhere inside (keys included), something we must not print. */
function containsSecret(v: Json): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return SECRET_VALUE.test(v);
  if (typeof v !== 'object') return false;
  if (isExpression(v)) return SECRET_VALUE.test(JSON.stringify(v));
  if (Array.isArray(v)) return (v as Value[]).some(containsSecret);
  return Object.entries(v).some(([k, x]) => isRedactedKey(k) || containsSecret(x));
}

function isContainer(v: Json): v is Value[] | { [k: string]: Value } {
  return typeof v === 'object' && v !== null && !isExpression(v);
}

/** Children by display key; list items keyed by their name member when every item has a distinct one. */
function entries(v: Value[] | { [k: string]: Value }): Map<string, Value> {
  if (!Array.isArray(v))
    return new Map(
      Object.entries(v).map(([k, x]) => [
        /^[A-Za-z_][A-Za-z0-9_:-]*$/.test(k) ? k : `[${JSON.stringify(k)}]`,
        x,
      ]),
    );
  const names = v.map(itemName);
  if (names.every((n) => n !== undefined) && new Set(names).size === names.length) {
    return new Map(v.map((x, i) => [itemKey(String(names[i])), x]));
  }
  return new Map(v.map((x, i) => [`[${i}]`, x]));
}

const itemKey = (name: string): string => `['${name}']`;

/** The diff's path of the list item named `name` (`Arguments.ProcessingInputs['raw']`). */
export function itemPath(list: string, name: string): string {
  return `${list}${itemKey(name)}`;
}

const NAME_KEYS = ['InputName', 'OutputName', 'ChannelName', 'Key', 'Name', 'PropertyFileName'];
function itemName(v: Value): string | undefined {
  if (!isContainer(v) || Array.isArray(v)) return undefined;
  for (const k of NAME_KEYS) {
    const n = (v as Record<string, Value>)[k];
    if (typeof n === 'string') return n;
  }
  return undefined;
}

export function display(v: Json): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  if (isExpression(v)) {
    if ('Get' in v) return `{Get: ${v.Get}}`;
    if ('Std:Join' in v)
      return `join(${JSON.stringify(v['Std:Join'].On)}, ${v['Std:Join'].Values.map((x) => display(x)).join(', ')})`;
    return JSON.stringify(v);
  }
  return JSON.stringify(v);
}

function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, Value>)[k], (b as Record<string, Value>)[k]));
}

/** Leaves of a step with code hashes blanked, for the rename heuristic. */
function leaves(s: DefinitionStep): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (v: Json, path: string): void => {
    if (isContainer(v)) {
      for (const [k, x] of entries(v)) visit(x, `${path}/${k}`);
      return;
    }
    out.set(
      path,
      display(v)
        .replace(/\/code\/[0-9a-f]{64}\//, '/code/*/')
        .split(s.Name)
        .join('<self>'),
    );
  };
  visit(s.Arguments as Value, '');
  return out;
}

function similarity(a: DefinitionStep, b: DefinitionStep): number {
  const la = leaves(a);
  const lb = leaves(b);
  const keys = new Set([...la.keys(), ...lb.keys()]);
  if (keys.size === 0) return 1;
  let same = 0;
  for (const k of keys) if (la.get(k) === lb.get(k)) same++;
  return same / keys.size;
}

/** Greedy best pairs with similarity ≥ 0.6, deterministic (sorted by score, then names). */
function findRenames(
  removed: readonly DefinitionStep[],
  added: readonly DefinitionStep[],
): DefinitionDiff['renamed'] {
  const candidates: { from: string; to: string; similarity: number }[] = [];
  for (const r of removed) {
    for (const a of added) {
      if (r.Type !== a.Type) continue;
      const sim = similarity(r, a);
      if (sim >= 0.6) candidates.push({ from: r.Name, to: a.Name, similarity: Math.round(sim * 100) / 100 });
    }
  }
  candidates.sort(
    (x, y) => y.similarity - x.similarity || (x.from < y.from ? -1 : 1) || (x.to < y.to ? -1 : 1),
  );
  const used = new Set<string>();
  const out: DefinitionDiff['renamed'][number][] = [];
  for (const c of candidates) {
    if (used.has(c.from) || used.has(`>${c.to}`)) continue;
    used.add(c.from);
    used.add(`>${c.to}`);
    out.push(c);
  }
  return out;
}

/** `Integer, default 10` / `String, default "a", one of a | b`: what a reader compares. */
function parameterLine(p: { readonly [k: string]: Value }): string {
  const parts = [display(p.Type)];
  if (p.DefaultValue !== undefined) parts.push(`default ${JSON.stringify(p.DefaultValue)}`);
  if (Array.isArray(p.EnumValues)) parts.push(`one of ${p.EnumValues.map((v) => display(v)).join(' | ')}`);
  return parts.join(', ');
}

function diffParameters(a: readonly Value[], b: readonly Value[]): DefinitionDiff['parameters'] {
  const byName = (list: readonly Value[]): Map<string, string> =>
    new Map(
      list
        .filter((p): p is { [k: string]: Value } => isContainer(p) && !Array.isArray(p))
        .map((p) => [String(p.Name), parameterLine(p)]),
    );
  const hide = (m: Map<string, string>): Map<string, string> =>
    new Map([...m].map(([n, v]) => [n, SECRET_KEY.test(n) || SECRET_VALUE.test(v) ? '(value hidden)' : v]));
  const pa = hide(byName(a));
  const pb = hide(byName(b));
  return {
    added: [...pb].filter(([n]) => !pa.has(n)).map(([name, v]) => ({ name, old: undefined, new: v })),
    removed: [...pa].filter(([n]) => !pb.has(n)).map(([name, v]) => ({ name, old: v, new: undefined })),
    changed: [...pb]
      .filter(([n, v]) => pa.has(n) && pa.get(n) !== v)
      .map(([name, v]) => ({ name, old: pa.get(name), new: v })),
  };
}
